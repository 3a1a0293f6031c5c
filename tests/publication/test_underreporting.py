"""The under-reporting page's rules: when deduplicated counts may be shown, and when MSE is refused."""

from __future__ import annotations

import pandas as pd

from protection.rules import ProtectionRules
from publication.protected import Publication, table_name
from publication.underreporting import mse_result, protected_cases


class _Totals:
    def __init__(self, values: dict[int, int | None]):
        self.values = pd.Series(values, dtype="Int64")


def publication_with(totals: dict[int, int | None]) -> Publication:
    return Publication(
        {table_name("discrimination", "total"): _Totals(totals)},
        tuple(totals),
        ProtectionRules(threshold=5),
    )


def test_deduplicated_count_only_when_the_duplicates_cannot_single_anyone_out():
    raw = pd.DataFrame(
        {
            "year": [2021, 2022, 2023, 2024],
            "registrations": [40, 40, 40, 3],
            "cases": [37, 35, 40, 3],
        }
    )
    shown = protected_cases(raw, publication_with({2021: 40, 2022: 40, 2023: 40, 2024: None}))
    # 2021: 3 duplicates (1..4) would single out cases -> the published 40, not deduplicated.
    assert (shown[2021].value, shown[2021].deduplicated) == (40, False)
    # 2022: 5 duplicates -> the deduplicated 35 may be shown.
    assert (shown[2022].value, shown[2022].deduplicated) == (35, True)
    # 2023: no duplicates -> deduplicated equals registrations.
    assert (shown[2023].value, shown[2023].deduplicated) == (40, True)
    # 2024: the registrations themselves are hidden -> nothing.
    assert shown[2024].value is None


def test_mse_refuses_when_too_few_cases_are_linked():
    histories = pd.DataFrame(
        {
            "year": [2021, 2021, 2021],
            "integriteitscoordinator": [1, 0, 1],
            "meldpunt": [0, 0, 0],
            "vertrouwenspersoon": [0, 1, 1],
            "klachtencommissie": [0, 0, 0],
            "count": [20, 30, 3],
        }
    )
    result = mse_result(histories, {})
    assert (result.estimable, result.reason, result.linked_cases) == (False, "too_few_linked", 3)


def test_mse_refused_when_the_hidden_years_duplicates_are_small():
    histories = pd.DataFrame(
        {
            "year": [2020, 2021, 2021, 2021],
            "integriteitscoordinator": [1, 1, 0, 1],
            "meldpunt": [0, 0, 0, 0],
            "vertrouwenspersoon": [1, 0, 1, 1],
            "klachtencommissie": [0, 0, 0, 0],
            "count": [2, 30, 40, 20],
        }
    )
    # 2020 is not shown deduplicated and has 2 duplicates: the pooled total would reveal them.
    raw = pd.DataFrame({"year": [2020, 2021], "registrations": [4, 110], "cases": [2, 90]})
    registered = protected_cases(raw, publication_with({2020: None, 2021: 110}))
    result = mse_result(histories, registered, raw)
    assert (result.estimable, result.reason) == (False, "small_numbers")
