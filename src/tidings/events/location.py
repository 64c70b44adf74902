"""Where an event happened: a toponym of the trigger's own clause, resolved by the gazetteer.

Resolving a toponym is the gazetteer's job (``tidings.attributes.place``); this module chooses
which toponym of a sentence is the event's place: one in a locative phrase of the trigger's
clause ("in Ankara", "near the village of Ak-Sai", "at NATO headquarters in Brussels"), the
destination of a movement ("sent troops to Batken"), else the dateline for the lede.
"""

from __future__ import annotations

from tidings.attributes.place import Gazetteer
from tidings.events.features import predicate
from tidings.events.status import governing_chain
from tidings.types import Place

_LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "along", "throughout", "around", "within", "through",
              "off", "over"}
_MOVE_PREPS = {"to", "into", "toward", "towards"}
_MOVE_TYPES = {"MOBILIZE", "ASSAULT", "CONSULT", "AID", "COERCE"}
_PLACE_NOUNS = {"village", "town", "city", "region", "province", "district", "area", "outskirts", "suburb", "capital",
                "state", "county", "governorate", "border", "borders", "headquarters", "port", "camp", "neighbourhood",
                "neighborhood", "centre", "center", "part", "parts", "south", "north", "east", "west", "heart",
                "streets", "street", "square", "zone", "coast", "island", "valley", "enclave", "territory"}


def crosses_clause(token, top) -> bool:
    """Whether the path from a token up to 'top' enters another clause (a relative clause,
    a clausal complement): 'aggression, which has claimed lives in Gaza' is not about 'support'."""
    node = token
    for _ in range(12):
        if node == top or node.head == node:
            return False
        if node.dep_ in ("relcl", "ccomp", "advcl", "acl") and node.pos_ in ("VERB", "AUX"):
            # a participle without its own subject ("Speaking in Kyiv, ...", "a statement issued
            # in Dushanbe") still describes the same act
            if node.dep_ in ("relcl", "ccomp") or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return True
        node = node.head
    return False


def _place_anchor(token, preps):
    """The word a toponym's locative phrase attaches to, climbing through appositions,
    compounds, conjunctions and 'the village of X'; None when the toponym is no locative."""
    node = token
    for _ in range(8):
        head = node.head
        if head == node:
            return None
        if node.dep_ in ("appos", "compound", "conj", "poss", "amod", "nmod") and head.pos_ in ("PROPN", "NOUN"):
            node = head
            continue
        if head.dep_ == "prep" or head.pos_ == "ADP":
            prep = head
            while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
                prep = prep.head
            word = prep.lower_
            if word == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS:
                node = prep.head
                continue
            if word in preps:
                anchor = prep.head
                if anchor.lemma_.lower() in _PLACE_NOUNS and anchor.dep_ == "pobj" and anchor.head.lower_ in preps:
                    return anchor.head.head  # "at NATO headquarters in Brussels"
                return anchor
            return None
        return None
    return None


def event_location(trigger, sent, *, gazetteer: Gazetteer | None, context: set[str], dateline: str | None,
               type_: str = "") -> Place | None:
    """The event's own place: a toponym in a locative phrase of the trigger's clause
    ("in Ankara", "near the village of Ak-Sai", "at NATO headquarters in Brussels"), the
    destination of a movement ("sent troops to Batken"), else the dateline."""
    if gazetteer is None:
        return None
    preps = _LOC_PREPS | (_MOVE_PREPS if type_ in _MOVE_TYPES else set())
    pred = predicate(sent)
    candidates: list[tuple[float, Place]] = []
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        anchor = _place_anchor(ent.root, preps)
        if anchor is None:
            if type_ in ("CONSULT", "MOBILIZE") and ent.root.dep_ == "dobj" and ent.root.head == trigger:
                anchor = trigger  # "visited Ankara"
            else:
                continue
        if anchor == trigger or anchor == pred or anchor == trigger.head or anchor in governing_chain(trigger)[1:]:
            rank = 0.0
        elif (anchor in trigger.subtree and (anchor.pos_ in ("VERB", "AUX") or anchor.lemma_.lower() in _PLACE_NOUNS)
              and not crosses_clause(anchor, trigger)):
            rank = 1.0
        elif anchor.dep_ == "advcl" and anchor.head in (trigger, *governing_chain(trigger)[1:]) and not crosses_clause(anchor, anchor.head):
            rank = 1.0  # "Speaking in Bishkek, the minister accused ..."
        elif trigger.pos_ == "NOUN" and anchor == trigger.head:
            rank = 0.5
        elif anchor.head == trigger and anchor.dep_ in ("dobj", "attr", "nsubjpass", "nsubj"):
            rank = 0.8  # "discussed relations in Ankara", "authorities in Cali imposed"
        else:
            continue
        place = gazetteer.resolve(ent.text, context=frozenset(context), start=ent.start_char,
                                       end=ent.end_char)
        if place is None:
            continue
        rank += {"city": 0, "admin1": 0.2, "region": 0.3, "country": 0.4}.get(place.precision, 0.4)
        candidates.append((rank, place))
    if not candidates and dateline:
        place = gazetteer.resolve(dateline, context=frozenset(context))
        if place is not None:
            candidates.append((5, place))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
