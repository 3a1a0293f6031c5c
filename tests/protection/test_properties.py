"""Properties of protection over random small tables, series and linked pairs (Hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from protection import (
    TOTAL,
    ProtectionRules,
    TableView,
    UnprotectableError,
    audit,
    audit_pattern,
    audit_table,
    link_tables,
    protect,
    protect_table,
)
from protection.audit import WIDTH_TOLERANCE

# Mostly the 0-8 of real monthly or per-ministry counts, now and then a larger one.
count = st.one_of(st.integers(0, 8), st.integers(0, 8), st.integers(0, 8), st.integers(9, 40))
rules_strategy = st.sampled_from(
    [
        ProtectionRules(threshold=5, min_interval_width=1),
        ProtectionRules(threshold=3, min_interval_width=1),
        ProtectionRules(threshold=6, min_interval_width=2),
    ]
)
PROPERTY_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 4))
    n_columns = draw(st.integers(1, 4))
    # Some tables of only 0-2 make rows of ones under a small total, the unprotectable case.
    cell = draw(st.sampled_from([count, count, st.integers(0, 2)]))
    cells = draw(st.lists(cell, min_size=n_rows * n_columns, max_size=n_rows * n_columns))
    return pd.DataFrame(
        np.array(cells, dtype=np.int64).reshape(n_rows, n_columns),
        index=[f"r{i}" for i in range(n_rows)],
        columns=[f"c{j}" for j in range(n_columns)],
    )


def with_totals(counts: pd.DataFrame) -> pd.DataFrame:
    full = counts.copy()
    full[TOTAL] = full.sum(axis=1)
    full.loc[TOTAL] = full.sum(axis=0)
    return full


def assert_refusal_is_justified(counts: pd.DataFrame, rules: ProtectionRules, error) -> None:
    """Refusing is only right if even hiding every non-zero number leaves a key too narrow."""
    linked = link_tables(
        counts.stack().rename("count").rename_axis(["row", "column"]).reset_index(),
        [TableView("table", "row", "column")],
        count_column="count",
        categories={"row": list(counts.index), "column": list(counts.columns)},
    )
    values = linked.system.published_rows @ linked.cell_values
    everything = [key for key, row in linked.system.row_of_key.items() if values[row] > 0]
    intervals = audit_pattern(linked, everything, rules)
    assert any(intervals[key].width < rules.min_interval_width for key in error.keys)


@PROPERTY_SETTINGS
@given(counts=tables(), rules=rules_strategy)
def test_random_tables_are_protected(counts, rules):
    try:
        protected = protect_table(counts, rules)
    except UnprotectableError as error:
        assert_refusal_is_justified(counts, rules, error)
        event("unprotectable")
        return
    event(f"any secondary suppression: {bool((protected.status == 'secondary').to_numpy().any())}")
    truth = with_totals(counts)
    shown = protected.values

    # No shown value in 1..T-1; every 1..T-1 value is primary; hidden means NA.
    published = protected.status == "published"
    assert not ((truth >= 1) & (truth < rules.threshold) & published).to_numpy().any()
    assert (
        ((protected.status == "primary") == ((truth >= 1) & (truth < rules.threshold))).all().all()
    )
    assert (shown.isna() == ~published).all().all()

    # Shown numbers are the true ones, so shown totals add up to the inner cells.
    assert (shown[published] == truth[published]).fillna(True).all().all()

    # Every hidden cell keeps an attacker interval of at least W.
    intervals = audit_table(protected)
    assert set(intervals) == {label for label, hide in (~published).stack().items() if hide}
    for interval in intervals.values():
        assert interval.width >= rules.min_interval_width - WIDTH_TOLERANCE

    # Same input, same output.
    again = protect_table(counts.copy(), rules)
    assert again.status.equals(protected.status)
    assert again.values.equals(protected.values)


@PROPERTY_SETTINGS
@given(
    counts=st.one_of(
        st.lists(count, min_size=1, max_size=7), st.lists(st.integers(0, 2), min_size=1, max_size=7)
    ),
    rules=rules_strategy,
)
def test_random_series_are_protected(counts, rules):
    series = pd.Series(counts, index=pd.Index(range(2018, 2018 + len(counts)), name="year"))
    try:
        protected = protect_table(series, rules)
    except UnprotectableError:
        # Only what '<T' reveals can make a series unprotectable: at least T-1 cells in 1..T-1
        # under a total below T.
        # k cells of at least 1 under a total of at most T-1 are each at most T-k, so the
        # widths T-k-1 fall below W exactly when k > T-1-W.
        nonzero = [c for c in counts if c > 0]
        assert sum(counts) < rules.threshold
        assert len(nonzero) > rules.threshold - 1 - rules.min_interval_width
        event("unprotectable")
        return
    truth = pd.concat([series, pd.Series({TOTAL: sum(counts)})])
    published = (protected.status == "published").to_numpy()
    assert not any(1 <= t < rules.threshold for t in truth[published])
    assert (protected.values[published].to_numpy() == truth[published].to_numpy()).all()
    for interval in audit_table(protected).values():
        assert interval.width >= rules.min_interval_width - WIDTH_TOLERANCE


@st.composite
def linked_records(draw):
    ministries = ["A", "B", "C"][: draw(st.integers(2, 3))]
    channels = ["k", "l"]
    years = [2021, 2022, 2023][: draw(st.integers(2, 3))]
    cells = [(m, c, y) for m in ministries for c in channels for y in years]
    counts = draw(st.lists(st.integers(0, 4), min_size=len(cells), max_size=len(cells)))
    return pd.DataFrame(
        [(m, c, y, n) for (m, c, y), n in zip(cells, counts, strict=True)],
        columns=["ministry", "channel", "year", "count"],
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=linked_records())
def test_random_linked_pairs_are_protected_jointly(records):
    rules = ProtectionRules(threshold=5, min_interval_width=1)
    views = [
        TableView("ministry_year", "ministry", "year"),
        TableView("channel_year", "channel", "year"),
    ]
    linked = link_tables(records, views, count_column="count")
    try:
        protected = protect(linked, rules)
    except UnprotectableError as error:
        values = linked.system.published_rows @ linked.cell_values
        everything = [k for k, row in linked.system.row_of_key.items() if values[row] > 0]
        intervals = audit_pattern(linked, everything, rules)
        assert any(intervals[key].width < rules.min_interval_width for key in error.keys)
        event("unprotectable")
        return
    intervals = audit(protected)
    for interval in intervals.values():
        assert interval.width >= rules.min_interval_width - WIDTH_TOLERANCE
    by_year = records.groupby("year")["count"].sum()
    for year in by_year.index:
        left = protected["ministry_year"].values.loc[TOTAL, year]
        right = protected["channel_year"].values.loc[TOTAL, year]
        assert (pd.isna(left) and pd.isna(right)) or left == right == by_year[year]
    again = protect(link_tables(records, views, count_column="count"), rules)
    for name in ("ministry_year", "channel_year"):
        assert again[name].status.equals(protected[name].status)
