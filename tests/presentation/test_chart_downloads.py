"""Chart downloads of trend charts: the dated events their dashed lines number are named in the
image (a key under the plot, at least 9 pt) and in the notes beside it, in the chart's language."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from base.reference import events
from presentation import charts, exports
from protection.tables import TOTAL

YEARS = list(range(2018, 2026))
# data/reference/events.csv, by hand: the four events of 2018-2025 with their dates in words
EVENTS = {
    "nl": [
        "18 mei 2020: Baseline Intern Persoonsgericht Onderzoek (BIPO) vastgesteld",
        "28 oktober 2021: Toezegging inzicht meldpunten discriminatie (begrotingsbehandeling BZK)",
        "2 juli 2024: Herindeling ministeries: EZK wordt EZ en KGG, LNV wordt LVVN; nieuw: VRO en AenM",
        "1 januari 2025: Rijksbrede Klachtencommissie Ongewenste Omgangsvormen (KCOO) van start",
    ],
    "en": [
        "18 May 2020: Baseline for internal investigations (BIPO) adopted",
        "28 October 2021: Commitment to report on reporting points (BZK budget debate)",
        "2 July 2024: Ministries reorganised: EZK split into EZ and KGG, LNV becomes LVVN; new: VRO and AenM",
        "1 January 2025: Government-wide complaints committee (KCOO) starts",
    ],
}
NUMBERS = ["①", "②", "③", "④"]
HEADING = {
    "nl": "Genummerd in de grafiek (stippellijn):",
    "en": "Numbered in the chart (dashed line):",
}


def long_table(items: list[str], years: list[int] = YEARS) -> pd.DataFrame:
    """A long table as the trends view draws it: counts 10, 11, ... with intervals around them."""
    rows = []
    for offset, item in enumerate([*items, TOTAL]):
        for year in years:
            count = 10 + offset + year - years[0]
            rows.append(
                {"item": item, "year": year, "count": count, "lower": count - 3, "upper": count + 3}
            )
    return pd.DataFrame(rows)


def trend(lang: str, items: list[str], years: list[int] = YEARS):
    total = {
        "nl": "Totaal Rijk (alle ministeries)",
        "en": "Total central government (all ministries)",
    }
    labels = {item: item for item in items} | {TOTAL: total[lang]}
    return charts.trend_chart(long_table(items, years), labels, "Meldingen", events(), lang)


def download(figure, lang: str):
    return exports.export_figure(
        figure,
        title="Meldingen",
        subtitle="2018–2025",
        source="Bron: Meldingenmonitor Rijk.",
        lang=lang,
    )


@pytest.fixture(scope="module")
def export_server():
    exports.start_export_server()
    yield
    exports.stop_export_server()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_event_lines_are_named_with_number_date_and_name(lang):
    figure = trend(lang, ["FIN", "JenV"])
    expected = [f"{number} {line}" for number, line in zip(NUMBERS, EVENTS[lang], strict=True)]
    assert exports.event_lines(figure) == expected
    # small multiples number the events in every panel; the key names each once
    panels = trend(lang, ["AZ", "BZ", "BZK", "FIN", "JenV", "OCW"])
    assert "xaxis2" in panels.layout
    assert exports.event_lines(panels) == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_svg_download_carries_the_events_readably(export_server, lang):
    for items in (["FIN", "JenV"], ["AZ", "BZ", "BZK", "FIN", "JenV", "OCW"]):
        figure = download(trend(lang, items), lang)
        # the key: a second legend under the plot, at the legend's size, 9 pt or more at the
        # image's own size (1,000 px at 96 dpi: 9 pt = 12 px)
        assert figure.layout.legend2.font.size >= 12
        assert figure.layout.showlegend
        svg = html.unescape(exports.render(figure, "svg").decode("utf-8"))
        for number, line in zip(NUMBERS, EVENTS[lang], strict=True):
            assert f"{number} {line}" in svg, line
        assert "Bron: Meldingenmonitor Rijk." in svg
        # the series keep their legend on one chart; panels, titled by their line, have none
        series = [t for t in figure.data if t.legend != "legend2"]
        assert all(t.showlegend is not False for t in series) == ("xaxis2" not in figure.layout)


def test_the_key_keeps_the_plot_and_source_apart_and_fits_in_the_image():
    plain = download(trend("nl", ["FIN", "JenV"], years=[2018, 2019]), "nl")
    keyed = download(trend("nl", ["FIN", "JenV"]), "nl")
    assert exports.event_lines(plain) == []  # no event falls in 2018-2019
    assert "legend2" not in plain.layout or plain.layout.legend2.y is None
    key_rows = 4 * round(1.6 * exports.LEGEND_FONT_SIZE) + 10  # four events, one row each
    assert keyed.layout.height - plain.layout.height == key_rows
    source = next(a for a in keyed.layout.annotations if a.text.startswith("Bron:"))
    assert source.y < keyed.layout.legend2.y < keyed.layout.legend.y < 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_notes_beside_the_image_name_the_events(lang):
    figure = trend(lang, ["FIN", "JenV"])
    notes = exports.notes_text(
        "Meldingen", "2018–2025", "Bron", [], lang, events=exports.event_lines(figure)
    )
    assert HEADING[lang] in notes
    for number, line in zip(NUMBERS, EVENTS[lang], strict=True):
        assert f"- {number} {line}\n" in notes
    # without events the notes have no such section
    assert HEADING[lang] not in exports.notes_text("Meldingen", "", "Bron", [], lang)


def test_event_numbers_half_a_year_apart_do_not_print_over_each_other():
    figure = trend("nl", ["FIN", "JenV"])
    numbered = [a for a in figure.layout.annotations if a.name == charts.EVENT_ANNOTATION]
    # across the whole width half a year is about 60 px: one row for all four
    assert [a.yshift or 0 for a in numbered] == [0, 0, 0, 0]
    # a panel is a third as wide: 2 July 2024 and 1 January 2025 (half a year apart) would
    # overlap, so ④ goes a row lower; ① and ② (17 months apart) stay on the top row
    panels = trend("nl", ["AZ", "BZ", "BZK", "FIN", "JenV", "OCW"])
    in_first = [
        a for a in panels.layout.annotations if a.name == charts.EVENT_ANNOTATION and a.xref == "x"
    ]
    assert [bool(a.yshift) for a in in_first] == [False, False, False, True]


def test_a_long_panel_title_stays_inside_the_image():
    panels = trend("en", ["AZ", "BZ", "BZK", "FIN", "JenV", "OCW"])
    titles = {a.text: a for a in panels.layout.annotations if a.name != charts.EVENT_ANNOTATION}
    total = next(a for text, a in titles.items() if re.match("Total central", text or ""))
    # the total is the seventh panel: first column, so aligned with its panel's left edge
    assert total.xanchor == "left" and total.x == panels.layout.xaxis7.domain[0]
    assert titles["BZ"].xanchor in (None, "center")
