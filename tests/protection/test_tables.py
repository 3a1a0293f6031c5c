"""Hand-made tables whose safe patterns and attacker intervals are worked out in the comments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from protection import (
    TOTAL,
    CellKey,
    ProtectionRules,
    TableView,
    UnprotectableError,
    audit,
    audit_pattern,
    audit_table,
    audit_table_pattern,
    link_tables,
    protect,
    protect_table,
)

RULES = ProtectionRules(threshold=5, min_interval_width=1)


def years(*counts: int, start: int = 2021) -> pd.Series:
    return pd.Series(counts, index=pd.Index(range(start, start + len(counts)), name="year"))


def table(rows: list[list[int]], row_labels: str, column_labels: str) -> pd.DataFrame:
    return pd.DataFrame(rows, index=list(row_labels), columns=list(column_labels))


def statuses(protected) -> dict:
    return {label: status for label, status in protected.status.stack().items()}


def hidden_cells(protected) -> set:
    return {label for label, status in protected.status.stack().items() if status != "published"}


# --- series ---------------------------------------------------------------------------------


def test_series_hides_the_cheapest_partner():
    # 3 = 22 - 7 - 12, so one more number must go; the cheapest is 7. Then the attacker knows
    # x + y = 10, x in 1..4 ('<5') and y >= 5 ('x'): x in [1, 4], y = 10 - x in [6, 9].
    protected = protect_table(years(3, 7, 12), RULES)
    assert protected.display().tolist() == ["<5", "x", "12", "22"]
    assert protected.values.isna().tolist() == [True, True, False, False]
    assert audit_table(protected) == {2021: (1.0, 4.0), 2022: (6.0, 9.0)}


def test_series_where_the_symbol_itself_would_leak():
    # (1, 5 | 6). Hiding the 5 as well reads: x + y = 6, x >= 1 ('<5'), y >= 5 ('x'): x = 1.
    naive = pd.Series([True, True, False], index=[2021, 2022, TOTAL])
    assert audit_table_pattern(years(1, 5), naive, RULES)[2021] == (1.0, 1.0)
    # Hiding the total instead works: x in 1..4 and total = x + 5 in [6, 9].
    protected = protect_table(years(1, 5), RULES)
    assert protected.display().tolist() == ["<5", "5", "x"]
    assert audit_table(protected) == {2021: (1.0, 4.0), TOTAL: (6.0, 9.0)}


def test_series_of_four_ones_under_a_total_of_four_cannot_be_protected():
    # Four cells of at least 1 under a total of at most 4: every cell is exactly 1, whatever is
    # hidden. Only merging categories helps, so protection refuses.
    with pytest.raises(UnprotectableError) as raised:
        protect_table(pd.Series([1, 1, 1, 1], index=list("abcd")), RULES)
    assert CellKey("table", "a") in raised.value.keys


def test_three_ones_under_a_total_of_three_are_each_one_or_two():
    # Each '<5' is >= 1 and they sum to at most 4, so each is at most 4 - 1 - 1 = 2.
    protected = protect_table(pd.Series([1, 1, 1], index=list("abc")), RULES)
    assert protected.display().tolist() == ["<5"] * 4
    assert audit_table(protected) == {"a": (1, 2), "b": (1, 2), "c": (1, 2), TOTAL: (3, 4)}


# --- two-way tables -------------------------------------------------------------------------


def test_two_by_two_hides_the_inner_rectangle():
    #        a   b | T        A 2 must be hidden with a cycle: the inner rectangle costs
    #   r1   2   6 | 8        6 + 7 + 9 = 22, the margins route r1, a, grand total 8 + 9 + 24
    #   r2   7   9 | 16       = 41. Then r1a = 9 - r2a with r2a >= 5 and r1b = 8 - r1a >= 5,
    #   T    9  15 | 24       so r1a in [1, 3], r1b in [5, 7], r2a in [6, 8], r2b in [8, 10].
    protected = protect_table(table([[2, 6], [7, 9]], "rs", "ab"), RULES)
    assert hidden_cells(protected) == {("r", "a"), ("r", "b"), ("s", "a"), ("s", "b")}
    assert audit_table(protected) == {
        ("r", "a"): (1, 3),
        ("r", "b"): (5, 7),
        ("s", "a"): (6, 8),
        ("s", "b"): (8, 10),
    }
    assert protected.display().loc[TOTAL].tolist() == ["9", "15", "24"]


COUNTER_EXAMPLE = table(
    [[6, 2, 7, 9], [3, 8, 4, 10], [9, 6, 12, 1], [11, 5, 8, 7]], "ABCD", ["c1", "c2", "c3", "c4"]
)
# Row totals 24, 25, 28, 31; column totals 29, 21, 31, 27; grand total 108.
# Primaries: A-c2 = 2, B-c1 = 3, B-c3 = 4, C-c4 = 1. A per-line heuristic that stops once every
# row and column holds at least two hidden cells could choose:
NAIVE_PATTERN = [
    ("A", "c1"), ("A", "c2"), ("A", "c3"),
    ("B", "c1"), ("B", "c3"),
    ("C", "c2"), ("C", "c4"),
    ("D", "c2"), ("D", "c4"),
]  # fmt: skip


def naive_frame() -> pd.DataFrame:
    frame = pd.DataFrame(False, index=[*"ABCD", TOTAL], columns=["c1", "c2", "c3", "c4", TOTAL])
    for row, column in NAIVE_PATTERN:
        frame.loc[row, column] = True
    return frame


def test_counter_example_has_two_hidden_cells_in_every_line():
    frame = naive_frame().loc[list("ABCD"), ["c1", "c2", "c3", "c4"]]
    assert frame.sum(axis=1).min() >= 2
    assert frame.sum(axis=0).min() >= 2


@pytest.mark.parametrize("use_display_bounds", [True, False])
def test_counter_example_naive_pattern_leaks_a_cell_exactly(use_display_bounds):
    # Hidden in rows A and B: (24 - 9) + (25 - 8 - 10) = 22 = A1 + A2 + A3 + B1 + B3.
    # Hidden in columns c1 and c3: (29 - 9 - 11) + (31 - 12 - 8) = 20 = A1 + B1 + A3 + B3.
    # So A2 = 22 - 20 = 2, from additivity alone (also without reading '<5' as 1..4).
    intervals = audit_table_pattern(
        COUNTER_EXAMPLE, naive_frame(), RULES, use_display_bounds=use_display_bounds
    )
    assert intervals[("A", "c2")] == (2.0, 2.0)


def test_counter_example_is_repaired_starting_from_the_naive_pattern():
    protected = protect_table(COUNTER_EXAMPLE, RULES, force_suppressed=NAIVE_PATTERN)
    hidden = hidden_cells(protected)
    assert set(NAIVE_PATTERN) < hidden  # at least one extra suppression
    intervals = audit_table(protected)
    assert set(intervals) == hidden
    assert all(interval.width >= 1 for interval in intervals.values())
    assert intervals[("A", "c2")].width >= 1


def test_counter_example_from_scratch_is_safe():
    protected = protect_table(COUNTER_EXAMPLE, RULES)
    primaries = {label for label, status in statuses(protected).items() if status == "primary"}
    assert primaries == {("A", "c2"), ("B", "c1"), ("B", "c3"), ("C", "c4")}
    assert all(interval.width >= 1 for interval in audit_table(protected).values())


def test_a_margin_below_the_threshold_is_hidden_and_protected():
    #        a  b   c | T      Column b totals 3: hidden as '<5' like its cells 2 and 1; the 0 is
    #   r1   6  2   9 | 17     shown. Each of r1, r2 needs a second hidden cell; taking column a
    #   r2   8  1   7 | 16     (6 + 8) also needs its total (else r1b + r2b = 3 is pinned by
    #   r3   5  0  10 | 15     T_a = 19): 6 + 8 + 19 = 33, cheaper than column c (9 + 7 + 26).
    #   T   19  3  26 | 48
    # The attacker then has r1a + r1b = 8, r2a + r2b = 9, T_a + T_b = 22, each b in 1..4 with
    # r1b + r2b <= 4: r1b, r2b in [1, 3], r1a in [5, 7], r2a in [6, 8], T_b in [2, 4],
    # T_a in [18, 20].
    protected = protect_table(
        table([[6, 2, 9], [8, 1, 7], [5, 0, 10]], ["r1", "r2", "r3"], "abc"), RULES
    )
    assert protected.status.loc[TOTAL, "b"] == "primary"
    assert protected.display().loc["r3", "b"] == "0"
    assert audit_table(protected) == {
        ("r1", "a"): (5, 7),
        ("r1", "b"): (1, 3),
        ("r2", "a"): (6, 8),
        ("r2", "b"): (1, 3),
        (TOTAL, "a"): (18, 20),
        (TOTAL, "b"): (2, 4),
    }


def test_single_non_zero_cell_in_a_row():
    #        a   b  c | T     Row r is all in b: r-b = r-T = 3, both '<5'. r-b = 11 - s-b via
    #   r    0   3  0 | 3     column b and r-T = 24 - s-T via the totals column, so both routes
    #   s    6   8  7 | 21    must be cut: hide s-b and s-T (8 + 21 = 29) rather than the column
    #   T    6  11  7 | 24    total and the grand total (11 + 24 = 35). Then s-b = 11 - r-b in
    #                         [7, 10] and s-T = 24 - r-T in [20, 23].
    protected = protect_table(table([[0, 3, 0], [6, 8, 7]], "rs", "abc"), RULES)
    assert protected.display().values.tolist() == [
        ["0", "<5", "0", "<5"],
        ["6", "x", "7", "x"],
        ["6", "11", "7", "24"],
    ]
    assert audit_table(protected) == {
        ("r", "b"): (1, 4),
        ("r", TOTAL): (1, 4),
        ("s", "b"): (7, 10),
        ("s", TOTAL): (20, 23),
    }


def test_all_zero_row_is_shown_and_fixes_its_cells_for_the_attacker():
    #        a   b | T     The zero row is shown (zeros are not disclosive here) and tells the
    #   z    0   0 | 0     attacker z-a = z-b = 0, so the rest is a 2 x 2 problem: rectangle
    #   p    3   9 | 12    9 + 6 + 8 = 23 < margins 12 + 9 + 26. p-a = 9 - q-a with q-a >= 5
    #   q    6   8 | 14    gives p-a in [1, 4]; q-a in [5, 8], p-b = 12 - p-a in [8, 11],
    #   T    9  17 | 26    q-b = 14 - q-a in [6, 9].
    protected = protect_table(table([[0, 0], [3, 9], [6, 8]], "zpq", "ab"), RULES)
    assert protected.display().loc["z"].tolist() == ["0", "0", "0"]
    assert audit_table(protected) == {
        ("p", "a"): (1, 4),
        ("p", "b"): (8, 11),
        ("q", "a"): (5, 8),
        ("q", "b"): (6, 9),
    }


def test_all_zero_table_publishes_zeros():
    protected = protect_table(table([[0, 0], [0, 0]], "rs", "ab"), RULES)
    assert protected.values.to_numpy().tolist() == [[0, 0, 0]] * 3
    assert protected.footnote_keys == ()


def test_zeros_are_never_hidden_on_request():
    with pytest.raises(ValueError, match="zeros are always shown"):
        protect_table(table([[0, 7], [6, 9]], "rs", "ab"), RULES, force_suppressed=[("r", "a")])


def test_published_values_are_the_true_counts():
    counts = table([[2, 6], [7, 9]], "rs", "ab")
    protected = protect_table(counts, RULES)
    assert protected.values.loc[TOTAL].tolist() == [9, 15, 24]
    assert str(protected.values.dtypes.iloc[0]) == "Int64"


# --- linked tables --------------------------------------------------------------------------


LINKED_RECORDS = pd.DataFrame(
    {"ministry": ["A", "A", "B", "B"], "year": [2021, 2022, 2021, 2022], "count": [3, 6, 6, 8]}
)
#            2021 2022 | T
#   A           3    6 | 9
#   B           6    8 | 14
#   T           9   14 | 23      and the series per year (9, 14 | 23) shares the column totals.
LINKED_VIEWS = [TableView("per_year", "year"), TableView("ministry_year", "ministry", "year")]


def test_separately_safe_tables_leak_together():
    linked = link_tables(LINKED_RECORDS, LINKED_VIEWS, count_column="count")
    # On its own the ministry x year table is safe hiding A-2021, A-total, 2021-total and the
    # grand total: A-2021 only satisfies 1..4, A-total = A-2021 + 6, and so on.
    alone = pd.DataFrame(False, index=["A", "B", TOTAL], columns=[2021, 2022, TOTAL])
    alone.loc["A", 2021] = alone.loc["A", TOTAL] = alone.loc[TOTAL, 2021] = True
    alone.loc[TOTAL, TOTAL] = True
    counts = pd.DataFrame([[3, 6], [6, 8]], index=["A", "B"], columns=[2021, 2022])
    assert audit_table_pattern(counts, alone, RULES)[("A", 2021)] == (1, 4)
    # But the series shows 2021 = 9 and the total 23, so A-2021 = 9 - 6 = 3.
    shown_by_series_too = [
        CellKey("ministry_year", "A", 2021),
        CellKey("ministry_year", "A", TOTAL),
    ]
    assert audit_pattern(linked, shown_by_series_too, RULES)[shown_by_series_too[0]] == (3, 3)


def test_linked_tables_are_protected_jointly_with_one_status_per_shared_number():
    linked = link_tables(LINKED_RECORDS, LINKED_VIEWS, count_column="count")
    protected = protect(linked, RULES)
    for year in (2021, 2022, TOTAL):
        shared = CellKey("ministry_year", TOTAL, year)
        assert protected.status_of(shared) == protected.status_of(CellKey("per_year", year))
    intervals = audit(protected)
    assert CellKey("ministry_year", "A", 2021) in intervals
    assert all(interval.width >= 1 for interval in intervals.values())
    assert protected["per_year"].values.tolist() == [9, 14, 23]


def test_all_ministries_next_to_all_but_one_cannot_reveal_the_one():
    counts = {"BZK": [2, 3, 1], "FIN": [6, 7, 9], "OCW": [8, 5, 7]}
    records = pd.DataFrame(
        [
            (ministry, year, n)
            for ministry, ns in counts.items()
            for year, n in zip((2021, 2022, 2023), ns, strict=True)
        ],
        columns=["ministry", "year", "count"],
    )
    views = [
        TableView("all", "year"),
        TableView("all_but_bzk", "year", where={"ministry": ["FIN", "OCW"]}),
    ]
    linked = link_tables(records, views, count_column="count")
    # Shown in full: all = (16, 15, 17 | 48), all but BZK = (14, 12, 16 | 42); each has no cell
    # below 5, yet the differences are BZK's (2, 3, 1).
    exposed = audit_pattern(linked, [], RULES)
    for year, bzk in zip((2021, 2022, 2023), (2, 3, 1), strict=True):
        assert exposed[CellKey("all_but_bzk [ministry=BZK]", year)] == (bzk, bzk)

    protected = protect(linked, RULES)
    intervals = audit(protected)
    for year in (2021, 2022, 2023):
        assert intervals[CellKey("all_but_bzk [ministry=BZK]", year)].width >= 1
    assert all(interval.width >= 1 for interval in intervals.values())


def test_protected_objects_do_not_carry_the_true_counts():
    protected = protect_table(table([[2, 6], [7, 9]], "rs", "ab"), RULES)
    assert not hasattr(protected.linked, "cell_values")
    assert protected.linked.shown_values.min() == -1  # hidden numbers are stored as -1


# --- display --------------------------------------------------------------------------------


def test_display_formats_dutch_and_english_numbers():
    protected = protect_table(years(1234, 3, 2000), RULES)
    # 3 = 3237 - 1234 - 2000: the cheapest partner is the 1234.
    assert protected.display("nl").tolist() == ["x", "<5", "2.000", "3.237"]
    english = protected.display("en")
    assert english.tolist() == ["x", "<5", "2,000", "3,237"]
    assert english.index[-1] == "Total"
    assert protected.display(number_format=str).tolist() == ["x", "<5", "2000", "3237"]


def test_footnotes_follow_the_rules():
    protected = protect_table(years(3, 7, 12), ProtectionRules(threshold=4, min_interval_width=1))
    assert protected.display().tolist() == ["<4", "x", "12", "22"]
    assert protected.footnote_keys == (
        "protection.footnote.below_threshold",
        "protection.footnote.secondary",
    )
    dutch, _ = protected.footnotes("nl")
    assert dutch.startswith("<4: 1 tot en met 3 meldingen")
    assert protected.footnotes("en")[0].startswith("<4: 1 to 3 reports")


def test_a_realistic_linked_set_is_protected_jointly():
    # Eight years of about 30 reports over 12 ministries and 5 channels, shown as ministry x year
    # and channel x year (sharing the year totals): the size the dashboard protects.
    rng = np.random.default_rng(2024)
    ministries = [f"M{i:02d}" for i in range(12)]
    weights = np.linspace(1, 3, 12) / np.linspace(1, 3, 12).sum()
    records = pd.DataFrame(
        {
            "ministry": rng.choice(ministries, 240, p=weights),
            "channel": rng.choice(list("abcde"), 240, p=[0.35, 0.3, 0.2, 0.05, 0.1]),
            "year": rng.choice(range(2018, 2026), 240),
        }
    )
    views = [
        TableView("ministry_year", "ministry", "year"),
        TableView("channel_year", "channel", "year"),
    ]
    protected = protect(link_tables(records, views), RULES)
    intervals = audit(protected)
    assert all(interval.width >= 1 for interval in intervals.values())
    for view in ("ministry_year", "channel_year"):
        shown = protected[view].values
        truth = pd.crosstab(
            records[views[0 if view == "ministry_year" else 1].rows], records["year"]
        )
        inner = shown.drop(index=TOTAL, columns=TOTAL)
        assert ((inner == truth) | inner.isna()).all().all()


# --- grouped rows and cost weights --------------------------------------------------------------

CHANNEL_RECORDS = pd.DataFrame(
    {
        "channel": ["a", "a", "b", "b", "c", "c", "d", "d"],
        "year": [2021, 2022] * 4,
        "count": [10, 12, 2, 3, 20, 22, 15, 16],
    }
)
FINE = TableView("fine", "channel", "year")
GROUPED = TableView(
    "grouped", "channel", "year", row_groups={"a;b": ["a", "b"], "c": ["c"], "d": ["d"]}
)


def test_a_grouped_view_sums_its_members_and_shares_the_other_rows():
    linked = link_tables(CHANNEL_RECORDS, [FINE, GROUPED], count_column="count")
    # rows a and b summed (10 + 2, 12 + 3), c and d as they are; one status for c and d
    rows = linked.system.row_of_key
    assert rows[CellKey("grouped", "c", 2021)] == rows[CellKey("fine", "c", 2021)]
    protected = protect(linked, ProtectionRules(threshold=5, min_interval_width=2))
    fine, grouped = protected["fine"], protected["grouped"]
    # b (2, 3) is '<5' in both years; its cheapest partners are a's 10 and 12 (row a's total 22
    # would pin a 2021 otherwise), so the fine table hides a whole series ...
    assert hidden_cells(fine) == {("a", 2021), ("a", 2022), ("b", 2021), ("b", 2022)}
    # ... while the grouped table shows a + b: 12 = a + b leaves a in 8..11, b in 1..4.
    assert grouped.values.loc["a;b"].tolist() == [12, 15, 27]
    assert hidden_cells(grouped) == set()
    assert grouped.values.loc[TOTAL].tolist() == [47, 53, 100]
    intervals = audit(protected)
    assert intervals[CellKey("fine", "b", 2021)] == (1, 4)
    assert intervals[CellKey("fine", "a", 2021)] == (8, 11)


def test_overlapping_groups_are_refused():
    overlapping = TableView("g", "channel", "year", row_groups={"x": ["a", "b"], "y": ["b", "c"]})
    with pytest.raises(ValueError, match="overlap"):
        link_tables(CHANNEL_RECORDS, [overlapping], count_column="count")


def test_weights_move_complementary_suppressions_out_of_the_weighted_table():
    #        a   b | T        The inner cells in one view, the margins in two series. Without
    #   r    2   6 | 8        weights the cheapest partners of r-a = 2 are the inner rectangle
    #   s    7   9 | 16       6 + 7 + 9 = 22 (as in test_two_by_two_hides_the_inner_rectangle).
    #   T    9  15 | 24       With the inner view weighing 10 that costs 220, the margins
    #                         r (8), a (9) and the grand total (24) only 41.
    records = pd.DataFrame(
        {"row": ["r", "r", "s", "s"], "column": ["a", "b", "a", "b"], "count": [2, 6, 7, 9]}
    )
    views = [
        TableView("inner", "row", "column", with_totals=False),
        TableView("by_row", "row"),
        TableView("by_column", "column"),
    ]
    linked = link_tables(records, views, count_column="count")
    plain = protect(linked, RULES)
    assert hidden_cells(plain["inner"]) == {("r", "a"), ("r", "b"), ("s", "a"), ("s", "b")}
    weighted = protect(linked, RULES, table_weights={"inner": 10})
    assert hidden_cells(weighted["inner"]) == {("r", "a")}
    assert weighted["by_row"].status.to_dict() == {
        "r": "secondary",
        "s": "published",
        TOTAL: "secondary",
    }
    assert weighted["by_column"].status.to_dict() == {
        "a": "secondary",
        "b": "published",
        TOTAL: "secondary",
    }
    # r-a + r-b = r >= 5 with r-b = 6 shown; a = r-a + 7 >= 5: r-a stays anywhere in 1..4
    assert audit(weighted)[CellKey("inner", "r", "a")] == (1, 4)
    with pytest.raises(ValueError, match="at least 1"):
        protect(linked, RULES, table_weights={"inner": 0.5})
