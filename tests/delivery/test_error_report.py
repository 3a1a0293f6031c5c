"""The error report of a rejected file, without personal data (delivery/error_report.py)."""

from __future__ import annotations

import csv
import io

from delivery.error_report import error_report, error_report_name
from delivery.review import review_files
from etl.loading import IncomingFile, audit_journal_path, read_journal
from tests.access.conftest import BZK_UPLOADER
from tests.delivery.conftest import HEADER
from tests.etl.conftest import file_fingerprint


def report_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


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
    review = review_files([bad], BZK_UPLOADER, db)
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
    rows = report_rows(error_report(checked, "nl"))
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
    assert error_report_name("BZK_2023_fout.csv") == "BZK_2023_fout_foutenrapport.csv"
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
    [checked] = review_files([with_column], BZK_UPLOADER, db).files
    rows = report_rows(error_report(checked, "en"))
    assert rows[0][0] == "line" and rows[0][-1] == "errors"
    assert "Jan Jansen" not in "".join(sum(rows, []))
    pdf = IncomingFile("export.pdf", b"%PDF-1.7 binary")
    [checked] = review_files([pdf], BZK_UPLOADER, db).files
    rows = report_rows(error_report(checked, "nl"))
    assert len(rows) == 2 and "PDF" in rows[1][-1]
