"""Property: validation of any input either accepts it or returns located problems; it never raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.problems import Problem
from etl.validation import ValidationResult, validate_file

TODAY = dt.date(2026, 11, 30)
HEADERS = [
    "departement",
    "jaar",
    "kanaal",
    "categorie",
    "aantal",
    "koppelsleutel",
    "grond",
    "fte",
    "naam",
    "",
    "Jaar ",
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "BZK",
            "Defensie",
            "EZK",
            "2021",
            "2025",
            "2099",
            "meldpunt",
            "pesten",
            "0",
            "1",
            "-1",
            "3.5",
            "#N/B",
            "=1+1",
            "Totaal",
            "a@b.nl",
            "111222333",
            '"',
            "",
        ]
    ),
    st.text(max_size=12),
)


def check(result: ValidationResult) -> None:
    assert isinstance(result, ValidationResult)
    if result.accepted:
        assert result.records is not None
    else:
        assert result.problems and all(isinstance(p, Problem) for p in result.problems)
        for problem in result.problems:
            assert problem.message("nl") and problem.message("en")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=2000), name=st.sampled_from(["x.csv", "x.xlsx", "x.txt", "x.pdf", "x"])
)
def test_arbitrary_bytes_never_raise(data, name):
    check(validate_file(data, name, TODAY))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=7),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=8), max_size=8),
    separator=st.sampled_from([",", ";"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_table_shaped_input_never_raises(header, rows, separator, encoding):
    lines = [separator.join(header), *(separator.join(row) for row in rows)]
    data = "\n".join(lines).encode(encoding, errors="replace")
    check(validate_file(data, "tabel.csv", TODAY))
