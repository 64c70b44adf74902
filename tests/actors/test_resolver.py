"""Actor resolution on hand-built parses with a small knowledge base: names, titles, roles,
coordination, dated offices, and memory that only chosen actors write."""

import datetime as dt

from tests.parses import parse, token
from tidings.actors.knowledge import Entry, Knowledge
from tidings.actors.memory import ArticleMemory
from tidings.actors.mentions import find_mentions
from tidings.actors.resolver import ActorResolver
from tidings.types import Actor


def small_kb() -> Knowledge:
    kb = Knowledge()
    kb.add("Iran", Entry("country", "Iran", "IRN", "GOV"))
    kb.add("Iranian", Entry("adjective", "Iran", "IRN"))
    kb.add("Turkish", Entry("adjective", "Türkiye", "TUR"))
    kb.countries["IRN"] = Entry("country", "Iran", "IRN", "GOV")
    kb.add("Zarif", Entry("leader", "Mohammad Javad Zarif", "IRN", "GOV", None, dt.date(2013, 8, 15),
                          dt.date(2021, 8, 25), "Foreign Minister", "foreign_minister"))
    kb.add("foreign minister", Entry("role", "foreign minister", None, "GOV", detail="person"), lower=True)
    kb.add("police", Entry("role", "police", None, "COP", detail="group"), lower=True)
    kb.add("prosecutors", Entry("role", "prosecutors", None, "JUD", detail="group"), lower=True)
    return kb


ZARIF = """
    Iranian  Iranian  ADJ   JJ  amod     3 B-NORP
    Foreign  foreign  PROPN NNP compound 2
    Minister minister PROPN NNP compound 3
    Zarif    Zarif    PROPN NNP nsubj    4 B-PERSON
    spoke    speak    VERB  VBD ROOT     4
    .        .        PUNCT .   punct    4
"""


def resolve(doc, head, when=dt.date(2019, 1, 1), memory=None):
    kb = small_kb()
    return ActorResolver(kb).resolve_phrase(head, mentions=find_mentions(doc, kb, 0, len(doc)), when=when,
                                            memory=memory if memory is not None else ArticleMemory(), context=set())


def test_person_in_office_by_date():
    doc = parse(ZARIF)
    [found] = resolve(doc, token(doc, "Zarif"))
    assert (found.actor.name, found.actor.country, found.actor.sector) == ("Mohammad Javad Zarif", "IRN", "GOV")
    assert found.how.startswith("person in office")


def test_former_office_holder_is_elite():
    doc = parse("""
        Zarif    Zarif    PROPN NNP nsubj    1 B-PERSON
        spoke    speak    VERB  VBD ROOT     1
        .        .        PUNCT .   punct    1
    """)
    [found] = resolve(doc, token(doc, "Zarif"), when=dt.date(2023, 6, 1))
    assert (found.actor.country, found.actor.sector) == ("IRN", "ELI")


def test_a_title_in_the_text_names_the_office_held():
    doc = parse(ZARIF)  # "Iranian Foreign Minister Zarif": the text gives his office
    [found] = resolve(doc, token(doc, "Zarif"), when=dt.date(2023, 6, 1))
    assert (found.actor.country, found.actor.sector) == ("IRN", "GOV")


def test_resolution_does_not_write_memory_until_committed():
    doc = parse(ZARIF)
    memory = ArticleMemory()
    [found] = resolve(doc, token(doc, "Zarif"), memory=memory)
    assert memory.actors == [] and memory.titles == {}
    memory.commit(found)
    assert memory.last(person=True).name == "Mohammad Javad Zarif"
    assert memory.titles["foreign minister"].country == "IRN"


def test_roles_in_a_coordination_share_its_country():
    doc = parse("""
        Turkish     Turkish    ADJ   JJ  amod  1 B-NORP
        police      police     NOUN  NN  nsubj 4
        and         and        CCONJ CC  cc    1
        prosecutors prosecutor NOUN  NNS conj  1
        searched    search     VERB  VBD ROOT  4
        .           .          PUNCT .   punct 4
    """)
    found = resolve(doc, token(doc, "police"))
    assert [(r.actor.country, r.actor.sector) for r in found] == [("TUR", "COP"), ("TUR", "JUD")]
    assert "coordinated phrase" in found[1].how


def test_role_alone_takes_no_country_without_context():
    doc = parse("""
        Police   police   NOUN  NNS nsubj 1
        arrested arrest   VERB  VBD ROOT  1
        him      he       PRON  PRP dobj  1
        .        .        PUNCT .   punct 1
    """)
    [found] = resolve(doc, token(doc, "Police"))
    assert (found.actor.country, found.actor.sector) == (None, "COP")


def test_a_titled_person_unknown_to_the_knowledge_holds_office_at_home():
    doc = parse("""
        Iran     Iran     PROPN NNP nsubj    1 B-GPE
        accused  accuse   VERB  VBD ROOT     1
        Foreign  foreign  PROPN NNP compound 3
        Minister minister PROPN NNP compound 4
        Ali      Ali      PROPN NNP compound 5 B-PERSON
        Rahimi   Rahimi   PROPN NNP dobj     1 I-PERSON
        .        .        PUNCT .   punct    1
    """)
    kb = small_kb()
    mentions = find_mentions(doc, kb, 0, len(doc))
    [alone] = ActorResolver(kb).resolve_phrase(token(doc, "Rahimi"), mentions=mentions, when=dt.date(2019, 1, 1),
                                               memory=ArticleMemory(), context=set())
    assert (alone.actor.name, alone.actor.country, alone.actor.sector) == ("Ali Rahimi", None, "GOV")
    [home] = ActorResolver(kb).resolve_phrase(token(doc, "Rahimi"), mentions=mentions, when=dt.date(2019, 1, 1),
                                              memory=ArticleMemory(), context={"IRN"})
    assert (home.actor.name, home.actor.country, home.actor.sector) == ("Ali Rahimi", "IRN", "GOV")
    assert "role_country_from_article" in home.how
    [off] = ActorResolver(kb, role_country=False).resolve_phrase(
        token(doc, "Rahimi"), mentions=mentions, when=dt.date(2019, 1, 1), memory=ArticleMemory(), context={"IRN"})
    assert off.actor.country is None


def test_a_country_named_in_the_coordination_comes_before_the_articles():
    doc = parse("""
        Turkish     Turkish    ADJ   JJ  amod  1 B-NORP
        police      police     NOUN  NN  nsubj 4
        and         and        CCONJ CC  cc    1
        prosecutors prosecutor NOUN  NNS conj  1
        searched    search     VERB  VBD ROOT  4
        .           .          PUNCT .   punct 4
    """)
    memory = ArticleMemory()
    memory.remember(Actor("Iran", "Iran", "IRN", "GOV", None, 0, 4))  # the article so far is about Iran
    found = resolve(doc, token(doc, "police"), memory=memory)
    assert [(r.actor.country, r.actor.sector) for r in found] == [("TUR", "COP"), ("TUR", "JUD")]
