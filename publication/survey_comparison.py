"""Survey comparison, domain part: each survey of data/reference/surveys.csv matched to the register
on ground, period, unit and population where it can be, or refused with its reasons; from the
protected publication only (presentation.survey_comparison turns the results into words, tables
and charts; docs/survey_comparison.md gives the definitions and sources).

What is matched, for a survey that can be:
- ground: a racism survey against the published registrations whose legal ground is 'ras' (the
  contract maps 'herkomst' and 'huidskleur' to it); a survey of discrimination in general against
  the legal grounds. The band adds the grounds a respondent may also call racism ('nationaliteit',
  'godsdienst') or that may hide it (for discrimination in general: 'overig', 'onbekend', 'niet
  ingevuld').
- period: the survey's past 12 months (or its calendar year) against the register's calendar year
  of the survey. A survey of 'ever' is not matched.
- unit: persons against persons. The register counts registrations; link keys make them cases (one
  case reaching several channels of one ministry counts once). The published cases per
  registration of all discrimination reports of that year are applied to the ground's
  registrations, and one case is taken to be one person. Without a published deduplicated count
  the registrations themselves are used (said so).
- population: sector Rijk staff only; persons from the survey's population size, else fte.

The intervals: the experienced number has a sampling interval (Wilson, effective sample size n /
deff with the finite-population correction, analysis.survey.wilson_interval) with a stated design
effect scenario, since no design effect is published; the band widens it by the stated scenarios
for what the sampling interval leaves out: the rounding of the published share, non-response
(non-respondents' prevalence between NONRESPONSE_FACTORS times the respondents'), the grounds and
the deduplication. The band is a sensitivity range, not a confidence interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.survey import round_one_in, wilson_interval
from base.reference import Survey, sector_rijk_fte, surveys
from etl.contract import GROUNDS
from etl.queries import NOT_FILLED_IN
from publication.measures import DISCRIMINATION
from publication.protected import Publication
from publication.underreporting import RegisteredCases

# Every survey of data/reference/surveys.csv, in its order; base/texts/survey.py holds each one's
# definition and source in Dutch and English under these ids.
SURVEY_IDS: tuple[str, ...] = (
    "per2023_racism",
    "rijk2021_discrimination",
    "werk2019_discrimination",
    "nea2022_discrimination",
    "cbs2021_report_anywhere",
    "cbs2021_report_employer",
    "fra2017_report",
)

SECTOR_RIJK_POPULATION = "sector Rijk staff"
MATCHED_PERIODS = ("past_12_months", "calendar_year")
LEVEL = 0.95
# No design effect is published for these surveys. A weighted staff survey typically has one
# between 1 and 2 (Kish: 1 + CV^2 of the weights); the interval takes 2, the cautious end.
DESIGN_EFFECT_SCENARIO = 2.0
# Non-respondents may have experienced it less often (people with an experience answer a survey
# on it more readily) or more often (they avoid it); no source measures this for these surveys,
# so the band lets their prevalence run from half to one and a half times the respondents'.
NONRESPONSE_FACTORS = (0.5, 1.5)

# Grounds matched to a survey subject: (the grounds of the point estimate, the grounds of the
# band's upper end). Legal grounds only in the first; the second adds what may also be meant.
_LEGAL_GROUNDS = tuple(g for g in GROUNDS if g not in ("overig", "onbekend"))
SUBJECTS: tuple[str, ...] = ("racism", "discrimination")
SUBJECT_GROUNDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "racism": (("ras",), ("ras", "nationaliteit", "godsdienst")),
    "discrimination": (_LEGAL_GROUNDS, (*GROUNDS, NOT_FILLED_IN)),
}

# Why a survey or year is not compared (texts survey.reason.<code>), in the order they are checked.
REASONS: tuple[str, ...] = (
    "reporting_share",
    "other_population",
    "ever",
    "period_unknown",
    "secondary_figure",
    "sample_size_unknown",
    "workforce_unknown",
    "no_register_year",
    "register_unavailable",
    "register_hidden",
)
# Remarks on a comparison that was made (texts survey.note.<code>).
NOTES: tuple[str, ...] = ("fte_approximates_persons", "not_deduplicated")


@dataclass(frozen=True)
class SurveyComparison:
    """One survey set beside the register, or the reasons it is not.

    comparable: False with reasons (REASONS codes, every one that applies) and, for a hidden
    register cell, the grounds hidden; nothing else is then filled in.

    Survey side (persons): workforce N (unit 'persons' or 'fte'), prevalence p, sample size n,
    response_rate r (None: not published), design_effect (DESIGN_EFFECT_SCENARIO).
    experienced V = N p; experienced_lower/upper = N times the Wilson limits of p with
    n* = (n / deff) (N - 1) / (N - n).
    experienced_band_lower = N * wilson_lower(p - rounding) * (r + (1 - r) k_low),
    experienced_band_upper = N * wilson_upper(p + rounding) * (r + (1 - r) k_high), with
    rounding half a unit of the published share's last digit and (k_low, k_high) =
    NONRESPONSE_FACTORS (r unknown: taken as 0, so the factor is k itself).

    Register side (persons): registrations = the published count of the year on `grounds`;
    band_registrations = on `band_grounds`; cases_per_registration = published cases /
    published registrations of all discrimination reports of the year (1 when not
    deduplicated). registered_persons = registrations * cases_per_registration (one case, one
    person); registered_persons_upper = band_registrations (not deduplicated).

    Share reaching a registered channel: reaching_share = registered_persons / V;
    reaching_share_lower/upper = registered_persons / experienced_upper .. / experienced_lower
    (sampling only); reaching_share_band_lower = registered_persons / experienced_band_upper,
    reaching_share_band_upper = registered_persons_upper / experienced_band_lower.
    """

    survey: Survey
    comparable: bool
    reasons: tuple[str, ...] = ()
    hidden_grounds: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    grounds: tuple[str, ...] = ()
    band_grounds: tuple[str, ...] = ()
    workforce: float | None = None
    workforce_unit: str = "persons"
    response_rate: float | None = None
    design_effect: float = DESIGN_EFFECT_SCENARIO
    rounding: float = 0.0
    effective_sample_size: float | None = None
    experienced: float | None = None
    experienced_lower: float | None = None
    experienced_upper: float | None = None
    experienced_band_lower: float | None = None
    experienced_band_upper: float | None = None
    registrations: int | None = None
    band_registrations: int | None = None
    cases: int | None = None
    all_registrations: int | None = None
    cases_per_registration: float | None = None
    registered_persons: float | None = None
    registered_persons_upper: float | None = None
    reaching_share: float | None = None
    reaching_share_lower: float | None = None
    reaching_share_upper: float | None = None
    reaching_share_band_lower: float | None = None
    reaching_share_band_upper: float | None = None

    @property
    def id(self) -> str:
        return self.survey.id

    @property
    def year(self) -> int:
        return self.survey.year


def published_rounding(value: float) -> float:
    """Half a unit of the last digit the share was published with: 0.10 (a whole percent) ->
    0.005, 0.103 -> 0.0005. The share in the source is itself rounded ('about 10%')."""
    for decimals in range(2, 7):
        if math.isclose(value, round(value, decimals), abs_tol=1e-12):
            return 0.5 * 10.0**-decimals
    return 0.0


def survey_reasons(survey: Survey) -> list[str]:
    """The reasons a survey cannot be matched to the register, whatever the register holds."""
    reasons = []
    if survey.subject not in SUBJECT_GROUNDS:
        reasons.append("reporting_share")
    if survey.population != SECTOR_RIJK_POPULATION:
        reasons.append("other_population")
    if reasons and survey.subject not in SUBJECT_GROUNDS:
        return reasons  # a share of victims elsewhere: period and sample do not matter then
    if survey.period == "ever":
        reasons.append("ever")
    elif survey.period not in MATCHED_PERIODS:
        reasons.append("period_unknown")
    if survey.kind == "secondary":
        reasons.append("secondary_figure")
    if survey.sample_size is None:
        reasons.append("sample_size_unknown")
    return reasons


def _workforce(survey: Survey) -> tuple[float | None, str]:
    if survey.population_size:
        return float(survey.population_size), "persons"
    fte = sector_rijk_fte().get(survey.year)
    return (fte.fte, "fte") if fte is not None else (None, "fte")


def _ground_counts(
    publication: Publication, year: int, grounds: Sequence[str]
) -> tuple[dict[str, int], tuple[str, ...]] | None:
    """The published registrations of the year per ground, and the grounds hidden (None: the
    table is not published, or the year is not in it)."""
    if not publication.is_available(DISCRIMINATION, "ground"):
        return None
    values = publication.table(DISCRIMINATION, "ground").values
    if year not in values.columns:
        return None
    shown: dict[str, int] = {}
    hidden = []
    for ground in grounds:
        value = values[year].get(ground, 0)  # a ground no file used is an unpublished 0
        if pd.isna(value):
            hidden.append(ground)
        else:
            shown[ground] = int(value)
    return shown, tuple(hidden)


def compare(
    survey: Survey,
    publication: Publication,
    registered: Mapping[int, RegisteredCases],
    *,
    design_effect: float = DESIGN_EFFECT_SCENARIO,
    level: float = LEVEL,
) -> SurveyComparison:
    """One survey beside the register of its year (see SurveyComparison for every field)."""
    reasons = survey_reasons(survey)
    workforce, unit = _workforce(survey)
    if workforce is None:
        reasons.append("workforce_unknown")
    if reasons:
        return SurveyComparison(survey, False, tuple(reasons))
    grounds, band_grounds = SUBJECT_GROUNDS[survey.subject]
    if survey.year not in publication.years:
        return SurveyComparison(survey, False, ("no_register_year",))
    counts = _ground_counts(publication, survey.year, band_grounds)
    totals = publication.year_totals(DISCRIMINATION)
    if counts is None or pd.isna(totals.get(survey.year, pd.NA)):
        return SurveyComparison(survey, False, ("register_unavailable",))
    shown, hidden = counts
    if hidden:
        return SurveyComparison(survey, False, ("register_hidden",), hidden_grounds=hidden)
    assert workforce is not None and survey.sample_size is not None

    notes = ["fte_approximates_persons"] if unit == "fte" else []
    # The survey side: V = N p with its sampling interval, then the band.
    n, p = survey.sample_size, survey.value
    variance_factor = (workforce - n) / (workforce - 1)
    effective = n / design_effect / variance_factor
    p_lower, p_upper = wilson_interval(p, effective, level)
    rounding = published_rounding(p)
    band_p_lower = wilson_interval(max(p - rounding, 0.0), effective, level)[0]
    band_p_upper = wilson_interval(min(p + rounding, 1.0), effective, level)[1]
    r = survey.response_rate if survey.response_rate is not None else 0.0
    low_factor, high_factor = (r + (1 - r) * k for k in NONRESPONSE_FACTORS)
    experienced = workforce * p
    band_lower = workforce * band_p_lower * low_factor
    band_upper = workforce * band_p_upper * high_factor

    # The register side: persons from the published registrations and cases.
    registrations = sum(shown[g] for g in grounds)
    band_registrations = sum(shown.values())
    all_registrations = int(totals[survey.year])
    year_cases = registered.get(survey.year)
    if year_cases is not None and year_cases.deduplicated and year_cases.value is not None:
        cases = int(year_cases.value)
        per_registration = cases / all_registrations if all_registrations else 1.0
    else:
        cases, per_registration = None, 1.0
        notes.append("not_deduplicated")
    persons = registrations * per_registration

    def share(count: float, people: float) -> float | None:
        return count / people if people > 0 else None

    return SurveyComparison(
        survey,
        True,
        notes=tuple(notes),
        grounds=grounds,
        band_grounds=band_grounds,
        workforce=workforce,
        workforce_unit=unit,
        response_rate=survey.response_rate,
        design_effect=design_effect,
        rounding=rounding,
        effective_sample_size=effective,
        experienced=experienced,
        experienced_lower=workforce * p_lower,
        experienced_upper=workforce * p_upper,
        experienced_band_lower=band_lower,
        experienced_band_upper=band_upper,
        registrations=registrations,
        band_registrations=band_registrations,
        cases=cases,
        all_registrations=all_registrations,
        cases_per_registration=per_registration,
        registered_persons=persons,
        registered_persons_upper=float(band_registrations),
        reaching_share=share(persons, experienced),
        reaching_share_lower=share(persons, workforce * p_upper),
        reaching_share_upper=share(persons, workforce * p_lower),
        reaching_share_band_lower=share(persons, band_upper),
        reaching_share_band_upper=share(band_registrations, band_lower),
    )


def compare_surveys(
    publication: Publication,
    registered: Mapping[int, RegisteredCases],
    chosen: Sequence[Survey] | None = None,
) -> tuple[SurveyComparison, ...]:
    """Every survey of surveys.csv (or `chosen`), in its order, beside the register."""
    return tuple(
        compare(survey, publication, registered)
        for survey in (surveys() if chosen is None else chosen)
    )


# --- the numbers shown, for the registry (publication.shown) -------------------------------------

CONCERNS = "ja;deels"  # the register side counts reports concerning discrimination (ja, deels)
ALL = "*"
# The statistics (last part of the name) that are proportions 0..1, shown as percentages.
PROPORTIONS = frozenset(
    {
        "reaching_share",
        "reaching_share_lower",
        "reaching_share_upper",
        "reaching_share_band_lower",
        "reaching_share_band_upper",
        "prevalence",
        "prevalence_rounding_lower",
        "prevalence_rounding_upper",
        "response_rate",
    }
)
# A number computed from the year's discrimination reports on every ground (concerns ja;deels):
# registry rows with ground ALL and concerns CONCERNS.
ALL_DISCRIMINATION = "all_grounds"


def significant(value: float, digits: int = 2) -> float:
    """Round half away from zero to `digits` significant figures: 13,984.5 -> 14,000;
    15.55 -> 16; 0.0011116 -> 0.0011; 0 -> 0."""
    if value == 0 or not math.isfinite(value):
        return value
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    scaled = abs(value) / 10.0**exponent
    rounded = math.floor(scaled + 0.5) * 10.0**exponent
    # Undo the binary dust of the power of ten (0.0011 not 0.0011000000000000001).
    return math.copysign(round(rounded, max(0, -exponent)), value)


def one_in_value(value: float | None) -> float | None:
    """X of '1 in X' for a share, as shown (two significant figures); None for no share."""
    return round_one_in(1 / value) if value else None


@dataclass(frozen=True)
class SurveyShownNumber:
    """A number the survey comparison shows, as shown, for the registry (publication.shown).

    statistic: 'survey:<survey id>:<name>'; year: the survey (and register) year; ground and
    concerns: the register cells it is computed from, codes joined by ';' (ALL for a number of
    the survey alone); value: as shown (two significant figures; shares as proportions);
    definition: how it is computed, in words.
    """

    statistic: str
    year: str
    ground: str
    concerns: str
    value: float
    definition: str


def shown_numbers(comparison: SurveyComparison) -> tuple[SurveyShownNumber, ...]:
    """Every number the section shows of one compared survey (none for a refused one)."""
    c = comparison
    if not c.comparable:
        return ()
    narrow = ";".join(c.grounds)
    wide = ";".join(c.band_grounds)
    persons = (
        f"published registrations on {narrow} x published cases / published registrations of "
        "all discrimination reports of the year (link keys; one case = one person)"
        if c.cases is not None
        else f"published registrations on {narrow} (not deduplicated)"
    )
    survey = f"N = {c.workforce:g} {c.workforce_unit}, p = {c.survey.value:g}, n = {c.survey.sample_size}"
    wilson = f"Wilson 95% with n* = (n / {c.design_effect:g}) (N - 1) / (N - n)"
    band = (
        f"N x Wilson limit of p -/+ {c.rounding:g} x (r + (1 - r) k), r = {c.response_rate}, "
        f"k = {NONRESPONSE_FACTORS}"
    )
    rows = [
        ("experienced", ALL, c.experienced, f"V = N p; {survey}"),
        ("experienced_lower", ALL, c.experienced_lower, f"N x lower {wilson}; {survey}"),
        ("experienced_upper", ALL, c.experienced_upper, f"N x upper {wilson}; {survey}"),
        ("experienced_band_lower", ALL, c.experienced_band_lower, f"lower {band}; {survey}"),
        ("experienced_band_upper", ALL, c.experienced_band_upper, f"upper {band}; {survey}"),
        ("registered_persons", narrow, c.registered_persons, persons),
        (
            "registered_persons_upper",
            wide,
            c.registered_persons_upper,
            f"published registrations on {wide}",
        ),
        ("reaching_share", narrow, c.reaching_share, "registered_persons / experienced"),
        (
            "reaching_share_lower",
            narrow,
            c.reaching_share_lower,
            "registered_persons / experienced_upper",
        ),
        (
            "reaching_share_upper",
            narrow,
            c.reaching_share_upper,
            "registered_persons / experienced_lower",
        ),
        (
            "reaching_share_band_lower",
            narrow,
            c.reaching_share_band_lower,
            "registered_persons / experienced_band_upper",
        ),
        (
            "reaching_share_band_upper",
            wide,
            c.reaching_share_band_upper,
            "registered_persons_upper / experienced_band_lower",
        ),
    ]
    # The '1 in X' of the sentence, as shown (X rounded to two significant figures).
    rows += [
        ("prevalence_one_in", ALL, one_in_value(c.survey.value), "1 / p"),
        ("reaching_one_in", narrow, one_in_value(c.reaching_share), "1 / reaching_share"),
        (
            "reaching_one_in_band_lower",
            wide,
            one_in_value(c.reaching_share_band_upper),
            "1 / reaching_share_band_upper",
        ),
        (
            "reaching_one_in_band_upper",
            narrow,
            one_in_value(c.reaching_share_band_lower),
            "1 / reaching_share_band_lower",
        ),
    ]
    # The survey's own published figures and the stated assumptions of the assumptions table
    # (not computed from reports), as that table shows them (not at two significant figures),
    # and the year's cases per registration (from two published numbers: the deduplicated cases
    # and the registrations of all discrimination reports).
    low, high = NONRESPONSE_FACTORS
    exact = [
        ("prevalence", ALL, c.survey.value, 3, "p as published"),
        ("prevalence_rounding_lower", ALL, c.survey.value - c.rounding, 3, "p - rounding"),
        ("prevalence_rounding_upper", ALL, c.survey.value + c.rounding, 3, "p + rounding"),
        ("workforce", ALL, c.workforce, 0, f"N ({c.workforce_unit})"),
        ("sample_size", ALL, c.survey.sample_size, 0, "n as published"),
        ("response_rate", ALL, c.response_rate, 2, "as published"),
        ("design_effect", ALL, c.design_effect, 1, "stated scenario"),
        ("effective_sample_size", ALL, c.effective_sample_size, 0, "(n / deff)(N - 1)/(N - n)"),
        ("nonresponse_factor_lower", ALL, low, 1, "stated scenario"),
        ("nonresponse_factor_upper", ALL, high, 1, "stated scenario"),
    ]
    if c.cases is not None:
        exact.append(
            (
                "cases_per_registration",
                ALL_DISCRIMINATION,
                c.cases_per_registration,
                2,
                "published cases / published registrations of all discrimination reports",
            )
        )
    concerns = {ALL: ALL}
    return tuple(
        SurveyShownNumber(
            f"survey:{c.id}:{name}",
            str(c.year),
            ALL if ground == ALL_DISCRIMINATION else ground,
            concerns.get(ground, CONCERNS),
            significant(value),
            definition,
        )
        for name, ground, value, definition in rows
        if value is not None
    ) + tuple(
        SurveyShownNumber(
            f"survey:{c.id}:{name}",
            str(c.year),
            ALL if ground == ALL_DISCRIMINATION else ground,
            concerns.get(ground, CONCERNS),
            round(float(value), decimals),
            definition,
        )
        for name, ground, value, decimals, definition in exact
        if value is not None
    )


__all__ = [
    "PROPORTIONS",
    "SurveyShownNumber",
    "one_in_value",
    "shown_numbers",
    "significant",
    "DESIGN_EFFECT_SCENARIO",
    "NONRESPONSE_FACTORS",
    "NOTES",
    "REASONS",
    "SUBJECTS",
    "SUBJECT_GROUNDS",
    "SURVEY_IDS",
    "SurveyComparison",
    "compare",
    "compare_surveys",
    "published_rounding",
    "survey_reasons",
]
