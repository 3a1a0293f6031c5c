"""Read side of the warehouse: the few queries the pages and exports need, all with bound parameters."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from base.reference import comparable_group
from etl.contract import MEASURES_FILE

NO_LIMIT = 2**62  # a sequence number no submission reaches
CELL_DIMENSIONS = (
    "year",
    "department_group",
    "channel",
    "category",
    "concerns",
    "ground",
    "outcome",
)
NOT_FILLED_IN = "niet_ingevuld"


_CELL_COLUMNS_SQL = """
    SELECT
        r.year,
        r.department,
        r.channel,
        coalesce(r.category, ?) AS category,
        r.concerns_discrimination AS concerns,
        coalesce(r.ground, ?) AS ground,
        coalesce(r.outcome, ?) AS outcome,
        sum(r.count)::BIGINT AS count
"""
_CURRENT_CELLS = _CELL_COLUMNS_SQL + "FROM v_reports AS r GROUP BY ALL"
# The reports of the submissions in force at a data version: loaded by then, and not yet
# replaced then (the history keeps the reports of replaced submissions).
# After a join of rows to their submission_scope `sc`: only the scopes in force at a data version
# (two parameters: the sequence number twice).
_IN_FORCE_AT_VERSION = """
    JOIN submission AS s ON s.submission_id = sc.submission_id
    LEFT JOIN submission AS n ON n.submission_id = sc.superseded_by
    WHERE s.sequence_number <= ? AND (n.submission_id IS NULL OR n.sequence_number > ?)
    GROUP BY ALL
"""
_CELLS_AT_VERSION = (
    _CELL_COLUMNS_SQL
    + """
    FROM report AS r
    JOIN submission_scope AS sc
        ON sc.submission_id = r.submission_id AND sc.department = r.department
        AND sc.year = r.year AND sc.channel = r.channel AND sc.file_kind = 'meldingen'
    """
    + _IN_FORCE_AT_VERSION
)


def finest_cells(
    connection: duckdb.DuckDBPyConnection, up_to_sequence: int | None = None
) -> pd.DataFrame:
    """Current reports summed per year x comparable ministry group x channel x category x
    concerns x ground x outcome: the finest cells every published number is a sum of.

    Missing ground, outcome or category (zero rows have none) become 'niet_ingevuld'. Departments
    are mapped to their comparable group across the 2024 reorganisation (EZ and KGG count with EZK,
    LVVN with LNV) so that series run from 2018 to now.

    up_to_sequence: the cells as they stood at that data version (latest_sequence then): the
    reports of the submissions in force then (the history keeps replaced ones), for the audit
    of differences between versions (publication.version_audit).
    """
    if up_to_sequence is None:
        query, parameters = _CURRENT_CELLS, []
    else:
        query, parameters = _CELLS_AT_VERSION, [int(up_to_sequence)] * 2
    cells = connection.execute(query, [NOT_FILLED_IN] * 3 + parameters).df()
    cells["department_group"] = cells["department"].map(comparable_group)
    grouped = cells.groupby(list(CELL_DIMENSIONS), as_index=False)["count"].sum()
    grouped["year"] = grouped["year"].astype(int)
    grouped["count"] = grouped["count"].astype(int)
    return grouped.sort_values(list(CELL_DIMENSIONS)).reset_index(drop=True)


MEASURE_COLUMNS = ("department", "department_group", "year", "kind", "activities", "participants")
_MEASURE_SUMS = """
    SELECT m.department, m.year, m.kind,
           sum(m.activities)::BIGINT AS activities,
           sum(m.participants)::BIGINT AS participants
"""
_CURRENT_MEASURES = _MEASURE_SUMS + "FROM v_measures AS m GROUP BY ALL"
# As _CELLS_AT_VERSION: the measures files in force at a data version.
_MEASURES_AT_VERSION = (
    _MEASURE_SUMS
    + """
    FROM measure AS m
    JOIN submission_scope AS sc
        ON sc.submission_id = m.submission_id AND sc.department = m.department
        AND sc.year = m.year AND sc.file_kind = ?
    """
    + _IN_FORCE_AT_VERSION
)


def current_measures(
    connection: duckdb.DuckDBPyConnection, up_to_sequence: int | None = None
) -> pd.DataFrame:
    """The measures in force, one row per department x year x kind of measure (the rows of one
    department, year and kind for different organisations added up).

    Columns: department, department_group (etl's comparable group across the 2024 reorganisation,
    as in finest_cells), year (int), kind (etl.contract.MEASURE_KINDS), activities (int: the
    activities, for 'vertrouwenspersonen' the confidential advisers at the end of the year) and
    participants (Int64: the sum of the participants given, NA where none was given). Raw numbers
    of the departments' own activities, not of people who reported.

    up_to_sequence: the measures as they stood at that data version (as finest_cells). A
    warehouse from before measures (schema version 1, never written since) has none.
    """
    if up_to_sequence is None:
        query, parameters = _CURRENT_MEASURES, []
    else:
        query = _MEASURES_AT_VERSION
        parameters = [MEASURES_FILE, int(up_to_sequence), int(up_to_sequence)]
    try:
        measures = connection.execute(query, parameters).df()
    except duckdb.CatalogException:  # no table `measure` yet: no measures
        measures = pd.DataFrame(
            columns=["department", "year", "kind", "activities", "participants"]
        )
    measures["department_group"] = measures["department"].map(comparable_group)
    measures = measures.astype({"year": "int64", "activities": "int64", "participants": "Int64"})
    ordered = measures.sort_values(["year", "department", "kind"]).reset_index(drop=True)
    return ordered[list(MEASURE_COLUMNS)]


def fte_by_group(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """fte per comparable ministry group and year, with the number of ministries behind it."""
    fte = connection.execute("SELECT department, year, fte FROM v_fte").df()
    fte["department_group"] = fte["department"].map(comparable_group)
    return (
        fte.groupby(["department_group", "year"], as_index=False)
        .agg(fte=("fte", "sum"), departments=("department", "nunique"))
        .astype({"year": int})
    )


def fte_departments(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return connection.execute(
        "SELECT department, year, fte FROM v_fte ORDER BY year, department"
    ).df()


def submission_history(
    connection: duckdb.DuckDBPyConnection, up_to_sequence: int | None = None
) -> pd.DataFrame:
    """Every submission once, with what it covered and which later submissions replaced parts of it.

    up_to_sequence: the history as it stood at that data version (etl.queries.latest_sequence):
    later submissions, and the replacements they made, are left out.
    """
    up_to = NO_LIMIT if up_to_sequence is None else int(up_to_sequence)
    return connection.execute(
        """
        SELECT
            h.submission_id,
            any_value(h.file_name) AS file_name,
            any_value(h.file_kind) AS file_kind,
            any_value(h.sha256) AS sha256,
            any_value(h.loaded_at) AS loaded_at,
            any_value(h.loaded_by) AS loaded_by,
            any_value(h.row_count) AS row_count,
            any_value(h.report_count) AS report_count,
            string_agg(DISTINCT h.department || ' ' || h.year, ', '
                ORDER BY h.department || ' ' || h.year) AS covers,
            string_agg(DISTINCT r.submission_id, ', ' ORDER BY r.submission_id) AS replaced_by,
            bool_and(r.submission_id IS NULL) AS fully_in_force,
            any_value(h.synthetic) AS synthetic,
            any_value(h.sequence_number) AS sequence_number,
            any_value(h.note) AS note
        FROM v_submission_history AS h
        LEFT JOIN submission AS r
            ON r.submission_id = h.superseded_by AND r.sequence_number <= ?
        WHERE h.sequence_number <= ?
        GROUP BY h.submission_id
        ORDER BY h.submission_id DESC
        """,
        [up_to, up_to],
    ).df()


@dataclass(frozen=True)
class DataVersion:
    """What a figure is based on: how many submissions are in force, the newest load, synthetic or not."""

    submissions_in_force: int
    latest_submission_id: str | None
    latest_load: pd.Timestamp | None
    synthetic: bool

    def label(self) -> str:
        if self.latest_submission_id is None:
            return "-"
        # day-month-year, as the footers write it; an ISO date reads as English on Dutch pages
        stamp = self.latest_load.strftime("%d-%m-%Y") if self.latest_load is not None else ""
        return f"{self.submissions_in_force} / {self.latest_submission_id} / {stamp}"


def latest_sequence(connection: duckdb.DuckDBPyConnection) -> int:
    """The data version as a number: the sequence number of the newest submission (0 when none).

    Every load adds a submission with the next number and rebuild keeps the numbers, so equal
    numbers mean equal data; derived results are stored per data version.
    """
    return int(
        connection.execute("SELECT coalesce(max(sequence_number), 0) FROM submission").fetchone()[0]
    )


def data_version(
    connection: duckdb.DuckDBPyConnection, up_to_sequence: int | None = None
) -> DataVersion:
    """The submissions in force at data version up_to_sequence (default: now)."""
    up_to = NO_LIMIT if up_to_sequence is None else int(up_to_sequence)
    row = connection.execute(
        """
        SELECT
            count(DISTINCT s.submission_id),
            max(s.submission_id),
            max(s.loaded_at),
            coalesce(bool_or(s.synthetic), false)
        FROM submission AS s
        JOIN submission_scope AS sc ON sc.submission_id = s.submission_id
        LEFT JOIN submission AS r ON r.submission_id = sc.superseded_by
        WHERE s.sequence_number <= ? AND (r.submission_id IS NULL OR r.sequence_number > ?)
        """,
        [up_to, up_to],
    ).fetchone()
    return DataVersion(
        submissions_in_force=int(row[0]),
        latest_submission_id=row[1],
        latest_load=pd.Timestamp(row[2]) if row[2] is not None else None,
        synthetic=bool(row[3]),
    )


def discrimination_cases_by_year(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per year: registrations and distinct cases of discrimination or racism (ja or deels).

    cases = sum(count) of rows without a link key + number of distinct (department, link_key):
    a case that reached two channels of one ministry counts once. Raw counts: pass them through
    publication.underreporting.protected_cases before showing anything.
    """
    return connection.execute(
        """
        SELECT
            year,
            sum(count)::BIGINT AS registrations,
            (coalesce(sum(count) FILTER (WHERE link_key IS NULL), 0)
             + count(DISTINCT department || ':' || link_key) FILTER (WHERE link_key IS NOT NULL))::BIGINT
                AS cases
        FROM v_reports
        WHERE concerns_discrimination IN (?, ?)
        GROUP BY year
        ORDER BY year
        """,
        ["ja", "deels"],
    ).df()


def capture_histories(
    connection: duckdb.DuckDBPyConnection, channels: tuple[str, ...]
) -> pd.DataFrame:
    """Capture-history table per year for discrimination cases: one 0/1 column per channel + count.

    A case is a (department, link_key) seen in one or more channels within one year; rows without
    a link key are cases seen in their channel only (this assumes departments key every case that
    reached more than one channel: the matching-quality assumption of the estimate).
    """
    rows = connection.execute(
        """
        WITH keyed AS (
            SELECT year, department, link_key, list_distinct(list(channel)) AS seen, 1 AS count
            FROM v_reports
            WHERE concerns_discrimination IN ('ja', 'deels') AND link_key IS NOT NULL
              AND list_contains(?::VARCHAR[], channel)
            GROUP BY year, department, link_key
        ),
        unkeyed AS (
            SELECT year, department, NULL AS link_key, [channel] AS seen, count
            FROM v_reports
            WHERE concerns_discrimination IN ('ja', 'deels') AND link_key IS NULL AND count > 0
              AND list_contains(?::VARCHAR[], channel)
        )
        SELECT year, seen, sum(count)::BIGINT AS count
        FROM (SELECT * FROM keyed UNION ALL SELECT * FROM unkeyed)
        GROUP BY year, seen
        """,
        [list(channels), list(channels)],
    ).fetchall()
    records = []
    for year, seen, count in rows:
        record = {
            "year": int(year),
            **{channel: int(channel in seen) for channel in channels},
            "count": int(count),
        }
        records.append(record)
    frame = pd.DataFrame(records, columns=["year", *channels, "count"])
    return frame.groupby(["year", *channels], as_index=False)["count"].sum()


def link_keys_by_year(
    connection: duckdb.DuckDBPyConnection, channels: tuple[str, ...]
) -> pd.DataFrame:
    """Per year: registrations of discrimination in these channels, and how many carry no link
    key (capture_histories counts those as seen in one channel only)."""
    return connection.execute(
        """
        SELECT year, sum(count)::BIGINT AS registrations,
            coalesce(sum(count) FILTER (WHERE link_key IS NULL), 0)::BIGINT AS without_key
        FROM v_reports
        WHERE concerns_discrimination IN ('ja', 'deels') AND list_contains(?::VARCHAR[], channel)
        GROUP BY year
        ORDER BY year
        """,
        [list(channels)],
    ).df()


# --- delivery (the upload page): preview, a department's history and audit trail ---------------


def _scope_keys(scopes: list[tuple[str, int, str]]) -> list[str]:
    # Bound as one list of 'department|year|channel' keys: no SQL is formatted and nothing is
    # registered (as etl.loading.versions_in_force does).
    return sorted({f"{department}|{int(year)}|{channel}" for department, year, channel in scopes})


def report_cells_of(
    connection: duckdb.DuckDBPyConnection, scopes: list[tuple[str, int, str]]
) -> pd.DataFrame:
    """Reports in force per (department, year, channel, category) of these scopes; category ''
    for zero rows. Unprotected: only for a user allowed for every department of the scopes."""
    return connection.execute(
        """
        SELECT r.department, r.year, r.channel, coalesce(r.category, '') AS category,
               sum(r.count) AS count
        FROM v_reports AS r
        WHERE list_contains(?::VARCHAR[], r.department || '|' || r.year || '|' || r.channel)
        GROUP BY ALL
        """,
        [_scope_keys(scopes)],
    ).df()


def fte_of(connection: duckdb.DuckDBPyConnection, pairs: list[tuple[str, int]]) -> pd.DataFrame:
    """The fte in force of these (department, year) pairs."""
    keys = sorted({f"{department}|{int(year)}" for department, year in pairs})
    return connection.execute(
        """
        SELECT f.department, f.year, f.fte FROM v_fte AS f
        WHERE list_contains(?::VARCHAR[], f.department || '|' || f.year)
        """,
        [keys],
    ).df()


def measures_of(
    connection: duckdb.DuckDBPyConnection, pairs: list[tuple[str, int]]
) -> pd.DataFrame:
    """The activities in force per (department, year, kind) of these (department, year) pairs."""
    keys = sorted({f"{department}|{int(year)}" for department, year in pairs})
    try:
        return connection.execute(
            """
            SELECT m.department, m.year, m.kind, sum(m.activities)::BIGINT AS activities
            FROM v_measures AS m
            WHERE list_contains(?::VARCHAR[], m.department || '|' || m.year)
            GROUP BY ALL
            """,
            [keys],
        ).df()
    except duckdb.CatalogException:  # a warehouse from before measures
        return pd.DataFrame(columns=["department", "year", "kind", "activities"])


def replaced_versions(
    connection: duckdb.DuckDBPyConnection, in_force: dict[tuple[str, int, str], str | None]
) -> pd.DataFrame:
    """For each (department, year, channel) -> submission in force: that submission's file, when
    and by whom it was loaded, and its report count for the scope (what a new file replaces)."""
    keys = sorted(
        f"{department}|{int(year)}|{channel}|{submission_id}"
        for (department, year, channel), submission_id in in_force.items()
        if submission_id is not None
    )
    return connection.execute(
        """
        SELECT sc.department, sc.year, sc.channel, sc.submission_id, s.file_name, s.loaded_at,
               s.loaded_by, sc.report_count
        FROM submission_scope AS sc
        JOIN submission AS s ON s.submission_id = sc.submission_id
        WHERE list_contains(?::VARCHAR[],
            sc.department || '|' || sc.year || '|' || sc.channel || '|' || sc.submission_id)
        ORDER BY sc.department, sc.year, sc.channel
        """,
        [keys],
    ).df()


def department_submissions(connection: duckdb.DuckDBPyConnection, department: str) -> pd.DataFrame:
    """Every submission that covered a department, newest first: who, when, what it covers, what
    replaced it, and every department it covers (`all_departments`)."""
    return connection.execute(
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


def departments_by_latest_submission(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Every department with a submission, the one submitted for most recently first."""
    rows = connection.execute(
        """
        SELECT sc.department FROM submission_scope AS sc
        JOIN submission AS s ON s.submission_id = sc.submission_id
        GROUP BY sc.department ORDER BY max(s.sequence_number) DESC
        """
    ).fetchall()
    return [department for (department,) in rows]


def submission_file_of(
    connection: duckdb.DuckDBPyConnection, submission_id: str
) -> tuple[str, str, list[str]] | None:
    """(file name, sha256, departments covered) of a submission, None when there is none."""
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
    return None if row is None else (row[0], row[1], list(row[2] or []))


def department_audit_events(connection: duckdb.DuckDBPyConnection, department: str) -> list[tuple]:
    """The warehouse's audit rows concerning a department, oldest first: (occurred_at, actor,
    action, submission_id, replaced_submission_id, departments, year, channel, file_name, note)."""
    try:
        return connection.execute(
            """
            SELECT occurred_at, actor, action, submission_id, replaced_submission_id,
                   departments, year, channel, file_name, note
            FROM audit_log
            WHERE list_contains(string_split(departments, ','), ?)
            ORDER BY event_id
            """,
            [department],
        ).fetchall()
    except duckdb.CatalogException:  # a warehouse from before the audit log
        return []
