"""Page 'Over de cijfers': caveats first, then definitions, methods, sources and the data contract."""

import streamlit as st

from app import web

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("about.title"))
    for heading, body in web.about():
        st.subheader(heading)
        st.markdown(body)
    # The revisions policy (docs/releases.md): releases never change, other figures are provisional.
    st.subheader(t("release.policy_heading"))
    st.markdown(t("release.policy"))
