"""The measures delivery ('maatregelen', issue 18): contract, kind of file, loading, history, query.

Every bad input is a small named file in fixtures/bad/maatregelen_*; expected numbers are counted
by hand from the fixtures.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import contract, queries, raw_store, warehouse
from etl.coverage import coverage_table
from etl.loading import IncomingFile, load_files, raw_file, rebuild
from etl.validation import validate_file
from tests.etl.conftest import file_fingerprint, incoming

TODAY = dt.date(2026, 11, 30)
HEADER = "departement,jaar,soort,aantal,deelnemers,organisatie\n"

# (fixture, problem code, line, column number); None where the problem concerns the whole file.
BAD_MEASURES = [
    ("maatregelen_soort_unknown.csv", "value.measure_kind_unknown", 3, 3),
    ("maatregelen_aantal_decimal.csv", "value.activities_invalid", 2, 4),
    ("maatregelen_aantal_text.csv", "value.activities_invalid", 2, 4),
    ("maatregelen_aantal_negative.csv", "value.activities_negative", 3, 4),
    ("maatregelen_aantal_empty.csv", "value.required", 2, 4),
    ("maatregelen_deelnemers_text.csv", "value.participants_invalid", 2, 5),
    ("maatregelen_deelnemers_decimal.csv", "value.participants_invalid", 2, 5),
    ("maatregelen_duplicate.csv", "value.measure_duplicate", 4, 3),
    ("maatregelen_department_unknown.csv", "value.department_unknown", 2, 1),
    ("maatregelen_year_future.csv", "value.year_future", 2, 2),
    ("maatregelen_column_naam.csv", "header.personal_data", 1, 6),
    ("maatregelen_value_email.csv", "value.personal_data", 3, 6),
    ("maatregelen_ambiguous_kind.csv", "file.ambiguous_kind", 1, None),
    ("maatregelen_kind_undecided.csv", "file.kind_undecided", 1, None),
    ("maatregelen_header_only.csv", "file.header_only_measures", None, None),
]


def measures_file(name: str, *rows: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + "".join(f"{row}\n" for row in rows)).encode())


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with warehouse.reading(db) as connection:
        return connection.execute(sql, params or []).fetchall()


def measures_of(db: Path, up_to_sequence: int | None = None) -> pd.DataFrame:
    with warehouse.reading(db) as connection:
        return queries.current_measures(connection, up_to_sequence)


def as_rows(frame: pd.DataFrame) -> list[tuple]:
    return [
        (
            r.department,
            r.year,
            r.kind,
            r.activities,
            None if pd.isna(r.participants) else r.participants,
        )
        for r in frame.itertuples()
    ]


# --- validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "code", "line", "column"), BAD_MEASURES)
def test_bad_measures_file_is_rejected_with_its_location(fixture, code, line, column):
    file = incoming(f"bad/{fixture}")
    result = validate_file(file.content, file.file_name, TODAY)
    assert not result.accepted
    first = result.problems[0]
    assert (first.code, first.line, first.column_number) == (code, line, column)
    for lang in ("nl", "en"):
        message = first.message(lang)
        assert message.startswith(fixture)
        if line is not None:
            assert (f"regel {line}" if lang == "nl" else f"line {line}") in message
        if column is not None:
            assert (f"kolom {column}" if lang == "nl" else f"column {column}") in message
        # Never the personal data of the fixtures.
        assert "Jan Jansen" not in message and "jan.jansen@minbzk.nl" not in message


@pytest.mark.parametrize(("fixture", "code", "line", "column"), BAD_MEASURES)
def test_rejected_measures_file_changes_nothing(fixture, code, line, column, db_path):
    good = [incoming("good/bom_utf8.csv"), incoming("good/maatregelen.csv")]
    load_files(good, db_path, loaded_by="test", today=TODAY)
    before = file_fingerprint(db_path)
    outcomes = load_files([incoming(f"bad/{fixture}")], db_path, loaded_by="test", today=TODAY)
    assert [o.status for o in outcomes] == ["rejected"]
    assert file_fingerprint(db_path) == before
    leftovers = sorted(p.name for p in db_path.parent.iterdir())
    assert leftovers == ["meldingen.duckdb", "meldingen.duckdb.lock", "meldingen.duckdb.raw"]


def test_messages_say_what_to_do_with_the_contracts_words():
    def first(fixture: str, lang: str) -> str:
        file = incoming(f"bad/{fixture}")
        return validate_file(file.content, file.file_name, TODAY).problems[0].message(lang)

    for lang in ("nl", "en"):
        assert "training, workshop, campagne, voorlichting, vertrouwenspersonen" in first(
            "maatregelen_soort_unknown.csv", lang
        )
        assert "BZK, EZK" in first("maatregelen_department_unknown.csv", lang)
    # The duplicate names the first line and the key, never the organisation's own text.
    duplicate = first("maatregelen_duplicate.csv", "nl")
    assert "regel 2" in duplicate and "FIN 2022" in duplicate and "training" in duplicate
    assert "elastingdienst" not in duplicate
    assert "FIN 2022 kind training" in first("maatregelen_duplicate.csv", "en")
    ambiguous = first("maatregelen_ambiguous_kind.csv", "en")
    assert "kanaal" in ambiguous and "deelnemers" in ambiguous


def test_good_measures_files_give_canonical_records():
    result = validate_file(*reversed(astuple(incoming("good/maatregelen.csv"))), TODAY)
    assert result.accepted and result.file_kind == contract.MEASURES_FILE
    records = result.records
    assert list(records["kind"]) == [
        "training", "vertrouwenspersonen", "voorlichting", "training", "training",
        "vertrouwenspersonen", "campagne",
    ]  # fmt: skip
    assert list(records["activities"]) == [4, 12, 2, 2, 1, 20, 0]
    assert records["participants"].dtype == "Int64"
    assert list(records["participants"].fillna(-1)) == [60, -1, -1, 30, 14, -1, -1]
    assert list(records["line"]) == [2, 3, 4, 5, 6, 7, 8]

    english = validate_file(*reversed(astuple(incoming("good/maatregelen_english.xlsx"))), TODAY)
    assert english.accepted and english.file_kind == contract.MEASURES_FILE
    assert list(english.records["department"]) == ["BZK", "BZK", "FIN", "FIN", "JenV", "JenV"]
    assert list(english.records["kind"]) == [
        "training", "vertrouwenspersonen", "voorlichting", "vertrouwenspersonen", "campagne",
        "workshop",
    ]  # fmt: skip


def astuple(file: IncomingFile) -> tuple[str, bytes]:
    return file.file_name, file.content


def test_soort_is_a_category_in_a_reports_file_and_a_kind_in_a_measures_file():
    def kind(text: str) -> tuple[str | None, list[str]]:
        result = validate_file(text.encode(), "f.csv", TODAY)
        return result.file_kind, [p.code for p in result.problems]

    # A reports file with 'soort' for its category stays a reports file.
    assert kind("departement,jaar,kanaal,soort,aantal\nBZK,2022,meldpunt,pesten,1\n") == (
        contract.REPORT_FILE, []
    )  # fmt: skip
    # Without a channel: the words tell (a category, so a reports file that lacks 'kanaal').
    assert kind("departement,jaar,soort,aantal\nBZK,2022,pesten,1\n") == (
        contract.REPORT_FILE, ["header.missing"]
    )  # fmt: skip
    # Kinds of measure: a measures file, also with English headers.
    assert kind("departement,jaar,soort,aantal\nBZK,2022,training,1\n") == (
        contract.MEASURES_FILE, []
    )  # fmt: skip
    assert kind("department,year,type,count\nBZK,2022,campaigns,1\n") == (
        contract.MEASURES_FILE, []
    )  # fmt: skip
    # Words of both: no guess.
    mixed = "departement,jaar,soort,aantal\nBZK,2022,pesten,1\nBZK,2022,training,1\n"
    assert kind(mixed) == (None, ["file.kind_undecided"])
    # Every good reports and fte fixture keeps its kind.
    for name, expected in [
        ("bom_utf8.csv", contract.REPORT_FILE),
        ("english_headers.csv", contract.REPORT_FILE),
        ("cp1252_semicolon.csv", contract.REPORT_FILE),
        ("full_names.csv", contract.REPORT_FILE),
        ("valid.xlsx", contract.REPORT_FILE),
        ("fte.csv", contract.FTE_FILE),
    ]:
        file = incoming(f"good/{name}")
        assert validate_file(file.content, file.file_name, TODAY).file_kind == expected, name


# --- loading, history, the query ----------------------------------------------------------------


def test_measures_file_loads_completely_with_provenance(db_path):
    file = incoming("good/maatregelen.csv")
    (outcome,) = load_files([file], db_path, loaded_by="test", today=TODAY)
    assert outcome.status == "loaded" and outcome.file_kind == contract.MEASURES_FILE
    assert outcome.rows == 7 and outcome.reports == 0
    assert outcome.scope == [("BZK", 2022, "maatregelen"), ("FIN", 2022, "maatregelen")]
    assert query(
        db_path, "SELECT file_kind, row_count, report_count, sha256, synthetic FROM submission"
    ) == [("maatregelen", 7, 0, file.sha256, False)]
    assert query(db_path, "SELECT count(*), sum(activities) FROM measure") == [
        (7, 41)
    ]  # 4 + 12 + 2 + 2 + 1 + 20 + 0
    with warehouse.reading(db_path) as connection:
        assert raw_file(connection, file.sha256) == file.content
        assert warehouse.schema_version(connection) == warehouse.SCHEMA_VERSION
    # Hand count: FIN training 2 + 1 (participants 30 + 14); the empty participants stay unknown.
    assert as_rows(measures_of(db_path)) == [
        ("BZK", 2022, "training", 4, 60),
        ("BZK", 2022, "vertrouwenspersonen", 12, None),
        ("BZK", 2022, "voorlichting", 2, None),
        ("FIN", 2022, "campagne", 0, None),
        ("FIN", 2022, "training", 3, 44),
        ("FIN", 2022, "vertrouwenspersonen", 20, None),
    ]


def test_current_measures_columns_and_types(db_path):
    load_files([incoming("good/maatregelen_english.xlsx")], db_path, loaded_by="t", today=TODAY)
    frame = measures_of(db_path)
    assert list(frame.columns) == [
        "department", "department_group", "year", "kind", "activities", "participants",
    ]  # fmt: skip
    assert frame["year"].dtype == "int64" and frame["activities"].dtype == "int64"
    assert frame["participants"].dtype == "Int64"
    assert list(frame["department"]) == ["BZK", "BZK", "FIN", "FIN", "JenV", "JenV"]


def test_comparable_group_across_the_reorganisation(db_path):
    file = measures_file(
        "m.csv", "EZ,2024,training,2,20,", "KGG,2024,training,1,,", "VRO,2024,training,1,,"
    )
    load_files([file], db_path, loaded_by="t", today=TODAY)
    frame = measures_of(db_path)
    assert dict(zip(frame["department"], frame["department_group"], strict=True)) == {
        "EZ": "EZK", "KGG": "EZK", "VRO": "VRO",
    }  # fmt: skip
    # One row per department: the group is only a column to sum over.
    assert len(frame) == 3


def test_newer_measures_file_replaces_its_department_year_and_keeps_the_history(db_path):
    first = incoming("good/maatregelen.csv")
    load_files([first], db_path, loaded_by="t", today=TODAY)
    correction = measures_file(
        "BZK_2022_maatregelen_v2.csv",
        "BZK,2022,training,5,70,",
        "BZK,2022,vertrouwenspersonen,13,,",
    )
    (outcome,) = load_files([correction], db_path, loaded_by="t", today=TODAY)
    assert outcome.replaced == {"S000001": [("BZK", 2022, "maatregelen")]}
    assert as_rows(measures_of(db_path)) == [
        ("BZK", 2022, "training", 5, 70),
        ("BZK", 2022, "vertrouwenspersonen", 13, None),
        ("FIN", 2022, "campagne", 0, None),
        ("FIN", 2022, "training", 3, 44),
        ("FIN", 2022, "vertrouwenspersonen", 20, None),
    ]
    # The older version stays, and the measures as they stood then can be read back.
    assert query(db_path, "SELECT count(*) FROM measure WHERE submission_id = 'S000001'") == [(7,)]
    assert query(
        db_path,
        "SELECT department, superseded_by FROM submission_scope WHERE submission_id = 'S000001' "
        "ORDER BY department",
    ) == [("BZK", "S000002"), ("FIN", None)]
    assert as_rows(measures_of(db_path, up_to_sequence=1))[:3] == [
        ("BZK", 2022, "training", 4, 60),
        ("BZK", 2022, "vertrouwenspersonen", 12, None),
        ("BZK", 2022, "voorlichting", 2, None),
    ]
    # rebuild replays both and keeps the same answer
    count, failed = rebuild(db_path, today=TODAY, rebuilt_by="t")
    assert (count, failed) == (2, None)
    assert as_rows(measures_of(db_path))[0] == ("BZK", 2022, "training", 5, 70)


def report_numbers(db: Path) -> tuple:
    with warehouse.reading(db) as connection:
        cells = queries.finest_cells(connection)
        coverage = coverage_table(connection)
        reports = connection.execute("SELECT count(*), sum(count) FROM v_reports").fetchone()
        fte = connection.execute("SELECT * FROM v_fte ORDER BY ALL").fetchall()
        history = queries.data_version(connection)
    return cells, coverage, reports, fte, history


def test_measures_never_replace_reports_or_fte_and_leave_their_numbers(db_path):
    # Reports and fte of BZK and FIN 2021; measures for the same department-years.
    load_files(
        [incoming("good/bom_utf8.csv"), incoming("good/fte.csv")],
        db_path,
        loaded_by="t",
        today=TODAY,
    )
    cells, coverage, reports, fte, version = report_numbers(db_path)
    measures = measures_file(
        "m2021.csv", "BZK,2021,training,2,20,", "FIN,2021,vertrouwenspersonen,18,,"
    )
    (outcome,) = load_files([measures], db_path, loaded_by="t", today=TODAY)
    assert outcome.status == "loaded" and outcome.replaced == {}
    after = report_numbers(db_path)
    pd.testing.assert_frame_equal(after[0], cells)
    pd.testing.assert_frame_equal(after[1], coverage)
    assert after[2:4] == (reports, fte)
    # The data version counts every submission in force, measures included.
    assert after[4].submissions_in_force == version.submissions_in_force + 1
    assert query(
        db_path, "SELECT count(*) FROM submission_scope WHERE superseded_by IS NOT NULL"
    ) == [(0,)]
    # And the other way round: a newer reports file leaves the measures in force.
    newer = IncomingFile(
        "BZK_2021_v2.csv",
        b"departement,jaar,kanaal,categorie,aantal\nBZK,2021,meldpunt,racisme,2\n",
    )
    load_files([newer], db_path, loaded_by="t", today=TODAY)
    assert as_rows(measures_of(db_path)) == [
        ("BZK", 2021, "training", 2, 20),
        ("FIN", 2021, "vertrouwenspersonen", 18, None),
    ]
    assert query(
        db_path,
        "SELECT count(*) FROM submission_scope WHERE file_kind = 'maatregelen' "
        "AND superseded_by IS NOT NULL",
    ) == [(0,)]


# --- a warehouse from before measures -------------------------------------------------------------


def downgrade_to_version_1(db: Path) -> None:
    """Turn a warehouse into one as schema version 1 wrote it: the CHECK without 'maatregelen',
    no table `measure`, no view v_measures (the same rows)."""
    old = db.with_name("old.duckdb")
    connection = duckdb.connect(str(old))
    try:
        for table_file in sorted((warehouse.SQL_DIR / "tables").glob("*.sql")):
            if table_file.name == "08_measure.sql":
                continue
            sql = table_file.read_text(encoding="utf-8")
            connection.execute(
                sql.replace("'meldingen', 'fte', 'maatregelen'", "'meldingen', 'fte'")
            )
        for view in ("v_current_scope", "v_reports", "v_fte", "v_coverage", "v_submission_history"):
            connection.execute((warehouse.SQL_DIR / "views" / f"{view}.sql").read_text("utf-8"))
        connection.execute("ATTACH ? AS new (READ_ONLY)", [str(db)])
        for table in (
            "submission_file",
            "submission",
            "submission_scope",
            "report",
            "fte",
            "audit_log",
        ):
            connection.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM new.main.{table}")  # noqa: S608
        connection.execute("INSERT INTO warehouse_meta VALUES (1, now()::TIMESTAMP)")
        # A table that is not etl's (as the derived results of publication/sql are), with a key
        # and an index: copied with its own definition.
        connection.execute("CREATE TABLE cached_result (k INTEGER PRIMARY KEY, v VARCHAR NOT NULL)")
        connection.execute("CREATE INDEX cached_result_v ON cached_result (v)")
        connection.execute("INSERT INTO cached_result VALUES (1, 'een'), (2, 'twee')")
        connection.execute("DETACH new")
        assert (
            "'maatregelen'"
            not in connection.execute(
                "SELECT sql FROM duckdb_tables() WHERE table_name = 'submission'"
            ).fetchone()[0]
        )
    finally:
        connection.close()
    shutil.move(old, db)


def test_a_warehouse_of_schema_version_1_keeps_working_and_takes_measures(db_path):
    load_files([incoming("good/bom_utf8.csv"), incoming("good/fte.csv")], db_path, loaded_by="t")
    downgrade_to_version_1(db_path)
    before = report_numbers(db_path)
    with warehouse.reading(db_path) as connection:
        assert warehouse.schema_version(connection) == 1
        assert queries.current_measures(connection).empty  # no table yet: no measures
    (outcome,) = load_files([incoming("good/maatregelen.csv")], db_path, loaded_by="t", today=TODAY)
    assert outcome.status == "loaded" and outcome.submission_id == "S000003"
    after = report_numbers(db_path)
    pd.testing.assert_frame_equal(after[0], before[0])
    pd.testing.assert_frame_equal(after[1], before[1])
    assert after[2:4] == before[2:4]
    assert query(db_path, "SELECT submission_id, file_kind FROM submission ORDER BY ALL") == [
        ("S000001", "meldingen"), ("S000002", "fte"), ("S000003", "maatregelen"),
    ]  # fmt: skip
    with warehouse.reading(db_path) as connection:
        assert warehouse.schema_version(connection) == warehouse.SCHEMA_VERSION
    assert len(measures_of(db_path)) == 6
    assert query(db_path, "SELECT * FROM cached_result ORDER BY k") == [(1, "een"), (2, "twee")]
    assert query(
        db_path, "SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'cached_result_v'"
    ) == [(1,)]
    assert query(
        db_path,
        "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'cached_result' "
        "AND constraint_type = 'PRIMARY KEY'",
    ) == [("PRIMARY KEY",)]
    assert raw_store.contains(
        raw_store.store_path(db_path), incoming("good/maatregelen.csv").sha256
    )


# --- any valid measures table -------------------------------------------------------------------

ALIASES = {
    kind: sorted(
        alias for alias, canonical in contract.MEASURE_KIND_ALIASES.items() if canonical == kind
    )
    for kind in contract.MEASURE_KINDS
}


@st.composite
def measures_tables(draw):
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["BZK", "FIN", "JenV", "AZ"]),
                st.integers(2019, 2023),
                st.sampled_from(contract.MEASURE_KINDS),
                st.sampled_from(["", "Dienst A", "Dienst B"]),
            ),
            min_size=1,
            max_size=25,
            unique=True,
        )
    )
    rows = []
    for department, year, kind, organisation in keys:
        spelling = draw(st.sampled_from(ALIASES[kind]))
        spelling = draw(st.sampled_from([spelling, spelling.upper(), spelling.replace("_", " ")]))
        activities = draw(st.integers(0, 5000))
        participants = draw(st.one_of(st.none(), st.integers(0, 99_999)))
        rows.append((department, year, kind, spelling, activities, participants, organisation))
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measures_tables())
def test_any_valid_measures_table_passes_validation_unchanged(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER.strip().split(","))
    for department, year, _, spelling, activities, participants, organisation in rows:
        writer.writerow(
            [
                department,
                year,
                spelling,
                activities,
                "" if participants is None else participants,
                organisation,
            ]
        )
    result = validate_file(buffer.getvalue().encode(), "m.csv", TODAY)
    assert result.accepted, [p.message("en") for p in result.problems]
    got = [
        (
            r.department, r.year, r.kind, r.activities,
            None if pd.isna(r.participants) else r.participants, r.organisation or "",
        )
        for r in result.records.itertuples()
    ]  # fmt: skip
    assert got == [(d, y, k, a, p, o) for d, y, k, _, a, p, o in rows]
