"""The command line of the publication: compute the derived results of a warehouse (the worker that
every commit starts), say how far they are, write the auditor's export (every number shown and
the product's own bounds for the hidden ones, publication.shown and publication.disclosure), and
make, list, compare and withdraw releases (publication.releases, docs/releases.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from base.texts import text
from etl import queries, warehouse
from etl.cli import STORAGE_FAILED, common_options, storage_message
from protection.rules import ProtectionRules
from publication import derived, disclosure, releases, shown, worker

# Exit codes as python -m etl: 1 the command failed (refused, unknown release), 2 a wrong argument.
FAILED, BAD_ARGUMENT = 1, 2


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
    audit.add_argument(
        "--release", default=None, help="audit this release's figures (and write its shown.csv)"
    )
    release = commands.add_parser("release", help="releases: named, immutable sets of figures")
    actions = release.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", parents=[common], help="release the figures shown now")
    create.add_argument("name", help="for example 'Jaarrapportage 2025'")
    create.add_argument("--date", default=None, help="adopted on, YYYY-MM-DD (default: today)")
    create.add_argument("--id", default=None, help="short and URL-safe (default: YEAR-N)")
    create.add_argument("--user", default=None, help="who (default: $MELDINGEN_USER or login)")
    actions.add_parser("list", parents=[common], help="every release, withdrawn ones included")
    show = actions.add_parser("show", parents=[common], help="one release and its submissions")
    show.add_argument("id")
    diff = actions.add_parser(
        "diff", parents=[common], help="the published numbers that changed between A and B"
    )
    diff.add_argument("a", help="a release id")
    diff.add_argument("b", help="a release id, or nu/now for the figures shown now")
    diff.add_argument("--out", type=Path, default=None, help="write the revisions as CSV")
    withdraw = actions.add_parser("withdraw", parents=[common], help="withdraw, with a reason")
    withdraw.add_argument("id")
    withdraw.add_argument("--reason", required=True)
    withdraw.add_argument("--user", default=None, help="who (default: $MELDINGEN_USER or login)")
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
    path = Path(args.db or warehouse.default_db_path())
    if not path.exists():
        print(text("status.no_warehouse", args.lang, path=path), file=sys.stderr)
        return 1
    rules = ProtectionRules()
    if args.release is not None:
        # The release's own figures and cells, as frozen when it was made: its shown.csv, and
        # the audit of its numbers against the data they describe.
        try:
            release = releases.get(path, args.release)
            results = releases.results(path, args.release)
            cells = releases.release_cells(path, args.release)
        except releases.ReleaseError as error:
            print(error.message(args.lang), file=sys.stderr)
            return FAILED
        rules = release.rules
        print(
            text(
                "release.cli.audit_release",
                args.lang,
                release=release.release_id,
                name=release.name,
                version=release.data_version,
            )
        )
    else:
        with warehouse.reading(path) as connection:
            results = derived.compute(connection, rules)
            cells = queries.finest_cells(connection)
    rows, audit = disclosure.audit_results(results, cells, rules)
    if args.release is not None:
        rows = releases.shown_rows(path, args.release)  # exactly the release's registry
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


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise releases.ReleaseError("release.error.bad_date", date=value) from None


def _release_create(args: argparse.Namespace, path: Path) -> int:
    made = releases.create(
        path, args.name, date=_date(args.date), release_id=args.id, created_by=args.user
    )
    rows = releases.shown_rows(path, made.release_id)
    print(
        text(
            "release.cli.created",
            args.lang,
            label=releases.describe(made, args.lang),
            version=made.data_version,
            numbers=len(rows),
            extra=len(made.extra_hidden),
        )
    )
    return 0


def _release_list(args: argparse.Namespace, path: Path) -> int:
    found = releases.list_releases(path)
    if not found:
        print(text("release.cli.none", args.lang))
    for release in found:
        print(
            text(
                "release.cli.row",
                args.lang,
                release=release.release_id,
                date=release.date.isoformat(),
                status=text(f"release.status.{release.status}", args.lang),
                version=release.data_version,
                name=release.name,
            )
        )
    return 0


def _release_show(args: argparse.Namespace, path: Path) -> int:
    release = releases.get(path, args.id)
    rows = releases.shown_rows(path, args.id)
    print(
        text(
            "release.cli.show",
            args.lang,
            release=release.release_id,
            name=release.name,
            date=release.date.isoformat(),
            status=text(f"release.status.{release.status}", args.lang),
            created_at=release.created_at.isoformat(timespec="seconds"),
            created_by=release.created_by,
            version=release.data_version,
            label=release.version.label(),
            logic=release.logic_version,
            threshold=release.threshold,
            width=f"{release.min_width:g}",
            numbers=len(rows),
            hidden=sum(row.hidden for row in rows),
            extra=len(release.extra_hidden),
            submissions=len(release.submissions),
        )
    )
    if release.withdrawn_at is not None:
        print(
            text(
                "release.cli.withdrawn_line",
                args.lang,
                at=release.withdrawn_at.isoformat(timespec="seconds"),
                by=release.withdrawn_by,
                reason=release.withdrawn_reason,
            )
        )
    for submission in release.submissions:
        print(
            text(
                "release.cli.submission",
                args.lang,
                submission=submission.submission_id,
                file=submission.file_name,
                sha256=submission.sha256,
            )
        )
    return 0


def _release_diff(args: argparse.Namespace, path: Path) -> int:
    table = releases.revisions(releases.snapshot(path, args.a), releases.snapshot(path, args.b))
    print(text("release.cli.diff", args.lang, count=len(table), old=args.a, new=args.b))
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(releases.revisions_csv(table))
        print(text("release.cli.diff_written", args.lang, path=args.out))
    else:
        sys.stdout.write(releases.revisions_csv(table).decode("utf-8"))
    return 0


def _release_withdraw(args: argparse.Namespace, path: Path) -> int:
    releases.withdraw(path, args.id, args.reason, by=args.user)
    print(text("release.cli.withdrawn", args.lang, release=args.id))
    return 0


def _release(args: argparse.Namespace) -> int:
    path = Path(args.db or warehouse.default_db_path())
    handlers = {
        "create": _release_create,
        "list": _release_list,
        "show": _release_show,
        "diff": _release_diff,
        "withdraw": _release_withdraw,
    }
    try:
        return handlers[args.action](args, path)
    except releases.ReleaseError as error:
        print(error.message(args.lang), file=sys.stderr)
        return (
            BAD_ARGUMENT
            if error.key in ("release.error.bad_date", "release.error.bad_id")
            else FAILED
        )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"derive": _derive, "status": _status, "audit": _audit, "release": _release}
    try:
        return handlers[args.command](args)
    except Exception as error:
        # A damaged warehouse or a full disk: say what to do (docs/deployment.md), no traceback.
        message = storage_message(error, Path(args.db or warehouse.default_db_path()), args.lang)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return STORAGE_FAILED
