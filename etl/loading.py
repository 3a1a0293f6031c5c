"""Third step of the flow: validated files -> one transaction each in the warehouse, with history.

The raw bytes of every accepted file go to the raw store beside the warehouse (etl/raw_store.py)
before the warehouse that refers to them is swapped in; `rebuild` replays them.
"""

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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from etl import raw_store, warehouse
from etl.contract import FTE_FILE, MEASURES_CHANNEL, MEASURES_FILE, REPORT_FILE
from etl.isolation import validate_untrusted
from etl.problems import Problem
from etl.validation import ValidationResult, validate_file

DATA_EXTENSIONS = (".csv", ".txt", ".xlsx", ".xlsm", ".xls")
FTE_CHANNEL = ""
AUDIT_JOURNAL_ENV = "MELDINGEN_AUDIT_JOURNAL"
JOURNAL_SUFFIX = ".audit.jsonl"
# How a file's bytes are kept (etl/sql/tables/02_submission_file.sql): in the raw store always
# ZSTD; in `submission_file.content` of warehouses from before the raw store, either.
IDENTITY = "identity"
ZSTD = raw_store.ENCODING

Scope = tuple[str, int, str]
AfterLoad = Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(frozen=True)
class IncomingFile:
    file_name: str
    content: bytes

    @cached_property
    def sha256(self) -> str:
        # Asked for several times per load; hashing a large file each time costs 40 ms per 67 MB.
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
    file_kind: str | None = None  # etl.contract.REPORT_FILE, FTE_FILE or MEASURES_FILE


@dataclass(frozen=True)
class StoredSubmission:
    """Provenance to keep when a stored file is loaded again by rebuild."""

    submission_id: str
    sequence_number: int
    loaded_at: dt.datetime
    loaded_by: str
    note: str | None
    source: str = "etl"


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
    """(department, year, channel, report_count) that an accepted file covers (channel '' for fte,
    MEASURES_CHANNEL for measures; no reports for either)."""
    records = result.records
    assert records is not None
    if result.file_kind == REPORT_FILE:
        scope = records.groupby(["department", "year", "channel"], as_index=False)["count"].sum()
    else:
        scope = records.groupby(["department", "year"], as_index=False).size()
        scope["channel"] = MEASURES_CHANNEL if result.file_kind == MEASURES_FILE else FTE_CHANNEL
        scope["count"] = 0
    return scope.rename(columns={"count": "report_count"})[
        ["department", "year", "channel", "report_count"]
    ]


def _decode_raw(encoding: str, stored: bytes, size_bytes: int) -> bytes:
    """The original bytes of a file kept inside an older warehouse (content_encoding, content,
    size_bytes of submission_file)."""
    if encoding == IDENTITY:
        return bytes(stored)
    if encoding == ZSTD:
        return pa.Codec(ZSTD).decompress(stored, decompressed_size=size_bytes, asbytes=True)
    raise ValueError(f"unknown content_encoding {encoding!r}")


def raw_file(
    connection: duckdb.DuckDBPyConnection, sha256: str, store: Path | None = None
) -> bytes | None:
    """The exact bytes of the stored file with this sha256, None when the warehouse has none.

    Every reader of raw files goes through here: the stored form is not the original bytes. They
    are read from the raw store beside the warehouse the connection has open (or `store`), or,
    in a warehouse from before the raw store, from `submission_file.content`. Raises
    raw_store.MissingRawFile when the warehouse refers to a file the store lacks, and
    raw_store.CorruptRawFile when the stored file does not match its sha256.
    """
    try:
        row = connection.execute(
            "SELECT content_encoding, size_bytes, octet_length(content) > 0 FROM submission_file "
            "WHERE sha256 = ?",
            [sha256],
        ).fetchone()
    except duckdb.BinderException:
        # A warehouse no writer has touched since content_encoding was added: stored as delivered.
        row = connection.execute(
            "SELECT ?, size_bytes, octet_length(content) > 0 FROM submission_file WHERE sha256 = ?",
            [IDENTITY, sha256],
        ).fetchone()
    if row is None:
        return None
    encoding, size_bytes, kept_inside = row
    if kept_inside:
        # A warehouse from before the raw store: the bytes are in the row (until `etl rebuild`).
        (content,) = connection.execute(
            "SELECT content FROM submission_file WHERE sha256 = ?", [sha256]
        ).fetchone()
        return _decode_raw(encoding, content, size_bytes)
    if store is None:
        live = warehouse.database_path(connection)
        store = raw_store.store_path(live) if live else None
    if store is None:
        raise raw_store.MissingRawFile(sha256, None)
    return raw_store.get(store, sha256, size_bytes)


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


# The scope is grouped by DuckDB from the rows just inserted (milliseconds for a million rows,
# against 0.2 s for pandas on the records' object columns). Zero rows count: they are delivered.
_INSERT_SCOPE = {
    REPORT_FILE: """
        INSERT INTO submission_scope
        SELECT ?, ?, department, year, channel, sum(count), NULL, NULL
        FROM report WHERE submission_id = ?
        GROUP BY department, year, channel
        """,
    FTE_FILE: """
        INSERT INTO submission_scope
        SELECT ?, ?, department, year, ?, 0, NULL, NULL
        FROM fte WHERE submission_id = ?
        GROUP BY department, year
        """,
    MEASURES_FILE: """
        INSERT INTO submission_scope
        SELECT ?, ?, department, year, ?, 0, NULL, NULL
        FROM measure WHERE submission_id = ?
        GROUP BY department, year
        """,
}


def _insert_submission(
    connection: duckdb.DuckDBPyConnection,
    incoming: IncomingFile,
    result: ValidationResult,
    loaded_by: str,
    note: str | None,
    stored: StoredSubmission | None,
    audit: _Audit | None = None,
    *,
    batch: raw_store.Batch,
) -> LoadOutcome:
    """Store one validated file as a new submission, in its own transaction.

    Its raw bytes go to the raw store first (durably, before the transaction, so before any swap
    that could make the warehouse refer to them), and its manifest entry to `batch`.
    """
    records = result.records
    kind = result.file_kind
    assert records is not None and kind is not None
    if stored is None:
        sequence_number = connection.execute(
            "SELECT coalesce(max(sequence_number), 0) + 1 FROM submission"
        ).fetchone()[0]
        submission_id = f"S{sequence_number:06d}"
        loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    else:
        sequence_number, submission_id = stored.sequence_number, stored.submission_id
        loaded_at, loaded_by, note = stored.loaded_at, stored.loaded_by, stored.note
    report_total = int(records["count"].sum()) if kind == REPORT_FILE else 0
    encoding = raw_store.put(batch.store, incoming.sha256, incoming.content)
    batch.add(
        raw_store.Entry(
            submission_id=submission_id,
            sequence_number=sequence_number,
            file_name=Path(incoming.file_name).name,
            sha256=incoming.sha256,
            size_bytes=len(incoming.content),
            loaded_at=loaded_at,
            loaded_by=loaded_by,
            source=(audit.source if audit is not None else stored.source if stored else "etl"),
            note=note,
            synthetic=is_synthetic(incoming.file_name),
        )
    )

    connection.execute("BEGIN TRANSACTION")
    try:
        # Only the metadata: the bytes are in the raw store. (An older warehouse may already have
        # the row, with the bytes inside; it is kept as it is until `etl rebuild`.)
        known = connection.execute(
            "SELECT count(*) FROM submission_file WHERE sha256 = ?", [incoming.sha256]
        ).fetchone()[0]
        if not known:
            connection.execute(
                "INSERT INTO submission_file (sha256, size_bytes, content, content_encoding) "
                "VALUES (?, ?, ''::BLOB, ?)",
                [incoming.sha256, len(incoming.content), encoding],
            )
        connection.execute(
            "INSERT INTO submission VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                submission_id,
                sequence_number,
                Path(incoming.file_name).name,
                incoming.sha256,
                kind,
                len(records),
                report_total,
                loaded_at,
                loaded_by,
                is_synthetic(incoming.file_name),
                note,
            ],
        )
        connection.register("incoming_records", records)
        if kind == REPORT_FILE:
            # The rows need not be stored in file order (line_number keeps it): unordered, DuckDB
            # inserts a million rows from the records in half the time (0.29 s against 0.58 s).
            connection.execute("SET preserve_insertion_order = false")
            connection.execute(
                """
                INSERT INTO report
                SELECT ?, line, department, year, channel, category, concerns_discrimination,
                       ground, outcome, organisation, link_key, count
                FROM incoming_records
                """,
                [submission_id],
            )
            connection.execute("RESET preserve_insertion_order")
            connection.execute(_INSERT_SCOPE[kind], [submission_id, kind, submission_id])
        elif kind == MEASURES_FILE:
            connection.execute(
                "INSERT INTO measure SELECT ?, line, department, year, kind, activities, "
                "participants, organisation FROM incoming_records",
                [submission_id],
            )
            connection.execute(
                _INSERT_SCOPE[kind], [submission_id, kind, MEASURES_CHANNEL, submission_id]
            )
        else:
            connection.execute(
                "INSERT INTO fte SELECT ?, line, department, year, fte, employees "
                "FROM incoming_records",
                [submission_id],
            )
            connection.execute(
                _INSERT_SCOPE[kind], [submission_id, kind, FTE_CHANNEL, submission_id]
            )
        replaced_rows = connection.execute(
            """
            SELECT sc.submission_id, sc.department, sc.year, sc.channel
            FROM submission_scope AS sc
            JOIN submission_scope AS i
                ON i.department = sc.department AND i.year = sc.year AND i.channel = sc.channel
            WHERE i.submission_id = ? AND sc.submission_id <> ?
                AND sc.superseded_by IS NULL AND sc.file_kind = ?
            ORDER BY sc.submission_id, sc.department, sc.year, sc.channel
            """,
            [submission_id, submission_id, kind],
        ).fetchall()
        connection.execute(
            """
            UPDATE submission_scope AS sc
            SET superseded_by = ?, superseded_at = ?
            FROM submission_scope AS i
            WHERE i.submission_id = ? AND sc.submission_id <> ?
                AND i.department = sc.department AND i.year = sc.year AND i.channel = sc.channel
                AND sc.superseded_by IS NULL AND sc.file_kind = ?
            """,
            [submission_id, loaded_at, submission_id, submission_id, kind],
        )
        scope = connection.execute(
            """
            SELECT department, year, channel, report_count FROM submission_scope
            WHERE submission_id = ?
            ORDER BY department, year, channel
            """,
            [submission_id],
        ).fetchall()
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
        connection.unregister("incoming_records")

    replaced: dict[str, list[tuple[str, int, str]]] = {}
    for old_id, department, year, channel in replaced_rows:
        replaced.setdefault(old_id, []).append((department, year, channel))
    channel_totals: dict[str, int] = {}
    if kind == REPORT_FILE:
        for _, _, channel, count in scope:
            channel_totals[channel] = channel_totals.get(channel, 0) + int(count)
        channel_totals = dict(sorted(channel_totals.items()))
    return LoadOutcome(
        file_name=incoming.file_name,
        status="loaded",
        submission_id=submission_id,
        rows=len(records),
        reports=report_total,
        scope=[(department, int(year), channel) for department, year, channel, _ in scope],
        replaced=replaced,
        sha256=incoming.sha256,
        channel_totals=channel_totals,
        file_kind=kind,
    )


def _audit_commit(
    connection: duckdb.DuckDBPyConnection,
    audit: _Audit,
    submission_id: str,
    at: dt.datetime,
    incoming: IncomingFile,
    scope: list[tuple],
    replaced_rows: list[tuple],
    rows: int,
    reports: int,
    note: str | None,
) -> None:
    """The audit rows of one stored submission, inside its transaction."""
    event_id = _next_event_id(connection)
    departments = ",".join(sorted({department for department, *_ in scope}))
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
    after_load: AfterLoad | None = None,
    reviewed: Mapping[str, ValidationResult] | None = None,
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

    after_load: called once with the writer's connection when at least one file was loaded, after
    every file of the call, before the checkpoint and swap: what it writes becomes visible in the
    same swap as the files. It runs outside any transaction (it may open its own). If it raises,
    nothing of this call is stored and the exception propagates.

    reviewed: validation results the caller already has, by the sha256 of the bytes it validated
    (the upload page's review). A file whose sha256 is there is stored with exactly that result,
    not validated again; any other file is validated here.
    """
    loaded_by = loaded_by or default_loader_identity()
    command_line = running_as_command_line()
    source = source or ("cli" if command_line else "etl")
    journal = command_line if journal is None else journal
    audit = _Audit(loaded_by, source)
    outcomes: list[LoadOutcome] = []
    accepted: list[tuple[IncomingFile, ValidationResult]] = []
    for incoming in files:
        # The key is the hash of the bytes being stored: a result is only ever used for the very
        # bytes it was made from.
        result = (reviewed or {}).get(incoming.sha256)
        if result is None:
            # An untrusted file: in a child process with a memory and time limit (etl/isolation.py).
            result = validate_untrusted(
                incoming.content, incoming.file_name, today, validate=validate_file
            )
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
    path = Path(db_path or warehouse.default_db_path())
    store = raw_store.store_path(path)
    batch = raw_store.Batch(store)
    try:
        with warehouse.writing(path) as connection:
            _reconcile_store(connection, store, path)
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
                    _insert_submission(
                        connection, incoming, result, loaded_by, note, None, audit, batch=batch
                    )
                )
                changed = True
            if not changed:
                raise warehouse.NoChanges
            if after_load is not None:
                after_load(connection)
            batch.write_stored()
        # Reached only when the new warehouse was swapped in.
        batch.commit()
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


REBUILT_FROM_RAW_NOTE = "rebuilt from the raw store's manifest"
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


_SUBMISSIONS_TO_REPLAY = """
    SELECT s.submission_id, s.sequence_number, s.file_name, s.sha256, f.size_bytes, s.loaded_at,
           s.loaded_by, s.note, s.synthetic
    FROM submission AS s
    JOIN submission_file AS f ON f.sha256 = s.sha256
    ORDER BY s.sequence_number
"""


def _entries_in_warehouse(
    connection: duckdb.DuckDBPyConnection, audit_rows: list[tuple]
) -> list[raw_store.Entry]:
    """Every submission of a warehouse as the manifest records it, in order."""
    # AUDIT_COLUMNS: the source is the fourth column, the action the fifth, the submission sixth.
    sources = {row[5]: row[3] for row in audit_rows if row[4] == "commit"}
    return [
        raw_store.Entry(
            submission_id=submission_id,
            sequence_number=int(sequence_number),
            file_name=file_name,
            sha256=sha256,
            size_bytes=int(size_bytes),
            loaded_at=loaded_at,
            loaded_by=loaded_by,
            source=sources.get(submission_id, "etl"),
            note=note,
            synthetic=bool(synthetic),
        )
        for (
            submission_id, sequence_number, file_name, sha256, size_bytes, loaded_at, loaded_by,
            note, synthetic,
        ) in connection.execute(_SUBMISSIONS_TO_REPLAY).fetchall()
    ]  # fmt: skip


def _move_out(
    connection: duckdb.DuckDBPyConnection, store: Path, entries: list[raw_store.Entry]
) -> list[str]:
    """Put into the raw store every file of `entries` that only the warehouse holds (one written
    before the raw store existed); returns the sha256 of those neither holds."""
    missing = []
    for entry in entries:
        if raw_store.contains(store, entry.sha256):
            continue
        try:
            content = raw_file(connection, entry.sha256, store)
        except raw_store.MissingRawFile:
            missing.append(entry.sha256)
            continue
        assert content is not None  # submission.sha256 references submission_file
        raw_store.put(store, entry.sha256, content)
    return missing


def _reconcile_store(connection: duckdb.DuckDBPyConnection, store: Path, live_path: Path) -> None:
    """Before a load adds to it: make the manifest describe the warehouse this writer copied.

    They differ for a warehouse from before the raw store, one restored from a backup, one copied
    without its store, or when a writer died between its swap and its manifest's commit line. Then
    every submission of the warehouse is written to the manifest as a committed snapshot (it is
    what the live file holds), and its raw files that are only inside the warehouse are put into
    the store. A file neither holds (a warehouse copied without its store) is recorded all the
    same: `etl rebuild` then names it, rather than a load failing for it. A missing warehouse
    file whose store records submissions raises raw_store.WarehouseLost.
    """
    raw_store.remove_leftovers(store)
    in_warehouse = connection.execute(
        "SELECT submission_id, sequence_number, sha256 FROM submission"
    ).fetchall()
    recorded = raw_store.entries(store)
    if recorded and not in_warehouse and not live_path.exists():
        # The warehouse file is gone but its history is in the store: rebuild, do not start over.
        raise raw_store.WarehouseLost(store, len(recorded))
    in_manifest = [(e.submission_id, e.sequence_number, e.sha256) for e in recorded]
    if sorted(in_warehouse) == sorted(in_manifest):
        return
    live = _entries_in_warehouse(connection, _stored_audit_rows(connection))
    _move_out(connection, store, live)
    snapshot = raw_store.Batch(store, raw_store.SNAPSHOT)
    for entry in live:
        snapshot.add(entry)
    snapshot.write_stored()
    snapshot.commit()


def warehouse_readable(db_path: Path | None = None) -> bool:
    """True when the warehouse file exists and DuckDB can read all that `rebuild` replays from it.

    False for a missing or damaged file; a file another process holds open for writing raises.
    """
    path = Path(db_path or warehouse.default_db_path())
    if not path.exists():
        return False
    try:
        with warehouse.reading(path) as source:
            _entries_in_warehouse(source, _stored_audit_rows(source))
            source.execute("SELECT count(*), sum(octet_length(content)) FROM submission_file")
    except duckdb.Error as error:
        if warehouse.storage_failure(error) != warehouse.CORRUPT:
            raise
        return False
    return True


def rebuild(
    db_path: Path | None = None,
    today: dt.date | None = None,
    rebuilt_by: str | None = None,
    *,
    after_load: AfterLoad | None = None,
    from_raw: bool | None = None,
) -> tuple[int, LoadOutcome | None]:
    """Replay every stored submission, in order, into a fresh warehouse and swap it in.

    The submissions and their provenance are read from the warehouse, or, with from_raw=True,
    from the raw store's manifest only (for a warehouse that is damaged or lost). from_raw=None
    (the default) reads the manifest when the warehouse cannot be read and the manifest exists.
    The raw bytes are always read from the raw store; a file an older warehouse still holds
    inside is moved out to the store first (the rebuilt warehouse keeps only its metadata).

    From the warehouse, the audit log is carried over unchanged; from the manifest, its commit and
    replace events are made again from the replayed submissions (earlier 'rebuild' events are
    lost). Either way one 'rebuild' event is added. Returns the number replayed, and the first
    submission that no longer validates (then the existing warehouse is left unchanged). Raises
    raw_store.MissingRawFile or CorruptRawFile when a raw file cannot be read back from the store
    (then too the existing warehouse is left unchanged).

    after_load: as for `load_files`, called once with the writer's connection after the replay and
    the audit rows, before the swap. Called also when there was nothing to replay, because the
    swapped-in file is always a new one. If it raises, the existing warehouse is left unchanged and
    the exception propagates.
    """
    path = Path(db_path or warehouse.default_db_path())
    store = raw_store.store_path(path)
    if from_raw is None:
        from_raw = raw_store.has_manifest(store) and not warehouse_readable(path)

    class _Invalid(Exception):
        pass

    failed: LoadOutcome | None = None
    snapshot = raw_store.Batch(store, raw_store.SNAPSHOT)
    try:
        with warehouse.writing(path, fresh=True) as connection:
            # Read under the writer lock, so that no load can slip in between reading and swapping.
            raw_store.remove_leftovers(store)
            if from_raw:
                entries, audit_rows = raw_store.entries(store), []
            else:
                with warehouse.reading(path) as source:
                    audit_rows = _stored_audit_rows(source)
                    entries = _entries_in_warehouse(source, audit_rows)
                    missing = _move_out(source, store, entries)
                if missing:
                    raise raw_store.MissingRawFile(missing[0], store)
            # One raw file at a time: only the one being replayed is held in memory.
            for entry in entries:
                content = raw_store.get(store, entry.sha256, entry.size_bytes)
                incoming = IncomingFile(entry.file_name, content)
                result = validate_file(incoming.content, entry.file_name, today)
                if not result.accepted:
                    failed = LoadOutcome(
                        entry.file_name, "rejected", entry.submission_id, result.problems
                    )
                    raise _Invalid
                stored = StoredSubmission(
                    entry.submission_id, entry.sequence_number, entry.loaded_at, entry.loaded_by,
                    entry.note, entry.source,
                )  # fmt: skip
                # From the manifest the audit rows are made again as the submissions replay.
                audit = _Audit(entry.loaded_by, entry.source) if from_raw else None
                _insert_submission(
                    connection, incoming, result, entry.loaded_by, entry.note, stored, audit,
                    batch=snapshot,
                )  # fmt: skip
            if audit_rows:
                connection.executemany(
                    f"INSERT INTO audit_log ({AUDIT_COLUMNS}) "  # noqa: S608 (constant)
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    audit_rows,
                )
            connection.execute(
                "INSERT INTO audit_log (event_id, occurred_at, actor, source, action, row_count, "
                "note) VALUES (?, ?, ?, 'rebuild', 'rebuild', ?, ?)",
                [
                    _next_event_id(connection),
                    _utc_now(),
                    rebuilt_by or default_loader_identity(),
                    len(entries),
                    REBUILT_FROM_RAW_NOTE if from_raw else None,
                ],
            )
            if after_load is not None:
                after_load(connection)
            snapshot.write_stored()
        snapshot.commit()
    except _Invalid:
        return 0, failed
    return len(entries), None
