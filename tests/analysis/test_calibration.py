"""A small seeded calibration check of the capture-recapture headline (the full study: bench/mse_calibration.py).

Four lists with low capture (about 7 % of 5,000 cases seen), two latent classes of catchability
and referrals between channels, as in the study's scenario 'referrals, two classes, low
capture', where the headline interval covered 98 % (docs/mse.md, section 8).
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis import model_averaging as ma
from analysis import mse

POPULATION = 5000
TABLES = 48
LOOSE_BOUND = 0.8  # the study found 98 %; 48 tables at 98 % fall below 80 % with p < 1e-6


def draw(generator: np.random.Generator) -> mse.CaptureTable:
    # 20 % of cases three times as likely to reach any channel, 80 % half as likely (mean 1);
    # the meldpunt after the integrity coordinator and the complaints committee after the
    # confidential adviser much more likely (referrals).
    factor = np.where(generator.random(POPULATION) < 0.2, 3.0, 0.5)

    def on(probability) -> np.ndarray:
        chance = np.minimum(np.asarray(probability) * factor, 0.95)
        return (generator.random(POPULATION) < chance).astype(np.int64)

    ic = on(0.025)
    mp = on(np.where(ic == 1, 0.25, 0.006))
    vp = on(0.035)
    kc = on(np.where(vp == 1, 0.15, 0.006))
    histories = mse._all_histories(4)
    tally = np.bincount(8 * ic + 4 * mp + 2 * vp + kc, minlength=16)
    counts = np.array([tally[8 * a + 4 * b + 2 * c + d] for a, b, c, d in histories])
    return mse.CaptureTable(("IC", "MP", "VP", "KC"), histories, counts)


def coverage(method, tables) -> float:
    hits = []
    for data in tables:
        try:
            lower, upper = method(data)
        except mse.NotEstimableError:
            lower, upper = 0.0, 0.0  # no interval counts as a miss
        hits.append(lower <= POPULATION <= upper)
    return float(np.mean(hits))


def passes(method, tables, bound: float = LOOSE_BOUND) -> bool:
    return coverage(method, tables) >= bound


@pytest.fixture(scope="module")
def tables() -> list[mse.CaptureTable]:
    generator = np.random.default_rng(20250614)
    drawn = [draw(generator) for _ in range(TABLES)]
    # The regime of the product: about 5-15 % of cases seen, many zero cells.
    seen = np.array([t.n_observed for t in drawn])
    assert 0.05 < seen.mean() / POPULATION < 0.15
    assert np.mean([np.sum(t.counts == 0) for t in drawn]) >= 3
    return drawn


def headline(data: mse.CaptureTable) -> tuple[float, float]:
    result = ma.headline_estimate(data)
    return result.lower, result.upper


def independence_lognormal(data: mse.CaptureTable) -> tuple[float, float]:
    found = mse.estimate_population(data, "independence", "lognormal")
    return found.lower, found.upper


def test_headline_interval_keeps_its_coverage_in_the_products_regime(tables):
    assert passes(headline, tables)


def test_the_check_fails_a_deliberately_bad_method(tables):
    # Independence ignores the referrals: its log-normal interval lies far below N.
    assert coverage(independence_lognormal, tables) < 0.2
    assert not passes(independence_lognormal, tables)


def test_headline_states_no_more_than_it_covered(tables):
    assert ma.HEADLINE_CALIBRATED_LEVEL >= 0.9
    assert coverage(headline, tables) >= ma.HEADLINE_CALIBRATED_LEVEL
