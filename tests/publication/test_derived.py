"""publication.derived: the writer stores the publication and the estimate with each version."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl import warehouse
from etl.cli import main as etl_main
from etl.loading import collect_files, load_files
from protection.rules import ProtectionRules
from publication import derived
from publication.protected import ALL_REPORTS, DISCRIMINATION

SMALL = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "small"
RULES = ProtectionRules()


def _load(folder: Path, db: Path, **options) -> None:
    files, _ = collect_files([folder])
    outcomes = load_files(files, db, loaded_by="test", **options)
    assert {o.status for o in outcomes} == {"loaded"}, [o.problems for o in outcomes]


def _year_totals(publication, measure: str) -> dict[int, int]:
    return {int(year): int(value) for year, value in publication.year_totals(measure).items()}


@pytest.fixture
def derived_db(tmp_path) -> Path:
    db = tmp_path / "w.duckdb"
    _load(SMALL, db, after_load=derived.store_derived)
    return db


def test_a_load_stores_the_publication_of_its_own_data(derived_db):
    with warehouse.reading(derived_db) as connection:
        stored = derived.stored(connection, derived.PUBLICATION, RULES)
        estimate = derived.stored(connection, derived.MSE, RULES)
        names = connection.execute("SELECT name FROM derived_result ORDER BY name").fetchall()
    assert names == [("mse",), ("publication",)]
    # tests/app/fixtures/small/README.md: 25 and 33 discrimination reports, 55 and 67 in all
    assert _year_totals(stored, DISCRIMINATION) == {2021: 25, 2022: 33}
    assert _year_totals(stored, ALL_REPORTS) == {2021: 55, 2022: 67}
    # two ministries and no link keys: nothing to capture-recapture with
    assert estimate.estimable is False
    assert estimate.reason == "too_few_linked"


def test_the_stored_publication_is_the_one_computed_from_the_data(derived_db):
    with warehouse.reading(derived_db) as connection:
        stored = derived.stored(connection, derived.PUBLICATION, RULES)
        fresh = derived.compute_publication(connection, RULES)
    assert stored.tables.keys() == fresh.tables.keys()
    for name, table in fresh.tables.items():
        assert stored.tables[name].values.equals(table.values), name
        assert stored.tables[name].status.equals(table.status), name
    assert (stored.unavailable, stored.grouped_departments) == (
        fresh.unavailable,
        fresh.grouped_departments,
    )


def test_other_code_or_other_rules_do_not_get_the_stored_result(derived_db, monkeypatch):
    with warehouse.reading(derived_db) as connection:
        stricter = ProtectionRules(threshold=10)
        assert derived.stored(connection, derived.PUBLICATION, stricter) is None
        # with T=10 the cells of 5..9 reports are hidden: computed afresh, not served stale
        recomputed = derived.publication(connection, stricter)
        assert recomputed.rules.threshold == 10
        assert recomputed.year_totals(DISCRIMINATION).notna().all()  # 25 and 33 stay shown
        monkeypatch.setattr(derived, "_code_digest", lambda: "another release")
        assert derived.stored(connection, derived.PUBLICATION, RULES) is None
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 33,
        }


def test_a_warehouse_without_derived_results_is_computed_on_reading(tmp_path):
    db = tmp_path / "plain.duckdb"
    _load(SMALL, db)  # no after_load: as an older writer left it
    with warehouse.reading(db) as connection:
        assert derived.stored(connection, derived.PUBLICATION, RULES) is None
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 33,
        }
    # a file written before the table existed
    old = tmp_path / "old.duckdb"
    shutil.copyfile(db, old)
    with duckdb.connect(str(old)) as connection:
        connection.execute("DROP TABLE derived_result")
    with warehouse.reading(old) as connection:
        assert derived.stored(connection, derived.PUBLICATION, RULES) is None


def test_the_next_load_replaces_the_stored_results(derived_db, tmp_path):
    correction = tmp_path / "BZK_2022_vp.csv"
    # BZK 2022, confidential adviser: 10 racism reports instead of 8; the other channels stay
    correction.write_text(
        "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
        "BZK,2022,vertrouwenspersoon,racisme,ja,10\n",
        encoding="utf-8",
    )
    _load(correction, derived_db, after_load=derived.store_derived)
    with warehouse.reading(derived_db) as connection:
        stored = derived.stored(connection, derived.PUBLICATION, RULES)
        rows = connection.execute("SELECT count(*) FROM derived_result").fetchone()[0]
    assert rows == 2
    assert _year_totals(stored, DISCRIMINATION) == {2021: 25, 2022: 35}
    assert _year_totals(stored, ALL_REPORTS) == {2021: 55, 2022: 69}


def test_the_command_line_load_and_rebuild_store_them(tmp_path):
    db = tmp_path / "cli.duckdb"
    assert etl_main(["load", str(SMALL), "--db", str(db)]) == 0
    with warehouse.reading(db) as connection:
        assert _year_totals(
            derived.stored(connection, derived.PUBLICATION, RULES), ALL_REPORTS
        ) == {2021: 55, 2022: 67}
    with warehouse.writing(db) as connection:
        connection.execute("DELETE FROM derived_result")
    assert etl_main(["rebuild", "--db", str(db)]) == 0
    with warehouse.reading(db) as connection:
        assert derived.stored(connection, derived.PUBLICATION, RULES) is not None


def test_a_load_that_leaves_the_counts_alone_keeps_the_results(derived_db, tmp_path, monkeypatch):
    fte = tmp_path / "fte_2022_corrected.csv"
    fte.write_text(
        (SMALL / "fte.csv").read_text(encoding="utf-8").replace("10000", "10100"), encoding="utf-8"
    )
    with warehouse.reading(derived_db) as connection:
        before = dict(
            connection.execute("SELECT name, inputs_digest FROM derived_result").fetchall()
        )

    def must_not_run(*args, **kwargs):
        raise AssertionError("recomputed although the counts did not change")

    monkeypatch.setattr(derived, "build_publication", must_not_run)
    monkeypatch.setattr(derived, "_mse_from", must_not_run)
    _load(fte, derived_db, after_load=derived.store_derived)
    with warehouse.reading(derived_db) as connection:
        after = connection.execute(
            "SELECT name, inputs_digest, build_seconds FROM derived_result ORDER BY name"
        ).fetchall()
        stored = derived.stored(connection, derived.PUBLICATION, RULES)
        fte_total = connection.execute("SELECT sum(fte) FROM v_fte").fetchone()[0]
    assert fte_total == 2 * 10100 + 2 * 30000  # the fte did change (80,000 before)
    assert [(name, digest) for name, digest, _ in after] == sorted(before.items())
    assert [seconds for *_, seconds in after] == [0.0, 0.0]
    assert _year_totals(stored, DISCRIMINATION) == {2021: 25, 2022: 33}


def test_the_inputs_digest_ignores_row_order_and_sees_every_count():
    import pandas as pd

    frame = pd.DataFrame(
        {"year": [2021, 2022, 2022], "channel": ["a", "b", "a"], "count": [5, 6, 7]}
    )
    shuffled = frame.iloc[[2, 0, 1]]
    changed = frame.assign(count=[5, 6, 8])
    assert derived.inputs_digest(frame) == derived.inputs_digest(shuffled)
    assert derived.inputs_digest(frame) != derived.inputs_digest(changed)
    assert derived.inputs_digest(frame) != derived.inputs_digest(frame, frame)


def test_a_fault_in_the_derived_results_does_not_lose_the_load(
    derived_db, tmp_path, monkeypatch, capsys
):
    correction = tmp_path / "BZK_2022_vp.csv"
    correction.write_text(
        "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
        "BZK,2022,vertrouwenspersoon,racisme,ja,10\n",
        encoding="utf-8",
    )

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the protection")

    monkeypatch.setattr(derived, "build_publication", broken)
    assert etl_main(["load", str(correction), "--db", str(derived_db)]) == 0
    assert "Let op: de gegevens zijn geladen" in capsys.readouterr().err
    monkeypatch.undo()
    with warehouse.reading(derived_db) as connection:
        # the previous version's results would describe other data: none are kept
        assert connection.execute("SELECT count(*) FROM derived_result").fetchone()[0] == 0
        # the delivery is there, and readers compute the publication themselves
        assert _year_totals(derived.publication(connection, RULES), DISCRIMINATION) == {
            2021: 25,
            2022: 35,
        }
