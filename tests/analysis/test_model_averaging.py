"""Tests of analysis.model_averaging: weights and MATA limits by hand, fits against analysis.mse."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from analysis import model_averaging as ma
from analysis import mse

DATA = Path(__file__).parent / "data"


def table(name: str) -> mse.CaptureTable:
    return mse.read_capture_table(DATA / f"{name}.csv")


def test_akaike_weights_by_hand():
    # AIC 10, 12, 16: differences 0, 2, 6; exp(0) = 1, exp(-1) = 0.3678794, exp(-3) = 0.0497871,
    # sum 1.4176665; weights 0.7053845, 0.2594965, 0.0351190.
    weights = ma.akaike_weights([10.0, 12.0, 16.0])
    assert weights == pytest.approx([0.7053845, 0.2594965, 0.0351190], abs=5e-8)
    # The averaged estimate of N_hat 100, 150, 300: 70.53845 + 38.92447 + 10.53571 = 119.99863.
    assert float(weights @ np.array([100.0, 150.0, 300.0])) == pytest.approx(119.99863, abs=5e-5)


def test_weights_depend_only_on_differences():
    assert ma.akaike_weights([1000.0, 1002.0]) == pytest.approx(ma.akaike_weights([0.0, 2.0]))
    with pytest.raises(ValueError):
        ma.akaike_weights([])


def test_mata_with_one_model_is_its_wald_interval():
    z = stats.norm.ppf(0.975)
    lower, upper = ma.mata_limits(np.array([2.0]), np.array([0.5]), np.array([1.0]), 0.95)
    assert lower == pytest.approx(2.0 - z * 0.5, abs=1e-9)
    assert upper == pytest.approx(2.0 + z * 0.5, abs=1e-9)


def test_mata_limits_solve_the_weighted_tail_equations():
    # Turek and Fletcher (2012), eq. 2: sum w_i (1 - Phi((theta_i - L)/s_i)) = alpha/2 and
    # sum w_i Phi((theta_i - U)/s_i) = alpha/2.
    theta, sigma, weights = np.array([1.0, 3.0]), np.array([0.4, 1.0]), np.array([0.7, 0.3])
    lower, upper = ma.mata_limits(theta, sigma, weights, 0.9)
    left = np.sum(weights * (1 - stats.norm.cdf((theta - lower) / sigma)))
    right = np.sum(weights * stats.norm.cdf((theta - upper) / sigma))
    assert left == pytest.approx(0.05, abs=1e-9)
    assert right == pytest.approx(0.05, abs=1e-9)
    # Model uncertainty widens the interval beyond either model's own.
    assert lower < 1.0 - 1.645 * 0.4 + 0.2 and upper > 3.0


def test_log_scale_matches_the_lognormal_interval_of_each_model():
    fit = mse.fit_model(table("darroch_r3"), "A:B,B:C")
    theta, sigma = ma.log_scale(fit.n_observed, np.array([fit.n_hat]), np.array([fit.se]))
    lower, upper = ma.mata_limits(theta, sigma, np.array([1.0]), 0.95)
    expected = mse.lognormal_interval(fit, 0.95)
    assert fit.n_observed + math.exp(lower) == pytest.approx(expected.lower, rel=1e-9)
    assert fit.n_observed + math.exp(upper) == pytest.approx(expected.upper, rel=1e-9)


@pytest.mark.parametrize("name", ["darroch_r3", "korea", "cormack_3", "artificial_3"])
def test_every_model_matches_the_fits_of_analysis_mse(name):
    data = table(name)
    candidates = mse.information_criterion_fit(data, "aic").candidates
    estimable = {c.interactions: c for c in candidates if c.criterion is not None}
    entries = ma.all_model_estimates(data)
    assert {e.interactions for e in entries} == set(estimable)
    for entry in entries:
        assert entry.n_hat == pytest.approx(estimable[entry.interactions].n_hat, rel=1e-9)
        assert entry.aic == pytest.approx(estimable[entry.interactions].criterion, abs=1e-7)
    assert sum(e.weight for e in entries) == pytest.approx(1.0)
    assert [e.delta for e in entries] == sorted(e.delta for e in entries)


def test_published_estimates_stay_among_the_models():
    # SOURCES.md: korea b:c,c:d N = 157.1667 (BIC) and b:c N = 268.7778 (stepwise); Darroch
    # A:B,B:C N = 850 and saturated N = 1240.
    korea = {e.interactions: e for e in ma.all_model_estimates(table("korea"), criterion="bic")}
    assert korea["b:c,c:d"].n_hat == pytest.approx(157.1667, abs=5e-5)
    assert korea["b:c"].n_hat == pytest.approx(268.7778, abs=5e-5)
    assert ma.all_model_estimates(table("korea"), criterion="bic")[0].interactions == "b:c,c:d"
    darroch = {e.interactions: e for e in ma.all_model_estimates(table("darroch_r3"))}
    assert round(darroch["A:B,B:C"].n_hat) == 850
    assert round(darroch["A:B,A:C,B:C"].n_hat) == 1240
    assert darroch["A:B,B:C"].se == pytest.approx(186.3, abs=0.05)


def test_profile_intervals_per_model_on_request():
    # SOURCES.md: Cormack independence, profile interval [203.18, 216.52].
    entries = ma.all_model_estimates(table("cormack_3"), interval="profile")
    independence = next(e for e in entries if e.interactions == "independence")
    assert independence.lower == pytest.approx(203.18, abs=0.005)
    assert independence.upper == pytest.approx(216.52, abs=0.005)


def test_model_average_by_hand_from_its_models():
    data = table("cormack_3")
    average = ma.model_average(data, "aic")
    aic = np.array([m.aic for m in average.models])
    weights = np.exp(-(aic - aic.min()) / 2) / np.exp(-(aic - aic.min()) / 2).sum()
    assert [m.weight for m in average.models] == pytest.approx(list(weights))
    assert average.n_hat == pytest.approx(float(weights @ [m.n_hat for m in average.models]))
    assert average.n_observed <= average.lower < average.median < average.upper
    assert average.effective_models == pytest.approx(1 / float(np.sum(weights**2)))
    assert average.level == average.nominal_level == 0.95  # no calibration claimed


def test_headline_states_its_calibrated_level_and_method():
    result = ma.headline_estimate(table("korea"))
    assert result.method == ma.HEADLINE_METHOD
    assert result.level == ma.HEADLINE_CALIBRATED_LEVEL >= 0.9
    assert result.nominal_level == ma.HEADLINE_NOMINAL_LEVEL
    assert result.lower < result.n_hat < result.upper


def test_no_estimable_model_raises():
    # A table where every case is on one list only: no overlap, no model is estimable.
    histories = mse._all_histories(3)
    counts = np.array([5 if h.sum() == 1 else 0 for h in histories])
    with pytest.raises(mse.NotEstimableError):
        ma.model_average(mse.CaptureTable(("A", "B", "C"), histories, counts))
