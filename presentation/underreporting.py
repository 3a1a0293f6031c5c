"""Presentation of the under-reporting page: capture-recapture results as sentences, tables and
charts (the numbers come from publication.underreporting; the survey comparison is
presentation.survey_comparison)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from base.formatting import format_number, format_percentage
from base.texts import text
from base.theme import categorical_colours, colour, template
from presentation.charts import ChartBlock
from publication.mse_disclosure import INDEPENDENCE, WITHHELD_SMALL_OVERLAP, Dot
from publication.underreporting import MseResult, RegisteredCases


def _n(value: float | None, lang: str, decimals: int = 0) -> str:

    return "–" if value is None else format_number(value, decimals, lang)


def mse_number(value: float | None, result: MseResult, lang: str) -> str:
    """A model's estimate or limit as the page shows it: at the rounding the inversion check
    chose (publication.mse_disclosure), so that it cannot be traced back to a few cases."""
    return _n(result.displayed(value), lang)


def _limit(value: float | None, lang: str) -> str:
    if value is not None and math.isinf(value):
        return text("under.mse_no_upper", lang)
    return _n(value, lang)


def _range(lower: float | None, upper: float | None, lang: str) -> str:
    return f"{_limit(lower, lang)} – {_limit(upper, lang)}"


def mse_withheld_text(result: MseResult, lang: str) -> str | None:
    """The sentence shown instead of the model outputs when they are withheld, else None."""
    if not result.estimable or result.withheld_reason is None:
        return None
    if result.withheld_reason != WITHHELD_SMALL_OVERLAP:  # the only reason mse_result gives
        raise ValueError(f"no text for withheld_reason {result.withheld_reason!r}")
    return text("under.mse_withheld_small_overlap", lang)


@dataclass(frozen=True)
class MseSummary:
    """What the page shows of capture-recapture: either a message (not estimable, or withheld)
    or, in this order, the label 'experimental statistics', one sentence in plain words, the
    figures (label, value, caption), what the interval covers, how the numbers were rounded,
    the share of registrations without a link key and what it does, the assumptions, and the
    dot plot of every model beside the headline."""

    message: str | None
    label: str = ""
    sentence: str = ""
    metrics: tuple[tuple[str, str, str | None], ...] = ()
    coverage: str = ""
    note: str | None = None
    link_keys: str = ""
    assumptions: tuple[str, ...] = ()
    chart: ChartBlock | None = None


def _period(result: MseResult) -> str:
    years = result.years
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]) if years else ""


def mse_sentence(result: MseResult, lang: str) -> str:
    """The plain-words sentence a policymaker can repeat: two significant figures at most; one
    number only when the interval spans at most a factor of about 3, else the spread."""
    estimate, lower, upper = result.headline_shown
    values = dict(
        period=_period(result),
        seen=format_number(result.n_observed, lang=lang),
        lower=_limit(lower, lang),
        upper=_limit(upper, lang),
    )
    if estimate is None:
        return text("under.mse_sentence_spread", lang, **values)
    return text("under.mse_sentence_one", lang, estimate=_n(estimate, lang), **values)


def mse_link_keys_text(result: MseResult, lang: str) -> str:
    """The share of registrations without a link key, and which way it pushes the estimate."""
    if not result.registrations:
        return ""
    if not result.without_key:
        return text("under.mse_keys_all", lang)
    effect = text("under.mse_keys_effect", lang)
    if result.key_share is None:
        return f"{text('under.mse_keys_few', lang)} {effect}"
    share = format_percentage(result.key_share, 0, lang)
    return f"{text('under.mse_keys_share', lang, share=share)} {effect}"


def mse_summary(result: MseResult, lang: str) -> MseSummary:
    if not result.estimable:
        return MseSummary(text(f"under.mse_{result.reason}", lang, linked=result.linked_cases))
    withheld = mse_withheld_text(result, lang)
    if withheld:
        return MseSummary(withheld)
    estimate, lower, upper = result.headline_shown
    smallest, largest = result.spread_shown
    interval = text(
        "under.mse_interval", lang, lower=_limit(lower, lang), upper=_limit(upper, lang)
    )
    headline = (
        (text("under.mse_estimate", lang), _n(estimate, lang), interval)
        if estimate is not None
        else (text("under.mse_estimate_spread", lang), _range(lower, upper, lang), None)
    )
    level = round(result.headline.level * 10)
    return MseSummary(
        None,
        label=text("under.experimental", lang),
        sentence=mse_sentence(result, lang),
        metrics=(
            (text("under.mse_observed", lang), format_number(result.n_observed, lang=lang), None),
            headline,
            (text("under.mse_spread", lang), _range(smallest, largest, lang), None),
        ),
        coverage=text("under.mse_coverage", lang, covered=level),
        note=mse_display_note(result, lang),
        link_keys=mse_link_keys_text(result, lang),
        assumptions=tuple(
            text(f"under.mse_assumption_{name}", lang)
            for name in ("closed", "dependence", "matching")
        ),
        chart=models_chart(result, lang),
    )


def mse_display_note(result: MseResult, lang: str) -> str | None:
    """Says how the outputs were coarsened, when they were; None when shown as computed."""
    if not result.shown:
        return None
    notes = []
    if result.display_digits is not None:
        digits = text(f"under.significant_figures_{result.display_digits}", lang)
        notes.append(text("under.mse_rounded", lang, digits=digits))
    if result.display_grid:
        notes.append(text("under.mse_grid", lang))
    if not result.model_rows:
        notes.append(text("under.mse_range_only", lang))
    return " ".join(notes) or None


def model_words(interactions: str, lang: str) -> str:
    """A model in words: which channels it lets depend on each other ('IC:MP,MP:VP' ->
    'samenhang integriteitscoördinator–meldpunt, meldpunt–vertrouwenspersoon')."""
    if interactions == INDEPENDENCE:
        return text("under.model_words_independence", lang)
    names = {
        "IC": text("under.list_IC", lang),
        "MP": text("under.list_MP", lang),
        "VP": text("under.list_VP", lang),
        "KC": text("under.list_KC", lang),
    }
    pairs = [pair.split(":") for pair in interactions.split(",")]
    joined = ", ".join(f"{names.get(a, a)}–{names.get(b, b)}" for a, b in pairs)
    return text("under.model_words", lang, pairs=joined)


def mse_models_table(result: MseResult, lang: str) -> pd.DataFrame:
    """The headline beside the two single models readers ask about (stepwise, independence),
    in words, at the rounding the inversion check chose."""
    if not result.shown:
        return pd.DataFrame()
    outputs = result.outputs
    estimate, lower, upper = result.headline_shown
    rows = [
        (
            text("under.model_headline", lang),
            text("under.model_words_all", lang),
            _n(estimate, lang),
            _range(lower, upper, lang),
            text("under.mse_interval_calibrated", lang, covered=round(result.headline.level * 10)),
        )
    ]
    for label, dot in (
        (text("under.model_stepwise", lang), outputs.dot(result.stepwise_model)),
        (text("under.model_independence", lang), outputs.dot(INDEPENDENCE)),
    ):
        if dot is None:
            continue
        rows.append(
            (
                label,
                model_words(dot.model, lang),
                mse_number(dot.n_hat, result, lang),
                f"{mse_number(dot.lower, result, lang)} – {mse_number(dot.upper, result, lang)}",
                text("under.mse_interval_model", lang),
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            text("under.model_choice", lang),
            text("under.model", lang),
            "N̂",
            text("under.interval_heading", lang),
            text("under.interval_meaning", lang),
        ],
    )


def _legend_entry(figure: go.Figure, name: str, **style: object) -> None:
    """A legend entry for a shape (shapes have none): a trace without points."""
    figure.add_scatter(
        x=[None],
        y=[None],
        mode="lines" if "line" in style else "markers",
        name=name,
        hoverinfo="skip",
        **style,
    )


def _log_ticks(shown: list[float | None], lang: str) -> dict[str, list]:
    """Ticks at 1, 2 and 5 times a power of ten over the numbers the chart shows (as displayed:
    nothing else may steer the axis), written as the page writes numbers ('1.000', not '1k')."""
    values = [v for v in shown if v is not None]
    values = [v for v in values if math.isfinite(v) and v > 0]
    if not values:
        return {}
    low, high = min(values), max(values)
    # the whole band in view, with a margin on both sides (log axis: range in powers of ten)
    view = [math.log10(low) - 0.15, math.log10(high) + 0.15]
    ticks = [
        step * 10**power
        for power in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1)
        for step in (1, 2, 5)
        if low / 2 <= step * 10**power <= high * 2
    ]
    return {
        "tickvals": ticks,
        "ticktext": [_n(tick, lang) for tick in ticks],
        "range": view,
    }


def models_chart(result: MseResult, lang: str) -> ChartBlock | None:
    """Dot plot: every estimable model's estimate with its own interval (where each may be
    shown), the stepwise and independence models marked, the headline as a band; log scale."""
    if not result.shown:
        return None
    outputs = result.outputs
    palette = categorical_colours()
    estimate, lower, upper = result.headline_shown
    stepwise = outputs.dot(result.stepwise_model)
    independence = outputs.dot(INDEPENDENCE)
    shown_dots: list[tuple[str, Dot]] = []
    if result.model_rows:
        ordered = sorted(outputs.dots, key=lambda dot: (result.displayed(dot.n_hat), dot.model))
        shown_dots = [(model_words(dot.model, lang), dot) for dot in ordered]
    else:
        shown_dots = [
            (label, dot)
            for label, dot in (
                (text("under.model_stepwise", lang), stepwise),
                (text("under.model_independence", lang), independence),
            )
            if dot is not None
        ]
    rows = [label for label, _ in shown_dots]
    spread_label = text("under.mse_spread", lang)
    if not result.model_rows:
        rows = [spread_label, *rows]
    figure = go.Figure()
    # The headline's interval and estimate span every row: shapes over the whole plot height, so
    # that the rows stay categories (the numbers are in the table beside the chart).
    if upper is not None and lower is not None and math.isfinite(upper):
        figure.add_vrect(
            x0=lower,
            x1=upper,
            fillcolor="rgba(1,104,155,0.15)",
            line_width=0,
            layer="below",
        )
        _legend_entry(
            figure,
            text("under.chart_headline_band", lang),
            marker={"symbol": "square", "size": 14, "color": "rgba(1,104,155,0.25)"},
        )
    if estimate is not None:
        figure.add_vline(
            x=estimate,
            line={"color": colour("logoblauw"), "width": 2, "dash": "dash"},
        )
        _legend_entry(
            figure,
            text("under.chart_headline", lang),
            line={"color": colour("logoblauw"), "width": 2, "dash": "dash"},
        )
    if not result.model_rows:
        smallest, largest = result.spread_shown
        figure.add_scatter(
            x=[smallest, largest],
            y=[spread_label, spread_label],
            mode="lines+markers",
            line={"color": colour("grijs-6"), "width": 4},
            marker={"symbol": "line-ns-open", "size": 14},
            name=spread_label,
            hovertext=[_range(smallest, largest, lang)] * 2,
            hoverinfo="text",
        )
    groups = (
        ("other", colour("grijs-6"), "circle", text("under.chart_model", lang)),
        ("stepwise", palette[1], "diamond", text("under.model_stepwise_short", lang)),
        ("independence", palette[3], "square", text("under.model_independence", lang)),
    )
    for group, marker_colour, symbol, name in groups:
        chosen = [
            (label, dot)
            for label, dot in shown_dots
            if (
                "stepwise"
                if dot.model == result.stepwise_model
                else "independence"
                if dot.model == INDEPENDENCE
                else "other"
            )
            == group
        ]
        if not chosen:
            continue
        values = [
            (result.displayed(d.n_hat), result.displayed(d.lower), result.displayed(d.upper))
            for _, d in chosen
        ]
        figure.add_scatter(
            x=[v[0] for v in values],
            y=[label for label, _ in chosen],
            mode="markers",
            name=name,
            marker={"color": marker_colour, "symbol": symbol, "size": 9 if group != "other" else 6},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [v[2] - v[0] for v in values],
                "arrayminus": [v[0] - v[1] for v in values],
                "thickness": 1,
                "width": 0,
                "color": marker_colour,
            },
            hovertext=[
                f"{label}: {_n(v[0], lang)} ({_range(v[1], v[2], lang)})"
                for (label, _), v in zip(chosen, values, strict=True)
            ],
            hoverinfo="text",
        )
    figure.update_layout(
        template=template(),
        title={"text": text("under.models_chart_title", lang)},
        separators=",." if lang == "nl" else ".,",
        height=max(380, 200 + 11 * len(rows)),
        xaxis={
            "type": "log",
            "title": text("under.models_chart_axis", lang),
            **_log_ticks(
                [
                    *result.headline_shown,
                    *(result.spread_shown if not result.model_rows else ()),
                    *(
                        result.displayed(value)
                        for _, dot in shown_dots
                        for value in (dot.n_hat, dot.lower, dot.upper)
                    ),
                ],
                lang,
            ),
        },
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": rows,
            "showticklabels": not result.model_rows,
            "title": text("under.models_chart_rows", lang) if result.model_rows else None,
        },
        legend={"orientation": "h", "y": -0.35},
        margin={"t": 90, "b": 110},
    )
    table = pd.DataFrame(
        [
            (
                label,
                mse_number(dot.n_hat, result, lang),
                f"{mse_number(dot.lower, result, lang)} – {mse_number(dot.upper, result, lang)}",
            )
            for label, dot in shown_dots
        ]
        + [
            (spread_label, _range(*result.spread_shown, lang), ""),
            (text("under.model_headline", lang), _n(estimate, lang), _range(lower, upper, lang)),
        ],
        columns=[text("under.model", lang), "N̂", text("under.interval_heading", lang)],
    )
    footnotes = [text("under.models_chart_note", lang)]
    return ChartBlock(
        "mse_models", figure, table, text("under.models_chart_summary", lang), footnotes
    )


def comparison_chart(
    registered: dict[int, RegisteredCases], mse: MseResult, lang: str
) -> ChartBlock:
    """Cases per year: the registered (deduplicated where that may be shown) beside the
    capture-recapture total as an average per year (the pooled estimate divided by the number
    of years, labelled so: no year has an estimate of its own; docs/mse.md, 'Per year')."""
    shown = {year: r.value for year, r in sorted(registered.items()) if r.value is not None}
    estimate, lower, upper = mse.per_year_average_shown if mse.shown else (None, None, None)
    figure = go.Figure()
    years = sorted(set(shown) | set(mse.years))
    if lower is not None and upper is not None and math.isfinite(upper) and years:
        span = [years[0] - 0.4, years[-1] + 0.4]
        figure.add_scatter(
            x=[*span, *span[::-1]],
            y=[upper, upper, lower, lower],
            fill="toself",
            fillcolor="rgba(204,204,204,0.45)",
            line={"width": 0},
            name=text("under.series_mse_average", lang),
            hovertext=text("under.series_mse_average", lang) + f": {_range(lower, upper, lang)}",
            hoverinfo="text",
        )
    if estimate is not None and years:
        figure.add_scatter(
            x=[years[0] - 0.4, years[-1] + 0.4],
            y=[estimate, estimate],
            mode="lines",
            line={"color": categorical_colours()[3], "dash": "dash", "width": 2},
            name=text("under.series_mse_average_estimate", lang),
            hovertext=f"{_n(estimate, lang)}",
            hoverinfo="text",
        )
    figure.add_scatter(
        x=list(shown),
        y=list(shown.values()),
        mode="lines+markers",
        name=text("under.series_registered", lang),
        line={"color": colour("logoblauw"), "width": 3},
        marker={"symbol": "circle", "size": 9},
        hovertext=[f"{year}: {_n(value, lang)}" for year, value in shown.items()],
        hoverinfo="text",
    )
    figure.update_layout(
        template=template(),
        title={"text": text("under.chart_title", lang)},
        yaxis_title=text("under.axis", lang),
        xaxis={"dtick": 1},
        separators=",." if lang == "nl" else ".,",
        height=420,
    )
    figure.update_yaxes(type="log")
    average = _range(lower, upper, lang) if lower is not None else "–"
    table = pd.DataFrame(
        {
            text("under.series_registered", lang): [_n(shown.get(y), lang) for y in years],
            text("under.series_mse_average", lang): [average for _ in years],
        },
        index=[str(y) for y in years],
    )
    table.index.name = text("label.year", lang)
    return ChartBlock(
        "underreporting",
        figure,
        table,
        text("under.summary", lang),
        [text("under.chart_note", lang)],
    )
