"""Hidden page at /overzicht: the overview is the default page, served at the root URL, so its own
name as a URL would otherwise open Streamlit's 'Page not found'; this sends the reader there."""

import streamlit as st

st.switch_page("app_pages/overzicht.py")
