"""Coverage: which (department, year, channel) is delivered, explicitly zero, or missing."""

from __future__ import annotations

import duckdb
import pandas as pd

from base.reference import sector_rijk_codes_in_year

# The manager route is not registered anywhere, so it is never expected in a submission.
REGISTERED_CHANNELS: tuple[str, ...] = (
    "integriteitscoordinator",
    "meldpunt",
    "vertrouwenspersoon",
    "klachtencommissie",
)
DELIVERED, EXPLICIT_ZERO, MISSING = "delivered", "explicit_zero", "missing"


def expected_grid(years: list[int], delivered: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every sector Rijk ministry that existed in a year x that year x the channels it reports.

    Not every ministry has every channel (a departmental report point exists only where reports do
    not go through the integrity coordinator), so a ministry is expected to deliver the channels it
    has delivered in any year; a ministry that never delivered anything is expected for all
    registered channels, so its absence shows.
    """
    channels_of: dict[str, set[str]] = {}
    if delivered is not None:
        for department, channel in delivered[["department", "channel"]].itertuples(index=False):
            channels_of.setdefault(department, set()).add(channel)
    rows = [
        (department, year, channel)
        for year in years
        for department in sector_rijk_codes_in_year(year)
        for channel in REGISTERED_CHANNELS
        if channel in channels_of.get(department, REGISTERED_CHANNELS)
    ]
    return pd.DataFrame(rows, columns=["department", "year", "channel"])


def coverage_table(
    connection: duckdb.DuckDBPyConnection, years: list[int] | None = None
) -> pd.DataFrame:
    """One row per expected or delivered (department, year, channel) with its status.

    status: delivered (reports > 0), explicit_zero (only zero rows), missing (no submission).
    Years default to the span of loaded years.
    """
    delivered = connection.execute(
        "SELECT department, year, channel, status, report_count, submission_id FROM v_coverage"
    ).df()
    if years is None:
        if delivered.empty:
            return pd.DataFrame(
                columns=["department", "year", "channel", "status", "report_count", "submission_id"]
            )
        years = list(range(int(delivered["year"].min()), int(delivered["year"].max()) + 1))
    grid = expected_grid(years, delivered)
    merged = grid.merge(delivered, on=["department", "year", "channel"], how="outer")
    merged["status"] = merged["status"].fillna(MISSING)
    merged = merged[merged["year"].isin(years)]
    return merged.sort_values(["year", "department", "channel"]).reset_index(drop=True)


def as_shown(coverage: pd.DataFrame) -> pd.DataFrame:
    """The coverage as the dashboard may show it to everyone: delivered or missing, nothing more.

    Whether a delivered (department, year, channel) held reports or only an explicit zero is a
    count in disguise: 'at least one' beside a total shown as '<5' pins small numbers (one report
    in each of four channels under a total of 4, say). So explicit zeros read as delivered, and
    the counts and submission ids are left out; a department sees its own detail on the upload
    page. A missing delivery stays visible: that nothing was delivered is what the figures rest on.
    """
    shown = coverage.copy()
    if shown.empty:
        return shown
    shown["status"] = shown["status"].where(shown["status"] == MISSING, DELIVERED)
    # The same column types as coverage_table gives where nothing was delivered (NaN, None).
    shown["report_count"] = float("nan")
    shown["submission_id"] = None
    return shown


def missing_fte(connection: duckdb.DuckDBPyConnection, years: list[int]) -> list[tuple[str, int]]:
    present = set(connection.execute("SELECT department, year FROM v_fte").fetchall())
    return [
        (department, year)
        for year in years
        for department in sector_rijk_codes_in_year(year)
        if (department, year) not in present
    ]
