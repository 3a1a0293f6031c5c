"""Page 'Onderrapportage': how much goes unreported, by two methods (a survey matched on
definitions, capture-recapture across the channels), plain words first, then the detail."""

import streamlit as st

from app import components, web

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("under.title"))
    st.warning(t("under.caveats"), icon=":material/priority_high:")
    web.publication_or_stop()
    model = web.underreporting()
    survey, summary = model.survey, model.mse

    # Plain words first: one sentence per method; the sections below give the detail.
    st.subheader(t("under.in_short_heading"))
    st.info(survey.note, icon=":material/science:")
    st.markdown("\n".join(f"- {line}" for line in model.in_short))

    st.header(survey.heading)
    st.caption(survey.label)
    st.markdown(survey.intro)
    for note in survey.notes:
        st.caption(note)
    components.dataframe(survey.table, hide_index=True, width="stretch")
    for block in (survey.people_chart, survey.register_chart):
        if block is not None:
            components.show_chart(
                block.figure, block.table, block.summary, block.key, block.footnotes, block.source
            )
    if survey.assumptions is not None:
        st.subheader(t("under.survey_assumptions_heading"))
        components.dataframe(survey.assumptions, hide_index=True, width="stretch")
    st.subheader(survey.sources_heading)
    st.markdown("\n".join(f"- {line}" for line in survey.sources))

    st.header(t("under.mse_heading"))
    if summary.message:
        st.markdown(t("under.mse_intro"))
        st.info(summary.message)
    else:
        st.markdown(summary.label)
        for column, (label, value, caption) in zip(
            st.columns(len(summary.metrics)), summary.metrics, strict=True
        ):
            column.metric(label, value)
            if caption:
                column.caption(caption)
        st.markdown(summary.coverage)
        if summary.note:
            st.caption(summary.note)
        st.markdown(t("under.mse_intro"))
        if summary.link_keys:
            st.markdown(summary.link_keys)
        st.subheader(t("under.mse_assumptions_heading"))
        st.markdown("\n".join(f"- {line}" for line in summary.assumptions))
        st.subheader(t("under.mse_models_heading"))
        components.dataframe(model.mse_models, hide_index=True, width="stretch")
        models = summary.chart
        components.show_chart(
            models.figure, models.table, models.summary, models.key, models.footnotes
        )

    block = model.chart
    st.header(t("under.compare_heading"))
    components.show_chart(block.figure, block.table, block.summary, block.key, block.footnotes)
