"""A briefing writer downloads a chart as PNG and its table as XLSX, and makes a briefing."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_journeys import open_page

pytestmark = pytest.mark.browser


def download(page, button_text: str):
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=button_text).first.click()
    return info.value


def test_briefing_writer_downloads_chart_table_and_briefing(page, server, tmp_path):
    from openpyxl import load_workbook
    from PIL import Image
    from pypdf import PdfReader

    open_page(page, server.url)
    menu = page.get_by_role("button", name=re.compile("Downloaden")).first
    menu.scroll_into_view_if_needed()
    menu.click()
    expect(page.get_by_role("button", name="Afbeelding (PNG)").first).to_be_visible()
    screenshot(page, "export-menu")

    png = download(page, "Afbeelding (PNG)")
    assert png.suggested_filename == "meldingenmonitor_overview-channels.png"
    image = Image.open(png.path())
    assert image.format == "PNG" and image.size[0] >= 2000
    assert image.convert("L").getextrema() == (0, 255)

    # the notes (full source, footnotes, symbols) beside the image, as text in the page's language
    notes = download(page, "Toelichting bij de grafiek (TXT)")
    assert notes.suggested_filename == "meldingenmonitor_overview-channels_toelichting.txt"
    body = open(notes.path(), encoding="utf-8").read()  # noqa: SIM115 - read once
    assert body.startswith("Toelichting bij de grafiek") and "Bron:" in body and "<5" in body

    xlsx = download(page, "Tabel in Excel (XLSX)")
    assert xlsx.suggested_filename.endswith(".xlsx")
    content = open(xlsx.path(), "rb").read()  # noqa: SIM115 - read once
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
    sheet = load_workbook(io.BytesIO(content))["Tabel"]
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]}
    assert rows["Totaal"][-1] == 384  # demo data: all discrimination reports 2018-2025
    assert "<5" in rows["Departementaal meldpunt"]  # hidden cells stay symbols
    assert all(isinstance(v, int) for v in rows["Vertrouwenspersoon"])
    expect(page.get_by_text("Er ging iets mis")).to_have_count(0)

    # The Export page: one click, a Word and a PDF briefing.
    open_page(page, f"{server.url}/export")
    expect(page.locator("h1").first).to_have_text("Export voor Kamerbrieven")
    page.get_by_role("button", name="Maak briefing").click()
    expect(page.get_by_text("De briefing is klaar")).to_be_visible(timeout=180_000)
    screenshot(page, "export-briefing")
    pdf = download(page, "Briefing als PDF")
    text = "".join(p.extract_text() for p in PdfReader(pdf.path()).pages)
    assert "Figuur 1." in text and "Bron:" in text and "Tabel 1." in text
    docx = download(page, "Briefing als Word (DOCX)")
    assert docx.suggested_filename.endswith(".docx")
    expect(page.get_by_text("Er ging iets mis")).to_have_count(0)
