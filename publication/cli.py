"""The command line of the publication: compute the derived results of a warehouse (the worker that
every commit starts), say how far they are, and write the auditor's export (every number shown and
the product's own bounds for the hidden ones, publication.shown and publication.disclosure)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from base.texts import text
from etl import queries, warehouse
from etl.cli import STORAGE_FAILED, common_options, storage_message
from protection.rules import ProtectionRules
from publication import derived, disclosure, shown, worker


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m publication",
        description="Meldingenmonitor Rijk: beschermde cijfers berekenen / compute protected figures.",
    )
    common = common_options()
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "derive", parents=[common], help="compute the derived results of the newest data version"
    )
    commands.add_parser("status", parents=[common], help="which data version the pages show")
    audit = commands.add_parser(
        "audit",
        parents=[common],
        help="write shown.csv and audit.csv (docs/protection.md); exit 1 when the audit fails",
    )
    audit.add_argument("--out", type=Path, required=True, help="folder for shown.csv, audit.csv")
    audit.add_argument("--release", default=None, help="a release id (releases do not exist yet)")
    return parser


def _derive(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    path = Path(args.db or warehouse.default_db_path())
    if not path.exists():
        print(text("status.no_warehouse", args.lang, path=path), file=sys.stderr)
        return 1
    outcome = worker.derive(path)
    if outcome.error is not None:
        print(text("derive.failed", args.lang), file=sys.stderr)
        return 1
    print(text("derive.done", args.lang, version=outcome.complete_version or 0))
    return 0


def _status(args: argparse.Namespace) -> int:
    path = Path(args.db or warehouse.default_db_path())
    if not path.exists():
        print(text("status.no_warehouse", args.lang, path=path), file=sys.stderr)
        return 1
    with warehouse.reading(path) as connection:
        state = derived.state(connection, ProtectionRules())
    print(
        text(
            "derive.status",
            args.lang,
            data_version=state.data_version,
            complete_version="-" if state.complete_version is None else state.complete_version,
        )
    )
    if state.error:
        print(
            text("derive.status_failed", args.lang, version=state.failed_version), file=sys.stderr
        )
    return 0 if state.complete_version == state.data_version else 2


def _audit(args: argparse.Namespace) -> int:
    """The figures of the data in the warehouse now, as a fresh computation (the same as the worker
    makes): shown.csv, audit.csv and a summary; 1 when the audit fails."""
    if args.release is not None:
        print(text("audit.no_releases", args.lang), file=sys.stderr)
        return 2
    path = Path(args.db or warehouse.default_db_path())
    if not path.exists():
        print(text("status.no_warehouse", args.lang, path=path), file=sys.stderr)
        return 1
    rules = ProtectionRules()
    with warehouse.reading(path) as connection:
        results = derived.compute(connection, rules)
        cells = queries.finest_cells(connection)
    rows, audit = disclosure.audit_results(results, cells, rules)
    args.out.mkdir(parents=True, exist_ok=True)
    shown_path, audit_path = args.out / "shown.csv", args.out / "audit.csv"
    shown.write_csv(rows, shown_path)
    disclosure.audit_frame(audit).to_csv(audit_path, index=False, encoding="utf-8")
    print(text("audit.written", args.lang, shown=shown_path, audit=audit_path))
    print(
        text(
            "audit.summary",
            args.lang,
            version=results.data_version,
            rows=len(rows),
            hidden=len(audit.intervals),
            sensitive=len(audit.sensitive),
            seconds=f"{audit.seconds:.1f}",
        )
    )
    for view, tables in audit.information_loss.items():
        for table, share in tables.items():
            print(text("audit.loss", args.lang, view=view, table=table, share=f"{share:.1%}"))
    if not audit.passed:
        print(audit.reason(args.lang), file=sys.stderr)
        return 1
    print(text("audit.passed", args.lang, width=f"{rules.min_interval_width:g}"))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"derive": _derive, "status": _status, "audit": _audit}[args.command](args)
    except Exception as error:
        # A damaged warehouse or a full disk: say what to do (docs/deployment.md), no traceback.
        message = storage_message(error, Path(args.db or warehouse.default_db_path()), args.lang)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return STORAGE_FAILED
