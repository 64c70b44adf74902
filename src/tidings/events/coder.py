"""The event coder: the stages in order, from a parsed article to events.

    triggers    candidates.read_sentences   lexicon triggers and classifier probabilities per sentence
    type        choice.TypeChooser          which events a sentence reports (drafts)
    arguments   arguments.arguments         source and target phrases read off the parse
    actors      participants.PartyFinder    phrases resolved to actors (knowledge, titles, memory)
    vetoes      vetoes.Vetoes.check         codebook vetoes; reciprocal events keep no target
    attributes  status, dating              status and the date of the event's own clause
    conventions vetoes.Vetoes.recode        intent -> AGREE, refusal to yield -> REJECT
    attributes  dating, location, numbers   fallback dates, place, casualty figures
    event       build                       id, evidence, confidence; one toll per figure

Every stage records its decisions in a ``Trace``; with ``explain=True`` each event carries them
(``Event.explanation``) and the dropped candidates are returned too. A stage that fails names
itself and the article (E502).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from tidings.actors.knowledge import Knowledge
from tidings.actors.memory import ArticleMemory
from tidings.actors.mentions import find_mentions
from tidings.actors.resolver import ActorResolver
from tidings.attributes.numbers import fatalities, injured
from tidings.attributes.place import Gazetteer
from tidings.attributes.toponyms import article_focus
from tidings.config import CoderSettings
from tidings.errors import StageError, TidingsError
from tidings.events import build
from tidings.events.arguments import arguments
from tidings.events.candidates import SentenceReading, read_sentences
from tidings.events.choice import Draft, TypeChooser
from tidings.events.classifier import EventClassifier
from tidings.events.codebook import Codebook
from tidings.events.dating import StoryDates, clause_date, sentence_dates
from tidings.events.explain import Dropped, Trace, top_types
from tidings.events.features import predicate
from tidings.events.location import event_place
from tidings.events.participants import PartyFinder, SentenceContext
from tidings.events.rulebook import RuleBook, load_rulebook
from tidings.events.status import governing_chain, status_and_reason
from tidings.events.triggers import Lexicon
from tidings.events.vetoes import Vetoes
from tidings.ingest.dateline import DATELINE
from tidings.nlp.grammar import words
from tidings.types import Actor, Article, Event


@dataclass(frozen=True, slots=True)
class Coded:
    events: list[Event]
    dropped: list[Dropped]


@contextmanager
def _stage(name: str, article: Article) -> Iterator[None]:
    try:
        yield
    except TidingsError:
        raise
    except Exception as exc:  # a bug in a stage names the stage and the article
        raise StageError(f"stage {name!r} failed on article {article.id!r}: {exc!r}", code="E502") from exc


class EventCoder:
    def __init__(self, *, knowledge: Knowledge, lexicon: Lexicon, codebook: Codebook,
                 classifier: EventClassifier | None, gazetteer: Gazetteer | None,
                 version: str, settings: CoderSettings = CoderSettings(), rules: RuleBook | None = None) -> None:
        self.knowledge = knowledge
        self.lexicon = lexicon
        self.codebook = codebook
        self.classifier = classifier
        self.gazetteer = gazetteer
        self.version = version
        self.settings = settings
        self.rules = rules = rules or load_rulebook()
        self.resolver = ActorResolver(knowledge, memory_rules=rules.on("memory_reference"),
                                      role_country=rules.on("role_country_from_article"),
                                      pairs=rules.on("pair_reference"), compose=rules.on("actor_composition"),
                                      place_country=self._place_country if gazetteer and rules.on("place_as_country")
                                      else None)
        self.chooser = TypeChooser(settings=settings, rules=rules, codebook=codebook)
        self.parties = PartyFinder(resolver=self.resolver, lexicon=lexicon, rules=rules)
        self.vetoes = Vetoes(rules=rules, settings=settings, codebook=codebook)

    def _place_country(self, text: str, context: set[str]) -> str | None:
        place = self.gazetteer.resolve(text, context=frozenset(context))
        if place is None or place.precision == "country" or not place.country or len(place.country) != 3:
            return None
        return place.country

    def code(self, article: Article, doc, *, explain: bool = False) -> list[Event]:
        return self.code_explained(article, doc, explain=explain).events

    def code_explained(self, article: Article, doc, *, explain: bool = True) -> Coded:
        doc.user_data["tidings_text"] = article.text  # offsets and evidence come from the article itself
        with _stage("triggers", article):
            readings = read_sentences(doc, lexicon=self.lexicon, classifier=self.classifier,
                                      min_tokens=self.settings.min_tokens)
        with _stage("actors", article):
            mentions = find_mentions(doc, self.knowledge, 0, len(doc))
        with _stage("attributes", article):
            focus = article_focus(doc, article.text, gazetteer=self.gazetteer, knowledge=self.knowledge,
                                  mentions=mentions) if self.gazetteer is not None else None
        memory = ArticleMemory()
        match = DATELINE.match(article.text[:120])
        dateline = match.group(1).strip().title() if match else None
        story = StoryDates(sentences=len(readings))
        events: list[Event] = []
        dropped: list[Dropped] = []
        for reading in readings:
            with _stage("actors", article):
                ctx = self._context(reading.sent, mentions, article, memory, story.reference())
            trace = Trace(top_types(reading.probabilities))
            with _stage("type", article):
                choice = self.chooser.choose(reading, trace)
            for type_, token, rejected in choice.rejected:
                dropped.append(Dropped(reading.index, type_, token.text, token.idx, "type",
                                       rejected.steps[-1].rule, rejected.freeze()))
            for draft, draft_trace in choice.drafts:
                outcome = self._decide(article, reading, draft, draft_trace, ctx, story, dateline, focus)
                if isinstance(outcome, Dropped):
                    dropped.append(outcome)
                else:
                    events.append(outcome if explain else replace(outcome, explanation=None))
            with _stage("actors", article):
                self._remember_subject(reading.sent, ctx)
            story.after_sentence(ctx.dates, reading.index, article.date)
        events = build.unique(events)
        if self.rules.on("one_toll_per_figure"):
            events = build.one_toll_per_figure(events)
        return Coded(events, dropped if explain else [])

    def _decide(self, article: Article, reading: SentenceReading, draft: Draft, trace: Trace,
                ctx: SentenceContext, story: StoryDates, dateline: str | None, focus=None) -> Event | Dropped:
        rules, sent, trigger, pub = self.rules, reading.sent, draft.trigger, article.date

        def drop(stage: str, rule: str) -> Dropped:
            return Dropped(reading.index, draft.type, trigger.text, trigger.idx, stage, rule, trace.freeze())

        with _stage("arguments", article):
            args = arguments(trigger, rules, draft.type, draft.match.trigger.particle if draft.match else None)
        with _stage("actors", article):
            parties = self.parties.find(draft, args, ctx, trace)
        with _stage("vetoes", article):
            kept = self.vetoes.check(draft, parties, sent.text, ctx.countries, trace, attack_story=story.attacks > 0)
        if isinstance(kept, str):
            return drop("vetoes", kept)
        sources, targets = kept.sources, kept.targets
        with _stage("attributes", article):
            status, why = status_and_reason(trigger, when=None, pub=pub, own_type=draft.type)
            when, where = clause_date(trigger, ctx.dates, pub, future=status == "future")
            if status == "current":
                status, why = status_and_reason(trigger, when=when, pub=pub, own_type=draft.type)
        with _stage("conventions", article):
            recoded = self.vetoes.recode(draft, status, governing_chain(trigger), trace)
        type_, cameo, mode, status = recoded.type, recoded.cameo, recoded.mode, recoded.status
        with _stage("attributes", article):
            if when is None and status == "current":
                # "During that visit, ...": the date of the event the sentence refers back to;
                # otherwise the lede's date, the day the story reports on.
                when, where = story.fallback(sent, anaphora=rules.on("date_from_earlier_sentence"),
                                             lede=rules.on("date_from_lede"))
            trace.add("attributes", "date", f"{when.value} ({when.precision}) from {where}" if when else "no date")
            if when is not None and pub is not None and status in ("current", "historical"):
                if when.value > pub.isoformat()[: len(when.value)]:
                    status, why = "future", f"date {when.value} after publication"
            trace.add("attributes", "status", f"{status}: {why}")
            place, place_why = event_place(trigger, sent, gazetteer=self.gazetteer, context=ctx.countries,
                                           dateline=dateline if reading.index == 0 else None, type_=type_,
                                           focus=focus)
            if place is None and rules.on("place_from_story") and where in ("date_from_lede", "date_from_earlier_sentence"):
                # an event dated by the story's lede (or the sentence it refers back to) happened
                # where that lede's (or sentence's) event happened: "The meeting took place behind
                # closed doors", "During that visit, the two countries signed ..."
                place = story.lede_place if where == "date_from_lede" else story.previous_place
                if place is not None:
                    place = replace(place, start=None, end=None)
                    place_why = f"place_from_story: the {'lede' if where == 'date_from_lede' else 'earlier sentence'}"
            trace.add("attributes", "place", f"{place.name}, {place.country} from {place_why}" if place else place_why)
            if place is not None and place.start is not None:
                story.seen_place(place, reading.index)
            if (type_ in rules.words("types.attacks") and not targets and place is not None and place.country
                    and len(place.country) == 3 and place.country not in {a.country for a in sources}
                    and place.start is not None and rules.on("attack_place_is_target")):
                # "Israeli airstrikes killed 12 people in Gaza": with no party named, an attack is
                # aimed at the country where it struck
                targets = [Actor(place.text, self.knowledge.country_name(place.country) or place.country,
                                 place.country, None, None, place.start, place.end)]
                trace.add("attributes", "attack_place_is_target", f"{place.text!r} -> {place.country}")
            text = article.text[sent.start_char:sent.end_char].rstrip()
            violent = type_ in rules.words("types.violent")
            killed = fatalities(text) if violent else None
            hurt = injured(text) if violent else None
        if (rules.on("events_need_a_country") and story.sentences >= 4 and type_ not in rules.words("types.actorless")
                and not any(a.country for a in (*sources, *targets)) and not (place is not None and place.country)):
            # PLOVER, Country names: in an article (whose other sentences give its actors their
            # countries), an event between actors none of which is placed in a country or an
            # international body, that happened nowhere named, is not coded; attacks, protests and
            # arrests by unidentified or local actors are (they are coded by where they happen)
            trace.add("vetoes", "events_need_a_country", "no actor has a country and no place is named")
            return drop("vetoes", "events_need_a_country")
        if type_ == "ASSAULT" and (sources or rules.pattern("patterns.weapons_of_war").search(sent.text)):
            story.attacks += 1  # the article reports attacks: later explosions and blasts are attacks too
        mapping = self.codebook.mapping(cameo)
        return Event(
            id=build.event_id(article.id, sent, trigger, type_, cameo),
            article_id=article.id,
            type=type_,
            mode=mode,
            cameo=cameo,
            cameo_name=self.codebook.names.get(cameo),
            quad_class=self.codebook.quad_class(cameo),
            goldstein=self.codebook.goldstein_of(cameo),
            plover_score=self.codebook.plover_score(type_, mode),
            status=status,
            source=tuple(sources),
            target=tuple(targets),
            date=when,
            location=place,
            fatalities=killed,
            injured=hurt,
            evidence=build.evidence(article.text, sent, reading.index, trigger),
            confidence=build.confidence(draft.score, sources, targets, draft.match),
            context=tuple(mapping.context) if mapping else (),
            coder_version=self.version,
            explanation=trace.freeze(),
        )

    def _context(self, sent, mentions, article: Article, memory: ArticleMemory, reference=None) -> SentenceContext:
        """The sentence's known names and the countries they name. Leaders in office and
        organisations named here enter the memory, whatever role they play in the sentence:
        'the president', 'he' and 'the court' later on refer to them."""
        inside = [m for m in mentions if sent.start <= m.start < sent.end]
        countries: set[str] = set()
        for m in inside:
            for entry in m.entries:
                if entry.kind in ("country", "capital", "adjective") and entry.country:
                    countries.add(entry.country)
                if entry.kind == "leader" and entry.in_office(article.date):
                    memory.remember(Actor(m.text, entry.name, entry.country, entry.sector, entry.wikidata),
                                    title=(entry.title or "").lower() or None, person=True)
            org = next((e for e in m.entries if e.kind == "org"), None)
            if org is not None and org.country and org.detail != "national_body" and \
                    not any(e.kind == "leader" for e in m.entries):
                memory.name_body(Actor(m.text, org.name, org.country, org.sector, org.wikidata))
        return SentenceContext(sent, inside, countries, article.date, memory,
                               sentence_dates(sent, article.date, reference))

    def _remember_subject(self, sent, ctx: SentenceContext) -> None:
        """Keep the sentence's subject in memory so that a later 'it' or 'the president' resolves."""
        subject = next((c for c in predicate(sent).children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in words("pronouns.person") | words("pronouns.group"):
            return
        for found in self.resolver.resolve_phrase(subject, mentions=ctx.mentions, when=ctx.pub, memory=ctx.memory,
                                                  context=ctx.countries):
            ctx.memory.commit(found)
            actor = found.actor
            person = bool(actor.wikidata) or (actor.name is not None
                                              and actor.name != self.knowledge.country_name(actor.country))
            ctx.memory.remember_subject(actor, person=person)
