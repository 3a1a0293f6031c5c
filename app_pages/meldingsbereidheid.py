"""Page 'Meldingsbereidheid': is the letter's policy on willingness to report working? The share of
experienced discrimination that reaches a channel, what staff surveys say, the measures beside the
reports per ministry, and what change the figures can show and when."""

import streamlit as st

from app import components, web

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("will.title"))
    st.markdown(t("will.intro"))
    web.publication_or_stop()
    model = web.willingness()

    st.subheader(t("will.in_short_heading"))
    st.markdown("\n".join(f"- {line}" for line in model.in_short))

    st.header(t("will.reach_heading"))
    st.markdown(t("will.reach_intro"))
    if model.reach_table is not None:
        components.dataframe(model.reach_table, hide_index=True, width="stretch")
    for note in model.reach_notes:
        st.caption(note)

    st.header(t("will.ind_heading"))
    st.markdown(t("will.ind_intro"))
    st.warning(t("will.ind_not_comparable"), icon=":material/compare_arrows:")
    # a static table: its long wordings wrap instead of being cut off
    st.table(model.indicators_table)
    st.subheader(t("will.ind_missing_heading"))
    st.markdown("\n".join(f"- {line}" for line in model.indicators_missing))
    with st.expander(t("will.ind_sources_heading")):
        lines = "\n".join(f"- {line}" for line in model.indicators_sources)
        st.markdown(f"{t('will.ind_sources_intro')}\n\n{lines}")

    st.header(t("will.measures_heading"))
    st.markdown(t("will.measures_intro"))
    st.info(t("will.caveat"), icon=":material/balance:")
    block = model.measures_chart
    if block is not None:
        components.show_chart(block.figure, block.table, block.summary, block.key, block.footnotes)
    if model.measures_table is not None:
        components.dataframe(model.measures_table, hide_index=True, width="stretch")
    for note in model.measures_notes:
        st.caption(note)

    st.header(t("will.detect_heading"))
    st.markdown(t("will.detect_intro"))
    if model.detectable_table is not None:
        components.dataframe(model.detectable_table, hide_index=True, width="stretch")
    if model.detectable_sentence:
        st.markdown(model.detectable_sentence)
    if model.detectable_assumptions:
        st.subheader(t("will.detect_assumptions_heading"))
        st.markdown("\n".join(f"- {line}" for line in model.detectable_assumptions))

    st.header(t("will.did_heading"))
    st.markdown(t("will.did_intro"))
    st.markdown("\n\n".join(model.comparison_lines))
    if model.comparison_table is not None:
        components.dataframe(model.comparison_table, hide_index=True, width="stretch")
    if model.comparison_assumptions:
        st.subheader(t("will.did_assumptions_heading"))
        st.markdown("\n".join(f"- {line}" for line in model.comparison_assumptions))
