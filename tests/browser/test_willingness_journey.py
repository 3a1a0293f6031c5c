"""A policymaker asks whether the letter's policy on willingness to report works (issue 18): from the
overview to the page 'Meldingsbereidheid' through the sidebar, in Dutch and then in English, in a
real browser against a real `streamlit run` server on the demo data.

Expected by hand (data/demo/README.md): measures are delivered by every ministry from 2018 and the
fte, which the measures per 1,000 fte need, from 2018 to 2024, so the chart's table starts with AZ
in 2018. The texts come from base.texts in the page's language.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from base.texts import TEXTS, text
from publication.willingness import MIN_CELL_COUNT
from tests.browser.conftest import screenshot
from tests.browser.test_journeys import open_page

pytestmark = pytest.mark.browser

# Every heading on the page, in the order it lays them out.
HEADINGS = [
    "will.title",
    "will.in_short_heading",
    "will.reach_heading",
    "will.ind_heading",
    "will.ind_missing_heading",
    "will.measures_heading",
    "will.detect_heading",
    "will.detect_assumptions_heading",
    "will.did_heading",
]


def idle(page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)


def grid(frame) -> tuple[list[str], list[list[str]]]:
    """A st.dataframe's column headers and the rows it has drawn: glide-data-grid paints on a
    canvas and keeps the visible cells in an accessible table beside it."""
    headers, cells = frame.evaluate(
        """frame => [
            [...frame.querySelectorAll('[role=columnheader]')].map(c => c.textContent),
            [...frame.querySelectorAll('[data-testid^="glide-cell-"]')].map(c => [
                c.dataset.testid, c.textContent])
        ]"""
    )
    rows: dict[int, dict[int, str]] = {}
    for testid, value in cells:
        column, row = (int(n) for n in testid.removeprefix("glide-cell-").split("-"))
        rows.setdefault(row, {})[column] = value
    return headers, [[row[c] for c in sorted(row)] for _, row in sorted(rows.items())]


def dataframe_with(page, header: str):
    """The table with this column header, once the grid has drawn it."""
    found = (
        page.get_by_test_id("stMain")
        .get_by_test_id("stDataFrame")
        .filter(has=page.locator("[role=columnheader]", has_text=header))
    )
    expect(found).to_have_count(1)
    return found


def column(frame, header: str) -> list[str]:
    headers, rows = grid(frame)
    return [row[headers.index(header)] for row in rows]


def headings(page) -> list[str]:
    main = page.get_by_test_id("stMain")
    return [" ".join(h.split()) for h in main.locator("h1, h2, h3").all_inner_texts()]


def full_page_screenshot(page, name: str) -> None:
    """The page scrolls inside Streamlit's main container, not the document: the viewport is made
    as tall as the page for the picture."""
    size = page.viewport_size
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": height + 50})
    page.wait_for_timeout(1500)  # plotly redraws for the new size
    screenshot(page, name)
    page.set_viewport_size(size)


def reads_the_page(page, lang: str) -> None:
    t = lambda key, **params: text(key, lang, **params)  # noqa: E731 - the page's language
    main = page.get_by_test_id("stMain")
    expect(page.locator("h1").first).to_have_text(t("will.title"))
    # the whole page is drawn: its last heading is there and the script run is over
    expect(main.get_by_role("heading", name=t("will.did_heading"))).to_be_visible(timeout=120_000)
    idle(page)
    expect(page.get_by_text(re.compile("Er ging iets mis|Something went wrong"))).to_have_count(0)
    assert headings(page) == [t(key) for key in HEADINGS]

    # In short: what the monitor can and cannot say yet, with the caveat.
    expect(main.get_by_role("heading", name=t("will.in_short_heading"))).to_be_visible()
    in_short = main.get_by_role("listitem")
    expect(in_short.filter(has_text=t("will.short.no_comparison"))).to_have_count(1)
    expect(in_short.filter(has_text=t("will.caveat"))).to_have_count(1)

    # What the figures can show: a rise that can be shown within 1, 3 and 5 years, in percent; a
    # shorter wait needs a larger rise.
    detect = dataframe_with(page, t("will.col.rise"))
    detect.scroll_into_view_if_needed()
    assert column(detect, t("will.col.horizon")) == [
        t("will.horizon_one"),
        t("will.horizon", years=3),
        t("will.horizon", years=5),
    ]
    rises = column(detect, t("will.col.rise"))
    assert all(re.fullmatch(r"\+\d+%", rise) for rise in rises), rises
    one, three, five = (int(rise.strip("+%")) for rise in rises)
    assert one > three > five > 0

    # The chart's table alternative: the measures per ministry and year.
    chart = main.get_by_test_id("stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".gtitle")).to_have_text(t("will.chart_title"))
    expander = main.get_by_test_id("stExpander").filter(has_text=t("chart.table_alternative"))
    if expander.locator("details").get_attribute("open") is None:
        expander.locator("summary").click()
    alternative = expander.get_by_test_id("stDataFrame")
    expect(alternative).to_be_visible()
    # the grid's accessible table is hidden from the eye: located by its role attribute
    header = alternative.locator("[role=columnheader]", has_text=t("will.col.ministry"))
    expect(header).to_have_count(1)
    headers, rows = grid(alternative)
    assert t("will.col.ministry") in headers and t("will.col.year") in headers, headers
    ministries = column(alternative, t("will.col.ministry"))
    years = column(alternative, t("will.col.year"))
    assert ministries[0] == "AZ" and years[0] == "2018", rows[:2]
    assert len(set(ministries)) > 1 and len(set(years)) > 1, rows
    assert all(re.fullmatch(r"20\d\d", year) for year in years), years

    # Why the comparison of ministries is not shown: on the demo data too few ministries are left
    # once those with a hidden yearly count are left out.
    why = main.get_by_test_id("stMarkdownContainer").filter(has_text=t("will.did_not_shown"))
    why.scroll_into_view_if_needed()
    expect(why).to_have_count(1)
    left_out = t("will.did_left_out", groups="{groups}", below="<5", secondary="x")
    expect(why).to_contain_text(left_out.split("{groups}")[0])
    # a list of reasons: each ends in ';', the last in '.'
    reasons = [
        " ".join(r.split()).rstrip(";.") for r in why.get_by_role("listitem").all_inner_texts()
    ]
    known = {
        t(key, minimum=MIN_CELL_COUNT, p_value="").rstrip(";")
        for key in TEXTS
        if key.startswith("will.reason.") and key != "will.reason.pre_trends_differ"
    }
    assert reasons, "no reasons given"
    pre_trends = t("will.reason.pre_trends_differ", p_value="").split("p = ")[0]
    assert all(r in known or r.startswith(pre_trends) for r in reasons), reasons
    assert text("will.did_assumptions_heading", lang) not in headings(page)
    group_column = main.locator("[role=columnheader]", has_text=t("will.col.group"))
    expect(group_column).to_have_count(0)  # no table of the comparison's four cells


def test_policymaker_reads_willingness_in_dutch_and_english(page, server):
    open_page(page, server.url)
    expect(page.locator("h1").first).to_have_text(text("nav.overview", "nl"))

    # Through the sidebar, not by URL.
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name=text("nav.willingness", "nl")).click()
    expect(page.locator("h1").first).to_have_text(text("will.title", "nl"), timeout=120_000)
    idle(page)
    assert page.url.rstrip("/").endswith("/meldingsbereidheid")
    reads_the_page(page, "nl")
    full_page_screenshot(page, "meldingsbereidheid")

    # The language toggle: the same page, in English, no Dutch heading left.
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.locator("h1").first).to_have_text(text("will.title", "en"), timeout=120_000)
    idle(page)
    page.wait_for_timeout(1000)
    assert "/meldingsbereidheid" in page.url and "taal=en" in page.url
    reads_the_page(page, "en")
    dutch = {text(key, "nl") for key in HEADINGS} - {text(key, "en") for key in HEADINGS}
    assert not dutch & set(headings(page)), dutch & set(headings(page))
    expect(nav.get_by_role("link", name=text("nav.willingness", "en"))).to_be_visible()
    full_page_screenshot(page, "meldingsbereidheid-english")
