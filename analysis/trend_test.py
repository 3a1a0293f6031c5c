"""Trend test over several years: Poisson (or quasi-Poisson) regression of yearly counts on year.

Statistics layer (analysis), used by publication.trends on protected counts only. Beside the
year-on-year tests (analysis.intervals.compare_counts), which compare two neighbouring years and
with counts of 25-75 a year rarely see a change of 10-15 % a year, this asks whether the counts
of the years shown rise or fall on average:

    log E[count_t] = a + b * (t - t0) + log(exposure_t),

fitted by maximum likelihood (iteratively reweighted least squares), exposure the fte for a rate
(per 1,000 fte: an offset) or 1 for counts. The yearly change is exp(b) - 1.

Overdispersion is allowed (quasi-Poisson): a case can be registered in two channels, and the
counts of a year are then more variable than Poisson. The dispersion is estimated as Pearson's
X^2 / (n - 2) and used only when it exceeds 1 (phi = max(1, X^2 / (n - 2))), so the test is
never more confident than the Poisson one; with phi > 1 the interval and p-value use Student's t
with n - 2 degrees of freedom (as R's glm(family = quasipoisson) does), otherwise the normal
distribution (Wald). With two years there is no residual degree of freedom: the test is the
Poisson Wald test, b = log(y2 / y1) - log(e2 / e1) with variance 1 / y1 + 1 / y2.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# scipy.special, not scipy.stats: the distribution functions without scipy.stats' import time
# on the dashboard (analysis.intervals does the same).
from scipy.special import ndtr, ndtri, stdtr, stdtrit

DEFAULT_LEVEL = 0.95
MAX_ITERATIONS = 100
TOLERANCE = 1e-10
# |b| above this (a factor e^20 a year) means the fit diverges: every report in the first or the
# last year, and the maximum likelihood estimate does not exist.
MAX_SLOPE = 20.0


@dataclass(frozen=True)
class TrendTest:
    """The average yearly change over `years`, with its interval and the test of 'no trend'.

    change: exp(b) - 1, a proportion (0.136 = +13.6 % a year); lower, upper: its interval at
    `level`; p_value: two-sided, of b = 0; dispersion: the phi used (1 = Poisson);
    degrees_of_freedom: n - 2, the residual degrees of freedom (0 for two years).
    """

    years: tuple[int, ...]
    change: float
    lower: float
    upper: float
    p_value: float
    dispersion: float
    degrees_of_freedom: int
    level: float = DEFAULT_LEVEL

    @property
    def quasi(self) -> bool:
        """True when overdispersion widened the interval (quasi-Poisson, t distribution)."""
        return self.dispersion > 1.0


def _fit(x: np.ndarray, y: np.ndarray, offset: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """IRLS for the log-linear Poisson model with an intercept and a slope: (beta, fitted mu)."""
    start = np.log((y.sum() + 0.5) / np.exp(offset).sum())
    beta = np.array([start, 0.0])
    design = np.column_stack([np.ones_like(x), x])
    for _ in range(MAX_ITERATIONS):
        eta = design @ beta + offset
        mu = np.exp(eta)
        # working response and weights of the canonical log link
        z = eta - offset + (y - mu) / mu
        weighted = design * mu[:, None]
        information = design.T @ weighted
        new = np.linalg.solve(information, weighted.T @ z)
        if not np.all(np.isfinite(new)) or abs(new[1]) > MAX_SLOPE:
            return None
        converged = np.max(np.abs(new - beta)) < TOLERANCE
        beta = new
        if converged:
            return beta, np.exp(design @ beta + offset)
    return None


def poisson_trend(
    years: Sequence[int],
    counts: Sequence[int],
    exposures: Sequence[float] | None = None,
    level: float = DEFAULT_LEVEL,
) -> TrendTest | None:
    """The trend of `counts` over `years` (exposures: fte per year for a rate, else None).

    None when there is no trend to estimate: fewer than two years, no report at all, or every
    report in the first or in the last year (the estimate is then infinite).
    """
    if len(years) != len(counts) or (exposures is not None and len(exposures) != len(years)):
        raise ValueError("years, counts and exposures must have the same length")
    if not 0 < level < 1:
        raise ValueError("level must lie between 0 and 1")
    if len(set(years)) != len(years):
        raise ValueError("each year once")
    y = np.asarray(counts, dtype=float)
    if len(y) < 2 or np.any(y < 0) or y.sum() == 0:
        return None
    exposure = np.ones_like(y) if exposures is None else np.asarray(exposures, dtype=float)
    if np.any(exposure <= 0):
        raise ValueError("exposures must be positive")
    x = np.asarray(years, dtype=float)
    x = x - x.mean()  # centred: intercept and slope nearly independent, IRLS stable
    fitted = _fit(x, y, np.log(exposure))
    if fitted is None:
        return None
    beta, mu = fitted
    information = np.array(
        [[mu.sum(), (mu * x).sum()], [(mu * x).sum(), (mu * x * x).sum()]], dtype=float
    )
    variance = float(np.linalg.inv(information)[1, 1])
    df = len(y) - 2
    pearson = float(((y - mu) ** 2 / mu).sum())
    dispersion = max(1.0, pearson / df) if df > 0 else 1.0
    se = math.sqrt(variance * dispersion)
    slope = float(beta[1])
    statistic = slope / se
    if dispersion > 1.0:
        quantile = float(stdtrit(df, 1 - (1 - level) / 2))
        p_value = float(2 * stdtr(df, -abs(statistic)))
    else:
        quantile = float(ndtri(1 - (1 - level) / 2))
        p_value = float(2 * ndtr(-abs(statistic)))
    return TrendTest(
        years=tuple(int(year) for year in years),
        change=math.expm1(slope),
        lower=math.expm1(slope - quantile * se),
        upper=math.expm1(slope + quantile * se),
        p_value=min(1.0, p_value),
        dispersion=dispersion,
        degrees_of_freedom=df,
        level=level,
    )
