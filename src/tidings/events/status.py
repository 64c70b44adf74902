"""PLOVER's auxiliary modes: is an event current, historical, future, hypothetical or negated?

Read from the trigger's clause: negation, modal and future auxiliaries, conditional clauses,
verbs of planning, and the event's resolved date against the publication date.
"""

from __future__ import annotations

import datetime as dt

from tidings.types import When

_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
_NEG_GOVERNORS = {"fail", "deny", "refuse", "decline", "avoid", "stop", "halt", "abandon", "cancel",
                  "postpone", "rule", "reject"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_MODAL = {"would", "could", "might", "may", "should", "must", "can", "ca"}
_PLAN = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "hope", "seek", "propose",
         "due", "poise", "vow", "pledge", "promise", "threaten", "want", "consider", "offer", "agree",
         "decide", "try", "attempt", "push", "call", "urge", "ask", "demand", "wish", "going"}
_CONDITIONAL = {"if", "unless", "whether", "should"}
_FUTURE_WORDS = {"next", "tomorrow", "upcoming", "coming", "later"}


def _clause_chain(trigger) -> list:
    chain = [trigger]
    if trigger.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj", "attr") and trigger.head.pos_ in ("VERB", "AUX"):
        chain.append(trigger.head)
    if trigger.dep_ == "pobj" and trigger.head.head.pos_ in ("VERB", "AUX"):
        chain.append(trigger.head.head)
    return chain


def event_status(trigger, *, when: When | None, pub: dt.date | None, own_type: str) -> str:
    """Status of the event whose trigger token is given."""
    chain = _clause_chain(trigger)
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "neg" or (c.lower_ in _NEG_WORDS and c.dep_ in ("advmod", "det", "neg")) for c in children):
            return "negated"
        if token.pos_ == "NOUN" and any(c.lower_ == "no" for c in children):
            return "negated"
    verb = chain[-1]
    # "failed to reach", "denied attacking": the governing verb negates the event.
    head = verb.head if verb.dep_ in ("xcomp", "ccomp", "pcomp") else None
    if head is not None and head.lemma_.lower() in _NEG_GOVERNORS and own_type not in ("REJECT",):
        if head.lemma_.lower() in ("fail", "deny", "refuse", "decline", "avoid"):
            return "negated"
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in children):
            return "hypothetical"
        if token.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in token.children):
            return "hypothetical"
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX or ("going" in auxes and "to" in auxes):
            return "future"
        if auxes & _MODAL:
            return "hypothetical"
    if head is not None and head.lemma_.lower() in _PLAN and verb.dep_ == "xcomp" and own_type not in ("THREATEN", "REQUEST", "AGREE"):
        if head.lemma_.lower() in ("threaten", "call", "urge", "ask", "demand", "want", "hope", "wish", "seek", "push", "try", "attempt", "consider", "offer", "propose"):
            return "hypothetical"
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
        if year < pub.year - 1 or (when.precision != "year" and _months_before(value, pub) > 18):
            return "historical"
        if when.precision == "year" and year < pub.year and any(t.lower_ == "since" for t in verb.subtree):
            return "current"
    if any(t.lower_ in ("former", "ex") for t in trigger.children):
        return "historical"
    return "current"


def _months_before(value: str, pub: dt.date) -> int:
    year, month = int(value[:4]), int(value[5:7])
    return (pub.year - year) * 12 + pub.month - month
