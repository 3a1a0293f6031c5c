"""Beside the second step of the flow: validate an untrusted file in a child process with limits.

The reader's limits (etl/reading.py) bound what a file can make the validation build; this is the
backstop for whatever is left (an .xlsx row of millions of XML cells, a pathological mix within
the limits, a bug): the file is validated in a child process whose address space is capped
(`resource.setrlimit(RLIMIT_AS)`, MELDINGEN_VALIDATION_MEMORY_MB) and that is killed after
MELDINGEN_VALIDATION_SECONDS. A file that needs more fails with a readable problem
('file.resources_exceeded', 'file.validation_timeout') instead of taking the server's memory, and
the server's own threads keep answering meanwhile: the caller only waits on a pipe.

The child is forked from a forkserver that has imported the validation once, so a child costs a
fork, the file's bytes down a pipe and the pickled result back: 20-60 ms for a small file, and
1-2 s on top of 1.5-3 s for a valid export of a million rows (its records pickle to 43 MB; the
child peaks at about 850 MB of address space). Small CSV files are validated in the calling
process: under MELDINGEN_ISOLATE_MIN_BYTES (1 MiB) the reader's limits alone keep a CSV to a few
dozen MB.
Every .xlsx goes to the child whatever its size: 2 KB of XML can declare any amount of work.
At most MELDINGEN_VALIDATION_WORKERS children run at once (others wait their turn), so that
several hostile uploads together cannot take more than that many times the memory limit.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import resource
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing import popen_forkserver, spawn
from multiprocessing.process import BaseProcess
from pathlib import PurePath

from etl.problems import Problem
from etl.validation import ValidationResult, validate_file

DEFAULT_MEMORY_MB = 2048
DEFAULT_SECONDS = 300
DEFAULT_ISOLATE_MIN_BYTES = 1024 * 1024
DEFAULT_WORKERS = 2
ENVIRONMENT_PREFIX = "MELDINGEN_"
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
ZIP_MAGIC = b"PK\x03\x04"

_context = multiprocessing.get_context("forkserver")
# The forkserver imports the validation once; each child is forked from it ready to run.
_context.set_forkserver_preload(["etl.isolation"])
_launching = threading.local()


def _preparation_data(name: str) -> dict:
    """multiprocessing's preparation of a child, without the caller's main module for ours.

    multiprocessing runs the parent's main script again in every child it starts this way. Under
    Streamlit that is the page script (Streamlit installs each run as `__main__`): the child would
    run the dashboard. Our child needs only this module, which it imports by name.
    """
    data = _original_preparation_data(name)
    if getattr(_launching, "active", False):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data


_original_preparation_data = getattr(
    spawn.get_preparation_data, "original", spawn.get_preparation_data
)
_preparation_data.original = _original_preparation_data  # type: ignore[attr-defined]
spawn.get_preparation_data = _preparation_data  # other callers' children are prepared as before


class _Popen(popen_forkserver.Popen):
    def _launch(self, process_obj) -> None:
        _launching.active = True
        try:
            super()._launch(process_obj)
        finally:
            _launching.active = False


class _Process(BaseProcess):
    """A forkserver child that does not import the caller's main module (see above)."""

    _start_method = "forkserver"

    @staticmethod
    def _Popen(process_obj):  # noqa: N802 (multiprocessing's name)
        return _Popen(process_obj)


_slots_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}


def memory_limit_bytes() -> int:
    megabytes = float(os.environ.get("MELDINGEN_VALIDATION_MEMORY_MB", DEFAULT_MEMORY_MB))
    return int(megabytes * 1024 * 1024)


def time_limit_seconds() -> float:
    return float(os.environ.get("MELDINGEN_VALIDATION_SECONDS", DEFAULT_SECONDS))


def isolate_min_bytes() -> int:
    return int(os.environ.get("MELDINGEN_ISOLATE_MIN_BYTES", DEFAULT_ISOLATE_MIN_BYTES))


def _workers() -> threading.BoundedSemaphore:
    count = max(1, int(os.environ.get("MELDINGEN_VALIDATION_WORKERS", DEFAULT_WORKERS)))
    with _slots_lock:
        return _slots.setdefault(count, threading.BoundedSemaphore(count))


def needs_isolation(data: bytes, file_name: str) -> bool:
    """Every .xlsx (or zip), and any other file from MELDINGEN_ISOLATE_MIN_BYTES up."""
    if data.startswith(ZIP_MAGIC) or PurePath(file_name).suffix.lower() in XLSX_EXTENSIONS:
        return True
    return len(data) >= isolate_min_bytes()


class IsolatedValidationError(RuntimeError):
    """Validation raised in the child (a bug, not a bad file): the child's traceback."""


def validate_untrusted(
    data: bytes,
    file_name: str,
    today: dt.date | None = None,
    *,
    validate: Callable[[bytes, str, dt.date | None], ValidationResult] = validate_file,
) -> ValidationResult:
    """validate_file, in a child process with a memory and time limit when the file may need it.

    Never raises for bad content: a file that exceeds the limits gets one problem saying which.
    `validate` is what runs when the file stays in this process (the caller's own validate_file,
    so that what it validates can be observed); the child always runs etl.validation's.
    """
    if not needs_isolation(data, file_name):
        return validate(data, file_name, today)
    with _workers():
        return _validate_in_child(data, file_name, today)


def _validate_in_child(data: bytes, file_name: str, today: dt.date | None) -> ValidationResult:
    memory = memory_limit_bytes()
    seconds = time_limit_seconds()
    # The forkserver kept the environment of when it started; the child takes the caller's now.
    environment = {k: v for k, v in os.environ.items() if k.startswith(ENVIRONMENT_PREFIX)}
    ours, theirs = _context.Pipe(duplex=True)
    child = _Process(
        target=_child_main,
        args=(theirs, memory, environment, file_name, today),
        name="meldingen-validate",
        daemon=True,
    )
    child.start()
    theirs.close()
    deadline = time.monotonic() + seconds
    outcome: tuple[str, object] | None = None
    try:
        ours.send_bytes(data)
        if ours.poll(max(0.0, deadline - time.monotonic())):
            outcome = pickle.loads(ours.recv_bytes())
        else:
            outcome = ("timeout", None)
    except (EOFError, OSError):
        outcome = None  # the child died (killed for memory, or by the kernel): no answer
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        ours.close()
    if outcome is None and (child.exitcode or 0) >= 0:
        # Not killed by a signal and no answer: the child failed before validating (a bug).
        raise IsolatedValidationError(f"validation child exited with code {child.exitcode}")
    if outcome is None or outcome[0] == "memory":
        # No answer after a signal: the C++ allocator aborted or the kernel killed it for memory.
        limit = {"limit_mb": round(memory / 1024 / 1024)}
        return _refused(Problem("file.resources_exceeded", file_name, params=limit))
    if outcome[0] == "timeout":
        limit = {"seconds": f"{seconds:g}"}
        return _refused(Problem("file.validation_timeout", file_name, params=limit))
    if outcome[0] == "error":
        raise IsolatedValidationError(str(outcome[1]))
    result = outcome[1]
    assert isinstance(result, ValidationResult)
    return result


def _refused(problem: Problem) -> ValidationResult:
    return ValidationResult(problem.file, None, None, [problem])


def _child_main(
    connection,
    memory: int,
    environment: dict[str, str],
    file_name: str,
    today: dt.date | None,
) -> None:
    """In the child: cap memory, take the caller's settings, validate, send back the result."""
    for key in [k for k in os.environ if k.startswith(ENVIRONMENT_PREFIX)]:
        del os.environ[key]
    os.environ.update(environment)
    # Arrow's default allocator (mimalloc) reserves about a gigabyte of address space up front;
    # the system allocator reserves what it uses, so the cap measures the work, not the reserve.
    import pyarrow as pa  # imported here: only the child needs to choose Arrow's allocator

    pa.set_memory_pool(pa.system_memory_pool())
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        try:
            data = connection.recv_bytes()
            payload = pickle.dumps(
                ("ok", validate_file(data, file_name, today)), protocol=pickle.HIGHEST_PROTOCOL
            )
        except MemoryError:
            payload = pickle.dumps(("memory", None))
        data = None
        connection.send_bytes(payload)
    except MemoryError:
        connection.send_bytes(pickle.dumps(("memory", None)))
    except Exception:
        connection.send_bytes(pickle.dumps(("error", traceback.format_exc())))
    finally:
        connection.close()
