"""Where events go on the map.

An event with a place of its own (a city, a region, a country the text names) is drawn there:
that point is *exact*. An event without one is drawn at the country of its first target, or of
its first source when the target has no country (a reciprocal event, an organisation as target),
at the country's representative point (``attributes/data/country_points.tsv``) with precision
``country``: that point is *inferred*, and is marked as such. Actor codes that are not countries
(UNO, EUR, IGO, NGO, ...) have no point, so such events stay off the map.

The inference is read, not stored: the event records keep only the places the text gives.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from typing import TYPE_CHECKING

from tidings.actors.names import name_of
from tidings.datafiles import iter_tsv

if TYPE_CHECKING:
    from tidings.store.read import EventFilter


@cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon): the representative point of each country."""
    return {row["iso3"]: (float(row["lat"]), float(row["lon"]))
            for row in iter_tsv("tidings.attributes.data", "country_points.tsv", required=("iso3", "lat", "lon"))}


@cache
def _codes() -> str:
    return json.dumps(sorted(country_points()))


def inferred_country() -> tuple[str, list[object]]:
    """The SQL expression (over ``events e``) for the country an unplaced event is drawn in, with
    its parameters; NULL for events with a place of their own or no country to infer."""
    countries = "(SELECT value FROM json_each(?))"
    return (f"(CASE WHEN e.lat IS NOT NULL THEN NULL WHEN e.target_country IN {countries} THEN e.target_country "
            f"WHEN e.source_country IN {countries} THEN e.source_country END)", [_codes(), _codes()])


def _and(where: str, clause: str) -> str:
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def places(db: sqlite3.Connection, flt: EventFilter, *, limit: int = 1000) -> list[dict]:
    """Map points for matching events, busiest first: one per distinct exact point, with its place
    name, and one per country for the inferred ones (``inferred: true``); each with counts by
    quad class."""
    where, args = flt.where()
    quads = "sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)"
    points: list[dict] = []
    for r in db.execute(
            "SELECT round(e.lat, 3), round(e.lon, 3), min(e.place_name), min(e.place_country), min(e.place_precision), "
            f"count(*), {quads} FROM events e{_and(where, 'e.lat IS NOT NULL AND e.lon IS NOT NULL')} GROUP BY 1, 2",
            args):
        points.append({"lat": r[0], "lon": r[1], "name": r[2], "country": r[3], "precision": r[4],
                       "inferred": False, "events": r[5], "by_quad_class": {"1": r[6], "2": r[7], "3": r[8], "4": r[9]}})
    expression, extra = inferred_country()
    rows = db.execute(f"SELECT {expression} AS country, count(*), {quads} FROM events e"
                      f"{_and(where, f'{expression} IS NOT NULL')} GROUP BY 1", [*extra, *args, *extra])
    lookup = country_points()
    for r in rows:
        lat, lon = lookup[r[0]]
        points.append({"lat": lat, "lon": lon, "name": name_of(r[0]), "country": r[0], "precision": "country",
                       "inferred": True, "events": r[1], "by_quad_class": {"1": r[2], "2": r[3], "3": r[4], "4": r[5]}})
    points.sort(key=lambda p: (-p["events"], p["inferred"], p["name"] or "", p["country"] or ""))
    return points[:limit]


def inferred_place(db: sqlite3.Connection, event_id: str) -> dict | None:
    """Where the map draws an event without a place of its own: ``{country, name, lat, lon,
    precision: "country", inferred: true}``, or None (it has a place, or no country to infer)."""
    expression, extra = inferred_country()
    row = db.execute(f"SELECT {expression} FROM events e WHERE e.id = ?", [*extra, event_id]).fetchone()
    if row is None or row[0] is None:
        return None
    lat, lon = country_points()[row[0]]
    return {"country": row[0], "name": name_of(row[0]), "lat": lat, "lon": lon, "precision": "country",
            "inferred": True}


def placement(db: sqlite3.Connection, flt: EventFilter) -> dict:
    """How many matching events the map shows: at a place of their own (exact), at the country of
    an actor (inferred), or not at all."""
    where, args = flt.where()
    expression, extra = inferred_country()
    row = db.execute(f"SELECT count(*), sum(e.lat IS NOT NULL AND e.lon IS NOT NULL), "
                     f"sum({expression} IS NOT NULL) FROM events e{where}", [*extra, *args]).fetchone()
    events, exact, inferred = row[0], row[1] or 0, row[2] or 0
    return {"events": events, "exact": exact, "inferred": inferred, "unplaced": events - exact - inferred}
