"""Where the time of one `etl load` goes: `python -m bench.etl_phases FILE --db DB` prints JSON.

Runs the same code as `python -m etl load` (etl.loading.load_files), timing from outside:
imports, reading the bytes, reading the table (etl.reading), validation (etl.validation), and the
warehouse write (copy, inserts, commit, checkpoint, swap), with the DuckDB statements of the write
summed by kind (a proxy around the connection that etl.warehouse.writing yields), and the peak
resident memory, also as it stood when the write began.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

from etl import loading, reading, validation, warehouse  # noqa: E402

IMPORTED = time.perf_counter()


class _TimedConnection:
    def __init__(self, connection, totals: dict[str, float]):
        self._connection = connection
        self._totals = totals

    def execute(self, sql: str, *args, **kwargs):
        words = re.sub(r"\s+", " ", sql.strip()).split(" ")
        kind = " ".join(words[:3]) if words[0].upper() == "INSERT" else " ".join(words[:1])
        started = time.perf_counter()
        try:
            return self._connection.execute(sql, *args, **kwargs)
        finally:
            self._totals[kind.upper()] += time.perf_counter() - started

    def __getattr__(self, name: str):
        return getattr(self._connection, name)


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    phases: dict[str, float] = defaultdict(float)
    statements: dict[str, float] = defaultdict(float)
    peaks: dict[str, int] = {}

    original_read_table = reading.read_table
    original_validate_table = validation.validate_table
    original_writing = warehouse.writing

    def timed_read_table(*a, **k):
        started = time.perf_counter()
        try:
            return original_read_table(*a, **k)
        finally:
            phases["read_table"] += time.perf_counter() - started

    def timed_validate_table(*a, **k):
        started = time.perf_counter()
        try:
            return original_validate_table(*a, **k)
        finally:
            phases["validate_table"] += time.perf_counter() - started

    @contextlib.contextmanager
    def timed_writing(*a, **k):
        # The high-water mark so far says whether the peak is reached before or during the write.
        peaks["peak_bytes_before_write"] = _peak_bytes()
        started = time.perf_counter()
        try:
            with original_writing(*a, **k) as connection:
                opened = time.perf_counter()
                phases["warehouse_open_copy"] += opened - started
                yield _TimedConnection(connection, statements)
                phases["warehouse_statements"] += time.perf_counter() - opened
                closing = time.perf_counter()
            phases["warehouse_checkpoint_swap"] += time.perf_counter() - closing
        finally:
            phases["warehouse_total"] += time.perf_counter() - started

    validation.read_table = timed_read_table
    validation.validate_table = timed_validate_table
    warehouse.writing = timed_writing

    started = time.perf_counter()
    files, _ = loading.collect_files(args.paths)
    phases["read_bytes"] = time.perf_counter() - started
    started = time.perf_counter()
    outcomes = loading.load_files(files, args.db, loaded_by="bench")
    phases["load_files"] = time.perf_counter() - started
    phases["imports"] = IMPORTED - STARTED
    print(
        json.dumps(
            {
                "phases": dict(phases),
                "statements": dict(sorted(statements.items(), key=lambda kv: -kv[1])),
                "statuses": sorted({o.status for o in outcomes}),
                "rows": sum(o.rows for o in outcomes),
                "peak_bytes": _peak_bytes(),
                **peaks,
            }
        )
    )


if __name__ == "__main__":
    main()
