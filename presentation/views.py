"""What each page shows, built from protected tables: figures, tables, summaries and warnings.

Pages lay these out; everything that decides a number or a sentence lives here, testable without
Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from base.formatting import format_date, format_local_times, format_number, format_percentage
from base.reference import (
    comparable_group_label,
    events,
    ministry_by_code,
    published_figures,
    sector_rijk_fte,
)
from base.texts import text
from etl.contract import CATEGORIES, CHANNELS, GROUNDS
from etl.coverage import DELIVERED, MISSING, as_shown
from etl.problems import short_file_name
from presentation import charts
from presentation.charts import ChartBlock
from presentation.labels import loader_label, missing_deliveries_text
from protection.grouping import DEFAULT_GROUP_LABEL
from protection.rules import ProtectionRules
from protection.tables import TOTAL, ProtectedTable
from publication import measures, trends
from publication.filters import TrendFilters
from publication.measures import ALL_REPORTS, DISCRIMINATION, table_name
from publication.protected import GROUPED_CHANNELS, Publication

if TYPE_CHECKING:
    from presentation.survey_comparison import SurveyComparisonModel
    from presentation.underreporting import MseSummary
    from publication.underreporting import MseResult, RegisteredCases


def item_label(breakdown: str, item: str, lang: str) -> str:
    """Readable name of a row of a breakdown ('vertrouwenspersoon' -> 'Vertrouwenspersoon')."""
    if item == TOTAL:
        return text("label.total", lang)
    if breakdown == "department":
        if item == DEFAULT_GROUP_LABEL:
            return text("label.other_ministries", lang)
        return comparable_group_label(item, lang)
    if breakdown == "total":
        return text("label.total", lang)
    if ";" in str(item):  # a group of values shown as one row (the letter's channel grouping)
        return " + ".join(item_label(breakdown, part, lang) for part in str(item).split(";"))
    return text(f"{breakdown}.{item}", lang)


def labels_for(breakdown: str, items: list[str], lang: str) -> dict[str, str]:
    return {item: item_label(breakdown, item, lang) for item in [*items, TOTAL]}


def display_table(
    table: ProtectedTable, breakdown: str, lang: str, years: list[int] | None = None
) -> pd.DataFrame:
    """The protected table as strings ('<5', '1.234'), rows named, year columns as text."""
    shown = table.display(lang)
    if table.is_series:
        shown = (
            shown.to_frame(text("label.total", lang)).T
            if breakdown == "total"
            else shown.to_frame()
        )
    else:
        shown = shown.rename(
            index=lambda label: (
                item_label(breakdown, label, lang) if label != text("label.total", lang) else label
            )
        )
    if years is not None:
        keep = [c for c in shown.columns if c in years or not isinstance(c, int | float)]
        shown = shown[keep]
    shown.columns = [str(c) for c in shown.columns]
    shown.index.name = text(f"breakdown.{breakdown}", lang)
    return shown


@dataclass
class OverviewModel:
    latest_year: int | None
    latest_count: int | None
    latest_ja: int | None
    latest_deels: int | None
    change: trends.YearChange | None
    latest_share: float | None
    incomplete: dict[int, list[str]]
    letter: trends.LetterComparison | None
    charts: list[ChartBlock]
    notices: list[str] = field(default_factory=list)
    change_text: str = ""
    incomplete_text: str | None = None
    letter_rows: pd.DataFrame | None = None


def _value(series: pd.Series, key) -> int | None:
    value = series.get(key, pd.NA)
    return None if pd.isna(value) else int(value)


def _fmt(value: int | None, lang: str) -> str:
    return text("chart.hidden_value", lang) if value is None else format_number(value, lang=lang)


def change_sentence(change: trends.YearChange | None, lang: str) -> str:
    """Careful wording: an exact test; 'no significant change' is a result, not a failure."""
    if change is None or change.verdict == "not_testable":
        return text("change.not_testable", lang)
    return text(
        f"change.{change.verdict}",
        lang,
        year=change.year,
        previous_year=change.previous_year,
        count=format_number(change.count, lang=lang),
        previous=format_number(change.previous_count, lang=lang),
        p=format_number(change.p_value, 3, lang),
    )


def build_overview(
    publication: Publication, coverage: pd.DataFrame, lang: str = "nl"
) -> OverviewModel:
    years = list(publication.years)
    incomplete = trends.incomplete_years(coverage)
    latest = trends.latest_complete_year(years, coverage)
    totals = trends.year_totals(publication, DISCRIMINATION)
    concerns = (
        publication.table(DISCRIMINATION, "concerns").values
        if publication.is_available(DISCRIMINATION, "concerns")
        else pd.DataFrame()
    )
    share = trends.discrimination_share(publication)
    change = (
        trends.year_on_year_change(totals, latest)
        if latest is not None and latest - 1 in years
        else None
    )
    model = OverviewModel(
        latest_year=latest,
        latest_count=_value(totals, latest),
        latest_ja=_value(concerns.get(latest, pd.Series(dtype="Int64")), "ja") if latest else None,
        latest_deels=_value(concerns.get(latest, pd.Series(dtype="Int64")), "deels")
        if latest
        else None,
        change=change,
        latest_share=None
        if latest is None or pd.isna(share["share"].get(latest))
        else float(share["share"][latest]),
        incomplete=incomplete,
        letter=trends.letter_comparison(publication, published_figures()),
        charts=[],
    )
    model.change_text = change_sentence(change, lang)
    model.incomplete_text = incomplete_years_text(incomplete, lang) if incomplete else None
    model.letter_rows = letter_table(model.letter, lang) if model.letter is not None else None

    for breakdown in ("channel", "concerns"):
        if not publication.is_available(DISCRIMINATION, breakdown):
            model.notices.append(
                publication.unavailable_text(table_name(DISCRIMINATION, breakdown), lang)
            )
    if publication.is_available(DISCRIMINATION, "channel"):
        model.charts.append(_channel_block(publication, totals, years, lang))
    if publication.is_available(DISCRIMINATION, "concerns"):
        model.charts.append(_concerns_block(publication, latest, years, lang))
    model.charts.append(_share_block(share, latest, lang))
    return model


def hidden_reports(table: ProtectedTable, years: list[int]) -> int:
    """Reports a stacked chart of this table puts in its grey segment, over the years: the shown
    year total minus the shown items (from shown numbers only)."""
    hidden = 0
    for year in years:
        total = table.values.at[TOTAL, year]
        if pd.isna(total):
            continue
        column = table.values[year].drop(TOTAL)
        hidden += int(total) - int(column.dropna().sum())
    return hidden


def overview_channel_table(publication: Publication, years: list[int]) -> ProtectedTable:
    """The table behind the overview's channel chart: the four channels, or the letter's grouping
    (integrity coordinator and hotline together) when that hides fewer reports (hidden_reports);
    on a tie the four channels."""
    fine = publication.table(DISCRIMINATION, "channel")
    grouped = publication.tables.get(GROUPED_CHANNELS)
    if grouped is not None and hidden_reports(grouped, years) < hidden_reports(fine, years):
        return grouped
    return fine


def _stacked_block(
    key: str,
    table: ProtectedTable,
    breakdown: str,
    items: list[str],
    years: list[int],
    title: str,
    summary: str,
    lang: str,
) -> ChartBlock:
    """A stacked chart with its table; the footnotes say what the grey segment holds."""
    long = trends.series_with_intervals(table, years, items)
    labels = labels_for(breakdown, items, lang)
    note = charts.hidden_parts_note(long, labels, items, lang, table.rules)
    return ChartBlock(
        key,
        charts.stacked_bars(long, labels, title, lang, items, table.rules),
        display_table(table, breakdown, lang),
        summary,
        [*table.footnotes(lang), *([note] if note else [])],
    )


def _channel_block(
    publication: Publication, totals: pd.Series, years: list[int], lang: str
) -> ChartBlock:
    channel_table = overview_channel_table(publication, years)
    return _stacked_block(
        "overview-channels",
        channel_table,
        "channel",
        [i for i in channel_table.values.index if i != TOTAL],
        years,
        text("overview.chart_channels", lang),
        series_summary(totals, years, lang, "summary.discrimination_series"),
        lang,
    )


def _concerns_block(
    publication: Publication, latest: int | None, years: list[int], lang: str
) -> ChartBlock:
    concerns_table = publication.table(DISCRIMINATION, "concerns")
    return _stacked_block(
        "overview-concerns",
        concerns_table,
        "concerns",
        ["ja", "deels"],
        years,
        text("overview.chart_concerns", lang),
        _concerns_summary(concerns_table, latest, lang),
        lang,
    )


def _share_block(share: pd.DataFrame, latest: int | None, lang: str) -> ChartBlock:
    share_table = pd.DataFrame(
        {
            measures.named(DISCRIMINATION).label(lang): [
                _fmt(_value(share["discrimination"], y), lang) for y in share.index
            ],
            measures.named(ALL_REPORTS).label(lang): [
                _fmt(_value(share["all"], y), lang) for y in share.index
            ],
            text("chart.share", lang): [
                format_percentage(v, 1, lang)
                if not pd.isna(v)
                else text("chart.hidden_value", lang)
                for v in share["share"]
            ],
        },
        index=[str(y) for y in share.index],
    )
    share_table.index.name = text("label.year", lang)
    return ChartBlock(
        "overview-share",
        charts.share_line(share, text("overview.chart_share", lang), lang),
        share_table,
        _share_summary(share, latest, lang),
    )


def series_summary(totals: pd.Series, years: list[int], lang: str, key: str) -> str:
    shown = [(y, _value(totals, y)) for y in years if _value(totals, y) is not None]
    if len(shown) < 2:
        return text("summary.too_few", lang)
    (first_year, first), (last_year, last) = shown[0], shown[-1]
    return text(
        key,
        lang,
        first_year=first_year,
        first=format_number(first, lang=lang),
        last_year=last_year,
        last=format_number(last, lang=lang),
    )


def _concerns_summary(table: ProtectedTable, year: int | None, lang: str) -> str:
    if year is None:
        return text("summary.too_few", lang)
    ja = _value(table.values.get(year, pd.Series(dtype="Int64")), "ja")
    deels = _value(table.values.get(year, pd.Series(dtype="Int64")), "deels")
    # a hidden part is named as hidden in a sentence of its own, never as a number-like word
    if ja is None and deels is None:
        return text("summary.concerns_both_hidden", lang, year=year)
    if ja is None:
        return text("summary.concerns_entirely_hidden", lang, year=year, deels=_fmt(deels, lang))
    if deels is None:
        return text("summary.concerns_partly_hidden", lang, year=year, ja=_fmt(ja, lang))
    return text("summary.concerns", lang, year=year, ja=_fmt(ja, lang), deels=_fmt(deels, lang))


def _share_summary(share: pd.DataFrame, year: int | None, lang: str) -> str:
    if year is None or pd.isna(share["share"].get(year)):
        return text("summary.too_few", lang)
    return text(
        "summary.share",
        lang,
        year=year,
        share=format_percentage(float(share["share"][year]), 1, lang),
    )


# --- trends ------------------------------------------------------------------------------------


def breakdown_items(publication: Publication, measure: str) -> dict[str, list[str]]:
    """For every breakdown of a measure, the rows it can show (the filter options)."""
    items: dict[str, list[str]] = {}
    for breakdown in publication.available_breakdowns(measure):
        table = publication.table(measure, breakdown)
        items[breakdown] = [] if table.is_series else [i for i in table.values.index if i != TOTAL]
    return items


def filter_options(publication: Publication) -> dict[str, dict[str, list[str]]]:
    """The trends filters' options: per measure of the registry, in its order, breakdown_items."""
    return {measure: breakdown_items(publication, measure) for measure in measures.names()}


@dataclass
class TrendsModel:
    """The trends page: the chart, the year-on-year changes and the trend over the years shown.

    changes / trend_tests: (line label, sentence) per line of the chart (its items, then the
    total); change_heading / trend_heading: their headings (counts or per 1,000 fte);
    scale: the scale the chart shows ('per1000fte' only where a rate exists, else 'aantal');
    total_note: what the total row and the total column count.
    """

    chart: ChartBlock
    changes: list[tuple[str, str]]
    rate_available: bool
    rate_note: str | None
    selection_note: str | None
    events_caption: str | None
    grouping_note: str | None = None
    trend_tests: list[tuple[str, str]] = field(default_factory=list)
    change_heading: str = ""
    trend_heading: str = ""
    total_note: str | None = None
    scale: str = "aantal"


# The breakdowns with a denominator (fte per ministry, and of sector Rijk for the total).
RATE_BREAKDOWNS = ("total", "department")


def total_row_label(breakdown: str, lang: str) -> str:
    """The total line of a breakdown says what it counts: every channel, every ministry, ... of
    the whole Rijk, never only the rows a user selected."""
    labels = {
        "channel": text("trends.total_row.channel", lang),
        "department": text("trends.total_row.department", lang),
        "category": text("trends.total_row.category", lang),
        "concerns": text("trends.total_row.concerns", lang),
        "ground": text("trends.total_row.ground", lang),
        "outcome": text("trends.total_row.outcome", lang),
    }
    return labels.get(breakdown, text("label.total", lang))


def build_trends(
    publication: Publication, fte: pd.DataFrame, filters: TrendFilters, lang: str = "nl"
) -> TrendsModel:
    years = [
        y
        for y in publication.years
        if (filters.year_from is None or y >= filters.year_from)
        and (filters.year_to is None or y <= filters.year_to)
    ]
    table = publication.table(filters.measure, filters.breakdown)
    all_items = [] if table.is_series else [i for i in table.values.index if i != TOTAL]
    chosen = list(filters.items) or _largest_items(table, all_items)
    selection_note = (
        text("trends.largest_shown", lang, shown=len(chosen), total=len(all_items))
        if not filters.items and len(chosen) < len(all_items)
        else None
    )
    long = trends.series_with_intervals(table, years, chosen if not table.is_series else None)
    every_row = long  # the chosen rows and the total: the table's rows, also when not drawn
    if not table.is_series:
        long = long[long["item"].isin(chosen if filters.items else [*chosen, TOTAL])]
    total_label = total_row_label(filters.breakdown, lang)
    labels = {**labels_for(filters.breakdown, all_items, lang), TOTAL: total_label}
    rate_available = filters.breakdown in RATE_BREAKDOWNS
    per_fte = filters.scale == "per1000fte" and rate_available
    value = "count"
    rate_note = (
        text("trends.rate_unavailable", lang)
        if filters.scale == "per1000fte" and not rate_available
        else None
    )
    if per_fte:
        long = trends.rates_per_1000_fte(long, fte)
        value = "rate"
        if long["rate"].isna().all():
            rate_note = text("trends.rate_none", lang)
        elif long["rate"].isna().any():
            rate_note = text("trends.rate_partial", lang)
    measure_label = measures.named(filters.measure).label(lang)
    title = (
        text("trends.chart_title_total", lang, measure=measure_label)
        if filters.breakdown == "total"
        else text(
            "trends.chart_title",
            lang,
            measure=measure_label,
            breakdown=text(f"breakdown.{filters.breakdown}", lang).lower(),
        )
    )
    if per_fte:
        title += f" ({text('trends.per_1000', lang)})"
    figure = charts.trend_chart(long, labels, title, events(), lang, value=value)
    shown_table = _trends_table(table, filters.breakdown, chosen, years, publication, lang)
    if value == "rate":
        # A rate for every row of the count table (the total too when only ministries are
        # drawn: the change and trend sentences state its rate), '–' where there is none.
        rated = trends.rates_per_1000_fte(every_row, fte)
        rate_rows = rated.pivot(index="item", columns="year", values="rate")
        rate_rows = rate_rows.reindex(index=list(dict.fromkeys(rated["item"])), columns=years)
        rate_rows = rate_rows.map(lambda v: format_number(v, 2, lang) if not pd.isna(v) else "–")
        rate_rows.index = [
            f"{labels.get(i, i)} ({text('trends.per_1000', lang)})" for i in rate_rows.index
        ]
        rate_rows.columns = [str(c) for c in rate_rows.columns]
        shown_table = pd.concat([shown_table, rate_rows]).fillna("–")
    series_items = [TOTAL] if table.is_series else [*(i for i in chosen if i in all_items), TOTAL]
    # A rate's change is tested up to the last year with fte for sector Rijk (the fte of the
    # newest year often comes later than the reports); a count's up to the last year shown.
    change_year = years[-1] if years else None
    if per_fte:
        with_fte = [y for y in years if y in trends.fte_of(fte, TOTAL, years)]
        change_year = with_fte[-1] if with_fte else change_year
    changes, trend_tests = [], []
    for item in series_items:
        series = table.values if table.is_series else table.values.loc[item]
        item_fte = trends.fte_of(fte, item, years) if per_fte else None
        label = labels.get(item, item)
        if len(years) >= 2 and change_year is not None and change_year - 1 in years:
            if item_fte is not None:
                change = trends.year_on_year_rate_change(series, item_fte, change_year)
                changes.append((label, rate_change_sentence(change, lang)))
            else:
                change = trends.year_on_year_change(series, years[-1])
                changes.append((label, change_sentence(change, lang)))
        trend = trends.trend_over_years(series, years, item_fte)
        # a line of zeros (a ground nobody reported) has no trend, and no report in any year
        no_reports = trend.reason == "not_estimable" and all(series[y] == 0 for y in trend.used)
        trend_tests.append(
            (label, text("trend.no_reports", lang) if no_reports else trend_sentence(trend, lang))
        )
    summary = _trend_summary(long, labels, years, lang, value)
    chart = ChartBlock("trends", figure, shown_table, summary, table.footnotes(lang))
    span = _years_text(years, lang)
    return TrendsModel(
        chart,
        changes,
        rate_available,
        rate_note,
        selection_note,
        _events_caption(years, lang),
        publication.grouping_note(lang) if filters.breakdown == "department" else None,
        trend_tests=trend_tests,
        change_heading=text(
            "trends.change_heading_rate" if per_fte else "trends.change_heading",
            lang,
            year=change_year or "",
        ),
        trend_heading=text(
            "trends.trend_heading_rate" if per_fte else "trends.trend_heading", lang, years=span
        ),
        total_note=_total_note(filters.breakdown, years, publication, lang),
        scale="per1000fte" if per_fte else "aantal",
    )


def _trends_table(
    table: ProtectedTable,
    breakdown: str,
    chosen: list[str],
    years: list[int],
    publication: Publication,
    lang: str,
) -> pd.DataFrame:
    """The protected table of the chart: the years shown, the chosen rows and the total row, each
    labelled with what it counts; the total column is the published one over all years and says
    so (a total over the years shown is not published: two such totals would give away hidden
    numbers by subtraction)."""
    shown = display_table(table, breakdown, lang, years)
    total = text("label.total", lang)
    if chosen and not table.is_series:
        keep = [item_label(breakdown, i, lang) for i in chosen] + [total]
        shown = shown[shown.index.isin(keep)]
    if table.is_series:
        return shown
    all_years = list(publication.years)
    column = text("trends.total_column", lang, years=_years_text(all_years, lang))
    shown = shown.rename(index={total: total_row_label(breakdown, lang)}, columns={total: column})
    return shown


def _total_note(
    breakdown: str, years: list[int], publication: Publication, lang: str
) -> str | None:
    if breakdown == "total":
        return None
    all_years = list(publication.years)
    note = text("trends.total_row_note", lang, total=total_row_label(breakdown, lang))
    if years != all_years:
        note += " " + text(
            "trends.total_column_note",
            lang,
            column=text("trends.total_column", lang, years=_years_text(all_years, lang)),
        )
    return note


def _years_text(years: list[int], lang: str) -> str:
    """'2018–2025' for a run of years, '2019, 2021 en 2022' otherwise."""
    if not years:
        return ""
    ordered = sorted(years)
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return _list_text([str(y) for y in ordered], lang)


def _list_text(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {text('label.and', lang)} {parts[-1]}"


def _signed_percent(share: float, lang: str) -> str:
    """+13,6% / −2,0%: the sign always written, a typographic minus."""
    rounded = round(share * 100, 1)
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "")
    return f"{sign}{format_number(abs(rounded), 1, lang)}%"


def p_text(p_value: float, lang: str) -> str:
    """'p < 0,001' below a thousandth, else 'p = 0,016'."""
    if p_value < 0.001:
        return f"p < {format_number(0.001, 3, lang)}"
    return f"p = {format_number(p_value, 3, lang)}"


def rate_change_sentence(change: trends.YearChange, lang: str) -> str:
    """The year-on-year test of a rate per 1,000 fte (exact, the fte as exposures)."""
    if change.verdict == "not_testable" or change.rate is None or change.previous_rate is None:
        return text("change_rate.not_testable", lang)
    numbers = {
        "year": change.year,
        "previous_year": change.previous_year,
        "rate": format_number(change.rate, 2, lang),
        "previous": format_number(change.previous_rate, 2, lang),
        "p": format_number(change.p_value, 3, lang),
    }
    if change.verdict == "significant_increase":
        return text("change_rate.significant_increase", lang, **numbers)
    if change.verdict == "significant_decrease":
        return text("change_rate.significant_decrease", lang, **numbers)
    return text("change_rate.no_significant_change", lang, **numbers)


def trend_sentence(trend: trends.TrendOverYears, lang: str) -> str:
    """The trend over the years shown in words: the average yearly change with its interval, the
    p-value and what it means; or why there is no test."""
    if trend.test is None:
        if trend.reason == "hidden":
            return text(
                "trend.hidden", lang, years=_list_text([str(y) for y in trend.hidden], lang)
            )
        if trend.reason == "too_few_years" and trend.per_fte:
            return text("trend.too_few_years_rate", lang, minimum=trends.MIN_TREND_YEARS)
        if trend.reason == "too_few_years":
            return text("trend.too_few_years", lang, minimum=trends.MIN_TREND_YEARS)
        return text("trend.not_estimable", lang)
    test = trend.test
    significant = test.p_value < 0.05
    if not significant:
        verdict = text("trend.verdict_none", lang)
    elif test.change > 0:
        verdict = text("trend.verdict_increase", lang)
    else:
        verdict = text("trend.verdict_decrease", lang)
    numbers = {
        "change": _signed_percent(test.change, lang),
        "lower": _signed_percent(test.lower, lang),
        "upper": _signed_percent(test.upper, lang),
        "years": _years_text(list(trend.used), lang),
        "p": p_text(test.p_value, lang),
        "verdict": verdict,
    }
    sentence = (
        text("trend.result_rate", lang, **numbers)
        if trend.per_fte
        else text("trend.result", lang, **numbers)
    )
    if test.quasi:
        sentence += " " + text(
            "trend.overdispersed", lang, factor=format_number(test.dispersion, 1, lang)
        )
    if trend.without_fte:
        sentence += " " + text(
            "trend.without_fte",
            lang,
            years=_list_text([str(y) for y in trend.without_fte], lang),
        )
    return sentence


MAX_DEFAULT_SERIES = 6


def _largest_items(table: ProtectedTable, items: list[str]) -> list[str]:
    """Without a selection, at most six lines: the items with the largest shown totals."""
    if table.is_series or len(items) <= MAX_DEFAULT_SERIES:
        return items
    totals = table.values[TOTAL] if TOTAL in table.values.columns else table.values.sum(axis=1)
    ranked = sorted(
        items,
        key=lambda item: (
            -(0 if pd.isna(totals.get(item)) else int(totals[item])),
            items.index(item),
        ),
    )
    keep = set(ranked[:MAX_DEFAULT_SERIES])
    return [item for item in items if item in keep]


def _events_caption(years: list[int], lang: str) -> str | None:
    """The events the chart numbers (presentation.charts.add_event_markers), by name and date."""
    shown = charts.shown_events(events(), years)
    if not shown:
        return None
    return (
        text("trends.events", lang)
        + " "
        + "; ".join(
            f"{charts.event_number(n)} {format_date(e.date, lang)}: {e.label(lang)}"
            for n, e in enumerate(shown)
        )
    )


def _trend_summary(
    long: pd.DataFrame, labels: dict[str, str], years: list[int], lang: str, value: str
) -> str:
    """One sentence per line of the chart, each from its own numbers: first and last shown value
    of that line, and the years protection hides in it."""
    sentences = []
    for item in dict.fromkeys(long["item"]):
        rows = long[long["item"] == item].sort_values("year")
        shown = rows[rows[value].notna()]
        label = labels.get(item, item)
        hidden = [int(y) for y in rows.loc[rows["count"].isna(), "year"]]
        if len(shown) < 2:
            sentence = text("summary.too_few_for", lang, label=label)
        else:
            first, last = shown.iloc[0], shown.iloc[-1]
            decimals = 0 if value == "count" else 2
            sentence = text(
                "summary.trend" if value == "count" else "summary.trend_rate",
                lang,
                label=label,
                first_year=int(first["year"]),
                first=format_number(float(first[value]), decimals, lang),
                last_year=int(last["year"]),
                last=format_number(float(last[value]), decimals, lang),
            )
        if hidden:
            sentence += " " + text(
                "summary.trend_hidden", lang, years=_list_text([str(y) for y in hidden], lang)
            )
        sentences.append(sentence)
    return " ".join(sentences) if sentences else text("summary.too_few", lang)


# --- under-reporting ---------------------------------------------------------------------------


@dataclass
class UnderreportingModel:
    """The under-reporting page: in short (one sentence per method, plain words), the survey
    comparison matched on definitions, the channels' capture-recapture models, and the cases per
    year registered beside the estimate (publication.survey_comparison and
    publication.underreporting compute; this gathers for the page)."""

    in_short: tuple[str, ...]
    survey: SurveyComparisonModel
    mse_models: pd.DataFrame | None
    mse: MseSummary
    chart: ChartBlock


def build_underreporting(
    registered: dict[int, RegisteredCases],
    publication: Publication,
    mse: MseResult,
    lang: str = "nl",
) -> UnderreportingModel:
    """registered: the cases per year as they may be shown (protected_cases)."""
    # Imported on use: the estimates bring scipy, which the other pages never need.
    from presentation import underreporting as underreporting_view
    from presentation.survey_comparison import build_survey_comparison
    from publication.survey_comparison import compare_surveys

    survey = build_survey_comparison(compare_surveys(publication, registered), lang)
    summary = underreporting_view.mse_summary(mse, lang)
    return UnderreportingModel(
        in_short=(survey.headline or survey.none or "", summary.sentence or summary.message or ""),
        survey=survey,
        mse_models=underreporting_view.mse_models_table(mse, lang) if mse.estimable else None,
        mse=summary,
        chart=underreporting_view.comparison_chart(registered, mse, lang),
    )


# --- coverage ----------------------------------------------------------------------------------


def coverage_matrix(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per ministry and channel it ever delivered for, one column per year, each cell a
    word: delivered or missing.

    Only statuses, never counts, and not even whether a delivery held reports (as_shown): with a
    total shown as '<5', 'at least one report' per channel would pin the hidden numbers. Words, not
    symbols, so that a screen reader reads the same as the eye; channels a ministry never
    delivered for are left out (the legend says so), which keeps the grid short enough to show
    every year.
    """
    if coverage.empty:
        return pd.DataFrame()
    coverage = as_shown(coverage)
    channels = ["integriteitscoordinator", "meldpunt", "vertrouwenspersoon", "klachtencommissie"]
    years = sorted(int(y) for y in coverage["year"].unique())
    status_words = {
        DELIVERED: text("coverage.cell_delivered", lang),
        MISSING: text("coverage.cell_missing", lang),
    }
    rows = []
    for ministry in (m.code for m in ministry_by_code().values()):
        own = coverage[coverage["department"] == ministry]
        if own.empty:
            continue
        for channel in channels:
            in_channel = own[own["channel"] == channel]
            if in_channel.empty:
                continue
            status = dict(zip(in_channel["year"].astype(int), in_channel["status"], strict=True))
            rows.append(
                {
                    text("breakdown.department", lang): ministry,
                    text("breakdown.channel", lang): text(f"channel.{channel}", lang),
                    **{str(year): status_words.get(status.get(year), "") for year in years},
                }
            )
    return pd.DataFrame(rows)


def coverage_summary(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per year: deliveries delivered and missing (explicit zeros count as delivered: as_shown)."""
    if coverage.empty:
        return pd.DataFrame()
    coverage = as_shown(coverage)
    counts = coverage.groupby(["year", "status"]).size().unstack(fill_value=0)
    for status in (DELIVERED, MISSING):
        if status not in counts:
            counts[status] = 0
    frame = pd.DataFrame(
        {
            text("coverage.summary_delivered", lang): counts[DELIVERED],
            text("coverage.summary_missing", lang): counts[MISSING],
        }
    )
    frame.index = [str(y) for y in frame.index]
    frame.index.name = text("label.year", lang)
    return frame


@dataclass
class CoverageModel:
    empty: bool
    summary: pd.DataFrame
    matrix: pd.DataFrame
    history: pd.DataFrame


def build_coverage(
    coverage: pd.DataFrame,
    history: pd.DataFrame,
    lang: str,
    show_people: bool,
    own_departments: frozenset[str] = frozenset(),
) -> CoverageModel:
    return CoverageModel(
        coverage.empty,
        coverage_summary(coverage, lang),
        coverage_matrix(coverage, lang),
        history_table(history, lang, show_people, own_departments),
    )


def _departments_covered(covers: object) -> set[str]:
    """'BZK 2021, BZK 2022' (etl.queries.submission_history's `covers`) -> {'BZK'}."""
    if not isinstance(covers, str):
        return set()
    return {part.rsplit(" ", 1)[0] for part in covers.split(", ") if part}


def history_table(
    history: pd.DataFrame,
    lang: str,
    show_people: bool = True,
    own_departments: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Every submission with provenance. The file name and who loaded it are the uploaders' (a
    name such as 'BZK_2025_a.jansen.csv', a staff e-mail address): administrators (show_people)
    see them on every row, an uploader on the rows of their own departments (own_departments);
    for anyone else the file column is left out and 'who' says it is hidden. Names are capped."""
    if history.empty:
        return history
    if show_people:
        visible = [True] * len(history)
    else:
        visible = [
            bool(covered) and covered <= own_departments
            for covered in map(_departments_covered, history["covers"])
        ]
    hidden = text("history.other_department" if own_departments else "history.person_hidden", lang)
    columns: dict[str, object] = {text("history.submission", lang): history["submission_id"]}
    if show_people or own_departments:
        columns[text("history.file", lang)] = [
            short_file_name(name) if shown and isinstance(name, str) else ("" if shown else hidden)
            for name, shown in zip(history["file_name"], visible, strict=True)
        ]
    kinds = {  # the stored file kinds (etl.contract: 'meldingen', 'fte', 'maatregelen')
        "fte": text("history.kind.fte", lang),
        "maatregelen": text("history.kind.maatregelen", lang),
    }
    columns |= {
        text("history.kind", lang): [
            kinds.get(k) or text("history.kind.meldingen", lang) for k in history["file_kind"]
        ],
        text("history.covers", lang): history["covers"],
        text("history.loaded_at", lang): format_local_times(history["loaded_at"]),
        text("history.loaded_by", lang): [
            loader_label(who, lang) if shown else hidden
            for who, shown in zip(history["loaded_by"], visible, strict=True)
        ],
        text("history.replaced_by", lang): history["replaced_by"].fillna(""),
        "sha256": history["sha256"].str.slice(0, 16) + "…",
    }
    return pd.DataFrame(columns).reset_index(drop=True)


def letter_table(letter: trends.LetterComparison, lang: str) -> pd.DataFrame:
    """The letter's 2018-2020 figures beside the monitor's, with whether they agree."""

    def verdict(agrees: bool | None) -> str:
        if agrees is None:
            return text("letter.not_shown", lang)
        return text("letter.agrees" if agrees else "letter.differs", lang)

    # 'hidden' and 'nothing delivered' are different answers; only the first is protection
    not_delivered = text("letter.not_delivered", lang)

    return pd.DataFrame(
        {
            text("letter.what", lang): [
                text("letter.registrations", lang),
                text("letter.committee", lang),
            ],
            text("letter.published", lang): [
                f"{format_number(letter.registrations_low, lang=lang)}–{format_number(letter.registrations_high, lang=lang)}"
                f" ({text('letter.per_year_band', lang)})",
                format_number(letter.committee_published, lang=lang),
            ],
            text("letter.monitor", lang): [
                _fmt(letter.registrations_2018_2020, lang),
                _fmt(letter.committee_2018_2020, lang)
                if letter.committee_delivered
                else not_delivered,
            ],
            text("letter.verdict", lang): [
                verdict(letter.registrations_agree),
                verdict(letter.committee_agrees) if letter.committee_delivered else not_delivered,
            ],
        }
    )


def about_sections(lang: str) -> list[tuple[str, str]]:
    """The 'about the figures' page: caveats first, then definitions, methods, sources, contract."""

    rules = ProtectionRules()
    channels = "\n".join(
        f"- **{text(f'channel.{c}', lang)}**: {text(f'channel_definition.{c}', lang)}"
        for c in CHANNELS
    )
    categories = ", ".join(text(f"category.{c}", lang) for c in CATEGORIES)
    grounds = ", ".join(text(f"ground.{g}", lang) for g in GROUNDS)
    sources = [f"- {text('about.source_letter', lang)}"]
    sources += [
        f"- {text('about.source_fte', lang)}: {next(iter(sector_rijk_fte().values())).source}"
    ]
    # Imported on use: the survey comparison brings scipy, which this page does not otherwise need.
    from presentation.survey_comparison import survey_sources

    sources += [f"- {line}" for line in survey_sources(lang)]
    sources += [f"- {text('about.source_events', lang)}: {', '.join(e.source for e in events())}"]
    return [
        (text("about.caveats_heading", lang), text("about.caveats", lang)),
        (text("about.channels_heading", lang), channels),
        (
            text("about.categories_heading", lang),
            text("about.categories", lang, categories=categories, grounds=grounds),
        ),
        (text("about.methods_heading", lang), text("about.methods", lang)),
        (
            text("about.protection_heading", lang),
            text(
                "about.protection",
                lang,
                threshold=rules.threshold,
                below=rules.below_threshold_text,
                secondary=rules.secondary_text,
                width=format_number(rules.min_interval_width, 0, lang),
            ),
        ),
        (text("about.sources_heading", lang), "\n".join(sources)),
        (text("about.contract_heading", lang), text("about.contract", lang)),
    ]


def incomplete_years_text(incomplete: dict[int, list[str]], lang: str) -> str:
    """One warning for all incomplete years: 'Onvolledige jaren ... 2019: AZ; JenV klachtencommissie'."""
    lines = [
        f"- **{year}**: {missing_deliveries_text(gaps, lang)}"
        for year, gaps in sorted(incomplete.items())
    ]
    return text("overview.incomplete_years", lang) + "\n" + "\n".join(lines)
