"""A briefing writer opens the link of a release cited in a letter: the release's own figures and
its name, on every page they move to, while the figures of now have changed (issue 16).

Expected by hand (tests/app/fixtures/small/README.md and tests/publication/test_releases.py):
discrimination 2022 is 33 in release 2022-1; 45 now, after a replacement and a late delivery.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from publication import releases
from tests.app.conftest import SMALL, build_warehouse
from tests.browser.conftest import Server, screenshot
from tests.publication.test_releases import replace_and_deliver_late


@pytest.fixture
def released_server(tmp_path):
    db = build_warehouse(SMALL, tmp_path / "warehouse" / "meldingen.duckdb")
    releases.create(db, "Jaarrapportage 2022", date=dt.date(2023, 3, 31), release_id="2022-1")
    replace_and_deliver_late(db)
    running = Server(db, tmp_path / "streamlit.log", {"MELDINGEN_DEMO": "0"})
    try:
        running.wait_until_healthy()
        yield running
    finally:
        running.stop()


def first_metric(page):
    return page.get_by_test_id("stMetric").first


@pytest.mark.browser
def test_a_release_link_shows_the_release_on_every_page(page, released_server):
    page.goto(f"{released_server.url}/?publicatie=2022-1")
    expect(first_metric(page)).to_contain_text("33", timeout=120_000)
    expect(page.get_by_text("Jaarrapportage 2022 (2022-1)").first).to_be_visible()
    screenshot(page, "release-overview")

    # Moving to another page keeps the release (the banner names it there too).
    page.get_by_test_id("stSidebar").get_by_text("Trends").click()
    expect(page.locator("h1").first).to_have_text("Trends", timeout=60_000)
    expect(page.get_by_text("Jaarrapportage 2022 (2022-1)").first).to_be_visible()
    assert "publicatie=2022-1" in page.url

    # Without the release: the figures of now, marked provisional.
    page.goto(released_server.url)
    expect(first_metric(page)).to_contain_text("45", timeout=120_000)
    expect(page.get_by_text("Voorlopige cijfers").first).to_be_visible()
    screenshot(page, "release-now-provisional")
