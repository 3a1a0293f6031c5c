"""Tables in, protected tables out: the API that pages and exports call before showing any count.

Flow: counts (records or a cross-table) -> link_tables / protect_table -> ProtectedTable with
.values (Int64, NA where hidden), .status, .display(lang) and footnotes. The true counts of
hidden cells never leave this module: ProtectedTable and ProtectedSet hold shown values only.

A linked set is several views (TableView) of the same records. The finest cells are all
combinations of the categories of every dimension any view uses; each view's cells and totals
are 0/1 rows over them (protection.aggregates). Numbers that are equal by construction (the year
totals of a ministry x year and a channel x year table) are one row and get one status.
Besides what is shown, these are checked as sensitive (never shown, but a value in 1..T-1 must
not become derivable): every finest cell; for every view with a `where` filter, that view for
each single value of each filtered dimension (so 'all ministries' next to 'all but BZK' cannot
reveal BZK); and every view declared with published=False.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from protection.aggregates import (
    PRIMARY,
    PUBLISHED,
    SECONDARY,
    AggregateSystem,
    CellKey,
    CellStatus,
    build_system,
)
from protection.audit import Interval
from protection.display import (
    BELOW_THRESHOLD_FOOTNOTE,
    SECONDARY_FOOTNOTE,
    TOTAL_LABELS,
    NumberFormat,
    cell_text,
    default_number_format,
    protection_text,
)
from protection.rules import ProtectionRules
from protection.solver import AttackerModel
from protection.suppression import suppress

TOTAL = "Totaal"
FINEST_TABLE = "(finest cells)"
STATUS_NAMES = {
    PUBLISHED: CellStatus.PUBLISHED,
    PRIMARY: CellStatus.PRIMARY,
    SECONDARY: CellStatus.SECONDARY,
}


@dataclass(frozen=True)
class TableView:
    """One table or series built from the records.

    rows: the dimension down the side (the only one of a series); columns: the dimension across,
    None for a series. where: keep only records whose dimension value is in the given values.
    with_totals: add row, column and grand totals (a series: one total).
    published=False: not shown, but protected as if it were (declare views a user could compute
    from other pages, such as one ministry's series when 'all' and 'all but one' are shown).
    row_groups: rows that sum several values of the rows dimension, label -> values, in the
    order shown (the letter's channels: integrity coordinator and hotline together); every
    row of the view is then a group (a value on its own is a group of one). The finest cells
    stay the same, so a grouped view links exactly with the views of single values.
    """

    name: str
    rows: str
    columns: str | None = None
    where: Mapping[str, Sequence[Hashable]] = field(default_factory=dict)
    with_totals: bool = True
    published: bool = True
    row_groups: Mapping[Hashable, Sequence[Hashable]] | None = None

    @property
    def dimensions(self) -> tuple[str, ...]:
        used = [self.rows] + ([self.columns] if self.columns else []) + list(self.where)
        return tuple(dict.fromkeys(used))


@dataclass(frozen=True, eq=False)
class LinkedSet:
    """Views over one set of finest cells, ready to be protected together.

    cell_values are the true counts per finest cell: keep a LinkedSet out of page code, hand it
    to protect() and use the ProtectedSet.
    """

    views: tuple[TableView, ...]
    dimensions: tuple[str, ...]
    categories: Mapping[str, tuple[Hashable, ...]]
    system: AggregateSystem = field(repr=False)
    cell_values: np.ndarray = field(repr=False)
    layouts: Mapping[str, tuple[tuple, tuple | None]] = field(repr=False)


def _category_order(column: pd.Series) -> tuple[Hashable, ...]:
    # tolist() turns numpy scalars into Python ones, so labels in keys read as 2021, not int64.
    if isinstance(column.dtype, pd.CategoricalDtype):
        return tuple(column.cat.categories.tolist())
    observed = pd.unique(column.dropna()).tolist()
    try:
        return tuple(sorted(observed))
    except TypeError:
        return tuple(sorted(observed, key=repr))


def _view_labels(view: TableView, dimension: str, categories: Mapping) -> tuple:
    labels = categories[dimension]
    if dimension in view.where:
        allowed = set(view.where[dimension])
        labels = tuple(label for label in labels if label in allowed)
    return tuple(labels)


def _row_codes(view: TableView, categories: Mapping[str, tuple]) -> tuple[tuple, dict]:
    """The row labels of a view and, per label, the codes of the values it sums."""
    values = categories[view.rows]
    if view.row_groups is None:
        labels = _view_labels(view, view.rows, categories)
        return labels, {label: [values.index(label)] for label in labels}
    allowed = set(view.where.get(view.rows, values))
    groups: dict = {}
    for label, members in view.row_groups.items():
        if label == TOTAL or (label in values and list(members) != [label]):
            raise ValueError(f"group label {label!r} of {view.name} is a value of {view.rows}")
        unknown = [m for m in members if m not in values]
        if unknown:
            raise ValueError(f"{view.name}: {unknown} are not among the values of {view.rows}")
        kept = [values.index(m) for m in members if m in allowed]
        if kept:
            groups[label] = kept
    used = [code for codes in groups.values() for code in codes]
    if len(set(used)) != len(used):
        raise ValueError(f"the groups of {view.name} overlap")
    return tuple(groups), groups


def _view_cells(
    view: TableView,
    name: str,
    categories: Mapping[str, tuple],
    codes: Mapping[str, np.ndarray],
    n_cells: int,
) -> tuple[list[tuple[CellKey, np.ndarray]], tuple, tuple | None]:
    """(key, cell mask) for every number of the view, inner cells first, then the totals."""
    keep = np.ones(n_cells, dtype=bool)
    for dimension, allowed in view.where.items():
        position = {label: code for code, label in enumerate(categories[dimension])}
        allowed_codes = [position[label] for label in allowed if label in position]
        keep &= np.isin(codes[dimension], allowed_codes)
    row_labels, row_codes = _row_codes(view, categories)
    in_rows = np.isin(codes[view.rows], [c for group in row_codes.values() for c in group])

    def in_row(label) -> np.ndarray:
        return np.isin(codes[view.rows], row_codes[label])

    numbers: list[tuple[CellKey, np.ndarray]] = []
    if view.columns is None:
        for label in row_labels:
            numbers.append((CellKey(name, label), keep & in_row(label)))
        if view.with_totals:
            numbers.append((CellKey(name, TOTAL), keep & in_rows))
        return numbers, row_labels, None

    column_labels = _view_labels(view, view.columns, categories)
    column_code = {label: categories[view.columns].index(label) for label in column_labels}
    in_columns = np.isin(codes[view.columns], list(column_code.values()))
    for row in row_labels:
        row_cells = keep & in_row(row)
        for column in column_labels:
            numbers.append(
                (
                    CellKey(name, row, column),
                    row_cells & (codes[view.columns] == column_code[column]),
                )
            )
    if view.with_totals:
        for row in row_labels:
            numbers.append((CellKey(name, row, TOTAL), keep & in_row(row) & in_columns))
        for column in column_labels:
            in_column = keep & (codes[view.columns] == column_code[column]) & in_rows
            numbers.append((CellKey(name, TOTAL, column), in_column))
        numbers.append((CellKey(name, TOTAL, TOTAL), keep & in_rows & in_columns))
    return numbers, row_labels, column_labels


def link_tables(
    records: pd.DataFrame,
    views: Sequence[TableView],
    *,
    count_column: str | None = None,
    categories: Mapping[str, Sequence[Hashable]] | None = None,
) -> LinkedSet:
    """Build the linked set of views over records (one row per report, or counts).

    count_column: the column holding counts when records are already aggregated; without it
    every row counts as one report. categories: the full list and order of a dimension's values,
    including values without reports (a ministry with 0 reports is a row of zeros, not absent).
    """
    if not views:
        raise ValueError("no views given")
    names = [view.name for view in views]
    if len(set(names)) != len(names):
        raise ValueError(f"view names must be unique: {names}")
    dimensions = tuple(dict.fromkeys(d for view in views for d in view.dimensions))
    missing = [d for d in dimensions if d not in records.columns]
    if missing:
        raise ValueError(f"records lack the dimension columns {missing}")

    given = dict(categories or {})
    category_order: dict[str, tuple] = {}
    for dimension in dimensions:
        order = (
            tuple(given[dimension]) if dimension in given else _category_order(records[dimension])
        )
        if TOTAL in order:
            raise ValueError(f"'{TOTAL}' is reserved for totals; rename that {dimension} value")
        if len(set(order)) != len(order):
            raise ValueError(f"categories of {dimension} are not unique")
        category_order[dimension] = order

    shape = tuple(len(category_order[d]) for d in dimensions)
    n_cells = int(np.prod(shape))
    record_codes = []
    for dimension in dimensions:
        codes = pd.Categorical(records[dimension], categories=category_order[dimension]).codes
        if (codes < 0).any():
            unknown = records.loc[codes < 0, dimension].unique().tolist()
            raise ValueError(f"{dimension} values {unknown} are not among its categories")
        record_codes.append(codes.astype(np.int64))
    if count_column is None:
        weights = np.ones(len(records), dtype=np.int64)
    else:
        counts = records[count_column]
        if counts.isna().any() or (counts < 0).any() or (counts % 1 != 0).any():
            raise ValueError(f"{count_column} must hold non-negative whole numbers")
        weights = counts.to_numpy(dtype=np.int64)
    flat = np.ravel_multi_index(record_codes, shape) if len(records) else np.zeros(0, np.int64)
    cell_values = np.bincount(flat, weights=weights, minlength=n_cells).astype(np.int64)

    cell_codes = dict(zip(dimensions, np.unravel_index(np.arange(n_cells), shape), strict=True))
    published: list[tuple[CellKey, np.ndarray]] = []
    hidden: list[tuple[CellKey, np.ndarray]] = []
    layouts: dict[str, tuple[tuple, tuple | None]] = {}
    for view in views:
        numbers, row_labels, column_labels = _view_cells(
            view, view.name, category_order, cell_codes, n_cells
        )
        if view.published:
            published += numbers
            layouts[view.name] = (row_labels, column_labels)
        else:
            hidden += numbers
        for dimension in view.where:
            for label in category_order[dimension]:
                single = replace(view, where={**view.where, dimension: [label]})
                hidden += _view_cells(
                    single,
                    f"{view.name} [{dimension}={label}]",
                    category_order,
                    cell_codes,
                    n_cells,
                )[0]
    for index in range(n_cells):
        label = tuple(category_order[d][cell_codes[d][index]] for d in dimensions)
        mask = np.zeros(n_cells, dtype=bool)
        mask[index] = True
        hidden.append((CellKey(FINEST_TABLE, label), mask))

    return LinkedSet(
        views=tuple(views),
        dimensions=dimensions,
        categories=category_order,
        system=build_system(n_cells, published, hidden),
        cell_values=cell_values,
        layouts=layouts,
    )


@dataclass(frozen=True, eq=False)
class ProtectedTable:
    """One protected table or series; the only form in which counts may reach a page or export.

    values: Int64 with totals (label 'Totaal'); NA where hidden.
    status: 'published' / 'primary' / 'secondary' per cell, same shape.
    """

    name: str
    values: pd.DataFrame | pd.Series
    status: pd.DataFrame | pd.Series
    rules: ProtectionRules
    linked: ProtectedSet = field(repr=False)

    @property
    def is_series(self) -> bool:
        return isinstance(self.values, pd.Series)

    def display(self, lang: str = "nl", number_format: NumberFormat | None = None):
        """Strings for every cell: '1.234' (nl) or '1,234' (en), '<5' or the secondary symbol.

        The total label is translated ('Totaal' / 'Total'); other labels are left as they are.
        """
        formatter = number_format or default_number_format(lang)
        if self.is_series:
            shown = pd.Series(
                [
                    cell_text(value, status, self.rules, formatter)
                    for value, status in zip(self.values, self.status, strict=True)
                ],
                index=self.values.index,
                name=self.values.name,
                dtype=object,
            )
        else:
            shown = pd.DataFrame(
                [
                    [
                        cell_text(value, status, self.rules, formatter)
                        for value, status in zip(values, statuses, strict=True)
                    ]
                    for values, statuses in zip(
                        self.values.itertuples(index=False),
                        self.status.itertuples(index=False),
                        strict=True,
                    )
                ],
                index=self.values.index,
                columns=self.values.columns,
                dtype=object,
            )
        total = TOTAL_LABELS.get(lang, TOTAL)
        if total != TOTAL:
            shown = shown.rename(index={TOTAL: total})
            if not self.is_series:
                shown = shown.rename(columns={TOTAL: total})
        return shown

    @property
    def footnote_keys(self) -> tuple[str, ...]:
        """Text keys of the footnotes this table needs (in base.texts)."""
        statuses = set(np.asarray(self.status).ravel().tolist())
        keys = []
        if CellStatus.PRIMARY in statuses:
            keys.append(BELOW_THRESHOLD_FOOTNOTE)
        if CellStatus.SECONDARY in statuses:
            keys.append(SECONDARY_FOOTNOTE)
        return tuple(keys)

    def footnotes(self, lang: str = "nl") -> list[str]:
        return [protection_text(key, self.rules, lang) for key in self.footnote_keys]


@dataclass(frozen=True, eq=False)
class ProtectedSet:
    """All views of a linked set after joint protection; index by view name."""

    rules: ProtectionRules
    tables: Mapping[str, ProtectedTable]
    system: AggregateSystem = field(repr=False)
    status_codes: np.ndarray = field(repr=False)
    shown_values: np.ndarray = field(repr=False)  # -1 where hidden
    sensitive_hidden: np.ndarray = field(repr=False)

    def __getitem__(self, name: str) -> ProtectedTable:
        return self.tables[name]

    def status_of(self, key: CellKey) -> CellStatus:
        return STATUS_NAMES[int(self.status_codes[self.system.row_of_key[key]])]


def _frames(
    linked: LinkedSet, protected: ProtectedSet, status_codes: np.ndarray, shown: np.ndarray
) -> dict[str, ProtectedTable]:
    tables: dict[str, ProtectedTable] = {}
    for view in linked.views:
        if not view.published:
            continue
        row_labels, column_labels = linked.layouts[view.name]
        rows = list(row_labels) + ([TOTAL] if view.with_totals else [])

        def lookup(row, column=None, view=view):
            index = linked.system.row_of_key[CellKey(view.name, row, column)]
            code = int(status_codes[index])
            return (pd.NA if code != PUBLISHED else int(shown[index])), STATUS_NAMES[code].value

        if column_labels is None:
            pairs = [lookup(row) for row in rows]
            index = pd.Index(rows, name=view.rows)
            values = pd.Series([p[0] for p in pairs], index=index, dtype="Int64", name=view.name)
            status = pd.Series([p[1] for p in pairs], index=index, dtype=object, name=view.name)
        else:
            columns = list(column_labels) + ([TOTAL] if view.with_totals else [])
            grid = [[lookup(row, column) for column in columns] for row in rows]
            index = pd.Index(rows, name=view.rows)
            column_index = pd.Index(columns, name=view.columns)
            values = pd.DataFrame(
                [[cell[0] for cell in line] for line in grid],
                index=index,
                columns=column_index,
                dtype="Int64",
            )
            status = pd.DataFrame(
                [[cell[1] for cell in line] for line in grid],
                index=index,
                columns=column_index,
                dtype=object,
            )
        tables[view.name] = ProtectedTable(view.name, values, status, protected.rules, protected)
    return tables


def _row_indices(system: AggregateSystem, keys: Iterable[CellKey]) -> list[int]:
    indices = []
    for key in keys:
        if key not in system.row_of_key:
            raise KeyError(f"{key} is not a published number of this set")
        indices.append(system.row_of_key[key])
    return indices


def row_weights(
    system: AggregateSystem, table_weights: Mapping[str, float] | None
) -> np.ndarray | None:
    """The cost factor of every published row in the choice of complementary suppressions.

    table_weights: view name -> factor (>= 1) on the value of its numbers in the cost rule
    (protection.suppression), for views that more readers see; a number shown by several views
    takes the largest factor, views not named weigh 1. None: every row weighs 1.
    """
    if not table_weights:
        return None
    if min(table_weights.values()) < 1:
        raise ValueError("table weights are factors of at least 1")
    weights = np.ones(system.n_published)
    for key, row in system.row_of_key.items():
        weights[row] = max(weights[row], table_weights.get(key.table, 1.0))
    return weights


def protect(
    linked: LinkedSet,
    rules: ProtectionRules | None = None,
    *,
    force_suppressed: Iterable[CellKey] = (),
    table_weights: Mapping[str, float] | None = None,
) -> ProtectedSet:
    """Protect all views of a linked set jointly (one attacker LP over every shown number).

    Raises UnprotectableError when some count cannot be protected by suppression; merge
    categories (group_small_units) or periods and try again. table_weights: see row_weights.
    """
    rules = rules or ProtectionRules()
    system = linked.system
    result = suppress(
        system,
        linked.cell_values,
        rules,
        _row_indices(system, force_suppressed),
        weights=row_weights(system, table_weights),
    )
    values = np.rint(system.published_rows @ linked.cell_values).astype(np.int64)
    shown = np.where(result.status == PUBLISHED, values, -1)
    tables: dict[str, ProtectedTable] = {}
    protected = ProtectedSet(rules, tables, system, result.status, shown, result.sensitive_hidden)
    tables.update(_frames(linked, protected, result.status, shown))
    return protected


def _single_view(
    counts: pd.DataFrame | pd.Series, name: str, with_totals: bool
) -> tuple[pd.DataFrame, TableView, dict[str, tuple]]:
    """Long records, the one view and its category order for a cross-table or series."""
    if counts.isna().to_numpy().any():
        raise ValueError("counts contain missing values; use 0 for no reports")
    numbers = counts.to_numpy()
    if (numbers < 0).any() or (numbers % 1 != 0).any():
        raise ValueError("counts must be non-negative whole numbers")
    if isinstance(counts, pd.Series):
        row_name = counts.index.name or "row"
        records = pd.DataFrame({row_name: counts.index, "count": numbers.astype(np.int64)})
        return (
            records,
            TableView(name, row_name, with_totals=with_totals),
            {row_name: tuple(counts.index.tolist())},
        )
    row_name = counts.index.name or "row"
    column_name = counts.columns.name or "column"
    if row_name == column_name:
        column_name = f"{column_name} (columns)"
    row_labels = np.repeat(np.asarray(counts.index, dtype=object), counts.shape[1])
    column_labels = np.tile(np.asarray(counts.columns, dtype=object), counts.shape[0])
    records = pd.DataFrame(
        {
            row_name: row_labels,
            column_name: column_labels,
            "count": numbers.ravel().astype(np.int64),
        }
    )
    view = TableView(name, row_name, column_name, with_totals=with_totals)
    return (
        records,
        view,
        {
            row_name: tuple(counts.index.tolist()),
            column_name: tuple(counts.columns.tolist()),
        },
    )


def _table_key(name: str, label: Any, is_series: bool) -> CellKey:
    return CellKey(name, label) if is_series else CellKey(name, *label)


def protect_table(
    counts: pd.DataFrame | pd.Series,
    rules: ProtectionRules | None = None,
    *,
    name: str = "table",
    with_totals: bool = True,
    force_suppressed: Iterable[Any] = (),
) -> ProtectedTable:
    """Protect one cross-table (rows x columns of counts) or series, adding totals.

    counts: inner cells only, without totals. force_suppressed: (row, column) labels, or row
    labels of a series, to hide in any case.
    """
    records, view, categories = _single_view(counts, name, with_totals)
    linked = link_tables(records, [view], count_column="count", categories=categories)
    is_series = isinstance(counts, pd.Series)
    forced = [_table_key(name, label, is_series) for label in force_suppressed]
    return protect(linked, rules, force_suppressed=forced)[name]


def _audit_rows(
    system: AggregateSystem,
    status: np.ndarray,
    shown: np.ndarray,
    rules: ProtectionRules,
    sensitive_hidden: np.ndarray,
    use_display_bounds: bool,
) -> tuple[dict[int, Interval], dict[int, Interval]]:
    model = AttackerModel(
        system.published_rows,
        status,
        shown,
        rules,
        structural_rows=system.structural_rows,
        use_display_bounds=use_display_bounds,
    )

    def interval(row: sparse.csr_array) -> Interval:
        lower, upper, _ = model.interval(row.toarray().ravel())
        return Interval(lower, upper)

    published = {
        int(row): interval(system.published_rows[[row]])
        for row in np.flatnonzero(status != PUBLISHED)
    }
    hidden = {int(row): interval(system.hidden_rows[[row]]) for row in sensitive_hidden}
    return published, hidden


def audit(protected: ProtectedSet, *, use_display_bounds: bool = True) -> dict[CellKey, Interval]:
    """Attacker interval of every hidden number of a protected set, audited jointly.

    Keys: every key of a suppressed number (a number shared by two views appears under both),
    then the sensitive numbers that are never shown (finest cells, single-value views of
    filtered views) whose value is in 1..T-1.
    """
    system = protected.system
    published, hidden = _audit_rows(
        system,
        protected.status_codes,
        protected.shown_values,
        protected.rules,
        protected.sensitive_hidden,
        use_display_bounds,
    )
    intervals = {key: published[row] for key, row in system.row_of_key.items() if row in published}
    intervals.update({system.hidden_keys[row]: interval for row, interval in hidden.items()})
    return intervals


def audit_table(table: ProtectedTable, *, use_display_bounds: bool = True) -> dict[Any, Interval]:
    """Attacker interval of every suppressed cell of one table, with all linked views known.

    Keys: (row, column) labels, or the row label in a series.
    """
    intervals = audit(table.linked, use_display_bounds=use_display_bounds)
    return {
        (key.row if table.is_series else (key.row, key.column)): interval
        for key, interval in intervals.items()
        if key.table == table.name
    }


def audit_pattern(
    linked: LinkedSet,
    suppressed: Iterable[CellKey],
    rules: ProtectionRules | None = None,
    *,
    use_display_bounds: bool = True,
) -> dict[CellKey, Interval]:
    """Audit a suppression pattern chosen elsewhere (by hand, per table, by another tool).

    suppressed: keys of the numbers to hide; a hidden value in 1..T-1 is read as '<T', any
    other as the secondary symbol; hidden zeros are refused (this product always shows zeros).
    Every number in 1..T-1 that is not in suppressed counts as shown. Returns the intervals of
    the hidden numbers and of the sensitive numbers that are never shown.
    """
    rules = rules or ProtectionRules()
    system = linked.system
    values = np.rint(system.published_rows @ linked.cell_values).astype(np.int64)
    status = np.full(system.n_published, PUBLISHED, dtype=np.int8)
    for row in _row_indices(system, suppressed):
        if values[row] == 0:
            raise ValueError(f"{system.published_keys[row]} is 0; zeros are always shown")
        status[row] = PRIMARY if rules.is_below_threshold(int(values[row])) else SECONDARY
    shown = np.where(status == PUBLISHED, values, -1)
    hidden_values = np.rint(system.hidden_rows @ linked.cell_values).astype(np.int64)
    sensitive = np.flatnonzero((hidden_values >= 1) & (hidden_values <= rules.threshold - 1))
    published, hidden = _audit_rows(system, status, shown, rules, sensitive, use_display_bounds)
    intervals = {key: published[row] for key, row in system.row_of_key.items() if row in published}
    intervals.update({system.hidden_keys[row]: interval for row, interval in hidden.items()})
    return intervals


def audit_table_pattern(
    counts: pd.DataFrame | pd.Series,
    suppressed: pd.DataFrame | pd.Series,
    rules: ProtectionRules | None = None,
    *,
    use_display_bounds: bool = True,
) -> dict[Any, Interval]:
    """audit_pattern for one cross-table or series with totals.

    suppressed: booleans labelled like the protected table (inner cells plus 'Totaal'); labels
    left out count as shown. Keys of the result: (row, column), or the row label in a series.
    """
    name = "pattern"
    records, view, categories = _single_view(counts, name, with_totals=True)
    linked = link_tables(records, [view], count_column="count", categories=categories)
    is_series = isinstance(counts, pd.Series)
    stacked = suppressed if is_series else suppressed.stack()
    keys = [_table_key(name, label, is_series) for label, hide in stacked.items() if bool(hide)]
    intervals = audit_pattern(linked, keys, rules, use_display_bounds=use_display_bounds)
    return {
        (key.row if is_series else (key.row, key.column)): interval
        for key, interval in intervals.items()
        if key.table == name
    }
