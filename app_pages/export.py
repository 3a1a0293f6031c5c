"""Page 'Export': choose years, figures and tables; get one briefing as Word and as PDF."""

import streamlit as st

from app import export_widgets, web
from briefing.content import (
    available_chart_keys,
    available_table_keys,
    chart_title,
    omitted_note,
    table_title,
)
from presentation.exports import MIME_TYPES

lang, t = web.lang(), web.t


with web.guarded():
    st.title(t("export.title"))
    st.markdown(t("export.intro"))
    publication = web.publication_or_stop()
    years = list(publication.years)
    # Only what can be protected for the current data is offered; the rest is named.
    chart_keys = available_chart_keys(publication)
    table_keys = available_table_keys(publication)
    omitted = omitted_note(publication, lang=lang)
    if omitted:
        st.info(omitted, icon=":material/visibility_off:")
    keys = ["export_year_from", "export_year_to", "export_charts", "export_tables"]
    web.widgets_follow_language(keys)
    # Streamlit caps a multiselect at about five rows of chosen items and scrolls the rest inside
    # the box, which hid the tables beyond the fifth row (issue 15): here every chosen figure
    # and table stays in view, the box grows with them.
    st.html(
        "<style>"
        + "".join(
            f".st-key-{key} div {{ max-height: none !important; }}"
            f'.st-key-{key} [data-testid="stMultiSelectTagsContainer"] {{ overflow: visible; }}'
            for key in keys[2:]
        )
        + "</style>"
    )

    with st.form("briefing", border=True):
        left, right = st.columns(2)
        year_from = left.selectbox(t("export.year_from"), years, index=0, key=keys[0])
        year_to = right.selectbox(t("export.year_to"), years, index=len(years) - 1, key=keys[1])
        charts = st.multiselect(
            t("export.charts"),
            chart_keys,
            default=list(chart_keys),
            format_func=lambda key: chart_title(key, lang),
            key=keys[2],
            select_all=False,  # Streamlit's bulk option is English only
        )
        tables = st.multiselect(
            t("export.tables"),
            table_keys,
            default=list(table_keys),
            format_func=lambda key: table_title(key, lang),
            key=keys[3],
            select_all=False,  # Streamlit's bulk option is English only
        )
        submitted = st.form_submit_button(
            t("export.build"), type="primary", icon=":material/description:"
        )

    chosen_years = [y for y in years if min(year_from, year_to) <= y <= max(year_from, year_to)]
    if submitted:
        if not charts and not tables:
            st.warning(t("export.nothing_chosen"))
        else:
            with st.spinner(t("export.building")):
                docx, pdf = export_widgets.briefing_files(chosen_years, charts, tables)
            st.session_state["export_briefing"] = (docx, pdf, len(charts), len(tables), lang)

    made = st.session_state.get("export_briefing")
    if made and made[4] == lang:
        docx, pdf, figures, table_count, _ = made
        st.success(t("export.ready", figures=figures, tables=table_count))
        first, second = st.columns(2)
        first.download_button(
            t("export.download_docx"),
            data=docx,
            file_name="briefing_meldingenmonitor.docx",
            mime=MIME_TYPES["docx"],
            icon=":material/description:",
            on_click="ignore",
            key="export_docx",
        )
        second.download_button(
            t("export.download_pdf"),
            data=pdf,
            file_name="briefing_meldingenmonitor.pdf",
            mime=MIME_TYPES["pdf"],
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            key="export_pdf",
        )
