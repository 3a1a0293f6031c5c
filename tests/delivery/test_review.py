"""Review before 'Vastleggen': validation, the preview against now and last year, refusals
(delivery/review.py)."""

from __future__ import annotations

import pytest

from access.principal import AccessDenied
from delivery.commit import commit
from delivery.review import review_files
from etl.loading import read_journal
from tests.access.conftest import BZK_UPLOADER, FIN_UPLOADER, VIEWER_ONLY
from tests.delivery.conftest import BZK_2022_CORRECTED, BZK_2023, FIN_2023, query
from tests.etl.conftest import file_fingerprint


def test_valid_file_preview_against_now_and_last_year(db):
    before = file_fingerprint(db)
    review = review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db)
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


def test_uploader_is_refused_for_another_department_and_sees_no_figures(db):
    review = review_files([FIN_2023], BZK_UPLOADER, db)
    assert review.denied == ["FIN"] and not review.ready
    assert review.channel_table.empty and review.category_table.empty and review.replaced.empty
    assert review.expected_current == {}
    with pytest.raises(AccessDenied):
        commit(review, BZK_UPLOADER, db)
    # Even a review made for someone else cannot be committed by this user.
    fin_review = review_files([FIN_2023], FIN_UPLOADER, db)
    with pytest.raises(AccessDenied):
        commit(fin_review, BZK_UPLOADER, db)
    with pytest.raises(AccessDenied):
        review_files([BZK_2023], VIEWER_ONLY, db)
    assert query(db, "SELECT count(*) FROM submission") == [(5,)]
    assert read_journal(db)[0]["action"] == "denied"
