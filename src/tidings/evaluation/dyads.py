"""Country-coded dyads: score "who did what to whom" by event type and actor countries.

Gold records (``tests/data/dyad_sentences.jsonl``) look like::

    {"id": "dyad-001", "text": "...", "date": "2024-03-05",
     "events": [{"type": "ACCUSE", "source": ["TUR"], "target": ["SWE"]}]}

``source`` and ``target`` are lists of country codes: ISO 3166-1 alpha-3 (KOS for Kosovo, PSE for
Palestine), or the special codes the project's actor lists use (``actors/data/organizations.tsv``):
UNO for the United Nations and its organs and agencies, EUR for the European Union and its
institutions, IGO for other intergovernmental bodies (NATO, African Union, IMF, ICC ...), NGO for
international non-governmental organisations. Armed groups take the country they fight in
(Boko Haram NGA, al-Shabaab SOM, Houthis YEM). Compound actors are one list ("the US and France
accused Russia": source [USA, FRA]); reciprocal events put every party in ``source`` and leave
``target`` empty (PLOVER manual, "Compound and Reciprocal Actors"); CONSULT visits put the visitor
in ``source`` and the host in ``target``; two-sided fighting lists both sides in ``source``.
Imposed sanctions are COERCE (CAMEO 163 in the CAMEO-to-PLOVER crosswalk, and how PLOVER-coded
news codes them), although the manual's SANCTION section lists them under 'discontinue'.

Scores, micro-averaged over all events of the file:

- **type**: per sentence, the set of gold types against the set of predicted types (as for the
  PLOVER span file, but CONCEDE and RETREAT are kept apart: all 16 types are scored as they are).
- **strict dyad**: a system event matches a gold event of the same sentence when the types are
  equal, the set of source countries is equal and the set of target countries is equal. The
  country set of a side is the set of non-empty ``country`` values of its actors (an actor the
  system could not resolve contributes nothing); an empty gold side matches only an empty side.
- **relaxed dyad**: types equal and each side overlaps: the source sets share a country or are
  both empty, and likewise the target sets. A gold event with no target (reciprocal, or all
  parties from one country, as in "Sudan's army and the RSF fought") also matches when the union
  of the system's source and target countries equals its source set, whichever way the system
  split the parties.

Each gold event is matched at most once (maximum bipartite matching per sentence), so
TP + FN is the number of gold events and TP + FP the number of system events. System events
with status ``negated`` or ``hypothetical`` are not counted: they assert nothing happened.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from tidings.evaluation.metrics import PRF, TypeScores
from tidings.types import Article

# A side of a dyad: the set of country codes of its actors.
Dyad = tuple[str, frozenset[str], frozenset[str]]
SPECIAL = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
NOT_ASSERTED = frozenset({"negated", "hypothetical"})


def is_dyad_record(record: dict) -> bool:
    """True for records whose event sides are lists of country codes (strings)."""
    for event in record.get("events") or []:
        for side in ("source", "target"):
            if any(isinstance(a, str) for a in event.get(side) or []):
                return True
    return False


def gold_dyad(event: dict) -> Dyad:
    return (event["type"], frozenset(event.get("source") or ()), frozenset(event.get("target") or ()))


def system_dyad(event) -> Dyad:
    return (event.type, frozenset(a.country for a in event.source if a.country),
            frozenset(a.country for a in event.target if a.country))


def strict_match(system: Dyad, gold: Dyad) -> bool:
    return system == gold


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b) if a or b else True


def relaxed_match(system: Dyad, gold: Dyad) -> bool:
    if system[0] != gold[0]:
        return False
    if not gold[2] and gold[1] and system[1] | system[2] == gold[1]:
        return True  # reciprocal: the parties split between source and target
    return _meet(system[1], gold[1]) and _meet(system[2], gold[2])


def match(system: Sequence[Dyad], gold: Sequence[Dyad], same: Callable[[Dyad, Dyad], bool]) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths): {gold index: system index}."""
    owner: dict[int, int] = {}

    def augment(s: int, seen: set[int]) -> bool:
        for g in range(len(gold)):
            if g in seen or not same(system[s], gold[g]):
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = s
                return True
        return False

    for s in range(len(system)):
        augment(s, set())
    return owner


def error_kind(gold: Dyad, system: Sequence[Dyad]) -> str:
    """Why a gold event found no strict match: compared with the closest system event of its type."""
    same_type = [s for s in system if s[0] == gold[0]]
    if not same_type:
        return "type missed"
    def closeness(s: Dyad) -> int:
        return (s[1] == gold[1]) + (s[2] == gold[2]) + bool(s[1] & gold[1]) + bool(s[2] & gold[2])
    best = max(same_type, key=closeness)
    if best[1] == gold[2] and best[2] == gold[1] and gold[1] != gold[2]:
        return "source and target swapped"
    if not gold[2] and len(gold[1]) > 1 and best[1] | best[2] == gold[1]:
        return "reciprocal split into source and target"
    if gold[2] and best[2] and best[2] == best[1] and best[2] != gold[2]:
        return "target given the source's country"
    parts = []
    for name, g, s in (("source", gold[1], best[1]), ("target", gold[2], best[2])):
        if g == s:
            continue
        if not s:
            parts.append(f"{name} missing")
        elif not g:
            parts.append(f"{name} spurious")
        elif (g | s) & SPECIAL:
            parts.append(f"{name} IGO/NGO code")
        elif s < g:
            parts.append(f"{name} incomplete")
        elif g < s:
            parts.append(f"{name} extra country")
        else:
            parts.append(f"{name} wrong country")
    return ", ".join(parts)


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def evaluate_dyads(records: list[dict], pipeline, progress: Callable[[int], None] | None = None,
                   tally=None) -> dict:
    types = TypeScores()
    strict, relaxed = PRF(), PRF()
    per_type: dict[str, PRF] = {}
    errors: Counter = Counter()
    misses: list[dict] = []
    articles = [Article(r.get("id") or str(i), r["text"], _date(r.get("date"))) for i, r in enumerate(records)]
    from tidings.evaluation.runner import outcome

    for i, (_article, result) in enumerate(pipeline.pipe(articles, explain=tally is not None)):
        record = records[i]
        coded, dropped = outcome(result)
        events = [e for e in coded if e.status not in NOT_ASSERTED]
        gold = [gold_dyad(g) for g in record.get("events") or []]
        system = [system_dyad(e) for e in events]
        types.add({g[0] for g in gold}, {s[0] for s in system})
        hits = match(system, gold, strict_match)
        score(strict, hits, system, gold)
        if tally is not None:
            matched = set(hits.values())
            for k, e in enumerate(events):
                tally.event(e, k in matched)
            for candidate in dropped:
                tally.drop(candidate, {g[0] for g in gold})
        score(relaxed, match(system, gold, relaxed_match), system, gold)
        for k, g in enumerate(gold):
            prf = per_type.setdefault(g[0], PRF())
            if k in hits:
                prf.tp += 1
            else:
                prf.fn += 1
                kind = error_kind(g, system)
                errors[kind] += 1
                misses.append({"id": record.get("id"), "gold": _show(g), "system": [_show(s) for s in system],
                               "error": kind})
        for s in set(range(len(system))) - set(hits.values()):
            if system[s][0] not in {g[0] for g in gold}:
                per_type.setdefault(system[s][0], PRF()).fp += 1
                errors["spurious event type"] += 1
        if progress:
            progress(i + 1)
    return {
        "kind": "dyads", "records": len(records), "gold_events": sum(len(r.get("events") or []) for r in records),
        "type": types.to_dict(), "dyad_strict": strict.to_dict(), "dyad_relaxed": relaxed.to_dict(),
        "dyad_per_type": {t: p.to_dict() for t, p in sorted(per_type.items())},
        "errors": [{"error": k, "count": n} for k, n in errors.most_common()],
        "misses": misses,
    }


def score(prf: PRF, hits: dict[int, int], system: Sequence[Dyad], gold: Sequence[Dyad]) -> None:
    prf.tp += len(hits)
    prf.fp += len(system) - len(hits)
    prf.fn += len(gold) - len(hits)


def _show(d: Dyad) -> str:
    return f"{d[0]} {'+'.join(sorted(d[1])) or '-'} -> {'+'.join(sorted(d[2])) or '-'}"


def render(report: dict) -> Iterable[str]:
    """Text lines for ``tidings eval``, after the CLI's ``== FILE (kind, N records)`` heading."""
    def line(name: str, s: dict, note: str = "") -> str:
        return (f"{name:<13}P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']}){note}\n")
    yield f"gold events: {report['gold_events']}\n"
    yield line("event type", report["type"]["overall"])
    yield line("dyad strict", report["dyad_strict"], "  type + equal source and target country sets")
    yield line("dyad relaxed", report["dyad_relaxed"], "  type + overlapping source and target countries")
    yield "strict dyad per gold type    R     support\n"
    for label, s in report["dyad_per_type"].items():
        if s["tp"] + s["fn"]:
            yield f"  {label:<12}            {s['recall']:.3f}  {s['tp'] + s['fn']:>5}\n"
    yield "unmatched gold events by cause (and spurious types):\n"
    for e in report["errors"][:12]:
        yield f"  {e['count']:>4}  {e['error']}\n"
