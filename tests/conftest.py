"""Shared fixtures: one pipeline (spaCy model, knowledge, classifier, gazetteer) per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def pipeline():
    from tidings.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text: code(text, date='2024-12-17') -> list[Event]."""
    from tidings.ingest.identity import article_id
    from tidings.types import Article

    def run(text: str, date: str | None = "2024-12-17"):
        day = dt.date.fromisoformat(date) if date else None
        return pipeline(Article(article_id(text), text, day))

    return run


@pytest.fixture(scope="session")
def event_schema():
    import json
    from importlib import resources

    return json.loads(resources.files("tidings.schema").joinpath("event.schema.json").read_text(encoding="utf-8"))
