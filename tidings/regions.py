"""First-level regions (provinces, governorates, states, oblasts) from ISO 3166-2 (pycountry),
with English names from data/places/regions.tsv. Read-only after construction."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import pycountry

from .errors import KnowledgeError

REGIONS_FILE = "regions.tsv"
WORDS_FILE = "descriptors.tsv"


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # ISO 3166-2, "SY-HM"
    name: str  # English name where the data file gives one, else the ISO name
    country: str  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None


APOSTROPHES = str.maketrans("-", " ", "'’‘ʻʼ`")


def fold(text: str) -> str:
    """Lower case without accents or apostrophes, hyphens as spaces: "Ḩamāh" -> "hamah",
    "Dar'ā" -> "dara", "Al-Imam" -> "al imam"."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.translate(APOSTROPHES).lower().strip()


def read_table(name: str) -> list[tuple[int, list[str]]]:
    """A tab-separated file in data/places: (line number, cells) of its rows after the header."""
    path = resources.files("tidings") / "data" / "places" / name
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if number > 1 and line.strip() and not line.startswith("#"):
            rows.append((number, [c.strip() for c in line.split("\t")]))
    return rows


def english_names() -> dict[str, list[str]]:
    """data/places/regions.tsv: ISO 3166-2 code -> English names, the first one shown."""
    names: dict[str, list[str]] = {}
    for number, cells in read_table(REGIONS_FILE):
        code = cells[0].upper()
        if len(cells) < 2 or pycountry.subdivisions.get(code=code) is None:
            raise KnowledgeError(f"data/places/{REGIONS_FILE}:{number}: {cells[0]!r} is not an "
                                 f"ISO 3166-2 code with names after a tab")
        names[code] = [n.strip() for n in cells[1].split("|") if n.strip()]
    return names


def name_words() -> dict[str, frozenset[str]]:
    """descriptors.tsv kinds that clean ISO names: `article` ("Al") and `suffix` ("Sheng")."""
    kinds: dict[str, set[str]] = {"article": set(), "suffix": set(), "direction": set()}
    for _, cells in read_table(WORDS_FILE):
        if len(cells) == 2 and cells[1] in kinds:
            kinds[cells[1]].add(fold(cells[0]))
    return {k: frozenset(v) for k, v in kinds.items()}


def iso_forms(name: str, words: Mapping[str, frozenset[str]]) -> set[str]:
    """Folded forms of an ISO name: "Ingushetiya, Respublika" -> "ingushetiya"; "Al Ḩasakah" ->
    "al hasakah", "al-hasakah", "hasakah"; "Sichuan Sheng" -> "sichuan"."""
    base = fold(re.sub(r"\s*[\[(].*?[\])]", "", name)).partition(",")[0].strip()
    tokens = base.split()
    while len(tokens) > 1 and tokens[-1] in words["suffix"]:
        tokens = tokens[:-1]
    forms = {base, " ".join(tokens)}
    if len(tokens) > 1 and tokens[0] in words["article"]:
        forms.add(" ".join(tokens[1:]))
    return {f for f in forms if f and f not in words["direction"]}


def shown(name: str, words: Mapping[str, frozenset[str]]) -> str:
    """An ISO name without its bracket or suffix words: "Sichuan Sheng" -> "Sichuan"."""
    tokens = re.sub(r"\s*[\[(].*?[\])]", "", name).partition(",")[0].split()
    while len(tokens) > 1 and fold(tokens[-1]) in words["suffix"]:
        tokens = tokens[:-1]
    return " ".join(tokens) or name


class RegionIndex:
    """Folded name -> regions of that name; regions with English names in the data file first."""

    def __init__(self, index: Mapping[str, tuple[Region, ...]]) -> None:
        self.index = MappingProxyType(dict(index))

    def get(self, name: str) -> tuple[Region, ...]:
        return self.index.get(fold(name), ())

    def __len__(self) -> int:
        return len(self.index)

    @classmethod
    def load(cls, iso3: Mapping[str, str], cities: Mapping[str, tuple] | None = None) -> RegionIndex:
        """Every top-level ISO 3166-2 subdivision, and lower ones the data file names.
        ``cities`` (folded name -> cities) gives coordinates: the largest city of a region's
        name in its country, or for a US state its largest city."""
        english, words = english_names(), name_words()
        subs = [s for s in pycountry.subdivisions if s.parent_code is None or s.code in english]
        return cls.build(subs, english, words, iso3, cities or {})

    @classmethod
    def build(cls, subs: Iterable, english: Mapping[str, list[str]],
              words: Mapping[str, frozenset[str]], iso3: Mapping[str, str],
              cities: Mapping[str, tuple]) -> RegionIndex:
        index: dict[str, list[tuple[bool, Region]]] = {}
        states = largest_by_state(cities)
        for sub in subs:
            names = english.get(sub.code, [])
            forms = {fold(n) for n in names} | iso_forms(sub.name, words)
            country = iso3.get(sub.country_code, sub.country_code)
            region = located(Region(sub.code, names[0] if names else shown(sub.name, words), country),
                             forms, cities, states)
            for form in forms:
                index.setdefault(form, []).append((not names, region))
        return cls({k: tuple(r for _, r in sorted(v, key=lambda p: p[0])) for k, v in index.items()})


def largest_by_state(cities: Mapping[str, tuple]) -> dict[str, object]:
    """US state code -> its largest city."""
    best: dict[str, object] = {}
    for options in cities.values():
        for c in options:
            if c.country == "USA" and (c.admin1 not in best or c.population > best[c.admin1].population):
                best[c.admin1] = c
    return best


def located(region: Region, forms: set[str], cities: Mapping[str, tuple],
            states: Mapping[str, object]) -> Region:
    """The region with the coordinates of its namesake city in its country (for a US state,
    its largest city), where there is one."""
    if region.country == "USA":
        state = states.get(region.code.partition("-")[2])
        found = [state] if state is not None else []
    else:
        found = [c for f in sorted(forms) for c in cities.get(f, ()) if c.country == region.country]
    if not found:
        return region
    best = max(found, key=lambda c: c.population)
    return Region(region.code, region.name, region.country, round(best.lat, 4), round(best.lon, 4))
