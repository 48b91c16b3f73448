"""Read PETRARCH / Phoenix (TABARI-style) actor and agent dictionaries into tidings' knowledge
format (docs/knowledge.md): ``tidings actors import --format petrarch FILE``.

Actor records: a primary phrase with an optional default ``[CODE]``, ``+synonym`` lines, and
indented date restrictions ``[CODE <DATE]``, ``[CODE >DATE]``, ``[CODE DATE-DATE]`` (limits
inclusive; DATE is YYYYMMDD or YYMMDD). Agent records: ``PHRASE {PLURALS} [~CODE]`` or
``[CODE~]``, with ``!MARKER! = A, B`` substitution sets. Codes are split into tidings' country
(first three letters) and sector (next three); longer sub-codes are kept in ``petrarch_code``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Iterator

from .errors import KnowledgeError

NULL_CODES = {"---", "+++", "###"}
COMMENT_XML = re.compile(r"<!.*?-->")
RESTRICTION = re.compile(
    r"\[\s*(?P<code>[^\s\]<>]+)\s*(?:(?P<op>[<>])\s*(?P<day>\d{6,8})|"
    r"(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8}))?\s*\]")
MARKER_DEF = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")
AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[\s*(?P<code>[^\]]+?)\s*\]")
CENTURY_PIVOT = 40  # two-digit years up to 40 are 20xx, the others 19xx


@dataclass(slots=True)
class Restriction:
    code: str
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class ActorRecord:
    phrases: list[str]
    line: int
    default: str | None = None
    restrictions: list[Restriction] = field(default_factory=list)


# --- lines ---------------------------------------------------------------------------------

def clean_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) without comments (``#``, ``;``, ``<!-- -->`` over one or many lines);
    leading whitespace is kept because it marks a date restriction."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = COMMENT_XML.sub("", line)
        if line.lstrip().startswith("<!"):
            in_comment = True
            continue
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        if line.strip():
            yield number, line


def phrase_text(phrase: str) -> str:
    """``GAZA_CITY`` -> ``Gaza City``; short all-capital forms keep their capitals (``IMF``)."""
    words = phrase.replace("_", " ").split()
    text = " ".join(words)
    return text if len(text) < 4 else " ".join(w.capitalize() if w.isupper() else w for w in words)


def iso_day(raw: str, where: str) -> str:
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= CENTURY_PIVOT else 1900 + year}{raw[2:]}"
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()
    except ValueError:
        raise KnowledgeError(f"{where}: bad date {raw!r} in a date restriction",
                             "Dates are YYYYMMDD or YYMMDD.") from None


# --- actors --------------------------------------------------------------------------------

def read_actors(text: str, source: str = "<actors>") -> list[ActorRecord]:
    """PETRARCH actor dictionary text -> records, in file order."""
    records: list[ActorRecord] = []
    for number, line in clean_lines(text):
        where = f"{source}:{number}"
        stripped = line.strip()
        if line[0].isspace() and stripped.startswith("["):
            if not records:
                raise KnowledgeError(f"{where}: date restriction before any actor")
            _add_codes(records[-1], stripped, where)
        elif stripped.startswith("+"):
            if not records:
                raise KnowledgeError(f"{where}: synonym before any actor")
            phrase, _, rest = stripped[1:].partition("[")
            records[-1].phrases.append(phrase.strip())
            if rest:
                _add_codes(records[-1], "[" + rest, where)
        else:
            phrase, _, rest = stripped.partition("[")
            records.append(ActorRecord([phrase.strip()], number))
            if rest:
                _add_codes(records[-1], "[" + rest, where)
    return [r for r in records if r.phrases[0]]


def _add_codes(record: ActorRecord, text: str, where: str) -> None:
    found = list(RESTRICTION.finditer(text))
    if not found:
        raise KnowledgeError(f"{where}: expected [CODE], [CODE <DATE], [CODE >DATE] or "
                             f"[CODE DATE-DATE], got {text!r}")
    for m in found:
        code = m["code"].split("/")[0].upper()  # "ELR/GAL": the first of alternative codes
        if m["op"] == "<":
            record.restrictions.append(Restriction(code, None, iso_day(m["day"], where)))
        elif m["op"] == ">":
            record.restrictions.append(Restriction(code, iso_day(m["day"], where), None))
        elif m["a"]:
            record.restrictions.append(Restriction(code, iso_day(m["a"], where),
                                                   iso_day(m["b"], where)))
        elif record.default is None:
            record.default = code


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """``PSEREBHMS`` -> (PSE, REB); null codes (``---``) -> (None, None)."""
    if not code or code[:3] in NULL_CODES:
        return None, (code[3:6] or None) if code else None
    return code[:3], code[3:6] or None


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def default_spans(record: ActorRecord) -> list[Restriction]:
    """The stretches of time no restriction covers, where the default code applies."""
    if record.default is None or not record.restrictions:
        return []
    spans, cursor = [], None  # cursor: first day not yet covered (None: the beginning of time)
    ranked = sorted(record.restrictions, key=lambda r: r.start or "")
    for r in ranked:
        if r.start is not None and (cursor is None or cursor < r.start):
            spans.append(Restriction(record.default, cursor, _shift(r.start, -1)))
        if r.end is None:
            return spans
        cursor = max(cursor or "", _shift(r.end, 1))
    spans.append(Restriction(record.default, cursor, None))
    return spans


def actor_entry(record: ActorRecord, source: str) -> dict:
    """One actor record -> one knowledge entry (a dict ready for YAML)."""
    names = list(dict.fromkeys(_forms(record.phrases)))
    code = record.default or (record.restrictions[0].code if record.restrictions else None)
    country, sector = split_code(code)
    entry = {"id": "petrarch-" + re.sub(r"[^a-z0-9]+", "-", names[0].lower()).strip("-"),
             "kind": _kind(record, sector),
             "name": names[0], "aliases": names[1:], "country": country, "sector": sector,
             "petrarch_code": code, "source": f"{source}:{record.line}"}
    roles = [*record.restrictions, *default_spans(record)]
    if roles:
        entry["roles"] = [_role(r) for r in roles]
    return entry


def _kind(record: ActorRecord, sector: str | None) -> str:
    """Dated codes are people; a bare country-position code takes agents ("Osgiliath soldiers"
    -> OSGMIL) as a country does; a code with a sector is an organization."""
    if record.restrictions:
        return "person"
    return "organization" if sector else "country"


def _forms(phrases: Iterable[str]) -> Iterator[str]:
    for phrase in phrases:
        text = phrase_text(phrase)
        yield text
        if len(text) < 4 and text.isupper() and text.isalpha():
            yield text.capitalize()  # short forms match case-sensitively: "ENT" and "Ent"


def _role(r: Restriction) -> dict:
    country, sector = split_code(r.code)
    return {"title": "", "country": country, "sector": sector, "start": r.start, "end": r.end,
            "petrarch_code": r.code}


# --- agents --------------------------------------------------------------------------------

def read_agents(text: str, source: str = "<agents>") -> list[dict]:
    """PETRARCH agent dictionary text -> agent rows ``{term, sector, kind}``."""
    markers: dict[str, list[str]] = {}
    rows: dict[str, dict] = {}
    for number, line in clean_lines(text):
        if m := MARKER_DEF.match(line):
            markers[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        m = AGENT_LINE.match(line.strip())
        if m is None:
            raise KnowledgeError(f"{source}:{number}: expected PHRASE {{PLURALS}} [~CODE], got {line!r}")
        sector = agent_sector(m["code"])
        for term, kind in agent_terms(m["phrase"], m["plurals"], markers):
            rows.setdefault(term, {"term": term, "sector": sector, "kind": kind})
    return list(rows.values())


def agent_sector(code: str) -> str | None:
    """``~GOVFRM`` -> GOV (added after the actor code); ``NGO~`` -> NGO (added before it)."""
    code = code.replace(" ", "").upper()
    return (code[1:4] if code.startswith("~") else code.rstrip("~")[:3]) or None


def agent_terms(phrase: str, plurals: str | None,
                markers: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    phrase = phrase.strip()
    expanded = list(_expand(phrase, markers))
    if expanded != [phrase]:  # substitution sets give every form; no plurals are added
        yield from ((_term(p), "group") for p in expanded)
        return
    yield _term(phrase), "person"
    forms = [p for p in re.split(r"[,\s]+", plurals) if p] if plurals is not None \
        else [plural(phrase)]
    yield from ((_term(p), "group") for p in forms)


def _expand(phrase: str, markers: dict[str, list[str]]) -> Iterator[str]:
    m = re.search(r"![A-Z0-9_]+!", phrase)
    if m is None or m[0] not in markers:
        yield phrase
        return
    for value in markers[m[0]]:
        yield from _expand(phrase[:m.start()] + value + phrase[m.end():], markers)


def plural(phrase: str) -> str:
    """PETRARCH's regular plural: +IES after Y, +ES after SS, else +S."""
    if phrase.endswith("Y") and phrase[-2:-1] not in ("A", "E", "O", "U"):
        return phrase[:-1] + "IES"
    return phrase + ("ES" if phrase.endswith("SS") else "S")


def _term(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").lower().split())


# --- files ---------------------------------------------------------------------------------

def looks_like_agents(text: str) -> bool:
    return "~" in "".join(line for _, line in clean_lines(text) if "[" in line)


def import_file(path: Path, as_of: str | None = None) -> dict:
    """A PETRARCH actors or agents file -> a knowledge document ``{as_of, actors, agents}``."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc})") from None
    doc: dict = {"as_of": as_of, "source": f"PETRARCH dictionary {path.name}", "actors": []}
    if looks_like_agents(text):
        doc["agents"] = read_agents(text, str(path))
    else:
        doc["actors"] = unique_ids(actor_entry(r, path.name) for r in read_actors(text, str(path)))
    return doc


def unique_ids(entries: Iterable[dict]) -> list[dict]:
    """Two records with the same primary phrase get ``-2``, ``-3`` ... ids."""
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        count = seen[entry["id"]] = seen.get(entry["id"], 0) + 1
        if count > 1:
            entry["id"] = f"{entry['id']}-{count}"
        out.append(entry)
    return out


def merge(docs: Iterable[dict]) -> dict:
    """Several imported files (actors and agents) -> one knowledge document."""
    docs = list(docs)
    out: dict = {"as_of": next((d["as_of"] for d in docs if d.get("as_of")), None),
                 "source": "; ".join(d["source"] for d in docs), "actors": [], "agents": []}
    for doc in docs:
        out["actors"].extend(doc.get("actors") or [])
        out["agents"].extend(doc.get("agents") or [])
    out["actors"] = unique_ids(out["actors"])
    return out
