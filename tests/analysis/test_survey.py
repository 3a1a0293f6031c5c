"""Tests of analysis.survey: published Wilson limits and the '1 in X' rounding."""

from __future__ import annotations

import pytest

from analysis import survey


def test_wilson_interval_reproduces_newcombe_1998():
    # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score interval
    # without continuity correction): 81/263 -> 0.2553-0.3662, 15/148 -> 0.0624-0.1605,
    # 0/20 -> 0.0000-0.1611, 1/29 -> 0.0061-0.1718.
    for successes, size, lower, upper in [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ]:
        found = survey.wilson_interval(successes / size, size)
        assert found == pytest.approx((lower, upper), abs=5e-5)


@pytest.mark.parametrize(
    ("ratio", "rounded"),
    [(466.0, 470), (33.3, 33), (4.67, 4.7), (99.6, 100), (1234.0, 1200), (0.5, None)],
)
def test_one_in_x_is_rounded_to_two_figures(ratio, rounded):
    assert survey.round_one_in(ratio) == rounded
