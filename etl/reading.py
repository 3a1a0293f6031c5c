"""First step of the flow: raw bytes of a CSV or .xlsx file -> header and text cells with line numbers.

Two readers give the same cells and line numbers. Python's csv module (strict) decides every case;
for a large CSV a columnar reader splits the lines in bulk (pyarrow, quoting off) and Python's csv
module only parses the lines that contain a quote. The columnar reader hands over to Python's
whenever it cannot show that the result is the same: a carriage return that does not end a line,
a quote that does not close on its own line, a row with the wrong number of fields, a very long
field, more rows than the limit. Decoding (UTF-8, else Windows-1252) is always Python's.

Memory stays bounded whatever a file holds (issue 17): before any list of the whole table is built,
a CSV's header may have at most MELDINGEN_MAX_COLUMNS columns and the file at most
MELDINGEN_MAX_CELLS cells (lines x header width, and fields in all); an .xlsx is refused when a part
of the archive declares more bytes unpacked than the limits (checked before openpyxl reads it), its
sheet is read cell by cell ignoring the sheet's own `<dimension>`, and the same column and cell
limits apply as the rows arrive. What is left (an XML row of millions of cells within those limits)
is caught by validating in a child process with a memory and time limit (etl/isolation.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import PurePath

import numpy as np

from etl.contract import HEADER_INDEXES, normalise_token
from etl.problems import FileRejected, Problem

DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_ROWS = 2_000_000
HEADER_SEARCH_DEPTH = 10
UTF8_BOM = b"\xef\xbb\xbf"
# Below this size Python's csv module is as fast as setting up the columnar reader. Tests and the
# bench can lower it (MELDINGEN_COLUMNAR_MIN_BYTES=0) to run every file through the columnar reader.
DEFAULT_COLUMNAR_MIN_BYTES = 64 * 1024
# A reports file has ten columns; 200 leaves room for empty or misnamed ones (which are reported)
# and bounds the columnar reader, whose cost grows with the number of columns.
DEFAULT_MAX_COLUMNS = 200
# Cells (rows x columns) of one file: two million rows of fifteen columns.
DEFAULT_MAX_CELLS = 30_000_000
# An .xlsx: every part's unpacked size as the archive declares it (Python's zipfile never unpacks
# more than that). Sheets are read as a stream; any other part (shared strings, styles) is read
# whole, so it has its own, smaller limit. A ratio above the last one is a zip bomb, not a sheet:
# sheets written by Excel or openpyxl pack 5-30 times.
DEFAULT_MAX_XLSX_UNPACKED_MB = 1024
DEFAULT_MAX_XLSX_PART_MB = 100
MAX_XLSX_RATIO = 200
XLSX_RATIO_MIN_BYTES = 1024 * 1024


def max_file_bytes() -> int:
    return int(os.environ.get("MELDINGEN_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def max_rows() -> int:
    return int(os.environ.get("MELDINGEN_MAX_ROWS", DEFAULT_MAX_ROWS))


def columnar_min_bytes() -> int:
    return int(os.environ.get("MELDINGEN_COLUMNAR_MIN_BYTES", DEFAULT_COLUMNAR_MIN_BYTES))


def max_columns() -> int:
    return int(os.environ.get("MELDINGEN_MAX_COLUMNS", DEFAULT_MAX_COLUMNS))


def max_cells() -> int:
    return int(os.environ.get("MELDINGEN_MAX_CELLS", DEFAULT_MAX_CELLS))


def max_xlsx_unpacked_bytes() -> int:
    megabytes = float(
        os.environ.get("MELDINGEN_MAX_XLSX_UNPACKED_MB", DEFAULT_MAX_XLSX_UNPACKED_MB)
    )
    return int(megabytes * 1024 * 1024)


def max_xlsx_part_bytes() -> int:
    megabytes = float(os.environ.get("MELDINGEN_MAX_XLSX_PART_MB", DEFAULT_MAX_XLSX_PART_MB))
    return int(megabytes * 1024 * 1024)


def _megabytes(size: int) -> float:
    return round(size / 1024 / 1024, 1)


class CodedColumn:
    """One column of text cells with every distinct text stored once: cell i is uniques[codes[i]].

    Checks that depend only on a cell's text run once per distinct text (see etl/validation.py);
    a column of a million cells typically holds a few dozen distinct texts.
    """

    __slots__ = ("codes", "uniques")

    def __init__(self, codes: np.ndarray, uniques: list[str]):
        self.codes = codes
        self.uniques = uniques

    @classmethod
    def from_cells(cls, cells: Iterable[str]) -> CodedColumn:
        index: dict[str, int] = {}
        codes = np.fromiter((index.setdefault(cell, len(index)) for cell in cells), dtype=np.int64)
        return cls(codes, list(index))

    def __len__(self) -> int:
        return len(self.codes)

    def take(self, rows: np.ndarray) -> CodedColumn:
        return CodedColumn(self.codes[rows], self.uniques)

    def unique_array(self) -> np.ndarray:
        array = np.empty(len(self.uniques), dtype=object)
        array[:] = self.uniques
        return array

    def cells(self) -> np.ndarray:
        """Every cell as an object array (each distinct text shared)."""
        return self.unique_array()[self.codes]

    def cell(self, row: int) -> str:
        return self.uniques[self.codes[row]]


class RawTable:
    """Every cell as text, exactly as the department wrote it, with the line it came from.

    `lines` and `rows` are lists, as Python's csv module gives them. A table from the columnar
    reader keeps its body in `columns` (one CodedColumn per header position, every row exactly as
    wide as the header) and builds `lines` and `rows` only when someone asks for them.
    """

    def __init__(
        self,
        file_name: str,
        file_format: str,
        header: list[str],
        header_line: int,
        lines: list[int] | None = None,
        rows: list[list[str]] | None = None,
        columns: list[CodedColumn] | None = None,
        line_numbers: np.ndarray | None = None,
    ):
        self.file_name = file_name
        self.file_format = file_format  # 'csv' or 'xlsx'
        self.header = header
        self.header_line = header_line
        self.columns = columns
        self._lines = lines
        self._rows = rows
        self._line_numbers = line_numbers

    @property
    def row_count(self) -> int:
        if self._rows is not None:
            return len(self._rows)
        return len(self.line_numbers)

    @property
    def line_numbers(self) -> np.ndarray:
        if self._line_numbers is None:
            self._line_numbers = np.asarray(self._lines or [], dtype=np.int64)
        return self._line_numbers

    @property
    def lines(self) -> list[int]:
        if self._lines is None:
            self._lines = self.line_numbers.tolist()
        return self._lines

    @property
    def rows(self) -> list[list[str]]:
        if self._rows is None:
            assert self.columns is not None
            cells = [column.cells() for column in self.columns]
            self._rows = [list(row) for row in zip(*cells, strict=True)] if cells else []
        return self._rows


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
    known = sum(1 for token in tokens if any(token in index for index in HEADER_INDEXES.values()))
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


def _decode(data: bytes, file_name: str) -> tuple[str, bytes | None]:
    """The text, and its UTF-8 bytes when they are a slice of `data` (None: encode when needed)."""
    if b"\x00" in data:
        nul_at = data.index(b"\x00")
        # Many NULs means UTF-16 or a binary file rather than one stray character.
        if data.count(b"\x00") > len(data) // 10:
            raise FileRejected([Problem("file.binary", file_name)])
        raise FileRejected(
            [Problem("structure.nul", file_name, line=_line_of_offset(data, nul_at))]
        )
    if data.startswith(UTF8_BOM):
        data = data[3:]
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError as error:
        raise FileRejected(
            [Problem("file.encoding", file_name, line=_line_of_offset(data, error.start))]
        ) from None


def decode_text(data: bytes, file_name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Dutch Excel writes it."""
    return _decode(data, file_name)[0]


# One line as str.splitlines() sees it: up to any of the characters that end a line there.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*")


def _first_nonblank(text: str) -> tuple[int, str]:
    """The first line of text.splitlines() that is not blank, and its line number (by newlines).

    Found without splitting the whole text: a file of one line of 100 MB, or of millions of lines,
    costs no list of its lines.
    """
    for match in _LINE.finditer(text):
        if match.group().strip():
            return text.count("\n", 0, match.start()) + 1, match.group()
    return 1, ""


def _first_nonblank_line(text: str) -> str:
    return _first_nonblank(text)[1]


def _choose_delimiter(text: str) -> str:
    first_line = _first_nonblank_line(text)
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _check_csv_shape(text: str, delimiter: str, file_name: str) -> None:
    """Refuse a CSV whose header is too wide or that has too many cells, before it is split.

    Counting delimiters and newlines is cheap and bounds what either reader builds: the csv module
    makes at most one field per delimiter or line, the columnar reader one code per line and column.
    """
    header_line, header = _first_nonblank(text)
    width = header.count(delimiter) + 1
    if width > max_columns():
        raise FileRejected(
            [
                Problem(
                    "file.too_many_columns",
                    file_name,
                    line=header_line,
                    params={"found": width, "limit": max_columns()},
                )
            ]
        )
    lines = text.count("\n") + 1
    if max(lines * width, text.count(delimiter) + lines) > max_cells():
        raise _too_many_cells(file_name)


def _too_many_cells(file_name: str) -> FileRejected:
    return FileRejected([Problem("file.too_many_cells", file_name, params={"limit": max_cells()})])


def _csv_records(text: str, file_name: str) -> tuple[list[int], list[list[str]]]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_choose_delimiter(text), strict=True
    )
    lines: list[int] = []
    rows: list[list[str]] = []
    limit = max_rows() + HEADER_SEARCH_DEPTH
    record_start = 1
    # Each distinct text is kept once: a million rows of ten cells hold a few thousand distinct
    # texts, and the csv module makes a new string per cell (half the memory, no slower).
    seen: dict[str, str] = {}
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
        rows.append([seen.setdefault(cell, cell) for cell in row])
        record_start = reader.line_num + 1
        if len(rows) > limit:
            raise FileRejected(
                [Problem("file.too_many_rows", file_name, params={"limit": max_rows()})]
            )
    return lines, rows


def _quoted_lines(text: str, delimiter: str) -> dict[int, list[str]] | None:
    """Line number -> cells of every line with a quote, each parsed alone by Python's csv module.

    None when one of them does not parse alone (a quoted value runs on to the next line, or a
    quote is misplaced): then only the csv module reading the whole text can tell.
    """
    numbers: list[int] = []
    texts: list[str] = []
    line, counted = 1, 0
    quote = text.find('"')
    while quote != -1:
        start = text.rfind("\n", 0, quote) + 1
        end = text.find("\n", quote)
        end = len(text) if end == -1 else end
        line += text.count("\n", counted, start)
        counted = start
        numbers.append(line)
        texts.append(text[start:end].removesuffix("\r"))
        quote = text.find('"', end)
    reader = csv.reader(texts, delimiter=delimiter, strict=True)
    parsed: dict[int, list[str]] = {}
    try:
        for number, cells in zip(numbers, reader, strict=False):
            if reader.line_num != len(parsed) + 1:
                return None
            parsed[number] = cells
    except csv.Error:
        return None
    return parsed if len(parsed) == len(numbers) else None


def _columnar_csv(text: str, utf8: bytes | None, delimiter: str) -> list[CodedColumn] | None:
    """Every record of the text (one per line) as columns, or None to leave it to _csv_records."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # a lone carriage return also ends a record for the csv module
    line_count = text.count("\n") + (0 if text.endswith("\n") else 1)
    if line_count > max_rows() + HEADER_SEARCH_DEPTH:
        return None
    first = text[: text.find("\n")] if "\n" in text else text
    try:
        width = len(next(csv.reader([first.removesuffix("\r")], delimiter=delimiter, strict=True)))
    except (csv.Error, StopIteration):
        return None
    quoted = _quoted_lines(text, delimiter) if '"' in text else {}
    if quoted is None:
        return None

    import pyarrow as pa
    import pyarrow.csv as pacsv

    rejected: dict[int, str] = {}

    def reject(row) -> str:
        if row.number is None:
            return "error"
        rejected[row.number] = row.text
        return "skip"

    coded = pa.dictionary(pa.int32(), pa.string())
    try:
        table = pacsv.read_csv(
            pa.BufferReader(utf8 if utf8 is not None else text.encode("utf-8")),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, use_threads=False),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                quote_char=False,
                double_quote=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,
                invalid_row_handler=reject,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": coded for i in range(width)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, ValueError):
        return None
    if table.num_columns != width or table.num_rows + len(rejected) != line_count:
        return None
    # Rows pyarrow could not split into `width` fields: a quoted line (parsed by the csv module
    # below) or a blank one; anything else has the wrong number of fields and is reported by the
    # csv route with its exact location.
    blank: list[int] = []
    for number, row_text in rejected.items():
        if number in quoted:
            continue
        if row_text.replace(delimiter, "").strip():
            return None
        blank.append(number)
    for cells in quoted.values():
        if len(cells) != width and any(cell.strip() for cell in cells):
            return None
    kept = np.ones(line_count, dtype=bool)
    kept[np.fromiter(rejected, dtype=np.int64, count=len(rejected)) - 1] = False
    limit = csv.field_size_limit()
    columns: list[CodedColumn] = []
    for position, chunked in enumerate(table.columns):
        unified = chunked.unify_dictionaries()
        uniques: list[str] = unified.chunk(0).dictionary.to_pylist() if unified.num_chunks else []
        codes = np.zeros(line_count, dtype=np.int32)
        if unified.num_chunks:
            codes[kept] = np.concatenate(
                [chunk.indices.to_numpy(zero_copy_only=False) for chunk in unified.chunks]
            )
        if blank or quoted:
            index = {value: code for code, value in enumerate(uniques)}

            def code_of(value: str, index=index, uniques=uniques) -> int:
                if value not in index:
                    index[value] = len(uniques)
                    uniques.append(value)
                return index[value]

            for number in blank:
                codes[number - 1] = code_of("")
            for number, cells in quoted.items():
                codes[number - 1] = code_of(cells[position] if len(cells) == width else "")
        if uniques and max(map(len, uniques)) >= limit:
            return None  # the csv module refuses a field this long; let it say so
        columns.append(CodedColumn(codes, uniques))
    return columns


def _check_xlsx_archive(archive: zipfile.ZipFile, file_name: str) -> None:
    """Refuse an .xlsx whose parts would unpack to more than the limits, before any is read.

    The sizes are those the archive declares; Python's zipfile stops at the declared size, so a
    part cannot unpack to more than it says. Worksheets are streamed; every other part (shared
    strings above all) is read whole by openpyxl and has the smaller part limit.
    """
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS, WORKSHEET_TYPE
    from openpyxl.xml.functions import fromstring

    members = archive.infolist()
    total = sum(member.file_size for member in members)
    if total > max_xlsx_unpacked_bytes():
        params = {"size_mb": _megabytes(total), "limit_mb": _megabytes(max_xlsx_unpacked_bytes())}
        raise FileRejected([Problem("file.xlsx_unpacked_too_large", file_name, params=params)])
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= XLSX_RATIO_MIN_BYTES and ratio > MAX_XLSX_RATIO:
            params = {"ratio": round(ratio)}
            raise FileRejected([Problem("file.xlsx_packed_too_densely", file_name, params=params)])
    part_limit = max_xlsx_part_bytes()
    sizes = {member.filename: member.file_size for member in members}

    def too_large(part: str) -> FileRejected:
        params = {
            "part": part,
            "size_mb": _megabytes(sizes[part]),
            "limit_mb": _megabytes(part_limit),
        }
        return FileRejected([Problem("file.xlsx_part_too_large", file_name, params=params)])

    if sizes.get(ARC_CONTENT_TYPES, 0) > part_limit:
        raise too_large(ARC_CONTENT_TYPES)
    try:
        manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    except MemoryError:
        raise
    except Exception:  # a malformed or missing manifest: openpyxl cannot read the file either
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)]) from None
    strings = manifest.find(SHARED_STRINGS)
    streamed = {
        part.PartName.lstrip("/")
        for part in manifest.findall(WORKSHEET_TYPE)
        if part is not strings
    }
    for name, size in sizes.items():
        if name not in streamed and size > part_limit:
            raise too_large(name)


def _xlsx_records(data: bytes, file_name: str) -> tuple[list[int], list[list[str]]]:
    """The first sheet's rows that hold a value, with their row numbers, each as wide as its last value.

    The rows are read cell by cell from openpyxl's sheet parser rather than through iter_rows: in
    read-only mode iter_rows trusts the sheet's `<dimension>` (4 KB declaring A1:XFD1048576 makes
    it produce 17 billion empty cells) and widens every row to its last cell (one cell in column
    XFD: 16,384 cells a row). Here a value beyond MELDINGEN_MAX_COLUMNS, or more than
    MELDINGEN_MAX_CELLS, refuses the file as soon as it is read. Rows without any value are left
    out, as the header search and validation skip them anyway.
    """
    import openpyxl  # imported here: only Excel submissions pay for it
    from openpyxl.worksheet._reader import WorkSheetParser  # pinned openpyxl (requirements.txt)

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)]) from None
    with archive:
        _check_xlsx_archive(archive, file_name)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except MemoryError:
        raise
    except Exception:
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)]) from None
    column_limit, cell_limit = max_columns(), max_cells()
    row_limit = max_rows() + HEADER_SEARCH_DEPTH
    lines: list[int] = []
    rows: list[list[str]] = []
    width = cells = 0
    try:
        sheet = workbook.worksheets[0]
        with sheet._get_source() as source:
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,
                data_only=False,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for line, parsed in parser.parse():
                values = {cell["column"]: cell["value"] for cell in parsed}
                values = {column: v for column, v in values.items() if v is not None}
                if not values:
                    continue
                last = max(values)
                if last > column_limit:
                    raise FileRejected(
                        [
                            Problem(
                                "file.too_many_columns",
                                file_name,
                                line=line,
                                params={"found": last, "limit": column_limit},
                            )
                        ]
                    )
                cells += last
                if cells > cell_limit:
                    raise _too_many_cells(file_name)
                row = [""] * last
                for column, value in values.items():
                    row[column - 1] = _excel_cell_text(value)
                width = max(width, last)
                lines.append(line)
                rows.append(row)
                if len(rows) > row_limit:
                    raise _too_many_rows(file_name)
    except (FileRejected, MemoryError):
        raise
    except Exception:
        raise FileRejected([Problem("file.xlsx_unreadable", file_name)]) from None
    finally:
        workbook.close()
    # As wide as the sheet, as Excel's own <dimension> would make them: a value beyond the last
    # header name is then a column without a name, whatever row it is on.
    for row in rows[:HEADER_SEARCH_DEPTH]:
        row.extend([""] * (width - len(row)))
    return lines, rows


def _find_header(file_name: str, candidates: list[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The header among the first non-empty rows (line, cells), or FileRejected saying what is wrong."""
    header_line, header = candidates[0]
    if not _looks_like_header(header):
        for line, row in candidates[1:HEADER_SEARCH_DEPTH]:
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
    return header_line, header


def _too_many_rows(file_name: str) -> FileRejected:
    return FileRejected([Problem("file.too_many_rows", file_name, params={"limit": max_rows()})])


def _table_from_rows(
    file_name: str, file_format: str, lines: list[int], rows: list[list[str]]
) -> RawTable:
    non_empty = [
        (line, row) for line, row in zip(lines, rows, strict=True) if any(c.strip() for c in row)
    ]
    if not non_empty:
        raise FileRejected([Problem("file.empty", file_name)])
    header_line, header = _find_header(file_name, non_empty[:HEADER_SEARCH_DEPTH])
    body = non_empty[1:]
    if len(body) > max_rows():
        raise _too_many_rows(file_name)
    return RawTable(
        file_name=file_name,
        file_format=file_format,
        header=[cell.strip() for cell in header],
        header_line=header_line,
        lines=[line for line, _ in body],
        rows=[row for _, row in body],
    )


def _table_from_columns(file_name: str, columns: list[CodedColumn]) -> RawTable:
    filled = np.zeros(len(columns[0]), dtype=bool)
    for column in columns:
        has_text = np.fromiter((bool(u.strip()) for u in column.uniques), bool, len(column.uniques))
        filled |= has_text[column.codes]
    non_empty = np.flatnonzero(filled)
    if not len(non_empty):
        raise FileRejected([Problem("file.empty", file_name)])
    candidates = [
        (int(index) + 1, [column.cell(index) for column in columns])
        for index in non_empty[:HEADER_SEARCH_DEPTH]
    ]
    header_line, header = _find_header(file_name, candidates)
    body = non_empty[1:]
    if len(body) > max_rows():
        raise _too_many_rows(file_name)
    return RawTable(
        file_name=file_name,
        file_format="csv",
        header=[cell.strip() for cell in header],
        header_line=header_line,
        columns=[column.take(body) for column in columns],
        line_numbers=body + 1,
    )


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
        return _table_from_rows(file_name, file_format, *_xlsx_records(data, file_name))
    text, utf8 = _decode(data, file_name)
    delimiter = _choose_delimiter(text)
    _check_csv_shape(text, delimiter, file_name)
    if len(data) >= columnar_min_bytes():
        columns = _columnar_csv(text, utf8, delimiter)
        if columns is not None:
            return _table_from_columns(file_name, columns)
    return _table_from_rows(file_name, file_format, *_csv_records(text, file_name))
