"""Typed records passed between the stages of the pipeline.

Every record is a frozen dataclass; ``to_dict`` gives the JSON shape that the
event schema (``schema/event.schema.json``) describes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER manual, "Non-state international actors": codes in the country field that are no state.
NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
STATUSES: tuple[str, ...] = ("current", "historical", "future", "hypothetical", "negated")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")  # week: the ISO week, value its Monday


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``date`` is the publication date, when known; ``publisher`` is
    the outlet as the input names it and ``language`` its language tag (e.g. ``en-GB``).
    ``date_warning`` is set when the input stated a publication date that could not be read:
    the article is coded all the same, and the warning (a ``W112`` line naming the input and
    line) is shown once and kept with the stored article."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    publisher: str | None = None
    language: str | None = None
    date_warning: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An entity taking part in an event: country (ISO3 or PLOVER code) and sector."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class When:
    """A resolved date: ISO value with its precision and the phrase it came from."""

    value: str
    precision: str
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved toponym (GeoNames id and coordinates) or a country-level place."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str  # city, admin1, country
    text: str
    start: int | None = None
    end: int | None = None
    feature: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people killed or injured, as the text states it."""

    value: int
    qualifier: str | None = None  # at least, more than, about, up to, ...
    cumulative: bool = False
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the event was read: sentence index and character offsets into the article."""

    sentence: int
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Step:
    """One decision taken while coding an event: the stage, the rule or reading, a short detail."""

    stage: str
    rule: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "rule": self.rule, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Explanation:
    """What decided an event (``--explain``): the classifier's top types and every step taken."""

    classifier: tuple[tuple[str, float], ...]
    steps: tuple[Step, ...]

    def rules(self) -> list[str]:
        return [s.rule for s in self.steps]

    def to_dict(self) -> dict[str, Any]:
        return {"classifier": [{"type": t, "p": p} for t, p in self.classifier],
                "steps": [s.to_dict() for s in self.steps]}


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: PLOVER type/mode, CAMEO code, actors, attributes, evidence."""

    id: str
    article_id: str
    type: str
    mode: str | None
    cameo: str
    cameo_name: str | None
    quad_class: int
    goldstein: float
    plover_score: float | None
    status: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: When | None
    location: Place | None
    fatalities: Count | None
    injured: Count | None
    evidence: Evidence
    confidence: float
    context: tuple[str, ...] = field(default_factory=tuple)
    coder_version: str = ""
    explanation: Explanation | None = None  # only when asked for (--explain)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover_score": self.plover_score,
            "status": self.status,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "injured": self.injured.to_dict() if self.injured else None,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "context": list(self.context),
            "coder_version": self.coder_version,
        }
        if self.explanation is not None:
            out["explain"] = self.explanation.to_dict()
        return out
