"""HTTP GET for feeds and pages, with the standard library only (``urllib``): conditional
requests with the validators of the last answer (RFC 9110, 13.1: ``If-None-Match`` with the
ETag, ``If-Modified-Since`` with Last-Modified), a timeout on every request, a size limit, and
``Retry-After`` read where a server sends it.

    answer = get(url, etag=state.etag, last_modified=state.last_modified, timeout=20)
    answer.status == 304          # not modified: nothing to read
"""

from __future__ import annotations

import email.utils
import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from tidings.errors import InputError
from tidings.ingest.readers import MAX_BYTES
from tidings.ingest.sources import _fetch_reason, is_url


@dataclass(frozen=True, slots=True)
class Answer:
    """What a server answered: ``status`` 200 with a ``body``, or 304 with none; the validators to
    send next time."""

    url: str
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None


class FetchError(InputError):
    """A request that got no usable answer: ``status`` is the HTTP status when there was one,
    ``retry_after`` the seconds the server asked to wait (429, 503), when it said."""

    code = "E121"

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, code="E121")
        self.status = status
        self.retry_after = retry_after

    def __reduce__(self):
        return _rebuild, (self.message, self.status, self.retry_after)


def _rebuild(message: str, status: int | None, retry_after: float | None) -> "FetchError":
    return FetchError(message, status=status, retry_after=retry_after)


def retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def get(url: str, *, etag: str | None = None, last_modified: str | None = None, timeout: float = 20.0,
        agent: str | None = None) -> Answer:
    """GET ``url`` (http or https). Raises FetchError for anything but a 200 or a 304: an HTTP
    error status, a timeout, a refused connection, a body over MAX_BYTES."""
    from tidings import __version__

    if not is_url(url):
        raise FetchError(f"{url}: not an http(s) URL")
    headers = {"User-Agent": agent or f"tidings/{__version__}"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"{url}: over the {MAX_BYTES:,}-byte limit")
            return Answer(response.geturl(), response.status, body, response.headers.get("ETag"),
                          response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        exc.close()  # its body is not read: release the connection
        if exc.code == 304:
            return Answer(url, 304, None, exc.headers.get("ETag") or etag,
                          exc.headers.get("Last-Modified") or last_modified)
        wait = retry_after(exc.headers.get("Retry-After")) if exc.code in (429, 503) else None
        raise FetchError(f"{url}: cannot be fetched (HTTP {exc.code} {exc.reason})", status=exc.code,
                         retry_after=wait) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise FetchError(f"{url}: cannot be fetched ({_fetch_reason(exc, timeout)})") from None
