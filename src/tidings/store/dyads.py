"""Dyads: the relation between two actor codes.

Every view of a dyad (the busiest dyads, the dyad endpoint and page, ``tidings query --dyad``,
the exports, the dashboard and the "latest" briefing) reads the ``event_dyads`` table, the rows of
the schema's ``dyad_rule`` view (migration 4), which is the one definition: an event belongs to the pair {A, B} when A is among
its sources and B among its targets (or the other way round), or when it has no target and both
are among its sources, the way PLOVER codes reciprocal events. Such an event is counted once in
the dyad and shown as *joint*, not in both directions.

Pairs are written with their codes in alphabetical order (``a`` < ``b``); directions are
``a->b``, ``b->a`` and ``joint``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from tidings.store.read import _DAY, INTERVALS, EventFilter, count_events

# One row per (pair, event) with the directions it has; an event counts once per pair.
_PAIRS = ("SELECT a, b, event_id, max(direction = 'a->b') AS ab, max(direction = 'b->a') AS ba, "
          "max(direction = 'joint') AS j FROM event_dyads GROUP BY a, b, event_id")


def pair(a: str, b: str) -> tuple[str, str]:
    """Two codes as the view writes a pair: upper case, alphabetical."""
    low, high = sorted((a.upper(), b.upper()))
    return low, high


def top_dyads(db: sqlite3.Connection, flt: EventFilter = EventFilter(), *, limit: int = 10) -> list[dict]:
    """The pairs with the most matching events: counts in each direction and joint (an event can
    be in both directions; ``events`` counts it once) and the mean Goldstein score."""
    where, args = flt.where()
    rows = db.execute(
        f"SELECT p.a, p.b, count(*), sum(p.ab), sum(p.ba), sum(p.j), avg(e.goldstein) FROM ({_PAIRS}) p "
        f"JOIN events e ON e.id = p.event_id{where} GROUP BY p.a, p.b ORDER BY 3 DESC, 1, 2 LIMIT ?",
        [*args, limit])
    return [{"a": r[0], "b": r[1], "events": r[2], "a_to_b": r[3], "b_to_a": r[4], "joint": r[5],
             "mean_goldstein": round(r[6], 2)} for r in rows]


def dyad(db: sqlite3.Connection, a: str, b: str, *, interval: str = "month") -> dict:
    """The relation between two actor codes over time: per period and direction (``A->B``,
    ``B->A``, ``joint``), counts by type and quad class and the mean Goldstein and PLOVER scores;
    ``events`` counts each event of the dyad once."""
    a, b = a.upper(), b.upper()
    low, high = pair(a, b)
    names = {"a->b": f"{low}->{high}", "b->a": f"{high}->{low}", "joint": "joint"}
    out: dict[str, dict[str, dict]] = {f"{a}->{b}": {}, f"{b}->{a}": {}, "joint": {}}
    rows = db.execute(
        f"SELECT substr({_DAY}, 1, ?), d.direction, e.type, e.quad_class, e.goldstein, e.plover_score "
        "FROM event_dyads d JOIN events e ON e.id = d.event_id WHERE d.a = ? AND d.b = ? ORDER BY 1",
        (INTERVALS[interval], low, high))
    for period, direction, type_, quad, goldstein, plover in rows:
        periods = out[names[direction]]
        p = periods.setdefault(period, {"period": period, "events": 0, "by_type": {}, "by_quad_class": {},
                                        "_g": [], "_p": []})
        p["events"] += 1
        p["by_type"][type_] = p["by_type"].get(type_, 0) + 1
        p["by_quad_class"][str(quad)] = p["by_quad_class"].get(str(quad), 0) + 1
        p["_g"].append(goldstein)
        if plover is not None:
            p["_p"].append(plover)
    for periods in out.values():
        for p in periods.values():
            g, pl = p.pop("_g"), p.pop("_p")
            p["mean_goldstein"] = round(sum(g) / len(g), 3) if g else None
            p["mean_plover_score"] = round(sum(pl) / len(pl), 3) if pl else None
    total = db.execute("SELECT count(DISTINCT event_id) FROM event_dyads WHERE a = ? AND b = ?",
                       (low, high)).fetchone()[0]
    return {"a": a, "b": b, "interval": interval, "events": total,
            "directions": {key: list(periods.values()) for key, periods in out.items()}}


PERIODS = {"day": 1, "week": 7}


def latest(db: sqlite3.Connection, *, period: str = "week", until: str | None = None, limit: int = 15) -> dict:
    """What is new: events first reported in the last day or week, by dyad and by type, each with
    the count of the period before. The period ends on ``until``, by default the day of the newest
    report in the database (today at the latest), so an archive reads like the week it ends on."""
    days = PERIODS[period]
    today = dt.datetime.now(dt.timezone.utc).date()
    if until is None:
        newest = db.execute("SELECT max(first_seen) FROM events").fetchone()[0]
        end = min(dt.date.fromisoformat(newest[:10]), today) if newest else today
    else:
        end = dt.date.fromisoformat(until)
    start = end - dt.timedelta(days=days - 1)
    before_end = start - dt.timedelta(days=1)
    before_start = before_end - dt.timedelta(days=days - 1)
    now = EventFilter(seen_since=start.isoformat(), seen_until=end.isoformat())
    before = EventFilter(seen_since=before_start.isoformat(), seen_until=before_end.isoformat())

    dyads = top_dyads(db, now, limit=limit)
    for d in dyads:
        earlier = EventFilter(seen_since=before.seen_since, seen_until=before.seen_until, dyad=(d["a"], d["b"]))
        d["previous"] = count_events(db, earlier)
        d["change"] = d["events"] - d["previous"]
        d["types"] = _types(db, EventFilter(seen_since=now.seen_since, seen_until=now.seen_until,
                                            dyad=(d["a"], d["b"])))
    types_now, types_before = _types(db, now), _types(db, before)
    types = [{"type": t, "events": n, "previous": types_before.get(t, 0), "change": n - types_before.get(t, 0)}
             for t, n in types_now.items()]
    return {"period": period, "since": start.isoformat(), "until": end.isoformat(),
            "previous": {"since": before_start.isoformat(), "until": before_end.isoformat()},
            "events": count_events(db, now), "previous_events": count_events(db, before), "dyads": dyads, "types": types}


def _types(db: sqlite3.Connection, flt: EventFilter) -> dict[str, int]:
    where, args = flt.where()
    return {r[0]: r[1] for r in db.execute(
        f"SELECT e.type, count(*) FROM events e{where} GROUP BY e.type ORDER BY 2 DESC, 1", args)}
