"""A department's history, downloads and audit trail, only for its own users
(delivery/history.py)."""

from __future__ import annotations

import pytest

from access.principal import AccessDenied
from delivery.commit import commit
from delivery.history import audit_trail, department_history, latest_department, submitted_file
from delivery.review import review_files
from presentation.upload_tables import audit_table, history_table
from tests.access.conftest import ADMIN, BZK_UPLOADER
from tests.delivery.conftest import BZK_2022_CORRECTED


def test_history_and_downloads_only_for_own_department(db):
    commit(review_files([BZK_2022_CORRECTED], BZK_UPLOADER, db), BZK_UPLOADER, db)
    history = department_history(BZK_UPLOADER, "BZK", db)
    # S000005 is the fte file of BZK and FIN together.
    assert list(history["submission_id"]) == ["S000006", "S000005", "S000002", "S000001"]
    assert list(history["loaded_by"]) == ["a.jansen@minbzk.nl", "test", "test", "test"]
    assert list(history["replaced_by"].fillna("")) == ["", "", "S000006", ""]
    assert list(history["downloadable"]) == [True, False, True, True]
    table = history_table(history, "nl")
    assert list(table["Status"]) == ["geldt", "geldt", "vervangen", "geldt"]
    name, content = submitted_file(BZK_UPLOADER, "S000006", db)
    assert (name, content) == ("BZK_2022_v2.csv", BZK_2022_CORRECTED.content)
    with pytest.raises(AccessDenied):
        department_history(BZK_UPLOADER, "FIN", db)
    with pytest.raises(AccessDenied):
        submitted_file(BZK_UPLOADER, "S000003", db)  # FIN 2021
    with pytest.raises(AccessDenied):
        submitted_file(BZK_UPLOADER, "S000005", db)  # fte of BZK and FIN together
    assert submitted_file(ADMIN, "S000005", db)[0] == "fte.csv"
    trail = audit_table(audit_trail(BZK_UPLOADER, "BZK", db), "nl")
    assert list(trail["Wat"])[:3] == ["vastgelegd", "vervangen", "vervangen"]
    assert "S000003" not in set(trail["Aanlevering"])  # FIN's own commits are not shown
    assert latest_department(BZK_UPLOADER, db) == "BZK"
