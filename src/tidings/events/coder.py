"""The event coder: from a parsed article to events.

For each sentence the classifier gives a probability for every PLOVER type and the lexicon
gives the triggers found on the parse; a type is chosen from both, its trigger located, its
arguments read off the parse and resolved to actors, and its date, place, casualty figures
and status attached. Further events in the same sentence ("cut off trade with Israel and
joined a case against it") need their own specific trigger.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from tidings.actors.knowledge import Knowledge
from tidings.actors.resolver import ActorResolver, ArticleMemory, Mention, element_tokens, find_mentions
from tidings.attributes.numbers import fatalities, injured
from tidings.attributes.place import Gazetteer
from tidings.attributes.time import resolve_date
from tidings.events.arguments import arguments, passive_place
from tidings.events.classifier import EventClassifier
from tidings.events.codebook import DEFAULT_CAMEO, Codebook
from tidings.events.features import predicate, sentence_features
from tidings.events.location import crosses_clause, event_location
from tidings.events.triggers import Lexicon, Match
from tidings.events.status import event_status, governing_chain
from tidings.ingest.dateline import DATELINE as _DATELINE
from tidings.types import Actor, Article, Event, Evidence, When

_VIOLENT = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
_FUTURE_AS_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "RETREAT": "0356",
                    "CONCEDE": "035"}
_INTENT = {"agree", "willing", "ready", "prepared", "offer", "promise", "pledge", "vow", "commit", "consent",
           "volunteer", "undertake"}
_GENERIC_CODES = {"020", "030", "040", "050", "060", "070", "080", "087", "100", "110", "112", "120", "130",
                  "140", "150", "160", "170", "180", "190"}
_RECIPIENT_PREPS = {"to", "against", "on", "with", "for", "in", "into", "toward", "towards", "at", "from", "over"}
_ANAPHORA = {"that", "those", "during", "then", "later", "afterwards", "after", "there"}
# Arms and armed groups: with them a violent event is an attack, even without a named actor
# and even where the sentence reads like crime or accident news.
_WEAPONS_OF_WAR = re.compile(r"\b(bomb\w*|suicide|grenades?|mortars?|rockets?|missiles?|shell(?:s|ed|ing)|artillery|"
                             r"air ?strikes?|airstrikes?|drones?|IEDs?|improvised explosive|landmines?|gunm[ae]n|"
                             r"militants?|insurgents?|rebels?|snipers?|ambush\w*|jihadists?|terrorists?|armed men|"
                             r"attackers?)\b", re.I)
_ORDINARY_CRIME = re.compile(
    r"\b(robber\w*|burglar\w*|theft|thie(?:f|ves)|stole|stolen|shoplift\w*|drugs?\b|narcotics?|cocaine|heroin|"
    r"cannabis|marijuana|methamphetamine|counterfeit\w*|fake (?:currency|notes)|smuggl\w*|fraud\w*|scam\w*|"
    r"embezzl\w*|money laundering|brothel|prostitut\w*|gangs?\b|poach\w*|murder(?:ed|s)?\b|homicide|stabb\w*|"
    r"bank robberies|break and enter|hate crime|steroids|contraband|bootleg\w*|illegal (?:liquor|alcohol|mining)|"
    r"(?:human|child|people) traffick\w*|traffickers?\b)",
    re.I)
_DISASTER = re.compile(
    r"\b(floods?|flooding|earthquakes?|quakes?|storms?|cyclones?|hurricanes?|typhoons?|torrential|heavy rains?|"
    r"snow(?:fall|storm)?|wildfires?|blaze|fire fighters|firefighters|landslides?|tsunami|drought|explosion at|"
    r"chemical (?:leak|plant)|gas leak|leak(?:s|ed|ing)?\b|collapse[sd]?|crash(?:ed|es)?|derail\w*|epidemic|outbreak|"
    r"evacuat\w*|fire brigades?|fire (?:service|department)s?|emergency services|paramedics|ambulances?)", re.I)
_ACCIDENT = re.compile(r"\b(explosions?|blasts?|exploded|leak(?:ed|s)?|collisions?|crash(?:ed|es)?|blaze|"
                       r"plant|factory|refinery|warehouse|pipeline|tanker truck|boiler|gas cylinder|short circuit)\b",
                       re.I)
_POLITICAL_SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JRN", "SPY", "PRM", "UAF", "COP", "JUD", "ELI"}
_INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "IMG"}
_STATE_ACTS = {"COERCE", "RETREAT", "CONCEDE", "SANCTION"}
_WRAPPERS = {"demand", "request", "proposal", "decision", "plan", "offer", "call", "accusation", "ban", "mission",
             "report", "initiative", "bid", "move", "measure", "policy", "statement", "declaration", "presence",
             "campaign", "operation", "action", "order", "ruling", "verdict", "law", "resolution", "claim"}
_RECIPROCAL = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE"}
# Sectors of a source's own means (forces, teams, firms, things without a sector); officials,
# opponents, civilians or militants of the source's own country are acted on themselves.
_MOVABLE_SECTORS = {None, "MIL", "COP", "MED", "EDU", "BUS", "HLH", "AGR"}
# Types whose object is often the source's own means, moved or provided: troops, aid, a team.
_MOVING = {"MOBILIZE", "AID", "AGREE", "RETREAT", "CONCEDE", "COOPERATE", "THREATEN", "SUPPORT"}
_DESTINATION_PREPS = {"to", "toward", "towards", "near", "in", "into", "at", "for", "along", "around", "across",
                      "on", "against", "inside", "over", "with"}
# PLOVER codes an event between actors. Without a source, an event must still name the party
# it was done to; only attacks (by unidentified attackers), protests (the crowd is the actor)
# and seizures of arms ("weapons were seized in a raid": the security forces) stand with
# neither, not "a rescue operation was launched" or "one of the men threatened to ...".
_ACTORLESS = {"ASSAULT", "PROTEST", "COERCE"}


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """Decision weights, tuned on the development data (see README, 'Accuracy')."""

    lexicon_weight: float = 0.2
    min_score: float = 0.30
    none_margin: float = 0.0
    secondary_min_probability: float = 0.3
    secondary_own_clause_probability: float = 0.2
    secondary_specific_probability: float = 0.1  # own clause, and a specific pattern ("cut off trade")
    secondary_nominal_probability: float = 0.02
    none_veto: float = 0.6
    sourceless_min_score: float = 0.6
    min_tokens: int = 4


@dataclass
class _SentenceState:
    mentions: list[Mention]
    context: set[str]
    dates: list[tuple[object, When]] = field(default_factory=list)


class EventCoder:
    def __init__(self, *, knowledge: Knowledge, lexicon: Lexicon, codebook: Codebook,
                 classifier: EventClassifier | None, gazetteer: Gazetteer | None,
                 version: str, settings: CoderSettings = CoderSettings()) -> None:
        self.knowledge = knowledge
        self.lexicon = lexicon
        self.codebook = codebook
        self.classifier = classifier
        self.gazetteer = gazetteer
        self.resolver = ActorResolver(knowledge)
        self.version = version
        self.settings = settings

    # ------------------------------------------------------------------ per article
    def code(self, article: Article, doc) -> list[Event]:
        doc.user_data["tidings_text"] = article.text  # offsets and evidence come from the article itself
        sents = [s for s in doc.sents if sum(1 for t in s if t.is_alpha) >= self.settings.min_tokens]
        matches = [self.lexicon.matches(s) for s in sents]  # once per sentence: features and choice
        features = [sentence_features(s, self.lexicon, m) for s, m in zip(sents, matches)]
        probabilities = self.classifier.predict(features) if self.classifier else [{} for _ in sents]
        memory = ArticleMemory()
        mentions = find_mentions(doc, self.knowledge, 0, len(doc))
        dateline = self._dateline(article.text)
        lede_date: When | None = None
        previous_date: When | None = None
        events: list[Event] = []
        sentence_index = {s.start: i for i, s in enumerate(doc.sents)}
        for sent, probs, sent_matches in zip(sents, probabilities, matches):
            state = self._sentence_state(sent, mentions, article.date, memory)
            explicit = [w for _, w in state.dates]
            for draft in self._choose(sent, probs, sent_matches):
                event = self._build(article, sent, sentence_index[sent.start], draft, state, memory,
                                    lede_date=lede_date, previous_date=previous_date, dateline=dateline)
                if event is not None:
                    events.append(event)
            self._remember_subject(sent, state, memory, article.date)
            if explicit:
                previous_date = explicit[0]
                if lede_date is None and sentence_index[sent.start] <= 2 and article.date:
                    if explicit[0].value[:4] >= str(article.date.year - 0):
                        lede_date = explicit[0]
            else:
                previous_date = None
        return _one_toll_per_figure(_unique(events))

    # ------------------------------------------------------------------ choosing events
    def _choose(self, sent, probs: dict[str, float], matches: list[Match]
                ) -> list[tuple[str, Match | None, float]]:
        s = self.settings
        pred = predicate(sent)
        prominence: dict[str, tuple[float, Match]] = {}
        for match in matches:
            weight = 1.0 if _near(match.token, pred) else 0.5
            if match.specific:
                weight += 0.25
            if match.token.pos_ == "VERB":
                weight += 0.1  # "airstrikes killed 12": the verb carries the clause's date, place, toll
            best = prominence.get(match.trigger.type)
            if best is None or weight > best[0]:
                prominence[match.trigger.type] = (weight, match)
        scores: dict[str, float] = {}
        for type_ in set(probs) | set(prominence):
            if type_ == "NONE":
                continue
            scores[type_] = probs.get(type_, 0.0) + s.lexicon_weight * prominence.get(type_, (0.0, None))[0]
        if not scores:
            return []
        primary = max(scores, key=scores.get)
        none = probs.get("NONE", 0.0)
        if "ASSAULT" in prominence and _WEAPONS_OF_WAR.search(sent.text) and none > probs.get(primary, 0.0):
            # "two grenades exploded", "a mortar round hit": weapons of war make an attack even
            # where the sentence reads like crime or accident news
            primary, none = "ASSAULT", 0.0
        if scores[primary] < s.min_score or (primary not in prominence and none > scores[primary] + s.none_margin):
            return []
        if none >= s.none_veto:
            return []
        first = prominence.get(primary, (0, None))[1]
        if first is not None and first.token.lemma_.lower() == "deny":
            # "India denied that its troops had crossed": the denied event, negated, not a REJECT
            inner = [m for m in matches if m.token != first.token and first.token in m.token.ancestors
                     and any(a.dep_ in ("ccomp", "xcomp", "pcomp") for a in m.token.ancestors if first.token in a.ancestors or a.head == first.token)]
            if inner:
                first = inner[0]
                primary = first.trigger.type
                scores.setdefault(primary, probs.get(primary, 0.0))
        if first is not None and first.trigger.cameo in _GENERIC_CODES:
            # "airstrikes killed 12": keep the verb as trigger, take the noun's more specific code
            better = next((m for m in matches if m.trigger.type == primary and m.trigger.cameo not in _GENERIC_CODES
                           and (m.token.head == first.token or first.token.head == m.token)), None)
            if better is not None:
                first = Match(first.token, better.trigger, first.specific or better.specific)
        chosen = [(primary, first, scores[primary])]
        used = {chosen[0][1].token.i if chosen[0][1] else pred.i}
        for match in matches:
            type_ = match.trigger.type
            if type_ == primary or match.token.i in used:
                continue
            if match.token.pos_ != "VERB" and not (match.specific or _has_own_actor(match.token)):
                continue
            own_subject = match.token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in match.token.children)
            own_actor = match.token.pos_ == "NOUN" and _has_own_actor(match.token)
            floor = (min(s.secondary_own_clause_probability, s.secondary_specific_probability)
                     if own_subject and match.specific else
                     s.secondary_own_clause_probability if own_subject else
                     s.secondary_nominal_probability if own_actor else s.secondary_min_probability)
            if probs and probs.get(type_, 0.0) < floor:
                continue
            if match.token.pos_ == "VERB" and not _own_clause(match.token, chosen):
                continue
            chosen.append((type_, match, scores.get(type_, 0.0)))
            used.add(match.token.i)
        return chosen

    # ------------------------------------------------------------------ building one event
    def _build(self, article: Article, sent, sent_no: int, draft, state: _SentenceState,
               memory: ArticleMemory, *, lede_date, previous_date, dateline) -> Event | None:
        type_, match, score = draft
        if match is not None:
            trigger, cameo, mode = match.token, match.trigger.cameo, match.trigger.mode
        else:
            trigger = predicate(sent)  # the classifier's type, on the clause's main verb
            cameo = DEFAULT_CAMEO[type_]
            mapping = self.codebook.mapping(cameo)
            mode = mapping.mode if mapping else None
        mapping = self.codebook.mapping(cameo)
        args = arguments(trigger)
        sources = self._actors(args.sources, state, memory, article.date)
        if not sources and type_ in _STATE_ACTS and trigger.pos_ == "VERB":
            place = passive_place(trigger)  # "was arrested in Rwanda": the state where it happened
            if place is not None:
                sources = [a for a in self._actors([place], state, memory, article.date) if a.country]
        targets = self._actors(args.targets, state, memory, article.date, against=sources)
        if not any(t.country for t in targets) and type_ not in _RECIPROCAL | {"PROTEST"}:
            # "provide ammunition ... to Turkey", "imposed sanctions in relation to Iraq":
            # a named party deeper in the trigger's own clause
            used = {(a.start, a.end) for a in sources}
            deeper = [t for t in trigger.subtree if t.dep_ == "pobj" and t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                      and t.head.lower_ in _RECIPIENT_PREPS and not crosses_clause(t, trigger)
                      and not any(s <= t.idx < e for s, e in used if s is not None)]
            found = [a for a in self._actors(deeper, state, memory, article.date, against=sources) if a.country]
            if found:
                targets = found
        elif type_ in _MOVING and self._moved_own(sources, targets):
            # "massed troops near the Ukrainian border", "sent a team of doctors to ... Turkey":
            # the source's own forces, goods or people moved or provided are the means; the
            # party they go to is the target
            found = self._recipient(trigger, sent, sources, state, memory, article.date, type_)
            if found:
                targets = found
        sources, targets = _dedupe_roles(sources, targets)
        if sources and not any(_agentive(a) for a in sources):
            if type_ == "ASSAULT" and any(_WEAPONS_OF_WAR.search(a.text) for a in sources):
                sources = []  # "a grenade exploded": unidentified attackers
            else:
                return None  # "an earthquake killed eight people": no political actor did it
        if self._ordinary(type_, sources, targets, sent.text, state.context):
            return None
        if not sources and score < self.settings.sourceless_min_score and not (
                type_ in ("ASSAULT", "COERCE") and _WEAPONS_OF_WAR.search(sent.text)):
            # "six people were killed when a plant exploded": nobody named did it. A bomb, a
            # mortar round or gunmen are still an attack by unidentified armed forces.
            return None
        if not sources and type_ not in _ACTORLESS and not any(_agentive(a) for a in targets):
            return None
        if cameo == "064" and len(sources) < 2 and not any(_agentive(a) for a in targets):
            return None  # "police will provide further information": sharing intelligence needs a recipient
        if type_ in _RECIPROCAL and len(sources) > 1 and not any(_agentive(a) for a in targets):
            targets = []  # "A and B discussed relations": all parties are the actor, no recipient
        status = event_status(trigger, when=None, pub=article.date, own_type=type_)
        when = self._date(trigger, state, article.date, future=status == "future")
        if status == "current":
            status = event_status(trigger, when=when, pub=article.date, own_type=type_)
        chain = governing_chain(trigger)
        # "agreed to resign", "is willing to withdraw", "offered to send troops" (not "crimes
        # committed by"): the intent word must take the event as its complement.
        intent = any(t.dep_ == "xcomp" and t.head.lemma_.lower() in _INTENT for t in chain)
        if type_ in _FUTURE_AS_AGREE and (status == "future" or intent) and status != "negated":
            # PLOVER manual, AGREE: a promise, an offer, a stated willingness, or an announced
            # meeting, visit, signing, aid or withdrawal is an intent to act.
            type_, cameo = "AGREE", _FUTURE_AS_AGREE[type_]
            mapping = self.codebook.mapping(cameo)
            mode = mapping.mode if mapping else None
        elif status == "negated" and type_ in ("RETREAT", "CONCEDE") and any(
                c.lower_ in ("will", "would", "wo", "shall") for t in chain for c in t.children if c.dep_ == "aux"):
            # "will not lift the embargo", "will not end the strike": a refusal to yield (CAMEO 124)
            type_, cameo, status = "REJECT", "124", "current"
            mapping = self.codebook.mapping(cameo)
            mode = mapping.mode if mapping else None
        if when is None and status == "current":
            # "During that visit, ...": the date of the event the sentence refers back to;
            # otherwise the lede's date, the day the story reports on.
            anaphoric = any(t.lower_ in _ANAPHORA and t.dep_ in ("det", "prep", "advmod", "mark") for t in sent)
            when = (previous_date if anaphoric else None) or lede_date
            if when is not None:
                when = When(when.value, when.precision, None)
        if when is not None and article.date is not None and status in ("current", "historical"):
            if when.value > article.date.isoformat()[: len(when.value)]:
                status = "future"
        location = event_location(trigger, sent, gazetteer=self.gazetteer, context=state.context,
                                  dateline=dateline if sent_no == 0 else None, type_=type_)
        text = article.text[sent.start_char:sent.end_char].rstrip()
        killed = fatalities(text) if type_ in _VIOLENT else None
        hurt = injured(text) if type_ in _VIOLENT else None
        confidence = self._confidence(score, sources, targets, match)
        evidence = Evidence(sent_no, sent.start_char, sent.start_char + len(text), text,
                            trigger.text, trigger.idx, trigger.idx + len(trigger.text))
        key = f"{article.id}|{sent.start_char}|{trigger.idx}|{type_}|{cameo}"
        return Event(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:20],
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
            location=location,
            fatalities=killed,
            injured=hurt,
            evidence=evidence,
            confidence=confidence,
            context=tuple(mapping.context) if mapping else (),
            coder_version=self.version,
        )

    def _sentence_state(self, sent, mentions, pub, memory) -> _SentenceState:
        inside = [m for m in mentions if sent.start <= m.start < sent.end]
        context: set[str] = set()
        for m in inside:
            for entry in m.entries:
                if entry.kind in ("country", "capital", "adjective") and entry.country:
                    context.add(entry.country)
                if entry.kind == "leader" and entry.in_office(pub):
                    memory.remember(Actor(m.text, entry.name, entry.country, "GOV", entry.wikidata),
                                    title=(entry.title or "").lower() or None, person=True)
        state = _SentenceState(inside, context)
        for ent in sent.ents:
            if ent.label_ == "DATE":
                phrase = ent.text
                before = sent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
                if before in ("since", "in", "on", "by", "until"):
                    phrase = f"{before} {phrase}"
                when = resolve_date(phrase, pub)
                if when is not None:
                    state.dates.append((ent, when))
        return state

    def _remember_subject(self, sent, state, memory, pub) -> None:
        """Keep the sentence's subject in memory so that a later 'it' or 'the president' resolves."""
        subject = next((c for c in predicate(sent).children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in ("it", "they", "he", "she", "its", "their"):
            return
        for actor in self.resolver.resolve_phrase(subject, mentions=state.mentions, when=pub, memory=memory,
                                                  context=state.context):
            person = bool(actor.wikidata) or (actor.name is not None
                                              and actor.name != self.knowledge.country_name(actor.country))
            memory.remember_subject(actor, person=person)

    def _actors(self, heads, state, memory, pub, *, against: list[Actor] | None = None) -> list[Actor]:
        """The best argument phrase resolved to actors: named actors (a known country, leader,
        organisation or a name the parser found) before roles resolved from context, a place of
        the event ("in Afghanistan") before things, other parties before the source's own side;
        a phrase no knowledge covers is still reported as it stands."""
        # "the key demands by protesters", "a ban by the UN": the actor inside an event noun
        expanded = []
        for head in heads:
            expanded.append(head)
            if head.pos_ == "NOUN" and (head.lemma_.lower() in _WRAPPERS or self.lexicon.match(head) is not None):
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
                        expanded.extend(g for g in child.children if g.dep_ == "pobj")
                    elif child.dep_ in ("poss", "compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
                        expanded.append(child)
        own = {a.country for a in against or () if a.country}
        best: tuple[float, int, list[Actor]] | None = None
        for order, head in enumerate(dict.fromkeys(expanded)):
            if head.pos_ in ("PRON", "DET") and head.lower_ in ("which", "that", "who", "this", "what"):
                continue
            if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"):
                continue  # "on Sunday", "by 5 percent": not a recipient
            actors = self.resolver.resolve_phrase(head, mentions=state.mentions, when=pub, memory=memory,
                                                  context=state.context)
            if not actors:
                actors = [self.resolver.text_actor(head)]
            actors = [a for a in actors if a.text]
            if not actors:
                continue
            named = self._named(head, state)
            locative = head.head.dep_ == "prep" and head.head.lower_ in ("in", "inside", "across")
            event_noun = head.pos_ == "NOUN" and (self.lexicon.match(head) is not None or head.lemma_.lower() in _WRAPPERS)
            score = (3.0 if named and not locative else 2.5 if named else 2.0 if any(a.country for a in actors)
                     else 1.0 if any(_agentive(a) for a in actors) else 0.0)
            if event_noun:
                score -= 1.5
            if own and any(a.country and a.country not in own for a in actors):
                score += 0.5
            if best is None or score > best[0]:
                best = (score, order, actors)
        return best[2] if best else []

    @staticmethod
    def _moved_own(sources: list[Actor], targets: list[Actor]) -> bool:
        """Whether every target is the source's own means given as a thing, a force or a team
        (troops, a team of doctors, 'the rebuilding of schools'), not a named actor or people
        who are acted on themselves ("let free activists", "arrested an opposition leader")."""
        own = {a.country for a in sources if a.country}
        if not own or not targets:
            return False
        return all(t.country in own and t.name is None and t.sector in _MOVABLE_SECTORS for t in targets)

    def _recipient(self, trigger, sent, sources, state, memory, pub, type_) -> list[Actor]:
        """A party of another country in a prepositional phrase of the trigger's own clause:
        the country itself, or one qualifying the phrase ('near the Ukrainian border', 'to its
        border with Guyana', 'from the area around Kyiv' for a withdrawal)."""
        own = {a.country for a in sources if a.country}
        preps = _DESTINATION_PREPS | ({"from", "out"} if type_ in ("RETREAT", "CONCEDE") else set())
        used = {(a.start, a.end) for a in sources}
        heads = []
        for pobj in trigger.subtree:
            # "sent police officers to help the Solomon Islands": the object of a nested verb
            helped = pobj.dep_ == "dobj" and pobj.head != trigger and pobj.head.pos_ == "VERB"
            if not (helped or pobj.dep_ == "pobj" and pobj.head.lower_ in preps) or crosses_clause(pobj, trigger):
                continue
            inside = {t.i for t in pobj.subtree}
            named = [ent.root for ent in sent.ents if ent.label_ in ("GPE", "NORP", "ORG")]
            named += [sent.doc[m.end - 1] for m in state.mentions if any(e.country for e in m.entries)]
            heads += [t for t in sorted(named, key=lambda t: t.i) if t.i in inside
                      and not any(s is not None and s <= t.idx < e for s, e in used)]
        for head in dict.fromkeys(heads):
            found = [a for a in self._actors([head], state, memory, pub, against=sources)
                     if a.country and a.country not in own]
            if found:
                return found
        return []

    def _named(self, head, state) -> bool:
        """Whether a phrase names its actor (a known name, or an entity the parser found)."""
        from tidings.actors.resolver import coordinated

        indices = {t.i for element in coordinated(head) for t in element_tokens(element)}
        for m in state.mentions:
            if m.start in indices and any(e.kind != "role" and e.kind != "collective" for e in m.entries):
                return True
        return any(self_tok.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for self_tok in
                   (head.doc[i] for i in indices))

    def _date(self, trigger, state: _SentenceState, pub: dt.date | None, *, future: bool = False) -> When | None:
        best: tuple[int, When] | None = None
        chain = {trigger, *governing_chain(trigger)[1:]}
        for ent, when in state.dates:
            owner = _event_owner(ent.root, self.lexicon)
            if owner is None:
                continue
            if owner in chain:
                distance = 0
            elif owner.pos_ in ("VERB", "AUX") and trigger in owner.subtree and trigger.pos_ != "VERB":
                distance = 1
            elif owner in trigger.ancestors or (owner.dep_ == "conj" and owner.head == trigger) or (
                    trigger.dep_ == "conj" and trigger.head == owner):
                distance = 2  # coordinated verbs and governing clauses share their time adverbials
            else:
                continue
            if future:
                when = resolve_date(when.text, pub, future=True) or when
            if best is None or distance < best[0]:
                best = (distance, when)
        return best[1] if best else None

    @staticmethod
    def _ordinary(type_: str, sources: list[Actor], targets: list[Actor], text: str,
                  context: set[str] = frozenset()) -> bool:
        """Ordinary crime enforcement and disaster response are not political events: police
        seizing counterfeit cosmetics, a court sentencing a burglar, soldiers digging out cars
        after a snowstorm at home. A political party on either side keeps the event."""
        parties = sources + targets
        if type_ == "ASSAULT" and not any(a.sector in _POLITICAL_SECTORS for a in sources) \
                and _ACCIDENT.search(text) and not _WEAPONS_OF_WAR.search(text):
            return True  # "the explosion occurred at a chemical plant"
        if type_ in ("COERCE", "ACCUSE", "AID") and _ORDINARY_CRIME.search(text):
            # police and courts acting are the state; who they act against makes it political
            return not (any(a.sector in _POLITICAL_SECTORS - {"COP", "JUD"} for a in targets)
                        or any(a.sector in _POLITICAL_SECTORS - {"GOV", "COP", "JUD"} for a in sources))
        if type_ in ("AID", "MOBILIZE", "COERCE", "COOPERATE") and _DISASTER.search(text):
            # a state's own army, police and government answering a disaster at home are not a
            # political event; another country (named anywhere in the sentence), an international
            # body or a party to a conflict is
            countries = {a.country for a in parties if a.country} | set(context)
            contested = any(a.sector in _POLITICAL_SECTORS - {"GOV", "MIL", "COP"} or a.country in _INTERNATIONAL
                            for a in parties)
            return len(countries) <= 1 and not contested
        return False

    @staticmethod
    def _confidence(score: float, sources, targets, match) -> float:
        value = 0.45 * min(1.0, score)
        value += 0.2 if any(a.country for a in sources) else 0.05 if sources else 0.0
        value += 0.15 if any(a.country for a in targets) else 0.05 if targets else 0.0
        value += 0.2 if match is not None and match.specific else 0.1 if match is not None else 0.0
        return round(min(1.0, value), 3)

    @staticmethod
    def _dateline(text: str) -> str | None:
        m = _DATELINE.match(text[:120])
        return m.group(1).strip().title() if m else None


def _has_own_actor(noun) -> bool:
    """A nominal event that names its own actor: 'Israeli aggression', 'the Hamas incursion',
    'the blockade ... by Saudi Arabia'."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return True
    return False


def _agentive(actor: Actor) -> bool:
    """An actor the knowledge or the parser recognises (a country, sector or name), as
    opposed to a phrase such as 'a strong earthquake' or 'the tank'."""
    return bool(actor.country or actor.sector or actor.name)


def _near(token, pred) -> bool:
    if token == pred:
        return True
    if token.head == pred and token.dep_ in ("dobj", "conj", "xcomp", "nsubjpass", "attr", "ccomp"):
        return True
    return token.dep_ == "conj" and token.head.head == pred


def _own_clause(token, chosen) -> bool:
    """Whether a verb heads a clause of its own beside the events already chosen: coordinated
    verbs ("cut off trade ... and joined a case") are separate events; a verb and its direct
    complement ("agreed to meet") are one."""
    for _, match, _ in chosen:
        if match is None:
            continue
        other = match.token
        if (other.dep_ == "conj" and other.head == token) or (token.dep_ == "conj" and token.head == other):
            continue
        if token == other.head or other == token.head:
            return False
    return token.dep_ in ("conj", "ROOT", "ccomp", "advcl", "relcl", "acl") or token.head.pos_ != "VERB"


def _event_owner(token, lexicon: Lexicon):
    """The verb or noun a date phrase belongs to: the noun it directly modifies ("the 2017
    blockade"), else the nearest verb above it ("rejected ... in a referendum in July 2015")."""
    head = token.head
    if token.dep_ in ("compound", "nummod", "amod", "npadvmod", "poss") and head.pos_ in ("NOUN", "PROPN"):
        return head
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _dedupe_roles(sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    spans = {(a.start, a.end) for a in sources}
    return sources, [t for t in targets if (t.start, t.end) not in spans]


def _one_toll_per_figure(events: list[Event]) -> list[Event]:
    """A casualty figure belongs to the one event whose trigger is nearest to it in the sentence."""
    import dataclasses

    nearest: dict[tuple[int, str, str], tuple[int, str]] = {}
    for event in events:
        for name in ("fatalities", "injured"):
            count = getattr(event, name)
            if count is None or not count.text:
                continue
            at = event.evidence.text.find(count.text)
            distance = abs(at - (event.evidence.trigger_start - event.evidence.start)) if at >= 0 else 10**6
            key = (event.evidence.start, name, count.text)
            if key not in nearest or distance < nearest[key][0]:
                nearest[key] = (distance, event.id)
    out = []
    for event in events:
        changes = {}
        for name in ("fatalities", "injured"):
            count = getattr(event, name)
            if count is not None and count.text and nearest.get((event.evidence.start, name, count.text), (0, event.id))[1] != event.id:
                changes[name] = None
        out.append(dataclasses.replace(event, **changes) if changes else event)
    return out


def _unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out
