"""Second step of the flow: a RawTable -> canonical records, or every problem with line and column.

Validation runs in bulk, so that a file of a million rows takes about a second:

- a check that depends only on a cell's text runs once per distinct text of its column (a
  CodedColumn: codes into the distinct texts), and its answer is spread over the rows with numpy;
- rules that combine cells (required, a totals row, a ministry that did not exist that year, link
  keys, zero rows) are numpy operations over whole columns;
- a problem becomes a message only when it is reported: the first MELDINGEN_MAX_ERRORS by line
  and column, the order in which they are listed.

The rules, their order (a cell reports its first problem only) and the messages are the data
contract's (docs/data-contract.md); tests/etl holds them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from base.reference import ministry_by_code
from etl import contract
from etl.contract import FTE_FILE, MEASURES_FILE, REPORT_FILE
from etl.problems import FileRejected, Problem
from etl.reading import CodedColumn, RawTable, read_table

DEFAULT_MAX_PROBLEMS = 200
EARLIEST_YEAR = 1990
MAX_COUNT_PER_ROW = 100_000

EXCEL_ERRORS = frozenset(
    {
        "#N/B", "#N/A", "#REF!", "#VERW!", "#DEEL/0!", "#DIV/0!", "#WAARDE!", "#VALUE!", "#NAAM?",
        "#NAME?", "#GETAL!", "#NUM!", "#LEEG!", "#NULL!", "#OVERLOOP!", "#SPILL!", "#BEREKENEN!",
        "#CALC!", "#GEGEVENS_OPHALEN", "#GETTING_DATA",
    }
)  # fmt: skip
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
FORMULA_START = re.compile(r"^(?:=|@|\+(?!\d)|-(?![\d\s]))")
NEGATIVE_NUMBER_START = re.compile(r"^-\d")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"^(?:\+31|0031|0)[\s\-]?(?:\(0\))?[\s\-]?[1-9](?:[\s\-]?\d){8}$")
NINE_DIGITS = re.compile(r"^\d{9}$")
# An IBAN: country, two check digits, the account; spaces between groups of four are dropped first.
IBAN = re.compile(r"^([A-Z]{2})(\d{2})([A-Z0-9]{11,30})$", re.ASCII)
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
    "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MA": 28, "MC": 27, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15,
    "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "TR": 26, "UA": 29, "VA": 22,
}  # fmt: skip
# Digits are ASCII digits: Python's \d also takes '２０２４' or '٣', which pandas cannot convert
# (the row would pass with an empty year or count).
WHOLE_NUMBER = re.compile(r"^\d+$", re.ASCII)
FOUR_DIGIT_YEAR = re.compile(r"^\d{4}$", re.ASCII)
FTE_NUMBER = re.compile(r"^\d+(?:[.,]\d{1,2})?$", re.ASCII)

# Pre-filters over many distinct texts at once (RE2 in pyarrow); each only rules texts OUT of a
# check whose Python rule could never hold for them, so the Python rule still decides:
# - personal data needs an '@' (e-mail), no letter at all (phone number, BSN) or to start like an
#   IBAN (two letters, two digits);
# - a totals-row marker (totaal, sum, ...) holds no digit, and normalising a text keeps digits.
ASCII_LETTER = "[A-Za-z]"
ASCII_DIGIT = "[0-9]"
CONTROL_CHARACTERS_RE2 = "[\\x00-\\x08\\x0b-\\x1f\\x7f]"
IBAN_START_RE2 = "^\\s*[A-Za-z]{2}[0-9]{2}"
BULK_FILTER_MIN = 256  # fewer distinct texts than this: plain Python is quicker


def max_problems() -> int:
    return int(os.environ.get("MELDINGEN_MAX_ERRORS", DEFAULT_MAX_PROBLEMS))


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


# The account part (BBAN) of the countries whose IBANs a Dutch government export may hold, after
# the SWIFT IBAN registry. Length and check digits alone are not enough: one random pseudonymous
# link key in 97 of the right length passes mod 97 (the bench's million-row export had one), so an
# IBAN counts only when its account part also has its country's structure.
IBAN_ACCOUNT = {
    country: re.compile(pattern, re.ASCII)
    for country, pattern in {
        "NL": r"[A-Z]{4}\d{10}", "BE": r"\d{12}", "DE": r"\d{18}", "FR": r"\d{10}[A-Z0-9]{11}\d{2}",
        "GB": r"[A-Z]{4}\d{14}", "IE": r"[A-Z]{4}\d{14}", "LU": r"\d{3}[A-Z0-9]{13}",
        "ES": r"\d{20}", "IT": r"[A-Z]\d{10}[A-Z0-9]{12}", "AT": r"\d{16}", "CH": r"\d{5}[A-Z0-9]{12}",
        "PL": r"\d{24}", "PT": r"\d{21}", "DK": r"\d{14}", "SE": r"\d{20}", "NO": r"\d{11}",
        "FI": r"\d{14}", "TR": r"\d{6}[A-Z0-9]{16}", "MA": r"\d{24}",
    }.items()
}  # fmt: skip


def is_iban(value: str) -> bool:
    """An IBAN of a known country, length and account structure whose check digits hold (ISO
    13616: mod 97 is 1)."""
    compact = value.replace(" ", "").upper()
    match = IBAN.match(compact)
    if not match or IBAN_LENGTHS.get(match.group(1)) != len(compact):
        return False
    account = IBAN_ACCOUNT.get(match.group(1))
    if account is None or not account.fullmatch(match.group(3)):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def personal_data_kind(value: str) -> str | None:
    """'email', 'phone', 'bsn' or 'iban' when a value looks like personal data, else None."""
    if "@" in value and EMAIL.search(value):
        return "email"
    compact = value.strip()
    if PHONE.match(compact):
        return "phone"
    if NINE_DIGITS.match(compact) and passes_eleven_test(compact):
        return "bsn"
    if len(compact) >= 15 and compact[:2].isalpha() and is_iban(compact):
        return "iban"
    return None


@dataclass
class ValidationResult:
    file_name: str
    file_kind: str | None
    records: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return not self.problems and self.records is not None


# --- distinct texts ------------------------------------------------------------------------------


def _per_unique(
    values: CodedColumn,
    function: Callable[[str], object],
    only: np.ndarray | None = None,
    dtype: type = object,
) -> np.ndarray:
    """function(text) for every distinct text of a column (where `only`; None or False elsewhere)."""
    uniques = values.uniques
    result = (
        np.empty(len(uniques), dtype=object) if dtype is object else np.zeros(len(uniques), dtype)
    )
    indices = range(len(uniques)) if only is None else np.flatnonzero(only).tolist()
    for index in indices:
        result[index] = function(uniques[index])
    return result


def _rows(values: CodedColumn, per_unique: np.ndarray) -> np.ndarray:
    return per_unique[values.codes]


def _present(per_unique: np.ndarray) -> np.ndarray:
    """True where an object array holds a value (not None)."""
    return np.fromiter((v is not None for v in per_unique), dtype=bool, count=len(per_unique))


def _ids(values: CodedColumn, per_unique: np.ndarray) -> np.ndarray:
    """Per row a small integer that is equal exactly where the per-unique values are equal."""
    index: dict[object, int] = {}
    ids = np.fromiter(
        (index.setdefault(v, len(index)) for v in per_unique), dtype=np.int64, count=len(per_unique)
    )
    return ids[values.codes]


def _is(values: CodedColumn, predicate: Callable[[str], bool]) -> np.ndarray:
    """Row mask: predicate(text) of each row's text."""
    per_unique = np.fromiter(
        (bool(predicate(u)) for u in values.uniques), dtype=bool, count=len(values.uniques)
    )
    return per_unique[values.codes]


def _empty(values: CodedColumn) -> np.ndarray:
    """Row mask: the cell is the empty text."""
    return (values.unique_array() == "")[values.codes]


def _bulk_match(uniques: list[str], pattern: str) -> np.ndarray | None:
    """RE2 search of `pattern` in every distinct text, or None (then Python decides for all)."""
    if len(uniques) < BULK_FILTER_MIN:
        return None
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        found = pc.match_substring_regex(pa.array(uniques, type=pa.string()), pattern)
        return found.to_numpy(zero_copy_only=False).astype(bool)
    except Exception:  # pragma: no cover - a text pyarrow cannot hold: fall back to Python
        return None


def _to_numeric(values: CodedColumn, usable: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """pd.to_numeric(column.where(usable), errors='coerce') without converting every row.

    The distinct texts used by usable rows are converted together (with a missing value when some
    rows are not usable), so each number is what converting the whole column gives: pandas picks
    one type for the column from the set of values. Returns the numbers per distinct text (in that
    type) and per row as float64 (NaN where not usable).
    """
    used = np.zeros(len(values.uniques), dtype=bool)
    used[values.codes[usable]] = True
    indices = np.flatnonzero(used)
    texts = [values.uniques[i] for i in indices]
    if not usable.all():
        texts.append(np.nan)
    converted = pd.to_numeric(pd.Series(texts, dtype=object), errors="coerce").to_numpy()
    per_unique = np.full(len(values.uniques), np.nan, dtype=object)
    per_unique[indices] = converted[: len(indices)]
    as_float = np.full(len(values.uniques), np.nan)
    as_float[indices] = converted[: len(indices)].astype(float)
    rows = as_float[values.codes]
    rows[~usable] = np.nan
    return per_unique, rows


# --- problems ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    code: str
    column: str
    position: int | None
    rows: np.ndarray
    params: Callable[[int], dict[str, object]] | None


class _Collector:
    """Gathers problems and remembers which cells already have one, so each cell reports once.

    A problem is kept as (check, rows); its message parameters are only computed for the problems
    that are reported (see _capped).
    """

    def __init__(self, file_name: str, lines: np.ndarray):
        self.file_name = file_name
        self.lines = lines
        self.found: list[_Found] = []
        self.bad: dict[str, np.ndarray] = {}
        self._none = np.zeros(len(lines), dtype=bool)

    def add_cells(
        self,
        code: str,
        column: str,
        position: int | None,
        mask: np.ndarray,
        params: Callable[[int], dict[str, object]] | None = None,
    ) -> None:
        mask = np.asarray(mask, dtype=bool) & ~self.bad_mask(column)
        rows = np.flatnonzero(mask)
        if len(rows):
            self.found.append(_Found(code, column, position, rows, params))
        self.bad[column] = self.bad_mask(column) | mask

    def bad_mask(self, column: str) -> np.ndarray:
        return self.bad.get(column, self._none)

    def row_has_problem(self) -> np.ndarray:
        combined = self._none.copy()
        for mask in self.bad.values():
            combined |= mask
        return combined

    def count(self) -> int:
        return sum(len(found.rows) for found in self.found)


def _capped(
    problems: list[Problem], file_name: str, found: _Collector | None = None
) -> list[Problem]:
    """All problems ordered by (line, column), first come first within a cell; at most the cap.

    `problems` come before `found` where line and column are equal, as they were found first.
    """
    limit = max_problems()
    batches = found.found if found is not None else []
    total = len(problems) + sum(len(batch.rows) for batch in batches)
    lines = [np.array([p.line or 0 for p in problems], dtype=np.int64)]
    columns = [np.array([p.column_number or 0 for p in problems], dtype=np.int64)]
    for batch in batches:
        lines.append(found.lines[batch.rows].astype(np.int64))
        columns.append(np.full(len(batch.rows), batch.position or 0, dtype=np.int64))
    sequence = np.arange(total)
    order = np.lexsort((sequence, np.concatenate(columns), np.concatenate(lines)))
    chosen = order[:limit] if total > limit else order
    starts = np.cumsum([len(problems), *(len(batch.rows) for batch in batches)])
    result: list[Problem] = []
    for item in chosen.tolist():
        if item < len(problems):
            result.append(problems[item])
            continue
        which = int(np.searchsorted(starts, item, side="right")) - 1
        batch = batches[which]
        row = int(batch.rows[item - starts[which]])
        result.append(
            Problem(
                batch.code,
                file_name,
                line=int(found.lines[row]),
                column_number=batch.position,
                column_name=batch.column,
                params=batch.params(row) if batch.params else {},
            )
        )
    if total > limit:
        result.append(Problem("file.too_many_errors", file_name, params={"limit": limit}))
    return result


# --- header and shape ----------------------------------------------------------------------------


def _column_has_values(table: RawTable, number: int) -> bool:
    if table.columns is not None:
        return bool(_is(table.columns[number - 1], lambda v: bool(v.strip())).any())
    return any(number <= len(row) and row[number - 1].strip() for row in table.rows)


def _column_texts(table: RawTable, number: int) -> set[str]:
    """The distinct non-empty texts of a column (1-based), stripped."""
    if table.columns is not None:
        texts = table.columns[number - 1].uniques
    else:
        texts = [row[number - 1] for row in table.rows if number <= len(row)]
    return {t.strip() for t in texts if t.strip()}


def _file_kind(table: RawTable, problems: list[Problem]) -> str | None:
    """Which kind of file the header (and, where only that tells, the 'soort' column) says.

    A reports file has a channel or a category column; a measures file a column only measures
    have (deelnemers, maatregel, ...); an fte file an fte column. 'soort' and 'type' name the
    category of a report and the kind of a measure alike: a file whose only telling column is one
    of those is decided by its words (categories of reports or kinds of measure). A file that
    says both, or whose words do not tell, gets a problem rather than a guess.
    """
    report_columns: list[str] = []
    measure_columns: list[str] = []
    shared: list[int] = []
    for number, header in enumerate(table.header, start=1):
        token = contract.normalise_token(header)
        as_report = contract.REPORT_HEADER_INDEX.get(token)
        as_measure = contract.MEASURE_HEADER_INDEX.get(token)
        if as_report in ("kanaal", "categorie") and as_measure is None:
            report_columns.append(as_report)
        elif as_measure is not None and as_report is None:
            measure_columns.append(as_measure)
        elif as_report == "categorie" and as_measure == "soort":
            shared.append(number)
    at = {"line": table.header_line}
    if report_columns and measure_columns:
        params = {
            "report_columns": ", ".join(dict.fromkeys(report_columns)),
            "measure_columns": ", ".join(dict.fromkeys(measure_columns)),
        }
        problems.append(Problem("file.ambiguous_kind", table.file_name, params=params, **at))
        return None
    if report_columns:
        return REPORT_FILE
    if measure_columns:
        return MEASURES_FILE
    if "fte" in [contract.canonical_header(h, FTE_FILE) for h in table.header]:
        return FTE_FILE
    if not shared:
        problems.append(Problem("file.unknown_kind", table.file_name, **at))
        return None
    words = {contract.normalise_token(t) for n in shared for t in _column_texts(table, n)}
    as_measures = bool(words & contract.MEASURE_KIND_ALIASES.keys())
    as_reports = bool(words & contract.CATEGORY_ALIASES.keys())
    if as_measures and not as_reports:
        return MEASURES_FILE
    if as_reports and not as_measures:
        return REPORT_FILE
    params = {"kinds": ", ".join(contract.MEASURE_KINDS)}
    problems.append(Problem("file.kind_undecided", table.file_name, params=params, **at))
    return None


def _check_header(table: RawTable, problems: list[Problem]) -> tuple[str | None, dict[str, int]]:
    """Map header cells to canonical names; return the file kind and canonical -> position."""
    kind = _file_kind(table, problems)
    if kind is None:
        return None, {}
    names = [contract.canonical_header(h, kind) for h in table.header]
    columns = contract.COLUMNS_OF[kind]
    positions: dict[str, int] = {}
    for number, (header, name) in enumerate(zip(table.header, names, strict=True), start=1):
        where = {"line": table.header_line, "column_number": number, "column_name": header}
        # A header that is no word of the contract may itself be personal data (a name, an
        # e-mail address): its problem names the column by position only, never by its text.
        position = {"line": table.header_line, "column_number": number}
        if not header:
            if _column_has_values(table, number):
                problems.append(Problem("header.empty", table.file_name, **where))
        elif contract.looks_like_personal_data_header(header):
            problems.append(Problem("header.personal_data", table.file_name, **where))
        elif (personal := personal_data_kind(header)) is not None:
            problems.append(
                Problem(
                    "header.personal_value",
                    table.file_name,
                    params={"kind": personal},
                    **position,
                )
            )
        elif name is None:
            known = ", ".join(c.name for c in columns)
            problems.append(
                Problem("header.unknown", table.file_name, params={"known": known}, **position)
            )
        elif name in positions:
            problems.append(
                Problem(
                    "header.duplicate",
                    table.file_name,
                    params={"column": name, "first_column": positions[name]},
                    **where,
                )
            )
        else:
            positions[name] = number
    for column in columns:
        if column.required and column.name not in positions:
            problems.append(
                Problem(
                    "header.missing",
                    table.file_name,
                    line=table.header_line,
                    params={"column": column.name},
                )
            )
    return kind, positions


Frame = dict[str, CodedColumn]


def _frame(
    table: RawTable, positions: dict[str, int], problems: list[Problem]
) -> tuple[Frame, np.ndarray]:
    """The columns the contract knows, by canonical name, and the line of each row."""
    if table.columns is not None:
        # The columnar reader only hands over tables whose rows are exactly as wide as the header.
        frame = {name: table.columns[number - 1] for name, number in positions.items()}
        return frame, table.line_numbers
    width = len(table.header)
    kept_rows: list[list[str]] = []
    kept_lines: list[int] = []
    for line, row in zip(table.lines, table.rows, strict=True):
        too_many = len(row) > width and any(cell.strip() for cell in row[width:])
        too_few = len(row) < width and table.file_format == "csv"
        if too_many or too_few:
            # Point at the first field that is extra, or the first that is missing.
            first_off = width + 1 if too_many else len(row) + 1
            problems.append(
                Problem(
                    "structure.field_count",
                    table.file_name,
                    line=line,
                    column_number=first_off,
                    column_name=table.header[first_off - 1] if first_off <= width else "",
                    params={"found": len(row), "expected": width},
                )
            )
            continue
        kept_rows.append(row)
        kept_lines.append(line)
    frame = {
        name: CodedColumn.from_cells(row[p - 1] if p <= len(row) else "" for row in kept_rows)
        for name, p in positions.items()
    }
    return frame, np.asarray(kept_lines, dtype=np.int64)


def _constant(rows: int, text: str = "") -> CodedColumn:
    return CodedColumn(np.zeros(rows, dtype=np.int64), [text])


# --- cells of any column -------------------------------------------------------------------------


def _personal_kinds(values: CodedColumn) -> np.ndarray:
    with_at = _bulk_match(values.uniques, "@")
    with_letter = _bulk_match(values.uniques, ASCII_LETTER)
    iban_start = _bulk_match(values.uniques, IBAN_START_RE2)
    only = (
        None
        if with_at is None or with_letter is None or iban_start is None
        else with_at | ~with_letter | iban_start
    )
    return _per_unique(values, personal_data_kind, only)


def _control_characters(values: CodedColumn) -> np.ndarray:
    found = _bulk_match(values.uniques, CONTROL_CHARACTERS_RE2)
    if found is None:
        return _per_unique(values, lambda v: CONTROL_CHARACTERS.search(v) is not None, dtype=bool)
    return found


def _is_formula(text: str) -> bool:
    return bool(FORMULA_START.search(text)) and not NEGATIVE_NUMBER_START.match(text)


def _total_markers(stripped: CodedColumn) -> np.ndarray:
    with_digit = _bulk_match(stripped.uniques, ASCII_DIGIT)
    return _per_unique(
        stripped,
        lambda v: contract.normalise_token(v) in contract.TOTAL_ROW_MARKERS,
        None if with_digit is None else ~with_digit,
        dtype=bool,
    )


def _check_generic_cells(frame: Frame, positions: dict[str, int], found: _Collector) -> Frame:
    """Problems any cell can have: control characters, Excel errors, formulas, personal data.

    Returns the columns with every cell stripped of surrounding whitespace.
    """
    total_rows = np.zeros(len(found.lines), dtype=bool)
    stripped_frame: Frame = {}
    for column, position in positions.items():
        values = frame[column]
        personal = _personal_kinds(values)
        found.add_cells(
            "value.personal_data",
            column,
            position,
            _rows(values, _present(personal)),
            lambda row, values=values, personal=personal: {"kind": personal[values.codes[row]]},
        )
        found.add_cells(
            "structure.control_character",
            column,
            position,
            _rows(values, _control_characters(values)),
            lambda row, values=values: {
                "code": f"0x{ord(CONTROL_CHARACTERS.search(values.cell(row)).group()):02X}"
            },
        )
        stripped = CodedColumn(values.codes, [v.strip() for v in values.uniques])
        found.add_cells(
            "value.excel_error",
            column,
            position,
            _is(stripped, lambda v: "#" in v and v.upper() in EXCEL_ERRORS),
            lambda row, stripped=stripped: {"value": stripped.cell(row)},
        )
        found.add_cells(
            "value.formula",
            column,
            position,
            _is(stripped, lambda v: v[:1] in ("=", "@", "+", "-") and _is_formula(v)),
            lambda row, stripped=stripped: {"first": stripped.cell(row)[0]},
        )
        total = _rows(stripped, _total_markers(stripped))
        found.add_cells(
            "value.total_row",
            column,
            position,
            total,
            lambda row, stripped=stripped: {"value": stripped.cell(row)},
        )
        stripped_frame[column] = stripped
        total_rows |= total
    # A totals row is one mistake, not one per empty cell in it.
    for column in positions:
        found.bad[column] = found.bad_mask(column) | total_rows
    return stripped_frame


# --- the columns of the contract -----------------------------------------------------------------


def _required(
    frame: Frame,
    column: str,
    position: int | None,
    found: _Collector,
    mask: np.ndarray | None = None,
) -> np.ndarray:
    empty = _empty(frame[column])
    if mask is not None:
        empty &= mask
    found.add_cells("value.required", column, position, empty)
    return empty


def _year_values(frame: Frame, position: int, found: _Collector, today: dt.date) -> np.ndarray:
    """Year per row as float (NaN where the year cell has a problem)."""
    values = frame["jaar"]
    _required(frame, "jaar", position, found)
    four_digits = _is(values, lambda v: FOUR_DIGIT_YEAR.match(v) is not None)
    found.add_cells(
        "value.year_invalid",
        "jaar",
        position,
        ~four_digits & ~_empty(values),
    )
    per_text, years = _to_numeric(values, four_digits)
    found.add_cells(
        "value.year_future",
        "jaar",
        position,
        years > today.year,
        lambda row: {"value": int(per_text[values.codes[row]]), "current": today.year},
    )
    found.add_cells(
        "value.year_too_early",
        "jaar",
        position,
        years < EARLIEST_YEAR,
        lambda row: {"value": int(per_text[values.codes[row]]), "earliest": EARLIEST_YEAR},
    )
    return np.where(found.bad_mask("jaar"), np.nan, years)


@dataclass(frozen=True)
class _Mapped:
    """A canonical value (or None) per distinct text of a column."""

    values: CodedColumn
    per_unique: np.ndarray

    def rows(self) -> np.ndarray:
        return self.per_unique[self.values.codes]

    def ids(self) -> np.ndarray:
        return _ids(self.values, self.per_unique)


def _department_codes() -> str:
    """The codes a department cell may hold (ours, so a message may list them)."""
    return ", ".join(code for code in ministry_by_code() if code != contract.OUT_OF_SECTOR_CODE)


def _department_values(
    frame: Frame, position: int, years: np.ndarray, found: _Collector
) -> tuple[np.ndarray, _Mapped]:
    """Ministry code per row (None where the department cell has a problem), and per text."""
    values = frame["departement"]
    _required(frame, "departement", position, found)
    code_of_text = _per_unique(values, lambda v: contract.resolve_department(v) if v else None)
    codes = _rows(values, code_of_text)
    resolved = _rows(values, _present(code_of_text))
    found.add_cells(
        "value.department_unknown",
        "departement",
        position,
        ~resolved & ~_empty(values),
        lambda row: {"codes": _department_codes()},
    )
    found.add_cells(
        "value.department_defence",
        "departement",
        position,
        _rows(values, code_of_text == contract.OUT_OF_SECTOR_CODE),
    )
    by_code = ministry_by_code()

    # Did the ministry exist in that year: once per distinct (text, year) pair.
    checkable = resolved & ~np.isnan(years)
    out_of_period = np.zeros(len(values), dtype=bool)
    if checkable.any():
        pair = values.codes[checkable].astype(np.int64) * 10_000 + years[checkable].astype(np.int64)
        pairs, which = np.unique(pair, return_inverse=True)
        invalid = np.fromiter(
            (
                code in by_code and not by_code[code].exists_in_year(year)
                for code, year in ((code_of_text[p // 10_000], int(p % 10_000)) for p in pairs)
            ),
            dtype=bool,
            count=len(pairs),
        )
        out_of_period[checkable] = invalid[which]

    def period_params(row: int) -> dict[str, object]:
        ministry = by_code[codes[row]]
        start = ministry.valid_from.isoformat() if ministry.valid_from else "…"
        end = ministry.valid_to.isoformat() if ministry.valid_to else "…"
        successors = ministry.successor_codes
        return {
            "code": ministry.code,
            "year": int(years[row]),
            "period": f"{start} – {end}",
            "successors": f": {', '.join(successors)}" if successors else "",
        }

    found.add_cells(
        "value.department_not_in_year", "departement", position, out_of_period, period_params
    )
    return np.where(found.bad_mask("departement"), None, codes), _Mapped(values, code_of_text)


def _vocabulary_values(
    frame: Frame,
    column: str,
    position: int | None,
    aliases: dict[str, str],
    code: str,
    allowed: tuple[str, ...],
    found: _Collector,
) -> _Mapped:
    """The canonical word of each text (None where empty or unknown)."""
    values = frame[column]
    mapped = _per_unique(values, lambda v: aliases.get(contract.normalise_token(v)) if v else None)
    unknown = ~_rows(values, _present(mapped)) & ~_empty(values)
    found.add_cells(
        code,
        column,
        position,
        unknown,
        lambda row: {"allowed": ", ".join(allowed)},
    )
    return _Mapped(values, mapped)


def _link_key_valid(link_keys: CodedColumn) -> np.ndarray:
    # The texts are stripped, so '$' cannot match before a final newline: RE2 and re agree.
    valid = _bulk_match(link_keys.uniques, contract.LINK_KEY_PATTERN.pattern)
    if valid is None:
        return _per_unique(
            link_keys, lambda v: contract.LINK_KEY_PATTERN.match(v) is not None, dtype=bool
        )
    return valid


def _count_problem(value: str) -> str:
    if "<" in value or ">" in value:
        return "value.count_suppressed"
    if re.match(r"^-\s*\d", value):
        return "value.count_negative"
    if re.match(r"^[\d.,]+[eE][+-]?\d+$", value):
        return "value.count_scientific"
    if re.match(r"^[\d.,]+$", value):
        return "value.count_decimal"
    return "value.count_not_number"


def _count_values(frame: Frame, positions: dict[str, int], found: _Collector) -> np.ndarray:
    """Count per row as float (1 where empty, NaN where not a whole number)."""
    rows = len(found.lines)
    if "aantal" not in positions:
        return np.ones(rows)
    position = positions["aantal"]
    values = frame["aantal"]
    whole_text = _per_unique(values, lambda v: WHOLE_NUMBER.match(v) is not None, dtype=bool)
    empty_text = _per_unique(values, lambda v: v == "", dtype=bool)
    kinds = _per_unique(values, _count_problem, ~whole_text & ~empty_text)
    kind_rows = _rows(values, kinds)
    for code in sorted({kinds[i] for i in np.unique(values.codes)} - {None}):
        found.add_cells(code, "aantal", position, kind_rows == code)
    _, counts = _to_numeric(values, _rows(values, whole_text))
    found.add_cells(
        "value.count_too_large",
        "aantal",
        position,
        counts > MAX_COUNT_PER_ROW,
        lambda row: {"limit": MAX_COUNT_PER_ROW},
    )
    return np.where(_rows(values, empty_text), 1.0, counts)


def _validate_reports(
    frame: Frame, lines: np.ndarray, positions: dict[str, int], found: _Collector, today: dt.date
) -> Callable[[], pd.DataFrame]:
    """Check a reports file; returns how to build its records (only needed when it is accepted)."""
    for optional in (
        "betreft_discriminatie",
        "grond",
        "uitkomst",
        "organisatie",
        "aantal",
        "koppelsleutel",
    ):
        if optional not in frame:
            frame[optional] = _constant(len(lines))
    p = positions.get
    years = _year_values(frame, p("jaar"), found, today)
    departments, department_texts = _department_values(frame, p("departement"), years, found)
    channels = _vocabulary_values(
        frame, "kanaal", p("kanaal"), contract.CHANNEL_ALIASES, "value.channel_unknown",
        contract.CHANNELS, found,
    )  # fmt: skip
    _required(frame, "kanaal", p("kanaal"), found)
    counts = _count_values(frame, positions, found)
    categories = _vocabulary_values(
        frame, "categorie", p("categorie"), contract.CATEGORY_ALIASES, "value.category_unknown",
        contract.CATEGORIES, found,
    )  # fmt: skip
    # A zero row says 'none this year for this channel' and needs no category.
    _required(frame, "categorie", p("categorie"), found, mask=counts != 0)
    concerns = _vocabulary_values(
        frame, "betreft_discriminatie", p("betreft_discriminatie"), contract.CONCERNS_ALIASES,
        "value.concerns_unknown", contract.CONCERNS_DISCRIMINATION, found,
    )  # fmt: skip
    is_discrimination = np.fromiter(
        (c in contract.DISCRIMINATION_CATEGORIES for c in categories.per_unique), dtype=bool
    )
    default_concerns = np.where(_rows(categories.values, is_discrimination), "ja", "nee")
    concerns_rows = np.where(
        _empty(frame["betreft_discriminatie"]), default_concerns.astype(object), concerns.rows()
    )
    grounds = _vocabulary_values(
        frame, "grond", p("grond"), contract.GROUND_ALIASES, "value.ground_unknown",
        contract.GROUNDS, found,
    )  # fmt: skip
    outcomes = _vocabulary_values(
        frame, "uitkomst", p("uitkomst"), contract.OUTCOME_ALIASES, "value.outcome_unknown",
        contract.OUTCOMES, found,
    )  # fmt: skip
    organisations = frame["organisatie"]
    if "organisatie" in positions:
        too_long = _is(organisations, lambda v: len(v) > contract.ORGANISATION_MAX_LENGTH)
        found.add_cells(
            "value.organisation_too_long", "organisatie", p("organisatie"), too_long,
            lambda row: {"limit": contract.ORGANISATION_MAX_LENGTH},
        )  # fmt: skip
    link_keys = frame["koppelsleutel"]
    keyed = ~_empty(link_keys)
    if "koppelsleutel" in positions:
        position = p("koppelsleutel")
        valid_key = _rows(link_keys, _link_key_valid(link_keys))
        found.add_cells("value.link_key_invalid", "koppelsleutel", position, keyed & ~valid_key)
        found.add_cells("value.link_key_count", "koppelsleutel", position, keyed & (counts != 1))
    # Link keys compare case-insensitively: one code per distinct lower-case key.
    lower = [key.lower() for key in link_keys.uniques]
    lower_index: dict[str, int] = {}
    lower_code = np.fromiter(
        (lower_index.setdefault(key, len(lower_index)) for key in lower), np.int64, len(lower)
    )
    channel_rows = channels.rows()
    _check_report_keys(
        lines, departments, department_texts.ids(), years, channel_rows, channels.ids(), counts,
        keyed, lower_code[link_keys.codes], found, positions,
    )  # fmt: skip

    def records() -> pd.DataFrame:
        organisation_text = np.array([v or None for v in organisations.uniques] + [None], object)
        lower_text = np.array([*lower_index, None], dtype=object)
        return pd.DataFrame(
            {
                "line": lines.astype(np.int64),
                "department": _text(departments),
                "year": years,
                "channel": _text(channel_rows),
                "category": _text(categories.rows()),
                "concerns_discrimination": _text(concerns_rows),
                "ground": _text(grounds.rows()),
                "outcome": _text(outcomes.rows()),
                "organisation": _text(organisation_text[:-1][organisations.codes]),
                "link_key": _text(np.where(keyed, lower_text[lower_code[link_keys.codes]], None)),
                "count": counts,
            },
            copy=False,  # one block per column: no copy of a million rows into a 2-D block
        )

    return records


def _text(cells: np.ndarray) -> pd.Series:
    """A text column of the records: Python strings, None where missing.

    Kept as objects: converting a million cells to pandas' arrow-backed 'str' costs more than it
    saves when DuckDB reads the column in etl/loading.py.
    """
    return pd.Series(cells, dtype=object)


def _first_and_second(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per row: its group, and per group: the first row, the second row (or the first), the size.

    Groups are equal keys, numbered in order of first appearance; 'first' and 'second' in row order.
    """
    group_of_row, groups = pd.factorize(keys)
    sizes = np.bincount(group_of_row, minlength=len(groups))
    repeated = pd.Series(group_of_row).duplicated().to_numpy()
    first = np.flatnonzero(~repeated)  # the k-th first appearance is group k
    second = first.copy()
    later = np.flatnonzero(repeated)
    if len(later):
        later_groups = group_of_row[later]
        second_of_group = ~pd.Series(later_groups).duplicated().to_numpy()
        second[later_groups[second_of_group]] = later[second_of_group]
    return group_of_row, first, second, sizes


def _check_report_keys(
    lines: np.ndarray,
    departments: np.ndarray,
    department_ids: np.ndarray,
    years: np.ndarray,
    channels: np.ndarray,
    channel_ids: np.ndarray,
    counts: np.ndarray,
    keyed: np.ndarray,
    link_key_codes: np.ndarray,
    found: _Collector,
    positions: dict[str, int],
) -> None:
    """Among rows without problems: a link key twice in one scope, a zero row among other rows."""
    usable = np.flatnonzero(~found.row_has_problem())
    if not len(usable):
        return
    # Rows without problems have a department, a year and a channel: one integer per scope.
    channel_count = int(channel_ids.max()) + 1
    scope = (
        department_ids[usable] * 10_000 + years[usable].astype(np.int64)
    ) * channel_count + channel_ids[usable]

    with_key = keyed[usable]
    if with_key.any():
        rows = usable[with_key]
        key = scope[with_key] * (int(link_key_codes.max()) + 1) + link_key_codes[rows]
        group_of_row, first, _, _ = _first_and_second(key)
        duplicate = np.zeros(len(lines), dtype=bool)
        duplicate[rows] = np.arange(len(rows)) != first[group_of_row]
        first_key_line = np.zeros(len(lines), dtype=np.int64)
        first_key_line[rows] = lines[rows[first[group_of_row]]]
        found.add_cells(
            "value.link_key_duplicate", "koppelsleutel", positions.get("koppelsleutel"),
            duplicate, lambda row, first_key_line=first_key_line: {
                "first_line": int(first_key_line[row])
            },
        )  # fmt: skip

    group_of_row, first, second, sizes = _first_and_second(scope)
    conflict = (counts[usable] == 0) & (sizes[group_of_row] > 1)
    if conflict.any():
        mask = np.zeros(len(lines), dtype=bool)
        mask[usable[conflict]] = True
        second_line = np.zeros(len(lines), dtype=np.int64)
        first_scope_line = np.zeros(len(lines), dtype=np.int64)
        second_line[usable] = lines[usable[second[group_of_row]]]
        first_scope_line[usable] = lines[usable[first[group_of_row]]]

        def conflict_params(row: int) -> dict[str, object]:
            other = second_line[row] if second_line[row] != lines[row] else first_scope_line[row]
            return {
                "department": departments[row],
                "year": int(years[row]),
                "channel": channels[row],
                "other_line": int(other),
            }

        found.add_cells(
            "value.zero_row_conflict", "aantal", positions.get("aantal"), mask, conflict_params
        )


def _validate_fte(
    frame: Frame, lines: np.ndarray, positions: dict[str, int], found: _Collector, today: dt.date
) -> Callable[[], pd.DataFrame]:
    if "medewerkers" not in frame:
        frame["medewerkers"] = _constant(len(lines))
    years = _year_values(frame, positions["jaar"], found, today)
    departments, _ = _department_values(frame, positions["departement"], years, found)
    _required(frame, "fte", positions["fte"], found)
    # Fte files hold a few rows per year: plain pandas, as each value converts.
    fte_text = pd.Series(frame["fte"].cells(), dtype=object)
    valid_fte = fte_text.str.match(FTE_NUMBER).to_numpy(dtype=bool)
    found.add_cells(
        "value.fte_invalid", "fte", positions["fte"], ~valid_fte & (fte_text != "").to_numpy(),
    )  # fmt: skip
    fte = pd.to_numeric(
        fte_text.where(valid_fte).str.replace(",", ".", regex=False), errors="coerce"
    )
    employees_text = pd.Series(frame["medewerkers"].cells(), dtype=object)
    employees_ok = (employees_text.str.match(WHOLE_NUMBER) | (employees_text == "")).to_numpy(
        dtype=bool
    )
    if "medewerkers" in positions:
        found.add_cells(
            "value.employees_invalid", "medewerkers", positions["medewerkers"], ~employees_ok,
        )  # fmt: skip
    employees = pd.to_numeric(
        employees_text.where(employees_ok & (employees_text != "")), errors="coerce"
    )
    records = pd.DataFrame(
        {
            "line": lines.astype(np.int64),
            "department": departments,
            "year": years,
            "fte": fte,
            "employees": employees,
        }
    )
    clean = records[~found.row_has_problem()]
    duplicated = clean.duplicated(["department", "year"], keep="first")
    if duplicated.any():
        first_lines = clean.groupby(["department", "year"])["line"].transform("min")
        mask = np.zeros(len(records), dtype=bool)
        mask[duplicated[duplicated].index] = True
        found.add_cells(
            "value.fte_duplicate", "departement", positions["departement"], mask,
            lambda row: {
                "department": records.at[row, "department"],
                "year": int(records.at[row, "year"]),
                "first_line": int(first_lines[row]),
            },
        )  # fmt: skip
    return lambda: records


def _whole_numbers(values: CodedColumn) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row masks (whole number, negative number, empty) and the number per row (NaN elsewhere)."""
    whole = _rows(
        values, _per_unique(values, lambda v: WHOLE_NUMBER.match(v) is not None, dtype=bool)
    )
    negative = _is(values, lambda v: re.match(r"^-\s*\d", v) is not None)
    empty = _empty(values)
    _, numbers = _to_numeric(values, whole)
    return whole, negative, empty, numbers


def _validate_measures(
    frame: Frame, lines: np.ndarray, positions: dict[str, int], found: _Collector, today: dt.date
) -> Callable[[], pd.DataFrame]:
    """Check a measures file; returns how to build its records (only needed when it is accepted)."""
    for optional in ("deelnemers", "organisatie"):
        if optional not in frame:
            frame[optional] = _constant(len(lines))
    p = positions.get
    years = _year_values(frame, p("jaar"), found, today)
    departments, _ = _department_values(frame, p("departement"), years, found)
    kinds = _vocabulary_values(
        frame, "soort", p("soort"), contract.MEASURE_KIND_ALIASES, "value.measure_kind_unknown",
        contract.MEASURE_KINDS, found,
    )  # fmt: skip
    _required(frame, "soort", p("soort"), found)
    _required(frame, "aantal", p("aantal"), found)
    whole, negative, empty, activities = _whole_numbers(frame["aantal"])
    found.add_cells("value.activities_negative", "aantal", p("aantal"), negative)
    found.add_cells("value.activities_invalid", "aantal", p("aantal"), ~whole & ~empty)
    found.add_cells(
        "value.count_too_large", "aantal", p("aantal"), activities > MAX_COUNT_PER_ROW,
        lambda row: {"limit": MAX_COUNT_PER_ROW},
    )  # fmt: skip
    whole, _, empty, participants = _whole_numbers(frame["deelnemers"])
    if "deelnemers" in positions:
        found.add_cells(
            "value.participants_invalid", "deelnemers", p("deelnemers"), ~whole & ~empty
        )
        found.add_cells(
            "value.count_too_large", "deelnemers", p("deelnemers"),
            participants > MAX_COUNT_PER_ROW, lambda row: {"limit": MAX_COUNT_PER_ROW},
        )  # fmt: skip
    organisations = frame["organisatie"]
    if "organisatie" in positions:
        too_long = _is(organisations, lambda v: len(v) > contract.ORGANISATION_MAX_LENGTH)
        found.add_cells(
            "value.organisation_too_long", "organisatie", p("organisatie"), too_long,
            lambda row: {"limit": contract.ORGANISATION_MAX_LENGTH},
        )  # fmt: skip
    organisation_text = np.array([v or None for v in organisations.uniques], dtype=object)
    records = pd.DataFrame(
        {
            "line": lines.astype(np.int64),
            "department": _text(departments),
            "year": years,
            "kind": _text(kinds.rows()),
            "activities": activities,
            "participants": participants,
            "organisation": _text(organisation_text[organisations.codes]),
        }
    )
    # One row per department, year, kind and organisation: two would be added up silently or one
    # of them forgotten. Organisations compare without case ('Belastingdienst', 'belastingdienst').
    clean = records[~found.row_has_problem()]
    identity = [
        clean["department"],
        clean["year"],
        clean["kind"],
        clean["organisation"].fillna("").str.casefold(),
    ]
    keys = pd.Series(list(zip(*identity, strict=True)), index=clean.index, dtype=object)
    duplicated = keys.duplicated(keep="first")
    if duplicated.any():
        first_line = clean["line"].groupby(keys).transform("min")
        mask = np.zeros(len(records), dtype=bool)
        mask[duplicated[duplicated].index] = True
        found.add_cells(
            "value.measure_duplicate", "soort", p("soort"), mask,
            lambda row: {
                "department": records.at[row, "department"],
                "year": int(records.at[row, "year"]),
                "measure": records.at[row, "kind"],
                "first_line": int(first_line[row]),
            },
        )  # fmt: skip
    return lambda: records


def validate_table(table: RawTable, today: dt.date | None = None) -> ValidationResult:
    """Check a parsed table against the data contract; collect all problems up to the cap."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    kind, positions = _check_header(table, problems)
    if problems or kind is None:
        return ValidationResult(table.file_name, kind, None, _capped(problems, table.file_name))
    if not table.row_count:
        code = "file.header_only_measures" if kind == MEASURES_FILE else "file.header_only"
        return ValidationResult(table.file_name, kind, None, [Problem(code, table.file_name)])
    frame, lines = _frame(table, positions, problems)
    found = _Collector(table.file_name, lines)
    frame = _check_generic_cells(frame, positions, found)
    if kind == REPORT_FILE:
        records = _validate_reports(frame, lines, positions, found, today)
    elif kind == MEASURES_FILE:
        records = _validate_measures(frame, lines, positions, found, today)
    else:
        records = _validate_fte(frame, lines, positions, found, today)
    if problems or found.count():
        return ValidationResult(
            table.file_name, kind, None, _capped(problems, table.file_name, found)
        )
    accepted = records()
    accepted["year"] = accepted["year"].astype("int64")
    if kind == REPORT_FILE:
        accepted["count"] = accepted["count"].astype("int64")
    if kind == MEASURES_FILE:
        accepted["activities"] = accepted["activities"].astype("int64")
        accepted["participants"] = accepted["participants"].astype("Int64")
    return ValidationResult(table.file_name, kind, accepted, [])


def validate_file(data: bytes, file_name: str, today: dt.date | None = None) -> ValidationResult:
    """The whole check for one submitted file: never raises for bad content, returns problems."""
    try:
        table = read_table(data, file_name)
    except FileRejected as rejected:
        return ValidationResult(file_name, None, None, rejected.problems)
    return validate_table(table, today)
