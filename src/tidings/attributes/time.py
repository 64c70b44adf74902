"""Dates of events, resolved against the publication date, with their precision.

``resolve_date("on Tuesday", pub)`` -> When(value="2024-12-17", precision="day", ...).
Relative expressions (weekdays, "last month", "in April") need the publication date; without
one only absolute expressions ("Oct. 7, 2023", "in 2017") resolve. Expressions that give no
point in time ("in recent years", "for decades") resolve to None.

Precisions: ``day``, ``week`` (an ISO week, Monday to Sunday, given by its Monday: "earlier this
week", "last week", "over the weekend" name a week, not a day), ``month`` and ``year``. Parts of
a day or a period ("Friday night", "late last month", "in mid-March") take the day or period.
A night is dated by the evening it began ("overnight" and "last night" are the day before
publication; "the night of 3 to 4 May" is 3 May). Phrases that count from another date ("the
previous day", "two days earlier") count from ``reference`` when the caller knows the date the
story refers to, else from the publication date; "the next day" needs ``reference``.
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
# A year standing alone ("in 2017"): 1600-2099, so that most counts ("2400 troops") are not years.
_YEAR_RE = r"((?:1[6-9]|20)\d\d)"
# A year written with its month ("January 1, 2100", "May 2150") is a year whatever its century.
_FULL_YEAR_RE = r"((?:1[6-9]|2\d)\d\d)"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
_COUNT_RE = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # "the night of 3 to 4 May", "3-4 May 2023": the first day
    ("day_range", re.compile(rf"\b{_DAY_RE}\s*(?:-|\u2013|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}"
                             rf"(?:,?\s+{_FULL_YEAR_RE}\b)?", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE},?\s+{_FULL_YEAR_RE}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_FULL_YEAR_RE}\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?!\s*,?\s*\d)", re.I)),
    ("dm", re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?!\s*,?\s*\d)", re.I)),
    ("my", re.compile(rf"\b{_MONTH_RE},?\s+(?:of\s+)?{_FULL_YEAR_RE}\b", re.I)),
    ("weekday", re.compile(r"\b(?:(last|this|next|past|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("ago", re.compile(rf"\b{_COUNT_RE}\s+(day|week|month|year)s?\s+ago\b", re.I)),
    # counted from the date the story refers to: "the previous day", "two days earlier", "the next day"
    ("before", re.compile(rf"\b(?:the\s+(?:previous|preceding)\s+(day|week)|the\s+(day|week)\s+before\s*$"
                          rf"|{_COUNT_RE}\s+(day|week)s?\s+(?:earlier|before)\b)", re.I)),
    ("after", re.compile(rf"\b(?:the\s+(?:next|following)\s+(day|week)|the\s+(day|week)\s+after\s*$"
                         rf"|{_COUNT_RE}\s+(day|week)s?\s+later\b)", re.I)),
    ("rel_day", re.compile(r"\b(day before yesterday|today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
                           r"|last night|overnight)\b", re.I)),
    ("weekend", re.compile(r"\b(?:(last|this|next|past|coming)\s+)?weekend\b", re.I)),
    ("rel_unit", re.compile(r"\b(last|this|next|past|coming|earlier this|later this)\s+(week|month|year)\b", re.I)),
    ("month", re.compile(rf"\b{_MONTH_RE}(?![\w])", re.I)),
    ("year", re.compile(rf"(?<![\d,.])\b{_YEAR_RE}s?\b(?![\d,])")),
]
# Words that are months only when capitalised: "may" (the verb), "march" (the noun and verb), and
# abbreviations that are words or names in lower case.
_MONTH_ONLY_NOT = {"may", "march", "mar", "jan", "sept", "dec"}


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
    elif precision == "week":
        iso = _monday(value).isoformat()
    else:
        iso = value.isoformat()
    return When(iso, precision, text)


def _monday(day: dt.date) -> dt.date:
    """The first day of the ISO week holding ``day``."""
    return day - dt.timedelta(days=day.weekday())


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _past_or_next(month: int, dnum: int, pub: dt.date, future: bool) -> dt.date | None:
    """Day ``dnum`` of ``month`` in the year that puts it last before ``pub`` (next after it
    when ``future``)."""
    day = _safe(pub.year, month, dnum)
    if day is None:
        return None
    if future and day < pub:
        return _safe(pub.year + 1, month, dnum)
    if not future and day > pub:
        return _safe(pub.year - 1, month, dnum)
    return day


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_date(phrase: str, pub: dt.date | None, *, future: bool = False,
                 reference: dt.date | None = None) -> When | None:
    """Resolve one date expression. ``future`` picks the next occurrence of a bare weekday,
    weekend or month instead of the last one (for scheduled events). ``reference`` is the date
    the story refers to, when known, for phrases that count from it ("the previous day")."""
    try:
        return _resolve(phrase, pub, future=future, reference=reference)
    except (OverflowError, ValueError):
        # "yesterday" in an article dated 0001-01-01, "next week" on 9999-12-31: no such date
        return None


def _resolve(phrase: str, pub: dt.date | None, *, future: bool, reference: dt.date | None) -> When | None:
    text = phrase.strip()
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        if kind == "iso":
            day = _safe(int(g[0]), int(g[1]), int(g[2]))
            return _when(day, "day", text) if day else None
        if kind == "day_range":
            if g[2] is None and pub is None:
                return None
            day = _past_or_next(_month(g[1]), int(g[0]), pub, future) if g[2] is None else \
                _safe(int(g[2]), _month(g[1]), int(g[0]))
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
            day = _past_or_next(month, dnum, pub, future)
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
        if kind in ("before", "after"):
            unit = (g[0] or g[1] or g[3] or "day").lower()
            n = _count(g[2]) if g[2] else 1
            if kind == "after" and reference is None:
                return None  # counted from the publication date it would be a day no report has seen
            base = reference or pub
            if base is None:
                return None
            days = n * (7 if unit == "week" else 1) * (1 if kind == "after" else -1)
            # "the previous week" names a week; "two weeks earlier" counts days, as "two weeks ago"
            return _when(base + dt.timedelta(days=days), "week" if unit == "week" and g[2] is None else "day",
                         text)
        if kind == "rel_day":
            if pub is None:
                return None
            word = " ".join(g[0].lower().split())
            offset = {"yesterday": -1, "last night": -1, "overnight": -1, "day before yesterday": -2,
                      "tomorrow": 1}.get(word, 0)
            return _when(pub + dt.timedelta(days=offset), "day", text)
        if kind == "weekend":
            if pub is None:
                return None
            which = (g[0] or "").lower()
            saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # the last one, or pub itself
            if which in ("next", "coming") or (future and which not in ("last", "past")):
                if saturday < pub and pub.weekday() < 5 or which in ("next", "coming"):
                    saturday += dt.timedelta(days=7)
            elif which in ("last", "past") and pub.weekday() >= 5:
                saturday -= dt.timedelta(days=7)  # said on a weekend: the one before
            return _when(saturday, "week", text)
        if kind == "rel_unit":
            if pub is None:
                return None
            which, unit = " ".join(g[0].lower().split()), g[1].lower()
            step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
            if unit == "week":
                return _when(pub + dt.timedelta(days=7 * step), "week", text)
            if unit == "month":
                return _when(_shift_months(pub, step), "month", text)
            return _when(dt.date(pub.year + step, 1, 1), "year", text)
        if kind == "month":
            token = g[0]
            if token.rstrip(".").lower() in _MONTH_ONLY_NOT | {"march"} and token[:1].islower():
                continue  # "may", "march": the verb or the noun, not the month
            if re.match(r"\s*,?\s*\d", text[m.end():]):
                return None  # "January 1, 2300": a day or year we could not read, not the month alone
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
