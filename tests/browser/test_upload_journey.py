"""Uploading in a real browser against a real `streamlit run`: login through a mock OpenID Connect
provider (oidc-provider-mock on 127.0.0.1), refusal for another department, no upload page for a
viewer; two browser uploads racing a command-line load; the server killed during 'Vastleggen'."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from etl import warehouse
from etl.loading import collect_files, load_files
from tests.browser.conftest import REPO, Server, free_port, screenshot

pytestmark = pytest.mark.browser

SMALL = REPO / "tests" / "app" / "fixtures" / "small"
HEADER = "departement,jaar,kanaal,categorie,betreft_discriminatie,aantal\n"
USERS = [
    {"sub": "bzk-uploader", "email": "a.jansen@minbzk.nl", "name": "A. Jansen"},
    {"sub": "viewer", "email": "c.kok@minaz.nl", "name": "C. Kok"},
]
ROLES = """
[defaults]
logged_in = "viewer"
anonymous = "viewer"

[[rule]]
email = "a.jansen@minbzk.nl"
role = "uploader"
departments = ["BZK"]
"""


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with warehouse.reading(db) as connection:
        return connection.execute(sql, params or []).fetchall()


def small_warehouse(folder: Path) -> Path:
    db = folder / "warehouse" / "meldingen.duckdb"
    files, _ = collect_files([SMALL])
    assert {o.status for o in load_files(files, db, loaded_by="test")} == {"loaded"}
    return db


def write(folder: Path, name: str, *rows: str) -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def idle(page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)


def open_page(page, url: str, title: str | None = None) -> None:
    page.goto(url)
    expect(page.locator("h1").first).to_be_visible(timeout=120_000)
    idle(page)
    if title is not None:
        expect(page.locator("h1").first).to_have_text(title, timeout=60_000)


def choose_file(page, path: Path) -> None:
    idle(page)
    chooser = page.locator("input[type=file]")
    expect(chooser).to_have_count(1, timeout=60_000)  # the previous one is gone after a commit
    chooser.set_input_files(str(path))


def local_server(folder: Path, db: Path, extra_env: dict[str, str] | None = None) -> Server:
    """A server in local mode: no [auth] (an empty secrets file, whatever ~/.streamlit holds)."""
    secrets = folder / "no-secrets.toml"
    secrets.write_text("", encoding="utf-8")
    env = {
        "MELDINGEN_DEMO": "0",
        "MELDINGEN_AUDIT_JOURNAL": "",
        "STREAMLIT_SECRETS_FILES": str(secrets),
        **(extra_env or {}),
    }
    return Server(db, folder / f"streamlit-{time.monotonic_ns()}.log", extra_env=env)


# --- login through a mock identity provider -----------------------------------------------------


@pytest.fixture(scope="module")
def identity_provider(tmp_path_factory) -> Iterator[str]:
    port = free_port()
    log = (tmp_path_factory.mktemp("oidc") / "provider.log").open("w")
    claims = [arg for user in USERS for arg in ("--user-claims", json.dumps(user))]
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--port", str(port), *claims],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "oidc-provider-mock exited early"
            with contextlib.suppress(OSError):
                metadata = f"{url}/.well-known/openid-configuration"
                with urllib.request.urlopen(metadata, timeout=2) as response:
                    if response.status == 200:
                        break
            assert time.monotonic() < deadline, "oidc-provider-mock did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def login_server(identity_provider, tmp_path_factory) -> Iterator[Server]:
    """A server with [auth] pointing at the mock provider, and a roles file; secrets in a temporary
    folder passed through STREAMLIT_SECRETS_FILES, never in the repository."""
    folder = tmp_path_factory.mktemp("login")
    secrets = folder / "secrets.toml"
    secrets.write_text(
        textwrap.dedent(
            f"""
            [auth]
            redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
            cookie_secret = "{os.urandom(24).hex()}"
            client_id = "meldingenmonitor"
            client_secret = "{os.urandom(12).hex()}"
            server_metadata_url = "{identity_provider}/.well-known/openid-configuration"
            """
        ),
        encoding="utf-8",
    )
    roles = folder / "roles.toml"
    roles.write_text(ROLES, encoding="utf-8")
    db = small_warehouse(folder)
    running = Server(
        db,
        folder / "streamlit.log",
        extra_env={
            "MELDINGEN_DEMO": "0",
            "MELDINGEN_ROLES": str(roles),
            "MELDINGEN_AUDIT_JOURNAL": "",
            "STREAMLIT_SECRETS_FILES": str(secrets),
        },
    )
    try:
        running.wait_until_healthy()
        yield running
    finally:
        running.stop()


def log_in(page, server: Server, subject: str, name: str) -> None:
    open_page(page, server.url, "Overzicht")
    page.get_by_test_id("stSidebar").get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.get_by_role("button", name=subject).click()  # the mock provider's one-click login
    page.wait_for_url(f"{server.url}/**")
    expect(page.get_by_text(f"Ingelogd als {name}")).to_be_visible(timeout=120_000)
    idle(page)


def test_bzk_uploader_submits_for_bzk_and_is_refused_for_fin(page, login_server, tmp_path):
    server = login_server
    log_in(page, server, "bzk-uploader", "A. Jansen")
    metric = page.get_by_test_id("stMetric").first
    expect(metric).to_contain_text("33")  # 2022 in the small warehouse
    page.get_by_test_id("stSidebar").get_by_text("Aanleveren").click()
    expect(page.locator("h1").first).to_have_text("Aanleveren", timeout=60_000)
    expect(page.get_by_text("U mag aanleveren voor: BZK")).to_be_visible()
    expect(page.get_by_text("Lokale modus")).to_have_count(0)
    # Streamlit's uploader speaks English; the page draws its button and limit in Dutch instead.
    uploader = page.get_by_test_id("stFileUploaderDropzone")
    expect(uploader.get_by_role("button", name="Bestanden kiezen")).to_be_visible()
    expect(uploader.get_by_role("button", name="Upload", exact=True)).to_have_count(0)
    dropzone_text = uploader.evaluate(
        "e => getComputedStyle(e.querySelector("
        "'[data-testid=stFileUploaderDropzoneInstructions] span'), '::after').content"
    )
    assert dropzone_text == '"Maximaal 100 MB per bestand • CSV, TXT of XLSX"'

    correction = write(
        tmp_path, "BZK_2022_v2.csv",
        "BZK,2022,vertrouwenspersoon,racisme,ja,9",
        "BZK,2022,integriteitscoordinator,discriminatie,ja,7",
        "BZK,2022,integriteitscoordinator,pesten,nee,12",
    )  # fmt: skip
    choose_file(page, correction)
    expect(page.get_by_text("voldoet aan het gegevenscontract")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Wordt vervangen")).to_be_visible()
    idle(page)
    screenshot(page, "aanleveren-voorbeeld")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("is vastgelegd als S000006")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Vervangt S000002")).to_be_visible()
    expect(page.get_by_text("Vastgelegd door a.jansen@minbzk.nl")).to_be_visible()
    idle(page)
    screenshot(page, "aanleveren-ontvangstbewijs")
    assert query(server.db, "SELECT loaded_by FROM submission WHERE submission_id = 'S000006'") == [
        ("a.jansen@minbzk.nl",)
    ]

    # The same user for FIN: refused, no FIN figures shown, nothing stored.
    fin = write(tmp_path, "FIN_2023.csv", "FIN,2023,vertrouwenspersoon,discriminatie,ja,13")
    choose_file(page, fin)
    expect(page.get_by_text("U mag niet aanleveren voor FIN")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Vastleggen")).to_have_count(0)
    expect(page.get_by_text("Wat verandert er")).to_have_count(0)
    screenshot(page, "aanleveren-geweigerd")
    assert query(server.db, "SELECT count(*) FROM submission") == [(6,)]

    # The new figures: 2022 discrimination went from 33 to 34.
    page.get_by_test_id("stSidebar").get_by_text("Overzicht").click()
    expect(page.locator("h1").first).to_have_text("Overzicht", timeout=60_000)
    expect(page.get_by_test_id("stMetric").first).to_contain_text("34", timeout=60_000)
    expect(page.get_by_text("Er ging iets mis")).to_have_count(0)


def test_viewer_sees_no_upload_page(page, login_server):
    log_in(page, login_server, "viewer", "C. Kok")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Dekking")).to_be_visible()
    expect(sidebar.get_by_text("Aanleveren")).to_have_count(0)
    open_page(page, f"{login_server.url}/aanleveren")
    expect(page.locator("h1").first).not_to_have_text("Aanleveren")
    expect(page.locator("input[type=file]")).to_have_count(0)


# --- concurrency and faults, in local mode -----------------------------------------------------

READER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from etl import warehouse
    db, stop = sys.argv[1], Path(sys.argv[2])
    errors, reads = [], 0
    while not stop.exists():
        try:
            with warehouse.reading(db) as connection:
                connection.execute("SELECT count(*), sum(count) FROM v_reports").fetchall()
            reads += 1
        except Exception as error:
            errors.append(repr(error))
    print(json.dumps({"errors": errors[:5], "reads": reads}))
    """
)


def test_two_browser_uploads_and_a_command_line_load_at_once(chromium, tmp_path):
    db = small_warehouse(tmp_path)
    server = local_server(tmp_path, db)
    contexts = [chromium.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(3)]
    try:
        server.wait_until_healthy()
        first, second, reader_page = (context.new_page() for context in contexts)
        files = [
            write(tmp_path, "BZK_2023_a.csv", "BZK,2023,vertrouwenspersoon,racisme,ja,10"),
            write(
                tmp_path,
                "BZK_2023_b.csv",
                "BZK,2023,vertrouwenspersoon,racisme,ja,12",
                "BZK,2023,meldpunt,pesten,nee,3",
            ),  # fmt: skip
        ]
        for page, path in zip((first, second), files, strict=True):
            page.set_default_timeout(120_000)
            open_page(page, f"{server.url}/aanleveren", "Aanleveren")
            expect(page.get_by_text("Lokale modus.", exact=True)).to_be_visible()
            choose_file(page, path)
            expect(page.get_by_text("voldoet aan het gegevenscontract")).to_be_visible()
            idle(page)
        fin = write(tmp_path, "FIN_2023.csv", "FIN,2023,vertrouwenspersoon,discriminatie,ja,13")
        stop = tmp_path / "stop"
        reader = subprocess.Popen(
            [sys.executable, "-c", READER, str(db), str(stop)],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        cli = subprocess.Popen(
            [sys.executable, "-m", "etl", "load", str(fin), "--db", str(db), "--user", "cli"],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        reader_page.goto(f"{server.url}/dekking", wait_until="commit")
        first.get_by_role("button", name="Vastleggen").click(no_wait_after=True)
        second.get_by_role("button", name="Vastleggen").click(no_wait_after=True)
        assert cli.wait(timeout=120) == 0, cli.communicate()

        outcome = {}
        for name, page in (("first", first), ("second", second)):
            done = page.get_by_text("is vastgelegd als").or_(page.get_by_text("Versieconflict"))
            expect(done.first).to_be_visible(timeout=120_000)
            idle(page)
            outcome[name] = "conflict" if page.get_by_text("Versieconflict").count() else "ok"
        # Both reviewed the same versions: exactly one committed, the other is asked to review.
        assert sorted(outcome.values()) == ["conflict", "ok"], outcome
        loser = first if outcome["first"] == "conflict" else second
        loser.get_by_role("button", name="Opnieuw beoordelen").click()
        expect(loser.get_by_text("Versieconflict")).to_have_count(0, timeout=120_000)
        # the rerun is over first: while it runs, Streamlit keeps the old (disabled) button beside
        # the new one
        idle(loser)
        expect(loser.get_by_role("button", name="Vastleggen")).to_be_enabled()
        loser.get_by_role("button", name="Vastleggen").click()
        expect(loser.get_by_text("is vastgelegd als")).to_be_visible(timeout=120_000)
        screenshot(loser, "aanleveren-na-conflict")

        expect(reader_page.locator("h1").first).to_have_text("Dekking", timeout=120_000)
        expect(reader_page.get_by_text("Er ging iets mis")).to_have_count(0)
        stop.write_text("stop")
        out, err = reader.communicate(timeout=60)
        reading = json.loads(out)
        assert reading["errors"] == [] and reading["reads"] > 0, (reading, err)
    finally:
        for context in contexts:
            context.close()
        server.stop()

    names = [name for (name,) in query(db, "SELECT file_name FROM submission ORDER BY ALL")]
    # Every accepted submission exactly once, and nothing else.
    assert sorted(names) == sorted(
        ["BZK_2021.csv", "BZK_2022.csv", "FIN_2021.csv", "FIN_2022.csv", "fte.csv",
         "BZK_2023_a.csv", "BZK_2023_b.csv", "FIN_2023.csv"]
    )  # fmt: skip
    assert query(db, "SELECT count(*) FROM (SELECT DISTINCT sha256 FROM submission)") == [(8,)]
    fin_rows = query(
        db, "SELECT sum(count) FROM v_reports WHERE department = 'FIN' AND year = 2023"
    )
    assert fin_rows == [(13,)]
    assert query(db, "SELECT count(*) FROM audit_log WHERE action = 'commit'") == [(8,)]


def test_server_killed_during_commit_leaves_no_partial_submission(chromium, tmp_path):
    db = small_warehouse(tmp_path)
    flag = tmp_path / "in-transaction"
    victim = local_server(
        tmp_path,
        db,
        {"MELDINGEN_TEST_PAUSE_IN_TRANSACTION": str(flag), "MELDINGEN_TEST_PAUSE_SECONDS": "120"},
    )
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    path = write(tmp_path, "BZK_2023.csv", "BZK,2023,vertrouwenspersoon,racisme,ja,10")
    before = query(db, "SELECT * FROM v_submission_history ORDER BY ALL")
    try:
        victim.wait_until_healthy()
        open_page(page, f"{victim.url}/aanleveren", "Aanleveren")
        choose_file(page, path)
        expect(page.get_by_text("voldoet aan het gegevenscontract")).to_be_visible()
        idle(page)
        page.get_by_role("button", name="Vastleggen").click(no_wait_after=True)
        deadline = time.monotonic() + 120
        while not flag.exists():
            assert victim.process.poll() is None
            assert time.monotonic() < deadline, "the commit never reached its transaction"
            time.sleep(0.05)
        victim.process.send_signal(signal.SIGKILL)  # the power goes, mid-transaction
        victim.process.wait(timeout=30)
    finally:
        victim.log.close()
        context.close()

    # No partial submission: the live warehouse is exactly the old one.
    assert query(db, "SELECT * FROM v_submission_history ORDER BY ALL") == before
    assert query(db, "SELECT count(*) FROM submission") == [(5,)]

    restarted = local_server(tmp_path, db)
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        restarted.wait_until_healthy()
        open_page(page, f"{restarted.url}/aanleveren", "Aanleveren")
        expect(page.get_by_text("S000006")).to_have_count(0)  # the history knows nothing of it
        choose_file(page, path)
        expect(page.get_by_text("Wat verandert er")).to_be_visible()
        idle(page)
        page.get_by_role("button", name="Vastleggen").click()
        expect(page.get_by_text("is vastgelegd als S000006")).to_be_visible(timeout=120_000)
    finally:
        context.close()
        restarted.stop()
    history = query(
        db,
        "SELECT count(*) FROM v_submission_history AS h WHERE h.superseded_by IS NOT NULL AND "
        "h.superseded_by NOT IN (SELECT submission_id FROM submission)",
    )
    assert history == [(0,)]  # every replacement points at a stored submission
    assert query(db, "SELECT count(*) FROM submission") == [(6,)]
    assert sorted(p.name for p in db.parent.iterdir() if "writing" in p.name) == []
