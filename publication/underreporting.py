"""Under-reporting, domain part: the survey-based dark number and capture-recapture across the channels,
with their protection rules (presentation.underreporting turns them into sentences and tables)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from analysis.survey import DarkNumberEstimate, ScenarioBand, estimate_dark_number, scenario_band
from base.reference import sector_rijk_fte, surveys
from protection.rules import ProtectionRules
from publication.mse_disclosure import (
    WITHHELD_SMALL_OVERLAP,
    DisplayLevel,
    check_inversion,
    displayed,
)
from publication.protected import DISCRIMINATION, Publication

SECTOR_RIJK_POPULATION = "sector Rijk staff"
# Published reporting rates of other populations, used as a sensitivity band (data/reference/surveys.csv).
REPORTING_RATE_SURVEYS = ("cbs2021_report_employer", "cbs2021_report_anywhere", "fra2017_report")


@dataclass(frozen=True)
class SurveyInputs:
    """One year's inputs of the survey method, with where each default comes from."""

    year: int
    workforce_size: float | None
    workforce_unit: str  # 'persons' or 'fte'
    workforce_source: str
    prevalence: float
    prevalence_source: str
    sample_size: int | None
    design_effect: float = 1.0
    reporting_share: float | None = None

    def differs_from(self, other: SurveyInputs) -> bool:
        return (
            self.workforce_size,
            self.workforce_unit,
            self.prevalence,
            self.sample_size,
            self.design_effect,
            self.reporting_share,
        ) != (
            other.workforce_size,
            other.workforce_unit,
            other.prevalence,
            other.sample_size,
            other.design_effect,
            other.reporting_share,
        )


def default_inputs() -> dict[int, SurveyInputs]:
    """Per survey year of sector Rijk: prevalence and sample size from the survey; workforce from
    the survey's population size (persons) where given, else sector Rijk fte of that year."""
    fte = sector_rijk_fte()
    first_source = next(iter(fte.values())).source if fte else ""
    defaults: dict[int, SurveyInputs] = {}
    for survey in surveys():
        if survey.population != SECTOR_RIJK_POPULATION:
            continue
        if survey.population_size:
            size, unit, size_source = float(survey.population_size), "persons", survey.source
        elif survey.year in fte:
            source = fte[survey.year].source
            # The reference file writes 'same as 2015' for repeated sources; show the source itself.
            size, unit, size_source = (
                fte[survey.year].fte,
                "fte",
                first_source if source.startswith("same as") else source,
            )
        else:
            size, unit, size_source = None, "fte", ""
        defaults[survey.year] = SurveyInputs(
            year=survey.year,
            workforce_size=size,
            workforce_unit=unit,
            workforce_source=size_source,
            prevalence=survey.value,
            prevalence_source=f"{survey.id}: {survey.source}",
            sample_size=survey.sample_size,
        )
    return dict(sorted(defaults.items()))


def reporting_rates() -> list[tuple[str, float, str]]:
    """(id, rate, source) of the published reporting rates used for the scenario band."""
    by_id = {survey.id: survey for survey in surveys()}
    return [(i, by_id[i].value, by_id[i].source) for i in REPORTING_RATE_SURVEYS if i in by_id]


@dataclass(frozen=True)
class RegisteredCases:
    """Registered reports for the estimate: deduplicated cases where that can be shown safely."""

    year: int
    value: int | None  # None when hidden by protection
    deduplicated: bool


def protected_cases(
    raw: pd.DataFrame, publication: Publication, rules: ProtectionRules | None = None
) -> dict[int, RegisteredCases]:
    """Registered cases per year, deduplicated by link key, under the small-number rules.

    The registrations per year are published (protected) elsewhere; the deduplicated count is
    shown only when it is at least T and the number of duplicates (registrations - cases) is 0
    or at least T, since that difference could otherwise single out a few cases that reached
    several channels. Else the published registrations are used (not deduplicated, said so), or
    nothing when those are hidden too.
    """
    rules = rules or publication.rules
    published = publication.year_totals(DISCRIMINATION)
    result: dict[int, RegisteredCases] = {}
    for row in raw.itertuples():
        year = int(row.year)
        shown = published.get(year, pd.NA)
        duplicates = int(row.registrations) - int(row.cases)
        safe_cases = int(row.cases) >= rules.threshold and (
            duplicates == 0 or duplicates >= rules.threshold
        )
        if pd.isna(shown):
            result[year] = RegisteredCases(year, None, False)
        elif safe_cases:
            result[year] = RegisteredCases(year, int(row.cases), True)
        else:
            result[year] = RegisteredCases(year, int(shown), False)
    return result


@dataclass(frozen=True)
class SurveyResult:
    inputs: SurveyInputs
    defaults: SurveyInputs
    registered: RegisteredCases
    estimate: DarkNumberEstimate | None
    band: ScenarioBand | None

    @property
    def changed_by_user(self) -> bool:
        return self.inputs.differs_from(self.defaults)


def survey_result(
    inputs: SurveyInputs, defaults: SurveyInputs, registered: RegisteredCases
) -> SurveyResult:
    """V = N p with its interval, R/V, 1 in X, V - R and the scenario band R / r (analysis.survey)."""
    if registered.value is None:
        return SurveyResult(inputs, defaults, registered, None, None)
    estimate = estimate_dark_number(
        inputs.workforce_size,
        inputs.prevalence,
        registered.value,
        sample_size=inputs.sample_size,
        design_effect=inputs.design_effect,
        reporting_share=inputs.reporting_share,
        workforce_unit=inputs.workforce_unit,
    )
    band = scenario_band(
        registered.value,
        [(rate_id, rate) for rate_id, rate, _ in reporting_rates()],
        inputs.workforce_size,
    )
    return SurveyResult(inputs, defaults, registered, estimate, band)


def with_changes(inputs: SurveyInputs, **changes: object) -> SurveyInputs:
    return replace(inputs, **changes)


# --- multiple systems estimation ------------------------------------------------------------

MSE_LISTS: dict[str, str] = {
    "integriteitscoordinator": "IC",
    "meldpunt": "MP",
    "vertrouwenspersoon": "VP",
    "klachtencommissie": "KC",
}


@dataclass(frozen=True)
class MseResult:
    """Capture-recapture over the channels, years pooled; per year where that can be shown.

    estimable: False with a reason when the data cannot support the method (too few linked
    cases, no estimable model); then nothing else is shown. withheld_reason: estimable, but the
    outputs would give away a small overlap at any rounding; the estimates are kept (stored for
    analysts with warehouse access) and the page shows the reason instead.
    """

    estimable: bool
    reason: str | None
    n_observed: int | None = None
    chosen: object | None = None  # analysis.mse.PopulationEstimate (BIC, BCa bootstrap interval)
    stepwise: object | None = (
        None  # PopulationEstimate (Chan et al. 2021 stepwise, profile interval)
    )
    independence: object | None = None  # PopulationEstimate of the independence model
    model_range: object | None = None  # analysis.mse.ModelRange (AIC within 2)
    per_year: dict[int, object] | None = None  # year -> StratumEstimate, only where shown
    linked_cases: int = 0
    # How the outputs may be displayed so that they cannot be inverted to a small overlap or cell
    # of the capture table (publication.mse_disclosure): significant figures of estimates and
    # limits (None: whole numbers), whether each model of the AIC range gets its own row, or a
    # reason why nothing of the model is shown.
    display_digits: int | None = None
    aic_model_rows: bool = True
    withheld_reason: str | None = None

    @property
    def display(self) -> DisplayLevel:
        return DisplayLevel(self.display_digits, self.aic_model_rows)

    @property
    def shown(self) -> bool:
        """Whether the page shows model outputs (estimable and not withheld)."""
        return self.estimable and self.withheld_reason is None

    def displayed(self, value: float | None) -> float | None:
        """An estimate or limit as the page shows it."""
        return displayed(value, self.display_digits)


MIN_LINKED_CASES = 10
BOOTSTRAP_REPLICATES = 300
BOOTSTRAP_SEED = 2018


def mse_result(
    histories: pd.DataFrame,
    registered: dict[int, RegisteredCases],
    raw_cases: pd.DataFrame | None = None,
    rules: ProtectionRules | None = None,
) -> MseResult:
    """Fit log-linear models to the capture histories of all years together.

    Per-year estimates come from one pooled model with year as a stratum (analysis.mse.fit_pooled)
    and are shown only for years whose deduplicated count may be shown (protected_cases): the
    observed part of an estimate is that count. The pooled count of cases seen, minus the years
    shown, gives the years not shown together; it is refused when their duplicates come to 1..T-1.
    """
    # Imported on use: capture-recapture brings statsmodels and scipy.optimize.
    from analysis import mse

    rules = rules or ProtectionRules()
    if raw_cases is not None and not raw_cases.empty:
        hidden = raw_cases[
            [
                not (registered.get(int(y)) and registered[int(y)].deduplicated)
                for y in raw_cases["year"]
            ]
        ]
        duplicates = int((hidden["registrations"] - hidden["cases"]).sum())
        if 0 < duplicates < rules.threshold:
            return MseResult(False, "small_numbers")

    lists = [channel for channel in MSE_LISTS if channel in histories.columns]
    frame = histories.rename(columns=MSE_LISTS)
    names = [MSE_LISTS[channel] for channel in lists]
    seen_on = frame[names].sum(axis=1)
    linked = int(frame.loc[seen_on > 1, "count"].sum())
    if frame.empty or linked < MIN_LINKED_CASES:
        return MseResult(False, "too_few_linked", linked_cases=linked)
    pooled = frame.groupby(names, as_index=False)["count"].sum()
    table = mse.capture_table(pooled[[*names, "count"]])
    try:
        # BIC with a bootstrap that repeats the model choice: the combination that kept its coverage
        # in the simulation study (docs/mse.md); seeded so that a page shows the same interval.
        chosen = mse.estimate_population(
            table, "bic", "bca", n_boot=BOOTSTRAP_REPLICATES, seed=BOOTSTRAP_SEED
        )
        stepwise = mse.estimate_population(table, "stepwise", "profile")
        independence = mse.estimate_population(table, "independence", "profile")
        models = mse.model_range(table, "aic", 2.0)
    except mse.NotEstimableError:
        return MseResult(False, "not_estimable", linked_cases=linked)
    per_year: dict[int, object] = {}
    try:
        stratified = mse.fit_pooled(
            frame[["year", *names, "count"]],
            interactions=chosen.model if chosen.model != "independence" else (),
        )
        for stratum in stratified.years:
            year = int(stratum.label)
            if registered.get(year) and registered[year].deduplicated:
                per_year[year] = stratum
    except (mse.NotEstimableError, ValueError):
        per_year = {}
    # Every output is a function of the capture table: shown only at a rounding that leaves each
    # small overlap and cell at least two possible values, else withheld (mse_disclosure).
    check = check_inversion(
        table, rules.threshold, frame[["year", *names, "count"]], sorted(per_year)
    )
    return MseResult(
        True,
        None,
        table.n_observed,
        chosen,
        stepwise,
        independence,
        models,
        per_year,
        linked,
        display_digits=check.level.digits,
        aic_model_rows=check.level.model_rows,
        withheld_reason=WITHHELD_SMALL_OVERLAP if check.withheld else None,
    )
