"""Small-count statistics for the trends page: exact Poisson intervals, rates per 1000 fte, change tests.

Counts here are the true yearly totals (25-35 a year), used before protection decides what may
be shown; the page shows intervals only for numbers that protection publishes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

# scipy.special, not scipy.stats: the same functions without 0.4 s of import on the dashboard's
# first page (bench/README.md, start-up).
from scipy.special import bdtr, bdtrc, betaincinv, gammaincinv

Verdict = Literal["significant_increase", "significant_decrease", "no_significant_change"]
SIGNIFICANCE_LEVEL = 0.05


def _check_confidence(confidence: float) -> float:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    return 1 - confidence


def _check_count(k: object) -> int:
    if isinstance(k, bool) or int(k) != k or k < 0:
        raise ValueError(f"a count must be a non-negative whole number, got {k!r}")
    return int(k)


def garwood_interval(k: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Garwood 1936) confidence interval for the mean of a Poisson count k.

        lower = chi2.ppf(alpha/2, 2k) / 2        (0 when k = 0)
        upper = chi2.ppf(1 - alpha/2, 2k + 2) / 2

    with alpha = 1 - confidence; equivalently P(X >= k | lower) = P(X <= k | upper) = alpha/2.
    """
    alpha = _check_confidence(confidence)
    k = _check_count(k)
    # chi2.ppf(q, 2k) / 2 is the q-quantile of Gamma(k, 1): gammaincinv(k, q).
    lower = 0.0 if k == 0 else float(gammaincinv(k, alpha / 2))
    upper = float(gammaincinv(k + 1, 1 - alpha / 2))
    return lower, upper


def garwood_intervals(counts, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """garwood_interval for an array of counts: (lower array, upper array), same shape."""
    alpha = _check_confidence(confidence)
    k = np.asarray(counts)
    if k.size and (np.any(k < 0) or np.any(k != np.floor(k))):
        raise ValueError("counts must be non-negative whole numbers")
    k = k.astype(np.float64)
    # Gamma(0) is undefined; the lower limit for k = 0 is 0 by definition.
    lower = np.where(k > 0, gammaincinv(np.maximum(k, 1.0), alpha / 2), 0.0)
    upper = gammaincinv(k + 1, 1 - alpha / 2)
    return lower, upper


@dataclass(frozen=True)
class Rate:
    """A count per 1000 fte with its exact interval: rate = 1000 k / fte, limits likewise."""

    count: int
    fte: float
    rate: float
    lower: float
    upper: float
    confidence: float


def rate_per_1000(count: int, fte: float, confidence: float = 0.95) -> Rate:
    """Reports per 1000 fte; the Garwood limits of the count scaled by 1000 / fte.

    fte is treated as known exactly (it is a staffing figure, not a sample).
    """
    if not (fte > 0 and math.isfinite(fte)):
        raise ValueError(f"fte must be a positive number, got {fte!r}")
    lower, upper = garwood_interval(count, confidence)
    scale = 1000.0 / fte
    return Rate(int(count), float(fte), count * scale, lower * scale, upper * scale, confidence)


@dataclass(frozen=True)
class CountComparison:
    """Change from count1 (exposure1) to count2 (exposure2), tested exactly.

    rate_ratio = (count2 / exposure2) / (count1 / exposure1); inf when count1 = 0 < count2,
    nan when both are 0. ratio_lower and ratio_upper: its exact interval at `confidence`.
    p_value: two-sided, exact conditional test. verdict at significance_level.
    """

    count1: int
    count2: int
    exposure1: float
    exposure2: float
    rate_ratio: float
    ratio_lower: float
    ratio_upper: float
    p_value: float
    confidence: float
    significance_level: float
    verdict: Verdict


def _odds_to_ratio(p: float, exposure1: float, exposure2: float) -> float:
    """Rate ratio belonging to share p of the second period: (p / (1 - p)) * (e1 / e2)."""
    if p >= 1:
        return math.inf
    return p / (1 - p) * exposure1 / exposure2


def compare_counts(
    k1: int,
    k2: int,
    exposure1: float = 1.0,
    exposure2: float = 1.0,
    *,
    confidence: float = 0.95,
    significance_level: float = SIGNIFICANCE_LEVEL,
) -> CountComparison:
    """Exact test of the change between two Poisson counts (for example two years).

    Given n = k1 + k2, under H0 (equal rates) k2 ~ Binomial(n, p0), p0 = e2 / (e1 + e2).

    p-value: two-sided by doubling the smaller exact tail (binomial distribution functions),

        p = min(1, 2 * min(P(X <= k2), P(X >= k2))),

    the test that matches the central Clopper-Pearson interval: p < alpha exactly when the
    ratio interval at confidence 1 - alpha excludes 1, so the verdict and the interval never
    disagree. With equal exposures (p0 = 1/2) it equals binomtest's default two-sided p-value.

    Rate ratio interval: the Clopper-Pearson interval [pL, pU] of p = k2 / n mapped through
    ratio = (p / (1 - p)) * (e1 / e2).
    """
    k1, k2 = _check_count(k1), _check_count(k2)
    alpha = _check_confidence(confidence)
    if not (exposure1 > 0 and exposure2 > 0):
        raise ValueError("exposures must be positive")
    n = k1 + k2
    if n == 0:
        return CountComparison(
            k1, k2, exposure1, exposure2, math.nan, 0.0, math.inf, 1.0, confidence,
            significance_level, "no_significant_change",
        )  # fmt: skip
    p0 = exposure2 / (exposure1 + exposure2)
    at_most = float(bdtr(k2, n, p0))  # P(X <= k2)
    at_least = 1.0 if k2 == 0 else float(bdtrc(k2 - 1, n, p0))  # P(X >= k2)
    p_value = min(1.0, 2 * min(at_most, at_least))
    # Clopper-Pearson: the alpha/2 and 1 - alpha/2 quantiles of Beta(k2, n - k2 + 1) and
    # Beta(k2 + 1, n - k2), with the limits 0 and 1 at the edges.
    share_low = 0.0 if k2 == 0 else float(betaincinv(k2, n - k2 + 1, alpha / 2))
    share_high = 1.0 if k2 == n else float(betaincinv(k2 + 1, n - k2, 1 - alpha / 2))
    rate1, rate2 = k1 / exposure1, k2 / exposure2
    ratio = math.inf if k1 == 0 else rate2 / rate1
    if p_value < significance_level:
        verdict: Verdict = "significant_increase" if rate2 > rate1 else "significant_decrease"
    else:
        verdict = "no_significant_change"
    return CountComparison(
        count1=k1,
        count2=k2,
        exposure1=float(exposure1),
        exposure2=float(exposure2),
        rate_ratio=ratio,
        ratio_lower=_odds_to_ratio(share_low, exposure1, exposure2),
        ratio_upper=_odds_to_ratio(share_high, exposure1, exposure2),
        p_value=float(p_value),
        confidence=confidence,
        significance_level=significance_level,
        verdict=verdict,
    )
