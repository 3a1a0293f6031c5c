"""Under-reporting, domain part: the registered cases per year as they may be shown, and
capture-recapture across the channels with its protection rules (publication.survey_comparison
sets the surveys beside the register; presentation.underreporting turns both into sentences)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from protection.rules import ProtectionRules
from publication.mse_disclosure import (
    HEADLINE_DIGITS,
    WITHHELD_SMALL_OVERLAP,
    DisplayLevel,
    Outputs,
    check_inversion,
    displayed,
    outputs_of,
    single_number,
)
from publication.protected import DISCRIMINATION, Publication


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


# --- multiple systems estimation ------------------------------------------------------------

MSE_LISTS: dict[str, str] = {
    "integriteitscoordinator": "IC",
    "meldpunt": "MP",
    "vertrouwenspersoon": "VP",
    "klachtencommissie": "KC",
}


@dataclass(frozen=True)
class MseResult:
    """Capture-recapture over the channels, all years pooled.

    estimable: False with a reason when the data cannot support the method (too few linked
    cases, no estimable model); then nothing else is shown. withheld_reason: estimable, but the
    outputs would give away a small overlap at any rounding; the estimates are kept (stored for
    analysts with warehouse access) and the page shows the reason instead.

    headline: analysis.model_averaging.ModelAverage, the estimate the page leads with (AIC
    weights over every estimable log-linear model, MATA interval, `level` what it covered in the
    calibration study); its `models` are every estimable model (the dot plot, mse_disclosure.
    model_dots). stepwise_model: the model the stepwise procedure of Chan et al. (2021) chooses,
    shown beside the headline as a comparison. years: the years pooled.
    registrations, without_key: registrations in the four channels, all years, and how many of
    them carry no link key (counted as seen in one channel only: see key_share).
    """

    estimable: bool
    reason: str | None
    n_observed: int | None = None
    headline: object | None = None
    stepwise_model: str | None = None
    years: tuple[int, ...] = ()
    linked_cases: int = 0
    registrations: int | None = None
    without_key: int | None = None
    # How the outputs may be displayed so that they cannot be inverted to a small overlap or cell
    # of the capture table (publication.mse_disclosure): significant figures of estimates and
    # limits (None: whole numbers; the headline at most two), whether the dot plot shows a dot
    # per model, or a reason why nothing of the model is shown.
    display_digits: int | None = None
    model_rows: bool = True
    display_grid: bool = False
    withheld_reason: str | None = None

    @property
    def display(self) -> DisplayLevel:
        return DisplayLevel(self.display_digits, self.model_rows, self.display_grid)

    @property
    def shown(self) -> bool:
        """Whether the page shows model outputs (estimable and not withheld)."""
        return self.estimable and self.withheld_reason is None

    def displayed(self, value: float | None) -> float | None:
        """A model's estimate or limit as the page shows it."""
        return self.display.model(value)

    @property
    def outputs(self) -> Outputs | None:
        """What the page shows, unrounded (None when not estimable)."""
        if self.headline is None or self.stepwise_model is None:
            return None
        return outputs_of(self.headline, self.stepwise_model)

    @property
    def headline_shown(self) -> tuple[float | None, float | None, float | None]:
        """(estimate, lower, upper) of the headline as the page shows them; the estimate None
        when the limits span more than a factor of about 3 (the spread is the message)."""
        if not self.shown:
            return None, None, None
        level = self.display
        lower = level.headline(self.headline.lower, "lower")
        upper = level.headline(self.headline.upper, "upper")
        estimate = level.headline(self.headline.n_hat) if single_number(lower, upper) else None
        return estimate, lower, upper

    @property
    def per_year_average_shown(self) -> tuple[float | None, float | None, float | None]:
        """The headline as shown, divided by the number of years pooled and rounded to two
        significant figures: an average per year, not an estimate of any one year (docs/mse.md,
        'Per year'). A function of the shown numbers only."""
        years = len(self.years)
        if not years:
            return None, None, None
        return tuple(
            None if value is None else displayed(value / years, HEADLINE_DIGITS)
            for value in self.headline_shown
        )

    @property
    def spread_shown(self) -> tuple[float | None, float | None]:
        """The smallest and largest estimate over every estimable model, as shown."""
        if not self.shown:
            return None, None
        smallest, largest = self.outputs.spread
        return self.display.spread(smallest, "lower"), self.display.spread(largest, "upper")

    @property
    def key_share(self) -> float | None:
        """The share of registrations without a link key as shown: to the nearest KEY_SHARE_STEP
        (5 %), None when there are none to speak of or the counts behind it are small (then the
        page says 'a few'). Rounded so coarsely that, with the registrations shown elsewhere,
        it leaves every count behind it several possible values."""
        if not self.registrations or self.without_key is None:
            return None
        keyed = self.registrations - self.without_key
        cases_keyed = (self.n_observed or 0) - self.without_key
        threshold = MIN_COUNT_FOR_KEY_SHARE
        if any(0 < count < threshold for count in (self.without_key, keyed, cases_keyed)):
            return None
        share = self.without_key / self.registrations
        return round(round(share / KEY_SHARE_STEP) * KEY_SHARE_STEP, 2)

    @property
    def few_without_key(self) -> bool:
        """Some registrations carry no link key, but too few (or too few with one) to give a
        share: the page says 'a few'."""
        return bool(self.without_key) and self.key_share is None


MIN_LINKED_CASES = 10
KEY_SHARE_STEP = 0.05
MIN_COUNT_FOR_KEY_SHARE = 5  # the protection threshold T


def mse_result(
    histories: pd.DataFrame,
    registered: dict[int, RegisteredCases],
    raw_cases: pd.DataFrame | None = None,
    rules: ProtectionRules | None = None,
    link_keys: pd.DataFrame | None = None,
) -> MseResult:
    """Capture-recapture over the capture histories of all years together.

    The headline is analysis.model_averaging.headline_estimate: the AIC-weighted average over
    every estimable two-way log-linear model with its MATA interval, which kept its coverage in
    the calibration study of this product's regime (docs/mse.md, section 8); beside it the
    stepwise choice and every model's own estimate, as a comparison. No estimate per year: one
    pooled model scaled by each year's count would only repeat the pooled ratio with intervals
    that hold the model fixed (docs/mse.md, 'Per year'). The pooled count of cases seen, minus
    the years whose deduplicated count is shown, gives the years not shown together; it is
    refused when their duplicates come to 1..T-1.
    link_keys: etl.queries.link_keys_by_year (registrations and those without a link key).
    """
    # Imported on use: capture-recapture brings scipy.optimize.
    from analysis import model_averaging, mse

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
    starts: dict = {}
    try:
        headline = model_averaging.headline_estimate(table, starts)
        stepwise = mse.stepwise_fit(table).fit.interactions
    except mse.NotEstimableError:
        return MseResult(False, "not_estimable", linked_cases=linked)
    registrations = without_key = None
    if link_keys is not None and not link_keys.empty:
        registrations = int(link_keys["registrations"].sum())
        without_key = int(link_keys["without_key"].sum())
    # Every output is a function of the capture table: shown only at a rounding that leaves each
    # small overlap and cell at least two possible values, else withheld (mse_disclosure).
    check = check_inversion(
        table, rules.threshold, truth=outputs_of(headline, stepwise), starts=starts
    )
    return MseResult(
        True,
        None,
        table.n_observed,
        headline,
        stepwise,
        tuple(sorted(int(year) for year in frame["year"].unique())),
        linked,
        registrations,
        without_key,
        display_digits=check.level.digits,
        model_rows=check.level.model_rows,
        display_grid=check.level.grid,
        withheld_reason=WITHHELD_SMALL_OVERLAP if check.withheld else None,
    )
