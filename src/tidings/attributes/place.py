"""Toponyms resolved against an offline gazetteer.

Every name is looked up in all the gazetteer's sources at once: countries (the actor knowledge's
names and adjectives, one point each from ``data/country_points.tsv``), continents, US states,
US counties and GeoNames cities (the compact index ``data/gazetteer.sqlite``, see
``tidings.attributes.index``), and first-level divisions, regions, seas, rivers and islands
(``data/regions.tsv``). Each candidate gets a score (``PlaceWeights``): a prior from its kind and
population, the countries named in the article, the article's focus (``Focus``: its country,
first-level division and centre, from the places that are not ambiguous), the place named right
after it ("Dublin, Ohio") and the words around it ("Laurel County", "the city of Lebanon",
"Georgia Gov. ..."), as listed in ``data/place_cues.tsv``. The best candidate wins; the order of
the sources never decides. Choosing an event's location is ``tidings.events.location``'s job.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from tidings.actors.knowledge import Knowledge, fold, load_knowledge
from tidings.attributes.index import Entry, PlaceIndex, key_of
from tidings.datafiles import iter_tsv
from tidings.types import Place

_CONTINENT_ADJECTIVES = {"Africa": ("African", "Africans"), "Asia": ("Asian", "Asians"),
                         "Europe": ("European", "Europeans", "EU", "E.U.", "European Union"), "South America": ("South American", "Latin America"),
                         "North America": ("North American",), "Oceania": ("Pacific",)}
# Adjectives of regions and nations without a state, as GeoNews-style toponyms use them.
_REGION_ADJECTIVES = {"english": "england", "scottish": "scotland", "welsh": "wales", "kurdish": "kurdistan",
                      "kurd": "kurdistan", "kurds": "kurdistan", "catalan": "catalonia", "basque": "basque country",
                      "bavarian": "bavaria", "sicilian": "sicily", "texan": "texas", "californian": "california",
                      "punjabi": "punjab", "korean": "south korea", "tibetan": "tibet", "uyghur": "xinjiang",
                      "flemish": "flanders", "corsican": "corsica", "sardinian": "sardinia", "quebecois": "quebec",
                      "arab": "middle east", "western": "europe", "middle eastern": "middle east"}
# AP style state abbreviations, as datelines and news copy write them ("ALBUQUERQUE, N.M.").
AP_STATES = {"ala.": "alabama", "ariz.": "arizona", "ark.": "arkansas", "calif.": "california",
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
# Generic words after a name that say what kind of place it is ("Idlib province", "Hall County").
_SUFFIX = re.compile(r"\s+(city|province|governorate|region|district|state|county|parish|borough|town|village|"
                     r"oblast)$")
_SUFFIX_KIND = {"city": "PPL", "town": "PPL", "village": "PPL", "county": "ADM2", "parish": "ADM2",
                "borough": "ADM2", "province": "ADM1", "governorate": "ADM1", "state": "ADM1", "oblast": "ADM1",
                "region": "REGION", "district": "ADM2"}
_PRECISION = {"PPL": "city", "ADM1": "admin1", "ADM2": "admin1", "CONT": "region", "PCLI": "country"}


@dataclass(frozen=True, slots=True)
class PlaceWeights:
    """How candidates of one name are weighed. Priors are on the scale of log10(population) of a
    city, so each says which cities it outranks when nothing else is known."""

    country: float = 10.0  # a country's name means the country: no town outranks it on population
    continent: float = 10.0
    us_state: float = 6.5  # a state outranks its namesake towns (Delaware, Ohio), not New York City
    region: float = 5.5  # a division, sea or region outranks namesake cities under about 100,000
    county: float = 6.0  # only looked up when the text says "County" or "Parish"
    exact_name: float = 0.5  # the name is the place's own, not one of its alternate names
    capital: float = 1.0  # national capitals are what a bare name means most often
    context_country: float = 2.5  # a country named in the article
    focus_country: float = 2.5  # times the share of the article's unambiguous places in that country
    focus_admin1: float = 3.0  # times their share in that first-level division
    focus_near: float = 2.0  # for a place at the article's centre, falling to 0 at near_km
    near_km: float = 400.0
    alternate_focus: float = 0.5  # the focus counts half for a town matched by an alternate name only
    within: float = 6.0  # "Dublin, Ohio": inside the place named right after
    kind_suffix: float = 4.0  # "Idlib province", "Hall County", "Mexico City": the kind is named
    # A town or county whose prior is below that of a country, continent, region or US state of
    # the same name never outranks it on the article's focus alone, only with words of its own
    # ("Lebanon City Council", "Jordan, Minn."): "China" in a story from Texas is still China.
    cap_minor: bool = True


@dataclass(frozen=True)
class Focus:
    """Where an article is: shares of its unambiguous places by country and by first-level
    division (``(country, admin1)``), and their centre. Built by :meth:`Gazetteer.focus`."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    point: tuple[float, float] | None = None

    @property
    def country(self) -> str | None:
        return max(self.countries, key=self.countries.get) if self.countries else None


@dataclass(frozen=True, slots=True)
class _Candidate:
    place: Place
    prior: float
    kind: str  # PPL, ADM1, ADM2, REGION, PCLI, CONT
    population: int = 0
    alternate: bool = False  # matched by one of its alternate names, not its own


@dataclass(frozen=True, slots=True)
class Cue:
    side: str  # before / after
    words: str
    kind: str
    weight: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


class Gazetteer:
    """Name -> places. Build once per process with :func:`load_gazetteer`."""

    def __init__(self, knowledge: Knowledge, *, index: PlaceIndex | None = None,
                 weights: PlaceWeights = PlaceWeights()) -> None:
        self.index = index or PlaceIndex()
        self.weights = weights
        self.capitals = self.index.capitals
        self._continents: dict[str, Place] = {}
        for name, adjectives in (*_CONTINENT_ADJECTIVES.items(), ("Antarctica", ()), ("North America", ())):
            entry = next((e for e in self.index.lookup(key_of(name)) if e.feature == "CONT"), None)
            if entry is None:
                continue
            place = Place(entry.name, None, None, entry.lat, entry.lon, entry.geonameid, "region", entry.name,
                          feature="CONT")
            for alias in (name, *adjectives):
                self._continents[alias.lower()] = place
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
        self.cues = [Cue(r["side"], r["words"].lower(), r["kind"], float(r["weight"]))
                     for r in iter_tsv("tidings.attributes.data", "place_cues.tsv",
                                       required=("side", "words", "kind", "weight"))]
        self._candidates: dict[str, tuple[_Candidate, ...]] = {}
        self.not_places = {r["word"].lower() for r in iter_tsv("tidings.attributes.data", "not_places.tsv",
                                                                required=("word",))}

    # ------------------------------------------------------------------ small questions
    def is_country_adjective(self, text: str) -> bool:
        return self._country_kind.get(fold(text).lower()) == "adjective"

    def us_state_code(self, text: str) -> str | None:
        key = AP_STATES.get(key_of(text), key_of(text))
        entry = next((e for e in self.index.lookup(key) if e.feature == "ADM1"), None)
        return entry.admin1 if entry else None

    # ------------------------------------------------------------------ candidates
    def _keys(self, text: str) -> tuple[str, str, str]:
        """(full, key, suffix): 'the Idlib province' -> ('idlib province', 'idlib', 'province')."""
        full = re.sub(r"^the\s+", "", key_of(text))
        full = AP_STATES.get(full, full)
        full = _REGION_ADJECTIVES.get(full, full)
        match = _SUFFIX.search(full)
        key = full[: match.start()] if match and full not in self.index and full not in self._regions else full
        return full, key, full[len(key):].strip()

    def candidates(self, text: str) -> tuple[_Candidate, ...]:
        """Every place the name may mean, with its prior. Empty for words that are never places."""
        cached = self._candidates.get(text)
        if cached is None:
            if len(self._candidates) > 20_000:
                self._candidates.clear()
            cached = self._candidates[text] = tuple(self._find(text))
        return cached

    def _find(self, text: str) -> list[_Candidate]:
        w = self.weights
        full, key, suffix = self._keys(text)
        if not key or key in self.not_places or full in self.not_places:
            return []
        out: list[_Candidate] = []
        entries = self.index.lookup(full) if suffix == "" or full in self.index else ()
        if full.endswith(" city") and any(e.feature == "PPL" for e in entries):
            key, suffix = full, "city"  # "Mexico City", "Kuwait City": a city's own name
        elif suffix:
            entries = tuple(e for e in self.index.lookup(full) if e.feature == "ADM2") + self.index.lookup(key)
        country = self._countries.get(key)
        regions = self._regions.get(full, []) or self._regions.get(key, [])
        if country is not None and key != fold(country.name).lower() and (
                regions or any(e.feature == "PPL" and e.population >= 50_000 for e in entries)):
            country = None  # "Gaza", "Greenland", "Crimea": listed under a state for actors, a place of its own
        if key_of(text) in AP_STATES:
            country = None  # "Ga." is the state; "Georgia" may be either
        if country is not None and suffix in ("", "state"):
            out.append(_Candidate(country, w.country, "PCLI"))
        continent = self._continents.get(key)
        if continent is not None:
            out.append(_Candidate(continent, w.continent, "CONT"))
        for place in regions:
            kind = place.feature if place.feature in ("ADM1", "ADM2") else "REGION"
            out.append(_Candidate(place, w.region, kind))
        for e in entries:
            if e.feature == "CONT":
                continue
            place = Place(e.name, e.country, e.admin1, e.lat, e.lon, e.geonameid, _PRECISION[e.feature], text,
                          feature=e.feature)
            if e.feature == "PPL":
                prior = math.log10(e.population + 10) + (0 if e.alternate else w.exact_name)
                prior += w.capital if self.capitals.get(e.country) == e.name else 0.0
            elif e.feature == "ADM1":
                prior = w.us_state
            else:
                prior = w.county
            out.append(_Candidate(place, prior, e.feature, e.population, e.alternate))
        return out

    # ------------------------------------------------------------------ scoring
    def _cues(self, before: str, after: str) -> dict[str, float]:
        """Weight of the cue words around a name, by the kind of place they speak for."""
        found: dict[str, float] = defaultdict(float)
        for cue in self.cues:
            if cue.side == "before":
                if before == cue.words or before.endswith(" " + cue.words):
                    found[cue.kind] += cue.weight
            elif after == cue.words or after.startswith(cue.words + " "):
                found[cue.kind] += cue.weight
        return found

    def _score(self, c: _Candidate, *, suffix: str, context: frozenset[str], admin1: frozenset[str],
               focus: Focus | None, within: Place | None, cues: dict[str, float]) -> tuple[float, bool]:
        """The candidate's score, and whether words of the text itself (not the article's
        focus) speak for it: the place named right after it, or a cue word."""
        w = self.weights
        p = c.place
        s = c.prior
        local = False
        if p.country and p.country in context and focus is None:  # the focus counts those countries itself
            s += w.context_country
        if p.country == "USA" and p.admin1 in admin1 and c.kind in ("PPL", "ADM2"):
            s += w.focus_admin1
        if suffix and _SUFFIX_KIND.get(suffix) == c.kind:
            s += w.kind_suffix
            local = True
        if focus is not None:
            # a town that only an alternate name matches ("Paris" for Swainsboro, Ga.) gets half
            weight = w.alternate_focus if c.alternate else 1.0
            if p.country:
                s += weight * w.focus_country * focus.countries.get(p.country, 0.0)
            if p.admin1 and c.kind in ("PPL", "ADM1", "ADM2"):
                s += weight * w.focus_admin1 * focus.admin1.get((p.country or "", p.admin1), 0.0)
            if focus.point is not None and c.kind in ("PPL", "ADM2") and p.lat is not None:
                d = haversine_km(p.lat, p.lon, *focus.point)
                s += weight * w.focus_near * max(0.0, 1.0 - d / w.near_km) * focus.countries.get(p.country or "", 0.0)
        if within is not None and within.country == p.country and c.kind in ("PPL", "ADM2") and (
                not within.admin1 or within.admin1 == p.admin1):
            s += w.within
            local = True
        if c.kind in cues:
            s += cues[c.kind]
            local = True
        return s, local

    def ranked(self, text: str, *, context: frozenset[str] = frozenset(), admin1: frozenset[str] = frozenset(),
               focus: Focus | None = None, within: Place | None = None, before: str = "", after: str = ""
               ) -> list[tuple[float, _Candidate, bool]]:
        """Candidates with their scores and whether the words around speak for them, best first."""
        cands = self.candidates(text)
        if not cands:
            return []
        _, _, suffix = self._keys(text)
        cues = self._cues(before.lower().strip(), after.lower().strip()) if before or after else {}
        scored = [(*self._score(c, suffix=suffix, context=context, admin1=admin1, focus=focus, within=within,
                                cues=cues), c) for c in cands]
        if self.weights.cap_minor:
            majors = [(s, c.prior) for s, _, c in scored if _major(c)]
            if majors:
                top, prior = max(majors)
                scored = [(min(s, top - 0.01) if not _major(c) and not local and c.prior < prior else s, local, c)
                          for s, local, c in scored]
        scored.sort(key=lambda sc: (-sc[0], -(sc[2].population or 0)))
        return [(s, c, local) for s, local, c in scored]

    def resolve(self, text: str, *, context: frozenset[str] = frozenset(), admin1: frozenset[str] = frozenset(),
                start: int | None = None, end: int | None = None, focus: Focus | None = None,
                within: Place | None = None, before: str = "", after: str = "") -> Place | None:
        """Resolve a toponym. ``context`` holds ISO3 codes of countries named nearby, ``admin1``
        US state codes named in the article, ``focus`` the article's focus (see :meth:`focus`),
        ``within`` the place named right after ("Dublin, Ohio"), ``before``/``after`` the words
        around the name."""
        ranked = self.ranked(text, context=context, admin1=admin1, focus=focus, within=within,
                             before=before, after=after)
        if not ranked:
            return None
        return _at(ranked[0][1].place, text, start, end)

    def container(self, text: str) -> Place | None:
        """What the name after a comma means when it says where the name before it lies
        ("Kingston, Ontario", "Mexico, Mo."): a first-level division or a country."""
        ranked = [(s, c) for s, c, _ in self.ranked(text) if c.kind in ("ADM1", "PCLI")]
        return ranked[0][1].place if ranked else None

    def ambiguous(self, text: str) -> bool:
        """Whether a name means places far apart that news could mean: two towns of 1,000 or more
        inhabitants more than 161 km apart, or a country or state and a town of that size."""
        cands = self.candidates(text)
        towns = [c for c in cands if c.kind == "PPL" and c.population >= 1_000]
        others = [c for c in cands if c.kind != "PPL"]
        points = [c.place for c in towns] + [c.place for c in others]
        for i, a in enumerate(points):
            for b in points[i + 1:]:
                if a.country != b.country or haversine_km(a.lat, a.lon, b.lat, b.lon) > 161:
                    return True
        return False

    def focus(self, places: list[tuple[Place, float]]) -> Focus:
        """The focus of an article from its unambiguous places, each with a weight (a dateline
        counts more). Shares by country and first-level division; the centre is the weighted
        mean of the sub-national places in the leading country."""
        countries: dict[str, float] = defaultdict(float)
        admin1: dict[tuple[str, str], float] = defaultdict(float)
        for place, weight in places:
            if place.country:
                countries[place.country] += weight
            if place.country and place.admin1:
                admin1[(place.country, place.admin1)] += weight
        total = sum(countries.values())
        if not total:
            return Focus()
        shares = {c: v / total for c, v in countries.items()}
        lead = max(shares, key=shares.get)
        local = [(p, wt) for p, wt in places if p.country == lead and p.precision in ("city", "admin1")
                 and p.lat is not None and p.feature != "REGION"]
        point = None
        if local:
            weight = sum(wt for _, wt in local)
            point = (sum(p.lat * wt for p, wt in local) / weight, sum(p.lon * wt for p, wt in local) / weight)
        # shares of all anchors, countries included: one Ohio town among ten British places is no Ohio focus
        return Focus(shares, {k: v / total for k, v in admin1.items()}, point)


def _major(c: _Candidate) -> bool:
    """Countries, continents, regions and first-level divisions: what a bare name means first."""
    return c.kind in ("PCLI", "CONT", "REGION", "ADM1")


def _at(place: Place, text: str, start: int | None, end: int | None) -> Place:
    return Place(place.name, place.country, place.admin1, place.lat, place.lon, place.geonameid,
                 place.precision, text, start, end, place.feature)


@cache
def load_gazetteer() -> Gazetteer:
    return Gazetteer(load_knowledge())
