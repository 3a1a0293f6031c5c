"""Everything the product can publish, protected together: pages and exports only ever see this.

The product publishes a FIXED set of tables, each year x one breakdown, for two measures. Filters on
the pages choose which of these tables and which of their rows to show; they never make a new
aggregate (a sum over a user's selection of ministries, say), because two such selections could be
subtracted from each other. The tables are protected per linked set (tables that share a
breakdown dimension or are nested are in one set and audited in one linear programme); the year
totals every set shares are given one status across sets: hidden everywhere if any set hides them.
See docs/protection.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from etl.contract import CATEGORIES, CHANNELS, GROUNDS, OUTCOMES
from meldingen.queries import NOT_FILLED_IN
from meldingen.reference import ministries
from protection.aggregates import CellKey
from protection.rules import ProtectionRules
from protection.tables import TOTAL, ProtectedTable, TableView, link_tables, protect

DISCRIMINATION = "discrimination"
ALL_REPORTS = "all"
MEASURES = (DISCRIMINATION, ALL_REPORTS)
CONCERNS_DISCRIMINATION = ("ja", "deels")
LETTER_CHANNELS = ("integriteitscoordinator", "meldpunt", "vertrouwenspersoon")
LETTER_YEARS = (2018, 2019, 2020)

# breakdown name -> the finest-cell column it splits by
BREAKDOWNS: dict[str, str | None] = {
    "total": None,
    "channel": "channel",
    "department": "department_group",
    "category": "category",
    "concerns": "concerns",
    "ground": "ground",
    "outcome": "outcome",
}
BREAKDOWNS_OF_MEASURE: dict[str, tuple[str, ...]] = {
    DISCRIMINATION: ("total", "channel", "department", "category", "concerns", "ground", "outcome"),
    ALL_REPORTS: ("total", "channel", "department", "category", "concerns"),
}
# Tables in one linked set share every dimension the set uses (besides year and concerns).
LINKED_SETS: dict[str, tuple[str, ...]] = {
    "channels": ("total", "channel", "category", "concerns"),
    "departments": ("department",),
    "grounds": ("ground",),
    "outcomes": ("outcome",),
}


def table_name(measure: str, breakdown: str) -> str:
    return f"{measure}:{breakdown}"


LETTER_SERIES = "letter:registrations"
LETTER_PERIOD = "letter:registrations_2018_2020"
LETTER_COMMITTEE = "letter:committee"


def _categories(cells: pd.DataFrame, years: list[int]) -> dict[str, tuple]:
    """The rows each breakdown shows: the legal grounds and outcomes always (a 0 is informative),
    channels, categories and ministries only where reports exist; 'niet ingevuld' only if used."""
    present = {column: set(cells.loc[cells["count"] > 0, column]) for column in cells.columns}
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


def _views(set_name: str) -> list[TableView]:
    views: list[TableView] = []
    for measure in MEASURES:
        where = {"concerns": list(CONCERNS_DISCRIMINATION)} if measure == DISCRIMINATION else {}
        for breakdown in LINKED_SETS[set_name]:
            if breakdown not in BREAKDOWNS_OF_MEASURE[measure]:
                continue
            dimension = BREAKDOWNS[breakdown]
            if dimension is None:
                views.append(
                    TableView(
                        table_name(measure, breakdown), "year", where=where, with_totals=False
                    )
                )
            else:
                views.append(
                    TableView(
                        table_name(measure, breakdown),
                        dimension,
                        "year",
                        where=where,
                        with_totals=True,
                    )
                )
    if set_name == "channels":
        views.append(
            TableView(
                LETTER_SERIES,
                "year",
                where={"concerns": list(CONCERNS_DISCRIMINATION), "channel": list(LETTER_CHANNELS)},
                with_totals=False,
            )
        )
        views.append(
            TableView(
                LETTER_PERIOD,
                "channel",
                where={
                    "concerns": list(CONCERNS_DISCRIMINATION),
                    "channel": list(LETTER_CHANNELS),
                    "year": list(LETTER_YEARS),
                },
                with_totals=True,
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


@dataclass(frozen=True)
class Publication:
    """All protected tables, by name (see table_name); the years they cover."""

    tables: Mapping[str, ProtectedTable]
    years: tuple[int, ...]
    rules: ProtectionRules

    def table(self, measure: str, breakdown: str) -> ProtectedTable:
        return self.tables[table_name(measure, breakdown)]

    def year_totals(self, measure: str) -> pd.Series:
        """Protected count per year (NA where hidden) for a measure."""
        return self.tables[table_name(measure, "total")].values


def _hidden_year_totals(table: ProtectedTable) -> set[int]:
    if table.is_series:
        row = table.status
    else:
        row = table.status.loc[TOTAL]
    return {int(year) for year, status in row.items() if year != TOTAL and status != "published"}


def build_publication(cells: pd.DataFrame, rules: ProtectionRules | None = None) -> Publication:
    """Protect every publishable table of the current warehouse contents.

    cells: finest cells from meldingen.queries.finest_cells. Year totals shared between linked
    sets get one status: protection is repeated with the union of hidden totals forced hidden
    until all sets agree (it converges: the forced set only grows).
    """
    rules = rules or ProtectionRules()
    if cells.empty:
        years: list[int] = []
    else:
        years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1))
    if not years:
        return Publication({}, (), rules)
    categories = _categories(cells, years)
    forced: dict[str, set[int]] = {measure: set() for measure in MEASURES}
    while True:
        tables: dict[str, ProtectedTable] = {}
        for set_name in LINKED_SETS:
            views = _views(set_name)
            linked = link_tables(cells, views, count_column="count", categories=categories)
            force = [
                _total_key(view, year)
                for view in views
                for measure in MEASURES
                if view.name.startswith(f"{measure}:")
                for year in sorted(forced[measure])
            ]
            tables.update(protect(linked, rules, force_suppressed=force).tables)
        hidden = {
            measure: set().union(
                *(
                    _hidden_year_totals(tables[table_name(measure, b)])
                    for b in BREAKDOWNS_OF_MEASURE[measure]
                )
            )
            for measure in MEASURES
        }
        if all(hidden[m] <= forced[m] for m in MEASURES):
            return Publication(tables, tuple(years), rules)
        forced = {m: forced[m] | hidden[m] for m in MEASURES}


def _total_key(view: TableView, year: int) -> CellKey:
    if view.columns is None:
        return CellKey(view.name, year, None)
    return CellKey(view.name, TOTAL, year)
