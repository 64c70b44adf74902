"""Event downloads: JSON Lines (the event schema, one record a line) and CSV (one flat row per event)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

CSV_COLUMNS = ("id", "date", "date_precision", "type", "mode", "cameo", "cameo_name", "quad_class", "goldstein",
               "plover_score", "status", "source_country", "source_sector", "source_name", "target_country",
               "target_sector", "target_name", "place_name", "place_country", "lat", "lon", "fatalities",
               "injured", "confidence", "num_mentions", "num_articles", "num_sources", "first_seen",
               "last_seen", "article_id", "trigger", "evidence")

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): text
# cells that do get a leading apostrophe. Numbers are written as numbers and never touched.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def jsonl_lines(events: Iterable[dict]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event, ensure_ascii=False) + "\n"


def _first(actors: list[dict] | None, field: str):
    return actors[0].get(field) if actors else None


def flat(event: dict) -> dict:
    """One event as a flat row; the first actor of each side stands for the side."""
    when, place = event.get("date") or {}, event.get("location") or {}
    evidence = event.get("evidence") or {}
    row = {name: event.get(name) for name in CSV_COLUMNS}
    row.update({
        "date": when.get("value"), "date_precision": when.get("precision"),
        **{f"{side}_{field}": _first(event.get(side), field)
           for side in ("source", "target") for field in ("country", "sector", "name")},
        "place_name": place.get("name"), "place_country": place.get("country"), "lat": place.get("lat"),
        "lon": place.get("lon"), "fatalities": (event.get("fatalities") or {}).get("value"),
        "injured": (event.get("injured") or {}).get("value"), "trigger": evidence.get("trigger"),
        "evidence": evidence.get("text"),
    })
    return row


def _cell(value) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_lines(events: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield take()
    for event in events:
        row = flat(event)
        writer.writerow([_cell(row[name]) for name in CSV_COLUMNS])
        yield take()
