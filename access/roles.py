"""Beside the data flow: the roles file ($MELDINGEN_ROLES) and the rights it gives a logged-in user.

The roles file maps a user (by e-mail address, e-mail domain or any claim of the identity token,
such as a group) to roles: viewer, uploader for one or more departments, administrator. See
docs/access.md.

Fail closed: a roles file that is named but missing, unreadable or wrong gives nobody access (not
even a view) until it is fixed, and says why. Falling back to the documented defaults would open
the monitor to anyone exactly when an administrator meant to close it (`anonymous = "none"` and
one typo). Only when $MELDINGEN_ROLES is not set at all do the defaults apply.
"""

from __future__ import annotations

import logging
import os
import re
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
from base.texts import text

LOG = logging.getLogger("meldingenmonitor.auth")

ROLES_ENV = "MELDINGEN_ROLES"
DEFAULT_KEYS = ("logged_in", "anonymous")
RULE_KEYS = ("email", "email_domain", "claim", "value", "role", "departments")
SELECTORS = ("email", "email_domain", "claim")
# A plain DNS name of at least two labels (minbzk.nl, rijksoverheid.nl, xn--...): no wildcard, no
# port, no empty label. A rule never matches by pattern, so '*' would silently match nobody.
_DOMAIN = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")
_LOCAL_PART = re.compile(r"[a-z0-9!#$%&'+/=?^_`{|}~.-]{1,64}")  # no '*', no space, no second '@'
_TOML_LINE = re.compile(r"\(at line (\d+)")


class RoleConfigError(ValueError):
    """The roles file cannot be used: `key` names the rule of the parser (a text in
    base/texts/upload.py), `line` and `rule` where in the file. str() is the English message
    for the log; `message(lang)` the one for the page."""

    def __init__(
        self,
        key: str,
        *,
        source: str = "",
        line: int | None = None,
        rule: int | None = None,
        **params: object,
    ):
        self.key = key
        self.source = source
        self.line = line
        self.rule = rule
        self.params = params
        super().__init__(self.message("en", with_source=True))

    def where(self, lang: str) -> str:
        parts = []
        if self.rule is not None:
            parts.append(text("roles.where_rule", lang, number=self.rule))
        if self.line is not None:
            parts.append(text("roles.where_line", lang, line=self.line))
        return ", ".join(parts)

    def message(self, lang: str, with_source: bool = False) -> str:
        """What is wrong and where: rule number and line, never the value of an e-mail address."""
        where = self.where(lang)
        reason = text(self.key, lang, **self.params)
        prefix = ": ".join(p for p in (self.source if with_source else "", where) if p)
        return f"{prefix}: {reason}" if prefix else reason


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
    error: str | None = None  # why no roles file is in use (English, for the log)
    problem: RoleConfigError | None = None  # set: the named file cannot be used, nobody gets in

    @property
    def usable(self) -> bool:
        return self.problem is None

    def reason(self, lang: str) -> str | None:
        """Why nobody has access, for the page (None while the file is usable)."""
        return None if self.problem is None else self.problem.message(lang)


def closed_config(problem: RoleConfigError) -> RoleConfig:
    """A roles file that cannot be used: no rules and no defaults, so nobody gets access."""
    return RoleConfig(
        rules=(),
        logged_in_role=NO_ACCESS,
        anonymous_role=NO_ACCESS,
        source=problem.source,
        error=str(problem),
        problem=problem,
    )


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


class _Lines:
    """Where tables and keys stand in the TOML text, so an error can name its line (tomllib
    gives no positions). Good enough for a roles file: headers and `key = value` lines."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_-]+)["']?\s*=""")

    def __init__(self, source_text: str):
        self.lines = source_text.splitlines()
        self.headers: list[tuple[int, str, bool]] = []  # (line, name, is an array table)
        for number, line in enumerate(self.lines, start=1):
            found = self._HEADER.match(line)
            if found:
                name = found.group(2).strip("\"' ")
                self.headers.append((number, name, found.group(1) == "[["))

    def _span(self, index: int) -> tuple[int, int]:
        start = self.headers[index][0]
        end = self.headers[index + 1][0] if index + 1 < len(self.headers) else len(self.lines) + 1
        return start, end

    def _find_key(self, start: int, end: int, key: str) -> int | None:
        for number in range(start + 1, end):
            found = self._KEY.match(self.lines[number - 1])
            if found and found.group(1) == key:
                return number
        return None

    def table(self, name: str, array: bool | None = False) -> int | None:
        """The line of table `name` (array: None for either kind)."""
        return next(
            (n for n, header, is_array in self.headers
             if header == name and array in (None, is_array)),
            None,
        )  # fmt: skip

    def table_key(self, name: str, key: str) -> int | None:
        """The line of `key` in table `name` ("": the top level, before the first header)."""
        if name == "":
            first = self.headers[0][0] if self.headers else len(self.lines) + 1
            return self._find_key(0, first, key)
        for index, (_, header, array) in enumerate(self.headers):
            if header == name and not array:
                return self._find_key(*self._span(index), key)
        return None

    def rule(self, number: int, key: str | None = None) -> int | None:
        """The line of the number-th [[rule]] (1-based), or of its key."""
        rules = [
            i for i, (_, header, array) in enumerate(self.headers) if header == "rule" and array
        ]
        if number > len(rules):
            return None
        start, end = self._span(rules[number - 1])
        if key is not None:
            return self._find_key(start, end, key) or start
        return start


def _email_domain(value: str) -> bool:
    return bool(_DOMAIN.fullmatch(value))


def _email(value: str) -> bool:
    local, at, domain = value.rpartition("@")
    return bool(at) and bool(_LOCAL_PART.fullmatch(local)) and _email_domain(domain)


def parse_role_config(source_text: str, source: str = "") -> RoleConfig:
    """Parse and check a roles file (TOML); raises RoleConfigError naming the rule and the line.

    Everything that would silently grant more or less than written is refused: departments on a
    viewer or administrator rule (an administrator has every department anyway), an empty,
    wildcard or malformed e-mail address or domain, a claim rule on the e-mail claim (it would
    skip the email_verified check), and any unknown key or section (a typo would be ignored).
    """
    try:
        data = tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_LINE.search(str(error))
        raise RoleConfigError(
            "roles.not_toml",
            source=source,
            line=int(position.group(1)) if position else None,
            error=_TOML_LINE.split(str(error))[0].strip(),
        ) from error
    lines = _Lines(source_text)

    unknown_sections = sorted(set(data) - {"defaults", "rule"})
    if unknown_sections:
        first = unknown_sections[0]
        raise RoleConfigError(
            "roles.unknown_section",
            source=source,
            line=lines.table(first, array=None) or lines.table_key("", first),
            names=", ".join(unknown_sections),
        )

    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise RoleConfigError(
            "roles.defaults_table", source=source, line=lines.table_key("", "defaults")
        )
    unknown_defaults = sorted(set(defaults) - set(DEFAULT_KEYS))
    if unknown_defaults:
        raise RoleConfigError(
            "roles.unknown_default",
            source=source,
            line=lines.table_key("defaults", unknown_defaults[0]) or lines.table("defaults"),
            names=", ".join(unknown_defaults),
        )
    chosen = {}
    for name in DEFAULT_KEYS:
        value = defaults.get(name, VIEWER)
        if value not in (VIEWER, NO_ACCESS):
            raise RoleConfigError(
                "roles.default_value",
                source=source,
                line=lines.table_key("defaults", name),
                name=name,
            )
        chosen[name] = value

    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RoleConfigError("roles.rule_table", source=source, line=lines.table_key("", "rule"))
    known = set(known_departments())
    rules = [_rule(raw, number, source, lines, known) for number, raw in enumerate(raw_rules, 1)]
    return RoleConfig(tuple(rules), chosen["logged_in"], chosen["anonymous"], source)


def _rule(raw: object, number: int, source: str, lines: _Lines, known: set[str]) -> Rule:
    def refused(key: str, at: str | None = None, **params: object) -> RoleConfigError:
        return RoleConfigError(
            key, source=source, rule=number, line=lines.rule(number, at), **params
        )

    if not isinstance(raw, dict):
        raise refused("roles.rule_table")
    extra = sorted(set(raw) - set(RULE_KEYS))
    if extra:
        raise refused(
            "roles.unknown_key", extra[0], names=", ".join(extra), allowed=", ".join(RULE_KEYS)
        )
    for key in ("email", "email_domain", "claim", "value", "role"):
        if key in raw and not isinstance(raw[key], str):
            raise refused("roles.not_text", key, field=key)
    selectors = [key for key in SELECTORS if key in raw]
    if len(selectors) != 1:
        raise refused("roles.one_selector")
    role = raw.get("role")
    if role not in ROLES:
        raise refused("roles.role", "role", roles=", ".join(ROLES))

    email = email_domain = claim = value = None
    if "email" in raw:
        email = raw["email"].strip().lower()
        if "*" in email or "?" in email:
            raise refused("roles.wildcard", "email", field="email")
        if not _email(email):
            raise refused("roles.email", "email")
    elif "email_domain" in raw:
        email_domain = raw["email_domain"].strip().lower().removeprefix("@")
        if not email_domain:
            raise refused("roles.empty", "email_domain", field="email_domain")
        if "*" in email_domain or "?" in email_domain:
            raise refused("roles.wildcard", "email_domain", field="email_domain")
        if not _email_domain(email_domain):
            raise refused("roles.email_domain", "email_domain")
    else:
        claim = raw["claim"].strip()
        if not claim:
            raise refused("roles.empty", "claim", field="claim")
        if claim.lower() in ("email", "email_verified"):
            raise refused("roles.email_claim", "claim")
    if "value" in raw and claim is None:
        raise refused("roles.value_without_claim", "value")
    if claim is not None:
        if "value" not in raw:
            raise refused("roles.claim_value")
        value = raw["value"]
        if not value.strip():
            raise refused("roles.empty", "value", field="value")
        if value.strip() == "*":
            raise refused("roles.wildcard", "value", field="value")

    if "departments" in raw and role != UPLOADER:
        raise refused("roles.departments_not_uploader", "departments", role=role)
    departments = raw.get("departments", [])
    if not isinstance(departments, list) or not all(isinstance(d, str) for d in departments):
        raise refused("roles.departments_list", "departments")
    codes = {d.strip().upper() for d in departments}
    unknown = sorted(codes - known)
    if unknown:
        raise refused("roles.unknown_department", "departments", codes=", ".join(unknown))
    if role == UPLOADER and not codes:
        raise refused("roles.uploader_departments", "role")
    return Rule(
        role=role,
        departments=frozenset(codes),
        email=email,
        email_domain=email_domain,
        claim=claim,
        value=value,
    )


_CACHE: dict[str, tuple[tuple[int, int], RoleConfig]] = {}
_REPORTED: set[str] = set()  # problems already logged: once per problem, not on every page run


def _report(config: RoleConfig) -> RoleConfig:
    if config.problem is not None and config.error not in _REPORTED:
        _REPORTED.add(str(config.error))
        LOG.error("roles file unusable, nobody has access until it is fixed: %s", config.error)
    return config


def role_config() -> RoleConfig:
    """The roles file named by $MELDINGEN_ROLES, re-read when it changes.

    Not set at all: the documented defaults (viewer for everyone, no uploader, no administrator).
    Set, but empty, missing, unreadable or wrong: nobody has access (`RoleConfig.problem` says
    why); logged once per problem, shown on the page by app/auth.py.
    """
    configured = os.environ.get(ROLES_ENV)
    if configured is None:
        return RoleConfig(error="no roles file ($MELDINGEN_ROLES is not set)")
    if not configured.strip():
        return _report(closed_config(RoleConfigError("roles.env_empty", env=ROLES_ENV)))
    path = Path(configured)
    source = str(path)
    try:
        stat = path.stat()
    except OSError as error:
        missing = "roles.missing" if isinstance(error, FileNotFoundError) else "roles.unreadable"
        problem = RoleConfigError(missing, source=source, error=type(error).__name__)
        return _report(closed_config(problem))
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(source)
    if cached and cached[0] == key:
        return cached[1]
    try:
        config = parse_role_config(path.read_text(encoding="utf-8"), source)
    except RoleConfigError as problem:
        config = closed_config(problem)
    except (OSError, UnicodeDecodeError) as error:
        config = closed_config(
            RoleConfigError("roles.unreadable", source=source, error=type(error).__name__)
        )
    _CACHE[source] = (key, config)
    if config.usable:
        _REPORTED.clear()  # the same mistake made again later is logged again
        LOG.info("roles file %s: %d rule(s)", source, len(config.rules))
    return _report(config)


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
        config_error=config.error if config.problem else None,
    )


def anonymous_principal(config: RoleConfig, mode: str = MODE_LOGIN) -> Principal:
    """A visitor who did not log in: a viewer or nobody, as the roles file's [defaults] say."""
    roles = frozenset({VIEWER}) if config.anonymous_role == VIEWER else frozenset()
    error = config.error if config.problem else None
    return Principal("anoniem", "anoniem", mode, False, roles, config_error=error)
