"""Ingest end to end: files in, database out; the same result in one process, on two worker
processes and on a local Dask cluster; skipping what is stored; errors recorded."""

import json
import sqlite3
from pathlib import Path
from importlib import resources

import pytest

from tidings.batch.ingest import ingest


def examples_path() -> str:
    return str(resources.files("tidings.examples").joinpath("articles.jsonl"))


def snapshot(path) -> dict:
    db = sqlite3.connect(path)
    out = {
        "articles": sorted(r[0] for r in db.execute("SELECT id FROM articles WHERE coder_version IS NOT NULL")),
        "events": sorted(db.execute("SELECT id, type, num_mentions, num_articles, num_sources, source_country, "
                                    "target_country, date FROM events").fetchall()),
        "mentions": sorted(db.execute("SELECT id, event_id, article_id FROM mentions").fetchall()),
        "errors": sorted(db.execute("SELECT article_id, input, code FROM errors").fetchall()),
    }
    db.close()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The examples plus a broken line, a duplicate and an article from another outlet."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = Path(examples_path()).read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    extra = [
        "{not json",
        json.dumps(dict(first, source="Second Outlet", url="https://second.example/1")),
        json.dumps({"id": "empty", "text": "   "}),
    ]
    (folder / "news.jsonl").write_text("\n".join(lines + extra) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("single") / "t.db"
    report = ingest([str(corpus)], str(path), workers=1)
    return path, report


def test_ingest_stores_counts_and_records_errors(single):
    path, report = single
    assert report.counts.added == 12 and report.read_errors == 2 and report.counts.skipped == 1
    snap = snapshot(path)
    assert len(snap["articles"]) == 12 and len(snap["errors"]) == 2
    assert all(code in {"E105", "E104"} for _, _, code in snap["errors"])
    assert any(input_ and input_.endswith("news.jsonl:13") for _, input_, _ in snap["errors"])
    db = sqlite3.connect(path)
    versions = {r[0] for r in db.execute("SELECT coder_version FROM articles")}
    db.close()
    assert len(versions) == 1 and next(iter(versions)).startswith("tidings-")  # even articles without events


def test_ingesting_again_changes_nothing(single, corpus):
    path, _ = single
    before = snapshot(path)
    report = ingest([str(corpus)], str(path), workers=1)
    assert report.counts.added == 0 and report.counts.mentions == 0
    assert snapshot(path) == before


def test_two_workers_give_the_same_database(single, corpus, tmp_path):
    path = tmp_path / "two.db"
    ingest([str(corpus)], str(path), workers=2)
    assert snapshot(path) == snapshot(single[0])


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_local_dask_cluster_gives_the_same_database(single, corpus, tmp_path):
    from distributed import Client, LocalCluster

    path = tmp_path / "dask.db"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report = ingest([str(corpus)], str(path), cluster=cluster.scheduler_address)
        assert report.counts.added == 12
        del client
    assert snapshot(path) == snapshot(single[0])


def test_recode_without_paths_recodes_every_stored_article(single, tmp_path):
    import shutil

    path = tmp_path / "recode.db"
    shutil.copy(single[0], path)
    before = snapshot(path)
    report = ingest([], str(path), recode=True, workers=1)
    assert report.counts.replaced == 12 and report.counts.new_events == 0
    assert snapshot(path) == before
