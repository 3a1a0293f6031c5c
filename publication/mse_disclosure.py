"""Capture-recapture outputs checked for inversion to a small cell before they are shown.

Domain layer (publication), called by publication.underreporting.mse_result once the estimate is
computed (and so by the worker, `python -m publication derive`); the page
(presentation.underreporting), the registry (publication.shown) and the stored results
(publication.derived) all read the outcome from MseResult (display_digits, model_rows,
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
(DISPLAY_LEVELS: estimates and limits to two, then one significant figure, and at each of those
the models' dot plot without a dot per model) and checked again; if even that pins a statistic,
the model outputs are withheld.

What is compared (Outputs.shown): what the page shows of capture-recapture. The headline (the
model-averaged estimate of analysis.model_averaging.headline_estimate and its MATA limits, at
most two significant figures, HEADLINE_DIGITS), the spread of the estimates over every estimable
model (smallest and largest), the model the stepwise procedure chooses with its dot, the
independence model's dot, and, where the dot plot shows a dot per model, every estimable model
with its estimate and its own log-normal interval (DOT_LEVEL). Which models are estimable, and
the stepwise choice, are compared too: both are functions of the table. Every number the page
derives from these (the plain-words sentence, the average per year) is computed from the
displayed values, so it tells no more than they do. A neighbour found with the same display is a
proof that the statistic is not pinned; not finding one among the few neighbours tried is
treated as pinned (conservative).

Cost: each neighbour is one refit of every estimable model (64 for four lists) with warm starts
from the true table's fits, and one stepwise choice: about a tenth of a second; on the demo data
the whole check takes a few seconds (docs/mse.md).
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

if TYPE_CHECKING:
    from analysis.model_averaging import ModelAverage
    from analysis.mse import CaptureTable


@dataclass(frozen=True)
class DisplayLevel:
    """How the model outputs are displayed. digits: significant figures of estimates and limits
    (None: whole numbers; the headline never has more than HEADLINE_DIGITS); model_rows: whether
    the dot plot shows a dot per estimable model, else only the stepwise and independence models
    and the spread over all of them; grid: the headline's limits and the spread rounded outward
    to 1, 2 or 5 times a power of ten (the coarsest display before withholding)."""

    digits: int | None
    model_rows: bool = True
    grid: bool = False

    def model(self, value: float | None) -> float | None:
        """A model's estimate or limit (a dot, the stepwise and independence rows)."""
        return displayed(value, self.digits)

    def headline(self, value: float | None, side: str = "") -> float | None:
        """The headline estimate (side '') or a limit ('lower', 'upper')."""
        if self.grid:
            return on_grid(value, side)
        return displayed(value, headline_digits(self.digits))

    def spread(self, value: float | None, side: str) -> float | None:
        """The smallest ('lower') or largest ('upper') estimate over every model."""
        return on_grid(value, side) if self.grid else displayed(value, self.digits)


# Tried in turn, most informative first: as computed (whole numbers), then 2 significant figures,
# then without a dot per model (which models are estimable and where each lies changes with a
# single case), then the same two at 1 significant figure, then the headline's limits and the
# spread on the 1-2-5 grid.
DISPLAY_LEVELS: tuple[DisplayLevel, ...] = (
    DisplayLevel(None),
    DisplayLevel(2),
    DisplayLevel(2, model_rows=False),
    DisplayLevel(1),
    DisplayLevel(1, model_rows=False),
    DisplayLevel(1, model_rows=False, grid=True),
)

WITHHELD_SMALL_OVERLAP = "withheld_small_overlap"
STEPS = (1, -1, 2, -2)
# Neighbours tried per statistic and step: each costs a refit of every model the page shows
# (about 0.1 s for four lists with warm starts; three per step were too few to find the witness on
# the demo data).
NEIGHBOURS_PER_STEP = 6
# The headline is stated in plain words at two significant figures (as CBS and ONS round an
# experimental estimate); the models' dots keep the precision of the display level.
HEADLINE_DIGITS = 2
# Each model's own interval in the dot plot: log-normal (Chao 1987) at nominal 95 %, valid only
# if that model were the true one (the page says so).
DOT_LEVEL = 0.95
INDEPENDENCE = "independence"
# 'When the interval spans more than a factor of about 3 (upper / lower), no single number: the
# spread is the message' (issue 14, after how CBS and ONS state experimental estimates).
MAX_SPREAD_FOR_ONE_NUMBER = 3.0  # analysis.mse.format_interactions of no interactions


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


def on_grid(value: float | None, side: str) -> float | None:
    """A limit rounded outward to the 1-2-5 grid (lower down, upper up, else to the nearest):
    820 -> 500 as a lower limit, 21,543 -> 50,000 as an upper one."""
    if value is None or not math.isfinite(value) or value <= 0:
        return value
    power = 10.0 ** math.floor(math.log10(value))
    points = [step * power for step in (1, 2, 5, 10)]
    if side == "lower":
        found = max(point for point in points if point <= value * (1 + 1e-12))
    elif side == "upper":
        found = min(point for point in points if point >= value * (1 - 1e-12))
    else:
        found = min(points, key=lambda point: abs(math.log(point / value)))
    return float(round(found))


def single_number(lower: float | None, upper: float | None) -> bool:
    """Whether a headline with these displayed limits may be stated as one number: an upper
    limit, and at most a factor MAX_SPREAD_FOR_ONE_NUMBER between the limits. Else the spread
    is the message (and the point estimate is not shown)."""
    if lower is None or upper is None or not math.isfinite(upper) or lower <= 0:
        return False
    return upper / lower <= MAX_SPREAD_FOR_ONE_NUMBER


def headline_digits(digits: int | None) -> int:
    """Significant figures of the headline at a display level: two, or fewer when coarsened."""
    return HEADLINE_DIGITS if digits is None else min(digits, HEADLINE_DIGITS)


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
class Dot:
    """One estimable model in the dot plot: its interactions ('IC:MP,MP:VP' or 'independence'),
    its estimate and its own log-normal interval at DOT_LEVEL."""

    model: str
    n_hat: float
    lower: float
    upper: float


def model_dots(average: ModelAverage) -> tuple[Dot, ...]:
    """Every estimable model of a model average as a dot with its own interval at DOT_LEVEL
    (from the model's estimate and standard error: no refit), in the average's order."""
    # Imported on use: the models bring scipy, which the display helpers above never need.
    from analysis.mse import lognormal_limits

    dots = []
    for entry in average.models:
        lower, upper = lognormal_limits(average.n_observed, entry.n_hat, entry.se, DOT_LEVEL)
        dots.append(Dot(entry.interactions, entry.n_hat, lower, upper))
    return tuple(dots)


@dataclass(frozen=True)
class Outputs:
    """The model outputs the page shows, unrounded: the headline (model average with its MATA
    limits), the model the stepwise procedure chooses, and every estimable model's dot."""

    n_hat: float
    lower: float
    upper: float
    stepwise: str
    dots: tuple[Dot, ...]

    def dot(self, model: str) -> Dot | None:
        return next((dot for dot in self.dots if dot.model == model), None)

    @property
    def spread(self) -> tuple[float, float]:
        """The smallest and largest estimate over every estimable model."""
        estimates = [dot.n_hat for dot in self.dots]
        return min(estimates), max(estimates)

    def shown(self, level: DisplayLevel) -> tuple:
        """Everything as displayed at this level, for comparison."""

        def of(dot: Dot | None) -> tuple | None:
            if dot is None:
                return None
            return (level.model(dot.n_hat), level.model(dot.lower), level.model(dot.upper))

        lower, upper = level.headline(self.lower, "lower"), level.headline(self.upper, "upper")
        # The point estimate only where the page states one number.
        n_hat = level.headline(self.n_hat) if single_number(lower, upper) else None
        smallest, largest = self.spread
        return (
            (n_hat, lower, upper),
            (level.spread(smallest, "lower"), level.spread(largest, "upper")),
            self.stepwise,
            of(self.dot(self.stepwise)),
            of(self.dot(INDEPENDENCE)),
            tuple(sorted((dot.model, *of(dot)) for dot in self.dots)) if level.model_rows else (),
        )


def outputs_of(average: ModelAverage, stepwise: str) -> Outputs:
    """The outputs of a computed headline estimate and stepwise choice."""
    return Outputs(average.n_hat, average.lower, average.upper, stepwise, model_dots(average))


def outputs(table: CaptureTable, starts: dict | None = None) -> Outputs | None:
    """What the page shows for this table, computed as publication.underreporting.mse_result
    does; None when it would show no estimate. starts: warm starts per model (updated)."""
    # Imported on use: the models bring scipy.optimize, which the display helpers never need.
    from analysis import model_averaging, mse

    try:
        average = model_averaging.headline_estimate(table, starts)
        stepwise = mse.stepwise_fit(table).fit.interactions
    except mse.NotEstimableError:
        return None
    return outputs_of(average, stepwise)


# --- the check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InversionCheck:
    """The outcome: the display level to use, or withheld (then level is the last one tried).

    pinned: the statistics that the whole-number display pins (for the log and the tests; never
    shown, since naming them would say which overlaps are small). neighbours: how many
    neighbouring tables were fitted (the check's cost).
    """

    level: DisplayLevel
    withheld: bool
    pinned: tuple[str, ...]
    statistics: tuple[str, ...]
    neighbours: int = 0


class _Neighbours:
    """The outputs of one statistic's neighbouring tables, computed once and only as needed."""

    def __init__(self, found: Iterator[Outputs | None]) -> None:
        self._found = found
        self._known: list[Outputs] = []
        self.fitted = 0

    def __iter__(self) -> Iterator[Outputs]:
        yield from self._known
        for item in self._found:
            self.fitted += 1
            if item is None:
                continue
            self._known.append(item)
            yield item


def check_inversion(
    table: CaptureTable,
    threshold: int,
    levels: Sequence[DisplayLevel] = DISPLAY_LEVELS,
    truth: Outputs | None = None,
    starts: dict | None = None,
) -> InversionCheck:
    """Whether the page's model outputs pin a small statistic of `table`, at each display level
    in turn (see the module docstring). truth: the outputs of `table` when already computed,
    with starts: the warm starts of its fits (analysis.model_averaging.headline_estimate)."""
    statistics = small_statistics(table, threshold)
    names = tuple(s.name for s in statistics)
    if not statistics:
        return InversionCheck(levels[0], False, (), names)
    # The true table's fits first: every neighbour starts from them (a few Newton steps each).
    starts = {} if starts is None else starts
    if truth is None:
        truth = outputs(table, starts)
    if truth is None:
        return InversionCheck(levels[0], False, (), names)

    def neighbours(statistic: SmallStatistic) -> Iterator[Outputs | None]:
        for step in STEPS:
            for change in neighbour_changes(table, statistic, step, NEIGHBOURS_PER_STEP):
                yield outputs(table.with_counts(table.counts + change), dict(starts))

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
            cost = sum(neighbour.fitted for neighbour in found.values())
            return InversionCheck(level, False, first_pinned, names, cost)
    cost = sum(neighbour.fitted for neighbour in found.values())
    return InversionCheck(levels[-1], True, first_pinned or pinned, names, cost)
