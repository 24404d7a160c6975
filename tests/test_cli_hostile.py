"""The command line against hostile and careless input (issue 11).

Each test names the row of the issue it covers. The promise (docs/cli.md): whatever the
input, the CLI ends with one of its documented exit statuses and a message, never a
traceback; a file it writes is whole or left as it was; what it echoes cannot fake a
line or colour a terminal.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

import hankemalli.cli as cli
from hankemalli import _files
from hankemalli.cli import main
from hankemalli.demo import demo_json
from hankemalli.model import DataError
from hankemalli.model._errors import Problem
from hankemalli.serialization import from_dict

PROBLEM_LINE = re.compile(r"\$[.\[]\S*: \S.*")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_module(
    *argv: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """``python -m hankemalli ARGV`` in a child process (bytes in, bytes out)."""
    return subprocess.run(
        [sys.executable, "-m", "hankemalli", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


def _document(participants: int = 8) -> dict[str, object]:
    """The demo document with its first few participants: small, valid, quick to report."""
    document = json.loads(demo_json())
    document["participants"] = document["participants"][:participants]
    return document


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(_document(), ensure_ascii=False), encoding="utf-8")
    return path


def _participant(path: Path) -> str:
    return str(json.loads(path.read_text(encoding="utf-8"))["participants"][0]["participant"]["id"])


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# Row: `report --as-of 1900-01-01` (before the programme) -> message, exit 2 -------------


@pytest.mark.parametrize(
    "argv",
    [
        ("report", "--as-of", "1900-01-01"),
        ("report", "--final", "--as-of", "2015-07-31"),
        ("report", "--year", "2015", "--as-of", "2015-07-31"),
        ("explain", "--as-of", "1900-01-01"),
        ("explain", "--as-of", "1900-01-01", "--code", "CR04"),
        ("explain", "--year", "2015", "--as-of", "2015-07-31"),
    ],
)
def test_row_as_of_before_the_programme_is_a_message_and_exit_2(capsys, small, argv) -> None:
    command, *options = argv
    if command == "explain":
        options += ["--participant", _participant(small)]
    status, out, err = run(capsys, command, str(small), *options)
    assert (status, out) == (2, "")
    assert "is before the programme starts (2015-08-01)" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", ["report", "explain"])
def test_as_of_on_the_programme_start_is_fine(capsys, small, command) -> None:
    extra = ["--participant", _participant(small)] if command == "explain" else []
    status, _, err = run(capsys, command, str(small), "--as-of", "2015-08-01", *extra)
    assert (status, err) == (0, "")


# Row: `--as-of 99999999999999999999-01-01` -> usage error, exit 2 ---------------------

BAD_DATES = [
    "99999999999999999999-01-01",
    "10000-01-01",
    "0000-01-01",
    "2019-02-30",
    "2019-13-01",
    "2019-1-1",
    "+2019-01-01",
    "-2019-01-01",
    " 2019-01-01",
    "2019-01-01 ",
    "2019-01-01\n",
    "2019-01-01T00:00",
    "20190101",
    "2019/01/01",
    "",
    "today",
    "9" * 100_000,
]


@pytest.mark.parametrize("command", ["report", "explain"])
@pytest.mark.parametrize("date", BAD_DATES, ids=lambda d: repr(d[:30]))
def test_row_a_malformed_or_out_of_range_as_of_is_a_usage_error(
    capsys, small, command, date
) -> None:
    status, out, err = run(
        capsys, command, str(small), f"--as-of={date}", "--participant", "K-0001"
    )
    assert (status, out) == (2, "")
    assert err.startswith("usage: hankemalli")
    assert "argument --as-of: expected a date YYYY-MM-DD" in err
    assert len(err) < 1_000  # a 100,000-digit date is shown shortened


def test_row_the_overflowing_date_ends_without_a_traceback(small) -> None:
    result = run_module("report", str(small), "--as-of", "99999999999999999999-01-01")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"usage:" in result.stderr


# Row: `--as-of ２０１９-01-01` (fullwidth digits) -> rejected, as in JSON -----------------

UNUSUAL_DIGITS = [
    "２０１９-01-01",  # fullwidth
    "2019-０１-01",
    "٢٠١٩-٠١-٠١",  # Arabic-Indic
    "२०१९-01-01",  # Devanagari
    "𝟐𝟎𝟏𝟗-01-01",  # mathematical bold
]


@pytest.mark.parametrize("date", UNUSUAL_DIGITS)
def test_row_dates_in_other_digits_are_rejected_as_in_json(capsys, small, date) -> None:
    with pytest.raises(DataError):
        from_dict(date, pendulum.Date)
    status, out, err = run(capsys, "report", str(small), "--as-of", date)
    assert (status, out) == (2, "")
    assert "expected a date YYYY-MM-DD" in err


@pytest.mark.parametrize(
    "date", [*UNUSUAL_DIGITS, *BAD_DATES[:-1], "2016-02-29", "2016-12-31", "2019-07-31"]
)
def test_the_as_of_option_accepts_exactly_the_dates_json_accepts(date) -> None:
    try:
        expected: pendulum.Date | None = from_dict(date, pendulum.Date)
    except DataError:
        expected = None
    try:
        got: pendulum.Date | None = cli._date(date)
    except Exception:
        got = None
    assert got == expected


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--year", "２０１６"),
        ("--year", "2016 "),
        ("--year", "2_016"),
        ("--year", "+2016"),
        ("--year", "9" * 5_000),
        ("--threshold", "５"),
        ("--threshold", "1_0"),
        ("--threshold", " 5"),
        ("--threshold", "0"),
        ("--threshold", "-3"),
        ("--threshold", "9" * 5_000),
    ],
)
def test_whole_numbers_are_ascii_digits_too(capsys, small, option, value) -> None:
    status, out, err = run(capsys, "report", str(small), f"{option}={value}")
    assert (status, out) == (2, "")
    assert f"argument {option}: expected" in err
    assert len(err) < 1_000


# Row: `PYTHONIOENCODING=ascii` -> a message, no UnicodeEncodeError traceback -----------

ASCII = {"PYTHONIOENCODING": "ascii"}


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_row_an_ascii_standard_output_gets_a_message_and_exit_2(small, fmt) -> None:
    result = run_module("report", str(small), "--format", fmt, env=ASCII)
    assert result.returncode == 2
    assert result.stdout == b""  # nothing half-written
    err = result.stderr.decode("ascii")
    assert "Traceback" not in err
    assert "UnicodeEncodeError" not in err
    assert "hankemalli report: the standard output cannot take the text" in err
    assert "its encoding ascii has no" in err
    assert "PYTHONIOENCODING=utf-8 or write to a file with --output" in err
    assert err.count("\n") == 1


def test_an_ascii_standard_output_still_allows_writing_to_a_file(small, tmp_path) -> None:
    target = tmp_path / "final.md"
    result = run_module("report", str(small), "-o", str(target), env=ASCII)
    assert (result.returncode, result.stdout) == (0, b"")
    assert "Loppuraportti" in target.read_text(encoding="utf-8")


def test_an_ascii_standard_output_takes_ascii_text_and_help(small) -> None:
    result = run_module("validate", str(small), env=ASCII)
    assert (result.returncode, result.stderr) == (0, b"")
    assert b": OK, programme 'kaiku-demo'" in result.stdout
    for command in ("demo", "report", "validate", "migrate", "explain"):
        result = run_module(command, "--help", env=ASCII)
        assert (result.returncode, result.stderr) == (0, b""), command
    for argv in (["--help"], ["--version"]):
        result = run_module(*argv, env=ASCII)
        assert (result.returncode, result.stderr) == (0, b""), argv


def test_an_ascii_standard_output_and_a_listing_of_problems(tmp_path) -> None:
    document = _document()
    document["participants"][0]["participant"]["id"] = "131052-308T"  # type: ignore[index]
    path = tmp_path / "hetu.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run_module("validate", str(path), env=ASCII)
    # The problem says "henkilötunnus": the listing cannot be shown, and the status says
    # so (2, never 0: an invalid document is never passed as valid).
    assert (result.returncode, result.stdout) == (2, b"")
    assert b"Traceback" not in result.stderr
    assert b"standard output cannot take the text" in result.stderr
    assert b"131052-308T" not in result.stderr


def test_the_error_stream_never_fails_to_encode_a_message(tmp_path) -> None:
    missing = tmp_path / "äänestys–2019.json"
    result = run_module("validate", str(missing), env=ASCII)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert b"cannot read" in result.stderr


# Row: broken pipe on a valid file -> exit 0, never 1 ("invalid document") ---------------


def _closed_reader(*argv: str, buffered: bool) -> tuple[int, bytes]:
    """Run with a standard output whose reader has gone away before anything is written."""
    env = {**os.environ}
    env.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "hankemalli", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    return process.wait(timeout=120), err


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    "argv",
    [("demo",), ("demo", "--format", "json"), ("--help",), ("demo", "--help")],
    ids=" ".join,
)
def test_row_a_closed_pipe_is_exit_0_and_quiet(argv, buffered) -> None:
    status, err = _closed_reader(*argv, buffered=buffered)
    assert status == 0
    assert err == b""  # no traceback, no "Exception ignored ... BrokenPipeError"


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
def test_a_closed_pipe_keeps_the_status_of_the_document(tmp_path, small, buffered) -> None:
    status, err = _closed_reader("validate", str(small), buffered=buffered)
    assert (status, err) == (0, b"")
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 2}', encoding="utf-8")
    status, err = _closed_reader("validate", str(broken), buffered=buffered)
    assert status == 1  # still "invalid": a closed pipe never passes a document
    assert err.decode().endswith("invalid, 1 problem\n")
    assert b"Traceback" not in err


def test_row_demo_into_head_is_exit_0() -> None:
    command = f"{sys.executable} -m hankemalli demo | head -n 1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith(b"# KAIKU")
    assert result.stderr == b""


# Row: `demo --export` onto an existing file -> refuse without --force -----------------


def test_row_demo_export_refuses_an_existing_file_without_force(capsys, tmp_path) -> None:
    target = tmp_path / "kaiku.json"
    target.write_text("our own data\n", encoding="utf-8")
    status, out, err = run(capsys, "demo", "--export", str(target))
    assert (status, out) == (2, "")
    assert f"{target} exists; not replaced (use --force to replace it)" in err
    assert target.read_text(encoding="utf-8") == "our own data\n"


def test_row_demo_export_with_force_replaces_the_file(capsys, tmp_path) -> None:
    target = tmp_path / "kaiku.json"
    target.write_text("our own data\n", encoding="utf-8")
    status, out, err = run(capsys, "demo", "--export", str(target), "--force")
    assert (status, out) == (0, "")
    assert str(target) in err
    assert target.read_text(encoding="utf-8") == demo_json()
    assert _leftovers(tmp_path) == []


def test_demo_export_counts_a_dangling_link_as_existing(capsys, tmp_path) -> None:
    target = tmp_path / "kaiku.json"
    target.symlink_to(tmp_path / "nowhere.json")
    status, _, err = run(capsys, "demo", "--export", str(target))
    assert status == 2
    assert "--force" in err
    assert not (tmp_path / "nowhere.json").exists()


# Row: writing a report or document is atomic: temp file, then rename ------------------


def test_row_write_atomically_writes_the_whole_text(tmp_path) -> None:
    target = tmp_path / "out.md"
    _files.write_atomically(target, "Loppuraportti – ÅÄÖ\n")
    assert target.read_bytes() == "Loppuraportti – ÅÄÖ\n".encode()
    assert _leftovers(tmp_path) == []


def test_row_write_atomically_goes_through_a_synced_temporary_file_beside_the_target(
    tmp_path, monkeypatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")
    seen: list[tuple[str, object]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        seen.append(("fsync", None))
        real_fsync(descriptor)

    def replace(source: str, destination: Path) -> None:
        seen.append(("replace", (Path(source).parent, Path(source).read_text("utf-8"))))
        assert target.read_text(encoding="utf-8") == "old\n"  # untouched until the rename
        real_replace(source, destination)

    monkeypatch.setattr(cli.os, "fsync", fsync)
    monkeypatch.setattr(cli.os, "replace", replace)
    _files.write_atomically(target, "new\n")
    assert seen[0] == ("fsync", None)  # the data is on the disk before the rename
    assert seen[1] == ("replace", (tmp_path, "new\n"))
    assert target.read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "interrupt"],
)
@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_row_a_failed_write_leaves_the_existing_file_and_no_temporary_file(
    tmp_path, monkeypatch, failure, where
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the report we had\n", encoding="utf-8")

    def fail(*_: object) -> None:
        raise failure

    monkeypatch.setattr(cli.os, where, fail)
    with pytest.raises(type(failure)):
        _files.write_atomically(target, "half a report")
    assert target.read_text(encoding="utf-8") == "the report we had\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_row_text_that_cannot_be_encoded_leaves_the_existing_file(tmp_path) -> None:
    target = tmp_path / "report.md"
    target.write_text("the report we had\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        _files.write_atomically(target, "KAIKU \ud800")
    assert target.read_text(encoding="utf-8") == "the report we had\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_write_atomically_keeps_the_permissions_of_the_file_it_replaces(tmp_path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    _files.write_atomically(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.md"
    _files.write_atomically(fresh, "new\n")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~_files.umask()


def test_write_atomically_onto_a_folder_fails_and_cleans_up(tmp_path) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(IsADirectoryError):
        _files.write_atomically(tmp_path / "folder", "text")
    assert _leftovers(tmp_path) == []


def _writers(small: Path, target: Path) -> dict[str, list[str]]:
    return {
        "report -o": ["report", str(small), "-o", str(target)],
        "report --format html -o": ["report", str(small), "--format", "html", "-o", str(target)],
        "demo -o": ["demo", "--format", "json", "-o", str(target)],
        "demo --export --force": ["demo", "--export", str(target), "--force"],
        "migrate -o": ["migrate", str(small), "-o", str(target)],
    }


WRITERS = list(_writers(Path(), Path()))


@pytest.mark.parametrize("writer", WRITERS)
def test_row_every_writer_writes_atomically_and_replaces_the_file(
    capsys, small, tmp_path, monkeypatch, writer
) -> None:
    target = tmp_path / "out"
    target.write_text("the file we had\n", encoding="utf-8")
    calls: list[Path] = []
    real = _files.write_atomically

    def spy(path: Path, text: str) -> None:
        calls.append(path)
        real(path, text)

    monkeypatch.setattr(cli, "_write_atomically", spy)
    status, _, _ = run(capsys, *_writers(small, target)[writer])
    assert status == 0
    assert calls == [target]
    assert target.read_text(encoding="utf-8") != "the file we had\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "small.json"]


@pytest.mark.parametrize("writer", WRITERS)
def test_row_every_writer_leaves_the_existing_file_when_the_write_fails(
    capsys, small, tmp_path, monkeypatch, writer
) -> None:
    target = tmp_path / "out"
    target.write_text("the file we had\n", encoding="utf-8")

    def replace(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", replace)
    status, out, err = run(capsys, *_writers(small, target)[writer])
    assert (status, out) == (2, "")
    assert f"cannot write {target}: No space left on device; nothing was written" in err
    assert target.read_text(encoding="utf-8") == "the file we had\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "small.json"]


def test_row_a_lone_surrogate_in_a_document_is_invalid_and_the_report_is_kept(
    capsys, tmp_path
) -> None:
    document = _document()
    document["programme"]["name"] = "KAIKU \ud800"  # type: ignore[index]
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "final.md"
    target.write_text("the report we had\n", encoding="utf-8")
    status, out, _ = run(capsys, "report", str(path), "-o", str(target))
    assert status == 1
    assert out.startswith("$.programme.name: ")
    assert target.read_text(encoding="utf-8") == "the report we had\n"
    assert _leftovers(tmp_path) == []


def _rendering(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Make every report render as ``text``."""
    monkeypatch.setattr(cli, "_renderer", lambda _: lambda *_, **__: text)


def test_row_a_rendering_that_cannot_be_encoded_leaves_the_existing_file(
    capsys, small, tmp_path, monkeypatch
) -> None:
    # Should text that UTF-8 cannot hold ever reach the writer, the file we had is kept.
    _rendering(monkeypatch, "# KAIKU \ud800\n")
    target = tmp_path / "final.md"
    target.write_text("the report we had\n", encoding="utf-8")
    status, out, err = run(capsys, "report", str(small), "-o", str(target))
    assert (status, out) == (2, "")
    assert err == (
        f"hankemalli report: cannot write {target}: the text holds '\\ud800', which "
        "UTF-8 cannot encode; nothing was written\n"
    )
    assert target.read_text(encoding="utf-8") == "the report we had\n"
    assert _leftovers(tmp_path) == []


def test_a_surrogate_for_the_standard_output_is_a_message(capsys, small, monkeypatch) -> None:
    _rendering(monkeypatch, "# KAIKU \ud800\n")
    status, out, err = run(capsys, "report", str(small))
    assert (status, out) == (2, "")
    assert err == (
        "hankemalli report: the text holds a lone surrogate '\\ud800', which no file "
        "can hold; nothing was written\n"
    )


@pytest.mark.parametrize("command", ["report", "migrate"])
def test_output_onto_the_document_being_read_is_refused(capsys, small, command) -> None:
    before = small.read_bytes()
    status, out, err = run(capsys, command, str(small), "-o", str(small))
    assert (status, out) == (2, "")
    assert "is the document being read" in err
    assert small.read_bytes() == before


# Row 8 of the brief: never a traceback; hostile JSON is an invalid document ------------


def _hostile(tmp_path: Path) -> dict[str, Path]:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 1_000 + "]" * 1_000, encoding="utf-8")
    deep_inside = tmp_path / "deep-inside.json"
    document = json.dumps(_document())
    deep_inside.write_text(
        document[:-1] + ', "notes": ' + '{"a": ' * 1_000 + "1" + "}" * 1_000 + "}",
        encoding="utf-8",
    )
    huge = tmp_path / "huge-int.json"
    huge.write_text(
        document.replace('"age_at_entry": 32', '"age_at_entry": ' + "9" * 5_000, 1),
        encoding="utf-8",
    )
    assert "9" * 5_000 in huge.read_text(encoding="utf-8")
    return {"deep": deep, "deep-inside": deep_inside, "huge-int": huge}


@pytest.mark.parametrize("name", ["deep", "deep-inside", "huge-int"])
@pytest.mark.parametrize("command", ["validate", "report", "migrate"])
def test_hostile_json_never_shows_a_traceback(tmp_path, name, command) -> None:
    result = run_module(command, str(_hostile(tmp_path)[name]))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert result.stderr.count(b"\n") == 1
    assert len(result.stderr) < 1_000


@pytest.mark.parametrize("name", ["deep", "deep-inside", "huge-int"])
def test_hostile_json_is_an_invalid_document(capsys, tmp_path, name) -> None:
    path = _hostile(tmp_path)[name]
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1
    lines = out.splitlines()
    assert lines
    assert all(PROBLEM_LINE.fullmatch(line) for line in lines), lines
    assert err.endswith(f"{path}: invalid, {len(lines)} problem{'s' * (len(lines) != 1)}\n")
    assert len(out) < 10_000


def _duplicate_keys(tmp_path: Path) -> Path:
    text = json.dumps(_document())
    first = '"participant": {"id": "K-0001"'
    assert first in text
    path = tmp_path / "duplicate.json"
    path.write_text(
        text.replace(first, '"participant": {"id": "131052-308T", "id": "K-0001"', 1),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("command", ["validate", "report", "migrate", "explain"])
def test_duplicate_keys_are_rejected_without_echoing_the_identity_code(
    capsys, tmp_path, command
) -> None:
    path = _duplicate_keys(tmp_path)
    extra = ["--participant", "K-0001"] if command == "explain" else []
    status, out, err = run(capsys, command, str(path), *extra)
    assert "131052-308T" not in out + err
    assert status == 1
    assert all(PROBLEM_LINE.fullmatch(line) for line in out.splitlines())


def test_a_long_run_of_problems_is_listed_in_part_and_counted(capsys, small, monkeypatch) -> None:
    error = DataError(Problem(path=("participants", i, "id"), message="bad") for i in range(3))
    error.count = 200_000  # as a DataError that kept the first three of them

    def loads(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(cli, "loads", loads)
    status, out, err = run(capsys, "validate", str(small))
    assert status == 1
    assert out.splitlines() == [f"$.participants[{i}].id: bad" for i in range(3)]
    assert err == f"{small}: invalid, 200,000 problems (the first 3 listed)\n"


def test_an_unexpected_error_is_a_message_and_exit_3(capsys, small, monkeypatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("something\nwent \x1b[31mwrong")

    monkeypatch.setattr(cli, "loads", broken)
    status, out, err = run(capsys, "validate", str(small))
    assert (status, out) == (3, "")
    assert err.startswith("hankemalli validate: unexpected error (a bug in hankemalli")
    assert "RuntimeError: 'something\\nwent \\x1b[31mwrong'" in err
    assert err.count("\n") == 1


def test_an_interrupt_is_a_message_and_exit_130(capsys, small, monkeypatch) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "loads", interrupted)
    status, out, err = run(capsys, "validate", str(small))
    assert (status, out, err) == (130, "", "hankemalli validate: interrupted\n")


# Echoed input cannot fake a line or colour a terminal ----------------------------------

NASTY = "x\n$.participants[0]: fake problem\x1b[2J\x1b[31m\u2028\ud800"


def _clean(text: str) -> None:
    assert "\x1b" not in text
    assert "\u2028" not in text
    assert "\ud800" not in text
    assert "fake problem" not in text or "\\n$.participants[0]: fake problem" in text


def test_a_name_the_file_system_cannot_take_is_unreadable_or_unwritable(capsys, tmp_path) -> None:
    for name in ("a\0b.json", "a\ud800b.json"):  # a NUL; a surrogate no encoding takes
        status, out, err = run(capsys, "validate", str(tmp_path / name))
        assert (status, out) == (2, ""), name
        assert "cannot read" in err
        status, out, err = run(capsys, "demo", "--export", str(tmp_path / name))
        assert (status, out) == (2, ""), name
        assert "cannot write" in err
        assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_path_with_control_characters_is_escaped(capsys, tmp_path) -> None:
    status, out, err = run(capsys, "validate", str(tmp_path / NASTY))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    _clean(err)
    assert "\\x1b[2J\\x1b[31m\\u2028\\ud800" in err


def test_a_participant_and_a_code_with_control_characters_are_escaped(capsys, small) -> None:
    status, _, err = run(capsys, "explain", str(small), "--participant", NASTY)
    assert status == 2
    assert err.count("\n") == 1
    _clean(err)
    status, _, err = run(
        capsys, "explain", str(small), "--participant", _participant(small), "--code", NASTY
    )
    assert status == 2
    assert err.count("\n") == 1
    _clean(err)


def test_a_long_participant_is_shown_shortened(capsys, small) -> None:
    status, _, err = run(capsys, "explain", str(small), "--participant", "k" * 50_000)
    assert status == 2
    assert "(50,000 characters)" in err
    assert len(err) < 500


@pytest.mark.parametrize(
    "argv",
    [
        ("validate", "a.json", NASTY),
        ("report", "a.json", "--lang", NASTY),
        ("report", "a.json", "--as-of", NASTY),
        ("report", "a.json", NASTY),
        (NASTY,),
    ],
)
def test_usage_errors_escape_what_was_typed(capsys, argv) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("usage: hankemalli")
    _clean(err)
    assert err.splitlines()[-1].startswith("hankemalli")


def test_an_unknown_key_with_control_characters_cannot_fake_a_problem_line(
    capsys, tmp_path
) -> None:
    document = _document()
    document["programme"][NASTY] = 1  # type: ignore[index]
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 1
    assert PROBLEM_LINE.fullmatch(lines[0])
    _clean(out)


# The output helpers, in the process (the child processes above are not measured) -----


class _Stream:
    """A text stream that fails as told: a closed pipe, a closed file, an encoding."""

    def __init__(self, *, fail: BaseException | None = None, descriptor: int | None = None):
        self.fail, self.descriptor, self.written = fail, descriptor, ""
        self.encoding, self.errors = "ascii", "strict"

    def write(self, text: str) -> int:
        if self.fail is not None:
            raise self.fail
        self.written += text
        return len(text)

    def flush(self) -> None:
        if self.fail is not None:
            raise self.fail

    def fileno(self) -> int:
        if self.descriptor is None:
            raise OSError("no descriptor")
        return self.descriptor


def test_a_closed_pipe_sends_the_rest_to_the_null_device(tmp_path) -> None:
    sink = tmp_path / "sink"
    descriptor = os.open(sink, os.O_WRONLY | os.O_CREAT)
    try:
        stream = _Stream(fail=BrokenPipeError(), descriptor=descriptor)
        cli._write(stream, "text")  # type: ignore[arg-type]
        cli._flush(stream)  # type: ignore[arg-type]
        os.write(descriptor, b"after the pipe closed")
    finally:
        os.close(descriptor)
    assert sink.read_bytes() == b""  # the descriptor now leads to the null device
    cli._write(_Stream(fail=BrokenPipeError()), "text")  # type: ignore[arg-type]


def test_flushing_a_closed_stream_is_quiet() -> None:
    cli._flush(_Stream(fail=ValueError("I/O operation on closed file")))  # type: ignore[arg-type]


def test_messages_are_made_encodable_for_their_stream() -> None:
    stream = _Stream()
    assert cli._encodable("1.8.2015–31.12.2018", stream) == "1.8.2015\\u201331.12.2018"  # type: ignore[arg-type]
    stream.encoding = "no-such-encoding"
    assert cli._encodable("–", stream) == "–"  # type: ignore[arg-type]


def test_an_unknown_output_encoding_is_left_to_the_stream(monkeypatch) -> None:
    stream = _Stream()
    stream.encoding = "no-such-encoding"
    monkeypatch.setattr(sys, "stdout", stream)
    cli._out("–\n")
    assert stream.written == "–\n"


def test_the_message_for_an_output_that_cannot_take_the_text(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdout", _Stream())
    with pytest.raises(cli._UnwritableError) as caught:
        cli._out("ok – ä")
    assert caught.value.message(None) == (
        "hankemalli: the standard output cannot take the text: its encoding ascii has no "
        "'–' (U+2013); nothing was written. Set PYTHONIOENCODING=utf-8"
    )
    args = cli._parser().parse_args(["validate", "x.json"])
    assert caught.value.message(args).startswith("hankemalli validate: the standard output")
    assert "--output" not in caught.value.message(args)


@pytest.mark.parametrize("where", ["open", "fsync"])
def test_a_folder_that_cannot_be_synced_is_passed_over(tmp_path, monkeypatch, where) -> None:
    def fail(*_: object) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    real_open = os.open

    def open_folder(path: object, flags: int, *rest: int) -> int:
        if Path(str(path)) == tmp_path:
            fail()
        return real_open(path, flags, *rest)  # type: ignore[arg-type]

    if where == "open":
        monkeypatch.setattr(cli.os, "open", open_folder)
    else:
        monkeypatch.setattr(cli.os, "fsync", fail)
    _files.sync_folder(tmp_path)
