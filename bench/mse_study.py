"""Shared pieces of the capture-recapture studies (bench/mse_simulation.py, three lists, and
bench/mse_calibration.py, four lists): capture tables drawn case by case or multinomially from
the histories' probabilities, and a study's table written into docs/mse.md.

Not part of `python -m bench run`. Every draw comes from the generator the study seeds per data
set, in the order the study calls these functions, so a seed fixes the data sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analysis import mse

# However catchable a case, it reaches a list with at most this chance.
MAX_CHANCE = 0.95


def on_list(
    generator: np.random.Generator, probability: float | np.ndarray, factor: np.ndarray
) -> np.ndarray:
    """0/1 per case: on the list with `probability` (one number, or one per case) times the
    case's catchability factor, capped at MAX_CHANCE; one uniform draw per case."""
    chance = np.minimum(np.asarray(probability) * factor, MAX_CHANCE)
    return (generator.random(len(factor)) < chance).astype(np.int64)


def table_of_cases(names: Sequence[str], on: Sequence[np.ndarray]) -> mse.CaptureTable:
    """The capture table of cases given, per list in `names`' order, whether each is on it."""
    histories = mse._all_histories(len(names))
    codes = np.zeros_like(on[0])
    for column in on:  # a case's history as a binary number, the first list the highest bit
        codes = 2 * codes + column
    tally = np.bincount(codes, minlength=2 ** len(names))
    weights = 2 ** np.arange(len(names) - 1, -1, -1)
    counts = tally[histories @ weights]
    return mse.CaptureTable(tuple(names), histories, counts.astype(np.int64))


def multinomial_table(
    names: Sequence[str],
    population: int,
    probabilities: Sequence[float] | np.ndarray,
    generator: np.random.Generator,
) -> mse.CaptureTable:
    """`population` cases spread multinomially over the histories with `probabilities`: the
    unseen history first, then the others in mse._all_histories' order. The unseen are dropped."""
    histories = mse._all_histories(len(names))
    drawn = generator.multinomial(population, probabilities)
    return mse.CaptureTable(tuple(names), histories, drawn[1:].astype(np.int64))


def write_between_marks(table_text: str, path: Path, start: str, end: str) -> None:
    """Put a study's table (its text begins with `start` and ends with `end`) in place of the one
    between those marks in `path`; at the end of the file when the marks are not there."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in text and end in text:
        before = text[: text.index(start)]
        after = text[text.index(end) + len(end) :]
        text = before + table_text + after
    else:
        text = text.rstrip("\n") + "\n\n" + table_text + "\n"
    path.write_text(text, encoding="utf-8")
