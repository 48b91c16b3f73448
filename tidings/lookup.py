"""What a name or role phrase resolves to on a date, and why: the library behind
``tidings actors lookup``. Works on the knowledge base alone (no spaCy model).

    explain(kb, "Israel's defence minister", "2025-03-01")  -> [Resolution(... Israel Katz ...)]

A query is tried, in order, as: a known name (alias, demonym, metonym); a role phrase
("the US president", "prime minister of Israel"); a title followed by a name ("Prime Minister
Benjamin Netanyahu"); a nationality or country followed by a generic agent ("Israeli troops").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .kb import Entry, KnowledgeBase, Name, Role

FORMER_PREFIXES = ("former ", "ex-", "ex ", "then-", "then ")
DETERMINERS = ("the ", "a ", "an ")
POSSESSIVE = re.compile(r"(?:'s|’s|')$")
POSSESSIVE_WORD = re.compile(r"(?<=\w)(?:'s|’s)(?=\s)")


@dataclass(frozen=True, slots=True)
class Resolution:
    """One reading of a query: the entry (if any), what it is on the date, and how it was found."""

    query: str
    form: str                   # the part of the query that matched the knowledge base
    how: str                    # name | alias | demonym | metonym | role | title+name | agent
    kind: str
    country: str | None
    sector: str | None
    entry: Entry | None = None
    role: Role | None = None    # the role held on the date (or last held, when former)
    former: bool = False
    title: str | None = None    # the role title asked for, for role phrases

    @property
    def code(self) -> str | None:
        return None if not self.country else self.country + (self.sector or "")

    def to_dict(self) -> dict:
        role = self.role
        return {"query": self.query, "form": self.form, "how": self.how, "kind": self.kind,
                "id": self.entry.id if self.entry else None,
                "name": self.entry.name if self.entry else self.form,
                "country": self.country, "sector": self.sector, "code": self.code,
                "role": None if role is None else
                {"title": role.title, "country": role.country, "start": role.start, "end": role.end},
                "former": self.former}


def explain(kb: KnowledgeBase, query: str, day: str | None = None) -> list[Resolution]:
    """Every reading of ``query`` on ``day`` (ISO date; None: as of the knowledge base), best first."""
    text, former = _clean(query)
    for attempt in (_by_name, _by_role, _by_title_and_name, _by_agent):
        found = list(attempt(kb, query, text, day, former))
        if found:
            return found
    return []


def _clean(query: str) -> tuple[str, bool]:
    text = " ".join(query.split())
    former = False
    changed = True
    while changed:
        changed = False
        low = text.lower()
        for prefix in (*DETERMINERS, *FORMER_PREFIXES):
            if low.startswith(prefix) and len(text) > len(prefix):
                former = former or prefix in FORMER_PREFIXES
                text, changed = text[len(prefix):], True
                break
    return text, former


# --- readings --------------------------------------------------------------------------------

def _by_name(kb: KnowledgeBase, query: str, text: str, day: str | None,
             former: bool) -> Iterator[Resolution]:
    for name in kb.lookup(text):
        yield from_name(kb, query, text, name, day, former)


def from_name(kb: KnowledgeBase, query: str, form: str, name: Name, day: str | None,
              former: bool = False) -> Resolution:
    """A surface form's entry on ``day``: a person's role then, or the last one before it."""
    entry = kb.entries[name.entry]
    kind = "nationality" if name.how == "demonym" else entry.kind
    sector = name.sector if name.how == "metonym" else entry.sector
    country, role = entry.country, None
    if entry.roles:
        role = entry.role_on(day)
        if role is None:
            role = entry.last_role_before(day)
            former = former or role is not None
        if role is not None:
            country, sector = role.country or country, role.sector or sector
    return Resolution(query, form, name.how, kind, country, sector, entry, role, former)


def _by_role(kb: KnowledgeBase, query: str, text: str, day: str | None,
             former: bool) -> Iterator[Resolution]:
    for place, titles in _role_splits(kb, POSSESSIVE_WORD.sub("", text)):
        countries = _countries(kb, place) if place else [None]
        for country, title in ((c, t) for c in countries for t in titles):
            found = list(_role_holders(kb, query, title, country, day, former))
            if found:
                yield from found
                return


def _role_splits(kb: KnowledgeBase, text: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(place, titles) pairs: "Israel defence minister", "US president", "president of France"."""
    words = text.split()
    low = [w.lower() for w in words]
    for i in range(len(words)):
        titles = kb.titles_for(" ".join(low[i:]))
        if titles:
            yield " ".join(words[:i]), titles
    for i, word in enumerate(low):
        if word == "of" and 0 < i < len(words) - 1:
            titles = kb.titles_for(" ".join(low[:i]))
            place = " ".join(words[i + 1:])
            if titles:
                yield (place[4:] if place.lower().startswith("the ") else place), titles


def _countries(kb: KnowledgeBase, place: str) -> list[str]:
    """Country codes a place word stands for ("Israeli", "Israel's", "UK", "the UN")."""
    codes: list[str] = []
    for name in kb.lookup(place):
        country = kb.entries[name.entry].country
        if country and country not in codes:
            codes.append(country)
    return codes


def _role_holders(kb: KnowledgeBase, query: str, title: str, country: str | None,
                  day: str | None, former: bool) -> Iterator[Resolution]:
    pairs = kb.holders_with_roles(title, country, day) if not former else \
        kb.past_holders(title, country, day)[:1]
    for entry, role in pairs:
        yield Resolution(query, title, "role", entry.kind, role.country or entry.country,
                         role.sector or entry.sector, entry, role, former, title)


def _by_title_and_name(kb: KnowledgeBase, query: str, text: str, day: str | None,
                       former: bool) -> Iterator[Resolution]:
    """ "Prime Minister Benjamin Netanyahu": the longest known name at the end of the query."""
    words = text.split()
    for i in range(1, len(words)):
        form = " ".join(words[i:])
        names = kb.lookup(form)
        people = [n for n in names if kb.entries[n.entry].kind == "person"]
        if people:
            for name in people:
                found = from_name(kb, query, form, name, day, former)
                yield Resolution(query, form, "title+name", found.kind, found.country, found.sector,
                                 found.entry, found.role, found.former,
                                 " ".join(words[:i]).lower())
            return


def _by_agent(kb: KnowledgeBase, query: str, text: str, day: str | None,
              former: bool) -> Iterator[Resolution]:
    """ "Israeli troops" -> ISR MIL; "protesters" -> no country, CVL."""
    words = text.split()
    for i in range(len(words)):
        agent = kb.agent(" ".join(words[i:]))
        if agent is None:
            continue
        place = POSSESSIVE.sub("", " ".join(words[:i]))
        countries = _countries(kb, place) if place else [None]
        for country in countries or [None]:
            yield Resolution(query, agent.term, "agent", agent.kind, country, agent.sector,
                             former=former)
        return
