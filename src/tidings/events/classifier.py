"""The event-type classifier: probabilities over the 16 PLOVER types and NONE.

Trained by ``make train`` (``training/train.py``) on sentences the project wrote; the model
file ships in the package. Inference uses scikit-learn, pinned in pyproject.toml.
"""

from __future__ import annotations

import warnings
from functools import cache
from importlib import resources

from tidings.errors import ModelError

MODEL_FILE = "event_classifier.joblib"


class EventClassifier:
    def __init__(self, bundle: dict) -> None:
        self.text_vectorizer = bundle["text_vectorizer"]
        self.fact_vectorizer = bundle["fact_vectorizer"]
        self.model = bundle["model"]
        self.version = bundle.get("version", "unknown")
        self.labels: list[str] = [str(c) for c in self.model.classes_]

    def predict(self, features: list) -> list[dict[str, float]]:
        from scipy.sparse import hstack

        if not features:
            return []
        x = hstack([
            self.text_vectorizer.transform([f.text for f in features]),
            self.fact_vectorizer.transform([f.facts for f in features]),
        ]).tocsr()
        probabilities = self.model.predict_proba(x)
        return [dict(zip(self.labels, row.tolist())) for row in probabilities]


@cache
def load_classifier() -> EventClassifier | None:
    """The shipped model, or None when the package was built without one."""
    import joblib

    ref = resources.files("tidings.events.models").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    try:
        with resources.as_file(ref) as path, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return EventClassifier(joblib.load(path))
    except Exception as exc:  # a model pickled by another scikit-learn version
        raise ModelError(f"event classifier {MODEL_FILE} cannot be loaded ({exc}); rebuild it with "
                         "'make train'", code="E210") from None
