"""The command line as a user runs it: real processes, exit codes, Dutch and English messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests/etl/fixtures"


def etl(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_load_status_rebuild(tmp_path):
    db = tmp_path / "w.duckdb"
    loaded = etl(
        "load",
        str(FIXTURES / "good/cp1252_semicolon.csv"),
        str(FIXTURES / "good/fte.csv"),
        "--db",
        str(db),
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "GELADEN" in loaded.stdout and "2 geladen, 0 ongewijzigd, 0 afgewezen." in loaded.stdout
    again = etl("load", str(FIXTURES / "good/cp1252_semicolon.csv"), "--db", str(db))
    assert again.returncode == 0 and "ONGEWIJZIGD" in again.stdout
    status = etl("status", "--db", str(db))
    assert status.returncode == 0
    assert "FIN   2020" in status.stdout
    assert "Ontbreekt (geen aanlevering):" in status.stdout
    assert "S000001" in status.stdout
    rebuilt = etl("rebuild", "--db", str(db))
    assert rebuilt.returncode == 0 and "2 bewaarde aanleveringen" in rebuilt.stdout


def test_rejection_exits_non_zero_and_names_line_and_column(tmp_path):
    db = tmp_path / "w.duckdb"
    result = etl("load", str(FIXTURES / "bad/count_negative.csv"), "--db", str(db))
    assert result.returncode == 1
    assert "AFGEWEZEN" in result.stderr
    assert "count_negative.csv, regel 2, kolom 5 (E) 'aantal'" in result.stderr
    assert not db.exists()


def test_english_on_request(tmp_path):
    result = etl(
        "load",
        str(FIXTURES / "bad/count_negative.csv"),
        "--db",
        str(tmp_path / "w.duckdb"),
        "--lang",
        "en",
    )
    assert "REJECTED" in result.stderr and "line 2, column 5 (E)" in result.stderr


def test_database_path_from_environment(tmp_path):
    db = tmp_path / "env.duckdb"
    result = etl("load", str(FIXTURES / "good/bom_utf8.csv"), env={"MELDINGEN_DB": str(db)})
    assert result.returncode == 0 and db.exists()


def test_folder_is_loaded_and_missing_path_reported(tmp_path):
    db = tmp_path / "w.duckdb"
    result = etl("load", str(FIXTURES / "good"), str(tmp_path / "nope.csv"), "--db", str(db))
    assert result.returncode == 1
    assert "9 geladen" in result.stdout  # every file of good/, the two measures files too
    assert "nope.csv: bestand of map niet gevonden. Controleer het pad." in result.stderr


def test_load_accepts_a_measures_file_and_says_so(tmp_path):
    db = tmp_path / "w.duckdb"
    loaded = etl("load", str(FIXTURES / "good/maatregelen.csv"), "--db", str(db))
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("GELADEN ")
    assert (
        "maatregelen.csv als S000001: 7 regels maatregelen; dekking BZK 2022 maatregelen, "
        "FIN 2022 maatregelen." in loaded.stdout
    )
    rejected = etl("load", str(FIXTURES / "bad/maatregelen_soort_unknown.csv"), "--db", str(db))
    assert rejected.returncode == 1
    assert "maatregelen_soort_unknown.csv, regel 3, kolom 3 (C) 'soort'" in rejected.stderr
