"""Attacker audit: the interval an outsider can derive for a hidden number from everything shown.

The attacker knows, for finest cells x (non-negative; the LP relaxation of integers):

    A_p x = p                    for every shown number p (a published 0 fixes all its cells at 0)
    1 <= a x <= T-1              for every number shown as '<T' (primary)
    a x >= T                     for every number shown as the secondary symbol: zeros are always
                                 shown and 1..T-1 always read '<T', so a hidden-for-others number
                                 is at least T
    s x = 0                      for every structural row (margins linked sets share by
                                 construction; protection.union)
    x >= 0

and for a target row t solves  lower = min t x,  upper = max t x  with HiGHS (two LPs; the
engine and the audits use the warm-started protection.solver.AttackerModel, `attack` below is
the one-off form). The target is protected when upper - lower >= W. Adding a suppression replaces a p = value by
the weaker a x >= T, so intervals only ever widen as suppressions are added: a cell once found
safe stays safe, which is what lets the suppression loop check each cell once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import sparse

from protection.aggregates import PRIMARY, PUBLISHED, SECONDARY
from protection.rules import ProtectionRules


def linprog(*args, **kwargs):
    """scipy.optimize.linprog, imported on first use (see protection.solver._highs_core)."""
    from scipy.optimize import linprog as solve

    return solve(*args, **kwargs)


# Solver noise on counts of at most a few thousand; far below any meaningful width.
WIDTH_TOLERANCE = 1e-6


class Interval(NamedTuple):
    """What the attacker can derive about one number: lower <= value <= upper (upper may be inf)."""

    lower: float
    upper: float

    @property
    def width(self) -> float:
        return self.upper - self.lower

    def is_at_least(self, min_width: float) -> bool:
        return self.width >= min_width - WIDTH_TOLERANCE


@dataclass(frozen=True, eq=False)
class AttackerKnowledge:
    """The attacker's linear system, with cells fixed at zero by published zeros removed.

    free_cells: indices of the finest cells not fixed at 0 (the LP's columns).
    equalities (A_eq, b_eq) and inequalities (A_ub x <= b_ub) are over those columns only.
    """

    free_cells: np.ndarray
    A_eq: sparse.csr_array | None
    b_eq: np.ndarray | None
    A_ub: sparse.csr_array | None
    b_ub: np.ndarray | None

    def restrict(self, target: np.ndarray) -> np.ndarray:
        """A dense target row over all finest cells, restricted to the LP's columns."""
        return np.asarray(target, dtype=np.float64)[self.free_cells]


def zero_fixed_cells(
    published_rows: sparse.csr_array, status: np.ndarray, values: np.ndarray
) -> np.ndarray:
    """Boolean mask of finest cells that a published zero forces to 0 (since x >= 0)."""
    shown_zero = (status == PUBLISHED) & (values == 0)
    if not shown_zero.any():
        return np.zeros(published_rows.shape[1], dtype=bool)
    return np.asarray(published_rows[shown_zero].sum(axis=0)).ravel() > 0


def attacker_knowledge(
    published_rows: sparse.csr_array,
    status: np.ndarray,
    values: np.ndarray,
    rules: ProtectionRules,
    *,
    use_display_bounds: bool = True,
    structural_rows: sparse.csr_array | None = None,
) -> AttackerKnowledge:
    """Build the attacker's LP from statuses and the values that are shown.

    values is only read where status == PUBLISHED. use_display_bounds=False drops what the
    symbols themselves reveal ('<T' means 1..T-1, the secondary symbol means >= T): the weaker
    attacker of the textbook audit, kept to show that a leak is structural. structural_rows:
    rows s with s x = 0 known by construction (margins shared by linked sets).
    """
    status = np.asarray(status)
    fixed = zero_fixed_cells(published_rows, status, values)
    free_cells = np.flatnonzero(~fixed)
    rows = published_rows[:, free_cells]

    shown = np.flatnonzero((status == PUBLISHED) & (values > 0))
    equalities = [rows[shown]] if len(shown) else []
    targets = [values[shown].astype(np.float64)] if len(shown) else []
    if structural_rows is not None and structural_rows.shape[0]:
        equalities.append(sparse.csr_array(structural_rows[:, free_cells], dtype=np.float64))
        targets.append(np.zeros(structural_rows.shape[0]))
    A_eq = sparse.vstack(equalities, format="csr") if equalities else None
    b_eq = np.concatenate(targets) if targets else None

    if not use_display_bounds:
        return AttackerKnowledge(free_cells, A_eq, b_eq, None, None)
    primary = np.flatnonzero(status == PRIMARY)
    secondary = np.flatnonzero(status == SECONDARY)
    threshold = rules.threshold
    blocks = [rows[primary], -rows[primary], -rows[secondary]]
    bounds = [
        np.full(len(primary), threshold - 1.0),
        np.full(len(primary), -1.0),
        np.full(len(secondary), -float(threshold)),
    ]
    if len(primary) + len(secondary) == 0:
        return AttackerKnowledge(free_cells, A_eq, b_eq, None, None)
    return AttackerKnowledge(
        free_cells=free_cells,
        A_eq=A_eq,
        b_eq=b_eq,
        A_ub=sparse.vstack(blocks, format="csr"),
        b_ub=np.concatenate(bounds),
    )


def _optimise(
    knowledge: AttackerKnowledge, objective: np.ndarray
) -> tuple[int, float, np.ndarray | None]:
    """(status, optimum, optimal point); status 3 is unbounded."""
    result = linprog(
        objective,
        A_ub=knowledge.A_ub,
        b_ub=knowledge.b_ub,
        A_eq=knowledge.A_eq,
        b_eq=knowledge.b_eq,
        bounds=(0, None),
        method="highs",
        # Presolve costs more than it saves on LPs of a few hundred rows (about a third).
        options={"presolve": False},
    )
    if result.status == 2:
        raise RuntimeError("attacker LP infeasible: the published numbers contradict each other")
    if result.status not in (0, 3):
        raise RuntimeError(f"attacker LP failed: {result.message}")
    if result.status == 3:
        return 3, -math.inf, None
    return 0, result.fun, result.x


def attack(
    knowledge: AttackerKnowledge, target: np.ndarray, points: FeasiblePoints | None = None
) -> Interval:
    """[min, max] of target @ x over everything the attacker knows (two HiGHS LPs).

    points: if given, the optimal solutions are added to it for later quick checks.
    """
    objective = knowledge.restrict(target)
    if not objective.any():
        # Every cell of the target is fixed at zero by a published zero.
        return Interval(0.0, 0.0)
    _, lowest, lowest_at = _optimise(knowledge, objective)
    status, negated_highest, highest_at = _optimise(knowledge, -objective)
    highest = math.inf if status == 3 else -negated_highest
    if points is not None:
        points.add(lowest_at)
        points.add(highest_at)
    return Interval(max(lowest, 0.0), highest)


class FeasiblePoints:
    """Points known to satisfy the attacker's system, to skip LPs for targets that are wide.

    If two known feasible points give a target values at least W apart, its interval is at
    least W wide without solving anything. Adding suppressions only relaxes the system, so
    points stay feasible for the rest of a protection run; the published zeros (and so the
    LP's columns) never change within a run.
    """

    def __init__(self, free_cells: np.ndarray) -> None:
        self.free_cells = np.asarray(free_cells)
        self._buffer = np.zeros((16, len(self.free_cells)), dtype=np.float64)
        self._count = 0

    def add(self, point: np.ndarray | None) -> None:
        if point is None:
            return
        if self._count == len(self._buffer):
            grown = np.zeros((2 * len(self._buffer), self._buffer.shape[1]), dtype=np.float64)
            grown[: self._count] = self._buffer
            self._buffer = grown
        self._buffer[self._count] = np.asarray(point, dtype=np.float64)
        self._count += 1

    def add_full(self, cells: np.ndarray) -> None:
        """Add a point given over all finest cells (such as the true counts)."""
        self.add(np.asarray(cells, dtype=np.float64)[self.free_cells])

    def spread(self, target: np.ndarray) -> float:
        """max - min of target over the known points (0 when fewer than two)."""
        if self._count < 2:
            return 0.0
        weights = np.asarray(target, dtype=np.float64)[self.free_cells]
        support = np.flatnonzero(weights)
        values = self._buffer[: self._count, support] @ weights[support]
        return float(values.max() - values.min())
