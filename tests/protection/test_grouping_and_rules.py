"""Grouping of small ministries, the rules and their environment variables, footnote texts."""

from __future__ import annotations

import pandas as pd
import pytest

from protection import (
    MIN_WIDTH_VARIABLE,
    THRESHOLD_VARIABLE,
    UNPROTECTABLE_MESSAGE,
    ProtectionRules,
    group_small_units,
    protection_text,
)

RULES = ProtectionRules(threshold=5, min_interval_width=1)


def units(**counts: int) -> pd.Series:
    return pd.Series(counts, name="reports")


def test_small_units_are_merged_into_one_group_meeting_the_threshold():
    # AZ 1 + BZ 2 + FIN 3 = 6 >= 5, three units: no large unit needs to join.
    grouping = group_small_units(units(AZ=1, BZ=2, BZK=12, FIN=3, OCW=9), RULES)
    assert grouping.members == ("AZ", "BZ", "FIN")
    assert grouping.counts.to_dict() == {"BZK": 12, "OCW": 9, "overige ministeries": 6}
    assert grouping.mapping == {
        "AZ": "overige ministeries",
        "BZ": "overige ministeries",
        "BZK": "BZK",
        "FIN": "overige ministeries",
        "OCW": "OCW",
    }


def test_group_below_threshold_takes_the_next_smallest_unit():
    # AZ 1 + BZ 2 = 3 < 5: the next-smallest unit (OCW 7, not BZK 12) joins: 10.
    grouping = group_small_units(units(AZ=1, BZ=2, BZK=12, OCW=7), RULES)
    assert grouping.members == ("AZ", "BZ", "OCW")
    assert grouping.counts["overige ministeries"] == 10


def test_a_single_small_unit_is_not_a_group():
    # A group of one would show that unit's own count: 4 + the next-smallest 6 = 10.
    grouping = group_small_units(units(AZ=4, BZK=12, OCW=6), RULES, label="overig")
    assert grouping.members == ("AZ", "OCW")
    assert grouping.counts.to_dict() == {"BZK": 12, "overig": 10}


def test_ties_follow_the_input_order_and_zeros_stay_visible():
    # BZ and FIN both 2; BZ comes first. AZ has 0 reports and is shown as 0, not grouped.
    grouping = group_small_units(units(AZ=0, FIN=2, BZ=2, OCW=1, BZK=20), RULES)
    assert grouping.members == ("OCW", "FIN", "BZ")
    assert grouping.counts.to_dict() == {"AZ": 0, "BZK": 20, "overige ministeries": 5}


def test_nothing_small_means_no_group():
    grouping = group_small_units(units(AZ=0, BZK=12, OCW=6), RULES)
    assert grouping.members == ()
    assert grouping.counts.to_dict() == {"AZ": 0, "BZK": 12, "OCW": 6}


def test_grouping_is_deterministic():
    counts = units(AZ=3, BZ=3, BZK=3, FIN=3, OCW=30)
    first, second = group_small_units(counts, RULES), group_small_units(counts.copy(), RULES)
    # All four units below 5 go into the group (12), ties in input order; OCW stays.
    assert first.members == second.members == ("AZ", "BZ", "BZK", "FIN")
    assert first.counts.equals(second.counts)
    assert first.mapping == second.mapping


def test_rules_defaults_and_derived_text(monkeypatch):
    monkeypatch.delenv(THRESHOLD_VARIABLE, raising=False)
    monkeypatch.delenv(MIN_WIDTH_VARIABLE, raising=False)
    rules = ProtectionRules()
    assert (rules.threshold, rules.min_interval_width) == (
        5,
        2.0,
    )  # W = 2 by default (issue 13): never two adjacent values
    assert rules.below_threshold_text == "<5"
    assert ProtectionRules(threshold=10).below_threshold_text == "<10"
    assert ProtectionRules(suppression_text="< 5").below_threshold_text == "< 5"


def test_environment_overrides_the_defaults(monkeypatch):
    monkeypatch.setenv(THRESHOLD_VARIABLE, "10")
    monkeypatch.setenv(MIN_WIDTH_VARIABLE, "2,5")
    rules = ProtectionRules()
    assert (rules.threshold, rules.min_interval_width) == (10, 2.5)
    assert ProtectionRules(threshold=7).threshold == 7  # explicit arguments still win


def test_bad_environment_values_are_refused(monkeypatch):
    monkeypatch.setenv(THRESHOLD_VARIABLE, "vijf")
    with pytest.raises(ValueError, match=THRESHOLD_VARIABLE):
        ProtectionRules()


def test_width_must_fit_inside_what_the_symbol_reveals():
    # '<3' with zeros shown means exactly 1 or 2: width 1 at most.
    with pytest.raises(ValueError, match="threshold"):
        ProtectionRules(threshold=3, min_interval_width=2)
    with pytest.raises(ValueError):
        ProtectionRules(threshold=5, suppression_text="x")


def test_unprotectable_message_exists_in_both_languages():
    assert protection_text(UNPROTECTABLE_MESSAGE, RULES, "nl").startswith("Deze tabel")
    assert protection_text(UNPROTECTABLE_MESSAGE, RULES, "en").startswith("This table")
