"""Minimum detectable change of the yearly reporting rate: what the data can show, and when.

Statistics layer (analysis), for the page 'Meldingsbereidheid' (issue 18). The question a
policymaker asks of a measure that should raise the willingness to report: if the reporting rate
changes, how large must the change be before the monitor sees it, within 1, 3 or 5 years?

Design: the rate over the next n follow-up years against the rate over a baseline of B observed
years (by default the last 3 complete years), a two-sided Wald test of the log rate ratio at
level alpha. Counts are Poisson with overdispersion phi >= 1 (quasi-Poisson, variance = phi *
mean): a case can be registered in two channels, and years vary more than Poisson. With lam the
expected count per year at baseline, k the follow-up exposure per year relative to the baseline
exposure per year (fte; k = 1 when the workforce stays the same) and RR the rate ratio:

    Var(log RR_hat) ~= phi * (1 / (B * lam) + 1 / (n * lam * k * RR))        (delta method)

    power(RR) = Phi(|log RR| / se - z) + Phi(-|log RR| / se - z),   z = z_{1 - alpha/2}

The minimum detectable effect (MDE) is the RR > 1 and the RR < 1 where the power equals the
target (0.80), found by brentq on log RR. For an increase the power rises without bound with RR.
For a decrease it does not: the follow-up count shrinks with RR, so its variance term grows, and
the power peaks at a finite decrease and then falls back to alpha. When that peak stays below
the target, no decrease is detectable at these counts and the answer is None.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

# scipy.special, not scipy.stats: the distribution functions without scipy.stats' import time
# on the dashboard (analysis.intervals does the same).
from scipy.special import ndtr, ndtri

# Reused: the IRLS fit of log mu = a + b * t + log(exposure) behind the trend test.
from analysis.trend_test import _fit

DEFAULT_ALPHA = 0.05
DEFAULT_POWER = 0.80
DEFAULT_HORIZONS = (1, 3, 5)
DEFAULT_BASELINE_YEARS = 3
# brentq's absolute tolerance on log RR: power is then exact to far below 1e-6.
_XTOL = 1e-13


@dataclass(frozen=True)
class Dispersion:
    """Overdispersion of yearly counts around their log-linear trend.

    phi = max(1, X^2 / df), X^2 = sum (y_t - mu_t)^2 / mu_t the Pearson statistic of the Poisson
    fit log mu_t = a + b * t + log(exposure_t), df = years - 2. estimated is False (and phi = 1)
    when there are fewer than 3 years (no residual degree of freedom) or the fit does not exist
    (no report at all, or all in the first or the last year); pearson_chi2 is then None.
    """

    phi: float
    pearson_chi2: float | None
    degrees_of_freedom: int
    estimated: bool


@dataclass(frozen=True)
class DetectableChange:
    """The smallest detectable rise and fall of the rate, with the assumptions behind them.

    increase_ratio: the RR > 1 detected with probability `power`; decrease_ratio: the RR < 1
    likewise, None when no decrease reaches that power at these counts. The inputs are kept so a
    page can state them: expected_per_year (lam, reports a year at baseline), baseline_years (B),
    follow_up_years (n), dispersion (phi), follow_up_exposure_ratio (k), alpha, power;
    baseline_period (the years behind lam), dispersion_estimated and, for rates,
    baseline_exposure_per_year (mean fte of the baseline years) are filled by detectable_changes.
    """

    expected_per_year: float
    baseline_years: int
    follow_up_years: int
    dispersion: float
    alpha: float
    power: float
    increase_ratio: float
    decrease_ratio: float | None
    follow_up_exposure_ratio: float = 1.0
    baseline_period: tuple[int, ...] = ()
    dispersion_estimated: bool = False
    baseline_exposure_per_year: float | None = None

    @property
    def increase_percent(self) -> float:
        """The detectable rise in percent: 100 * (increase_ratio - 1), e.g. 46.7 for +46.7 %."""
        return 100.0 * (self.increase_ratio - 1.0)

    @property
    def decrease_percent(self) -> float | None:
        """The detectable fall in percent, negative: 100 * (decrease_ratio - 1), e.g. -33.1."""
        if self.decrease_ratio is None:
            return None
        return 100.0 * (self.decrease_ratio - 1.0)


def _check_design(
    expected_per_year: float,
    baseline_years: float,
    follow_up_years: float,
    dispersion: float,
    alpha: float,
    follow_up_exposure_ratio: float,
) -> None:
    if not (expected_per_year > 0 and math.isfinite(expected_per_year)):
        raise ValueError(f"expected_per_year must be positive, got {expected_per_year!r}")
    if not (baseline_years > 0 and follow_up_years > 0):
        raise ValueError("baseline_years and follow_up_years must be positive")
    if not (dispersion >= 1 and math.isfinite(dispersion)):
        raise ValueError(f"dispersion must be at least 1, got {dispersion!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, got {alpha!r}")
    if not (follow_up_exposure_ratio > 0 and math.isfinite(follow_up_exposure_ratio)):
        raise ValueError("follow_up_exposure_ratio must be positive")


def _variance_terms(
    expected_per_year: float,
    baseline_years: float,
    follow_up_years: float,
    dispersion: float,
    follow_up_exposure_ratio: float,
) -> tuple[float, float]:
    """(a, b) with Var(log RR_hat) = a + b / RR: a = phi / (B lam), b = phi / (n lam k)."""
    a = dispersion / (baseline_years * expected_per_year)
    b = dispersion / (follow_up_years * expected_per_year * follow_up_exposure_ratio)
    return a, b


def _power_at(x: float, a: float, b: float, z: float) -> float:
    """Two-sided power at log RR = x with Var = a + b * exp(-x)."""
    signal = abs(x) / math.sqrt(a + b * math.exp(-x))
    return float(ndtr(signal - z) + ndtr(-signal - z))


def power_of_change(
    rate_ratio: float,
    expected_per_year: float,
    baseline_years: float,
    follow_up_years: float,
    dispersion: float = 1.0,
    alpha: float = DEFAULT_ALPHA,
    *,
    follow_up_exposure_ratio: float = 1.0,
) -> float:
    """The probability that the two-sided test at `alpha` detects a change of the rate by rate_ratio.

        se = sqrt(phi * (1 / (B lam) + 1 / (n lam k RR)))
        power = Phi(|log RR| / se - z_{1-alpha/2}) + Phi(-|log RR| / se - z_{1-alpha/2})

    lam = expected_per_year (reports a year at baseline), B = baseline_years, n =
    follow_up_years, phi = dispersion, k = follow_up_exposure_ratio (follow-up fte per year over
    baseline fte per year). At RR = 1 the power is alpha.
    """
    _check_design(
        expected_per_year,
        baseline_years,
        follow_up_years,
        dispersion,
        alpha,
        follow_up_exposure_ratio,
    )
    if not (rate_ratio > 0 and math.isfinite(rate_ratio)):
        raise ValueError(f"rate_ratio must be positive, got {rate_ratio!r}")
    a, b = _variance_terms(
        expected_per_year, baseline_years, follow_up_years, dispersion, follow_up_exposure_ratio
    )
    return _power_at(math.log(rate_ratio), a, b, float(ndtri(1 - alpha / 2)))


def _brentq(function: Callable[[float], float], low: float, high: float) -> float:
    """scipy's brentq, the root of function on [low, high] to _XTOL."""
    # Imported here: scipy.optimize costs 0.15-0.35 s of import, and the dashboard imports this
    # module for its dataclasses; only the solver needs it.
    from scipy.optimize import brentq

    return float(brentq(function, low, high, xtol=_XTOL))


def _increase(a: float, b: float, z: float, power: float) -> float:
    """log RR > 0 with power(log RR) = power; the power rises monotonically for increases."""
    high = 1.0
    while _power_at(high, a, b, z) < power:
        high *= 2.0
    return _brentq(lambda x: _power_at(x, a, b, z) - power, 0.0, high)


def _decrease(a: float, b: float, z: float, power: float) -> float | None:
    """log RR < 0 nearest 0 with power(log RR) = power, None when no decrease reaches it.

    With u = -log RR > 0 the signal u / sqrt(a + b e^u) has its maximum where its derivative
    vanishes: 2 (a + b e^u) = u b e^u, i.e. b e^u (u - 2) = 2a, which has one root u* > 2 (the
    left side rises from 0 at u = 2). The signal rises on (0, u*) and falls after it.
    """

    def stationary(u: float) -> float:
        return b * math.exp(u) * (u - 2.0) - 2.0 * a

    high = 3.0
    while stationary(high) < 0:
        high += 1.0
    peak = -_brentq(stationary, 2.0, high)
    if _power_at(peak, a, b, z) < power:
        return None
    return _brentq(lambda x: _power_at(x, a, b, z) - power, peak, 0.0)


def minimum_detectable_change(
    expected_per_year: float,
    baseline_years: float,
    follow_up_years: float,
    dispersion: float = 1.0,
    alpha: float = DEFAULT_ALPHA,
    power: float = DEFAULT_POWER,
    *,
    follow_up_exposure_ratio: float = 1.0,
) -> DetectableChange:
    """The rate ratios above and below 1 that power_of_change detects with probability `power`.

    Solves power(RR) = power (see power_of_change) for log RR with brentq. When the follow-up
    variance is taken at RR = 1 the answer has the closed form log RR = (z_{1-alpha/2} + z_power)
    * sqrt(phi (1/(B lam) + 1/(n lam k))); the exact solution is smaller for an increase (more
    reports, less variance) and further from 1 for a decrease.
    """
    _check_design(
        expected_per_year,
        baseline_years,
        follow_up_years,
        dispersion,
        alpha,
        follow_up_exposure_ratio,
    )
    if not alpha < power < 1:
        raise ValueError(f"power must lie between alpha and 1, got {power!r}")
    a, b = _variance_terms(
        expected_per_year, baseline_years, follow_up_years, dispersion, follow_up_exposure_ratio
    )
    z = float(ndtri(1 - alpha / 2))
    decrease = _decrease(a, b, z, power)
    return DetectableChange(
        expected_per_year=float(expected_per_year),
        baseline_years=baseline_years,
        follow_up_years=follow_up_years,
        dispersion=float(dispersion),
        alpha=alpha,
        power=power,
        increase_ratio=math.exp(_increase(a, b, z, power)),
        decrease_ratio=None if decrease is None else math.exp(decrease),
        follow_up_exposure_ratio=float(follow_up_exposure_ratio),
    )


def dispersion_from_counts(
    counts: Sequence[float],
    exposures: Sequence[float] | None = None,
    *,
    years: Sequence[int] | None = None,
) -> Dispersion:
    """phi = max(1, X^2 / (years - 2)) around the Poisson trend log mu = a + b t + log(exposure).

    t = years (default: consecutive years 0, 1, 2, ...); exposures (fte per year) optional.
    Fewer than 3 years, or no trend fit: phi = 1, estimated = False.
    """
    y = np.asarray(counts, dtype=float)
    if exposures is not None and len(exposures) != len(y):
        raise ValueError("counts and exposures must have the same length")
    if years is not None and (len(years) != len(y) or len(set(years)) != len(y)):
        raise ValueError("years must give each count its own year")
    if np.any(y < 0) or not np.all(np.isfinite(y)):
        raise ValueError("counts must be non-negative numbers")
    exposure = np.ones_like(y) if exposures is None else np.asarray(exposures, dtype=float)
    if np.any(exposure <= 0):
        raise ValueError("exposures must be positive")
    df = len(y) - 2
    if df < 1 or y.sum() == 0:
        return Dispersion(
            phi=1.0, pearson_chi2=None, degrees_of_freedom=max(df, 0), estimated=False
        )
    t = np.arange(len(y), dtype=float) if years is None else np.asarray(years, dtype=float)
    fitted = _fit(t - t.mean(), y, np.log(exposure))
    if fitted is None:
        return Dispersion(phi=1.0, pearson_chi2=None, degrees_of_freedom=df, estimated=False)
    mu = fitted[1]
    pearson = float(((y - mu) ** 2 / mu).sum())
    return Dispersion(
        phi=max(1.0, pearson / df), pearson_chi2=pearson, degrees_of_freedom=df, estimated=True
    )


def detectable_changes(
    counts_by_year: Mapping[int, float],
    exposures_by_year: Mapping[int, float] | None = None,
    horizons: Sequence[int] = DEFAULT_HORIZONS,
    baseline_years: int = DEFAULT_BASELINE_YEARS,
    alpha: float = DEFAULT_ALPHA,
    power: float = DEFAULT_POWER,
    *,
    follow_up_exposure: float | None = None,
) -> list[DetectableChange]:
    """The minimum detectable change for each follow-up horizon, at today's counts.

    counts_by_year: complete years only (a running year would lower lam). lam = the mean count
    of the last `baseline_years` years (all years when there are fewer; B is then that number);
    phi from dispersion_from_counts over all years given (with exposures_by_year as offset).
    With exposures, the rate is per fte and k = follow_up_exposure / mean baseline exposure
    (follow_up_exposure defaults to that mean, k = 1). Empty when there is no report in the
    baseline (nothing to detect a change of).
    """
    if not counts_by_year:
        return []
    years = sorted(counts_by_year)
    if baseline_years < 1:
        raise ValueError("baseline_years must be at least 1")
    if exposures_by_year is not None and set(exposures_by_year) != set(years):
        raise ValueError("exposures_by_year must cover the same years as counts_by_year")
    if follow_up_exposure is not None and exposures_by_year is None:
        raise ValueError("follow_up_exposure needs exposures_by_year")
    counts = [float(counts_by_year[year]) for year in years]
    exposures = None if exposures_by_year is None else [float(exposures_by_year[y]) for y in years]
    dispersion = dispersion_from_counts(counts, exposures, years=years)
    baseline = years[-baseline_years:]
    lam = sum(counts_by_year[year] for year in baseline) / len(baseline)
    if lam <= 0:
        return []
    ratio = 1.0
    mean_exposure: float | None = None
    if exposures_by_year is not None:
        mean_exposure = sum(exposures_by_year[year] for year in baseline) / len(baseline)
        if follow_up_exposure is not None:
            ratio = follow_up_exposure / mean_exposure
    results = []
    for horizon in horizons:
        change = minimum_detectable_change(
            lam,
            len(baseline),
            horizon,
            dispersion.phi,
            alpha,
            power,
            follow_up_exposure_ratio=ratio,
        )
        results.append(
            replace(
                change,
                baseline_period=tuple(baseline),
                dispersion_estimated=dispersion.estimated,
                baseline_exposure_per_year=mean_exposure,
            )
        )
    return results
