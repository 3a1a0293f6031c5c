"""Every page, export and the briefing speak one language: renders the dashboard with AppTest and
builds the CSV, XLSX and briefing text in-process, in Dutch and in English, and fails on words of
the other language (issue 15, 'Two languages mixed')."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable

import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict
from PIL import Image
from streamlit.testing.v1 import AppTest

# Words that only Dutch output may contain: seen on English pages (issue 15) or likely to leak
# from codes and labels built without the language.
DUTCH_ONLY = (
    "aanlevering",
    "aanleveringen",
    "aanleveren",
    "klachtencommissie",
    "meldpunt",
    "vertrouwenspersoon",
    "vertrouwenspersonen",
    "integriteitscoördinator",
    "lokaal",
    "ministerie",
    "ministeries",
    "afgeschermd",
    "voorlopig",
    "melding",
    "meldingen",
    "totaal",
    "bron",
    "jaar",
    "jaren",
    "onbekend",
    "geen",
    "niet",
    "het",
    "een",
    "en",
    "gegevensversie",
    "toelichting",
    "peiling",
    "steekproef",
)
# Words that only English output may contain, Streamlit's own strings among them.
ENGLISH_ONLY = (
    "page not found",
    "upload",
    "select all",
    "per file",
    "download",
    "provisional",
    "survey",
    "the",
    "and",
    "with",
    "report",
    "reports",
    "total",
    "year",
    "years",
    "source",
    "sample size",
    "not stated",
    "independence",
    "hidden",
    "unknown",
    "complaints",
    "ministry",
    "local",
    "as reported by",
    "employer",
)
# Names, not words of a language: they are the same in both.
ALLOWED = (
    "WERKonderzoek",  # the survey's own name
    "fte",  # the unit, in both languages
    "Meldingenmonitor Rijk",  # the product's name
    "Cijfers overheidspersoneel: omvang en samenstelling personeelsbestand",  # a source's title
    "departement, jaar, kanaal, categorie",  # column names of the delivery format
    "Een luisterend oor",  # a report's title
)
ICON = re.compile(r":material/[a-z_]+:")
# In widget protos: ids, keys and icons are code, not text
CODE_FIELDS = {"id", "formId", "queryParamKey", "icon", "url", "type", "deltaPath"}
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in CODE_FIELDS:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _frame_strings(frame: pd.DataFrame) -> Iterable[str]:
    yield from (str(c) for c in frame.columns)
    yield from (str(i) for i in frame.index)
    yield from (str(v) for v in frame.to_numpy().ravel())


def _plotly_strings(spec: str) -> Iterable[str]:
    figure = json.loads(spec)
    figure.get("layout", {}).pop("template", None)  # Plotly's styling defaults, no text
    for trace in figure.get("data", []):
        for key in ("x", "y", "z", "customdata", "marker", "line", "type", "mode", "uid"):
            trace.pop(key, None)
    yield from _strings(figure)


def _html_strings(body: str) -> Iterable[str]:
    # CSS in an <style> block: only its 'content:' strings are shown
    for style in re.findall(r"<style>(.*?)</style>", body, flags=re.S):
        yield from re.findall(r'content:\s*"((?:[^"\\]|\\.)*)"', style)
    # app.styles' script: it shows the values of its word list (the keys are Streamlit's English
    # strings it replaces) and the uploader button's name
    for script in re.findall(r"<script>(.*?)</script>", body, flags=re.S):
        words = re.search(r"const words = (\{.*?\}), prefixes = (\[.*?\]\]),", script, re.S)
        if words:
            yield from json.loads(words.group(1)).values()
            yield from (own for _, own in json.loads(words.group(2)))
        yield from re.findall(r'const uploadButton = "((?:[^"\\]|\\.)*)"', script)
    body = re.sub(r"<script>.*?</script>", " ", body, flags=re.S)
    yield re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", body, flags=re.S))


def page_texts(at) -> list[str]:
    """Every text an AppTest run puts on the page: element and block protos, tables, charts."""
    found: list[str] = []

    def visit(node) -> None:
        kind = getattr(node, "type", None)
        proto = getattr(node, "proto", None)
        if kind == "dataframe":
            found.extend(_frame_strings(node.value))
        elif kind == "plotly_chart":
            found.extend(_plotly_strings(proto.spec))
        elif kind == "date_input":  # its values are dates, shown in the format it names
            found.extend([proto.label, proto.help])
        elif kind == "html":
            found.extend(_html_strings(proto.body))
        elif proto is not None:
            found.extend(_strings(MessageToDict(proto)))
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return found


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


FOREIGN = {"en": _pattern(DUTCH_ONLY), "nl": _pattern(ENGLISH_ONLY)}


def foreign_words(texts: Iterable[str], lang: str) -> list[str]:
    """'word: …context…' for each word of the other language; ISO dates on Dutch output too."""
    hits: list[str] = []
    for raw in texts:
        text = ICON.sub(" ", raw).replace("`", "")  # `code` spans: their words are checked too
        for name in ALLOWED:
            text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
        patterns = [FOREIGN[lang]] + ([ISO_DATE] if lang == "nl" else [])
        for pattern in patterns:
            for match in pattern.finditer(text):
                start, end = max(0, match.start() - 40), match.end() + 40
                hits.append(f"{match.group(0)!r}: …{text[start:end]}…")
    return sorted(set(hits))


def test_the_word_lists_match_whole_words_only():
    assert foreign_words(["Uploaden van bestanden", "downloads"], "nl") == []
    assert foreign_words(["Download the table"], "nl") == [
        "'Download': …Download the table…",
        "'the': …Download the table…",
    ]
    assert foreign_words(["Totaalcijfer; WERKonderzoek; ministeriële"], "en") == []
    assert len(foreign_words(["Ministerie van BZK"], "en")) == 1
    assert len(foreign_words(["Gemaakt op 2026-12-05"], "nl")) == 1


# --- the pages ---------------------------------------------------------------------------------

# (page, filters in the URL): set through the URL, because AppTest calls a selectbox's
# format_func outside the script run, where the page's language is not known
VIEWS = [
    ("app_pages/overzicht.py", {}),
    ("app_pages/trends.py", {}),
    ("app_pages/trends.py", {"uitsplitsing": "channel", "van": "2020"}),
    ("app_pages/trends.py", {"uitsplitsing": "department", "schaal": "per1000fte"}),
    ("app_pages/trends.py", {"maat": "all", "uitsplitsing": "category"}),
    ("app_pages/export.py", {}),
    ("app_pages/onderrapportage.py", {}),
    ("app_pages/meldingsbereidheid.py", {}),
    ("app_pages/dekking.py", {}),
    ("app_pages/publicaties.py", {}),
    ("app_pages/over_de_cijfers.py", {}),
    ("app_pages/aanleveren.py", {}),  # local mode: anyone may upload
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_in_one_language(app, demo_db, lang):
    hits: dict[str, list[str]] = {}
    overview = app(demo_db, params={"taal": lang})  # fresh caches; figures are computed once
    for page, filters in VIEWS:
        # a new session per view: a second run would have AppTest format a selectbox's value
        # outside the script, where the page's language is unknown
        at = AppTest.from_file("../../dashboard.py", default_timeout=120)
        for key, value in {**filters, **({"taal": lang} if lang == "en" else {})}.items():
            at.query_params[key] = value
        at.run()  # switch_page works from a run's navigation
        at.switch_page(page)
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
        if page != "app_pages/overzicht.py":  # the page itself, not the overview
            assert at.title[0].value != overview.title[0].value, page
        found = foreign_words(page_texts(at), lang)
        if found:
            hits[f"{page} {filters}"] = found
        # Streamlit's own English strings: the bulk 'Select all' is switched off and the
        # uploader's 'Upload' and 'per file' are drawn in the page's language
        for widget in at.multiselect:
            assert not widget.proto.select_all, (page, widget.label)
        if at.get("file_uploader"):
            assert at.get("file_uploader")[0].proto.max_upload_size_mb == 100
            css = " ".join(h.proto.body for h in at.get("html"))
            assert "stFileUploaderDropzoneInstructions" in css
    assert not hits, json.dumps(hits, indent=1, ensure_ascii=False)


# --- the exports and the briefing -------------------------------------------------------------


def _tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _xlsx_strings(content: bytes) -> Iterable[str]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        yield sheet.title
        for row in sheet.iter_rows(values_only=True):
            yield from (v for v in row if isinstance(v, str))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_exports_and_briefing_in_one_language(demo_db, lang, monkeypatch):
    from docx import Document

    from briefing import document
    from briefing.content import (
        available_chart_keys,
        available_table_keys,
        build_chart,
        load_data,
    )
    from presentation.exports import table_csv, table_xlsx

    # The charts' images need Chromium; their text is checked from the figures themselves.
    monkeypatch.setattr(document, "render", lambda figure, fmt, **_: _tiny_png())
    data = load_data(demo_db)
    years = list(data.publication.years)
    chart_keys = available_chart_keys(data.publication)
    table_keys = available_table_keys(data.publication)
    briefing = document.build_briefing(data, years, chart_keys, table_keys, lang)
    texts: dict[str, list[str]] = {}
    word = Document(io.BytesIO(document.to_docx(briefing)))
    texts["briefing"] = [p.text for p in word.paragraphs] + [
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    ]
    for key in chart_keys:
        chart = build_chart(data, key, years, lang)
        texts[f"chart {key}"] = list(_plotly_strings(chart.standalone(lang).to_json()))
        texts[f"chart {key} xlsx"] = list(_xlsx_strings(table_xlsx(chart.table, lang)))
    for _, table in briefing.tables:
        texts[f"{table.key} csv"] = [table_csv(table).decode("utf-8-sig")]
        texts[f"{table.key} xlsx"] = list(_xlsx_strings(table_xlsx(table, lang)))
    hits = {where: found for where, got in texts.items() if (found := foreign_words(got, lang))}
    assert not hits, json.dumps(hits, indent=1, ensure_ascii=False)
