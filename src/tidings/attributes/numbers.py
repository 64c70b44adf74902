"""Casualty figures: people killed and injured, as a sentence states them.

"killing at least 12 people" -> Count(12, "at least"); "which has claimed at least 43,700
lives in Gaza since ..." -> Count(43700, "at least", cumulative=True).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tidings.types import Count

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "hundred": 100, "dozen": 12, "a dozen": 12, "dozens": 24,
    "scores": 40, "hundreds": 200, "thousands": 2000,
}
_SCALE = {"thousand": 1_000, "million": 1_000_000}
_NUM = (r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:thousand|million))?|"
        r"(?:a\s+)?(?:dozens|dozen|scores|hundreds|thousands|hundred)|"
        + "|".join(sorted((w for w in _WORDS if " " not in w), key=len, reverse=True)) + r")")
_QUAL = r"(at least|more than|over|nearly|almost|about|around|some|up to|roughly|an estimated|as many as|fewer than|at most)?\s*"
_PEOPLE = r"(?:\s+of)?(?:\s+(?:more\s+)?(?:people|persons|civilians|soldiers|troops|police(?:men| officers)?|officers|militants|fighters|rebels|protesters|demonstrators|children|women|men|members|palestinians|israelis|others|security personnel|policemen|students|workers|migrants|villagers|residents|pilgrims|worshippers|passengers|[a-z]+ (?:soldiers|civilians|troops|nationals|citizens|fighters)))?"
_DEAD_VERBS = r"(?:killed|dead|died|slain|murdered|executed|massacred|lost their lives|were killed|have been killed|had been killed|killed)"
_HURT_VERBS = r"(?:wounded|injured|hurt|maimed)"

_FATAL = [
    re.compile(rf"\b(?:killing|killed|kill|kills|leaving|left|claiming|claimed|claims|has claimed|took|taking)\s+{_QUAL}{_NUM}{_PEOPLE}(?:\s+(?:dead|lives))?", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}{_PEOPLE}\s+(?:were|have been|had been|was|are|being)?\s*{_DEAD_VERBS}", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}{_PEOPLE}\s+dead\b", re.I),
    re.compile(rf"\b(?:death toll|toll|number of dead|fatalities)\s+(?:\w+\s+){{0,3}}?(?:rose|risen|climbed|reached|stood|stands|stand|is|was|of|at|to)\s+(?:to\s+|at\s+)?{_QUAL}{_NUM}", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:deaths|fatalities|lives)\b", re.I),
]
_HURT = [
    re.compile(rf"\b(?:wounding|injuring|wounded|injured|hurting)\s+{_QUAL}{_NUM}{_PEOPLE}", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}{_PEOPLE}\s+(?:were|have been|had been|was|are)?\s*(?:also\s+)?{_HURT_VERBS}", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:injuries|injured|wounded)\b", re.I),
]
_CUMULATIVE = re.compile(r"\b(since|so far|to date|in total|total of|overall|cumulative|over the past|over the last|throughout|in the past \w+ (?:months|years))\b", re.I)


def _value(raw: str) -> int | None:
    raw = raw.strip().lower()
    parts = raw.split()
    if parts and parts[-1] in _SCALE:
        try:
            return int(float(parts[0].replace(",", "")) * _SCALE[parts[-1]])
        except ValueError:
            return None
    raw = raw.removeprefix("a ").strip() if raw not in _WORDS else raw
    if raw in _WORDS:
        return _WORDS[raw]
    try:
        return int(float(raw.replace(",", "")))
    except ValueError:
        return None


def _find(patterns: list[re.Pattern[str]], sentence: str) -> Count | None:
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            qualifier = next((g for g in m.groups()[:-1] if g and not _value(g)), None)
            number = next((g for g in reversed(m.groups()) if g and _value(g) is not None), None)
            if number is None:
                continue
            value = _value(number)
            if value is None or value > 10_000_000:
                continue
            if re.fullmatch(r"(1[6-9]|20)\d\d", number.strip()):
                continue  # a year, not a count
            # Only the figure's own clause: "killed 12 people ..., raising the toll ... since" is not cumulative.
            tail = re.split(r"[,;]", sentence[m.end(): m.end() + 80], maxsplit=1)[0]
            head = re.split(r"[,;]", sentence[max(0, m.start() - 60): m.start()])[-1]
            cumulative = bool(_CUMULATIVE.search(tail) or _CUMULATIVE.search(head))
            vague = number.strip().lower() in ("dozens", "scores", "hundreds", "thousands", "a dozen", "dozen")
            if vague and qualifier is None:
                qualifier = "at least"
            return Count(value, (qualifier or "").lower() or None, cumulative, m.group(0).strip())
    return None


# Cached: the coder asks once per event, and a sentence can hold hundreds of events; without
# the cache a 20,000-word sentence costs (events x sentence length) regex scans.
@lru_cache(maxsize=256)
def fatalities(sentence: str) -> Count | None:
    return _find(_FATAL, sentence)


@lru_cache(maxsize=256)
def injured(sentence: str) -> Count | None:
    return _find(_HURT, sentence)
