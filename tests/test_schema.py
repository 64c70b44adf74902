"""Every event the coder emits validates against the shipped JSON Schema, and its evidence
points into the article text."""

import json
from importlib import resources

import jsonschema
import pytest

from tidings.types import Article


def _examples():
    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    return [json.loads(line) for line in ref.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def coded(pipeline):
    import datetime as dt

    out = []
    for record in _examples():
        article = Article(record["id"], record["text"], dt.date.fromisoformat(record["date"]), record.get("title"))
        out.append((article, pipeline(article)))
    return out


def test_schema_is_valid(event_schema):
    jsonschema.Draft202012Validator.check_schema(event_schema)


def test_every_event_validates(coded, event_schema):
    validator = jsonschema.Draft202012Validator(event_schema)
    count = 0
    for _, events in coded:
        for event in events:
            errors = list(validator.iter_errors(event.to_dict()))
            assert not errors, (event.evidence.text, errors[0].message)
            count += 1
    assert count > 50


def test_evidence_offsets(coded):
    for article, events in coded:
        for e in events:
            assert article.text[e.evidence.start:e.evidence.end] == e.evidence.text
            assert article.text[e.evidence.trigger_start:e.evidence.trigger_end] == e.evidence.trigger
            for actor in e.source + e.target:
                if actor.start is not None:
                    assert article.text[actor.start:actor.end] == actor.text


def test_dates_never_after_publication(coded):
    for article, events in coded:
        for e in events:
            if e.date and e.status in ("current", "historical"):
                assert e.date.value <= article.date.isoformat()[: len(e.date.value)], e.evidence.text


def test_ids_are_stable(pipeline, coded):
    article, events = coded[0]
    assert [e.id for e in pipeline(article)] == [e.id for e in events]
    assert len({e.id for _, evs in coded for e in evs}) == sum(len(evs) for _, evs in coded)
