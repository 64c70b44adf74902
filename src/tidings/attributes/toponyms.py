"""Every toponym of an article, resolved: the ``tidings places`` stage.

Candidates are the parser's place entities (GPE, LOC, FAC) and the country names and
adjectives of the actor knowledge ("Qatari" -> Qatar); each is resolved by the gazetteer with
the article's countries as context, so "Hamilton" in a story about Canada resolves there.
"""

from __future__ import annotations

from tidings.actors.knowledge import Knowledge
from tidings.actors.resolver import find_mentions
from tidings.attributes.place import Gazetteer
from tidings.types import Article, Place

_LABELS = ("GPE", "LOC", "FAC")
_CONTAINERS = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP")


class ToponymExtractor:
    def __init__(self, nlp, gazetteer: Gazetteer, knowledge: Knowledge) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.knowledge = knowledge

    def __call__(self, article: Article, doc=None) -> list[Place]:
        doc = doc if doc is not None else self.nlp(article.text)
        spans: list[tuple[int, int, str]] = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in _LABELS]
        context: set[str] = set()
        for mention in find_mentions(doc, self.knowledge, 0, len(doc)):
            kinds = {e.kind for e in mention.entries}
            if kinds & {"country", "adjective", "capital"}:
                code = next(e.country for e in mention.entries if e.kind in ("country", "adjective", "capital"))
                context.add(code)
                start = doc[mention.start].idx
                end = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
                if not any(s < end and start < e for s, e, _ in spans):
                    spans.append((start, end, mention.text))
        # Demonyms and unions the parser labels NORP/ORG: "European", "African", "EU".
        for ent in doc.ents:
            if ent.label_ in ("NORP", "ORG") and not any(s < ent.end_char and ent.start_char < e for s, e, _ in spans):
                place = self.gazetteer.resolve(ent.text, context=frozenset(context))
                if place is not None and place.precision in ("country", "region") and place.feature in ("PCLI", "CONT"):
                    spans.append((ent.start_char, ent.end_char, ent.text))
        # Toponyms inside other names: "the New York Times", "Tamil Nadu government".
        for ent in doc.ents:
            if ent.label_ not in _CONTAINERS:
                continue
            for n in range(min(3, len(ent) - 1), 0, -1):
                sub = ent[:n]
                if any(s < sub.end_char and sub.start_char < e for s, e, _ in spans):
                    break
                place = self.gazetteer.resolve(sub.text, context=frozenset(context))
                if place is not None and place.precision in ("country", "admin1", "city", "region") and sub[0].is_title:
                    spans.append((sub.start_char, sub.end_char, sub.text))
                    break
        states = frozenset(code for _, _, text in spans if (code := self.gazetteer.us_state_code(text)))
        places: list[Place] = []
        for start, end, text in sorted(spans):
            place = self.gazetteer.resolve(text, context=frozenset(context), admin1=states, start=start, end=end)
            if place is not None:
                places.append(place)
        return places
