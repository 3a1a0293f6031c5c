"""Local mode against a real `streamlit run` on 127.0.0.1: a browser that reaches the server under
another host name resolving to 127.0.0.1 (DNS rebinding) is an anonymous viewer, never the local
administrator; 127.0.0.1 and localhost on the served port still are (issue 17, finding 2).

The browser is Debian's chromium with `--host-resolver-rules=MAP rebind.example 127.0.0.1`, so it
sends `Host: rebind.example:<port>` to the loopback server exactly as a rebinding page would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Server, screenshot
from tests.browser.test_upload_journey import local_server, open_page, small_warehouse

pytestmark = pytest.mark.browser

REBIND = "rebind.example"


@pytest.fixture(scope="module")
def rebinding_browser(chromium):
    """A second chromium of the same Playwright whose resolver maps rebind.example to 127.0.0.1."""
    browser = chromium.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {REBIND} 127.0.0.1"],
    )
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def local_mode_server(tmp_path_factory) -> Iterator[Server]:
    """The README's start: no [auth], local mode on (the default), bound to 127.0.0.1."""
    folder = tmp_path_factory.mktemp("host-header")
    running = local_server(folder, small_warehouse(folder))
    try:
        running.wait_until_healthy()
        yield running
    finally:
        running.stop()


@pytest.fixture
def rebind_page(rebinding_browser):
    context = rebinding_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield page
    context.close()


def test_another_host_name_for_127_0_0_1_gets_no_local_mode(rebind_page, local_mode_server):
    page = rebind_page
    url = f"http://{REBIND}:{local_mode_server.port}"
    open_page(page, url, "Overzicht")  # the protected pages, as for any anonymous viewer
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Inloggen is niet ingesteld")).to_be_visible()
    expect(page.get_by_text("Lokale modus")).to_have_count(0)
    expect(sidebar.get_by_text("Aanleveren", exact=True)).to_have_count(0)
    screenshot(page, "host-header-rebind")

    open_page(page, f"{url}/aanleveren")  # a direct link: not in this visitor's navigation
    expect(page.locator("h1").first).not_to_have_text("Aanleveren")
    expect(page.locator("input[type=file]")).to_have_count(0)
    expect(page.get_by_text("Lokale modus")).to_have_count(0)
    log = local_mode_server.log.name
    assert "Traceback" not in open(log, encoding="utf-8").read()  # noqa: PTH123, SIM115


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_loopback_host_still_gets_local_mode(rebind_page, local_mode_server, host):
    page = rebind_page  # the same browser: only the Host differs
    open_page(page, f"http://{host}:{local_mode_server.port}/aanleveren", "Aanleveren")
    expect(page.get_by_text("Lokale modus.", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text("(beheerder)")).to_be_visible()
    expect(page.locator("input[type=file]")).to_have_count(1)
