"""Stage "triggers": for each sentence, the lexicon's triggers on the parse and the classifier's
probability for every PLOVER type (and NONE).

    readings = read_sentences(doc, lexicon=..., classifier=..., min_tokens=4)
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.events.classifier import EventClassifier
from tidings.events.features import sentence_features
from tidings.events.triggers import Lexicon, Match


@dataclass(frozen=True, slots=True)
class SentenceReading:
    sent: object  # spacy Span
    index: int  # position among all the doc's sentences (the evidence's sentence number)
    matches: tuple[Match, ...]
    probabilities: dict[str, float]


def read_sentences(doc, *, lexicon: Lexicon, classifier: EventClassifier | None,
                   min_tokens: int) -> list[SentenceReading]:
    """Sentences with at least ``min_tokens`` words, their trigger matches and type probabilities."""
    sents = [(i, s) for i, s in enumerate(doc.sents) if sum(1 for t in s if t.is_alpha) >= min_tokens]
    matches = [tuple(lexicon.matches(s)) for _, s in sents]  # once per sentence: features and choice
    if classifier is not None:
        features = [sentence_features(s, lexicon, list(m)) for (_, s), m in zip(sents, matches)]
        probabilities = classifier.predict(features)
    else:
        probabilities = [{} for _ in sents]
    return [SentenceReading(s, i, m, p) for (i, s), m, p in zip(sents, matches, probabilities)]
