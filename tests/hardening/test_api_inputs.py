"""The bad-input corpus through POST /api/code and /api/articles, and what tests/api does not
already cover of security: ids with SQL metacharacters stored and read back as data, path
parameters that look like SQL, oversized bodies on /api/code. Every refusal is the pinned JSON
error shape, names the field, carries no traceback, and the next good request still works."""

from __future__ import annotations

import sqlite3

import pytest

from tests.api.demo_db import TOKEN, copy_database, demo_database, starlette_test_client
from tests.hardening.corpus import FOREIGN, GOOD_TEXT, huge_text, long_sentence

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def api(pipeline, tmp_path_factory):
    from tidings.api.app import create_app

    path = copy_database(demo_database(pipeline, tmp_path_factory), tmp_path_factory.mktemp("api-hardening"))
    with starlette_test_client()(create_app(str(path), token=TOKEN, pipeline=pipeline, max_body=400_000),
                                 raise_server_exceptions=False) as client:
        yield client, path


def _error(r, *statuses: int) -> str:
    assert r.status_code in statuses, (r.status_code, r.text[:500])
    body = r.json()
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == r.status_code
    assert "Traceback" not in r.text and "\n" not in body["error"]
    return body["error"]


BAD_JSON_BODIES = [
    ("empty", b"", "body"),
    ("blank", b"   \n ", "body"),
    ("not-json", b"this is not json", "body"),
    ("truncated", b'{"text": "Turkish troops shel', "body"),
    ("list", b'["a", "list"]', "body"),
    ("latin1", '{"text": "Le ministre a critiqué la décision"}'.encode("latin-1"), "body"),
    ("binary", bytes(range(256)), "body"),
]
BAD_FIELDS = [
    ("missing-text", {"date": "2024-12-17"}, "text"),
    ("text-not-string", {"text": 42}, "text"),
    ("text-empty", {"text": ""}, "text"),
    ("feb-30", {"text": GOOD_TEXT, "date": "2024-02-30"}, "date"),
    ("year-99999", {"text": GOOD_TEXT, "date": "99999-01-01"}, "date"),
    ("yesterday", {"text": GOOD_TEXT, "date": "yesterday"}, "date"),
    ("date-number", {"text": GOOD_TEXT, "date": [2024]}, "date"),
    ("unknown-field", {"text": GOOD_TEXT, "body": "x"}, "body"),
]


@pytest.mark.parametrize("endpoint", ["/api/code", "/api/articles"])
@pytest.mark.parametrize("name, body, field", BAD_JSON_BODIES, ids=[c[0] for c in BAD_JSON_BODIES])
def test_bad_bodies_are_refused_with_one_line(api, endpoint, name, body, field):
    client, _ = api
    r = client.post(endpoint, content=body, headers={**AUTH, "content-type": "application/json"})
    message = _error(r, 400, 422)  # 400: a body that is not even text
    assert field in message.lower(), message


@pytest.mark.parametrize("endpoint", ["/api/code", "/api/articles"])
@pytest.mark.parametrize("name, body, field", BAD_FIELDS, ids=[c[0] for c in BAD_FIELDS])
def test_bad_fields_are_refused_naming_the_field(api, endpoint, name, body, field):
    client, _ = api
    message = _error(client.post(endpoint, json=body, headers=AUTH), 422)
    assert field in message, message


@pytest.mark.parametrize("endpoint", ["/api/code", "/api/articles"])
def test_blank_text_is_an_input_error(api, endpoint):
    client, _ = api
    message = _error(client.post(endpoint, json={"text": "  \n\t "}, headers=AUTH), 422)
    assert "E104" in message


@pytest.mark.parametrize("endpoint", ["/api/code", "/api/articles"])
def test_three_million_words_are_413_before_being_read(api, endpoint):
    client, _ = api
    text = huge_text()
    message = _error(client.post(endpoint, json={"text": text}, headers=AUTH), 413)
    assert "over the limit" in message


def test_other_languages_and_a_long_sentence_are_coded(api):
    client, _ = api
    for text in [*FOREIGN.values(), long_sentence(words=8_000)]:
        r = client.post("/api/code", json={"text": text, "date": "2024-12-17"})
        assert r.status_code == 200, r.text[:300]
        body = r.json()
        for event in body["events"]:
            ev = event["evidence"]
            assert body["text"][ev["start"]:ev["end"]] == ev["text"]


def test_a_good_request_works_after_every_bad_one(api):
    client, path = api
    for _, body, _ in BAD_JSON_BODIES:
        client.post("/api/articles", content=body, headers={**AUTH, "content-type": "application/json"})
    r = client.post("/api/articles", json={"text": GOOD_TEXT.replace("four", "nine"), "id": "after-bad-ones",
                                           "date": "2024-12-17"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert client.get("/api/articles/after-bad-ones").status_code == 200
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


NASTY_IDS = ["x'); DROP TABLE articles; --", "' OR '1'='1", '"; DELETE FROM events; --', "%_*", "../../etc/passwd",
             "💥 id"]


@pytest.mark.parametrize("article_id", NASTY_IDS)
def test_ids_with_sql_metacharacters_are_stored_as_data(api, article_id):
    client, path = api
    text = f"{GOOD_TEXT} Reference {len(article_id)}{article_id!r}."
    r = client.post("/api/articles", json={"text": text, "id": article_id, "date": "2024-12-17"}, headers=AUTH)
    assert r.status_code in (200, 201), r.text
    assert r.json()["article_id"] == article_id
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM articles WHERE id = ?", (article_id,)).fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert client.get("/api/stats").json()["stats"]["articles"] > 1


@pytest.mark.parametrize("url", [
    "/api/events/' OR '1'='1", "/api/events/1; DROP TABLE events", "/api/actors/' OR 1=1 --",
    "/api/articles/%27%20OR%20%271%27%3D%271", "/api/dyads?a=TUR' OR '1'='1&b=SYR",
    "/api/timeline?source=' OR 1=1 --", "/api/places?q=\"; DROP TABLE mentions; --",
])
def test_sql_in_paths_and_other_endpoints_is_data(api, url):
    client, path = api
    before = client.get("/api/stats").json()["stats"]
    r = client.get(url)
    assert r.status_code in (200, 404, 422), (url, r.status_code, r.text[:300])
    assert "Traceback" not in r.text
    if r.status_code == 200 and "events" in r.json():
        assert r.json()["events"] == []
    after = client.get("/api/stats").json()["stats"]
    assert after["events"] == before["events"] and after["articles"] == before["articles"]


def test_writes_without_a_token_change_nothing(api):
    client, path = api
    with sqlite3.connect(path) as con:
        before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}):
        _error(client.post("/api/articles", json={"text": GOOD_TEXT + " unauthorised"}, headers=headers), 401)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == before
