"""Page 'Dekking': what each ministry delivered per year and channel, and every submission's history.

File names and who loaded a file are the uploaders': administrators see them on every row, an
uploader on the rows of the departments they upload for, anyone else not at all.
"""

import streamlit as st

from app import components, web

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("coverage.title"))
    st.markdown(t("coverage.intro"))
    model = web.coverage_view() if web.has_warehouse() else None
    if model is None or model.empty:
        web.no_data_message()
        st.stop()
    web.data_banner()
    st.subheader(t("coverage.per_year_heading"))
    components.dataframe(model.summary, width="stretch")
    st.caption(t("coverage.summary_caption"))
    st.subheader(t("coverage.matrix_heading"))
    st.markdown(t("coverage.legend"))
    # Every row visible without scrolling inside the table: 35 px per row plus the header.
    components.dataframe(
        model.matrix, width="stretch", hide_index=True, height=35 * (len(model.matrix) + 1) + 3
    )
    st.subheader(t("coverage.history_heading"))
    st.markdown(t("coverage.history_intro"))
    components.dataframe(model.history, width="stretch", hide_index=True)
