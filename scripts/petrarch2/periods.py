"""Office terms: from dated and undated codes to rows of one person, merged, split at a
federation's end and clipped around authored terms."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from petrarch2.codes import Block, Code
from petrarch2.rules import SUCCESSION


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
        stats["person ELI code left to the resolver's out-of-office rule"] += len(usable) - len(main)
        stats["person ELI row kept: another country than the person's terms (Gorbachev: RUS after SUN)"] += len(eli)
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
