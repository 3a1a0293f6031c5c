"""The measure registry: every entry is complete, the old public names are derived from it, and a
new entry alone brings a measure into the protected publication, the filters and the briefing."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from base.texts import LANGUAGES, TEXTS
from briefing.content import all_table_keys
from etl.queries import CELL_DIMENSIONS
from presentation.views import build_trends, filter_options
from protection import TOTAL, ProtectionRules
from publication import measures, protected
from publication.filters import parse_filters
from publication.measures import ALL_REPORTS, DISCRIMINATION, Measure
from publication.protected import build_publication

RULES = ProtectionRules(threshold=5, min_interval_width=1)


# --- every entry ----------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", measures.registered(), ids=lambda e: e.name)
def test_every_measure_has_labels_in_both_languages(entry):
    for key in (entry.label_key, entry.description_key):
        assert key in TEXTS, key
        for lang in LANGUAGES:
            assert TEXTS[key].get(lang, "").strip(), (key, lang)
        assert TEXTS[key]["nl"] != TEXTS[key]["en"], key
    assert entry.label("en") == TEXTS[entry.label_key]["en"]
    assert entry.description("nl") == TEXTS[entry.description_key]["nl"]


@pytest.mark.parametrize("entry", measures.registered(), ids=lambda e: e.name)
def test_every_measure_has_its_formula_as_docstring(entry):
    formula = inspect.getdoc(entry)
    assert formula and formula != inspect.getdoc(Measure)
    assert "sum of" in formula.lower() and "count" in formula
    for values in entry.where.values():  # the formula names what the measure selects
        assert all(value in formula for value in values), (entry.name, values)
    assert entry.number_format == "count"


def test_names_are_unique_and_breakdowns_known():
    assert len(set(measures.names())) == len(measures.names())
    for entry in measures.registered():
        assert entry.breakdowns[0] == "total"
        assert set(entry.breakdowns) <= set(measures.BREAKDOWNS)
        assert set(entry.where) <= set(measures.SELECTABLE)


def test_a_measure_selects_only_on_what_every_linked_set_shares():
    dimensions = [
        {d for view in protected._views(s) for d in view.dimensions} for s in protected.LINKED_SETS
    ]
    assert set.intersection(*dimensions) == set(measures.SELECTABLE)


def test_a_malformed_entry_is_refused():
    with pytest.raises(ValueError):
        Measure("x", breakdowns=("channel",), formula="Sum of count.")
    with pytest.raises(ValueError):
        Measure("x", breakdowns=("total", "colour"), formula="Sum of count.")
    with pytest.raises(ValueError):  # would tie the linked sets by more than year x concerns
        Measure("x", breakdowns=("total",), where={"channel": ("meldpunt",)}, formula="Sum.")


def test_the_public_names_are_derived_from_the_registry():
    assert (DISCRIMINATION, ALL_REPORTS) == ("discrimination", "all")
    assert protected.MEASURES == measures.names() == (DISCRIMINATION, ALL_REPORTS)
    assert measures.breakdowns_of() == protected.BREAKDOWNS_OF_MEASURE
    assert protected.BREAKDOWNS_OF_MEASURE == {
        DISCRIMINATION: (
            "total",
            "channel",
            "department",
            "category",
            "concerns",
            "ground",
            "outcome",
        ),
        ALL_REPORTS: ("total", "channel", "department", "category", "concerns"),
    }
    assert protected.table_name(DISCRIMINATION, "ground") == "discrimination:ground"
    assert dict(measures.named(DISCRIMINATION).where) == {"concerns": ("ja", "deels")}
    assert dict(measures.named(ALL_REPORTS).where) == {}


def test_the_drop_order_is_the_one_written_out_before_the_registry():
    assert (
        protected.DROP_ORDER
        == protected.drop_order()
        == (
            protected.GROUPED_CHANNELS,
            "discrimination:outcome",
            "discrimination:ground",
            protected.LETTER_COMMITTEE,
            protected.LETTER_PERIOD,
            protected.LETTER_SERIES,
            "all:category",
            "discrimination:category",
            "all:channel",
            "discrimination:channel",
            "all:department",
            "discrimination:department",
            "all:concerns",
            "discrimination:concerns",
        )
    )


# --- adding a measure is one entry --------------------------------------------------------------

OTHER = Measure(
    "other",
    breakdowns=("total", "channel", "department"),
    where={"concerns": ("nee",)},
    formula="""Number of reports of undesirable behaviour not concerning discrimination, per year.

    Sum of v_reports.count over the finest cells with concerns_discrimination in (nee).
    """,
)


@pytest.fixture
def with_other(monkeypatch):
    """A temporary registry with one measure more, and its texts: nothing else changes."""
    monkeypatch.setattr(measures, "ENTRIES", (*measures.ENTRIES, OTHER))
    monkeypatch.setitem(TEXTS, OTHER.label_key, {"nl": "Overige meldingen", "en": "Other reports"})
    monkeypatch.setitem(TEXTS, OTHER.description_key, {"nl": "Niet discriminatie.", "en": "Not."})
    return OTHER


def cells() -> pd.DataFrame:
    """Two years, four ministries, every finest cell at least 10: nothing needs hiding."""
    rows = []
    for year in (2021, 2022):
        for n, ministry in enumerate(["AZ", "BZ", "BZK", "FIN"]):
            rows += [
                (year, ministry, "meldpunt", "racisme", "ja", "ras", "gegrond", 10 + n),
                (year, ministry, "vertrouwenspersoon", "racisme", "deels", "ras", "onbekend", 11),
                (year, ministry, "vertrouwenspersoon", "pesten", "nee", "niet_ingevuld",
                 "niet_ingevuld", 20 + year - 2021)
            ]  # fmt: skip
    return pd.DataFrame(rows, columns=[*CELL_DIMENSIONS, "count"])


def test_a_new_entry_flows_into_the_publication_and_the_filters(with_other):
    data = cells()
    publication = build_publication(data, RULES)
    assert publication.unavailable == {}
    # its tables join the protected publication, and nothing else changes
    new_tables = {"other:total", "other:channel", "other:department"}
    assert new_tables <= set(publication.tables)
    without = build_publication_without(data)
    assert set(publication.tables) - set(without.tables) == new_tables
    for name, table in without.tables.items():
        pd.testing.assert_frame_equal(
            _frame(publication.tables[name].values), _frame(table.values), check_dtype=False
        )
    # with the numbers its where selects
    other = data[data["concerns"] == "nee"]
    assert publication.year_totals("other").to_dict() == {2021: 4 * 20, 2022: 4 * 21}
    channels = publication.table("other", "channel").values
    assert channels.loc["vertrouwenspersoon", 2021] == 4 * 20
    assert channels.loc["meldpunt", 2021] == 0
    assert channels.loc[TOTAL, TOTAL] == other["count"].sum()
    assert "other:department" in protected.drop_order()
    assert "other:total" not in protected.drop_order()  # year series are never given up

    # the trends filters offer it, with its own breakdowns only
    options = filter_options(publication)
    assert list(options) == [DISCRIMINATION, ALL_REPORTS, "other"]
    assert list(options["other"]) == ["total", "channel", "department"]
    assert options["other"]["channel"] == ["meldpunt", "vertrouwenspersoon"]
    filters = parse_filters(
        {"maat": "other", "uitsplitsing": "department"}, publication.years, options["other"]
    )
    assert (filters.measure, filters.breakdown) == ("other", "department")
    filters = parse_filters({"maat": "other", "uitsplitsing": "ground"}, publication.years, {})
    assert (filters.measure, filters.breakdown) == ("other", "total")
    model = build_trends(publication, pd.DataFrame(columns=["department_group", "year"]), filters)
    assert model.chart.summary and "Overige meldingen" in model.chart.figure.layout.title.text

    # and the briefing lists its tables
    assert {"other:total", "other:channel", "other:department"} <= set(all_table_keys())


def build_publication_without(data: pd.DataFrame):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(measures, "ENTRIES", tuple(e for e in measures.ENTRIES if e is not OTHER))
        return build_publication(data, RULES)


def _frame(values) -> pd.DataFrame:
    return values.to_frame() if isinstance(values, pd.Series) else values
