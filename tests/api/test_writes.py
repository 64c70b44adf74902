"""Coding through the API: POST /api/code stores nothing; POST /api/articles needs the bearer
token, stores through the one writer, and is refused when no token is configured."""

from __future__ import annotations

import hmac

import pytest

from tests.api.demo_db import TOKEN
from tests.api.test_security import assert_error

TEXT = ("ANKARA, March 3 - Turkish President Recep Tayyip Erdogan hosted Qatari Emir Sheikh Tamim bin Hamad "
        "Al Thani in Ankara on Tuesday, and the two leaders signed an agreement on defence cooperation.")
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_code_returns_events_and_stores_nothing(client, event_schema):
    import jsonschema

    before = client.get("/api/stats").json()["stats"]
    r = client.post("/api/code", json={"text": TEXT, "date": "2024-03-05"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and body["text"] == TEXT and body["events"]
    for event in body["events"]:
        jsonschema.validate(event, event_schema)
        assert body["text"][event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    assert "CONSULT" in {e["type"] for e in body["events"]}
    assert client.get("/api/stats").json()["stats"] == before


def test_code_explains_when_asked(client, event_schema):
    import jsonschema

    plain = client.post("/api/code", json={"text": TEXT, "date": "2024-03-05"}).json()
    assert all("explain" not in e for e in plain["events"]) and "dropped" not in plain
    body = client.post("/api/code", json={"text": TEXT, "date": "2024-03-05", "explain": True}).json()
    assert [e["type"] for e in body["events"]] == [e["type"] for e in plain["events"]]
    for event in body["events"]:
        jsonschema.validate(event, event_schema)
        steps = event["explain"]["steps"]
        assert {s["stage"] for s in steps} >= {"type", "actors"}, steps
    assert isinstance(body["dropped"], list)
    assert_error(client.post("/api/code", json={"text": TEXT, "explain": "maybe"}), 422)


def test_code_validates_its_input(client):
    assert_error(client.post("/api/code", json={"text": ""}), 422)
    assert_error(client.post("/api/code", json={"text": "   \n  "}), 422)  # blank after normalizing
    assert_error(client.post("/api/code", json={"text": TEXT, "date": "March"}), 422)
    assert_error(client.post("/api/code", json={"text": TEXT, "colour": "red"}), 422)
    assert_error(client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"}), 422)
    assert_error(client.post("/api/code", json=["a list"]), 422)


def test_writes_are_refused_without_a_configured_token(client):
    for headers in ({}, AUTH, {"Authorization": "Bearer "}):
        body = assert_error(client.post("/api/articles", json={"text": TEXT}, headers=headers), 403)
        assert "TIDINGS_TOKEN" in body["error"]


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
                                    f"Bearer {TOKEN[:-1]}", f"Token {TOKEN}"])
def test_wrong_or_missing_token_is_401(writable, header):
    headers = {"Authorization": header} if header is not None else {}
    r = writable.post("/api/articles", json={"text": TEXT}, headers=headers)
    assert_error(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


def test_token_is_checked_before_the_body(writable):
    assert_error(writable.post("/api/articles", json={"no": "text"}), 401)


def test_token_compare_is_constant_time(writable, monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert_error(writable.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer nope"}), 401)
    assert calls == [(b"nope", TOKEN.encode())]


def test_store_an_article(writable):
    before = writable.get("/api/stats").json()["stats"]
    article = {"id": "api-1", "text": TEXT, "date": "2024-03-05", "title": "Erdogan hosts Tamim",
               "url": "https://example.org/a", "source": "Example Wire"}
    r = writable.post("/api/articles", json=article, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] and body["article_id"] == "api-1" and body["counts"]["added"] == 1 and body["events"]
    after = writable.get("/api/stats").json()["stats"]
    assert after["articles"] == before["articles"] + 1 and after["events"] > before["events"]
    stored = writable.get("/api/articles/api-1").json()["article"]
    assert stored["title"] == "Erdogan hosts Tamim" and stored["spans"]
    assert writable.get("/api/events", params={"q": "Tamim"}).json()["total"] >= 1
    again = writable.post("/api/articles", json=article, headers=AUTH)  # idempotent
    assert again.status_code == 200 and again.json()["counts"]["skipped"] == 1
    assert writable.get("/api/stats").json()["stats"]["articles"] == after["articles"]


def test_content_id_when_none_is_given(writable):
    from tidings.ingest.identity import article_id

    r = writable.post("/api/articles", json={"text": TEXT}, headers=AUTH)
    assert r.status_code == 201 and r.json()["article_id"] == article_id(TEXT)


def test_body_over_the_limit_is_413(writable):
    big = {"text": "word " * 5000}  # the writable app allows 20,000 bytes
    for url, headers in (("/api/articles", AUTH), ("/api/code", {})):
        body = assert_error(writable.post(url, json=big, headers=headers), 413)
        assert "20,000" in body["error"]


def test_streamed_body_over_the_limit_is_413(writable):
    def chunks():  # no Content-Length: the size is counted as the body arrives
        for _ in range(30):
            yield b"x" * 1000

    r = writable.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert_error(r, 413)


def test_body_under_the_limit_passes(writable):
    r = writable.post("/api/code", json={"text": "word " * 3000})
    assert r.status_code == 200, r.text


def test_lying_content_length_is_refused(writable):
    r = writable.post("/api/code", content=b'{"text": "x"}', headers={"content-type": "application/json",
                                                                        "content-length": "1000000"})
    assert_error(r, 413)


def test_concurrent_writes_go_through_one_writer(writable):
    from concurrent.futures import ThreadPoolExecutor

    before = writable.get("/api/stats").json()["stats"]["articles"]
    texts = [f"{TEXT} Report number {i}." for i in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = list(pool.map(lambda t: writable.post("/api/articles", json={"text": t}, headers=AUTH).status_code,
                              texts + texts[:2]))  # two repeats race their originals
    assert codes.count(201) == 6 and set(codes) <= {200, 201}
    assert writable.get("/api/stats").json()["stats"]["articles"] == before + 6


def test_importing_tidings_does_not_import_the_web_stack():
    import subprocess
    import sys

    # the entry points live in tidings.entry, not in the HTTP package, and load the readers lazily
    code = ("import sys, tidings; assert callable(tidings.code) and callable(tidings.load); "
            "assert not {'fastapi', 'starlette', 'uvicorn', 'spacy', 'tidings.api', 'tidings.ingest'} & set(sys.modules), "
            "sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
