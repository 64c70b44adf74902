"""PLOVER auxiliary modes on the project's own status set (tests/data/status_sentences.jsonl:
300 sentences, 60 per status)."""

import datetime as dt
import json
from collections import Counter

import pytest

from tidings.types import Article

from ..conftest import DATA


@pytest.fixture(scope="module")
def results(pipeline):
    records = [json.loads(line) for line in (DATA / "status_sentences.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    articles = [Article(f"s{i}", r["text"], dt.date.fromisoformat(r["date"])) for i, r in enumerate(records)]
    out = []
    for record, (_, events) in zip(records, pipeline.pipe(articles)):
        typed = [e for e in events if e.type == record["type"]] or events
        out.append((record["status"], typed[0].status if typed else None))
    return out


def test_status_of_detected_events(results):
    detected = [(gold, got) for gold, got in results if got is not None]
    right = sum(gold == got for gold, got in detected)
    print(f"\nstatus right on {right}/{len(detected)} detected events; {len(detected)}/{len(results)} detected")
    assert right / len(detected) >= 0.90


@pytest.mark.parametrize("status", ["current", "historical", "future", "hypothetical", "negated"])
def test_each_status_is_recognised(results, status):
    mine = [(gold, got) for gold, got in results if gold == status and got is not None]
    assert sum(gold == got for gold, got in mine) / len(mine) >= 0.75, Counter(got for _, got in mine)


def test_detection(results):
    assert sum(got is not None for _, got in results) / len(results) >= 0.80
