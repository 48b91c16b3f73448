"""The learned place attacher: which place name in a sentence is where the event happened.

Every name in the event's sentence that could be a place is a candidate (spaCy entities, runs of
proper nouns, a name before a place word such as "village"); each (trigger, candidate) pair is
described by features read from the parse (the dependency path between them, the governing
preposition, whether the name sits inside a participant or modifies a person noun, its entity
label, what the gazetteer knows of it, distance and order), and a logistic-regression model
scores it. The best candidate is the event's place when its probability passes the model's
threshold. The weights are data, ``data/places/attacher.json``, written by
``scripts/train_place_attacher.py`` (docs/places.md, "The learned place attacher")."""
from __future__ import annotations

import json
import math
from itertools import repeat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from spacy.tokens import Span, Token

from .errors import KnowledgeError, SettingsError
from .model import Mention, Place
from .places import Gazetteer, occurrences
from .syntax import nests

WEIGHTS_FILE = "attacher.json"
MODES = ("learned", "rules")
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "across", "through",
                         "throughout", "around", "along", "off", "within", "over", "into"})
LOCATIVE = PLACE_PREPS | {"from", "to", "toward", "towards"}  # and where a move starts or ends
NAME_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART",
               "LANGUAGE"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
JOINERS = {"-", "'", "’", "‘"}  # inside a name: "Dahiyat al-Assad", "Ma’arrat"
MAX_PATH = 5
DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 12, 20)
CROSSED = frozenset({"coarse", "prep", "label", "kind", "lemma", "participant", "clause", "dist",
                     "side", "rank", "dep", "rule", "modifies", "ttag", "before", "noun", "host",
                     "locative_rank", "desc"})  # every pair of these is a feature too


@dataclass(frozen=True, slots=True)
class Spot:
    """A candidate place name: tokens ``start``..``end`` of the doc, the entity label spaCy gave
    it ("" for none) and the place word after it ("village" in "Sontyo village"), if any."""

    start: int
    end: int
    label: str
    descriptor: str = ""

    def span(self, sent: Span) -> Span:
        return sent.doc[self.start:self.end]


@dataclass(frozen=True, slots=True)
class PlaceModel:
    """Feature weights of a logistic regression over candidate places; read-only."""

    weights: Mapping[str, float]  # a plain dict for fast lookups; never changed after loading
    bias: float
    threshold: float
    meta: Mapping[str, object]

    @classmethod
    def from_dict(cls, data: Mapping, source: str = "<dict>") -> PlaceModel:
        try:
            return cls({str(k): float(v) for k, v in data["weights"].items()},
                       float(data["bias"]), float(data["threshold"]),
                       MappingProxyType(dict(data.get("meta", {}))))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeError(
                f"{source}: not a place attacher weights file ({exc!r}); it needs 'weights' "
                "(feature -> number), 'bias' and 'threshold'",
                fix="Re-create it with scripts/train_place_attacher.py (docs/places.md).") from None

    @classmethod
    def load(cls, path: str | Path | None = None) -> PlaceModel:
        """The shipped weights (data/places/attacher.json), or those in ``path``."""
        where = Path(path) if path else resources.files("tidings") / "data" / "places" / WEIGHTS_FILE
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise KnowledgeError(f"{where}: cannot read the place attacher weights ({exc})",
                                 fix="Re-create it with scripts/train_place_attacher.py "
                                     "(docs/places.md).") from None
        return cls.from_dict(data, str(where))

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def make_attacher(mode: str, gazetteer: Gazetteer) -> PlaceAttacher | None:
    """The attacher the ``place_attacher`` setting asks for; None for the rules alone."""
    if mode not in MODES:
        raise SettingsError(f"place_attacher = {mode!r}: known values are {', '.join(MODES)}",
                            fix="Set place_attacher to \"learned\" or \"rules\" (docs/settings.md).")
    return PlaceAttacher(gazetteer, PlaceModel.load()) if mode == "learned" else None


class PlaceAttacher:
    """Finds candidate places, describes them and (with a model) picks the event's place."""

    def __init__(self, gazetteer: Gazetteer, model: PlaceModel | None = None) -> None:
        self.places = gazetteer
        self.model = model

    # --- run time ------------------------------------------------------------------------------

    def attach(self, trigger: Token, participants: Sequence[Mention], hint: str | None,
               rule_place: Place | None = None) -> Place | None:
        """The event's place: the best-scored candidate if it passes the threshold, else none."""
        if self.model is None:
            return rule_place
        scored = [(self.model.probability(feats), spot, found)
                  for spot, found, feats in self.described(trigger, participants, hint, rule_place)]
        if not scored:
            return None
        probability, spot, found = max(scored, key=lambda s: s[0])
        if probability < self.model.threshold:
            return None
        return found or self.unresolved(spot, trigger.sent, hint)

    def unresolved(self, spot: Spot, sent: Span, hint: str | None) -> Place:
        """A name the gazetteer lacks, kept as written without coordinates."""
        text = spot_text(spot, sent)
        name = text[4:] if text.lower().startswith("the ") else text
        region = self.places.regional(text)
        return Place(text, name, hint, None, None, "region" if region else "site")

    # --- candidates and features ---------------------------------------------------------------

    def described(self, trigger: Token, participants: Sequence[Mention], hint: str | None,
                  rule_place: Place | None) -> list[tuple[Spot, Place | None, list[str]]]:
        """Each candidate of the trigger's sentence, what the gazetteer makes of it, its features."""
        sent = trigger.sent
        spots = self.candidates(sent)
        inside = [(m.start, m.end) for m in participants]
        ruled = rule_spans(sent, rule_place)
        ordered = sorted(spots, key=lambda s: distance(trigger, s))
        preps = {spot: prep_word(spot.span(sent).root) for spot in ordered}
        locative = [s for s in ordered if preps[s] in LOCATIVE]
        out = []
        for rank, spot in enumerate(ordered):
            found = self.places.lookup(spot_text(spot, sent), country=hint)
            feats = features(trigger, sent, spot, found, inside, ruled, len(spots), rank)
            feats += self.actor_features(spot, sent, preps[spot])
            feats += competition(spot, locative, found) + nesting(spot, spots, sent)
            out.append((spot, found, feats + crossings(feats)))
        return out

    def actor_features(self, spot: Spot, sent: Span, prep: str) -> list[str]:
        """What the knowledge base knows the name as, if it is an actor that is no country
        ("the Patriotic Union of Kurdistan": party, "BSF": military)."""
        words = [t for t in spot.span(sent) if t.tag_ != "POS" and t.lower_ != "the"]
        name = "".join(t.text_with_ws for t in words).strip()
        kind = self.places.actor_kind(name) if name else None
        return [f"actor={kind or 'none'}", f"actor_prep={kind or 'none'}|{prep}"]

    def candidates(self, sent: Span) -> list[Spot]:
        """Named entities that may be places, then runs of proper nouns outside them."""
        tokens = list(sent)
        spots = entity_spots(tokens)
        taken = {i for s in spots for i in range(s.start, s.end)}
        run: list[Token] = []
        for token in [*tokens, None]:
            if token is not None and token.i not in taken and in_name(token, run):
                run.append(token)
                continue
            while run and run[-1].text in JOINERS:
                run.pop()
            if run:
                spots.append(Spot(run[0].i, run[-1].i + 1, ""))
            run = []
        return sorted((self.with_descriptor(s, sent) for s in spots), key=lambda s: s.start)

    def with_descriptor(self, spot: Spot, sent: Span) -> Spot:
        """"Sontyo village", "Hama province": the place word after a name travels with it."""
        doc = sent.doc
        if spot.end < sent.end and doc[spot.end].lower_ in self.places.words["feature"]:
            return Spot(spot.start, spot.end + 1, spot.label, doc[spot.end].lower_)
        return spot


def crossings(feats: list[str]) -> list[str]:
    """Pairs of the CROSSED features ("prep=in&kind=city"): the model's only interactions."""
    atoms = sorted(f for f in feats if f.partition("=")[0] in CROSSED)
    return [f"{a}&{b}" for i, a in enumerate(atoms) for b in atoms[i + 1:]]


def prep_word(root: Token) -> str:
    prep = governing_prep(root)
    return prep.lower_ if prep is not None else "none"


def competition(spot: Spot, locative: list[Spot], found: Place | None) -> list[str]:
    """How the candidate stands among the sentence's names after a locative preposition: the
    nearest such one to the trigger is most often the place."""
    rank = locative.index(spot) if spot in locative else -1
    kind = found.precision if found is not None else "unknown"
    return [f"locative_rank={min(rank, 2)}", f"locative_count={min(len(locative), 3)}",
            f"locative_rank_kind={min(rank, 2)}|{kind}"]


def nesting(spot: Spot, spots: list[Spot], sent: Span) -> list[str]:
    """"the Zahra neighbourhood of the port city of Jiddah", "Mafraq in western Baquba": of two
    names joined by "of", "in", "near" or a comma, the first is the more specific place."""
    doc = sent.doc
    out = []
    if any(o.start >= spot.end and nests(doc, spot.end, o.start) for o in spots):
        out.append("nest=inner")
    if any(o.end <= spot.start and nests(doc, o.end, spot.start) for o in spots):
        out.append("nest=outer")
    return out or ["nest=none"]


def entity_spots(tokens: list[Token]) -> list[Spot]:
    """The sentence's entities with a NAME_LABELS label, read from the tokens' IOB tags (cheaper
    than ``Span.ents``, which walks the whole document's entities)."""
    spots, start, label = [], None, ""
    for token in tokens:
        if start is not None and token.ent_iob_ != "I":
            spots.append(Spot(start, token.i, label))
            start = None
        if token.ent_iob_ == "B" and token.ent_type_ in NAME_LABELS:
            start, label = token.i, token.ent_type_
    if start is not None:
        spots.append(Spot(start, tokens[-1].i + 1, label))
    return spots


def in_name(token: Token, run: list[Token]) -> bool:
    """A word that continues (or starts) a run of proper nouns."""
    if token.ent_type_ in NOT_NAMES:
        return False
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    return bool(run) and token.text in JOINERS and token.whitespace_ == ""


def spot_text(spot: Spot, sent: Span) -> str:
    return spot.span(sent).text


def distance(trigger: Token, spot: Spot) -> int:
    if trigger.i < spot.start:
        return spot.start - trigger.i
    return max(0, trigger.i - spot.end + 1)


def bucket(value: int) -> str:
    return next((f"<={b}" for b in DISTANCE_BUCKETS if value <= b), f">{DISTANCE_BUCKETS[-1]}")


def features(trigger: Token, sent: Span, spot: Spot, found: Place | None,
             inside: list[tuple[int, int]], ruled: list[tuple[int, int]] | None, count: int,
             rank: int) -> list[str]:
    """The features of one (trigger, candidate) pair, as strings."""
    root = spot.span(sent).root
    prep_token = governing_prep(root)
    prep = prep_token.lower_ if prep_token is not None else "none"
    last = sent.doc[spot.end - 1]
    start, end = sent.doc[spot.start].idx, last.idx + len(last)
    feats = parse_features(trigger, spot, root, found, prep, count, rank)
    feats += word_features(trigger, sent.start, spot, root, prep_token, prep)
    feats += participant_features(start, end, inside, prep)
    feats += modifier_features(root)
    feats += clause_features(trigger, root, prep)
    fronted = prep_token is not None and prep_token.i - sent.start <= 1
    return feats + [f"fronted={fronted}|{prep}", rule_feature(start, end, ruled)]


def parse_features(trigger: Token, spot: Spot, root: Token, found: Place | None, prep: str,
                   count: int, rank: int) -> list[str]:
    """The path between trigger and candidate, the candidate's labels, distance and order."""
    path, coarse = dep_path(trigger, root)
    label = spot.label or "none"
    kind = found.precision if found is not None else "unknown"
    side = "after" if spot.start > trigger.i else "before"
    lemma, place = trigger.lemma_.lower(), min(rank, 3)
    return [f"path={path}", f"coarse={coarse}", f"steps={bucket(path.count('/') + 1)}",
            f"prep={prep}", f"dep={root.dep_}", f"label={label}", f"kind={kind}",
            f"dist={bucket(distance(trigger, spot))}", f"side={side}", f"count={bucket(count)}",
            f"rank={place}", f"tpos={trigger.pos_}", f"tdep={trigger.dep_}",
            f"desc={spot.descriptor or 'none'}", f"label_prep={label}|{prep}",
            f"kind_prep={kind}|{prep}", f"coarse_kind={coarse}|{kind}", f"label_kind={label}|{kind}",
            f"rank_prep={place}|{prep}", f"lemma_coarse={lemma}|{coarse}",
            f"label_coarse={label}|{coarse}", f"path_kind={path}|{kind}"]


def rule_feature(start: int, end: int, ruled: list[tuple[int, int]] | None) -> str:
    """Whether the rule coder chose this candidate (its place text lies over it)."""
    if ruled is None:
        return "rule=none"
    return "rule=" + ("same" if any(start < e and s < end for s, e in ruled) else "other")


def dep_path(trigger: Token, target: Token) -> tuple[str, str]:
    """The dependency path from the trigger up to the common head and down to the candidate,
    prepositions named ("^nsubj/vprep:in/vpobj"), and the same without words or directions."""
    up = [trigger, *trigger.ancestors]
    down = [target, *target.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return "none", "none"
    rises = [edge(t, "^") for t in up[:up.index(common)]]
    falls = [edge(t, "v") for t in reversed(down[:down.index(common)])]
    steps = rises + falls
    if not steps:
        return "self", "self"
    if len(steps) > MAX_PATH:
        return f"long{len(steps) // 3}", "long"
    coarse = "/".join(s.split(":")[0] for s in steps)
    return "/".join(steps), coarse


def edge(token: Token, way: str) -> str:
    return f"{way}{token.dep_}:{token.lower_}" if token.dep_ == "prep" else f"{way}{token.dep_}"


def governing_prep(root: Token) -> Token | None:
    """The preposition a name is the object of ("in Gaza"), through a head noun and "of"
    ("the town of Taybat" -> in for "in the town of Taybat")."""
    head = root
    for _ in range(3):
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            if head.head.lower_ != "of":
                return head.head
            head = head.head.head
        elif head.dep_ in ("compound", "appos", "conj", "nmod", "poss") and head.head.i != head.i:
            head = head.head
        else:
            break
    return None


def word_features(trigger: Token, first: int, spot: Spot, root: Token, prep_token: Token | None,
                  prep: str) -> list[str]:
    """The words around: the trigger's lemma, the word before the name, the noun the
    preposition governs ("in the town of X": town) and the word the preposition hangs on."""
    doc = trigger.doc
    lemma = trigger.lemma_.lower()
    before = doc[spot.start - 1].lower_ if spot.start > first else "<s>"
    noun = prep_token and next((c for c in prep_token.children if c.dep_ == "pobj"), None)
    host = prep_token.head if prep_token is not None else None
    host_kind = "none" if host is None else "trigger" if host.i == trigger.i else host.pos_
    possessive = spot.end < len(doc) and doc[spot.end].tag_ == "POS"
    return [f"lemma={lemma}", f"lemma_prep={lemma}|{prep}", f"before={before}",
            f"ttag={trigger.tag_}", f"ttag_prep={trigger.tag_}|{prep}",
            f"lemma_label={lemma}|{spot.label or 'none'}",
            f"noun={noun.lemma_.lower() if noun is not None and noun.i != root.i else 'self'}",
            f"host={host_kind}", f"host_prep={host_kind}|{prep}", f"possessive={possessive}"]


def participant_features(start: int, end: int, inside: list[tuple[int, int]], prep: str) -> list[str]:
    within = any(s <= start and end <= e for s, e in inside)
    touching = any(start < e and s < end for s, e in inside)
    state = "within" if within else "touching" if touching else "outside"
    return [f"participant={state}", f"participant_prep={state}|{prep}"]


def modifier_features(root: Token) -> list[str]:
    """A name describing a noun ("Palestinian man", "Israeli soldiers", "Gaza's hospitals")."""
    if root.dep_ not in ("amod", "compound", "nmod", "poss") or root.head.i == root.i:
        return ["modifies=none"]
    head = root.head
    kind = head.ent_type_ or head.pos_
    return [f"modifies={kind}", f"modifies_word={head.lemma_.lower()}"]


def clause_features(trigger: Token, root: Token, prep: str) -> list[str]:
    mine, theirs = clause_verb(trigger), clause_verb(root)
    same = mine is not None and mine == theirs
    return [f"clause={'same' if same else 'other'}", f"clause_prep={same}|{prep}"]


def clause_verb(token: Token) -> Token | None:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def rule_spans(sent: Span, place: Place | None) -> list[tuple[int, int]] | None:
    """Where the rule coder's place text occurs in the sentence (doc character offsets); None
    when the rules found no place."""
    if place is None:
        return None
    return [(sent.start_char + s, sent.start_char + e)
            for s, e in occurrences(sent.text, place.text.strip())]
