"""The embedded database: SQLite in WAL mode, one file readable by any SQLite tool.

Tables
    meta          key/value: schema_version, created
    articles      one row per distinct article (content-hash id), its text and the coder version,
                  and whether its publication date was read (date_status, date_warning)
    copies        every sighting of an article (source, url): syndicated copies of one text
    events        deduplicated events; counts are derived from their mentions
    mentions      event x article x sentence, with evidence offsets and the coded record (JSON)
    actors        distinct actors (country, sector, name) seen in events
    event_actors  which actors an event has, as source or target
    errors        inputs or articles that failed, with the stage and message
    articles_fts  FTS5 over article title and text   (named as sqlite-utils and Datasette expect)
    mentions_fts  FTS5 over evidence sentences
    dyad_rule     (view) the one definition of a dyad: which pairs of actor codes each event belongs to
    event_dyads   the rule's rows, indexed by pair, kept current by triggers on event_actors
    feeds         per-feed state of ``tidings watch``: validators, backoff, last error
    feed_items    feed entries already stored, so a restart does not fetch their pages again
    alerts        events posted (or to post) to a webhook, once per alert rule

Migrations are small functions keyed by the version they produce; ``migrate`` runs the missing
ones in order inside one transaction each and records the version in ``meta``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATIONS: dict[int, Callable[[], str]] = {}


def migration(version: int):
    """Register a function returning the SQL script that takes the schema to ``version``."""
    def register(fn: Callable[[], str]):
        MIGRATIONS[version] = fn
        return fn
    return register


@migration(1)
def _initial() -> str:
    return """
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE articles (
        id            TEXT PRIMARY KEY,
        story         TEXT NOT NULL,
        url           TEXT,
        title         TEXT,
        source        TEXT,
        publisher     TEXT,
        language      TEXT,
        published     TEXT,
        text          TEXT NOT NULL,
        coder_version TEXT,
        coded_at      TEXT,
        ingested_at   TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE copies (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source     TEXT NOT NULL DEFAULT '',
        url        TEXT NOT NULL DEFAULT '',
        published  TEXT,
        PRIMARY KEY (article_id, source, url)
    );

    CREATE TABLE events (
        id             TEXT PRIMARY KEY,
        dedup_key      TEXT NOT NULL,
        type           TEXT NOT NULL,
        mode           TEXT,
        cameo          TEXT NOT NULL,
        cameo_name     TEXT,
        quad_class     INTEGER NOT NULL,
        goldstein      REAL NOT NULL,
        plover_score   REAL,
        status         TEXT NOT NULL,
        source_country TEXT,
        source_sector  TEXT,
        source_name    TEXT,
        target_country TEXT,
        target_sector  TEXT,
        target_name    TEXT,
        date           TEXT,
        date_precision TEXT,
        place_name     TEXT,
        place_country  TEXT,
        place_admin1   TEXT,
        place_precision TEXT,
        lat            REAL,
        lon            REAL,
        geonameid      INTEGER,
        fatalities     INTEGER,
        injured        INTEGER,
        confidence     REAL NOT NULL,
        num_mentions   INTEGER NOT NULL DEFAULT 0,
        num_articles   INTEGER NOT NULL DEFAULT 0,
        num_sources    INTEGER NOT NULL DEFAULT 0,
        first_seen     TEXT,
        last_seen      TEXT,
        record         TEXT NOT NULL
    );
    CREATE INDEX events_key ON events(dedup_key);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_dyad ON events(source_country, target_country);

    CREATE TABLE mentions (
        id            TEXT PRIMARY KEY,
        event_id      TEXT NOT NULL REFERENCES events(id),
        article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence      INTEGER NOT NULL,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL,
        trigger_start INTEGER,
        trigger_end   INTEGER,
        evidence      TEXT NOT NULL,
        confidence    REAL NOT NULL,
        record        TEXT NOT NULL
    );
    CREATE INDEX mentions_event ON mentions(event_id);
    CREATE INDEX mentions_article ON mentions(article_id);

    CREATE TABLE actors (
        id       TEXT PRIMARY KEY,
        country  TEXT,
        sector   TEXT,
        name     TEXT,
        wikidata TEXT
    );
    CREATE INDEX actors_country ON actors(country);

    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL REFERENCES actors(id),
        role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
        PRIMARY KEY (event_id, actor_id, role)
    );
    CREATE INDEX event_actors_actor ON event_actors(actor_id);

    CREATE TABLE errors (
        id         INTEGER PRIMARY KEY,
        article_id TEXT,
        input      TEXT,
        stage      TEXT NOT NULL,
        code       TEXT NOT NULL,
        message    TEXT NOT NULL,
        at         TEXT NOT NULL
    );
    -- one row per failure however often it is retried (NULLs would not collide in a plain UNIQUE)
    CREATE UNIQUE INDEX errors_once ON errors(coalesce(article_id, ''), coalesce(input, ''), stage, code, message);

    CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE VIRTUAL TABLE mention_fts USING fts5(evidence, content='mentions', content_rowid='rowid');
    CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
        INSERT INTO mention_fts(rowid, evidence) VALUES (new.rowid, new.evidence);
    END;
    CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
        INSERT INTO mention_fts(mention_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence);
    END;
    """


@migration(2)
def _event_day_index() -> str:
    # Events are listed newest first by the day their date starts (partial dates start their
    # period; undated events take the day first seen): an index on that expression turns a sort
    # of the whole table into a walk of its first rows. read.py orders by the same expression.
    return """
    CREATE INDEX events_day ON events(substr(coalesce(date, first_seen) || '-01-01', 1, 10), id);
    """


@migration(3)
def _date_status() -> str:
    # Whether an article's publication date was read: 'given' (by the input, or by --date),
    # 'none' (the input states none) or 'unreadable' (it states one that could not be read; the
    # article was coded without it, or with --date's, and date_warning holds the W112 line).
    return """
    ALTER TABLE articles ADD COLUMN date_status TEXT;
    ALTER TABLE articles ADD COLUMN date_warning TEXT;
    UPDATE articles SET date_status = CASE WHEN published IS NULL THEN 'none' ELSE 'given' END;
    """


@migration(4)
def _fts_names() -> str:
    # Datasette finds a table's full-text index by the name <table>_fts or by content=[table]
    # (datasette.utils.detect_fts), the layout sqlite-utils' enable_fts creates: with both,
    # ``datasette events.db`` offers search on articles and mentions without configuration. The
    # indexes are rebuilt from their content tables, so nothing indexed is lost.
    return """
    DROP TRIGGER articles_ai;
    DROP TRIGGER articles_ad;
    DROP TRIGGER mentions_ai;
    DROP TRIGGER mentions_ad;
    DROP TABLE article_fts;
    DROP TABLE mention_fts;

    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content=[articles], content_rowid=[rowid]);
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE VIRTUAL TABLE mentions_fts USING fts5(evidence, content=[mentions], content_rowid=[rowid]);
    INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');
    CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
        INSERT INTO mentions_fts(rowid, evidence) VALUES (new.rowid, new.evidence);
    END;
    CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
        INSERT INTO mentions_fts(mentions_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence);
    END;
    """


@migration(5)
def _event_dyads() -> str:
    # One definition of a dyad, read by top dyads, the dyad page and endpoint, query, exports and
    # the dashboard. The view dyad_rule states it: an event belongs to the pair {A, B} (A < B, two
    # different actor codes) as
    #   'a->b' / 'b->a'  A is among its sources and B among its targets, or the other way round;
    #   'joint'          it has no target and A and B are both among its sources: PLOVER codes a
    #                    reciprocal event ("the two leaders signed") with all parties as source
    #                    (PLOVER manual, "Compound and Reciprocal Actors").
    # An event can be both a->b and b->a; readers count it once per pair. The table event_dyads
    # holds the rule's rows, indexed by pair, kept current by triggers on event_actors (an event's
    # rows are recomputed from the rule whenever its actors change), so reading a dyad is an
    # index lookup rather than a self-join of every event's actors. The rule is one SELECT, not a
    # UNION, so that SQLite reads it for one event through the event_actors key (a compound view
    # would be scanned whole on every insert).
    return """
    CREATE VIEW dyad_rule AS
    SELECT s.event_id AS event_id, min(sa.country, xa.country) AS a, max(sa.country, xa.country) AS b,
           CASE WHEN x.role = 'source' THEN 'joint' WHEN sa.country < xa.country THEN 'a->b' ELSE 'b->a' END AS direction
      FROM event_actors s JOIN actors sa ON sa.id = s.actor_id
      JOIN event_actors x ON x.event_id = s.event_id
      JOIN actors xa ON xa.id = x.actor_id
     WHERE s.role = 'source' AND sa.country IS NOT NULL AND xa.country IS NOT NULL AND sa.country != xa.country
       AND (x.role = 'target' OR (sa.country < xa.country AND NOT EXISTS (
            SELECT 1 FROM event_actors t WHERE t.event_id = s.event_id AND t.role = 'target')));

    CREATE TABLE event_dyads (
        event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        a         TEXT NOT NULL,
        b         TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('a->b', 'b->a', 'joint')),
        PRIMARY KEY (a, b, event_id, direction)
    ) WITHOUT ROWID;
    CREATE INDEX event_dyads_event ON event_dyads(event_id);
    INSERT OR IGNORE INTO event_dyads(event_id, a, b, direction) SELECT event_id, a, b, direction FROM dyad_rule;

    CREATE TRIGGER event_actors_dyads_ai AFTER INSERT ON event_actors BEGIN
        DELETE FROM event_dyads WHERE event_id = new.event_id;
        INSERT OR IGNORE INTO event_dyads(event_id, a, b, direction)
            SELECT event_id, a, b, direction FROM dyad_rule WHERE event_id = new.event_id;
    END;
    CREATE TRIGGER event_actors_dyads_ad AFTER DELETE ON event_actors BEGIN
        DELETE FROM event_dyads WHERE event_id = old.event_id;
        INSERT OR IGNORE INTO event_dyads(event_id, a, b, direction)
            SELECT event_id, a, b, direction FROM dyad_rule WHERE event_id = old.event_id;
    END;
    """


@migration(6)
def _watch_state() -> str:
    # tidings watch keeps its state here, so a restart resumes: each feed's HTTP validators
    # (ETag, Last-Modified) for conditional requests, its consecutive failures and when it may be
    # polled again (backoff), the entries already stored, and the alerts sent or still to send.
    return """
    CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        checked_at    TEXT,
        changed_at    TEXT,
        status        TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_at       TEXT,
        error         TEXT,
        articles      INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_items (
        feed_url   TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
        item       TEXT NOT NULL,
        article_id TEXT,
        seen_at    TEXT NOT NULL,
        PRIMARY KEY (feed_url, item)
    );
    CREATE TABLE alerts (
        rule     TEXT NOT NULL,
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        webhook  TEXT,
        status   TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'printed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        at       TEXT NOT NULL,
        error    TEXT,
        PRIMARY KEY (rule, event_id)
    );
    """


SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not exists:
        return 0
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite3.Connection) -> int:
    """Bring the database to SCHEMA_VERSION, one transaction per step; returns the version it
    had before. ``db`` must be in autocommit mode (isolation_level=None)."""
    before = schema_version(db)
    for version in sorted(v for v in MIGRATIONS if v > before):
        script = (f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]()}\n"
                  f"INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '{version}');\n"
                  "INSERT OR IGNORE INTO meta(key, value) VALUES ('created', datetime('now'));\nCOMMIT;")
        try:
            db.executescript(script)
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if schema_version(db) >= version:  # another process migrated meanwhile
                continue
            raise
    return before
