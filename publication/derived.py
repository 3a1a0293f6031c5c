"""After a load, in the writer or the background worker: the protected publication, the
capture-recapture estimate and the frames the pages read, computed once per data version and
stored in typed tables beside the data; readers take them from there.

Protection and the estimate cost from a second to tens of seconds (bench/README.md: about 4,600
linear programmes on sparse data, a 300-replicate bootstrap), independent of how many people look.
Computed once per data version they are paid once per load instead of by the first visitor of
every replica.

The results are stored as plain tables (DDL in publication/sql/, one file per table, created by
`store` when absent) that an analyst can query with SQL: `published_cell` holds every published
number with its status and symbol, `model_output` every field of the estimate. They are keyed by
(data_version, logic_version, threshold, min_width):
- data_version: etl.queries.latest_sequence, the data they describe;
- logic_version: LOGIC_VERSION below, bumped by hand when the code changes what they contain;
- threshold, min_width: the protection rules.
`derived_version` says per key whether the results are complete or why computing them failed.
A reader asks for the newest complete results of its logic version and rules (`latest`): while a
newer data version is still being computed, or failed, pages keep showing the last complete one
(`state` says which). A warehouse without the tables, or without results for these rules, has "no
results": the readers then compute them themselves (`compute`, `publication`, `mse`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import time
import traceback
import types
import typing
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from analysis.model_averaging import ModelAverage
from etl import queries
from etl.coverage import as_shown, coverage_table
from protection.display import cell_text
from protection.rules import ProtectionRules
from protection.tables import ProtectedTable
from publication.protected import Publication, build_publication
from publication.underreporting import MSE_LISTS, MseResult, mse_result, protected_cases

LOG = logging.getLogger("meldingenmonitor")

# Bump this ON PURPOSE, in the same change, whenever a change alters what the derived results
# contain or how they are computed: the protection (protection/, publication/protected.py), the
# measure registry (publication/measures.py), the
# estimate (analysis/mse.py, publication/underreporting.py), the queries they are computed from
# (etl/queries.py, etl/coverage.py), the reference data (data/reference/) or the layout of the
# tables below. Stored results of another logic version are then ignored and recomputed; a change
# that leaves every figure as it was (a comment, a refactoring) needs no bump.
LOGIC_VERSION = 4

SQL_DIR = Path(__file__).resolve().parent / "sql"
VERSIONS = "derived_version"
TABLES = (
    VERSIONS,
    "published_table",
    "published_cell",
    "publication_note",
    "model_output",
    "derived_coverage",
    "derived_fte",
    "derived_cases",
    "derived_measures",
)
COMPLETE, FAILED = "complete", "failed"
# The pickled results of the first version of this module; dropped by the next writer.
OLD_TABLE = "derived_result"
# The rows of one set of results (bound as _key gives it).
KEY = "data_version = ? AND logic_version = ? AND threshold = ? AND min_width = ?"


@dataclass(frozen=True)
class DerivedResults:
    """Everything the pages show of one data version, computed from it.

    build_seconds: what computing the publication and the estimate cost (0 when they were taken
    over from an earlier version with the same inputs). inputs_digest: those inputs (see
    `inputs_digest`), so that a later version with equal ones can reuse them.
    """

    data_version: int
    publication: Publication
    mse: MseResult
    coverage: pd.DataFrame  # etl.coverage.as_shown(coverage_table(connection))
    fte: pd.DataFrame  # etl.queries.fte_by_group(connection)
    cases: pd.DataFrame  # etl.queries.discrimination_cases_by_year(connection)
    build_seconds: float = 0.0
    inputs_digest: str | None = None
    # etl.queries.current_measures(connection); None: results from before measures (none then)
    measures: pd.DataFrame | None = None


@dataclass(frozen=True)
class DerivationState:
    """Where the derived results stand for one logic version and set of rules."""

    data_version: int  # of the data in the warehouse now (etl.queries.latest_sequence)
    complete_version: int | None  # newest data version with complete results
    failed_version: int | None  # newest data version whose computation failed, if newer
    error: str | None


# --- computing ------------------------------------------------------------------------------


def compute_publication(
    connection: duckdb.DuckDBPyConnection, rules: ProtectionRules
) -> Publication:
    """publication.protected.build_publication over the finest cells of this warehouse."""
    return build_publication(queries.finest_cells(connection), rules)


def compute_mse(
    connection: duckdb.DuckDBPyConnection, publication: Publication, rules: ProtectionRules
) -> MseResult:
    """publication.underreporting.mse_result for this warehouse."""
    cases, histories, link_keys = _mse_inputs(connection)
    return _mse_from(cases, histories, publication, rules, link_keys)


def _mse_inputs(
    connection: duckdb.DuckDBPyConnection,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cases per year, capture histories, and registrations with and without a link key."""
    return (
        queries.discrimination_cases_by_year(connection),
        queries.capture_histories(connection, tuple(MSE_LISTS)),
        queries.link_keys_by_year(connection, tuple(MSE_LISTS)),
    )


def _mse_from(
    cases: pd.DataFrame,
    histories: pd.DataFrame,
    publication: Publication,
    rules: ProtectionRules,
    link_keys: pd.DataFrame | None = None,
) -> MseResult:
    if not publication.years:  # an empty warehouse: nothing registered, nothing linked
        return MseResult(False, "too_few_linked", linked_cases=0)
    registered = protected_cases(cases, publication, rules)
    return mse_result(histories, registered, cases, rules, link_keys)


def inputs_digest(*frames: pd.DataFrame) -> str:
    """A digest of the data a result is computed from, independent of row order."""
    digest = hashlib.sha256()
    for frame in frames:
        ordered = frame.sort_values(list(frame.columns)).reset_index(drop=True)
        digest.update("\x1f".join(map(str, ordered.columns)).encode())
        digest.update(pd.util.hash_pandas_object(ordered, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def compute(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> DerivedResults:
    """The derived results of the data `connection` holds now (a read-only connection will do).

    The publication depends only on the finest cells and the estimate on those, the cases per
    year and the capture histories: when an earlier data version with complete results had the
    same (an fte file, a re-delivery with equal counts), they are taken from there instead of
    being computed again. The frames are always read afresh.
    """
    version = queries.latest_sequence(connection)
    cells = queries.finest_cells(connection)
    cases, histories, link_keys = _mse_inputs(connection)
    digest = inputs_digest(cells, cases, histories, link_keys)
    reused = _reusable(connection, digest, rules)
    seconds = 0.0
    if reused is None:
        started = time.perf_counter()
        publication = build_publication(cells, rules)
        estimate = _mse_from(cases, histories, publication, rules, link_keys)
        seconds = time.perf_counter() - started
    else:
        publication, estimate = reused
    return DerivedResults(
        data_version=version,
        publication=publication,
        mse=estimate,
        # Only what may be shown (etl.coverage.as_shown): delivered or missing, no counts.
        coverage=as_shown(coverage_table(connection)),
        fte=queries.fte_by_group(connection),
        cases=cases,
        build_seconds=seconds,
        inputs_digest=digest,
        measures=queries.current_measures(connection),
    )


def _reusable(
    connection: duckdb.DuckDBPyConnection, digest: str, rules: ProtectionRules
) -> tuple[Publication, MseResult] | None:
    if not _has_tables(connection):
        return None
    row = connection.execute(
        "SELECT max(data_version) FROM derived_version "
        "WHERE logic_version = ? AND threshold = ? AND min_width = ? "
        "AND status = ? AND inputs_digest = ?",
        [*_rules_key(rules), COMPLETE, digest],
    ).fetchone()
    if row[0] is None:
        return None
    key = _key(int(row[0]), rules)
    publication = _read_publication(connection, key, rules)
    estimate = _read_mse(connection, key)
    return None if estimate is None else (publication, estimate)


# --- writing --------------------------------------------------------------------------------


def store(
    connection: duckdb.DuckDBPyConnection, results: DerivedResults, rules: ProtectionRules
) -> None:
    """Write `results` as the complete results of their data version (a writer's connection,
    etl.warehouse.writing), replacing any earlier record of that version, and delete the rows
    of older data versions: they describe data no longer in force.

    All in one transaction when the connection is not in one already, so a reader never sees
    part of a version.
    """
    made_with = results.publication.rules
    if (made_with.threshold, made_with.min_interval_width) != (
        rules.threshold,
        rules.min_interval_width,
    ):
        raise ValueError("the results were computed with other protection rules")
    digest = results.inputs_digest
    if digest is None and queries.latest_sequence(connection) == results.data_version:
        cells = queries.finest_cells(connection)
        digest = inputs_digest(cells, *_mse_inputs(connection))
    key = _key(results.data_version, rules)
    with _transaction(connection):
        _create_tables(connection)
        _delete(connection, key)
        _insert_publication(connection, key, results.publication)
        _insert(connection, "model_output", key, _mse_rows(results.mse))
        for spec in FRAMES.values():
            _insert(connection, spec.table, key, spec.rows(_frame_of(results, spec)))
        _insert(
            connection,
            VERSIONS,
            key,
            {
                "status": ("VARCHAR", [COMPLETE]),
                "error": ("VARCHAR", [None]),
                "built_at": ("TIMESTAMP", [_now()]),
                "build_seconds": ("DOUBLE", [float(results.build_seconds)]),
                "inputs_digest": ("VARCHAR", [digest]),
            },
        )
        for table in TABLES:
            older = f"DELETE FROM {table} WHERE data_version < ?"  # noqa: S608 (our tables)
            connection.execute(older, [results.data_version])


def store_failure(
    connection: duckdb.DuckDBPyConnection, data_version: int, rules: ProtectionRules, error: str
) -> None:
    """Record that computing the results of `data_version` failed, and why. Older complete
    results stay: the pages keep showing them, and `state` tells the administrators."""
    key = _key(data_version, rules)
    with _transaction(connection):
        _create_tables(connection)
        _delete(connection, key)
        _insert(
            connection,
            VERSIONS,
            key,
            {
                "status": ("VARCHAR", [FAILED]),
                "error": ("VARCHAR", [error]),
                "built_at": ("TIMESTAMP", [_now()]),
                "build_seconds": ("DOUBLE", [None]),
                "inputs_digest": ("VARCHAR", [None]),
            },
        )


def store_derived(
    connection: duckdb.DuckDBPyConnection, rules: ProtectionRules | None = None
) -> bool:
    """Compute the results of what `connection` holds and store them (`compute` + `store`).

    An `after_load` of etl.loading.load_files / rebuild for tests of the storage itself: the
    results land in the same atomic swap as the data they describe. It does NOT pass the
    disclosure gate; the product's writer is publication.worker, which does. Returns False when computing them failed: the error
    is logged and recorded (`store_failure`), but the load itself goes ahead. The files were valid
    under the data contract and must not be lost for a fault in the protection or the estimate;
    readers keep the last complete results or compute their own.
    """
    rules = rules or ProtectionRules()
    try:
        store(connection, compute(connection, rules), rules)
    except Exception:
        LOG.exception("derived results could not be computed; a failure is recorded instead")
        error = traceback.format_exc(limit=5)
        try:
            store_failure(connection, queries.latest_sequence(connection), rules, error)
        except Exception:  # the load must go ahead even when the record cannot be written
            LOG.exception("the failure of the derived results could not be recorded")
        return False
    return True


# --- reading --------------------------------------------------------------------------------


def state(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> DerivationState:
    """The data version now, the newest with complete results and a newer failure, if any."""
    version = queries.latest_sequence(connection)
    if not _has_tables(connection):
        return DerivationState(version, None, None, None)
    complete = connection.execute(
        "SELECT max(data_version) FROM derived_version "
        "WHERE logic_version = ? AND threshold = ? AND min_width = ? AND status = ?",
        [*_rules_key(rules), COMPLETE],
    ).fetchone()[0]
    failed = connection.execute(
        "SELECT data_version, error FROM derived_version "
        "WHERE logic_version = ? AND threshold = ? AND min_width = ? AND status = ? "
        "AND data_version > ? ORDER BY data_version DESC LIMIT 1",
        [*_rules_key(rules), FAILED, -1 if complete is None else complete],
    ).fetchone()
    return DerivationState(
        data_version=version,
        complete_version=None if complete is None else int(complete),
        failed_version=None if failed is None else int(failed[0]),
        error=None if failed is None else failed[1],
    )


def latest(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> DerivedResults | None:
    """The newest complete results of this logic version and these rules (None if none)."""
    complete = state(connection, rules).complete_version
    if complete is None:
        return None
    return read(connection, complete, rules)


def read(
    connection: duckdb.DuckDBPyConnection,
    data_version: int,
    rules: ProtectionRules,
    logic_version: int = LOGIC_VERSION,
) -> DerivedResults | None:
    """The complete results stored under this key, None if there are none.

    logic_version: a release (publication.releases) keeps the results it was made from in a file
    of its own, under the logic version that computed them, and reads them back with it after
    the code has moved on.
    """
    key = [int(data_version), int(logic_version), *_rules_key(rules)[1:]]
    estimate = _read_mse(connection, key)
    if estimate is None:
        return None
    build_seconds, digest = connection.execute(
        "SELECT build_seconds, inputs_digest FROM derived_version "
        "WHERE data_version = ? AND logic_version = ? AND threshold = ? AND min_width = ?",
        key,
    ).fetchone()
    return DerivedResults(
        data_version=int(data_version),
        publication=_read_publication(connection, key, rules),
        mse=estimate,
        coverage=FRAMES["coverage"].read(connection, key),
        fte=FRAMES["fte"].read(connection, key),
        cases=FRAMES["cases"].read(connection, key),
        build_seconds=float(build_seconds or 0.0),
        inputs_digest=digest,
        measures=FRAMES["measures"].read(connection, key),
    )


def _current_key(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> list | None:
    """The key of complete results of the data in the warehouse now, if there are any."""
    now = state(connection, rules)
    return _key(now.data_version, rules) if now.complete_version == now.data_version else None


def publication(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> Publication:
    """The protected publication of the current data version: stored, else computed now."""
    key = _current_key(connection, rules)
    if key is None:
        return compute_publication(connection, rules)
    return _read_publication(connection, key, rules)


def mse(
    connection: duckdb.DuckDBPyConnection, current: Publication, rules: ProtectionRules
) -> MseResult:
    """The capture-recapture estimate of the current data version: stored, else computed now."""
    key = _current_key(connection, rules)
    estimate = None if key is None else _read_mse(connection, key)
    return estimate if estimate is not None else compute_mse(connection, current, rules)


# --- the tables -----------------------------------------------------------------------------


def _key(data_version: int, rules: ProtectionRules) -> list:
    return [int(data_version), *_rules_key(rules)]


def _rules_key(rules: ProtectionRules) -> list:
    return [LOGIC_VERSION, int(rules.threshold), float(rules.min_interval_width)]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _has_tables(connection: duckdb.DuckDBPyConnection) -> bool:
    """Whether every derived table exists (a warehouse written before them has none)."""
    found = connection.execute(
        "SELECT count(DISTINCT table_name) FROM information_schema.tables "
        "WHERE list_contains(?, table_name)",
        [list(TABLES)],
    ).fetchone()[0]
    return found == len(TABLES)


def _create_tables(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute(f"DROP TABLE IF EXISTS {OLD_TABLE}")
    for table in TABLES:
        connection.execute((SQL_DIR / f"{table}.sql").read_text(encoding="utf-8"))


class _transaction:  # noqa: N801 (used as a context manager, like a function)
    """BEGIN ... COMMIT, or nothing when the caller has a transaction open already."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        self.own = False

    def __enter__(self) -> None:
        try:
            self.connection.begin()
            self.own = True
        except duckdb.TransactionException:  # the caller's transaction covers ours
            self.own = False

    def __exit__(self, kind, error, trace) -> None:
        if not self.own:
            return
        if kind is None:
            self.connection.commit()
        else:
            self.connection.rollback()


def _delete(connection: duckdb.DuckDBPyConnection, key: list) -> None:
    for table in TABLES:
        connection.execute(f"DELETE FROM {table} WHERE {KEY}", key)  # noqa: S608 (our tables)


Columns = dict[str, tuple[str, list]]  # column -> (SQL type, values)


def _insert(connection: duckdb.DuckDBPyConnection, table: str, key: list, columns: Columns) -> None:
    """Insert rows given column-wise, with the key in every row.

    The values travel as bound list parameters and are unnested in one statement: thousands of
    rows in milliseconds, and a NaN stays a NaN (a pandas frame would turn it into NULL). Table
    and column names come from this module only.
    """
    names = ["data_version", "logic_version", "threshold", "min_width", *columns]
    selects = ["?", "?", "?", "?"] + [f"unnest(?::{kind}[])" for kind, _ in columns.values()]
    connection.execute(
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(selects)}",
        [*key, *(values for _, values in columns.values())],
    )


# --- the publication ------------------------------------------------------------------------


def _label(label: object) -> tuple[str, int | None]:
    """A label as text, and as a number when it is one (years)."""
    if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
        return str(int(label)), int(label)
    return str(label), None


def _insert_publication(
    connection: duckdb.DuckDBPyConnection, key: list, publication: Publication
) -> None:
    rules = publication.rules
    tables: dict[str, list] = defaultdict(list)
    cells: dict[str, list] = defaultdict(list)
    for position, (name, table) in enumerate(publication.tables.items()):
        values, status = table.values, table.status
        series = table.is_series
        tables["table_name"].append(name)
        tables["table_position"].append(position)
        tables["is_series"].append(series)
        tables["row_dimension"].append(values.index.name)
        tables["column_dimension"].append(None if series else values.columns.name)
        tables["series_name"].append(values.name if series else None)
        columns = [None] if series else list(values.columns)
        for row_position, row in enumerate(values.index):
            for column_position, column in enumerate(columns):
                value = (
                    values.iloc[row_position]
                    if series
                    else values.iat[row_position, column_position]
                )
                kind = (
                    status.iloc[row_position]
                    if series
                    else status.iat[row_position, column_position]
                )
                row_text, row_year = _label(row)
                column_text, column_year = (None, None) if series else _label(column)
                cells["table_name"].append(name)
                cells["row_position"].append(row_position)
                cells["row_label"].append(row_text)
                cells["row_year"].append(row_year)
                cells["column_position"].append(None if series else column_position)
                cells["column_label"].append(column_text)
                cells["column_year"].append(column_year)
                cells["value"].append(None if pd.isna(value) else int(value))
                cells["status"].append(str(kind))
                hidden = str(kind) != "published"
                cells["symbol"].append(cell_text(value, kind, rules, str) if hidden else "")
    types_of = {
        "table_name": "VARCHAR",
        "table_position": "INTEGER",
        "is_series": "BOOLEAN",
        "row_dimension": "VARCHAR",
        "column_dimension": "VARCHAR",
        "series_name": "VARCHAR",
        "row_position": "INTEGER",
        "row_label": "VARCHAR",
        "row_year": "INTEGER",
        "column_position": "INTEGER",
        "column_label": "VARCHAR",
        "column_year": "INTEGER",
        "value": "BIGINT",
        "status": "VARCHAR",
        "symbol": "VARCHAR",
    }
    if tables:
        _insert(
            connection, "published_table", key, {c: (types_of[c], v) for c, v in tables.items()}
        )
        _insert(connection, "published_cell", key, {c: (types_of[c], v) for c, v in cells.items()})
    notes = (
        [("year", None, None, year) for year in publication.years]
        + [
            ("unavailable", name, text_key, None)
            for name, text_key in publication.unavailable.items()
        ]
        + [("grouped_department", group, None, None) for group in publication.grouped_departments]
    )
    _insert(
        connection,
        "publication_note",
        key,
        {
            "kind": ("VARCHAR", [note[0] for note in notes]),
            "position": ("INTEGER", list(range(len(notes)))),
            "label": ("VARCHAR", [note[1] for note in notes]),
            "text_key": ("VARCHAR", [note[2] for note in notes]),
            "year": ("INTEGER", [note[3] for note in notes]),
        },
    )


def _read_publication(
    connection: duckdb.DuckDBPyConnection, key: list, rules: ProtectionRules
) -> Publication:
    """The stored publication; its tables carry no linked sets and it no protected union (they
    hold the system of equations, not results): audit a freshly built publication instead."""
    tables = connection.execute(
        "SELECT table_name, is_series, row_dimension, column_dimension, series_name "
        "FROM published_table "
        "WHERE data_version = ? AND logic_version = ? AND threshold = ? AND min_width = ? "
        "ORDER BY table_position",
        key,
    ).fetchall()
    cells: dict[str, list[tuple]] = defaultdict(list)
    for name, *cell in connection.execute(
        "SELECT table_name, row_position, row_label, row_year, column_position, column_label, "
        "column_year, value, status FROM published_cell "
        "WHERE data_version = ? AND logic_version = ? AND threshold = ? AND min_width = ? "
        "ORDER BY table_name, row_position, column_position",
        key,
    ).fetchall():
        cells[name].append(tuple(cell))
    built = {
        name: _table(name, series, rows_name, columns_name, series_name, cells[name], rules)
        for name, series, rows_name, columns_name, series_name in tables
    }
    notes = connection.execute(
        "SELECT kind, label, text_key, year FROM publication_note "
        "WHERE data_version = ? AND logic_version = ? AND threshold = ? AND min_width = ? "
        "ORDER BY position",
        key,
    ).fetchall()
    return Publication(
        tables=built,
        years=tuple(int(year) for kind, _, _, year in notes if kind == "year"),
        rules=rules,
        unavailable={
            label: text_key for kind, label, text_key, _ in notes if kind == "unavailable"
        },
        grouped_departments=tuple(
            label for kind, label, _, _ in notes if kind == "grouped_department"
        ),
    )


def _table(
    name: str,
    series: bool,
    rows_name: str | None,
    columns_name: str | None,
    series_name: str | None,
    cells: list[tuple],
    rules: ProtectionRules,
) -> ProtectedTable:
    """A ProtectedTable as publication.protected builds it (protection.tables._frames)."""
    rows: dict[int, object] = {}
    columns: dict[int, object] = {}
    grid: dict[tuple[int, int | None], tuple] = {}
    for row_at, row_text, row_year, column_at, column_text, column_year, value, kind in cells:
        rows[row_at] = row_text if row_year is None else int(row_year)
        if column_at is not None:
            columns[column_at] = column_text if column_year is None else int(column_year)
        grid[(row_at, column_at)] = (pd.NA if value is None else int(value), kind)
    row_order = sorted(rows)
    index = pd.Index([rows[at] for at in row_order], name=rows_name)
    if series:
        pairs = [grid[(at, None)] for at in row_order]
        values = pd.Series([p[0] for p in pairs], index=index, dtype="Int64", name=series_name)
        status = pd.Series([p[1] for p in pairs], index=index, dtype=object, name=series_name)
    else:
        column_order = sorted(columns)
        column_index = pd.Index([columns[at] for at in column_order], name=columns_name)
        lines = [[grid[(r, c)] for c in column_order] for r in row_order]
        values = pd.DataFrame(
            [[cell[0] for cell in line] for line in lines],
            index=index,
            columns=column_index,
            dtype="Int64",
        )
        status = pd.DataFrame(
            [[cell[1] for cell in line] for line in lines],
            index=index,
            columns=column_index,
            dtype=object,
        )
    return ProtectedTable(name, values, status, rules, linked=None)


# --- the estimate ---------------------------------------------------------------------------
# Every field of an MseResult becomes rows (model, year, statistic, position, name, value, text),
# walking the dataclasses of analysis.mse by their type hints: a number in `value`, a text in
# `text`, both NULL for None; sequences give positions, mappings names. Read back by the same
# hints, the result equals the one stored.

ESTIMATES = {"headline": ModelAverage}
RESULT = "result"


@dataclass(frozen=True)
class _Summary:
    """The plain fields of an MseResult."""

    estimable: bool
    reason: str | None
    n_observed: int | None
    stepwise_model: str | None
    years: tuple[int, ...]
    linked_cases: int
    registrations: int | None
    without_key: int | None
    display_digits: int | None
    model_rows: bool
    display_grid: bool
    withheld_reason: str | None


_Row = tuple[str, tuple[int, ...], str | None, float | None, str | None]


@functools.cache
def _hints(kind: type) -> dict[str, object]:
    return typing.get_type_hints(kind)


def _optional(hint: object) -> object:
    """X for X | None, else the hint itself."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        kinds = [kind for kind in typing.get_args(hint) if kind is not type(None)]
        if len(kinds) == 1:
            return kinds[0]
    return hint


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _flatten(value: object, hint: object, path: str, position: tuple[int, ...], rows: list) -> None:
    if value is None:
        rows.append((path, position, None, None, None))
        return
    hint = _optional(hint)
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        for item in dataclasses.fields(hint):
            item_hint = _hints(hint)[item.name]
            _flatten(getattr(value, item.name), item_hint, _join(path, item.name), position, rows)
    elif origin is tuple:
        kinds = typing.get_args(hint)
        if len(kinds) == 2 and kinds[1] is Ellipsis:
            kinds = (kinds[0],) * len(value)
        for index, (item, kind) in enumerate(zip(value, kinds, strict=True)):
            _flatten(item, kind, path, (*position, index), rows)
    elif origin is dict:
        _, kind = typing.get_args(hint)
        for index, (name, item) in enumerate(value.items()):
            rows.append((path, (*position, index), str(name), _number(item, kind), None))
    elif hint is str:
        rows.append((path, position, None, None, str(value)))
    else:
        rows.append((path, position, None, _number(value, hint), None))


def _number(value: object, hint: object) -> float:
    if hint not in (int, float, bool):
        raise TypeError(f"cannot store a {hint} in model_output")
    return float(value)


class _Stored:
    """The rows of one model, for reading it back by its type hints."""

    def __init__(self, rows: Sequence[_Row]) -> None:
        self.cells = {
            (path, position): (name, value, text) for path, position, name, value, text in rows
        }
        self.positions: dict[str, list[tuple[int, ...]]] = defaultdict(list)
        for path, position, *_ in rows:
            self.positions[path].append(position)

    def length(self, path: str, position: tuple[int, ...]) -> int:
        depth = len(position)
        indices = [
            found[depth]
            for stored, positions in self.positions.items()
            if stored == path or stored.startswith(f"{path}.")
            for found in positions
            if len(found) > depth and found[:depth] == position
        ]
        return max(indices) + 1 if indices else 0

    def build(self, hint: object, path: str, position: tuple[int, ...]) -> object:
        if self.cells.get((path, position)) == (None, None, None):
            return None
        hint = _optional(hint)
        origin = typing.get_origin(hint)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return hint(
                **{
                    item.name: self.build(_hints(hint)[item.name], _join(path, item.name), position)
                    for item in dataclasses.fields(hint)
                }
            )
        if origin is tuple:
            kinds = typing.get_args(hint)
            if len(kinds) == 2 and kinds[1] is Ellipsis:
                kinds = (kinds[0],) * self.length(path, position)
            return tuple(
                self.build(kind, path, (*position, index)) for index, kind in enumerate(kinds)
            )
        if origin is dict:
            _, kind = typing.get_args(hint)
            entries = sorted(
                (found[-1], self.cells[(path, found)])
                for found in self.positions.get(path, [])
                if len(found) == len(position) + 1 and found[:-1] == position
            )
            return {name: kind(value) for _, (name, value, _) in entries}
        name, value, text = self.cells[(path, position)]
        return text if hint is str else hint(value)


def _mse_rows(result: MseResult) -> Columns:
    summary = _Summary(
        result.estimable,
        result.reason,
        result.n_observed,
        result.stepwise_model,
        tuple(result.years),
        result.linked_cases,
        result.registrations,
        result.without_key,
        result.display_digits,
        result.model_rows,
        result.display_grid,
        result.withheld_reason,
    )
    parts: list[tuple[str, int | None, object, type]] = [(RESULT, None, summary, _Summary)]
    parts += [
        (model, None, getattr(result, model), kind)
        for model, kind in ESTIMATES.items()
        if getattr(result, model) is not None
    ]
    columns: dict[str, list] = defaultdict(list)
    for model, year, value, kind in parts:
        rows: list[_Row] = []
        _flatten(value, kind, "", (), rows)
        for path, position, name, number, text in rows:
            for column, item in zip(
                ("model", "year", "statistic", "position", "name", "value", "text"),
                (model, year, path, list(position), name, number, text),
                strict=True,
            ):
                columns[column].append(item)
    kinds = {
        "model": "VARCHAR",
        "year": "INTEGER",
        "statistic": "VARCHAR",
        "position": "INTEGER[]",
        "name": "VARCHAR",
        "value": "DOUBLE",
        "text": "VARCHAR",
    }
    return {column: (kinds[column], values) for column, values in columns.items()}


def _read_mse(connection: duckdb.DuckDBPyConnection, key: list) -> MseResult | None:
    rows: dict[tuple[str, int | None], list[_Row]] = defaultdict(list)
    for model, year, path, position, name, value, text in connection.execute(
        "SELECT model, year, statistic, position, name, value, text FROM model_output "
        "WHERE data_version = ? AND logic_version = ? AND threshold = ? AND min_width = ?",
        key,
    ).fetchall():
        rows[(model, year)].append((path, tuple(position), name, value, text))
    if (RESULT, None) not in rows:
        return None
    summary = _Stored(rows[(RESULT, None)]).build(_Summary, "", ())
    parts = {
        model: _Stored(rows[(model, None)]).build(kind, "", ()) if (model, None) in rows else None
        for model, kind in ESTIMATES.items()
    }
    return MseResult(**dataclasses.asdict(summary), **parts)


# --- the frames -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    """A frame the pages read beside the publication: its table, and per column its SQL type and
    the dtype the function that makes it gives (None: as pandas infers it from the values)."""

    table: str
    field: str
    columns: dict[str, tuple[str, str | None]]
    untyped_when_empty: bool = False  # coverage_table gives a frame of object columns then

    def rows(self, frame: pd.DataFrame) -> Columns:
        columns: Columns = {"position": ("INTEGER", list(range(len(frame))))}
        for column, (kind, _) in self.columns.items():
            convert = {"INTEGER": int, "BIGINT": int, "DOUBLE": float}.get(kind, str)
            columns[column] = (
                kind,
                [None if pd.isna(value) else convert(value) for value in frame[column]],
            )
        return columns

    def read(self, connection: duckdb.DuckDBPyConnection, key: list) -> pd.DataFrame:
        names = list(self.columns)
        selected = ", ".join(names)
        query = f"SELECT {selected} FROM {self.table} WHERE {KEY} ORDER BY position"  # noqa: S608
        try:
            rows = connection.execute(query, key).fetchall()
        except duckdb.CatalogException:  # a release's file from before this table: none stored
            rows = []
        frame = pd.DataFrame(rows, columns=names)
        if not rows and self.untyped_when_empty:
            return frame.astype(object)
        dtypes = {column: dtype for column, (_, dtype) in self.columns.items() if dtype}
        return frame.astype(dtypes)


FRAMES = {
    "coverage": _Frame(
        "derived_coverage",
        "coverage",
        {
            "department": ("VARCHAR", None),
            "year": ("INTEGER", "int64"),
            "channel": ("VARCHAR", None),
            "status": ("VARCHAR", None),
            "report_count": ("BIGINT", "float64"),
            "submission_id": ("VARCHAR", None),
        },
        untyped_when_empty=True,
    ),
    "fte": _Frame(
        "derived_fte",
        "fte",
        {
            "department_group": ("VARCHAR", None),
            "year": ("INTEGER", "int64"),
            "fte": ("DOUBLE", "float64"),
            "departments": ("BIGINT", "int64"),
        },
    ),
    "cases": _Frame(
        "derived_cases",
        "cases",
        {
            "year": ("INTEGER", "int32"),
            "registrations": ("BIGINT", "int64"),
            "cases": ("BIGINT", "int64"),
        },
    ),
    "measures": _Frame(
        "derived_measures",
        "measures",
        {
            "department": ("VARCHAR", None),
            "department_group": ("VARCHAR", None),
            "year": ("INTEGER", "int64"),
            "kind": ("VARCHAR", None),
            "activities": ("BIGINT", "int64"),
            "participants": ("BIGINT", "Int64"),
        },
    ),
}


def _frame_of(results: DerivedResults, spec: _Frame) -> pd.DataFrame:
    frame = getattr(results, spec.field)
    if frame is None:  # results from before measures: an empty frame of the stored columns
        return pd.DataFrame(columns=list(spec.columns))
    return frame
