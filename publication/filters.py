"""Filter state of the trends page and its round trip through the URL (st.query_params)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from publication import measures
from publication.measures import DISCRIMINATION

PARAM_MEASURE = "maat"
PARAM_BREAKDOWN = "uitsplitsing"
PARAM_ITEMS = "selectie"
PARAM_FROM = "van"
PARAM_TO = "tot"
PARAM_SCALE = "schaal"
SCALES = ("aantal", "per1000fte")


@dataclass(frozen=True)
class TrendFilters:
    """What the trends page shows: a measure, one breakdown, which of its rows, which years.

    measure: a name of publication.measures (the page opens on discrimination).
    items: the rows of the breakdown to draw; empty means all.
    """

    measure: str = DISCRIMINATION
    breakdown: str = "total"
    items: tuple[str, ...] = field(default_factory=tuple)
    year_from: int | None = None
    year_to: int | None = None
    scale: str = "aantal"


def _first(value: str | Sequence[str] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value[0] if value else None


def _year(text: str | None, years: Sequence[int]) -> int | None:
    try:
        year = int(text) if text is not None else None
    except ValueError:
        return None
    return year if year in years else None


def parse_filters(
    params: Mapping[str, str | Sequence[str]],
    years: Sequence[int],
    items_of: Mapping[str, Sequence[str]],
) -> TrendFilters:
    """Read filters from URL parameters; anything unknown or impossible falls back to the default.

    items_of: the rows each breakdown of the current measure can show.
    """
    measure = _first(params.get(PARAM_MEASURE))
    measure = measure if measure in measures.names() else DISCRIMINATION
    breakdown = _first(params.get(PARAM_BREAKDOWN))
    breakdown = breakdown if breakdown in measures.named(measure).breakdowns else "total"
    raw_items = _first(params.get(PARAM_ITEMS)) or ""
    allowed = set(items_of.get(breakdown, ()))
    items = tuple(item for item in raw_items.split(",") if item in allowed)
    year_from = _year(_first(params.get(PARAM_FROM)), years)
    year_to = _year(_first(params.get(PARAM_TO)), years)
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    scale = _first(params.get(PARAM_SCALE))
    scale = scale if scale in SCALES else "aantal"
    return TrendFilters(measure, breakdown, items, year_from, year_to, scale)


def filters_to_params(filters: TrendFilters, years: Sequence[int]) -> dict[str, str]:
    """URL parameters for the filters; defaults are left out so that URLs stay short."""
    params: dict[str, str] = {}
    if filters.measure != DISCRIMINATION:
        params[PARAM_MEASURE] = filters.measure
    if filters.breakdown != "total":
        params[PARAM_BREAKDOWN] = filters.breakdown
    if filters.items:
        params[PARAM_ITEMS] = ",".join(filters.items)
    if years and filters.year_from is not None and filters.year_from != min(years):
        params[PARAM_FROM] = str(filters.year_from)
    if years and filters.year_to is not None and filters.year_to != max(years):
        params[PARAM_TO] = str(filters.year_to)
    if filters.scale != "aantal":
        params[PARAM_SCALE] = filters.scale
    return params
