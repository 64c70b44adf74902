"""The bundled example articles against the events their author expects in them.

Floors, not targets: they catch regressions in the whole pipeline (type, dyad, date, place,
casualties). The figures are printed with -s and reported in the README.
"""

import datetime as dt
import json
from importlib import resources

import pytest

from tidings.types import Article

from .conftest import DATA


def _articles():
    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    for line in ref.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            yield Article(r["id"], r["text"], dt.date.fromisoformat(r["date"]), r.get("title"), None, r.get("source"))


def score_examples(pipeline) -> dict:
    expected = [json.loads(line) for line in (DATA / "examples_expected.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    coded = {article.id: (article, events) for article, events in pipeline.pipe(_articles())}
    counts = dict(expected=len(expected), type=0, dyad=0, date=0, dated=0, place=0, placed=0, dead=0, with_dead=0)
    for x in expected:
        article, events = coded[x["article_id"]]
        start = article.text.find(x["sentence"])
        end = start + len(x["sentence"])
        here = [e for e in events if e.evidence.start < end and start < e.evidence.end]
        typed = [e for e in here if e.type == x["type"] or {e.type, x["type"]} <= {"CONCEDE", "RETREAT"}]
        if not typed:
            continue
        counts["type"] += 1
        src, tgt = x.get("source_country") or "", x.get("target_country") or ""

        def parties(e):
            return {a.country for a in e.source} | {a.country for a in e.target}

        if any((not src or src in parties(e)) and (not tgt or tgt in parties(e)) for e in typed):
            counts["dyad"] += 1
        best = typed[0]
        if x.get("date"):
            counts["dated"] += 1
            counts["date"] += any(e.date and e.date.value == x["date"][: len(e.date.value)]
                                  and e.date.precision == x.get("date_precision", e.date.precision) for e in typed)
        if x.get("location"):
            counts["placed"] += 1
            counts["place"] += any(e.location and (x["location"].lower() in e.location.text.lower()
                                                   or e.location.name.lower() in x["location"].lower()) for e in typed)
        if x.get("fatalities"):
            counts["with_dead"] += 1
            counts["dead"] += any(e.fatalities for e in typed)
        del best
    return counts


@pytest.fixture(scope="module")
def scores(pipeline):
    counts = score_examples(pipeline)
    print("\nexamples:", json.dumps(counts))
    return counts


def test_event_types_found(scores):
    assert scores["type"] / scores["expected"] >= 0.60


def test_dyads_found(scores):
    assert scores["dyad"] / scores["expected"] >= 0.40


def test_dates_resolved(scores):
    assert scores["date"] / max(1, scores["dated"]) >= 0.50


def test_places_found(scores):
    assert scores["place"] / max(1, scores["placed"]) >= 0.30
