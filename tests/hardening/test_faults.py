"""Faults during ingest: SIGKILL at random points, a full database, a Dask worker killed mid-run.
After each, the database is intact, holds no duplicates, and a resumed run gives the database a
clean run gives."""

from __future__ import annotations

import os
import random
import signal
import json
import threading
import time

import pytest

from tests.hardening.dbcheck import count, open_ro, problems, snapshot
from tests.hardening.faults import copy_classifier, start_ingest, wait_loaded, write_fault_corpus

KILLS = 10


@pytest.fixture(scope="module")
def fault_corpus(tmp_path_factory):
    """(corpus path, its number of articles, a pinned copy of the classifier)."""
    root = tmp_path_factory.mktemp("faults")
    path = root / "corpus.jsonl"
    n = write_fault_corpus(path)
    return path, n, copy_classifier(root)


def _finish(proc) -> tuple[int, str]:
    _, err = proc.communicate(timeout=400)
    assert "Traceback" not in err, err
    return proc.returncode, err


def _resume_beside_a_clean_run(corpus, db, classifier, tmp_path):
    """Finish ``db`` and make a clean reference at the same time: both load the same code even
    while the working tree changes under a long test."""
    clean = tmp_path / "clean.db"
    procs = [start_ingest([str(corpus)], db, classifier=classifier),
             start_ingest([str(corpus)], clean, classifier=classifier)]
    (rc, err), (clean_rc, clean_err) = [_finish(p) for p in procs]
    assert clean_rc == 0, clean_err
    return rc, err, clean


def _same_as_clean(db_path, clean_path) -> None:
    with open_ro(db_path) as db, open_ro(clean_path) as clean:
        got, want = snapshot(db), snapshot(clean)
    for table in want:
        assert got[table] == want[table], table


def _wait_for_more(db, than: int, proc, *, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with open_ro(db) as con:
            if count(con, "articles") > than:
                return
        time.sleep(0.05)


def test_sigkill_at_random_points_then_resume(fault_corpus, tmp_path):
    corpus, n, classifier = fault_corpus
    db = tmp_path / "killed.db"
    rng = random.Random(20241217)
    stored: list[int] = []
    seen: list[dict[str, int]] = []  # article -> its mentions, after each kill
    modes = ["load", "commit", "delay", "commit", "delay"]
    for i in range(KILLS):
        proc = start_ingest([str(corpus)], db, batch=8, classifier=classifier)
        try:
            before = stored[-1] if stored else 0
            wait_loaded(proc)
            mode = modes[i % len(modes)]
            if mode == "delay":  # anywhere in the run
                time.sleep(rng.uniform(0.1, 5.0))
            elif mode == "commit":  # just after a commit: mid-batch, or between two commits
                _wait_for_more(db, before, proc)
                time.sleep(rng.uniform(0.0, 0.4))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
        assert db.exists()
        with open_ro(db) as con:
            assert problems(con) == [], f"after kill {i + 1}"
            stored.append(count(con, "articles"))
            seen.append(dict(con.execute("SELECT a.id, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) "
                                         "FROM articles a")))
    assert stored == sorted(stored), "a killed run lost committed articles"
    assert len(set(stored)) > 3, f"kills did not land at different points: {stored}"
    rc, err, clean = _resume_beside_a_clean_run(corpus, db, classifier, tmp_path)
    assert rc == 0, err
    with open_ro(db) as con:
        assert problems(con) == []
        assert count(con, "articles") == n
    _same_as_clean(db, clean)
    # every article a killed run left was stored whole: all of its mentions or none of it
    with open_ro(clean) as con:
        whole = dict(con.execute("SELECT article_id, count(*) FROM mentions GROUP BY 1"))
    for state in seen:
        assert all(mentions == whole.get(article, 0) for article, mentions in state.items())


def test_full_database_stops_with_e603_and_keeps_what_was_committed(fault_corpus, tmp_path):
    corpus, n, classifier = fault_corpus
    db = tmp_path / "full.db"
    # about half of what the corpus needs (it takes some 850 pages of 4 KiB)
    proc = start_ingest([str(corpus)], db, batch=8, max_pages=400, classifier=classifier)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("tidings: error:")]
    assert len(lines) == 1 and "E603" in lines[0] and str(db) in lines[0] and "full" in lines[0], err
    with open_ro(db) as con:
        assert problems(con) == []
        kept = dict(con.execute("SELECT a.id, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) "
                                "FROM articles a ORDER BY a.rowid"))
    assert 0 < len(kept) < n, len(kept)
    order = [json.loads(line)["id"] for line in corpus.read_text().splitlines()]
    assert list(kept) == order[:len(kept)], "what was committed is not the start of the input"
    # with room again, the same command finishes the job
    rc, err, clean = _resume_beside_a_clean_run(corpus, db, classifier, tmp_path)
    assert rc == 0 and f"{len(kept)} already stored" in err, err
    _same_as_clean(db, clean)
    with open_ro(clean) as con:
        whole = dict(con.execute("SELECT article_id, count(*) FROM mentions GROUP BY 1"))
    assert all(mentions == whole.get(article, 0) for article, mentions in kept.items())


@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore:.*:UserWarning:distributed.*")
def test_a_dask_worker_killed_mid_run(fault_corpus, tmp_path):
    from distributed import Client, LocalCluster

    from tests.hardening.dask_plugin import PinClassifier
    from tidings.batch.ingest import ingest

    corpus, n, classifier = fault_corpus
    db = tmp_path / "dask.db"
    outcome: dict = {}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client:
        client.register_plugin(PinClassifier(str(classifier)), name="pin-classifier")
        pids = client.run(os.getpid)

        def run() -> None:
            try:
                outcome["report"] = ingest([str(corpus)], str(db), client=client)
            except BaseException as exc:  # noqa: BLE001 - reported by the test thread
                outcome["error"] = exc

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120
        victim = None
        while time.monotonic() < deadline and victim is None:
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy:
                victim = busy[0]
            time.sleep(0.2)
        assert victim is not None, "no task ever started"
        time.sleep(random.Random(5).uniform(3, 10))  # loading its model, or coding
        assert client.processing().get(victim), "the task finished before the kill: nothing tested"
        os.kill(pids[victim], signal.SIGKILL)
        thread.join(timeout=400)
        assert not thread.is_alive(), "ingest hung after a worker died"
    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert report.counts.added == n and report.failed == 0
    with open_ro(db) as con:
        assert problems(con) == []
        ids = [r[0] for r in con.execute("SELECT id FROM articles WHERE coder_version IS NOT NULL")]
    assert sorted(ids) == sorted(json.loads(line)["id"] for line in corpus.read_text().splitlines())
