"""Streamlit glue shared by the pages: language, cached reads keyed by warehouse version, errors."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from access.roles import known_departments
from app import auth
from base.formatting import format_date, format_number
from base.texts import DEFAULT_LANGUAGE, LANGUAGES, text
from etl import queries, warehouse
from presentation.labels import DEMO_LOADER
from protection.rules import ProtectionRules
from publication import derived, disclosure, releases
from publication.filters import TrendFilters
from publication.protected import Publication

if TYPE_CHECKING:
    from presentation.views import CoverageModel, OverviewModel, TrendsModel, UnderreportingModel
    from presentation.willingness import WillingnessModel
    from publication.underreporting import RegisteredCases

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


UNKNOWN_PAGE_KEY = "unknown_page_path"


def unknown_page_path(known_paths: Collection[str]) -> str | None:
    """The URL path the browser asked for when none of `known_paths` is it, remembered for the
    session so that reruns on that URL stay there; None when the path is known or cannot be a
    page's (nested). The navigation then adds a hidden page under that path that says so in the
    page's language: Streamlit itself would open an English 'Page not found' dialog."""
    context = get_script_run_ctx()
    requested = (context.pages_manager.intended_page_name or "") if context else ""
    requested = requested.strip().strip("/")
    if requested and "/" not in requested and requested not in known_paths:
        st.session_state[UNKNOWN_PAGE_KEY] = requested
    remembered = st.session_state.get(UNKNOWN_PAGE_KEY)
    return remembered if remembered and remembered not in known_paths else None


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
    from etl.derivation import start_derivation  # only on a first start
    from etl.loading import collect_files, load_files

    with st.spinner(text("app.loading_demo", lang())):
        files, _ = collect_files([DEMO_DIR])
        load_files(files, path, loaded_by=DEMO_LOADER)
        # The first visitor sees figures at once: wait for the derived results of the demo data.
        start_derivation(path, wait=True)


# The figures a page shows are those of ONE data version: the newest for which the worker
# (publication.worker, started after every commit) has stored complete derived results. A newer
# version still being computed is announced (pending_notice) but never mixed in. A warehouse that
# has no stored results at all (derivation switched off, or a warehouse from before) is computed
# here once per version, as before.
# cache_resource, not cache_data: the results are immutable and shared; cache_data would copy them
# on every rerun (about 30 ms, bench/README.md).
@st.cache_resource(show_spinner=False, max_entries=4)
def _figures(source: Source) -> derived.DerivedResults:
    version, path, threshold, min_width, release = source
    del version  # part of the cache key only: a new warehouse file is a new version
    if release:  # a release's own figures, exactly as released (publication.releases)
        return releases.results(Path(path), release)
    rules = ProtectionRules(threshold=threshold, min_interval_width=min_width)
    with warehouse.reading(Path(path)) as connection:
        stored = derived.latest(connection, rules)  # passed the gate in the worker
        if stored is not None:
            return stored
        computed = derived.compute(connection, rules)
        # Computed here, so the gate is passed here: nothing is shown that it has not passed.
        refusal = disclosure.gate(computed, queries.finest_cells(connection))
    if refusal is not None:
        raise FiguresWithheld(refusal)
    return computed


class FiguresWithheld(Exception):
    """The disclosure audit refused the figures of the newest data, and no earlier version passed."""


@st.cache_resource(show_spinner=False, max_entries=4)
def _state(source: Source) -> derived.DerivationState:
    version, path, threshold, min_width, _ = source
    del version
    rules = ProtectionRules(threshold=threshold, min_interval_width=min_width)
    with warehouse.reading(Path(path)) as connection:
        return derived.state(connection, rules)


@st.cache_data(show_spinner=False, max_entries=4)
def _history(version: str, path: str, up_to: int) -> pd.DataFrame:
    """The submissions of the data version shown (a newer one still being computed is left out)."""
    del version
    with warehouse.reading(Path(path)) as connection:
        return queries.submission_history(connection, up_to_sequence=up_to)


def has_warehouse() -> bool:
    return db_path().exists()


Source = tuple[str, str, int, float, str]
RELEASE_PARAM = "publicatie"


def release_id() -> str:
    """The release in the URL (?publicatie=2025-1), '' for the figures of now: a link in a
    briefing opens exactly what was cited. Kept in the session (and put back in the URL) when
    the user moves to another page, until 'show the current figures'."""
    from_url = st.query_params.get(RELEASE_PARAM)
    if from_url:
        st.session_state[RELEASE_PARAM] = str(from_url)
    chosen = str(st.session_state.get(RELEASE_PARAM) or "")
    if chosen and not from_url:
        st.query_params[RELEASE_PARAM] = chosen
    return chosen


ReleaseError = releases.ReleaseError


def release_label(release: releases.Release) -> str:
    return releases.describe(release, lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _revisions(token: str, path: str, old: str, new: str, version: str) -> pd.DataFrame:
    del token, version  # cache keys only: the releases journal and the warehouse file
    return releases.revisions(
        releases.snapshot(Path(path), old), releases.snapshot(Path(path), new)
    )


def revisions(old: str, new: str) -> pd.DataFrame:
    """The revisions table between two releases, or a release and 'nu' (the figures of now)."""
    path = db_path()
    journal = releases.folder(path) / releases.JOURNAL
    token = str(journal.stat().st_mtime_ns) if journal.exists() else "none"
    return _revisions(token, str(path), old, new, warehouse.version_token(path))


def revisions_view(old: str, new: str) -> pd.DataFrame:
    """The revisions table in words in the page's language (the download keeps the codes)."""
    from presentation.revisions import revisions_display

    return revisions_display(revisions(old, new), lang())


def revisions_csv(old: str, new: str) -> bytes:
    return releases.revisions_csv(revisions(old, new))


def create_release(name: str, date, wanted_id: str | None) -> str:
    """An administrator's release of the figures of now; its label (ReleaseError if refused)."""
    principal = auth.current_principal()
    if not principal.is_administrator:
        raise ReleaseError("release.error.not_allowed")
    made = releases.create(
        db_path(), name, date=date, release_id=wanted_id, created_by=principal.identity
    )
    return release_label(made)


def withdraw_release(release: str, reason: str) -> None:
    principal = auth.current_principal()
    if not principal.is_administrator:
        raise ReleaseError("release.error.not_allowed")
    releases.withdraw(db_path(), release, reason, by=principal.identity)


def show_current_figures() -> None:
    """Leave the release: the figures of now (provisional)."""
    st.session_state.pop(RELEASE_PARAM, None)
    st.query_params.pop(RELEASE_PARAM, None)


def source() -> Source:
    """What every figure depends on: the warehouse file's version and path, the protection
    rules and the release shown ('' for now). Part of every cache key below, so a new load (or
    other rules, or another release) gives new figures."""
    rules = ProtectionRules()
    path = db_path()
    return (
        warehouse.version_token(path),
        str(path),
        rules.threshold,
        rules.min_interval_width,
        release_id(),
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def _release(source: Source) -> releases.Release | None:
    if not source[4]:
        return None
    return releases.get(Path(source[1]), source[4])


def shown_release() -> releases.Release | None:
    """The release the page shows (None: the figures of now, provisional); an unknown or damaged
    release in the URL stops the page with the reason."""
    try:
        return _release(source())
    except releases.ReleaseError as error:
        st.error(error.message(lang()), icon=":material/error:")
        st.stop()
        raise  # st.stop() ends the script run; this line is never reached


@st.cache_resource(show_spinner=False, max_entries=4)
def _releases(version: str, path: str) -> list[releases.Release]:
    del version  # cache key only (a release is written beside the warehouse: see list_releases)
    return releases.list_releases(Path(path))


def release_list() -> list[releases.Release]:
    """Every release, oldest first (read again after create and withdraw: clear_releases)."""
    path = db_path()
    journal = releases.folder(path) / releases.JOURNAL
    token = str(journal.stat().st_mtime_ns) if journal.exists() else "none"
    return _releases(token, str(path))


def figures() -> derived.DerivedResults:
    """The figures of the data version shown; stops the page with a notice when the disclosure
    audit refused them (the reason is logged and shown to administrators)."""
    shown_release()  # an unknown release in the URL stops the page here
    try:
        with st.spinner(t("app.protecting")):
            return _figures(source())
    except FiguresWithheld as refused:
        st.warning(t("derive.withheld"), icon=":material/shield:")
        if auth.current_principal().is_administrator:
            st.caption(str(refused))
        st.stop()
        raise  # st.stop() ends the script run; this line is never reached


def publication() -> Publication:
    return figures().publication


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
    return figures().coverage


def fte() -> pd.DataFrame:
    return figures().fte


def derivation_state() -> derived.DerivationState:
    return _state(source())


# cache_resource: read on every page and for every chart's downloads; a DataVersion is immutable.
@st.cache_resource(show_spinner=False, max_entries=4)
def _data_version(source: Source) -> queries.DataVersion:
    if source[4]:  # a release: its data version with its name and date (releases.CitedVersion)
        return releases.get(Path(source[1]), source[4]).cited()
    with warehouse.reading(Path(source[1])) as connection:
        return queries.data_version(connection, up_to_sequence=_figures(source).data_version)


def data_version() -> queries.DataVersion:
    """The data version of the figures shown (not a newer one still being computed)."""
    return _data_version(source())


# --- view models --------------------------------------------------------------------------------
# What a page shows (figures, tables, sentences) is built once per warehouse version, protection
# rules, language and filter values, and shared by every session: a rerun after a click only lays
# it out (rebuilding the overview's figures cost 66 ms a rerun, bench/README.md). Shared means
# read-only: a page never changes a cached figure or table (st.plotly_chart and st.dataframe only
# read them). Each builder reads its inputs with the version of its own key, so an entry never
# holds older data than its key says.
# The builders are imported on first use: presentation.views brings plotly and scipy (0.8 s),
# and the first page should draw its frame before paying for them.


@st.cache_resource(show_spinner=False, max_entries=8)
def _overview(source: Source, language: str) -> OverviewModel:
    from presentation.views import build_overview

    shown = _figures(source)
    return build_overview(shown.publication, shown.coverage, language)


def overview() -> OverviewModel:
    return _overview(source(), lang())


@st.cache_resource(show_spinner=False, max_entries=4)
def _trend_options(source: Source) -> dict[str, dict[str, list[str]]]:
    from presentation.views import filter_options

    return filter_options(_figures(source).publication)


def trend_options() -> dict[str, dict[str, list[str]]]:
    """Per measure, per breakdown that can be shown: the rows the user may pick (read-only)."""
    return _trend_options(source())


@st.cache_resource(show_spinner=False, max_entries=128)
def _trends(source: Source, language: str, filters: TrendFilters) -> TrendsModel:
    from presentation.views import build_trends

    shown = _figures(source)
    return build_trends(shown.publication, shown.fte, filters, language)


def trends(filters: TrendFilters) -> TrendsModel:
    return _trends(source(), lang(), filters)


# One entry per language and set of departments whose file names the user may see.
@st.cache_resource(show_spinner=False, max_entries=32)
def _coverage_view(
    source: Source, language: str, show_people: bool, own_departments: frozenset[str]
) -> CoverageModel:
    from presentation.views import build_coverage

    shown = _figures(source)
    history = _history(source[0], source[1], shown.data_version)
    return build_coverage(shown.coverage, history, language, show_people, own_departments)


def coverage_view() -> CoverageModel:
    """The coverage page's tables for the user of this run. File names and who loaded a file:
    on every row for administrators, on the rows of their own departments for uploaders, else
    nowhere."""
    principal = auth.current_principal()
    own = (
        frozenset()
        if principal.is_administrator
        else frozenset(principal.upload_departments(known_departments()))
    )
    return _coverage_view(source(), lang(), principal.is_administrator, own)


@st.cache_resource(show_spinner=False, max_entries=4)
def _registered(source: Source) -> dict[int, RegisteredCases]:
    from publication.underreporting import protected_cases

    shown = _figures(source)
    return protected_cases(shown.cases, shown.publication)


def registered_cases() -> dict[int, RegisteredCases]:
    """Registered discrimination cases per year as they may be shown (RegisteredCases)."""
    return _registered(source())


@st.cache_resource(show_spinner=False, max_entries=8)
def _underreporting(source: Source, language: str) -> UnderreportingModel:
    from presentation.views import build_underreporting

    shown = _figures(source)
    return build_underreporting(_registered(source), shown.publication, shown.mse, language)


def underreporting() -> UnderreportingModel:
    """The under-reporting page: the survey comparison and the capture-recapture estimate."""
    return _underreporting(source(), lang())


@st.cache_resource(show_spinner=False, max_entries=8)
def _willingness(source: Source, language: str) -> WillingnessModel:
    from presentation.willingness import build_willingness
    from publication.survey_comparison import compare_surveys
    from publication.willingness import from_results

    shown = _figures(source)
    comparisons = compare_surveys(shown.publication, _registered(source))
    synthetic = _data_version(source).synthetic
    return build_willingness(from_results(shown), list(comparisons), language, synthetic)


def willingness() -> WillingnessModel:
    """The page 'Meldingsbereidheid': measures beside reports, what the figures can show."""
    return _willingness(source(), lang())


@st.cache_resource(show_spinner=False, max_entries=4)
def _incomplete(source: Source) -> dict[int, list[str]]:
    from publication.trends import incomplete_years

    return incomplete_years(_figures(source).coverage)


def incomplete() -> dict[int, list[str]]:
    """Per year the deliveries that are missing (for the notes under exported charts)."""
    return _incomplete(source())


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
    """Synthetic-data warning, the data version, and whether newer figures are being prepared."""
    version = data_version()
    release_banner()
    if version.synthetic:
        st.warning(t("app.synthetic_banner"), icon=":material/science:")
    if version.latest_submission_id is not None:
        st.caption(
            t(
                "app.data_version",
                count=format_number(version.submissions_in_force, lang=lang()),
                latest=version.latest_submission_id,
                date=format_date(version.latest_load, lang()),
            )
        )
    pending_notice()


def release_banner() -> None:
    """Which figures these are: a release (name, date; withdrawn with its reason), or the
    figures of now, provisional until a release covers them."""
    shown = shown_release()
    if shown is None:
        st.caption(t("release.page.provisional"))
        return
    label = releases.describe(shown, lang())
    if shown.status == releases.WITHDRAWN:
        st.warning(
            t("release.page.withdrawn_banner", label=label, reason=shown.withdrawn_reason or ""),
            icon=":material/block:",
        )
    else:
        st.info(t("release.page.banner", label=label), icon=":material/verified:")
    st.button(t("release.page.to_now"), on_click=show_current_figures, key="release_to_now")


def pending_notice() -> None:
    """Newer deliveries whose figures are still being computed: say so (everyone), and a failed
    computation with its error (administrators only: the error may name internals)."""
    if release_id():
        return  # a release is what it is; newer data do not concern it
    state = derivation_state()
    shown = figures().data_version
    if state.data_version <= shown:
        return

    failed = state.failed_version is not None and state.failed_version >= state.data_version
    if failed and auth.current_principal().is_administrator:
        st.error(
            t("derive.failed_notice", version=state.failed_version, shown=shown, error=state.error)
        )
    else:
        st.info(t("derive.pending_notice", shown=shown), icon=":material/hourglass_top:")


def no_data_message() -> None:
    st.info(t("app.no_data"), icon=":material/inbox:")


# id(frame) -> (weak reference to the frame, its Arrow table); see dataframe().
