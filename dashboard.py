"""Entry point of the dashboard (`streamlit run dashboard.py`): setup, first-start demo data, navigation.

The page scripts live in app_pages/, not pages/: a pages/ folder beside this script makes Streamlit
run its old directory-based navigation for direct links such as /trends, bypassing this file.
"""

from pathlib import Path

import streamlit as st

from app import auth, styles, upload, web
from base.texts import text

# The favicon is served by this server: a Material icon name would make every browser fetch it
# from Google's font servers.
st.set_page_config(
    page_title="Meldingenmonitor Rijk",
    page_icon=Path(__file__).parent / "assets" / "favicon.png",
    layout="wide",
)
styles.accessible_styles()
lang = web.choose_language()
styles.streamlit_strings_in_language(lang)
web.ensure_warehouse()
principal = auth.require_access(lang)  # login prompt when this user may see nothing

pages = [
    st.Page(
        "app_pages/overzicht.py",
        title=text("nav.overview", lang),
        icon=":material/dashboard:",
        url_path="start",  # served at '/': the default page's own path is never used
        default=True,
    ),
    st.Page(
        "app_pages/naar_overzicht.py",
        title=text("nav.overview", lang),
        url_path="overzicht",
        visibility="hidden",
    ),
    st.Page(
        "app_pages/trends.py",
        title=text("nav.trends", lang),
        icon=":material/show_chart:",
        url_path="trends",
    ),
    st.Page(
        "app_pages/export.py",
        title=text("export.nav", lang),
        icon=":material/download:",
        url_path="export",
    ),
    st.Page(
        "app_pages/onderrapportage.py",
        title=text("nav.underreporting", lang),
        icon=":material/visibility_off:",
        url_path="onderrapportage",
    ),
    st.Page(
        "app_pages/meldingsbereidheid.py",
        title=text("nav.willingness", lang),
        icon=":material/campaign:",
        url_path="meldingsbereidheid",
    ),
    st.Page(
        "app_pages/dekking.py",
        title=text("nav.coverage", lang),
        icon=":material/grid_on:",
        url_path="dekking",
    ),
    st.Page(
        "app_pages/publicaties.py",
        title=text("release.page.nav", lang),
        icon=":material/verified:",
        url_path="publicaties",
    ),
    st.Page(
        "app_pages/over_de_cijfers.py",
        title=text("nav.about", lang),
        icon=":material/info:",
        url_path="over-de-cijfers",
    ),
    *upload.pages(principal, lang),  # 'Aanleveren', only for users who may upload
]
unknown_path = web.unknown_page_path({page.url_path for page in pages})
if unknown_path is not None:
    pages.append(
        st.Page(
            "app_pages/niet_gevonden.py",
            title=text("not_found.title", lang),
            url_path=unknown_path,
            visibility="hidden",
        )
    )
navigation = st.navigation(pages)
st.sidebar.markdown(f"**{text('app.name', lang)}**  \n{text('app.tagline', lang)}")
web.language_toggle()
auth.account_control(principal, lang)
navigation.run()
