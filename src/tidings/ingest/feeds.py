"""RSS and Atom feeds -> one article per entry (feedparser).

An entry's text is its full content when the feed carries it, else its summary, stripped of
HTML. A broken entry is one ``InputError`` naming the feed and the entry number; the other
entries still come out. The feed's title is the articles' source and publisher.

``feed_entries`` gives the entries themselves (key, link, whether the text is the full content
or only a summary) for ``tidings watch``, which fetches the page of a summary-only entry;
``read_feed`` turns them into articles as they are.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import time
import hashlib
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from tidings.errors import InputError
from tidings.ingest.html import html_to_text
from tidings.ingest.readers import check_bytes, make_article, read_date
from tidings.types import Article

FEED_ROOTS = frozenset({"rss", "feed", "rdf"})  # RSS 0.9x/2.0, Atom, RSS 1.0 (rdf:RDF)

# The first element after the prolog: XML declaration, processing instructions, comments and a
# doctype may come before it.
_ROOT = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)",
    re.DOTALL | re.IGNORECASE,
)


def root_element(data: bytes) -> str | None:
    """The name of the document's root element (prefix kept), or None when it does not start
    like XML or HTML."""
    head = data[:16384]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    m = _ROOT.match(text)
    return m.group(1) if m else None


def is_feed(data: bytes) -> bool:
    """True when the root element is rss, feed or RDF: the document claims to be a feed."""
    root = root_element(data)
    return root is not None and root.rpartition(":")[2].lower() in FEED_ROOTS


def _one_line(value: object, limit: int = 120) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _entry_date(entry: Mapping[str, object], *, where: str, default: dt.date | None
                ) -> tuple[dt.date | None, str | None]:
    """(date, warning): the date the entry was published (else updated), in the feed's own time
    zone. A stated date that neither we nor feedparser can read gives ``default`` and a warning."""
    unread = None
    for key in ("published", "updated", "created"):
        # dict.get, not entry.get: feedparser warns (DeprecationWarning) when 'updated' is
        # read from an entry that only has 'published' (feedparser issue 310).
        raw = dict.get(entry, key)  # type: ignore[arg-type]
        if isinstance(raw, str) and raw.strip():
            raw = raw.strip()
            try:  # RFC 822, as RSS writes it: the quick exact path
                return email.utils.parsedate_to_datetime(raw).date(), None
            except (TypeError, ValueError, IndexError):
                pass
            day, warning = read_date(raw, where=where, default=default)
            if warning is None:
                return day, None
            unread = unread or warning
        # feedparser's own reading, converted to UTC (so it may be a day off): when the text is
        # beyond us, it is still better than no date
        parsed = dict.get(entry, f"{key}_parsed")  # type: ignore[arg-type]
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), None
    return default, unread


def _as_text(detail: Mapping[str, object]) -> str:
    value = detail.get("value")
    if not isinstance(value, str):
        return ""
    if detail.get("type") == "text/plain":
        return value
    return html_to_text(value)


def _entry_text(entry: Mapping[str, object]) -> tuple[str, bool]:
    """(text, full): the full content (the longest part, when there are several), else the
    summary. RSS content:encoded and Atom content are the article; RSS description and Atom
    summary are, by the specifications' own wording, a synopsis."""
    contents = entry.get("content")
    if isinstance(contents, list):
        texts = [_as_text(c) for c in contents if isinstance(c, Mapping)]
        best = max(texts, key=len, default="")
        if best.strip():
            return best, True
    detail = dict.get(entry, "summary_detail")  # type: ignore[arg-type]
    if isinstance(detail, Mapping):
        return _as_text(detail), False
    summary = dict.get(entry, "summary")  # type: ignore[arg-type]
    return (html_to_text(summary) if isinstance(summary, str) else ""), False


def _str(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _parse(data: bytes) -> Mapping[str, object]:
    import feedparser  # only when a feed turns up

    with warnings.catch_warnings():
        # Feeds from the wild make feedparser warn about their encodings and dates; those are
        # facts about the feed, reported through bozo below, not errors in Tidings.
        warnings.simplefilter("ignore")
        # A stream, never bytes or str: given a string, feedparser would open it as a URL or a
        # local file name.
        return feedparser.parse(io.BytesIO(data))


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry. ``key`` identifies it across polls: its id (RSS guid, Atom id), else its
    link, else a hash of its title and text. ``full`` says whether ``text`` is the entry's full
    content or only its summary (possibly empty)."""

    key: str
    where: str
    title: str | None
    link: str | None
    date: dt.date | None
    text: str
    full: bool
    feed_title: str | None
    language: str | None
    date_warning: str | None = None  # a stated date that could not be read


def feed_entries(data: bytes, *, where: str, date: dt.date | None = None) -> Iterator[Entry | InputError]:
    """The entries of an RSS or Atom document, or one InputError when it is not a feed or cannot
    be parsed. ``date`` stands in for a stated date that cannot be read (the warning says so)."""
    try:
        check_bytes(data, where)
    except InputError as exc:
        yield exc
        return
    root = root_element(data)
    if not is_feed(data):
        found = f"root element <{root}>" if root else "no XML root element"
        yield InputError(f"{where}: not an RSS or Atom feed ({found})", code="E118")
        return
    parsed = _parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if problem is not None:
            yield InputError(f"{where}: feed could not be parsed ({_one_line(problem)})", code="E117")
        else:
            yield InputError(f"{where}: feed has no entries", code="E120")
        return
    feed = parsed.get("feed") or {}
    feed_title = _str(feed.get("title")) if isinstance(feed, Mapping) else None
    language = _str(feed.get("language")) if isinstance(feed, Mapping) else None
    for number, entry in enumerate(entries, start=1):
        title = _str(entry.get("title"))
        at = f"{where}: entry {number}" + (f" ({_one_line(title, 60)!r})" if title else "")
        text, full = _entry_text(entry)
        link = _str(entry.get("link"))
        key = _str(dict.get(entry, "id")) or link or "h" + hashlib.sha1(  # type: ignore[arg-type]
            f"{title or ''}\n{text}".encode("utf-8")).hexdigest()[:19]
        day, warning = _entry_date(entry, where=at, default=date)
        yield Entry(key, at, title, link, day, text, full, feed_title, language, warning)


def entry_article(entry: Entry, *, date: dt.date | None = None) -> Article:
    """The article of an entry as the feed gives it; raises InputError when it has no text."""
    if not entry.text.strip():
        raise InputError(f"{entry.where}: no text in the entry's content or summary", code="E119")
    return make_article(entry.text, where=entry.where, date=entry.date or date, title=entry.title,
                        url=entry.link, source=entry.feed_title, publisher=entry.feed_title,
                        language=entry.language, date_warning=entry.date_warning)


def read_feed(data: bytes, *, where: str, date: dt.date | None = None
              ) -> Iterator[Article | InputError]:
    """Articles from an RSS or Atom document. ``date`` is used for entries that carry none."""
    for item in feed_entries(data, where=where, date=date):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield entry_article(item, date=date)
        except InputError as exc:
            yield exc
