"""Every generated sentence against the table it summarises (issue 15: 'BZK: van 7 in 2022 naar 16
in 2025' took JenV's 16 while the table showed '<5').

A small hand-made publication: four years, every table of both measures the pages offer, cells
below the threshold shown as '<5' and one cell per column more as 'x' where a single '<5' could be
recovered from the total (as protection does). Every expected number below is written by hand from
these tables (the row and column sums are checked by hand in test_the_fixture_adds_up); a sentence
passes when each number in it is the cell it speaks of and no hidden cell's number appears.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from etl.queries import CELL_DIMENSIONS
from presentation import underreporting as underreporting_view
from presentation.exports import chart_footnotes, note_line, subtitle_for_years
from presentation.labels import missing_deliveries_text
from presentation.revisions import revisions_display
from presentation.survey_comparison import build_survey_comparison
from presentation.views import (
    build_overview,
    build_trends,
    change_sentence,
    coverage_summary,
    filter_options,
    incomplete_years_text,
    item_label,
    letter_table,
    rate_change_sentence,
    series_summary,
    total_row_label,
    trend_sentence,
)
from protection.rules import ProtectionRules
from protection.tables import TOTAL, ProtectedTable
from publication import trends
from publication.filters import TrendFilters
from publication.protected import Publication, build_publication
from publication.underreporting import mse_result
from tests.presentation.test_revisions import revision
from tests.presentation.test_survey_comparison import MATCHED, REFUSED
from tests.presentation.test_underreporting import two_lists

RULES = ProtectionRules()
YEARS = (2021, 2022, 2023, 2024)
LANGS = ("nl", "en")


class Hidden:
    """A cell protection hides: '<5' (1..4, primary) or 'x' (secondary); its true value only to
    add up the fixture by hand, never to be shown."""

    def __init__(self, symbol: str, value: int) -> None:
        self.symbol, self.value = symbol, value


def lt5(value: int) -> Hidden:
    assert 1 <= value <= 4
    return Hidden("<5", value)


def x(value: int) -> Hidden:
    return Hidden("x", value)


def true(cell) -> int:
    return cell.value if isinstance(cell, Hidden) else cell


def shown(cell) -> int | None:
    return None if isinstance(cell, Hidden) else cell


# Discrimination: 20, 26, 35, 41 a year (122 in all); all reports 60, 70, 84, 90.
DISCRIMINATION_TOTAL = [20, 26, 35, 41]
ALL_TOTAL = [60, 70, 84, 90]
TABLES: dict[str, dict[str, list]] = {
    "discrimination:channel": {
        "integriteitscoordinator": [6, lt5(3), 9, 10],  # 28
        "meldpunt": [lt5(2), 8, x(7), 11],  # 28; 2023: kc's 4 alone would follow from 35
        "vertrouwenspersoon": [9, 12, 15, 14],  # 50
        "klachtencommissie": [lt5(3), lt5(3), lt5(4), 6],  # 16
    },
    "discrimination:department": {
        "BZK": [lt5(3), x(8), 12, 15],  # 38; 2022: FIN's 4 alone would follow from 26
        "FIN": [lt5(2), lt5(4), 6, 9],  # 21
        "JenV": [15, 14, 17, 17],  # 63
    },
    "discrimination:category": {
        "discriminatie": [12, 15, 20, 25],  # 72
        "racisme": [8, 11, 15, 16],  # 50
    },
    "discrimination:concerns": {
        "ja": [14, 19, 27, x(38)],  # 98; 2024: deels' 3 alone would follow from 41
        "deels": [6, 7, 8, lt5(3)],  # 24
    },
    "discrimination:ground": {
        "godsdienst": [lt5(4), 6, 7, 9],  # 26
        "levensovertuiging": [0, 0, 0, 0],  # a 0 is shown: every ground is a row
        "ras": [10, 13, 18, 20],  # 61
        "geslacht": [x(6), 7, 10, 12],  # 35; 2021: godsdienst's 4 alone would follow from 20
    },
    "discrimination:outcome": {
        "gegrond": [lt5(2), 5, 6, 8],  # 21
        "ongegrond": [x(8), 9, 12, 13],  # 42
        "in_behandeling": [10, 12, 17, 20],  # 59
    },
    "all:category": {
        "discriminatie": [12, 15, 20, 25],  # 72
        "racisme": [8, 11, 15, 16],  # 50
        "pesten": [40, 44, 49, 49],  # 182
    },
    "all:concerns": {
        "ja": [14, 19, 27, x(38)],
        "deels": [6, 7, 8, lt5(3)],
        "nee": [40, 44, 49, 49],  # 182
    },
}
# the 'Totaal' column (all years) of each row, added up by hand
ROW_TOTALS = {
    "discrimination:channel": {
        "integriteitscoordinator": 28,
        "meldpunt": 28,
        "vertrouwenspersoon": 50,
        "klachtencommissie": 16,
    },
    "discrimination:department": {"BZK": 38, "FIN": 21, "JenV": 63},
    "discrimination:category": {"discriminatie": 72, "racisme": 50},
    "discrimination:concerns": {"ja": 98, "deels": 24},
    "discrimination:ground": {"godsdienst": 26, "levensovertuiging": 0, "ras": 61, "geslacht": 35},
    "discrimination:outcome": {"gegrond": 21, "ongegrond": 42, "in_behandeling": 59},
    "all:category": {"discriminatie": 72, "racisme": 50, "pesten": 182},
    "all:concerns": {"ja": 98, "deels": 24, "nee": 182},
}
GRAND_TOTAL = {"discrimination": 122, "all": 304}
YEAR_TOTAL = {"discrimination": DISCRIMINATION_TOTAL, "all": ALL_TOTAL}


def _status(cell) -> str:
    if isinstance(cell, Hidden):
        return "primary" if cell.symbol == "<5" else "secondary"
    return "published"


def _protected(name: str, rows: dict[str, list]) -> ProtectedTable:
    measure = name.split(":")[0]
    totals = ROW_TOTALS[name]
    cells = {label: [*row, totals[label]] for label, row in rows.items()}
    cells[TOTAL] = [*YEAR_TOTAL[measure], GRAND_TOTAL[measure]]
    columns = [*YEARS, TOTAL]
    values = pd.DataFrame(
        [[shown(c) for c in row] for row in cells.values()], index=list(cells), columns=columns
    ).astype("Int64")
    status = pd.DataFrame(
        [[_status(c) for c in row] for row in cells.values()], index=list(cells), columns=columns
    )
    return ProtectedTable(name, values, status, RULES, linked=None)


def _series(name: str, counts: list[int]) -> ProtectedTable:
    values = pd.Series(counts, index=list(YEARS), name=name, dtype="Int64")
    status = pd.Series(["published"] * len(YEARS), index=list(YEARS), name=name)
    return ProtectedTable(name, values, status, RULES, linked=None)


def publication() -> Publication:
    tables = {name: _protected(name, rows) for name, rows in TABLES.items()}
    tables["discrimination:total"] = _series("discrimination:total", DISCRIMINATION_TOTAL)
    tables["all:total"] = _series("all:total", ALL_TOTAL)
    return Publication(tables, YEARS, RULES)


# fte: 1,000 per ministry group, BZK 2,000; sector Rijk complete 2021-2023 (11 groups, 12,000 fte),
# in 2024 only BZK, FIN and JenV delivered: no rate of the total for 2024.
GROUPS_BEFORE_2024 = ["AZ", "BZ", "BZK", "EZK", "FIN", "IenW", "JenV", "LNV", "OCW", "SZW", "VWS"]
FTE_OF = {"BZK": 2000.0}
FTE = pd.DataFrame(
    [(g, y, FTE_OF.get(g, 1000.0), 1) for y in (2021, 2022, 2023) for g in GROUPS_BEFORE_2024]
    + [(g, 2024, FTE_OF.get(g, 1000.0), 1) for g in ("BZK", "FIN", "JenV")],
    columns=["department_group", "year", "fte", "departments"],
)
# reports per 1,000 fte, by hand: count * 1000 / fte; None where the count is hidden or no fte
RATES = {
    TOTAL: {2021: 20 / 12, 2022: 26 / 12, 2023: 35 / 12, 2024: None},  # 1,67 2,17 2,92
    "BZK": {2021: None, 2022: None, 2023: 6.0, 2024: 7.5},
    "FIN": {2021: None, 2022: None, 2023: 6.0, 2024: 9.0},
    "JenV": {2021: 15.0, 2022: 14.0, 2023: 17.0, 2024: 17.0},
}
# all reports per 1,000 fte of sector Rijk: 60, 70, 84 on 12,000 fte: 5,00 5,83 7,00
ALL_RATES = {TOTAL: {2021: 60 / 12, 2022: 70 / 12, 2023: 84 / 12, 2024: None}}


def rates_of(measure: str) -> dict[str, dict[int, float | None]]:
    return RATES if measure == "discrimination" else ALL_RATES


def test_the_fixture_adds_up():
    """The hand sums: every column adds up to the year total, every row to its 'Totaal'."""
    for name, rows in TABLES.items():
        measure = name.split(":")[0]
        for i, year_total in enumerate(YEAR_TOTAL[measure]):
            assert sum(true(row[i]) for row in rows.values()) == year_total, (name, YEARS[i])
        for label, row in rows.items():
            assert sum(true(c) for c in row) == ROW_TOTALS[name][label], (name, label)
        assert sum(ROW_TOTALS[name].values()) == GRAND_TOTAL[measure]
    assert sum(DISCRIMINATION_TOTAL) == 122 and sum(ALL_TOTAL) == 304


# --- reading numbers out of sentences ----------------------------------------------------------

NUMBER = {
    "nl": re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(%?)"),
    "en": re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)"),
}
# numbers that are part of the wording, not of the data
CONSTANTS = ("1.000 fte", "1,000 fte", "95%")


def numbers_in(sentence: str, lang: str) -> list[float]:
    """Every number a sentence states, in the page's format ('1.234,5' / '1,234.5'); '12,5%' as
    12.5; the wording's own numbers (per 1,000 fte, 95%) left out."""
    for constant in CONSTANTS:
        sentence = sentence.replace(constant, "")
    found = []
    for whole, decimals, _ in NUMBER[lang].findall(sentence):
        value = float(re.sub(r"\D", "", whole))
        if decimals:
            value += int(decimals) / 10 ** len(decimals)
        found.append(value)
    return found


def percents_in(sentence: str, lang: str) -> list[str]:
    """The signed percentages of a sentence as written ('+13,6%', '−2,0%')."""
    sentence = sentence.replace("95%", "")
    return re.findall(r"[+−]?\d[\d.,]*%", sentence)


def signed_percent(share: float, lang: str) -> str:
    """A yearly change as the trend sentence writes it: sign, one decimal, typographic minus."""
    rounded = round(share * 100, 1)
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "")
    number = f"{abs(rounded):.1f}"
    return f"{sign}{number.replace('.', ',') if lang == 'nl' else number}%"


def test_numbers_in_reads_both_formats():
    assert numbers_in("van 1.234 in 2021 naar 12,5% (per 1.000 fte: 2,17)", "nl") == [
        1234,
        2021,
        12.5,
        2.17,
    ]
    assert numbers_in("from 1,234 in 2021 to 12.5% (per 1,000 fte: 2.17)", "en") == [
        1234,
        2021,
        12.5,
        2.17,
    ]


def hidden_values(name: str, rows: list[str] | None = None) -> set[int]:
    """The true values of the hidden cells of a table (rows: of these rows only)."""
    return {
        c.value
        for label, row in TABLES[name].items()
        if rows is None or label in rows
        for c in row
        if isinstance(c, Hidden)
    }


# --- the overview ------------------------------------------------------------------------------


def coverage(missing: tuple[tuple[int, str, str], ...] = ()) -> pd.DataFrame:
    """BZK and JenV deliver for two channels every year; `missing` (year, ministry, channel)."""
    rows = [
        (
            department,
            year,
            channel,
            "missing" if (year, department, channel) in missing else "delivered",
        )
        for year in YEARS
        for department in ("BZK", "JenV")
        for channel in ("vertrouwenspersoon", "klachtencommissie")
    ]
    return pd.DataFrame(rows, columns=["department", "year", "channel", "status"])


def p_exact(k1: int, k2: int, e1: float = 1.0, e2: float = 1.0) -> float:
    """The exact conditional test by hand: k2 ~ Binomial(k1 + k2, e2 / (e1 + e2)), two-sided by
    doubling the smaller tail."""
    n, p0 = k1 + k2, e2 / (e1 + e2)
    return min(1.0, 2 * min(stats.binom.cdf(k2, n, p0), stats.binom.sf(k2 - 1, n, p0)))


def p_shown(p: float, lang: str) -> str:
    text = f"{p:.3f}"
    return text.replace(".", ",") if lang == "nl" else text


OVERVIEW_NL = {
    # 2024 incomplete (JenV's committee missing): the newest complete year is 2023
    "incomplete": {
        "channels": "Het aantal meldingen over discriminatie en racisme ging van 20 in 2021 naar 41 "
        "in 2024; de kleur laat zien via welk kanaal.",
        "concerns": "In 2023 gingen 27 meldingen geheel en 8 deels over discriminatie of racisme.",
        "share": "In 2023 ging 41,7% van alle meldingen van ongewenst gedrag (geheel of deels) "
        "over discriminatie of racisme.",  # 35 / 84 = 0.41666...
        "change": f"Van 2022 naar 2023: 26 en 35 meldingen. Dat verschil is niet statistisch "
        f"significant (exacte toets, p = {p_shown(p_exact(26, 35), 'nl')}); het past bij toeval.",
    },
    # everything delivered: 2024, whose 'ja' (x) and 'deels' (<5) are hidden
    "complete": {
        "channels": "Het aantal meldingen over discriminatie en racisme ging van 20 in 2021 naar 41 "
        "in 2024; de kleur laat zien via welk kanaal.",
        "concerns": "Hoeveel meldingen in 2024 geheel of deels over discriminatie of racisme "
        "gingen, is afgeschermd: de aantallen zijn te klein om te tonen.",
        "share": "In 2024 ging 45,6% van alle meldingen van ongewenst gedrag (geheel of deels) "
        "over discriminatie of racisme.",  # 41 / 90 = 0.45555...
        "change": f"Van 2023 naar 2024: 35 en 41 meldingen. Dat verschil is niet statistisch "
        f"significant (exacte toets, p = {p_shown(p_exact(35, 41), 'nl')}); het past bij toeval.",
    },
}
OVERVIEW_EN = {
    "incomplete": {
        "channels": "Reports concerning discrimination and racism went from 20 in 2021 to 41 in "
        "2024; the colours show through which channel.",
        "concerns": "In 2023, 27 reports concerned discrimination or racism entirely and 8 partly.",
        "share": "In 2023, 41.7% of all reports of undesirable behaviour concerned discrimination "
        "or racism (entirely or partly).",
        "change": f"From 2022 to 2023: 26 and 35 reports. The difference is not statistically "
        f"significant (exact test, p = {p_shown(p_exact(26, 35), 'en')}); it is consistent with "
        "chance.",
    },
    "complete": {
        "channels": "Reports concerning discrimination and racism went from 20 in 2021 to 41 in "
        "2024; the colours show through which channel.",
        "concerns": "How many reports concerned discrimination or racism entirely or partly in "
        "2024 is not shown: the counts are too small to show.",
        "share": "In 2024, 45.6% of all reports of undesirable behaviour concerned discrimination "
        "or racism (entirely or partly).",
        "change": f"From 2023 to 2024: 35 and 41 reports. The difference is not statistically "
        f"significant (exact test, p = {p_shown(p_exact(35, 41), 'en')}); it is consistent with "
        "chance.",
    },
}
OVERVIEW = {"nl": OVERVIEW_NL, "en": OVERVIEW_EN}
COVERAGES = {
    "incomplete": coverage(((2024, "JenV", "klachtencommissie"),)),
    "complete": coverage(),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["incomplete", "complete"])
def test_overview_sentences_state_their_cells(case, lang):
    model = build_overview(publication(), COVERAGES[case], lang)
    expected = OVERVIEW[lang][case]
    blocks = {block.key: block for block in model.charts}
    assert blocks["overview-channels"].summary == expected["channels"]
    assert blocks["overview-concerns"].summary == expected["concerns"]
    assert blocks["overview-share"].summary == expected["share"]
    assert model.change_text == expected["change"]
    # the metrics beside them
    latest = 2023 if case == "incomplete" else 2024
    assert model.latest_year == latest
    assert model.latest_count == {2023: 35, 2024: 41}[latest]
    assert (model.latest_ja, model.latest_deels) == {2023: (27, 8), 2024: (None, None)}[latest]
    # the tables under the charts hold the same numbers
    concerns = blocks["overview-concerns"].table
    assert (
        concerns.loc["Ja" if lang == "nl" else "Yes", str(latest)]
        == {2023: "27", 2024: "x"}[latest]
    )
    share = blocks["overview-share"].table
    assert (
        share.loc[str(latest)].tolist()[-1]
        == {
            ("nl", 2023): "41,7%",
            ("en", 2023): "41.7%",
            ("nl", 2024): "45,6%",
            ("en", 2024): "45.6%",
        }[(lang, latest)]
    )
    channels = blocks["overview-channels"].table
    total = "Totaal" if lang == "nl" else "Total"
    assert channels.loc[total, ["2021", "2024"]].tolist() == ["20", "41"]
    # no sentence states a hidden number of the concerns table (x = 38, <5 = 3 in 2024)
    assert not {38, 3} & set(numbers_in(blocks["overview-concerns"].summary, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_overview_share_table_is_the_hand_division(lang):
    model = build_overview(publication(), COVERAGES["complete"], lang)
    share = next(b for b in model.charts if b.key == "overview-share").table
    by_hand = {"2021": 20 / 60, "2022": 26 / 70, "2023": 35 / 84, "2024": 41 / 90}
    for year, value in by_hand.items():
        discrimination, everything, percentage = share.loc[year].tolist()
        assert int(discrimination) == DISCRIMINATION_TOTAL[YEARS.index(int(year))]
        assert int(everything) == ALL_TOTAL[YEARS.index(int(year))]
        assert numbers_in(percentage, lang) == [round(value * 100, 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_incomplete_years_name_the_missing_deliveries(lang):
    model = build_overview(publication(), COVERAGES["incomplete"], lang)
    committee = {"nl": "klachtencommissie", "en": "complaints committee"}[lang]
    assert model.incomplete_text.endswith(f"\n- **2024**: JenV {committee}")
    assert incomplete_years_text({2022: ["AZ", "SZW klachtencommissie"]}, lang).endswith(
        f"\n- **2022**: AZ, SZW {committee}"
    )
    assert (
        missing_deliveries_text(["AZ", "BZK meldpunt"], lang)
        == {
            "nl": "AZ, BZK departementaal meldpunt",
            "en": "AZ, BZK departmental report point",
        }[lang]
    )


def test_coverage_summary_counts_by_hand():
    # 4 expected deliveries a year (2 ministries x 2 channels); one missing in 2024
    frame = coverage_summary(COVERAGES["incomplete"], "nl")
    assert frame.loc["2024"].tolist() == [3, 1]
    assert frame.loc["2021"].tolist() == [4, 0]
    assert coverage_summary(COVERAGES["incomplete"], "en").loc["2024"].tolist() == [3, 1]


# --- the trends page ----------------------------------------------------------------------------

SPANS = [(2021, 2024), (2022, 2024), (2021, 2023), (2023, 2024), (2024, 2024)]
LINE = {
    "nl": re.compile(
        r"^(?P<label>.+?): van (?P<first>[\d.,]+)(?: per 1\.000 fte)? in (?P<y1>\d{4}) naar "
        r"(?P<last>[\d.,]+) in (?P<y2>\d{4})\.$"
    ),
    "en": re.compile(
        r"^(?P<label>.+?): from (?P<first>[\d.,]+)(?: per 1,000 fte)? in (?P<y1>\d{4}) to "
        r"(?P<last>[\d.,]+) in (?P<y2>\d{4})\.$"
    ),
}
TOO_FEW = {"nl": ": te weinig getoonde aantallen voor een samenvatting.", "en": ": too few shown "
           "counts for a summary."}  # fmt: skip
HIDDEN = {"nl": "Afgeschermd: ", "en": "Protected: "}


def _split_summary(summary: str, lang: str) -> list[tuple[str, str | None]]:
    """The summary of a trends chart as (line sentence, 'Afgeschermd: ...' or None) pairs."""
    parts = re.split(r"(?<=\.) (?=[A-Z])", summary)
    pairs: list[tuple[str, str | None]] = []
    for part in parts:
        if part.startswith(HIDDEN[lang]):
            sentence, _ = pairs[-1]
            pairs[-1] = (sentence, part)
        else:
            pairs.append((part, None))
    return pairs


def _years_list(text: str, lang: str) -> list[int]:
    return [int(y) for y in re.findall(r"\d{4}", text)]


def _lines_of(measure: str, breakdown: str) -> dict[str, list]:
    """The cells of every line a trends chart of this table can draw, by row code (TOTAL too)."""
    if breakdown == "total":
        return {TOTAL: YEAR_TOTAL[measure]}
    return {**TABLES[f"{measure}:{breakdown}"], TOTAL: YEAR_TOTAL[measure]}


def _value_text(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _expected_line(cells: list, years: list[int], rates: dict | None) -> dict:
    """By hand from the fixture: the shown (year, value) of a line over `years` and its hidden
    years; for a rate, the value is the rate and years without one are not 'shown'."""
    shown_values, hidden = [], []
    for year in years:
        cell = cells[YEARS.index(year)]
        if isinstance(cell, Hidden):
            hidden.append(year)
            continue
        value = cell if rates is None else rates.get(year)
        if value is not None:
            shown_values.append((year, value))
    return {"shown": shown_values, "hidden": hidden}


def _trend_cases():
    options = filter_options(publication())
    for measure, breakdowns in options.items():
        for breakdown, items in breakdowns.items():
            selections = [()] + [(item,) for item in items]
            if len(items) > 1:
                selections.append(tuple(items[:2]))
            for selection in selections:
                for scale in ("aantal", "per1000fte"):
                    yield measure, breakdown, selection, scale


TREND_CASES = list(_trend_cases())


def test_the_trend_cases_cover_every_filter_option():
    """Both measures, all their breakdowns of the fixture, each item alone, and both scales."""
    assert filter_options(publication()) == {
        "discrimination": {
            "total": [],
            "channel": list(TABLES["discrimination:channel"]),
            "department": ["BZK", "FIN", "JenV"],
            "category": ["discriminatie", "racisme"],
            "concerns": ["ja", "deels"],
            "ground": ["godsdienst", "levensovertuiging", "ras", "geslacht"],
            "outcome": ["gegrond", "ongegrond", "in_behandeling"],
        },
        "all": {
            "total": [],
            "category": ["discriminatie", "racisme", "pesten"],
            "concerns": ["ja", "deels", "nee"],
        },
    }
    # (no selection, each item alone, the first two together) x 2 scales (per 1,000 fte falls
    # back to counts where there is no fte): discrimination 1 + 6 + 5 + 4 + 4 + 6 + 5 = 31,
    # all 1 + 5 + 5 = 11
    assert len(TREND_CASES) == 2 * (31 + 11)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("span", SPANS)
@pytest.mark.parametrize(("measure", "breakdown", "items", "scale"), TREND_CASES)
def test_every_trends_sentence_states_the_cells_of_its_own_line(
    measure, breakdown, items, scale, span, lang
):
    model = build_trends(
        publication(), FTE, TrendFilters(measure, breakdown, items, *span, scale), lang
    )
    years = [y for y in YEARS if span[0] <= y <= span[1]]
    # a rate only where there is fte (sector Rijk, ministries); elsewhere counts, and a note
    per_fte = scale == "per1000fte" and breakdown in ("total", "department")
    assert model.scale == ("per1000fte" if per_fte else "aantal")
    lines = _lines_of(measure, breakdown)
    # the chosen lines only (the total stays in the changes and the table), else every line
    drawn = [TOTAL] if breakdown == "total" else ([*items] if items else [*lines])
    label_of = {
        code: (
            total_row_label(breakdown, lang)
            if code == TOTAL and breakdown != "total"
            else item_label(breakdown, code, lang)
        )
        for code in lines
    }
    code_of = {label: code for code, label in label_of.items()}
    # the note on rates: none for counts; where a drawn line lacks a rate in some year, it says so
    if scale == "aantal":
        assert model.rate_note is None
    elif not per_fte:
        assert model.rate_note.startswith(
            {
                "nl": "Per 1.000 fte kan alleen voor het totaal en per ministerie",
                "en": "Per 1,000 fte is available only for the total and per ministry",
            }[lang]
        )
    else:
        gaps = any(rates_of(measure)[code].get(y) is None for code in drawn for y in years)
        assert (model.rate_note is not None) == gaps

    # 1. the summary: one sentence per drawn line, its own first and last shown value
    pairs = _split_summary(model.chart.summary, lang)
    assert len(pairs) == len(drawn), model.chart.summary
    for (sentence, hidden_part), code in zip(pairs, drawn, strict=True):
        rates = rates_of(measure)[code] if per_fte else None
        expected = _expected_line(lines[code], years, rates)
        if len(expected["shown"]) < 2:
            assert sentence == label_of[code] + TOO_FEW[lang], sentence
        else:
            match = LINE[lang].match(sentence)
            assert match, sentence
            assert code_of[match["label"]] == code
            (y1, first), (y2, last) = expected["shown"][0], expected["shown"][-1]
            decimals = 2 if per_fte else 0
            assert (int(match["y1"]), match["first"]) == (y1, _value_text(first, decimals, lang))
            assert (int(match["y2"]), match["last"]) == (y2, _value_text(last, decimals, lang))
        if expected["hidden"]:
            assert hidden_part is not None and _years_list(hidden_part, lang) == expected["hidden"]
        else:
            assert hidden_part is None, model.chart.summary

    # 2. the year-on-year changes: the total and each chosen line, its own two cells
    tested = [TOTAL] if breakdown == "total" else [*(items or list(lines)[:-1]), TOTAL]
    # A count's change is tested up to the last year shown, a rate's up to the last year with the
    # fte of sector Rijk (2023 here: 2024 has no total fte).
    year = years[-1]
    if per_fte:
        year = max([y for y in years if y <= 2023], default=years[-1])
    if len(years) < 2 or year - 1 not in years:
        assert model.changes == []
    else:
        assert [code_of[label] for label, _ in model.changes] == tested
        for (_, sentence), code in zip(model.changes, tested, strict=True):
            before, now = lines[code][YEARS.index(year - 1)], lines[code][YEARS.index(year)]
            hidden_cell = isinstance(before, Hidden) or isinstance(now, Hidden)
            if per_fte:
                rate_before = rates_of(measure)[code].get(year - 1)
                rate_now = rates_of(measure)[code].get(year)
                if hidden_cell or rate_before is None or rate_now is None:
                    assert numbers_in(sentence, lang) == [], sentence  # 'not testable'
                    continue
                found = numbers_in(sentence, lang)
                assert found[:2] == [year - 1, year], sentence
                assert sorted(found[2:4]) == sorted([round(rate_before, 2), round(rate_now, 2)])
                fte = 12000.0 if code == TOTAL else FTE_OF.get(code, 1000.0)
                assert f"p = {p_shown(p_exact(before, now, fte, fte), lang)})" in sentence
            else:
                if hidden_cell:
                    assert sentence == change_sentence(None, lang)
                    continue
                found = numbers_in(sentence, lang)
                assert found[:2] == [year - 1, year], sentence
                assert sorted(found[2:4]) == sorted([before, now]), sentence
                assert f"p = {p_shown(p_exact(before, now), lang)})" in sentence

    # 3. the trend over the years shown: from the line's own cells, or why not
    assert [code_of[label] for label, _ in model.trend_tests] == tested
    for (_, sentence), code in zip(model.trend_tests, tested, strict=True):
        cells = [lines[code][YEARS.index(y)] for y in years]
        hidden = [y for y, c in zip(years, cells, strict=True) if isinstance(c, Hidden)]
        if hidden:
            assert sentence.startswith(
                {"nl": "Geen trendtoets: in ", "en": "No trend test: in "}[lang]
            )
            assert _years_list(sentence, lang) == hidden
            continue
        used = years
        if per_fte:
            used = [y for y in years if rates_of(measure)[code].get(y) is not None]
        if len(used) < 3:
            assert sentence.startswith({"nl": "Geen trendtoets", "en": "No trend test"}[lang])
            continue
        counts = [lines[code][YEARS.index(y)] for y in used]
        if sum(counts) == 0:  # 'levensovertuiging': zeros, not 'all in the first or last year'
            assert (
                sentence
                == {
                    "nl": "Geen trendtoets: in deze jaren is er geen enkele melding.",
                    "en": "No trend test: there is no report at all in these years.",
                }[lang]
            )
            continue
        fte = None
        if per_fte:
            fte = [12000.0 if code == TOTAL else FTE_OF.get(code, 1000.0) for _ in used]
        change, lower, upper = poisson_by_hand(used, counts, fte)
        assert percents_in(sentence, lang)[:3] == [
            signed_percent(change, lang),
            signed_percent(lower, lang),
            signed_percent(upper, lang),
        ], sentence
        assert _years_list(sentence, lang)[:2] == [used[0], used[-1]]

    # 4. the table under the chart: the same cells, '<5' and 'x' where hidden
    _check_trends_table(model.chart.table, measure, breakdown, items, years, per_fte, lang)


def poisson_by_hand(years, counts, fte):
    """The Poisson (quasi-Poisson when overdispersed) trend of a line, by statsmodels' GLM: the
    yearly change exp(b) - 1 and its 95% interval."""
    # statsmodels only here: an implementation of the fit independent of analysis.trend_test
    import statsmodels.api as sm

    x = np.asarray(years, dtype=float)
    design = sm.add_constant(x - x.mean())
    offset = None if fte is None else np.log(np.asarray(fte) / 1000)
    poisson = sm.GLM(np.asarray(counts), design, family=sm.families.Poisson(), offset=offset)
    fit = poisson.fit()
    df = len(years) - 2
    pearson = float(fit.pearson_chi2)
    phi = max(1.0, pearson / df) if df > 0 else 1.0
    slope = float(fit.params[1])
    se = float(fit.bse[1]) * math.sqrt(phi)
    quantile = stats.t.ppf(0.975, df) if phi > 1 else stats.norm.ppf(0.975)
    return math.expm1(slope), math.expm1(slope - quantile * se), math.expm1(slope + quantile * se)


def _check_trends_table(table, measure, breakdown, items, years, per_fte, lang):
    lines = _lines_of(measure, breakdown)
    for code, cells in lines.items():
        if breakdown == "total":
            row = "Totaal" if lang == "nl" else "Total"
        elif code == TOTAL:
            row = total_row_label(breakdown, lang)
        else:
            if items and code not in items:
                assert item_label(breakdown, code, lang) not in table.index
                continue
            row = item_label(breakdown, code, lang)
        for year in years:
            cell = cells[YEARS.index(year)]
            expected = cell.symbol if isinstance(cell, Hidden) else _value_text(cell, 0, lang)
            assert table.loc[row, str(year)] == expected, (row, year)
        if breakdown != "total":
            # the total column counts every year (2021-2024), whatever the period, and says so
            column = {"nl": "Totaal 2021–2024", "en": "Total 2021–2024"}[lang]
            name = f"{measure}:{breakdown}"
            grand = ROW_TOTALS[name].get(code, GRAND_TOTAL[measure])
            assert table.loc[row, column] == _value_text(grand, 0, lang), (row, column)
        if per_fte:
            per = {"nl": "per 1.000 fte", "en": "per 1,000 fte"}[lang]
            rate_row = f"{row} ({per})"
            for year in years:
                rate = rates_of(measure)[code].get(year)
                expected = "–" if rate is None else _value_text(rate, 2, lang)
                assert table.loc[rate_row, str(year)] == expected, (rate_row, year)


# --- the sentences of a change and a trend, one by one ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_change_sentence_by_hand(lang):
    series = pd.Series([20, 26, 35, 41], index=list(YEARS), dtype="Int64")
    sentence = change_sentence(trends.year_on_year_change(series, 2022), lang)
    assert (
        sentence
        == {
            "nl": f"Van 2021 naar 2022: 20 en 26 meldingen. Dat verschil is niet statistisch "
            f"significant (exacte toets, p = {p_shown(p_exact(20, 26), 'nl')}); het past bij toeval.",
            "en": f"From 2021 to 2022: 20 and 26 reports. The difference is not statistically "
            f"significant (exact test, p = {p_shown(p_exact(20, 26), 'en')}); it is consistent with "
            "chance.",
        }[lang]
    )
    rising = pd.Series([10, 40], index=[2021, 2022], dtype="Int64")
    assert change_sentence(trends.year_on_year_change(rising, 2022), lang).startswith(
        {
            "nl": "Van 2021 naar 2022 steeg het aantal van 10 naar 40; die stijging is "
            "statistisch significant",
            "en": "From 2021 to 2022 the number rose from 10 to 40; the increase is "
            "statistically significant",
        }[lang]
    )
    falling = pd.Series([1234, 1000], index=[2021, 2022], dtype="Int64")
    assert change_sentence(trends.year_on_year_change(falling, 2022), lang).startswith(
        {
            "nl": "Van 2021 naar 2022 daalde het aantal van 1.234 naar 1.000;",
            "en": "From 2021 to 2022 the number fell from 1,234 to 1,000;",
        }[lang]
    )
    hidden = pd.Series([20, pd.NA], index=[2021, 2022], dtype="Int64")
    sentence = change_sentence(trends.year_on_year_change(hidden, 2022), lang)
    assert numbers_in(sentence, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_rate_change_sentence_by_hand(lang):
    # JenV: 14 and 17 reports on 1,000 fte each year: 14,00 and 17,00 per 1,000 fte
    series = pd.Series([15, 14, 17, 17], index=list(YEARS), dtype="Int64")
    fte = {2022: 1000.0, 2023: 1000.0}
    sentence = rate_change_sentence(trends.year_on_year_rate_change(series, fte, 2023), lang)
    p = p_shown(p_exact(14, 17), lang)
    assert (
        sentence
        == {
            "nl": "Van 2022 naar 2023: 14,00 en 17,00 meldingen per 1.000 fte. Dat verschil is niet "
            f"statistisch significant (exacte toets met de fte als noemer, p = {p}); het past bij "
            "toeval.",
            "en": "From 2022 to 2023: 14.00 and 17.00 reports per 1,000 fte. The difference is not "
            f"statistically significant (exact test with the fte as denominator, p = {p}); it is "
            "consistent with chance.",
        }[lang]
    )
    # unequal fte: 26 on 12,000 and 35 on 12,000 are 2,17 and 2,92; 30 on 3,000 is 10,00
    fte = {2022: 12000.0, 2023: 3000.0}
    series = pd.Series([26, 30], index=[2022, 2023], dtype="Int64")
    sentence = rate_change_sentence(trends.year_on_year_rate_change(series, fte, 2023), lang)
    assert numbers_in(sentence, lang)[:4] == [2022, 2023, 2.17, 10.0]
    assert f"p = {p_shown(p_exact(26, 30, 12000, 3000), lang)})" in sentence
    missing = rate_change_sentence(trends.year_on_year_rate_change(series, {2023: 1.0}, 2023), lang)
    assert numbers_in(missing, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_trend_sentence_by_hand(lang):
    # 10, 25, 40 over 2020-2022: the Poisson fit's yearly factor r solves 10 + 25 r^-1... the
    # closed form r = (2 + sqrt(88)) / 6 = 1.8968 (tests/analysis/test_trend_test.py): +89.7 %
    series = pd.Series([10, 25, 40], index=[2020, 2021, 2022], dtype="Int64")
    sentence = trend_sentence(trends.trend_over_years(series, [2020, 2021, 2022]), lang)
    assert sentence.startswith(
        {
            "nl": "Gemiddeld +89,7% per jaar over 2020–2022",
            "en": "On average +89.7% a year over 2020–2022",
        }[lang]  # fmt: skip
    )
    hidden = pd.Series([10, pd.NA, 40, pd.NA], index=[2020, 2021, 2022, 2023], dtype="Int64")
    sentence = trend_sentence(trends.trend_over_years(hidden, [2020, 2021, 2022, 2023]), lang)
    assert _years_list(sentence, lang) == [2021, 2023]
    assert {10, 40}.isdisjoint(numbers_in(sentence, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_series_summary_takes_the_first_and_last_shown_year(lang):
    totals = pd.Series([pd.NA, 26, 35, pd.NA], index=list(YEARS), dtype="Int64")
    sentence = series_summary(totals, list(YEARS), lang, "summary.discrimination_series")
    assert numbers_in(sentence, lang) == [26, 2022, 35, 2023]
    one = pd.Series([pd.NA, 26, pd.NA, pd.NA], index=list(YEARS), dtype="Int64")
    assert (
        numbers_in(series_summary(one, list(YEARS), lang, "summary.discrimination_series"), lang)
        == []
    )


# --- the notes of exported tables and charts ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("span", SPANS)
def test_export_notes_name_the_years_of_the_table(span, lang):
    years = [y for y in YEARS if span[0] <= y <= span[1]]
    incomplete = {2022: ["AZ"], 2024: ["JenV klachtencommissie"]}
    table = publication().tables["discrimination:channel"]
    notes = chart_footnotes(table.footnotes(lang), years, lang, incomplete)
    gaps = [y for y in (2022, 2024) if y in years]
    incomplete_note = [n for n in notes if n.startswith(("Onvolledige", "Incomplete"))]
    if gaps:
        (note,) = incomplete_note
        assert _years_list(note, lang) == gaps
    else:
        assert incomplete_note == []
    line = note_line(table.footnote_keys, years, lang, incomplete)
    assert "'<5' = 1 " in line and "'x' = " in line  # the table has both symbols
    word = {"nl": "onvolledig ", "en": "incomplete "}[lang]
    if gaps:
        assert word + ", ".join(map(str, gaps)) in line
    else:
        assert word not in line
    subtitle = subtitle_for_years(years, lang)
    assert _years_list(subtitle, lang) == ([years[0]] if len(years) == 1 else [years[0], years[-1]])


# --- under-reporting: 'In het kort' against the tables beside it -------------------------------


def _cell_numbers(cells, lang: str) -> list[float]:
    return [n for cell in cells for n in numbers_in(str(cell), lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_in_short_survey_sentence_states_the_comparison_table(lang):
    """The survey sentence of 'In het kort' (build_underreporting's first) and the comparison
    table: the same people (14,000 in a range 7,700-22,000) and registrations (16 up to 25); its
    '1 in X' is the table's share range turned over (0,070%-0,33%: 1 in 1,400 to 1 in 300, at
    two significant figures)."""
    model = build_survey_comparison((MATCHED, REFUSED), lang)
    row = model.table.astype(str).values.tolist()[0]
    in_table = _cell_numbers(row[2:7], lang)
    in_sentence = numbers_in(model.headline, lang)
    for number in (14000, 7700, 22000, 16, 25):
        assert number in in_sentence and number in in_table, number
    # the shares of the table (percentages) and the '1 in X' of the sentence
    low_share, high_share = (p / 100 for p in _cell_numbers(row[6:7], lang))
    assert (low_share, high_share) == pytest.approx((0.0007, 0.0033))
    one_in = [n for n in in_sentence if n >= 300 and n not in (14000, 7700, 22000, 2023)]
    assert one_in == [310, 1400]
    # each X is 1 / share to two significant figures: 1 / 0.0033 = 303, 1 / 0.0007 = 1,429
    assert abs(1 / high_share - one_in[0]) / one_in[0] < 0.03
    assert abs(1 / low_share - one_in[1]) / one_in[1] < 0.03


@pytest.mark.parametrize("lang", LANGS)
def test_in_short_capture_recapture_sentence_states_its_figures(lang):
    """The capture-recapture sentence of 'In het kort' and the figures beside it: 80 seen, about
    120 (95 - 180) by Lincoln-Petersen on 40 + 20 + 20 (tests/presentation/test_underreporting)."""
    summary = underreporting_view.mse_summary(mse_result(two_lists(40, 20, 20), {}), lang)
    assert numbers_in(summary.sentence, lang) == [2021, 80, 120, 95, 180]
    (_, observed, _), (_, estimate, interval), _ = summary.metrics
    assert (observed, estimate) == ("80", "120")
    assert numbers_in(interval, lang) == [95, 180]


# --- revisions in words: each number as the tables write it ------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_revised_numbers_read_as_the_tables_write_them(lang):
    """shown.csv keeps numbers plain ('1234', '0.417', '2.17'); the 'Publicaties' page writes them
    as every other table does: 1.234, 41,7% (35 / 84 as a share to 3 decimals), 2,17 (26 reports
    on 12,000 fte), p 0,016, at the decimals the pages use (publication.shown.SHOWN_DECIMALS: '0.4'
    is 40,0%); a hidden one by its symbol, never a number."""
    frame = pd.DataFrame(
        [
            revision(change="changed", statistic="count", year="2023", old_value="1234",
                     new_value="1240"),
            revision(change="changed", statistic="share", year="2023", old_value="0.417",
                     new_value="0.4"),
            revision(change="changed", statistic="rate_per_1000_fte", year="2022",
                     department="BZK", old_value="2.17", new_value="", new_symbol="<5"),
            revision(change="changed", statistic="p_value", year="2022;2023", old_value="0.016",
                     new_value="0.2"),
        ]
    )  # fmt: skip
    shown_table = revisions_display(frame, lang)
    old, new = shown_table.iloc[:, 3].tolist(), shown_table.iloc[:, 4].tolist()
    assert (old, new) == {
        "nl": (["1.234", "41,7%", "2,17", "0,016"], ["1.240", "40,0%", "<5", "0,200"]),
        "en": (["1,234", "41.7%", "2.17", "0.016"], ["1,240", "40.0%", "<5", "0.200"]),
    }[lang]


# --- the overview's check of the letter to parliament ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_letter_table_states_the_letter_and_the_monitor(lang):
    """The letter: 25-35 registrations a year, over 2018-2020 75-105, and 5 committee complaints;
    the monitor's 90 agrees, its committee count '<5' is not shown (never the number)."""
    letter = trends.LetterComparison(
        registrations_2018_2020=90,
        registrations_low=75,
        registrations_high=105,
        committee_2018_2020=None,
        committee_published=5,
    )
    table = letter_table(letter, lang).astype(str).values.tolist()
    (registrations, committee) = table
    assert numbers_in(registrations[1], lang)[:2] == [75, 105]
    assert registrations[2:] == {"nl": ["90", "✓ komt overeen"], "en": ["90", "✓ agrees"]}[lang]
    assert (
        committee[1:]
        == {
            "nl": ["5", "afgeschermd", "afgeschermd"],
            "en": ["5", "not shown", "not shown"],
        }[lang]
    )


# --- with protection as the product applies it ---------------------------------------------------

# Finest cells (ministry x channel, all 'ja', ground 'ras', outcome 'gegrond'), by hand:
# ministries BZK 13, 11, 11; JenV 15, 18, 22; FIN 3, 3, 1 (each 1..4: '<5'); year totals 31, 32,
# 34; channels vertrouwenspersoon 18, 15, 25 and meldpunt 13, 17, 9. Protection (build_publication)
# decides the rest, e.g. which cells become 'x'; the sentences must follow whatever it shows.
FINEST = {
    ("BZK", "vertrouwenspersoon"): (6, 3, 9),
    ("BZK", "meldpunt"): (7, 8, 2),
    ("JenV", "vertrouwenspersoon"): (10, 12, 15),
    ("JenV", "meldpunt"): (5, 6, 7),
    ("FIN", "vertrouwenspersoon"): (2, 0, 1),
    ("FIN", "meldpunt"): (1, 3, 0),
}
FINEST_YEARS = (2021, 2022, 2023)


@pytest.fixture(scope="module")
def protected() -> Publication:
    cells = pd.DataFrame(
        [
            (year, department, channel, "discriminatie", "ja", "ras", "gegrond", counts[i])
            for (department, channel), counts in FINEST.items()
            for i, year in enumerate(FINEST_YEARS)
        ],
        columns=[*CELL_DIMENSIONS, "count"],
    )
    return build_publication(cells, RULES)


def test_protection_hides_the_small_ministry(protected):
    department = protected.tables["discrimination:department"]
    assert department.display("nl").loc["FIN", list(FINEST_YEARS)].tolist() == ["<5"] * 3
    assert protected.year_totals("discrimination").tolist() == [31, 32, 34]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("span", [(2021, 2023), (2022, 2023)])
@pytest.mark.parametrize("breakdown", ["channel", "department", "ground", "outcome"])
def test_sentences_follow_the_product_protection(protected, breakdown, span, lang):
    """Every line's sentence states the cells of its own row as the protected table shows them,
    and its hidden years are exactly the cells the table shows as '<5' or 'x'."""
    model = build_trends(protected, FTE, TrendFilters("discrimination", breakdown, (), *span), lang)
    table = protected.table("discrimination", breakdown)
    years = [y for y in FINEST_YEARS if span[0] <= y <= span[1]]
    rows = [i for i in table.values.index if i != TOTAL]
    drawn = [*(rows if len(rows) <= 6 else model_rows(model, breakdown, rows, lang)), TOTAL]
    label_of = {
        code: total_row_label(breakdown, lang)
        if code == TOTAL
        else item_label(breakdown, code, lang)
        for code in [*rows, TOTAL]
    }
    code_of = {label: code for code, label in label_of.items()}
    pairs = _split_summary(model.chart.summary, lang)
    assert [code_of[p.split(":")[0]] for p, _ in pairs] == drawn
    for (sentence, hidden_part), code in zip(pairs, drawn, strict=True):
        published = {
            y: int(table.values.at[code, y])
            for y in years
            if table.status.at[code, y] == "published"
        }
        hidden = [y for y in years if y not in published]
        assert (_years_list(hidden_part, lang) if hidden_part else []) == hidden, sentence
        match = LINE[lang].match(sentence)
        if len(published) < 2:
            assert match is None
            continue
        first, last = min(published), max(published)
        assert (int(match["y1"]), match["first"]) == (first, _value_text(published[first], 0, lang))
        assert (int(match["y2"]), match["last"]) == (last, _value_text(published[last], 0, lang))
    for label, sentence in model.changes:
        code = code_of[label]
        year = years[-1]
        cells = [table.values.at[code, y] for y in (year - 1, year)]
        if any(pd.isna(c) for c in cells):
            assert sentence == change_sentence(None, lang)
        else:
            assert sorted(numbers_in(sentence, lang)[2:4]) == sorted(int(c) for c in cells)


def model_rows(model, breakdown, rows, lang) -> list[str]:
    """The rows a chart of more than six draws: those its table shows."""
    return [r for r in rows if item_label(breakdown, r, lang) in model.chart.table.index]
