"""Beside the data flow: the roles file ($MELDINGEN_ROLES) and the rights it gives a logged-in user.

The roles file maps a user (by e-mail address, e-mail domain or any claim of the identity token,
such as a group) to roles: viewer, uploader for one or more departments, administrator. See
docs/access.md. A file that cannot be used grants nobody more than the defaults (fail closed).
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from access.principal import (
    MODE_LOGIN,
    NO_ACCESS,
    ROLES,
    UPLOADER,
    VIEWER,
    Principal,
)
from base.reference import ministries

LOG = logging.getLogger("meldingenmonitor.auth")

ROLES_ENV = "MELDINGEN_ROLES"


class RoleConfigError(ValueError):
    """The roles file cannot be used; the message says where and what to fix."""


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


def known_departments() -> list[str]:
    """Codes a department can upload for: every ministry of sector Rijk, ever (Defence is not)."""
    return sorted(m.code for m in ministries() if m.in_sector_rijk)


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
    known = set(known_departments())
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
    """A visitor who did not log in: a viewer or nobody, as the roles file's [defaults] say."""
    roles = frozenset({VIEWER}) if config.anonymous_role == VIEWER else frozenset()
    return Principal("anoniem", "anoniem", mode, False, roles, config_error=config.error)
