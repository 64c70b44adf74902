"""When two mentions are one event.

Mentions of one event share a type, the same actor sets on both sides (countries, or names where
an actor has no country) and a compatible kind of status; their dates fall in one window and their
places agree. Day dates within ``DAY_WINDOW`` days match; a month or year date matches any date
inside it; a week (precision ``week``, its Monday as value) matches the dates it overlaps; an undated mention matches an event first seen within ``UNDATED_WINDOW`` days of its
article. Places agree when either is unknown, or both name the same country and lie within
``PLACE_KM`` of each other (country-level places match on the country alone).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from tidings.dateline import DATELINE
from tidings.types import Actor, Event

DAY_WINDOW = 2
UNDATED_WINDOW = 3
PLACE_KM = 50.0

# Reports of a past event as news and as background are one event; a plan or a denial is not it.
_STATUS_CLASS = {"current": "real", "historical": "real", "future": "future",
                 "hypothetical": "hypothetical", "negated": "negated"}


def actor_key(actor: Actor) -> str:
    return actor.country or (actor.name or actor.text).casefold()


def side_key(actors: tuple[Actor, ...]) -> str:
    return "+".join(sorted({actor_key(a) for a in actors})) or "-"


def dedup_key(event: Event) -> str:
    return "|".join((event.type, _STATUS_CLASS.get(event.status, event.status),
                     side_key(event.source), side_key(event.target)))


@dataclass(frozen=True, slots=True)
class Anchor:
    """What an event is matched on besides its key: its date and place, and when first seen."""

    date: str | None
    precision: str | None
    country: str | None
    lat: float | None
    lon: float | None
    place_precision: str | None
    seen: str | None  # publication date of the article that first reported it


def anchor_of(event: Event, published: str | None) -> Anchor:
    place = event.location
    return Anchor(event.date.value if event.date else None, event.date.precision if event.date else None,
                  place.country if place else None, place.lat if place else None,
                  place.lon if place else None, place.precision if place else None, published)


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _week(anchor: Anchor) -> tuple[dt.date, dt.date] | None:
    """(Monday, Sunday) of a week-precision date; its value is the Monday."""
    start = _day(anchor.date) if anchor.precision == "week" else None
    return (start, start + dt.timedelta(days=6)) if start else None


def _period(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a day, month ('2024-12') or year ('2024') value."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, OverflowError):
        return None


def dates_match(a: Anchor, b: Anchor) -> bool:
    if a.date and b.date:
        week_a, week_b = _week(a), _week(b)
        if week_a or week_b:
            # a week matches the days, months and years it overlaps
            pa, pb = week_a or _period(a.date), week_b or _period(b.date)
            return pa is None or pb is None or (pa[0] <= pb[1] and pb[0] <= pa[1])
        da, db = _day(a.date), _day(b.date)
        if da and db:
            return abs((da - db).days) <= DAY_WINDOW
        short, long_ = sorted((a.date, b.date), key=len)
        return long_.startswith(short)
    seen_a, seen_b = _day(a.date) or _day(a.seen), _day(b.date) or _day(b.seen)
    if seen_a and seen_b:
        return abs((seen_a - seen_b).days) <= UNDATED_WINDOW
    return True


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_match(a: Anchor, b: Anchor) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.place_precision, b.place_precision):
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return km(a.lat, a.lon, b.lat, b.lon) <= PLACE_KM
    return True


def matches(a: Anchor, b: Anchor) -> bool:
    return dates_match(a, b) and places_match(a, b)


def distance(a: Anchor, b: Anchor) -> float:
    """How far apart two matching anchors are in days, to choose the nearest candidate."""
    da, db = _day(a.date) or _day(a.seen), _day(b.date) or _day(b.seen)
    return abs((da - db).days) if da and db else 0.0


def event_id(key: str, anchor: Anchor, salt: str = "") -> str:
    raw = "|".join((key, anchor.date or "", anchor.country or "", f"{anchor.lat}", f"{anchor.lon}", salt))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def story_id(text: str) -> str:
    """Syndicated copies of a story differ in dateline, byline, case and spacing, not in words."""
    body = DATELINE.sub("", text, count=1)
    words = "".join(c if c.isalnum() else " " for c in body.casefold()).split()
    return "s" + hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:19]
