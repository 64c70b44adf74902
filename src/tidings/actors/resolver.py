"""Resolve the noun phrases of an event's arguments to actors.

A phrase is split into its coordinated elements ("Türkiye and Qatar"); in each element the
known names (leaders in office at the article's date, organisations, countries, capitals,
adjectives), role words (president, army, protesters) and person names from the parser are
combined into one actor per country or per named entity: "Iranian Foreign Minister Mohammad
Javad Zarif" -> {name: Mohammad Javad Zarif, country: IRN, sector: GOV}.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from tidings.actors.knowledge import Entry, Knowledge, fold
from tidings.types import Actor

_EXCLUDED_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "appos", "prep", "det",
                  "preconj", "mark", "case"}
_PERSON_ROLES = {"president", "prime minister", "premier", "emir", "king", "queen", "chancellor", "sultan",
                 "crown prince", "leader", "head of state", "supreme leader", "pope"}
_PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their"}
_GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
_PAIR_NOUNS = {"country": False, "nation": False, "state": False, "government": False, "side": False,
               "neighbour": False, "neighbor": False, "ally": False, "leader": True, "president": True,
               "minister": True, "head": True}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token index in the doc
    end: int
    text: str
    entries: tuple[Entry, ...]


@dataclass
class ArticleMemory:
    """What an article has said so far: actors in order, to resolve 'the president', 'he', 'it'."""

    actors: list[Actor] = field(default_factory=list)
    persons: set[int] = field(default_factory=set)  # indices into actors
    titles: dict[str, Actor] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    subjects: list[tuple[Actor, bool]] = field(default_factory=list)  # sentence subjects, in order

    def remember_subject(self, actor: Actor, *, person: bool) -> None:
        if actor.country:
            self.subjects.append((actor, person))

    def last_subject(self, *, person: bool) -> Actor | None:
        """'It cut off trade': the subject of an earlier sentence, before other actors named since."""
        for actor, is_person in reversed(self.subjects):
            if is_person == person:
                return actor
        return None

    def remember(self, actor: Actor, *, title: str | None = None, person: bool = False) -> None:
        if actor.country or actor.name:
            if person:
                self.persons.add(len(self.actors))
            self.actors.append(actor)
        if actor.country and len(actor.country) == 3:
            self.countries[actor.country] += 1
        if title:
            self.titles[title.lower()] = actor

    def dominant_country(self) -> str | None:
        if not self.countries:
            return None
        code, count = self.countries.most_common(1)[0]
        return code if code not in ("IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC") else None

    def by_name(self, name: str) -> Actor | None:
        words = {w for w in fold(name).lower().split() if len(w) > 2}
        for i in sorted(self.persons, reverse=True):
            actor = self.actors[i]
            if actor.name and words & set(fold(actor.name).lower().split()):
                return actor
        return None

    def last_pair(self, *, person: bool) -> list[Actor]:
        """The two most recent distinct parties: 'the two leaders', 'the two countries'."""
        found: list[Actor] = []
        for i in range(len(self.actors) - 1, -1, -1):
            actor = self.actors[i]
            if not actor.country or any(a.country == actor.country for a in found):
                continue
            if person and i not in self.persons:
                continue
            found.append(actor)
            if len(found) == 2:
                return list(reversed(found))
        return []

    def last_in_sector(self, sector: str) -> Actor | None:
        """'The court' after 'the International Court of Justice'; 'the army' after 'Israel's army'."""
        for i in range(len(self.actors) - 1, -1, -1):
            if self.actors[i].sector == sector and i not in self.persons and self.actors[i].country:
                return self.actors[i]
        return None

    def last(self, *, person: bool) -> Actor | None:
        for i in range(len(self.actors) - 1, -1, -1):
            if (i in self.persons) == person and self.actors[i].country:
                return self.actors[i]
        return None


def doc_text(doc) -> str:
    """The document's text, built once (spaCy's Doc.text joins every token on each call)."""
    text = doc.user_data.get("tidings_text")
    if text is None:
        text = doc.user_data["tidings_text"] = doc.text
    return text


def find_mentions(doc, knowledge: Knowledge, start: int, end: int) -> list[Mention]:
    """Longest known names in doc[start:end], left to right, without overlaps."""
    found: list[Mention] = []
    text_of = doc_text(doc)
    i = start
    while i < end:
        hit: Mention | None = None
        if not knowledge.may_start(doc[i].text):
            i += 1
            continue
        for n in range(min(knowledge.max_tokens, end - i), 0, -1):
            first, last = doc[i], doc[i + n - 1]
            if last.is_punct and n > 1:
                continue
            text = text_of[first.idx: last.idx + len(last.text)]
            if n > 1 and not any(c.isupper() for c in text) and not knowledge.has_lower_prefix(text):
                continue
            entries = knowledge.lookup(text)
            if not entries and text.lower().startswith("the "):
                continue
            if entries:
                hit = Mention(i, i + n, text, tuple(entries))
                break
        if hit:
            found.append(hit)
            i = hit.end
        else:
            i += 1
    return found


def element_tokens(head) -> list:
    """The tokens of one coordinated element of a phrase: the head and its modifiers, with
    'of' phrases, but without relative clauses, other prepositional phrases or conjuncts."""
    keep = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            keep.append(child)
            for grand in child.children:
                if grand.dep_ == "pobj":
                    keep.extend(_phrase_tokens(grand))
        elif child.dep_ not in _EXCLUDED_DEPS:
            keep.extend(child.subtree)
        elif child.dep_ == "appos" and child.ent_type_ in ("PERSON", "GPE", "ORG"):
            keep.extend(child.subtree)
    return sorted(set(keep), key=lambda t: t.i)


def _phrase_tokens(head) -> list:
    tokens = list(element_tokens(head))
    for conj in coordinated(head)[1:]:
        tokens.extend(element_tokens(conj))
    return tokens


def coordinated(head) -> list:
    """The head and its conjuncts: 'Türkiye and Qatar' -> [Türkiye, Qatar]."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out.extend(coordinated(child))
    return out


def phrase_span(tokens) -> tuple[int, int]:
    """Character offsets covering the tokens, trimmed of leading determiners and punctuation."""
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return (0, 0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


class ActorResolver:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    @staticmethod
    def text_actor(head) -> Actor:
        """An argument no knowledge covers: its words and offsets, nothing resolved."""
        start, end = phrase_span(element_tokens(head))
        return Actor(doc_text(head.doc)[start:end], None, None, None, None, start, end)

    def _leader(self, entries: tuple[Entry, ...], when: dt.date | None, context: set[str]) -> Entry | None:
        leaders = [e for e in entries if e.kind == "leader"]
        if not leaders:
            return None
        current = [e for e in leaders if e.in_office(when)]
        pool = current or leaders
        pool.sort(key=lambda e: (e.country in context, e.end or dt.date.max), reverse=True)
        if not current and when is not None:
            # Out of office at the date: a former leader is still that country's person, not GOV.
            best = pool[0]
            return Entry(best.kind, best.name, best.country, "ELI", best.wikidata, best.start, best.end,
                         best.title, best.detail)
        return pool[0]

    def resolve_phrase(self, head, *, mentions: list[Mention], when: dt.date | None,
                       memory: ArticleMemory, context: set[str]) -> list[Actor]:
        actors: list[Actor] = []
        for element in coordinated(head):
            actors.extend(self._resolve_element(element, mentions, when, memory, context))
        return actors

    def _resolve_element(self, head, mentions, when, memory, context) -> list[Actor]:
        tokens = element_tokens(head)
        if head.lemma_.lower() in _PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in head.children):
            start, end = phrase_span(tokens)
            pair = memory.last_pair(person=_PAIR_NOUNS[head.lemma_.lower()])
            if pair:
                text = doc_text(head.doc)[start:end]
                if _PAIR_NOUNS[head.lemma_.lower()]:
                    return [Actor(text, a.name, a.country, a.sector, a.wikidata, start, end) for a in pair]
                return [Actor(text, self.knowledge.country_name(a.country) or a.country, a.country, "GOV", None,
                              start, end) for a in pair]
        indices = {t.i for t in tokens}
        start, end = phrase_span(tokens)
        doc = head.doc
        text = doc_text(doc)[start:end]
        # a name may begin with a determiner the phrase leaves out ("The Netherlands")
        inside = [m for m in mentions if (m.start in indices or doc[m.start].lower_ == "the")
                  and (m.end - 1) in indices and all(i in indices for i in range(m.start + 1, m.end))]
        leaders, orgs, countries, roles, collectives = [], [], [], [], []
        has_body = any(e.kind in ("org", "country", "adjective") for m in inside for e in m.entries)
        for m in inside:
            leader = self._leader(m.entries, when, context)
            if leader is not None and leader.sector == "ELI" and has_body:
                leader = None  # "U.N. Secretary-General Antonio Guterres": the office, not a former premier
            if leader is not None:
                leaders.append((m, leader))
                continue
            kinds = {e.kind for e in m.entries}
            if "org" in kinds:
                orgs.append((m, next(e for e in m.entries if e.kind == "org")))
            elif kinds & {"country", "capital", "adjective"}:
                countries.append((m, next(e for e in m.entries if e.kind in ("country", "capital", "adjective"))))
            elif "collective" in kinds:
                collectives.append((m, next(e for e in m.entries if e.kind == "collective")))
            elif "role" in kinds:
                roles.append((m, next(e for e in m.entries if e.kind == "role")))
        # A role word counts when it is the head ("the army") or titles a name ("Foreign Minister
        # Zarif"), not when it only qualifies another noun ("military ties", "police station").
        of_objects = {g.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"}
        roles = [(m, e) for m, e in roles if m.start <= head.i < m.end or head.pos_ == "PROPN"
                 or head.ent_type_ in ("PERSON", "NORP", "CARDINAL") or any(m.start <= i < m.end for i in of_objects)]
        role = self._head_role(roles, head)
        persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start in indices
                   and not any(m.start <= e.start < m.end for m, _ in leaders)]
        person_name = persons[0].text if persons else None
        out: list[Actor] = []
        for m, entry in leaders:
            out.append(Actor(text, entry.name, entry.country, entry.sector, entry.wikidata, start, end))
            memory.remember(out[-1], title=(entry.title or "").lower() or None, person=True)
        for m, entry in orgs:
            sector = entry.sector or (role.sector if role else None)
            owners = [e.country for _, e in countries if e.country and e.country != entry.country]
            if entry.detail == "national_body" and owners:
                # "Peru's Congress": the named country's own body, not the one the bare word denotes
                out.append(Actor(text, text, owners[0], sector, None, start, end))
            else:
                out.append(Actor(text, entry.name, entry.country, sector, entry.wikidata, start, end))
            memory.remember(out[-1])
        if out:
            return out
        if countries:
            codes = list(dict.fromkeys(e.country for _, e in countries))
            for code in codes:
                kinds = {e.kind for m, e in countries if e.country == code}
                head_is_country = any(m.start <= head.i < m.end for m, _ in countries)
                if role is not None:
                    sector = role.sector
                elif kinds & {"country", "capital"}:
                    sector = "GOV"
                elif head.lemma_.lower() in ("capital", "leadership"):
                    sector = "GOV"  # 'the Turkish capital' stands for its government
                elif head_is_country and head.tag_ in ("NNS", "NNPS"):
                    sector = "CVL"  # 'Palestinians': the people
                else:
                    sector = None
                name = person_name or self.knowledge.country_name(code)
                actor = Actor(text, name, code, sector, None, start, end)
                out.append(actor)
                memory.remember(actor, title=role.name if role and role.name in _PERSON_ROLES and person_name else None,
                                person=bool(person_name) or (role is not None and role.detail == "person"))
            return out
        if collectives:
            entry = collectives[0][1]
            return [Actor(text, entry.name, entry.country, entry.sector, None, start, end)]
        if person_name is None and head.pos_ == "PROPN":
            known = memory.by_name(head.text)
            if known is not None:
                return [Actor(text, known.name, known.country, known.sector, known.wikidata, start, end)]
        if person_name:
            known = memory.by_name(person_name)
            if known is not None:
                return [Actor(text, known.name, known.country, known.sector, known.wikidata, start, end)]
            actor = Actor(text, person_name, None, role.sector if role else None, None, start, end)
            memory.remember(actor, person=True)
            return [actor]
        if role is not None:
            if role.name in _PERSON_ROLES or role.detail == "person" and role.name in memory.titles:
                known = memory.titles.get(role.name)
                if known is not None:
                    return [Actor(text, known.name, known.country, known.sector, known.wikidata, start, end)]
            if role.detail != "person" and role.sector in ("JUD", "LEG", "MIL", "COP", "SPY"):
                known = memory.last_in_sector(role.sector)
                if known is not None:
                    return [Actor(text, known.name, known.country, known.sector, known.wikidata, start, end)]
            # "the authorities", "police": the article's own country before a foreign one named nearby
            country = memory.dominant_country() or (sorted(context)[0] if len(context) == 1 else None)
            return [Actor(text, None, country, role.sector, None, start, end)]
        if head.lower_ in _PRONOUNS:
            person = head.lower_ not in _GROUP_PRONOUNS
            known = memory.last_subject(person=person) or memory.last(person=person)
            if known is not None:
                return [Actor(text, known.name, known.country, known.sector, known.wikidata, start, end)]
        ent = next((e for e in doc.ents if e.label_ in ("ORG", "NORP", "GPE", "FAC")
                    and any(i in indices for i in range(e.start, e.end))), None)
        if ent is not None:
            return [Actor(text, ent.text, None, None, None, start, end)]
        return []

    @staticmethod
    def _head_role(roles, head):
        if not roles:
            return None
        for m, entry in roles:
            if m.start <= head.i < m.end:
                return entry
        return roles[-1][1]
