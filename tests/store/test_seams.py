"""Seams between the packages: the store reads no input code, and the commands and the API open a
database for reading through one function (the watcher writes, through the writer's connection)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "tidings"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_store_imports_nothing_from_ingest():
    for path in sorted((SRC / "store").glob("*.py")):
        assert not {m for m in _imports(path) if m.startswith("tidings.ingest")}, path.name


def test_the_python_entry_points_are_not_in_the_http_package():
    import tidings
    import tidings.api

    assert tidings.code.__module__ == tidings.load.__module__ == "tidings.entry"
    assert not hasattr(tidings.api, "code") and not hasattr(tidings.api, "load")


@pytest.mark.parametrize("module", ["cli/store.py", "api/app.py", "api/routes.py"])
def test_reading_a_database_goes_through_open_read(module):
    source = (SRC / module).read_text(encoding="utf-8")
    assert "readonly=True" not in source  # no second way of opening a database for reading
    assert "schema_version(" not in source


def test_open_read_refuses_what_is_not_a_tidings_database(tmp_path):
    import sqlite3

    from tidings.errors import StoreError
    from tidings.store import open_read

    with pytest.raises(StoreError) as err:
        open_read(tmp_path / "missing.db")
    assert err.value.code == "E601"
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError) as err:
        open_read(other)
    assert err.value.code == "E604" and "not a Tidings database" in err.value.message


def test_open_read_upgrades_an_older_database_and_says_when_it_cannot(tmp_path, monkeypatch):
    import sqlite3

    from tidings.errors import StoreError
    from tidings.store import SCHEMA_VERSION, database, open_read
    from tidings.store.schema import MIGRATIONS, schema_version

    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path)
    raw.executescript(MIGRATIONS[1]() + "\nINSERT INTO meta(key, value) VALUES ('schema_version', '1');")
    raw.close()
    connect = database.connect

    def read_only_file(name, *, readonly=False, **kw):  # as on a read-only mount
        if not readonly:
            raise StoreError(f"{name}: cannot be opened for writing (attempt to write a readonly database)",
                             code="E601")
        return connect(name, readonly=True, **kw)

    with monkeypatch.context() as patch:
        patch.setattr(database, "connect", read_only_file)
        with pytest.raises(StoreError) as err:
            open_read(path)
    assert err.value.code == "E606" and "older Tidings (schema 1" in err.value.message
    db = open_read(path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM event_dyads").fetchone()[0] == 0
