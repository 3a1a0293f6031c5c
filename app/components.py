"""App layer: components the pages share (tables converted to Arrow once, a chart with its summary,
table alternative and downloads)."""

from __future__ import annotations

import weakref

import pandas as pd
import streamlit as st

from app import web
from app.export_widgets import chart_downloads

_ARROW: dict[int, tuple[weakref.ref, object]] = {}


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
    figure, table: pd.DataFrame, summary: str, key: str, footnotes: list[str] | None = None
) -> None:
    """A chart with its one-sentence summary and a table alternative (same protected numbers)."""
    st.plotly_chart(
        figure,
        key=f"chart-{key}",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["toImage", "select2d", "lasso2d"]},
        width="stretch",
    )
    st.markdown(summary)
    with st.expander(web.t("chart.table_alternative")):
        dataframe(table, width="stretch")
    chart_downloads(figure, table, key, footnotes)
    for note in footnotes or []:
        st.caption(note)
