"""The read endpoints over the demo database: shapes, filters, pagination and downloads."""

from __future__ import annotations

import csv
import io
import json

import pytest


def events(client, **params) -> dict:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    return body


def day(event: dict) -> str:
    """The day an event sorts and filters by: a partial date ('2024-12', '2024') starts its period."""
    return (((event["date"] or {}).get("value") or event["first_seen"]) + "-01-01")[:10]


def test_events_page_shape(client, event_schema):
    import jsonschema

    body = events(client)
    assert set(body) == {"ok", "total", "limit", "offset", "events"}
    assert body["limit"] == 50 and body["offset"] == 0 and body["total"] > 50
    assert len(body["events"]) == 50
    stored = {"num_mentions", "num_articles", "num_sources", "first_seen", "last_seen"}
    for event in body["events"][:5]:
        jsonschema.validate({k: v for k, v in event.items() if k not in stored}, event_schema)
    dates = [day(e) for e in body["events"]]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_pagination_walks_every_event_once(client):
    total = events(client, limit=1)["total"]
    seen = []
    for offset in range(0, total, 40):
        page = events(client, limit=40, offset=offset)
        assert page["total"] == total and page["offset"] == offset
        seen += [e["id"] for e in page["events"]]
    assert len(seen) == total == len(set(seen))
    assert events(client, offset=total)["events"] == []


@pytest.mark.parametrize("side", ["source", "target"])
def test_side_filters(client, side):
    body = events(client, **{side: "tur", "limit": 500})
    assert body["total"] == len(body["events"]) > 0
    for e in body["events"]:
        assert "TUR" in {a["country"] for a in e[side]}


def test_actor_filter_matches_either_side(client):
    body = events(client, actor="RUS", limit=500)
    assert body["total"] > 0
    for e in body["events"]:
        assert "RUS" in {a["country"] for a in e["source"] + e["target"]}
    assert body["total"] >= events(client, source="RUS")["total"]


def test_type_date_text_and_status_filters(client):
    assaults = events(client, type="assault", limit=500)
    assert assaults["total"] > 0 and {e["type"] for e in assaults["events"]} == {"ASSAULT"}
    recent = events(client, since="2024-01-01", until="2024-12-31", limit=500)
    assert recent["total"] > 0
    assert all("2024-01-01" <= day(e) <= "2024-12-31" for e in recent["events"])
    assert events(client, since="2024")["total"] >= recent["total"]
    border = events(client, q="border guards")
    assert border["total"] > 0
    assert all("border" in e["evidence"]["text"].lower() for e in border["events"])
    hypothetical = events(client, status="hypothetical", limit=500)
    assert {e["status"] for e in hypothetical["events"]} == {"hypothetical"}


def test_bbox_filter(client):
    central_asia = events(client, bbox="66,36,81,44", limit=500)  # Kyrgyzstan, Tajikistan
    assert central_asia["total"] > 0
    for e in central_asia["events"]:
        assert 66 <= e["location"]["lon"] <= 81 and 36 <= e["location"]["lat"] <= 44
    assert events(client, bbox="-10,-10,-9,-9")["total"] == 0


def test_csv_download_has_every_matching_event(client):
    total = events(client, type="ASSAULT")["total"]
    r = client.get("/api/events", params={"type": "ASSAULT", "format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total and {row["type"] for row in rows} == {"ASSAULT"}
    assert all(row["id"] and row["evidence"] for row in rows)
    everything = client.get("/api/events", params={"format": "csv"}).text
    assert len(list(csv.DictReader(io.StringIO(everything)))) == events(client)["total"]  # not one page


def test_jsonl_download(client):
    total = events(client, actor="UKR")["total"]
    r = client.get("/api/events", params={"actor": "UKR", "format": "jsonl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in r.text.splitlines()]
    assert len(records) == total and all(r["id"] for r in records)


def test_one_event_with_mentions(client):
    first = events(client, limit=1)["events"][0]
    r = client.get(f"/api/events/{first['id']}")
    assert r.status_code == 200
    event = r.json()["event"]
    assert event["id"] == first["id"] and event["mentions"]
    mention = event["mentions"][0]
    assert mention["article_id"] == first["article_id"]
    assert mention["evidence"] == first["evidence"]["text"]


def test_article_with_evidence_spans(client):
    r = client.get("/api/articles/example-01")
    assert r.status_code == 200
    article = r.json()["article"]
    assert article["text"].startswith("BISHKEK") and article["spans"]
    by_id = {e["id"]: e for e in events(client, limit=500)["events"]}
    for span in article["spans"]:
        event = by_id[span["event_id"]]
        assert article["text"][span["start"]:span["end"]] == event["evidence"]["text"]
        assert article["text"][span["trigger_start"]:span["trigger_end"]] == event["evidence"]["trigger"]


def test_actors(client):
    r = client.get("/api/actors", params={"limit": 5})
    actors = r.json()["actors"]
    assert len(actors) == 5 and actors[0]["events"] >= actors[-1]["events"]
    code = actors[0]["code"]
    one = client.get(f"/api/actors/{code.lower()}").json()["actor"]
    assert one["code"] == code and one["members"] and one["events"] == actors[0]["events"]


def test_dyad_both_directions(client):
    r = client.get("/api/dyads", params={"a": "tur", "b": "qat", "interval": "year"})
    assert r.status_code == 200
    dyad = r.json()["dyad"]
    assert dyad["a"] == "TUR" and dyad["interval"] == "year"
    forward = dyad["directions"]["TUR->QAT"]
    assert set(dyad["directions"]) == {"TUR->QAT", "QAT->TUR"} and forward
    period = forward[0]
    assert len(period["period"]) == 4
    assert {"events", "by_type", "by_quad_class", "mean_goldstein", "mean_plover_score"} <= set(period)
    assert sum(p["events"] for p in forward) == events(client, source="TUR", target="QAT")["total"]
    months = client.get("/api/dyads", params={"a": "TUR", "b": "QAT"}).json()["dyad"]
    assert months["interval"] == "month" and len(months["directions"]["TUR->QAT"][0]["period"]) == 7


def test_top_dyads_without_codes(client):
    dyads = client.get("/api/dyads").json()["dyads"]
    assert dyads and dyads[0]["events"] >= dyads[-1]["events"]
    assert client.get("/api/dyads", params={"a": "TUR"}).status_code == 422


def test_stats_timeline_and_places(client):
    body = client.get("/api/stats").json()
    stats = body["stats"]
    assert stats["events"] == events(client)["total"] and stats["articles"] == 12
    assert sum(stats["events_by_quad_class"].values()) == stats["events"]
    assert body["top_dyads"]
    timeline = client.get("/api/timeline", params={"interval": "year"}).json()["timeline"]
    assert sum(p["events"] for p in timeline) == stats["events"]
    assert all(sum(p["by_quad_class"].values()) == p["events"] for p in timeline)
    filtered = client.get("/api/timeline", params={"type": "ASSAULT", "interval": "year"}).json()["timeline"]
    assert sum(p["events"] for p in filtered) == stats["events_by_type"]["ASSAULT"]
    places = client.get("/api/places").json()["places"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert places[0]["events"] >= places[-1]["events"]


def test_unknown_ids_are_404(client):
    for url in ("/api/events/nope", "/api/articles/nope", "/api/actors/XXX"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["ok"] is False, url
