"""A local HTTP server for the watcher's tests: feeds and pages whose answers the test changes
between polls (a new item, 304 Not Modified through real ETag/Last-Modified validation, a 500, a
malformed feed, a slow answer) and a webhook receiver that records what is posted (and can fail
the first posts)."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml"
    status: int = 200          # anything but 200 is answered with that status and no validators
    delay: float = 0.0         # seconds before answering
    validators: bool = True    # send ETag and Last-Modified, answer 304 when they match


@dataclass
class Hook:
    fail_first: int = 0        # answer 500 to this many posts before accepting
    received: list[dict] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)
    attempts: int = 0


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hook = Hook()
        self.requests: list[tuple[str, str, dict]] = []  # (method, path, headers)
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                with site.lock:
                    site.requests.append(("GET", self.path, dict(self.headers)))
                    route = site.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.status != 200:
                    self.send_response(route.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                modified = "Tue, 05 Mar 2024 10:00:00 GMT"
                if route.validators and (self.headers.get("If-None-Match") == etag):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.validators:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the slow route): what it is there to test

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with site.lock:
                    site.requests.append(("POST", self.path, dict(self.headers)))
                    site.hook.attempts += 1
                    fail = site.hook.attempts <= site.hook.fail_first
                    if not fail:
                        site.hook.received.append(json.loads(body))
                        site.hook.headers.append(dict(self.headers))
                self.send_response(500 if fail else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def gets(self, path: str) -> list[dict]:
        """Headers of each GET of ``path`` so far."""
        with self.lock:
            return [h for method, p, h in self.requests if method == "GET" and p == path]
