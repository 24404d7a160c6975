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

Whatever the input, a command ends with an exit status of docs/cli.md and a
message, never a traceback: 0 done, 1 an invalid document, 2 a file that cannot
be read or written or a wrong option, 3 a bug, 130 an interrupt. Every file is
written atomically (:func:`_write_atomically`); what a message echoes is escaped.

The library reads no clock, and neither does the command line: a report's
``--as-of`` date defaults to the programme's end.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn, cast

import pendulum

from ._files import write_atomically as _write_atomically
from ._version import __version__
from .model import SCHEMA_VERSION, DataError, Dataset, Participation, Programme
from .model._errors import shown
from .model._messages import Language, phrase
from .serialization import loads, read_lines
from .serialization._converter import iso_date

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from .indicators import ReportingPeriod
    from .reporting import AnnualReport, Correction, Report

__all__ = ["main"]

#: Exit statuses (docs/cli.md): done (a valid document), an invalid document, a file
#: that cannot be read or written or an option that is wrong, an unexpected error
#: (a bug), and an interrupt (Ctrl-C).
OK, INVALID, UNREADABLE, BUG, INTERRUPTED = 0, 1, 2, 3, 130

FORMATS = ("md", "json", "html")
#: What ``report`` also writes: tables for funders' forms (an xlsx workbook needs --output).
REPORT_FORMATS = (*FORMATS, "csv", "xlsx")
LANGUAGES = ("fi", "sv", "en")
#: The editions of a report (``reporting.Edition``): for anyone, or for the funder only.
EDITIONS = ("public", "funder")

_ASCII_DIGITS = re.compile(r"[0-9]+")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` if None); return the exit status.

    Whatever the input, the outcome is one of the exit statuses of docs/cli.md and a
    message, never a traceback. A reader that goes away (``| head``) does not change
    the status: the rest of the output is dropped.
    """
    args: argparse.Namespace | None = None
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version and usage errors end argparse early
            return int(exc.code or 0)
        status: int = args.run(args)
        return status
    except _UnwritableError as exc:
        _err(exc.message(args))
        return UNREADABLE
    except KeyboardInterrupt:
        _err(f"{_name(args)}: interrupted")
        return INTERRUPTED
    except Exception as exc:  # the promise: never a traceback, whatever the input
        _err(
            f"{_name(args)}: unexpected error (a bug in hankemalli {__version__}; please "
            f"report it): {type(exc).__name__}: {shown(str(exc), 200)}"
        )
        return BUG
    finally:
        _flush(sys.stdout)
        _flush(sys.stderr)


def _name(args: argparse.Namespace | None) -> str:
    """The command's name for a message: ``hankemalli report``, or ``hankemalli``."""
    return "hankemalli" if args is None else f"hankemalli {args.command}"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose messages cannot break a line, colour a terminal or fail.

    A usage error echoes what was typed: control characters in it are escaped. Help
    goes to a stream that may not take every character, or may be a closed pipe.
    """

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``message``, escaped, and exit with status 2."""
        super().error(_escape(message))

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            stream = cast("IO[str]", file or sys.stderr)
            _write(stream, _encodable(message, stream))


# Output ----------------------------------------------------------------------------


class _UnwritableError(Exception):
    """The standard output cannot take a character of the text (its encoding lacks it)."""

    def __init__(self, error: UnicodeEncodeError, encoding: str) -> None:
        super().__init__(str(error))
        self.character = error.object[error.start : error.end]
        self.encoding = encoding

    def message(self, args: argparse.Namespace | None) -> str:
        command = _name(args)
        character = shown(self.character[:1])
        if _is_surrogate(self.character[:1]):
            return (
                f"{command}: the text holds a lone surrogate {character}, which no file "
                "can hold; nothing was written"
            )
        hint = " or write to a file with --output" if hasattr(args, "output") else ""
        return (
            f"{command}: the standard output cannot take the text: its encoding "
            f"{self.encoding} has no {character} (U+{ord(self.character[0]):04X}); "
            f"nothing was written. Set PYTHONIOENCODING=utf-8{hint}"
        )


def _is_surrogate(character: str) -> bool:
    return bool(character) and 0xD800 <= ord(character) <= 0xDFFF


def _stream_encoding(stream: IO[str]) -> tuple[str, str]:
    return (
        getattr(stream, "encoding", None) or "utf-8",
        getattr(stream, "errors", None) or "strict",
    )


def _encodable(text: str, stream: IO[str]) -> str:
    """``text`` with what ``stream`` cannot encode written as escapes (for messages)."""
    encoding, errors = _stream_encoding(stream)
    try:
        text.encode(encoding, errors)
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an unknown encoding or error handler: let the stream decide
        pass
    return text


def _out(text: str) -> None:
    """Write ``text`` to the standard output whole, or raise :class:`_UnwritableError`.

    The text is checked against the output's encoding before anything is written,
    so an output that cannot take it (``PYTHONIOENCODING=ascii``) gets nothing, not
    a half-written report.
    """
    encoding, errors = _stream_encoding(sys.stdout)
    try:
        text.encode(encoding, errors)
    except UnicodeEncodeError as error:
        raise _UnwritableError(error, encoding) from None
    except LookupError:
        pass
    _write(sys.stdout, text)


def _err(line: str) -> None:
    """Write one line of a message to the standard error."""
    _write(sys.stderr, _encodable(line + "\n", sys.stderr))


def _write(stream: IO[str], text: str) -> None:
    """Write and flush; a closed pipe (the reader went away) drops the rest quietly."""
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        _silence(stream)


def _flush(stream: IO[str]) -> None:
    try:
        stream.flush()
    except BrokenPipeError:
        _silence(stream)
    except (OSError, ValueError):  # a closed or broken stream: nothing more to say
        pass


def _silence(stream: IO[str]) -> None:
    """Send the rest of ``stream`` to the null device, after a broken pipe.

    Python's final flush of the closed pipe then neither fails nor prints
    "Exception ignored ... BrokenPipeError".
    """
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # not a file (a test's capture): nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)


def _escape(value: object) -> str:
    r"""``value`` as text with every character that is not printable escaped.

    For paths and other input echoed in a message: a newline, an ANSI escape or a
    lone surrogate is written as ``\n``, ``\x1b``, ``\ud800``, so it cannot fake a
    line or colour a terminal. Printable text, such as a path, is shown as it is.
    """
    text = str(value)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


# Options ---------------------------------------------------------------------------


def _date(text: str) -> pendulum.Date:
    """A date as the JSON form has it: ``YYYY-MM-DD`` in ASCII digits, in the calendar.

    The reader of documents' own rule (``serialization``), so the two agree.
    """
    try:
        day = iso_date(text)
    except ValueError:  # not in the calendar (2019-02-30, year 0)
        day = None
    if day is not None:
        return day
    raise argparse.ArgumentTypeError(
        f"expected a date YYYY-MM-DD in the calendar, got {shown(text)}"
    )


def _year(text: str) -> int:
    # ASCII digits only, as in JSON; a year the programme does not have is told later.
    if len(text) <= 9 and _ASCII_DIGITS.fullmatch(text):
        return int(text)
    raise argparse.ArgumentTypeError(f"expected a year YYYY, got {shown(text)}")


def _threshold(text: str) -> int:
    # ASCII digits only, as in JSON; at most 9 of them (a billion people is plenty).
    if len(text) <= 9 and _ASCII_DIGITS.fullmatch(text) and int(text) >= 1:
        return int(text)
    raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {shown(text)}")


def _output_options(command: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    command.add_argument("--lang", choices=LANGUAGES, default="fi", help="language (default fi)")
    command.add_argument(
        "--format", choices=formats, default="md", help="output format (default md)"
    )
    command.add_argument(
        "--threshold",
        type=_threshold,
        default=5,
        metavar="N",
        help="withhold counts of fewer than N people (default 5)",
    )
    command.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")


def _edition_option(command: argparse.ArgumentParser) -> None:
    """``--edition public|funder``: who the report is for (raportin versio)."""
    command.add_argument(
        "--edition",
        choices=EDITIONS,
        default="public",
        help="public: small counts and what they could be worked out from are withheld "
        "(the default); funder: exact figures, every page marked confidential, not for "
        "publication",
    )


def _period_options(command: argparse.ArgumentParser, year: str, final: str) -> None:
    """``--year YYYY`` or ``--final``, and ``--as-of``: what is counted, and what is known."""
    which = command.add_mutually_exclusive_group()
    which.add_argument("--year", type=_year, metavar="YYYY", help=year)
    which.add_argument("--final", action="store_true", help=final)
    command.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date the records are seen as of (default: the programme's end)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    demo.add_argument(
        "--force",
        action="store_true",
        help="with --export, replace FILE if it exists (without it, an existing FILE is kept)",
    )
    _output_options(demo)
    _edition_option(demo)
    demo.set_defaults(run=_demo, command="demo")
    report = commands.add_parser(
        "report",
        help="render a dataset's annual or final report",
        description="Render the annual report of a year, or the final report, of a dataset.",
    )
    report.add_argument("file", metavar="FILE", type=Path, help="the dataset's JSON document")
    _period_options(report, "the annual report of YYYY", "the final report (the default)")
    _output_options(report, REPORT_FORMATS)
    _edition_option(report)
    report.set_defaults(run=_report, command="report")
    validate = commands.add_parser(
        "validate",
        help="check a JSON document; list every problem",
        description="Check a hankemalli JSON document, or a JSON Lines dataset (.jsonl: "
        "read a participant at a time). Exit status: 0 valid, 1 invalid "
        "(every problem listed as '$.path: message'), 2 the file cannot be read.",
    )
    validate.add_argument("file", metavar="FILE", type=Path, help="the JSON document to check")
    validate.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the problems (default en)"
    )
    validate.set_defaults(run=_validate, command="validate")
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
    migrate.set_defaults(run=_migrate, command="migrate")
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
    explain.set_defaults(run=_explain, command="explain")
    check = commands.add_parser(
        "check",
        help="a data-quality report: the findings of the checks by rule",
        description="Check a dataset's records for completeness and consistency and list "
        "the findings rule by rule, with their counts and the pseudonyms of the "
        "participants affected. For the association's own use: the report names people "
        "by their pseudonyms. Exit status: 0 no errors (warnings and notes may be listed), "
        "1 errors found or the document invalid, 2 a file cannot be read or written.",
    )
    check.add_argument("file", metavar="FILE", type=Path, help="the dataset's JSON document")
    check.add_argument("--lang", choices=LANGUAGES, default="fi", help="language (default fi)")
    check.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")
    check.set_defaults(run=_check, command="check")
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the dataset document",
        description="Print the JSON Schema (draft 2020-12) of the dataset document of the "
        "current schema version, for front ends and systems not written in Python. It "
        "checks a document's form; 'validate' also checks the model's rules across values. "
        "Exit status: 0 written, 2 the file cannot be written.",
    )
    schema.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")
    schema.set_defaults(run=_schema, command="schema")
    _spreadsheet_commands(commands)
    return parser


def _renderer(name: str) -> Callable[..., str]:
    from . import reporting

    renderers: dict[str, Callable[..., str]] = {
        "md": reporting.render_markdown,
        "json": reporting.render_json,
        "html": reporting.render_html,
        "csv": reporting.render_csv,
    }
    return renderers[name]


def _write_file(command: str, path: Path, text: str | bytes) -> bool:
    """Write ``text`` to ``path`` atomically; if it cannot be, say why and return False."""
    reason = _name_problem(path)
    if reason is None:
        try:
            _write_atomically(path, text)
        except OSError as exc:
            reason = _reason(exc)
        except UnicodeEncodeError as exc:
            character = shown(exc.object[exc.start : exc.end])
            reason = f"the text holds {character}, which UTF-8 cannot encode"
        else:
            return True
    _err(f"hankemalli {command}: cannot write {_escape(path)}: {reason}; nothing was written")
    return False


def _name_problem(path: Path) -> str | None:
    """Why the file system cannot take ``path`` as a name, or None if it can."""
    if "\0" in str(path):
        return "a file name cannot hold a NUL character"
    try:
        os.fsencode(path)
    except UnicodeEncodeError:
        return f"the name cannot be encoded for the file system ({sys.getfilesystemencoding()})"
    return None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def _emit(args: argparse.Namespace, text: str) -> int:
    """Write a command's result to ``--output`` (atomically) or the standard output."""
    if args.output is None:
        _out(text if text.endswith("\n") else text + "\n")
        return OK
    if not _write_file(args.command, args.output, text):
        return UNREADABLE
    _err(f"wrote {_escape(args.output)}")
    return OK


def demo_set_up(
    language: str = "fi",
) -> tuple[Dataset, list[AnnualReport], list[Correction], pendulum.Date]:
    """The demo's published history (julkaistut raportit), the input of its reports.

    Its dataset, each year's annual report as issued on 31 January of the next year,
    the corrections proposed at the end (their reason in ``language``), and the final
    report's as-of date, seven months after the programme's end.
    """
    from .demo import demo_dataset
    from .reporting import issue_annual_report, propose_corrections

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
    return dataset, snapshots, list(corrections), final_as_of


def demo_reports(language: str = "fi", threshold: int = 5, edition: str = "public") -> list[Report]:
    """The demo programme's annual reports and final report (corrections told in ``language``).

    ``edition`` is ``public`` (the reports protected together, as published
    together) or ``funder`` (exact figures, marked confidential).
    """
    from .reporting import Edition, published_set

    dataset, snapshots, corrections, final_as_of = demo_set_up(language)
    return list(
        published_set(
            dataset,
            as_of=final_as_of,
            edition=Edition(edition),
            reports=snapshots,
            corrections=corrections,
            threshold=threshold,
        )
    )


def _demo(args: argparse.Namespace) -> int:
    from .demo import demo_json

    if args.export is None:
        documents = demo_reports(args.lang, args.threshold, args.edition)
        if args.format == "html":
            text = _renderer("html")(documents, args.lang)
        else:
            rendered = [_renderer(args.format)(d, args.lang) for d in documents]
            joined = ("[\n", ",\n", "\n]\n") if args.format == "json" else ("", "\n---\n\n", "")
            text = joined[0] + joined[1].join(rendered) + joined[2]
        return _emit(args, text)
    target: Path = args.export
    if not args.force and (target.exists() or target.is_symlink()):
        _err(f"hankemalli demo: {_escape(target)} exists; not replaced (use --force to replace it)")
        return UNREADABLE
    if not _write_file("demo", target, demo_json()):
        return UNREADABLE
    _err(f"wrote the demo dataset to {_escape(target)}")
    return OK


def _read(args: argparse.Namespace, language: Language = "en") -> Dataset | int:
    """Read the document ``args.file``; on failure, say why and return the exit status.

    The problems of an invalid document, and the line that counts them, are in
    ``language``.
    """
    path: Path = args.file
    output: Path | None = getattr(args, "output", None)
    if output is not None and _same_file(path, output):
        _err(
            f"hankemalli {args.command}: --output {_escape(output)} is the document "
            "being read; write to another file"
        )
        return UNREADABLE
    reason = _name_problem(path)
    if reason is None and _is_lines(path):
        # JSON Lines: read line by line; the whole dataset is needed by the caller.
        try:
            stream = read_lines(path)
            records = tuple(_Progress(args.command, stream))
            return Dataset(
                programme=stream.header.programme,
                participants=records,
                operating_models=stream.header.operating_models,
                instruments=stream.header.instruments,
            )
        except DataError as error:
            return _invalid(path, error, language)
        except OSError as exc:
            reason = _reason(exc)
    if reason is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = _reason(exc)
    if reason is not None:
        _err(f"hankemalli {args.command}: cannot read {_escape(path)}: {reason}")
        return UNREADABLE
    try:
        return loads(data, Dataset)
    except DataError as error:
        return _invalid(path, error, language)


def _invalid(path: Path, error: DataError, language: Language) -> int:
    """List the problems of an invalid document, say how many, and return INVALID."""
    # The problems are escaped again here, so no problem can break its line.
    _out("".join(f"{_escape(problem.line(language))}\n" for problem in error.details))
    listed = len(error.details)
    # A DataError keeps the first problems of a long run and counts the rest.
    count = max(int(getattr(error, "count", listed)), listed)
    first = phrase("problems.first_listed", language, listed=listed) if count > listed else ""
    problems = phrase("problems.one" if count == 1 else "problems.many", language, count=count)
    invalid = phrase("document.invalid", language)
    _err(f"{_escape(path)}: {invalid}, {problems}{first}")
    return INVALID


#: The file name endings of JSON Lines datasets (the header, then a participant a line).
LINES_SUFFIXES = (".jsonl", ".ndjson")


def _is_lines(path: Path) -> bool:
    return path.suffix.lower() in LINES_SUFFIXES


#: How many records between two looks at the clock for the progress line.
_PROGRESS_EVERY = 1000


class _Progress:
    """Counts records read and, on a terminal, shows the count on stderr now and then."""

    def __init__(self, command: str, records: Iterable[Participation]) -> None:
        self.command = command
        self.records = records
        self.shown = sys.stderr.isatty()
        self.count = 0

    def __iter__(self) -> Iterator[Participation]:
        last = time.monotonic()
        for record in self.records:
            self.count += 1
            every = _PROGRESS_EVERY
            if self.shown and self.count % every == 0 and time.monotonic() - last >= 0.25:
                last = time.monotonic()
                _write(sys.stderr, f"\rhankemalli {self.command}: {self.count:,} participants")
            yield record
        if self.shown and self.count >= _PROGRESS_EVERY:
            _write(sys.stderr, "\r" + " " * 60 + "\r")  # the line is cleared at the end


def _as_of(programme: Programme, args: argparse.Namespace) -> pendulum.Date | None:
    """The as-of date (by default the programme's end), or None if it is before the start."""
    as_of: pendulum.Date = args.as_of or programme.end
    if as_of < programme.start:
        _err(
            f"hankemalli {args.command}: --as-of {as_of} is before the programme starts "
            f"({programme.start}); nothing is counted as of then"
        )
        return None
    return as_of


def _has_year(programme: Programme, year: int, as_of: pendulum.Date, command: str) -> bool:
    """True if the programme has ``year`` up to ``as_of``; otherwise says so on stderr."""
    if programme.start.year <= year <= min(programme.end, as_of).year:
        return True
    _err(
        f"hankemalli {command}: the programme has no year {year} up to {as_of} "
        f"(it runs {programme.start}–{programme.end})"
    )
    return False


def _report(args: argparse.Namespace) -> int:
    from .reporting import Edition, annual_report, published_set

    if args.format == "xlsx" and args.output is None:
        _err("hankemalli report: --format xlsx writes a workbook: give --output FILE")
        return UNREADABLE
    dataset = _read(args)
    if isinstance(dataset, int):
        return dataset
    programme = dataset.programme
    as_of = _as_of(programme, args)
    if as_of is None:
        return UNREADABLE
    edition = Edition(args.edition)
    if args.year is not None:
        if not _has_year(programme, args.year, as_of, "report"):
            return UNREADABLE
        document = annual_report(
            dataset, args.year, as_of=as_of, threshold=args.threshold, edition=edition
        )
    else:
        # The final report is published with the annual reports it sums up: it is
        # protected together with every year's report as the records stand on as_of,
        # so that no year's withheld count falls out of the final total.
        *_, document = published_set(
            dataset, as_of=as_of, threshold=args.threshold, edition=edition
        )
    if args.as_of is None:
        _warn_six_months(dataset, document.period, as_of, args.lang)
    if args.format == "xlsx":
        return _write_workbook(args, document)
    return _emit(args, _renderer(args.format)(document, args.lang))


def _warn_six_months(
    dataset: Dataset, period: ReportingPeriod, as_of: pendulum.Date, language: Language
) -> None:
    """Warn, in ``language``, that the default as-of date misses six-month results.

    Without ``--as-of`` a report is as of the programme's end, when the situation
    six months after leaving (CR06–CR09; EECR05 and EECR06) cannot be known yet
    for those who left in its last six months. The situation is the one
    recorded from six calendar months after the last exit up to the counting rules'
    follow-up days after it (``CountingRules.follow_up_days``), so the date named is
    the last exit in the report's period plus six months and those days.
    """
    from .indicators import CountingRules
    from .model._timeline import last_exit_known
    from .reporting import text

    exits = [last_exit_known(r, as_of) for r in dataset.participants]
    left = [e for e in exits if e is not None and period.contains(e)]
    if not left:
        return
    last_exit = max(left)
    days = CountingRules.for_programme(dataset.programme).follow_up_days
    needed = last_exit.add(months=6).add(days=days)
    if needed <= as_of:
        return
    warning = text("as_of_warning").get(language)
    _err(
        "hankemalli report: "
        + warning.format(
            as_of=as_of.isoformat(),
            last_exit=last_exit.isoformat(),
            needed=needed.isoformat(),
            days=days,
        )
    )


def _write_workbook(args: argparse.Namespace, document: Report) -> int:
    """Write a report as an Excel workbook to ``--output`` (atomically)."""
    from .reporting import render_xlsx

    try:
        data = render_xlsx(document, args.lang)
    except ImportError as exc:  # openpyxl, an optional extra, is not installed
        _err(f"hankemalli report: {_escape(exc)}")
        return UNREADABLE
    if not _write_file(args.command, args.output, data):
        return UNREADABLE
    _err(f"wrote {_escape(args.output)}")
    return OK


def _validate(args: argparse.Namespace) -> int:
    if _is_lines(args.file) and _name_problem(args.file) is None:
        return _validate_lines(args)
    dataset = _read(args, args.lang)
    if isinstance(dataset, int):
        return dataset
    records = dataset.participants
    return _valid(
        args.file,
        dataset.programme,
        len(records),
        sum(len(r.episodes) for r in records),
        sum(len(r.events) for r in records),
    )


def _valid(path: Path, programme: Programme, records: int, episodes: int, events: int) -> int:
    _out(
        f"{_escape(path)}: OK, programme {shown(programme.id)}, {records} participants, "
        f"{episodes} service episodes, {events} outcome events\n"
    )
    return OK


def _validate_lines(args: argparse.Namespace) -> int:
    """Check a JSON Lines dataset one record at a time, keeping none of them."""
    path: Path = args.file
    records = episodes = events = 0
    try:
        stream = read_lines(path)
        for record in _Progress("validate", stream):
            records += 1
            episodes += len(record.episodes)
            events += len(record.events)
    except DataError as error:
        return _invalid(path, error, args.lang)
    except OSError as exc:
        _err(f"hankemalli validate: cannot read {_escape(path)}: {_reason(exc)}")
        return UNREADABLE
    return _valid(path, stream.header.programme, records, episodes, events)


def _migrate(args: argparse.Namespace) -> int:
    from .serialization import dumps

    # The reader migrates a version-1 document by itself and reports its problems where
    # they are in the document as written.
    dataset = _read(args)
    if isinstance(dataset, int):
        return dataset
    status = _emit(args, dumps(dataset) + "\n")
    if status == OK:
        _err(f"{_escape(args.file)}: read, written as version {SCHEMA_VERSION}")
    return status


def _explain(args: argparse.Namespace) -> int:
    from .indicators import (
        ESF_2014,
        ESF_PLUS_2021,
        SEED_FIGURES,
        CountingRules,
        ReportingPeriod,
        explain,
    )
    from .reporting import catalogue_for

    dataset = _read(args)
    if isinstance(dataset, int):
        return dataset
    programme = dataset.programme
    record = next((r for r in dataset.participants if r.id == args.participant), None)
    if record is None:
        _err(
            f"hankemalli explain: no participant {shown(args.participant)} in {_escape(args.file)}"
        )
        return UNREADABLE
    catalogue = ESF_PLUS_2021 + ESF_2014 + SEED_FIGURES
    if args.code is not None and args.code not in catalogue.codes:
        _err(
            f"hankemalli explain: unknown indicator {shown(args.code)}; "
            f"known: {', '.join(catalogue.codes)}"
        )
        return UNREADABLE
    as_of = _as_of(programme, args)
    if as_of is None:
        return UNREADABLE
    if args.year is not None:
        if not _has_year(programme, args.year, as_of, "explain"):
            return UNREADABLE
        period = ReportingPeriod.year(args.year)
    else:
        period = ReportingPeriod(start=programme.start, end=programme.end)
    rules = CountingRules.for_programme(programme)
    # Without a code, the figures the programme's reports show.
    indicators = (
        [catalogue[args.code]] if args.code is not None else list(catalogue_for(programme).values())
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
    _out("\n".join(lines) + "\n")
    return OK


def _check(args: argparse.Namespace) -> int:
    from .rules import quality_report

    dataset = _read(args)
    if isinstance(dataset, int):
        return dataset
    report = quality_report(dataset)
    status = _emit(args, report.text(args.lang))
    return INVALID if status == OK and report.has_errors else status


def _schema(args: argparse.Namespace) -> int:
    import json

    from .serialization import json_schema

    return _emit(args, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


def _spreadsheet_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """``template`` and ``import``: the association's workbook out and in."""
    template = commands.add_parser(
        "template",
        help="write an empty workbook (Excel or CSV) for an association to fill in",
        description="Write an empty workbook to fill in: instructions, one sheet per kind of "
        "row with its headers, and a drop-down list for every code (see "
        "docs/spreadsheets.md). FILE ending in .xlsx is an Excel workbook (needs the "
        "'spreadsheet' extra: pip install 'hankemalli[spreadsheet]'); a FILE without a "
        "suffix is a folder of CSV files. Exit status: 0 written, 2 not written.",
    )
    template.add_argument("file", metavar="FILE", type=Path, help="the workbook to write")
    template.add_argument(
        "--lang", choices=LANGUAGES, default="fi", help="language of the sheets (default fi)"
    )
    template.add_argument("--force", action="store_true", help="replace FILE if it exists")
    template.set_defaults(run=_template, command="template")
    read = commands.add_parser(
        "import",
        help="read a filled workbook (or CSV files) as a JSON document",
        description="Read a workbook filled in from the template (or the association's own, "
        "with --mapping) and write the dataset's JSON document. Every problem is listed, "
        "one a line, with its cell and JSON path ('Osallistujat!C14 ($.participants[12]"
        ".profile.gender): ...'). Exit status: 0 written, 1 invalid (every problem "
        "listed), 2 a file cannot be read or written.",
    )
    read.add_argument(
        "files",
        metavar="FILE",
        type=Path,
        nargs="+",
        help="an Excel workbook (.xlsx), a folder of CSV files, or CSV files (one per sheet)",
    )
    read.add_argument(
        "--mapping", type=Path, metavar="MAPPING", help="a column mapping (TOML or JSON)"
    )
    read.add_argument(
        "--lang", choices=LANGUAGES, default="fi", help="language of the messages (default fi)"
    )
    read.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")
    read.set_defaults(run=_import, command="import")


def _template(args: argparse.Namespace) -> int:
    target: Path = args.file
    if not args.force and (target.exists() or target.is_symlink()):
        _err(
            f"hankemalli template: {_escape(target)} exists; not replaced (use --force to "
            "replace it)"
        )
        return UNREADABLE
    reason = _name_problem(target)
    if reason is None:
        try:
            from .spreadsheet import write_template

            write_template(target, args.lang)
        except (ValueError, ImportError) as exc:
            reason = _escape(exc)
        except OSError as exc:
            reason = _reason(exc)
        else:
            _err(f"wrote {_escape(target)}")
            return OK
    _err(f"hankemalli template: cannot write {_escape(target)}: {reason}")
    return UNREADABLE


def _import(args: argparse.Namespace) -> int:
    from .serialization import dumps
    from .spreadsheet import read_mapping, read_workbook

    files: list[Path] = args.files
    output: Path | None = args.output
    for path in files:
        reason = _name_problem(path)
        if reason is None and output is not None and _same_file(path, output):
            reason = "it is the --output file; write to another file"
        if reason is not None:
            _err(f"hankemalli import: cannot read {_escape(path)}: {reason}")
            return UNREADABLE
    if len(files) > 1 and any(path.suffix.lower() != ".csv" for path in files):
        _err("hankemalli import: give one workbook, one folder, or CSV files only")
        return UNREADABLE
    mapping = None
    try:
        if args.mapping is not None:
            mapping = read_mapping(args.mapping)
        dataset = read_workbook(files[0] if len(files) == 1 else files, mapping)
    except DataError as error:
        return _problems(args, error, mapping is None and args.mapping is not None)
    except OSError as exc:
        where = exc.filename if exc.filename is not None else files[0]
        _err(f"hankemalli import: cannot read {_escape(where)}: {_reason(exc)}")
        return UNREADABLE
    except ImportError as exc:
        _err(f"hankemalli import: {_escape(exc)}")
        return UNREADABLE
    status = _emit(args, dumps(dataset) + "\n")
    if status == OK:
        _err(f"{_escape(files[0])}: read, {len(dataset.participants)} participants")
    return status


def _problems(args: argparse.Namespace, error: DataError, in_mapping: bool) -> int:
    """List a workbook's (or a mapping's) problems in ``--lang``, one a line."""
    lines = []
    for found in error.details:
        line = getattr(found, "line", None)
        text = line(args.lang) if line else str(found)
        lines.append(f"{args.mapping} {text}" if in_mapping else text)
    _out("".join(f"{_escape(line)}\n" for line in lines))
    count = max(error.count, len(lines))
    first = f" (the first {len(lines):,} listed)" if count > len(lines) else ""
    what = _escape(args.mapping) if in_mapping else _escape(args.files[0])
    _err(f"{what}: invalid, {count:,} problem{'s' * (count != 1)}{first}")
    return UNREADABLE if in_mapping else INVALID


def _reason(exc: OSError) -> str:
    return _escape(exc.strerror or exc)
