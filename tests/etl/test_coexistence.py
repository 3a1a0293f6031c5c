"""Readers and the loader in separate real processes: reads never fail and see new loads."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

READER = textwrap.dedent(
    """
    import json, pathlib, sys, time
    from etl import warehouse
    db, stop_file = sys.argv[1], pathlib.Path(sys.argv[2])
    seen, errors, reads = set(), [], 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        stopping = stop_file.exists()  # checked before the read, so the last read sees the end
        try:
            with warehouse.reading(db) as connection:
                seen.add(connection.execute("SELECT count(*) FROM submission").fetchone()[0])
            reads += 1
        except Exception as error:
            errors.append(repr(error))
        if stopping:
            break
    print(json.dumps({"seen": sorted(seen), "errors": errors[:5], "reads": reads}))
    """
)


def test_reader_process_keeps_working_while_another_process_loads(tmp_path):
    db = tmp_path / "w.duckdb"
    header = "departement,jaar,kanaal,categorie,aantal\n"
    files = []
    for year in range(2018, 2026):
        path = tmp_path / f"AZ_{year}.csv"
        path.write_text(header + f"AZ,{year},meldpunt,pesten,{year - 2017}\n", encoding="utf-8")
        files.append(path)
    first = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(files[0]), "--db", str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert first.returncode == 0, first.stderr
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for path in files[1:]:
        loaded = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(path), "--db", str(db)],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert loaded.returncode == 0, loaded.stderr
    stop.touch()
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    report = json.loads(out)
    assert report["errors"] == []
    assert report["reads"] > 10
    # The reader saw the warehouse grow while it was reading, and ends on the final version.
    assert len(report["seen"]) >= 2
    assert report["seen"][-1] == 8
