"""The embedded event store (SQLite, WAL): schema and migrations, the one writer, readers, exports."""

from tidings.store.schema import SCHEMA_VERSION
from tidings.store.writer import Store, WriteCounts, connect

__all__ = ["SCHEMA_VERSION", "Store", "WriteCounts", "connect"]
