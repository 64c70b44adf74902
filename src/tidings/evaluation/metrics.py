"""Scores: precision, recall, F1 per class and overall, and confusion pairs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class TypeScores:
    """Set-based scoring of event types per sentence, micro-averaged."""

    overall: PRF = field(default_factory=PRF)
    per_class: dict[str, PRF] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    sentences: int = 0
    empty: int = 0

    def add(self, gold: set[str], predicted: set[str]) -> None:
        self.sentences += 1
        if not predicted:
            self.empty += 1
        for label in predicted | gold:
            prf = self.per_class.setdefault(label, PRF())
            if label in predicted and label in gold:
                prf.tp += 1
                self.overall.tp += 1
            elif label in predicted:
                prf.fp += 1
                self.overall.fp += 1
            else:
                prf.fn += 1
                self.overall.fn += 1
        for g in gold - predicted:
            for p in predicted - gold or {"(none)"}:
                self.confusion[(g, p)] += 1

    def to_dict(self) -> dict:
        return {
            "overall": self.overall.to_dict(),
            "per_class": {k: v.to_dict() for k, v in sorted(self.per_class.items())},
            "sentences": self.sentences,
            "no_event_share": round(self.empty / self.sentences, 4) if self.sentences else 0.0,
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in self.confusion.most_common(15)],
        }


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
