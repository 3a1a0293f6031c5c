"""Core model of protection: every published number is a 0/1 row over the finest cells x >= 0.

A table with margins, a series with a total, several tables over the same records and the
difference between two filtered views are all the same object here: a matrix A (one row per
distinct published number, one column per finest cell) with published = A @ x. Pages never see
this module; protection.tables builds it and protection.suppression / protection.audit use it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import numpy as np
from scipy import sparse


class CellStatus(StrEnum):
    """What happened to one published number."""

    PUBLISHED = "published"
    PRIMARY = "primary"  # value in 1..T-1, shown as '<T'
    SECONDARY = "secondary"  # value 0 or >= T, hidden so that a primary cannot be derived


# The int8 codes of status arrays inside the engine; pages see CellStatus strings.
PUBLISHED, PRIMARY, SECONDARY = 0, 1, 2


class CellKey(NamedTuple):
    """The identity of one number: table name, row label, column label (None in a series)."""

    table: str
    row: Hashable
    column: Hashable | None = None


@dataclass(frozen=True, eq=False)
class AggregateSystem:
    """Published and sensitive numbers as 0/1 rows over n finest cells.

    published_rows: (m x n) 0/1, one row per distinct published number; two keys with the same
    set of finest cells (the year totals shared by two linked tables) are one row, so they can
    never get different statuses.
    hidden_rows: (h x n) 0/1, numbers that are never shown but must not become derivable either
    (finest cells, the difference between two filtered views); only those with a value in
    1..T-1 are checked.
    structural_rows: (r x n) rows s with s x = 0 known to everyone by construction, whatever is
    shown (the margins that linked sets over the same records share; see protection.union).
    blocks: (start, stop) cell ranges of the linked sets of a union; every published row lies in
    one block (the suppression step first tries to repair a target inside its own block).
    """

    n_cells: int
    published_keys: tuple[CellKey, ...]
    published_rows: sparse.csr_array
    row_of_key: dict[CellKey, int]
    hidden_keys: tuple[CellKey, ...]
    hidden_rows: sparse.csr_array
    structural_rows: sparse.csr_array | None = None
    blocks: tuple[tuple[int, int], ...] = ()

    @property
    def n_published(self) -> int:
        return len(self.published_keys)


class _RowCollector:
    """Deduplicates 0/1 rows by their set of cells, remembering the first key of each."""

    def __init__(self, n_cells: int, already_present: set[bytes] | None = None) -> None:
        self.n_cells = n_cells
        self.keys: list[CellKey] = []
        self.supports: list[np.ndarray] = []
        self.row_of_signature: dict[bytes, int] = {}
        self.row_of_key: dict[CellKey, int] = {}
        self.already_present = already_present or set()

    def add(self, key: CellKey, cells: np.ndarray) -> None:
        support = np.flatnonzero(cells).astype(np.int64)
        signature = support.tobytes()
        if key in self.row_of_key:
            raise ValueError(f"duplicate key {key}")
        if signature in self.already_present:
            return
        if signature not in self.row_of_signature:
            self.row_of_signature[signature] = len(self.keys)
            self.keys.append(key)
            self.supports.append(support)
        self.row_of_key[key] = self.row_of_signature[signature]

    def matrix(self) -> sparse.csr_array:
        lengths = [len(support) for support in self.supports]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        indices = (
            np.concatenate(self.supports).astype(np.int64)
            if self.supports
            else np.zeros(0, dtype=np.int64)
        )
        data = np.ones(len(indices), dtype=np.float64)
        return sparse.csr_array((data, indices, indptr), shape=(len(self.keys), self.n_cells))


def build_system(
    n_cells: int,
    published: Iterable[tuple[CellKey, np.ndarray]],
    hidden: Iterable[tuple[CellKey, np.ndarray]] = (),
) -> AggregateSystem:
    """Collect (key, boolean cell mask) pairs into an AggregateSystem.

    Published numbers keep the order given (that order is the tie-breaker of the suppression
    cost rule); hidden numbers identical to a published one are dropped, since the published
    one is already protected.
    """
    published_collector = _RowCollector(n_cells)
    for key, cells in published:
        published_collector.add(key, cells)
    hidden_collector = _RowCollector(n_cells, set(published_collector.row_of_signature))
    for key, cells in hidden:
        if key in published_collector.row_of_key:
            raise ValueError(f"hidden key {key} is also published")
        hidden_collector.add(key, cells)
    return AggregateSystem(
        n_cells=n_cells,
        published_keys=tuple(published_collector.keys),
        published_rows=published_collector.matrix(),
        row_of_key=dict(published_collector.row_of_key),
        hidden_keys=tuple(hidden_collector.keys),
        hidden_rows=hidden_collector.matrix(),
    )
