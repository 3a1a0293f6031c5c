"""The measures the product publishes, each defined once: the registry every reader takes them from.

Domain layer (publication), under protected.py, which builds and protects each measure's tables
from the finest cells (etl.queries.finest_cells); the filters, views, briefings and pages take
the list of measures and their labels from here. trends.py does the maths over the protected
tables.

To add a measure: one entry in ENTRIES (its formula as the entry's docstring), its texts
'measure.<name>' and 'measure_description.<name>' in base/texts (nl and en), and its tests.
Its tables ('<name>:<breakdown>') then join the protected publication, the trends filters and
the briefing's tables by themselves.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

from base.texts import text
from protection.tables import TableView

# breakdown name -> the finest-cell column it splits by (None: the year series itself)
BREAKDOWNS: dict[str, str | None] = {
    "total": None,
    "channel": "channel",
    "department": "department_group",
    "category": "category",
    "concerns": "concerns",
    "ground": "ground",
    "outcome": "outcome",
}
# The finest-cell columns a measure may select on: those every linked set of protected.py shares.
# A selection on any other column (a channel, say) would tie the sets by more than their shared
# year x concerns margins, and protecting them as one union would no longer be sound.
SELECTABLE = ("year", "concerns")
# How a measure's numbers are shown; whole reports are the only kind so far (a share or a rate is
# computed from counts in trends.py, it is not a measure of its own).
NUMBER_FORMATS = ("count",)


@dataclass(frozen=True)
class Measure:
    """One published measure: a number of reports per year, shown in each of its breakdowns.

    name: stable id, in table names ('<name>:<breakdown>'), the URL (?maat=) and text keys.
    breakdowns: the breakdowns published for it, 'total' (the year series) first, in the order
    the filters offer them.
    formula: how the number is computed from the finest cells; it is the entry's docstring.
    where: the finest cells it counts (column -> values kept, columns of SELECTABLE); empty counts
    every cell.
    number_format: how its values are shown (NUMBER_FORMATS).
    """

    name: str
    breakdowns: tuple[str, ...]
    formula: str = field(repr=False)
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    number_format: str = "count"

    def __post_init__(self) -> None:
        if not self.breakdowns or self.breakdowns[0] != "total":
            raise ValueError(f"measure {self.name!r}: the year series 'total' comes first")
        unknown = set(self.breakdowns) - set(BREAKDOWNS)
        if unknown:
            raise ValueError(f"measure {self.name!r}: unknown breakdowns {sorted(unknown)}")
        if set(self.where) - set(SELECTABLE):
            raise ValueError(f"measure {self.name!r}: 'where' may select on {SELECTABLE} only")
        if self.number_format not in NUMBER_FORMATS:
            raise ValueError(f"measure {self.name!r}: unknown format {self.number_format!r}")
        # Read-only, so that a frozen entry cannot be changed through its selection either.
        where = {column: tuple(values) for column, values in self.where.items()}
        object.__setattr__(self, "where", MappingProxyType(where))
        # The formula is the entry's docstring: help(entry) and inspect.getdoc(entry) show it.
        object.__setattr__(self, "__doc__", inspect.cleandoc(self.formula))

    @property
    def label_key(self) -> str:
        return f"measure.{self.name}"

    @property
    def description_key(self) -> str:
        return f"measure_description.{self.name}"

    def label(self, lang: str = "nl") -> str:
        return text(self.label_key, lang)

    def description(self, lang: str = "nl") -> str:
        return text(self.description_key, lang)

    def table_name(self, breakdown: str) -> str:
        return table_name(self.name, breakdown)

    def select(self, cells: pd.DataFrame) -> pd.DataFrame:
        """The finest cells this measure counts."""
        for column, values in self.where.items():
            cells = cells[cells[column].isin(values)]
        return cells

    def view(self, breakdown: str) -> TableView:
        """The table of one breakdown: year x breakdown with totals, or the year series."""
        where = {column: list(values) for column, values in self.where.items()}
        dimension = BREAKDOWNS[breakdown]
        if dimension is None:
            return TableView(self.table_name(breakdown), "year", where=where, with_totals=False)
        return TableView(self.table_name(breakdown), dimension, "year", where=where)


def table_name(measure: str, breakdown: str) -> str:
    return f"{measure}:{breakdown}"


DISCRIMINATION = "discrimination"
ALL_REPORTS = "all"
CONCERNS_DISCRIMINATION = ("ja", "deels")

ENTRIES: tuple[Measure, ...] = (
    Measure(
        DISCRIMINATION,
        breakdowns=("total", "channel", "department", "category", "concerns", "ground", "outcome"),
        where={"concerns": CONCERNS_DISCRIMINATION},
        formula="""Number of reports concerning discrimination and racism, per year.

        Sum of v_reports.count (the delivered `aantal`) over the finest cells with
        concerns_discrimination in (ja, deels), every registered channel and ministry; a
        breakdown is the same sum grouped by its column, with totals.
        """,
    ),
    Measure(
        ALL_REPORTS,
        breakdowns=("total", "channel", "department", "category", "concerns"),
        formula="""Number of reports of undesirable behaviour of any kind, per year.

        Sum of v_reports.count (the delivered `aantal`) over every finest cell
        (concerns_discrimination ja, deels or nee), every registered channel and ministry; a
        breakdown is the same sum grouped by its column, with totals.
        """,
    ),
)


# Readers call these (not ENTRIES directly) so that they always see the registry as it is now.
def registered() -> tuple[Measure, ...]:
    """Every measure, in the order the pages and exports list them."""
    return ENTRIES


def names() -> tuple[str, ...]:
    return tuple(entry.name for entry in ENTRIES)


def named(name: str) -> Measure:
    """The entry of measure `name`; KeyError if there is none."""
    for entry in ENTRIES:
        if entry.name == name:
            return entry
    raise KeyError(name)


def breakdowns_of() -> dict[str, tuple[str, ...]]:
    """measure name -> its breakdowns."""
    return {entry.name: entry.breakdowns for entry in ENTRIES}
