"""The minimum detectable change against hand computations, statsmodels' power formula (Zhu and
Lakkis, as a cross-check), a Monte-Carlo simulation of the Wald test, and monotonicity."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.detectable_change import (
    detectable_changes,
    dispersion_from_counts,
    minimum_detectable_change,
    power_of_change,
)

Z975 = 1.959963984540054  # the 97.5 % quantile of the standard normal distribution
Z80 = 0.8416212335729143  # the 80 % quantile


def normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2))


def test_closed_form_with_follow_up_variance_at_no_change():
    # lam = 30 reports a year, B = 3 baseline years, n = 3 follow-up years, phi = 1.
    # Taking the follow-up variance at RR = 1: Var = 1/(3*30) + 1/(3*30) = 2/90,
    # se = sqrt(0.0222222) = 0.149071; log RR = (1.959964 + 0.841621) * 0.149071
    # = 2.801585 * 0.149071 = 0.417636, RR = exp(0.417636) = 1.518367 (+51.8 %), and for a
    # decrease RR = exp(-0.417636) = 0.658602.
    se = math.sqrt(2 / 90)
    closed = (Z975 + Z80) * se
    assert se == pytest.approx(0.149071, abs=1e-6)
    assert closed == pytest.approx(0.417636, abs=1e-6)
    assert math.exp(closed) == pytest.approx(1.518367, abs=1e-6)
    result = minimum_detectable_change(30, 3, 3)
    # The exact solver puts the follow-up variance at the alternative: 90 * RR reports expected
    # instead of 90, so se is smaller for a rise and the MDE lies below the closed form. Bound:
    # with K = 2.801585 and se(x) = sqrt((1 + e^-x) / 90) falling in x, the root x* = K se(x*)
    # lies between x1 = K se(x0) and x0 = K se(0) (x0 = 0.417636 above):
    # se(x0) = sqrt((1 + 0.658602) / 90) = sqrt(0.0184289) = 0.135753, x1 = 0.380324,
    # exp(x1) = 1.462758.
    assert 1.462758 < result.increase_ratio < 1.518367
    assert math.exp(closed) - result.increase_ratio == pytest.approx(0.0517, abs=1e-3)
    # For a fall the follow-up count shrinks, so the exact MDE lies further from 1.
    assert result.decrease_ratio < math.exp(-closed)


def test_exact_solution_by_hand_iteration():
    # The same design solved step by step. Ignoring the far tail Phi(-signal - z) (below 1e-6
    # here), power 0.80 means |x| / se(x) = z_.975 + z_.80 = K = 2.801585 with
    # se(x) = sqrt(1/90 + 1/(90 e^x)); iterate x <- K se(x) from the closed form x0 = 0.417636:
    #   x1 = 2.801585 * sqrt((1 + e^-0.417636) / 90) = 2.801585 * 0.135753 = 0.380324
    #   x2 = 2.801585 * sqrt((1 + e^-0.380324) / 90) = 2.801585 * 0.136774 = 0.383184
    #   x3 = 2.801585 * 0.136695 = 0.382962
    #   x4 = 2.801585 * 0.136701 = 0.382979
    #   ... converging to x = 0.382978, RR = exp(0.382978) = 1.466645 (+46.7 %).
    # For a fall the same iteration from -0.417636 converges to x = -0.477241, RR = 0.620493
    # (-38.0 %). The far tail adds about 1e-6 to the power, moving RR by under 1e-6.
    x = 0.417636
    for _ in range(40):
        x = (Z975 + Z80) * math.sqrt((1 + math.exp(-x)) / 90)
    assert x == pytest.approx(0.382978, abs=1e-6)
    result = minimum_detectable_change(30, 3, 3)
    assert result.increase_ratio == pytest.approx(1.466645, abs=2e-6)
    assert result.decrease_ratio == pytest.approx(0.620493, abs=2e-6)
    assert result.increase_percent == pytest.approx(46.6645, abs=1e-3)
    assert result.decrease_percent == pytest.approx(-37.9507, abs=1e-3)
    assert (result.expected_per_year, result.baseline_years, result.follow_up_years) == (30, 3, 3)
    assert result.dispersion == 1.0 and result.alpha == 0.05 and result.power == 0.80


def test_power_at_the_returned_change_is_the_target():
    for lam, baseline, follow_up, phi in [(30, 3, 3, 1.0), (30, 3, 1, 1.0), (55, 3, 5, 2.3)]:
        result = minimum_detectable_change(lam, baseline, follow_up, phi)
        for ratio in (result.increase_ratio, result.decrease_ratio):
            assert power_of_change(ratio, lam, baseline, follow_up, phi) == pytest.approx(
                0.80, abs=1e-6
            )


def test_power_formula_by_hand():
    # RR = 1.5, lam = 30, B = 3, n = 3: se = sqrt(1/90 + 1/135) = sqrt(0.0185185) = 0.136083,
    # log 1.5 = 0.405465, signal = 0.405465 / 0.136083 = 2.979548;
    # power = Phi(2.979548 - 1.959964) + Phi(-2.979548 - 1.959964) = Phi(1.019584) + Phi(-4.939512)
    # = 0.846037 + 4e-7 = 0.846037.
    se = math.sqrt(1 / 90 + 1 / 135)
    signal = math.log(1.5) / se
    assert signal == pytest.approx(2.979548, abs=1e-6)
    expected = normal_cdf(signal - Z975) + normal_cdf(-signal - Z975)
    assert expected == pytest.approx(0.846037, abs=1e-6)
    assert power_of_change(1.5, 30, 3, 3) == pytest.approx(expected, abs=1e-12)
    # no change: the power is the level of the test
    assert power_of_change(1.0, 30, 3, 3) == pytest.approx(0.05, abs=1e-12)
    # overdispersion phi = 2 doubles the variance: signal / sqrt(2)
    s2 = signal / math.sqrt(2)
    assert power_of_change(1.5, 30, 3, 3, dispersion=2.0) == pytest.approx(
        normal_cdf(s2 - Z975) + normal_cdf(-s2 - Z975), abs=1e-12
    )


def test_follow_up_exposure_scales_the_follow_up_count():
    # Half the fte in follow-up is half the expected follow-up count: the same as lam * 0.5 in
    # the follow-up term only. RR = 1.5: se = sqrt(1/90 + 1/(90 * 0.5 * 1.5)) = sqrt(1/90 + 1/67.5)
    se = math.sqrt(1 / 90 + 1 / 67.5)
    signal = math.log(1.5) / se
    expected = normal_cdf(signal - Z975) + normal_cdf(-signal - Z975)
    assert power_of_change(1.5, 30, 3, 3, follow_up_exposure_ratio=0.5) == pytest.approx(
        expected, abs=1e-12
    )
    smaller = minimum_detectable_change(30, 3, 3, follow_up_exposure_ratio=0.5)
    assert smaller.increase_ratio > minimum_detectable_change(30, 3, 3).increase_ratio


def test_against_statsmodels_power_of_two_poisson_rates():
    # Cross-check with statsmodels.stats.rates.power_poisson_ratio_2indep (Zhu and Lakkis 2014):
    # sample 1 = follow-up (n years at rate lam * RR), sample 2 = baseline (B = nobs_ratio * n
    # years at rate lam); method_var='alt' takes both variances at the alternative, as here;
    # dispersion multiplies the variance.
    from statsmodels.stats.rates import power_poisson_ratio_2indep

    for lam, baseline, follow_up, phi, ratio in [
        (30, 3, 3, 1.0, 1.4),
        (30, 3, 5, 1.0, 0.7),
        (12, 3, 1, 2.5, 2.2),
        (60, 4, 3, 1.7, 0.8),
    ]:
        reference = power_poisson_ratio_2indep(
            lam * ratio,
            lam,
            follow_up,
            nobs_ratio=baseline / follow_up,
            value=1,
            alpha=0.05,
            dispersion=phi,
            alternative="two-sided",
            method_var="alt",
            return_results=False,
        )
        assert power_of_change(ratio, lam, baseline, follow_up, phi) == pytest.approx(
            float(reference), abs=1e-9
        )


def test_monte_carlo_power_at_the_detectable_change():
    # 20,000 simulated baseline and follow-up totals at the MDE; the Wald test of the log rate
    # ratio with its variance from the observed counts rejects in about 80 % of them.
    rng = np.random.default_rng(20261206)
    lam, baseline, follow_up = 30, 3, 3
    result = minimum_detectable_change(lam, baseline, follow_up)
    for ratio in (result.increase_ratio, result.decrease_ratio):
        before = rng.poisson(lam * baseline, 20_000).astype(float)
        after = rng.poisson(lam * ratio * follow_up, 20_000).astype(float)
        statistic = np.log((after / follow_up) / (before / baseline)) / np.sqrt(
            1 / before + 1 / after
        )
        assert abs(np.mean(np.abs(statistic) > Z975) - 0.80) < 0.02


def test_monte_carlo_with_overdispersion():
    # Yearly counts negative binomial with variance phi * mean (phi = 2, size = mean / (phi-1)),
    # and the Wald test with that known phi: the power is again about 80 %. (The normal
    # approximation is an approximation: with 40 a year and 5 follow-up years against 3 the
    # simulated power of a rise is 0.82, with 10 a year 0.83; docs/policy_statistics.md.)
    rng = np.random.default_rng(7)
    lam, baseline, follow_up, phi = 100, 3, 3, 2.0
    result = minimum_detectable_change(lam, baseline, follow_up, phi)
    ratio = result.increase_ratio

    def totals(mean: float, years: int) -> np.ndarray:
        size = mean / (phi - 1)
        draws = rng.negative_binomial(size, size / (size + mean), (20_000, years))
        return draws.sum(axis=1).astype(float)

    before, after = totals(lam, baseline), totals(lam * ratio, follow_up)
    statistic = np.log((after / follow_up) / (before / baseline)) / np.sqrt(
        phi * (1 / before + 1 / after)
    )
    assert abs(np.mean(np.abs(statistic) > Z975) - 0.80) < 0.02


def test_a_fall_can_be_undetectable_at_small_counts():
    # lam = 2, B = 3, n = 1: a = 1/6, b = 1/2. The signal u / sqrt(a + b e^u) (u = -log RR)
    # peaks where b e^u (u - 2) = 2a, i.e. e^u (u - 2) = 2/3: u = 2.083034 (e^u = 8.028795,
    # 8.028795 * 0.083034 = 0.666667); signal = 2.083034 / sqrt(0.166667 + 4.014398)
    # = 2.083034 / 2.044765 = 1.018716 < 2.801585 needed. No fall reaches 80 % power.
    u = 2.083034
    assert math.exp(u) * (u - 2) == pytest.approx(2 / 3, abs=1e-5)
    assert u / math.sqrt(1 / 6 + math.exp(u) / 2) < Z975 + Z80
    result = minimum_detectable_change(2, 3, 1)
    assert result.decrease_ratio is None and result.decrease_percent is None
    assert result.increase_ratio > 1
    assert power_of_change(result.increase_ratio, 2, 3, 1) == pytest.approx(0.80, abs=1e-6)
    # and no rate ratio below 1 reaches 80 %
    for ratio in np.geomspace(1e-4, 0.999, 400):
        assert power_of_change(float(ratio), 2, 3, 1) < 0.80


def test_dispersion_of_a_hand_computed_series():
    # Counts 10, 20, 30 at t = -1, 0, 1. The likelihood equations of log mu = a + b t give
    # mu = A r^t with A (1/r + 1 + r) = 60 and A (r - 1/r) = 20, so 40 r^2 - 20 r - 80 = 0,
    # r = (1 + sqrt(33)) / 4 = 1.686141, A = 60 / (0.593070 + 1 + 1.686141) = 18.297084;
    # mu = 10.851458, 18.297084, 30.851458. X^2 = 0.851458^2/10.851458 + 1.702916^2/18.297084
    # + 0.851458^2/30.851458 = 0.066809 + 0.158491 + 0.023499 = 0.248799 on 1 df: phi = 1.
    result = dispersion_from_counts([10, 20, 30])
    assert result.pearson_chi2 == pytest.approx(0.248799, abs=1e-6)
    assert result.degrees_of_freedom == 1 and result.estimated and result.phi == 1.0


def test_dispersion_above_one():
    # 10, 30, 10 has no trend (r = 1 by symmetry): mu = 50/3 each, X^2 = (6.667^2 * 2 +
    # 13.333^2) / 16.667 = (44.444 * 2 + 177.778) / 16.667 = 16.0 on 1 df: phi = 16.
    result = dispersion_from_counts([10, 30, 10])
    assert result.pearson_chi2 == pytest.approx(16.0, abs=1e-9)
    assert result.phi == pytest.approx(16.0, abs=1e-9)
    # with exposures as offset: doubling every exposure changes nothing
    doubled = dispersion_from_counts([10, 30, 10], [2.0, 2.0, 2.0])
    assert doubled.phi == pytest.approx(16.0, abs=1e-9)


def test_dispersion_needs_three_years():
    result = dispersion_from_counts([10, 30])
    assert result.phi == 1.0 and not result.estimated and result.pearson_chi2 is None
    assert not dispersion_from_counts([0, 0, 0]).estimated


def test_detectable_changes_uses_the_last_baseline_years():
    counts = {2019: 12, 2020: 18, 2021: 28, 2022: 31, 2023: 31}
    results = detectable_changes(counts)
    assert [r.follow_up_years for r in results] == [1, 3, 5]
    for r in results:
        # lam = (28 + 31 + 31) / 3 = 30
        assert r.expected_per_year == pytest.approx(30.0)
        assert r.baseline_years == 3 and r.baseline_period == (2021, 2022, 2023)
        assert r.dispersion_estimated
    expected_phi = dispersion_from_counts(list(counts.values())).phi
    assert results[1].dispersion == expected_phi
    same = minimum_detectable_change(30, 3, 3, expected_phi)
    assert results[1].increase_ratio == pytest.approx(same.increase_ratio, abs=1e-12)
    # longer follow-up, smaller detectable change
    ratios = [r.increase_ratio for r in results]
    assert ratios[0] > ratios[1] > ratios[2]


def test_detectable_changes_with_exposures():
    counts = {2021: 30, 2022: 30, 2023: 30}
    fte = {2021: 10_000.0, 2022: 10_000.0, 2023: 10_000.0}
    same = detectable_changes(counts, fte)
    plain = detectable_changes(counts)
    assert [r.increase_ratio for r in same] == pytest.approx([r.increase_ratio for r in plain])
    assert same[0].baseline_exposure_per_year == 10_000.0
    assert plain[0].baseline_exposure_per_year is None
    halved = detectable_changes(counts, fte, follow_up_exposure=5_000.0)
    assert halved[1].follow_up_exposure_ratio == 0.5
    assert halved[1].increase_ratio == pytest.approx(
        minimum_detectable_change(30, 3, 3, follow_up_exposure_ratio=0.5).increase_ratio
    )


def test_no_baseline_reports_is_no_answer():
    assert detectable_changes({2021: 4, 2022: 0, 2023: 0}, baseline_years=2) == []
    assert detectable_changes({}) == []


def test_invalid_inputs():
    with pytest.raises(ValueError):
        minimum_detectable_change(0, 3, 3)
    with pytest.raises(ValueError):
        minimum_detectable_change(30, 3, 3, dispersion=0.5)
    with pytest.raises(ValueError):
        minimum_detectable_change(30, 3, 3, power=0.01)
    with pytest.raises(ValueError):
        power_of_change(0.0, 30, 3, 3)


lams = st.floats(min_value=3.0, max_value=500.0)
years = st.integers(min_value=1, max_value=10)
phis = st.floats(min_value=1.0, max_value=5.0)


@settings(max_examples=60, deadline=None)
@given(lam=lams, baseline=years, follow_up=years, phi=phis, factor=st.floats(1.05, 3.0))
def test_more_data_smaller_change_more_dispersion_larger(lam, baseline, follow_up, phi, factor):
    base = minimum_detectable_change(lam, baseline, follow_up, phi)
    more_years = minimum_detectable_change(lam, baseline, follow_up + 1, phi)
    more_baseline = minimum_detectable_change(lam, baseline + 1, follow_up, phi)
    more_counts = minimum_detectable_change(lam * factor, baseline, follow_up, phi)
    more_phi = minimum_detectable_change(lam, baseline, follow_up, phi * factor)
    for smaller in (more_years, more_baseline, more_counts):
        assert smaller.increase_ratio < base.increase_ratio
        if base.decrease_ratio is not None:
            assert smaller.decrease_ratio is not None
            assert smaller.decrease_ratio > base.decrease_ratio
    assert more_phi.increase_ratio > base.increase_ratio
    if more_phi.decrease_ratio is not None:
        assert base.decrease_ratio is not None
        assert more_phi.decrease_ratio < base.decrease_ratio
