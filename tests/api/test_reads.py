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


def test_dyad_both_directions_and_joint(client):
    r = client.get("/api/dyads", params={"a": "tur", "b": "qat", "interval": "year"})
    assert r.status_code == 200
    dyad = r.json()["dyad"]
    assert dyad["a"] == "TUR" and dyad["interval"] == "year"
    forward = dyad["directions"]["TUR->QAT"]
    assert set(dyad["directions"]) == {"TUR->QAT", "QAT->TUR", "joint"} and forward
    period = forward[0]
    assert len(period["period"]) == 4
    assert {"events", "by_type", "by_quad_class", "mean_goldstein", "mean_plover_score"} <= set(period)
    assert sum(p["events"] for p in forward) == events(client, source="TUR", target="QAT")["total"]
    # the sample story's meeting and signing list both leaders as source, no target: joint
    assert sum(p["events"] for p in dyad["directions"]["joint"]) >= 1
    assert dyad["events"] == events(client, dyad="QAT,TUR")["total"]
    months = client.get("/api/dyads", params={"a": "TUR", "b": "QAT"}).json()["dyad"]
    assert months["interval"] == "month" and len(months["directions"]["TUR->QAT"][0]["period"]) == 7


def test_top_dyads_without_codes(client):
    dyads = client.get("/api/dyads").json()["dyads"]
    assert dyads and dyads[0]["events"] >= dyads[-1]["events"]
    for d in dyads:
        assert d["a"] < d["b"] and d["events"] == events(client, dyad=f"{d['a']},{d['b']}")["total"]
        assert d["a_to_b"] + d["b_to_a"] + d["joint"] >= d["events"]
    assert client.get("/api/dyads", params={"a": "TUR"}).status_code == 422
    assert client.get("/api/events", params={"dyad": "TUR"}).status_code == 422


def test_latest_compares_with_the_period_before(client):
    body = client.get("/api/latest", params={"period": "week"}).json()["latest"]
    assert body["period"] == "week" and body["since"] <= body["until"]
    newest = max(e["first_seen"] for e in events(client, limit=500)["events"])
    assert body["until"] == newest
    assert body["events"] == sum(t["events"] for t in body["types"])
    # types of the period before that are absent now are not listed: their sum is at most the total
    assert body["previous_events"] >= sum(t["previous"] for t in body["types"])
    for d in body["dyads"]:
        assert d["change"] == d["events"] - d["previous"] and d["events"] >= 1
    day = client.get("/api/latest", params={"period": "day", "until": body["until"]}).json()["latest"]
    assert day["since"] == day["until"] == body["until"] and day["events"] <= body["events"]
    assert client.get("/api/latest", params={"until": "2024-02-30"}).status_code == 422
    assert client.get("/api/latest", params={"until": "0001-01-03"}).status_code == 422


def test_names_of_codes(client):
    names = client.get("/api/names").json()["names"]
    assert names["TUR"] == "Turkey" and names["PRK"] == "North Korea" and names["UNO"] == "United Nations"
    assert names["IGO"] == "Intergovernmental organisations"
    assert len(names) > 190


def test_head_is_answered_where_get_is(client):
    for path in ("/", "/api/stats", "/api/events?limit=1", "/static/app.js", "/docs"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    assert client.head("/api/events/nope").status_code == 404
    assert client.head("/api/code").status_code == 405  # POST only: no GET, so no HEAD


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
    body = client.get("/api/places").json()
    places, placement = body["places"], body["placement"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert places[0]["events"] >= places[-1]["events"]
    exact = [p for p in places if not p["inferred"]]
    inferred = [p for p in places if p["inferred"]]
    assert sum(p["events"] for p in exact) == placement["exact"]
    assert sum(p["events"] for p in inferred) == placement["inferred"] > 0
    assert placement["exact"] + placement["inferred"] + placement["unplaced"] == stats["events"]
    names = {p["country"] for p in inferred}
    for p in inferred:
        assert p["precision"] == "country" and p["name"]
        listed = events(client, inferred=p["country"], limit=500)["events"]
        assert len(listed) == p["events"] and all(e["location"] is None for e in listed)
        for e in listed:  # the first target's country, else the first source's
            target = e["target"][0]["country"] if e["target"] else None
            source = e["source"][0]["country"] if e["source"] else None
            assert p["country"] == target or (p["country"] == source and target not in names), e["id"]


def test_unknown_ids_are_404(client):
    for url in ("/api/events/nope", "/api/articles/nope", "/api/actors/XXX"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["ok"] is False, url
