"""Stage "vetoes" and "conventions": codebook rules that drop a draft event or recode it.

Vetoes (each a named rule in ``events/rules/rules.toml``) drop drafts that are no political
event between actors: questions, no actor the knowledge or parser can place, ordinary crime,
accidents and disaster response at home, events with neither source nor target. Conventions
recode: announced or promised acts are AGREE; a refusal to yield is REJECT.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.config import CoderSettings
from tidings.events.choice import Draft
from tidings.events.codebook import Codebook
from tidings.events.explain import Trace
from tidings.events.participants import Parties, agentive
from tidings.events.rulebook import RuleBook
from tidings.nlp.grammar import words
from tidings.types import NON_STATE_CODES

VETOES = "vetoes"
CONVENTIONS = "conventions"


@dataclass(frozen=True, slots=True)
class Recoded:
    type: str
    cameo: str
    mode: str | None
    status: str


class Vetoes:
    def __init__(self, *, rules: RuleBook, settings: CoderSettings, codebook: Codebook) -> None:
        self.rules = rules
        self.settings = settings
        self.codebook = codebook

    def check(self, draft: Draft, parties: Parties, text: str, countries: set[str], trace: Trace,
              attack_story: bool = False) -> Parties | str:
        """The parties the event keeps, or the name of the rule that drops it."""
        rules, type_ = self.rules, draft.type
        sources, targets = parties.sources, parties.targets
        weapons = rules.pattern("patterns.weapons_of_war")
        if rules.on("questions_assert_nothing") and text.rstrip(" \"'\u201d\u2019)").endswith("?"):
            trace.add(VETOES, "questions_assert_nothing", "the sentence is a question")
            return "questions_assert_nothing"  # "Who is fighting whom?", "Will Russia hit back?"
        if sources and not any(agentive(a) for a in sources) and rules.on("no_political_source"):
            story = attack_story and rules.on("attack_story_context")
            if type_ == "ASSAULT" and (story or any(weapons.search(a.text) for a in sources)):
                trace.add(VETOES, "no_political_source", "weapons of war: unidentified attackers, no source")
                sources = []  # "a grenade exploded": unidentified attackers
            elif type_ == "PROTEST":
                trace.add(VETOES, "no_political_source", "the crowd protesting is the actor, no source code")
                sources = []  # "hundreds of women marched": the protesters
            else:
                trace.add(VETOES, "no_political_source", f"{', '.join(repr(a.text) for a in sources)} is no actor")
                return "no_political_source"  # "an earthquake killed eight people"
        if rules.on("ordinary_news"):
            why = self._ordinary(type_, sources, targets, text, countries,
                                 attack_story=attack_story and rules.on("attack_story_context"))
            if why:
                trace.add(VETOES, "ordinary_news", why)
                return "ordinary_news"
        if (not sources and draft.score < self.settings.sourceless_min_score and rules.on("sourceless_needs_confidence")
                and not (type_ in ("ASSAULT", "COERCE") and weapons.search(text))):
            # "six people were killed when a plant exploded": nobody named did it. A bomb, a
            # mortar round or gunmen are still an attack by unidentified armed forces.
            trace.add(VETOES, "sourceless_needs_confidence", f"score {draft.score:.2f} < {self.settings.sourceless_min_score}")
            return "sourceless_needs_confidence"
        if (not sources and type_ not in rules.words("types.actorless") and not any(agentive(a) for a in targets)
                and rules.on("actorless_types")):
            trace.add(VETOES, "actorless_types", f"{type_} with neither source nor target actor")
            return "actorless_types"
        if (draft.cameo in rules.words("codes.sharing") and len(sources) < 2 and not any(agentive(a) for a in targets)
                and rules.on("sharing_needs_recipient")):
            trace.add(VETOES, "sharing_needs_recipient", "")
            return "sharing_needs_recipient"  # "police will provide further information"
        return Parties(sources, targets)

    def _ordinary(self, type_: str, sources, targets, text: str, context: set[str], attack_story: bool = False) -> str:
        """Why the event is ordinary news and no political event ('' if it is not): police
        seizing counterfeit cosmetics, a court sentencing a burglar, soldiers digging out cars
        after a snowstorm at home. A political party on either side keeps the event."""
        rules = self.rules
        political = rules.words("sectors.political")
        enforcement = rules.words("sectors.enforcement")
        parties = sources + targets
        if (type_ == "ASSAULT" and not attack_story and not any(a.sector in political for a in sources)
                and rules.pattern("patterns.accident").search(text)
                and not rules.pattern("patterns.weapons_of_war").search(text)):
            return "an accident, no weapons of war"  # "the explosion occurred at a chemical plant"
        if type_ in ("COERCE", "ACCUSE", "AID") and rules.pattern("patterns.ordinary_crime").search(text):
            # police and courts acting are the state; who they act against makes it political
            if not (any(a.sector in political - enforcement for a in targets)
                    or any(a.sector in political - enforcement - {"GOV"} for a in sources)):
                return "ordinary crime, no political party acted on"
            return ""
        if type_ in ("AID", "MOBILIZE", "COERCE", "COOPERATE") and rules.pattern("patterns.disaster").search(text):
            # a state's own army, police and government answering a disaster at home are not a
            # political event; another country (named anywhere in the sentence), an international
            # body or a party to a conflict is
            countries = {a.country for a in parties if a.country} | set(context)
            contested = any(a.sector in political - rules.words("sectors.home_response") or a.country in NON_STATE_CODES
                            for a in parties)
            if len(countries) <= 1 and not contested:
                return "disaster response at home"
        return ""

    def recode(self, draft: Draft, status: str, chain, trace: Trace) -> Recoded:
        """Conversions the codebook asks for, given the event's status and governing verbs."""
        rules = self.rules
        type_, cameo, mode = draft.type, draft.cameo, draft.mode
        as_agree = rules.table("intent_as_agree")
        # "agreed to resign", "is willing to withdraw", "offered to send troops" (not "crimes
        # committed by"): the intent word must take the event as its complement.
        intent = any(t.dep_ == "xcomp" and t.head.lemma_.lower() in words("verbs.intent") for t in chain)
        if type_ in as_agree and (status == "future" or intent) and status != "negated" and rules.on("intent_as_agree"):
            # PLOVER manual, AGREE: a promise, an offer, a stated willingness, or an announced
            # meeting, visit, signing, aid or withdrawal is an intent to act.
            trace.add(CONVENTIONS, "intent_as_agree", f"{type_} {'announced' if status == 'future' else 'intended'}"
                                                      f" -> AGREE {as_agree[type_]}")
            type_, cameo = "AGREE", as_agree[type_]
            mapping = self.codebook.mapping(cameo)
            mode = mapping.mode if mapping else None
        elif status == "negated" and type_ in ("RETREAT", "CONCEDE") and rules.on("refusal_to_yield") and any(
                c.lower_ in words("auxiliaries.future") | {"would"} for t in chain for c in t.children if c.dep_ == "aux"):
            # "will not lift the embargo", "will not end the strike": a refusal to yield (CAMEO 124)
            trace.add(CONVENTIONS, "refusal_to_yield", f"{type_} refused -> REJECT 124")
            type_, cameo, status = "REJECT", "124", "current"
            mapping = self.codebook.mapping(cameo)
            mode = mapping.mode if mapping else None
        return Recoded(type_, cameo, mode, status)
