"""``hankemalli validate --lang fi|sv|en``: the problems in the user's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import hankemalli as h
from hankemalli.cli import main
from hankemalli.demo import demo_json
from hankemalli.serialization import loads

PROBLEM_LINE = re.compile(r"\$[.\[]\S*: \S.*")
IDENTITY_CODE = "131052-308T"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The demo document with three problems: an identity code, a date, a code."""
    document = json.loads(demo_json())
    document["participants"][0]["participant"]["id"] = IDENTITY_CODE
    document["participants"][1]["periods"][0]["entry"] = "1.3.2016"
    document["participants"][2]["profile"]["gender"] = "nainen"
    path = tmp_path / "osallistujat.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_validate_lang_fi_lists_every_problem_in_finnish(capsys, broken: Path) -> None:
    status, out, err = run(capsys, "validate", "--lang", "fi", str(broken))
    assert status == 1
    lines = out.splitlines()
    assert all(PROBLEM_LINE.fullmatch(line) for line in lines), lines
    assert lines == [
        "$.participants[0].participant.id: näyttää henkilötunnukselta; käytä pseudonyymiä, "
        "jonka vain oma järjestelmänne osaa yhdistää henkilöön",
        "$.participants[1].periods[0].entry: päivämäärän pitää olla muodossa VVVV-KK-PP "
        "(esimerkiksi 2016-01-31), mutta se on '1.3.2016'",
        "$.participants[2].profile.gender: koodistossa Gender ei ole koodia 'nainen'; "
        "sallitut koodit: woman, man, non_binary, not_told",
    ]
    assert err == f"{broken}: virheellinen, 3 ongelmaa\n"
    assert IDENTITY_CODE not in out + err


def test_validate_lang_sv_and_the_default_english(capsys, broken: Path) -> None:
    status, out, err = run(capsys, "validate", "--lang", "sv", str(broken))
    assert status == 1
    assert out.splitlines()[2].endswith(
        "kodlistan Gender har ingen kod 'nainen'; tillåtna koder: woman, man, non_binary, not_told"
    )
    assert err == f"{broken}: ogiltig, 3 problem\n"
    status, out, err = run(capsys, "validate", str(broken))
    assert status == 1
    with pytest.raises(h.DataError) as caught:
        loads(broken.read_bytes())
    assert out.splitlines() == list(caught.value.problems)  # English, as before
    assert err == f"{broken}: invalid, 3 problems\n"


def test_validate_lang_counts_a_long_list_in_the_language(capsys, tmp_path: Path) -> None:
    document = json.loads(demo_json())
    for record in document["participants"][:120]:
        record["profile"]["gender"] = "nainen"
    path = tmp_path / "many.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, err = run(capsys, "validate", "--lang", "fi", str(path))
    assert status == 1
    assert len(out.splitlines()) == h.DataError.LIMIT
    assert err == f"{path}: virheellinen, 120 ongelmaa (ensimmäiset 100 lueteltu)\n"


def test_validate_refuses_a_language_it_does_not_know(capsys, broken: Path) -> None:
    status, _, err = run(capsys, "validate", "--lang", "de", str(broken))
    assert status == 2
    assert "invalid choice: 'de'" in err
