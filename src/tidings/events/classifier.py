"""The event-type classifier: probabilities over the 16 PLOVER types and NONE.

Trained by ``make train`` (``training/train.py``, scikit-learn: two TF-IDF vectorizers and a
multinomial logistic regression) on sentences the project wrote. What ships in the package is the
fitted model as plain arrays (``event_classifier.npz``): the two vocabularies with their idf
weights, the coefficients and intercepts. Inference is the same arithmetic in numpy, so coding
imports neither scikit-learn nor scipy (about a second of every start) and a model file cannot be
tied to one scikit-learn version. ``training/train.py`` checks on its training sentences that the
arrays give scikit-learn's probabilities.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from tidings.errors import ModelError

MODEL_FILE = "event_classifier.npz"
_TOKEN = re.compile(r"\S+")  # the vectorizers' token pattern (training/train.py)


class _Tfidf:
    """scikit-learn's TfidfVectorizer.transform for word n-grams with sublinear tf, smooth idf and
    l2 norm: counts of known n-grams, 1 + log(count), times idf, divided by the vector's length."""

    def __init__(self, terms: list[str], idf: np.ndarray, *, lowercase: bool, max_n: int) -> None:
        self.index = {term: i for i, term in enumerate(terms)}
        self.idf = idf
        self.lowercase = lowercase
        self.max_n = max_n

    def ngrams(self, text: str) -> list[str]:
        tokens = _TOKEN.findall(text.lower() if self.lowercase else text)
        grams = list(tokens)
        for n in range(2, self.max_n + 1):
            grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        return grams

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and values of the text's row."""
        counts = Counter(self.index[g] for g in self.ngrams(text) if g in self.index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
        values *= self.idf[columns]
        return columns, values / np.sqrt(np.dot(values, values))


class EventClassifier:
    def __init__(self, bundle: dict[str, Any]) -> None:
        text_terms, fact_terms = bundle["text_terms"], bundle["fact_terms"]
        self.text = _Tfidf(text_terms, np.asarray(bundle["text_idf"], dtype=np.float64), lowercase=True, max_n=2)
        self.facts = _Tfidf(fact_terms, np.asarray(bundle["fact_idf"], dtype=np.float64), lowercase=False, max_n=1)
        coef = np.asarray(bundle["coef"], dtype=np.float64)
        self.text_weights = np.ascontiguousarray(coef[:, :len(text_terms)].T)  # rows: features
        self.fact_weights = np.ascontiguousarray(coef[:, len(text_terms):].T)
        self.intercept = np.asarray(bundle["intercept"], dtype=np.float64)
        self.labels: list[str] = list(bundle["labels"])
        self.version: str = bundle.get("version", "unknown")
        if coef.shape != (len(self.labels), len(text_terms) + len(fact_terms)):
            raise ValueError(f"coefficients of shape {coef.shape} for {len(self.labels)} labels and "
                             f"{len(text_terms) + len(fact_terms)} features")

    @classmethod
    def from_file(cls, path: str | Path) -> "EventClassifier":
        with np.load(path, allow_pickle=False) as data:
            return cls({
                "text_terms": _strings(data["text_terms"]), "text_idf": data["text_idf"],
                "fact_terms": _strings(data["fact_terms"]), "fact_idf": data["fact_idf"],
                "coef": data["coef"], "intercept": data["intercept"],
                "labels": _strings(data["labels"]), "version": _strings(data["version"])[0],
            })

    def save(self, path: str | Path) -> None:
        terms = [sorted(v.index, key=v.index.__getitem__) for v in (self.text, self.facts)]
        np.savez_compressed(
            path, text_terms=_packed(terms[0]), text_idf=self.text.idf, fact_terms=_packed(terms[1]),
            fact_idf=self.facts.idf, coef=np.hstack([self.text_weights.T, self.fact_weights.T]),
            intercept=self.intercept, labels=_packed(self.labels), version=_packed([self.version]))

    def scores(self, text: str, facts: str) -> np.ndarray:
        """Decision values, one per label: the row's dot product with each label's weights."""
        columns, values = self.text.transform(text)
        fact_columns, fact_values = self.facts.transform(facts)
        return self.intercept + values @ self.text_weights[columns] + fact_values @ self.fact_weights[fact_columns]

    def predict(self, features: list) -> list[dict[str, float]]:
        out = []
        for f in features:
            z = self.scores(f.text, f.facts)
            p = np.exp(z - z.max())  # softmax: the multinomial model's probabilities
            out.append(dict(zip(self.labels, (p / p.sum()).tolist())))
        return out


def _packed(strings: list[str]) -> np.ndarray:
    """Strings as one newline-separated UTF-8 byte array (no pickles in the model file)."""
    if any("\n" in s for s in strings):
        raise ValueError("a term holds a newline")
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(packed: np.ndarray) -> list[str]:
    return packed.tobytes().decode("utf-8").split("\n")


@cache
def load_classifier() -> EventClassifier | None:
    """The shipped model, or None when the package was built without one."""
    ref = resources.files("tidings.events.models").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    try:
        with resources.as_file(ref) as path:
            return EventClassifier.from_file(path)
    except Exception as exc:  # a truncated or foreign file
        raise ModelError(f"event classifier {MODEL_FILE} cannot be loaded ({exc}); rebuild it with "
                         "'make train'", code="E210") from None
