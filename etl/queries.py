"""Read side of the warehouse: the few queries the pages and exports need, all with bound parameters."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from base.reference import comparable_group

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


def finest_cells(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Current reports summed per year x comparable ministry group x channel x category x
    concerns x ground x outcome: the finest cells every published number is a sum of.

    Missing ground, outcome or category (zero rows have none) become 'niet_ingevuld'. Departments
    are mapped to their comparable group across the 2024 reorganisation (EZ and KGG count with EZK,
    LVVN with LNV) so that series run from 2018 to now.
    """
    cells = connection.execute(
        """
        SELECT
            year,
            department,
            channel,
            coalesce(category, ?) AS category,
            concerns_discrimination AS concerns,
            coalesce(ground, ?) AS ground,
            coalesce(outcome, ?) AS outcome,
            sum(count)::BIGINT AS count
        FROM v_reports
        GROUP BY ALL
        """,
        [NOT_FILLED_IN, NOT_FILLED_IN, NOT_FILLED_IN],
    ).df()
    cells["department_group"] = cells["department"].map(comparable_group)
    grouped = cells.groupby(list(CELL_DIMENSIONS), as_index=False)["count"].sum()
    grouped["year"] = grouped["year"].astype(int)
    grouped["count"] = grouped["count"].astype(int)
    return grouped.sort_values(list(CELL_DIMENSIONS)).reset_index(drop=True)


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


def submission_history(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every submission once, with what it covered and which later submissions replaced parts of it."""
    return connection.execute(
        """
        SELECT
            submission_id,
            any_value(file_name) AS file_name,
            any_value(file_kind) AS file_kind,
            any_value(sha256) AS sha256,
            any_value(loaded_at) AS loaded_at,
            any_value(loaded_by) AS loaded_by,
            any_value(row_count) AS row_count,
            any_value(report_count) AS report_count,
            string_agg(DISTINCT department || ' ' || year, ', ' ORDER BY department || ' ' || year)
                AS covers,
            string_agg(DISTINCT superseded_by, ', ' ORDER BY superseded_by) AS replaced_by,
            bool_and(superseded_by IS NULL) AS fully_in_force,
            any_value(synthetic) AS synthetic
        FROM v_submission_history
        GROUP BY submission_id
        ORDER BY submission_id DESC
        """
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
        stamp = self.latest_load.strftime("%Y-%m-%d") if self.latest_load is not None else ""
        return f"{self.submissions_in_force} / {self.latest_submission_id} / {stamp}"


def data_version(connection: duckdb.DuckDBPyConnection) -> DataVersion:
    row = connection.execute(
        """
        SELECT
            count(DISTINCT s.submission_id),
            max(s.submission_id),
            max(s.loaded_at),
            coalesce(bool_or(s.synthetic), false)
        FROM submission AS s
        JOIN v_current_scope AS c ON c.submission_id = s.submission_id
        """
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
