"""Helpers for fault injection: a corpus of varied articles made from the bundled examples, and
``tidings ingest`` run in a subprocess that says on stderr when its model is loaded and that
commits in small batches (so that a kill can land between many commits)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from tests.hardening.corpus import examples

LOADED = "hardening: model loaded"

EXTRA = [
    "{a} accused {b} of sending weapons to rebels in the north.",
    "Police in {city} arrested {n} protesters outside parliament on Monday.",
    "The foreign minister of {a} met his counterpart from {b} in {city} on Wednesday.",
    "{a} announced new sanctions against {b} on Thursday.",
    "Troops from {a} shelled positions held by {b} near the border, killing {n} people.",
    "{a} and {b} agreed to resume talks on a ceasefire next month.",
]
COUNTRIES = ["Turkey", "Syria", "France", "Russia", "Ukraine", "Kenya", "China", "Iran", "Israel", "Mali"]
CITIES = ["Ankara", "Paris", "Nairobi", "Beijing", "Tehran", "Bamako", "Kyiv", "Damascus"]


def write_fault_corpus(path: Path, *, variants: int = 6, seed: int = 3) -> int:
    """``variants`` varied copies of each bundled example (own id, shifted date, an added
    paragraph) as one JSONL file; returns the number of articles."""
    rng = random.Random(seed)
    records = []
    for k in range(variants):
        for record in examples():
            a, b = rng.sample(COUNTRIES, 2)
            extra = rng.choice(EXTRA).format(a=a, b=b, city=rng.choice(CITIES), n=rng.randint(2, 90))
            date = dt.date.fromisoformat(record["date"]) + dt.timedelta(days=7 * k)
            records.append(dict(record, id=f"{record['id']}-v{k}", date=date.isoformat(),
                                text=record["text"] + "\n\n" + extra))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return len(records)


# Runs the real command-line entry point, with test hooks: a line on stderr once the pipeline is
# loaded, and optionally smaller coding chunks and write batches, a page limit on the database,
# and a pinned classifier.
WRAPPER = f"""
import os, sys
import tidings.batch.ingest as ingest
import tidings.batch.local as local
import tidings.store.writer as writer
if os.environ.get("HARDENING_BATCH"):
    import functools
    ingest.WRITE_BATCH = int(os.environ["HARDENING_BATCH"])
    local.code_local = functools.partial(local.code_local, chunk=int(os.environ["HARDENING_BATCH"]))
_load = local._load
def load(settings):
    fresh = local._pipeline is None
    pipeline = _load(settings)
    if fresh:
        print({LOADED!r}, file=sys.stderr, flush=True)
    return pipeline
local._load = load
if os.environ.get("HARDENING_MAX_PAGES"):
    _connect = writer.connect
    def connect(path, **kw):
        db = _connect(path, **kw)
        db.execute("PRAGMA max_page_count = " + str(int(os.environ["HARDENING_MAX_PAGES"])))
        return db
    writer.connect = connect
if os.environ.get("HARDENING_CLASSIFIER"):
    sys.path.insert(0, os.environ["HARDENING_ROOT"])
    from tests.hardening.faults import pin_classifier
    pin_classifier(os.environ["HARDENING_CLASSIFIER"])
from tidings.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

ROOT = Path(__file__).resolve().parents[2]


def copy_classifier(folder: Path) -> Path | None:
    """A private copy of the shipped event classifier: every run of a test codes with the same
    one, even while someone retrains the shipped file."""
    from importlib import resources

    from tidings.events.classifier import MODEL_FILE

    ref = resources.files("tidings.events.models").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    target = folder / MODEL_FILE
    target.write_bytes(ref.read_bytes())
    return target


def pin_classifier(path: str | os.PathLike[str]) -> None:
    """Make ``Pipeline.load`` use the classifier at ``path`` in this process."""
    import tidings.pipeline
    from tidings.events.classifier import EventClassifier

    def load():
        return EventClassifier.from_file(path)

    tidings.pipeline.load_classifier = load


def start_ingest(paths: list[str], db: Path, *, batch: int | None = None, max_pages: int | None = None,
                 classifier: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "TIDINGS_CONFIG": os.devnull, "HARDENING_ROOT": str(ROOT)}
    if classifier:
        env["HARDENING_CLASSIFIER"] = str(classifier)
    if batch:
        env["HARDENING_BATCH"] = str(batch)
    if max_pages:
        env["HARDENING_MAX_PAGES"] = str(max_pages)
    return subprocess.Popen([sys.executable, "-c", WRAPPER, "ingest", *paths, "--db", str(db), "--quiet",
                             "--workers", "1"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env,
                            text=True)


def wait_loaded(proc: subprocess.Popen, *, timeout: float = 120) -> list[str]:
    """Read stderr until the model-loaded line; returns the lines read before it."""
    import selectors
    import time

    lines: list[str] = []
    deadline = time.monotonic() + timeout
    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    while time.monotonic() < deadline:
        if sel.select(timeout=0.5):
            line = proc.stderr.readline()
            if not line:
                break
            if line.strip() == LOADED:
                return lines
            lines.append(line)
        elif proc.poll() is not None:
            break
    raise AssertionError(f"ingest never loaded its model: {''.join(lines)[-2000:]}")
