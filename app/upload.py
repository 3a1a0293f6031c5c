"""Streamlit glue of delivery: the page 'Aanleveren' in the navigation, for users who may upload.

The page (app_pages/aanleveren.py) only draws; review, commit, history and every access check are
in delivery/ and access/, the tables it shows in presentation/upload_tables.py.
"""

from __future__ import annotations

import streamlit as st

from access.principal import Principal
from base.texts import text


def pages(principal: Principal, lang: str) -> list[st.Page]:
    """The upload page for the navigation, only for users who may upload."""
    if not principal.can_upload:
        return []
    return [
        st.Page(
            "app_pages/aanleveren.py",
            title=text("upload.nav", lang),
            icon=":material/upload_file:",
            url_path="aanleveren",
        )
    ]
