"""Pages show the last complete data version while a newer one is being prepared, with a notice;
a failed computation is shown to administrators. Figures by hand: tests/app/fixtures/small/README.md
(discrimination 2022 = 33; with BZK's 2022 file corrected from 8 to 13 racism reports, 38)."""

from __future__ import annotations

from pathlib import Path

from base.texts import text
from etl.loading import IncomingFile, load_files
from publication import derived, worker
from tests.app.conftest import SMALL, build_warehouse


def shown_values(at) -> set[str]:
    values: set[str] = set()
    for frame in at.dataframe:
        values.update(str(v) for v in frame.value.to_numpy().ravel().tolist())
    return values


def corrected(tmp_path: Path) -> Path:
    db = build_warehouse(SMALL, tmp_path / "w.duckdb")
    content = (SMALL / "BZK_2022.csv").read_bytes().replace(b"racisme,ja,8", b"racisme,ja,13")
    outcomes = load_files([IncomingFile("BZK_2022_gecorrigeerd.csv", content)], db, loaded_by="t")
    assert outcomes[0].status == "loaded"
    return db


def notices(at) -> str:
    return " ".join(e.value for e in [*at.info, *at.error])


def test_the_last_complete_version_is_shown_with_a_notice(app, tmp_path):
    db = corrected(tmp_path)  # version 6 loaded, its results not computed (no worker in tests)
    at = app(db)
    assert not at.exception
    assert "33" in shown_values(at) and "38" not in shown_values(at)
    assert text("derive.pending_notice", "nl", shown=5) in notices(at)

    assert worker.derive(db).computed == (6,)
    at = app(db)
    assert "38" in shown_values(at) and "33" not in shown_values(at)
    assert text("derive.pending_notice", "nl", shown=5)[:40] not in notices(at)


def test_a_failed_computation_is_shown_to_the_administrator(app, tmp_path, monkeypatch):
    db = corrected(tmp_path)

    def broken(connection, rules):
        raise RuntimeError("protection failed on purpose")

    monkeypatch.setattr(derived, "compute", broken)
    worker.derive(db)
    monkeypatch.undo()
    at = app(db)  # local mode: the person at this machine is the administrator
    assert not at.exception
    assert "33" in shown_values(at)
    shown = notices(at)
    assert "6" in shown and "on purpose" in shown
