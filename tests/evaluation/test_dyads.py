"""Country-dyad scoring: hand-made system/gold pairs, and the coder on tests/data/dyad_sentences.jsonl."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tidings.evaluation.dyads import error_kind, match, relaxed_match, strict_match, system_dyad
from tidings.evaluation.metrics import PRF
from tidings.evaluation.runner import evaluate, kind_of

DATA = Path(__file__).parents[1] / "data" / "dyad_sentences.jsonl"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def d(type_, source=(), target=()):
    return (type_, frozenset(source), frozenset(target))


@pytest.mark.parametrize("system, gold, strict, relaxed", [
    (d("ACCUSE", ["TUR"], ["SWE"]), d("ACCUSE", ["TUR"], ["SWE"]), True, True),
    (d("REJECT", ["TUR"], ["SWE"]), d("ACCUSE", ["TUR"], ["SWE"]), False, False),
    (d("ACCUSE", ["SWE"], ["TUR"]), d("ACCUSE", ["TUR"], ["SWE"]), False, False),
    (d("ACCUSE", ["TUR"]), d("ACCUSE", ["TUR"], ["SWE"]), False, False),
    (d("ACCUSE", ["TUR"], ["SWE"]), d("ACCUSE", ["TUR"]), False, False),
    (d("SANCTION", ["USA"], ["MMR"]), d("SANCTION", ["USA", "GBR"], ["MMR"]), False, True),
    (d("THREATEN", ["USA"], ["MEX", "CAN", "CHN"]), d("THREATEN", ["USA"], ["MEX", "CAN"]), False, True),
    (d("CONSULT", ["TUR", "UKR"]), d("CONSULT", ["UKR", "TUR"]), True, True),
    (d("CONSULT", ["TUR"], ["UKR"]), d("CONSULT", ["TUR", "UKR"]), False, True),
    (d("ASSAULT", ["SDN"], ["SDN"]), d("ASSAULT", ["SDN"]), False, True),
    (d("AID", ["UNO"], ["SDN"]), d("AID", ["UNO"], ["SDN"]), True, True),
    (d("AID", ["IGO"], ["SDN"]), d("AID", ["UNO"], ["SDN"]), False, False),
])
def test_strict_and_relaxed_match(system, gold, strict, relaxed):
    assert strict_match(system, gold) is strict
    assert relaxed_match(system, gold) is relaxed


def test_system_dyad_drops_unresolved_actors():
    actor = lambda country: SimpleNamespace(country=country)  # noqa: E731
    event = SimpleNamespace(type="ASSAULT", source=(actor("RUS"), actor(None)), target=(actor("UKR"), actor("UKR")))
    assert system_dyad(event) == d("ASSAULT", ["RUS"], ["UKR"])


def test_matching_is_one_to_one_and_maximal():
    gold = [d("MOBILIZE", ["ARM"], ["AZE"]), d("MOBILIZE", ["AZE"], ["ARM"])]
    assert match([d("MOBILIZE", ["ARM"], ["AZE"])] * 2, gold, strict_match) == {0: 0}
    # the first system event could take either gold event under the relaxed rule; the matching still pairs both
    system = [d("MOBILIZE", ["ARM", "AZE"], ["ARM", "AZE"]), d("MOBILIZE", ["ARM"], ["AZE"])]
    assert len(match(system, gold, relaxed_match)) == 2
    hits = match(system, gold, relaxed_match)
    s = PRF(tp=len(hits), fp=len(system) - len(hits), fn=len(gold) - len(hits))
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_error_kinds():
    assert error_kind(d("SANCTION", ["USA"], ["IRN"]), [d("COERCE", ["USA"], ["IRN"])]) == "type missed"
    assert error_kind(d("CONSULT", ["AUS"], ["CHN"]), [d("CONSULT", ["CHN"], ["AUS"])]) == "source and target swapped"
    assert error_kind(d("MOBILIZE", ["RUS"], ["UKR"]), [d("MOBILIZE", ["RUS"], ["RUS"])]) == \
        "target given the source's country"
    assert error_kind(d("REQUEST", ["CHN"], ["PHL"]), [d("REQUEST", ["CHN"])]) == "target missing"
    assert error_kind(d("REQUEST", ["ESP"], ["EUR"]), [d("REQUEST", ["ESP"], ["ISR"])]) == "target IGO/NGO code"


def test_kind_of_tells_dyads_from_spans():
    assert kind_of({"events": [{"type": "AID", "source": ["JPN"], "target": ["TUR"]}]}) == "dyads"
    assert kind_of({"events": [{"type": "AID", "source": [{"text": "Japan"}], "target": []}]}) == "plover"
    assert kind_of({"events": []}) == "plover"


def test_gold_file_is_well_formed():
    from importlib import resources

    codes = {line.split("\t")[0] for line in resources.files("tidings.actors.data").joinpath("countries.tsv")
             .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    codes |= {"UNO", "EUR", "IGO", "NGO"}
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 300 and len({r["id"] for r in records}) == len(records)
    counts: dict[str, int] = {}
    countries = set()
    for r in records:
        assert r["text"] and len(r["date"]) == 10 and r["events"]
        for e in r["events"]:
            assert e["type"] in TYPES
            counts[e["type"]] = counts.get(e["type"], 0) + 1
            for code in e["source"] + e["target"]:
                assert code in codes, (r["id"], code)
                countries.add(code)
    assert set(counts) == TYPES and min(counts.values()) >= 15
    assert len(countries - {"UNO", "EUR", "IGO", "NGO"}) >= 80


def test_coder_on_the_dyad_sentences(pipeline):
    report = evaluate(str(DATA), pipeline=pipeline)
    assert report["kind"] == "dyads" and report["records"] >= 300
    # measured at commit time: type F1 0.911, strict dyad F1 0.657, relaxed 0.69
    assert report["type"]["overall"]["f1"] >= 0.87
    assert report["dyad_strict"]["f1"] >= 0.62
    assert report["dyad_relaxed"]["f1"] >= report["dyad_strict"]["f1"]


def test_render_lists_the_scores():
    from tidings.evaluation.dyads import render

    prf = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    report = {"gold_events": 2, "type": {"overall": prf}, "dyad_strict": prf, "dyad_relaxed": prf,
              "dyad_per_type": {"AID": prf}, "errors": [{"error": "type missed", "count": 1}]}
    text = "".join(render(report))
    assert "dyad strict" in text and "dyad relaxed" in text and "AID" in text and "type missed" in text
