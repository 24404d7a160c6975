"""Issue 12, done when: a person fills the template and gets the figures of the same JSON.

The test fills the generated template with openpyxl as a person would in Excel:
by the Finnish headers, choosing codes from the drop-down lists, typing Finnish
dates (1.3.2016) as text and entering some as date cells. The workbook must read
as the dataset a hand-written JSON document describes, and give the same figures.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from hankemalli import DataError, Dataset
from hankemalli.indicators import ESF_PLUS_2021, SEED_FIGURES, ReportingPeriod, compute
from hankemalli.serialization import from_dict
from hankemalli.spreadsheet import SheetProblem, read_workbook

openpyxl = pytest.importorskip("openpyxl")

#: The same records as the filled workbook, written by hand in the JSON form.
DOCUMENT = {
    "schema_version": 2,
    "programme": {
        "id": "kaiku-testi",
        "name": "KAIKU-testi",
        "organisation": "Testiyhdistys ry",
        "start": "2015-08-01",
        "end": "2018-12-31",
        "areas": ["Joensuu", "Kontiolahti"],
        "services": ["job_coaching", "work_trial"],
        "funders": [
            {"name": "ESR", "kind": "eu", "share": "0.8"},
            {"name": "Testiyhdistys ry", "kind": "own", "share": "0.2"},
        ],
    },
    "participants": [
        {
            "participant": {"id": "K-1", "age_at_entry": 32},
            "profile": {
                "gender": "woman",
                "labour_market_status": "unemployed",
                "unemployed_since": "2014-03-01",
                "education": "isced_3_4",
                "foreign_background": "yes",
                "disability": "refused",
            },
            "periods": [{"entry": "2015-09-01", "exit": "2016-03-31", "exit_reason": "employment"}],
            "episodes": [
                {"service": "job_coaching", "start": "2015-09-01", "end": "2016-03-31"},
                {
                    "service": "work_trial",
                    "start": "2015-11-02",
                    "end": "2016-01-29",
                    "provider": "Siivousalan yritys",
                    "id": "tk-1",
                },
            ],
            "situations": [
                {
                    "type": "employment",
                    "start": "2016-03-28",
                    "source": "document",
                    "kind": "open_labour_market",
                    "contract": "permanent",
                    "via_episode": "tk-1",
                }
            ],
            "events": [
                {
                    "type": "situation_after_six_months",
                    "date": "2016-09-30",
                    "source": "register",
                    "situation": "employed",
                }
            ],
        },
        {
            "participant": {"id": "K-2", "age_at_entry": 24},
            "profile": {
                "gender": "man",
                "labour_market_status": "inactive",
                "education": "isced_0_2",
                "in_education_or_training": False,
            },
            "periods": [
                {"entry": "2015-10-01", "exit": "2016-02-29", "exit_reason": "discontinued"},
                {"entry": "2016-05-02"},
            ],
            "episodes": [{"service": "job_coaching", "start": "2015-10-01", "end": "2016-02-29"}],
        },
        {
            "participant": {"id": "K-3", "age_at_entry": 58},
            "profile": {"gender": "not_told", "labour_market_status": "unemployed"},
            "periods": [{"entry": "2016-01-04", "exit": "2016-06-30", "exit_reason": "education"}],
            "situations": [
                {
                    "type": "education",
                    "start": "2016-08-15",
                    "source": "participant_reported",
                    "kind": "vocational",
                    "degree_oriented": True,
                }
            ],
            "exit_situation": {
                "date": "2016-06-30",
                "status": "inactive",
                "in_education": True,
                "source": "participant_reported",
            },
        },
    ],
}


def fill(path, opened) -> None:
    workbook = openpyxl.load_workbook(path)
    programme = workbook["Hanke"]
    fields = {cell.value: cell.row for (cell,) in programme.iter_rows(max_col=1)}
    for label, values in {
        "Tunnus": ["kaiku-testi"],
        "Nimi": ["KAIKU-testi"],
        "Toteuttaja": ["Testiyhdistys ry"],
        "Alkaa": ["1.8.2015"],
        "Päättyy": [dt.datetime(2018, 12, 31)],  # a date cell, as Excel stores it
        "Toiminta-alue": ["Joensuu", "Kontiolahti"],
        "Palvelut": ["Työhönvalmennus", "Työkokeilu"],
    }.items():
        for offset, value in enumerate(values):
            programme.cell(row=fields[label], column=2 + offset, value=value)
    funders = opened(workbook, "Rahoittajat")
    funders.row({"Rahoittaja": "ESR", "Rahoittajan tyyppi": "EU", "Rahoitusosuus": 0.8})
    funders.row(
        {
            "Rahoittaja": "Testiyhdistys ry",
            "Rahoittajan tyyppi": "Omarahoitus",
            "Rahoitusosuus": "20 %",
        }
    )
    people = opened(workbook, "Osallistujat")
    people.row(
        {
            "Pseudonyymi": "K-1",
            "Ikä tullessa": 32,
            "Sukupuoli": "nainen",
            "Työmarkkina-asema": "Työtön",
            "Työtön alkaen": "1.3.2014",
            "Koulutustaso": "Toinen aste tai erikoisammattikoulutusaste (ISCED 3–4)",
            "Ulkomainen tausta": "Kyllä",
            "Vammaisuus": "Ei halunnut vastata",
        }
    )
    people.row(
        {
            "Pseudonyymi": "K-2",
            "Ikä tullessa": 24,
            "Sukupuoli": "mies",
            "Työmarkkina-asema": "Työvoiman ulkopuolella",
            "Koulutustaso": "Enintään perusaste (ISCED 0–2)",
            "Koulutuksessa tullessa": "ei",
        }
    )
    people.row(
        {
            "Pseudonyymi": "K-3",
            "Ikä tullessa": 58,
            "Sukupuoli": "ei halua kertoa",
            "Työmarkkina-asema": "Työtön",
            "Tilanne lähdettäessä: päivä": "30.6.2016",
            "Tilanne lähdettäessä: asema": "Työvoiman ulkopuolella",
            "Tilanne lähdettäessä: koulutuksessa": "kyllä",
            "Tilanne lähdettäessä: tiedon lähde": "Oma ilmoitus",
        }
    )
    periods = opened(workbook, "Osallistumisjaksot")
    # K-2 came back: the re-entry is typed first, the model's order is by date.
    periods.row({"Pseudonyymi": "K-2", "Aloituspäivä": "2.5.2016"})
    periods.row(
        {
            "Pseudonyymi": "K-1",
            "Aloituspäivä": dt.datetime(2015, 9, 1),
            "Päättymispäivä": "31.3.2016",
            "Päättymisen syy": "Työllistyi",
        }
    )
    periods.row(
        {
            "Pseudonyymi": "K-2",
            "Aloituspäivä": "1.10.2015",
            "Päättymispäivä": "29.2.2016",
            "Päättymisen syy": "Keskeytti",
        }
    )
    periods.row(
        {
            "Pseudonyymi": "K-3",
            "Aloituspäivä": "2016-01-04",
            "Päättymispäivä": "30.6.2016",
            "Päättymisen syy": "Koulutukseen",
        }
    )
    episodes = opened(workbook, "Palvelujaksot")
    episodes.row(
        {
            "Pseudonyymi": "K-1",
            "Palvelu": "Työhönvalmennus",
            "Alkoi": "1.9.2015",
            "Päättyi": "31.3.2016",
        }
    )
    episodes.row(
        {
            "Pseudonyymi": "K-1",
            "Palvelu": "Työkokeilu",
            "Alkoi": "2.11.2015",
            "Päättyi": "29.1.2016",
            "Palveluntuottaja": "Siivousalan yritys",
            "Jakson tunnus": "tk-1",
        }
    )
    episodes.row(
        {
            "Pseudonyymi": "K-2",
            "Palvelu": "Työhönvalmennus",
            "Alkoi": "1.10.2015",
            "Päättyi": "29.2.2016",
        }
    )
    situations = opened(workbook, "Tilanteet")
    situations.row(
        {
            "Pseudonyymi": "K-1",
            "Tilanne": "työsuhde tai yrittäjyys",
            "Alkoi": "28.3.2016",
            "Tiedon lähde": "Asiakirja",
            "Työsuhteen laji": "Avoimet työmarkkinat",
            "Työsuhteen kesto": "Toistaiseksi voimassa oleva työsuhde",
            "Palvelujakso, josta työ alkoi": "tk-1",
        }
    )
    situations.row(
        {
            "Pseudonyymi": "K-3",
            "Tilanne": "koulutus",
            "Alkoi": "15.8.2016",
            "Tiedon lähde": "Oma ilmoitus",
            "Koulutuksen laji": "Ammatillinen koulutus",
            "Tutkintotavoitteinen": "kyllä",
        }
    )
    events = opened(workbook, "Tapahtumat")
    events.row(
        {
            "Pseudonyymi": "K-1",
            "Tapahtuma": "tilanne kuuden kuukauden kuluttua",
            "Päivä": "30.9.2016",
            "Tiedon lähde": "Rekisteritieto",
            "Tilanne 6 kk kuluttua": "Työssä",
        }
    )
    workbook.save(path)


def figures(dataset: Dataset):
    programme = dataset.programme
    return compute(
        ESF_PLUS_2021 + SEED_FIGURES,
        dataset.participants,
        period=ReportingPeriod(start=programme.start, end=programme.end),
        as_of=pendulum.date(2019, 6, 30),
    )


def test_a_filled_template_gives_the_figures_of_the_same_json(template, opened) -> None:
    fill(template, opened)
    expected = from_dict(DOCUMENT, Dataset)
    read = read_workbook(template)
    assert read == expected
    got, wanted = figures(read), figures(expected)
    assert got == wanted
    # Not a vacuous agreement: the records are counted.
    assert wanted["EEGRANDTOTAL"].value == 3
    assert wanted["EECR04"].numerator == 1  # K-1 in employment upon leaving


def test_a_broken_cell_is_told_at_its_cell_in_finnish(template, opened) -> None:
    fill(template, opened)
    workbook = openpyxl.load_workbook(template)
    people = opened(workbook, "Osallistujat")
    people.ws["C3"] = "naine"  # K-2's gender, mistyped past the drop-down
    periods = opened(workbook, "Osallistumisjaksot")
    periods.ws["C3"] = "31.2.2016"  # K-1's exit: no such day
    workbook.save(template)
    with pytest.raises(DataError) as caught:
        read_workbook(template)
    details = caught.value.details
    assert [(p.cell, p.code) for p in details] == [
        ("Osallistujat!C3", "sheet.unknown_value"),
        ("Osallistumisjaksot!C3", "sheet.date_calendar"),
    ]
    assert all(isinstance(p, SheetProblem) for p in details)
    gender, exit_date = details
    assert gender.text("fi") == (
        "Tuntematon arvo 'naine'; sallitut: nainen, mies, muunsukupuolinen, ei halua kertoa."
    )
    assert gender.path == ("participants", 1, "profile", "gender")
    assert exit_date.text("fi") == "Päivää '31.2.2016' ei ole kalenterissa."
    # Sorted by date, K-1's period is the first of K-1's: the JSON path says so.
    assert exit_date.path == ("participants", 0, "periods", 0, "exit")
    assert str(exit_date).startswith("Osallistumisjaksot!C3 ($.participants[0].periods[0].exit): ")
