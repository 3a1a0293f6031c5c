"""Backup and restore drill on a warehouse: `python -m bench.backup_bench --db DB` prints JSON.

Measures what docs/deployment.md prescribes, on a copy (the live file and its raw store are only
read):
1. a plain copy of the file (consistent: writers never change the live file in place);
2. a copy of the raw store beside it (`<db>.raw`: the submitted files and the manifest; append-only,
   so a plain copy is consistent);
3. COPY FROM DATABASE into a new DuckDB file (DuckDB reads through any WAL, so a file that was
   opened for writing by hand is backed up with its WAL);
4. EXPORT DATABASE as Parquet (independent of DuckDB's storage version) and IMPORT DATABASE of it
   into a new file: the restore, with the raw store copied back beside it;
5. verification of the restore: the row count of every table, the totals of v_reports, and the
   sha256 of every stored raw submission against its key;
6. `python -m etl rebuild` of the restored file: the warehouse rebuilt from its raw submissions;
7. `python -m etl rebuild` with the warehouse file gone: rebuilt from the raw store alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from bench.common import PYTHON, run_measured

# The drill's commands start no derivation worker: only the rebuild itself is timed.
WITHOUT_WORKER = {"MELDINGEN_DERIVATION": "off"}


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def _fingerprint(path: Path) -> dict:
    """Row counts, v_reports totals, and how many raw files do not read back to their sha256 from
    the raw store beside `path`."""
    # Imported here so that `--help` needs nothing of the product.
    from etl import raw_store
    from etl.loading import raw_file

    connection = duckdb.connect(str(path), read_only=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
        ]
        counts = {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }
        totals = connection.execute(
            "SELECT count(*), coalesce(sum(count), 0), count(DISTINCT submission_id) FROM v_reports"
        ).fetchone()
        bad_raw = 0
        for (sha256,) in connection.execute("SELECT sha256 FROM submission_file").fetchall():
            # The stored form is compressed: the original bytes are what the key is of.
            try:
                content = raw_file(connection, sha256, raw_store.store_path(path))
            except raw_store.RawStoreError:
                content = None
            bad_raw += hashlib.sha256(content or b"").hexdigest() != sha256
        return {"rows": counts, "v_reports": list(totals), "raw_files_not_matching": bad_raw}
    finally:
        connection.close()


def restore_export(connection: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """The restore of docs/deployment.md: the tables and data of an EXPORT DATABASE, then the
    views from the repository (etl/sql/views), in their dependency order.

    IMPORT DATABASE of DuckDB 2.0 creates the exported views in alphabetical order and fails on
    v_coverage, which reads v_current_scope.
    """
    from etl import warehouse

    for statement in (folder / "schema.sql").read_text(encoding="utf-8").split(";\n"):
        if statement.strip() and not statement.lstrip().upper().startswith("CREATE VIEW"):
            connection.execute(statement)
    connection.execute((folder / "load.sql").read_text(encoding="utf-8"))
    warehouse.create_schema(connection)


def _copy_store(db: Path, target_db: Path) -> None:
    """The raw store of `db` beside `target_db` (a plain copy: files are only ever added)."""
    from etl import raw_store

    source = raw_store.store_path(db)
    if source.exists():
        shutil.copytree(source, raw_store.store_path(target_db))


def drill(db: Path) -> dict:
    from etl import raw_store

    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    store = raw_store.store_path(db)
    result: dict = {
        "warehouse_bytes": db.stat().st_size,
        "raw_store_bytes": _size(store) if store.exists() else 0,
    }
    try:
        started = time.perf_counter()
        fingerprint = _fingerprint(db)
        result["verify_seconds"] = time.perf_counter() - started
        result["fingerprint"] = fingerprint

        started = time.perf_counter()
        shutil.copyfile(db, work / "copy.duckdb")
        result["file_copy_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        _copy_store(db, work / "copy.duckdb")
        result["raw_store_copy_seconds"] = time.perf_counter() - started
        # Every restored file below gets the backed-up raw store beside it.
        for name in ("backup.duckdb", "restored.duckdb"):
            _copy_store(work / "copy.duckdb", work / name)

        connection = duckdb.connect()
        try:
            connection.execute(f"ATTACH '{db}' AS live (READ_ONLY)")
            started = time.perf_counter()
            connection.execute(f"ATTACH '{work / 'backup.duckdb'}' AS backup")
            connection.execute("COPY FROM DATABASE live TO backup")
            connection.execute("DETACH backup")
            result["copy_from_database_seconds"] = time.perf_counter() - started
            result["copy_from_database_bytes"] = _size(work / "backup.duckdb")
            started = time.perf_counter()
            connection.execute("USE live")
            connection.execute(f"EXPORT DATABASE live TO '{work / 'export'}' (FORMAT parquet)")
            result["export_database_seconds"] = time.perf_counter() - started
            result["export_database_bytes"] = _size(work / "export")
        finally:
            connection.close()

        restored = work / "restored.duckdb"
        started = time.perf_counter()
        connection = duckdb.connect(str(restored))
        try:
            connection.execute(f"IMPORT DATABASE '{work / 'export'}'")
            result["import_database"] = "ok"
        except duckdb.Error as error:
            result["import_database"] = f"failed: {str(error).splitlines()[0]}"
            connection.close()
            restored.unlink(missing_ok=True)
            connection = duckdb.connect(str(restored))
            restore_export(connection, work / "export")
        finally:
            connection.execute("CHECKPOINT")
            connection.close()
        result["restore_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        result["restored_matches"] = _fingerprint(restored) == fingerprint
        result["restored_copy_matches"] = _fingerprint(work / "backup.duckdb") == fingerprint
        result["verify_restore_seconds"] = time.perf_counter() - started

        for step, remove_warehouse in (("rebuild", False), ("rebuild_from_raw", True)):
            if remove_warehouse:
                restored.unlink()  # lost: only the raw store is left
            rebuilt = run_measured(
                [PYTHON, "-m", "etl", "rebuild", "--db", str(restored)], env=WITHOUT_WORKER
            )
            result[f"{step}_seconds"] = rebuilt.seconds
            result[f"{step}_peak_bytes"] = rebuilt.peak_bytes
            result[f"{step}_ok"] = rebuilt.returncode == 0
            if rebuilt.returncode == 0:
                after = _fingerprint(restored)
                result[f"{step}_matches"] = (
                    after["v_reports"] == fingerprint["v_reports"]
                    and after["rows"].get("report") == fingerprint["rows"].get("report")
                    and after["raw_files_not_matching"] == 0
                )
            else:
                result[f"{step}_error"] = rebuilt.stderr[-500:]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    print("BENCH-JSON " + json.dumps(drill(args.db)))


if __name__ == "__main__":
    main()
