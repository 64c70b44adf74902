"""Rebuild the event-type classifier from the project's own labelled sentences.

    python training/train.py            # writes src/tidings/events/models/event_classifier.npz

Deterministic: the same sentences, lexicon and library versions give the same model. The
label of a sentence is derived from its CAMEO code through the packaged CAMEO->PLOVER
crosswalk (so the data cannot disagree with the ontology); sentences labelled NONE, or with
a CAMEO code that has no PLOVER type, teach the model what is not an event.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.config import DEFAULT_MODEL  # noqa: E402
from tidings.events.classifier import MODEL_FILE, EventClassifier  # noqa: E402
from tidings.events.codebook import load_codebook  # noqa: E402
from tidings.events.features import FEATURES_VERSION, sentence_features  # noqa: E402
from tidings.events.triggers import load_lexicon  # noqa: E402
from tidings.nlp.model import load_nlp  # noqa: E402
from tidings.types import PLOVER_TYPES  # noqa: E402

DATA = ROOT / "training" / "events"
OUT = ROOT / "src" / "tidings" / "events" / "models" / MODEL_FILE
C = 4.0
CROSSWALK_WINS = {"116", "163", "1631", "1632"}
FUTURE_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}


def load_examples() -> list[tuple[str, str]]:
    codebook = load_codebook()
    examples: list[tuple[str, str]] = []
    for path in sorted(DATA.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            cameo = (record.get("cameo") or "").strip()
            mapping = codebook.mapping(cameo) if cameo else None
            label = mapping.type if mapping else "NONE"
            # Files written to the PLOVER manual's own lines (manual_*.jsonl) may differ from the
            # crosswalk on purpose (e.g. announced meetings are AGREE); their 'type' wins, except
            # for the codes where PLOVER-coded news follows the crosswalk (convictions are ACCUSE,
            # imposed sanctions and embargoes COERCE).
            if record.get("type") == "NONE":
                label = "NONE"
            elif record.get("type") in PLOVER_TYPES and cameo not in CROSSWALK_WINS:
                label = record["type"]
            # PLOVER manual, AGREE: an announced meeting, visit, signing or aid is an intent.
            if record.get("status") == "future" and label in FUTURE_AS_AGREE:
                label = "AGREE"
            examples.append((record["text"], label))
    return examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="also report N-fold cross-validation")
    args = parser.parse_args(argv)

    import numpy as np
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = load_examples()
    labels = [label for _, label in examples]
    print(f"{len(examples)} sentences: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(labels).items())))
    nlp = load_nlp(DEFAULT_MODEL)
    lexicon = load_lexicon()
    features = [sentence_features(doc[:], lexicon) if len(list(doc.sents)) == 1 else
                sentence_features(max(doc.sents, key=len), lexicon)
                for doc in nlp.pipe((t for t, _ in examples), batch_size=64)]
    text_vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+")
    fact_vectorizer = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, min_df=1, sublinear_tf=True)
    x = hstack([text_vectorizer.fit_transform([f.text for f in features]),
                fact_vectorizer.fit_transform([f.facts for f in features])]).tocsr()
    y = np.array(labels)

    if args.cv:
        from sklearn.model_selection import StratifiedKFold, cross_val_score

        folds = StratifiedKFold(n_splits=args.cv, shuffle=True, random_state=0)
        scores = cross_val_score(LogisticRegression(C=C, max_iter=4000), x, y, cv=folds, scoring="f1_micro")
        print(f"{args.cv}-fold accuracy on the training sentences: {scores.mean():.3f} (sd {scores.std():.3f})")

    model = LogisticRegression(C=C, max_iter=4000)
    model.fit(x, y)
    digest = hashlib.sha256()
    for text, label in examples:
        digest.update(f"{label}\t{text}\n".encode("utf-8"))
    digest.update(f"C={C};lexicon={lexicon.size};features={FEATURES_VERSION}".encode("utf-8"))
    version = digest.hexdigest()[:10]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    classifier = exported(text_vectorizer, fact_vectorizer, model, version)
    check_export(classifier, model, x, features)
    classifier.save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e6:.1f} MB), version {version}")
    return 0


def exported(text_vectorizer, fact_vectorizer, model, version: str) -> EventClassifier:
    """The fitted scikit-learn objects as the arrays the package codes with."""
    def terms(vectorizer) -> list[str]:
        return sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)

    return EventClassifier({"text_terms": terms(text_vectorizer), "text_idf": text_vectorizer.idf_,
                            "fact_terms": terms(fact_vectorizer), "fact_idf": fact_vectorizer.idf_,
                            "coef": model.coef_, "intercept": model.intercept_,
                            "labels": [str(c) for c in model.classes_], "version": version})


def check_export(classifier: EventClassifier, model, x, features) -> None:
    """The arrays must give scikit-learn's probabilities on every training sentence."""
    import numpy as np

    expected = model.predict_proba(x)
    got = np.array([[row[label] for label in classifier.labels] for row in classifier.predict(features)])
    worst = float(np.abs(expected - got).max())
    if worst > 1e-9:
        raise SystemExit(f"exported classifier differs from scikit-learn's by up to {worst:.2e}")
    print(f"exported arrays agree with scikit-learn on {len(features)} sentences (max difference {worst:.1e})")


if __name__ == "__main__":
    sys.exit(main())
