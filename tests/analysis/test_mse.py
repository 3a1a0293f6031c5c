"""Tests of analysis.mse against the published results in tests/analysis/data/SOURCES.md."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import mse

DATA = Path(__file__).parent / "data"


def table(name: str) -> mse.CaptureTable:
    return mse.read_capture_table(DATA / f"{name}.csv")


# --- published results (SOURCES.md), to the precision they are published ---------------------


def test_darroch_saturated_model_reproduces_published_estimate_and_se():
    # SOURCES.md: N = 1240, SE 451 (450.5)
    fit = mse.select_model(table("darroch_r3"), "saturated").fit
    assert fit.interactions == "A:B,A:C,B:C"
    assert round(fit.n_hat) == 1240
    assert fit.se == pytest.approx(450.5, abs=0.05)
    assert fit.df == 0


def test_darroch_ab_bc_reproduces_published_estimate_se_deviance_df():
    # SOURCES.md: N = 850, SE 186 (186.3), deviance 3.8, df 1
    fit = mse.fit_model(table("darroch_r3"), "A:B,B:C")
    assert round(fit.n_hat) == 850
    assert fit.se == pytest.approx(186.3, abs=0.05)
    assert fit.deviance == pytest.approx(3.8, abs=0.05)
    assert fit.df == 1


def test_korea_bic_chooses_bc_cd_with_published_estimate():
    # SOURCES.md: b:c, c:d chosen by BIC, N = 157.1667
    choice = mse.select_model(table("korea"), "bic")
    assert choice.method == "bic"
    assert choice.fit.interactions == "b:c,c:d"
    assert choice.fit.n_hat == pytest.approx(157.1667, abs=5e-5)


def test_korea_stepwise_chooses_bc_with_published_estimate():
    # SOURCES.md: b:c chosen by stepwise with threshold 0.02, N = 268.7778
    choice = mse.select_model(table("korea"), "stepwise", pthresh=0.02)
    assert choice.fit.interactions == "b:c"
    assert choice.fit.n_hat == pytest.approx(268.7778, abs=5e-5)
    assert [step.added for step in choice.steps] == ["b:c", ""]


def test_cormack_independence_reproduces_estimate_deviance_and_profile_interval():
    # SOURCES.md: N = 209 (209.3), deviance 75.1, df 3, profile interval (203.18, 216.52)
    cormack = table("cormack_3")
    fit = mse.fit_model(cormack, "independence")
    assert fit.n_hat == pytest.approx(209.3, abs=0.05)
    assert fit.deviance == pytest.approx(75.1, abs=0.05)
    assert fit.df == 3
    interval = mse.profile_likelihood_interval(cormack, "independence")
    assert interval.lower == pytest.approx(203.18, abs=0.005)
    assert interval.upper == pytest.approx(216.52, abs=0.005)


def test_cormack_ac_bc_reproduces_estimate_df_and_profile_lower_limit():
    # SOURCES.md: N = 233 (233.4), df 1, profile lower limit 204 (203.9)
    cormack = table("cormack_3")
    fit = mse.fit_model(cormack, "A:C,B:C")
    assert fit.n_hat == pytest.approx(233.4, abs=0.05)
    assert fit.df == 1
    interval = mse.profile_likelihood_interval(cormack, "A:C,B:C")
    assert interval.lower == pytest.approx(203.9, abs=0.05)
    assert interval.lower < fit.n_hat < interval.upper


def test_hav_two_lists_reproduce_lincoln_petersen_chapman_seber_and_log_interval():
    # SOURCES.md: Lincoln-Petersen 336.1; Chapman 333.6, SE 28.7; log interval 288.7-403.4
    estimate = mse.two_list_from_table(table("hav_pq"))
    assert (estimate.n1, estimate.n2, estimate.both) == (135, 122, 49)
    assert estimate.lincoln_petersen == pytest.approx(336.1, abs=0.05)
    assert estimate.chapman == pytest.approx(333.6, abs=0.05)
    assert estimate.se == pytest.approx(28.7, abs=0.05)
    assert estimate.lower == pytest.approx(288.7, abs=0.05)
    assert estimate.upper == pytest.approx(403.4, abs=0.05)


def test_artificial_saturated_model_is_not_identifiable():
    verdict = mse.check_model(table("artificial_3"), "A:B,A:C,B:C")
    assert not verdict.identifiable
    assert verdict.rank_deficiency > 0
    assert not verdict.estimable
    with pytest.raises(mse.NotEstimableError) as raised:
        mse.fit_model(table("artificial_3"), "saturated")
    assert raised.value.verdict is not None and not raised.value.verdict.identifiable


def test_artificial_ab_model_has_no_maximum_likelihood_estimate():
    verdict = mse.check_model(table("artificial_3"), "A:B")
    assert verdict.identifiable
    assert not verdict.mle_exists
    assert verdict.lp_objective == pytest.approx(0, abs=1e-9)
    with pytest.raises(mse.NotEstimableError):
        mse.fit_model(table("artificial_3"), "A:B")


def test_artificial_ac_bc_model_is_estimable_through_empty_overlaps():
    verdict = mse.check_model(table("artificial_3"), "A:C,B:C")
    assert verdict.estimable
    assert verdict.empty_overlaps == "A:C,B:C"
    fit = mse.fit_model(table("artificial_3"), "A:C,B:C")
    # With A:C and B:C at minus infinity the four remaining cells 100, 010, 001, 110 are fitted
    # by four parameters exactly, so by hand: exp(u) = m100 m010 / m110 = 40 * 30 / 6 = 200 and
    # N = 96 + 200 = 296 (the u_C term only fits cell 001).
    assert fit.n_hat == pytest.approx(296, abs=1e-6)
    assert fit.df == 0


# --- checks by hand ---------------------------------------------------------------------------


def test_two_list_independence_model_equals_lincoln_petersen():
    # With two lists the independence model fits n10, n01, n11 exactly and the unseen cell is
    # n10 n01 / n11 = 86 * 73 / 49 = 128.1224..., so N = 208 + 128.1224 = 336.1224.
    fit = mse.fit_model(table("hav_pq"), "independence")
    assert fit.n_hat == pytest.approx(208 + 86 * 73 / 49, rel=1e-10)


def test_cormack_correction_exact_for_small_totals():
    # N = 10, n0 = 2: ln(2^2 * 10! / (10^10 * 2!)) = ln(4 * 3628800 / 2e10) = ln(7.2576e-4)
    # = -7.22829...
    assert mse.cormack_correction(2, 10) == pytest.approx(-7.228291, abs=1e-6)


def test_cormack_correction_uses_rcapture_stirling_form_above_100():
    # N = 200, n0 = 5: n0 - N - ln(n0 / N) / 2 = -195 - ln(0.025) / 2 = -195 + 1.844440
    # = -193.155560
    assert mse.cormack_correction(5, 200) == pytest.approx(-193.155560, abs=1e-6)
    # n0 = 0 and n0 = 1: -N + ln(2 pi N) / 2 = -200 + 3.569... (Rcapture's special case)
    expected = -200 + 0.5 * math.log(2 * math.pi * 200)
    assert mse.cormack_correction(0, 200) == pytest.approx(expected)
    assert mse.cormack_correction(1, 200) == pytest.approx(expected)


def test_lognormal_limits_formula_by_hand():
    # n = 100, N = 150, se = 20: f0 = 50, C = exp(1.959964 * sqrt(ln(1 + 400 / 2500)))
    # = exp(1.959964 * sqrt(0.148420)) = exp(1.959964 * 0.385253) = exp(0.755082)
    # = e^0.75 * e^0.005082 = 2.117000 * 1.005095 = 2.127787
    # limits 100 + 50 / 2.127787 = 123.4986 and 100 + 50 * 2.127787 = 206.3894
    lower, upper = mse.lognormal_limits(100, 150, 20)
    assert lower == pytest.approx(123.4986, abs=1e-3)
    assert upper == pytest.approx(206.3894, abs=1e-3)


# statsmodels warns about the saturated model's zero residual degrees of freedom; irrelevant here.
@pytest.mark.filterwarnings("ignore::RuntimeWarning", "ignore::UserWarning")
def test_glm_agrees_with_statsmodels_for_every_darroch_model():
    darroch = table("darroch_r3")
    for pairs in mse.all_two_way_models(3):
        fit = mse.fit_model(darroch, pairs)
        design = mse._design_matrix(darroch.histories, pairs)
        reference = sm.GLM(darroch.counts, design, family=sm.families.Poisson()).fit(tol=1e-12)
        assert fit.deviance == pytest.approx(reference.deviance, abs=1e-7)
        assert list(fit.coefficients.values()) == pytest.approx(list(reference.params), abs=1e-6)
        intercept_variance = reference.cov_params()[0, 0]
        unseen = math.exp(reference.params[0])
        assert fit.se == pytest.approx(math.sqrt(unseen + unseen**2 * intercept_variance))
        assert fit.aic == pytest.approx(reference.aic, abs=1e-6)


def test_stepwise_threshold_zero_gives_independence_and_one_gives_saturated():
    darroch = table("darroch_r3")
    assert mse.stepwise_fit(darroch, 0).fit.interactions == "independence"
    assert mse.stepwise_fit(darroch, 1).fit.interactions == "A:B,A:C,B:C"


def test_stepwise_p_values_follow_the_poisson_rule():
    # Under independence the expected overlap of b and c is the sum of the fitted values over the
    # cells 110 and 111; the p-value is min(P(X <= 66), P(X >= 66)) for X ~ Poisson(lambda).
    korea = table("korea")
    independence = mse.fit_model(korea, "independence")
    histories = [tuple(h) for h in korea.histories]
    fitted = dict(zip(histories, independence.fitted, strict=True))
    expected = fitted[(1, 1, 0)] + fitted[(1, 1, 1)]
    first_round = mse.stepwise_fit(korea).steps[0]
    name, observed, lam, p_value = first_round.candidates[0]
    assert (name, observed) == ("b:c", 54 + 12)
    assert lam == pytest.approx(expected)
    from scipy import stats

    assert p_value == pytest.approx(stats.poisson.sf(65, expected))


def test_information_criteria_skip_models_that_are_not_estimable():
    choice = mse.select_model(table("korea"), "aic")
    skipped = {c.interactions for c in choice.candidates if c.criterion is None}
    # korea has no case on c and d only (cell 011 = 0): with b:c and b:d in the model that cell
    # would have to be fitted as zero.
    assert skipped == {"b:c,b:d", "b:c,b:d,c:d"}
    assert len(choice.candidates) == 8


def test_model_range_holds_models_within_two_aic_of_the_best():
    darroch = table("darroch_r3")
    found = mse.model_range(darroch, "aic", within=2.0)
    best = found.models[0]
    assert best.delta == 0
    assert all(0 <= entry.delta <= 2.0 for entry in found.models)
    assert found.n_hat_min <= best.fit.n_hat <= found.n_hat_max
    assert found.lower_min <= min(e.interval.lower for e in found.models)
    everything = mse.information_criterion_fit(darroch, "aic").candidates
    within = {c.interactions for c in everything if c.criterion <= best.criterion + 2.0}
    assert {e.fit.interactions for e in found.models} == within


def test_bca_bootstrap_is_seeded_and_brackets_the_estimate():
    cormack = table("cormack_3")
    first = mse.bca_bootstrap_interval(cormack, "stepwise", n_boot=200, seed=7)
    second = mse.bca_bootstrap_interval(cormack, "stepwise", n_boot=200, seed=7)
    assert (first.lower, first.upper) == (second.lower, second.upper)
    assert first.lower < first.centre < first.upper
    assert first.bootstrap is not None and first.bootstrap.n_boot == 200
    assert len(first.bootstrap.replicates) + first.bootstrap.n_failed == 200
    assert first.centre == pytest.approx(mse.select_model(cormack, "stepwise").fit.n_hat)


def test_bca_population_resampling_matches_the_standard_error_and_profile_interval():
    # For a well-fitting fixed model with large counts the spread of the replicates should match
    # Rcapture's se (6.6 for Cormack B:C) and the BCa limits the profile limits, roughly.
    cormack = table("cormack_3")
    bootstrap = mse.bca_bootstrap_interval(cormack, "B:C", n_boot=1000, seed=1)
    fit = mse.fit_model(cormack, "B:C")
    assert np.std(bootstrap.bootstrap.replicates) == pytest.approx(fit.se, rel=0.15)
    profile = mse.profile_likelihood_interval(cormack, "B:C")
    width = profile.upper - profile.lower
    assert bootstrap.lower == pytest.approx(profile.lower, abs=0.15 * width)
    assert bootstrap.upper == pytest.approx(profile.upper, abs=0.15 * width)


def test_bca_with_fixed_n_leaves_out_the_unseen_cells_own_variation():
    # Cormack B:C: exp(u) = 20.9 and se = 6.6, so the Poisson part sqrt(20.9) = 4.6 is most of
    # the se; SparseMSE's resampling with n fixed leaves it out and must be clearly narrower.
    cormack = table("cormack_3")
    population = mse.bca_bootstrap_interval(cormack, "B:C", n_boot=400, seed=2)
    observed = mse.bca_bootstrap_interval(cormack, "B:C", n_boot=400, seed=2, resample="observed")
    assert observed.upper - observed.lower < 0.85 * (population.upper - population.lower)
    assert observed.bootstrap.resample == "observed"


def test_estimate_population_combines_choice_and_interval():
    result = mse.estimate_population(table("cormack_3"), "independence", "profile")
    assert result.model == "independence"
    assert result.lower == pytest.approx(203.18, abs=0.005)
    lognormal = mse.estimate_population(table("cormack_3"), "independence", "lognormal")
    assert lognormal.lower < lognormal.n_hat < lognormal.upper
    with pytest.raises(ValueError, match="interval"):
        mse.estimate_population(table("cormack_3"), "independence", "wald")


# --- pooling ----------------------------------------------------------------------------------


def two_years(first: str, second: str) -> pd.DataFrame:
    frames = []
    for year, name in ((2021, first), (2022, second)):
        frame = pd.read_csv(DATA / f"{name}.csv")
        frame.insert(0, "year", year)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def test_pooling_two_identical_years_gives_each_the_single_year_estimate():
    # Both years are the Cormack table; with shared list effects the pooled maximum likelihood
    # solution is the single-year one in each year: N = 209.3 (published), total 2 * 209.3.
    pooled = mse.fit_pooled(two_years("cormack_3", "cormack_3"))
    assert [y.label for y in pooled.years] == ["2021", "2022"]
    for year in pooled.years:
        assert year.n_hat == pytest.approx(209.3, abs=0.05)
        assert year.lower < year.n_hat < year.upper
    assert pooled.total.n_hat == pytest.approx(2 * 209.34335, abs=1e-3)
    assert pooled.total.n_observed == 2 * 201
    # Deviance adds up over the two identical years: 2 * 75.1.
    assert pooled.deviance == pytest.approx(2 * 75.14, abs=0.01)


def test_pooling_with_year_specific_lists_equals_separate_fits():
    # With every list effect year-specific and no interactions the pooled model factorises into
    # the two single-year independence models.
    pooled = mse.fit_pooled(two_years("cormack_3", "darroch_r3"), year_specific_lists=True)
    separate = [mse.fit_model(table(n), "independence") for n in ("cormack_3", "darroch_r3")]
    for year, fit in zip(pooled.years, separate, strict=True):
        assert year.n_hat == pytest.approx(fit.n_hat, rel=1e-8)
        assert year.se == pytest.approx(fit.se, rel=1e-6)
    assert pooled.years[0].n_hat == pytest.approx(209.3, abs=0.05)


def test_pooling_with_shared_interactions():
    pooled = mse.fit_pooled(
        two_years("darroch_r3", "darroch_r3"), interactions="A:B,B:C", year_specific_lists=True
    )
    # Identical years: each has the single-year A:B,B:C estimate, N = 850 (published).
    for year in pooled.years:
        assert round(year.n_hat) == 850
    assert pooled.interactions == "A:B,B:C"


# --- reading and validating tables ------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reading_sums_repeated_histories_and_fills_missing_ones(tmp_path):
    path = write(tmp_path, "A,B,count\n1,0,3\n1,0,2\n1,1,4\n")
    read = mse.read_capture_table(path)
    counts = dict(zip(map(tuple, read.histories), read.counts, strict=True))
    assert counts == {(1, 0): 5, (0, 1): 0, (1, 1): 4}
    assert read.n_observed == 9


def test_reading_semicolon_separated_files(tmp_path):
    path = write(tmp_path, "A;B;count\n1;0;3\n0;1;2\n1;1;4\n")
    assert mse.read_capture_table(path).n_observed == 9


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("A,B,n\n1,0,3\n", "no_count_column", 1, None),
        ("A,count\n1,3\n", "too_few_lists", 1, None),
        ("A,B,count\n1,0,3\n0,2,4\n", "not_binary", 3, "B"),
        ("A,B,count\n1,0,3\n0,1,x\n", "bad_count", 3, "count"),
        ("A,B,count\n1,0,-3\n", "bad_count", 2, "count"),
        ("A,B,count\n1,0\n", "wrong_field_count", 2, None),
        ("A,B,count\n0,0,5\n1,0,1\n", "all_zero_history", 2, "count"),
        ("A,A,count\n1,0,5\n", "bad_list_name", 1, "A"),
        ("A,B,count\n", "empty", None, None),
        ("", "empty", None, None),
        ("A,B,count\n1,0,0\n", "no_cases", None, None),
    ],
)
def test_reading_bad_tables_names_line_and_column(tmp_path, text, code, line, column):
    path = write(tmp_path, text)
    with pytest.raises(mse.CaptureTableError) as raised:
        mse.read_capture_table(path)
    error = raised.value
    assert (error.code, error.line, error.column) == (code, line, column)
    assert str(path) in error.message("en")
    assert str(path) in error.message("nl")


def test_reading_a_missing_file_is_a_table_error(tmp_path):
    with pytest.raises(mse.CaptureTableError) as raised:
        mse.read_capture_table(tmp_path / "absent.csv")
    assert raised.value.code == "unreadable"


def test_frames_are_validated_like_files():
    good = pd.DataFrame({"A": [1, 0, 1], "B": [0, 1, 1], "count": [5, 3, 2]})
    assert mse.capture_table(good).n_observed == 10
    with pytest.raises(mse.CaptureTableError) as raised:
        mse.capture_table(good.assign(B=[0, 2, 1]))
    assert (raised.value.code, raised.value.line, raised.value.column) == ("not_binary", 1, "B")
    with pytest.raises(mse.CaptureTableError):
        mse.capture_table(good.drop(columns="count"))


def test_interaction_strings_are_parsed_and_checked():
    names = ("A", "B", "C")
    assert mse.parse_interactions("B:C, A:B", names) == ((0, 1), (1, 2))
    assert mse.parse_interactions("independence", names) == ()
    assert mse.parse_interactions("saturated", names) == ((0, 1), (0, 2), (1, 2))
    assert mse.format_interactions(((0, 1), (1, 2)), names) == "A:B,B:C"
    for bad in ("A:Z", "A:A", "A-B", "A:B:C"):
        with pytest.raises(ValueError):
            mse.parse_interactions(bad, names)


# --- properties -------------------------------------------------------------------------------

positive_counts = st.lists(st.integers(min_value=1, max_value=400), min_size=7, max_size=7)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counts=positive_counts, model=st.sampled_from(mse.all_two_way_models(3)))
def test_fits_match_sufficient_statistics_and_intervals_bracket_estimates(counts, model):
    cells = mse.CaptureTable(("A", "B", "C"), mse._all_histories(3), np.array(counts))
    fit = mse.fit_model(cells, model)
    # The likelihood equations: fitted margins equal observed margins for every model term.
    design = mse._design_matrix(cells.histories, model)
    assert design.T @ np.array(fit.fitted) == pytest.approx(design.T @ cells.counts, rel=1e-6)
    assert fit.n_hat >= cells.n_observed
    lognormal = mse.lognormal_interval(fit)
    assert lognormal.lower <= fit.n_hat <= lognormal.upper
    profile = mse.profile_likelihood_interval(cells, model)
    assert cells.n_observed <= profile.lower <= profile.centre <= profile.upper


@settings(max_examples=30, deadline=None)
@given(
    on_first=st.integers(min_value=1, max_value=500),
    on_second=st.integers(min_value=1, max_value=500),
    both=st.integers(min_value=0, max_value=500),
)
def test_two_list_estimates_are_at_least_what_was_seen(on_first, on_second, both):
    both = min(both, on_first, on_second)
    estimate = mse.two_list_estimate(on_first, on_second, both)
    assert estimate.chapman >= estimate.n_observed - 1e-9
    assert estimate.lower <= estimate.chapman <= estimate.upper
