"""Departments upload their yearly exports: review (validation, error report, preview), commit, history.

The page `app_pages/aanleveren.py` only draws; every decision is made here, on the server, with the
principal of the current script run (app/auth.py):

1. `review_files`: validate with the same code as `python -m etl load`; for valid files the user
   may act for, compare with what is in force now and last year, list what will be replaced, find
   implausible jumps, and record the versions in force that the user is shown (`expected_current`).
   Nothing is stored; rejections and refusals go to the audit journal.
2. `commit`: store all files of the review in one warehouse swap (`etl.loading.load_files`), or
   report a version conflict when another load changed the same (department, year, channel) since
   the review. An implausible jump needs a reason, kept in `submission.note`.
3. `department_history`, `submitted_file`, `audit_trail`: per department, only for that
   department's uploaders and administrators.

Unprotected counts (preview, receipt, history) are only ever computed after the access check.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from app import auth
from app.auth import AccessDenied, Principal
from base.texts import DEFAULT_LANGUAGE
from base.texts import text as base_text
from etl import warehouse
from etl.contract import FTE_FILE, REPORT_FILE, looks_like_personal_data_header
from etl.loading import (
    IncomingFile,
    LoadOutcome,
    already_in_force,
    journal_refusal,
    load_files,
    raw_file,
    read_journal,
    scope_frame,
    versions_in_force,
)
from etl.problems import FileRejected, Problem
from etl.reading import read_table
from etl.validation import ValidationResult, personal_data_kind, validate_file
from publication.derived import store_derived

JUMP_FACTOR_ENV = "MELDINGEN_JUMP_FACTOR"
DEFAULT_JUMP_FACTOR = 10.0
JUMP_MIN_DIFFERENCE = 10  # a jump from 1 to 10 reports is not implausible, from 10 to 100 is
NOTE_MAX_CHARACTERS = 500
SOURCE = "app"
REPORT_SUFFIX = "_foutenrapport.csv"

Scope = tuple[str, int, str]


def tx(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """A text of the product's translation table (base.texts)."""
    return base_text(key, lang, **params)


def jump_factor() -> float:
    return float(os.environ.get(JUMP_FACTOR_ENV, DEFAULT_JUMP_FACTOR))


def known_departments() -> list[str]:
    """Codes a department can upload for: every ministry of sector Rijk, ever."""
    from base.reference import ministries

    return sorted(m.code for m in ministries() if m.in_sector_rijk)


def scope_text(scopes: Iterable[Scope]) -> str:
    return ", ".join(f"{d} {y} {c}".strip() for d, y, c in scopes)


# --- review ---------------------------------------------------------------------------------


@dataclass
class CheckedFile:
    """One chosen file and what validation said about it."""

    incoming: IncomingFile
    result: ValidationResult
    in_force: str | None = None  # the submission id when exactly this file is in force already

    @property
    def file_name(self) -> str:
        return self.incoming.file_name

    @property
    def accepted(self) -> bool:
        return self.result.accepted

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems

    @property
    def scope(self) -> list[Scope]:
        if not self.accepted:
            return []
        frame = scope_frame(self.result)
        return [(r.department, int(r.year), r.channel) for r in frame.itertuples()]

    @property
    def departments(self) -> list[str]:
        return sorted({department for department, _, _ in self.scope})

    @property
    def rows(self) -> int:
        return 0 if self.result.records is None else len(self.result.records)

    @property
    def reports(self) -> int:
        if not self.accepted or self.result.file_kind != REPORT_FILE:
            return 0
        return int(self.result.records["count"].sum())


@dataclass(frozen=True)
class Jump:
    """An implausible change: `new` against `reference` for one channel (or all, channel None)."""

    department: str
    year: int
    channel: str | None  # None: all channels of the department and year; '': the fte file
    new: float
    reference: float
    against: str  # 'current' or 'last_year'

    def describe(self, lang: str) -> str:
        from base.formatting import format_number

        if self.channel is None:
            channel = tx("upload.jump_total", lang)
        else:
            channel = tx(f"channel.{self.channel}", lang) if self.channel else "fte"
        what = f"{self.department} {self.year} {channel}"
        against = (
            tx("upload.jump_against_current", lang)
            if self.against == "current"
            else tx("upload.jump_against_last_year", lang, year=self.year - 1)
        )
        return tx(
            "upload.jump_line",
            lang,
            what=what,
            new=format_number(self.new, lang=lang),
            reference=format_number(self.reference, lang=lang),
            against=against,
        )


@dataclass
class Review:
    """Everything the user is shown before 'Vastleggen', and what the commit must find unchanged."""

    principal_identity: str
    files: list[CheckedFile]
    denied: list[str] = field(default_factory=list)
    overlapping: list[Scope] = field(default_factory=list)
    expected_current: dict[Scope, str | None] = field(default_factory=dict)
    channel_table: pd.DataFrame = field(default_factory=pd.DataFrame)
    category_table: pd.DataFrame = field(default_factory=pd.DataFrame)
    fte_table: pd.DataFrame = field(default_factory=pd.DataFrame)
    replaced: pd.DataFrame = field(default_factory=pd.DataFrame)
    jumps: list[Jump] = field(default_factory=list)

    @property
    def signature(self) -> tuple:
        return signature(self.principal_identity, [f.incoming for f in self.files])

    @property
    def valid(self) -> bool:
        return bool(self.files) and all(f.accepted for f in self.files)

    @property
    def ready(self) -> bool:
        """Valid, allowed and unambiguous: 'Vastleggen' may be pressed."""
        return self.valid and not self.denied and not self.overlapping

    @property
    def identical(self) -> bool:
        return self.ready and all(f.in_force for f in self.files)

    @property
    def departments(self) -> list[str]:
        return sorted({d for f in self.files for d in f.departments})


def signature(identity: str, files: Iterable[IncomingFile]) -> tuple:
    """What a review is a review of: who, and which bytes under which names."""
    return (identity, tuple((Path(f.file_name).name, f.sha256) for f in files))


def _unique(files: Iterable[IncomingFile]) -> list[IncomingFile]:
    seen: set[str] = set()
    unique = []
    for file in files:
        if file.sha256 not in seen:
            seen.add(file.sha256)
            unique.append(file)
    return unique


def review_files(
    files: list[IncomingFile],
    principal: Principal,
    db_path: Path | None = None,
    today: dt.date | None = None,
) -> Review:
    """Validate the chosen files and, when all are valid and allowed, preview what would change.

    Raises AccessDenied when the principal may not upload at all. Rejections and refused
    departments are written to the audit journal; nothing is written to the warehouse.
    """
    if not principal.can_upload:
        raise AccessDenied(principal.identity, "upload")
    path = Path(db_path or warehouse.default_db_path())
    checked = [
        CheckedFile(file, validate_file(file.content, file.file_name, today))
        for file in _unique(files)
    ]
    review = Review(principal.identity, checked)
    for file in checked:
        if not file.accepted:
            journal_refusal(
                path, action="rejected", actor=principal.identity, source=SOURCE,
                file_name=file.file_name, sha256=file.incoming.sha256,
                size_bytes=len(file.incoming.content), problems=file.problems,
            )  # fmt: skip
    review.denied = sorted({d for d in review.departments if not principal.may_act_for(d)})
    if review.denied:
        for file in checked:
            if set(file.departments) & set(review.denied):
                journal_refusal(
                    path, action="denied", actor=principal.identity, source=SOURCE,
                    file_name=file.file_name, sha256=file.incoming.sha256,
                    size_bytes=len(file.incoming.content), departments=file.departments,
                )  # fmt: skip
        return review  # no figures of any department for a request that is not all allowed
    scopes: dict[Scope, int] = {}
    for file in checked:
        for scope in file.scope:
            scopes[scope] = scopes.get(scope, 0) + 1
    review.overlapping = sorted(scope for scope, times in scopes.items() if times > 1)
    if not review.valid or review.overlapping:
        return review
    auth.require_upload(principal, review.departments)  # the figures below are unprotected
    _preview(review, path)
    return review


def _keys(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A frame to join on, typed even when empty (DuckDB cannot compare VARCHAR with INTEGER)."""
    frame = pd.DataFrame(rows, columns=columns)
    types = {c: ("int64" if c == "year" else "str") for c in columns}
    return frame.astype(types)


def _read_frame(connection: duckdb.DuckDBPyConnection, sql: str, frame: pd.DataFrame, name: str):
    connection.register(name, frame)
    try:
        return connection.execute(sql).df()
    finally:
        connection.unregister(name)


def _preview(review: Review, path: Path) -> None:
    report_files = [f for f in review.files if f.result.file_kind == REPORT_FILE]
    fte_files = [f for f in review.files if f.result.file_kind == FTE_FILE]
    all_scopes = [scope for f in review.files for scope in f.scope]
    last_year_scopes = [(d, y - 1, c) for d, y, c in all_scopes]
    if path.exists():
        with warehouse.reading(path) as connection:
            review.expected_current = versions_in_force(connection, all_scopes)
            previous = versions_in_force(connection, last_year_scopes)
            for file in review.files:
                file.in_force = already_in_force(connection, file.incoming.sha256)
            current_cells, last_cells, current_fte, last_fte, replaced = _warehouse_figures(
                connection, review, report_files, fte_files
            )
    else:
        review.expected_current = dict.fromkeys(all_scopes)
        previous = dict.fromkeys(last_year_scopes)
        current_cells = last_cells = pd.DataFrame(
            columns=["department", "year", "channel", "category", "count"]
        )
        current_fte = last_fte = pd.DataFrame(columns=["department", "year", "fte"])
        replaced = pd.DataFrame()
    review.replaced = replaced
    if report_files:
        new_cells = pd.concat([f.result.records for f in report_files], ignore_index=True)
        new_cells = new_cells.assign(category=new_cells["category"].fillna(""))
        new_cells = new_cells.groupby(
            ["department", "year", "channel", "category"], as_index=False
        )["count"].sum()
        _report_tables(review, new_cells, current_cells, last_cells, previous)
    if fte_files:
        new_fte = pd.concat([f.result.records for f in fte_files], ignore_index=True)
        _fte_table(review, new_fte[["department", "year", "fte"]], current_fte, last_fte, previous)


def _warehouse_figures(connection, review: Review, report_files, fte_files):
    report_scopes = _keys(
        [s for f in report_files for s in f.scope], ["department", "year", "channel"]
    )
    last_scopes = report_scopes.assign(year=report_scopes["year"] - 1)
    cells_sql = """
        SELECT r.department, r.year, r.channel, coalesce(r.category, '') AS category,
               sum(r.count) AS count
        FROM v_reports AS r
        JOIN {name} AS w ON w.department = r.department AND w.year = r.year
            AND w.channel = r.channel
        GROUP BY ALL
    """
    current_cells = _read_frame(
        connection, cells_sql.format(name="now_scope"), report_scopes, "now_scope"
    )
    last_cells = _read_frame(
        connection, cells_sql.format(name="last_scope"), last_scopes, "last_scope"
    )
    fte_pairs = _keys([(d, y) for f in fte_files for d, y, _ in f.scope], ["department", "year"])
    fte_sql = """
        SELECT f.department, f.year, f.fte FROM v_fte AS f
        JOIN {name} AS w ON w.department = f.department AND w.year = f.year
    """
    current_fte = _read_frame(connection, fte_sql.format(name="now_fte"), fte_pairs, "now_fte")
    last_fte = _read_frame(
        connection,
        fte_sql.format(name="last_fte"),
        fte_pairs.assign(year=fte_pairs["year"] - 1),
        "last_fte",
    )
    in_force = _keys(
        [(d, y, c, s) for (d, y, c), s in review.expected_current.items() if s is not None],
        ["department", "year", "channel", "submission_id"],
    )
    replaced = _read_frame(
        connection,
        """
        SELECT i.department, i.year, i.channel, i.submission_id, s.file_name, s.loaded_at,
               s.loaded_by, sc.report_count
        FROM replaced_scope AS i
        JOIN submission AS s ON s.submission_id = i.submission_id
        JOIN submission_scope AS sc ON sc.submission_id = i.submission_id
            AND sc.department = i.department AND sc.year = i.year AND sc.channel = i.channel
        ORDER BY i.department, i.year, i.channel
        """,
        in_force,
        "replaced_scope",
    )
    return current_cells, last_cells, current_fte, last_fte, replaced


def _is_jump(new: float, reference: float, factor: float, min_difference: float) -> bool:
    if abs(new - reference) < min_difference:
        return False
    high, low = max(new, reference), max(min(new, reference), 1)
    return high / low >= factor


def _report_tables(
    review: Review,
    new_cells: pd.DataFrame,
    current_cells: pd.DataFrame,
    last_cells: pd.DataFrame,
    previous: dict[Scope, str | None],
) -> None:
    keys = ["department", "year", "channel", "category"]
    last_shifted = last_cells.assign(year=last_cells["year"] + 1)
    table = (
        new_cells.rename(columns={"count": "new"})
        .merge(current_cells.rename(columns={"count": "current"}), on=keys, how="outer")
        .merge(last_shifted.rename(columns={"count": "last_year"}), on=keys, how="outer")
    )
    has_current = {s for s, sid in review.expected_current.items() if sid is not None}
    has_last = {(d, y + 1, c) for (d, y, c), sid in previous.items() if sid is not None}
    scope_of = list(
        zip(table["department"], table["year"].astype(int), table["channel"], strict=True)
    )
    # 0 where the scope was delivered but not this category; NaN where nothing was delivered.
    table["new"] = table["new"].fillna(0)
    table["current"] = [
        (0 if pd.isna(v) else v) if s in has_current else float("nan")
        for v, s in zip(table["current"], scope_of, strict=True)
    ]
    table["last_year"] = [
        (0 if pd.isna(v) else v) if s in has_last else float("nan")
        for v, s in zip(table["last_year"], scope_of, strict=True)
    ]
    review.category_table = table.sort_values(keys).reset_index(drop=True)
    channels = table.groupby(["department", "year", "channel"], as_index=False)[
        ["new", "current", "last_year"]
    ].sum(min_count=1)
    review.channel_table = channels
    factor = jump_factor()
    jumps: list[Jump] = []
    for row in channels.itertuples():
        for against, reference in (("current", row.current), ("last_year", row.last_year)):
            if not pd.isna(reference) and _is_jump(row.new, reference, factor, JUMP_MIN_DIFFERENCE):
                jumps.append(
                    Jump(row.department, int(row.year), row.channel, row.new, reference, against)
                )
    # The department's total over the channels that have something to compare with.
    for against in ("current", "last_year"):
        comparable = channels[channels[against].notna()]
        totals = comparable.groupby(["department", "year"], as_index=False).agg(
            new=("new", "sum"), reference=(against, "sum"), channels=("channel", "size")
        )
        for row in totals.itertuples():
            # One channel: its own jump already says it.
            if row.channels > 1 and _is_jump(row.new, row.reference, factor, JUMP_MIN_DIFFERENCE):
                jumps.append(
                    Jump(row.department, int(row.year), None, row.new, row.reference, against)
                )
    review.jumps.extend(jumps)


def _fte_table(review, new_fte, current_fte, last_fte, previous) -> None:
    keys = ["department", "year"]
    table = (
        new_fte.rename(columns={"fte": "new"})
        .merge(current_fte.rename(columns={"fte": "current"}), on=keys, how="left")
        .merge(
            last_fte.assign(year=last_fte["year"] + 1).rename(columns={"fte": "last_year"}),
            on=keys,
            how="left",
        )
    )
    review.fte_table = table.sort_values(keys).reset_index(drop=True)
    factor = jump_factor()
    for row in review.fte_table.itertuples():
        for against, reference in (("current", row.current), ("last_year", row.last_year)):
            if not pd.isna(reference) and reference > 0 and _is_jump(row.new, reference, factor, 0):
                review.jumps.append(
                    Jump(row.department, int(row.year), "", row.new, reference, against)
                )


# --- error report ---------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def _spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula when the report is opened."""
    if value and value[0] in "=+-@\t\r" and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def error_report(file: CheckedFile, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The submitted rows with an extra column listing each row's problems, as CSV for Excel.

    Cells flagged as personal data, cells that look like personal data (also beyond the cap on
    reported problems) and whole columns whose header names personal data are blanked: the report
    never repeats personal data. Problems without a line come first.
    """
    problems = file.problems
    try:
        table = read_table(file.incoming.content, file.file_name)
    except FileRejected:
        table = None
    header = table.header if table else []
    personal_cells = {
        (p.line, p.column_number) for p in problems if p.code == "value.personal_data"
    }
    personal_columns = {
        p.column_number for p in problems if p.code == "header.personal_data" and p.column_number
    }
    personal_columns |= {
        number
        for number, name in enumerate(header, start=1)
        if looks_like_personal_data_header(name)
    }
    by_line: dict[int | None, list[str]] = {}
    for problem in problems:
        by_line.setdefault(problem.line, []).append(problem.message(lang))

    width = max([len(header), *(len(row) for row in (table.rows if table else []))])
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [tx("upload.report_line", lang), *[_spreadsheet_safe(h) for h in header],
         *[""] * (width - len(header)), tx("upload.report_problems", lang)]
    )  # fmt: skip

    def joined(line: int | None) -> str:
        return _spreadsheet_safe(" | ".join(by_line.get(line, [])))

    if None in by_line:
        writer.writerow(["", *[""] * width, joined(None)])
    if table and table.header_line in by_line:
        cells = [
            "" if number in personal_columns else _spreadsheet_safe(cell)
            for number, cell in enumerate(header, start=1)
        ]
        writer.writerow(
            [table.header_line, *cells, *[""] * (width - len(header)), joined(table.header_line)]
        )
    for line, row in zip(table.lines if table else [], table.rows if table else [], strict=True):
        cells = []
        for number, cell in enumerate(row, start=1):
            blank = (
                number in personal_columns
                or (line, number) in personal_cells
                or personal_data_kind(cell) is not None
            )
            cells.append("" if blank else _spreadsheet_safe(cell))
        writer.writerow([line, *cells, *[""] * (width - len(row)), joined(line)])
    lines_shown = set(table.lines) | {table.header_line} if table else set()
    for line in sorted(k for k in by_line if k is not None and k not in lines_shown):
        writer.writerow([line, *[""] * width, joined(line)])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def error_report_name(file_name: str) -> str:
    return f"{Path(file_name).stem}{REPORT_SUFFIX}"


# --- commit ---------------------------------------------------------------------------------


@dataclass
class CommitResult:
    """'committed' (see receipts), 'conflict' (see conflicts), 'reason_required' or 'not_ready'."""

    status: str
    identity: str
    receipts: list[LoadOutcome] = field(default_factory=list)
    conflicts: list[Scope] = field(default_factory=list)
    note: str | None = None

    @property
    def changed(self) -> bool:
        return any(r.status == "loaded" for r in self.receipts)


def commit(
    review: Review,
    principal: Principal,
    db_path: Path | None = None,
    reason: str | None = None,
    confirmed: bool = False,
    today: dt.date | None = None,
) -> CommitResult:
    """Store the reviewed files in one swap of the warehouse, unless something changed meanwhile.

    The access check is made again with the principal of this request. An implausible jump needs
    `confirmed` and a reason; the reason becomes the submissions' note.
    """
    if principal.identity != review.principal_identity:
        raise AccessDenied(principal.identity, "commit another user's review")
    auth.require_upload(principal, review.departments)
    if not review.ready:
        return CommitResult("not_ready", principal.identity)
    note = None
    if review.jumps:
        reason = (reason or "").strip()
        if not (confirmed and reason):
            return CommitResult("reason_required", principal.identity)
        note = f"Sprong bevestigd: {reason[:NOTE_MAX_CHARACTERS]}"
    outcomes = load_files(
        [f.incoming for f in review.files],
        db_path,
        loaded_by=principal.identity,
        note=note,
        today=today,
        expected_current=review.expected_current,
        source=SOURCE,
        journal=True,
        after_load=store_derived,
    )
    conflicts = sorted({scope for o in outcomes for scope in o.conflicts})
    if conflicts:
        return CommitResult("conflict", principal.identity, outcomes, conflicts, note)
    return CommitResult("committed", principal.identity, outcomes, note=note)


# --- history, submitted files, audit trail ----------------------------------------------------


def department_history(
    principal: Principal, department: str, db_path: Path | None = None
) -> pd.DataFrame:
    """Every version submitted for one department: who, when, what it covers, what replaced it."""
    auth.require_department(principal, [department])
    path = Path(db_path or warehouse.default_db_path())
    if not path.exists():
        return pd.DataFrame()
    with warehouse.reading(path) as connection:
        history = connection.execute(
            """
            SELECT
                submission_id,
                any_value(file_name) AS file_name,
                any_value(file_kind) AS file_kind,
                any_value(loaded_at) AS loaded_at,
                any_value(loaded_by) AS loaded_by,
                string_agg(DISTINCT year::VARCHAR, ', ' ORDER BY year::VARCHAR) AS years,
                string_agg(DISTINCT nullif(channel, ''), ', ' ORDER BY nullif(channel, ''))
                    AS channels,
                sum(scope_report_count) AS reports,
                bool_and(superseded_by IS NULL) AS fully_in_force,
                bool_or(superseded_by IS NULL) AS partly_in_force,
                string_agg(DISTINCT superseded_by, ', ' ORDER BY superseded_by) AS replaced_by,
                any_value(note) AS note,
                any_value(sha256) AS sha256,
                any_value(sequence_number) AS sequence_number,
                (SELECT list(DISTINCT department ORDER BY department) FROM submission_scope AS a
                 WHERE a.submission_id = h.submission_id) AS all_departments
            FROM v_submission_history AS h
            WHERE department = ?
            GROUP BY submission_id
            ORDER BY sequence_number DESC
            """,
            [department],
        ).df()
    # A file covering other departments too is listed, but only downloadable by whoever may see
    # all of them.
    history["downloadable"] = [
        all(principal.may_act_for(d) for d in departments)
        for departments in history["all_departments"]
    ]
    return history


def latest_department(principal: Principal, db_path: Path | None = None) -> str | None:
    """The department this user most recently submitted for (any, for an administrator)."""
    path = Path(db_path or warehouse.default_db_path())
    if not path.exists():
        return None
    with warehouse.reading(path) as connection:
        rows = connection.execute(
            """
            SELECT sc.department FROM submission_scope AS sc
            JOIN submission AS s ON s.submission_id = sc.submission_id
            GROUP BY sc.department ORDER BY max(s.sequence_number) DESC
            """
        ).fetchall()
    allowed = [d for (d,) in rows if principal.may_act_for(d)]
    own = [d for d in allowed if d in principal.departments]
    return (own or allowed or [None])[0]


def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The history for display, in the user's language."""
    if history.empty:
        return history

    def status(row) -> str:
        if row.fully_in_force:
            return tx("upload.status.in_force", lang)
        if row.partly_in_force:
            return tx("upload.status.partly", lang)
        return tx("upload.status.replaced", lang)

    return pd.DataFrame(
        {
            tx("upload.col.submission", lang): history["submission_id"],
            tx("upload.col.file", lang): history["file_name"],
            tx("upload.col.loaded_at", lang): pd.to_datetime(history["loaded_at"]).dt.strftime(
                "%d-%m-%Y %H:%M:%S"
            ),
            tx("upload.col.loaded_by", lang): history["loaded_by"],
            tx("upload.col.years", lang): history["years"],
            tx("upload.col.channels", lang): history["channels"].fillna(""),
            tx("upload.col.reports", lang): history["reports"].astype(int),
            tx("upload.col.status", lang): [status(row) for row in history.itertuples()],
            tx("upload.col.replaced_by", lang): history["replaced_by"].fillna(""),
            tx("upload.col.note", lang): history["note"].fillna(""),
            "sha256": history["sha256"],
        }
    )


def submitted_file(
    principal: Principal, submission_id: str, db_path: Path | None = None
) -> tuple[str, bytes]:
    """The exact bytes of a submission, for a user who may see every department it covers."""
    path = Path(db_path or warehouse.default_db_path())
    with warehouse.reading(path) as connection:
        row = connection.execute(
            """
            SELECT s.file_name, s.sha256,
                   (SELECT list(DISTINCT department) FROM submission_scope
                    WHERE submission_id = s.submission_id) AS departments
            FROM submission AS s
            WHERE s.submission_id = ?
            """,
            [submission_id],
        ).fetchone()
        if row is None:
            raise AccessDenied(principal.identity, f"download {submission_id}")
        file_name, sha256, departments = row
        auth.require_department(principal, departments)
        content = raw_file(connection, sha256)
    assert content is not None  # submission.sha256 references submission_file
    return file_name, content


def audit_trail(principal: Principal, department: str, db_path: Path | None = None) -> pd.DataFrame:
    """Commits and replacements (warehouse) and refusals (journal) concerning one department.

    A refusal of a file whose department could not be read is shown to the user who tried it and
    to administrators.
    """
    auth.require_department(principal, [department])
    path = Path(db_path or warehouse.default_db_path())
    events: list[dict[str, object]] = []
    if path.exists():
        with warehouse.reading(path) as connection:
            try:
                rows = connection.execute(
                    """
                    SELECT occurred_at, actor, action, submission_id, replaced_submission_id,
                           departments, year, channel, file_name, note
                    FROM audit_log
                    WHERE list_contains(string_split(departments, ','), ?)
                    ORDER BY event_id
                    """,
                    [department],
                ).fetchall()
            except duckdb.CatalogException:
                rows = []
        for at, actor, action, sid, old, _, year, channel, file_name, note in rows:
            events.append(
                {
                    "at": at,
                    "actor": actor,
                    "action": action,
                    "submission_id": sid,
                    "file_name": file_name,
                    "old": old,
                    "year": year,
                    "channel": channel,
                    "note": note,
                }
            )
    for event in read_journal(path):
        departments = event.get("departments") or []
        mine = not departments and (
            principal.is_administrator or event.get("actor") == principal.identity
        )
        if department in departments or mine:
            events.append(
                {
                    "at": pd.Timestamp(str(event["at"]).rstrip("Z")).to_pydatetime(),
                    "actor": event.get("actor"),
                    "action": event.get("action"),
                    "submission_id": None,
                    "file_name": event.get("file_name"),
                    "problems": event.get("problem_count"),
                    "scopes": event.get("scopes"),
                    "detail": event.get("detail"),
                }
            )
    return pd.DataFrame(events)


def audit_table(trail: pd.DataFrame, lang: str) -> pd.DataFrame:
    if trail.empty:
        return trail
    trail = trail.sort_values("at", kind="stable", ascending=False)
    details = []
    for event in trail.to_dict("records"):
        action = event.get("action")
        if action == "replace":
            details.append(
                tx(
                    "upload.detail.replace",
                    lang,
                    old=event.get("old"),
                    new=event.get("submission_id"),
                    scope=f"{int(event['year'])} {event.get('channel') or ''}".strip(),
                )
            )
        elif action == "rejected":
            details.append(tx("upload.detail.problems", lang, count=event.get("problems") or 0))
        elif action == "conflict":
            details.append(scope_text(tuple(s) for s in event.get("scopes") or []))
        else:
            details.append(str(event.get("note") or event.get("detail") or ""))
    return pd.DataFrame(
        {
            tx("upload.col.when", lang): pd.to_datetime(trail["at"]).dt.strftime(
                "%d-%m-%Y %H:%M:%S"
            ),
            tx("upload.col.who", lang): trail["actor"],
            tx("upload.col.what", lang): [tx(f"upload.action.{a}", lang) for a in trail["action"]],
            tx("upload.col.submission", lang): trail["submission_id"].fillna(""),
            tx("upload.col.file", lang): trail["file_name"].fillna(""),
            tx("upload.col.detail", lang): details,
        }
    ).reset_index(drop=True)


# --- display tables and navigation ------------------------------------------------------------


def _number(value: float, lang: str, decimals: int = 0) -> str:
    from base.formatting import format_number

    return (
        tx("upload.not_submitted", lang) if pd.isna(value) else format_number(value, decimals, lang)
    )


def _comparison_display(
    table: pd.DataFrame, lang: str, by: list[str], decimals: int = 0
) -> pd.DataFrame:
    """Department, year, the `by` columns, then new / current / last year as Dutch numbers."""
    columns: dict[str, object] = {
        tx("upload.col.department", lang): table["department"],
        tx("upload.col.year", lang): table["year"].astype(int).astype(str),
    }
    if "channel" in by:
        columns[tx("upload.col.channel", lang)] = [
            tx(f"channel.{c}", lang) for c in table["channel"]
        ]
    if "category" in by:
        columns[tx("upload.col.category", lang)] = [
            tx(f"category.{c}", lang) if c else tx("upload.zero_row", lang)
            for c in table["category"]
        ]
    for column in ("new", "current", "last_year"):
        columns[tx(f"upload.col.{column}", lang)] = [
            _number(v, lang, decimals) for v in table[column]
        ]
    return pd.DataFrame(columns)


def channel_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.channel_table
    return table if table.empty else _comparison_display(table, lang, ["channel"])


def category_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.category_table
    return table if table.empty else _comparison_display(table, lang, ["channel", "category"])


def fte_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.fte_table
    return table if table.empty else _comparison_display(table, lang, [], decimals=2)


def replaced_display(review: Review, lang: str) -> pd.DataFrame:
    table = review.replaced
    if table.empty:
        return table
    return pd.DataFrame(
        {
            tx("upload.col.department", lang): table["department"],
            tx("upload.col.year", lang): table["year"].astype(int).astype(str),
            tx("upload.col.channel", lang): [
                tx(f"channel.{c}", lang) if c else "fte" for c in table["channel"]
            ],
            tx("upload.col.submission", lang): table["submission_id"],
            tx("upload.col.file", lang): table["file_name"],
            tx("upload.col.loaded_at", lang): pd.to_datetime(table["loaded_at"]).dt.strftime(
                "%d-%m-%Y %H:%M"
            ),
            tx("upload.col.loaded_by", lang): table["loaded_by"],
        }
    )


def pages(principal: Principal, lang: str) -> list:
    """The upload page for the navigation, only for users who may upload."""
    if not principal.can_upload:
        return []
    import streamlit as st

    return [
        st.Page(
            "app_pages/aanleveren.py",
            title=tx("upload.nav", lang),
            icon=":material/upload_file:",
            url_path="aanleveren",
        )
    ]
