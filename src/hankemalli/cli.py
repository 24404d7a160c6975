"""The command line of hankemalli (komentorivi): ``python -m hankemalli``.

``demo`` prints a summary of the embedded demo programme, or with ``--export
FILE`` writes its JSON document as a template. ``validate FILE`` checks a
document: exit status 0 if it is valid, 1 with every problem listed (one a line,
``$.path: message``) if it is not, and 2 if the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import Enum
from pathlib import Path

from ._version import __version__
from .model import (
    EVENT_TAGS,
    CertificateKind,
    CertificateObtained,
    DataError,
    Dataset,
    ServiceType,
    Target,
    TargetPeriod,
)
from .serialization import loads

__all__ = ["main"]

#: Exit statuses: valid, invalid document, unreadable file or bad usage.
OK, INVALID, UNREADABLE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` if None); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors end argparse early
        return int(exc.code or 0)
    status: int = args.run(args)
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hankemalli",
        description="Model and check the data of publicly funded employment projects (hanke).",
    )
    parser.add_argument("--version", action="version", version=f"hankemalli {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    demo = commands.add_parser(
        "demo",
        help="summarise the embedded demo programme (synthetic, modelled on KAIKU)",
        description="Print a summary of the embedded demo programme, or export its JSON.",
    )
    demo.add_argument(
        "--export",
        metavar="FILE",
        type=Path,
        help="write the demo dataset as a JSON document to FILE (a template for your data)",
    )
    demo.set_defaults(run=_demo)
    validate = commands.add_parser(
        "validate",
        help="check a JSON document; list every problem",
        description="Check a hankemalli JSON document. Exit status: 0 valid, 1 invalid "
        "(every problem listed as '$.path: message'), 2 the file cannot be read.",
    )
    validate.add_argument("file", metavar="FILE", type=Path, help="the JSON document to check")
    validate.set_defaults(run=_validate)
    return parser


def _demo(args: argparse.Namespace) -> int:
    from .demo import demo_dataset, demo_json

    if args.export is None:
        print(_summary(demo_dataset()), end="")
        return OK
    try:
        args.export.write_text(demo_json(), encoding="utf-8")
    except OSError as exc:
        print(f"hankemalli demo: cannot write {args.export}: {_reason(exc)}", file=sys.stderr)
        return UNREADABLE
    print(f"wrote the demo dataset to {args.export}")
    return OK


def _validate(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"hankemalli validate: cannot read {path}: {_reason(exc)}", file=sys.stderr)
        return UNREADABLE
    try:
        dataset = loads(data, Dataset)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(
            f"{path}: invalid, {count} problem{'s' * (count != 1)}",
            file=sys.stderr,
        )
        return INVALID
    records = dataset.participants
    print(
        f"{path}: OK, programme {dataset.programme.id!r}, {len(records)} participants, "
        f"{sum(len(r.episodes) for r in records)} service episodes, "
        f"{sum(len(r.events) for r in records)} outcome events"
    )
    return OK


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _summary(dataset: Dataset) -> str:
    """A plain-text summary of a programme and its participant records."""
    programme = dataset.programme
    records = dataset.participants
    leavers = sum(r.has_left_by(programme.end) for r in records)
    services = Counter(s for r in records for s in {e.service for e in r.episodes})
    events = Counter(type(e).tag for r in records for e in r.events)
    certificates = Counter(
        e.certificate for r in records for e in r.events if isinstance(e, CertificateObtained)
    )
    lines = [
        f"Programme:    {programme.name} (id {programme.id})",
        f"Organisation: {programme.organisation}",
        f"Period:       {programme.start} – {programme.end}",
        f"Areas:        {', '.join(programme.areas) or '-'}",
        "",
        "Funders",
        *(f"  {f.name} ({_label(f.kind)}): {_percent(f.share)}" for f in programme.funders),
        "",
        "Targets",
        *(f"  {_target(t)}" for t in programme.targets),
        "",
        "Partners",
        *(
            f"  {p.name} ({_label(p.kind)})" + (f": {p.role}" if p.role else "")
            for p in programme.partners
        ),
        "",
        f"Participants: {len(records)} ({leavers} left by {programme.end}, "
        f"{len(records) - leavers} still taking part)",
        "",
        "Participants by service",
        *_table((_label(s), services[s]) for s in ServiceType if services[s]),
        "",
        "Outcome events by kind",
        *_table((_label(tag), events[tag]) for tag in EVENT_TAGS),
        "",
        "Certificates by kind",
        *_table((_label(k), certificates[k]) for k in CertificateKind if certificates[k]),
    ]
    return "\n".join(lines) + "\n"


def _label(code: Enum | str) -> str:
    value = code.value if isinstance(code, Enum) else code
    return str(value).replace("_", " ")


def _percent(share: Decimal | None) -> str:
    if share is None:
        return "share not given"
    percent = f"{share * 100:f}"
    return (percent.rstrip("0").rstrip(".") if "." in percent else percent) + " %"


def _target(target: Target) -> str:
    per = "each year" if target.per is TargetPeriod.YEAR else "whole programme"
    if target.minimum is not None and target.maximum is not None:
        bound = f"{target.minimum}–{target.maximum}"
    elif target.minimum is not None:
        bound = f"at least {target.minimum}"
    else:
        bound = f"at most {target.maximum}"
    return f"{_label(target.metric)}, {per}: {bound}"


def _table(rows: Iterable[tuple[str, int]]) -> list[str]:
    listed = list(rows)
    width = max((len(label) for label, _ in listed), default=0)
    return [f"  {label:<{width}}  {count:>5}" for label, count in listed] or ["  (none)"]
