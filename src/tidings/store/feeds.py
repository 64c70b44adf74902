"""The state of ``tidings watch`` in the store (schema migration 5), written through the watcher's
one ``Store`` connection: per feed, the validators of its last answer, consecutive failures and
when it may be polled again; the entries already stored; the alerts sent or still to send.

Feed state is written after the articles of a poll are committed, never before: a process killed
in between polls the feed again with the old validators, finds its entries stored, and adds
nothing twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from tidings.store.database import select_in, store_error


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_at: str | None = None     # UTC, ISO 8601: not polled before this time
    checked_at: str | None = None
    status: str | None = None
    error: str | None = None
    articles: int = 0


def _write(db: sqlite3.Connection, path: str, statements: Iterable[tuple[str, tuple]]) -> None:
    """Run statements in one transaction; a database fault becomes a StoreError naming the file."""
    try:
        db.execute("BEGIN IMMEDIATE")
        for sql, args in statements:
            db.execute(sql, args)
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise store_error(exc, path) from None


def load_feeds(db: sqlite3.Connection, urls: Iterable[str]) -> dict[str, FeedState]:
    """The stored state of each feed (a fresh one for a feed never polled)."""
    states = {url: FeedState(url) for url in urls}
    for row in db.execute("SELECT url, etag, last_modified, failures, next_at, checked_at, status, error, articles "
                          "FROM feeds"):
        if row["url"] in states:
            states[row["url"]] = FeedState(*row)
    return states


def save_feed(db: sqlite3.Connection, path: str, state: FeedState, *, title: str | None = None,
              changed: bool = False, added: int = 0) -> None:
    _write(db, path, [(
        "INSERT INTO feeds(url, title, etag, last_modified, checked_at, changed_at, status, failures, next_at, "
        "error, articles) VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN ?5 END, ?7, ?8, ?9, ?10, ?11) "
        "ON CONFLICT(url) DO UPDATE SET title = coalesce(?2, title), etag = ?3, last_modified = ?4, "
        "checked_at = ?5, changed_at = CASE WHEN ?6 THEN ?5 ELSE changed_at END, status = ?7, failures = ?8, "
        "next_at = ?9, error = ?10, articles = articles + ?11",
        (state.url, title, state.etag, state.last_modified, state.checked_at, int(changed), state.status,
         state.failures, state.next_at, state.error, added))])


def seen_items(db: sqlite3.Connection, url: str, keys: Iterable[str]) -> set[str]:
    """Which of these entry keys of the feed are already stored."""
    return select_in(db, "SELECT item FROM feed_items WHERE feed_url = ? AND item IN ({marks})", keys, before=[url])


def record_items(db: sqlite3.Connection, path: str, items: Iterable[tuple[str, str, str | None]], *,
                 at: str) -> None:
    """Entries stored: (feed url, entry key, article id or None when the entry had no article)."""
    items = list(items)
    if not items:
        return
    statements: list[tuple[str, tuple]] = []
    for url in dict.fromkeys(url for url, _, _ in items):
        statements.append(("INSERT OR IGNORE INTO feeds(url) VALUES (?)", (url,)))
    statements += [("INSERT OR IGNORE INTO feed_items(feed_url, item, article_id, seen_at) VALUES (?, ?, ?, ?)",
                    (url, key, article_id, at)) for url, key, article_id in items]
    _write(db, path, statements)


# -- alerts ------------------------------------------------------------------------------------

def alerted(db: sqlite3.Connection, rule: str, event_ids: Iterable[str]) -> set[str]:
    """Events already alerted (sent, printed or pending) for this rule."""
    return select_in(db, "SELECT event_id FROM alerts WHERE rule = ? AND event_id IN ({marks})", event_ids,
                     before=[rule])


def add_alerts(db: sqlite3.Connection, path: str, rows: Iterable[tuple[str, str, str | None, str]], *,
               at: str) -> None:
    """New alerts: (rule, event id, webhook or None, status 'pending' or 'printed')."""
    rows = list(rows)
    if rows:
        _write(db, path, [("INSERT OR IGNORE INTO alerts(rule, event_id, webhook, status, at) VALUES (?, ?, ?, ?, ?)",
                           (rule, event_id, webhook, status, at)) for rule, event_id, webhook, status in rows])


def settle_alerts(db: sqlite3.Connection, path: str, rows: Iterable[tuple[str, str, str, int, str | None]], *,
                  at: str) -> None:
    """Delivery outcomes: (rule, event id, 'sent' or 'failed', attempts, error)."""
    rows = list(rows)
    if rows:
        _write(db, path, [("UPDATE alerts SET status = ?, attempts = ?, error = ?, at = ? "
                           "WHERE rule = ? AND event_id = ?", (status, attempts, error, at, rule, event_id))
                          for rule, event_id, status, attempts, error in rows])


def pending_alerts(db: sqlite3.Connection, webhook: str) -> list[tuple[str, str]]:
    """(rule, event id) of alerts for this webhook not delivered yet, oldest first: a restart
    sends them."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT rule, event_id FROM alerts WHERE status = 'pending' AND webhook = ? ORDER BY at, rowid", (webhook,))]
