"""Texts of protected output: cell strings ('<5', 'x', Dutch '1.234') and the footnotes that explain them."""

from __future__ import annotations

from collections.abc import Callable

from base.formatting import format_number
from base.texts import text
from protection.aggregates import CellStatus
from protection.rules import ProtectionRules

BELOW_THRESHOLD_FOOTNOTE = "protection.footnote.below_threshold"
SECONDARY_FOOTNOTE = "protection.footnote.secondary"
UNPROTECTABLE_MESSAGE = "protection.unprotectable"
TABLE_UNAVAILABLE_MESSAGE = "protection.table_unavailable"
GROUPED_UNITS_NOTE = "protection.grouped_units"


TOTAL_LABELS = {"nl": "Totaal", "en": "Total"}  # row labels of the tables themselves

NumberFormat = Callable[[int], str]


def protection_text(key: str, rules: ProtectionRules, lang: str = "nl", **params: object) -> str:
    """The footnote or message for key in lang (falls back to Dutch), with the rules filled in.

    params: what a text needs besides the rules (GROUPED_UNITS_NOTE: label and members).
    """
    return text(
        key,
        lang,
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
