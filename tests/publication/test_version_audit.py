"""The audit of several data versions together and the repair of a new one
(publication.version_audit), issue 13 item 5 and issue 16 'Protection across releases'.

The fixture of the issue, on 2021 only (one concern, no grounds or outcomes filled in):

    version 0: BZK integriteitscoordinator 10 + BZK vertrouwenspersoon 8 = BZK 18; FIN
               vertrouwenspersoon 12; total 30. Every count is at least 5: all shown, VWS has
               not delivered (no row names it: no reports).
    version 1: VWS delivers one report late (meldpunt). Alone it is protected: VWS and the
               meldpunt row read '<5', and the total 31 needs partners ('x'), so the single-version
               audit passes. But BZK and FIN did not change, so they are 18 and 12 as version 0
               showed them, and VWS = 31 - 18 - 12 = 1: the change between the versions is 1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import queries, warehouse
from etl.loading import collect_files, load_files
from protection.audit import WIDTH_TOLERANCE
from protection.rules import ProtectionRules
from publication import disclosure, shown, version_audit
from publication.derived import DerivedResults
from publication.protected import build_publication
from publication.underreporting import MseResult
from publication.version_audit import Version

RULES = ProtectionRules(threshold=5, min_interval_width=2)
W = RULES.min_interval_width
NOT_FILLED = "niet_ingevuld"
IC, MP, VP = "integriteitscoordinator", "meldpunt", "vertrouwenspersoon"
BEFORE = [
    (2021, "BZK", IC, "discriminatie", "ja", 10),
    (2021, "BZK", VP, "racisme", "ja", 8),
    (2021, "FIN", VP, "discriminatie", "ja", 12),
]
LATE = [*BEFORE, (2021, "VWS", MP, "discriminatie", "ja", 1)]
TOTAL_2021 = "count|2021|*|*|*|*|*|*"
VWS_CHANGE = ("change", (0, 1, 2021, "VWS", "*", "*"))


def cells_of(rows) -> pd.DataFrame:
    frame = pd.DataFrame(
        [(y, d, c, cat, con, NOT_FILLED, NOT_FILLED, n) for y, d, c, cat, con, n in rows],
        columns=[*queries.CELL_DIMENSIONS, "count"],
    )
    return frame.groupby(list(queries.CELL_DIMENSIONS), as_index=False)["count"].sum()


def results_of(cells: pd.DataFrame) -> DerivedResults:
    return DerivedResults(
        data_version=1,
        publication=build_publication(cells, RULES),
        mse=MseResult(False, "too_few_linked", linked_cases=0),
        coverage=pd.DataFrame(columns=["department", "year", "channel", "status"]),
        fte=pd.DataFrame(columns=["department_group", "year", "fte", "departments"]),
        cases=pd.DataFrame(columns=["year", "registrations", "cases"]),
    )


def version_of(rows) -> tuple[Version, DerivedResults]:
    cells = cells_of(rows)
    results = results_of(cells)
    return Version(tuple(shown.shown_numbers(results)), cells), results


def assert_wide(audit, versions) -> None:
    """Every interval that must be W wide is: '<5' rows, small cells, combinations, changes."""
    symbols = {
        f"v{index}|{row.id}": row.symbol for index, v in enumerate(versions) for row in v.rows
    }
    for key, interval in audit.sensitive.items():
        assert interval.width >= W - WIDTH_TOLERANCE, key
    for key, interval in audit.intervals.items():
        if symbols[key] == RULES.below_threshold_text:
            assert interval.width >= W - WIDTH_TOLERANCE, key


@pytest.fixture(scope="module")
def late():
    first, _ = version_of(BEFORE)
    second, results = version_of(LATE)
    return first, second, results


def test_the_parts_that_changed_are_read_from_the_cells(late):
    first, second, _ = late
    assert version_audit.changed_parts(first.cells, second.cells) == {(2021, "VWS")}
    assert version_audit.changed_parts(first.cells, first.cells) == set()


def test_each_version_passes_alone_but_the_difference_gives_the_late_report_away(late):
    first, second, _ = late
    rows = {row.id: row for row in second.rows}
    assert rows["count|2021|VWS|*|*|*|*|*"].symbol == "<5"
    assert rows[TOTAL_2021].value == 31  # the naive second release shows the total
    assert {row.id: row for row in first.rows}[TOTAL_2021].value == 30
    assert disclosure.audit_rows(list(first.rows), RULES, first.cells).passed
    assert disclosure.audit_rows(list(second.rows), RULES, second.cells).passed

    audit = version_audit.audit_versions([first, second], RULES)
    assert not audit.passed
    # VWS = 31 - 18 - 12 = 1, as hand-computed above
    assert audit.sensitive[VWS_CHANGE] == (1.0, 1.0)
    assert audit.intervals["v1|count|2021|VWS|*|*|*|*|*"] == (1.0, 1.0)
    failed = {f.id for f in audit.failures}
    assert "change|0|1|2021|VWS|*|*" in failed
    assert "finest|1|2021|VWS|meldpunt|discriminatie|ja|niet_ingevuld|niet_ingevuld" in failed


def test_the_repair_hides_the_total_in_the_new_version_and_then_passes(late):
    first, second, results = late
    protection = version_audit.protect_new_version([first], results, second.cells, RULES)
    audit = protection.audit
    assert audit.passed, audit.reason("en")
    # With the 2021 total shown, VWS = total - 18 - 12 whatever else is hidden: it must go.
    assert TOTAL_2021 in protection.extra_hidden
    rows = {row.id: row for row in shown.shown_numbers(protection.results)}
    assert rows[TOTAL_2021].hidden
    assert all(rows[row_id].hidden for row_id in protection.extra_hidden if row_id in rows)
    assert_wide(audit, [first, Version(tuple(rows.values()), second.cells)])
    assert audit.sensitive[VWS_CHANGE].lower <= 1 <= audit.sensitive[VWS_CHANGE].upper
    # the earlier version is not touched: it is audited as it was shown
    assert audit.intervals.keys() >= {
        f"v1|{row.id}" for row in rows.values() if row.statistic == shown.COUNT and row.hidden
    }


def test_a_replacement_that_adds_two_reports_is_caught_and_repaired():
    """BZK replaces its 2021 file: integriteitscoordinator 10 -> 12. Alone the new version hides
    nothing (BZK 20, total 32); against the old one, BZK 20 - 18 = 2 reports were added."""
    first, _ = version_of(BEFORE)
    replaced = [(2021, "BZK", IC, "discriminatie", "ja", 12), *BEFORE[1:]]
    second, results = version_of(replaced)
    assert not any(row.hidden for row in second.rows if row.statistic == shown.COUNT)
    change = ("change", (0, 1, 2021, "BZK", "*", "*"))
    audit = version_audit.audit_versions([first, second], RULES)
    assert not audit.passed
    assert audit.sensitive[change] == (2.0, 2.0)
    protection = version_audit.protect_new_version([first], results, second.cells, RULES)
    assert protection.audit.passed, protection.audit.reason("en")
    assert protection.audit.sensitive[change].is_at_least(W)
    assert {TOTAL_2021, "count|2021|BZK|*|*|*|*|*"} <= set(protection.extra_hidden)


def test_nothing_changed_nothing_extra_hidden(late):
    first, _, _ = late
    results = results_of(first.cells)
    protection = version_audit.protect_new_version([first], results, first.cells, RULES)
    assert protection.audit.passed
    assert protection.extra_hidden == ()
    assert protection.results is results
    assert not [key for key in protection.audit.sensitive if key[0] == version_audit.CHANGE]


def test_the_cells_of_an_earlier_data_version_are_kept(tmp_path):
    """etl.queries.finest_cells(up_to_sequence): the reports in force at that version."""
    folder = tmp_path / "first"
    folder.mkdir()
    (folder / "BZK_2021.csv").write_text(
        "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
        "BZK,2021,integriteitscoordinator,discriminatie,ja,10\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    files, _ = collect_files([folder])
    assert {o.status for o in load_files(files, db, loaded_by="test")} == {"loaded"}
    with warehouse.reading(db) as connection:
        first_version = queries.latest_sequence(connection)
        before = queries.finest_cells(connection)
    (folder / "BZK_2021.csv").write_text(
        "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
        "BZK,2021,integriteitscoordinator,discriminatie,ja,12\n",
        encoding="utf-8",
    )
    files, _ = collect_files([folder])
    assert {o.status for o in load_files(files, db, loaded_by="test")} == {"loaded"}
    with warehouse.reading(db) as connection:
        now = queries.finest_cells(connection)
        then = queries.finest_cells(connection, up_to_sequence=first_version)
        latest = queries.finest_cells(
            connection, up_to_sequence=queries.latest_sequence(connection)
        )
    assert list(now["count"]) == [12] and list(before["count"]) == [10]
    pd.testing.assert_frame_equal(then, before)
    pd.testing.assert_frame_equal(latest, now)


# --- random small pairs of versions -------------------------------------------------------------

MINISTRIES = ("AZ", "BZK", "FIN")
CHANNELS = (IC, MP, VP)
CONCERNS = (("ja", "discriminatie"), ("nee", "pesten"))


@st.composite
def parts(draw, ministries, channels):
    """The reports of one ministry in 2021: per channel and concern, 0..8."""
    found = []
    for channel in channels:
        for concerns, category in CONCERNS:
            count = draw(st.integers(0, 8))
            if count:
                found.append((channel, category, concerns, count))
    return found


@st.composite
def version_pairs(draw):
    """Version 0 and version 1 in which one ministry's 2021 is replaced or delivered late."""
    ministries = draw(st.lists(st.sampled_from(MINISTRIES), min_size=2, max_size=3, unique=True))
    channels = draw(st.lists(st.sampled_from(CHANNELS), min_size=2, max_size=3, unique=True))
    before = {m: draw(parts(ministries, channels)) for m in ministries}
    changed = draw(st.sampled_from(ministries))
    after = dict(before)
    after[changed] = draw(parts(ministries, channels))
    if draw(st.booleans()):
        before[changed] = []  # a late delivery: nothing in the first version

    def rows(by_ministry):
        found = [(2021, m, *part) for m, found in by_ministry.items() for part in found]
        return found or [(2021, ministries[0], channels[0], "pesten", "nee", 7)]

    return rows(before), rows(after)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(version_pairs())
def test_a_passed_joint_audit_holds_the_truth_and_nothing_narrow(pair):
    first, _ = version_of(pair[0])
    second, _ = version_of(pair[1])
    versions = [first, second]
    audit = version_audit.audit_versions(versions, RULES)
    tolerance = 1e-6
    rows = [{row.id: row for row in v.rows} for v in versions]
    for key, interval in audit.intervals.items():
        index, row_id = key.split("|", 1)
        version = int(index[1:])
        value = disclosure.true_value(rows[version][row_id], versions[version].cells)
        assert interval.lower - tolerance <= value <= interval.upper + tolerance, key
    for key, interval in audit.sensitive.items():
        if key[0] == version_audit.CHANGE:
            value = version_audit.true_change(key, versions)
        else:
            kind, (index, *labels) = key
            value = true_of(kind, labels, versions[index].cells)
        assert interval.lower - tolerance <= value <= interval.upper + tolerance, key
    if audit.passed:
        assert_wide(audit, versions)


def true_of(kind: str, labels: list, cells: pd.DataFrame) -> int:
    columns = (
        ["year", "department_group", "channel"]
        if kind == disclosure.COMBINATION
        else list(queries.CELL_DIMENSIONS)
    )
    keep = np.ones(len(cells), dtype=bool)
    for column, label in zip(columns, labels, strict=True):
        keep &= (cells[column] == label).to_numpy()
    return int(cells.loc[keep, "count"].sum())
