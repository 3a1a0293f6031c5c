"""Page 'Overzicht': the latest complete year at a glance and the series since 2018."""

import streamlit as st

from app import components, web
from base.formatting import format_number, format_percentage

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("overview.title"))
    st.markdown(t("overview.intro"))
    web.publication_or_stop()
    model = web.overview()

    st.subheader(t("overview.latest_heading", year=model.latest_year))
    first, second, third = st.columns(3)
    hidden = t("chart.hidden_value")
    first.metric(
        t("overview.metric_reports", year=model.latest_year),
        format_number(model.latest_count, lang=lang) if model.latest_count is not None else hidden,
        help=t("overview.metric_reports_help"),
    )
    second.metric(
        t("overview.metric_ja_deels"),
        f"{format_number(model.latest_ja, lang=lang) if model.latest_ja is not None else hidden} / "
        f"{format_number(model.latest_deels, lang=lang) if model.latest_deels is not None else hidden}",
        help=t("overview.metric_ja_deels_help"),
    )
    third.metric(
        t("overview.metric_share"),
        format_percentage(model.latest_share, 1, lang)
        if model.latest_share is not None
        else hidden,
        help=t("overview.metric_share_help"),
    )
    st.markdown(model.change_text)

    if model.incomplete_text:
        st.warning(model.incomplete_text, icon=":material/warning:")

    if model.letter_rows is not None:
        st.subheader(t("overview.letter_heading"))
        st.markdown(t("overview.letter_intro"))
        # a static table: the long descriptions of what is compared wrap instead of being cut off
        st.table(model.letter_rows, hide_index=True)

    for notice in model.notices:
        st.info(notice)
    for block in model.charts:
        components.show_chart(block.figure, block.table, block.summary, block.key, block.footnotes)
