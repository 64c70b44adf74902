"""Local backends: the current process, or a pool of worker processes each loading the pipeline
once. Chunks go out and come back in order (``imap``), a bounded number at a time."""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from tidings.config import Settings
from tidings.errors import StageError, TidingsError
from tidings.types import Article, Event

Result = list[Event] | TidingsError

CHUNK = 16  # articles per task: large enough for nlp.pipe batching, small enough for even load

_pipeline = None  # one per worker process


def _load(settings: Settings | None):
    global _pipeline
    if _pipeline is None:
        from tidings.pipeline import Pipeline

        _pipeline = Pipeline.load(settings)
    return _pipeline


def code_chunk(articles: list[Article], settings: Settings | None = None, *, pipeline=None
               ) -> list[tuple[Article, Result]]:
    """Code a list of articles with this process's pipeline. Never raises for one bad article."""
    pipeline = pipeline or _load(settings)
    out: list[tuple[Article, Result]] = []
    try:
        out.extend(pipeline.pipe(articles))
    except Exception:  # a batch-level failure: retry one by one so only the culprit fails
        out = []
        for article in articles:
            try:
                out.append((article, pipeline(article)))
            except TidingsError as err:
                out.append((article, err))
            except Exception as err:
                out.append((article, StageError(f"article {article.id!r}: coding failed: {err!r}", code="E502")))
    return out


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _init(settings: Settings | None) -> None:
    _load(settings)


def code_local(articles: Iterable[Article], *, workers: int = 1, settings: Settings | None = None, pipeline=None,
               chunk: int = CHUNK) -> Iterator[tuple[Article, Result]]:
    """Code articles on ``workers`` local processes (1: this process), results in input order."""
    if workers <= 1:
        for part in chunks(articles, chunk):
            yield from code_chunk(part, settings, pipeline=pipeline)
        return
    # spawn: workers start clean (no inherited threads or open database handles). Chunks are
    # submitted from this thread, a bounded window ahead, so input is read lazily.
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        window: deque = deque()
        for part in chunks(articles, chunk):
            window.append(pool.apply_async(code_chunk, (part, settings)))
            if len(window) >= 2 * workers:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
