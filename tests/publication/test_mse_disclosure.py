"""publication.mse_disclosure: capture-recapture outputs are shown only at a rounding that leaves
every small overlap and cell of the capture table at least two possible values, else withheld.

The finding (issue 13, 2): from the channel totals 120/36/188/40, the 316 cases seen and the
stepwise estimate 590, the meldpunt x vertrouwenspersoon overlap is exactly 3 (the stepwise
estimate for overlaps 1..4 is 576.5, 583.2, 590.2, 597.4). FINDING below is that pooled table
(the demo data's).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import mse
from etl import warehouse
from etl.loading import collect_files, load_files
from presentation import underreporting as view
from protection.rules import ProtectionRules
from publication import derived, mse_disclosure, shown
from publication.mse_disclosure import (
    DISPLAY_LEVELS,
    WITHHELD_SMALL_OVERLAP,
    DisplayLevel,
    check_inversion,
    displayed,
    margin_moves,
    neighbour_changes,
    outputs,
    small_statistics,
)
from publication.underreporting import MseResult

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
LISTS = ("IC", "MP", "VP", "KC")
T = 5

# (IC, MP, VP, KC) -> cases; every other history 0.
FINDING = {
    (1, 0, 0, 0): 76,
    (0, 1, 0, 0): 27,
    (0, 0, 1, 0): 139,
    (0, 0, 0, 1): 19,
    (1, 1, 0, 0): 6,
    (1, 0, 1, 0): 25,
    (0, 1, 1, 0): 3,
    (0, 0, 1, 1): 8,
    (1, 0, 1, 1): 13,
}
LARGE = {
    (1, 0, 0, 0): 80,
    (0, 1, 0, 0): 60,
    (0, 0, 1, 0): 120,
    (0, 0, 0, 1): 40,
    (1, 1, 0, 0): 20,
    (1, 0, 1, 0): 30,
    (0, 1, 1, 0): 25,
    (0, 1, 0, 1): 12,
    (0, 0, 1, 1): 15,
    (1, 0, 0, 1): 10,
    (1, 1, 1, 0): 8,
}


def table_of(cells: dict[tuple[int, ...], int]) -> mse.CaptureTable:
    frame = pd.DataFrame([(*history, count) for history, count in cells.items()])
    frame.columns = [*LISTS, "count"]
    return mse.capture_table(frame)


def mp_vp(table: mse.CaptureTable) -> int:
    return table.overlap(LISTS.index("MP"), LISTS.index("VP"))


@pytest.fixture(scope="module")
def finding() -> mse.CaptureTable:
    return table_of(FINDING)


def test_the_fixture_is_the_finding(finding):
    assert list(finding.list_totals()) == [120, 36, 188, 40]
    assert finding.n_observed == 316
    assert mp_vp(finding) == 3
    stepwise = mse.estimate_population(finding, "stepwise", "profile")
    assert stepwise.n_hat == pytest.approx(590.2, abs=0.05)


def test_displayed_rounds_to_whole_numbers_then_significant_figures():
    assert displayed(590.19, None) == 590
    assert displayed(590.19, 2) == 590
    assert displayed(597.4, 2) == 600
    assert displayed(590.19, 1) == 600
    assert displayed(4581.4, 2) == 4600
    assert displayed(19699.7, 1) == 20000
    assert displayed(float("inf"), 1) == float("inf")
    assert displayed(None, 2) is None


def test_margin_moves_keep_every_list_total_and_the_cases_seen(finding):
    rows = tuple(tuple(int(v) for v in history) for history in finding.histories)
    moves = margin_moves(rows)
    assert moves
    for move in moves:
        change = np.asarray(move)
        assert change.sum() == 0
        assert not (finding.histories.T @ change).any()


def test_the_small_statistics_are_the_overlap_and_the_cell_of_three(finding):
    names = {s.name: s.value for s in small_statistics(finding, T)}
    assert names == {"overlap:MP*VP": 3, "cell:MP*VP": 3}


def test_neighbours_change_the_overlap_and_keep_what_is_shown(finding):
    statistic = next(s for s in small_statistics(finding, T) if s.name == "overlap:MP*VP")
    for step in (1, -1, 2, -2):
        changes = neighbour_changes(finding, statistic, step, 6)
        assert changes, step
        for change in changes:
            other = finding.with_counts(finding.counts + change)
            assert mp_vp(other) == 3 + step
            assert list(other.list_totals()) == [120, 36, 188, 40]
            assert other.n_observed == 316 and (other.counts >= 0).all()


def test_whole_numbers_pin_the_overlap_as_the_finding_says(finding):
    statistic = next(s for s in small_statistics(finding, T) if s.name == "overlap:MP*VP")
    truth = outputs(finding)
    whole = DisplayLevel(None)
    for step in (1, -1, 2, -2):
        for change in neighbour_changes(finding, statistic, step, 6):
            other = outputs(finding.with_counts(finding.counts + change))
            assert other is None or other.shown(whole) != truth.shown(whole)
    check = check_inversion(finding, T)
    assert "overlap:MP*VP" in check.pinned
    assert check.level != DISPLAY_LEVELS[0] or check.withheld


def test_after_coarsening_overlaps_2_3_and_4_cannot_be_told_apart(finding):
    check = check_inversion(finding, T)
    if check.withheld:
        # nothing of the model is shown: every overlap gives the same (empty) display
        return
    statistic = next(s for s in small_statistics(finding, T) if s.name == "overlap:MP*VP")
    target = outputs(finding).shown(check.level)
    alike = {3}
    for step in (1, -1, 2, -2):
        for change in neighbour_changes(finding, statistic, step, 6):
            other = outputs(finding.with_counts(finding.counts + change))
            if other is not None and other.shown(check.level) == target:
                alike.add(3 + step)
    assert len(alike & {2, 3, 4}) >= 2, alike


def test_withheld_when_no_rounding_hides_the_overlap(finding, monkeypatch):
    # With no neighbour to try, nothing can show that the overlap has another possible value.
    monkeypatch.setattr(mse_disclosure, "NEIGHBOURS_PER_STEP", 0)
    check = check_inversion(finding, T)
    assert check.withheld


def test_a_table_with_large_overlaps_passes_unchanged():
    table = table_of(LARGE)
    assert small_statistics(table, T) == []
    check = check_inversion(table, T)
    assert (check.level, check.withheld) == (DisplayLevel(None, True), False)


# --- the result, the page and the registry -----------------------------------------------------


def _with(result: MseResult, **changes) -> MseResult:
    return dataclasses.replace(result, **changes)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> derived.DerivedResults:
    db = tmp_path_factory.mktemp("demo") / "w.duckdb"
    files, _ = collect_files([DEMO])
    outcomes = load_files(files, db, loaded_by="test")
    assert {o.status for o in outcomes} == {"loaded"}
    with warehouse.reading(db) as connection:
        return derived.compute(connection, ProtectionRules())


def test_the_demo_is_shown_at_a_safe_rounding_or_withheld(demo):
    result = demo.mse
    assert result.estimable
    # The demo's pooled table is the finding: whole numbers would pin the overlap of 3.
    assert result.withheld_reason is not None or result.display != DISPLAY_LEVELS[0]
    # What the demo gives today (see docs/protection.md): the headline's limits and the spread on
    # the 1-2-5 grid, the single models at one significant figure, no dot per model.
    assert (
        result.display_digits,
        result.model_rows,
        result.display_grid,
        result.withheld_reason,
    ) == (1, False, True, None)


def test_the_headline_itself_would_pin_the_overlap_at_one_significant_figure(finding):
    # The model average moves with the overlap of 3 (issue 13's finding, now for the headline):
    # at one significant figure its limits and the spread still tell 3 from 2 and 4 among the
    # neighbours tried; only the outward 1-2-5 grid leaves two values.
    check = check_inversion(finding, T, levels=DISPLAY_LEVELS[:-1])
    assert check.withheld
    assert check_inversion(finding, T).level == DisplayLevel(1, model_rows=False, grid=True)


def test_the_grid_rounds_limits_outward():
    assert mse_disclosure.on_grid(820.8, "lower") == 500
    assert mse_disclosure.on_grid(21543.4, "upper") == 50000
    assert mse_disclosure.on_grid(2000.0, "upper") == 2000
    assert mse_disclosure.on_grid(1999.0, "lower") == 1000
    assert mse_disclosure.on_grid(4315.1, "") == 5000  # nearest on a log scale


def test_the_registry_holds_the_model_outputs_as_displayed(demo):
    result = demo.mse
    rows = {
        number.statistic: number
        for number in shown.shown_numbers(demo)
        if number.statistic.startswith(shown.MSE_PREFIX)
    }
    # 820.8 - 21,543.4 (MATA, nominal 99 %) rounded outward on the grid; no single number since
    # 50,000 / 500 > 3
    assert rows["mse:model_average:lower"].value == 500
    assert rows["mse:model_average:upper"].value == 50000
    assert "mse:model_average:n_hat" not in rows
    # the same divided by the eight years pooled, at two significant figures (62.5 -> 62)
    assert rows["mse:model_average_per_year:lower"].value == 62
    assert rows["mse:model_average_per_year:upper"].value == 6200
    # the stepwise model (590.2) at one significant figure
    assert rows["mse:stepwise:n_hat"].value == 600
    assert rows["mse:all_models:n_hat_min"].value == 500  # 524.5 down on the grid
    assert rows["mse:all_models:n_hat_max"].value == 5000  # 4,841.8 up on the grid
    assert rows["mse:pooled:n_observed"].value == result.n_observed == 316
    # 201 of 384 registrations carry no link key: 52 %, shown to the nearest 5 %
    assert rows["mse:pooled:share_without_link_key"].value == 0.5
    assert not any(name.startswith("mse:loglinear[") for name in rows)
    assert not any(name.startswith(("mse:bic", "mse:aic")) for name in rows)


def test_a_withheld_result_shows_and_registers_nothing_of_the_model(demo):
    withheld = _with(demo.mse, withheld_reason=WITHHELD_SMALL_OVERLAP)
    assert not withheld.shown
    registry = shown.shown_numbers(dataclasses.replace(demo, mse=withheld))
    assert not [n for n in registry if n.statistic.startswith(shown.MSE_PREFIX)]
    assert view.mse_models_table(withheld, "nl").empty
    assert view.models_chart(withheld, "nl") is None
    for lang in ("nl", "en"):
        assert view.mse_withheld_text(withheld, lang)
    block = view.comparison_chart({}, withheld, "en")
    assert not any("–" in str(v) and v != "–" for v in block.table.to_numpy().ravel())


def test_the_models_table_shows_the_coarsened_numbers(demo):
    result = _with(demo.mse, display_digits=1, model_rows=False, display_grid=False)
    table = view.mse_models_table(result, "en")
    assert len(table) == 3  # headline, stepwise, independence
    assert table.iloc[1, 2] == "600"  # stepwise 590.2 at one significant figure
    assert "significant" in view.mse_display_note(result, "en")
    assert len(view.models_chart(result, "en").table) == 4  # two models, spread, headline
    whole = _with(demo.mse, display_digits=None, model_rows=True, display_grid=False)
    assert view.mse_display_note(whole, "en") is None
    assert view.mse_models_table(whole, "en").iloc[1, 2] == "590"
    # every estimable model gets a dot (64 for four lists here) beside spread and headline
    assert len(view.models_chart(whole, "en").table) == len(whole.headline.models) + 2
    assert "IC:" not in " ".join(view.models_chart(whole, "nl").table.iloc[:, 0])
