"""Beside the data flow: who acts, with which rights, and the server-side checks every action makes.

A `Principal` is the user of one request (a script run of the app, a process of the command line),
with the rights resolved from the roles file (access/roles.py). Pages may hide what a user may not
do, but the decision is always one of the `require_*` calls here, made on the server.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterable
from dataclasses import dataclass

VIEWER, UPLOADER, ADMINISTRATOR = "viewer", "uploader", "administrator"
NO_ACCESS = "none"
ROLES = (VIEWER, UPLOADER, ADMINISTRATOR)
MODE_LOCAL, MODE_LOGIN, MODE_UNCONFIGURED = "local", "login", "unconfigured"


class AccessDenied(PermissionError):
    """The current user may not do this; `departments` names what they asked for but may not touch."""

    def __init__(self, identity: str, action: str, departments: Iterable[str] = ()):
        self.identity = identity
        self.action = action
        self.departments = sorted(set(departments))
        where = f" ({', '.join(self.departments)})" if self.departments else ""
        super().__init__(f"{identity} may not {action}{where}")


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


def local_principal() -> Principal:
    """The one person at this machine, in local mode: the administrator."""
    account = f"{getpass.getuser()}@{socket.gethostname()}"
    # The identity is what provenance records (in Dutch, as every stored value); the name is what
    # the sidebar shows, in any language.
    return Principal(
        identity=f"lokaal ({account})",
        name=account,
        mode=MODE_LOCAL,
        logged_in=True,
        roles=frozenset({VIEWER, UPLOADER, ADMINISTRATOR}),
    )


def unconfigured_principal() -> Principal:
    """A visitor when neither login nor local mode applies: an anonymous viewer."""
    return Principal("anoniem", "anoniem", MODE_UNCONFIGURED, False, frozenset({VIEWER}))
