"""Resolve the noun phrases of an event's arguments to actors.

A phrase is split into its coordinated elements ("Türkiye and Qatar"); in each element the
known names (leaders in office at the article's date, organisations, countries, capitals,
adjectives), role words (president, army, protesters) and person names from the parser are
combined into one actor per country or per named entity: "Iranian Foreign Minister Mohammad
Javad Zarif" -> {name: Mohammad Javad Zarif, country: IRN, sector: GOV}.

Resolution reads the article's memory but never writes it: each ``Resolved`` says how it was
found and what the memory should keep if the caller chooses it (``ArticleMemory.commit``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from tidings.actors.knowledge import Entry, Knowledge, fold
from tidings.actors.memory import ArticleMemory
from tidings.actors.mentions import Mention, coordinated, doc_ents, doc_text, element_tokens, phrase_span
from tidings.nlp.grammar import words
from tidings.types import NON_STATE_CODES, Actor

_PERSON_ROLES = {"president", "prime minister", "premier", "emir", "king", "queen", "chancellor", "sultan",
                 "crown prince", "leader", "head of state", "supreme leader", "pope"}
# 'the two countries' (parties as states), 'the two leaders' (parties as persons)
_PAIR_NOUNS = {"country": False, "nation": False, "state": False, "government": False, "side": False,
               "neighbour": False, "neighbor": False, "ally": False, "leader": True, "president": True,
               "minister": True, "head": True}


# Roles whose sector a named organisation does not override: forces, police, courts, legislatures.
_OWN_SECTOR_ROLES = {"MIL", "COP", "SPY", "JUD", "LEG", "REB"}


@dataclass(frozen=True, slots=True)
class Resolved:
    """One actor of a phrase, how it was resolved, and what the memory keeps if it is chosen:
    ``memo`` is (title, person) for ``ArticleMemory.remember``, or None to keep nothing."""

    actor: Actor
    how: str
    memo: tuple[str | None, bool] | None = None


def _antecedent(pronoun):
    """The nearest plural noun before a pronoun in its sentence that heads an argument and is not
    the subject of the pronoun's own clause (English binding: 'police detained 200 of them')."""
    verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    own = {t.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")
           for t in c.subtree}
    for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
        if token.tag_ in ("NNS", "NNPS") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
                and token.i not in own:
            return token
    return None


def _term(entry: Entry) -> str:
    start = entry.start.isoformat() if entry.start else "?"
    end = entry.end.isoformat() if entry.end else "now"
    return f"{entry.country} {entry.detail or entry.kind} {start} to {end}"


class ActorResolver:
    def __init__(self, knowledge: Knowledge, *, memory_rules: bool = True, role_country: bool = True,
                 pairs: bool = True, compose: bool = True,
                 place_country: Callable[[str, set[str]], str | None] | None = None) -> None:
        self.knowledge = knowledge
        # the country of a city or region the knowledge does not list ("Kano State government",
        # "Rakhine rebels", "Shanghai authorities"), from the gazetteer (rule place_as_country)
        self.place_country = place_country
        self.compose = compose  # rule actor_composition
        self.memory_rules = memory_rules  # rule memory_reference
        self.role_country = role_country  # rule role_country_from_article
        self.pairs = pairs  # rule pair_reference

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
                       memory: ArticleMemory, context: set[str], other: frozenset[str] = frozenset()
                       ) -> list[Resolved]:
        """The actors of a phrase. ``other`` holds the countries of the event's other party, which a
        reference back ('the Gulf country') does not take."""
        found: list[Resolved] = []
        for element in coordinated(head):
            found.extend(self._resolve_element(element, mentions, when, memory, context, other))
        if self.role_country and len(found) > 1:
            # "Turkish police investigators, forensic experts and prosecutors", "the Yemeni army and
            # allied fighters": a role without a country of its own shares its coordinated
            # elements' country when they name exactly one, before the article's ("the Syrian
            # people and government")
            def borrowed(r: Resolved) -> bool:
                return r.actor.country is None or "role_country_from_article" in r.how

            shared = {r.actor.country for r in found if not borrowed(r)}
            if len(shared) == 1:
                code = next(iter(shared))
                found = [Resolved(replace(r.actor, country=code), f"{r.how}; country {code} of the coordinated phrase",
                                  r.memo) if borrowed(r) and r.actor.sector else r for r in found]
        return found

    def _resolve_element(self, head, mentions, when, memory: ArticleMemory, context,
                         other: frozenset[str] = frozenset()) -> list[Resolved]:
        tokens = element_tokens(head)
        lemma = head.lemma_.lower()
        if self.pairs and lemma in _PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in head.children):
            start, end = phrase_span(tokens)
            pair = memory.last_pair(person=_PAIR_NOUNS[lemma])
            if pair:
                text = doc_text(head.doc)[start:end]
                if _PAIR_NOUNS[lemma]:
                    return [Resolved(Actor(text, a.name, a.country, a.sector, a.wikidata, start, end),
                                     f"pair_reference: {a.name}") for a in pair]
                return [Resolved(Actor(text, self.knowledge.country_name(a.country) or a.country, a.country, "GOV",
                                       None, start, end), f"pair_reference: {a.country}") for a in pair]
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
            if leader is not None and self.compose and not self._same_name(m, leader, doc):
                leader = None  # "Diane Abbott" is not Tony Abbott: the text names another person
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
        locative = head.dep_ == "pobj" and head.head.lower_ in words("prepositions.locative")
        if self.place_country is not None and not countries and not leaders:
            # a place names an actor's country when it qualifies the actor ("Rakhine rebels"), not
            # when it is only where the act happened ("met in Almaty"), and a name the article
            # gave a person is no place ("Tamim")
            known = {i for m in inside for i in range(m.start, m.end)}
            for ent in doc_ents(doc):
                if ent.label_ in ("GPE", "LOC", "NORP") and ent.start in indices and ent.start not in known \
                        and not (locative and ent.start <= head.i < ent.end) and memory.by_name(ent.text) is None:
                    code = self.place_country(ent.text, context)
                    if code:
                        countries.append((Mention(ent.start, ent.end, ent.text, ()), Entry("place", ent.text, code)))
        if not countries and not leaders and not orgs and self.compose and head.pos_ in ("NOUN", "PROPN"):
            # "authorities in Pakistan", "a court in Bishkek", "workers from Nepal": a locative
            # complement places the actor when nothing else in the phrase does
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from"):
                    for m in mentions:
                        if any(g.dep_ == "pobj" and m.start <= g.i < m.end for g in child.children):
                            entry = next((e for e in m.entries if e.kind in ("country", "capital")), None)
                            if entry is not None:
                                countries.append((m, entry))
        # A role word counts when it is the head ("the army") or titles a name ("Foreign Minister
        # Zarif"), not when it only qualifies another noun ("military ties", "police station").
        of_objects = {g.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"}
        roles = [(m, e) for m, e in roles if m.start <= head.i < m.end or head.pos_ == "PROPN"
                 or head.ent_type_ in ("PERSON", "NORP", "CARDINAL") or any(m.start <= i < m.end for i in of_objects)]
        role = self._head_role(roles, head)
        persons = [e for e in doc_ents(doc) if e.label_ == "PERSON" and e.start in indices
                   and not any(m.start <= e.start < m.end for m, _ in leaders)]
        person_name = persons[0].text if persons else None
        out: list[Resolved] = []
        bodies = [(m, e) for m, e in orgs if e.country in NON_STATE_CODES]
        former = self.compose and any(t.lower_ in words("modifiers.former") or t.lower_.startswith("ex-")
                                      for t in tokens if t.i < head.i or t == head)
        for m, entry in leaders:
            if self.compose:
                entry = self._titled(entry, role, roles, former)
            if bodies and entry.country not in NON_STATE_CODES and self.compose:
                # "the chairman of the African Union Commission Moussa Faki Mahamat": a national
                # figure named with the international body he heads acts for that body
                body_m, body = bodies[0]
                out.append(Resolved(Actor(text, entry.name, body.country, self._body_sector(body, role, head, roles),
                                          entry.wikidata, start, end),
                                    f"{entry.name} for {body.name} ({body.country}) named in the phrase",
                                    ((entry.title or "").lower() or None, True)))
                return out
            how = ("former leader (ELI): " if entry.sector == "ELI" else "person in office: ") + \
                f"{entry.name} ({_term(entry)}) from {m.text!r}"
            out.append(Resolved(Actor(text, entry.name, entry.country, entry.sector, entry.wikidata, start, end), how,
                                ((entry.title or "").lower() or None, True)))
        for m, entry in orgs:
            sector = self._body_sector(entry, role, head, roles) if self.compose else entry.sector or (
                role.sector if role else None)
            owners = [e.country for _, e in countries if e.country and e.country != entry.country]
            if entry.detail == "national_body" and owners:
                # "Peru's Congress": the named country's own body, not the one the bare word denotes
                out.append(Resolved(Actor(text, text, owners[0], sector, None, start, end),
                                    f"national body {m.text!r} of {owners[0]}", (None, False)))
            else:
                out.append(Resolved(Actor(text, entry.name, entry.country, sector, entry.wikidata, start, end),
                                    f"organisation: {entry.name} ({entry.country or '-'} {entry.sector or '-'})",
                                    (None, False)))
        if out and orgs and self.compose:
            # "UK and EU negotiators": a country coordinated with an organisation is a party too
            org_tokens = {i for m, _ in orgs for i in range(m.start, m.end)}
            for m, entry in countries:
                root = doc[m.end - 1]
                if entry.country and root.dep_ == "conj" and root.head.i in org_tokens or any(
                        doc[i].dep_ == "conj" and doc[i].head.i in range(m.start, m.end) for i in org_tokens):
                    if all(r.actor.country != entry.country for r in out):
                        out.append(Resolved(Actor(text, self.knowledge.country_name(entry.country), entry.country,
                                                  role.sector if role else "GOV", None, start, end),
                                            f"country {entry.country} coordinated with an organisation", (None, False)))
        if out:
            return out
        if countries:
            codes = list(dict.fromkeys(e.country for _, e in countries))
            for code in codes:
                kinds = {e.kind for m, e in countries if e.country == code}
                head_is_country = any(m.start <= head.i < m.end for m, _ in countries)
                if role is not None:
                    sector, why = role.sector, f"role {role.name!r}"
                elif kinds & {"country", "capital"}:
                    sector, why = "GOV", "the state"
                elif kinds == {"place"}:
                    sector, why = None, "a place in it"
                elif lemma in ("capital", "leadership"):
                    sector, why = "GOV", f"{lemma!r} stands for the government"
                elif head_is_country and head.tag_ in ("NNS", "NNPS"):
                    sector, why = "CVL", "the people"  # 'Palestinians'
                else:
                    sector, why = None, "no sector"
                name = person_name or self.knowledge.country_name(code)
                named = ", ".join(sorted({m.text for m, e in countries if e.country == code}))
                title = role.name if role and role.name in _PERSON_ROLES and person_name else None
                out.append(Resolved(Actor(text, name, code, sector, None, start, end),
                                    f"country {code} from {'/'.join(sorted(kinds))} {named!r}; {why}",
                                    (title, bool(person_name) or (role is not None and role.detail == "person"))))
            return out
        if collectives:
            entry = collectives[0][1]
            return [Resolved(Actor(text, entry.name, entry.country, entry.sector, None, start, end),
                             f"collective {entry.name!r}")]
        if self.memory_rules and person_name is None and head.pos_ == "PROPN":
            known = memory.by_name(head.text)
            if known is not None:
                return [self._recall(known, text, start, end, f"memory_reference: name {head.text!r}")]
        if person_name:
            known = memory.by_name(person_name) if self.memory_rules else None
            if known is not None:
                return [self._recall(known, text, start, end, f"memory_reference: name {person_name!r}")]
            # a titled person the knowledge does not know ("Education Secretary Raul Roco") holds
            # that office at home, as a bare role word does
            country, whence = self._home_country(memory, context) if role is not None else (None, "")
            how = "person named by the parser, not in the knowledge" + (
                f"; role_country_from_article: {country} of {whence}" if country else "")
            return [Resolved(Actor(text, person_name, country, role.sector if role else None, None, start, end),
                             how, (None, True))]
        if role is not None:
            if self.memory_rules:
                if role.name in _PERSON_ROLES or role.detail == "person" and role.name in memory.titles:
                    known = memory.titles.get(role.name)
                    if known is not None:
                        return [self._recall(known, text, start, end, f"memory_reference: title {role.name!r}")]
                if role.detail != "person" and role.sector in ("JUD", "LEG", "MIL", "COP", "SPY"):
                    known = memory.last_in_sector(role.sector)
                    if known is not None:
                        return [self._recall(known, text, start, end, f"memory_reference: last {role.sector} actor")]
            # "the authorities", "police": the article's own country before a foreign one named nearby
            country, whence = self._home_country(memory, context)
            how = f"role {role.name!r} ({role.sector})" + (
                f"; role_country_from_article: {country} of {whence}" if country else "; no country")
            return [Resolved(Actor(text, None, country, role.sector, None, start, end), how)]
        if (self.memory_rules and lemma in words("nouns.state") and head.pos_ == "NOUN"
                and any(c.lower_ == "the" for c in head.children) and head.tag_ in ("NN", "NNP")):
            # "the Gulf country", "the kingdom", "the island nation": a definite description of a
            # state refers to the last state the article named
            named = [e for m in mentions if m.end <= head.i for e in m.entries
                     if e.kind in ("country", "capital") and e.country not in other][-1:]
            if named:  # "Ankara and Doha ... the blockade of the Gulf country": the state just named
                code = named[0].country
                return [Resolved(Actor(text, self.knowledge.country_name(code), code, "GOV", None, start, end),
                                 f"memory_reference: description {text!r} -> {code} named before it")]
            known = memory.last_state(other)
            if known is not None:
                return [self._recall(known, text, start, end, f"memory_reference: description {text!r}")]
        pronouns = words("pronouns.person") | words("pronouns.group")
        if self.memory_rules and head.lower_ in ("them", "their") and head.dep_ != "nsubj":
            antecedent = _antecedent(head)
            if antecedent is not None:
                # "people marched ..., and police detained 200 of them": a plural noun before the
                # pronoun in its sentence, not its own clause's subject, is what it stands for
                found = self._resolve_element(antecedent, mentions, when, memory, context, other)
                return [Resolved(Actor(text, r.actor.name, r.actor.country, r.actor.sector, r.actor.wikidata,
                                       start, end), f"memory_reference: pronoun {head.text!r} = {antecedent.text!r}; "
                                 + r.how) for r in found] or [
                    Resolved(Actor(text, None, None, None, None, start, end),
                             f"pronoun {head.text!r} = {antecedent.text!r}, no actor known")]
        if self.memory_rules and head.lower_ in pronouns:
            person = head.lower_ not in words("pronouns.group")
            known = memory.last_subject(person=person) or memory.last(person=person)
            if known is not None:
                return [self._recall(known, text, start, end, f"memory_reference: pronoun {head.text!r}")]
        ent = next((e for e in doc_ents(doc) if e.label_ in ("ORG", "NORP", "GPE", "FAC")
                    and any(i in indices for i in range(e.start, e.end))), None)
        if ent is not None:
            return [Resolved(Actor(text, ent.text, None, None, None, start, end),
                             f"{ent.label_} entity {ent.text!r} not in the knowledge")]
        return []

    def _home_country(self, memory: ArticleMemory, context) -> tuple[str | None, str]:
        """The country of a domestic actor the text gives none: the article's dominant country,
        or the sentence's only one (rule role_country_from_article)."""
        if not self.role_country:
            return None, ""
        country = memory.dominant_country()
        if country is not None:
            return country, "the article"
        if len(context) == 1:
            return sorted(context)[0], "the sentence"
        return None, ""

    @staticmethod
    def _titled(entry: Entry, role: Entry | None, roles, former: bool) -> Entry:
        """The office the text gives a known person: 'former'/'ex-' makes him an elite out of
        office (ELI); a role that titles him and belongs to another sector names the office he
        holds in this text ('opposition leader Nelson Chamisa' OPP, 'Army chief X' MIL)."""
        sector = entry.sector
        if former:
            sector = "ELI"
        elif role is not None and role.sector and role.sector != entry.sector and entry.sector != "ELI" and \
                role.detail == "person" and role.sector not in ("GOV",):
            sector = role.sector
        if sector == entry.sector:
            return entry
        return Entry(entry.kind, entry.name, entry.country, sector, entry.wikidata, entry.start, entry.end,
                     entry.title, entry.detail)

    @staticmethod
    def _same_name(m: Mention, entry: Entry, doc) -> bool:
        """Whether the person the parser found around a known name can be that entry: every word
        the person's name adds to the mention must be part of the entry's name ('Diane Abbott',
        'Mostafa Mohammad Najjar' are other people than 'Abbott', 'Mohammad Najjar')."""
        person = next((e for e in doc_ents(doc) if e.label_ == "PERSON" and e.start <= m.start and m.end <= e.end), None)
        if person is None or (person.start, person.end) == (m.start, m.end):
            return True
        known = {w.lower() for w in fold(entry.name).replace("-", " ").split()}
        extra = [t for t in doc[person.start:person.end] if not m.start <= t.i < m.end and t.is_alpha]
        return all(fold(t.text).lower() in known for t in extra)

    @staticmethod
    def _body_sector(entry: Entry, role: Entry | None, head, roles) -> str | None:
        """An organisation's sector, unless the phrase's head is a role of force ('NATO troops',
        'UN peacekeepers', 'Hamas gunmen'), which keeps its own; a spokesman or leader of a body
        takes the body's sector ('Hamas spokesman' is REB)."""
        if role is not None and role.sector in _OWN_SECTOR_ROLES and any(m.start <= head.i < m.end for m, _ in roles):
            return role.sector
        return entry.sector or (role.sector if role else None)

    @staticmethod
    def _recall(known: Actor, text: str, start: int, end: int, how: str) -> Resolved:
        return Resolved(Actor(text, known.name, known.country, known.sector, known.wikidata, start, end),
                        f"{how} -> {known.name or known.country}")

    @staticmethod
    def _head_role(roles, head):
        if not roles:
            return None
        for m, entry in roles:
            if m.start <= head.i < m.end:
                return entry
        return roles[-1][1]
