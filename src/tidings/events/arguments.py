"""Stage "arguments": who did it and to whom, as phrases read off the parse.

Handles active and passive voice ("was attacked by"), conjoined verbs sharing a subject
("cut off trade ... and joined a case"), relative and participial clauses ("Hamas, which
attacked", "a case launched by South Africa"), object control ("urged Israel to"), nominal
triggers ("Russia's invasion of Ukraine", "talks between A and B", "the blockade of Qatar by
Saudi Arabia") and light verbs with an event noun ("held talks with", "imposed sanctions on").
Reported speech needs no special case: the speaker's verb is never the trigger's own subject.

Each head token found is labelled with the reading that found it ("subject", "passive agent",
"object control", ...), which ``--explain`` reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tidings.events.rulebook import RuleBook
from tidings.nlp.grammar import words

STAGE = "arguments"
_SUBJ = ("nsubj", "csubj")


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple  # head tokens
    targets: tuple
    reciprocal: bool = False
    readings: dict = field(default_factory=dict)  # token index -> the reading that found it

    def reading(self, token) -> str:
        return self.readings.get(token.i, "")


class _Found:
    """Heads found for one side, in order, each with the reading that found it."""

    def __init__(self) -> None:
        self.heads: list = []
        self.readings: dict[int, str] = {}

    def add(self, tokens, reading: str) -> None:
        for token in tokens:
            self.heads.append(token)
            self.readings.setdefault(token.i, reading)

    def __bool__(self) -> bool:
        return bool(self.heads)


def _pobjs(prep) -> list:
    """The objects of a preposition. A free relative clause ("to what Erdoğan called a death
    machine") is none: the actors inside it are not what it refers to."""
    return [c for c in prep.children if c.dep_ == "pobj" or c.dep_ == "pcomp" and not _free_relative(c)]


def _free_relative(clause) -> bool:
    return clause.pos_ in ("VERB", "AUX") and any(c.lower_ in ("what", "whatever") for c in clause.children)


def subject_of(verb, rules: RuleBook, depth: int = 0):
    """The subject of a verb, and the reading that found it."""
    if depth > 4:
        return None, ""
    for child in verb.children:
        if child.dep_ in _SUBJ and child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head, "relative clause antecedent"  # "Erdoğan, who defends ..."
        if child.dep_ in _SUBJ:
            # "Russia said it had expelled ...": the pronoun is the speaker
            if (child.lower_ in words("pronouns.subject") and verb.dep_ == "ccomp"
                    and verb.head.lemma_.lower() in words("verbs.reporting") and rules.on("reporting_pronoun_is_speaker")):
                speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lower_ not in words("pronouns.subject"):
                    return speaker, "reporting_pronoun_is_speaker"
            return child, "subject"
    for child in verb.children:
        if child.dep_ == "agent":
            objs = _pobjs(child)
            if objs:
                return objs[0], "passive agent"
    head = verb.head
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head, "relative clause antecedent"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, rules, depth + 1)  # "responded by recalling"
    if verb.dep_ == "xcomp" and head.lemma_.lower() in words("verbs.object_control") and rules.on("object_control"):
        for child in head.children:
            if child.dep_ == "dobj":
                return child, "object_control"
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, rules, depth + 1)  # "Russia is willing to withdraw"
    if verb.dep_ in ("conj", "xcomp", "advcl") and head != verb and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":  # "officials are expected to meet": raising from a passive
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and not any(c.dep_ in _SUBJ for c in head.children):
                return raised, "raised subject"
        found, reading = subject_of(head, rules, depth + 1)
        return found, (f"shared subject ({reading})" if found is not None and verb.dep_ == "conj" else reading)
    return None, ""


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _prep_objects(token, preps) -> list:
    found = []
    for name in preps:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == name:
                # "at the summit", "at the Presidential Complex": a place, not a recipient
                found.extend(o for o in _pobjs(child) if not (name == "at" and o.ent_type_ in ("FAC", "LOC", "EVENT")))
    return found


# The order in which prepositions are tried matters: earlier ones list their objects first.
_TARGET_ORDER = ("with", "against", "on", "to", "toward", "towards", "at", "into", "from", "over", "upon", "for", "of")
_NOUN_TARGET_ORDER = ("of", "against", "on", "with", "into", "toward", "towards", "to", "at", "upon", "for", "from",
                      "over", "in")
_OBJECT_ORDER = ("with", "against", "on", "to", "toward", "towards", "from", "for", "into", "over", "of")


def _ordered(name: str, order: tuple[str, ...]) -> tuple[str, ...]:
    """The prepositions of word class ``name`` in the order they are tried."""
    allowed = words(name)
    return tuple(p for p in order if p in allowed) + tuple(sorted(allowed - set(order)))


def verb_arguments(verb, rules: RuleBook, *, event_noun=None, depth: int = 0, particle: str | None = None
                   ) -> Arguments:
    """Source and target phrases of a verb; ``particle`` is the preposition that is part of the
    trigger ("stand by", "side with", "crack down on"): a verb without a direct object takes the
    preposition's object as its own ("accused Benin of hosting ..." keeps Benin)."""
    sources, targets = _Found(), _Found()
    if particle and rules.on("prepositional_verb_object") and not _passive(verb) \
            and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        targets.add([o for o in _prep_objects(verb, (particle,)) if o.dep_ == "pobj"],
                    f"object of '{verb.lemma_} {particle}'")
    if _passive(verb):
        targets.add([c for c in verb.children if c.dep_ == "nsubjpass"], "passive subject")
        for child in verb.children:
            if child.dep_ == "agent":
                sources.add(_pobjs(child), "passive agent")
        if not targets and verb.dep_ == "acl":
            targets.add([verb.head], "noun modified by the participle")  # "a case launched by South Africa"
    else:
        subject, reading = subject_of(verb, rules)
        if subject is not None:
            sources.add([subject], reading)
        if verb.dep_ == "acl" and not sources:
            sources.add([verb.head], "noun modified by the participle")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    nominal = event_noun is not None
    for obj in objects:
        if nominal and obj == event_noun:
            targets.add(_prep_objects(obj, _ordered("prepositions.noun_recipient", _NOUN_TARGET_ORDER)),
                        f"complement of {obj.text!r}")
        elif not _passive(verb):
            targets.add([obj], "direct object")
            # "cut off trade with Israel", "filed a lawsuit against Thom", "support for Serraj":
            # the recipient hangs off the object
            targets.add(_prep_objects(obj, _ordered("prepositions.object_recipient", _OBJECT_ORDER)),
                        f"complement of the object {obj.text!r}")
    for prep in _ordered("prepositions.recipient", _TARGET_ORDER):
        targets.add(_prep_objects(verb, (prep,)), f"'{prep}' phrase")
    targets.add([o for o in _prep_objects(verb, ("in", "inside", "across")) if o.ent_type_ == "GPE"],
                "place where the act happened")
    if rules.on("complement_recipient"):
        # "agreed to lift a ban on imports of Egyptian products", "refused to meet a U.S. envoy",
        # "threatened to shell British forces": the recipient is the complement's.
        complements = [c for c in verb.children if c.dep_ == "xcomp"]
        # "is willing to provide expertise to the UN": the complement of the adjective
        complements += [g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"]
        for child in complements:
            if child.pos_ in ("VERB", "AUX") and depth < 3:
                inner = verb_arguments(child, rules, depth=depth + 1)
                targets.add(inner.targets, "complement_recipient")
    if verb.lemma_.lower() in words("verbs.directive") and rules.on("directive_complement"):
        for child in verb.children:
            if child.dep_ == "ccomp":
                # "demanded that Yediyurappa step down": the one asked to act
                targets.add([c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")], "directive_complement")
    return _result(sources, targets)


def _result(sources: _Found, targets: _Found, reciprocal: bool = False) -> Arguments:
    readings = {**targets.readings, **sources.readings}
    return Arguments(tuple(dict.fromkeys(sources.heads)), tuple(dict.fromkeys(targets.heads)), reciprocal, readings)


def noun_arguments(noun, rules: RuleBook) -> Arguments:
    sources, targets = _Found(), _Found()
    for child in noun.children:
        if child.dep_ == "poss":
            verb = noun.head if noun.dep_ in ("dobj", "attr") else noun.head.head if noun.dep_ == "pobj" else None
            if child.pos_ == "PRON" and verb is not None and verb.pos_ in ("VERB", "AUX"):
                # "Egypt reaffirmed its support": its = Egypt; "crimes committed by the
                # administration with their support": their = the administration
                subject, reading = subject_of(verb, rules)
                if subject is not None:
                    sources.add([subject], f"possessive pronoun = {reading} of {verb.text!r}")
                    continue
            sources.add([child], "possessor of the event noun")
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in words("labels.actor"):
            sources.add([child], "modifier of the event noun")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            sources.add(_pobjs(child), "'by' phrase of the event noun")
        elif child.dep_ == "acl":
            for grand in child.children:
                if grand.dep_ == "agent":
                    sources.add(_pobjs(grand), "agent of the noun's participle")
    # "a mediation effort between A and B", "a new round of joint exercises": the event noun
    # modifies or is counted by a head noun that carries the phrase's place in the clause
    carrier = noun
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        carrier = noun.head
    elif (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"
          and noun.head.head.dep_ == "dobj" and noun.head.head.head.lemma_.lower() in words("verbs.light")):
        carrier = noun.head.head
    if rules.on("joint_parties"):
        joint = _ordered("prepositions.joint", ("between", "among"))
        between = _prep_objects(noun, joint) or (_prep_objects(carrier, joint) if carrier is not noun else [])
        if between and noun.lemma_.lower() in rules.words("nouns.third_party"):
            targets.add(between, "joint_parties (mediated)")  # "a mediation effort between A and B"
        elif between:
            both = _Found()
            both.add(between, "joint_parties")
            return _result(both, _Found(), reciprocal=True)
    targets.add(_prep_objects(noun, _ordered("prepositions.noun_recipient", _NOUN_TARGET_ORDER)),
                "complement of the event noun")
    anchor = carrier
    while anchor.dep_ == "conj" and anchor.head != anchor:  # "its rejection and condemnation of"
        anchor = anchor.head
    head = anchor.head
    if not rules.on("light_verb_arguments"):
        return _result(sources, targets)
    if anchor.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        outer = verb_arguments(head, rules, event_noun=noun)
        if not sources or all(c.pos_ == "PRON" for c in sources.heads):
            if outer.sources:
                sources = _Found()
                sources.add(outer.sources, f"light_verb_arguments: {head.text!r}")
        if not targets:
            targets.add([t for t in outer.targets if t != noun and t != anchor], f"light_verb_arguments: {head.text!r}")
    elif anchor.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and not sources:
        outer = verb_arguments(head.head, rules)
        sources.add(outer.sources, f"light_verb_arguments: {head.head.text!r}")
    elif anchor.dep_ in ("nsubj", "nsubjpass") and not targets:
        targets.add(_prep_objects(head, ("with", "against", "on", "in")), f"light_verb_arguments: {head.text!r}")
    return _result(sources, targets)


def passive_place(verb):
    """'was arrested in Niger': the country where a passive act without agent happened."""
    if not _passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in _pobjs(child):
                if obj.ent_type_ == "GPE":
                    return obj
    return None


def arguments(trigger, rules: RuleBook, type_: str = "", particle: str | None = None) -> Arguments:
    if trigger.pos_ in ("NOUN", "PROPN"):
        return noun_arguments(trigger, rules)
    return verb_arguments(trigger, rules, particle=particle)
