"""Trend maths over the protected tables: year totals, share, changes, trends, intervals, rates, the letter.

Domain layer (publication), above protected.py: computed only from protected tables and coverage,
never from records. What each measure counts is defined once, in publication.measures.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.intervals import compare_counts, garwood_interval
from analysis.trend_test import TrendTest, poisson_trend
from base.reference import comparable_group, ministries, sector_rijk_codes_in_year
from etl.coverage import MISSING
from protection.tables import TOTAL, ProtectedTable
from publication.measures import ALL_REPORTS, DISCRIMINATION
from publication.protected import LETTER_COMMITTEE, LETTER_PERIOD, Publication

# discrimination_share is computed from these two measures' year series (and from no other).
SHARE_MEASURES = (DISCRIMINATION, ALL_REPORTS)


def incomplete_years(coverage: pd.DataFrame) -> dict[int, list[str]]:
    """Per year the missing deliveries, as 'DEPT' (whole ministry missing) or 'DEPT kanaal'."""
    gaps: dict[int, list[str]] = {}
    missing = coverage[coverage["status"] == MISSING]
    for (year, department), group in missing.groupby(["year", "department"]):
        expected = coverage[(coverage["year"] == year) & (coverage["department"] == department)]
        if len(group) == len(expected):
            gaps.setdefault(int(year), []).append(str(department))
        else:
            gaps.setdefault(int(year), []).extend(f"{department} {c}" for c in group["channel"])
    return gaps


def latest_complete_year(years: tuple[int, ...] | list[int], coverage: pd.DataFrame) -> int | None:
    """The newest year in which every expected (ministry, channel) delivered; else the newest year."""
    if not years:
        return None
    gaps = incomplete_years(coverage)
    complete = [year for year in years if year not in gaps]
    return max(complete) if complete else max(years)


def year_totals(publication: Publication, measure: str) -> pd.Series:
    """Reports per year for a measure; NA where protection hides the number.

    What each measure counts: its entry in publication.measures (measures.named(measure).__doc__).
    """
    return publication.year_totals(measure)


def discrimination_share(publication: Publication) -> pd.DataFrame:
    """Share of discrimination in all reported undesirable behaviour, per year.

    share = discrimination (ja + deels) / all reports, both protected counts; NA when either count
    is hidden or there are no reports at all.
    """
    discrimination = year_totals(publication, DISCRIMINATION)
    everything = year_totals(publication, ALL_REPORTS)
    frame = pd.DataFrame({"discrimination": discrimination, "all": everything})
    valid = frame["discrimination"].notna() & frame["all"].notna() & (frame["all"].fillna(0) > 0)
    frame["share"] = np.where(
        valid,
        frame["discrimination"].astype("Float64") / frame["all"].astype("Float64"),
        np.nan,
    )
    frame.index.name = "year"
    return frame


@dataclass(frozen=True)
class YearChange:
    """Change between two years of a protected count, with the exact conditional test."""

    year: int
    previous_year: int
    count: int | None
    previous_count: int | None
    p_value: float | None
    verdict: (
        str  # significant_increase | significant_decrease | no_significant_change | not_testable
    )
    rate: float | None = None  # per 1,000 fte, for a change of rates (year_on_year_rate_change)
    previous_rate: float | None = None


def year_on_year_change(series: pd.Series, year: int) -> YearChange:
    """Exact conditional binomial test of count(year) against count(year - 1).

    Given k1 + k2 reports in the two years, k2 ~ Binomial(k1 + k2, 1/2) if the underlying rate
    did not change (equal exposure); two-sided p-value; 'not_testable' when a count is hidden.
    """
    previous = year - 1
    count = series.get(year, pd.NA)
    previous_count = series.get(previous, pd.NA)
    if pd.isna(count) or pd.isna(previous_count):
        return YearChange(year, previous, None, None, None, "not_testable")
    result = compare_counts(int(previous_count), int(count))
    return YearChange(
        year, previous, int(count), int(previous_count), result.p_value, result.verdict
    )


def series_with_intervals(
    table: ProtectedTable, years: list[int], items: list[str] | None = None
) -> pd.DataFrame:
    """Long form of a protected table for charts: item, year, count, status, 95% Garwood interval.

    Intervals only for shown counts: an interval around a hidden count would reveal it.
    """
    if table.is_series:
        values = table.values.to_frame(TOTAL).T
        status = table.status.to_frame(TOTAL).T
    else:
        values, status = table.values, table.status
    rows = []
    labels = [label for label in values.index if items is None or label in items or label == TOTAL]
    for label in labels:
        for year in years:
            count = values.at[label, year]
            shown = not pd.isna(count)
            lower, upper = garwood_interval(int(count)) if shown else (np.nan, np.nan)
            rows.append(
                {
                    "item": label,
                    "year": int(year),
                    "count": int(count) if shown else pd.NA,
                    "status": status.at[label, year],
                    "lower": lower,
                    "upper": upper,
                }
            )
    frame = pd.DataFrame(rows, columns=["item", "year", "count", "status", "lower", "upper"])
    frame["count"] = frame["count"].astype("Int64")
    return frame


@functools.cache
def _fte_members(group: str, year: int) -> tuple[str, ...]:
    """The ministries of a comparable group whose fte count for `year`: those of sector Rijk that
    still existed on 31 December. The fte of a year is its staff at the year's end, so a ministry
    split during the year (EZK in 2024) has no fte of its own that year; its successors do."""
    year_end = dt.date(year, 12, 31)
    return tuple(
        m.code
        for m in ministries()
        if m.in_sector_rijk
        and comparable_group(m.code) == group
        and m.exists_in_year(year)
        and (m.valid_to is None or m.valid_to >= year_end)
    )


@functools.cache
def _groups_in_year(year: int) -> frozenset[str]:
    return frozenset(comparable_group(code) for code in sector_rijk_codes_in_year(year))


def fte_by_item(fte: pd.DataFrame, years: Iterable[int]) -> dict[tuple[str, int], float]:
    """(ministry group or TOTAL, year) -> fte, only where complete.

    fte: per department_group and year with the number of ministries behind it
    (etl.queries.fte_by_group). A group is complete when every member of it at the year's end
    (_fte_members) delivered fte; the total (sector Rijk) when every group with reports that year
    (every ministry that existed on some day of it) is complete.
    """
    complete: dict[tuple[str, int], float] = {}
    if fte.empty or "fte" not in fte.columns:
        return complete
    delivered: dict[tuple[str, int], tuple[float, int]] = {}
    for group, year, value, departments in zip(
        fte["department_group"], fte["year"], fte["fte"], fte["departments"], strict=True
    ):
        known = delivered.get((group, int(year)), (0.0, 0))
        delivered[(group, int(year))] = (known[0] + float(value), known[1] + int(departments))
    for year in sorted({int(y) for y in years}):
        groups = _groups_in_year(year)
        for group in groups:
            members = _fte_members(group, year)
            value, departments = delivered.get((group, year), (0.0, 0))
            if members and departments == len(members):
                complete[(group, year)] = value
        if groups and all((group, year) in complete for group in groups):
            complete[(TOTAL, year)] = sum(complete[(group, year)] for group in groups)
    return complete


def fte_of(fte: pd.DataFrame, item: str, years: Iterable[int]) -> dict[int, float]:
    """year -> fte of one ministry group (or TOTAL for sector Rijk), the complete years only."""
    years = list(years)
    return {year: value for (name, year), value in fte_by_item(fte, years).items() if name == item}


def rates_per_1000_fte(series: pd.DataFrame, fte: pd.DataFrame) -> pd.DataFrame:
    """Reports per 1,000 fte with the Garwood interval scaled: rate = 1000 * count / fte.

    series: long form (item, year, count, lower, upper) where item is TOTAL or a ministry group;
    fte: per department_group and year. A rate is given only where the count is shown and the
    fte of the group (of all of sector Rijk for the total) is complete (fte_by_item).
    """
    complete_groups = fte_by_item(fte, series["year"])
    rows = series.copy()
    rows["fte"] = [
        complete_groups.get((item, int(year)), np.nan)
        for item, year in zip(rows["item"], rows["year"], strict=True)
    ]
    usable = rows["count"].notna() & rows["fte"].notna()
    for column in ("count", "lower", "upper"):
        target = "rate" if column == "count" else f"rate_{column}"
        rows[target] = np.where(
            usable,
            rows[column].astype("Float64").fillna(np.nan).to_numpy(dtype=float)
            / rows["fte"]
            * 1000,
            np.nan,
        )
    return rows


def year_on_year_rate_change(series: pd.Series, fte: Mapping[int, float], year: int) -> YearChange:
    """The exact conditional test of the rate per 1,000 fte of `year` against the year before:
    k2 ~ Binomial(k1 + k2, e2 / (e1 + e2)) with the fte as exposures (compare_counts);
    'not_testable' when a count is hidden or an fte is missing."""
    previous = year - 1
    count = series.get(year, pd.NA)
    previous_count = series.get(previous, pd.NA)
    if pd.isna(count) or pd.isna(previous_count) or year not in fte or previous not in fte:
        return YearChange(year, previous, None, None, None, "not_testable")
    result = compare_counts(int(previous_count), int(count), fte[previous], fte[year])
    return YearChange(
        year,
        previous,
        int(count),
        int(previous_count),
        result.p_value,
        result.verdict,
        rate=1000 * int(count) / fte[year],
        previous_rate=1000 * int(previous_count) / fte[previous],
    )


# A trend over fewer years is the year-on-year test again.
MIN_TREND_YEARS = 3


@dataclass(frozen=True)
class TrendOverYears:
    """The trend test (analysis.trend_test) over a range of years of one protected series.

    years: the range asked for; used: the years the test used (for a rate, those with fte);
    hidden: years in the range whose count protection hides: then there is no test, because
    leaving out the hidden (small) counts would bias the trend; without_fte: years of a rate
    left out for want of fte; reason: why there is no test ('hidden', 'too_few_years',
    'not_estimable'), None when there is one.
    """

    years: tuple[int, ...]
    used: tuple[int, ...]
    test: TrendTest | None
    per_fte: bool = False
    hidden: tuple[int, ...] = ()
    without_fte: tuple[int, ...] = ()
    reason: str | None = None


def trend_over_years(
    series: pd.Series, years: Sequence[int], fte: Mapping[int, float] | None = None
) -> TrendOverYears:
    """Poisson / quasi-Poisson trend of a protected series over `years`, from shown counts only;
    fte (year -> fte) makes it a trend of the rate per 1,000 fte (fte as offset)."""
    years = tuple(int(year) for year in years)
    per_fte = fte is not None
    hidden = tuple(year for year in years if pd.isna(series.get(year, pd.NA)))
    if hidden:
        return TrendOverYears(years, (), None, per_fte, hidden=hidden, reason="hidden")
    without_fte = tuple(year for year in years if per_fte and year not in fte)
    used = tuple(year for year in years if year not in without_fte)
    if len(used) < MIN_TREND_YEARS:
        return TrendOverYears(
            years, used, None, per_fte, without_fte=without_fte, reason="too_few_years"
        )
    counts = [int(series[year]) for year in used]
    exposures = [fte[year] / 1000 for year in used] if fte is not None else None
    test = poisson_trend(used, counts, exposures)
    return TrendOverYears(
        years,
        used,
        test,
        per_fte,
        without_fte=without_fte,
        reason=None if test is not None else "not_estimable",
    )


@dataclass(frozen=True)
class LetterComparison:
    """The letter to parliament's figures for 2018-2020 next to the monitor's protected counts."""

    registrations_2018_2020: int | None  # IC + meldpunt + VP, ja or deels, three years together
    registrations_low: int  # 25 per year x 3
    registrations_high: int  # 35 per year x 3
    committee_2018_2020: int | None  # klachtencommissie, deels, three years together
    committee_published: int  # 5
    committee_delivered: bool = True  # False: no committee delivered anything for 2018-2020

    @property
    def registrations_agree(self) -> bool | None:
        if self.registrations_2018_2020 is None:
            return None
        return self.registrations_low <= self.registrations_2018_2020 <= self.registrations_high

    @property
    def committee_agrees(self) -> bool | None:
        if self.committee_2018_2020 is None:
            return None
        return self.committee_2018_2020 == self.committee_published


def letter_comparison(
    publication: Publication, published_figures: pd.DataFrame
) -> LetterComparison:
    """Compare with the letter: 25-35 a year (so 75-105 over 2018-2020) and 5 committee complaints."""
    registrations = published_figures.set_index("id").loc["letter_registrations"]
    committee = published_figures.set_index("id").loc["letter_committee"]
    years = int(registrations["year_to"]) - int(registrations["year_from"]) + 1
    period = publication.tables.get(LETTER_PERIOD)
    committee_table = publication.tables.get(LETTER_COMMITTEE)
    period_total = period.values.get(TOTAL, pd.NA) if period is not None else pd.NA
    # No committee delivered anything in those years: nothing to compare (not a zero).
    has_committee = committee_table is not None and len(committee_table.values) > 0
    committee_total = committee_table.values.iloc[0] if has_committee else pd.NA
    return LetterComparison(
        registrations_2018_2020=None if pd.isna(period_total) else int(period_total),
        registrations_low=int(registrations["low"]) * years,
        registrations_high=int(registrations["high"]) * years,
        committee_2018_2020=None if pd.isna(committee_total) else int(committee_total),
        committee_published=int(committee["low"]),
        committee_delivered=has_committee,
    )
