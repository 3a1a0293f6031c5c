"""Implausible jumps: found in the review, a confirmed reason needed to commit (delivery/jumps.py)."""

from __future__ import annotations

from delivery.commit import commit
from delivery.review import review_files
from tests.access.conftest import BZK_UPLOADER
from tests.delivery.conftest import csv_file, query
from tests.etl.conftest import file_fingerprint


def test_implausible_jump_needs_a_confirmed_reason_which_is_kept(db):
    tenfold = csv_file(
        "BZK_2022_x10.csv",
        "BZK,2022,vertrouwenspersoon,racisme,ja,80",
        "BZK,2022,integriteitscoordinator,discriminatie,ja,7",
        "BZK,2022,integriteitscoordinator,pesten,nee,12",
    )
    review = review_files([tenfold], BZK_UPLOADER, db)
    described = [jump.describe("nl") for jump in review.jumps]
    assert described == [
        "BZK 2022 Vertrouwenspersoon: 80 tegen 8 nu geladen",
        "BZK 2022 Vertrouwenspersoon: 80 tegen 6 in 2021",
    ]
    before = file_fingerprint(db)
    assert commit(review, BZK_UPLOADER, db).status == "reason_required"
    assert commit(review, BZK_UPLOADER, db, reason="nieuw meldpunt").status == ("reason_required")
    assert commit(review, BZK_UPLOADER, db, reason="  ", confirmed=True).status == (
        "reason_required"
    )
    assert file_fingerprint(db) == before
    result = commit(
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
    review = review_files([grown], BZK_UPLOADER, db)
    totals = [j for j in review.jumps if j.channel is None]
    # Now 8 + 19 = 27, in 2021 6 + 15 = 21.
    assert [(j.new, j.reference, j.against) for j in totals] == [
        (270, 27, "current"),
        (270, 21, "last_year"),
    ]
