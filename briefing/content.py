"""What a briefing can contain: a fixed catalogue of figures and tables, built from the publication.

Every number comes from publication.protected (protected tables) through presentation.views,
publication.trends and presentation.exports.protected_frame; the measures and their labels from
publication.measures. No Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from base.formatting import format_number, format_percentage
from base.texts import text
from etl import queries, warehouse
from presentation import charts
from presentation.exports import (
    Amount,
    ExportTable,
    chart_footnotes,
    export_figure,
    min_font_px,
    note_line,
    notes_text,
    print_ready,
    protected_frame,
    short_source_line,
    source_line,
    subtitle_for_years,
)
from presentation.views import (
    build_trends,
    change_sentence,
    item_label,
    labels_for,
    series_summary,
    trend_sentence,
)
from protection.rules import ProtectionRules
from protection.tables import TOTAL
from publication import derived, measures, releases, trends
from publication.filters import TrendFilters
from publication.measures import ALL_REPORTS, DISCRIMINATION, table_name
from publication.protected import Publication
from publication.survey_comparison import SurveyComparison, compare_surveys
from publication.trends import SHARE_MEASURES
from publication.underreporting import protected_cases
from publication.willingness import Willingness, from_results


@dataclass(frozen=True)
class BriefingData:
    """Everything a briefing is built from: the protected publication and what describes it."""

    publication: Publication
    coverage: pd.DataFrame
    fte: pd.DataFrame
    version: queries.DataVersion
    # the optional section on measures and willingness to report (load_data(willingness=True)):
    # the page's results and the survey comparisons it repeats
    willingness: Willingness | None = None
    comparisons: tuple[SurveyComparison, ...] = ()

    @property
    def incomplete(self) -> dict[int, list[str]]:
        return trends.incomplete_years(self.coverage)


def _with_willingness(data: BriefingData, results: derived.DerivedResults) -> BriefingData:
    registered = protected_cases(results.cases, results.publication)
    return replace(
        data,
        willingness=from_results(results),
        comparisons=tuple(compare_surveys(results.publication, registered)),
    )


def load_data(
    db_path: Path | None = None, release_id: str | None = None, willingness: bool = False
) -> BriefingData:
    """Read the warehouse once (etl.warehouse.reading): the figures of the data version the pages
    show, i.e. the newest whose derived results are complete (publication.derived; computed here
    when none are stored), so that a briefing never mixes two versions; they are provisional.

    release_id: the figures of that release instead (publication.releases), exactly as they were
    released, and its name and date on every file (raises releases.ReleaseError when unknown).
    """
    if release_id is not None:
        path = Path(db_path or warehouse.default_db_path())
        release = releases.get(path, release_id)
        frozen = releases.results(path, release_id)
        data = BriefingData(frozen.publication, frozen.coverage, frozen.fte, release.cited())
        return _with_willingness(data, frozen) if willingness else data
    with warehouse.reading(db_path) as connection:
        rules = ProtectionRules()
        shown = derived.latest(connection, rules) or derived.compute(connection, rules)
        version = queries.data_version(connection, up_to_sequence=shown.data_version)
    data = BriefingData(shown.publication, shown.coverage, shown.fte, version)
    return _with_willingness(data, shown) if willingness else data


# --- the catalogue ------------------------------------------------------------------------------

# key -> (measure, breakdown) for the trend figures; the first three are the overview's figures.
OVERVIEW_CHARTS = ("kanalen", "betreft", "aandeel")
TREND_CHARTS: dict[str, tuple[str, str]] = {
    "ministeries": (DISCRIMINATION, "department"),
    "gronden": (DISCRIMINATION, "ground"),
    "uitkomsten": (DISCRIMINATION, "outcome"),
    "alle-meldingen-categorie": (ALL_REPORTS, "category"),
}
CHART_KEYS: tuple[str, ...] = (*OVERVIEW_CHARTS, *TREND_CHARTS)


def all_table_keys() -> tuple[str, ...]:
    """Every table of every measure of the registry (as it is now), in its order."""
    return tuple(
        entry.table_name(breakdown)
        for entry in measures.registered()
        for breakdown in entry.breakdowns
    )


TABLE_KEYS: tuple[str, ...] = all_table_keys()  # at import; all_table_keys() is live


def chart_is_available(publication: Publication, key: str) -> bool:
    """Whether figure `key` can be made from the protected publication of the current data."""
    if key == "kanalen":
        return publication.is_available(DISCRIMINATION, "channel")
    if key == "betreft":
        return publication.is_available(DISCRIMINATION, "concerns")
    if key == "aandeel":
        return all(publication.is_available(measure, "total") for measure in SHARE_MEASURES)
    return publication.is_available(*TREND_CHARTS[key])


def available_chart_keys(
    publication: Publication, keys: Sequence[str] = CHART_KEYS
) -> tuple[str, ...]:
    """The figures of `keys` that can be shown now (a breakdown may be given up, see
    publication.protected: then its figure is left out, never built from unprotected numbers)."""
    return tuple(key for key in keys if chart_is_available(publication, key))


def available_table_keys(
    publication: Publication, keys: Sequence[str] | None = None
) -> tuple[str, ...]:
    """The tables of `keys` (default: all_table_keys) that can be shown now."""
    keys = all_table_keys() if keys is None else keys
    return tuple(key for key in keys if key in publication.tables)


def omitted_note(
    publication: Publication,
    chart_keys: Sequence[str] = CHART_KEYS,
    table_keys: Sequence[str] | None = None,
    lang: str = "nl",
) -> str | None:
    """One sentence naming the figures and tables asked for (default: all) that cannot be shown,
    and why."""
    table_keys = all_table_keys() if table_keys is None else table_keys
    charts = [chart_title(k, lang) for k in chart_keys if not chart_is_available(publication, k)]
    tables = [table_title(k, lang) for k in table_keys if k not in publication.tables]
    if not charts and not tables:
        return None
    items = ", ".join(dict.fromkeys([*charts, *tables]))
    return text("export.omitted", lang, items=items)


def chart_title(key: str, lang: str = "nl") -> str:
    if key == "kanalen":
        return text("export.chart.channels", lang)
    if key == "betreft":
        return text("export.chart.concerns", lang)
    if key == "aandeel":
        return text("export.chart.share", lang)
    measure, breakdown = TREND_CHARTS[key]
    return _trend_title(measure, breakdown, lang)


def _trend_title(measure: str, breakdown: str, lang: str) -> str:
    label = measures.named(measure).label(lang)
    if breakdown == "total":
        return label
    return text(
        "trends.chart_title",
        lang,
        measure=label,
        breakdown=text(f"breakdown.{breakdown}", lang).lower(),
    )


def table_title(key: str, lang: str = "nl") -> str:
    measure, breakdown = key.split(":")
    return _trend_title(measure, breakdown, lang)


# A figure in the document: drawn 700 px wide and printed 15 cm wide, so that with every font at
# least 9 pt there (print_ready: 15 px) the plot keeps room; PNG at 2x is 1,400 px, 237 dpi.
FIGURE_WIDTH_CM = 15.0
DOCUMENT_WIDTH_PX = 700
DOCUMENT_PLOT_HEIGHT = 300
MIN_PRINT_POINTS = 9
# Below 20 a count's Poisson standard error is more than a fifth of it (1/sqrt(20) = 0.22): a
# difference between two years of such counts says little, and the document says so.
SMALL_COUNT = 20


@dataclass
class ExportChart:
    """One figure of the catalogue: the chart, its sentences, notes and the table behind it."""

    key: str
    title: str
    subtitle: str
    figure: go.Figure  # as on the dashboard (title inside)
    sentences: list[str]
    footnotes: list[str]
    source: str
    table: ExportTable
    years: list[int] = field(default_factory=list)
    short_source: str = ""  # the one source line under the figure in a document
    note_line: str = ""  # the one line of notes that apply to it (the notes section explains)
    # the source line inside a chart file: short_source, and the synthetic-data warning that a
    # document says once but an image travelling alone must carry
    image_source: str = ""

    def standalone(self, lang: str = "nl") -> go.Figure:
        """For PNG/SVG/PDF files: title, subtitle and the one short source line inside the
        image; the notes go beside it as text (notes_text)."""
        return export_figure(
            self.figure,
            title=self.title,
            subtitle=self.subtitle,
            source=self.image_source or self.short_source or self.source,
            lang=lang,
        )

    def notes_text(self, lang: str = "nl", made: str = "") -> str:
        """The notes beside a chart file: the full source, the footnotes (protection symbols,
        incomplete years, series breaks) and the symbols, as the briefing's 'Toelichting'."""
        return notes_text(self.title, self.subtitle, self.source, self.footnotes, lang, made)

    def for_document(self, lang: str = "nl") -> go.Figure:
        """For the briefing: caption, source and notes are document text, not part of the image;
        every font at least MIN_PRINT_POINTS at FIGURE_WIDTH_CM."""
        # Small multiples (a panel per line, presentation.charts.trend_panels) keep the height
        # they were drawn for: squeezed to one plot's height their titles run into each other.
        panels = "xaxis2" in self.figure.layout
        figure = export_figure(
            self.figure,
            title="",
            subtitle="",
            source="",
            lang=lang,
            plot_height=max(DOCUMENT_PLOT_HEIGHT, self.figure.layout.height or 0)
            if panels
            else DOCUMENT_PLOT_HEIGHT,
            width=DOCUMENT_WIDTH_PX,
            legend_font=min_font_px(DOCUMENT_WIDTH_PX, FIGURE_WIDTH_CM, MIN_PRINT_POINTS),
        )
        if panels:
            figure.update_layout(showlegend=False)  # each panel's title names its line
        return print_ready(figure, FIGURE_WIDTH_CM, MIN_PRINT_POINTS)


def _value(series: pd.Series, key) -> int | None:
    value = series.get(key, pd.NA)
    return None if pd.isna(value) else int(value)


def _hidden(lang: str) -> str:
    return text("chart.hidden_value", lang)


def _series_sentence(totals: pd.Series, years: Sequence[int], lang: str, key: str) -> str:
    return series_summary(totals, list(years), lang, key)


def _change(totals: pd.Series, years: Sequence[int], lang: str) -> list[str]:
    """The year-on-year test of the last two years and the trend over all years shown."""
    if len(years) < 2:
        return []
    return [
        change_sentence(trends.year_on_year_change(totals, max(years)), lang),
        trend_sentence(trends.trend_over_years(totals, years), lang),
    ]


def has_small_counts(values: Sequence[int | None]) -> bool:
    """Whether counts that a sentence compares are small: hidden (None) or below SMALL_COUNT."""
    return any(value is None or value < SMALL_COUNT for value in values)


def _compared(series: pd.Series, years: Sequence[int]) -> list[int | None]:
    """The counts of a series that its sentences compare: the first and last shown year and the
    last two years (the change test); None where hidden."""
    shown = [y for y in years if _value(series, y) is not None]
    picked = {*shown[:1], *shown[-1:], *list(years)[-2:]}
    return [_value(series, y) for y in sorted(picked)]


def _table(
    data: BriefingData, key: str, years: Sequence[int], lang: str, footnotes: list[str]
) -> ExportTable:
    measure, breakdown = key.split(":")
    table = data.publication.tables[key]
    rows = [i for i in table.values.index if i != TOTAL] if not table.is_series else []
    frame = protected_frame(
        table,
        lang,
        row_labels={i: item_label(breakdown, i, lang) for i in rows},
        years=years,
        index_name=text(f"breakdown.{breakdown}", lang),
    )
    return ExportTable(
        key=key,
        title=table_title(key, lang),
        frame=frame,
        source=source_line(data.version, lang),
        subtitle=subtitle_for_years(years, lang),
        footnotes=list(footnotes),
    )


def build_table(
    data: BriefingData, key: str, years: Sequence[int], lang: str = "nl"
) -> ExportTable:
    """A publication table (e.g. 'discrimination:channel') for the chosen years, typed cells."""
    table = data.publication.tables[key]
    notes = chart_footnotes(table.footnotes(lang), years, lang, data.incomplete)
    return _table(data, key, years, lang, notes)


def build_chart(
    data: BriefingData, key: str, years: Sequence[int], lang: str = "nl"
) -> ExportChart:
    """A figure of the catalogue over the chosen years (a contiguous range)."""
    years = sorted(years)
    publication = data.publication
    title = chart_title(key, lang)
    small_lines: list[str] = []
    if key in ("kanalen", "betreft"):
        breakdown = "channel" if key == "kanalen" else "concerns"
        table = publication.table(DISCRIMINATION, breakdown)
        items = (
            [i for i in table.values.index if i != TOTAL] if key == "kanalen" else ["ja", "deels"]
        )
        long = trends.series_with_intervals(table, years, None if key == "kanalen" else items)
        figure = charts.stacked_bars(long, labels_for(breakdown, items, lang), title, lang, items)
        totals = trends.year_totals(publication, DISCRIMINATION)
        if key == "kanalen":
            sentences = [
                _series_sentence(totals, years, lang, "summary.discrimination_series"),
                *_change(totals, years, lang),
            ]
            compared = _compared(totals, years)
        else:
            compared = []  # one year's two numbers, no comparison between years
            last = max(years)
            column = table.values.get(last, pd.Series(dtype="Int64"))
            ja, deels = _value(column, "ja"), _value(column, "deels")
            sentences = [
                text(
                    "summary.concerns",
                    lang,
                    year=last,
                    ja=_hidden(lang) if ja is None else format_number(ja, lang=lang),
                    deels=_hidden(lang) if deels is None else format_number(deels, lang=lang),
                )
            ]
        protection_notes = table.footnotes(lang)
        protection_keys = table.footnote_keys
        export_table = _table(data, table_name(DISCRIMINATION, breakdown), years, lang, [])
    elif key == "aandeel":
        share = trends.discrimination_share(publication).loc[list(years)]
        figure = charts.share_line(share, title, lang)
        last = max(years)
        value = share["share"].get(last)
        sentences = [
            text("summary.too_few", lang)
            if value is None or pd.isna(value)
            else text(
                "summary.share", lang, year=last, share=format_percentage(float(value), 1, lang)
            )
        ]
        protection_notes = [
            note
            for measure in SHARE_MEASURES
            for note in publication.table(measure, "total").footnotes(lang)
        ]
        protection_keys = tuple(
            k
            for measure in SHARE_MEASURES
            for k in publication.table(measure, "total").footnote_keys
        )
        compared = []  # one year's share
        export_table = _share_table(data, share, years, lang)
    else:
        measure, breakdown = TREND_CHARTS[key]
        model = build_trends(
            publication,
            data.fte,
            TrendFilters(measure, breakdown, (), min(years), max(years), "aantal"),
            lang,
        )
        figure = model.chart.figure
        figure.update_layout(title={"text": title})
        table = publication.table(measure, breakdown)
        # The figure's own sentence: one clause per line drawn, from that line's numbers (as on
        # the trends page), not the total's sentence and test.
        sentences = [model.chart.summary]
        items = [i for i in table.values.index if i != TOTAL]
        drawn_names = {t.name for t in figure.data}
        drawn = [
            i
            for i in [*items, TOTAL]
            if i == TOTAL or item_label(breakdown, i, lang) in drawn_names
        ]
        if model.selection_note:
            shown = len(drawn) - 1
            sentences.append(text("export.chart.largest_only", lang, shown=shown, total=len(items)))
        # the lines whose compared counts are small, named in the caution
        small_lines = [
            item_label(breakdown, i, lang)
            for i in drawn
            if i != TOTAL and has_small_counts(_compared(table.values.loc[i], years))
        ]
        compared = _compared(table.values.loc[TOTAL], years)
        protection_notes = table.footnotes(lang)
        protection_keys = table.footnote_keys
        export_table = _table(data, table_name(measure, breakdown), years, lang, [])
    if len(years) >= 2 and small_lines:
        sentences.append(
            text("export.chart_change_caution_lines", lang, lines=", ".join(small_lines))
        )
    elif len(years) >= 2 and has_small_counts(compared):
        sentences.append(text("export.chart_change_caution", lang))
    footnotes = chart_footnotes(protection_notes, years, lang, data.incomplete)
    export_table.footnotes = footnotes
    return ExportChart(
        key=key,
        title=title,
        subtitle=subtitle_for_years(years, lang),
        figure=figure,
        sentences=[s for s in sentences if s],
        footnotes=footnotes,
        source=source_line(data.version, lang),
        table=export_table,
        years=list(years),
        short_source=text("export.source_short", lang),
        note_line=note_line(protection_keys, years, lang, data.incomplete),
        image_source=short_source_line(data.version, lang),
    )


def _share_table(
    data: BriefingData, share: pd.DataFrame, years: Sequence[int], lang: str
) -> ExportTable:
    """Per year: discrimination count, all reports, share; counts only where published."""
    columns = [measures.named(measure).label(lang) for measure in SHARE_MEASURES]
    rows: dict[str, list] = {}
    for year in years:
        cells: list = []
        for measure in SHARE_MEASURES:
            table = data.publication.table(measure, "total")
            if table.status.get(year) == "published" and not pd.isna(table.values.get(year)):
                cells.append(int(table.values[year]))
            else:
                cells.append(str(table.display(lang)[year]))
        value = share["share"].get(year)
        cells.append(_hidden(lang) if pd.isna(value) else Amount(float(value), 1, percent=True))
        rows[str(year)] = cells
    frame = pd.DataFrame.from_dict(
        rows, orient="index", columns=[*columns, text("chart.share", lang)]
    ).astype(object)
    frame.index.name = text("label.year", lang)
    return ExportTable(
        key="share",
        title=chart_title("aandeel", lang),
        frame=frame,
        source=source_line(data.version, lang),
        subtitle=subtitle_for_years(years, lang),
    )


def default_years(data: BriefingData, year: int | None = None) -> list[int]:
    """From the first year up to `year` (default: the newest year)."""
    years = list(data.publication.years)
    if year is None:
        return years
    return [y for y in years if y <= year]
