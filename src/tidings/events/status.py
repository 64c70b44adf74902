"""PLOVER's auxiliary modes: is an event current, historical, future, hypothetical or negated?

Read from the trigger's clause and the verbs that govern it ("will begin withdrawing", "is
expected to sign", "could move to ban"): negation ("did not", "never", "no agreement was
reached", "stopped short of"), future auxiliaries and verbs of scheduling, modals and
conditional clauses, and the event's resolved date against the publication date.
"""

from __future__ import annotations

import datetime as dt

from tidings.types import When

_NEG_WORDS = {"not", "n't", "never", "neither", "nor"}
_NEG_DETS = {"no", "neither"}
_NEG_PRONOUNS = {"nobody", "nothing", "none", "noone"}
_NEG_GOVERNORS = {"fail", "deny", "refuse", "decline", "avoid", "stop", "cancel", "postpone", "halt",
                  "abandon", "scrap", "call off", "rule"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_MODAL = {"would", "could", "might", "may", "should", "must", "can", "ca"}
_SCHEDULE = {"expect", "schedule", "set", "due", "plan", "intend", "prepare", "poise", "slate", "aim"}
_POSSIBLE = {"possible", "likely", "unlikely", "probable", "potential", "hypothetical"}
_CONDITIONAL = {"if", "unless"}


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
            if child.dep_ == "neg" or (child.lower_ in _NEG_WORDS and child.dep_ in ("advmod", "preconj")):
                return True
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    child.lower_ in _NEG_PRONOUNS or child.lower_ == "no" or
                    any(g.lower_ in _NEG_DETS and g.dep_ == "det" for g in child.children) or
                    (child.lower_ == "one" and any(g.lower_ == "no" for g in child.children))):
                return True
        if token.pos_ in ("NOUN", "PROPN") and any(c.lower_ in _NEG_DETS and c.dep_ == "det" for c in token.children):
            return True
    if not governors:
        return False
    # "failed to reach", "denied attacking", "stopped short of accusing"
    for token in chain[1:]:
        if token.lemma_.lower() in _NEG_GOVERNORS:
            return True
    head = chain[-1].head
    if chain[-1].dep_ in ("xcomp", "ccomp", "pcomp") and head.lemma_.lower() in ("deny", "fail", "refuse"):
        return True
    if any(t.lower_ == "short" and t.head.lemma_.lower() == "stop" for t in chain[0].doc[max(0, chain[0].i - 4): chain[0].i]):
        return True
    return False


def event_status(trigger, *, when: When | None, pub: dt.date | None, own_type: str) -> str:
    """Status of the event whose trigger token is given."""
    chain = governing_chain(trigger)
    if _negated(chain, governors=own_type != "REJECT"):
        return "negated"
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in children):
            return "hypothetical"
        if any(c.dep_ == "advcl" and any(g.lower_ in _CONDITIONAL and g.dep_ == "mark" for g in c.children)
               for c in children) and own_type != "THREATEN":
            return "hypothetical"
        if token.lemma_.lower() in _POSSIBLE:
            return "hypothetical"
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if auxes & _MODAL:
            return "hypothetical"
        if auxes & _FUTURE_AUX or ("going" in auxes and "to" in auxes):
            return "future"
        scheduled = token.lemma_.lower() in _SCHEDULE and (token != trigger or any(c.dep_ == "xcomp" for c in children))
        if scheduled and not (token.lemma_.lower() in ("set", "expect") and not any(c.dep_ == "xcomp" for c in children)):
            return "future"
    if when is not None and pub is not None:
        value = when.value
        year = int(value[:4])
        if when.precision == "day" and value > pub.isoformat():
            return "future"
        if when.precision == "month" and value > pub.isoformat()[:7]:
            return "future"
        if year > pub.year:
            return "future"
        # "has claimed ... since 2017": an ongoing event that started then, not a past one
        since = (when.text or "").lower().startswith(("since", "for"))
        if not since:
            if year < pub.year - 1 or (when.precision != "year" and _months_before(value, pub) > 12):
                return "historical"
    return "current"


def _months_before(value: str, pub: dt.date) -> int:
    year, month = int(value[:4]), int(value[5:7])
    return (pub.year - year) * 12 + pub.month - month
