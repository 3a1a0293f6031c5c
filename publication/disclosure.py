"""The attacker audit over everything the product shows, as one system, built from the registry
(publication.shown) alone; the gate that every data version passes before its figures are shown.

Domain layer (publication), above shown.py. The attacker knows every row of shown.csv:

    a x = value          for every shown `count` row (its cells: the codes its definition sums)
    1 <= a x <= T-1      for every count shown as '<T'
    a x >= T             for every count shown as the secondary symbol
    a x = 0              for every `has_reports` = 0 row (a missing delivery: no reports)
    a x >= 1             for every `has_reports` = 1 row
    x >= 0

over the finest cells year x ministry group x channel x category x concerns x ground x outcome.
That cube has about a million cells, so the cells are split as protection.union does: the
dimensions every row may use freely (year, concerns) are shared, and the others are joined into
blocks by the rows that combine them (channel and category, and the department x channel of the
statuses, make one block; ground and outcome each another). Blocks are tied by their shared
year x concerns margins; that system gives exactly the attacker's interval for every number that
is a sum within one block (protection.union's module text proves it), and the Frechet bounds over
the blocks give the interval of a finest cell (protection.union.audit_joint_cells).

The universe of a dimension is the codes that shown `count` rows name (the tables list every
category with reports, so a code no table names has none); a dimension that no count row splits
is one category. Leaving out a code only takes points away from the attacker's feasible set, so
an interval computed here is never wider than the attacker's: the audit errs towards failing.

What must hold (a failure otherwise, each named by the row or cell):
- every hidden count row: upper - lower >= W;
- every finest cell and every ministry x channel x year with a true value in 1..T-1 (given the
  true cells): upper - lower >= W;
- no shown count in 1..T-1;
- a rate, share, interval, p-value or case count only where every count it is computed from is
  shown (the count of its own definition; a share also the all-reports total of its year; a
  p-value the counts of both years). Capture-recapture rows are registered, not checked here.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import reduce

import numpy as np
import pandas as pd
from scipy import sparse

from base.reference import ministries
from base.texts import text
from protection.aggregates import PRIMARY, PUBLISHED, SECONDARY
from protection.audit import Interval
from protection.rules import ProtectionRules
from protection.solver import INFINITY, AttackerModel
from protection.tables import TOTAL
from publication import shown, willingness
from publication.derived import DerivedResults
from publication.protected import GROUPED_CHANNELS
from publication.shown import (
    ALL,
    CASES,
    CELL_COLUMN,
    COUNT,
    DELIVERIES,
    DELIVERIES_MISSING,
    DIMENSIONS,
    HAS_REPORTS,
    INTERVAL_LOWER,
    INTERVAL_UPPER,
    MSE_PREFIX,
    P_VALUE,
    RATE,
    RATE_LOWER,
    RATE_UPPER,
    SEPARATOR,
    SHARE,
    ShownNumber,
)

LOG = logging.getLogger("meldingenmonitor.disclosure")
AXES = ("year", *DIMENSIONS)
SHARED = ("year", "concerns_discrimination")
# A status row 'at least one report' (has_reports = 1): 1 <= a x.
AT_LEAST_ONE = 3
# Codes of a dimension that no count row splits, but a status row names: the rest of the
# dimension (every code no status row names) is one more category.
REST = "(rest)"
# Statistics computed from the count of their own definition.
FROM_OWN_COUNT = (RATE, RATE_LOWER, RATE_UPPER, INTERVAL_LOWER, INTERVAL_UPPER, CASES, SHARE)
FINEST = "finest"
COMBINATION = "department_channel_year"

# The tables of the default views (presentation.views.build_overview and the trends page opened
# without filters), for the information loss.
DEFAULT_VIEWS: dict[str, tuple[str, ...]] = {
    "overzicht": (
        "discrimination:total",
        "discrimination:channel",
        "discrimination:concerns",
        "all:total",
    ),
    "trends": ("discrimination:total",),
}


@dataclass(frozen=True)
class Failure:
    """One thing the gate refuses: a row id (or a sensitive cell) and why."""

    id: str
    reason: str  # 'narrow', 'small_shown', 'computed_from_hidden', 'contradiction'
    detail: str = ""


@dataclass
class DisclosureAudit:
    """The audit of one registry.

    intervals: every hidden count row id -> the attacker's [lower, upper].
    sensitive: every finest cell and ministry x channel x year with 1..T-1 reports (when the true
    cells were given) -> its interval; keys (kind, labels).
    information_loss: view -> table -> hidden reports / all reports of the table's year cells.
    """

    rules: ProtectionRules
    intervals: dict[str, Interval]
    sensitive: dict[tuple, Interval]
    failures: list[Failure]
    information_loss: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: float = 0.0
    unmapped_cells: int = 0

    @property
    def passed(self) -> bool:
        return not self.failures

    def reason(self, lang: str = "nl", limit: int = 10) -> str:
        """One text for administrators: how many failed, the first `limit` named."""
        lines = [
            text(
                "audit.failed",
                lang,
                count=len(self.failures),
                width=f"{self.rules.min_interval_width:g}",
            )
        ]
        lines += [f"- {f.reason}: {f.id} {f.detail}".rstrip() for f in self.failures[:limit]]
        if len(self.failures) > limit:
            lines.append(text("audit.more_failures", lang, count=len(self.failures) - limit))
        return "\n".join(lines)


class _RegistryModel(AttackerModel):
    """protection.solver.AttackerModel with one more kind of row: at least one report."""

    def _row_bounds(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lower, upper = super()._row_bounds(rows)
        at_least = self.status[rows] == AT_LEAST_ONE
        return np.where(at_least, 1.0, lower), np.where(at_least, INFINITY, upper)


# --- the attacker's system from the rows --------------------------------------------------------


def _group_of(code: str) -> str:
    return shown.group_of_code().get(code, code)


@functools.cache
def _existing_codes(year: int) -> set[str]:
    return {m.code for m in ministries() if m.exists_in_year(year)}


def _selection(row: ShownNumber, axis: str) -> list[str] | None:
    """The codes a row sums on one axis (ministries as groups, years as text); None for all."""
    if axis == "year":
        return [str(y) for y in shown.years_of(row.year)]
    value = getattr(row, axis)
    if value == ALL:
        return None
    codes = value.split(SEPARATOR)
    if axis == "department":
        return list(dict.fromkeys(_group_of(code) for code in codes))
    return codes


@dataclass
class _Block:
    axes: tuple[str, ...]
    offset: int
    shape: tuple[int, ...]

    @property
    def size(self) -> int:
        return int(np.prod(self.shape))


@dataclass
class _System:
    """The cells (blocks over universes) and the rows of the attacker's system."""

    universe: dict[str, list[str]]
    blocks: list[_Block]
    block_of_axis: dict[str, int]
    n_cells: int

    def mask(self, selection: Mapping[str, Sequence[str] | None], block: int) -> np.ndarray:
        """Cells of one block that a selection (axis -> codes, None = all) covers."""
        spec = self.blocks[block]
        vectors = []
        for axis in spec.axes:
            codes = selection.get(axis)
            universe = self.universe[axis]
            if codes is None:
                vectors.append(np.ones(len(universe), dtype=bool))
            else:
                wanted = set(codes)
                if REST in universe:
                    known = set(universe) - {REST}
                    wanted |= {REST} if any(c not in known for c in codes) else set()
                vectors.append(np.array([code in wanted for code in universe], dtype=bool))
        inner = reduce(np.multiply.outer, vectors) if vectors else np.ones(1, dtype=bool)
        full = np.zeros(self.n_cells, dtype=bool)
        full[spec.offset : spec.offset + spec.size] = np.asarray(inner, dtype=bool).ravel()
        return full

    def block_for(self, axes: Sequence[str]) -> int:
        own = {self.block_of_axis[a] for a in axes if a in self.block_of_axis}
        if len(own) > 1:
            raise ValueError(f"axes {sorted(axes)} lie in different blocks")
        return own.pop() if own else 0

    def restricted_axes(self, selection: Mapping[str, Sequence[str] | None]) -> list[str]:
        """The axes outside the shared ones on which a selection leaves out some cell."""
        found = []
        for axis in AXES:
            if axis in SHARED or len(self.universe[axis]) <= 1:
                continue
            codes = selection.get(axis)
            if codes is not None and not set(self.universe[axis]) <= set(codes):
                found.append(axis)
        return found


def _universes(rows: Sequence[ShownNumber]) -> dict[str, list[str]]:
    named: dict[str, list[str]] = {axis: [] for axis in AXES}
    from_status: dict[str, list[str]] = {axis: [] for axis in AXES}
    for row in rows:
        target = named if row.statistic == COUNT else from_status
        if row.statistic not in (COUNT, HAS_REPORTS):
            continue
        for axis in AXES:
            codes = _selection(row, axis)
            for code in codes or ():
                if code not in target[axis]:
                    target[axis].append(code)
    universe = {}
    for axis in AXES:
        if named[axis]:
            universe[axis] = named[axis]
        elif from_status[axis]:
            universe[axis] = [*from_status[axis], REST]
        else:
            universe[axis] = [ALL]
    universe["year"] = sorted(universe["year"], key=lambda y: (y == ALL, y))
    return universe


def _system(rows: Sequence[ShownNumber], combine: Sequence[Sequence[str]] = ()) -> _System:
    """The blocks: non-shared axes that some row (or `combine`) restricts together share one."""
    universe = _universes(rows)
    parent: dict[str, str] = {}

    def find(axis: str) -> str:
        while parent.setdefault(axis, axis) != axis:
            axis = parent[axis]
        return axis

    def union(axes: Sequence[str]) -> None:
        roots = [find(a) for a in axes]
        for root in roots[1:]:
            parent[root] = roots[0]

    probe = _System(universe, [], {}, 0)
    for row in rows:
        if row.statistic in (COUNT, HAS_REPORTS):
            axes = probe.restricted_axes({a: _selection(row, a) for a in AXES})
            if axes:
                union(axes)
    for axes in combine:
        split = [a for a in axes if a not in SHARED and len(universe[a]) > 1]
        if split:
            union(split)
    components: dict[str, list[str]] = defaultdict(list)
    for axis in AXES:
        if axis in parent:
            components[find(axis)].append(axis)
    groups = list(components.values()) or [[]]
    blocks, block_of_axis, offset = [], {}, 0
    for index, group in enumerate(groups):
        axes = tuple(a for a in AXES if a in SHARED or a in group)
        shape = tuple(len(universe[a]) for a in axes)
        blocks.append(_Block(axes, offset, shape))
        offset += int(np.prod(shape))
        for axis in group:
            block_of_axis[axis] = index
    return _System(universe, blocks, block_of_axis, offset)


def _structural(system: _System) -> sparse.csr_array | None:
    """Every block's year x concerns margins equal the first block's."""
    if len(system.blocks) < 2:
        return None
    rows = []
    shared_cells = [
        dict(zip(SHARED, labels, strict=True))
        for labels in np.ndindex(*(len(system.universe[a]) for a in SHARED))
    ]
    for cell in shared_cells:
        selection = {a: [system.universe[a][i]] for a, i in cell.items()}
        first = system.mask(selection, 0).astype(np.float64)
        for block in range(1, len(system.blocks)):
            rows.append(first - system.mask(selection, block))
    return sparse.csr_array(np.vstack(rows))


@dataclass
class _Rows:
    matrix: sparse.csr_array
    status: np.ndarray
    values: np.ndarray
    ids: list[str]


def _status_rows(rows: Sequence[ShownNumber], system: _System, rules: ProtectionRules) -> _Rows:
    """One LP row per count row, plus the status rows (zeros fixed at group level)."""
    vectors, status, values, ids = [], [], [], []
    below, secondary = rules.below_threshold_text, rules.secondary_text
    zeros: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in rows:
        if row.statistic == HAS_REPORTS:
            if row.value == 0:
                years = shown.years_of(row.year)
                for code in row.department.split(SEPARATOR):
                    for year in years:
                        zeros[(str(year), _group_of(code), row.channel)].add(code)
                continue
            selection = {a: _selection(row, a) for a in AXES}
            kind = AT_LEAST_ONE
        elif row.statistic == COUNT:
            selection = {a: _selection(row, a) for a in AXES}
            if row.value is not None:
                kind = PUBLISHED
            elif row.symbol == below:
                kind = PRIMARY
            elif row.symbol == secondary:
                kind = SECONDARY
            else:
                raise ValueError(f"{row.id}: hidden with an unknown symbol {row.symbol!r}")
        else:
            continue
        block = system.block_for(system.restricted_axes(selection))
        vectors.append(system.mask(selection, block))
        status.append(kind)
        values.append(float(row.value) if kind == PUBLISHED else -1.0)
        ids.append(row.id)
    # A group's cell is known to be empty when every ministry of the group that existed that
    # year delivered nothing for that channel (which ministries existed is public:
    # base.reference). A group or channel no count row names has no reports at all.
    for (year, group, channel), codes in zeros.items():
        if group not in system.universe["department"]:
            continue
        if channel not in system.universe["channel"]:
            continue
        if not {c for c in shown.group_members(group) if c in _existing_codes(int(year))} <= codes:
            continue  # another ministry of the group may have reports
        selection = {"year": [year], "department": [group], "channel": [channel]}
        block = system.block_for(system.restricted_axes(selection))
        vectors.append(system.mask(selection, block))
        status.append(PUBLISHED)
        values.append(0.0)
        ids.append(f"{HAS_REPORTS}|{year}|{group}|{channel}")
    matrix = (
        sparse.csr_array(np.vstack(vectors).astype(np.float64))
        if vectors
        else sparse.csr_array((0, system.n_cells))
    )
    return _Rows(matrix, np.array(status, dtype=np.int8), np.array(values), ids)


# --- the checks ---------------------------------------------------------------------------------


def _computed_from(row: ShownNumber) -> list[str]:
    """The ids of the counts a non-count row is computed from."""
    count = replace(row, statistic=COUNT)
    if row.statistic in (P_VALUE, shown.RATE_P_VALUE, *shown.TREND_STATISTICS):
        # a test over the years of its ';'-list: computed from the count of each of them
        return [replace(count, year=year).id for year in row.year.split(SEPARATOR)]
    if row.statistic == SHARE:
        return [count.id, replace(count, concerns_discrimination=ALL).id]
    if row.statistic in FROM_OWN_COUNT:
        return [count.id]
    if row.statistic.startswith(shown.SURVEY_PREFIX):
        # the published count of each ground named, each shown on its own
        return [replace(count, ground=ground).id for ground in row.ground.split(SEPARATOR)]
    return []


def _delivery_failures(rows: Sequence[ShownNumber]) -> list[Failure]:
    """Dekking's deliveries per year count files, explicit zeros as present: they tell nothing
    about reports as long as every missing one is a has_reports 0 row of its own (a status the
    audit already holds) and they have no place other than Dekking."""
    zeros = Counter(row.year for row in rows if row.statistic == HAS_REPORTS and row.value == 0)
    failures = []
    for row in rows:
        if row.statistic not in (DELIVERIES, DELIVERIES_MISSING):
            continue
        if set(row.where) != {shown.COVERAGE} or row.definition[1:] != (ALL,) * len(DIMENSIONS):
            failures.append(Failure(row.id, "deliveries", "a per-year count of Dekking only"))
        elif row.statistic == DELIVERIES_MISSING and (row.value or 0) > zeros[row.year]:
            failures.append(Failure(row.id, "deliveries", "a missing delivery without its status"))
    return failures


def _willingness_failures(row: ShownNumber, rules: ProtectionRules) -> list[Failure]:
    """The page 'Meldingsbereidheid' computes from published counts only (a hidden cell is never
    used: publication.willingness), so its numbers add nothing to the attacker's system; its own
    counts are of activities, not reporters, except participants: a small group of people is
    shown as '<T'."""
    participants = row.statistic.startswith(willingness.PARTICIPANTS)
    if participants and row.value is not None and rules.is_below_threshold(int(row.value)):
        return [Failure(row.id, "small_shown", f"= {row.value} participants")]
    return []


def _rule_failures(rows: Sequence[ShownNumber], rules: ProtectionRules) -> list[Failure]:
    by_id = {row.id: row for row in rows}
    failures = _delivery_failures(rows)
    for row in rows:
        small = row.statistic == COUNT and row.value is not None
        if small and rules.is_below_threshold(int(row.value)):
            failures.append(Failure(row.id, "small_shown", f"= {row.value}"))
        if row.statistic in (COUNT, HAS_REPORTS, DELIVERIES, DELIVERIES_MISSING):
            continue  # equations or statuses of the LP; deliveries: _delivery_failures
        if row.statistic.startswith(MSE_PREFIX):
            continue
        if row.statistic.startswith(willingness.PREFIX):
            failures.extend(_willingness_failures(row, rules))
            continue
        if row.statistic.startswith(shown.SURVEY_PREFIX) and row.concerns_discrimination == ALL:
            continue  # a published survey figure or a stated assumption: nothing of the register
        if row.value is None:
            continue
        sources = _computed_from(row)
        if not sources:
            failures.append(Failure(row.id, "computed_from_hidden", "unknown statistic"))
        for source in sources:
            if source not in by_id or by_id[source].value is None:
                failures.append(Failure(row.id, "computed_from_hidden", f"needs {source}"))
    return failures


def _label(axis: str, label: object, system: _System) -> str | None:
    """A true label as the universe knows it: itself, ALL (axis not split), REST, or None."""
    universe = system.universe[axis]
    text_label = str(label)
    if universe == [ALL]:
        return ALL
    if text_label in universe:
        return text_label
    return REST if REST in universe else None


def _true_values(cells: pd.DataFrame, system: _System) -> pd.DataFrame | None:
    """The true cells with every label as the universe knows it; None when some label lies
    outside it (then the true cells are no point of the system)."""
    frame = cells.copy()
    for axis, column in CELL_COLUMN.items():
        labels = frame[column].map(lambda label, axis=axis: _label(axis, label, system))
        if labels.isna().any():
            return None
        frame[column] = labels
    return frame


def audit_rows(
    rows: Sequence[ShownNumber],
    rules: ProtectionRules,
    cells: pd.DataFrame | None = None,
    *,
    exact: bool = True,
) -> DisclosureAudit:
    """Audit a registry as one system (see the module text).

    cells: the true finest cells (etl.queries.finest_cells); with them the finest cells and the
    ministry x channel x year combinations with 1..T-1 reports are audited as well.
    exact=False (the gate): a sensitive number that two points known to satisfy everything shown
    (the true cells, earlier optima) already set at least W apart is not solved for; its interval
    is then the range over those points, inside the attacker's. Hidden rows are always exact.
    """
    started = time.perf_counter()
    failures = _rule_failures(rows, rules)
    system = _system(rows, combine=[("department", "channel")])
    lp = _status_rows(rows, system, rules)
    intervals: dict[str, Interval] = {}
    sensitive: dict[tuple, Interval] = {}
    unmapped = 0
    hidden = [i for i, s in enumerate(lp.status) if s in (PRIMARY, SECONDARY)]
    if lp.matrix.shape[0] == 0:
        return DisclosureAudit(rules, {}, {}, failures, seconds=time.perf_counter() - started)
    try:
        model = _RegistryModel(
            lp.matrix, lp.status, lp.values, rules, structural_rows=_structural(system)
        )
        points: list[np.ndarray] = []
        for index in hidden:
            lower, upper, found = model.interval(lp.matrix[[index]].toarray().ravel())
            points.extend(found)
            intervals[lp.ids[index]] = Interval(lower, upper)
        if cells is not None and not cells.empty:
            unmapped = _audit_sensitive(model, system, cells, rules, sensitive, points, exact)
    except RuntimeError as error:  # an infeasible system: the rows contradict each other
        failures.append(Failure("(system)", "contradiction", str(error)))
        return DisclosureAudit(
            rules, intervals, sensitive, failures, seconds=time.perf_counter() - started
        )
    for row_id, interval in intervals.items():
        if not interval.is_at_least(rules.min_interval_width):
            failures.append(Failure(row_id, "narrow", _bounds(interval)))
    for key, interval in sensitive.items():
        if not interval.is_at_least(rules.min_interval_width):
            failures.append(Failure(_key_text(key), "narrow", _bounds(interval)))
    return DisclosureAudit(
        rules,
        intervals,
        sensitive,
        failures,
        seconds=time.perf_counter() - started,
        unmapped_cells=unmapped,
    )


def _bounds(interval: Interval) -> str:
    return f"[{shown.format_value(round(interval.lower, 6))}, {shown.format_value(round(interval.upper, 6))}]"


def _key_text(key: tuple) -> str:
    kind, labels = key
    return f"{kind}|" + "|".join(str(label) for label in labels)


@dataclass(frozen=True)
class _FinestCell:
    """A finest cell with 1..T-1 reports as the attacker's system holds it."""

    mapped: dict[str, str]  # axis -> the code the universe knows its label by (ALL, REST too)
    forms: list[np.ndarray]  # per block: the block's cells that hold it
    # The sum of the forms less (blocks - 1) x the shared margin: its minimum is the Frechet
    # lower bound of the cell.
    lowest: np.ndarray
    coarse: bool  # the attacker cannot tell it from others it lies with: its lower bound is 0


def _small_finest_cells(
    cells: pd.DataFrame, system: _System, rules: ProtectionRules
) -> Iterator[tuple[tuple, _FinestCell | None]]:
    """Every finest cell with 1..T-1 reports: its true labels (CELL_COLUMN's order) and the cell
    in the attacker's system, None where some label lies outside the universe (a code no count
    row names). Its bounds are the caller's: the single-version audit (_audit_sensitive) solves
    them over the system, the audit over versions (version_audit) over the version's pieces."""
    columns = list(CELL_COLUMN.values())
    finest = cells.groupby(columns, as_index=False)["count"].sum()
    finest = finest[finest["count"].between(1, rules.threshold - 1)]
    # An axis no count row splits, or the rest of one: the attacker cannot tell the finest cell
    # from the others it lies with, so it may be 0.
    coarse_axes = {
        axis
        for axis, column in CELL_COLUMN.items()
        if system.universe[axis] == [ALL] and cells[column].nunique() > 1
    }
    k = len(system.blocks)
    for labels in finest[columns].itertuples(index=False, name=None):
        mapped = {
            axis: _label(axis, label, system)
            for axis, label in zip(CELL_COLUMN, labels, strict=True)
        }
        if None in mapped.values():
            yield labels, None
            continue
        selection = {axis: [label] for axis, label in mapped.items()}
        forms = [system.mask(selection, b).astype(np.float64) for b in range(k)]
        lowest = np.sum(forms, axis=0)
        if k > 1:
            shared = {a: selection[a] for a in SHARED}
            lowest -= (k - 1) * system.mask(shared, 0)
        coarse = bool(coarse_axes) or REST in mapped.values()
        yield labels, _FinestCell(mapped, forms, lowest, coarse)


def _audit_sensitive(
    model: AttackerModel,
    system: _System,
    cells: pd.DataFrame,
    rules: ProtectionRules,
    sensitive: dict[tuple, Interval],
    points: Sequence[np.ndarray] = (),
    exact: bool = True,
) -> int:
    """Intervals of the small true numbers no row shows, keyed by their true labels; returns how
    many could not be placed in the system (a code no count row names)."""
    small = (1, rules.threshold - 1)
    unmapped = 0
    # Points known to satisfy everything the attacker knows: the true cells and the optima found
    # so far. Where one of them puts a finest cell's Frechet lower bound at 0, it is 0 without an LP.
    frame = _true_values(cells, system)
    truth = None if frame is None else _point(frame, system)
    points = [*points, *([] if truth is None else [truth])]
    # One ministry's reports in one channel in one year.
    if len(system.universe["department"]) > 1 and len(system.universe["channel"]) > 1:
        columns = ["year", "department_group", "channel"]
        combos = cells.groupby(columns, as_index=False)["count"].sum()
        combos = combos[combos["count"].between(*small)]
        for year, group, channel in combos[columns].itertuples(index=False, name=None):
            labels = [
                _label(a, v, system) for a, v in (("department", group), ("channel", channel))
            ]
            if any(label in (None, REST) for label in labels):
                unmapped += 1
                continue
            selection = {"year": [str(year)], "department": [labels[0]], "channel": [labels[1]]}
            block = system.block_for(system.restricted_axes(selection))
            target = system.mask(selection, block).astype(np.float64)
            if not exact and points:
                support = np.flatnonzero(target)
                values = np.vstack(points)[:, support].sum(axis=1)
                if values.max() - values.min() >= rules.min_interval_width:
                    sensitive[(COMBINATION, (year, group, channel))] = Interval(
                        float(values.min()), float(values.max())
                    )
                    continue
            lower, upper, found = model.interval(target)
            points.extend(found)
            sensitive[(COMBINATION, (year, group, channel))] = Interval(lower, upper)
    # Every finest cell: the Frechet bounds over the blocks (protection.union.audit_joint_cells).
    k = len(system.blocks)
    known = np.vstack(points) if points else np.zeros((0, system.n_cells))
    for labels, cell in _small_finest_cells(cells, system, rules):
        if cell is None:
            unmapped += 1
            continue
        forms, lowest = cell.forms, cell.lowest
        support = np.flatnonzero(lowest)
        if cell.coarse or (len(known) and (known[:, support] @ lowest[support]).min() <= 1e-9):
            lower = 0.0
        else:
            lower = max(model.minimum(lowest), 0.0)
        if not exact and lower == 0.0 and len(known):
            # min over the blocks of the cell at each known point: values the cell can take
            reached = np.min([known[:, np.flatnonzero(form)].sum(axis=1) for form in forms], axis=0)
            if reached.max() >= rules.min_interval_width:
                sensitive[(FINEST, labels)] = Interval(0.0, float(reached.max()))
                continue
        upper = model.max_of_min(forms) if k > 1 else model.interval(forms[0])[1]
        sensitive[(FINEST, labels)] = Interval(lower, upper)
    return unmapped


def _point(frame: pd.DataFrame, system: _System) -> np.ndarray | None:
    """The true cells as a point of the system (every block holds the same reports); None when
    some code lies outside the universe."""
    point = np.zeros(system.n_cells)
    for block in system.blocks:
        codes = []
        for axis in block.axes:
            position = {code: i for i, code in enumerate(system.universe[axis])}
            labels = frame[CELL_COLUMN[axis]].astype(str)
            codes.append(labels.map(position).to_numpy())
        if any(pd.isna(c).any() for c in codes):
            return None
        flat = np.ravel_multi_index([c.astype(np.int64) for c in codes], block.shape)
        point[block.offset : block.offset + block.size] = np.bincount(
            flat, weights=frame["count"].to_numpy(dtype=float), minlength=block.size
        )
    return point


# --- over the derived results -----------------------------------------------------------------


def information_loss(
    results: DerivedResults,
    cells: pd.DataFrame,
    views: Mapping[str, Sequence[str]] = DEFAULT_VIEWS,
    rows: Sequence[ShownNumber] | None = None,
) -> dict[str, dict[str, float]]:
    """Per default view and table: reports in hidden year cells / all reports in its year cells
    (totals left out: they sum the same reports again). rows: the registry, if made already.
    The overview's channel chart may take the letter's grouping instead of the four channels
    (presentation.views.overview_channel_table): that table's loss is listed beside it."""
    ids = shown.table_ids(results)
    rows = {row.id: row for row in (rows or shown.shown_numbers(results))}
    loss: dict[str, dict[str, float]] = {}
    for view, tables in views.items():
        loss[view] = {}
        if view == shown.OVERVIEW and GROUPED_CHANNELS not in tables:
            tables = (*tables, GROUPED_CHANNELS)
        for name in tables:
            if name not in ids:
                continue
            inner = [
                row_id
                for key, row_id in ids[name].items()
                if TOTAL not in key and rows[row_id].year.isdigit()
            ]
            hidden = sum(true_value(rows[i], cells) for i in inner if rows[i].hidden)
            total = sum(true_value(rows[i], cells) for i in inner)
            loss[view][name] = hidden / total if total else 0.0
    return loss


def true_value(row: ShownNumber, cells: pd.DataFrame) -> int:
    """The true value of a count row's definition: the sum of the finest cells it selects."""
    keep = np.ones(len(cells), dtype=bool)
    for axis, column in CELL_COLUMN.items():
        codes = _selection(row, axis)
        if codes is None:
            continue
        keep &= cells[column].astype(str).isin(codes).to_numpy()
    return int(cells.loc[keep, "count"].sum())


def audit_results(
    results: DerivedResults,
    cells: pd.DataFrame,
    rules: ProtectionRules | None = None,
    *,
    exact: bool = True,
) -> tuple[list[ShownNumber], DisclosureAudit]:
    """The registry of one data version and its audit (with the true cells), information loss
    included."""
    rows = shown.shown_numbers(results)
    audit = audit_rows(rows, rules or results.publication.rules, cells, exact=exact)
    audit.information_loss = information_loss(results, cells, rows=rows)
    return rows, audit


def gate(results: DerivedResults, cells: pd.DataFrame, lang: str = "nl") -> str | None:
    """None when everything these results would show passes the audit; else why not (for
    derived.store_failure)."""
    rows = shown.shown_numbers(results)
    audit = audit_rows(rows, results.publication.rules, cells, exact=False)
    if not audit.passed:
        LOG.error("%s", audit.reason("en"))
    else:
        LOG.info(
            "disclosure audit passed: %d numbers, %d hidden, %d small combinations, %.1f s",
            len(rows),
            len(audit.intervals),
            len(audit.sensitive),
            audit.seconds,
        )
    return None if audit.passed else audit.reason(lang)


def audit_frame(audit: DisclosureAudit) -> pd.DataFrame:
    """audit.csv: id, lower, upper for every hidden row."""
    return pd.DataFrame(
        [
            (row_id, shown.format_value(round(i.lower, 6)), shown.format_value(round(i.upper, 6)))
            for row_id, i in audit.intervals.items()
        ],
        columns=["id", "lower", "upper"],
    )
