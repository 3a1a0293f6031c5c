"""Who uses the app and what they may do: Streamlit's OIDC login, a roles file, and local mode.

Production: Streamlit's built-in login (`st.login`, `st.user`, `st.logout`, configured in the
`[auth]` section of `.streamlit/secrets.toml`). The roles file named by $MELDINGEN_ROLES maps a
logged-in user (by e-mail address, e-mail domain or any claim of the identity token, such as a
group) to roles: viewer, uploader for one or more departments, administrator. See docs/access.md.

Local mode: without an `[auth]` section, one person at the machine itself is the administrator,
recorded as 'lokaal (user@host)'; only when the server listens on a loopback address, the browser
connects from the machine itself and no proxy stands in between.

Every check is made on the server with the principal of the current script run (`require_*`);
hiding a widget or a page is a convenience on top, never the check itself.
"""

from __future__ import annotations

import getpass
import logging
import os
import socket
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from base.texts import text

LOG = logging.getLogger("meldingenmonitor.auth")

ROLES_ENV = "MELDINGEN_ROLES"
LOCAL_MODE_ENV = "MELDINGEN_LOCAL_MODE"  # '0' forbids local mode even on a loopback address
VIEWER, UPLOADER, ADMINISTRATOR = "viewer", "uploader", "administrator"
NO_ACCESS = "none"
ROLES = (VIEWER, UPLOADER, ADMINISTRATOR)
MODE_LOCAL, MODE_LOGIN, MODE_UNCONFIGURED = "local", "login", "unconfigured"
LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "localhost", "::1"})
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")


class AccessDenied(PermissionError):
    """The current user may not do this; `departments` names what they asked for but may not touch."""

    def __init__(self, identity: str, action: str, departments: Iterable[str] = ()):
        self.identity = identity
        self.action = action
        self.departments = sorted(set(departments))
        where = f" ({', '.join(self.departments)})" if self.departments else ""
        super().__init__(f"{identity} may not {action}{where}")


class RoleConfigError(ValueError):
    """The roles file cannot be used; the message says where and what to fix."""


@dataclass(frozen=True)
class Principal:
    """The user of one script run, with the rights resolved from the roles file."""

    identity: str  # what is recorded as loaded_by and in the audit log
    name: str
    mode: str  # MODE_LOCAL, MODE_LOGIN or MODE_UNCONFIGURED
    logged_in: bool
    roles: frozenset[str] = frozenset()
    departments: frozenset[str] = frozenset()  # departments this user uploads for
    config_error: str | None = None

    @property
    def is_administrator(self) -> bool:
        return ADMINISTRATOR in self.roles

    @property
    def can_view(self) -> bool:
        return bool(self.roles)

    @property
    def can_upload(self) -> bool:
        return self.is_administrator or (UPLOADER in self.roles and bool(self.departments))

    def may_act_for(self, department: str) -> bool:
        """Upload for, and see the unprotected figures and history of, this department."""
        return self.is_administrator or (UPLOADER in self.roles and department in self.departments)

    def upload_departments(self, known: Iterable[str]) -> list[str]:
        """The departments (of `known`) this user may act for, sorted."""
        return sorted(d for d in set(known) if self.may_act_for(d))


def require_upload(principal: Principal, departments: Iterable[str]) -> None:
    """Raise AccessDenied unless the principal may upload for every one of these departments."""
    departments = set(departments)
    if not principal.can_upload:
        raise AccessDenied(principal.identity, "upload", departments)
    outside = {d for d in departments if not principal.may_act_for(d)}
    if outside:
        raise AccessDenied(principal.identity, "upload", outside)


def require_department(principal: Principal, departments: Iterable[str]) -> None:
    """Raise AccessDenied unless the principal may see unprotected data of all these departments."""
    departments = set(departments)
    outside = {d for d in departments if not principal.may_act_for(d)}
    if outside or not (principal.is_administrator or departments):
        raise AccessDenied(principal.identity, "see", outside)


# --- the roles file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One `[[rule]]` of the roles file: who it matches and what it grants."""

    role: str
    departments: frozenset[str] = frozenset()
    email: str | None = None
    email_domain: str | None = None
    claim: str | None = None
    value: str | None = None

    def matches(self, claims: Mapping[str, object]) -> bool:
        email = _verified_email(claims)
        if self.email is not None:
            return email is not None and email == self.email
        if self.email_domain is not None:
            return email is not None and email.rpartition("@")[2] == self.email_domain
        if self.claim is not None:
            found = claims.get(self.claim)
            values = found if isinstance(found, list | tuple | set) else [found]
            return any(v is not None and str(v) == self.value for v in values)
        return False


@dataclass(frozen=True)
class RoleConfig:
    rules: tuple[Rule, ...] = ()
    logged_in_role: str = VIEWER  # for a logged-in user no rule matches
    anonymous_role: str = VIEWER  # for a visitor who did not log in
    source: str = ""
    error: str | None = None


def _verified_email(claims: Mapping[str, object]) -> str | None:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        return None
    if claims.get("email_verified") is False:  # absent is fine: not every provider sends it
        return None
    return email.strip().lower()


def _known_departments() -> set[str]:
    from base.reference import ministries

    return {m.code for m in ministries() if m.in_sector_rijk}  # Defence is outside sector Rijk


def parse_role_config(text: str, source: str = "") -> RoleConfig:
    """Parse and check a roles file (TOML); raises RoleConfigError naming the rule at fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoleConfigError(f"{source}: not valid TOML: {error}") from error
    defaults = data.get("defaults", {})
    logged_in_role = defaults.get("logged_in", VIEWER)
    anonymous_role = defaults.get("anonymous", VIEWER)
    for name, value in (("logged_in", logged_in_role), ("anonymous", anonymous_role)):
        if value not in (VIEWER, NO_ACCESS):
            raise RoleConfigError(f"{source}: [defaults] {name} must be 'viewer' or 'none'")
    unknown_keys = set(data) - {"defaults", "rule"}
    if unknown_keys:
        raise RoleConfigError(f"{source}: unknown section(s) {sorted(unknown_keys)}")
    known = _known_departments()
    rules = []
    for number, raw in enumerate(data.get("rule", []), start=1):
        where = f"{source}: rule {number}"
        if not isinstance(raw, dict):
            raise RoleConfigError(f"{where}: must be a table ([[rule]])")
        extra = set(raw) - {"email", "email_domain", "claim", "value", "role", "departments"}
        if extra:
            raise RoleConfigError(f"{where}: unknown key(s) {sorted(extra)}")
        selectors = [key for key in ("email", "email_domain", "claim") if key in raw]
        if len(selectors) != 1:
            raise RoleConfigError(f"{where}: give exactly one of email, email_domain or claim")
        if "claim" in raw and "value" not in raw:
            raise RoleConfigError(f"{where}: a claim rule needs a value")
        role = raw.get("role")
        if role not in ROLES:
            raise RoleConfigError(f"{where}: role must be one of {', '.join(ROLES)}")
        departments = raw.get("departments", [])
        if not isinstance(departments, list) or not all(isinstance(d, str) for d in departments):
            raise RoleConfigError(f"{where}: departments must be a list of codes")
        departments = {d.strip().upper() for d in departments}
        unknown = departments - known
        if unknown:
            raise RoleConfigError(f"{where}: unknown department code(s) {sorted(unknown)}")
        if role == UPLOADER and not departments:
            raise RoleConfigError(f"{where}: an uploader needs departments")
        rules.append(
            Rule(
                role=role,
                departments=frozenset(departments),
                email=str(raw["email"]).strip().lower() if "email" in raw else None,
                email_domain=str(raw["email_domain"]).strip().lower().lstrip("@")
                if "email_domain" in raw
                else None,
                claim=str(raw["claim"]) if "claim" in raw else None,
                value=str(raw["value"]) if "value" in raw else None,
            )
        )
    return RoleConfig(tuple(rules), logged_in_role, anonymous_role, source)


_CACHE: dict[str, tuple[tuple[int, int], RoleConfig]] = {}


def role_config() -> RoleConfig:
    """The roles file named by $MELDINGEN_ROLES, re-read when it changes.

    No file configured, or a file that cannot be used, grants nobody more than the defaults
    (fail closed); the error is logged and shown to the user on the upload page.
    """
    configured = os.environ.get(ROLES_ENV)
    if not configured:
        return RoleConfig(error="no roles file ($MELDINGEN_ROLES is not set)")
    path = Path(configured)
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = _CACHE.get(str(path))
        if cached and cached[0] == key:
            return cached[1]
        config = parse_role_config(path.read_text(encoding="utf-8"), str(path))
    except (OSError, RoleConfigError) as error:
        LOG.error("roles file unusable: %s", error)
        return RoleConfig(source=str(path), error=str(error))
    _CACHE[str(path)] = (key, config)
    return config


def principal_from_claims(claims: Mapping[str, object], config: RoleConfig) -> Principal:
    """The rights of a logged-in user: the union of every rule that matches their claims."""
    email = _verified_email(claims)
    subject = claims.get("sub")
    identity = email or (f"sub:{subject}" if subject else "onbekend")
    name = str(claims.get("name") or email or identity)
    roles: set[str] = set()
    departments: set[str] = set()
    for rule in config.rules:
        if rule.matches(claims):
            roles.add(rule.role)
            if rule.role == UPLOADER:
                departments |= rule.departments
    if roles or config.logged_in_role == VIEWER:
        roles.add(VIEWER)  # whoever may upload or administer may also view
    return Principal(
        identity=identity,
        name=name,
        mode=MODE_LOGIN,
        logged_in=True,
        roles=frozenset(roles),
        departments=frozenset(departments),
        config_error=config.error,
    )


def anonymous_principal(config: RoleConfig, mode: str = MODE_LOGIN) -> Principal:
    roles = frozenset({VIEWER}) if config.anonymous_role == VIEWER else frozenset()
    return Principal("anoniem", "anoniem", mode, False, roles, config_error=config.error)


def local_principal() -> Principal:
    """The one person at this machine, in local mode: the administrator."""
    identity = f"lokaal ({getpass.getuser()}@{socket.gethostname()})"
    return Principal(
        identity=identity,
        name=identity,
        mode=MODE_LOCAL,
        logged_in=True,
        roles=frozenset({VIEWER, UPLOADER, ADMINISTRATOR}),
    )


# --- Streamlit glue -------------------------------------------------------------------------


def auth_configured() -> bool:
    """True when `.streamlit/secrets.toml` (or secrets.files) has an [auth] section."""
    import streamlit as st

    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def local_mode_allowed() -> bool:
    """Local mode needs a loopback server address, a loopback browser and no proxy in between."""
    import streamlit as st

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
    import streamlit as st

    if auth_configured():
        config = role_config()
        user = st.user
        if user.get("is_logged_in"):
            return principal_from_claims(user.to_dict(), config)
        return anonymous_principal(config)
    if local_mode_allowed():
        return local_principal()
    return Principal(
        "anoniem",
        "anoniem",
        MODE_UNCONFIGURED,
        False,
        frozenset({VIEWER}),
    )


def _provider() -> str | None:
    """None for a single provider configured directly in [auth], else the first named one."""
    import streamlit as st

    section = st.secrets.get("auth", {})
    if "client_id" in section:
        return None
    for name, value in section.items():
        if isinstance(value, Mapping) and "client_id" in value:
            return str(name)
    return None


def require_access(lang: str) -> Principal:
    """The principal; stops the run with a login prompt when this user may see nothing."""
    import streamlit as st

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
            st.login(_provider())
    st.stop()
    return principal  # not reached


def account_control(principal: Principal, lang: str) -> None:
    """Login or logout in the sidebar, and who is working in local mode."""
    import streamlit as st

    box = st.sidebar.container(border=True)
    if principal.mode == MODE_LOCAL:
        box.caption(text("auth.local_mode_sidebar", lang, identity=principal.identity))
    elif principal.mode == MODE_LOGIN and principal.logged_in:
        box.caption(text("auth.logged_in_as", lang, name=principal.name))
        if box.button(text("auth.logout", lang), key="auth_logout"):
            st.logout()
    elif principal.mode == MODE_LOGIN:
        if box.button(text("auth.login", lang), key="auth_login"):
            st.login(_provider())
    else:
        box.caption(text("auth.unconfigured_sidebar", lang))
