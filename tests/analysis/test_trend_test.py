"""The trend test against hand computations: closed forms for two and three years, and the
figures stated in issue 15 for the demo data (computed there independently)."""

from __future__ import annotations

import math

import pytest

from analysis.trend_test import poisson_trend

Z975 = 1.959963984540054  # the 97.5 % quantile of the standard normal distribution


def normal_p(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2))


def test_two_years_is_the_closed_form_wald_test():
    # b = log(30 / 20), var(b) = 1/20 + 1/30 (the Fisher information of two Poisson counts)
    result = poisson_trend([2021, 2022], [20, 30])
    b, se = math.log(1.5), math.sqrt(1 / 20 + 1 / 30)
    assert result.change == pytest.approx(0.5, abs=1e-9)
    assert result.lower == pytest.approx(math.exp(b - Z975 * se) - 1, abs=1e-9)  # -14.8 %
    assert result.upper == pytest.approx(math.exp(b + Z975 * se) - 1, abs=1e-9)  # +164.1 %
    assert result.lower == pytest.approx(-0.1481, abs=1e-4)
    assert result.upper == pytest.approx(1.6413, abs=1e-4)
    assert result.p_value == pytest.approx(normal_p(b / se), abs=1e-9)  # 0.1601
    assert result.p_value == pytest.approx(0.1601, abs=1e-4)
    assert result.dispersion == 1.0 and result.degrees_of_freedom == 0 and not result.quasi


def test_two_years_with_exposure_is_a_rate_ratio():
    # 20 reports over 1,000 fte, then 30 over 2,000 fte: rate ratio 0.75, same variance
    result = poisson_trend([2021, 2022], [20, 30], [1000.0, 2000.0])
    se = math.sqrt(1 / 20 + 1 / 30)
    assert result.change == pytest.approx(-0.25, abs=1e-9)
    assert result.p_value == pytest.approx(normal_p(math.log(0.75) / se), abs=1e-9)


def test_three_years_closed_form_without_overdispersion():
    # x = -1, 0, 1; the likelihood equations y1 + y2 + y3 = sum mu and y3 - y1 = mu3 - mu1 with
    # mu = A * r^x give (S - d) r^2 - d r - (S + d) = 0, S = 75, d = 30: 45 r^2 - 30 r - 105 = 0
    y = [10, 25, 40]
    r = (2 + math.sqrt(88)) / 6  # 1.8968
    a = 75 / (1 / r + 1 + r)
    mu = [a / r, a, a * r]
    # var(b) = S / (S (mu1 + mu3) - d^2), the inverse Fisher information's slope element
    variance = 75 / (75 * (mu[0] + mu[2]) - 30**2)
    pearson = sum((obs - fit) ** 2 / fit for obs, fit in zip(y, mu, strict=True))
    assert pearson == pytest.approx(0.7027, abs=1e-3)  # below its 1 df: Poisson
    result = poisson_trend([2020, 2021, 2022], y)
    assert result.change == pytest.approx(r - 1, abs=1e-9)  # +89.7 % a year
    assert result.dispersion == 1.0 and result.degrees_of_freedom == 1
    b, se = math.log(r), math.sqrt(variance)
    assert result.lower == pytest.approx(math.exp(b - Z975 * se) - 1, abs=1e-9)
    assert result.upper == pytest.approx(math.exp(b + Z975 * se) - 1, abs=1e-9)
    assert result.p_value == pytest.approx(normal_p(b / se), abs=1e-12)


def test_three_years_overdispersed_uses_phi_and_students_t():
    # S = 80, d = 20: 60 r^2 - 20 r - 100 = 0, r = (1 + sqrt(61)) / 6
    y = [10, 40, 30]
    r = (1 + math.sqrt(61)) / 6  # 1.4684
    a = 80 / (1 / r + 1 + r)
    mu = [a / r, a, a * r]
    pearson = sum((obs - fit) ** 2 / fit for obs, fit in zip(y, mu, strict=True))
    assert pearson == pytest.approx(12.90, abs=0.01)  # phi = X^2 / 1 df
    se = math.sqrt(80 / (80 * (mu[0] + mu[2]) - 20**2) * pearson)
    t = math.log(r) / se
    # Student's t with 1 df is the Cauchy distribution: P(|T| > t) = 1 - 2 atan(t) / pi and the
    # 97.5 % quantile is tan(0.475 pi) = 12.706
    quantile = math.tan(0.475 * math.pi)
    result = poisson_trend([2020, 2021, 2022], y)
    assert result.quasi and result.dispersion == pytest.approx(pearson, rel=1e-9)
    assert result.change == pytest.approx(r - 1, abs=1e-9)
    assert result.p_value == pytest.approx(1 - 2 * math.atan(t) / math.pi, abs=1e-9)
    assert result.lower == pytest.approx(math.exp(math.log(r) - quantile * se) - 1, abs=1e-9)
    assert result.upper == pytest.approx(math.exp(math.log(r) + quantile * se) - 1, abs=1e-9)


def test_the_demo_series_as_issue_15_states_it():
    # 'Poisson trend 2018-2025: +13.6 % a year, p = 3e-8' (the demo's discrimination totals)
    counts = [31, 35, 34, 43, 50, 55, 63, 73]
    result = poisson_trend(range(2018, 2026), counts)
    assert round(result.change * 100, 1) == 13.6
    assert 2.5e-8 < result.p_value < 3.5e-8
    assert result.dispersion == 1.0  # underdispersed: never narrower than Poisson
    # 'per fte 2018-2024 +7.2 % a year, p = 0.016' (sector Rijk fte of the demo as offset)
    fte = [113500, 119200, 125400, 131100, 138400, 147900, 157019]
    result = poisson_trend(range(2018, 2025), counts[:7], fte)
    assert round(result.change * 100, 1) == 7.2
    assert round(result.p_value, 3) == 0.016


@pytest.mark.parametrize(
    "counts",
    [[0, 0, 0], [0, 0, 5], [7, 0, 0], [4]],
    ids=["no reports", "all in the last year", "all in the first year", "one year"],
)
def test_no_trend_where_none_can_be_estimated(counts):
    assert poisson_trend(range(2020, 2020 + len(counts)), counts) is None


def test_a_zero_inside_the_series_is_fine():
    result = poisson_trend([2020, 2021, 2022], [5, 0, 5])
    assert result is not None and result.change == pytest.approx(0.0, abs=1e-9)


def test_inputs_are_checked():
    with pytest.raises(ValueError):
        poisson_trend([2020, 2021], [1, 2, 3])
    with pytest.raises(ValueError):
        poisson_trend([2020, 2021], [1, 2], [1.0, 0.0])
    with pytest.raises(ValueError):
        poisson_trend([2020, 2020], [1, 2])
