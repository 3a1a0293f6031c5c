"""`python -m bench run|generate|equivalence|report|mse-calibration`: see bench/README.md."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
import time
from pathlib import Path

from bench import commit_bench, etl_bench, generate, report, startup_bench
from bench.common import PYTHON, RESULTS, ROOT, machine, run_measured, write_json

DEFAULT_SCALES = "demo,1k,100k"
PARTS = ("etl", "commit", "pages", "startup", "export", "backup")
COMMIT_SCALES = ("demo", "1k")  # the demo warehouse and the sparse twenty-year one
DEMO_DIR = ROOT / "data" / "demo"


def _log_to(started: float):
    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", flush=True)

    return log


def _child_json(command: list[str], what: str) -> dict:
    run = run_measured(command, timeout=3600)
    for line in run.stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            return json.loads(line.removeprefix("BENCH-JSON "))
    return {"error": f"{what} failed ({run.returncode}): {run.stderr[-1500:]}"}


def _scales(text: str) -> list[str]:
    scales = [s.strip().lower() for s in text.split(",") if s.strip()]
    if scales == ["all"]:
        return ["demo", *generate.SCALES]
    unknown = [s for s in scales if s != "demo" and s not in generate.SCALES]
    if unknown:
        raise SystemExit(f"unknown scale(s): {', '.join(unknown)} (demo, 1k, 100k, 1m)")
    return scales


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    log = _log_to(started)
    scales = _scales(args.scales)
    parts = set(args.only.split(",")) if args.only else set(PARTS)
    results: dict = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "command": "python -m bench " + " ".join(shlex.quote(a) for a in sys.argv[1:]),
        "scales": scales,
        "repeats": args.repeats,
        "seed": args.seed,
        "machine": machine(),
    }
    generated = {}
    for scale in scales:
        if scale != "demo":
            log(f"generate {scale}")
            generated[scale] = generate.generate(scale, args.seed)

    if "etl" in parts:
        results["etl"] = {}
        for scale, files in generated.items():
            log(f"etl {scale}")
            results["etl"][scale] = etl_bench.measure(files, args.repeats, log)

    warehouses: dict[str, Path] = {}
    if parts & {"commit", "pages", "startup", "export", "backup"}:
        for scale in scales:
            sources = (
                [DEMO_DIR]
                if scale == "demo"
                else [generated[scale].reports_csv, generated[scale].fte_csv]
            )
            warehouses[scale] = etl_bench.build_warehouse(scale, sources, log)

    if "commit" in parts:
        log("commit of a small changed delivery")
        chosen = {scale: warehouses[scale] for scale in COMMIT_SCALES if scale in warehouses}
        sources = {
            scale: sorted(DEMO_DIR.iterdir())
            if scale == "demo"
            else sorted(generated[scale].split_dir.iterdir())
            for scale in chosen
        }
        results["commit"] = commit_bench.measure(chosen, sources, args.repeats, log)

    if "pages" in parts:
        results["pages"] = {}
        for scale, db in warehouses.items():
            log(f"pages {scale}")
            results["pages"][scale] = _child_json(
                [PYTHON, "-m", "bench.pages_bench", "--db", str(db), "--repeats",
                 str(args.repeats)], f"pages {scale}",
            )  # fmt: skip

    if "startup" in parts:
        log("start-up")
        targets = {"hello-world": (startup_bench.HELLO_WORLD, {})}
        for scale, db in warehouses.items():
            targets[f"dashboard {scale}"] = (
                ROOT / "dashboard.py",
                {"MELDINGEN_DB": str(db), "MELDINGEN_DEMO": "0"},
            )
        results["startup"] = startup_bench.measure(targets, args.repeats, log)

    if "export" in parts:
        results["export"] = {}
        export_scales = [s for s in scales if s == "demo"] + [s for s in scales if s != "demo"][-1:]
        for scale in export_scales:
            log(f"export {scale}")
            results["export"][scale] = _child_json(
                [PYTHON, "-m", "bench.export_bench", "--db", str(warehouses[scale]),
                 "--repeats", str(args.repeats)], f"export {scale}",
            )  # fmt: skip

    if "backup" in parts:
        scale = [s for s in scales if s != "demo"][-1:] or scales[-1:]
        log(f"backup and restore drill {scale[0]}")
        results["backup"] = {
            scale[0]: _child_json(
                [PYTHON, "-m", "bench.backup_bench", "--db", str(warehouses[scale[0]])],
                f"backup {scale[0]}",
            )
        }

    results["seconds"] = time.perf_counter() - started
    stamp = results["started"].replace(":", "").replace("-", "")
    write_json(RESULTS / "latest.json", results)
    write_json(RESULTS / f"run-{stamp}.json", results)
    if not args.no_readme:
        report.write_readme(results)
    log(f"done: results in {RESULTS / 'latest.json'}" + ("" if args.no_readme else ", README"))
    print(report.render(results))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="measure everything and update bench/README.md")
    run_parser.add_argument(
        "--scales",
        default=DEFAULT_SCALES,
        help=f"comma-separated: demo, 1k, 100k, 1m, or all (default {DEFAULT_SCALES})",
    )
    run_parser.add_argument("--repeats", type=int, default=3, help="runs per measurement")
    run_parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    run_parser.add_argument(
        "--only", default="", help=f"some of {','.join(PARTS)} (default: all of them)"
    )
    run_parser.add_argument("--no-readme", action="store_true", help="leave bench/README.md")
    generate_parser = commands.add_parser("generate", help="write the synthetic exports")
    generate_parser.add_argument("--scales", default="1k,100k,1m")
    generate_parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    equivalence_parser = commands.add_parser(
        "equivalence", help="bulk reader/validator against the row-by-row reference"
    )
    equivalence_parser.add_argument("--cases", type=int, default=2000)
    equivalence_parser.add_argument("--seed", type=int, default=1)
    equivalence_parser.add_argument("--against", default=None, help="git commit of the reference")
    calibration_parser = commands.add_parser(
        "mse-calibration",
        help="coverage of the capture-recapture headline in the product's regime (docs/mse.md)",
    )
    # Imported on use: the study brings analysis.mse and scipy, which the other parts do not need.
    from bench import mse_calibration

    mse_calibration.add_arguments(calibration_parser)
    report_parser = commands.add_parser("report", help="rewrite bench/README.md from results")
    report_parser.add_argument("results", nargs="?", type=Path, default=None)
    args = parser.parse_args(argv)

    if args.command == "run":
        return run(args)
    if args.command == "generate":
        for scale in _scales(args.scales):
            if scale != "demo":
                made = generate.generate(scale, args.seed)
                print(f"{scale}: {made.rows:,} rows, {made.reports:,} reports in {made.folder}")
        return 0
    if args.command == "equivalence":
        from bench import equivalence

        against = args.against or equivalence.REFERENCE_COMMIT
        return equivalence.run(cases=args.cases, seed=args.seed, against=against)
    if args.command == "mse-calibration":
        return mse_calibration.run_from(args)
    results = report.load(args.results)
    report.write_readme(results)
    print(report.render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
