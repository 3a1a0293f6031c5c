"""Beside the data flow: per department, every submitted version, its bytes and its audit trail.

Only for that department's uploaders and administrators (access.principal.require_department):
these are unprotected counts and the departments' own files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from access.principal import AccessDenied, Principal, require_department
from etl import queries, warehouse
from etl.loading import raw_file, read_journal


def department_history(
    principal: Principal, department: str, db_path: Path | None = None
) -> pd.DataFrame:
    """Every version submitted for one department: who, when, what it covers, what replaced it."""
    require_department(principal, [department])
    path = Path(db_path or warehouse.default_db_path())
    if not path.exists():
        return pd.DataFrame()
    with warehouse.reading(path) as connection:
        history = queries.department_submissions(connection, department)
    # A file covering other departments too is listed, but only downloadable by whoever may see
    # all of them.
    history["downloadable"] = [
        all(principal.may_act_for(d) for d in departments)
        for departments in history["all_departments"]
    ]
    return history


def latest_department(principal: Principal, db_path: Path | None = None) -> str | None:
    """The department this user most recently submitted for (any, for an administrator)."""
    path = Path(db_path or warehouse.default_db_path())
    if not path.exists():
        return None
    with warehouse.reading(path) as connection:
        departments = queries.departments_by_latest_submission(connection)
    allowed = [d for d in departments if principal.may_act_for(d)]
    own = [d for d in allowed if d in principal.departments]
    return (own or allowed or [None])[0]


def submitted_file(
    principal: Principal, submission_id: str, db_path: Path | None = None
) -> tuple[str, bytes]:
    """The exact bytes of a submission, for a user who may see every department it covers."""
    path = Path(db_path or warehouse.default_db_path())
    with warehouse.reading(path) as connection:
        found = queries.submission_file_of(connection, submission_id)
        if found is None:
            raise AccessDenied(principal.identity, f"download {submission_id}")
        file_name, sha256, departments = found
        require_department(principal, departments)
        content = raw_file(connection, sha256)
    assert content is not None  # submission.sha256 references submission_file
    return file_name, content


def audit_trail(principal: Principal, department: str, db_path: Path | None = None) -> pd.DataFrame:
    """Commits and replacements (warehouse) and refusals (journal) concerning one department.

    A refusal of a file whose department could not be read is shown to the user who tried it and
    to administrators.
    """
    require_department(principal, [department])
    path = Path(db_path or warehouse.default_db_path())
    events: list[dict[str, object]] = []
    if path.exists():
        with warehouse.reading(path) as connection:
            rows = queries.department_audit_events(connection, department)
        for at, actor, action, sid, old, _, year, channel, file_name, note in rows:
            events.append(
                {
                    "at": at,
                    "actor": actor,
                    "action": action,
                    "submission_id": sid,
                    "file_name": file_name,
                    "old": old,
                    "year": year,
                    "channel": channel,
                    "note": note,
                }
            )
    for event in read_journal(path):
        departments = event.get("departments") or []
        mine = not departments and (
            principal.is_administrator or event.get("actor") == principal.identity
        )
        if department in departments or mine:
            events.append(
                {
                    "at": pd.Timestamp(str(event["at"]).rstrip("Z")).to_pydatetime(),
                    "actor": event.get("actor"),
                    "action": event.get("action"),
                    "submission_id": None,
                    "file_name": event.get("file_name"),
                    "problems": event.get("problem_count"),
                    "scopes": event.get("scopes"),
                    "detail": event.get("detail"),
                }
            )
    return pd.DataFrame(events)
