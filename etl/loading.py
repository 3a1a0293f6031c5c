"""Third step of the flow: validated files -> one transaction each in the warehouse, with history."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import getpass
import hashlib
import json
import os
import socket
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl import warehouse
from etl.contract import REPORT_FILE
from etl.problems import Problem
from etl.validation import ValidationResult, validate_file

DATA_EXTENSIONS = (".csv", ".txt", ".xlsx", ".xlsm", ".xls")
FTE_CHANNEL = ""
AUDIT_JOURNAL_ENV = "MELDINGEN_AUDIT_JOURNAL"
JOURNAL_SUFFIX = ".audit.jsonl"

Scope = tuple[str, int, str]


@dataclass(frozen=True)
class IncomingFile:
    file_name: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class LoadOutcome:
    """What happened to one file: 'loaded', 'unchanged', 'rejected' or 'conflict'.

    'conflict' only happens when the caller passed `expected_current` (the versions in force that
    its user reviewed) and another load changed one of them since: nothing was stored, and
    `conflicts` lists the (department, year, channel) that changed.
    """

    file_name: str
    status: str
    submission_id: str | None = None
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    reports: int = 0
    scope: list[tuple[str, int, str]] = field(default_factory=list)
    replaced: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)
    sha256: str | None = None
    channel_totals: dict[str, int] = field(default_factory=dict)
    conflicts: list[tuple[str, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class StoredSubmission:
    """Provenance to keep when a stored file is loaded again by rebuild."""

    submission_id: str
    sequence_number: int
    loaded_at: dt.datetime
    loaded_by: str
    note: str | None


def default_loader_identity() -> str:
    return os.environ.get("MELDINGEN_USER") or f"{getpass.getuser()}@{socket.gethostname()} (cli)"


def running_as_command_line() -> bool:
    """True in the process of `python -m etl`."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return spec is not None and spec.name == "etl.__main__"


def audit_journal_path(db_path: Path | None = None) -> Path:
    """The append-only journal of refusals: $MELDINGEN_AUDIT_JOURNAL, else beside the warehouse."""
    configured = os.environ.get(AUDIT_JOURNAL_ENV)
    if configured:
        return Path(configured)
    path = Path(db_path or warehouse.default_db_path())
    return path.with_name(f"{path.name}{JOURNAL_SUFFIX}")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def journal_refusal(
    db_path: Path | None,
    *,
    action: str,
    actor: str,
    source: str,
    file_name: str | None = None,
    sha256: str | None = None,
    size_bytes: int | None = None,
    departments: Iterable[str] = (),
    problems: Iterable[Problem] = (),
    scopes: Iterable[Scope] = (),
    detail: str | None = None,
) -> dict[str, object]:
    """Append one event that changed nothing in the warehouse to the journal, and return it.

    action: 'rejected' (the file failed validation), 'conflict' (the versions in force changed
    since the user's review), 'denied' (the user may not act for a department in the file) or
    'unchanged' (exactly this file is already in force). Only problem codes and positions are
    kept, never a cell value: the journal never holds file contents.
    """
    problems = list(problems)
    event: dict[str, object] = {
        "at": _utc_now().isoformat(timespec="seconds") + "Z",
        "actor": actor,
        "source": source,
        "action": action,
        "file_name": Path(file_name).name if file_name else None,
        "sha256": sha256,
        "size_bytes": size_bytes,
        "departments": sorted(set(departments)),
        "problem_count": len(problems),
        "problem_codes": dict(sorted(Counter(p.code for p in problems).items())),
        "first_problems": [[p.code, p.line, p.column_number] for p in problems[:20]],
        "scopes": [list(scope) for scope in scopes],
        "detail": detail,
    }
    path = audit_journal_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
    with open(path, "ab") as journal:
        fcntl.flock(journal, fcntl.LOCK_EX)
        try:
            journal.write(line)
            journal.flush()
            os.fsync(journal.fileno())
        finally:
            fcntl.flock(journal, fcntl.LOCK_UN)
    return event


def read_journal(db_path: Path | None = None) -> list[dict[str, object]]:
    """Every journal event, oldest first; a line cut off by a crash is skipped."""
    path = audit_journal_path(db_path)
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            events.append(json.loads(line))
    return events


def is_synthetic(file_name: str) -> bool:
    lowered = file_name.lower()
    return "synthetisch" in lowered or "synthetic" in lowered


def collect_files(paths: list[Path]) -> tuple[list[IncomingFile], list[LoadOutcome]]:
    """Expand folders (data files only, sorted) and read every file's bytes."""
    incoming: list[IncomingFile] = []
    missing: list[LoadOutcome] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in DATA_EXTENSIONS:
                    incoming.append(IncomingFile(str(child), child.read_bytes()))
        elif path.is_file():
            incoming.append(IncomingFile(str(path), path.read_bytes()))
        else:
            missing.append(
                LoadOutcome(str(path), "rejected", problems=[Problem("load.not_found", str(path))])
            )
    return incoming, missing


def scope_frame(result: ValidationResult) -> pd.DataFrame:
    """(department, year, channel, report_count) that an accepted file covers (channel '' for fte)."""
    records = result.records
    assert records is not None
    if result.file_kind == REPORT_FILE:
        scope = records.groupby(["department", "year", "channel"], as_index=False)["count"].sum()
    else:
        scope = records.groupby(["department", "year"], as_index=False).size()
        scope["channel"] = FTE_CHANNEL
        scope["count"] = 0
    return scope.rename(columns={"count": "report_count"})[
        ["department", "year", "channel", "report_count"]
    ]


def already_in_force(connection: duckdb.DuckDBPyConnection, sha256: str) -> str | None:
    """The submission id when exactly this file is loaded and none of its scope was replaced."""
    row = connection.execute(
        """
        SELECT s.submission_id
        FROM submission AS s
        JOIN submission_scope AS sc ON sc.submission_id = s.submission_id
        WHERE s.sha256 = ?
        GROUP BY s.submission_id, s.sequence_number
        HAVING bool_and(sc.superseded_by IS NULL)
        ORDER BY s.sequence_number DESC
        LIMIT 1
        """,
        [sha256],
    ).fetchall()
    return row[0][0] if row else None


def versions_in_force(
    connection: duckdb.DuckDBPyConnection, scopes: Iterable[Scope]
) -> dict[Scope, str | None]:
    """The submission in force for each (department, year, channel), None where nothing is."""
    wanted = sorted({(str(d), int(y), str(c)) for d, y, c in scopes})
    found: dict[Scope, str | None] = dict.fromkeys(wanted)
    if not wanted:
        return found
    # Bound as one list of 'department|year|channel' keys: no SQL is formatted, and nothing is
    # registered (DuckDB refuses that on a connection with an unfinished result).
    keys = [f"{department}|{year}|{channel}" for department, year, channel in wanted]
    rows = connection.execute(
        """
        SELECT c.department, c.year, c.channel, c.submission_id
        FROM v_current_scope AS c
        WHERE list_contains(?::VARCHAR[], c.department || '|' || c.year || '|' || c.channel)
        """,
        [keys],
    ).fetchall()
    for department, year, channel, submission_id in rows:
        found[(department, int(year), channel)] = submission_id
    return found


def changed_since(
    connection: duckdb.DuckDBPyConnection, expected: Mapping[Scope, str | None]
) -> list[Scope]:
    """The scopes whose submission in force is no longer the one the caller expected."""
    now = versions_in_force(connection, expected)
    return [scope for scope in sorted(now) if now[scope] != expected.get(scope)]


@dataclass(frozen=True)
class _Audit:
    actor: str
    source: str


def _next_event_id(connection: duckdb.DuckDBPyConnection) -> int:
    return connection.execute("SELECT coalesce(max(event_id), 0) + 1 FROM audit_log").fetchone()[0]


def _pause_for_fault_tests() -> None:
    # Fault-injection hook for the SIGKILL test: announce being inside the transaction, then wait.
    flag = os.environ.get("MELDINGEN_TEST_PAUSE_IN_TRANSACTION")
    if flag:
        Path(flag).write_text("in transaction", encoding="utf-8")
        time.sleep(float(os.environ.get("MELDINGEN_TEST_PAUSE_SECONDS", "30")))


def _insert_submission(
    connection: duckdb.DuckDBPyConnection,
    incoming: IncomingFile,
    result: ValidationResult,
    loaded_by: str,
    note: str | None,
    stored: StoredSubmission | None,
    audit: _Audit | None = None,
) -> LoadOutcome:
    records = result.records
    assert records is not None and result.file_kind is not None
    scope = scope_frame(result)
    if stored is None:
        sequence_number = connection.execute(
            "SELECT coalesce(max(sequence_number), 0) + 1 FROM submission"
        ).fetchone()[0]
        submission_id = f"S{sequence_number:06d}"
        loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    else:
        sequence_number, submission_id = stored.sequence_number, stored.submission_id
        loaded_at, loaded_by, note = stored.loaded_at, stored.loaded_by, stored.note
    report_total = int(records["count"].sum()) if result.file_kind == REPORT_FILE else 0

    connection.execute("BEGIN TRANSACTION")
    try:
        connection.execute(
            "INSERT INTO submission_file (sha256, size_bytes, content) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [incoming.sha256, len(incoming.content), incoming.content],
        )
        connection.execute(
            "INSERT INTO submission VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                submission_id,
                sequence_number,
                Path(incoming.file_name).name,
                incoming.sha256,
                result.file_kind,
                len(records),
                report_total,
                loaded_at,
                loaded_by,
                is_synthetic(incoming.file_name),
                note,
            ],
        )
        connection.register("incoming_scope", scope)
        replaced_rows = connection.execute(
            """
            SELECT sc.submission_id, sc.department, sc.year, sc.channel
            FROM submission_scope AS sc
            JOIN incoming_scope AS i
                ON i.department = sc.department AND i.year = sc.year AND i.channel = sc.channel
            WHERE sc.superseded_by IS NULL AND sc.file_kind = ?
            ORDER BY sc.submission_id, sc.department, sc.year, sc.channel
            """,
            [result.file_kind],
        ).fetchall()
        connection.execute(
            """
            UPDATE submission_scope AS sc
            SET superseded_by = ?, superseded_at = ?
            FROM incoming_scope AS i
            WHERE i.department = sc.department AND i.year = sc.year AND i.channel = sc.channel
                AND sc.superseded_by IS NULL AND sc.file_kind = ?
            """,
            [submission_id, loaded_at, result.file_kind],
        )
        connection.execute(
            """
            INSERT INTO submission_scope
            SELECT ?, ?, department, year, channel, report_count, NULL, NULL FROM incoming_scope
            """,
            [submission_id, result.file_kind],
        )
        connection.register("incoming_records", records)
        if result.file_kind == REPORT_FILE:
            connection.execute(
                """
                INSERT INTO report
                SELECT ?, line, department, year, channel, category, concerns_discrimination,
                       ground, outcome, organisation, link_key, count
                FROM incoming_records
                """,
                [submission_id],
            )
        else:
            connection.execute(
                "INSERT INTO fte SELECT ?, line, department, year, fte, employees "
                "FROM incoming_records",
                [submission_id],
            )
        if audit is not None:
            _audit_commit(
                connection, audit, submission_id, loaded_at, incoming, scope, replaced_rows,
                len(records), report_total, note,
            )  # fmt: skip
        _pause_for_fault_tests()
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        for name in ("incoming_scope", "incoming_records"):
            connection.unregister(name)

    replaced: dict[str, list[tuple[str, int, str]]] = {}
    for old_id, department, year, channel in replaced_rows:
        replaced.setdefault(old_id, []).append((department, year, channel))
    channel_totals: dict[str, int] = {}
    if result.file_kind == REPORT_FILE:
        sums = records.groupby("channel")["count"].sum()
        channel_totals = {str(channel): int(total) for channel, total in sums.items()}
    return LoadOutcome(
        file_name=incoming.file_name,
        status="loaded",
        submission_id=submission_id,
        rows=len(records),
        reports=report_total,
        scope=[(r.department, int(r.year), r.channel) for r in scope.itertuples()],
        replaced=replaced,
        sha256=incoming.sha256,
        channel_totals=channel_totals,
    )


def _audit_commit(
    connection: duckdb.DuckDBPyConnection,
    audit: _Audit,
    submission_id: str,
    at: dt.datetime,
    incoming: IncomingFile,
    scope: pd.DataFrame,
    replaced_rows: list[tuple],
    rows: int,
    reports: int,
    note: str | None,
) -> None:
    """The audit rows of one stored submission, inside its transaction."""
    event_id = _next_event_id(connection)
    departments = ",".join(sorted(set(scope["department"])))
    connection.execute(
        "INSERT INTO audit_log (event_id, occurred_at, actor, source, action, submission_id, "
        "departments, file_name, sha256, row_count, report_count, note) "
        "VALUES (?, ?, ?, ?, 'commit', ?, ?, ?, ?, ?, ?, ?)",
        [
            event_id, at, audit.actor, audit.source, submission_id, departments,
            Path(incoming.file_name).name, incoming.sha256, rows, reports, note,
        ],
    )  # fmt: skip
    for offset, (old_id, department, year, channel) in enumerate(replaced_rows, start=1):
        connection.execute(
            "INSERT INTO audit_log (event_id, occurred_at, actor, source, action, submission_id, "
            "replaced_submission_id, departments, year, channel) "
            "VALUES (?, ?, ?, ?, 'replace', ?, ?, ?, ?, ?)",
            [event_id + offset, at, audit.actor, audit.source, submission_id, old_id,
             department, year, channel],
        )  # fmt: skip


def load_files(
    files: list[IncomingFile],
    db_path: Path | None = None,
    loaded_by: str | None = None,
    note: str | None = None,
    today: dt.date | None = None,
    *,
    expected_current: Mapping[Scope, str | None] | None = None,
    source: str | None = None,
    journal: bool | None = None,
) -> list[LoadOutcome]:
    """Validate every file, then load the accepted ones, each in its own transaction.

    A rejected file changes nothing and is not kept. All accepted files of one call become
    visible together when the new warehouse file is swapped in. Every stored submission gets its
    audit rows (who, when, what it replaced) in its own transaction.

    expected_current: the submission in force per (department, year, channel) when the user
    reviewed the files (see `versions_in_force`). Checked under the writer lock: if any of them
    changed since, nothing is stored and every accepted file's status is 'conflict'.

    journal: also append refusals (rejected, unchanged, conflict) to the audit journal beside the
    warehouse. Defaults to True in the `python -m etl` command and False for library calls, so a
    rejected file leaves no trace at all there (docs/access.md).
    """
    loaded_by = loaded_by or default_loader_identity()
    command_line = running_as_command_line()
    source = source or ("cli" if command_line else "etl")
    journal = command_line if journal is None else journal
    audit = _Audit(loaded_by, source)
    outcomes: list[LoadOutcome] = []
    accepted: list[tuple[IncomingFile, ValidationResult]] = []
    for incoming in files:
        result = validate_file(incoming.content, incoming.file_name, today)
        if result.accepted:
            accepted.append((incoming, result))
        else:
            outcomes.append(
                LoadOutcome(
                    incoming.file_name, "rejected", problems=result.problems, sha256=incoming.sha256
                )
            )
            if journal:
                journal_refusal(
                    db_path, action="rejected", actor=loaded_by, source=source,
                    file_name=incoming.file_name, sha256=incoming.sha256,
                    size_bytes=len(incoming.content), problems=result.problems,
                )  # fmt: skip
    order = {incoming.file_name: index for index, incoming in enumerate(files)}
    if not accepted:
        return sorted(outcomes, key=lambda outcome: order.get(outcome.file_name, -1))

    changed = False
    refused: list[tuple[LoadOutcome, IncomingFile, ValidationResult]] = []
    try:
        with warehouse.writing(db_path) as connection:
            moved = changed_since(connection, expected_current) if expected_current else []
            if moved:
                for incoming, result in accepted:
                    outcome = LoadOutcome(
                        incoming.file_name, "conflict", sha256=incoming.sha256, conflicts=moved
                    )
                    outcomes.append(outcome)
                    refused.append((outcome, incoming, result))
                raise warehouse.NoChanges
            for incoming, result in accepted:
                existing = already_in_force(connection, incoming.sha256)
                if existing:
                    outcome = LoadOutcome(
                        incoming.file_name, "unchanged", existing, sha256=incoming.sha256
                    )
                    outcomes.append(outcome)
                    refused.append((outcome, incoming, result))
                    continue
                outcomes.append(
                    _insert_submission(connection, incoming, result, loaded_by, note, None, audit)
                )
                changed = True
            if not changed:
                raise warehouse.NoChanges
    except warehouse.NoChanges:
        pass
    if journal:
        for outcome, incoming, result in refused:
            scope = scope_frame(result)
            journal_refusal(
                db_path, action=outcome.status, actor=loaded_by, source=source,
                file_name=incoming.file_name, sha256=incoming.sha256,
                size_bytes=len(incoming.content), departments=scope["department"],
                scopes=outcome.conflicts,
                detail=f"in force: {outcome.submission_id}" if outcome.submission_id else None,
            )  # fmt: skip
    return sorted(outcomes, key=lambda outcome: order.get(outcome.file_name, -1))


AUDIT_COLUMNS = (
    "event_id, occurred_at, actor, source, action, submission_id, replaced_submission_id, "
    "departments, year, channel, file_name, sha256, row_count, report_count, note"
)


def _stored_audit_rows(source: duckdb.DuckDBPyConnection) -> list[tuple]:
    try:
        return source.execute(
            f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY event_id"  # noqa: S608 (constant)
        ).fetchall()
    except duckdb.CatalogException:  # a warehouse from before the audit log
        return []


def rebuild(
    db_path: Path | None = None, today: dt.date | None = None, rebuilt_by: str | None = None
) -> tuple[int, LoadOutcome | None]:
    """Replay every stored submission, in order, into a fresh warehouse and swap it in.

    The audit log is carried over unchanged, with one 'rebuild' event added. Returns the number
    replayed, and the first submission that no longer validates (then the existing warehouse is
    left unchanged).
    """
    path = Path(db_path or warehouse.default_db_path())

    class _Invalid(Exception):
        pass

    failed: LoadOutcome | None = None
    try:
        with warehouse.writing(path, fresh=True) as connection:
            # Read under the writer lock, so that no load can slip in between reading and swapping.
            with warehouse.reading(path) as source:
                stored_rows = source.execute(
                    """
                    SELECT s.submission_id, s.sequence_number, s.loaded_at, s.loaded_by, s.note,
                           s.file_name, f.content
                    FROM submission AS s JOIN submission_file AS f ON f.sha256 = s.sha256
                    ORDER BY s.sequence_number
                    """
                ).fetchall()
                audit_rows = _stored_audit_rows(source)
            for (
                submission_id,
                sequence,
                loaded_at,
                loaded_by,
                note,
                file_name,
                content,
            ) in stored_rows:
                incoming = IncomingFile(file_name, bytes(content))
                result = validate_file(incoming.content, file_name, today)
                if not result.accepted:
                    failed = LoadOutcome(file_name, "rejected", submission_id, result.problems)
                    raise _Invalid
                stored = StoredSubmission(submission_id, sequence, loaded_at, loaded_by, note)
                _insert_submission(connection, incoming, result, loaded_by, note, stored)
            if audit_rows:
                connection.executemany(
                    f"INSERT INTO audit_log ({AUDIT_COLUMNS}) "  # noqa: S608 (constant)
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    audit_rows,
                )
            connection.execute(
                "INSERT INTO audit_log (event_id, occurred_at, actor, source, action, row_count) "
                "VALUES (?, ?, ?, 'rebuild', 'rebuild', ?)",
                [
                    _next_event_id(connection),
                    _utc_now(),
                    rebuilt_by or default_loader_identity(),
                    len(stored_rows),
                ],
            )
    except _Invalid:
        return 0, failed
    return len(stored_rows), None
