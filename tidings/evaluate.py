"""Scoring ``extract`` against annotated development data (../shared/data/dev)."""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article, Event
from .pipeline import Pipeline

PLV_MERGE = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
TAG = re.compile(r"</?[st]>")


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated sentence: text, gold label, and the source/target character spans."""

    id: str
    text: str
    label: str
    source: tuple[int, int] | None = None
    target: tuple[int, int] | None = None


def strip_marks(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """"<s>Iran</s> condemned <t>the US</t>" -> text and {"s": (0, 4), "t": (15, 21)}."""
    text, spans, opened, pos = [], {}, {}, 0
    for piece in re.split(r"(</?[st]>)", marked):
        if TAG.fullmatch(piece):
            name = piece.strip("</>")
            if piece.startswith("</"):
                spans[name] = (opened.pop(name, pos), pos)
            else:
                opened[name] = pos
        else:
            text.append(piece)
            pos += len(piece)
    return "".join(text), spans


def read_plv(path: str | Path) -> list[Gold]:
    """PLV_train.tsv: gold PLOVER root per sentence, source and target marked in the text."""
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text, spans = strip_marks(row["marked_sentence"])
            rows.append(Gold(row["sentence_id"], text, row["gold_root"], spans.get("s"),
                             spans.get("t")))
    return rows


def overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and start < span[1] and span[0] < end


def fit(event: Event, gold: Gold) -> tuple[int, float]:
    """How well an event matches the marked source and target; confidence breaks ties."""
    score = 2 * any(overlaps(gold.source, m.start, m.end) for m in event.actor)
    score += 2 * any(overlaps(gold.target, m.start, m.end) for m in event.recipient)
    if gold.source and gold.target:
        low, high = sorted((gold.source[0], gold.target[0]))
        score += int(low <= event.trigger.start <= high + 40)
    return score, event.confidence


def predict(events: list[Event], gold: Gold, merge: dict[str, str]) -> str:
    if not events:
        return "NONE"
    best = max(events, key=lambda e: fit(e, gold))
    return merge.get(best.event_type, best.event_type)


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    found: int = 0
    confusion: Counter = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def per_class(self) -> dict[str, dict[str, float]]:
        labels = sorted({g for g, _ in self.confusion} | {p for _, p in self.confusion} - {"NONE"})
        out = {}
        for label in labels:
            tp = self.confusion[(label, label)]
            gold = sum(n for (g, _), n in self.confusion.items() if g == label)
            pred = sum(n for (_, p), n in self.confusion.items() if p == label)
            prec, rec = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out[label] = {"precision": prec, "recall": rec, "f1": f1, "support": gold}
        return out


def score_roots(pipeline: Pipeline, golds: Iterable[Gold], merge: dict[str, str] | None = None,
                progress=None) -> Report:
    """Accuracy of the predicted event root per sentence (one prediction per gold row)."""
    golds = list(golds)
    merge = PLV_MERGE if merge is None else merge
    report = Report()
    articles = (Article(text=g.text, id=g.id) for g in golds)
    for gold, result in zip(golds, pipeline.run(articles)):
        label = predict(result.events, gold, merge)
        report.total += 1
        report.found += label != "NONE"
        report.correct += label == gold.label
        report.confusion[(gold.label, label)] += 1
        if progress:
            progress()
    return report
