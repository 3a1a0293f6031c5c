"""Page 'Dekking': what each ministry delivered per year and channel, and every submission's history."""

import streamlit as st

from meldingen import auth, web
from meldingen.views import coverage_matrix, coverage_summary, history_table

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("coverage.title"))
    st.markdown(t("coverage.intro"))
    if not web.has_warehouse() or web.coverage().empty:
        web.no_data_message()
        st.stop()
    web.data_banner()
    coverage = web.coverage()
    st.subheader(t("coverage.per_year_heading"))
    st.dataframe(coverage_summary(coverage, lang), width="stretch")
    st.subheader(t("coverage.matrix_heading"))
    st.markdown(t("coverage.legend"))
    st.dataframe(coverage_matrix(coverage, lang), width="stretch", height=560)
    st.subheader(t("coverage.history_heading"))
    st.markdown(t("coverage.history_intro"))
    show_people = auth.current_principal().is_administrator
    st.dataframe(history_table(web.history(), lang, show_people), width="stretch", hide_index=True)
