"""Cached view models: built once per warehouse version, language and filters, shared read-only,
replaced when a new warehouse file is swapped in; chart downloads made only when asked for."""

from __future__ import annotations

import json
import os
import shutil

import pandas as pd
import plotly.io as pio
import pytest

from app import components, export_widgets, web
from base.texts import text
from presentation.views import build_overview, build_trends
from publication.filters import TrendFilters

from .test_pages import table_rows


def _figure_json(block) -> str:
    return block.figure.to_json()


def _same_frame(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    return left.astype(str).equals(right.astype(str)) and list(left.index) == list(right.index)


def test_a_rerun_reuses_the_overview_model_and_leaves_it_as_built(app, demo_db):
    at = app(demo_db)
    model = web._overview(web.source(), "nl")
    at.run()
    at.run()
    assert web._overview(web.source(), "nl") is model  # not rebuilt on a rerun

    # The page used the cached figures and tables; they must equal a freshly built model.
    fresh = build_overview(web.publication(), web.coverage(), "nl")
    assert [_figure_json(b) for b in model.charts] == [_figure_json(b) for b in fresh.charts]
    for cached, built in zip(model.charts, fresh.charts, strict=True):
        assert _same_frame(cached.table, built.table)
        assert cached.summary == built.summary and cached.footnotes == built.footnotes
    assert _same_frame(model.letter_rows, fresh.letter_rows)
    assert model.change_text == fresh.change_text


def test_the_shown_tables_are_the_cached_ones(app, demo_db):
    at = app(demo_db)
    model = web._overview(web.source(), "nl")
    letter = at.table[0].value  # the letter's table is static (its descriptions wrap)
    assert _same_frame(letter, model.letter_rows.set_axis(letter.index))
    shown = [frame.value for frame in at.dataframe]
    for frame, block in zip(shown, model.charts, strict=True):
        assert _same_frame(frame, block.table)


def test_trend_filters_each_get_their_model_and_the_page_does_not_change_it(app, small_db):
    at = app(small_db, "app_pages/trends.py")
    # rates exist for ministries (fte per ministry), not for channels: switch there and back
    at.selectbox(key="trends_breakdown").set_value("department").run()
    at.radio(key="trends_scale").set_value("per1000fte").run()
    at.radio(key="trends_scale").set_value("aantal").run()
    at.selectbox(key="trends_breakdown").set_value("channel").run()
    filters = TrendFilters("discrimination", "channel", (), 2021, 2022, "aantal")
    cached = web._trends(web.source(), "nl", filters)
    fresh = build_trends(web.publication(), web.fte(), filters, "nl")
    (shown,) = at.get("plotly_chart")
    assert json.loads(shown.proto.spec) == json.loads(pio.to_json(cached.chart.figure))
    assert _figure_json(cached.chart) == _figure_json(fresh.chart)
    assert _same_frame(cached.chart.table, fresh.chart.table)
    assert table_rows(at)["Vertrouwenspersoon"] == ["15", "20", "35"]


def test_a_new_warehouse_file_shows_new_figures_after_a_cached_run(
    app, small_db, demo_db, tmp_path
):
    expected = {m.label: m.value for m in app(demo_db).metric}
    live = tmp_path / "meldingen.duckdb"
    shutil.copy(small_db, live)
    at = app(live)
    at.run()  # everything cached for the small warehouse
    assert {m.label: m.value for m in at.metric}["Meldingen discriminatie en racisme 2022"] == "33"

    # As the writer does: a complete new file renamed over the live one (a new version token).
    incoming = tmp_path / "incoming.duckdb"
    shutil.copy(demo_db, incoming)
    os.replace(incoming, live)
    at.run()
    assert {m.label: m.value for m in at.metric} == expected
    at.switch_page("app_pages/dekking.py")
    at.run()
    assert len(at.dataframe[2].value) > 5  # the demo's submissions, not the small warehouse's 5


def test_download_menus_prepare_no_export_figure_until_a_file_is_asked_for(
    app, demo_db, monkeypatch
):
    made = []
    real = export_widgets.export_figure
    monkeypatch.setattr(
        export_widgets, "export_figure", lambda *a, **k: made.append(k) or real(*a, **k)
    )
    at = app(demo_db)
    at.run()
    assert at.get("download_button") == []  # a closed menu holds no buttons
    at.session_state["downloads-overview-channels"] = True  # the user opens one menu
    at.run()
    labels = [b.proto.label for b in at.get("download_button")]
    kinds = ("png", "svg", "pdf", "txt", "xlsx", "csv", "csv_semicolon")
    assert labels == [text(f"export.{kind}", "nl") for kind in kinds]
    assert made == []


@pytest.fixture
def chart_files(app, demo_db) -> export_widgets.ChartFiles:
    app(demo_db)
    block = web._overview(web.source(), "nl").charts[0]
    return export_widgets.ChartFiles(
        block.figure,
        block.table,
        block.key,
        tuple(block.footnotes),
        web.data_version(),
        {2019: ["AZ"]},
        "nl",
    )


def test_chart_files_make_the_print_figure_on_demand(chart_files, monkeypatch):
    rendered = []
    monkeypatch.setattr(
        export_widgets, "render", lambda figure, fmt: rendered.append((figure, fmt)) or b"x"
    )
    assert chart_files.image("svg") == b"x"
    ((figure, fmt),) = rendered
    assert fmt == "svg"
    assert figure is not chart_files.figure  # a copy for print; the cached figure stays as it is
    assert figure.layout.title.text == chart_files.figure.layout.title.text
    # the image carries one source line; the notes (incomplete years among them) come beside it
    source = figure.layout.annotations[-1].text
    assert source.startswith("Bron:") and "2019: AZ" not in source
    assert "2019: AZ" in chart_files.notes().decode("utf-8")
    assert chart_files.figure.layout.width is None


def test_chart_files_make_the_tables_on_demand(chart_files):
    content = chart_files.csv(semicolon=True).decode("utf-8-sig")
    first = content.splitlines()[0]
    assert first.startswith("Kanaal;2018;")
    assert "Bron:" in content and "2019: AZ" in content
    assert chart_files.xlsx()[:2] == b"PK"


def test_a_table_is_converted_for_display_once():
    frame = pd.DataFrame({"2024": ["12", "<5"]}, index=pd.Index(["a", "b"], name="Kanaal"))
    first = components._as_arrow(frame)
    assert components._as_arrow(frame) is first
    assert first.to_pandas().equals(frame)
    assert components._as_arrow(frame.copy()) is not first
    mixed = pd.DataFrame({"x": [1, "a"]})
    assert components._as_arrow(mixed) is mixed  # left to Streamlit's own repairing conversion


def test_switching_language_shows_the_model_in_that_language(app, demo_db):
    at = app(demo_db)
    dutch = web._overview(web.source(), "nl").charts[0].summary
    assert dutch in [m.value for m in at.markdown]
    at.button_group(key="language_toggle").set_value("English").run()
    english = web._overview(web.source(), "en")
    assert at.title[0].value == "Overview"
    assert english.charts[0].summary in [m.value for m in at.markdown]
    assert english.charts[0].summary != dutch
