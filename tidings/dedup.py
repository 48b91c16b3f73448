"""De-duplication helpers: MinHash signatures of articles and the keys that group events.

Near-duplicate articles (wire copies, updated versions of one story) are found with MinHash over
word shingles and locality-sensitive hashing (LSH) in bands: two articles whose shingle sets have a
Jaccard similarity of about 0.5 or more share at least one band bucket with high probability; the
candidates are then checked against the estimated similarity.

Events are grouped into clusters by a key (event type, status group, actor codes, recipient codes)
and a date window; see ``docs/store.md``.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import date as Date, timedelta

import numpy as np

from .model import Event, Mention

WORD = re.compile(r"\w+", re.U)
PRIME = np.uint64(4294967291)  # the largest prime below 2**32
STATUS_GROUPS = {"occurred": "real", "ongoing": "real", "planned": "real",
                 "hypothetical": "hypothetical", "negated": "negated"}


@dataclass(frozen=True, slots=True)
class MinHasher:
    """MinHash with ``bands * rows`` permutations, seeded so signatures are stable across runs."""

    shingle: int = 3
    bands: int = 32
    rows: int = 4
    seed: int = 20250202

    @property
    def size(self) -> int:
        return self.bands * self.rows

    def _coefficients(self) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(self.seed)
        a = rng.integers(1, int(PRIME), self.size, dtype=np.uint64)
        b = rng.integers(0, int(PRIME), self.size, dtype=np.uint64)
        return a, b

    def shingles(self, text: str) -> np.ndarray:
        words = WORD.findall(text.lower())
        k = min(self.shingle, max(len(words), 1))
        grams = {" ".join(words[i:i + k]) for i in range(max(len(words) - k + 1, 1))}
        return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64,
                           count=len(grams))

    def signature(self, text: str) -> np.ndarray:
        """The MinHash signature (``size`` uint32 values) of a text's word shingles."""
        a, b = self._coefficients()
        values = self.shingles(text)
        hashed = (np.outer(a, values) + b[:, None]) % PRIME
        return hashed.min(axis=1).astype(np.uint32)

    def buckets(self, signature: np.ndarray) -> list[int]:
        """One LSH bucket per band: a 63-bit hash of the band's rows."""
        out = []
        for band in range(self.bands):
            chunk = signature[band * self.rows:(band + 1) * self.rows].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big")).digest()
            out.append(int.from_bytes(digest, "big") >> 1)
        return out


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.mean(np.asarray(sig_a) == np.asarray(sig_b)))


def date_span(value: str | None) -> tuple[Date, Date] | None:
    """First and last day of an ISO date that may be partial ("2025-02-04", "2024-11", "2025")."""
    if not value:
        return None
    parts = str(value).split("-")
    try:
        if len(parts) >= 3:
            day = Date.fromisoformat(str(value)[:10])
            return day, day
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            first = Date(year, month, 1)
            following = Date(year + month // 12, month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        return Date(year, 1, 1), Date(year, 12, 31)
    except ValueError:
        return None


def actors_key(mentions: list[Mention]) -> str:
    """Codes of a (possibly compound) actor, sorted: "EGYGOV+JORGOV"; "-" when there is none."""
    keys = sorted({m.code or (m.name or m.text).lower() for m in mentions})
    return "+".join(keys) or "-"


def place_key(event: Event) -> str | None:
    loc = event.location
    if loc is None:
        return None
    return f"{loc.name}|{loc.country or ''}"


@dataclass(frozen=True, slots=True)
class ClusterKey:
    """What two events must share to be the same real-world event (dates are checked apart)."""

    event_type: str
    status_group: str
    actor: str
    recipient: str

    @classmethod
    def of(cls, event: Event) -> ClusterKey:
        return cls(event.event_type, STATUS_GROUPS.get(event.status, event.status),
                   actors_key(event.actor), actors_key(event.recipient))

    @property
    def clusterable(self) -> bool:
        """Events with neither actor nor recipient are too vague to merge with anything."""
        return not (self.actor == "-" and self.recipient == "-")
