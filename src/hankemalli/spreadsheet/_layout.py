"""The sheets of a hankemalli workbook and their columns (taulukon välilehdet ja sarakkeet).

One sheet per kind of row of the JSON form (docs/model.md): the programme (a form:
one row per field), its funders, targets and partners, the participants with their
entry profile and situation upon leaving, and the participants' periods, service
episodes, situations, events and assessments, linked to the participant by the
pseudonym; the staged-scale instruments; and the operating models, whose JSON form
a workbook written from a dataset keeps one to a row. Each sheet and column has a
stable ``key`` (a mapping may name it) and a header in Finnish, Swedish and English.
"""

from __future__ import annotations

from ._columns import Column, Kind, Sheet, labels
from ._outcome_sheets import ASSESSMENTS, EVENTS, SITUATIONS
from ._programme_sheets import FUNDERS, INSTRUMENTS, OPERATING_MODELS, PARTNERS, PROGRAMME, TARGETS
from ._record_sheets import EPISODES, PARTICIPANTS, PERIODS

__all__ = [
    "INSTRUCTIONS_SHEET",
    "LAYOUT",
    "LISTS_SHEET",
    "Column",
    "Kind",
    "Sheet",
]


#: Every sheet of a workbook, in the order a workbook has them.
LAYOUT: tuple[Sheet, ...] = (
    PROGRAMME,
    PARTICIPANTS,
    PERIODS,
    EPISODES,
    SITUATIONS,
    EVENTS,
    ASSESSMENTS,
    FUNDERS,
    TARGETS,
    PARTNERS,
    INSTRUMENTS,
    OPERATING_MODELS,
)

#: The instructions sheet (read by people only) and the hidden sheet of drop-down lists.
INSTRUCTIONS_SHEET = labels("Ohjeet", "Anvisningar", "Instructions")
LISTS_SHEET = labels("Luettelot", "Listor", "Lists")
