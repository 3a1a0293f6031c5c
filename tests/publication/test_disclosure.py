"""The audit over everything shown, as one system (publication.disclosure), and the gate.

Scenario of issue 13: one ministry (VWS) with one report in each of its four channels in 2021
(total 4), beside the small fixture (tests/app/fixtures/small: BZK and FIN). Its total shows '<5';
with the statuses viewers see now (delivered or missing) nothing pins it. The old Dekking matrix
(at least one report per channel) pins every channel at exactly 1 and the total at 4: the audit
must see that.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import queries, warehouse
from etl.coverage import DELIVERED, MISSING
from etl.loading import collect_files, load_files
from protection.audit import WIDTH_TOLERANCE
from protection.rules import ProtectionRules
from publication import cli, derived, disclosure, shown, worker
from publication.derived import DerivedResults
from publication.protected import build_publication
from publication.underreporting import MseResult

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "app" / "fixtures" / "small"
RULES = ProtectionRules(threshold=5, min_interval_width=2)
FOUR_CHANNELS = ("integriteitscoordinator", "meldpunt", "vertrouwenspersoon", "klachtencommissie")
VWS_2021 = (
    "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
    "VWS,2021,integriteitscoordinator,discriminatie,ja,1\n"
    "VWS,2021,meldpunt,discriminatie,ja,1\n"
    "VWS,2021,vertrouwenspersoon,racisme,ja,1\n"
    "VWS,2021,klachtencommissie,discriminatie,deels,1\n"
)
VWS_TOTAL = "count|2021|VWS|*|*|*|*|*"


def load(folder: Path, db: Path) -> None:
    files, _ = collect_files([folder])
    outcomes = load_files(files, db, loaded_by="test")
    assert {o.status for o in outcomes} == {"loaded"}, [o.problems for o in outcomes]


@pytest.fixture(scope="module")
def vws_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("vws")
    for path in SMALL.iterdir():
        if path.suffix == ".csv":
            shutil.copy(path, folder / path.name)
    (folder / "VWS_2021.csv").write_text(VWS_2021, encoding="utf-8")
    db = folder / "w.duckdb"
    load(folder, db)
    return db


@pytest.fixture(scope="module")
def vws(vws_db):
    with warehouse.reading(vws_db) as connection:
        results = derived.compute(connection, RULES)
        cells = queries.finest_cells(connection)
    rows = shown.shown_numbers(results)
    return results, cells, rows


def old_dekking() -> list[shown.ShownNumber]:
    """What the coverage matrix showed before: at least one report (●) per channel."""
    return [
        shown.ShownNumber(
            shown.HAS_REPORTS, "2021", department="VWS", channel=c, value=1, where=("dekking",)
        )
        for c in FOUR_CHANNELS
    ]


def test_with_the_statuses_viewers_see_the_total_of_four_stays_hidden(vws):
    _, cells, rows = vws
    audit = disclosure.audit_rows(rows, RULES, cells)
    assert audit.passed, audit.reason("en")
    assert {row.id: row for row in rows}[VWS_TOTAL].symbol == "<5"
    interval = audit.intervals[VWS_TOTAL]
    assert interval.width >= 2 - WIDTH_TOLERANCE
    for channel in FOUR_CHANNELS:  # one ministry's reports in one channel in one year
        assert audit.sensitive[("department_channel_year", (2021, "VWS", channel))].width >= 2


def test_the_old_dekking_makes_the_audit_fail(vws):
    _, cells, rows = vws
    audit = disclosure.audit_rows([*rows, *old_dekking()], RULES, cells)
    assert not audit.passed
    narrowed = {f.id for f in audit.failures if f.reason == "narrow"}
    assert VWS_TOTAL in narrowed
    assert audit.intervals[VWS_TOTAL] == (4.0, 4.0)
    assert "department_channel_year|2021|VWS|meldpunt" in narrowed


def test_the_gates_quick_audit_gives_the_same_verdict(vws):
    results, cells, rows = vws
    for registry in (rows, [*rows, *old_dekking()]):
        quick = disclosure.audit_rows(registry, RULES, cells, exact=False)
        exact = disclosure.audit_rows(registry, RULES, cells)
        assert quick.passed == exact.passed
        assert quick.intervals == exact.intervals  # hidden rows are always solved exactly
        for key, interval in quick.sensitive.items():  # inside the exact interval
            assert exact.sensitive[key].lower - 1e-6 <= interval.lower
            assert interval.upper <= exact.sensitive[key].upper + 1e-6
    assert disclosure.gate(results, cells) is None


def test_a_rate_of_a_hidden_count_fails_naming_the_row(vws):
    _, cells, rows = vws
    hidden = next(row for row in rows if row.statistic == shown.COUNT and row.hidden)
    rate = shown.ShownNumber(
        shown.RATE, **{f: getattr(hidden, f) for f in ("year", *shown.DIMENSIONS)}, value=0.5
    )
    audit = disclosure.audit_rows([*rows, rate], RULES)
    assert [(f.id, f.reason) for f in audit.failures] == [(rate.id, "computed_from_hidden")]


def test_a_small_count_shown_fails(vws):
    _, _, rows = vws
    small = shown.ShownNumber(shown.COUNT, "2021", department="VWS", channel="meldpunt", value=1)
    audit = disclosure.audit_rows([*rows, small], RULES)
    assert (small.id, "small_shown") in {(f.id, f.reason) for f in audit.failures}


def test_the_information_loss_per_default_view(vws):
    results, cells, _ = vws
    loss = disclosure.information_loss(results, cells)
    assert set(loss) == {"overzicht", "trends"}
    assert loss["trends"]["discrimination:total"] == 0.0  # 29 and 33 are shown
    assert 0.0 < loss["overzicht"]["discrimination:channel"] < 1.0  # meldpunt 2021 is hidden


# --- the command line and the gate ------------------------------------------------------------


def test_the_command_writes_both_files(vws_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MELDINGEN_PROTECTION_THRESHOLD", "5")
    monkeypatch.setenv("MELDINGEN_PROTECTION_MIN_WIDTH", "2")
    out = tmp_path / "out"
    assert cli.main(["audit", "--db", str(vws_db), "--out", str(out), "--lang", "en"]) == 0
    shown_csv = pd.read_csv(out / "shown.csv", dtype=str, keep_default_na=False)
    audit_csv = pd.read_csv(out / "audit.csv", dtype=str, keep_default_na=False)
    assert list(shown_csv.columns) == list(shown.COLUMNS)
    assert list(audit_csv.columns) == ["id", "lower", "upper"]
    assert shown_csv["id"].is_unique
    hidden = set(shown_csv.loc[shown_csv["value"] == "", "id"])
    assert hidden and set(audit_csv["id"]) == hidden
    assert "passed" in capsys.readouterr().out


def test_the_command_fails_when_the_audit_does(vws_db, tmp_path, monkeypatch):
    monkeypatch.setenv("MELDINGEN_PROTECTION_THRESHOLD", "5")
    monkeypatch.setenv("MELDINGEN_PROTECTION_MIN_WIDTH", "2")
    registry = shown.shown_numbers
    monkeypatch.setattr(
        shown, "shown_numbers", lambda results: [*registry(results), *old_dekking()]
    )
    out = tmp_path / "out"
    assert cli.main(["audit", "--db", str(vws_db), "--out", str(out)]) == 1
    assert (out / "shown.csv").exists() and (out / "audit.csv").exists()


def test_releases_do_not_exist_yet(vws_db, tmp_path):
    assert cli.main(["audit", "--db", str(vws_db), "--out", str(tmp_path), "--release", "1"]) != 0


def test_the_worker_records_a_refused_version_as_failed(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    load(SMALL, db)
    monkeypatch.setattr(disclosure, "gate", lambda results, cells, lang="nl": "refused: test")
    outcome = worker.derive(db, RULES)
    assert outcome.error == "refused: test"
    with warehouse.reading(db) as connection:
        state = derived.state(connection, RULES)
    assert state.complete_version is None
    assert state.failed_version == state.data_version and state.error == "refused: test"


# --- random small warehouses ---------------------------------------------------------------------

MINISTRIES = ("AZ", "BZK", "FIN", "OCW")
CHANNELS = ("integriteitscoordinator", "meldpunt", "vertrouwenspersoon")
CONCERNS = (("ja", "discriminatie"), ("deels", "racisme"), ("nee", "pesten"))


@st.composite
def warehouses(draw):
    """Finest cells and the coverage as viewers see it: a few ministries, years and channels,
    counts 0..12; a missing delivery has no reports."""
    ministries = draw(st.lists(st.sampled_from(MINISTRIES), min_size=2, max_size=3, unique=True))
    years = draw(st.sampled_from([(2021,), (2021, 2022)]))
    channels = draw(st.lists(st.sampled_from(CHANNELS), min_size=2, max_size=3, unique=True))
    cells, coverage = [], []
    for year in years:
        for ministry in ministries:
            for channel in channels:
                missing = draw(st.integers(0, 5)) == 0
                coverage.append((ministry, year, channel, MISSING if missing else DELIVERED))
                if missing:
                    continue
                for concerns, category in CONCERNS:
                    count = draw(st.integers(0, 12))
                    if count:
                        cells.append(
                            (year, ministry, channel, category, concerns, "niet_ingevuld",
                             "niet_ingevuld", count)
                        )  # fmt: skip
    if not cells:
        cells.append((years[0], ministries[0], channels[0], "pesten", "nee", "niet_ingevuld",
                      "niet_ingevuld", 7))  # fmt: skip
        coverage = [
            (m, y, c, DELIVERED if (m, y, c) == (ministries[0], years[0], channels[0]) else s)
            for m, y, c, s in coverage
        ]
    frame = pd.DataFrame(cells, columns=[*queries.CELL_DIMENSIONS, "count"])
    covered = pd.DataFrame(coverage, columns=["department", "year", "channel", "status"])
    covered["report_count"] = pd.array([pd.NA] * len(covered), dtype="Int64")
    covered["submission_id"] = None
    return frame, covered


def derived_of(cells: pd.DataFrame, coverage: pd.DataFrame) -> DerivedResults:
    return DerivedResults(
        data_version=1,
        publication=build_publication(cells, RULES),
        mse=MseResult(False, "too_few_linked", linked_cases=0),
        coverage=coverage,
        fte=pd.DataFrame(columns=["department_group", "year", "fte", "departments"]),
        cases=pd.DataFrame(columns=["year", "registrations", "cases"]),
    )


def true_of(key: tuple, cells: pd.DataFrame) -> int:
    kind, labels = key
    columns = (
        ["year", "department_group", "channel"]
        if kind == "department_channel_year"
        else list(queries.CELL_DIMENSIONS)
    )
    keep = np.ones(len(cells), dtype=bool)
    for column, label in zip(columns, labels, strict=True):
        keep &= (cells[column] == label).to_numpy()
    return int(cells.loc[keep, "count"].sum())


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(warehouses())
def test_the_audit_holds_the_truth_and_the_gate_lets_nothing_small_through(warehouse_data):
    cells, coverage = warehouse_data
    results = derived_of(cells, coverage)
    rows = shown.shown_numbers(results)
    audit = disclosure.audit_rows(rows, RULES, cells)
    by_id = {row.id: row for row in rows}
    tolerance = 1e-6
    for row_id, interval in audit.intervals.items():
        value = disclosure.true_value(by_id[row_id], cells)
        assert interval.lower - tolerance <= value <= interval.upper + tolerance, row_id
    for key, interval in audit.sensitive.items():
        value = true_of(key, cells)
        assert interval.lower - tolerance <= value <= interval.upper + tolerance, key
    # every small combination was looked at
    combos = cells.groupby(["year", "department_group", "channel"])["count"].sum()
    small_combos = int(combos.between(1, RULES.threshold - 1).sum())
    small_cells = int(cells["count"].between(1, RULES.threshold - 1).sum())
    checked = [key[0] for key in audit.sensitive]
    assert checked.count("finest") + audit.unmapped_cells >= small_cells
    if len({*cells["department_group"]}) > 1 and len({*cells["channel"]}) > 1:
        assert checked.count("department_channel_year") + audit.unmapped_cells >= small_combos
    if audit.passed:
        for interval in [*audit.intervals.values(), *audit.sensitive.values()]:
            assert interval.is_at_least(RULES.min_interval_width)
