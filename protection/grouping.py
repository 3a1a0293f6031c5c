"""Before tables are built: merge units (ministries) with fewer than T reports into one group."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd

from protection.rules import ProtectionRules

DEFAULT_GROUP_LABEL = "overige ministeries"


@dataclass(frozen=True, eq=False)
class UnitGrouping:
    """The result of group_small_units.

    counts: per unit, small units replaced by one row `label` (placed last).
    mapping: every unit to what it is shown as (itself, or the group label); apply it to the
    records before building tables, so that all views use the same grouping.
    members: the grouped units, smallest first.
    """

    counts: pd.Series
    mapping: dict[Hashable, Hashable]
    members: tuple[Hashable, ...]
    label: str


def group_small_units(
    counts_by_unit: pd.Series,
    rules: ProtectionRules | None = None,
    label: str = DEFAULT_GROUP_LABEL,
) -> UnitGrouping:
    """Merge units whose count is in 1..T-1 into one group of at least T and two reporting units.

    Units with 0 reports are left alone (zeros may be shown). The small units go into the
    group; while the group is below T or holds fewer than two units with reports, the
    next-smallest remaining unit with reports joins it (smallest count first, ties in the order
    of counts_by_unit). If all units together stay below T the group is everything with
    reports and will itself be shown as '<T'.
    """
    rules = rules or ProtectionRules()
    if counts_by_unit.index.has_duplicates:
        raise ValueError("units must be unique")
    if counts_by_unit.isna().any() or (counts_by_unit < 0).any():
        raise ValueError("counts must be non-negative")
    if label in counts_by_unit.index:
        raise ValueError(f"the group label {label!r} is also a unit")

    order = {unit: position for position, unit in enumerate(counts_by_unit.index)}
    reporting = sorted(
        (unit for unit, count in counts_by_unit.items() if count > 0),
        key=lambda unit: (counts_by_unit[unit], order[unit]),
    )
    members = [unit for unit in reporting if rules.is_below_threshold(int(counts_by_unit[unit]))]
    if not members:
        mapping = {unit: unit for unit in counts_by_unit.index}
        return UnitGrouping(counts_by_unit.copy(), mapping, (), label)

    remaining = [unit for unit in reporting if unit not in members]
    while remaining and (counts_by_unit[members].sum() < rules.threshold or len(members) < 2):
        members.append(remaining.pop(0))

    member_set = set(members)
    kept = counts_by_unit[[unit not in member_set for unit in counts_by_unit.index]]
    grouped = pd.concat(
        [kept, pd.Series({label: counts_by_unit[members].sum()}, dtype=counts_by_unit.dtype)]
    )
    grouped.name = counts_by_unit.name
    grouped.index.name = counts_by_unit.index.name
    mapping = {unit: (label if unit in member_set else unit) for unit in counts_by_unit.index}
    return UnitGrouping(grouped, mapping, tuple(members), label)
