"""Presentation of the revisions between two releases (publication.releases.revisions) for the
'Publicaties' page: what changed in words in the page's language; the download keeps the codes."""

from __future__ import annotations

import re

import pandas as pd

from base.formatting import format_number, format_percentage
from base.texts import text
from publication import releases
from publication.shown import SHARE, SHOWN_DECIMALS

# shown.csv's dimensions and the breakdown label each is shown with
DIMENSION_LABELS = {
    "department": "breakdown.department",
    "channel": "breakdown.channel",
    "category": "breakdown.category",
    "concerns_discrimination": "breakdown.concerns",
    "ground": "breakdown.ground",
    "outcome": "breakdown.outcome",
}


# the statistics most revisions concern, in words; others keep their shown.csv name
STATISTIC_LABELS = {
    "count": "revisions.statistic.count",
    "cases": "revisions.statistic.cases",
    "share": "revisions.statistic.share",
    "rate_per_1000_fte": "revisions.statistic.rate",
    "interval_lower": "revisions.statistic.interval_lower",
    "interval_upper": "revisions.statistic.interval_upper",
    "p_value": "revisions.statistic.p_value",
}


def _statistic(name: str, lang: str) -> str:
    key = STATISTIC_LABELS.get(name)
    return text(key, lang) if key else name


def _which(row: pd.Series, lang: str) -> str:
    """The dimensions a number is restricted to, 'Kanaal: meldpunt; Ministerie: BZK' (codes as
    in shown.csv); 'alles' when it is a total."""
    parts = [
        f"{text(label, lang)}: {row[dimension]}"
        for dimension, label in DIMENSION_LABELS.items()
        if row[dimension] != "*"
    ]
    return "; ".join(parts) or text("revisions.all", lang)


def _shown(value: str, symbol: str, statistic: str, lang: str) -> str:
    """A number as the pages write it ('1.234', a share '12,5%', a rate '2,17'); shown.csv keeps
    it plain ('1234', '0.125', '2.17'). The symbol when hidden; text it cannot read as is."""
    if not value:
        return symbol
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        return value  # 'inf' and the like
    decimals = SHOWN_DECIMALS.get(statistic, len(value.partition(".")[2]))
    if statistic == SHARE:  # a proportion to 3 decimals: a percentage to 1
        return format_percentage(float(value), max(decimals - 2, 0), lang)
    return format_number(float(value), decimals, lang)


def revisions_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per revised number: what it is, the year, old and new as shown, and the
    submissions that caused it with the reasons the departments gave."""
    return pd.DataFrame(
        {
            text("revisions.col.statistic", lang): [
                _statistic(name, lang) for name in frame["statistic"]
            ],
            text("revisions.col.year", lang): frame["year"],
            text("revisions.col.which", lang): [_which(row, lang) for _, row in frame.iterrows()],
            text("revisions.col.old", lang): [
                _shown(v, s, statistic, lang)
                for v, s, statistic in zip(
                    frame["old_value"], frame["old_symbol"], frame["statistic"], strict=True
                )
            ],
            text("revisions.col.new", lang): [
                _shown(v, s, statistic, lang)
                if change == "changed"
                else text("revisions.removed", lang)
                for v, s, statistic, change in zip(
                    frame["new_value"],
                    frame["new_symbol"],
                    frame["statistic"],
                    frame["change"],
                    strict=True,
                )
            ],
            text("revisions.col.submissions", lang): frame["submissions"],
            text("revisions.col.reasons", lang): frame["reasons"],
        }
    )


CURRENT_FIGURES = releases.NOW[0]  # the figures the pages show now, beside the releases


def comparison_label(choice: str, lang: str) -> str:
    """A release id as it is, or 'de huidige cijfers' / 'the current figures' for now."""
    return text("release.page.now", lang) if choice == CURRENT_FIGURES else choice
