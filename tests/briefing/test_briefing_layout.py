"""The briefing's page layout: pages filled, figures at the printable width with their caption,
key, source and sentences on one page, tables kept whole or split under a repeated header."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from base.texts import text
from briefing.content import CHART_KEYS, FIGURE_WIDTH_CM, TREND_CHARTS, all_table_keys
from briefing.document import (
    PAIR_MIN,
    PLOT_GROW,
    PLOT_SHRINK,
    PRINT_WIDTH_CM,
    FigureBlock,
    build_briefing,
    pdf_with_reportlab,
    plan_pages,
    to_docx,
)

POINTS_PER_CM = 72 / 2.54
FOOTER_CM = 2.0  # the bottom margin: the footer line lies below it
FILLED = 0.55  # the lowest drawn object of a page lies below this share of the page's height


def lowest_points(page) -> float | None:
    """The lowest text or image on a PDF page above the bottom margin, in points from the
    bottom (pypdf's content-stream visitors: text by its matrix, images by the `Do` operator's
    transformation)."""
    found: list[float] = []

    def on_text(content, cm, tm, font, size):
        if content.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if y > FOOTER_CM * POINTS_PER_CM:
                found.append(y)

    def on_operator(operator, arguments, cm, tm):
        if operator == b"Do":
            found.append(min(cm[5], cm[5] + cm[3]))

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    return min(found) if found else None


def body_lines(page) -> list[str]:
    """The page's lines without the footer (drawn first: the running line and 'pagina N')."""
    return [line.strip() for line in page.extract_text().splitlines()[2:] if line.strip()]


@pytest.fixture(scope="module", params=["nl", "en"])
def full_briefing(request, demo_data, export_server):
    briefing = build_briefing(
        demo_data,
        list(demo_data.publication.years),
        CHART_KEYS,
        all_table_keys(),
        request.param,
        today=dt.date(2026, 3, 2),
    )
    return briefing, pdf_with_reportlab(briefing)


def test_the_plan_pairs_figures_that_fit_and_fills_a_page_with_one_that_does_not():
    # a page of 25 cm; blocks of 4 cm text, 3 cm fixed image parts and a 7 cm plot
    block = FigureBlock(text=4.0, fixed=3.0, plot=7.0)
    # two: 2 x 7 cm fixed, 11 cm left for 14 cm of plot: 11/14 = 0.79 < PAIR_MIN -> one a page;
    # alone: (25 - 7) / 7 = 2.57 -> PLOT_GROW
    assert plan_pages([block, block], 25.0, 25.0) == [(True, PLOT_GROW), (True, PLOT_GROW)]
    # smaller: 2 x 4 cm fixed, 17 cm for 2 x 6 cm of plot: 17/12 = 1.42 -> together, grown
    small = FigureBlock(text=2.0, fixed=2.0, plot=6.0)
    plan = plan_pages([small, small, block], 25.0, 25.0)
    assert plan[0][0] and not plan[1][0] and plan[2][0]
    assert plan[0][1] == pytest.approx(17 / 12) and plan[1][1] == pytest.approx(17 / 12)
    # a tall one (small multiples) shrinks to fit with its text: (25 - 8) / 20 = 0.85
    tall = FigureBlock(text=6.0, fixed=2.0, plot=20.0)
    assert plan_pages([tall], 25.0, 25.0) == [(True, pytest.approx(0.85))]
    # but never below PLOT_SHRINK; the first page has less room (the heading)
    assert plan_pages([FigureBlock(6.0, 2.0, 40.0)], 25.0, 25.0) == [(True, PLOT_SHRINK)]
    assert PLOT_SHRINK < PAIR_MIN <= 1 < PLOT_GROW


def test_no_page_is_more_than_half_empty_but_the_last_of_a_section(full_briefing):
    from pypdf import PdfReader

    briefing, pdf = full_briefing
    lang = briefing.lang
    sections = {
        text(key, lang)
        for key in ("export.briefing_figures", "export.briefing_tables", "export.annex")
    } | {text("export.briefing_notes", lang)}
    pages = PdfReader(io.BytesIO(pdf)).pages
    height = float(pages[0].mediabox.height)
    short = []
    for number, page in enumerate(pages[:-1]):
        last_of_section = body_lines(pages[number + 1])[0] in sections
        y = lowest_points(page)
        fill = 0 if y is None else (height - y) / height
        if not last_of_section and fill < FILLED:
            short.append((number + 1, round(fill, 2)))
    assert not short, short  # (page, how far down its lowest object lies)
    # The demo briefing, by hand from its rendered pages: a cover with the key figures, 7
    # figures on 6 pages, 12 tables, the notes, the annex: 15 pages (it had 19, half empty).
    assert len(pages) <= 16


def test_each_figure_is_on_one_page_with_its_caption_key_source_and_sentences(full_briefing):
    from pypdf import PdfReader

    briefing, pdf = full_briefing
    lang = briefing.lang
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    events = text("trends.events", lang)
    for figure in briefing.figures:
        caption = f"{text('export.figure_label', lang, number=figure.number)}. "
        [page] = [p for p in pages if caption + figure.chart.title.split()[0] in p]
        first_sentence = " ".join(figure.chart.sentences[0].split()[:6])
        assert first_sentence in page, (figure.number, first_sentence)
        assert figure.chart.short_source in page
        if figure.chart.key in TREND_CHARTS:
            # the trend charts number their events; the document names them under the figure
            assert events in page and "①" in page, figure.number


def test_figures_are_printed_at_the_printable_width_so_fonts_only_grow(full_briefing):
    from pypdf import PdfReader

    briefing, pdf = full_briefing
    widths = []
    for page in PdfReader(io.BytesIO(pdf)).pages:

        def on_operator(operator, arguments, cm, tm):
            if operator == b"Do":
                widths.append(cm[0])

        page.extract_text(visitor_operand_before=on_operator)
    assert len(widths) == len(briefing.figures)
    # A4 less two margins of 2.5 cm: 16 cm, wider than the 15 cm the fonts are sized for
    assert PRINT_WIDTH_CM == 16.0 >= FIGURE_WIDTH_CM
    assert all(w == pytest.approx(16.0 * POINTS_PER_CM, abs=0.5) for w in widths)
    for figure in briefing.figures:
        # drawn taller or lower to fill the page, never narrower: the 9 pt floor holds
        assert figure.drawn.layout.width == 700
        assert figure.drawn.layout.font.size >= 15
        assert figure.drawn.layout.height > 0


def test_word_starts_the_same_pages_and_keeps_sentences_with_their_figure(full_briefing):
    from docx import Document
    from docx.shared import Cm

    briefing, _ = full_briefing
    document = Document(io.BytesIO(to_docx(briefing)))
    assert {shape.width for shape in document.inline_shapes} == {Cm(PRINT_WIDTH_CM)}
    paragraphs = document.paragraphs
    captions = [p for p in paragraphs if p.style.name == "Caption"]
    figure_captions = captions[: len(briefing.figures)]
    starts = [bool(p.paragraph_format.page_break_before) for p in figure_captions]
    assert starts[1:] == [f.new_page for f in briefing.figures[1:]]
    heading = next(
        p for p in paragraphs if p.text == text("export.briefing_figures", briefing.lang)
    )
    assert heading.paragraph_format.page_break_before
    # every paragraph of a figure, from its caption to its last sentence, keeps with the next
    for figure, caption in zip(briefing.figures, figure_captions, strict=True):
        start = next(i for i, p in enumerate(paragraphs) if p._p is caption._p)
        end = next(
            i
            for i, p in enumerate(paragraphs)
            if i > start and p.text == figure.chart.sentences[-1]
        )
        block = paragraphs[start:end]
        assert all(p.paragraph_format.keep_with_next for p in block), figure.number
