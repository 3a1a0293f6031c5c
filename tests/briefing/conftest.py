"""The demo warehouse, protected once per session, for the briefing tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.loading import collect_files, load_files

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("briefing-demo") / "demo.duckdb"
    files, _ = collect_files([REPO / "data" / "demo"])
    outcomes = load_files(files, path, loaded_by="test")
    assert {o.status for o in outcomes} == {"loaded"}
    return path


@pytest.fixture(scope="session")
def demo_data(demo_db):
    from briefing.content import load_data

    return load_data(demo_db)


@pytest.fixture(scope="session")
def export_server():
    from presentation import exports

    exports.start_export_server()
    yield
    exports.stop_export_server()
