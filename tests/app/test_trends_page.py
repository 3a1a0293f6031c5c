"""The trends page on the demo data, as issue 15 tried it: the trend over the years shown with
the figures stated there, rates that reach 2024 for the total, counts-only breakdowns."""

from __future__ import annotations

from tests.app.test_pages import table_rows


def bullets(at) -> str:
    return " ".join(str(element.value) for element in at.markdown)


def test_the_trend_over_the_years_shown(app, demo_db):
    at = app(demo_db, "app_pages/trends.py")
    assert not at.exception
    assert "Trend 2018–2025" in [h.value for h in at.subheader]
    # issue 15: 'Poisson trend 2018-2025 +13.6 % a year, p = 3e-8'
    assert "Gemiddeld +13,6% per jaar over 2018–2025" in bullets(at)
    assert "p < 0,001" in bullets(at)


def test_per_1000_fte_by_ministry_reaches_2024_for_the_total(app, demo_db):
    at = app(demo_db, "app_pages/trends.py")
    at.selectbox(key="trends_breakdown").set_value("department").run()
    at.radio(key="trends_scale").set_value("per1000fte").run()
    rows = table_rows(at)
    rates = rows["Totaal Rijk (alle ministeries) (per 1.000 fte)"]
    assert rates[6] != "–"  # 2024: EZ, KGG and LVVN deliver for EZK and LNV
    # issue 15: 'per fte 2018-2024 +7.2 % a year, p = 0.016'
    assert "gemiddeld +7,2% per jaar over 2018–2024" in bullets(at)
    assert "p = 0,016" in bullets(at)
    assert "Verandering naar 2024, per 1.000 fte" in [h.value for h in at.subheader]


def test_counts_only_breakdowns_switch_the_rate_off(app, demo_db):
    at = app(demo_db, "app_pages/trends.py")
    at.radio(key="trends_scale").set_value("per1000fte").run()
    at.selectbox(key="trends_breakdown").set_value("channel").run()
    scale = at.radio(key="trends_scale")
    assert scale.disabled and scale.value == "aantal"
    assert any("geen noemer" in c.value for c in at.caption)
