"""Direct links go through dashboard.py: no `pages/` folder may come back beside it.

Streamlit 1.67 runs its old directory navigation for a direct link such as /trends on a fresh
server when a `pages/` folder sits beside the entry script: the page script then runs on its own,
without dashboard.py and so without its login check, language and navigation. The page scripts
therefore live in app_pages/ and dashboard.py lists them with st.navigation. The fast test guards
the layout; the browser tests open /trends as the very first request of a fresh server, once on
this repository (drawn through dashboard.py) and once on a copy with a pages/ folder added (the
bypass), which shows that the browser check can tell the two apart.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from base.texts import text
from tests.browser.conftest import REPO, Server, free_port, screenshot

ENTRY = REPO / "dashboard.py"
PAGE_SCRIPTS = "app_pages"
FIRST_LINK = "trends"  # a direct link to a page other than the default one


def _is_st_call(node: ast.AST, name: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "st"
    )


def navigation_pages() -> list[tuple[str, str]]:
    """(script path, title text key) of every st.Page that dashboard.py gives st.navigation and
    the sidebar lists (hidden pages, such as the one for an unknown address, are left out)."""
    pages = []
    for node in ast.walk(ast.parse(ENTRY.read_text(encoding="utf-8"))):
        hidden = any(
            k.arg == "visibility"
            and isinstance(k.value, ast.Constant)
            and k.value.value == "hidden"
            for k in getattr(node, "keywords", [])
        )
        if _is_st_call(node, "Page") and not hidden:
            script = node.args[0]
            title = next(k.value for k in node.keywords if k.arg == "title")
            assert isinstance(script, ast.Constant), ast.unparse(node)
            assert isinstance(title, ast.Call) and isinstance(title.args[0], ast.Constant), (
                f"a page title that is not text('<key>', lang): {ast.unparse(title)}"
            )
            pages.append((script.value, title.args[0].value))
    return pages


def navigation_labels(lang: str = "nl") -> list[str]:
    return [text(key, lang) for _, key in navigation_pages()]


# --- fast: the layout ---------------------------------------------------------------------------


def test_no_pages_folder_beside_the_entry_script():
    assert not (ENTRY.parent / "pages").exists(), (
        "a pages/ folder beside dashboard.py makes Streamlit run page scripts directly for links "
        "such as /trends, skipping dashboard.py and its login check; keep page scripts in app_pages/"
    )


def test_dashboard_navigates_with_st_navigation_over_app_pages():
    tree = ast.parse(ENTRY.read_text(encoding="utf-8"))
    navigation = [node for node in ast.walk(tree) if _is_st_call(node, "navigation")]
    assert len(navigation) == 1, "dashboard.py must build its navigation with st.navigation"
    run = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "run"
    ]
    assert run, "dashboard.py must run the chosen page (navigation.run())"
    pages = navigation_pages()
    assert len(pages) >= 5
    for script, _ in pages:
        assert script.startswith(f"{PAGE_SCRIPTS}/"), script
        assert (REPO / script).is_file(), script
    assert f"{PAGE_SCRIPTS}/{FIRST_LINK}.py" in {script for script, _ in pages}


# --- browser: what a first direct link draws -------------------------------------------------


@dataclass
class Drawn:
    navigation: list[str]  # the entries of the sidebar navigation
    language_toggle: bool
    title: str | None

    def problems(self) -> list[str]:
        """Why this is not the product's page drawn through dashboard.py (empty when it is)."""
        found = []
        if not self.language_toggle:
            found.append("no language toggle in the sidebar")
        missing = [label for label in navigation_labels() if label not in self.navigation]
        if missing:
            found.append(f"navigation lacks the product's entries {missing}")
        if "dashboard" in self.navigation:
            found.append("the old directory navigation's 'dashboard' entry is shown")
        if self.title != text("trends.title", "nl"):
            found.append(f"the page title is {self.title!r}, not the Trends page's")
        return found


def entry_label(link) -> str:
    """The label of a navigation entry without its icon: the icon of 'Overzicht' is the Material
    symbol named 'dashboard', which is drawn as that word."""
    lines = [line.strip() for line in link.inner_text().splitlines() if line.strip()]
    icons = {icon.strip() for icon in link.get_by_test_id("stIconMaterial").all_inner_texts()}
    return " ".join(line for line in lines if line not in icons)


def open_first_link(page, url: str) -> Drawn:
    """Open `url` and wait until the script run is over; then read what it drew."""
    page.goto(url)
    sidebar_navigation = page.get_by_test_id("stSidebarNav")
    expect(sidebar_navigation).to_be_visible(timeout=120_000)
    # The page drew its title or failed; and the run is over (the status widget is gone).
    page.locator("h1, [data-testid='stException']").first.wait_for(timeout=120_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)
    entries = sidebar_navigation.locator("a")
    navigation = [entry_label(entries.nth(i)) for i in range(entries.count())]
    sidebar = page.get_by_test_id("stSidebar")
    toggle = (
        sidebar.get_by_text("Nederlands", exact=True).count() > 0
        and sidebar.get_by_text("English", exact=True).count() > 0
    )
    titles = page.locator("h1")
    title = titles.first.inner_text().strip() if titles.count() else None
    return Drawn(navigation, toggle, title)


@pytest.mark.browser
def test_no_pages_first_direct_link_is_drawn_through_the_dashboard(page, server):
    # The server fixture only asked /_stcore/health: this is the first page anyone opens.
    drawn = open_first_link(page, f"{server.url}/{FIRST_LINK}")
    screenshot(page, "first-link-trends")
    assert drawn.problems() == [], (drawn, server.log.name)
    assert page.url.rstrip("/").endswith(f"/{FIRST_LINK}")


@pytest.mark.browser
def test_the_overview_opens_under_its_own_name(page, server):
    """The overview is the default page (served at '/'); /overzicht, the name its navigation entry
    suggests, must open it too instead of Streamlit's English 'Page not found' dialog."""
    page.goto(f"{server.url}/overzicht")
    heading = page.locator("h1").first
    expect(heading).to_have_text(text("overview.title", "nl"), timeout=120_000)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    screenshot(page, "overview-by-name")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unknown_address_says_so_in_the_page_language(page, server, lang):
    """A mistyped or outdated link (/bestaat-niet) opens a page in the reader's language that says
    the page does not exist and links to the overview, not Streamlit's English dialog; its link
    leads to the overview."""
    page.goto(f"{server.url}/bestaat-niet?taal={lang}")
    heading = page.locator("h1").first
    expect(heading).to_have_text(text("not_found.title", lang), timeout=120_000)
    expect(page.get_by_text(text("not_found.body", lang))).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    if lang == "nl":
        expect(page.get_by_text("Page not found")).to_have_count(0)
    screenshot(page, f"unknown-address-{lang}")
    page.get_by_text(text("not_found.to_overview", lang), exact=True).click()
    expect(page.locator("h1").first).to_have_text(text("overview.title", lang), timeout=60_000)


def site_with_pages_folder(tmp_path: Path) -> Path:
    """A copy of this repository's app with a pages/ folder beside dashboard.py.

    dashboard.py and app_pages/ are copied (Streamlit looks for pages/ beside the entry script);
    everything else is linked, so the code is the code under test. pages/trends.py is the Trends
    page script, as it would be if someone moved the page scripts back.
    """
    site = tmp_path / "site"
    site.mkdir()
    for entry in REPO.iterdir():
        if entry.name not in {"dashboard.py", PAGE_SCRIPTS, "pages"}:
            (site / entry.name).symlink_to(entry)
    shutil.copy2(ENTRY, site / "dashboard.py")
    shutil.copytree(REPO / PAGE_SCRIPTS, site / PAGE_SCRIPTS)
    (site / "pages").mkdir()
    shutil.copy2(REPO / PAGE_SCRIPTS / f"{FIRST_LINK}.py", site / "pages" / f"{FIRST_LINK}.py")
    return site


class ServerIn(Server):
    """conftest's Server, started in another folder than this repository."""

    def __init__(self, site: Path, db: Path, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db = db
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=site, env={**os.environ, "MELDINGEN_DB": str(db)}, stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip


@pytest.mark.browser
def test_no_pages_check_sees_the_bypass_when_a_pages_folder_is_back(page, tmp_path):
    site = site_with_pages_folder(tmp_path)
    running = ServerIn(site, tmp_path / "warehouse" / "meldingen.duckdb", tmp_path / "log.txt")
    try:
        running.wait_until_healthy()
        drawn = open_first_link(page, f"{running.url}/{FIRST_LINK}")
        screenshot(page, "first-link-trends-with-pages-folder")
    finally:
        running.stop()
    # The old directory navigation: the entry script as 'dashboard', the page script by file name.
    assert "dashboard" in drawn.navigation, drawn
    assert not drawn.language_toggle, drawn
    problems = drawn.problems()
    assert "the old directory navigation's 'dashboard' entry is shown" in problems
    assert "no language toggle in the sidebar" in problems
