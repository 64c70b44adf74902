"""Which toponym of a sentence is the event's place, on hand-built parses and a stub gazetteer."""

from tests.parses import parse, token
from tidings.events.location import event_place
from tidings.types import Place


class Gazetteer:
    """Resolves the names it knows to city-level places."""

    def __init__(self, *names):
        self.names = set(names)

    def resolve(self, text, *, context=frozenset(), start=None, end=None, **_):
        if text not in self.names:
            return None
        return Place(text, "XXX", None, 1.0, 2.0, 1, "city", text, start, end, "PPL")


MET = """
    Erdogan  Erdogan PROPN NNP nsubj 1 B-PERSON
    met      meet    VERB  VBD ROOT  1
    Tamim    Tamim   PROPN NNP dobj  1 B-PERSON
    in       in      ADP   IN  prep  1
    Ankara   Ankara  PROPN NNP pobj  3 B-GPE
    after    after   ADP   IN  prep  1
    talks    talk    NOUN  NNS pobj  5
    in       in      ADP   IN  prep  6
    Doha     Doha    PROPN NNP pobj  7 B-GPE
    .        .       PUNCT .   punct 1
"""


def test_the_trigger_clause_place_wins_over_a_nested_phrase():
    doc = parse(MET)
    place, why = event_place(token(doc, "met"), doc[:], gazetteer=Gazetteer("Ankara", "Doha"), context=set(),
                             dateline=None, type_="CONSULT")
    assert place.name == "Ankara" and "trigger's clause" in why


def test_the_dateline_is_the_fallback():
    doc = parse(MET)
    place, why = event_place(token(doc, "met"), doc[:], gazetteer=Gazetteer("Istanbul"), context=set(),
                             dateline="Istanbul", type_="CONSULT")
    assert place.name == "Istanbul" and why.startswith("dateline")


def test_no_gazetteer_no_place():
    doc = parse(MET)
    assert event_place(token(doc, "met"), doc[:], gazetteer=None, context=set(), dateline=None)[0] is None
