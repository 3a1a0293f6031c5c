"""App layer: components the pages share (tables converted to Arrow once, a chart with its summary,
table alternative and downloads, uploaded text shown literally)."""

from __future__ import annotations

import re
import weakref

import pandas as pd
import streamlit as st

from app import web
from app.export_widgets import chart_downloads
from base.texts import text

_ARROW: dict[int, tuple[weakref.ref, object]] = {}

# Characters with a meaning in Streamlit's Markdown (CommonMark, GitHub's extensions, Streamlit's
# :colour[...] and :icon: directives, $LaTeX$) and in HTML; each is shown as itself after a
# backslash. '_' between two letters or digits cannot start emphasis, and ':' before a space or
# at the end cannot open a directive or an icon: they stay as they are, so that 'BZK_2023.csv'
# and 'Toelichting: ...' read (and search) as written.
_MARKDOWN_ACTIVE = re.compile(r"[\\`*_~\[\]<>&$|#:!]")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def literal(value: object) -> str:
    """Text from outside (an uploaded file's name, header or cell; a typed note) for a Markdown
    element, label or message: shown exactly as written, never as formatting, a link, an image or
    HTML. Dataframe cells are not Markdown and need no escaping."""
    text = _LINE_BREAKS.sub(" ", str(value))

    def escaped(match: re.Match[str]) -> str:
        char, at = match.group(), match.start()
        if char == "_" and 0 < at < len(text) - 1:
            before, after = text[at - 1], text[at + 1]
            if before.isalnum() and after.isalnum():
                return char
        if char == ":" and (at == len(text) - 1 or text[at + 1].isspace()):
            return char  # an :icon: or :emoji: needs a character right after the colon
        return "\\" + char

    text = _MARKDOWN_ACTIVE.sub(escaped, text)
    # A list item, a quote or a heading underline where the text starts a line.
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)


def _as_arrow(frame: pd.DataFrame) -> object:
    entry = _ARROW.get(id(frame))
    if entry is not None and entry[0]() is frame:
        return entry[1]
    import pyarrow as pa

    try:
        table = pa.Table.from_pandas(frame)  # what st.dataframe itself does with a DataFrame
    except (pa.ArrowException, TypeError, ValueError):
        return frame  # mixed columns: Streamlit's own conversion repairs them
    key = id(frame)
    _ARROW[key] = (weakref.ref(frame, lambda _, key=key: _ARROW.pop(key, None)), table)
    return table


def dataframe(frame: pd.DataFrame, **options: object) -> None:
    """st.dataframe of a table that is converted to Arrow once per table object, not on every
    rerun (0.7 ms a table, the largest part of a warm chart page); cached view-model tables live
    for their cache entry, so a rerun reuses the conversion. The frame must not change later."""
    st.dataframe(_as_arrow(frame), **options)


def show_chart(
    figure,
    table: pd.DataFrame,
    summary: str,
    key: str,
    footnotes: list[str] | None = None,
    source: str = "",
) -> None:
    """A chart with its one-sentence summary and a table alternative (same protected numbers);
    source: the short source line of its downloads when not the register's."""
    st.plotly_chart(
        figure,
        key=f"chart-{key}",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["toImage", "select2d", "lasso2d"]},
        width="stretch",
    )
    st.markdown(summary)
    with st.expander(web.t("chart.table_alternative")):
        dataframe(table, width="stretch")
    chart_downloads(figure, table, key, footnotes, source)
    for note in footnotes or []:
        st.caption(note)


def file_uploader_in_language(lang: str) -> None:
    """Streamlit's file uploader writes its button ('Upload') and its size limit and file types
    ('100MB per file • CSV, TXT, XLSX') in English, whatever the page's language. Those texts are
    hidden from eye and screen reader (visibility, display) and the same words are drawn in the
    page's language in their place; the limit is the server's own (server.maxUploadSize, in
    Streamlit's MB of 1024 x 1024 bytes)."""
    instructions = text(
        "upload.dropzone_instructions", lang, size=st.get_option("server.maxUploadSize")
    )
    button = text("upload.dropzone_button", lang)
    st.html(
        "<style>"
        '[data-testid="stFileUploaderDropzoneInstructions"] span { visibility: hidden; }'
        '[data-testid="stFileUploaderDropzoneInstructions"] span::after {'
        f" content: {_css_string(instructions)}; visibility: visible; position: absolute;"
        " left: 0; }"
        '[data-testid="stFileUploaderDropzoneInstructions"] > div { position: relative; }'
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
        " { display: none; }"
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after'
        f" {{ content: {_css_string(button)}; }}"
        "</style>"
    )


def _css_string(value: str) -> str:
    """A CSS string literal. The texts come from base/texts, never from users; quotes,
    backslashes and line breaks are escaped all the same."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'
