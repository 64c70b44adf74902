"""Looking at a database after a fault: integrity, duplicates, and its content without the
timestamps of when things were written."""

from __future__ import annotations

import sqlite3

SNAPSHOT = {
    "articles": "SELECT id, story, url, title, source, publisher, language, published, text, "
                "coder_version IS NOT NULL FROM articles",
    "copies": "SELECT * FROM copies",
    "events": "SELECT * FROM events",
    "mentions": "SELECT id, event_id, article_id, sentence, start, end, trigger_start, trigger_end, "
                "evidence, confidence, record FROM mentions",
    "actors": "SELECT * FROM actors",
    "event_actors": "SELECT * FROM event_actors",
    "event_dyads": "SELECT * FROM event_dyads",
    "errors": "SELECT article_id, input, stage, code, message FROM errors",
}


def snapshot(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every table's content, sorted, without write timestamps."""
    return {name: sorted(tuple(row) for row in db.execute(sql)) for name, sql in SNAPSHOT.items()}


def open_ro(path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def problems(db: sqlite3.Connection) -> list[str]:
    """What is wrong with a database a crash may have left: empty when nothing is."""
    found = []
    check = db.execute("PRAGMA integrity_check").fetchone()[0]
    if check != "ok":
        found.append(f"integrity_check: {check}")
    dup_mentions = db.execute(
        "SELECT article_id, sentence, start, trigger_start, json_extract(record, '$.type'), count(*) FROM mentions "
        "GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1").fetchall()
    if dup_mentions:
        found.append(f"duplicate mentions: {dup_mentions[:3]}")
    dup_events = db.execute(
        "SELECT dedup_key, date, place_country, lat, lon, first_seen, count(*) FROM events "
        "GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1").fetchall()
    if dup_events:
        found.append(f"duplicate events: {dup_events[:3]}")
    stale = db.execute("SELECT count(*) FROM (SELECT event_id, a, b, direction FROM event_dyads EXCEPT "
                       "SELECT event_id, a, b, direction FROM dyad_rule)").fetchone()[0]
    missing = db.execute("SELECT count(*) FROM (SELECT event_id, a, b, direction FROM dyad_rule EXCEPT "
                         "SELECT event_id, a, b, direction FROM event_dyads)").fetchone()[0]
    if stale or missing:
        found.append(f"event_dyads out of step with dyad_rule: {stale} stale rows, {missing} missing")
    orphans = db.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                         "(SELECT 1 FROM mentions m WHERE m.event_id = e.id)").fetchone()[0]
    if orphans:
        found.append(f"{orphans} events without mentions")
    return found


def count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed table names
