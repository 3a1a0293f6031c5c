"""After a commit: start the computation of the derived results (protected figures, estimate) in a
child process, so that a load returns as soon as its counts are stored.

The results are computed by `python -m publication derive` (publication/worker.py), a process of its
own: protection runs thousands of linear programmes and the capture-recapture bootstrap takes
seconds, which neither a department waiting on 'Vastleggen' nor the Streamlit server should carry.
The etl layer knows that command only by name (a process boundary, not an import), so the layers
still point one way.

MELDINGEN_DERIVATION chooses what a commit does: 'background' (the default: start the worker and
return), 'wait' (start it and wait until the results exist) or 'off' (start nothing; pages then
compute what they show themselves, as for a warehouse that has no results yet).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DERIVATION_ENV = "MELDINGEN_DERIVATION"
BACKGROUND, WAIT, OFF = "background", "wait", "off"
MODES = (BACKGROUND, WAIT, OFF)
REPO_ROOT = Path(__file__).resolve().parent.parent
LOG_SUFFIX = ".derive.log"


def mode() -> str:
    value = os.environ.get(DERIVATION_ENV, BACKGROUND)
    return value if value in MODES else BACKGROUND


def log_path(db_path: Path) -> Path:
    """Where the worker writes what it did and any error (beside the warehouse)."""
    return db_path.with_name(f"{db_path.name}{LOG_SUFFIX}")


def worker_command(db_path: Path) -> list[str]:
    return [sys.executable, "-m", "publication", "derive", "--db", str(db_path)]


def start_derivation(db_path: Path, *, wait: bool = False) -> int | None:
    """Start the worker for the warehouse at db_path.

    wait=True (or MELDINGEN_DERIVATION=wait) blocks until the derived results of the newest data
    version exist and returns the worker's exit code (0: stored, 1: computing them failed, which
    the worker recorded). Otherwise returns None at once; the worker outlives this process if
    need be (its own session, so that a Ctrl-C on `etl load` or a server restart does not cut it
    off halfway; it stores nothing until it has everything).
    """
    selected = mode()
    if selected == OFF and not wait:
        return None
    db_path = Path(db_path).resolve()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path(db_path), "ab") as log:
        if wait or selected == WAIT:
            return subprocess.run(
                worker_command(db_path), cwd=REPO_ROOT, env=env, stdout=log, stderr=log,
                stdin=subprocess.DEVNULL, check=False,
            ).returncode  # fmt: skip
        subprocess.Popen(
            worker_command(db_path), cwd=REPO_ROOT, env=env, stdout=log, stderr=log,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    return None
