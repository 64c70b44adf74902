import datetime as dt

import pytest

from tidings.errors import InputError
from tidings.ingest.feeds import is_feed, read_feed, root_element
from tidings.ingest.sources import read_file

# Invented outlets and stories.
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Harbour Times</title>
<link>https://harbour.example.com/</link>
<language>en-us</language>
<item>
  <title>Port strike ends in Merrow</title>
  <link>https://harbour.example.com/news/merrow-strike</link>
  <pubDate>Tue, 05 Mar 2024 23:10:00 -0500</pubDate>
  <description>&lt;p&gt;Dock workers in &lt;b&gt;Merrow&lt;/b&gt; ended a two-week strike after the port
  authority agreed to raise wages.&lt;/p&gt;</description>
</item>
<item>
  <title>Photo gallery</title>
  <link>https://harbour.example.com/gallery/7</link>
  <description>&lt;img src="a.jpg"&gt;</description>
</item>
<item>
  <title>Coastguard seizes trawler</title>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The coastguard seized a foreign trawler off Cape Lune on Sunday.</p>
  <p>The crew of nine was detained, officials said.</p>]]></content:encoded>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Le Veilleur</title>
<id>urn:example:veilleur</id>
<updated>2024-04-02T10:00:00Z</updated>
<entry>
  <title>Manifestation à Belcourt</title>
  <id>urn:example:veilleur:1</id>
  <link href="https://veilleur.example.fr/belcourt"/>
  <published>2024-04-01T23:30:00-05:00</published>
  <updated>2024-04-02T10:00:00Z</updated>
  <content type="html">&lt;p&gt;Des milliers de personnes ont manifesté samedi à Belcourt.&lt;/p&gt;</content>
</entry>
<entry>
  <title>Sans texte</title>
  <id>urn:example:veilleur:2</id>
  <updated>2024-04-02T11:00:00Z</updated>
</entry>
<entry>
  <title>Accord signé</title>
  <id>urn:example:veilleur:3</id>
  <updated>2024-04-03T08:00:00Z</updated>
  <summary>Les deux partis ont signé un accord de coalition.</summary>
</entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://wire.example.org/"><title>Example Wire</title></channel>
<item rdf:about="https://wire.example.org/1"><title>Border reopens</title>
<link>https://wire.example.org/1</link><description>The border crossing at Vask reopened on Monday.</description></item>
</rdf:RDF>
"""


def split(items):
    return ([i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)])


def test_rss_good_and_broken_entries(tmp_path):
    p = tmp_path / "harbour.rss"
    p.write_text(RSS, encoding="utf-8")
    items = list(read_file(p, date=dt.date(2024, 3, 9)))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    first, error, third = items
    assert first.text == "Dock workers in Merrow ended a two-week strike after the port authority agreed to raise wages."
    assert first.title == "Port strike ends in Merrow"
    assert first.url == "https://harbour.example.com/news/merrow-strike"
    assert first.source == first.publisher == "Harbour Times"
    assert first.language == "en-us"
    assert first.date == dt.date(2024, 3, 5)  # the feed's own time zone, not UTC
    assert error.code == "E119"
    assert str(error) == f"E119 {p}: entry 2 ('Photo gallery'): no text in the entry's content or summary"
    # Full content is preferred to the teaser; no date in the entry -> the argument.
    assert third.text == "The coastguard seized a foreign trawler off Cape Lune on Sunday.\nThe crew of nine was detained, officials said."
    assert third.date == dt.date(2024, 3, 9)
    assert third.url is None


def test_atom_good_and_broken_entries(tmp_path):
    p = tmp_path / "veilleur.atom"
    p.write_text(ATOM, encoding="utf-8")
    articles, errors = split(list(read_file(p)))
    assert [a.title for a in articles] == ["Manifestation à Belcourt", "Accord signé"]
    assert articles[0].text == "Des milliers de personnes ont manifesté samedi à Belcourt."
    assert articles[0].date == dt.date(2024, 4, 1)  # published, not updated
    assert articles[0].url == "https://veilleur.example.fr/belcourt"
    assert articles[1].date == dt.date(2024, 4, 3)
    assert {a.source for a in articles} == {a.publisher for a in articles} == {"Le Veilleur"}
    assert {a.language for a in articles} == {"fr"}
    [error] = errors
    assert error.code == "E119" and f"{p}: entry 2 ('Sans texte')" in str(error)


def test_rss_1_rdf_in_an_xml_file(tmp_path):
    p = tmp_path / "wire.xml"
    p.write_text(RDF, encoding="utf-8")
    [a] = list(read_file(p))
    assert a.text == "The border crossing at Vask reopened on Monday."
    assert a.source == "Example Wire"


def test_truncated_feed_keeps_the_entries_before_the_break(tmp_path):
    p = tmp_path / "cut.rss"
    p.write_text(RSS[: RSS.index("<item>\n  <title>Photo")], encoding="utf-8")
    [a] = list(read_file(p))
    assert a.title == "Port strike ends in Merrow"


@pytest.mark.parametrize("content,code,message", [
    ("<?xml version='1.0'?>\n<!-- map -->\n<urlset><url><loc>https://x.example/</loc></url></urlset>",
     "E118", "not an RSS or Atom feed (root element <urlset>)"),
    ("<html><body><p>Not a feed.</p></body></html>", "E118", "not an RSS or Atom feed (root element <html>)"),
    ("Plain words, no markup.", "E118", "not an RSS or Atom feed (no XML root element)"),
    ("<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "E120", "feed has no entries"),
    ("<rss version='2.0'><channel><title>Bad</title>\x01\x02</channel>", "E117", "feed could not be parsed"),
    ("", "E101", "empty input"),
], ids=["sitemap", "html", "text", "no-entries", "malformed", "empty"])
def test_not_a_feed(tmp_path, content, code, message):
    p = tmp_path / "thing.xml"
    p.write_text(content, encoding="utf-8")
    [error] = list(read_file(p))
    assert isinstance(error, InputError)
    assert error.code == code
    assert str(error).startswith(f"{code} {p}: {message}")
    assert "\n" not in str(error)


def test_binary_feed(tmp_path):
    p = tmp_path / "thing.rss"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    [error] = list(read_file(p))
    assert error.code == "E102" and str(p) in str(error)


def test_latin1_feed_with_its_encoding_declared(tmp_path):
    p = tmp_path / "cafe.rss"
    xml = ("<?xml version='1.0' encoding='iso-8859-1'?><rss version='2.0'><channel><title>Café Post</title>"
           "<item><description>Grève générale à Lisère.</description></item></channel></rss>")
    p.write_bytes(xml.encode("latin-1"))
    [a] = list(read_file(p))
    assert a.text == "Grève générale à Lisère." and a.source == "Café Post"


def test_root_element():
    assert root_element(b"\xef\xbb\xbf<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'x'><rss/>") == "rss"
    assert root_element(b"<rdf:RDF xmlns:rdf='x'/>") == "rdf:RDF"
    assert root_element(b"no markup") is None
    assert is_feed("<feed xmlns='http://www.w3.org/2005/Atom'/>".encode("utf-16"))
    assert not is_feed(b"<html/>")


def test_read_feed_directly():
    items = list(read_feed(RSS.encode(), where="https://harbour.example.com/rss"))
    assert [i.code for i in items if isinstance(i, InputError)] == ["E119"]
    assert "https://harbour.example.com/rss: entry 2" in str(items[1])


SCRAPED_DATES = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Scraped Wire</title>
<item><title>One</title><description>Rebels shelled the port of Merrow.</description>
  <pubDate>Wed Nov 23, 2016 | 4:58pm EST</pubDate></item>
<item><title>Two</title><description>Talks resumed in Vask.</description>
  <pubDate>the day before yesterday</pubDate></item>
<item><title>Three</title><description>The border crossing reopened.</description></item>
</channel></rss>
"""


def test_feed_dates_as_scrapers_write_them(tmp_path):
    """A date feedparser cannot read is read as written; one nobody can read loses the date, not
    the entry, and says so once; an entry with no date takes the argument, silently."""
    p = tmp_path / "scraped.rss"
    p.write_text(SCRAPED_DATES, encoding="utf-8")
    one, two, three = list(read_file(p, date=dt.date(2024, 3, 9)))
    assert one.date == dt.date(2016, 11, 23) and one.date_warning is None
    assert two.date == dt.date(2024, 3, 9)
    assert two.date_warning.startswith(f"W112 {p}: entry 2 ('Two'): ")
    assert "'the day before yesterday'" in two.date_warning and "default date 2024-03-09" in two.date_warning
    assert three.date == dt.date(2024, 3, 9) and three.date_warning is None
