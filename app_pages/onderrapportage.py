"""Page 'Onderrapportage': how much goes unreported, by two methods, with intervals and assumptions."""

import streamlit as st

from app import components, web
from publication.underreporting import default_inputs, with_changes

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("under.title"))
    st.warning(t("under.caveats"), icon=":material/priority_high:")
    web.publication_or_stop()
    registered = web.registered_cases()
    defaults = default_inputs()

    st.header(t("under.survey_heading"))
    st.markdown(t("under.survey_intro"))
    years = [year for year in defaults if year in registered]
    if not years:
        st.info(t("under.no_survey_year"))
        st.stop()
    year = st.selectbox(t("under.survey_year"), years, index=len(years) - 1, key="under_year")
    base = defaults[year]
    with st.expander(t("under.adjust")):
        left, middle, right = st.columns(3)
        size = left.number_input(
            t("under.assumption_workforce"),
            min_value=1.0,
            value=float(base.workforce_size or 1),
            step=1000.0,
            key=f"under_n_{year}",
        )
        unit = left.radio(
            t("under.unit"),
            ["persons", "fte"],
            index=["persons", "fte"].index(base.workforce_unit),
            format_func=lambda u: t(f"under.unit_{u}"),
            key=f"under_unit_{year}",
            horizontal=True,
        )
        prevalence = (
            middle.number_input(
                t("under.assumption_prevalence") + " (%)",
                min_value=0.0,
                max_value=100.0,
                value=base.prevalence * 100,
                step=0.5,
                key=f"under_p_{year}",
            )
            / 100
        )
        sample = middle.number_input(
            t("under.assumption_sample"),
            min_value=0,
            value=int(base.sample_size or 0),
            step=100,
            key=f"under_sample_{year}",
            help=t("under.sample_help"),
        )
        deff = right.number_input(
            t("under.assumption_deff"),
            min_value=1.0,
            value=base.design_effect,
            step=0.1,
            key=f"under_deff_{year}",
        )
        share = right.number_input(
            t("under.assumption_q") + " (%)",
            min_value=0.0,
            max_value=100.0,
            value=0.0,
            step=1.0,
            key=f"under_q_{year}",
            help=t("under.q_help"),
        )
    inputs = with_changes(
        base,
        workforce_size=size,
        workforce_unit=unit,
        prevalence=prevalence,
        sample_size=int(sample) or None,
        design_effect=deff,
        reporting_share=share / 100 if share > 0 else None,
    )
    model = web.underreporting(year, inputs)
    result = model.result
    if result.changed_by_user:
        st.info(t("under.changed"), icon=":material/edit:")
    if result.estimate is None:
        st.info(t("under.registered_hidden"))
    else:
        columns = st.columns(4)
        for column, (label, value, interval) in zip(columns, model.metrics, strict=False):
            column.metric(label, value, help=interval or None)
            if interval:
                column.caption(interval)
        for note in model.notes:
            st.caption(note)
        if model.expected:
            st.markdown(model.expected)
        st.subheader(t("under.scenario_heading"))
        st.markdown(t("under.scenario_intro"))
        components.dataframe(model.scenario, hide_index=True, width="stretch")

    st.header(t("under.mse_heading"))
    st.markdown(t("under.mse_intro"))
    if model.mse.message:
        st.info(model.mse.message)
    else:
        for column, (label, value, caption) in zip(
            st.columns(len(model.mse.metrics)), model.mse.metrics, strict=True
        ):
            column.metric(label, value)
            if caption:
                column.caption(caption)
        st.markdown(t("under.mse_reading"))
        if model.mse.note:
            st.caption(model.mse.note)
        components.dataframe(model.mse_models, hide_index=True, width="stretch")

    block = model.chart
    st.header(t("under.compare_heading"))
    components.show_chart(block.figure, block.table, block.summary, block.key, block.footnotes)

    st.header(t("under.assumptions_heading"))
    components.dataframe(model.assumptions, hide_index=True, width="stretch")
