"""The revisions table in words: a hand-made revision of each kind."""

import pandas as pd

from base.texts import text
from presentation.revisions import revisions_display
from publication.releases import REVISION_COLUMNS


def revision(**fields: str) -> dict[str, str]:
    row = dict.fromkeys(REVISION_COLUMNS, "")
    row |= {d: "*" for d in ("department", "channel", "category", "ground", "outcome")}
    row |= {"concerns_discrimination": "*", **fields}
    return row


def test_changed_and_removed_numbers_read_in_the_page_language():
    frame = pd.DataFrame(
        [
            revision(
                change="changed", statistic="count", year="2022", department="BZK",
                old_value="", old_symbol="<5", new_value="7", submissions="S000006",
                reasons="S000006: correctie",
            ),
            revision(change="removed", statistic="share", year="2021", old_value="0.125"),
        ]
    )  # fmt: skip
    dutch = revisions_display(frame, "nl")
    assert dutch.values.tolist() == [
        ["aantal meldingen", "2022", "Ministerie: BZK", "<5", "7", "S000006", "S000006: correctie"],
        ["aandeel", "2021", "alles", "12,5%", "niet meer getoond", "", ""],
    ]
    english = revisions_display(frame, "en")
    assert list(english.columns)[:5] == ["Kind of number", "Year", "Which", "Was", "Is now"]
    assert english.iloc[1, 4] == "no longer shown"


def test_the_current_figures_are_named_in_the_page_language():
    from presentation.revisions import CURRENT_FIGURES, comparison_label

    assert comparison_label(CURRENT_FIGURES, "nl") == text("release.page.now", "nl")
    assert comparison_label(CURRENT_FIGURES, "en") == text("release.page.now", "en")
    assert comparison_label("R2025-1", "en") == "R2025-1"  # a release id stays as it is
