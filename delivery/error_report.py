"""Before loading, for a rejected file: its rows with each row's problems, as CSV for Excel.

Cells flagged as personal data, cells that look like personal data (also beyond the cap on
reported problems) and whole columns whose header names personal data are blanked: the report
never repeats personal data. Header cells are kept only when they are column names of the data
contract: any other header (an e-mail address, a name, an IBAN) is blanked, in the report's own
title row as in the file's header line. The messages name places, never cell text
(etl/problems.py). A cell a spreadsheet would run as a formula gets a leading quote.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from base.texts import DEFAULT_LANGUAGE, text
from delivery.review import CheckedFile
from etl.contract import FILE_KINDS, canonical_header, looks_like_personal_data_header
from etl.problems import FileRejected
from etl.reading import read_table
from etl.validation import personal_data_kind

REPORT_SUFFIX = "_foutenrapport.csv"
REPORT_STEM_CHARACTERS = 80  # of the submitted file's name, in the report's name
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def _spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula when the report is opened."""
    if value and value[0] in "=+-@\t\r" and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def _contract_header(name: str) -> bool:
    """A column name of the data contract (of any kind of file): ours, so it may be repeated."""
    return any(canonical_header(name, kind) is not None for kind in FILE_KINDS)


def error_report(file: CheckedFile, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The submitted rows with an extra column listing each row's problems (UTF-8 with BOM, ';').

    Problems without a line come first.
    """
    problems = [problem.shown() for problem in file.problems]
    try:
        table = read_table(file.incoming.content, file.file_name)
    except FileRejected:
        table = None
    header = table.header if table else []
    personal_cells = {
        (p.line, p.column_number) for p in problems if p.code == "value.personal_data"
    }
    personal_columns = {
        p.column_number for p in problems if p.code == "header.personal_data" and p.column_number
    }
    personal_columns |= {
        number
        for number, name in enumerate(header, start=1)
        if looks_like_personal_data_header(name)
    }
    shown_header = [
        _spreadsheet_safe(name)
        if name and number not in personal_columns and _contract_header(name)
        else ""
        for number, name in enumerate(header, start=1)
    ]
    by_line: dict[int | None, list[str]] = {}
    for problem in problems:
        by_line.setdefault(problem.line, []).append(problem.message(lang))

    width = max([len(header), *(len(row) for row in (table.rows if table else []))])
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [text("upload.report_line", lang), *shown_header, *[""] * (width - len(header)),
         text("upload.report_problems", lang)]
    )  # fmt: skip

    def joined(line: int | None) -> str:
        return _spreadsheet_safe(" | ".join(by_line.get(line, [])))

    if None in by_line:
        writer.writerow(["", *[""] * width, joined(None)])
    if table and table.header_line in by_line:
        writer.writerow(
            [table.header_line, *shown_header, *[""] * (width - len(header)),
             joined(table.header_line)]
        )  # fmt: skip
    for line, row in zip(table.lines if table else [], table.rows if table else [], strict=True):
        cells = []
        for number, cell in enumerate(row, start=1):
            blank = (
                number in personal_columns
                or (line, number) in personal_cells
                or personal_data_kind(cell) is not None
            )
            cells.append("" if blank else _spreadsheet_safe(cell))
        writer.writerow([line, *cells, *[""] * (width - len(row)), joined(line)])
    lines_shown = set(table.lines) | {table.header_line} if table else set()
    for line in sorted(k for k in by_line if k is not None and k not in lines_shown):
        writer.writerow([line, *[""] * width, joined(line)])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def error_report_name(file_name: str) -> str:
    """'BZK_2023.csv' -> 'BZK_2023_foutenrapport.csv'; a long name is cut (file systems allow 255)."""
    return f"{Path(file_name).stem[:REPORT_STEM_CHARACTERS]}{REPORT_SUFFIX}"
