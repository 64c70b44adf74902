"""A real uvicorn server over the session demo database on a free loopback port, and headless
Chromium (Debian's /usr/bin/chromium) driven by Playwright. Without Chromium the browser tests
skip, unless TIDINGS_REQUIRE_BROWSER=1 makes that a failure."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.api.demo_db import demo_database

CHROMIUM = Path(os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def demo_db(pipeline, tmp_path_factory):
    return demo_database(pipeline, tmp_path_factory)


@pytest.fixture(scope="session")
def live_server(demo_db, pipeline):
    import uvicorn

    from tidings.api.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(demo_db), pipeline=pipeline), ws="none", log_level="warning",
                            lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def _unavailable(reason: str):
    if os.environ.get("TIDINGS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (TIDINGS_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True)
        except Error as exc:
            _unavailable(f"{CHROMIUM} does not start: {exc.message.splitlines()[0]}")
        yield chromium
        chromium.close()


_OUTCOME = pytest.StashKey()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_OUTCOME] = report
    return report


@pytest.fixture
def page(browser, live_server, request, tmp_path):
    """A fresh page on the live server. A script error fails the test (an API answering 4xx is
    logged by the browser too, and is not one); a screenshot is saved under the test's tmp dir
    when it fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text)
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.set_default_timeout(15_000)
    yield pg
    report = request.node.stash.get(_OUTCOME, None)
    if report is not None and report.failed:
        shot = tmp_path / "failure.png"
        pg.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failing page: {shot}")
    context.close()
    if report is not None and report.passed:
        assert not errors, f"script errors in the browser: {errors}"
