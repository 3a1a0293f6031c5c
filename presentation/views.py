"""What each page shows, built from protected tables: figures, tables, summaries and warnings.

Pages lay these out; everything that decides a number or a sentence lives here, testable without
Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from base.formatting import format_number, format_percentage
from base.reference import (
    comparable_group_label,
    events,
    ministry_by_code,
    published_figures,
    sector_rijk_fte,
    surveys,
)
from base.texts import text
from etl.contract import CATEGORIES, CHANNELS, GROUNDS
from etl.coverage import DELIVERED, MISSING, as_shown
from etl.problems import short_file_name
from presentation import charts
from presentation.charts import ChartBlock
from protection.grouping import DEFAULT_GROUP_LABEL
from protection.rules import ProtectionRules
from protection.tables import TOTAL, ProtectedTable
from publication import measures, trends
from publication.filters import TrendFilters
from publication.measures import ALL_REPORTS, DISCRIMINATION, table_name
from publication.protected import Publication

if TYPE_CHECKING:
    from presentation.underreporting import MseSummary
    from publication.underreporting import MseResult, RegisteredCases, SurveyInputs, SurveyResult


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


def _channel_block(
    publication: Publication, totals: pd.Series, years: list[int], lang: str
) -> ChartBlock:
    channel_table = publication.table(DISCRIMINATION, "channel")
    long = trends.series_with_intervals(channel_table, years)
    items = [i for i in channel_table.values.index if i != TOTAL]
    return ChartBlock(
        "overview-channels",
        charts.stacked_bars(
            long,
            labels_for("channel", items, lang),
            text("overview.chart_channels", lang),
            lang,
            items,
        ),
        display_table(channel_table, "channel", lang),
        series_summary(totals, years, lang, "summary.discrimination_series"),
        channel_table.footnotes(lang),
    )


def _concerns_block(
    publication: Publication, latest: int | None, years: list[int], lang: str
) -> ChartBlock:
    concerns_table = publication.table(DISCRIMINATION, "concerns")
    long = trends.series_with_intervals(concerns_table, years, ["ja", "deels"])
    return ChartBlock(
        "overview-concerns",
        charts.stacked_bars(
            long,
            labels_for("concerns", ["ja", "deels"], lang),
            text("overview.chart_concerns", lang),
            lang,
            ["ja", "deels"],
        ),
        display_table(concerns_table, "concerns", lang),
        _concerns_summary(concerns_table, latest, lang),
        concerns_table.footnotes(lang),
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
    chart: ChartBlock
    changes: list[tuple[str, str]]
    rate_available: bool
    rate_note: str | None
    selection_note: str | None
    events_caption: str | None
    grouping_note: str | None = None


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
    if not table.is_series:
        long = long[long["item"].isin(chosen if filters.items else [*chosen, TOTAL])]
    labels = labels_for(filters.breakdown, all_items, lang)
    rate_available = filters.breakdown in ("total", "department")
    value = "count"
    rate_note = None
    if filters.scale == "per1000fte":
        if rate_available:
            long = trends.rates_per_1000_fte(long, fte)
            value = "rate"
            if long["rate"].isna().all():
                rate_note = text("trends.rate_none", lang)
            elif long["rate"].isna().any():
                rate_note = text("trends.rate_partial", lang)
        else:
            rate_note = text("trends.rate_unavailable", lang)
    title = text(
        "trends.chart_title",
        lang,
        measure=measures.named(filters.measure).label(lang),
        breakdown=text(f"breakdown.{filters.breakdown}", lang).lower(),
    )
    figure = charts.trend_lines(long, labels, title, events(), lang, value=value)
    shown_table = display_table(table, filters.breakdown, lang, years)
    if chosen and not table.is_series:
        keep_labels = [item_label(filters.breakdown, i, lang) for i in chosen] + [
            text("label.total", lang)
        ]
        shown_table = shown_table[shown_table.index.isin(keep_labels)]
    if value == "rate":
        rate_rows = long.pivot_table(index="item", columns="year", values="rate", aggfunc="first")
        rate_rows = rate_rows.map(lambda v: format_number(v, 2, lang) if not pd.isna(v) else "–")
        rate_rows.index = [
            f"{labels.get(i, i)} ({text('trends.per_1000', lang)})" for i in rate_rows.index
        ]
        rate_rows.columns = [str(c) for c in rate_rows.columns]
        shown_table = pd.concat([shown_table, rate_rows]).fillna("–")
    changes = []
    if len(years) >= 2:
        series_items = (
            [TOTAL] if table.is_series else [*([i for i in chosen if i in all_items]), TOTAL]
        )
        for item in series_items:
            series = table.values if table.is_series else table.values.loc[item]
            change = trends.year_on_year_change(series, years[-1])
            changes.append((labels.get(item, item), change_sentence(change, lang)))
    summary = _trend_summary(long, labels, years, lang, value)
    chart = ChartBlock("trends", figure, shown_table, summary, table.footnotes(lang))
    return TrendsModel(
        chart,
        changes,
        rate_available,
        rate_note,
        selection_note,
        _events_caption(years, lang),
        publication.grouping_note(lang) if filters.breakdown == "department" else None,
    )


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
    shown = [e for e in events() if years and min(years) <= e.date.year <= max(years)]
    if not shown:
        return None
    return (
        text("trends.events", lang)
        + " "
        + "; ".join(f"{e.date.strftime('%d-%m-%Y')}: {e.label(lang)}" for e in shown)
    )


def _trend_summary(
    long: pd.DataFrame, labels: dict[str, str], years: list[int], lang: str, value: str
) -> str:
    total_rows = long[long["item"] == TOTAL] if (long["item"] == TOTAL).any() else long
    shown = (
        total_rows.dropna(subset=[value])
        if value == "rate"
        else total_rows[total_rows["count"].notna()]
    )
    if len(shown) < 2:
        return text("summary.too_few", lang)
    first, last = shown.iloc[0], shown.iloc[-1]
    decimals = 0 if value == "count" else 2
    return text(
        "summary.trend" if value == "count" else "summary.trend_rate",
        lang,
        label=labels.get(first["item"], first["item"]),
        first_year=int(first["year"]),
        first=format_number(float(first[value]), decimals, lang),
        last_year=int(last["year"]),
        last=format_number(float(last[value]), decimals, lang),
    )


# --- under-reporting ---------------------------------------------------------------------------


@dataclass
class UnderreportingModel:
    """The survey method for one year with the user's inputs, the channels' capture-recapture
    models and both side by side (publication.underreporting computes; this gathers for the page)."""

    result: SurveyResult
    metrics: list[tuple[str, str, str]]
    notes: list[str]
    expected: str | None
    scenario: pd.DataFrame | None
    mse_models: pd.DataFrame | None
    mse: MseSummary
    chart: ChartBlock
    assumptions: pd.DataFrame


def build_underreporting(
    registered: dict[int, RegisteredCases],
    defaults: dict[int, SurveyInputs],
    mse: MseResult,
    year: int,
    inputs: SurveyInputs,
    lang: str = "nl",
) -> UnderreportingModel:
    """registered: the cases per year as they may be shown; defaults: each survey year's inputs;
    inputs: those of `year` as the user set them."""
    # Imported on use: the survey method brings scipy (0.7 s), which the other pages never need.
    from analysis.survey import note_text
    from presentation import underreporting as underreporting_view
    from publication import underreporting

    result = underreporting.survey_result(inputs, defaults[year], registered[year])
    estimate = result.estimate
    expected = None
    if estimate is not None and estimate.expected_registrations is not None:
        expected = text(
            "under.expected",
            lang,
            expected=format_number(estimate.expected_registrations, lang=lang),
            registered=format_number(estimate.registered_reports, lang=lang),
        )
    results = {
        y: underreporting.survey_result(
            inputs if y == year else defaults[y], defaults[y], registered[y]
        )
        for y in defaults
        if y in registered
    }
    return UnderreportingModel(
        result=result,
        metrics=underreporting_view.survey_metrics(result, lang) if estimate is not None else [],
        notes=[note_text(note, lang) for note in estimate.notes] if estimate is not None else [],
        expected=expected,
        scenario=underreporting_view.scenario_table(result, lang) if estimate is not None else None,
        mse_models=underreporting_view.mse_models_table(mse, lang) if mse.estimable else None,
        mse=underreporting_view.mse_summary(mse, lang),
        chart=underreporting_view.comparison_chart(registered, results, mse, lang),
        assumptions=underreporting_view.assumptions_table(inputs, lang),
    )


# --- coverage ----------------------------------------------------------------------------------

STATUS_SYMBOLS = {DELIVERED: "●", MISSING: "–"}


def coverage_matrix(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Ministry x year, one symbol per channel in a fixed order: delivered or missing.

    Only statuses, never counts, and not even whether a delivery held reports (as_shown): with a
    total shown as '<5', 'at least one report' per channel would pin the hidden numbers.
    """
    if coverage.empty:
        return pd.DataFrame()
    coverage = as_shown(coverage)
    channels = [
        c
        for c in ("integriteitscoordinator", "meldpunt", "vertrouwenspersoon", "klachtencommissie")
    ]
    cells = {}
    for (department, year), group in coverage.groupby(["department", "year"]):
        by_channel = dict(zip(group["channel"], group["status"], strict=True))
        cells[(department, int(year))] = " ".join(
            f"{text(f'channel_short.{c}', lang)}{STATUS_SYMBOLS[by_channel[c]]}"
            if c in by_channel
            else f"{text(f'channel_short.{c}', lang)}·"
            for c in channels
        )
    matrix = pd.Series(cells).unstack().fillna("")
    matrix.columns = [str(c) for c in matrix.columns]
    order = [m.code for m in ministry_by_code().values() if m.code in matrix.index]
    matrix = matrix.reindex(order)
    matrix.index.name = text("breakdown.department", lang)
    return matrix


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
            text("coverage.delivered", lang): counts[DELIVERED],
            text("coverage.missing", lang): counts[MISSING],
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
    columns |= {
        text("history.kind", lang): history["file_kind"],
        text("history.covers", lang): history["covers"],
        text("history.loaded_at", lang): pd.to_datetime(history["loaded_at"]).dt.strftime(
            "%d-%m-%Y %H:%M"
        ),
        text("history.loaded_by", lang): [
            who if shown else hidden
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
    sources += [f"- {s.id} ({s.year}): {s.source}" for s in surveys()]
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
    lines = [f"- **{year}**: {', '.join(gaps)}" for year, gaps in sorted(incomplete.items())]
    return text("overview.incomplete_years", lang) + "\n" + "\n".join(lines)
