"""First step of the flow: raw bytes of a CSV or .xlsx file -> header and text cells with line numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from etl.contract import FTE_HEADER_INDEX, REPORT_HEADER_INDEX, normalise_token
from etl.problems import FileRejected, Problem

DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_ROWS = 2_000_000
HEADER_SEARCH_DEPTH = 10


def max_file_bytes() -> int:
    return int(os.environ.get("MELDINGEN_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def max_rows() -> int:
    return int(os.environ.get("MELDINGEN_MAX_ROWS", DEFAULT_MAX_ROWS))


@dataclass
class RawTable:
    """Every cell as text, exactly as the department wrote it, with the line it came from."""

    file_name: str
    file_format: str  # 'csv' or 'xlsx'
    header: list[str]
    header_line: int
    lines: list[int]
    rows: list[list[str]]


def _excel_cell_text(value: object) -> str:
    # Excel stores every number as a double: 2024.0 in a cell is the integer 2024, while a
    # non-integral double is kept visible ('3.5') so validation can reject it.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _looks_like_header(cells: list[str]) -> bool:
    tokens = {normalise_token(cell) for cell in cells if cell.strip()}
    known = sum(1 for token in tokens if token in REPORT_HEADER_INDEX or token in FTE_HEADER_INDEX)
    return known >= 2


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def detect_format(data: bytes, file_name: str) -> str:
    """'csv' or 'xlsx', or raise FileRejected with the reason a user can act on."""
    extension = PurePath(file_name).suffix.lower()
    if data.startswith(b"%PDF"):
        raise FileRejected([Problem("file.pdf", file_name)])
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected([Problem("file.old_excel", file_name)])
    if data.startswith(b"PK\x03\x04"):
        if extension in (".csv", ".txt"):
            raise FileRejected([Problem("file.xlsx_renamed_csv", file_name)])
        if extension in (".xlsx", ".xlsm"):
            return "xlsx"
        raise FileRejected([Problem("file.binary", file_name)])
    if extension in (".xlsx", ".xlsm"):
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)])
    if extension == ".xls":
        raise FileRejected([Problem("file.old_excel", file_name)])
    if extension not in (".csv", ".txt", ""):
        raise FileRejected(
            [Problem("file.unsupported_extension", file_name, params={"extension": extension})]
        )
    return "csv"


def decode_text(data: bytes, file_name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Dutch Excel writes it."""
    if b"\x00" in data:
        nul_at = data.index(b"\x00")
        # Many NULs means UTF-16 or a binary file rather than one stray character.
        if data.count(b"\x00") > len(data) // 10:
            raise FileRejected([Problem("file.binary", file_name)])
        raise FileRejected(
            [Problem("structure.nul", file_name, line=_line_of_offset(data, nul_at))]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise FileRejected(
            [Problem("file.encoding", file_name, line=_line_of_offset(data, error.start))]
        ) from None


def _choose_delimiter(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _csv_records(text: str, file_name: str) -> tuple[list[int], list[list[str]]]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_choose_delimiter(text), strict=True
    )
    lines: list[int] = []
    rows: list[list[str]] = []
    limit = max_rows() + HEADER_SEARCH_DEPTH
    record_start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                # The reader only notices at the end of the file; the quote opened where the record
                # that never ended began.
                raise FileRejected(
                    [Problem("structure.unclosed_quote", file_name, line=record_start)]
                ) from None
            raise FileRejected(
                [Problem("structure.bad_quote", file_name, line=reader.line_num)]
            ) from None
        lines.append(record_start)
        rows.append(row)
        record_start = reader.line_num + 1
        if len(rows) > limit:
            raise FileRejected(
                [Problem("file.too_many_rows", file_name, params={"limit": max_rows()})]
            )
    return lines, rows


def _xlsx_records(data: bytes, file_name: str) -> tuple[list[int], list[list[str]]]:
    import openpyxl  # imported here: only Excel submissions pay for it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)]) from None
    try:
        sheet = workbook.worksheets[0]
        lines: list[int] = []
        rows: list[list[str]] = []
        limit = max_rows() + HEADER_SEARCH_DEPTH
        for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            lines.append(row_number)
            rows.append([_excel_cell_text(value) for value in values])
            if len(rows) > limit:
                raise FileRejected(
                    [Problem("file.too_many_rows", file_name, params={"limit": max_rows()})]
                )
    except FileRejected:
        raise
    except Exception:
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)]) from None
    finally:
        workbook.close()
    return lines, rows


def read_table(data: bytes, file_name: str) -> RawTable:
    """Parse a submission's bytes; raise FileRejected when there is no table to validate."""
    if len(data) > max_file_bytes():
        raise FileRejected(
            [
                Problem(
                    "file.too_large",
                    file_name,
                    params={
                        "size_mb": round(len(data) / 1024 / 1024, 1),
                        "limit_mb": round(max_file_bytes() / 1024 / 1024, 1),
                    },
                )
            ]
        )
    if not data.strip():
        raise FileRejected([Problem("file.empty", file_name)])
    file_format = detect_format(data, file_name)
    if file_format == "xlsx":
        lines, rows = _xlsx_records(data, file_name)
    else:
        lines, rows = _csv_records(decode_text(data, file_name), file_name)

    non_empty = [
        (line, row) for line, row in zip(lines, rows, strict=True) if any(c.strip() for c in row)
    ]
    if not non_empty:
        raise FileRejected([Problem("file.empty", file_name)])
    header_line, header = non_empty[0]
    if not _looks_like_header(header):
        for line, row in non_empty[1:HEADER_SEARCH_DEPTH]:
            if _looks_like_header(row):
                raise FileRejected(
                    [
                        Problem(
                            "structure.title_row", file_name, line=1, params={"header_line": line}
                        )
                    ]
                )
        raise FileRejected([Problem("file.unknown_kind", file_name, line=header_line)])
    if header_line != 1:
        raise FileRejected(
            [Problem("structure.title_row", file_name, line=1, params={"header_line": header_line})]
        )
    body = non_empty[1:]
    if len(body) > max_rows():
        raise FileRejected([Problem("file.too_many_rows", file_name, params={"limit": max_rows()})])
    return RawTable(
        file_name=file_name,
        file_format=file_format,
        header=[cell.strip() for cell in header],
        header_line=header_line,
        lines=[line for line, _ in body],
        rows=[row for _, row in body],
    )
