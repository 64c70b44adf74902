"""The self-written local-news toponym set (tests/data/local_places.jsonl) is well formed:
every gold span is the text it names, and every GeoNames id is a city of the shipped index at
the gold point. Its scores are reported in the README (``tidings eval``), not asserted here."""

import json
import sqlite3

import pytest

from tidings.attributes.index import default_path
from tidings.evaluation.runner import kind_of

from ..conftest import DATA

RECORDS = [json.loads(line) for line in (DATA / "local_places.jsonl").read_text(encoding="utf-8").splitlines()
           if line.strip()]


def test_size_and_kind():
    assert 25 <= len(RECORDS) <= 40
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    assert all(kind_of(r) == "places" for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_spans_and_points(record):
    db = sqlite3.connect(f"{default_path().as_uri()}?mode=ro", uri=True)
    for gold in record["gold"]:
        assert record["text"][gold["start"]:gold["end"]] == gold["text"]
        assert -90 <= gold["lat"] <= 90 and -180 <= gold["lon"] <= 180
        if gold["geonameid"] is None:
            continue  # counties and townships: the point of their seat, a city of the index
        row = db.execute("SELECT lat_e5, lon_e5, feature FROM place WHERE geonameid = ?", (gold["geonameid"],)).fetchone()
        if row is None or row[2] != "PPL":
            continue  # a first-level division, whose gold point is a hand-written centre
        assert abs(row[0] / 1e5 - gold["lat"]) < 1e-3 and abs(row[1] / 1e5 - gold["lon"]) < 1e-3, gold
