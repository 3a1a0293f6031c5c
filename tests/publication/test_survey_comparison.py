"""The survey comparison matched on definitions: hand-computed numbers on a small fixture, the
surveys of surveys.csv refused with their reasons, a hidden register cell refusing a year."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

from base.reference import Survey, surveys
from protection.rules import ProtectionRules
from publication.protected import Publication, table_name
from publication.survey_comparison import (
    SURVEY_IDS,
    compare,
    compare_surveys,
    published_rounding,
)
from publication.underreporting import RegisteredCases

Z = 1.959963984540054  # the standard normal quantile of 0.975


class _Table:
    def __init__(self, values):
        self.values = values


def publication_with(grounds: dict[str, int | None], total: int, year: int = 2023) -> Publication:
    """A publication holding only the year total and the ground table of `year` (NA: hidden)."""
    ground_values = pd.DataFrame(
        {year: pd.array(list(grounds.values()), dtype="Int64")}, index=list(grounds)
    )
    return Publication(
        {
            table_name("discrimination", "total"): _Table(pd.Series({year: total}, dtype="Int64")),
            table_name("discrimination", "ground"): _Table(ground_values),
        },
        (year,),
        ProtectionRules(threshold=5),
    )


SURVEY = Survey(
    id="test_racism",
    year=2023,
    population="sector Rijk staff",
    measure="experienced racism at work in the past 12 months",
    value=0.10,
    sample_size=2000,
    population_size=100_000,
    kind="published",
    source="test",
    subject="racism",
    period="past_12_months",
    response_rate=0.40,
)
GROUNDS_2023 = {"ras": 20, "nationaliteit": 6, "godsdienst": 4, "geslacht": 9, "leeftijd": 11}
LINKED = {2023: RegisteredCases(2023, 40, True)}


def wilson(p: float, n: float) -> tuple[float, float]:
    """The Wilson score interval written out (Wilson 1927), for the hand computation."""
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return centre - half, centre + half


def test_a_matched_survey_by_hand():
    result = compare(SURVEY, publication_with(GROUNDS_2023, total=50), LINKED)
    assert result.comparable and result.reasons == ()
    assert result.grounds == ("ras",)
    assert result.band_grounds == ("ras", "nationaliteit", "godsdienst")
    # n* = (n / deff) (N - 1) / (N - n) = (2000 / 2) * 99,999 / 98,000 = 1020.398...
    n_star = 1000 * 99_999 / 98_000
    assert result.effective_sample_size == pytest.approx(1020.3980, abs=1e-4)
    # V = N p = 100,000 * 0.10 = 10,000 people; interval N x Wilson(0.10, n*).
    assert result.experienced == pytest.approx(10_000)
    low, high = wilson(0.10, n_star)
    # z^2 / n* = 3.84146 / 1020.398 = 0.0037647; centre = (0.1 + 0.0018824) / 1.0037647 = 0.1015002;
    # half = 1.952613 * sqrt(0.09 / 1020.398 + 3.84146 / (4 * 1020.398^2)) = 0.0184337
    assert (low, high) == pytest.approx((0.0830665, 0.1199339), abs=1e-6)
    assert result.experienced_lower == pytest.approx(100_000 * low)
    assert result.experienced_upper == pytest.approx(100_000 * high)
    # Band: the published 10% is rounded to a whole percent (9.5%..10.5%); non-response factors
    # r + (1 - r) k = 0.4 + 0.6 * 0.5 = 0.7 and 0.4 + 0.6 * 1.5 = 1.3.
    band_low = 100_000 * wilson(0.095, n_star)[0] * 0.7
    band_high = 100_000 * wilson(0.105, n_star)[1] * 1.3
    assert result.experienced_band_lower == pytest.approx(band_low)
    assert result.experienced_band_upper == pytest.approx(band_high)
    # Wilson(0.095, n*): centre 0.0965190 - half 0.0180211 = 0.0784979;
    # Wilson(0.105, n*): centre 0.1064815 + half 0.0188324 = 0.1253139.
    assert band_low == pytest.approx(5_494.9, abs=0.1)  # 100,000 * 0.0784979 * 0.7
    assert band_high == pytest.approx(16_290.8, abs=0.1)  # 100,000 * 0.1253139 * 1.3
    # Register: 20 on 'ras'; 40 cases of 50 registrations -> 0.8 case per registration, so
    # 16 persons; up to 20 + 6 + 4 = 30 registrations on the wider grounds.
    assert (result.registrations, result.band_registrations) == (20, 30)
    assert result.cases_per_registration == pytest.approx(0.8)
    assert result.registered_persons == pytest.approx(16)
    assert result.registered_persons_upper == pytest.approx(30)
    # Share reaching a channel: 16 / 10,000 = 0.0016; interval 16 / V_upper .. 16 / V_lower.
    assert result.reaching_share == pytest.approx(0.0016)
    assert result.reaching_share_lower == pytest.approx(16 / (100_000 * high))
    assert result.reaching_share_upper == pytest.approx(16 / (100_000 * low))
    # Band: 16 / 16,290.8 = 0.00098 .. 30 / 5,494.9 = 0.0054596.
    assert result.reaching_share_band_lower == pytest.approx(16 / band_high)
    assert result.reaching_share_band_upper == pytest.approx(30 / band_low)
    assert result.reaching_share_band_upper == pytest.approx(0.0054596, abs=1e-6)
    assert result.notes == ()


def test_without_a_published_deduplicated_count_registrations_count_as_persons():
    hidden_cases = {2023: RegisteredCases(2023, 50, False)}
    result = compare(SURVEY, publication_with(GROUNDS_2023, total=50), hidden_cases)
    assert result.comparable
    assert result.cases is None and result.cases_per_registration == 1.0
    assert result.registered_persons == 20  # 20 registrations on 'ras', not linked
    assert "not_deduplicated" in result.notes


@pytest.mark.parametrize("hidden", ["ras", "nationaliteit"])
def test_a_hidden_register_cell_refuses_the_year(hidden):
    grounds = {**GROUNDS_2023, hidden: None}
    result = compare(SURVEY, publication_with(grounds, total=50), LINKED)
    assert not result.comparable
    assert result.reasons == ("register_hidden",)
    assert result.hidden_grounds == (hidden,)
    assert result.experienced is None and result.reaching_share is None


def test_a_hidden_cell_of_another_ground_does_not_matter():
    grounds = {**GROUNDS_2023, "geslacht": None}
    assert compare(SURVEY, publication_with(grounds, total=50), LINKED).comparable


def test_a_year_without_registrations_is_not_compared():
    other_year = replace(SURVEY, year=2019)
    result = compare(other_year, publication_with(GROUNDS_2023, total=50), LINKED)
    assert result.reasons == ("no_register_year",)


def test_the_surveys_of_the_reference_file_are_matched_or_refused_with_their_reasons():
    assert tuple(s.id for s in surveys()) == SURVEY_IDS
    results = {r.id: r for r in compare_surveys(publication_with(GROUNDS_2023, total=50), LINKED)}
    assert results["per2023_racism"].comparable
    # 'ever' (and a press figure) is not one year
    assert results["werk2019_discrimination"].reasons == ("ever", "secondary_figure")
    # all Dutch employees are not sector Rijk staff; no sample size given
    assert results["nea2022_discrimination"].reasons == ("other_population", "sample_size_unknown")
    # no sample size: no interval
    assert results["rijk2021_discrimination"].reasons == ("sample_size_unknown",)
    # reporting shares of other populations, not prevalences (the CBS 3%: any setting)
    for survey_id in ("cbs2021_report_anywhere", "cbs2021_report_employer", "fra2017_report"):
        assert results[survey_id].reasons == ("reporting_share", "other_population")


def test_the_reference_survey_of_2023_by_hand():
    per = next(s for s in surveys() if s.id == "per2023_racism")
    # 4,481 of 14,304 invited responded (Rijksoverheid, 9 Feb 2024): 31.3%
    assert per.response_rate == pytest.approx(4481 / 14304, abs=5e-4)
    result = compare(per, publication_with(GROUNDS_2023, total=50), LINKED)
    # V = 139,845 * 0.10 = 13,984.5
    assert result.experienced == pytest.approx(13_984.5)
    # n* = (4,481 / 2) * 139,844 / 135,364 = 2,314.65
    assert result.effective_sample_size == pytest.approx(2240.5 * 139_844 / 135_364)


def test_published_rounding_is_half_a_unit_of_the_last_digit():
    assert published_rounding(0.10) == pytest.approx(0.005)
    assert published_rounding(0.103) == pytest.approx(0.0005)
    assert published_rounding(0.5) == pytest.approx(0.005)  # a share with a whole percent
