"""The bench's bare page: only a title (the floor of a Streamlit script run)."""

import streamlit as st

st.title("Meldingenmonitor Rijk")
