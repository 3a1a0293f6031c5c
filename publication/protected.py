"""Everything the product can publish, protected together: pages and exports only ever see this.

The product publishes a FIXED set of tables, each year x one breakdown, for every measure of the
registry (publication.measures: what each counts, and its breakdowns) and the letter's figures.
Filters on the pages choose which of these tables and which of their rows to show; they never make a
new aggregate (a sum over a user's selection of ministries, say), because two such selections could
be subtracted from each other. The tables form four linked sets that share only the year and
concerns dimensions; all four are protected as ONE system (protection.union): each set has its own
finest cells, tied to the others by their shared year x concerns margins, so every suppression is
chosen and checked against everything every set shows, and a year total shown by several sets is one
number with one status. `audit_publication` re-derives, from what is shown only, the attacker's
interval of every hidden number of the union (and, given the true records, of every cell of the
joint table).

If some table cannot be protected at all (four 1s under a total of 4), protection degrades
deterministically: small ministries are merged into 'overige ministeries', and failing that a
breakdown is given up (recorded in Publication.unavailable); the year-total series of the measures
always remain. See docs/protection.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from base.reference import ministries
from etl.contract import CATEGORIES, CHANNELS, GROUNDS, OUTCOMES
from etl.queries import NOT_FILLED_IN
from protection.aggregates import CellKey
from protection.audit import Interval
from protection.display import GROUPED_UNITS_NOTE, TABLE_UNAVAILABLE_MESSAGE, protection_text
from protection.grouping import DEFAULT_GROUP_LABEL, group_small_units
from protection.rules import ProtectionRules
from protection.suppression import UnprotectableError
from protection.tables import ProtectedTable, TableView, link_tables, protect
from protection.union import (
    LinkedUnion,
    ProtectedUnion,
    audit_joint_cells,
    audit_union,
    link_sets,
    protect_union,
)
from publication import measures
from publication.measures import ALL_REPORTS as ALL_REPORTS  # re-exported: public names
from publication.measures import BREAKDOWNS as BREAKDOWNS
from publication.measures import CONCERNS_DISCRIMINATION, DISCRIMINATION, table_name

# The measures and their breakdowns come from the registry (publication.measures); these names are
# kept for the code that imports them from here. They are read once, at import: code that must see
# the registry as it is now (build_publication, the filters) asks publication.measures instead.
MEASURES = measures.names()
BREAKDOWNS_OF_MEASURE: dict[str, tuple[str, ...]] = measures.breakdowns_of()
LETTER_CHANNELS = ("integriteitscoordinator", "meldpunt", "vertrouwenspersoon")
LETTER_YEARS = (2018, 2019, 2020)

# Tables in one linked set share every dimension the set uses (besides year and concerns).
LINKED_SETS: dict[str, tuple[str, ...]] = {
    "channels": ("total", "channel", "category", "concerns"),
    "departments": ("department",),
    "grounds": ("ground",),
    "outcomes": ("outcome",),
}

LETTER_SERIES = "letter:registrations"
LETTER_PERIOD = "letter:registrations_2018_2020"
LETTER_COMMITTEE = "letter:committee"
# Discrimination by channel as the letter groups the channels: the integrity coordinator and the
# hotline (meldpunt) as one row, the confidential adviser, the complaints committee (and any
# channel the letter does not name on its own). A row of several channels is labelled with their
# codes joined by ';' (as in shown.csv).
GROUPED_CHANNELS = "letter:channel_groups"
CHANNEL_GROUPS: tuple[tuple[str, ...], ...] = (
    ("integriteitscoordinator", "meldpunt"),
    ("vertrouwenspersoon",),
    ("klachtencommissie",),
)
# The tables the default views show (the overview, the trends page opened without filters):
# hiding one of their numbers costs this many times its value in the choice of complementary
# suppressions (protection.suppression's cost rule), so partners are taken from tables fewer
# readers see wherever that protects as well. On the demo data this halves what the overview's
# channel chart hides and hides less over all tables together (docs/protection.md). The grouped
# channel table is left at weight 1: it shares its confidential-adviser and committee rows with
# the fine table, and weighting it makes the protection hide those rows in both.
DEFAULT_VIEW_TABLES = (
    measures.table_name(DISCRIMINATION, "total"),
    measures.table_name(DISCRIMINATION, "channel"),
    measures.table_name(DISCRIMINATION, "concerns"),
    measures.table_name(ALL_REPORTS, "total"),
    # the overview's check of the letter to parliament (2018-2020 per channel, the committee)
    LETTER_PERIOD,
    LETTER_COMMITTEE,
)
DEFAULT_VIEW_WEIGHT = 10.0


def _categories(cells: pd.DataFrame, years: list[int]) -> dict[str, tuple]:
    """The rows each breakdown shows: the legal grounds and outcomes always (a 0 is informative),
    channels, categories and ministries only where they were delivered; 'niet ingevuld' only if
    used. A channel delivered only as an explicit zero row is shown (its 0 is informative too)."""
    present = {column: set(cells[column]) for column in cells.columns}
    groups = [m.code for m in ministries() if m.in_sector_rijk and not _is_successor(m.code)]

    def with_unfilled(values: tuple[str, ...], column: str) -> tuple[str, ...]:
        return (*values, NOT_FILLED_IN) if NOT_FILLED_IN in set(cells[column]) else values

    return {
        "year": tuple(years),
        "channel": tuple(c for c in CHANNELS if c in present["channel"]) or CHANNELS[:1],
        "category": with_unfilled(
            tuple(c for c in CATEGORIES if c in present["category"]), "category"
        ),
        "concerns": ("ja", "deels", "nee"),
        "ground": with_unfilled(GROUNDS, "ground"),
        "outcome": with_unfilled(OUTCOMES, "outcome"),
        "department_group": tuple(g for g in groups if g in set(cells["department_group"])),
    }


def _is_successor(code: str) -> bool:
    return any(code in m.successor_codes for m in ministries())


def channel_group_label(channels: tuple[str, ...]) -> str:
    return ";".join(channels)


def _views(set_name: str, channels: tuple[str, ...] = CHANNELS) -> list[TableView]:
    """The views of one linked set; channels: those the channel tables show (the categories)."""
    views = [
        entry.view(breakdown)
        for entry in measures.registered()
        for breakdown in LINKED_SETS[set_name]
        if breakdown in entry.breakdowns
    ]
    if set_name == "channels":
        groups = {
            channel_group_label(kept): kept
            for group in CHANNEL_GROUPS
            if (kept := tuple(c for c in group if c in channels))
        }
        # Channels the letter does not name (the manager, since 2024) keep a row of their own, so
        # that the table's totals are the year totals of every other table.
        grouped = {c for group in CHANNEL_GROUPS for c in group}
        groups |= {c: (c,) for c in channels if c not in grouped}
        views.append(
            TableView(
                GROUPED_CHANNELS,
                "channel",
                "year",
                where={"concerns": list(CONCERNS_DISCRIMINATION)},
                row_groups=groups,
            )
        )
        views.append(
            TableView(
                LETTER_SERIES,
                "year",
                where={"concerns": list(CONCERNS_DISCRIMINATION), "channel": list(LETTER_CHANNELS)},
                with_totals=False,
            )
        )
        letter_channels = tuple(c for c in LETTER_CHANNELS if c in channels)
        if letter_channels:  # else nothing was delivered in them: no figure to check
            views.append(
                # One number: the three channels over 2018-2020 together, all the overview's check
                # of the letter shows (per channel, the table published numbers no page showed).
                TableView(
                    LETTER_PERIOD,
                    "channel",
                    where={
                        "concerns": list(CONCERNS_DISCRIMINATION),
                        "channel": list(LETTER_CHANNELS),
                        "year": list(LETTER_YEARS),
                    },
                    with_totals=True,
                    row_groups={channel_group_label(letter_channels): letter_channels},
                )
            )
        views.append(
            TableView(
                LETTER_COMMITTEE,
                "channel",
                where={
                    "concerns": ["deels"],
                    "channel": ["klachtencommissie"],
                    "year": list(LETTER_YEARS),
                },
                with_totals=False,
            )
        )
    return views


DEPARTMENT_SET = "departments"
DEPARTMENT_DIMENSION = "department_group"
# When the department set fails as a whole, ministries are merged by their counts of this measure:
# discrimination, whose counts are the smallest (a part of all reports).
GROUPING_MEASURE = DISCRIMINATION
# When protection is impossible and merging ministries does not help, breakdowns are given up in
# this order (least used first): outcome and ground, the letter views, then category, channel,
# department and concerns; within a breakdown the measure registered last goes first. The year
# series ('total') are never given up: alone they can always be protected.
_DROPPED_BEFORE_LETTER = ("outcome", "ground")
_DROPPED_AFTER_LETTER = ("category", "channel", "department", "concerns")


def drop_order() -> tuple[str, ...]:
    """The tables build_publication may give up, first to go first (see DROP_ORDER)."""
    entries = tuple(reversed(measures.registered()))

    def tables(breakdowns: tuple[str, ...]) -> list[str]:
        return [e.table_name(b) for b in breakdowns for e in entries if b in e.breakdowns]

    return (
        GROUPED_CHANNELS,  # a second view of the channel table: the first to go
        *tables(_DROPPED_BEFORE_LETTER),
        LETTER_COMMITTEE,
        LETTER_PERIOD,
        LETTER_SERIES,
        *tables(_DROPPED_AFTER_LETTER),
    )


DROP_ORDER: tuple[str, ...] = drop_order()


class TableUnavailable(KeyError):
    """A table of the fixed publication that cannot be shown for the current data."""

    def __init__(self, name: str, text_key: str) -> None:
        super().__init__(name)
        self.name = name
        self.text_key = text_key


@dataclass(frozen=True)
class Publication:
    """All protected tables, by name (see table_name); the years they cover.

    unavailable: tables of the fixed publication that cannot be protected for the current data,
    name -> text key (base.texts; `unavailable_text` gives the sentence).
    grouped_departments: ministry groups merged into DEFAULT_GROUP_LABEL in the department
    tables (empty when every ministry is shown on its own); `grouping_note` gives the sentence.
    protected_union: the joint statuses and shown values, for audit_publication (no true counts).
    """

    tables: Mapping[str, ProtectedTable]
    years: tuple[int, ...]
    rules: ProtectionRules
    unavailable: Mapping[str, str] = field(default_factory=dict)
    grouped_departments: tuple[str, ...] = ()
    protected_union: ProtectedUnion | None = field(default=None, repr=False, compare=False)

    def table(self, measure: str, breakdown: str) -> ProtectedTable:
        """The protected table; raises TableUnavailable (a KeyError) if it cannot be shown."""
        name = table_name(measure, breakdown)
        if name in self.unavailable:
            raise TableUnavailable(name, self.unavailable[name])
        return self.tables[name]

    def is_available(self, measure: str, breakdown: str) -> bool:
        return table_name(measure, breakdown) in self.tables

    def available_breakdowns(self, measure: str) -> tuple[str, ...]:
        """The breakdowns of a measure that can be shown now (filter options), in fixed order."""
        breakdowns = measures.named(measure).breakdowns
        return tuple(b for b in breakdowns if self.is_available(measure, b))

    def unavailable_text(self, name: str, lang: str = "nl") -> str | None:
        """Why table `name` is not shown (None if it is)."""
        key = self.unavailable.get(name)
        return None if key is None else protection_text(key, self.rules, lang)

    def grouping_note(self, lang: str = "nl") -> str | None:
        """Which ministries the department tables show together as one group (None if none)."""
        if not self.grouped_departments:
            return None
        return protection_text(
            GROUPED_UNITS_NOTE,
            self.rules,
            lang,
            label=DEFAULT_GROUP_LABEL,
            members=", ".join(self.grouped_departments),
        )

    def year_totals(self, measure: str) -> pd.Series:
        """Protected count per year (NA where hidden) for a measure."""
        return self.tables[table_name(measure, "total")].values


@dataclass
class _Degradation:
    """What build_publication gave up so far: merged ministry groups and dropped tables."""

    grouped: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()


def _grouped_records(
    cells: pd.DataFrame, categories: dict[str, tuple], grouped: tuple[str, ...]
) -> tuple[pd.DataFrame, dict[str, tuple]]:
    if not grouped:
        return cells, categories
    members = set(grouped)
    records = cells.copy()
    records[DEPARTMENT_DIMENSION] = records[DEPARTMENT_DIMENSION].map(
        lambda group: DEFAULT_GROUP_LABEL if group in members else group
    )
    kept = tuple(g for g in categories[DEPARTMENT_DIMENSION] if g not in members)
    return records, {**categories, DEPARTMENT_DIMENSION: (*kept, DEFAULT_GROUP_LABEL)}


def _link(
    records: pd.DataFrame, categories: dict[str, tuple], dropped: tuple[str, ...]
) -> LinkedUnion:
    sets = {}
    for set_name in LINKED_SETS:
        views = [
            view for view in _views(set_name, categories["channel"]) if view.name not in dropped
        ]
        if views:
            sets[set_name] = link_tables(
                records, views, count_column="count", categories=categories
            )
    return link_sets(sets)


def _table_of(key: CellKey, view_names: set[str]) -> str | None:
    """The view a key belongs to (None for finest cells)."""
    if key.table in view_names:
        return key.table
    base = str(key.table).split(" [", 1)[0]
    return base if base in view_names else None


def _failure(
    records: pd.DataFrame,
    views: list[TableView],
    categories: dict[str, tuple],
    rules: ProtectionRules,
) -> UnprotectableError | None:
    """The error if these views cannot be protected even on their own, else None."""
    try:
        protect(link_tables(records, views, count_column="count", categories=categories), rules)
    except UnprotectableError as error:
        return error
    return None


def _years_of(keys: list[CellKey], years: tuple) -> list:
    labels = set()
    for key in keys:
        for label in (*(key.row if isinstance(key.row, tuple) else (key.row,)), key.column):
            if label in years:
                labels.add(label)
    return sorted(labels)


def _regroup(
    cells: pd.DataFrame,
    keys: list[CellKey],
    measure: str,
    state: _Degradation,
    categories: dict[str, tuple],
    rules: ProtectionRules,
) -> tuple[str, ...] | None:
    """The ministry groups to show together from now on: the ones already merged and, in the
    first year where a department table failed, those with 1..T-1 reports of the failing
    measure (group_small_units). None if no ministry is left to merge in those years."""
    records, grouped_categories = _grouped_records(cells, categories, state.grouped)
    records = measures.named(measure).select(records)
    units = list(grouped_categories[DEPARTMENT_DIMENSION])
    placeholder = "(existing group)"
    for year in _years_of(keys, categories["year"]) or list(categories["year"]):
        counts = (
            records[records["year"] == year]
            .groupby(DEPARTMENT_DIMENSION)["count"]
            .sum()
            .reindex(units, fill_value=0)
            .rename(index={DEFAULT_GROUP_LABEL: placeholder})
        )
        grouping = group_small_units(counts, rules, DEFAULT_GROUP_LABEL)
        new = {member for member in grouping.members if member != placeholder}
        if new:
            merged = {*state.grouped, *new}
            return tuple(g for g in categories[DEPARTMENT_DIMENSION] if g in merged)
    return None


def _degrade(
    error: UnprotectableError,
    union: LinkedUnion,
    cells: pd.DataFrame,
    categories: dict[str, tuple],
    state: _Degradation,
    rules: ProtectionRules,
) -> _Degradation:
    """One deterministic step down after protection failed.

    The error names the numbers that could not be protected, which include numbers that are
    merely equal to the culprit (a year total pinned by a breakdown of four 1s). So blame is laid
    on the smallest part that fails on its own: first a single view, then a single linked set,
    and only then the union. A failing department table merges small ministries into
    'overige ministeries' (and is given up when nothing is left to merge); any other failing
    table is given up, in DROP_ORDER. Each step merges a ministry or drops a table, so the
    loop in build_publication ends; with only the year-total series left it always succeeds.
    """
    records, grouped_categories = _grouped_records(cells, categories, state.grouped)
    department_views = {
        entry.table_name("department")
        for entry in measures.registered()
        if "department" in entry.breakdowns
    }
    order = drop_order()

    def give_up(names: list[str]) -> _Degradation:
        grouped = () if department_views & set(names) else state.grouped
        return _Degradation(grouped, (*state.dropped, *names))

    def blame_departments(failure: UnprotectableError, measure: str) -> _Degradation:
        grouped = _regroup(cells, failure.keys, measure, state, categories, rules)
        if grouped is not None and set(categories[DEPARTMENT_DIMENSION]) - set(grouped):
            return _Degradation(grouped, state.dropped)
        present = [v.name for v in union.sets[DEPARTMENT_SET].views]
        return give_up(sorted(department_views & set(present)))

    # 1. a view that cannot be protected even on its own
    failing_alone: dict[str, UnprotectableError] = {}
    for linked in union.sets.values():
        for view in linked.views:
            failure = _failure(records, [view], grouped_categories, rules)
            if failure is not None:
                failing_alone[view.name] = failure
    for name, failure in failing_alone.items():
        if name in department_views:
            return blame_departments(failure, name.split(":", 1)[0])
    for name in order:
        if name in failing_alone:
            return give_up([name])
    # 2. a linked set that cannot be protected on its own
    for set_name, linked in union.sets.items():
        failure = _failure(records, list(linked.views), grouped_categories, rules)
        if failure is None:
            continue
        if set_name == DEPARTMENT_SET:
            return blame_departments(failure, GROUPING_MEASURE)
        present = [v.name for v in linked.views]
        named = {_table_of(key, set(present)) for key in failure.keys}
        for candidates in ([n for n in order if n in named], order):
            for name in candidates:
                if name in present:
                    return give_up([name])
    # 3. only the union fails: the tables named in the error first, then in DROP_ORDER
    present = {view.name for linked in union.sets.values() for view in linked.views}
    named = {_table_of(key, present) for key in error.keys}
    for candidates in ([n for n in order if n in named], order):
        for name in candidates:
            if name in present:
                return give_up([name])
    raise error


def _default_view_weights() -> dict[str, float]:
    return dict.fromkeys(DEFAULT_VIEW_TABLES, DEFAULT_VIEW_WEIGHT)


def build_publication(
    cells: pd.DataFrame,
    rules: ProtectionRules | None = None,
    *,
    force_suppressed: Iterable[CellKey] = (),
) -> Publication:
    """Protect every publishable table of the current warehouse contents, jointly.

    cells: finest cells from etl.queries.finest_cells. Never raises UnprotectableError:
    if the data cannot be protected as they are, ministries are merged or breakdowns given up
    (one deterministic step at a time, see _degrade) and what was given up is recorded.
    force_suppressed: numbers to hide besides what protection needs (publication.version_audit:
    against earlier versions); keys of tables given up on the way are left out.
    """
    forced = tuple(force_suppressed)
    rules = rules or ProtectionRules()
    if cells.empty:
        years: list[int] = []
    else:
        years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1))
    if not years:
        return Publication({}, (), rules)
    categories = _categories(cells, years)
    state = _Degradation()
    while True:
        records, grouped_categories = _grouped_records(cells, categories, state.grouped)
        union = _link(records, grouped_categories, state.dropped)
        try:
            protected = protect_union(
                union,
                rules,
                table_weights=_default_view_weights(),
                force_suppressed=[key for key in forced if key in union.system.row_of_key],
            )
        except UnprotectableError as error:
            state = _degrade(error, union, cells, categories, state, rules)
            continue
        unavailable = {name: TABLE_UNAVAILABLE_MESSAGE for name in state.dropped}
        return Publication(
            tables=protected.tables,
            years=tuple(years),
            rules=rules,
            unavailable=unavailable,
            grouped_departments=state.grouped,
            protected_union=protected,
        )


def audit_publication(
    publication: Publication | ProtectedUnion,
    *,
    records: pd.DataFrame | None = None,
    use_display_bounds: bool = True,
) -> dict[CellKey, Interval]:
    """The end-to-end audit: every number any page or export can show is a cell of
    Publication.tables, so the attacker knows exactly the union of all published cells. For
    every hidden published number and every sensitive number never shown (each set's finest
    cells and single-value filtered views with 1..T-1 reports) this returns [min, max] over
    everything shown (protection.union.audit_union).

    records: the true finest cells (etl.queries.finest_cells); when given, every cell of
    the joint table with 1..T-1 reports (year x ministry x channel x category x concerns x
    ground x outcome) is audited as well, keyed CellKey('(joint cells)', labels).
    """
    protected = publication.protected_union if isinstance(publication, Publication) else publication
    if protected is None:
        return {}
    intervals = audit_union(protected, use_display_bounds=use_display_bounds)
    if records is not None:
        grouped = publication.grouped_departments if isinstance(publication, Publication) else ()
        if grouped:
            members = set(grouped)
            records = records.assign(
                **{
                    DEPARTMENT_DIMENSION: records[DEPARTMENT_DIMENSION].map(
                        lambda group: DEFAULT_GROUP_LABEL if group in members else group
                    )
                }
            )
        intervals.update(
            audit_joint_cells(protected, records, use_display_bounds=use_display_bounds)
        )
    return intervals
