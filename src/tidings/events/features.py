"""Features of a sentence for the event-type classifier: masked lemmas and parse facts.

The same function serves training (``training/train.py``) and coding, so both see the
sentence the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.events.triggers import Lexicon
from tidings.nlp.grammar import words

# Bumped whenever the features change, so the model's version says which features it saw.
FEATURES_VERSION = "3"

_MASK = {"GPE": "_gpe_", "NORP": "_norp_", "PERSON": "_person_", "ORG": "_org_", "LOC": "_loc_",
         "FAC": "_loc_", "DATE": "_date_", "TIME": "_date_", "CARDINAL": "_num_", "MONEY": "_num_",
         "PERCENT": "_num_", "QUANTITY": "_num_", "ORDINAL": "_num_"}


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    text: str  # masked lemmas, space separated
    facts: str  # parse facts, space separated


def predicate(sent):
    """The sentence's main event-bearing verb: the root, or the clause a reporting verb
    introduces ('X said Y attacked Z' -> attacked)."""
    root = sent.root
    seen = 0
    while root.lemma_.lower() in words("verbs.reporting") and seen < 3:
        comps = [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if not comps:
            break
        root = comps[0]
        seen += 1
    return root


def sentence_features(sent, lexicon: Lexicon, matches: list | None = None) -> SentenceFeatures:
    """``matches`` are the sentence's trigger matches when the caller has them already."""
    lemmas = []
    for token in sent:
        if token.is_space or token.is_punct:
            continue
        lemmas.append(_MASK.get(token.ent_type_, token.lemma_.lower()))
    pred = predicate(sent)
    facts = [f"pred={pred.lemma_.lower()}"]
    if pred != sent.root:
        facts.append("reported")
        facts.append(f"root={sent.root.lemma_.lower()}")
    for child in pred.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "xcomp", "prt"):
            facts.append(f"pred_{child.dep_}={pred.lemma_.lower()}_{child.lemma_.lower()}")
        elif child.dep_ in ("prep", "agent"):
            facts.append(f"pred_prep={pred.lemma_.lower()}_{child.lower_}")
        elif child.dep_ == "neg":
            facts.append("pred_neg")
        elif child.dep_ == "aux" and child.lower_ in words("auxiliaries.future") | words("auxiliaries.modal"):
            facts.append(f"modal={child.lower_}")
    for match in lexicon.matches(sent) if matches is None else matches:
        token, trigger = match.token, match.trigger
        near = token == pred or token.head == pred or pred in token.ancestors and token.dep_ in ("dobj", "conj", "xcomp")
        facts.append(f"lex={trigger.type}")
        facts.append(f"lexc={trigger.cameo[:2]}")
        if near:
            facts.append(f"lexpred={trigger.type}")
            facts.append(f"lexpredc={trigger.cameo[:3]}")
        if match.specific:
            facts.append(f"lexspec={trigger.type}")
    return SentenceFeatures(" ".join(lemmas), " ".join(facts))
