"""The briefing document: one model, written as Word (python-docx) and as PDF.

PDF: LibreOffice renders the Word file when `soffice` is installed (MELDINGEN_PDF_RENDERER=auto,
the default, or =libreoffice); otherwise, or when it fails, reportlab builds the same content
directly (MELDINGEN_PDF_RENDERER=reportlab forces that).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from base.formatting import format_date, format_number
from base.texts import text
from base.theme import colour
from briefing.content import (
    CHART_KEYS,
    BriefingData,
    ExportChart,
    available_chart_keys,
    available_table_keys,
    build_chart,
    build_table,
    omitted_note,
)
from presentation.exports import (
    Amount,
    ExportTable,
    chart_footnotes,
    edition_line,
    event_lines,
    note_line,
    render,
    source_line,
    subtitle_for_years,
    symbols_note,
)
from presentation.views import about_sections, change_sentence
from presentation.willingness import build_willingness, document_sections
from protection.rules import ProtectionRules
from publication import trends
from publication.measures import DISCRIMINATION
from publication.trends import SHARE_MEASURES

LOG = logging.getLogger("meldingenmonitor.briefing")
MIN_TEXT_POINTS = 9  # the smallest text anywhere in the document (notes, table cells, footer)
# A4 less margins of 2.5 cm: figures are printed this wide, wider than the FIGURE_WIDTH_CM their
# fonts are sized for, so no font falls below 9 pt
PRINT_WIDTH_CM = 21.0 - 2 * 2.5


@dataclass
class Figure:
    number: int
    chart: ExportChart
    png: bytes
    drawn: go.Figure | None = None  # what png shows (fit_figures draws it taller or lower)
    new_page: bool = False  # starts a page (fit_figures)


@dataclass
class Briefing:
    lang: str
    title: str
    subtitle: str
    made: str
    intro: str
    key_figures: list[str]
    figures: list[Figure]
    tables: list[tuple[int, ExportTable]]
    annex: list[tuple[str, str]]
    footer: str
    synthetic_note: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Said once for the whole document (the 'Toelichting'): the full source, the symbols, the
    # protection notes, incomplete years and series breaks; under each figure and table only
    # short_source and its note line (table_notes: table key -> line).
    notes: list[str] = field(default_factory=list)
    short_source: str = ""
    table_notes: dict[str, str] = field(default_factory=dict)
    # the optional section on measures and willingness to report: (heading, markdown) parts
    willingness: list[tuple[str, str]] = field(default_factory=list)


def build_briefing(
    data: BriefingData,
    years: Sequence[int],
    chart_keys: Sequence[str] = CHART_KEYS,
    table_keys: Sequence[str] = (),
    lang: str = "nl",
    today: dt.date | None = None,
    charts: dict[str, ExportChart] | None = None,
) -> Briefing:
    """Build the model: figures rendered as PNG (2x) for the document, tables typed."""
    years = sorted(years)
    today = today or getattr(data.version, "release_date", None) or dt.date.today()
    date = format_date(today, lang)
    rules = ProtectionRules()
    built = charts or {}
    omitted = omitted_note(data.publication, chart_keys, table_keys, lang)
    chart_keys = available_chart_keys(data.publication, chart_keys)
    table_keys = available_table_keys(data.publication, table_keys)
    figures = []
    for number, key in enumerate(chart_keys, start=1):
        chart = built.get(key) or build_chart(data, key, years, lang)
        drawn = chart.for_document(lang)
        figures.append(Figure(number, chart, render(drawn, "png"), drawn))
    tables = [
        (number, build_table(data, key, years, lang))
        for number, key in enumerate(table_keys, start=1)
    ]
    table_notes = {
        key: note_line(data.publication.tables[key].footnote_keys, years, lang, data.incomplete)
        for key in table_keys
    }
    # the protected tables behind the figures and tables shown (the share figure: its two totals)
    behind = [data.publication.tables[key] for key in table_keys]
    for figure in figures:
        if figure.chart.key == "aandeel":
            behind += [data.publication.table(m, "total") for m in SHARE_MEASURES]
        else:
            behind.append(data.publication.tables[figure.chart.table.key])
    protection_notes = [note for table in behind for note in table.footnotes(lang)]
    notes = [
        source_line(data.version, lang),
        symbols_note(lang),
        *chart_footnotes(protection_notes, years, lang, data.incomplete),
    ]
    last = max(years)
    totals = trends.year_totals(data.publication, DISCRIMINATION)
    count = totals.get(last)
    key_figures = [
        text("export.briefing_latest_hidden", lang, year=last)
        if count is None or pd.isna(count)
        else text(
            "export.briefing_latest", lang, year=last, count=format_number(int(count), lang=lang)
        )
    ]
    if len(years) >= 2:
        key_figures.append(change_sentence(trends.year_on_year_change(totals, last), lang))
    if any(y in data.incomplete for y in years):
        key_figures.append(text("export.briefing_incomplete_caution", lang))
    period = subtitle_for_years(years, lang)
    briefing = Briefing(
        lang=lang,
        title=text("export.briefing_title", lang),
        subtitle=text("export.briefing_subtitle", lang, period=period),
        made=f"{_made(data.version, date, lang)} {edition_line(data.version, lang)}",
        intro=" ".join(
            part
            for part in (
                text(
                    "export.briefing_intro",
                    lang,
                    max_small=rules.threshold - 1,
                    below=rules.below_threshold_text,
                    secondary=rules.secondary_text,
                ),
                omitted,
            )
            if part
        ),
        key_figures=key_figures,
        figures=figures,
        tables=tables,
        annex=about_sections(lang),
        footer=text(
            "export.page_footer",
            lang,
            version=data.version.latest_submission_id or data.version.label(),
            date=date,
        ),
        synthetic_note=text("export.source_synthetic", lang) if data.version.synthetic else None,
        notes=list(dict.fromkeys(notes)),
        short_source=text("export.source_short", lang),
        table_notes=table_notes,
    )
    if data.willingness is not None:
        model = build_willingness(
            data.willingness, list(data.comparisons), lang, bool(data.version.synthetic)
        )
        briefing.willingness = document_sections(model, lang)
    fit_figures(briefing)
    return briefing


def _made(version, date: str, lang: str) -> str:
    """'Gemaakt op 5 december 2026 ..., uit 154 geldende aanleveringen; de laatste, S000154, is
    geladen op 5 december 2026.': the data version in words, every date in words."""
    loaded = version.latest_load
    return text(
        "export.briefing_made",
        lang,
        date=date,
        count=format_number(version.submissions_in_force, lang=lang),
        submission=version.latest_submission_id or "-",
        loaded=format_date(loaded, lang) if loaded is not None and not pd.isna(loaded) else "-",
    )


# --- markdown of the 'about' texts -----------------------------------------------------------------


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """('bullet' | 'para', text) blocks: '- ' lines are bullets, other lines paragraphs."""
    blocks: list[tuple[str, str]] = []
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith(("- ", "* ")):
            blocks.append(("bullet", line.lstrip()[2:]))
        else:
            blocks.append(("para", line.strip()))
    return blocks


_INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")


def _runs(text: str) -> list[tuple[str, bool]]:
    """(text, bold) runs: **bold**, `code` as plain text, [text](url) as 'text (url)'."""
    runs: list[tuple[str, bool]] = []
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            runs.append((part[2:-2], True))
        elif part.startswith("`") and part.endswith("`"):
            runs.append((part[1:-1], False))
        elif part.startswith("["):
            label, url = re.match(r"\[([^\]]+)\]\(([^)]+)\)", part).groups()
            runs.append((f"{label} ({url})", False))
        else:
            runs.append((part, False))
    return runs


def _cell_text(value, lang: str) -> str:
    if isinstance(value, int):
        return format_number(value, lang=lang)
    if isinstance(value, Amount):
        return value.shown(lang)
    return str(value)


def _figure_caption(figure: Figure, lang: str) -> str:
    return f"{text('export.figure_label', lang, number=figure.number)}. {figure.chart.title}"


def _events_caption(figure: Figure, lang: str) -> str:
    """'Genummerd in de grafiek (stippellijn): ① 18 mei 2020: ...; ② ...': the events the
    figure's dashed lines number, as the trends page says them under its chart; '' if none."""
    lines = event_lines(figure.chart.figure)
    return f"{text('trends.events', lang)} {'; '.join(lines)}" if lines else ""


def _table_caption(number: int, table: ExportTable, lang: str) -> str:
    return f"{text('export.table_label', lang, number=number)}. {table.title}"


# --- page layout of the figures -------------------------------------------------------------------

# A figure's plot may be drawn lower or taller than for_document draws it (its width, and so every
# font, stays) so that the pages fill: two figures share a page when both fit at PAIR_MIN of their
# plot's height or more; a figure alone on a page grows up to PLOT_GROW, a tall one (small
# multiples) shrinks down to PLOT_SHRINK to fit with its text.
PLOT_SHRINK, PAIR_MIN, PLOT_GROW = 0.6, 0.8, 1.5
PAGE_HEIGHT_CM, TOP_MARGIN_CM, BOTTOM_MARGIN_CM = 29.7, 2.0, 2.0
TABLE_SPLIT_ROOM = 0.4  # of the page: a table that does not fit in more room than this splits
MIN_SPLIT_ROWS = 3  # rows of a split table on either page (besides the repeated header)
# reportlab's frame padding (6 pt at top and bottom) and a reserve for the spacing of a block
FRAME_RESERVE_CM = 2 * 6 / 72 * 2.54 + 0.4


@dataclass(frozen=True)
class FigureBlock:
    """A figure's block on the page in cm: its text (caption to sentences), the image's fixed
    parts (room above the plot, axis, legend) and its plot, as drawn."""

    text: float
    fixed: float
    plot: float


def plan_pages(
    blocks: Sequence[FigureBlock], first_room: float, page_room: float
) -> list[tuple[bool, float]]:
    """Per figure: whether it starts a page, and the factor for its plot's height. Greedy in the
    figures' order: the next two share a page when both fit at PAIR_MIN or more, else the next
    one has a page of its own; what a page leaves over goes to its plots (up to PLOT_GROW)."""

    def factor(group: Sequence[FigureBlock], room: float) -> float:
        plot = sum(b.plot for b in group)
        fixed = sum(b.text + b.fixed for b in group)
        return (room - fixed) / plot if plot > 0 else PLOT_GROW

    plan: list[tuple[bool, float]] = []
    room, index = first_room, 0
    while index < len(blocks):
        pair = blocks[index : index + 2]
        if len(pair) == 2 and factor(pair, room) >= PAIR_MIN:
            grow = min(PLOT_GROW, factor(pair, room))
            plan += [(True, grow), (False, grow)]
            index += 2
        else:
            grow = min(PLOT_GROW, max(PLOT_SHRINK, factor(pair[:1], room)))
            plan.append((True, grow))
            index += 1
        room = page_room
    return plan


def _plot_px(drawn: go.Figure) -> tuple[float, float]:
    """(fixed, plot) heights in layout pixels: the margins above and below, and the plot."""
    margin = drawn.layout.margin
    fixed = float((margin.t or 0) + (margin.b or 0))
    return fixed, float(drawn.layout.height) - fixed


def _redrawn(drawn: go.Figure, grow: float) -> go.Figure:
    """The figure with its plot `grow` times as high; the legend and notes below the plot keep
    their distance to it in pixels (export_figure places them in fractions of the plot)."""
    fixed, plot = _plot_px(drawn)
    figure = go.Figure(drawn)
    figure.update_layout(height=round(fixed + grow * plot))
    if figure.layout.legend.y is not None and figure.layout.legend.y < 0:
        figure.layout.legend.y = figure.layout.legend.y / grow
    for annotation in figure.layout.annotations:
        if annotation.yref == "paper" and annotation.y is not None and annotation.y < 0:
            annotation.y = annotation.y / grow
    return figure


def fit_figures(briefing: Briefing) -> None:
    """Plan the figures' pages (plan_pages) from their text as the PDF sets it, and redraw the
    figures whose plot changes height; the Word file starts the same pages."""
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph

    figures = [f for f in briefing.figures if f.drawn is not None]
    if not figures or len(figures) != len(briefing.figures):
        return
    styles = _pdf_styles()
    width = PRINT_WIDTH_CM * cm

    def height_cm(flowables) -> float:
        points = 0.0
        for flowable in flowables:
            points += flowable.wrap(width, PAGE_HEIGHT_CM * cm)[1]
            points += flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return points / cm

    blocks = []
    for figure in figures:
        above, below = _figure_texts(figure, briefing.lang, styles)
        fixed, plot = _plot_px(figure.drawn)
        to_cm = PRINT_WIDTH_CM / figure.drawn.layout.width
        blocks.append(FigureBlock(height_cm([*above, *below]), fixed * to_cm, plot * to_cm))
    page = PAGE_HEIGHT_CM - TOP_MARGIN_CM - BOTTOM_MARGIN_CM - FRAME_RESERVE_CM
    heading = Paragraph(_escape(text("export.briefing_figures", briefing.lang)), styles["h1"])
    plan = plan_pages(blocks, page - height_cm([heading]), page)
    for figure, (new_page, grow) in zip(figures, plan, strict=True):
        figure.new_page = new_page
        if abs(grow - 1) > 0.01:
            figure.drawn = _redrawn(figure.drawn, grow)
            figure.png = render(figure.drawn, "png")


# --- Word -----------------------------------------------------------------------------------------


def to_docx(briefing: Briefing) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lang = briefing.lang
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    blue = RGBColor.from_string(colour("logoblauw").lstrip("#"))
    normal = document.styles["Normal"]
    normal.font.name = "Verdana"
    normal.font.size = Pt(9.5)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 11.5)):
        style = document.styles[name]
        style.font.name = "Verdana"
        style.font.size = Pt(size)
        style.font.color.rgb = blue
    caption = document.styles["Caption"]
    caption.font.name = "Verdana"
    caption.font.size = Pt(10)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = blue
    properties = document.core_properties
    properties.title = briefing.title
    properties.author = "Meldingenmonitor Rijk"
    properties.language = "nl-NL" if lang == "nl" else "en-GB"

    def small(text: str, *, keep: bool = False) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(MIN_TEXT_POINTS)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.paragraph_format.keep_with_next = keep

    def kept(paragraph):
        """Keep a caption with what follows it (no caption alone at the bottom of a page)."""
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def markdown(text: str) -> None:
        for kind, line in _blocks(text):
            paragraph = document.add_paragraph(style="List Bullet" if kind == "bullet" else None)
            for part, bold in _runs(line):
                paragraph.add_run(part).bold = bold

    document.add_paragraph(briefing.title, style="Title")
    document.add_paragraph(briefing.subtitle).runs[0].italic = True
    document.add_paragraph(briefing.made)
    if briefing.synthetic_note:
        warning = document.add_paragraph().add_run(briefing.synthetic_note)
        warning.bold = True
        warning.font.color.rgb = RGBColor(0xA9, 0x00, 0x61)
    document.add_paragraph(briefing.intro)
    document.add_heading(text("export.briefing_key_figures", lang), level=1)
    for line in briefing.key_figures:
        document.add_paragraph(line, style="List Bullet")

    if briefing.figures:
        # the figures start a page, and each figure starts the page fit_figures planned
        heading = document.add_heading(text("export.briefing_figures", lang), level=1)
        kept(heading).paragraph_format.page_break_before = True
    for figure in briefing.figures:
        chart = figure.chart
        caption = kept(document.add_paragraph(_figure_caption(figure, lang), style="Caption"))
        if figure.new_page and figure is not briefing.figures[0]:
            caption.paragraph_format.page_break_before = True
        kept(document.add_paragraph(chart.subtitle)).runs[0].italic = True
        # the printable width: wider than FIGURE_WIDTH_CM, so every font stays above 9 pt
        document.add_picture(io.BytesIO(figure.png), width=Cm(PRINT_WIDTH_CM))
        picture = document.inline_shapes[-1]
        picture._inline.docPr.set("descr", " ".join(chart.sentences))  # alt text
        kept(document.paragraphs[-1]).alignment = WD_ALIGN_PARAGRAPH.LEFT
        # the key to its events, source and notes, and its sentences stay with the figure
        lines = [
            line
            for line in (_events_caption(figure, lang), chart.short_source, chart.note_line)
            if line
        ]
        for line in lines:
            small(line, keep=True)
        for position, sentence in enumerate(chart.sentences):
            paragraph = document.add_paragraph(sentence)
            paragraph.paragraph_format.keep_with_next = position < len(chart.sentences) - 1

    if briefing.tables:
        document.add_heading(text("export.briefing_tables", lang), level=1)
    for number, table in briefing.tables:
        kept(document.add_paragraph(_table_caption(number, table, lang), style="Caption"))
        if table.subtitle:
            kept(document.add_paragraph(table.subtitle)).runs[0].italic = True
        frame = table.frame
        grid = document.add_table(rows=len(frame) + 1, cols=len(frame.columns) + 1)
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        grid.autofit = False
        first_width = Cm(3.9)
        other_width = int((Cm(16.0) - first_width) / max(1, len(frame.columns)))
        for column_number, column in enumerate(grid.columns):
            width = first_width if column_number == 0 else other_width
            column.width = width
            for cell in column.cells:
                cell.width = width
        headers = [str(frame.index.name or ""), *map(str, frame.columns)]
        body = [
            [str(label), *(_cell_text(v, lang) for v in row)] for label, row in frame.iterrows()
        ]
        for r, cells in enumerate([headers, *body]):
            for c, value in enumerate(cells):
                cell = grid.cell(r, c)
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(value)
                run.font.size = Pt(MIN_TEXT_POINTS)
                paragraph.paragraph_format.keep_with_next = True
                paragraph.paragraph_format.space_after = Pt(0)
                if c > 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if r == 0:
                    run.bold = True
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                    shading = OxmlElement("w:shd")
                    shading.set(qn("w:val"), "clear")
                    shading.set(qn("w:fill"), colour("logoblauw").lstrip("#"))
                    cell._tc.get_or_add_tcPr().append(shading)
                elif cells[0] in ("Totaal", "Total"):
                    run.bold = True
        lines = [
            line for line in (briefing.short_source, briefing.table_notes.get(table.key)) if line
        ]
        for position, line in enumerate(lines):
            small(line, keep=position < len(lines) - 1)
        document.add_paragraph()

    if briefing.willingness:
        document.add_page_break()
        document.add_heading(text("will.title", lang), level=1)
        for heading, body in briefing.willingness:
            kept(document.add_heading(heading, level=2))
            markdown(body)

    kept(document.add_heading(text("export.briefing_notes", lang), level=1))
    document.add_paragraph(text("export.briefing_notes_intro", lang))
    for line in briefing.notes:
        document.add_paragraph(line, style="List Bullet")

    document.add_page_break()
    document.add_heading(text("export.annex", lang), level=1)
    for heading, body in briefing.annex:
        document.add_heading(heading, level=2)
        markdown(body)

    footer = section.footer.paragraphs[0]
    footer.text = briefing.footer + " · "
    for run in footer.runs:
        run.font.size = Pt(MIN_TEXT_POINTS)
    page_run = footer.add_run()
    page_run.font.size = Pt(MIN_TEXT_POINTS)
    for kind, text_value in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text_value
        page_run._r.append(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------------------


def pdf_renderer() -> str:
    """'libreoffice' or 'reportlab', from MELDINGEN_PDF_RENDERER (auto|libreoffice|reportlab)."""
    choice = os.environ.get("MELDINGEN_PDF_RENDERER", "auto")
    if choice == "reportlab":
        return "reportlab"
    if shutil.which("soffice") or shutil.which("libreoffice"):
        return "libreoffice"
    return "reportlab"


def to_pdf(briefing: Briefing, docx: bytes | None = None) -> bytes:
    if pdf_renderer() == "libreoffice":
        try:
            return docx_to_pdf(docx if docx is not None else to_docx(briefing))
        except (OSError, subprocess.SubprocessError, RuntimeError):
            LOG.exception("LibreOffice could not convert the briefing; building it with reportlab")
    return pdf_with_reportlab(briefing)


def docx_to_pdf(docx: bytes, timeout: float = 180) -> bytes:
    """`soffice --headless --convert-to pdf` in a private profile (parallel runs do not clash)."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
        source = Path(folder) / "briefing.docx"
        source.write_bytes(docx)
        subprocess.run(
            [program, f"-env:UserInstallation=file://{folder}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True, capture_output=True, timeout=timeout,
        )  # fmt: skip
        result = Path(folder) / "briefing.pdf"
        if not result.exists():
            raise RuntimeError("LibreOffice wrote no PDF")
        return result.read_bytes()


_FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
)  # fmt: skip


def _fonts() -> tuple[str, str]:
    """A TrueType font with every character of the texts (–, …, ë); Helvetica as a last resort."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for regular, bold in _FONT_CANDIDATES:
        if Path(regular).exists() and Path(bold).exists():
            if "Briefing" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("Briefing", regular))
                pdfmetrics.registerFont(TTFont("Briefing-Bold", bold))
                pdfmetrics.registerFontFamily("Briefing", normal="Briefing", bold="Briefing-Bold")
            return "Briefing", "Briefing-Bold"
    return "Helvetica", "Helvetica-Bold"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _pdf_styles() -> dict:
    """The PDF's paragraph styles (reportlab), 'base' the body text."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = _fonts()
    blue = colors.HexColor(colour("logoblauw"))
    base = ParagraphStyle("base", fontName=regular, fontSize=9.5, leading=13.5, spaceAfter=5)
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=bold, fontSize=20, leading=24, textColor=blue, spaceAfter=8),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=14, spaceAfter=8),
        "h1": ParagraphStyle("h1", base, fontName=bold, fontSize=14, leading=18, textColor=blue, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", base, fontName=bold, fontSize=11.5, leading=15, textColor=blue, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "caption": ParagraphStyle("caption", base, fontName=bold, fontSize=10, leading=13, textColor=blue, spaceBefore=10, spaceAfter=2),
        "small": ParagraphStyle("small", base, fontSize=MIN_TEXT_POINTS, leading=11, spaceAfter=1.5),
        "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
        "warning": ParagraphStyle("warning", base, fontName=bold, textColor=colors.HexColor("#A90061")),
        "cell": ParagraphStyle("cell", base, fontSize=MIN_TEXT_POINTS, leading=11, spaceAfter=0),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=MIN_TEXT_POINTS, leading=11, spaceAfter=0, alignment=TA_RIGHT),
    }  # fmt: skip


def _figure_texts(figure: Figure, lang: str, styles: dict) -> tuple[list, list]:
    """The paragraphs of a figure's block in the PDF: above the image (caption, subtitle) and
    below it (the key to its events, source and note line, its sentences)."""
    from reportlab.platypus import Paragraph, Spacer

    chart = figure.chart
    above = [
        Paragraph(_escape(_figure_caption(figure, lang)), styles["caption"]),
        Paragraph(f"<i>{_escape(chart.subtitle)}</i>", styles["base"]),
    ]
    below = [
        *[
            Paragraph(_escape(line), styles["small"])
            for line in (_events_caption(figure, lang), chart.short_source, chart.note_line)
            if line
        ],
        Spacer(1, 4),
        *[Paragraph(_escape(sentence), styles["base"]) for sentence in chart.sentences],
    ]
    return above, below


def pdf_with_reportlab(briefing: Briefing) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        Image,
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    lang = briefing.lang
    regular, bold = _fonts()
    blue = colors.HexColor(colour("logoblauw"))
    styles = _pdf_styles()
    base = styles["base"]

    def rich(text: str) -> str:
        return "".join(
            f"<b>{_escape(part)}</b>" if is_bold else _escape(part) for part, is_bold in _runs(text)
        )

    def paragraphs(markdown: str) -> list:
        """The '- ' bullets and paragraphs of a markdown text (_blocks)."""
        return [
            Paragraph(rich(line), styles["bullet"], bulletText="•")
            if kind == "bullet"
            else Paragraph(rich(line), base)
            for kind, line in _blocks(markdown)
        ]

    story: list = [
        Paragraph(_escape(briefing.title), styles["title"]),
        Paragraph(f"<i>{_escape(briefing.subtitle)}</i>", styles["subtitle"]),
        Paragraph(_escape(briefing.made), base),
    ]
    if briefing.synthetic_note:
        story.append(Paragraph(_escape(briefing.synthetic_note), styles["warning"]))
    story.append(Paragraph(_escape(briefing.intro), base))
    story.append(Paragraph(_escape(text("export.briefing_key_figures", lang)), styles["h1"]))
    story += [
        Paragraph(_escape(line), styles["bullet"], bulletText="•") for line in briefing.key_figures
    ]

    for figure in briefing.figures:
        image = Image(io.BytesIO(figure.png))
        # the printable width: wider than FIGURE_WIDTH_CM, so every font stays above 9 pt
        image.drawHeight = PRINT_WIDTH_CM * cm * image.imageHeight / image.imageWidth
        image.drawWidth = PRINT_WIDTH_CM * cm
        above, below = _figure_texts(figure, lang, styles)
        if figure is briefing.figures[0]:
            # the figures start a page, after the key figures (fit_figures plans from there)
            story.append(PageBreak())
            above.insert(0, Paragraph(_escape(text("export.briefing_figures", lang)), styles["h1"]))
        elif figure.new_page:
            story.append(PageBreak())
        # caption, figure, its key, source and sentences on one page: no sentence alone at the
        # top of the next page
        story.append(KeepTogether([*above, image, *below]))

    if briefing.tables:
        story.append(PageBreak())
        story.append(Paragraph(_escape(text("export.briefing_tables", lang)), styles["h1"]))
    usable = A4[0] - 5 * cm
    page_room = PAGE_HEIGHT_CM - TOP_MARGIN_CM - BOTTOM_MARGIN_CM

    class TableBlock(KeepTogether):
        """A table with its caption and notes on one page; but when it does not fit in the room
        left and that room is more than `room` (so the page would stay more than half empty),
        the table starts here, with its caption and at least MIN_SPLIT_ROWS rows, and goes on
        on the next page under its repeated header."""

        def __init__(self, head: list, grid, tail: list, room: float) -> None:
            super().__init__([*head, grid, *tail])
            self._parts = head, grid, tail
            self._room = room

        def split(self, available_width, available_height):
            head, grid, tail = self._parts
            if getattr(self, "_wrapInfo", None) != (available_width, available_height):
                self.wrap(available_width, available_height)
            if self._H > available_height > self._room:

                def height(flowables) -> float:
                    return sum(
                        f.wrap(available_width, available_height)[1]
                        + f.getSpaceBefore()
                        + f.getSpaceAfter()
                        for f in flowables
                    )

                # the rows that fit here with the caption, leaving at least MIN_SPLIT_ROWS
                # rows for the next page, where the notes go with them
                room = available_height - height(head) - 1
                grid.wrap(available_width, available_height)
                header, *rows = grid._rowHeights
                fit = 0
                while fit < len(rows) and header + sum(rows[: fit + 1]) <= room:
                    fit += 1
                fit = min(fit, len(rows) - MIN_SPLIT_ROWS)
                if fit >= MIN_SPLIT_ROWS:
                    pieces = grid.split(available_width, header + sum(rows[:fit]) + 0.5)
                    if len(pieces) == 2:
                        rest = KeepTogether([pieces[1], *tail])
                        return [*head, pieces[0], PageBreak(), rest]
            return super().split(available_width, available_height)

    for number, table in briefing.tables:
        frame = table.frame
        headers = [str(frame.index.name or ""), *map(str, frame.columns)]
        body = [
            [str(label), *(_cell_text(v, lang) for v in row)] for label, row in frame.iterrows()
        ]
        data = [
            [Paragraph(_escape(v), styles["cell"] if c == 0 else styles["cell_right"]) for c, v in enumerate(row)]
            for row in [headers, *body]
        ]  # fmt: skip
        # the header in white on blue (a paragraph takes its colour when made, so made anew);
        # regular, not bold: 'Totaal' in bold does not fit its column
        data[0] = [
            Paragraph(_escape(v), ParagraphStyle("head", cell.style, textColor=colors.white))
            for v, cell in zip(headers, data[0], strict=True)
        ]
        first = min(4.3 * cm, usable * 0.3)
        rest = (usable - first) / max(1, len(headers) - 1)
        grid = Table(data, colWidths=[first, *[rest] * (len(headers) - 1)], repeatRows=1)
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), blue),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for r, row in enumerate(body, start=1):
            if row[0] in ("Totaal", "Total"):
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F3F3F3")))
        grid.setStyle(TableStyle(style))
        head = [Paragraph(_escape(_table_caption(number, table, lang)), styles["caption"])]
        if table.subtitle:
            head.append(Paragraph(f"<i>{_escape(table.subtitle)}</i>", base))
        tail = [Spacer(1, 3)]
        tail += [
            Paragraph(_escape(line), styles["small"])
            for line in (briefing.short_source, briefing.table_notes.get(table.key))
            if line
        ]
        story.append(TableBlock(head, grid, tail, TABLE_SPLIT_ROOM * page_room * cm))
        story.append(Spacer(1, 8))
    if briefing.willingness:
        story.append(PageBreak())
        story.append(Paragraph(_escape(text("will.title", lang)), styles["h1"]))
        for heading, body_text in briefing.willingness:
            part = [Paragraph(_escape(heading), styles["h2"]), *paragraphs(body_text)]
            story.append(KeepTogether(part[:2]))  # a heading never alone at a page's bottom
            story += part[2:]
    notes_block = [
        Paragraph(_escape(text("export.briefing_notes", lang)), styles["h1"]),
        Paragraph(_escape(text("export.briefing_notes_intro", lang)), base),
    ]
    story.append(KeepTogether(notes_block[:2]))
    story += [Paragraph(_escape(line), styles["bullet"], bulletText="•") for line in briefing.notes]

    story.append(PageBreak())
    story.append(Paragraph(_escape(text("export.annex", lang)), styles["h1"]))
    for heading, body_text in briefing.annex:
        story.append(Paragraph(_escape(heading), styles["h2"]))
        story += paragraphs(body_text)

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, MIN_TEXT_POINTS)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(2.5 * cm, 1.2 * cm, briefing.footer)
        canvas.drawRightString(
            A4[0] - 2.5 * cm, 1.2 * cm, text("export.page_number", lang, page=doc.page)
        )
        canvas.restoreState()

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.0 * cm,
        bottomMargin=2.0 * cm,
        title=briefing.title,
        author="Meldingenmonitor Rijk",
        lang="nl-NL" if lang == "nl" else "en-GB",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
