"""The reader's problems carry codes and read in Finnish, Swedish and English.

Example tests name the codes of reading a JSON document; the properties state the
rule in general: whatever rule a document breaks (hankemalli.testing's breakers),
and wherever in it a personal identity code is written, every problem the reader
reports has a code of the catalogue, renders in each language, and repeats no
identity code in any of them (tests/_problem_codes.py, :func:`check_problem`).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hankemalli import DataError, Dataset
from hankemalli.model._messages import LANGUAGES
from hankemalli.model._pseudonym import find_in_text
from hankemalli.serialization import from_dict, loads, to_dict
from hankemalli.testing import Violation
from hankemalli.testing import strategies as hs

# Loaded by conftest.py, which pytest imports before this module.
check_problem = sys.modules["hankemalli_test_problem_codes"].check_problem
DOCUMENT_TEXT = json.dumps(to_dict(sys.modules["hankemalli_test_builders"].full_dataset()))


def reading(text: str | bytes) -> DataError:
    with pytest.raises(DataError) as caught:
        loads(text)
    return caught.value


# Example tests, one a code -----------------------------------------------------------------


def test_json_syntax_gives_the_reason_in_the_language():
    (found,) = reading('{"schema_version": 2,, }').details
    assert found.code == "json.syntax"
    assert dict(found.params) == {
        "reason": "json.expecting_property_name",
        "line": "1",
        "column": "22",
    }
    assert found.message.startswith("not valid JSON: Expecting property name")
    assert found.text("fi") == (
        "tiedosto ei ole kelvollista JSONia: kohdassa pitäisi olla lainausmerkeissä oleva "
        "avain (rivi 1, sarake 22)"
    )
    assert found.text("sv").startswith("ogiltig JSON: här ska det stå en nyckel")


def test_json_not_utf8_names_the_byte():
    (found,) = reading(b'{"a": "\xff"}').details
    assert (found.code, dict(found.params)) == ("json.not_utf8", {"byte": "7"})
    assert found.text("fi").endswith("UTF-8-merkistöistä tekstiä (tavu 7)")


def test_json_duplicate_key_shows_neither_value():
    error = reading(
        DOCUMENT_TEXT.replace('"schema_version": 2', '"schema_version": 2, "schema_version": 2')
    )
    (found,) = error.details
    assert (found.path, found.code, found.params) == (("schema_version",), "json.duplicate_key", ())
    assert "avain saa esiintyä vain kerran" in found.text("fi")


def test_json_too_deep_gives_the_limit():
    found = reading("[" * 40 + "]" * 40).details[0]  # then: no dataset object
    assert found.path == (0,) * 32
    assert found.code == "json.too_deep"
    assert dict(found.params) == {"limit": "32", "deepest": "7"}
    assert found.text("sv").startswith("värdena är nästlade mer än 32 listor och objekt djupt")


def test_json_number_too_long_writes_its_digits_as_the_language_does():
    error = reading(
        DOCUMENT_TEXT.replace('"schema_version": 2', '"schema_version": ' + "9" * 5_000)
    )
    (found,) = error.details
    assert found.code == "schema_version.unsupported"
    assert found.message == (
        "unsupported schema version a number of 5,000 digits; this hankemalli reads schema "
        "versions 1 and 2"
    )
    assert found.text("fi") == (
        "skeemaversiota luku, jossa on 5 000 numeroa ei tueta; tämä hankemalli lukee "
        "skeemaversioita 1 ja 2"
    )


def test_document_unknown_and_missing_keys():
    data = json.loads(DOCUMENT_TEXT)
    del data["programme"]
    data["comment"] = "x"
    error = reading(json.dumps(data))
    assert [(p.path, p.code) for p in error.details] == [
        (("comment",), "document.unknown_key"),
        (("programme",), "document.missing_key"),
    ]
    assert error.details[0].text("fi").startswith("tuntematon avain; sallitut avaimet: schema")
    assert error.details[1].text("sv") == "en obligatorisk nyckel saknas"


def test_document_unknown_type_names_the_kind_in_the_language():
    data = json.loads(DOCUMENT_TEXT)
    data["participants"][0]["events"][0]["type"] = "lottery_win"
    (found,) = reading(json.dumps(data)).details
    assert found.code == "document.unknown_type"
    assert found.text("fi").startswith("tuntematon tulostapahtuman laji 'lottery_win'; sallitut:")
    assert found.text("sv").startswith("okänd typ av händelse 'lottery_win'; tillåtna:")


def test_date_format_and_not_in_calendar_say_the_form_in_the_language():
    data = json.loads(DOCUMENT_TEXT)
    data["programme"]["start"] = "1.8.2015"
    data["programme"]["end"] = "2018-02-30"
    error = reading(json.dumps(data))
    assert [p.code for p in error.details] == ["date.format", "date.not_in_calendar"]
    assert error.details[0].text("fi") == (
        "päivämäärän pitää olla muodossa VVVV-KK-PP (esimerkiksi 2016-01-31), mutta se on "
        "'1.8.2015'"
    )
    assert "i formen ÅÅÅÅ-MM-DD" in error.details[0].text("sv")
    assert error.details[1].text("fi").startswith("päivämäärää '2018-02-30' ei ole kalenterissa")


def test_value_type_names_the_json_types_in_the_language():
    data = json.loads(DOCUMENT_TEXT)
    data["programme"]["name"] = 5
    data["programme"]["areas"] = {"a": 1}
    error = reading(json.dumps(data))
    assert [p.code for p in error.details] == ["value.type", "value.type"]
    assert [p.text("fi") for p in error.details] == [
        "arvon pitää olla merkkijono, mutta se on luku",
        "arvon pitää olla lista [ ], mutta se on objekti { }",
    ]
    assert error.details[0].text("sv") == "värdet ska vara en sträng, men det är ett tal"


def test_an_unforeseen_error_is_coded_too():
    import attrs

    @attrs.frozen
    class Broken:
        number: int

        def __attrs_post_init__(self) -> None:
            raise ZeroDivisionError

    with pytest.raises(DataError) as caught:
        from_dict({"number": 1}, Broken)
    (found,) = caught.value.details
    assert (found.code, found.text("fi")) == (
        "value.unreadable",
        "arvoa ei voitu lukea (ZeroDivisionError)",
    )


# Properties --------------------------------------------------------------------------------


@given(hs.violations())
def test_every_problem_of_a_broken_document_has_a_code_and_reads_in_every_language(
    violation: Violation,
):
    with pytest.raises(DataError) as caught:
        from_dict(violation.document, Dataset)
    error = caught.value
    for found in error.details:
        check_problem(found)
        assert found.code != "unspecified"
    for language in LANGUAGES:
        assert error.text(language).count("\n") == len(error.details)


_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@st.composite
def identity_codes(draw: st.DrawFn) -> str:
    """A Finnish personal identity code with a right check character (henkilötunnus)."""
    born = draw(st.dates(pendulum.date(1900, 1, 1), pendulum.date(2023, 12, 31)))
    number = f"{born:%d%m%y}{draw(st.integers(2, 899)):03d}"
    sign = draw(st.sampled_from("-YXWVU" if born.year < 2000 else "ABCDEF"))
    return f"{number[:6]}{sign}{number[6:]}{_CHECK_CHARACTERS[int(number) % 31]}"


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every string value in a JSON-like document."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _texts(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _texts(item, (*path, index))]
    return []


@given(violation=hs.violations(), code=identity_codes(), data=st.data())
def test_an_identity_code_anywhere_in_a_document_is_refused_and_never_repeated(
    violation: Violation, code: str, data: st.DataObject
):
    doc = violation.document
    path = data.draw(st.sampled_from(_texts(doc)))
    owner = doc
    for part in path[:-1]:
        owner = owner[part]
    owner[path[-1]] = data.draw(st.sampled_from((code, code.lower(), f"soita {code} huomenna")))
    with pytest.raises(DataError) as caught:
        from_dict(doc, Dataset)
    error = caught.value
    for found in error.details:
        check_problem(found)
    for language in LANGUAGES:
        text = error.text(language)
        assert code.upper() not in text.upper()
        assert find_in_text(text, contacts=False) is None
