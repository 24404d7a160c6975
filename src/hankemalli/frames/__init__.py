"""Participant records and computed figures as dataframes (taulukot analyysiin).

Each function gives a frame of the library the analyst already uses: ``backend="pandas"``
(a ``pandas.DataFrame``), ``"polars"`` (a ``polars.DataFrame``) or ``"pyarrow"`` (a
``pyarrow.Table``). hankemalli depends on none of them: narwhals makes the frames, and
only the library asked for is imported. Columns come in a fixed order with fixed types:
codes as text, dates as dates, counts as whole numbers, unknown values as nulls; a frame
of no records or figures has every column and no rows.

- :func:`participants`: one row per person, with the entry profile, the first entry and
  last exit, and the situation upon leaving and six months after;
- :func:`periods`, :func:`episodes`, :func:`situations` and :func:`events`: one row per
  stay, service episode, situation spell and outcome event, linked by ``pseudonym``;
- :func:`figures` and :func:`figure_counts`: computed figures with their numerators and
  denominators, and the counts per category behind them.

Needs the ``frames`` extra: ``pip install "hankemalli[frames]"``, and the dataframe
library itself (a pandas frame keeps its dates in pyarrow-backed columns, so pandas
needs pyarrow too).
"""

try:
    import narwhals  # noqa: F401  # imported only to fail early and helpfully
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "hankemalli.frames needs narwhals, which comes with the 'frames' extra: "
        'pip install "hankemalli[frames]"'
    ) from exc

from ._backend import BACKENDS
from ._figures import COUNT_COLUMNS, FIGURE_COLUMNS, figure_counts, figures
from ._records import (
    EPISODE_COLUMNS,
    EVENT_COLUMNS,
    PARTICIPANT_COLUMNS,
    PERIOD_COLUMNS,
    SITUATION_COLUMNS,
    episodes,
    events,
    participants,
    periods,
    situations,
)

__all__ = [
    "BACKENDS",
    "COUNT_COLUMNS",
    "EPISODE_COLUMNS",
    "EVENT_COLUMNS",
    "FIGURE_COLUMNS",
    "PARTICIPANT_COLUMNS",
    "PERIOD_COLUMNS",
    "SITUATION_COLUMNS",
    "episodes",
    "events",
    "figure_counts",
    "figures",
    "participants",
    "periods",
    "situations",
]
