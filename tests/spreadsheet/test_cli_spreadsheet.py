"""The command line's ``template`` and ``import``: exit statuses as docs/cli.md gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hankemalli.cli import main
from hankemalli.demo import demo_dataset
from hankemalli.serialization import loads, read
from hankemalli.spreadsheet import write_workbook

openpyxl = pytest.importorskip("openpyxl")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "spreadsheet"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_template_writes_a_workbook_in_the_language(capsys, tmp_path: Path) -> None:
    path = tmp_path / "deltagare.xlsx"
    status, out, err = run(capsys, "template", path, "--lang", "sv")
    assert (status, out, err) == (0, "", f"wrote {path}\n")
    assert "Deltagare" in openpyxl.load_workbook(path).sheetnames


def test_template_keeps_an_existing_file_unless_forced(capsys, tmp_path: Path) -> None:
    path = tmp_path / "osallistujat.xlsx"
    path.write_text("mine")
    status, _, err = run(capsys, "template", path)
    assert status == 2
    assert "exists; not replaced (use --force" in err
    assert path.read_text() == "mine"
    assert run(capsys, "template", path, "--force")[0] == 0
    assert "Osallistujat" in openpyxl.load_workbook(path).sheetnames


def test_template_refuses_a_name_it_cannot_write(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "template", tmp_path / "pohja.xls")
    assert status == 2
    assert "cannot write" in err
    assert ".xlsx" in err
    status, _, err = run(capsys, "template", tmp_path / "no" / "such" / "pohja.xlsx")
    assert status == 2
    assert "No such file or directory" in err


def test_template_writes_csv_files_to_a_folder(capsys, tmp_path: Path) -> None:
    assert run(capsys, "template", tmp_path / "pohja", "--lang", "en")[0] == 0
    assert (
        (tmp_path / "pohja" / "Participants.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("Pseudonym;Age at entry;")
    )


def test_import_writes_the_json_document(capsys, tmp_path: Path) -> None:
    workbook = tmp_path / "kaiku.xlsx"
    write_workbook(demo_dataset(), workbook)
    output = tmp_path / "kaiku.json"
    status, out, err = run(capsys, "import", workbook, "-o", output)
    assert (status, out) == (0, "")
    assert err == f"wrote {output}\n{workbook}: read, 270 participants\n"
    assert read(output) == demo_dataset()
    status, out, _ = run(capsys, "import", workbook)  # to the standard output
    assert status == 0
    assert loads(out) == demo_dataset()


def test_import_lists_every_problem_at_its_cell_in_the_language(capsys, tmp_path: Path) -> None:
    workbook = tmp_path / "kaiku.xlsx"
    write_workbook(demo_dataset(), workbook)
    book = openpyxl.load_workbook(workbook)
    book["Osallistujat"]["C2"] = "naine"
    book["Osallistujat"]["C3"] = "mie"
    book.save(workbook)
    status, out, err = run(capsys, "import", workbook, "--lang", "fi", "-o", tmp_path / "x.json")
    assert status == 1
    assert out.splitlines() == [
        "Osallistujat!C2 ($.participants[0].profile.gender): Tuntematon arvo 'naine'; sallitut: "
        "nainen, mies, muunsukupuolinen, ei halua kertoa.",
        "Osallistujat!C3 ($.participants[1].profile.gender): Tuntematon arvo 'mie'; sallitut: "
        "nainen, mies, muunsukupuolinen, ei halua kertoa.",
    ]
    assert err == f"{workbook}: invalid, 2 problems\n"
    assert not (tmp_path / "x.json").exists()
    _, out, _ = run(capsys, "import", workbook, "--lang", "en")
    # The message in English; the allowed values as the Finnish workbook's lists offer them.
    assert "Unknown value 'naine'; allowed: nainen, mies, muunsukupuolinen, ei halua kertoa." in out


def test_import_reads_csv_files_with_a_mapping(capsys, tmp_path: Path) -> None:
    files = [EXAMPLE / "Hanke.csv", EXAMPLE / "asiakkaat.csv"]
    mapping = EXAMPLE / "sarakekartta.toml"
    status, out, _ = run(capsys, "import", *files, "--mapping", mapping)
    assert status == 0
    assert [r.id for r in loads(out).participants] == ["A-101", "A-102", "A-103"]


def test_import_tells_a_wrong_mapping_apart_from_wrong_data(capsys, tmp_path: Path) -> None:
    mapping = tmp_path / "kartta.toml"
    mapping.write_text('[values.Sukupuoli]\nN = "nainen"\n', encoding="utf-8")
    files = [EXAMPLE / "Hanke.csv", EXAMPLE / "asiakkaat.csv"]
    status, out, err = run(capsys, "import", *files, "--mapping", mapping, "--lang", "en")
    assert status == 2
    assert out.startswith(f"{mapping} $.values.Sukupuoli: Unknown list 'Sukupuoli'; the lists: ")
    assert err == f"{mapping}: invalid, 1 problem\n"


def test_import_says_what_cannot_be_read(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "import", tmp_path / "none.xlsx")
    assert status == 2
    assert err.startswith(f"hankemalli import: cannot read {tmp_path / 'none.xlsx'}: ")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    status, out, _ = run(capsys, "import", fake)
    assert status == 1
    assert out.startswith("fake.xlsx: Tiedosto ei ole Excel-työkirja (.xlsx)")
    status, _, err = run(capsys, "import", fake, "-o", fake)
    assert status == 2
    assert "it is the --output file" in err
    status, _, err = run(capsys, "import", fake, EXAMPLE / "Hanke.csv")
    assert status == 2
    assert "CSV files only" in err
