"""Streamlit glue of access: who uses this script run, by Streamlit's OIDC login or local mode.

Production: Streamlit's built-in login (`st.login`, `st.user`, `st.logout`, configured in the
`[auth]` section of `.streamlit/secrets.toml`); the rights come from the roles file
(access/roles.py). See docs/access.md.

Local mode: without an `[auth]` section, one person at the machine itself is the administrator,
recorded as 'lokaal (user@host)'; only when the server listens on a loopback address, the browser
connects from the machine itself under a loopback Host on the served port (not under another name
that resolves to 127.0.0.1: DNS rebinding) and no proxy stands in between
(access/local_mode.py decides; this module only gathers the facts from Streamlit).

A roles file that is named but cannot be used gives nobody access and says why, on the page to
whoever arrives and in the sidebar of a local administrator (access/roles.py).

Every check is made on the server with the principal of the current script run
(`access.principal.require_*`); hiding a widget or a page is a convenience on top, never the check
itself.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Mapping

import streamlit as st

from access.local_mode import local_mode_refusal
from access.principal import (
    MODE_LOCAL,
    MODE_LOGIN,
    MODE_UNCONFIGURED,
    Principal,
    local_principal,
    unconfigured_principal,
)
from access.roles import (
    ROLES_ENV,
    RoleConfig,
    anonymous_principal,
    principal_from_claims,
    role_config,
)
from base.texts import text

LOG = logging.getLogger("meldingenmonitor.auth")
LOCAL_MODE_ENV = "MELDINGEN_LOCAL_MODE"  # '0' forbids local mode even on a loopback address


def auth_configured() -> bool:
    """True when `.streamlit/secrets.toml` (or secrets.files) has an [auth] section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _request_facts() -> tuple[list[str] | None, str | None, set[str]]:
    """(Host headers or None without any connection, client IP or None for loopback, header names)."""
    headers = st.context.headers
    names = {str(key).lower() for key in headers.keys()}  # noqa: SIM118
    ip = st.context.ip_address
    client_ip = ip if isinstance(ip, str) else None  # None: loopback (or no client at all)
    if not names:  # AppTest runs the script in-process; a real WebSocket handshake has headers
        return None, client_ip, names
    return list(headers.get_all("host")), client_ip, names


def local_mode_allowed() -> bool:
    """Local mode needs a loopback server address, a loopback browser under a loopback Host on
    the served port, and no proxy in between (access.local_mode)."""
    hosts, client_ip, names = _request_facts()
    refusal = local_mode_refusal(
        enabled=os.environ.get(LOCAL_MODE_ENV, "1") != "0",
        server_address=st.get_option("server.address"),
        server_port=int(st.get_option("server.port")),
        hosts=hosts,
        client_ip=client_ip,
        header_names=names,
    )
    if refusal is not None:
        LOG.info("local mode refused: %s", refusal)
    return refusal is None


def _roles_named() -> RoleConfig | None:
    """The roles file when $MELDINGEN_ROLES is set (usable or not), else None."""
    return role_config() if ROLES_ENV in os.environ else None


def current_principal() -> Principal:
    """The principal of this script run: resolved again on every run, so every action is checked
    against the roles file as it is now."""
    if auth_configured():
        config = role_config()
        user = st.user
        if user.get("is_logged_in"):
            return principal_from_claims(user.to_dict(), config)
        return anonymous_principal(config)
    config = _roles_named()
    if local_mode_allowed():
        local = local_principal()  # the roles file does not apply, but its state is shown
        if config is not None and not config.usable:
            return dataclasses.replace(local, config_error=config.error)
        return local
    if config is not None:  # no login here, but the roles file's [defaults] still bind
        return anonymous_principal(config, MODE_UNCONFIGURED)
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


def _roles_reason(lang: str) -> str | None:
    config = _roles_named() if not auth_configured() else role_config()
    return None if config is None else config.reason(lang)


def require_access(lang: str) -> Principal:
    """The principal; stops the run with a login prompt, or the reason nobody may enter, when
    this user may see nothing."""
    principal = current_principal()
    if principal.can_view:
        return principal
    reason = _roles_reason(lang) if principal.config_error else None
    if reason is not None:  # a broken roles file: logging in would not help anyone
        st.title(text("auth.roles_unusable_title", lang))
        st.error(text("auth.roles_unusable", lang, reason=reason))
        if principal.logged_in and st.button(text("auth.logout", lang), key="auth_logout_blocked"):
            st.logout()
        st.stop()
    st.title(text("auth.login_required_title", lang))
    if principal.mode == MODE_UNCONFIGURED:
        st.info(text("auth.no_login_possible", lang))
    elif principal.logged_in:
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
        box.caption(text("auth.local_mode_sidebar", lang, identity=principal.name))
        if principal.config_error:
            reason = _roles_reason(lang)
            if reason is not None:
                box.warning(text("auth.roles_unusable_admin", lang, reason=reason))
    elif principal.mode == MODE_LOGIN and principal.logged_in:
        box.caption(text("auth.logged_in_as", lang, name=principal.name))
        if box.button(text("auth.logout", lang), key="auth_logout"):
            st.logout()
    elif principal.mode == MODE_LOGIN:
        if box.button(text("auth.login", lang), key="auth_login"):
            st.login(provider())
    else:
        box.caption(text("auth.unconfigured_sidebar", lang))
