"""Every number the product can show or export, as one registry: what it is, where it appears, its
definition over the finest cells, and its value or symbol.

Domain layer (publication), above protected.py, trends.py and underreporting.py: built from one
data version's derived results (publication.derived.DerivedResults), never from records. The
attacker audit over the whole registry (publication.disclosure) reads these rows and nothing
else, and `python -m publication audit` writes them as the auditor's shown.csv (docs/protection.md
gives the format).

One row per distinct number: a year total that several tables, a chart and a sentence show is one
row, its `where` the union of those places. A row's definition is a year (or years summed) and,
per dimension, `*` (all) or the codes summed; its id is that definition with the statistic, so it
stays the same from one data set to the next. Where each kind of number appears is decided in one
place, `places`, following the code paths of the pages, exports and briefing (presentation.views,
presentation.exports, briefing.content, app_pages).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from base.reference import ministries
from etl.coverage import MISSING, REGISTERED_CHANNELS
from protection.grouping import DEFAULT_GROUP_LABEL
from protection.rules import ProtectionRules
from protection.tables import TOTAL, ProtectedTable, TableView
from publication import measures, trends
from publication.derived import DerivedResults
from publication.measures import DISCRIMINATION
from publication.mse_disclosure import delta_decimals
from publication.protected import (
    LETTER_COMMITTEE,
    LETTER_PERIOD,
    LETTER_SERIES,
    LINKED_SETS,
    Publication,
    _views,
)
from publication.underreporting import MSE_LISTS, MseResult, protected_cases

# --- the format -----------------------------------------------------------------------------

DIMENSIONS = ("department", "channel", "category", "concerns_discrimination", "ground", "outcome")
COLUMNS = ("id", "where", "statistic", "year", *DIMENSIONS, "value", "symbol")
ALL = "*"
SEPARATOR = ";"
# The finest-cell column (etl.queries.finest_cells) behind each dimension of the format.
CELL_COLUMN = {
    "year": "year",
    "department": "department_group",
    "channel": "channel",
    "category": "category",
    "concerns_discrimination": "concerns",
    "ground": "ground",
    "outcome": "outcome",
}
DIMENSION_OF_CELL_COLUMN = {cell: dimension for dimension, cell in CELL_COLUMN.items()}

COUNT = "count"  # a sum of reports: an equation over the finest cells
HAS_REPORTS = "has_reports"  # a status: 1 = at least one report, 0 = none
CASES = "cases"  # deduplicated cases (not a sum of reports)
RATE = "rate_per_1000_fte"
RATE_LOWER = "rate_per_1000_fte_lower"
RATE_UPPER = "rate_per_1000_fte_upper"
SHARE = "share"
INTERVAL_LOWER = "interval_lower"
INTERVAL_UPPER = "interval_upper"
P_VALUE = "p_value"
MSE_PREFIX = "mse:"

# Where a number can appear (the `where` column).
OVERVIEW, TRENDS, UNDERREPORTING, COVERAGE, EXPORT, BRIEFING = (
    "overzicht",
    "trends",
    "onderrapportage",
    "dekking",
    "export",
    "briefing",
)
# Tables of the publication that no page shows but that are stored beside the data
# (published_cell), where anyone with SQL access to the warehouse reads them.
STORED = "publicatie"
PLACES = (OVERVIEW, TRENDS, UNDERREPORTING, COVERAGE, EXPORT, BRIEFING, STORED)

# Decimals as the pages show them (the value column carries the number as shown).
SHOWN_DECIMALS = {
    RATE: 2,
    RATE_LOWER: 2,
    RATE_UPPER: 2,
    SHARE: 3,  # a proportion; the pages show it as a percentage with one decimal
    INTERVAL_LOWER: 0,
    INTERVAL_UPPER: 0,
    P_VALUE: 3,
}
MSE_DECIMALS = {"delta": 1}  # other model outputs are shown as whole numbers


@dataclass(frozen=True)
class ShownNumber:
    """One number the product can show or export (a row of shown.csv).

    year: '2021', '2018-2020' (summed over the range) or '2022;2023' (a p_value's years).
    Dimensions: ALL, a code, or codes joined by ';' (summed together). value: None when hidden,
    then symbol is '<T' or the secondary symbol; where: the places it appears.
    """

    statistic: str
    year: str
    department: str = ALL
    channel: str = ALL
    category: str = ALL
    concerns_discrimination: str = ALL
    ground: str = ALL
    outcome: str = ALL
    value: int | float | None = None
    symbol: str = ""
    where: tuple[str, ...] = ()

    @property
    def definition(self) -> tuple[str, ...]:
        return (self.year, *(getattr(self, dimension) for dimension in DIMENSIONS))

    @property
    def id(self) -> str:
        return "|".join((self.statistic, *self.definition))

    @property
    def hidden(self) -> bool:
        return self.value is None

    def as_row(self) -> dict[str, str]:
        """The row of shown.csv: every column filled except value (hidden) or symbol (shown)."""
        return {
            "id": self.id,
            "where": SEPARATOR.join(self.where),
            "statistic": self.statistic,
            "year": self.year,
            **{dimension: getattr(self, dimension) for dimension in DIMENSIONS},
            "value": format_value(self.value),
            "symbol": self.symbol,
        }


def format_value(value: int | float | None) -> str:
    """Plain numbers: integers without separators ('1234'), others with a decimal point."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def year_text(years: Iterable[int]) -> str:
    """'2021', a contiguous range '2018-2020', or a ';'-list."""
    ordered = sorted({int(year) for year in years})
    if not ordered:
        raise ValueError("a number covers at least one year")
    if len(ordered) == 1:
        return str(ordered[0])
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return SEPARATOR.join(map(str, ordered))


def years_of(text: str) -> list[int]:
    """The years a year field covers (the inverse of year_text)."""
    years: list[int] = []
    for part in text.split(SEPARATOR):
        if "-" in part:
            first, last = part.split("-", 1)
            years.extend(range(int(first), int(last) + 1))
        else:
            years.append(int(part))
    return years


# --- codes ----------------------------------------------------------------------------------


@functools.cache
def group_members(group: str) -> tuple[str, ...]:
    """The raw codes counted in a comparable ministry group: itself, predecessors, successors."""
    by_code = {m.code: m for m in ministries()}
    if group not in by_code:
        return (group,)
    return (group, *by_code[group].successor_codes)


@functools.cache
def group_of_code() -> dict[str, str]:
    """raw ministry code -> its comparable group (base.reference.comparable_group, cached)."""
    groups: dict[str, str] = {}
    for ministry in ministries():
        groups.setdefault(ministry.code, ministry.code)
        for successor in ministry.successor_codes:
            groups[successor] = ministry.code
    return groups


def department_codes(groups: Iterable[str], grouped: Sequence[str] = ()) -> list[str]:
    """The raw codes of ministry groups, 'overige ministeries' as its members' codes."""
    codes: list[str] = []
    for group in groups:
        members = grouped if group == DEFAULT_GROUP_LABEL else (group,)
        for member in members:
            codes.extend(code for code in group_members(member) if code not in codes)
    return codes


def _codes_text(codes: Sequence[str]) -> str:
    return SEPARATOR.join(codes) if codes else ALL


# --- where each number appears: the one place that says so ------------------------------------

# The figures the briefing draws with trend lines (briefing.content.TREND_CHARTS; intervals shown).
BRIEFING_TREND_TABLES = (
    "discrimination:department",
    "discrimination:ground",
    "discrimination:outcome",
    "all:category",
)
# The overview's blocks (presentation.views.build_overview) and its share block.
OVERVIEW_TABLES = ("discrimination:total", "discrimination:channel", "discrimination:concerns")
SHARE_TABLES = tuple(measures.table_name(m, "total") for m in trends.SHARE_MEASURES)
# Stacked bars with a grey 'not shown' segment: overview and briefing ('kanalen', 'betreft').
STACKED_TABLES = {"discrimination:channel": None, "discrimination:concerns": ("ja", "deels")}


def places(kind: str, table: str | None = None) -> tuple[str, ...]:
    """Where numbers of this kind (of this table) appear, in PLACES order.

    kind: 'table' (a cell of a protected table), 'segment' (a stacked bar's 'not shown' part),
    'interval' (a Garwood interval on a trend line), RATE, SHARE, 'change' (a p_value),
    'change_overview' (the overview's latest change), 'change_briefing' (a measure's year
    series), CASES, 'mse', 'missing' (a delivery the overview, exports and Dekking name as
    missing), 'not_expected' (a channel Dekking shows as never delivered).
    """
    found: set[str] = set()
    if kind == "table":
        if table in (LETTER_PERIOD, LETTER_COMMITTEE):
            found |= {OVERVIEW}  # the letter table of the overview
        elif table == LETTER_SERIES:
            found |= {STORED}
        else:
            # Every table of every measure: a trends option, a chart download, a briefing table.
            found |= {TRENDS, EXPORT, BRIEFING}
            if table in OVERVIEW_TABLES or table in SHARE_TABLES:
                found |= {OVERVIEW}
    elif kind == "segment":
        found |= {OVERVIEW, EXPORT, BRIEFING}
    elif kind == "interval":
        found |= {TRENDS, EXPORT}
        if table in BRIEFING_TREND_TABLES:
            found |= {BRIEFING}
    elif kind in (RATE, "change"):
        found |= {TRENDS, EXPORT}
    elif kind == "change_overview":
        found |= {OVERVIEW}
    elif kind == "change_briefing":
        found |= {EXPORT, BRIEFING}
    elif kind == SHARE:
        found |= {OVERVIEW, EXPORT, BRIEFING}
    elif kind in (CASES, "mse"):
        found |= {UNDERREPORTING}
    elif kind == "missing":
        found |= {COVERAGE, OVERVIEW, EXPORT, BRIEFING}
    elif kind == "not_expected":
        found |= {COVERAGE}
    else:
        raise ValueError(f"unknown kind of number {kind!r}")
    return tuple(place for place in PLACES if place in found)


# --- the registry ---------------------------------------------------------------------------


class _Registry:
    """Rows by id; a number seen again adds its places (and must agree on its value)."""

    def __init__(self) -> None:
        self.rows: dict[str, ShownNumber] = {}

    def add(self, number: ShownNumber) -> ShownNumber:
        known = self.rows.get(number.id)
        if known is None:
            self.rows[number.id] = number
            return number
        if (known.value, known.symbol) != (number.value, number.symbol):
            raise ValueError(
                f"{number.id} is shown as {known.value!r}{known.symbol} and as "
                f"{number.value!r}{number.symbol}: one number, two statuses"
            )
        merged = replace(
            known, where=tuple(p for p in PLACES if p in {*known.where, *number.where})
        )
        self.rows[number.id] = merged
        return merged

    def add_places(self, row_id: str, where: Sequence[str]) -> None:
        known = self.rows[row_id]
        self.rows[row_id] = replace(
            known, where=tuple(p for p in PLACES if p in {*known.where, *where})
        )


def _views_by_name() -> dict[str, TableView]:
    return {view.name: view for name in LINKED_SETS for view in _views(name)}


def _definition(
    view: TableView,
    labels: Mapping[str, object],
    publication: Publication,
) -> dict[str, str]:
    """The year and dimension fields of one number of a view.

    labels: finest-cell column -> label of this number (rows / columns); TOTAL or absent means
    all values the view keeps (its `where`, else every value).
    """
    fields: dict[str, str] = {}
    years = list(publication.years)
    for column in CELL_COLUMN.values():
        label = labels.get(column, TOTAL)
        if label != TOTAL:
            values = [label]
        elif column in view.where:
            values = list(view.where[column])
        else:
            values = None
        if column == "year":
            # A view's own years stand as they are, also where no data exist (the letter's).
            fields["year"] = year_text(years if values is None else values)
        elif values is None:
            fields[DIMENSION_OF_CELL_COLUMN[column]] = ALL
        elif column == "department_group":
            fields["department"] = _codes_text(
                department_codes(values, publication.grouped_departments)
            )
        else:
            fields[DIMENSION_OF_CELL_COLUMN[column]] = _codes_text([str(v) for v in values])
    return fields


def _shown_value(value: object, status: str, rules: ProtectionRules) -> tuple[int | None, str]:
    if status == "published" and not pd.isna(value):
        return int(value), ""
    if status == "primary":
        return None, rules.below_threshold_text
    return None, rules.secondary_text


def _table_cells(table: ProtectedTable, view: TableView):
    """(labels, value, status) of every number of a protected table, totals included."""
    if table.is_series:
        for label in table.values.index:
            yield {view.rows: label}, table.values[label], table.status[label]
        return
    for row in table.values.index:
        for column in table.values.columns:
            yield (
                {view.rows: row, view.columns: column},
                table.values.at[row, column],
                table.status.at[row, column],
            )


def _table_rows(results: DerivedResults, registry: _Registry) -> dict[str, dict]:
    """Every cell of every protected table; returns table -> labels key -> id."""
    publication = results.publication
    rules = publication.rules
    views = _views_by_name()
    ids: dict[str, dict] = {}
    for name, table in publication.tables.items():
        view = views.get(name)
        if view is None:  # a table this code does not know cannot be registered: refuse
            raise ValueError(f"table {name!r} has no definition in the registry")
        ids[name] = {}
        where = places("table", name)
        for labels, value, status in _table_cells(table, view):
            shown, symbol = _shown_value(value, status, rules)
            number = registry.add(
                ShownNumber(
                    COUNT,
                    **_definition(view, labels, publication),
                    value=shown,
                    symbol=symbol,
                    where=where,
                )
            )
            key = tuple(labels.get(d) for d in (view.rows, view.columns) if d is not None)
            ids[name][key] = number.id
    return ids


def _series_of(table: ProtectedTable, item: object) -> pd.Series:
    """One line of a table over the years (the year series itself for a series)."""
    if table.is_series:
        return table.values
    return table.values.loc[item]


def _derived_rows(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    """Rates, intervals, p-values, shares and the stacked bars' 'not shown' segments."""
    publication = results.publication
    years = list(publication.years)
    for entry in measures.registered():
        for breakdown in entry.breakdowns:
            name = entry.table_name(breakdown)
            if name not in publication.tables:
                continue
            table = publication.tables[name]
            items = [TOTAL] if table.is_series else list(table.values.index)
            key_of = (lambda item, year: (year,)) if table.is_series else (lambda i, y: (i, y))

            def base(item, year, name=name, key_of=key_of):
                return registry.rows[ids[name][key_of(item, year)]]

            # Garwood intervals on the trend lines: every shown count of a year column.
            long = trends.series_with_intervals(table, years)
            for row in long.itertuples(index=False):
                if pd.isna(row.count):
                    continue
                count = base(row.item, row.year)
                for statistic, limit in ((INTERVAL_LOWER, row.lower), (INTERVAL_UPPER, row.upper)):
                    registry.add(_like(count, statistic, limit, places("interval", name)))
            # Rates per 1,000 fte: the year series and the ministries (presentation.views).
            if breakdown in ("total", "department"):
                rates = trends.rates_per_1000_fte(long, results.fte)
                for row in rates.itertuples(index=False):
                    if pd.isna(row.rate):
                        continue
                    count = base(row.item, row.year)
                    for statistic, value in (
                        (RATE, row.rate),
                        (RATE_LOWER, row.rate_lower),
                        (RATE_UPPER, row.rate_upper),
                    ):
                        registry.add(_like(count, statistic, value, places(RATE)))
            # Year-on-year tests: any year can be the last of the trends page's range.
            for item in items:
                series = _series_of(table, item)
                for year in years[1:]:
                    change = trends.year_on_year_change(series, year)
                    if change.p_value is None:
                        continue
                    count = base(item, year)
                    where = list(places("change"))
                    if item == TOTAL or table.is_series:
                        where += places("change_briefing")
                    number = replace(
                        count,
                        statistic=P_VALUE,
                        year=SEPARATOR.join(map(str, (year - 1, year))),
                        value=_rounded(P_VALUE, change.p_value),
                        symbol="",
                        where=tuple(where),
                    )
                    registry.add(number)
    _overview_change(results, registry, ids)
    _shares(results, registry, ids)
    _segments(results, registry, ids)


def _like(count: ShownNumber, statistic: str, value: float, where: Sequence[str]) -> ShownNumber:
    return replace(
        count, statistic=statistic, value=_rounded(statistic, value), symbol="", where=tuple(where)
    )


def _rounded(statistic: str, value: float) -> float:
    decimals = SHOWN_DECIMALS.get(statistic)
    number = float(value)
    if decimals is None or math.isinf(number):
        return number
    return round(number, decimals)


def _overview_change(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    """The overview's sentence: the latest complete year against the year before."""
    publication = results.publication
    latest = trends.latest_complete_year(list(publication.years), results.coverage)
    name = measures.table_name(DISCRIMINATION, "total")
    if latest is None or name not in publication.tables or (latest,) not in ids[name]:
        return
    count = registry.rows[ids[name][(latest,)]]
    p_value = replace(count, statistic=P_VALUE, year=f"{latest - 1}{SEPARATOR}{latest}")
    if p_value.id in registry.rows:
        registry.add_places(p_value.id, places("change_overview"))


def _shares(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    publication = results.publication
    names = [measures.table_name(m, "total") for m in trends.SHARE_MEASURES]
    if not all(name in publication.tables for name in names):
        return
    share = trends.discrimination_share(publication)
    for year, value in share["share"].items():
        if pd.isna(value):
            continue
        count = registry.rows[ids[names[0]][(year,)]]
        registry.add(_like(count, SHARE, float(value), places(SHARE)))


def _segments(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    """The grey 'not shown' part of a stacked bar: the shown total minus the shown items, a sum
    of the hidden items (presentation.charts.stacked_bars)."""
    publication = results.publication
    views = _views_by_name()
    for name, items in STACKED_TABLES.items():
        if name not in publication.tables:
            continue
        table = publication.tables[name]
        view = views[name]
        chosen = [i for i in table.values.index if i != TOTAL] if items is None else list(items)
        for year in publication.years:
            total = table.values.at[TOTAL, year]
            if pd.isna(total):
                continue
            hidden = [i for i in chosen if pd.isna(table.values.at[i, year])]
            shown = sum(int(table.values.at[i, year]) for i in chosen if i not in hidden)
            remainder = int(total) - shown
            if not hidden or remainder <= 0:
                continue
            fields = _definition(view, {"year": year}, publication)
            dimension = DIMENSION_OF_CELL_COLUMN[view.rows]
            fields[dimension] = _codes_text(
                department_codes(hidden, publication.grouped_departments)
                if view.rows == "department_group"
                else [str(i) for i in hidden]
            )
            registry.add(ShownNumber(COUNT, **fields, value=remainder, where=places("segment")))


def _cases_rows(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    """The registered cases per year of the under-reporting page (protected_cases): deduplicated
    where that may be shown, else the published year total (the same number as elsewhere)."""
    publication = results.publication
    name = measures.table_name(DISCRIMINATION, "total")
    if not publication.years or name not in publication.tables or results.cases.empty:
        return
    registered = protected_cases(results.cases, publication, publication.rules)
    for year, cases in registered.items():
        count_id = ids[name].get((year,))
        if count_id is None:
            continue
        if cases.deduplicated:
            registry.add(
                replace(
                    registry.rows[count_id],
                    statistic=CASES,
                    value=int(cases.value),
                    symbol="",
                    where=places(CASES),
                )
            )
        else:
            registry.add_places(count_id, places(CASES))


def _mse_rows(results: DerivedResults, registry: _Registry) -> None:
    """What the under-reporting page shows of capture-recapture, named mse:<model>:<statistic>,
    as displayed: at the rounding the inversion check chose (publication.mse_disclosure), the
    AIC range's own rows only where they are shown, nothing of the model when it is withheld."""
    mse: MseResult = results.mse
    publication = results.publication
    if not publication.years:
        return
    channels = _codes_text([c for c in MSE_LISTS if c in REGISTERED_CHANNELS])
    pooled = dict(
        year=year_text(publication.years),
        channel=channels,
        concerns_discrimination=_codes_text(list(measures.CONCERNS_DISCRIMINATION)),
    )
    where = places("mse")

    def add(model: str, statistic: str, value: float | None, **fields: str) -> None:
        if value is None:
            return
        number = float(value)
        if statistic in MSE_DECIMALS:  # an AIC difference: fewer decimals once coarsened
            decimals = min(MSE_DECIMALS[statistic], delta_decimals(mse.display_digits))
        elif statistic in ("n_observed", "linked_cases"):  # counts, shown as they are
            decimals = 0
        else:  # estimates and limits
            decimals, number = 0, mse.displayed(number)
        shown = number if math.isinf(number) or math.isnan(number) else round(number, decimals)
        if decimals == 0 and not math.isinf(shown) and not math.isnan(shown):
            shown = int(shown)
        registry.add(
            ShownNumber(
                f"{MSE_PREFIX}{model}:{statistic}", **{**pooled, **fields}, value=shown, where=where
            )
        )

    if not mse.estimable:
        if mse.reason == "too_few_linked":  # the sentence names the number of linked cases
            add("pooled", "linked_cases", mse.linked_cases)
        return
    if mse.withheld_reason is not None:  # the page shows the reason, no number of the model
        return
    add("pooled", "n_observed", mse.n_observed)
    for model, estimate in (
        ("bic", mse.chosen),
        ("stepwise", mse.stepwise),
        ("independence", mse.independence),
    ):
        add(model, "n_hat", estimate.n_hat)
        add(model, "lower", estimate.lower)
        add(model, "upper", estimate.upper)
    add("aic_range", "n_hat_min", mse.model_range.n_hat_min)
    add("aic_range", "n_hat_max", mse.model_range.n_hat_max)
    for entry in mse.model_range.models if mse.aic_model_rows else ():
        model = f"aic[{model_name(entry.fit.interactions)}]"
        add(model, "delta", entry.delta)
        add(model, "n_hat", entry.fit.n_hat)
        add(model, "lower", entry.interval.lower)
        add(model, "upper", entry.interval.upper)
    for year, stratum in (mse.per_year or {}).items():
        add("bic_per_year", "n_hat", stratum.n_hat, year=str(year))
        add("bic_per_year", "lower", stratum.lower, year=str(year))
        add("bic_per_year", "upper", stratum.upper, year=str(year))


def model_name(interactions: str) -> str:
    """A model's interactions in a name without ':' or ',' ('IC:MP,MP:VP' -> 'IC*MP+MP*VP')."""
    return interactions.replace(":", "*").replace(",", "+")


def _coverage_rows(results: DerivedResults, registry: _Registry) -> None:
    """The statuses viewers see (etl.coverage.as_shown): a missing delivery, and a channel a
    ministry never delivered (Dekking's '·'), both mean no reports, known to everyone: a
    has_reports row of 0. A delivered one (with or without reports) says nothing: no row."""
    coverage = results.coverage
    if coverage is None or coverage.empty:
        return
    delivered_channels = (
        coverage[coverage["status"] != MISSING].groupby("department")["channel"].agg(set)
    )
    for (department, year), group in coverage.groupby(["department", "year"]):
        by_channel = dict(zip(group["channel"], group["status"], strict=True))
        for channel in REGISTERED_CHANNELS:
            status = by_channel.get(channel)
            if status == MISSING:
                kind = "missing"
            elif status is None and channel not in delivered_channels.get(department, set()):
                kind = "not_expected"
            else:
                continue
            registry.add(
                ShownNumber(
                    HAS_REPORTS,
                    year=str(int(year)),
                    department=str(department),
                    channel=channel,
                    value=0,
                    where=places(kind),
                )
            )


def shown_numbers(results: DerivedResults) -> list[ShownNumber]:
    """Every number the product can show or export for this data version, one row each."""
    registry = _Registry()
    ids = _table_rows(results, registry)
    _derived_rows(results, registry, ids)
    _cases_rows(results, registry, ids)
    _mse_rows(results, registry)
    _coverage_rows(results, registry)
    return list(registry.rows.values())


def table_ids(results: DerivedResults) -> dict[str, dict[tuple, str]]:
    """table name -> (row label[, column label]) -> the id of that number in the registry."""
    return _table_rows(results, _Registry())


def write_csv(numbers: Sequence[ShownNumber], path) -> None:
    """shown.csv: the columns of COLUMNS in that order, UTF-8, comma-separated."""
    frame = pd.DataFrame([number.as_row() for number in numbers], columns=list(COLUMNS))
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def read_csv(path) -> list[ShownNumber]:
    """shown.csv back to rows (values as int where whole, else float)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    numbers = []
    for row in frame.to_dict("records"):
        raw = row["value"]
        value: int | float | None
        if raw == "":
            value = None
        elif raw.lstrip("-").isdigit():
            value = int(raw)
        else:
            value = float(raw)
        numbers.append(
            ShownNumber(
                statistic=row["statistic"],
                year=row["year"],
                **{dimension: row[dimension] for dimension in DIMENSIONS},
                value=value,
                symbol=row["symbol"],
                where=tuple(row["where"].split(SEPARATOR)) if row["where"] else (),
            )
        )
    return numbers
