"""Readers for the annotated development sets (../shared/data/dev): each turns one file format
into ``Case`` objects, one annotated sentence or document with its gold labels and spans.

Formats read here: PETRARCH validation records (and UniversalPetrarch's GSR, which is not
well-formed XML, so both are read by one tolerant reader), PLV_train, ConfliBERT cameo_class
and cameo_ner, WikiEvents (KAIROS ontology, mapped to PLOVER by data/ontology/kairos.tsv) and
event_location. docs/evaluation.md describes each and how it is scored.
"""
from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy

from .errors import KnowledgeError
from .evaluate import read_plv


@dataclass(frozen=True, slots=True)
class Marked:
    """A labelled character span of a case's text: a trigger, an actor, a place."""

    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Case:
    """One annotated text. ``labels`` are its gold event labels (one for single-label sets, a
    list for sets that code several events a sentence, empty for "no event"); ``marks`` its
    gold spans."""

    id: str
    text: str
    date: str | None = None
    labels: tuple[str, ...] = ()
    marks: tuple[Marked, ...] = ()


# --- PETRARCH validation records and UniversalPetrarch GSR ------------------------------------

SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
ATTRIBUTE = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
CODING = re.compile(r"<EventCoding\b([^>]*)>")
TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def read_petrarch(path: str | Path) -> list[Case]:
    """Validation records: <Sentence date= id=>, <EventCoding eventcode=|noevents=>, <Text>.

    Tolerant on purpose: the GSR file has self-closed <Sentence .../> tags and free text outside
    elements, so records are found by pattern rather than by an XML parser."""
    raw = COMMENT.sub("", Path(path).read_text(encoding="utf-8"))
    cases = []
    for match in SENTENCE.finditer(raw):
        attrs = dict(ATTRIBUTE.findall(match.group(1)))
        body = match.group(2)
        text = TEXT.search(body)
        if text is None or attrs.get("evaluate", "true").lower() == "false":
            continue
        codes = tuple(dict(ATTRIBUTE.findall(c)).get("eventcode", "") for c in CODING.findall(body))
        cases.append(Case(attrs.get("id", f"record-{len(cases)}"),
                          " ".join(html.unescape(text.group(1)).split()),
                          _petrarch_date(attrs.get("date")), tuple(c for c in codes if c)))
    return cases


def _petrarch_date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def cameo_root(code: str | None) -> str:
    """"0841" -> "08", "190" -> "19"; validation-only codes (9xx) keep their first two digits."""
    return (code or "")[:2] or "NONE"


# --- PLV_train ---------------------------------------------------------------------------------

def read_plv_cases(path: str | Path) -> list[Case]:
    """PLV_train.tsv: one gold PLOVER root; the marked source and target become marks."""
    cases = []
    for gold in read_plv(path):
        marks = tuple(Marked(label, *span) for label, span in
                      (("source", gold.source), ("target", gold.target)) if span)
        cases.append(Case(gold.id, gold.text, None, (gold.label,), marks))
    return cases


# --- ConfliBERT ---------------------------------------------------------------------------------

def read_cameo_class(path: str | Path) -> list[Case]:
    """cameo_class/train.tsv: sentence TAB label (0 statement, 1-4 quad class), no header."""
    cases = []
    with open(path, encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if len(row) != 2 or row[1].strip() not in "01234":
                raise KnowledgeError(f"{path}: line {number} is not 'sentence<TAB>0-4': {row!r}")
            cases.append(Case(f"cameo_class-{number}", row[0].strip(), None, (row[1].strip(),)))
    return cases


NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", ")", "]", "%", "'s", "’s", "n't", "'", "’", "''"}
NO_SPACE_AFTER = {"(", "[", "$", "``", "“"}
BIO_LABELS = {"S": "source", "T": "target", "R": "reciprocal"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens -> text with ordinary spacing, and each token's character span in it."""
    text, spans = "", []
    for i, tok in enumerate(tokens):
        if text and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


def bio_marks(tags: list[str], spans: list[tuple[int, int]]) -> tuple[Marked, ...]:
    """BIO tags -> labelled spans; an I- tag without its B- opens a span too."""
    marks, label, start, end = [], None, 0, 0
    for tag, (s, e) in zip([*tags, "O"], [*spans, (0, 0)]):
        kind, _, name = tag.partition("-")
        if label and (kind != "I" or name != label):
            marks.append(Marked(BIO_LABELS.get(label, label), start, end))
            label = None
        if kind in ("B", "I") and label is None:
            label, start = name, s
        end = e if label else end
    return tuple(marks)


def conll_sentences(path: str | Path) -> Iterator[list[tuple[str, str]]]:
    rows: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if rows:
                    yield rows
                rows = []
            elif len(parts) >= 2:
                rows.append((parts[0], parts[-1]))
    if rows:
        yield rows


def read_cameo_ner(path: str | Path) -> list[Case]:
    """cameo_ner/train.txt: token TAG per line, blank line between sentences; S/T/R actors."""
    cases = []
    for number, rows in enumerate(conll_sentences(path), start=1):
        text, spans = detokenize([tok for tok, _ in rows])
        cases.append(Case(f"cameo_ner-{number}", text, None, (),
                          bio_marks([tag for _, tag in rows], spans)))
    return cases


# --- WikiEvents ---------------------------------------------------------------------------------

UNMAPPED = "UNMAPPED"


def kairos_map(path: Path | None = None) -> dict[str, str]:
    """data/ontology/kairos.tsv: KAIROS event type (or a prefix of one) -> PLOVER type or -."""
    source = path or resources.files("tidings") / "data" / "ontology" / "kairos.tsv"
    mapping = {}
    for number, line in enumerate(source.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("kairos\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise KnowledgeError(f"{source}: line {number} needs 'kairos<TAB>plover': {line!r}")
        mapping[parts[0].strip()] = parts[1].strip()
    return mapping


def plover_for(kairos: str, mapping: dict[str, str]) -> str | None:
    """The most specific entry wins: "Conflict.Attack.DetonateExplode" before "Conflict.Attack"."""
    parts = kairos.split(".")
    for n in range(len(parts), 0, -1):
        found = mapping.get(".".join(parts[:n]))
        if found is not None:
            return None if found == "-" else found
    return None


def wikievents_text(doc: dict) -> tuple[str, list[tuple[int, int]]]:
    """The document text rebuilt from its token offsets (sentences on their own lines)."""
    tokens = [(tok, start, end) for sent in doc["sentences"] for tok, start, end in sent[0]]
    chars = [" "] * (max(end for _, _, end in tokens) if tokens else 0)
    for tok, start, end in tokens:
        chars[start:end] = tok
    for sent in doc["sentences"][1:]:
        first = sent[0][0][1]
        if first and chars[first - 1] == " ":
            chars[first - 1] = "\n"
    return "".join(chars), [(start, end) for _, start, end in tokens]


def read_wikievents(path: str | Path, mapping: dict[str, str] | None = None) -> list[Case]:
    """dev.jsonl: documents with KAIROS events; each event becomes a mark over its trigger,
    labelled with its PLOVER type, or UNMAPPED when the type has no PLOVER counterpart (such
    events are not scored, and neither is a predicted event on their trigger)."""
    mapping = kairos_map() if mapping is None else mapping
    cases = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text, spans = wikievents_text(doc)
        marks = []
        for event in doc["event_mentions"]:
            plover = plover_for(event["event_type"], mapping)
            trig = event["trigger"]
            if trig["start"] < len(spans):
                marks.append(Marked(plover or UNMAPPED, spans[trig["start"]][0],
                                    spans[trig["end"] - 1][1]))
        labels = tuple(m.label for m in marks if m.label != UNMAPPED)
        cases.append(Case(doc["doc_id"], text, None, labels, tuple(marks)))
    return cases


# --- event_location -----------------------------------------------------------------------------

def read_event_location(path: str | Path) -> list[Case]:
    """labeled.dev.jsonl: one VERB span (the event) and zero or more LOCATION spans per line.

    About one LOCATION span in six holds token indices (first and last token, spaCy's
    tokenization) instead of character offsets; those are repaired, and a line whose span fits
    neither reading is left out."""
    tokenizer = spacy.blank("en").tokenizer
    cases = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        marks = [Marked(s["label"], s["start"], s["end"]) for s in row.get("spans", [])]
        marks = [m if m.label != "LOCATION" else repair_span(row["text"], m, tokenizer)
                 for m in marks]
        if None not in marks and any(m.label == "VERB" for m in marks):
            cases.append(Case(f"event_location-{number}", row["text"], None, (), tuple(marks)))
    return cases


def plausible(text: str, start: int, end: int) -> bool:
    """A place name span: non-empty, starts with a capital or digit, cuts no word."""
    piece = text[start:end]
    return bool(piece.strip()) and (piece[0].isupper() or piece[0].isdigit()) and \
        not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def repair_span(text: str, mark: Marked, tokenizer) -> Marked | None:
    if plausible(text, mark.start, mark.end):
        return mark
    tokens = tokenizer(text)
    if not 0 <= mark.start <= mark.end < len(tokens):
        return None
    first, last = tokens[mark.start], tokens[mark.end]
    start, end = first.idx, last.idx + len(last.text)
    return Marked(mark.label, start, end) if plausible(text, start, end) else None
