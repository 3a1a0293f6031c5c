"""Trend maths over the protected tables: year totals, share, changes, intervals, rates, the letter.

Domain layer (publication), above protected.py: computed only from protected tables and coverage,
never from records. What each measure counts is defined once, in publication.measures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.intervals import compare_counts, garwood_interval
from base.reference import comparable_group, sector_rijk_codes_in_year
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


def rates_per_1000_fte(series: pd.DataFrame, fte: pd.DataFrame) -> pd.DataFrame:
    """Reports per 1,000 fte with the Garwood interval scaled: rate = 1000 * count / fte.

    series: long form (item, year, count, lower, upper) where item is TOTAL or a ministry group;
    fte: per department_group and year. A rate is given only where the count is shown and every
    ministry of the group (all of sector Rijk for the total) delivered fte for that year.
    """
    complete_groups: dict[tuple[str, int], float] = {}
    for year in sorted(set(series["year"])):
        expected = sector_rijk_codes_in_year(int(year))
        year_fte = fte[fte["year"] == year]
        for group in {comparable_group(code) for code in expected}:
            members = [code for code in expected if comparable_group(code) == group]
            delivered = year_fte[year_fte["department_group"] == group]
            if not delivered.empty and int(delivered["departments"].sum()) == len(members):
                complete_groups[(group, int(year))] = float(delivered["fte"].sum())
        groups_in_year = {comparable_group(code) for code in expected}
        if all((group, int(year)) in complete_groups for group in groups_in_year):
            complete_groups[(TOTAL, int(year))] = sum(
                complete_groups[(g, int(year))] for g in groups_in_year
            )
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
