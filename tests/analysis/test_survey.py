"""Tests of analysis.survey: hand-computed examples, published Wilson limits and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis import survey

# z for a 95% interval, Phi^-1(0.975) = 1.959964; z^2 = 3.841459.


def test_wilson_interval_reproduces_newcombe_1998():
    # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score interval
    # without continuity correction): 81/263 -> 0.2553-0.3662, 15/148 -> 0.0624-0.1605,
    # 0/20 -> 0.0000-0.1611, 1/29 -> 0.0061-0.1718.
    for successes, size, lower, upper in [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ]:
        found = survey.wilson_interval(successes / size, size)
        assert found == pytest.approx((lower, upper), abs=5e-5)


def test_hand_computed_example_n_400_of_10000():
    # N = 10000 fte, p = 0.10, n = 400, deff = 1, R = 25 reports, q = 0.03.
    # Finite-population variance factor (N - n) / (N - 1) = 9600 / 9999 = 0.960096, so the
    # effective sample size is n* = 400 / 0.960096 = 400 * 9999 / 9600 = 416.625.
    # Wilson: z^2 / n* = 3.841459 / 416.625 = 0.00922042
    #   centre = (0.10 + 0.00461021) / 1.00922042 = 0.10461021 / 1.00922042 = 0.1036545
    #   half   = 1.959964 / 1.00922042 * sqrt(0.1 * 0.9 / 416.625 + 0.00922042 / (4 * 416.625))
    #          = 1.942059 * sqrt(0.000216022 + 0.000005533) = 1.942059 * 0.0148848 = 0.0289069
    #   p interval = [0.0747475, 0.1325614]
    # V = N p = 1000 with interval [747.48, 1325.61].
    # R / V = 25 / 1000 = 0.025, interval [25 / 1325.61, 25 / 747.48] = [0.018859, 0.033446].
    # X = V / R = 40 ("about 1 in 40"), interval [747.48 / 25, 1325.61 / 25] = [29.90, 53.02]
    #   rounded to two figures: [30, 53].
    # Dark number V - R = 975, interval [722.48, 1300.61].
    # Expected registrations N p q = 30, interval [22.42, 39.77].
    estimate = survey.estimate_dark_number(
        10_000, 0.10, 25, sample_size=400, reporting_share=0.03, workforce_unit="persons"
    )
    assert estimate.estimable
    assert estimate.effective_sample_size == pytest.approx(416.625)
    assert estimate.finite_population_factor == pytest.approx(math.sqrt(9600 / 9999))
    assert estimate.prevalence_lower == pytest.approx(0.0747475, abs=1e-6)
    assert estimate.prevalence_upper == pytest.approx(0.1325614, abs=1e-6)
    assert estimate.victims == pytest.approx(1000)
    assert estimate.victims_lower == pytest.approx(747.48, abs=0.01)
    assert estimate.victims_upper == pytest.approx(1325.61, abs=0.01)
    assert estimate.reporting_ratio == pytest.approx(0.025)
    assert estimate.reporting_ratio_lower == pytest.approx(0.018859, abs=1e-6)
    assert estimate.reporting_ratio_upper == pytest.approx(0.033446, abs=1e-6)
    assert estimate.one_in_x == 40
    assert (estimate.one_in_x_lower, estimate.one_in_x_upper) == (30, 53)
    assert estimate.dark_number == pytest.approx(975)
    assert estimate.dark_number_lower == pytest.approx(722.48, abs=0.01)
    assert estimate.dark_number_upper == pytest.approx(1300.61, abs=0.01)
    assert estimate.expected_registrations == pytest.approx(30)
    assert estimate.expected_registrations_lower == pytest.approx(22.42, abs=0.01)
    assert estimate.expected_registrations_upper == pytest.approx(39.77, abs=0.01)
    assert estimate.notes == ()  # persons, n known, sampling fraction 4% (< 5%), R > 0


def test_finite_population_correction_when_half_the_population_answers():
    # N = 1000, n = 500, p = 0.20: variance factor (1000 - 500) / 999 = 0.500501, so
    # n* = 500 / 0.500501 = 999 and the factor on the standard error is sqrt(500/999) = 0.707461.
    # Wilson with n* = 999: z^2 / n* = 3.841459 / 999 = 0.00384530
    #   centre = (0.2 + 0.00192265) / 1.00384530 = 0.2011492
    #   half   = 1.959964 / 1.00384530 * sqrt(0.16 / 999 + 0.00384530 / 3996)
    #          = 1.952456 * sqrt(0.000160160 + 0.000000962) = 1.952456 * 0.0126934 = 0.0247833
    #   p interval = [0.17637, 0.22593]  (without the correction, n* = 500: [0.16729, 0.23729])
    estimate = survey.estimate_dark_number(
        1000, 0.20, 10, sample_size=500, workforce_unit="persons"
    )
    assert estimate.effective_sample_size == pytest.approx(999)
    assert estimate.finite_population_factor == pytest.approx(0.707461, abs=1e-6)
    assert estimate.prevalence_lower == pytest.approx(0.17637, abs=1e-5)
    assert estimate.prevalence_upper == pytest.approx(0.22593, abs=1e-5)
    assert "finite_population_correction" in estimate.notes
    without = survey.wilson_interval(0.2, 500)
    assert without[1] - without[0] > estimate.prevalence_upper - estimate.prevalence_lower


def test_design_effect_shrinks_the_effective_sample():
    # n = 800 with deff = 2 in a population so large that the correction is negligible behaves
    # as a simple random sample of 400: n* = 800 / 2 * (N - 1) / (N - 800) ~ 400.
    with_design = survey.estimate_dark_number(
        10**9, 0.10, 25, sample_size=800, design_effect=2.0, workforce_unit="persons"
    )
    assert with_design.effective_sample_size == pytest.approx(400, rel=1e-5)
    assert (with_design.prevalence_lower, with_design.prevalence_upper) == pytest.approx(
        survey.wilson_interval(0.10, 400), rel=1e-5
    )


def test_census_has_no_sampling_uncertainty():
    estimate = survey.estimate_dark_number(200, 0.25, 5, sample_size=200, workforce_unit="persons")
    assert estimate.prevalence_lower == estimate.prevalence_upper == 0.25
    assert estimate.victims_lower == estimate.victims_upper == 50
    assert "census" in estimate.notes


def test_unknown_sample_size_gives_point_estimates_only_and_says_so():
    # 2021 survey: about 9% of staff, sample size not stated; sector Rijk 131,100 fte in 2021.
    # V = 131100 * 0.09 = 11799; with R = 30: 1 in 393.3 -> "1 in 390".
    estimate = survey.estimate_dark_number(131_100, 0.09, 30)
    assert estimate.victims == pytest.approx(11_799)
    assert estimate.one_in_x == 390
    assert estimate.prevalence_lower is None and estimate.victims_upper is None
    assert estimate.reporting_ratio_lower is None and estimate.dark_number_upper is None
    assert "sample_size_unknown" in estimate.notes
    assert "fte_approximates_persons" in estimate.notes
    assert "steekproefomvang" in survey.note_text("sample_size_unknown", "nl")


def test_no_reports():
    estimate = survey.estimate_dark_number(1000, 0.1, 0, sample_size=100, workforce_unit="persons")
    assert estimate.reporting_ratio == 0
    assert estimate.one_in_x is None
    assert estimate.dark_number == pytest.approx(100)
    assert "no_reports" in estimate.notes


def test_zero_prevalence():
    # p = 0 of n = 100: Wilson upper limit z^2 / (n + z^2) = 3.841459 / 103.841459 = 0.036993
    # (with N = 10^6 the correction is negligible), so V is 0 with interval [0, 36993].
    estimate = survey.estimate_dark_number(10**6, 0.0, 4, sample_size=100, workforce_unit="persons")
    assert estimate.victims == 0
    assert estimate.victims_upper == pytest.approx(36_993, rel=1e-3)
    assert estimate.reporting_ratio is None
    assert estimate.reporting_ratio_upper == math.inf
    assert estimate.reporting_ratio_lower == pytest.approx(4 / 36_993, rel=1e-3)
    assert "zero_prevalence" in estimate.notes


def test_more_reports_than_victims_is_flagged_not_clipped():
    estimate = survey.estimate_dark_number(100, 0.05, 9, sample_size=50, workforce_unit="persons")
    assert estimate.dark_number == pytest.approx(-4)
    assert estimate.one_in_x is None
    assert "reports_exceed_victims" in estimate.notes


@pytest.mark.parametrize(
    ("missing_workforce", "missing_prevalence", "reason"),
    [(True, False, "workforce_size_missing"), (False, True, "prevalence_missing")],
)
def test_missing_inputs_give_not_estimable(missing_workforce, missing_prevalence, reason):
    estimate = survey.estimate_dark_number(
        None if missing_workforce else 1000, None if missing_prevalence else 0.1, 5
    )
    assert not estimate.estimable
    assert estimate.reason == reason
    assert estimate.victims is None and estimate.one_in_x is None
    assert reason in estimate.notes


@pytest.mark.parametrize(
    "arguments",
    [
        {"workforce_size": -5, "prevalence": 0.1, "registered_reports": 1},
        {"workforce_size": 100, "prevalence": 1.5, "registered_reports": 1},
        {"workforce_size": 100, "prevalence": 0.1, "registered_reports": -1},
        {"workforce_size": 100, "prevalence": 0.1, "registered_reports": 1, "sample_size": 101},
        {"workforce_size": 100, "prevalence": 0.1, "registered_reports": 1, "design_effect": 0},
        {"workforce_size": 100, "prevalence": 0.1, "registered_reports": 1, "reporting_share": 0},
        {"workforce_size": 100, "prevalence": 0.1, "registered_reports": 1, "workforce_unit": "x"},
    ],
)
def test_impossible_inputs_raise(arguments):
    with pytest.raises(ValueError):
        survey.estimate_dark_number(**arguments)


@pytest.mark.parametrize(
    ("ratio", "rounded"),
    [(466.0, 470), (33.3, 33), (4.67, 4.7), (99.6, 100), (1234.0, 1200), (0.5, None)],
)
def test_one_in_x_is_rounded_to_two_figures(ratio, rounded):
    assert survey.round_one_in(ratio) == rounded


def test_scenario_band_divides_reports_by_published_rates():
    # R = 30: 30 / 0.03 = 1000, 30 / 0.10 = 300, 30 / 0.12 = 250; with N = 120000 fte the
    # implied prevalence is 1000 / 120000 = 0.008333 for the 3% rate.
    band = survey.scenario_band(30, workforce_size=120_000)
    assert [s.implied_victims for s in band.scenarios] == pytest.approx([1000, 300, 250])
    assert [s.implied_dark_number for s in band.scenarios] == pytest.approx([970, 270, 220])
    assert band.scenarios[0].implied_prevalence == pytest.approx(0.008333, abs=1e-6)
    assert (band.implied_victims_min, band.implied_victims_max) == pytest.approx((250, 1000))
    custom = survey.scenario_band(12, [("half", 0.5)])
    assert custom.scenarios[0].implied_victims == 24
    with pytest.raises(ValueError):
        survey.scenario_band(12, [("none", 0.0)])


# --- properties -------------------------------------------------------------------------------

workforce = st.integers(min_value=1_000, max_value=200_000)
prevalences = st.floats(min_value=0.001, max_value=0.5)
reports = st.integers(min_value=0, max_value=500)


@settings(max_examples=200, deadline=None)
@given(
    size=workforce,
    share=prevalences,
    registered=reports,
    sample=st.integers(min_value=10, max_value=1_000),
)
def test_intervals_contain_their_point_estimates(size, share, registered, sample):
    estimate = survey.estimate_dark_number(size, share, registered, sample_size=sample)
    assert estimate.prevalence_lower <= share <= estimate.prevalence_upper
    assert estimate.victims_lower <= estimate.victims <= estimate.victims_upper
    assert estimate.dark_number_lower <= estimate.dark_number <= estimate.dark_number_upper
    assert (
        estimate.reporting_ratio_lower <= estimate.reporting_ratio <= estimate.reporting_ratio_upper
    )


@settings(max_examples=200, deadline=None)
@given(
    size=workforce,
    share=prevalences,
    small=st.integers(min_value=10, max_value=500),
    extra=st.integers(min_value=1, max_value=500),
)
def test_interval_narrows_as_the_sample_grows(size, share, small, extra):
    assume(small + extra <= size)
    first = survey.estimate_dark_number(size, share, 10, sample_size=small)
    second = survey.estimate_dark_number(size, share, 10, sample_size=small + extra)
    width_first = first.prevalence_upper - first.prevalence_lower
    width_second = second.prevalence_upper - second.prevalence_lower
    assert width_second < width_first


@settings(max_examples=200, deadline=None)
@given(size=workforce, share=prevalences, fewer=reports, more=st.integers(1, 500))
def test_monotone_in_the_number_of_reports(size, share, fewer, more):
    first = survey.estimate_dark_number(size, share, fewer, sample_size=400)
    second = survey.estimate_dark_number(size, share, fewer + more, sample_size=400)
    assert second.reporting_ratio > first.reporting_ratio
    assert second.reporting_ratio_lower > first.reporting_ratio_lower
    assert second.reporting_ratio_upper > first.reporting_ratio_upper
    assert second.dark_number < first.dark_number
    if first.one_in_x is not None and second.one_in_x is not None:
        assert second.one_in_x <= first.one_in_x
