"""The page 'Meldingsbereidheid' (app_pages/meldingsbereidheid.py) on the demo data, in both
languages: every section is there, the sentences agree with the tables beside them, and the
comparison says why it is not shown when the published counts cannot carry it."""

from __future__ import annotations

import pytest

from base.texts import text
from etl import warehouse
from protection.rules import ProtectionRules
from publication import derived, willingness

PAGE = "app_pages/meldingsbereidheid.py"


@pytest.fixture(scope="module")
def result(demo_db) -> willingness.Willingness:
    with warehouse.reading(demo_db) as connection:
        found = derived.latest(connection, ProtectionRules())
    assert found is not None
    return willingness.from_results(found)


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_shows_every_section_in_its_language(app, demo_db, result, lang):
    at = app(demo_db, PAGE, params={"taal": lang})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == text("will.title", lang)
    headers = [h.value for h in at.header]
    for key in (
        "will.reach_heading",
        "will.ind_heading",
        "will.measures_heading",
        "will.detect_heading",
        "will.did_heading",
    ):
        assert text(key, lang) in headers, key
    body = _markdown(at)
    assert text("will.caveat", lang) in body
    # the measures are the demo's made-up ones, and the page says so
    assert text("will.measures_synthetic", lang) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_detectable_changes_table_and_sentence_agree(app, demo_db, result, lang):
    at = app(demo_db, PAGE, params={"taal": lang})
    by_years = {c.follow_up_years: c for c in result.detectable}
    assert set(by_years) == {1, 3, 5}
    tables = [df.value for df in at.dataframe]
    detect = next(t for t in tables if text("will.col.rise", lang) in t.columns)
    rises = list(detect[text("will.col.rise", lang)])
    # each row is 100 * (ratio - 1) to whole percents with a plus sign, as the sentence says
    for row, years in zip(rises, (1, 3, 5), strict=True):
        percent = round(100 * willingness.rounded_change(by_years[years].increase_ratio))
        assert row == f"+{percent}%"
    # the sentence names the same rises, without the table's sign
    sentence = text(
        "will.detect_sentence", lang, rise_1=rises[0].lstrip("+"), rise_5=rises[2].lstrip("+")
    )
    assert sentence in _markdown(at)
    # a shorter wait needs a larger change
    assert by_years[1].increase_ratio > by_years[3].increase_ratio > by_years[5].increase_ratio


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_comparison_is_shown_only_when_the_gate_lets_it(app, demo_db, result, lang):
    at = app(demo_db, PAGE, params={"taal": lang})
    body = _markdown(at)
    comparison = result.comparison
    if comparison.shown:
        assert text("will.did_assumptions_heading", lang) in [s.value for s in at.subheader]
    else:
        # on the demo data most ministries' yearly counts are hidden ('<5'): the page says the
        # comparison is not shown, names the ministries left out and gives the reasons
        assert text("will.did_not_shown", lang) in body
        assert comparison.left_out
        assert all(
            text(f"will.reason.{r}", lang, minimum=20, p_value="")[:25] in body
            for r in comparison.support.reasons
            if r.startswith("few_")
        )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_in_short_gives_the_range_where_the_assumptions_leave_it_wide(app, demo_db, lang):
    """As on Onderrapportage: on the demo data the share reaching a channel spans 0.070% to 0.33%
    over all assumptions (more than a factor 3), so the sentence gives '1 in X' as a range, never
    one number that would claim more certainty than there is."""
    from presentation.survey_comparison import one_in, spread_is_wide
    from publication.survey_comparison import compare_surveys
    from publication.underreporting import protected_cases

    with warehouse.reading(demo_db) as connection:
        results = derived.latest(connection, ProtectionRules())
    registered = protected_cases(results.cases, results.publication)
    last = [c for c in compare_surveys(results.publication, registered) if c.comparable][-1]
    assert spread_is_wide(last.reaching_share_band_lower, last.reaching_share_band_upper)
    expected = text(
        "will.short.reach_spread",
        lang,
        survey=text(f"surveycmp.name.{last.id}", lang),
        high=one_in(last.reaching_share_band_upper, lang),
        low=one_in(last.reaching_share_band_lower, lang),
    )
    at = app(demo_db, PAGE, params={"taal": lang})
    assert expected in _markdown(at)
