"""The feed monitor: one poll cycle at a time, until told to stop.

A cycle polls the feeds that are due (conditional requests, a few at a time), reads the entries
it has not stored yet, fetches the page of each entry that carries only a summary, codes the new
articles and writes them through the one writer in batches, then records each feed's state and
the alerts for events that newly match a rule. The order makes a kill at any point harmless: a
feed's validators are saved only after its articles are committed, so the next run asks again
and finds them stored.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import IO
from urllib.parse import urljoin

from tidings.batch.ingest import IngestReport, write_articles
from tidings.errors import InputError, TidingsError
from tidings.ingest.feeds import Entry, entry_article, feed_entries
from tidings.ingest.html import read_html
from tidings.ingest.http import Answer, FetchError, get
from tidings.store import Store
from tidings.store import feeds as state
from tidings.store.database import select_in
from tidings.store.read import query_events
from tidings.types import Article
from tidings.watch.alerts import AlertRule, Sender
from tidings.watch.schedule import backoff, format_duration

FETCHERS = 4  # feeds and pages fetched at once: enough to hide one slow server, polite to each


def _iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _seconds(iso: str | None) -> float:
    if not iso:
        return 0.0
    return dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()


@dataclass(slots=True)
class CycleReport:
    number: int
    at: float
    polled: int = 0
    changed: int = 0
    not_modified: int = 0
    failed: int = 0
    articles: int = 0
    mentions: int = 0
    new_events: int = 0
    errors: int = 0
    summaries: int = 0     # entries coded from their summary because their page could not be had
    alerts: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    def line(self, next_in: float | None = None) -> str:
        parts = [f"{self.polled} feeds polled ({self.changed} changed, {self.not_modified} not modified, "
                 f"{self.failed} failed)", f"{self.articles} new articles",
                 f"{self.mentions} event mentions ({self.new_events} new events)", f"{self.errors} errors",
                 f"{self.alerts} alerts"]
        if self.summaries:
            parts.insert(2, f"{self.summaries} coded from the summary")
        tail = f"; next in {format_duration(next_in)}" if next_in is not None else ""
        return f"watch: cycle {self.number} at {_iso(self.at)}: " + ", ".join(parts) + f" ({self.seconds:.1f} s){tail}"


@dataclass(slots=True)
class _Poll:
    url: str
    answer: Answer | None = None
    error: TidingsError | None = None
    entries: list[Entry] = field(default_factory=list)
    title: str | None = None


@dataclass(slots=True)
class _Found:
    articles: list[Article] = field(default_factory=list)
    items: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)  # article id -> entries
    empty: list[tuple[str, str, str | None]] = field(default_factory=list)  # entries without an article
    failures: list[TidingsError] = field(default_factory=list)


class Monitor:
    """Watches ``feeds`` into ``store``. ``pipeline`` codes the articles (loaded once by the
    caller); ``rules`` and ``sender`` handle alerts; ``out`` gets the alerts, ``err`` the progress
    lines and error messages. ``clock`` is injectable for tests."""

    def __init__(self, feeds: Iterable[str], store: Store, *, every: float, pipeline, rules: Iterable[AlertRule] = (),
                 sender: Sender | None = None, timeout: float = 20.0, out: IO[str] | None = None,
                 err: IO[str] | None = None, clock: Callable[[], float] = time.time) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.store = store
        self.every = every
        self.pipeline = pipeline
        self.rules = list(rules)
        self.sender = sender
        self.timeout = timeout
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.clock = clock
        self.cycles = 0
        self.stop = threading.Event()
        if sender is not None:
            self._resend_pending()

    # -- the loop ------------------------------------------------------------------------------

    def run(self, *, cycles: int | None = None) -> int:
        """Run cycles every ``every`` seconds until ``stop`` is set (a signal handler sets it) or
        ``cycles`` have run; returns the number of cycles."""
        while not self.stop.is_set():
            report = self.cycle()
            done = cycles is not None and self.cycles >= cycles
            wait = 0.0 if done else max(0.0, report.at + self.every - self.clock())
            print(report.line(None if done or self.stop.is_set() else wait), file=self.err, flush=True)
            if done or self.stop.wait(wait):
                break
        return self.cycles

    def close(self, *, grace: float = 5.0) -> None:
        """Stop the sender, giving queued posts ``grace`` seconds (alerts not posted stay pending
        for the next run), and record what it reported."""
        if self.sender is not None:
            self.sender.close(grace=grace)
            self._settle()

    # -- one cycle -----------------------------------------------------------------------------

    def cycle(self) -> CycleReport:
        self.cycles += 1
        started = time.perf_counter()
        now = self.clock()
        report = CycleReport(self.cycles, now)
        self._settle()
        states = state.load_feeds(self.store.db, self.feeds)
        due = [url for url in self.feeds if _seconds(states[url].next_at) <= now]
        with ThreadPoolExecutor(max_workers=FETCHERS, thread_name_prefix="tidings-fetch") as pool:
            polls = list(pool.map(lambda url: self._poll(url, states[url]), due))
            report.polled = len(polls)
            for poll in polls:
                if poll.error is not None:
                    self._failed(poll, states[poll.url], now, report)
                elif poll.answer is not None and poll.answer.status == 304:
                    report.not_modified += 1
                    self._save(states[poll.url], poll, now)
            fresh = [p for p in polls if p.error is None and p.answer is not None and p.answer.status != 304]
            report.changed = len(fresh)
            found = self._articles(fresh, pool, now, report)
        ingest = IngestReport()
        touched: set[str] = set()
        items = dict(found.items)

        def written(batch: list) -> None:
            ids = [article.id for article, _ in batch]
            state.record_items(self.store.db, self.store.path,
                               [item for article_id in ids for item in items.pop(article_id, [])], at=_iso(now))
            touched.update(self._events_of(ids))

        self.store.write_input_errors(found.failures, stage="watch")
        write_articles(self.store, found.articles, report=ingest, pipeline=self.pipeline, written=written,
                       stop=self.stop.is_set)
        report.articles = ingest.counts.added
        report.mentions = ingest.counts.mentions
        report.new_events = ingest.counts.new_events
        report.errors += ingest.counts.failed
        report.messages += ingest.counts.error_messages
        if not self.stop.is_set():
            # every article of these feeds is committed: now their validators may move on
            state.record_items(self.store.db, self.store.path, found.empty, at=_iso(now))
            for poll in fresh:
                added = sum(1 for entries in found.items.values() if any(url == poll.url for url, _, _ in entries))
                self._save(states[poll.url], poll, now, changed=True, added=added)
        report.alerts = self._alert(sorted(touched), now)
        for message in report.messages:
            print(f"tidings: error: {message}", file=self.err, flush=True)
        report.seconds = time.perf_counter() - started
        return report

    def _poll(self, url: str, feed: state.FeedState) -> _Poll:
        poll = _Poll(url)
        try:
            poll.answer = get(url, etag=feed.etag, last_modified=feed.last_modified, timeout=self.timeout)
        except FetchError as exc:
            poll.error = exc
            return poll
        if poll.answer.status == 304:
            return poll
        try:
            for item in feed_entries(poll.answer.body or b"", where=url):
                if isinstance(item, InputError):
                    if item.code != "E120":  # a feed with no entries is an empty feed, not a broken one
                        poll.error = item
                    return poll
                # a relative link is relative to the feed (feedparser resolves it only with a base URL)
                poll.entries.append(replace(item, link=urljoin(poll.answer.url, item.link)) if item.link else item)
                poll.title = poll.title or item.feed_title
        except Exception as exc:  # noqa: BLE001 - a feed from the wild must fail its poll, never the monitor
            poll.entries = []
            poll.error = InputError(f"{url}: feed could not be parsed ({type(exc).__name__}: {exc})", code="E117")
        return poll

    def _articles(self, polls: list[_Poll], pool: ThreadPoolExecutor, now: float, report: CycleReport) -> "_Found":
        """The articles of the entries not stored yet, with the feed items each one stands for."""
        today = dt.datetime.fromtimestamp(now, dt.timezone.utc).date()
        todo: list[tuple[str, Entry]] = []
        for poll in polls:
            seen = state.seen_items(self.store.db, poll.url, (e.key for e in poll.entries))
            todo += [(poll.url, e) for e in poll.entries if e.key not in seen]
        found = _Found()
        for (url, entry), (article, problem) in zip(todo, pool.map(lambda job: self._article(job[1], today), todo)):
            if problem is not None:
                report.messages.append(str(problem))
            if article is None:
                report.errors += 1
                found.failures.append(problem)
                if not isinstance(problem, FetchError):
                    # the entry itself holds no article; one whose page could not be had is asked again
                    found.empty.append((url, entry.key, None))
                continue
            if problem is not None:
                report.summaries += 1
            if article.id not in found.items:
                found.articles.append(article)
            found.items.setdefault(article.id, []).append((url, entry.key, article.id))
        return found

    def _article(self, entry: Entry, today: dt.date) -> tuple[Article | None, TidingsError | None]:
        """An entry's article: its full content, or its page (extracted), or, when the page cannot
        be had, its summary. An entry without a date takes the day it was polled, which for a
        live feed is the day it was published, give or take the time zone."""
        if entry.full or not entry.link:
            try:
                return entry_article(entry, date=today), None
            except InputError as exc:
                return None, exc
        try:
            answer = get(entry.link, timeout=self.timeout)
            page = read_html(answer.body or b"", where=entry.link, date=entry.date or today, url=entry.link)
            return replace(page, title=page.title or entry.title, source=entry.feed_title or page.source,
                           publisher=entry.feed_title or page.publisher), None
        except InputError as exc:
            problem = exc
        try:
            return entry_article(entry, date=today), InputError(
                f"{problem.message}; coded the feed's summary instead", code=problem.code)
        except InputError:
            return None, problem

    def _events_of(self, article_ids: list[str]) -> set[str]:
        return select_in(self.store.db, "SELECT event_id FROM mentions WHERE article_id IN ({marks})", article_ids)

    def _failed(self, poll: _Poll, feed: state.FeedState, now: float, report: CycleReport) -> None:
        report.failed += 1
        failures = feed.failures + 1
        wait = backoff(self.every, failures, retry_after=getattr(poll.error, "retry_after", None))
        report.messages.append(f"{poll.error}; polled again in {format_duration(wait)} (failure {failures} in a row)")
        report.errors += 1
        self.store.write_input_errors([poll.error], stage="watch")
        state.save_feed(self.store.db, self.store.path, replace(
            feed, failures=failures, next_at=_iso(now + wait), checked_at=_iso(now), status="error",
            error=str(poll.error)))

    def _save(self, feed: state.FeedState, poll: _Poll, now: float, *, changed: bool = False, added: int = 0) -> None:
        answer = poll.answer
        assert answer is not None
        state.save_feed(self.store.db, self.store.path, replace(
            feed, etag=answer.etag, last_modified=answer.last_modified, failures=0, next_at=_iso(now + self.every),
            checked_at=_iso(now), status="ok" if changed else "not modified", error=None),
            title=poll.title, changed=changed, added=added)

    # -- alerts --------------------------------------------------------------------------------

    def _alert(self, touched: list[str], now: float) -> int:
        """Record, print and send the events among ``touched`` that match a rule for the first time."""
        if not touched or not self.rules:
            return 0
        rows, posts = [], []
        for rule in self.rules:
            events = query_events(self.store.db, rule.among(tuple(touched)), limit=None)
            done = state.alerted(self.store.db, rule.text, (e["id"] for e in events))
            for event in events:
                if event["id"] not in done:
                    rows.append((rule.text, event["id"], self.sender.url if self.sender else None,
                                 "pending" if self.sender else "printed"))
                    posts.append((rule.text, event))
        state.add_alerts(self.store.db, self.store.path, rows, at=_iso(now))  # before sending: a kill resends
        for rule_text, event in posts:
            print(alert_line(rule_text, event), file=self.out, flush=True)
            if self.sender is not None:
                self.sender.send(rule_text, event)
        return len(posts)

    def _resend_pending(self) -> None:
        assert self.sender is not None
        from tidings.store.read import EventFilter

        pending = state.pending_alerts(self.store.db, self.sender.url)
        if not pending:
            return
        events = {e["id"]: e for e in query_events(self.store.db, EventFilter(ids=tuple(e for _, e in pending)),
                                                   limit=None)}
        for rule_text, event_id in pending:
            if event_id in events:
                self.sender.send(rule_text, events[event_id])

    def _settle(self) -> None:
        if self.sender is None:
            return
        outcomes = self.sender.outcomes()
        state.settle_alerts(self.store.db, self.store.path,
                            [(o.rule, o.event_id, o.status, o.attempts, o.error) for o in outcomes],
                            at=_iso(self.clock()))
        for o in outcomes:
            if o.status == "failed":
                print(f"tidings: error: E407 alert for event {o.event_id} ({o.rule}) not delivered to "
                      f"{self.sender.url} after {o.attempts} attempts: {o.error}", file=self.err, flush=True)


def alert_line(rule: str, event: dict) -> str:
    """One line for an alert: rule, type, dyad, date, place and the evidence."""
    side = lambda actors: "+".join(dict.fromkeys(a.get("country") or a.get("name") or a["text"]  # noqa: E731
                                                 for a in actors)) or "-"
    date = (event.get("date") or {}).get("value") or event.get("first_seen") or "undated"
    place = (event.get("location") or {}).get("name")
    evidence = " ".join(event["evidence"]["text"].split())
    evidence = evidence if len(evidence) <= 160 else evidence[:159] + "…"
    where = f" in {place}" if place else ""
    return (f"alert [{rule}] {event['type']} {side(event['source'])} -> {side(event['target'])} {date}{where}: "
            f"\"{evidence}\" (event {event['id']})")
