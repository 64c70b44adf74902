"""Durations and backoff for the feed monitor."""

from __future__ import annotations

import re

from tidings.errors import ConfigError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")

# A failing feed waits every x 2^failures before its next poll, but never more than this: a feed
# that is down for a day is still tried a few times a day, and comes back within hours of being fixed.
BACKOFF_MAX = 6 * 3600.0


def parse_duration(text: str) -> float:
    """Seconds in "30s", "15m", "1h", "1d" or a sum of them ("1h30m"). A bare number has no
    unit and is refused: "15" could mean seconds or minutes."""
    value = (text or "").strip().lower()
    parts = _PART.findall(value)
    if not parts or "".join(n + u for n, u in parts) != value:
        raise ConfigError(f"duration {text!r}: expected a number with a unit, such as 30s, 15m, 1h or 1h30m",
                          code="E408")
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds < 1:
        raise ConfigError(f"duration {text!r}: at least one second", code="E408")
    return seconds


def format_duration(seconds: float) -> str:
    """15m, 1h30m, 45s: the shortest exact form."""
    seconds = round(seconds)
    out = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            out.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(out) or "0s"


def backoff(every: float, failures: int, *, retry_after: float | None = None) -> float:
    """Seconds until a feed that failed ``failures`` times in a row is polled again: doubling from
    the polling interval, capped at BACKOFF_MAX (or at ``every`` when that is longer), and never
    sooner than a server's Retry-After."""
    delay = min(every * 2 ** min(failures, 20), max(every, BACKOFF_MAX))
    if retry_after is not None:
        delay = max(delay, min(retry_after, max(every, BACKOFF_MAX)))
    return delay
