"""Inputs -> articles: ``iter_articles`` reads files, folders, stdin and URLs of every kind."""

from tidings.ingest.readers import read_path
from tidings.ingest.sources import iter_articles

__all__ = ["iter_articles", "read_path"]
