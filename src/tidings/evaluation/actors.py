"""Who did what to whom on PLOVER span files, with the project's country and sector coding of
the gold spans (``evaluation/data/plv_dev_actors.jsonl``: sentence id, event index, span offsets,
country, sector; no sentence text).

Reported beside the span-overlap dyad score:

- **country dyad** (strict and relaxed, as ``evaluation/dyads.py`` defines them) with the gold
  sides' country sets from the coding; YIELD accepts CONCEDE and RETREAT;
- **actor resolution**: of the gold spans the coding gives a country, the share that a system
  actor overlaps, and of those the share whose country is right, and whose country and sector
  are both right (the system actor overlapping the span, from an event of the gold type when
  there is one);
- **coded spans**: the share of gold source and target spans whose overlapping system actor
  carries a country or a sector;
- **uncoded targets**: the share of system target actors with neither country nor sector
  (things such as "ceasefire" or "sanctions" coded as recipients).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from tidings.evaluation.dyads import error_kind, match, relaxed_match, strict_match
from tidings.evaluation.metrics import PRF, overlaps

YIELD = {"CONCEDE", "RETREAT"}


def _norm(type_: str) -> str:
    return "YIELD" if type_ in YIELD else type_


def load_coding(name: str = "plv_dev_actors.jsonl") -> dict[str, list[dict]]:
    """The packaged country and sector coding of gold spans, by sentence id."""
    ref = resources.files("tidings.evaluation.data").joinpath(name)
    if not ref.is_file():
        return {}
    coding: dict[str, list[dict]] = {}
    for line in ref.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            coding.setdefault(row["id"], []).append(row)
    return coding


def _countries(span: dict) -> set[str]:
    return set(span.get("countries") or ([span["country"]] if span.get("country") else []))


@dataclass
class ActorScores:
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    errors: Counter = field(default_factory=Counter)
    spans: int = 0  # gold spans with a coded country
    overlapped: int = 0
    country_right: int = 0
    both_right: int = 0
    gold_spans: int = 0  # all gold source and target spans
    gold_spans_coded: int = 0  # ... whose overlapping system actor has a country or sector
    targets: int = 0
    targets_uncoded: int = 0
    uncoded_examples: Counter = field(default_factory=Counter)

    def add(self, events: list, coded: list[dict]) -> None:
        asserted = [e for e in events if e.status not in ("negated", "hypothetical")]
        system = [(_norm(e.type), frozenset(a.country for a in e.source if a.country),
                   frozenset(a.country for a in e.target if a.country)) for e in asserted]
        gold = [(_norm(g["type"]), frozenset(c for s in g["source"] for c in _countries(s)),
                 frozenset(c for s in g["target"] for c in _countries(s))) for g in coded]
        hits = match(system, gold, strict_match)
        self._score(self.strict, hits, system, gold)
        self._score(self.relaxed, match(system, gold, relaxed_match), system, gold)
        for k, g in enumerate(gold):
            if k not in hits:
                self.errors[error_kind(g, system)] += 1
        for e in events:
            for a in e.target:
                self.targets += 1
                if not (a.country or a.sector):
                    self.targets_uncoded += 1
                    self.uncoded_examples[a.text.lower()[:40]] += 1
        for g in coded:
            for side in ("source", "target"):
                for span in g[side]:
                    actor = self._actor_at(events, _norm(g["type"]), (span["start"], span["end"]))
                    self.gold_spans += 1
                    self.gold_spans_coded += bool(actor is not None and (actor.country or actor.sector))
                    if not span.get("country"):
                        continue
                    self.spans += 1
                    if actor is None:
                        continue
                    self.overlapped += 1
                    right = actor.country in _countries(span)
                    self.country_right += right
                    self.both_right += right and actor.sector == span.get("sector")

    @staticmethod
    def _actor_at(events: list, type_: str, span: tuple[int, int]):
        best = None
        for e in events:
            for a in (*e.source, *e.target):
                if a.start is None or not overlaps((a.start, a.end), span):
                    continue
                if _norm(e.type) == type_:
                    return a
                best = best or a
        return best

    @staticmethod
    def _score(prf: PRF, hits: dict, system, gold) -> None:
        prf.tp += len(hits)
        prf.fp += len(system) - len(hits)
        prf.fn += len(gold) - len(hits)

    def to_dict(self) -> dict:
        share = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        return {
            "country_dyad_strict": self.strict.to_dict(), "country_dyad_relaxed": self.relaxed.to_dict(),
            "country_dyad_errors": [{"error": k, "count": n} for k, n in self.errors.most_common()],
            "actor_spans": self.spans, "actor_overlapped": share(self.overlapped, self.spans),
            "actor_country_right": share(self.country_right, self.overlapped),
            "actor_country_sector_right": share(self.both_right, self.overlapped),
            "gold_spans_with_code": share(self.gold_spans_coded, self.gold_spans),
            "uncoded_targets": share(self.targets_uncoded, self.targets), "targets": self.targets,
            "uncoded_target_examples": [{"text": k, "count": n} for k, n in self.uncoded_examples.most_common(15)],
        }


def render(report: dict):
    def line(name: str, s: dict, note: str = "") -> str:
        return (f"{name:<13}P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']}){note}\n")
    a = report["actors"]
    yield line("country dyad", a["country_dyad_strict"], "  type + equal source and target country sets (coded spans)")
    yield line("  relaxed", a["country_dyad_relaxed"], "  type + overlapping countries")
    yield (f"actors       {a['actor_spans']} coded gold spans: {a['actor_overlapped']:.1%} found, of those country "
           f"right {a['actor_country_right']:.1%}, country and sector right {a['actor_country_sector_right']:.1%}\n")
    yield (f"gold spans whose actor has a country or sector: {a['gold_spans_with_code']:.1%}; "
           f"uncoded targets: {a['uncoded_targets']:.1%} of {a['targets']}\n")
    yield "unmatched gold events by cause (country dyad):\n"
    for e in a["country_dyad_errors"][:8]:
        yield f"  {e['count']:>4}  {e['error']}\n"
