"""After a load, inside the writer: the protected publication and the capture-recapture estimate,
computed once and stored with that warehouse version; readers take them from there.

Protection and the estimate cost from a second to tens of seconds (bench/README.md: about 4,600
linear programmes on sparse data, a 300-replicate bootstrap), independent of how many people look.
Computed in the writer they are paid once per load instead of by the first visitor of every
replica. The stored objects are a cache: each carries a fingerprint of the code, reference data
and rules that made it, and a reader whose fingerprint differs (a newer release, other rules)
computes afresh with the same functions (`compute_publication`, `compute_mse`).

Pickle is used because the objects are the product's own; the warehouse is written only by the
writer (etl.warehouse), and whoever can write it can change every figure anyway.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import pickle
import sys
import time
from pathlib import Path

import duckdb
import numpy
import pandas as pd

from etl import queries
from protection.rules import ProtectionRules
from publication.protected import Publication, build_publication

LOG = logging.getLogger("meldingenmonitor")
PUBLICATION = "publication"
MSE = "mse"
ROOT = Path(__file__).resolve().parent.parent
# Everything the stored objects depend on: a change to any of these makes them stale.
INPUTS = (
    "protection/*.py",
    "publication/protected.py",
    "etl/queries.py",
    "base/reference.py",
    "publication/underreporting.py",
    "publication/derived.py",
    "analysis/mse.py",
    "etl/contract.py",
    "data/reference/*.csv",
)


@functools.cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for pattern in INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    for version in (sys.version, pd.__version__, numpy.__version__):
        digest.update(version.encode())
    return digest.hexdigest()


def fingerprint(rules: ProtectionRules) -> str:
    """The code, reference data, library versions and rules a stored result was made with."""
    return f"{_code_digest()}:{rules.threshold}:{rules.min_interval_width}"


def compute_publication(
    connection: duckdb.DuckDBPyConnection, rules: ProtectionRules
) -> Publication:
    """publication.protected.build_publication over the finest cells of this warehouse."""
    return build_publication(queries.finest_cells(connection), rules)


def compute_mse(
    connection: duckdb.DuckDBPyConnection, publication: Publication, rules: ProtectionRules
) -> object:
    """publication.underreporting.mse_result for this warehouse (an MseResult)."""
    cases, histories = _mse_inputs(connection)
    return _mse_from(cases, histories, publication, rules)


def _mse_inputs(connection: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    from publication.underreporting import MSE_LISTS

    return (
        queries.discrimination_cases_by_year(connection),
        queries.capture_histories(connection, tuple(MSE_LISTS)),
    )


def _mse_from(
    cases: pd.DataFrame, histories: pd.DataFrame, publication: Publication, rules: ProtectionRules
) -> object:
    from publication.underreporting import MseResult, mse_result, protected_cases

    if not publication.years:  # an empty warehouse: nothing registered, nothing linked
        return MseResult(False, "too_few_linked", linked_cases=0)
    registered = protected_cases(cases, publication, rules)
    return mse_result(histories, registered, cases, rules)


def inputs_digest(*frames: pd.DataFrame) -> str:
    """A digest of the data a result is computed from, independent of row order."""
    digest = hashlib.sha256()
    for frame in frames:
        ordered = frame.sort_values(list(frame.columns)).reset_index(drop=True)
        digest.update("\x1f".join(map(str, ordered.columns)).encode())
        digest.update(pd.util.hash_pandas_object(ordered, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def store_derived(
    connection: duckdb.DuckDBPyConnection, rules: ProtectionRules | None = None
) -> bool:
    """Compute both results from what `connection` holds and replace the stored ones.

    Meant as `after_load` of etl.loading.load_files / rebuild: it runs in the writer's transaction,
    so the results land in the same atomic swap as the data they describe. A result whose inputs
    did not change (an fte file, a re-delivery with the same counts) is kept, not recomputed: the
    publication depends only on the finest cells, the estimate on those and the linked cases, and
    the fingerprint covers the code, reference data and rules.

    Returns False when computing them failed: the error is logged and NO results are stored (the
    previous version's would describe other data), but the load itself goes ahead. The files were
    valid under the data contract and must not be lost for a fault in the protection or the
    estimate; readers then compute the results themselves and show their own error if it recurs.
    """
    try:
        _store(connection, rules or ProtectionRules())
    except Exception:
        LOG.exception("derived results could not be computed; none stored for this version")
        connection.execute("DELETE FROM derived_result")
        return False
    return True


def _store(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> None:
    mark = fingerprint(rules)
    cells = queries.finest_cells(connection)
    cases, histories = _mse_inputs(connection)
    wanted = {PUBLICATION: inputs_digest(cells), MSE: inputs_digest(cells, cases, histories)}
    kept = {
        name: payload
        for name, digest, payload in connection.execute(
            "SELECT name, inputs_digest, payload FROM derived_result WHERE fingerprint = ?", [mark]
        ).fetchall()
        if digest == wanted.get(name)
    }

    def result(name: str, compute) -> tuple[object, float]:
        if name in kept:
            return pickle.loads(kept[name]), 0.0  # noqa: S301 (our own writer's output)
        started = time.perf_counter()
        value = compute()
        return value, time.perf_counter() - started

    publication, publication_seconds = result(PUBLICATION, lambda: build_publication(cells, rules))
    estimate, mse_seconds = result(MSE, lambda: _mse_from(cases, histories, publication, rules))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    connection.execute("DELETE FROM derived_result")
    for name, value, seconds in (
        (PUBLICATION, publication, publication_seconds),
        (MSE, estimate, mse_seconds),
    ):
        connection.execute(
            "INSERT INTO derived_result (name, fingerprint, inputs_digest, payload, "
            "build_seconds, built_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                name,
                mark,
                wanted[name],
                pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
                seconds,
                now,
            ],
        )


def stored(
    connection: duckdb.DuckDBPyConnection, name: str, rules: ProtectionRules
) -> object | None:
    """The stored result `name` if it was made by this code with these rules, else None."""
    try:
        row = connection.execute(
            "SELECT payload FROM derived_result WHERE name = ? AND fingerprint = ?",
            [name, fingerprint(rules)],
        ).fetchone()
    except duckdb.CatalogException:  # a warehouse written before derived results existed
        return None
    return None if row is None else pickle.loads(row[0])  # noqa: S301 (our own writer's output)


def publication(connection: duckdb.DuckDBPyConnection, rules: ProtectionRules) -> Publication:
    """The protected publication of this warehouse version: stored, else computed now."""
    result = stored(connection, PUBLICATION, rules)
    return result if result is not None else compute_publication(connection, rules)


def mse(
    connection: duckdb.DuckDBPyConnection, current: Publication, rules: ProtectionRules
) -> object:
    """The capture-recapture estimate of this warehouse version: stored, else computed now."""
    result = stored(connection, MSE, rules)
    return result if result is not None else compute_mse(connection, current, rules)
