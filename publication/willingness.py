"""Willingness to report, domain part: the measures departments deliver (etl 'maatregelen'), per
ministry group and year beside the registered reports, what change the monitor can detect
(analysis.detectable_change) and a before/after comparison of ministries that started a measure
(analysis.difference_in_differences); computed from one data version's derived results and the
protected publication only (presentation.willingness turns them into words, tables and charts;
docs/willingness.md gives the definitions).

Protection: the counts of reports used here are the published ones; a hidden cell ('<5', 'x') is
never used (a ministry with a hidden year is left out of the comparison and named), so every
number computed here is a function of numbers the product already shows. Measures are counts of
activities, not of reporters; the participants of a kind of measure are shown only from
PARTICIPANTS_THRESHOLD on (a small group of participants is a small group of people).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.detectable_change import DetectableChange, detectable_changes
from analysis.difference_in_differences import (
    MIN_CELL_COUNT as MIN_CELL_COUNT,  # the page names the gate's minimum
)
from analysis.difference_in_differences import (
    DifferenceInDifferences,
    Support,
    UnitYear,
    difference_in_differences,
    supports,
)
from base.reference import comparable_group, survey_indicators
from etl.contract import MEASURE_KINDS as MEASURE_KINDS  # the page's order of kinds
from protection.aggregates import CellStatus
from protection.tables import TOTAL
from publication import trends
from publication.derived import DerivedResults
from publication.measures import DISCRIMINATION
from publication.protected import Publication
from publication.trends import incomplete_years

# The kinds a ministry 'starts' (activities); confidential advisers are a stock, not a start.
STARTABLE_KINDS = tuple(kind for kind in MEASURE_KINDS if kind != "vertrouwenspersonen")

HORIZONS = (1, 3, 5)
BASELINE_YEARS = 3
POWER = 0.80
ALPHA = 0.05
PARTICIPANTS_HIDDEN = "<{threshold}"  # as the publication's own symbol for a small count
NOT_DELIVERED = "–"  # a ministry-year without any delivery: no count, not a count of 0

# The statistics of the page as the registry (publication.shown) names them, and the decimals
# the page shows them with: one place, so that the page and the registry cannot disagree.
PREFIX = "willingness:"
ACTIVITIES = PREFIX + "activities"
PARTICIPANTS = PREFIX + "participants"
ACTIVITIES_RATE = PREFIX + "activities_per_1000_fte"
EXPECTED = PREFIX + "expected_per_year"
DISPERSION = PREFIX + "dispersion"
RISE = PREFIX + "detectable_rise"
FALL = PREFIX + "detectable_fall"
RATIO = PREFIX + "did_ratio"
RATIO_LOWER = PREFIX + "did_ratio_lower"
RATIO_UPPER = PREFIX + "did_ratio_upper"
DIFFERENCE = PREFIX + "did_difference"
DIFFERENCE_LOWER = PREFIX + "did_difference_lower"
DIFFERENCE_UPPER = PREFIX + "did_difference_upper"
CELL_COUNT = PREFIX + "did_cell_reports"
CELL_EXPOSURE = PREFIX + "did_cell_fte_years"
CELL_RATE = PREFIX + "did_cell_rate"
PRE_TREND_P = PREFIX + "did_pre_trend_p_value"
INDICATOR = PREFIX + "indicator"
DECIMALS = {
    ACTIVITIES: 0,
    PARTICIPANTS: 0,
    ACTIVITIES_RATE: 2,
    EXPECTED: 1,
    DISPERSION: 1,
    RISE: 2,  # a proportion: shown as a whole percentage
    FALL: 2,
    RATIO: 2,
    RATIO_LOWER: 2,
    RATIO_UPPER: 2,
    DIFFERENCE: 2,
    DIFFERENCE_LOWER: 2,
    DIFFERENCE_UPPER: 2,
    CELL_COUNT: 0,
    CELL_EXPOSURE: 0,
    CELL_RATE: 2,
    PRE_TREND_P: 3,
    INDICATOR: 2,
}
PROPORTIONS = (RISE, FALL, INDICATOR)


def is_proportion(statistic: str) -> bool:
    """Whether a statistic of this module is a proportion the page shows as a percentage."""
    return any(statistic == name or statistic.startswith(name + ":") for name in PROPORTIONS)


def rounded_change(rate_ratio: float) -> float:
    """A detectable change as shown: the proportion rate_ratio - 1 to whole percents."""
    return round(rate_ratio - 1.0, DECIMALS[RISE])


@dataclass(frozen=True)
class Cohort:
    """Ministry groups that started `kind` in `start_year` (none of it in every earlier year of
    the window, some in that year) and groups that never had it in the window."""

    kind: str
    start_year: int
    treated: tuple[str, ...]
    control: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """The before/after comparison of one cohort, or the reasons it cannot be shown.

    left_out: groups of the cohort without a shown count or a complete fte in a year of the
    window (a hidden count is never used). result is None unless support.ok.
    """

    cohort: Cohort | None
    years: tuple[int, ...]
    support: Support | None
    result: DifferenceInDifferences | None
    left_out: tuple[str, ...] = ()
    delivered: Cohort | None = None  # the cohort as the measures give it, before left_out
    reasons: tuple[str, ...] = ()  # our own codes: 'no_measures', 'no_cohort'

    @property
    def shown(self) -> bool:
        return self.result is not None and self.support is not None and self.support.ok


@dataclass(frozen=True)
class Willingness:
    """What the page 'Meldingsbereidheid' shows, of one data version.

    measures: per department_group, year, kind: activities, participants (NA when not delivered
    or below PARTICIPANTS_THRESHOLD: see participants_hidden), fte (NA when not complete) and
    activities_per_1000_fte. reports: per department_group (TOTAL for sector Rijk) and year the
    published count of discrimination reports (NA when hidden) and the rate per 1,000 fte.
    detectable: the smallest change detectable within each horizon at today's counts.
    """

    measures: pd.DataFrame
    reports: pd.DataFrame
    detectable: tuple[DetectableChange, ...]
    baseline: tuple[int, ...]
    dispersion_years: tuple[int, ...]
    incomplete_baseline: tuple[int, ...]  # baseline years with a missing delivery
    comparison: Comparison
    participants_threshold: int
    symbols: tuple[str, str] = ("<5", "x")  # the rules' symbols: below threshold, secondary


def measures_by_group(measures: pd.DataFrame) -> pd.DataFrame:
    """etl.queries.current_measures summed per comparable ministry group, year and kind.

    participants: the sum of the delivered ones; NA when none of the group's rows had any."""
    if measures is None or measures.empty:
        return pd.DataFrame(
            {
                "department_group": pd.Series(dtype=object),
                "year": pd.Series(dtype="int64"),
                "kind": pd.Series(dtype=object),
                "activities": pd.Series(dtype="int64"),
                "participants": pd.Series(dtype="Int64"),
            }
        )
    frame = measures.copy()
    frame["participants"] = pd.array(frame["participants"], dtype="Int64")
    grouped = frame.groupby(["department_group", "year", "kind"], sort=True)
    summed = grouped.agg(
        activities=("activities", "sum"),
        participants=("participants", lambda s: s.sum() if s.notna().any() else pd.NA),
    ).reset_index()
    summed["activities"] = summed["activities"].astype("int64")
    summed["participants"] = pd.array(summed["participants"], dtype="Int64")
    summed["year"] = summed["year"].astype("int64")
    return summed


def _with_rates(
    by_group: pd.DataFrame, fte: Mapping[tuple[str, int], float], threshold: int
) -> pd.DataFrame:
    frame = by_group.copy()
    frame["fte"] = [
        fte.get((group, int(year)), np.nan)
        for group, year in zip(frame["department_group"], frame["year"], strict=True)
    ]
    frame["activities_per_1000_fte"] = 1000 * frame["activities"] / frame["fte"]
    # as the publication's rule for counts: 1 .. T-1 hidden, 0 shown
    small = frame["participants"].notna() & (frame["participants"] > 0)
    small &= frame["participants"] < threshold
    frame["participants_hidden"] = small.astype(bool)
    frame.loc[small, "participants"] = pd.NA
    return frame.reset_index(drop=True)


def report_symbols(publication: Publication) -> dict[tuple[str, int], str]:
    """(ministry group, year) -> the symbol its hidden discrimination count is shown with."""
    symbols: dict[tuple[str, int], str] = {}
    if not publication.is_available(DISCRIMINATION, "department"):
        return symbols
    table = publication.table(DISCRIMINATION, "department")
    rules = publication.rules
    for group in table.status.index:
        for year in publication.years:
            if year not in table.status.columns:
                continue
            status = table.status.loc[group, year]
            if status == CellStatus.PRIMARY:
                symbols[(str(group), int(year))] = rules.below_threshold_text
            elif status == CellStatus.SECONDARY:
                symbols[(str(group), int(year))] = rules.secondary_text
    return symbols


def report_series(publication: Publication) -> dict[str, pd.Series]:
    """The published discrimination reports per year: TOTAL and each ministry group (NA where
    hidden)."""
    series: dict[str, pd.Series] = {}
    years = list(publication.years)  # the tables' 'Totaal' column sums the years: left out
    if publication.is_available(DISCRIMINATION, "total"):
        series[TOTAL] = publication.table(DISCRIMINATION, "total").values.reindex(years)
    if publication.is_available(DISCRIMINATION, "department"):
        table = publication.table(DISCRIMINATION, "department")
        for group in table.values.index:
            if group != TOTAL:
                series[str(group)] = table.values.loc[group].reindex(years)
    return series


def _reports(
    series: Mapping[str, pd.Series],
    fte: Mapping[tuple[str, int], float],
    symbols: Mapping[tuple[str, int], str],
    not_delivered: frozenset[tuple[str, int]] = frozenset(),
) -> pd.DataFrame:
    """Per group and year the published count (NA when hidden: symbol; when the group delivered
    nothing that year: NOT_DELIVERED, as its 0 in the table is no count) and its rate."""
    rows = []
    symbols = {**symbols, **dict.fromkeys(not_delivered, NOT_DELIVERED)}
    for group, line in series.items():
        for year, count in line.items():
            exposure = fte.get((group, int(year)), np.nan)
            shown = not pd.isna(count) and (group, int(year)) not in not_delivered
            rows.append(
                {
                    "department_group": group,
                    "year": int(year),
                    "count": int(count) if shown else pd.NA,
                    "symbol": "" if shown else symbols.get((group, int(year)), ""),
                    "fte": exposure,
                    "rate_per_1000_fte": 1000 * int(count) / exposure
                    if shown and exposure == exposure
                    else np.nan,
                }
            )
    frame = pd.DataFrame(
        rows, columns=["department_group", "year", "count", "symbol", "fte", "rate_per_1000_fte"]
    )
    frame["count"] = pd.array(frame["count"], dtype="Int64")
    return frame


def baseline_and_detectable(
    total: pd.Series, years: Sequence[int]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[DetectableChange, ...]]:
    """The years behind today's level (the last BASELINE_YEARS of `years` with a shown total),
    the years the dispersion is estimated from (all of them) and the smallest change detectable
    within each of HORIZONS. A baseline year with a missing delivery is named on the page (its
    total, and so the level, may be too low)."""
    shown = {int(y): float(total[y]) for y in years if y in total.index and not pd.isna(total[y])}
    if len(shown) < 2:
        return (), (), ()
    changes = detectable_changes(
        shown, horizons=HORIZONS, baseline_years=BASELINE_YEARS, alpha=ALPHA, power=POWER
    )
    baseline = tuple(sorted(shown)[-BASELINE_YEARS:])
    return baseline, tuple(sorted(shown)), tuple(changes)


def activities_per_group(result: Willingness) -> pd.DataFrame:
    """Per ministry group and year with a complete fte: the startable kinds' activities summed,
    per 1,000 fte (the chart's line)."""
    # every year the group delivered measures counts, a year with only confidential advisers as 0
    frame = result.measures[result.measures["fte"].notna()].copy()
    if frame.empty:
        return pd.DataFrame(columns=["department_group", "year", "activities_per_1000_fte"])
    frame["activities"] = frame["activities"].where(frame["kind"].isin(STARTABLE_KINDS), 0)
    summed = frame.groupby(["department_group", "year"], sort=True).agg(
        activities=("activities", "sum"), fte=("fte", "first")
    )
    summed["activities_per_1000_fte"] = 1000 * summed["activities"] / summed["fte"]
    return summed.reset_index()[["department_group", "year", "activities_per_1000_fte"]]


def cohorts(by_group: pd.DataFrame, years: Sequence[int]) -> list[Cohort]:
    """Per startable kind and start year: the groups that started it then and those that never
    had it. Only groups that delivered measures in every year of the window count: a year without
    a delivery is unknown, not zero."""
    found: list[Cohort] = []
    if by_group.empty:
        return found
    window = sorted(int(y) for y in years)
    delivered = by_group.groupby("department_group")["year"].apply(lambda s: set(s.astype(int)))
    complete = sorted(g for g, got in delivered.items() if set(window) <= got)
    for kind in STARTABLE_KINDS:
        rows = by_group[by_group["kind"] == kind]
        active = rows[rows["activities"] > 0].groupby("department_group")["year"].min()
        control = tuple(g for g in complete if g not in active.index)
        for start in window[1:]:
            treated = tuple(g for g in complete if g in active.index and int(active[g]) == start)
            if treated:
                found.append(Cohort(kind, start, treated, control))
    return found


def _usable(
    groups: Sequence[str],
    series: Mapping[str, pd.Series],
    fte: Mapping[tuple[str, int], float],
    years: Sequence[int],
    incomplete: frozenset[tuple[str, int]] = frozenset(),
) -> tuple[list[str], list[str]]:
    kept, left_out = [], []
    for group in groups:
        line = series.get(group)
        ok = line is not None and all(
            y in line.index
            and not pd.isna(line[y])
            and (group, y) in fte
            and (group, y) not in incomplete
            for y in years
        )
        (kept if ok else left_out).append(group)
    return kept, left_out


def comparison(
    by_group: pd.DataFrame,
    series: Mapping[str, pd.Series],
    fte: Mapping[tuple[str, int], float],
    years: Sequence[int],
    incomplete: frozenset[tuple[str, int]] = frozenset(),
) -> Comparison:
    """The before/after comparison of the cohort with the most usable groups (ties: the earliest
    start, then the kind's order), on the published counts only; a group with a missing delivery
    (incomplete: (group, year)) in a year of the window is left out like a hidden count."""
    window = tuple(sorted(int(y) for y in years))
    if by_group.empty:
        return Comparison(None, window, None, None, reasons=("no_measures",))
    candidates = []
    for cohort in cohorts(by_group, window):
        treated, left_t = _usable(cohort.treated, series, fte, window, incomplete)
        control, left_c = _usable(cohort.control, series, fte, window, incomplete)
        usable = Cohort(cohort.kind, cohort.start_year, tuple(treated), tuple(control))
        size = min(len(cohort.treated), len(cohort.control))
        candidates.append(
            (size, min(len(treated), len(control)), usable, (*left_t, *left_c), cohort)
        )
    if not candidates:
        return Comparison(None, window, None, None, reasons=("no_cohort",))
    order = {kind: i for i, kind in enumerate(STARTABLE_KINDS)}
    # the largest cohort as delivered, then the one with the most groups left after hidden counts
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2].start_year, order[c[2].kind]))
    _, _, cohort, left_out, delivered = candidates[0]
    rows = [
        UnitYear(
            group,
            year,
            float(series[group][year]),
            float(fte[(group, year)]),
            group in cohort.treated,
        )
        for group in (*cohort.treated, *cohort.control)
        for year in window
    ]
    support = supports(rows, cohort.start_year)
    result = difference_in_differences(rows, cohort.start_year) if support.ok else None
    return Comparison(cohort, window, support, result, tuple(sorted(left_out)), delivered)


def willingness(
    publication: Publication,
    fte_frame: pd.DataFrame,
    measures: pd.DataFrame,
    incomplete: Mapping[int, Sequence[str]] | None = None,
    participants_threshold: int | None = None,
) -> Willingness:
    """Everything the page shows, from the protected publication, the fte per group (etl.queries
    .fte_by_group), the current measures (etl.queries.current_measures) and the years with a
    missing delivery (publication.trends.incomplete_years: named beside today's level)."""
    threshold = participants_threshold or publication.rules.threshold
    years = list(publication.years)
    missing = incomplete or {}
    # 'AZ' (a whole ministry) or 'AZ klachtencommissie' (one channel) per year, as raw codes: a
    # group with any gap is left out of the comparison; a group that is one ministry and
    # delivered nothing that year has no count at all (the tables' 0 there is not a count)
    gaps = _gap_items(missing)
    incomplete_groups = frozenset(key for key, _, _ in gaps)
    not_delivered = frozenset(key for key, whole, code in gaps if whole and code == key[0])
    fte = trends.fte_by_item(fte_frame, years)
    series = report_series(publication)
    by_group = measures_by_group(measures)
    # measures of years the publication does not cover have no reports to stand beside
    by_group = by_group[by_group["year"].isin(years)].reset_index(drop=True)
    total = series.get(TOTAL, pd.Series(dtype="Int64"))
    baseline, dispersion_years, detectable = baseline_and_detectable(total, years)
    # the comparison needs rates: years with measures and a complete sector Rijk fte
    window = [y for y in years if y in set(by_group["year"]) and (TOTAL, y) in fte]
    return Willingness(
        measures=_with_rates(by_group, fte, threshold),
        reports=_reports(series, fte, report_symbols(publication), not_delivered),
        detectable=detectable,
        baseline=baseline,
        dispersion_years=dispersion_years,
        incomplete_baseline=tuple(y for y in baseline if missing.get(y)),
        comparison=comparison(by_group, series, fte, window, incomplete_groups),
        participants_threshold=threshold,
        symbols=(publication.rules.below_threshold_text, publication.rules.secondary_text),
    )


def _gap_items(missing: Mapping[int, Sequence[str]]) -> list[tuple[tuple[str, int], bool, str]]:
    """((group, year), whole ministry missing?, raw code) for every missing delivery
    (publication.trends.incomplete_years: 'AZ' or 'AZ klachtencommissie')."""
    items = []
    for year, listed in missing.items():
        for gap in listed:
            code, _, channel = gap.partition(" ")
            items.append(((comparable_group(code), int(year)), not channel, code))
    return items


def from_results(results: DerivedResults) -> Willingness:
    """The page's results of one data version's derived results."""
    return willingness(
        results.publication,
        results.fte,
        results.measures,
        incomplete_years(results.coverage) if not results.coverage.empty else {},
    )


@dataclass(frozen=True)
class WillingnessNumber:
    """A number the page shows, as shown, for the registry (publication.shown): statistic (a
    name of this module, ':<kind>' for measures), the year(s) (';'-list), the ministry group (''
    for sector Rijk), value as shown (None when hidden, then symbol)."""

    statistic: str
    year: str
    group: str
    value: float | int | None
    symbol: str = ""


def _shown(statistic: str, value: float) -> float:
    return round(float(value), DECIMALS[statistic.split(":kind=")[0]])


def _years(years: Sequence[int]) -> str:
    return ";".join(str(int(y)) for y in sorted(years))


def shown_numbers(result: Willingness) -> list[WillingnessNumber]:
    """Every number of the page computed here (the survey comparison and the published counts and
    rates it repeats are registered where they are made)."""
    numbers: list[WillingnessNumber] = []
    for row in result.measures.itertuples():
        year, group, kind = str(int(row.year)), str(row.department_group), f":kind={row.kind}"
        numbers.append(WillingnessNumber(ACTIVITIES + kind, year, group, int(row.activities)))
        if row.participants_hidden:
            symbol = PARTICIPANTS_HIDDEN.format(threshold=result.participants_threshold)
            numbers.append(WillingnessNumber(PARTICIPANTS + kind, year, group, None, symbol))
        elif not pd.isna(row.participants):
            numbers.append(
                WillingnessNumber(PARTICIPANTS + kind, year, group, int(row.participants))
            )
        if not pd.isna(row.activities_per_1000_fte):
            value = _shown(ACTIVITIES_RATE, row.activities_per_1000_fte)
            numbers.append(WillingnessNumber(ACTIVITIES_RATE + kind, year, group, value))
    for row in activities_per_group(result).itertuples():
        value = _shown(ACTIVITIES_RATE, row.activities_per_1000_fte)
        numbers.append(
            WillingnessNumber(
                ACTIVITIES_RATE + ":kind=activities",
                str(int(row.year)),
                row.department_group,
                value,
            )
        )
    baseline = _years(result.baseline)
    for change in result.detectable:
        horizon = f":years={change.follow_up_years}"
        numbers.append(
            WillingnessNumber(EXPECTED, baseline, "", _shown(EXPECTED, change.expected_per_year))
        )
        numbers.append(
            WillingnessNumber(RISE + horizon, baseline, "", rounded_change(change.increase_ratio))
        )
        if change.decrease_ratio is not None:
            numbers.append(
                WillingnessNumber(
                    FALL + horizon, baseline, "", rounded_change(change.decrease_ratio)
                )
            )
        if change.dispersion_estimated and change.dispersion > 1:
            numbers.append(
                WillingnessNumber(
                    DISPERSION,
                    _years(result.dispersion_years),
                    "",
                    _shown(DISPERSION, change.dispersion),
                )
            )
    comparison = result.comparison
    did = comparison.result
    if comparison.shown and did is not None:
        years = _years(comparison.years)
        for statistic, value in (
            (RATIO, did.ratio),
            (RATIO_LOWER, did.ratio_lower),
            (RATIO_UPPER, did.ratio_upper),
            (DIFFERENCE, did.rate_difference),
            (DIFFERENCE_LOWER, did.difference_lower),
            (DIFFERENCE_UPPER, did.difference_upper),
            (DISPERSION, did.dispersion),
        ):
            numbers.append(WillingnessNumber(statistic, years, "", _shown(statistic, value)))
        for name, cell, cell_years in (
            ("treated_before", did.treated_before, did.before_years),
            ("treated_after", did.treated_after, did.after_years),
            ("control_before", did.control_before, did.before_years),
            ("control_after", did.control_after, did.after_years),
        ):
            part = f":cell={name}"
            cy = _years(cell_years)
            numbers.append(WillingnessNumber(CELL_COUNT + part, cy, "", int(cell.count)))
            numbers.append(
                WillingnessNumber(
                    CELL_EXPOSURE + part, cy, "", _shown(CELL_EXPOSURE, cell.exposure)
                )
            )
            numbers.append(
                WillingnessNumber(
                    CELL_RATE + part, cy, "", _shown(CELL_RATE, 1000 * cell.count / cell.exposure)
                )
            )
    elif (
        comparison.support is not None
        and comparison.support.pre_trend_p_value is not None
        and "pre_trends_differ" in comparison.support.reasons
    ):
        numbers.append(
            WillingnessNumber(
                PRE_TREND_P,
                _years(comparison.years),
                "",
                _shown(PRE_TREND_P, comparison.support.pre_trend_p_value),
            )
        )
    for indicator in survey_indicators():
        if indicator.value is not None:
            numbers.append(
                WillingnessNumber(
                    f"{INDICATOR}:id={indicator.id}",
                    str(indicator.year),
                    "",
                    round(indicator.value, 2),
                )
            )
    return numbers
