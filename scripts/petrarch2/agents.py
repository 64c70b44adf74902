"""Agents: nouns that denote an actor by what it is ("farmers", "riot police")."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from petrarch2.authored import Authored
from petrarch2.codes import chunks, sectors
from petrarch2.rules import AGENT_SKIP

AGENTS = "Phoenix.agents.txt"
_AGENT = re.compile(r"^(?P<phrase>.*?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~?(?P<code>[A-Z0-9]*)\]\s*$")
_BODY_WORDS = {
    "government", "ministry", "ministries", "parliament", "council", "committee", "agency", "department", "office",
    "court", "police", "army", "force", "party", "union", "company", "corporation", "industry", "bank",
    "authority", "assembly", "administration", "cabinet", "regime", "junta", "militia", "group", "organization",
    "organisation", "movement", "front", "church", "university", "school", "hospital", "media", "press",
    "network", "board", "bureau", "commission", "navy", "military", "legislature", "senate", "congress",
    "tribunal", "service", "unit", "brigade", "battalion", "regiment", "squad", "cell", "gang", "cartel",
    "mafia", "syndicate", "community", "society", "association", "federation", "league", "alliance",
    "coalition", "institute", "foundation", "diocese", "archdiocese", "prison", "jail", "patrol", "guard",
    "gendarmerie", "enforcement", "clergy", "electorate", "business", "establishment", "leadership", "corps",
    "command", "directorate", "secretariat", "presidency", "monarchy", "intelligence", "opposition", "crime",
    "security", "aviation", "infantry", "artillery", "cavalry", "marines", "staff", "personnel", "team",
    "class", "family", "elite", "exchange", "station", "post", "district", "house", "chamber", "mission",
    "embassy", "consulate", "delegation", "faction", "wing", "bloc", "caucus", "conference", "fleet",
}
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee", "ive", "crat", "arch",
                   "ite", "ier", "eer", "ary", "ster", "aut", "ess", "ic", "ot", "ado", "ard", "ain", "al", "iff")


_PREPOSITIONS = re.compile(r" (?:of|in|for|to|at|on|from|with) ")
# PETRARCH2 stems: a phrase ending in one matches the word's forms ('FOOD_MINIST')
_STEMS = {"minist": ("minister", "ministers", "ministry", "ministries"), "authorit": ("authority", "authorities"),
          "industr": ("industry", "industries"), "compan": ("company", "companies")}


def already_plural(word: str) -> bool:
    return word.endswith(("men", "ren", "people", "ies", "troops")) or (word.endswith("s") and not word.endswith(
        ("ss", "us", "is", "ics")))


def plural_of(phrase: str) -> str | None:
    """PETRARCH2's regular plural of the head noun ('commander in chief' -> 'commanders in chief');
    None where the head is already plural or an abbreviation ('gen.')."""
    found = _PREPOSITIONS.search(phrase)
    head, tail = (phrase[:found.start()], phrase[found.start():]) if found else (phrase, "")
    words = head.split(" ")
    last = words[-1]
    if already_plural(last) or last.endswith("."):
        return None
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("child"):
        last += "ren"
    elif last.endswith("arch"):
        last += "s"  # monarchs, hierarchs
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last]) + tail


def _term(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip().lower()


def agent_kind(term: str, plural: bool) -> str:
    found = _PREPOSITIONS.search(term)
    last = (term[:found.start()] if found else term).split(" ")[-1]  # the head noun
    if last in _BODY_WORDS or last.rstrip("s") in _BODY_WORDS or last.endswith(("business", "businesses")):
        return "body"
    if plural:
        return "group"
    return "person" if last.endswith(_PERSON_ENDINGS) or last in _PERSON_NOUNS else "body"


_PERSON_NOUNS = {"chief", "head", "boss", "spy", "envoy", "monk", "priest", "nun", "cleric", "imam", "mullah",
                 "rabbi", "bishop", "pope", "judge", "thief", "child", "citizen", "civilian", "sheikh", "emir",
                 "king", "queen", "prince", "princess", "sultan", "chef", "guru", "lama", "hostage", "cadet",
                 "recruit", "soldier", "pilot", "marine", "sniper", "pirate", "thug", "convict", "felon",
                 "crook", "bandit", "outlaw", "nurse", "doctor", "medic", "surgeon", "student", "pupil",
                 "scholar", "expert", "aide", "deputy", "spokesperson", "delegate", "diplomat", "consul",
                 "attache", "captain", "colonel", "general", "admiral", "sergeant", "corporal", "private",
                 "lieutenant", "major", "commando", "guerrilla", "militant", "jihadi", "jihadist", "mujahid",
                 "refugee", "migrant", "immigrant", "exile", "evacuee", "defector", "dissident", "activist",
                 "victim", "villager", "resident", "peasant", "farmer", "youth", "girl", "boy", "mother",
                 "infant", "widow", "orphan", "veteran", "hero", "martyr", "candidate", "nominee", "heir",
                 "tycoon", "magnate", "mogul", "official", "cop", "sheriff", "detective", "agent", "ranger",
                 "warden", "smuggler", "kidnapper", "abductor", "hijacker", "bomber", "gunman", "sailor",
                 "prelate", "cardinal", "ayatollah", "hojatoleslam", "mufti", "qadi", "sadhu", "swami"}


def read_agents(path: Path, stats: Counter) -> list[tuple[str, str, tuple[str, ...], str, bool]]:
    """(term, sector, other sectors, CAMEO code, plural) for every surface form: `!PERSON!`-style
    sets expand to each of their words, written onto the phrase ('CATTLE!PERSON!' -> cattleman,
    cattlemen, cattlewoman ...); `{...}` gives the plurals ('{}' none), otherwise the regular
    plural is formed as PETRARCH2 does."""
    sets: dict[str, list[str]] = {}
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        text = raw.partition("#")[0].strip()
        if not text:
            continue
        if text.startswith("!") and "=" in text:
            name, _, values = text.partition("=")
            sets[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = _AGENT.match(text)
        if not match:
            stats["agent line dropped: no code"] += 1
            continue
        code = match["code"]
        found = sectors(chunks(code)) if code else []
        if not found:
            stats[f"agent line dropped: code {code or '(empty)'} has no PLOVER sector"] += 1
            continue
        phrase = match["phrase"]
        forms: list[tuple[str, bool]] = []
        macro = re.search(r"![A-Z]+!", phrase)
        if macro:
            for value in sets.get(macro.group(0), []):
                forms.append((_term(phrase.replace(macro.group(0), value)),
                              value.endswith(("MEN", "S")) or value == "PEOPLE"))
        elif _term(phrase).split(" ")[-1] in _STEMS:
            term = _term(phrase)
            stem = term.split(" ")[-1]
            forms += [(term[: -len(stem)] + word, word.endswith("s")) for word in _STEMS[stem]]
        else:
            term = _term(phrase)
            forms.append((term, already_plural(term.split(" ")[-1])))
            if match["plural"] is None:
                if plural_of(term):
                    forms.append((plural_of(term), True))
            else:
                forms += [(_term(p), True) for p in match["plural"].split(",") if p.strip()]
        for term, plural in forms:
            out.append((term, found[0], tuple(found[1:]), "~" + code, plural))
    return out


def convert_agents(source: Path, authored: Authored, stats: Counter) -> list[tuple[str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str]] = {}
    # first words of authored terms whose rest is a term of another sector: 'opposition' of
    # 'opposition leader' (OPP), as 'leader' alone is GOV
    roles = authored.role_terms
    openers = {t.split(" ", 1)[0] for t, sector in roles.items()
               if " " in t and roles.get(t.split(" ", 1)[1], sector) != sector}
    for term, sector, others, code, plural in read_agents(source / AGENTS, stats):
        if not re.fullmatch(r"[a-z0-9][a-z0-9 .'/-]*[a-z0-9.]", term):
            stats["agent term dropped: not a plain phrase"] += 1
        elif re.match(r"(?:a|an|the) ", term) or re.search(r" (?:of|to|for|in|and)$", term):
            stats["agent term dropped: a fragment (leading article or trailing preposition)"] += 1
        elif term in authored.role_terms:
            stats["agent term skipped: already in roles.tsv"] += 1
        elif term in AGENT_SKIP:
            stats["agent term skipped: generic or misleading (reviewed list)"] += 1
        elif " " in term and term.rsplit(" ", 1)[1] in openers:
            # the matcher takes the longest term from the left: 'exiled opposition' would split
            # 'exiled opposition leader' before the authored 'opposition leader', leaving 'leader'
            stats["agent term skipped: would split an authored term ('exiled opposition' + 'leader')"] += 1
        elif term in rows:
            stats["agent term dropped: duplicate"] += 1
        else:
            note = f"PETRARCH2 {code}" + (f"; also {', '.join(others)}" if others else "")
            rows[term] = (term, sector, agent_kind(term, plural), note)
    return sorted(rows.values())
