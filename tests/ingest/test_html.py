import datetime as dt

import pytest

from tidings.errors import InputError
from tidings.ingest.html import html_to_text, read_html
from tidings.ingest.identity import article_id
from tidings.ingest.sources import read_file

# An invented outlet and story.
PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ministers meet in Valdoria over fishing dispute | The Northern Ledger</title>
<link rel="canonical" href="https://ledger.example.org/world/valdoria-fishing-talks">
<meta property="og:site_name" content="The Northern Ledger">
<meta property="og:title" content="Ministers meet in Valdoria over fishing dispute">
{date_meta}
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Ministers meet in Valdoria over fishing dispute</h1>
<p>ORAVIK, March 14 - Foreign ministers from Valdoria and Estmark met on Thursday in the port city
of Oravik to discuss a dispute over fishing rights that has strained relations for a decade.</p>
<p>The Estmark delegation said it would propose a joint commission to monitor catches, while
Valdorian officials accused Estmark of sending trawlers into protected waters last autumn.</p>
<p>Talks are expected to continue on Friday, a spokesperson for the Valdorian foreign ministry said.</p>
</article>
<footer>Copyright 2024 The Northern Ledger</footer>
</body>
</html>
"""
DATE_META = '<meta property="article:published_time" content="2024-03-14T09:30:00Z">'


def page(*, dated: bool = True) -> str:
    return PAGE.format(date_meta=DATE_META if dated else "")


def test_article_text_and_metadata(tmp_path):
    p = tmp_path / "valdoria.html"
    p.write_text(page(), encoding="utf-8")
    [a] = list(read_file(p, date=dt.date(2030, 1, 1)))
    assert a.text.startswith("ORAVIK, March 14 - Foreign ministers from Valdoria")
    assert "Talks are expected to continue on Friday" in a.text
    assert "Home" not in a.text and "Copyright" not in a.text
    assert a.title == "Ministers meet in Valdoria over fishing dispute"
    assert a.date == dt.date(2024, 3, 14)  # the page's own date wins over the argument
    assert a.url == "https://ledger.example.org/world/valdoria-fishing-talks"
    assert a.source == a.publisher == "The Northern Ledger"
    assert a.language == "en-GB"
    assert a.id == article_id(a.text)


def test_date_argument_when_the_page_has_none(tmp_path):
    # The footer's "Copyright 2024" must not be taken for a publication date.
    p = tmp_path / "undated.htm"
    p.write_text(page(dated=False), encoding="utf-8")
    [a] = list(read_file(p, date=dt.date(2024, 3, 15)))
    assert a.date == dt.date(2024, 3, 15)
    [b] = list(read_file(p))
    assert b.date is None


def test_declared_latin1_page_is_decoded(tmp_path):
    html = page().replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Valdoria and Estmark", "Valdória and Estmark")
    p = tmp_path / "latin1.html"
    p.write_bytes(html.encode("latin-1"))
    [a] = list(read_file(p))
    assert "Valdória and Estmark" in a.text


@pytest.mark.parametrize("html", [
    "<html><head><title>Index</title></head><body></body></html>",
    "<html><head><script>var x = 1;</script><style>p {}</style></head><body><script>go()</script></body></html>",
    "just some words without any markup",
], ids=["empty-body", "only-scripts", "not-html"])
def test_no_article_text(tmp_path, html):
    p = tmp_path / "blank.html"
    p.write_text(html, encoding="utf-8")
    [error] = list(read_file(p))
    assert isinstance(error, InputError)
    assert error.code == "E116"
    assert str(error) == f"E116 {p}: no article text found in the HTML"


@pytest.mark.parametrize("html", [
    "<html><body><p>Rebels seized the town of Kell on Monday, residents said.<div><table><tr><td>",
    "<<<>>><p <div \x01 </span></p></html></html><p>Troops withdrew from the border crossing.",
    "<html><body><p>Unclosed <b>bold <i>italic <a href='x>Police detained two organisers of the march.",
], ids=["unclosed", "garbage", "broken-attribute"])
def test_malformed_html_never_raises(tmp_path, html):
    p = tmp_path / "broken.html"
    p.write_text(html, encoding="utf-8")
    [item] = list(read_file(p))
    if isinstance(item, InputError):
        assert item.code in ("E116", "E124") and str(p) in str(item)
    else:
        assert item.text


@pytest.mark.parametrize("content,code", [
    (b"", "E101"), (b"  \n ", "E101"), (b"<html>\x00\x00\x00\x89PNG\x00", "E102"),
])
def test_empty_and_binary_html(tmp_path, content, code):
    p = tmp_path / "x.html"
    p.write_bytes(content)
    [error] = list(read_file(p))
    assert isinstance(error, InputError) and error.code == code and str(p) in str(error)


def test_read_html_takes_the_url_when_the_page_names_none():
    html = b"<html><body><article><p>Farmers blocked roads near Tessen to protest fuel prices.</p></article></body></html>"
    a = read_html(html, where="page", url="https://news.example.net/tessen")
    assert a.url == "https://news.example.net/tessen"
    assert a.text == "Farmers blocked roads near Tessen to protest fuel prices."


def test_html_to_text():
    fragment = ("<p>Dock workers in <b>Merrow</b> ended a strike.</p><script>x()</script>"
                "<ul><li>Pay: +4&nbsp;%</li><li>Hours &amp; shifts</li></ul>a<br>b<p>unclosed")
    assert html_to_text(fragment) == "Dock workers in Merrow ended a strike.\nPay: +4 %\nHours & shifts\na\nb\nunclosed"
    assert html_to_text("<<<>>>") == "<<<>>>"
    assert html_to_text("") == ""
