"""Ingest throughput: articles/s into the embedded database with 1 and 2 local workers and on a
2-worker local Dask cluster, database size per 1,000 articles, and the projected time for a GDELT
day (150,000 articles). The bare spaCy parser's rate on the same texts, in the same run, gives the
ratio. Never run as a test.

    python bench/ingest.py [--articles 5000] [--skip-dask]

The corpus is generated from the bundled examples: each variant gets another publication date,
outlet, casualty figures and paragraph order, and a tenth are syndicated copies of an earlier
variant under another outlet (so deduplication has work to do).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import sqlite3
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

OUTLETS = [f"Outlet {name}" for name in ("Alpha", "Bravo", "Coastal", "Delta", "Eastern", "Frontier", "Global",
                                         "Harbor", "Inland", "Journal", "Keystone", "Lakeside", "Metro",
                                         "Northern", "Orbit", "Pacific", "Quarter", "Ridge", "Summit", "Tribune")]


def corpus(n: int, *, seed: int = 7) -> list[dict]:
    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    base = [json.loads(line) for line in ref.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    out: list[dict] = []
    for k in range(n):
        if out and rng.random() < 0.1:  # a syndicated copy of an earlier story under another outlet
            copy = dict(rng.choice(out), source=rng.choice(OUTLETS))
            copy["id"] = f"bench-{k:06d}"
            out.append(copy)
            continue
        record = base[k % len(base)]
        paragraphs = record["text"].split("\n\n")
        lede, rest = paragraphs[0], paragraphs[1:]
        rng.shuffle(rest)
        rest = rest[: max(1, len(rest) - rng.randrange(0, 3))]
        text = "\n\n".join([lede, *rest])
        text = re.sub(r"\b(\d{1,3})\b(?= (?:people|killed|soldiers|civilians|servicemen|members))",
                      lambda m: str(int(m.group(1)) + rng.randrange(0, 9)), text)
        text += f"\n\nReporting by staff; story {k}."
        date = dt.date.fromisoformat(record["date"]) + dt.timedelta(days=rng.randrange(0, 365))
        out.append({"id": f"bench-{k:06d}", "title": record.get("title"), "date": date.isoformat(),
                    "source": rng.choice(OUTLETS), "text": text})
    return out


def _db_bytes(path: Path) -> int:
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path.stat().st_size


def _run(label: str, corpus_path: Path, folder: Path, n: int, **kwargs) -> dict:
    from tidings.batch.ingest import ingest

    db_path = folder / f"{label}.db"
    start = time.perf_counter()
    report = ingest([str(corpus_path)], str(db_path), **kwargs)
    seconds = time.perf_counter() - start
    db = sqlite3.connect(db_path)
    events, mentions = db.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM mentions)").fetchone()
    db.close()
    size = _db_bytes(db_path)
    result = {"backend": label, "articles": n, "seconds": round(seconds, 1),
              "articles_per_s": round(n / seconds, 2), "events": events, "mentions": mentions,
              "failed": report.failed, "db_mb_per_1000_articles": round(size / n * 1000 / 1e6, 2)}
    print(json.dumps(result), file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--out", default="bench/results/ingest.json")
    args = parser.parse_args(argv)

    records = corpus(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus_path = folder / "corpus.jsonl"
        corpus_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

        from tidings.nlp.model import load_nlp
        from tidings.config import load_settings
        from tidings.ingest.dateline import parse_text

        nlp = load_nlp(load_settings().model)
        sample = [parse_text(r["text"]) for r in records[:1000]]
        list(nlp.pipe(sample[:20]))
        start = time.perf_counter()
        list(nlp.pipe(sample, batch_size=32))
        bare_rate = len(sample) / (time.perf_counter() - start)

        runs = [_run("local-1", corpus_path, folder, args.articles, workers=1),
                _run("local-2", corpus_path, folder, args.articles, workers=2)]
        if not args.skip_dask:
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
                    Client(cl) as client:
                runs.append(_run("dask-2", corpus_path, folder, args.articles, client=client))
    best = max(runs, key=lambda r: r["articles_per_s"])
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus_articles": args.articles,
        "bare_parser_articles_per_s_1_process": round(bare_rate, 2),
        "runs": runs,
        "ratio_local1_to_bare_parser": round(runs[0]["articles_per_s"] / bare_rate, 3),
        "projected_hours_for_150000_articles": round(150_000 / best["articles_per_s"] / 3600, 2),
        "projected_with": best["backend"],
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
