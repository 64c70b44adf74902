"""Stage "actors": the argument phrases of a draft event resolved to its source and target actors.

Of the phrases found for a side, the best is kept: a named actor (a known country, leader,
organisation or a name the parser found) before roles resolved from context, a place of the
event ("in Afghanistan") before things, a party of another country before the source's own side.
Conventions then look for the real recipient where the object is not one: a named party deeper
in the clause (rule deeper_recipient), the party the source's own means were sent to (rule
own_means_recipient), and the state where an act of state happened (rule passive_place_as_source).
Only the chosen actors enter the article's memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tidings.actors.memory import ArticleMemory
from tidings.actors.mentions import Mention, coordinated, element_tokens
from tidings.actors.resolver import ActorResolver, Resolved
from tidings.events.arguments import Arguments, passive_place
from tidings.events.choice import Draft
from tidings.events.location import crosses_clause
from tidings.events.explain import Trace
from tidings.events.rulebook import RuleBook
from tidings.events.triggers import Lexicon
from tidings.nlp.grammar import words
from tidings.types import Actor, When

STAGE = "actors"


@dataclass
class SentenceContext:
    """What the stages know about one sentence: its known names, the countries it names, its
    date phrases, the publication date and the article's memory."""

    sent: object
    mentions: list[Mention]
    countries: set[str]
    pub: dt.date | None
    memory: ArticleMemory
    dates: list[tuple[object, When]] = field(default_factory=list)


def _actors(resolved: list[Resolved]) -> list[Actor]:
    return [r.actor for r in resolved]


@dataclass(frozen=True, slots=True)
class Parties:
    sources: list[Actor]
    targets: list[Actor]


def agentive(actor: Actor) -> bool:
    """An actor the knowledge or the parser recognises (a country, sector or name), as
    opposed to a phrase such as 'a strong earthquake' or 'the tank'."""
    return bool(actor.country or actor.sector or actor.name)


class PartyFinder:
    def __init__(self, *, resolver: ActorResolver, lexicon: Lexicon, rules: RuleBook) -> None:
        self.resolver = resolver
        self.lexicon = lexicon
        self.rules = rules

    def find(self, draft: Draft, args: Arguments, ctx: SentenceContext, trace: Trace) -> Parties:
        rules, trigger, type_ = self.rules, draft.trigger, draft.type
        sources = self._take("source", self._best(args.sources, args, ctx), ctx, trace)
        if not sources and type_ in rules.words("types.state_acts") and trigger.pos_ == "VERB" \
                and rules.on("passive_place_as_source"):
            place = passive_place(trigger)  # "was arrested in Rwanda": the state where it happened
            best = self._best([place], args, ctx, countries_only=True) if place is not None else None
            if best is not None:
                trace.add(STAGE, "passive_place_as_source", f"{place.text!r}")
                sources = self._take("source", best, ctx, trace)
        targets = self._take("target", self._best(args.targets, args, ctx, against=_actors(sources)), ctx, trace)
        if not any(t.actor.country for t in targets) and type_ not in rules.words("types.reciprocal") | {"PROTEST"}:
            if rules.on("deeper_recipient"):
                # "provide ammunition ... to Turkey", "imposed sanctions in relation to Iraq":
                # a named party deeper in the trigger's own clause
                used = {(a.actor.start, a.actor.end) for a in sources}
                deeper = [t for t in trigger.subtree if t.dep_ == "pobj" and t.ent_type_ in words("labels.actor")
                          and t.head.lower_ in (words("prepositions.recipient") - {"of"}) | {"in"}
                          and not crosses_clause(t, trigger)
                          and not any(s <= t.idx < e for s, e in used if s is not None)]
                best = self._best(deeper, args, ctx, against=_actors(sources), countries_only=True)
                if best is not None:
                    trace.add(STAGE, "deeper_recipient", f"{best[0].text!r}")
                    targets = self._take("target", best, ctx, trace)
        elif type_ in rules.words("types.moving") and self._moved_own(_actors(sources), _actors(targets)) \
                and rules.on("own_means_recipient"):
            # "massed troops near the Ukrainian border", "sent a team of doctors to ... Turkey":
            # the source's own forces, goods or people moved or provided are the means; the
            # party they go to is the target
            best = self._recipient(draft, _actors(sources), ctx)
            if best is not None:
                trace.add(STAGE, "own_means_recipient",
                          f"{', '.join(repr(t.actor.text) for t in targets)} -> {best[0].text!r}")
                targets = self._take("target", best, ctx, trace)
        if targets and not any(agentive(t.actor) for t in targets) and rules.on("things_are_no_recipients"):
            # PLOVER: the recipient is the actor the action is aimed at, or none. "declared a
            # state of siege", "will not end the strike": the thing acted on is no recipient.
            trace.add(STAGE, "things_are_no_recipients", ", ".join(repr(t.actor.text) for t in targets))
            targets = []
        spans = {(a.actor.start, a.actor.end) for a in sources}
        return Parties(_actors(sources), [t.actor for t in targets if (t.actor.start, t.actor.end) not in spans])

    def _take(self, side: str, best, ctx: SentenceContext, trace: Trace) -> list[Resolved]:
        """The chosen phrase's actors: recorded in the trace and committed to the article's memory."""
        if best is None:
            return []
        head, found, reading = best
        for r in found:
            trace.add(STAGE, side, f"{r.actor.text!r} ({reading}): {r.how}")
            ctx.memory.commit(r)
        return list(found)

    def _best(self, heads, args: Arguments, ctx: SentenceContext, *, against: list[Actor] | None = None,
              countries_only: bool = False):
        """The best argument phrase resolved to actors, as (head, [Resolved], reading): named
        actors (a known country, leader, organisation or a name the parser found) before roles
        resolved from context, a place of the event ("in Afghanistan") before things, other
        parties before the source's own side; a phrase no knowledge covers is still reported as
        it stands. ``countries_only``: keep only actors with a country (None when none has)."""
        expanded = []
        for head in heads:
            expanded.append(head)
            if self.rules.on("event_noun_actor") and head.pos_ == "NOUN":
                expanded.extend(self._inside(head))
        own = {a.country for a in against or () if a.country}
        best: tuple[float, object, list[Resolved]] | None = None
        for head in dict.fromkeys(expanded):
            if head.pos_ in ("PRON", "DET") and head.lower_ in words("pronouns.relative"):
                continue
            if head.ent_type_ in words("labels.quantity"):
                continue  # "on Sunday", "by 5 percent": not a recipient
            found = self.resolver.resolve_phrase(head, mentions=ctx.mentions, when=ctx.pub, memory=ctx.memory,
                                                 context=ctx.countries, other=frozenset(own))
            if not found:
                found = [Resolved(self.resolver.text_actor(head), "no actor known: the phrase as written")]
            found = [r for r in found if r.actor.text]
            if not found:
                continue
            actors = [r.actor for r in found]
            named = self._named(head, ctx)
            locative = head.head.dep_ == "prep" and head.head.lower_ in words("prepositions.locative_container")
            event_noun = head.pos_ == "NOUN" and (self.lexicon.match(head) is not None
                                                  or head.lemma_.lower() in self.rules.words("nouns.wrappers"))
            score = (3.0 if named and not locative else 2.5 if named else 2.0 if any(a.country for a in actors)
                     else 1.0 if any(agentive(a) for a in actors) else 0.0)
            if event_noun:
                score -= 1.5
            if own and any(a.country and a.country not in own for a in actors):
                score += 0.5
            if best is None or score > best[0]:
                best = (score, head, found)
        if best is None:
            return None
        _, head, found = best
        if countries_only:
            found = [r for r in found if r.actor.country]
            if not found:
                return None
        return head, found, args.reading(head) or "inside an event noun"

    @staticmethod
    def _inside(noun) -> list:
        """Actors named inside a noun phrase, for when the noun itself names none: 'the demands
        by protesters', 'Syria's chemical weapons', 'the Quetta attack', 'a resolution proposed by
        the Security Council', 'an extradition request for Catalonia's former leader'."""
        found = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "of", "from", "for", "against", "on", "to", "with", "into"):
                found.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in ("poss", "compound", "amod", "nmod") and child.ent_type_ in words("labels.actor"):
                found.append(child)
            elif child.dep_ == "acl":
                found.extend(p for g in child.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj")
        return found

    def _moved_own(self, sources: list[Actor], targets: list[Actor]) -> bool:
        """Whether every target is the source's own means given as a thing, a force or a team
        (troops, a team of doctors, 'the rebuilding of schools'), not a named actor or people
        who are acted on themselves ("let free activists", "arrested an opposition leader")."""
        movable = self.rules.words("sectors.movable")
        own = {a.country for a in sources if a.country}
        if not own or not targets:
            return False
        return all(t.country in own and t.name is None and (t.sector or "") in movable for t in targets)

    def _recipient(self, draft: Draft, sources: list[Actor], ctx: SentenceContext) -> tuple | None:
        """A party of another country in a prepositional phrase of the trigger's own clause:
        the country itself, or one qualifying the phrase ('near the Ukrainian border', 'to its
        border with Guyana', 'from the area around Kyiv' for a withdrawal)."""
        trigger, sent = draft.trigger, ctx.sent
        own = {a.country for a in sources if a.country}
        preps = words("prepositions.destination") | ({"from", "out"} if draft.type in ("RETREAT", "CONCEDE") else set())
        used = {(a.start, a.end) for a in sources}
        heads = []
        for pobj in trigger.subtree:
            # "sent police officers to help the Solomon Islands": the object of a nested verb
            helped = pobj.dep_ == "dobj" and pobj.head != trigger and pobj.head.pos_ == "VERB"
            if not (helped or pobj.dep_ == "pobj" and pobj.head.lower_ in preps) or crosses_clause(pobj, trigger):
                continue
            inside = {t.i for t in pobj.subtree}
            named = [ent.root for ent in sent.ents if ent.label_ in ("GPE", "NORP", "ORG")]
            named += [sent.doc[m.end - 1] for m in ctx.mentions if any(e.country for e in m.entries)]
            heads += [t for t in sorted(named, key=lambda t: t.i) if t.i in inside
                      and not any(s is not None and s <= t.idx < e for s, e in used)]
        for head in dict.fromkeys(heads):
            best = self._best([head], Arguments((), ()), ctx, against=sources, countries_only=True)
            found = [r for r in best[1] if r.actor.country not in own] if best is not None else []
            if found:
                return head, found, "destination of the source's own means"
        return None

    @staticmethod
    def _named(head, ctx: SentenceContext) -> bool:
        """Whether a phrase names its actor (a known name, or an entity the parser found)."""
        indices = {t.i for element in coordinated(head) for t in element_tokens(element)}
        for m in ctx.mentions:
            if m.start in indices and any(e.kind != "role" and e.kind != "collective" for e in m.entries):
                return True
        return any(tok.ent_type_ in words("labels.actor") for tok in (head.doc[i] for i in indices))
