"""The briefing's optional section on measures and willingness to report (`python -m briefing
build --willingness`): the page's sentences, the detectable changes and the comparison with its
reasons or assumptions, in the briefing's language, in the Word file and the PDF."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader

from base.texts import text
from briefing.cli import main
from briefing.content import load_data
from briefing.document import build_briefing, to_docx, to_pdf
from presentation.willingness import build_willingness
from publication import willingness


@pytest.fixture(scope="module")
def data_with_willingness(demo_db):
    return load_data(demo_db, willingness=True)


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_section_repeats_the_page_in_the_briefing_language(
    data_with_willingness, export_server, lang
):
    data = data_with_willingness
    years = list(data.publication.years)
    briefing = build_briefing(data, years, chart_keys=("kanalen",), lang=lang)
    model = build_willingness(data.willingness, list(data.comparisons), lang, True)
    headings = [heading for heading, _ in briefing.willingness]
    assert headings[0] == text("will.in_short_heading", lang)
    assert text("will.detect_heading", lang) in headings
    assert text("will.did_heading", lang) in headings
    words = _docx_text(to_docx(briefing))
    assert text("will.title", lang) in words
    # the page's 'In short' sentences, word for word
    for line in model.in_short:
        assert line in words
    # one line per horizon with the same rise and fall as the page's table
    table = model.detectable_table
    for _, row in table.iterrows():
        assert any(row.iloc[1] in line and row.iloc[0] in line for line in words.splitlines())
    pdf = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(to_pdf(briefing))).pages)
    assert text("will.title", lang) in pdf
    assert text("will.did_heading", lang).split()[0] in pdf


def test_without_the_option_there_is_no_section(demo_data, export_server):
    years = list(demo_data.publication.years)
    briefing = build_briefing(demo_data, years, chart_keys=("kanalen",), lang="nl")
    assert briefing.willingness == []
    assert text("will.title", "nl") not in _docx_text(to_docx(briefing))


def test_the_detectable_changes_are_the_registered_ones(data_with_willingness):
    """The section states the rises the registry holds for the briefing (as proportions)."""
    result = data_with_willingness.willingness
    shown = {
        n.statistic: n.value
        for n in willingness.shown_numbers(result)
        if n.statistic.startswith(willingness.RISE)
    }
    for change in result.detectable:
        key = f"{willingness.RISE}:years={change.follow_up_years}"
        assert shown[key] == willingness.rounded_change(change.increase_ratio)


def test_the_command_line_adds_the_section_on_request(demo_db, tmp_path):
    assert main(["build", "--out", str(tmp_path), "--db", str(demo_db), "--willingness"]) == 0
    words = _docx_text((tmp_path / "briefing.docx").read_bytes())
    assert text("will.title", "nl") in words
