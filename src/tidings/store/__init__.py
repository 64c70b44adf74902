"""The embedded event store (SQLite, WAL): schema and migrations, the one writer, readers, exports."""

from tidings.store.database import connect, open_read
from tidings.store.schema import SCHEMA_VERSION
from tidings.store.writer import Store, WriteCounts

__all__ = ["SCHEMA_VERSION", "Store", "WriteCounts", "connect", "open_read"]
