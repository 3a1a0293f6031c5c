"""Commit of a small changed delivery against a plain pandas + DuckDB insert of the same file, and the
time until the derived results of the new data version are ready (issue 12).

For each warehouse (the demo data, the sparse twenty-year 1k scale): one delivered file of one
ministry and year, with three data lines taken out, is committed into a fresh copy of that
warehouse in three ways, in turn, each a fresh process (what a user or a script waits for):
- `python -m etl load FILE --db COPY`: validation, history, raw file, audit, atomic swap, and the
  worker for the derived results started in the background (the command returns then);
- the floor: `pandas.read_csv` of the same file and `INSERT INTO` a table of a copy of the same
  warehouse with DuckDB;
- after the commit: how long until the worker has stored the derived results of the new version
  (polled from the bench; the next repetition starts only when it is done, so that a worker
  running in the background never slows the next measurement).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, ROOT, run_measured

DEMO_DIR = ROOT / "data" / "demo"
LINES_TAKEN_OUT = 3
READY_TIMEOUT = 600.0

PLAIN_INSERT = """
import sys
import duckdb
import pandas as pd

frame = pd.read_csv(sys.argv[1], sep=None, engine="python", encoding=sys.argv[3], dtype=str)
connection = duckdb.connect(sys.argv[2])
connection.execute("CREATE TABLE IF NOT EXISTS plain_insert AS SELECT * FROM frame LIMIT 0")
connection.execute("INSERT INTO plain_insert SELECT * FROM frame")
connection.close()
"""


def _decode(content: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ValueError("neither UTF-8 nor Windows-1252")


def changed_delivery(candidates: list[Path], out_dir: Path) -> tuple[Path, str]:
    """The largest CSV among candidates with three data lines (near its end) taken out: a real
    re-delivery of one ministry's year with a few corrections. Returns the file and its encoding."""
    source = max(
        (p for p in candidates if p.suffix.lower() == ".csv"), key=lambda p: p.stat().st_size
    )
    text, encoding = _decode(source.read_bytes())
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.rstrip("\r\n").split(newline)
    if len(lines) < LINES_TAKEN_OUT + 3:
        raise ValueError(f"{source.name} is too short to change")
    kept = lines[: -LINES_TAKEN_OUT - 1] + lines[-1:]
    target = out_dir / source.name.replace(".csv", "_gecorrigeerd.csv")
    target.write_bytes(
        (newline.join(kept) + newline).encode("utf-8" if encoding == "utf-8-sig" else encoding)
    )
    return target, "utf-8" if encoding == "utf-8-sig" else encoding


def _ready(db: Path) -> bool:
    from etl import warehouse
    from protection.rules import ProtectionRules
    from publication import derived

    with warehouse.reading(db) as connection:
        state = derived.state(connection, ProtectionRules())
    return (
        state.complete_version == state.data_version or state.failed_version == state.data_version
    )


def measure_one(warehouse_path: Path, candidates: list[Path], repeats: int, log) -> dict:
    with tempfile.TemporaryDirectory(prefix="commit-bench-") as folder:
        work = Path(folder)
        delivery, encoding = changed_delivery(candidates, work)
        commit, plain, ready = [], [], []
        for repeat in range(repeats):
            product_copy, plain_copy = (
                work / f"product-{repeat}.duckdb",
                work / f"plain-{repeat}.duckdb",
            )
            shutil.copyfile(warehouse_path, product_copy)
            shutil.copyfile(warehouse_path, plain_copy)
            run = run_measured(
                [PYTHON, "-m", "etl", "load", str(delivery), "--db", str(product_copy)],
                env={"MELDINGEN_DERIVATION": "background"},
            )
            started_wait = time.perf_counter()
            if run.returncode != 0:
                return {"error": f"etl load failed: {run.stderr[-1500:]}"}
            commit.append(run.seconds)
            while not _ready(product_copy):
                if time.perf_counter() - started_wait > READY_TIMEOUT:
                    return {"error": "derived results not ready within the timeout"}
                time.sleep(0.05)
            ready.append(run.seconds + time.perf_counter() - started_wait)
            floor = run_measured(
                [PYTHON, "-c", PLAIN_INSERT, str(delivery), str(plain_copy), encoding]
            )
            if floor.returncode != 0:
                return {"error": f"plain insert failed: {floor.stderr[-1500:]}"}
            plain.append(floor.seconds)
            log(
                f"    {warehouse_path.parent.name or warehouse_path.name}: commit {run.seconds:.2f} s, "
                f"plain insert {floor.seconds:.2f} s, derived ready after {ready[-1]:.1f} s"
            )
        commit_median, plain_median = statistics.median(commit), statistics.median(plain)
        return {
            "file": delivery.name,
            "lines_taken_out": LINES_TAKEN_OUT,
            "warehouse_mib": warehouse_path.stat().st_size / 2**20,
            "commit_seconds": commit,
            "plain_insert_seconds": plain,
            "derived_ready_seconds": ready,
            "commit_median": commit_median,
            "plain_insert_median": plain_median,
            "ratio": commit_median / plain_median,
            "derived_ready_median": statistics.median(ready),
        }


def measure(warehouses: dict[str, Path], sources: dict[str, list[Path]], repeats: int, log) -> dict:
    """Per scale: warehouses[scale] is the loaded warehouse, sources[scale] the delivered files a
    changed one is made from."""
    return {
        scale: measure_one(path, sources[scale], repeats, log) for scale, path in warehouses.items()
    }
