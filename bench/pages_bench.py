"""Script run time of every page (AppTest), cold and warm, against a bare page; one warehouse.

`python -m bench.pages_bench --db DB [--repeats N]` prints JSON. Pages are driven as in
tests/app/conftest.py: AppTest of dashboard.py, switch_page, run. A cold run is a run right after
st.cache_data.clear() and st.cache_resource.clear() (the process and its imports stay warm: this is
the first visitor after a load, not a server start, which bench/startup_bench.py measures); a warm
run is a rerun with everything cached, as after a click. The bare page (bench/apps/bare_page.py)
only writes a title.

Also measured here: the protected publication on its own (etl.queries.finest_cells +
publication.protected.build_publication), which the writer now computes once per load
(publication.derived), and reading the stored one back from the warehouse, which the pages do.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import pickle
import time
from pathlib import Path

from bench.common import BENCH, ROOT, Series

BARE_PAGE = BENCH / "apps" / "bare_page.py"
PAGES = (
    "app_pages/overzicht.py",
    "app_pages/trends.py",
    "app_pages/export.py",
    "app_pages/onderrapportage.py",
    "app_pages/dekking.py",
    "app_pages/over_de_cijfers.py",
)
SLOW_COLD_SECONDS = 15.0  # a cold run slower than this is not repeated (the budget of a run)


def _timed_run(at) -> float:
    started = time.perf_counter()
    at.run()
    return time.perf_counter() - started


def _problems(at) -> list[str]:
    return [str(e.value)[:300] for e in at.exception] + [str(e.value)[:300] for e in at.error]


def publication_costs(db: Path, repeats: int) -> dict:
    from etl import queries, warehouse
    from protection.rules import ProtectionRules
    from publication import derived
    from publication.protected import build_publication

    query, build = Series(), Series()
    publication = None
    cells = None
    for _ in range(repeats):
        started = time.perf_counter()
        with warehouse.reading(db) as connection:
            cells = queries.finest_cells(connection)
        query.add(time.perf_counter() - started)
        started = time.perf_counter()
        publication = build_publication(cells)
        build.add(time.perf_counter() - started)
        if build.values[-1] > SLOW_COLD_SECONDS:
            break
    stored = pickle.dumps(publication, protocol=pickle.HIGHEST_PROTOCOL)
    load = Series()
    found = False
    for _ in range(5):
        started = time.perf_counter()
        with warehouse.reading(db) as connection:
            found = derived.latest(connection, ProtectionRules()) is not None
        load.add(time.perf_counter() - started)
    return {
        "finest_cells": len(cells),
        "query_seconds": query.summary(),
        "build_seconds": build.summary(),
        "tables": len(publication.tables),
        "years": list(publication.years),
        "pickled_bytes": len(stored),
        "stored_read_seconds": load.summary(),
        "stored_in_warehouse": found,
    }


def measure(db: Path, repeats: int, warm_runs: int = 7) -> dict:
    os.environ["MELDINGEN_DB"] = str(db)
    os.environ["MELDINGEN_DEMO"] = "0"
    logging.disable(logging.WARNING)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    result: dict = {"db": str(db), "pages": {}}
    bare = AppTest.from_file(str(BARE_PAGE), default_timeout=60)
    first = _timed_run(bare)
    warm = Series()
    for _ in range(warm_runs * 2):
        warm.add(_timed_run(bare))
    result["bare"] = {"first_seconds": first, "warm_seconds": warm.summary()}

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
    result["dashboard_first_run_seconds"] = _timed_run(at)
    for page in PAGES:
        entry: dict = {}
        try:
            at.switch_page(page)
            at.run()
        except Exception as error:  # noqa: BLE001 - a page that is not registered is reported
            result["pages"][page] = {"error": repr(error)[:300]}
            continue
        cold = Series()
        for _ in range(repeats):
            st.cache_data.clear()
            st.cache_resource.clear()
            cold.add(_timed_run(at))
            if cold.values[-1] > SLOW_COLD_SECONDS:
                break
        warm = Series()
        for _ in range(warm_runs):
            warm.add(_timed_run(at))
        entry["cold_seconds"] = cold.summary()
        entry["warm_seconds"] = warm.summary()
        entry["title"] = [str(t.value) for t in at.title][:1]
        entry["charts"] = len(at.get("plotly_chart"))
        entry["problems"] = _problems(at)
        result["pages"][page] = entry
    result["publication"] = publication_costs(db, repeats)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print("BENCH-JSON " + json.dumps(measure(args.db, args.repeats)))


if __name__ == "__main__":
    main()
