"""Exact Poisson intervals, rates and the change test against tables and hand-computed tail sums."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.intervals import compare_counts, garwood_interval, garwood_intervals, rate_per_1000

# 95% limits for a Poisson mean, as tabulated since Garwood (1936, Biometrika 28:437-442); the
# k = 0 upper limit 3.689 is also the documented value of R epitools::pois.exact. Each limit was
# checked below against the Poisson tails themselves, summed in plain Python (no scipy). For
# k = 25 that check gives 16.1787 and 36.9049; the values 16.1786 / 36.9055 quoted in the issue
# are off in the fourth decimal (P(X <= 25 | 36.9055) = 0.024995, not 0.025).
GARWOOD_95 = {
    0: (0.0, 3.6889),
    1: (0.0253, 5.5716),
    5: (1.6235, 11.6683),
    25: (16.1787, 36.9049),
}


def poisson_cdf(k: int, mean: float) -> float:
    """P(X <= k) by summing the series, independent of scipy's chi-square route."""
    return math.fsum(
        math.exp(-mean + j * math.log(mean) - math.lgamma(j + 1)) for j in range(k + 1)
    )


def binomial_pmf(x: int, n: int, p: Fraction) -> Fraction:
    return math.comb(n, x) * p**x * (1 - p) ** (n - x)


@pytest.mark.parametrize("k", sorted(GARWOOD_95))
def test_garwood_matches_the_table(k):
    lower, upper = garwood_interval(k)
    expected_lower, expected_upper = GARWOOD_95[k]
    assert lower == pytest.approx(expected_lower, abs=5e-5)
    assert upper == pytest.approx(expected_upper, abs=5e-5)


@pytest.mark.parametrize("k", [1, 2, 5, 25, 60])
def test_garwood_limits_cut_off_two_and_a_half_percent_tails(k):
    lower, upper = garwood_interval(k)
    assert poisson_cdf(k, upper) == pytest.approx(0.025, abs=1e-9)
    assert 1 - poisson_cdf(k - 1, lower) == pytest.approx(0.025, abs=1e-9)


def test_garwood_zero_count_upper_limit_is_minus_log_of_the_tail():
    # P(X <= 0 | u) = exp(-u) = 0.025 gives u = ln 40 = 3.68888; a 90% interval: ln 20.
    assert garwood_interval(0) == (0.0, pytest.approx(math.log(40)))
    assert garwood_interval(0, confidence=0.90)[1] == pytest.approx(math.log(20))


def test_vectorised_garwood_equals_the_scalar_one():
    counts = np.array([0, 1, 5, 25, 3])
    lower, upper = garwood_intervals(counts)
    for k, low, high in zip(counts, lower, upper, strict=True):
        assert (low, high) == pytest.approx(garwood_interval(int(k)))
    assert garwood_intervals(np.array([[0, 1], [5, 25]]))[1].shape == (2, 2)


def test_garwood_refuses_impossible_input():
    with pytest.raises(ValueError):
        garwood_interval(-1)
    with pytest.raises(ValueError):
        garwood_interval(2.5)
    with pytest.raises(ValueError):
        garwood_interval(3, confidence=1.0)
    with pytest.raises(ValueError):
        garwood_intervals([1, -2])


def test_rate_per_1000_scales_the_count_and_its_limits():
    # 5 reports over 2000 fte: 2.5 per 1000; limits (1.6235, 11.6683) x 1000 / 2000.
    rate = rate_per_1000(5, 2000)
    assert rate.rate == pytest.approx(2.5)
    assert rate.lower == pytest.approx(0.81175, abs=5e-5)
    assert rate.upper == pytest.approx(5.83415, abs=5e-5)
    with pytest.raises(ValueError):
        rate_per_1000(5, 0)


def test_ten_then_two_with_equal_exposure_is_a_significant_decrease():
    # n = 12, p0 = 1/2: P(X <= 2) = (C(12,0) + C(12,1) + C(12,2)) / 2^12 = (1 + 12 + 66) / 4096,
    # doubled: 158 / 4096 = 0.0385742.
    result = compare_counts(10, 2)
    assert result.p_value == pytest.approx(158 / 4096, rel=1e-12)
    assert result.verdict == "significant_decrease"
    assert result.rate_ratio == pytest.approx(0.2)
    assert result.ratio_upper < 1


def test_ten_then_four_is_no_significant_change():
    # n = 14: P(X <= 4) = (1 + 14 + 91 + 364 + 1001) / 16384 = 1471 / 16384; doubled 0.179565.
    result = compare_counts(10, 4)
    assert result.p_value == pytest.approx(2 * 1471 / 16384, rel=1e-12)
    assert result.verdict == "no_significant_change"
    assert result.ratio_lower < 1 < result.ratio_upper


def test_ratio_interval_comes_from_the_clopper_pearson_limits():
    # For 2 of 12 the exact limits pL, pU satisfy P(X >= 2 | pL) = P(X <= 2 | pU) = 0.025;
    # the ratio limits are pL / (1 - pL) and pU / (1 - pU) with equal exposures.
    result = compare_counts(10, 2)
    low_share = result.ratio_lower / (1 + result.ratio_lower)
    high_share = result.ratio_upper / (1 + result.ratio_upper)
    at_least_two = 1 - (1 - low_share) ** 12 - 12 * low_share * (1 - low_share) ** 11
    at_most_two = sum(
        math.comb(12, x) * high_share**x * (1 - high_share) ** (12 - x) for x in range(3)
    )
    assert at_least_two == pytest.approx(0.025, abs=1e-9)
    assert at_most_two == pytest.approx(0.025, abs=1e-9)


def test_unequal_exposures_shift_the_null_share():
    # 2 reports on exposure 1, then 9 on exposure 2: p0 = 2/3, n = 11.
    # P(X >= 9) = (C(11,9) 2^9 + C(11,10) 2^10 + 2^11) / 3^11 = (28160 + 11264 + 2048) / 177147,
    # which is the smaller tail; doubled 82944 / 177147 = 0.46822. Rate ratio (9/2) / 2 = 2.25.
    result = compare_counts(2, 9, exposure1=1.0, exposure2=2.0)
    p0 = Fraction(2, 3)
    upper_tail = sum(binomial_pmf(x, 11, p0) for x in range(9, 12))
    assert upper_tail == Fraction(41472, 177147)
    assert result.p_value == pytest.approx(float(2 * upper_tail), rel=1e-12)
    assert result.rate_ratio == pytest.approx(2.25)
    assert result.verdict == "no_significant_change"


def test_from_zero_to_ten_on_double_exposure_is_a_significant_increase():
    # n = 10, p0 = 2/3: P(X >= 10) = (2/3)^10 = 1024 / 59049; doubled 0.034684 < 0.05.
    # Ratio lower limit: pL^10 = 0.025, pL = 0.025^(1/10) = 0.6915029, odds pL / (1 - pL) =
    # 2.2415215, times e1 / e2 = 1/2: 1.1207607.
    result = compare_counts(0, 10, exposure1=1.0, exposure2=2.0)
    assert result.p_value == pytest.approx(2 * 1024 / 59049, rel=1e-12)
    assert result.verdict == "significant_increase"
    assert result.rate_ratio == math.inf
    assert result.ratio_lower == pytest.approx(1.1207607, abs=1e-6)
    assert result.ratio_upper == math.inf


def test_no_reports_in_either_period():
    result = compare_counts(0, 0)
    assert result.p_value == 1.0
    assert result.verdict == "no_significant_change"
    assert math.isnan(result.rate_ratio)


def test_result_is_frozen():
    result = compare_counts(3, 4)
    with pytest.raises(AttributeError):
        result.p_value = 0.0


@settings(max_examples=150, deadline=None)
@given(
    k1=st.integers(0, 60),
    k2=st.integers(0, 60),
    exposure1=st.floats(0.2, 5),
    exposure2=st.floats(0.2, 5),
)
def test_verdict_agrees_with_the_ratio_interval(k1, k2, exposure1, exposure2):
    result = compare_counts(k1, k2, exposure1, exposure2)
    excludes_one = result.ratio_upper < 1 or result.ratio_lower > 1
    assert (result.verdict != "no_significant_change") == excludes_one
    assert 0 <= result.p_value <= 1
    if result.verdict == "significant_increase":
        assert result.ratio_lower > 1
