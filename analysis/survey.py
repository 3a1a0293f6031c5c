"""Survey-based dark number: workforce, prevalence and reports in, under-reporting estimate out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats

from base.texts import text

DEFAULT_LEVEL = 0.95
# Below this sampling fraction the finite-population correction changes the interval by less than
# 2.5%, so it is applied silently; above it a note tells the reader it matters.
NOTABLE_SAMPLING_FRACTION = 0.05

# Published shares of people who experienced discrimination and reported it, for the scenario
# band (data/reference/surveys.csv holds the sources in full).
PUBLISHED_REPORTING_RATES: tuple[tuple[str, float], ...] = (
    ("CBS Veiligheidsmonitor 2021: gemeld bij eigen werkgever of school", 0.03),
    ("CBS Veiligheidsmonitor 2021: ergens gemeld (bovengrens)", 0.10),
    ("FRA EU-MIDIS II 2016: laatste incident gemeld", 0.12),
)


def note_text(code: str, lang: str = "nl") -> str:
    """The sentence for a note code, in Dutch ("nl") or English ("en")."""
    return text(f"survey.note.{code}", lang)


def round_one_in(ratio: float | None) -> float | None:
    """Round X of "about 1 in X" to two significant figures (466 -> 470, 33.3 -> 33, 4.67 -> 4.7).

    Two figures because the survey interval rarely supports a third. None for X < 1 (more
    reports than people with an experience) or an undefined X.
    """
    if ratio is None or not math.isfinite(ratio) or ratio < 1:
        return None
    digits = 1 - math.floor(math.log10(ratio))
    rounded = round(ratio, digits)
    return float(int(rounded)) if rounded >= 10 else rounded


def wilson_interval(
    proportion: float, effective_sample_size: float, level: float = DEFAULT_LEVEL
) -> tuple[float, float]:
    """Wilson score interval for a proportion p with (effective) sample size n*:

        centre = (p + z^2 / (2 n*)) / (1 + z^2 / n*)
        half   = z / (1 + z^2 / n*) * sqrt(p (1 - p) / n* + z^2 / (4 n*^2))

    Wilson rather than Wald because prevalences near 0 are common here and Wald then gives
    negative limits and poor coverage (Brown, Cai and DasGupta 2001); Wilson rather than Jeffreys
    because it has a closed form that can be checked by hand. n* may be non-integer and math.inf
    (a census: the interval is the point).
    """
    if math.isinf(effective_sample_size):
        return proportion, proportion
    z = float(stats.norm.ppf(0.5 + level / 2))
    z2_over_n = z * z / effective_sample_size
    centre = (proportion + z2_over_n / 2) / (1 + z2_over_n)
    half = (z / (1 + z2_over_n)) * math.sqrt(
        proportion * (1 - proportion) / effective_sample_size
        + z2_over_n / (4 * effective_sample_size)
    )
    # At p = 0 (or 1) the limit is exactly 0 (or 1); the subtraction would leave rounding dust.
    lower = 0.0 if proportion == 0 else max(0.0, centre - half)
    upper = 1.0 if proportion == 1 else min(1.0, centre + half)
    return lower, upper


@dataclass(frozen=True)
class DarkNumberEstimate:
    """Survey-based estimate of how many people had an experience and how few reported it.

    Inputs, as given:
    workforce_size: N, the population the survey prevalence applies to. workforce_unit: "fte" or
        "persons". The product passes fte of sector Rijk as an approximation for persons (note
        "fte_approximates_persons").
    prevalence: p, the survey share of staff who experienced discrimination in the period.
    sample_size: n, survey respondents (None: unknown, then no intervals).
    design_effect: deff of the survey design (1 for simple random sampling).
    registered_reports: R, reports in the register for the same period, deduplicated by link key
        where possible (done by the caller).
    reporting_share: q, share of victims who report, when known from elsewhere (else None).
    level: confidence level of the intervals.

    Derived (None where not estimable or no interval can be given):
    estimable: False when N or p is missing; reason then gives the note code.
    effective_sample_size: n* = (n / deff) * (N - 1) / (N - n): the design effect shrinks the
        sample, the finite-population correction (variance factor (N - n) / (N - 1), i.e. the
        factor sqrt((N - n) / (N - 1)) on the standard error) enlarges it; math.inf for a census.
    finite_population_factor: sqrt((N - n) / (N - 1)), the factor on the standard error.
    prevalence_lower, prevalence_upper: Wilson interval for p with n* (see wilson_interval).
    victims: V = N p, expected number of people with an experience; victims_lower/upper = N times
        the Wilson limits.
    reporting_ratio: R / V; its interval is R / V_upper .. R / V_lower. Because R and N are
        treated as fixed (R is a complete count of the register, N an administrative total), R/V
        is a decreasing function of p alone, so transforming the Wilson limits is exact and keeps
        the interval's asymmetry; the delta method would give a symmetric interval that can go
        below zero for small p, and Monte Carlo would only approximate this same transformation.
        math.inf as upper limit when V_lower is 0.
    one_in_x: X = V / R rounded to two significant figures ("about 1 in X is reported");
        one_in_x_lower/upper from the V limits, rounded alike. None when R = 0 or X < 1.
    dark_number: V - R with limits V_lower - R .. V_upper - R. Can be negative when there are
        more reports than estimated victims (note "reports_exceed_victims"); not clipped.
    expected_registrations: N p q when q is known, with limits N q p_lower .. N q p_upper;
        compare with registered_reports.
    interval_method: how the intervals were made, in words.
    notes: codes of remarks for the reader; note_text(code, lang) gives the sentence.
    """

    estimable: bool
    reason: str | None
    workforce_size: float | None
    workforce_unit: str
    prevalence: float | None
    sample_size: int | None
    design_effect: float
    registered_reports: int
    reporting_share: float | None
    level: float
    effective_sample_size: float | None
    finite_population_factor: float | None
    prevalence_lower: float | None
    prevalence_upper: float | None
    victims: float | None
    victims_lower: float | None
    victims_upper: float | None
    reporting_ratio: float | None
    reporting_ratio_lower: float | None
    reporting_ratio_upper: float | None
    one_in_x: float | None
    one_in_x_lower: float | None
    one_in_x_upper: float | None
    dark_number: float | None
    dark_number_lower: float | None
    dark_number_upper: float | None
    expected_registrations: float | None
    expected_registrations_lower: float | None
    expected_registrations_upper: float | None
    interval_method: str
    notes: tuple[str, ...]


INTERVAL_METHOD = (
    "Wilson score interval for p with effective sample size n/deff and finite-population "
    "correction; its limits are transformed to V = Np, R/V, V/R and V - R (R and N fixed)."
)


def _validate(
    workforce_size: float | None,
    workforce_unit: str,
    prevalence: float | None,
    sample_size: int | None,
    design_effect: float,
    registered_reports: int,
    reporting_share: float | None,
    level: float,
) -> None:
    if workforce_unit not in ("fte", "persons"):
        raise ValueError(f"workforce_unit must be 'fte' or 'persons', not {workforce_unit!r}")
    if workforce_size is not None and not workforce_size > 0:
        raise ValueError(f"workforce size must be positive, got {workforce_size}")
    if prevalence is not None and not 0 <= prevalence <= 1:
        raise ValueError(f"prevalence must be a share between 0 and 1, got {prevalence}")
    if sample_size is not None:
        if int(sample_size) != sample_size or sample_size < 1:
            raise ValueError(f"sample size must be a whole number >= 1, got {sample_size}")
        if workforce_size is not None and sample_size > workforce_size:
            raise ValueError(
                f"sample size {sample_size} exceeds the workforce size {workforce_size}"
            )
    if not design_effect > 0:
        raise ValueError(f"design effect must be positive, got {design_effect}")
    if int(registered_reports) != registered_reports or registered_reports < 0:
        raise ValueError(
            f"registered reports must be a whole number >= 0, got {registered_reports}"
        )
    if reporting_share is not None and not 0 < reporting_share <= 1:
        raise ValueError(f"reporting share must be in (0, 1], got {reporting_share}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")


def estimate_dark_number(
    workforce_size: float | None,
    prevalence: float | None,
    registered_reports: int,
    *,
    sample_size: int | None = None,
    design_effect: float = 1.0,
    reporting_share: float | None = None,
    workforce_unit: str = "fte",
    level: float = DEFAULT_LEVEL,
) -> DarkNumberEstimate:
    """Compare a survey prevalence with the register (see DarkNumberEstimate for every field).

    V = N p people had an experience; R reports were registered; R / V is the reporting ratio,
    V / R the "1 in X", V - R the dark number, and N p q the registrations expected when a
    reporting share q is known. Intervals come from the Wilson interval for p.

    Missing N or p gives a result with estimable=False and the reason; values that cannot be
    right (p outside [0, 1], n > N, negative R) raise ValueError.
    """
    _validate(
        workforce_size,
        workforce_unit,
        prevalence,
        sample_size,
        design_effect,
        registered_reports,
        reporting_share,
        level,
    )
    registered_reports = int(registered_reports)
    notes: list[str] = []
    if workforce_unit == "fte":
        notes.append("fte_approximates_persons")
    missing = (
        "workforce_size_missing"
        if workforce_size is None
        else "prevalence_missing"
        if prevalence is None
        else None
    )
    if missing is not None:
        return DarkNumberEstimate(
            estimable=False,
            reason=missing,
            workforce_size=workforce_size,
            workforce_unit=workforce_unit,
            prevalence=prevalence,
            sample_size=sample_size,
            design_effect=design_effect,
            registered_reports=registered_reports,
            reporting_share=reporting_share,
            level=level,
            **dict.fromkeys(_DERIVED_FIELDS),
            interval_method=INTERVAL_METHOD,
            notes=(*notes, missing),
        )
    assert workforce_size is not None and prevalence is not None

    victims = workforce_size * prevalence
    if sample_size is None:
        notes.append("sample_size_unknown")
        effective, fpc_factor, limits = None, None, None
    else:
        population_share = sample_size / workforce_size
        if sample_size >= workforce_size:
            notes.append("census")
            effective, fpc_factor = math.inf, 0.0
        else:
            variance_factor = (workforce_size - sample_size) / (workforce_size - 1)
            fpc_factor = math.sqrt(variance_factor)
            effective = sample_size / design_effect / variance_factor
            if population_share >= NOTABLE_SAMPLING_FRACTION:
                notes.append("finite_population_correction")
        limits = wilson_interval(prevalence, effective, level)

    def scaled(share: float | None, factor: float) -> float | None:
        return None if share is None else share * factor

    p_lower, p_upper = limits if limits else (None, None)
    victims_lower = scaled(p_lower, workforce_size)
    victims_upper = scaled(p_upper, workforce_size)

    reports = registered_reports

    def reports_per(people: float | None) -> float | None:
        # A limit of V = 0 is reached only at the edge of the interval: R/V then grows without
        # bound (or stays 0 when R = 0), so it is a limit, not an undefined point.
        if people is None:
            return None
        if people == 0:
            return 0.0 if reports == 0 else math.inf
        return reports / people

    if reports == 0:
        notes.append("no_reports")
    if prevalence == 0:
        notes.append("zero_prevalence")
    if reports > victims and prevalence > 0:
        notes.append("reports_exceed_victims")

    reporting_ratio = reports / victims if victims > 0 else None
    one_in_x = round_one_in(victims / reports) if reports else None

    def minus_reports(value: float | None) -> float | None:
        return None if value is None else value - reports

    expected = lower_expected = upper_expected = None
    if reporting_share is not None:
        expected = victims * reporting_share
        lower_expected = scaled(victims_lower, reporting_share)
        upper_expected = scaled(victims_upper, reporting_share)

    return DarkNumberEstimate(
        estimable=True,
        reason=None,
        workforce_size=workforce_size,
        workforce_unit=workforce_unit,
        prevalence=prevalence,
        sample_size=sample_size,
        design_effect=design_effect,
        registered_reports=reports,
        reporting_share=reporting_share,
        level=level,
        effective_sample_size=effective,
        finite_population_factor=fpc_factor,
        prevalence_lower=p_lower,
        prevalence_upper=p_upper,
        victims=victims,
        victims_lower=victims_lower,
        victims_upper=victims_upper,
        reporting_ratio=reporting_ratio,
        reporting_ratio_lower=reports_per(victims_upper) if victims_upper else None,
        reporting_ratio_upper=reports_per(victims_lower),
        one_in_x=one_in_x,
        one_in_x_lower=round_one_in(victims_lower / reports) if reports and limits else None,
        one_in_x_upper=round_one_in(victims_upper / reports) if reports and limits else None,
        dark_number=victims - reports,
        dark_number_lower=minus_reports(victims_lower),
        dark_number_upper=minus_reports(victims_upper),
        expected_registrations=expected,
        expected_registrations_lower=lower_expected,
        expected_registrations_upper=upper_expected,
        interval_method=INTERVAL_METHOD,
        notes=tuple(notes),
    )


_DERIVED_FIELDS = (
    "effective_sample_size",
    "finite_population_factor",
    "prevalence_lower",
    "prevalence_upper",
    "victims",
    "victims_lower",
    "victims_upper",
    "reporting_ratio",
    "reporting_ratio_lower",
    "reporting_ratio_upper",
    "one_in_x",
    "one_in_x_lower",
    "one_in_x_upper",
    "dark_number",
    "dark_number_lower",
    "dark_number_upper",
    "expected_registrations",
    "expected_registrations_lower",
    "expected_registrations_upper",
)


@dataclass(frozen=True)
class ReportingScenario:
    """What the register implies if a given share of victims reports.

    label: where the rate comes from. reporting_rate: r. implied_victims: R / r.
    implied_dark_number: R / r - R. implied_prevalence: R / (r N) when the workforce N is given,
    else None.
    """

    label: str
    reporting_rate: float
    implied_victims: float
    implied_dark_number: float
    implied_prevalence: float | None


@dataclass(frozen=True)
class ScenarioBand:
    """A sensitivity range, not an interval: the register divided by several published reporting
    rates. scenarios: one per rate, in the order given. implied_victims_min/max: the band."""

    registered_reports: int
    scenarios: tuple[ReportingScenario, ...]
    implied_victims_min: float
    implied_victims_max: float


def scenario_band(
    registered_reports: int,
    rates: Sequence[tuple[str, float]] = PUBLISHED_REPORTING_RATES,
    workforce_size: float | None = None,
) -> ScenarioBand:
    """Implied number of victims R / r for each (label, rate r) pair.

    The rates come from other populations (all Dutch residents, EU minorities), so the band shows
    how much the answer depends on that borrowed number rather than giving a confidence interval.
    """
    if int(registered_reports) != registered_reports or registered_reports < 0:
        raise ValueError(
            f"registered reports must be a whole number >= 0, got {registered_reports}"
        )
    if not rates:
        raise ValueError("give at least one (label, rate) pair")
    if workforce_size is not None and not workforce_size > 0:
        raise ValueError(f"workforce size must be positive, got {workforce_size}")
    scenarios = []
    for label, rate in rates:
        if not 0 < rate <= 1:
            raise ValueError(f"reporting rate for {label!r} must be in (0, 1], got {rate}")
        implied = registered_reports / rate
        scenarios.append(
            ReportingScenario(
                label=label,
                reporting_rate=rate,
                implied_victims=implied,
                implied_dark_number=implied - registered_reports,
                implied_prevalence=None if workforce_size is None else implied / workforce_size,
            )
        )
    implied_all = [s.implied_victims for s in scenarios]
    return ScenarioBand(
        int(registered_reports), tuple(scenarios), min(implied_all), max(implied_all)
    )


__all__ = [
    "PUBLISHED_REPORTING_RATES",
    "DarkNumberEstimate",
    "ReportingScenario",
    "ScenarioBand",
    "estimate_dark_number",
    "note_text",
    "round_one_in",
    "scenario_band",
    "wilson_interval",
]
