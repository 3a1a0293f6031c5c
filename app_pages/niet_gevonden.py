"""Hidden page for a URL no page of the dashboard has: says so in the page's language and links to
the pages, instead of Streamlit's English 'Page not found' dialog (app.web.unknown_page_path)."""

import streamlit as st

from app import web
from base.texts import text

lang = web.lang()
st.title(text("not_found.title", lang))
st.write(text("not_found.body", lang))
st.page_link("app_pages/overzicht.py", label=text("not_found.to_overview", lang))
