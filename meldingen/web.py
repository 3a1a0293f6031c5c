"""Streamlit glue shared by the pages: language, cached reads keyed by warehouse version, errors."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import streamlit as st

from etl import warehouse
from etl.loading import collect_files, load_files
from meldingen import queries
from meldingen.coverage import coverage_table
from meldingen.i18n import DEFAULT_LANGUAGE, LANGUAGES, text
from meldingen.numbers import format_number  # noqa: F401 - re-exported for pages
from meldingen.publication import Publication, build_publication
from protection.rules import ProtectionRules

LOG = logging.getLogger("meldingenmonitor")
DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
LANG_PARAM = "taal"
# The toggle shows each language in its own words; the option text is the widget's value.
LANGUAGE_OF_OPTION = {"Nederlands": "nl", "English": "en"}
OPTION_OF_LANGUAGE = {code: option for option, code in LANGUAGE_OF_OPTION.items()}


def lang() -> str:
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def t(key: str, /, **params: object) -> str:
    return text(key, lang(), **params)


def choose_language() -> str:
    """The sidebar toggle's state, else the URL (?taal=en), else Dutch; read before anything is
    drawn so that one run shows one language."""
    toggled = LANGUAGE_OF_OPTION.get(st.session_state.get("language_toggle"))
    from_url = st.query_params.get(LANG_PARAM)
    if toggled in LANGUAGES:
        st.session_state["lang"] = toggled
    elif from_url in LANGUAGES:
        st.session_state["lang"] = from_url
    st.session_state.setdefault("lang", DEFAULT_LANGUAGE)
    return st.session_state["lang"]


def language_toggle() -> None:
    st.sidebar.segmented_control(
        text("language.label", lang()),
        options=list(LANGUAGE_OF_OPTION),
        default=OPTION_OF_LANGUAGE[lang()],
        key="language_toggle",
    )
    if lang() == DEFAULT_LANGUAGE:
        st.query_params.pop(LANG_PARAM, None)
    else:
        st.query_params[LANG_PARAM] = lang()


def widgets_follow_language(keys: list[str]) -> None:
    """Forget widget state when the language changed since these widgets were drawn.

    A widget whose labels change is a new widget to Streamlit and shows no value; the page then
    re-reads its state from the URL, which holds the same filters.
    """
    marker = f"_widgets_language_{'_'.join(keys)}"
    if st.session_state.get(marker, lang()) != lang():
        for key in keys:
            st.session_state.pop(key, None)
    st.session_state[marker] = lang()


def db_path() -> Path:
    return warehouse.default_db_path()


def ensure_warehouse() -> None:
    """On the very first start (no warehouse yet) load the bundled synthetic demo data."""
    path = db_path()
    if path.exists() or os.environ.get("MELDINGEN_DEMO", "1") == "0":
        return
    with st.spinner(text("app.loading_demo", lang())):
        files, _ = collect_files([DEMO_DIR])
        load_files(files, path, loaded_by="demo (eerste start)")


# cache_resource, not cache_data: the publication is immutable and shared; cache_data would
# unpickle a copy on every rerun (about 30 ms, bench/README.md).
@st.cache_resource(show_spinner=False, max_entries=4)
def _publication(version: str, path: str, threshold: int, min_width: float) -> Publication:
    del version  # part of the cache key only: a new warehouse file is a new version
    with warehouse.reading(Path(path)) as connection:
        cells = queries.finest_cells(connection)
    return build_publication(
        cells, ProtectionRules(threshold=threshold, min_interval_width=min_width)
    )


@st.cache_data(show_spinner=False, max_entries=4)
def _read(version: str, path: str, what: str) -> object:
    del version
    with warehouse.reading(Path(path)) as connection:
        if what == "coverage":
            return coverage_table(connection)
        if what == "history":
            return queries.submission_history(connection)
        if what == "fte":
            return queries.fte_by_group(connection)
        if what == "version":
            return queries.data_version(connection)
        if what == "cases":
            return queries.discrimination_cases_by_year(connection)
        if what == "histories":
            from meldingen.underreporting import MSE_LISTS

            return queries.capture_histories(connection, tuple(MSE_LISTS))
    raise ValueError(what)


def has_warehouse() -> bool:
    return db_path().exists()


def publication() -> Publication:
    rules = ProtectionRules()
    with st.spinner(t("app.protecting")):
        return _publication(
            warehouse.version_token(db_path()),
            str(db_path()),
            rules.threshold,
            rules.min_interval_width,
        )


def publication_or_stop() -> Publication:
    """The protected publication with the data banner shown; on an empty warehouse, say so and
    stop the page (every page with figures starts this way)."""
    current = publication() if has_warehouse() else None
    if current is None or not current.years:
        no_data_message()
        st.stop()
    data_banner()
    return current


def coverage() -> pd.DataFrame:
    return _read(warehouse.version_token(db_path()), str(db_path()), "coverage")


def history() -> pd.DataFrame:
    return _read(warehouse.version_token(db_path()), str(db_path()), "history")


def fte() -> pd.DataFrame:
    return _read(warehouse.version_token(db_path()), str(db_path()), "fte")


def discrimination_cases() -> pd.DataFrame:
    return _read(warehouse.version_token(db_path()), str(db_path()), "cases")


@st.cache_resource(show_spinner=False, max_entries=4)
def _mse(version: str, path: str) -> object:
    from meldingen.underreporting import mse_result, protected_cases

    del path
    rules = ProtectionRules()
    registered = protected_cases(discrimination_cases(), publication(), rules)
    histories = _read(version, str(db_path()), "histories")
    return mse_result(histories, registered, discrimination_cases(), rules)


def mse() -> object:
    """Capture-recapture over the channels (cached per warehouse version: model search is slow)."""
    return _mse(warehouse.version_token(db_path()), str(db_path()))


def data_version() -> queries.DataVersion:
    return _read(warehouse.version_token(db_path()), str(db_path()), "version")


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """A page never shows a traceback: log it on the server and tell the user plainly."""
    try:
        yield
    except Exception:
        LOG.exception("page failed")
        st.error(t("error.generic"))


def data_banner() -> None:
    """Synthetic-data warning and the data version, on every page."""
    version = data_version()
    if version.synthetic:
        st.warning(t("app.synthetic_banner"), icon=":material/science:")
    st.caption(t("app.data_version", version=version.label()))


def no_data_message() -> None:
    st.info(t("app.no_data"), icon=":material/inbox:")


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
    with st.expander(t("chart.table_alternative")):
        st.dataframe(table, width="stretch")
    from meldingen.export_widgets import chart_downloads  # here: export_widgets imports web

    chart_downloads(figure, table, key, footnotes)
    for note in footnotes or []:
        st.caption(note)
