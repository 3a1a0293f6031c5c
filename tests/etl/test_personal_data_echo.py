"""No message and no error report repeats a cell or header that may be personal data (issue 17).

A message names the place (file, line, column) and what is allowed; the text of a cell or header
that failed is never quoted, as any unknown value may be a name, an e-mail address or an IBAN.
The error report blanks such header cells as it blanks such data cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import secrets

import pytest

from delivery.error_report import error_report, error_report_name
from delivery.review import CheckedFile
from etl.loading import IncomingFile
from etl.problems import FILE_NAME_SHOWN, short_file_name
from etl.validation import is_iban, personal_data_kind, validate_file

TODAY = dt.date(2026, 11, 30)
REPORT_HEADER = "departement,jaar,kanaal,categorie,aantal\n"
FTE_HEADER = "departement,jaar,fte,medewerkers\n"
EMAIL = "piet.jansen@minbzk.nl"
BSN = "111222333"  # passes the 11-proef
IBAN = "NL91ABNA0417164300"
NAME = "Piet Jansen"
SECRETS = (EMAIL, BSN, IBAN, NAME, "Jansen", "piet.jansen")


def checked(name: str, content: str) -> CheckedFile:
    incoming = IncomingFile(name, content.encode())
    return CheckedFile(incoming, validate_file(incoming.content, name, TODAY))


def messages(file: CheckedFile) -> str:
    return "\n".join(p.message(lang) for p in file.problems for lang in ("nl", "en"))


def report_text(file: CheckedFile) -> str:
    return "\n".join(error_report(file, lang).decode("utf-8-sig") for lang in ("nl", "en"))


def report_rows(file: CheckedFile) -> list[list[str]]:
    text = error_report(file, "nl").decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def assert_not_echoed(file: CheckedFile, *values: str, report: bool = True) -> None:
    """No message (nor its parameters) repeats the values; nor the report, where `report`.

    The report repeats the submitted rows, so a data cell that does not look like personal data
    stays in it (the uploader's own row, to find the mistake); header cells and personal-looking
    cells are blanked.
    """
    assert file.problems, "the file should be rejected"
    shown = messages(file)
    for problem in file.problems:
        shown += repr(problem.params) + str(problem.column_name)
    if report:
        shown += report_text(file)
    for value in values:
        assert value not in shown, value


@pytest.mark.parametrize(
    ("header", "kind"), [(EMAIL, "email"), (BSN, "bsn"), ("06-12345678", "phone"), (IBAN, "iban")]
)
def test_a_personal_header_is_named_by_place_and_blanked_in_the_report(header, kind):
    file = checked(
        "kop.csv", f"departement,jaar,kanaal,categorie,{header}\nBZK,2021,meldpunt,pesten,x\n"
    )
    [problem] = file.problems
    assert (problem.code, problem.line, problem.column_number) == ("header.personal_value", 1, 5)
    assert problem.params == {"kind": kind}
    assert problem.message("nl").startswith("kop.csv, regel 1, kolom 5 (E): De kolomnaam lijkt")
    assert_not_echoed(file, header)
    rows = report_rows(file)
    assert rows[0][:6] == ["regel", "departement", "jaar", "kanaal", "categorie", ""]
    assert rows[1][:6] == ["1", "departement", "jaar", "kanaal", "categorie", ""]


def test_an_unknown_header_is_not_quoted_and_not_repeated_in_the_report():
    file = checked(
        "kop.csv", f"departement,jaar,kanaal,categorie,{NAME}\nBZK,2021,meldpunt,pesten,1\n"
    )
    [problem] = file.problems
    assert (problem.code, problem.column_number, problem.column_name) == ("header.unknown", 5, None)
    assert "departement, jaar, kanaal" in problem.message("nl")  # what is allowed: ours
    assert_not_echoed(file, NAME)


@pytest.mark.parametrize("value", [NAME, IBAN, "Jansen, P. (BZK)"])
def test_an_unknown_department_is_not_quoted(value):
    file = checked("dep.csv", f'{REPORT_HEADER}"{value}",2021,meldpunt,pesten,1\n')
    [problem] = file.problems
    assert problem.code in {"value.department_unknown", "value.personal_data"}
    assert_not_echoed(file, value, report=value == IBAN)
    if problem.code == "value.department_unknown":
        message = problem.message("nl")
        assert message.startswith("dep.csv, regel 2, kolom 1 (A) 'departement': Onbekend")
        assert "BZK" in message and "DEF" not in message  # the valid codes are listed


def test_an_iban_is_personal_data_in_any_column():
    file = checked("iban.csv", f"{REPORT_HEADER}BZK,2021,meldpunt,NL91 ABNA 0417 1643 00,1\n")
    [problem] = file.problems
    assert (problem.code, problem.params) == ("value.personal_data", {"kind": "iban"})
    assert "IBAN" in problem.message("nl") and "IBAN" in problem.message("en")
    assert_not_echoed(file, "NL91 ABNA 0417 1643 00", "0417")
    assert report_rows(file)[1][4] == ""


@pytest.mark.parametrize(
    "row",
    [
        f"BZK,{NAME},meldpunt,pesten,1",
        f"BZK,2021,{NAME},pesten,1",
        f"BZK,2021,meldpunt,{NAME},1",
        f"BZK,2021,meldpunt,pesten,{NAME}",
        f"BZK,2021,meldpunt,pesten,<5 {NAME}",
        f"BZK,2021,meldpunt,pesten,-3 {NAME}",
        f"BZK,2021,meldpunt,pesten,1.5{NAME}",
        "BZK,2021,meldpunt,pesten,612345678",  # too large; a number that could be a person's
    ],
)
def test_no_value_message_quotes_the_cell(row):
    file = checked("waarden.csv", REPORT_HEADER + row + "\n")
    assert_not_echoed(file, NAME, "612345678", report=False)


def test_no_optional_column_message_quotes_the_cell():
    header = "departement,jaar,kanaal,categorie,betreft_discriminatie,grond,uitkomst\n"
    file = checked("optioneel.csv", f"{header}BZK,2021,meldpunt,racisme,{NAME},{NAME},{NAME}\n")
    assert [p.code for p in file.problems] == [
        "value.concerns_unknown",
        "value.ground_unknown",
        "value.outcome_unknown",
    ]
    assert_not_echoed(file, NAME, report=False)


def test_no_fte_message_quotes_the_cell():
    file = checked("fte.csv", f"{FTE_HEADER}BZK,2021,{NAME},{NAME}\n")
    assert [p.code for p in file.problems] == ["value.fte_invalid", "value.employees_invalid"]
    assert_not_echoed(file, NAME, report=False)


def test_iban_detection_checks_country_length_and_check_digits():
    assert is_iban("NL91ABNA0417164300") and is_iban("nl91 abna 0417 1643 00")
    assert is_iban("DE89370400440532013000") and is_iban("BE71096123456769")
    assert not is_iban("NL91ABNA0417164301")  # check digits wrong
    assert not is_iban("NL91ABNA041716430")  # too short for NL
    assert not is_iban("XX91ABNA0417164300")  # no such country
    assert personal_data_kind(IBAN) == "iban"
    assert personal_data_kind("BZK") is None and personal_data_kind(NAME) is None


def test_link_keys_are_not_taken_for_ibans():
    rng = secrets.SystemRandom(17)
    keys = [
        "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice((16, 18, 22, 32))))
        for _ in range(5_000)
    ]
    assert [k for k in keys if personal_data_kind(k) is not None] == []


def test_many_distinct_texts_find_an_iban_through_the_bulk_filter():
    rows = "".join(f"BZK,2021,meldpunt,pesten,1,{i:016x}\n" for i in range(400))
    header = "departement,jaar,kanaal,categorie,aantal,organisatie\n"
    file = checked("bulk.csv", f"{header}{rows}BZK,2021,meldpunt,pesten,1,{IBAN}\n")
    assert [(p.code, p.line, p.params) for p in file.problems] == [
        ("value.personal_data", 402, {"kind": "iban"})
    ]


def test_a_long_file_name_is_capped_in_messages_and_the_report():
    name = "BZK_" + "x" * 5_000 + ".csv"
    file = checked(name, f"{REPORT_HEADER}XYZ,2021,meldpunt,pesten,1\n")
    shown = short_file_name(name)
    assert len(shown) == FILE_NAME_SHOWN and shown.startswith("BZK_x") and shown.endswith("x.csv")
    assert "…" in shown
    [problem] = file.problems
    assert problem.shown().message("nl").startswith(f"{shown}, regel 2")
    assert "x" * 100 not in report_text(file)
    assert len(error_report_name(name)) < 120
    assert short_file_name("BZK_2023.csv") == "BZK_2023.csv"
