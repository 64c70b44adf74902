"""One dyad: the busiest dyads, the dyad endpoint, ``tidings query --dyad``, the exports and the
API all count the same events for a pair, reciprocal events (all parties as source, no target)
included, on hand-built events whose first actor columns and full actor lists disagree and on the
coded examples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tidings.store import Store, open_read
from tidings.store.dyads import dyad, latest, top_dyads
from tidings.store.export import export
from tidings.store.read import EventFilter, count_events, iter_events
from tidings.types import Actor, Article, Event, Evidence, When

TEXT = "Officials met. " * 20


def _actors(*codes: str) -> tuple[Actor, ...]:
    return tuple(Actor(text=code.lower(), name=None if code else "the militants", country=code or None,
                       sector="GOV" if code else None) for code in codes)


def _event(n: int, type_: str, source: tuple[str, ...], target: tuple[str, ...], day: str) -> Event:
    return Event(id=f"m{n}", article_id="art-1", type=type_, mode=None, cameo="040", cameo_name=None,
                 quad_class=1, goldstein=1.0, plover_score=None, status="current", source=_actors(*source),
                 target=_actors(*target), date=When(day, "day"), location=None, fatalities=None, injured=None,
                 evidence=Evidence(sentence=n, start=15 * n, end=15 * n + 14, text=TEXT[:14], trigger="met"),
                 confidence=0.9)


# (type, sources, targets): what each counts in the QAT-TUR dyad
CASES = [
    ("CONSULT", ("TUR",), ("QAT",), "b->a"),                 # TUR -> QAT; pairs are alphabetical: a=QAT, b=TUR
    ("ACCUSE", ("QAT",), ("TUR",), "a->b"),
    ("AGREE", ("TUR", "QAT"), (), "joint"),                 # reciprocal: "the two leaders signed"
    ("SUPPORT", ("TUR", "QAT"), ("ISR",), None),             # co-actors against a third: not QAT-TUR
    ("REQUEST", ("TUR",), ("QAT", "TUR"), "b->a"),           # TUR -> TUR is no dyad
    ("COOPERATE", ("TUR", "QAT"), ("QAT", "TUR"), "both"),   # both directions, one event
    ("REJECT", ("TUR",), ("",), None),                       # a target without a country
    ("THREATEN", ("IGO", "TUR"), ("QAT",), "b->a"),          # first columns say IGO -> QAT
]


@pytest.fixture()
def built(tmp_path):
    events = [_event(n, type_, source, target, f"2024-12-{10 + n:02d}")
              for n, (type_, source, target, _) in enumerate(CASES)]
    path = tmp_path / "dyads.db"
    with Store.open(path) as store:
        counts = store.write([(Article("art-1", TEXT, dt.date(2024, 12, 20), source="Wire"), events)])
    assert counts.new_events == len(CASES)
    return path


def _all_views(db, path, a: str, b: str, tmp_path) -> dict[str, int]:
    from tidings.cli.main import main

    flt = EventFilter(dyad=(a, b))
    top = {(d["a"], d["b"]): d["events"] for d in top_dyads(db, limit=1000)}
    jsonl, csv_out = tmp_path / "d.jsonl", tmp_path / "d.csv"
    export(db, "jsonl", jsonl, flt=flt)
    export(db, "csv", csv_out, flt=flt)
    cli_out = tmp_path / "cli.jsonl"
    assert main(["export", "--db", str(path), "--dyad", f"{b},{a}", "--format", "jsonl", "--out", str(cli_out)]) == 0
    return {
        "top_dyads": top.get(tuple(sorted((a, b))), 0),
        "dyad": dyad(db, a, b)["events"],
        "dyad reversed": dyad(db, b, a)["events"],
        "query": count_events(db, flt),
        "iter": sum(1 for _ in iter_events(db, flt)),
        "export jsonl": len(jsonl.read_text(encoding="utf-8").splitlines()),
        "export csv": len(list(csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8"))))),
        "cli export": len(cli_out.read_text(encoding="utf-8").splitlines()),
    }


def test_every_view_counts_the_same_events(built, tmp_path):
    db = open_read(built)
    expected = sum(1 for *_, kind in CASES if kind)
    assert set(_all_views(db, built, "QAT", "TUR", tmp_path).values()) == {expected}
    d = next(d for d in top_dyads(db) if (d["a"], d["b"]) == ("QAT", "TUR"))
    assert (d["a_to_b"], d["b_to_a"], d["joint"]) == (
        sum(k in ("a->b", "both") for *_, k in CASES), sum(k in ("b->a", "both") for *_, k in CASES),
        sum(k == "joint" for *_, k in CASES))
    directions = dyad(db, "TUR", "QAT", interval="day")["directions"]
    assert sum(p["events"] for p in directions["TUR->QAT"]) == d["b_to_a"]
    assert sum(p["events"] for p in directions["QAT->TUR"]) == d["a_to_b"]
    assert sum(p["events"] for p in directions["joint"]) == d["joint"] == 1


def test_co_actors_and_organisations_make_their_own_dyads(built):
    db = open_read(built)
    pairs = {(d["a"], d["b"]): d for d in top_dyads(db, limit=100)}
    assert pairs[("ISR", "TUR")]["events"] == pairs[("ISR", "QAT")]["events"] == 1
    assert pairs[("IGO", "QAT")]["events"] == 1
    assert ("TUR", "TUR") not in pairs and not any(None in p for p in pairs)


def test_the_actor_page_partners_use_the_same_dyads(built):
    from tidings.store.read import actor

    db = open_read(built)
    partners = {p["code"]: p["events"] for p in actor(db, "TUR")["partners"]}
    assert partners["QAT"] == count_events(db, EventFilter(dyad=("TUR", "QAT")))


def test_the_coded_examples_agree_in_every_view(store, coded_examples, tmp_path, pipeline):
    from tests.api.demo_db import starlette_test_client
    from tidings.api.app import create_app

    store.write(coded_examples)
    path = tmp_path / "t.db"
    db = open_read(path)
    pairs = top_dyads(db, limit=200)
    assert any(d["joint"] for d in pairs)  # the examples have reciprocal events
    with starlette_test_client()(create_app(str(path), pipeline=pipeline)) as client:
        api_top = {(d["a"], d["b"]): d["events"] for d in client.get("/api/dyads?limit=200").json()["dyads"]}
        for d in pairs[:12]:
            views = _all_views(db, path, d["a"], d["b"], tmp_path)
            views["api dyad"] = client.get(f"/api/dyads?a={d['a']}&b={d['b']}").json()["dyad"]["events"]
            views["api events"] = client.get(f"/api/events?dyad={d['b']},{d['a']}&limit=1").json()["total"]
            views["api top"] = api_top[(d["a"], d["b"])]
            assert set(views.values()) == {d["events"]}, (d, views)


def test_latest_counts_new_reports_by_dyad(built):
    db = open_read(built)
    week = latest(db, period="week")
    assert week["until"] == "2024-12-20" and week["since"] == "2024-12-14"
    assert week["events"] == len(CASES) and week["previous_events"] == 0
    qat_tur = next(d for d in week["dyads"] if (d["a"], d["b"]) == ("QAT", "TUR"))
    assert qat_tur["change"] == qat_tur["events"] == sum(1 for *_, k in CASES if k)
    later = latest(db, period="week", until="2024-12-27")
    assert later["events"] == 0 and later["previous_events"] == len(CASES)
    assert json.dumps(later)  # plain data


def _out_of_step(db) -> list[tuple]:
    """Rows where the materialized dyads and the rule disagree (both ways)."""
    rule = "SELECT event_id, a, b, direction FROM dyad_rule"
    table = "SELECT event_id, a, b, direction FROM event_dyads"
    return [tuple(r) for r in db.execute(f"{table} EXCEPT {rule}")] + [
        tuple(r) for r in db.execute(f"{rule} EXCEPT {table}")]


def test_the_dyad_table_follows_the_rule_through_recodes_and_removals(store, coded_examples):
    store.write(coded_examples)
    assert store.db.execute("SELECT count(*) FROM event_dyads").fetchone()[0] > 0
    assert _out_of_step(store.db) == []
    # re-coding the Turkey-Qatar story into no events removes its events and their dyads (the
    # writer deletes the event_actors of events it rebuilds: the triggers follow)
    story = [(a, r) for a, r in coded_examples if "Tamim" in a.text]
    tur_qat = count_events(store.db, EventFilter(dyad=("TUR", "QAT")))
    from_story = {e.id for _, r in story for e in r}
    assert story and tur_qat > 0
    store.write([(a, []) for a, _ in story], replace=True)
    assert _out_of_step(store.db) == []
    assert count_events(store.db, EventFilter(dyad=("TUR", "QAT"))) < tur_qat
    assert not store.db.execute("SELECT 1 FROM mentions WHERE id IN (SELECT value FROM json_each(?))",
                                (json.dumps(sorted(from_story)),)).fetchone()
