"""Before loading: validate the chosen files and preview what a commit would change; stores nothing.

For valid files the user may act for: compare with what is in force now and last year, list what
will be replaced, find implausible jumps (delivery/jumps.py; reports and fte only: a measures file
is compared, never held back), and record the versions in force the
user is shown (`expected_current`, checked again by the commit). Validation is the same code as
`python -m etl load`; its results are kept in the review and committed as they are
(delivery/commit.py). Rejections and refusals go to the audit journal.

Unprotected counts are only ever read after the access check (access.principal.require_upload).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from access.principal import AccessDenied, Principal, require_upload
from delivery.jumps import Jump, fte_jumps, report_jumps
from etl import queries, warehouse
from etl.contract import FTE_FILE, MEASURES_FILE, REPORT_FILE
from etl.isolation import validate_untrusted
from etl.loading import (
    IncomingFile,
    Scope,
    already_in_force,
    journal_refusal,
    scope_frame,
    versions_in_force,
)
from etl.problems import Problem
from etl.validation import ValidationResult, validate_file

SOURCE = "app"  # the audit's `source` of everything the upload page does
CELL_COLUMNS = ["department", "year", "channel", "category", "count"]
FTE_COLUMNS = ["department", "year", "fte"]
MEASURE_COLUMNS = ["department", "year", "kind", "activities"]


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
    # department, year, kind, new / current / last_year activities (NaN: nothing in force)
    measures_table: pd.DataFrame = field(default_factory=pd.DataFrame)
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

    @property
    def results(self) -> dict[str, ValidationResult]:
        """What validation said, by the sha256 of the bytes it read: what the commit stores."""
        return {f.incoming.sha256: f.result for f in self.files}


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
    # Uploaded bytes are untrusted: validated in a child process with a memory and time limit
    # (etl/isolation.py), so that a hostile file fails with a message and the server stays up.
    checked = [
        CheckedFile(
            file, validate_untrusted(file.content, file.file_name, today, validate=validate_file)
        )
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
    require_upload(principal, review.departments)  # the figures below are unprotected
    _preview(review, path)
    return review


@dataclass
class _Warehouse:
    """What is in force for the scopes of a review, now and last year."""

    previous: dict[Scope, str | None]
    current_cells: pd.DataFrame
    last_cells: pd.DataFrame
    current_fte: pd.DataFrame
    last_fte: pd.DataFrame
    replaced: pd.DataFrame
    current_measures: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=MEASURE_COLUMNS)
    )
    last_measures: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=MEASURE_COLUMNS)
    )


def _preview(review: Review, path: Path) -> None:
    report_files = [f for f in review.files if f.result.file_kind == REPORT_FILE]
    fte_files = [f for f in review.files if f.result.file_kind == FTE_FILE]
    measure_files = [f for f in review.files if f.result.file_kind == MEASURES_FILE]
    all_scopes = [scope for f in review.files for scope in f.scope]
    if path.exists():
        found = _in_warehouse(review, path, report_files, fte_files, measure_files)
    else:
        review.expected_current = dict.fromkeys(all_scopes)
        found = _Warehouse(
            previous=dict.fromkeys((d, y - 1, c) for d, y, c in all_scopes),
            current_cells=pd.DataFrame(columns=CELL_COLUMNS),
            last_cells=pd.DataFrame(columns=CELL_COLUMNS),
            current_fte=pd.DataFrame(columns=FTE_COLUMNS),
            last_fte=pd.DataFrame(columns=FTE_COLUMNS),
            replaced=pd.DataFrame(),
        )
    review.replaced = found.replaced
    if report_files:
        new_cells = pd.concat([f.result.records for f in report_files], ignore_index=True)
        new_cells = new_cells.assign(category=new_cells["category"].fillna(""))
        new_cells = new_cells.groupby(
            ["department", "year", "channel", "category"], as_index=False
        )["count"].sum()
        _report_tables(review, new_cells, found)
    if fte_files:
        new_fte = pd.concat([f.result.records for f in fte_files], ignore_index=True)
        _fte_table(review, new_fte[FTE_COLUMNS], found)
    if measure_files:
        new_measures = pd.concat([f.result.records for f in measure_files], ignore_index=True)
        _measures_table(review, new_measures[MEASURE_COLUMNS], found)


def _in_warehouse(
    review: Review,
    path: Path,
    report_files: list[CheckedFile],
    fte_files: list[CheckedFile],
    measure_files: list[CheckedFile],
) -> _Warehouse:
    """Read, in one read of the warehouse, everything the preview compares with."""
    all_scopes = [scope for f in review.files for scope in f.scope]
    report_scopes = [s for f in report_files for s in f.scope]
    fte_pairs = [(d, y) for f in fte_files for d, y, _ in f.scope]
    measure_pairs = [(d, y) for f in measure_files for d, y, _ in f.scope]
    with warehouse.reading(path) as connection:
        review.expected_current = versions_in_force(connection, all_scopes)
        previous = versions_in_force(connection, [(d, y - 1, c) for d, y, c in all_scopes])
        for file in review.files:
            file.in_force = already_in_force(connection, file.incoming.sha256)
        return _Warehouse(
            previous=previous,
            current_cells=queries.report_cells_of(connection, report_scopes),
            last_cells=queries.report_cells_of(
                connection, [(d, y - 1, c) for d, y, c in report_scopes]
            ),
            current_fte=queries.fte_of(connection, fte_pairs),
            last_fte=queries.fte_of(connection, [(d, y - 1) for d, y in fte_pairs]),
            replaced=queries.replaced_versions(connection, review.expected_current),
            current_measures=queries.measures_of(connection, measure_pairs),
            last_measures=queries.measures_of(connection, [(d, y - 1) for d, y in measure_pairs]),
        )


def _report_tables(review: Review, new_cells: pd.DataFrame, found: _Warehouse) -> None:
    keys = ["department", "year", "channel", "category"]
    last_shifted = found.last_cells.assign(year=found.last_cells["year"] + 1)
    table = (
        new_cells.rename(columns={"count": "new"})
        .merge(found.current_cells.rename(columns={"count": "current"}), on=keys, how="outer")
        .merge(last_shifted.rename(columns={"count": "last_year"}), on=keys, how="outer")
    )
    has_current = {s for s, sid in review.expected_current.items() if sid is not None}
    has_last = {(d, y + 1, c) for (d, y, c), sid in found.previous.items() if sid is not None}
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
    review.jumps.extend(report_jumps(channels))


def _fte_table(review: Review, new_fte: pd.DataFrame, found: _Warehouse) -> None:
    keys = ["department", "year"]
    last_fte = found.last_fte
    table = (
        new_fte.rename(columns={"fte": "new"})
        .merge(found.current_fte.rename(columns={"fte": "current"}), on=keys, how="left")
        .merge(
            last_fte.assign(year=last_fte["year"] + 1).rename(columns={"fte": "last_year"}),
            on=keys,
            how="left",
        )
    )
    review.fte_table = table.sort_values(keys).reset_index(drop=True)
    review.jumps.extend(fte_jumps(review.fte_table))


def _measures_table(review: Review, new_measures: pd.DataFrame, found: _Warehouse) -> None:
    """Activities per department, year and kind: new, in force now, last year. No jumps: how
    many trainings a department holds is its own policy, not a count to check for typing errors."""
    keys = ["department", "year", "kind"]
    types = {"department": object, "year": "int64", "kind": object, "activities": "float64"}
    new = new_measures.groupby(keys, as_index=False)["activities"].sum().astype(types)
    current = found.current_measures.astype(types)
    last = found.last_measures.astype(types)
    last = last.assign(year=last["year"] + 1)
    table = (
        new.rename(columns={"activities": "new"})
        .merge(current.rename(columns={"activities": "current"}), on=keys, how="left")
        .merge(last.rename(columns={"activities": "last_year"}), on=keys, how="left")
    )
    for column in ("new", "current", "last_year"):
        table[column] = table[column].astype(float)
    review.measures_table = table.sort_values(keys).reset_index(drop=True)
