"""Presentation of the under-reporting page: survey and capture-recapture results as sentences,
tables and the comparison chart (the numbers come from publication.underreporting)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from base.formatting import format_number, format_percentage
from base.texts import text
from presentation import charts
from presentation.charts import ChartBlock
from publication.mse_disclosure import WITHHELD_SMALL_OVERLAP, delta_decimals
from publication.underreporting import (
    MseResult,
    RegisteredCases,
    SurveyInputs,
    SurveyResult,
    reporting_rates,
)


def _n(value: float | None, lang: str, decimals: int = 0) -> str:

    return "–" if value is None else format_number(value, decimals, lang)


def mse_number(value: float | None, result: MseResult, lang: str) -> str:
    """A capture-recapture estimate or limit as the page shows it: at the rounding the inversion
    check chose (publication.mse_disclosure), so that it cannot be traced back to a few cases."""
    return _n(result.displayed(value), lang)


def mse_withheld_text(result: MseResult, lang: str) -> str | None:
    """The sentence shown instead of the model outputs when they are withheld, else None."""
    if not result.estimable or result.withheld_reason is None:
        return None
    if result.withheld_reason != WITHHELD_SMALL_OVERLAP:  # the only reason mse_result gives
        raise ValueError(f"no text for withheld_reason {result.withheld_reason!r}")
    return text("under.mse_withheld_small_overlap", lang)


@dataclass(frozen=True)
class MseSummary:
    """What the page shows of capture-recapture above its models table: either a message (not
    estimable, or withheld) or the three figures at the rounding the inversion check chose."""

    message: str | None
    metrics: tuple[tuple[str, str, str | None], ...] = ()  # (label, value, caption)
    note: str | None = None


def mse_summary(result: MseResult, lang: str) -> MseSummary:
    if not result.estimable:
        return MseSummary(text(f"under.mse_{result.reason}", lang, linked=result.linked_cases))
    withheld = mse_withheld_text(result, lang)
    if withheld:
        return MseSummary(withheld)

    def shown(value: float | None) -> str:
        return mse_number(value, result, lang)

    chosen, models = result.chosen, result.model_range
    return MseSummary(
        None,
        (
            (text("under.mse_observed", lang), format_number(result.n_observed, lang=lang), None),
            (
                text("under.mse_estimate", lang),
                shown(chosen.n_hat),
                text("under.interval", lang, lower=shown(chosen.lower), upper=shown(chosen.upper)),
            ),
            (
                text("under.mse_range", lang),
                f"{shown(models.n_hat_min)} – {shown(models.n_hat_max)}",
                None,
            ),
        ),
        mse_display_note(result, lang),
    )


def mse_display_note(result: MseResult, lang: str) -> str | None:
    """Says how the outputs were coarsened, when they were; None when shown as computed."""
    if not result.shown:
        return None
    notes = []
    if result.display_digits is not None:
        digits = text(f"under.significant_figures_{result.display_digits}", lang)
        notes.append(text("under.mse_rounded", lang, digits=digits))
    if not result.aic_model_rows:
        notes.append(text("under.mse_range_only", lang))
    return " ".join(notes) or None


def survey_metrics(result: SurveyResult, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, interval text) for the survey method's headline numbers."""

    estimate = result.estimate
    if estimate is None or not estimate.estimable:
        return []

    def interval(lower: float | None, upper: float | None, decimals: int = 0) -> str:
        if lower is None or upper is None:
            return text("under.no_interval", lang)
        return text(
            "under.interval", lang, lower=_n(lower, lang, decimals), upper=_n(upper, lang, decimals)
        )

    registered_key = (
        "under.metric_registered_dedup"
        if result.registered.deduplicated
        else "under.metric_registered"
    )
    return [
        (
            text("under.metric_victims", lang),
            _n(estimate.victims, lang),
            interval(estimate.victims_lower, estimate.victims_upper),
        ),
        (text(registered_key, lang), _n(estimate.registered_reports, lang), ""),
        (
            text("under.metric_one_in", lang),
            _n(estimate.one_in_x, lang) if estimate.one_in_x else "–",
            interval(estimate.one_in_x_lower, estimate.one_in_x_upper),
        ),
        (
            text("under.metric_dark", lang),
            _n(estimate.dark_number, lang),
            interval(estimate.dark_number_lower, estimate.dark_number_upper),
        ),
    ]


def scenario_table(result: SurveyResult, lang: str) -> pd.DataFrame:

    if result.band is None:
        return pd.DataFrame()
    sources = {rate_id: source for rate_id, _, source in reporting_rates()}
    return pd.DataFrame(
        {
            text("under.scenario_rate", lang): [
                format_percentage(s.reporting_rate, 0, lang) for s in result.band.scenarios
            ],
            text("under.scenario_victims", lang): [
                _n(s.implied_victims, lang) for s in result.band.scenarios
            ],
            text("under.scenario_source", lang): [
                sources.get(s.label, s.label) for s in result.band.scenarios
            ],
        }
    )


def assumptions_table(inputs: SurveyInputs, lang: str) -> pd.DataFrame:

    rows = [
        (
            text("under.assumption_workforce", lang),
            f"{_n(inputs.workforce_size, lang)} ({text(f'under.unit_{inputs.workforce_unit}', lang)})",
            inputs.workforce_source,
        ),
        (
            text("under.assumption_prevalence", lang),
            format_percentage(inputs.prevalence, 1, lang),
            inputs.prevalence_source,
        ),
        (
            text("under.assumption_sample", lang),
            _n(inputs.sample_size, lang),
            inputs.prevalence_source,
        ),
        (
            text("under.assumption_deff", lang),
            _n(inputs.design_effect, lang, 2),
            text("under.assumption_deff_source", lang),
        ),
        (
            text("under.assumption_q", lang),
            format_percentage(inputs.reporting_share, 1, lang)
            if inputs.reporting_share is not None
            else text("under.unknown", lang),
            text("under.assumption_q_source", lang),
        ),
        (text("under.assumption_closed", lang), "", text("under.assumption_closed_source", lang)),
        (
            text("under.assumption_matching", lang),
            "",
            text("under.assumption_matching_source", lang),
        ),
    ]
    return pd.DataFrame(
        rows,
        columns=[
            text("under.assumption", lang),
            text("under.value", lang),
            text("under.source", lang),
        ],
    )


def mse_models_table(result: MseResult, lang: str) -> pd.DataFrame:
    """The models side by side, at the rounding the inversion check chose; the AIC range's own
    rows only where they may be shown (else the page shows the range alone)."""
    if not result.shown:
        return pd.DataFrame()

    def n(value: float | None) -> str:
        return mse_number(value, result, lang)

    rows = [
        (
            text("under.model_bic", lang),
            result.chosen.model,
            n(result.chosen.n_hat),
            f"{n(result.chosen.lower)} – {n(result.chosen.upper)}",
        ),
        (
            text("under.model_stepwise", lang),
            result.stepwise.model,
            n(result.stepwise.n_hat),
            f"{n(result.stepwise.lower)} – {n(result.stepwise.upper)}",
        ),
        (
            text("under.model_independence", lang),
            result.independence.model,
            n(result.independence.n_hat),
            f"{n(result.independence.lower)} – {n(result.independence.upper)}",
        ),
    ]
    decimals = delta_decimals(result.display_digits)
    for entry in result.model_range.models if result.aic_model_rows else ():
        rows.append(
            (
                text("under.model_aic", lang, delta=_n(entry.delta, lang, decimals)),
                entry.fit.interactions,
                n(entry.fit.n_hat),
                f"{n(entry.interval.lower)} – {n(entry.interval.upper)}",
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            text("under.model_choice", lang),
            text("under.model", lang),
            "N̂",
            text("under.interval_95", lang),
        ],
    )


def comparison_chart(
    registered: dict[int, RegisteredCases],
    results: dict[int, SurveyResult],
    mse: MseResult,
    lang: str,
):
    """Both methods side by side on a log scale, with the table behind the chart."""

    shown = {year: r.value for year, r in registered.items() if r.value is not None}
    survey = {
        year: (r.estimate.victims, r.estimate.victims_lower, r.estimate.victims_upper)
        for year, r in results.items()
        if r.estimate is not None and r.estimate.estimable
    }
    band = {
        year: (r.band.implied_victims_min, r.band.implied_victims_max)
        for year, r in results.items()
        if r.band is not None
    }
    # As displayed (mse_disclosure), also in the chart's hover; nothing when withheld.
    mse_years = {
        year: (mse.displayed(s.n_hat), mse.displayed(s.lower), mse.displayed(s.upper))
        for year, s in ((mse.per_year or {}).items() if mse.shown else ())
    }
    labels = {
        "registered": text("under.series_registered", lang),
        "survey": text("under.series_survey", lang),
        "band": text("under.series_band", lang),
        "mse": text("under.series_mse", lang),
        "axis": text("under.axis", lang),
    }
    figure = charts.underreporting_chart(
        shown, survey, band, mse_years, text("under.chart_title", lang), labels, lang
    )
    years = sorted(set(shown) | set(survey) | set(mse_years))
    table = pd.DataFrame(
        {
            labels["registered"]: [_n(shown.get(y), lang) for y in years],
            labels["survey"]: [
                f"{_n(survey[y][0], lang)} ({_n(survey[y][1], lang)} – {_n(survey[y][2], lang)})"
                if y in survey
                else "–"
                for y in years
            ],
            labels["band"]: [
                f"{_n(band[y][0], lang)} – {_n(band[y][1], lang)}" if y in band else "–"
                for y in years
            ],
            labels["mse"]: [
                f"{_n(mse_years[y][0], lang)} ({_n(mse_years[y][1], lang)} – {_n(mse_years[y][2], lang)})"
                if y in mse_years
                else "–"
                for y in years
            ],
        },
        index=[str(y) for y in years],
    )
    table.index.name = text("label.year", lang)
    summary = text("under.summary", lang)
    return ChartBlock("underreporting", figure, table, summary, [text("under.chart_note", lang)])
