"""Opening a database: ``connect`` (the writer's connection, or a plain read-only one),
``open_read`` (what the CLI, the API and the watcher use to read: an existing Tidings database at
the current schema) and ``store_error`` (what SQLite says, as a StoreError naming the file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from tidings.errors import StoreError
from tidings.store.schema import SCHEMA_VERSION, migrate, schema_version


def store_error(exc: sqlite3.Error, path: str) -> StoreError:
    """A clear message for what SQLite says, naming the database."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: database is locked by another process; try again when it is done",
                          code="E602")
    if "full" in text:
        return StoreError(f"{path}: database or disk is full; nothing after the last committed batch "
                          "was written", code="E603")
    if "not a database" in text or "malformed" in text:
        return StoreError(f"{path}: not a Tidings database or damaged ({text})", code="E604")
    if "readonly" in text or "unable to open" in text:
        return StoreError(f"{path}: cannot be opened for writing ({text})", code="E601")
    return StoreError(f"{path}: database error ({text})", code="E605")


def select_in(db: sqlite3.Connection, sql: str, values: Iterable[object], *, before: Sequence[object] = (),
              after: Sequence[object] = ()) -> set:
    """The first column of ``sql`` over ``values``, whose ``{marks}`` stands for the IN list: run in
    chunks of 500, under SQLite's limit on bound parameters. ``before``/``after`` bind the
    parameters the query has before and after the list."""
    values = list(dict.fromkeys(values))
    found: set = set()
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        query = sql.format(marks=",".join("?" * len(chunk)))
        found.update(row[0] for row in db.execute(query, [*before, *chunk, *after]))
    return found


def connect(path: str | Path, *, timeout: float = 30.0, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode with rows as ``sqlite3.Row``. Writable connections use WAL
    and bring the schema to the current version; read-only ones change nothing."""
    name = str(path)
    try:
        if readonly:
            if name != ":memory:" and not Path(name).exists():
                raise StoreError(f"{name}: no such database", code="E601")
            uri = f"file:{Path(name).resolve()}?mode=ro" if name != ":memory:" else name
            db = sqlite3.connect(uri, uri=name != ":memory:", timeout=timeout, isolation_level=None,
                                 check_same_thread=False)
        else:
            db = sqlite3.connect(name, timeout=timeout, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.row_factory = sqlite3.Row
        if not readonly:
            migrate(db)
        return db
    except sqlite3.Error as exc:
        raise store_error(exc, name) from None


def _version(db: sqlite3.Connection, path: str) -> int:
    try:
        return schema_version(db)
    except sqlite3.Error as exc:
        db.close()
        raise store_error(exc, path) from None


def open_read(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing Tidings database. A database written by an older
    Tidings is upgraded first (migrations only add), which needs write access to the file once."""
    name = str(path)
    if not Path(name).is_file():
        raise StoreError(f"{name}: no such database (create it with tidings ingest or tidings watch)",
                         code="E601")
    db = connect(name, readonly=True)
    version = _version(db, name)
    if version == 0:
        db.close()
        raise StoreError(f"{name}: not a Tidings database (no schema version); create one with tidings ingest",
                         code="E604")
    if version < SCHEMA_VERSION:
        db.close()
        try:
            connect(name).close()
        except StoreError as exc:
            raise StoreError(f"{name}: written by an older Tidings (schema {version}, this one reads "
                             f"{SCHEMA_VERSION}) and cannot be upgraded here: {exc.message}", code="E606") from None
        db = connect(name, readonly=True)
    return db


__all__ = ["connect", "open_read", "store_error"]
