"""The Hypothesis plugin, the testing extra and the import boundary."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
from hypothesis import given
from hypothesis import strategies as st
from property_helpers import fewer, strategies_by_class

import hankemalli
from hankemalli import OutcomeEvent, SituationSpell
from hankemalli.testing import Violation, _plugin

CLASSES = list(strategies_by_class())


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_the_plugin_is_an_installed_entry_point() -> None:
    found = [e for e in entry_points(group="hypothesis") if e.name == "hankemalli"]
    assert [e.value for e in found] == ["hankemalli.testing._plugin:_hypothesis_setup_hook"]
    assert found[0].load() is _plugin._hypothesis_setup_hook


def test_the_plugin_registers_hankemallis_own_classes_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registered: list[type] = []
    monkeypatch.setattr(st, "register_type_strategy", lambda cls, _: registered.append(cls))
    _plugin._hypothesis_setup_hook()
    assert all(cls.__module__.startswith("hankemalli.") for cls in registered)
    assert set(registered) == {*CLASSES, Violation}


@pytest.mark.parametrize("cls", [*CLASSES, Violation], ids=lambda cls: cls.__name__)
@fewer(5)
@given(data=st.data())
def test_from_type_builds_each_class(cls: type, data: st.DataObject) -> None:
    assert type(data.draw(st.from_type(cls))) is cls


@given(st.from_type(OutcomeEvent))
def test_from_type_builds_any_outcome_event(event: object) -> None:
    assert type(event) in hankemalli.EVENT_TAGS.values()


@given(st.from_type(SituationSpell))
def test_from_type_builds_any_situation_spell(spell: object) -> None:
    assert type(spell) in hankemalli.SITUATION_TAGS.values()


def test_import_hankemalli_does_not_import_hypothesis() -> None:
    code = "import sys, hankemalli; print('hypothesis' in sys.modules)"
    assert run_python(code).stdout.strip() == "False"


def test_without_hypothesis_the_testing_module_says_what_to_install() -> None:
    # A None in sys.modules makes "import hypothesis" fail as if it were not installed.
    code = "import sys; sys.modules['hypothesis'] = None; import hankemalli.testing.strategies"
    result = run_python(code)
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert 'pip install "hankemalli[testing]"' in result.stderr
