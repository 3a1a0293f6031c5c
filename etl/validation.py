"""Second step of the flow: a RawTable -> canonical records, or every problem with line and column."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from etl import contract
from etl.contract import FTE_FILE, REPORT_FILE
from etl.problems import FileRejected, Problem
from etl.reading import RawTable, read_table
from meldingen.reference import ministry_by_code

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
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"^(?:\+31|0031|0)[\s\-]?(?:\(0\))?[\s\-]?[1-9](?:[\s\-]?\d){8}$")
NINE_DIGITS = re.compile(r"^\d{9}$")
WHOLE_NUMBER = re.compile(r"^\d+$")
FOUR_DIGIT_YEAR = re.compile(r"^\d{4}$")
FTE_NUMBER = re.compile(r"^\d+(?:[.,]\d{1,2})?$")


def max_problems() -> int:
    return int(os.environ.get("MELDINGEN_MAX_ERRORS", DEFAULT_MAX_PROBLEMS))


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def personal_data_kind(value: str) -> str | None:
    """'email', 'phone' or 'bsn' when a value looks like personal data, else None."""
    if "@" in value and EMAIL.search(value):
        return "email"
    compact = value.strip()
    if PHONE.match(compact):
        return "phone"
    if NINE_DIGITS.match(compact) and passes_eleven_test(compact):
        return "bsn"
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


class _Collector:
    """Gathers problems and remembers which cells already have one, so each cell reports once."""

    def __init__(self, file_name: str, lines: pd.Series):
        self.file_name = file_name
        self.lines = lines
        self.problems: list[Problem] = []
        self.bad: dict[str, pd.Series] = {}

    def add(self, code: str, line: int | None = None, **params: object) -> None:
        self.problems.append(Problem(code, self.file_name, line=line, params=params))

    def add_cells(
        self,
        code: str,
        column: str,
        position: int,
        mask: pd.Series,
        params: Callable[[int], dict[str, object]] | None = None,
    ) -> None:
        mask = mask & ~self.bad_mask(column)
        for index in mask[mask].index:
            self.problems.append(
                Problem(
                    code,
                    self.file_name,
                    line=int(self.lines[index]),
                    column_number=position,
                    column_name=column,
                    params=params(index) if params else {},
                )
            )
        self.bad[column] = self.bad_mask(column) | mask

    def bad_mask(self, column: str) -> pd.Series:
        return self.bad.get(column, pd.Series(False, index=self.lines.index))

    def row_has_problem(self) -> pd.Series:
        combined = pd.Series(False, index=self.lines.index)
        for mask in self.bad.values():
            combined |= mask
        return combined


def _map_uniques(values: pd.Series, function: Callable[[str], object]) -> pd.Series:
    # Departments export thousands of rows with a handful of distinct values: map each once.
    mapping = {value: function(value) for value in values.unique()}
    return values.map(mapping)


def _check_header(table: RawTable, problems: list[Problem]) -> tuple[str | None, dict[str, int]]:
    """Map header cells to canonical names; return the file kind and canonical -> position."""
    report_names = [contract.canonical_header(h, REPORT_FILE) for h in table.header]
    fte_names = [contract.canonical_header(h, FTE_FILE) for h in table.header]
    kind = REPORT_FILE if {"kanaal", "categorie"} & set(report_names) else None
    if kind is None and "fte" in fte_names:
        kind = FTE_FILE
    if kind is None:
        problems.append(Problem("file.unknown_kind", table.file_name, line=table.header_line))
        return None, {}
    names = report_names if kind == REPORT_FILE else fte_names
    columns = contract.REPORT_COLUMNS if kind == REPORT_FILE else contract.FTE_COLUMNS
    positions: dict[str, int] = {}
    for number, (header, name) in enumerate(zip(table.header, names, strict=True), start=1):
        where = {"line": table.header_line, "column_number": number, "column_name": header}
        if not header:
            column_has_values = any(
                number <= len(row) and row[number - 1].strip() for row in table.rows
            )
            if column_has_values:
                problems.append(Problem("header.empty", table.file_name, **where))
        elif contract.looks_like_personal_data_header(header):
            problems.append(Problem("header.personal_data", table.file_name, **where))
        elif name is None:
            known = ", ".join(c.name for c in columns)
            problems.append(
                Problem(
                    "header.unknown",
                    table.file_name,
                    params={"column": header, "known": known},
                    **where,
                )
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


def _frame(table: RawTable, positions: dict[str, int], problems: list[Problem]) -> pd.DataFrame:
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
        kept_rows.append([row[p - 1] if p <= len(row) else "" for p in positions.values()])
        kept_lines.append(line)
    frame = pd.DataFrame(kept_rows, columns=list(positions), dtype=object)
    frame["line"] = pd.Series(kept_lines, dtype="int64")
    return frame


def _check_generic_cells(frame: pd.DataFrame, positions: dict[str, int], found: _Collector) -> None:
    """Problems any cell can have: control characters, Excel errors, formulas, personal data."""
    total_rows = pd.Series(False, index=frame.index)
    for column, position in positions.items():
        values = frame[column]
        personal = _map_uniques(values, personal_data_kind)
        found.add_cells(
            "value.personal_data",
            column,
            position,
            personal.notna(),
            lambda index, personal=personal: {"kind": personal[index]},
        )
        control = values.str.contains(CONTROL_CHARACTERS)
        found.add_cells(
            "structure.control_character",
            column,
            position,
            control,
            lambda index, values=values: {
                "code": f"0x{ord(CONTROL_CHARACTERS.search(values[index]).group()):02X}"
            },
        )
        stripped = values.str.strip()
        excel_error = stripped.str.upper().isin(EXCEL_ERRORS)
        found.add_cells(
            "value.excel_error",
            column,
            position,
            excel_error,
            lambda i, s=stripped: {"value": s[i]},
        )
        formula = stripped.str.contains(FORMULA_START) & ~stripped.str.match(r"^-\d")
        found.add_cells(
            "value.formula", column, position, formula, lambda i, s=stripped: {"first": s[i][0]}
        )
        total = _map_uniques(
            stripped, lambda v: contract.normalise_token(v) in contract.TOTAL_ROW_MARKERS
        )
        found.add_cells(
            "value.total_row",
            column,
            position,
            total.astype(bool),
            lambda i, s=stripped: {"value": s[i]},
        )
        frame[column] = stripped
        total_rows |= total.astype(bool)
    # A totals row is one mistake, not one per empty cell in it.
    for column in positions:
        found.bad[column] = found.bad_mask(column) | total_rows


def _required(
    frame: pd.DataFrame, column: str, position: int, found: _Collector, mask=None
) -> pd.Series:
    empty = frame[column] == ""
    if mask is not None:
        empty &= mask
    found.add_cells("value.required", column, position, empty)
    return empty


def _year_values(
    frame: pd.DataFrame, position: int, found: _Collector, today: dt.date
) -> pd.Series:
    values = frame["jaar"]
    _required(frame, "jaar", position, found)
    four_digits = values.str.match(FOUR_DIGIT_YEAR)
    found.add_cells(
        "value.year_invalid",
        "jaar",
        position,
        ~four_digits & (values != ""),
        lambda i: {"value": values[i]},
    )
    years = pd.to_numeric(values.where(four_digits), errors="coerce")
    found.add_cells(
        "value.year_future",
        "jaar",
        position,
        years > today.year,
        lambda i: {"value": int(years[i]), "current": today.year},
    )
    found.add_cells(
        "value.year_too_early",
        "jaar",
        position,
        years < EARLIEST_YEAR,
        lambda i: {"value": int(years[i]), "earliest": EARLIEST_YEAR},
    )
    return years.where(~found.bad_mask("jaar"))


def _department_values(
    frame: pd.DataFrame, position: int, years: pd.Series, found: _Collector
) -> pd.Series:
    values = frame["departement"]
    _required(frame, "departement", position, found)
    codes = _map_uniques(values, lambda v: contract.resolve_department(v) if v else None)
    unresolved = codes.isna() & (values != "")
    found.add_cells(
        "value.department_unknown",
        "departement",
        position,
        unresolved,
        lambda i: {"value": values[i]},
    )
    found.add_cells(
        "value.department_defence", "departement", position, codes == contract.OUT_OF_SECTOR_CODE
    )
    by_code = ministry_by_code()

    checkable = codes.notna() & years.notna()
    out_of_period = pd.Series(False, index=frame.index)
    pairs = pd.DataFrame({"code": codes[checkable], "year": years[checkable]}).drop_duplicates()
    invalid_pairs = {
        (row.code, int(row.year))
        for row in pairs.itertuples()
        if row.code in by_code and not by_code[row.code].exists_in_year(int(row.year))
    }
    if invalid_pairs:
        out_of_period = pd.Series(
            [
                bool(ok) and (code, int(year)) in invalid_pairs
                for ok, code, year in zip(checkable, codes, years.fillna(0), strict=True)
            ],
            index=frame.index,
        )

    def period_params(index: int) -> dict[str, object]:
        ministry = by_code[codes[index]]
        start = ministry.valid_from.isoformat() if ministry.valid_from else "…"
        end = ministry.valid_to.isoformat() if ministry.valid_to else "…"
        successors = ministry.successor_codes
        return {
            "code": ministry.code,
            "year": int(years[index]),
            "period": f"{start} – {end}",
            "successors": f": {', '.join(successors)}" if successors else "",
        }

    found.add_cells(
        "value.department_not_in_year", "departement", position, out_of_period, period_params
    )
    return codes.where(~found.bad_mask("departement"))


def _vocabulary_values(
    frame: pd.DataFrame,
    column: str,
    position: int,
    aliases: dict[str, str],
    code: str,
    allowed: tuple[str, ...],
    found: _Collector,
) -> pd.Series:
    values = frame[column]
    mapped = _map_uniques(values, lambda v: aliases.get(contract.normalise_token(v)) if v else None)
    found.add_cells(
        code,
        column,
        position,
        mapped.isna() & (values != ""),
        lambda i: {"value": values[i], "allowed": ", ".join(allowed)},
    )
    return mapped


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


def _count_values(frame: pd.DataFrame, positions: dict[str, int], found: _Collector) -> pd.Series:
    if "aantal" not in positions:
        return pd.Series(1, index=frame.index, dtype="int64")
    position = positions["aantal"]
    values = frame["aantal"]
    whole = values.str.match(WHOLE_NUMBER)
    not_whole = ~whole & (values != "")
    kinds = _map_uniques(values.where(not_whole, ""), lambda v: _count_problem(v) if v else None)
    for code in sorted(set(kinds.dropna())):
        found.add_cells(code, "aantal", position, kinds == code, lambda i: {"value": values[i]})
    counts = pd.to_numeric(values.where(whole), errors="coerce")
    found.add_cells(
        "value.count_too_large",
        "aantal",
        position,
        counts > MAX_COUNT_PER_ROW,
        lambda i: {"value": int(counts[i])},
    )
    return counts.where(values != "", 1)


def _validate_reports(
    frame: pd.DataFrame, positions: dict[str, int], found: _Collector, today: dt.date
) -> pd.DataFrame:
    for optional in (
        "betreft_discriminatie",
        "grond",
        "uitkomst",
        "organisatie",
        "aantal",
        "koppelsleutel",
    ):
        if optional not in frame:
            frame[optional] = ""
    p = positions.get
    years = _year_values(frame, p("jaar"), found, today)
    departments = _department_values(frame, p("departement"), years, found)
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
    default_concerns = categories.isin(contract.DISCRIMINATION_CATEGORIES).map(
        {True: "ja", False: "nee"}
    )
    concerns = concerns.where(frame["betreft_discriminatie"] != "", default_concerns)
    grounds = _vocabulary_values(
        frame, "grond", p("grond"), contract.GROUND_ALIASES, "value.ground_unknown",
        contract.GROUNDS, found,
    )  # fmt: skip
    outcomes = _vocabulary_values(
        frame, "uitkomst", p("uitkomst"), contract.OUTCOME_ALIASES, "value.outcome_unknown",
        contract.OUTCOMES, found,
    )  # fmt: skip
    if "organisatie" in positions:
        too_long = frame["organisatie"].str.len() > contract.ORGANISATION_MAX_LENGTH
        found.add_cells(
            "value.organisation_too_long", "organisatie", p("organisatie"), too_long,
            lambda i: {"limit": contract.ORGANISATION_MAX_LENGTH},
        )  # fmt: skip
    link_keys = frame["koppelsleutel"]
    if "koppelsleutel" in positions:
        position = p("koppelsleutel")
        invalid_key = (link_keys != "") & ~link_keys.str.match(contract.LINK_KEY_PATTERN)
        found.add_cells("value.link_key_invalid", "koppelsleutel", position, invalid_key)
        found.add_cells(
            "value.link_key_count", "koppelsleutel", position, (link_keys != "") & (counts != 1)
        )

    records = pd.DataFrame(
        {
            "line": frame["line"],
            "department": departments,
            "year": years,
            "channel": channels,
            "category": categories.where(categories.notna(), None),
            "concerns_discrimination": concerns,
            "ground": grounds,
            "outcome": outcomes,
            "organisation": frame["organisatie"].where(frame["organisatie"] != "", None),
            "link_key": link_keys.str.lower().where(link_keys != "", None),
            "count": counts,
        }
    )
    _check_report_keys(records, found, positions, ~found.row_has_problem())
    return records


def _check_report_keys(
    records: pd.DataFrame, found: _Collector, positions: dict[str, int], clean: pd.Series
) -> None:
    usable = records[clean]
    scope = ["department", "year", "channel"]
    keyed = usable[usable["link_key"].notna()]
    duplicated = keyed.duplicated([*scope, "link_key"], keep="first")
    if duplicated.any():
        first_lines = keyed.groupby([*scope, "link_key"])["line"].transform("min")
        mask = pd.Series(False, index=records.index)
        mask[duplicated[duplicated].index] = True
        found.add_cells(
            "value.link_key_duplicate", "koppelsleutel", positions.get("koppelsleutel"), mask,
            lambda i: {"first_line": int(first_lines[i])},
        )  # fmt: skip
    rows_per_scope = usable.groupby(scope)["line"].transform("size")
    conflict = (usable["count"] == 0) & (rows_per_scope > 1)
    if conflict.any():
        other_line = usable.groupby(scope)["line"].transform(
            lambda lines: lines.iloc[1] if len(lines) > 1 else lines.iloc[0]
        )
        first_line = usable.groupby(scope)["line"].transform("min")
        mask = pd.Series(False, index=records.index)
        mask[conflict[conflict].index] = True
        found.add_cells(
            "value.zero_row_conflict", "aantal", positions.get("aantal"), mask,
            lambda i: {
                "department": records.at[i, "department"],
                "year": int(records.at[i, "year"]),
                "channel": records.at[i, "channel"],
                "other_line": int(
                    other_line[i] if other_line[i] != records.at[i, "line"] else first_line[i]
                ),
            },
        )  # fmt: skip


def _validate_fte(
    frame: pd.DataFrame, positions: dict[str, int], found: _Collector, today: dt.date
) -> pd.DataFrame:
    if "medewerkers" not in frame:
        frame["medewerkers"] = ""
    years = _year_values(frame, positions["jaar"], found, today)
    departments = _department_values(frame, positions["departement"], years, found)
    _required(frame, "fte", positions["fte"], found)
    fte_text = frame["fte"]
    valid_fte = fte_text.str.match(FTE_NUMBER)
    found.add_cells(
        "value.fte_invalid", "fte", positions["fte"], ~valid_fte & (fte_text != ""),
        lambda i: {"value": fte_text[i]},
    )  # fmt: skip
    fte = pd.to_numeric(
        fte_text.where(valid_fte).str.replace(",", ".", regex=False), errors="coerce"
    )
    employees_text = frame["medewerkers"]
    employees_ok = employees_text.str.match(WHOLE_NUMBER) | (employees_text == "")
    if "medewerkers" in positions:
        found.add_cells(
            "value.employees_invalid", "medewerkers", positions["medewerkers"], ~employees_ok,
            lambda i: {"value": employees_text[i]},
        )  # fmt: skip
    employees = pd.to_numeric(
        employees_text.where(employees_ok & (employees_text != "")), errors="coerce"
    )
    records = pd.DataFrame(
        {
            "line": frame["line"],
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
        mask = pd.Series(False, index=records.index)
        mask[duplicated[duplicated].index] = True
        found.add_cells(
            "value.fte_duplicate", "departement", positions["departement"], mask,
            lambda i: {
                "department": records.at[i, "department"],
                "year": int(records.at[i, "year"]),
                "first_line": int(first_lines[i]),
            },
        )  # fmt: skip
    return records


def _capped(problems: list[Problem], file_name: str) -> list[Problem]:
    ordered = sorted(problems, key=lambda p: (p.line or 0, p.column_number or 0))
    limit = max_problems()
    if len(ordered) <= limit:
        return ordered
    return [*ordered[:limit], Problem("file.too_many_errors", file_name, params={"limit": limit})]


def validate_table(table: RawTable, today: dt.date | None = None) -> ValidationResult:
    """Check a parsed table against the data contract; collect all problems up to the cap."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    kind, positions = _check_header(table, problems)
    if problems or kind is None:
        return ValidationResult(table.file_name, kind, None, _capped(problems, table.file_name))
    if not table.rows:
        return ValidationResult(
            table.file_name, kind, None, [Problem("file.header_only", table.file_name)]
        )
    frame = _frame(table, positions, problems)
    found = _Collector(table.file_name, frame["line"])
    _check_generic_cells(frame, positions, found)
    if kind == REPORT_FILE:
        records = _validate_reports(frame, positions, found, today)
    else:
        records = _validate_fte(frame, positions, found, today)
    problems.extend(found.problems)
    if problems:
        return ValidationResult(table.file_name, kind, None, _capped(problems, table.file_name))
    records["year"] = records["year"].astype("int64")
    if kind == REPORT_FILE:
        records["count"] = records["count"].astype("int64")
    return ValidationResult(table.file_name, kind, records, [])


def validate_file(data: bytes, file_name: str, today: dt.date | None = None) -> ValidationResult:
    """The whole check for one submitted file: never raises for bad content, returns problems."""
    try:
        table = read_table(data, file_name)
    except FileRejected as rejected:
        return ValidationResult(file_name, None, None, rejected.problems)
    return validate_table(table, today)
