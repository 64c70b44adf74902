"""Alert rules and the webhook sender.

A rule is a comma-separated list of ``key=value`` with the keys of ``tidings query``'s filters
(``source``, ``target``, ``actor``, ``type``, ``text``, ``dyad`` as ``A-B``) plus ``quad_class``
and ``min_mentions``; every key must match. An event is alerted once per rule, when it first
matches after a poll: a new event, or a stored one that reaches ``min_mentions``.

The sender is one thread with a queue: the monitor hands it an event and goes on. It POSTs the
event as JSON (the event schema plus the store's counts) to the webhook, retrying a failed post
after growing delays, and reports each outcome back through a second queue, which the monitor
records in the store.
"""

from __future__ import annotations

import json
import queue
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace

from tidings.errors import ConfigError
from tidings.ingest.sources import is_url
from tidings.store.read import EventFilter
from tidings.types import PLOVER_TYPES

_CODE_KEYS = ("source", "target", "actor")
KEYS = (*_CODE_KEYS, "type", "text", "dyad", "quad_class", "min_mentions")


def _code(key: str, value: str, rule: str) -> str:
    code = value.strip().upper()
    if not (1 <= len(code) <= 8 and code.isalnum()):
        raise ConfigError(f"alert {rule!r}: {key}={value!r} is not an actor code such as TUR or IGO", code="E405")
    return code


@dataclass(frozen=True, slots=True)
class AlertRule:
    """A parsed rule: ``text`` is its canonical form (keys in a fixed order), which names it in
    the store and in what is printed and posted."""

    text: str
    filter: EventFilter = field(compare=False)

    @classmethod
    def parse(cls, rule: str) -> "AlertRule":
        values: dict[str, str] = {}
        for part in rule.split(","):
            key, sep, value = part.partition("=")
            key, value = key.strip().lower(), value.strip()
            if not sep or not key or not value:
                raise ConfigError(f"alert {rule!r}: expected key=value pairs separated by commas, "
                                  "e.g. actor=TUR,type=SANCTION", code="E405")
            if key not in KEYS:
                raise ConfigError(f"alert {rule!r}: unknown key {key!r} (keys: {', '.join(KEYS)})", code="E405")
            if key in values:
                raise ConfigError(f"alert {rule!r}: {key} given twice", code="E405")
            values[key] = value
        args: dict[str, object] = {}
        for key in _CODE_KEYS:
            if key in values:
                values[key] = args[key] = _code(key, values[key], rule)
        if "type" in values:
            values["type"] = values["type"].upper()
            if values["type"] not in PLOVER_TYPES:
                raise ConfigError(f"alert {rule!r}: {values['type']!r} is not a PLOVER event type "
                                  f"({', '.join(PLOVER_TYPES)})", code="E405")
            args["type"] = values["type"]
        if "text" in values:
            args["text"] = values["text"]
        if "dyad" in values:
            pair = values["dyad"].replace("+", "-").split("-")
            if len(pair) != 2:
                raise ConfigError(f"alert {rule!r}: dyad takes two codes, e.g. dyad=TUR-QAT", code="E405")
            a, b = (_code("dyad", code, rule) for code in pair)
            values["dyad"] = f"{a}-{b}"
            args["dyad"] = (a, b)
        for key, low, high in (("quad_class", 1, 4), ("min_mentions", 1, None)):
            if key in values:
                try:
                    number = int(values[key])
                except ValueError:
                    number = low - 1
                if number < low or (high is not None and number > high):
                    bounds = f"{low} to {high}" if high else f"at least {low}"
                    raise ConfigError(f"alert {rule!r}: {key} takes a whole number, {bounds}", code="E405")
                values[key] = str(number)
                args[key] = number
        text = ",".join(f"{key}={values[key]}" for key in KEYS if key in values)
        return cls(text, EventFilter(**args))

    def among(self, event_ids: tuple[str, ...]) -> EventFilter:
        """This rule's filter, restricted to these events."""
        return replace(self.filter, ids=event_ids)


def check_webhook(url: str) -> str:
    if not is_url(url):
        raise ConfigError(f"--webhook {url!r}: expected an http(s) URL", code="E406")
    return url


@dataclass(frozen=True, slots=True)
class Outcome:
    rule: str
    event_id: str
    status: str           # sent, failed
    attempts: int
    error: str | None


RETRY_DELAYS = (2.0, 10.0, 30.0, 120.0, 600.0)  # seconds before each retry: a receiver down for minutes still gets it


class Sender:
    """Posts alerts to one webhook from a thread of its own. ``send`` never blocks; ``outcomes``
    drains what happened so far; ``close`` stops it, leaving what was not posted for the next run
    (the store keeps those alerts as pending)."""

    def __init__(self, url: str, *, timeout: float = 10.0, delays: tuple[float, ...] = RETRY_DELAYS,
                 agent: str | None = None) -> None:
        from tidings import __version__

        self.url = check_webhook(url)
        self.timeout = timeout
        self.delays = delays
        self.agent = agent or f"tidings/{__version__}"
        self._queue: queue.Queue[tuple[str, dict] | None] = queue.Queue()
        self._outcomes: queue.Queue[Outcome] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tidings-webhook", daemon=True)
        self._thread.start()

    def send(self, rule: str, event: dict) -> None:
        self._queue.put((rule, event))

    def outcomes(self) -> list[Outcome]:
        out = []
        while True:
            try:
                out.append(self._outcomes.get_nowait())
            except queue.Empty:
                return out

    def idle(self) -> bool:
        """Nothing queued or being posted (for tests and a clean shutdown)."""
        return self._queue.unfinished_tasks == 0

    def close(self, *, grace: float = 5.0) -> None:
        """Give queued posts up to ``grace`` seconds, then stop between attempts."""
        self._queue.put(None)
        self._thread.join(timeout=grace)
        self._stop.set()
        self._thread.join(timeout=self.timeout + 1)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None or self._stop.is_set():
                    return
                self._deliver(*item)
            finally:
                self._queue.task_done()

    def _post(self, rule: str, event: dict) -> None:
        body = json.dumps(event, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json", "User-Agent": self.agent, "X-Tidings-Rule": rule})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
            response.read()

    def _deliver(self, rule: str, event: dict) -> None:
        error = None
        for attempt in range(1, len(self.delays) + 2):
            try:
                self._post(rule, event)
                self._outcomes.put(Outcome(rule, event["id"], "sent", attempt, None))
                return
            except urllib.error.HTTPError as exc:
                exc.close()
                error = f"HTTP {exc.code} {exc.reason}"
            except OSError as exc:  # refused, reset, timed out, unreachable
                error = " ".join(str(getattr(exc, "reason", exc)).split()) or type(exc).__name__
            if attempt > len(self.delays) or self._stop.wait(self.delays[attempt - 1]):
                break
        if self._stop.is_set():
            return  # stopped mid-retry: the alert stays pending and the next run sends it
        self._outcomes.put(Outcome(rule, event["id"], "failed", attempt, error))
