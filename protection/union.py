"""Several linked sets that share only some dimensions, protected and audited as one system.

A product may publish tables that do not fit in one linked set: one cube over year x ministry x
channel x category x concerns x ground x outcome would have about a million finest cells. Here
each linked set keeps its own finest cells (a block of variables), and the sets are tied by what
they share. If every two sets share exactly the same dimensions S (here year and concerns), the
attacker's exact knowledge is:

    for every set b:   A_b x_b = shown values,  1 <= a x_b <= T-1 ('<T'),  a x_b >= T ('x'),
                       x_b >= 0
    for every S-cell s and set b > 0:   sum of x_0 over s  -  sum of x_b over s  =  0

The last rows are *structural*: known by construction, whatever is shown. Nothing else links
the blocks, because any family of block tables that agree on the S-margins is the marginal of
some joint table over all dimensions. For integers: within each S-cell with m reports, line up
the m reports of every block in any order and give report i of each block the same joint cell.
For the LP: the product of the block tables divided by the S-margin. So minimising or maximising
any number that is a sum of one set's finest cells over this system gives exactly the attacker's
interval over the union of everything published, and the protection engine (protection.suppression)
runs on it unchanged.

Numbers that depend on S only (the year totals every set shows) are equal by construction in all
sets; they are one published row here (the first set's), so they get one status everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from protection.aggregates import PRIMARY, PUBLISHED, SECONDARY, AggregateSystem, CellKey
from protection.audit import Interval
from protection.rules import ProtectionRules
from protection.solver import AttackerModel
from protection.suppression import suppress
from protection.tables import (
    FINEST_TABLE,
    LinkedSet,
    ProtectedSet,
    ProtectedTable,
    _frames,
    _row_indices,
    row_weights,
)


@dataclass(frozen=True, eq=False)
class LinkedUnion:
    """Linked sets over the same records, tied by the dimensions they all share.

    system: one AggregateSystem over all blocks (block b's cells at offsets[b]), with the
    structural rows that make the blocks' S-margins agree. Published keys are the sets' own keys
    (view names are unique across sets); the finest cells of set b are keyed
    '(finest cells) b'. Holds true counts (cell_values): keep it out of page code.
    """

    names: tuple[str, ...]
    sets: Mapping[str, LinkedSet] = field(repr=False)
    shared: tuple[str, ...]
    offsets: Mapping[str, int]
    system: AggregateSystem = field(repr=False)
    cell_values: np.ndarray = field(repr=False)
    set_of_key: Mapping[CellKey, str] = field(repr=False)


def finest_table_of(set_name: str) -> str:
    """The table name under which the union keys the finest cells of one set."""
    return f"{FINEST_TABLE} {set_name}"


def _cell_codes(linked: LinkedSet) -> dict[str, np.ndarray]:
    shape = tuple(len(linked.categories[d]) for d in linked.dimensions)
    codes = np.unravel_index(np.arange(linked.system.n_cells), shape)
    return dict(zip(linked.dimensions, codes, strict=True))


def _shared_cell(linked: LinkedSet, shared: tuple[str, ...]) -> tuple[np.ndarray, int]:
    """For every finest cell of a set, the index of its S-cell; and the number of S-cells."""
    if not shared:
        return np.zeros(linked.system.n_cells, dtype=np.int64), 1
    codes = _cell_codes(linked)
    shape = tuple(len(linked.categories[d]) for d in shared)
    return np.ravel_multi_index([codes[d] for d in shared], shape), int(np.prod(shape))


def link_sets(sets: Mapping[str, LinkedSet]) -> LinkedUnion:
    """Tie linked sets built from the same records into one system (see the module text).

    Every two sets must share exactly the same dimensions (those all of them use), with the same
    categories, and agree on the counts per combination of them. Otherwise the blocks are not
    tied by their shared margins alone and the sets belong in one linked set.
    """
    names = tuple(sets)
    if not names:
        raise ValueError("no linked sets given")
    shared = tuple(
        d for d in sets[names[0]].dimensions if all(d in sets[n].dimensions for n in names)
    )
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            common = set(sets[first].dimensions) & set(sets[second].dimensions)
            if common != set(shared):
                raise ValueError(
                    f"sets {first!r} and {second!r} share {sorted(common)}, more than the "
                    f"dimensions all sets share {list(shared)}; put them in one linked set"
                )
    for dimension in shared:
        orders = {tuple(sets[n].categories[dimension]) for n in names}
        if len(orders) != 1:
            raise ValueError(f"the sets list different categories for {dimension}")
    view_names = [view.name for n in names for view in sets[n].views]
    if len(set(view_names)) != len(view_names):
        raise ValueError("view names must be unique across the linked sets")

    offsets: dict[str, int] = {}
    shared_cells: dict[str, np.ndarray] = {}
    n_total = 0
    n_shared = 1
    margins = []
    for name in names:
        offsets[name] = n_total
        n_total += sets[name].system.n_cells
        shared_cells[name], n_shared = _shared_cell(sets[name], shared)
        margins.append(
            np.bincount(shared_cells[name], weights=sets[name].cell_values, minlength=n_shared)
        )
    if any(not np.array_equal(margins[0], margin) for margin in margins[1:]):
        raise ValueError(
            f"the sets disagree on the counts per {list(shared)}: not the same records"
        )

    def signature(name: str, support: np.ndarray) -> tuple:
        """Rows over S-cells only are equal across sets: key them by their S-cells."""
        if len(names) > 1:
            fibre = np.bincount(shared_cells[name], minlength=n_shared)
            touched = np.bincount(shared_cells[name][support], minlength=n_shared)
            if np.all((touched == 0) | (touched == fibre)):
                return ("shared", np.flatnonzero(touched).tobytes())
        return ("cells", name, support.tobytes())

    published_keys: list[CellKey] = []
    supports: list[np.ndarray] = []
    row_of_signature: dict[tuple, int] = {}
    row_of_key: dict[CellKey, int] = {}
    set_of_key: dict[CellKey, str] = {}
    for name in names:
        system = sets[name].system
        rows = system.published_rows.tocsr()
        union_row_of_set_row: list[int] = []
        for index, key in enumerate(system.published_keys):
            support = rows.indices[rows.indptr[index] : rows.indptr[index + 1]].astype(np.int64)
            sig = signature(name, np.sort(support))
            if sig not in row_of_signature:
                row_of_signature[sig] = len(published_keys)
                published_keys.append(key)
                supports.append(np.sort(support) + offsets[name])
            union_row_of_set_row.append(row_of_signature[sig])
        for key, row in system.row_of_key.items():
            row_of_key[key] = union_row_of_set_row[row]
            set_of_key[key] = name

    hidden_keys: list[CellKey] = []
    hidden_supports: list[np.ndarray] = []
    hidden_signatures: set[tuple] = set()
    for name in names:
        system = sets[name].system
        rows = system.hidden_rows.tocsr()
        for index, key in enumerate(system.hidden_keys):
            support = np.sort(rows.indices[rows.indptr[index] : rows.indptr[index + 1]])
            sig = signature(name, support.astype(np.int64))
            if sig in row_of_signature or sig in hidden_signatures:
                continue
            hidden_signatures.add(sig)
            if key.table == FINEST_TABLE:
                key = CellKey(finest_table_of(name), key.row, key.column)
            hidden_keys.append(key)
            hidden_supports.append(support.astype(np.int64) + offsets[name])
            set_of_key[key] = name

    structural = []
    first = names[0]
    for name in names[1:]:
        # sum of the first block over each S-cell minus the same sum in this block is 0
        block = sparse.coo_array(
            (
                np.concatenate(
                    [
                        np.ones(sets[first].system.n_cells),
                        -np.ones(sets[name].system.n_cells),
                    ]
                ),
                (
                    np.concatenate([shared_cells[first], shared_cells[name]]),
                    np.concatenate(
                        [
                            offsets[first] + np.arange(sets[first].system.n_cells),
                            offsets[name] + np.arange(sets[name].system.n_cells),
                        ]
                    ),
                ),
            ),
            shape=(n_shared, n_total),
        )
        structural.append(block.tocsr())

    system = AggregateSystem(
        n_cells=n_total,
        published_keys=tuple(published_keys),
        published_rows=_rows(supports, n_total),
        row_of_key=row_of_key,
        hidden_keys=tuple(hidden_keys),
        hidden_rows=_rows(hidden_supports, n_total),
        structural_rows=sparse.vstack(structural, format="csr") if structural else None,
        blocks=tuple((offsets[name], offsets[name] + sets[name].system.n_cells) for name in names),
    )
    return LinkedUnion(
        names=names,
        sets=dict(sets),
        shared=shared,
        offsets=offsets,
        system=system,
        cell_values=np.concatenate([sets[n].cell_values for n in names]).astype(np.int64),
        set_of_key=set_of_key,
    )


def _rows(supports: list[np.ndarray], n_cells: int) -> sparse.csr_array:
    lengths = [len(support) for support in supports]
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    indices = np.concatenate(supports) if supports else np.zeros(0, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_array((data, indices, indptr), shape=(len(supports), n_cells))


@dataclass(frozen=True)
class UnionLayout:
    """Where each set's finest cells are in the union (no counts): for the joint-cell audit."""

    names: tuple[str, ...]
    dimensions: Mapping[str, tuple[str, ...]]
    categories: Mapping[str, Mapping[str, tuple]]
    offsets: Mapping[str, int]
    shared: tuple[str, ...]

    @property
    def all_dimensions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for name in self.names for d in self.dimensions[name]))

    def cell_index(self, name: str, labels: Mapping[str, object]) -> int:
        """The union column of the finest cell of set `name` that holds these labels."""
        categories = self.categories[name]
        codes = []
        for dimension in self.dimensions[name]:
            try:
                codes.append(categories[dimension].index(labels[dimension]))
            except ValueError:
                raise ValueError(
                    f"{dimension} value {labels[dimension]!r} is not among the categories of "
                    f"set {name!r}"
                ) from None
        shape = tuple(len(categories[d]) for d in self.dimensions[name])
        return self.offsets[name] + int(np.ravel_multi_index(codes, shape))

    def shared_fibre(self, labels: Mapping[str, object]) -> np.ndarray:
        """Union columns of the first set's cells with the same shared labels (their S-cell)."""
        name = self.names[0]
        categories = self.categories[name]
        shape = tuple(len(categories[d]) for d in self.dimensions[name])
        grids = np.unravel_index(np.arange(int(np.prod(shape))), shape)
        keep = np.ones(len(grids[0]), dtype=bool)
        for axis, dimension in enumerate(self.dimensions[name]):
            if dimension in self.shared:
                keep &= grids[axis] == categories[dimension].index(labels[dimension])
        return self.offsets[name] + np.flatnonzero(keep)


def layout_of(union: LinkedUnion) -> UnionLayout:
    return UnionLayout(
        names=union.names,
        dimensions={name: tuple(union.sets[name].dimensions) for name in union.names},
        categories={
            name: {d: tuple(c) for d, c in union.sets[name].categories.items()}
            for name in union.names
        },
        offsets=dict(union.offsets),
        shared=union.shared,
    )


@dataclass(frozen=True, eq=False)
class ProtectedUnion:
    """The outcome of protect_union: one ProtectedSet per linked set, and the joint statuses.

    Holds shown values only (hidden numbers are -1), like ProtectedSet.
    """

    rules: ProtectionRules
    sets: Mapping[str, ProtectedSet]
    layout: UnionLayout
    system: AggregateSystem = field(repr=False)
    status_codes: np.ndarray = field(repr=False)
    shown_values: np.ndarray = field(repr=False)
    sensitive_hidden: np.ndarray = field(repr=False)
    audits: int = 0
    steps: int = 0

    @property
    def tables(self) -> dict[str, ProtectedTable]:
        return {name: table for s in self.sets.values() for name, table in s.tables.items()}


def protect_union(
    union: LinkedUnion,
    rules: ProtectionRules | None = None,
    *,
    force_suppressed: Iterable[CellKey] = (),
    table_weights: Mapping[str, float] | None = None,
) -> ProtectedUnion:
    """Protect every view of every set at once, audited against the union of all of them.

    One run of protection.suppression over the union's system: every target is audited with
    everything every set shows, so the result is safe for the union by construction. Raises
    UnprotectableError (with union keys) when some number cannot be protected.
    table_weights: view name -> factor (>= 1) on the cost of hiding its numbers (a number shown
    by several views takes the largest); views not named weigh 1.
    """
    rules = rules or ProtectionRules()
    system = union.system
    result = suppress(
        system,
        union.cell_values,
        rules,
        _row_indices(system, force_suppressed),
        weights=row_weights(system, table_weights),
    )
    return _protected_union(union, result.status, rules, result.audits, result.steps)


def union_with_pattern(
    union: LinkedUnion, suppressed: Iterable[CellKey], rules: ProtectionRules | None = None
) -> ProtectedUnion:
    """A suppression pattern chosen elsewhere (by hand, each set on its own) as a ProtectedUnion.

    suppressed: keys of the numbers to hide; a value in 1..T-1 reads '<T', anything else the
    secondary symbol; zeros are refused. Numbers not listed count as shown, even small ones.
    """
    rules = rules or ProtectionRules()
    system = union.system
    values = np.rint(system.published_rows @ union.cell_values).astype(np.int64)
    status = np.full(system.n_published, PUBLISHED, dtype=np.int8)
    for row in _row_indices(system, suppressed):
        if values[row] == 0:
            raise ValueError(f"{system.published_keys[row]} is 0; zeros are always shown")
        status[row] = PRIMARY if rules.is_below_threshold(int(values[row])) else SECONDARY
    return _protected_union(union, status, rules)


def _protected_union(
    union: LinkedUnion,
    status_codes: np.ndarray,
    rules: ProtectionRules,
    audits: int = 0,
    steps: int = 0,
) -> ProtectedUnion:
    system = union.system
    values = np.rint(system.published_rows @ union.cell_values).astype(np.int64)
    shown = np.where(status_codes == PUBLISHED, values, -1)
    hidden_values = np.rint(system.hidden_rows @ union.cell_values).astype(np.int64)
    sensitive_hidden = np.flatnonzero((hidden_values >= 1) & (hidden_values <= rules.threshold - 1))
    protected_sets: dict[str, ProtectedSet] = {}
    for name in union.names:
        linked = union.sets[name]
        own = linked.system
        union_rows = np.array([system.row_of_key[key] for key in own.published_keys], dtype=int)
        status = status_codes[union_rows].copy()
        own_shown = shown[union_rows].copy()
        own_hidden = np.rint(own.hidden_rows @ linked.cell_values).astype(np.int64)
        sensitive = np.flatnonzero((own_hidden >= 1) & (own_hidden <= rules.threshold - 1))
        tables: dict[str, ProtectedTable] = {}
        protected = ProtectedSet(rules, tables, own, status, own_shown, sensitive)
        tables.update(_frames(linked, protected, status, own_shown))
        protected_sets[name] = protected
    return ProtectedUnion(
        rules=rules,
        sets=protected_sets,
        layout=layout_of(union),
        system=system,
        status_codes=status_codes,
        shown_values=shown,
        sensitive_hidden=sensitive_hidden,
        audits=audits,
        steps=steps,
    )


def _audit_system(
    system: AggregateSystem,
    status: np.ndarray,
    shown: np.ndarray,
    sensitive_hidden: np.ndarray,
    rules: ProtectionRules,
    use_display_bounds: bool,
) -> dict[CellKey, Interval]:
    model = AttackerModel(
        system.published_rows,
        status,
        shown,
        rules,
        structural_rows=system.structural_rows,
        use_display_bounds=use_display_bounds,
    )
    published_rows = system.published_rows.tocsr()
    by_row: dict[int, Interval] = {}
    for row in np.flatnonzero(status != PUBLISHED):
        lower, upper, _ = model.interval(published_rows[[row]].toarray().ravel())
        by_row[int(row)] = Interval(lower, upper)
    intervals = {key: by_row[row] for key, row in system.row_of_key.items() if row in by_row}
    hidden_rows = system.hidden_rows.tocsr()
    for row in sensitive_hidden:
        lower, upper, _ = model.interval(hidden_rows[[int(row)]].toarray().ravel())
        intervals[system.hidden_keys[int(row)]] = Interval(lower, upper)
    return intervals


def audit_union(
    protected: ProtectedUnion, *, use_display_bounds: bool = True
) -> dict[CellKey, Interval]:
    """The attacker's interval for every hidden number, knowing everything every set shows.

    Keys: every key of a suppressed published number (a year total shown in several tables and
    sets appears under each of its keys), then the sensitive numbers that are never shown (each
    set's finest cells, keyed '(finest cells) <set>', and single-value views of filtered views)
    with a value in 1..T-1.
    """
    return _audit_system(
        protected.system,
        protected.status_codes,
        protected.shown_values,
        protected.sensitive_hidden,
        protected.rules,
        use_display_bounds,
    )


def audit_union_pattern(
    union: LinkedUnion,
    suppressed: Iterable[CellKey],
    rules: ProtectionRules | None = None,
    *,
    use_display_bounds: bool = True,
) -> dict[CellKey, Interval]:
    """audit_union for a pattern chosen elsewhere (see union_with_pattern)."""
    protected = union_with_pattern(union, suppressed, rules)
    return audit_union(protected, use_display_bounds=use_display_bounds)


JOINT_TABLE = "(joint cells)"


def audit_joint_cells(
    protected: ProtectedUnion,
    records: pd.DataFrame,
    count_column: str = "count",
    *,
    use_display_bounds: bool = True,
) -> dict[CellKey, Interval]:
    """The attacker's interval for every cell of the joint table with a value in 1..T-1.

    A joint cell combines one finest cell of every set (same shared labels): in the dashboard a
    year, ministry group, channel, category, concerns, ground and outcome, the most detailed
    fact about a report. No table shows it; the attacker can only combine the sets. For given
    block tables x_b agreeing on the S-cell total m, the joint cell J can be anything in
    [max(0, sum_b x_b(J_b) - (k-1) m), min_b x_b(J_b)] (the Frechet bounds), so over all that
    the attacker knows:

        lower = max(0, min  sum_b x_b(J_b) - (k-1) m)        one LP
        upper = max  t  subject to  t <= x_b(J_b) for every b    one LP with an extra column

    records: the true counts over every dimension the sets use (needed only to know which
    joint cells hold 1..T-1 reports; for the dashboard etl.queries.finest_cells).
    Keys: CellKey('(joint cells)', labels) with labels in layout.all_dimensions order.
    """
    layout = protected.layout
    dimensions = list(layout.all_dimensions)
    summed = records.groupby(dimensions, as_index=False, observed=True)[count_column].sum()
    threshold = protected.rules.threshold
    sensitive = summed[(summed[count_column] >= 1) & (summed[count_column] <= threshold - 1)]
    system = protected.system
    model = AttackerModel(
        system.published_rows,
        protected.status_codes,
        protected.shown_values,
        protected.rules,
        structural_rows=system.structural_rows,
        use_display_bounds=use_display_bounds,
    )
    k = len(layout.names)
    intervals: dict[CellKey, Interval] = {}
    for labels in sensitive[dimensions].itertuples(index=False, name=None):
        by_dimension = dict(zip(dimensions, labels, strict=True))
        blocks = [layout.cell_index(name, by_dimension) for name in layout.names]
        forms = []
        for cell in blocks:
            form = np.zeros(system.n_cells)
            form[cell] = 1.0
            forms.append(form)
        lowest = np.sum(forms, axis=0)
        if k > 1:
            lowest[layout.shared_fibre(by_dimension)] -= k - 1
        lower = max(model.minimum(lowest), 0.0)
        upper = model.max_of_min(forms)
        intervals[CellKey(JOINT_TABLE, labels)] = Interval(lower, upper)
    return intervals
