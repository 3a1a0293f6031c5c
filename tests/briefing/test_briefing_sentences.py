"""The briefing's sentences against the tables under its figures (issue 15: figures by ministry,
ground and outcome got the total's sentence; 'Bij deze kleine aantallen...' stood under a figure
of 374 reports).

The hand-made publication of tests/presentation/test_sentences_match_tables.py (four years,
'<5' and 'x' cells); every expected sentence below is written from its tables by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.content import CHART_KEYS, BriefingData, build_chart
from etl.queries import DataVersion
from tests.presentation.test_sentences_match_tables import (
    COVERAGES,
    FTE,
    ROW_TOTALS,
    TABLES,
    YEAR_TOTAL,
    YEARS,
    Hidden,
    numbers_in,
    p_exact,
    p_shown,
    percents_in,
    poisson_by_hand,
    publication,
    signed_percent,
)

VERSION = DataVersion(3, "S000003", pd.Timestamp("2026-11-30 10:00"), synthetic=False)
LANGS = ("nl", "en")
SPANS = [(2021, 2024), (2022, 2024), (2021, 2023), (2023, 2024), (2024, 2024)]


def data() -> BriefingData:
    return BriefingData(publication(), COVERAGES["incomplete"], FTE, VERSION)


P_2023_2024 = {lang: p_shown(p_exact(35, 41), lang) for lang in LANGS}

# Every figure over 2021-2024, by hand from the fixture's tables; the trend sentence of 'kanalen'
# is checked apart (its numbers are a fit, not cells).
EXPECTED_NL = {
    "kanalen": [
        "Het aantal meldingen over discriminatie en racisme ging van 20 in 2021 naar 41 in 2024; "
        "de kleur laat zien via welk kanaal.",
        f"Van 2023 naar 2024: 35 en 41 meldingen. Dat verschil is niet statistisch significant "
        f"(exacte toets, p = {P_2023_2024['nl']}); het past bij toeval.",
    ],
    "betreft": [  # 2024: 'ja' is x (38), 'deels' <5 (3)
        "In 2024 gingen afgeschermd meldingen geheel en afgeschermd deels over discriminatie of "
        "racisme."
    ],
    "aandeel": [  # 41 / 90
        "In 2024 ging 45,6% van alle meldingen van ongewenst gedrag (geheel of deels) over "
        "discriminatie of racisme."
    ],
    "ministeries": [
        "BZK: van 12 in 2023 naar 15 in 2024. Afgeschermd: 2021 en 2022. "
        "FIN: van 6 in 2023 naar 9 in 2024. Afgeschermd: 2021 en 2022. "
        "JenV: van 15 in 2021 naar 17 in 2024. "
        "Totaal Rijk (alle ministeries): van 20 in 2021 naar 41 in 2024.",
        # compared counts (first and last shown, the last two years) all below 20
        "Bij kleine aantallen, zoals hier bij BZK, FIN, JenV, zegt een verschil tussen twee jaren "
        "weinig: kijk naar de 95%-intervallen.",
    ],
    "gronden": [
        "Godsdienst: van 6 in 2022 naar 9 in 2024. Afgeschermd: 2021. "
        "Levensovertuiging: van 0 in 2021 naar 0 in 2024. "
        "Ras (herkomst, huidskleur): van 10 in 2021 naar 20 in 2024. "
        "Geslacht: van 7 in 2022 naar 12 in 2024. Afgeschermd: 2021. "
        "Totaal Rijk (alle gronden): van 20 in 2021 naar 41 in 2024.",
        "Bij kleine aantallen, zoals hier bij Godsdienst, Levensovertuiging, Ras (herkomst, "
        "huidskleur), Geslacht, zegt een verschil tussen twee jaren weinig: kijk naar de "
        "95%-intervallen.",
    ],
    "uitkomsten": [
        "Gegrond: van 5 in 2022 naar 8 in 2024. Afgeschermd: 2021. "
        "Ongegrond: van 9 in 2022 naar 13 in 2024. Afgeschermd: 2021. "
        "In behandeling: van 10 in 2021 naar 20 in 2024. "
        "Totaal Rijk (alle uitkomsten): van 20 in 2021 naar 41 in 2024.",
        "Bij kleine aantallen, zoals hier bij Gegrond, Ongegrond, In behandeling, zegt een "
        "verschil tussen twee jaren weinig: kijk naar de 95%-intervallen.",
    ],
    "alle-meldingen-categorie": [
        "Discriminatie: van 12 in 2021 naar 25 in 2024. "
        "Racisme: van 8 in 2021 naar 16 in 2024. "
        "Pesten: van 40 in 2021 naar 49 in 2024. "
        "Totaal Rijk (alle categorieën): van 60 in 2021 naar 90 in 2024.",
        # bullying's compared counts are 40, 49, 49: not small
        "Bij kleine aantallen, zoals hier bij Discriminatie, Racisme, zegt een verschil tussen "
        "twee jaren weinig: kijk naar de 95%-intervallen.",
    ],
}
EXPECTED_EN = {
    "kanalen": [
        "Reports concerning discrimination and racism went from 20 in 2021 to 41 in 2024; the "
        "colours show through which channel.",
        f"From 2023 to 2024: 35 and 41 reports. The difference is not statistically significant "
        f"(exact test, p = {P_2023_2024['en']}); it is consistent with chance.",
    ],
    "betreft": [
        "In 2024, not shown reports concerned discrimination or racism entirely and not shown "
        "partly."
    ],
    "aandeel": [
        "In 2024, 45.6% of all reports of undesirable behaviour concerned discrimination or "
        "racism (entirely or partly)."
    ],
    "ministeries": [
        "BZK: from 12 in 2023 to 15 in 2024. Protected: 2021 and 2022. "
        "FIN: from 6 in 2023 to 9 in 2024. Protected: 2021 and 2022. "
        "JenV: from 15 in 2021 to 17 in 2024. "
        "Total central government (all ministries): from 20 in 2021 to 41 in 2024.",
        "With small counts, as here for BZK, FIN, JenV, a difference between two years says "
        "little: look at the 95% intervals.",
    ],
    "gronden": [
        "Religion: from 6 in 2022 to 9 in 2024. Protected: 2021. "
        "Belief: from 0 in 2021 to 0 in 2024. "
        "Race (origin, skin colour): from 10 in 2021 to 20 in 2024. "
        "Sex: from 7 in 2022 to 12 in 2024. Protected: 2021. "
        "Total central government (all grounds): from 20 in 2021 to 41 in 2024.",
        "With small counts, as here for Religion, Belief, Race (origin, skin colour), Sex, a "
        "difference between two years says little: look at the 95% intervals.",
    ],
    "uitkomsten": [
        "Well-founded: from 5 in 2022 to 8 in 2024. Protected: 2021. "
        "Unfounded: from 9 in 2022 to 13 in 2024. Protected: 2021. "
        "Pending: from 10 in 2021 to 20 in 2024. "
        "Total central government (all outcomes): from 20 in 2021 to 41 in 2024.",
        "With small counts, as here for Well-founded, Unfounded, Pending, a difference between "
        "two years says little: look at the 95% intervals.",
    ],
    "alle-meldingen-categorie": [
        "Discrimination: from 12 in 2021 to 25 in 2024. "
        "Racism: from 8 in 2021 to 16 in 2024. "
        "Bullying: from 40 in 2021 to 49 in 2024. "
        "Total central government (all categories): from 60 in 2021 to 90 in 2024.",
        "With small counts, as here for Discrimination, Racism, a difference between two years "
        "says little: look at the 95% intervals.",
    ],
}
EXPECTED = {"nl": EXPECTED_NL, "en": EXPECTED_EN}


def test_every_figure_of_the_catalogue_has_a_hand_written_case():
    assert set(EXPECTED_NL) == set(EXPECTED_EN) == set(CHART_KEYS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", CHART_KEYS)
def test_each_figure_states_its_own_cells(key, lang):
    chart = build_chart(data(), key, list(YEARS), lang)
    sentences = list(chart.sentences)
    if key == "kanalen":
        # the trend over 2021-2024 of the totals 20, 26, 35, 41 (statsmodels' Poisson fit)
        trend = sentences.pop(2)
        change, lower, upper = poisson_by_hand(list(YEARS), [20, 26, 35, 41], None)
        assert percents_in(trend, lang) == [signed_percent(v, lang) for v in (change, lower, upper)]
        assert trend.startswith({"nl": "Gemiddeld +", "en": "On average +"}[lang])
    assert sentences == EXPECTED[lang][key]


# The briefing over shorter periods: the summary's first and last year move with the period.
SHORT_NL = {
    ("kanalen", (2023, 2024)): "Het aantal meldingen over discriminatie en racisme ging van 35 "
    "in 2023 naar 41 in 2024; de kleur laat zien via welk kanaal.",
    ("kanalen", (2024, 2024)): "Te weinig getoonde aantallen voor een samenvatting.",
    ("betreft", (2021, 2023)): "In 2023 gingen 27 meldingen geheel en 8 deels over "
    "discriminatie of racisme.",
    ("aandeel", (2021, 2023)): "In 2023 ging 41,7% van alle meldingen van ongewenst gedrag "
    "(geheel of deels) over discriminatie of racisme.",  # 35 / 84
    ("ministeries", (2021, 2023)): "BZK: te weinig getoonde aantallen voor een samenvatting. "
    "Afgeschermd: 2021 en 2022. FIN: te weinig getoonde aantallen voor een samenvatting. "
    "Afgeschermd: 2021 en 2022. JenV: van 15 in 2021 naar 17 in 2023. "
    "Totaal Rijk (alle ministeries): van 20 in 2021 naar 35 in 2023.",
    ("uitkomsten", (2022, 2024)): "Gegrond: van 5 in 2022 naar 8 in 2024. "
    "Ongegrond: van 9 in 2022 naar 13 in 2024. In behandeling: van 12 in 2022 naar 20 in 2024. "
    "Totaal Rijk (alle uitkomsten): van 26 in 2022 naar 41 in 2024.",
}


@pytest.mark.parametrize(("key", "span"), list(SHORT_NL))
def test_shorter_periods_by_hand(key, span):
    years = [y for y in YEARS if span[0] <= y <= span[1]]
    chart = build_chart(data(), key, years, "nl")
    assert chart.sentences[0] == SHORT_NL[(key, span)]


TABLE_OF = {
    "kanalen": "discrimination:channel",
    "betreft": "discrimination:concerns",
    "ministeries": "discrimination:department",
    "gronden": "discrimination:ground",
    "uitkomsten": "discrimination:outcome",
    "alle-meldingen-categorie": "all:category",
}


def _cells(frame: pd.DataFrame) -> set:
    return {cell for row in frame.itertuples(index=False) for cell in row}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("span", SPANS)
@pytest.mark.parametrize("key", CHART_KEYS)
def test_every_number_of_a_figure_is_a_cell_of_its_table(key, span, lang):
    """Each count a sentence states is a shown cell of the table under the figure, for the years
    of the figure; no sentence states a cell the table hides unless that number is also shown."""
    years = [y for y in YEARS if span[0] <= y <= span[1]]
    chart = build_chart(data(), key, years, lang)
    frame = chart.table.frame
    if key == "aandeel":
        # per year: discrimination, all reports, the share; the sentence's share is the last's
        last = str(years[-1])
        assert list(frame.index) == [str(y) for y in years]
        discrimination, everything, share = frame.loc[last].tolist()
        assert share.value == discrimination / everything
        (sentence,) = chart.sentences
        assert percents_in(sentence, lang) == [share.shown(lang)]
        assert numbers_in(sentence, lang)[0] == years[-1]
        return
    assert list(frame.columns)[: len(years)] == [str(y) for y in years]
    shown = {c for c in _cells(frame[[str(y) for y in years]]) if isinstance(c, int)}
    no_test = {"nl": "Geen trendtoets", "en": "No trend test"}[lang]
    for sentence in chart.sentences:
        if percents_in(sentence, lang) or sentence.startswith(no_test):
            continue  # the trend test: a fit over the cells (tests/presentation/...)
        for number in numbers_in(sentence, lang):
            if number in years or ("p = " in sentence and number < 1):
                continue
            assert number in shown, (number, sentence, frame)
    # the table itself: every cell of the years shown is the fixture's, '<5' / 'x' as hidden;
    # the 'Totaal' column (all years) only when every year is shown
    name = TABLE_OF[key]
    rows = TABLES[name]
    total = {"nl": "Totaal", "en": "Total"}[lang]
    assert (total in frame.columns) == (years == list(YEARS))
    for (code, row_cells), (_, row) in zip(rows.items(), frame.iterrows(), strict=False):
        for year in years:
            cell = row_cells[YEARS.index(year)]
            expected = cell.symbol if isinstance(cell, Hidden) else cell
            assert row[str(year)] == expected
        if total in frame.columns:
            assert row[total] == ROW_TOTALS[name][code]
    assert frame.loc[total, [str(y) for y in years]].tolist() == [
        YEAR_TOTAL[name.split(":")[0]][YEARS.index(y)] for y in years
    ]
