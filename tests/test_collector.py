"""The cyclic garbage collector paused over work that builds many objects (_collector.py).

Reading a document and building reports make many objects that live on and no
cycles: the collector is off while they are built, and left as the caller had it.
What the work lets go of is freed at once, by reference counting: it leaves nothing
in reference cycles for the collector to find later.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import _collector
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.reporting import (
    Edition,
    annual_report,
    catalogue_for,
    final_report,
    published_set,
)
from hankemalli.testing import strategies as hst


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


@contextmanager
def _cyclic_garbage() -> Iterator[list[object]]:
    """What the collector finds unreachable (in reference cycles) of what the block lets go."""
    gc.collect()
    found: list[object] = []
    gc.set_debug(gc.DEBUG_SAVEALL)  # found objects are kept in gc.garbage, not freed
    try:
        yield found
        gc.collect()
        found.extend(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def _works(dataset: h.Dataset, as_of: pendulum.Date) -> list[Callable[[], object]]:
    programme = dataset.programme
    period = ind.ReportingPeriod(start=programme.start, end=programme.end)
    catalogue = catalogue_for(programme)
    return [
        lambda: ind.compute(catalogue, dataset.participants, period=period, as_of=as_of),
        lambda: published_set(dataset, as_of=as_of, edition=Edition.FUNDER),
        lambda: published_set(dataset, as_of=as_of, edition=Edition.PUBLIC),
        lambda: final_report(dataset, as_of=as_of),
    ]


def test_the_reports_leave_nothing_in_reference_cycles() -> None:
    """Rule: a report set's runs, families and compiled code are freed when it is done.

    A family's anchored scopes refer to it weakly, and code written out does not
    hold itself in its own namespace: were either a cycle, every tally of a set
    (some 7,000 objects for the demo's programme) would wait for the collector.
    """
    dataset = demo_dataset()
    as_of = pendulum.date(dataset.programme.end.year + 1, 12, 31)
    for work in _works(dataset, as_of):
        work()  # the caches filled: what stays on purpose is made before
        with _cyclic_garbage() as found:
            work()
        assert found == []


@settings(max_examples=15, deadline=None)
@given(hst.datasets(max_participants=12), st.integers(0, 700))
def test_no_report_leaves_anything_in_reference_cycles(dataset: h.Dataset, days: int) -> None:
    """Property: over any dataset, as_of the programme's end or later, no cyclic garbage."""
    as_of = dataset.programme.end.add(days=days)
    for work in _works(dataset, as_of):
        work()
        with _cyclic_garbage() as found:
            work()
        assert found == []
