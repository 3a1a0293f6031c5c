"""Beside the warehouse: the raw submissions as content-addressed files, and the manifest to replay them.

Every accepted file is kept, exactly as delivered, outside the warehouse file: `<db>.raw/ab/cdef….zst`
(Zstandard, named by the sha256 of the original bytes), so that a corrupt or lost warehouse can be
rebuilt (`python -m etl rebuild --from-raw`). A file is written to a temporary name, fsynced and
renamed before the warehouse that refers to it is swapped in; one already present is never written
again, and a load never deletes one (raw submissions are immutable).

`manifest.jsonl` in the store says which submissions the warehouse holds, in order and with their
provenance, one JSON line per event, appended and fsynced:
- `stored`: one submission of a write (`batch`): submission_id, sequence_number, file_name, sha256,
  size_bytes, loaded_at, loaded_by, source, note, synthetic. Written before the warehouse swap.
- `committed`: the write `batch` was swapped in; `kind` 'load' (its submissions were added) or
  'snapshot' (its submissions are all the warehouse holds: written by rebuild, and by a writer that
  finds the manifest out of step with the warehouse it copied).
A batch without its `committed` line was never swapped in (the writer died or failed) and is not
replayed. Only writers append, under the warehouse's writer lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa

from etl import warehouse

STORE_SUFFIX = ".raw"
MANIFEST_NAME = "manifest.jsonl"
FILE_SUFFIX = ".zst"
TEMP_SUFFIX = ".tmp"
ENCODING = "zstd"
# Level 1: a 67 MB export becomes 8 MB in 0.09 s; higher levels gain little and cost more.
ZSTD_LEVEL = 1
LOAD, SNAPSHOT = "load", "snapshot"
LOG = logging.getLogger(__name__)


class RawStoreError(Exception):
    """A raw submission the warehouse refers to cannot be read back from the store."""

    def __init__(self, sha256: str, store: Path | None):
        super().__init__(sha256)
        self.sha256 = sha256
        self.store = store


class MissingRawFile(RawStoreError):
    """The store has no file for this sha256 (not restored with the warehouse, or no store)."""


class CorruptRawFile(RawStoreError):
    """The stored file does not decompress to bytes with its sha256."""


class WarehouseLost(Exception):
    """A load into a warehouse file that is missing while its raw store records submissions: the
    warehouse must be rebuilt first (loading would start a new history beside the old one)."""

    def __init__(self, store: Path, submissions: int):
        super().__init__(f"{submissions} submissions recorded in {store}")
        self.store = store
        self.submissions = submissions


def store_path(db_path: Path) -> Path:
    """The raw store of the warehouse at db_path (also when given a writer's copy of it)."""
    live = warehouse.live_path(Path(db_path))
    return live.with_name(f"{live.name}{STORE_SUFFIX}")


def manifest_path(store: Path) -> Path:
    return store / MANIFEST_NAME


def file_path(store: Path, sha256: str) -> Path:
    # Two hex digits per folder: 256 folders, so no folder grows beyond a few hundred files.
    return store / sha256[:2] / f"{sha256[2:]}{FILE_SUFFIX}"


def contains(store: Path, sha256: str) -> bool:
    return file_path(store, sha256).exists()


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def put(store: Path, sha256: str, content: bytes) -> str:
    """Keep the bytes of a file under its sha256, durably; returns how they are encoded.

    A file already present is not written again: its name is the hash of its content.
    """
    target = file_path(store, sha256)
    if target.exists():
        return ENCODING
    target.parent.mkdir(parents=True, exist_ok=True)
    compressed = pa.Codec(ENCODING, compression_level=ZSTD_LEVEL).compress(content, asbytes=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with open(temporary, "wb") as handle:
            handle.write(compressed)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return ENCODING


def get(store: Path, sha256: str, size_bytes: int) -> bytes:
    """The original bytes of the stored file with this sha256, checked against it."""
    target = file_path(store, sha256)
    try:
        compressed = target.read_bytes()
    except FileNotFoundError:
        raise MissingRawFile(sha256, store) from None
    try:
        content = pa.Codec(ENCODING).decompress(
            compressed, decompressed_size=size_bytes, asbytes=True
        )
    except (OSError, ValueError, pa.ArrowException):
        raise CorruptRawFile(sha256, store) from None
    if hashlib.sha256(content).hexdigest() != sha256:
        raise CorruptRawFile(sha256, store)
    return content


def remove_leftovers(store: Path) -> None:
    """Temporary files of a writer that died while writing one (call under the writer lock)."""
    if store.exists():
        for leftover in store.glob(f"*/*{TEMP_SUFFIX}"):
            leftover.unlink(missing_ok=True)


@dataclasses.dataclass(frozen=True)
class Entry:
    """One stored submission as the manifest records it: enough to replay it with provenance."""

    submission_id: str
    sequence_number: int
    file_name: str
    sha256: str
    size_bytes: int
    loaded_at: dt.datetime
    loaded_by: str
    source: str
    note: str | None
    synthetic: bool

    def as_event(self, batch: str) -> dict[str, object]:
        event: dict[str, object] = {"event": "stored", "batch": batch}
        event.update(dataclasses.asdict(self))
        event["loaded_at"] = self.loaded_at.isoformat(timespec="microseconds")
        return event

    @classmethod
    def from_event(cls, event: dict) -> Entry:
        return cls(
            submission_id=str(event["submission_id"]),
            sequence_number=int(event["sequence_number"]),
            file_name=str(event["file_name"]),
            sha256=str(event["sha256"]),
            size_bytes=int(event["size_bytes"]),
            loaded_at=dt.datetime.fromisoformat(str(event["loaded_at"])),
            loaded_by=str(event["loaded_by"]),
            source=str(event.get("source") or "etl"),
            note=event.get("note"),
            synthetic=bool(event.get("synthetic")),
        )


def _append(store: Path, events: Iterable[dict[str, object]]) -> None:
    lines = "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)
    if not lines:
        return
    store.mkdir(parents=True, exist_ok=True)
    path = manifest_path(store)
    created = not path.exists()
    with open(path, "ab+") as manifest:
        # A line cut off by a crash or a full disk is ended first, so that it spoils only itself.
        if manifest.seek(0, os.SEEK_END) > 0:
            manifest.seek(-1, os.SEEK_END)
            if manifest.read(1) != b"\n":
                lines = "\n" + lines
        manifest.write(lines.encode("utf-8"))
        manifest.flush()
        os.fsync(manifest.fileno())
    if created:
        _fsync_dir(store)


def read_journal(path: Path) -> list[dict]:
    """The JSON objects of an append-only journal, one per line, in order. A line cut off by a
    crash (or damaged) is skipped: the event it would have recorded counts as not done."""
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            event = json.loads(line)
            if isinstance(event, dict):
                events.append(event)
    return events


def _events(store: Path) -> list[dict]:
    # A batch without its commit line (or whose commit line was lost) counts as not written.
    return read_journal(manifest_path(store))


def has_manifest(store: Path) -> bool:
    return manifest_path(store).exists()


def entries(store: Path) -> list[Entry]:
    """The submissions the last swapped-in warehouse holds according to the manifest, in order.

    The newest committed snapshot, then every load committed after it; a submission id recorded
    twice (a warehouse restored from an older backup and loaded into again) takes its newest line.
    """
    stored: dict[str, list[Entry]] = {}
    current: dict[str, Entry] = {}
    for event in _events(store):
        kind = event.get("event")
        batch = str(event.get("batch"))
        try:
            if kind == "stored":
                stored.setdefault(batch, []).append(Entry.from_event(event))
            elif kind == "committed":
                if event.get("kind") == SNAPSHOT:
                    current = {}
                for entry in stored.pop(batch, []):
                    current[entry.submission_id] = entry
        except (KeyError, TypeError, ValueError):
            continue  # a damaged line: skipped like a cut-off one
    return sorted(current.values(), key=lambda entry: entry.sequence_number)


class Batch:
    """The manifest lines of one write: `stored` lines before the swap, `committed` after it."""

    def __init__(self, store: Path, kind: str = LOAD):
        self.store = store
        self.kind = kind
        self.batch = uuid.uuid4().hex
        self.pending: list[Entry] = []

    def add(self, entry: Entry) -> None:
        self.pending.append(entry)

    def write_stored(self) -> None:
        """Before the swap: every submission of this write, durably (the files are already in)."""
        _append(self.store, (entry.as_event(self.batch) for entry in self.pending))

    def commit(self) -> None:
        """After the swap: this write is in the live warehouse.

        Never raises: the swap has happened, so the command succeeded. If the line cannot be
        written (a full disk), the next writer finds the manifest out of step with the warehouse
        and records it then (etl.loading._reconcile_store).
        """
        if not (self.pending or self.kind == SNAPSHOT):
            return
        try:
            _append(
                self.store,
                [
                    {
                        "event": "committed",
                        "batch": self.batch,
                        "kind": self.kind,
                        "at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(),
                        "submissions": len(self.pending),
                    }
                ],
            )
        except OSError:
            LOG.warning("the commit line of write %s could not be appended", self.batch)
