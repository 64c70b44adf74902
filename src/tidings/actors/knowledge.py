"""Actor knowledge: countries, organisations, people in office by date, roles, collectives.

All of it is versioned data in ``tidings/actors/data`` (sources and licences in each file's
header). ``load_knowledge()`` reads it once per process into a surface-form index.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from pathlib import Path

from tidings.datafiles import iter_tsv, iter_tsv_text, list_files
from tidings.errors import ConfigError, DataError

_PKG = "tidings.actors.data"


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a surface form can refer to."""

    kind: str  # country, adjective, capital, org, leader, role, collective
    name: str
    country: str | None
    sector: str | None = None
    wikidata: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    title: str | None = None
    detail: str | None = None  # org kind, role kind, leader office

    def in_office(self, when: dt.date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


def fold(text: str) -> str:
    """Case-preserving ASCII fold: 'Erdoğan' -> 'Erdogan', 'Türkiye' -> 'Turkiye'."""
    if text.isascii():
        return text
    text = text.replace("’", "'").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _date(text: str, *, end: bool = False) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


@dataclass
class Knowledge:
    """Surface form -> entries. Names are matched case-sensitively (after folding accents);
    roles and collectives in lower case."""

    names: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    lower: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)
    lower_first: set[str] = field(default_factory=set)
    longest: dict[str, int] = field(default_factory=dict)  # first word -> most tokens a name from it spans

    def add(self, surface: str, entry: Entry, *, lower: bool = False) -> None:
        key = fold(surface).lower() if lower else fold(surface)
        self.lower_first.add(key.split(" ", 1)[0].lower())
        index = self.lower if lower else self.names
        if entry not in index[key]:
            index[key].append(entry)
        # the parser may cut a name into more tokens than its words ("People 's", "U.S.-led")
        first, tokens = self._first(key), len(key.replace("-", " - ").split())
        self.longest[first] = max(self.longest.get(first, 0), tokens + 2)

    @staticmethod
    def _first(word: str) -> str:
        """A name's or token's first word as names are indexed by it: folded, lower case, cut at
        a hyphen or apostrophe."""
        return fold(word).lower().replace("-", " ").replace("'", " ").split(" ", 1)[0]

    def longest_from(self, word: str) -> int:
        """The most tokens a known name beginning with this word can span (0: none begins so)."""
        return self.longest.get(self._first(word), 0)

    def has_lower_prefix(self, surface: str) -> bool:
        """Whether a lower-case multi-word phrase could be a role or collective at all."""
        return surface.split(" ", 1)[0].lower() in self.lower_first

    def lookup(self, surface: str) -> list[Entry]:
        folded = fold(surface)
        found = list(self.names.get(folded, ()))
        if not found and folded[:1].isupper() and not folded.isupper() and folded != folded.title():
            found = list(self.names.get(folded.title(), ()))  # "Islamic state" -> "Islamic State"
        return found + list(self.lower.get(folded.lower(), ()))

    def country_name(self, code: str | None) -> str | None:
        entry = self.countries.get(code or "")
        return entry.name if entry else None


def _add_organizations(kb: Knowledge, rows) -> None:
    for row in rows:
        org = Entry("org", row["name"], row["country"] or None, row["sector"] or None,
                    row.get("wikidata") or None, detail=row.get("kind") or None)
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            kb.add(surface, org)


def _add_people(kb: Knowledge, rows) -> None:
    for row in rows:
        try:
            start, end = _date(row["start"]), _date(row.get("end", ""), end=True)
        except ValueError:
            continue
        person = Entry("leader", row["name"], row["country"], row.get("sector") or "GOV",
                       row.get("wikidata") or None, start, end, row.get("title") or None,
                       row.get("office") or None)
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            kb.add(surface, person)


def _add_roles(kb: Knowledge, rows) -> None:
    for row in rows:
        kb.add(row["term"], Entry("role", row["term"], None, row["sector"] or None,
                                  detail=row.get("kind") or None), lower=True)


_REQUIRED = {"organizations": ("name", "country", "sector"), "people": ("name", "country", "start"),
             "roles": ("term", "sector")}
_ADD = {"organizations": _add_organizations, "people": _add_people, "roles": _add_roles}


def _add_folder(kb: Knowledge, folder: Path) -> None:
    """A user's own actor files: ``organizations*.tsv``, ``people*.tsv`` and ``roles*.tsv`` in the
    formats of the packaged files (README, "Actor knowledge")."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: no such folder of actor files (setting actors)", code="E409")
    for path in sorted(folder.rglob("*.tsv")):
        kind = next((k for k in _ADD if path.name.startswith(k)), None)
        if kind is None:
            raise ConfigError(f"{path}: an actor file is named organizations*.tsv, people*.tsv or roles*.tsv",
                              code="E409")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"{path}: cannot be read ({exc})", code="E301") from None
        _ADD[kind](kb, iter_tsv_text(text, where=str(path), required=_REQUIRED[kind]))


@cache
def load_knowledge(folders: tuple[str, ...] = ()) -> Knowledge:
    """The packaged knowledge, and the user's own actor files in ``folders`` (setting actors)."""
    kb = Knowledge()
    for row in iter_tsv(_PKG, "countries.tsv", required=("iso3", "name")):
        code, qid = row["iso3"], row.get("wikidata") or None
        aliases = _split(row.get("aliases", ""))
        # ISO names such as "Iran, Islamic Republic of" are labels; news says "Iran".
        display = aliases[0] if "," in row["name"] and aliases else row["name"]
        ended = _date(row.get("ended", ""), end=True)  # a former state (Soviet Union): its last day
        country = Entry("country", display, code, "GOV", qid, end=ended)
        kb.countries[code] = country
        for surface in [row["name"], *aliases]:
            kb.add(surface, country)
        for surface in _split(row.get("adjectives", "")):
            kb.add(surface, Entry("adjective", display, code, None, qid, end=ended))
        for surface in _split(row.get("capitals", "")):
            kb.add(surface, Entry("capital", surface, code, "GOV", None, end=ended))
    # regions whose names hold another country's ("New Mexico", "Inner Mongolia"): named as the
    # country they belong to, as its capital is
    for row in iter_tsv(_PKG, "regions.tsv", required=("name", "country")):
        kb.add(row["name"], Entry("capital", row["name"], row["country"], "GOV"))
    # organizations*.tsv: the authored lists and lists converted from other projects
    for name in (n for n in list_files(_PKG, ".tsv") if n.startswith("organizations")):
        _add_organizations(kb, iter_tsv(_PKG, name, required=_REQUIRED["organizations"]))
    # People by office term: leaders/ (heads of state and government) and people/ (ministers,
    # commanders, speakers, IGO officials, party leaders ...; a `sector` column, GOV when empty)
    for folder in ("leaders", "people"):
        for name in list_files(f"{_PKG}.{folder}", ".tsv"):
            _add_people(kb, iter_tsv(f"{_PKG}.{folder}", name, required=_REQUIRED["people"]))
    for name in (n for n in list_files(_PKG, ".tsv") if n.startswith("roles")):
        _add_roles(kb, iter_tsv(_PKG, name, required=_REQUIRED["roles"]))
    for row in iter_tsv(_PKG, "collectives.tsv", required=("term", "country")):
        kb.add(row["term"], Entry("collective", row["term"], row["country"] or None,
                                  row.get("sector") or None), lower=True)
    for folder in folders:
        _add_folder(kb, Path(folder).expanduser())
    return kb
