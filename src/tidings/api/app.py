"""The HTTP API and the dashboard: ``create_app(db_path, token=...)`` returns the FastAPI app.

    GET  /                      the dashboard (static HTML/CSS/JS from tidings.web)
    GET  /docs, /openapi.json   the API described; the docs page is local, nothing from a CDN
    GET  /api/events            filtered events: a JSON page, or a JSONL / CSV download
    GET  /api/events/{id}       one event with its mentions
    GET  /api/articles/{id}     one article with its evidence spans
    GET  /api/actors[/{code}]   actor codes; one actor
    GET  /api/dyads             a dyad over time (a, b, interval) or the busiest dyads
    GET  /api/latest            what is new in the last day or week, by dyad and type
    GET  /api/timeline          events per period by quad class
    GET  /api/places            map points (exact and inferred) and how many events are placed
    GET  /api/names             names of actor codes
    GET  /api/stats             totals
    POST /api/code              code a text, store nothing
    POST /api/articles          code and store an article (Authorization: Bearer <token>)

HEAD is answered wherever GET is. Every error is JSON of one shape, ``{"ok": false, "error": "...", "status": N}``, and never
carries a traceback. There is no CORS: the dashboard is served from the same origin.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.api import routes, writes
from tidings.api.middleware import BodyLimit, HeadAsGet, SecurityHeaders
from tidings.errors import InputError, StageError, StoreError, TidingsError
from tidings.store import open_read

log = logging.getLogger("tidings.api")


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """'query.limit: Input should be less than or equal to 500; ...' (the input is not echoed)."""
    parts = []
    for err in exc.errors()[:10]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, _validation_message(exc))

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> JSONResponse:
        if isinstance(exc, (InputError, StageError)):
            return error(422, str(exc))
        if isinstance(exc, StoreError):
            return error(503, str(exc))
        log.error("request %s %s failed: %s", request.method, request.url.path, exc)
        return error(500, f"{exc.code} internal error")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        # Starlette logs the traceback; the client learns only that it failed.
        return error(500, "internal error")


def create_app(db_path: str, *, token: str | None = None, max_body: int = 1_000_000,
               pipeline=None) -> FastAPI:
    """The API and dashboard over the database at ``db_path``. Writes (POST /api/articles) need
    ``token``; without one they are refused. ``pipeline`` (a loaded ``Pipeline``) is for tests and
    embedding; by default the pipeline loads on the first request that codes text."""
    db_path = str(db_path)
    open_read(db_path).close()  # StoreError now, not on the first request, when it cannot be read
    writer = writes.Writer(db_path, pipeline=pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        writer.close()

    app = FastAPI(title="Tidings", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political events coded from news text (PLOVER, CAMEO), read from a Tidings "
                              "database. Errors are always `{\"ok\": false, \"error\": ..., \"status\": N}`.")
    app.state.db_path = db_path
    app.state.token = token or None
    app.state.writer = writer
    _install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(writes.router)

    static = resources.files("tidings.web") / "static"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(str(static / "docs.html"), media_type="text/html")

    app.mount("/static", StaticFiles(packages=[("tidings.web", "static")]), name="static")
    # Outermost last: the security headers go on every response, the 413s included.
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    return app
