"""Chart building: plotly figures from protected long tables only, in the government template."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from base.formatting import format_date, format_number, format_percentage
from base.reference import Event
from base.texts import text
from base.theme import TEXT, categorical_colours, colour, template
from protection.rules import ProtectionRules
from protection.tables import TOTAL


def _layout(figure: go.Figure, title: str, y_title: str, lang: str) -> go.Figure:
    figure.update_layout(
        template=template(),
        title={"text": title},
        yaxis_title=y_title,
        xaxis={"dtick": 1},
        separators=",." if lang == "nl" else ".,",
        height=420,
    )
    return figure


def _spoken_list(items: Sequence[str], lang: str) -> str:
    """'a', 'a en b', 'a, b en c' (English: 'and')."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text('chart.list_and', lang)} {items[-1]}"


def hidden_parts(
    long: pd.DataFrame,
    labels: Mapping[str, str],
    items: Sequence[str],
    lang: str = "nl",
    rules: ProtectionRules | None = None,
) -> dict[int, str]:
    """Per year with hidden items, what the grey segment holds: 'Meldpunt en Klachtencommissie
    (elk <5)', 'Integriteitscoördinator (x: 5 of meer)'. Only what the symbols already say ('<5'
    is 1..4, the secondary symbol 5 or more), so it reveals nothing the table does not."""
    rules = rules or ProtectionRules()
    parts: dict[int, str] = {}
    status = long[long["item"].isin(list(items))]
    for year, rows in status.groupby("year", sort=True):
        by_item = dict(zip(rows["item"], rows["status"], strict=True))
        small = [labels.get(i, i) for i in items if str(by_item.get(i)) == "primary"]
        large = [labels.get(i, i) for i in items if str(by_item.get(i)) == "secondary"]
        values = {"threshold": rules.threshold, "symbol": rules.secondary_text}
        phrases = []
        if small:  # '(<5)' for one item, '(elk <5)' for several
            named = _spoken_list(small, lang)
            phrases.append(
                text("chart.hidden_small_one", lang, items=named, **values)
                if len(small) == 1
                else text("chart.hidden_small", lang, items=named, **values)
            )
        if large:  # '(x: 5 of meer)', '(x: elk 5 of meer)'
            named = _spoken_list(large, lang)
            phrases.append(
                text("chart.hidden_large_one", lang, items=named, **values)
                if len(large) == 1
                else text("chart.hidden_large", lang, items=named, **values)
            )
        if phrases:
            parts[int(year)] = "; ".join(phrases)
    return parts


def hidden_parts_note(
    long: pd.DataFrame,
    labels: Mapping[str, str],
    items: Sequence[str],
    lang: str = "nl",
    rules: ProtectionRules | None = None,
) -> str | None:
    """One sentence for the table beside a stacked chart: what its grey segment holds, years with
    the same content together ('2018–2020: ...; 2021: ...'); None when nothing is hidden."""
    parts = hidden_parts(long, labels, items, lang, rules)
    if not parts:
        return None
    runs: list[tuple[int, int, str]] = []
    for year, part in sorted(parts.items()):
        if runs and runs[-1][2] == part and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year, part)
        else:
            runs.append((year, year, part))
    spans = [
        f"{first}: {part}" if first == last else f"{first}–{last}: {part}"
        for first, last, part in runs
    ]
    return text("chart.hidden_segment_note", lang, parts="; ".join(spans))


def stacked_bars(
    long: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    lang: str = "nl",
    order: Sequence[str] | None = None,
    rules: ProtectionRules | None = None,
) -> go.Figure:
    """Bars per year stacked by item; hidden cells go into one grey 'not shown' segment.

    The grey segment is the shown year total minus the shown items: a sum of hidden cells that the
    table's totals already reveal, never one hidden cell on its own (protection guarantees that).
    Its legend names the items it holds in some year, its hover per year which ones and what their
    symbols say (hidden_parts), so that no series seems to stop where it is only hidden.
    """
    figure = go.Figure()
    items = [i for i in (order or list(dict.fromkeys(long["item"]))) if i != TOTAL]
    palette = categorical_colours()
    totals = long[long["item"] == TOTAL].set_index("year")["count"]
    shown_sum = pd.Series(0, index=totals.index, dtype="Int64")
    for index, item in enumerate(items):
        rows = long[long["item"] == item].set_index("year")
        values = rows["count"].reindex(totals.index)
        shown_sum = shown_sum + values.fillna(0)
        hover = [
            f"{labels.get(item, item)} {year}: "
            + (
                format_number(int(v), lang=lang)
                if not pd.isna(v)
                else text("chart.hidden_value", lang)
            )
            for year, v in values.items()
        ]
        figure.add_bar(
            x=list(values.index),
            y=[None if pd.isna(v) else int(v) for v in values],
            name=labels.get(item, item),
            marker_color=palette[index % len(palette)],
            hovertext=hover,
            hoverinfo="text",
        )
    remainder = (totals - shown_sum).astype("Float64")
    if (remainder.fillna(0) > 0).any():
        parts = hidden_parts(long, labels, items, lang, rules)
        hidden_items = set(long.loc[long["status"].astype(str) != "published", "item"])
        in_segment = [labels.get(i, i) for i in items if i in hidden_items]
        hover = [
            text(
                "chart.hidden_segment_year",
                lang,
                year=year,
                parts=parts[int(year)],
                count=format_number(int(v), lang=lang),
            )
            if int(year) in parts and not pd.isna(v) and v > 0
            else text("chart.hidden_segment_hover", lang)
            for year, v in remainder.items()
        ]
        figure.add_bar(
            x=list(remainder.index),
            y=[None if pd.isna(v) or v <= 0 else float(v) for v in remainder],
            name=text("chart.hidden_segment_named", lang, items=_spoken_list(in_segment, lang))
            if in_segment
            else text("chart.hidden_segment", lang),
            marker={
                "color": colour("grijs-3"),
                "pattern": {"shape": "/", "fgcolor": colour("grijs-6")},
            },
            hovertext=hover,
            hoverinfo="text",
        )
    figure.update_layout(barmode="stack")
    return _layout(figure, title, text("chart.reports", lang), lang)


def _event_x(date: dt.date) -> float:
    """Where a date falls on an axis whose point at x = year stands for that whole year: the
    year runs from year - 0.5 to year + 0.5 (1 January 2025 lies between the 2024 and 2025
    points, not on the 2025 point)."""
    days = 366 if calendar.isleap(date.year) else 365
    return date.year - 0.5 + (date.timetuple().tm_yday - 1) / days


def event_number(index: int) -> str:
    """The marker of the index-th event in a chart and in its caption: ①, ②, ... (1-based)."""
    return chr(0x2460 + index) if 0 <= index < 20 else str(index + 1)


def shown_events(events: Sequence[Event], years: Sequence[int]) -> list[Event]:
    """The events that fall within the shown years (the chart marks them, the caption names them)."""
    if not years:
        return []
    return [e for e in events if min(years) - 0.5 <= _event_x(e.date) <= max(years) + 0.5]


# The name of the annotations that number the events: exports find them by it (event_lines).
EVENT_ANNOTATION = "event"


def event_text(event: Event, lang: str) -> str:
    """'18 mei 2020: Baseline ...': the date in words and the name of an event, as the hover of
    its number, the caption under the chart and the key of a chart file say it."""
    return f"{format_date(event.date, lang)}: {event.label(lang)}"


def _staggered(events: Sequence[Event], min_gap: float) -> list[int]:
    """A row per event number (0 = top): an event closer than `min_gap` years to the previous
    one goes a row lower, so that the two numbers do not print over each other (2 July 2024
    and 1 January 2025 are half a year apart)."""
    rows: list[int] = []
    for index, event in enumerate(events):
        close = index and _event_x(event.date) - _event_x(events[index - 1].date) < min_gap
        rows.append(1 if close and rows[-1] == 0 else 0)
    return rows


def add_event_markers(
    figure: go.Figure, events: Sequence[Event], years: Sequence[int], lang: str
) -> None:
    """Dashed vertical lines for dated events within the shown years (series breaks, new channels),
    each numbered at the top (event_number); the caption under the chart names them in the page's
    language and the hover shows the date and name. Names in the chart itself would overlap one
    another and the lines at this width; a chart file lists them under the plot (exports)."""
    shown = shown_events(events, years)
    for number, (event, row) in enumerate(zip(shown, _staggered(shown, 0.35), strict=True)):
        x = _event_x(event.date)
        figure.add_vline(
            x=x, line={"dash": "dash", "color": colour("grijs-6"), "width": 1}, layer="below"
        )
        figure.add_annotation(
            name=EVENT_ANNOTATION,
            x=x,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            yshift=18 * row,
            text=event_number(number),
            hovertext=event_text(event, lang),
            showarrow=False,
            font={"size": 14, "color": colour("grijs-7")},
        )


MARKER_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross")

# Beyond this many lines besides the total the error bars of one chart overlap and its colours
# are hard to tell apart (issue 15: seven ministries per 1,000 fte): the trend chart becomes
# small multiples. The four channels with their total stay one chart with a legend.
SMALL_MULTIPLES_ABOVE = 4


def _series_order(long: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The items of a long table in their order, and the lines to draw: the items, then the total."""
    items = [item for item in dict.fromkeys(long["item"]) if item != TOTAL]
    return items, [*items, TOTAL] if (long["item"] == TOTAL).any() else items


def _trend_trace(
    rows: pd.DataFrame,
    name: str,
    line_colour: str,
    symbol: str,
    width: int,
    lang: str,
    value: str,
) -> go.Scatter:
    """One line with its 95% intervals as error bars; hidden points are left out (gaps)."""
    lower, upper = ("lower", "upper") if value == "count" else ("rate_lower", "rate_upper")
    decimals = 0 if value == "count" else 2
    y = rows[value].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    low = rows[lower].to_numpy(dtype=float)
    high = rows[upper].to_numpy(dtype=float)
    hover = [
        (
            f"{name} {year}: {format_number(v, decimals, lang)} "
            f"({text('chart.interval', lang)} {format_number(lo, decimals, lang)}–{format_number(hi, decimals, lang)})"
            if not np.isnan(v)
            else f"{name} {year}: {text('chart.hidden_value', lang)}"
        )
        for year, v, lo, hi in zip(rows["year"], y, low, high, strict=True)
    ]
    return go.Scatter(
        x=rows["year"].tolist(),
        y=[None if np.isnan(v) else v for v in y],
        mode="lines+markers",
        name=name,
        line={"color": line_colour, "width": width},
        marker={"size": 8, "symbol": symbol},
        error_y={
            "type": "data",
            "symmetric": False,
            "array": np.nan_to_num(high - y).tolist(),
            "arrayminus": np.nan_to_num(y - low).tolist(),
            "thickness": 1.2,
            "width": 4,
        },
        hovertext=hover,
        hoverinfo="text",
        connectgaps=False,
    )


def trend_chart(
    long: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    events: Sequence[Event],
    lang: str = "nl",
    value: str = "count",
) -> go.Figure:
    """The trends page's chart: one chart with a line per item while the lines can be told apart
    (SMALL_MULTIPLES_ABOVE), else a small panel per line (trend_panels)."""
    if long.loc[long["item"] != TOTAL, "item"].nunique() > SMALL_MULTIPLES_ABOVE:
        return trend_panels(long, labels, title, events, lang, value)
    return trend_lines(long, labels, title, events, lang, value)


def trend_lines(
    long: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    events: Sequence[Event],
    lang: str = "nl",
    value: str = "count",
) -> go.Figure:
    """A line per item with 95% intervals as error bars; hidden points are left out (gaps).

    value: 'count' (intervals lower/upper) or 'rate' (rate_lower/rate_upper).
    """
    figure = go.Figure()
    palette = categorical_colours()
    items, series = _series_order(long)
    for index, item in enumerate(series):
        rows = long[long["item"] == item].sort_values("year")
        # The total is always dark and thick; the items take the colour-blind-safe order.
        line_colour = (
            colour("grijs-7") if item == TOTAL and items else palette[index % len(palette)]
        )
        figure.add_trace(
            _trend_trace(
                rows,
                labels.get(item, item),
                line_colour,
                MARKER_SYMBOLS[index % len(MARKER_SYMBOLS)],
                3 if item == TOTAL else 2,
                lang,
                value,
            )
        )
    add_event_markers(figure, events, sorted(set(long["year"])), lang)
    y_title = text("chart.reports", lang) if value == "count" else text("chart.rate_axis", lang)
    return _layout(figure, title, y_title, lang)


def _top(rows: pd.DataFrame, value: str) -> float:
    """The highest point a panel draws: the shown values and their upper bounds (0 if none)."""
    upper = "upper" if value == "count" else "rate_upper"
    shown = rows[rows[value].notna()]
    values = pd.concat([shown[value], shown[upper]]).astype("Float64").dropna()
    return float(values.max()) if len(values) else 0.0


def trend_panels(
    long: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    events: Sequence[Event],
    lang: str = "nl",
    value: str = "count",
) -> go.Figure:
    """Small multiples: a panel per line (the items, then the total), three abreast, each titled
    with its line's name, with the same years and the same vertical scale, so that panels compare
    at a glance and no error bars overlap. Only the total of counts gets its own scale (named in
    its title): on the items' scale the items would be flattened under it; rates share one."""
    from plotly.subplots import make_subplots  # plotly's subplot helper, only for this chart

    items, series = _series_order(long)
    columns = 3
    rows_count = -(-len(series) // columns)
    own_scale = value == "count" and bool(items) and TOTAL in series
    titles = [
        f"{labels.get(item, item)} ({text('chart.own_scale', lang)})"
        if item == TOTAL and own_scale
        else labels.get(item, item)
        for item in series
    ]
    figure = make_subplots(
        rows=rows_count,
        cols=columns,
        subplot_titles=titles,
        horizontal_spacing=0.07,
        vertical_spacing=0.34 / rows_count,
    )
    years = sorted(set(long["year"]))
    shared_top = max(
        (
            _top(long[long["item"] == item], value)
            for item in series
            if not own_scale or item != TOTAL
        ),
        default=0.0,
    )
    for index, item in enumerate(series):
        row, col = index // columns + 1, index % columns + 1
        rows = long[long["item"] == item].sort_values("year")
        total_line = item == TOTAL and bool(items)
        figure.add_trace(
            _trend_trace(
                rows,
                labels.get(item, item),
                colour("grijs-7") if total_line else colour("logoblauw"),
                "circle",
                3 if total_line else 2,
                lang,
                value,
            ),
            row=row,
            col=col,
        )
        top = _top(rows, value) if item == TOTAL and own_scale else shared_top
        figure.update_yaxes(range=[0, (top or 1) * 1.08], row=row, col=col)
    y_title = text("chart.reports", lang) if value == "count" else text("chart.rate_axis", lang)
    figure = _layout(figure, title, "", lang)
    # Every second year on a panel a third of the page wide; all panels span the same years.
    step = 1 if len(years) <= 5 else 2
    figure.update_xaxes(
        range=[years[0] - 0.5, years[-1] + 0.5] if years else None,
        dtick=step,
        tick0=years[-1] if years else None,
        tickfont={"size": 12},
    )
    figure.update_yaxes(tickfont={"size": 12})
    figure.update_annotations(font={"size": 13, "color": TEXT})  # the panel titles, in black
    _keep_long_titles_inside(figure, columns)
    for row in range(1, rows_count + 1):
        figure.update_yaxes(title={"text": y_title, "font": {"size": 12}}, row=row, col=1)
    figure.update_layout(showlegend=False, height=140 + 210 * rows_count)
    for event in shown_events(events, years):
        figure.add_vline(
            x=_event_x(event.date),
            line={"dash": "dash", "color": colour("grijs-6"), "width": 1},
            layer="below",
            row="all",
            col="all",
        )
    if shown_events(events, years):
        _number_events_per_panel(figure, events, years, len(series), lang)
    return figure


# A panel title longer than this (the total's, 'Total central government (all categories) (own
# scale)') is wider than its panel: centred over the first or last column it would run off the image.
LONG_PANEL_TITLE = 28


def _keep_long_titles_inside(figure: go.Figure, columns: int) -> None:
    """Align a long panel title with the outer edge of its panel in the first column (from its
    left edge) and the last column (to its right edge), so that it stays inside the image."""
    for index, annotation in enumerate(figure.layout.annotations):
        column = index % columns
        if len(annotation.text or "") <= LONG_PANEL_TITLE or column not in (0, columns - 1):
            continue
        axis = figure.layout["xaxis" if index == 0 else f"xaxis{index + 1}"]
        if column == 0:
            annotation.update(x=axis.domain[0], xanchor="left")
        else:
            annotation.update(x=axis.domain[1], xanchor="right")


def _number_events_per_panel(
    figure: go.Figure, events: Sequence[Event], years: Sequence[int], panels: int, lang: str
) -> None:
    """The event numbers (event_number) inside the top of every panel, beside its dashed line."""
    shown = shown_events(events, years)
    rows = _staggered(shown, 0.8)  # a panel is a third of the width: numbers need more room
    for panel in range(1, panels + 1):
        axis = "" if panel == 1 else str(panel)
        for number, (event, row) in enumerate(zip(shown, rows, strict=True)):
            figure.add_annotation(
                name=EVENT_ANNOTATION,
                x=_event_x(event.date),
                y=1.0,
                xref=f"x{axis}",
                yref=f"y{axis} domain",
                yanchor="top",
                yshift=-16 * row,
                xanchor="left",
                text=event_number(number),
                hovertext=event_text(event, lang),
                showarrow=False,
                font={"size": 12, "color": colour("grijs-7")},
            )


def share_line(share: pd.DataFrame, title: str, lang: str = "nl") -> go.Figure:
    """Share of discrimination in all reports per year, in percent."""
    figure = go.Figure()
    shares = share["share"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    figure.add_scatter(
        x=list(share.index),
        y=[None if np.isnan(v) else round(v * 100, 1) for v in shares],
        mode="lines+markers",
        name=text("chart.share", lang),
        line={"color": colour("logoblauw"), "width": 3},
        hovertext=[
            f"{year}: {format_percentage(v, 1, lang)}"
            if not np.isnan(v)
            else f"{year}: {text('chart.hidden_value', lang)}"
            for year, v in zip(share.index, shares, strict=True)
        ],
        hoverinfo="text",
    )
    figure = _layout(figure, title, text("chart.percent", lang), lang)
    figure.update_yaxes(ticksuffix="%", rangemode="tozero")
    return figure


def underreporting_chart(
    registered: dict[int, int],
    survey: dict[int, tuple[float, float | None, float | None]],
    band: dict[int, tuple[float, float]],
    mse_years: dict[int, tuple[float, float, float]],
    title: str,
    labels: Mapping[str, str],
    lang: str = "nl",
) -> go.Figure:
    """Registered cases against the estimates, per year, on a log scale.

    survey: year -> (V, lower, upper) people with an experience; band: year -> (min, max) of
    R / published reporting rate; mse_years: year -> (N_hat, lower, upper) cases on no list plus seen.
    """
    figure = go.Figure()
    palette = categorical_colours()
    years = sorted(set(registered) | set(survey) | set(mse_years))
    if band:
        band_years = sorted(band)
        figure.add_scatter(
            x=band_years + band_years[::-1],
            y=[band[y][1] for y in band_years] + [band[y][0] for y in band_years[::-1]],
            fill="toself",
            fillcolor="rgba(204,204,204,0.45)",
            line={"width": 0},
            name=labels["band"],
            hoverinfo="skip",
        )
    figure.add_scatter(
        x=sorted(registered),
        y=[registered[y] for y in sorted(registered)],
        mode="lines+markers",
        name=labels["registered"],
        line={"color": colour("logoblauw"), "width": 3},
        marker={"symbol": "circle", "size": 9},
    )
    if mse_years:
        mse_sorted = sorted(mse_years)
        values = [mse_years[y] for y in mse_sorted]
        figure.add_scatter(
            x=mse_sorted,
            y=[v[0] for v in values],
            mode="markers",
            name=labels["mse"],
            marker={"color": palette[3], "symbol": "diamond", "size": 10},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [v[2] - v[0] for v in values],
                "arrayminus": [v[0] - v[1] for v in values],
            },
        )
    if survey:
        survey_sorted = sorted(survey)
        values = [survey[y] for y in survey_sorted]
        figure.add_scatter(
            x=survey_sorted,
            y=[v[0] for v in values],
            mode="markers",
            name=labels["survey"],
            marker={"color": palette[1], "symbol": "square", "size": 11},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [(v[2] - v[0]) if v[2] is not None else 0 for v in values],
                "arrayminus": [(v[0] - v[1]) if v[1] is not None else 0 for v in values],
            },
        )
    figure = _layout(figure, title, labels["axis"], lang)
    figure.update_yaxes(type="log", rangemode="normal", dtick=1, tickformat=",d")
    figure.update_xaxes(range=[min(years) - 0.5, max(years) + 0.5] if years else None)
    return figure


@dataclass
class ChartBlock:
    """A chart as a page shows it: the figure, its table alternative, a one-sentence summary."""

    key: str
    figure: go.Figure
    table: pd.DataFrame
    summary: str
    footnotes: list[str] = field(default_factory=list)
    source: str = ""  # the short source line of its downloads; '' = the register's
