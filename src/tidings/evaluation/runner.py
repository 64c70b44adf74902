"""Evaluate the coder on a gold file. The kind of file is recognised from its records:

- country-coded dyad sentences (``events`` whose ``source``/``target`` are lists of country codes):
  event-type P/R/F1 and strict and relaxed country-dyad P/R/F1 (see ``evaluation/dyads.py``);
- PLOVER sentences (``events`` with ``type``, ``source``, ``target`` spans): event-type P/R/F1
  overall and per class, dyad P/R/F1 (type + source + target by span overlap), share of
  sentences with no event, confusion pairs;
- CASE 2021 snippets (``gold`` ACLED types): share of conflict/protest snippets with an event
  (recall) and of crime/disaster/other snippets with one (false alarms), and type agreement
  with the suggested PLOVER type;
- GeoWebNews articles (``gold`` toponyms with coordinates): toponym recall and precision, and
  accuracy within 161 km;
- WikiEvents articles (``gold`` events with trigger spans and a suggested PLOVER type): recall of
  the suggested type in the trigger's sentence, ASSAULT/COERCE precision (see
  ``evaluation/wikievents.py``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tidings.errors import InputError
from tidings.evaluation.actors import ActorScores, load_coding
from tidings.evaluation.dyads import evaluate_dyads, is_dyad_record
from tidings.evaluation.metrics import PRF, TypeScores, overlaps
from tidings.evaluation.rules import RuleTally
from tidings.evaluation.wikievents import evaluate_wikievents, is_wikievents_record
from tidings.types import Article

YIELD = {"CONCEDE", "RETREAT"}
CONFLICT_PROTEST = {
    "ARMED_CLASH", "AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK", "CHEM_WEAP", "DISR_WEAP", "GRENADE",
    "SUIC_BOMB", "REM_EXPLOS", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "ABDUCT_DISSAP",
    "SEX_VIOL", "MOB_VIOL", "VIOL_DEMONSTR", "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST",
}
NON_POLITICAL = {"ORG_CRIME", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "OTHER"}
KM = 161.0


def read_gold(path: str, *, limit: int | None = None) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file", code="E109")
    records = []
    with p.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                records.append(json.loads(raw))
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise InputError(f"{path}:{number}: malformed JSON", code="E105") from None
            if limit and len(records) >= limit:
                break
    if not records:
        raise InputError(f"{path}: no records", code="E101")
    return records


def kind_of(record: dict) -> str:
    if "events" in record:
        return "dyads" if is_dyad_record(record) else "plover"
    gold = record.get("gold")
    if isinstance(gold, list) and gold and isinstance(gold[0], str):
        return "case2021"
    if is_wikievents_record(record):
        return "wikievents"
    if isinstance(gold, list) and (not gold or isinstance(gold[0], dict) and "lat" in gold[0]):
        return "places"
    raise InputError("unknown gold format: expected PLOVER sentences, CASE 2021 snippets, GeoWebNews "
                     "toponyms or WikiEvents articles (see the README of the evaluation data)", code="E125")


def outcome(result) -> tuple[list, list]:
    """Events and dropped candidates of one pipeline result (events, a ``Coded`` or an error)."""
    if isinstance(result, list):
        return result, []
    if isinstance(result, Exception):
        return [], []
    return result.events, result.dropped


def _norm(type_: str) -> str:
    return "YIELD" if type_ in YIELD else type_


def _span(text: str, needle: str) -> tuple[int, int] | None:
    if not needle:
        return None
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def evaluate_plover(records: list[dict], pipeline, progress: Callable[[int], None] | None = None,
                    tally: RuleTally | None = None) -> dict:
    types = TypeScores()
    dyad = PRF()
    coding = load_coding()
    actors = ActorScores() if coding and sum(r.get("id") in coding for r in records) >= 0.9 * len(records) else None
    articles = [Article(r.get("id") or str(i), r["text"], None) for i, r in enumerate(records)]
    for i, (article, result) in enumerate(pipeline.pipe(articles, explain=tally is not None)):
        record = records[i]
        events, dropped = outcome(result)
        gold_events = record.get("events") or []
        if actors is not None and record.get("id") in coding:
            actors.add(events, coding[record["id"]])
        types.add({_norm(g["type"]) for g in gold_events}, {_norm(e.type) for e in events})
        text = record["text"]
        gold_spans = []
        for g in gold_events:
            src = [s for s in (_span(text, a.get("text", "")) for a in g.get("source") or []) if s]
            tgt = [s for s in (_span(text, a.get("text", "")) for a in g.get("target") or []) if s]
            gold_spans.append((_norm(g["type"]), src, tgt))
        matched_gold: set[int] = set()
        for e in events:
            src = [(a.start, a.end) for a in e.source if a.start is not None]
            tgt = [(a.start, a.end) for a in e.target if a.start is not None]
            hit = None
            for k, (gtype, gsrc, gtgt) in enumerate(gold_spans):
                if gtype != _norm(e.type) or k in matched_gold:
                    continue
                s_ok = any(overlaps(a, b) for a in src for b in gsrc) if gsrc else not src or True
                t_ok = any(overlaps(a, b) for a in tgt for b in gtgt) if gtgt else True
                if not tgt and len(src) > 1 and gtgt:  # reciprocal: all parties listed as source
                    t_ok = any(overlaps(a, b) for a in src for b in gtgt)
                if s_ok and t_ok:
                    hit = k
                    break
            if hit is None:
                dyad.fp += 1
            else:
                dyad.tp += 1
                matched_gold.add(hit)
            if tally is not None:
                tally.event(e, hit is not None)
        if tally is not None:
            for candidate in dropped:
                tally.drop(candidate, {_norm(g["type"]) for g in gold_events})
        dyad.fn += len(gold_spans) - len(matched_gold)
        if progress:
            progress(i + 1)
    report = {"kind": "plover", "records": len(records), "type": types.to_dict(), "dyad": dyad.to_dict()}
    if actors is not None:
        report["actors"] = actors.to_dict()
    return report


def evaluate_case(records: list[dict], pipeline, progress=None) -> dict:
    articles = [Article(r.get("id") or str(i), r["text"], None) for i, r in enumerate(records)]
    counts: Counter = Counter()
    agree = PRF()
    by_gold: Counter = Counter()
    by_gold_hit: Counter = Counter()
    for i, (article, result) in enumerate(pipeline.pipe(articles)):
        record = records[i]
        events = result if isinstance(result, list) else []
        gold = set(record.get("gold") or [])
        has_event = any(e.status != "negated" for e in events)
        group = "conflict_protest" if gold & CONFLICT_PROTEST else "non_political" if gold <= NON_POLITICAL else "other_political"
        counts[group] += 1
        counts[f"{group}_with_event"] += has_event
        for g in gold:
            by_gold[g] += 1
            by_gold_hit[g] += has_event
        suggested = record.get("plover_suggested")
        if suggested:
            predicted = {_norm(e.type) for e in events}
            if _norm(suggested) in predicted:
                agree.tp += 1
            else:
                agree.fn += 1
            agree.fp += len(predicted - {_norm(suggested)})
        if progress:
            progress(i + 1)
    def share(group: str) -> float:
        return round(counts[f"{group}_with_event"] / counts[group], 4) if counts[group] else 0.0
    return {
        "kind": "case2021", "records": len(records),
        "conflict_protest_recall": share("conflict_protest"), "conflict_protest_snippets": counts["conflict_protest"],
        "non_political_with_event": share("non_political"), "non_political_snippets": counts["non_political"],
        "other_political_with_event": share("other_political"), "other_political_snippets": counts["other_political"],
        "suggested_type_agreement": agree.to_dict(),
        "per_gold_type": {g: round(by_gold_hit[g] / n, 3) for g, n in sorted(by_gold.items())},
    }


def evaluate_places(records: list[dict], extract, progress=None) -> dict:
    from tidings.attributes.place import haversine_km

    found = PRF()
    within = 0
    matched = 0
    for i, record in enumerate(records):
        gold = [g for g in record.get("gold") or [] if g.get("lat") is not None and not g.get("non_locational")
                and isinstance(g.get("start"), int) and isinstance(g.get("end"), int)
                and g.get("type") not in ("Literal_Expression", "Non_Lit_Expression", "Non_Toponym")]
        system = extract(Article(record.get("id") or str(i), record["text"], None))
        used: set[int] = set()
        for g in gold:
            span = (g["start"], g["end"])
            hit = next((k for k, p in enumerate(system) if k not in used and p.start is not None
                        and overlaps(span, (p.start, p.end))), None)
            if hit is None:
                found.fn += 1
                continue
            used.add(hit)
            found.tp += 1
            place = system[hit]
            if place.lat is not None:
                matched += 1
                within += haversine_km(place.lat, place.lon, float(g["lat"]), float(g["lon"])) <= KM
        found.fp += len(system) - len(used)
        if progress:
            progress(i + 1)
    return {"kind": "places", "records": len(records), "toponyms": found.to_dict(),
            "accuracy_161km": round(within / matched, 4) if matched else 0.0, "resolved": matched}


def evaluate(path: str, *, limit: int | None = None, pipeline=None, progress=None, explain: bool = False) -> dict:
    records = read_gold(path, limit=limit)
    kind = kind_of(records[0])
    if kind == "plover" and any(is_dyad_record(r) for r in records):
        kind = "dyads"  # a first sentence whose events have no coded actors
    if pipeline is None:
        from tidings.pipeline import Pipeline

        pipeline = Pipeline.load()
    tally = RuleTally() if explain else None
    if kind == "dyads":
        report = evaluate_dyads(records, pipeline, progress, tally=tally)
    elif kind == "plover":
        report = evaluate_plover(records, pipeline, progress, tally=tally)
    elif kind == "case2021":
        report = evaluate_case(records, pipeline, progress)
    elif kind == "wikievents":
        report = evaluate_wikievents(records, pipeline, progress)
    else:
        from tidings.attributes.toponyms import ToponymExtractor

        extractor = ToponymExtractor(pipeline.nlp, pipeline.coder.gazetteer, pipeline.coder.knowledge)
        report = evaluate_places(records, extractor, progress)
    if tally is not None:
        report["rules"] = tally.to_dict()["rules"]
    report["file"] = path
    return report
