"""The trends view model on a hand-made publication: every sentence states the numbers of its own
line (issue 15: 'BZK: van 7 in 2022 naar 16 in 2025' took JenV's 16), the total row and column
say what they count, rates reach the reorganisation year, and the trend test is worded right."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from presentation.views import build_trends
from protection.rules import ProtectionRules
from protection.tables import TOTAL, ProtectedTable
from publication.filters import TrendFilters
from publication.protected import Publication

RULES = ProtectionRules()
YEARS = (2020, 2021, 2022, 2023, 2024, 2025)
H = None  # hidden (<5)
ROWS = {
    "BZK": [H, H, 7, H, 6, H],
    "JenV": [14, 10, 15, 15, 19, 16],
    TOTAL: [10, 25, 40, 35, 45, 40],
}
ROW_TOTALS = {"BZK": 29, "JenV": 89, TOTAL: 195}


def _table(name: str, rows: dict[str, list], totals: dict[str, int] | None) -> ProtectedTable:
    columns = [*YEARS, TOTAL] if totals is not None else list(YEARS)
    values = pd.DataFrame(
        [[*row, *([totals[label]] if totals is not None else [])] for label, row in rows.items()],
        index=list(rows),
        columns=columns,
    ).astype("Int64")
    status = values.isna().map(lambda hidden: "primary" if hidden else "published")
    return ProtectedTable(name, values, status, RULES, linked=None)


def publication() -> Publication:
    department = _table("discrimination:department", ROWS, ROW_TOTALS)
    series = _table("discrimination:total", {TOTAL: ROWS[TOTAL]}, None)
    total = ProtectedTable(
        "discrimination:total",
        series.values.loc[TOTAL].rename("discrimination:total"),
        series.status.loc[TOTAL],
        RULES,
        linked=None,
    )
    return Publication(
        {"discrimination:department": department, "discrimination:total": total}, YEARS, RULES
    )


NO_FTE = pd.DataFrame(columns=["department_group", "year", "fte", "departments"])
SENTENCE = re.compile(
    r"(?P<label>[^.:]+): van (?P<first>[\d.,]+) in (?P<y1>\d{4}) naar (?P<last>[\d.,]+) in (?P<y2>\d{4})"
)


def row_of(label: str) -> str:
    return TOTAL if label.startswith("Totaal") else label


@pytest.mark.parametrize("items", [(), ("BZK", "JenV"), ("BZK",), ("JenV",)])
@pytest.mark.parametrize("span", [(2020, 2025), (2022, 2024), (2021, 2023), (2023, 2025)])
def test_every_summary_sentence_states_its_own_line(items, span):
    model = build_trends(
        publication(), NO_FTE, TrendFilters("discrimination", "department", items, *span)
    )
    found = list(SENTENCE.finditer(model.chart.summary))
    lines = [*items] if items else ["BZK", "JenV", TOTAL]
    years = [y for y in YEARS if span[0] <= y <= span[1]]
    expected_lines = [
        line for line in lines if sum(ROWS[line][YEARS.index(y)] is not None for y in years) >= 2
    ]
    assert [row_of(m["label"].strip()) for m in found] == expected_lines, model.chart.summary
    for match in found:
        row = ROWS[row_of(match["label"].strip())]
        shown = [(y, row[YEARS.index(y)]) for y in years if row[YEARS.index(y)] is not None]
        assert (int(match["y1"]), int(match["first"])) == shown[0]
        assert (int(match["y2"]), int(match["last"])) == shown[-1]


def test_the_reported_case_bzk_and_jenv_from_2020():
    model = build_trends(
        publication(), NO_FTE, TrendFilters("discrimination", "department", ("BZK", "JenV"), 2020)
    )
    summary = model.chart.summary
    assert "BZK: van 7 in 2022 naar 6 in 2024." in summary
    assert "Afgeschermd: 2020, 2021, 2023 en 2025." in summary
    assert "JenV: van 14 in 2020 naar 16 in 2025." in summary
    assert "naar 16" not in summary.split("JenV")[0]


def test_total_row_and_column_say_what_they_count():
    model = build_trends(
        publication(), NO_FTE, TrendFilters("discrimination", "department", ("JenV",), 2022)
    )
    table = model.chart.table
    assert list(table.columns) == ["2022", "2023", "2024", "2025", "Totaal 2020–2025"]
    assert list(table.index) == ["JenV", "Totaal Rijk (alle ministeries)"]
    assert table.loc["JenV", "Totaal 2020–2025"] == "89"  # the published all-years total
    assert "hele Rijk" in model.total_note and "Totaal 2020–2025" in model.total_note
    english = build_trends(
        publication(), NO_FTE, TrendFilters("discrimination", "department", ("JenV",)), "en"
    )
    assert "Total central government (all ministries)" in english.chart.table.index
    assert "Total 2020–2025" in english.chart.table.columns
    assert "total over a period" not in english.total_note  # every year shown: no such remark


def test_trend_sentence_of_three_years_by_hand():
    # totals 10, 25, 40 over 2020-2022: the closed form of the Poisson fit gives the yearly
    # factor r = (2 + sqrt(88)) / 6 = 1.8968, +89.7 % a year (tests/analysis/test_trend_test.py)
    model = build_trends(
        publication(), NO_FTE, TrendFilters("discrimination", "total", (), 2020, 2022)
    )
    assert model.trend_heading == "Trend 2020–2022"
    ((label, sentence),) = model.trend_tests
    r = (2 + math.sqrt(88)) / 6
    assert f"+{(r - 1) * 100:.1f}%".replace(".", ",") == "+89,7%"
    assert sentence.startswith("Gemiddeld +89,7% per jaar over 2020–2022")
    assert "statistisch significante stijging" in sentence


def test_no_trend_test_over_hidden_years():
    model = build_trends(
        publication(), NO_FTE, TrendFilters("discrimination", "department", ("BZK",), 2022, 2024)
    )
    sentences = dict(model.trend_tests)
    assert sentences["BZK"].startswith("Geen trendtoets: in 2023 is het aantal afgeschermd")
    assert sentences["Totaal Rijk (alle ministeries)"].startswith("Gemiddeld")


def test_rates_cross_the_2024_reorganisation():
    # sector Rijk in 2024 by the ministries that exist at its end: EZK and LNV were split or
    # renamed on 2 July 2024; their successors deliver the fte (fte of 1,000 per group, so
    # that rate = count)
    groups = [
        "AZ",
        "BZ",
        "BZK",
        "EZK",
        "FIN",
        "IenW",
        "JenV",
        "LNV",
        "OCW",
        "SZW",
        "VWS",
        "VRO",
        "AenM",
    ]
    members = {"EZK": 2, "LNV": 1}  # EZ + KGG; LVVN
    fte = pd.DataFrame(
        [(g, 2024, 1000.0, members.get(g, 1)) for g in groups]
        + [(g, 2023, 1000.0, 1) for g in groups if g not in ("VRO", "AenM")],
        columns=["department_group", "year", "fte", "departments"],
    )
    model = build_trends(
        publication(), fte, TrendFilters("discrimination", "total", (), 2023, 2024, "per1000fte")
    )
    table = model.chart.table
    rates = table.loc["Totaal (per 1.000 fte)"]
    # 35 reports / 11,000 fte and 45 / 13,000 fte, per 1,000
    assert list(rates) == ["3,18", "3,46"]
    assert model.change_heading == "Verandering naar 2024, per 1.000 fte"
    ((label, sentence),) = model.changes
    assert "3,18 en 3,46 meldingen per 1.000 fte" in sentence and "fte als noemer" in sentence


SEVEN = {
    "AZ": [5, 6, 7, 8, 9, 10],
    "BZ": [6, 7, 8, 9, 10, 11],
    "BZK": [7, 8, 9, 10, 11, 12],
    "FIN": [8, 9, 10, 11, 12, 13],
    "IenW": [9, 10, 11, 12, 13, 14],
    "JenV": [10, 11, 12, 13, 14, 15],
    "OCW": [11, 12, 13, 14, 15, 16],
}
# hand sums: per year 56 + 7 * (year - 2020); per ministry 45 + 6 * its first value
SEVEN_TOTAL = [56, 63, 70, 77, 84, 91]


def seven_ministries() -> Publication:
    rows = {**SEVEN, TOTAL: SEVEN_TOTAL}
    totals = {label: sum(row) for label, row in rows.items()}
    assert totals["AZ"] == 45 and totals[TOTAL] == 441
    department = _table("discrimination:department", rows, totals)
    series = _table("discrimination:total", {TOTAL: SEVEN_TOTAL}, None)
    total = ProtectedTable(
        "discrimination:total",
        series.values.loc[TOTAL].rename("discrimination:total"),
        series.status.loc[TOTAL],
        RULES,
        linked=None,
    )
    return Publication(
        {"discrimination:department": department, "discrimination:total": total}, YEARS, RULES
    )


def _panels(figure) -> list[str]:
    """The x axes the traces are drawn on: one per panel ('x', 'x2', ...)."""
    return [trace.xaxis or "x" for trace in figure.data]


def test_seven_ministries_get_a_panel_each():
    ministries = tuple(SEVEN)
    model = build_trends(
        seven_ministries(), NO_FTE, TrendFilters("discrimination", "department", ministries)
    )
    figure = model.chart.figure
    assert len(figure.data) == 7
    assert len(set(_panels(figure))) == 7  # small multiples, one line per panel
    titles = [a.text for a in figure.layout.annotations if a.text in ministries]
    assert titles == list(ministries)
    assert [trace.name for trace in figure.data] == list(ministries)
    # one vertical scale: 0 to the highest upper bound of all seven (OCW's 16 in 2025), so the
    # panels compare; every panel spans the same years
    ranges = {tuple(figure.layout[f"yaxis{i or ''}"].range) for i in ["", *range(2, 8)]}
    assert len(ranges) == 1
    assert list(figure.data[6].y) == [11, 12, 13, 14, 15, 16]
    (y_range,) = ranges
    assert y_range[0] == 0 and y_range[1] > 16
    x_ranges = {tuple(figure.layout[f"xaxis{i or ''}"].range) for i in ["", *range(2, 8)]}
    assert x_ranges == {(2019.5, 2025.5)}
    assert figure.layout.showlegend is False
    # table and sentences unchanged: a line each
    assert list(model.chart.table.index[:7]) == list(ministries)
    assert "OCW: van 11 in 2020 naar 16 in 2025" in model.chart.summary


def test_default_view_of_seven_ministries_with_the_total_on_its_own_scale():
    # no selection: the six largest ministries (AZ has the smallest total) and the total
    model = build_trends(seven_ministries(), NO_FTE, TrendFilters("discrimination", "department"))
    figure = model.chart.figure
    assert [trace.name for trace in figure.data] == [
        *list(SEVEN)[1:],
        "Totaal Rijk (alle ministeries)",
    ]
    assert len(set(_panels(figure))) == 7
    titles = [a.text for a in figure.layout.annotations]
    assert "Totaal Rijk (alle ministeries) (eigen schaal)" in titles
    assert figure.layout.yaxis.range == figure.layout.yaxis6.range
    assert figure.layout.yaxis7.range[1] > 91 > figure.layout.yaxis.range[1]


def test_three_ministries_share_one_chart():
    model = build_trends(
        seven_ministries(),
        NO_FTE,
        TrendFilters("discrimination", "department", ("AZ", "BZK", "OCW")),
    )
    figure = model.chart.figure
    assert [trace.name for trace in figure.data] == ["AZ", "BZK", "OCW"]
    assert set(_panels(figure)) == {"x"}
    assert "xaxis2" not in figure.layout
    assert figure.layout.showlegend is not False
