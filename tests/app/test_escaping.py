"""Text from uploaded files on the pages (issue 17): shown as written, never as Markdown or HTML,
and file names only to whom they belong, capped.

The Markdown checks render the element bodies with markdown-it (CommonMark, as Streamlit's
renderer, with raw HTML switched on) and look for what the browser would draw or fetch.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import streamlit as st
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from access.roles import ROLES_ENV
from app.components import literal
from etl.loading import IncomingFile, load_files
from etl.problems import FILE_NAME_SHOWN
from publication import worker
from tests.app.login import ANONYMOUS, AUTH_SECRETS
from tests.delivery.conftest import BZK_2023, FIN_2023

ROLES = """
[defaults]
logged_in = "viewer"
anonymous = "viewer"

[[rule]]
email = "a.jansen@minbzk.nl"
role = "uploader"
departments = ["BZK"]

[[rule]]
email = "beheer@minbzk.nl"
role = "administrator"
"""
BZK_UPLOADER = {"is_logged_in": True, "email": "a.jansen@minbzk.nl", "name": "A. Jansen"}
ADMINISTRATOR = {"is_logged_in": True, "email": "beheer@minbzk.nl", "name": "Beheer"}
VIEWER = {"is_logged_in": True, "email": "c.kok@minaz.nl", "name": "C. Kok"}

HOSTILE_NAME = "![t](http://example.invalid/t.png) **vet** <img src=x onerror=alert(1)>.csv"
LONG_NAME = "BZK_2023_" + "a.jansen" * 625 + ".csv"  # 5,013 characters
FIN_NAME = "FIN_2023_b.de.vries.csv"

MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def rendered(body: str) -> str:
    return MARKDOWN.render(body)


def drawn_text(body: str) -> str:
    """What a reader sees of a Markdown body: the rendered HTML without its tags."""
    out = rendered(body)
    for tag in ("<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<strong>", "</strong>"):
        out = out.replace(tag, "")
    return html.unescape(out)


def assert_literal(body: str) -> None:
    """No image, link, emphasis or raw HTML comes from the body (our own bold excepted)."""
    out = rendered(body)
    for made in ("<img", "<a ", "<em>", "<del>", "<b>", "<code>", "<h1", "<table"):
        assert made not in out, (made, body, out)


# --- the helper ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE_NAME,
        "**vet** _schuin_ ~~weg~~ `code` [link](http://example.invalid)",
        "<b>x</b> &amp; <script>alert(1)</script>",
        "# kop",
        "- lijst",
        "1. lijst",
        "> citaat",
        "a\n\n# kop\n| a | b |\n|---|---|",
        "\\*niet vet\\*",
        ":red[rood] :material/home: $x^2$",
    ],
)
def test_literal_shows_text_as_written(text):
    body = literal(text)
    assert_literal(body)
    assert_literal(f"- **{body}**: {body}")
    assert drawn_text(body).strip() == re.sub(r"\n+", " ", text).strip()


def test_literal_leaves_plain_names_and_sentences_alone():
    assert literal("BZK_2023_fout.csv") == "BZK_2023_fout.csv"
    assert literal("Sprong bevestigd: nieuw meldpunt") == "Sprong bevestigd: nieuw meldpunt"
    assert literal("a.jansen@minbzk.nl") == "a.jansen@minbzk.nl"


# --- the pages -----------------------------------------------------------------------------------


@pytest.fixture
def db(small_db, tmp_path) -> Path:
    """The small warehouse plus a BZK file with a very long name and a FIN file named after a
    person, loaded by an uploader of each."""
    path = tmp_path / "warehouse" / "meldingen.duckdb"
    path.parent.mkdir()
    shutil.copyfile(small_db, path)
    bzk = IncomingFile(LONG_NAME, BZK_2023.content)
    fin = IncomingFile(FIN_NAME, FIN_2023.content)
    for file, who in ((bzk, "a.jansen@minbzk.nl"), (fin, "b.de.vries@minfin.nl")):
        [outcome] = load_files([file], path, loaded_by=who)
        assert outcome.status == "loaded", outcome.problems
    assert worker.derive(path).error is None  # as the product's worker does after a commit
    return path


@pytest.fixture
def page(monkeypatch, db):
    """page(user, path) -> an AppTest of that page for that logged-in (or anonymous) user."""

    def start(user: dict, path: str) -> AppTest:
        monkeypatch.setenv("MELDINGEN_DB", str(db))
        monkeypatch.setenv("MELDINGEN_DEMO", "0")
        monkeypatch.delenv("MELDINGEN_AUDIT_JOURNAL", raising=False)
        roles_file = db.parent / "roles.toml"
        roles_file.write_text(ROLES, encoding="utf-8")
        monkeypatch.setenv(ROLES_ENV, str(roles_file))
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file("../../dashboard.py", default_timeout=120)
        at.secrets = AUTH_SECRETS
        at.user = user
        at.run()
        at.switch_page(path)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    yield start
    st.cache_data.clear()
    st.cache_resource.clear()


def bodies(at: AppTest, *kinds: str) -> list[str]:
    return [str(element.value) for kind in kinds for element in getattr(at, kind)]


def test_upload_page_shows_a_hostile_file_name_and_header_literally(page):
    at = page(BZK_UPLOADER, "app_pages/aanleveren.py")
    content = (
        "departement,jaar,kanaal,categorie,_jaar_,**geheimkop** ![i](http://example.invalid/i.png)\n"
        "BZK,2023,meldpunt,pesten,2023,x\n"
    )
    at.file_uploader[0].set_value([(HOSTILE_NAME, content.encode(), "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    [rejected] = at.error
    assert_literal(rejected.value)
    assert HOSTILE_NAME in drawn_text(rejected.value)
    [problems] = [m.value for m in at.markdown if "regel 1" in m.value]
    assert_literal(problems)
    seen = drawn_text(problems)
    assert f"{HOSTILE_NAME}, regel 1, kolom 5 (E) '_jaar_': Kolom 'jaar' komt twee keer" in seen
    assert f"{HOSTILE_NAME}, regel 1, kolom 6 (F): Onbekende kolomnaam" in seen
    # The unknown header is not quoted at all, literally or otherwise.
    everything = "\n".join(bodies(at, "markdown", "error", "warning", "info", "caption"))
    assert "geheimkop" not in everything and "example.invalid/i.png" not in everything


def test_upload_page_caps_a_long_file_name(page):
    at = page(BZK_UPLOADER, "app_pages/aanleveren.py")
    bad = b"departement,jaar,kanaal,categorie\nXYZ,2023,meldpunt,pesten\n"
    at.file_uploader[0].set_value([(LONG_NAME, bad, "text/csv")]).run()
    shown = "\n".join(bodies(at, "markdown", "error"))
    assert "a.jansen" * 20 not in shown
    assert "BZK\\_2023\\_a.jansen" in shown or "BZK_2023_a.jansen" in shown
    history = at.dataframe[0].value
    assert max(len(name) for name in history["Bestand"]) <= FILE_NAME_SHOWN


def history_of(at: AppTest):
    return at.dataframe[2].value


@pytest.mark.parametrize("user", [ANONYMOUS, VIEWER], ids=["anonymous", "viewer"])
def test_coverage_shows_no_file_names_to_viewers(page, user):
    at = page(user, "app_pages/dekking.py")
    history = history_of(at)
    assert len(history) == 7
    assert "Bestand" not in history.columns
    shown = history.to_string()
    assert ".csv" not in shown and "a.jansen" not in shown and "b.de.vries" not in shown


def test_coverage_shows_an_uploader_the_file_names_of_own_departments_only(page):
    history = history_of(page(BZK_UPLOADER, "app_pages/dekking.py"))
    # Own: every department the submission covers is BZK (the fte file covers FIN too).
    own = history["Dekt"].map(lambda covers: {c.split()[0] for c in covers.split(", ")} == {"BZK"})
    assert own.any() and (~own).any()
    assert set(history.loc[~own, "Bestand"]) == {"(ander departement)"}
    assert set(history.loc[~own, "Door"]) == {"(ander departement)"}
    assert FIN_NAME not in history.to_string() and "b.de.vries" not in history.to_string()
    names = list(history.loc[own, "Bestand"])
    assert all(name.endswith(".csv") for name in names)
    assert max(len(name) for name in names) == FILE_NAME_SHOWN  # the 5,000-character name
    assert "a.jansen@minbzk.nl" in set(history.loc[own, "Door"])


def test_coverage_shows_an_administrator_every_file_name_capped(page):
    history = history_of(page(ADMINISTRATOR, "app_pages/dekking.py"))
    assert FIN_NAME in set(history["Bestand"])
    assert max(len(name) for name in history["Bestand"]) == FILE_NAME_SHOWN
    assert {"a.jansen@minbzk.nl", "b.de.vries@minfin.nl"} <= set(history["Door"])
