"""Readers: a path (``.txt``, ``.jsonl``, ``-`` for stdin) -> articles, or one error per bad
input or line, each naming where it came from. Nothing here raises for bad content: callers
get ``InputError`` items in the stream and go on with the rest.

``read_path`` reads one path as text or JSONL; ``tidings.ingest.sources.iter_articles`` adds
folders, gzip, HTML, RSS/Atom and URLs on top of it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tidings.errors import ConfigError, DateError, InputError
from tidings.ingest.identity import article_id, normalize_text
from tidings.types import Article

MAX_BYTES = 200 * 1024 * 1024


# A publication date as feeds, scrapers and wire archives write it is read by dateparser, with
# settings that never guess: no relative phrases ("yesterday", "2 hours ago": they would be
# resolved against today), every part stated (a missing day or year is never filled from today),
# English month and day names only (a fallback over every language loads 200 locales and takes
# seconds per string), and the date as written in its own time zone ("Mon, 16 Dec 2024 23:30
# -0800" is the 16th where it was published, whatever the local zone).
_DATEPARSER = {
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# 17/12/2024, 17.12.2024, 12/17/2024: read only where day and month cannot be swapped.
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})(?![\d/.])")
# Labels scrapers leave in front of the date: "Updated 9:30 p.m. EST Dec. 17, 2024".
_LABEL = re.compile(r"^(?:(?:last\s+)?updated|(?:first\s+)?published|posted|date)\s*:?\s*(?:on\s+)?", re.I)
_MAX_DATE_CHARS = 100
_EXAMPLE = "YYYY-MM-DD, or as feeds write it: 'Tue, 17 Dec 2024 09:30:00 +0300'"


def _not_a_date(value: str, where: str, why: str = "is not a date") -> DateError:
    return DateError(f"{where}: {value!r} {why} (write it as {_EXAMPLE})", code="E112")


def _numeric_date(m: re.Match, value: str, where: str) -> dt.date:
    a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
    if len(year) != 4:
        raise _not_a_date(value, where, "has a two-digit year")
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        day, month = b, a
    else:
        raise _not_a_date(value, where, "is ambiguous: day and month could be either")
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        raise _not_a_date(value, where, "is not a valid date") from None


def parse_date(value: object, *, where: str) -> dt.date | None:
    """A publication date: 'YYYY-MM-DD' (or a full ISO timestamp), or a date as feeds and
    scrapers write it ('Tue, 17 Dec 2024 09:30:00 +0300', '7:58 AM ET, Sat January 3, 2015',
    '17/12/2024'). None stays None. Raises DateError (naming ``where``) for anything else:
    impossible dates, relative phrases, dates missing a part, day/month orders that could be
    read either way."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DateError(f"{where}: date must be a string like 2024-12-17, not {type(value).__name__}",
                        code="E111")
    text = " ".join(value.split())
    if _ISO_DAY.match(text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise _not_a_date(value, where, "is not a valid date") from None
    if len(text) > _MAX_DATE_CHARS or not any(c.isdigit() for c in text):
        raise _not_a_date(value, where)
    numeric = _NUMERIC.search(text)
    if numeric:
        return _numeric_date(numeric, value, where)
    import dateparser  # only for dates that are not ISO: its import takes half a second

    try:
        parsed = dateparser.parse(_LABEL.sub("", text).replace("|", " "), languages=["en"], settings=_DATEPARSER)
    except (ValueError, OverflowError):  # a year or day out of range found on the way: no date
        parsed = None
    if parsed is None:
        raise _not_a_date(value, where)
    return parsed.date()


def read_date(value: object, *, where: str, default: dt.date | None = None
              ) -> tuple[dt.date | None, str | None]:
    """The publication date an input record states, for readers: (date, warning). A date that
    cannot be read does not lose the article: it is coded with ``default`` (the date given on
    the command line, often none) and the warning says so, naming ``where``."""
    if value is None or value == "":
        return default, None
    try:
        return parse_date(value, where=where), None
    except DateError as exc:
        problem = exc.message.split(": ", 1)[1] if exc.message.startswith(f"{where}: ") else exc.message
        instead = f"coded with the default date {default.isoformat()}" if default else "coded without one"
        return default, f"W112 {where}: publication date not read, {instead}: {problem}"


def check_bytes(data: bytes, where: str) -> None:
    """Raise for input that is empty or plainly binary, before any decoding is tried."""
    if not data.strip():
        raise InputError(f"{where}: empty input, nothing to code", code="E101")
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary data, not text", code="E102")


def _decode(data: bytes, where: str) -> str:
    check_bytes(data, where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (invalid byte at offset {exc.start}); convert it, "
                         "e.g. with iconv -f latin1 -t utf-8", code="E103") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(f"{where}: binary data, not text", code="E102")
    return text


@functools.cache
def max_chars() -> int:
    """The largest article the pipeline codes (setting ``max_chars``: defaults, user file, env)."""
    from tidings.config import Settings, load_settings

    try:
        return load_settings().max_chars
    except ConfigError:  # a bad setting is reported by whoever loads the pipeline
        return Settings().max_chars


def make_article(text: str, *, where: str, id_: object = None, date: dt.date | None = None,
                 title: object = None, url: object = None, source: object = None,
                 publisher: object = None, language: object = None, date_warning: str | None = None
                 ) -> Article:
    """An Article from raw fields: text normalized, id content-derived unless given; raises
    InputError (naming ``where``) for blank text or a field that is not a string.
    ``date_warning`` (from ``read_date``) travels with the article."""
    text = normalize_text(text)
    if not text:
        raise InputError(f"{where}: blank text, nothing to code", code="E104")
    if len(text) > max_chars():
        # Checked here, not only in the pipeline, so that the error names the file and line
        # and an oversized article is refused before any model is loaded.
        raise InputError(f"{where}: {len(text):,} characters is over the limit of {max_chars():,} "
                         "(setting max_chars)", code="E113")
    def opt(value: object, name: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, (str, int)):
            raise InputError(f"{where}: field {name!r} must be a string", code="E108")
        return str(value)
    return Article(opt(id_, "id") or article_id(text), text, date, opt(title, "title"), opt(url, "url"),
                   opt(source, "source"), opt(publisher, "publisher"), opt(language, "language"),
                   date_warning)


def read_text(data: bytes, *, where: str, date: dt.date | None) -> Article:
    return make_article(_decode(data, where), where=where, date=date)


def read_jsonl(lines: IO[bytes], *, where: str, default_date: dt.date | None = None
               ) -> Iterator[Article | InputError]:
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        at = f"{where}:{number}"
        if not raw.strip():
            continue
        seen_any = True
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputError(f"{at}: not UTF-8 text", code="E103")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(f"{at}: malformed JSON ({exc.msg} at column {exc.colno})", code="E105")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{at}: expected a JSON object with a 'text' field", code="E106")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield InputError(f"{at}: missing or non-string 'text' field", code="E107")
            continue
        try:
            date, warning = read_date(record.get("date"), where=at, default=default_date)
            yield make_article(text, where=at, id_=record.get("id"), date=date, title=record.get("title"),
                               url=record.get("url"), source=record.get("source"),
                               publisher=record.get("publisher"), language=record.get("language"),
                               date_warning=warning)
        except InputError as exc:
            yield exc
    if not seen_any:
        yield InputError(f"{where}: empty input, nothing to code", code="E101")


def read_path(path: str, *, date: dt.date | None = None, stdin: IO[bytes] | None = None
              ) -> Iterator[Article | InputError]:
    """Articles from one path. ``date`` is the publication date for plain text (and the
    default for JSONL records without one)."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        if data.lstrip()[:1] == b"{":
            import io

            yield from read_jsonl(io.BytesIO(data), where="<stdin>", default_date=date)
            return
        try:
            yield read_text(data, where="<stdin>", date=date)
        except InputError as exc:
            yield exc
        return
    p = Path(path)
    if not p.exists():
        yield InputError(f"{path}: no such file", code="E109")
        return
    if p.is_dir():
        yield InputError(f"{path}: is a folder; give the files inside it", code="E109")
        return
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            yield InputError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit", code="E114")
            return
        if p.suffix.lower() in (".jsonl", ".ndjson"):
            with p.open("rb") as handle:
                yield from read_jsonl(handle, where=path, default_date=date)
            return
        yield read_text(p.read_bytes(), where=path, date=date)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"{path}: cannot be read ({exc.strerror})", code="E109")
