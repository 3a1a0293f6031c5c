"""Raw submissions outside the warehouse file (etl/raw_store.py): written before the swap, enough
to rebuild a damaged or lost warehouse; damage and a full disk end a command with a message."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from etl import cli, queries, raw_store, warehouse
from etl.loading import (
    REBUILT_FROM_RAW_NOTE,
    IncomingFile,
    load_files,
    raw_file,
    rebuild,
    warehouse_readable,
)
from tests.etl.conftest import FIXTURES, file_fingerprint, incoming
from tests.etl.test_raw_files_and_after_load import make_old_warehouse

REPO = Path(__file__).resolve().parents[2]
TODAY = None  # validated as the command line does, against the real date
HEADER = "departement,jaar,kanaal,categorie,aantal\n"
# Nothing starts the derivation worker in these tests.
NO_WORKER = {"MELDINGEN_DERIVATION": "off"}


def csv_file(name: str, body: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + body).encode())


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with warehouse.reading(db_path) as connection:
        return connection.execute(sql, params or []).fetchall()


def figures(db_path: Path) -> tuple[pd.DataFrame, list[tuple], list[tuple]]:
    """What must survive a rebuild: the finest cells every figure is a sum of, the submissions
    with their provenance, and the commit and replace events."""
    with warehouse.reading(db_path) as connection:
        cells = queries.finest_cells(connection)
        submissions = connection.execute(
            "SELECT submission_id, sequence_number, file_name, sha256, loaded_at, loaded_by, note, "
            "synthetic FROM submission ORDER BY sequence_number"
        ).fetchall()
        events = connection.execute(
            "SELECT occurred_at, actor, source, action, submission_id, replaced_submission_id, "
            "departments, year, channel, file_name, sha256 FROM audit_log "
            "WHERE action <> 'rebuild' ORDER BY event_id"
        ).fetchall()
    return cells, submissions, events


def assert_same_figures(before, after) -> None:
    pd.testing.assert_frame_equal(before[0], after[0])
    assert after[1] == before[1]
    assert after[2] == before[2]


def load_history(db_path: Path) -> None:
    """The nine fixture files of good/ (two of them measures) in two calls, then a correction that
    replaces part of one: ten submissions."""
    good = sorted((FIXTURES / "good").iterdir())
    first = load_files([incoming(f"good/{p.name}") for p in good[:3]], db_path, loaded_by="a")
    second = load_files([incoming(f"good/{p.name}") for p in good[3:]], db_path, loaded_by="b")
    assert {o.status for o in first + second} == {"loaded"}
    [corrected] = load_files(
        [csv_file("FIN_2020_v2.csv", "FIN,2020,meldpunt,pesten,3\n")],
        db_path,
        loaded_by="c",
        note="correctie",
        source="upload",
    )
    assert corrected.status == "loaded" and corrected.replaced


def run(module: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, **NO_WORKER, **(env or {})},
        timeout=120,
    )


def cut_in_half(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


# --- where the bytes live ------------------------------------------------------------------------


def test_raw_file_is_in_the_store_beside_the_warehouse_not_inside_it(db_path):
    file = csv_file("bzk_2021.csv", "BZK,2021,meldpunt,pesten,1\n" * 100)
    rejected = csv_file("bad.csv", "BZK,2021,meldpunt,pesten,-1\n")
    outcomes = load_files([file, rejected], db_path, loaded_by="t")
    assert [o.status for o in outcomes] == ["loaded", "rejected"]
    store = db_path.with_name("meldingen.duckdb.raw")
    kept = store / file.sha256[:2] / f"{file.sha256[2:]}.zst"
    assert kept.exists()
    # Zstandard of the original bytes, compressed to a small fraction.
    assert kept.stat().st_size < 500
    assert pa.Codec("zstd").decompress(kept.read_bytes(), len(file.content), asbytes=True) == (
        file.content
    )
    # The warehouse keeps only the metadata.
    assert query(
        db_path, "SELECT sha256, size_bytes, octet_length(content), content_encoding "
        "FROM submission_file"
    ) == [(file.sha256, len(file.content), 0, "zstd")]  # fmt: skip
    with warehouse.reading(db_path) as connection:
        assert raw_file(connection, file.sha256) == file.content
    # A rejected file is not kept anywhere.
    assert not raw_store.contains(store, rejected.sha256)
    [entry] = raw_store.entries(store)
    assert (entry.submission_id, entry.sha256, entry.loaded_by) == ("S000001", file.sha256, "t")


def test_a_kept_file_is_never_rewritten_or_deleted_by_a_load(db_path):
    file = csv_file("a.csv", "BZK,2021,meldpunt,pesten,1\n")
    load_files([file], db_path, loaded_by="t")
    kept = raw_store.file_path(raw_store.store_path(db_path), file.sha256)
    written = kept.stat().st_mtime_ns, kept.stat().st_ino
    replacement = csv_file("b.csv", "BZK,2021,meldpunt,pesten,2\n")
    load_files([replacement], db_path, loaded_by="t")
    load_files([file], db_path, loaded_by="t")  # the first file in force again, as S000003
    assert (kept.stat().st_mtime_ns, kept.stat().st_ino) == written
    assert raw_store.contains(raw_store.store_path(db_path), replacement.sha256)
    assert [e.submission_id for e in raw_store.entries(raw_store.store_path(db_path))] == [
        "S000001",
        "S000002",
        "S000003",
    ]


def test_a_damaged_raw_file_is_refused_not_returned(db_path):
    file = csv_file("a.csv", "BZK,2021,meldpunt,pesten,1\n")
    load_files([file], db_path, loaded_by="t")
    store = raw_store.store_path(db_path)
    other = pa.Codec("zstd").compress(b"something else entirely", asbytes=True)
    raw_store.file_path(store, file.sha256).write_bytes(other)
    with warehouse.reading(db_path) as connection, pytest.raises(raw_store.CorruptRawFile):
        raw_file(connection, file.sha256)


def test_the_raw_file_is_in_the_store_before_the_swap(db_path, tmp_path):
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="t")
    before = file_fingerprint(db_path)
    file = incoming("good/valid.xlsx")
    store = raw_store.store_path(db_path)
    flag = tmp_path / "in-transaction"
    env = {
        **os.environ,
        **NO_WORKER,
        "MELDINGEN_TEST_PAUSE_IN_TRANSACTION": str(flag),
        "MELDINGEN_TEST_PAUSE_SECONDS": "60",
    }
    victim = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl",
            "load",
            str(FIXTURES / "good/valid.xlsx"),
            "--db",
            str(db_path),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert victim.poll() is None, victim.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    # Inside the transaction, before any swap: the bytes are already durable in the store, the
    # live warehouse does not know them yet.
    assert raw_store.contains(store, file.sha256)
    assert raw_store.get(store, file.sha256, len(file.content)) == file.content
    assert file_fingerprint(db_path) == before
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert file_fingerprint(db_path) == before
    # The manifest never counts the killed load; the kept file stays (immutable) and is reused.
    assert [e.submission_id for e in raw_store.entries(store)] == ["S000001"]
    [outcome] = load_files([file], db_path, loaded_by="t")
    assert outcome.status == "loaded" and outcome.submission_id == "S000002"
    assert [(e.submission_id, e.sha256) for e in raw_store.entries(store)] == [
        ("S000001", incoming("good/bom_utf8.csv").sha256),
        ("S000002", file.sha256),
    ]


# --- rebuilding a damaged or lost warehouse ------------------------------------------------------


def test_truncated_warehouse_is_rebuilt_from_the_raw_store(db_path):
    load_history(db_path)
    before = figures(db_path)
    cut_in_half(db_path)
    assert not warehouse_readable(db_path)

    rebuilt = run("etl", "rebuild", "--db", str(db_path))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "ruwe bestanden" in rebuilt.stderr and "Traceback" not in rebuilt.stderr
    assert "10 bewaarde aanleveringen" in rebuilt.stdout
    assert_same_figures(before, figures(db_path))
    assert query(db_path, "SELECT action, note FROM audit_log ORDER BY event_id DESC LIMIT 1") == [
        ("rebuild", REBUILT_FROM_RAW_NOTE)
    ]
    # Rebuilt again, now from the (readable) warehouse: still the same.
    assert rebuild(db_path) == (10, None)
    assert_same_figures(before, figures(db_path))


def test_deleted_warehouse_is_rebuilt_from_the_raw_store(db_path):
    load_history(db_path)
    before = figures(db_path)
    db_path.unlink()
    assert rebuild(db_path) == (10, None)
    assert_same_figures(before, figures(db_path))
    # Loading goes on from where it was.
    [outcome] = load_files(
        [csv_file("AZ_2023.csv", "AZ,2023,meldpunt,pesten,1\n")], db_path, loaded_by="t"
    )
    assert outcome.submission_id == "S000011"


def test_a_load_into_a_lost_warehouse_asks_for_the_rebuild_first(db_path):
    load_history(db_path)
    manifest = raw_store.manifest_path(raw_store.store_path(db_path)).read_bytes()
    db_path.unlink()
    result = run("etl", "load", str(FIXTURES / "good/bom_utf8.csv"), "--db", str(db_path))
    assert result.returncode == cli.STORAGE_FAILED
    assert "python -m etl rebuild" in result.stderr and "10 aanleveringen" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db_path.exists()
    assert raw_store.manifest_path(raw_store.store_path(db_path)).read_bytes() == manifest


def test_from_raw_does_not_read_the_warehouse_file(db_path):
    load_history(db_path)
    before = figures(db_path)
    db_path.write_bytes(b"\0" * 4096)  # not a DuckDB file at all
    rebuilt = run("etl", "rebuild", "--from-raw", "--db", str(db_path), "--lang", "en")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "rebuilt from the raw files" in rebuilt.stderr
    assert_same_figures(before, figures(db_path))


def test_rebuild_moves_the_bytes_of_an_older_warehouse_into_the_store(db_path):
    old = csv_file("old.csv", "BZK,2021,meldpunt,pesten,2\n")
    db_path.parent.mkdir(parents=True)
    make_old_warehouse(db_path, [old])
    store = raw_store.store_path(db_path)
    assert query(db_path, "SELECT octet_length(content) > 0 FROM submission_file") == [(True,)]
    assert not raw_store.contains(store, old.sha256)

    assert rebuild(db_path) == (1, None)
    assert raw_store.contains(store, old.sha256)
    assert query(
        db_path, "SELECT octet_length(content), content_encoding FROM submission_file"
    ) == [(0, "zstd")]
    with warehouse.reading(db_path) as connection:
        assert raw_file(connection, old.sha256) == old.content
    assert [e.sha256 for e in raw_store.entries(store)] == [old.sha256]


def test_a_load_into_an_older_warehouse_puts_its_files_in_the_store_too(db_path):
    old = csv_file("old.csv", "BZK,2021,meldpunt,pesten,2\n")
    db_path.parent.mkdir(parents=True)
    make_old_warehouse(db_path, [old])
    new = csv_file("new.csv", "FIN,2020,meldpunt,pesten,4\n")
    load_files([new], db_path, loaded_by="t")
    before = figures(db_path)
    store = raw_store.store_path(db_path)
    assert raw_store.contains(store, old.sha256) and raw_store.contains(store, new.sha256)
    db_path.unlink()
    assert rebuild(db_path) == (2, None)
    assert_same_figures(before, figures(db_path))


def test_a_warehouse_restored_from_an_older_backup_is_what_the_manifest_replays(db_path, tmp_path):
    load_files([csv_file("a.csv", "BZK,2021,meldpunt,pesten,1\n")], db_path, loaded_by="t")
    backup = tmp_path / "backup.duckdb"
    shutil.copyfile(db_path, backup)
    load_files([csv_file("b.csv", "FIN,2021,meldpunt,pesten,2\n")], db_path, loaded_by="t")
    load_files([csv_file("c.csv", "AZ,2021,meldpunt,pesten,3\n")], db_path, loaded_by="t")
    # The backup is put back (without a rebuild) and loading goes on: S000002 is now d.csv.
    os.replace(backup, db_path)
    load_files([csv_file("d.csv", "EZK,2021,meldpunt,pesten,4\n")], db_path, loaded_by="t")
    before = figures(db_path)
    assert [row[2] for row in before[1]] == ["a.csv", "d.csv"]
    db_path.unlink()
    assert rebuild(db_path) == (2, None)
    assert_same_figures(before, figures(db_path))


def test_a_writer_killed_between_swap_and_commit_line_is_recorded_by_the_next(db_path):
    load_files([csv_file("a.csv", "BZK,2021,meldpunt,pesten,1\n")], db_path, loaded_by="t")
    load_files([csv_file("b.csv", "FIN,2021,meldpunt,pesten,2\n")], db_path, loaded_by="t")
    manifest = raw_store.manifest_path(raw_store.store_path(db_path))
    lines = manifest.read_text().splitlines()
    assert json.loads(lines[-1])["event"] == "committed"
    manifest.write_text("\n".join(lines[:-1]) + "\n")  # as if killed right after the swap
    assert [e.submission_id for e in raw_store.entries(manifest.parent)] == ["S000001"]
    load_files([csv_file("c.csv", "AZ,2021,meldpunt,pesten,3\n")], db_path, loaded_by="t")
    before = figures(db_path)
    assert [e.submission_id for e in raw_store.entries(manifest.parent)] == [
        "S000001",
        "S000002",
        "S000003",
    ]
    db_path.unlink()
    assert rebuild(db_path) == (3, None)
    assert_same_figures(before, figures(db_path))


def test_a_damaged_warehouse_without_a_manifest_asks_for_the_backup(db_path):
    old = csv_file("old.csv", "BZK,2021,meldpunt,pesten,2\n")
    db_path.parent.mkdir(parents=True)
    make_old_warehouse(db_path, [old])  # from before the raw store: no manifest yet
    db_path.write_bytes(b"\0" * 4096)
    result = run("etl", "rebuild", "--db", str(db_path), "--lang", "en")
    assert result.returncode == cli.STORAGE_FAILED
    assert "Restore a backup" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_raw_file_stops_the_rebuild_with_a_message(db_path):
    load_history(db_path)
    before = file_fingerprint(db_path)
    store = raw_store.store_path(db_path)
    [first, *_] = raw_store.entries(store)
    raw_store.file_path(store, first.sha256).unlink()
    result = run("etl", "rebuild", "--db", str(db_path))
    assert result.returncode == cli.STORAGE_FAILED
    assert first.sha256 in result.stderr and "docs/deployment.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert file_fingerprint(db_path) == before


# --- messages instead of tracebacks --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_status_of_a_damaged_warehouse_says_what_to_do(db_path, lang):
    load_history(db_path)
    cut_in_half(db_path)
    result = run("etl", "status", "--db", str(db_path), "--lang", lang)
    assert result.returncode == cli.STORAGE_FAILED, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert "docs/deployment.md" in result.stderr
    assert ("beschadigd" if lang == "nl" else "damaged") in result.stderr


@pytest.mark.parametrize("command", ["status", "derive"])
def test_the_publication_command_on_a_damaged_warehouse_says_what_to_do(db_path, command):
    load_history(db_path)
    db_path.write_bytes(b"\0" * 8192)  # cannot be opened at all
    before = file_fingerprint(db_path)
    result = run("publication", command, "--db", str(db_path))
    assert result.returncode == cli.STORAGE_FAILED, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert "beschadigd" in result.stderr and "docs/deployment.md" in result.stderr
    assert file_fingerprint(db_path) == before


def test_a_load_into_a_damaged_warehouse_says_what_to_do_and_changes_nothing(db_path):
    load_history(db_path)
    db_path.write_bytes(b"\0" * 4096)
    before = file_fingerprint(db_path)
    result = run("etl", "load", str(FIXTURES / "good/bom_utf8.csv"), "--db", str(db_path))
    assert result.returncode == cli.STORAGE_FAILED
    assert "beschadigd" in result.stderr and "Traceback" not in result.stderr
    assert file_fingerprint(db_path) == before


def test_a_full_disk_at_the_swap_says_so_and_leaves_the_old_warehouse(db_path, monkeypatch, capsys):
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="t")
    before = file_fingerprint(db_path)
    real_replace = os.replace

    def replace(source, target):
        if Path(target) == db_path:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    for key, value in NO_WORKER.items():
        monkeypatch.setenv(key, value)
    code = cli.main(["load", str(FIXTURES / "good/valid.xlsx"), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == cli.STORAGE_FAILED
    assert "De schijf is vol" in err and "docs/deployment.md" in err
    assert file_fingerprint(db_path) == before
    assert not [p for p in db_path.parent.iterdir() if "writing" in p.name]
    # The raw file was already kept, but the manifest does not count the failed load.
    store = raw_store.store_path(db_path)
    assert raw_store.contains(store, incoming("good/valid.xlsx").sha256)
    assert [e.submission_id for e in raw_store.entries(store)] == ["S000001"]


def test_a_full_disk_while_keeping_the_raw_file_says_so_in_english(db_path, monkeypatch, capsys):
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="t")
    before = file_fingerprint(db_path)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    for key, value in NO_WORKER.items():
        monkeypatch.setenv(key, value)
    code = cli.main(
        ["load", str(FIXTURES / "good/valid.xlsx"), "--db", str(db_path), "--lang", "en"]
    )
    err = capsys.readouterr().err
    assert code == cli.STORAGE_FAILED and "The disk is full" in err
    assert file_fingerprint(db_path) == before
    store = raw_store.store_path(db_path)
    assert not list(store.glob("*/*.tmp"))  # no half-written raw file left behind


def test_manifest_lines_are_plain_json_with_the_provenance(db_path):
    load_files(
        [csv_file("a.csv", "BZK,2021,meldpunt,pesten,1\n")], db_path, loaded_by="wie", note="n"
    )
    lines = [
        json.loads(line)
        for line in raw_store.manifest_path(raw_store.store_path(db_path)).read_text().splitlines()
    ]
    assert [line["event"] for line in lines] == ["stored", "committed"]
    stored = lines[0]
    assert {
        key: stored[key]
        for key in ("submission_id", "sequence_number", "file_name", "loaded_by", "note")
    } == {
        "submission_id": "S000001",
        "sequence_number": 1,
        "file_name": "a.csv",
        "loaded_by": "wie",
        "note": "n",
    }
    assert (
        stored["sha256"]
        == hashlib.sha256((HEADER + "BZK,2021,meldpunt,pesten,1\n").encode()).hexdigest()
    )
    assert stored["synthetic"] is False and "loaded_at" in stored
    assert lines[1]["batch"] == stored["batch"] and lines[1]["kind"] == "load"


def test_a_full_disk_while_copying_the_warehouse_leaves_no_half_copy(db_path, monkeypatch, capsys):
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="t")

    def full(source, target):
        Path(target).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(warehouse.shutil, "copyfile", full)
    for key, value in NO_WORKER.items():
        monkeypatch.setenv(key, value)
    code = cli.main(["rebuild", "--db", str(db_path)])
    assert code == 0  # a rebuild starts from an empty file: no copy to make
    code = cli.main(["load", str(FIXTURES / "good/valid.xlsx"), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == cli.STORAGE_FAILED and "De schijf is vol" in err
    assert not [p for p in db_path.parent.iterdir() if "writing" in p.name]
    assert query(db_path, "SELECT count(*) FROM submission") == [(1,)]
