"""Event triggers: lemma (+ particle or preposition) and object constraints -> CAMEO code.

The lexicon is data (``lexicon/triggers.tsv``); this module matches it on the parse.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from tidings.datafiles import iter_tsv
from tidings.errors import DataError
from tidings.events.codebook import load_codebook

_PKG = "tidings.events.lexicon"
_ARG_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative", "xcomp"}
_MOD_DEPS = {"compound", "amod", "nmod"}


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    particle: str | None
    pos: str
    requires: frozenset[str]
    cameo: str
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class Match:
    token: object  # spacy Token
    trigger: Trigger
    specific: bool  # a 'requires' constraint was satisfied


def _objects(token) -> set[str]:
    """Lemmas a 'requires' constraint may name: objects, modifiers and prepositional objects."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in _ARG_DEPS or child.dep_ in _MOD_DEPS:
            found.add(child.lemma_.lower())
            found.update(g.lemma_.lower() for g in child.children if g.dep_ in _MOD_DEPS or g.dep_ == "conj")
            for g in child.children:
                if g.dep_ == "prep":
                    found.update(p.lemma_.lower() for p in g.children if p.dep_ == "pobj")
        elif child.dep_ in ("prep", "agent"):
            found.update(p.lemma_.lower() for p in child.children if p.dep_ == "pobj")
    if token.dep_ in ("compound", "amod"):
        found.add(token.head.lemma_.lower())
    return found


class Lexicon:
    def __init__(self, triggers: list[Trigger]) -> None:
        self._by_key: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        for trigger in triggers:
            self._by_key[(trigger.lemma, trigger.pos)].append(trigger)
        self.size = len(triggers)

    def match(self, token) -> Match | None:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return None
        lemma = token.lemma_.lower()
        entries = self._by_key.get((lemma, pos))
        if not entries and pos == "NOUN":
            entries = self._by_key.get((token.lower_, pos))
        if not entries:
            return None
        attached = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent")}
        objects: set[str] | None = None
        best: tuple[int, Trigger] | None = None
        for entry in entries:
            if entry.particle and entry.particle not in attached:
                continue
            rank = 1 if entry.particle else 0
            if entry.requires:
                if objects is None:
                    objects = _objects(token)
                if not entry.requires & objects:
                    continue
                rank += 2
            if best is None or rank > best[0]:
                best = (rank, entry)
        if best is None:
            return None
        return Match(token, best[1], best[0] >= 2)

    def matches(self, sent) -> list[Match]:
        return [m for m in (self.match(t) for t in sent) if m is not None]


@cache
def load_lexicon() -> Lexicon:
    codebook = load_codebook()
    triggers: list[Trigger] = []
    for row in iter_tsv(_PKG, "triggers.tsv", required=("trigger", "pos", "requires", "cameo")):
        words = row["trigger"].lower().split()
        if not words or row["pos"] not in ("VERB", "NOUN"):
            raise DataError(f"triggers.tsv line {row['_line']}: bad trigger or pos", code="E310")
        mapping = codebook.mapping(row["cameo"])
        if mapping is None:
            continue  # CAMEO codes without a PLOVER type (public statements) are not events
        requires = frozenset(r.strip().lower() for r in row["requires"].split("|") if r.strip())
        triggers.append(Trigger(words[0], words[1] if len(words) > 1 else None, row["pos"], requires,
                                row["cameo"], mapping.type, mapping.mode))
    return Lexicon(triggers)
