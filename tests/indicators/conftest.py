"""What the indicator tests share: runs fed together, checked against each fed alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from hankemalli import indicators as ind
from hankemalli.model import Participation


def _fed_together(
    calculations: Sequence[ind.Calculation], records: Sequence[Participation]
) -> list[ind.Run]:
    runs = [c.start() for c in calculations]
    ind.feed(runs, iter(records))
    assert [r.results() for r in runs] == [c.run(records) for c in calculations]
    return runs


@pytest.fixture(scope="session")
def fed_together() -> Callable[..., list[ind.Run]]:
    """Feed the runs of ``calculations`` together over ``records`` (``indicators.feed``).

    Asserts that each run's figures are those of its calculation run alone over the
    same records, and gives the runs fed.
    """
    return _fed_together
