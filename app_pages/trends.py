"""Page 'Trends': one measure by one breakdown over the years, with intervals, rates and tests."""

import streamlit as st

from app import components, web
from presentation.views import RATE_BREAKDOWNS, item_label
from publication import measures
from publication.filters import SCALES, TrendFilters, filters_to_params, parse_filters
from publication.measures import DISCRIMINATION

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("trends.title"))
    st.markdown(t("trends.intro"))
    publication = web.publication_or_stop()
    years = list(publication.years)
    measure_in_url = st.query_params.get("maat", DISCRIMINATION)
    items_by_measure = web.trend_options()
    from_url = parse_filters(
        st.query_params.to_dict(),
        years,
        items_by_measure.get(measure_in_url, items_by_measure[DISCRIMINATION]),
    )
    defaults = {
        "trends_measure": from_url.measure,
        "trends_breakdown": from_url.breakdown,
        "trends_items": list(from_url.items),
        "trends_year_from": from_url.year_from or years[0],
        "trends_year_to": from_url.year_to or years[-1],
        "trends_scale": from_url.scale,
    }
    web.widgets_follow_language(list(defaults))
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)

    with st.container(border=True):
        left, middle, right = st.columns([2, 2, 3])
        measure = left.radio(
            t("trends.measure"),
            measures.names(),
            key="trends_measure",
            format_func=lambda m: measures.named(m).label(lang),
        )
        breakdowns = list(items_by_measure[measure])
        if st.session_state["trends_breakdown"] not in breakdowns:
            st.session_state["trends_breakdown"] = "total"
        breakdown = middle.selectbox(
            t("trends.breakdown"),
            breakdowns,
            key="trends_breakdown",
            format_func=lambda b: t(f"breakdown.{b}"),
        )
        options = items_by_measure[measure].get(breakdown, [])
        st.session_state["trends_items"] = [
            i for i in st.session_state["trends_items"] if i in options
        ]
        items = right.multiselect(
            t("trends.items"),
            options,
            key="trends_items",
            format_func=lambda i: item_label(breakdown, i, lang),
            placeholder=t("trends.items_all"),
            disabled=not options,
            select_all=False,  # Streamlit's bulk option is English only
        )
        left2, middle2, right2 = st.columns([1, 1, 3])
        year_from = left2.selectbox(t("trends.year_from"), years, key="trends_year_from")
        later_years = [year for year in years if year >= year_from]
        if st.session_state["trends_year_to"] not in later_years:
            st.session_state["trends_year_to"] = later_years[-1]
        year_to = middle2.selectbox(t("trends.year_to"), later_years, key="trends_year_to")
        # Only the total and the ministries have a denominator: elsewhere the radio stays on
        # counts and says why, rather than promising a rate the chart cannot show.
        rate_possible = breakdown in RATE_BREAKDOWNS
        if not rate_possible:
            st.session_state["trends_scale"] = "aantal"
        scale = right2.radio(
            t("trends.scale"),
            SCALES,
            key="trends_scale",
            format_func=lambda s: t(f"scale.{s}"),
            horizontal=True,
            disabled=not rate_possible,
        )
        if not rate_possible:
            right2.caption(t("trends.scale_unavailable"))
        st.caption(t("trends.filters_note"))

    filters = TrendFilters(measure, breakdown, tuple(items), year_from, year_to, scale)
    language = st.query_params.get(web.LANG_PARAM)
    st.query_params.from_dict(
        {**filters_to_params(filters, years), **({web.LANG_PARAM: language} if language else {})}
    )

    model = web.trends(filters)
    if model.rate_note:
        st.info(model.rate_note)
    if model.selection_note:
        st.caption(model.selection_note)
    if model.grouping_note:
        st.caption(model.grouping_note)
    components.show_chart(
        model.chart.figure,
        model.chart.table,
        model.chart.summary,
        model.chart.key,
        model.chart.footnotes,
    )
    if model.events_caption:
        st.caption(model.events_caption)
    if model.total_note:
        st.caption(model.total_note)
    if model.trend_tests:
        st.subheader(model.trend_heading)
        for label, sentence in model.trend_tests:
            st.markdown(f"- **{label}**: {sentence}")
    if model.changes:
        st.subheader(model.change_heading)
        for label, sentence in model.changes:
            st.markdown(f"- **{label}**: {sentence}")
    st.caption(t("trends.method_note"))
