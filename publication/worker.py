"""Off the commit path: computes the derived results (protected publication, capture-recapture
estimate, the frames the pages read) for the newest data version and stores them; run as
`python -m publication derive`, started by etl.derivation after every commit.

One worker at a time per warehouse (an exclusive lock beside it): a worker started while another
runs waits, then finds the newest version already done or does it. Each round computes from a
read-only snapshot, without holding the writer lock, and stores the results in one short write
(etl.warehouse.writing). If a load came in meanwhile, the next round takes that version: the
results of a version are stored only complete, so pages show either the old version or the new
one, never a mix. A failure is logged, recorded for the administrators (derived.store_failure),
and leaves the last complete version in place. So does a version whose figures fail the
disclosure audit (publication.disclosure.gate): it is recorded as failed with the audit's reason.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from etl import queries, warehouse
from protection.rules import ProtectionRules
from publication import derived, disclosure

LOG = logging.getLogger("meldingenmonitor.worker")
LOCK_SUFFIX = ".derive.lock"
MAX_ROUNDS = (
    20  # loads arriving faster than results can be computed: give up, the next commit starts again
)


@dataclass(frozen=True)
class Outcome:
    """What a worker run did: the data version it left complete (None if none), the versions it
    computed, and the error of a failed computation."""

    complete_version: int | None
    computed: tuple[int, ...]
    error: str | None = None


@contextlib.contextmanager
def _one_worker(db_path: Path) -> Iterator[None]:
    with open(f"{db_path}{LOCK_SUFFIX}", "a+") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def derive(db_path: Path, rules: ProtectionRules | None = None) -> Outcome:
    """Bring the derived results up to the newest data version of the warehouse at db_path."""
    rules = rules or ProtectionRules()
    db_path = Path(db_path)
    computed: list[int] = []
    if not db_path.exists():
        return Outcome(None, ())
    with _one_worker(db_path):
        for _ in range(MAX_ROUNDS):
            with warehouse.reading(db_path) as connection:
                state = derived.state(connection, rules)
                if state.complete_version == state.data_version:
                    return Outcome(state.complete_version, tuple(computed))
                version = state.data_version
                started = time.perf_counter()
                try:
                    results = derived.compute(connection, rules)
                    # The gate: nothing is stored for the pages that the audit of everything
                    # they would show (publication.disclosure) has not passed.
                    error = disclosure.gate(results, queries.finest_cells(connection))
                    if error is not None:
                        LOG.error("data version %s refused by the disclosure audit", version)
                        results = None
                except Exception:
                    LOG.exception(
                        "derived results for data version %s could not be computed", version
                    )
                    results, error = None, traceback.format_exc(limit=5)
            with warehouse.writing(db_path) as connection:
                if results is None:
                    derived.store_failure(connection, version, rules, error or "")
                else:
                    derived.store(connection, results, rules)
            if results is None:
                return Outcome(state.complete_version, tuple(computed), error)
            computed.append(version)
            LOG.info(
                "derived results for data version %s stored in %.1f s",
                version,
                time.perf_counter() - started,
            )
    return Outcome(computed[-1] if computed else None, tuple(computed))
