"""Linked sets that share only the year: protected and audited as one system (protection.union)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from scipy import sparse

from protection import (
    JOINT_TABLE,
    TOTAL,
    CellKey,
    ProtectionRules,
    TableView,
    UnprotectableError,
    audit,
    audit_joint_cells,
    audit_pattern,
    audit_union,
    audit_union_pattern,
    link_sets,
    link_tables,
    protect,
    protect_union,
    union_with_pattern,
)
from protection.audit import WIDTH_TOLERANCE
from protection.solver import AttackerModel

RULES = ProtectionRules(threshold=5, min_interval_width=1)
MINISTRY_VIEW = TableView("ministry_year", "ministry", "year")
CHANNEL_VIEW = TableView("channel_year", "channel", "year")


def two_sets(records: pd.DataFrame, years: list[int]) -> dict:
    categories = {"year": years}
    return {
        "ministries": link_tables(
            records, [MINISTRY_VIEW], count_column="count", categories=categories
        ),
        "channels": link_tables(
            records, [CHANNEL_VIEW], count_column="count", categories=categories
        ),
    }


# --- a cross-set attack, worked out by hand --------------------------------------------------
#
# 19 reports over two years, by ministry and, separately, by channel:
#
#            2021 2022 | T                    2021 2022 | T
#   M0          1    4 |  5          c0          4    6 | 10
#   M1          7    7 | 14          c1          4    5 |  9
#   T           8   11 | 19          T           8   11 | 19
#
# Each set protected on its own, with the year totals given one status in both (the earlier
# design), shows:
#
#            2021 2022 | T                    2021 2022 | T
#   M0         <5   <5 |  5          c0         <5    x | 10
#   M1          7    7 | 14          c1         <5    x |  9
#   T           x    x | 19          T           x    x | 19
#
# Ministries alone: M0-2021 is anything in 1..4 (and M0-2022 = 5 - M0-2021), so the 2021 total
# (= M0-2021 + 7) is 8..11. Channels alone: c0-2022 and c1-2022 are 'x', so >= 5, hence
# c0-2021 = 10 - c0-2022 <= 5 and c1-2021 <= 4: the 2021 total is 2..8, every cell safe.
# Together: the 2021 total is in 8..11 and in 2..8, so exactly 8; then M0-2021 = 8 - 7 = 1 and
# c0-2021 = c1-2021 = 4: three reports pinned down, by combining two tables each safe alone.
CROSS_RECORDS = pd.DataFrame(
    [
        ("M0", "c0", 2021, 1),
        ("M1", "c0", 2021, 3),
        ("M1", "c1", 2021, 4),
        ("M0", "c0", 2022, 4),
        ("M1", "c0", 2022, 2),
        ("M1", "c1", 2022, 5),
    ],
    columns=["ministry", "channel", "year", "count"],
)
CROSS_YEARS = [2021, 2022]
SEPARATE_PATTERN = {
    "ministries": [
        CellKey("ministry_year", "M0", 2021),
        CellKey("ministry_year", "M0", 2022),
        CellKey("ministry_year", TOTAL, 2021),
        CellKey("ministry_year", TOTAL, 2022),
    ],
    "channels": [
        CellKey("channel_year", "c0", 2021),
        CellKey("channel_year", "c1", 2021),
        CellKey("channel_year", "c0", 2022),
        CellKey("channel_year", "c1", 2022),
        CellKey("channel_year", TOTAL, 2021),
        CellKey("channel_year", TOTAL, 2022),
    ],
}


def test_cross_set_example_is_what_separate_protection_produces():
    sets = two_sets(CROSS_RECORDS, CROSS_YEARS)
    shared = [2021, 2022]
    hidden = {}
    for name, view in (("ministries", "ministry_year"), ("channels", "channel_year")):
        protected = protect(
            sets[name], RULES, force_suppressed=[CellKey(view, TOTAL, y) for y in shared]
        )
        hidden[name] = sorted(
            (
                key
                for key, row in protected.system.row_of_key.items()
                if protected.status_codes[row]
            ),
            key=str,
        )
        # each set on its own is safe
        assert all(i.is_at_least(1) for i in audit(protected).values())
    assert hidden == {name: sorted(keys, key=str) for name, keys in SEPARATE_PATTERN.items()}


def test_cross_set_example_is_safe_per_set_and_leaks_in_the_union():
    sets = two_sets(CROSS_RECORDS, CROSS_YEARS)
    for name, keys in SEPARATE_PATTERN.items():
        alone = audit_pattern(sets[name], keys, RULES)
        assert all(interval.is_at_least(1) for interval in alone.values()), name
    assert audit_pattern(sets["ministries"], SEPARATE_PATTERN["ministries"], RULES)[
        CellKey("ministry_year", "M0", 2021)
    ] == (1, 4)

    union = link_sets(sets)
    together = audit_union_pattern(union, [k for keys in SEPARATE_PATTERN.values() for k in keys])
    assert together[CellKey("ministry_year", TOTAL, 2021)] == (8, 8)
    assert together[CellKey("channel_year", TOTAL, 2021)] == (8, 8)
    assert together[CellKey("ministry_year", "M0", 2021)] == (1, 1)
    assert together[CellKey("channel_year", "c0", 2021)] == (4, 4)
    assert together[CellKey("channel_year", "c1", 2021)] == (4, 4)


def test_cross_set_example_is_safe_when_protected_jointly():
    union = link_sets(two_sets(CROSS_RECORDS, CROSS_YEARS))
    protected = protect_union(union, RULES)
    intervals = audit_union(protected)
    assert CellKey("ministry_year", "M0", 2021) in intervals
    assert all(interval.is_at_least(1) for interval in intervals.values())
    # a shared year total is one number with one status in both sets
    ministries, channels = protected.sets["ministries"], protected.sets["channels"]
    for column in (*CROSS_YEARS, TOTAL):
        assert ministries.status_of(CellKey("ministry_year", TOTAL, column)) == channels.status_of(
            CellKey("channel_year", TOTAL, column)
        )
    # Joint protection also hides M1's two years (x): then the 2021 total is M0-2021 + M1-2021
    # with M1-2021 in 5..9 (M1-2022 = 14 - M1-2021 >= 5), no longer pinned at 8.
    assert protected.tables["ministry_year"].display().values.tolist() == [
        ["<5", "<5", "5"],
        ["x", "x", "14"],
        ["x", "x", "19"],
    ]
    assert protected.tables["channel_year"].display().values.tolist() == [
        ["<5", "x", "10"],
        ["<5", "x", "9"],
        ["x", "x", "19"],
    ]


def test_joint_cells_follow_the_frechet_bounds():
    # Nothing hidden (audited as a pattern): one year, 10 reports.
    #   ministry A 3, B 7;  channel c 2, d 8;  joint A-c 1, A-d 2, B-c 1, B-d 6
    # A-c: [max(0, 3 + 2 - 10), min(3, 2)] = [0, 2];  A-d: [max(0, 3 + 8 - 10), 3] = [1, 3];
    # B-c: [max(0, 7 + 2 - 10), 2] = [0, 2];  B-d = 6 is not below the threshold.
    records = pd.DataFrame(
        [("A", "c", 2021, 1), ("A", "d", 2021, 2), ("B", "c", 2021, 1), ("B", "d", 2021, 6)],
        columns=["ministry", "channel", "year", "count"],
    )
    union = link_sets(two_sets(records, [2021]))
    intervals = audit_joint_cells(union_with_pattern(union, [], RULES), records)
    # labels follow the union's dimension order: ministry, year, channel
    assert intervals == {
        CellKey(JOINT_TABLE, ("A", 2021, "c")): (0, 2),
        CellKey(JOINT_TABLE, ("A", 2021, "d")): (1, 3),
        CellKey(JOINT_TABLE, ("B", 2021, "c")): (0, 2),
    }


def test_sets_sharing_more_than_the_common_dimensions_are_refused():
    records = pd.DataFrame(
        [("A", "c", "g", 2021, 3)], columns=["ministry", "channel", "ground", "year", "count"]
    )
    sets = {
        "a": link_tables(records, [TableView("a", "ministry", "year")], count_column="count"),
        "b": link_tables(
            records,
            [TableView("b", "channel", "year", where={"ministry": ["A"]})],
            count_column="count",
        ),
        "c": link_tables(records, [TableView("c", "ground", "year")], count_column="count"),
    }
    with pytest.raises(ValueError, match="one linked set"):
        link_sets(sets)


def test_sets_over_different_records_are_refused():
    sets = two_sets(CROSS_RECORDS, CROSS_YEARS)
    other = CROSS_RECORDS.assign(count=CROSS_RECORDS["count"] + 1)
    sets["channels"] = two_sets(other, CROSS_YEARS)["channels"]
    with pytest.raises(ValueError, match="not the same records"):
        link_sets(sets)


# --- properties over random small data --------------------------------------------------------

count = st.one_of(st.integers(0, 6), st.integers(0, 6), st.integers(7, 15))
rules_strategy = st.sampled_from(
    [
        ProtectionRules(threshold=5, min_interval_width=1),
        ProtectionRules(threshold=3, min_interval_width=1),
        ProtectionRules(threshold=6, min_interval_width=2),
    ]
)


@st.composite
def records_of_sets(draw):
    ministries = [f"M{i}" for i in range(draw(st.integers(1, 3)))]
    channels = [f"c{i}" for i in range(draw(st.integers(1, 3)))]
    grounds = [f"g{i}" for i in range(draw(st.integers(1, 2)))]
    years = list(range(2021, 2021 + draw(st.integers(1, 2))))
    rows = [
        (m, k, c, g, y, draw(count))
        for m in ministries
        for k in ("ja", "nee")
        for c in channels
        for g in grounds
        for y in years
        if draw(st.booleans())
    ]
    columns = ["ministry", "concerns", "channel", "ground", "year", "count"]
    return pd.DataFrame(rows, columns=columns), years


def four_sets(records: pd.DataFrame, years: list[int]) -> dict:
    """Four sets sharing only the year: ministry tables for 'ja' and for all (so the ministry set
    has never-shown finest cells and single-value views), channel x year, ground x year and a
    series of year totals (a set whose every number is shared)."""
    categories = {"year": years, "concerns": ("ja", "nee")}
    views = {
        "ministries": [
            TableView("ministry_ja", "ministry", "year", where={"concerns": ["ja"]}),
            MINISTRY_VIEW,
        ],
        "channels": [CHANNEL_VIEW],
        "grounds": [TableView("ground_year", "ground", "year")],
        "totals": [TableView("per_year", "year")],
    }
    return {
        name: link_tables(records, own, count_column="count", categories=categories)
        for name, own in views.items()
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=records_of_sets(), rules=rules_strategy)
def test_random_unions_are_protected_jointly(drawn, rules):
    records, years = drawn
    sets = four_sets(records, years)
    union = link_sets(sets)
    try:
        protected = protect_union(union, rules)
    except UnprotectableError as error:
        # Refusing is right only if hiding every non-zero number still leaves a key too narrow.
        values = union.system.published_rows @ union.cell_values
        everything = [key for key, row in union.system.row_of_key.items() if values[row] > 0]
        intervals = audit_union_pattern(union, everything, rules)
        assert any(not intervals[key].is_at_least(rules.min_interval_width) for key in error.keys)
        event("unprotectable")
        return
    intervals = audit_union(protected)
    assert all(i.is_at_least(rules.min_interval_width) for i in intervals.values())
    # the union attacker knows more than any one set's attacker: intervals can only be narrower
    for protected_set in protected.sets.values():
        for key, alone in audit(protected_set).items():
            if key in intervals:
                joint = intervals[key]
                assert alone.lower <= joint.lower + WIDTH_TOLERANCE
                assert alone.upper >= joint.upper - WIDTH_TOLERANCE
    # shown numbers are the truth; a year total has one status in every set
    for year in years:
        statuses = {
            protected.sets[name].status_of(key)
            for name, key in (
                ("ministries", CellKey("ministry_year", TOTAL, year)),
                ("channels", CellKey("channel_year", TOTAL, year)),
                ("grounds", CellKey("ground_year", TOTAL, year)),
                ("totals", CellKey("per_year", year)),
            )
        }
        assert len(statuses) == 1
        shown = protected.tables["per_year"].values[year]
        if not pd.isna(shown):
            assert shown == records.loc[records["year"] == year, "count"].sum()
    # Evidence, not proof (see docs/protection.md): no cell of the joint table is narrower either.
    joint = audit_joint_cells(protected, records)
    assert all(i.is_at_least(rules.min_interval_width) for i in joint.values())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=records_of_sets(), seed=st.integers(0, 2**16))
def test_warm_started_attacker_agrees_with_fresh_linprog(drawn, seed):
    records, years = drawn
    union = link_sets(four_sets(records, years))
    system = union.system
    values = np.rint(system.published_rows @ union.cell_values)
    rng = np.random.default_rng(seed)
    status = np.where(
        (values > 0) & (rng.random(system.n_published) < 0.5),
        np.where((values >= 1) & (values <= 4), 1, 2),
        0,
    ).astype(np.int8)
    models = [
        AttackerModel(
            system.published_rows,
            status,
            values,
            RULES,
            structural_rows=system.structural_rows,
            warm_start=warm,
        )
        for warm in (True, False)
    ]
    rows = sparse.vstack([system.published_rows, system.hidden_rows], format="csr")
    targets = [rows[[i]].toarray().ravel() for i in rng.permutation(rows.shape[0])[:30]]
    assert targets
    for step, target in enumerate(targets):
        warm, fresh = (model.interval(target)[:2] for model in models)
        assert warm == pytest.approx(fresh, abs=1e-6)
        # one form, then two, then one again (the model keeps rows for the largest call so far)
        forms = [targets[step]] + ([targets[(step + 1) % len(targets)]] if step % 2 else [])
        assert models[0].max_of_min(forms) == pytest.approx(models[1].max_of_min(forms), abs=1e-6)
        if step % 7 == 3:
            # relax a shown row in both, as a suppression step does
            shown = np.flatnonzero((status == 0) & (values >= 5))
            if len(shown):
                for model in models:
                    model.hide([shown[0]], 2)
                status[shown[0]] = 2
