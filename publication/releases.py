"""After the derived results, on an administrator's word: releases ('publicaties'), immutable named
snapshots of everything the product shows, so that a figure cited in a letter to parliament stays
citable; and the revisions between two releases (or a release and now).

A release is made from the derived results the pages show now (publication.derived, passed by the
disclosure gate in the worker), audited together with every earlier release
(publication.version_audit: differencing two releases must not reveal a small number), and
written once into the raw store beside the warehouse, where loading, replacing and rebuilding
(`python -m etl rebuild --from-raw`) leave it alone and the backup of the store takes it along:

    <db>.raw/releases/releases.jsonl         append-only: 'created' (with the sha256 of the two
                                             files below) and 'withdrawn' (reason, time, who)
    <db>.raw/releases/<id>/release.duckdb    the release row, its submissions, the derived results
                                             under their own key (publication/sql/) and the finest
                                             cells (raw: for the audit of later releases only)
    <db>.raw/releases/<id>/shown.csv         the registry of every number it shows
                                             (publication.shown), safe to pass on

Nothing edits a release: the files are written to a temporary folder, made read-only and renamed
into place; an id is never used twice; every read checks both files against the sha256 recorded
when it was created (ReleaseError 'release.error.tampered' otherwise). A release can only be
withdrawn, with a reason: an event in the journal. A withdrawn release stays readable (a letter
that cited it can still be checked) and stays in the audit of later releases (once published, it
is known).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from base.texts import text
from etl import queries, raw_store, warehouse
from etl.contract import FTE_FILE, MEASURES_FILE, REPORT_FILE
from etl.loading import default_loader_identity
from protection.rules import ProtectionRules
from publication import derived, shown, version_audit, willingness
from publication.derived import DerivedResults
from publication.shown import ShownNumber

FOLDER = "releases"
JOURNAL = "releases.jsonl"
RESULTS_FILE = "release.duckdb"
SHOWN_FILE = "shown.csv"
FILES = (RESULTS_FILE, SHOWN_FILE)
PARTIAL_SUFFIX = ".partial"  # not '.tmp': raw_store.remove_leftovers removes '*/*.tmp' files
SQL_DIR = Path(__file__).resolve().parent / "sql"
TABLES = ("release", "release_submission", "release_cell")
ID_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$")
NOW = ("nu", "now")  # `release diff A nu`: the figures the pages show now
ACTIVE, WITHDRAWN = "active", "withdrawn"
CHANGED, REMOVED = "changed", "removed"
MAX_REASON = 500
# The columns of the revisions table (revisions(), its CSV download and `release diff --out`).
REVISION_COLUMNS = (
    "id",
    "change",
    "statistic",
    "year",
    *shown.DIMENSIONS,
    "old_value",
    "old_symbol",
    "new_value",
    "new_symbol",
    "submissions",
    "replaced",
    "reasons",
)
CELL_COLUMNS = (*queries.CELL_DIMENSIONS, "count")


class ReleaseError(Exception):
    """Why a release command cannot be done: a text key of base/texts/releases.py with its
    parameters, said in the user's language by `message`."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "nl") -> str:
        return text(self.key, lang, **self.params)


@dataclass(frozen=True)
class ReleasedSubmission:
    """A submission a release rests on, as the warehouse described it at its data version."""

    submission_id: str
    sequence_number: int
    file_name: str
    file_kind: str
    sha256: str
    loaded_at: dt.datetime | None
    loaded_by: str
    covers: str  # 'BZK 2021, BZK 2022': department and year of every scope
    replaced_by: str  # ', '-joined ids of later submissions (up to the release) replacing a part
    fully_in_force: bool
    note: str  # what the department said on delivery (the reason of a replacement)

    def scopes(self) -> set[tuple[str, int]]:
        found = set()
        for part in (self.covers or "").split(", "):
            department, _, year = part.rpartition(" ")
            if department and year.isdigit():
                found.add((department, int(year)))
        return found


@dataclass(frozen=True)
class CitedVersion(queries.DataVersion):
    """A data version with the release that covers its figures (None: provisional), so that
    every export and the briefing say which (presentation.exports.edition_line)."""

    release_id: str | None = None
    release_name: str | None = None
    release_date: dt.date | None = None
    withdrawn: bool = False


@dataclass(frozen=True)
class Release:
    """One release. Frozen: nothing changes it; `withdraw` records a withdrawal beside it."""

    release_id: str
    name: str
    date: dt.date
    created_at: dt.datetime
    created_by: str
    data_version: int
    logic_version: int
    threshold: int
    min_width: float
    submissions_in_force: int
    latest_submission_id: str | None
    latest_load: dt.datetime | None
    synthetic: bool
    extra_hidden: tuple[str, ...]
    submissions: tuple[ReleasedSubmission, ...]
    withdrawn_at: dt.datetime | None = None
    withdrawn_by: str | None = None
    withdrawn_reason: str | None = None

    @property
    def status(self) -> str:
        return WITHDRAWN if self.withdrawn_at is not None else ACTIVE

    @property
    def rules(self) -> ProtectionRules:
        return ProtectionRules(threshold=self.threshold, min_interval_width=self.min_width)

    @property
    def version(self) -> queries.DataVersion:
        """The data version as the source lines of exports quote it (etl.queries.DataVersion)."""
        return queries.DataVersion(
            submissions_in_force=self.submissions_in_force,
            latest_submission_id=self.latest_submission_id,
            latest_load=None if self.latest_load is None else pd.Timestamp(self.latest_load),
            synthetic=self.synthetic,
        )

    def cited(self) -> CitedVersion:
        """Its data version as exports cite it: with its name, id and date."""
        version = self.version
        return CitedVersion(
            submissions_in_force=version.submissions_in_force,
            latest_submission_id=version.latest_submission_id,
            latest_load=version.latest_load,
            synthetic=version.synthetic,
            release_id=self.release_id,
            release_name=self.name,
            release_date=self.date,
            withdrawn=self.status == WITHDRAWN,
        )


# --- where releases are ---------------------------------------------------------------------


def folder(db_path: Path) -> Path:
    """The releases of the warehouse at db_path: in its raw store, which rebuild keeps."""
    return raw_store.store_path(Path(db_path)) / FOLDER


def _journal(db_path: Path) -> Path:
    return folder(db_path) / JOURNAL


@contextlib.contextmanager
def _lock(db_path: Path) -> Iterator[None]:
    """One writer of releases at a time (create and withdraw read, check and append)."""
    where = folder(db_path)
    where.mkdir(parents=True, exist_ok=True)
    with open(where / ".lock", "a+") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _append(db_path: Path, event: dict[str, object]) -> None:
    path = _journal(db_path)
    with open(path, "ab") as journal:
        journal.write((json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8"))
        journal.flush()
        os.fsync(journal.fileno())


def _events(db_path: Path) -> list[dict]:
    # A release without its 'created' line does not exist (its folder is left for an
    # administrator to look at); a lost withdrawal did not happen and can be made again.
    return [
        event
        for event in raw_store.read_journal(_journal(db_path))
        if isinstance(event.get("release_id"), str)
    ]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- reading --------------------------------------------------------------------------------


def _created(db_path: Path) -> dict[str, dict]:
    return {e["release_id"]: e for e in _events(db_path) if e.get("event") == "created"}


def _withdrawals(db_path: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for event in _events(db_path):
        if event.get("event") == "withdrawn":
            found.setdefault(event["release_id"], event)  # the first counts
    return found


def _verified(db_path: Path, release_id: str, created: dict) -> Path:
    """The folder of a release whose files are exactly those it was created with."""
    where = folder(db_path) / release_id
    for name in FILES:
        path = where / name
        expected = (created.get("digests") or {}).get(name)
        if not path.exists() or expected is None or _sha256(path) != expected:
            raise ReleaseError("release.error.tampered", release=release_id, file=name)
    return where


def _read_release(connection: duckdb.DuckDBPyConnection) -> tuple[tuple, list[tuple]]:
    row = connection.execute(
        "SELECT release_id, name, release_date, created_at, created_by, data_version, "
        "logic_version, threshold, min_width, submissions_in_force, latest_submission_id, "
        "latest_load, synthetic, extra_hidden FROM release"
    ).fetchone()
    submissions = connection.execute(
        "SELECT submission_id, sequence_number, file_name, file_kind, sha256, loaded_at, "
        "loaded_by, covers, replaced_by, fully_in_force, note FROM release_submission "
        "ORDER BY sequence_number"
    ).fetchall()
    return row, submissions


def _release(row: tuple, submissions: list[tuple], withdrawal: dict | None) -> Release:
    return Release(
        release_id=row[0],
        name=row[1],
        date=row[2],
        created_at=row[3],
        created_by=row[4],
        data_version=int(row[5]),
        logic_version=int(row[6]),
        threshold=int(row[7]),
        min_width=float(row[8]),
        submissions_in_force=int(row[9]),
        latest_submission_id=row[10],
        latest_load=row[11],
        synthetic=bool(row[12]),
        extra_hidden=tuple(row[13] or ()),
        submissions=tuple(
            ReleasedSubmission(
                submission_id=s[0],
                sequence_number=int(s[1]),
                file_name=s[2],
                file_kind=s[3],
                sha256=s[4],
                loaded_at=s[5],
                loaded_by=s[6] or "",
                covers=s[7] or "",
                replaced_by=s[8] or "",
                fully_in_force=bool(s[9]),
                note=s[10] or "",
            )
            for s in submissions
        ),
        withdrawn_at=None
        if withdrawal is None
        else dt.datetime.fromisoformat(str(withdrawal["at"])),
        withdrawn_by=None if withdrawal is None else str(withdrawal.get("by") or ""),
        withdrawn_reason=None if withdrawal is None else str(withdrawal.get("reason") or ""),
    )


def get(db_path: Path, release_id: str) -> Release:
    """The release with this id (checked against its digests); ReleaseError when there is none."""
    created = _created(db_path).get(release_id)
    if created is None:
        raise ReleaseError("release.error.unknown", release=release_id)
    where = _verified(db_path, release_id, created)
    with warehouse.reading(where / RESULTS_FILE) as connection:
        row, submissions = _read_release(connection)
    return _release(row, submissions, _withdrawals(db_path).get(release_id))


def list_releases(db_path: Path) -> list[Release]:
    """Every release, withdrawn ones included, oldest first."""
    return [get(db_path, release_id) for release_id in _created(db_path)]


def results(db_path: Path, release_id: str) -> DerivedResults:
    """The derived results a release was made from, exactly as they were (its own file)."""
    release = get(db_path, release_id)
    where = folder(db_path) / release_id
    with warehouse.reading(where / RESULTS_FILE) as connection:
        found = derived.read(connection, release.data_version, release.rules, release.logic_version)
    if found is None:
        raise ReleaseError("release.error.tampered", release=release_id, file=RESULTS_FILE)
    return found


def shown_rows(db_path: Path, release_id: str) -> list[ShownNumber]:
    """The registry of every number the release shows (its shown.csv)."""
    created = _created(db_path).get(release_id)
    if created is None:
        raise ReleaseError("release.error.unknown", release=release_id)
    return shown.read_csv(_verified(db_path, release_id, created) / SHOWN_FILE)


def shown_csv_path(db_path: Path, release_id: str) -> Path:
    """The release's shown.csv, checked (for `python -m publication audit --release`)."""
    created = _created(db_path).get(release_id)
    if created is None:
        raise ReleaseError("release.error.unknown", release=release_id)
    return _verified(db_path, release_id, created) / SHOWN_FILE


def release_cells(db_path: Path, release_id: str) -> pd.DataFrame:
    """The finest cells of the release's data version (raw counts: for the audit only)."""
    created = _created(db_path).get(release_id)
    if created is None:
        raise ReleaseError("release.error.unknown", release=release_id)
    where = _verified(db_path, release_id, created)
    columns = ", ".join(CELL_COLUMNS)
    with warehouse.reading(where / RESULTS_FILE) as connection:
        frame = connection.execute(
            f"SELECT {columns} FROM release_cell ORDER BY {columns}"  # noqa: S608 (constants)
        ).df()
    return frame.astype({"year": int, "count": int})


# --- creating -------------------------------------------------------------------------------


def _next_id(db_path: Path, date: dt.date) -> str:
    taken = set(_created(db_path))
    number = 1
    while f"{date.year}-{number}" in taken:
        number += 1
    return f"{date.year}-{number}"


def _insert_columns(
    connection: duckdb.DuckDBPyConnection, table: str, columns: dict[str, tuple[str, list]]
) -> None:
    """Rows given column-wise, unnested in one statement (as publication.derived._insert)."""
    names = ", ".join(columns)
    selects = ", ".join(f"unnest(?::{kind}[])" for kind, _ in columns.values())
    connection.execute(
        f"INSERT INTO {table} ({names}) SELECT {selects}",  # noqa: S608 (names of this module)
        [values for _, values in columns.values()],
    )


def _write_release_file(
    path: Path,
    release: Release,
    results: DerivedResults,
    cells: pd.DataFrame,
) -> None:
    rules = release.rules
    with warehouse.writing(path, fresh=True) as connection:
        derived.store(connection, results, rules)
        for table in TABLES:
            connection.execute((SQL_DIR / f"{table}.sql").read_text(encoding="utf-8"))
        connection.execute(
            "INSERT INTO release VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                release.release_id,
                release.name,
                release.date,
                release.created_at,
                release.created_by,
                release.data_version,
                release.logic_version,
                release.threshold,
                release.min_width,
                release.submissions_in_force,
                release.latest_submission_id,
                release.latest_load,
                release.synthetic,
                list(release.extra_hidden),
            ],
        )
        subs = release.submissions
        if subs:
            _insert_columns(
                connection,
                "release_submission",
                {
                    "release_id": ("VARCHAR", [release.release_id] * len(subs)),
                    "submission_id": ("VARCHAR", [s.submission_id for s in subs]),
                    "sequence_number": ("INTEGER", [s.sequence_number for s in subs]),
                    "file_name": ("VARCHAR", [s.file_name for s in subs]),
                    "file_kind": ("VARCHAR", [s.file_kind for s in subs]),
                    "sha256": ("VARCHAR", [s.sha256 for s in subs]),
                    "loaded_at": ("TIMESTAMP", [s.loaded_at for s in subs]),
                    "loaded_by": ("VARCHAR", [s.loaded_by for s in subs]),
                    "covers": ("VARCHAR", [s.covers for s in subs]),
                    "replaced_by": ("VARCHAR", [s.replaced_by for s in subs]),
                    "fully_in_force": ("BOOLEAN", [s.fully_in_force for s in subs]),
                    "note": ("VARCHAR", [s.note for s in subs]),
                },
            )
        if len(cells):
            kinds = {"year": "INTEGER", "count": "BIGINT"}
            _insert_columns(
                connection,
                "release_cell",
                {
                    "release_id": ("VARCHAR", [release.release_id] * len(cells)),
                    **{
                        column: (
                            kinds.get(column, "VARCHAR"),
                            [
                                None
                                if pd.isna(value)
                                else (int(value) if column in kinds else str(value))
                                for value in cells[column]
                            ],
                        )
                        for column in CELL_COLUMNS
                    },
                },
            )
    Path(f"{path}.lock").unlink(missing_ok=True)


def _submissions(history: pd.DataFrame) -> tuple[ReleasedSubmission, ...]:
    def plain(value: object) -> str:
        return (
            "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
        )

    found = [
        ReleasedSubmission(
            submission_id=str(row["submission_id"]),
            sequence_number=int(row["sequence_number"]),
            file_name=plain(row["file_name"]),
            file_kind=plain(row["file_kind"]),
            sha256=plain(row["sha256"]),
            loaded_at=None
            if pd.isna(row["loaded_at"])
            else pd.Timestamp(row["loaded_at"]).to_pydatetime(),
            loaded_by=plain(row["loaded_by"]),
            covers=plain(row["covers"]),
            replaced_by=plain(row["replaced_by"]),
            fully_in_force=bool(row["fully_in_force"]),
            note=plain(row["note"]),
        )
        for row in history.to_dict("records")
    ]
    return tuple(sorted(found, key=lambda s: s.sequence_number))


def _protect(
    db_path: Path, results: DerivedResults, cells: pd.DataFrame, rules: ProtectionRules
) -> tuple[DerivedResults, tuple[str, ...]]:
    """The results audited together with every earlier release, withdrawn ones included (once
    published, known); extra suppressions where differencing would reveal a small number."""
    earlier_ids = list(_created(db_path))
    earlier = [
        version_audit.Version(rows=tuple(shown_rows(db_path, r)), cells=release_cells(db_path, r))
        for r in earlier_ids
    ]
    protection = version_audit.protect_new_version(earlier, results, cells, rules)
    audit = protection.audit
    if not audit.passed:
        reason = audit.reason("nl") if hasattr(audit, "reason") else str(audit)
        raise ReleaseError("release.error.not_protected", detail=reason)
    return protection.results, tuple(protection.extra_hidden)


def create(
    db_path: Path,
    name: str,
    *,
    date: dt.date | None = None,
    release_id: str | None = None,
    created_by: str | None = None,
    rules: ProtectionRules | None = None,
    now: dt.datetime | None = None,
) -> Release:
    """Make a release of the figures the pages show now: the newest complete derived results,
    which must describe the data in the warehouse now (else: derive first).

    Refused (ReleaseError) for an empty name, an id that is not short and URL-safe or that is
    taken (also by a withdrawn release), figures that are not computed, and figures that cannot
    be protected together with the earlier releases.
    """
    db_path = Path(db_path)
    rules = rules or ProtectionRules()
    name = (name or "").strip()
    if not name:
        raise ReleaseError("release.error.no_name")
    if not db_path.exists():
        raise ReleaseError("release.error.no_data")
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    date = date or now.date()
    with _lock(db_path):
        release_id = release_id or _next_id(db_path, date)
        if not ID_PATTERN.match(release_id) or release_id.lower() in NOW:
            raise ReleaseError("release.error.bad_id", release=release_id)
        where = folder(db_path)
        if release_id in _created(db_path) or (where / release_id).exists():
            raise ReleaseError("release.error.exists", release=release_id)
        with warehouse.reading(db_path) as connection:
            now_state = derived.state(connection, rules)
            current = derived.latest(connection, rules)
            if current is None or not current.publication.years:
                raise ReleaseError("release.error.no_data")
            if current.data_version != now_state.data_version:
                raise ReleaseError(
                    "release.error.not_current",
                    shown=current.data_version,
                    newest=now_state.data_version,
                )
            cells_now = queries.finest_cells(connection)
            history = queries.submission_history(connection, up_to_sequence=current.data_version)
            version = queries.data_version(connection, up_to_sequence=current.data_version)
        protected, extra_hidden = _protect(db_path, current, cells_now, rules)
        release = Release(
            release_id=release_id,
            name=name,
            date=date,
            created_at=now,
            created_by=created_by or default_loader_identity(),
            data_version=current.data_version,
            logic_version=derived.LOGIC_VERSION,
            threshold=int(rules.threshold),
            min_width=float(rules.min_interval_width),
            submissions_in_force=version.submissions_in_force,
            latest_submission_id=version.latest_submission_id,
            latest_load=None
            if version.latest_load is None
            else pd.Timestamp(version.latest_load).to_pydatetime(),
            synthetic=version.synthetic,
            extra_hidden=extra_hidden,
            submissions=_submissions(history),
        )
        partial = where / f".{release_id}.{os.getpid()}{PARTIAL_SUFFIX}"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        try:
            _write_release_file(partial / RESULTS_FILE, release, protected, cells_now)
            # shown.csv from the results as stored, read back: what the release's pages read.
            with warehouse.reading(partial / RESULTS_FILE) as connection:
                stored = derived.read(connection, release.data_version, rules)
            assert stored is not None
            shown.write_csv(shown.shown_numbers(stored), partial / SHOWN_FILE)
            digests = {}
            for file_name in FILES:
                path = partial / file_name
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
                path.chmod(0o444)  # read-only: nothing edits a release
                digests[file_name] = _sha256(path)
            _fsync_dir(partial)
            os.rename(partial, where / release_id)  # fails when the id was taken meanwhile
            _fsync_dir(where)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        _append(
            db_path,
            {
                "event": "created",
                "release_id": release_id,
                "at": now.isoformat(timespec="microseconds"),
                "by": release.created_by,
                "digests": digests,
            },
        )
    return release


def withdraw(
    db_path: Path,
    release_id: str,
    reason: str,
    *,
    by: str | None = None,
    now: dt.datetime | None = None,
) -> Release:
    """Withdraw a release, with a reason: an event beside it; its figures stay as they were."""
    db_path = Path(db_path)
    reason = (reason or "").strip()
    if not reason:
        raise ReleaseError("release.error.no_reason")
    with _lock(db_path):
        release = get(db_path, release_id)
        if release.status == WITHDRAWN:
            raise ReleaseError(
                "release.error.already_withdrawn",
                release=release_id,
                at=release.withdrawn_at.strftime("%d-%m-%Y") if release.withdrawn_at else "",
            )
        now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        _append(
            db_path,
            {
                "event": "withdrawn",
                "release_id": release_id,
                "at": now.isoformat(timespec="microseconds"),
                "by": by or default_loader_identity(),
                "reason": reason[:MAX_REASON],
            },
        )
    return get(db_path, release_id)


# --- revisions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What a revisions table compares: a release, or the figures the pages show now."""

    label: str  # the release id, or 'nu'/'now'
    data_version: int
    rows: tuple[ShownNumber, ...]
    submissions: tuple[ReleasedSubmission, ...]


def snapshot(db_path: Path, reference: str, rules: ProtectionRules | None = None) -> Snapshot:
    """A release by id, or with 'nu'/'now' the figures the pages show now."""
    db_path = Path(db_path)
    if reference.lower() in NOW:
        rules = rules or ProtectionRules()
        if not db_path.exists():
            raise ReleaseError("release.error.no_data")
        with warehouse.reading(db_path) as connection:
            current = derived.latest(connection, rules)
            if current is None:
                raise ReleaseError("release.error.no_data")
            history = queries.submission_history(connection, up_to_sequence=current.data_version)
        return Snapshot(
            reference,
            current.data_version,
            tuple(shown.shown_numbers(current)),
            _submissions(history),
        )
    release = get(db_path, reference)
    return Snapshot(
        reference,
        release.data_version,
        tuple(shown_rows(db_path, reference)),
        release.submissions,
    )


# What each kind of delivery can change on the page 'Meldingsbereidheid' (publication.willingness;
# its statistics start with willingness.PREFIX, a detail may follow after ':'). The comparison
# of ministries that started a measure rests on all three: its cohorts on the measures, its usable
# ministries on a complete fte, its cells on the reports.
_COMPARISON = (
    willingness.RATIO, willingness.RATIO_LOWER, willingness.RATIO_UPPER, willingness.DIFFERENCE,
    willingness.DIFFERENCE_LOWER, willingness.DIFFERENCE_UPPER, willingness.CELL_COUNT,
    willingness.CELL_EXPOSURE, willingness.CELL_RATE, willingness.PRE_TREND_P,
    willingness.DISPERSION,  # of the comparison, and of the detectable change (reports only)
)  # fmt: skip
# The survey indicators are reference data: no delivery changes them.
_WILLINGNESS_FROM: dict[str, tuple[str, ...]] = {
    REPORT_FILE: (
        *_COMPARISON,
        willingness.EXPECTED,
        willingness.RISE,
        willingness.FALL,
    ),
    FTE_FILE: (*_COMPARISON, willingness.ACTIVITIES_RATE),
    MEASURES_FILE: (
        *_COMPARISON,
        willingness.ACTIVITIES,
        willingness.PARTICIPANTS,
        willingness.ACTIVITIES_RATE,
    ),
}


def _is_one_of(statistic: str, names: tuple[str, ...]) -> bool:
    return any(statistic == name or statistic.startswith(name + ":") for name in names)


def _may_change(file_kind: str, statistic: str) -> bool:
    """Whether a delivery of this kind can change a statistic at all: reports change every count
    and what is computed from them; an fte file only rates; a measures file only the measures of
    the page 'Meldingsbereidheid' and the comparison built on them, never a count of reports."""
    if statistic.startswith(willingness.PREFIX):
        return _is_one_of(
            statistic, _WILLINGNESS_FROM.get(file_kind, _WILLINGNESS_FROM[REPORT_FILE])
        )
    if file_kind == FTE_FILE:
        return statistic.startswith(shown.RATE)
    return file_kind != MEASURES_FILE


def _affects(submission: ReleasedSubmission, row: ShownNumber) -> bool:
    """Whether a submission can have changed a number: its kind can change the statistic
    (_may_change) and its scope lies inside the number's definition (department and year)."""
    if not _may_change(submission.file_kind, row.statistic):
        return False
    try:
        years = set(shown.years_of(row.year))
    except ValueError:
        years = set()
    departments = None if row.department == shown.ALL else set(row.department.split(";"))
    return any(
        year in years and (departments is None or department in departments)
        for department, year in submission.scopes()
    )


def _plain(value: int | float | None) -> str:
    return shown.format_value(value)


def revisions(old: Snapshot, new: Snapshot) -> pd.DataFrame:
    """Every number of `old` whose value or symbol is different in `new` ('changed') or that
    `new` no longer shows ('removed'), with the submissions that came in between and lie inside
    its definition, the earlier submissions they replaced and the reasons the departments gave.

    Numbers that only `new` has (a new year) are not revisions and are left out. Rows in the
    order of `old`'s registry; columns REVISION_COLUMNS, all text.
    """
    newer = new if new.data_version >= old.data_version else old
    low, high = sorted((old.data_version, new.data_version))
    between = [s for s in newer.submissions if low < s.sequence_number <= high]
    replaced_of = {
        s.submission_id: [
            r.submission_id
            for r in newer.submissions
            if s.submission_id in [part.strip() for part in r.replaced_by.split(",")]
        ]
        for s in between
    }
    after = {row.id: row for row in new.rows}
    records = []
    for row in old.rows:
        other = after.get(row.id)
        if other is not None and (_plain(row.value), row.symbol) == (
            _plain(other.value),
            other.symbol,
        ):
            continue
        causes = [s for s in between if _affects(s, row)]
        records.append(
            {
                "id": row.id,
                "change": REMOVED if other is None else CHANGED,
                "statistic": row.statistic,
                "year": row.year,
                **{dimension: getattr(row, dimension) for dimension in shown.DIMENSIONS},
                "old_value": _plain(row.value),
                "old_symbol": row.symbol,
                "new_value": "" if other is None else _plain(other.value),
                "new_symbol": "" if other is None else other.symbol,
                "submissions": "; ".join(s.submission_id for s in causes),
                "replaced": "; ".join(
                    old_id for s in causes for old_id in replaced_of[s.submission_id]
                ),
                "reasons": "; ".join(f"{s.submission_id}: {s.note}" for s in causes if s.note),
            }
        )
    return pd.DataFrame(records, columns=list(REVISION_COLUMNS)).astype(str)


def revisions_csv(frame: pd.DataFrame) -> bytes:
    """The revisions table as UTF-8 CSV (comma, '\\n'), the same bytes for the same releases."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def release_of_version(db_path: Path, data_version: int) -> Release | None:
    """The newest active release of this data version (figures it covers are not provisional)."""
    found = [
        r for r in list_releases(db_path) if r.data_version == data_version and r.status == ACTIVE
    ]
    return found[-1] if found else None


def describe(release: Release, lang: str = "nl") -> str:
    """'Jaarrapportage 2025 (2025-1), vastgesteld 31-03-2026'."""
    return text(
        "release.label",
        lang,
        name=release.name,
        release=release.release_id,
        date=release.date.strftime("%d-%m-%Y"),
    )
