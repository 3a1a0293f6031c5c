"""The derived results are computed off the commit path: `etl load` returns after the commit, the
worker (publication.worker, started by etl.derivation) stores the results of the new version.

Expected figures from tests/app/fixtures/small/README.md (by hand): discrimination 2021 = 25,
2022 = 33; with BZK's 2022 file corrected (racism at the confidential adviser 8 -> 13) 2022 = 38.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from etl import warehouse
from protection.rules import ProtectionRules
from publication import derived, worker

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "app" / "fixtures" / "small"
RULES = ProtectionRules()


def etl_load(db: Path, *paths: Path, mode: str, wait: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "etl", "load", *map(str, paths), "--db", str(db)]
    if wait:
        command.append("--wait")
    return subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, "MELDINGEN_DERIVATION": mode},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def corrected_bzk_2022(folder: Path) -> Path:
    source = (SMALL / "BZK_2022.csv").read_text(encoding="utf-8")
    changed = source.replace(
        "BZK,2022,vertrouwenspersoon,racisme,ja,8", "BZK,2022,vertrouwenspersoon,racisme,ja,13"
    )
    assert changed != source
    target = folder / "BZK_2022_gecorrigeerd.csv"
    target.write_text(changed, encoding="utf-8")
    return target


def state(db: Path) -> derived.DerivationState:
    with warehouse.reading(db) as connection:
        return derived.state(connection, RULES)


def discrimination_by_year(db: Path) -> dict[int, int]:
    with warehouse.reading(db) as connection:
        shown = derived.latest(connection, RULES)
    assert shown is not None
    totals = shown.publication.year_totals("discrimination")
    return {int(year): int(value) for year, value in totals.items()}


def test_load_returns_after_the_commit_and_the_worker_stores_the_new_version(tmp_path):
    db = tmp_path / "w.duckdb"
    etl_load(db, SMALL, mode="background")
    deadline = time.monotonic() + 180
    while state(db).complete_version != 5:  # four report files and the fte file
        assert time.monotonic() < deadline, "the worker did not store the results in time"
        time.sleep(0.2)
    assert state(db).data_version == 5
    assert discrimination_by_year(db) == {2021: 25, 2022: 33}
    log = (tmp_path / "w.duckdb.derive.log").read_text(encoding="utf-8")
    assert "stored" in log  # the worker says what it did, beside the warehouse


def test_wait_blocks_until_the_results_of_the_new_version_exist(tmp_path):
    db = tmp_path / "w.duckdb"
    etl_load(db, SMALL, mode="off", wait=True)
    now = state(db)
    assert now.complete_version == now.data_version == 5
    etl_load(db, corrected_bzk_2022(tmp_path), mode="off", wait=True)
    assert state(db).complete_version == 6
    assert discrimination_by_year(db) == {2021: 25, 2022: 38}


def test_a_newer_version_without_results_leaves_the_last_complete_one_shown(tmp_path):
    db = tmp_path / "w.duckdb"
    etl_load(db, SMALL, mode="off", wait=True)
    etl_load(db, corrected_bzk_2022(tmp_path), mode="off")
    now = state(db)
    assert (now.data_version, now.complete_version) == (6, 5)
    assert discrimination_by_year(db) == {2021: 25, 2022: 33}  # version 5, complete: no mix
    outcome = worker.derive(db)
    assert outcome.computed == (6,) and outcome.error is None
    assert discrimination_by_year(db) == {2021: 25, 2022: 38}


def test_a_failed_computation_is_recorded_and_the_last_version_stays(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    etl_load(db, SMALL, mode="off", wait=True)
    etl_load(db, corrected_bzk_2022(tmp_path), mode="off")

    def broken(connection, rules):
        raise RuntimeError("protection failed on purpose")

    monkeypatch.setattr(derived, "compute", broken)
    outcome = worker.derive(db)
    assert outcome.error is not None and "on purpose" in outcome.error
    now = state(db)
    assert (now.data_version, now.complete_version, now.failed_version) == (6, 5, 6)
    assert "on purpose" in (now.error or "")
    assert discrimination_by_year(db) == {2021: 25, 2022: 33}
    monkeypatch.undo()
    assert worker.derive(db).computed == (6,)  # the next run tries again
    assert state(db).failed_version is None


def test_workers_started_together_compute_each_version_once(tmp_path):
    db = tmp_path / "w.duckdb"
    etl_load(db, SMALL, mode="off")
    outcomes: list[worker.Outcome] = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(worker.derive(db))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert sorted(len(o.computed) for o in outcomes) == [0, 1]
    assert {o.complete_version for o in outcomes} == {5}


def test_a_missing_warehouse_is_no_error(tmp_path):
    assert worker.derive(tmp_path / "absent.duckdb") == worker.Outcome(None, ())


@pytest.mark.parametrize("wait", [True, False])
def test_the_load_command_itself_does_not_compute_the_results(tmp_path, wait):
    # With derivation off and no --wait the command stores counts only; --wait makes it wait.
    db = tmp_path / "w.duckdb"
    etl_load(db, SMALL, mode="off", wait=wait)
    assert (state(db).complete_version == 5) is wait


def test_the_worker_needs_no_copy_of_the_repository_on_its_path(tmp_path):
    # The child is started with the repository on PYTHONPATH, whatever the caller's directory.
    db = tmp_path / "w.duckdb"
    shutil.copytree(SMALL, tmp_path / "in")
    subprocess.run(
        [sys.executable, "-m", "etl", "load", "in", "--db", "w.duckdb", "--wait"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO), "MELDINGEN_DERIVATION": "off"},
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert state(db).complete_version == 5
