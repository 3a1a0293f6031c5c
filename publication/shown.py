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
from publication import measures, survey_comparison, trends, willingness
from publication.derived import DerivedResults
from publication.measures import DISCRIMINATION
from publication.mse_disclosure import INDEPENDENCE
from publication.protected import (
    GROUPED_CHANNELS,
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
# Dekking's summary per year: deliveries (files) present and missing, not reports. A delivery with
# only an explicit zero counts as present, so neither says whether any report was delivered.
DELIVERIES = "deliveries"
DELIVERIES_MISSING = "deliveries_missing"
CASES = "cases"  # deduplicated cases (not a sum of reports)
RATE = "rate_per_1000_fte"
RATE_LOWER = "rate_per_1000_fte_lower"
RATE_UPPER = "rate_per_1000_fte_upper"
SHARE = "share"
INTERVAL_LOWER = "interval_lower"
INTERVAL_UPPER = "interval_upper"
P_VALUE = "p_value"
MSE_PREFIX = "mse:"
SURVEY_PREFIX = "survey:"  # the survey comparison (publication.survey_comparison.shown_numbers)

# Where a number can appear (the `where` column).
OVERVIEW, TRENDS, UNDERREPORTING, WILLINGNESS, COVERAGE, EXPORT, BRIEFING = (
    "overzicht",
    "trends",
    "onderrapportage",
    "meldingsbereidheid",
    "dekking",
    "export",
    "briefing",
)
# Tables of the publication that no page shows but that are stored beside the data
# (published_cell), where anyone with SQL access to the warehouse reads them.
STORED = "publicatie"
PLACES = (OVERVIEW, TRENDS, UNDERREPORTING, WILLINGNESS, COVERAGE, EXPORT, BRIEFING, STORED)

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
STACKED_TABLES = {
    "discrimination:channel": None,
    "discrimination:concerns": ("ja", "deels"),
    GROUPED_CHANNELS: None,
}


def places(kind: str, table: str | None = None) -> tuple[str, ...]:
    """Where numbers of this kind (of this table) appear, in PLACES order.

    kind: 'table' (a cell of a protected table), 'segment' (a stacked bar's 'not shown' part),
    'interval' (a Garwood interval on a trend line), RATE, SHARE, 'change' (a p_value),
    'change_overview' (the overview's latest change), 'change_briefing' (a measure's year
    series), CASES, 'mse', 'missing' (a delivery the overview, exports and Dekking name as
    missing), 'not_expected' (a channel Dekking shows as never delivered), DELIVERIES (Dekking's
    count of deliveries present and missing per year).
    """
    found: set[str] = set()
    if kind == "table":
        if table in (LETTER_PERIOD, LETTER_COMMITTEE):
            found |= {OVERVIEW}  # the letter table of the overview
        elif table == LETTER_SERIES:
            found |= {STORED}
        elif table == GROUPED_CHANNELS:
            # the overview's channel chart and its download, when it hides less than the fine one
            found |= {OVERVIEW, EXPORT}
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
    elif (
        kind == "survey"
    ):  # the comparison; its share reaching a channel also on Meldingsbereidheid
        found |= {UNDERREPORTING, WILLINGNESS}
    elif kind == "willingness":  # the page only: measures per ministry, survey indicators
        found |= {WILLINGNESS}
    elif kind == "willingness_briefing":  # also in the briefing's optional section
        found |= {WILLINGNESS, BRIEFING}
    elif kind == "missing":
        found |= {COVERAGE, OVERVIEW, EXPORT, BRIEFING}
    elif kind in ("not_expected", DELIVERIES):
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
    as displayed: at the rounding the inversion check chose (publication.mse_disclosure), a dot
    per model only where the dot plot shows one, nothing of the model when it is withheld."""
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

    def add(model: str, statistic: str, value: float | None) -> None:
        if value is None:
            return
        number = float(value)
        if not math.isinf(number) and not math.isnan(number) and number.is_integer():
            number = int(number)
        registry.add(
            ShownNumber(f"{MSE_PREFIX}{model}:{statistic}", **pooled, value=number, where=where)
        )

    if not mse.estimable:
        if mse.reason == "too_few_linked":  # the sentence names the number of linked cases
            add("pooled", "linked_cases", mse.linked_cases)
        return
    if mse.withheld_reason is not None:  # the page shows the reason, no number of the model
        return
    add("pooled", "n_observed", mse.n_observed)
    add("pooled", "share_without_link_key", mse.key_share)
    for statistic, value in zip(("n_hat", "lower", "upper"), mse.headline_shown, strict=True):
        add("model_average", statistic, value)
    # What the interval covered in the calibration study, said as 'at least 9 of 10'.
    add("model_average", "covered_in_10", round(mse.headline.level * 10))
    # The pooled estimate divided by the number of years stands beside every year's registered
    # cases in the comparison chart and its table: one row per year it is shown at.
    for year in publication.years:
        for statistic, value in zip(
            ("n_hat", "lower", "upper"), mse.per_year_average_shown, strict=True
        ):
            if value is not None:
                registry.add(
                    ShownNumber(
                        f"{MSE_PREFIX}model_average_per_year:{statistic}",
                        **{**pooled, "year": str(year)},
                        value=int(value) if float(value).is_integer() else float(value),
                        where=where,
                    )
                )
    smallest, largest = mse.spread_shown
    add("all_models", "n_hat_min", smallest)
    add("all_models", "n_hat_max", largest)
    outputs = mse.outputs
    dots = [("stepwise", outputs.dot(mse.stepwise_model))]
    dots.append(("independence", outputs.dot(INDEPENDENCE)))
    if mse.model_rows:
        dots += [(f"loglinear[{model_name(dot.model)}]", dot) for dot in outputs.dots]
    for model, dot in dots:
        if dot is not None:
            add(model, "n_hat", mse.displayed(dot.n_hat))
            add(model, "lower", mse.displayed(dot.lower))
            add(model, "upper", mse.displayed(dot.upper))


def is_proportion(statistic: str) -> bool:
    """Whether a statistic's value is a proportion 0..1 that the pages show as a percentage."""
    return (
        statistic == SHARE
        or statistic == f"{MSE_PREFIX}pooled:share_without_link_key"
        or (
            statistic.startswith(SURVEY_PREFIX)
            and statistic.rsplit(":", 1)[-1] in survey_comparison.PROPORTIONS
        )
        or willingness.is_proportion(statistic)
    )


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


def _delivery_rows(results: DerivedResults, registry: _Registry) -> None:
    """Dekking's summary (presentation.views.coverage_summary): per year the deliveries present
    and missing. Counts of files over the expected grid, explicit zeros as present: the missing
    ones are the has_reports 0 rows above, the present ones the rest of a public grid."""
    coverage = results.coverage
    if coverage is None or coverage.empty:
        return
    for year, group in coverage.groupby("year"):
        missing = int((group["status"] == MISSING).sum())
        for statistic, value in ((DELIVERIES, len(group) - missing), (DELIVERIES_MISSING, missing)):
            registry.add(
                ShownNumber(statistic, year=str(int(year)), value=value, where=places(DELIVERIES))
            )


# The trend test over the years of the trends page (publication.trends.trend_over_years) and the
# year-on-year test of a rate per 1,000 fte: numbers computed from the shown counts (and fte) of
# their `year` list, shown on the trends page only. The change and its limits in percent with one
# decimal, p-values with three, as the page words them (presentation.views.trend_sentence).
TREND_CHANGE = "trend_change_pct"
TREND_LOWER = "trend_change_lower"
TREND_UPPER = "trend_change_upper"
TREND_P_VALUE = "trend_p_value"
RATE_SUFFIX = "_per_1000_fte"
RATE_P_VALUE = P_VALUE + RATE_SUFFIX
TREND_STATISTICS = tuple(
    statistic + suffix
    for suffix in ("", RATE_SUFFIX)
    for statistic in (TREND_CHANGE, TREND_LOWER, TREND_UPPER, TREND_P_VALUE)
)


def _trend_rows(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    """Every trend the trends page can state: per table, line and range of at least
    trends.MIN_TREND_YEARS consecutive years, of the count and (total and ministries) of the rate
    per 1,000 fte; and the rate's year-on-year p-values. `year` is the ';'-list of the years the
    number is computed from."""
    publication = results.publication
    years = list(publication.years)
    ranges = [
        years[start:end]
        for start in range(len(years))
        for end in range(start + trends.MIN_TREND_YEARS, len(years) + 1)
    ]
    complete_fte = trends.fte_by_item(results.fte, years)
    for entry in measures.registered():
        for breakdown in entry.breakdowns:
            name = entry.table_name(breakdown)
            if name not in publication.tables:
                continue
            table = publication.tables[name]
            with_rate = breakdown in ("total", "department")
            for item in [TOTAL] if table.is_series else list(table.values.index):
                line = _series_of(table, item)
                series = {year: line.get(year) for year in years}
                fte = (
                    {y: value for (i, y), value in complete_fte.items() if i == item}
                    if with_rate
                    else None
                )

                def count_of(year, name=name, item=item, series_table=table):
                    key = (year,) if series_table.is_series else (item, year)
                    return registry.rows[ids[name][key]]

                for span in ranges:
                    for suffix, exposure in (("", None), (RATE_SUFFIX, fte)):
                        if suffix and exposure is None:
                            continue
                        trend = trends.trend_over_years(series, span, exposure)
                        if trend.test is None:
                            continue
                        count = count_of(trend.used[0])
                        year = SEPARATOR.join(map(str, trend.used))
                        for statistic, value in (
                            (TREND_CHANGE, round(trend.test.change * 100, 1)),
                            (TREND_LOWER, round(trend.test.lower * 100, 1)),
                            (TREND_UPPER, round(trend.test.upper * 100, 1)),
                            (TREND_P_VALUE, round(trend.test.p_value, 3)),
                        ):
                            registry.add(
                                replace(
                                    count,
                                    statistic=statistic + suffix,
                                    year=year,
                                    value=value,
                                    symbol="",
                                    where=(TRENDS,),
                                )
                            )
                for year in years[1:] if fte else ():
                    change = trends.year_on_year_rate_change(series, fte, year)
                    if change.p_value is None:
                        continue
                    registry.add(
                        replace(
                            count_of(year),
                            statistic=RATE_P_VALUE,
                            year=SEPARATOR.join(map(str, (year - 1, year))),
                            value=round(change.p_value, 3),
                            symbol="",
                            where=(TRENDS,),
                        )
                    )


def _survey_rows(results: DerivedResults, registry: _Registry) -> None:
    """The survey comparison of the under-reporting page, as shown (two significant figures):
    numbers of the survey alone (ground ALL) and numbers computed from the published counts of
    the grounds they name (disclosure checks that those are shown)."""
    publication = results.publication
    if not publication.years or results.cases.empty:
        return
    registered = protected_cases(results.cases, publication, publication.rules)
    for comparison in survey_comparison.compare_surveys(publication, registered):
        if comparison.comparable:
            # the assumptions name the year's registrations of all discrimination reports
            total = ShownNumber(
                COUNT, str(comparison.year), concerns_discrimination=survey_comparison.CONCERNS
            )
            if total.id in registry.rows:
                registry.add_places(total.id, places("survey"))
        for number in survey_comparison.shown_numbers(comparison):
            registry.add(
                ShownNumber(
                    number.statistic,
                    number.year,
                    concerns_discrimination=number.concerns,
                    ground=number.ground,
                    value=float(number.value),
                    where=places("survey"),
                )
            )


def _willingness_rows(results: DerivedResults, registry: _Registry, ids: dict[str, dict]) -> None:
    """The page 'Meldingsbereidheid': the published discrimination counts and rates per ministry
    it repeats beside the measures (their places extended), and the numbers it computes
    (publication.willingness.shown_numbers: measures, detectable change, the comparison, the
    survey indicators), under statistics starting with willingness.PREFIX."""
    publication = results.publication
    if not publication.years:
        return
    result = willingness.from_results(results)
    reports = result.reports
    table_name = measures.table_name(DISCRIMINATION, "department")
    total_name = measures.table_name(DISCRIMINATION, "total")
    for row in reports.itertuples():
        if row.department_group == TOTAL:
            key, name = (int(row.year),), total_name
        else:
            key, name = (row.department_group, int(row.year)), table_name
        row_id = ids.get(name, {}).get(key)
        if row_id is None or row_id not in registry.rows:
            continue
        count = registry.rows[row_id]
        if row.department_group != TOTAL and not result.measures.empty:
            shown_groups = set(result.measures["department_group"])
            if row.department_group in shown_groups:
                registry.add_places(row_id, places("willingness"))
                rate = replace(count, statistic=RATE, symbol="", where=())
                if rate.id in registry.rows:
                    registry.add_places(rate.id, places("willingness"))
    page_only = (
        willingness.ACTIVITIES,
        willingness.PARTICIPANTS,
        willingness.ACTIVITIES_RATE,
        willingness.INDICATOR,
    )
    # the briefing's section repeats the page's 'In short': the '1 in X' (or its range) of the
    # survey sentence
    for row_id, row in list(registry.rows.items()):
        if row.statistic.startswith(SURVEY_PREFIX) and ":reaching_one_in" in row.statistic:
            registry.add_places(row_id, (BRIEFING,))
    for number in willingness.shown_numbers(result):
        department = _codes_text(department_codes([number.group])) if number.group else ALL
        kind = "willingness" if number.statistic.startswith(page_only) else "willingness_briefing"
        registry.add(
            ShownNumber(
                number.statistic,
                number.year,
                department=department,
                value=number.value,
                symbol=number.symbol,
                where=places(kind),
            )
        )


def shown_numbers(results: DerivedResults) -> list[ShownNumber]:
    """Every number the product can show or export for this data version, one row each."""
    registry = _Registry()
    ids = _table_rows(results, registry)
    _derived_rows(results, registry, ids)
    _trend_rows(results, registry, ids)
    _cases_rows(results, registry, ids)
    _mse_rows(results, registry)
    _survey_rows(results, registry)
    _willingness_rows(results, registry, ids)
    _coverage_rows(results, registry)
    _delivery_rows(results, registry)
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
