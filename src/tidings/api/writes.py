"""Coding and storing through the API: POST /api/code (code, store nothing) and POST /api/articles
(code and store, with a bearer token).

One thread does all of it. It loads the pipeline once, on the first request that needs it, and
owns the only writing connection (``Store``), so writes are serialized the way datasette's
``_execute_writes`` does it; readers keep their own read-only connections meanwhile (WAL).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
from concurrent.futures import ThreadPoolExecutor

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from tidings.errors import TidingsError
from tidings.ingest.readers import make_article
from tidings.types import Article, Event

router = APIRouter(prefix="/api")


class Writer:
    """A single worker thread owning the pipeline and the store."""

    def __init__(self, db_path: str, *, pipeline=None) -> None:
        self.db_path = db_path
        self._pipeline = pipeline
        self._store = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-writer")

    def _load(self):
        if self._pipeline is None:
            from tidings.pipeline import Pipeline

            self._pipeline = Pipeline.load()
        return self._pipeline

    def _code(self, article: Article, explain: bool = False):
        pipeline = self._load()
        return pipeline.explain(article) if explain else pipeline(article)

    def _code_and_store(self, article: Article) -> tuple[dict, list[Event]]:
        from tidings.store import Store

        result: list[Event] | TidingsError
        try:
            result = self._load()(article)
        except TidingsError as exc:
            result = exc  # stored as an error row, as the batch ingest does
        if self._store is None:
            self._store = Store.open(self.db_path)
        counts = self._store.write([(article, result)], input="api")
        if isinstance(result, TidingsError):
            raise result
        return {"added": counts.added, "replaced": counts.replaced, "skipped": counts.skipped,
                "mentions": counts.mentions, "new_events": counts.new_events}, result

    async def code(self, article: Article, *, explain: bool = False):
        """The article's events; with ``explain``, a ``Coded`` (events with decision records, and
        the dropped candidates)."""
        return await asyncio.wrap_future(self._thread.submit(self._code, article, explain))

    async def store(self, article: Article) -> tuple[dict, list[Event]]:
        return await asyncio.wrap_future(self._thread.submit(self._code_and_store, article))

    def close(self) -> None:
        """Close the store (on its own thread). The worker thread stays: an app can be started
        again (its lifespan runs more than once under some test clients), and the pipeline with it."""
        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._thread.submit(close_store).result()


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <token>``; with no token configured there are no writes."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with TIDINGS_TOKEN set to allow them")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest takes time independent of where the strings differ: no timing oracle
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article text")
    date: dt.date | None = Field(None, description="publication date, YYYY-MM-DD; anchors relative dates")


class CodeOnlyRequest(CodeRequest):
    explain: bool = Field(False, description="add to each event what decided it, and list the dropped candidates")


class ArticleRequest(CodeRequest):
    id: str | None = Field(None, max_length=200, description="your id; default: a hash of the text")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


def _article(body: CodeRequest) -> Article:
    fields = body.model_dump(exclude={"text", "date"})
    return make_article(body.text, where="request", id_=fields.get("id"), date=body.date,
                        title=fields.get("title"), url=fields.get("url"), source=fields.get("source"))


@router.post("/code", summary="Code a text into events without storing anything")
async def code(body: CodeOnlyRequest, request: Request):
    article = _article(body)
    result = await request.app.state.writer.code(article, explain=body.explain)
    if not body.explain:
        return {"ok": True, "article_id": article.id, "text": article.text,
                "events": [e.to_dict() for e in result]}
    return {"ok": True, "article_id": article.id, "text": article.text,
            "events": [e.to_dict() for e in result.events], "dropped": [d.to_dict() for d in result.dropped]}


@router.post("/articles", summary="Code an article and store it (needs the bearer token)",
             dependencies=[Depends(require_token)], status_code=201,
             responses={200: {"description": "already stored: nothing changed"}, 401: {}, 403: {}})
async def add_article(body: ArticleRequest, request: Request, response: Response):
    article = _article(body)
    counts, events = await request.app.state.writer.store(article)
    if not counts["added"] and not counts["replaced"]:
        response.status_code = 200
    return {"ok": True, "article_id": article.id, "counts": counts, "events": [e.to_dict() for e in events]}

