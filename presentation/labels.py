"""Presentation, shared by views and exports: domain codes in the reader's words."""

from __future__ import annotations

from collections.abc import Iterable

from base.texts import text


def missing_delivery_label(gap: str, lang: str) -> str:
    """'SZW klachtencommissie' (publication.trends.incomplete_years) -> 'SZW complaints committee'
    in English, 'SZW klachtencommissie' in Dutch; a whole ministry ('AZ') stays its code."""
    department, _, channel = gap.partition(" ")
    if not channel:
        return department
    return f"{department} {text(f'channel.{channel}', lang).lower()}"


def missing_deliveries_text(gaps: Iterable[str], lang: str) -> str:
    return ", ".join(missing_delivery_label(gap, lang) for gap in gaps)
