"""The fixed publication: the end-to-end audit over everything the product can show, and what happens
when a table cannot be protected at all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl import warehouse
from etl.contract import CHANNELS
from etl.loading import collect_files, load_files
from etl.queries import CELL_DIMENSIONS, finest_cells
from protection import (
    DEFAULT_GROUP_LABEL,
    JOINT_TABLE,
    TABLE_UNAVAILABLE_MESSAGE,
    TOTAL,
    CellKey,
    ProtectionRules,
)
from protection.tables import FINEST_TABLE
from publication.protected import (
    BREAKDOWNS_OF_MEASURE,
    DEFAULT_VIEW_TABLES,
    DEPARTMENT_DIMENSION,
    DISCRIMINATION,
    GROUPED_CHANNELS,
    LINKED_SETS,
    MEASURES,
    Publication,
    TableUnavailable,
    _views,
    audit_publication,
    build_publication,
    table_name,
)

REPO = Path(__file__).resolve().parents[2]
RULES = ProtectionRules(threshold=5, min_interval_width=1)


@pytest.fixture(scope="module")
def demo_cells(tmp_path_factory) -> pd.DataFrame:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    files, missing = collect_files([REPO / "data" / "demo"])
    outcomes = load_files(files, db, loaded_by="test")
    assert missing == [] and {o.status for o in outcomes} == {"loaded"}
    with warehouse.reading(db) as connection:
        return finest_cells(connection)


@pytest.fixture(scope="module")
def demo_publication(demo_cells) -> Publication:
    return build_publication(demo_cells, RULES)


def hidden_keys(name: str, table) -> list[CellKey]:
    if table.is_series:
        return [CellKey(name, row) for row, status in table.status.items() if status != "published"]
    return [
        CellKey(name, row, column)
        for row in table.status.index
        for column in table.status.columns
        if table.status.at[row, column] != "published"
    ]


def true_counts(cells: pd.DataFrame, name: str, grouped: tuple[str, ...] = ()) -> pd.DataFrame:
    """What table `name` would show without protection, with its totals, straight from the cells."""
    if grouped:
        cells = cells.assign(
            **{
                DEPARTMENT_DIMENSION: cells[DEPARTMENT_DIMENSION].where(
                    ~cells[DEPARTMENT_DIMENSION].isin(grouped), DEFAULT_GROUP_LABEL
                )
            }
        )
    channels = tuple(c for c in CHANNELS if c in set(cells["channel"]))  # as build_publication
    view = next(v for s in LINKED_SETS for v in _views(s, channels) if v.name == name)
    for dimension, allowed in view.where.items():
        cells = cells[cells[dimension].isin(allowed)]
    if view.row_groups:  # rows that sum several values (the letter's channel grouping)
        group_of = {
            member: label for label, members in view.row_groups.items() for member in members
        }
        cells = cells.assign(**{view.rows: cells[view.rows].map(group_of)})
    columns = view.columns or "_series"
    cells = cells.assign(_series=TOTAL)
    frame = cells.pivot_table(index=view.rows, columns=columns, values="count", aggfunc="sum")
    frame = frame.fillna(0).astype(int)
    if view.with_totals:
        frame[TOTAL] = frame.sum(axis=1)
        frame.loc[TOTAL] = frame.sum(axis=0)
    return frame


def assert_shown_numbers_are_true(publication: Publication, cells: pd.DataFrame) -> int:
    checked = 0
    for name, table in publication.tables.items():
        truth = true_counts(cells, name, publication.grouped_departments)
        values = table.values.to_frame(TOTAL) if table.is_series else table.values
        for row in values.index:
            for column in values.columns:
                shown = values.at[row, column]
                if pd.isna(shown):
                    continue
                expected = truth.at[row, column] if row in truth.index else 0
                if column not in truth.columns:
                    expected = 0
                assert shown == expected, (name, row, column)
                checked += 1
    return checked


# --- the demo data: the audit over the union of everything that can be shown -----------------


def test_every_hidden_number_of_the_union_is_at_least_w_wide(demo_cells, demo_publication):
    intervals = audit_publication(demo_publication, records=demo_cells)

    # Every number hidden anywhere is audited, under every table it appears in ...
    hidden = [key for name, t in demo_publication.tables.items() for key in hidden_keys(name, t)]
    small = int(((demo_cells["count"] >= 1) & (demo_cells["count"] <= 4)).sum())
    assert len(hidden) > 150
    assert set(hidden) <= set(intervals)
    # ... and so are the numbers never shown: each set's finest cells with 1..4 reports, the
    # single-value views of the filtered tables, and every cell of the joint table (year x
    # ministry x channel x category x concerns x ground x outcome) with 1..4 reports.
    # (A finest cell equal to a single-value view is audited once, under the view's key.)
    for set_name in LINKED_SETS:
        own = {f"{FINEST_TABLE} {set_name}"} | {view.name for view in _views(set_name)}
        never_shown = [
            k for k in intervals if str(k.table).split(" [")[0] in own and k not in hidden
        ]
        assert never_shown, set_name
    assert len(intervals) - len(hidden) - small >= len(
        demo_publication.protected_union.sensitive_hidden
    )
    assert sum(key.table == JOINT_TABLE for key in intervals) == small

    narrow = {key: i for key, i in intervals.items() if not i.is_at_least(RULES.min_interval_width)}
    assert narrow == {}
    assert min(i.width for i in intervals.values()) >= RULES.min_interval_width - 1e-6


def test_demo_publication_is_complete_and_true(demo_cells, demo_publication):
    assert demo_publication.unavailable == {}
    assert demo_publication.grouped_departments == ()
    assert demo_publication.grouping_note() is None
    for measure in MEASURES:
        assert demo_publication.available_breakdowns(measure) == BREAKDOWNS_OF_MEASURE[measure]
    assert assert_shown_numbers_are_true(demo_publication, demo_cells) > 500


def test_year_totals_have_one_status_in_every_table(demo_publication):
    for measure in MEASURES:
        totals = demo_publication.table(measure, "total").status
        for breakdown in BREAKDOWNS_OF_MEASURE[measure]:
            table = demo_publication.table(measure, breakdown)
            if table.is_series:
                continue
            for year in demo_publication.years:
                assert table.status.at[TOTAL, year] == totals[year], (breakdown, year)


def test_the_publication_carries_no_true_counts(demo_publication):
    protected = demo_publication.protected_union
    assert not hasattr(protected, "cell_values")
    assert ((protected.shown_values == -1) == (protected.status_codes != 0)).all()
    for protected_set in protected.sets.values():
        assert not hasattr(protected_set, "cell_values")


# --- tables that cannot be protected ---------------------------------------------------------


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[*CELL_DIMENSIONS, "count"])


def four_ones_in_2021() -> pd.DataFrame:
    """Busy years 2020 and 2022; in 2021 four ministries with one discrimination report each, on
    four different grounds: a ministry table and a ground table of four 1s under a total of 4."""
    ministries = ["AZ", "BZ", "BZK", "FIN", "JenV", "OCW"]
    rows = []
    for i, ministry in enumerate(ministries):
        rows.append((2020, ministry, "meldpunt", "discriminatie", "ja", "ras", "gegrond", 6 + i))
        rows.append((2022, ministry, "meldpunt", "discriminatie", "ja", "ras", "gegrond", 7))
        for year in (2020, 2021):
            rows.append(
                (year, ministry, "vertrouwenspersoon", "racisme", "nee", "niet_ingevuld",
                 "niet_ingevuld", 8)
            )  # fmt: skip
    grounds = ["ras", "geslacht", "leeftijd", "handicap_chronische_ziekte"]
    for ministry, ground in zip(ministries[:4], grounds, strict=True):
        rows.append((2021, ministry, "meldpunt", "discriminatie", "ja", ground, "gegrond", 1))
    return frame(rows)


def test_small_ministries_are_merged_and_an_unprotectable_breakdown_is_given_up():
    cells = four_ones_in_2021()
    publication = build_publication(cells, RULES)

    # The four ministries with one report in 2021 are shown together, in every year.
    assert publication.grouped_departments == ("AZ", "BZ", "BZK", "FIN")
    departments = publication.table(DISCRIMINATION, "department")
    assert list(departments.values.index) == ["JenV", "OCW", DEFAULT_GROUP_LABEL, TOTAL]
    assert "AZ" in publication.grouping_note(
        "nl"
    ) and DEFAULT_GROUP_LABEL in publication.grouping_note("en")
    # Four grounds with one report each under a total of 4 cannot be protected by any pattern:
    # that table is given up, and says so; every other table is there.
    ground = table_name(DISCRIMINATION, "ground")
    assert publication.unavailable == {ground: TABLE_UNAVAILABLE_MESSAGE}
    assert not publication.is_available(DISCRIMINATION, "ground")
    assert "ground" not in publication.available_breakdowns(DISCRIMINATION)
    with pytest.raises(TableUnavailable) as raised:
        publication.table(DISCRIMINATION, "ground")
    assert raised.value.text_key == TABLE_UNAVAILABLE_MESSAGE
    assert publication.unavailable_text(ground, "nl").startswith("Deze uitsplitsing")
    assert publication.unavailable_text(ground, "en").startswith("This breakdown")
    assert publication.unavailable_text(table_name(DISCRIMINATION, "channel")) is None
    assert set(publication.tables) == {
        view.name for s in LINKED_SETS for view in _views(s) if view.name != ground
    }

    assert_shown_numbers_are_true(publication, cells)
    intervals = audit_publication(publication, records=cells)
    assert intervals and all(i.is_at_least(1) for i in intervals.values())
    assert build_publication(cells, RULES).unavailable == publication.unavailable  # deterministic


def test_four_reports_in_total_leave_only_the_year_totals():
    # One year, four reports, each in a different ministry, channel, category, ground and outcome:
    # every breakdown of them pins each report down. Nothing crashes; what is left is safe.
    rows = []
    for ministry, channel, category, ground, outcome in zip(
        ["AZ", "BZ", "BZK", "FIN"],
        ["integriteitscoordinator", "meldpunt", "vertrouwenspersoon", "klachtencommissie"],
        ["discriminatie", "racisme", "pesten", "overig"],
        ["ras", "geslacht", "leeftijd", "overig"],
        ["gegrond", "ongegrond", "ingetrokken", "onbekend"],
        strict=True,
    ):
        rows.append((2021, ministry, channel, category, "ja", ground, outcome, 1))
    cells = frame(rows)
    publication = build_publication(cells, RULES)
    for measure in MEASURES:
        assert publication.is_available(measure, "total")
        assert publication.year_totals(measure).isna().all()  # 4 reports: '<5'
        for breakdown in ("channel", "department", "category"):
            assert (
                publication.unavailable[table_name(measure, breakdown)] == TABLE_UNAVAILABLE_MESSAGE
            )
    assert publication.grouped_departments == ()  # the department tables are given up instead
    intervals = audit_publication(publication, records=cells)
    assert all(i.is_at_least(1) for i in intervals.values())


def test_no_reports_means_no_tables():
    publication = build_publication(frame([]), RULES)
    assert publication.tables == {} and publication.years == ()
    assert audit_publication(publication) == {}


def test_a_channel_delivered_only_as_a_zero_row_is_shown_as_zero():
    # tests/etl/fixtures/good/cp1252_semicolon.csv has 'meldpunt;;;;0': the department says it had
    # no reports there. That 0 is informative and must not break the channel tables.
    rows = [
        (2020, "FIN", "vertrouwenspersoon", "racisme", "ja", "ras", "gegrond", 6),
        (2020, "FIN", "meldpunt", "niet_ingevuld", "nee", "niet_ingevuld", "niet_ingevuld", 0),
    ]
    publication = build_publication(frame(rows), RULES)
    channels = publication.table(DISCRIMINATION, "channel").values
    assert channels.loc["meldpunt", 2020] == 0
    assert channels.loc["vertrouwenspersoon", 2020] == 6


# --- the letter's channel grouping and the weights of the default views ---------------------------


def integrity_coordinator_hidden_by_its_partner() -> pd.DataFrame:
    """Two years, every report 'ja' at FIN (one category, ground, outcome): integrity coordinator
    10, 12; meldpunt 2, 3; confidential adviser 20, 22; complaints committee 15, 16."""
    counts = {
        "integriteitscoordinator": (10, 12),
        "meldpunt": (2, 3),
        "vertrouwenspersoon": (20, 22),
        "klachtencommissie": (15, 16),
    }
    return frame(
        [
            (year, "FIN", channel, "discriminatie", "ja", "ras", "gegrond", values[i])
            for channel, values in counts.items()
            for i, year in enumerate((2021, 2022))
        ]
    )


def test_the_letters_grouping_shows_the_series_the_fine_table_hides():
    # By hand: the meldpunt's 2 and 3 are '<5'. Each year column of the channel table adds up to
    # the shown year total, so each needs a partner there: the cheapest is the integrity
    # coordinator (10, then 12, also because its row total 22 would pin the 2021 cell), so the
    # fine table hides that whole series. The letter's grouping shows integrity coordinator +
    # meldpunt as 12 and 15: from 12 = ic + mp with mp in 1..4, ic stays in 8..11.
    rules = ProtectionRules(threshold=5, min_interval_width=2)
    cells = integrity_coordinator_hidden_by_its_partner()
    publication = build_publication(cells, rules)
    fine = publication.table(DISCRIMINATION, "channel")
    assert fine.status.loc["integriteitscoordinator", [2021, 2022]].tolist() == ["secondary"] * 2
    assert fine.status.loc["meldpunt", [2021, 2022]].tolist() == ["primary"] * 2
    grouped = publication.tables[GROUPED_CHANNELS]
    assert list(grouped.values.index) == [
        "integriteitscoordinator;meldpunt",
        "vertrouwenspersoon",
        "klachtencommissie",
        TOTAL,
    ]
    assert grouped.values.loc["integriteitscoordinator;meldpunt"].tolist() == [12, 15, 27]
    assert (grouped.status == "published").all().all()
    # The grouped table is in the same linked set: one status for the rows both tables show ...
    assert grouped.values.loc["vertrouwenspersoon"].tolist() == [20, 22, 42]
    assert fine.values.loc["vertrouwenspersoon"].tolist() == [20, 22, 42]
    # ... and audited with everything else: nothing narrower than W.
    assert_shown_numbers_are_true(publication, cells)
    intervals = audit_publication(publication, records=cells)
    assert all(i.is_at_least(2) for i in intervals.values())
    assert intervals[
        CellKey(table_name(DISCRIMINATION, "channel"), "integriteitscoordinator", 2021)
    ] == (8, 11)


def test_the_default_views_weigh_more_in_the_choice_of_partners():
    assert set(DEFAULT_VIEW_TABLES) == {
        "discrimination:total",
        "discrimination:channel",
        "discrimination:concerns",
        "all:total",
        # the overview's check of the letter to parliament (docs/protection.md: the trade-off)
        "letter:registrations_2018_2020",
        "letter:committee",
    }
    from publication.disclosure import DEFAULT_VIEWS  # the tables the information loss measures

    # the letter's check is one number per row, not a series of years: no loss per year to report
    measured = {t for tables in DEFAULT_VIEWS.values() for t in tables}
    assert measured == set(DEFAULT_VIEW_TABLES) - {
        "letter:registrations_2018_2020",
        "letter:committee",
    }


def test_the_demo_channel_table_hides_no_more_than_before(demo_cells):
    # Measured before the weights (docs/protection.md, W = 2): the channel table hid 97 of the
    # 384 discrimination reports in its year cells (25.3 %): the integrity coordinator's
    # 2018-2022 series (14, 10, 12, 12, 19) with the meldpunt and complaints-committee cells.
    publication = build_publication(demo_cells, ProtectionRules(threshold=5, min_interval_width=2))
    fine = publication.table(DISCRIMINATION, "channel")
    truth = true_counts(demo_cells, table_name(DISCRIMINATION, "channel"))
    years = list(publication.years)
    inner = fine.status.loc[[r for r in fine.status.index if r != TOTAL], years]
    hidden = sum(
        int(truth.at[r, y]) for r in inner.index for y in years if inner.at[r, y] != "published"
    )
    assert int(truth.loc[TOTAL, years].sum()) == 384
    assert hidden <= 97


def test_a_channel_the_letter_does_not_name_keeps_its_own_row_in_the_grouping():
    # The manager ('leidinggevende', since 2024) is not in the letter's grouping: without its own
    # row the grouped table's totals would differ from the year totals (10 + 3 = 13, not 10).
    rows = [
        (2024, "FIN", "vertrouwenspersoon", "racisme", "ja", "ras", "gegrond", 10),
        (2024, "FIN", "leidinggevende", "racisme", "ja", "ras", "gegrond", 3),
    ]
    publication = build_publication(frame(rows), ProtectionRules(threshold=5, min_interval_width=2))
    grouped = publication.tables[GROUPED_CHANNELS]
    assert list(grouped.values.index) == ["vertrouwenspersoon", "leidinggevende", TOTAL]
    assert grouped.values.at[TOTAL, 2024] == 13 == publication.year_totals(DISCRIMINATION)[2024]
