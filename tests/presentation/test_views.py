"""Page content built without Streamlit: the submission history shows people only to administrators."""

from __future__ import annotations

import pandas as pd

from presentation.views import history_table


def test_history_hides_who_loaded_unless_administrator():
    history = pd.DataFrame(
        {
            "submission_id": ["S000002", "S000001"],
            "file_name": ["b.csv", "a.csv"],
            "file_kind": ["meldingen", "meldingen"],
            "covers": ["BZK 2021", "BZK 2021"],
            "loaded_at": pd.to_datetime(["2026-01-02 10:00", "2026-01-01 09:00"]),
            "loaded_by": ["a.jansen@minbzk.nl", "b.de.vries@minbzk.nl"],
            "replaced_by": [None, "S000002"],
            "sha256": ["ab" * 32, "cd" * 32],
        }
    )
    for_viewers = history_table(history, "nl", show_people=False)
    assert "a.jansen@minbzk.nl" not in for_viewers.to_string()
    assert list(for_viewers["Door"]) == ["(alleen voor beheerders)"] * 2
    for_administrators = history_table(history, "nl", show_people=True)
    assert list(for_administrators["Door"]) == ["a.jansen@minbzk.nl", "b.de.vries@minbzk.nl"]
    assert list(for_administrators["Vervangen door"]) == ["", "S000002"]
