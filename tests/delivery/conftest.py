"""Shared pieces of the delivery tests: a small warehouse per test, files and queries (the
principals are tests/access/conftest.py's)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl import raw_store, warehouse
from etl.loading import IncomingFile, collect_files, load_files

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "app" / "fixtures" / "small"
HEADER = "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"


def csv_file(name: str, *rows: str) -> IncomingFile:
    return IncomingFile(name, (HEADER + "".join(f"{row}\n" for row in rows)).encode())


# BZK 2022 in the small warehouse: VP racisme 8, IC discriminatie 7, IC pesten 12.
BZK_2022_CORRECTED = csv_file(
    "BZK_2022_v2.csv",
    "BZK,2022,vertrouwenspersoon,racisme,ja,9",
    "BZK,2022,integriteitscoordinator,discriminatie,ja,7",
    "BZK,2022,integriteitscoordinator,pesten,nee,12",
)
BZK_2023 = csv_file(
    "BZK_2023.csv",
    "BZK,2023,vertrouwenspersoon,racisme,ja,10",
    "BZK,2023,integriteitscoordinator,discriminatie,ja,8",
    "BZK,2023,integriteitscoordinator,pesten,nee,11",
)
FIN_2023 = csv_file(
    "FIN_2023.csv",
    "FIN,2023,vertrouwenspersoon,discriminatie,ja,13",
    "FIN,2023,klachtencommissie,pesten,deels,6",
)


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with warehouse.reading(db) as connection:
        return connection.execute(sql, params or []).fetchall()


def build_small(path: Path) -> Path:
    """The small warehouse (BZK and FIN, 2021 and 2022, S000001..S000005), counts only."""
    files, _ = collect_files([SMALL])
    outcomes = load_files(files, path, loaded_by="test")
    assert {o.status for o in outcomes} == {"loaded"}
    return path


def fresh_copy(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "warehouse" / "meldingen.duckdb"
    path.parent.mkdir()
    shutil.copyfile(template, path)
    # A warehouse comes with its raw store (the submitted files live beside it).
    shutil.copytree(raw_store.store_path(template), raw_store.store_path(path))
    return path


@pytest.fixture(scope="session")
def small_template(tmp_path_factory) -> Path:
    return build_small(tmp_path_factory.mktemp("upload-small") / "small.duckdb")


@pytest.fixture
def db(small_template, tmp_path) -> Path:
    """A fresh copy of the small warehouse (BZK and FIN, 2021 and 2022, S000001..S000005)."""
    return fresh_copy(small_template, tmp_path)
