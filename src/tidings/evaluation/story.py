"""One article read by an analyst: does the coder find each core event, with every field right?

Expectations are data (``tests/data/sample_story_expected.json``), one per event the analyst
reads in the story::

    {"id": "trade-cut", "what": "Türkiye cut off trade with Israel in April",
     "trigger": "cut off trade",                 # a few words that find the sentence (first occurrence)
     "types": ["SANCTION"],                      # acceptable PLOVER types
     "source": ["TUR"], "target": ["ISR"],       # country sets (ISO3 or the project's special codes)
     "source_also": [], "target_also": [],       # parties that may also be coded on that side
     "either_way": false,                        # true: a meeting or exchange, the parties coded in
                                                 # either direction or all as source (reciprocal)
     "status": ["current", "historical"],        # acceptable statuses
     "date": [{"value": "2024-04", "precision": "month"}],  # acceptable dates; null in the list: none
     "place": {"country": "TUR", "name": ["Ankara"]},       # where the story gives one
     "fatalities": {"value": 43700, "cumulative": true}}    # where the story gives them

A field left out is not checked: ``date`` and ``place`` only where the story gives them (a date
list holding only null says the story gives none, so any date the coder states is invented).

Each expected event is matched to at most one system event whose evidence sentence contains the
trigger (the best one: acceptable type first, then the most fields right; each system event
serves one expectation) and is **right** (every checked field), **partly right** (the fields
that are wrong are named) or **missing** (no system event in that sentence). System events that
serve no expectation are listed as **extra**: not necessarily wrong, but not what the analyst
counted as the story's core.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("type", "source", "target", "status", "date", "place", "fatalities")
_UNCHECKED = object()


@dataclass(frozen=True)
class Expected:
    id: str
    what: str
    trigger: str
    types: tuple[str, ...]
    source: frozenset[str]
    target: frozenset[str]
    source_also: frozenset[str] = frozenset()
    target_also: frozenset[str] = frozenset()
    either_way: bool = False
    status: tuple[str, ...] = ("current", "historical")
    dates: object = _UNCHECKED            # tuple of (value, precision) or None
    place: dict | None = None             # {"country": ..., "name": [...]}
    fatalities: dict | None = None        # {"value": ..., "cumulative": ...}


@dataclass
class Row:
    expected: Expected
    verdict: str                          # right, partly right, missing
    wrong: list[str] = field(default_factory=list)
    event: object | None = None


@dataclass
class StoryReport:
    rows: list[Row]
    extra: list[object]

    @property
    def right(self) -> int:
        return sum(r.verdict == "right" for r in self.rows)

    @property
    def partly(self) -> int:
        return sum(r.verdict == "partly right" for r in self.rows)

    @property
    def missing(self) -> int:
        return sum(r.verdict == "missing" for r in self.rows)


def load_expectations(path: str | Path) -> tuple[dict, list[Expected]]:
    """(the file's story metadata, its expected events)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k != "events"}, [expected_from(e) for e in data["events"]]


def expected_from(raw: dict) -> Expected:
    dates: object = _UNCHECKED
    if "date" in raw:
        dates = tuple(None if d is None else (d["value"], d["precision"]) for d in raw["date"])
    place = raw.get("place")
    if place is not None and isinstance(place.get("name"), str):
        place = {**place, "name": [place["name"]]}
    return Expected(
        id=raw["id"], what=raw["what"], trigger=raw["trigger"], types=tuple(raw["types"]),
        source=frozenset(raw.get("source", ())), target=frozenset(raw.get("target", ())),
        source_also=frozenset(raw.get("source_also", ())), target_also=frozenset(raw.get("target_also", ())),
        either_way=bool(raw.get("either_way", False)), status=tuple(raw.get("status", ("current", "historical"))),
        dates=dates, place=place, fatalities=raw.get("fatalities"),
    )


def _countries(actors) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


def wrong_fields(expected: Expected, event) -> list[str]:
    """The checked fields of ``event`` that do not meet ``expected``, in FIELDS order."""
    wrong = []
    if event.type not in expected.types:
        wrong.append("type")
    src, tgt = _countries(event.source), _countries(event.target)
    if expected.either_way:
        parties, allowed = expected.source | expected.target, expected.source_also | expected.target_also
        if not (parties <= src | tgt <= parties | allowed):
            wrong.append("source")
    else:
        if not (expected.source <= src <= expected.source | expected.source_also):
            wrong.append("source")
        if not (expected.target <= tgt <= expected.target | expected.target_also):
            wrong.append("target")
    if event.status not in expected.status:
        wrong.append("status")
    if expected.dates is not _UNCHECKED:
        got = (event.date.value, event.date.precision) if event.date else None
        if got not in expected.dates:
            wrong.append("date")
    if expected.place is not None:
        loc = event.location
        names = expected.place.get("name")
        if loc is None or loc.country != expected.place.get("country") or (names and loc.name not in names):
            wrong.append("place")
    if expected.fatalities is not None:
        dead = event.fatalities
        want = expected.fatalities
        if dead is None or dead.value != want["value"] or (
                "cumulative" in want and bool(dead.cumulative) != bool(want["cumulative"])):
            wrong.append("fatalities")
    return wrong


def check_story(text: str, events: Sequence, expectations: Sequence[Expected]) -> StoryReport:
    """Score the coded events of one article against the analyst's expectations."""
    pairs = []
    for k, exp in enumerate(expectations):
        at = text.find(exp.trigger)
        if at < 0:
            raise ValueError(f"expectation {exp.id!r}: trigger {exp.trigger!r} is not in the text")
        for j, event in enumerate(events):
            if event.evidence.start <= at < event.evidence.end:
                wrong = wrong_fields(exp, event)
                pairs.append(("type" not in wrong, -len(wrong), -k, -j, k, j, wrong))
    chosen: dict[int, tuple[int, list[str]]] = {}
    used: set[int] = set()
    for *_, k, j, wrong in sorted(pairs, reverse=True):  # best pairs first, ties in document order
        if k in chosen or j in used:
            continue
        chosen[k] = (j, wrong)
        used.add(j)
    rows = []
    for k, exp in enumerate(expectations):
        if k not in chosen:
            rows.append(Row(exp, "missing"))
            continue
        j, wrong = chosen[k]
        rows.append(Row(exp, "partly right" if wrong else "right", wrong, events[j]))
    return StoryReport(rows, [e for j, e in enumerate(events) if j not in used])


def describe(event) -> str:
    """One line for an event: type, sides, status, date, place, dead."""
    side = lambda actors: "+".join(sorted(_countries(actors))) or "-"  # noqa: E731
    parts = [event.type, f"{side(event.source)}->{side(event.target)}", event.status]
    parts.append(f"{event.date.value}/{event.date.precision}" if event.date else "no date")
    if event.location is not None:
        parts.append(f"{event.location.name}, {event.location.country}")
    if event.fatalities is not None:
        parts.append(f"dead {event.fatalities.value}")
    parts.append(f"[{event.evidence.trigger}]")
    return " ".join(parts)


def render(report: StoryReport) -> Iterable[str]:
    """The table: one line per expected event, then the extra events."""
    width = max((len(r.expected.id) for r in report.rows), default=10)
    verdicts = [r.verdict + (f" ({', '.join(r.wrong)})" if r.wrong else "") for r in report.rows]
    room = max((len(v) for v in verdicts), default=10)
    for r, verdict in zip(report.rows, verdicts):
        got = describe(r.event) if r.event is not None else "-"
        yield f"{r.expected.id:<{width}}  {verdict:<{room}}  {got}\n"
    yield (f"{report.right} right, {report.partly} partly right, {report.missing} missing "
           f"of {len(report.rows)}; {len(report.extra)} extra\n")
    for event in report.extra:
        yield f"{'extra':<{width}}  {'':<{room}}  {describe(event)}\n"
