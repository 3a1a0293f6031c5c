"""The command line of the publication: compute the derived results of a warehouse (the worker that
every commit starts) and say how far they are."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from base.texts import LANGUAGES, language_from_environment, text
from etl import warehouse
from protection.rules import ProtectionRules
from publication import derived, worker


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m publication",
        description="Meldingenmonitor Rijk: beschermde cijfers berekenen / compute protected figures.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"warehouse file (default: $MELDINGEN_DB or {warehouse.DEFAULT_DB_PATH})",
    )
    common.add_argument("--lang", choices=LANGUAGES, default=language_from_environment())
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "derive", parents=[common], help="compute the derived results of the newest data version"
    )
    commands.add_parser("status", parents=[common], help="which data version the pages show")
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"derive": _derive, "status": _status}[args.command](args)
