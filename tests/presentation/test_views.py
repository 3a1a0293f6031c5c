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


def test_history_names_each_kind_of_delivery_in_the_page_language():
    history = pd.DataFrame(
        {
            "submission_id": ["S000003", "S000002", "S000001"],
            "file_name": ["maatregelen.csv", "fte.csv", "meldingen.csv"],
            "file_kind": ["maatregelen", "fte", "meldingen"],
            "covers": ["BZK 2023", "BZK 2023", "BZK 2023"],
            "loaded_at": pd.to_datetime(["2026-01-03", "2026-01-02", "2026-01-01"]),
            "loaded_by": ["t", "t", "t"],
            "replaced_by": [None, None, None],
            "sha256": ["ab" * 32, "cd" * 32, "ef" * 32],
        }
    )
    assert list(history_table(history, "nl")["Soort"]) == ["maatregelen", "fte", "meldingen"]
    assert list(history_table(history, "en")["Kind"]) == ["measures", "fte", "reports"]
