"""A coded copy of the bundled examples, shared by the store tests (coding takes seconds)."""

from __future__ import annotations

from importlib import resources

import pytest


@pytest.fixture(scope="session")
def coded_examples(pipeline):
    from tidings.ingest.readers import read_jsonl

    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    with resources.as_file(ref) as path, open(path, "rb") as handle:
        articles = list(read_jsonl(handle, where="examples"))
    return list(pipeline.pipe(articles))


@pytest.fixture()
def store(tmp_path):
    from tidings.store import Store

    with Store.open(tmp_path / "t.db") as s:
        yield s


def table_counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "copies", "events", "mentions", "actors", "event_actors", "errors")}
