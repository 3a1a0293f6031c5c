"""Exports of single charts and tables: every format read back by a real reader."""

from __future__ import annotations

import csv
import io
import zipfile
from xml.etree import ElementTree

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image

from presentation import exports
from presentation.exports import Amount, ExportTable, neutralise, parse_cell, table_csv, table_xlsx

PAYLOADS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\0=1",
    '=HYPERLINK("http://example.invalid","klik")',
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_payloads_get_a_quote_prefix(payload):
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize(
    "harmless", ["<5", "x", "Totaal", "Integriteitscoördinator", "", "–", "'a"]
)
def test_harmless_text_is_left_alone(harmless):
    assert neutralise(harmless) == harmless


@pytest.mark.parametrize(
    ("shown", "lang", "expected"),
    [
        ("1.234", "nl", 1234),
        ("12", "nl", 12),
        ("0", "nl", 0),
        ("1,234", "en", 1234),
        ("12,5%", "nl", Amount(0.125, 1, percent=True)),
        ("12.5%", "en", Amount(0.125, 1, percent=True)),
        ("1,23", "nl", Amount(1.23, 2)),
        ("<5", "nl", "<5"),
        ("x", "nl", "x"),
        ("–", "nl", "–"),
        ("afgeschermd", "nl", "afgeschermd"),
        ("1.5", "nl", "1.5"),  # not a Dutch number: stays text rather than guessing
    ],
)
def test_shown_strings_are_typed_back(shown, lang, expected):
    result = parse_cell(shown, lang)
    if isinstance(expected, Amount):
        assert isinstance(result, Amount)
        assert result.value == pytest.approx(expected.value)
        assert (result.decimals, result.percent) == (expected.decimals, expected.percent)
    else:
        assert result == expected
        assert type(result) is type(expected)


def hostile_table() -> ExportTable:
    shown = pd.DataFrame(
        {"2024": ["1.234", "<5", "x", "=1+1"], "2025": ["7", "0", "12,5%", "-3"]},
        index=['=HYPERLINK("http://a")', "@SUM(A1)", "Vertrouwenspersoon", "Totaal"],
    )
    shown.index.name = "+Kanaal"
    return ExportTable(
        key="hostile",
        title="=Titel",
        frame=exports.typed_frame(shown, "nl"),
        source="Bron: test; dataversie 1 / S000001 / 2026-01-01.",
        subtitle="Sector Rijk, 2024–2025",
        footnotes=["-voetnoot"],
    )


def read_csv(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize(("semicolon", "delimiter"), [(False, ","), (True, ";")])
def test_csv_neutralises_every_text_cell_and_keeps_numbers(semicolon, delimiter):
    rows = read_csv(table_csv(hostile_table(), semicolon=semicolon), delimiter)
    assert rows[0] == ["'+Kanaal", "2024", "2025"]
    assert rows[1] == ['\'=HYPERLINK("http://a")', "1234", "7"]
    assert rows[2] == ["'@SUM(A1)", "<5", "0"]
    assert rows[3] == ["Vertrouwenspersoon", "x", "12,5%" if semicolon else "12.5%"]
    assert rows[4] == ["Totaal", "'=1+1", "'-3"]
    assert rows[5] == []
    assert rows[6][0].startswith("Bron:")
    assert rows[7] == ["'-voetnoot"]
    for row in rows:
        for cell in row:
            assert not cell.startswith(exports.FORMULA_TRIGGERS), cell


def test_xlsx_has_typed_cells_a_notes_sheet_and_no_formulas():
    from openpyxl import load_workbook

    data = table_xlsx(
        hostile_table(), "nl", notes=[("Bescherming", "- **<5**: 1 tot en met 4")], made="Gemaakt"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                root = ElementTree.fromstring(archive.read(name))
                assert not [e for e in root.iter() if e.tag.endswith("}f")], name
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Tabel", "Toelichting"]
    sheet = workbook["Tabel"]
    assert sheet["A1"].value == "'=Titel"
    header = [c.value for c in sheet[4]]
    assert header == ["'+Kanaal", "2024", "2025"]
    assert sheet["B5"].value == 1234 and sheet["B5"].data_type == "n"
    assert sheet["C5"].value == 7 and sheet["C5"].data_type == "n"
    assert sheet["B6"].value == "<5" and sheet["B6"].data_type == "s"
    assert sheet["B7"].value == "x" and sheet["B7"].data_type == "s"
    assert sheet["C7"].value == pytest.approx(0.125) and sheet["C7"].number_format == "0.0%"
    assert sheet["B8"].value == "'=1+1" and sheet["B8"].data_type == "s"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(exports.FORMULA_TRIGGERS)
    notes = "\n".join(str(c.value) for c in workbook["Toelichting"]["A"] if c.value)
    assert "Bron:" in notes and "Bescherming" in notes and "<5" in notes and "Gemaakt" in notes


def test_export_texts_live_in_the_product_translation_table():
    from base.texts import text

    assert text("export.png", "en") == "Image (PNG)"
    assert text("label.total", "en") == "Total"
    assert text("export.subtitle", "nl", first=2018, last=2025) == "Sector Rijk, 2018–2025"


def test_footnotes_name_incomplete_years_and_series_breaks_in_the_shown_years():
    notes = exports.chart_footnotes(
        ["<5: klein"], [2023, 2024, 2025], "nl", {2019: ["AZ"], 2024: ["BZK"]}
    )
    assert notes[0] == "<5: klein"
    assert "2024: BZK" in notes[1] and "2019" not in notes[1]
    assert notes[2].startswith("Reeksbreuk:") and "02-07-2024" in notes[2]
    assert "2020" not in notes[2]
    assert exports.chart_footnotes([], [2018], "nl", {}) == []


def sample_figure() -> go.Figure:
    figure = go.Figure()
    figure.add_bar(
        x=[2023, 2024, 2025], y=[12, 19, 16], name="Vertrouwenspersoon", marker_color="#154273"
    )
    figure.add_bar(
        x=[2023, 2024, 2025], y=[6, 9, 11], name="Klachtencommissie", marker_color="#E17000"
    )
    figure.update_layout(barmode="stack", title={"text": "Meldingen per kanaal"})
    return figure


@pytest.fixture(scope="module")
def export_server():
    exports.start_export_server()
    yield
    exports.stop_export_server()


def decorated() -> go.Figure:
    return exports.export_figure(
        sample_figure(),
        subtitle="Sector Rijk, 2023–2025",
        source="Bron: registraties; dataversie 3 / S000003 / 2026-01-01.",
        footnotes=["<5: 1 tot en met 4 meldingen."],
    )


def test_exported_figure_carries_title_subtitle_source_and_print_patterns():
    figure = decorated()
    assert figure.layout.title.text == "Meldingen per kanaal"
    assert figure.layout.title.subtitle.text == "Sector Rijk, 2023–2025"
    notes = " ".join(a.text for a in figure.layout.annotations)
    assert "Bron:" in notes and "<5" in notes
    assert figure.layout.template.layout.paper_bgcolor == "#FFFFFF"  # passed explicitly
    shapes = [t.marker.pattern.shape for t in figure.data]
    assert len(set(shapes)) == len(shapes)  # tells the bars apart in black and white


def test_png_is_high_resolution_and_not_blank(export_server):
    figure = decorated()
    image = Image.open(io.BytesIO(exports.render(figure, "png")))
    assert image.format == "PNG"
    assert image.size == (2 * figure.layout.width, 2 * figure.layout.height)
    grey = image.convert("L")
    low, high = grey.getextrema()
    assert low < 80 and high > 240
    histogram = grey.histogram()
    assert sum(histogram[:200]) > 0.02 * sum(histogram)  # more than a few specks of ink


def test_svg_and_pdf_contain_the_title_and_source(export_server):
    from pypdf import PdfReader

    figure = decorated()
    svg = exports.render(figure, "svg").decode("utf-8")
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "Meldingen per kanaal" in svg and "Bron:" in svg
    pdf = exports.render(figure, "pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Meldingen per kanaal" in text and "Bron:" in text


def test_render_refuses_an_unknown_format():
    with pytest.raises(ValueError):
        exports.render(sample_figure(), "eps")


def test_a_render_that_takes_too_long_fails_instead_of_hanging(monkeypatch):
    # a hung chromium must not block a page for ever: kaleido gives up after the limit and
    # render() retries once on a fresh server, then raises (the page shows its error)
    exports.stop_export_server()
    monkeypatch.setattr(exports, "RENDER_TIMEOUT_SECONDS", 0.001)
    try:
        with pytest.raises(TimeoutError):
            exports.render(sample_figure(), "png")
    finally:
        exports.stop_export_server()  # the next render starts one with the normal limit


def test_a_chart_download_carries_title_and_one_source_line_and_no_notes():
    # the notes go beside the image (notes_text), not as a block of small print inside it
    figure = exports.export_figure(
        sample_figure(),
        subtitle="Sector Rijk, 2023–2025",
        source="Bron: Meldingenmonitor Rijk, registraties van meldingen bij de ministeries.",
    )
    assert figure.layout.title.x == 0 and figure.layout.title.xanchor == "left"
    inside = [a.text for a in figure.layout.annotations]
    assert len(inside) == 1 and inside[0].count("<br>") == 0 and inside[0].startswith("Bron:")
    assert "<5" not in inside[0]


class _Version:
    synthetic = True


def test_the_short_source_line_warns_of_synthetic_data_and_can_name_a_survey():
    line = exports.short_source_line(_Version(), "nl")
    assert line.startswith("Bron: Meldingenmonitor Rijk") and "Synthetische" in line
    survey = exports.short_source_line(_Version(), "en", "Source: PER 2023; Meldingenmonitor Rijk.")
    assert survey.startswith("Source: PER 2023") and "Synthetic" in survey


@pytest.mark.parametrize(
    ("lang", "heading", "notes_word", "symbols"),
    [("nl", "Toelichting bij de grafiek", "Voetnoten", "Tekens:"),
     ("en", "Notes on the chart", "Footnotes", "Symbols:")],
)  # fmt: skip
def test_the_notes_beside_a_chart_are_text_in_the_page_language(lang, heading, notes_word, symbols):
    notes = exports.chart_footnotes(["<5: klein"], [2023, 2024, 2025], lang, {2024: ["BZK"]})
    body = exports.notes_text(
        "Meldingen per kanaal", "Sector Rijk, 2023–2025", "Bron: volledig.", notes, lang, "Gemaakt"
    )
    lines = body.splitlines()
    assert lines[0] == f"{heading} 'Meldingen per kanaal'"
    assert "Bron: volledig." in lines and "Gemaakt" in lines and notes_word in lines
    assert "- <5: klein" in lines
    assert any("2024" in line and "BZK" in line for line in lines)  # incomplete year
    assert any("02-07-2024" in line for line in lines)  # the series break of 2024
    assert lines[-1].startswith(symbols) and body.endswith("\n")
