"""Every kind of input -> one stream of articles and input errors.

    iter_articles(paths)      files, folders (recursive), ``-`` for stdin, http(s) URLs
    ├── read_file(path)       by kind: text, JSONL, HTML, RSS/Atom; any of them gzipped (.gz)
    └── read_url(url)         a feed, or else a web page read as HTML

A folder is walked depth-first in name order, so the same folder always gives the same
stream; hidden entries and files of unknown kinds are skipped, unreadable ones reported. A
file named explicitly is read whatever its suffix (unknown suffixes as plain text). Nothing
here raises for bad input: each problem is one ``InputError`` in the stream, naming the file,
line, entry or URL.
"""

from __future__ import annotations

import datetime as dt
import gzip
import http.client
import os
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from tidings.errors import InputError
from tidings.ingest.feeds import is_feed, read_feed
from tidings.ingest.html import read_html
from tidings.ingest.readers import MAX_BYTES, read_jsonl, read_path, read_text
from tidings.types import Article

Item = Article | InputError
Fetch = Callable[..., bytes]

KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
TIMEOUT = 20.0
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def kind_of(path: str | os.PathLike[str]) -> tuple[str | None, bool]:
    """(kind, gzipped) from the file name: ``x.jsonl.gz`` -> ("jsonl", True); an unknown
    suffix gives kind None."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes.pop()
    return (KINDS.get(suffixes[-1]) if suffixes else None), gzipped


def _read_bytes(path: Path, *, gzipped: bool) -> bytes:
    if not gzipped:
        return path.read_bytes()
    with gzip.open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: over the {MAX_BYTES:,}-byte limit once decompressed", code="E114")
    return data


def read_file(path: str | os.PathLike[str], *, date: dt.date | None = None) -> Iterator[Item]:
    """Articles from one file, read by the kind its name gives (plain text when unknown).
    ``date`` is the publication date for inputs that state none."""
    p = Path(path)
    where = str(path)
    kind, gzipped = kind_of(p)
    if not gzipped and kind in (None, "text", "jsonl"):
        yield from read_path(where, date=date)  # today's reader: one behaviour for both entries
        return
    try:
        if not p.is_file():
            problem = "is a folder; give the files inside it" if p.is_dir() else "no such file"
            yield InputError(f"{where}: {problem}", code="E109")
            return
        size = p.stat().st_size
        if size > MAX_BYTES:
            yield InputError(f"{where}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit", code="E114")
            return
        if kind == "jsonl":  # gzipped: plain JSONL went to read_path above
            with gzip.open(p, "rb") as handle:
                # Streams: a corrupt block surfaces mid-file, after the records before it.
                yield from read_jsonl(handle, where=where, default_date=date)
            return
        data = _read_bytes(p, gzipped=gzipped)
        if kind == "feed":
            yield from read_feed(data, where=where, date=date)
        elif kind == "html":
            yield read_html(data, where=where, date=date)
        else:
            yield read_text(data, where=where, date=date)
    except InputError as exc:
        yield exc
    except _GZIP_ERRORS as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        yield InputError(f"{where}: corrupt or truncated gzip data ({reason})", code="E115")
    except OSError as exc:
        yield InputError(f"{where}: cannot be read ({exc.strerror or exc})", code="E109")


def fetch_url(url: str, *, timeout: float = TIMEOUT) -> bytes:
    """The body at ``url`` (at most MAX_BYTES + 1 bytes). Raises OSError (urllib's URLError,
    HTTPError, timeouts), ValueError or http.client.HTTPException when it cannot be had."""
    from tidings import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"tidings/{__version__}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, see is_url
        return response.read(MAX_BYTES + 1)


def _fetch_reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        if not isinstance(exc.reason, BaseException):
            return " ".join(str(exc.reason).split())
        exc = exc.reason
    if isinstance(exc, TimeoutError):
        return f"timed out after {timeout:g} s"
    return " ".join(str(exc).split()) or type(exc).__name__


def is_url(path: str) -> bool:
    return path[:8].lower().startswith(("http://", "https://"))


def read_url(url: str, *, date: dt.date | None = None, timeout: float = TIMEOUT,
             fetch: Fetch | None = None) -> Iterator[Item]:
    """Articles from a URL: every entry of a feed, or the article of a web page. ``fetch``
    (url, *, timeout) -> bytes is injectable; it defaults to ``fetch_url``."""
    fetch = fetch or fetch_url
    try:
        data = fetch(url, timeout=timeout)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        yield InputError(f"{url}: cannot be fetched ({_fetch_reason(exc, timeout)})", code="E121")
        return
    if len(data) > MAX_BYTES:
        yield InputError(f"{url}: over the {MAX_BYTES:,}-byte limit", code="E114")
        return
    if is_feed(data):
        yield from read_feed(data, where=url, date=date)
        return
    try:
        yield read_html(data, where=url, date=date, url=url)
    except InputError as exc:
        yield exc


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | InputError]:
    """Files of known kinds under ``folder``, depth-first in name order; hidden entries are
    skipped, and a folder reached twice through links is walked once."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(f"{folder}: cannot be read ({exc.strerror or exc})", code="E109")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield from _walk(path, seen)
        elif kind_of(path)[0] is not None:
            yield path


def read_folder(folder: str | os.PathLike[str], *, date: dt.date | None = None) -> Iterator[Item]:
    """Articles from every file of a known kind under ``folder``, recursively."""
    found = False
    for item in _walk(Path(folder), {os.path.realpath(folder)}):
        if isinstance(item, InputError):
            yield item
            continue
        found = True
        yield from read_file(item, date=date)
    if not found:
        yield InputError(f"{folder}: no article files in this folder (looked for "
                         f"{', '.join(sorted(KINDS))} and their .gz)", code="E122")


def iter_articles(paths: Iterable[str | os.PathLike[str]], *, date: dt.date | None = None,
                  stdin: IO[bytes] | None = None, timeout: float = TIMEOUT,
                  fetch: Fetch | None = None) -> Iterator[Item]:
    """Articles and input errors from files, folders, ``-`` (stdin) and http(s) URLs, in the
    order given. ``date`` is the publication date for inputs that state none."""
    for path in paths:
        name = os.fspath(path)
        if name == "-":
            yield from read_path("-", date=date, stdin=stdin)
        elif is_url(name):
            yield from read_url(name, date=date, timeout=timeout, fetch=fetch)
        elif os.path.isdir(name):
            yield from read_folder(name, date=date)
        else:
            yield from read_file(name, date=date)
