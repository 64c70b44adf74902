"""Speed and memory of `tidings code` against the bare spaCy parser, in the same run.

    python bench/run.py [--copies N] [--repeat R]

Codes the bundled example articles (N copies each, distinct ids) with the full pipeline and
parses the same texts with a bare ``nlp.pipe``; reports articles/s, sentences/s, their ratio
(Tidings / bare parser: 1.0 means coding costs nothing on top of parsing) and the process's
peak resident memory. Timings take the best of R repeats. Never run as a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from importlib import resources
from pathlib import Path

from tidings.pipeline import Pipeline
from tidings.types import Article


def _articles(copies: int) -> list[Article]:
    import datetime as dt

    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    records = [json.loads(line) for line in ref.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(f"{r['id']}-{k}", r["text"], dt.date.fromisoformat(r["date"]))
            for k in range(copies) for r in records]


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    pipeline = Pipeline.load()
    load_s = time.perf_counter() - start
    articles = _articles(args.copies)
    texts = [a.text for a in articles]
    nlp = pipeline.nlp
    sentences = sum(1 for doc in nlp.pipe(texts[: len(texts) // args.copies]) for _ in doc.sents) * args.copies
    list(pipeline.pipe(articles[:4]))  # warm caches

    bare_s = _best(lambda: list(nlp.pipe(texts, batch_size=32)), args.repeat)
    events = 0

    def code_all():
        nonlocal events
        events = sum(len(r) for _, r in pipeline.pipe(articles, batch_size=32) if isinstance(r, list))

    full_s = _best(code_all, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "articles": len(articles), "sentences": sentences, "events": events,
        "load_seconds": round(load_s, 2),
        "bare_parser": {"articles_per_s": round(len(articles) / bare_s, 2), "sentences_per_s": round(sentences / bare_s, 1)},
        "tidings_code": {"articles_per_s": round(len(articles) / full_s, 2), "sentences_per_s": round(sentences / full_s, 1)},
        "ratio": round(bare_s / full_s, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(f"machine: {result['machine']}")
    print(f"corpus: {len(articles)} articles, {sentences} sentences; pipeline load {load_s:.1f} s")
    print(f"{'':<16}{'articles/s':>12}{'sentences/s':>14}")
    print(f"{'bare nlp.pipe':<16}{result['bare_parser']['articles_per_s']:>12}{result['bare_parser']['sentences_per_s']:>14}")
    print(f"{'tidings code':<16}{result['tidings_code']['articles_per_s']:>12}{result['tidings_code']['sentences_per_s']:>14}")
    print(f"ratio (tidings / bare parser): {result['ratio']}   (target >= 0.7)")
    print(f"peak RSS: {result['peak_rss_mb']} MB   (target <= 450 MB)")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
