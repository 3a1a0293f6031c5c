"""Reference facts (ministries, fte, surveys, events, colours) read from data/reference/, with sources."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"


def _read_rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Ministry:
    code: str
    name_nl: str
    name_en: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    in_sector_rijk: bool
    successor_codes: tuple[str, ...]
    aliases: tuple[str, ...]

    def exists_in_year(self, year: int) -> bool:
        """True when the ministry existed on at least one day of `year`."""
        starts_before_year_ends = self.valid_from is None or self.valid_from <= dt.date(
            year, 12, 31
        )
        ends_after_year_starts = self.valid_to is None or self.valid_to >= dt.date(year, 1, 1)
        return starts_before_year_ends and ends_after_year_starts

    def name(self, lang: str = "nl") -> str:
        return self.name_en if lang == "en" else self.name_nl


def _date_or_none(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@cache
def ministries() -> tuple[Ministry, ...]:
    return tuple(
        Ministry(
            code=row["code"],
            name_nl=row["name_nl"],
            name_en=row["name_en"],
            valid_from=_date_or_none(row["valid_from"]),
            valid_to=_date_or_none(row["valid_to"]),
            in_sector_rijk=row["in_sector_rijk"] == "true",
            successor_codes=tuple(c for c in row["successor_codes"].split("|") if c),
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in _read_rows("ministries.csv")
    )


@cache
def ministry_by_code() -> dict[str, Ministry]:
    return {m.code: m for m in ministries()}


def sector_rijk_codes_in_year(year: int) -> list[str]:
    """The ministries of sector Rijk that existed on at least one day of `year`."""
    return [m.code for m in ministries() if m.in_sector_rijk and m.exists_in_year(year)]


# Comparable groups across the 2024 reorganisation: a successor counts with its predecessor so
# that 2018 and 2025 describe the same part of government.
def comparable_group(code: str) -> str:
    """EZ and KGG report with their predecessor EZK, LVVN with LNV; VRO and AenM stand alone."""
    for ministry in ministries():
        if code in ministry.successor_codes:
            return ministry.code
    return code


def comparable_group_label(group: str, lang: str = "nl") -> str:
    successors = ministry_by_code()[group].successor_codes if group in ministry_by_code() else ()
    return f"{group} ({'/'.join(successors)})" if successors else group


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: str
    label_nl: str
    label_en: str
    source: str

    def label(self, lang: str = "nl") -> str:
        return self.label_en if lang == "en" else self.label_nl


@cache
def events() -> tuple[Event, ...]:
    return tuple(
        Event(
            date=dt.date.fromisoformat(row["date"]),
            kind=row["kind"],
            label_nl=row["label_nl"],
            label_en=row["label_en"],
            source=row["source"],
        )
        for row in _read_rows("events.csv")
    )


@dataclass(frozen=True)
class SectorFte:
    year: int
    fte: float
    kind: str
    source: str


@cache
def sector_rijk_fte() -> dict[int, SectorFte]:
    return {
        int(row["year"]): SectorFte(int(row["year"]), float(row["fte"]), row["kind"], row["source"])
        for row in _read_rows("sector_rijk_fte.csv")
    }


@dataclass(frozen=True)
class Survey:
    id: str
    year: int
    population: str
    measure: str
    value: float
    sample_size: int | None
    population_size: int | None
    kind: str
    source: str
    # How the survey can be matched to the register (publication.survey_comparison):
    # subject 'racism', 'discrimination' or 'reporting' (a share of victims who reported, not a
    # prevalence); period 'past_12_months', 'calendar_year', 'ever' or '' (not stated);
    # response_rate: respondents / invited, None when the source does not give it.
    subject: str = ""
    period: str = ""
    response_rate: float | None = None


@cache
def surveys() -> tuple[Survey, ...]:
    return tuple(
        Survey(
            id=row["id"],
            year=int(row["year"]),
            population=row["population"],
            measure=row["measure"],
            value=float(row["value"]),
            sample_size=int(row["sample_size"]) if row["sample_size"] else None,
            population_size=int(row["population_size"]) if row["population_size"] else None,
            kind=row["kind"],
            source=row["source"],
            subject=row["subject"],
            period=row["period"],
            response_rate=float(row["response_rate"]) if row["response_rate"] else None,
        )
        for row in _read_rows("surveys.csv")
    )


@dataclass(frozen=True)
class SurveyIndicator:
    """One published staff-survey figure on willingness to report, or a row marking it missing.

    indicator is 'knows_where_to_report', 'reported_experience' or 'trust_in_handling'; measure
    says what the share counts and in which direction (some trust items count 'not picked up').
    value is None exactly when kind is 'missing'; source says where it was found or searched.
    """

    id: str
    survey: str
    year: int
    indicator: str
    population: str
    population_nl: str
    measure: str
    measure_nl: str
    value: float | None
    sample_size: int | None
    kind: str
    citation: str  # key of its short citation in both languages (base.texts 'will.cite.<key>')
    source: str


@cache
def survey_indicators() -> tuple[SurveyIndicator, ...]:
    return tuple(
        SurveyIndicator(
            id=row["id"],
            survey=row["survey"],
            year=int(row["year"]),
            indicator=row["indicator"],
            population=row["population"],
            population_nl=row["population_nl"],
            measure=row["measure"],
            measure_nl=row["measure_nl"],
            value=float(row["value"]) if row["value"] else None,
            sample_size=int(row["sample_size"]) if row["sample_size"] else None,
            kind=row["kind"],
            citation=row["citation"],
            source=row["source"],
        )
        for row in _read_rows("survey_indicators.csv")
    )


@cache
def colours() -> dict[str, str]:
    """Government communication colours by name (name them by hex in code, see SOURCES.md)."""
    return {row["name"]: row["hex"] for row in _read_rows("rijkshuisstijl_colours.csv")}


@cache
def published_figures():
    """The letter to parliament's figures (data/reference/published_figures.csv), with sources."""
    import pandas as pd

    return pd.read_csv(REFERENCE_DIR / "published_figures.csv", dtype={"id": str})
