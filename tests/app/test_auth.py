"""AppTest of app/auth.py: a broken roles file shuts everyone out and says why; local mode only
for a loopback Host (the Host check itself is tests/access/test_local_mode.py, the real server
tests/browser/test_host_header.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from access.roles import ROLES_ENV
from app import auth, web
from tests.app.login import ANONYMOUS, AUTH_SECRETS

UPLOAD_PAGE = "app_pages/aanleveren.py"
ADMIN_RULE = '[[rule]]\nemail = "beheer@minbzk.nl"\nrole = "administrator"\n'
ADMIN = {"is_logged_in": True, "email": "beheer@minbzk.nl", "name": "Beheer"}


@pytest.fixture
def run(monkeypatch, small_db, tmp_path):
    """run(roles=..., user=None|dict, login=True) -> an AppTest of the dashboard that ran once.

    roles: the roles file's text, None for no file at the path, a Path to use as it is, or
    "unset" for no $MELDINGEN_ROLES at all."""

    def start(roles: str | Path | None, user: dict | None = None, login: bool = True) -> AppTest:
        monkeypatch.setenv("MELDINGEN_DB", str(small_db))
        monkeypatch.setenv("MELDINGEN_DEMO", "0")
        monkeypatch.delenv("MELDINGEN_AUDIT_JOURNAL", raising=False)
        if roles == "unset":
            monkeypatch.delenv(ROLES_ENV, raising=False)
        else:
            path = roles if isinstance(roles, Path) else tmp_path / "roles.toml"
            if isinstance(roles, str):
                path.write_text(roles, encoding="utf-8")
            monkeypatch.setenv(ROLES_ENV, str(path))
        st.cache_data.clear()
        at = AppTest.from_file("../../dashboard.py", default_timeout=120)
        if login:
            at.secrets = AUTH_SECRETS
            at.user = user or ANONYMOUS
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    yield start
    st.cache_data.clear()


def texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(element.value) for element in getattr(at, kind))


def shut(at: AppTest, *fragments: str) -> None:
    """Nobody gets in: no figures, no navigation, no login button, and the reason is shown."""
    assert at.title[0].value == "Geen toegang"
    error = texts(at, "error")
    assert "Het rollenbestand kan niet worden gebruikt" in error
    for fragment in fragments:
        assert fragment in error, error
    assert not at.metric and not at.dataframe
    assert "Inloggen" not in [b.label for b in at.button]
    at.switch_page(UPLOAD_PAGE).run()  # a direct link to the upload page: the same gate
    assert at.title[0].value == "Geen toegang" and not at.file_uploader


BROKEN = [
    pytest.param(None, ["bestaat niet"], id="missing"),
    pytest.param("directory", ["kan niet worden gelezen"], id="unreadable"),
    pytest.param(
        '[defaults]\nanonymous = "none"\n\n[[rule]]\nemail = "a@minbzk.nl"\nrole = "uploader"\n'
        'departments = ["BZKK"]\n',
        ["[[rule]] nr. 1, regel 7", "BZKK"],
        id="unknown department",
    ),
    pytest.param(
        ADMIN_RULE + 'departments = ["BZK"]\n', ["regel 4", "departments"], id="admin departments"
    ),
    pytest.param('[[rule]]\nemail_domain = ""\nrole = "viewer"\n', ["regel 2"], id="empty domain"),
    pytest.param('[[rule]]\nemail_domain = "*"\nrole = "viewer"\n', ["jokertekens"], id="star"),
    pytest.param(
        '[[rule]]\nemail_domain = "*.minbzk.nl"\nrole = "viewer"\n', ["jokertekens"], id="wildcard"
    ),
    pytest.param('[[rule]]\nemail = "beheer"\nrole = "viewer"\n', ["e-mailadres"], id="no at"),
    pytest.param(
        '[[rule]]\nclaim = "email"\nvalue = "beheer@minbzk.nl"\nrole = "administrator"\n',
        ["email_verified"],
        id="email claim",
    ),
    pytest.param('[defaults]\nanonymos = "none"\n', ["regel 2", "anonymos"], id="defaults typo"),
    pytest.param(ADMIN_RULE.replace("role =", "rol ="), ["regel 3", "rol"], id="rule typo"),
]


@pytest.mark.parametrize(("content", "fragments"), BROKEN)
def test_a_broken_roles_file_shuts_everyone_out_and_says_why(run, tmp_path, content, fragments):
    roles: str | Path | None = content
    if content == "directory":
        roles = tmp_path / "roles-dir"
        roles.mkdir()
    elif content is None:
        roles = tmp_path / "missing.toml"
    shut(run(roles), *fragments)  # an anonymous visitor: no fallback to 'everyone may view'
    at = run(roles, ADMIN)  # whoever would be the administrator: nobody is, until it is fixed
    shut(at, *fragments)
    assert [b.label for b in at.button] == ["Uitloggen"]


def test_the_same_file_fixed_opens_again(run):
    at = run(ADMIN_RULE, ADMIN)
    assert at.title[0].value == "Overzicht"
    at.switch_page(UPLOAD_PAGE).run()
    assert at.title[0].value == "Aanleveren"


def test_unset_roles_file_keeps_the_documented_defaults(run):
    at = run("unset")
    assert at.title[0].value == "Overzicht" and at.metric
    assert [b.label for b in at.sidebar.button] == ["Inloggen"]


def test_english_reason(run):
    at = run('[[rule]]\nemail = "beheer"\nrole = "viewer"\n')
    at.query_params[web.LANG_PARAM] = "en"
    at.run()
    assert at.title[0].value == "No access"
    assert "nobody has access" in texts(at, "error")
    assert "rule 1, line 2: email is not an e-mail address" in texts(at, "error")


def test_local_administrator_is_told_the_roles_file_is_broken(run):
    at = run('[defaults]\nanonymos = "none"\n', login=False)
    assert at.title[0].value == "Overzicht"  # local mode does not use the roles file
    warning = texts(at.sidebar, "warning")
    assert "Het rollenbestand ($MELDINGEN_ROLES) kan niet worden gebruikt" in warning
    assert "regel 2" in warning and "anonymos" in warning
    assert "(beheerder)" in texts(at.sidebar, "caption")


def test_without_login_and_local_mode_the_roles_file_still_binds(run, monkeypatch):
    monkeypatch.setenv(auth.LOCAL_MODE_ENV, "0")
    closed = run('[defaults]\nanonymous = "none"\n', login=False)
    assert closed.title[0].value == "Inloggen"
    assert "Inloggen is hier niet ingesteld" in texts(closed, "info")
    assert not closed.metric and not closed.button  # no login button that cannot work
    shut(run('[defaults]\nanonymous = "nobody"\n', login=False), "regel 2")
    viewer = run("unset", login=False)
    assert viewer.title[0].value == "Overzicht"
    assert "Inloggen is niet ingesteld" in texts(viewer.sidebar, "caption")


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1:8501", True),
        ("localhost:8501", True),
        ("rebind.example:8501", False),
        ("127.0.0.1:9999", False),
    ],
)
def test_local_mode_follows_the_host_header(run, monkeypatch, host, local):
    """The facts app/auth.py gathers from st.context go to access.local_mode: a request under
    another Host is an anonymous viewer without the upload page."""
    monkeypatch.setattr(auth, "_request_facts", lambda: ([host], None, {"host", "upgrade"}))
    monkeypatch.setattr(auth.st, "get_option", _options({"server.port": 8501}))
    at = run("unset", login=False)
    assert at.title[0].value == "Overzicht"
    sidebar = texts(at.sidebar, "caption")
    if local:
        assert "Lokale modus" in sidebar
        at.switch_page(UPLOAD_PAGE).run()
        assert at.title[0].value == "Aanleveren"
    else:
        assert "Lokale modus" not in sidebar and "Inloggen is niet ingesteld" in sidebar
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(UPLOAD_PAGE)


def _options(overrides):
    real = st.get_option

    def get_option(name):
        return overrides[name] if name in overrides else real(name)

    return get_option
