"""Reading the store: filtered events, one event with its mentions, articles with evidence spans,
actors, timelines and totals (dyads: ``tidings.store.dyads``; map points: ``tidings.store.places``).
Every function takes a connection (read-only is enough) and returns plain data; all SQL is
parametrized.

An event comes back in the event schema's shape (``schema/event.schema.json``: the record of its
first mention, with the event's own id) plus the deduplication fields ``num_mentions``,
``num_articles``, ``num_sources``, ``first_seen`` and ``last_seen``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from tidings.store.places import inferred_country
from tidings.types import PLOVER_TYPES

# An event's date for ordering and filtering: partial dates ('2024-12', '2024') start their period.
# The events_day index (schema migration 2) is on this expression: keep them the same.
_DAY = "substr(coalesce(e.date, e.first_seen) || '-01-01', 1, 10)"
INTERVALS = {"day": 10, "month": 7, "year": 4}
_PUBLISHED = "coalesce(published, substr(ingested_at, 1, 10))"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Filters combine with AND. Countries are ISO3 (or PLOVER codes such as IGO); ``actor``
    matches either side; ``dyad`` is a pair of codes, matched as the schema's ``dyad_rule`` defines
    a dyad (either direction, reciprocal events included); ``text`` is an FTS5 query over evidence
    sentences; ``bbox`` is (min_lon, min_lat, max_lon, max_lat); ``inferred`` is a country code:
    events without a place that the map puts in that country (``tidings.store.places``);
    ``seen_since``/``seen_until`` bound the day an event was first reported; ``ids`` keeps only
    these events."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    article_id: str | None = None
    status: str | None = None
    dyad: tuple[str, str] | None = None
    quad_class: int | None = None
    min_mentions: int | None = None
    inferred: str | None = None
    seen_since: str | None = None
    seen_until: str | None = None
    ids: tuple[str, ...] | None = None

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        args: list[object] = []
        side = ("EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id "
                "WHERE ea.event_id = e.id AND ac.country = ?{role})")
        if self.source:
            clauses.append(side.format(role=" AND ea.role = 'source'"))
            args.append(self.source.upper())
        if self.target:
            clauses.append(side.format(role=" AND ea.role = 'target'"))
            args.append(self.target.upper())
        if self.actor:
            clauses.append(side.format(role=""))
            args.append(self.actor.upper())
        if self.type:
            clauses.append("e.type = ?")
            args.append(self.type.upper())
        if self.status:
            clauses.append("e.status = ?")
            args.append(self.status)
        if self.since:
            clauses.append(f"{_DAY} >= ?")
            args.append(self.since)
        if self.until:
            clauses.append(f"{_DAY} <= ?")
            args.append(self.until)
        if self.text:
            clauses.append("e.id IN (SELECT m.event_id FROM mentions_fts f JOIN mentions m ON m.rowid = f.rowid "
                           "WHERE mentions_fts MATCH ?)")
            args.append(fts_query(self.text))
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            args += [min_lon, max_lon, min_lat, max_lat]
        if self.article_id:
            clauses.append("e.id IN (SELECT event_id FROM mentions WHERE article_id = ?)")
            args.append(self.article_id)
        if self.dyad:
            low, high = sorted(code.upper() for code in self.dyad)
            clauses.append("e.id IN (SELECT event_id FROM event_dyads WHERE a = ? AND b = ?)")
            args += [low, high]
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            args.append(self.quad_class)
        if self.min_mentions is not None:
            clauses.append("e.num_mentions >= ?")
            args.append(self.min_mentions)
        if self.inferred:
            expression, extra = inferred_country()
            clauses.append(f"{expression} = ?")
            args += [*extra, self.inferred.upper()]
        if self.seen_since:
            clauses.append("e.first_seen >= ?")
            args.append(self.seen_since)
        if self.seen_until:
            clauses.append("e.first_seen <= ?")
            args.append(self.seen_until)
        if self.ids is not None:
            clauses.append("e.id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(list(self.ids)))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def fts_query(text: str) -> str:
    """Words of the user's query as FTS5 string literals (AND-ed): operators and quotes are data."""
    words = [w for w in text.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words) or '""'


def event_record(row: sqlite3.Row) -> dict:
    record = json.loads(row["record"])
    record["id"] = row["id"]
    for name in ("num_mentions", "num_articles", "num_sources", "first_seen", "last_seen"):
        record[name] = row[name]
    return record


_EVENT_COLUMNS = "e.id, e.record, e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen"


def query_events(db: sqlite3.Connection, flt: EventFilter = EventFilter(), *, limit: int | None = 50,
                 offset: int = 0) -> list[dict]:
    """Events matching ``flt``, newest first."""
    where, args = flt.where()
    sql = f"SELECT {_EVENT_COLUMNS} FROM events e{where} ORDER BY {_DAY} DESC, e.id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args = [*args, limit, offset]
    return [event_record(row) for row in db.execute(sql, args)]


def iter_events(db: sqlite3.Connection, flt: EventFilter = EventFilter()) -> Iterator[dict]:
    """All matching events, oldest first, streamed (for exports)."""
    where, args = flt.where()
    for row in db.execute(f"SELECT {_EVENT_COLUMNS} FROM events e{where} ORDER BY {_DAY}, e.id", args):
        yield event_record(row)


def count_events(db: sqlite3.Connection, flt: EventFilter = EventFilter()) -> int:
    where, args = flt.where()
    return db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0]


def get_event(db: sqlite3.Connection, event_id: str) -> dict | None:
    """One event with every mention: article, title, source, evidence and offsets."""
    row = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    event = event_record(row)
    event["mentions"] = [
        {"id": m["id"], "article_id": m["article_id"], "title": m["title"], "source": m["source"],
         "url": m["url"], "published": m["published"], "sentence": m["sentence"], "start": m["start"],
         "end": m["end"], "trigger_start": m["trigger_start"], "trigger_end": m["trigger_end"],
         "evidence": m["evidence"], "confidence": m["confidence"]}
        for m in db.execute("SELECT m.*, a.title, coalesce(a.publisher, a.source) AS source, a.url, a.published "
                            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
                            "ORDER BY a.published, m.article_id, m.start", (event_id,))]
    return event


def get_article(db: sqlite3.Connection, article_id: str) -> dict | None:
    """An article's text and metadata with the evidence spans of its events."""
    row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    spans = [{"event_id": m["event_id"], "mention_id": m["id"], "type": m["type"], "start": m["start"],
              "end": m["end"], "trigger_start": m["trigger_start"], "trigger_end": m["trigger_end"]}
             for m in db.execute("SELECT m.*, e.type FROM mentions m JOIN events e ON e.id = m.event_id "
                                 "WHERE m.article_id = ? ORDER BY m.start, m.trigger_start", (article_id,))]
    copies = [dict(c) for c in db.execute("SELECT source, url, published FROM copies WHERE article_id = ? "
                                          "ORDER BY source, url", (article_id,))]
    errors = [dict(e) for e in db.execute("SELECT stage, code, message, at FROM errors WHERE article_id = ?",
                                          (article_id,))]
    return {"id": row["id"], "title": row["title"], "url": row["url"], "source": row["source"],
            "publisher": row["publisher"], "language": row["language"], "published": row["published"],
            "text": row["text"], "coder_version": row["coder_version"], "spans": spans, "copies": copies,
            "errors": errors}


def stats(db: sqlite3.Connection) -> dict:
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    by_type = {t: 0 for t in PLOVER_TYPES}
    by_type.update({r[0]: r[1] for r in db.execute("SELECT type, count(*) FROM events GROUP BY type")})
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "coded_articles": one("SELECT count(*) FROM articles WHERE coder_version IS NOT NULL"),
        "events": one("SELECT count(*) FROM events"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "actors": one("SELECT count(*) FROM actors"),
        "errors": one("SELECT count(*) FROM errors"),
        "events_by_type": by_type,
        "events_by_quad_class": {str(r[0]): r[1] for r in
                                 db.execute("SELECT quad_class, count(*) FROM events GROUP BY quad_class")},
        "first_date": one(f"SELECT min({_DAY}) FROM events e"),
        "last_date": one(f"SELECT max({_DAY}) FROM events e"),
        # what the news covers: the articles' publication dates (the day stored, where an
        # article states none); the dashboard's timeline opens on this range
        "published_first": one(f"SELECT min({_PUBLISHED}) FROM articles"),
        "published_last": one(f"SELECT max({_PUBLISHED}) FROM articles"),
        "schema_version": int(one("SELECT value FROM meta WHERE key = 'schema_version'")),
    }


def actors(db: sqlite3.Connection, *, limit: int = 100) -> list[dict]:
    """Actor countries (codes) with how many events they take part in, on each side."""
    rows = db.execute(
        "SELECT ac.country, sum(ea.role = 'source'), sum(ea.role = 'target'), count(DISTINCT ea.event_id) "
        "FROM actors ac JOIN event_actors ea ON ea.actor_id = ac.id WHERE ac.country IS NOT NULL "
        "GROUP BY ac.country ORDER BY 4 DESC, 1 LIMIT ?", (limit,))
    return [{"code": r[0], "as_source": r[1], "as_target": r[2], "events": r[3]} for r in rows]


def actor(db: sqlite3.Connection, code: str) -> dict | None:
    """One actor code: its named members and sectors, partners and event counts by type."""
    code = code.upper()
    members = [dict(r) for r in db.execute(
        "SELECT ac.name, ac.sector, ac.wikidata, count(DISTINCT ea.event_id) AS events FROM actors ac "
        "JOIN event_actors ea ON ea.actor_id = ac.id WHERE ac.country = ? GROUP BY ac.id "
        "ORDER BY events DESC, ac.name LIMIT 100", (code,))]
    if not members:
        return None
    by_type = {r[0]: r[1] for r in db.execute(
        "SELECT e.type, count(DISTINCT e.id) FROM events e JOIN event_actors ea ON ea.event_id = e.id "
        "JOIN actors ac ON ac.id = ea.actor_id WHERE ac.country = ? GROUP BY e.type ORDER BY 2 DESC", (code,))}
    partners = [{"code": r[0], "events": r[1]} for r in db.execute(
        "SELECT CASE WHEN a = ? THEN b ELSE a END AS other, count(DISTINCT event_id) FROM event_dyads "
        "WHERE a = ? OR b = ? GROUP BY other ORDER BY 2 DESC, 1 LIMIT 20", (code, code, code))]
    return {"code": code, "members": members, "events_by_type": by_type, "partners": partners,
            "events": sum(by_type.values())}


def timeline(db: sqlite3.Connection, flt: EventFilter = EventFilter(), *, interval: str = "month") -> list[dict]:
    """Matching events per period (oldest first), counted by quad class."""
    where, args = flt.where()
    rows = db.execute(f"SELECT substr({_DAY}, 1, ?) AS period, e.quad_class, count(*) FROM events e{where} "
                      "GROUP BY period, e.quad_class ORDER BY period", [INTERVALS[interval], *args])
    periods: dict[str, dict] = {}
    for period, quad, n in rows:
        p = periods.setdefault(period, {"period": period, "events": 0,
                                        "by_quad_class": {"1": 0, "2": 0, "3": 0, "4": 0}})
        p["events"] += n
        p["by_quad_class"][str(quad)] = p["by_quad_class"].get(str(quad), 0) + n
    return list(periods.values())
