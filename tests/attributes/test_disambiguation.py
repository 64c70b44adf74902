"""Document-level toponym disambiguation on hand-built cases, without the spaCy model.

The gazetteer is built from the shipped index and the actor knowledge; the extractor runs on
``Doc`` objects built from words and entity labels, so a parser upgrade cannot move what these
tests cover.
"""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.actors.knowledge import load_knowledge
from tidings.attributes.place import Focus, Gazetteer, PlaceWeights
from tidings.attributes.toponyms import ToponymExtractor
from tidings.types import Article, Place


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(load_knowledge())


@pytest.fixture(scope="module")
def extract(gazetteer):
    extractor = ToponymExtractor(None, gazetteer, load_knowledge())
    vocab = Vocab()

    def run(words: list[str], ents: list[str], spaces: list[bool] | None = None) -> list[Place]:
        spaces = spaces if spaces is not None else [i + 1 < len(words) and words[i + 1] not in ",.;" for i in range(len(words))]
        doc = Doc(vocab, words=words, spaces=spaces, ents=ents)
        doc[0].is_sent_start = True
        for token in doc[1:]:
            token.is_sent_start = doc[token.i - 1].text == "."
        return extractor(Article("t", doc.text, None), doc)

    return run


def _focus(gazetteer, *names):
    return gazetteer.focus([(gazetteer.resolve(n), 1.0) for n in names])


def test_bare_names_mean_the_famous_place(gazetteer):
    assert gazetteer.resolve("Paris").country == "FRA"
    assert gazetteer.resolve("Lebanon").precision == "country"
    assert gazetteer.resolve("Georgia").country == "GEO"
    assert gazetteer.resolve("Washington").admin1 == "DC"


def test_focus_moves_a_town_to_the_articles_state(gazetteer):
    focus = _focus(gazetteer, "Texas", "Sulphur Springs", "Tyler")
    assert focus.country == "USA" and focus.admin1[("USA", "TX")] > 0.9
    place = gazetteer.resolve("Paris", focus=focus)
    assert (place.country, place.admin1) == ("USA", "TX")


def test_focus_alone_never_turns_a_country_into_a_town(gazetteer):
    focus = _focus(gazetteer, "Texas", "Houston")
    assert gazetteer.resolve("China", focus=focus).precision == "country"
    # with words of its own, the town wins: "the Lebanon City Council" in a Pennsylvania story
    focus = _focus(gazetteer, "Pennsylvania", "Harrisburg")
    town = gazetteer.resolve("Lebanon", focus=focus, after="City Council approved")
    assert (town.country, town.admin1, town.precision) == ("USA", "PA", "city")


def test_cap_can_be_switched_off(gazetteer):
    """The ablation switch of the one veto: without it the focus can override a country."""
    loose = Gazetteer(load_knowledge(), weights=PlaceWeights(cap_minor=False))
    focus = _focus(loose, "Pennsylvania", "Harrisburg", "Hershey", "Scranton")
    assert loose.resolve("Lebanon", focus=focus).precision == "city"
    assert Gazetteer(load_knowledge()).resolve("Lebanon", focus=focus).precision == "country"


def test_us_state_against_country(gazetteer):
    assert gazetteer.resolve("Georgia", after="Gov. Brian Kemp said").admin1 == "GA"
    assert gazetteer.resolve("Georgia", focus=_focus(gazetteer, "Atlanta", "Savannah", "Macon")).admin1 == "GA"
    assert gazetteer.resolve("Ga.").admin1 == "GA"  # an AP abbreviation is always the state


def test_within_reads_the_place_after_the_comma(gazetteer):
    ohio = gazetteer.container("Ohio")
    assert (ohio.country, ohio.admin1) == ("USA", "OH")
    dublin = gazetteer.resolve("Dublin", within=ohio)
    assert (dublin.country, dublin.admin1) == ("USA", "OH")
    ontario = gazetteer.container("Ontario")
    assert ontario.country == "CAN"
    assert gazetteer.resolve("London", within=ontario).country == "CAN"


def test_counties_are_candidates_of_their_own(gazetteer):
    hall = gazetteer.resolve("Hall County", focus=_focus(gazetteer, "Atlanta", "Macon", "Ga."))
    assert (hall.feature, hall.admin1) == ("ADM2", "GA")
    laurel = gazetteer.resolve("Laurel County")
    assert (laurel.feature, laurel.country, laurel.admin1) == ("ADM2", "USA", "KY")
    assert gazetteer.resolve("Hall County").name != "Schwäbisch Hall"


def test_cue_words(gazetteer):
    assert gazetteer.resolve("Ontario", focus=_focus(gazetteer, "Toronto", "Ottawa")).country == "CAN"
    assert gazetteer.resolve("Ontario", after="Premier Doug Ford").country == "CAN"
    assert gazetteer.resolve("Idlib province").precision == "admin1"


def test_words_that_are_never_places(gazetteer):
    assert gazetteer.resolve("The") is None
    assert gazetteer.resolve("Toyota") is None


def test_ambiguity(gazetteer):
    assert gazetteer.ambiguous("Paris")
    assert gazetteer.ambiguous("Columbus")
    assert not gazetteer.ambiguous("Laurel County")


def test_focus_shares_count_every_anchor(gazetteer):
    """One Ohio town among British places is no Ohio focus."""
    focus = gazetteer.focus([(gazetteer.resolve("Columbus", within=gazetteer.container("Ohio")), 1.0)]
                            + [(gazetteer.resolve(n), 1.0) for n in ("Britain", "England", "Liverpool", "Leeds")])
    assert focus.country == "GBR"
    assert focus.admin1.get(("USA", "OH"), 0) < 0.25
    assert Focus().country is None


def test_article_level_paris_texas(extract):
    words = ["PARIS", ",", "Texas", "—", "Deputies", "arrested", "a", "man", "in", "Paris", "after", "a", "chase",
             "near", "Tyler", "."]
    ents = ["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"]
    places = {(p.text, p.start): p for p in extract(words, ents)}
    paris = [p for (text, _), p in places.items() if text.lower() == "paris"]
    assert len(paris) == 2 and all((p.country, p.admin1) == ("USA", "TX") for p in paris)


def test_person_names_and_streets_are_not_towns(extract):
    words = ["Detective", "Sarah", "Lincoln", "said", "the", "car", "was", "found", "at", "6016", "Dublin", "Road",
             "in", "Columbus", ",", "Ohio", ".", "Lincoln", "said", "the", "driver", "fled", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "B-GPE", "O", "B-GPE",
            "O", "B-GPE", "O", "O", "O", "O", "O"]
    places = extract(words, ents)
    texts = [p.text for p in places]
    assert "Lincoln" not in texts
    dublin = next(p for p in places if p.text.startswith("Dublin"))
    assert dublin.text == "Dublin Road" and dublin.feature == "CONTAINED"  # a street, placed in the article's town
    columbus = next(p for p in places if p.text == "Columbus")
    assert (columbus.country, columbus.admin1) == ("USA", "OH")


def test_the_is_never_a_place(extract):
    words = ["The", "council", "met", "in", "Athens", ",", "Ga.", ",", "on", "Monday", "."]
    ents = ["B-GPE", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "O", "O"]
    places = extract(words, ents)
    assert [p.text for p in places] == ["Athens", "Ga."]
    assert places[0].admin1 == "GA" and places[1].precision == "admin1"


def test_alternate_names_count_less(gazetteer):
    """GeoNames lists "Paris" as an old name of Swainsboro, Ga.: a Georgia story's bare "Paris"
    is still the French capital, while Paris, Texas (its own name) wins in a Texas story."""
    assert gazetteer.resolve("Paris", focus=_focus(gazetteer, "Atlanta", "Macon", "Ga.")).country == "FRA"
