"""presentation.willingness on a hand-made result whose comparison is shown (the demo data never
let the gate through): the sentence states the table's numbers, the table the four cells worked
out by hand, and the assumptions are there; in both languages."""

from __future__ import annotations

import pandas as pd
import pytest

from base.texts import text
from presentation.willingness import build_willingness, document_sections
from publication import willingness
from tests.publication.test_willingness import _panel, _series

YEARS = range(2019, 2024)


@pytest.fixture(scope="module")
def result() -> willingness.Willingness:
    panel = _panel({"AZ": [2021], "BZ": [2021], "OCW": [], "JenV": []})
    series = _series(
        {
            "AZ": [10, 12, 20, 22, 21],
            "BZ": [11, 9, 19, 21, 20],
            "OCW": [12, 13, 12, 14, 13],
            "JenV": [15, 14, 16, 15, 17],
        }
    )
    fte = {(g, y): 1000.0 for g in series for y in YEARS}
    comparison = willingness.comparison(panel, series, fte, YEARS)
    assert comparison.shown
    measures = willingness._with_rates(panel, fte, threshold=5)
    reports = willingness._reports(series, fte, {})
    return willingness.Willingness(
        measures=measures,
        reports=reports,
        detectable=(),
        baseline=(),
        dispersion_years=(),
        incomplete_baseline=(),
        comparison=comparison,
        participants_threshold=5,
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_comparison_sentence_states_the_table_and_the_hand_computed_ratio(result, lang):
    model = build_willingness(result, [], lang)
    did = result.comparison.result
    # by hand: (123 * 54) / (42 * 87) = 1.8177...; the sentence rounds to 2 decimals
    ratio = {"nl": "1,82", "en": "1.82"}[lang]
    assert did.ratio == pytest.approx(123 * 54 / (42 * 87))
    sentence = model.comparison_lines[0]
    assert f" {ratio} " in sentence
    low = f"{did.ratio_lower:.2f}".replace(".", "," if lang == "nl" else ".")
    high = f"{did.ratio_upper:.2f}".replace(".", "," if lang == "nl" else ".")
    assert f"{low} " in sentence and high in sentence
    includes_one = did.ratio_lower <= 1 <= did.ratio_upper
    assert model.comparison_lines[1] == text(
        "will.did_includes_one" if includes_one else "will.did_excludes_one", lang
    )
    table = model.comparison_table
    reports = list(table[text("will.col.reports", lang)])
    assert reports == ["42", "123", "54", "87"]  # treated before/after, control before/after
    # fte-years: 2 groups x 2 years x 1,000 = 4,000 before; x 3 years = 6,000 after
    fte = list(table[text("will.col.fte_years", lang)])
    assert (
        fte
        == {"nl": ["4.000", "6.000", "4.000", "6.000"], "en": ["4,000", "6,000", "4,000", "6,000"]}[
            lang
        ]
    )
    # per 1,000 fte: 42/4 = 10.50, 123/6 = 20.50, 54/4 = 13.50, 87/6 = 14.50
    rates = list(table[text("will.col.reports_rate", lang)])
    sep = "," if lang == "nl" else "."
    assert rates == [f"10{sep}50", f"20{sep}50", f"13{sep}50", f"14{sep}50"]
    # the additive difference by hand: (20.5 - 10.5) - (14.5 - 13.5) = 9.00 per 1,000 fte
    assert did.rate_difference == pytest.approx(9.0)
    assert f"9{sep}00" in sentence
    assert text("will.did_causal", lang) in model.comparison_assumptions
    assert len(model.comparison_assumptions) == len(did.assumptions) + 1


def test_the_short_summary_and_the_document_repeat_the_comparison(result):
    model = build_willingness(result, [], "nl")
    assert any("1,82" in line for line in model.in_short)
    sections = dict(document_sections(model, "nl"))
    assert model.comparison_lines[0] in sections[text("will.did_heading", "nl")]


def test_measures_table_shows_hidden_participants_with_the_symbol():
    frame = willingness.measures_by_group(
        pd.DataFrame(
            {
                "department": ["AZ"],
                "department_group": ["AZ"],
                "year": [2023],
                "kind": ["workshop"],
                "activities": [2],
                "participants": pd.array([3], dtype="Int64"),
            }
        )
    )
    measures = willingness._with_rates(frame, {("AZ", 2023): 500.0}, threshold=5)
    reports = willingness._reports(
        {"AZ": pd.Series(pd.array([None], dtype="Int64"), index=[2023])},
        {("AZ", 2023): 500.0},
        {("AZ", 2023): "<5"},
    )
    result = willingness.Willingness(
        measures, reports, (), (), (), (), willingness.Comparison(None, (), None, None), 5
    )
    table = build_willingness(result, [], "nl").measures_table
    row = table.iloc[0]
    assert row[text("will.col.participants", "nl")] == "<5"
    assert row[text("will.col.activities", "nl")] == "2"
    assert row[text("will.col.per_1000_fte", "nl")] == "4,00"  # 1000 * 2 / 500
    assert row[text("will.col.reports", "nl")] == "<5"  # a hidden count shows its symbol
    assert row[text("will.col.reports_rate", "nl")] == ""
