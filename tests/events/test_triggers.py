"""Trigger matching on hand-built parses: particles and object constraints."""

from tests.parses import parse, token
from tidings.events.triggers import Lexicon, Trigger


def lexicon():
    return Lexicon([
        Trigger("cut", None, "VERB", frozenset(), "160", "SANCTION", None),
        Trigger("cut", "off", "VERB", frozenset({"trade", "tie", "relation"}), "1621", "SANCTION", "discontinue"),
        Trigger("host", None, "VERB", frozenset(), "043", "CONSULT", "visit"),
    ])


def test_particle_and_object_constraint_make_a_specific_match():
    doc = parse("""
        Turkey  Turkey PROPN NNP nsubj 1 B-GPE
        cut     cut    VERB  VBD ROOT  1
        off     off    ADP   RP  prt   1
        trade   trade  NOUN  NN  dobj  1
        .       .      PUNCT .   punct 1
    """)
    match = lexicon().match(token(doc, "cut"))
    assert match.trigger.cameo == "1621" and match.specific


def test_without_the_constraint_the_general_entry_matches():
    doc = parse("""
        Turkey  Turkey PROPN NNP nsubj 1 B-GPE
        cut     cut    VERB  VBD ROOT  1
        spending spending NOUN NN dobj 1
        .       .      PUNCT .   punct 1
    """)
    match = lexicon().match(token(doc, "cut"))
    assert match.trigger.cameo == "160" and not match.specific


def test_words_of_other_parts_of_speech_do_not_match():
    doc = parse("""
        the   the  DET  DT  det   1
        host  host NOUN NN  ROOT  1
    """)
    assert lexicon().match(token(doc, "host")) is None
