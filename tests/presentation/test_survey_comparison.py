"""The survey comparison's words, table, sources and charts, on a hand-made comparison."""

from __future__ import annotations

from dataclasses import replace

import pytest

from base.reference import surveys
from presentation.survey_comparison import (
    build_survey_comparison,
    headline,
    significant,
)
from publication.survey_comparison import SurveyComparison

PER = next(s for s in surveys() if s.id == "per2023_racism")
WERK = next(s for s in surveys() if s.id == "werk2019_discrimination")

# Round numbers chosen by hand, so that every shown figure can be read off.
MATCHED = SurveyComparison(
    PER,
    True,
    grounds=("ras",),
    band_grounds=("ras", "nationaliteit", "godsdienst"),
    workforce=139_845.0,
    response_rate=0.313,
    design_effect=2.0,
    rounding=0.005,
    effective_sample_size=2314.65,
    experienced=13_984.5,
    experienced_lower=12_367.0,
    experienced_upper=15_787.0,
    experienced_band_lower=7_686.0,
    experienced_band_upper=22_198.0,
    registrations=19,
    band_registrations=25,
    cases=45,
    all_registrations=55,
    cases_per_registration=45 / 55,
    registered_persons=19 * 45 / 55,  # 15.545...
    registered_persons_upper=25.0,
    reaching_share=0.0011116,
    reaching_share_lower=0.00098467,
    reaching_share_upper=0.0012570,
    reaching_share_band_lower=0.0007003,
    reaching_share_band_upper=0.0032527,
)
REFUSED = SurveyComparison(WERK, False, ("ever", "secondary_figure"))


def test_two_significant_figures():
    assert significant(13_984.5) == 14_000
    assert significant(15.545) == 16
    assert significant(7_686.0) == 7_700
    assert significant(0.0011116) == pytest.approx(0.0011)
    assert significant(0.00098467) == pytest.approx(0.00098)
    assert significant(0) == 0


def test_the_plain_words_sentence_in_dutch_and_english():
    # Experienced: range 7,686 .. 22,198 spans 2.9 times (< 3): one number with its range.
    # Share: 0.0007003 .. 0.0032527 spans 4.6 times (> 3): the spread, as 1 in X with
    # X = 1 / 0.0032527 = 307 -> 310 and 1 / 0.0007003 = 1,428 -> 1,400.
    assert headline(MATCHED, "nl") == (
        "Ongeveer 1 op de 10 medewerkers van het Rijk ervoer in 2023 racisme op het werk: naar "
        "schatting 14.000 mensen (bandbreedte 7.700 tot 22.000). Tussen 16 en 25 van hen kwamen "
        "met een melding op grond van ras (herkomst, huidskleur) bij een geregistreerd "
        "meldkanaal: tussen 1 op de 310 en 1 op de 1.400. Die spreiding is de boodschap: het deel "
        "dat een kanaal bereikt is klein, hoe klein precies hangt af van definities en aannames."
    )
    assert headline(MATCHED, "en").startswith(
        "Roughly 1 in 10 central government staff experienced racism at work in 2023: an "
        "estimated 14,000 people (range 7,700 to 22,000). Between 16 and 25 of them reached a "
        "registered channel with a report on the ground of race (origin, skin colour): between "
        "1 in 310 and 1 in 1,400."
    )


def test_a_narrow_range_gives_one_number():
    narrow = replace(MATCHED, reaching_share_band_lower=0.0009, reaching_share_band_upper=0.0013)
    # 1 / 0.0011116 = 899.6 -> about 1 in 900
    assert "Ongeveer 16 van hen" in headline(narrow, "nl")
    assert "ongeveer 1 op de 900." in headline(narrow, "nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_table_refusals_sources_and_label(lang):
    model = build_survey_comparison((MATCHED, REFUSED), lang)
    assert model.label == {"nl": "Experimentele statistiek", "en": "Experimental statistics"}[lang]
    rows = model.table.astype(str).values.tolist()
    assert (
        rows[0][2:7]
        == {
            "nl": [
                "14.000 (12.000–16.000)",
                "7.700–22.000",
                "16 (tot 25)",
                "0,11% (0,098%–0,13%)",
                "0,070%–0,33%",
            ],
            "en": [
                "14,000 (12,000–16,000)",
                "7,700–22,000",
                "16 (up to 25)",
                "0.11% (0.098%–0.13%)",
                "0.070%–0.33%",
            ],
        }[lang]
    )
    refused = rows[1][-1]
    assert {"nl": "'ooit'", "en": "'ever'"}[lang] in refused
    assert {"nl": "secundaire bron", "en": "secondary source"}[lang] in refused
    # The csv's English source text never appears; the sources are in the page's language.
    everything = " ".join(
        [
            *model.sources,
            model.headline or "",
            *sum(rows, []),
            *model.assumptions.astype(str).values.ravel(),
        ]
    )
    for survey in (PER, WERK):
        assert survey.source not in everything
    assert {"nl": "Kamerstuk 30950 nr. 359", "en": "Parliamentary paper 30950 no. 359"}[
        lang
    ] in model.sources[0]


def test_people_and_cases_on_separate_linear_charts():
    model = build_survey_comparison((MATCHED, REFUSED), "nl")
    people, register = model.people_chart, model.register_chart
    assert people.key != register.key
    for block in (people, register):
        assert block.figure.layout.yaxis.type in (None, "linear")
        assert block.figure.layout.template.layout.font.family  # the government template
    assert people.figure.data[1].y == (14_000,)
    assert register.figure.data[0].y == (16,)


@pytest.mark.parametrize(
    ("lang", "line"),
    [("nl", "Bron: Personeelsenquête Rijk (PER) 2023; Meldingenmonitor Rijk."),
     ("en", "Source: Central government staff survey (PER) 2023; Meldingenmonitor Rijk.")],
)  # fmt: skip
def test_the_survey_chart_downloads_name_the_survey_as_source(lang, line):
    model = build_survey_comparison((MATCHED, REFUSED), lang)
    assert model.people_chart.source == line
    assert model.register_chart.source == ""  # the register's own source line


def test_the_numbers_shown_are_listed_with_their_definitions():
    shown = {n.statistic: n for n in build_survey_comparison((MATCHED, REFUSED), "nl").shown}
    assert shown["survey:per2023_racism:experienced"].value == 14_000
    assert shown["survey:per2023_racism:experienced_lower"].value == 12_000
    assert shown["survey:per2023_racism:registered_persons"].value == 16
    assert shown["survey:per2023_racism:registered_persons"].ground == "ras"
    assert shown["survey:per2023_racism:registered_persons_upper"].ground == (
        "ras;nationaliteit;godsdienst"
    )
    assert shown["survey:per2023_racism:reaching_share"].value == pytest.approx(0.0011)
    assert shown["survey:per2023_racism:reaching_share_band_upper"].value == pytest.approx(0.0033)
    assert shown["survey:per2023_racism:reaching_one_in_band_lower"].value == 310
    assert all(n.definition for n in shown.values())
    assert not any(s.startswith("survey:werk2019") for s in shown)


def test_nothing_compared_says_so():
    model = build_survey_comparison((REFUSED,), "en")
    assert model.headline is None and model.people_chart is None
    assert model.none.startswith("No survey can be set beside the register")
