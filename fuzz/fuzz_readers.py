"""Fuzz the readers: random bytes, broken JSONL, HTML and feeds, under every known suffix,
gzipped or not. ``iter_articles`` must never raise, and every error must name its file.

    .venv/bin/python fuzz/fuzz_readers.py [SECONDS]
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run_for, seconds_from_argv  # noqa: E402

from tidings.errors import InputError  # noqa: E402
from tidings.ingest import iter_articles  # noqa: E402
from tidings.ingest.readers import max_chars  # noqa: E402
from tidings.types import Article  # noqa: E402

SUFFIXES = [".txt", ".jsonl", ".ndjson", ".html", ".htm", ".rss", ".atom", ".xml", ".unknown", ""]
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4), max_leaves=10)
records = st.fixed_dictionaries({}, optional={
    "id": json_values, "text": st.text(max_size=300) | json_values, "date": st.sampled_from(
        ["2024-02-30", "99999-01-01", "yesterday", "2024-12-17", "2024-12-17T10:00:00Z", "", "0001-01-01",
         "7:58 AM ET, Sat January 3, 2015", "Wed Nov 23, 2016 | 4:58pm EST", "05/06/2024", "31/12/9999"])
        | st.text(max_size=40) | json_values,
    "title": json_values, "url": json_values, "source": json_values, "publisher": json_values,
    "language": json_values})
jsonl = st.lists(records.map(lambda r: json.dumps(r).encode()) | st.binary(max_size=60), max_size=8).map(
    lambda lines: b"\n".join(lines))
html = st.builds(lambda title, body, junk: (f"<html><head><title>{title}</title></head><body>{body}</body>{junk}"
                                            ).encode("utf-8", "surrogatepass"),
                 st.text(max_size=40), st.lists(st.sampled_from(
                     ["<p>Rebels seized the town on Monday.</p>", "<div>", "</span>", "<script>x()</script>",
                      "<nav><a href='/'>Home</a></nav>", "&amp;", "&#0;", "<p>", "\x00", "<!--", "<![CDATA["]),
                     max_size=12).map("".join), st.text(max_size=40))
entry = st.builds(lambda t, d, p: f"<item><title>{t}</title><description>{d}</description><pubDate>{p}</pubDate></item>",
                  st.text(max_size=30), st.text(max_size=80), st.sampled_from(
                      ["Tue, 17 Dec 2024 10:00:00 GMT", "Feb 30 2024", "", "yesterday", "Mon, 99 Foo 99999",
                       "Updated 9:30 p.m. EST Dec. 17, 2024", "17/12/2024"]))
feed = st.lists(entry, max_size=5).map(
    lambda items: ('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>' + "".join(items)
                   + "</channel></rss>").encode("utf-8", "surrogatepass"))
content = st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")) \
    | jsonl | html | feed


@given(data=content, suffix=st.sampled_from(SUFFIXES), gz=st.booleans(), truncate=st.booleans())
def readers_never_raise(data: bytes, suffix: str, gz: bool, truncate: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}{'.gz' if gz else ''}"
        raw = gzip.compress(data) if gz else data
        path.write_bytes(raw[: len(raw) // 2] if gz and truncate else raw)
        for item in iter_articles([str(path)]):
            if isinstance(item, InputError):
                assert str(path) in str(item), str(item)
                assert "\n" not in str(item), str(item)
            else:
                assert isinstance(item, Article), item
                assert item.text and item.text == item.text.strip() and len(item.text) <= max_chars()
                assert isinstance(item.id, str) and item.id
                if item.date_warning is not None:  # an unreadable date: one line naming the input
                    assert item.date_warning.startswith(f"W112 {path}") and "\n" not in item.date_warning


if __name__ == "__main__":
    sys.exit(run_for(seconds_from_argv(), [readers_never_raise], examples=200))
