"""Warehouses and an AppTest factory for the page tests; Streamlit caches are cleared per test."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl import warehouse
from etl.loading import collect_files, load_files
from protection.rules import ProtectionRules
from publication import worker
from publication.derived import state as derived_state

REPO = Path(__file__).resolve().parents[2]
SMALL = Path(__file__).parent / "fixtures" / "small"
UNPROTECTABLE = Path(__file__).parent / "fixtures" / "unprotectable"


def build_warehouse(folder: Path | None, path: Path) -> Path:
    if folder is None:
        with warehouse.writing(path):
            pass  # the schema only: an empty warehouse
        return path
    files, _ = collect_files([folder])
    # as the product does: the commit, then the worker computes the results and passes them
    # through the disclosure gate (publication.worker)
    outcomes = load_files(files, path, loaded_by="test")
    assert {o.status for o in outcomes} == {"loaded"}, [o.problems for o in outcomes]
    assert worker.derive(path).error is None
    with warehouse.reading(path) as connection:  # a fault in them would otherwise only be logged
        state = derived_state(connection, ProtectionRules())
    assert state.complete_version == state.data_version, "the derived results were not stored"
    return path


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> Path:
    return build_warehouse(SMALL, tmp_path_factory.mktemp("small") / "small.duckdb")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    return build_warehouse(REPO / "data" / "demo", tmp_path_factory.mktemp("demo") / "demo.duckdb")


@pytest.fixture(scope="session")
def unprotectable_db(tmp_path_factory) -> Path:
    return build_warehouse(UNPROTECTABLE, tmp_path_factory.mktemp("unprotectable") / "u.duckdb")


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    return build_warehouse(None, tmp_path_factory.mktemp("empty") / "empty.duckdb")


@pytest.fixture
def app(monkeypatch):
    """app(db, page=None, params=None) -> an AppTest that has run once."""

    def start(db: Path, page: str | None = None, params: dict[str, str] | None = None) -> AppTest:
        monkeypatch.setenv("MELDINGEN_DB", str(db))
        monkeypatch.setenv("MELDINGEN_DEMO", "0")
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file("../../dashboard.py", default_timeout=120)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.run()
        if page is not None:
            at.switch_page(page)
            at.run()
        return at

    yield start
    st.cache_data.clear()
