"""The difference in differences against hand-computed fixtures, the GLM against statsmodels,
and the support gate's reason codes on small fixtures."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.difference_in_differences import (
    ASSUMPTIONS,
    FEW_CONTROL_UNITS,
    FEW_TREATED_UNITS,
    NO_AFTER_YEARS,
    NO_BEFORE_YEARS,
    PRE_TRENDS_DIFFER,
    SMALL_CELL_CONTROL_AFTER,
    SMALL_CELL_TREATED_BEFORE,
    UnitYear,
    difference_in_differences,
    pre_trend,
    supports,
)

Z975 = 1.959963984540054  # the 97.5 % quantile of the standard normal distribution

# Treated before 40 reports / 4,000 fte, after 60 / 4,000; control before 50 / 5,000, after
# 55 / 5,000; each group two ministries, one year before (2020) and one after (2021).
# Control C 25 -> 27, D 25 -> 28: not exactly proportional, but Pearson's X^2 of the GLM is
# small (the control 2 x 2 table: expected 24.762, 27.238, 25.238, 27.762; X^2 = 0.238^2 *
# (1/24.762 + 1/27.238 + 1/25.238 + 1/27.762) = 0.0087, treated 0) on 2 df: phi = 1.
FIXTURE = [
    UnitYear("A", 2020, 20, 2000.0, True),
    UnitYear("B", 2020, 20, 2000.0, True),
    UnitYear("A", 2021, 30, 2000.0, True),
    UnitYear("B", 2021, 30, 2000.0, True),
    UnitYear("C", 2020, 25, 2500.0, False),
    UnitYear("D", 2020, 25, 2500.0, False),
    UnitYear("C", 2021, 27, 2500.0, False),
    UnitYear("D", 2021, 28, 2500.0, False),
]


def test_hand_computed_ratio_of_rate_ratios():
    # treated: (60 / 4000) / (40 / 4000) = 1.5; control: (55 / 5000) / (50 / 5000) = 1.1;
    # theta = 1.5 / 1.1 = 1.363636, log theta = 0.310155.
    # Var = 1/40 + 1/60 + 1/50 + 1/55 = 0.025 + 0.016667 + 0.02 + 0.018182 = 0.079848,
    # se = 0.282575; 1.959964 * 0.282575 = 0.553836;
    # interval exp(0.310155 - 0.553836) = exp(-0.243681) = 0.783737,
    #          exp(0.310155 + 0.553836) = exp(0.863991) = 2.372611.
    result = difference_in_differences(FIXTURE, 2021)
    assert result.ratio == pytest.approx(1.363636, abs=1e-6)
    assert result.log_ratio_se == pytest.approx(0.282575, abs=1e-6)
    assert result.ratio_lower == pytest.approx(0.783737, abs=1e-6)
    assert result.ratio_upper == pytest.approx(2.372611, abs=1e-6)
    assert result.dispersion == 1.0 and result.dispersion_degrees_of_freedom == 2
    assert result.headline == "pooled"
    assert (result.treated_before.count, result.treated_before.exposure) == (40, 4000)
    assert (result.control_after.count, result.control_after.exposure) == (55, 5000)
    assert result.treated_units == ("A", "B") and result.control_units == ("C", "D")
    assert result.before_years == (2020,) and result.after_years == (2021,)
    assert result.assumptions == ASSUMPTIONS
    assert "parallel_trends_log_rates" in result.assumptions
    assert result.support.ok and result.support.reasons == ()


def test_hand_computed_rate_difference():
    # Rates per 1,000 fte: treated 10 -> 15, control 10 -> 11; DiD = 5 - 1 = 4.
    # Var(r) = 1000^2 C / E^2: 40 / 4000^2 * 1e6 = 2.5; 60 / 4000^2 * 1e6 = 3.75;
    # 50 / 5000^2 * 1e6 = 2.0; 55 / 5000^2 * 1e6 = 2.2; sum 10.45, se = 3.232646;
    # interval 4 -+ 1.959964 * 3.232646 = 4 -+ 6.335870: (-2.335870, 10.335870).
    result = difference_in_differences(FIXTURE, 2021)
    assert result.treated_before.rate_per_1000 == pytest.approx(10.0)
    assert result.treated_after.rate_per_1000 == pytest.approx(15.0)
    assert result.rate_difference == pytest.approx(4.0, abs=1e-12)
    assert result.difference_lower == pytest.approx(-2.335870, abs=1e-6)
    assert result.difference_upper == pytest.approx(10.335870, abs=1e-6)


def test_model_equals_pooled_with_one_year_per_period_and_fixed_fte():
    # With one year before and one after and each unit's fte the same in both, the GLM splits
    # into a 2 x K independence table per group (unit effects x period effect): the fitted
    # after/before factor of a group is its column-total ratio, 60/40 = 1.5 and 55/50 = 1.1, so
    # the interaction is log(1.5 / 1.1) again. Its variance (1/C_a + 1/C_b per group) too.
    result = difference_in_differences(FIXTURE, 2021)
    assert result.model_ratio == pytest.approx(1.5 / 1.1, abs=1e-9)
    assert result.model_lower == pytest.approx(result.ratio_lower, abs=1e-9)
    assert result.model_upper == pytest.approx(result.ratio_upper, abs=1e-9)


def test_saturated_model_coincides_with_pooled():
    # One unit per group and one year per period: 4 rows and 4 parameters (2 unit effects,
    # 1 year effect, the interaction). The model is saturated, mu = y, so the interaction is
    # log[(y_Ta/e_Ta)/(y_Tb/e_Tb)] - log[(y_Ca/e_Ca)/(y_Cb/e_Cb)] = log theta, and the inverse
    # Fisher information of that contrast in a saturated log-linear 2 x 2 model is
    # 1/y_Ta + 1/y_Tb + 1/y_Ca + 1/y_Cb, the pooled variance. No residual df: phi = 1.
    # Here the exposures differ by year, which the offset absorbs:
    # theta = (60/4400 / (40/4000)) / (55/5200 / (50/5000)) = 1.363636 / 1.057692 = 1.289256.
    rows = [
        ("T", 2020, 40, 4000.0, True),
        ("T", 2021, 60, 4400.0, True),
        ("C", 2020, 50, 5000.0, False),
        ("C", 2021, 55, 5200.0, False),
    ]
    result = difference_in_differences(rows, 2021)
    assert result.ratio == pytest.approx(1.289256, abs=1e-6)
    assert result.model_ratio == pytest.approx(result.ratio, abs=1e-9)
    assert result.model_lower == pytest.approx(result.ratio_lower, abs=1e-9)
    assert result.model_upper == pytest.approx(result.ratio_upper, abs=1e-9)
    assert result.log_ratio_se == pytest.approx(math.sqrt(1 / 40 + 1 / 60 + 1 / 50 + 1 / 55))
    assert result.dispersion == 1.0 and not result.dispersion_estimated
    assert not result.support.ok
    assert result.support.reasons == (FEW_TREATED_UNITS, FEW_CONTROL_UNITS)


def test_overdispersion_widens_every_interval():
    # Treated A 30 -> 30, B 10 -> 30; control C 25 -> 25, D 25 -> 25; 1,000 fte each unit-year.
    # The GLM is per group a 2 x 2 independence table (see above). Treated: row totals 60, 40,
    # column totals 40, 60, N = 100; expected A 24, 36, B 16, 24;
    # X^2 = 6^2/24 + 6^2/36 + 6^2/16 + 6^2/24 = 1.5 + 1 + 2.25 + 1.5 = 6.25; control X^2 = 0.
    # df = 8 rows - 6 parameters = 2, phi = 6.25 / 2 = 3.125.
    # theta = (60/40) / (50/50) = 1.5; Var = 3.125 (1/60 + 1/40 + 1/50 + 1/50)
    # = 3.125 * 0.081667 = 0.255208, se = 0.505181.
    # Additive: rates per 1,000 fte treated 20 -> 30, control 25 -> 25, DiD = 10;
    # Var = 3.125 * 1e6 * (40 + 60 + 50 + 50) / 2000^2 = 3.125 * 50 = 156.25, se = 12.5.
    rows = []
    for unit, before, after, treated in [
        ("A", 30, 30, True),
        ("B", 10, 30, True),
        ("C", 25, 25, False),
        ("D", 25, 25, False),
    ]:
        rows += [(unit, 2020, before, 1000.0, treated), (unit, 2021, after, 1000.0, treated)]
    result = difference_in_differences(rows, 2021)
    assert result.dispersion == pytest.approx(3.125, abs=1e-9)
    assert result.dispersion_estimated and result.dispersion_degrees_of_freedom == 2
    assert result.ratio == pytest.approx(1.5, abs=1e-12)
    assert result.log_ratio_se == pytest.approx(0.505181, abs=1e-6)
    assert result.ratio_lower == pytest.approx(math.exp(math.log(1.5) - Z975 * 0.505181), abs=1e-5)
    assert result.rate_difference == pytest.approx(10.0, abs=1e-12)
    assert result.difference_upper == pytest.approx(10 + Z975 * 12.5, abs=1e-9)
    # the model's interaction: 1.5 as well, its interval widened by the same phi
    assert result.model_ratio == pytest.approx(1.5, abs=1e-9)
    assert result.model_lower == pytest.approx(result.ratio_lower, abs=1e-9)


def _panel(growth: dict[str, float] | None = None) -> list[UnitYear]:
    """Three treated and three control units over five years, start 2022, uneven fte.

    fte of unit u in year 2019 + i: fte[u] * (1 + growth[u] * i); growth 3 % a year for every
    unit when None (then fte = a unit part times a year part).
    """
    counts = {
        "A": (30, 44, 29, 45, 58),
        "B": (12, 10, 21, 19, 30),
        "C": (40, 33, 44, 62, 60),
        "D": (25, 37, 22, 36, 24),
        "E": (18, 26, 14, 19, 27),
        "F": (33, 24, 36, 31, 45),
    }
    fte = {"A": 3000, "B": 1200, "C": 4100, "D": 2600, "E": 1900, "F": 3300}
    rows = []
    for unit, series in counts.items():
        rate = 0.03 if growth is None else growth[unit]
        for i, count in enumerate(series):
            exposure = fte[unit] * (1 + rate * i)
            rows.append(UnitYear(unit, 2019 + i, count, exposure, unit in "ABC"))
    return rows


UNEVEN_GROWTH = {"A": 0.08, "B": -0.02, "C": 0.0, "D": 0.05, "E": 0.01, "F": -0.04}


def test_model_estimate_against_statsmodels():
    # The IRLS fit of log mu = unit + year + delta * treated * after + log(fte) against
    # statsmodels' GLM (Poisson family), and phi = Pearson X^2 / df_resid from the same fit.
    import statsmodels.api as sm

    rows = _panel(UNEVEN_GROWTH)
    units = sorted({r.unit for r in rows})
    years = sorted({r.year for r in rows})
    design = np.array(
        [
            [r.unit == u for u in units]
            + [r.year == y for y in years[1:]]
            + [r.treated and r.year >= 2022]
            for r in rows
        ],
        dtype=float,
    )
    y = np.array([r.count for r in rows], dtype=float)
    offset = np.log([r.exposure for r in rows])
    reference = sm.GLM(y, design, family=sm.families.Poisson(), offset=offset).fit(tol=1e-13)
    phi = max(1.0, reference.pearson_chi2 / reference.df_resid)
    assert phi > 1.5  # the fixture is overdispersed
    delta = reference.params[-1]
    se = reference.bse[-1] * math.sqrt(phi)

    result = difference_in_differences(rows, 2022)
    assert result.dispersion == pytest.approx(phi, rel=1e-8)
    assert result.dispersion_degrees_of_freedom == reference.df_resid == 30 - 11
    assert math.log(result.model_ratio) == pytest.approx(delta, abs=1e-8)
    assert math.log(result.model_lower) == pytest.approx(delta - Z975 * se, abs=1e-8)
    assert math.log(result.model_upper) == pytest.approx(delta + Z975 * se, abs=1e-8)
    # the pooled headline differs (slightly: 1.2719 against 1.2724) from the model when units'
    # fte change unequally
    assert abs(math.log(result.ratio) - delta) > 1e-4
    # the pooled interval uses the same phi
    cells = (result.treated_before, result.treated_after, result.control_before)
    pooled_var = sum(1 / c.count for c in (*cells, result.control_after))
    assert result.log_ratio_se == pytest.approx(math.sqrt(phi * pooled_var), rel=1e-8)


def test_model_equals_pooled_on_a_balanced_panel_with_factorised_fte():
    # With every unit observed every year and fte = unit part x year part (the offset then
    # folds into the unit and year effects), the Poisson model's interaction equals the pooled
    # ratio of rate ratios: its likelihood equations match the unit totals, the year totals and
    # the treated-after total, and the pooled cells are sums of those (cf. Wooldridge 2023 on
    # Poisson difference in differences). A missing unit-year breaks it.
    result = difference_in_differences(_panel(), 2022)
    assert result.model_ratio == pytest.approx(result.ratio, rel=1e-9)
    rows = [r for r in _panel() if (r.unit, r.year) != ("A", 2019)]
    result = difference_in_differences(rows, 2022)
    assert abs(math.log(result.model_ratio / result.ratio)) > 1e-3


def test_gate_reasons_on_small_fixtures():
    one_each = [
        ("T", 2020, 5, 100.0, True),
        ("T", 2021, 9, 100.0, True),
        ("C", 2020, 30, 100.0, False),
        ("C", 2021, 31, 100.0, False),
    ]
    support = supports(one_each, 2021)
    assert not support.ok
    assert support.reasons == (
        FEW_TREATED_UNITS,
        FEW_CONTROL_UNITS,
        SMALL_CELL_TREATED_BEFORE,
        "small_cell_treated_after",
    )
    # every year before the start: no after year, and both after cells empty
    only_before = [(u, 2020, 30, 100.0, t) for u, t in [("A", 1), ("B", 1), ("C", 0), ("D", 0)]]
    support = supports(only_before, 2021)
    assert NO_AFTER_YEARS in support.reasons and SMALL_CELL_CONTROL_AFTER in support.reasons
    assert NO_BEFORE_YEARS not in support.reasons
    support = supports(only_before, 2020)
    assert NO_BEFORE_YEARS in support.reasons and NO_AFTER_YEARS not in support.reasons
    assert supports(FIXTURE, 2021) == supports(FIXTURE, 2021, min_cell_count=20)
    assert supports(FIXTURE, 2021, min_cell_count=51).reasons == (
        SMALL_CELL_TREATED_BEFORE,
        "small_cell_control_before",
    )
    # no estimate when a cell has no report
    assert difference_in_differences(only_before, 2021) is None


def _pre_period(treated_series, control_series) -> list[tuple]:
    rows = []
    for unit, series, treated in [
        ("A", treated_series, True),
        ("B", treated_series, True),
        ("C", control_series, False),
        ("D", control_series, False),
    ]:
        for i, count in enumerate(series):
            rows.append((unit, 2018 + i, count, 1000.0, treated))
    return rows


def test_pre_trends_that_differ_close_the_gate():
    # Before 2021 the treated units double every year (20, 40, 80), the controls stay at 40:
    # each group's counts are an exact geometric series, so the slopes are log 2 and 0 and the
    # fit is exact (X^2 = 0, phi = 1): d = log 2 = 0.693147.
    rows = _pre_period((20, 40, 80, 90), (40, 40, 40, 40))
    trend = pre_trend(rows, 2021)
    assert trend.slope_difference == pytest.approx(math.log(2), abs=1e-9)
    assert trend.dispersion == 1.0
    support = supports(rows, 2021)
    assert support.reasons == (PRE_TRENDS_DIFFER,)
    assert support.pre_trend_p_value < 1e-6


def test_parallel_pre_trends_pass_the_gate():
    # Both groups rise by half every year (20, 30, 45 and 40, 60, 90): d = 0, p = 1.
    rows = _pre_period((20, 30, 45, 80), (40, 60, 90, 100))
    trend = pre_trend(rows, 2021)
    assert trend.slope_difference == pytest.approx(0.0, abs=1e-9)
    support = supports(rows, 2021)
    assert support.ok and support.pre_trend_p_value == pytest.approx(1.0, abs=1e-9)
    # one before year only: no pre-trend test
    assert supports(FIXTURE, 2021).pre_trend_p_value is None
    assert pre_trend(FIXTURE, 2021) is None


def test_invalid_rows():
    with pytest.raises(ValueError):
        supports([("A", 2020, 5, 100.0, True), ("A", 2021, 5, 100.0, False)], 2021)
    with pytest.raises(ValueError):
        supports([("A", 2020, 5, 100.0, True), ("A", 2020, 6, 100.0, True)], 2021)
    with pytest.raises(ValueError):
        difference_in_differences([("A", 2020, 5, 0.0, True)], 2021)
    with pytest.raises(ValueError):
        difference_in_differences([("A", 2020, -1, 10.0, True)], 2021)
