"""Streamlit widgets for the exports: downloads under every chart and the briefing on the Export page.

Files are made only when the user clicks (deferred download data); the chart images go through
the one kaleido export server of this process (meldingen.exports.render).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from etl import warehouse
from meldingen import measures, web
from meldingen.exports import (
    MIME_TYPES,
    ExportTable,
    chart_footnotes,
    export_figure,
    file_stem,
    made_line,
    notes_sections,
    render,
    source_line,
    subtitle_for_years,
    table_csv,
    table_xlsx,
    typed_frame,
)
from meldingen.i18n import text


def _image(figure: go.Figure, fmt: str) -> bytes:
    return render(figure, fmt)


def chart_downloads(
    figure: go.Figure, table: pd.DataFrame, key: str, footnotes: Sequence[str] | None = None
) -> None:
    """A 'Download' menu under a chart: PNG (2x), SVG, PDF of the chart with title, selection,
    source and footnotes; XLSX and CSV (comma; semicolon for Dutch Excel) of the table behind it.

    table: the table as the page shows it (ProtectedTable.display strings), typed back to numbers.
    """
    lang = web.lang()
    years = _years(figure)
    version = web.data_version()
    incomplete = measures.incomplete_years(web.coverage())
    source = source_line(version, lang)
    notes = chart_footnotes(footnotes or [], years, lang, incomplete)
    title = figure.layout.title.text or ""
    subtitle = subtitle_for_years(years, lang)
    exported = export_figure(
        figure, title=title, subtitle=subtitle, source=source, footnotes=notes, lang=lang
    )
    export_table = ExportTable(key, title, typed_frame(table, lang), source, subtitle, notes)
    stem = file_stem(key)
    made = made_line(version, lang)
    files = [
        ("png", f"{stem}.png", partial(_image, exported, "png"), ":material/image:"),
        ("svg", f"{stem}.svg", partial(_image, exported, "svg"), ":material/image:"),
        ("pdf", f"{stem}.pdf", partial(_image, exported, "pdf"), ":material/picture_as_pdf:"),
        (
            "xlsx",
            f"{stem}.xlsx",
            partial(table_xlsx, export_table, lang, notes=notes_sections(lang), made=made),
            ":material/table:",
        ),
        ("csv", f"{stem}.csv", partial(table_csv, export_table), ":material/csv:"),
        (
            "csv_semicolon",
            f"{stem}_puntkomma.csv",
            partial(table_csv, export_table, semicolon=True),
            ":material/csv:",
        ),
    ]
    with st.popover(
        text("export.downloads", lang),
        icon=":material/download:",
        help=text("export.downloads_help", lang),
        key=f"downloads-{key}",
    ):
        for kind, file_name, make, icon in files:
            st.download_button(
                text(f"export.{kind}", lang),
                data=make,
                file_name=file_name,
                mime=MIME_TYPES[kind.split("_")[0]],
                key=f"download-{key}-{kind}",
                icon=icon,
                on_click="ignore",
                width="stretch",
            )


def _years(figure: go.Figure) -> list[int]:
    from meldingen.exports import figure_years

    return figure_years(figure)


# --- the briefing -------------------------------------------------------------------------------


def briefing_data():
    from briefing.content import BriefingData

    return BriefingData(web.publication(), web.coverage(), web.fte(), web.data_version())


@st.cache_data(show_spinner=False, max_entries=4)
def _briefing_files(
    version: str,
    years: tuple[int, ...],
    chart_keys: tuple[str, ...],
    table_keys: tuple[str, ...],
    lang: str,
    _data=None,
) -> tuple[bytes, bytes]:
    from briefing.document import build_briefing, to_docx, to_pdf

    del version  # cache key only
    briefing = build_briefing(_data, years, chart_keys, table_keys, lang)
    docx = to_docx(briefing)
    return docx, to_pdf(briefing, docx)


def briefing_files(
    years: Sequence[int], chart_keys: Sequence[str], table_keys: Sequence[str]
) -> tuple[bytes, bytes]:
    """DOCX and PDF bytes of the briefing for this selection, cached per warehouse version."""
    return _briefing_files(
        f"{warehouse.version_token(web.db_path())}-{web.lang()}",
        tuple(years),
        tuple(chart_keys),
        tuple(table_keys),
        web.lang(),
        _data=briefing_data(),
    )
