"""Presentation of the page 'Meldingsbereidheid': the willingness results
(publication.willingness) and the survey comparison in words, tables and a chart, in the page's
language. Every number is formatted as publication.willingness.shown_numbers registers it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from base.formatting import format_number, format_percentage
from base.reference import comparable_group_label, survey_indicators
from base.texts import text
from base.theme import colour, template
from presentation.charts import ChartBlock
from presentation.survey_comparison import comparison_table, one_in, spread_is_wide
from protection.tables import TOTAL
from publication import willingness as domain
from publication.survey_comparison import SurveyComparison
from publication.willingness import (
    DECIMALS,
    PARTICIPANTS_HIDDEN,
    Willingness,
)


@dataclass(frozen=True)
class WillingnessModel:
    """The page's sections, ready to lay out."""

    in_short: tuple[str, ...]
    reach_table: pd.DataFrame | None
    reach_notes: tuple[str, ...]
    indicators_table: pd.DataFrame
    indicators_missing: tuple[str, ...]
    indicators_sources: tuple[str, ...]
    measures_chart: ChartBlock | None
    measures_table: pd.DataFrame | None
    measures_notes: tuple[str, ...]
    detectable_table: pd.DataFrame | None
    detectable_sentence: str
    detectable_assumptions: tuple[str, ...]
    comparison_lines: tuple[str, ...]
    comparison_table: pd.DataFrame | None
    comparison_assumptions: tuple[str, ...]


def _number(value: float, statistic: str, lang: str) -> str:
    return format_number(value, DECIMALS[statistic], lang)


def _signed_percent(proportion: float, lang: str) -> str:
    sign = "+" if proportion > 0 else ("−" if proportion < 0 else "")
    return sign + format_percentage(abs(proportion), 0, lang)


def _years_text(years, lang: str) -> str:
    years = sorted(years)
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return text("will.range", lang, lower=years[0], upper=years[-1])
    return ", ".join(str(y) for y in years)


def _label(group: str, lang: str) -> str:
    return comparable_group_label(group, lang)


# --- reach ----------------------------------------------------------------------------------------


def _reach(comparisons: list[SurveyComparison], lang: str) -> tuple[pd.DataFrame | None, tuple]:
    compared = [c for c in comparisons if c.comparable and c.reaching_share is not None]
    if not compared:
        return None, (text("will.short.no_reach", lang),)
    # the columns of Onderrapportage's comparison table, so that both pages write them alike
    columns = [text(f"surveycmp.col.{c}", lang) for c in ("survey", "reaching", "reaching_band")]
    table = comparison_table(tuple(compared), lang)[columns]
    notes = (text("will.reach_one_survey", lang),) if len({c.year for c in compared}) < 2 else ()
    return table, notes


# --- survey indicators ----------------------------------------------------------------------------

# The surveys of data/reference/survey_indicators.csv by the name the file gives them -> their name
# in the reader's language (base/texts/willingness.py).
SURVEY_NAMES = {
    "Personeelsenquete Rijk (PER)": "will.survey.per",
    "WERKonderzoek": "will.survey.werk",
    "Een luisterend oor (VU/BIOS)": "will.survey.luisterendoor",
    "College voor de Rechten van de Mens": "will.survey.crm",
    "SBK Onderzoek en Advies employee surveys": "will.survey.sbk",
    "Algemene Rekenkamer, 'Integriteit als basis'": "will.survey.rekenkamer",
}


def _survey_name(survey: str, lang: str) -> str:
    return text(SURVEY_NAMES[survey], lang)


def _indicators(lang: str) -> tuple[pd.DataFrame, tuple[str, ...], tuple[str, ...]]:
    found = [row for row in survey_indicators() if row.value is not None]
    missing = [row for row in survey_indicators() if row.value is None]
    table = pd.DataFrame(
        {
            text("will.col.indicator", lang): [
                text(f"will.ind.{row.indicator}", lang) for row in found
            ],
            text("will.col.value", lang): [format_percentage(row.value, 0, lang) for row in found],
            text("will.col.measured", lang): [
                row.measure_nl if lang == "nl" else row.measure for row in found
            ],
            text("will.col.survey", lang): [_survey_name(row.survey, lang) for row in found],
            text("will.col.year", lang): [str(row.year) for row in found],
            text("will.col.source_kind", lang): [
                text(f"will.source.{row.kind}", lang) for row in found
            ],
            text("will.col.population", lang): [
                row.population_nl if lang == "nl" else row.population for row in found
            ],
        }
    ).set_index(text("will.col.indicator", lang))  # a static table: the indicator heads its row
    # one line per indicator: the surveys and years that do not publish it
    missing_lines = []
    for indicator in dict.fromkeys(row.indicator for row in missing):
        per_survey: dict[str, list[int]] = {}
        for row in sorted(missing, key=lambda r: r.year):
            if row.indicator == indicator:
                per_survey.setdefault(_survey_name(row.survey, lang), []).append(row.year)
        missing_lines.append(
            text(
                "will.ind_missing_line",
                lang,
                indicator=text(f"will.ind.{indicator}", lang),
                surveys="; ".join(
                    f"{name} {', '.join(map(str, years))}" for name, years in per_survey.items()
                ),
            )
        )
    missing_lines = tuple(missing_lines)
    # The citations name documents (Kamerstuk numbers, titles, dates): one line per source.
    sources = tuple(dict.fromkeys(text(f"will.cite.{row.citation}", lang) for row in found))
    return table, missing_lines, sources


# --- measures -------------------------------------------------------------------------------------


def _measures(result: Willingness, lang: str) -> tuple[ChartBlock | None, pd.DataFrame | None]:
    measures = result.measures
    if measures.empty:
        return None, None
    reports = result.reports.set_index(["department_group", "year"])
    ordered = measures.sort_values(["department_group", "year", "kind"])

    def participants(row) -> str:
        if row.participants_hidden:
            return PARTICIPANTS_HIDDEN.format(threshold=result.participants_threshold)
        if pd.isna(row.participants):
            return ""
        return format_number(int(row.participants), 0, lang)

    def report_cell(group: str, year: int, column: str, decimals: int) -> str:
        if (group, year) not in reports.index:
            return ""
        value = reports.loc[(group, year), column]
        if pd.isna(value):  # a hidden count shows its symbol ('<5', 'x'); its rate nothing
            return reports.loc[(group, year), "symbol"] if column == "count" else ""
        return format_number(value, decimals, lang)

    table = pd.DataFrame(
        {
            text("will.col.ministry", lang): [_label(g, lang) for g in ordered["department_group"]],
            text("will.col.year", lang): [str(int(y)) for y in ordered["year"]],
            text("will.col.kind", lang): [text(f"will.kind.{k}", lang) for k in ordered["kind"]],
            text("will.col.activities", lang): [
                format_number(int(a), 0, lang) for a in ordered["activities"]
            ],
            text("will.col.participants", lang): [participants(r) for r in ordered.itertuples()],
            text("will.col.per_1000_fte", lang): [
                "" if pd.isna(v) else _number(v, domain.ACTIVITIES_RATE, lang)
                for v in ordered["activities_per_1000_fte"]
            ],
            text("will.col.reports", lang): [
                report_cell(g, int(y), "count", 0)
                for g, y in zip(ordered["department_group"], ordered["year"], strict=True)
            ],
            text("will.col.reports_rate", lang): [
                report_cell(g, int(y), "rate_per_1000_fte", 2)
                for g, y in zip(ordered["department_group"], ordered["year"], strict=True)
            ],
        }
    )
    return _measures_chart(result, lang), table


def _measures_chart(result: Willingness, lang: str) -> ChartBlock | None:
    """Small multiples: a panel per ministry, its activities per 1,000 fte (startable kinds
    summed) and its reports per 1,000 fte, each panel on its own scale (one ministry's single
    workshop would flatten every other panel); a year without a value (hidden, not delivered, no
    complete fte) is a gap in the line, not a line across it."""
    from plotly.subplots import make_subplots  # plotly's subplot helper, only for this chart

    activities = domain.activities_per_group(result)
    if activities.empty:
        return None
    reports = result.reports[result.reports["department_group"] != TOTAL]
    groups = sorted(set(activities["department_group"]))
    columns = 3
    rows_count = -(-len(groups) // columns)
    figure = make_subplots(
        rows=rows_count,
        cols=columns,
        subplot_titles=[_label(g, lang) for g in groups],
        horizontal_spacing=0.07,
        vertical_spacing=0.3 / max(rows_count, 1),
    )
    years = sorted(set(activities["year"]))
    for index, group in enumerate(groups):
        row, col = index // columns + 1, index % columns + 1
        mine = (
            activities[activities["department_group"] == group]
            .set_index("year")["activities_per_1000_fte"]
            .reindex(years)
        )
        rates = (
            reports[reports["department_group"] == group]
            .set_index("year")["rate_per_1000_fte"]
            .reindex(years)
        )
        lines = (
            (pd.Series(years), mine.reset_index(drop=True), "logoblauw", "square"),
            (pd.Series(years), rates.reset_index(drop=True), "violet", "circle"),
        )
        names = (text("will.series.activities", lang), text("will.series.reports", lang))
        for (x, y, colour_name, symbol), name in zip(lines, names, strict=True):
            shown = y.round(DECIMALS[domain.ACTIVITIES_RATE])  # reports' rates: 2 decimals too
            figure.add_scatter(
                x=x,
                y=[None if pd.isna(v) else float(v) for v in shown],
                mode="lines+markers",
                name=name,
                line={"color": colour(colour_name), "width": 2},
                marker={"symbol": symbol, "size": 6},
                legendgroup=symbol,
                showlegend=index == 0,
                hovertemplate="%{x}: %{y:.2f}<extra>" + _label(group, lang) + "</extra>",
                row=row,
                col=col,
            )
    figure.update_layout(
        template=template(),
        title={"text": text("will.chart_title", lang)},
        separators=",." if lang == "nl" else ".,",
        height=max(320, 230 * rows_count + 120),
        legend={"orientation": "h", "y": -0.08},
    )
    figure.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        tickangle=0,
        range=[min(years) - 0.5, max(years) + 0.5],
    )
    figure.update_yaxes(rangemode="tozero", tickformat=",.2~f")
    figure.update_yaxes(title_text=text("will.chart_axis", lang), col=1)
    latest = max(years)
    last = activities[activities["year"] == latest].sort_values(
        ["activities_per_1000_fte", "department_group"], ascending=[False, True]
    )
    summary = text(
        "will.chart_summary",
        lang,
        groups=len(groups),
        year=latest,
        most=_label(str(last.iloc[0]["department_group"]), lang),
        value=_number(last.iloc[0]["activities_per_1000_fte"], domain.ACTIVITIES_RATE, lang),
    )
    rates = reports.set_index(["department_group", "year"])["rate_per_1000_fte"]
    table = pd.DataFrame(
        {
            text("will.col.year", lang): [str(int(y)) for y in activities["year"]],
            text("will.series.activities", lang): [
                _number(v, domain.ACTIVITIES_RATE, lang)
                for v in activities["activities_per_1000_fte"]
            ],
            text("will.series.reports", lang): [
                ""
                if pd.isna(rates.get((g, int(y))))
                else format_number(rates[(g, int(y))], 2, lang)
                for g, y in zip(activities["department_group"], activities["year"], strict=True)
            ],
        },
        index=pd.Index(
            [_label(g, lang) for g in activities["department_group"]],
            name=text("will.col.ministry", lang),
        ),
    )
    return ChartBlock(
        "willingness_measures", figure, table, summary, [text("will.own_scales", lang)]
    )


# --- what the figures can show ---------------------------------------------------------------------


def _detectable(result: Willingness, lang: str) -> tuple[pd.DataFrame | None, str, tuple]:
    changes = result.detectable
    if not changes:
        return None, text("will.detect_none", lang), ()
    table = pd.DataFrame(
        {
            text("will.col.horizon", lang): [
                text("will.horizon_one", lang)
                if c.follow_up_years == 1
                else text("will.horizon", lang, years=c.follow_up_years)
                for c in changes
            ],
            text("will.col.rise", lang): [
                _signed_percent(domain.rounded_change(c.increase_ratio), lang) for c in changes
            ],
            text("will.col.fall", lang): [
                text("will.fall_impossible", lang)
                if c.decrease_ratio is None
                else _signed_percent(domain.rounded_change(c.decrease_ratio), lang)
                for c in changes
            ],
        }
    )
    by_horizon = {c.follow_up_years: c for c in changes}
    sentence = ""
    if 1 in by_horizon and 5 in by_horizon:
        sentence = text(
            "will.detect_sentence",
            lang,
            rise_1=format_percentage(domain.rounded_change(by_horizon[1].increase_ratio), 0, lang),
            rise_5=format_percentage(domain.rounded_change(by_horizon[5].increase_ratio), 0, lang),
        )
    first = changes[0]
    assumptions = [
        text(
            "will.detect_assumption.baseline",
            lang,
            years=_years_text(result.baseline, lang),
            expected=_number(first.expected_per_year, domain.EXPECTED, lang),
        ),
        text("will.detect_assumption.design", lang),
    ]
    if result.incomplete_baseline:
        assumptions.append(
            text(
                "will.detect_assumption.incomplete",
                lang,
                years=_years_text(result.incomplete_baseline, lang),
            )
        )
    if first.dispersion_estimated and first.dispersion > 1:
        assumptions.append(
            text(
                "will.detect_assumption.dispersion",
                lang,
                phi=_number(first.dispersion, domain.DISPERSION, lang),
                years=_years_text(result.dispersion_years, lang),
            )
        )
    elif first.dispersion_estimated:
        assumptions.append(
            text(
                "will.detect_assumption.poisson_estimated",
                lang,
                years=_years_text(result.dispersion_years, lang),
            )
        )
    else:
        assumptions.append(text("will.detect_assumption.poisson", lang))
    assumptions.append(text("will.detect_assumption.fte", lang))
    return table, sentence, tuple(assumptions)


# --- the comparison --------------------------------------------------------------------------------


def _groups_text(groups, lang: str) -> str:
    return ", ".join(_label(g, lang) for g in groups)


def _comparison(result: Willingness, lang: str) -> tuple[tuple, pd.DataFrame | None, tuple]:
    comparison = result.comparison
    lines: list[str] = []
    cohort = comparison.cohort
    delivered = comparison.delivered or cohort
    if delivered is not None:
        lines.append(
            text(
                "will.did_cohort",
                lang,
                kind=text(f"will.kind_lower.{delivered.kind}", lang),
                start=delivered.start_year,
                treated=_groups_text(delivered.treated, lang) or "–",
                control=_groups_text(delivered.control, lang) or "–",
                years=_years_text(comparison.years, lang),
            )
        )
    if comparison.left_out:
        lines.append(
            text(
                "will.did_left_out",
                lang,
                groups=_groups_text(comparison.left_out, lang),
                below=result.symbols[0],
                secondary=result.symbols[1],
            )
        )
    if not comparison.shown:
        reasons = list(comparison.reasons)
        if comparison.support is not None:
            reasons += list(comparison.support.reasons)
        few = [r for r in reasons if r.startswith("few_")]
        reasons = few or reasons  # too few ministries: the other reasons follow from it
        p_value = comparison.support.pre_trend_p_value if comparison.support else None
        said = [
            text(
                f"will.reason.{reason}",
                lang,
                minimum=domain.MIN_CELL_COUNT,
                p_value=format_number(p_value, 3, lang) if p_value is not None else "",
            )
            for reason in dict.fromkeys(reasons)
        ]
        if said:  # a list of reasons: the last one ends the sentence
            said[-1] = said[-1].rstrip(";") + "."
        lines.append(
            "\n".join([text("will.did_not_shown", lang), *(f"- {reason}" for reason in said)])
        )
        return tuple(lines), None, ()
    did = comparison.result
    assert did is not None and cohort is not None
    lines.insert(
        0,
        text(
            "will.did_result",
            lang,
            kind=text(f"will.kind_lower.{cohort.kind}", lang),
            start=cohort.start_year,
            treated=_groups_text(cohort.treated, lang),
            control=_groups_text(cohort.control, lang),
            ratio=_number(did.ratio, domain.RATIO, lang),
            lower=_number(did.ratio_lower, domain.RATIO, lang),
            upper=_number(did.ratio_upper, domain.RATIO, lang),
            difference=_number(did.rate_difference, domain.DIFFERENCE, lang),
            difference_lower=_number(did.difference_lower, domain.DIFFERENCE, lang),
            difference_upper=_number(did.difference_upper, domain.DIFFERENCE, lang),
        ),
    )
    includes_one = did.ratio_lower <= 1 <= did.ratio_upper
    lines.insert(
        1, text("will.did_includes_one" if includes_one else "will.did_excludes_one", lang)
    )
    cells = [
        ("treated", "before", did.treated_before, did.before_years),
        ("treated", "after", did.treated_after, did.after_years),
        ("control", "before", did.control_before, did.before_years),
        ("control", "after", did.control_after, did.after_years),
    ]
    table = pd.DataFrame(
        {
            text("will.col.group", lang): [text(f"will.group.{g}", lang) for g, *_ in cells],
            text("will.col.period", lang): [
                text(f"will.period.{p}", lang, years=_years_text(years, lang))
                for _, p, _, years in cells
            ],
            text("will.col.reports", lang): [
                format_number(int(cell.count), 0, lang) for *_, cell, _ in cells
            ],
            text("will.col.fte_years", lang): [
                format_number(cell.exposure, 0, lang) for *_, cell, _ in cells
            ],
            text("will.col.reports_rate", lang): [
                _number(1000 * cell.count / cell.exposure, domain.CELL_RATE, lang)
                for *_, cell, _ in cells
            ],
        }
    )
    phi = _number(did.dispersion, domain.DISPERSION, lang)
    assumptions = (
        *(text(f"will.assumption.{code}", lang, phi=phi) for code in did.assumptions),
        text("will.did_causal", lang),
    )
    return tuple(lines), table, assumptions


# --- in short and the model ------------------------------------------------------------------------


def _in_short(
    result: Willingness, comparisons: list[SurveyComparison], lang: str
) -> tuple[str, ...]:
    lines = []
    compared = [c for c in comparisons if c.comparable and c.reaching_share]
    if compared:
        last = compared[-1]
        # as on Onderrapportage: where the range of all assumptions is wide, the range, not a
        # single '1 in X' that would claim more certainty than there is
        spread = spread_is_wide(last.reaching_share_band_lower, last.reaching_share_band_upper)
        lines.append(
            text(
                "will.short.reach_spread" if spread else "will.short.reach",
                lang,
                survey=text(f"surveycmp.name.{last.id}", lang),
                one_in=one_in(last.reaching_share, lang),
                # the high share is the small X of '1 in X'
                high=one_in(last.reaching_share_band_upper, lang),
                low=one_in(last.reaching_share_band_lower, lang),
            )
        )
    else:
        lines.append(text("will.short.no_reach", lang))
    by_horizon = {c.follow_up_years: c for c in result.detectable}
    if 3 in by_horizon:
        change = by_horizon[3]
        lines.append(
            text(
                "will.short.detectable",
                lang,
                expected=_number(change.expected_per_year, domain.EXPECTED, lang),
                years=3,
                rise=format_percentage(domain.rounded_change(change.increase_ratio), 0, lang),
            )
        )
    comparison = result.comparison
    if comparison.shown and comparison.result is not None and comparison.cohort is not None:
        did = comparison.result
        lines.append(
            text(
                "will.short.comparison",
                lang,
                start=comparison.cohort.start_year,
                kind=text(f"will.kind_lower.{comparison.cohort.kind}", lang),
                ratio=_number(did.ratio, domain.RATIO, lang),
                lower=_number(did.ratio_lower, domain.RATIO, lang),
                upper=_number(did.ratio_upper, domain.RATIO, lang),
            )
        )
    else:
        lines.append(text("will.short.no_comparison", lang))
    lines.append(text("will.caveat", lang))
    return tuple(lines)


def build_willingness(
    result: Willingness, comparisons: list[SurveyComparison], lang: str, synthetic: bool = False
) -> WillingnessModel:
    """The page in `lang`; synthetic: the data shown are the made-up demonstration data."""
    reach_table, reach_notes = _reach(comparisons, lang)
    indicators, missing, sources = _indicators(lang)
    chart, measures_table = _measures(result, lang)
    measures_notes: list[str] = []
    if measures_table is None:
        measures_notes.append(text("will.measures_none", lang))
    else:
        measures_notes.append(
            text("will.participants_note", lang, threshold=result.participants_threshold)
        )
        if synthetic:
            measures_notes.append(text("will.measures_synthetic", lang))
    detect_table, detect_sentence, detect_assumptions = _detectable(result, lang)
    lines, did_table, did_assumptions = _comparison(result, lang)
    return WillingnessModel(
        in_short=_in_short(result, comparisons, lang),
        reach_table=reach_table,
        reach_notes=reach_notes,
        indicators_table=indicators,
        indicators_missing=missing,
        indicators_sources=sources,
        measures_chart=chart,
        measures_table=measures_table,
        measures_notes=tuple(measures_notes),
        detectable_table=detect_table,
        detectable_sentence=detect_sentence,
        detectable_assumptions=detect_assumptions,
        comparison_lines=lines,
        comparison_table=did_table,
        comparison_assumptions=did_assumptions,
    )


def document_sections(model: WillingnessModel, lang: str) -> list[tuple[str, str]]:
    """The page for a document (the briefing's optional section): (heading, markdown) with the
    page's own sentences, the detectable changes as lines and the comparison with its assumptions;
    the same numbers as the page, nothing the page does not show."""
    sections = [(text("will.in_short_heading", lang), _bullets(model.in_short))]
    if model.detectable_table is not None:
        table = model.detectable_table
        horizon, rise, fall = table.columns
        lines = [
            f"{row[horizon]}: {rise.lower()} {row[rise]}; {fall.lower()} {row[fall]}"
            for _, row in table.iterrows()
        ]
        body = "\n".join(
            [text("will.detect_intro", lang), _bullets(lines), model.detectable_sentence]
        )
        sections.append((text("will.detect_heading", lang), body))
        sections.append(
            (text("will.detect_assumptions_heading", lang), _bullets(model.detectable_assumptions))
        )
    comparison = "\n".join(
        [
            text("will.did_intro", lang),
            *model.comparison_lines,
        ]
    )
    sections.append((text("will.did_heading", lang), comparison))
    if model.comparison_assumptions:
        sections.append(
            (text("will.did_assumptions_heading", lang), _bullets(model.comparison_assumptions))
        )
    sections.append((text("will.ind_heading", lang), text("will.ind_not_comparable", lang)))
    return sections


def _bullets(lines) -> str:
    return "\n".join(f"- {line}" for line in lines)
