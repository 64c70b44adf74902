"""The TABARI/PETRARCH2 dictionary format: actors as blocks of spellings and codes, and CAMEO
codes with their date restrictions mapped to PLOVER countries and sectors."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from petrarch2.rules import RELIGIONS, REGIONS, RENAMED, SECTORS, SUBCODES, TERRITORIES

KNOWN: set[str] = set()  # ISO3 codes of countries.tsv (and the former states), filled by authored.read_authored()


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


def chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def sectors(parts: list[str]) -> list[str]:
    out: list[str] = []
    for chunk in parts:
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
    parts = chunks(code)
    head, rest = parts[0], parts[1:]
    if head == "IGO":
        country = "IGO"
        if rest[:1] == ["UNO"] and not {"WBK", "IMF"} & set(rest):
            country = "UNO"  # the World Bank is coded IGOUNOWBK but organizations.tsv has it as IGO
        elif rest[:2] == ["EUR", "EEC"] or rest == ["EUR"]:
            country = "EUR"  # only the EU itself: IGOEURCOE (Council of Europe), IGOEURSCE (OSCE) stay IGO
        found = sectors(rest)
        primary = next((s for s in found if s in ("JUD", "LEG", "MIL", "COP", "MED")), "GOV")
        return Code(raw, country, primary, _rest(found, primary), start, end, dated, "igo")
    if head == "NGO":
        found = sectors(rest)
        primary = next((s for s in found if s in ("MED", "JRN", "REL")), "SOC")
        return Code(raw, "NGO", primary, _rest(found, primary), start, end, dated, "ngo")
    if head == "MNC":
        found = sectors(rest)
        primary = "JRN" if "JRN" in found else "BUS"
        return Code(raw, "MNC", primary, _rest(found, primary), start, end, dated, "mnc")
    if head in ("IMG", "INT"):
        # IMG: transnational militarised groups; INT...REB: groups the source calls international
        found = sectors(rest)
        primary = next((s for s in found if s in ("REB", "UAF", "MIL", "GOV", "OPP", "PTY")), "REB" if head == "INT" else "UAF")
        if head == "INT" and not {"REB", "UAF"} & set(found):
            raise Skip("international code without an armed sector")
        return Code(raw, "IMG", primary, _rest(found, primary), start, end, dated, "img")
    if head in SECTORS and head not in RENAMED and len(parts) == 1:
        # a bare sector ([ELI] after an IGO term): the country comes from the person's other codes
        return Code(raw, None, SECTORS[head], (), start, end, dated, "person_or_body")
    if head in REGIONS and head not in KNOWN:
        raise Skip("regional code without a country")
    if head in RELIGIONS and head not in KNOWN:
        raise Skip("religion code without a country")
    if head in TERRITORIES:
        head, rest = TERRITORIES[head], rest
    country = RENAMED.get(head, head)
    if country is None:
        raise Skip("CAMEO country code with no PLOVER equivalent")
    if country not in KNOWN:
        raise Skip("unknown country code")
    if rest and ((head, rest[0]) in SUBCODES or (head, "*") in SUBCODES):
        country = SUBCODES.get((head, rest[0])) or SUBCODES[(head, "*")]
        rest = rest[1:] if rest[0] not in SECTORS else rest
    elif rest and rest[0] in TERRITORIES:
        country, rest = TERRITORIES[rest[0]], rest[1:]
    found = sectors(rest)
    if not found:
        return Code(raw, country, None, (), start, end, dated, "country")
    return Code(raw, country, found[0], tuple(found[1:]), start, end, dated, "person_or_body")


def _rest(found: list[str], primary: str) -> tuple[str, ...]:
    return tuple(s for s in found if s != primary)


