"""Shared helpers for the ETL tests: fixture paths, a warehouse per test, and a fingerprint of it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from etl.loading import IncomingFile

FIXTURES = Path(__file__).parent / "fixtures"


def incoming(name: str) -> IncomingFile:
    path = FIXTURES / name
    return IncomingFile(path.name, path.read_bytes())


def file_fingerprint(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse" / "meldingen.duckdb"
