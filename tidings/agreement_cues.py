"""The agreement finder's cue words, read from ``data/agreements/cues.tsv`` (docs/agreements.md)."""
from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .agreements import FAMILIES, STANCES, STATUSES
from .errors import KnowledgeError

ROLES = ("agreement", "phase", "ordinal", "status", "stance", "pressure", "broker",
         "provision_event")
CUES_FILE = "data/agreements/cues.tsv"
Cue = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AgreementCues:
    """Immutable cue tables: lemma tuples -> value, by role."""

    agreement: Mapping[Cue, str]
    phase: frozenset[str]
    ordinal: Mapping[str, str]
    status: Mapping[Cue, str]
    stance: Mapping[Cue, str]
    pressure: frozenset[Cue]
    broker: frozenset[str]
    provision_event: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> AgreementCues:
        source = Path(path) if path else resources.files("tidings") / CUES_FILE
        tables: dict[str, dict[Cue, str]] = {role: {} for role in ROLES}
        for line, role, cue, value in read_rows(source):
            check_row(source, line, role, value)
            tables[role][tuple(cue.split())] = value
        one = lambda role: frozenset(" ".join(c) for c in tables[role])  # noqa: E731
        return cls(MappingProxyType(tables["agreement"]), one("phase"),
                   MappingProxyType({" ".join(k): v for k, v in tables["ordinal"].items()}),
                   MappingProxyType(tables["status"]), MappingProxyType(tables["stance"]),
                   frozenset(tables["pressure"]), one("broker"), one("provision_event"))

    def provides(self, event_type: str, mode: str | None) -> bool:
        kind = event_type.lower()
        return kind in self.provision_event or f"{kind}/{(mode or '').lower()}" in self.provision_event


def read_rows(source) -> list[tuple[int, str, str, str]]:
    rows = []
    with source.open(encoding="utf-8") as fh:
        for line, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if line == 1 or not row or row[0].startswith("#"):
                continue
            if len(row) != 3:
                raise KnowledgeError(f"{source}:{line}: expected 3 tab-separated fields "
                                     f"(role, cue, value), found {len(row)}")
            rows.append((line, row[0].strip(), row[1].strip().lower(), row[2].strip()))
    return rows


def check_row(source, line: int, role: str, value: str) -> None:
    allowed = {"agreement": FAMILIES, "status": STATUSES, "stance": STANCES}.get(role)
    if role not in ROLES:
        raise KnowledgeError(f"{source}:{line}: unknown role {role!r}; known: {', '.join(ROLES)}")
    if allowed and value not in allowed:
        raise KnowledgeError(f"{source}:{line}: {role} value {value!r} is not one of "
                             f"{', '.join(allowed)}")
