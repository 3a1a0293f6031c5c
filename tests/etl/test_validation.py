"""Every bad input of the data contract: a located message, and the warehouse left unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.loading import load_files
from etl.validation import passes_eleven_test, personal_data_kind, validate_file
from tests.etl.conftest import file_fingerprint, incoming

TODAY = dt.date(2026, 11, 30)

# (fixture, problem code, line, column number); None where the problem concerns the whole file.
BAD_INPUTS = [
    ("empty.csv", "file.empty", None, None),
    ("header_only.csv", "file.header_only", None, None),
    ("xlsx_renamed.csv", "file.xlsx_renamed_csv", None, None),
    ("document.pdf", "file.pdf", None, None),
    ("pdf_renamed.csv", "file.pdf", None, None),
    ("binary.csv", "file.binary", None, None),
    ("not_a_table.csv", "file.unknown_kind", 1, None),
    ("missing_column.csv", "header.missing", 1, None),
    ("unknown_column.csv", "header.unknown", 1, 6),
    ("duplicate_column.csv", "header.duplicate", 1, 6),
    ("title_row.csv", "structure.title_row", 1, None),
    ("totals_row.csv", "value.total_row", 4, 1),
    ("excel_error_nb.csv", "value.excel_error", 2, 5),
    ("excel_error_ref.csv", "value.excel_error", 2, 4),
    ("excel_error_deel.csv", "value.excel_error", 2, 5),
    ("error_value.xlsx", "value.excel_error", 2, 5),
    ("count_thousands.csv", "value.count_decimal", 3, 5),
    ("count_scientific.csv", "value.count_scientific", 2, 5),
    ("count_decimal.csv", "value.count_decimal", 2, 5),
    ("decimal_count.xlsx", "value.count_decimal", 2, 5),
    ("count_negative.csv", "value.count_negative", 2, 5),
    ("count_text.csv", "value.count_not_number", 2, 5),
    ("count_suppressed.csv", "value.count_suppressed", 2, 5),
    ("year_future.csv", "value.year_future", 2, 2),
    ("year_two_digit.csv", "value.year_invalid", 2, 2),
    ("year_float.csv", "value.year_invalid", 2, 2),
    ("department_unknown.csv", "value.department_unknown", 2, 1),
    ("department_defensie.csv", "value.department_defence", 2, 1),
    ("department_outside_validity.csv", "value.department_not_in_year", 2, 1),
    ("department_before_existence.csv", "value.department_not_in_year", 2, 1),
    ("duplicate_link_key.csv", "value.link_key_duplicate", 3, 6),
    ("zero_row_conflict.csv", "value.zero_row_conflict", 2, 5),
    ("duplicate_fte.csv", "value.fte_duplicate", 3, 1),
    ("formula.csv", "value.formula", 2, 6),
    ("formula.xlsx", "value.formula", 2, 5),
    ("unclosed_quote.csv", "structure.unclosed_quote", 3, None),
    ("nul_character.csv", "structure.nul", 2, None),
    ("control_character.csv", "structure.control_character", 2, 4),
    ("field_count.csv", "structure.field_count", 2, 6),
    ("unknown_channel.csv", "value.channel_unknown", 2, 3),
    ("column_naam.csv", "header.personal_data", 1, 6),
    ("column_email.csv", "header.personal_data", 1, 6),
    ("column_bsn.csv", "header.personal_data", 1, 6),
    ("column_personeelsnummer.csv", "header.personal_data", 1, 6),
    ("column_telefoon.csv", "header.personal_data", 1, 6),
    ("column_geboortedatum.csv", "header.personal_data", 1, 6),
    ("value_email.csv", "value.personal_data", 3, 6),
    ("value_phone.csv", "value.personal_data", 2, 6),
    ("value_bsn.csv", "value.personal_data", 2, 6),
]

# Values in the fixtures that are (fake) personal data: no message may repeat them.
PERSONAL_VALUES = [
    "Jan Jansen",
    "jan.jansen@minbzk.nl",
    "piet.pietersen@minbzk.nl",
    "111222333",
    "0612345678",
    "06-12345678",
    "1980-01-01",
]


@pytest.mark.parametrize(("fixture", "code", "line", "column"), BAD_INPUTS)
def test_bad_input_is_rejected_with_its_location(fixture, code, line, column):
    file = incoming(f"bad/{fixture}")
    result = validate_file(file.content, file.file_name, TODAY)
    assert not result.accepted
    first = result.problems[0]
    assert (first.code, first.line, first.column_number) == (code, line, column)
    for lang in ("nl", "en"):
        message = first.message(lang)
        assert message.startswith(fixture)
        if line is not None:
            assert (f"regel {line}" if lang == "nl" else f"line {line}") in message
        if column is not None:
            assert (f"kolom {column}" if lang == "nl" else f"column {column}") in message


@pytest.mark.parametrize(("fixture", "code", "line", "column"), BAD_INPUTS)
def test_rejected_file_changes_nothing_and_is_not_kept(fixture, code, line, column, db_path):
    load_files([incoming("good/bom_utf8.csv")], db_path, loaded_by="test", today=TODAY)
    before = file_fingerprint(db_path)
    outcomes = load_files([incoming(f"bad/{fixture}")], db_path, loaded_by="test", today=TODAY)
    assert [o.status for o in outcomes] == ["rejected"]
    assert file_fingerprint(db_path) == before
    leftovers = sorted(p.name for p in db_path.parent.iterdir())
    assert leftovers == ["meldingen.duckdb", "meldingen.duckdb.lock", "meldingen.duckdb.raw"]


def test_personal_data_is_never_repeated_in_messages():
    for fixture, *_ in BAD_INPUTS:
        file = incoming(f"bad/{fixture}")
        result = validate_file(file.content, file.file_name, TODAY)
        for problem in result.problems:
            for lang in ("nl", "en"):
                message = problem.message(lang)
                for value in PERSONAL_VALUES:
                    assert value not in message, (fixture, message)


def test_unclosed_quote_reports_the_line_where_it_opened():
    # Line 3 opens '"vertrouwenspersoon,...' and the quote never closes before the end (line 4).
    file = incoming("bad/unclosed_quote.csv")
    assert validate_file(file.content, file.file_name, TODAY).problems[0].line == 3


def test_all_errors_of_a_file_are_reported_not_only_the_first():
    content = (
        b"departement,jaar,kanaal,categorie,aantal\n"
        b"BZK,2021,meldpunt,pesten,3.5\n"
        b"XYZ,2021,meldpunt,pesten,1\n"
        b"BZK,20211,meldpunt,pesten,1\n"
        b"BZK,2021,brievenbus,pesten,1\n"
    )
    problems = validate_file(content, "many.csv", TODAY).problems
    assert [(p.line, p.column_number) for p in problems] == [(2, 5), (3, 1), (4, 2), (5, 3)]


def test_error_list_is_capped(monkeypatch):
    monkeypatch.setenv("MELDINGEN_MAX_ERRORS", "10")
    rows = "".join("BZK,2021,meldpunt,pesten,-1\n" for _ in range(30))
    problems = validate_file(
        f"departement,jaar,kanaal,categorie,aantal\n{rows}".encode(), "cap.csv", TODAY
    ).problems
    assert len(problems) == 11
    assert problems[-1].code == "file.too_many_errors"


def test_file_over_the_size_limit_is_rejected(monkeypatch):
    monkeypatch.setenv("MELDINGEN_MAX_FILE_BYTES", "50")
    file = incoming("good/bom_utf8.csv")
    assert len(file.content) > 50
    assert validate_file(file.content, file.file_name, TODAY).problems[0].code == "file.too_large"


def test_file_with_too_many_rows_is_rejected(monkeypatch):
    monkeypatch.setenv("MELDINGEN_MAX_ROWS", "3")
    rows = "".join("BZK,2021,meldpunt,pesten,1\n" for _ in range(5))
    content = f"departement,jaar,kanaal,categorie,aantal\n{rows}".encode()
    assert validate_file(content, "rows.csv", TODAY).problems[0].code == "file.too_many_rows"


def test_messages_can_be_english():
    file = incoming("bad/department_defensie.csv")
    message = validate_file(file.content, file.file_name, TODAY).problems[0].message("en")
    assert message == (
        "department_defensie.csv, line 2, column 1 (A) 'departement': Defence is not part of "
        "sector Rijk and does not belong in this monitor. Remove the Defence rows."
    )


@pytest.mark.parametrize(
    "fixture",
    [
        "good/cp1252_semicolon.csv",
        "good/bom_utf8.csv",
        "good/english_headers.csv",
        "good/full_names.csv",
        "good/trailing_empty_columns.csv",
        "good/valid.xlsx",
        "good/fte.csv",
    ],
)
def test_real_world_variants_are_accepted(fixture):
    file = incoming(fixture)
    result = validate_file(file.content, file.file_name, TODAY)
    assert result.problems == []


def test_windows_1252_file_is_decoded_and_aliases_resolved():
    file = incoming("good/cp1252_semicolon.csv")
    records = validate_file(file.content, file.file_name, TODAY).records
    assert list(records["department"].unique()) == ["FIN"]
    assert list(records["channel"]) == [
        "integriteitscoordinator",
        "vertrouwenspersoon",
        "klachtencommissie",
        "meldpunt",
    ]
    # Defaults: discriminatie -> ja, pesten -> nee; explicit 'deels' kept; herkomst/huidskleur -> ras.
    assert list(records["concerns_discrimination"]) == ["ja", "nee", "deels", "nee"]
    assert list(records["ground"].fillna("")) == ["ras", "", "ras", ""]
    assert list(records["count"]) == [2, 3, 1, 0]
    # Lines as the department sees them in Excel (header is line 1).
    assert list(records["line"]) == [2, 3, 4, 5]


def test_full_names_and_codes_are_one_ministry():
    file = incoming("good/full_names.csv")
    records = validate_file(file.content, file.file_name, TODAY).records
    assert set(records["department"]) == {"BZK"}


def test_year_2024_accepts_both_old_and_new_ministries():
    content = b"departement,jaar,kanaal,categorie,aantal\nEZK,2024,meldpunt,pesten,1\nKGG,2024,meldpunt,pesten,1\n"
    assert validate_file(content, "2024.csv", TODAY).accepted


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("iemand@voorbeeld.nl", "email"),
        ("+31 6 12345678", "phone"),
        ("020-1234567", "phone"),
        ("111222333", "bsn"),
        ("123456789", None),  # 9 digits that fail the 11-proef
        ("kerndepartement", None),
        ("0123456789abcdef01", None),
    ],
)
def test_personal_data_detection(value, kind):
    assert personal_data_kind(value) == kind


def test_eleven_test_by_hand():
    # 111222333: 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 - 1*3 = 66 = 6 * 11.
    assert passes_eleven_test("111222333")
    # 123456789: 9+16+21+24+25+24+21+16-9 = 147, not a multiple of 11.
    assert not passes_eleven_test("123456789")
