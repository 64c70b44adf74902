"""WikiEvents scoring on hand-written articles (not from the gold file)."""

import json
from types import SimpleNamespace

from tidings.evaluation.runner import evaluate, kind_of
from tidings.evaluation.wikievents import gold_triggers, render, same_type, score_article

TEXT = ("Gunmen attacked a police post in the north on Monday. Police arrested two suspects later. "
        "The mayor met the governor.")


def gold_event(type_, word, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return {"id": f"g-{word}", "event_type": "X.Y.Z", "plover_suggested": type_,
            "trigger": {"text": word, "sent_idx": 0, "char_span": [start, start + len(word)]}, "arguments": []}


RECORD = {"id": "hand-1", "text": TEXT, "date": None, "gold": [
    gold_event("ASSAULT", "attacked"), gold_event("COERCE", "arrested"), gold_event("CONSULT", "met"),
    gold_event("ASSAULT?", "post"), gold_event(None, "Gunmen"),
]}


def sentence(word):
    """(start, end) of the sentence holding ``word``."""
    start = TEXT.rfind(". ", 0, TEXT.index(word))
    start = 0 if start < 0 else start + 2
    return start, TEXT.index(".", TEXT.index(word)) + 1


def event(type_, word):
    start, end = sentence(word)
    return SimpleNamespace(type=type_, evidence=SimpleNamespace(start=start, end=end))


def test_gold_triggers_keep_suggested_events_and_mark_doubtful_ones():
    got = gold_triggers(RECORD)
    assert [(g.type, g.sure) for g in got] == [("ASSAULT", True), ("COERCE", True), ("CONSULT", True),
                                               ("ASSAULT", False)]
    assert all(TEXT[g.start:g.end] == g.text for g in got)


def test_found_needs_the_type_in_the_trigger_sentence():
    gold = gold_triggers(RECORD)
    events = [event("ASSAULT", "attacked"), event("ASSAULT", "arrested"), event("COERCE", "mayor")]
    scored = score_article(gold, events)
    # the doubtful ASSAULT ("post", damage) shares the attack's sentence, so it is found too
    assert scored.found == [True, False, False, True]
    # the arrest was coded as an attack; the meeting's sentence holds only a wrong COERCE
    assert scored.instead[1] == ("ASSAULT",) and scored.instead[2] == ("COERCE",)
    # ASSAULT in the attack sentence is right; ASSAULT on the arrest and COERCE on the meeting are not
    assert scored.right == [True, False, False]


def test_yield_accepts_concede_and_retreat():
    assert same_type("CONCEDE", "RETREAT") and same_type("YIELD", "CONCEDE") and not same_type("CONCEDE", "AGREE")


def test_kind_is_recognised():
    assert kind_of(RECORD) == "wikievents"


def test_evaluate_on_a_small_article(tmp_path, pipeline):
    gold = tmp_path / "wiki.jsonl"
    gold.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    report = evaluate(str(gold), pipeline=pipeline)
    assert report["kind"] == "wikievents" and report["records"] == 1
    assert report["recall"]["gold"] == 3 and report["doubtful"]["gold"] == 1
    assert report["per_type"]["ASSAULT"]["found"] == 1  # "Gunmen attacked a police post": an attack
    found = report["recall"]["found"]
    missed = sum(m["missed"] for m in report["misses"].values())
    assert found + missed == 3
    assert "incomplete" in report["note"]
    text = "".join(render(report))
    assert "recall" in text and "ASSAULT+COERCE" in text and "gold may be incomplete" in text
