"""The committed SYNTHETIC demo files in data/demo/, read independently with csv and openpyxl.

No loader from etl/ is used: the files are decoded here, headers and values are mapped with the
vocabularies of the data contract (etl/contract.py), and the published figures the demo data must
reproduce (seed letter to parliament) are recounted from the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import openpyxl
import pytest

from etl import contract
from etl.demo_data import main as generate_main

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
REFERENCE = REPO / "data" / "reference"
MARKER = "SYNTHETISCH"
LETTER_CHANNELS = ("integriteitscoordinator", "meldpunt", "vertrouwenspersoon")
ENGLISH_HEADER = [
    "department",
    "year",
    "channel",
    "category",
    "concerns_discrimination",
    "ground",
    "outcome",
    "organisation",
    "count",
    "link_key",
]


@dataclass
class DemoFile:
    name: str
    kind: str  # 'report', 'fte' or 'measures'
    encoding: str  # 'utf-8', 'utf-8-sig', 'cp1252' or 'xlsx'
    delimiter: str
    header: list[str]
    raw_rows: list[list[str]]
    rows: list[dict[str, object]]
    sheet_count: int = 1


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(path: Path) -> tuple[str, str, list[list[str]], int]:
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        try:
            sheet = workbook.worksheets[0]
            table = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            return "xlsx", "", table, len(workbook.worksheets)
        finally:
            workbook.close()
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    text = data.decode(encoding)
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return encoding, delimiter, [row for row in table if any(cell.strip() for cell in row)], 1


def _vocabulary(aliases: dict[str, str], value: str) -> str:
    return aliases[contract.normalise_token(value)]


def _report_row(cells: dict[str, str]) -> dict[str, object]:
    department = contract.resolve_department(cells["departement"])
    assert department is not None, cells["departement"]
    categorie = _vocabulary(contract.CATEGORY_ALIASES, cells["categorie"])
    default = "ja" if categorie in contract.DISCRIMINATION_CATEGORIES else "nee"
    concerns = cells.get("betreft_discriminatie", "")
    grond = cells.get("grond", "")
    uitkomst = cells.get("uitkomst", "")
    aantal = cells.get("aantal", "")
    return {
        "departement": department,
        "jaar": int(cells["jaar"]),
        "kanaal": _vocabulary(contract.CHANNEL_ALIASES, cells["kanaal"]),
        "categorie": categorie,
        "betreft_discriminatie": (
            _vocabulary(contract.CONCERNS_ALIASES, concerns) if concerns else default
        ),
        "grond": _vocabulary(contract.GROUND_ALIASES, grond) if grond else "",
        "uitkomst": _vocabulary(contract.OUTCOME_ALIASES, uitkomst) if uitkomst else "",
        "organisatie": cells.get("organisatie", ""),
        "aantal": int(aantal) if aantal else 1,
        "koppelsleutel": cells.get("koppelsleutel", ""),
    }


def _fte_row(cells: dict[str, str]) -> dict[str, object]:
    department = contract.resolve_department(cells["departement"])
    assert department is not None, cells["departement"]
    return {
        "departement": department,
        "jaar": int(cells["jaar"]),
        "fte": int(cells["fte"]),
        "medewerkers": int(cells["medewerkers"]),
    }


def _measure_row(cells: dict[str, str]) -> dict[str, object]:
    department = contract.resolve_department(cells["departement"])
    assert department is not None, cells["departement"]
    return {
        "departement": department,
        "jaar": int(cells["jaar"]),
        "soort": _vocabulary(contract.MEASURE_KIND_ALIASES, cells["soort"]),
        "aantal": int(cells["aantal"]),
        "deelnemers": int(cells["deelnemers"]) if cells.get("deelnemers") else None,
        "organisatie": cells.get("organisatie", ""),
    }


def read_demo_file(path: Path) -> DemoFile:
    encoding, delimiter, table, sheet_count = _table(path)
    header, body = table[0], table[1:]
    report_names = [contract.canonical_header(h, contract.REPORT_FILE) for h in header]
    if path.name.startswith("maatregelen_"):
        kind = "measures"
        names = [contract.canonical_header(h, contract.MEASURES_FILE) for h in header]
    elif "kanaal" in report_names:
        kind, names = "report", report_names
    else:
        kind = "fte"
        names = [contract.canonical_header(h, contract.FTE_FILE) for h in header]
    assert None not in names, f"{path.name}: unknown header in {header}"
    assert len(set(names)) == len(names), f"{path.name}: duplicate column in {header}"
    convert = {"report": _report_row, "fte": _fte_row, "measures": _measure_row}[kind]
    rows = [convert(dict(zip(names, row, strict=True))) for row in body]
    return DemoFile(path.name, kind, encoding, delimiter, header, body, rows, sheet_count)


@cache
def demo_files() -> tuple[DemoFile, ...]:
    paths = sorted(p for p in DEMO.iterdir() if p.is_file() and p.name != "README.md")
    return tuple(read_demo_file(p) for p in paths)


def report_rows() -> list[dict[str, object]]:
    return [row for f in demo_files() if f.kind == "report" for row in f.rows]


def fte_rows() -> list[dict[str, object]]:
    return [row for f in demo_files() if f.kind == "fte" for row in f.rows]


def measure_rows() -> list[dict[str, object]]:
    return [row for f in demo_files() if f.kind == "measures" for row in f.rows]


def year_end_codes(year: int) -> set[str]:
    """Sector Rijk ministries on 31 December of the year (a measures file's ministries)."""
    last = dt.date(year, 12, 31).isoformat()
    return {
        m["code"]
        for m in ministries()
        if m["in_sector_rijk"] == "true"
        and (not m["valid_from"] or m["valid_from"] <= last)
        and (not m["valid_to"] or m["valid_to"] >= last)
    }


def training_years() -> dict[str, set[int]]:
    years: dict[str, set[int]] = defaultdict(set)
    for row in measure_rows():
        if row["soort"] == "training" and row["aantal"] > 0:
            years[row["departement"]].add(row["jaar"])
    return years


def is_discrimination(row: dict[str, object]) -> bool:
    return row["betreft_discriminatie"] in ("ja", "deels")


@cache
def ministries() -> tuple[dict[str, str], ...]:
    with (REFERENCE / "ministries.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def sector_codes(year: int) -> set[str]:
    first, last = dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()
    return {
        m["code"]
        for m in ministries()
        if m["in_sector_rijk"] == "true"
        and (not m["valid_from"] or m["valid_from"] <= last)
        and (not m["valid_to"] or m["valid_to"] >= first)
    }


def sector_fte() -> dict[int, int]:
    with (REFERENCE / "sector_rijk_fte.csv").open(encoding="utf-8", newline="") as handle:
        return {int(r["year"]): int(r["fte"]) for r in csv.DictReader(handle)}


def by_scope() -> dict[tuple[str, int, str], list[dict[str, object]]]:
    scopes: dict[tuple[str, int, str], list[dict[str, object]]] = defaultdict(list)
    for row in report_rows():
        scopes[(row["departement"], row["jaar"], row["kanaal"])].append(row)
    return scopes


def letter_figures(year: int) -> tuple[int, int]:
    """(reports, distinct cases) of discrimination/racism at IC, meldpunt and VP in `year`."""
    reports = 0
    unkeyed = 0
    keys: set[tuple[str, str]] = set()
    for row in report_rows():
        if row["jaar"] != year or row["kanaal"] not in LETTER_CHANNELS:
            continue
        if not is_discrimination(row):
            continue
        reports += row["aantal"]
        if row["koppelsleutel"]:
            keys.add((row["departement"], row["koppelsleutel"]))
        else:
            unkeyed += row["aantal"]
    return reports, unkeyed + len(keys)


# -------------------------------------------------------------------------------------------------


def test_every_file_is_marked_synthetic():
    names = [p.name for p in DEMO.iterdir() if p.is_file()]
    data_files = [n for n in names if n != "README.md"]
    assert len(data_files) > 50
    assert all(MARKER in name for name in data_files)
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert MARKER in readme and "SYNTHETIC" in readme
    assert "verzonnen" in readme and "made up" in readme
    assert "python -m etl.demo_data" in readme


def test_demo_folder_is_small():
    assert sum(p.stat().st_size for p in DEMO.iterdir() if p.is_file()) < 700_000


def test_every_file_follows_the_contract():
    files = demo_files()
    assert {f.kind for f in files} == {"report", "fte", "measures"}
    for row in report_rows():
        assert row["aantal"] >= 0
        assert row["kanaal"] in contract.CHANNELS
        if row["koppelsleutel"]:
            assert row["aantal"] == 1
            assert re.fullmatch(r"[0-9a-f]{20}", row["koppelsleutel"])
            assert not re.search(r"\d{5,}", row["koppelsleutel"])
        if row["aantal"] == 0:
            assert row["categorie"] == "overig" and row["betreft_discriminatie"] == "nee"
            assert row["grond"] == row["uitkomst"] == row["koppelsleutel"] == ""
        if is_discrimination(row):
            assert row["grond"], row
        else:
            assert row["grond"] == "", row
        assert len(str(row["organisatie"])) <= contract.ORGANISATION_MAX_LENGTH


def test_no_value_looks_like_personal_data():
    email = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
    long_number = re.compile(r"\d{9}")
    for demo in demo_files():
        for cells in demo.raw_rows:
            for cell in cells:
                assert not email.search(cell), (demo.name, cell)
                assert not long_number.search(cell.replace(" ", "").replace("-", "")), cell


def test_years_and_departments():
    for row in report_rows():
        assert 2018 <= row["jaar"] <= 2025
        assert row["departement"] in sector_codes(row["jaar"]), row
        assert row["departement"] != contract.OUT_OF_SECTOR_CODE
    assert {row["jaar"] for row in report_rows()} == set(range(2018, 2026))
    # 'leidinggevende' is not registered in practice.
    assert not any(row["kanaal"] == "leidinggevende" for row in report_rows())


def test_coverage_has_one_missing_department_year_and_some_missing_channels():
    delivered = {(d, y) for d, y, _ in by_scope()}
    expected = {(code, year) for year in range(2018, 2026) for code in sector_codes(year)}
    assert expected - delivered == {("AZ", 2019)}
    assert delivered <= expected
    # 2024 has both the old (until 1 July) and the new ministries; 2025 only the new.
    assert {"EZK", "LNV", "EZ", "KGG", "LVVN", "VRO", "AenM"} <= {
        d for d, y in delivered if y == 2024
    }
    assert not {"EZK", "LNV"} & {d for d, y in delivered if y == 2025}
    # A channel the department delivers in other years but not in this one (not a zero row).
    channels_ever: dict[str, set[str]] = defaultdict(set)
    for department, _year, channel in by_scope():
        channels_ever[department].add(channel)
    missing = [
        (department, year, channel)
        for department, year in delivered
        for channel in channels_ever[department]
        if (department, year, channel) not in by_scope()
    ]
    assert len(missing) >= 3, missing


@pytest.mark.parametrize("year", [2018, 2019, 2020])
def test_letter_figure_25_to_35_reports_of_discrimination_a_year(year):
    reports, cases = letter_figures(year)
    assert 25 <= reports <= 35
    assert 25 <= cases <= 35
    assert cases <= reports


def test_five_committee_complaints_partly_about_discrimination_2018_2020():
    committee = [
        row
        for row in report_rows()
        if row["kanaal"] == "klachtencommissie" and row["jaar"] in (2018, 2019, 2020)
    ]
    concerns = Counter()
    for row in committee:
        concerns[row["betreft_discriminatie"]] += row["aantal"]
    assert concerns["deels"] == 5
    assert concerns["ja"] == 0


def test_link_keys_link_channels_within_one_department_year():
    channels_per_key: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for row in report_rows():
        if row["koppelsleutel"]:
            channels_per_key[row["koppelsleutel"]].append(
                (row["departement"], row["jaar"], row["kanaal"])
            )
    linked_per_year: Counter[int] = Counter()
    for key, scopes in channels_per_key.items():
        assert len({(d, y) for d, y, _ in scopes}) == 1, key  # one department-year
        channels = [c for _, _, c in scopes]
        assert len(channels) == len(set(channels)), key  # at most once per channel
        assert len(channels) <= 3
        if len(channels) > 1:
            linked_per_year[scopes[0][1]] += 1
    assert sum(linked_per_year.values()) >= 40
    assert all(linked_per_year[year] >= 3 for year in range(2018, 2026)), linked_per_year
    assert any(len(s) == 3 for s in channels_per_key.values())


def test_a_delivered_channel_has_reports_or_exactly_one_zero_row():
    zero_scopes = 0
    for scope, rows in by_scope().items():
        counts = [row["aantal"] for row in rows]
        if 0 in counts:
            assert counts == [0], scope
            zero_scopes += 1
        else:
            assert all(count > 0 for count in counts), scope
    assert zero_scopes >= 5


def test_discrimination_is_a_minority_of_a_plausible_volume():
    totals: Counter[int] = Counter()
    discrimination: Counter[int] = Counter()
    for row in report_rows():
        totals[row["jaar"]] += row["aantal"]
        if is_discrimination(row):
            discrimination[row["jaar"]] += row["aantal"]
    for year in range(2018, 2026):
        assert 200 <= totals[year] <= 400, (year, totals[year])
        assert 0.10 <= discrimination[year] / totals[year] <= 0.20, year
    assert totals[2025] > totals[2023] > totals[2021]


def test_complaints_go_to_the_government_wide_committee_from_2025():
    committee = [r for r in report_rows() if r["kanaal"] == "klachtencommissie" and r["aantal"]]
    assert all(r["organisatie"] == "KCOO (rijksbreed)" for r in committee if r["jaar"] == 2025)
    assert not any(r["organisatie"] == "KCOO (rijksbreed)" for r in committee if r["jaar"] < 2025)


def test_fte_split_the_published_sector_total_exactly():
    totals = sector_fte()
    per_year: dict[int, list[dict[str, object]]] = defaultdict(list)
    for row in fte_rows():
        per_year[row["jaar"]].append(row)
    assert set(per_year) == set(range(2018, 2025))  # no published total for 2025, so no fte
    for year, rows in per_year.items():
        assert sum(r["fte"] for r in rows) == totals[year], year
        codes = [r["departement"] for r in rows]
        assert len(codes) == len(set(codes))
        assert set(codes) <= sector_codes(year)
        assert all(r["fte"] < r["medewerkers"] < 1.2 * r["fte"] for r in rows)
        fte = {r["departement"]: r["fte"] for r in rows}
        assert min(fte, key=fte.get) == "AZ"
        assert set(sorted(fte, key=fte.get)[-2:]) == {"JenV", "FIN"}
    assert {"EZ", "KGG", "LVVN", "VRO", "AenM"} <= {r["departement"] for r in per_year[2024]}


def test_the_files_vary_like_real_exports():
    files = demo_files()
    reports = [f for f in files if f.kind == "report"]
    assert any(f.encoding == "xlsx" for f in reports)
    assert any(f.encoding == "xlsx" for f in files if f.kind == "fte")
    assert any(f.encoding == "xlsx" and f.sheet_count > 1 for f in reports)
    assert any(f.encoding == "utf-8-sig" for f in reports)
    assert any(f.encoding == "utf-8" and f.delimiter == "," for f in reports)
    excel_nl = [f for f in reports if f.encoding == "cp1252" and f.delimiter == ";"]
    assert excel_nl
    cells = {cell for f in excel_nl for row in f.raw_rows for cell in row}
    assert {"Financiën", "integriteitscoördinator"} <= cells
    assert any(f.header == ENGLISH_HEADER for f in reports)
    full_name = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert any(row[0] == full_name for f in reports for row in f.raw_rows)
    assert any(row[2] == "Vertrouwenspersoon" for f in reports for row in f.raw_rows)
    assert any("_meldingen_vertrouwenspersoon_" in f.name for f in reports)  # one file per channel
    assert any(not any(contract.normalise_token(h) == "aantal" for h in f.header) for f in reports)
    assert any(r["aantal"] > 1 for r in report_rows())  # aggregated rows


def _zip_members(data: bytes) -> list[tuple[str, tuple[int, ...], bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.date_time, archive.read(i.filename)) for i in archive.infolist()]


def test_generator_is_deterministic(tmp_path):
    generate_main(["--out", str(tmp_path)])
    committed = sorted(p.name for p in DEMO.iterdir() if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        fresh, stored = (tmp_path / name).read_bytes(), (DEMO / name).read_bytes()
        if name.endswith(".xlsx"):
            # Same members, timestamps and uncompressed content (deflate bytes could differ
            # between zlib builds); on one machine the bytes are identical as well.
            assert _zip_members(fresh) == _zip_members(stored), name
        else:
            assert fresh == stored, name


# --- measures ('maatregelen', issue 18) -----------------------------------------------------------


def test_one_measures_file_a_year_some_as_excel_or_in_english():
    measures = [f for f in demo_files() if f.kind == "measures"]
    assert sorted({row["jaar"] for f in measures for row in f.rows}) == list(range(2018, 2026))
    for f in measures:
        assert len({row["jaar"] for row in f.rows}) == 1, f.name
    assert any(f.encoding == "xlsx" for f in measures)
    english = [f for f in measures if "participants" in f.header]
    assert english and all("type" in f.header and "department" in f.header for f in english)
    assert any(
        cell == "confidential advisers" for f in english for row in f.raw_rows for cell in row
    )


def test_measures_follow_the_contract():
    keys = Counter()
    for row in measure_rows():
        assert row["soort"] in contract.MEASURE_KINDS
        assert row["aantal"] >= 0
        assert row["deelnemers"] is None or row["deelnemers"] >= row["aantal"]
        assert row["departement"] in year_end_codes(row["jaar"]), row
        keys[(row["departement"], row["jaar"], row["soort"], row["organisatie"])] += 1
    assert max(keys.values()) == 1  # no duplicate rows


def test_every_ministry_reports_its_confidential_advisers_every_year():
    advisers = {
        (r["departement"], r["jaar"]): r["aantal"]
        for r in measure_rows()
        if r["soort"] == "vertrouwenspersonen"
    }
    expected = {(code, year) for year in range(2018, 2026) for code in year_end_codes(year)}
    assert set(advisers) == expected
    assert all(3 <= n <= 25 for n in advisers.values())
    for year in range(2018, 2026):
        # More staff, more confidential advisers: the largest ministries beside the smallest.
        assert advisers[("JenV", year)] > advisers[("AZ", year)] + 10
        assert advisers[("FIN", year)] > advisers[("AZ", year)] + 10
    # A number of people, not of activities: no participants.
    assert all(
        r["deelnemers"] is None for r in measure_rows() if r["soort"] == "vertrouwenspersonen"
    )


def test_about_half_the_ministries_start_training_in_2021_or_2022():
    years = training_years()
    before = {code for year in range(2018, 2024) for code in year_end_codes(year)}
    assert len(before) == 11
    first = {code: min(ys) for code, ys in years.items() if code in before}
    # Once started, every year after.
    for code, ys in years.items():
        assert ys == set(range(min(ys), 2026)), code
    assert all(year in (2021, 2022) for year in first.values())
    assert 5 <= len(first) <= 7  # about half of 11
    cohort = {code for code, year in first.items() if year == 2022}
    assert len(cohort) >= 3
    never = {code for code in before if code not in years}
    assert len(never) >= 3
    # The successors of a ministry that never trains do not train either.
    assert not {"EZ", "KGG", "LVVN"} & set(years)


def test_campaigns_and_information_sessions_are_sparse():
    ministry_years = sum(len(year_end_codes(year)) for year in range(2018, 2026))
    campaigns = [r for r in measure_rows() if r["soort"] == "campagne"]
    sessions = [r for r in measure_rows() if r["soort"] == "voorlichting"]
    assert 1 <= len(campaigns) <= 8
    assert 1 <= len(sessions) <= ministry_years // 3
    assert any(r["deelnemers"] is None for r in sessions)  # not always counted
