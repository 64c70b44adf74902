import datetime as dt

import pytest

from tidings.actors.knowledge import load_knowledge
from tidings.datafiles import iter_tsv, read_text


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


# Historical states (countries.tsv): former states have their own codes and last day; the
# successor's capital stays with the successor.
@pytest.mark.parametrize("surface,country", [
    pytest.param("Soviet Union", "SUN", id="soviet-union"), pytest.param("USSR", "SUN", id="ussr"),
    pytest.param("Soviets", "SUN", id="soviets"), pytest.param("Yugoslavia", "YUG", id="yugoslavia"),
    pytest.param("Yugoslav", "YUG", id="yugoslav"), pytest.param("Czechoslovakia", "CSK", id="czechoslovakia"),
    pytest.param("East Germany", "DDR", id="east-germany"), pytest.param("East German", "DDR", id="east-german"),
    pytest.param("GDR", "DDR", id="gdr"), pytest.param("South Yemen", "YMD", id="south-yemen"),
    pytest.param("West Germany", "DEU", id="west-germany-is-germany"),
    pytest.param("North Yemen", "YEM", id="north-yemen-is-yemen"), pytest.param("Moscow", "RUS", id="moscow-stays-rus"),
    pytest.param("Russia", "RUS", id="russia"),
])
def test_historical_states(kb, surface, country):
    assert {e.country for e in kb.lookup(surface)} == {country}


@pytest.mark.parametrize("code,last_day", [
    ("SUN", dt.date(1991, 12, 25)), ("YUG", dt.date(1992, 4, 26)), ("CSK", dt.date(1992, 12, 31)),
    ("DDR", dt.date(1990, 10, 2)), ("YMD", dt.date(1990, 5, 21)), ("RUS", None), ("DEU", None),
])
def test_former_states_have_a_last_day(kb, code, last_day):
    assert kb.countries[code].end == last_day
    assert kb.countries[code].in_office(dt.date(1985, 1, 1))


# People converted from PETRARCH2's Phoenix dictionaries (people/petrarch2_people.tsv): office
# holders before 2000, resolved by the article's date. CountryInfo files the USSR's leaders as
# RUS; the conversion codes them SUN up to the Soviet Union's last day.
@pytest.mark.parametrize("surface,day,country,sector", [
    pytest.param("Reagan", dt.date(1985, 6, 1), "USA", "GOV", id="us-president-1980s"),
    pytest.param("Bush", dt.date(1990, 6, 1), "USA", "GOV", id="bush-1990-is-the-father"),
    pytest.param("Brezhnev", dt.date(1975, 1, 1), "SUN", "GOV", id="soviet-leader"),
    pytest.param("Gorbachev", dt.date(1988, 1, 1), "SUN", "GOV", id="gorbachev-in-office"),
    pytest.param("Yeltsin", dt.date(1995, 1, 1), "RUS", "GOV", id="russian-president-1990s"),
    pytest.param("Margaret Thatcher", dt.date(1985, 1, 1), "GBR", "GOV", id="uk-prime-minister-1980s"),
    pytest.param("Erich Honecker", dt.date(1980, 1, 1), "DDR", "GOV", id="east-german-leader"),
    pytest.param("Gorbachev", dt.date(1995, 1, 1), "RUS", "ELI", id="gorbachev-out-of-office-after-ussr"),
    pytest.param("Willi Stoph", dt.date(1995, 1, 1), "DEU", "ELI", id="stoph-out-of-office-after-ddr"),
])
def test_converted_people_by_date(kb, surface, day, country, sector):
    current = {(e.country, e.sector) for e in kb.lookup(surface) if e.kind == "leader" and e.in_office(day)}
    assert current == {(country, sector)}


def test_bush_in_2005_is_the_son(kb):
    current = [e for e in kb.lookup("Bush") if e.kind == "leader" and e.in_office(dt.date(2005, 1, 1))]
    assert [e.name for e in current] == ["George W. Bush"]


@pytest.mark.parametrize("surface,day", [
    pytest.param("Ronald Reagan", dt.date(1995, 1, 1), id="reagan-1995"),
    pytest.param("Leonid Brezhnev", dt.date(1960, 1, 1), id="brezhnev-before-office"),
    pytest.param("Hamid Karzai", dt.date(1995, 1, 1), id="karzai-before-office"),
])
def test_out_of_office_period_gives_eli(kb, surface, day):
    # Outside every term a known person is ELI of the country of their latest entry: PETRARCH2's
    # undated [ELI], applied by the resolver rather than by rows that would compete with namesakes.
    from tidings.actors.resolver import ActorResolver

    entries = tuple(kb.lookup(surface))
    assert not any(e.in_office(day) for e in entries if e.kind == "leader")
    leader = ActorResolver(kb)._leader(entries, day, set())
    assert leader.sector == "ELI" and leader.country == entries[0].country


@pytest.mark.parametrize("surface,day", [
    pytest.param("Hamid Karzai", dt.date(2005, 1, 1), id="karzai"),
    pytest.param("Vladimir Putin", dt.date(2005, 1, 1), id="putin"),
    pytest.param("Recep Tayyip Erdoğan", dt.date(2010, 1, 1), id="erdogan"),
])
def test_authored_terms_win_over_converted_rows(kb, surface, day):
    # where leaders/*.tsv has the person in office, no converted row says something else
    current = [e for e in kb.lookup(surface) if e.kind == "leader" and e.in_office(day)]
    assert current and all(e.title for e in current)  # authored rows have a title, converted ones none


@pytest.mark.parametrize("term,sector", [
    pytest.param("arsonists", "CRM", id="arsonists"), pytest.param("drug lords", "CRM", id="drug-lords"),
    pytest.param("mutineers", "OPP", id="mutineers"), pytest.param("cattlemen", "AGR", id="cattlemen-from-macro"),
    pytest.param("fisherwomen", "AGR", id="fisherwomen-from-macro"),
    pytest.param("commanders in chief of the army", "MIL", id="plural-of-the-head-noun"),
    pytest.param("health ministries", "GOV", id="ministry-stem"),
])
def test_converted_agent_nouns(kb, term, sector):
    assert any(e.kind == "role" and e.sector == sector for e in kb.lookup(term))


@pytest.mark.parametrize("word", ["man", "men", "woman", "people", "official", "christian", "deputy", "hunter",
                                  "village", "retired", "jewish"])
def test_generic_words_are_not_converted_roles(word):
    # a word for anyone, an adjective or a common given name would turn any phrase into an actor
    assert word not in {row["term"] for row in iter_tsv("tidings.actors.data", "roles_petrarch2.tsv")}


@pytest.mark.parametrize("surface,country", [
    pytest.param("Tupamaros", "URY", id="tupamaros"), pytest.param("Montoneros", "ARG", id="montoneros"),
    pytest.param("Armed Islamic Group", "DZA", id="armed-islamic-group"),
    pytest.param("Red Brigades", "ITA", id="red-brigades"),
])
def test_converted_armed_groups(kb, surface, country):
    assert any(e.kind == "org" and e.detail == "armed_group" and e.sector == "REB" and e.country == country
               for e in kb.lookup(surface))


@pytest.mark.parametrize("package,name", [
    ("tidings.actors.data.people", "petrarch2_people.tsv"), ("tidings.actors.data", "organizations_petrarch2.tsv"),
    ("tidings.actors.data", "roles_petrarch2.tsv"),
])
def test_converted_files_name_their_source(package, name):
    header = "\n".join(line for line in read_text(package, name).splitlines() if line.startswith("#"))
    for needed in ("PETRARCH2", "commit 676801c", "MIT licence", "Copyright (c) 2014 Open Event Data",
                   "scripts/convert_petrarch2.py", "Columns:", "petrarch2_LICENSE.txt"):
        assert needed in header


def test_the_source_licence_ships_with_the_converted_files():
    licence = read_text("tidings.actors.data", "petrarch2_LICENSE.txt")
    assert licence.startswith("The MIT License") and "Copyright (c) 2014 Open Event Data" in licence


# The conversion's rules, on codes and names written for these tests (no dictionary needed).
@pytest.fixture(scope="module")
def convert():
    """The conversion's modules (scripts/petrarch2/), with the known country codes loaded."""
    import importlib
    import sys
    from pathlib import Path
    from types import SimpleNamespace

    scripts = str(Path(__file__).resolve().parents[2] / "scripts")
    sys.path.insert(0, scripts)
    try:
        codes, names, agents, authored = (importlib.import_module(f"petrarch2.{name}")
                                          for name in ("codes", "names", "agents", "authored"))
    finally:
        sys.path.remove(scripts)
    authored.read_authored()
    yield SimpleNamespace(decode=codes.decode, Skip=codes.Skip, spellings=names.spellings, plural_of=agents.plural_of)
    for name in [n for n in sys.modules if n == "petrarch2" or n.startswith("petrarch2.")]:
        del sys.modules[name]


@pytest.mark.parametrize("raw,country,sector,others,start,end", [
    pytest.param("AFGGOVAGR 050101-050331", "AFG", "GOV", ("AGR",), "2005-01-01", "2005-03-31", id="minister"),
    pytest.param("USAGOVMIL >20150217", "USA", "GOV", ("MIL",), "2015-02-17", None, id="open-term"),
    pytest.param("AFGELI 19270101-730717", "AFG", "ELI", (), "1927-01-01", "1973-07-17", id="mixed-years"),
    pytest.param("LKAELI 300101-620302", "LKA", "ELI", (), "1930-01-01", "1962-03-02", id="range-pivots-back"),
    pytest.param("USAGOV <900823", "USA", "GOV", (), None, "1990-08-22", id="before-date"),
    pytest.param("USAASMGOV 741015-750206", "USA", "GOV", (), "1974-10-15", "1975-02-06", id="dependency"),
    pytest.param("KSVGOV > 080109", "KOS", "GOV", (), "2008-01-09", None, id="kosovo"),
    pytest.param("TMPGOV", "TLS", "GOV", (), None, None, id="east-timor"),
    pytest.param("NAMGOV 900321-050321", "NAM", "GOV", (), "1990-03-21", "2005-03-21", id="namibia-not-a-region"),
    pytest.param("IGOUNOHLHWHO", "UNO", "MED", (), None, None, id="who"),
    pytest.param("IGOUNODEVWBK", "IGO", "GOV", ("SOC",), None, None, id="world-bank"),
    pytest.param("IGOEUREEC", "EUR", "GOV", (), None, None, id="eu"),
    pytest.param("IGOEURCOE", "IGO", "GOV", (), None, None, id="council-of-europe"),
    pytest.param("NGOUSAHRI", "NGO", "SOC", (), None, None, id="ngo"),
    pytest.param("NGOHLHIRC", "NGO", "MED", (), None, None, id="medical-ngo"),
    pytest.param("MNCUSAMED", "MNC", "JRN", (), None, None, id="media-company"),
    pytest.param("IMGSEAMUSJMA", "IMG", "UAF", ("REL",), None, None, id="transnational-militants"),
    pytest.param("SYRREBMUS", "SYR", "REB", ("REL",), None, None, id="rebels"),
])
def test_cameo_codes_map_to_plover(convert, raw, country, sector, others, start, end):
    code = convert.decode(raw)
    assert (code.country, code.sector, code.others) == (country, sector, others)
    assert (code.start, code.end) == (start and dt.date.fromisoformat(start), end and dt.date.fromisoformat(end))


@pytest.mark.parametrize("raw", ["EURREB", "KNTGOV", "MOS", "---", "USAGOV 2004017-20061201"])
def test_unmappable_codes_are_skipped(convert, raw):
    with pytest.raises(convert.Skip):
        convert.decode(raw)


@pytest.mark.parametrize("raw,org,expected", [
    ("RECEP_TAYYIP_ERDOGAN_", False, "Recep Tayyip Erdogan"),
    ("BASHAR_AL-ASSAD", False, "Bashar al-Assad"),
    ("JOHN_MCCAIN", False, "John McCain"),
    ("MIGUEL_D'ESCOTO_BROCKMANN_", False, "Miguel D'Escoto Brockmann"),
    ("ERIC_H._HOLDER,_JR._", False, "Eric H. Holder Jr."),
    ("POPE_JOHN_PAUL_II", False, "Pope John Paul II"),
    ("NGUYEN_VAN_LINH", False, "Nguyen Van Linh"),
    ("ANIMAL_LIBERATION_FRONT_(ALF)_", True, "Animal Liberation Front"),
    ("NATIONAL_PEOPLE'S_CONGRESS", True, "National People's Congress"),
    ("DHKP/C_", True, "DHKP/C"),
])
def test_names_in_natural_case(convert, raw, org, expected):
    assert convert.spellings(raw, org=org, country="VNM" if "NGUYEN" in raw else None)[0] == expected


@pytest.mark.parametrize("singular,plural", [
    ("farmer", "farmers"), ("militia", "militias"), ("army", "armies"), ("boss", "bosses"), ("cattleman", "cattlemen"),
    ("child", "children"), ("monarch", "monarchs"), ("minister of defence", "ministers of defence"),
    ("commander in chief", "commanders in chief"), ("gen.", None), ("rebels", None), ("townspeople", None),
])
def test_agent_plurals(convert, singular, plural):
    assert convert.plural_of(singular) == plural


@pytest.mark.parametrize("surface,country", [("New Mexico", "USA"), ("New South Wales", "AUS"),
                                             ("Inner Mongolia", "CHN"), ("East Azerbaijan", "IRN"),
                                             ("Mexico", "MEX"), ("Wales", "GBR"), ("Azerbaijan", "AZE")])
def test_a_region_named_after_a_country_is_not_that_country(kb, surface, country):
    assert {e.country for e in kb.lookup(surface)} == {country}


def test_every_region_row_names_a_known_country(kb):
    for row in iter_tsv("tidings.actors.data", "regions.tsv"):
        assert row["country"] in kb.countries, row
