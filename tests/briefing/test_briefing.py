"""The briefing and the standard set: protected numbers only, every file read back by a reader."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from PIL import Image

from base.texts import text
from briefing.content import CHART_KEYS, TABLE_KEYS, build_chart, build_table
from briefing.document import build_briefing, pdf_with_reportlab, to_docx
from presentation.exports import Amount, table_xlsx
from protection.tables import TOTAL

REPO = Path(__file__).resolve().parents[2]
NL_NUMBER = re.compile(r"^\d{1,3}(\.\d{3})*$")


def published_cells(protected, lang="nl"):
    """(row position, column label) -> (status, value) of a ProtectedTable, totals included."""
    values, status = protected.values, protected.status
    if protected.is_series:
        values, status = values.to_frame(TOTAL).T, status.to_frame(TOTAL).T
    return values, status


def assert_only_published_numbers(frame: pd.DataFrame, protected, lang="nl") -> int:
    """Every number in the exported frame is a 'published' cell with the same value; every hidden
    cell is exported as its symbol. Returns how many numbers were checked."""
    values, status = published_cells(protected, lang)
    assert len(frame) == len(values)
    checked = 0
    total_label = {"nl": "Totaal", "en": "Total"}[lang]
    for position, (_, row) in enumerate(frame.iterrows()):
        label = values.index[position]
        for column, cell in row.items():
            key = TOTAL if column == total_label else int(column)
            cell_status = status.at[label, key]
            if isinstance(cell, int):
                assert cell_status == "published", (protected.name, label, key)
                assert cell == int(values.at[label, key])
                checked += 1
            else:
                assert cell_status != "published", (protected.name, label, key, cell)
                assert cell in ("<5", "x"), cell
    return checked


@pytest.mark.parametrize("key", TABLE_KEYS)
def test_every_table_exports_only_published_numbers(demo_data, key):
    table = build_table(demo_data, key, list(demo_data.publication.years), "nl")
    protected = demo_data.publication.tables[key]
    assert assert_only_published_numbers(table.frame, protected) > 0
    assert table.source.startswith("Bron: registraties")
    assert demo_data.version.label() in table.source
    if protected.footnote_keys:
        assert table.footnotes


def test_hidden_cells_are_never_in_an_xlsx_as_numbers(demo_data):
    from openpyxl import load_workbook

    for key in TABLE_KEYS:
        table = build_table(demo_data, key, list(demo_data.publication.years), "nl")
        sheet = load_workbook(io.BytesIO(table_xlsx(table, "nl")))["Tabel"]
        rows = list(sheet.iter_rows(min_row=5, max_row=4 + len(table.frame), values_only=True))
        frame = pd.DataFrame(
            [list(r[1:]) for r in rows], index=[r[0] for r in rows], columns=table.frame.columns
        ).astype(object)
        assert assert_only_published_numbers(frame, demo_data.publication.tables[key]) > 0


@pytest.mark.parametrize(
    ("lang", "heading", "symbols"),
    [("nl", "Toelichting bij de grafiek", "Tekens:"), ("en", "Notes on the chart", "Symbols:")],
)
def test_the_notes_beside_a_chart_file_are_in_its_language(demo_data, lang, heading, symbols):
    chart = build_chart(demo_data, "kanalen", list(demo_data.publication.years), lang)
    lines = chart.notes_text(lang).splitlines()
    assert lines[0] == f"{heading} '{chart.title}'" and lines[1] == chart.subtitle
    assert chart.source in lines and lines[-1].startswith(symbols)
    assert [f"- {note}" for note in chart.footnotes] == [line for line in lines if line[:2] == "- "]
    assert chart.short_source in chart.standalone(lang).layout.annotations[-1].text


def test_a_year_range_drops_the_total_over_all_years(demo_data):
    table = build_table(demo_data, "discrimination:channel", [2023, 2024, 2025], "nl")
    assert list(table.frame.columns) == ["2023", "2024", "2025"]
    assert table.subtitle == "Sector Rijk, 2023–2025"


@pytest.mark.parametrize("key", CHART_KEYS)
def test_every_chart_has_sentences_source_and_a_protected_table(demo_data, key):
    chart = build_chart(demo_data, key, list(demo_data.publication.years), "nl")
    assert chart.title and chart.sentences and chart.source.startswith("Bron:")
    assert any("Reeksbreuk" in note for note in chart.footnotes)
    figure = chart.standalone("nl")
    assert figure.layout.title.text == chart.title
    # one short source line in the image (and the synthetic-data warning); the notes beside it
    inside = [a.text for a in figure.layout.annotations if a.yref == "paper" and a.y < 0]
    assert inside == [chart.short_source + " " + text("export.source_synthetic", "nl")]
    assert not any("Reeksbreuk" in a.text for a in figure.layout.annotations)
    notes = chart.notes_text("nl")
    assert chart.source in notes and all(note in notes for note in chart.footnotes)
    if key != "aandeel":
        protected = demo_data.publication.tables[chart.table.key]
        assert_only_published_numbers(chart.table.frame, protected)
    else:
        totals = {m: demo_data.publication.table(m, "total") for m in ("discrimination", "all")}
        for year, row in chart.table.frame.iterrows():
            for measure, cell in zip(("discrimination", "all"), row.iloc[:2], strict=True):
                if isinstance(cell, int):
                    assert totals[measure].status[int(year)] == "published"
                    assert cell == int(totals[measure].values[int(year)])
            assert isinstance(row.iloc[2], Amount | str)


def test_english_chart_and_table(demo_data):
    chart = build_chart(demo_data, "kanalen", [2024, 2025], "en")
    assert chart.source.startswith("Source: registrations")
    assert "Total" in chart.table.frame.index
    table = build_table(
        demo_data, "discrimination:channel", list(demo_data.publication.years), "en"
    )
    assert_only_published_numbers(table.frame, demo_data.publication.tables[table.key], "en")


@pytest.fixture(scope="module")
def small_briefing(demo_data, export_server):
    return build_briefing(
        demo_data,
        list(demo_data.publication.years),
        ["kanalen", "aandeel"],
        ["discrimination:channel", "discrimination:department", "all:total"],
        "nl",
        today=dt.date(2026, 3, 2),
    )


def test_docx_reads_back_with_numbered_figures_tables_sources_and_annex(small_briefing, demo_data):
    from docx import Document

    document = Document(io.BytesIO(to_docx(small_briefing)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.startswith("Meldingen van discriminatie en racisme binnen het Rijk")
    for expected in (
        "Figuur 1. Meldingen over discriminatie en racisme, naar kanaal",
        "Figuur 2. ",
        "Tabel 1. ",
        "Tabel 3. Alle meldingen ongewenst gedrag",
        "Bron: registraties",
        demo_data.version.label(),
        "2 maart 2026",  # the date in words (base.formatting.format_date)
        "Bijlage: kanttekeningen en methode",
        "Eerst: wat deze cijfers niet zeggen",
        "Synthetische voorbeeldgegevens",
    ):
        assert expected in text, expected
    assert len(document.inline_shapes) == 2
    assert document.core_properties.title == small_briefing.title
    # The Word tables hold the same protected numbers as the exports, in Dutch notation.
    assert len(document.tables) == 3
    for (_, table), grid in zip(small_briefing.tables, document.tables, strict=True):
        protected = demo_data.publication.tables[table.key]
        cells = [[c.text for c in row.cells] for row in grid.rows]
        frame = pd.DataFrame(
            [
                [int(v.replace(".", "")) if NL_NUMBER.match(v) else v for v in row[1:]]
                for row in cells[1:]
            ],
            columns=cells[0][1:],
        ).astype(object)
        assert assert_only_published_numbers(frame, protected) > 0


def test_pdf_text_has_title_sources_and_numbering(small_briefing, demo_data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_with_reportlab(small_briefing)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    for expected in (
        "Meldingen van discriminatie en racisme",
        "Bron:",
        "Figuur 1.",
        "Figuur 2.",
        "Tabel 3.",
        "Bijlage",
        demo_data.version.label(),
        "pagina 1",
    ):
        assert expected in text, expected
    assert len(reader.pages) >= 3


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_renders_the_word_file(small_briefing):
    from pypdf import PdfReader

    from briefing.document import docx_to_pdf

    pdf = docx_to_pdf(to_docx(small_briefing))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Figuur 1" in text and "Bron:" in text


def test_command_line_writes_the_standard_set_with_a_manifest(demo_db, tmp_path):
    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    out = tmp_path / "set"
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "--out", str(out), "--year", "2024",
         "--db", str(demo_db), "--lang", "nl"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**__import__("os").environ, "MELDINGEN_PDF_RENDERER": "reportlab"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "bestanden geschreven" in result.stdout
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["years"][-1] == 2024 and manifest["synthetic"] is True
    kinds = [f["kind"] for f in manifest["files"]]
    assert kinds.count("png") == kinds.count("svg") == len(CHART_KEYS)
    assert kinds.count("txt") == len(CHART_KEYS)  # each figure's notes beside it
    assert kinds.count("xlsx") == len(TABLE_KEYS)
    assert kinds.count("csv") == 2 * len(TABLE_KEYS)
    assert kinds.count("docx") == kinds.count("pdf") == 1
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert on_disk == listed | {"manifest.json"}
    for entry in manifest["files"]:
        content = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
        assert len(content) == entry["bytes"]
        if entry["kind"] == "png":
            image = Image.open(io.BytesIO(content))
            assert image.size[0] >= 2000
            assert image.convert("L").getextrema()[0] < 80
        elif entry["kind"] == "svg":
            assert ElementTree.fromstring(content).tag.endswith("svg")
            assert "Bron:" in content.decode("utf-8")
        elif entry["kind"] == "xlsx":
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                for name in archive.namelist():
                    if name.startswith("xl/worksheets/"):
                        assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
            workbook = load_workbook(io.BytesIO(content))
            assert "2025" not in [c.value for c in workbook["Tabel"][4]]
        elif entry["kind"] == "csv":
            assert content.startswith(b"\xef\xbb\xbf")
        elif entry["kind"] == "docx":
            text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
            assert "Figuur 7." in text and "Tabel 12." in text
        elif entry["kind"] == "pdf":
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
            assert "Bron:" in text and "Meldingen van discriminatie" in text


def test_command_line_refuses_a_year_outside_the_data_and_a_missing_warehouse(demo_db, tmp_path):
    from briefing.cli import main

    assert (
        main(["build", "--out", str(tmp_path / "a"), "--year", "1999", "--db", str(demo_db)]) == 2
    )
    assert main(["build", "--out", str(tmp_path / "b"), "--db", str(tmp_path / "none.duckdb")]) == 1
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_a_breakdown_that_cannot_be_protected_is_left_out_and_named(demo_data, export_server):
    # tests.publication.test_protected.py: four grounds with one report each under a total of 4
    # cannot be protected by any pattern, so the ground table is given up. The briefing must
    # leave out that figure and table (not fail, not show them) and say so.
    import dataclasses

    from briefing.content import available_chart_keys, available_table_keys, chart_title
    from publication.protected import build_publication
    from tests.publication.test_protected import RULES, four_ones_in_2021

    publication = build_publication(four_ones_in_2021(), RULES)
    data = dataclasses.replace(demo_data, publication=publication)
    assert available_chart_keys(publication) == tuple(k for k in CHART_KEYS if k != "gronden")
    assert available_table_keys(publication) == tuple(
        k for k in TABLE_KEYS if k != "discrimination:ground"
    )
    briefing = build_briefing(
        data, [2020, 2021, 2022], ["kanalen", "gronden"], ["discrimination:ground", "all:total"]
    )
    assert [figure.chart.key for figure in briefing.figures] == ["kanalen"]
    assert [table.key for _, table in briefing.tables] == ["all:total"]
    assert "Niet opgenomen" in briefing.intro
    assert chart_title("gronden", "nl") in briefing.intro


def test_the_standard_set_names_what_it_left_out(demo_data, export_server, tmp_path):
    import dataclasses

    from docx import Document

    from briefing.build import build_standard_set
    from publication.protected import build_publication
    from tests.publication.test_protected import RULES, four_ones_in_2021

    data = dataclasses.replace(demo_data, publication=build_publication(four_ones_in_2021(), RULES))
    manifest = build_standard_set(data, tmp_path, [2020, 2021, 2022], today=dt.date(2026, 3, 2))
    assert manifest["omitted"] == ["gronden", "discrimination:ground"]
    assert not any("grond" in entry["path"] for entry in manifest["files"])
    intro = "\n".join(p.text for p in Document(tmp_path / "briefing.docx").paragraphs)
    assert "Niet opgenomen" in intro and "naar discriminatiegrond" in intro


# --- issue 15: notes once, a sentence per figure, dates in words, fonts at print size ----------


def test_a_note_line_names_only_the_notes_that_apply():
    from presentation.exports import note_line

    # 2018 has no series break (test_exports: chart_footnotes([], [2018]) == []).
    keys = ("protection.footnote.below_threshold", "protection.footnote.secondary")
    assert note_line(keys, [2018], "nl", {2018: ["JenV"]}) == (
        "Noten: '<5' = 1 tot en met 4; 'x' = afgeschermd; onvolledig 2018 (zie Toelichting)."
    )
    assert note_line(keys[1:], [2018], "en", {}) == "Notes: 'x' = protected (see Notes)."
    assert note_line((), [2018], "nl", {}) == ""


def test_small_counts_are_hidden_or_below_twenty():
    from briefing.content import has_small_counts

    assert not has_small_counts([20, 31, 374])
    assert has_small_counts([19, 40])
    assert has_small_counts([None, 50])


def test_document_figures_have_fonts_of_at_least_9_pt_when_printed(demo_data):
    from briefing.content import FIGURE_WIDTH_CM
    from presentation.exports import min_font_px

    # 15 cm = 425.2 pt; 700 px at 15 cm: 0.607 pt per px, so 9 pt = 14.8 px -> 15 px.
    assert min_font_px(700, 15.0, 9) == 15
    assert min_font_px(1000, 15.0, 9) == 22
    for key in ("ministeries", "kanalen"):
        figure = build_chart(demo_data, key, list(demo_data.publication.years)).for_document()
        floor = min_font_px(figure.layout.width, FIGURE_WIDTH_CM, 9)
        assert figure.layout.width == 700 and floor == 15
        assert figure.layout.font.size >= floor
        assert figure.layout.legend.font.size >= floor
        sizes = [a.font.size for a in figure.layout.annotations]
        axes = [*figure.select_xaxes(), *figure.select_yaxes()]
        sizes += [axis.tickfont.size for axis in axes] + [axis.title.font.size for axis in axes]
        assert all(size is None or size >= floor for size in sizes), sizes  # None: layout font


def test_each_figure_has_its_own_sentence_and_the_caution_only_for_small_counts(demo_data):
    years = list(demo_data.publication.years)
    total = build_chart(demo_data, "kanalen", years)
    by_ministry = build_chart(demo_data, "ministeries", years)
    # Demo data, year totals 2018..2025 from the channel table: 31 in 2018, 63 in 2024, 73 in 2025.
    assert total.sentences[0].startswith(
        "Het aantal meldingen over discriminatie en racisme ging van 31 in 2018 naar 73 in 2025"
    )
    assert total.sentences[1].startswith("Van 2024 naar 2025: 63 en 73 meldingen.")
    assert not any("kleine aantallen" in s for s in total.sentences)  # 31..73, none below 20
    assert not set(total.sentences) & set(by_ministry.sentences)
    values = demo_data.publication.tables["discrimination:department"].values
    fin = f"FIN: van {int(values.at['FIN', 2018])} in 2018 naar {int(values.at['FIN', 2025])} in 2025."
    assert fin in by_ministry.sentences[0]
    assert (
        "Totaal Rijk (alle ministeries): van 31 in 2018 naar 73 in 2025."
        in by_ministry.sentences[0]
    )
    assert "kleine aantallen, zoals hier bij" in by_ministry.sentences[-1]


def test_notes_are_said_once_and_each_figure_has_a_one_line_source(small_briefing, demo_data):
    from docx import Document

    document = Document(io.BytesIO(to_docx(small_briefing)))
    paragraphs = [p.text for p in document.paragraphs]
    assert sum(p.startswith("Bron: registraties") for p in paragraphs) == 1
    assert sum(p.startswith("Onvolledige jaren") for p in paragraphs) <= 1
    assert sum(p.startswith("Reeksbreuk") for p in paragraphs) == 1
    short = "Bron: Meldingenmonitor Rijk, registraties van meldingen bij de ministeries."
    # two figures and three tables, each with the one-line source
    assert paragraphs.count(short) == 5
    assert "Toelichting" in paragraphs
    assert paragraphs.index("Toelichting") < paragraphs.index("Bijlage: kanttekeningen en methode")
    footer = document.sections[0].footer.paragraphs[0].text
    submission = demo_data.version.latest_submission_id
    assert footer.startswith(f"Meldingenmonitor Rijk · dataversie {submission} · 2 maart 2026")
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}", footer)
