"""The authored people and organisation lists: well-formed rows, and lookups by name and date."""

import datetime as dt

import pytest

from tidings.actors.knowledge import _date, fold, load_knowledge
from tidings.datafiles import iter_tsv, list_files

_DATA = "tidings.actors.data"
_PEOPLE = f"{_DATA}.people"
_AUTHORED_PEOPLE = ["heads_1945_1999.tsv", "ministers_2000_2026.tsv", "igo_officials.tsv", "figures_2000_2026.tsv"]
_PEOPLE_COLUMNS = ("name", "aliases", "country", "office", "title", "start", "end", "wikidata", "sector")
# PLOVER special codes (organizations.tsv header) and the states of 1945-1999 that no longer exist
_SPECIAL = {"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"}
_FORMER = {"SUN", "YUG", "CSK", "DDR", "YMD"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def codes():
    return {row["iso3"] for row in iter_tsv(_DATA, "countries.tsv")} | _SPECIAL | _FORMER


@pytest.fixture(scope="module")
def sectors():
    """The PLOVER sector codes the project's hand-written lists use."""
    used = {row["sector"] for row in iter_tsv(_DATA, "roles.tsv")}
    used |= {row["sector"] for row in iter_tsv(_DATA, "organizations.tsv")}
    return used - {""}


def _rows(package, name):
    return list(iter_tsv(package, name))


@pytest.mark.parametrize("name", _AUTHORED_PEOPLE)
def test_people_rows_are_well_formed(name, codes, sectors):
    rows = _rows(_PEOPLE, name)
    assert len(rows) > 150
    seen = set()
    for row in rows:
        where = f"{name}:{row['_line']}"
        assert all(row.get(c) is not None for c in _PEOPLE_COLUMNS), where
        assert row["name"] and row["title"] and row["office"], where
        assert row["country"] in codes, where
        assert row["sector"] in sectors, where
        start, end = _date(row["start"]), _date(row["end"], end=True)
        assert start is not None, where
        assert end is None or start <= end, where
        assert not row["wikidata"] or row["wikidata"].startswith("Q"), where
        key = (row["name"], row["country"], row["office"], row["start"])
        assert key not in seen, where
        seen.add(key)


def test_heads_do_not_repeat_terms_in_leaders():
    """A term already in leaders/*.tsv (office holders on 2000-01-01) is not listed again. The title is part of
    the term: Khamenei was president until 1989-08-03 and Supreme Leader from 1989-06-04."""
    leaders = [r for n in list_files(f"{_DATA}.leaders", ".tsv") for r in iter_tsv(f"{_DATA}.leaders", n)]
    terms = {}
    for r in leaders:
        terms.setdefault((fold(r["name"]), r["country"], r["office"], r["title"]), []).append(
            (_date(r["start"]), _date(r["end"], end=True) or dt.date.max))
    for row in _rows(_PEOPLE, "heads_1945_1999.tsv"):
        start, end = _date(row["start"]), _date(row["end"], end=True) or dt.date.max
        for a, b in terms.get((fold(row["name"]), row["country"], row["office"], row["title"]), []):
            assert not (start < b and a < end), f"{row['name']} {row['start']} overlaps leaders/ term {a}"


def test_heads_end_by_2000():
    """Terms here began before 2000; later terms belong to leaders/*.tsv."""
    assert all(_date(r["start"]) < dt.date(2000, 1, 1) for r in _rows(_PEOPLE, "heads_1945_1999.tsv"))


def test_authored_organisations_are_well_formed_and_new(codes, sectors):
    existing = set()
    for row in iter_tsv(_DATA, "organizations.tsv"):
        existing |= {fold(s) for s in [row["name"], *row["aliases"].split("|")] if s}
    rows = _rows(_DATA, "organizations_authored.tsv")
    assert len(rows) > 300
    names = set()
    for row in rows:
        where = f"organizations_authored.tsv:{row['_line']}"
        assert row["country"] in codes and row["sector"] in sectors and row["kind"], where
        assert row["name"] not in names, where
        names.add(row["name"])
        aliases = [a for a in row["aliases"].split("|") if a]
        assert aliases, where
        assert not {fold(a) for a in aliases} & existing, where


@pytest.mark.parametrize("surface,day,country,sector", [
    ("Reagan", "1985-06-01", "USA", "GOV"),
    ("Thatcher", "1985-06-01", "GBR", "GOV"),
    ("Mitterrand", "1990-01-01", "FRA", "GOV"),
    ("Yeltsin", "1995-01-01", "RUS", "GOV"),
    ("Nehru", "1955-01-01", "IND", "GOV"),
    ("Nasser", "1960-01-01", "EGY", "GOV"),
    ("Khomeini", "1985-01-01", "IRN", "GOV"),
    ("Deng Xiaoping", "1985-01-01", "CHN", "GOV"),
    ("Lavrov", "2020-01-01", "RUS", "GOV"),
    ("Blinken", "2022-05-01", "USA", "GOV"),
    ("Gerasimov", "2023-01-01", "RUS", "MIL"),
    ("Zaluzhnyi", "2023-01-01", "UKR", "MIL"),
    ("Pelosi", "2020-01-01", "USA", "LEG"),
    ("Bortnikov", "2022-01-01", "RUS", "SPY"),
    ("Guterres", "2020-01-01", "UNO", "GOV"),
    ("Stoltenberg", "2020-01-01", "IGO", "GOV"),
    ("Stoltenberg", "2010-01-01", "NOR", "GOV"),
    ("Navalny", "2020-01-01", "RUS", "OPP"),
    ("Nasrallah", "2010-01-01", "LBN", "REB"),
    ("Kadyrov", "2020-01-01", "RUS", "GOV"),
])
def test_people_in_office_by_date(kb, surface, day, country, sector):
    when = dt.date.fromisoformat(day)
    current = [e for e in kb.lookup(surface) if e.kind == "leader" and e.in_office(when)]
    assert any(e.country == country and e.sector == sector for e in current), current


def test_same_surname_resolves_by_date(kb):
    def named(day):
        return {e.name for e in kb.lookup("Bush") if e.kind == "leader" and e.in_office(day)}
    assert named(dt.date(1990, 6, 1)) == {"George H. W. Bush"}
    assert named(dt.date(2005, 6, 1)) == {"George W. Bush"}


@pytest.mark.parametrize("surface,country,sector", [
    ("Baltic Fleet", "RUS", "MIL"), ("Seventh Fleet", "USA", "MIL"), ("IRGC Navy", "IRN", "MIL"),
    ("PRI", "MEX", "PTY"), ("Kurdistan Democratic Party", "IRQ", "PTY"), ("Kano State government", "NGA", "GOV"),
    ("Catalan government", "ESP", "GOV"), ("Scottish Government", "GBR", "GOV"), ("Los Zetas", "MEX", "CRM"),
    ("Sky News", "GBR", "JRN"), ("Harvard University", "USA", "EDU"), ("Sinopec", "CHN", "BUS"),
])
def test_authored_organisations(kb, surface, country, sector):
    assert any(e.kind == "org" and e.country == country and e.sector == sector for e in kb.lookup(surface))
