"""Every toponym of an article, resolved: the ``tidings places`` stage.

Candidates are the parser's place entities (GPE, LOC, FAC), the country names and adjectives of
the actor knowledge ("Qatari" -> Qatar), datelines and AP state abbreviations ("Athens, Ga.").
Some candidates are dropped because they are no place (``_not_a_place``): a surname of a person
the article names, a sentence-initial function word, the street of an address ("6016 Dublin
Road"), a known organisation. The rest are resolved at the level of the article: the
unambiguous places set a focus (country, first-level division, centre; see
``Gazetteer.focus``), every name is resolved with it, and the focus is set again from what was
chosen before a last pass, so "Paris" in a story about Lamar County, Texas is Paris, Texas.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from tidings.actors.knowledge import Knowledge, fold
from tidings.actors.mentions import doc_ents, find_mentions
from tidings.attributes.place import AP_STATES, Focus, Gazetteer, haversine_km
from tidings.types import Article, Place

_LABELS = ("GPE", "LOC", "FAC")
_CAPS_DATELINE = re.compile(r"(?:^|(?<=[\n.;:]\s)|(?<=\n)|(?<=Press\s)|(?<=Foundation\)\s))([A-Z][A-Z'.&-]{2,}(?: [A-Z][A-Z'.&-]{2,}){0,2})"
                            r"(?=\s*(?:,|\(|\u2014|\u2013|\s-{1,2}\s))")
_AP_ABBREVIATION = re.compile(r", (" + "|".join(re.escape(a.title()) for a in sorted(AP_STATES, key=len, reverse=True))
                              + r")(?=[\s,;:)]|$)")
_LOCATIVE = {"in", "at", "near", "from", "outside", "across", "around", "to", "into", "through"}
_FACILITY = re.compile(r"\b(Street|St\.|Avenue|Ave\.|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Pike|Highway|Parkway|Turnpike|Square|Park|Bridge|Church|"
                       r"Cathedral|Hospital|University|College|Airport|Station|Stadium|School|Hall|Center|Centre|"
                       r"Market|Mosque|Temple|Palace|Tower|Building|Museum|Library|Hotel|Club|Court|Prison|Camp|"
                       r"Base|Port|Harbou?r|Beach|Plaza|Mall|Estate|Village|Quarter|Inn|Theatre|Theater|Arena)\b")
# Words that make the name before them a street, not a town: "6016 Dublin Road", "Paris Pike".
_STREET = {"road", "rd", "street", "st", "avenue", "ave", "drive", "dr", "lane", "ln", "pike", "highway", "hwy",
           "boulevard", "blvd", "way", "court", "ct", "parkway", "pkwy", "circle", "trail", "turnpike", "terrace"}
_LIST = re.compile(r"(?:,| and| or) [A-Z]")
_COUNTY_WORDS = {"County", "Parish", "Borough"}
_CONTAINERS = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP")
# How much an unambiguous place counts towards the focus; a dateline names where the reporter is.
_ANCHOR, _DATELINE, _DOMINANT, _CHOSEN = 1.0, 2.0, 0.5, 0.5
_DOMINANT_MARGIN = 2.0  # a name whose best reading beats every far reading by this much anchors too


@dataclass
class _Span:
    start: int
    end: int
    text: str
    before: str = ""
    after: str = ""
    within: int | None = None  # index of the span naming the place it lies in ("Dublin, Ohio")
    dateline: bool = False


class ToponymExtractor:
    def __init__(self, nlp, gazetteer: Gazetteer, knowledge: Knowledge) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.knowledge = knowledge

    def __call__(self, article: Article, doc=None) -> list[Place]:
        return self.resolve(article, doc)[0]

    def focus(self, article: Article, doc=None, *, mentions=None) -> Focus:
        """The article's focus, for choosing event places with the same evidence."""
        return self.resolve(article, doc, mentions=mentions)[1]

    # ------------------------------------------------------------------ spans
    def _spans(self, text: str, doc, context: set[str], mentions) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e, _ in spans)

        for e in doc_ents(doc):
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
        for e in doc_ents(doc):
            if e.label_ not in ("PERSON", "ORG", "PRODUCT") or len(e) > 3:
                continue
            before = doc[e.start - 1].lower_ if e.start > 0 else ""
            after = doc[e.end].text if e.end < len(doc) else ""
            if before in _LOCATIVE or after == ",":
                place = self.gazetteer.resolve(e.text)
                if place is not None and (place.precision != "city" or before in _LOCATIVE):
                    spans.append((e.start_char, e.end_char, e.text))
        for mention in mentions:
            kinds = {e.kind for e in mention.entries}
            if kinds & {"country", "adjective", "capital"}:
                code = next(e.country for e in mention.entries if e.kind in ("country", "adjective", "capital"))
                context.add(code)
                start = doc[mention.start].idx
                end = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
                if free(start, end):
                    spans.append((start, end, mention.text))
        # Demonyms and unions the parser labels NORP/ORG ("European", "EU"), and places used for
        # their teams, governments or people that it labels ORG ("Liverpool", "Tamil Nadu").
        for ent in doc_ents(doc):
            if ent.label_ in ("NORP", "ORG") and free(ent.start_char, ent.end_char):
                place = self.gazetteer.resolve(ent.text, context=frozenset(context))
                if place is None:
                    continue
                demonym = place.feature in ("PCLI", "CONT") or (ent.label_ == "NORP" and place.precision in ("admin1", "region"))
                metonym = ent.label_ == "ORG" and place.precision in ("city", "admin1") and ent.text[:1].isupper() \
                    and len(ent) <= 3 and not ent.text.isupper()
                if demonym or metonym:
                    spans.append((ent.start_char, ent.end_char, ent.text))
        # Datelines, at the start or after a byline: "WASHINGTON (AP) -", "TORONTO — ", "ALBUQUERQUE, N.M."
        for m in _CAPS_DATELINE.finditer(text):
            city = m.group(1)
            start, end = m.start(1), m.end(1)
            if not free(start, end):
                continue
            place = self.gazetteer.resolve(city.title())
            if place is not None and place.precision in ("city", "admin1", "country"):
                spans.append((start, end, city.title()))
        # Toponyms inside other names: "the New York Times", "Tamil Nadu government".
        for ent in doc_ents(doc):
            if ent.label_ not in _CONTAINERS:
                continue
            lead = 1 if ent[0].lower_ == "the" else 0  # "the Laurel County Sheriff's Office"
            for n in range(min(3 + lead, len(ent) - 1), lead, -1):
                sub = ent[lead:n]
                if not free(sub.start_char, sub.end_char):
                    break
                place = self.gazetteer.resolve(sub.text, context=frozenset(context))
                if place is not None and place.precision in ("country", "admin1", "city", "region") and (
                        sub[0].is_title or (sub[0].is_upper and len(sub[0]) <= 4)):
                    spans.append((sub.start_char, sub.end_char, sub.text))
                    break
        # AP state abbreviations after a town: "Athens, Ga." (the parser rarely labels them)
        for start, end, _ in list(spans):
            m = _AP_ABBREVIATION.match(text, end)
            if m and free(m.start(1), m.end(1)):
                spans.append((m.start(1), m.end(1), m.group(1)))
        return sorted(spans)

    def _not_a_place(self, doc, start: int, end: int, text: str, persons: set[str],
                     names: list[tuple[int, int]] = ()) -> bool:
        """Spans that name no place, whatever the gazetteer holds."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        first, last = span[0], span[-1]
        before = doc[first.i - 1] if first.i > 0 else None
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        # a word of a person's name: "Chad Sullivan", "Georgia Smith"
        if any(s <= first.i and last.i < e for s, e in names):
            return True
        # a sentence-initial function word ("The", "This") the parser took for a name
        if len(span) == 1 and first.is_sent_start and first.is_stop and first.text.istitle():
            return True
        # a surname or first name of a person the article names, standing alone: "Lincoln said"
        # after "Sarah Lincoln" (but "Lincoln County", "in Lincoln" and "Lincoln, Neb." are places)
        if len(span) == 1 and text in persons and (before is None or before.lower_ not in _LOCATIVE) \
                and (nxt is None or (nxt.text != "," and not nxt.text[:1].isupper())):
            return True
        return False

    # ------------------------------------------------------------------ resolution
    def resolve(self, article: Article, doc=None, *, mentions=None) -> tuple[list[Place], Focus]:
        """The article's places and its focus. ``mentions`` are the knowledge's name mentions in
        the doc (``find_mentions``), when the caller has them already."""
        doc = doc if doc is not None else self.nlp(article.text)
        text = article.text
        context: set[str] = set()
        mentions = mentions if mentions is not None else find_mentions(doc, self.knowledge, 0, len(doc))
        raw = self._spans(text, doc, context, mentions)
        people = [e for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) >= 2]
        names = [(e.start, e.end) for e in people]
        persons = {t.text for e in people for t in e if t.text.istitle()}
        persons -= {e.text for e in doc_ents(doc) if e.label_ == "GPE" and len(e) == 1 and e.start > 0
                    and doc[e.start - 1].lower_ in _LOCATIVE}
        # countries named in the article, by the words that name them: a name is no evidence for itself
        named: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            for e in mention.entries:
                if e.kind in ("country", "adjective", "capital"):
                    named[e.country].add(fold(mention.text).lower())
                    break
        spans: list[_Span] = []
        for start, end, surface in raw:
            if self._not_a_place(doc, start, end, surface, persons, names):
                continue
            # "Laurel County" when the parser stops before "County"
            m = re.match(r" (County|Parish|Borough)\b", text[end:end + 9])
            if m and m.group(1) in _COUNTY_WORDS and surface.split()[-1] not in _COUNTY_WORDS:
                end += len(m.group(0))
                surface = text[start:end]
            # a street, not a town: "6016 Dublin Road", "on Paris Pike" (then placed as a facility)
            m = re.match(r" ([A-Z][a-z]+)\.?(?=\W|$)", text[end:end + 14])
            if m and m.group(1).lower() in _STREET:
                end += len(m.group(0))
                surface = text[start:end]
            before = " ".join(t.lower_ for t in doc[max(0, _token(doc, start) - 2):_token(doc, start)])
            after = text[end:end + 24].strip().lower()
            upper = text[start:end].isupper() and len(text[start:end]) > 2
            spans.append(_Span(start, end, surface, before, after, dateline=upper and start < 80))
        for i, (a, b) in enumerate(zip(spans, spans[1:])):
            # "Dublin, Ohio", not the list "Washington, New York and Boston"
            if text[a.end:b.start] == ", " and not _LIST.match(text, b.end):
                a.within = i + 1
        states = frozenset(code for s in spans if (code := self.gazetteer.us_state_code(s.text)))

        def ctx(span: _Span) -> frozenset[str]:
            key = fold(span.text).lower()
            return frozenset(c for c, names in named.items() if names - {key})

        def run(focus: Focus | None) -> list[Place | None]:
            out: list[Place | None] = []
            sense: dict[str, Place] = {}  # a name the words around it resolved, for its other mentions
            for span in spans:
                within = None
                if span.within is not None:
                    within = self.gazetteer.container(spans[span.within].text)
                ranked = self.gazetteer.ranked(span.text, context=ctx(span), admin1=states, focus=focus,
                                               within=within, before=span.before, after=span.after)
                place = ranked[0][1].place if ranked else None
                if ranked and ranked[0][2]:
                    sense.setdefault(fold(span.text).lower(), place)
                out.append(place)
            # one sense per article: "Paris" after "PARIS, Texas" is the same Paris
            for i, (span, place) in enumerate(zip(spans, out)):
                same = sense.get(fold(span.text).lower())
                if same is not None and place is not None:
                    out[i] = same
            return [None if p is None else Place(p.name, p.country, p.admin1, p.lat, p.lon, p.geonameid, p.precision,
                                                 text[s.start:s.end], s.start, s.end, p.feature)
                    for s, p in zip(spans, out)]

        first = run(None)
        anchors: list[tuple[Place, float]] = []
        weights: list[float] = []
        for span, place in zip(spans, first):
            weight = 0.0
            if place is not None:
                if span.within is not None or not self.gazetteer.ambiguous(span.text):
                    weight = _DATELINE if span.dateline else _ANCHOR
                elif self._dominant(span, ctx(span)):
                    weight = _DOMINANT
            weights.append(weight)
            if weight:
                anchors.append((place, weight))
        focus = self.gazetteer.focus(anchors)
        chosen = run(focus)
        focus = self.gazetteer.focus([(p, w or _CHOSEN) for p, w in zip(chosen, weights) if p is not None])
        final = run(focus)
        places = [p for p in final if p is not None]
        return self._contained(text, spans, final, places), focus

    def _dominant(self, span: _Span, context: frozenset[str]) -> bool:
        ranked = self.gazetteer.ranked(span.text, context=context, before=span.before, after=span.after)
        if not ranked:
            return False
        best_score, best, _ = ranked[0]
        far = [s for s, c, _ in ranked[1:] if c.place.lat is None or best.place.lat is None
               or haversine_km(c.place.lat, c.place.lon, best.place.lat, best.place.lon) > 161]
        return not far or best_score - max(far) >= _DOMINANT_MARGIN

    def _contained(self, text: str, spans: list[_Span], final: list[Place | None], places: list[Place]) -> list[Place]:
        # A street, square or building the gazetteer does not know lies in the city the article
        # is about (its most named city): "Royal Street" in a New Orleans story.
        unresolved = [s for s, p in zip(spans, final) if p is None and _FACILITY.search(s.text)]
        cities = Counter((p.name, p.country) for p in places if p.precision == "city")
        if unresolved and cities:
            (name, country), _ = cities.most_common(1)[0]
            home = next(p for p in places if (p.name, p.country) == (name, country))
            for s in unresolved:
                places.append(Place(home.name, home.country, home.admin1, home.lat, home.lon, home.geonameid,
                                    "city", text[s.start:s.end], s.start, s.end, "CONTAINED"))
            places.sort(key=lambda p: p.start or 0)
        return places


def _token(doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def article_focus(doc, text: str, *, gazetteer: Gazetteer, knowledge: Knowledge, mentions=None) -> Focus:
    """The focus of a parsed article (its country, first-level division and centre), to pass as
    ``Gazetteer.resolve(..., focus=...)`` when resolving one toponym at a time. Pass the
    article's ``find_mentions`` result as ``mentions`` when you have it: it is most of the cost."""
    return ToponymExtractor(None, gazetteer, knowledge).focus(Article("focus", text, None), doc, mentions=mentions)
