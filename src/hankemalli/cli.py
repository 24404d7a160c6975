"""The command line of hankemalli (komentorivi): ``python -m hankemalli``.

``demo`` prints the embedded demo programme's annual reports and its final
report, or with ``--export FILE`` writes its JSON document as a template.
``report FILE`` renders a dataset's annual (``--year``) or final (``--final``)
report in Finnish, Swedish or English as Markdown, JSON or HTML. ``validate
FILE`` checks a document: exit status 0 if it is valid, 1 with every problem
listed (one a line, ``$.path: message``) if it is not, and 2 if the file cannot
be read. ``migrate OLD -o NEW`` turns a version-1 document into the current
schema version. ``explain FILE --participant ID`` tells, for an auditor, whether
and why one person is counted in each figure.

The library reads no clock, and neither does the command line: a report's
``--as-of`` date defaults to the programme's end.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from ._version import __version__
from .model import SCHEMA_VERSION, DataError, Dataset, Programme
from .serialization import loads

if TYPE_CHECKING:
    from .reporting import Report

__all__ = ["main"]

#: Exit statuses: valid, invalid document, unreadable file or bad usage.
OK, INVALID, UNREADABLE = 0, 1, 2

FORMATS = ("md", "json", "html")
LANGUAGES = ("fi", "sv", "en")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` if None); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors end argparse early
        return int(exc.code or 0)
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (say, `| head`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return INVALID
    return status


def _date(text: str) -> pendulum.Date:
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return pendulum.date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _threshold(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", choices=LANGUAGES, default="fi", help="language (default fi)")
    command.add_argument(
        "--format", choices=FORMATS, default="md", help="output format (default md)"
    )
    command.add_argument(
        "--threshold",
        type=_threshold,
        default=5,
        metavar="N",
        help="withhold counts of fewer than N people (default 5)",
    )
    command.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")


def _period_options(command: argparse.ArgumentParser, year: str, final: str) -> None:
    """``--year YYYY`` or ``--final``, and ``--as-of``: what is counted, and what is known."""
    which = command.add_mutually_exclusive_group()
    which.add_argument("--year", type=int, metavar="YYYY", help=year)
    which.add_argument("--final", action="store_true", help=final)
    command.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date the records are seen as of (default: the programme's end)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hankemalli",
        description="Model and report the data of publicly funded employment projects (hanke).",
    )
    parser.add_argument("--version", action="version", version=f"hankemalli {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    demo = commands.add_parser(
        "demo",
        help="the embedded demo programme's reports (synthetic, modelled on KAIKU)",
        description="Print the demo programme's annual reports and final report, each "
        "annual report as of 31 January after its year and the final report seven months "
        "after the programme ended; or export the demo dataset as JSON.",
    )
    demo.add_argument(
        "--export",
        metavar="FILE",
        type=Path,
        help="write the demo dataset as a JSON document to FILE (a template for your data)",
    )
    _output_options(demo)
    demo.set_defaults(run=_demo)
    report = commands.add_parser(
        "report",
        help="render a dataset's annual or final report",
        description="Render the annual report of a year, or the final report, of a dataset.",
    )
    report.add_argument("file", metavar="FILE", type=Path, help="the dataset's JSON document")
    _period_options(report, "the annual report of YYYY", "the final report (the default)")
    _output_options(report)
    report.set_defaults(run=_report)
    validate = commands.add_parser(
        "validate",
        help="check a JSON document; list every problem",
        description="Check a hankemalli JSON document. Exit status: 0 valid, 1 invalid "
        "(every problem listed as '$.path: message'), 2 the file cannot be read.",
    )
    validate.add_argument("file", metavar="FILE", type=Path, help="the JSON document to check")
    validate.set_defaults(run=_validate)
    migrate = commands.add_parser(
        "migrate",
        help="turn a version-1 document into the current schema version",
        description="Read a JSON document of schema version 1 (or the current one), "
        "migrate it as docs/compatibility.md describes, check it, and write it in the "
        "current schema version. Exit status: 0 written, 1 invalid (every problem "
        "listed), 2 a file cannot be read or written.",
    )
    migrate.add_argument("file", metavar="OLD", type=Path, help="the document to migrate")
    migrate.add_argument("--output", "-o", type=Path, metavar="NEW", help="write to NEW")
    migrate.set_defaults(run=_migrate)
    explain = commands.add_parser(
        "explain",
        help="why one participant is or is not counted in the figures",
        description="Explain, figure by figure, whether one participant is in scope, in "
        "the population and counted, with the dates, window, spell or event that decided. "
        "For the association's own audit: the output names the participant's pseudonym.",
    )
    explain.add_argument("file", metavar="FILE", type=Path, help="the dataset's JSON document")
    explain.add_argument("--participant", required=True, metavar="ID", help="the pseudonym")
    explain.add_argument(
        "--code", metavar="CODE", help="one indicator (e.g. EECR04); all of them if not given"
    )
    _period_options(explain, "the calendar year YYYY", "the whole programme period (the default)")
    explain.set_defaults(run=_explain)
    return parser


def _renderer(name: str) -> Callable[..., str]:
    from . import reporting

    renderers: dict[str, Callable[..., str]] = {
        "md": reporting.render_markdown,
        "json": reporting.render_json,
        "html": reporting.render_html,
    }
    return renderers[name]


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place.

    A failure leaves an existing file as it was, never truncated.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _emit(args: argparse.Namespace, command: str, text: str) -> int:
    if args.output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return OK
    try:
        _write_atomically(args.output, text)
    except OSError as exc:
        print(f"hankemalli {command}: cannot write {args.output}: {_reason(exc)}", file=sys.stderr)
        return UNREADABLE
    print(f"wrote {args.output}", file=sys.stderr)
    return OK


def demo_reports(language: str = "fi", threshold: int = 5) -> list[Report]:
    """The demo programme's annual reports and final report (corrections told in ``language``)."""
    from .demo import demo_dataset
    from .reporting import (
        annual_document,
        derive_final,
        final_document,
        issue_annual_report,
        model_blocks,
        propose_corrections,
    )

    dataset = demo_dataset()
    programme = dataset.programme
    snapshots = [
        issue_annual_report(
            programme,
            dataset.participants,
            year=year,
            as_of=pendulum.date(year + 1, 1, 31),
            issued=pendulum.date(year + 1, 2, 15),
        )
        for year in range(programme.start.year, programme.end.year + 1)
    ]
    final_as_of = programme.end.add(months=7)
    corrections = propose_corrections(
        snapshots,
        dataset.participants,
        programme=programme,
        as_of=final_as_of,
        dated=final_as_of,
        reason={
            "fi": "seuranta- ja paluutiedot täydentyivät vuosiraportin jälkeen",
            "sv": "uppföljnings- och återkomstuppgifter kompletterades efter årsrapporten",
            "en": "follow-up data and re-entries arrived after the annual report",
        }[language],
    )
    final = derive_final(
        snapshots,
        corrections,
        programme=programme,
        records=dataset.participants,
        as_of=final_as_of,
    )
    documents = [
        annual_document(
            s,
            programme,
            threshold=threshold,
            models=model_blocks(dataset, period=s.period, as_of=s.as_of, threshold=threshold),
        )
        for s in snapshots
    ]
    models = model_blocks(dataset, period=final.period, as_of=final_as_of, threshold=threshold)
    documents.append(
        final_document(final, snapshots, programme, threshold=threshold, models=models)
    )
    return documents


def _demo(args: argparse.Namespace) -> int:
    from .demo import demo_json

    if args.export is None:
        documents = demo_reports(args.lang, args.threshold)
        if args.format == "html":
            text = _renderer("html")(documents, args.lang)
        else:
            rendered = [_renderer(args.format)(d, args.lang) for d in documents]
            joined = ("[\n", ",\n", "\n]\n") if args.format == "json" else ("", "\n---\n\n", "")
            text = joined[0] + joined[1].join(rendered) + joined[2]
        return _emit(args, "demo", text)
    try:
        args.export.write_text(demo_json(), encoding="utf-8")
    except OSError as exc:
        print(f"hankemalli demo: cannot write {args.export}: {_reason(exc)}", file=sys.stderr)
        return UNREADABLE
    print(f"wrote the demo dataset to {args.export}")
    return OK


def _read(path: Path, command: str) -> Dataset | int:
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"hankemalli {command}: cannot read {path}: {_reason(exc)}", file=sys.stderr)
        return UNREADABLE
    try:
        return loads(data, Dataset)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(f"{path}: invalid, {count} problem{'s' * (count != 1)}", file=sys.stderr)
        return INVALID


def _has_year(programme: Programme, year: int, as_of: pendulum.Date, command: str) -> bool:
    """True if the programme has ``year`` up to ``as_of``; otherwise says so on stderr."""
    if programme.start.year <= year <= min(programme.end, as_of).year:
        return True
    print(
        f"hankemalli {command}: the programme has no year {year} up to {as_of} "
        f"(it runs {programme.start}–{programme.end})",
        file=sys.stderr,
    )
    return False


def _report(args: argparse.Namespace) -> int:
    from .reporting import annual_report, final_report

    dataset = _read(args.file, "report")
    if isinstance(dataset, int):
        return dataset
    programme = dataset.programme
    as_of = args.as_of or programme.end
    if args.year is not None:
        if not _has_year(programme, args.year, as_of, "report"):
            return UNREADABLE
        document = annual_report(dataset, args.year, as_of=as_of, threshold=args.threshold)
    else:
        document = final_report(dataset, as_of=as_of, threshold=args.threshold)
    return _emit(args, "report", _renderer(args.format)(document, args.lang))


def _validate(args: argparse.Namespace) -> int:
    path: Path = args.file
    dataset = _read(path, "validate")
    if isinstance(dataset, int):
        return dataset
    records = dataset.participants
    print(
        f"{path}: OK, programme {dataset.programme.id!r}, {len(records)} participants, "
        f"{sum(len(r.episodes) for r in records)} service episodes, "
        f"{sum(len(r.events) for r in records)} outcome events"
    )
    return OK


def _migrate(args: argparse.Namespace) -> int:
    from .serialization import dumps

    # The reader migrates a version-1 document by itself and reports its problems where
    # they are in the document as written.
    dataset = _read(args.file, "migrate")
    if isinstance(dataset, int):
        return dataset
    status = _emit(args, "migrate", dumps(dataset) + "\n")
    if status == OK:
        print(f"{args.file}: read, written as version {SCHEMA_VERSION}", file=sys.stderr)
    return status


def _explain(args: argparse.Namespace) -> int:
    from .indicators import (
        ESF_2014,
        ESF_PLUS_2021,
        SEED_FIGURES,
        CountingRules,
        ReportingPeriod,
        common_indicators,
        explain,
    )

    dataset = _read(args.file, "explain")
    if isinstance(dataset, int):
        return dataset
    programme = dataset.programme
    record = next((r for r in dataset.participants if r.id == args.participant), None)
    if record is None:
        print(
            f"hankemalli explain: no participant {args.participant!r} in {args.file}",
            file=sys.stderr,
        )
        return UNREADABLE
    catalogue = ESF_PLUS_2021 + ESF_2014 + SEED_FIGURES
    if args.code is not None and args.code not in catalogue.codes:
        print(
            f"hankemalli explain: unknown indicator {args.code!r}; "
            f"known: {', '.join(catalogue.codes)}",
            file=sys.stderr,
        )
        return UNREADABLE
    as_of = args.as_of or programme.end
    if args.year is not None:
        if not _has_year(programme, args.year, as_of, "explain"):
            return UNREADABLE
        period = ReportingPeriod.year(args.year)
    else:
        period = ReportingPeriod(start=programme.start, end=programme.end)
    rules = CountingRules.for_programme(programme)
    # Without a code, the figures the programme's reports show: the common
    # indicators of its programming period and the seed figures.
    indicators = (
        [catalogue[args.code]]
        if args.code is not None
        else list(common_indicators(programme.programming_period) + SEED_FIGURES)
    )
    lines = []
    for indicator in indicators:
        found = explain(record, indicator, period=period, as_of=as_of, rules=rules)
        if args.code is not None:
            lines.append(str(found))
        else:
            verdict = (
                "counted"
                if found.counted
                else "in the population, not counted"
                if found.in_population
                else "in scope, not in the population"
                if found.in_scope
                else "not in scope"
            )
            lines.append(f"{indicator.code}: {verdict}")
    print("\n".join(lines))
    return OK


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
