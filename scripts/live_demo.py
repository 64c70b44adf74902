"""A watch run you can see: the bundled example articles published as two feeds on a local HTTP
server that change between polls, watched by the feed monitor with alerts posted to a local
webhook, then a restart; and, with --screenshot, the dashboard's "latest" view photographed.

    python scripts/live_demo.py [--screenshot docs/latest.png]

Feed "wire.rss" carries full texts (RSS content:encoded); feed "desk.atom" carries only a summary
and a link, so the monitor fetches each page. Poll 1: wire has examples 1-4, desk 9-10. Poll 2:
wire unchanged (304), desk adds 11, a third feed answers 500. Poll 3: wire adds 5-8, desk adds
12. Then a new monitor over the same database polls once more (the restart). Everything runs on
127.0.0.1; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dashboard_screenshot import shoot  # noqa: E402  (the same server and browser)

ROUTES: dict[str, tuple[int, bytes, str]] = {}  # path -> (status, body, content type)
POSTED: list[dict] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        status, body, kind = ROUTES.get(self.path, (404, b"", "text/plain"))
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body) if status == 200 else 0))
        if status == 200:
            self.send_header("ETag", etag)
        self.end_headers()
        if status == 200:
            self.wfile.write(body)

    def do_POST(self) -> None:
        POSTED.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(204)
        self.end_headers()


def _rfc822(day: str) -> str:
    import datetime as dt
    import email.utils

    return email.utils.format_datetime(dt.datetime.fromisoformat(day + "T09:00:00+00:00"))


def wire(articles: list[dict]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(a['title'])}</title><guid>{a['id']}</guid><pubDate>{_rfc822(a['date'])}</pubDate>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{html.escape(p)}</p>' for p in a['text'].split(chr(10)) if p)}]]>"
        "</content:encoded></item>" for a in articles)
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Example Wire</title>{items}</channel></rss>").encode()


def desk(articles: list[dict], base: str) -> bytes:
    entries = "".join(
        f"<entry><title>{html.escape(a['title'])}</title><id>urn:example:{a['id']}</id>"
        f'<link href="{base}/pages/{a["id"]}.html"/><updated>{a["date"]}T09:00:00Z</updated>'
        f"<summary>{html.escape(a['text'][:120])}…</summary></entry>" for a in articles)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example Desk</title><id>urn:example:desk</id><updated>2026-02-11T09:00:00Z</updated>{entries}"
            "</feed>").encode()


def page(a: dict) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(a["title"])}</title>'
            f'<meta property="article:published_time" content="{a["date"]}T09:00:00Z"></head><body>'
            f'<nav><a href="/">Home</a></nav><article><h1>{html.escape(a["title"])}</h1>{paragraphs}</article>'
            "<footer>Example Desk</footer></body></html>").encode()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", metavar="PNG", help="photograph the latest view into this file")
    parser.add_argument("--db", help="keep the database here (default: a temporary file)")
    args = parser.parse_args(argv)

    from tidings.pipeline import Pipeline
    from tidings.store import Store
    from tidings.store.read import stats
    from tidings.watch import AlertRule, Monitor, Sender

    examples = [json.loads(line) for line in
                resources.files("tidings.examples").joinpath("articles.jsonl").read_text("utf-8").splitlines()]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for a in examples:
        ROUTES[f"/pages/{a['id']}.html"] = (200, page(a), "text/html")
    feeds = [f"{base}/wire.rss", f"{base}/desk.atom", f"{base}/down.rss"]
    polls = [  # what each feed serves at each poll: wire examples, desk examples, down's status
        (examples[0:4], examples[8:10], 200),
        (examples[0:4], examples[8:11], 500),
        (examples[0:8], examples[8:12], 500),
    ]
    pipeline = Pipeline.load()
    rules = [AlertRule.parse("type=ASSAULT"), AlertRule.parse("dyad=TUR-QAT")]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db or Path(tmp) / "live.db")
        clock = [1_770_800_000.0]  # polls a minute apart on a clock of our own: backoff shows without waiting
        with Store.open(db) as store:
            sender = Sender(f"{base}/hook", delays=(0.5, 1.0))
            monitor = Monitor(feeds, store, every=60, pipeline=pipeline, rules=rules, sender=sender,
                              clock=lambda: clock[0])
            for wire_items, desk_items, down in polls:
                ROUTES["/wire.rss"] = (200, wire(wire_items), "application/rss+xml")
                ROUTES["/desk.atom"] = (200, desk(desk_items, base), "application/atom+xml")
                ROUTES["/down.rss"] = (down, wire(examples[:1]), "application/rss+xml")
                print(monitor.cycle().line(60), file=sys.stderr)
                clock[0] += 60
            monitor.close()
        with Store.open(db) as store:  # the restart
            sender = Sender(f"{base}/hook", delays=(0.5,))
            again = Monitor(feeds, store, every=60, pipeline=pipeline, rules=rules, sender=sender,
                            clock=lambda: clock[0])
            print("restart: " + again.cycle().line(), file=sys.stderr)
            again.close()
            totals = stats(store.db)
            alerts = store.db.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall()
            feed_rows = store.db.execute("SELECT url, status, failures FROM feeds ORDER BY url").fetchall()
        print(f"stored: {totals['articles']} articles, {totals['events']} events, {totals['errors']} errors; "
              f"alerts: {dict((r[0], r[1]) for r in alerts)}; posted to the webhook: {len(POSTED)}", file=sys.stderr)
        for url, status, failures in feed_rows:
            print(f"  {url.rsplit('/', 1)[1]}: {status}, {failures} failures in a row", file=sys.stderr)
        if args.screenshot:
            shoot(db, Path(args.screenshot), page="#/latest?period=week", ready=".headline")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
