"""Third step of the flow: validated files -> one transaction each in the warehouse, with history."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import os
import socket
import time
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


@dataclass(frozen=True)
class IncomingFile:
    file_name: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class LoadOutcome:
    """What happened to one file: 'loaded', 'unchanged' or 'rejected'."""

    file_name: str
    status: str
    submission_id: str | None = None
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    reports: int = 0
    scope: list[tuple[str, int, str]] = field(default_factory=list)
    replaced: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)


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


def _scope_frame(result: ValidationResult) -> pd.DataFrame:
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


def _already_in_force(connection: duckdb.DuckDBPyConnection, sha256: str) -> str | None:
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
    ).fetchone()
    return row[0] if row else None


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
) -> LoadOutcome:
    records = result.records
    assert records is not None and result.file_kind is not None
    scope = _scope_frame(result)
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
    return LoadOutcome(
        file_name=incoming.file_name,
        status="loaded",
        submission_id=submission_id,
        rows=len(records),
        reports=report_total,
        scope=[(r.department, int(r.year), r.channel) for r in scope.itertuples()],
        replaced=replaced,
    )


def load_files(
    files: list[IncomingFile],
    db_path: Path | None = None,
    loaded_by: str | None = None,
    note: str | None = None,
    today: dt.date | None = None,
) -> list[LoadOutcome]:
    """Validate every file, then load the accepted ones, each in its own transaction.

    A rejected file changes nothing and is not kept. All accepted files of one call become
    visible together when the new warehouse file is swapped in.
    """
    loaded_by = loaded_by or default_loader_identity()
    outcomes: list[LoadOutcome] = []
    accepted: list[tuple[IncomingFile, ValidationResult]] = []
    for incoming in files:
        result = validate_file(incoming.content, incoming.file_name, today)
        if result.accepted:
            accepted.append((incoming, result))
        else:
            outcomes.append(LoadOutcome(incoming.file_name, "rejected", problems=result.problems))
    if not accepted:
        return outcomes

    changed = False
    try:
        with warehouse.writing(db_path) as connection:
            for incoming, result in accepted:
                existing = _already_in_force(connection, incoming.sha256)
                if existing:
                    outcomes.append(LoadOutcome(incoming.file_name, "unchanged", existing))
                    continue
                outcomes.append(
                    _insert_submission(connection, incoming, result, loaded_by, note, None)
                )
                changed = True
            if not changed:
                raise warehouse.NoChanges
    except warehouse.NoChanges:
        pass
    order = {incoming.file_name: index for index, incoming in enumerate(files)}
    return sorted(outcomes, key=lambda outcome: order.get(outcome.file_name, -1))


def rebuild(
    db_path: Path | None = None, today: dt.date | None = None
) -> tuple[int, LoadOutcome | None]:
    """Replay every stored submission, in order, into a fresh warehouse and swap it in.

    Returns the number replayed, and the first submission that no longer validates (then the
    existing warehouse is left unchanged).
    """
    path = Path(db_path or warehouse.default_db_path())
    with warehouse.reading(path) as source:
        stored_rows = source.execute(
            """
            SELECT s.submission_id, s.sequence_number, s.loaded_at, s.loaded_by, s.note,
                   s.file_name, f.content
            FROM submission AS s JOIN submission_file AS f ON f.sha256 = s.sha256
            ORDER BY s.sequence_number
            """
        ).fetchall()

    class _Invalid(Exception):
        pass

    failed: LoadOutcome | None = None
    try:
        with warehouse.writing(path, fresh=True) as connection:
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
    except _Invalid:
        return 0, failed
    return len(stored_rows), None
