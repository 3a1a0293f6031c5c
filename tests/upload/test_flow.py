"""The upload flow without a browser: review, error report, commit, conflict, history, audit."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from app import upload
from app.auth import AccessDenied
from etl.loading import (
    IncomingFile,
    audit_journal_path,
    load_files,
    read_journal,
    rebuild,
)
from tests.etl.conftest import file_fingerprint
from tests.upload.conftest import (
    ADMIN,
    BZK_2022_CORRECTED,
    BZK_2023,
    BZK_UPLOADER,
    FIN_2023,
    FIN_UPLOADER,
    HEADER,
    REPO,
    VIEWER_ONLY,
    csv_file,
    query,
)


def report_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_valid_file_preview_against_now_and_last_year(db):
    before = file_fingerprint(db)
    review = upload.review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    assert review.ready and not review.jumps and not review.identical
    channels = {
        row.channel: (row.new, row.current, row.last_year)
        for row in review.channel_table.itertuples()
    }
    # Now: VP 8, IC 7 + 12; 2021: VP 6, IC 5 + 10.
    assert channels == {"vertrouwenspersoon": (9, 8, 6), "integriteitscoordinator": (19, 19, 15)}
    racism = review.category_table.query("category == 'racisme'").iloc[0]
    assert (racism.new, racism.current, racism.last_year) == (9, 8, 6)
    assert list(review.replaced["submission_id"]) == ["S000002", "S000002"]
    assert review.expected_current == {
        ("BZK", 2022, "integriteitscoordinator"): "S000002",
        ("BZK", 2022, "vertrouwenspersoon"): "S000002",
    }
    assert file_fingerprint(db) == before  # reviewing stores nothing


def test_commit_replaces_with_a_receipt_and_audit_rows_in_the_same_swap(db):
    review = upload.review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    result = upload.commit(review, BZK_UPLOADER, db)
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


def test_invalid_file_gives_every_error_and_a_report_without_personal_data(db):
    bad = IncomingFile(
        "BZK_2023_fout.csv",
        (
            HEADER + "BZK,2023,vertrouwenspersoon,racisme,ja,-3\n"
            "BZK,2023,meldpunt,jan.jansen@minbzk.nl,ja,2\n"
            "BZK,2023,vertrouwenspersoon,pesten,nee,=SUM(A1)\n"
            "BZK,2023,integriteitscoordinator,pesten,nee,4\n"
        ).encode(),
    )
    before = file_fingerprint(db)
    review = upload.review_files([bad], BZK_UPLOADER, db)
    assert not review.valid and not review.ready
    [checked] = review.files
    codes = [(p.code, p.line, p.column_number) for p in checked.problems]
    assert codes == [
        ("value.count_negative", 2, 6),
        ("value.personal_data", 3, 4),
        ("value.formula", 4, 6),
    ]
    messages = [p.message("nl") for p in checked.problems]
    assert messages[0].startswith("BZK_2023_fout.csv, regel 2, kolom 6 (F) 'aantal'")
    assert all("jan.jansen" not in m for m in messages)
    rows = report_rows(upload.error_report(checked, "nl"))
    assert rows[0] == [
        "regel", "departement", "jaar", "kanaal", "categorie", "betreft_discriminatie", "aantal",
        "fouten",
    ]  # fmt: skip
    assert rows[1][:7] == ["2", "BZK", "2023", "vertrouwenspersoon", "racisme", "ja", "-3"]
    assert "regel 2" in rows[1][7]
    assert rows[2][4] == ""  # the e-mail address is blanked
    assert "jan.jansen" not in "".join(sum(rows, []))
    assert rows[3][6] == "'=SUM(A1)"  # not run as a formula when opened in Excel
    assert rows[4][7] == ""  # a good row has no errors
    assert upload.error_report_name("BZK_2023_fout.csv") == "BZK_2023_fout_foutenrapport.csv"
    # Nothing in the warehouse; the rejection is in the journal, without contents.
    assert file_fingerprint(db) == before
    [event] = read_journal(db)
    assert event["action"] == "rejected" and event["source"] == "app"
    assert event["problem_count"] == 3 and event["actor"] == "a.jansen@minbzk.nl"
    assert "jan.jansen" not in audit_journal_path(db).read_text(encoding="utf-8")


def test_personal_data_column_and_unreadable_file_in_the_report(db):
    with_column = IncomingFile(
        "namen.csv",
        (b"departement,jaar,kanaal,categorie,naam\nBZK,2023,meldpunt,pesten,Jan Jansen\n"),
    )
    [checked] = upload.review_files([with_column], BZK_UPLOADER, db).files
    rows = report_rows(upload.error_report(checked, "en"))
    assert rows[0][0] == "line" and rows[0][-1] == "errors"
    assert "Jan Jansen" not in "".join(sum(rows, []))
    pdf = IncomingFile("export.pdf", b"%PDF-1.7 binary")
    [checked] = upload.review_files([pdf], BZK_UPLOADER, db).files
    rows = report_rows(upload.error_report(checked, "nl"))
    assert len(rows) == 2 and "PDF" in rows[1][-1]


def test_identical_file_is_recognised_and_changes_nothing(db):
    original = IncomingFile(
        "BZK_2022.csv", (REPO / "tests/app/fixtures/small/BZK_2022.csv").read_bytes()
    )
    review = upload.review_files([original], BZK_UPLOADER, db)
    assert review.identical and review.files[0].in_force == "S000002"
    before = file_fingerprint(db)
    result = upload.commit(review, BZK_UPLOADER, db)
    assert [r.status for r in result.receipts] == ["unchanged"]
    assert not result.changed
    assert file_fingerprint(db) == before
    assert read_journal(db)[-1]["action"] == "unchanged"


def test_implausible_jump_needs_a_confirmed_reason_which_is_kept(db):
    tenfold = csv_file(
        "BZK_2022_x10.csv",
        "BZK,2022,vertrouwenspersoon,racisme,ja,80",
        "BZK,2022,integriteitscoordinator,discriminatie,ja,7",
        "BZK,2022,integriteitscoordinator,pesten,nee,12",
    )
    review = upload.review_files([tenfold], BZK_UPLOADER, db)
    described = [jump.describe("nl") for jump in review.jumps]
    assert described == [
        "BZK 2022 Vertrouwenspersoon: 80 tegen 8 nu geladen",
        "BZK 2022 Vertrouwenspersoon: 80 tegen 6 in 2021",
    ]
    before = file_fingerprint(db)
    assert upload.commit(review, BZK_UPLOADER, db).status == "reason_required"
    assert upload.commit(review, BZK_UPLOADER, db, reason="nieuw meldpunt").status == (
        "reason_required"
    )
    assert upload.commit(review, BZK_UPLOADER, db, reason="  ", confirmed=True).status == (
        "reason_required"
    )
    assert file_fingerprint(db) == before
    result = upload.commit(
        review, BZK_UPLOADER, db, reason="Campagne: meer meldingen na voorlichting", confirmed=True
    )
    assert result.status == "committed"
    assert query(db, "SELECT note FROM submission WHERE submission_id = 'S000006'") == [
        ("Sprong bevestigd: Campagne: meer meldingen na voorlichting",)
    ]
    assert query(db, "SELECT note FROM audit_log WHERE action = 'commit'")[-1][0].endswith(
        "voorlichting"
    )


def test_the_department_total_is_checked_too(db):
    grown = csv_file(
        "BZK_2022_groot.csv",
        "BZK,2022,vertrouwenspersoon,racisme,ja,70",
        "BZK,2022,integriteitscoordinator,discriminatie,ja,100",
        "BZK,2022,integriteitscoordinator,pesten,nee,100",
    )
    review = upload.review_files([grown], BZK_UPLOADER, db)
    totals = [j for j in review.jumps if j.channel is None]
    # Now 8 + 19 = 27, in 2021 6 + 15 = 21.
    assert [(j.new, j.reference, j.against) for j in totals] == [
        (270, 27, "current"),
        (270, 21, "last_year"),
    ]


def test_version_conflict_stores_nothing_and_a_new_review_commits(db):
    mine = upload.review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    other = csv_file("BZK_2022_collega.csv", "BZK,2022,vertrouwenspersoon,racisme,ja,10")
    upload.commit(upload.review_files([other], ADMIN, db), ADMIN, db)  # S000006, meanwhile
    before = file_fingerprint(db)
    result = upload.commit(mine, BZK_UPLOADER, db)
    assert result.status == "conflict"
    assert result.conflicts == [("BZK", 2022, "vertrouwenspersoon")]
    assert file_fingerprint(db) == before
    assert read_journal(db)[-1]["action"] == "conflict"
    again = upload.review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
    assert set(again.replaced["submission_id"]) == {"S000002", "S000006"}
    assert upload.commit(again, BZK_UPLOADER, db).status == "committed"
    assert query(
        db, "SELECT count(*) FROM submission WHERE sha256 = ?", [BZK_2022_CORRECTED.sha256]
    ) == [(1,)]


def test_uploader_is_refused_for_another_department_and_sees_no_figures(db):
    review = upload.review_files([FIN_2023], BZK_UPLOADER, db)
    assert review.denied == ["FIN"] and not review.ready
    assert review.channel_table.empty and review.category_table.empty and review.replaced.empty
    assert review.expected_current == {}
    with pytest.raises(AccessDenied):
        upload.commit(review, BZK_UPLOADER, db)
    # Even a review made for someone else cannot be committed by this user.
    fin_review = upload.review_files([FIN_2023], FIN_UPLOADER, db)
    with pytest.raises(AccessDenied):
        upload.commit(fin_review, BZK_UPLOADER, db)
    with pytest.raises(AccessDenied):
        upload.review_files([BZK_2023], VIEWER_ONLY, db)
    assert query(db, "SELECT count(*) FROM submission") == [(5,)]
    assert read_journal(db)[0]["action"] == "denied"


def test_history_and_downloads_only_for_own_department(db):
    upload.commit(upload.review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db), BZK_UPLOADER, db)
    history = upload.department_history(BZK_UPLOADER, "BZK", db)
    # S000005 is the fte file of BZK and FIN together.
    assert list(history["submission_id"]) == ["S000006", "S000005", "S000002", "S000001"]
    assert list(history["loaded_by"]) == ["a.jansen@minbzk.nl", "test", "test", "test"]
    assert list(history["replaced_by"].fillna("")) == ["", "", "S000006", ""]
    assert list(history["downloadable"]) == [True, False, True, True]
    table = upload.history_table(history, "nl")
    assert list(table["Status"]) == ["geldt", "geldt", "vervangen", "geldt"]
    name, content = upload.submitted_file(BZK_UPLOADER, "S000006", db)
    assert (name, content) == ("BZK_2022_v2.csv", BZK_2022_CORRECTED.content)
    with pytest.raises(AccessDenied):
        upload.department_history(BZK_UPLOADER, "FIN", db)
    with pytest.raises(AccessDenied):
        upload.submitted_file(BZK_UPLOADER, "S000003", db)  # FIN 2021
    with pytest.raises(AccessDenied):
        upload.submitted_file(BZK_UPLOADER, "S000005", db)  # fte of BZK and FIN together
    assert upload.submitted_file(ADMIN, "S000005", db)[0] == "fte.csv"
    trail = upload.audit_table(upload.audit_trail(BZK_UPLOADER, "BZK", db), "nl")
    assert list(trail["Wat"])[:3] == ["vastgelegd", "vervangen", "vervangen"]
    assert "S000003" not in set(trail["Aanlevering"])  # FIN's own commits are not shown
    assert upload.latest_department(BZK_UPLOADER, db) == "BZK"


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
    upload.commit(upload.review_files([BZK_2023], BZK_UPLOADER, db), BZK_UPLOADER, db)
    before = query(db, "SELECT * FROM audit_log ORDER BY event_id")
    count, failed = rebuild(db, rebuilt_by="beheer")
    assert (count, failed) == (6, None)
    after = query(db, "SELECT * FROM audit_log ORDER BY event_id")
    assert after[:-1] == before
    assert after[-1][2:5] == ("beheer", "rebuild", "rebuild")
