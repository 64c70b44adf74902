"""Per-rule counts for ``tidings eval --explain``: how often each coder rule fired and how often
the event it shaped was right (or, for a rule that dropped a candidate, how often the dropped
type was indeed not in the gold).

"Right" is the file's own measure: for PLOVER span files an event that matches a gold event by
type, source and target spans; for country-coded dyad files a strict country-dyad match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tidings.events.rulebook import load_rulebook


def _counted(rules: Iterable[str]) -> set[str]:
    known = set(load_rulebook().rules) | {"primary"}
    return {r for r in rules if r in known}


@dataclass
class RuleTally:
    fired: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    dropped_right: Counter = field(default_factory=Counter)

    def event(self, event, right: bool) -> None:
        if event.explanation is None:
            return
        for rule in _counted(event.explanation.rules()):
            self.fired[rule] += 1
            self.right[rule] += right

    def drop(self, candidate, gold_types: set[str]) -> None:
        self.dropped[candidate.rule] += 1
        self.dropped_right[candidate.rule] += candidate.type not in gold_types

    def to_dict(self) -> dict:
        rules = load_rulebook().rules
        rows = []
        for name in sorted(set(self.fired) | set(self.dropped)):
            rule = rules.get(name)
            rows.append({"rule": name, "stage": rule.stage if rule else "type", "kind": rule.kind if rule else "choice",
                         "shaped": self.fired[name], "shaped_right": self.right[name],
                         "dropped": self.dropped[name], "dropped_right": self.dropped_right[name]})
        return {"rules": rows}


def render(report: dict) -> Iterable[str]:
    yield "rules (events shaped: right; candidates dropped: rightly, i.e. type not in gold)\n"
    yield f"  {'rule':<30} {'stage':<11} {'shaped':>7} {'right':>6}   {'dropped':>7} {'rightly':>7}\n"
    for r in report["rules"]:
        share = f"{r['shaped_right'] / r['shaped']:.0%}" if r["shaped"] else ""
        dshare = f"{r['dropped_right'] / r['dropped']:.0%}" if r["dropped"] else ""
        yield (f"  {r['rule']:<30} {r['stage']:<11} {r['shaped']:>7} {share:>6}   {r['dropped']:>7} {dshare:>7}\n")
