"""Problem codes and their messages in Finnish, Swedish and English (_messages.py).

The rules: every problem the library raises carries a stable code of the catalogue
(tests/_problem_codes.py checks each one the model's and the reader's tests make);
every code has its message in the three languages with the same fields; the
parameters are text, and nothing private is echoed in any language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pendulum
import pytest

import hankemalli.model._messages as messages
from hankemalli import (
    DataError,
    Dimension,
    EntryProfile,
    Gender,
    Participant,
    Problem,
    Programme,
    ServiceEpisode,
    ServiceType,
)
from hankemalli.model._errors import problem
from hankemalli.model._messages import (
    LANGUAGES,
    MESSAGES,
    PHRASES,
    TERMS,
    Message,
    phrase,
    register,
)

D = pendulum.date
IDENTITY_CODE = "131052-308T"
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
ERRORS_PAGE = Path(__file__).parents[2] / "docs" / "errors.md"


def refusal(construct: Callable[..., object], **fields: object) -> DataError:
    with pytest.raises(DataError) as caught:
        construct(**fields)
    return caught.value


# The catalogue ------------------------------------------------------------------------


def test_every_code_is_lower_case_and_dotted_by_what_is_wrong():
    assert MESSAGES
    assert [code for code in MESSAGES if not CODE.fullmatch(code)] == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_its_message_in_each_language_with_the_same_fields(code):
    message = MESSAGES[code]
    fields = [message.fields(language) for language in LANGUAGES]
    assert fields[0] == fields[1] == fields[2]
    # Written in each language, not copied from the English.
    assert message.fi != message.en
    assert message.sv != message.en
    assert message.fi != message.sv


@pytest.mark.parametrize("key", sorted({**TERMS, **PHRASES}))
def test_every_term_and_phrase_has_the_same_fields_in_each_language(key):
    message = {**TERMS, **PHRASES}[key]
    assert message.fields("fi") == message.fields("sv") == message.fields("en")


def test_a_field_is_a_plain_name_written_as_text_as_a_term_or_as_a_count():
    everything = [*MESSAGES.values(), *TERMS.values(), *PHRASES.values()]
    fields = {f for m in everything for language in LANGUAGES for f in m.fields(language)}
    assert all(name.isidentifier() for name, _ in fields), fields
    assert {spec for _, spec in fields} <= {"", "term", "count"}


def test_every_term_has_a_dot_so_no_python_type_name_is_taken_for_one():
    assert [key for key in TERMS if "." not in key] == []
    found = problem(("x",), "value.type", expected="expected.text", got="date")
    assert found.text("fi") == "arvon pitää olla teksti, mutta se on date"


def test_the_catalogue_is_read_only():
    with pytest.raises(TypeError):
        MESSAGES["date.format"] = MESSAGES["text.blank"]  # type: ignore[index]


def table(catalogue: Mapping[str, Message], heading: str) -> str:
    """A Markdown table of ``catalogue``: each key, then its template in fi, sv and en."""
    lines = [f"| {heading} | Suomi | Svenska | English |", "|---|---|---|---|"]
    for key in sorted(catalogue):
        cells = (catalogue[key].template(language).replace("|", "\\|") for language in LANGUAGES)
        lines.append(f"| `{key}` | {' | '.join(cells)} |")
    return "\n".join(lines)


def tables_of(section: str) -> str:
    """The table lines of a section of docs/errors.md."""
    page = ERRORS_PAGE.read_text(encoding="utf-8")
    text = page.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in text.splitlines() if line.startswith("|"))


def test_docs_errors_lists_exactly_the_codes_of_the_catalogue_with_their_messages():
    # Every layer that adds codes to the catalogue, the optional ones too.
    import hankemalli.spreadsheet  # noqa: F401

    expected = table(MESSAGES, "Code")
    found = tables_of("Codes")
    codes = re.findall(r"^\| `([^`]+)` \|", found, re.MULTILINE)
    assert codes == sorted(MESSAGES)
    assert found == expected, f"docs/errors.md is out of date; its table should be:\n{expected}"


def test_docs_errors_lists_the_terms_with_their_words():
    terms = {key: term for key, term in TERMS.items() if key != "value.hidden"}
    assert tables_of("Terms") == table(terms, "Term")


def test_register_adds_the_codes_of_another_layer():
    code = "example.rule_of_another_layer"
    try:
        register({code: Message(fi="ei {x}", sv="inte {x}", en="not {x}")})
        assert problem(("a",), code, x="y").text("sv") == "inte y"
    finally:
        del messages._MESSAGES[code]


@pytest.mark.parametrize(
    ("code", "message", "reason"),
    [
        ("date.format", Message(fi="a", sv="b", en="c"), "already in the catalogue"),
        ("Example.Upper", Message(fi="a", sv="b", en="c"), "lower-case and dotted"),
        ("example.fields", Message(fi="{x}", sv="{x}", en="{y}"), "same fields"),
    ],
)
def test_register_refuses_a_code_it_cannot_keep_stable(code, message, reason):
    with pytest.raises(ValueError, match=reason):
        register({code: message})
    assert MESSAGES.get(code) is not message


# A problem in each language -------------------------------------------------------------


def test_problem_factory_keeps_the_english_message_code_and_parameters_as_text():
    found = problem(("end",), "episode.ends_before_start", end=D(2016, 1, 1), start=3)
    assert found.message == "a service episode cannot end (2016-01-01) before it starts (3)"
    assert found.code == "episode.ends_before_start"
    assert found.params == (("end", "2016-01-01"), ("start", "3"))
    assert found.text("en") == found.message
    assert found.text("fi") == "palvelujakso ei voi päättyä (2016-01-01) ennen kuin se alkaa (3)"
    assert found.text("sv") == "en tjänsteperiod kan inte sluta (2016-01-01) innan den börjar (3)"


def test_problem_factory_refuses_a_code_that_is_not_in_the_catalogue():
    with pytest.raises(KeyError):
        problem((), "no.such_code")


def test_episode_ends_before_start_is_coded_and_read_in_finnish():
    error = refusal(ServiceEpisode, service=ServiceType.TET, start=D(2016, 3, 1), end=D(2016, 2, 1))
    (found,) = error.details
    assert found.code == "episode.ends_before_start"
    assert found.line("fi") == (
        "$.end: palvelujakso ei voi päättyä (2016-02-01) ennen kuin se alkaa (2016-03-01)"
    )


def test_text_control_character_names_the_character_in_each_language():
    error = refusal(Dimension, id="d", name="Työnhaku\nja motivaatio", stages=("a", "b"))
    (found,) = error.details
    assert found.code == "text.control_character"
    assert dict(found.params)["character"] == "character.line_feed"
    assert "(rivinvaihto)" in found.text("fi")
    assert "(radmatning)" in found.text("sv")
    assert "(line feed)" in found.message
    assert "ilman rivinvaihtoja" in found.text("fi")


def test_value_type_gives_what_was_expected_in_the_language_and_a_type_as_python_names_it():
    error = refusal(Participant, id=7)
    (found,) = error.details
    assert found.code == "value.type"
    assert found.message == "expected text, got int"
    assert found.text("fi") == "arvon pitää olla teksti, mutta se on int"
    assert found.text("sv") == "värdet ska vara en text, men det är int"


def test_code_unknown_names_the_code_list_and_what_is_allowed():
    error = refusal(EntryProfile, gender="nainen")
    (found,) = error.details
    assert found.code == "code.unknown"
    params = dict(found.params)
    assert params["list"] == "Gender"
    assert params["allowed"] == ", ".join(g.value for g in Gender)
    assert found.text("fi").startswith("koodistossa Gender ei ole koodia 'nainen'; sallitut")


def test_pseudonym_identity_code_is_never_echoed_in_any_language():
    error = refusal(Participant, id=IDENTITY_CODE)
    (found,) = error.details
    assert found.code == "pseudonym.identity_code"
    assert found.params == ()
    for language in LANGUAGES:
        assert IDENTITY_CODE not in error.text(language)
    assert "henkilötunnukselta" in found.text("fi")
    assert "personbeteckning" in found.text("sv")


def test_a_hidden_value_is_said_to_be_hidden_in_each_language():
    error = refusal(Dimension, id="d", name="n", stages=(IDENTITY_CODE, IDENTITY_CODE))
    duplicate = error.details[-1]
    assert duplicate.code == "list.duplicate"
    assert duplicate.text("fi") == (
        "vaihe (arvoa ei näytetä tässä: se näyttää henkilötiedolta) on luettelossa kahdesti "
        "(ensimmäisen kerran kohdassa 0)"
    )
    assert "(värdet visas inte här: det ser ut som en personuppgift)" in duplicate.text("sv")
    assert all(IDENTITY_CODE not in error.text(language) for language in LANGUAGES)


@pytest.mark.parametrize(
    ("services", "shown"),
    [
        ((ServiceType.TET, ServiceType.TET), "tet"),
        ((IDENTITY_CODE, IDENTITY_CODE), "(arvoa ei näytetä tässä: se näyttää henkilötiedolta)"),
    ],
    ids=["code", "personal-data"],
)
def test_list_duplicate_names_a_code_by_its_code_and_hides_personal_data(services, shown):
    error = refusal(
        Programme,
        id="kaiku",
        name="KAIKU",
        organisation="PKSTY",
        start=D(2015, 8, 1),
        end=D(2018, 12, 31),
        services=services,
    )
    duplicate = error.details[-1]
    assert (duplicate.path, duplicate.code) == (("services", 1), "list.duplicate")
    assert duplicate.text("fi") == (
        f"palvelu {shown} on luettelossa kahdesti (ensimmäisen kerran kohdassa 0)"
    )


def test_date_out_of_range_and_identifier_format_in_swedish():
    error = refusal(
        Programme,
        id="hanke 1",
        name="KAIKU",
        organisation="PKSTY",
        start=D(1899, 12, 31),
        end=D(2018, 12, 31),
    )
    assert [p.code for p in error.details] == ["identifier.format", "date.out_of_range"]
    assert (
        error.details[0]
        .text("sv")
        .startswith("ogiltig identifierare för projektet 'hanke 1': använd 1–64 tecken")
    )
    assert error.details[1].text("sv") == (
        "datumet 1899-12-31 ligger utanför de år som hankemalli godtar: från 1900-01-01 "
        "till 2100-12-31"
    )


@pytest.mark.parametrize("language", ["de", "FI", ""])
def test_a_language_that_is_not_fi_sv_or_en_is_refused(language):
    found = problem((), "text.blank")
    with pytest.raises(ValueError, match="language must be one of fi, sv, en"):
        found.text(language)  # type: ignore[arg-type]


@pytest.mark.hand_made_problems
def test_a_problem_without_a_code_says_its_message_in_every_language():
    found = Problem(path=("x",), message="broken by hand")
    assert [found.text(language) for language in LANGUAGES] == ["broken by hand"] * 3


# A whole error in each language ---------------------------------------------------------


def test_data_error_text_heads_the_list_in_the_language():
    error = DataError([problem(("name",), "text.blank"), problem(("id",), "text.blank")])
    assert error.text("fi") == "2 ongelmaa:\n  $.name: ei saa olla tyhjä\n  $.id: ei saa olla tyhjä"
    assert error.text("sv") == "2 problem:\n  $.name: får inte vara tom\n  $.id: får inte vara tom"
    assert (
        error.text("en")
        == str(error)
        == ("2 problems:\n  $.name: must not be blank\n  $.id: must not be blank")
    )
    one = DataError([problem(("name",), "text.blank")])
    assert [one.text(lang).split(":")[0] for lang in LANGUAGES] == [
        "1 ongelma",
        "1 problem",
        "1 problem",
    ]


def test_data_error_text_counts_the_problems_not_kept_in_the_language():
    error = DataError(problem(("participants", i), "text.blank") for i in range(1_234))
    fi, sv, en = (error.text(language).splitlines() for language in LANGUAGES)
    assert (fi[0], sv[0], en[0]) == ("1 234 ongelmaa:", "1 234 problem:", "1,234 problems:")
    assert fi[-1] == "  … ja 1 134 muuta ongelmaa (100 näytetty)"
    assert sv[-1] == "  … och 1 134 problem till (100 visade)"
    assert en[-1] == "  … and 1,134 more problems (100 shown)"
    assert len(fi) == len(en) == DataError.LIMIT + 2
    assert (
        DataError([problem((), "text.blank")] * 101)
        .text("fi")
        .endswith("… ja 1 muu ongelma (100 näytetty)")
    )


def test_phrase_writes_counts_as_the_language_does():
    assert phrase("problems.many", "fi", count=1_000_000) == "1 000 000 ongelmaa"
    assert phrase("problems.many", "en", count=1_000_000) == "1,000,000 problems"
