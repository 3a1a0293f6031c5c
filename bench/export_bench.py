"""Export: one chart to PNG with the persistent export server, and `python -m briefing build`.

`python -m bench.export_bench --db DB [--repeats N]` prints JSON. The chart is the catalogue's
first figure (briefing.content.build_chart, 'kanalen'), prepared for print
(ExportChart.standalone, presentation.exports.export_figure) and rendered by presentation.exports.render
(kaleido with Debian's chromium): the first image starts the server, the next ones are warm.

HOOK: the export code is another engineer's; when its API changes this module reports
'unavailable' with the reason instead of failing the whole bench (see bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, Series, run_measured

CHART_KEY = "kanalen"


def chart_png(db: Path, repeats: int) -> dict:
    try:
        from briefing.content import build_chart, default_years, load_data
        from presentation.exports import render, stop_export_server
    except ImportError as error:
        return {"unavailable": f"export code not importable: {error}"}
    started = time.perf_counter()
    data = load_data(db)
    loaded = time.perf_counter() - started
    years = default_years(data)
    started = time.perf_counter()
    chart = build_chart(data, CHART_KEY, years)
    figure = chart.standalone()
    prepared = time.perf_counter() - started
    try:
        started = time.perf_counter()
        first_png = render(figure, "png")
        first = time.perf_counter() - started
        warm, warm_with_figure = Series(), Series()
        for _ in range(max(repeats, 5)):
            started = time.perf_counter()
            render(figure, "png")
            warm.add(time.perf_counter() - started)
        for _ in range(max(repeats, 3)):
            started = time.perf_counter()
            render(build_chart(data, CHART_KEY, years).standalone(), "png")
            warm_with_figure.add(time.perf_counter() - started)
    finally:
        stop_export_server()
    return {
        "chart": CHART_KEY,
        "load_data_seconds": loaded,
        "prepare_figure_seconds": prepared,
        "first_png_seconds": first,
        "warm_png_seconds": warm.summary(),
        "warm_chart_and_png_seconds": warm_with_figure.summary(),
        "png_bytes": len(first_png),
    }


def briefing_build(db: Path) -> dict:
    out = Path(tempfile.mkdtemp(prefix="bench-briefing-"))
    try:
        run = run_measured(
            [PYTHON, "-m", "briefing", "build", "--out", str(out), "--db", str(db)], timeout=1800
        )
        if run.returncode != 0:
            return {"unavailable": f"briefing build failed: {run.stderr[-500:]}"}
        manifest_path = out / "manifest.json"
        files = 0
        if manifest_path.exists():
            files = len(json.loads(manifest_path.read_text(encoding="utf-8")).get("files", []))
        return {"seconds": run.seconds, "peak_bytes": run.peak_bytes, "files": files}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-briefing", action="store_true")
    args = parser.parse_args()
    result = {"chart_png": chart_png(args.db, args.repeats)}
    if not args.no_briefing:
        result["briefing"] = briefing_build(args.db)
    print("BENCH-JSON " + json.dumps(result))


if __name__ == "__main__":
    main()
