"""Accessibility (WCAG 2.1 AA) and self-containment of every page in a real browser (issue 15):
axe-core on each page in Dutch and in English, and no request leaving the server's host.

axe-core comes bundled in the PyPI package axe-playwright-python (axe.min.js inside the wheel,
injected into the page; nothing is fetched at test time). One server on the demo data serves every
page, in local mode so that the upload page ('Aanleveren') is there too; one walk per language
(fresh browser context, empty cache) feeds both tests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from app.styles import STREAMLIT_STRINGS
from base.texts import text
from etl.loading import collect_files, load_files
from publication import worker
from tests.browser.conftest import REPO, Server

pytestmark = pytest.mark.browser

DEMO = REPO / "data" / "demo"
PAGES = [
    "",  # the overview, served at the root
    "trends",
    "trends?uitsplitsing=channel",  # no rates by channel: the scale radio is disabled
    "export",
    "onderrapportage",
    "meldingsbereidheid",
    "dekking",
    "publicaties",
    "over-de-cijfers",
    "aanleveren",  # local mode: the local administrator may upload
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# On 'Aanleveren' the review of two chosen files is checked too (nothing is committed): a file the
# contract accepts (its changes as tables) and one it rejects (the problems, grouped).
GOOD_FILE = REPO / "tests" / "app" / "fixtures" / "small" / "BZK_2021.csv"
BAD_FILE = (
    "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
    "XYZ,2025,vertrouwenspersoon,racisme,ja,3\n"
    "XYZ,2025,meldpunt,racisme,ja,3\n"
    "BZK,2025,meldpunt,discriminatie,ja,veel\n"
)


@dataclasses.dataclass(frozen=True)
class Exemption:
    """A violation axe-core reports where the app cannot or need not change the markup: the rule,
    the elements (CSS selector), why, and a check in the browser that what the rule protects
    holds all the same."""

    rule: str
    selector: str
    why: str
    holds: Callable[[object, str], None]


def _upload_button_is_named_in_the_page_language(page, lang: str) -> None:
    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    name = text("upload.dropzone_button", lang)
    expect(dropzone.get_by_role("button", name=name, exact=True)).to_have_count(1)


EXEMPTIONS = [
    Exemption(
        "button-name",
        '[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"]',
        "Streamlit writes its uploader button in English ('Upload'); app.components hides that "
        "text and shows the page's language through CSS generated content (::after), which the "
        "browser includes in the accessible name (accname 1.2) but axe-core does not compute",
        _upload_button_is_named_in_the_page_language,
    ),
]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[Server]:
    """The demo data loaded and derived beforehand, as after a first start; local mode (no [auth],
    whatever ~/.streamlit holds)."""
    folder = tmp_path_factory.mktemp("accessibility")
    db = folder / "warehouse" / "meldingen.duckdb"
    files, _ = collect_files([DEMO])
    assert {outcome.status for outcome in load_files(files, db, loaded_by="test")} == {"loaded"}
    assert worker.derive(db).error is None
    secrets = folder / "no-secrets.toml"
    secrets.write_text("", encoding="utf-8")
    env = {"MELDINGEN_AUDIT_JOURNAL": "", "STREAMLIT_SECRETS_FILES": str(secrets)}
    running = Server(db, folder / "streamlit.log", extra_env=env)
    try:
        running.wait_until_healthy()
        yield running
    finally:
        running.stop()


@dataclasses.dataclass
class Walk:
    violations: dict[str, list[str]]  # per URL, one readable line per element
    outside: set[str]  # every URL requested from another host than the server's
    # per URL, the accessible names, tooltips and placeholders Streamlit or plotly left in English
    english: dict[str, list[str]] = dataclasses.field(default_factory=dict)


# Streamlit's and plotly's own English strings (app.styles), as the attributes that carry them
ENGLISH_STRINGS = {text(key, "en") for key in STREAMLIT_STRINGS}
ATTRIBUTE_VALUES = """() => {
  const found = [];
  for (const element of document.querySelectorAll('[aria-label],[title],[placeholder],[data-title]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'data-title']) {
      const value = element.getAttribute(name);
      if (value) found.push(value);
    }
  }
  return found;
}"""


def english_left(page) -> list[str]:
    help_for = text("streamlit.help_for", "en")
    values = page.evaluate(ATTRIBUTE_VALUES)
    return sorted({v for v in values if v in ENGLISH_STRINGS or v.startswith(help_for)})


def page_url(server: Server, path: str, lang: str) -> str:
    if lang == "nl":
        return f"{server.url}/{path}"
    return f"{server.url}/{path}{'&' if '?' in path else '?'}taal={lang}"


def open_and_wait(page, url: str) -> None:
    page.goto(url)
    expect(page.locator("h1").first).to_be_visible(timeout=120_000)
    # The script run is over when Streamlit's status widget is gone.
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)
    # What hides in expanders is checked too.
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.wait_for_timeout(700)  # plotly draws its SVG after the run; axe must see it


def violation_lines(page, lang: str, results: dict) -> list[str]:
    lines = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = node["target"][-1] if isinstance(node["target"][-1], str) else None
            exemption = next(
                (
                    e
                    for e in EXEMPTIONS
                    if e.rule == violation["id"]
                    and target is not None
                    and page.evaluate(
                        "([t, s]) => document.querySelector(t)?.matches(s) ?? false",
                        [target, e.selector],
                    )
                ),
                None,
            )
            if exemption is not None:
                try:
                    exemption.holds(page, lang)
                except AssertionError as error:
                    lines.append(f"- exemption {exemption.rule} no longer holds: {error}")
                continue
            snippet = " ".join(node.get("html", "").split())[:200]
            summary = " ".join(node.get("failureSummary", "").split())[:300]
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {node['target']}\n"
                f"    {snippet}\n    {summary}"
            )
    return lines


def axe_lines(page, lang: str) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return violation_lines(page, lang, results.response)


def choose_files(page, files: list[Path]) -> None:
    page.locator("input[type=file]").set_input_files([str(f) for f in files])
    # Both reviews are shown: the accepted file's (success) and the rejected one's (error).
    expect(page.get_by_test_id("stAlertContentSuccess").first).to_be_visible(timeout=120_000)
    expect(page.get_by_test_id("stAlertContentError").first).to_be_visible(timeout=120_000)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.wait_for_timeout(700)


def walk(chromium, server: Server, lang: str, bad_file: Path) -> Walk:
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(120_000)
    host = urlsplit(server.url).netloc
    outside: set[str] = set()

    def record(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in {"data", "blob", "about"} and parts.netloc != host:
            outside.add(request.url)

    page.on("request", record)
    found: dict[str, list[str]] = {}
    english: dict[str, list[str]] = {}
    try:
        for path in PAGES:
            url = page_url(server, path, lang)
            open_and_wait(page, url)
            if lines := axe_lines(page, lang):
                found[url] = lines
            if lang == "nl" and (left := english_left(page)):
                english[url] = left
            if path == "aanleveren":
                choose_files(page, [GOOD_FILE, bad_file])
                if lines := axe_lines(page, lang):
                    found[f"{url} (two files chosen)"] = lines
        page.wait_for_timeout(500)  # the last favicon request
    finally:
        context.close()
    return Walk(found, outside, english)


@pytest.fixture(scope="module")
def walks(chromium, demo_server, tmp_path_factory) -> Callable[[str], Walk]:
    bad_file = tmp_path_factory.mktemp("upload") / "XYZ_2025.csv"
    bad_file.write_text(BAD_FILE, encoding="utf-8")
    done: dict[str, Walk] = {}

    def walk_in(lang: str) -> Walk:
        if lang not in done:
            done[lang] = walk(chromium, demo_server, lang, bad_file)
        return done[lang]

    return walk_in


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_meets_wcag_21_aa(walks, lang):
    found = walks(lang).violations
    report = "\n".join(f"{url}:\n" + "\n".join(lines) for url, lines in found.items())
    assert not found, f"axe-core (WCAG 2.1 A/AA) violations:\n{report}"


def test_no_page_fetches_anything_from_outside_the_server(walks):
    """A fresh browser (empty cache) opening every page in both languages: every request, the
    favicon and fonts included, goes to the server itself."""
    outside = walks("nl").outside | walks("en").outside
    assert not outside, "requests outside the server:\n" + "\n".join(sorted(outside))


def test_streamlit_and_plotly_speak_dutch_on_dutch_pages(walks):
    """Streamlit and plotly write their own accessible names, tooltips and placeholders in English
    ('Fullscreen', 'Show/hide columns', 'Zoom in', 'Choose an option', 'Help for ...'); on every
    Dutch page none is left (app.styles.streamlit_strings_in_language replaces them)."""
    english = walks("nl").english
    assert not english, "English left on Dutch pages:\n" + "\n".join(
        f"{url}: {values}" for url, values in english.items()
    )
