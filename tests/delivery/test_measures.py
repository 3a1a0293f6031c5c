"""A measures file ('maatregelen', issue 18) on the upload page's path: review, commit, history.

The small warehouse has BZK and FIN reports for 2021 and 2022 and their fte (S000001..S000005),
no measures.
"""

from __future__ import annotations

import csv
import io
import math

from delivery.commit import commit
from delivery.error_report import error_report
from delivery.history import department_history
from delivery.review import review_files
from etl import queries, warehouse
from etl.loading import IncomingFile
from presentation.upload_tables import history_table, replaced_display
from tests.access.conftest import BZK_UPLOADER
from tests.delivery.conftest import BZK_2022_CORRECTED, query
from tests.etl.conftest import file_fingerprint

HEADER = "departement,jaar,soort,aantal,deelnemers,organisatie\n"


def measures(name: str, *rows: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + "".join(f"{row}\n" for row in rows)).encode())


BZK_2021 = measures("BZK_2021_maatregelen.csv", "BZK,2021,vertrouwenspersonen,10,,")
BZK_2022 = measures(
    "BZK_2022_maatregelen.csv",
    "BZK,2022,training,3,45,",
    "BZK,2022,vertrouwenspersonen,12,,",
)
# Ten times as many trainings: no jump to confirm, measures are not checked for typing errors.
BZK_2022_MORE = measures(
    "BZK_2022_maatregelen_v2.csv",
    "BZK,2022,training,30,450,",
    "BZK,2022,vertrouwenspersonen,120,,",
)


def test_measures_file_is_reviewed_committed_and_in_the_history(db):
    before = file_fingerprint(db)
    review = review_files([BZK_2022], BZK_UPLOADER, db)
    assert review.ready and not review.jumps
    assert review.files[0].reports == 0 and review.files[0].rows == 2
    assert review.expected_current == {("BZK", 2022, "maatregelen"): None}
    assert review.replaced.empty and review.channel_table.empty and review.fte_table.empty
    table = review.measures_table
    assert list(table["kind"]) == ["training", "vertrouwenspersonen"]
    assert list(table["new"]) == [3, 12]
    assert all(math.isnan(v) for v in [*table["current"], *table["last_year"]])
    assert file_fingerprint(db) == before  # reviewing stores nothing

    result = commit(review, BZK_UPLOADER, db)
    (receipt,) = result.receipts
    assert result.status == "committed" and receipt.submission_id == "S000006"
    assert receipt.scope == [("BZK", 2022, "maatregelen")] and receipt.replaced == {}
    assert receipt.channel_totals == {}
    # The reports of BZK 2022 are still in force.
    assert query(db, "SELECT count(*) FROM submission_scope WHERE superseded_by IS NOT NULL") == [
        (0,)
    ]

    history = department_history(BZK_UPLOADER, "BZK", db)
    latest = history.iloc[0]
    assert (latest.submission_id, latest.file_kind, latest.reports) == ("S000006", "maatregelen", 0)
    shown = history_table(history, "nl")
    assert shown.iloc[0]["Kanalen"] == "Maatregelen"
    assert history_table(history, "en").iloc[0]["Channels"] == "Measures"


def test_a_newer_measures_file_replaces_and_compares_without_jumps(db):
    commit(review_files([BZK_2021, BZK_2022], BZK_UPLOADER, db), BZK_UPLOADER, db)
    review = review_files([BZK_2022_MORE], BZK_UPLOADER, db)
    assert review.ready and not review.jumps
    assert review.expected_current == {("BZK", 2022, "maatregelen"): "S000007"}
    rows = {
        row.kind: (row.new, row.current, row.last_year)
        for row in review.measures_table.itertuples()
    }
    assert rows["training"][:2] == (30, 3) and math.isnan(rows["training"][2])
    assert rows["vertrouwenspersonen"] == (120, 12, 10)
    assert list(replaced_display(review, "nl")["Kanaal"]) == ["Maatregelen"]
    result = commit(review, BZK_UPLOADER, db)
    assert result.receipts[0].replaced == {"S000007": [("BZK", 2022, "maatregelen")]}
    with warehouse.reading(db) as connection:
        current = queries.current_measures(connection)
    assert list(current["activities"]) == [10, 30, 120]


def test_reports_and_measures_of_one_department_year_do_not_overlap(db):
    review = review_files([BZK_2022_CORRECTED, BZK_2022], BZK_UPLOADER, db)
    assert review.ready and not review.overlapping
    result = commit(review, BZK_UPLOADER, db)
    assert [r.status for r in result.receipts] == ["loaded", "loaded"]
    # The corrected reports replaced the reports only.
    assert result.receipts[0].replaced == {
        "S000002": [("BZK", 2022, "integriteitscoordinator"), ("BZK", 2022, "vertrouwenspersoon")]
    }
    assert result.receipts[1].replaced == {}


def test_a_rejected_measures_file_gets_an_error_report(db):
    bad = measures("BZK_2022_fout.csv", "BZK,2022,fietstocht,2,,", "BZK,2022,training,-1,x,")
    review = review_files([bad], BZK_UPLOADER, db)
    assert not review.valid
    codes = [(p.code, p.line, p.column_number) for p in review.files[0].problems]
    assert codes == [
        ("value.measure_kind_unknown", 2, 3),
        ("value.activities_negative", 3, 4),
        ("value.participants_invalid", 3, 5),
    ]
    text = error_report(review.files[0], "nl").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][1:7] == HEADER.strip().split(",")  # after the line number
    assert "Onbekende soort maatregel" in rows[1][-1]
