import datetime as dt
import gzip
import http.server
import io
import json
import os
import threading
import urllib.error

import pytest

from tidings.errors import InputError
from tidings.ingest import iter_articles
from tidings.ingest.identity import article_id
from tidings.ingest.sources import fetch_url, kind_of, read_file, read_url

STORY = "Police in Tessen detained 14 people after a protest against fuel prices turned violent."
RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Tessen Daily</title>"
       "<item><title>Fuel protest</title><link>https://tessen.example.com/1</link>"
       "<description>Farmers blocked the ring road with tractors.</description></item>"
       "</channel></rss>")
HTML = ("<html lang='de'><head><title>Bridge reopens</title></head><body><article><p>The Kell bridge "
        "reopened to traffic on Tuesday after repairs.</p></article></body></html>")


def jsonl(*records):
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def texts(items):
    return [i.text for i in items if not isinstance(i, InputError)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("name,kind", [
    ("a.txt", ("text", False)), ("a.JSONL.GZ", ("jsonl", True)), ("a.ndjson", ("jsonl", False)),
    ("a.htm", ("html", False)), ("a.atom", ("feed", False)), ("a.xml.gz", ("feed", True)),
    ("a.pdf", (None, False)), ("a.gz", (None, True)), ("README", (None, False)),
])
def test_kind_of(name, kind):
    assert kind_of(name) == kind


def test_gzipped_jsonl_and_text(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl(
        {"id": "g1", "text": "Estmark recalled its ambassador.", "date": "2024-05-02",
         "publisher": "Wire of Estmark", "language": "en"},
        {"id": "g2"},
    )))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(STORY.encode("utf-8")))
    items = list(iter_articles([tmp_path / "a.jsonl.gz", tmp_path / "b.txt.gz"], date=dt.date(2024, 5, 3)))
    first, error, story = items
    assert (first.id, first.date, first.publisher, first.language) == ("g1", dt.date(2024, 5, 2), "Wire of Estmark", "en")
    assert error.code == "E107" and f"{tmp_path / 'a.jsonl.gz'}:2:" in str(error)
    assert story.text == STORY and story.id == article_id(STORY) and story.date == dt.date(2024, 5, 3)


def test_gzipped_html_and_feed(tmp_path):
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "f.rss.gz").write_bytes(gzip.compress(RSS.encode()))
    assert texts(iter_articles([tmp_path])) == ["Farmers blocked the ring road with tractors.",
                                               "The Kell bridge reopened to traffic on Tuesday after repairs."]


@pytest.mark.parametrize("name", ["a.jsonl.gz", "b.txt.gz"])
def test_not_gzip_at_all(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(b"this was never compressed\n")
    [error] = list(iter_articles([p]))
    assert error.code == "E115"
    assert str(error).startswith(f"E115 {p}: corrupt or truncated gzip data")
    assert "\n" not in str(error)


def test_truncated_gzip_keeps_the_records_before_the_break(tmp_path):
    records = [{"id": f"r{i}", "text": f"Record {i}: " + "talks resumed in Oravik. " * 40} for i in range(200)]
    data = gzip.compress(jsonl(*records))
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = list(iter_articles([p]))
    *articles, error = items
    assert 0 < len(articles) < 200
    assert [a.id for a in articles] == [f"r{i}" for i in range(len(articles))]
    assert error.code == "E115" and str(p) in str(error)


def test_corrupt_gzip_text(tmp_path):
    data = bytearray(gzip.compress(STORY.encode() * 50))
    data[20:40] = b"\xff" * 20
    p = tmp_path / "bad.txt.gz"
    p.write_bytes(bytes(data))
    [error] = list(iter_articles([p]))
    assert error.code == "E115" and str(p) in str(error)


def test_folder_order_is_deterministic_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Text b2.")
    (tmp_path / "b" / "1.txt").write_text("Text b1.")
    (tmp_path / "a" / "z" / "deep.txt").write_text("Text a/z/deep.")
    (tmp_path / "a" / "y.jsonl").write_bytes(jsonl({"text": "Text a/y line 1."}, {"text": "Text a/y line 2."}))
    (tmp_path / "0.txt").write_text("Text 0.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git" / "x.txt").write_text("Hidden folder.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 unknown kind")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    expected = ["Text 0.", "Text a/y line 1.", "Text a/y line 2.", "Text a/z/deep.", "Text b1.", "Text b2."]
    assert texts(iter_articles([tmp_path])) == expected
    assert texts(iter_articles([str(tmp_path)])) == expected  # str or Path, same stream


def test_folder_reports_bad_files_and_goes_on(tmp_path):
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-latin1.txt").write_bytes("Grève à Lisère".encode("latin-1"))
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02\x03 data")
    (tmp_path / "4-good.txt").write_text(STORY)
    (tmp_path / "5-dangling.txt").symlink_to(tmp_path / "gone.txt")
    items = list(iter_articles([tmp_path]))
    assert texts(items) == [STORY]
    bad = errors(items)
    assert [e.code for e in bad] == ["E101", "E103", "E102", "E109"]
    for error, name in zip(bad, ["1-empty", "2-latin1", "3-binary", "5-dangling"]):
        assert str(tmp_path / f"{name}.txt") in str(error)
        assert "\n" not in str(error)


def test_folder_link_loop_is_walked_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Only once.")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    assert texts(iter_articles([tmp_path])) == ["Only once."]


def test_empty_folder(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    [error] = list(iter_articles([tmp_path]))
    assert error.code == "E122" and str(error).startswith(f"E122 {tmp_path}: no article files")


def test_unreadable_folder(tmp_path, monkeypatch):
    # Tests may run as root, which reads everything: fake the denial.
    (tmp_path / "locked").mkdir()
    (tmp_path / "open.txt").write_text("Readable.")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_articles([tmp_path]))
    [error] = errors(items)
    assert str(error) == f"E109 {tmp_path / 'locked'}: cannot be read (Permission denied)"
    assert texts(items) == ["Readable."]


def test_explicit_files_of_unknown_kind_are_text(tmp_path):
    p = tmp_path / "story.md"
    p.write_text(STORY)
    [a] = list(iter_articles([p]))
    assert a.text == STORY


def test_missing_paths_and_stdin(tmp_path):
    items = list(iter_articles([tmp_path / "nope.html", "-", tmp_path / "nope.txt"],
                               stdin=io.BytesIO(STORY.encode())))
    assert [getattr(i, "code", None) for i in items] == ["E109", None, "E109"]
    assert str(tmp_path / "nope.html") in str(items[0])
    assert items[1].text == STORY


def test_read_file_given_a_folder(tmp_path):
    [error] = list(read_file(tmp_path / ".." / tmp_path.name, date=None))
    assert error.code == "E109" and "is a folder" in str(error)


# -- URLs -------------------------------------------------------------------------------


def fake_fetch(responses):
    def fetch(url, *, timeout):
        result = responses[url]
        if isinstance(result, BaseException):
            raise result
        return result
    return fetch


def test_urls_feed_page_and_failures():
    fetch = fake_fetch({
        "https://tessen.example.com/rss": RSS.encode(),
        "https://kell.example.de/bridge": HTML.encode(),
        "https://down.example.org/feed": urllib.error.URLError(OSError(-2, "Name or service not known")),
        "http://slow.example.org/feed": urllib.error.URLError(TimeoutError("timed out")),
        "https://gone.example.org/feed": urllib.error.HTTPError("https://gone.example.org/feed", 404, "Not Found", None, None),
    })
    urls = ["https://tessen.example.com/rss", "https://kell.example.de/bridge", "https://down.example.org/feed",
            "http://slow.example.org/feed", "https://gone.example.org/feed"]
    feed_item, page, down, slow, gone = iter_articles(urls, fetch=fetch, timeout=5)
    assert feed_item.source == "Tessen Daily" and feed_item.url == "https://tessen.example.com/1"
    assert page.url == "https://kell.example.de/bridge" and page.language == "de" and page.title == "Bridge reopens"
    assert str(down) == "E121 https://down.example.org/feed: cannot be fetched ([Errno -2] Name or service not known)"
    assert str(slow) == "E121 http://slow.example.org/feed: cannot be fetched (timed out after 5 s)"
    assert str(gone) == "E121 https://gone.example.org/feed: cannot be fetched (HTTP 404 Not Found)"


def test_url_with_no_article():
    [error] = read_url("https://x.example/", fetch=fake_fetch({"https://x.example/": b"<html><body></body></html>"}))
    assert str(error) == "E116 https://x.example/: no article text found in the HTML"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/rss":
            body = RSS.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_fetch_url_from_a_local_server(local_server):
    assert fetch_url(f"{local_server}/rss", timeout=5) == RSS.encode()
    [a] = iter_articles([f"{local_server}/rss"])
    assert a.title == "Fuel protest"
    [error] = iter_articles([f"{local_server}/missing"])
    assert error.code == "E121" and "HTTP 404" in str(error) and f"{local_server}/missing" in str(error)
