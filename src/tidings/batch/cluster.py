"""The Dask backend: partitions of articles coded on a ``distributed`` cluster started with Dask's
own ``dask scheduler`` / ``dask worker`` commands. Each worker process loads the pipeline once
(``code_chunk`` keeps it in a module global); only the caller writes the database. Results come
back in input order; a bounded number of partitions is in flight so memory stays flat. A worker
that dies mid-partition has its partition re-run elsewhere by the scheduler; the caller still sees
each article exactly once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from tidings.batch.local import chunks, code_chunk
from tidings.config import Settings
from tidings.errors import ConfigError
from tidings.types import Article

PARTITION = 64


def code_cluster(articles: Iterable[Article], address: str, *, settings: Settings | None = None,
                 partition: int = PARTITION, client=None):
    """Code articles on the cluster at ``address`` (or with a given ``distributed.Client``)."""
    from distributed import Client

    own = client is None
    if own:
        try:
            client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}", code="E407") from None
    try:
        yield from _run(client, articles, settings=settings, partition=partition)
    finally:
        if own:
            client.close()


def _run(client, articles: Iterable[Article], *, settings: Settings | None, partition: int) -> Iterator:
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window: deque = deque()
    for part in chunks(articles, partition):
        window.append(client.submit(code_chunk, part, settings, pure=False, retries=2))
        if len(window) >= 2 * workers:
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()
