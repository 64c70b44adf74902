"""Where an event happened: a toponym of the trigger's own clause, resolved by the gazetteer.

Resolving a toponym is the gazetteer's job (``tidings.attributes.place``); this module chooses
which toponym of a sentence is the event's place: one in a locative phrase of the trigger's
clause ("in Ankara", "near the village of Ak-Sai", "at NATO headquarters in Brussels"), the
destination of a movement ("sent troops to Batken"), else the dateline for the lede.
"""

from __future__ import annotations

from tidings.actors.mentions import span_ents
from tidings.attributes.place import Gazetteer
from tidings.events.features import predicate
from tidings.events.rulebook import load_rulebook
from tidings.events.status import governing_chain
from tidings.nlp.grammar import words
from tidings.types import Place


def _place_nouns() -> frozenset[str]:
    return load_rulebook().words("nouns.place")


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
            if word == "of" and prep.head.lemma_.lower() in _place_nouns():
                node = prep.head
                continue
            if word in preps:
                anchor = prep.head
                if anchor.lemma_.lower() in _place_nouns() and anchor.dep_ == "pobj" and anchor.head.lower_ in preps:
                    return anchor.head.head  # "at NATO headquarters in Brussels"
                return anchor
            return None
        return None
    return None


def event_location(trigger, sent, *, gazetteer: Gazetteer | None, context: set[str], dateline: str | None,
                   type_: str = "", focus=None) -> Place | None:
    return event_place(trigger, sent, gazetteer=gazetteer, context=context, dateline=dateline, type_=type_,
                       focus=focus)[0]


def event_place(trigger, sent, *, gazetteer: Gazetteer | None, context: set[str], dateline: str | None,
                type_: str = "", focus=None) -> tuple[Place | None, str]:
    """The event's place and where it was found. ``focus`` is the article's toponym focus
    (``attributes.toponyms.article_focus``): the country, division and point its places centre on."""
    """The event's own place: a toponym in a locative phrase of the trigger's clause
    ("in Ankara", "near the village of Ak-Sai", "at NATO headquarters in Brussels"), the
    destination of a movement ("sent troops to Batken"), else the dateline."""
    if gazetteer is None:
        return None, "no gazetteer"
    moving = load_rulebook().words("types.moving_place")
    preps = words("prepositions.locative") | (words("prepositions.motion") if type_ in moving else set())
    pred = predicate(sent)
    candidates: list[tuple[float, Place, str]] = []
    for ent in span_ents(sent):
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        anchor = _place_anchor(ent.root, preps)
        why = "locative phrase"
        if anchor is None:
            if type_ in ("CONSULT", "MOBILIZE") and ent.root.dep_ == "dobj" and ent.root.head == trigger:
                anchor, why = trigger, "place visited"  # "visited Ankara"
            else:
                continue
        if anchor == trigger or anchor == pred or anchor == trigger.head or anchor in governing_chain(trigger)[1:]:
            rank = 0.0
            why += " of the trigger's clause"
        elif (anchor in trigger.subtree and (anchor.pos_ in ("VERB", "AUX") or anchor.lemma_.lower() in _place_nouns())
              and not crosses_clause(anchor, trigger)):
            rank = 1.0
            why += f" inside the trigger's phrase ({anchor.text!r})"
        elif anchor.dep_ == "relcl" and anchor.head == trigger and trigger.pos_ == "NOUN":
            rank = 1.0  # "Israeli aggression, which has claimed 43,700 lives in Gaza": the event noun's own clause
            why += f" of a relative clause on the event noun ({anchor.text!r})"
        elif anchor.dep_ == "advcl" and anchor.head in (trigger, *governing_chain(trigger)[1:]) and not crosses_clause(anchor, anchor.head):
            rank = 1.0  # "Speaking in Bishkek, the minister accused ..."
            why += f" of an adverbial clause ({anchor.text!r})"
        elif trigger.pos_ == "NOUN" and anchor == trigger.head:
            rank = 0.5
            why += " of the event noun's head"
        elif anchor.head == trigger and anchor.dep_ in ("dobj", "attr", "nsubjpass", "nsubj"):
            rank = 0.8  # "discussed relations in Ankara", "authorities in Cali imposed"
            why += f" of an argument ({anchor.text!r})"
        else:
            continue
        doc = sent.doc
        place = gazetteer.resolve(ent.text, context=frozenset(context), start=ent.start_char, end=ent.end_char,
                                  focus=focus, before=doc[ent.start - 1].text if ent.start > 0 else "",
                                  after=doc[ent.end].text if ent.end < len(doc) else "")
        if place is None:
            continue
        rank += {"city": 0, "admin1": 0.2, "region": 0.3, "country": 0.4}.get(place.precision, 0.4)
        candidates.append((rank, place, f"{why}: {ent.text!r}"))
    if not candidates and dateline:
        place = gazetteer.resolve(dateline, context=frozenset(context), focus=focus)
        if place is not None:
            candidates.append((5, place, f"dateline {dateline!r}"))
    if not candidates:
        return None, "no place in the trigger's clause"
    best = min(candidates, key=lambda c: c[0])
    return best[1], best[2]
