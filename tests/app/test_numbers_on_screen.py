"""Every number on screen is in the registry of shown numbers (issue 13; publication.shown).

Each page is rendered with AppTest on the demo warehouse, in Dutch and English, once per option it
offers (the trends page: every measure x breakdown x scale, the default range and a shorter 'from'
range). Every number of every element (markdown, captions, metrics and their help, alerts,
dataframes, and each chart's figure JSON: y-values, error bars, hover texts) is read as displayed
and must be a number that a registry row with that page in `where` shows:

- counts exactly; rates, shares, p-values and model outputs at the precision displayed;
- `<5` and `x` only where a hidden row with that symbol exists;
- by definition where the element gives it: a table cell under a year column (or in a row of a
  'Jaar' index) and a chart point at a year x must match a row of that year; else by value among
  the page's rows.

Things that are not data pass only through the short allow-lists below, each with its reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest

from app import web
from base.texts import TEXTS, text
from etl import warehouse
from etl.coverage import MISSING
from protection.rules import ProtectionRules
from publication import derived, measures, shown
from publication.filters import SCALES

# --- allow-list: what is on screen but is not data --------------------------------------------

# Whole elements rendered from these texts carry no number derived from reports.
NOT_DATA_TEXTS = {
    # The data version line: how many files were loaded and when (the history table on Dekking
    # lists the same files); it counts files of every kind, fte included, not reports.
    "app.data_version",
    # The login line of local mode: a user name.
    "auth.local_mode_sidebar",
    # The protection rules as footnotes and on 'Over de cijfers': T, T-1 and W, not data.
    "protection.footnote.below_threshold",
    "protection.footnote.secondary",
    "about.protection",
}
# Elements that start with these texts: the list of published sources on 'Over de cijfers' (the
# letter's figures, fte tables, surveys), reference data beside the warehouse, never reports.
NOT_DATA_LEADING = (
    "about.source_letter",
    # Meldingsbereidheid's sources of the survey indicators: document numbers and dates
    "will.ind_sources_intro",
)
# Table columns that are not data (by their header's text key).
NOT_DATA_COLUMNS = {
    # The letter to parliament's own published figures (2018-2020), a fixed reference.
    "letter.published",
    # Who a survey indicator is about, as its source describes the respondents (reference data)
    "will.col.population",
}
# Dekking's history of submissions: ids, file names, what a file covers (ministry x year), load
# times and hashes. Viewers see who delivered what, never a count of reports.
HISTORY_TABLE_COLUMNS = {
    "history.submission",
    "history.file",
    "history.covers",
    "history.loaded_at",
    "history.replaced_by",
}
# Phrases that restate the rule for a hidden 'x' in a chart's hover ('x: elk 5 of meer'): the
# threshold T, not data (filled in with the rules' symbol and T, the items left out).
RULE_PHRASES = ("chart.hidden_large", "chart.hidden_large_one")
# A year is written without a thousands separator (a count of 2,018 would read '2.018'): a number
# 1990..2100 without one is a year or a range of years, which says nothing about reports.
YEARS = range(1990, 2101)
# Dates (event markers 18-05-2020, load times 05-12-2026 23:32) are not counts.
DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}(?:\s\d{2}:\d{2})?\b")

# --- reading numbers as displayed --------------------------------------------------------------

NUMBER = {
    "nl": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
}
SYMBOLS = ("<", "x")


def _token_pattern(lang: str) -> re.Pattern[str]:
    # A sign only where it touches the number and follows no digit ('2018-2020' is two years).
    return re.compile(
        rf"(?<![\w.,<+\-−])(?:(?P<below><\s?)|(?P<sign>[+\-−]))?"
        rf"(?P<number>{NUMBER[lang]})(?![\w]|[.,]\d)(?P<percent>\s?%)?"
    )


@dataclass(frozen=True)
class Shown:
    """One number on screen: value with its decimals (None: a raw float of a chart's JSON), or a
    symbol ('<5' or 'x'); below: a bound ('p < 0,001'); the year its element gives it, if any;
    where it was found."""

    where: str
    value: float | None = None
    decimals: int | None = 0
    percent: bool = False
    symbol: str = ""
    year: int | None = None
    below: bool = False

    def __str__(self) -> str:
        shown = self.symbol or f"{self.value}{'%' if self.percent else ''}"
        return f"{shown} (year {self.year}) in {self.where}"


def _constants(lang: str) -> list[str]:
    """Literal parts of the text table that contain digits ('95%-interval', '25-35 per jaar'):
    written in the text, not computed. Long ones only, so that no digit of a number is taken."""
    parts: set[str] = set()
    for entry in TEXTS.values():
        template = entry.get(lang) or entry.get("nl", "")
        for part in re.split(r"\{[^}]*\}", template):
            if re.search(r"\d", part) and re.search(r"[^\W\d]", part) and len(part) >= 8:
                parts.add(part)
    rules = ProtectionRules()
    for key in RULE_PHRASES:
        phrase = text(key, lang, items="", symbol=rules.secondary_text, threshold=rules.threshold)
        parts.add(phrase.strip())
    return sorted(parts, key=len, reverse=True)


_CONSTANTS: dict[str, list[str]] = {}


def numbers_in(value: object, lang: str, where: str, year: int | None = None) -> list[Shown]:
    """The numbers of one displayed text, parsed as the language writes them."""
    content = str(value)
    if lang not in _CONSTANTS:
        _CONSTANTS[lang] = _constants(lang)
    for constant in _CONSTANTS[lang]:
        if constant in content:
            content = content.replace(constant, " ")
    content = DATE.sub(" ", content)
    found: list[Shown] = []
    stripped = content.strip()
    if stripped == "x":
        found.append(Shown(where, symbol="x", year=year))
    thousands, decimal = (".", ",") if lang == "nl" else (",", ".")
    for match in _token_pattern(lang).finditer(content):
        raw = match.group("number")
        plain = raw.replace(thousands, "").replace(decimal, ".")
        decimals = len(plain.split(".")[1]) if "." in plain else 0
        number = float(plain)
        percent = bool(match.group("percent"))
        if match.group("below"):
            if decimals == 0 and not percent:  # '<5': a hidden count
                found.append(Shown(where, symbol=f"<{raw}", year=year))
            else:  # 'p < 0,001': a bound on a shown statistic
                found.append(Shown(where, number, decimals, percent, year=year, below=True))
            continue
        if match.group("sign") in ("-", "−"):
            number = -number
        elif decimals == 0 and thousands not in raw and int(number) in YEARS:
            continue  # a year (see YEARS)
        found.append(Shown(where, number, decimals, percent, year=year))
    return found


def _year_of(label: object) -> int | None:
    if isinstance(label, float) and label.is_integer():  # a chart's x as plotly stores it
        label = int(label)
    text_label = str(label).strip()
    return int(text_label) if text_label.isdigit() and int(text_label) in YEARS else None


def _header_keys(lang: str, keys: Iterable[str]) -> set[str]:
    return {text(key, lang) for key in keys}  # a key gone from the texts fails: no stale entries


def _is_from(content: str, key: str, lang: str) -> bool:
    template = TEXTS[key].get(lang) or TEXTS[key]["nl"]
    pattern = ".*?".join(re.escape(part) for part in re.split(r"\{[^}]*\}", template))
    return re.fullmatch(pattern, content.strip(), flags=re.DOTALL) is not None


def on_screen(at, lang: str) -> Iterator[Shown]:
    """Every number of every element of a rendered page."""
    for kind in ("title", "header", "subheader", "markdown", "caption"):
        for element in getattr(at, kind):
            yield from _text_numbers(element.value, lang, kind)
    for kind in ("warning", "info", "error", "success"):
        for element in getattr(at, kind):
            yield from _text_numbers(element.value, lang, kind)
    for metric in at.metric:
        yield from _text_numbers(metric.label, lang, "metric label")
        yield from _text_numbers(metric.value, lang, f"metric {metric.label!r}")
        yield from _text_numbers(metric.proto.help, lang, f"help of {metric.label!r}")
    skipped = _header_keys(lang, NOT_DATA_COLUMNS | HISTORY_TABLE_COLUMNS) | {"sha256"}
    for index, frame in enumerate(at.dataframe):
        yield from _frame_numbers(frame.value, lang, f"table {index}", skipped)
    for index, frame in enumerate(at.table):  # static tables (st.table)
        yield from _frame_numbers(frame.value, lang, f"static table {index}", skipped)
    for chart in at.get("plotly_chart"):
        yield from _chart_numbers(json.loads(chart.proto.spec), lang)


def _text_numbers(content: object, lang: str, where: str) -> list[Shown]:
    if any(_is_from(str(content), key, lang) for key in NOT_DATA_TEXTS):
        return []
    if any(str(content).lstrip("- ").startswith(text(key, lang)) for key in NOT_DATA_LEADING):
        return []
    return numbers_in(content, lang, f"{where}: {str(content)[:80]!r}")


def _frame_numbers(frame, lang: str, where: str, skipped: set[str]) -> Iterator[Shown]:
    index_years = [_year_of(label) for label in frame.index]
    for column in frame.columns:
        if str(column) in skipped:
            continue
        column_year = _year_of(column)
        for row_year, label, cell in zip(index_years, frame.index, frame[column], strict=True):
            year = column_year or row_year
            yield from numbers_in(cell, lang, f"{where} [{label}, {column}]", year)


def _chart_numbers(spec: dict, lang: str) -> Iterator[Shown]:
    """Values along the numeric axis (y, or x for a horizontal chart with labels on y), their
    error bars, and hover texts; a point's year from the other axis where it holds years."""
    for trace in spec.get("data", []):
        name = trace.get("name") or trace.get("type")
        xs, ys = _values(trace.get("x")), _values(trace.get("y"))
        horizontal = trace.get("orientation") == "h" or (
            any(isinstance(y, str) for y in ys) and not any(isinstance(x, str) for x in xs)
        )
        values, labels, error = (
            (xs, ys, trace.get("error_x")) if horizontal else (ys, xs, trace.get("error_y"))
        )
        years = [_year_of(label) for label in labels]
        above, below = _values((error or {}).get("array")), _values((error or {}).get("arrayminus"))
        for position, value in enumerate(values):
            if value is None or isinstance(value, str):
                continue
            year = years[position] if position < len(years) else None
            label = labels[position] if position < len(labels) else "?"
            where = f"chart {name!r} at {label}"
            yield Shown(where, float(value), None, year=year)
            for offset, sign in ((above, 1), (below, -1)):
                if position < len(offset) and offset[position]:
                    limit = value + sign * offset[position]
                    yield Shown(f"{where} error bar", limit, None, year=year)
        hovers = trace.get("hovertext") or trace.get("text") or []
        for position, hover in enumerate(hovers if isinstance(hovers, list) else [hovers]):
            year = years[position] if position < len(years) else None
            yield from numbers_in(hover, lang, f"chart {name!r} hover", year)


def _values(data: object) -> list:
    """A plotly array (a list, or the typed-array form {'dtype', 'bdata'} of plotly 6): numbers
    as floats, labels as they are."""
    if data is None:
        return []
    if isinstance(data, dict) and "bdata" in data:
        import base64  # plotly's binary form; only charts with numpy arrays use it

        import numpy as np

        values = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        return [None if np.isnan(v) else float(v) for v in values.astype(float)]
    return [v if v is None or isinstance(v, str) else float(v) for v in data]


# --- matching against the registry -------------------------------------------------------------

WHOLE = {shown.COUNT, shown.CASES, shown.INTERVAL_LOWER, shown.INTERVAL_UPPER}
# Statistics registered in percent as the page words them (the trend's change per year and its
# limits); a share is registered as a proportion.
IN_PERCENT = {s for s in shown.TREND_STATISTICS if "p_value" not in s}


def _row_decimals(row: shown.ShownNumber) -> int:
    if row.statistic in shown.SHOWN_DECIMALS:
        return shown.SHOWN_DECIMALS[row.statistic]
    value = float(row.value)
    return 0 if value.is_integer() else len(repr(value).split(".")[1])


def _matches(number: Shown, row: shown.ShownNumber) -> bool:
    if number.symbol:
        return row.hidden and row.symbol == number.symbol
    if row.hidden or number.value is None:
        return False
    value = float(row.value)
    if number.below:  # a bound: a p-value shown as '< 0,001'
        return row.statistic not in WHOLE and value < number.value
    if number.percent:  # a share or a change shown as a percentage
        if shown.is_proportion(row.statistic):
            return _same(round(value * 100, number.decimals), number.value)
        return row.statistic in IN_PERCENT and _same(round(value, number.decimals), number.value)
    if row.statistic == shown.SHARE:  # a chart's percentage, rounded to 1 decimal
        return number.decimals is None and _same(number.value, round(value * 100, 1))
    if number.decimals is None:  # a chart's raw value: counts exact, others as displayed
        if row.statistic in (shown.COUNT, shown.CASES):
            return number.value == value
        return _same(round(number.value, _row_decimals(row)), value)
    if number.decimals == 0 and not (
        row.statistic in WHOLE or float(value).is_integer() or row.statistic.startswith("mse:")
    ):
        return False  # a whole number is not a rate or p-value rounded away
    return _same(round(value, number.decimals), number.value)


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


def unexplained(numbers: Iterable[Shown], rows: list[shown.ShownNumber]) -> list[str]:
    """The numbers no row of the page shows. Where the element gives a year (a table's year
    column or 'Jaar' row, a chart's x), only rows of exactly that year (not a sum over years)."""
    of_year: dict[str, list[shown.ShownNumber]] = {}
    for row in rows:
        of_year.setdefault(row.year, []).append(row)
    missing = []
    for number in numbers:
        candidates = rows if number.year is None else of_year.get(str(number.year), [])
        if not any(_matches(number, row) for row in candidates):
            missing.append(str(number))
    return sorted(set(missing))


# --- fixtures and pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(demo_db) -> derived.DerivedResults:
    with warehouse.reading(demo_db) as connection:
        found = derived.latest(connection, ProtectionRules())
    assert found is not None
    return found


@pytest.fixture(scope="module")
def registry(results) -> list[shown.ShownNumber]:
    return shown.shown_numbers(results)


def rows_of(registry: list[shown.ShownNumber], place: str) -> list[shown.ShownNumber]:
    return [row for row in registry if place in row.where]


LANGUAGES = ["nl", "en"]
SIMPLE_PAGES = {
    "overzicht": shown.OVERVIEW,
    "export": shown.EXPORT,
    "dekking": shown.COVERAGE,
    "meldingsbereidheid": shown.WILLINGNESS,
    "over_de_cijfers": None,  # no data at all: every number must be allowed above
}


def _render(app, demo_db, page: str, lang: str):
    at = app(demo_db, f"app_pages/{page}.py", params={"taal": lang})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]  # web.guarded shows a failed page so
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", list(SIMPLE_PAGES))
def test_every_number_on_the_page_is_registered(app, demo_db, registry, page, lang):
    at = _render(app, demo_db, page, lang)
    place = SIMPLE_PAGES[page]
    rows = rows_of(registry, place) if place else []
    numbers = list(on_screen(at, lang))
    assert unexplained(numbers, rows) == [], "\n".join(unexplained(numbers, rows))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_trends_option_shows_registered_numbers_only(
    app, demo_db, registry, lang, monkeypatch
):
    """Every measure x breakdown x scale the page offers (a rate only where the radio allows
    it), over all years and from the second year on."""
    # AppTest formats a widget's value with the page's format_func outside the script run, where
    # no session state says the language: it would label 'total' in Dutch on the English page.
    monkeypatch.setattr(web, "DEFAULT_LANGUAGE", lang)
    at = _render(app, demo_db, "trends", lang)
    rows = rows_of(registry, shown.TRENDS)
    years = list(at.selectbox(key="trends_year_from").options)
    missing: list[str] = []
    rendered: list[str] = []
    # Options are set through the widgets' state (their labels follow the language).
    for year_from in (years[0], years[1]):
        at.session_state["trends_year_from"] = year_from
        for entry in measures.registered():
            at.session_state["trends_measure"] = entry.name
            for breakdown in entry.breakdowns:
                at.session_state["trends_breakdown"] = breakdown
                for scale in SCALES:
                    at.session_state["trends_scale"] = scale
                    at.run()
                    assert not at.exception, [e.value for e in at.exception]
                    assert at.selectbox(key="trends_breakdown").value == breakdown
                    assert at.radio(key="trends_measure").value == entry.name
                    if at.radio(key="trends_scale").value != scale:
                        assert at.radio(key="trends_scale").disabled  # no rate offered here
                        continue
                    option = f"{entry.name}/{breakdown}/{scale}/from {year_from}"
                    numbers = list(on_screen(at, lang))
                    assert numbers, option
                    missing += [f"{option}: {n}" for n in unexplained(numbers, rows)]
                    rendered.append(option)
    combinations = sum(len(e.breakdowns) for e in measures.registered())
    assert combinations * 2 < len(rendered) < combinations * 2 * len(SCALES)  # rates: some
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_number_on_the_underreporting_page_is_registered(app, demo_db, registry, lang):
    at = _render(app, demo_db, "onderrapportage", lang)
    rows = rows_of(registry, shown.UNDERREPORTING)
    assert unexplained(on_screen(at, lang), rows) == []


def test_the_incomplete_years_notice_is_registered(app, demo_db, results, registry):
    """The overview's notice names the missing deliveries per year: each is a has_reports 0 row
    of that ministry, year and channel shown on the overview (and Dekking, the exports)."""
    at = _render(app, demo_db, "overzicht", "nl")
    heading = text("overview.incomplete_years", "nl")
    notice = [w.value for w in at.warning if w.value.startswith(heading)]
    assert len(notice) == 1
    coverage = results.coverage
    missing = coverage[coverage["status"] == MISSING]
    assert not missing.empty  # the demo data miss a few deliveries
    named = {int(year) for year in re.findall(r"\*\*(\d{4})\*\*", notice[0])}
    assert named == {int(year) for year in missing["year"]}
    statuses = {
        (row.year, row.department, row.channel)
        for row in registry
        if row.statistic == shown.HAS_REPORTS and row.value == 0 and shown.OVERVIEW in row.where
    }
    for department, year, channel in missing[["department", "year", "channel"]].itertuples(
        index=False
    ):
        assert (str(int(year)), department, channel) in statuses


def test_numbers_are_read_as_displayed():
    """Dutch and English formats, percentages, symbols; years and dates are not numbers."""
    nl = numbers_in("Van 2024 naar 2025: 1.234 en 0,440 (12,5%), <5 op 18-05-2020", "nl", "t")
    assert [(n.value, n.decimals, n.percent, n.symbol) for n in nl] == [
        (1234.0, 0, False, ""),
        (0.44, 3, False, ""),
        (12.5, 1, True, ""),
        (None, 0, False, "<5"),
    ]
    en = numbers_in("From 2024 to 2025: 1,234 and 0.440 (12.5%)", "en", "t")
    assert [(n.value, n.decimals, n.percent) for n in en] == [
        (1234.0, 0, False),
        (0.44, 3, False),
        (12.5, 1, True),
    ]
    assert [n.symbol for n in numbers_in("x", "nl", "t")] == ["x"]
    signed = numbers_in("-3,2% (+1,5% tot -8,0%), p < 0,001, 2018-2020", "nl", "t")
    assert [(n.value, n.percent, n.below) for n in signed] == [
        (-3.2, True, False),
        (1.5, True, False),
        (-8.0, True, False),
        (0.001, False, True),
    ]
    assert numbers_in("S000154 IC:MP per2023_racism", "nl", "t") == []


def test_a_number_not_in_the_registry_is_found():
    count = shown.ShownNumber(shown.COUNT, "2021", value=43, where=(shown.OVERVIEW,))
    share = shown.ShownNumber(shown.SHARE, "2021", value=0.171, where=(shown.OVERVIEW,))
    hidden = shown.ShownNumber(shown.COUNT, "2019", symbol="<5", where=(shown.OVERVIEW,))
    rows = [count, share, hidden]
    assert unexplained(numbers_in("43 en 17,1%", "nl", "t", 2021), rows) == []
    assert unexplained(numbers_in("<5", "nl", "t", 2019), rows) == []
    assert unexplained(numbers_in("44", "nl", "t", 2021), rows) == ["44.0 (year 2021) in t"]
    assert unexplained(numbers_in("43", "nl", "t", 2022), rows) == ["43.0 (year 2022) in t"]
    assert unexplained(numbers_in("<5", "nl", "t", 2021), rows) == ["<5 (year 2021) in t"]
    assert unexplained([Shown("chart", 17.1, None, year=2021)], rows) == []  # share in percent
    assert unexplained([Shown("chart", 43.4, None, year=2021)], rows) != []
