"""Python's cyclic garbage collector paused over work that builds many objects (issue 14).

Reading a document and building a published set make tens or hundreds of thousands of
objects that live on (the model's objects; the reports, their ledgers and relations)
and no cycles (tests/test_collector.py checks that the reports leave none). Each batch
of new objects would otherwise make the collector walk the young ones again, for
nothing. :func:`paused` turns it off for the work and on again after, as the caller
had it.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

__all__ = ["PROMOTED_FROM", "paused", "paused_during"]

#: How many new objects the work must leave behind before they are moved straight to
#: the collector's oldest generation (some 5,000 participants' worth of a read).
PROMOTED_FROM = 50_000

_F = TypeVar("_F", bound=Callable[..., Any])


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection during the work; the collector left as it was found.

    A caller that turned the collector off keeps it off. The collector is the
    process's: cycles that other threads make meanwhile wait for the work to end.

    When the collector is turned on again, all the objects the work left behind
    are young, and its next collection would walk every one of them (3 seconds
    after reading 1,000,000 participants) only to move them to its oldest
    generation, where they belong: they live on. So work that left at least
    :data:`PROMOTED_FROM` of them moves them there at once, without a walk:
    :func:`gc.freeze` then :func:`gc.unfreeze`, which move every tracked object to
    the oldest generation (`Python's gc module
    <https://docs.python.org/3/library/gc.html#gc.freeze>`_). Nothing is kept
    alive by this: the oldest generation is collected as ever, only less often
    than the young one, so garbage that was young at that moment waits for the
    next full collection. A process that has frozen objects of its own
    (:func:`gc.get_freeze_count`) is left as it is, since unfreezing would thaw them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] >= PROMOTED_FROM and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def paused_during(function: _F) -> _F:
    """``function`` with the collector :func:`paused` while it runs."""

    @functools.wraps(function)
    def while_paused(*args: Any, **kwargs: Any) -> Any:
        with paused():
            return function(*args, **kwargs)

    return cast(_F, while_paused)
