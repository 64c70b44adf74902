import json

import pytest

from tidings.evaluation.metrics import PRF, TypeScores, overlaps
from tidings.evaluation.runner import evaluate, kind_of


def test_prf():
    s = PRF(tp=3, fp=1, fn=2)
    assert s.precision == 0.75 and s.recall == 0.6
    assert round(s.f1, 4) == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert PRF().f1 == 0.0


def test_type_scores_and_confusion():
    t = TypeScores()
    t.add({"ACCUSE"}, {"ACCUSE"})
    t.add({"REJECT"}, {"ACCUSE"})
    t.add({"AGREE"}, set())
    assert (t.overall.tp, t.overall.fp, t.overall.fn) == (1, 1, 2)
    assert t.empty == 1
    assert t.confusion[("REJECT", "ACCUSE")] == 1 and t.confusion[("AGREE", "(none)")] == 1


def test_overlaps():
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9))


def test_kinds():
    assert kind_of({"events": []}) == "plover"
    assert kind_of({"gold": ["ARMED_CLASH"]}) == "case2021"
    assert kind_of({"gold": [{"lat": 1.0, "lon": 2.0}]}) == "places"


def test_evaluate_on_a_small_gold_file(tmp_path, pipeline):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "g1", "text": "Iran's foreign minister condemned the Israeli airstrikes on Damascus.", "date": None,
         "events": [{"type": "ACCUSE", "source": [{"text": "Iran's foreign minister"}],
                     "target": [{"text": "the Israeli airstrikes"}]}]},
        {"id": "g2", "text": "Egypt and Jordan signed a water-sharing agreement in Cairo.", "date": None,
         "events": [{"type": "SUPPORT", "source": [{"text": "Egypt"}], "target": [{"text": "Jordan"}]}]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = evaluate(str(gold), pipeline=pipeline)
    assert report["kind"] == "plover" and report["records"] == 2
    assert report["type"]["overall"]["tp"] == 2
    assert report["dyad"]["tp"] >= 1


def test_missing_gold_file_is_a_clean_error(tmp_path):
    from tidings.errors import InputError

    with pytest.raises(InputError):
        evaluate(str(tmp_path / "nope.jsonl"))
