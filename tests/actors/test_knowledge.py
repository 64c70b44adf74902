import datetime as dt

import pytest

from tidings.actors.knowledge import load_knowledge


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize("surface,country", [
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Turkey", "TUR"), ("Turkish", "TUR"), ("Qatari", "QAT"),
    ("Israeli", "ISR"), ("Palestinian", "PSE"), ("Ankara", "TUR"), ("Doha", "QAT"), ("Washington", "USA"),
    ("Moscow", "RUS"), ("U.S.", "USA"), ("United Kingdom", "GBR"), ("Britain", "GBR"),
])
def test_countries_names_adjectives_capitals(kb, surface, country):
    assert any(e.country == country for e in kb.lookup(surface))


@pytest.mark.parametrize("surface,country", [
    ("UN", "UNO"), ("United Nations", "UNO"), ("UN Security Council", "UNO"), ("ICJ", "UNO"), ("NATO", "IGO"),
    ("European Union", "EUR"), ("African Union", "IGO"), ("Arab League", "IGO"), ("GCC", "IGO"), ("OPEC", "IGO"),
    ("IMF", "IGO"), ("Hamas", "PSE"), ("Hezbollah", "LBN"), ("PKK", "TUR"), ("Houthis", "YEM"),
    ("al-Shabaab", "SOM"), ("Taliban", "AFG"),
])
def test_organisations(kb, surface, country):
    assert any(e.kind == "org" and e.country == country for e in kb.lookup(surface))


@pytest.mark.parametrize("surface,day,country", [
    ("Erdogan", dt.date(2024, 12, 17), "TUR"),
    ("Erdoğan", dt.date(2010, 1, 1), "TUR"),
    ("Trump", dt.date(2019, 5, 1), "USA"),
    ("Macron", dt.date(2023, 1, 1), "FRA"),
])
def test_leaders_in_office_by_date(kb, surface, day, country):
    entries = [e for e in kb.lookup(surface) if e.kind == "leader" and e.in_office(day)]
    assert entries and entries[0].country == country


def test_leader_terms(kb):
    trump = [e for e in kb.lookup("Trump") if e.kind == "leader"]
    assert not any(e.in_office(dt.date(2022, 6, 1)) for e in trump)


@pytest.mark.parametrize("term,sector", [
    ("president", "GOV"), ("army", "MIL"), ("police", "COP"), ("rebels", "REB"), ("protesters", "CVL"),
    ("delegation", "GOV"), ("foreign minister", "GOV"), ("emir", "GOV"), ("parliament", "LEG"),
])
def test_roles(kb, term, sector):
    assert any(e.kind == "role" and e.sector == sector for e in kb.lookup(term))


def test_every_country_has_a_name(kb):
    assert len(kb.countries) >= 195
    assert all(e.name for e in kb.countries.values())
