"""Number formatting for everything the product shows or exports: Dutch by default (1.234,5)."""

from __future__ import annotations

import math


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
