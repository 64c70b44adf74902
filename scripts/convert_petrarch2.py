"""Convert PETRARCH2's Phoenix dictionaries into Tidings actor knowledge.

Run by a maintainer when the conversion rules change; the output is shipped, so Tidings never
reads the dictionaries at run time:

    python scripts/convert_petrarch2.py --source ../shared/knowledge/petrarch2

Reads the four Phoenix files (TABARI format: a base name, `+` spelling lines, `_` for spaces,
codes in brackets with optional date restrictions) and writes

  src/tidings/actors/data/people/petrarch2_people.tsv   one row per person per dated code
  src/tidings/actors/data/organizations_petrarch2.tsv   IGOs, NGOs, armed groups, parties, companies
  src/tidings/actors/data/roles_petrarch2.tsv           agent nouns -> sector

Every decision that drops or changes an entry is counted and printed; the rules are documented
where they are applied and in the header of each output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src/tidings/actors/data"
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent)]

from petrarch2_rules import (  # noqa: E402  (the rule tables live next to this script)
    AGENT_SKIP, COMMON_WORDS, INSTITUTION_WORDS, LOWER_PARTICLES, MEDIA_WORDS, MONTHS, OFFICE_WORDS, PARTY_WORDS,
    REGIONS, RELIGIONS, RENAMED, SECTORS, SUBCODES, SUCCESSION, TERRITORIES, TITLES,
)

from tidings.actors.knowledge import fold  # noqa: E402

COMMIT = "676801c"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENTS = "Phoenix.agents.txt"
# Longer spellings are descriptions, rarely written verbatim, and every extra token slows the matcher,
# which tries names up to the longest one (counted as it counts them, a hyphen being a token): 13
# is the longest in the authored files.
MAX_TOKENS = 13
KEEP_IF_LARGE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY", "ELI"}
SIZE_LIMIT = 4_000_000
AUTHORED_FROM = dt.date(2000, 1, 1)  # leaders/*.tsv covers heads of state and government from 2000


# ---------------------------------------------------------------------------------------------
# Reading the dictionary format
# ---------------------------------------------------------------------------------------------

@dataclass
class Block:
    """One base actor with its `+` spellings and its codes, as PETRARCH2's reader groups them."""

    file: str
    line: int
    names: list[str]
    codes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    last: int = 0  # the number of its last line


_CODE = re.compile(r"\[([^\[\]]*)\]")


def read_blocks(path: Path) -> list[Block]:
    """PETRARCH2's read_actor_dictionary: a line that is neither a `+` spelling nor a code line
    starts a new actor; codes (on the base line or on lines of their own) belong to the actor
    last started. A base name with no code line before the next base name has no codes."""
    blocks: list[Block] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text, _, comment = raw.partition("#")
        stripped = text.strip()
        if not stripped:
            continue
        codes = _CODE.findall(stripped)
        head = stripped.split("[", 1)[0].strip()
        if stripped.startswith("["):
            if blocks:
                blocks[-1].codes.extend(codes)
                blocks[-1].comments.append(comment.strip())
                blocks[-1].last = number
            continue
        if stripped.startswith("+"):
            if blocks:
                blocks[-1].names.append(head[1:].strip())
                blocks[-1].codes.extend(codes)
                blocks[-1].last = number
            continue
        blocks.append(Block(path.name, number, [head], codes, [comment.strip()], number))
    return blocks


def join_uncoded(blocks: list[Block], stats: Counter) -> list[Block]:
    """A base name without codes directly followed (no blank line) by another base name is a
    spelling of the same actor written without its '+': LEONID_BREZHNEV_, LEONID_ILYICH_BREZHNEV,
    SECRETARY_BREZHNEV, then the codes. PETRARCH2 itself would leave the first lines without a code;
    the file's intent is one actor. A name followed by a blank line stays alone (and codeless)."""
    out: list[Block] = []
    pending: Block | None = None
    for block in blocks:
        if pending is not None and block.line == pending.last + 1:
            block = Block(pending.file, pending.line, pending.names + block.names, block.codes,
                          pending.comments + block.comments, block.last)
            stats["entry without codes joined to the entry that follows it"] += 1
        elif pending is not None:
            out.append(pending)
        pending = block if not block.codes else None
        if block.codes:
            out.append(block)
    if pending is not None:
        out.append(pending)
    return out


# ---------------------------------------------------------------------------------------------
# Codes and dates
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Code:
    raw: str
    country: str | None  # ISO3 or a PLOVER special code; None for a bare sector such as [ELI]
    sector: str | None  # PLOVER sector; None when the code names only a country or region
    others: tuple[str, ...]  # PLOVER sectors of the secondary CAMEO codes
    start: dt.date | None
    end: dt.date | None
    dated: bool
    kind: str  # country, person_or_body, igo, ngo, mnc, img


class Skip(Exception):
    """An entry or code that cannot be mapped; the message is the reason counted in the output."""


def parse_date(text: str) -> dt.date:
    """YYMMDD (two-digit years 00-30 are 20xx, others 19xx: the dictionaries end in 2015 and
    reach back to the 1910s; a range whose start would follow its end starts a century earlier)
    or YYYYMMDD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise Skip("unparseable date")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        text = f"{year}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise Skip("impossible date") from None


def split_dates(text: str) -> tuple[dt.date | None, dt.date | None, bool]:
    """'a-b' (both days included), '>a' (from a), '<b' (before b) or a bare date, read as a start
    ('[USAGOV 19820101] # entered Foreign Service'). Returns (start, end, dated)."""
    text = text.replace(" ", "")
    if not text:
        return None, None, False
    if text.startswith(">"):
        return parse_date(text[1:]), None, True
    if text.startswith("<"):
        return None, parse_date(text[1:]) - dt.timedelta(days=1), True
    if "-" in text:
        first, _, last = text.partition("-")
        start, end = parse_date(first), parse_date(last)
        if start > end and len(first) == 6 and start.year >= 2000:
            start = start.replace(year=start.year - 100)  # '300101-620302': 1930 to 1962
        if start > end:
            raise Skip("range ends before it starts")
        return start, end, True
    return parse_date(text), None, True


def _chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def _sectors(chunks: list[str]) -> list[str]:
    out: list[str] = []
    for chunk in chunks:
        sector = SECTORS.get(chunk) or ("REL" if chunk in RELIGIONS else None)
        if sector and sector not in out:
            out.append(sector)
    return out


def decode(raw: str) -> Code:
    """A CAMEO code with its date restriction -> country, primary sector, secondary sectors.

    The first three letters name the country (ISO3, or CAMEO's own code for a few, see RENAMED;
    a dependency right after its state, USAASM, is coded as the state, as the PLOVER manual
    lists dependencies under the controlling state). The first sector code after the country is
    the primary sector; later ones go to other_sectors (AFGGOVAGR: GOV, an agriculture minister).
    International codes follow organizations.tsv: IGOUNO... -> UNO, IGOEUREEC -> EUR, other
    IGOs -> IGO with sector GOV unless a JUD/LEG/MIL/COP/HLH code says otherwise; NGO... -> NGO
    with SOC unless medical (MED), press (JRN) or religious (REL); MNC... -> MNC with BUS."""
    parts = raw.split(None, 1)
    if not parts:
        raise Skip("empty code")
    code, dates = parts[0].upper(), parts[1] if len(parts) > 1 else ""
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z0-9]{3})*", code) or code == "---":
        raise Skip("malformed code")
    start, end, dated = split_dates(dates)
    chunks = _chunks(code)
    head, rest = chunks[0], chunks[1:]
    if head == "IGO":
        country = "IGO"
        if rest[:1] == ["UNO"] and not {"WBK", "IMF"} & set(rest):
            country = "UNO"  # the World Bank is coded IGOUNOWBK but organizations.tsv has it as IGO
        elif rest[:2] == ["EUR", "EEC"] or rest == ["EUR"]:
            country = "EUR"  # only the EU itself: IGOEURCOE (Council of Europe), IGOEURSCE (OSCE) stay IGO
        found = _sectors(rest)
        primary = next((s for s in found if s in ("JUD", "LEG", "MIL", "COP", "MED")), "GOV")
        return Code(raw, country, primary, _rest(found, primary), start, end, dated, "igo")
    if head == "NGO":
        found = _sectors(rest)
        primary = next((s for s in found if s in ("MED", "JRN", "REL")), "SOC")
        return Code(raw, "NGO", primary, _rest(found, primary), start, end, dated, "ngo")
    if head == "MNC":
        found = _sectors(rest)
        primary = "JRN" if "JRN" in found else "BUS"
        return Code(raw, "MNC", primary, _rest(found, primary), start, end, dated, "mnc")
    if head in ("IMG", "INT"):
        # IMG: transnational militarised groups; INT...REB: groups the source calls international
        found = _sectors(rest)
        primary = next((s for s in found if s in ("REB", "UAF", "MIL", "GOV", "OPP", "PTY")), "REB" if head == "INT" else "UAF")
        if head == "INT" and not {"REB", "UAF"} & set(found):
            raise Skip("international code without an armed sector")
        return Code(raw, "IMG", primary, _rest(found, primary), start, end, dated, "img")
    if head in SECTORS and head not in RENAMED and len(chunks) == 1:
        # a bare sector ([ELI] after an IGO term): the country comes from the person's other codes
        return Code(raw, None, SECTORS[head], (), start, end, dated, "person_or_body")
    if head in REGIONS and head not in _KNOWN:
        raise Skip("regional code without a country")
    if head in RELIGIONS and head not in _KNOWN:
        raise Skip("religion code without a country")
    if head in TERRITORIES:
        head, rest = TERRITORIES[head], rest
    country = RENAMED.get(head, head)
    if country is None:
        raise Skip("CAMEO country code with no PLOVER equivalent")
    if country not in _KNOWN:
        raise Skip("unknown country code")
    if rest and ((head, rest[0]) in SUBCODES or (head, "*") in SUBCODES):
        country = SUBCODES.get((head, rest[0])) or SUBCODES[(head, "*")]
        rest = rest[1:] if rest[0] not in SECTORS else rest
    elif rest and rest[0] in TERRITORIES:
        country, rest = TERRITORIES[rest[0]], rest[1:]
    found = _sectors(rest)
    if not found:
        return Code(raw, country, None, (), start, end, dated, "country")
    return Code(raw, country, found[0], tuple(found[1:]), start, end, dated, "person_or_body")


def _rest(found: list[str], primary: str) -> tuple[str, ...]:
    return tuple(s for s in found if s != primary)


_KNOWN: set[str] = set()  # ISO3 codes of countries.tsv, filled by main()


# ---------------------------------------------------------------------------------------------
# Names: natural case from the underscored upper-case form
# ---------------------------------------------------------------------------------------------

_ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")
# Name particles written in lower case inside names ("Bashar al-Assad", "Ursula von der Leyen");
# English function words are lower case only in organisation names.
_NAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul", "bin", "bint", "ibn", "de", "da",
                   "das", "do", "dos", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "y"}
# In East and South-East Asian names "Van", "Le", "Da" are name parts, not particles.
_NO_PARTICLES = {"VNM", "CHN", "TWN", "HKG", "KOR", "PRK", "JPN", "KHM", "LAO", "MMR", "THA", "MNG"}


def words_of(raw: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", raw.strip().strip("_")) if w]


def _cap(part: str) -> str:
    if "'" in part:
        head, _, tail = part.partition("'")
        if len(head) <= 1:  # O'Neill, D'Escoto, 'Aziz
            return head.upper() + "'" + _cap(tail) if tail else head.upper() + "'"
        return _cap(head) + "'" + tail.lower()  # People's, Baha'i
    if part.startswith("MC") and len(part) > 3 and part[2:].isalpha():
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


_ABBREVIATIONS = {"US", "UK", "UN", "EU", "USA", "UAE", "NATO", "JR.", "SR."}


def case_word(word: str, *, first: bool, org: bool, particles: bool) -> str:
    if any(c.isdigit() for c in word) or _INITIALS.fullmatch(word) or len(word) == 1 or word in _ROMAN:
        return word
    if word in _ABBREVIATIONS:
        return word.capitalize() if word.endswith(".") else word
    if org and word.isupper() and (not re.search(r"[AEIOUY]", word) or "&" in word or (
            "/" in word and all(len(p) <= 4 for p in word.split("/")))):
        return word  # BBC, AT&T, DHKP/C
    if "/" in word:
        return "/".join(case_word(p, first=first, org=org, particles=particles) for p in word.split("/"))
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        low = part.lower()
        if not part:
            out.append(part)
        elif particles and low in _NAME_PARTICLES and not (first and i == 0) and i < len(parts) - 1 or \
                particles and low in _NAME_PARTICLES and not first and len(parts) == 1:
            out.append(low)
        elif (org or low in ("of", "the", "and")) and low in LOWER_PARTICLES and not first and len(parts) == 1:
            out.append(low)
        else:
            out.append(_cap(part))
    return "-".join(out)


def natural_case(words: list[str], *, org: bool, country: str | None = None) -> str:
    """RECEP TAYYIP ERDOGAN -> Recep Tayyip Erdogan; BASHAR AL-ASSAD -> Bashar al-Assad;
    ANIMAL LIBERATION FRONT -> Animal Liberation Front; a one-word organisation of up to five
    letters is an acronym (UNDP, MONUC)."""
    if org and len(words) == 1 and words[0].isalpha():
        return words[0] if len(words[0]) <= 5 else _cap(words[0])
    if len(words) == 1 and words[0].isalpha() and not re.search(r"[AEIOUY]", words[0].upper()):
        return words[0].upper()  # FDR, JFK
    particles = country not in _NO_PARTICLES
    return " ".join(case_word(w, first=i == 0, org=org, particles=particles) for i, w in enumerate(words))


def capitalised(name: str) -> str:
    """The same name with every particle capitalised ('Bashar Al-Assad'), as some outlets write it."""
    return " ".join("-".join(p[:1].upper() + p[1:] if p.lower() in _NAME_PARTICLES else p for p in w.split("-"))
                    for w in name.split(" "))


def spellings(raw: str, *, org: bool, country: str | None) -> list[str]:
    """The surfaces one dictionary line gives: the name in natural case, the variant with
    capitalised particles, and a parenthesised acronym ('ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_')."""
    out: list[str] = []
    raw = clean(raw, org=org)
    acronyms = re.findall(r"\(([^()]*)\)", raw)
    raw = re.sub(r"\([^()]*\)", " ", raw)
    words = words_of(raw)
    if words:
        name = natural_case(words, org=org, country=country)
        out += [name, capitalised(name)]
        if org and name.split("-", 1)[0].lower() in _NAME_PARTICLES:
            out.append(name[:1].lower() + name[1:])  # "al-Qaida in Iraq" in running text
        if org and len(words) == 1 and words[0].isalpha():
            out += [words[0].upper(), _cap(words[0].upper())]  # UNAMID and Unamid, NATO and Nato
    for acronym in acronyms:
        acronym = acronym.strip("_ ")
        if re.fullmatch(r"[A-Z][A-Z0-9/-]{1,6}", acronym):
            out.append(acronym)
    return list(dict.fromkeys(s for s in out if _usable(s)))


def clean(raw: str, *, org: bool) -> str:
    """Repairs for the source's typing: backticks for apostrophes ('QABUS_IBN_SA`ID_'), quoted
    nicknames ('OSMAN_HASSAN_ALI_"ATO"'), unclosed notes ('STANKO_TODOROV (ACTING_'), and in a
    personal name what follows a comma, except a generational suffix ('ERIC_H._HOLDER,_JR._')."""
    raw = raw.replace("`", "'")
    raw = re.sub(r'"[^"]*"?', " ", raw)
    raw = re.sub(r"\([^()]*$", " ", raw)
    if not org and "," in raw:
        head, _, tail = raw.partition(",")
        suffix = words_of(tail.upper())[:1]
        raw = head + (f" {suffix[0]}" if suffix and suffix[0].rstrip(".") in ("JR", "SR") else "")
    return raw


def _usable(surface: str) -> bool:
    words = {w.upper() for w in surface.split()}
    if words & MONTHS and any(w.isdigit() for w in words):
        return False  # '21 June', '17 November': a date in running text
    return (all(c.isalpha() or c.isdigit() or c in " .'&/-," for c in surface)
            and sum(c.isalpha() for c in surface) >= 2 and len(surface.replace("-", " - ").split()) <= MAX_TOKENS)


def person_words(raw: str) -> list[str]:
    """The words of a personal name without leading titles: VICE_PRESIDENT_GERALD_FORD -> GERALD FORD."""
    words = words_of(re.sub(r"\([^()]*\)", " ", clean(raw, org=False).upper()))
    while words and (words[0] in TITLES or all(p in TITLES for p in words[0].split("-"))):
        words = words[1:]
    return words


def is_institution(raw: str) -> bool:
    words = person_words(raw)
    return not words or any(p in INSTITUTION_WORDS for w in words for p in w.split("-"))


# ---------------------------------------------------------------------------------------------
# Persons and bodies
# ---------------------------------------------------------------------------------------------

@dataclass
class Row:
    country: str
    sector: str
    others: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    ongoing: bool  # the source gives no end: the term runs to its horizon
    cameo: str


@dataclass
class Person:
    name: str
    surfaces: list[str]
    rows: list[Row]
    office: str
    wikidata: str = ""


@dataclass
class Org:
    name: str
    surfaces: list[str]
    country: str
    sector: str
    others: tuple[str, ...]
    kind: str
    cameo: str


_CURATOR = re.compile(r"(?i:CountryInfo\.txt|IGOrulers\.txt|NGO[_ ]Actors)|Source:.*|\b(?:MleH|ELH|CTA|BK|kkl|KKL)\b|"
                      r"\b\d{1,2} [A-Z][a-z]{2} \d{2,4}\b|\bet al\.|\bed\.|\+|,|\$[\d ,.]+")


# the curators' notes to themselves, not about the office
_REMARK = re.compile(r"(?i)^(?:http|recoded|maybe|disambig|office$)|need|timestamp|made (?:that|it) up|unclear|"
                     r"\best\b|\bpt\.|mostly|^\W")


def office_note(block: Block, codes: list[Code]) -> str:
    """The curator's comment when it says what the person does ('World Health Organization',
    'Union Carbide spokesman'), without curators' initials, dates and source file names; only
    where the person has one office code, as a comment cannot say which of several it is about."""
    if len({cameo_of(c) for c in codes if c.sector != "ELI"}) > 1:
        return ""
    for comment in block.comments:
        text = re.sub(r"\s+", " ", _CURATOR.sub(" ", comment.replace("#", " ").replace("_", " "))).strip(" .;:-")
        half = text[: len(text) // 2]
        if text == f"{half} {half}":
            text = half  # the same note on two code lines
        if len(text) >= 2 and not _REMARK.search(text):
            return text
    return ""


def cameo_of(code: Code) -> str:
    return code.raw.split()[0].upper()


def _day_before(day: dt.date | None) -> dt.date | None:
    return None if day is None else day - dt.timedelta(days=1)


def _gaps(intervals: list[tuple[dt.date | None, dt.date]], horizon: dt.date) -> list[tuple[dt.date | None, dt.date]]:
    """The periods up to the horizon that no interval covers (PETRARCH2 applies an undated code
    whenever no dated code applies)."""
    gaps: list[tuple[dt.date | None, dt.date]] = []
    cursor: dt.date | None = None  # start of the uncovered period; None = the beginning of time
    for start, end in sorted(intervals, key=lambda iv: iv[0] or dt.date.min):
        if start is not None and (cursor is None or cursor < start):
            gaps.append((cursor, start - dt.timedelta(days=1)))
        cursor = max(cursor or dt.date.min, end + dt.timedelta(days=1))
    if cursor is None or cursor <= horizon:
        gaps.append((cursor, horizon))
    return gaps


def person_rows(codes: list[Code], horizon: dt.date, stats: Counter) -> list[Row]:
    """Dated codes become office terms. Open ends (>date) and undated codes stop at the source's
    horizon, the latest date it mentions: it knows nothing later. An ELI code of a person who also
    has other codes adds no row: outside every term Tidings' resolver already codes a known person
    as ELI of the same country, which is what PETRARCH2's undated [ELI] says, and an ELI row would
    compete with namesakes in office (the resolver prefers the current entry that ends latest)."""
    known = [c for c in codes if c.country]
    if not known:
        stats["person code dropped: no country"] += len(codes)
        return []
    latest = max(known, key=lambda c: c.start or c.end or dt.date.min)
    codes = [c if c.country else Code(c.raw, latest.country, c.sector, c.others, c.start, c.end, c.dated, c.kind)
             for c in codes]
    usable = []
    for code in codes:
        if code.sector is None:
            stats["person code dropped: country without sector"] += 1
        elif code.start is not None and code.start > horizon:
            stats["person code dropped: starts after the horizon"] += 1
        else:
            usable.append(code)
    main = [c for c in usable if c.sector != "ELI"]
    rows = _code_rows(main or usable, horizon)
    if main:
        # ELI periods matter only where the resolver's rule would give the wrong country: after a
        # federation's end (Gorbachev: SUN GOV to 1991, then RUS ELI) or a move (Stoph: DDR, then DEU)
        countries = {r.country for r in rows}
        eli = [r for r in _code_rows([c for c in usable if c.sector == "ELI"], horizon, covered=rows)
               if r.country not in countries]
        stats["person ELI code left to the resolver's out-of-office rule"] += len(usable) - len(main) - bool(eli)
        rows += eli
    return merge_rows(rows)


def _code_rows(codes: list[Code], horizon: dt.date, covered: list[Row] = ()) -> list[Row]:
    """Rows for the dated codes, then for each undated code the periods nothing else covers."""
    rows = [Row(c.country, c.sector, c.others, c.start, min(c.end or horizon, horizon), c.end is None, cameo_of(c))
            for c in codes if c.dated]
    spans = [(r.start, r.end) for r in [*covered, *rows]]
    for code in (c for c in codes if not c.dated):
        for start, end in (_gaps(spans, horizon) if spans else [(None, horizon)]):
            rows.append(Row(code.country, code.sector, code.others, start, end, end == horizon, cameo_of(code)))
    return [piece for row in rows for piece in succession(row)]


def succession(row: Row) -> list[Row]:
    """A row of a successor state before its independence belongs to the federation (SUCCESSION)."""
    if row.country not in SUCCESSION:
        return [row]
    federation, first_day = SUCCESSION[row.country]
    day = dt.date.fromisoformat(first_day)
    if row.start is not None and row.start >= day:
        return [row]
    if row.end is not None and row.end < day:
        return [Row(federation, row.sector, row.others, row.start, row.end, row.ongoing, row.cameo)]
    return [Row(federation, row.sector, row.others, row.start, day - dt.timedelta(days=1), False, row.cameo),
            Row(row.country, row.sector, row.others, day, row.end, row.ongoing, row.cameo)]


def merge_rows(rows: list[Row]) -> list[Row]:
    """Consecutive or overlapping terms with the same country and sectors become one row."""
    out: list[Row] = []
    for row in sorted(rows, key=lambda r: (r.country, r.sector, r.others, r.start or dt.date.min)):
        last = out[-1] if out else None
        if (last and (last.country, last.sector, last.others) == (row.country, row.sector, row.others)
                and (row.start is None or last.end is None or row.start <= last.end + dt.timedelta(days=1))):
            end = max(last.end, row.end) if last.end and row.end else None
            ongoing = (end == row.end and row.ongoing) or (end == last.end and last.ongoing)
            cameo = "|".join(dict.fromkeys([*last.cameo.split("|"), row.cameo]))
            out[-1] = Row(last.country, last.sector, last.others, last.start, end, ongoing, cameo)
        else:
            out.append(row)
    return out


def overlaps(row: Row, terms: list[tuple[dt.date, dt.date]]) -> bool:
    return any((row.start or dt.date.min) <= end and start <= (row.end or dt.date.max) for start, end in terms)


def subtract(row: Row, terms: list[tuple[dt.date, dt.date]]) -> list[Row]:
    """The parts of a row outside the authored terms."""
    pieces = [(row.start, row.end)]
    for t_start, t_end in terms:
        nxt = []
        for start, end in pieces:
            lo, hi = start or dt.date.min, end or dt.date.max
            if hi < t_start or lo > t_end:
                nxt.append((start, end))
                continue
            if lo < t_start:
                nxt.append((start, t_start - dt.timedelta(days=1)))
            if hi > t_end:
                nxt.append((t_end + dt.timedelta(days=1), end))
        pieces = nxt
    return [Row(row.country, row.sector, row.others, s, e, row.ongoing and e == row.end, row.cameo)
            for s, e in pieces]


# ---------------------------------------------------------------------------------------------
# The knowledge Tidings already has: authored files win over converted ones
# ---------------------------------------------------------------------------------------------

@dataclass
class Authored:
    country_surfaces: set[str]
    org_surfaces: set[str]
    role_terms: set[str]
    # folded lower-case surface of two or more words -> (name, country, wikidata, terms)
    people: dict[str, list[tuple[str, str, str, list[tuple[dt.date, dt.date]]]]]
    person_surfaces: dict[str, set[str]]  # folded surface -> names of the authored people it names


def _key(surface: str) -> str:
    return fold(surface).lower()


def _authored_files(folder: Path, prefix: str = "") -> list[Path]:
    return sorted(p for p in folder.glob(f"{prefix}*.tsv") if "petrarch2" not in p.name)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    header: list[str] | None = None
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append({k: cells[i].strip() for i, k in enumerate(header)})
    return rows


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _iso(text: str, *, end: bool) -> dt.date:
    if not text:
        return dt.date.max if end else dt.date.min
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        return dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


def read_authored() -> Authored:
    countries: set[str] = set()
    for row in _read_tsv(DATA / "countries.tsv"):
        _KNOWN.add(row["iso3"])
        for cell in ("name", "aliases", "adjectives", "capitals"):
            countries |= {_key(s) for s in _split(row.get(cell, ""))}
    orgs = {_key(s) for path in _authored_files(DATA, "organizations") for row in _read_tsv(path)
            for s in [row["name"], *_split(row.get("aliases", ""))]}
    roles = {_key(row["term"]) for path in _authored_files(DATA, "roles") for row in _read_tsv(path)}
    people: dict[str, list] = defaultdict(list)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for path in [*_authored_files(DATA / "leaders"), *_authored_files(DATA / "people")]:
        for row in _read_tsv(path):
            term = (_iso(row.get("start", ""), end=False), _iso(row.get("end", ""), end=True))
            for surface in [row["name"], *_split(row.get("aliases", ""))]:
                surfaces[_key(surface)].add(row["name"])
                if len(surface.split()) >= 2:
                    entry = next((p for p in people[_key(surface)] if p[:2] == (row["name"], row["country"])), None)
                    if entry is None:
                        people[_key(surface)].append((row["name"], row["country"], row.get("wikidata", ""), [term]))
                    elif term not in entry[3]:
                        entry[3].append(term)
    return Authored(countries, orgs, roles, dict(people), dict(surfaces))


# ---------------------------------------------------------------------------------------------
# From blocks to persons and organisations
# ---------------------------------------------------------------------------------------------

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
    return words[0] in given or bool(_INITIALS.fullmatch(words[0])) or len(words[0]) == 1


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
    country = code.country if code.kind != "country" else code.country
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
            key = _key(person.name)
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
            key = _key(org.name)
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


# ---------------------------------------------------------------------------------------------
# Surfaces that would mislead the matcher, and the authored files' precedence
# ---------------------------------------------------------------------------------------------

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
            owners[_key(surface)].add(_key(person.name))
    for key, names in authored.person_surfaces.items():
        owners[key] |= {_key(n) for n in names}
    out = []
    for person in persons:
        matches: dict[str, tuple] = {}
        for surface in person.surfaces:
            for match in authored.people.get(_key(surface), []) if len(surface.split()) >= 2 else []:
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
            key = _key(surface)
            if key in authored.country_surfaces or key in authored.org_surfaces:
                stats["person spelling dropped: names a country or an authored organisation"] += 1
            elif len(surface.split()) == 1 and not one_word_ok(surface, given):
                stats["person spelling dropped: one word that is an English word or a given name"] += 1
            elif len(owners[key] - {_key(person.name)}) >= 3:
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
        keys = {_key(s) for s in org.surfaces}
        if keys & authored.org_surfaces:
            stats["organisation skipped: already in organizations.tsv"] += 1
            continue
        kept = []
        for surface in org.surfaces:
            key = _key(surface)
            if key in authored.country_surfaces or key in person_keys:
                stats["organisation spelling dropped: names a country or a person"] += 1
            elif key in seen and seen[key] != _key(org.name):
                stats["organisation spelling dropped: another organisation has it"] += 1
            elif (len(surface.split()) == 1 and not (surface.isupper() and len(surface) <= 5 and surface.upper()
                                                      not in COMMON_WORDS) and not one_word_ok(surface, given)):
                stats["organisation spelling dropped: one word that is an English word or a given name"] += 1
            else:
                kept.append(surface)
                seen[key] = _key(org.name)
        if not kept:
            stats["organisation dropped: no spelling left"] += 1
            continue
        org.name, org.surfaces = (org.name if org.name in kept else kept[0]), kept
        out.append(org)
    return out


# ---------------------------------------------------------------------------------------------
# Agents: nouns that denote an actor by what it is ("farmers", "riot police")
# ---------------------------------------------------------------------------------------------

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


def _plural(phrase: str) -> str | None:
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
        found = _sectors(_chunks(code)) if code else []
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
                if _plural(term):
                    forms.append((_plural(term), True))
            else:
                forms += [(_term(p), True) for p in match["plural"].split(",") if p.strip()]
        for term, plural in forms:
            out.append((term, found[0], tuple(found[1:]), "~" + code, plural))
    return out


def convert_agents(source: Path, authored: Authored, stats: Counter) -> list[tuple[str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str]] = {}
    for term, sector, others, code, plural in read_agents(source / AGENTS, stats):
        if not re.fullmatch(r"[a-z0-9][a-z0-9 .'/-]*[a-z0-9.]", term):
            stats["agent term dropped: not a plain phrase"] += 1
        elif re.match(r"(?:a|an|the) ", term) or re.search(r" (?:of|to|for|in|and)$", term):
            stats["agent term dropped: a fragment (leading article or trailing preposition)"] += 1
        elif term in authored.role_terms:
            stats["agent term skipped: already in roles.tsv"] += 1
        elif term in AGENT_SKIP:
            stats["agent term skipped: generic or misleading (reviewed list)"] += 1
        elif term in rows:
            stats["agent term dropped: duplicate"] += 1
        else:
            note = f"PETRARCH2 {code}" + (f"; also {', '.join(others)}" if others else "")
            rows[term] = (term, sector, agent_kind(term, plural), note)
    return sorted(rows.values())


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

def provenance(files: str, copyright_line: str) -> list[str]:
    return [
        f"# Source: PETRARCH2's Phoenix dictionaries ({files}), openeventdata/petrarch2 commit {COMMIT},",
        f"#   MIT licence, {copyright_line}. The dictionaries were compiled by the Computational Event Data",
        "#   System project and the Open Event Data Alliance (CountryInfo.140130.txt, IGO/NGO lists, ...).",
        f"# Generated by scripts/convert_petrarch2.py (rules in scripts/petrarch2_rules.py) on {dt.date.today()};",
        "#   do not edit by hand: change the rules and rerun the script. Licence: MIT, as the source.",
        "# Format: UTF-8, tab-separated, one header line after these comments; lists inside a cell are separated by '|'.",
    ]


PEOPLE_HEADER = """# Tidings actor knowledge: people by office term, converted from PETRARCH2 (see Source).
# One row per person per dated code; consecutive or overlapping ranges of the same code are merged.
# Rules: the first sector code after the country is the sector (AFGGOVAGR: GOV, an agriculture
#   minister; MIL/JUD/... after GOV go to other_sectors). CAMEO MED (media) is PLOVER JRN, CAMEO HLH
#   (health) is PLOVER MED; HRI, ENV and DEV groups are SOC. CAMEO country codes that are not ISO3 are
#   mapped (TMP -> TLS, KSV -> KOS, USR -> SUN, SCG/FRY -> SRB); dependencies are their state's.
#   IGOUNO -> UNO, IGOEUREEC -> EUR, other IGO -> IGO; NGO -> NGO; MNC -> MNC; IMG -> IMG.
#   Two-digit years 00-30 are 20xx, the others 19xx. '<date' ends the day before the date.
#   An open term ('>date') or an undated code ends at the source's horizon, {horizon}, the latest date
#   the dictionaries mention (column ongoing = 1): they say nothing later. An undated code alongside
#   dated ones covers the periods the dated ones leave (PETRARCH2's default code).
#   ELI (elite, out of office) codes of people with other codes give no row: outside every term the
#   resolver codes a known person as ELI of the same country, as PETRARCH2's undated [ELI] does.
#   Authored files win: where leaders/*.tsv lists the person (same full name and country), the rows
#   keep only the periods outside the authored terms, under the authored name and Wikidata QID.
# Columns:
#   name           the person's name in natural case (titles removed: VICE_PRESIDENT_GERALD_FORD -> Gerald Ford)
#   aliases        '|'-separated spellings from the '+' lines, with capitalised particles ("Bashar Al-Assad");
#                  one-word spellings that are English words or given names, and spellings that name a
#                  country or an authored organisation, are left out
#   country        ISO 3166-1 alpha-3, KOS, a historical state (SUN, YUG, CSK, DDR, YMD) or UNO/EUR/IGO/NGO/IMG/MNC
#   sector         PLOVER sector of the primary code
#   other_sectors  PLOVER sectors of the secondary codes
#   office         the source's comment on the person's office, where it has one
#   title          empty (the codes do not say which office)
#   start, end     YYYY-MM-DD, both days included; empty start: no start in the source
#   ongoing        1 when the source gives no end and the row ends at its horizon
#   wikidata       Wikidata QID, from the authored leaders files where they list the person
#   cameo          the source's CAMEO codes for the row
"""

ORG_HEADER = """# Tidings actor knowledge: organisations converted from PETRARCH2 (see Source): IGOs, NGOs,
# armed non-state groups, parties, state bodies, companies and media not in organizations.tsv.
# An organisation whose name or any spelling organizations.tsv (or another authored organizations
#   file) already has is skipped. Codes map as in people/petrarch2_people.tsv; the organisation's code is
#   its undated one, else its latest. Sector conventions follow organizations.tsv: IGO bodies GOV unless
#   judicial, legislative, military, police or health; NGOs SOC unless medical, press or religious;
#   companies BUS (media companies JRN).
# Columns:
#   name           canonical name in natural case (one-word names of up to five letters are acronyms)
#   aliases        '|'-separated spellings, with parenthesised acronyms from the source ('(ETA)')
#   country        ISO3, KOS, a historical state, or UNO/EUR/IGO/NGO/IMG/MNC
#   sector         PLOVER sector
#   wikidata       empty
#   kind           igo, ngo, armed_group, party, media, company, national_body
#   other_sectors  PLOVER sectors of the secondary codes
#   cameo          the source's CAMEO code
"""

ROLES_HEADER = """# Tidings actor knowledge: agent nouns and the PLOVER sector they imply, converted from
# PETRARCH2's Phoenix.agents.txt (see Source). Terms are lower case and matched case-insensitively.
# Substitution sets are expanded ('CATTLE!PERSON!' -> cattleman, cattlemen, cattlewoman, cattlewomen,
# cattleperson); plurals are the source's '{...}' forms or the regular plural of the head noun.
# Terms already in roles.tsv are skipped, as are generic or misleading ones after review (the list is
# AGENT_SKIP in scripts/petrarch2_rules.py: 'man', 'people', 'official' are not actors by themselves).
# Columns:
#   term    lower-case word or phrase
#   sector  PLOVER sector of the first code (CAMEO MED -> JRN, HLH -> MED, religions -> REL)
#   kind    person (an individual), body (an institution), group (a set of people or units)
#   notes   the source's CAMEO code and the PLOVER sectors of its secondary codes
"""


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def write(path: Path, header: list[str], columns: list[str], rows: list[list[str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [*header, "\t".join(columns), *("\t".join(r) for r in rows)]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def people_rows(persons: list[Person]) -> list[list[str]]:
    rows = []
    for p in sorted(persons, key=lambda p: (p.rows[0].country, p.name)):
        aliases = "|".join(s for s in p.surfaces if s != p.name)
        for r in sorted(p.rows, key=lambda r: (r.start or dt.date.min, r.sector)):
            rows.append([p.name, aliases, r.country, r.sector, "|".join(r.others), p.office, "", _day(r.start),
                         _day(r.end), "1" if r.ongoing else "", p.wikidata, r.cameo])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/knowledge/petrarch2"),
                        help="folder with the Phoenix dictionaries and LICENSE")
    parser.add_argument("--out", type=Path, default=DATA, help="the actor data folder to write into")
    args = parser.parse_args(argv)
    source = args.source
    copyright_line = next(line.strip() for line in (source / "LICENSE").read_text(encoding="utf-8").splitlines()
                          if line.startswith("Copyright"))
    stats: Counter = Counter()
    authored = read_authored()
    horizon = horizon_of(source)
    persons, orgs, given = convert_actors(source, horizon, stats)
    persons = filter_people(persons, authored, given, stats)
    orgs = filter_orgs(orgs, authored, {_key(s) for p in persons for s in p.surfaces}, given, stats)
    roles = convert_agents(source, authored, stats)

    actor_files = ", ".join(FILES)
    people_header = [*PEOPLE_HEADER.format(horizon=horizon).rstrip("\n").split("\n"),
                     *provenance(actor_files, copyright_line)]
    people_columns = ["name", "aliases", "country", "sector", "other_sectors", "office", "title", "start", "end",
                      "ongoing", "wikidata", "cameo"]
    people_path = args.out / "people/petrarch2_people.tsv"
    org_path = args.out / "organizations_petrarch2.tsv"
    roles_path = args.out / "roles_petrarch2.tsv"
    size = write(org_path, [*ORG_HEADER.rstrip("\n").split("\n"), *provenance(actor_files, copyright_line)],
                 ["name", "aliases", "country", "sector", "wikidata", "kind", "other_sectors", "cameo"],
                 [[o.name, "|".join(s for s in o.surfaces if s != o.name), o.country, o.sector, "", o.kind,
                   "|".join(o.others), o.cameo] for o in sorted(orgs, key=lambda o: (o.country, o.name))])
    size += write(roles_path, [*ROLES_HEADER.rstrip("\n").split("\n"), *provenance(AGENTS, copyright_line)],
                  ["term", "sector", "kind", "notes"], [list(r) for r in roles])
    rows = people_rows(persons)
    people_size = sum(len("\t".join(r).encode("utf-8")) + 1 for r in rows)
    if size + people_size > SIZE_LIMIT:
        # keep the political actors the coder needs most; say what was cut
        kept = [p for p in persons if any(r.sector in KEEP_IF_LARGE for r in p.rows)]
        stats["person cut for size: no code in " + "/".join(sorted(KEEP_IF_LARGE))] += len(persons) - len(kept)
        persons, rows = kept, people_rows(kept)
    size += write(people_path, people_header, people_columns, rows)

    print(f"horizon (latest date in the source): {horizon}")
    for key in sorted(stats):
        print(f"  {stats[key]:6d}  {key}")
    print(f"wrote {len(rows)} rows for {len(persons)} people to {people_path.relative_to(ROOT)}")
    print(f"wrote {len(orgs)} organisations to {org_path.relative_to(ROOT)}")
    print(f"wrote {len(roles)} agent terms to {roles_path.relative_to(ROOT)}")
    print(f"total size {size / 1e6:.2f} MB (limit {SIZE_LIMIT / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
