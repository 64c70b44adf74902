"""From blocks to persons and organisations, and the spellings that would mislead the matcher."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

from petrarch2.authored import Authored, surface_key
from petrarch2.codes import Block, Code, Skip, decode, join_uncoded, read_blocks
from petrarch2.names import (INITIALS, is_institution, person_words, spellings, words_of)
from petrarch2.periods import Org, Person, cameo_of, merge_rows, office_note, overlaps, person_rows, subtract
from petrarch2.rules import COMMON_WORDS, INSTITUTION_WORDS, LOWER_PARTICLES, MEDIA_WORDS, OFFICE_WORDS, PARTY_WORDS

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AUTHORED_FROM = dt.date(2000, 1, 1)  # leaders/*.tsv covers heads of state and government from 2000


def given_names(blocks: list[Block]) -> set[str]:
    """First words of the names of CountryInfo's office holders (all persons): a name in the
    other files that begins with one of them is taken for a person ('EARL_SLACK_ [MNCUSA]')."""
    counts: Counter = Counter()
    for block in blocks:
        if any("CountryInfo" in c for c in block.comments) and not is_institution(block.names[0]):
            words = person_words(block.names[0])
            if len(words) >= 2:
                counts[words[0]] += 1
    return {w for w, n in counts.items() if n >= 2 and w.lower() not in LOWER_PARTICLES
            and w not in INSTITUTION_WORDS and w not in ("ABU", "UMM") and len(w) > 1}


def looks_personal(raw: str, given: set[str]) -> bool:
    words = person_words(raw)
    while words and words[0] in ("ABU", "UMM"):
        words = words[1:]
    if len(words) < 2:
        return False
    return words[0] in given or bool(INITIALS.fullmatch(words[0])) or len(words[0]) == 1


def organisation_words(blocks: list[Block], given: set[str]) -> set[str]:
    """Words of institutions' names ('RELIEF', 'SOLIDARITY', 'WORLDWIDE') that no CountryInfo
    office holder bears: a name with one of them is not a person's."""
    in_bodies: Counter = Counter()
    in_people: set[str] = set()
    for block in blocks:
        words = {p for w in words_of(block.names[0].upper()) for p in w.split("-")}
        if any("CountryInfo" in c for c in block.comments) and not is_institution(block.names[0]):
            in_people |= words
        elif is_institution(block.names[0]):
            in_bodies.update(words)
    return {w for w, n in in_bodies.items() if n >= 2 and w not in in_people and w not in given}


_PERSONAL_NOTE = re.compile(r"spokes|president|chairman|chief|director|head of|secretary|minister|\bCEO\b", re.I)


def classify(block: Block, codes: list[Code], given: set[str], org_words: set[str]) -> str:
    base = block.names[0]
    office_holder = any("CountryInfo" in c for c in block.comments)
    if office_holder and person_words(base)[:1] and person_words(base)[0] in given:
        return "person"  # CountryInfo lists office holders: MICHAEL_CHURCH_ is a minister
    if is_institution(base):
        return "org"
    if block.file == FILES[0] and (any("CountryInfo" in c for c in block.comments) or any(c.dated for c in codes)):
        return "person"
    # the multinational companies list names firms after people ('H.J. Heinz'); its people say who they are
    if any(c.kind == "mnc" for c in codes) and not _PERSONAL_NOTE.search(" ".join(block.comments)):
        return "org"
    words = {p for w in person_words(base) for p in w.split("-")}
    if words & org_words:
        return "org"
    if any(c.dated for c in codes) and len(person_words(base)) >= 2:
        return "person"
    return "person" if looks_personal(base, given) else "org"


def org_kind(code: Code, names: list[str]) -> str:
    words = {p for n in names for w in words_of(n.upper()) for p in w.split("-")}
    if code.kind == "igo":
        return "igo"
    if code.kind == "mnc":
        return "media" if code.sector == "JRN" else "company"
    if code.kind == "img" or code.sector in ("REB", "UAF"):
        return "armed_group"
    if code.sector == "PTY" or words & PARTY_WORDS:
        return "party"
    if code.sector == "JRN" or words & MEDIA_WORDS:
        return "media"
    if code.kind == "ngo":
        return "ngo"
    if code.sector in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY"):
        return "national_body"
    return "company" if code.sector == "BUS" else "ngo"


def is_office(surface: str) -> bool:
    return any(p in OFFICE_WORDS for w in surface.upper().split() for p in (w, *w.split("-")))


def make_org(block: Block, codes: list[Code], stats: Counter) -> Org | None:
    # an organisation has no term in organizations.tsv: its undated code, else its latest one
    code = next((c for c in codes if not c.dated), None) or max(codes, key=lambda c: c.start or dt.date.min)
    if code.kind == "country":
        stats["entry skipped: country or territory name (countries.tsv has them)"] += 1
        return None
    if code.country is None:
        stats["organisation dropped: no country or international code"] += 1
        return None
    country = code.country
    # 'THE_UN_': a leading article is the phrase's, not the name's (and as part of a name it would
    # swallow the article before another name: 'the UN human rights office')
    surfaces = [re.sub(r"^[Tt]he ", "", s) for n in block.names for s in spellings(n, org=True, country=country)]
    if surfaces and is_office(surfaces[0]):
        stats["organisation dropped: an office ('US President'), read by the resolver as country and role"] += 1
        return None
    offices = [s for s in surfaces if is_office(s)]
    if offices:
        stats["organisation spelling dropped: an office ('German Chancellor')"] += len(offices)
        surfaces = [s for s in surfaces if s not in offices]
    if not surfaces:
        stats["organisation dropped: no usable spelling"] += 1
        return None
    return Org(surfaces[0], list(dict.fromkeys(surfaces)), country, code.sector or "GOV", code.others,
               org_kind(code, block.names), cameo_of(code))


def make_person(block: Block, codes: list[Code], horizon: dt.date, stats: Counter) -> Person | None:
    rows = person_rows(codes, horizon, stats)
    if not rows:
        stats["person dropped: no usable code"] += 1
        return None
    country = rows[0].country
    # every spelling without its titles: 'PRESIDENT_BUSH' would stand for whichever Bush the line
    # meant, while 'President' and 'Bush' apart let the resolver pick the one in office
    surfaces = []
    for raw in block.names:
        if is_institution(raw):
            stats["person spelling dropped: names an institution ('Reagan administration')"] += 1
            continue
        surfaces += spellings(" ".join(person_words(raw)), org=False, country=country)
    if not surfaces:
        stats["person dropped: no usable spelling"] += 1
        return None
    return Person(surfaces[0], list(dict.fromkeys(surfaces)), rows, office_note(block, codes))


def convert_actors(source: Path, horizon: dt.date, stats: Counter) -> tuple[list[Person], list[Org], set[str]]:
    blocks = [b for name in FILES for b in join_uncoded(read_blocks(source / name), stats)]
    given = given_names(blocks)
    org_words = organisation_words(blocks, given)
    persons: dict[str, Person] = {}
    orgs: dict[str, Org] = {}
    for block in blocks:
        stats[f"read: {block.file}"] += 1
        codes = []
        for raw in block.codes:
            try:
                codes.append(decode(raw))
            except Skip as why:
                stats[f"code dropped: {why}"] += 1
        if not codes:
            stats["entry dropped: no usable code"] += 1
            continue
        if all(c.kind == "country" for c in codes) and not any(c.sector for c in codes):
            stats["entry skipped: country or territory name (countries.tsv has them)"] += 1
            continue
        if classify(block, codes, given, org_words) == "person":
            person = make_person(block, codes, horizon, stats)
            if person is None:
                continue
            key = surface_key(person.name)
            if key in persons:  # the same person twice (the International file repeats entries)
                known = persons[key]
                known.surfaces = list(dict.fromkeys(known.surfaces + person.surfaces))
                known.rows = merge_rows(known.rows + person.rows)
                stats["person merged with an earlier entry of the same name"] += 1
            else:
                persons[key] = person
        else:
            org = make_org(block, codes, stats)
            if org is None:
                continue
            key = surface_key(org.name)
            if key in orgs:
                orgs[key].surfaces = list(dict.fromkeys(orgs[key].surfaces + org.surfaces))
                stats["organisation merged with an earlier entry of the same name"] += 1
            else:
                orgs[key] = org
    return list(persons.values()), list(orgs.values()), given


def horizon_of(source: Path) -> dt.date:
    """The latest date any code mentions: what the dictionaries know stops there."""
    latest = dt.date.min
    for name in FILES:
        for block in read_blocks(source / name):
            for raw in block.codes:
                try:
                    code = decode(raw)
                except Skip:
                    continue
                latest = max([latest, *(d for d in (code.start, code.end) if d)])
    return latest


def one_word_ok(surface: str, given: set[str]) -> bool:
    """A one-word name stands alone only if it is not an English word or a given name."""
    word = surface.upper()
    return word not in COMMON_WORDS and word not in given and len(word) > 2


def filter_people(persons: list[Person], authored: Authored, given: set[str], stats: Counter) -> list[Person]:
    """Authored files win: rows of a person the leaders files list are clipped to the periods
    outside that person's authored terms (and the person takes the authored name and Wikidata
    QID); a spelling that names a country or an authored organisation is dropped; a spelling
    shared by several people stays only with people who have a dated office (the resolver picks
    the one in office at the article's date) and is dropped where more than three share it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for person in persons:
        for surface in person.surfaces:
            owners[surface_key(surface)].add(surface_key(person.name))
    for key, names in authored.person_surfaces.items():
        owners[key] |= {surface_key(n) for n in names}
    out = []
    for person in persons:
        matches: dict[str, tuple] = {}
        for surface in person.surfaces:
            for match in authored.people.get(surface_key(surface), []) if len(surface.split()) >= 2 else []:
                # the same person: same full name and country, and terms that meet (George H. W. Bush
                # shares 'George Bush' with George W. Bush, but not a period)
                if any(r.country == match[1] and overlaps(r, match[3]) for r in person.rows):
                    matches.setdefault(match[1], match)
        if any(r.country in matches for r in person.rows):
            name, _, qid, _ = next(matches[r.country] for r in person.rows if r.country in matches)
            person.surfaces.insert(0, name)
            person.name, person.wikidata = name, qid or person.wikidata
        rows = []
        for row in person.rows:
            if row.country not in matches:
                rows.append(row)
                continue
            pieces = subtract(row, matches[row.country][3])
            slivers = [p for p in pieces if p != row and p.start and p.end and (p.end - p.start).days < 31]
            if slivers:
                # the source's ranges and the authored terms often differ by days at the edges
                stats["person row piece dropped: under a month left beside an authored term"] += len(slivers)
                pieces = [p for p in pieces if p not in slivers]
            if not pieces:
                stats["person row dropped: an authored leaders term covers it"] += 1
            elif pieces != [row]:
                stats["person row clipped to the periods outside an authored term"] += 1
            rows.extend(pieces)
        if not rows:
            stats["person dropped: authored leaders files cover all its terms"] += 1
            continue
        only_eli = all(r.sector == "ELI" for r in rows)
        kept = []
        for surface in dict.fromkeys(person.surfaces):
            key = surface_key(surface)
            if key in authored.country_surfaces or key in authored.org_surfaces:
                stats["person spelling dropped: names a country or an authored organisation"] += 1
            elif len(surface.split()) == 1 and not one_word_ok(surface, given):
                stats["person spelling dropped: one word that is an English word or a given name"] += 1
            elif len(owners[key] - {surface_key(person.name)}) >= 3:
                stats["person spelling dropped: shared by more than three people"] += 1
            elif (len(surface.split()) == 1 and key in authored.person_surfaces
                  and person.name not in authored.person_surfaces[key]
                  and any((r.end or dt.date.max) >= AUTHORED_FROM for r in rows)):
                # a bare surname in news since 2000 most often means the head of state or government
                # the authored files list ('Clinton': Bill, not Hillary); before 2000 they say nothing
                stats["person spelling dropped: a surname an authored leader has, on terms since 2000"] += 1
            elif only_eli and len(owners[key]) > 1:
                stats["person spelling dropped: shared, on a person with no dated office"] += 1
            else:
                kept.append(surface)
        if person.name not in kept:
            if not kept:
                stats["person dropped: no spelling left"] += 1
                continue
            person.name = kept[0]
        person.surfaces, person.rows = kept, merge_rows(rows)
        out.append(person)
    return out


def filter_orgs(orgs: list[Org], authored: Authored, person_keys: set[str], given: set[str],
                stats: Counter) -> list[Org]:
    """Organisations already in an authored organizations file (any spelling in common) are
    skipped; spellings naming a country, a converted person or another converted organisation
    are dropped, as are one-word spellings that are English words."""
    seen: dict[str, str] = {}
    out = []
    for org in orgs:
        keys = {surface_key(s) for s in org.surfaces}
        if keys & authored.org_surfaces:
            stats["organisation skipped: already in organizations.tsv"] += 1
            continue
        kept = []
        for surface in org.surfaces:
            key = surface_key(surface)
            if key in authored.country_surfaces or key in person_keys:
                stats["organisation spelling dropped: names a country or a person"] += 1
            elif key in seen and seen[key] != surface_key(org.name):
                stats["organisation spelling dropped: another organisation has it"] += 1
            elif (len(surface.split()) == 1 and not (surface.isupper() and len(surface) <= 5 and surface.upper()
                                                      not in COMMON_WORDS) and not one_word_ok(surface, given)):
                stats["organisation spelling dropped: one word that is an English word or a given name"] += 1
            else:
                kept.append(surface)
                seen[key] = surface_key(org.name)
        if not kept:
            stats["organisation dropped: no spelling left"] += 1
            continue
        org.name, org.surfaces = (org.name if org.name in kept else kept[0]), kept
        out.append(org)
    return out
