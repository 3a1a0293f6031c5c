"""The command line of the ETL: load files, show what is loaded and missing, rebuild the warehouse.

A damaged warehouse, a full disk or a raw file missing from the store ends a command with a message
that says what to do (docs/deployment.md, 'Restoring the warehouse'), never with a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from base.formatting import format_number
from base.texts import LANGUAGES, language_from_environment, text
from etl import raw_store, warehouse
from etl.contract import MEASURES_FILE
from etl.coverage import MISSING, coverage_table, missing_fte
from etl.derivation import start_derivation
from etl.loading import collect_files, load_files, rebuild, warehouse_readable

# Exit code of a command stopped by its storage (damaged warehouse, full disk, missing raw file).
STORAGE_FAILED = 3
WAIT_HELP = (
    "wait until the dashboard's protected figures for the new data exist (default: they are "
    "computed in the background and the command returns after the commit)"
)


def _scope_text(scope: list[tuple[str, int, str]]) -> str:
    return ", ".join(f"{d} {y} {c}".strip() for d, y, c in scope)


def common_options() -> argparse.ArgumentParser:
    """--db and --lang, as every command over the warehouse takes them (also python -m publication)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"warehouse file (default: $MELDINGEN_DB or {warehouse.DEFAULT_DB_PATH})",
    )
    common.add_argument("--lang", choices=LANGUAGES, default=language_from_environment())
    return common


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Meldingenmonitor Rijk: aanleveringen laden in het warehouse / load submissions.",
    )
    common = common_options()
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", parents=[common], help="load files or folders")
    load.add_argument("paths", nargs="+", type=Path)
    load.add_argument("--user", default=None, help="who loads (default: $MELDINGEN_USER or login)")
    load.add_argument("--wait", action="store_true", help=WAIT_HELP)
    commands.add_parser("status", parents=[common], help="what is loaded and what is missing")
    rebuild_command = commands.add_parser(
        "rebuild", parents=[common], help="rebuild from the stored raw submissions"
    )
    rebuild_command.add_argument("--wait", action="store_true", help=WAIT_HELP)
    rebuild_command.add_argument(
        "--from-raw",
        action="store_true",
        help="rebuild from the raw store and its manifest only, not reading the warehouse file "
        "(for a damaged or lost warehouse; done by itself when the file cannot be read)",
    )
    return parser


def _derive(path: Path, wait: bool, lang: str) -> None:
    """After a commit: start the worker that computes the dashboard's protected figures and the
    estimate (etl.derivation); with --wait, block until they exist."""
    if wait:
        print(text("derive.waiting", lang), file=sys.stderr)
        if start_derivation(path, wait=True) != 0:
            print(text("load.derived_failed", lang), file=sys.stderr)
    else:
        start_derivation(path)


def _load(args: argparse.Namespace) -> int:
    files, not_found = collect_files(args.paths)
    path = Path(args.db or warehouse.default_db_path())
    outcomes = not_found + load_files(files, path, loaded_by=args.user)
    lang = args.lang
    if any(outcome.status == "loaded" for outcome in outcomes) or (args.wait and path.exists()):
        _derive(path, args.wait, lang)
    counts = {"loaded": 0, "unchanged": 0, "rejected": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
        if outcome.status == "rejected":
            print(
                text("load.rejected", lang, file=outcome.file_name, count=len(outcome.problems)),
                file=sys.stderr,
            )
            for problem in outcome.problems:
                print(f"  - {problem.message(lang)}", file=sys.stderr)
        elif outcome.status == "unchanged":
            print(
                text(
                    "load.unchanged",
                    lang,
                    file=outcome.file_name,
                    submission_id=outcome.submission_id,
                )
            )
        elif outcome.file_kind == MEASURES_FILE:
            print(
                text(
                    "load.loaded_measures",
                    lang,
                    file=outcome.file_name,
                    submission_id=outcome.submission_id,
                    rows=format_number(outcome.rows, lang=lang),
                    scope=_scope_text(outcome.scope),
                )
            )
        else:
            print(
                text(
                    "load.loaded",
                    lang,
                    file=outcome.file_name,
                    submission_id=outcome.submission_id,
                    rows=format_number(outcome.rows, lang=lang),
                    reports=format_number(outcome.reports, lang=lang),
                    scope=_scope_text(outcome.scope),
                )
            )
            for old_id, scope in outcome.replaced.items():
                print(
                    text("load.replaced", lang, old_submission_id=old_id, scope=_scope_text(scope))
                )
    print(text("load.summary", lang, **counts))
    return 1 if counts["rejected"] else 0


def _status(args: argparse.Namespace) -> int:
    lang = args.lang
    path = Path(args.db or warehouse.default_db_path())
    if not path.exists():
        print(text("status.no_warehouse", lang, path=path))
        return 1
    with warehouse.reading(path) as connection:
        coverage = coverage_table(connection)
        submissions = connection.execute("SELECT count(*) FROM submission").fetchone()[0]
        reports = connection.execute("SELECT coalesce(sum(count), 0) FROM v_reports").fetchone()[0]
        years = sorted({int(y) for y in coverage["year"]}) if not coverage.empty else []
        fte_gaps = missing_fte(connection, years)
    print(
        text(
            "status.header",
            lang,
            path=path,
            submissions=format_number(submissions, lang=lang),
            reports=format_number(reports, lang=lang),
        )
    )
    for (department, year), group in coverage.groupby(["department", "year"], sort=True):
        parts = []
        for row in group.itertuples():
            status = text(f"coverage.{row.status}", lang)
            if row.status == MISSING:
                parts.append(f"{row.channel}: {status}")
            else:
                parts.append(
                    f"{row.channel}: {format_number(row.report_count, lang=lang)} ({row.submission_id})"
                )
        print(f"{department:<5} {year}  " + "; ".join(parts))
    missing = coverage[coverage["status"] == MISSING]
    if not missing.empty:
        items = ", ".join(f"{r.department} {r.year} {r.channel}" for r in missing.itertuples())
        print(text("status.missing", lang, items=items))
    if fte_gaps:
        print(text("status.fte_missing", lang, items=", ".join(f"{d} {y}" for d, y in fte_gaps)))
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    lang = args.lang
    path = Path(args.db or warehouse.default_db_path())
    store = raw_store.store_path(path)
    has_manifest = raw_store.has_manifest(store)
    if not path.exists() and not has_manifest:
        print(text("status.no_warehouse", lang, path=path))
        return 1
    from_raw = args.from_raw or not warehouse_readable(path)
    if from_raw:
        if not has_manifest:
            # Nothing to rebuild from but the unreadable file itself: only a backup helps.
            print(text("rebuild.no_manifest", lang, store=store), file=sys.stderr)
            return STORAGE_FAILED
        print(text("rebuild.from_raw", lang, path=path, store=store), file=sys.stderr)
    count, failed = rebuild(path, from_raw=from_raw)
    if failed is not None:
        print(
            text("rebuild.failed", lang, submission_id=failed.submission_id, file=failed.file_name),
            file=sys.stderr,
        )
        for problem in failed.problems:
            print(f"  - {problem.message(lang)}", file=sys.stderr)
        return 1
    print(text("rebuild.done", lang, count=count, path=path))
    _derive(path, args.wait, lang)
    return 0


def storage_message(error: BaseException, path: Path, lang: str) -> str | None:
    """What to tell whoever ran a command that its warehouse's storage stopped, None when the
    error is something else. Shared with `python -m publication`."""
    if isinstance(error, raw_store.RawStoreError):
        return text(
            "storage.raw_missing", lang, sha256=error.sha256, store=raw_store.store_path(path)
        )
    if isinstance(error, raw_store.WarehouseLost):
        return text("storage.warehouse_lost", lang, path=path, submissions=error.submissions)
    kind = warehouse.storage_failure(error)
    if kind == warehouse.DISK_FULL:
        return text("storage.disk_full", lang, path=path)
    if kind == warehouse.LOCKED:
        return text("storage.locked", lang, path=path)
    if kind == warehouse.CORRUPT:
        return text("storage.corrupt", lang, path=path)
    return None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"load": _load, "status": _status, "rebuild": _rebuild}
    try:
        return handlers[args.command](args)
    except Exception as error:
        message = storage_message(error, Path(args.db or warehouse.default_db_path()), args.lang)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return STORAGE_FAILED
