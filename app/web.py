"""Streamlit glue shared by the pages: language, cached reads keyed by warehouse version, errors."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from base.formatting import format_number  # noqa: F401 - re-exported for pages
from base.texts import DEFAULT_LANGUAGE, LANGUAGES, text
from etl import warehouse
from etl.coverage import coverage_table
from protection.rules import ProtectionRules
from publication import derived, queries
from publication.filters import TrendFilters
from publication.protected import Publication

if TYPE_CHECKING:
    from presentation.views import CoverageModel, OverviewModel, TrendsModel, UnderreportingModel
    from publication.underreporting import RegisteredCases, SurveyInputs

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
    from etl.loading import collect_files, load_files  # only on a first start

    with st.spinner(text("app.loading_demo", lang())):
        files, _ = collect_files([DEMO_DIR])
        load_files(files, path, loaded_by="demo (eerste start)", after_load=derived.store_derived)


# cache_resource, not cache_data: the publication is immutable and shared; cache_data would
# unpickle a copy on every rerun (about 30 ms, bench/README.md).
@st.cache_resource(show_spinner=False, max_entries=4)
def _publication(version: str, path: str, threshold: int, min_width: float) -> Publication:
    """Stored by the writer with this version (publication.derived), else computed here."""
    del version  # part of the cache key only: a new warehouse file is a new version
    rules = ProtectionRules(threshold=threshold, min_interval_width=min_width)
    with warehouse.reading(Path(path)) as connection:
        return derived.publication(connection, rules)


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
        if what == "cases":
            return queries.discrimination_cases_by_year(connection)
    raise ValueError(what)


def has_warehouse() -> bool:
    return db_path().exists()


Source = tuple[str, str, int, float]


def source() -> Source:
    """What every figure depends on: the warehouse file's version and path and the protection
    rules. Part of every cache key below, so a new load (or other rules) gives new figures."""
    rules = ProtectionRules()
    path = db_path()
    return warehouse.version_token(path), str(path), rules.threshold, rules.min_interval_width


def publication() -> Publication:
    with st.spinner(t("app.protecting")):
        return _publication(*source())


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


def fte() -> pd.DataFrame:
    return _read(warehouse.version_token(db_path()), str(db_path()), "fte")


@st.cache_resource(show_spinner=False, max_entries=4)
def _mse(source: Source) -> object:
    """Stored by the writer with this version (publication.derived), else computed here."""
    current = _publication(*source)  # the publication of this key's version, not the newest
    with warehouse.reading(Path(source[1])) as connection:
        return derived.mse(connection, current, current.rules)


def mse() -> object:
    """Capture-recapture over the channels (cached per warehouse version: model search is slow)."""
    return _mse(source())


# cache_resource: read on every page and for every chart's downloads; a DataVersion is immutable.
@st.cache_resource(show_spinner=False, max_entries=4)
def _data_version(version: str, path: str) -> queries.DataVersion:
    del version
    with warehouse.reading(Path(path)) as connection:
        return queries.data_version(connection)


def data_version() -> queries.DataVersion:
    return _data_version(warehouse.version_token(db_path()), str(db_path()))


# --- view models --------------------------------------------------------------------------------
# What a page shows (figures, tables, sentences) is built once per warehouse version, protection
# rules, language and filter values, and shared by every session: a rerun after a click only lays
# it out (rebuilding the overview's figures cost 66 ms a rerun, bench/README.md). Shared means
# read-only: a page never changes a cached figure or table (st.plotly_chart and st.dataframe only
# read them). Each builder reads its inputs with the version of its own key, so an entry never
# holds older data than its key says.


@st.cache_resource(show_spinner=False, max_entries=8)
def _overview(source: Source, language: str) -> OverviewModel:
    from presentation.views import build_overview

    version, path = source[:2]
    return build_overview(_publication(*source), _read(version, path, "coverage"), language)


def overview() -> OverviewModel:
    return _overview(source(), lang())


@st.cache_resource(show_spinner=False, max_entries=4)
def _trend_options(source: Source) -> dict[str, dict[str, list[str]]]:
    from presentation.views import breakdown_items
    from publication.protected import MEASURES

    current = _publication(*source)
    return {measure: breakdown_items(current, measure) for measure in MEASURES}


def trend_options() -> dict[str, dict[str, list[str]]]:
    """Per measure, per breakdown that can be shown: the rows the user may pick (read-only)."""
    return _trend_options(source())


@st.cache_resource(show_spinner=False, max_entries=128)
def _trends(source: Source, language: str, filters: TrendFilters) -> TrendsModel:
    from presentation.views import build_trends

    version, path = source[:2]
    return build_trends(_publication(*source), _read(version, path, "fte"), filters, language)


def trends(filters: TrendFilters) -> TrendsModel:
    return _trends(source(), lang(), filters)


@st.cache_resource(show_spinner=False, max_entries=8)
def _coverage_view(version: str, path: str, language: str, show_people: bool) -> CoverageModel:
    from presentation.views import build_coverage

    return build_coverage(
        _read(version, path, "coverage"), _read(version, path, "history"), language, show_people
    )


def coverage_view(show_people: bool) -> CoverageModel:
    """The coverage page's tables; who loaded a file only when show_people (administrators)."""
    return _coverage_view(warehouse.version_token(db_path()), str(db_path()), lang(), show_people)


@st.cache_resource(show_spinner=False, max_entries=4)
def _registered(source: Source) -> dict[int, RegisteredCases]:
    from publication.underreporting import protected_cases

    version, path = source[:2]
    return protected_cases(_read(version, path, "cases"), _publication(*source))


def registered_cases() -> dict[int, RegisteredCases]:
    """Registered discrimination cases per year as they may be shown (RegisteredCases)."""
    return _registered(source())


@st.cache_resource(show_spinner=False, max_entries=64)
def _underreporting(
    source: Source, language: str, year: int, inputs: SurveyInputs
) -> UnderreportingModel:
    from presentation.views import build_underreporting
    from publication.underreporting import default_inputs

    return build_underreporting(
        _registered(source), default_inputs(), _mse(source), year, inputs, language
    )


def underreporting(year: int, inputs: SurveyInputs) -> UnderreportingModel:
    """The under-reporting page for these survey inputs of `year`."""
    return _underreporting(source(), lang(), year, inputs)


@st.cache_resource(show_spinner=False, max_entries=4)
def _incomplete(version: str, path: str) -> dict[int, list[str]]:
    from publication.measures import incomplete_years

    return incomplete_years(_read(version, path, "coverage"))


def incomplete() -> dict[int, list[str]]:
    """Per year the deliveries that are missing (for the notes under exported charts)."""
    return _incomplete(warehouse.version_token(db_path()), str(db_path()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _about(language: str, threshold: int, min_width: float) -> list[tuple[str, str]]:
    from presentation.views import about_sections

    del threshold, min_width  # cache key only: the protection section quotes the rules
    return about_sections(language)


def about() -> list[tuple[str, str]]:
    rules = ProtectionRules()
    return _about(lang(), rules.threshold, rules.min_interval_width)


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


# id(frame) -> (weak reference to the frame, its Arrow table); see dataframe().
