"""Wire datelines: the pattern and ``parse_text`` live in ``tidings.dateline``, below every stage
and the store (which needs the pattern for story ids). Re-exported here for the modules that
still import them from ingest."""

from tidings.dateline import DATELINE, parse_text

__all__ = ["DATELINE", "parse_text"]
