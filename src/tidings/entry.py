"""The Python entry points: ``tidings.code(text, date=...)`` and ``tidings.load()``.

They live apart from the HTTP package (``tidings.api``) so ``import tidings`` stays cheap: the
readers, the pipeline and everything they import are loaded when ``code`` or ``load`` is called.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from tidings.types import Article, Event


@cache
def load():
    """The default pipeline, loaded once per process."""
    from tidings.pipeline import Pipeline

    return Pipeline.load()


def code(text: str, *, date: str | dt.date | None = None, article_id_: str | None = None,
         explain: bool = False) -> list[Event]:
    """Code one article's text into events. ``date`` is its publication date; with ``explain``
    each event carries what decided it (``Event.explanation``)."""
    from tidings.ingest.identity import article_id
    from tidings.ingest.readers import parse_date

    if isinstance(date, str):
        date = parse_date(date, where="date")
    article = Article(article_id_ or article_id(text), text, date)
    return load()(article, explain=explain)
