"""The upload page's problem list: repeated problems grouped, lines as ranges."""

from etl.problems import Problem
from presentation.upload_tables import MAX_LINE_RANGES, line_ranges, problem_lines


def unknown_department(line: int) -> Problem:
    return Problem(
        "value.department_unknown",
        "BZK_2025.csv",
        line=line,
        column_number=1,
        column_name="departement",
        params={"codes": "AZ, BZ, BZK"},
    )


def test_line_ranges_join_consecutive_lines():
    assert line_ranges([2, 3, 4, 9, 11, 12], "nl") == "2–4, 9, 11–12"
    assert line_ranges([7], "en") == "7"


def test_line_ranges_stop_after_a_few_ranges():
    # 2, 4, ..., 22: eleven lines, each its own range; eight are listed, three are counted.
    scattered = list(range(2, 2 * (MAX_LINE_RANGES + 3) + 2, 2))
    shown = line_ranges(scattered, "nl")
    assert shown.startswith("2, 4, 6")
    assert shown.endswith("… en nog 3 reeksen")


def test_one_unknown_code_on_every_row_is_one_line_naming_column_rows_and_valid_codes():
    problems = [unknown_department(line) for line in range(2, 39)]  # 37 rows
    problems.append(Problem("file.empty", "BZK_2025.csv"))
    lines = problem_lines(problems, "nl")
    assert len(lines) == 2
    assert lines[0] == (
        "BZK_2025.csv, kolom 1 (A) 'departement', 37 regels (2–38): Onbekend departement. "
        "Gebruik een afkorting (AZ, BZ, BZK) of de naam van een ministerie in sector Rijk."
    )
    english = problem_lines(problems, "en")[0]
    assert english.startswith("BZK_2025.csv, column 1 (A) 'departement', 37 lines (2–38): Unknown")


def test_a_problem_on_one_line_keeps_its_own_message():
    [line] = problem_lines([unknown_department(5)], "nl")
    assert line.startswith("BZK_2025.csv, regel 5, kolom 1 (A) 'departement': Onbekend departement")
