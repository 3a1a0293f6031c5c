"""Page 'Over de cijfers': caveats first, then definitions, methods, sources and the data contract."""

import streamlit as st

from app import web

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("about.title"))
    for heading, body in web.about():
        st.subheader(heading)
        st.markdown(body)
