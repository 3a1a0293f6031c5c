"""Staff-survey indicators on willingness to report: every row sourced, missing rows marked as such."""

import csv

from base.reference import REFERENCE_DIR, SurveyIndicator, survey_indicators

INDICATORS = {"knows_where_to_report", "reported_experience", "trust_in_handling"}
KINDS = {"published", "secondary", "missing"}


def _file_rows() -> list[dict[str, str]]:
    with (REFERENCE_DIR / "survey_indicators.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_file_has_the_agreed_columns():
    with (REFERENCE_DIR / "survey_indicators.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "id",
        "survey",
        "year",
        "indicator",
        "population",
        "population_nl",
        "measure",
        "measure_nl",
        "value",
        "sample_size",
        "kind",
        "citation",
        "source",
    ]


def test_every_row_has_a_source_a_population_and_both_wordings():
    for row in survey_indicators():
        assert row.source.strip(), row.id
        assert row.population.strip() and row.population_nl.strip(), row.id
        assert row.measure.strip() and row.measure_nl.strip(), row.id


def test_indicators_and_kinds_are_from_the_vocabulary():
    for row in survey_indicators():
        assert row.indicator in INDICATORS, row.id
        assert row.kind in KINDS, row.id


def test_a_value_is_a_share_or_the_row_is_marked_missing():
    for row in survey_indicators():
        if row.kind == "missing":
            assert row.value is None and row.sample_size is None, row.id
            # A missing row says what was searched, so the gap can be checked.
            assert row.source.startswith("Not found") or "searched" in row.source.lower(), row.id
        else:
            assert row.value is not None and 0.0 <= row.value <= 1.0, row.id
        if row.sample_size is not None:
            assert row.sample_size > 0, row.id


def test_ids_are_unique():
    ids = [row.id for row in survey_indicators()]
    assert len(ids) == len(set(ids))


def test_at_least_the_rows_found_in_the_sources():
    found = {row.id: row.value for row in survey_indicators() if row.kind != "missing"}
    # Expected values copied by hand from the sources named in SOURCES.md, not from the loader.
    assert found["per2023_racism_discussed_with_manager"] == 0.35
    assert found["per2023_racism_not_followed_up"] == 0.62
    assert found["per2023_racism_dissatisfied_with_handling"] == 0.54
    assert found["per2023_racism_towards_citizens_not_picked_up"] == 0.56
    assert found["werk2019_public_sector_org_does_enough"] == 0.80
    assert found["luisterendoor2013_knows_internal_procedure"] == 0.61
    assert found["luisterendoor2013_knows_confidential_adviser"] == 0.66
    assert found["luisterendoor2013_knows_integrity_adviser"] == 0.46
    assert found["crm2021_sexual_harassment_reported"] == 0.37
    assert found["sbk2022_told_manager"] == 0.27
    assert found["sbk2022_went_to_confidential_adviser"] == 0.13
    assert len(found) >= 11
    # Each indicator has at least one sourced value and the PER series gaps are recorded.
    indicators_with_values = {r.indicator for r in survey_indicators() if r.kind != "missing"}
    assert indicators_with_values == INDICATORS
    per_gaps = {
        (r.year, r.indicator)
        for r in survey_indicators()
        if r.survey.startswith("Personeelsenquete") and r.kind == "missing"
    }
    for year in (2016, 2018, 2020, 2022):
        for indicator in INDICATORS:
            assert (year, indicator) in per_gaps


def test_the_loader_returns_what_the_file_says():
    rows = {row["id"]: row for row in _file_rows()}
    loaded = {row.id: row for row in survey_indicators()}
    assert len(loaded) == len(rows)
    assert loaded["luisterendoor2013_knows_confidential_adviser"] == SurveyIndicator(
        id="luisterendoor2013_knows_confidential_adviser",
        survey="Een luisterend oor (VU/BIOS)",
        year=2013,
        indicator="knows_where_to_report",
        population="Dutch civil servants in all government layers (Flitspanel respondents)",
        population_nl="ambtenaren in alle overheidslagen (respondenten Flitspanel)",
        measure="aware that their organisation has a confidential adviser for undesirable behaviour (VPOO)",
        measure_nl="bekend met de aanwezigheid van een vertrouwenspersoon ongewenste omgangsvormen (VPOO)",
        value=0.66,
        sample_size=7315,
        kind="published",
        citation="luisterendoor2013",
        source=rows["luisterendoor2013_knows_confidential_adviser"]["source"],
    )
    missing_row = loaded["per2020_reported_experience"]
    assert missing_row.value is None and missing_row.sample_size is None
    assert missing_row.kind == "missing" and missing_row.year == 2020
