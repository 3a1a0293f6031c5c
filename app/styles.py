"""Streamlit glue: page-wide CSS that keeps Streamlit's own markup within WCAG 2.1 AA (issue 15),
applied once per run by dashboard.py before the page runs."""

from __future__ import annotations

import json

import streamlit as st

from base.texts import text
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


# Streamlit's and plotly's own accessible names, tooltips and placeholders, which they write in
# English whatever the page's language (a screen reader reads 'Fullscreen' on a Dutch page): the
# text key of each, whose English text is the exact string they write.
STREAMLIT_STRINGS = (
    "streamlit.app_pages",
    "streamlit.autoscale",
    "streamlit.collapse_sidebar",
    "streamlit.expand_sidebar",
    "streamlit.fullscreen",
    "streamlit.close_fullscreen",
    "streamlit.link_to_heading",
    "streamlit.pan",
    "streamlit.reset_axes",
    "streamlit.search",
    "streamlit.show_hide_columns",
    "streamlit.sidebar",
    "streamlit.zoom",
    "streamlit.zoom_in",
    "streamlit.zoom_out",
    "streamlit.open",
    "streamlit.close",
    "streamlit.choose_option",
    "streamlit.download_csv",
    "streamlit.clear_all",
    "streamlit.file_upload",
)
# Attributes that carry those strings (plotly's modebar shows data-title as its tooltip).
_ATTRIBUTES = ("aria-label", "title", "placeholder", "data-title")
_SCRIPT = """
(() => {
  const words = %(words)s, prefixes = %(prefixes)s, attributes = %(attributes)s;
  const uploadButton = %(upload)s;
  const translate = (element) => {
    for (const name of attributes) {
      const value = element.getAttribute && element.getAttribute(name);
      if (!value) continue;
      // every replacement is Dutch, never a key again: the observer's next call leaves it
      if (Object.hasOwn(words, value)) { element.setAttribute(name, words[value]); continue; }
      for (const [english, own] of prefixes) {
        if (value.startsWith(english)) element.setAttribute(name, own + value.slice(english.length));
      }
    }
    // set only when it differs: setting it fires the observer again
    if (element.matches && element.matches('[data-testid="stFileUploaderDropzone"] button')
        && element.getAttribute("aria-label") !== uploadButton) {
      element.setAttribute("aria-label", uploadButton);
    }
  };
  const walk = (root) => {
    translate(root);
    if (root.querySelectorAll) root.querySelectorAll("*").forEach(translate);
  };
  const root = window.parent.document.body;
  if (root.dataset.ownWords === "%(lang)s") return;  // one observer per page language
  root.dataset.ownWords = "%(lang)s";
  walk(root);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") translate(change.target);
      else change.addedNodes.forEach(walk);
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: attributes });
})();
"""


def streamlit_strings_in_language(lang: str) -> None:
    """On a Dutch page, Streamlit's and plotly's own English accessible names, tooltips and
    placeholders ('Fullscreen', 'Show/hide columns', 'Zoom in', 'Choose an option', 'Help for
    ...') are replaced by the page's words as they appear, and the file uploader's button gets
    its name in the page's language. A fixed script: every word comes from base/texts, nothing
    from users; on an English page the originals are the page's language and nothing runs."""
    if lang == "en":
        return
    words = {text(key, "en"): text(key, lang) for key in STREAMLIT_STRINGS}
    prefixes = [[text("streamlit.help_for", "en"), text("streamlit.help_for", lang)]]
    script = _SCRIPT % {
        "words": json.dumps(words, ensure_ascii=False),
        "prefixes": json.dumps(prefixes, ensure_ascii=False),
        "attributes": json.dumps(list(_ATTRIBUTES)),
        "upload": json.dumps(text("upload.dropzone_button", lang), ensure_ascii=False),
        "lang": lang,
    }
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
