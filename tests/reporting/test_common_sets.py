"""Reports use the common indicators of the programme's programming period, named.

A 2014–2020 programme reports CO/CR codes (Regulation (EU) No 1304/2013, Annex I), a
2021–2027 one EECO/EECR codes (Regulation (EU) 2021/1057, Annex I); each set under a
heading naming it and its regulation, apart from the project's own figures.
"""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest
from attrs import evolve
from hypothesis import given, settings

from hankemalli import DataError, ProgrammingPeriod
from hankemalli import indicators as ind
from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.testing import strategies as hst

D = pendulum.date
COMMON_CODES = {c for cat in ind.COMMON_CATALOGUES for c in cat.codes}


def _codes(section):
    return [r.code for b in section.blocks if isinstance(b, rep.FigureList) for r in b.rows]


def _common_sections(report):
    return [s for s in report.sections if s.key.startswith("common_")]


@pytest.fixture(scope="module")
def final():
    return rep.final_report(demo_dataset(), as_of=D(2019, 7, 31))


def test_the_demo_reports_the_2014_2020_set_under_a_heading_naming_regulation_1304_2013(final):
    (common,) = _common_sections(final)
    assert common.key == "common_2014_2020"
    assert common.title.fi.startswith("ESR-ohjelmakauden 2014–2020 yhteiset indikaattorit")
    for language in ("fi", "sv", "en"):
        assert "1304/2013" in common.title.get(language)
    expected = {f"CO{n:02d}" for n in (*range(1, 12), *range(15, 20))}
    expected |= {f"CR{n:02d}" for n in range(1, 10)}
    assert set(_codes(common)) == expected | {"COGRANDTOTAL", "COTOTAL", "CRLEAVERS"}
    markdown = rep.render_markdown(final, "fi")
    assert "## ESR-ohjelmakauden 2014–2020 yhteiset indikaattorit" in markdown
    assert "## Hankkeen omat tunnusluvut" in markdown
    assert markdown.index("yhteiset indikaattorit") < markdown.index("Hankkeen omat tunnusluvut")


def test_the_projects_own_figures_are_kept_apart_from_the_common_indicators(final):
    own = _codes(final.section("own_figures"))
    assert own
    assert not set(own) & COMMON_CODES


def test_an_esf_plus_programme_reports_eeco_and_eecr():
    dataset = demo_dataset()
    # The same records, as if the programme had been funded from 2021–2027.
    later = evolve(
        dataset.programme,
        end=D(2021, 12, 31),
        programming_period=ProgrammingPeriod.ESF_PLUS_2021_2027,
    )
    report = rep.annual_report(evolve(dataset, programme=later), 2016, as_of=D(2017, 1, 31))
    (common,) = _common_sections(report)
    assert common.key == "common_2021_2027"
    assert "2021/1057" in common.title.fi
    codes = set(_codes(common))
    assert {"EECO01", "EECR04", "EEGRANDTOTAL"} <= codes
    assert all(code.startswith("EE") for code in codes)


def test_a_catalogue_given_explicitly_is_used_as_given():
    dataset = demo_dataset()
    report = rep.annual_report(
        dataset, 2016, as_of=D(2017, 1, 31), catalogue=ind.ESF_PLUS_2021 + ind.SEED_FIGURES
    )
    assert [s.key for s in _common_sections(report)] == ["common_2021_2027"]


def test_target_ranges_are_written_out_in_words(final):
    assert "| vähintään 250 |" in rep.render_markdown(final, "fi")
    assert "| minst 250 |" in rep.render_markdown(final, "sv")
    assert "| at least 250 |" in rep.render_markdown(final, "en")
    assert "≥" not in rep.render_markdown(final, "fi")


def test_a_negative_number_is_written_with_the_minus_sign_in_finnish_and_swedish():
    assert rep.format_number(-3, "fi") == "\u22123"
    assert rep.format_number(Fraction(-12345, 10), "sv", 1) == "\u22121\u00a0234,5"
    assert rep.format_number(-3, "en") == "-3"


@settings(max_examples=10, deadline=None)
@given(hst.datasets(max_participants=5))
def test_every_report_shows_exactly_the_set_of_its_programmes_period(dataset):
    programme = dataset.programme
    year = programme.start.year
    report = rep.annual_report(dataset, year, as_of=programme.end)
    wanted = ind.common_indicators(programme.programming_period)
    sections = _common_sections(report)
    assert [s.title for s in sections] == [wanted.title]
    assert set(_codes(sections[0])) <= set(wanted.codes)
    assert not set(_codes(report.section("own_figures"))) & COMMON_CODES


def test_the_common_indicators_show_their_official_codes_and_no_invented_ones(final):
    markdown = rep.render_markdown(final, "fi")
    assert "| Koodi | Tunnusluku | Arvo | Lähde |" in markdown
    assert "| CO01 | Työttömät, myös pitkäaikaistyöttömät | 137 | kerätty tieto |" in markdown
    assert "| CR05 |" in markdown
    assert "|  | Osallistujat yhteensä | 239 | kerätty tieto |" in markdown
    for invented in ("COTOTAL", "COGRANDTOTAL", "CRLEAVERS"):
        assert invented not in markdown
    html = rep.render_html(final, "sv")
    assert "<td>CR09</td>" in html
    assert "<th>Kod</th>" in html


def test_annual_reports_issued_with_another_catalogue_are_named_not_a_key_error():
    dataset = demo_dataset()
    old = rep.issue_annual_reports(
        dataset.programme,
        dataset.participants,
        as_of=D(2019, 7, 31),
        issued=D(2019, 7, 31),
        catalogue=rep.DEFAULT_CATALOGUE,
    )
    with pytest.raises(DataError) as caught:
        rep.derive_final(old, programme=dataset.programme)
    message = str(caught.value)
    assert "$.reports[0].catalogue" in message
    assert "pass the catalogue it was issued with" in message
    final = rep.derive_final(old, programme=dataset.programme, catalogue=rep.DEFAULT_CATALOGUE)
    assert final["EECO01"].numerator == 239
