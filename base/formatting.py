"""Number and date formatting for everything the product shows or exports: Dutch by default
(1.234,5; 5 december 2026)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd


def format_number(value: float | int | None, decimals: int = 0, lang: str = "nl") -> str:
    """Format with thousands separators: nl '1.234,5', en '1,234.5'; None or NaN gives ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    english = f"{value:,.{decimals}f}"
    if lang == "en":
        return english
    return english.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_percentage(share: float | None, decimals: int = 1, lang: str = "nl") -> str:
    """A share 0..1 as a percentage: nl '12,5%', en '12.5%'."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{format_number(share * 100, decimals, lang)}%"


MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def format_date(value: dt.date | dt.datetime | None, lang: str = "nl") -> str:
    """A date in words, as a reader writes it: nl '5 december 2026', en '5 December 2026'; None
    gives ''. Not locale-dependent: the server's locale must not change what a page says."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


# Times are stored in UTC (etl.loading); readers are in the Netherlands, winter and summer time.
READER_TIME_ZONE = "Europe/Amsterdam"


def format_local_times(values: pd.Series) -> pd.Series:
    """Stored UTC times (naive) as Dutch clock times: '05-12-2026 23:40'; missing gives ''."""
    stamps = pd.to_datetime(values, format="mixed")
    if stamps.dt.tz is None:
        stamps = stamps.dt.tz_localize("UTC")
    return stamps.dt.tz_convert(READER_TIME_ZONE).dt.strftime("%d-%m-%Y %H:%M").fillna("")
