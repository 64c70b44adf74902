"""Who did it and to whom: the source and target phrases of a trigger, read off the parse.

Handles active and passive voice ("was attacked by"), conjoined verbs sharing a subject
("cut off trade ... and joined a case"), relative and participial clauses ("Hamas, which
attacked", "a case launched by South Africa"), object control ("urged Israel to"), nominal
triggers ("Russia's invasion of Ukraine", "talks between A and B", "the blockade of Qatar by
Saudi Arabia") and light verbs with an event noun ("held talks with", "imposed sanctions on").
Reported speech needs no special case: the speaker's verb is never the trigger's own subject.
"""

from __future__ import annotations

from dataclasses import dataclass

_SUBJ = ("nsubj", "csubj")
_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "at", "into", "from", "over", "upon",
                 "for", "of")
_NOUN_TARGET_PREPS = ("of", "against", "on", "with", "into", "toward", "towards", "to", "at", "upon", "for",
                      "from", "over", "in")
_LIGHT_VERBS = {"hold", "launch", "conduct", "carry", "impose", "sign", "stage", "reach", "make", "issue",
                "file", "take", "wage", "level", "lodge", "mount", "begin", "start", "announce", "order",
                "give", "provide", "send", "offer", "deliver", "extend", "call", "join", "deploy", "declare",
                "hold", "have", "resume", "continue", "pursue", "seek", "bring", "open", "use", "fire", "put",
                "enter", "organize", "organise", "receive", "accept", "approve", "agree", "strike", "finalize",
                "conclude", "unveil", "adopt", "pass", "slap", "pledge", "vow", "do", "reject", "suspend"}
_OBJECT_CONTROL = {"urge", "ask", "call", "force", "press", "pressure", "order", "tell", "invite", "request",
                   "encourage", "persuade", "push", "allow", "help", "warn", "compel", "advise"}


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple  # head tokens
    targets: tuple
    reciprocal: bool = False


def _pobjs(prep) -> list:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


_PRONOUNS = {"it", "they", "he", "she", "we"}
_REPORTING = {"say", "tell", "state", "add", "announce", "claim", "confirm", "report", "insist", "note", "write"}


def subject_of(verb, depth: int = 0):
    if depth > 4:
        return None
    for child in verb.children:
        if child.dep_ in _SUBJ and child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head  # "Erdoğan, who defends ...": the antecedent
        if child.dep_ in _SUBJ:
            # "Russia said it had expelled ...": the pronoun is the speaker
            if child.lower_ in _PRONOUNS and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING:
                speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lower_ not in _PRONOUNS:
                    return speaker
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = _pobjs(child)
            if objs:
                return objs[0]
    head = verb.head
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)  # "responded by recalling"
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
        for child in head.children:
            if child.dep_ == "dobj":
                return child
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)  # "Russia is willing to withdraw"
    if verb.dep_ in ("conj", "xcomp", "advcl") and head != verb and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":  # "officials are expected to meet": raising from a passive
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and not any(c.dep_ in _SUBJ for c in head.children):
                return raised
        return subject_of(head, depth + 1)
    return None


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


_THIRD_PARTY = {"mediation", "arbitration", "facilitation", "shuttle"}
_DEMAND_VERBS = {"demand", "ask", "urge", "insist", "request", "call", "warn", "threaten", "propose", "suggest",
                 "recommend", "order", "accuse", "allege", "claim", "charge", "allow", "permit", "let", "help",
                 "invite", "encourage", "force", "enable", "welcome"}
_OBJECT_PREPS = ("with", "against", "on", "to", "toward", "towards", "from", "for", "into", "over", "of")


def verb_arguments(verb, *, event_noun=None, depth: int = 0) -> Arguments:
    sources: list = []
    targets: list = []
    if _passive(verb):
        targets += [c for c in verb.children if c.dep_ == "nsubjpass"]
        for child in verb.children:
            if child.dep_ == "agent":
                sources += _pobjs(child)
        if not targets and verb.dep_ == "acl":
            targets.append(verb.head)  # "a case launched by South Africa": the noun is the patient
    else:
        subject = subject_of(verb)
        if subject is not None:
            sources.append(subject)
        if verb.dep_ == "acl" and not sources:
            sources.append(verb.head)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    nominal = event_noun is not None
    for obj in objects:
        if nominal and obj == event_noun:
            targets += _prep_objects(obj, _NOUN_TARGET_PREPS)
        elif not _passive(verb):
            targets.append(obj)
            # "cut off trade with Israel", "filed a lawsuit against Thom", "support for Serraj":
            # the recipient hangs off the object
            targets += _prep_objects(obj, _OBJECT_PREPS)
    targets += _prep_objects(verb, _TARGET_PREPS)
    targets += [o for o in _prep_objects(verb, ("in", "inside", "across")) if o.ent_type_ == "GPE"]
    # "agreed to lift a ban on imports of Egyptian products", "refused to meet a U.S. envoy",
    # "threatened to shell British forces": the recipient is the complement's.
    complements = [c for c in verb.children if c.dep_ == "xcomp"]
    # "is willing to provide expertise to the UN": the complement of the adjective
    complements += [g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"]
    for child in complements:
        if child.pos_ in ("VERB", "AUX") and depth < 3:
            targets += list(verb_arguments(child, depth=depth + 1).targets)
    for child in verb.children:
        if child.dep_ == "xcomp":
            continue
        elif child.dep_ == "ccomp" and verb.lemma_.lower() in _DEMAND_VERBS:
            # "demanded that Yediyurappa step down": the one asked to act
            targets += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    return Arguments(tuple(sources), tuple(dict.fromkeys(targets)))


def noun_arguments(noun) -> Arguments:
    sources: list = []
    targets: list = []
    for child in noun.children:
        if child.dep_ == "poss":
            verb = noun.head if noun.dep_ in ("dobj", "attr") else noun.head.head if noun.dep_ == "pobj" else None
            if child.pos_ == "PRON" and verb is not None and verb.pos_ in ("VERB", "AUX"):
                # "Egypt reaffirmed its support": its = Egypt; "crimes committed by the
                # administration with their support": their = the administration
                subject = subject_of(verb)
                if subject is not None:
                    sources.append(subject)
                    continue
            sources.append(child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            sources.append(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            sources += _pobjs(child)
        elif child.dep_ == "acl":
            for grand in child.children:
                if grand.dep_ == "agent":
                    sources += _pobjs(grand)
    # "a mediation effort between A and B", "a new round of joint exercises": the event noun
    # modifies or is counted by a head noun that carries the phrase's place in the clause
    carrier = noun
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        carrier = noun.head
    elif (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"
          and noun.head.head.dep_ == "dobj" and noun.head.head.head.lemma_.lower() in _LIGHT_VERBS):
        carrier = noun.head.head
    between = _prep_objects(noun, ("between", "among")) or (
        _prep_objects(carrier, ("between", "among")) if carrier is not noun else [])
    if between and noun.lemma_.lower() in _THIRD_PARTY:
        targets += between  # "a mediation effort between A and B": A and B are mediated, not mediating
    elif between:
        return Arguments(tuple(between), (), reciprocal=True)
    targets += _prep_objects(noun, _NOUN_TARGET_PREPS)
    anchor = carrier
    while anchor.dep_ == "conj" and anchor.head != anchor:  # "its rejection and condemnation of"
        anchor = anchor.head
    head = anchor.head
    if anchor.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        outer = verb_arguments(head, event_noun=noun)
        if not sources or all(c.pos_ == "PRON" for c in sources):
            sources = list(outer.sources) or sources
        if not targets:
            targets = [t for t in outer.targets if t != noun and t != anchor]
    elif anchor.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and not sources:
        outer = verb_arguments(head.head)
        sources = list(outer.sources)
    elif anchor.dep_ in ("nsubj", "nsubjpass") and not targets:
        targets += _prep_objects(head, ("with", "against", "on", "in"))
    return Arguments(tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(targets)))


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


def arguments(trigger) -> Arguments:
    if trigger.pos_ in ("NOUN", "PROPN"):
        return noun_arguments(trigger)
    return verb_arguments(trigger)
