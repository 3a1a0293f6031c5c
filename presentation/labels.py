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


LOCAL_PREFIX = (
    "lokaal ("  # access.principal.local_principal's stored identity: 'lokaal (user@host)'
)
DEMO_LOADER = "demo (eerste start)"  # app.web's loader of the bundled demo data


def loader_label(stored: str, lang: str) -> str:
    """Who loaded a submission, in the reader's language: the stored identities of local mode and
    of the first start are Dutch words ('lokaal (user@host)'), shown as 'local (user@host)' and
    'demo (first start)' in English; logged-in identities are names and stay as they are."""
    if stored.startswith(LOCAL_PREFIX) and stored.endswith(")"):
        return text("loader.local", lang, account=stored[len(LOCAL_PREFIX) : -1])
    if stored == DEMO_LOADER:
        return text("loader.demo", lang)
    return stored
