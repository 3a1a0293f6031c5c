"""Loading: one transaction per file, replacement with history, identical re-loads, rebuild, faults."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from etl import warehouse
from etl.loading import IncomingFile, load_files, rebuild
from tests.etl.conftest import file_fingerprint, incoming

TODAY = dt.date(2026, 11, 30)
REPO = Path(__file__).resolve().parents[2]
HEADER = "departement,jaar,kanaal,categorie,aantal\n"


def csv_file(name: str, body: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + body).encode())


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with warehouse.reading(db_path) as connection:
        return connection.execute(sql, params or []).fetchall()


def test_loaded_rows_carry_provenance(db_path):
    file = incoming("good/bom_utf8.csv")
    [outcome] = load_files([file], db_path, loaded_by="tester", today=TODAY)
    assert outcome.status == "loaded"
    rows = query(
        db_path,
        "SELECT department, year, channel, count, submission_id, file_name, sha256, loaded_by "
        "FROM v_reports ORDER BY channel",
    )
    assert rows == [
        ("BZK", 2021, "meldpunt", 1, outcome.submission_id, "bom_utf8.csv", file.sha256, "tester"),
        (
            "BZK",
            2021,
            "vertrouwenspersoon",
            4,
            outcome.submission_id,
            "bom_utf8.csv",
            file.sha256,
            "tester",
        ),
    ]


def test_new_submission_replaces_exactly_its_scope_and_keeps_history(db_path):
    first = csv_file(
        "bzk_2021.csv",
        "BZK,2021,meldpunt,pesten,2\nBZK,2021,vertrouwenspersoon,pesten,3\nBZK,2020,meldpunt,pesten,7\n",
    )
    correction = csv_file("bzk_2021_v2.csv", "BZK,2021,meldpunt,pesten,5\n")
    [a] = load_files([first], db_path, loaded_by="t", today=TODAY)
    [b] = load_files([correction], db_path, loaded_by="t", today=TODAY)
    assert b.replaced == {a.submission_id: [("BZK", 2021, "meldpunt")]}
    current = query(
        db_path,
        "SELECT year, channel, sum(count), any_value(submission_id) FROM v_reports "
        "GROUP BY ALL ORDER BY ALL",
    )
    # Only (BZK, 2021, meldpunt) changed hands; the other two scopes stay with the first file.
    assert current == [
        (2020, "meldpunt", 7, a.submission_id),
        (2021, "meldpunt", 5, b.submission_id),
        (2021, "vertrouwenspersoon", 3, a.submission_id),
    ]
    history = query(
        db_path,
        "SELECT submission_id, year, channel, superseded_by FROM v_submission_history "
        "ORDER BY submission_id, year, channel",
    )
    assert history == [
        (a.submission_id, 2020, "meldpunt", None),
        (a.submission_id, 2021, "meldpunt", b.submission_id),
        (a.submission_id, 2021, "vertrouwenspersoon", None),
        (b.submission_id, 2021, "meldpunt", None),
    ]
    # The superseded rows are still stored.
    assert query(
        db_path, "SELECT count(*) FROM report WHERE submission_id = ?", [a.submission_id]
    ) == [(3,)]


def test_identical_reload_changes_nothing_and_says_so(db_path):
    file = incoming("good/cp1252_semicolon.csv")
    [first] = load_files([file], db_path, loaded_by="t", today=TODAY)
    before = file_fingerprint(db_path)
    [again] = load_files([file], db_path, loaded_by="t", today=TODAY)
    assert again.status == "unchanged"
    assert again.submission_id == first.submission_id
    assert file_fingerprint(db_path) == before


def test_reloading_a_superseded_file_restores_it_as_a_new_version(db_path):
    original = csv_file("a.csv", "BZK,2021,meldpunt,pesten,2\n")
    changed = csv_file("b.csv", "BZK,2021,meldpunt,pesten,9\n")
    load_files([original], db_path, loaded_by="t", today=TODAY)
    load_files([changed], db_path, loaded_by="t", today=TODAY)
    [restored] = load_files([original], db_path, loaded_by="t", today=TODAY)
    assert restored.status == "loaded"
    assert query(db_path, "SELECT sum(count) FROM v_reports") == [(2,)]
    assert query(db_path, "SELECT count(*) FROM submission_file") == [(2,)]


def test_explicit_zero_is_kept_apart_from_missing(db_path):
    load_files(
        [csv_file("zero.csv", "BZK,2021,meldpunt,,0\n")], db_path, loaded_by="t", today=TODAY
    )
    assert query(db_path, "SELECT department, year, channel, status FROM v_coverage") == [
        ("BZK", 2021, "meldpunt", "explicit_zero")
    ]


def test_rebuild_reproduces_the_warehouse_from_raw_submissions(db_path):
    load_files(
        [incoming("good/cp1252_semicolon.csv"), incoming("good/valid.xlsx")],
        db_path,
        loaded_by="t",
        today=TODAY,
    )
    load_files(
        [csv_file("fin.csv", "FIN,2020,meldpunt,pesten,4\n")], db_path, loaded_by="t", today=TODAY
    )
    snapshot_sql = (
        "SELECT department, year, channel, category, concerns_discrimination, ground, count, "
        "link_key, submission_id, loaded_at, loaded_by FROM v_reports ORDER BY ALL"
    )
    history_sql = "SELECT * FROM v_submission_history ORDER BY ALL"
    before = (query(db_path, snapshot_sql), query(db_path, history_sql))
    count, failed = rebuild(db_path, TODAY)
    assert (count, failed) == (3, None)
    assert (query(db_path, snapshot_sql), query(db_path, history_sql)) == before


def test_accepted_and_rejected_files_in_one_call(db_path):
    outcomes = load_files(
        [incoming("good/bom_utf8.csv"), incoming("bad/count_negative.csv")],
        db_path,
        loaded_by="t",
        today=TODAY,
    )
    assert [o.status for o in outcomes] == ["loaded", "rejected"]
    assert query(db_path, "SELECT count(*) FROM submission") == [(1,)]


def test_a_load_killed_inside_its_transaction_leaves_no_trace(db_path, tmp_path):
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="t", today=TODAY)
    before = file_fingerprint(db_path)
    flag = tmp_path / "in-transaction"
    env = {
        **os.environ,
        "MELDINGEN_TEST_PAUSE_IN_TRANSACTION": str(flag),
        "MELDINGEN_TEST_PAUSE_SECONDS": "60",
    }
    victim = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl",
            "load",
            str(REPO / "tests/etl/fixtures/good/valid.xlsx"),
            "--db",
            str(db_path),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert victim.poll() is None, victim.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert file_fingerprint(db_path) == before
    # The next writer clears the dead writer's copy, and then loads normally.
    [outcome] = load_files([incoming("good/valid.xlsx")], db_path, loaded_by="t", today=TODAY)
    assert outcome.status == "loaded"
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "meldingen.duckdb",
        "meldingen.duckdb.lock",
        "meldingen.duckdb.raw",
    ]
    assert query(db_path, "SELECT count(DISTINCT submission_id) FROM v_reports") == [(2,)]


def test_live_file_is_never_opened_for_writing_by_a_load(db_path):
    # If a load held the live file open for writing, this read-only open would fail.
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="t", today=TODAY)
    with warehouse.reading(db_path) as connection:
        load_files([incoming("good/valid.xlsx")], db_path, loaded_by="t", today=TODAY)
        # The open reader keeps its consistent old version.
        assert connection.execute("SELECT count(*) FROM submission").fetchone() == (1,)
    assert query(db_path, "SELECT count(*) FROM submission") == [(2,)]
    duckdb.connect(str(db_path), read_only=True).close()
