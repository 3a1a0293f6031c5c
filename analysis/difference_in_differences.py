"""Difference in differences on reporting rates: ministries that started a measure against ministries that did not.

Statistics layer (analysis), for the page 'Meldingsbereidheid' (issue 18). Treated units start a
measure (training, campaign, ...) in year s; control units never had it in the window. Before =
years < s, after = years >= s. From the pooled counts C and exposures E (fte) of the four cells
(T/C = treated/control, b/a = before/after):

    theta = [(C_Ta / E_Ta) / (C_Tb / E_Tb)] / [(C_Ca / E_Ca) / (C_Cb / E_Cb)]
    Var(log theta) = phi * (1/C_Ta + 1/C_Tb + 1/C_Ca + 1/C_Cb),
    interval exp(log theta -+ z * se)                                   (the headline: 'pooled')

and on the additive scale, per 1,000 fte, with r = 1000 C / E and Var(r) = phi * 1000^2 C / E^2
(delta method, E known):

    DiD = (r_Ta - r_Tb) - (r_Ca - r_Cb),  Var(DiD) = sum of the four Var(r).

phi = max(1, X^2 / df), Pearson's statistic of the Poisson GLM with unit and year fixed effects,
the treated x after term and log(exposure) as offset (fitted here by IRLS; statsmodels' GLM gives
the same, tests/analysis/test_difference_in_differences.py). That model's own estimate of the
interaction, with its quasi-Poisson interval (covariance times phi), is reported beside the
pooled one ('model'). The two coincide when every unit is observed every year and each unit's
fte = a unit part x a year part (the offset folds into the fixed effects, and the likelihood
equations match the unit totals, year totals and treated-after total of which the pooled cells
are sums); in particular with one unit per group and one year per period, where the model is
saturated. They differ (slightly, in the tests) when a unit-year is missing or units' fte change
unequally: the model then compares each unit with its own baseline.

Whether the data can support the comparison at all is decided by `supports`, with reason codes
the page translates. An estimate is never more than its assumptions (ASSUMPTIONS, codes too).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

# scipy.special, not scipy.stats: the distribution functions without scipy.stats' import time
# on the dashboard (analysis.intervals does the same).
from scipy.special import ndtr, ndtri

DEFAULT_LEVEL = 0.95
MIN_UNITS = 2
MIN_CELL_COUNT = 20
PRE_TREND_ALPHA = 0.10
PER = 1000.0  # rates per 1,000 fte

# Reason codes of `supports` (the page translates them; no sentences here).
FEW_TREATED_UNITS = "few_treated_units"
FEW_CONTROL_UNITS = "few_control_units"
NO_BEFORE_YEARS = "no_before_years"
NO_AFTER_YEARS = "no_after_years"
SMALL_CELL_TREATED_BEFORE = "small_cell_treated_before"
SMALL_CELL_TREATED_AFTER = "small_cell_treated_after"
SMALL_CELL_CONTROL_BEFORE = "small_cell_control_before"
SMALL_CELL_CONTROL_AFTER = "small_cell_control_after"
PRE_TRENDS_DIFFER = "pre_trends_differ"
PRE_TRENDS_NOT_ESTIMABLE = "pre_trends_not_estimable"

# Assumption codes carried by every result: the estimate means what it says only if these hold.
PARALLEL_TRENDS = "parallel_trends_log_rates"  # without the measure, log rates move in parallel
NO_OTHER_CHANGE = "no_other_change_at_start"  # nothing else changed for the treated units at s
CONTROLS_UNTREATED = "controls_never_treated"  # control units had no such measure in the window
EXPOSURE_IS_FTE = "exposure_is_fte"  # reports scale with fte
OVERDISPERSION = "overdispersion_phi"  # variance = phi * mean, phi from the GLM (field dispersion)
ASSUMPTIONS = (
    PARALLEL_TRENDS,
    NO_OTHER_CHANGE,
    CONTROLS_UNTREATED,
    EXPOSURE_IS_FTE,
    OVERDISPERSION,
)

HEADLINE_POOLED = "pooled"

_MAX_ITERATIONS = 100
_TOLERANCE = 1e-10
# |coefficient| above this means the fit diverges (a unit or year whose counts are all zero in
# one part): the maximum likelihood estimate does not exist.
_MAX_COEFFICIENT = 30.0


class UnitYear(NamedTuple):
    """One row of input: the reports and fte of one unit (ministry) in one year."""

    unit: str
    year: int
    count: float
    exposure: float
    treated: bool


@dataclass(frozen=True)
class Cell:
    """Pooled reports and fte of one of the four cells (treated/control x before/after)."""

    count: float
    exposure: float

    @property
    def rate_per_1000(self) -> float:
        """Reports per 1,000 fte: 1000 * count / exposure."""
        return PER * self.count / self.exposure


@dataclass(frozen=True)
class Support:
    """Whether the data can support the comparison; reasons: codes (empty when ok).

    pre_trend_p_value: the Wald test of equal log-linear slopes over the before years (None
    when there are fewer than two before years or the test could not be computed).
    """

    ok: bool
    reasons: tuple[str, ...]
    pre_trend_p_value: float | None = None


@dataclass(frozen=True)
class PreTrend:
    """Difference of the yearly log-rate slopes, treated minus control, over the before years.

    From the Poisson GLM log mu = unit + b * t + d * t * treated + log(exposure): d, its
    standard error (times sqrt(phi), phi = max(1, X^2 / df)) and the two-sided Wald p-value.
    """

    slope_difference: float
    standard_error: float
    p_value: float
    dispersion: float


@dataclass(frozen=True)
class DifferenceInDifferences:
    """The measure's effect on the reporting rate, as ratio of rate ratios and as rate difference.

    ratio (theta), ratio_lower, ratio_upper, log_ratio_se: the pooled estimate (the headline,
    headline = 'pooled'); model_ratio, model_lower, model_upper: the GLM's interaction (None when
    that fit does not exist); rate_difference, difference_lower, difference_upper: the additive
    difference in differences per 1,000 fte. dispersion: the phi used in all three intervals;
    dispersion_estimated is False when the GLM left no residual degree of freedom (phi = 1).
    support: the gate's verdict; assumptions: codes the page must state beside the estimate.
    """

    start_year: int
    treated_before: Cell
    treated_after: Cell
    control_before: Cell
    control_after: Cell
    ratio: float
    ratio_lower: float
    ratio_upper: float
    log_ratio_se: float
    model_ratio: float | None
    model_lower: float | None
    model_upper: float | None
    rate_difference: float
    difference_lower: float
    difference_upper: float
    dispersion: float
    dispersion_degrees_of_freedom: int
    dispersion_estimated: bool
    treated_units: tuple[str, ...]
    control_units: tuple[str, ...]
    before_years: tuple[int, ...]
    after_years: tuple[int, ...]
    support: Support
    level: float = DEFAULT_LEVEL
    headline: str = HEADLINE_POOLED
    assumptions: tuple[str, ...] = ASSUMPTIONS


def _rows(rows: Iterable[UnitYear | tuple]) -> list[UnitYear]:
    """The rows as UnitYear, checked: one treated flag per unit, each unit-year once."""
    checked = [UnitYear(str(r[0]), int(r[1]), float(r[2]), float(r[3]), bool(r[4])) for r in rows]
    flags: dict[str, bool] = {}
    seen: set[tuple[str, int]] = set()
    for row in checked:
        if not (row.count >= 0 and math.isfinite(row.count)):
            raise ValueError(f"count must be a non-negative number, got {row.count!r}")
        if not (row.exposure > 0 and math.isfinite(row.exposure)):
            raise ValueError(f"exposure must be positive, got {row.exposure!r}")
        if flags.setdefault(row.unit, row.treated) != row.treated:
            raise ValueError(f"unit {row.unit!r} is both treated and control")
        if (row.unit, row.year) in seen:
            raise ValueError(f"unit {row.unit!r} has year {row.year} twice")
        seen.add((row.unit, row.year))
    return checked


def _cells(rows: list[UnitYear], start_year: int) -> dict[tuple[bool, bool], Cell]:
    """Pooled (count, exposure) by (treated, after)."""
    sums = {(t, a): [0.0, 0.0] for t in (True, False) for a in (False, True)}
    for row in rows:
        total = sums[(row.treated, row.year >= start_year)]
        total[0] += row.count
        total[1] += row.exposure
    return {key: Cell(count, exposure) for key, (count, exposure) in sums.items()}


@dataclass(frozen=True)
class _Fit:
    beta: np.ndarray
    covariance: np.ndarray  # inverse Fisher information (phi = 1)
    pearson: float
    df: int

    @property
    def dispersion(self) -> float:
        return max(1.0, self.pearson / self.df) if self.df > 0 else 1.0


def _poisson_glm(design: np.ndarray, y: np.ndarray, offset: np.ndarray) -> _Fit | None:
    """Poisson log-linear GLM by IRLS; None when the design is rank deficient or the fit diverges."""
    rows, columns = design.shape
    if rows < columns or np.linalg.matrix_rank(design) < columns:
        return None
    # start from the data (as R's glm does: mu = y + 0.1 keeps zeros finite)
    eta = np.log(y + 0.1)
    beta = np.linalg.lstsq(design, eta - offset, rcond=None)[0]
    for _ in range(_MAX_ITERATIONS):
        eta = design @ beta + offset
        mu = np.exp(eta)
        z = eta - offset + (y - mu) / mu
        weighted = design * mu[:, None]
        new = np.linalg.solve(design.T @ weighted, weighted.T @ z)
        if not np.all(np.isfinite(new)) or np.max(np.abs(new)) > _MAX_COEFFICIENT:
            return None
        converged = np.max(np.abs(new - beta)) < _TOLERANCE
        beta = new
        if converged:
            mu = np.exp(design @ beta + offset)
            covariance = np.linalg.inv(design.T @ (design * mu[:, None]))
            pearson = float(((y - mu) ** 2 / mu).sum())
            return _Fit(beta, covariance, pearson, rows - columns)
    return None


def _informative(rows: list[UnitYear]) -> list[UnitYear]:
    """Rows of units and years with at least one report.

    A unit (or year) whose counts are all zero has its fixed effect at minus infinity and adds
    nothing to the other estimates (its total is its sufficient statistic): left out.
    """
    unit_totals: dict[str, float] = {}
    year_totals: dict[int, float] = {}
    for row in rows:
        unit_totals[row.unit] = unit_totals.get(row.unit, 0.0) + row.count
        year_totals[row.year] = year_totals.get(row.year, 0.0) + row.count
    return [r for r in rows if unit_totals[r.unit] > 0 and year_totals[r.year] > 0]


def _unit_columns(rows: list[UnitYear]) -> np.ndarray:
    units = sorted({row.unit for row in rows})
    return np.array([[row.unit == unit for unit in units] for row in rows], dtype=float)


def _did_model(rows: list[UnitYear], start_year: int) -> tuple[_Fit, int] | None:
    """log mu = unit + year + delta * treated * after + log(exposure); (fit, index of delta)."""
    rows = _informative(rows)
    if not rows:
        return None
    years = sorted({row.year for row in rows})[1:]  # the first year is the reference
    year_columns = np.array([[row.year == year for year in years] for row in rows], dtype=float)
    interaction = np.array([[row.treated and row.year >= start_year] for row in rows], dtype=float)
    design = np.hstack([_unit_columns(rows), year_columns.reshape(len(rows), -1), interaction])
    y = np.array([row.count for row in rows])
    offset = np.log([row.exposure for row in rows])
    fit = _poisson_glm(design, y, offset)
    return None if fit is None else (fit, design.shape[1] - 1)


def pre_trend(rows: Iterable[UnitYear | tuple], start_year: int) -> PreTrend | None:
    """The test of parallel pre-trends: d in log mu = unit + b t + d t treated + log(exposure).

    Fitted over the before years only (t = year - mean year). None with fewer than two before
    years or when the fit does not exist.
    """
    before = _informative([row for row in _rows(rows) if row.year < start_year])
    if len({row.year for row in before}) < 2:
        return None
    t = np.array([row.year for row in before], dtype=float)
    t -= t.mean()
    treated = np.array([row.treated for row in before], dtype=float)
    design = np.column_stack([_unit_columns(before), t, t * treated])
    y = np.array([row.count for row in before])
    fit = _poisson_glm(design, y, np.log([row.exposure for row in before]))
    if fit is None:
        return None
    difference = float(fit.beta[-1])
    se = math.sqrt(float(fit.covariance[-1, -1]) * fit.dispersion)
    return PreTrend(
        slope_difference=difference,
        standard_error=se,
        p_value=min(1.0, float(2 * ndtr(-abs(difference) / se))),
        dispersion=fit.dispersion,
    )


def supports(
    rows: Iterable[UnitYear | tuple],
    start_year: int,
    *,
    min_units: int = MIN_UNITS,
    min_cell_count: float = MIN_CELL_COUNT,
    pre_trend_alpha: float = PRE_TREND_ALPHA,
) -> Support:
    """Whether the data can support a difference in differences, with reason codes when not.

    Not supported: fewer than min_units treated or control units (few_treated_units,
    few_control_units); no year before s or none from s on (no_before_years, no_after_years);
    a cell with fewer than min_cell_count reports (small_cell_<group>_<period>); with two or
    more before years, slopes of treated and control that differ at p < pre_trend_alpha
    (pre_trends_differ) or cannot be compared (pre_trends_not_estimable).
    """
    checked = _rows(rows)
    reasons: list[str] = []
    treated_units = {row.unit for row in checked if row.treated}
    control_units = {row.unit for row in checked if not row.treated}
    if len(treated_units) < min_units:
        reasons.append(FEW_TREATED_UNITS)
    if len(control_units) < min_units:
        reasons.append(FEW_CONTROL_UNITS)
    before_years = {row.year for row in checked if row.year < start_year}
    if not before_years:
        reasons.append(NO_BEFORE_YEARS)
    if not any(row.year >= start_year for row in checked):
        reasons.append(NO_AFTER_YEARS)
    cells = _cells(checked, start_year)
    for (treated, after), code in [
        ((True, False), SMALL_CELL_TREATED_BEFORE),
        ((True, True), SMALL_CELL_TREATED_AFTER),
        ((False, False), SMALL_CELL_CONTROL_BEFORE),
        ((False, True), SMALL_CELL_CONTROL_AFTER),
    ]:
        if cells[(treated, after)].count < min_cell_count:
            reasons.append(code)
    p_value = None
    if len(before_years) >= 2:
        trend = pre_trend(checked, start_year)
        if trend is None:
            reasons.append(PRE_TRENDS_NOT_ESTIMABLE)
        else:
            p_value = trend.p_value
            if p_value < pre_trend_alpha:
                reasons.append(PRE_TRENDS_DIFFER)
    return Support(ok=not reasons, reasons=tuple(reasons), pre_trend_p_value=p_value)


def difference_in_differences(
    rows: Iterable[UnitYear | tuple], start_year: int, level: float = DEFAULT_LEVEL
) -> DifferenceInDifferences | None:
    """The pooled and model estimates of the measure's effect on the rate (see the module doc).

    rows: (unit, year, count, exposure, treated). None when a cell has no report or no row (the
    ratio does not exist); otherwise the estimate, with `support` saying whether to show it.
    """
    if not 0 < level < 1:
        raise ValueError("level must lie between 0 and 1")
    checked = _rows(rows)
    cells = _cells(checked, start_year)
    if any(cell.count <= 0 or cell.exposure <= 0 for cell in cells.values()):
        return None
    tb, ta = cells[(True, False)], cells[(True, True)]
    cb, ca = cells[(False, False)], cells[(False, True)]
    z = float(ndtri(1 - (1 - level) / 2))

    model = _did_model(checked, start_year)
    if model is None:
        phi, df, estimated = 1.0, 0, False
        model_ratio = model_lower = model_upper = None
    else:
        fit, index = model
        phi, df, estimated = fit.dispersion, fit.df, fit.df > 0
        delta = float(fit.beta[index])
        model_se = math.sqrt(float(fit.covariance[index, index]) * phi)
        model_ratio = math.exp(delta)
        model_lower, model_upper = math.exp(delta - z * model_se), math.exp(delta + z * model_se)

    log_ratio = math.log((ta.count / ta.exposure) / (tb.count / tb.exposure)) - math.log(
        (ca.count / ca.exposure) / (cb.count / cb.exposure)
    )
    se = math.sqrt(phi * sum(1 / cell.count for cell in (ta, tb, ca, cb)))

    difference = (ta.rate_per_1000 - tb.rate_per_1000) - (ca.rate_per_1000 - cb.rate_per_1000)
    difference_se = PER * math.sqrt(phi * sum(c.count / c.exposure**2 for c in (ta, tb, ca, cb)))

    return DifferenceInDifferences(
        start_year=start_year,
        treated_before=tb,
        treated_after=ta,
        control_before=cb,
        control_after=ca,
        ratio=math.exp(log_ratio),
        ratio_lower=math.exp(log_ratio - z * se),
        ratio_upper=math.exp(log_ratio + z * se),
        log_ratio_se=se,
        model_ratio=model_ratio,
        model_lower=model_lower,
        model_upper=model_upper,
        rate_difference=difference,
        difference_lower=difference - z * difference_se,
        difference_upper=difference + z * difference_se,
        dispersion=phi,
        dispersion_degrees_of_freedom=df,
        dispersion_estimated=estimated,
        treated_units=tuple(sorted({row.unit for row in checked if row.treated})),
        control_units=tuple(sorted({row.unit for row in checked if not row.treated})),
        before_years=tuple(sorted({row.year for row in checked if row.year < start_year})),
        after_years=tuple(sorted({row.year for row in checked if row.year >= start_year})),
        support=supports(checked, start_year),
        level=level,
    )
