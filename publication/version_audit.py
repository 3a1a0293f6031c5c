"""The attacker audit over several data versions at once (releases, replaced or late files), and
the repair of a new version that would let a small number be read off a difference.

Domain layer (publication), beside disclosure.py whose system builder and attacker model it
reuses: publication.releases calls protect_new_version when it makes a release, with every
earlier release (withdrawn ones too: once published, known) as `earlier`.

A department that replaces a file or delivers late changes the figures of one ministry x year;
both versions are seen. Release 1 shows the 2021 total 30 without ministry X (not delivered); X
delivers one report late; release 2 shows 31 and X `<5`: the difference says X had exactly 1.

What the attacker knows. Each version shows its registry (publication.shown), as the single-
version audit reads it (disclosure.audit_rows). Which ministry x year changed between two
versions is public (the revisions table names the submissions), and every other ministry x year
has the same reports in both. Here the changed parts are derived from the versions' true cells:
a ministry group x year whose finest cells differ between consecutive versions (a replacement
with equal counts changes nothing, so treating it as unchanged is what an attacker may assume).

The unknowns. For every ministry group x year, the versions in which its reports are the same
form runs of consecutive versions; each run that occurs is a *piece*, one copy of the blocks of
disclosure's system (year x concerns shared, blocks tied by their margins). A piece's cells may
be non-zero only at the ministry x years whose reports stay the same over exactly that run;
version v's cells are the sum of the pieces whose run contains v. Every piece is a table of
reports in its own right, so any values of the pieces' blocks that agree on their margins are
the marginals of joint tables, and their sums those of every version: the system is exact, as
the single-version one is (disclosure's module text), for every number that is a sum within one
block of one version or a difference of such numbers between versions.

Targets (width upper - lower >= W for all):
- per version, what the single-version audit checks: every hidden count row, every ministry x
  channel x year and every finest cell with 1..T-1 reports, now against everything every version
  shows;
- per pair of versions and changed ministry group x year: the change of its total, and of each
  channel and category, and for that year (all changed ministries together) the change of each
  ground and outcome, when the true change is 1..T-1 in size (a late delivery of one report; a
  replacement that adds or removes two).
A finest cell of a ministry label that is the rest of a dimension, or of an axis no row splits,
has lower bound 0 (as in the single-version audit) and as upper bound the Frechet bound of the
version's sums over its pieces, which is never below the attacker's: there the audit can err
towards passing (docs/protection.md, limits).

The repair (protect_new_version) hides more in the NEW version only: earlier versions are
published. While the joint audit fails, for each failing target the shown counts of the new
version that it depends on (their cells meet the target's) are tried cheapest first (least
information lost: the smallest shown count), each relaxed in the joint attacker model; the first
that widens the target to W is chosen, else the one that widens it most. The publication of the
new version is then recomputed with those forced suppressions (protection.protect_union with
force_suppressed, which adds what protects them in the new version itself), and the joint audit
runs again, until it passes or nothing is left that helps.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy import sparse

from etl.queries import CELL_DIMENSIONS
from protection.aggregates import PRIMARY, PUBLISHED, SECONDARY, CellKey
from protection.audit import Interval
from protection.rules import ProtectionRules
from publication import shown
from publication.derived import DerivedResults
from publication.disclosure import (
    AXES,
    COMBINATION,
    FINEST,
    REST,
    SHARED,
    DisclosureAudit,
    Failure,
    _label,
    _RegistryModel,
    _Rows,
    _rule_failures,
    _small_finest_cells,
    _status_rows,
    _structural,
    _System,
    _system,
    _universes,
    audit_rows,
)
from publication.protected import Publication, build_publication
from publication.shown import ALL, CELL_COLUMN, COUNT, ShownNumber
from publication.underreporting import MseResult, protected_cases

LOG = logging.getLogger("meldingenmonitor.version_audit")
CHANGE = "change"
# The dimensions whose change is a target: per ministry x year where the ministry's block holds
# them, else per year (all changed ministries of the year together).
CHANGE_AXES = ("channel", "category", "ground", "outcome")
# Rounds of recomputing the new version's publication before giving up.
MAX_ROUNDS = 12


@dataclass(frozen=True)
class Version:
    """One data version as the attacker sees it, and its truth for the audit."""

    rows: tuple[ShownNumber, ...]  # what it shows (shown.shown_numbers or a release's rows)
    cells: pd.DataFrame  # its true finest cells (etl.queries.finest_cells at that version)


@dataclass(frozen=True)
class ReleaseProtection:
    """The new version protected against the earlier ones."""

    results: DerivedResults  # the new version's results, extra suppressions where needed
    extra_hidden: tuple[str, ...]  # registry ids hidden only to protect against earlier versions
    audit: DisclosureAudit  # the joint audit (passed, or its failures)


# --- the changed parts ----------------------------------------------------------------------


def changed_parts(before: pd.DataFrame, after: pd.DataFrame) -> set[tuple[int, str]]:
    """(year, ministry group) whose finest cells differ between two versions' cells."""
    columns = list(CELL_DIMENSIONS)

    def summed(cells: pd.DataFrame) -> pd.Series:
        frame = cells[cells["count"] != 0]
        return frame.groupby(columns)["count"].sum()

    left, right = summed(before), summed(after)
    both = pd.concat([left.rename("before"), right.rename("after")], axis=1).fillna(0)
    differ = both[both["before"] != both["after"]].reset_index()
    return {
        (int(y), str(g)) for y, g in zip(differ["year"], differ["department_group"], strict=True)
    }


def _runs(versions: Sequence[Version]) -> dict[tuple[int, str], list[tuple[int, int]]]:
    """Per changed (year, group): the runs of versions [first, last] with the same reports."""
    last = len(versions) - 1
    breaks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index in range(1, len(versions)):
        for part in changed_parts(versions[index - 1].cells, versions[index].cells):
            breaks[part].append(index)
    runs = {}
    for part, starts in breaks.items():
        edges = [0, *sorted(starts), last + 1]
        runs[part] = [(a, b - 1) for a, b in zip(edges, edges[1:], strict=False)]
    return runs


# --- the joint system -----------------------------------------------------------------------


@dataclass
class _Joint:
    """Pieces x cells of one disclosure._System, and the attacker model over them."""

    system: _System
    pieces: list[tuple[int, int]]
    rows: list[_Rows]  # per version, its rows over one copy of the cells
    offsets: list[int]  # per version, where its rows start in the model
    model: _RegistryModel
    runs: dict[tuple[int, str], list[tuple[int, int]]]
    allowed: dict[tuple[str, str], set[tuple[int, int]]]

    @property
    def n(self) -> int:
        return self.system.n_cells

    def containing(self, version: int) -> list[int]:
        return [i for i, (a, b) in enumerate(self.pieces) if a <= version <= b]

    def lift(self, vector: np.ndarray, version: int) -> np.ndarray:
        """A form over one version's cells as a form over the pieces."""
        out = np.zeros(self.n * len(self.pieces))
        for piece in self.containing(version):
            out[piece * self.n : (piece + 1) * self.n] = vector
        return out

    def lift_piece(self, vector: np.ndarray, piece: int) -> np.ndarray:
        out = np.zeros(self.n * len(self.pieces))
        out[piece * self.n : (piece + 1) * self.n] = vector
        return out

    def pieces_at(self, version: int, year: str, department: str) -> list[int]:
        """The pieces of a version that may hold reports of this year and ministry label."""
        runs = self.allowed.get((year, department), set())
        return [i for i in self.containing(version) if self.pieces[i] in runs]


def _all_groups(versions: Sequence[Version]) -> set[str]:
    groups = set(shown.group_of_code().values())
    for version in versions:
        groups |= set(version.cells["department_group"].astype(str))
    return groups


def _allowed(
    system: _System,
    runs: dict[tuple[int, str], list[tuple[int, int]]],
    full: tuple[int, int],
    groups: set[str],
) -> dict[tuple[str, str], set[tuple[int, int]]]:
    """(year label, ministry label) -> the runs whose piece may hold reports there."""
    allowed: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    reached: set[tuple[str, str]] = set()
    changed_years = {year for year, _ in runs}
    for year in changed_years:
        year_label = _label("year", year, system)
        if year_label is None:
            continue
        for group in groups:
            label = _label("department", group, system)
            if label is None:
                continue
            reached.add((year_label, label))
            allowed[(year_label, label)] |= set(runs.get((year, group), [full]))
    for year_label in system.universe["year"]:
        for label in system.universe["department"]:
            if (year_label, label) not in reached:
                allowed[(year_label, label)].add(full)
    return allowed


def _own_zeros(rows: Sequence[ShownNumber], system: _System) -> list[np.ndarray]:
    """Cells a version's own registry says are empty: the codes its count rows do not name on
    an axis they split (its tables list every category with reports), within the joint
    universe that other versions widened."""
    own = _universes(rows)
    masks = []
    for axis in AXES:
        if REST in own[axis] or own[axis] == [ALL] or system.universe[axis] == [ALL]:
            continue
        extra = [code for code in system.universe[axis] if code not in own[axis]]
        if not extra:
            continue
        block = 0 if axis in SHARED else system.block_for([axis])
        masks.append(system.mask({axis: extra}, block))
    return masks


def _joint(versions: Sequence[Version], rules: ProtectionRules) -> _Joint:
    every = [row for version in versions for row in version.rows]
    system = _system(every, combine=[("department", "channel")])
    n = system.n_cells
    full = (0, len(versions) - 1)
    runs = _runs(versions)
    pieces = sorted({full, *(run for found in runs.values() for run in found)})
    allowed = _allowed(system, runs, full, _all_groups(versions))
    joint = _Joint(system, pieces, [], [], None, runs, allowed)  # type: ignore[arg-type]
    blocks, status, values = [], [], []
    width = n * len(pieces)
    for index, version in enumerate(versions):
        own = _status_rows(version.rows, system, rules)
        joint.rows.append(own)
        joint.offsets.append(sum(len(r.status) for r in joint.rows[:-1]))
        empty = sparse.csr_array((own.matrix.shape[0], n))
        blocks.append(
            sparse.hstack(
                [own.matrix if a <= index <= b else empty for a, b in pieces], format="csr"
            )
            if own.matrix.shape[0]
            else sparse.csr_array((0, width))
        )
        status.append(own.status)
        values.append(own.values)
    # Known zeros: a piece outside its ministry x years, a version's unnamed codes.
    zeros = []
    for piece, run in enumerate(pieces):
        inside = np.zeros(n, dtype=bool)
        for (year, label), found in allowed.items():
            if run in found:
                for block in range(len(system.blocks)):
                    inside |= system.mask({"year": [year], "department": [label]}, block)
        if not inside.all():
            zeros.append(joint.lift_piece((~inside).astype(np.float64), piece))
    for index, version in enumerate(versions):
        for mask in _own_zeros(version.rows, system):
            zeros.append(joint.lift(mask.astype(np.float64), index))
    if zeros:
        blocks.append(sparse.csr_array(np.vstack(zeros)))
        status.append(np.full(len(zeros), PUBLISHED, dtype=np.int8))
        values.append(np.zeros(len(zeros)))
    structural = _structural(system)
    model = _RegistryModel(
        sparse.vstack(blocks, format="csr"),
        np.concatenate(status),
        np.concatenate(values),
        rules,
        structural_rows=None
        if structural is None
        else sparse.block_diag([structural] * len(pieces), format="csr"),
    )
    joint.model = model
    return joint


# --- the targets ----------------------------------------------------------------------------


@dataclass
class _Target:
    key: str  # how a failure names it
    support: np.ndarray  # the columns (pieces x cells) it depends on
    solve: Callable[[], Interval]  # its interval under the model as it stands
    interval: Interval
    protected: bool = True  # must be at least W wide (not: a number hidden for others' sake)


def _target(
    key: str, support: np.ndarray, solve: Callable[[], Interval], protected: bool = True
) -> _Target:
    return _Target(key, support != 0, solve, solve(), protected)


def _linear(model: _RegistryModel, vector: np.ndarray) -> Callable[[], Interval]:
    """[min, max] of a sum of cells (never below 0)."""

    def solve() -> Interval:
        lower, upper, _ = model.interval(vector)
        return Interval(lower, upper)

    return solve


def _difference(model: _RegistryModel, vector: np.ndarray) -> Callable[[], Interval]:
    """[min, max] of a difference between versions (may be negative)."""
    return lambda: Interval(model.minimum(vector), -model.minimum(-vector))


def _hidden_targets(joint: _Joint, index: int) -> list[_Target]:
    """Every hidden count row of a version. One shown as '<T' must stay W wide; one hidden only
    for the sake of others (the secondary symbol, at least T) is no secret in itself, and across
    versions often known exactly from an earlier one that showed it: its interval is reported,
    the small numbers it served are targets of their own."""
    own = joint.rows[index]
    found = []
    for row in np.flatnonzero(np.isin(own.status, (PRIMARY, SECONDARY))):
        vector = joint.lift(own.matrix[[row]].toarray().ravel(), index)
        key = f"v{index}|{own.ids[row]}"
        primary = bool(own.status[row] == PRIMARY)
        found.append(_target(key, vector, _linear(joint.model, vector), primary))
    return found


def _combination_targets(
    joint: _Joint, index: int, cells: pd.DataFrame, rules: ProtectionRules, sensitive: dict
) -> tuple[list[_Target], int]:
    system = joint.system
    found, unmapped = [], 0
    if len(system.universe["department"]) <= 1 or len(system.universe["channel"]) <= 1:
        return found, unmapped
    columns = ["year", "department_group", "channel"]
    combos = cells.groupby(columns, as_index=False)["count"].sum()
    combos = combos[combos["count"].between(1, rules.threshold - 1)]
    for year, group, channel in combos[columns].itertuples(index=False, name=None):
        labels = [_label(a, v, system) for a, v in (("department", group), ("channel", channel))]
        if any(label in (None, REST) for label in labels):
            unmapped += 1
            continue
        selection = {"year": [str(year)], "department": [labels[0]], "channel": [labels[1]]}
        block = system.block_for(system.restricted_axes(selection))
        vector = joint.lift(system.mask(selection, block).astype(np.float64), index)
        key = (COMBINATION, (index, int(year), group, channel))
        found.append(_target(_key_text(key), vector, _linear(joint.model, vector)))
        sensitive[key] = found[-1].interval
    return found, unmapped


def _finest_targets(
    joint: _Joint, index: int, cells: pd.DataFrame, rules: ProtectionRules, sensitive: dict
) -> tuple[list[_Target], int]:
    """Every finest cell of the version with 1..T-1 reports: Frechet bounds over the blocks of
    the one piece that holds it (disclosure._audit_sensitive does the same in one version)."""
    system, model = joint.system, joint.model
    k = len(system.blocks)
    found, unmapped = [], 0
    for labels, cell in _small_finest_cells(cells, system, rules):
        if cell is None:
            unmapped += 1
            continue
        # In one piece the cell has its Frechet bounds there; spread over several (or coarse),
        # lower bound 0 and the upper bound over the version's sum of its pieces.
        pieces = joint.pieces_at(index, cell.mapped["year"], cell.mapped["department"])
        if cell.coarse or len(pieces) != 1:
            lifted = [joint.lift(form, index) for form in cell.forms]
            lowest = None
        else:
            lifted = [joint.lift_piece(form, pieces[0]) for form in cell.forms]
            lowest = joint.lift_piece(cell.lowest, pieces[0])

        def solve(lifted=lifted, lowest=lowest) -> Interval:
            lower = 0.0 if lowest is None else max(model.minimum(lowest), 0.0)
            upper = model.max_of_min(lifted) if k > 1 else model.interval(lifted[0])[1]
            return Interval(lower, upper)

        key = (FINEST, (index, *labels))
        found.append(_target(_key_text(key), np.sum(lifted, axis=0), solve))
        sensitive[key] = found[-1].interval
    return found, unmapped


def _change_targets(
    joint: _Joint, versions: Sequence[Version], rules: ProtectionRules, sensitive: dict
) -> list[_Target]:
    """The change between two versions of a changed ministry x year (and its parts) where it is
    1..T-1 in size."""
    system = joint.system
    small = (1, rules.threshold - 1)
    found = []
    for first in range(len(versions)):
        for second in range(first + 1, len(versions)):
            parts = [
                part
                for part, found_runs in joint.runs.items()
                if not any(a <= first and second <= b for a, b in found_runs)
            ]
            if not parts:
                continue
            before, after = versions[first].cells, versions[second].cells
            specs: list[tuple[tuple, dict[str, list[str]]]] = []
            home = system.block_for(["department"])
            with_department = [a for a in CHANGE_AXES if system.block_for([a]) == home]
            for year, group in sorted(parts):
                label = _label("department", group, system)
                if label in (None, REST, ALL):
                    continue
                base = {"year": [str(year)], "department": [label]}
                specs.append(((year, group, "*", "*"), base))
                for axis in with_department:
                    for code in _codes(system, axis):
                        specs.append(((year, group, axis, code), {**base, axis: [code]}))
            for year in sorted({year for year, _ in parts}):
                for axis in CHANGE_AXES:
                    if axis not in with_department:
                        for code in _codes(system, axis):
                            selection = {"year": [str(year)], axis: [code]}
                            specs.append(((year, "*", axis, code), selection))
            for labels, selection in specs:
                year, group, axis, code = labels
                true = _true_sum(after, year, group, axis, code) - _true_sum(
                    before, year, group, axis, code
                )
                if not small[0] <= abs(true) <= small[1]:
                    continue
                block = system.block_for(system.restricted_axes(selection))
                mask = system.mask(selection, block).astype(np.float64)
                vector = joint.lift(mask, second) - joint.lift(mask, first)
                key = (CHANGE, (first, second, *labels))
                found.append(_target(_key_text(key), vector, _difference(joint.model, vector)))
                sensitive[key] = found[-1].interval
    return found


def _codes(system: _System, axis: str) -> list[str]:
    """The codes of an axis that a row splits (none for an axis kept whole or its rest)."""
    return [code for code in system.universe[axis] if code not in (ALL, REST)]


def _true_sum(cells: pd.DataFrame, year: int, group: str, axis: str, code: str) -> int:
    keep = cells["year"] == year
    if group != "*":
        keep &= cells["department_group"].astype(str) == group
    if axis != "*":
        keep &= cells[CELL_COLUMN[axis]].astype(str) == code
    return int(cells.loc[keep, "count"].sum())


def true_change(key: tuple, versions: Sequence[Version]) -> int:
    """The true value of a change target (a sensitive key of kind 'change')."""
    first, second, year, group, axis, code = key[1]
    return _true_sum(versions[second].cells, year, group, axis, code) - _true_sum(
        versions[first].cells, year, group, axis, code
    )


def _key_text(key: tuple) -> str:
    kind, labels = key
    return f"{kind}|" + "|".join(str(label) for label in labels)


# --- the audit ------------------------------------------------------------------------------


@dataclass
class _Outcome:
    audit: DisclosureAudit
    joint: _Joint | None
    failing: list[_Target]


def _audit(versions: Sequence[Version], rules: ProtectionRules) -> _Outcome:
    started = time.perf_counter()
    failures: list[Failure] = []
    for index, version in enumerate(versions):
        for failure in _rule_failures(version.rows, rules):
            failures.append(replace(failure, id=f"v{index}|{failure.id}"))
    intervals: dict[str, Interval] = {}
    sensitive: dict[tuple, Interval] = {}
    targets: list[_Target] = []
    unmapped = 0
    joint = None
    try:
        joint = _joint(versions, rules)
        for index, version in enumerate(versions):
            hidden = _hidden_targets(joint, index)
            intervals.update({t.key: t.interval for t in hidden})
            targets += hidden
            if version.cells is None or version.cells.empty:
                continue
            combos, missed = _combination_targets(joint, index, version.cells, rules, sensitive)
            finest, missed_cells = _finest_targets(joint, index, version.cells, rules, sensitive)
            targets += combos + finest
            unmapped += missed + missed_cells
        targets += _change_targets(joint, versions, rules, sensitive)
    except RuntimeError as error:  # an infeasible system: the versions contradict each other
        failures.append(Failure("(system)", "contradiction", str(error)))
        audit = DisclosureAudit(
            rules, intervals, sensitive, failures, seconds=time.perf_counter() - started
        )
        return _Outcome(audit, None, [])
    width = rules.min_interval_width
    failing = [t for t in targets if t.protected and not t.interval.is_at_least(width)]
    failures += [Failure(t.key, "narrow", _bounds(t.interval)) for t in failing]
    audit = DisclosureAudit(
        rules,
        intervals,
        sensitive,
        failures,
        seconds=time.perf_counter() - started,
        unmapped_cells=unmapped,
    )
    return _Outcome(audit, joint, failing)


def _bounds(interval: Interval) -> str:
    return f"[{interval.lower:g}, {interval.upper:g}]"


def audit_versions(versions: Sequence[Version], rules: ProtectionRules) -> DisclosureAudit:
    """The attacker audit of several versions together (see the module text).

    intervals: 'v<i>|<row id>' for every hidden count row of version i. sensitive: keys
    ('finest' | 'department_channel_year', (i, *true labels)) per version, and
    ('change', (first, second, year, group or '*', axis or '*', code or '*')) for changes
    between two versions (true_change gives their value).
    """
    return _audit(versions, rules).audit


# --- the repair -----------------------------------------------------------------------------


def _candidates(
    outcome: _Outcome, new: int, forceable: set[str], rules: ProtectionRules
) -> list[str]:
    """Registry ids of the new version to hide, chosen in the joint attacker model: per failing
    target, the shown counts of the new version whose cells meet the target's are relaxed
    cheapest first until the target is W wide; then those it does not need are shown again,
    dearest first. A target that no hiding in the new version widens enough is left (it fails).
    """
    joint = outcome.joint
    own = joint.rows[new]
    offset = joint.offsets[new]
    model = joint.model
    width = rules.min_interval_width
    columns = np.zeros(joint.n * len(joint.pieces), dtype=bool)
    for piece in joint.containing(new):
        columns[piece * joint.n : (piece + 1) * joint.n] = True
    shown_rows = [
        row
        for row in np.flatnonzero(own.status == PUBLISHED)
        if own.ids[row] in forceable and own.values[row] >= rules.threshold
    ]
    # A count that is no cell of a table (a stacked bar's 'not shown' part) is computed from
    # shown table cells; it follows them when they are hidden, so the model drops it here.
    derived = [
        row
        for row in np.flatnonzero(own.status == PUBLISHED)
        if own.ids[row] not in forceable and own.ids[row].startswith(f"{COUNT}|")
    ]
    model.hide([offset + row for row in derived], SECONDARY)
    # A target depends on every count of the years it lies in: the blocks are tied by their
    # year x concerns margins, so a ground table's row can pin a ministry's change.
    system = joint.system
    years = {
        year: np.any([system.mask({"year": [year]}, b) for b in range(len(system.blocks))], axis=0)
        for year in system.universe["year"]
    }
    cells_of = {row: own.matrix[[row]].toarray().ravel() != 0 for row in shown_rows}
    chosen: list[int] = []
    for target in outcome.failing:
        if target.solve().is_at_least(width):
            continue
        support = (target.support & columns).reshape(len(joint.pieces), joint.n).any(axis=0)
        near = np.any([mask for mask in years.values() if (mask & support).any()], axis=0)
        candidates = sorted(
            (row for row in shown_rows if row not in chosen and (cells_of[row] & near).any()),
            key=lambda row: (own.values[row], own.ids[row]),
        )
        relaxed = []
        for row in candidates:
            model.hide([offset + row], SECONDARY)
            relaxed.append(row)
            if target.solve().is_at_least(width):
                break
        else:  # hiding everything it meets in the new version does not suffice
            model.hide([offset + row for row in relaxed], PUBLISHED)
            continue
        for row in sorted(relaxed, key=lambda row: (-own.values[row], own.ids[row])):
            model.hide([offset + row], PUBLISHED)
            if not target.solve().is_at_least(width):
                model.hide([offset + row], SECONDARY)
            else:
                relaxed.remove(row)
        chosen += relaxed
    return [own.ids[row] for row in chosen]


def _keys_of(results: DerivedResults) -> dict[str, list[CellKey]]:
    """registry id -> the cells of the protected tables that show it."""
    keys: dict[str, list[CellKey]] = defaultdict(list)
    for name, by_labels in shown.table_ids(results).items():
        for labels, row_id in by_labels.items():
            keys[row_id].append(CellKey(name, *labels))
    return keys


def _with_publication(results: DerivedResults, publication: Publication) -> DerivedResults:
    """The results with another publication of the same data: the capture-recapture result
    follows it where it depends on what the publication shows (publication.underreporting.
    mse_result: the years whose deduplicated cases are shown). Showing less keeps the display
    level its inversion check chose safe."""
    mse: MseResult = results.mse
    if mse.estimable and not results.cases.empty:
        registered = protected_cases(results.cases, publication, publication.rules)
        raw = results.cases
        hidden = raw[
            [not (registered.get(int(y)) and registered[int(y)].deduplicated) for y in raw["year"]]
        ]
        duplicates = int((hidden["registrations"] - hidden["cases"]).sum())
        if 0 < duplicates < publication.rules.threshold:
            mse = MseResult(False, "small_numbers")
        elif mse.per_year:
            mse = replace(
                mse,
                per_year={
                    year: stratum
                    for year, stratum in mse.per_year.items()
                    if registered.get(year) and registered[year].deduplicated
                },
            )
    return replace(results, publication=publication, mse=mse)


def protect_new_version(
    earlier: Sequence[Version],
    results: DerivedResults,
    cells: pd.DataFrame,
    rules: ProtectionRules,
) -> ReleaseProtection:
    """The new version's results, with what must be hidden so that nothing small can be read
    from its differences with the earlier versions (see the module text). audit.passed is False
    when hiding more in the new version does not suffice; then its failures say what."""
    original = {row.id: row for row in shown.shown_numbers(results)}
    rows = tuple(original.values())
    outcome = _audit([*earlier, Version(rows, cells)], rules)
    forced: dict[str, list[CellKey]] = {}
    new = len(earlier)
    for _ in range(MAX_ROUNDS):
        if outcome.audit.passed or outcome.joint is None:
            break
        keys = _keys_of(results)
        chosen = _candidates(outcome, new, set(keys), rules)
        if not chosen:
            break
        forced.update({row_id: keys[row_id] for row_id in chosen})
        LOG.info("hiding %d more numbers against earlier versions: %s", len(chosen), chosen)
        wanted = [key for found in forced.values() for key in found]
        publication = build_publication(cells, rules, force_suppressed=wanted)
        results = _with_publication(results, publication)
        rows = tuple(shown.shown_numbers(results))
        outcome = _audit([*earlier, Version(rows, cells)], rules)
    now = {row.id: row for row in rows}
    extra = tuple(
        sorted(
            row_id
            for row_id, row in original.items()
            if row.statistic == COUNT
            and not row.hidden
            and (row_id not in now or now[row_id].hidden)
        )
    )
    audit = outcome.audit
    if forced:  # the recomputed version must pass the audit of one version as well
        alone = audit_rows(rows, rules, cells, exact=False)
        audit.failures.extend(replace(f, id=f"v{new}|{f.id}") for f in alone.failures)
    if not audit.passed:
        LOG.error(
            "the new version cannot be protected against earlier ones:\n%s", audit.reason("en")
        )
    return ReleaseProtection(results, extra, audit)
