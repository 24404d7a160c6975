"""The public surface of ``import hankemalli``: names, version and what it loads."""

import importlib.metadata
import inspect
import json
import re
import subprocess
import sys

import hankemalli

# https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?"
)

#: What ``import hankemalli`` must not load: optional dependencies and the edges.
NOT_LOADED = (
    "hypothesis",
    "pandas",
    "polars",
    "narwhals",
    "pyarrow",
    "dask",
    "hankemalli.frames",
    "hankemalli.parallel",
    "hankemalli.cli",
    "hankemalli.demo",
    "hankemalli.testing",
    "hankemalli.serialization",
)


def test_every_name_in_all_exists_once():
    assert len(hankemalli.__all__) == len(set(hankemalli.__all__))
    missing = [name for name in hankemalli.__all__ if not hasattr(hankemalli, name)]
    assert missing == []


def test_star_import_exports_exactly_all():
    namespace: dict[str, object] = {}
    exec("from hankemalli import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(namespace) == sorted(hankemalli.__all__)


def test_every_public_class_and_function_has_a_docstring():
    undocumented = [
        name
        for name in hankemalli.__all__
        if inspect.isclass(getattr(hankemalli, name))
        or inspect.isfunction(getattr(hankemalli, name))
        if not (inspect.getdoc(getattr(hankemalli, name)) or "").strip()
    ]
    assert undocumented == []


def test_public_classes_are_defined_inside_hankemalli():
    for name in hankemalli.__all__:
        value = getattr(hankemalli, name)
        if inspect.isclass(value):
            assert value.__module__.startswith("hankemalli."), name


def test_version_is_semver_and_matches_the_installed_distribution():
    assert SEMVER.fullmatch(hankemalli.__version__), hankemalli.__version__
    assert hankemalli.__version__ == importlib.metadata.version("hankemalli")


def test_import_loads_neither_optional_dependencies_nor_the_edges():
    code = (
        "import json, sys\n"
        "import hankemalli\n"
        f"watched = {NOT_LOADED!r}\n"
        "print(json.dumps({\n"
        "    'loaded': sorted(m for m in watched if m in sys.modules),\n"
        "    'model': 'hankemalli.model' in sys.modules,\n"
        "}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report["model"], "the probe did not see hankemalli itself load"
    assert report["loaded"] == []


def test_every_public_name_of_the_model_is_re_exported():
    from hankemalli import model

    assert set(model.__all__) <= set(hankemalli.__all__)


def test_the_version_1_event_names_are_deprecated_not_public():
    import pendulum
    import pytest

    for name, spell in (
        ("EmploymentStarted", hankemalli.Employment),
        ("EducationStarted", hankemalli.Education),
        ("JobSearchStarted", hankemalli.JobSeeking),
    ):
        assert name not in hankemalli.__all__
        assert name not in hankemalli.model.__all__
        assert hankemalli.model._deprecated.DEPRECATED_EVENTS[name] is spell
    with pytest.warns(DeprecationWarning, match=r"use Employment\(start=\.\.\., end=\.\.\.\)"):
        spell = hankemalli.EmploymentStarted(
            date=pendulum.date(2016, 5, 2),
            source=hankemalli.InformationSource.REGISTER,
            kind=hankemalli.EmploymentKind.SUBSIDISED,
        )
    assert spell.is_open


def test_the_situation_strategies_are_public_and_the_event_ones_gone():
    from hankemalli.testing import strategies

    for name in (
        "employment_spells",
        "education_spells",
        "job_seeking_spells",
        "situation_spells",
        "exit_situations",
        "SITUATION_KINDS",
    ):
        assert name in strategies.__all__
        assert hasattr(strategies, name)
    for name in ("employment_started_events", "education_started_events"):
        assert not hasattr(strategies, name)
    assert "job_search_started_events" not in strategies.__all__


def test_import_loads_the_model_and_leaves_the_other_layers_until_first_used():
    # PEP 562: rules, indicators and reporting load on first use, so that a program
    # that only reads records starts quickly (issue 14: import under 150 ms).
    code = (
        "import json, sys\n"
        "import hankemalli\n"
        "layers = ['hankemalli.rules', 'hankemalli.indicators', 'hankemalli.reporting']\n"
        "before = [m for m in layers if m in sys.modules]\n"
        "from hankemalli import reporting\n"
        "used = hankemalli.indicators.ESF_PLUS_2021.codes and hankemalli.rules.RULES\n"
        "after = [m for m in layers if m in sys.modules]\n"
        "print(json.dumps({'before': before, 'after': after,\n"
        "    'same': reporting is sys.modules['hankemalli.reporting']}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report == {
        "before": [],
        "after": ["hankemalli.rules", "hankemalli.indicators", "hankemalli.reporting"],
        "same": True,
    }


def test_an_unknown_attribute_is_still_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError):
        hankemalli.no_such_layer  # noqa: B018
    assert {"indicators", "reporting", "rules"} <= set(dir(hankemalli))
