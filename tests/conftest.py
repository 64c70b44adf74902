"""Shared fixtures: one pipeline (spaCy model, knowledge, classifier, gazetteer) per session;
and the hypothesis profile the property tests run under."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import settings

DATA = Path(__file__).parent / "data"

# Property tests draw the same examples on every run ("ci", the default), so a test run on a fresh
# clone passes or fails the same way each time; the random search lives in `make fuzz`
# (HYPOTHESIS_PROFILE=fuzz), where a new finding becomes a regression test. Per-test settings
# (max_examples, health checks) still apply on top of either profile.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, database=None, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
