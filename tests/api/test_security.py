"""Errors and security: one pinned error shape, limits, metacharacters as data, headers, no CORS."""

from __future__ import annotations

import pytest

from tests.api.demo_db import starlette_test_client

ERROR_KEYS = {"ok", "error", "status"}


def assert_error(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == ERROR_KEYS and body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in r.text
    return body


@pytest.mark.parametrize("method, url, status", [
    ("GET", "/api/events/no-such-event", 404),
    ("GET", "/api/articles/no-such-article", 404),
    ("GET", "/api/actors/ZZZ", 404),
    ("GET", "/no/such/page", 404),
    ("GET", "/static/no-such-file.js", 404),
    ("DELETE", "/api/events", 405),
    ("PUT", "/api/code", 405),
    ("GET", "/api/events?limit=0", 422),
    ("GET", "/api/events?limit=abc", 422),
    ("GET", "/api/events?offset=-1", 422),
    ("GET", "/api/events?since=yesterday", 422),
    ("GET", "/api/events?type=DANCE", 422),
    ("GET", "/api/events?format=xml", 422),
    ("GET", "/api/events?bbox=1,2,3", 422),
    ("GET", "/api/events?bbox=10,0,5,1", 422),
    ("GET", "/api/events?bbox=a,b,c,d", 422),
    ("GET", "/api/events?bbox=nan,0,1,1", 422),
    ("GET", "/api/dyads?a=TUR&interval=week", 422),
])
def test_error_shape_is_pinned(client, method, url, status):
    assert_error(client.request(method, url), status)


def test_405_names_the_allowed_methods(client):
    r = client.post("/api/events")
    assert_error(r, 405)
    assert r.headers["allow"] == "GET"


def test_validation_message_names_the_field(client):
    body = assert_error(client.get("/api/events", params={"limit": 501}), 422)
    assert "limit" in body["error"] and "500" in body["error"]


@pytest.mark.parametrize("limit", [500, 501, 10_000, 10**12])
def test_limit_is_capped(client, limit):
    r = client.get("/api/events", params={"limit": limit})
    if limit <= 500:
        assert r.status_code == 200 and len(r.json()["events"]) <= 500
    else:
        assert_error(r, 422)
    assert client.get("/api/actors", params={"limit": 501}).status_code == 422


def test_server_error_has_no_traceback(demo_db, monkeypatch):
    from tidings.api.app import create_app
    from tidings.store import read

    def broken(db):
        raise RuntimeError("secret internals /home/someone/db.sqlite")

    monkeypatch.setattr(read, "stats", broken)
    with starlette_test_client()(create_app(str(demo_db)), raise_server_exceptions=False) as c:
        body = assert_error(c.get("/api/stats"), 500)
    assert "secret" not in body["error"] and "RuntimeError" not in body["error"]


@pytest.mark.parametrize("name", ["source", "target", "actor", "q"])
@pytest.mark.parametrize("value", ["TUR' OR '1'='1", "'; DROP TABLE events; --", '" OR 1=1 --', "%", "_",
                                   "NEAR(a b)", "* OR x:y", "\\", "💥", "a\tb"])
def test_sql_metacharacters_are_data(client, name, value):
    r = client.get("/api/events", params={name: value})
    assert r.status_code == 200, r.text
    assert r.json()["total"] == 0
    assert client.get("/api/stats").json()["stats"]["events"] > 0  # nothing dropped


def test_fts_operators_in_q_are_words(client):
    plain = client.get("/api/events", params={"q": "border"}).json()["total"]
    assert plain > 0
    assert client.get("/api/events", params={"q": "border OR"}).json()["total"] <= plain
    assert client.get("/api/events", params={"q": '"'}).json()["total"] == 0


def test_csp_and_security_headers(client):
    for url in ("/", "/docs", "/api/stats", "/static/app.js", "/api/events/nope"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_and_nothing_from_a_cdn(client):
    import re
    from importlib import resources

    static = resources.files("tidings.web") / "static"
    for page in ("index.html", "docs.html"):
        html = (static / page).read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag, tag
        assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), f"inline script in {page}"
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), f"inline event handler in {page}"
        assert not re.search(r"<[^>]+\sstyle\s*=", html), f"inline style in {page}"
        assert not re.search(r"<link\b[^>]*href=[\"']?(https?:)?//", html), f"external stylesheet in {page}"
    for item in static.iterdir():
        if item.name.endswith((".html", ".js", ".css")):
            text = item.read_text(encoding="utf-8")
            assert not re.search(r"""src=["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//""", text), item.name
            assert not re.search(r"""fetch\(\s*["'`]https?:""", text), item.name
            unsafe = r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\("
            assert not re.search(unsafe, text), item.name


def test_no_cors(client):
    r = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = client.options("/api/articles", headers={"Origin": "https://evil.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers


def test_docs_are_local(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
            "/api/actors/{code}", "/api/dyads", "/api/stats", "/api/code", "/api/articles"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text and "cdn" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404


def test_no_endpoint_reads_a_user_given_path(client):
    for url in ("/static/../app.py", "/static/%2e%2e/api/app.py", "/static/..%2f..%2fpyproject.toml",
                "/static//etc/passwd", "/api/articles/..%2f..%2fetc%2fpasswd"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "root:" not in r.text and "create_app" not in r.text


def test_missing_database_is_a_clean_error(tmp_path):
    from tidings.api.app import create_app
    from tidings.errors import StoreError

    with pytest.raises(StoreError) as err:
        create_app(str(tmp_path / "none.db"))
    assert err.value.code == "E601"
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError) as err:
        create_app(str(tmp_path / "junk.db"))
    assert err.value.code == "E604"
