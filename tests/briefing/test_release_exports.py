"""The exports of a release (tables as CSV and XLSX, as the briefing and the download menus make
them) carry its name and date and are the same bytes after loading, replacing and rebuilding;
the figures of now are marked provisional."""

from __future__ import annotations

import datetime as dt

from briefing.content import available_table_keys, build_table, default_years, load_data
from etl.loading import rebuild
from presentation.exports import made_line, stamp_of, table_csv, table_xlsx
from publication import releases, worker
from tests.publication.test_releases import replace_and_deliver_late, small_warehouse


def export_bytes(db, release_id=None) -> dict[str, bytes]:
    data = load_data(db, release_id)
    years = default_years(data, None)
    made = made_line(data.version, "nl")
    files = {}
    for key in available_table_keys(data.publication):
        table = build_table(data, key, years, "nl")
        files[f"{key}.csv"] = table_csv(table)
        files[f"{key}_puntkomma.csv"] = table_csv(table, semicolon=True)
        files[f"{key}.xlsx"] = table_xlsx(table, "nl", made=made, stamp=stamp_of(data.version))
    return files


def test_a_releases_exports_are_byte_identical_after_loading_replacing_rebuilding(tmp_path):
    db = small_warehouse(tmp_path)
    releases.create(db, "Jaarrapportage 2022", date=dt.date(2023, 3, 31), release_id="2022-1")
    before = export_bytes(db, "2022-1")
    assert len(before) >= 3
    replace_and_deliver_late(db)
    assert rebuild(db, from_raw=True)[1] is None
    assert worker.derive(db).error is None
    after = export_bytes(db, "2022-1")
    assert after == before
    now = export_bytes(db)
    assert now != before  # the figures of now changed (2022: 33 -> 45)


def test_exports_say_which_release_or_that_they_are_provisional(tmp_path):
    db = small_warehouse(tmp_path)
    releases.create(db, "Jaarrapportage 2022", date=dt.date(2023, 3, 31), release_id="2022-1")
    released = next(iter(v for k, v in export_bytes(db, "2022-1").items() if k.endswith(".csv")))
    assert "Publicatie Jaarrapportage 2022 (2022-1), vastgesteld 31-03-2023." in released.decode(
        "utf-8-sig"
    )
    provisional = next(iter(v for k, v in export_bytes(db).items() if k.endswith(".csv")))
    assert "Voorlopige cijfers" in provisional.decode("utf-8-sig")
