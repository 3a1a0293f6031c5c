"""Raw files stored compressed and read back exactly; warehouses from before that; the after_load hook."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from etl import warehouse
from etl.loading import IncomingFile, load_files, raw_file, rebuild
from tests.etl.conftest import file_fingerprint

TODAY = dt.date(2026, 11, 30)
HEADER = "departement,jaar,kanaal,categorie,aantal\n"  # 41 bytes
ROW = "BZK,2021,meldpunt,pesten,1\n"  # 27 bytes
# submission_file as it was before content_encoding existed.
OLD_SUBMISSION_FILE = """
CREATE TABLE submission_file (
    sha256 VARCHAR PRIMARY KEY,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL
)
"""


def csv_file(name: str, body: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + body).encode())


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with warehouse.reading(db_path) as connection:
        return connection.execute(sql, params or []).fetchall()


def read_raw(db_path: Path, sha256: str) -> bytes | None:
    with warehouse.reading(db_path) as connection:
        return raw_file(connection, sha256)


def test_raw_file_is_stored_compressed_and_read_back_byte_identical(db_path):
    file = csv_file("bzk_2021.csv", ROW * 100)
    [outcome] = load_files([file], db_path, loaded_by="t", today=TODAY)
    assert outcome.status == "loaded"
    assert outcome.reports == 100
    [(sha256, size_bytes, encoding, stored_bytes)] = query(
        db_path,
        "SELECT sha256, size_bytes, content_encoding, octet_length(content) FROM submission_file",
    )
    # Key and size are those of the file as delivered: 41 + 100 * 27 bytes.
    assert sha256 == hashlib.sha256(file.content).hexdigest()
    assert size_bytes == 2741
    assert encoding == "zstd"
    assert stored_bytes < 500  # a hundred equal lines compress to a small fraction
    assert read_raw(db_path, sha256) == file.content
    assert read_raw(db_path, "0" * 64) is None


def test_rebuild_replays_compressed_raw_files(db_path):
    first = csv_file("a.csv", ROW * 3)
    second = csv_file("b.csv", "BZK,2021,meldpunt,pesten,9\n")
    load_files([first], db_path, loaded_by="t", today=TODAY)
    load_files([second], db_path, loaded_by="t", today=TODAY)
    assert rebuild(db_path, TODAY) == (2, None)
    # The second file replaced the first's only scope: 9 reports in force, both files kept.
    assert query(db_path, "SELECT sum(count) FROM v_reports") == [(9,)]
    assert read_raw(db_path, first.sha256) == first.content
    assert read_raw(db_path, second.sha256) == second.content


def make_old_warehouse(path: Path, files: list[IncomingFile]) -> None:
    """A warehouse as written before content_encoding: raw files stored as delivered."""
    new = path.with_name("new.duckdb")
    load_files(files, new, loaded_by="t", today=TODAY)
    raw = {file.sha256: read_raw(new, file.sha256) for file in files}
    connection = duckdb.connect(str(path))
    try:
        connection.execute(OLD_SUBMISSION_FILE)
        for table_file in sorted((warehouse.SQL_DIR / "tables").glob("*.sql")):
            if table_file.name != "02_submission_file.sql":
                connection.execute(table_file.read_text(encoding="utf-8"))
        for view in warehouse.VIEW_ORDER:
            connection.execute((warehouse.SQL_DIR / "views" / f"{view}.sql").read_text("utf-8"))
        for sha256, content in raw.items():
            connection.execute(
                "INSERT INTO submission_file VALUES (?, ?, ?)", [sha256, len(content), content]
            )
        connection.execute("ATTACH ? AS new (READ_ONLY)", [str(new)])
        for table in ("warehouse_meta", "submission", "submission_scope", "report", "audit_log"):
            connection.execute(f"INSERT INTO {table} SELECT * FROM new.{table}")  # noqa: S608
        connection.execute("DETACH new")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    new.unlink()


def test_warehouse_from_before_content_encoding_stays_readable_and_loadable(db_path):
    old = csv_file("old.csv", ROW * 2)
    db_path.parent.mkdir(parents=True)
    make_old_warehouse(db_path, [old])
    columns = [row[0] for row in query(db_path, "DESCRIBE submission_file")]
    assert columns == ["sha256", "size_bytes", "content"]
    # Read as it is, without a writer having added the column.
    assert read_raw(db_path, old.sha256) == old.content

    new = csv_file("new.csv", "FIN,2020,meldpunt,pesten,4\n")
    [outcome] = load_files([new], db_path, loaded_by="t", today=TODAY)
    assert outcome.status == "loaded"
    assert query(
        db_path, "SELECT sha256, content_encoding FROM submission_file ORDER BY content_encoding"
    ) == [(old.sha256, "identity"), (new.sha256, "zstd")]
    assert read_raw(db_path, old.sha256) == old.content
    assert read_raw(db_path, new.sha256) == new.content
    assert query(
        db_path, "SELECT department, sum(count) FROM v_reports GROUP BY ALL ORDER BY 1"
    ) == [
        ("BZK", 2),
        ("FIN", 4),
    ]

    assert rebuild(db_path, TODAY) == (2, None)
    assert query(
        db_path, "SELECT count(*) FROM submission_file WHERE content_encoding = 'zstd'"
    ) == [(2,)]
    assert read_raw(db_path, old.sha256) == old.content


class Recorder:
    """An after_load hook that notes what it saw and writes one table into the warehouse."""

    def __init__(self, db_path: Path, fail: bool = False):
        self.db_path = db_path
        self.fail = fail
        self.calls: list[tuple[int, int | None]] = []

    def __call__(self, connection: duckdb.DuckDBPyConnection) -> None:
        in_writer = connection.execute("SELECT count(*) FROM submission").fetchone()[0]
        live = (
            query(self.db_path, "SELECT count(*) FROM submission")[0][0]
            if (self.db_path.exists())
            else None
        )
        self.calls.append((in_writer, live))
        connection.execute(
            "CREATE OR REPLACE TABLE hook_note AS SELECT ? AS submissions", [in_writer]
        )
        if self.fail:
            raise RuntimeError("hook failed")


def test_after_load_runs_once_after_every_file_before_the_swap(db_path):
    hook = Recorder(db_path)
    load_files([csv_file("a.csv", ROW)], db_path, loaded_by="t", today=TODAY)
    outcomes = load_files(
        [csv_file("b.csv", ROW * 2), csv_file("c.csv", "FIN,2020,meldpunt,pesten,4\n")],
        db_path,
        loaded_by="t",
        today=TODAY,
        after_load=hook,
    )
    assert [o.status for o in outcomes] == ["loaded", "loaded"]
    # Once, seeing all three submissions, while the live file still had only the first.
    assert hook.calls == [(3, 1)]
    assert query(db_path, "SELECT submissions FROM hook_note") == [(3,)]


def test_after_load_is_not_called_when_nothing_was_loaded(db_path):
    file = csv_file("a.csv", ROW)
    load_files([file], db_path, loaded_by="t", today=TODAY)
    hook = Recorder(db_path)
    outcomes = load_files(
        [file, csv_file("bad.csv", "BZK,2021,meldpunt,pesten,-1\n")],
        db_path,
        loaded_by="t",
        today=TODAY,
        after_load=hook,
    )
    assert [o.status for o in outcomes] == ["unchanged", "rejected"]
    assert hook.calls == []


def test_after_load_that_raises_discards_the_whole_load(db_path):
    load_files([csv_file("a.csv", ROW)], db_path, loaded_by="t", today=TODAY)
    before = file_fingerprint(db_path)
    hook = Recorder(db_path, fail=True)
    with pytest.raises(RuntimeError, match="hook failed"):
        load_files(
            [csv_file("b.csv", ROW * 2)], db_path, loaded_by="t", today=TODAY, after_load=hook
        )
    assert hook.calls == [(2, 1)]
    assert file_fingerprint(db_path) == before
    # (The raw store keeps b.csv's bytes: raw files are immutable; its manifest never commits it.)
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "meldingen.duckdb",
        "meldingen.duckdb.lock",
        "meldingen.duckdb.raw",
    ]


def test_rebuild_calls_after_load_once_and_keeps_the_file_when_it_raises(db_path):
    load_files([csv_file("a.csv", ROW)], db_path, loaded_by="t", today=TODAY)
    load_files([csv_file("b.csv", ROW * 2)], db_path, loaded_by="t", today=TODAY)
    before = file_fingerprint(db_path)
    failing = Recorder(db_path, fail=True)
    with pytest.raises(RuntimeError, match="hook failed"):
        rebuild(db_path, TODAY, after_load=failing)
    assert failing.calls == [(2, 2)]
    assert file_fingerprint(db_path) == before

    hook = Recorder(db_path)
    assert rebuild(db_path, TODAY, after_load=hook) == (2, None)
    assert hook.calls == [(2, 2)]
    assert query(db_path, "SELECT submissions FROM hook_note") == [(2,)]
