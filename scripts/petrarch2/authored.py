"""The knowledge Tidings already has: authored files win over converted ones."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from petrarch2.codes import KNOWN

from tidings.actors.knowledge import fold

DATA = Path(__file__).resolve().parents[2] / "src/tidings/actors/data"


@dataclass
class Authored:
    country_surfaces: set[str]
    org_surfaces: set[str]
    role_terms: dict[str, str]  # term -> sector
    # folded lower-case surface of two or more words -> (name, country, wikidata, terms)
    people: dict[str, list[tuple[str, str, str, list[tuple[dt.date, dt.date]]]]]
    person_surfaces: dict[str, set[str]]  # folded surface -> names of the authored people it names


def surface_key(surface: str) -> str:
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
        KNOWN.add(row["iso3"])
        for cell in ("name", "aliases", "adjectives", "capitals"):
            countries |= {surface_key(s) for s in _split(row.get(cell, ""))}
    orgs = {surface_key(s) for path in _authored_files(DATA, "organizations") for row in _read_tsv(path)
            for s in [row["name"], *_split(row.get("aliases", ""))]}
    roles = {surface_key(row["term"]): row["sector"] for path in _authored_files(DATA, "roles") for row in _read_tsv(path)}
    people: dict[str, list] = defaultdict(list)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for path in [*_authored_files(DATA / "leaders"), *_authored_files(DATA / "people")]:
        for row in _read_tsv(path):
            term = (_iso(row.get("start", ""), end=False), _iso(row.get("end", ""), end=True))
            for surface in [row["name"], *_split(row.get("aliases", ""))]:
                surfaces[surface_key(surface)].add(row["name"])
                if len(surface.split()) >= 2:
                    entry = next((p for p in people[surface_key(surface)] if p[:2] == (row["name"], row["country"])), None)
                    if entry is None:
                        people[surface_key(surface)].append((row["name"], row["country"], row.get("wikidata", ""), [term]))
                    elif term not in entry[3]:
                        entry[3].append(term)
    return Authored(countries, orgs, roles, dict(people), dict(surfaces))
