"""Presentation of the survey comparison on the under-reporting page: the plain-words sentence,
the table, the assumptions, the sources in the page's language and two separate charts (people
from the survey, cases from the register); the numbers come from publication.survey_comparison.

Numbers are shown to two significant figures: the range rarely supports a third. Where the range
of the share reaching a channel spans more than SPREAD_FACTOR, the sentence gives the range, not a
single number. publication.survey_comparison.shown_numbers lists every number shown, as shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.survey import round_one_in
from base.formatting import format_number, format_percentage
from base.texts import text
from base.theme import categorical_colours, colour, template
from etl.contract import GROUNDS
from presentation.charts import ChartBlock
from publication.survey_comparison import (
    NONRESPONSE_FACTORS,
    NOTES,
    REASONS,
    SUBJECTS,
    SURVEY_IDS,
    SurveyComparison,
    SurveyShownNumber,
    shown_numbers,
    significant,
)

SPREAD_FACTOR = 3.0


def _decimals(value: float, digits: int = 2) -> int:
    if value == 0 or not math.isfinite(value):
        return 0
    return max(0, digits - 1 - math.floor(math.log10(abs(value))))


def people(value: float, lang: str) -> str:
    """A number of people to two significant figures: '14.000' (nl), '16', '7,7'."""
    shown = significant(value)
    return format_number(shown, _decimals(shown), lang)


def share(value: float, lang: str) -> str:
    """A share as a percentage to two significant figures: 0.0011116 -> '0,11%'."""
    shown = significant(value * 100)
    return format_percentage(shown / 100, _decimals(shown), lang)


def one_in(value: float | None, lang: str) -> str:
    """X of '1 in X' for a share, to two significant figures (analysis.survey.round_one_in)."""
    x = round_one_in(1 / value) if value else None
    return "–" if x is None else format_number(x, 0 if x >= 10 else 1, lang)


def grounds_text(grounds: tuple[str, ...], lang: str) -> str:
    names = {g: text(f"ground.{g}", lang) for g in GROUNDS}
    names["niet_ingevuld"] = text("ground.niet_ingevuld", lang)
    return ", ".join(names.get(g, g).lower() for g in grounds)


def reasons_text(comparison: SurveyComparison, lang: str) -> str:
    """Every reason a survey is not compared, in one sentence fragment."""
    words = {
        code: text(
            f"surveycmp.reason.{code}",
            lang,
            year=comparison.year,
            grounds=grounds_text(comparison.hidden_grounds, lang),
        )
        for code in REASONS
    }
    return "; ".join(words[code] for code in comparison.reasons)


def _subject_words(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    subject = {s: text(f"surveycmp.subject.{s}", lang) for s in SUBJECTS}
    grounds = {s: text(f"surveycmp.grounds_words.{s}", lang) for s in SUBJECTS}
    return subject, grounds


def spread_is_wide(lower: float | None, upper: float | None) -> bool:
    """Whether a range spans more than SPREAD_FACTOR: then sentences give the range, not one
    number (shared with presentation.willingness)."""
    return not lower or upper is None or upper / lower > SPREAD_FACTOR


def headline(comparison: SurveyComparison, lang: str) -> str:
    """The plain-words sentence a policymaker can repeat (CBS/ONS style, two significant figures);
    the spread instead of one number where the range spans more than SPREAD_FACTOR."""
    c = comparison
    subject, ground_words = _subject_words(lang)
    common = {"year": c.year, "subject": subject[c.survey.subject]}
    experienced_key = (
        "surveycmp.headline.experienced_spread"
        if spread_is_wide(c.experienced_band_lower, c.experienced_band_upper)
        else "surveycmp.headline.experienced"
    )
    first = text(
        experienced_key,
        lang,
        one_in=one_in(c.survey.value, lang),
        experienced=people(c.experienced, lang),
        lower=people(c.experienced_band_lower, lang),
        upper=people(c.experienced_band_upper, lang),
        **common,
    )
    second_key = (
        "surveycmp.headline.registered_spread"
        if spread_is_wide(c.reaching_share_band_lower, c.reaching_share_band_upper)
        else "surveycmp.headline.registered"
    )
    second = text(
        second_key,
        lang,
        persons=people(c.registered_persons, lang),
        persons_upper=people(c.registered_persons_upper, lang),
        grounds=ground_words[c.survey.subject],
        reach_one_in=one_in(c.reaching_share, lang),
        # the high share is the small X of '1 in X'
        reach_high=one_in(c.reaching_share_band_upper, lang),
        reach_low=one_in(c.reaching_share_band_lower, lang),
    )
    return f"{first} {second}"


def comparison_table(comparisons: tuple[SurveyComparison, ...], lang: str) -> pd.DataFrame:
    """One row per survey: the matched numbers, or 'no' with every reason."""

    def interval(value: str, lower: str, upper: str) -> str:
        return text("surveycmp.interval", lang, value=value, lower=lower, upper=upper)

    def span(lower: str, upper: str) -> str:
        return text("surveycmp.range", lang, lower=lower, upper=upper)

    names = {i: text(f"surveycmp.name.{i}", lang) for i in SURVEY_IDS}
    rows = []
    for c in comparisons:
        name = names.get(c.id, c.id)
        if not c.comparable:
            rows.append(
                (
                    name,
                    str(c.year),
                    *("–",) * 5,
                    text("surveycmp.no", lang, reasons=reasons_text(c, lang)),
                )
            )
            continue
        rows.append(
            (
                name,
                str(c.year),
                interval(
                    people(c.experienced, lang),
                    people(c.experienced_lower, lang),
                    people(c.experienced_upper, lang),
                ),
                span(
                    people(c.experienced_band_lower, lang), people(c.experienced_band_upper, lang)
                ),
                text(
                    "surveycmp.up_to",
                    lang,
                    value=people(c.registered_persons, lang),
                    upper=people(c.registered_persons_upper, lang),
                ),
                interval(
                    share(c.reaching_share, lang),
                    share(c.reaching_share_lower, lang),
                    share(c.reaching_share_upper, lang),
                ),
                span(
                    share(c.reaching_share_band_lower, lang),
                    share(c.reaching_share_band_upper, lang),
                ),
                text("surveycmp.yes", lang),
            )
        )
    columns = [
        text(f"surveycmp.col.{column}", lang)
        for column in (
            "survey",
            "year",
            "experienced",
            "experienced_band",
            "registered",
            "reaching",
            "reaching_band",
            "compared",
        )
    ]
    return pd.DataFrame(rows, columns=columns)


def assumptions_table(comparison: SurveyComparison, lang: str) -> pd.DataFrame:
    """Every assumption of one comparison, with its value and why (sources in `lang`)."""
    c = comparison
    low, high = NONRESPONSE_FACTORS
    if c.cases is not None:
        persons_value = format_number(c.cases_per_registration, 2, lang)
        persons_why = text(
            "surveycmp.assumption.persons_why",
            lang,
            year=c.year,
            cases=format_number(c.cases, lang=lang),
            registrations=format_number(c.all_registrations, lang=lang),
        )
    else:
        persons_value = format_number(1, 0, lang)
        persons_why = text("surveycmp.assumption.persons_not_linked_why", lang, year=c.year)
    response = (
        format_percentage(c.response_rate, 0, lang)
        if c.response_rate is not None
        else text("surveycmp.assumption.response_unknown", lang)
    )
    workforce_why = (
        "surveycmp.assumption.workforce_why"
        if c.workforce_unit == "persons"
        else "surveycmp.assumption.workforce_fte_why"
    )
    rows = [
        (
            text("surveycmp.assumption.ground", lang),
            grounds_text(c.grounds, lang),
            text(
                "surveycmp.assumption.ground_why",
                lang,
                grounds=grounds_text(c.grounds, lang),
                band_grounds=grounds_text(
                    tuple(g for g in c.band_grounds if g not in c.grounds), lang
                ),
            ),
        ),
        (
            text("surveycmp.assumption.period", lang),
            str(c.year),
            text("surveycmp.assumption.period_why", lang, year=c.year),
        ),
        (text("surveycmp.assumption.persons", lang), persons_value, persons_why),
        (
            text("surveycmp.assumption.response", lang),
            response,
            text(
                "surveycmp.assumption.response_why",
                lang,
                response=response,
                low=format_number(low, 1, lang),
                high=format_number(high, 1, lang),
            ),
        ),
        (
            text("surveycmp.assumption.deff", lang),
            format_number(c.design_effect, 1, lang),
            text(
                "surveycmp.assumption.deff_why",
                lang,
                deff=format_number(c.design_effect, 1, lang),
                effective=format_number(c.effective_sample_size, 0, lang),
                sample=format_number(c.survey.sample_size, 0, lang),
            ),
        ),
        (
            text("surveycmp.assumption.rounding", lang),
            format_percentage(c.survey.value, 1, lang),
            text(
                "surveycmp.assumption.rounding_why",
                lang,
                value=format_percentage(c.survey.value, 0, lang),
                lower=format_percentage(c.survey.value - c.rounding, 1, lang),
                upper=format_percentage(c.survey.value + c.rounding, 1, lang),
            ),
        ),
        (
            text("surveycmp.assumption.workforce", lang),
            format_number(c.workforce, 0, lang),
            text(workforce_why, lang),
        ),
        (
            text("surveycmp.assumption.setting", lang),
            "",
            text("surveycmp.assumption.setting_why", lang),
        ),
        (
            text("surveycmp.assumption.channels", lang),
            "",
            text("surveycmp.assumption.channels_why", lang),
        ),
        (text("surveycmp.assumption.band", lang), "", text("surveycmp.assumption.band_why", lang)),
    ]
    return pd.DataFrame(
        rows,
        columns=[
            text("surveycmp.col.assumption", lang),
            text("surveycmp.col.value", lang),
            text("surveycmp.col.why", lang),
        ],
    )


def sources(comparisons: tuple[SurveyComparison, ...], lang: str) -> tuple[str, ...]:
    """Each survey's name, definition and source in `lang` (never the csv's English text), then
    the register's."""
    names = {i: text(f"surveycmp.name.{i}", lang) for i in SURVEY_IDS}
    definitions = {i: text(f"surveycmp.definition.{i}", lang) for i in SURVEY_IDS}
    cited = {i: text(f"surveycmp.source.{i}", lang) for i in SURVEY_IDS}
    lines = [
        text(
            "surveycmp.source_line",
            lang,
            name=names[c.id],
            source=f"{definitions[c.id]} {cited[c.id]}",
        )
        for c in comparisons
        if c.id in names
    ]
    return (*lines, text("surveycmp.source.register", lang))


def survey_sources(lang: str) -> tuple[str, ...]:
    """Every survey of the reference data, '<name>: <source>' in `lang` ('Over de cijfers')."""
    return tuple(
        text(
            "surveycmp.source_line",
            lang,
            name=text(f"surveycmp.name.{i}", lang),
            source=text(f"surveycmp.source.{i}", lang),
        )
        for i in SURVEY_IDS
    )


def _layout(figure: go.Figure, title: str, y_title: str, lang: str) -> go.Figure:
    figure.update_layout(
        template=template(),
        title={"text": title},
        yaxis_title=y_title,
        # years as categories: one survey year stands in the middle, not at the edge of a
        # range of years without surveys
        xaxis={"type": "category"},
        separators=",." if lang == "nl" else ".,",
        height=380,
    )
    figure.update_traces(width=0.35, selector={"type": "bar"})
    # whole numbers with a thousands separator ('20.000'), not '20k'
    figure.update_yaxes(rangemode="tozero", tickformat=",d")
    return figure


def people_chart(comparisons: list[SurveyComparison], lang: str) -> ChartBlock:
    """The survey's people per year: the estimate with its 95% interval and, wider and lighter,
    the range. Its own linear axis: people are not cases."""
    years = [c.year for c in comparisons]
    estimates = [significant(c.experienced) for c in comparisons]
    palette = categorical_colours()
    figure = go.Figure()
    figure.add_scatter(
        x=years,
        y=estimates,
        mode="markers",
        name=text("surveycmp.band_series", lang),
        marker={"color": colour("grijs-3"), "size": 1},
        error_y={
            "type": "data",
            "symmetric": False,
            "array": [
                significant(c.experienced_band_upper) - e
                for c, e in zip(comparisons, estimates, strict=True)
            ],
            "arrayminus": [
                e - significant(c.experienced_band_lower)
                for c, e in zip(comparisons, estimates, strict=True)
            ],
            "color": colour("grijs-3"),
            "thickness": 14,
            "width": 0,
        },
        hoverinfo="skip",
    )
    figure.add_scatter(
        x=years,
        y=estimates,
        mode="markers",
        name=text("surveycmp.people_series", lang),
        marker={"color": palette[1], "symbol": "square", "size": 11},
        error_y={
            "type": "data",
            "symmetric": False,
            "array": [
                significant(c.experienced_upper) - e
                for c, e in zip(comparisons, estimates, strict=True)
            ],
            "arrayminus": [
                e - significant(c.experienced_lower)
                for c, e in zip(comparisons, estimates, strict=True)
            ],
            "color": palette[1],
            "thickness": 2,
            "width": 6,
        },
        hovertext=[
            f"{c.year}: {people(c.experienced, lang)} ({people(c.experienced_lower, lang)}–{people(c.experienced_upper, lang)})"
            for c in comparisons
        ],
        hoverinfo="text",
    )
    _layout(figure, text("surveycmp.people_title", lang), text("surveycmp.people_axis", lang), lang)
    table = pd.DataFrame(
        {
            text("surveycmp.col.experienced", lang): [
                text(
                    "surveycmp.interval",
                    lang,
                    value=people(c.experienced, lang),
                    lower=people(c.experienced_lower, lang),
                    upper=people(c.experienced_upper, lang),
                )
                for c in comparisons
            ],
            text("surveycmp.col.experienced_band", lang): [
                text(
                    "surveycmp.range",
                    lang,
                    lower=people(c.experienced_band_lower, lang),
                    upper=people(c.experienced_band_upper, lang),
                )
                for c in comparisons
            ],
        },
        index=[str(y) for y in years],
    )
    table.index.name = text("surveycmp.col.year", lang)
    subject, _ = _subject_words(lang)
    last = comparisons[-1]
    summary = text(
        "surveycmp.people_summary",
        lang,
        experienced=people(last.experienced, lang),
        year=last.year,
        subject=subject[last.survey.subject],
        lower=people(last.experienced_band_lower, lang),
        upper=people(last.experienced_band_upper, lang),
    )
    # its source is the survey, not the register (the register's chart is register_chart)
    names = {i: text(f"surveycmp.name.{i}", lang) for i in SURVEY_IDS}
    surveys = dict.fromkeys(names.get(c.id, c.id) for c in comparisons)
    return ChartBlock(
        "survey_people",
        figure,
        table,
        summary,
        [text("surveycmp.charts_note", lang)],
        source=text("export.source_survey", lang, surveys="; ".join(surveys)),
    )


def register_chart(comparisons: list[SurveyComparison], lang: str) -> ChartBlock:
    """The register's people per year of a compared survey: after linking on the matched ground,
    and up to the wider grounds unlinked. Its own linear axis."""
    years = [c.year for c in comparisons]
    persons = [significant(c.registered_persons) for c in comparisons]
    uppers = [significant(c.registered_persons_upper) for c in comparisons]
    figure = go.Figure()
    figure.add_bar(
        x=years,
        y=persons,
        name=text("surveycmp.register_series", lang),
        marker_color=colour("logoblauw"),
        hovertext=[f"{y}: {people(p, lang)}" for y, p in zip(years, persons, strict=True)],
        hoverinfo="text",
    )
    figure.add_scatter(
        x=years,
        y=uppers,
        mode="markers",
        name=text("surveycmp.register_upper_series", lang),
        marker={
            "color": colour("grijs-7"),
            "symbol": "line-ew-open",
            "size": 28,
            "line": {"width": 3},
        },
        hovertext=[f"{y}: {people(u, lang)}" for y, u in zip(years, uppers, strict=True)],
        hoverinfo="text",
    )
    _layout(
        figure, text("surveycmp.register_title", lang), text("surveycmp.register_axis", lang), lang
    )
    table = pd.DataFrame(
        {
            text("surveycmp.col.registered", lang): [
                text(
                    "surveycmp.up_to",
                    lang,
                    value=people(c.registered_persons, lang),
                    upper=people(c.registered_persons_upper, lang),
                )
                for c in comparisons
            ]
        },
        index=[str(y) for y in years],
    )
    table.index.name = text("surveycmp.col.year", lang)
    _, ground_words = _subject_words(lang)
    last = comparisons[-1]
    summary = text(
        "surveycmp.register_summary",
        lang,
        year=last.year,
        persons=people(last.registered_persons, lang),
        grounds=ground_words[last.survey.subject],
        upper=people(last.registered_persons_upper, lang),
    )
    return ChartBlock(
        "survey_register", figure, table, summary, [text("surveycmp.charts_note", lang)]
    )


def notes(comparison: SurveyComparison, lang: str) -> tuple[str, ...]:
    """The remarks on a comparison (fte for persons, registrations not linked), as sentences."""
    sentences = {n: text(f"surveycmp.note.{n}", lang, year=comparison.year) for n in NOTES}
    return tuple(sentences[n] for n in comparison.notes)


@dataclass(frozen=True)
class SurveyComparisonModel:
    """What the page lays out of the survey comparison, in one language.

    label: 'experimentele statistiek', note: what that means; headline: the plain-words sentence
    of the newest compared survey (None when none can be compared, then `none` says so); notes:
    remarks on it; table: every survey with its
    numbers or reasons; assumptions: of the headline comparison; sources: in the page's language;
    people_chart and register_chart: separate (None when nothing is compared); shown: every
    number shown, for publication.shown.
    """

    heading: str
    label: str
    note: str
    intro: str
    headline: str | None
    notes: tuple[str, ...]
    none: str | None
    table: pd.DataFrame
    assumptions: pd.DataFrame | None
    sources_heading: str
    sources: tuple[str, ...]
    people_chart: ChartBlock | None
    register_chart: ChartBlock | None
    shown: tuple[SurveyShownNumber, ...]


def build_survey_comparison(
    comparisons: tuple[SurveyComparison, ...], lang: str
) -> SurveyComparisonModel:
    compared = sorted((c for c in comparisons if c.comparable), key=lambda c: c.year)
    newest = compared[-1] if compared else None
    return SurveyComparisonModel(
        heading=text("surveycmp.heading", lang),
        label=text("surveycmp.experimental", lang),
        note=text("surveycmp.experimental_note", lang),
        intro=text("surveycmp.intro", lang),
        headline=headline(newest, lang) if newest else None,
        notes=notes(newest, lang) if newest else (),
        none=None if newest else text("surveycmp.none", lang),
        table=comparison_table(comparisons, lang),
        assumptions=assumptions_table(newest, lang) if newest else None,
        sources_heading=text("surveycmp.sources_heading", lang),
        sources=sources(comparisons, lang),
        people_chart=people_chart(compared, lang) if compared else None,
        register_chart=register_chart(compared, lang) if compared else None,
        shown=tuple(n for c in compared for n in shown_numbers(c)),
    )
