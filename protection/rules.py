"""Protection settings: the one place that says how small a published count may be (env-overridable)."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

THRESHOLD_VARIABLE = "MELDINGEN_PROTECTION_THRESHOLD"
MIN_WIDTH_VARIABLE = "MELDINGEN_PROTECTION_MIN_WIDTH"

DEFAULT_THRESHOLD = 5
DEFAULT_MIN_INTERVAL_WIDTH = 2.0
DEFAULT_SECONDARY_TEXT = "x"


def _threshold_from_environment() -> int:
    raw = os.environ.get(THRESHOLD_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_THRESHOLD
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{THRESHOLD_VARIABLE}={raw!r} is not a whole number") from None


def _min_width_from_environment() -> float:
    raw = os.environ.get(MIN_WIDTH_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_MIN_INTERVAL_WIDTH
    try:
        # Accept the Dutch decimal comma too: operators type '1,5'.
        return float(raw.replace(",", "."))
    except ValueError:
        raise ValueError(f"{MIN_WIDTH_VARIABLE}={raw!r} is not a number") from None


@dataclass(frozen=True)
class ProtectionRules:
    """How published counts are protected.

    threshold T: a published count c with 1 <= c <= T-1 is suppressed (primary suppression);
    0 and c >= T may be shown. Default 5, or MELDINGEN_PROTECTION_THRESHOLD.

    min_interval_width W: for every suppressed number, max - min of what an attacker can derive
    by linear programming from everything shown must be >= W. Default 2 (a hidden number is never
    narrowed to two adjacent values), or
    MELDINGEN_PROTECTION_MIN_WIDTH.

    Because zeros are shown, the text '<T' tells the reader that the value is in 1..T-1, so a
    primary cell can never be wider than T-2; hence W <= T-2 is required.

    suppression_text: what a primary-suppressed cell shows; None means '<T' (derived from T).
    secondary_text: what a cell suppressed only to protect others shows.
    """

    threshold: int = field(default_factory=_threshold_from_environment)
    min_interval_width: float = field(default_factory=_min_width_from_environment)
    suppression_text: str | None = None
    secondary_text: str = DEFAULT_SECONDARY_TEXT

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, int):
            raise TypeError(f"threshold must be an int, got {self.threshold!r}")
        if not math.isfinite(self.min_interval_width) or self.min_interval_width <= 0:
            raise ValueError(f"min_interval_width must be > 0, got {self.min_interval_width!r}")
        if self.threshold - 2 < self.min_interval_width:
            raise ValueError(
                f"threshold {self.threshold} with min_interval_width {self.min_interval_width}: "
                f"'<{self.threshold}' already confines a cell to 1..{self.threshold - 1}, a range "
                f"of width {self.threshold - 2}; choose threshold >= min_interval_width + 2"
            )
        if self.below_threshold_text == self.secondary_text:
            raise ValueError("suppression_text and secondary_text must differ")

    @property
    def below_threshold_text(self) -> str:
        """The text shown for a primary-suppressed cell: '<5' for the default threshold."""
        if self.suppression_text is not None:
            return self.suppression_text
        return f"<{self.threshold}"

    def is_below_threshold(self, value: int) -> bool:
        """True for the values that must never be shown: 1..T-1."""
        return 1 <= value <= self.threshold - 1
