"""The actor knowledge base: countries, international bodies, groups, people with dated roles,
and generic agent nouns, loaded from data files (format: docs/knowledge.md) into read-only objects."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

import yaml

from .errors import KnowledgeError
from .tsv import tsv_rows

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CASE_SENSITIVE_BELOW = 4  # aliases shorter than this match only with the same capitals ("US")


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    titles: tuple[str, ...] = ()

    def holds_on(self, day: str | None) -> bool:
        """True when the role is held on ``day`` (ISO date, possibly partial); unknown day: now."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start[:len(day)] <= day) and \
               (self.end is None or day[:len(self.end)] <= self.end)

    def all_titles(self) -> tuple[str, ...]:
        return (self.title, *self.titles)


@dataclass(frozen=True, slots=True)
class Entry:
    """One known actor."""

    id: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: Mapping[str, str] = field(default_factory=dict)
    former_names: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    ambiguous: bool = False
    start: str | None = None
    end: str | None = None

    def role_on(self, day: str | None) -> Role | None:
        return next((r for r in self.roles if r.holds_on(day)), None)

    def last_role_before(self, day: str | None) -> Role | None:
        past = [r for r in self.roles if r.end and (day is None or r.end <= day)]
        return max(past, key=lambda r: r.end or "", default=None)


@dataclass(frozen=True, slots=True)
class Name:
    """A surface form and what it points to: an entry, and how (name, alias, demonym, metonym)."""

    entry: str
    how: str
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Agent:
    term: str
    sector: str
    kind: str


def _iso(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    return tuple(str(v) for v in (value if isinstance(value, list) else [value]))


def _role(raw: dict, person: dict) -> Role:
    return Role(title=str(raw.get("title", "")).lower(),
                country=raw.get("country", person.get("country")),
                sector=raw.get("sector", person.get("sector")),
                start=_iso(raw.get("start")), end=_iso(raw.get("end")),
                titles=tuple(t.lower() for t in _tuple(raw.get("titles"))))


def entry_from_dict(raw: dict, where: str) -> Entry:
    try:
        return Entry(
            id=str(raw["id"]), kind=str(raw.get("kind", "organization")), name=str(raw["name"]),
            country=raw.get("country"), sector=raw.get("sector"),
            aliases=_tuple(raw.get("aliases")), demonyms=_tuple(raw.get("demonyms")),
            capital=raw.get("capital"), metonyms=MappingProxyType(dict(raw.get("metonyms") or {})),
            former_names=_tuple(raw.get("former_names")),
            roles=tuple(_role(r, raw) for r in raw.get("roles") or []),
            ambiguous=bool(raw.get("ambiguous", False)),
            start=_iso(raw.get("start")), end=_iso(raw.get("end")))
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{where}: actor entry {raw!r:.80} is missing or has a bad field ({exc})") \
            from None


def _load_doc(path: Path | Any) -> dict:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read actors file ({exc})") from None
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise KnowledgeError(f"{path}: expected a mapping with an `actors:` list")
    return data


def read_actor_file(path: Path | Any) -> tuple[str | None, list[Entry]]:
    """One actors YAML file -> (as_of, entries)."""
    data = _load_doc(path)
    return _iso(data.get("as_of")), [entry_from_dict(r, str(path)) for r in data.get("actors") or []]


def doc_agents(data: dict, where: str) -> list[Agent]:
    """The optional `agents:` list of an actors file: ``{term, sector, kind}`` mappings."""
    try:
        return [Agent(str(r["term"]).strip().lower(), str(r["sector"]), str(r.get("kind") or "group"))
                for r in data.get("agents") or []]
    except (KeyError, TypeError, AttributeError):
        raise KnowledgeError(f"{where}: each `agents:` item needs `term` and `sector`") from None


def _read_entries(paths: Iterable[Path | Any],
                  agents: dict[str, Agent]) -> tuple[dict[str, Entry], list[str | None]]:
    """Entries by id from actor files (later files win); their `agents:` lists go into ``agents``."""
    entries: dict[str, Entry] = {}
    dates = []
    for path in paths:
        data = _load_doc(path)
        dates.append(_iso(data.get("as_of")))
        items = (entry_from_dict(r, str(path)) for r in data.get("actors") or [])
        entries.update((e.id, e) for e in items)
        agents.update((a.term, a) for a in doc_agents(data, str(path)))
    return entries, dates


AGENT_COLUMNS = ("term", "sector", "kind")  # kind may be empty: "group"


def read_agents(path: Path | Any) -> list[Agent]:
    """Generic agent nouns (format: docs/knowledge.md, "Generic agents")."""
    return [Agent(r["term"].lower(), r["sector"], r["kind"] or "group")
            for _, r in tsv_rows(path, AGENT_COLUMNS, required=2)]


def read_titles(path: Path | Any) -> dict[str, str]:
    """Role title synonyms: alias -> title (format: docs/knowledge.md, "Role titles")."""
    return {r["alias"].lower(): r["title"].lower() for _, r in tsv_rows(path, ("alias", "title"))}


WORD_LISTS = ("relational", "particle")  # the lists word_lists.tsv may fill


def read_word_lists(path: Path | Any) -> dict[str, frozenset[str]]:
    """Closed word lists by name (format: docs/knowledge.md, "Word lists")."""
    words: dict[str, set[str]] = {name: set() for name in WORD_LISTS}
    for line, row in tsv_rows(path, ("list", "word")):
        if row["list"] not in words:
            raise KnowledgeError(f"{path}:{line}: list {row['list']!r} is not one of "
                                 f"{', '.join(WORD_LISTS)}",
                                 "Use one of those list names in the first column; see "
                                 "docs/knowledge.md, \"Word lists\".")
        words[row["list"]].add(row["word"].lower())
    return {name: frozenset(found) for name, found in words.items()}


def _first_per_entry(pairs: list[tuple[Entry, Role]]) -> list[tuple[Entry, Role]]:
    seen: dict[str, tuple[Entry, Role]] = {}
    for entry, role in pairs:
        seen.setdefault(entry.id, (entry, role))
    return list(seen.values())


def _surface_forms(entry: Entry) -> Iterable[tuple[str, Name]]:
    yield entry.name, Name(entry.id, "name")
    for alias in (*entry.aliases, *entry.former_names):
        yield alias, Name(entry.id, "alias")
    for demonym in entry.demonyms:
        yield demonym, Name(entry.id, "demonym")
    for metonym, sector in entry.metonyms.items():
        yield metonym, Name(entry.id, "metonym", sector)


class KnowledgeBase:
    """Read-only lookups over actor entries. Build with ``KnowledgeBase.load()``."""

    def __init__(self, entries: Iterable[Entry], agents: Iterable[Agent] = (),
                 as_of: str | None = None, titles: Mapping[str, str] | None = None,
                 word_lists: Mapping[str, frozenset[str]] | None = None) -> None:
        self.as_of = as_of
        self.word_lists: Mapping[str, frozenset[str]] = MappingProxyType(dict(word_lists or {}))
        self.title_aliases: Mapping[str, str] = MappingProxyType(dict(titles or {}))
        self.entries: Mapping[str, Entry] = MappingProxyType({e.id: e for e in entries})
        self.agents: Mapping[str, Agent] = MappingProxyType({a.term: a for a in agents})
        names: dict[str, list[Name]] = {}
        for entry in self.entries.values():
            for form, name in _surface_forms(entry):
                key = form if len(form) < CASE_SENSITIVE_BELOW else form.lower()
                names.setdefault(key, []).append(name)
        self.names: Mapping[str, tuple[Name, ...]] = MappingProxyType(
            {k: tuple(v) for k, v in names.items()})
        roles: dict[str, list[tuple[Entry, Role]]] = {}
        for entry in self.entries.values():
            for role in entry.roles:
                for title in filter(None, role.all_titles()):
                    roles.setdefault(title, []).append((entry, role))
        self.roles = MappingProxyType({k: tuple(v) for k, v in roles.items()})
        self.by_country = MappingProxyType(
            {e.country: e for e in self.entries.values() if e.kind == "country"})

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> KnowledgeBase:
        """The built-in knowledge, then user files: a user entry with a built-in id replaces it,
        and user entries' names are tried before built-in ones."""
        folder = resources.files("tidings") / "data" / "actors"
        files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
        agents_file = folder / "agents.tsv"
        agents = {a.term: a for a in (read_agents(agents_file) if agents_file.is_file() else [])}
        builtin, dates = _read_entries(files, agents)
        user, user_dates = _read_entries([Path(p) for p in extra], agents)
        entries = {**user, **{k: v for k, v in builtin.items() if k not in user}}
        titles_file = folder / "titles.tsv"
        titles = read_titles(titles_file) if titles_file.is_file() else {}
        words_file = folder / "word_lists.tsv"
        words = read_word_lists(words_file) if words_file.is_file() else {}
        return cls(entries.values(), agents.values(),
                   as_of=min((d for d in [*dates, *user_dates] if d), default=None), titles=titles,
                   word_lists=words)

    def lookup(self, text: str) -> tuple[Name, ...]:
        key = text if len(text) < CASE_SENSITIVE_BELOW else text.lower()
        return self.names.get(key, ())

    def holders(self, title: str, country: str | None, day: str | None) -> list[Entry]:
        """People holding ``title`` (e.g. "prime minister") in ``country`` on ``day``."""
        seen: dict[str, Entry] = {}
        for entry, role in self.roles.get(title.lower(), ()):
            if (country is None or role.country == country) and role.holds_on(day):
                seen.setdefault(entry.id, entry)
        return list(seen.values())

    def holders_with_roles(self, title: str, country: str | None,
                           day: str | None) -> list[tuple[Entry, Role]]:
        """(person, role) pairs holding ``title`` on ``day``; the latest to take office first."""
        pairs = [(e, r) for e, r in self.roles.get(title.lower(), ())
                 if (country is None or r.country == country) and r.holds_on(day)]
        pairs.sort(key=lambda p: p[1].start or "", reverse=True)
        return _first_per_entry(pairs)

    def past_holders(self, title: str, country: str | None,
                     day: str | None) -> list[tuple[Entry, Role]]:
        """(person, role) pairs who held ``title`` before ``day``, the most recent first."""
        pairs = [(e, r) for e, r in self.roles.get(title.lower(), ())
                 if (country is None or r.country == country) and r.end
                 and (day is None or r.end[:len(day)] <= day) and not r.holds_on(day)]
        pairs.sort(key=lambda p: p[1].end or "", reverse=True)
        return _first_per_entry(pairs)

    def titles_for(self, phrase: str) -> tuple[str, ...]:
        """Role titles a phrase may stand for: itself, then its synonyms (data/actors/titles.tsv)."""
        phrase = phrase.lower()
        canonical = self.title_aliases.get(phrase, phrase)
        group = [phrase, canonical, *(a for a, c in self.title_aliases.items() if c == canonical)]
        return tuple(dict.fromkeys(t for t in group if t in self.roles))

    def agent(self, term: str) -> Agent | None:
        return self.agents.get(term.lower())

    def in_list(self, name: str, word: str) -> bool:
        """Whether ``word`` is in the closed word list ``name`` (data/actors/word_lists.tsv)."""
        return word.lower() in self.word_lists.get(name, ())
