"""Event downloads: JSON Lines (the event schema, one record a line) and CSV (the flat rows of
``tidings export --format csv``, with the same guard against spreadsheet formulas)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from tidings.store.export import csv_lines

__all__ = ["csv_lines", "jsonl_lines"]


def jsonl_lines(events: Iterable[dict]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event, ensure_ascii=False) + "\n"
