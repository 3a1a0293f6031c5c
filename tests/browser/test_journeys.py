"""User journeys in a real browser against a real `streamlit run` server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from etl import warehouse
from protection.rules import ProtectionRules
from publication import derived
from tests.browser.conftest import REPO, screenshot

pytestmark = pytest.mark.browser


def open_page(page, url: str) -> None:
    page.goto(url)
    expect(page.locator("h1").first).to_be_visible(timeout=120_000)
    # Wait for the script run to finish (the status widget disappears when Streamlit is idle).
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)


def choose(page, label: str, option: str) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def test_policymaker_browses_every_page_filters_and_switches_language(page, server):
    # First start on an empty folder: the demo data is loaded without any manual step.
    open_page(page, server.url)
    expect(page.locator("h1").first).to_have_text("Overzicht")
    expect(page.get_by_text("Synthetische voorbeeldgegevens.")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_contain_text(
        "Meldingen discriminatie en racisme"
    )
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert server.db.exists()
    screenshot(page, "overzicht")

    for path, title in [
        ("dekking", "Dekking"),
        ("over-de-cijfers", "Over de cijfers"),
        ("trends", "Trends"),
    ]:
        open_page(page, f"{server.url}/{path}")
        expect(page.locator("h1").first).to_have_text(title)
        expect(page.get_by_text("Er ging iets mis")).to_have_count(0)
        screenshot(page, path)

    # A filter changes the figure: by channel, the legend names the channels.
    title = page.locator(".js-plotly-plot .gtitle").first
    expect(title).to_contain_text("per jaar")  # the total: not "... naar totaal" (issue 15)
    expect(page.locator(".js-plotly-plot .legend")).to_have_count(0)  # one line: no legend
    choose(page, "Uitsplitsen naar", "Kanaal")
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("naar kanaal")
    expect(page.locator(".js-plotly-plot .legend").first).to_contain_text("Vertrouwenspersoon")
    assert "uitsplitsing=channel" in page.url
    screenshot(page, "trends-kanaal")

    # The shared URL reopens the same view.
    shared = page.url
    open_page(page, shared)
    expect(page.locator(".js-plotly-plot .legend").first).to_contain_text("Vertrouwenspersoon")

    # Language toggle: every label switches to English.
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Trends")
    expect(page.get_by_text("Break down by")).to_be_visible()
    expect(page.locator(".js-plotly-plot .legend").first).to_contain_text("Confidential adviser")
    assert "taal=en" in page.url
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
    page.wait_for_timeout(1500)
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("by channel")
    screenshot(page, "trends-english")


def test_dashboard_keeps_working_while_the_command_line_loads(page, server, tmp_path):
    open_page(page, server.url)
    metric = page.get_by_test_id("stMetric").first
    expect(metric).to_contain_text("73", timeout=120_000)  # 2025 in the demo data
    extra = tmp_path / "AZ_2025_correctie.csv"
    # AZ had no reports of discrimination in 2025; this correction adds 25 for AZ's channels.
    extra.write_text(
        "departement,jaar,kanaal,categorie,aantal\n"
        "AZ,2025,vertrouwenspersoon,racisme,10\n"
        "AZ,2025,integriteitscoordinator,discriminatie,10\n"
        "AZ,2025,klachtencommissie,discriminatie,5\n",
        encoding="utf-8",
    )
    # As the product runs: the command returns after the commit and a worker computes the
    # protected figures of the new version in the background.
    loaded = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(extra), "--db", str(server.db)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "MELDINGEN_DERIVATION": "background"},
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    # Meanwhile the page shows the last complete version (73), never a mix, and no error.
    page.get_by_test_id("stSidebar").get_by_text("Overzicht").click()
    expect(page.get_by_test_id("stMetric").first).to_contain_text(re.compile("73|98"))
    expect(page.get_by_text("Er ging iets mis")).to_have_count(0)
    deadline = time.monotonic() + 180
    while True:
        with warehouse.reading(Path(server.db)) as connection:
            state = derived.state(connection, ProtectionRules())
        if state.complete_version == state.data_version:
            break
        assert time.monotonic() < deadline, "the worker did not finish"
        time.sleep(0.5)
    # Once the worker is done, the next interaction shows the new figures.
    page.get_by_test_id("stSidebar").get_by_text("Overzicht").click()
    expect(page.get_by_test_id("stMetric").first).to_contain_text("98", timeout=120_000)
    expect(page.get_by_text("Er ging iets mis")).to_have_count(0)
    expect(page.get_by_text("worden nu berekend")).to_have_count(0)
    screenshot(page, "overzicht-na-laden")
    assert Path(server.db).exists()
