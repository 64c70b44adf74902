"""Start-up cost of `tidings code` on one short article against a bare spaCy load and parse.

    python bench/footprint.py [--repeat R] [--article PATH]

``--article`` may also be a JSON Lines file of articles (``{id, text, date}``), for the
whole-process speed on many texts: ``--article ../shared/eval/plv_dev.jsonl --repeat 1``.

Each measurement is a fresh process, as a user's command is: ``tidings code ARTICLE`` (the
console script's code path, ``python -m tidings code``) and a bare ``spacy.load`` of the same
model followed by parsing the same text, taking turns so both see the same machine load. Reports
the wall time of each (best of R) with their ratio, and each process's peak resident memory
(``ru_maxrss`` of that child, from ``wait4``). A third process times ``Pipeline.load()`` alone. Never run as a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The README's example article: short wire copy, three sentences.
ARTICLE = (
    "ANKARA, Dec 17 - Turkish President Recep Tayyip Erdogan hosted Qatari Emir Sheikh Tamim bin Hamad Al Thani "
    "in Ankara on Tuesday, and the two leaders signed agreements on defence and trade.\n\n"
    "Turkey cut off trade with Israel in April. Israeli airstrikes killed at least 12 people in Gaza on Monday, "
    "health officials said.\n"
)
BARE = """
import json, sys, spacy
from tidings.config import load_settings
nlp = spacy.load(load_settings().model)
text = open(sys.argv[1], encoding="utf-8").read()
texts = [json.loads(line)["text"] for line in text.splitlines() if line.strip()] if sys.argv[1].endswith(".jsonl") else [text]
assert sum(len(doc) for doc in nlp.pipe(texts))
"""
LOAD = """
import json, time
start = time.perf_counter()
from tidings.pipeline import Pipeline
Pipeline.load()
print(json.dumps({"load_seconds": time.perf_counter() - start}))
"""


def _run(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child process (its own rusage, by wait4)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(args[:4])} ... failed ({child.returncode}):\n{err.read()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read()


def measure(article: Path, repeat: int) -> dict:
    python = sys.executable
    code = [python, "-m", "tidings", "code", str(article), "--date", "2024-12-17", "--format", "jsonl"]
    bare = [python, "-c", BARE, str(article)]
    bare_s, code_s, bare_mb, code_mb = [], [], 0.0, 0.0
    for _ in range(repeat):  # taking turns, so both see the same load on the machine
        wall, mb, _ = _run(bare)
        bare_s.append(wall)
        bare_mb = max(bare_mb, mb)
        wall, mb, out = _run(code)
        code_s.append(wall)
        code_mb = max(code_mb, mb)
        events = sum(1 for line in out.splitlines() if line.strip())
    load = json.loads(_run([python, "-c", LOAD])[2])["load_seconds"]
    return {"bare_spacy_seconds": round(min(bare_s), 2), "tidings_code_seconds": round(min(code_s), 2),
            "wall_ratio": round(min(code_s) / min(bare_s), 2), "bare_spacy_peak_mb": round(bare_mb, 1),
            "tidings_code_peak_mb": round(code_mb, 1), "pipeline_load_seconds": round(load, 2), "events": events}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--article", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        article = args.article
        if article is None:
            article = Path(tmp) / "story.txt"
            article.write_text(ARTICLE, encoding="utf-8")
        result = measure(article, args.repeat)
    result["machine"] = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    what = args.article.name if args.article else "one article"
    print(f"{what} ({result['events']} events), best of {args.repeat} fresh processes:")
    print(f"  bare spaCy load + parse   {result['bare_spacy_seconds']:>6.2f} s   peak {result['bare_spacy_peak_mb']:>6.0f} MB")
    print(f"  tidings code              {result['tidings_code_seconds']:>6.2f} s   peak {result['tidings_code_peak_mb']:>6.0f} MB")
    print(f"  ratio {result['wall_ratio']} (target <= 2.5), peak target <= 450 MB; "
          f"Pipeline.load() {result['pipeline_load_seconds']} s")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "footprint.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
