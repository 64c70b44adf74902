"""Decision records (--explain), dropped candidates, ablations, and per-article failures."""

import datetime as dt

import jsonschema
import pytest

from tidings.pipeline import Pipeline
from tidings.types import Article

STORY = "Turkey cut off trade with Israel in April. An earthquake killed eight people in the town on Monday."


def article(text, day="2024-12-17"):
    return Article("a1", text, dt.date.fromisoformat(day))


def test_each_event_carries_its_decisions_and_validates(pipeline, event_schema):
    coded = pipeline.explain(article(STORY))
    [sanction] = [e for e in coded.events if e.type == "SANCTION"]
    stages = [s.stage for s in sanction.explanation.steps]
    assert stages[0] == "type" and "actors" in stages and "attributes" in stages
    assert any(s.rule == "source" and "Turkey" in s.detail for s in sanction.explanation.steps)
    assert sanction.explanation.classifier[0][0] == "SANCTION"
    jsonschema.validate(sanction.to_dict(), event_schema)
    assert "explain" not in pipeline(article(STORY))[0].to_dict()  # off by default


def test_a_dropped_candidate_names_the_rule_that_dropped_it(pipeline):
    coded = pipeline.explain(article(STORY))
    assert not any(e.evidence.sentence == 1 for e in coded.events)
    [quake] = [d for d in coded.dropped if d.sentence == 1]
    assert quake.stage in ("type", "vetoes") and quake.rule
    assert quake.to_dict()["dropped"] is True


def test_switching_a_rule_off_changes_what_it_decides(pipeline):
    from tidings.config import load_settings
    from tidings.events.coder import EventCoder

    text = "Egypt said it will host talks between the two sides next week."
    on = pipeline(article(text))
    off_coder = EventCoder(knowledge=pipeline.coder.knowledge, lexicon=pipeline.coder.lexicon,
                           codebook=pipeline.coder.codebook, classifier=pipeline.coder.classifier,
                           gazetteer=pipeline.coder.gazetteer, version="test", settings=pipeline.coder.settings,
                           rules=pipeline.coder.rules.without({"intent_as_agree"}))
    off = Pipeline(nlp=pipeline.nlp, coder=off_coder, settings=load_settings(env={}))(article(text))
    assert any(e.type == "AGREE" for e in on)
    assert not any(e.type == "AGREE" for e in off)


class _FailingParser:
    """The real parser, except on texts that contain BOOM."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __call__(self, text):
        if "BOOM" in text:
            raise RuntimeError("parser exploded")
        return self.nlp(text)

    def pipe(self, texts):
        for text in texts:
            yield self(text)


def test_a_parser_failure_is_that_articles_error_and_the_stream_goes_on(pipeline):
    from tidings.errors import StageError

    broken = Pipeline(nlp=_FailingParser(pipeline.nlp), coder=pipeline.coder, settings=pipeline.settings)
    texts = ["Turkey cut off trade with Israel in April.", "BOOM goes the parser here today.",
             "Israel closed its border with Gaza on Monday."]
    results = list(broken.pipe(Article(f"a{i}", t, dt.date(2024, 12, 17)) for i, t in enumerate(texts)))
    assert [a.id for a, _ in results] == ["a0", "a1", "a2"]
    assert isinstance(results[1][1], StageError) and results[1][1].code == "E503"
    assert "'parse'" in str(results[1][1]) and "a1" in str(results[1][1])
    assert isinstance(results[0][1], list) and isinstance(results[2][1], list) and results[2][1]


@pytest.mark.parametrize("explain", [False, True])
def test_eval_counts_rules_only_when_asked(pipeline, explain, tmp_path):
    import json

    from tidings.evaluation.runner import evaluate

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "Turkey cut off trade with Israel in April.", "date": "2024-12-17",
                                "events": [{"type": "SANCTION", "source": ["TUR"], "target": ["ISR"]}]}) + "\n")
    report = evaluate(str(gold), pipeline=pipeline, explain=explain)
    assert ("rules" in report) is explain
    if explain:
        primary = next(r for r in report["rules"] if r["rule"] == "primary")
        assert primary["shaped"] == 1 and primary["shaped_right"] == 1
