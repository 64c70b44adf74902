"""Decision records: what decided each event, stage by stage.

Every stage adds steps to a ``Trace`` as it decides; ``tidings code --explain`` attaches the
finished ``Explanation`` to each event, and ``tidings eval --explain`` counts, per rule, how often
it fired and how often the event it shaped was right. A step names its stage, the rule or
reading that decided, and a short human-readable detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tidings.types import Explanation, Step


@dataclass
class Trace:
    """Steps collected while one candidate event goes through the stages."""

    classifier: tuple[tuple[str, float], ...] = ()
    steps: list[Step] = field(default_factory=list)

    def add(self, stage: str, rule: str, detail: str = "") -> None:
        self.steps.append(Step(stage, rule, detail))

    def copy(self) -> "Trace":
        return Trace(self.classifier, list(self.steps))

    def freeze(self) -> Explanation:
        return Explanation(self.classifier, tuple(self.steps))


def top_types(probabilities: dict[str, float], n: int = 3) -> tuple[tuple[str, float], ...]:
    ranked = sorted(probabilities.items(), key=lambda kv: -kv[1])[:n]
    return tuple((t, round(p, 3)) for t, p in ranked)


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate event a stage decided against: which sentence, trigger, type and why."""

    sentence: int
    type: str
    trigger: str
    trigger_start: int | None
    stage: str
    rule: str
    explanation: Explanation

    def to_dict(self) -> dict[str, Any]:
        return {"dropped": True, "sentence": self.sentence, "type": self.type, "trigger": self.trigger,
                "trigger_start": self.trigger_start, "stage": self.stage, "rule": self.rule,
                "explain": self.explanation.to_dict()}
