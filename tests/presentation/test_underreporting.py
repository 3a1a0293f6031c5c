"""presentation.underreporting, capture-recapture: the page's sentences on hand-computed tables."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from presentation import underreporting as view
from publication.underreporting import mse_result


def two_lists(only_ic: int, only_mp: int, both: int, year: int = 2021) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [year] * 3,
            "integriteitscoordinator": [1, 0, 1],
            "meldpunt": [0, 1, 1],
            "count": [only_ic, only_mp, both],
        }
    )


@pytest.fixture(scope="module")
def lincoln_petersen():
    # Two lists: the only estimable model is independence, so every estimable model (one) gives
    # the same estimate and the model average is Lincoln-Petersen: n1 = 60 on the first list,
    # n2 = 40 on the second, m = 20 on both: N = n1 n2 / m = 60 x 40 / 20 = 120; 80 seen.
    # Its interval (Chao 1987, one model: the MATA limits are its own): unseen f0 = 40 x 20 / 20
    # = 40, Var(log f0) = 1/40 + 1/20 + 1/20 = 0.125, se^2 = f0 + f0^2 x 0.125 = 240,
    # sigma = sqrt(ln(1 + 240 / 1600)) = 0.37385; at nominal 99 %, z = 2.5758 and
    # C = exp(z sigma) = 2.6194: lower 80 + 40 / C = 95.3, upper 80 + 40 C = 184.8.
    # At two significant figures: 120 (95 - 180); 180 / 95 < 3, so one number.
    return mse_result(two_lists(40, 20, 20), {})


def test_the_hand_computed_two_list_estimate(lincoln_petersen):
    result = lincoln_petersen
    assert result.shown and result.n_observed == 80
    assert result.headline.n_hat == pytest.approx(120.0)
    assert result.headline.lower == pytest.approx(95.27, abs=0.01)
    assert result.headline.upper == pytest.approx(184.78, abs=0.01)
    assert result.headline_shown == (120, 95, 180)
    assert result.spread_shown == (120, 120)  # one model: no spread


def test_the_sentence_states_one_number_when_the_interval_is_narrow(lincoln_petersen):
    assert view.mse_sentence(lincoln_petersen, "nl") == (
        "In 2021 registreerden de vier kanalen 80 zaken van discriminatie. Naar schatting waren "
        "het er in totaal, geregistreerd of niet, ongeveer 120 (tussen 95 en 180)."
    )
    assert view.mse_sentence(lincoln_petersen, "en") == (
        "In 2021 the four channels registered 80 cases of discrimination. The estimated total, "
        "registered or not, is roughly 120 (between 95 and 180)."
    )
    summary = view.mse_summary(lincoln_petersen, "en")
    assert summary.label.startswith("**Experimental statistics**")
    # the calibrated coverage (at least 90 %), never a nominal 95 % for the headline
    assert "at least 9 of 10" in summary.coverage
    assert "95%" not in summary.sentence + summary.coverage
    assert "95 %" not in summary.sentence + summary.coverage
    assert summary.metrics[1][1] == "120"


def test_the_spread_is_the_message_when_it_spans_more_than_a_factor_3():
    # m = 10 of n1 = 200 and n2 = 200 gives N = 4,000, f0 = 190 x 190 / 10 = 3,610,
    # Var(log f0) = 1/190 + 1/190 + 1/10 = 0.1105, sigma = sqrt(ln(1 + 3610 / 3610^2 + 0.1105))
    # = 0.3225, C = exp(2.5758 x 0.3225) = 2.297: 390 + 3610 / 2.297 = 1,962 and
    # 390 + 3610 x 2.297 = 8,682: 2,000 - 8,700, a factor 4.35 > 3: no single number.
    result = mse_result(two_lists(190, 190, 10), {})
    assert result.headline_shown == (None, 2000, 8700)
    assert view.mse_sentence(result, "nl").endswith(
        "laat zich met deze gegevens niet in één getal vangen: ergens tussen ongeveer 2.000 en "
        "8.700."
    )
    assert view.mse_summary(result, "en").metrics[1][1] == "2,000 – 8,700"


def test_the_link_key_share_and_its_direction():
    result = mse_result(two_lists(40, 20, 20), {})
    # 100 registrations (40 + 20 + 2 x 20), 30 without a key: 30 %, to the nearest 5 %.
    with_keys = dataclasses.replace(result, registrations=100, without_key=30)
    assert with_keys.key_share == 0.3
    words = view.mse_link_keys_text(with_keys, "en")
    assert words.startswith("About 30% of the registrations carry no link key.")
    assert "too high" in words
    # 3 without a key: a count below the threshold is not given as a share
    few = dataclasses.replace(result, registrations=100, without_key=3)
    assert few.key_share is None
    assert view.mse_link_keys_text(few, "nl").startswith("Enkele registraties")


def test_the_models_are_named_in_words():
    assert view.model_words("independence", "nl") == "geen samenhang tussen kanalen"
    assert view.model_words("IC:MP,MP:VP", "nl") == (
        "samenhang integriteitscoördinator–meldpunt, meldpunt–vertrouwenspersoon"
    )
    assert view.model_words("VP:KC", "en") == "dependence confidential adviser–complaints committee"
