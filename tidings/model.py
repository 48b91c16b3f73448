"""The data model: Article -> Sentence -> Mention -> Event, with offsets into the article text.

Records produced by ``to_dict`` follow docs/event-record.md exactly; ``from_dict`` reads them back.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

QUAD_CLASSES = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation", "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
EVENT_TYPES = tuple(QUAD_CLASSES)


def penta_class(cameo: str | None) -> int | str:
    """Phoenix PentaClass from the CAMEO root: 0 statements and appeals (01-02), 1 verbal
    cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13, and 16
    "reduce relations"), 4 material conflict (14-15, 17-20). CAMEO counts an appeal as
    cooperative where PLOVER's REQUEST is not."""
    if not cameo:
        return ""
    root = int(cameo[:2])
    if root == 16:
        return 3
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
STATUSES = ("occurred", "ongoing", "planned", "hypothetical", "negated")
MENTION_KINDS = ("person", "organization", "country", "location", "group", "nationality")


def content_id(*parts: str, prefix: str = "", length: int = 10) -> str:
    """A stable short id from text parts: same input, same id, on every machine."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return prefix + digest[:length]


def _simple_from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Article:
    """One news article: its text and publication metadata."""

    text: str
    id: str = ""
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text, prefix="a-")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "date": self.date, "title": self.title,
                "source": self.source, "url": self.url}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _simple_from_dict(cls, data)


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of an article: its index and character span."""

    index: int
    start: int
    end: int

    def text(self, article: Article) -> str:
        return article.text[self.start:self.end]


@dataclass(slots=True)
class Mention:
    """An actor mention: the span as written and what it resolves to."""

    text: str
    start: int
    end: int
    kind: str = "organization"
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None
    former: bool = False

    @property
    def code(self) -> str | None:
        if not self.country:
            return None
        return self.country + (self.sector or "")

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "start": self.start, "end": self.end,
               "name": self.name or self.text, "country": self.country,
               "sector": self.sector, "code": self.code, "id": self.id}
        if self.former:
            out["former"] = True
        return out

    def to_mention_record(self, article_id: str) -> dict[str, Any]:
        """The record written by ``tidings extract --mentions``."""
        return {"article_id": article_id, "text": self.text, "start": self.start,
                "end": self.end, "kind": self.kind, "name": self.name or self.text,
                "country": self.country, "sector": self.sector, "id": self.id}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return _simple_from_dict(cls, data)


@dataclass(slots=True)
class Place:
    text: str
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "name": self.name, "country": self.country,
               "lat": self.lat, "lon": self.lon, "precision": self.precision}
        if self.geonameid is not None:
            out["geonameid"] = self.geonameid
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return _simple_from_dict(cls, data)


@dataclass(slots=True)
class Quantity:
    value: float
    text: str
    approx: bool = False
    what: str | None = None
    role: str | None = None
    max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        out = {"value": value, "approx": self.approx, "text": self.text,
               "what": self.what, "role": self.role}
        if self.max is not None:
            out["max"] = int(self.max) if float(self.max).is_integer() else self.max
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return _simple_from_dict(cls, data)


@dataclass(slots=True)
class Trigger:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    """One coded event; ``to_dict`` gives the record of docs/event-record.md."""

    article_id: str
    sentence: int
    event_type: str
    trigger: Trigger
    text: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    status: str = "occurred"
    actor: list[Mention] = field(default_factory=list)
    recipient: list[Mention] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: Place | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    coder: str = "tidings.rules/1"
    # other mentions of this event in its sentence ("killed 8 and wounded 20"); not in the record
    merged_triggers: list[Trigger] = field(default_factory=list)

    @property
    def quad_class(self) -> str:
        return QUAD_CLASSES[self.event_type]

    @property
    def event_id(self) -> str:
        return content_id(self.article_id, str(self.sentence), str(self.trigger.start),
                          self.event_type, self.coder, prefix="e-")

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "article_id": self.article_id,
            "sentence": self.sentence, "event_type": self.event_type, "mode": self.mode,
            "context": list(self.context), "cameo": self.cameo, "quad_class": self.quad_class,
            "goldstein": self.goldstein, "status": self.status,
            "actor": [m.to_dict() for m in self.actor],
            "recipient": [m.to_dict() for m in self.recipient],
            "date": self.date, "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "trigger": self.trigger.to_dict(), "text": self.text,
            "confidence": round(self.confidence, 3), "coder": self.coder,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        location = data.get("location")
        return cls(
            article_id=data["article_id"], sentence=data["sentence"],
            event_type=data["event_type"], trigger=Trigger(**data["trigger"]),
            text=data["text"], mode=data.get("mode"), context=list(data.get("context") or []),
            cameo=data.get("cameo"), goldstein=data.get("goldstein"),
            status=data.get("status", "occurred"),
            actor=[Mention.from_dict(m) for m in data.get("actor") or []],
            recipient=[Mention.from_dict(m) for m in data.get("recipient") or []],
            date=data.get("date"), date_text=data.get("date_text"),
            location=Place.from_dict(location) if location else None,
            quantities=[Quantity.from_dict(q) for q in data.get("quantities") or []],
            confidence=data.get("confidence", 0.5), coder=data.get("coder", "tidings.rules/1"),
        )
