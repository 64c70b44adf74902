"""Dates of events, resolved against the publication date, with their precision.

``resolve_date("on Tuesday", pub)`` -> When(value="2024-12-17", precision="day", ...).
Relative expressions (weekdays, "last month", "in April") need the publication date; without
one only absolute expressions ("Oct. 7, 2023", "in 2017") resolve. Expressions that give no
point in time ("in recent years", "for decades") resolve to None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tidings.types import When

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS |= {"sept": 9}
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR_RE = r"((?:1[6-9]|20)\d\d)"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE},?\s+{_YEAR_RE}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR_RE}\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?!\s*,?\s*\d)", re.I)),
    ("dm", re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?!\s*,?\s*\d)", re.I)),
    ("my", re.compile(rf"\b{_MONTH_RE},?\s+(?:of\s+)?{_YEAR_RE}\b", re.I)),
    ("weekday", re.compile(r"\b(?:(last|this|next|past|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("ago", re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago\b", re.I)),
    ("rel_day", re.compile(r"\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b", re.I)),
    ("rel_unit", re.compile(r"\b(last|this|next|past|coming|earlier this|later this)\s+(week|month|year)\b", re.I)),
    ("month", re.compile(rf"\b{_MONTH_RE}(?![\w])", re.I)),
    ("year", re.compile(rf"(?<![\d,.])\b{_YEAR_RE}s?\b(?![\d,])")),
]
_MONTH_ONLY_NOT = {"may", "march", "mar", "jan", "sept", "dec"}  # words that are often not months


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")[:3] if token.lower().rstrip(".") not in _MONTHS else token.lower().rstrip(".")]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _when(value: dt.date, precision: str, text: str) -> When:
    if precision == "year":
        iso = f"{value.year:04d}"
    elif precision == "month":
        iso = f"{value.year:04d}-{value.month:02d}"
    else:
        iso = value.isoformat()
    return When(iso, precision, text)


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_date(phrase: str, pub: dt.date | None, *, future: bool = False) -> When | None:
    """Resolve one date expression. ``future`` picks the next occurrence of a bare weekday
    or month instead of the last one (for scheduled events)."""
    try:
        return _resolve(phrase, pub, future=future)
    except (OverflowError, ValueError):
        # "yesterday" in an article dated 0001-01-01, "next week" on 9999-12-31: no such date
        return None


def _resolve(phrase: str, pub: dt.date | None, *, future: bool) -> When | None:
    text = phrase.strip()
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        if kind == "iso":
            day = _safe(int(g[0]), int(g[1]), int(g[2]))
            return _when(day, "day", text) if day else None
        if kind == "mdy":
            day = _safe(int(g[2]), _month(g[0]), int(g[1]))
            return _when(day, "day", text) if day else None
        if kind == "dmy":
            day = _safe(int(g[2]), _month(g[1]), int(g[0]))
            return _when(day, "day", text) if day else None
        if kind in ("md", "dm"):
            if pub is None:
                return None
            month, dnum = (_month(g[0]), int(g[1])) if kind == "md" else (_month(g[1]), int(g[0]))
            day = _safe(pub.year, month, dnum)
            if day is None:
                return None
            if future and day < pub:
                day = _safe(pub.year + 1, month, dnum)
            elif not future and day > pub:
                day = _safe(pub.year - 1, month, dnum)
            return _when(day, "day", text) if day else None
        if kind == "my":
            return _when(dt.date(int(g[1]), _month(g[0]), 1), "month", text)
        if kind == "weekday":
            if pub is None:
                return None
            which, name = (g[0] or "").lower(), _WEEKDAYS[g[1].lower()]
            if which in ("next", "coming") or (future and which != "last"):
                delta = (name - pub.weekday()) % 7 or (7 if which in ("next", "coming") else 0)
                return _when(pub + dt.timedelta(days=delta), "day", text)
            delta = (pub.weekday() - name) % 7
            if which in ("last", "past") and delta == 0:
                delta = 7
            return _when(pub - dt.timedelta(days=delta), "day", text)
        if kind == "ago":
            if pub is None:
                return None
            n = int(g[0]) if g[0].isdigit() else _NUMBERS[g[0].lower()]
            unit = g[1].lower()
            if unit == "day":
                return _when(pub - dt.timedelta(days=n), "day", text)
            if unit == "week":
                return _when(pub - dt.timedelta(days=7 * n), "day", text)
            if unit == "month":
                return _when(_shift_months(pub, -n), "month", text)
            return _when(dt.date(pub.year - n, 1, 1), "year", text)
        if kind == "rel_day":
            if pub is None:
                return None
            word = g[0].lower()
            offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
            return _when(pub + dt.timedelta(days=offset), "day", text)
        if kind == "rel_unit":
            if pub is None:
                return None
            which, unit = g[0].lower(), g[1].lower()
            step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
            if unit == "week":
                return _when(_shift_months(pub, 0) if step == 0 else pub + dt.timedelta(days=7 * step),
                             "month", text)
            if unit == "month":
                return _when(_shift_months(pub, step), "month", text)
            return _when(dt.date(pub.year + step, 1, 1), "year", text)
        if kind == "month":
            word = g[0].lower().rstrip(".")
            if word in _MONTH_ONLY_NOT and not phrase[:1].isupper() and word != "march":
                continue
            if word in ("may", "march") and phrase.strip()[:1].islower():
                continue
            if pub is None:
                return None
            month = _month(g[0])
            year = pub.year
            if future and month < pub.month:
                year += 1
            elif not future and month > pub.month:
                year -= 1
            return _when(dt.date(year, month, 1), "month", text)
        if kind == "year":
            if m.group(0).endswith("s"):  # a decade ("the 1990s") is no point in time
                return None
            return _when(dt.date(int(g[0]), 1, 1), "year", text)
    return None
