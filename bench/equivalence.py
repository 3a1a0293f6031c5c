"""Differential check: the bulk reader and validator against the row-by-row reference.

`python -m bench equivalence [--against COMMIT] [--cases N] [--seed S]` loads etl/reading.py and
etl/validation.py as they were at COMMIT (default: the last commit before the bulk rewrite) from
git, feeds both versions the same random files (quotes in every position, values running over
lines, lone carriage returns, blank and ragged rows, trailing separators, BOM, Windows-1252,
Unicode digits, personal data, Excel errors, formulas, totals rows, duplicate link keys, zero
rows, ministries outside their years, fte files, very long fields), and reports every file on
which the problems (code, line, column, message in Dutch and English) or the accepted records
differ. The columnar reader is forced for every file (MELDINGEN_COLUMNAR_MIN_BYTES=0) in one half
of the cases and left to its size threshold in the other.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import os
import random
import subprocess
import sys
import tempfile
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_COMMIT = "c57f47e"  # row-by-row reading and validation
TODAY = dt.date(2026, 11, 30)

HEADERS = [
    "departement", "jaar", "kanaal", "categorie", "aantal", "koppelsleutel", "grond", "uitkomst",
    "organisatie", "betreft_discriminatie", "fte", "medewerkers", "Department", " Jaar ", "naam",
    "", "Totaal", "onbekend",
]  # fmt: skip
CELLS = [
    "BZK", "Binnenlandse Zaken", "Ministerie van Volksgezondheid, Welzijn en Sport", "Defensie",
    "EZK", "EZ", "KGG", "LNV", "LVVN", "AenM", "XYZ", "2016", "2018", "2021", "2024", "2025",
    "2099", "1989", "'24", "2024.0", "２０２４", "meldpunt", "KCOO", "vp", "brievenbus",
    "integriteitscoördinator", "pesten", "Racisme", "discriminatie", "", " ", "0", "1", "2", "-1",
    "3.5", "1.000", "1e3", "<5", "abc", "100001", "99999999999999999999999", "#N/B", "#ref!",
    "=SUM(A1)", "+31 6 12345678", "06-12345678", "111222333", "123456789", "jan@voorbeeld.nl",
    "Totaal", "TOTAL", "som", "ja", "deels", "nee", "herkomst", "gegrond", "kerndepartement",
    "0123456789abcdef", "0123456789ABCDEF", "00aa11bb22cc33dd44", "zz", "x" * 81, "a\tb",
    "ctrl\x07", "1794,5", "30125", "12,345", "-", "@home", "+", "  BZK  ", "\u00a0FIN\u00a0",
    "٣", "Financiën", 'say "hi"', "line\nbreak", "cr\rhere", "ok\r\nthen",
]  # fmt: skip


def _load_reference(commit: str) -> types.ModuleType:
    """etl.validation as it was at `commit`, with its own etl.reading, under private names."""
    folder = Path(tempfile.mkdtemp(prefix="reference-etl-"))
    for name in ("reading", "validation"):
        source = subprocess.run(
            ["git", "show", f"{commit}:etl/{name}.py"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        source = source.replace("from etl.reading import", "from reference_etl_reading import")
        (folder / f"reference_etl_{name}.py").write_text(source, encoding="utf-8")
    modules = {}
    for name in ("reading", "validation"):
        module_name = f"reference_etl_{name}"
        spec = importlib.util.spec_from_file_location(module_name, folder / f"{module_name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules["validation"]


def _quote(cell: str, separator: str, rng: random.Random, noise: float) -> str:
    roll = rng.random()
    if roll < 0.05 * noise:
        return f'"{cell}'  # never closed
    if roll < 0.1 * noise:
        return f'"{cell}"x'  # text after the closing quote
    if roll < 0.2 * noise:
        return f'{cell}"'  # a stray quote inside an unquoted field
    if roll < 0.05 or separator in cell or "\n" in cell or "\r" in cell or '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def random_file(rng: random.Random) -> tuple[bytes, str]:
    separator = rng.choice([",", ";", "\t"])
    noise = rng.choice([0.0, 0.0, 0.001, 0.01, 0.05, 0.3])
    kind = rng.random()
    if kind < 0.6:
        header = ["departement", "jaar", "kanaal", "categorie", "aantal"]
        header += rng.sample(HEADERS, rng.randint(0, 3)) if rng.random() < 0.3 else []
        if rng.random() < 0.5:
            header += ["koppelsleutel", "grond", "uitkomst", "organisatie"][: rng.randint(1, 4)]
    elif kind < 0.75:
        header = ["departement", "jaar", "fte"] + (["medewerkers"] if rng.random() < 0.6 else [])
    else:
        header = rng.sample(HEADERS, rng.randint(1, 7))
    good_rows = [
        ["BZK", "2021", "meldpunt", "pesten", "1"],
        ["FIN", "2022", "vertrouwenspersoon", "racisme", "2"],
        ["JenV", "2023", "klachtencommissie", "", "0"],
        ["EZK", "2024", "integriteitscoordinator", "discriminatie", "1"],
    ]
    rows: list[list[str]] = []
    for _ in range(rng.choice([0, 1, 2, 5, 20, 200, 2000])):
        base = list(rng.choice(good_rows))
        row = [
            base[i] if i < len(base) and rng.random() >= noise else rng.choice(CELLS)
            for i in range(len(header))
        ]
        if rng.random() < 0.1 * noise:
            row = row[: rng.randint(0, len(row))]  # too few fields
        if rng.random() < 0.1 * noise:
            row += [rng.choice(["", " ", "x"])] * rng.randint(1, 3)  # extra fields
        if rng.random() < 0.1 * noise:
            row = [""] * len(row)  # a blank row
        if rng.random() < 0.01 * noise:
            row = [rng.choice(["", "x"]) + "y" * 140_000]  # longer than the csv field limit
        rows.append(row)
    if rng.random() < 0.5:
        # link keys: repeats within and across channels
        for row in rows:
            if len(row) > 5 and rng.random() < 0.5:
                row[5] = rng.choice(["0123456789abcdef", "0123456789ABCDEF", "fedcba9876543210"])
    lines = [separator.join(_quote(c, separator, rng, noise) for c in header)]
    if rng.random() < 0.05:
        lines.insert(0, "Meldingen 2024")
    lines += [separator.join(_quote(c, separator, rng, noise) for c in row) for row in rows]
    if rng.random() < 0.05:
        lines.insert(rng.randint(0, len(lines)), "")
    if rng.random() < 0.05:
        lines.insert(rng.randint(0, len(lines)), "   ")
    newline = rng.choice(["\n", "\n", "\r\n", "\r"] if rng.random() < 0.1 else ["\n", "\r\n"])
    text = newline.join(lines) + (newline if rng.random() < 0.8 else "")
    if rng.random() < 0.05:
        text += newline * rng.randint(1, 3)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "cp1252"])
    data = text.encode(encoding, errors="replace")
    name = rng.choice(["x.csv", "x.csv", "x.txt"])
    return data, name


def _normal(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _outcome(result) -> tuple:
    problems = [
        (p.code, p.line, p.column_number, p.column_name, p.message("nl"), p.message("en"))
        for p in result.problems
    ]
    records = None
    if result.records is not None:
        records = {
            column: [_normal(v) for v in result.records[column].tolist()]
            for column in result.records.columns
        }
    return result.file_kind, problems, records


def _has_non_ascii_digits(data: bytes) -> bool:
    text = data.decode("utf-8", errors="ignore")
    return any(ch.isdigit() and not ch.isascii() for ch in text)


def _explain(old: tuple, new: tuple) -> None:
    if old[0] != new[0] or (old[2] is None) != (new[2] is None):
        print(
            f"  kind/accepted: reference {old[0]}, {old[2] is not None}; bulk {new[0]}, {new[2] is not None}"
        )
    if old[1] != new[1]:
        print(f"  problems: reference {len(old[1])}, bulk {len(new[1])}")
        for index, (a, b) in enumerate(zip(old[1], new[1], strict=False)):
            if a != b:
                print(
                    f"  first difference at {index}:\n    reference {a[:3]} {a[5]}\n    bulk      {b[:3]} {b[5]}"
                )
                break
    if old[2] != new[2] and old[2] is not None and new[2] is not None:
        for column in old[2]:
            if old[2][column] != new[2].get(column):
                print(f"  records differ in {column}")


def run(cases: int = 2000, seed: int = 1, against: str = REFERENCE_COMMIT) -> int:
    from etl import validation

    reference = _load_reference(against)
    rng = random.Random(seed)
    differences = fixed = intended = 0
    for case in range(cases):
        data, name = random_file(rng)
        forced = case % 2 == 0
        if forced:
            os.environ["MELDINGEN_COLUMNAR_MIN_BYTES"] = "0"
        else:
            os.environ.pop("MELDINGEN_COLUMNAR_MIN_BYTES", None)
        try:
            new = _outcome(validation.validate_file(data, name, TODAY))
        except Exception as error:  # noqa: BLE001 - report, do not stop
            new = ("raised", repr(error), None)
        try:
            old = _outcome(reference.validate_file(data, name, TODAY))
        except Exception as error:  # noqa: BLE001 - the reference has bugs the rewrite fixed
            fixed += 1
            if fixed <= 3:
                print(f"case {case}: the reference raised {error!r}; bulk: {str(new)[:300]}")
            continue
        if new != old and _has_non_ascii_digits(data):
            intended += 1  # the rewrite reads only ASCII digits as numbers (see etl/validation.py)
        elif new != old:
            differences += 1
            if differences <= 5:
                print(f"case {case} (columnar forced: {forced}) differs:")
                print(f"  input: {data[:300]!r}")
                _explain(old, new)
    os.environ.pop("MELDINGEN_COLUMNAR_MIN_BYTES", None)
    print(
        f"{cases} files: {differences} with a different outcome; {intended} differ because "
        f"non-ASCII digits are no longer read as numbers; on {fixed} the reference raised"
    )
    return 1 if differences else 0
