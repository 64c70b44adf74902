"""Take docs/dashboard.png: the overview page over the bundled examples.

    python scripts/dashboard_screenshot.py [OUT.png]

Codes the examples into a temporary database, serves it on a free loopback port and photographs
the page with headless Chromium (/usr/bin/chromium, or TIDINGS_CHROMIUM) through Playwright.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs/dashboard.png"


def shoot(db: Path, out: Path, *, page: str = "", ready: str = ".map .point") -> None:
    """Serve ``db`` on a free loopback port and photograph the dashboard page ``page`` (the part
    after '/', e.g. '#/latest?period=week') once ``ready`` (a CSS selector) is on it."""
    import uvicorn
    from playwright.sync_api import sync_playwright

    from tidings.api.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), ws="none", log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium"),
                                        args=["--no-sandbox"])
            tab = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
            tab.goto(f"http://127.0.0.1:{sock.getsockname()[1]}/{page}")
            tab.wait_for_selector(ready)
            out.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(out), full_page=True)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(f"{out}: {out.stat().st_size:,} bytes", file=sys.stderr)


def main(argv: list[str]) -> int:
    from tidings.ingest.readers import read_path
    from tidings.pipeline import Pipeline
    from tidings.store import Store

    out = Path(argv[0]) if argv else OUT
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        with resources.as_file(resources.files("tidings.examples") / "articles.jsonl") as examples:
            articles = list(read_path(str(examples)))
        with Store.open(db) as store:
            store.write(list(Pipeline.load().pipe(articles)))
        shoot(db, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
