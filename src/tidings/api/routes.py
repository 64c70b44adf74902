"""The read endpoints: events (pages and downloads), one event, one article, actors, dyads, the
timeline, map points and totals. Each request reads through its own read-only connection; every
value a user sends reaches SQL as a bound parameter (``tidings.store.read``)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from tidings.api.formats import csv_lines, jsonl_lines
from tidings.actors.names import code_names
from tidings.store import dyads as store_dyads
from tidings.store import open_read, read
from tidings.store import places as store_places
from tidings.types import PLOVER_TYPES

router = APIRouter(prefix="/api")

MAX_LIMIT = 500
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # a day, a month or a year: partial dates start their period
DAY = r"^\d{4}-\d{2}-\d{2}$"
Code = Annotated[str | None, Query(max_length=32, description="ISO3 country or PLOVER actor code, e.g. TUR, IGO")]
Interval = Annotated[Literal["day", "month", "year"], Query(description="period width")]


async def database(request: Request) -> AsyncIterator[sqlite3.Connection]:
    """A read-only connection for this request, closed after it. Opening one takes microseconds,
    so it happens on the event loop rather than on a worker thread."""
    db = open_read(request.app.state.db_path)
    try:
        yield db
    finally:
        db.close()


DB = Annotated[sqlite3.Connection, Depends(database)]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        box = tuple(float(part) for part in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not all(abs(v) < float("inf") for v in box):
        raise HTTPException(422, "bbox: expected four numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = box
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise HTTPException(422, "bbox: need -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90")
    return box  # type: ignore[return-value]


async def event_filter(
    source: Code = None,
    target: Code = None,
    actor: Annotated[str | None, Query(max_length=32, description="either side, e.g. RUS")] = None,
    type: Annotated[str | None, Query(max_length=16, description="PLOVER event type, e.g. ASSAULT")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD (or YYYY-MM, YYYY)")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD (or YYYY-MM, YYYY)")] = None,
    q: Annotated[str | None, Query(max_length=500, description="full-text words in the evidence")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    status: Annotated[Literal["current", "historical", "future", "hypothetical", "negated"] | None, Query()] = None,
    dyad: Annotated[str | None, Query(max_length=65, description=(
        "two actor codes, e.g. TUR,QAT: events between them in either direction, reciprocal events included"))] = None,
    inferred: Annotated[str | None, Query(max_length=32, description=(
        "a country code: events without a place of their own that the map puts in that country"))] = None,
    seen_since: Annotated[str | None, Query(pattern=DAY, description="first reported on or after, YYYY-MM-DD")] = None,
    seen_until: Annotated[str | None, Query(pattern=DAY, description="first reported on or before, YYYY-MM-DD")] = None,
) -> read.EventFilter:
    if type is not None and type.upper() not in PLOVER_TYPES:
        raise HTTPException(422, f"type: {type!r} is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
    return read.EventFilter(source=source or None, target=target or None, actor=actor or None, type=type or None,
                            since=since, until=until, text=q or None, bbox=_bbox(bbox), status=status,
                            dyad=_dyad(dyad), inferred=inferred or None, seen_since=seen_since, seen_until=seen_until)


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    codes = [part.strip() for part in value.split(",")]
    if len(codes) != 2 or not all(codes):
        raise HTTPException(422, "dyad: expected two actor codes separated by a comma, e.g. TUR,QAT")
    return codes[0], codes[1]


Filter = Annotated[read.EventFilter, Depends(event_filter)]


def _download(db_path: str, flt: read.EventFilter, fmt: str) -> StreamingResponse:
    """Every matching event, oldest first, streamed through a connection the stream owns."""
    def rows() -> Iterator[str]:
        db = open_read(db_path)
        try:
            events = read.iter_events(db, flt)
            yield from (jsonl_lines(events) if fmt == "jsonl" else csv_lines(events))
        finally:
            db.close()

    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv; charset=utf-8"
    return StreamingResponse(rows(), media_type=media,
                             headers={"content-disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/events", summary="Events matching filters, newest first")
async def events(request: Request, db: DB, flt: Filter,
           limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
           offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
           format: Annotated[Literal["json", "jsonl", "csv"], Query(
               description="json: one page; jsonl, csv: a download of every matching event, oldest first"
           )] = "json"):
    if format != "json":
        return _download(request.app.state.db_path, flt, format)
    # Plain JSON types from the store: a JSONResponse skips jsonable_encoder's walk over every
    # field, which took half the time of a 50-event page (bench/load.py). The page is read on the
    # event loop: an indexed query of about a millisecond costs less than the hop to a worker
    # thread, and requests are served in arrival order, which keeps the slowest ones short under
    # many concurrent clients (bench/load.py: p99 at 32 clients).
    return JSONResponse({"ok": True, "total": read.count_events(db, flt), "limit": limit, "offset": offset,
                         "events": read.query_events(db, flt, limit=limit, offset=offset)})


def _found(value: dict | None, missing: str) -> dict:
    """The record, or a 404 saying what is missing."""
    if value is None:
        raise HTTPException(404, missing)
    return value


@router.get("/events/{event_id}", summary="One event with its mentions and evidence")
def event(event_id: Annotated[str, Path(max_length=200)], db: DB):
    found = _found(read.get_event(db, event_id), f"no event {event_id!r}")
    return {"ok": True, "event": found, "map_place": store_places.inferred_place(db, event_id)}


@router.get("/articles/{article_id}", summary="One article: its text and the evidence spans of its events")
def article(article_id: Annotated[str, Path(max_length=200)], db: DB):
    return {"ok": True, "article": _found(read.get_article(db, article_id), f"no article {article_id!r}")}


@router.get("/actors", summary="Actor codes by how many events they take part in")
def actors(db: DB, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100):
    return {"ok": True, "actors": read.actors(db, limit=limit)}


@router.get("/actors/{code}", summary="One actor code: members, partners, events by type")
def actor(code: Annotated[str, Path(max_length=32)], db: DB):
    return {"ok": True, "actor": _found(read.actor(db, code), f"no actor {code!r}")}


@router.get("/dyads", summary="A dyad over time (with a and b), or the busiest dyads (without)")
def dyads(db: DB, a: Code = None, b: Code = None, interval: Interval = "month",
          limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10):
    if not a and not b:
        return {"ok": True, "dyads": store_dyads.top_dyads(db, limit=limit)}
    if not a or not b:
        raise HTTPException(422, "give both a and b (or neither, for the busiest dyads)")
    return {"ok": True, "dyad": store_dyads.dyad(db, a, b, interval=interval)}


@router.get("/latest", summary="What is new: events first reported in the last day or week, by dyad and type")
def latest(db: DB, period: Annotated[Literal["day", "week"], Query(description="the window")] = "week",
           until: Annotated[str | None, Query(pattern=DAY, description=(
               "last day of the window, YYYY-MM-DD (default: the newest report in the database)"))] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 15):
    try:
        return {"ok": True, "latest": store_dyads.latest(db, period=period, until=until, limit=limit)}
    except (ValueError, OverflowError):  # 2024-02-30; a day so early that the period before has no calendar
        raise HTTPException(422, f"until: {until!r} is not a usable date") from None


@router.get("/timeline", summary="Matching events per period by quad class")
def timeline(db: DB, flt: Filter, interval: Interval = "month"):
    return {"ok": True, "interval": interval, "timeline": read.timeline(db, flt, interval=interval)}


@router.get("/places", summary="Where matching events happened, for the map: exact and inferred points")
def places(db: DB, flt: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 1000):
    return {"ok": True, "places": store_places.places(db, flt, limit=limit),
            "placement": store_places.placement(db, flt)}


@router.get("/names", summary="Names of actor codes (countries and PLOVER's special codes)")
def names():
    return {"ok": True, "names": code_names()}


@router.get("/stats", summary="Totals: articles, events by type and quad class, dates, busiest dyads")
def stats(db: DB):
    return {"ok": True, "stats": read.stats(db), "top_dyads": store_dyads.top_dyads(db, limit=10)}
