"""Capture-recapture outputs checked for inversion to a small cell before they are shown.

Domain layer (publication), called by publication.underreporting.mse_result once the estimate is
computed; the page (presentation.underreporting), the registry (publication.shown) and the stored
results (publication.derived) all read the outcome from MseResult (display_digits, aic_model_rows,
withheld_reason).

Every model output is a function of the capture table, so a viewer who knows the list totals and
the number of cases seen (both shown) can try the few capture tables that agree with them and
keep the one whose outputs match the page: issue 13 found the meldpunt x vertrouwenspersoon
overlap of 3 that way (the stepwise estimate for overlaps 1..4 is 576.5, 583.2, 590.2, 597.4).

The check: for every small sufficient statistic of the pooled table (each pairwise overlap and
each cell whose value is in 1..T-1) build neighbouring tables with the same list totals and the
same number of cases seen but that statistic changed by +-1 and +-2, recompute what the page shows
and compare it AS DISPLAYED. The true value must share its display with at least one other value
(W = 2 in the sense of 'at least two values'). If it does not, the display is coarsened
(DISPLAY_LEVELS: estimates and limits to two, then one significant figure, AIC differences to
whole numbers, and at each of those the AIC range shown as a range without its own rows) and
checked again; if even that pins a statistic, the model outputs are withheld.

What is compared: the model names shown, the BIC point estimate, the stepwise and independence
estimates with their profile limits, each model of the AIC range (difference, estimate, profile
limits), the range itself, and the per-year estimates of the years shown. The BCa limits of the
BIC model are not recomputed for a neighbour (a bootstrap of 300 replicates each would take
minutes); they are coarsened with the rest but enter the comparison only through the point
estimate. A neighbour found with the same display is a proof that the statistic is not pinned;
not finding one among the few neighbours tried is treated as pinned (conservative).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from analysis.mse import CaptureTable


@dataclass(frozen=True)
class DisplayLevel:
    """How the model outputs are displayed. digits: significant figures of estimates and limits
    (None: whole numbers); model_rows: whether each model of the AIC range gets its own row
    (with its AIC difference), else only the range of their estimates is shown."""

    digits: int | None
    model_rows: bool = True


# Tried in turn, most informative first: as the page showed them, then 2 significant figures,
# then without the AIC range's rows (which models lie within 2 of the best, and in which order,
# changes with a single case), then the same two at 1 significant figure.
DISPLAY_LEVELS: tuple[DisplayLevel, ...] = (
    DisplayLevel(None),
    DisplayLevel(2),
    DisplayLevel(2, model_rows=False),
    DisplayLevel(1),
    DisplayLevel(1, model_rows=False),
)

WITHHELD_SMALL_OVERLAP = "withheld_small_overlap"
STEPS = (1, -1, 2, -2)
# Neighbours tried per statistic and step: each costs a refit of every model the page shows
# (about 0.3 s for four lists; three per step were too few to find the witness on the demo data).
NEIGHBOURS_PER_STEP = 6


def displayed(value: float | None, digits: int | None) -> float | None:
    """The number as the page shows it: whole, or rounded to `digits` significant figures."""
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number):
        return number
    if digits is None or number == 0:
        return float(round(number))
    places = min(0, digits - 1 - math.floor(math.log10(abs(number))))
    return float(round(number, places))


def delta_decimals(digits: int | None) -> int:
    """Decimals of an AIC difference: one as before, none once the display is coarsened."""
    return 1 if digits is None else 0


# --- the small statistics -------------------------------------------------------------------


@dataclass(frozen=True)
class SmallStatistic:
    """A linear function of the capture table's cells (weights per history row) and its value."""

    name: str
    weights: tuple[int, ...]
    value: int


def small_statistics(table: CaptureTable, threshold: int) -> list[SmallStatistic]:
    """Every pairwise overlap and every cell of the table whose value is in 1..threshold-1."""
    found: list[SmallStatistic] = []
    seen: set[tuple[int, ...]] = set()
    names = table.list_names
    candidates: list[tuple[str, np.ndarray]] = []
    for first, second in itertools.combinations(range(table.n_lists), 2):
        on_both = table.histories[:, first] * table.histories[:, second]
        candidates.append((f"overlap:{names[first]}*{names[second]}", on_both))
    for row, history in enumerate(table.histories):
        indicator = np.zeros(len(table.counts), dtype=np.int64)
        indicator[row] = 1
        lists = "*".join(name for name, on in zip(names, history, strict=True) if on)
        candidates.append((f"cell:{lists}", indicator))
    for name, weights in candidates:
        value = int(weights @ table.counts)
        key = tuple(int(w) for w in weights)
        if 1 <= value < threshold and key not in seen:
            seen.add(key)
            found.append(SmallStatistic(name, key, value))
    return found


@functools.cache
def margin_moves(rows: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
    """Changes to the cells that keep every list total and the number of cases seen: k cases
    moved out of some cells and into others with the same lists between them (k = 2 or 3).
    rows: the table's histories; a change is given per row. Smallest first."""
    histories = np.asarray(rows, dtype=np.int64)
    cells = range(len(histories))
    moves: set[tuple[int, ...]] = set()
    for size in (2, 3):
        groups: dict[tuple[int, ...], list[tuple[int, ...]]] = defaultdict(list)
        for chosen in itertools.combinations_with_replacement(cells, size):
            groups[tuple(histories[list(chosen)].sum(axis=0))].append(chosen)
        for group in groups.values():
            for into, out_of in itertools.permutations(group, 2):
                if set(into) & set(out_of):
                    continue  # a smaller move already covers it
                change = np.zeros(len(histories), dtype=np.int64)
                np.add.at(change, list(into), 1)
                np.add.at(change, list(out_of), -1)
                moves.add(tuple(int(c) for c in change))
    return tuple(sorted(moves, key=lambda m: (sum(abs(c) for c in m), m)))


def neighbour_changes(
    table: CaptureTable, statistic: SmallStatistic, step: int, limit: int
) -> list[np.ndarray]:
    """Up to `limit` cell changes that keep the margins, change the statistic by `step` and leave
    every cell >= 0: single moves, and a move taken twice for a step of 2. Moves that take from
    the largest cells first (they change the table least in relative terms)."""
    weights = np.asarray(statistic.weights)
    counts = table.counts
    found: list[tuple[tuple[int, int], np.ndarray]] = []
    rows = tuple(tuple(int(v) for v in history) for history in table.histories)
    for move in margin_moves(rows):
        change = np.asarray(move)
        effect = int(weights @ change)
        if effect == 0 or step % effect != 0 or step // effect not in (1, 2):
            continue
        change = change * (step // effect)
        after = counts + change
        if (after < 0).any():
            continue
        taken = counts[change < 0]
        found.append(((int(np.abs(change).sum()), -int(taken.min())), change))
    found.sort(key=lambda item: item[0])
    return [change for _, change in found[:limit]]


# --- what the page shows --------------------------------------------------------------------


@dataclass(frozen=True)
class Outputs:
    """The model outputs the page shows, unrounded."""

    bic_model: str
    bic_n_hat: float
    stepwise: tuple[str, float, float, float]  # model, n_hat, profile lower, upper
    independence: tuple[float, float, float]
    aic_range: tuple[tuple[str, float, float, float, float], ...]  # model, delta, n_hat, limits
    aic_n_hat_min: float
    aic_n_hat_max: float
    per_year: tuple[tuple[int, float, float, float], ...]  # year, n_hat, lower, upper

    def shown(self, level: DisplayLevel) -> tuple:
        """Everything as displayed at this level, for comparison."""

        def d(value: float) -> float | None:
            return displayed(value, level.digits)

        decimals = delta_decimals(level.digits)
        return (
            self.bic_model,
            d(self.bic_n_hat),
            (self.stepwise[0], *map(d, self.stepwise[1:])),
            tuple(map(d, self.independence)),
            tuple(
                (model, round(delta, decimals), d(n_hat), d(lower), d(upper))
                for model, delta, n_hat, lower, upper in self.aic_range
            )
            if level.model_rows
            else (),
            d(self.aic_n_hat_min),
            d(self.aic_n_hat_max),
            tuple((year, d(n), d(lower), d(upper)) for year, n, lower, upper in self.per_year),
        )


def outputs(
    table: CaptureTable,
    by_year: dict[int, np.ndarray] | None = None,
    years_shown: Sequence[int] = (),
) -> Outputs | None:
    """What the page shows for this table, computed as publication.underreporting.mse_result does
    (without the bootstrap); None when it would show no estimate. by_year: the cells per year
    (rows as the table's), for the per-year estimates of years_shown."""
    # Imported on use: the models bring statsmodels and scipy.optimize, which the page's
    # display helpers above never need.
    from analysis import mse

    try:
        chosen = mse.select_model(table, "bic")
        stepwise = mse.estimate_population(table, "stepwise", "profile")
        independence = mse.estimate_population(table, "independence", "profile")
        models = mse.model_range(table, "aic", 2.0)
    except mse.NotEstimableError:
        return None
    per_year: tuple[tuple[int, float, float, float], ...] = ()
    if by_year and years_shown:
        interactions = chosen.fit.interactions
        try:
            pooled = mse.fit_pooled(
                _year_frame(table, by_year),
                interactions=interactions if interactions != "independence" else (),
            )
        except (mse.NotEstimableError, ValueError):
            return None
        strata = {int(stratum.label): stratum for stratum in pooled.years}
        per_year = tuple(
            (year, strata[year].n_hat, strata[year].lower, strata[year].upper)
            for year in years_shown
            if year in strata
        )
    return Outputs(
        bic_model=chosen.fit.interactions,
        bic_n_hat=chosen.fit.n_hat,
        stepwise=(stepwise.model, stepwise.n_hat, stepwise.lower, stepwise.upper),
        independence=(independence.n_hat, independence.lower, independence.upper),
        aic_range=tuple(
            (e.fit.interactions, e.delta, e.fit.n_hat, e.interval.lower, e.interval.upper)
            for e in models.models
        ),
        aic_n_hat_min=models.n_hat_min,
        aic_n_hat_max=models.n_hat_max,
        per_year=per_year,
    )


COUNT = "count"  # analysis.mse.COUNT_COLUMN, the count column of a capture-history frame


def _year_frame(table: CaptureTable, by_year: dict[int, np.ndarray]) -> pd.DataFrame:
    parts = []
    for year, counts in by_year.items():
        part = pd.DataFrame(table.histories, columns=list(table.list_names))
        part.insert(0, "year", year)
        part[COUNT] = counts
        parts.append(part[part[COUNT] > 0])
    return pd.concat(parts, ignore_index=True)


def cells_by_year(table: CaptureTable, frame: pd.DataFrame) -> dict[int, np.ndarray]:
    """frame (year, one 0/1 column per list, count) as counts per year in the table's row order."""
    index = {tuple(int(v) for v in history): row for row, history in enumerate(table.histories)}
    result: dict[int, np.ndarray] = {}
    names = list(table.list_names)
    for year, group in frame.groupby("year"):
        counts = np.zeros(len(table.counts), dtype=np.int64)
        for history, count in zip(
            group[names].itertuples(index=False, name=None), group[COUNT], strict=True
        ):
            row = index.get(tuple(int(v) for v in history))
            if row is not None:
                counts[row] += int(count)
        result[int(year)] = counts
    return result


# --- the check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InversionCheck:
    """The outcome: the display level to use, or withheld (then level is the last one tried).

    pinned: the statistics that the whole-number display pins (for the log and the tests; never
    shown, since naming them would say which overlaps are small).
    """

    level: DisplayLevel
    withheld: bool
    pinned: tuple[str, ...]
    statistics: tuple[str, ...]


class _Neighbours:
    """The outputs of one statistic's neighbouring tables, computed once and only as needed."""

    def __init__(self, found: Iterator[Outputs | None]) -> None:
        self._found = found
        self._known: list[Outputs] = []

    def __iter__(self) -> Iterator[Outputs]:
        yield from self._known
        for item in self._found:
            if item is None:
                continue
            self._known.append(item)
            yield item


def check_inversion(
    table: CaptureTable,
    threshold: int,
    frame: pd.DataFrame | None = None,
    years_shown: Sequence[int] = (),
    levels: Sequence[DisplayLevel] = DISPLAY_LEVELS,
) -> InversionCheck:
    """Whether the page's model outputs pin a small statistic of `table`, at each display level
    in turn (see the module docstring). frame: the capture histories per year (year, lists,
    count), needed when per-year estimates of years_shown are on the page."""
    by_year = cells_by_year(table, frame) if frame is not None and years_shown else None
    statistics = small_statistics(table, threshold)
    names = tuple(s.name for s in statistics)
    if not statistics:
        return InversionCheck(levels[0], False, (), names)
    truth = outputs(table, by_year, years_shown)
    if truth is None:
        return InversionCheck(levels[0], False, (), names)

    def neighbours(statistic: SmallStatistic) -> Iterator[Outputs | None]:
        for step in STEPS:
            for change in neighbour_changes(table, statistic, step, NEIGHBOURS_PER_STEP):
                changed_by_year = _spread(by_year, change) if by_year else None
                if by_year and changed_by_year is None:
                    continue  # no single year can take the change
                yield outputs(
                    table.with_counts(table.counts + change), changed_by_year, years_shown
                )

    found = {s.name: _Neighbours(neighbours(s)) for s in statistics}
    first_pinned: tuple[str, ...] | None = None
    pinned: tuple[str, ...] = ()
    for level in levels:
        target = truth.shown(level)
        pinned = tuple(
            name for name in names if not any(other.shown(level) == target for other in found[name])
        )
        if first_pinned is None:
            first_pinned = pinned
        if not pinned:
            return InversionCheck(level, False, first_pinned, names)
    return InversionCheck(levels[-1], True, first_pinned or pinned, names)


def _spread(by_year: dict[int, np.ndarray], change: np.ndarray) -> dict[int, np.ndarray] | None:
    """The change made within one year (the first that can take it), so that every year's count
    of cases seen, and its list totals, stay as shown."""
    for year, counts in by_year.items():
        if (counts + change >= 0).all():
            return {**by_year, year: counts + change}
    return None
