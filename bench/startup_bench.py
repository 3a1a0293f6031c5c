"""Start-up: `streamlit run dashboard.py` to the first chart visible in headless chromium.

For each app: start the server as tests/browser/conftest.py does (127.0.0.1, a free port,
headless), poll /_stcore/health, open the page in a fresh browser context (empty cache, like a
first visitor) and wait until a Plotly chart has drawn (`.js-plotly-plot .main-svg` visible). The
clock starts before the server process is spawned. Then a second visitor (another fresh context)
on the same server: the time from navigation to the first chart with the server's caches warm.
The reference is bench/apps/hello_world.py (a title and one small Plotly chart).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from bench.common import CHROMIUM, PYTHON, RESULTS, ROOT, Series

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHART = ".js-plotly-plot .main-svg"
HELLO_WORLD = ROOT / "bench" / "apps" / "hello_world.py"
SLOW_START_SECONDS = 20.0  # a start slower than this is not repeated (the budget of a run)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    with (
        contextlib.suppress(OSError),
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response,
    ):
        return response.status == 200
    return False


def _first_chart(browser, url: str, timeout_ms: float) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, timeout=timeout_ms)
        page.locator(CHART).first.wait_for(state="visible", timeout=timeout_ms)
        return time.perf_counter() - started
    finally:
        context.close()


def start_once(browser, app: Path, env: dict[str, str], timeout: float = 600) -> dict:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    RESULTS.mkdir(parents=True, exist_ok=True)
    log_path = RESULTS / f"streamlit-{port}.log"
    with log_path.open("w") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [PYTHON, "-m", "streamlit", "run", str(app), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            while not _healthy(url):
                if process.poll() is not None:
                    raise RuntimeError(f"streamlit exited: {log_path.read_text()[-2000:]}")
                if time.perf_counter() - started > timeout:
                    raise TimeoutError("streamlit did not become healthy")
                time.sleep(0.05)
            healthy = time.perf_counter() - started
            to_chart = _first_chart(browser, url, timeout * 1000)
            first_chart = healthy + to_chart
            second_visit = _first_chart(browser, url, timeout * 1000)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    log_path.unlink(missing_ok=True)
    return {
        "healthy_seconds": healthy,
        "first_chart_seconds": first_chart,
        "second_visit_seconds": second_visit,
    }


def measure(targets: dict[str, tuple[Path, dict[str, str]]], repeats: int, log) -> dict:
    """targets: name -> (app script, extra environment). Runs them in turn, `repeats` times."""
    if not CHROMIUM.exists():
        return {"skipped": "Debian's chromium (/usr/bin/chromium) is not installed"}
    from playwright.sync_api import sync_playwright

    series = {
        name: {key: Series() for key in ("healthy", "first_chart", "second_visit")}
        for name in targets
    }
    slow: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # One throw-away start so that the first measured one does not pay for cold disk
            # caches of Python, Streamlit and chromium.
            start_once(browser, HELLO_WORLD, {})
            for attempt in range(repeats):
                for name, (app, env) in targets.items():
                    if name in slow:
                        continue
                    run = start_once(browser, app, env)
                    for key in ("healthy", "first_chart", "second_visit"):
                        series[name][key].add(run[f"{key}_seconds"])
                    log(f"  start-up {name} #{attempt + 1}: healthy {run['healthy_seconds']:.1f} s,"
                        f" first chart {run['first_chart_seconds']:.1f} s, second visitor "
                        f"{run['second_visit_seconds']:.1f} s")  # fmt: skip
                    if run["first_chart_seconds"] > SLOW_START_SECONDS:
                        slow.add(name)
        finally:
            browser.close()
    return {
        name: {key: values.summary() for key, values in by_key.items()}
        for name, by_key in series.items()
    }
