"""publication.derived: the results of each data version, stored in typed tables and read back equal.

Expected figures from tests/app/fixtures/small/README.md (by hand): discrimination 2021 = 25,
2022 = 33; all reports 55 and 67; with BZK's 2022 confidential adviser at 10 racism reports
instead of 8, 2022 = 35 and 69.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd
import pytest

from etl import queries, warehouse
from etl.loading import collect_files, load_files, rebuild
from protection.rules import ProtectionRules
from publication import derived
from publication.protected import ALL_REPORTS, DISCRIMINATION, Publication
from publication.underreporting import MseResult

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "app" / "fixtures" / "small"
UNPROTECTABLE = REPO / "tests" / "app" / "fixtures" / "unprotectable"
DEMO = REPO / "data" / "demo"
RULES = ProtectionRules()
CORRECTION = (
    "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
    "BZK,2022,vertrouwenspersoon,racisme,ja,10\n"
)


def _load(folder: Path, db: Path, **options) -> None:
    files, _ = collect_files([folder])
    outcomes = load_files(files, db, loaded_by="test", **options)
    assert {o.status for o in outcomes} == {"loaded"}, [o.problems for o in outcomes]


def _year_totals(publication: Publication, measure: str) -> dict[int, int]:
    return {int(year): int(value) for year, value in publication.year_totals(measure).items()}


def _state(db: Path, rules: ProtectionRules = RULES) -> derived.DerivationState:
    with warehouse.reading(db) as connection:
        return derived.state(connection, rules)


def _latest(db: Path, rules: ProtectionRules = RULES) -> derived.DerivedResults | None:
    with warehouse.reading(db) as connection:
        return derived.latest(connection, rules)


def _correction(folder: Path) -> Path:
    path = folder / "BZK_2022_vp.csv"
    path.write_text(CORRECTION, encoding="utf-8")
    return path


@pytest.fixture
def derived_db(tmp_path) -> Path:
    db = tmp_path / "w.duckdb"
    _load(SMALL, db, after_load=derived.store_derived)
    return db


# --- round trip -----------------------------------------------------------------------------


class RoundTrip(NamedTuple):
    fresh: derived.DerivedResults  # computed (no stored results to reuse)
    back: derived.DerivedResults  # stored, then read back with latest
    db: Path


def _round_trip(folder: Path | None, db: Path) -> RoundTrip:
    """Results computed afresh, stored, and read back."""
    if folder is None:
        with warehouse.writing(db):
            pass  # the schema only
    else:
        _load(folder, db)
    with warehouse.reading(db) as connection:
        fresh = derived.compute(connection, RULES)
    with warehouse.writing(db) as connection:
        derived.store(connection, fresh, RULES)
    back = _latest(db)
    assert back is not None
    return RoundTrip(fresh, back, db)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return _round_trip(DEMO, tmp_path_factory.mktemp("demo") / "demo.duckdb")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return _round_trip(SMALL, tmp_path_factory.mktemp("small") / "small.duckdb")


@pytest.fixture(scope="module")
def unprotectable(tmp_path_factory):
    return _round_trip(UNPROTECTABLE, tmp_path_factory.mktemp("unprotectable") / "u.duckdb")


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    return _round_trip(None, tmp_path_factory.mktemp("empty") / "empty.duckdb")


def _labels(index: pd.Index) -> list[tuple[type, object]]:
    return [(type(label), label) for label in index]


def assert_same_publication(back: Publication, fresh: Publication) -> None:
    assert list(back.tables) == list(fresh.tables)  # the same tables, in the same order
    for name, table in fresh.tables.items():
        stored = back.tables[name]
        assert stored.name == name
        assert stored.is_series == table.is_series, name
        if table.is_series:
            pd.testing.assert_series_equal(stored.values, table.values, check_exact=True)
            pd.testing.assert_series_equal(stored.status, table.status, check_exact=True)
        else:
            pd.testing.assert_frame_equal(stored.values, table.values, check_exact=True)
            pd.testing.assert_frame_equal(stored.status, table.status, check_exact=True)
            assert _labels(stored.values.columns) == _labels(table.values.columns), name
            assert stored.values.columns.name == table.values.columns.name
            assert stored.values.columns.dtype == table.values.columns.dtype
        # labels keep their type (years int, the rest text) and their order
        assert _labels(stored.values.index) == _labels(table.values.index), name
        assert _labels(stored.status.index) == _labels(table.status.index), name
        assert stored.values.index.name == table.values.index.name
        assert stored.values.index.dtype == table.values.index.dtype
        for lang in ("nl", "en"):
            assert stored.display(lang).equals(table.display(lang)), (name, lang)
            assert stored.footnotes(lang) == table.footnotes(lang), (name, lang)
        assert stored.footnote_keys == table.footnote_keys
    assert back.years == fresh.years
    assert all(type(year) is int for year in back.years)
    assert dict(back.unavailable) == dict(fresh.unavailable)
    assert list(back.unavailable) == list(fresh.unavailable)
    assert back.grouped_departments == fresh.grouped_departments
    assert back.rules == fresh.rules
    for lang in ("nl", "en"):
        assert back.grouping_note(lang) == fresh.grouping_note(lang)
        for name in fresh.unavailable:
            assert back.unavailable_text(name, lang) == fresh.unavailable_text(name, lang)
    for measure in (DISCRIMINATION, ALL_REPORTS):
        assert back.available_breakdowns(measure) == fresh.available_breakdowns(measure)


def assert_same_frames(back: derived.DerivedResults, fresh: derived.DerivedResults) -> None:
    for name in ("coverage", "fte", "cases"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(fresh, name), check_exact=True)


@pytest.mark.parametrize("warehouse_name", ["small", "unprotectable", "empty", "demo"])
def test_what_is_read_back_equals_what_was_computed(warehouse_name, request):
    fresh, back, _ = request.getfixturevalue(warehouse_name)
    assert back.data_version == fresh.data_version
    assert back.inputs_digest == fresh.inputs_digest
    assert back.build_seconds == pytest.approx(fresh.build_seconds)
    assert_same_publication(back.publication, fresh.publication)
    assert back.mse == fresh.mse
    assert_same_frames(back, fresh)


def test_the_fixtures_cover_hidden_cells_notes_and_an_estimate(demo, unprotectable, empty):
    fresh = demo.fresh
    statuses = {
        status
        for table in fresh.publication.tables.values()
        for status in pd.Series(table.status.to_numpy().ravel()).unique()
    }
    assert statuses == {"published", "primary", "secondary"}
    assert fresh.mse.estimable and fresh.mse.headline is not None
    fresh = unprotectable.fresh
    assert fresh.publication.unavailable and fresh.publication.grouped_departments
    assert fresh.fte.empty
    fresh = empty.fresh
    assert fresh.data_version == 0 and not fresh.publication.tables
    assert fresh.coverage.empty


def test_every_field_of_the_estimate_comes_back(demo):
    fresh, back, _ = demo
    # the fields below are all there are: a new field must be stored too (model_output)
    assert [f.name for f in dataclasses.fields(MseResult)] == [
        "estimable",
        "reason",
        "n_observed",
        "headline",
        "stepwise_model",
        "years",
        "linked_cases",
        "registrations",
        "without_key",
        "display_digits",
        "model_rows",
        "display_grid",
        "withheld_reason",
    ]
    computed, stored = fresh.mse, back.mse
    assert (stored.estimable, stored.reason) == (True, None)
    # the display the inversion check chose (publication.mse_disclosure), with its types
    assert stored.display == computed.display
    assert stored.withheld_reason == computed.withheld_reason
    assert type(stored.model_rows) is bool and type(stored.display_grid) is bool
    assert stored.display_digits is None or type(stored.display_digits) is int
    assert stored.n_observed == computed.n_observed and type(stored.n_observed) is int
    assert stored.linked_cases == computed.linked_cases
    assert stored.years == computed.years and all(type(year) is int for year in stored.years)
    assert (stored.registrations, stored.without_key) == (
        computed.registrations,
        computed.without_key,
    )
    assert stored.stepwise_model == computed.stepwise_model
    assert stored.headline == computed.headline
    assert [m.interactions for m in stored.headline.models] == [
        m.interactions for m in computed.headline.models
    ]
    assert stored.outputs == computed.outputs


def test_an_estimate_that_is_not_there_comes_back_as_not_there(small):
    back = small.back
    assert back.mse == MseResult(False, "too_few_linked", linked_cases=0)
    assert back.mse.headline is None and back.mse.years == ()


def test_no_pickle_only_typed_columns(tmp_path):
    with warehouse.reading(_a_stored_warehouse(tmp_path)) as connection:
        columns = connection.execute(
            "SELECT table_name, data_type FROM information_schema.columns "
            "WHERE list_contains(?, table_name)",
            [list(derived.TABLES)],
        ).fetchall()
        tables = {name for (name,) in connection.execute("SHOW TABLES").fetchall()}
    assert {name for name, _ in columns} == set(derived.TABLES)
    assert not [column for column in columns if column[1] == "BLOB"]
    assert "derived_result" not in tables
    assert not hasattr(derived, "pickle")
    assert not list((REPO / "etl" / "sql" / "tables").glob("*derived*"))


def _a_stored_warehouse(tmp_path: Path) -> Path:
    db = tmp_path / "stored.duckdb"
    _load(SMALL, db, after_load=derived.store_derived)
    return db


# --- SQL for analysts -----------------------------------------------------------------------


def _example(sql_file: str) -> str:
    """The example query in the comment of a DDL file: the commented lines after 'SELECT'."""
    text = (REPO / "publication" / "sql" / sql_file).read_text(encoding="utf-8")
    lines = [line.removeprefix("--").strip() for line in text.splitlines() if line.startswith("--")]
    start = next(i for i, line in enumerate(lines) if line.startswith("SELECT"))
    return " ".join(lines[start:]).rstrip(";")


def test_an_analysts_sql_over_published_cell_gives_the_shown_numbers(demo, tmp_path):
    fresh = demo.fresh
    table = fresh.publication.table(DISCRIMINATION, "channel")
    with warehouse.reading(demo.db) as connection:
        shown = connection.execute(_example("published_cell.sql")).fetchall()
        # every table, as plain numbers and symbols
        cells = connection.execute(
            "SELECT table_name, row_label, column_label, coalesce(value::VARCHAR, symbol) "
            "FROM published_cell ORDER BY table_name, row_position, column_position"
        ).fetchall()
    display = table.display("nl", number_format=str)
    expected = [
        (str(row), str(column), display.loc[row, column])
        for row in display.index
        for column in display.columns
    ]
    assert shown == expected
    assert any(text in ("<5", "x") for *_, text in shown)
    by_table: dict[str, list[str]] = {}
    for name, _, _, text in cells:
        by_table.setdefault(name, []).append(text)
    for name, protected in fresh.publication.tables.items():
        display = protected.display("nl", number_format=str)
        assert by_table[name] == [str(v) for v in display.to_numpy().ravel()], name


def test_an_analysts_sql_over_model_output_gives_the_estimates(demo):
    fresh = demo.fresh
    with warehouse.reading(demo.db) as connection:
        rows = connection.execute(_example("model_output.sql").split("(with the key")[0]).fetchall()
    found = {
        (model, statistic): value if text is None else text
        for model, statistic, value, text in rows
    }
    headline = fresh.mse.headline
    assert found[("headline", "n_hat")] == headline.n_hat
    assert found[("headline", "lower")] == headline.lower
    assert found[("headline", "upper")] == headline.upper
    assert found[("headline", "level")] == headline.level == 0.9
    assert found[("headline", "method")] == "aic_average_mata"


# --- versions -------------------------------------------------------------------------------


def test_a_load_stores_the_results_of_its_own_data(derived_db):
    now = _state(derived_db)
    assert now.complete_version == now.data_version > 0
    assert (now.failed_version, now.error) == (None, None)
    results = _latest(derived_db)
    assert results.data_version == now.data_version
    # tests/app/fixtures/small/README.md: 25 and 33 discrimination reports, 55 and 67 in all
    assert _year_totals(results.publication, DISCRIMINATION) == {2021: 25, 2022: 33}
    assert _year_totals(results.publication, ALL_REPORTS) == {2021: 55, 2022: 67}
    # two ministries and no link keys: nothing to capture-recapture with
    assert results.mse.estimable is False
    assert results.mse.reason == "too_few_linked"
    with warehouse.reading(derived_db) as connection:
        assert derived.publication(connection, RULES).years == (2021, 2022)
        assert derived.mse(connection, results.publication, RULES) == results.mse
        fresh = derived.compute_publication(connection, RULES)
    assert_same_publication(results.publication, fresh)


def test_a_new_data_version_without_results_keeps_the_older_complete_one(derived_db, tmp_path):
    before = _state(derived_db)
    _load(_correction(tmp_path), derived_db)  # no after_load: the worker has not run yet
    now = _state(derived_db)
    assert now.data_version > before.data_version
    assert now.complete_version == before.complete_version
    assert (now.failed_version, now.error) == (None, None)
    results = _latest(derived_db)
    assert results.data_version == before.data_version
    assert _year_totals(results.publication, DISCRIMINATION) == {2021: 25, 2022: 33}
    with warehouse.reading(derived_db) as connection:
        # the convenience readers give the current data: not stored, so computed now
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 35,
        }


def test_the_next_load_replaces_the_stored_results(derived_db, tmp_path):
    before = _state(derived_db)
    _load(_correction(tmp_path), derived_db, after_load=derived.store_derived)
    now = _state(derived_db)
    assert now.complete_version == now.data_version > before.data_version
    results = _latest(derived_db)
    assert _year_totals(results.publication, DISCRIMINATION) == {2021: 25, 2022: 35}
    assert _year_totals(results.publication, ALL_REPORTS) == {2021: 55, 2022: 69}
    with warehouse.reading(derived_db) as connection:
        for table in derived.TABLES:
            versions = connection.execute(
                f"SELECT DISTINCT data_version FROM {table}"  # noqa: S608 (test)
            ).fetchall()
            assert versions in ([], [(now.data_version,)]), table


def test_storing_an_older_version_leaves_newer_ones(small, tmp_path):
    fresh = small.fresh
    db = tmp_path / "w.duckdb"
    _load(SMALL, db)
    older = dataclasses.replace(fresh, data_version=fresh.data_version - 1)
    with warehouse.writing(db) as connection:
        derived.store(connection, fresh, RULES)
        derived.store(connection, older, RULES)
    now = _state(db)
    assert now.complete_version == fresh.data_version
    with warehouse.reading(db) as connection:
        versions = connection.execute(
            "SELECT data_version FROM derived_version ORDER BY data_version"
        ).fetchall()
    assert versions == [(older.data_version,), (fresh.data_version,)]


def test_a_failure_is_recorded_and_the_last_complete_results_stay(
    derived_db, tmp_path, monkeypatch, caplog
):
    before = _state(derived_db)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the protection")

    monkeypatch.setattr(derived, "build_publication", broken)
    _load(_correction(tmp_path), derived_db, after_load=derived.store_derived)  # still loaded
    assert "derived results could not be computed" in caplog.text
    monkeypatch.undo()
    now = _state(derived_db)
    assert now.failed_version == now.data_version > before.data_version
    assert now.complete_version == before.complete_version
    assert "a bug in the protection" in now.error
    results = _latest(derived_db)
    assert results.data_version == before.data_version
    assert _year_totals(results.publication, DISCRIMINATION) == {2021: 25, 2022: 33}
    with warehouse.reading(derived_db) as connection:
        # the delivery is there, and the convenience readers compute the current publication
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 35,
        }
    # the next successful computation clears the failure
    with warehouse.writing(derived_db) as connection:
        assert derived.store_derived(connection)
    now = _state(derived_db)
    assert now.complete_version == now.data_version
    assert (now.failed_version, now.error) == (None, None)


def test_store_failure_records_the_error_text(derived_db):
    version = _state(derived_db).data_version
    with warehouse.writing(derived_db) as connection:
        derived.store_failure(connection, version + 1, RULES, "Traceback: it broke")
    now = _state(derived_db)
    assert (now.failed_version, now.error) == (version + 1, "Traceback: it broke")
    assert now.complete_version == version


def test_another_logic_version_or_other_rules_do_not_get_the_stored_results(
    derived_db, monkeypatch
):
    stricter = ProtectionRules(threshold=10)
    with warehouse.reading(derived_db) as connection:
        version = queries.latest_sequence(connection)
        assert derived.latest(connection, stricter) is None
        assert derived.state(connection, stricter) == derived.DerivationState(
            version, None, None, None
        )
        # with T=10 the cells of 5..9 reports are hidden: computed afresh, not served stale
        recomputed = derived.publication(connection, stricter)
        assert recomputed.rules.threshold == 10
        assert recomputed.year_totals(DISCRIMINATION).notna().all()  # 25 and 33 stay shown
        assert (recomputed.table(DISCRIMINATION, "channel").status != "published").any().any()
        monkeypatch.setattr(derived, "LOGIC_VERSION", derived.LOGIC_VERSION + 1)
        assert derived.latest(connection, RULES) is None
        assert derived.state(connection, RULES).complete_version is None
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 33,
        }


def test_store_refuses_results_of_other_rules(small, tmp_path):
    fresh = small.fresh
    db = tmp_path / "w.duckdb"
    _load(SMALL, db)
    with warehouse.writing(db) as connection, pytest.raises(ValueError, match="other protection"):
        derived.store(connection, fresh, ProtectionRules(threshold=10))


def test_a_load_that_leaves_the_counts_alone_reuses_the_results(derived_db, tmp_path, monkeypatch):
    fte = tmp_path / "fte_2022_corrected.csv"
    fte.write_text(
        (SMALL / "fte.csv").read_text(encoding="utf-8").replace("10000", "10100"), encoding="utf-8"
    )
    before = _latest(derived_db)

    def must_not_run(*args, **kwargs):
        raise AssertionError("recomputed although the counts did not change")

    monkeypatch.setattr(derived, "build_publication", must_not_run)
    monkeypatch.setattr(derived, "_mse_from", must_not_run)
    _load(fte, derived_db, after_load=derived.store_derived)
    after = _latest(derived_db)
    assert after.data_version > before.data_version
    assert after.inputs_digest == before.inputs_digest
    assert after.build_seconds == 0.0
    assert_same_publication(after.publication, before.publication)
    assert after.mse == before.mse
    # the fte did change (80,000 before): the frames are read afresh
    assert after.fte["fte"].sum() == 2 * 10100 + 2 * 30000
    assert before.fte["fte"].sum() == 80000


def test_the_inputs_digest_ignores_row_order_and_sees_every_count():
    frame = pd.DataFrame(
        {"year": [2021, 2022, 2022], "channel": ["a", "b", "a"], "count": [5, 6, 7]}
    )
    shuffled = frame.iloc[[2, 0, 1]]
    changed = frame.assign(count=[5, 6, 8])
    assert derived.inputs_digest(frame) == derived.inputs_digest(shuffled)
    assert derived.inputs_digest(frame) != derived.inputs_digest(changed)
    assert derived.inputs_digest(frame) != derived.inputs_digest(frame, frame)


def test_rebuild_stores_them_again(derived_db):
    version = _state(derived_db).data_version
    assert rebuild(derived_db, after_load=derived.store_derived)[1] is None
    now = _state(derived_db)
    assert now.complete_version == now.data_version == version  # rebuild keeps the numbers
    assert _year_totals(_latest(derived_db).publication, ALL_REPORTS) == {2021: 55, 2022: 67}


# --- warehouses without results -------------------------------------------------------------


def test_a_warehouse_without_derived_tables_has_no_results_and_readers_compute(tmp_path):
    db = tmp_path / "plain.duckdb"
    _load(SMALL, db)  # no after_load
    with warehouse.reading(db) as connection:
        assert derived.latest(connection, RULES) is None
        now = derived.state(connection, RULES)
        assert (now.complete_version, now.failed_version) == (None, None)
        assert now.data_version == queries.latest_sequence(connection) > 0
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 33,
        }
        results = derived.compute(connection, RULES)  # read-only is enough
    assert results.data_version == now.data_version
    assert _year_totals(results.publication, ALL_REPORTS) == {2021: 55, 2022: 67}


def test_a_writer_drops_the_pickled_results_of_before(tmp_path):
    db = tmp_path / "old.duckdb"
    _load(SMALL, db)
    with duckdb.connect(str(db)) as connection:
        connection.execute(
            "CREATE TABLE derived_result (name VARCHAR PRIMARY KEY, payload BLOB NOT NULL)"
        )
    with warehouse.reading(db) as connection:
        assert derived.latest(connection, RULES) is None  # the old table is not read
    with warehouse.writing(db) as connection:
        assert derived.store_derived(connection)
    with warehouse.reading(db) as connection:
        tables = {name for (name,) in connection.execute("SHOW TABLES").fetchall()}
    assert "derived_result" not in tables
    assert set(derived.TABLES) <= tables


def test_the_logic_version_is_an_explicit_number_not_a_hash_of_the_code():
    assert type(derived.LOGIC_VERSION) is int and derived.LOGIC_VERSION >= 1
    assert not hasattr(derived, "fingerprint") and not hasattr(derived, "INPUTS")
