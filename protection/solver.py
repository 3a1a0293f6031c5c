"""The attacker's LP kept in one HiGHS instance, so that each next target is a warm start.

An audit solves two LPs (min and max) per hidden number over the same constraint matrix: every
published row, with bounds that depend only on its status. Between targets only the objective
changes, and between suppression steps only row bounds are relaxed (a shown value p = [p, p]
becomes [1, T-1] or [T, inf)). The previous optimal basis then stays primal feasible, so the
primal simplex method continues from it in a handful of iterations instead of solving from
scratch: about 20 times faster than a fresh `scipy.optimize.linprog` call per LP, most of which
was model set-up.

HiGHS is reached through `scipy.optimize._highspy._core`, the module that `linprog` itself uses
(scipy is pinned in requirements.txt). Should that private module be missing or change shape, the
model falls back to one `linprog` call per LP: slower, same results (tests compare the two).
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from protection.aggregates import PRIMARY, PUBLISHED, SECONDARY
from protection.rules import ProtectionRules


def linprog(*args, **kwargs):
    """scipy.optimize.linprog, imported on first use (see _highs_core)."""
    from scipy.optimize import linprog as solve

    return solve(*args, **kwargs)


def _highs_core():
    """scipy's HiGHS module if it has what the warm start needs, else None.

    Imported on first use, not with the package: reading a stored publication (the dashboard's
    first page) needs the classes of this package but no solver, and scipy.optimize costs about
    0.2 s to import.
    """
    global _highs_checked, _highs  # noqa: PLW0603 - a cache of one import
    if not _highs_checked:
        _highs_checked = True
        try:  # pragma: no cover - exercised by whichever branch the installed scipy allows
            from scipy.optimize._highspy import _core

            needed = ("_Highs", "HighsLp", "MatrixFormat", "HighsModelStatus")
            _highs = _core if all(hasattr(_core, name) for name in needed) else None
        except ImportError:  # pragma: no cover
            _highs = None
    return _highs


_highs_checked = False
_highs = None

INFINITY = math.inf


class AttackerModel:
    """min / max of a target over what the attacker knows, for many targets in a row.

    Columns: the finest cells, x >= 0; cells under a published zero are fixed at 0.
    Rows: every published row a, with bounds by status:
        published: a x = value;  primary: 1 <= a x <= T-1;  secondary: a x >= T
    (use_display_bounds=False: hidden rows are free, the textbook attacker), and the structural
    rows s (s x = 0, known by construction, such as margins shared by linked sets).

    hide() relaxes rows as suppressions are added; interval() returns (lower, upper) and the two
    optimal points over all cells (None where unbounded), which stay feasible after any later
    hide() because hiding only relaxes.
    """

    def __init__(
        self,
        published_rows: sparse.csr_array,
        status: np.ndarray,
        values: np.ndarray,
        rules: ProtectionRules,
        *,
        structural_rows: sparse.csr_array | None = None,
        use_display_bounds: bool = True,
        warm_start: bool = True,
    ) -> None:
        self.rules = rules
        self.use_display_bounds = use_display_bounds
        self.n_cells = published_rows.shape[1]
        self.status = np.asarray(status, dtype=np.int8).copy()
        self.values = np.asarray(values, dtype=np.float64)
        shown_zero = (self.status == PUBLISHED) & (self.values == 0)
        self.fixed = (
            np.asarray(published_rows[shown_zero].sum(axis=0)).ravel() > 0
            if shown_zero.any()
            else np.zeros(self.n_cells, dtype=bool)
        )
        self.n_published = published_rows.shape[0]
        blocks = [sparse.csr_array(published_rows, dtype=np.float64)]
        if structural_rows is not None and structural_rows.shape[0]:
            blocks.append(sparse.csr_array(structural_rows, dtype=np.float64))
        self.matrix = sparse.vstack(blocks, format="csr")
        self.n_structural = self.matrix.shape[0] - self.n_published
        lower, upper = self._row_bounds(np.arange(self.n_published))
        self.row_lower = np.concatenate([lower, np.zeros(self.n_structural)])
        self.row_upper = np.concatenate([upper, np.zeros(self.n_structural)])
        self.col_upper = np.where(self.fixed, 0.0, INFINITY)
        self.solves = 0
        self._slots = 0  # rows kept for max_of_min (HiGHS only)
        self._highs = None
        if warm_start and _highs_core() is not None:
            self._highs = self._build_highs()

    def _row_bounds(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        threshold = float(self.rules.threshold)
        status = self.status[rows]
        value = self.values[rows]
        lower = np.where(status == PUBLISHED, value, -INFINITY)
        upper = np.where(status == PUBLISHED, value, INFINITY)
        if self.use_display_bounds:
            lower = np.where(status == PRIMARY, 1.0, lower)
            upper = np.where(status == PRIMARY, threshold - 1.0, upper)
            lower = np.where(status == SECONDARY, threshold, lower)
        return lower.astype(np.float64), upper.astype(np.float64)

    def _build_highs(self):
        columns = self.matrix.tocsc()
        columns.sort_indices()
        lp = _highs.HighsLp()
        lp.num_col_ = self.n_cells
        lp.num_row_ = self.matrix.shape[0]
        lp.col_cost_ = np.zeros(self.n_cells)
        lp.col_lower_ = np.zeros(self.n_cells)
        lp.col_upper_ = np.where(self.fixed, 0.0, _highs.kHighsInf)
        lp.row_lower_ = np.where(np.isinf(self.row_lower), -_highs.kHighsInf, self.row_lower)
        lp.row_upper_ = np.where(np.isinf(self.row_upper), _highs.kHighsInf, self.row_upper)
        lp.a_matrix_.format_ = _highs.MatrixFormat.kColwise
        lp.a_matrix_.num_col_ = self.n_cells
        lp.a_matrix_.num_row_ = self.matrix.shape[0]
        lp.a_matrix_.start_ = columns.indptr.astype(np.int32)
        lp.a_matrix_.index_ = columns.indices.astype(np.int32)
        lp.a_matrix_.value_ = columns.data.astype(np.float64)
        highs = _highs._Highs()
        highs.setOptionValue("output_flag", False)
        # Presolve would throw the basis away; primal simplex continues from the last optimum,
        # which stays primal feasible when only the objective changes or rows are relaxed.
        highs.setOptionValue("presolve", "off")
        highs.setOptionValue("simplex_strategy", 4)
        highs.setOptionValue("threads", 1)
        if highs.passModel(lp) == _highs.HighsStatus.kError:
            raise RuntimeError("attacker LP could not be loaded into HiGHS")
        self._columns = np.arange(self.n_cells, dtype=np.int32)
        return highs

    def hide(self, rows, status: int) -> None:
        """Mark published rows as suppressed (PRIMARY or SECONDARY): their bounds are relaxed."""
        rows = np.atleast_1d(np.asarray(rows, dtype=np.int64))
        if len(rows) == 0:
            return
        self.status[rows] = status
        lower, upper = self._row_bounds(rows)
        self.row_lower[rows] = lower
        self.row_upper[rows] = upper
        if self._highs is not None:
            for row, low, high in zip(rows, lower, upper, strict=True):
                self._highs.changeRowBounds(
                    int(row),
                    -_highs.kHighsInf if math.isinf(low) else float(low),
                    _highs.kHighsInf if math.isinf(high) else float(high),
                )

    def interval(self, target: np.ndarray) -> tuple[float, float, list[np.ndarray]]:
        """(lower, upper, optimal points) of target @ x; upper is inf when unbounded."""
        objective = np.asarray(target, dtype=np.float64)
        objective = np.where(self.fixed, 0.0, objective)
        if not objective.any():
            # Every cell of the target is fixed at zero by a published zero.
            return 0.0, 0.0, []
        points = []
        lowest, at = self._optimise(objective)
        if at is not None:
            points.append(at)
        negated, at = self._optimise(-objective)
        if at is not None:
            points.append(at)
        return max(lowest, 0.0), -negated, points

    def minimum(self, objective: np.ndarray) -> float:
        """min objective @ x (-inf when unbounded below)."""
        objective = np.where(self.fixed, 0.0, np.asarray(objective, dtype=np.float64))
        if not objective.any():
            return 0.0
        return self._optimise(objective)[0]

    def max_of_min(self, forms: list[np.ndarray]) -> float:
        """max over the attacker's system of min_i forms[i] @ x (inf when unbounded).

        The LP: maximise t subject to t <= forms[i] @ x for every i. With HiGHS a column t and
        len(forms) rows are kept in the model, their coefficients set per call and cleared after
        (cleared rows read t <= 0 and leave the other LPs unchanged, t having cost 0).
        """
        if not forms:
            raise ValueError("max_of_min needs at least one form")
        forms = [np.where(self.fixed, 0.0, np.asarray(f, dtype=np.float64)) for f in forms]
        self.solves += 1
        if self._highs is not None:
            outcome = self._max_of_min_highs(forms)
            if outcome is not None:
                return outcome
        return self._max_of_min_linprog(forms)

    def _max_of_min_highs(self, forms: list[np.ndarray]) -> float | None:
        highs = self._highs
        t = self.n_cells
        if self._slots < len(forms):
            if not self._slots:
                highs.addCol(0.0, 0.0, _highs.kHighsInf, 0, np.zeros(0, np.int32), np.zeros(0))
            for _ in range(len(forms) - self._slots):
                # t - form @ x <= 0, the form filled in per call
                highs.addRows(
                    1,
                    np.array([-_highs.kHighsInf]),
                    np.array([0.0]),
                    1,
                    np.array([0], np.int32),
                    np.array([t], np.int32),
                    np.array([1.0]),
                )
            self._slots = len(forms)
        first_slot = self.matrix.shape[0]
        # Slots beyond this call's forms repeat the first form (an empty slot would read t <= 0).
        forms = forms + [forms[0]] * (self._slots - len(forms))
        entries = []
        for slot, form in enumerate(forms):
            for cell in np.flatnonzero(form):
                highs.changeCoeff(first_slot + slot, int(cell), -float(form[cell]))
                entries.append((first_slot + slot, int(cell)))
        highs.changeColsCost(self.n_cells, self._columns, np.zeros(self.n_cells))
        highs.changeColCost(t, -1.0)
        try:
            highs.run()
            status = highs.getModelStatus()
            if status == _highs.HighsModelStatus.kOptimal:
                return -float(highs.getInfo().objective_function_value)
            if status == _highs.HighsModelStatus.kUnbounded:
                return INFINITY
            if status == _highs.HighsModelStatus.kInfeasible:
                raise RuntimeError(
                    "attacker LP infeasible: the published numbers contradict each other"
                )
            highs.clearSolver()
            return None
        finally:
            highs.changeColCost(t, 0.0)
            for row, cell in entries:
                highs.changeCoeff(row, cell, 0.0)

    def _max_of_min_linprog(self, forms: list[np.ndarray]) -> float:
        free = ~self.fixed
        matrix = self.matrix[:, np.flatnonzero(free)]
        n = matrix.shape[1]
        equal = self.row_lower == self.row_upper
        above = ~equal & np.isfinite(self.row_lower)
        below = ~equal & np.isfinite(self.row_upper)
        with_t = sparse.hstack([matrix, sparse.csr_array((matrix.shape[0], 1))], format="csr")
        slots = sparse.csr_array(
            np.hstack([-np.vstack([f[free] for f in forms]), np.ones((len(forms), 1))])
        )
        A_ub = sparse.vstack([with_t[np.flatnonzero(below)], -with_t[np.flatnonzero(above)], slots])
        b_ub = np.concatenate([self.row_upper[below], -self.row_lower[above], np.zeros(len(forms))])
        objective = np.zeros(n + 1)
        objective[-1] = -1.0
        result = linprog(
            objective,
            A_ub=A_ub,
            b_ub=b_ub,
            A_eq=with_t[np.flatnonzero(equal)] if equal.any() else None,
            b_eq=self.row_lower[equal] if equal.any() else None,
            bounds=(0, None),
            method="highs",
        )
        if result.status == 2:
            raise RuntimeError(
                "attacker LP infeasible: the published numbers contradict each other"
            )
        if result.status == 3:
            return INFINITY
        if result.status != 0:
            raise RuntimeError(f"attacker LP failed: {result.message}")
        return -float(result.fun)

    def _optimise(self, objective: np.ndarray) -> tuple[float, np.ndarray | None]:
        """(optimum, optimal point); -inf and None when unbounded below."""
        self.solves += 1
        if self._highs is not None:
            outcome = self._optimise_highs(objective)
            if outcome is not None:
                return outcome
        return self._optimise_linprog(objective)

    def _optimise_highs(self, objective: np.ndarray) -> tuple[float, np.ndarray | None] | None:
        highs = self._highs
        highs.changeColsCost(self.n_cells, self._columns, objective)
        highs.run()
        status = highs.getModelStatus()
        if status == _highs.HighsModelStatus.kOptimal:
            point = np.asarray(highs.getSolution().col_value, dtype=np.float64)[: self.n_cells]
            return float(objective @ point), point
        if status == _highs.HighsModelStatus.kUnbounded:
            return -INFINITY, None
        if status == _highs.HighsModelStatus.kInfeasible:
            raise RuntimeError(
                "attacker LP infeasible: the published numbers contradict each other"
            )
        # Anything else (iteration trouble, unbounded-or-infeasible): solve this one afresh.
        highs.clearSolver()
        return None

    def _optimise_linprog(self, objective: np.ndarray) -> tuple[float, np.ndarray | None]:
        free = ~self.fixed
        matrix = self.matrix[:, np.flatnonzero(free)]
        equal = self.row_lower == self.row_upper
        above = ~equal & np.isfinite(self.row_lower)
        below = ~equal & np.isfinite(self.row_upper)
        A_ub = sparse.vstack([matrix[np.flatnonzero(below)], -matrix[np.flatnonzero(above)]])
        b_ub = np.concatenate([self.row_upper[below], -self.row_lower[above]])
        result = linprog(
            objective[free],
            A_ub=A_ub if A_ub.shape[0] else None,
            b_ub=b_ub if A_ub.shape[0] else None,
            A_eq=matrix[np.flatnonzero(equal)] if equal.any() else None,
            b_eq=self.row_lower[equal] if equal.any() else None,
            bounds=(0, None),
            method="highs",
            options={"presolve": False},
        )
        if result.status == 2:
            raise RuntimeError(
                "attacker LP infeasible: the published numbers contradict each other"
            )
        if result.status == 3:
            return -INFINITY, None
        if result.status != 0:
            raise RuntimeError(f"attacker LP failed: {result.message}")
        point = np.zeros(self.n_cells)
        point[free] = result.x
        return float(result.fun), point
