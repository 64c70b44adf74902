"""One test database per session, shared by tests/api and tests/web: the bundled example
articles, coded by the session pipeline and stored."""

from __future__ import annotations

import shutil
import warnings
from importlib import resources
from pathlib import Path

TOKEN = "test-token-Zq8"  # the bearer token of the apps that allow writes

_built: dict[str, Path] = {}


def demo_database(pipeline, tmp_path_factory) -> Path:
    """The path of the session's demo database, built on first use (read it, never write it)."""
    if "path" not in _built:
        from tidings.ingest.readers import read_path
        from tidings.store import Store

        path = tmp_path_factory.mktemp("demo-db") / "demo.db"
        examples = resources.files("tidings.examples") / "articles.jsonl"
        with resources.as_file(examples) as file:
            articles = list(read_path(str(file)))
        with Store.open(path) as store:
            counts = store.write(list(pipeline.pipe(articles)))
        assert counts.added == len(articles) and not counts.failed, counts
        _built["path"] = path
    return _built["path"]


def copy_database(source: Path, folder: Path) -> Path:
    """A private copy for tests that write."""
    target = folder / "copy.db"
    shutil.copyfile(source, target)
    return target


def starlette_test_client():
    """Starlette's TestClient, imported without its notice that it prefers the httpx2 package
    (pyproject pins httpx, which it still supports); any other warning still fails the tests."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient` is deprecated",
                                category=UserWarning)
        from fastapi.testclient import TestClient
    return TestClient
