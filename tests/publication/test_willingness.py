"""publication.willingness on small hand-made inputs: measures per ministry group, the cohorts of
a before/after comparison, that a hidden count is never used, the participants rule and today's
level behind the detectable change. Expected values are worked out by hand in the comments."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from publication import willingness
from publication.willingness import Cohort


def measures(rows: list[tuple]) -> pd.DataFrame:
    """(department, department_group, year, kind, activities, participants or None)"""
    frame = pd.DataFrame(
        rows,
        columns=["department", "department_group", "year", "kind", "activities", "participants"],
    )
    frame["participants"] = pd.array(frame["participants"], dtype="Int64")
    return frame


def test_measures_add_up_per_group_and_participants_only_where_delivered():
    # EZK 2024 split into EZ and KGG: one comparable group EZK; 3 + 2 = 5 trainings,
    # participants 40 + (none) = 40; LNV gave no participants at all: NA, not 0.
    frame = measures(
        [
            ("EZ", "EZK", 2024, "training", 3, 40),
            ("KGG", "EZK", 2024, "training", 2, None),
            ("LNV", "LNV", 2024, "training", 1, None),
        ]
    )
    grouped = willingness.measures_by_group(frame).set_index("department_group")
    assert grouped.loc["EZK", "activities"] == 5
    assert grouped.loc["EZK", "participants"] == 40
    assert pd.isna(grouped.loc["LNV", "participants"])


def test_small_groups_of_participants_are_hidden_and_rates_use_the_groups_fte():
    frame = willingness.measures_by_group(
        measures(
            [
                ("AZ", "AZ", 2023, "workshop", 2, 3),  # 3 people: '<5'
                ("BZ", "BZ", 2023, "workshop", 4, 0),  # 0 is shown, as a count of 0 reports is
                ("FIN", "FIN", 2023, "workshop", 5, 120),
            ]
        )
    )
    fte = {("AZ", 2023): 500.0, ("FIN", 2023): 20_000.0}  # BZ's fte incomplete
    shown = willingness._with_rates(frame, fte, threshold=5).set_index("department_group")
    assert bool(shown.loc["AZ", "participants_hidden"]) and pd.isna(shown.loc["AZ", "participants"])
    assert not shown.loc["BZ", "participants_hidden"] and shown.loc["BZ", "participants"] == 0
    # 1000 * 2 / 500 = 4.0 and 1000 * 5 / 20,000 = 0.25 activities per 1,000 fte
    assert shown.loc["AZ", "activities_per_1000_fte"] == pytest.approx(4.0)
    assert shown.loc["FIN", "activities_per_1000_fte"] == pytest.approx(0.25)
    assert math.isnan(shown.loc["BZ", "activities_per_1000_fte"])


def _panel(kind_years: dict[str, list[int]], years=range(2019, 2024)) -> pd.DataFrame:
    """Every group delivers every year; `kind_years` gives the years with trainings."""
    rows = []
    for group, active in kind_years.items():
        for year in years:
            rows.append((group, group, year, "training", 2 if year in active else 0, None))
            rows.append((group, group, year, "vertrouwenspersonen", 6, None))
    return willingness.measures_by_group(measures(rows))


def test_cohorts_are_groups_starting_after_a_year_without_and_groups_never_having_it():
    panel = _panel(
        {
            "AZ": [2021, 2022, 2023],  # starts 2021
            "BZ": [2021, 2023],  # starts 2021 (a gap later does not matter)
            "FIN": [2019, 2020, 2021, 2022, 2023],  # always: neither treated nor control
            "OCW": [],
            "VWS": [],
            "SZW": [2022, 2023],  # starts 2022
        }
    )
    found = willingness.cohorts(panel, range(2019, 2024))
    assert Cohort("training", 2021, ("AZ", "BZ"), ("OCW", "VWS")) in found
    assert Cohort("training", 2022, ("SZW",), ("OCW", "VWS")) in found
    assert all(c.kind == "training" for c in found)  # no startable kind besides training here


def test_a_group_that_missed_a_year_of_measures_is_in_no_cohort():
    panel = _panel({"AZ": [2021], "OCW": [], "VWS": []})
    panel = panel[~((panel["department_group"] == "VWS") & (panel["year"] == 2020))]
    found = willingness.cohorts(panel, range(2019, 2024))
    assert found == [Cohort("training", 2021, ("AZ",), ("OCW",))]


def _series(values: dict[str, list[float | None]], years=range(2019, 2024)):
    return {
        group: pd.Series(
            pd.array([None if v is None else int(v) for v in counts], dtype="Int64"),
            index=list(years),
        )
        for group, counts in values.items()
    }


def test_a_hidden_count_is_never_used_its_group_is_left_out_and_named():
    panel = _panel({"AZ": [2021], "BZ": [2021], "OCW": [], "VWS": [], "JenV": []})
    series = _series(
        {
            "AZ": [10, 12, 20, 22, 21],
            "BZ": [11, 9, 19, 21, 20],
            "OCW": [12, 13, 12, 14, 13],
            "VWS": [10, None, 11, 12, 11],  # a hidden 2020 ('<5' or 'x')
            "JenV": [15, 14, 16, 15, 17],
        }
    )
    fte = {(g, y): 1000.0 for g in series for y in range(2019, 2024)}
    result = willingness.comparison(panel, series, fte, range(2019, 2024))
    assert result.left_out == ("VWS",)
    assert result.cohort == Cohort("training", 2021, ("AZ", "BZ"), ("JenV", "OCW"))
    # the four cells from the shown counts only, by hand:
    # treated before (2019-2020): 10 + 12 + 11 + 9 = 42; after: 20+22+21 + 19+21+20 = 123
    # control before: 12 + 13 + 15 + 14 = 54; after: 12+14+13 + 16+15+17 = 87
    # before: treated 10+11 = 21 -> 12+9 = 21, control 12+15 = 27 -> 13+14 = 27: both flat, so
    # the pre-trend check passes and every cell has at least 20 reports: the gate lets it through
    assert result.support is not None and result.support.ok, result.support
    did = result.result
    assert did.treated_before.count == 42 and did.treated_after.count == 123
    assert did.control_before.count == 54 and did.control_after.count == 87
    # ratio = (123/6000)/(42/4000) / ((87/6000)/(54/4000)) = (123*54)/(42*87) = 1.81773
    assert did.ratio == pytest.approx(123 * 54 / (42 * 87))


def test_the_comparison_says_why_not_when_nothing_was_delivered():
    empty = willingness.measures_by_group(None)
    result = willingness.comparison(empty, {}, {}, [2020, 2021])
    assert result.reasons == ("no_measures",) and not result.shown


def test_todays_level_is_the_mean_of_the_last_three_shown_years():
    total = pd.Series(pd.array([25, 30, 35, 28, 32, 36], dtype="Int64"), index=range(2018, 2024))
    baseline, dispersion_years, changes = willingness.baseline_and_detectable(
        total, list(range(2018, 2024))
    )
    assert baseline == (2021, 2022, 2023)
    assert dispersion_years == tuple(range(2018, 2024))
    assert [c.follow_up_years for c in changes] == [1, 3, 5]
    # (28 + 32 + 36) / 3 = 32 reports a year
    assert all(c.expected_per_year == pytest.approx(32.0) for c in changes)
    # more years to wait, a smaller detectable rise
    rises = [c.increase_ratio for c in changes]
    assert rises == sorted(rises, reverse=True)


def test_shown_numbers_round_as_the_page_shows_them():
    assert willingness.rounded_change(1.4666) == pytest.approx(0.47)
    assert willingness.rounded_change(0.6205) == pytest.approx(-0.38)
    assert willingness.is_proportion(willingness.RISE + ":years=3")
    assert not willingness.is_proportion(willingness.RATIO)
    assert np.isclose(willingness.DECIMALS[willingness.ACTIVITIES_RATE], 2)
