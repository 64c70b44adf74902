"""The one writer: coded articles in, deduplicated events out, one transaction per batch.

    with Store.open("events.db") as store:
        counts = store.write([(article, events_or_error), ...], input="news.jsonl")

An article, its copies, its mentions and the events they feed go in together or not at all, so a
process killed at any moment leaves the database as it was after the last committed batch; the
next ingest skips what is stored and codes the rest. Re-writing a stored article changes nothing
unless ``replace=True`` (``--recode``), which swaps its mentions atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import TidingsError
from tidings.store import dedup
from tidings.store.database import connect, select_in, store_error
from tidings.store.schema import SCHEMA_VERSION
from tidings.types import Actor, Article, Event

Result = list[Event] | TidingsError  # None in a write: not coded here, record the sighting only


@dataclass(slots=True)
class WriteCounts:
    added: int = 0       # articles coded and stored
    replaced: int = 0    # stored articles re-coded
    skipped: int = 0     # already stored (a new copy of one counts here too)
    failed: int = 0      # articles or inputs that became error rows
    mentions: int = 0
    new_events: int = 0
    error_messages: list[str] = field(default_factory=list)

    def __iadd__(self, other: "WriteCounts") -> "WriteCounts":
        for name in ("added", "replaced", "skipped", "failed", "mentions", "new_events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.error_messages += other.error_messages
        return self


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """Owns one write connection. Not shared between threads or processes."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path
        self.version: str | None = None  # the coder version of the events written so far

    @classmethod
    def open(cls, path: str | Path, *, timeout: float = 30.0) -> "Store":
        return cls(connect(path, timeout=timeout), str(path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading what the writer needs ------------------------------------------------------

    def coded(self, ids: Iterable[str], *, version: str | None = None) -> set[str]:
        """Which of these article ids are stored and coded (by ``version``, when given)."""
        sql = "SELECT id FROM articles WHERE id IN ({marks}) AND coder_version IS NOT NULL"
        if version is None:
            return select_in(self.db, sql, ids)
        return select_in(self.db, sql + " AND coder_version = ?", ids, after=[version])

    def stored_articles(self, *, not_version: str | None = None) -> Iterator[Article]:
        """Stored articles (those not coded by ``not_version``), oldest first, for re-coding."""
        sql = "SELECT id, text, published, title, url, source, publisher, language FROM articles"
        args: tuple = ()
        if not_version is not None:
            sql += " WHERE coder_version IS NULL OR coder_version != ?"
            args = (not_version,)
        for row in self.db.execute(sql + " ORDER BY rowid", args).fetchall():
            published = dt.date.fromisoformat(row["published"]) if row["published"] else None
            yield Article(row["id"], row["text"], published, row["title"], row["url"], row["source"],
                          row["publisher"], row["language"])

    # -- writing ----------------------------------------------------------------------------

    def write(self, items: Iterable[tuple[Article, Result | None]], *, replace: bool = False,
              input: str | None = None) -> WriteCounts:
        """Store coded articles in one transaction; a database fault rolls the whole batch back."""
        counts = WriteCounts()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for article, result in items:
                self._write_one(article, result, replace=replace, input=input, counts=counts)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise store_error(exc, self.path) from None
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        return counts

    def fill_versions(self) -> int:
        """Articles coded into no event before any event showed the coder's version get it now."""
        if not self.version:
            return 0
        try:
            with self.db:
                cur = self.db.execute("UPDATE articles SET coder_version = ? WHERE coder_version = ''",
                                      (self.version,))
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from None
        return cur.rowcount

    def write_input_errors(self, errors: Iterable[TidingsError], *, stage: str = "read") -> int:
        """Record inputs that never became articles (unreadable files, broken JSON lines)."""
        errors = list(errors)
        if not errors:
            return 0
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                for exc in errors:
                    where = exc.message.split(": ", 1)[0] if ": " in exc.message else None
                    self._error(None, where, stage, exc)
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from None
        return len(errors)

    def _error(self, article_id: str | None, where: str | None, stage: str, exc: TidingsError) -> None:
        self.db.execute("INSERT OR IGNORE INTO errors(article_id, input, stage, code, message, at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", (article_id, where, stage, exc.code, exc.message, _now()))

    def _write_one(self, article: Article, result: Result | None, *, replace: bool, input: str | None,
                   counts: WriteCounts) -> None:
        row = self.db.execute("SELECT coder_version FROM articles WHERE id = ?", (article.id,)).fetchone()
        copy_added = row is not None and self._copy(article)
        if result is None or (row is not None and row["coder_version"] is not None and not replace):
            counts.skipped += 1
            if copy_added:
                self._refresh_counts(self._event_ids(article.id))
            return
        if isinstance(result, TidingsError):
            if row is None:
                self._insert_article(article, coded=False)
            self._error(article.id, input, "code", result)
            counts.failed += 1
            counts.error_messages.append(str(result))  # "E5xx message": the code stays with it
            return
        old_events: set[str] = set()
        if result:
            self.version = result[0].coder_version
        if row is None:
            self._insert_article(article, coded=True, version=self.version)
            counts.added += 1
        else:
            old_events = self._event_ids(article.id)
            self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
            self.db.execute("UPDATE articles SET coder_version = ?, coded_at = ? WHERE id = ?",
                            (self.version or "", _now(), article.id))
            if row["coder_version"] is None:
                counts.added += 1
            else:
                counts.replaced += 1
        self.db.execute("DELETE FROM errors WHERE article_id = ?", (article.id,))
        touched = set(old_events)
        for event in result:
            event_id, new = self._match(event, article)
            counts.new_events += new
            self._mention(event_id, event)
            counts.mentions += 1
            touched.add(event_id)
        if old_events:
            self._rebuild(old_events)
        self._refresh_counts(touched)

    def _insert_article(self, article: Article, *, coded: bool, version: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO articles(id, story, url, title, source, publisher, language, published, text, "
            "coder_version, coded_at, ingested_at, date_status, date_warning) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, dedup.story_id(article.text), article.url, article.title, article.source,
             article.publisher, article.language,
             article.date.isoformat() if article.date else None, article.text,
             (version or "") if coded else None, _now() if coded else None, _now(),
             date_status(article), article.date_warning))
        self._copy(article)  # its first sighting

    def _copy(self, article: Article) -> bool:
        """Record this sighting of a stored article; True when it is a new one (a syndicated copy)."""
        source = article.publisher or article.source or ""
        cur = self.db.execute("INSERT OR IGNORE INTO copies(article_id, source, url, published) VALUES (?, ?, ?, ?)",
                              (article.id, source, article.url or "",
                               article.date.isoformat() if article.date else None))
        return cur.rowcount > 0

    def _event_ids(self, article_id: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?",
                                              (article_id,))}

    def _match(self, event: Event, article: Article) -> tuple[str, int]:
        """The stored event this mention reports, or a new one: (event id, 1 if new)."""
        key = dedup.dedup_key(event)
        anchor = dedup.anchor_of(event, article.date.isoformat() if article.date else None)
        best: tuple[float, str] | None = None
        for row in self.db.execute("SELECT id, date, date_precision, place_country, lat, lon, place_precision, "
                                   "first_seen FROM events WHERE dedup_key = ?", (key,)):
            other = dedup.Anchor(row["date"], row["date_precision"], row["place_country"], row["lat"],
                                 row["lon"], row["place_precision"], row["first_seen"])
            if dedup.matches(anchor, other):
                gap = dedup.distance(anchor, other)
                if best is None or gap < best[0]:
                    best = (gap, row["id"])
        if best is not None:
            self._merge(best[1], event)
            return best[1], 0
        event_id = dedup.event_id(key, anchor)
        if self.db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
            event_id = dedup.event_id(key, anchor, salt=event.id)
        self._insert_event(event_id, key, event, anchor)
        return event_id, 1

    def _insert_event(self, event_id: str, key: str, event: Event, anchor: dedup.Anchor) -> None:
        src = event.source[0] if event.source else None
        tgt = event.target[0] if event.target else None
        place = event.location
        record = event.to_dict()
        record["id"] = event_id
        self.db.execute(
            "INSERT INTO events(id, dedup_key, type, mode, cameo, cameo_name, quad_class, goldstein, plover_score, "
            "status, source_country, source_sector, source_name, target_country, target_sector, target_name, "
            "date, date_precision, place_name, place_country, place_admin1, place_precision, lat, lon, geonameid, "
            "fatalities, injured, confidence, first_seen, last_seen, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, key, event.type, event.mode, event.cameo, event.cameo_name, event.quad_class,
             event.goldstein, event.plover_score, event.status,
             src.country if src else None, src.sector if src else None, _actor_name(src),
             tgt.country if tgt else None, tgt.sector if tgt else None, _actor_name(tgt),
             anchor.date, anchor.precision, place.name if place else None, anchor.country,
             place.admin1 if place else None, anchor.place_precision, anchor.lat, anchor.lon,
             place.geonameid if place else None,
             event.fatalities.value if event.fatalities else None,
             event.injured.value if event.injured else None, event.confidence, anchor.seen, anchor.seen,
             _json(record)))
        self._link_actors(event_id, event.source, event.target)

    def _merge(self, event_id: str, event: Event) -> None:
        """A further mention: keep the highest confidence and casualty figures, add its actors."""
        self.db.execute(
            "UPDATE events SET confidence = max(confidence, ?), "
            "fatalities = CASE WHEN ? IS NULL THEN fatalities ELSE max(coalesce(fatalities, 0), ?) END, "
            "injured = CASE WHEN ? IS NULL THEN injured ELSE max(coalesce(injured, 0), ?) END WHERE id = ?",
            (event.confidence, *(2 * [event.fatalities.value if event.fatalities else None]),
             *(2 * [event.injured.value if event.injured else None]), event_id))
        self._link_actors(event_id, event.source, event.target)

    def _link_actors(self, event_id: str, source: tuple[Actor, ...], target: tuple[Actor, ...]) -> None:
        for role, actors in (("source", source), ("target", target)):
            for actor in actors:
                actor_id = _actor_id(actor)
                self.db.execute("INSERT OR IGNORE INTO actors(id, country, sector, name, wikidata) "
                                "VALUES (?, ?, ?, ?, ?)",
                                (actor_id, actor.country, actor.sector, _actor_name(actor), actor.wikidata))
                self.db.execute("INSERT OR IGNORE INTO event_actors(event_id, actor_id, role) VALUES (?, ?, ?)",
                                (event_id, actor_id, role))

    def _mention(self, event_id: str, event: Event) -> None:
        ev = event.evidence
        self.db.execute(
            "INSERT OR REPLACE INTO mentions(id, event_id, article_id, sentence, start, end, trigger_start, "
            "trigger_end, evidence, confidence, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event_id, event.article_id, ev.sentence, ev.start, ev.end, ev.trigger_start,
             ev.trigger_end, ev.text, event.confidence, _json(_without_evidence_text(event.to_dict()))))

    def _rebuild(self, event_ids: set[str]) -> None:
        """After mentions were removed: drop events left with none; re-derive the others from
        their earliest remaining mention."""
        for event_id in event_ids:
            rows = self.db.execute("SELECT record, evidence FROM mentions WHERE event_id = ? ORDER BY rowid",
                                   (event_id,)).fetchall()
            self.db.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
            if not rows:
                self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))
                continue
            records = [mention_record(r["record"], r["evidence"]) for r in rows]
            first = dict(records[0], id=event_id)
            self.db.execute("UPDATE events SET confidence = ?, fatalities = ?, injured = ?, record = ? WHERE id = ?",
                            (max(rec["confidence"] for rec in records), _max_count(records, "fatalities"),
                             _max_count(records, "injured"), _json(first), event_id))
            for rec in records:
                self._link_actors(event_id, _actors(rec["source"]), _actors(rec["target"]))

    def _refresh_counts(self, event_ids: Iterable[str]) -> None:
        for event_id in event_ids:
            self.db.execute(_COUNTS, (event_id,) * 6)


def date_status(article: Article) -> str:
    """'unreadable' when the input stated a publication date that could not be read, else
    'given' or 'none' (schema migration 3)."""
    if article.date_warning:
        return "unreadable"
    return "given" if article.date else "none"


def _actor_name(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.name or (None if actor.country else actor.text)


def _actor_id(actor: Actor) -> str:
    raw = "|".join((actor.country or "", actor.sector or "", _actor_name(actor) or ""))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _without_evidence_text(record: dict) -> dict:
    """A mention's record without its sentence, which the evidence column already holds."""
    record["evidence"] = {k: v for k, v in record["evidence"].items() if k != "text"}
    return record


def mention_record(record: str, evidence: str) -> dict:
    """A stored mention as the event schema's record."""
    data = json.loads(record)
    data["evidence"] = {**data["evidence"], "text": evidence}
    return data


def _max_count(records: list[dict], name: str) -> int | None:
    values = [rec[name]["value"] for rec in records if rec.get(name)]
    return max(values) if values else None


def _actors(items: list[dict]) -> tuple[Actor, ...]:
    return tuple(Actor(**item) for item in items)


_SIGHTINGS = ("FROM mentions m JOIN articles a ON a.id = m.article_id JOIN copies c ON c.article_id = m.article_id "
              "WHERE m.event_id = ?")
_COUNTS = f"""
UPDATE events SET
    num_mentions = (SELECT count(DISTINCT a.story || '|' || m.sentence || '|' || m.start || '|' || c.source) {_SIGHTINGS}),
    num_articles = (SELECT count(DISTINCT a.story || '|' || c.source) {_SIGHTINGS}),
    num_sources  = (SELECT count(DISTINCT c.source) {_SIGHTINGS}),
    first_seen   = (SELECT min(coalesce(c.published, a.published, substr(a.ingested_at, 1, 10))) {_SIGHTINGS}),
    last_seen    = (SELECT max(coalesce(c.published, a.published, substr(a.ingested_at, 1, 10))) {_SIGHTINGS})
WHERE id = ?
"""

__all__ = ["Store", "WriteCounts", "connect", "store_error", "SCHEMA_VERSION"]
