"""WikiEvents long articles: are the attacks, arrests, accusations and meetings found in the
right sentence with the right PLOVER type?

Gold records (``wikievents_dev.jsonl``) are whole articles with KAIROS events::

    {"id": "...", "text": "...", "date": null,
     "gold": [{"id": "...", "event_type": "Conflict.Attack.DetonateExplode", "plover_suggested": "ASSAULT",
               "trigger": {"text": "explosion", "char_span": [120, 129]}, "arguments": [...]}]}

``char_span`` offsets are into ``text``. ``plover_suggested`` is an approximate mapping from the
KAIROS type; a trailing ``?`` marks a doubtful one ("ASSAULT?" for damage to property), and many
KAIROS types (deaths, broadcasts, transport) have none.

Scores:

- **recall**: a gold event with a (sure) suggestion is found when a system event of that type has
  evidence (its sentence, ``evidence.start``..``evidence.end``) containing the gold trigger.
  YIELD accepts CONCEDE and RETREAT, as in the evaluation data's conventions. Doubtful
  suggestions are counted apart and do not enter recall.
- **precision** of the system's ASSAULT and COERCE events: the share whose evidence sentence
  contains a gold trigger suggested as that type (sure or doubtful). KAIROS annotators did not
  mark every attack or arrest an article mentions in passing, so this is a lower bound: gold may
  be incomplete.
- **misses** by suggested type, split by what the system did with the trigger's sentence: no
  event there at all, or events of other types only (which types).

Every event the pipeline returns counts (the articles carry no publication date, so statuses that
depend on one are not at stake).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tidings.types import Article

YIELD = frozenset({"CONCEDE", "RETREAT"})
PRECISION_TYPES = ("ASSAULT", "COERCE")
NOTE = "gold may be incomplete: a system event in a sentence with no gold trigger of its type counts as wrong"


@dataclass(frozen=True, slots=True)
class GoldTrigger:
    type: str        # the suggested PLOVER type, without its '?'
    sure: bool       # False for a doubtful suggestion ('ASSAULT?')
    start: int
    end: int
    text: str


def is_wikievents_record(record: dict) -> bool:
    """True for records whose ``gold`` is a list of events with trigger spans."""
    gold = record.get("gold")
    return isinstance(gold, list) and bool(gold) and isinstance(gold[0], dict) and "trigger" in gold[0]


def gold_triggers(record: dict) -> list[GoldTrigger]:
    """The gold events that carry a PLOVER suggestion, with their trigger offsets."""
    out = []
    for event in record.get("gold") or []:
        suggested = event.get("plover_suggested")
        trigger = event.get("trigger") or {}
        span = trigger.get("char_span")
        if not suggested or not isinstance(span, list) or len(span) != 2:
            continue
        out.append(GoldTrigger(suggested.rstrip("?"), not suggested.endswith("?"), int(span[0]), int(span[1]),
                               trigger.get("text") or ""))
    return out


def same_type(gold: str, system: str) -> bool:
    return gold == system or (gold in YIELD and system in YIELD) or (gold == "YIELD" and system in YIELD)


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


@dataclass(slots=True)
class ArticleScore:
    found: list[bool]                   # per gold trigger
    instead: list[tuple[str, ...]]      # per gold trigger: the other system types in its sentence
    right: list[bool | None]            # per system event: right (ASSAULT/COERCE only), else None


def score_article(gold: Sequence[GoldTrigger], events: Sequence) -> ArticleScore:
    """Match one article's system events against its gold triggers."""
    spans = [(e.evidence.start, e.evidence.end) for e in events]
    found, instead = [], []
    for g in gold:
        here = [e.type for e, span in zip(events, spans) if _contains(span, (g.start, g.end))]
        hit = any(same_type(g.type, t) for t in here)
        found.append(hit)
        instead.append(() if hit else tuple(sorted(set(here))))
    right: list[bool | None] = []
    for e, span in zip(events, spans):
        if e.type not in PRECISION_TYPES:
            right.append(None)
            continue
        right.append(any(g.type == e.type and _contains(span, (g.start, g.end)) for g in gold))
    return ArticleScore(found, instead, right)


def evaluate_wikievents(records: list[dict], pipeline, progress: Callable[[int], None] | None = None) -> dict:
    gold_by_type: Counter = Counter()
    found_by_type: Counter = Counter()
    doubtful = Counter()
    system: Counter = Counter()
    right: Counter = Counter()
    no_event: Counter = Counter()
    other_type: dict[str, Counter] = {}
    articles = [Article(r.get("id") or str(i), r["text"], None) for i, r in enumerate(records)]
    for i, (_article, result) in enumerate(pipeline.pipe(articles)):
        events = result if isinstance(result, list) else []
        gold = gold_triggers(records[i])
        scored = score_article(gold, events)
        for g, hit, instead in zip(gold, scored.found, scored.instead):
            if not g.sure:
                doubtful["gold"] += 1
                doubtful["found"] += hit
                continue
            gold_by_type[g.type] += 1
            found_by_type[g.type] += hit
            if not hit:
                if instead:
                    other_type.setdefault(g.type, Counter()).update(instead)
                else:
                    no_event[g.type] += 1
        for e, ok in zip(events, scored.right):
            if ok is not None:
                system[e.type] += 1
                right[e.type] += ok
        if progress:
            progress(i + 1)
    total, hits = sum(gold_by_type.values()), sum(found_by_type.values())
    precision = {t: _share(right[t], system[t], "right", "events") for t in PRECISION_TYPES}
    precision["+".join(PRECISION_TYPES)] = _share(sum(right[t] for t in PRECISION_TYPES),
                                                  sum(system[t] for t in PRECISION_TYPES), "right", "events")
    misses = {t: {"missed": gold_by_type[t] - found_by_type[t], "no_event": no_event[t],
                  "other_types": dict((other_type.get(t) or Counter()).most_common())}
              for t in sorted(gold_by_type, key=lambda t: found_by_type[t] - gold_by_type[t])
              if gold_by_type[t] > found_by_type[t]}
    return {
        "kind": "wikievents", "records": len(records),
        "recall": _share(hits, total, "found", "gold"),
        "per_type": {t: _share(found_by_type[t], n, "found", "gold") for t, n in gold_by_type.most_common()},
        "doubtful": _share(doubtful["found"], doubtful["gold"], "found", "gold"),
        "precision": precision,
        "misses": misses,
        "note": NOTE,
    }


def _share(part: int, whole: int, part_name: str, whole_name: str) -> dict:
    return {part_name: part, whole_name: whole, "share": round(part / whole, 4) if whole else 0.0}


def render(report: dict) -> Iterable[str]:
    """Text lines for ``tidings eval``, after the CLI's ``== FILE (kind, N records)`` heading."""
    r = report["recall"]
    yield (f"recall       {r['share']:.3f}   ({r['found']} of {r['gold']} gold events with a PLOVER suggestion: "
           "that type, evidence containing the trigger)\n")
    d = report["doubtful"]
    if d["gold"]:
        yield f"doubtful suggestions ('?', not in recall): {d['found']} of {d['gold']} found\n"
    yield "per suggested type     R      found  gold\n"
    for label, s in report["per_type"].items():
        yield f"  {label:<12}       {s['share']:.3f}  {s['found']:>5}  {s['gold']:>4}\n"
    yield "precision    (share of system events whose sentence holds a gold trigger of their type)\n"
    for label, s in report["precision"].items():
        yield f"  {label:<15}    {s['share']:.3f}  {s['right']:>5} of {s['events']}\n"
    yield f"  note: {report['note']}\n"
    yield "misses by suggested type: no event in the sentence / other types there\n"
    for label, m in report["misses"].items():
        others = ", ".join(f"{t} {n}" for t, n in m["other_types"].items()) or "-"
        yield f"  {label:<12} {m['missed']:>4}   none {m['no_event']:>3}   other: {others}\n"
