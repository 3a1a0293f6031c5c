"""The overview's stacked charts: a hidden part says what it holds, and the channel chart takes the
letter's grouping when that hides fewer reports."""

from __future__ import annotations

import pandas as pd

from etl.queries import CELL_DIMENSIONS
from presentation import charts
from presentation.views import build_overview, hidden_reports, overview_channel_table
from protection import TOTAL, ProtectionRules
from publication.protected import GROUPED_CHANNELS, build_publication

RULES = ProtectionRules(threshold=5, min_interval_width=2)
LABELS = {
    "a": "Integriteitscoördinator",
    "b": "Meldpunt",
    "c": "Klachtencommissie",
    TOTAL: "Totaal",
}


def long_table() -> pd.DataFrame:
    """2021: a 10 shown, b and c '<5' (total 16); 2022: a 'x', b '<5', c 7 (total 20)."""
    rows = [
        ("a", 2021, 10, "published"),
        ("b", 2021, pd.NA, "primary"),
        ("c", 2021, pd.NA, "primary"),
        (TOTAL, 2021, 16, "published"),
        ("a", 2022, pd.NA, "secondary"),
        ("b", 2022, pd.NA, "primary"),
        ("c", 2022, 7, "published"),
        (TOTAL, 2022, 20, "published"),
    ]
    frame = pd.DataFrame(rows, columns=["item", "year", "count", "status"])
    frame["count"] = frame["count"].astype("Int64")
    return frame


def test_the_hidden_part_names_what_it_holds_in_both_languages():
    items = ["a", "b", "c"]
    parts = charts.hidden_parts(long_table(), LABELS, items, "nl", RULES)
    assert parts == {
        2021: "Meldpunt en Klachtencommissie (elk <5)",
        2022: "Meldpunt (<5); Integriteitscoördinator (x: 5 of meer)",
    }
    english = charts.hidden_parts(long_table(), LABELS, items, "en", RULES)
    assert english[2021] == "Meldpunt and Klachtencommissie (each <5)"
    assert english[2022] == "Meldpunt (<5); Integriteitscoördinator (x: 5 or more)"

    figure = charts.stacked_bars(long_table(), LABELS, "titel", "nl", items, RULES)
    grey = figure.data[-1]
    # the legend names every series that is (partly) in the grey part; 16 - 10 and 20 - 7 hidden
    assert grey.name == "Afgeschermd: Integriteitscoördinator, Meldpunt en Klachtencommissie"
    assert list(grey.y) == [6.0, 13.0]
    assert grey.hovertext[0] == "2021, afgeschermd: Meldpunt en Klachtencommissie (elk <5); samen 6"
    note = charts.hidden_parts_note(long_table(), LABELS, items, "en", RULES)
    assert note == (
        "The grey hatched part holds, per year: 2021: Meldpunt and Klachtencommissie (each <5); "
        "2022: Meldpunt (<5); Integriteitscoördinator (x: 5 or more)."
    )


def test_nothing_hidden_means_no_grey_part_and_no_note():
    long = long_table()
    long = long[long["year"] == 2021].assign(status="published", count=[10, 3, 3, 16])
    assert charts.hidden_parts_note(long, LABELS, ["a", "b", "c"], "nl", RULES) is None
    figure = charts.stacked_bars(long, LABELS, "titel", "nl", ["a", "b", "c"], RULES)
    assert [trace.name for trace in figure.data] == [
        "Integriteitscoördinator",
        "Meldpunt",
        "Klachtencommissie",
    ]


def test_the_overview_takes_the_letters_grouping_when_it_hides_fewer_reports():
    # The fixture of tests/publication/test_protected.py: the fine table hides the integrity
    # coordinator (10, 12) and the meldpunt (2, 3): 27 reports in its grey part; the grouped
    # table shows everything (0).
    counts = {
        "integriteitscoordinator": (10, 12),
        "meldpunt": (2, 3),
        "vertrouwenspersoon": (20, 22),
        "klachtencommissie": (15, 16),
    }
    cells = pd.DataFrame(
        [
            (year, "FIN", channel, "discriminatie", "ja", "ras", "gegrond", values[i])
            for channel, values in counts.items()
            for i, year in enumerate((2021, 2022))
        ],
        columns=[*CELL_DIMENSIONS, "count"],
    )
    publication = build_publication(cells, RULES)
    years = [2021, 2022]
    assert hidden_reports(publication.tables["discrimination:channel"], years) == 27
    assert hidden_reports(publication.tables[GROUPED_CHANNELS], years) == 0
    assert overview_channel_table(publication, years).name == GROUPED_CHANNELS
    coverage = pd.DataFrame(columns=["department", "year", "channel", "status"])
    block = build_overview(publication, coverage, "nl").charts[0]
    assert block.key == "overview-channels"
    assert list(block.table.index) == [
        "Integriteitscoördinator + Departementaal meldpunt",
        "Vertrouwenspersoon",
        "Klachtencommissie",
        "Totaal",
    ]
    assert "Afgeschermd" not in [trace.name for trace in block.figure.data][-1]
