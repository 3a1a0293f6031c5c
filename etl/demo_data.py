"""Deterministic generator of the SYNTHETIC demo data in data/demo/.

Run as ``python -m etl.demo_data [--out data/demo]``. The output is reproducible byte for byte:
every random draw comes from one seeded generator (only ``random.Random.random()`` is used, the one
method whose sequence Python guarantees across versions), nothing depends on the clock, and the
.xlsx files are written with fixed document properties and fixed zip timestamps.

The data is invented. It is shaped like the exports departments would deliver (several file
formats, encodings, header languages, aggregated and row-per-report files, explicit zero rows,
gaps) and it reproduces the only published figures of this series (the seed letter to
parliament on reporting points for discrimination within central government): in 2018, 2019 and
2020 between 25 and 35 reports of discrimination and racism a year at integrity coordinators,
report points and confidential advisers together, and 5 complaints over those three years at the
complaints committees that partly concerned discrimination. The fte per ministry split the published sector Rijk totals (data/reference/
sector_rijk_fte.csv) with fixed weights, so that they add up exactly to the sector total.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import random
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TypeVar

import openpyxl
from openpyxl.writer.excel import ExcelWriter

from etl import contract

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
DEFAULT_OUT = REPO_ROOT / "data" / "demo"

SEED = 20211028  # the day of the commitment in parliament that the seed letter answers
MARKER = "SYNTHETISCH"
YEARS = tuple(range(2018, 2026))
FTE_YEARS = tuple(range(2018, 2025))  # no published sector total for 2025: no fte on purpose

# Fixed document properties and zip timestamps, so that .xlsx files are identical byte for byte.
XLSX_TIMESTAMP = dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_TIMESTAMP = (2025, 1, 1, 0, 0, 0)

IC = "integriteitscoordinator"
MP = "meldpunt"
VP = "vertrouwenspersoon"
KC = "klachtencommissie"
CHANNEL_ORDER = (IC, MP, VP, KC)
LETTER_CHANNELS = (IC, MP, VP)  # the channels the letter's 25-35 a year counts

COLUMNS = tuple(column.name for column in contract.REPORT_COLUMNS)  # the contract's order

# ---------------------------------------------------------------------------------------------
# Size of the ministries.
#
# Per-mille shares of sector Rijk fte, fixed over the years. Whole-ministry fte per year is not
# published; the order follows the brief (JenV and FIN largest with DJI/IND and the
# Belastingdienst, then IenW with Rijkswaterstaat, BZK, EZK, LNV with the NVWA, BZ with its
# posts abroad, OCW with DUO, VWS with the RIVM, SZW, and AZ smallest).
FTE_WEIGHTS_UNTIL_2023: dict[str, int] = {
    "AZ": 5,
    "BZ": 50,
    "BZK": 95,
    "EZK": 65,
    "FIN": 250,
    "IenW": 115,
    "JenV": 270,
    "LNV": 60,
    "OCW": 40,
    "SZW": 20,
    "VWS": 30,
}
# 2024 (situation at the end of the year): EZK -> EZ + KGG, LNV -> LVVN, VRO taken from BZK,
# AenM (IND, DT&V) taken from JenV.
FTE_WEIGHTS_FROM_2024: dict[str, int] = {
    "AZ": 5,
    "BZ": 50,
    "BZK": 80,
    "EZ": 45,
    "KGG": 20,
    "FIN": 250,
    "IenW": 115,
    "JenV": 220,
    "LVVN": 60,
    "OCW": 40,
    "SZW": 20,
    "VWS": 30,
    "VRO": 15,
    "AenM": 50,
}
# Headcount per fte (part-time work): medewerkers = fte x factor.
HEADCOUNT_FACTOR: dict[str, float] = {
    "AZ": 1.10,
    "BZ": 1.05,
    "BZK": 1.09,
    "EZK": 1.08,
    "EZ": 1.08,
    "KGG": 1.09,
    "FIN": 1.10,
    "IenW": 1.06,
    "JenV": 1.07,
    "AenM": 1.06,
    "LNV": 1.09,
    "LVVN": 1.09,
    "OCW": 1.11,
    "SZW": 1.10,
    "VWS": 1.10,
    "VRO": 1.09,
}


def report_weights(year: int) -> dict[str, float]:
    """Share of the reports per ministry: its fte share; in 2024 the old and new halves."""
    if year < 2024:
        return {code: float(w) for code, w in FTE_WEIGHTS_UNTIL_2023.items()}
    if year > 2024:
        return {code: float(w) for code, w in FTE_WEIGHTS_FROM_2024.items()}
    weights: dict[str, float] = {}
    for code in FTE_WEIGHTS_UNTIL_2023.keys() | FTE_WEIGHTS_FROM_2024.keys():
        before = FTE_WEIGHTS_UNTIL_2023.get(code, 0)
        after = FTE_WEIGHTS_FROM_2024.get(code, 0)
        weights[code] = (before + after) / 2  # EZK and LNV until 1 July, their successors after
    return weights


# ---------------------------------------------------------------------------------------------
# Volume. The letter's figure (discrimination/racism at IC, meldpunt and VP) per year as distinct
# cases, and how many of those reached a second of those channels (adds to the summed 'aantal').
LETTER_CASES = {2018: 27, 2019: 29, 2020: 28, 2021: 32, 2022: 36, 2023: 41, 2024: 46, 2025: 50}
LETTER_LINKED_2018_2020 = {2018: 3, 2019: 4, 2020: 4}
LETTER_LINK_PROBABILITY = 0.2  # from 2021
# Complaints at a complaints committee that concern discrimination: 2018-2020 only 'deels' and 5
# in total, as the letter says; afterwards also complaints that wholly concern it.
COMMITTEE_DISCRIMINATION = {2018: 1, 2019: 2, 2020: 2, 2021: 3, 2022: 3, 2023: 4, 2024: 5, 2025: 7}
# All other undesirable behaviour (bullying, sexual harassment, aggression, other), distinct cases.
OTHER_CASES = {
    2018: 196,
    2019: 201,
    2020: 188,
    2021: 199,
    2022: 222,
    2023: 246,
    2024: 268,
    2025: 290,
}
OTHER_LINK_PROBABILITY = 0.05

OTHER_CATEGORIES = (
    ("pesten", 0.35),
    ("seksuele_intimidatie", 0.20),
    ("agressie_geweld", 0.15),
    ("overig", 0.30),
)
RACISM_GROUNDS = (("ras", 0.75), ("nationaliteit", 0.10), ("godsdienst", 0.10), ("onbekend", 0.05))
DISCRIMINATION_GROUNDS = (
    ("geslacht", 0.25),
    ("leeftijd", 0.15),
    ("handicap_chronische_ziekte", 0.15),
    ("seksuele_gerichtheid", 0.12),
    ("godsdienst", 0.08),
    ("ras", 0.08),
    ("arbeidsduur", 0.04),
    ("contract", 0.04),
    ("politieke_gezindheid", 0.02),
    ("levensovertuiging", 0.02),
    ("burgerlijke_staat", 0.01),
    ("overig", 0.02),
    ("onbekend", 0.02),
)

# ---------------------------------------------------------------------------------------------
# Coverage: which channels each ministry delivers, and the deliberate gaps.
MELDPUNT_DEPARTMENTS = frozenset({"FIN", "JenV", "AenM", "IenW", "BZK", "EZK", "EZ", "BZ"})
MISSING_DEPARTMENT_YEARS = frozenset({("AZ", 2019)})  # no file at all
MISSING_CHANNELS = frozenset(
    {
        ("SZW", 2018, KC),
        ("JenV", 2019, KC),
        ("OCW", 2021, KC),
        ("VWS", 2023, KC),
        ("FIN", 2022, MP),
    }
)
KCOO_START = 2025
KCOO_ORGANISATION = "KCOO (rijksbreed)"


def organisations(code: str, year: int) -> tuple[tuple[str, float], ...]:
    """Units of a ministry (kerndepartement or an agency of that ministry) with weights."""
    units: dict[str, tuple[tuple[str, float], ...]] = {
        "AZ": (("kerndepartement", 8), ("Rijksvoorlichtingsdienst", 2)),
        "BZ": (("kerndepartement", 6), ("Postennet", 4)),
        "BZK": (
            ("kerndepartement", 4),
            ("Logius", 2),
            ("Rijksvastgoedbedrijf", 2),
            ("UBR", 2),
        ),
        "VRO": (("kerndepartement", 3), ("DG Volkshuisvesting en Bouwen", 1)),
        "EZK": (
            ("kerndepartement", 4),
            ("RVO", 4),
            ("Rijksinspectie Digitale Infrastructuur" if year >= 2023 else "Agentschap Telecom", 1),
            ("Staatstoezicht op de Mijnen", 1),
        ),
        "EZ": (
            ("kerndepartement", 4),
            ("RVO", 4),
            ("Rijksinspectie Digitale Infrastructuur", 1),
        ),
        "KGG": (("kerndepartement", 3), ("Staatstoezicht op de Mijnen", 1)),
        "FIN": (
            ("kerndepartement", 1),
            ("Belastingdienst", 6),
            ("Douane", 2),
            ("Dienst Toeslagen" if year >= 2021 else "Domeinen Roerende Zaken", 1),
        ),
        "IenW": (
            ("kerndepartement", 2),
            ("Rijkswaterstaat", 6),
            ("ILT", 1),
            ("KNMI", 1),
        ),
        "JenV": (
            ("kerndepartement", 2),
            ("DJI", 5),
            ("CJIB", 1),
            ("Justid", 1),
            *((("IND", 2),) if year <= 2024 else (("NFI", 1),)),
        ),
        "AenM": (("kerndepartement", 1), ("IND", 4), ("DT&V", 1)),
        "LNV": (("kerndepartement", 3), ("NVWA", 5)),
        "LVVN": (("kerndepartement", 3), ("NVWA", 5)),
        "OCW": (
            ("kerndepartement", 3),
            ("DUO", 4),
            ("Inspectie van het Onderwijs", 1),
            ("Nationaal Archief", 1),
        ),
        "SZW": (
            ("kerndepartement", 3),
            ("Nederlandse Arbeidsinspectie" if year >= 2022 else "Inspectie SZW", 2),
        ),
        "VWS": (("kerndepartement", 3), ("RIVM", 3), ("IGJ", 1), ("CBG", 1)),
    }
    return units[code]


# ---------------------------------------------------------------------------------------------
# How each ministry delivers its files.


@dataclass(frozen=True)
class Style:
    fmt: str  # 'csv' (UTF-8), 'csv_bom' (UTF-8 with BOM), 'csv_excel_nl' (cp1252 ';'), 'xlsx'
    headers: str = "canonical"  # 'canonical', 'excel_nl', 'english', 'aliases'
    values: str = "canonical"  # 'canonical', 'mixed_case', 'excel_nl', 'english'
    department: str = "code"  # 'code', 'name_nl' (full ministry name), or a literal spelling
    keys: str = "linked"  # 'none', 'linked' (only cases in several channels), 'all' (every case)
    aggregate: bool = True  # identical reports as one row with aantal N
    per_channel: bool = False  # one file per channel
    columns: tuple[str, ...] = COLUMNS
    drop_aantal_without_zero_rows: bool = False
    notes_sheet: bool = False  # .xlsx with a second sheet of notes (the first sheet is the data)

    @property
    def records_concerns(self) -> bool:
        return "betreft_discriminatie" in self.columns


STYLES: dict[str, Style] = {
    # Small ministry, minimal export: no outcome, unit, concern or key columns.
    "AZ": Style(
        "csv",
        keys="none",
        columns=("departement", "jaar", "kanaal", "categorie", "grond", "aantal"),
    ),
    # English headers and values, one row per report.
    "BZ": Style("csv", headers="english", values="english", aggregate=False),
    # Full ministry name instead of the code.
    "BZK": Style("csv", department="name_nl"),
    "VRO": Style("csv"),
    "EZK": Style("xlsx", headers="excel_nl", notes_sheet=True),
    "EZ": Style("xlsx", headers="excel_nl", notes_sheet=True),
    "KGG": Style("xlsx", headers="excel_nl"),
    # Dutch Excel: Windows-1252, semicolons, CRLF, 'Financiën', 'integriteitscoördinator'.
    "FIN": Style(
        "csv_excel_nl",
        headers="excel_nl",
        values="excel_nl",
        department="Financiën",
        per_channel=True,
    ),
    "IenW": Style("xlsx"),  # CSV from 2022 on, see style_for()
    # Case registration system: one file per channel, a key on every report.
    "JenV": Style("csv", keys="all", aggregate=False, per_channel=True),
    "AenM": Style("csv", keys="all", aggregate=False, per_channel=True),
    "LNV": Style("csv", headers="excel_nl", values="mixed_case"),
    "LVVN": Style("csv", headers="excel_nl", values="mixed_case"),
    # UTF-8 with BOM, one row per report, the count column only when a zero row needs it.
    "OCW": Style("csv_bom", aggregate=False, drop_aantal_without_zero_rows=True),
    "SZW": Style("xlsx", keys="none", columns=tuple(c for c in COLUMNS if c != "koppelsleutel")),
    # UTF-8 with BOM and alias headers (ministerie, registratiejaar, voorziening, ...).
    "VWS": Style("csv_bom", headers="aliases"),
}


def style_for(code: str, year: int) -> Style:
    style = STYLES[code]
    if code == "IenW" and year >= 2022:
        return Style("csv")  # a new registration system from 2022
    return style


HEADERS: dict[str, dict[str, str]] = {
    "canonical": {c: c for c in COLUMNS},
    "excel_nl": {
        "departement": "Departement",
        "jaar": "Jaar",
        "kanaal": "Kanaal",
        "categorie": "Categorie",
        "betreft_discriminatie": "Betreft discriminatie",
        "grond": "Grond",
        "uitkomst": "Uitkomst",
        "organisatie": "Organisatie",
        "aantal": "Aantal",
        "koppelsleutel": "Koppelsleutel",
    },
    "english": {
        "departement": "department",
        "jaar": "year",
        "kanaal": "channel",
        "categorie": "category",
        "betreft_discriminatie": "concerns_discrimination",
        "grond": "ground",
        "uitkomst": "outcome",
        "organisatie": "organisation",
        "aantal": "count",
        "koppelsleutel": "link_key",
    },
    "aliases": {
        "departement": "ministerie",
        "jaar": "registratiejaar",
        "kanaal": "voorziening",
        "categorie": "soort melding",
        "betreft_discriminatie": "betreft discriminatie/racisme",
        "grond": "discriminatiegrond",
        "uitkomst": "afloop",
        "organisatie": "onderdeel",
        "aantal": "aantal meldingen",
        "koppelsleutel": "zaaksleutel",
    },
}

ENGLISH_VALUES: dict[str, str] = {
    IC: "integrity coordinator",
    MP: "reporting point",
    VP: "confidential adviser",
    KC: "complaints committee",
    "discriminatie": "discrimination",
    "racisme": "racism",
    "seksuele_intimidatie": "sexual harassment",
    "pesten": "bullying",
    "agressie_geweld": "aggression/violence",
    "overig": "other",
    "ja": "yes",
    "deels": "partly",
    "nee": "no",
    "ras": "race",
    "godsdienst": "religion",
    "levensovertuiging": "belief",
    "politieke_gezindheid": "political opinion",
    "geslacht": "gender",
    "nationaliteit": "nationality",
    "seksuele_gerichtheid": "sexual orientation",
    "burgerlijke_staat": "marital status",
    "handicap_chronische_ziekte": "disability",
    "leeftijd": "age",
    "arbeidsduur": "working hours",
    "contract": "contract type",
    "onbekend": "unknown",
    "gegrond": "founded",
    "deels_gegrond": "partly founded",
    "ongegrond": "unfounded",
    "niet_ontvankelijk": "inadmissible",
    "ingetrokken": "withdrawn",
    "in_behandeling": "pending",
}
ENGLISH_ORGANISATIONS = {
    "kerndepartement": "headquarters (The Hague)",
    "Postennet": "missions abroad",
}
EXCEL_NL_VALUES: dict[str, str] = {
    IC: "integriteitscoördinator",
    "agressie_geweld": "agressie/geweld",
    "handicap_chronische_ziekte": "handicap/chronische ziekte",
}


def render_value(column: str, value: str, style: Style) -> str:
    if not value or column in ("departement", "jaar", "aantal", "koppelsleutel"):
        return value
    if column == "organisatie":
        return ENGLISH_ORGANISATIONS.get(value, value) if style.values == "english" else value
    if style.values == "english":
        return ENGLISH_VALUES.get(value, value.replace("_", " "))
    if style.values == "excel_nl":
        return EXCEL_NL_VALUES.get(value, value.replace("_", " "))
    if style.values == "mixed_case":
        text = value.replace("_", " ")
        if value == "agressie_geweld":
            text = "agressie en geweld"
        return text[:1].upper() + text[1:]
    return value


# ---------------------------------------------------------------------------------------------
# Reference data (read directly: the generator needs only two small tables).


@dataclass(frozen=True)
class MinistryRow:
    code: str
    name_nl: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    in_sector_rijk: bool


def read_ministries(reference_dir: Path = REFERENCE_DIR) -> list[MinistryRow]:
    with (reference_dir / "ministries.csv").open(encoding="utf-8", newline="") as handle:
        return [
            MinistryRow(
                code=row["code"],
                name_nl=row["name_nl"],
                valid_from=dt.date.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
                valid_to=dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                in_sector_rijk=row["in_sector_rijk"] == "true",
            )
            for row in csv.DictReader(handle)
        ]


def read_sector_fte(reference_dir: Path = REFERENCE_DIR) -> dict[int, tuple[int, str]]:
    with (reference_dir / "sector_rijk_fte.csv").open(encoding="utf-8", newline="") as handle:
        return {int(row["year"]): (int(row["fte"]), row["kind"]) for row in csv.DictReader(handle)}


def ministries_in_year(rows: Sequence[MinistryRow], year: int) -> list[str]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [
        m.code
        for m in rows
        if m.in_sector_rijk
        and (m.valid_from is None or m.valid_from <= last)
        and (m.valid_to is None or m.valid_to >= first)
    ]


# ---------------------------------------------------------------------------------------------
# Random draws.

T = TypeVar("T")


class Draws:
    """Seeded draws built on random.Random.random() only (stable across Python versions)."""

    def __init__(self, seed: int):
        self._random = random.Random(seed)

    def uniform(self) -> float:
        return self._random.random()

    def chance(self, probability: float) -> bool:
        return self.uniform() < probability

    def weighted(self, options: Sequence[tuple[T, float]]) -> T:
        total = sum(weight for _, weight in options)
        point = self.uniform() * total
        cumulative = 0.0
        for option, weight in options:
            cumulative += weight
            if point < cumulative:
                return option
        return options[-1][0]

    def shuffled(self, items: Sequence[T]) -> list[T]:
        result = list(items)
        for i in range(len(result) - 1, 0, -1):
            j = int(self.uniform() * (i + 1))
            result[i], result[j] = result[j], result[i]
        return result


# ---------------------------------------------------------------------------------------------
# The cases.


@dataclass
class Case:
    department: str
    year: int
    categorie: str
    channels: list[str]
    concerns: dict[str, str]  # per channel: ja | deels | nee
    grond: str
    organisatie: str
    uitkomst: dict[str, str] = field(default_factory=dict)
    key: str = ""

    @property
    def linked(self) -> bool:
        return len(self.channels) > 1


NO_DIGIT_RUN = re.compile(r"\d{5,}")


def link_key(seed: int, department: str, year: int, number: int) -> str:
    """Pseudonymous case key: 20 lowercase hex characters from a seeded hash.

    Keys with a run of 5 or more digits are skipped, so that no key contains anything that looks
    like a phone number or a 9-digit citizen service number.
    """
    salt = 0
    while True:
        text = f"meldingenmonitor-demo|{seed}|{department}|{year}|{number}|{salt}"
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
        if not NO_DIGIT_RUN.search(key):
            return key
        salt += 1


class Generator:
    def __init__(self, seed: int = SEED, reference_dir: Path = REFERENCE_DIR):
        self.seed = seed
        self.draws = Draws(seed)
        self.ministries = read_ministries(reference_dir)
        self.sector_fte = read_sector_fte(reference_dir)
        self.names = {m.code: m.name_nl for m in self.ministries}
        self.cases: list[Case] = []

    # -- coverage -------------------------------------------------------------------------------
    def departments(self, year: int) -> list[str]:
        return [
            code
            for code in ministries_in_year(self.ministries, year)
            if (code, year) not in MISSING_DEPARTMENT_YEARS
        ]

    def channels(self, code: str, year: int) -> list[str]:
        if (code, year) in MISSING_DEPARTMENT_YEARS:
            return []
        base = [IC, MP, VP, KC] if code in MELDPUNT_DEPARTMENTS else [IC, VP, KC]
        return [c for c in base if (code, year, c) not in MISSING_CHANNELS]

    def delivers(self, code: str, year: int, channel: str) -> bool:
        return channel in self.channels(code, year)

    def pick_department(self, year: int, *, concerns: bool = False, channel: str = "") -> str:
        weights = report_weights(year)
        options = [
            (code, weights[code])
            for code in self.departments(year)
            if (not concerns or style_for(code, year).records_concerns)
            and (not channel or self.delivers(code, year, channel))
        ]
        return self.draws.weighted(options)

    def keyed(self, code: str, year: int) -> bool:
        return style_for(code, year).keys != "none"

    # -- attributes -----------------------------------------------------------------------------
    def organisation(self, code: str, year: int) -> str:
        return self.draws.weighted(organisations(code, year))

    def outcome(self, channel: str, year: int) -> str:
        if channel == KC:
            options = [
                ("gegrond", 0.20),
                ("deels_gegrond", 0.10),
                ("ongegrond", 0.35),
                ("niet_ontvankelijk", 0.15),
                ("ingetrokken", 0.20),
            ]
            pending = {2024: 0.10, 2025: 0.45}.get(year, 0.0)
        elif channel == IC:
            options = [
                ("", 0.30),
                ("gegrond", 0.20),
                ("ongegrond", 0.15),
                ("onbekend", 0.25),
                ("ingetrokken", 0.10),
            ]
            pending = {2024: 0.05, 2025: 0.25}.get(year, 0.0)
        elif channel == MP:
            options = [("", 0.5), ("onbekend", 0.3), ("gegrond", 0.1), ("ongegrond", 0.1)]
            pending = 0.0
        else:
            return ""  # a confidential adviser supports, and does not judge
        if pending:
            options.append(("in_behandeling", pending))
        return self.draws.weighted(options)

    def ground(self, categorie: str) -> str:
        if categorie == "racisme":
            return self.draws.weighted(RACISM_GROUNDS)
        return self.draws.weighted(DISCRIMINATION_GROUNDS)

    def first_channel(self, code: str, year: int, options: Sequence[tuple[str, float]]) -> str:
        channel = self.draws.weighted(options)
        if channel == MP and not self.delivers(code, year, MP):
            channel = IC
        if channel == KC and not self.delivers(code, year, KC):
            channel = VP
        return channel

    def finish(self, case: Case) -> Case:
        for channel in case.channels:
            case.uitkomst[channel] = self.outcome(channel, case.year)
        self.cases.append(case)
        return case

    # -- the three kinds of cases ---------------------------------------------------------------
    def letter_case(self, year: int) -> Case:
        """A report of discrimination or racism at IC, meldpunt or VP (the letter's figure)."""
        kind = self.draws.weighted([("discriminatie", 0.45), ("racisme", 0.43), ("deels", 0.12)])
        partly = kind == "deels"
        code = self.pick_department(year, concerns=partly)
        categorie = (
            self.draws.weighted([("pesten", 0.6), ("seksuele_intimidatie", 0.2), ("overig", 0.2)])
            if partly
            else kind
        )
        channel = self.first_channel(code, year, [(VP, 0.55), (IC, 0.30), (MP, 0.15)])
        return Case(
            department=code,
            year=year,
            categorie=categorie,
            channels=[channel],
            concerns={channel: "deels" if partly else "ja"},
            grond=self.ground("racisme" if categorie == "racisme" else "discriminatie"),
            organisatie=self.organisation(code, year),
        )

    def link_letter_case(self, case: Case, *, to_committee: bool) -> None:
        """Add a second (and maybe a third) channel to a discrimination case."""
        first = case.channels[0]
        if first == VP:
            with_mp = self.delivers(case.department, case.year, MP) and self.draws.chance(0.3)
            second = MP if with_mp else IC
        elif first == IC:
            second = VP
        else:
            second = IC
        case.channels.append(second)
        case.concerns[second] = case.concerns[first]
        if to_committee and self.delivers(case.department, case.year, KC):
            case.channels.append(KC)
            case.concerns[KC] = self.draws.weighted([(case.concerns[first], 0.6), ("deels", 0.4)])

    def committee_case(self, year: int) -> Case:
        """A complaint at a complaints committee that (partly) concerns discrimination."""
        wholly = year > 2020 and self.draws.chance(0.5)
        code = self.pick_department(year, concerns=True, channel=KC)
        if wholly:
            categorie = self.draws.weighted([("discriminatie", 0.5), ("racisme", 0.5)])
        else:
            categorie = self.draws.weighted(
                [("pesten", 0.5), ("overig", 0.2), ("discriminatie", 0.2), ("racisme", 0.1)]
            )
        concern = "ja" if wholly else "deels"
        channels = [KC]
        concerns = {KC: concern}
        # From 2021 some complainants first went to a confidential adviser. In 2018-2020 the
        # five complaints stand alone, so the letter's two figures do not overlap.
        if year > 2020 and self.keyed(code, year) and self.draws.chance(0.3):
            channels = [VP, KC]
            concerns = {VP: concern, KC: concern}
        return Case(
            department=code,
            year=year,
            categorie=categorie,
            channels=channels,
            concerns=concerns,
            grond=self.ground("racisme" if categorie == "racisme" else "discriminatie"),
            organisatie=self.organisation(code, year),
        )

    def other_case(self, year: int) -> Case:
        """Bullying, sexual harassment, aggression or other undesirable behaviour."""
        code = self.pick_department(year)
        categorie = self.draws.weighted(OTHER_CATEGORIES)
        if year >= KCOO_START:
            options = [(VP, 0.50), (IC, 0.22), (MP, 0.08), (KC, 0.20)]
        else:
            options = [(VP, 0.55), (IC, 0.24), (MP, 0.08), (KC, 0.13)]
        first = self.first_channel(code, year, options)
        channels = [first]
        if first != KC and self.keyed(code, year) and self.draws.chance(OTHER_LINK_PROBABILITY):
            if first == VP:
                chain = self.draws.weighted(
                    [([VP, IC], 0.6), ([VP, KC], 0.25), ([VP, IC, KC], 0.15)]
                )
            elif first == IC:
                chain = self.draws.weighted([([IC, KC], 0.5), ([IC, VP], 0.5)])
            else:
                chain = [MP, IC]
            channels = [c for c in chain if self.delivers(code, year, c)]
        return Case(
            department=code,
            year=year,
            categorie=categorie,
            channels=channels,
            concerns={c: "nee" for c in channels},
            grond="",
            organisatie=self.organisation(code, year),
        )

    def generate_cases(self) -> None:
        for year in YEARS:
            letter = [self.letter_case(year) for _ in range(LETTER_CASES[year])]
            if year in LETTER_LINKED_2018_2020:
                candidates = [c for c in letter if self.keyed(c.department, year)]
                chosen = self.draws.shuffled(candidates)[: LETTER_LINKED_2018_2020[year]]
                for case in chosen:
                    self.link_letter_case(case, to_committee=False)
            else:
                for case in letter:
                    if self.keyed(case.department, year) and self.draws.chance(
                        LETTER_LINK_PROBABILITY
                    ):
                        self.link_letter_case(case, to_committee=self.draws.chance(0.3))
            for case in letter:
                self.finish(case)
            for _ in range(COMMITTEE_DISCRIMINATION[year]):
                self.finish(self.committee_case(year))
            for _ in range(OTHER_CASES[year]):
                self.finish(self.other_case(year))
        self.assign_keys()

    def assign_keys(self) -> None:
        numbers: dict[tuple[str, int], int] = {}
        for case in self.cases:
            style = style_for(case.department, case.year)
            if style.keys == "all" or (style.keys == "linked" and case.linked):
                scope = (case.department, case.year)
                numbers[scope] = numbers.get(scope, 0) + 1
                case.key = link_key(self.seed, case.department, case.year, numbers[scope])

    # -- canonical rows -------------------------------------------------------------------------
    def rows(self, code: str, year: int, channel: str) -> list[dict[str, str]]:
        """Canonical rows of one department-year-channel, as that department would export them."""
        style = style_for(code, year)
        rows: list[dict[str, str]] = []
        for case in self.cases:
            if case.department != code or case.year != year or channel not in case.channels:
                continue
            concern = case.concerns[channel]
            organisatie = case.organisatie
            if channel == KC and year >= KCOO_START:
                organisatie = KCOO_ORGANISATION
            rows.append(
                {
                    "departement": code,
                    "jaar": str(year),
                    "kanaal": channel,
                    "categorie": case.categorie,
                    "betreft_discriminatie": concern,
                    "grond": case.grond if concern in ("ja", "deels") else "",
                    "uitkomst": case.uitkomst[channel],
                    "organisatie": organisatie,
                    "aantal": "1",
                    "koppelsleutel": case.key,
                }
            )
        if not rows:
            return [zero_row(code, year, channel)]
        if not style.aggregate:
            return rows
        merged: dict[tuple[str, ...], dict[str, str]] = {}
        keyed_rows = []
        for row in rows:
            if row["koppelsleutel"]:
                keyed_rows.append(row)
                continue
            identity = tuple(row[c] for c in COLUMNS if c != "aantal")
            if identity in merged:
                merged[identity]["aantal"] = str(int(merged[identity]["aantal"]) + 1)
            else:
                merged[identity] = dict(row)
        order = {c: i for i, c in enumerate(("discriminatie", "racisme", *dict(OTHER_CATEGORIES)))}
        aggregated = sorted(
            merged.values(),
            key=lambda r: (order[r["categorie"]], r["betreft_discriminatie"], r["grond"],
                           r["organisatie"], r["uitkomst"]),
        )  # fmt: skip
        return aggregated + keyed_rows

    def all_rows(self) -> dict[tuple[str, int, str], list[dict[str, str]]]:
        result = {}
        for year in YEARS:
            for code in self.departments(year):
                for channel in self.channels(code, year):
                    result[(code, year, channel)] = self.rows(code, year, channel)
        return result

    # -- fte ------------------------------------------------------------------------------------
    def fte(self, year: int) -> list[tuple[str, int, int]]:
        """(code, fte, medewerkers): the sector total split by fixed weights, exactly."""
        total, _kind = self.sector_fte[year]
        weights = FTE_WEIGHTS_UNTIL_2023 if year < 2024 else FTE_WEIGHTS_FROM_2024
        codes = [c for c in ministries_in_year(self.ministries, year) if c in weights]
        shares = largest_remainder(total, [weights[c] for c in codes])
        return [
            (code, share, int(share * HEADCOUNT_FACTOR[code] + 0.5))
            for code, share in zip(codes, shares, strict=True)
        ]


def zero_row(code: str, year: int, channel: str) -> dict[str, str]:
    """'None this year for this channel': one row with aantal 0."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        departement=code,
        jaar=str(year),
        kanaal=channel,
        categorie="overig",
        betreft_discriminatie="nee",
        aantal="0",
    )
    return row


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Integers proportional to weights that sum exactly to total (Hamilton's method)."""
    weight_sum = sum(weights)
    quotas = [Fraction(total * w, weight_sum) for w in weights]
    shares = [int(q) for q in quotas]
    remaining = total - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in by_remainder[:remaining]:
        shares[i] += 1
    return shares


# ---------------------------------------------------------------------------------------------
# Writing files.


def csv_bytes(
    header: Sequence[str], rows: Sequence[Sequence[str]], fmt: str, *, crlf: bool = False
) -> bytes:
    buffer = io.StringIO()
    delimiter = ";" if fmt == "csv_excel_nl" else ","
    terminator = "\r\n" if fmt == "csv_excel_nl" or crlf else "\n"
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
    writer.writerow(header)
    writer.writerows(rows)
    encoding = {"csv": "utf-8", "csv_bom": "utf-8-sig", "csv_excel_nl": "cp1252"}[fmt]
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]]) -> bytes:
    """An .xlsx with fixed properties and zip timestamps, so the bytes do not depend on the clock."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    for index, (title, header, rows) in enumerate(sheets):
        sheet = first if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(list(header))
        for row in rows:
            sheet.append([None if value == "" else value for value in row])
    properties = workbook.properties
    properties.creator = f"Meldingenmonitor Rijk demo-generator ({MARKER})"
    properties.lastModifiedBy = properties.creator
    properties.title = f"{MARKER}E demodata"
    properties.created = XLSX_TIMESTAMP
    properties.modified = XLSX_TIMESTAMP
    raw = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    normalised = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(normalised, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return normalised.getvalue()


NOTES_SHEET = (
    "Toelichting",
    ["toelichting"],
    [
        [f"{MARKER}: verzonnen demodata, geen echte meldingen."],
        ["Het eerste tabblad bevat de meldingen; dit tabblad is alleen toelichting."],
    ],
)


def report_file(
    code: str, year: int, channel: str | None, rows: list[dict[str, str]], names: dict[str, str]
) -> tuple[str, bytes]:
    style = style_for(code, year)
    columns = list(style.columns)
    if style.drop_aantal_without_zero_rows and all(r["aantal"] != "0" for r in rows):
        columns.remove("aantal")
    for row in rows:
        for column in COLUMNS:
            if column not in columns and row[column] and not dropped_is_default(column, row):
                raise ValueError(f"{code} {year}: column {column} dropped with value {row[column]}")
    header = [HEADERS[style.headers][c] for c in columns]
    if style.department == "code":
        department = code
    elif style.department == "name_nl":
        department = names[code]
    else:
        department = style.department
    table: list[list[object]] = []
    for row in rows:
        cells: list[object] = []
        for column in columns:
            value = (
                department if column == "departement" else render_value(column, row[column], style)
            )
            if style.fmt == "xlsx" and column in ("jaar", "aantal") and value != "":
                cells.append(int(value))
            else:
                cells.append(value)
        table.append(cells)
    part = f"meldingen_{channel}" if channel else "meldingen"
    extension = "xlsx" if style.fmt == "xlsx" else "csv"
    name = f"{code}_{year}_{part}_{MARKER}.{extension}"
    if style.fmt == "xlsx":
        sheets = [("Meldingen", header, table)]
        if style.notes_sheet:
            sheets.append(NOTES_SHEET)
        return name, xlsx_bytes(sheets)
    return name, csv_bytes(header, [[str(v) for v in r] for r in table], style.fmt)


def dropped_is_default(column: str, row: dict[str, str]) -> bool:
    """A dropped column is harmless when its value is what a reader assumes without it."""
    if column == "betreft_discriminatie":
        default = "ja" if row["categorie"] in ("discriminatie", "racisme") else "nee"
        return row[column] == default
    if column == "aantal":
        return row[column] == "1"
    return column in ("uitkomst", "organisatie")  # information the department did not export


FTE_FORMATS = {2020: "xlsx", 2022: "csv_excel_nl", 2024: "xlsx"}


def fte_file(
    year: int, values: list[tuple[str, int, int]], names: dict[str, str]
) -> tuple[str, bytes]:
    fmt = FTE_FORMATS.get(year, "csv")
    name = f"fte_{year}_{MARKER}.{'xlsx' if fmt == 'xlsx' else 'csv'}"
    if fmt == "xlsx":
        header = ["departement", "jaar", "fte", "medewerkers"]
        rows = [[code, year, fte, headcount] for code, fte, headcount in values]
        return name, xlsx_bytes([("fte", header, rows)])
    if fmt == "csv_excel_nl":
        header = ["Ministerie", "Jaar", "FTE", "Aantal medewerkers"]
        rows = [
            ["Financiën" if code == "FIN" else code, str(year), str(fte), str(headcount)]
            for code, fte, headcount in values
        ]
        return name, csv_bytes(header, rows, fmt)
    header = ["departement", "jaar", "fte", "medewerkers"]
    rows = [[code, str(year), str(fte), str(headcount)] for code, fte, headcount in values]
    return name, csv_bytes(header, rows, fmt)


# ---------------------------------------------------------------------------------------------
# Measures ('maatregelen', issue 18): what the ministries do against under-reporting. Made so that
# a page on willingness to report has something to compare: every ministry reports its
# confidential advisers every year (3-25, growing with the square root of its fte share); about
# half of the ministries start trainings, JenV and SZW in 2021 and a cohort of four in 2022, the
# new ministries that split off from a training one (VRO from BZK, AenM from JenV) from their
# first year; AZ, BZ, VWS, EZK (EZ, KGG) and LNV (LVVN) never train in 2018-2025. Workshops,
# campaigns and information sessions are sparse. Drawn with their own seed, so that the reports
# above do not change with them.

MEASURE_SEED_OFFSET = 18  # issue 18
TRAINING_START: dict[str, int] = {
    "JenV": 2021,
    "SZW": 2021,
    "BZK": 2022,
    "FIN": 2022,
    "IenW": 2022,
    "OCW": 2022,
    "VRO": 2024,
    "AenM": 2024,
}
# A campaign is rare: one per ministry at most every few years.
CAMPAIGNS = frozenset({("BZK", 2021), ("JenV", 2022), ("BZK", 2023), ("OCW", 2024), ("FIN", 2025)})
WORKSHOP_CHANCE = 0.12
VOORLICHTING_CHANCE = 0.2
FIN_ORGANISATIONS = (("Belastingdienst", 0.7), ("Kernministerie", 0.3))
MEASURE_FORMATS = {2020: "xlsx", 2023: "english"}  # 'csv' (UTF-8) otherwise
MEASURE_HEADERS = {
    "canonical": ("departement", "jaar", "soort", "aantal", "deelnemers", "organisatie"),
    "english": ("department", "year", "type", "count", "participants", "organisation"),
}
ENGLISH_MEASURE_KINDS = {
    "training": "training",
    "workshop": "workshop",
    "campagne": "campaign",
    "voorlichting": "information session",
    "vertrouwenspersonen": "confidential advisers",
}


def ministries_at_year_end(rows: Sequence[MinistryRow], year: int) -> list[str]:
    """Sector Rijk ministries on 31 December: a measures file counts advisers at the year's end."""
    last = dt.date(year, 12, 31)
    return [
        m.code
        for m in rows
        if m.in_sector_rijk
        and (m.valid_from is None or m.valid_from <= last)
        and (m.valid_to is None or m.valid_to >= last)
    ]


def measure_weight(code: str, year: int) -> int:
    """The ministry's fte share (per mille) in that year, as the fte files split the sector."""
    return (FTE_WEIGHTS_UNTIL_2023 if year < 2024 else FTE_WEIGHTS_FROM_2024)[code]


def confidential_advisers_base(code: str, year: int) -> int:
    """3 for the smallest ministry up to 25 for the largest, with the square root of its share."""
    largest = max(FTE_WEIGHTS_UNTIL_2023.values())
    return max(3, min(25, round(3 + 22 * (measure_weight(code, year) / largest) ** 0.5)))


def measure_rows(rows: Sequence[MinistryRow], seed: int = SEED) -> dict[int, list[dict[str, str]]]:
    """Canonical measures rows per year (departement, jaar, soort, aantal, deelnemers,
    organisatie), every ministry of the year in reference order, kinds in contract order."""
    draws = Draws(seed + MEASURE_SEED_OFFSET)
    result: dict[int, list[dict[str, str]]] = {}
    for year in YEARS:
        year_rows: list[dict[str, str]] = []
        for code in ministries_at_year_end(rows, year):
            weight = measure_weight(code, year)

            def add(
                kind: str,
                count: int,
                participants: str = "",
                organisation: str = "",
                *,
                code: str = code,
                year: int = year,
                year_rows: list[dict[str, str]] = year_rows,
            ) -> None:
                year_rows.append(
                    {
                        "departement": code,
                        "jaar": str(year),
                        "soort": kind,
                        "aantal": str(count),
                        "deelnemers": participants,
                        "organisatie": organisation,
                    }
                )

            start = TRAINING_START.get(code)
            if start is not None and year >= start:
                trainings = max(1, round(weight / 40)) + int(draws.uniform() * 3)
                if code == "FIN":
                    split = largest_remainder(trainings, [7, 3])
                    for (organisation, _), count in zip(FIN_ORGANISATIONS, split, strict=True):
                        people = count * (12 + int(draws.uniform() * 9))
                        add("training", count, str(people), organisation)
                else:
                    add("training", trainings, str(trainings * (12 + int(draws.uniform() * 9))))
            if year >= 2019 and draws.chance(WORKSHOP_CHANCE):
                workshops = 1 + int(draws.uniform() * 2)
                add("workshop", workshops, str(workshops * (10 + int(draws.uniform() * 21))))
            if (code, year) in CAMPAIGNS:
                add("campagne", 1)
            if draws.chance(VOORLICHTING_CHANCE):
                sessions = 1 + int(draws.uniform() * 3)
                # Not every department counts who came to an information session.
                known = draws.chance(0.7)
                people = str(sessions * (20 + int(draws.uniform() * 41))) if known else ""
                add("voorlichting", sessions, people)
            drift = draws.weighted(((-1, 1.0), (0, 2.0), (1, 1.0)))
            advisers = max(3, min(25, confidential_advisers_base(code, year) + drift))
            add("vertrouwenspersonen", advisers)
        result[year] = year_rows
    return result


def measures_file(year: int, rows: list[dict[str, str]]) -> tuple[str, bytes]:
    """One measures file per year for all ministries, as a coordinating department would send it."""
    fmt = MEASURE_FORMATS.get(year, "csv")
    columns = MEASURE_HEADERS["canonical"]
    headers = MEASURE_HEADERS["english" if fmt == "english" else "canonical"]
    table: list[list[object]] = []
    for row in rows:
        cells: list[object] = []
        for column in columns:
            value: object = row[column]
            if fmt == "english" and column == "soort":
                value = ENGLISH_MEASURE_KINDS[row[column]]
            if fmt == "xlsx" and column in ("jaar", "aantal", "deelnemers") and value != "":
                value = int(row[column])
            cells.append(value)
        table.append(cells)
    name = f"maatregelen_{year}_{MARKER}.{'xlsx' if fmt == 'xlsx' else 'csv'}"
    if fmt == "xlsx":
        return name, xlsx_bytes([("Maatregelen", headers, table)])
    return name, csv_bytes(headers, [[str(v) for v in r] for r in table], "csv")


# ---------------------------------------------------------------------------------------------
# Checks on the canonical data (the test suite checks the written files independently).


def is_discrimination(row: dict[str, str]) -> bool:
    return row["betreft_discriminatie"] in ("ja", "deels")


def letter_figures(
    rows: dict[tuple[str, int, str], list[dict[str, str]]], year: int
) -> tuple[int, int]:
    """(sum of aantal, distinct cases) of discrimination reports at IC, meldpunt and VP."""
    total = 0
    keys: set[tuple[str, str]] = set()
    unkeyed = 0
    for (code, row_year, channel), channel_rows in rows.items():
        if row_year != year or channel not in LETTER_CHANNELS:
            continue
        for row in channel_rows:
            if not is_discrimination(row):
                continue
            total += int(row["aantal"])
            if row["koppelsleutel"]:
                keys.add((code, row["koppelsleutel"]))
            else:
                unkeyed += int(row["aantal"])
    return total, unkeyed + len(keys)


def committee_figures(
    rows: dict[tuple[str, int, str], list[dict[str, str]]], years: Sequence[int]
) -> dict[str, int]:
    counts = {"ja": 0, "deels": 0, "nee": 0}
    for (_code, year, channel), channel_rows in rows.items():
        if year in years and channel == KC:
            for row in channel_rows:
                counts[row["betreft_discriminatie"]] += int(row["aantal"])
    return counts


def check(generator: Generator, rows: dict[tuple[str, int, str], list[dict[str, str]]]) -> None:
    for year in (2018, 2019, 2020):
        total, distinct = letter_figures(rows, year)
        if not (25 <= total <= 35 and 25 <= distinct <= 35):
            raise AssertionError(f"{year}: letter figure {total} reports / {distinct} cases")
    committee = committee_figures(rows, (2018, 2019, 2020))
    if committee["deels"] != 5 or committee["ja"] != 0:
        raise AssertionError(f"2018-2020 committee complaints: {committee}")
    linked = sum(1 for case in generator.cases if case.linked)
    if linked < 40:
        raise AssertionError(f"only {linked} linked cases")
    for year in FTE_YEARS:
        if sum(fte for _, fte, _ in generator.fte(year)) != generator.sector_fte[year][0]:
            raise AssertionError(f"{year}: fte do not add up to the sector total")


# ---------------------------------------------------------------------------------------------
# README.


def measures_readme_table(measures: dict[int, list[dict[str, str]]]) -> str:
    lines = []
    for year in YEARS:
        rows = measures[year]
        trainers = sorted({r["departement"] for r in rows if r["soort"] == "training"})

        def total(kind: str, rows: list[dict[str, str]] = rows) -> int:
            return sum(int(r["aantal"]) for r in rows if r["soort"] == kind)

        lines.append(
            f"| {year} | {len({r['departement'] for r in rows})} | {total('vertrouwenspersonen')} "
            f"| {', '.join(trainers) or '-'} | {total('training')} | {total('workshop')} "
            f"| {total('campagne')} | {total('voorlichting')} |"
        )
    return "\n".join(lines)


def readme(
    generator: Generator,
    rows: dict[tuple[str, int, str], list[dict[str, str]]],
    files: list[str],
    measures: dict[int, list[dict[str, str]]],
) -> str:
    lines_table = []
    for year in YEARS:
        total, distinct = letter_figures(rows, year)
        committee = committee_figures(rows, (year,))
        all_reports = sum(int(r["aantal"]) for k, rs in rows.items() if k[1] == year for r in rs)
        discrimination = sum(
            int(r["aantal"])
            for k, rs in rows.items()
            if k[1] == year
            for r in rs
            if is_discrimination(r)
        )
        fte = f"{generator.sector_fte[year][0]:,}".replace(",", ".") if year in FTE_YEARS else "-"
        lines_table.append(
            f"| {year} | {len(generator.departments(year))} | {all_reports} | {discrimination} "
            f"| {total} | {distinct} | {committee['deels']} | {committee['ja']} | {fte} |"
        )
    linked = sum(1 for case in generator.cases if case.linked)
    zero_rows = sum(1 for rs in rows.values() if len(rs) == 1 and rs[0]["aantal"] == "0")
    file_list = "\n".join(f"- `{name}`" for name in files)
    table = "\n".join(lines_table)
    measures_table = measures_readme_table(measures)
    starts = ", ".join(f"{code} {year}" for code, year in TRAINING_START.items())
    return f"""# Demodata ({MARKER}) / demo data (SYNTHETIC)

**Alle bestanden in deze map zijn verzonnen. Het zijn geen echte meldingen van discriminatie of
racisme en geen echte personeelsaantallen.** Elke bestandsnaam bevat `{MARKER}`.

**Every file in this folder is made up. These are not real reports of discrimination or racism,
nor real staff numbers.** Every file name contains `{MARKER}` (Dutch for 'synthetic').

## Nederlands

De bestanden zijn gemaakt met `etl/demo_data.py`:

    .venv/bin/python -m etl.demo_data --out data/demo

De generator is gezaaid (seed {SEED}) en gebruikt geen tijd of toeval van buitenaf: dezelfde
aanroep geeft byte voor byte dezelfde bestanden (ook de .xlsx-bestanden: vaste
documenteigenschappen en vaste tijdstempels in het zip-archief).

Hoe de data is gemaakt:

- Per jaar wordt een vast aantal 'zaken' getrokken en over de ministeries verdeeld naar hun
  (verzonnen) aandeel in het personeel: meldingen van discriminatie en racisme bij
  integriteitscoördinator, meldpunt of vertrouwenspersoon; klachten bij een klachtencommissie die
  (deels) over discriminatie gaan; en alle andere ongewenste omgangsvormen (pesten, seksuele
  intimidatie, agressie en geweld, overig). Discriminatie en racisme zijn een minderheid (ongeveer
  10-20%) van alle meldingen. Na 2021 stijgt het aantal meldingen licht.
- Een deel van de zaken bereikt twee of drie kanalen van hetzelfde ministerie in hetzelfde jaar
  (bijvoorbeeld een vertrouwenspersoon die doorverwijst naar de integriteitscoördinator). Die
  rijen delen een pseudonieme `koppelsleutel` (20 hexadecimale tekens uit een gezaaide hash; nooit
  een naam, e-mailadres, telefoonnummer of 9-cijferig nummer). In totaal {linked} gekoppelde zaken.
- De aantallen kloppen met de enige gepubliceerde cijfers van deze reeks, uit de brief aan de
  Tweede Kamer over de meldpunten discriminatie binnen het Rijk (staatssecretaris van BZK, na de
  toezegging bij de begrotingsbehandeling van 28 oktober 2021; zie `data/reference/SOURCES.md`):
  2018, 2019 en 2020 elk tussen 25 en 35 meldingen van
  discriminatie en racisme bij integriteitscoördinatoren, meldpunten en vertrouwenspersonen samen,
  en over die drie jaar in totaal 5 klachten bij klachtencommissies die *deels* over
  discriminatie gingen. Andere jaren zijn niet gepubliceerd en hier vrij verzonnen.
- fte per ministerie: het gepubliceerde fte-totaal van sector Rijk
  (`data/reference/sector_rijk_fte.csv`; 2023 is daar afgeleid) verdeeld met vaste gewichten
  (grootste-restmethode, zodat de ministeries precies optellen tot het sectortotaal). In 2024
  staan de fte onder de nieuwe ministeries (EZ, KGG, LVVN, VRO, AenM). Voor 2025 is er geen
  gepubliceerd totaal en dus bewust geen fte.

Opzettelijke variatie, zodat de inlezer alles moet aankunnen: UTF-8 met komma's, UTF-8 met BOM
(OCW, VWS), puntkomma's in Windows-1252 zoals Nederlandse Excel ze schrijft (FIN, met
'Financiën' en 'integriteitscoördinator'; ook `fte_2022`), .xlsx (EZK/EZ/KGG met een tweede
tabblad, SZW, IenW tot en met 2021, fte 2020 en 2024), Engelse kolomnamen en waarden (BZ),
volledige ministerienamen (BZK), kolomnamen als synoniemen (VWS), hoofdletters in waarden
(LNV/LVVN), één bestand per kanaal (FIN, JenV, AenM), één rij per melding of samengevoegde rijen
met `aantal`, expliciete nulrijen ('geen meldingen dit jaar via dit kanaal', {zero_rows} stuks), en
gaten: AZ 2019 ontbreekt helemaal, en enkele kanalen ontbreken voor een jaar (SZW 2018, JenV
2019, OCW 2021, VWS 2023 geen klachtencommissie; FIN 2022 geen meldpunt). Het kanaal
'leidinggevende' wordt in de praktijk niet geregistreerd en komt niet voor. In 2024 leveren EZK
en LNV (tot 1 juli) en hun opvolgers (vanaf 2 juli) allebei. Vanaf 2025 behandelt de rijksbrede
klachtencommissie KCOO de klachten (organisatie 'KCOO (rijksbreed)'; het departement blijft dat
van de melder).

## English

Made by `etl/demo_data.py` (command above), seeded ({SEED}), with no input from the clock: the
same call writes the same bytes, .xlsx included (fixed document properties and zip timestamps).

How it was made: each year a fixed number of cases is drawn and spread over the ministries by
their (made-up) share of staff: discrimination and racism reports at integrity coordinators,
report points and confidential advisers; complaints at complaints committees that (partly)
concern discrimination; and all other undesirable behaviour (bullying, sexual harassment,
aggression, other), so that discrimination and racism are a minority (about 10-20%) of all
reports, with a modest rise after 2021. Some cases reach two or three channels of one ministry in
one year and share a pseudonymous `koppelsleutel` (link key: 20 hex characters from a seeded hash)
({linked} linked cases in all).

Published figures it matches (the letter to parliament on reporting points for discrimination
within central government, by the BZK state secretary after the commitment of 28 October 2021,
the only published figures of this series): in each of 2018, 2019 and
2020 between 25 and 35 reports of discrimination and racism at integrity coordinators, report
points and confidential advisers together, and over those three years 5 complaints at the
complaints committees that partly concerned discrimination. The fte per ministry split the
published sector Rijk totals (2023 derived) with fixed weights, adding up exactly; 2025 has no
published total and therefore no fte. Other years' report numbers are invented.

Deliberate variety and gaps are listed in the Dutch section: encodings, separators, .xlsx,
English headers (BZ), full ministry names (BZK), one file per channel (FIN, JenV, AenM), explicit
zero rows, AZ 2019 missing entirely, and a few missing channels.

## Maatregelen / measures

Per jaar één bestand `maatregelen_<jaar>_{MARKER}` met de maatregelen van alle ministeries van
sector Rijk op 31 december van dat jaar (kolommen departement, jaar, soort, aantal, deelnemers,
organisatie; 2020 als .xlsx, 2023 met Engelse kolomnamen en waarden). Elk ministerie geeft elk jaar
zijn aantal vertrouwenspersonen (3-25, naar de wortel van zijn verzonnen fte-aandeel, jaarlijks
hooguit één meer of minder). Ongeveer de helft van de ministeries begint met trainingen, daarna elk
jaar: {starts} (VRO en AenM vanaf hun eerste jaar, als afsplitsing van BZK en JenV). AZ, BZ, VWS,
EZK (EZ, KGG) en LNV (LVVN) trainen in 2018-2025 nooit. FIN geeft zijn trainingen per organisatie
(Belastingdienst, Kernministerie). Workshops, campagnes en voorlichting zijn schaars; bij
voorlichting ontbreekt soms het aantal deelnemers. Alles verzonnen, met een eigen zaad (seed
{SEED} + {MEASURE_SEED_OFFSET}), zodat de meldingen hierboven er niet door veranderen.

One file per year with the measures of every sector Rijk ministry at 31 December (2020 as .xlsx,
2023 with English headers and values). Every ministry gives its confidential advisers every year
(3-25, with the square root of its made-up fte share); about half start trainings ({starts});
AZ, BZ, VWS, EZK (EZ, KGG) and LNV (LVVN) never train in 2018-2025; workshops, campaigns and
information sessions are sparse. All made up, with its own seed, so the reports do not change.

| jaar | ministeries | vertrouwenspersonen | trainen | trainingen | workshops | campagnes | voorlichting |
|---|---|---|---|---|---|---|---|
{measures_table}

## Cijfers / figures

Berekend uit de rijen: 'discr.' = rijen met betreft_discriminatie 'ja' of 'deels' (standaard 'ja'
voor categorie discriminatie/racisme zonder die kolom, anders 'nee'), opgeteld over `aantal`;
'zaken' telt rijen met dezelfde koppelsleutel binnen een departement-jaar één keer.
Computed from the rows as described: 'IC+MP+VP' sums `aantal`, 'cases' counts a link key once
per department-year.

| jaar | ministeries | alle meldingen | discr. (alle kanalen) | discr. IC+MP+VP | zaken/cases | KC deels | KC ja | fte sector |
|---|---|---|---|---|---|---|---|---|
{table}

## Bestanden / files

{file_list}
"""


# ---------------------------------------------------------------------------------------------


def generate(out_dir: Path = DEFAULT_OUT, seed: int = SEED) -> list[Path]:
    """Write every demo file into out_dir (replacing earlier SYNTHETISCH files) and the README."""
    generator = Generator(seed)
    generator.generate_cases()
    rows = generator.all_rows()
    check(generator, rows)

    files: dict[str, bytes] = {}
    for year in YEARS:
        for code in generator.departments(year):
            style = style_for(code, year)
            channels = generator.channels(code, year)
            if style.per_channel:
                for channel in channels:
                    name, data = report_file(
                        code, year, channel, rows[(code, year, channel)], generator.names
                    )
                    files[name] = data
            else:
                combined = [row for channel in channels for row in rows[(code, year, channel)]]
                name, data = report_file(code, year, None, combined, generator.names)
                files[name] = data
    for year in FTE_YEARS:
        name, data = fte_file(year, generator.fte(year), generator.names)
        files[name] = data
    measures = measure_rows(generator.ministries, seed)
    for year in YEARS:
        name, data = measures_file(year, measures[year])
        files[name] = data

    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in sorted(out_dir.iterdir()):
        if stale.is_file() and MARKER in stale.name:
            stale.unlink()
    written = []
    for name in sorted(files):
        path = out_dir / name
        path.write_bytes(files[name])
        written.append(path)
    readme_path = out_dir / "README.md"
    text = readme(generator, rows, sorted(files), measures)
    readme_path.write_text(text, encoding="utf-8", newline="\n")
    written.append(readme_path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help="seed (default %(default)s; the published-figure checks must still hold)",
    )
    args = parser.parse_args(argv)
    written = generate(args.out, args.seed)
    print(f"{len(written)} files written to {args.out}")


if __name__ == "__main__":
    main()
