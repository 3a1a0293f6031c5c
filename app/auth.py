"""Streamlit glue of access: who uses this script run, by Streamlit's OIDC login or local mode.

Production: Streamlit's built-in login (`st.login`, `st.user`, `st.logout`, configured in the
`[auth]` section of `.streamlit/secrets.toml`); the rights come from the roles file
(access/roles.py). See docs/access.md.

Local mode: without an `[auth]` section, one person at the machine itself is the administrator,
recorded as 'lokaal (user@host)'; only when the server listens on a loopback address, the browser
connects from the machine itself and no proxy stands in between.

Every check is made on the server with the principal of the current script run
(`access.principal.require_*`); hiding a widget or a page is a convenience on top, never the check
itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import streamlit as st

from access.principal import (
    MODE_LOCAL,
    MODE_LOGIN,
    Principal,
    local_principal,
    unconfigured_principal,
)
from access.roles import anonymous_principal, principal_from_claims, role_config
from base.texts import text

LOCAL_MODE_ENV = "MELDINGEN_LOCAL_MODE"  # '0' forbids local mode even on a loopback address
LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "localhost", "::1"})
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")


def auth_configured() -> bool:
    """True when `.streamlit/secrets.toml` (or secrets.files) has an [auth] section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def local_mode_allowed() -> bool:
    """Local mode needs a loopback server address, a loopback browser and no proxy in between."""
    if os.environ.get(LOCAL_MODE_ENV, "1") == "0":
        return False
    address = st.get_option("server.address")
    if str(address or "").strip("[]") not in LOOPBACK_ADDRESSES:
        return False
    if isinstance(st.context.ip_address, str):  # Streamlit gives None for a loopback client
        return False
    try:
        headers = {str(key).lower() for key in st.context.headers.keys()}  # noqa: SIM118
    except (AttributeError, TypeError):  # no client (AppTest)
        headers = set()
    return not any(header in headers for header in PROXY_HEADERS)


def current_principal() -> Principal:
    """The principal of this script run: resolved again on every run, so every action is checked
    against the roles file as it is now."""
    if auth_configured():
        config = role_config()
        user = st.user
        if user.get("is_logged_in"):
            return principal_from_claims(user.to_dict(), config)
        return anonymous_principal(config)
    if local_mode_allowed():
        return local_principal()
    return unconfigured_principal()


def provider() -> str | None:
    """None for a single provider configured directly in [auth], else the first named one."""
    section = st.secrets.get("auth", {})
    if "client_id" in section:
        return None
    for name, value in section.items():
        if isinstance(value, Mapping) and "client_id" in value:
            return str(name)
    return None


def require_access(lang: str) -> Principal:
    """The principal; stops the run with a login prompt when this user may see nothing."""
    principal = current_principal()
    if principal.can_view:
        return principal
    st.title(text("auth.login_required_title", lang))
    if principal.logged_in:
        st.error(text("auth.no_access", lang, identity=principal.identity))
        if st.button(text("auth.logout", lang), key="auth_logout_blocked"):
            st.logout()
    else:
        st.info(text("auth.login_required", lang))
        if st.button(text("auth.login", lang), key="auth_login_blocked", type="primary"):
            st.login(provider())
    st.stop()
    return principal  # not reached


def account_control(principal: Principal, lang: str) -> None:
    """Login or logout in the sidebar, and who is working in local mode."""
    box = st.sidebar.container(border=True)
    if principal.mode == MODE_LOCAL:
        box.caption(text("auth.local_mode_sidebar", lang, identity=principal.identity))
    elif principal.mode == MODE_LOGIN and principal.logged_in:
        box.caption(text("auth.logged_in_as", lang, name=principal.name))
        if box.button(text("auth.logout", lang), key="auth_logout"):
            st.logout()
    elif principal.mode == MODE_LOGIN:
        if box.button(text("auth.login", lang), key="auth_login"):
            st.login(provider())
    else:
        box.caption(text("auth.unconfigured_sidebar", lang))
