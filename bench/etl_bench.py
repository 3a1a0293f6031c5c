"""ETL throughput: `python -m etl load` against DuckDB's own read_csv and against pandas + insert.

Every route is a fresh process on the same file, run in turn (etl, duckdb, pandas, etl, ...) so
that a noisy neighbour hits all of them alike; medians of the repeats are reported, with the peak
resident memory of each process (wait4). Throughput is rows per second of wall clock, interpreter
start and imports included, as a user experiences the command.

The route 'etl' is `etl load --wait`: the commit and then the dashboard's protected publication
and capture-recapture estimate for the new version (publication/worker.py, started as a child
process), as a script that needs the figures waits. 'etl-proper' is `etl load` with the worker
switched off (read, validate, store, swap: what a department waits for), so the ETL is compared
with DuckDB on its own; the derived results cost the difference of the two.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bench.common import DATA, PYTHON, ROOT, Series, run_measured
from bench.generate import Generated

DUCKDB_ROUTE = """
import sys, duckdb
connection = duckdb.connect(sys.argv[2])
connection.execute("CREATE TABLE reports AS SELECT * FROM read_csv(?)", [sys.argv[1]])
connection.execute("CHECKPOINT")
connection.close()
"""

PANDAS_ROUTE = """
import sys, duckdb, pandas as pd
frame = pd.read_csv(sys.argv[1])
connection = duckdb.connect(sys.argv[2])
connection.register("frame", frame)
connection.execute("CREATE TABLE reports AS SELECT * FROM frame")
connection.execute("CHECKPOINT")
connection.close()
"""

# The commit alone: no worker is started (etl.derivation), so nothing runs on in the background.
WITHOUT_WORKER = {"MELDINGEN_DERIVATION": "off"}

ROUTES = ("etl", "etl-proper", "duckdb", "pandas")


def _fresh(db: Path) -> Path:
    for leftover in db.parent.glob(f"{db.name}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    return db


def _command(route: str, csv: Path, db: Path) -> list[str]:
    load = [PYTHON, "-m", "etl", "load", str(csv), "--db", str(db), "--user", "bench"]
    if route == "etl":
        return [*load, "--wait"]
    if route in ("etl-proper", "etl-split"):
        return load
    script = DUCKDB_ROUTE if route == "duckdb" else PANDAS_ROUTE
    return [PYTHON, "-c", script, str(csv), str(db)]


def derived_seconds(db: Path) -> float:
    """Seconds the writer spent computing the derived results stored in `db` (0 if none)."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as connection:
        try:
            row = connection.execute("SELECT sum(build_seconds) FROM derived_version").fetchone()
        except duckdb.CatalogException:
            return 0.0
    return float(row[0] or 0.0)


def measure(generated: Generated, repeats: int, log) -> dict:
    """All routes on the scale's meldingen.csv, the split files once, imports, and the phases."""
    work = DATA / generated.scale / "work"
    seconds = {route: Series() for route in ROUTES}
    peaks = {route: Series() for route in ROUTES}
    recorded = Series()
    for attempt in range(repeats):
        for route in ROUTES:
            db = _fresh(work / f"{route}.duckdb")
            run = run_measured(_command(route, generated.reports_csv, db), env=WITHOUT_WORKER)
            if run.returncode != 0:
                raise RuntimeError(f"{route} failed: {run.stderr[-2000:]}")
            seconds[route].add(run.seconds)
            peaks[route].add(run.peak_bytes)
            if route == "etl":
                recorded.add(derived_seconds(db))
            log(f"  etl {generated.scale} {route} #{attempt + 1}: {run.seconds:.2f} s, "
                f"{run.peak_bytes / 2**20:.0f} MiB")  # fmt: skip
    split = run_measured(
        _command("etl-split", generated.split_dir, _fresh(work / "split.duckdb")),
        env=WITHOUT_WORKER,
    )
    log(f"  etl {generated.scale} split files: {split.seconds:.2f} s")
    imports = Series()
    for _ in range(repeats):
        imports.add(run_measured([PYTHON, "-c", "import etl.cli"]).seconds)
    phases_run = run_measured(
        [PYTHON, "-m", "bench.etl_phases", str(generated.reports_csv), "--db",
         str(_fresh(work / "phases.duckdb"))]
    )  # fmt: skip
    phases = json.loads(phases_run.stdout) if phases_run.returncode == 0 else {}
    shutil.rmtree(work, ignore_errors=True)
    rows = generated.rows
    result = {
        "rows": rows,
        "reports": generated.reports,
        "bytes": generated.reports_csv.stat().st_size,
        "routes": {
            route: {
                "seconds": seconds[route].summary(),
                "peak_bytes": peaks[route].summary(),
                "rows_per_second": rows / seconds[route].summary()["median"],
            }
            for route in ROUTES
        },
        "split_files": {
            "files": generated.files_split,
            "seconds": split.seconds,
            "peak_bytes": split.peak_bytes,
            "ok": split.returncode == 0,
        },
        "imports_seconds": imports.summary(),
        "derived_recorded_seconds": recorded.summary(),
        "phases": phases,
    }
    etl = result["routes"]["etl"]["seconds"]["median"]
    result["ratio_to_duckdb"] = result["routes"]["duckdb"]["seconds"]["median"] / etl
    result["ratio_to_pandas"] = result["routes"]["pandas"]["seconds"]["median"] / etl
    proper = result["routes"]["etl-proper"]["seconds"]["median"]
    result["derived_seconds"] = {"median": etl - proper}
    result["ratio_to_duckdb_without_derived"] = (
        result["routes"]["duckdb"]["seconds"]["median"] / proper
    )
    return result


def build_warehouse(scale: str, sources: list[Path], log) -> Path:
    """The scale's warehouse for the page, start-up and export benchmarks (kept between runs)."""
    db = DATA / scale / "warehouse.duckdb"
    stamp = DATA / scale / "warehouse.sources"
    from protection.rules import ProtectionRules
    from publication.derived import LOGIC_VERSION

    # A warehouse made by other code lacks (or has stale) derived results: pages would then pay
    # for the protection themselves and the cold runs would measure the wrong thing.
    wanted = json.dumps(
        [
            *(str(s.relative_to(ROOT)) for s in sources),
            LOGIC_VERSION,
            ProtectionRules().threshold,
            ProtectionRules().min_interval_width,
        ]
    )
    if db.exists() and stamp.exists() and stamp.read_text() == wanted:
        return db
    _fresh(db)
    run = run_measured(
        [PYTHON, "-m", "etl", "load", *map(str, sources), "--db", str(db), "--wait"],
        env=WITHOUT_WORKER,
    )
    if run.returncode != 0:
        raise RuntimeError(f"loading {scale} failed: {run.stderr[-2000:]}")
    stamp.write_text(wanted)
    log(f"  warehouse {scale}: {db.stat().st_size / 2**20:.1f} MiB in {run.seconds:.1f} s")
    return db
