"""Read a PETRARCH/TABARI actor dictionary (``NAME [CODE]`` lines, ``+ALIAS`` lines, indented
dated ``[CODE >date]`` lines) into tidings actor entries (docs/knowledge.md).

Used by ``tidings eval petrarch2``, whose validation records are about fictional places defined
in their own dictionary. Only what the knowledge format can hold is kept: the names, and the
first code (country = its first three letters, sector = the next three).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)
CODE = re.compile(r"\[([^\]\s]*)[^\]]*\]")


def surface(raw: str) -> str:
    """"IVORY_COAST" -> "Ivory Coast"; a trailing underscore (whole-word mark) is dropped."""
    return " ".join(raw.replace("_", " ").split()).title()


def parse_lines(text: str) -> list[dict]:
    """Dictionary text -> [{"name", "aliases", "codes"}], in file order."""
    entries: list[dict] = []
    for line in COMMENT_BLOCK.sub("", text).splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip() or body.lstrip().startswith("<"):
            continue
        codes = CODE.findall(body)
        name = CODE.sub("", body).strip()
        if body[0] in " \t" and entries:
            entries[-1]["codes"].extend(codes)
        elif body.startswith("+") and entries:
            entries[-1]["aliases"].append(surface(name[1:]))
        elif name:
            entries.append({"name": surface(name), "aliases": [], "codes": list(codes)})
    return entries


def to_actor(entry: dict) -> dict | None:
    code = next((c.split("/")[0] for c in entry["codes"] if c.strip("-")), None)
    if code is None:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", entry["name"].lower()).strip("-")
    return {"id": f"petr-{slug}", "kind": "country" if len(code) == 3 else "organization",
            "name": entry["name"], "aliases": sorted(set(entry["aliases"]) - {entry["name"]}),
            "country": code[:3], "sector": code[3:6] or None}


def petrarch_actors(source: Path, target: Path) -> int:
    """Write ``source``'s actors as a tidings actors YAML file; returns how many."""
    actors = [a for a in map(to_actor, parse_lines(source.read_text(encoding="utf-8"))) if a]
    unique = list({a["id"]: a for a in actors}.values())
    target.write_text(yaml.safe_dump({"as_of": None, "actors": unique}, allow_unicode=True,
                                     sort_keys=False), encoding="utf-8")
    return len(unique)
