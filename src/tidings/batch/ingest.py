"""Ingest: read inputs, skip what the store already holds, code the rest (here, on local workers or
on a Dask cluster) and write in batches through the one writer.

    report = ingest(["news/"], "events.db", workers=2, progress=callback)

Crash-safe by construction: each batch is one transaction and the next run skips the articles a
batch committed, so a killed ingest resumed gives the same database as a clean run.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from tidings.config import Settings
from tidings.errors import TidingsError
from tidings.store import Store, WriteCounts
from tidings.store.writer import Result
from tidings.types import Article

KEPT_MESSAGES = 1000  # error lines kept for the summary; the errors table has every one
WRITE_BATCH = 64      # articles per transaction
WRITE_EVERY = 2.0     # seconds: a slow stream is still written (and reported) this often


@dataclass(slots=True)
class IngestReport:
    counts: WriteCounts = field(default_factory=WriteCounts)
    read_errors: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # articles stored all the same (W112 dates)
    warned: int = 0

    @property
    def failed(self) -> int:
        return self.read_errors + self.counts.failed

    @property
    def seen(self) -> int:
        c = self.counts
        return c.added + c.replaced + c.skipped + c.failed


Progress = Callable[[IngestReport], None]


def _read(paths: Iterable[str], *, date, report: IngestReport, store: Store) -> Iterator[Article]:
    from tidings.ingest import iter_articles

    pending: list[TidingsError] = []
    for item in iter_articles(list(paths), date=date):
        if isinstance(item, TidingsError):
            report.read_errors += 1
            if len(report.messages) < KEPT_MESSAGES:
                report.messages.append(str(item))  # with its code, as `tidings code` prints it
            pending.append(item)
            if len(pending) >= 100:
                store.write_input_errors(pending)
                pending = []
            continue
        if item.date_warning:
            report.warned += 1
            if len(report.warnings) < KEPT_MESSAGES:
                report.warnings.append(item.date_warning)
        yield item
    store.write_input_errors(pending)


def _split(articles: Iterable[Article], store: Store, *, recode: bool) -> Iterator[tuple[Article, bool]]:
    """(article, needs coding) in input order; stored articles are not coded again."""
    it = iter(articles)
    while batch := list(islice(it, 256)):
        done = set() if recode else store.coded((a.id for a in batch))
        seen: set[str] = set()
        for article in batch:
            todo = article.id not in done and article.id not in seen
            seen.add(article.id)
            yield article, todo


def ingest(paths: Iterable[str], db: str, *, workers: int = 1, cluster: str | None = None,
           recode: bool = False, date=None, settings: Settings | None = None,
           progress: Progress | None = None, client=None, pipeline=None) -> IngestReport:
    """Ingest ``paths`` into the database ``db``. With ``recode`` and no paths, every stored
    article is re-coded with the current coder."""
    report = IngestReport()
    started = time.perf_counter()
    paths = list(paths)
    with Store.open(db) as store:
        if paths:
            source = _read(paths, date=date, report=report, store=store)
        else:
            source = store.stored_articles() if recode else iter(())
        write_articles(store, source, report=report, workers=workers, cluster=cluster, recode=recode,
                       settings=settings, progress=progress, client=client, pipeline=pipeline, started=started)
    report.seconds = time.perf_counter() - started
    return report


Written = Callable[[list[tuple[Article, "Result | None"]]], None]


def write_articles(store: Store, source: Iterable[Article], *, report: IngestReport, workers: int = 1,
                   cluster: str | None = None, recode: bool = False, settings: Settings | None = None,
                   progress: Progress | None = None, client=None, pipeline=None, started: float | None = None,
                   written: Written | None = None, stop: Callable[[], bool] | None = None) -> IngestReport:
    """Code the articles of ``source`` that ``store`` does not hold yet (all of them with
    ``recode``) and write them in batches through ``store``, adding to ``report``. ``written`` is
    called with each committed batch; ``stop`` is asked after each one, and when it says so the
    rest of ``source`` is left unread (what was committed stays)."""
    started = time.perf_counter() if started is None else started
    order: deque[tuple[Article, bool]] = deque()

    def to_code() -> Iterator[Article]:
        for article, todo in _split(source, store, recode=recode):
            order.append((article, todo))
            if todo:
                yield article

    if cluster or client is not None:
        from tidings.batch.cluster import code_cluster

        coded = code_cluster(to_code(), cluster or "", settings=settings, client=client)
    else:
        from tidings.batch.local import code_local

        coded = code_local(to_code(), workers=workers, settings=settings, pipeline=pipeline)
    batch: list[tuple[Article, Result | None]] = []

    last = time.perf_counter()

    def flush() -> None:
        nonlocal batch, last
        last = time.perf_counter()
        if batch:
            report.counts += store.write(batch, replace=recode)
            del report.counts.error_messages[KEPT_MESSAGES:]
            if written:
                written(batch)
            batch = []
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)

    stopped = False
    for article, result in coded:
        # the k-th result is the k-th article to code; stored articles read before it go to
        # the writer in order too (None: record the sighting, code nothing)
        while order:
            queued, todo = order.popleft()
            if todo:
                break
            batch.append((queued, None))
        batch.append((article, result))
        if len(batch) >= WRITE_BATCH or time.perf_counter() - last >= WRITE_EVERY:
            flush()
            if stop is not None and stop():
                stopped = True
                break
    if not stopped:
        batch.extend((queued, None) for queued, _ in order)
    order.clear()
    flush()
    store.fill_versions()
    return report


__all__ = ["IngestReport", "ingest", "write_articles"]
