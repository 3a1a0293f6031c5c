"""Real processes at once: two commits from the page's functions for the same department-year, a
`python -m etl load` for another department, and a reader; every accepted submission is present
exactly once afterwards, and the loser of the race saw a conflict and committed after reviewing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

from tests.delivery.conftest import FIN_2023, HEADER, REPO, query

COMMITTER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from etl.loading import IncomingFile
    from access.principal import Principal
    from delivery.commit import commit
    from delivery.review import review_files
    db, file_path, identity, ready, go = sys.argv[1:6]
    user = Principal(identity, identity, "login", True, frozenset({"viewer", "uploader"}),
                     frozenset({"BZK"}))
    file = IncomingFile(Path(file_path).name, Path(file_path).read_bytes())
    review = review_files([file], user, Path(db))
    assert review.ready, [p.code for f in review.files for p in f.problems]
    Path(ready).write_text("reviewed")
    while not Path(go).exists():
        time.sleep(0.01)
    statuses = []
    for _ in range(5):
        result = commit(review, user, Path(db))
        statuses.append(result.status)
        if result.status != "conflict":
            break
        review = review_files([file], user, Path(db))  # asked to review again
    print(json.dumps({"statuses": statuses,
                      "ids": [r.submission_id for r in result.receipts]}))
    """
)

READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from etl import warehouse
    db, stop = sys.argv[1], Path(sys.argv[2])
    errors, reads, seen = [], 0, set()
    while not stop.exists():
        try:
            with warehouse.reading(db) as connection:
                total = connection.execute(
                    "SELECT count(*), coalesce(sum(count), 0) FROM v_reports").fetchone()
                # A reader never sees a half-loaded submission: rows per scope match the scope.
                torn = connection.execute(
                    "SELECT count(*) FROM v_coverage AS c WHERE c.report_count <> (SELECT "
                    "coalesce(sum(r.count), 0) FROM v_reports AS r WHERE r.submission_id = "
                    "c.submission_id AND r.department = c.department AND r.year = c.year "
                    "AND r.channel = c.channel)").fetchone()[0]
            seen.add(tuple(total))
            if torn:
                errors.append(f"torn read {torn}")
            reads += 1
        except Exception as error:
            errors.append(repr(error))
    print(json.dumps({"errors": errors[:5], "reads": reads, "versions": len(seen)}))
    """
)


def test_two_commits_and_a_command_line_load_at_once(db, tmp_path):
    first = tmp_path / "BZK_2023_a.csv"
    first.write_text(HEADER + "BZK,2023,vertrouwenspersoon,racisme,ja,10\n", encoding="utf-8")
    second = tmp_path / "BZK_2023_b.csv"
    second.write_text(
        HEADER + "BZK,2023,vertrouwenspersoon,racisme,ja,12\nBZK,2023,meldpunt,pesten,nee,3\n",
        encoding="utf-8",
    )
    fin = tmp_path / FIN_2023.file_name
    fin.write_bytes(FIN_2023.content)
    go, stop = tmp_path / "go", tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    committers = []
    for number, path in enumerate((first, second)):
        ready = tmp_path / f"ready{number}"
        process = subprocess.Popen(
            [sys.executable, "-c", COMMITTER, str(db), str(path), f"user{number}@minbzk.nl",
             str(ready), str(go)],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        committers.append((process, ready))
    deadline = time.monotonic() + 120
    while not all(ready.exists() for _, ready in committers):
        for process, _ in committers:
            assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    go.write_text("go")  # both reviewed the same versions; now both press 'Vastleggen'
    cli = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(fin), "--db", str(db), "--user", "cli"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    results = []
    for process, _ in committers:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    stop.write_text("stop")
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    reading = json.loads(out)
    assert cli.returncode == 0, cli.stderr

    assert reading["errors"] == [] and reading["reads"] > 0
    statuses = sorted(tuple(r["statuses"]) for r in results)
    # One committed at once; the other saw a conflict, reviewed again and committed on top.
    assert statuses == [("committed",), ("conflict", "committed")]
    ids = [i for r in results for i in r["ids"]]
    shas = query(db, "SELECT sha256, count(*) FROM submission GROUP BY sha256 HAVING count(*) > 1")
    assert shas == []  # nothing doubled
    submissions = query(db, "SELECT submission_id, file_name FROM submission ORDER BY ALL")
    assert len(submissions) == 5 + 3  # the small warehouse, two commits and the command line
    assert {name for _, name in submissions[5:]} == {
        "BZK_2023_a.csv",
        "BZK_2023_b.csv",
        "FIN_2023.csv",
    }
    assert set(ids) <= {sid for sid, _ in submissions}
    # The one that committed last is in force for the whole of its scope; FIN is untouched by it.
    winner = next(r for r in results if r["statuses"] == ["committed"])["ids"][0]
    loser = next(r for r in results if r["statuses"][0] == "conflict")["ids"][0]
    [(fin_id,)] = query(db, "SELECT submission_id FROM submission WHERE file_name = 'FIN_2023.csv'")
    [(loser_file,)] = query(db, "SELECT file_name FROM submission WHERE submission_id = ?", [loser])
    if loser_file == "BZK_2023_a.csv":  # a (VP only) on top of b: b keeps its meldpunt
        expected_bzk = [("BZK", "meldpunt", winner, 3), ("BZK", "vertrouwenspersoon", loser, 10)]
    else:
        expected_bzk = [("BZK", "meldpunt", loser, 3), ("BZK", "vertrouwenspersoon", loser, 12)]
    in_force = query(
        db,
        "SELECT department, channel, submission_id, sum(count) FROM v_reports WHERE year = 2023 "
        "GROUP BY ALL ORDER BY ALL",
    )
    assert in_force == [
        *expected_bzk,
        ("FIN", "klachtencommissie", fin_id, 6),
        ("FIN", "vertrouwenspersoon", fin_id, 13),
    ]
    # Every change is in the audit log exactly once.
    commits = query(
        db,
        "SELECT submission_id, count(*) FROM audit_log WHERE action = 'commit' "
        "GROUP BY ALL HAVING count(*) <> 1",
    )
    assert commits == []
    assert query(db, "SELECT count(*) FROM audit_log WHERE action = 'commit'") == [(8,)]
