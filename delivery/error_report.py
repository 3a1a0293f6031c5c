"""Before loading, for a rejected file: its rows with each row's problems, as CSV for Excel.

Cells flagged as personal data, cells that look like personal data (also beyond the cap on
reported problems) and whole columns whose header names personal data are blanked: the report
never repeats personal data. A cell a spreadsheet would run as a formula gets a leading quote.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from base.texts import DEFAULT_LANGUAGE, text
from delivery.review import CheckedFile
from etl.contract import looks_like_personal_data_header
from etl.problems import FileRejected
from etl.reading import read_table
from etl.validation import personal_data_kind

REPORT_SUFFIX = "_foutenrapport.csv"
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def _spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula when the report is opened."""
    if value and value[0] in "=+-@\t\r" and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def error_report(file: CheckedFile, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The submitted rows with an extra column listing each row's problems (UTF-8 with BOM, ';').

    Problems without a line come first.
    """
    problems = file.problems
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
    by_line: dict[int | None, list[str]] = {}
    for problem in problems:
        by_line.setdefault(problem.line, []).append(problem.message(lang))

    width = max([len(header), *(len(row) for row in (table.rows if table else []))])
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [text("upload.report_line", lang), *[_spreadsheet_safe(h) for h in header],
         *[""] * (width - len(header)), text("upload.report_problems", lang)]
    )  # fmt: skip

    def joined(line: int | None) -> str:
        return _spreadsheet_safe(" | ".join(by_line.get(line, [])))

    if None in by_line:
        writer.writerow(["", *[""] * width, joined(None)])
    if table and table.header_line in by_line:
        cells = [
            "" if number in personal_columns else _spreadsheet_safe(cell)
            for number, cell in enumerate(header, start=1)
        ]
        writer.writerow(
            [table.header_line, *cells, *[""] * (width - len(header)), joined(table.header_line)]
        )
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
    return f"{Path(file_name).stem}{REPORT_SUFFIX}"
