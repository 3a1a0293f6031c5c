"""Page 'Publicaties': every release with a link that opens it, the revisions between two chosen
releases (or a release and now) with a download, and for administrators create and withdraw."""

import streamlit as st

from app import auth, components, web
from presentation.revisions import CURRENT_FIGURES, comparison_label

lang, t = web.lang(), web.t

with web.guarded():
    st.title(t("release.page.title"))
    st.markdown(t("release.page.intro"))
    found = web.release_list()
    if not found:
        st.info(t("release.cli.none"), icon=":material/inbox:")
    for release in reversed(found):
        status = t(f"release.status.{release.status}")
        link = f"?{web.RELEASE_PARAM}={release.release_id}"
        st.markdown(
            t(
                "release.page.row",
                label=web.release_label(release),
                status=status,
                link=link,
                version=release.data_version,
            )
        )
        if release.withdrawn_reason:
            st.caption(t("release.page.withdrawn_reason", reason=release.withdrawn_reason))

    if found:
        st.subheader(t("release.page.revisions"))
        choices = [r.release_id for r in found]
        left, right = st.columns(2)
        old = left.selectbox(t("release.page.old"), choices, key="revisions_old")
        new = right.selectbox(
            t("release.page.new"),
            [CURRENT_FIGURES, *reversed(choices)],
            format_func=lambda choice: comparison_label(choice, lang),
            key="revisions_new",
        )
        table = web.revisions(old, new)
        shown_new = comparison_label(new, lang)
        st.caption(t("release.cli.diff", count=len(table), old=old, new=shown_new))
        if table.empty:
            st.info(t("revisions.none"))
        else:
            components.dataframe(web.revisions_view(old, new), hide_index=True, width="stretch")
        st.download_button(
            t("release.page.download"),
            data=web.revisions_csv(old, new),
            file_name=f"herzieningen_{old}_{new}.csv",
            mime="text/csv",
            key="revisions_download",
        )

    if auth.current_principal().is_administrator:
        st.subheader(t("release.page.admin"))
        with st.form("release_create"):
            name = st.text_input(t("release.page.name"))
            date = st.date_input(t("release.page.date"), format="DD-MM-YYYY")
            wanted = st.text_input(t("release.page.id"))
            if st.form_submit_button(t("release.page.create")):
                try:
                    label = web.create_release(name, date, wanted.strip() or None)
                    st.success(t("release.page.created", label=label))
                except web.ReleaseError as error:
                    st.error(error.message(lang))
        active = [r.release_id for r in found if r.status == "active"]
        if active:
            with st.form("release_withdraw"):
                chosen = st.selectbox(t("release.page.withdraw_which"), active)
                reason = st.text_area(t("release.page.reason"))
                if st.form_submit_button(t("release.page.withdraw")):
                    try:
                        web.withdraw_release(chosen, reason)
                        st.success(t("release.cli.withdrawn", release=chosen))
                    except web.ReleaseError as error:
                        st.error(error.message(lang))
