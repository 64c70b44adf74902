"""Date phrases in wire style (``tests/data/date_phrases.jsonl``, written for the project): each
resolves against its publication date to the expected value and precision, or to nothing.

A week is given by its Monday (precision ``week``); a night by the evening it began."""

import datetime as dt
import json
from pathlib import Path

import pytest

from tidings.attributes.time import resolve_date
from tidings.types import PRECISIONS

ROWS = [json.loads(line) for line in
        (Path(__file__).parents[1] / "data" / "date_phrases.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]


def test_the_set_is_well_formed():
    assert len(ROWS) >= 60
    assert len({(r["phrase"], r["published"]) for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert r["precision"] in PRECISIONS or (r["precision"] is None and r["value"] is None), r
        if r["precision"] == "week":
            assert dt.date.fromisoformat(r["value"]).weekday() == 0, r


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['phrase']}@{r['published']}" for r in ROWS])
def test_date_phrase(row):
    when = resolve_date(row["phrase"], dt.date.fromisoformat(row["published"]))
    got = (when.value, when.precision) if when else (None, None)
    assert got == (row["value"], row["precision"]), row.get("note")
