"""``tidings watch`` against a local HTTP server whose feeds change between polls: new items,
304 Not Modified, a 500, a malformed feed, a slow answer, a summary-only entry whose page is
fetched; alerts posted to a local webhook (which fails once), and a restart that resumes. Every
story is invented."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.watch.server import Route, Site
from tidings.store import Store
from tidings.watch import AlertRule, Monitor, Sender

T0 = 1_709_700_000.0  # 2024-03-06T04:40:00Z
EVERY = 60.0

ASSAULT = ("KHARKIV, March 4 - Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing four "
           "civilians, the regional governor said.")
SANCTION = ("The European Union imposed new sanctions on Belarus on Monday over the detention of opposition "
            "leaders, EU foreign ministers said.")
SANCTION_TOO = ("BRUSSELS, March 5 - The European Union extended its sanctions on Belarus on Tuesday, "
                "officials said.")
VISIT = ("DOHA, March 5 - Qatar's emir received Turkish President Recep Tayyip Erdogan in Doha on Tuesday, and "
         "the two leaders signed a defence agreement, the Qatari foreign ministry said.")
STRIKE = ("BEIRUT, March 6 - Israeli aircraft struck targets in southern Lebanon on Wednesday, killing three "
          "fighters, the Lebanese army said. The Israeli military said the strikes hit weapons depots.")


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed whose items carry their full text (content:encoded)."""
    body = "".join(f"<item><title>{t}</title><guid>{guid}</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>"
                   f"<description>Teaser.</description><content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>"
                   "</item>" for guid, t, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{title}</title>{body}</channel></rss>").encode()


def atom(title: str, entries: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed whose entries carry only a summary and a link to their page."""
    body = "".join(f'<entry><title>{t}</title><id>urn:test:{key}</id><link href="{link}"/>'
                   f"<updated>2024-03-06T07:00:00Z</updated><summary>Short teaser.</summary></entry>"
                   for key, t, link in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:test:feed</id><updated>2024-03-06T07:00:00Z</updated>{body}</feed>").encode()


def page(title: str, text: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta property="og:site_name" content="Gulf Dispatch">'
            '<meta property="article:published_time" content="2024-03-05T12:00:00Z"></head><body>'
            '<nav><a href="/">Home</a> | <a href="/world">World</a></nav>'
            f"<article><h1>{title}</h1><p>{text}</p><p>Officials from both governments described the talks "
            "as cordial and said working groups would meet again within a month to review progress.</p></article>"
            "<footer>Copyright 2024 Gulf Dispatch</footer></body></html>").encode()


MALFORMED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken &amp; </title></channel'


@pytest.fixture()
def site():
    with Site() as s:
        s.routes["/wire.rss"] = Route(rss("Northern Wire", [("w1", "Shelling in Kharkiv", ASSAULT)]))
        s.routes["/gulf.atom"] = Route(atom("Gulf Dispatch", [("g1", "Emir hosts Erdogan", f"{s.url}/pages/g1.html")]),
                                       content_type="application/atom+xml")
        s.routes["/pages/g1.html"] = Route(page("Emir hosts Erdogan", VISIT), content_type="text/html")
        s.routes["/capital.rss"] = Route(rss("Capital Post", [("c1", "EU sanctions Belarus", SANCTION)]))
        s.routes["/broken.rss"] = Route(MALFORMED)
        s.routes["/slow.rss"] = Route(rss("Slow Times", [("s1", "Late news", SANCTION)]), delay=2.5)
        yield s


def feeds(site: Site) -> list[str]:
    return [f"{site.url}/{name}" for name in ("wire.rss", "gulf.atom", "capital.rss", "broken.rss", "slow.rss")]


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def table(db: sqlite3.Connection, sql: str, *args) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql, args)]


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def monitor(site, store, pipeline, clock, *, sender=None, rules=("type=ASSAULT",), out=None, err=None):
    return Monitor(feeds(site), store, every=EVERY, pipeline=pipeline, rules=[AlertRule.parse(r) for r in rules],
                   sender=sender, timeout=1.0, out=out or io.StringIO(), err=err or io.StringIO(), clock=clock)


def test_polls_store_backoff_alerts_and_resume(site, pipeline, tmp_path, event_schema):
    import jsonschema

    path = tmp_path / "live.db"
    clock = Clock()
    site.hook.fail_first = 1  # the first post fails: the sender retries it
    out = io.StringIO()
    with Store.open(path) as store:
        sender = Sender(f"{site.url}/hook", timeout=2.0, delays=(0.1, 0.2, 0.4))
        watch = monitor(site, store, pipeline, clock, sender=sender, out=out)

        # cycle 1: three feeds give articles (one through its page), one is malformed, one too slow
        first = watch.cycle()
        assert (first.polled, first.changed, first.not_modified, first.failed) == (5, 3, 0, 2)
        assert first.articles == 3 and first.new_events >= 3 and first.alerts >= 1
        db = store.db
        titles = {r[0]: r[1] for r in table(db, "SELECT title, text FROM articles")}
        assert set(titles) == {"Shelling in Kharkiv", "Emir hosts Erdogan", "EU sanctions Belarus"}
        assert "signed a defence agreement" in titles["Emir hosts Erdogan"]  # from the page, not the summary
        assert len(site.gets("/pages/g1.html")) == 1
        state = {r[0].rsplit("/", 1)[1]: r[1:] for r in table(
            db, "SELECT url, status, failures, etag IS NOT NULL, next_at, articles FROM feeds")}
        assert state["wire.rss"] == ("ok", 0, 1, "2024-03-06T04:41:00Z", 1)
        assert state["broken.rss"][:3] == ("error", 1, 0) and state["slow.rss"][:2] == ("error", 1)
        assert state["broken.rss"][3] == "2024-03-06T04:42:00Z"  # backoff: twice the interval
        errors = table(db, "SELECT input, code FROM errors WHERE stage = 'watch' ORDER BY input")
        assert errors == [(f"{site.url}/broken.rss", "E117"), (f"{site.url}/slow.rss", "E121")]
        wait_for(sender.idle)

        # cycle 2, a minute later: the wire has not changed (304), the Gulf feed has a new entry,
        # the capital feed answers 500; the failed feeds are still backing off
        clock.now += EVERY
        site.routes["/gulf.atom"].body = atom("Gulf Dispatch", [("g2", "Strikes in Lebanon", f"{site.url}/pages/g2.html"),
                                                                ("g1", "Emir hosts Erdogan", f"{site.url}/pages/g1.html")])
        site.routes["/pages/g2.html"] = Route(page("Strikes in Lebanon", STRIKE), content_type="text/html")
        site.routes["/capital.rss"].status = 500
        second = watch.cycle()
        assert (second.polled, second.changed, second.not_modified, second.failed) == (3, 1, 1, 1)
        assert second.articles == 1 and len(site.gets("/pages/g1.html")) == 1  # a stored entry is not fetched again
        wire = site.gets("/wire.rss")
        assert wire[-1]["If-None-Match"] and wire[-1]["If-Modified-Since"] == "Tue, 05 Mar 2024 10:00:00 GMT"
        assert len(site.gets("/broken.rss")) == len(site.gets("/slow.rss")) == 1  # not due yet
        assert table(db, "SELECT failures, status FROM feeds WHERE url LIKE '%capital.rss'") == [(1, "error")]

        # cycle 3, three minutes on: the capital feed is back with a new item; the broken one is fixed
        clock.now += 3 * EVERY
        site.routes["/capital.rss"] = Route(rss("Capital Post", [("c2", "EU extends sanctions", SANCTION_TOO),
                                                                 ("c1", "EU sanctions Belarus", SANCTION)]))
        site.routes["/broken.rss"] = Route(rss("Mended Gazette", []))
        third = watch.cycle()
        assert third.failed == 1 and third.articles == 1  # the slow feed still times out
        assert table(db, "SELECT failures, status FROM feeds WHERE url LIKE '%capital.rss'") == [(0, "ok")]
        assert table(db, "SELECT failures, status FROM feeds WHERE url LIKE '%broken.rss'") == [(0, "ok")]
        assert table(db, "SELECT failures FROM feeds WHERE url LIKE '%slow.rss'") == [(2,)]
        wait_for(sender.idle)
        watch.close()

        # what was posted: each ASSAULT once, in the event schema, the first after one retry
        stored = {e for (e,) in table(db, "SELECT id FROM events WHERE type = 'ASSAULT'")}
        assert {e["id"] for e in site.hook.received} == stored and len(site.hook.received) == len(stored) >= 2
        assert site.hook.attempts == len(stored) + 1
        counts = {"num_mentions", "num_articles", "num_sources", "first_seen", "last_seen"}
        for event in site.hook.received:
            jsonschema.validate({k: v for k, v in event.items() if k not in counts}, event_schema)
        assert {h["X-Tidings-Rule"] for h in site.hook.headers} == {"type=ASSAULT"}
        alerts = table(db, "SELECT status, attempts FROM alerts ORDER BY attempts")
        assert [a[0] for a in alerts] == ["sent"] * len(stored) and alerts[-1][1] == 2
        assert out.getvalue().count("alert [type=ASSAULT] ASSAULT") == len(stored)
        articles_before = table(db, "SELECT count(*) FROM articles")[0][0]

    # a restart resumes: validators and stored entries come from the store, nothing is added or posted again
    clock.now += 10 * EVERY
    with Store.open(path) as store:
        sender = Sender(f"{site.url}/hook", timeout=2.0, delays=(0.1,))
        again = monitor(site, store, pipeline, clock, sender=sender)
        report = again.cycle()
        assert report.not_modified == 4 and report.articles == 0 and report.alerts == 0
        assert table(store.db, "SELECT count(*) FROM articles")[0][0] == articles_before
        again.close()
    assert len(site.hook.received) == len(stored)


def test_relative_links_are_read_against_the_feed(site, pipeline, tmp_path):
    site.routes = {"/news/gulf.atom": Route(atom("Gulf Dispatch", [("g1", "Emir hosts Erdogan", "../pages/g1.html")]),
                                            content_type="application/atom+xml"),
                   "/pages/g1.html": Route(page("Emir hosts Erdogan", VISIT), content_type="text/html")}
    with Store.open(tmp_path / "r.db") as store:
        watch = Monitor([f"{site.url}/news/gulf.atom"], store, every=EVERY, pipeline=pipeline, timeout=1.0,
                        out=io.StringIO(), err=io.StringIO(), clock=Clock())
        assert watch.cycle().articles == 1
        text, url = store.db.execute("SELECT text, url FROM articles").fetchone()
    assert "signed a defence agreement" in text and url == f"{site.url}/pages/g1.html"


def test_alert_keys_and_min_mentions(site, pipeline, tmp_path):
    """Alerts with query keys and min_mentions: an event alerts once, when it first matches."""
    site.routes = {"/wire.rss": Route(rss("Northern Wire", [("w1", "Shelling", ASSAULT)]))}
    path = tmp_path / "m.db"
    out = io.StringIO()
    clock = Clock()
    with Store.open(path) as store:
        rules = ("actor=UKR,quad_class=4", "type=ASSAULT,min_mentions=2", "source=BLR")
        watch = Monitor([f"{site.url}/wire.rss"], store, every=EVERY, pipeline=pipeline,
                        rules=[AlertRule.parse(r) for r in rules], timeout=1.0, out=out, err=io.StringIO(), clock=clock)
        assert watch.cycle().alerts == 1
        assert "alert [actor=UKR,quad_class=4] ASSAULT RUS -> UKR" in out.getvalue()
        # a second outlet reports the same shelling: the event now has two mentions
        clock.now += EVERY
        site.routes["/wire.rss"].body = rss("Northern Wire", [
            ("w2", "Kharkiv shelled", "Russian forces shelled Kharkiv in Ukraine on Monday, killing four civilians, "
                                      "officials said."), ("w1", "Shelling", ASSAULT)])
        assert watch.cycle().alerts == 1
        assert "alert [type=ASSAULT,min_mentions=2]" in out.getvalue()
        assert table(store.db, "SELECT rule, status FROM alerts ORDER BY rule") == [
            ("actor=UKR,quad_class=4", "printed"), ("type=ASSAULT,min_mentions=2", "printed")]


def test_pending_alerts_are_sent_after_a_restart(site, pipeline, tmp_path):
    site.routes = {"/wire.rss": Route(rss("Northern Wire", [("w1", "Shelling", ASSAULT)]))}
    site.hook.fail_first = 1000
    path = tmp_path / "p.db"
    with Store.open(path) as store:
        sender = Sender(f"{site.url}/hook", timeout=1.0, delays=(30.0,))  # retries later than we stop
        watch = Monitor([f"{site.url}/wire.rss"], store, every=EVERY, pipeline=pipeline,
                        rules=[AlertRule.parse("type=ASSAULT")], sender=sender, timeout=1.0,
                        out=io.StringIO(), err=io.StringIO(), clock=Clock())
        assert watch.cycle().alerts == 1
        wait_for(lambda: site.hook.attempts >= 1)
        watch.close(grace=0.2)  # stops while waiting to retry
        assert table(store.db, "SELECT status FROM alerts") == [("pending",)]
    site.hook.fail_first = 0
    with Store.open(path) as store:
        sender = Sender(f"{site.url}/hook", timeout=1.0, delays=(0.1,))
        watch = Monitor([f"{site.url}/wire.rss"], store, every=EVERY, pipeline=pipeline,
                        rules=[AlertRule.parse("type=ASSAULT")], sender=sender, timeout=1.0,
                        out=io.StringIO(), err=io.StringIO(), clock=Clock())
        wait_for(sender.idle)
        watch.cycle()
        watch.close()
        assert table(store.db, "SELECT status, attempts FROM alerts") == [("sent", 1)]
    assert len(site.hook.received) == 1


def test_the_progress_line_says_what_a_cycle_did(site, pipeline, tmp_path):
    site.routes = {"/wire.rss": Route(rss("Northern Wire", [("w1", "Shelling", ASSAULT)])),
                   "/gone.rss": Route(status=500)}
    err = io.StringIO()
    with Store.open(tmp_path / "l.db") as store:
        watch = Monitor([f"{site.url}/wire.rss", f"{site.url}/gone.rss"], store, every=1.0, pipeline=pipeline,
                        timeout=1.0, out=io.StringIO(), err=err)
        assert watch.run(cycles=2) == 2
    lines = err.getvalue().splitlines()
    cycles = [line for line in lines if line.startswith("watch: cycle")]
    assert len(cycles) == 2
    assert "2 feeds polled (1 changed, 0 not modified, 1 failed), 1 new articles" in cycles[0]
    assert "1 feeds polled (0 changed, 1 not modified, 0 failed), 0 new articles" in cycles[1]  # gone.rss backs off
    assert any("E121" in line and "HTTP 500" in line and "polled again in 2s" in line for line in lines)


@pytest.mark.parametrize("bad, message", [
    (["--every", "15"], "expected a number with a unit"),
    (["--every", "0s"], "at least one second"),
    (["--alert", "kind=ASSAULT"], "unknown key 'kind'"),
    (["--alert", "type=BOMB"], "not a PLOVER event type"),
    (["--alert", "quad_class=5"], "quad_class takes a whole number, 1 to 4"),
    (["--webhook", "http://127.0.0.1:9/hook"], "--webhook needs at least one --alert"),
])
def test_bad_options_are_one_line_before_anything_loads(bad, message, tmp_path, capsys):
    from tidings.cli.main import main

    assert main(["watch", "http://127.0.0.1:9/feed.rss", "--db", str(tmp_path / "x.db"), *bad]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "x.db").exists()


def test_feed_lists(tmp_path):
    from tidings.cli.watch import feed_urls
    from tidings.errors import InputError

    listing = tmp_path / "feeds.txt"
    listing.write_text("# outlets\nhttps://a.example/rss\n\nhttps://b.example/atom  # the second\n"
                       "https://a.example/rss\n", encoding="utf-8")
    assert feed_urls([str(listing), "http://c.example/feed"]) == [
        "https://a.example/rss", "https://b.example/atom", "http://c.example/feed"]
    listing.write_text("https://a.example/rss\nftp://nope\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feeds.txt:2: 'ftp://nope' is not an http\(s\) URL"):
        feed_urls([str(listing)])
    with pytest.raises(InputError, match="neither an http"):
        feed_urls([str(tmp_path / "missing.txt")])


def _check_stopped_database(db: Path) -> None:
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert check.execute("SELECT status FROM feeds").fetchall() in ([("ok",)], [("not modified",)])
    check.close()


def test_sigterm_stops_the_command_cleanly(site, tmp_path):
    """The real command in a process of its own: it polls every second until SIGTERM (what
    systemd and docker stop send), then exits 0 with a whole database holding every article once."""
    site.routes = {"/wire.rss": Route(rss("Northern Wire", [("w1", "Shelling", ASSAULT)]))}
    db = tmp_path / "sig.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "watch", f"{site.url}/wire.rss", "--db", str(db),
                             "--every", "1s", "--alert", "type=ASSAULT"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        wait_for(lambda: len(site.gets("/wire.rss")) >= 2, seconds=120)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "watch stopped after" in err and "Traceback" not in err
    assert "alert [type=ASSAULT] ASSAULT RUS -> UKR" in out
    _check_stopped_database(db)


def test_sigint_stops_the_command_cleanly(site, tmp_path, pipeline, capsys):
    """Ctrl-C: the same command in this process (with the session's pipeline), interrupted from
    another thread once it has polled twice."""
    import argparse
    import threading

    from tidings.cli.watch import run_watch

    site.routes = {"/wire.rss": Route(rss("Northern Wire", [("w1", "Shelling", ASSAULT)]))}
    db = tmp_path / "int.db"
    args = argparse.Namespace(feeds=[f"{site.url}/wire.rss"], db=str(db), every="1s", alert=None, webhook=None,
                              cycles=None, model=None)

    def interrupt() -> None:
        wait_for(lambda: len(site.gets("/wire.rss")) >= 2, seconds=60)
        os.kill(os.getpid(), signal.SIGINT)

    before = signal.getsignal(signal.SIGINT)
    threading.Thread(target=interrupt, daemon=True).start()
    assert run_watch(args, pipeline=pipeline) == 0
    assert signal.getsignal(signal.SIGINT) is before  # the handler is put back
    assert "watch stopped after" in capsys.readouterr().err
    _check_stopped_database(db)
