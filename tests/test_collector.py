"""The cyclic garbage collector paused over work that builds many objects (_collector.py).

Reading a document and building reports make many objects that live on and no
cycles: the collector is off while they are built, and left as the caller had it.
"""

from __future__ import annotations

import gc

import pendulum
import pytest

from hankemalli import _collector
from hankemalli.demo import demo_dataset
from hankemalli.reporting import Edition, annual_report, final_report, published_set


def _seen_during(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on when the reports' one pass ran, call by call."""
    from hankemalli.reporting import _api

    seen: list[bool] = []
    feed = _api.feed

    def watched(*args: object) -> None:
        seen.append(gc.isenabled())
        feed(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_api, "feed", watched)
    return seen


def test_the_collector_is_paused_while_reports_are_built_and_turned_on_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rule: no collection while the reports are built; the collector is on again after."""
    seen = _seen_during(monkeypatch)
    dataset = demo_dataset()
    as_of = pendulum.date(dataset.programme.end.year + 1, 12, 31)
    assert gc.isenabled()
    published_set(dataset, as_of=as_of, edition=Edition.PUBLIC)
    final_report(dataset, as_of=as_of)
    annual_report(dataset, dataset.programme.start.year, as_of=as_of)
    assert seen
    assert not any(seen)
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    dataset = demo_dataset()
    as_of = pendulum.date(dataset.programme.end.year + 1, 12, 31)
    gc.disable()
    try:
        published_set(dataset, as_of=as_of, edition=Edition.FUNDER)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_turned_on_again_when_the_work_fails() -> None:
    assert gc.isenabled()
    seen: list[bool] = []

    def fails() -> None:
        seen.append(gc.isenabled())
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        _collector.paused_during(fails)()
    assert seen == [False]
    assert gc.isenabled()


def test_a_function_paused_during_keeps_its_name_and_signature() -> None:
    """The reports' functions are documented and called as before."""
    import inspect

    assert published_set.__name__ == "published_set"
    assert "edition" in inspect.signature(published_set).parameters
    assert "julkaistavat" in (published_set.__doc__ or "")
