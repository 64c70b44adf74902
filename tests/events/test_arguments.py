"""Argument reading on hand-built parses: voice, reported speech, control, nominal triggers,
light verbs and joint parties. No statistical model: a parser upgrade cannot move these."""

import pytest

from tests.parses import parse, token
from tidings.events.arguments import arguments
from tidings.events.rulebook import load_rulebook

RULES = load_rulebook()


def texts(tokens):
    return [t.text for t in tokens]


def test_active_voice_subject_object_and_recipient_of_the_object():
    doc = parse("""
        Turkey  Turkey PROPN NNP nsubj 1 B-GPE
        cut     cut    VERB  VBD ROOT  1
        off     off    ADP   RP  prt   1
        trade   trade  NOUN  NN  dobj  1
        with    with   ADP   IN  prep  3
        Israel  Israel PROPN NNP pobj  4 B-GPE
        .       .      PUNCT .   punct 1
    """)
    args = arguments(token(doc, "cut"), RULES)
    assert texts(args.sources) == ["Turkey"] and args.reading(args.sources[0]) == "subject"
    assert texts(args.targets) == ["trade", "Israel"]
    assert args.reading(token(doc, "Israel")) == "complement of the object 'trade'"


def test_passive_voice_swaps_roles():
    doc = parse("""
        Soldiers  soldier   NOUN  NNS nsubjpass 2
        were      be        AUX   VBD auxpass   2
        killed    kill      VERB  VBN ROOT      2
        by        by        ADP   IN  agent     2
        Russian   Russian   ADJ   JJ  amod      5 B-NORP
        artillery artillery NOUN  NN  pobj      3
        .         .         PUNCT .   punct     2
    """)
    args = arguments(token(doc, "killed"), RULES)
    assert texts(args.sources) == ["artillery"] and args.reading(args.sources[0]) == "passive agent"
    assert texts(args.targets) == ["Soldiers"]


REPORTED = """
    Russia    Russia    PROPN NNP nsubj  1 B-GPE
    stressed  stress    VERB  VBD ROOT   1
    that      that      SCONJ IN  mark   5
    it        it        PRON  PRP nsubj  5
    had       have      AUX   VBD aux    5
    expelled  expel     VERB  VBN ccomp  1
    two       two       NUM   CD  nummod 8 B-CARDINAL
    Estonian  Estonian  ADJ   JJ  amod   8 B-NORP
    diplomats diplomat  NOUN  NNS dobj   5
    .         .         PUNCT .   punct  1
"""


def test_pronoun_subject_of_a_reported_clause_is_the_speaker():
    doc = parse(REPORTED)
    args = arguments(token(doc, "expelled"), RULES)
    assert texts(args.sources) == ["Russia"]
    assert args.reading(args.sources[0]) == "reporting_pronoun_is_speaker"
    assert texts(args.targets) == ["diplomats"]


def test_without_the_rule_the_pronoun_stays():
    doc = parse(REPORTED)
    args = arguments(token(doc, "expelled"), RULES.without({"reporting_pronoun_is_speaker"}))
    assert texts(args.sources) == ["it"]


def test_object_control_gives_the_infinitive_its_subject():
    doc = parse("""
        France   France   PROPN NNP nsubj 1 B-GPE
        urged    urge     VERB  VBD ROOT  1
        Israel   Israel   PROPN NNP dobj  1 B-GPE
        to       to       PART  TO  aux   4
        withdraw withdraw VERB  VB  xcomp 1
        .        .        PUNCT .   punct 1
    """)
    args = arguments(token(doc, "withdraw"), RULES)
    assert texts(args.sources) == ["Israel"] and args.reading(args.sources[0]) == "object_control"


def test_nominal_trigger_with_by_and_of_phrases():
    doc = parse("""
        the       the      DET   DT  det   1
        blockade  blockade NOUN  NN  ROOT  1
        of        of       ADP   IN  prep  1
        Qatar     Qatar    PROPN NNP pobj  2 B-GPE
        by        by       ADP   IN  prep  1
        Saudi     Saudi    PROPN NNP compound 6 B-GPE
        Arabia    Arabia   PROPN NNP pobj  4 I-GPE
    """)
    args = arguments(token(doc, "blockade"), RULES)
    assert texts(args.sources) == ["Arabia"] and args.reading(args.sources[0]) == "'by' phrase of the event noun"
    assert texts(args.targets) == ["Qatar"]


def test_talks_between_two_parties_are_joint():
    doc = parse("""
        Talks    talk     NOUN  NNS ROOT  0
        between  between  ADP   IN  prep  0
        Turkey   Turkey   PROPN NNP pobj  1 B-GPE
        and      and      CCONJ CC  cc    2
        Qatar    Qatar    PROPN NNP conj  2 B-GPE
    """)
    args = arguments(token(doc, "Talks"), RULES)
    assert args.reciprocal and texts(args.sources) == ["Turkey"] and not args.targets
    assert not arguments(token(doc, "Talks"), RULES.without({"joint_parties"})).reciprocal


@pytest.mark.parametrize("without,expected", [((), ["Turkey"]), (("light_verb_arguments",), [])])
def test_light_verb_lends_its_subject_to_the_event_noun(without, expected):
    doc = parse("""
        Turkey  Turkey PROPN NNP nsubj 1 B-GPE
        held    hold   VERB  VBD ROOT  1
        talks   talk   NOUN  NNS dobj  1
        with    with   ADP   IN  prep  2
        Qatar   Qatar  PROPN NNP pobj  3 B-GPE
        .       .      PUNCT .   punct 1
    """)
    args = arguments(token(doc, "talks"), RULES.without(without))
    assert texts(args.sources) == expected
    assert texts(args.targets) == ["Qatar"]


def test_a_prepositional_verb_takes_its_prepositions_object():
    doc = parse("""
        Turkey  Turkey PROPN NNP nsubj 1 B-GPE
        stands  stand  VERB  VBZ ROOT  1
        by      by     ADP   IN  prep  1
        the     the    DET   DT  det   5
        Syrian  Syrian ADJ   JJ  amod  5 B-NORP
        people  people NOUN  NNS pobj  2
        .       .      PUNCT .   punct 1
    """)
    args = arguments(token(doc, "stands"), RULES, particle="by")
    assert texts(args.targets) == ["people"] and args.reading(args.targets[0]) == "object of 'stand by'"
    assert texts(arguments(token(doc, "stands"), RULES).targets) == []  # 'by' alone names no recipient
    assert texts(arguments(token(doc, "stands"), RULES.without(["prepositional_verb_object"]), particle="by").targets) == []


def test_with_a_direct_object_the_preposition_keeps_its_clause():
    doc = parse("""
        Niger    Niger   PROPN NNP nsubj 1 B-GPE
        accused  accuse  VERB  VBD ROOT  1
        Benin    Benin   PROPN NNP dobj  1 B-GPE
        of       of      ADP   IN  prep  1
        hosting  host    VERB  VBG pcomp 3
        French   French  ADJ   JJ  amod  6 B-NORP
        troops   troop   NOUN  NNS dobj  4
        .        .       PUNCT .   punct 1
    """)
    args = arguments(token(doc, "accused"), RULES, particle="of")
    assert texts(args.targets)[0] == "Benin" and "troops" not in texts(args.targets)


def test_a_free_relative_clause_is_no_recipient():
    doc = parse("""
        They      they     PRON  PRP nsubj 1
        gave      give     VERB  VBD ROOT  1
        support   support  NOUN  NN  dobj  1
        to        to       ADP   IN  prep  1
        what      what     PRON  WP  dobj  6
        Erdogan   Erdogan  PROPN NNP nsubj 6 B-PERSON
        called    call     VERB  VBD pcomp 3
        a         a        DET   DT  det   8
        machine   machine  NOUN  NN  oprd  6
        .         .        PUNCT .   punct 1
    """)
    args = arguments(token(doc, "gave"), RULES)
    assert "called" not in texts(args.targets) and "Erdogan" not in texts(args.targets)
