"""Releases (publication.releases): immutable named snapshots of everything shown, kept beside the
warehouse so that loading, replacing and rebuilding leave them as they were; and the revisions
between two releases.

Expected figures by hand from tests/app/fixtures/small/README.md: discrimination 2022 = 33 (BZK
15, FIN 18). The replacement corrects BZK 2022 (racism at the confidential adviser 8 -> 13: 2022
= 38, BZK 20); the late delivery adds FIN 2022 at the integrity coordinator (7 discrimination
reports: 2022 = 45, FIN 25).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from pathlib import Path

import pandas as pd
import pytest

from etl import warehouse
from etl.loading import IncomingFile, collect_files, load_files, rebuild
from protection.rules import ProtectionRules
from publication import cli, derived, releases, shown, willingness, worker
from publication.shown import ShownNumber

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "app" / "fixtures" / "small"
REASON = "Correctie: racisme bij de vertrouwenspersoon was te laag geteld"
LATE = (
    "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
    "FIN,2022,integriteitscoordinator,discriminatie,ja,7\n"
)


def small_warehouse(folder: Path) -> Path:
    db = folder / "w.duckdb"
    files, _ = collect_files([SMALL])
    assert {o.status for o in load_files(files, db, loaded_by="test")} == {"loaded"}
    assert worker.derive(db).error is None
    return db


def replace_and_deliver_late(db: Path) -> None:
    """S000006 replaces BZK 2022 (with a reason), S000007 is FIN 2022's late integrity file."""
    corrected = (SMALL / "BZK_2022.csv").read_text(encoding="utf-8")
    corrected = corrected.replace(
        "BZK,2022,vertrouwenspersoon,racisme,ja,8", "BZK,2022,vertrouwenspersoon,racisme,ja,13"
    )
    outcome = load_files(
        [IncomingFile("BZK_2022_v2.csv", corrected.encode())], db, loaded_by="t", note=REASON
    )
    assert outcome[0].status == "loaded", outcome[0].problems
    outcome = load_files([IncomingFile("FIN_2022_ic.csv", LATE.encode())], db, loaded_by="t")
    assert outcome[0].status == "loaded", outcome[0].problems
    assert worker.derive(db).error is None


def discrimination_total(rows, year: str) -> int | None:
    """The registry row of all discrimination reports (ja + deels) of one year."""
    found = [
        r
        for r in rows
        if r.statistic == "count"
        and r.year == year
        and r.concerns_discrimination == "ja;deels"
        and all(
            getattr(r, d) == "*" for d in ("department", "channel", "category", "ground", "outcome")
        )
    ]
    assert len(found) == 1, found
    return found[0].value


@pytest.fixture
def db(tmp_path) -> Path:
    return small_warehouse(tmp_path)


def files_of(db: Path, release_id: str) -> dict[str, bytes]:
    where = releases.folder(db) / release_id
    return {name: (where / name).read_bytes() for name in releases.FILES}


# --- storage --------------------------------------------------------------------------------


def test_a_release_holds_the_figures_shown_when_it_was_made(db):
    made = releases.create(
        db, "Jaarrapportage 2022", date=dt.date(2023, 3, 31), release_id="2022-1"
    )
    assert (made.release_id, made.name, made.date) == (
        "2022-1",
        "Jaarrapportage 2022",
        dt.date(2023, 3, 31),
    )
    assert made.data_version == 5 and made.status == releases.ACTIVE
    assert [s.submission_id for s in made.submissions] == [f"S00000{i}" for i in range(1, 6)]
    assert all(len(s.sha256) == 64 for s in made.submissions)
    rows = releases.shown_rows(db, "2022-1")
    assert discrimination_total(rows, "2022") == 33
    assert discrimination_total(rows, "2021") == 25
    with warehouse.reading(db) as connection:
        now = derived.latest(connection, ProtectionRules())
    assert [r.as_row() for r in rows] == [r.as_row() for r in shown.shown_numbers(now)]
    assert releases.get(db, "2022-1") == made


def test_the_default_id_is_the_year_and_a_number(db):
    first = releases.create(db, "Eerste", date=dt.date(2026, 3, 31))
    second = releases.create(db, "Tweede", date=dt.date(2026, 6, 30))
    assert (first.release_id, second.release_id) == ("2026-1", "2026-2")
    assert [r.release_id for r in releases.list_releases(db)] == ["2026-1", "2026-2"]


def test_a_release_stays_the_same_after_loading_replacing_and_rebuilding(db):
    releases.create(db, "Jaarrapportage 2022", release_id="2022-1")
    before = files_of(db, "2022-1")
    figures = releases.results(db, "2022-1")
    replace_and_deliver_late(db)
    with warehouse.reading(db) as connection:
        assert (
            discrimination_total(
                shown.shown_numbers(derived.latest(connection, ProtectionRules())), "2022"
            )
            == 45
        )
    assert rebuild(db, from_raw=True)[1] is None  # the warehouse rebuilt from the raw store
    assert worker.derive(db).error is None
    assert rebuild(db)[1] is None  # and once more from the warehouse itself
    assert worker.derive(db).error is None
    assert files_of(db, "2022-1") == before
    assert discrimination_total(releases.shown_rows(db, "2022-1"), "2022") == 33
    again = releases.results(db, "2022-1")
    for name, table in figures.publication.tables.items():
        pd.testing.assert_frame_equal(
            pd.DataFrame(again.publication.tables[name].values),
            pd.DataFrame(table.values),
        )
    assert again.mse == figures.mse


def test_the_derivation_cleaning_old_versions_leaves_releases_alone(db):
    releases.create(db, "Jaarrapportage 2022", release_id="2022-1")
    replace_and_deliver_late(db)
    with warehouse.reading(db) as connection:  # the worker deleted the results of version 5
        assert derived.read(connection, 5, ProtectionRules()) is None
    assert releases.results(db, "2022-1").data_version == 5


# --- immutability ---------------------------------------------------------------------------


def test_nothing_edits_a_release(db):
    made = releases.create(db, "Jaarrapportage 2022", release_id="2022-1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "Iets anders"  # type: ignore[misc]
    with pytest.raises(releases.ReleaseError) as taken:
        releases.create(db, "Nog een keer", release_id="2022-1")
    assert taken.value.key == "release.error.exists"
    for name in releases.FILES:  # written read-only
        assert (releases.folder(db) / "2022-1" / name).stat().st_mode & 0o222 == 0
    assert not hasattr(releases, "update") and not hasattr(releases, "edit")


def test_a_changed_file_is_refused(db):
    releases.create(db, "Jaarrapportage 2022", release_id="2022-1")
    path = releases.folder(db) / "2022-1" / releases.SHOWN_FILE
    path.chmod(0o644)
    path.write_text(path.read_text(encoding="utf-8").replace(",33,", ",34,"), encoding="utf-8")
    for read in (releases.get, releases.shown_rows, releases.results):
        with pytest.raises(releases.ReleaseError) as changed:
            read(db, "2022-1")
        assert changed.value.key == "release.error.tampered"


def test_withdrawal_keeps_the_figures_and_the_id(db):
    releases.create(db, "Jaarrapportage 2022", release_id="2022-1")
    before = files_of(db, "2022-1")
    with pytest.raises(releases.ReleaseError) as no_reason:
        releases.withdraw(db, "2022-1", "  ")
    assert no_reason.value.key == "release.error.no_reason"
    gone = releases.withdraw(db, "2022-1", "Fout in aanlevering FIN", by="beheerder")
    assert (gone.status, gone.withdrawn_reason, gone.withdrawn_by) == (
        releases.WITHDRAWN,
        "Fout in aanlevering FIN",
        "beheerder",
    )
    assert files_of(db, "2022-1") == before
    with pytest.raises(releases.ReleaseError) as twice:
        releases.withdraw(db, "2022-1", "nogmaals")
    assert twice.value.key == "release.error.already_withdrawn"
    with pytest.raises(releases.ReleaseError) as reused:
        releases.create(db, "Opnieuw", release_id="2022-1")
    assert reused.value.key == "release.error.exists"


@pytest.mark.parametrize("bad", ["nu", "now", "a/b", "", "x" * 41, "-1"])
def test_ids_are_short_and_url_safe(db, bad):
    with pytest.raises(releases.ReleaseError) as refused:
        releases.create(db, "Naam", release_id=bad or " ")
    assert refused.value.key == "release.error.bad_id"


def test_figures_not_yet_computed_are_not_released(db):
    text = (SMALL / "BZK_2021.csv").read_text(encoding="utf-8").replace(",6\n", ",16\n")
    load_files([IncomingFile("BZK_2021_v2.csv", text.encode())], db, loaded_by="t")
    with pytest.raises(releases.ReleaseError) as refused:
        releases.create(db, "Te vroeg")
    assert refused.value.key == "release.error.not_current"
    assert releases.list_releases(db) == []


# --- protection across releases -------------------------------------------------------------


def test_every_earlier_release_is_audited_with_a_new_one(db, monkeypatch):
    """The call against publication.version_audit's interface (a stand-in here)."""
    calls = []

    def protect_new_version(earlier, results, cells, rules):
        calls.append([tuple(v.rows) for v in earlier])
        audit = types.SimpleNamespace(passed=True)
        return types.SimpleNamespace(results=results, extra_hidden=(), audit=audit)

    fake = types.SimpleNamespace(
        Version=lambda rows, cells: types.SimpleNamespace(rows=rows, cells=cells),
        protect_new_version=protect_new_version,
    )
    monkeypatch.setattr(releases, "version_audit", fake)
    releases.create(db, "Eerste", release_id="a")
    releases.withdraw(db, "a", "ingetrokken, maar bekend")
    releases.create(db, "Tweede", release_id="b")
    assert [len(c) for c in calls] == [0, 1]  # the withdrawn one counts: once published, known
    assert calls[1][0] == tuple(releases.shown_rows(db, "a"))


def test_a_release_that_cannot_be_protected_is_refused(db, monkeypatch):
    failed = types.SimpleNamespace(passed=False, reason=lambda lang="nl": "- narrow: x")
    fake = types.SimpleNamespace(
        Version=lambda rows, cells: types.SimpleNamespace(rows=rows, cells=cells),
        protect_new_version=lambda earlier, results, cells, rules: types.SimpleNamespace(
            results=results, extra_hidden=(), audit=failed
        ),
    )
    monkeypatch.setattr(releases, "version_audit", fake)
    with pytest.raises(releases.ReleaseError) as refused:
        releases.create(db, "Eerste", release_id="a")
    assert refused.value.key == "release.error.not_protected"
    assert releases.list_releases(db) == []
    assert not (releases.folder(db) / "a").exists()


def test_the_real_version_audit_runs_on_create(db):
    releases.create(db, "Eerste", release_id="a")
    replace_and_deliver_late(db)
    second = releases.create(db, "Tweede", release_id="b")
    assert second.status == releases.ACTIVE


# --- revisions ------------------------------------------------------------------------------


def submission(sid, sequence, covers, kind="meldingen", replaced_by="", note=""):
    return releases.ReleasedSubmission(
        sid, sequence, f"{sid}.csv", kind, "0" * 64, None, "t", covers, replaced_by, True, note
    )


def count(year, value, symbol="", **definition):
    return ShownNumber("count", year, value=value, symbol=symbol, where=("trends",), **definition)


def test_revisions_on_a_hand_computed_fixture():
    """Release A: S1 (BZK 2022), S2 (FIN 2022). Release B adds S3, replacing S1 with a reason,
    and S4, FIN's late file for 2022. By hand: the 2022 total 33 -> 45 (S3, S4); BZK 2022
    15 -> 20 (S3 only); FIN 2022 '<5' -> 25 (S4 only); the 2021 total (9) and the fte file
    (S5, rates only) change nothing that is counted; a number B no longer shows is 'removed'."""
    old = releases.Snapshot(
        "A",
        2,
        (
            count("2021", 9),
            count("2022", 33),
            count("2022", 15, department="BZK"),
            count("2022", None, "<5", department="FIN"),
            count("2022", 4, channel="klachtencommissie"),
        ),
        (submission("S1", 1, "BZK 2022"), submission("S2", 2, "FIN 2022")),
    )
    new = releases.Snapshot(
        "B",
        5,
        (
            count("2021", 9),
            count("2022", 45),
            count("2022", 20, department="BZK"),
            count("2022", 25, department="FIN"),
            count("2023", 1),
        ),
        (
            submission("S1", 1, "BZK 2022", replaced_by="S3"),
            submission("S2", 2, "FIN 2022"),
            submission("S3", 3, "BZK 2022", note="Correctie racisme"),
            submission("S4", 4, "FIN 2022"),
            submission("S5", 5, "BZK 2022, FIN 2022", kind="fte"),
        ),
    )
    table = releases.revisions(old, new)
    expected = [
        # id, change, old value, old symbol, new value, new symbol, submissions, replaced, reasons
        ("count|2022|*|*|*|*|*|*", "changed", "33", "", "45", "", "S3; S4", "S1", "S3: Correctie racisme"),
        ("count|2022|BZK|*|*|*|*|*", "changed", "15", "", "20", "", "S3", "S1", "S3: Correctie racisme"),
        ("count|2022|FIN|*|*|*|*|*", "changed", "", "<5", "25", "", "S4", "", ""),
        ("count|2022|*|klachtencommissie|*|*|*|*", "removed", "4", "", "", "", "S3; S4", "S1", "S3: Correctie racisme"),
    ]  # fmt: skip
    got = table[
        ["id", "change", "old_value", "old_symbol", "new_value", "new_symbol", "submissions",
         "replaced", "reasons"]
    ]  # fmt: skip
    assert [tuple(row) for row in got.itertuples(index=False)] == expected
    assert list(table.columns) == list(releases.REVISION_COLUMNS)
    assert releases.revisions(old, old).empty


def test_a_revision_names_only_the_deliveries_that_can_change_its_number():
    """Between A and B come, all for BZK 2022, a reports file (S3), an fte file (S4) and a
    measures file (S5). By hand: a count of reports changed by S3 only (an fte file changes rates,
    measures never change a count of reports); a rate by S3 and S4; the measures of the page
    'Meldingsbereidheid' by S5 (activities) and S4, S5 (activities per 1,000 fte); the detectable
    change rests on the reports only (S3); the comparison of ministries that started a measure on
    all three; a survey indicator (reference data) on none."""

    def number(statistic, year, old, new, department=shown.ALL):
        return (
            ShownNumber(statistic, year, department=department, value=old, where=("x",)),
            ShownNumber(statistic, year, department=department, value=new, where=("x",)),
        )

    pairs = {
        "count": number("count", "2022", 33, 34),
        "rate": number(shown.RATE, "2022", 1.5, 1.6, "BZK"),
        "activities": number(f"{willingness.ACTIVITIES}:kind=training", "2022", 2, 5, "BZK"),
        "activities_rate": number(
            f"{willingness.ACTIVITIES_RATE}:kind=training", "2022", 0.2, 0.5, "BZK"
        ),
        "rise": number(f"{willingness.RISE}:years=3", "2020;2021;2022", 0.4, 0.38),
        "did": number(willingness.RATIO, "2021;2022", 1.2, 1.1),
        "indicator": number(f"{willingness.INDICATOR}:id=pr2022", "2022", 0.5, 0.6),
    }
    before = (submission("S1", 1, "BZK 2021"), submission("S2", 2, "BZK 2021", kind="fte"))
    old = releases.Snapshot("A", 2, tuple(o for o, _ in pairs.values()), before)
    new = releases.Snapshot(
        "B",
        5,
        tuple(n for _, n in pairs.values()),
        (
            *before,
            submission("S3", 3, "BZK 2022"),
            submission("S4", 4, "BZK 2022", kind="fte"),
            submission("S5", 5, "BZK 2022", kind="maatregelen"),
        ),
    )
    table = releases.revisions(old, new).set_index("id")
    causes = {name: table.at[o.id, "submissions"] for name, (o, _) in pairs.items()}
    assert causes == {
        "count": "S3",
        "rate": "S3; S4",
        "activities": "S5",
        "activities_rate": "S4; S5",
        "rise": "S3",
        "did": "S3; S4; S5",
        "indicator": "",
    }


def test_revisions_between_two_real_releases(db):
    releases.create(db, "Voorjaar", release_id="a")
    replace_and_deliver_late(db)
    releases.create(db, "Najaar", release_id="b")
    table = releases.revisions(releases.snapshot(db, "a"), releases.snapshot(db, "b"))
    total = table[table["id"] == "count|2022|*|*|*|ja;deels|*|*"]
    assert total[["old_value", "new_value", "submissions", "replaced"]].values.tolist() == [
        ["33", "45", "S000006; S000007", "S000002"]
    ]
    assert total["reasons"].tolist() == [f"S000006: {REASON}"]
    bzk = table[table["id"] == "count|2022|BZK|*|*|ja;deels|*|*"]
    assert bzk[["old_value", "new_value", "submissions"]].values.tolist() == [
        ["15", "20", "S000006"]
    ]
    counts = table[table["statistic"] == "count"]
    assert not counts["year"].eq("2021").any()  # no count of 2021 changed
    now = releases.revisions(releases.snapshot(db, "b"), releases.snapshot(db, "nu"))
    assert now.empty


# --- the command line -----------------------------------------------------------------------


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_release_commands(db, tmp_path, capsys):
    code, out, _ = run(capsys, "release", "create", "Jaarrapportage 2022", "--date", "2023-03-31",
                       "--db", str(db))  # fmt: skip
    assert code == 0 and "2023-1" in out and "Jaarrapportage 2022" in out and "31-03-2023" in out
    code, out, _ = run(capsys, "release", "list", "--db", str(db))
    assert code == 0 and "2023-1" in out and "geldig" in out
    code, out, _ = run(capsys, "release", "show", "2023-1", "--db", str(db), "--lang", "en")
    assert code == 0 and "Adopted: 2023-03-31" in out and "S000005" in out
    replace_and_deliver_late(db)
    target = tmp_path / "out" / "revisies.csv"
    code, out, _ = run(
        capsys, "release", "diff", "2023-1", "nu", "--out", str(target), "--db", str(db)
    )
    assert code == 0 and target.exists()
    frame = pd.read_csv(target, dtype=str, keep_default_na=False)
    assert "count|2022|*|*|*|ja;deels|*|*" in set(frame["id"])
    code, out, _ = run(capsys, "release", "withdraw", "2023-1", "--reason", "fout", "--db", str(db))
    assert code == 0
    code, out, _ = run(capsys, "release", "list", "--db", str(db), "--lang", "en")
    assert "withdrawn" in out


def test_release_errors_are_readable(db, capsys):
    code, _, err = run(capsys, "release", "show", "9999-9", "--db", str(db))
    assert code == 1 and "Er is geen publicatie 9999-9" in err
    code, _, err = run(capsys, "release", "show", "9999-9", "--db", str(db), "--lang", "en")
    assert code == 1 and "There is no release 9999-9" in err
    code, _, err = run(capsys, "release", "create", "X", "--date", "31-03-2026", "--db", str(db))
    assert code == 2 and "JJJJ-MM-DD" in err
    code, _, err = run(capsys, "release", "withdraw", "9999-9", "--reason", "r", "--db", str(db))
    assert code == 1 and "9999-9" in err
    code, _, err = run(capsys, "audit", "--db", str(db), "--out", str(db.parent / "a"),
                       "--release", "9999-9")  # fmt: skip
    assert code == 1 and "9999-9" in err


def test_audit_of_a_release_writes_its_shown_csv(db, tmp_path, capsys):
    releases.create(db, "Jaarrapportage 2022", release_id="2022-1")
    replace_and_deliver_late(db)
    code, out, _ = run(capsys, "audit", "--db", str(db), "--out", str(tmp_path / "a"),
                       "--release", "2022-1")  # fmt: skip
    assert code == 0, out
    written = (tmp_path / "a" / "shown.csv").read_bytes()
    assert written == (releases.folder(db) / "2022-1" / releases.SHOWN_FILE).read_bytes()
