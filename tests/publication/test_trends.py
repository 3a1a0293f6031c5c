"""publication.trends on hand-made numbers: fte across the 2024 reorganisation, the trend over
the years shown (never over hidden counts), the rate's change test, and their registry rows."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.intervals import compare_counts
from protection.tables import TOTAL
from publication import disclosure, shown, trends
from tests.presentation.test_trends_view import publication

GROUPS_2024 = ["AZ", "BZ", "BZK", "EZK", "FIN", "IenW", "JenV", "LNV", "OCW", "SZW", "VWS"]


def fte_2024(ezk_departments: int) -> pd.DataFrame:
    rows = [(g, 2024, 1000.0, 1) for g in GROUPS_2024 if g != "EZK"]
    rows += [("EZK", 2024, 2000.0, ezk_departments), ("VRO", 2024, 500.0, 1)]
    rows += [("AenM", 2024, 500.0, 1)]
    return pd.DataFrame(rows, columns=["department_group", "year", "fte", "departments"])


def test_fte_of_a_reorganisation_year_counts_the_ministries_at_its_end():
    # EZK ended on 1 July 2024: its successors EZ and KGG are the two members at the year's end
    complete = trends.fte_by_item(fte_2024(2), [2024])
    assert complete[("EZK", 2024)] == 2000.0
    assert complete[(TOTAL, 2024)] == 10 * 1000.0 + 2000.0 + 500.0 + 500.0
    # only one of EZ and KGG delivered: the group and so sector Rijk are incomplete
    incomplete = trends.fte_by_item(fte_2024(1), [2024])
    assert ("EZK", 2024) not in incomplete and (TOTAL, 2024) not in incomplete
    assert incomplete[("BZK", 2024)] == 1000.0


def test_the_trend_is_not_computed_over_hidden_counts():
    series = pd.Series({2020: 10, 2021: pd.NA, 2022: 40}, dtype="Int64")
    trend = trends.trend_over_years(series, [2020, 2021, 2022])
    assert trend.test is None and trend.reason == "hidden" and trend.hidden == (2021,)
    short = trends.trend_over_years(pd.Series({2021: 10, 2022: 12}), [2021, 2022])
    assert short.test is None and short.reason == "too_few_years"


def test_a_rate_trend_leaves_out_years_without_fte_and_says_so():
    series = pd.Series({2020: 10, 2021: 25, 2022: 40, 2023: 50})
    trend = trends.trend_over_years(
        series, [2020, 2021, 2022, 2023], {2020: 1.0, 2021: 1.0, 2022: 1.0}
    )
    assert trend.used == (2020, 2021, 2022) and trend.without_fte == (2023,)
    assert trend.test.change == pytest.approx((2 + math.sqrt(88)) / 6 - 1, abs=1e-9)


def test_the_rate_change_uses_the_fte_as_exposures():
    series = pd.Series({2023: 10, 2024: 20})
    change = trends.year_on_year_rate_change(series, {2023: 1000.0, 2024: 2000.0}, 2024)
    # equal rates (10 per 1,000 fte both years): k2 = 20 is the mean of Binomial(30, 2/3)
    assert change.rate == change.previous_rate == 10.0
    assert change.p_value == 1.0 and change.verdict == "no_significant_change"
    assert change.p_value == compare_counts(10, 20, 1000.0, 2000.0).p_value
    assert trends.year_on_year_rate_change(series, {2024: 2000.0}, 2024).verdict == "not_testable"


def test_every_trend_the_page_can_state_is_registered_from_shown_counts():
    fte = pd.DataFrame(columns=["department_group", "year", "fte", "departments"])
    results = SimpleNamespace(publication=publication(), fte=fte)
    registry = shown._Registry()
    ids = shown._table_rows(results, registry)
    shown._trend_rows(results, registry, ids)
    rows = registry.rows
    total = rows[ids["discrimination:total"][(2020,)]]
    # totals 10, 25, 40 over 2020-2022: +89.7 % a year (closed form, tests/analysis)
    change = rows["|".join(("trend_change_pct", "2020;2021;2022", *total.definition[1:]))]
    assert change.value == round(((2 + math.sqrt(88)) / 6 - 1) * 100, 1) == 89.7
    assert change.where == ("trends",)
    assert disclosure._computed_from(change) == [
        rows[ids["discrimination:total"][(year,)]].id for year in (2020, 2021, 2022)
    ]
    trend_rows = [r for r in rows.values() if r.statistic in shown.TREND_STATISTICS]
    # BZK is hidden in 2020, 2021, 2023 and 2025: no three consecutive shown years, no trend
    assert not [r for r in trend_rows if r.department != "*" and r.department.startswith("BZK")]
    assert not disclosure._rule_failures(list(rows.values()), results.publication.rules)
