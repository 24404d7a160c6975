"""Putting the rows of a workbook together into one document of the JSON form.

The participants' rows become the records, in the order of their rows; the rows of
the child sheets join the record of their pseudonym, wherever they are in their
sheet, and a participant's periods and service episodes are put in date order (the
order the model keeps them in). An assessment is the rows of one participant,
instrument, day and kind (or of one assessment number); an instrument is the rows
of one instrument id, its dimensions and stages in the order of their rows. Every
value's JSON path is mapped to the cell it came from, so that a problem the model
finds in the document is told at its cell.
"""

from __future__ import annotations

from attrs import evolve

from ..model import SCHEMA_VERSION, DataError
from ..model._pseudonym import shown_safely
from ..serialization._json import parse
from ._cells import Address, Item
from ._labels import normal
from ._layout import Kind
from ._problems import SheetProblem, problem
from ._rows import Reading

__all__ = ["Builder", "JsonPath"]

JsonPath = tuple[str | int, ...]

_CHILDREN = ("periods", "episodes", "situations", "events")
_DATE_ORDER = {"periods": "entry", "episodes": "start"}
_NOT_PLACED = (Kind.PSEUDONYM, Kind.ORDINAL)


def _set(target: dict[str, object], path: tuple[str, ...], value: object) -> None:
    for key in path[:-1]:
        inner = target.setdefault(key, {})
        assert isinstance(inner, dict)
        target = inner
    target[path[-1]] = value


class Builder:
    """Builds the JSON document of a :class:`Reading`, with the cell of every JSON path."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.cells: dict[JsonPath, Address] = dict(reading.form_cells)
        self.places: dict[JsonPath, Item] = {}  # the object of each row, by its path
        self.problems: list[SheetProblem] = []
        self._skipped: dict[str, set[tuple[str, ...]]] = {}

    def _problem(self, found: SheetProblem, path: JsonPath) -> None:
        self.problems.append(evolve(found, path=path))

    def _unplaced(self, item: Item) -> set[tuple[str, ...]]:
        """The paths of the row's columns that have no place in the JSON form."""
        skipped = self._skipped.get(item.sheet.key)
        if skipped is None:
            skipped = {c.where for c in item.sheet.columns if c.kind in _NOT_PLACED}
            self._skipped[item.sheet.key] = skipped
        return skipped

    def _place(self, item: Item, prefix: JsonPath) -> dict[str, object]:
        """The object of ``item`` at ``prefix``, its cells mapped and its problems told."""
        self.places[prefix] = item
        skipped = self._unplaced(item)
        target: dict[str, object] = {}
        for rel, value in item.values.items():
            if rel in skipped:
                continue
            if len(rel) == 1:
                target[rel[0]] = value
            else:
                _set(target, rel, value)
        for rel, found in item.problems:
            self._problem(found, () if rel in skipped else (*prefix, *rel))
        return target

    def address(self, path: JsonPath) -> Address | None:
        """The cell the value at ``path`` came from, or the nearest one that has a cell."""
        for length in range(len(path), 0, -1):
            head = path[:length]
            address = self.cells.get(head)
            if address is not None:
                return address
            item = self.places.get(head)
            if item is not None:
                return item.at(path[length:])
        return None

    def _orphan(self, item: Item) -> None:
        """Tell the problems of a row that belongs to no participant, at no JSON path."""
        for _, found in item.problems:
            self._problem(found, ())

    def _sheets(self) -> None:
        for key, path in (
            ("programme", ("programme",)),
            ("participants", ("participants",)),
            ("funders", ("programme", "funders")),
            ("targets", ("programme", "targets")),
            ("partners", ("programme", "partners")),
            ("instruments", ("instruments",)),
            ("operating_models", ("operating_models",)),
        ):
            address = self.reading.sheet_address(key)
            if address is not None:
                self.cells[path] = address

    def build(self) -> dict[str, object]:
        """The document of the workbook (read with :mod:`hankemalli.serialization`)."""
        self._sheets()
        document: dict[str, object] = {"schema_version": SCHEMA_VERSION}
        if "programme" in self.reading.found:
            document["programme"] = self._programme()
        stages = self._instruments(document)
        document["participants"] = self._participants(stages)
        models = [
            self._model(item, ("operating_models", index))
            for index, item in enumerate(self.reading.items_of("operating_models"))
        ]
        if models:
            document["operating_models"] = models
        return document

    # The programme -----------------------------------------------------------------

    def _programme(self) -> dict[str, object]:
        programme: dict[str, object] = {}
        for key, (value, _) in self.reading.form.items():
            if value is not None and value != []:
                programme[key] = value
        for key in ("funders", "targets", "partners"):
            items = list(self.reading.items_of(key))
            if items:
                programme[key] = [
                    self._place(item, ("programme", key, index)) for index, item in enumerate(items)
                ]
        return programme

    # Participants ------------------------------------------------------------------

    def _participants(self, stages: dict[str, dict[str, list[str]]]) -> list[dict[str, object]]:
        records: list[dict[str, object]] = []
        index_of: dict[str, int] = {}
        for index, item in enumerate(self.reading.items_of("participants")):
            record = self._place(item, ("participants", index))
            record.setdefault("participant", {})
            record.setdefault("profile", {})
            records.append(record)
            pseudonym = item.value("id")
            if isinstance(pseudonym, str):
                index_of.setdefault(pseudonym, index)
        children: list[dict[str, list[Item]]] = [{} for _ in records]
        for key in (*_CHILDREN, "assessments"):
            for item in self.reading.items_of(key):
                owner = self._owner(item, index_of)
                if owner is not None:
                    children[owner].setdefault(key, []).append(item)
        for index, (record, lists) in enumerate(zip(records, children, strict=True)):
            record["periods"] = []
            for key in _CHILDREN:
                items = _in_date_order(lists.get(key, []), _DATE_ORDER.get(key))
                placed = [
                    self._place(item, ("participants", index, key, j))
                    for j, item in enumerate(items)
                ]
                if placed or key == "periods":
                    record[key] = placed
            assessments = self._assessments(lists.get("assessments", []), index, stages)
            if assessments:
                record["assessments"] = assessments
        return records

    def _owner(self, item: Item, index_of: dict[str, int]) -> int | None:
        pseudonym = item.value("participant")
        if isinstance(pseudonym, str) and pseudonym in index_of:
            return index_of[pseudonym]
        self._orphan(item)
        if isinstance(pseudonym, str):
            self._problem(
                problem(
                    "sheet.unknown_participant",
                    str(item.cell("participant")),
                    pseudonym=shown_safely(pseudonym),
                    sheet=self.reading.sheet_name("participants"),
                ),
                (),
            )
        elif item.raw("participant") is None or not any(
            rel == ("participant",) for rel, _ in item.problems
        ):
            self._problem(problem("sheet.no_participant", str(item.cell("participant"))), ())
        return None

    # Assessments and instruments ---------------------------------------------------

    def _assessments(
        self, items: list[Item], index: int, stages: dict[str, dict[str, list[str]]]
    ) -> list[dict[str, object]]:
        groups: dict[tuple[object, ...], list[Item]] = {}
        for item in items:
            number = item.value("number")
            same: tuple[object, ...] = (
                ("number", number)
                if number is not None
                else (item.value("instrument"), item.value("date"), item.value("kind"))
            )
            groups.setdefault(same, []).append(item)
        assessments = []
        for a, rows in enumerate(groups.values()):
            prefix: JsonPath = ("participants", index, "assessments", a)
            first = rows[0]
            self.cells[prefix] = first.anchor
            assessment: dict[str, object] = {}
            for key in ("instrument", "date", "kind"):
                self.cells[(*prefix, key)] = first.cell(key)
                value = first.value(key)
                if value is not None:
                    assessment[key] = value
                for row in rows[1:]:
                    other = row.value(key)
                    if other is not None and value is not None and other != value:
                        self._conflict(row, key, first, (*prefix, key))
            scores = []
            for s, row in enumerate(rows):
                where: JsonPath = (*prefix, "scores", s)
                self.cells[where] = row.anchor
                score: dict[str, object] = {}
                for key in ("dimension", "stage"):
                    self.cells[(*where, key)] = row.cell(key)
                dimension = row.value("dimension")
                if dimension is not None:
                    score["dimension"] = dimension
                stage = self._stage(row, assessment.get("instrument"), dimension, stages, where)
                if stage is not None:
                    score["stage"] = stage
                scores.append(score)
                for rel, found in row.problems:
                    at = (
                        (*prefix, *rel)
                        if rel[0] in ("instrument", "date", "kind")
                        else (*where, *rel)
                    )
                    # The pseudonym and the assessment's number have no place in the form.
                    self._problem(found, () if rel in self._unplaced(row) else at)
            assessment["scores"] = scores
            assessments.append(assessment)
        return assessments

    def _stage(
        self,
        row: Item,
        instrument: object,
        dimension: object,
        stages: dict[str, dict[str, list[str]]],
        where: JsonPath,
    ) -> int | None:
        label = row.value("stage")
        if not isinstance(label, str):
            return None
        known = (
            stages.get(instrument, {}).get(dimension)
            if isinstance(instrument, str) and isinstance(dimension, str)
            else None
        )
        if known is None:
            self._problem(
                problem(
                    "sheet.stage_unresolved",
                    str(row.cell("stage")),
                    value=shown_safely(label),
                    instrument=shown_safely(instrument),
                    dimension=shown_safely(dimension),
                    sheet=self.reading.sheet_name("instruments"),
                ),
                (*where, "stage"),
            )
            return None
        if label in known:
            return int(known.index(label))
        alike = [i for i, stage in enumerate(known) if normal(stage) == normal(label)]
        if len(alike) == 1:
            return alike[0]
        self._problem(
            problem(
                "sheet.unknown_stage",
                str(row.cell("stage")),
                value=shown_safely(label),
                dimension=shown_safely(dimension),
                allowed=", ".join(known),
            ),
            (*where, "stage"),
        )
        return None

    def _conflict(self, row: Item, key: str, first: Item, path: JsonPath) -> None:
        self._problem(
            problem(
                "sheet.conflicting_value",
                str(row.cell(key)),
                value=shown_safely(row.value(key)),
                first=str(first.cell(key)),
            ),
            path,
        )

    def _instruments(self, document: dict[str, object]) -> dict[str, dict[str, list[str]]]:
        """Add the instruments to ``document``; return the stages of each dimension."""
        groups: dict[object, dict[object, list[Item]]] = {}
        for item in self.reading.items_of("instruments"):
            groups.setdefault(item.value("instrument"), {}).setdefault(
                item.value("dimension"), []
            ).append(item)
        instruments = []
        stages: dict[str, dict[str, list[str]]] = {}
        for k, dimensions in enumerate(groups.values()):
            prefix: JsonPath = ("instruments", k)
            rows = [row for items in dimensions.values() for row in items]
            instrument = self._merged(
                rows, {"instrument": "id", "name": "name", "description": "description"}, prefix
            )
            found: list[dict[str, object]] = []
            for d, items in enumerate(dimensions.values()):
                where: JsonPath = (*prefix, "dimensions", d)
                dimension = self._merged(
                    items, {"dimension": "id", "dimension_name": "name"}, where
                )
                labels = []
                for s, row in enumerate(items):
                    self.cells[(*where, "stages", s)] = row.cell("stage")
                    label = row.value("stage")
                    labels.append(label)
                    for rel, problem_found in row.problems:
                        if rel == ("stage",):
                            self._problem(problem_found, (*where, "stages", s))
                dimension["stages"] = labels
                found.append(dimension)
                iid, did = instrument.get("id"), dimension.get("id")
                if isinstance(iid, str) and isinstance(did, str):
                    stages.setdefault(iid, {})[did] = [str(label) for label in labels]
            instrument["dimensions"] = found
            instruments.append(instrument)
        if instruments:
            document["instruments"] = instruments
        return stages

    def _merged(
        self, rows: list[Item], keys: dict[str, str], prefix: JsonPath
    ) -> dict[str, object]:
        """One object from fields that each row may repeat, the first row giving each value."""
        self.cells[prefix] = rows[0].anchor
        merged: dict[str, object] = {}
        given: dict[str, Item] = {}
        for row in rows:
            for key, name in keys.items():
                value = row.value(key)
                for rel, found in row.problems:
                    if rel == (key,):  # on any row: the value it would have given
                        self._problem(found, (*prefix, name))
                if value is None:
                    continue
                if name not in merged:
                    merged[name] = value
                    given[name] = row
                    self.cells[(*prefix, name)] = row.cell(key)
                elif merged[name] != value:
                    self._conflict(row, key, given[name], (*prefix, name))
        for key, name in keys.items():
            self.cells.setdefault((*prefix, name), rows[0].cell(key))
        return merged

    def _model(self, item: Item, prefix: JsonPath) -> object:
        self.cells[prefix] = item.cell("model")
        for _, found in item.problems:
            self._problem(found, prefix)
        text = item.value("model")
        if not isinstance(text, str):
            return None
        try:
            return parse(text)
        except DataError as error:
            reason = error.details[0].message
            self._problem(problem("sheet.json", str(item.cell("model")), reason=reason), prefix)
            return None


def _in_date_order(items: list[Item], key: str | None) -> list[Item]:
    """``items`` in order of the date ``key`` (kept as they are if a date is missing)."""
    if key is None:
        return items
    dates = [item.value(key) for item in items]
    if not all(isinstance(date, str) for date in dates):
        return items
    order = sorted(range(len(items)), key=lambda index: str(dates[index]))  # stable
    return [items[index] for index in order]
