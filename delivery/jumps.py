"""Before loading, in the review: implausible changes of a delivered total against now or last year.

A channel total, or a department's total over several channels, that is at least
$MELDINGEN_JUMP_FACTOR times larger or smaller than now or last year, with an absolute difference
of at least JUMP_MIN_DIFFERENCE reports (fte: any such factor). Committing one needs a reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd

from base.formatting import format_number
from base.texts import text

JUMP_FACTOR_ENV = "MELDINGEN_JUMP_FACTOR"
DEFAULT_JUMP_FACTOR = 10.0
JUMP_MIN_DIFFERENCE = 10  # a jump from 1 to 10 reports is not implausible, from 10 to 100 is


def jump_factor() -> float:
    return float(os.environ.get(JUMP_FACTOR_ENV, DEFAULT_JUMP_FACTOR))


@dataclass(frozen=True)
class Jump:
    """An implausible change: `new` against `reference` for one channel (or all, channel None)."""

    department: str
    year: int
    channel: str | None  # None: all channels of the department and year; '': the fte file
    new: float
    reference: float
    against: str  # 'current' or 'last_year'

    def describe(self, lang: str) -> str:
        if self.channel is None:
            channel = text("upload.jump_total", lang)
        else:
            channel = text(f"channel.{self.channel}", lang) if self.channel else "fte"
        what = f"{self.department} {self.year} {channel}"
        against = (
            text("upload.jump_against_current", lang)
            if self.against == "current"
            else text("upload.jump_against_last_year", lang, year=self.year - 1)
        )
        return text(
            "upload.jump_line",
            lang,
            what=what,
            new=format_number(self.new, lang=lang),
            reference=format_number(self.reference, lang=lang),
            against=against,
        )


def is_jump(new: float, reference: float, factor: float, min_difference: float) -> bool:
    if abs(new - reference) < min_difference:
        return False
    high, low = max(new, reference), max(min(new, reference), 1)
    return high / low >= factor


def report_jumps(channels: pd.DataFrame) -> list[Jump]:
    """Jumps per channel, then of each department's total over its channels.

    channels: department, year, channel, new, current, last_year (NaN: nothing to compare with).
    """
    factor = jump_factor()
    jumps: list[Jump] = []
    for row in channels.itertuples():
        for against, reference in (("current", row.current), ("last_year", row.last_year)):
            if not pd.isna(reference) and is_jump(row.new, reference, factor, JUMP_MIN_DIFFERENCE):
                jumps.append(
                    Jump(row.department, int(row.year), row.channel, row.new, reference, against)
                )
    # The department's total over the channels that have something to compare with.
    for against in ("current", "last_year"):
        comparable = channels[channels[against].notna()]
        totals = comparable.groupby(["department", "year"], as_index=False).agg(
            new=("new", "sum"), reference=(against, "sum"), channels=("channel", "size")
        )
        for row in totals.itertuples():
            # One channel: its own jump already says it.
            if row.channels > 1 and is_jump(row.new, row.reference, factor, JUMP_MIN_DIFFERENCE):
                jumps.append(
                    Jump(row.department, int(row.year), None, row.new, row.reference, against)
                )
    return jumps


def fte_jumps(fte_table: pd.DataFrame) -> list[Jump]:
    """Jumps of fte (department, year, new, current, last_year): any factor counts, no minimum."""
    factor = jump_factor()
    jumps: list[Jump] = []
    for row in fte_table.itertuples():
        for against, reference in (("current", row.current), ("last_year", row.last_year)):
            if not pd.isna(reference) and reference > 0 and is_jump(row.new, reference, factor, 0):
                jumps.append(Jump(row.department, int(row.year), "", row.new, reference, against))
    return jumps
