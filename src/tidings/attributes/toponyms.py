"""Every toponym of an article, resolved: the ``tidings places`` stage.

Candidates are the parser's place entities (GPE, LOC, FAC) and the country names and
adjectives of the actor knowledge ("Qatari" -> Qatar); each is resolved by the gazetteer with
the article's countries as context, so "Hamilton" in a story about Canada resolves there.
"""

from __future__ import annotations

from tidings.actors.knowledge import Knowledge
from tidings.actors.mentions import find_mentions
from tidings.attributes.place import Gazetteer
import re
from collections import Counter

from tidings.types import Article, Place

_LABELS = ("GPE", "LOC", "FAC")
_CAPS_DATELINE = re.compile(r"(?:^|(?<=[\n.;:]\s)|(?<=\n)|(?<=Press\s)|(?<=Foundation\)\s))([A-Z][A-Z'.&-]{2,}(?: [A-Z][A-Z'.&-]{2,}){0,2})"
                            r"(?=\s*(?:,|\(|\u2014|\u2013|\s-{1,2}\s))")
_LOCATIVE = {"in", "at", "near", "from", "outside", "across", "around", "to", "into", "through"}
_FACILITY = re.compile(r"\b(Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Square|Park|Bridge|Church|"
                       r"Cathedral|Hospital|University|College|Airport|Station|Stadium|School|Hall|Center|Centre|"
                       r"Market|Mosque|Temple|Palace|Tower|Building|Museum|Library|Hotel|Club|Court|Prison|Camp|"
                       r"Base|Port|Harbou?r|Beach|Plaza|Mall|Estate|Village|Quarter|Inn|Theatre|Theater|Arena)\b")
_CONTAINERS = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP")


class ToponymExtractor:
    def __init__(self, nlp, gazetteer: Gazetteer, knowledge: Knowledge) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.knowledge = knowledge

    def __call__(self, article: Article, doc=None) -> list[Place]:
        doc = doc if doc is not None else self.nlp(article.text)
        spans: list[tuple[int, int, str]] = []
        for e in doc.ents:
            if e.label_ not in _LABELS:
                continue
            # "Thruxton, Hampshire": two toponyms
            offset = e.start_char
            for part in e.text.split(", "):
                if part.strip():
                    spans.append((offset, offset + len(part), part))
                offset += len(part) + 2
        # Places the parser took for people or organisations, where the words around say place:
        # "in Hampshire", "near Klamath Falls, Oregon".
        for e in doc.ents:
            if e.label_ not in ("PERSON", "ORG", "PRODUCT") or len(e) > 3:
                continue
            before = doc[e.start - 1].lower_ if e.start > 0 else ""
            after = doc[e.end].text if e.end < len(doc) else ""
            if before in _LOCATIVE or after == ",":
                place = self.gazetteer.resolve(e.text)
                if place is not None and (place.precision != "city" or before in _LOCATIVE):
                    spans.append((e.start_char, e.end_char, e.text))
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
        # Demonyms and unions the parser labels NORP/ORG ("European", "EU"), and places used for
        # their teams, governments or people that it labels ORG ("Liverpool", "Tamil Nadu").
        for ent in doc.ents:
            if ent.label_ in ("NORP", "ORG") and not any(s < ent.end_char and ent.start_char < e for s, e, _ in spans):
                place = self.gazetteer.resolve(ent.text, context=frozenset(context))
                if place is None:
                    continue
                demonym = place.feature in ("PCLI", "CONT") or (ent.label_ == "NORP" and place.precision in ("admin1", "region"))
                metonym = ent.label_ == "ORG" and place.precision in ("city", "admin1") and ent.text[:1].isupper() \
                    and len(ent) <= 3 and not ent.text.isupper()
                if demonym or metonym:
                    spans.append((ent.start_char, ent.end_char, ent.text))
        # Datelines, at the start or after a byline: "WASHINGTON (AP) -", "TORONTO — ", "ALBUQUERQUE, N.M."
        for m in _CAPS_DATELINE.finditer(article.text):
            city = m.group(1)
            start, end = m.start(1), m.end(1)
            if any(s < end and start < e for s, e, _ in spans):
                continue
            place = self.gazetteer.resolve(city.title())
            if place is not None and place.precision in ("city", "admin1", "country"):
                spans.append((start, end, city.title()))
        # Toponyms inside other names: "the New York Times", "Tamil Nadu government".
        for ent in doc.ents:
            if ent.label_ not in _CONTAINERS:
                continue
            for n in range(min(3, len(ent) - 1), 0, -1):
                sub = ent[:n]
                if any(s < sub.end_char and sub.start_char < e for s, e, _ in spans):
                    break
                place = self.gazetteer.resolve(sub.text, context=frozenset(context))
                if place is not None and place.precision in ("country", "admin1", "city", "region") and (
                        sub[0].is_title or (sub[0].is_upper and len(sub[0]) <= 4)):
                    spans.append((sub.start_char, sub.end_char, sub.text))
                    break
        states = frozenset(code for _, _, text in spans if (code := self.gazetteer.us_state_code(text)))
        places: list[Place] = []
        unresolved: list[tuple[int, int, str]] = []
        for start, end, text in sorted(spans):
            place = self.gazetteer.resolve(text, context=frozenset(context), admin1=states, start=start, end=end)
            if place is None and _FACILITY.search(text):
                unresolved.append((start, end, text))
            if place is not None:
                surface = article.text[start:end]
                places.append(place if place.text == surface else Place(
                    place.name, place.country, place.admin1, place.lat, place.lon, place.geonameid, place.precision,
                    surface, start, end, place.feature))
        # A street, square or building the gazetteer does not know lies in the city the article
        # is about (its most named city): "Royal Street" in a New Orleans story.
        cities = Counter((p.name, p.country) for p in places if p.precision == "city")
        if unresolved and cities:
            (name, country), _ = cities.most_common(1)[0]
            home = next(p for p in places if (p.name, p.country) == (name, country))
            for start, end, text in unresolved:
                places.append(Place(home.name, home.country, home.admin1, home.lat, home.lon, home.geonameid,
                                    "city", article.text[start:end], start, end, "CONTAINED"))
            places.sort(key=lambda p: p.start or 0)
        return places
