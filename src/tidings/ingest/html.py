"""HTML -> article: the main text of a web page (trafilatura), with its title, publication
date, canonical URL, site name and language from the page's own metadata.

Also ``html_to_text``, a small stdlib HTML-to-text for feed entries: fragments are too short
for trafilatura, which would throw most of them away as boilerplate.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from html.parser import HTMLParser

from tidings.errors import InputError
from tidings.ingest.readers import check_bytes, make_article, read_date
from tidings.types import Article

# Only dates the page states in its metadata: htmldate's extensive search would otherwise read
# "Copyright 2024" in a footer as a publication date of 2024-01-01.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_LANG = re.compile(
    rb"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)"""
    rb"""|<meta\b[^>]*?http-equiv\s*=\s*["']?content-language["']?[^>]*?content\s*=\s*["']?"""
    rb"""([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""",
    re.IGNORECASE,
)

_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section table tr ul".split()
)
_SKIP = frozenset("script style noscript template head title svg".split())


def _one_line(value: str, limit: int = 80) -> str:
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _page_language(data: bytes) -> str | None:
    m = _LANG.search(data[:65536])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").replace("_", "-")


def _extract(data: bytes, *, where: str, url: str | None) -> dict[str, object] | None:
    """trafilatura's JSON output as a dict, or None when it finds no main text."""
    import trafilatura  # heavy (lxml, htmldate, justext): only when an HTML input turns up

    with warnings.catch_warnings():
        # Third-party parsers on pages from the wild: their warnings are about the page, not
        # about us, and must not become errors under filterwarnings=error.
        warnings.simplefilter("ignore")
        try:
            out = trafilatura.extract(data, url=url, output_format="json", with_metadata=True,
                                      include_comments=False, date_extraction_params=_DATE_PARAMS)
        except Exception as exc:  # noqa: BLE001 - a malformed page must be an input error, never a crash
            raise InputError(f"{where}: HTML could not be parsed ({type(exc).__name__}: "
                             f"{_one_line(str(exc), 120)})", code="E124") from None
    return json.loads(out) if out else None


def _text_without_title(text: str, title: str | None) -> str:
    """The page's <h1> usually repeats the title as the first line; the title is kept in
    ``Article.title``, and the text should start at the lede (where a dateline would be)."""
    if title:
        first, _, rest = text.partition("\n")
        if " ".join(first.split()).casefold() == " ".join(title.split()).casefold() and rest.strip():
            return rest
    return text


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_html(data: bytes, *, where: str, date: dt.date | None = None, url: str | None = None
              ) -> Article:
    """The article in one HTML page. ``date`` is used when the page states no publication date;
    ``url`` when it names no canonical URL. Raises InputError (naming ``where``) when the page
    has no article text."""
    check_bytes(data, where)
    meta = _extract(data, where=where, url=url)
    text = _str(meta.get("text")) if meta else None
    if meta is None or text is None:
        raise InputError(f"{where}: no article text found in the HTML", code="E116")
    title = _str(meta.get("title"))
    sitename = _str(meta.get("source-hostname"))
    day, warning = read_date(_str(meta.get("date")), where=where, default=date)
    return make_article(
        _text_without_title(text, title), where=where, date=day, date_warning=warning,
        title=title, url=_str(meta.get("source")) or url,
        source=sitename or _str(meta.get("hostname")), publisher=sitename,
        language=_str(meta.get("language")) or _page_language(data),
    )


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # Line breaks in the source are spaces; only block elements end a line.
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block element, spaces collapsed, entities
    decoded, scripts and styles dropped. Never raises on malformed markup."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
