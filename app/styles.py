"""Streamlit glue: page-wide CSS that keeps Streamlit's own markup within WCAG 2.1 AA (issue 15),
applied once per run by dashboard.py before the page runs."""

from __future__ import annotations

import streamlit as st

from base.theme import colour

# Streamlit draws the label of a disabled widget in black at 40 % opacity (#999999 on white,
# contrast 2.8:1): on Trends, 'Toon' when a breakdown has no items and 'Schaal' when it has no
# rates. The label still tells the reader what the control is, so it gets the palette's grey-6
# (#696969, 5.7:1), still lighter than the enabled labels.
_CSS = (
    '[data-testid="stWidgetLabel"][disabled], [data-testid="stWidgetLabel"][disabled] *'
    f" {{ color: {colour('grijs-6')}; }}"
)


def accessible_styles() -> None:
    st.html(f"<style>{_CSS}</style>")
