"""Results (bench/results/latest.json) as markdown tables, written into bench/README.md between
the markers `<!-- results:start -->` and `<!-- results:end -->`."""

from __future__ import annotations

import json
from pathlib import Path

from bench.common import BENCH, RESULTS

README = BENCH / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
GB = 1000**3
TARGETS = {
    "etl_ratio": 0.5,  # ETL throughput at least half of DuckDB's read_csv at 1M rows
    "etl_peak_bytes": 1 * GB,  # peak memory under 1 GB
    "warm_ratio": 3.0,  # warm script run at most 3x the bare page at 1M reports
    "cold_seconds": 2.0,  # cold script run under 2 s
    "startup_ratio": 1.5,  # first chart at most 1.5x hello-world
    "png_seconds": 0.5,  # one chart to PNG, warm
    "commit_ratio": 2.0,  # commit of a small changed delivery at most 2x a plain insert of it
}


def _s(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:.0f}"


def _mb(value: float | None) -> str:
    return "–" if not value else f"{value / 1000**2:.0f}"


def _x(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}x"


def _med(summary: dict | None) -> float | None:
    return None if not summary else summary.get("median")


def _n(summary: dict | None) -> str:
    return "" if not summary or summary.get("n", 0) <= 1 else f" (n={summary['n']})"


def _met(ok: bool | None) -> str:
    return "–" if ok is None else ("**met**" if ok else "**not met**")


def _largest(scales: list[str], wanted: str = "1m") -> str | None:
    return wanted if wanted in scales else (scales[-1] if scales else None)


def etl_section(results: dict) -> list[str]:
    etl = results.get("etl", {})
    if not etl:
        return []
    lines = [
        "### ETL: `python -m etl load` against DuckDB's read_csv and pandas",
        "",
        "Wall clock of a fresh process per route on the same file (interpreter start and imports "
        "included), median of the repeats; throughput in rows per second; peak resident memory "
        "(MB) of the process.",
        "",
        "The etl route also computes the dashboard's protected publication and capture-recapture "
        "estimate for the new version (publication/derived.py); 'ETL proper' is the same command "
        "without that step (route etl-proper), 'of which derived' the difference of the two.",
        "",
        "| scale | rows | file MB | etl s | of which derived s | ETL proper s | DuckDB s | "
        "pandas s | "
        "etl rows/s | DuckDB rows/s | etl / DuckDB | ETL proper / DuckDB | etl / pandas | "
        "peak MB etl / DuckDB / pandas | split files (n) s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale, entry in etl.items():
        routes = entry["routes"]
        split = entry.get("split_files", {})
        lines.append(
            f"| {scale} | {entry['rows']:,} | {_mb(entry['bytes'])} | "
            f"{_s(_med(routes['etl']['seconds']))} | {_s(_med(entry.get('derived_seconds')))} | "
            f"{_s(_med(routes.get('etl-proper', {}).get('seconds')))} | "
            f"{_s(_med(routes['duckdb']['seconds']))} | "
            f"{_s(_med(routes['pandas']['seconds']))} | {routes['etl']['rows_per_second']:,.0f} | "
            f"{routes['duckdb']['rows_per_second']:,.0f} | {_x(entry['ratio_to_duckdb'])} | "
            f"{_x(entry.get('ratio_to_duckdb_without_derived'))} | "
            f"{_x(entry['ratio_to_pandas'])} | {_mb(_med(routes['etl']['peak_bytes']))} / "
            f"{_mb(_med(routes['duckdb']['peak_bytes']))} / "
            f"{_mb(_med(routes['pandas']['peak_bytes']))} | "
            f"({split.get('files', '–')}) {_s(split.get('seconds'))} |"
        )
    lines += ["", "Where the time of one `etl load` goes (one instrumented run, seconds):", ""]
    header = "| phase | " + " | ".join(etl) + " |"
    lines += [header, "|---|" + "---:|" * len(etl)]
    phase_names = [
        ("imports", "interpreter + imports"),
        ("read_bytes", "read the file"),
        ("read_table", "etl/reading.py: bytes to cells"),
        ("validate_table", "etl/validation.py: the contract"),
        ("warehouse_open_copy", "warehouse: lock, copy live file"),
        ("warehouse_statements", "warehouse: statements + Python in etl/loading.py"),
        ("warehouse_checkpoint_swap", "warehouse: checkpoint, fsync, rename"),
    ]
    for key, label in phase_names:
        cells = [_s(entry.get("phases", {}).get("phases", {}).get(key)) for entry in etl.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    statement_keys: list[str] = []
    for entry in etl.values():
        for key in entry.get("phases", {}).get("statements", {}):
            if key not in statement_keys:
                statement_keys.append(key)
    for key in statement_keys[:4]:
        cells = [
            _s(entry.get("phases", {}).get("statements", {}).get(key)) for entry in etl.values()
        ]
        lines.append(f"| &nbsp;&nbsp;of which `{key}` | " + " | ".join(cells) + " |")
    imports = [_s(_med(entry.get("imports_seconds"))) for entry in etl.values()]
    lines.append("| `python -c 'import etl.cli'` alone | " + " | ".join(imports) + " |")
    return [*lines, ""]


def pages_section(results: dict) -> list[str]:
    pages = results.get("pages", {})
    if not pages:
        return []
    lines = [
        "### Pages: script run time (AppTest), cold and warm, against a bare page",
        "",
        "Cold: the run right after `st.cache_data.clear()` and `st.cache_resource.clear()` (the "
        "first visitor after a load); warm: a rerun with everything cached. "
        "Medians in seconds; warm / bare is the warm run over the bare page's warm run (a page "
        "that only writes a title).",
        "",
    ]
    scales = list(pages)
    lines += [
        "| page | "
        + " | ".join(f"{s} cold s | {s} warm s | {s} warm / bare" for s in scales)
        + " |",
        "|---|" + "---:|---:|---:|" * len(scales),
    ]
    names: list[str] = []
    for entry in pages.values():
        for name in entry.get("pages", {}):
            if name not in names:
                names.append(name)
    bare_row = "| bare page (title only) |"
    for scale in scales:
        bare = _med(pages[scale].get("bare", {}).get("warm_seconds"))
        bare_row += f" – | {_s(bare, 3)} | 1.00x |"
    lines.append(bare_row)
    for name in names:
        row = f"| `{name.removeprefix('app_pages/')}` |"
        for scale in scales:
            entry = pages[scale].get("pages", {}).get(name, {})
            bare = _med(pages[scale].get("bare", {}).get("warm_seconds"))
            warm = _med(entry.get("warm_seconds"))
            cold = _med(entry.get("cold_seconds"))
            ratio = warm / bare if warm is not None and bare else None
            row += f" {_s(cold)}{_n(entry.get('cold_seconds'))} | {_s(warm, 3)} | {_x(ratio)} |"
        lines.append(row)
    lines += [
        "",
        "The protected publication on its own (etl.queries.finest_cells + "
        "publication.protected.build_publication), which the writer computes once per load "
        "(publication/derived.py); and what a cold page pays instead: reading the stored one "
        "back from the warehouse (open read-only, select, unpickle):",
        "",
        "| scale | finest cells | query s | build_publication s | pickled MB | stored in warehouse "
        "| read back s |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for scale in scales:
        publication = pages[scale].get("publication", {})
        lines.append(
            f"| {scale} | {publication.get('finest_cells', '–'):,} | "
            f"{_s(_med(publication.get('query_seconds')))} | "
            f"{_s(_med(publication.get('build_seconds')))}{_n(publication.get('build_seconds'))} | "
            f"{_s(publication.get('pickled_bytes', 0) / 1000**2)} | "
            f"{'yes' if publication.get('stored_in_warehouse') else 'no'} | "
            f"{_s(_med(publication.get('stored_read_seconds')), 3)} |"
        )
    return [*lines, ""]


def startup_section(results: dict) -> list[str]:
    startup = results.get("startup", {})
    if not startup:
        return []
    if "skipped" in startup:
        return ["### Start-up", "", f"Skipped: {startup['skipped']}", ""]
    hello = _med(startup.get("hello-world", {}).get("first_chart"))
    hello_second = _med(startup.get("hello-world", {}).get("second_visit"))
    lines = [
        "### Start-up: `streamlit run` to the first chart visible in headless chromium",
        "",
        "From spawning the server to a drawn Plotly chart in a fresh browser context; then a second "
        "visitor (another fresh context) on the same, warm server. Medians in seconds.",
        "",
        "| app | server healthy s | first chart s | / hello-world | second visitor s | "
        "/ hello-world |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, entry in startup.items():
        first = _med(entry.get("first_chart"))
        second = _med(entry.get("second_visit"))
        lines.append(
            f"| {name} | {_s(_med(entry.get('healthy')))} | {_s(first)}{_n(entry.get('first_chart'))}"
            f" | {_x(first / hello if first and hello else None)} | {_s(second)} | "
            f"{_x(second / hello_second if second and hello_second else None)} |"
        )
    return [*lines, ""]


def export_section(results: dict) -> list[str]:
    export = results.get("export", {})
    if not export:
        return []
    lines = [
        "### Export: one chart to PNG (persistent export server) and the briefing build",
        "",
        "| scale | first PNG s (server start) | warm PNG s | warm figure + PNG s | "
        "`python -m briefing build` s | files | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for scale, entry in export.items():
        chart = entry.get("chart_png", {})
        briefing = entry.get("briefing", {})
        if "unavailable" in chart:
            lines.append(f"| {scale} | {chart['unavailable']} | | | | | |")
            continue
        lines.append(
            f"| {scale} | {_s(chart.get('first_png_seconds'))} | "
            f"{_s(_med(chart.get('warm_png_seconds')))} | "
            f"{_s(_med(chart.get('warm_chart_and_png_seconds')))} | "
            f"{_s(briefing.get('seconds'))} | {briefing.get('files', '–')} | "
            f"{_mb(briefing.get('peak_bytes'))} |"
        )
    return [*lines, ""]


def backup_section(results: dict) -> list[str]:
    backup = results.get("backup", {})
    if not backup:
        return []
    lines = [
        "### Backup and restore drill (docs/deployment.md)",
        "",
        "| scale | warehouse MB | file copy s | COPY FROM DATABASE s | EXPORT DATABASE "
        "(Parquet) s / MB | restore s | restore verified | `etl rebuild` s | rebuild verified |",
        "|---|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for scale, entry in backup.items():
        if "error" in entry:
            lines.append(f"| {scale} | {entry['error'][:200]} | | | | | | | |")
            continue
        verified = entry.get("restored_matches") and entry.get("restored_copy_matches")
        lines.append(
            f"| {scale} | {_mb(entry.get('warehouse_bytes'))} | "
            f"{_s(entry.get('file_copy_seconds'), 3)} | "
            f"{_s(entry.get('copy_from_database_seconds'))} | "
            f"{_s(entry.get('export_database_seconds'))} / {_mb(entry.get('export_database_bytes'))}"
            f" | {_s(entry.get('restore_seconds'))} | {'yes' if verified else 'NO'} | "
            f"{_s(entry.get('rebuild_seconds'))} | "
            f"{'yes' if entry.get('rebuild_matches') else 'NO'} |"
        )
        if str(entry.get("import_database", "")).startswith("failed"):
            lines += [
                "",
                f"IMPORT DATABASE {entry['import_database']}; the restore above is "
                "`bench.backup_bench.restore_export` (tables and data from the export, views "
                "from etl/sql/views).",
            ]
    return [*lines, ""]


def targets_section(results: dict) -> list[str]:
    lines = [
        "### Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    etl = results.get("etl", {})
    scale = _largest(list(etl))
    if scale:
        entry = etl[scale]
        ratio = entry["ratio_to_duckdb"]
        peak = _med(entry["routes"]["etl"]["peak_bytes"])
        lines.append(
            f"| ETL at least 0.5x DuckDB's read_csv throughput ({scale}), the whole `etl load` "
            f"| {_x(ratio)} | {_met(ratio >= TARGETS['etl_ratio'])} |"
        )
        proper = entry.get("ratio_to_duckdb_without_derived")
        if proper is not None:
            lines.append(
                f"| the same without the derived results computed for the dashboard ({scale}) "
                f"| {_x(proper)} | {_met(proper >= TARGETS['etl_ratio'])} |"
            )
        lines.append(
            f"| ETL peak memory under 1 GB ({scale}) | {_mb(peak)} MB | "
            f"{_met(peak is not None and peak < TARGETS['etl_peak_bytes'])} |"
        )
    pages = results.get("pages", {})
    scale = _largest([s for s in pages if s != "demo"])
    if scale:
        entry = pages[scale]
        bare = _med(entry.get("bare", {}).get("warm_seconds"))
        ratios = {
            name: _med(page.get("warm_seconds")) / bare
            for name, page in entry.get("pages", {}).items()
            if _med(page.get("warm_seconds")) is not None and bare
        }
        worst = max(ratios, key=ratios.get) if ratios else None
        if worst:
            lines.append(
                f"| warm run at most 3x the bare page ({scale}) | worst "
                f"`{worst.removeprefix('app_pages/')}` {_x(ratios[worst])}; "
                f"{sum(r <= TARGETS['warm_ratio'] for r in ratios.values())} of {len(ratios)} "
                f"pages within | {_met(ratios[worst] <= TARGETS['warm_ratio'])} |"
            )
        for cold_scale in pages:
            colds = {
                name: _med(page.get("cold_seconds"))
                for name, page in pages[cold_scale].get("pages", {}).items()
                if _med(page.get("cold_seconds")) is not None
            }
            if colds:
                worst = max(colds, key=colds.get)
                lines.append(
                    f"| cold run under 2 s ({cold_scale}) | worst "
                    f"`{worst.removeprefix('app_pages/')}` {_s(colds[worst])} s; "
                    f"{sum(c < TARGETS['cold_seconds'] for c in colds.values())} of {len(colds)} "
                    f"pages within | {_met(colds[worst] < TARGETS['cold_seconds'])} |"
                )
    startup = results.get("startup", {})
    hello = _med(startup.get("hello-world", {}).get("first_chart"))
    for name, entry in startup.items():
        if name == "hello-world" or not isinstance(entry, dict) or not hello:
            continue
        first = _med(entry.get("first_chart"))
        if first is None:
            continue
        lines.append(
            f"| start-up to first chart at most 1.5x hello-world ({name}) | {_x(first / hello)} "
            f"| {_met(first / hello <= TARGETS['startup_ratio'])} |"
        )
    for scale, entry in results.get("export", {}).items():
        warm = _med(entry.get("chart_png", {}).get("warm_png_seconds"))
        if warm is not None:
            lines.append(
                f"| chart export under 0.5 s per image warm ({scale}) | {_s(warm)} s | "
                f"{_met(warm < TARGETS['png_seconds'])} |"
            )
    return [*lines, ""]


def machine_section(results: dict) -> list[str]:
    machine = results.get("machine", {})
    packages = ", ".join(f"{k} {v}" for k, v in machine.get("packages", {}).items() if v)
    return [
        f"Run of {results.get('started', '?')} (`{results.get('command', '')}`), "
        f"{_s(results.get('seconds', 0) / 60, 1)} min: {machine.get('cpu')}, "
        f"{machine.get('cores')} cores, {machine.get('memory_gb')} GB, Linux "
        f"{machine.get('kernel')}, Python {machine.get('python')}, {machine.get('chromium')}; "
        f"{packages}. Load average at the start: "
        f"{', '.join(f'{v:.1f}' for v in machine.get('load_average_at_start', []))} (the "
        "machine is shared: compare ratios measured in one run, not seconds across runs). "
        f"Repeats: {results.get('repeats')}; seed {results.get('seed')}.",
        "",
    ]


def commit_section(results: dict) -> list[str]:
    commit = results.get("commit", {})
    if not commit:
        return []
    lines = [
        "### Commit of a small changed delivery (issue 12)",
        "",
        "One delivered file with three data lines taken out, committed into a fresh copy of the "
        "warehouse: `python -m etl load FILE --db COPY` (returns after the commit; the derived "
        "results are computed by a background worker) against a plain `pandas.read_csv` + DuckDB "
        "`INSERT` of the same file into a copy of the same warehouse. Each a fresh process, wall "
        "clock with interpreter start. 'Derived ready' is from the start of the commit until the "
        "worker has stored the protected figures and the estimate of the new version.",
        "",
        "| warehouse | size (MiB) | file | commit (s) | plain insert (s) | ratio | target | "
        "derived ready (s) |",
        "|---|---:|---|---:|---:|---:|---|---:|",
    ]
    for scale, row in commit.items():
        if "error" in row:
            lines.append(f"| {scale} | – | {row['error'][:80]} | | | | | |")
            continue
        ok = row["ratio"] <= TARGETS["commit_ratio"]
        lines.append(
            f"| {scale} | {row['warehouse_mib']:.1f} | `{row['file']}` | {_s(row['commit_median'])} | "
            f"{_s(row['plain_insert_median'])} | {_x(row['ratio'])} | "
            f"at most {TARGETS['commit_ratio']:.0f}x: {_met(ok)} | {_s(row['derived_ready_median'], 1)} |"
        )
    return [*lines, ""]


def render(results: dict) -> str:
    lines = [
        *machine_section(results),
        *targets_section(results),
        *etl_section(results),
        *commit_section(results),
        *pages_section(results),
        *startup_section(results),
        *export_section(results),
        *backup_section(results),
    ]
    return "\n".join(lines).rstrip() + "\n"


def write_readme(results: dict, readme: Path = README) -> None:
    block = f"{START}\n{render(results)}{END}"
    text = readme.read_text(encoding="utf-8") if readme.exists() else f"{START}\n{END}\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def load(path: Path | None = None) -> dict:
    return json.loads((path or RESULTS / "latest.json").read_text(encoding="utf-8"))
