"""The one place that opens the DuckDB warehouse: short read-only reads, and writes by atomic swap.

DuckDB lets one process open a file for writing and then no other process can open it at all. So
nobody ever writes the live file: a writer takes an exclusive lock, copies the live file to a
temporary file beside it, changes the copy, checkpoints and closes it, and renames it over the live
file (an atomic rename on POSIX). Readers open the live path read-only for a short moment; a reader
that opened the old file keeps reading that complete old version, the next one sees the new one. A
writer that dies leaves only its temporary file, which the next writer removes.

The raw submissions are not in this file but in a store beside it (etl/raw_store.py), written
before the swap, so that a warehouse file that is damaged or lost can be rebuilt from them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

# 2: submission.file_kind admits 'maatregelen', table `measure`, view `v_measures`. A warehouse of
# an older version is copied into the current schema by the next writer (see `writing`).
SCHEMA_VERSION = 2
REPO_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = Path(__file__).resolve().parent / "sql"
DEFAULT_DB_PATH = REPO_ROOT / "var" / "meldingen.duckdb"
VIEW_ORDER = (
    "v_current_scope",
    "v_reports",
    "v_fte",
    "v_measures",
    "v_coverage",
    "v_submission_history",
)
TEMP_SUFFIX = ".writing"
_WRITER_COPY = re.compile(rf"^(?P<live>.+)\.\d+{re.escape(TEMP_SUFFIX)}$")
# What `storage_failure` calls the ways the warehouse's storage can fail.
CORRUPT, LOCKED, DISK_FULL = "corrupt", "locked", "disk_full"


def default_db_path() -> Path:
    """MELDINGEN_DB when set, else var/meldingen.duckdb in the repository."""
    return Path(os.environ.get("MELDINGEN_DB", DEFAULT_DB_PATH))


def live_path(path: Path) -> Path:
    """The live warehouse of a path that may be a writer's copy of it (`<db>.<pid>.writing`)."""
    match = _WRITER_COPY.match(path.name)
    return path.with_name(match["live"]) if match else path


def database_path(connection: duckdb.DuckDBPyConnection) -> Path | None:
    """The file a connection has open (None for an in-memory database)."""
    row = connection.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return Path(row[0]) if row and row[0] else None


def _is_lock_conflict(error: BaseException) -> bool:
    return isinstance(error, duckdb.IOException) and "could not set lock" in str(error).lower()


def storage_failure(error: BaseException) -> str | None:
    """What a failure of the warehouse's storage means for whoever runs a command, or None when
    it is something else (a fault in the code, which should show as such).

    DISK_FULL: no space (or quota) left while writing; the live warehouse is unchanged. LOCKED:
    another process opened the live file for writing (by hand). CORRUPT: DuckDB cannot open or
    read the file (damaged, cut off, not a warehouse).
    """
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DISK_FULL
    if isinstance(error, duckdb.Error):
        message = str(error).lower()
        if "no space left" in message or "disk quota" in message:
            return DISK_FULL
        if _is_lock_conflict(error):
            return LOCKED
        return CORRUPT
    return None


def _sql(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


def create_schema(connection: duckdb.DuckDBPyConnection) -> None:
    for table_file in sorted((SQL_DIR / "tables").glob("*.sql")):
        connection.execute(table_file.read_text(encoding="utf-8"))
    for view in VIEW_ORDER:
        connection.execute(_sql(f"views/{view}.sql"))
    has_meta = connection.execute("SELECT count(*) FROM warehouse_meta").fetchone()[0]
    if not has_meta:
        connection.execute(
            "INSERT INTO warehouse_meta VALUES (?, ?)",
            [SCHEMA_VERSION, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
        )


def schema_version(connection: duckdb.DuckDBPyConnection, database: str | None = None) -> int:
    """The schema version a warehouse was created with (0 for a file without warehouse_meta)."""
    catalog = database or connection.execute("SELECT current_database()").fetchone()[0]
    found = connection.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main' "
        "AND table_name = 'warehouse_meta'",
        [catalog],
    ).fetchone()[0]
    if not found:
        return 0
    query = f'SELECT max(schema_version) FROM "{_quoted(catalog)}".main.warehouse_meta'  # noqa: S608 (catalog name)
    return int(connection.execute(query).fetchone()[0] or 0)


def _quoted(identifier: str) -> str:
    """An identifier from the catalog, for the one place SQL names a table: quotes doubled."""
    return identifier.replace('"', '""')


def _copy_into_current_schema(source: Path, target: Path) -> None:
    """A warehouse of an older schema version, copied row for row into a new file of this one.

    DuckDB cannot change a CHECK constraint of a table that others refer to, so the tables of
    etl/sql are made anew (create_schema) and filled BY NAME from the old file; every other
    table (the derived results, publication/sql) is made with its own stored definition first.
    Raw bytes, provenance, sequence numbers and the audit log stay exactly as they were.
    """
    connection = duckdb.connect(str(target))
    try:
        create_schema(connection)
        connection.execute("ATTACH ? AS old_warehouse (READ_ONLY)", [str(source)])
        ours = {
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        }
        tables = connection.execute(
            "SELECT table_name, sql FROM duckdb_tables() WHERE database_name = 'old_warehouse' "
            "AND schema_name = 'main' ORDER BY table_oid"
        ).fetchall()
        for name, definition in tables:
            if name == "warehouse_meta":
                continue  # the new file says its own version (create_schema)
            if name not in ours:
                connection.execute(definition)
            table = _quoted(name)
            connection.execute(
                f'INSERT INTO main."{table}" BY NAME SELECT * FROM old_warehouse.main."{table}"'  # noqa: S608 (catalog name)
            )
        for (definition,) in connection.execute(
            "SELECT sql FROM duckdb_indexes() WHERE database_name = 'old_warehouse' "
            "AND sql IS NOT NULL"
        ).fetchall():
            connection.execute(definition)
        connection.execute("DETACH old_warehouse")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()


def _needs_new_schema(path: Path) -> bool:
    with reading(path) as connection:
        return 0 < schema_version(connection) < SCHEMA_VERSION


def version_token(db_path: Path | None = None) -> str:
    """Changes whenever a writer swaps in a new file: the key for caches of query results."""
    path = Path(db_path or default_db_path())
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "absent"
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


def exists(db_path: Path | None = None) -> bool:
    return Path(db_path or default_db_path()).exists()


@contextlib.contextmanager
def reading(db_path: Path | None = None, attempts: int = 20) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-only connection to the live warehouse."""
    path = Path(db_path or default_db_path())
    connection = None
    for attempt in range(attempts):
        try:
            connection = duckdb.connect(str(path), read_only=True)
            break
        except duckdb.IOException as error:
            # Only a process that opened the live file for writing (an older tool, by hand) can
            # block us; wait briefly rather than fail the page. A damaged file fails at once.
            if attempt == attempts - 1 or not _is_lock_conflict(error):
                raise
            time.sleep(0.05 * (attempt + 1))
    assert connection is not None
    try:
        yield connection
    finally:
        connection.close()


@contextlib.contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{db_path}.lock", "a+") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _remove_leftovers(db_path: Path) -> None:
    for leftover in db_path.parent.glob(f"{db_path.name}.*{TEMP_SUFFIX}*"):
        leftover.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class NoChanges(Exception):
    """Raised inside `writing` to leave the live warehouse exactly as it was."""


@contextlib.contextmanager
def writing(
    db_path: Path | None = None, fresh: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Change a copy of the warehouse and swap it in when the block ends without an exception.

    With fresh=True the copy starts empty (used by rebuild). Raising NoChanges, or any exception,
    inside the block discards the copy and leaves the live file untouched. A live file of an older
    schema version is copied row for row into the current schema rather than byte for byte
    (_copy_into_current_schema), so the change swaps in an upgraded warehouse; readers of the old
    file meanwhile see what they saw (a query of what it lacks, such as measures, finds none).
    """
    path = Path(db_path or default_db_path())
    with writer_lock(path):
        _remove_leftovers(path)
        temporary = path.with_name(f"{path.name}.{os.getpid()}{TEMP_SUFFIX}")
        try:
            if path.exists() and not fresh:
                if _needs_new_schema(path):
                    _copy_into_current_schema(path, temporary)
                else:
                    shutil.copyfile(path, temporary)
            connection = duckdb.connect(str(temporary))
        except BaseException:
            # A full disk or a damaged live file: leave no half copy taking up the space.
            temporary.unlink(missing_ok=True)
            Path(f"{temporary}.wal").unlink(missing_ok=True)
            raise
        try:
            create_schema(connection)
            yield connection
            connection.execute("CHECKPOINT")
            connection.close()
            _fsync(temporary)
            os.replace(temporary, path)
            _fsync(path.parent)
        except NoChanges:
            connection.close()
            temporary.unlink(missing_ok=True)
        except BaseException:
            with contextlib.suppress(Exception):
                connection.close()
            temporary.unlink(missing_ok=True)
            Path(f"{temporary}.wal").unlink(missing_ok=True)
            raise
