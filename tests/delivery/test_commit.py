"""Commit: the reviewed files in one swap, receipts, conflicts, the journal (delivery/commit.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import delivery.commit
import delivery.review
from delivery.commit import commit
from delivery.review import review_files
from etl import loading, validation
from etl.loading import IncomingFile, load_files, read_journal, rebuild
from tests.access.conftest import ADMIN, BZK_UPLOADER
from tests.delivery.conftest import BZK_2022_CORRECTED, BZK_2023, HEADER, REPO, csv_file, query
from tests.etl.conftest import file_fingerprint


def test_commit_replaces_with_a_receipt_and_audit_rows_in_the_same_swap(db):
    review = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    result = commit(review, BZK_UPLOADER, db)
    assert result.status == "committed"
    [receipt] = result.receipts
    assert receipt.status == "loaded" and receipt.submission_id == "S000006"
    assert receipt.sha256 == BZK_2022_CORRECTED.sha256
    assert (receipt.rows, receipt.reports) == (3, 28)
    assert receipt.channel_totals == {"integriteitscoordinator": 19, "vertrouwenspersoon": 9}
    assert receipt.replaced == {
        "S000002": [("BZK", 2022, "integriteitscoordinator"), ("BZK", 2022, "vertrouwenspersoon")]
    }
    assert query(
        db, "SELECT sum(count) FROM v_reports WHERE department = 'BZK' AND year = 2022"
    ) == [(28,)]
    assert query(db, "SELECT loaded_by FROM submission WHERE submission_id = 'S000006'") == [
        ("a.jansen@minbzk.nl",)
    ]
    audit = query(
        db,
        "SELECT actor, source, action, submission_id, replaced_submission_id, departments, year, "
        "channel FROM audit_log ORDER BY event_id",
    )
    assert audit[-3:] == [
        ("a.jansen@minbzk.nl", "app", "commit", "S000006", None, "BZK", None, None),
        ("a.jansen@minbzk.nl", "app", "replace", "S000006", "S000002", "BZK", 2022,
         "integriteitscoordinator"),
        ("a.jansen@minbzk.nl", "app", "replace", "S000006", "S000002", "BZK", 2022,
         "vertrouwenspersoon"),
    ]  # fmt: skip
    # The audit log never holds file contents: no column carries the bytes or a cell value.
    columns = [
        c
        for (c,) in query(
            db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'audit_log'"
        )
    ]
    assert "content" not in columns


def test_identical_file_is_recognised_and_changes_nothing(db):
    original = IncomingFile(
        "BZK_2022.csv", (REPO / "tests/app/fixtures/small/BZK_2022.csv").read_bytes()
    )
    review = review_files([original], BZK_UPLOADER, db)
    assert review.identical and review.files[0].in_force == "S000002"
    before = file_fingerprint(db)
    result = commit(review, BZK_UPLOADER, db)
    assert [r.status for r in result.receipts] == ["unchanged"]
    assert not result.changed
    assert file_fingerprint(db) == before
    assert read_journal(db)[-1]["action"] == "unchanged"


def test_version_conflict_stores_nothing_and_a_new_review_commits(db):
    mine = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    other = csv_file("BZK_2022_collega.csv", "BZK,2022,vertrouwenspersoon,racisme,ja,10")
    commit(review_files([other], ADMIN, db), ADMIN, db)  # S000006, meanwhile
    before = file_fingerprint(db)
    result = commit(mine, BZK_UPLOADER, db)
    assert result.status == "conflict"
    assert result.conflicts == [("BZK", 2022, "vertrouwenspersoon")]
    assert file_fingerprint(db) == before
    assert read_journal(db)[-1]["action"] == "conflict"
    again = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    assert set(again.replaced["submission_id"]) == {"S000002", "S000006"}
    assert commit(again, BZK_UPLOADER, db).status == "committed"
    assert query(
        db, "SELECT count(*) FROM submission WHERE sha256 = ?", [BZK_2022_CORRECTED.sha256]
    ) == [(1,)]


def test_command_line_rejections_go_to_the_journal_not_the_warehouse(db):
    bad = db.parent / "bad.csv"
    bad.write_text(HEADER + "BZK,2023,meldpunt,pesten,ja,-1\n", encoding="utf-8")
    before = file_fingerprint(db)
    result = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(bad), "--db", str(db), "--user", "cli-tester"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "MELDINGEN_AUDIT_JOURNAL": ""},
    )  # fmt: skip
    assert result.returncode == 1
    assert file_fingerprint(db) == before
    [event] = read_journal(db)
    assert (event["action"], event["source"], event["actor"]) == ("rejected", "cli", "cli-tester")
    assert event["problem_codes"] == {"value.count_negative": 1}
    # A library call (as the ETL tests make) leaves no trace at all.
    load_files([IncomingFile("bad.csv", bad.read_bytes())], db, loaded_by="t")
    assert len(read_journal(db)) == 1


def test_rebuild_keeps_the_audit_log(db):
    commit(review_files([BZK_2023], BZK_UPLOADER, db), BZK_UPLOADER, db)
    before = query(db, "SELECT * FROM audit_log ORDER BY event_id")
    count, failed = rebuild(db, rebuilt_by="beheer")
    assert (count, failed) == (6, None)
    after = query(db, "SELECT * FROM audit_log ORDER BY event_id")
    assert after[:-1] == before
    assert after[-1][2:5] == ("beheer", "rebuild", "rebuild")


def test_a_valid_upload_is_validated_once_and_stored_as_reviewed(db, monkeypatch):
    calls = []
    real = validation.validate_file

    def counting(data, file_name, today=None):
        calls.append(file_name)
        return real(data, file_name, today)

    # Both places that could validate: the review, and load_files under the commit.
    monkeypatch.setattr(delivery.review, "validate_file", counting)
    monkeypatch.setattr(loading, "validate_file", counting)
    review = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    result = commit(review, BZK_UPLOADER, db)
    assert result.status == "committed"
    assert calls == ["BZK_2022_v2.csv"]  # the preview's validation, not again for the commit
    [checked] = review.files
    [receipt] = result.receipts
    assert receipt.sha256 == checked.incoming.sha256 == BZK_2022_CORRECTED.sha256
    assert (receipt.rows, receipt.reports) == (checked.rows, checked.reports)


def test_a_commit_starts_the_derived_results_instead_of_computing_them(db, monkeypatch):
    started, loads = [], []
    monkeypatch.setattr(
        delivery.commit, "start_derivation", lambda path, **options: started.append(path)
    )

    def spying(*args, **options):
        loads.append(options)
        return load_files(*args, **options)

    monkeypatch.setattr(delivery.commit, "load_files", spying)
    review = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    assert commit(review, BZK_UPLOADER, db).status == "committed"
    assert started == [db]
    # Nothing derived inside the commit's swap: the worker stores the results afterwards.
    assert [options.get("after_load") for options in loads] == [None]
    # A commit that changes nothing starts nothing.
    again = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    assert [r.status for r in commit(again, BZK_UPLOADER, db).receipts] == ["unchanged"]
    assert started == [db]
