"""`python -m briefing build --out DIR [--year YEAR] [--lang nl|en] [--db PATH] [--release ID]
[--willingness]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from base.texts import LANGUAGES, language_from_environment, text
from etl import warehouse
from presentation.exports import stop_export_server
from publication import releases


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m briefing",
        description="Meldingenmonitor Rijk: figuren, tabellen en briefing voor de Kamerbrief / "
        "figures, tables and briefing for the letter to parliament.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="write the standard set and manifest.json")
    build.add_argument("--out", type=Path, required=True, help="folder to write into")
    build.add_argument("--year", type=int, default=None, help="last year (default: newest)")
    build.add_argument("--lang", choices=LANGUAGES, default=language_from_environment())
    build.add_argument(
        "--release",
        default=None,
        help="the figures of this release, with its name and date (python -m publication "
        "release list); default: the figures shown now, marked provisional",
    )
    build.add_argument(
        "--willingness",
        action="store_true",
        help="add the section on measures and willingness to report (Meldingsbereidheid)",
    )
    build.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"warehouse file (default: $MELDINGEN_DB or {warehouse.DEFAULT_DB_PATH})",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Imported after parsing: the document builders bring reportlab, python-docx and scipy, which
    # --help and a wrong argument need not wait for.
    from briefing.build import build_standard_set
    from briefing.content import default_years, load_data

    db = args.db or warehouse.default_db_path()
    if not Path(db).exists():
        print(text("export.cli_no_data", args.lang, db=db), file=sys.stderr)
        return 1
    try:
        data = load_data(Path(db), args.release, willingness=args.willingness)
    except releases.ReleaseError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 1
    years = list(data.publication.years)
    if not years:
        print(text("export.cli_no_data", args.lang, db=db), file=sys.stderr)
        return 1
    if args.year is not None and args.year not in years:
        print(
            text("export.cli_bad_year", args.lang, year=args.year, first=years[0], last=years[-1]),
            file=sys.stderr,
        )
        return 2
    try:
        manifest = build_standard_set(data, args.out, default_years(data, args.year), args.lang)
    finally:
        stop_export_server()
    print(
        text(
            "export.cli_done",
            args.lang,
            count=len(manifest["files"]),
            out=args.out,
            manifest=args.out / "manifest.json",
        )
    )
    return 0
