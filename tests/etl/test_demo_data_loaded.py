"""The bundled synthetic demo data, loaded through the real ETL, tells what parliament was told."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl import queries, warehouse
from etl.coverage import MISSING, coverage_table
from etl.loading import collect_files, load_files

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    files, missing = collect_files([REPO / "data/demo"])
    outcomes = load_files(files, db, loaded_by="test")
    assert missing == []
    assert {o.status for o in outcomes} == {"loaded"}
    return db


def test_every_demo_file_is_accepted(demo_db):
    with warehouse.reading(demo_db) as connection:
        submissions = connection.execute(
            "SELECT count(*), bool_and(synthetic) FROM submission"
        ).fetchone()
    data_files = [p for p in (REPO / "data/demo").iterdir() if p.suffix in (".csv", ".xlsx")]
    assert submissions == (len(data_files), True)


def test_letter_figures_through_v_reports(demo_db):
    # Kamerbrief: 2018-2020 each between 25 and 35 reports of discrimination and racism registered by
    # integrity coordinators, departmental report points or confidential advisers; and 5 complaints
    # in total at the complaints committees that partly concerned discrimination and racism.
    with warehouse.reading(demo_db) as connection:
        per_year = connection.execute(
            """
            SELECT year, sum(count) FROM v_reports
            WHERE channel IN ('integriteitscoordinator', 'meldpunt', 'vertrouwenspersoon')
              AND concerns_discrimination IN ('ja', 'deels') AND year BETWEEN ? AND ?
            GROUP BY year ORDER BY year
            """,
            [2018, 2020],
        ).fetchall()
        committee = connection.execute(
            """
            SELECT sum(count) FROM v_reports
            WHERE channel = 'klachtencommissie' AND concerns_discrimination = 'deels'
              AND year BETWEEN ? AND ?
            """,
            [2018, 2020],
        ).fetchone()[0]
    assert [year for year, _ in per_year] == [2018, 2019, 2020]
    assert all(25 <= count <= 35 for _, count in per_year)
    assert committee == 5


def test_demo_has_a_missing_department_year_and_explicit_zeros(demo_db):
    with warehouse.reading(demo_db) as connection:
        coverage = coverage_table(connection)
    az_2019 = coverage[(coverage["department"] == "AZ") & (coverage["year"] == 2019)]
    assert not az_2019.empty and set(az_2019["status"]) == {MISSING}
    assert (coverage["status"] == "explicit_zero").any()
    assert coverage["year"].min() == 2018 and coverage["year"].max() == 2025


def test_demo_links_cases_across_channels(demo_db):
    with warehouse.reading(demo_db) as connection:
        linked = connection.execute(
            """
            SELECT count(*) FROM (
                SELECT department, year, link_key FROM v_reports WHERE link_key IS NOT NULL
                GROUP BY ALL HAVING count(DISTINCT channel) > 1
            )
            """
        ).fetchone()[0]
    assert linked >= 40


def test_demo_measures_load_and_leave_the_report_numbers_as_they_were(demo_db, tmp_path):
    # The same demo without its measures files (maatregelen_*): every report number the same.
    files, _ = collect_files([REPO / "data/demo"])
    without = [f for f in files if not Path(f.file_name).name.startswith("maatregelen_")]
    assert len(files) - len(without) == 8  # one measures file a year, 2018-2025
    reports_only = tmp_path / "reports_only.duckdb"
    load_files(without, reports_only, loaded_by="test")
    numbers = []
    for db in (demo_db, reports_only):
        with warehouse.reading(db) as connection:
            numbers.append(
                (
                    queries.finest_cells(connection),
                    coverage_table(connection),
                    connection.execute("SELECT * FROM v_fte ORDER BY ALL").fetchall(),
                )
            )
    pd.testing.assert_frame_equal(numbers[0][0], numbers[1][0])
    pd.testing.assert_frame_equal(numbers[0][1], numbers[1][1])
    assert numbers[0][2] == numbers[1][2]
    with warehouse.reading(demo_db) as connection:
        measures = queries.current_measures(connection)
    advisers = measures[measures["kind"] == "vertrouwenspersonen"]
    assert sorted(advisers.groupby("year").size().items()) == [
        (year, 11 if year < 2024 else 14) for year in range(2018, 2026)
    ]
    assert set(measures.loc[measures["kind"] == "training", "year"]) == set(range(2021, 2026))
