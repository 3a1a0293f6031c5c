"""The page for an unknown address (app_pages/niet_gevonden.py) in both languages. AppTest cannot
ask for a URL path, so the test sets what app.web.unknown_page_path remembers of one; the browser
test (tests/browser/test_no_pages_folder.py) drives the real URL."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app.web import UNKNOWN_PAGE_KEY
from base.texts import text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_not_found_page_speaks_the_page_language(small_db, monkeypatch, lang):
    monkeypatch.setenv("MELDINGEN_DB", str(small_db))
    monkeypatch.setenv("MELDINGEN_DEMO", "0")
    st.cache_data.clear()
    at = AppTest.from_file("../../dashboard.py", default_timeout=120)
    at.query_params["taal"] = lang
    at.session_state[UNKNOWN_PAGE_KEY] = "bestaat-niet"
    at.run()
    at.switch_page("app_pages/niet_gevonden.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == text("not_found.title", lang)
    assert text("not_found.body", lang) in [m.value for m in at.markdown]
    st.cache_data.clear()
