"""Texts of protected output: cell strings ('<5', 'x', Dutch '1.234') and the footnotes that explain them."""

from __future__ import annotations

from collections.abc import Callable

from meldingen.numbers import format_number
from protection.aggregates import CellStatus
from protection.rules import ProtectionRules

BELOW_THRESHOLD_FOOTNOTE = "protection.footnote.below_threshold"
SECONDARY_FOOTNOTE = "protection.footnote.secondary"
UNPROTECTABLE_MESSAGE = "protection.unprotectable"
TABLE_UNAVAILABLE_MESSAGE = "protection.table_unavailable"
GROUPED_UNITS_NOTE = "protection.grouped_units"

# Kept here rather than in meldingen.i18n so that protection stays self-contained; the keys follow
# the i18n naming so they can be moved into that table unchanged.
TEXTS: dict[str, dict[str, str]] = {
    BELOW_THRESHOLD_FOOTNOTE: {
        "nl": "{below}: 1 tot en met {largest_hidden} meldingen. Aantallen onder de {threshold} "
        "tonen we niet, zodat melders niet herkenbaar zijn.",
        "en": "{below}: 1 to {largest_hidden} reports. Counts below {threshold} are not shown, so "
        "that reporters cannot be identified.",
    },
    SECONDARY_FOOTNOTE: {
        "nl": "{secondary}: niet getoond, omdat anders een aantal onder de {threshold} uit de "
        "andere cijfers en de totalen te berekenen is.",
        "en": "{secondary}: not shown, because otherwise a count below {threshold} could be "
        "calculated from the other figures and the totals.",
    },
    UNPROTECTABLE_MESSAGE: {
        "nl": "Deze tabel kan niet worden getoond: er zijn te weinig meldingen om de melders te "
        "beschermen. Kies een grovere indeling (bijvoorbeeld meerdere jaren samen).",
        "en": "This table cannot be shown: there are too few reports to protect the reporters. "
        "Choose a coarser breakdown (for example several years together).",
    },
    TABLE_UNAVAILABLE_MESSAGE: {
        "nl": "Deze uitsplitsing is voor de huidige gegevens niet beschikbaar: er zijn te weinig "
        "meldingen om de melders te beschermen, ook niet door aantallen te verbergen. De totalen "
        "per jaar zijn wel beschikbaar.",
        "en": "This breakdown is not available for the current data: there are too few reports "
        "to protect the reporters, even by hiding counts. The totals per year are available.",
    },
    GROUPED_UNITS_NOTE: {
        "nl": "Ministeries met te weinig meldingen om ze apart te tonen, staan samen onder "
        "'{label}': {members}.",
        "en": "Ministries with too few reports to show separately are combined as '{label}': "
        "{members}.",
    },
}

TOTAL_LABELS = {"nl": "Totaal", "en": "Total"}

NumberFormat = Callable[[int], str]


def protection_text(key: str, rules: ProtectionRules, lang: str = "nl", **params: object) -> str:
    """The footnote or message for key in lang (falls back to Dutch), with the rules filled in.

    params: what a text needs besides the rules (GROUPED_UNITS_NOTE: label and members).
    """
    entry = TEXTS[key]
    template = entry.get(lang) or entry["nl"]
    return template.format(
        below=rules.below_threshold_text,
        secondary=rules.secondary_text,
        threshold=rules.threshold,
        largest_hidden=rules.threshold - 1,
        **params,
    )


def default_number_format(lang: str) -> NumberFormat:
    """Whole counts with thousands separators: nl '1.234', en '1,234'."""
    return lambda value: format_number(int(value), 0, lang)


def cell_text(
    value: object, status: str, rules: ProtectionRules, number_format: NumberFormat
) -> str:
    """What one cell shows: the number, or the symbol for its kind of suppression."""
    if status == CellStatus.PRIMARY:
        return rules.below_threshold_text
    if status == CellStatus.SECONDARY:
        return rules.secondary_text
    return number_format(int(value))
