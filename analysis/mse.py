"""Multiple systems estimation: deduplicated capture-history table in, estimated total cases out."""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize, stats
from scipy.special import gammaln

from base.texts import text as translate

COUNT_COLUMN = "count"
DEFAULT_PTHRESH = 0.02
DEFAULT_LEVEL = 0.95
# 2^(t choose 2) models: 8 for 3 lists, 64 for 4, 1024 for 5, 32768 for 6.
MAX_LISTS_FOR_EXHAUSTIVE_SEARCH = 5
SELECTION_METHODS = ("independence", "saturated", "stepwise", "aic", "bic")
INTERVAL_METHODS = ("profile", "lognormal", "bca")


Pair = tuple[int, int]


def interval_note_text(code: str, lang: str = "nl") -> str:
    """The sentence for an interval note code (base.texts, keys 'mse.interval_note.*')."""
    return translate(f"mse.interval_note.{code}", lang)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class CaptureTableError(ValueError):
    """A capture-history table that cannot be used, with where the problem is.

    `code` names the problem (a key of the message templates), `source` the file, `line` the
    1-based line in the file (the header is line 1) or for a DataFrame the row label, `column`
    the column name. `message(lang)` gives the text in Dutch ("nl") or English ("en").
    """

    def __init__(
        self,
        code: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: str | None = None,
        **details: object,
    ) -> None:
        self.code = code
        self.source = source
        self.line = line
        self.column = column
        self.details = details
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        words = {
            "en": ("file", "line", "column"),
            "nl": ("bestand", "regel", "kolom"),
        }[lang]
        where = []
        if self.source is not None:
            where.append(f"{words[0]} {self.source}")
        if self.line is not None:
            where.append(f"{words[1]} {self.line}")
        if self.column is not None:
            where.append(f"{words[2]} '{self.column}'")
        text = translate(f"mse.table_error.{self.code}", lang, **self.details)
        return f"{', '.join(where)}: {text}" if where else text


class NotEstimableError(ValueError):
    """The requested estimate does not exist for these data; `verdict` says why when known."""

    def __init__(self, message: str, verdict: EstimabilityVerdict | None = None) -> None:
        self.verdict = verdict
        super().__init__(message)


# --------------------------------------------------------------------------------------------
# The capture-history table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class CaptureTable:
    """Counts for every observable capture history of t lists.

    list_names: the lists (registration channels), in column order.
    histories: int array (2^t - 1, t); row k is a history of 0/1 per list. The all-zero history
        (on no list) is never a row: it is what the estimate is about.
    counts: int array (2^t - 1,); number of cases with each history, zero where none was seen.
    """

    list_names: tuple[str, ...]
    histories: np.ndarray
    counts: np.ndarray

    @property
    def n_lists(self) -> int:
        return len(self.list_names)

    @property
    def n_observed(self) -> int:
        return int(self.counts.sum())

    def overlap(self, first: int, second: int) -> int:
        """Number of cases on both lists, whatever their other lists."""
        on_both = self.histories[:, first] * self.histories[:, second]
        return int((self.counts * on_both).sum())

    def list_totals(self) -> np.ndarray:
        return self.histories.T @ self.counts

    def with_counts(self, counts: np.ndarray) -> CaptureTable:
        return CaptureTable(self.list_names, self.histories, np.asarray(counts, dtype=np.int64))

    def to_frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.histories, columns=list(self.list_names))
        frame[COUNT_COLUMN] = self.counts
        return frame


def _all_histories(n_lists: int) -> np.ndarray:
    # Ordered by number of lists, then lexicographically, as SparseMSE's tidylists orders them.
    rows = [h for h in itertools.product((0, 1), repeat=n_lists) if any(h)]
    rows.sort(key=lambda h: (sum(h), tuple(-v for v in h)))
    return np.array(rows, dtype=np.int64)


def _valid_list_names(names: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if not name or ":" in name or "," in name or name in seen:
            raise CaptureTableError("bad_list_name", column=name, value=name)
        seen.add(name)


def _table_from_rows(
    list_names: Sequence[str],
    rows: Iterable[tuple[tuple[int, ...], int, object]],
    source: str | None,
) -> CaptureTable:
    """Sum counts per history; rows are (history, count, line-or-label for messages)."""
    histories = _all_histories(len(list_names))
    index = {tuple(int(v) for v in h): k for k, h in enumerate(histories)}
    counts = np.zeros(len(histories), dtype=np.int64)
    for history, count, where in rows:
        if not any(history):
            if count > 0:
                raise CaptureTableError(
                    "all_zero_history", source=source, line=where, column=COUNT_COLUMN, value=count
                )
            continue
        counts[index[history]] += count
    if counts.sum() == 0:
        raise CaptureTableError("no_cases", source=source)
    return CaptureTable(tuple(list_names), histories, counts)


def capture_table(frame: pd.DataFrame, count_column: str = COUNT_COLUMN) -> CaptureTable:
    """Validate a DataFrame (one 0/1 column per list plus the count column) into a CaptureTable.

    Rows with the same history are summed; histories that do not appear get count zero. Errors
    name the row label and column.
    """
    if frame.shape[0] == 0:
        raise CaptureTableError("empty")
    columns = [str(c) for c in frame.columns]
    if count_column not in columns:
        raise CaptureTableError(
            "no_count_column", count=count_column, columns=", ".join(columns) or "-"
        )
    list_names = [c for c in columns if c != count_column]
    if len(list_names) < 2:
        raise CaptureTableError("too_few_lists", count=count_column, found=len(list_names))
    _valid_list_names(list_names)
    frame = frame.set_axis(columns, axis=1)

    rows = []
    for label, record in frame.iterrows():
        history = []
        for name in list_names:
            value = record[name]
            if not _is_number(value) or value not in (0, 1):
                raise CaptureTableError("not_binary", line=label, column=name, value=value)
            history.append(int(value))
        count = record[count_column]
        if not _is_number(count) or count < 0 or count != int(count):
            raise CaptureTableError("bad_count", line=label, column=count_column, value=count)
        rows.append((tuple(history), int(count), label))
    return _table_from_rows(list_names, rows, source=None)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not (
        isinstance(value, (float, np.floating)) and math.isnan(value)
    )


_WHOLE_NUMBER = re.compile(r"^\d+$")


def read_capture_table(path: str | Path, count_column: str = COUNT_COLUMN) -> CaptureTable:
    """Read a capture-history CSV (comma or semicolon separated), reporting file, line, column.

    The file is parsed by hand rather than with pandas so that every complaint can point at the
    line in the file that an analyst would open.
    """
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CaptureTableError("unreadable", source=source, detail=str(error)) from None

    lines = text.splitlines()
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        raise CaptureTableError("empty", source=source)
    header_line = numbered[0][1]
    # Dutch spreadsheet exports use semicolons because the comma is the decimal separator.
    delimiter = ";" if ";" in header_line and "," not in header_line else ","

    parsed = [
        (number, [field.strip() for field in next(csv.reader([line], delimiter=delimiter))])
        for number, line in numbered
    ]
    header_number, header = parsed[0]
    if count_column not in header:
        raise CaptureTableError(
            "no_count_column",
            source=source,
            line=header_number,
            count=count_column,
            columns=", ".join(header) or "-",
        )
    list_names = [name for name in header if name != count_column]
    if len(list_names) < 2:
        raise CaptureTableError(
            "too_few_lists",
            source=source,
            line=header_number,
            count=count_column,
            found=len(list_names),
        )
    try:
        _valid_list_names(list_names)
    except CaptureTableError as error:
        raise CaptureTableError(
            "bad_list_name",
            source=source,
            line=header_number,
            column=error.column,
            value=error.column,
        ) from None

    if len(parsed) == 1:
        raise CaptureTableError("empty", source=source)
    rows = []
    for number, fields in parsed[1:]:
        if len(fields) != len(header):
            raise CaptureTableError(
                "wrong_field_count",
                source=source,
                line=number,
                expected=len(header),
                found=len(fields),
            )
        record = dict(zip(header, fields, strict=True))
        history = []
        for name in list_names:
            if record[name] not in ("0", "1"):
                raise CaptureTableError(
                    "not_binary", source=source, line=number, column=name, value=record[name]
                )
            history.append(int(record[name]))
        if not _WHOLE_NUMBER.match(record[count_column]):
            raise CaptureTableError(
                "bad_count",
                source=source,
                line=number,
                column=count_column,
                value=record[count_column],
            )
        rows.append((tuple(history), int(record[count_column]), number))
    return _table_from_rows(list_names, rows, source=source)


# --------------------------------------------------------------------------------------------
# Models: which two-way interactions
# --------------------------------------------------------------------------------------------


def all_pairs(n_lists: int) -> tuple[Pair, ...]:
    return tuple(itertools.combinations(range(n_lists), 2))


def parse_interactions(
    spec: str | Iterable[Pair | tuple[str, str]], list_names: Sequence[str]
) -> tuple[Pair, ...]:
    """Turn "A:B,B:C" (or pairs of names or indices) into sorted index pairs.

    "independence" or "" means no interactions; "saturated" means every two-way interaction.
    """
    names = list(list_names)
    if isinstance(spec, str):
        text = spec.strip()
        if text.lower() in ("", "independence"):
            return ()
        if text.lower() == "saturated":
            return all_pairs(len(names))
        raw = []
        for term in text.split(","):
            parts = [p.strip() for p in term.split(":")]
            if len(parts) != 2 or not all(parts):
                raise ValueError(
                    f"interaction {term.strip()!r} is not of the form LIST:LIST (e.g. A:B)"
                )
            raw.append(tuple(parts))
    else:
        raw = list(spec)
    pairs = set()
    for first, second in raw:
        indices = []
        for item in (first, second):
            if isinstance(item, (int, np.integer)):
                if not 0 <= item < len(names):
                    raise ValueError(f"list number {item} is out of range")
                indices.append(int(item))
            elif item in names:
                indices.append(names.index(item))
            else:
                raise ValueError(f"unknown list {item!r} in interaction; lists are {names}")
        if indices[0] == indices[1]:
            raise ValueError(f"an interaction needs two different lists, got {first}:{second}")
        pairs.add((min(indices), max(indices)))
    return tuple(sorted(pairs))


def format_interactions(pairs: Sequence[Pair], list_names: Sequence[str]) -> str:
    """The interactions as "A:B,B:C", or "independence" when there are none."""
    if not pairs:
        return "independence"
    return ",".join(f"{list_names[i]}:{list_names[j]}" for i, j in pairs)


def all_two_way_models(n_lists: int) -> list[tuple[Pair, ...]]:
    """Every hierarchical model with all main effects and any set of two-way interactions."""
    pairs = all_pairs(n_lists)
    return [
        combination
        for size in range(len(pairs) + 1)
        for combination in itertools.combinations(pairs, size)
    ]


@dataclass(frozen=True, eq=False)
class _Layout:
    """The cells and design matrix that a model is fitted on.

    A requested interaction whose two lists share no case (an empty overlap) has its maximum
    likelihood value at minus infinity. As SparseMSE's buildmodel does, such a parameter is left
    out and every cell containing both lists is dropped (its fitted value is zero): the extended
    maximum likelihood estimate.
    """

    pairs: tuple[Pair, ...]
    fitted_pairs: tuple[Pair, ...]
    empty_pairs: tuple[Pair, ...]
    keep: np.ndarray
    design: np.ndarray
    y: np.ndarray
    parameter_names: tuple[str, ...]


def _design_matrix(histories: np.ndarray, pairs: Sequence[Pair]) -> np.ndarray:
    columns = [np.ones(len(histories))]
    columns += [histories[:, i] for i in range(histories.shape[1])]
    columns += [histories[:, i] * histories[:, j] for i, j in pairs]
    return np.column_stack(columns).astype(float)


def _layout(table: CaptureTable, pairs: Sequence[Pair]) -> _Layout:
    keep = np.ones(len(table.histories), dtype=bool)
    fitted, empty = [], []
    for i, j in pairs:
        if table.overlap(i, j) == 0:
            empty.append((i, j))
            keep &= ~((table.histories[:, i] == 1) & (table.histories[:, j] == 1))
        else:
            fitted.append((i, j))
    names = ("(intercept)", *table.list_names)
    names += tuple(f"{table.list_names[i]}:{table.list_names[j]}" for i, j in fitted)
    return _Layout(
        pairs=tuple(pairs),
        fitted_pairs=tuple(fitted),
        empty_pairs=tuple(empty),
        keep=keep,
        design=_design_matrix(table.histories[keep], fitted),
        y=table.counts[keep].astype(float),
        parameter_names=names,
    )


# --------------------------------------------------------------------------------------------
# Existence and identifiability (checked before any fit)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EstimabilityVerdict:
    """Whether a model can be fitted to these counts, checked before fitting.

    interactions: the requested two-way interactions, as "A:B,B:C" ("independence" if none).
    identifiable: the design matrix of the cells fitted has full column rank.
    rank_deficiency: number of columns minus rank (0 when identifiable).
    mle_exists: the linear program of Fienberg and Rinaldo (2012) finds a strictly positive
        table with the same sufficient statistics, so the (extended) maximum likelihood estimate
        is finite.
    lp_objective: the optimum of that program, the largest attainable smallest cell; zero means
        the estimate does not exist. None inside model searches when the answer was reused from
        an earlier table with the same zero pattern (existence depends on nothing else).
    empty_overlaps: requested interactions whose lists share no case ("A:C,B:C"; "" if none);
        handled by the extended estimate (see _Layout).
    message: one sentence for people.
    """

    interactions: str
    identifiable: bool
    rank_deficiency: int
    mle_exists: bool
    lp_objective: float | None
    empty_overlaps: str
    message: str

    @property
    def estimable(self) -> bool:
        return self.identifiable and self.mle_exists


def _largest_smallest_cell(design: np.ndarray, y: np.ndarray) -> float:
    """Solve max s subject to design' x = design' y, x >= s, x >= 0 (SparseMSE checkident).

    The maximum likelihood estimate of a log-linear Poisson model exists if and only if some
    strictly positive table has the observed sufficient statistics design' y, that is if y lies
    in the relative interior of the marginal cone; the optimum s* > 0 exactly then.
    """
    if np.all(y > 0):
        # y itself is strictly positive and feasible, so s* >= min(y) > 0; the LP cannot say more.
        return float(y.min())
    n_cells, n_parameters = design.shape
    objective = np.zeros(n_cells + 1)
    objective[-1] = -1.0
    equality = np.hstack([design.T, np.zeros((n_parameters, 1))])
    inequality = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])
    result = optimize.linprog(
        objective,
        A_ub=inequality,
        b_ub=np.zeros(n_cells),
        A_eq=equality,
        b_eq=design.T @ y,
        bounds=[(0, None)] * (n_cells + 1),
        method="highs",
    )
    if result.status != 0:
        return 0.0
    return float(-result.fun) + 0.0  # + 0.0 turns HiGHS's -0.0 into 0.0


# Whether the estimate exists depends only on which cells are zero (Fienberg and Rinaldo 2012:
# the face of the marginal cone that holds design' y is fixed by the support of y), so model
# searches and bootstrap replicates reuse the answer for a design and zero pattern seen before.
_EXISTENCE_BY_SUPPORT: dict[tuple, bool] = {}
_EXISTENCE_CACHE_LIMIT = 100_000


def _mle_exists(design: np.ndarray, y: np.ndarray, reuse: bool) -> tuple[bool, float | None]:
    key = (design.shape, design.tobytes(), (y > 0).tobytes())
    if reuse and key in _EXISTENCE_BY_SUPPORT:
        return _EXISTENCE_BY_SUPPORT[key], None
    optimum = _largest_smallest_cell(design, y)
    # Relative tolerance: HiGHS reports optima to about 1e-9 of the scale of the counts.
    exists = bool(optimum > 1e-7 * max(1.0, float(y.max(initial=0.0))))
    if len(_EXISTENCE_BY_SUPPORT) < _EXISTENCE_CACHE_LIMIT:
        _EXISTENCE_BY_SUPPORT[key] = exists
    return exists, optimum


def _verdict_for(
    design: np.ndarray, y: np.ndarray, label: str, empty: str, *, reuse: bool = False
) -> EstimabilityVerdict:
    rank_deficiency = int(design.shape[1] - np.linalg.matrix_rank(design))
    exists, optimum = _mle_exists(design, y, reuse)
    if rank_deficiency and not exists:
        message = (
            f"Model {label}: not identifiable (design matrix rank deficient by "
            f"{rank_deficiency}) and the maximum likelihood estimate does not exist."
        )
    elif rank_deficiency:
        message = (
            f"Model {label}: not identifiable; the cells that can be fitted do not determine all "
            f"{design.shape[1]} parameters (rank deficient by {rank_deficiency})."
        )
    elif not exists:
        message = (
            f"Model {label}: the maximum likelihood estimate does not exist (the observed counts "
            "lie on the boundary: some fitted cell would have to be zero)."
        )
    else:
        message = f"Model {label}: estimable."
    return EstimabilityVerdict(
        interactions=label,
        identifiable=rank_deficiency == 0,
        rank_deficiency=rank_deficiency,
        mle_exists=exists,
        lp_objective=optimum,
        empty_overlaps=empty,
        message=message,
    )


def _check_layout(table: CaptureTable, layout: _Layout, reuse: bool) -> EstimabilityVerdict:
    names = table.list_names
    empty = format_interactions(layout.empty_pairs, names) if layout.empty_pairs else ""
    label = format_interactions(layout.pairs, names)
    return _verdict_for(layout.design, layout.y, label, empty, reuse=reuse)


def check_model(table: CaptureTable, interactions: str | Sequence = ()) -> EstimabilityVerdict:
    """Identifiability (rank) and existence (linear program) of a model, as SparseMSE checkident."""
    pairs = parse_interactions(interactions, table.list_names)
    return _check_layout(table, _layout(table, pairs), reuse=False)


# --------------------------------------------------------------------------------------------
# Poisson log-linear fit
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _PoissonFit:
    beta: np.ndarray
    covariance: np.ndarray
    fitted: np.ndarray
    deviance: float


def _poisson_deviance(y: np.ndarray, mu: np.ndarray) -> float:
    ratio_term = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)
    return float(2.0 * np.sum(ratio_term - (y - mu)))


def _poisson_glm(design: np.ndarray, y: np.ndarray, start: np.ndarray | None = None) -> _PoissonFit:
    """Maximum likelihood for log E[y] = design @ beta by iteratively reweighted least squares.

    Each step solves (X'WX) beta = X'W z with weights W = mu and working response
    z = eta + (y - mu) / mu, halving the step whenever the deviance would rise. Existence and
    full rank are checked before this is called, so failure to converge is an error.
    """
    if start is None:
        # R's glm starts Poisson fits from mu = y + 0.1.
        eta = np.log(y + 0.1)
    else:
        eta = design @ start
    mu = np.exp(eta)
    deviance = _poisson_deviance(y, mu)
    # Rounding in the deviance grows with the counts (terms y log(y / mu) of size y), so
    # comparisons allow for it; convergence is judged on the parameters, which are O(1).
    rounding = 1e-10 * (float(np.sum(y)) + 1.0)
    beta = start
    for _ in range(200):
        weighted = design.T * mu
        z = eta + (y - mu) / mu
        new_beta = np.linalg.solve(weighted @ design, weighted @ z)
        for _halving in range(30):
            new_eta = np.clip(design @ new_beta, -700.0, 700.0)
            new_mu = np.exp(new_eta)
            new_deviance = _poisson_deviance(y, new_mu)
            if beta is None or new_deviance <= deviance + rounding:
                break
            new_beta = (new_beta + beta) / 2
        converged = beta is not None and np.max(np.abs(new_beta - beta)) < 1e-10
        beta, eta, mu, deviance = new_beta, new_eta, new_mu, new_deviance
        if converged:
            break
    else:
        raise NotEstimableError("The Poisson model did not converge.")
    covariance = np.linalg.inv((design.T * mu) @ design)
    return _PoissonFit(beta=beta, covariance=covariance, fitted=mu, deviance=deviance)


@dataclass(frozen=True)
class MSEFit:
    """One fitted log-linear model for the capture histories.

    The model is log E[count(h)] = u + sum_i u_i h_i + sum_{(i,j) in model} u_ij h_i h_j over all
    histories h except the all-zero one, Poisson counts. The all-zero history has expected count
    exp(u), so

        N_hat = n_observed + exp(u)
        se(N_hat) = sqrt(exp(u) + exp(2u) * Var(u))      (Rcapture's getN)

    where Var(u) is the intercept's entry of the inverse Fisher information: the first term is the
    Poisson variation of the unobserved cell itself, the second the estimation error of its mean.

    list_names: the lists. interactions: the model, "A:B,B:C" or "independence".
    pairs: the same as index pairs. empty_overlaps: interactions fitted by the extended estimate
        (lists sharing no case; their cells are fixed at zero), "" if none.
    n_observed: cases on at least one list. unobserved: exp(u), estimated cases on no list.
    n_hat, se: the Poisson estimate of the total and its standard error.
    deviance, df: residual deviance and degrees of freedom over the cells fitted (cells dropped
        for an empty overlap are not counted, as in SparseMSE).
    log_likelihood: Poisson log-likelihood including the log(y!) terms, as R's glm.
    n_parameters: parameters including those of empty overlaps (they count in AIC and BIC,
        as SparseMSE's modelfit adds them to R's AIC).
    aic: -2 log L + 2 k. bic: -2 log L + log(n_observed) k (Rcapture's closedpMS).
    coefficients: parameter name -> estimate, for the parameters actually fitted.
    fitted: expected count for every observable history, in the order of the table's rows
        (zero for cells dropped for an empty overlap).
    """

    list_names: tuple[str, ...]
    interactions: str
    pairs: tuple[Pair, ...]
    empty_overlaps: str
    n_observed: int
    unobserved: float
    n_hat: float
    se: float
    deviance: float
    df: int
    log_likelihood: float
    n_parameters: int
    aic: float
    bic: float
    coefficients: dict[str, float]
    fitted: tuple[float, ...]

    @property
    def model(self) -> str:
        return self.interactions


def _fit_layout(table: CaptureTable, layout: _Layout) -> MSEFit:
    fit = _poisson_glm(layout.design, layout.y)
    unobserved = float(np.exp(fit.beta[0]))
    se = math.sqrt(unobserved + unobserved**2 * fit.covariance[0, 0])
    log_likelihood = float(
        np.sum(layout.y * np.log(fit.fitted) - fit.fitted - gammaln(layout.y + 1))
    )
    n_parameters = layout.design.shape[1] + len(layout.empty_pairs)
    fitted = np.zeros(len(table.histories))
    fitted[layout.keep] = fit.fitted
    n_observed = table.n_observed
    return MSEFit(
        list_names=table.list_names,
        interactions=format_interactions(layout.pairs, table.list_names),
        pairs=layout.pairs,
        empty_overlaps=(
            format_interactions(layout.empty_pairs, table.list_names) if layout.empty_pairs else ""
        ),
        n_observed=n_observed,
        unobserved=unobserved,
        n_hat=n_observed + unobserved,
        se=se,
        deviance=fit.deviance,
        df=int(layout.design.shape[0] - layout.design.shape[1]),
        log_likelihood=log_likelihood,
        n_parameters=n_parameters,
        aic=-2 * log_likelihood + 2 * n_parameters,
        bic=-2 * log_likelihood + math.log(n_observed) * n_parameters,
        coefficients=dict(zip(layout.parameter_names, map(float, fit.beta), strict=True)),
        fitted=tuple(float(v) for v in fitted),
    )


def fit_model(table: CaptureTable, interactions: str | Sequence = ()) -> MSEFit:
    """Fit one model after checking it; raises NotEstimableError with the verdict if it fails."""
    pairs = parse_interactions(interactions, table.list_names)
    layout = _layout(table, pairs)
    verdict = _check_layout(table, layout, reuse=False)
    if not verdict.estimable:
        raise NotEstimableError(verdict.message, verdict)
    return _fit_layout(table, layout)


# --------------------------------------------------------------------------------------------
# Model choice
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepwiseStep:
    """One round of the stepwise search: the p-value of every absent interaction.

    candidates: (interaction, observed overlap, expected overlap lambda under the current model,
        p-value) for each interaction not yet in the model; p-value 1.0 where adding it would
        make the model not estimable.
    added: the interaction added in this round, or "" when the search stopped.
    """

    candidates: tuple[tuple[str, int, float, float], ...]
    added: str


@dataclass(frozen=True)
class CandidateModel:
    """A model considered by AIC/BIC search: interactions, its verdict, criterion (None if not
    estimable) and N_hat (None if not estimable)."""

    interactions: str
    verdict: EstimabilityVerdict
    criterion: float | None
    n_hat: float | None


@dataclass(frozen=True)
class ModelChoice:
    """The model chosen and how.

    method: "independence", "saturated", "fixed" (a given set of interactions), "stepwise",
        "aic" or "bic". pthresh: threshold of the stepwise search (None for other methods).
    fit: the chosen model's fit. steps: the stepwise rounds (empty for other methods).
    candidates: every model compared by AIC/BIC (empty for other methods).
    """

    method: str
    fit: MSEFit
    pthresh: float | None
    steps: tuple[StepwiseStep, ...] = ()
    candidates: tuple[CandidateModel, ...] = ()


def _poisson_p_value(observed: int, expected: float) -> float:
    """min(P(X <= observed), P(X >= observed)) for X ~ Poisson(expected)."""
    return float(
        min(stats.poisson.cdf(observed, expected), stats.poisson.sf(observed - 1, expected))
    )


def stepwise_fit(table: CaptureTable, pthresh: float = DEFAULT_PTHRESH) -> ModelChoice:
    """Stepwise choice of Chan, Silverman and Vincent (2021), as SparseMSE's stepwisefit.

    Start from main effects. For each absent pair (j, k), the number of cases on both lists,
    n_jk, is Poisson with mean lambda_jk = sum of the current model's fitted values over cells
    on both lists; its p-value is p = min(P(X <= n_jk), P(X >= n_jk)). Pairs whose addition would
    make the model not identifiable or its estimate not exist get p = 1. Add the pair with the
    smallest p (the first in list order on ties) while that p < pthresh.
    pthresh = 0 gives main effects; pthresh = 1 gives the saturated model when it is estimable.
    """
    names = table.list_names
    pairs = all_pairs(table.n_lists)
    if pthresh >= 1 and check_model(table, pairs).estimable:
        return ModelChoice("stepwise", _fit_layout(table, _layout(table, pairs)), pthresh)
    current = fit_model(table, ())
    if pthresh <= 0:
        return ModelChoice("stepwise", current, pthresh)

    included: list[Pair] = []
    steps = []
    while len(included) < len(pairs):
        fitted = np.asarray(current.fitted)
        candidates = []
        for pair in pairs:
            if pair in included:
                continue
            i, j = pair
            on_both = table.histories[:, i] * table.histories[:, j]
            observed = table.overlap(i, j)
            expected = float((fitted * on_both).sum())
            p_value = _poisson_p_value(observed, expected)
            if not _check_layout(table, _layout(table, sorted([*included, pair])), True).estimable:
                p_value = 1.0
            candidates.append((pair, observed, expected, p_value))
        best = min(candidates, key=lambda c: c[3])  # min keeps the first of equal p-values
        described = tuple(
            (format_interactions([c[0]], names), c[1], c[2], c[3]) for c in candidates
        )
        if best[3] >= pthresh:
            steps.append(StepwiseStep(described, ""))
            break
        included = sorted([*included, best[0]])
        steps.append(StepwiseStep(described, format_interactions([best[0]], names)))
        current = _fit_layout(table, _layout(table, included))
    return ModelChoice("stepwise", current, pthresh, steps=tuple(steps))


def information_criterion_fit(table: CaptureTable, criterion: str = "aic") -> ModelChoice:
    """The estimable hierarchical two-way model with the smallest AIC or BIC.

    Searches all 2^(t choose 2) models (t <= 5 lists); models that are not identifiable or whose
    estimate does not exist are skipped. Ties go to the model with fewer parameters.
    """
    if criterion not in ("aic", "bic"):
        raise ValueError(f"criterion must be 'aic' or 'bic', not {criterion!r}")
    candidates, fits = _all_candidates(table, criterion)
    if not fits:
        raise NotEstimableError("No two-way log-linear model is estimable for these data.")
    best = min(fits, key=lambda f: (getattr(f, criterion), f.n_parameters))
    return ModelChoice(criterion, best, None, candidates=tuple(candidates))


def _all_candidates(table: CaptureTable, criterion: str) -> tuple[list, list[MSEFit]]:
    if table.n_lists > MAX_LISTS_FOR_EXHAUSTIVE_SEARCH:
        raise ValueError(
            f"searching all models of {table.n_lists} lists is too slow; use stepwise selection"
        )
    candidates, fits = [], []
    for pairs in all_two_way_models(table.n_lists):
        layout = _layout(table, pairs)
        label = format_interactions(pairs, table.list_names)
        verdict = _check_layout(table, layout, reuse=True)
        if verdict.estimable:
            fit = _fit_layout(table, layout)
            fits.append(fit)
            candidates.append(CandidateModel(label, verdict, getattr(fit, criterion), fit.n_hat))
        else:
            candidates.append(CandidateModel(label, verdict, None, None))
    return candidates, fits


def select_model(
    table: CaptureTable, model: str = "bic", pthresh: float = DEFAULT_PTHRESH
) -> ModelChoice:
    """Choose and fit a model (default BIC; for the headline see analysis.model_averaging).

    model: "independence" (main effects only), "saturated" (all two-way interactions; for three
    lists the three-way term is never estimable, so this is the largest model), "stepwise"
    (Chan, Silverman and Vincent 2021, threshold pthresh), "aic" or "bic" (best of all
    hierarchical two-way models), or a given set of interactions such as "A:B,B:C".
    Raises NotEstimableError when the model asked for cannot be fitted.
    """
    key = model.strip().lower()
    if key == "stepwise":
        return stepwise_fit(table, pthresh)
    if key in ("aic", "bic"):
        return information_criterion_fit(table, key)
    if key == "independence":
        return ModelChoice("independence", fit_model(table, ()), None)
    if key == "saturated":
        return ModelChoice("saturated", fit_model(table, all_pairs(table.n_lists)), None)
    return ModelChoice("fixed", fit_model(table, model), None)


# --------------------------------------------------------------------------------------------
# Intervals
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BootstrapDetails:
    """What a BCa bootstrap did.

    n_boot: replicates asked for. n_failed: replicates where the model (selection) was not
        estimable; they are left out. z0: bias correction. acceleration: jackknife estimate of a.
    replicates: the N_hat of every successful replicate. seed: the seed used (None: random).
    resample: "population" or "observed" (see bca_bootstrap_interval).
    """

    n_boot: int
    n_failed: int
    z0: float
    acceleration: float
    replicates: tuple[float, ...]
    seed: int | None
    resample: str


@dataclass(frozen=True)
class PopulationInterval:
    """A confidence interval for the total N.

    method: "profile", "lognormal" or "bca". level: e.g. 0.95.
    lower, upper: the limits (upper is math.inf when the profile likelihood never falls below
        the cut-off in the search range). centre: the estimate the method is built around (the
        multinomial maximum likelihood N for "profile", N_hat otherwise).
    notes: codes of remarks ("lower_at_observed", "upper_unbounded", "bootstrap_failures");
        interval_note_text(code, lang) gives the sentence.
    bootstrap: details for "bca", None otherwise.
    """

    method: str
    level: float
    lower: float
    upper: float
    centre: float
    notes: tuple[str, ...] = ()
    bootstrap: BootstrapDetails | None = None


def lognormal_limits(
    n_observed: float, n_hat: float, se: float, level: float = DEFAULT_LEVEL
) -> tuple[float, float]:
    """Chao (1987): f0 = N_hat - n is log-normal, so with z the normal quantile

        C = exp(z * sqrt(ln(1 + se^2 / f0^2))),   interval [n + f0 / C, n + f0 * C].

    The lower limit never falls below the n cases actually seen.
    """
    unseen = n_hat - n_observed
    if unseen <= 0:
        return float(n_observed), float(n_observed)
    z = stats.norm.ppf(0.5 + level / 2)
    spread = math.exp(z * math.sqrt(math.log1p(se**2 / unseen**2)))
    return n_observed + unseen / spread, n_observed + unseen * spread


def lognormal_interval(fit: MSEFit, level: float = DEFAULT_LEVEL) -> PopulationInterval:
    """Chao's (1987) log-normal interval around a fit's N_hat (see lognormal_limits)."""
    lower, upper = lognormal_limits(fit.n_observed, fit.n_hat, fit.se, level)
    return PopulationInterval("lognormal", level, lower, upper, fit.n_hat)


def cormack_correction(unseen: float, total: float) -> float:
    """Cormack's (1992) term c(N) = ln(n0^n0 N! / (N^N n0!)), n0 = N - n, as Rcapture computes it.

    It turns the Poisson deviance of the table augmented with the unseen cell n0 into the
    multinomial profile log-likelihood l(N) = -(D(N) - 2 c(N)) / 2. Rcapture (closedpCI.t) uses
    the exact expression when N <= 100 and Stirling's approximation of both factorials above,
    i.e. c = n0 - N - ln(n0 / N) / 2 (and -N + ln(2 pi N) / 2 for n0 = 0 or 1). The published
    profile limits were computed that way, so we do the same. Only for 0 < n0 < 1, where Stirling's
    form for n0! diverges, do we keep the exact n0 term (it equals Rcapture's at n0 = 0 and 1).
    """

    def x_log_x(x: float) -> float:
        return x * math.log(x) if x > 0 else 0.0

    if total <= 100:
        return x_log_x(unseen) - gammaln(unseen + 1) + gammaln(total + 1) - x_log_x(total)
    total_part = -total + 0.5 * math.log(2 * math.pi * total)
    if unseen > 1:
        unseen_part = unseen - 0.5 * math.log(2 * math.pi * unseen)
    else:
        unseen_part = x_log_x(unseen) - float(gammaln(unseen + 1))
    return unseen_part + total_part


def profile_likelihood_interval(
    table: CaptureTable, interactions: str | Sequence = (), level: float = DEFAULT_LEVEL
) -> PopulationInterval:
    """Multinomial profile-likelihood interval for N, as Rcapture's closedpCI.t.

    For a trial N the unseen cell n0 = N - n is added to the table as an observation with only
    the intercept, the Poisson model is refitted, giving deviance D(N), and

        l(N) = -(D(N) - 2 c(N)) / 2        (c: cormack_correction)

    is the multinomial profile log-likelihood. The interval is
    {N : l(N) >= max l - chi2_1(level) / 2}.
    As in Rcapture the maximum is sought on (n, 3 N_hat), the lower limit on (n, N_max) (it is n
    when l(n) is still above the cut-off) and the upper limit on (N_max, 3 N_hat); where Rcapture
    then reports only "> 3 N_hat" we widen the search to 10, 30 and 100 N_hat, and give math.inf
    beyond that.
    """
    fit = fit_model(table, interactions)
    layout = _layout(table, fit.pairs)
    n_observed = table.n_observed
    unseen_row = np.zeros((1, layout.design.shape[1]))
    unseen_row[0, 0] = 1.0
    augmented = np.vstack([layout.design, unseen_row])
    start = [np.array(list(fit.coefficients.values()))]

    def log_likelihood(total: float) -> float:
        unseen = max(total - n_observed, 0.0)
        y = np.append(layout.y, unseen)
        refit = _poisson_glm(augmented, y, start=start[0])
        start[0] = refit.beta
        return -(refit.deviance - 2 * cormack_correction(unseen, total)) / 2

    search_top = 3 * fit.n_hat
    best = optimize.minimize_scalar(
        lambda total: -log_likelihood(total),
        bounds=(n_observed, search_top),
        method="bounded",
        options={"xatol": 1e-6 * max(1.0, fit.n_hat)},
    )
    n_max, l_max = float(best.x), -float(best.fun)
    cut_off = l_max - stats.chi2.ppf(level, 1) / 2

    def above_cut(total: float) -> float:
        return log_likelihood(total) - cut_off

    notes = []
    if above_cut(n_observed) >= 0:
        lower = float(n_observed)
        notes.append("lower_at_observed")
    else:
        lower = optimize.brentq(above_cut, n_observed, n_max, xtol=1e-8)
    upper = math.inf
    left = n_max
    for factor in (3, 10, 30, 100):
        right = factor * fit.n_hat
        if right > left and above_cut(right) < 0:
            upper = optimize.brentq(above_cut, left, right, xtol=1e-8)
            break
        left = max(left, right)
    if math.isinf(upper):
        notes.append("upper_unbounded")
    return PopulationInterval("profile", level, lower, upper, n_max, tuple(notes))


def _bca_quantiles(
    replicates: np.ndarray, estimate: float, acceleration: float, level: float
) -> tuple[float, float, float]:
    """BCa limits (DiCiccio and Efron 1996), as SparseMSE's bcaconfvalues.

    z0 = Phi^-1(share of replicates below the estimate); for alpha in (a/2, 1 - a/2)
    q = Phi(z0 + (z0 + z_alpha) / (1 - acc (z0 + z_alpha))), limits = type-8 quantiles q.
    The share is kept within [1/(2B), 1 - 1/(2B)] so that z0 stays finite when every replicate
    falls on one side.
    """
    count = len(replicates)
    share = np.clip(np.mean(replicates < estimate), 0.5 / count, 1 - 0.5 / count)
    z0 = float(stats.norm.ppf(share))
    z_alpha = stats.norm.ppf([(1 - level) / 2, (1 + level) / 2])
    shifted = z0 + z_alpha
    probabilities = stats.norm.cdf(z0 + shifted / (1 - acceleration * shifted))
    lower, upper = np.quantile(replicates, probabilities, method="median_unbiased")
    return float(lower), float(upper), z0


BOOTSTRAP_RESAMPLING = ("population", "observed")


def bca_bootstrap_interval(
    table: CaptureTable,
    model: str = "bic",
    *,
    pthresh: float = DEFAULT_PTHRESH,
    level: float = DEFAULT_LEVEL,
    n_boot: int = 1000,
    seed: int | None = None,
    resample: str = "population",
) -> PopulationInterval:
    """Nonparametric BCa bootstrap that repeats the model choice in every replicate.

    Each replicate draws new counts for the observed histories, nonparametrically (from the
    observed shares, not from the fitted model, so that the model choice itself is put to the
    test), and reruns `select_model(model, pthresh)`:

    resample="population" (default; Buckland and Garthwaite 1991): the pseudo-population is the
        n observed cases plus N_hat - n cases on no list; round(N_hat) cases are drawn from it, so
        the number seen is n* ~ Binomial(round(N_hat), n / N_hat), spread over the histories
        multinomially with the observed shares. This reproduces the chance variation of the
        unseen cell, the exp(u) term of se(N_hat), which the next variant leaves out.
    resample="observed" (SparseMSE's estimatepopulation): n is kept fixed and the n cases are
        redistributed multinomially. It is narrower, by leaving out that variation, which
        matters when exp(u) is not small against exp(2u) Var(u).

    The acceleration comes from the jackknife that removes one case at a time: with
    d_h = mean - N_hat(-h), weighted by the count of history h,
    acc = sum(c_h d_h^3) / (6 (sum(c_h d_h^2))^(3/2)). The limits follow _bca_quantiles.
    Replicates whose model is not estimable are left out and counted in bootstrap.n_failed.
    """
    if resample not in BOOTSTRAP_RESAMPLING:
        raise ValueError(f"resample must be one of {BOOTSTRAP_RESAMPLING}, not {resample!r}")
    estimate = select_model(table, model, pthresh).fit.n_hat
    generator = np.random.default_rng(seed)
    n_observed = table.n_observed
    shares = table.counts / n_observed
    if resample == "population":
        population = max(round(estimate), n_observed)
        seen = generator.binomial(population, n_observed / max(estimate, n_observed), n_boot)
    else:
        seen = np.full(n_boot, n_observed)
    replicates, failed = [], 0
    for seen_now in seen:
        counts = generator.multinomial(seen_now, shares)
        try:
            replicates.append(select_model(table.with_counts(counts), model, pthresh).fit.n_hat)
        except (NotEstimableError, CaptureTableError):
            failed += 1
    if len(replicates) < max(10, n_boot // 2):
        raise NotEstimableError(
            f"Only {len(replicates)} of {n_boot} bootstrap replicates could be estimated."
        )
    acceleration = _jackknife_acceleration(table, model, pthresh)
    values = np.array(replicates)
    lower, upper, z0 = _bca_quantiles(values, estimate, acceleration, level)
    notes = ("bootstrap_failures",) if failed else ()
    details = BootstrapDetails(n_boot, failed, z0, acceleration, tuple(replicates), seed, resample)
    return PopulationInterval("bca", level, lower, upper, estimate, notes, details)


def _jackknife_acceleration(table: CaptureTable, model: str, pthresh: float) -> float:
    weights, estimates = [], []
    for index, count in enumerate(table.counts):
        if count == 0:
            continue
        counts = table.counts.copy()
        counts[index] -= 1
        try:
            estimates.append(select_model(table.with_counts(counts), model, pthresh).fit.n_hat)
        except NotEstimableError:
            continue
        weights.append(count)
    weights_array, estimates_array = np.array(weights, float), np.array(estimates)
    if weights_array.sum() == 0:
        return 0.0
    deviations = np.average(estimates_array, weights=weights_array) - estimates_array
    spread = np.sum(weights_array * deviations**2)
    if spread == 0:
        return 0.0
    return float(np.sum(weights_array * deviations**3) / (6 * spread**1.5))


# --------------------------------------------------------------------------------------------
# The estimate as the page and the command use it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PopulationEstimate:
    """A chosen model with its interval.

    choice: how the model was chosen and its fit. interval: the confidence interval.
    The properties repeat the numbers a page shows: n_observed, n_hat, se, model (interactions
    as "A:B,B:C" or "independence"), deviance, df, lower, upper.
    """

    choice: ModelChoice
    interval: PopulationInterval

    @property
    def fit(self) -> MSEFit:
        return self.choice.fit

    @property
    def n_observed(self) -> int:
        return self.fit.n_observed

    @property
    def n_hat(self) -> float:
        return self.fit.n_hat

    @property
    def se(self) -> float:
        return self.fit.se

    @property
    def model(self) -> str:
        return self.fit.interactions

    @property
    def deviance(self) -> float:
        return self.fit.deviance

    @property
    def df(self) -> int:
        return self.fit.df

    @property
    def lower(self) -> float:
        return self.interval.lower

    @property
    def upper(self) -> float:
        return self.interval.upper


def estimate_population(
    table: CaptureTable,
    model: str = "bic",
    interval: str = "profile",
    *,
    pthresh: float = DEFAULT_PTHRESH,
    level: float = DEFAULT_LEVEL,
    n_boot: int = 1000,
    seed: int | None = None,
    resample: str = "population",
) -> PopulationEstimate:
    """Choose a model (see select_model; default BIC) and give N_hat with an interval.

    Not the page's headline: in the product's regime (four lists, 5-15 % seen) BIC + BCa did not
    keep its coverage; the page leads with analysis.model_averaging.headline_estimate and shows
    every model beside it (model_averaging.all_model_estimates; docs/mse.md, section 8).

    interval: "profile" (profile likelihood of the chosen model, treating the choice as given),
    "lognormal" (Chao 1987) or "bca" (bootstrap repeating the model choice; n_boot replicates,
    seeded by seed, resampling as `resample`, see bca_bootstrap_interval). Raises
    NotEstimableError when the model cannot be fitted.
    """
    if interval not in INTERVAL_METHODS:
        raise ValueError(f"interval must be one of {INTERVAL_METHODS}, not {interval!r}")
    choice = select_model(table, model, pthresh)
    if interval == "profile":
        found = profile_likelihood_interval(table, choice.fit.pairs, level)
    elif interval == "lognormal":
        found = lognormal_interval(choice.fit, level)
    else:
        found = bca_bootstrap_interval(
            table, model, pthresh=pthresh, level=level, n_boot=n_boot, seed=seed, resample=resample
        )
    return PopulationEstimate(choice, found)


@dataclass(frozen=True)
class ModelRangeEntry:
    """One model in a range: its fit, criterion value, distance to the best, profile interval."""

    fit: MSEFit
    criterion: float
    delta: float
    interval: PopulationInterval


@dataclass(frozen=True)
class ModelRange:
    """Estimates of all reasonable models, so that no single point estimate is shown alone.

    criterion: "aic" or "bic". within: models with criterion <= best + within are kept.
    models: those models, best first. n_hat_min, n_hat_max: range of their point estimates.
    lower_min, upper_max: the lowest lower and highest upper profile limit among them.
    """

    criterion: str
    within: float
    models: tuple[ModelRangeEntry, ...]
    n_hat_min: float
    n_hat_max: float
    lower_min: float
    upper_max: float


def model_range(
    table: CaptureTable,
    criterion: str = "aic",
    within: float = 2.0,
    level: float = DEFAULT_LEVEL,
) -> ModelRange:
    """All estimable two-way models within `within` of the best AIC (or BIC), with intervals."""
    if criterion not in ("aic", "bic"):
        raise ValueError(f"criterion must be 'aic' or 'bic', not {criterion!r}")
    _, fits = _all_candidates(table, criterion)
    if not fits:
        raise NotEstimableError("No two-way log-linear model is estimable for these data.")
    best = min(getattr(f, criterion) for f in fits)
    chosen = sorted(
        (f for f in fits if getattr(f, criterion) <= best + within),
        key=lambda f: (getattr(f, criterion), f.n_parameters),
    )
    entries = tuple(
        ModelRangeEntry(
            fit=f,
            criterion=getattr(f, criterion),
            delta=getattr(f, criterion) - best,
            interval=profile_likelihood_interval(table, f.pairs, level),
        )
        for f in chosen
    )
    return ModelRange(
        criterion=criterion,
        within=within,
        models=entries,
        n_hat_min=min(e.fit.n_hat for e in entries),
        n_hat_max=max(e.fit.n_hat for e in entries),
        lower_min=min(e.interval.lower for e in entries),
        upper_max=max(e.interval.upper for e in entries),
    )


# --------------------------------------------------------------------------------------------
# Two lists
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TwoListEstimate:
    """Two-list capture-recapture.

    n1, n2: cases on each list; both: cases on both; n_observed = n1 + n2 - both.
    lincoln_petersen: n1 n2 / both (math.inf when both = 0).
    chapman: (n1 + 1)(n2 + 1) / (both + 1) - 1, nearly unbiased.
    se: Seber's sqrt((n1+1)(n2+1)(n1-m)(n2-m) / ((m+1)^2 (m+2))), m = both.
    lower, upper: log-transformed (Chao 1987) interval around Chapman at `level`.
    """

    n1: int
    n2: int
    both: int
    n_observed: int
    lincoln_petersen: float
    chapman: float
    se: float
    lower: float
    upper: float
    level: float


def two_list_estimate(n1: int, n2: int, both: int, level: float = DEFAULT_LEVEL) -> TwoListEstimate:
    """Lincoln-Petersen and Chapman estimates for two lists (see TwoListEstimate)."""
    if min(n1, n2, both) < 0 or both > min(n1, n2):
        raise ValueError(f"need 0 <= both <= min(n1, n2), got n1={n1}, n2={n2}, both={both}")
    n_observed = n1 + n2 - both
    lincoln_petersen = n1 * n2 / both if both > 0 else math.inf
    chapman = (n1 + 1) * (n2 + 1) / (both + 1) - 1
    variance = (n1 + 1) * (n2 + 1) * (n1 - both) * (n2 - both) / ((both + 1) ** 2 * (both + 2))
    se = math.sqrt(variance)
    lower, upper = lognormal_limits(n_observed, chapman, se, level)
    return TwoListEstimate(
        n1, n2, both, n_observed, lincoln_petersen, chapman, se, lower, upper, level
    )


def two_list_from_table(table: CaptureTable, level: float = DEFAULT_LEVEL) -> TwoListEstimate:
    """two_list_estimate for a table of exactly two lists."""
    if table.n_lists != 2:
        raise ValueError(f"a two-list estimate needs 2 lists, the table has {table.n_lists}")
    n1, n2 = (int(v) for v in table.list_totals())
    return two_list_estimate(n1, n2, table.overlap(0, 1), level)


# --------------------------------------------------------------------------------------------
# Several years pooled
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StratumEstimate:
    """N for one year (or the total) from a pooled fit.

    label: the year, or "total". n_observed: cases seen. unobserved: estimated cases on no list.
    n_hat, se: estimate and standard error (Poisson part plus parameter uncertainty).
    lower, upper: log-normal (Chao 1987) interval.
    """

    label: str
    n_observed: int
    unobserved: float
    n_hat: float
    se: float
    lower: float
    upper: float


@dataclass(frozen=True)
class PooledEstimate:
    """Years fitted together with year as a stratum.

    interactions: the two-way interactions, shared by all years. year_specific_lists: whether each
    year has its own list main effects (otherwise list effects are shared). years: estimate per
    year; total: for all years together. deviance, df, aic: of the pooled model. verdict: the
    estimability check of the pooled model. level: of the intervals.
    """

    interactions: str
    year_specific_lists: bool
    years: tuple[StratumEstimate, ...]
    total: StratumEstimate
    deviance: float
    df: int
    aic: float
    verdict: EstimabilityVerdict
    level: float


def fit_pooled(
    frame: pd.DataFrame,
    *,
    year_column: str = "year",
    interactions: str | Sequence = (),
    year_specific_lists: bool = False,
    level: float = DEFAULT_LEVEL,
    count_column: str = COUNT_COLUMN,
) -> PooledEstimate:
    """Fit all years at once when single years are too sparse.

    frame: one row per (year, history): the year column, one 0/1 column per list, the count.
    The model is log E[count(y, h)] = a_y + sum_i b_i h_i + sum_(i,j) u_ij h_i h_j, with b_i[y]
    instead of b_i when year_specific_lists. Each year's unseen cell has mean exp(a_y), so
    N_y = n_y + exp(a_y) with se_y^2 = exp(a_y) + exp(2 a_y) Var(a_y), and the total is
    sum_y N_y with se^2 = sum_y exp(a_y) + g' V g, g_y = exp(a_y). Intervals are log-normal.
    Interactions whose lists share no case in any year are handled as in fit_model.
    """
    if year_column not in frame.columns:
        raise ValueError(f"there is no year column {year_column!r}")
    tables = {}
    for year, part in frame.groupby(year_column, sort=True):
        tables[str(year)] = capture_table(part.drop(columns=[year_column]), count_column)
    if not tables:
        raise CaptureTableError("empty")
    first = next(iter(tables.values()))
    names = first.list_names
    for table in tables.values():
        if table.list_names != names:
            raise ValueError("every year must have the same lists")
    pairs = parse_interactions(interactions, names)
    years = list(tables)
    n_years = len(years)

    histories = np.vstack([tables[y].histories for y in years])
    counts = np.concatenate([tables[y].counts for y in years]).astype(float)
    year_of_cell = np.repeat(np.arange(n_years), len(first.histories))

    keep = np.ones(len(counts), dtype=bool)
    fitted_pairs, empty_pairs = [], []
    for i, j in pairs:
        on_both = (histories[:, i] == 1) & (histories[:, j] == 1)
        if counts[on_both].sum() == 0:
            empty_pairs.append((i, j))
            keep &= ~on_both
        else:
            fitted_pairs.append((i, j))

    year_columns = (year_of_cell[:, None] == np.arange(n_years)[None, :]).astype(float)
    if year_specific_lists:
        list_columns = np.hstack([histories * year_columns[:, [k]] for k in range(n_years)]).astype(
            float
        )
    else:
        list_columns = histories.astype(float)
    pair_columns = [(histories[:, i] * histories[:, j])[:, None] for i, j in fitted_pairs]
    design = np.hstack([year_columns, list_columns, *pair_columns])[keep]
    y = counts[keep]

    label = format_interactions(pairs, names)
    empty_label = format_interactions(empty_pairs, names) if empty_pairs else ""
    verdict = _verdict_for(design, y, label, empty_label)
    if not verdict.estimable:
        hint = "" if not year_specific_lists else " Try list effects shared across years."
        raise NotEstimableError(verdict.message + hint, verdict)
    fit = _poisson_glm(design, y)

    unseen = np.exp(fit.beta[:n_years])
    year_covariance = fit.covariance[:n_years, :n_years]
    estimates = []
    for k, year in enumerate(years):
        n_observed = tables[year].n_observed
        se = math.sqrt(unseen[k] + unseen[k] ** 2 * year_covariance[k, k])
        estimates.append(_stratum(year, n_observed, float(unseen[k]), se, level))
    total_unseen = float(unseen.sum())
    total_se = math.sqrt(total_unseen + float(unseen @ year_covariance @ unseen))
    total_observed = sum(t.n_observed for t in tables.values())
    log_likelihood = float(np.sum(y * np.log(fit.fitted) - fit.fitted - gammaln(y + 1)))
    n_parameters = design.shape[1] + len(empty_pairs)
    return PooledEstimate(
        interactions=label,
        year_specific_lists=year_specific_lists,
        years=tuple(estimates),
        total=_stratum("total", total_observed, total_unseen, total_se, level),
        deviance=fit.deviance,
        df=int(design.shape[0] - design.shape[1]),
        aic=-2 * log_likelihood + 2 * n_parameters,
        verdict=verdict,
        level=level,
    )


def _stratum(
    label: str, n_observed: int, unseen: float, se: float, level: float
) -> StratumEstimate:
    n_hat = n_observed + unseen
    lower, upper = lognormal_limits(n_observed, n_hat, se, level)
    return StratumEstimate(label, n_observed, unseen, n_hat, se, lower, upper)


__all__ = [
    "BOOTSTRAP_RESAMPLING",
    "BootstrapDetails",
    "CandidateModel",
    "CaptureTable",
    "CaptureTableError",
    "EstimabilityVerdict",
    "interval_note_text",
    "MSEFit",
    "ModelChoice",
    "ModelRange",
    "ModelRangeEntry",
    "NotEstimableError",
    "PooledEstimate",
    "PopulationEstimate",
    "PopulationInterval",
    "SELECTION_METHODS",
    "StepwiseStep",
    "StratumEstimate",
    "TwoListEstimate",
    "all_two_way_models",
    "bca_bootstrap_interval",
    "capture_table",
    "check_model",
    "cormack_correction",
    "estimate_population",
    "fit_model",
    "fit_pooled",
    "format_interactions",
    "information_criterion_fit",
    "lognormal_interval",
    "lognormal_limits",
    "model_range",
    "parse_interactions",
    "profile_likelihood_interval",
    "read_capture_table",
    "select_model",
    "stepwise_fit",
    "two_list_estimate",
    "two_list_from_table",
]
