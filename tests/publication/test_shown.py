"""The registry of every number shown (publication.shown) follows the auditor's format rules.

Expected figures from tests/app/fixtures/small/README.md (by hand): discrimination 2021 = 25,
2022 = 33; all reports 55 / 67; by channel 2021 VP 15, IC 5, KC 5; BZK 11 / 15; BZK per 1,000
fte 1.10 / 1.50; only BZK and FIN deliver.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from etl import queries, warehouse
from etl.loading import collect_files, load_files
from protection.rules import ProtectionRules
from publication import derived, disclosure, shown

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "app" / "fixtures" / "small"
RULES = ProtectionRules(threshold=5, min_interval_width=2)
DISCRIMINATION = ("*", "*", "*", "ja;deels", "*", "*")  # department .. outcome


def load(folder: Path, db: Path) -> None:
    files, _ = collect_files([folder])
    outcomes = load_files(files, db, loaded_by="test")
    assert {o.status for o in outcomes} == {"loaded"}, [o.problems for o in outcomes]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    db = tmp_path_factory.mktemp("shown") / "small.duckdb"
    load(SMALL, db)
    with warehouse.reading(db) as connection:
        results = derived.compute(connection, RULES)
        cells = queries.finest_cells(connection)
    return results, cells, shown.shown_numbers(results)


def by_id(rows):
    return {row.id: row for row in rows}


def row_id(statistic: str, year: str, *dimensions: str) -> str:
    return "|".join((statistic, year, *dimensions))


def test_every_column_is_filled_and_ids_are_unique(small):
    _, _, rows = small
    frame = pd.DataFrame([row.as_row() for row in rows], columns=list(shown.COLUMNS))
    assert frame["id"].is_unique
    for column in shown.COLUMNS:
        if column in ("value", "symbol"):
            continue
        assert (frame[column] != "").all(), column
    # exactly one of value and symbol
    assert ((frame["value"] == "") != (frame["symbol"] == "")).all()
    assert set(frame.loc[frame["symbol"] != "", "symbol"]) <= {"<5", "x"}
    assert set(frame["where"].str.split(";").explode()) <= set(shown.PLACES)


def test_counts_are_plain_integers_and_years_are_years_or_ranges(small):
    _, _, rows = small
    for row in rows:
        assert re.fullmatch(r"\d{4}(-\d{4})?|\d{4}(;\d{4})+", row.year), row.year
        if row.statistic in (shown.COUNT, shown.HAS_REPORTS) and not row.hidden:
            assert re.fullmatch(r"\d+", row.as_row()["value"]), row.id


def test_the_hand_computed_figures(small):
    _, _, rows = small
    found = by_id(rows)
    assert found[row_id("count", "2021", *DISCRIMINATION)].value == 25
    assert found[row_id("count", "2022", *DISCRIMINATION)].value == 33
    assert found[row_id("count", "2021-2022", *DISCRIMINATION)].value == 58  # the Totaal column
    assert found[row_id("count", "2021", "*", "*", "*", "*", "*", "*")].value == 55
    assert found[row_id("count", "2022", "*", "*", "*", "*", "*", "*")].value == 67
    vp = ("*", "vertrouwenspersoon", "*", "ja;deels", "*", "*")
    assert found[row_id("count", "2021", *vp)].value == 15
    bzk = ("BZK", "*", "*", "ja;deels", "*", "*")
    assert found[row_id("count", "2021", *bzk)].value == 11
    assert found[row_id("count", "2022", *bzk)].value == 15
    assert found[row_id("rate_per_1000_fte", "2021", *bzk)].value == pytest.approx(1.10)
    assert found[row_id("rate_per_1000_fte", "2022", *bzk)].value == pytest.approx(1.50)
    # no sector-wide rate: only BZK and FIN deliver
    assert row_id("rate_per_1000_fte", "2021", *DISCRIMINATION) not in found
    share = found[row_id("share", "2021", *DISCRIMINATION)]
    assert share.value == pytest.approx(25 / 55, abs=0.0005)
    assert found[row_id("p_value", "2021;2022", *DISCRIMINATION)].value is not None
    # a missing ground is niet_ingevuld, a code like any other
    assert any(row.ground == "niet_ingevuld" for row in rows)


def test_where_follows_the_pages(small):
    _, _, rows = small
    found = by_id(rows)
    total = found[row_id("count", "2021", *DISCRIMINATION)]
    assert {"overzicht", "trends", "export", "briefing"} <= set(total.where)
    bzk = found[row_id("count", "2021", "BZK", "*", "*", "ja;deels", "*", "*")]
    assert "overzicht" not in bzk.where and "trends" in bzk.where
    interval = found[row_id("interval_lower", "2021", *DISCRIMINATION)]
    assert "trends" in interval.where


def test_statuses_are_zeros_for_missing_deliveries_only(small):
    results, cells, rows = small
    statuses = [row for row in rows if row.statistic == shown.HAS_REPORTS]
    assert statuses and all(row.value == 0 for row in statuses)
    delivered = set(cells.loc[cells["count"] > 0, "department_group"])
    # a ministry that delivered has no status row for a channel it delivered in that year
    shown_pairs = {(row.department, row.year, row.channel) for row in statuses}
    triples = cells[["department_group", "year", "channel"]].drop_duplicates()
    for department, year, channel in triples.itertuples(index=False, name=None):
        assert department in delivered
        assert (department, str(year), channel) not in shown_pairs
    missing = {row.department for row in statuses if "overzicht" in row.where}
    assert "AZ" in missing and "BZK" not in missing


def test_ministry_groups_are_lists_of_codes_with_predecessors_and_successors():
    assert shown.department_codes(["EZK"]) == ["EZK", "EZ", "KGG"]
    assert shown.department_codes(["LNV"]) == ["LNV", "LVVN"]
    assert shown.department_codes(["overige ministeries"], grouped=("AZ", "EZK")) == [
        "AZ",
        "EZK",
        "EZ",
        "KGG",
    ]


def test_years_and_values_format():
    assert shown.year_text([2018, 2019, 2020]) == "2018-2020"
    assert shown.year_text([2021]) == "2021"
    assert shown.year_text([2018, 2020]) == "2018;2020"
    assert shown.years_of("2018-2020") == [2018, 2019, 2020]
    assert shown.format_value(1234) == "1234"
    assert shown.format_value(0) == "0"
    assert shown.format_value(0.125) == "0.125"
    assert shown.format_value(None) == ""


def test_the_csv_round_trip(small, tmp_path):
    _, _, rows = small
    path = tmp_path / "shown.csv"
    shown.write_csv(rows, path)
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(shown.COLUMNS)
    again = shown.read_csv(path)
    assert [row.as_row() for row in again] == [row.as_row() for row in rows]


def test_ids_are_stable_across_runs(small):
    results, _, rows = small
    assert [row.id for row in shown.shown_numbers(results)] == [row.id for row in rows]


def test_dekking_counts_deliveries_not_reports(small):
    """Per year 4 deliveries (BZK: integrity coordinator and confidential adviser; FIN:
    complaints committee and confidential adviser) and 36 missing (the nine other ministries of
    sector Rijk in 2021 and 2022, four registered channels each): on Dekking only."""
    _, _, rows = small
    found = by_id(rows)
    for year in ("2021", "2022"):
        present = found[row_id(shown.DELIVERIES, year, *("*",) * 6)]
        missing = found[row_id(shown.DELIVERIES_MISSING, year, *("*",) * 6)]
        assert (present.value, missing.value) == (4, 36)
        assert present.where == missing.where == (shown.COVERAGE,)
        # every missing delivery is a has_reports 0 status of its own: the count adds nothing
        zeros = [
            r for r in rows if r.statistic == shown.HAS_REPORTS and r.year == year and r.value == 0
        ]
        assert len(zeros) >= missing.value


def test_the_audit_refuses_deliveries_that_say_more_than_the_statuses(small):
    _, _, rows = small
    assert disclosure._delivery_failures(rows) == []
    without_statuses = [r for r in rows if r.statistic != shown.HAS_REPORTS]
    failures = disclosure._delivery_failures(without_statuses)
    assert {f.id for f in failures} == {
        row_id(shown.DELIVERIES_MISSING, year, *("*",) * 6) for year in ("2021", "2022")
    }
    elsewhere = [
        replace(r, where=(shown.COVERAGE, shown.OVERVIEW)) if r.statistic == shown.DELIVERIES else r
        for r in rows
    ]
    assert len(disclosure._delivery_failures(elsewhere)) == 2
