"""Streamlit widgets for the exports: downloads under every chart and the briefing on the Export page.

Files are made only when the user clicks (deferred download data); the chart images go through
the one kaleido export server of this process (presentation.exports.render).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import web
from base.texts import text
from etl import queries, warehouse
from presentation.exports import (
    MIME_TYPES,
    ExportTable,
    chart_footnotes,
    event_lines,
    export_figure,
    figure_years,
    file_stem,
    made_line,
    notes_sections,
    notes_text,
    render,
    short_source_line,
    source_line,
    stamp_of,
    subtitle_for_years,
    table_csv,
    table_xlsx,
    typed_frame,
)


@dataclass(frozen=True, eq=False)
class ChartFiles:
    """The files of one chart's download menu, made only when one is asked for.

    Preparing the print version of a figure costs about 25 ms and the menu is rarely opened, so a
    rerun only captures what the files need (all of it known in the script run: the callables run
    outside it, without session state). The figure and table are read, never changed.
    """

    figure: go.Figure
    table: pd.DataFrame
    key: str
    footnotes: tuple[str, ...]
    version: queries.DataVersion
    incomplete: Mapping[int, Sequence[str]]
    lang: str
    short_source: str = ""  # the image's source line when not the register's (a survey chart)

    def _parts(self) -> tuple[str, str, str, list[str]]:
        years = figure_years(self.figure)
        source = source_line(self.version, self.lang)
        notes = chart_footnotes(self.footnotes, years, self.lang, dict(self.incomplete))
        return (
            self.figure.layout.title.text or "",
            subtitle_for_years(years, self.lang),
            source,
            notes,
        )

    def image(self, fmt: str) -> bytes:
        """Title, subtitle and one short source line in the image; the notes are notes()."""
        title, subtitle, _, _ = self._parts()
        exported = export_figure(
            self.figure,
            title=title,
            subtitle=subtitle,
            source=short_source_line(self.version, self.lang, self.short_source),
            lang=self.lang,
        )
        return render(exported, fmt)

    def notes(self) -> bytes:
        """The notes beside the image, as UTF-8 text in the page's language."""
        title, subtitle, source, notes = self._parts()
        if self.short_source:
            source = f"{self.short_source} {source}"
        made = made_line(self.version, self.lang)
        events = event_lines(self.figure)  # the numbered event lines, named
        return notes_text(title, subtitle, source, notes, self.lang, made, events).encode("utf-8")

    def export_table(self) -> ExportTable:
        title, subtitle, source, notes = self._parts()
        return ExportTable(
            self.key, title, typed_frame(self.table, self.lang), source, subtitle, notes
        )

    def xlsx(self) -> bytes:
        made = made_line(self.version, self.lang)
        return table_xlsx(
            self.export_table(),
            self.lang,
            notes=notes_sections(self.lang),
            made=made,
            stamp=stamp_of(self.version),
        )

    def csv(self, semicolon: bool = False) -> bytes:
        return table_csv(self.export_table(), semicolon=semicolon)


def chart_downloads(
    figure: go.Figure,
    table: pd.DataFrame,
    key: str,
    footnotes: Sequence[str] | None = None,
    source: str = "",
) -> None:
    """A 'Download' menu under a chart: PNG (2x), SVG, PDF of the chart with title, selection and
    one source line; its notes (full source, footnotes, symbols) as a text file beside it; XLSX
    and CSV (comma; semicolon for Dutch Excel) of the table behind it.

    table: the table as the page shows it (ProtectedTable.display strings), typed back to numbers.
    source: the short source line when the chart is not from the register (a survey's).
    """
    # on_change="rerun": the buttons exist only while the menu is open (opening it reruns the page,
    # about 10 ms warm), so a closed menu costs one element instead of seven on every rerun.
    lang = web.lang()
    box = st.popover(
        text("export.downloads", lang),
        icon=":material/download:",
        help=text("export.downloads_help", lang),
        key=f"downloads-{key}",
        on_change="rerun",
    )
    if not box.open:
        return
    files = ChartFiles(
        figure,
        table,
        key,
        tuple(footnotes or ()),
        web.data_version(),
        web.incomplete(),
        lang,
        source,
    )
    stem = file_stem(key)
    menu = [
        ("png", f"{stem}.png", partial(files.image, "png"), ":material/image:"),
        ("svg", f"{stem}.svg", partial(files.image, "svg"), ":material/image:"),
        ("pdf", f"{stem}.pdf", partial(files.image, "pdf"), ":material/picture_as_pdf:"),
        (
            "txt",
            f"{stem}_{text('export.sheet_notes', lang).lower()}.txt",
            files.notes,
            ":material/notes:",
        ),
        ("xlsx", f"{stem}.xlsx", files.xlsx, ":material/table:"),
        ("csv", f"{stem}.csv", files.csv, ":material/csv:"),
        (
            "csv_semicolon",
            f"{stem}_puntkomma.csv",
            partial(files.csv, semicolon=True),
            ":material/csv:",
        ),
    ]
    with box:
        for kind, file_name, make, icon in menu:
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


# --- the briefing -------------------------------------------------------------------------------


def briefing_data():
    # Imported on use: the briefing brings reportlab and python-docx, needed only on the Export page.
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
    """DOCX and PDF bytes of the briefing for this selection, cached per warehouse version and
    release shown (web.release_id: the figures of ?publicatie=ID, with its name and date)."""
    return _briefing_files(
        f"{warehouse.version_token(web.db_path())}-{web.release_id()}-{web.lang()}",
        tuple(years),
        tuple(chart_keys),
        tuple(table_keys),
        web.lang(),
        _data=briefing_data(),
    )
