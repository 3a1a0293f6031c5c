"""Exports for briefings: charts as PNG/SVG/PDF, tables as XLSX/CSV, built from protected numbers only.

No Streamlit here (the download buttons are in app/export_widgets.py). Every number that an
export contains comes from a ProtectedTable: either its `.values` where `.status` is 'published'
(`protected_frame`), or the strings a page already shows, which are ProtectedTable.display output
(`typed_frame`). Hidden cells travel only as their symbols ('<5', 'x').

Charts are rendered by kaleido 1.x with Debian's chromium through one persistent export server per
process, started on the first image (about 3 s once, then about 0.2 s per image).

Texts: every text comes from the product's translation table (base.texts, keys 'export.*').
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import textwrap
import threading
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from base.formatting import format_number
from base.reference import events
from base.texts import text
from base.theme import colour, template
from presentation.charts import EVENT_ANNOTATION
from presentation.labels import missing_deliveries_text
from protection.display import BELOW_THRESHOLD_FOOTNOTE, SECONDARY_FOOTNOTE
from protection.rules import ProtectionRules
from protection.tables import TOTAL

# --- cells --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """A non-integer published number (a rate or a share) with the decimals it is shown with."""

    value: float
    decimals: int = 0
    percent: bool = False  # value is a proportion 0..1 shown as a percentage

    def shown(self, lang: str) -> str:
        if self.percent:
            return f"{format_number(self.value * 100, self.decimals, lang)}%"
        return format_number(self.value, self.decimals, lang)


Cell = int | Amount | str

_NUMBER_PATTERNS = {
    "nl": re.compile(r"^(?P<int>\d{1,3}(?:\.\d{3})*|\d+)(?:,(?P<dec>\d+))?(?P<pct>%)?$"),
    "en": re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})*|\d+)(?:\.(?P<dec>\d+))?(?P<pct>%)?$"),
}


def parse_cell(value: object, lang: str = "nl") -> Cell:
    """A shown string back to its type: '1.234' -> 1234, '12,5%' -> Amount(0.125, 1, True),
    '<5', 'x', '–' and labels stay text. Numbers that are already numbers pass through."""
    if isinstance(value, bool) or value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else Amount(value, 2)
    shown = str(value).strip()
    match = _NUMBER_PATTERNS.get(lang, _NUMBER_PATTERNS["nl"]).match(shown)
    if match is None:
        return str(value)
    whole = int(re.sub(r"\D", "", match["int"]))
    decimals = match["dec"] or ""
    if not decimals and not match["pct"]:
        return whole
    number = whole + (int(decimals) / 10 ** len(decimals) if decimals else 0.0)
    if match["pct"]:
        return Amount(number / 100, len(decimals), percent=True)
    return Amount(number, len(decimals))


def typed_frame(shown: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """A table as the pages show it (strings from ProtectedTable.display) with typed cells."""
    frame = shown.map(lambda v: parse_cell(v, lang)).astype(object)
    frame.index = [str(i) for i in shown.index]
    frame.index.name = shown.index.name
    frame.columns = [str(c) for c in shown.columns]
    return frame


def protected_frame(
    table,
    lang: str = "nl",
    *,
    row_labels: dict | None = None,
    years: Sequence[int] | None = None,
    index_name: str | None = None,
) -> pd.DataFrame:
    """A ProtectedTable as typed cells: int where the status is 'published', else its symbol.

    Only `.values` of published cells and `.display` of hidden ones are read. years: keep these
    year columns (the 'Totaal' column only when every year is kept, since it sums all years).
    """
    values, status, shown = table.values, table.status, table.display(lang)
    if table.is_series:
        values, status, shown = (
            values.to_frame(TOTAL).T,
            status.to_frame(TOTAL).T,
            shown.to_frame(TOTAL).T,
        )
    shown = shown.set_axis(values.index, axis=0).set_axis(values.columns, axis=1)
    columns = list(values.columns)
    if years is not None:
        all_years = [c for c in columns if c != TOTAL]
        keep_total = set(all_years) <= set(years)
        columns = [c for c in columns if c in years or (c == TOTAL and keep_total)]
    rows: dict[str, list[Cell]] = {}
    for label in values.index:
        cells: list[Cell] = []
        for column in columns:
            if status.at[label, column] == "published" and not pd.isna(values.at[label, column]):
                cells.append(int(values.at[label, column]))
            else:
                cells.append(str(shown.at[label, column]))
        name = (row_labels or {}).get(label, label)
        if label == TOTAL:
            name = text("label.total", lang)
        rows[str(name)] = cells
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns).astype(object)
    frame.columns = [text("label.total", lang) if c == TOTAL else str(c) for c in frame.columns]
    frame.index.name = index_name
    return frame


# --- formula-injection neutralisation (OWASP CSV injection; ASVS 5.0 V1.2.10) ---------------------

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def neutralise(value: str) -> str:
    """Prefix a text cell that a spreadsheet could read as a formula with a single quote."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


# --- tables -------------------------------------------------------------------------------------


@dataclass
class ExportTable:
    """One table with everything it needs outside the dashboard."""

    key: str
    title: str
    frame: pd.DataFrame  # typed cells (int, Amount, str); index = row labels
    source: str
    subtitle: str = ""
    footnotes: list[str] = field(default_factory=list)


def _csv_cell(value: Cell, decimal: str) -> str:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Amount):
        number = value.value * 100 if value.percent else value.value
        shown = f"{number:.{value.decimals}f}".replace(".", decimal)
        return shown + ("%" if value.percent else "")
    return neutralise(str(value))


def table_csv(table: ExportTable, *, semicolon: bool = False) -> bytes:
    """UTF-8 with BOM, RFC 4180 quoting and CRLF; numbers without thousands separators.

    semicolon=True: ';' between cells and a decimal comma, as Dutch Excel reads it. After the
    table, one empty row and then the source and footnotes, one per row.
    """
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=";" if semicolon else ",",
        lineterminator="\r\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    decimal = "," if semicolon else "."
    frame = table.frame
    writer.writerow(
        [neutralise(str(frame.index.name or "")), *(neutralise(c) for c in frame.columns)]
    )
    for label, row in frame.iterrows():
        writer.writerow([neutralise(str(label)), *(_csv_cell(v, decimal) for v in row)])
    writer.writerow([])
    for line in [table.source, *table.footnotes]:
        writer.writerow([neutralise(line)])
    return buffer.getvalue().encode("utf-8-sig")


def plain_text(markdown: str) -> str:
    """Markdown of the 'about' texts as plain text: no **, `, links as 'text (url)'."""
    result = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", markdown)
    return result.replace("**", "").replace("`", "")


def table_xlsx(
    table: ExportTable,
    lang: str = "nl",
    *,
    notes: Sequence[tuple[str, str]] = (),
    made: str = "",
    stamp: dt.datetime | None = None,
) -> bytes:
    """One sheet with the table (typed cells, no formulas) and a notes sheet.

    notes: (heading, markdown) sections for the notes sheet (sources, definitions, the protection
    rule); made: a 'made on ... data version ...' line. stamp: the time written into the file
    (stamp_of: a release's date), so that the same release gives the same bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.properties.creator = "Meldingenmonitor Rijk"
    workbook.properties.title = table.title
    sheet = workbook.active
    sheet.title = text("export.sheet_table", lang)[:31]

    def put(row: int, column: int, value: Cell, **style):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, int):
            cell.value = value
            cell.number_format = "#,##0"
        elif isinstance(value, Amount):
            cell.value = float(value.value)
            decimals = "." + "0" * value.decimals if value.decimals else ""
            cell.number_format = f"0{decimals}%" if value.percent else f"#,##0{decimals}"
        else:
            cell.value = neutralise(str(value))
            cell.data_type = "s"
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    header_fill = PatternFill("solid", fgColor=colour("logoblauw").lstrip("#"))
    put(1, 1, table.title, font=Font(bold=True, size=14))
    if table.subtitle:
        put(2, 1, table.subtitle, font=Font(italic=True))
    frame = table.frame
    header_row = 4
    headers = [str(frame.index.name or ""), *[str(c) for c in frame.columns]]
    for column, header in enumerate(headers, start=1):
        put(
            header_row,
            column,
            header,
            font=Font(bold=True, color="FFFFFF"),
            fill=header_fill,
            alignment=Alignment(horizontal="left" if column == 1 else "right"),
        )
    for offset, (label, row) in enumerate(frame.iterrows(), start=1):
        put(header_row + offset, 1, str(label), font=Font(bold=str(label) in _TOTAL_LABELS))
        for column, value in enumerate(row, start=2):
            put(
                header_row + offset,
                column,
                value,
                alignment=Alignment(horizontal="right"),
                font=Font(bold=str(label) in _TOTAL_LABELS),
            )
    row = header_row + len(frame) + 2
    for line in [table.source, *table.footnotes]:
        put(row, 1, line, alignment=Alignment(wrap_text=False))
        row += 1
    sheet.column_dimensions["A"].width = max(
        14, min(48, max(len(str(i)) for i in [*frame.index, headers[0]]) + 2)
    )
    for column in range(2, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)

    notes_sheet = workbook.create_sheet(text("export.sheet_notes", lang)[:31])
    lines: list[tuple[str, bool]] = [(text("export.notes_title", lang), True), ("", False)]
    lines += [(text("export.notes_source", lang), True), (table.source, False)]
    if made:
        lines.append((made, False))
    if table.footnotes:
        lines += [("", False), (text("export.notes_footnotes", lang), True)]
        lines += [(note, False) for note in table.footnotes]
    lines += [("", False), (symbols_note(lang), False)]
    for heading, body in notes:
        lines += [("", False), (plain_text(heading), True)]
        lines += [(line, False) for line in plain_text(body).splitlines() if line.strip()]
    for number, (line, bold) in enumerate(lines, start=1):
        cell = notes_sheet.cell(row=number, column=1)
        cell.value = neutralise(line) if line else None
        if line:
            cell.data_type = "s"
        cell.font = Font(bold=bold, size=12 if bold else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    notes_sheet.column_dimensions["A"].width = 120
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue() if stamp is None else _reproducible(out.getvalue(), stamp)


_TOTAL_LABELS = {"Totaal", "Total"}


def notes_sections(lang: str = "nl") -> list[tuple[str, str]]:
    """Sources, definitions, method and the protection rule for a notes sheet: the texts of the
    'Over de cijfers' page without the data contract (which is for departments)."""
    # Imported on use: presentation.views brings scipy (0.8 s), which chart downloads never need.
    from presentation.views import about_sections

    sections = about_sections(lang)
    contract = text("about.contract_heading", lang)
    return [(heading, body) for heading, body in sections if heading != contract]


def made_line(version, lang: str = "nl", date: str | None = None) -> str:
    """'Made on ... data version ...' and what the figures are (edition_line). A release's
    files say its date, not today's: the same release gives the same bytes on any day."""
    import datetime as dt

    released = getattr(version, "release_date", None)
    if date is None:
        date = (released or dt.date.today()).strftime("%d-%m-%Y")
    made = text("export.notes_made", lang, date=date, version=version.label())
    return f"{made} {edition_line(version, lang)}"


def edition_line(version, lang: str = "nl") -> str:
    """Which release the figures are ('Publicatie Jaarrapportage 2025 (2025-1), vastgesteld
    31-03-2026.'), or that they are provisional: not (yet) covered by a release. version: a
    publication.releases.CitedVersion, or a plain data version (provisional)."""
    release_id = getattr(version, "release_id", None)
    if release_id is None:
        return text("release.export_provisional", lang)
    key = "release.export_withdrawn" if getattr(version, "withdrawn", False) else "release.export"
    return text(
        key,
        lang,
        name=version.release_name,
        release=release_id,
        date=version.release_date.strftime("%d-%m-%Y"),
    )


def stamp_of(version) -> dt.datetime | None:
    """The time written into an XLSX of a release (its date), None for provisional figures."""
    released = getattr(version, "release_date", None)
    return None if released is None else dt.datetime.combine(released, dt.time())


def _reproducible(content: bytes, stamp: dt.datetime) -> bytes:
    """An XLSX whose bytes depend only on its content: the zip entries' times and the document
    properties' created/modified (openpyxl writes the time of saving) set to `stamp`."""
    moment = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + moment.encode() + rb"\g<2>",
                    data,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            target.writestr(entry, data)
    return out.getvalue()


def symbols_note(lang: str) -> str:
    rules = ProtectionRules()
    return text(
        "export.notes_symbols",
        lang,
        below=rules.below_threshold_text,
        secondary=rules.secondary_text,
        max_small=rules.threshold - 1,
    )


# --- source lines and footnotes -------------------------------------------------------------------


def source_line(version, lang: str = "nl") -> str:
    """'Bron: registraties ...; Meldingenmonitor Rijk, dataversie 154 / S000154 / 2026-11-30.'"""
    line = text("export.source", lang, version=version.label())
    if getattr(version, "synthetic", False):
        line += " " + text("export.source_synthetic", lang)
    return f"{line} {edition_line(version, lang)}"


def short_source_line(version, lang: str = "nl", source: str = "") -> str:
    """The one source line inside a chart image ('Bron: Meldingenmonitor Rijk, registraties
    ...'; `source`: another short line, e.g. a survey chart's), plus the synthetic-data warning:
    an image travels without its notes file and must not pass for real reports."""
    line = source or text("export.source_short", lang)
    if getattr(version, "synthetic", False):
        line += " " + text("export.source_synthetic", lang)
    return line


def notes_text(
    title: str,
    subtitle: str,
    source: str,
    notes: Sequence[str],
    lang: str = "nl",
    made: str = "",
    events: Sequence[str] = (),
) -> str:
    """The notes of a chart download as plain text beside the image (title, the full source,
    the footnotes and the symbols): what the briefing's 'Toelichting' says, editable, instead
    of a block of small print inside the image. events: the chart's numbered events
    (event_lines), listed under their own heading."""
    lines = [text("export.chart_notes_title", lang, title=title)]
    if subtitle:
        lines.append(subtitle)
    lines += ["", text("export.notes_source", lang), source]
    if made:
        lines.append(made)
    if events:
        lines += ["", text("trends.events", lang), *(f"- {line}" for line in events)]
    if notes:
        lines += ["", text("export.notes_footnotes", lang), *(f"- {note}" for note in notes)]
    lines += ["", symbols_note(lang)]
    return "\n".join(lines) + "\n"


SERIES_BREAK_KINDS = ("organisation", "channel", "method")


def chart_footnotes(
    protection_notes: Iterable[str],
    years: Sequence[int],
    lang: str = "nl",
    incomplete: dict[int, list[str]] | None = None,
) -> list[str]:
    """The notes an exported chart carries: suppressed cells, incomplete years, series breaks."""
    notes = list(dict.fromkeys(protection_notes))
    shown_years = set(years)
    gaps = {y: g for y, g in (incomplete or {}).items() if y in shown_years}
    if gaps:
        notes.append(
            text(
                "export.incomplete",
                lang,
                gaps="; ".join(
                    f"{y}: {missing_deliveries_text(g, lang)}" for y, g in sorted(gaps.items())
                ),
            )
        )
    if years:
        breaks = series_breaks(years)
        if breaks:
            notes.append(
                text(
                    "export.series_breaks",
                    lang,
                    breaks="; ".join(
                        f"{e.date.strftime('%d-%m-%Y')} {e.label(lang)}" for e in breaks
                    ),
                )
            )
    return notes


def series_breaks(years: Sequence[int]) -> list:
    """The events that break a series within `years` (organisation, channel or method)."""
    if not years:
        return []
    return [
        e
        for e in events()
        if e.kind in SERIES_BREAK_KINDS and min(years) < e.date.year + 1 <= max(years) + 1
    ]


def note_line(
    protection_keys: Iterable[str],
    years: Sequence[int],
    lang: str = "nl",
    incomplete: dict[int, list[str]] | None = None,
) -> str:
    """One short line of the notes that apply to one figure or table of a document (symbols
    used, incomplete years, series breaks), pointing to the notes section that explains them;
    '' when none apply."""
    rules = ProtectionRules()
    keys = set(protection_keys)
    items = []
    if BELOW_THRESHOLD_FOOTNOTE in keys:
        items.append(
            text(
                "export.note.below", lang, below=rules.below_threshold_text,
                max_small=rules.threshold - 1,
            )
        )  # fmt: skip
    if SECONDARY_FOOTNOTE in keys:
        items.append(text("export.note.secondary", lang, secondary=rules.secondary_text))
    gaps = sorted(y for y in (incomplete or {}) if y in set(years))
    if gaps:
        items.append(text("export.note.incomplete", lang, years=", ".join(map(str, gaps))))
    breaks = sorted({e.date.year for e in series_breaks(years)})
    if breaks:
        items.append(text("export.note.breaks", lang, years=", ".join(map(str, breaks))))
    if not items:
        return ""
    return text("export.note.line", lang, items="; ".join(items))


def subtitle_for_years(years: Sequence[int], lang: str = "nl") -> str:
    if not years:
        return ""
    if min(years) == max(years):
        return text("export.subtitle_single", lang, year=min(years))
    return text("export.subtitle", lang, first=min(years), last=max(years))


def figure_years(figure: go.Figure) -> list[int]:
    """The whole years on the x axes of a figure's traces."""
    years: set[int] = set()
    for trace in figure.data:
        for x in trace.x if getattr(trace, "x", None) is not None else ():
            if isinstance(x, int | float) and float(x).is_integer():
                years.add(int(x))
    return sorted(years)


# --- charts -------------------------------------------------------------------------------------

EXPORT_WIDTH = 1000
PLOT_HEIGHT = 440
PNG_SCALE = 2
NOTE_FONT_SIZE = 12
NOTE_LINE_PX = 17
LEGEND_FONT_SIZE = 13
TITLE_LEFT_PX = 20
NOTE_WRAP = 150  # characters of a 12 px line across the 1000 px image (about 900 px)
# Differ in black-and-white print as well as in colour.
# '/' is left out: the grey 'not shown' segment of stacked bars already uses it.
BAR_PATTERNS = ("", ".", "x", "-", "|", "+", "\\")
LINE_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")


def _is_dark(hex_colour: str) -> bool:
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        return False
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5


def _wrap(lines: Iterable[str]) -> list[str]:
    wrapped: list[str] = []
    for line in lines:
        wrapped += textwrap.wrap(line, NOTE_WRAP) or [""]
    return wrapped


def _legend_rows(figure: go.Figure, room_px: int, font_px: int) -> int:
    """The rows a horizontal legend takes: one if every entry fits abreast, else plotly puts the
    entries in columns as wide as the widest entry (an estimate: a symbol of 40 px and 0.6 of
    the font size per character)."""
    names = [str(t.name or "") for t in figure.data if t.showlegend is not False]
    if not names:
        return 0
    widths = [40 + 0.6 * font_px * len(name) for name in names]
    if sum(widths) <= room_px:
        return 1
    abreast = max(1, int(room_px // max(widths)))
    return -(-len(names) // abreast)


def event_lines(figure: go.Figure) -> list[str]:
    """'① 18 mei 2020: Baseline ...': the events a chart numbers at its dashed lines
    (presentation.charts.add_event_markers), each once (small multiples number them in every
    panel), in the chart's language."""
    lines = {
        f"{a.text} {a.hovertext}": None
        for a in figure.layout.annotations
        if a.name == EVENT_ANNOTATION and a.hovertext
    }
    return list(lines)


def export_figure(
    figure: go.Figure,
    *,
    title: str | None = None,
    subtitle: str = "",
    source: str = "",
    footnotes: Sequence[str] = (),
    lang: str = "nl",
    plot_height: int = PLOT_HEIGHT,
    width: int = EXPORT_WIDTH,
    legend_font: int = LEGEND_FONT_SIZE,
    events: bool | None = None,
) -> go.Figure:
    """A copy of a chart for print: title and subtitle, 'Bron:' line and footnotes below, the
    government template passed explicitly, and patterns/dashes that survive black-and-white print.

    Chart downloads pass one short source line and no footnotes: their notes go beside the image
    as text (notes_text), where they can be read at full size and edited.

    width: the layout width in pixels (a document places a narrower figure, see print_ready);
    legend_font: its legend's font size in pixels, which the room below the plot is made for;
    events: list the chart's numbered events (event_lines) under the plot, at the legend's size;
    None: when the image carries a source line, i.e. stands alone."""
    exported = go.Figure(figure)
    title = title if title is not None else (exported.layout.title.text or "")
    bars = [t for t in exported.data if t.type == "bar"]
    for index, trace in enumerate(bars):
        if trace.marker.pattern.shape is None and isinstance(trace.marker.color, str):
            trace.marker.pattern = {
                "shape": BAR_PATTERNS[index % len(BAR_PATTERNS)],
                "fillmode": "overlay",
                "fgcolor": "#FFFFFF" if _is_dark(trace.marker.color) else "#000000",
                "fgopacity": 0.6,
                "size": 9,
            }
        trace.marker.line = {"color": "#000000", "width": 0.6}
    # Small multiples (a panel per line, each titled with its line's name) need no legend and
    # no dashes telling their lines apart.
    panels = "xaxis2" in exported.layout
    legend = len(exported.data) > 1 and exported.layout.showlegend is not False and not panels
    lines = [t for t in exported.data if t.type == "scatter"]
    if len(lines) > 1 and not panels:
        for index, trace in enumerate(lines):
            trace.line.dash = LINE_DASHES[index % len(LINE_DASHES)]
    notes = _wrap([source, *footnotes] if source else list(footnotes))
    # The key to the numbered event lines: in an image that travels alone (it has its source
    # line); a document says it in its own text under the figure.
    key = event_lines(exported) if (source if events is None else events) else []
    left, right = 75, 30
    legend_rows = _legend_rows(exported, width - left - right, legend_font) if legend else 0
    axis_px = 45
    legend_px = round(1.6 * legend_font) * legend_rows + (10 if legend_rows else 0)
    key_px = round(1.6 * legend_font) * len(key) + 10 if key else 0
    # the legend and the source line start where the title starts (20 px from the edge)
    flush_left = -(left - TITLE_LEFT_PX) / (width - left - right)
    notes_px = NOTE_LINE_PX * len(notes) + 10
    top = 95 if subtitle else 70 if title else 40
    bottom = axis_px + legend_px + key_px + (notes_px if notes else 0) + 10
    height = plot_height + top + bottom
    exported.update_layout(
        template=template(),
        width=width,
        height=height,
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 14, "color": "#000000"}},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1 - 18 / height,
            "yanchor": "top",
            "pad": {"l": TITLE_LEFT_PX},
        },
        margin={"l": left, "r": right, "t": top, "b": bottom},
        separators=",." if lang == "nl" else ".,",
        showlegend=legend or bool(key),
        legend={
            "orientation": "h",
            "x": flush_left,
            "xanchor": "left",
            "y": -axis_px / plot_height,
            "yanchor": "top",
            "font": {"size": legend_font},
        },
        hovermode=False,
    )
    if key:
        # A second legend under the first: a dashed line like the event's, with its number,
        # date and name (a name beside its line would overlap the others and the data).
        if not legend:
            exported.update_traces(showlegend=False)
        for line in key:
            exported.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="lines",
                    name=line,
                    legend="legend2",
                    line={"dash": "dash", "color": colour("grijs-6"), "width": 1},
                    hoverinfo="skip",
                )
            )
        exported.update_layout(
            legend2={
                "orientation": "v",
                "x": flush_left,
                "xanchor": "left",
                "y": -(axis_px + legend_px) / plot_height,
                "yanchor": "top",
                "font": {"size": legend_font},
                "tracegroupgap": 0,
            }
        )
    if notes:
        exported.add_annotation(
            text="<br>".join(notes),
            xref="paper",
            yref="paper",
            x=flush_left,
            y=-(axis_px + legend_px + key_px) / plot_height,
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": NOTE_FONT_SIZE, "color": "#000000"},
        )
    return exported


POINTS_PER_CM = 72 / 2.54


def min_font_px(width_px: int, printed_width_cm: float, min_points: float) -> int:
    """The smallest font in layout pixels that is `min_points` high when a figure `width_px`
    wide is printed `printed_width_cm` wide."""
    return math.ceil(min_points * width_px / (printed_width_cm * POINTS_PER_CM) - 1e-9)


def print_ready(figure: go.Figure, printed_width_cm: float, min_points: float = 9) -> go.Figure:
    """Raise every font of the figure (text, legend, axes, annotations such as event labels,
    trace text) to at least `min_points` at the printed width; larger fonts stay."""
    width = figure.layout.width or EXPORT_WIDTH
    floor = min_font_px(width, printed_width_cm, min_points)
    base = figure.layout.font.size or template().layout.font.size or floor
    figure.update_layout(font={"size": max(base, floor)})

    def raised(font) -> dict:
        return {"size": max(font.size or 0, floor)} if font.size is not None else {}

    figure.update_layout(legend={"font": raised(figure.layout.legend.font)})
    for axes in (figure.for_each_xaxis, figure.for_each_yaxis):
        axes(
            lambda axis: axis.update(
                tickfont=raised(axis.tickfont), title={"font": raised(axis.title.font)}
            )
        )
    for annotation in figure.layout.annotations:
        annotation.font.size = max(annotation.font.size or 0, floor)
    for trace in figure.data:
        textfont = getattr(trace, "textfont", None)
        if textfont is not None and textfont.size is not None:
            trace.textfont.size = max(textfont.size, floor)
    return figure


FORMATS = ("png", "svg", "pdf")
MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}

# Longest wait for one image; kaleido then gives up on the render (its default is 90 s) and
# render() retries once on a fresh server. A warm render takes 0.2 s (bench/README.md).
RENDER_TIMEOUT_SECONDS = 30.0
_server_lock = threading.Lock()  # starting the server
_render_lock = threading.Lock()  # kaleido's sync server answers one caller at a time


def start_export_server() -> None:
    """Start kaleido's persistent server (chromium) once per process; idempotent."""
    import kaleido

    with _server_lock:
        if not kaleido._global_server.is_running():  # noqa: SLF001 - no public accessor
            kaleido.start_sync_server(timeout=RENDER_TIMEOUT_SECONDS, silence_warnings=True)


def stop_export_server() -> None:
    import kaleido

    with _server_lock:
        kaleido.stop_sync_server(silence_warnings=True)


def render(figure: go.Figure, fmt: str, *, scale: float | None = None) -> bytes:
    """PNG (at PNG_SCALE times the layout size), SVG or PDF bytes of a figure (use export_figure
    first). Starts the export server on first use; retries once on a fresh server."""
    import kaleido

    if fmt not in FORMATS:
        raise ValueError(fmt)
    opts = {
        "format": fmt,
        "width": figure.layout.width or EXPORT_WIDTH,
        "height": figure.layout.height or PLOT_HEIGHT,
        "scale": scale or (PNG_SCALE if fmt == "png" else 1),
    }
    spec = figure.to_dict()
    for attempt in (1, 2):
        start_export_server()
        try:
            with _render_lock, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return kaleido.calc_fig_sync(spec, opts=opts)
        except Exception:
            if attempt == 2:
                raise
            stop_export_server()
    raise AssertionError("unreachable")


def file_stem(key: str) -> str:
    return "meldingenmonitor_" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
