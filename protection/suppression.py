"""Primary and audit-driven secondary suppression over an AggregateSystem (no pandas here).

Primary: every published number with a value in 1..T-1 is suppressed.

Secondary, driven by the attacker audit (protection.audit):

    queue = primary (and forced) suppressions in position order, then the sensitive hidden
            numbers (value in 1..T-1 but never shown)
    for each target in the queue:
        while audit(target).width < W:
            choose extra suppressions by the cost rule below, suppress them, append them to queue
            (re-audit the target)

Cost rule. The candidates are the shown non-zero numbers (all >= T; zeros are never
suppressed). One small LP finds two solutions u, v that agree with everything that would still
be shown and with what the symbols reveal, and that move the target apart by W:

    minimise   sum_e cost_e * s_e,         cost_e = weight_e * value_e + 1e-3 * position_e / m
    subject to |a_e u - value_e| <= s_e,  |a_e v - value_e| <= s_e,  a_e u >= T, a_e v >= T
               1 <= a u, a v <= T-1 (primary), a u, a v >= T (secondary)
               t u - t v >= W,   u, v >= 0,  u = v = 0 on cells fixed by a published zero
               s u = s v = 0 for every structural row (margins linked sets share)

and every candidate with s_e > 0 is suppressed: the smallest values first, ties broken by
position. weight_e is 1 unless the caller weighs some views more (protection.tables.row_weights:
the tables most readers see, so that partners come from the others where they protect as well). After that u and v are feasible for the attacker, so the target's interval is at
least W wide by construction; the audit re-checks it. If the LP is infeasible, no set of extra
suppressions can protect the target (this happens only through what '<T' reveals, e.g. four
cells of 1 under a total of 4): UnprotectableError, and the caller must merge categories.

In a union of linked sets (protection.union) the step first solves the LP with u and v free only
inside the target's own set and the margins it shares with the other sets kept at their true
values (the other sets then keep their true counts, so u and v satisfy the whole union); only if
that is infeasible is the LP over the whole union solved.

Suppressions only ever relax the attacker's system, so a target once found safe stays safe and
each target is audited until it passes, never revisited. For the same reason every optimal point
of an earlier attacker LP stays feasible: a target that two such points (or the true counts)
already spread by W is safe without solving its LPs. The attacker LP itself is kept in one
HiGHS instance for the whole run (protection.solver): suppressions only relax its row bounds.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from protection.aggregates import PRIMARY, PUBLISHED, SECONDARY, AggregateSystem, CellKey
from protection.audit import WIDTH_TOLERANCE, FeasiblePoints, Interval, zero_fixed_cells
from protection.rules import ProtectionRules
from protection.solver import AttackerModel


def linprog(*args, **kwargs):
    """scipy.optimize.linprog, imported on first use (see protection.solver._highs_core)."""
    from scipy.optimize import linprog as solve

    return solve(*args, **kwargs)


# An s_e below this is solver noise, not a perturbation that the solution relies on.
PERTURBATION_TOLERANCE = 1e-6
# Only breaks ties between equal values; a position can never outweigh one count.
POSITION_TIE_BREAK = 1e-3


class UnprotectableError(ValueError):
    """Some number cannot be protected by suppression alone; categories must be merged."""

    text_key = "protection.unprotectable"

    def __init__(self, keys: list[CellKey]) -> None:
        self.keys = keys
        listed = ", ".join(str(tuple(key)) for key in keys)
        super().__init__(
            f"cannot protect {listed}: even with every shown non-zero number suppressed, what "
            "the '<T' symbols reveal pins it down; merge small categories (group_small_units) "
            "or periods and protect again"
        )


@dataclass(frozen=True, eq=False)
class SuppressionResult:
    """Statuses of the published numbers and which hidden numbers had to be checked."""

    status: np.ndarray  # per published row: PUBLISHED / PRIMARY / SECONDARY
    sensitive_hidden: np.ndarray  # indices of hidden rows with a value in 1..T-1
    audits: int  # number of targets audited (two LPs each), for the performance notes
    steps: int  # number of cost-rule LPs solved


def primary_status(values: np.ndarray, rules: ProtectionRules) -> np.ndarray:
    """PRIMARY where 1 <= value <= T-1, PUBLISHED elsewhere (zeros are shown)."""
    below = (values >= 1) & (values <= rules.threshold - 1)
    return np.where(below, PRIMARY, PUBLISHED).astype(np.int8)


def _row(matrix: sparse.csr_array, index: int) -> np.ndarray:
    return matrix[[index]].toarray().ravel()


def _choose_extra_suppressions(
    system: AggregateSystem,
    values: np.ndarray,
    status: np.ndarray,
    target: np.ndarray,
    rules: ProtectionRules,
    scope: _Scope | None = None,
    weights: np.ndarray | None = None,
) -> np.ndarray | None:
    """Rows to suppress so that the target can move by W; None if no choice can do it.

    scope: let u and v differ from the true counts only on these cells, keeping the given sums
    over them at their true values (a block of a union with its shared margins fixed); rows
    outside the scope keep their true values and are not candidates. Without a scope u and v
    range over all cells. weights: per published row, the factor on its value in the cost (None:
    all 1).
    """
    threshold = float(rules.threshold)
    fixed = zero_fixed_cells(system.published_rows, status, values)
    if scope is None:
        free_cells = np.flatnonzero(~fixed)
        in_scope = np.arange(system.n_published)
    else:
        free_cells = scope.cells[~fixed[scope.cells]]
        in_scope = scope.rows
    rows = system.published_rows[in_scope][:, free_cells]
    n = len(free_cells)

    scoped_status = status[in_scope]
    scoped_values = values[in_scope]
    local_candidates = np.flatnonzero((scoped_status == PUBLISHED) & (scoped_values > 0))
    candidates = in_scope[local_candidates]
    primary = np.flatnonzero(scoped_status == PRIMARY)
    secondary = np.flatnonzero(scoped_status == SECONDARY)
    k = len(candidates)

    def both(block: sparse.csr_array) -> list[sparse.csr_array]:
        """The same constraint on u and on v, as rows over [u, v, s]."""
        empty = sparse.csr_array((block.shape[0], n))
        no_slack = sparse.csr_array((block.shape[0], k))
        return [
            sparse.hstack([block, empty, no_slack], format="csr"),
            sparse.hstack([empty, block, no_slack], format="csr"),
        ]

    blocks: list[sparse.csr_array] = []
    bounds: list[np.ndarray] = []
    if k:
        cand_rows = rows[local_candidates]
        minus_slack = -sparse.identity(k, format="csr")
        empty = sparse.csr_array((k, n))
        for sign in (1.0, -1.0):
            blocks.append(sparse.hstack([sign * cand_rows, empty, minus_slack], format="csr"))
            blocks.append(sparse.hstack([empty, sign * cand_rows, minus_slack], format="csr"))
            bounds += [sign * values[candidates].astype(float)] * 2
        # Once hidden, a candidate is read as >= T by the attacker; the solutions must respect it.
        blocks += both(-cand_rows)
        bounds += [np.full(k, -threshold)] * 2
    if len(primary):
        blocks += both(rows[primary]) + both(-rows[primary])
        bounds += [np.full(len(primary), threshold - 1)] * 2 + [np.full(len(primary), -1.0)] * 2
    if len(secondary):
        blocks += both(-rows[secondary])
        bounds += [np.full(len(secondary), -threshold)] * 2
    target_free = target[free_cells]
    blocks.append(
        sparse.hstack(
            [
                sparse.csr_array(-target_free[None, :]),
                sparse.csr_array(target_free[None, :]),
                sparse.csr_array((1, k)),
            ],
            format="csr",
        )
    )
    bounds.append(np.array([-rules.min_interval_width]))

    positions = candidates / max(system.n_published, 1)
    value_cost = values[candidates] * (1.0 if weights is None else weights[candidates])
    cost = np.concatenate([np.zeros(2 * n), value_cost + POSITION_TIE_BREAK * positions])
    equalities: list[sparse.csr_array] = []
    sums: list[np.ndarray] = []
    if scope is not None:
        # The sums tying this block to the others stay at their true values.
        kept = sparse.csr_array(scope.sums[:, free_cells], dtype=np.float64)
        equalities += both(kept)
        sums += [scope.sum_values] * 2
    elif system.structural_rows is not None and system.structural_rows.shape[0]:
        # What is known by construction holds for both solutions.
        structural = sparse.csr_array(system.structural_rows[:, free_cells], dtype=np.float64)
        equalities += both(structural)
        sums += [np.zeros(structural.shape[0])] * 2
    result = linprog(
        cost,
        A_ub=sparse.vstack(blocks, format="csr"),
        b_ub=np.concatenate(bounds),
        A_eq=sparse.vstack(equalities, format="csr") if equalities else None,
        b_eq=np.concatenate(sums) if sums else None,
        bounds=(0, None),
        method="highs",
        options={"presolve": False},
    )
    if result.status == 2:
        return None
    if result.status != 0:
        raise RuntimeError(f"suppression LP failed: {result.message}")
    slack = result.x[2 * n :]
    chosen = candidates[slack > PERTURBATION_TOLERANCE]
    if len(chosen) == 0 and k:
        # Numerically tiny perturbations only: take the largest so that each step makes progress.
        chosen = candidates[[int(np.argmax(slack))]]
    return chosen


@dataclass(frozen=True, eq=False)
class _Scope:
    """One block of a union: its cells, the published rows inside it, the sums tying it to the
    other blocks (the block's parts of the structural rows) and their true values."""

    cells: np.ndarray
    rows: np.ndarray
    sums: sparse.csr_array
    sum_values: np.ndarray


def _block_scopes(system: AggregateSystem, cell_values: np.ndarray) -> list[_Scope]:
    """The blocks of a union system, each with what ties it to the others (empty if no blocks)."""
    if not system.blocks or system.structural_rows is None:
        return []
    rows = system.published_rows.tocsr()
    first_cell = np.array(
        [
            rows.indices[rows.indptr[i]] if rows.indptr[i + 1] > rows.indptr[i] else -1
            for i in range(system.n_published)
        ]
    )
    scopes = []
    structural = sparse.csc_array(system.structural_rows)
    for start, stop in system.blocks:
        cells = np.arange(start, stop)
        inside = np.flatnonzero((first_cell >= start) & (first_cell < stop))
        part = abs(sparse.csr_array(structural[:, start:stop]))
        part = part[np.flatnonzero(part.sum(axis=1) > 0)]
        widened = sparse.csr_array(
            (part.data, part.indices + start, part.indptr), shape=(part.shape[0], system.n_cells)
        )
        scopes.append(_Scope(cells, inside, widened, widened @ cell_values.astype(np.float64)))
    return scopes


def _scope_of(scopes: list[_Scope], target: np.ndarray) -> _Scope | None:
    support = np.flatnonzero(target)
    for scope in scopes:
        if len(support) and scope.cells[0] <= support[0] and support[-1] <= scope.cells[-1]:
            return scope
    return None


def suppress(
    system: AggregateSystem,
    cell_values: np.ndarray,
    rules: ProtectionRules,
    forced: Iterable[int] = (),
    *,
    warm_start: bool = True,
    weights: np.ndarray | None = None,
) -> SuppressionResult:
    """Primary suppression, then audit-driven secondary suppression until every target is safe.

    forced: published row indices to hide regardless (for instance a caller's own extra
    caution); they are treated as secondary and protected like any other hidden number.
    warm_start=False solves every attacker LP afresh with linprog (for comparison in tests).
    weights: per published row, a factor (>= 1) on its value in the cost rule, so that numbers
    readers see first (the default views) are hidden only where cheaper ones cannot do.
    """
    cell_values = np.asarray(cell_values, dtype=np.int64)
    if (cell_values < 0).any():
        raise ValueError("counts must be non-negative")
    values = np.rint(system.published_rows @ cell_values).astype(np.int64)
    status = primary_status(values, rules)
    for row in sorted(set(forced)):
        if values[row] == 0:
            raise ValueError(f"{system.published_keys[row]} is 0; zeros are always shown")
        if status[row] == PUBLISHED:
            status[row] = SECONDARY

    hidden_values = np.rint(system.hidden_rows @ cell_values).astype(np.int64)
    sensitive_hidden = np.flatnonzero((hidden_values >= 1) & (hidden_values <= rules.threshold - 1))

    queue: deque[tuple[str, int]] = deque(("published", int(row)) for row in np.flatnonzero(status))
    queue.extend(("hidden", int(row)) for row in sensitive_hidden)
    audits = steps = 0
    unprotectable: list[CellKey] = []
    # The true counts satisfy everything the attacker knows, at every stage.
    points = FeasiblePoints(np.arange(system.n_cells))
    points.add_full(cell_values)
    scopes = _block_scopes(system, cell_values)
    # One attacker LP for the whole run: suppressions only relax its row bounds (warm starts).
    model = AttackerModel(
        system.published_rows,
        status,
        values,
        rules,
        structural_rows=system.structural_rows,
        warm_start=warm_start,
    )
    while queue:
        kind, index = queue.popleft()
        if kind == "published":
            target, key = _row(system.published_rows, index), system.published_keys[index]
        else:
            target, key = _row(system.hidden_rows, index), system.hidden_keys[index]
        while True:
            if points.spread(target) >= rules.min_interval_width + WIDTH_TOLERANCE:
                break
            lower, upper, found = model.interval(target)
            for point in found:
                points.add_full(point)
            audits += 1
            if Interval(lower, upper).is_at_least(rules.min_interval_width):
                break
            scope = _scope_of(scopes, target)
            chosen = None
            if scope is not None:
                # Cheap first: change only the target's own block, shared margins kept.
                chosen = _choose_extra_suppressions(
                    system, values, status, target, rules, scope, weights
                )
                steps += 1
            if chosen is None:
                chosen = _choose_extra_suppressions(
                    system, values, status, target, rules, weights=weights
                )
                steps += 1
            if chosen is None or len(chosen) == 0:
                unprotectable.append(key)
                break
            for row in chosen:
                status[row] = SECONDARY
                queue.append(("published", int(row)))
            model.hide(chosen, SECONDARY)
    if unprotectable:
        raise UnprotectableError(unprotectable)
    return SuppressionResult(status, sensitive_hidden, audits, steps)
