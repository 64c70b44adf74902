"""PLOVER's auxiliary modes: is an event current, historical, future, hypothetical or negated?

Read from the trigger's clause and the verbs that govern it ("will begin withdrawing", "is
expected to sign", "could move to ban"): negation ("did not", "never", "no agreement was
reached", "stopped short of"), future auxiliaries and verbs of scheduling, modals and
conditional clauses, and the event's resolved date against the publication date.
"""

from __future__ import annotations

import datetime as dt

from tidings.nlp.grammar import words
from tidings.types import When


def governing_chain(trigger) -> list:
    """The trigger and the verbs above it up to its clause's head: 'will begin withdrawing'
    -> [withdrawing, begin]; 'held talks' -> [talks, held]; 'is expected to sign' -> [sign, expected]."""
    chain = [trigger]
    node = trigger
    steps = 0
    while node.pos_ not in ("VERB", "AUX") and node.head != node and steps < 4:
        node = node.head  # a nominal trigger: up to the verb of its clause
        steps += 1
        if node.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
            chain.append(node)
    while node.dep_ in ("xcomp", "conj", "pcomp", "acomp") and node.head != node and len(chain) < 8:
        node = node.head
        if node.dep_ == "prep":
            node = node.head
        chain.append(node)
    return chain


def _negated(chain, *, governors: bool = True) -> bool:
    for token in chain:
        for child in token.children:
            if child.dep_ == "neg" or (child.lower_ in words("negation.words") and child.dep_ in ("advmod", "preconj")):
                return True
            if child.dep_ == "advmod" and child.lower_ in words("negation.ended") and any(
                    g.lower_ in words("negation.determiners") | words("negation.words") for g in child.children):
                return True  # "no longer pose a threat", "not any more"
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    child.lower_ in words("negation.pronouns") or child.lower_ == "no" or
                    any(g.lower_ in words("negation.determiners") and g.dep_ == "det" for g in child.children) or
                    (child.lower_ == "one" and any(g.lower_ == "no" for g in child.children))):
                return True
        if token.pos_ in ("NOUN", "PROPN") and any(c.lower_ in words("negation.determiners") and c.dep_ == "det" for c in token.children):
            return True
    if not governors:
        return False
    # "failed to reach", "denied attacking", "stopped short of accusing"
    for token in chain[1:]:
        if token.lemma_.lower() in words("verbs.negating"):
            return True
    head = chain[-1].head
    if chain[-1].dep_ in ("xcomp", "ccomp", "pcomp") and head.lemma_.lower() in ("deny", "fail", "refuse"):
        return True
    if any(t.lower_ == "short" and t.head.lemma_.lower() == "stop" for t in chain[0].doc[max(0, chain[0].i - 4): chain[0].i]):
        return True
    return False


def event_status(trigger, *, when: When | None, pub: dt.date | None, own_type: str) -> str:
    """Status of the event whose trigger token is given."""
    return status_and_reason(trigger, when=when, pub=pub, own_type=own_type)[0]


def status_and_reason(trigger, *, when: When | None, pub: dt.date | None, own_type: str) -> tuple[str, str]:
    """Status of the event whose trigger token is given, and the word or date that decided it."""
    chain = governing_chain(trigger)
    if _negated(chain, governors=own_type != "REJECT"):
        return "negated", "negation in the clause or a negating governor"
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "mark" and c.lower_ in words("modality.conditional_marks") for c in children):
            return "hypothetical", f"conditional clause ({token.text!r})"
        if any(c.dep_ == "advcl" and any(g.lower_ in words("modality.conditional_marks") and g.dep_ == "mark" for g in c.children)
               for c in children) and own_type != "THREATEN":
            return "hypothetical", f"condition on {token.text!r}"
        if token.lemma_.lower() in words("modality.possible"):
            return "hypothetical", f"{token.text!r}"
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if auxes & words("auxiliaries.modal"):
            return "hypothetical", f"modal {sorted(auxes & words('auxiliaries.modal'))[0]!r}"
        if auxes & words("auxiliaries.future") or ("going" in auxes and "to" in auxes):
            return "future", "future auxiliary"
        scheduled = token.lemma_.lower() in words("verbs.schedule") and (token != trigger or any(c.dep_ == "xcomp" for c in children))
        if scheduled and not (token.lemma_.lower() in ("set", "expect") and not any(c.dep_ == "xcomp" for c in children)):
            return "future", f"scheduled ({token.text!r})"
    if when is not None and pub is not None:
        value = when.value
        year = int(value[:4])
        if when.precision == "day" and value > pub.isoformat():
            return "future", f"date {value} after publication"
        if when.precision == "month" and value > pub.isoformat()[:7]:
            return "future", f"date {value} after publication"
        if year > pub.year:
            return "future", f"date {value} after publication"
        # "has claimed ... since 2017": an ongoing event that started then, not a past one
        since = (when.text or "").lower().startswith(("since", "for"))
        if not since:
            if year < pub.year - 1 or (when.precision != "year" and _months_before(value, pub) > 12):
                return "historical", f"date {value} over a year before publication"
    return "current", "no negation, modality or future marker"


def _months_before(value: str, pub: dt.date) -> int:
    year, month = int(value[:4]), int(value[5:7])
    return (pub.year - year) * 12 + pub.month - month
