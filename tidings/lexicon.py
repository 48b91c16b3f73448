"""The event lexicon: trigger patterns, the CAMEO table and grammatical cues, loaded from
``data/patterns`` and ``data/ontology`` (formats: docs/knowledge.md) into read-only objects."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from .errors import KnowledgeError
from .model import EVENT_TYPES
from .tsv import content_lines

DEFAULT_RECIPIENT_PREPS = {"VERB": ("with", "against", "to", "on", "for", "at"),
                           "NOUN": ("with", "against", "to", "on", "for", "of")}
EMBED_VALUES = {"", "absorb", "target", "plan", "intent", "purpose"}


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger pattern: a head lemma with required dependents, and what it codes."""

    head: str
    pos: str
    extra: tuple[str, ...]
    event_type: str
    mode: str | None
    cameo: str | None
    recipient_preps: tuple[str, ...]
    embed: str

    @property
    def pattern(self) -> str:
        words = (self.head, *self.extra) if self.pos == "VERB" else (*self.extra, self.head)
        return " ".join(words)


@dataclass(frozen=True, slots=True)
class Intent:
    """What a promise of an act is coded as: "agreed to release" -> AGREE 0353."""

    event_type: str
    mode: str | None
    cameo: str


def intent_from(value: object, where: str) -> Intent:
    """``"AGREE 0353"`` or ``"THREATEN/violence 138"`` -> an Intent; ``where`` names the entry."""
    try:
        coded, cameo = str(value).split()
    except ValueError:
        raise KnowledgeError(f"{where}: expected 'TYPE[/mode] CAMEO', got {value!r}") from None
    event_type, _, mode = coded.partition("/")
    if event_type not in EVENT_TYPES:
        raise KnowledgeError(f"{where}: unknown event type {event_type}")
    return Intent(event_type, mode or None, cameo)


def intents_from(grammar: Mapping[str, Any], name: str) -> dict[str, Intent]:
    """``{"RETREAT/release": "AGREE 0353", "ASSAULT": "THREATEN/violence 138"}`` -> Intents."""
    table = grammar.get(name) or {}
    return {key: intent_from(value, f"grammar.yaml: {name} {key}") for key, value in table.items()}


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    name: str
    goldstein: float
    event_type: str | None
    mode: str | None


def _tsv_rows(text: str, where: str) -> list[dict[str, str]]:
    """The rows under the header; a row of the wrong width names its line in the file."""
    numbered = content_lines(text)
    if not numbered:
        return []
    header = numbered[0][1].split("\t")
    rows = []
    for number, line in numbered[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise KnowledgeError(f"{where}:{number}: {len(cells)} tab-separated cells where the "
                                 f"header has {len(header)} ({' | '.join(header)}): {line!r:.80}",
                                 "Give the row one cell per header column (empty cells stay as "
                                 "tabs), or start it with `#`.")
        rows.append(dict(zip(header, cells)))
    return rows


NOT_EVENT = "-"  # a pattern that is no event ("contribute to a report"): it beats shorter ones


def rule_from_row(row: dict[str, str], where: str) -> Rule:
    words = row["pattern"].strip().lower().split()
    pos = row["pos"].strip().upper()
    event_type = row["event_type"].strip().upper()
    if pos not in ("VERB", "NOUN") or event_type not in (*EVENT_TYPES, NOT_EVENT) or not words:
        raise KnowledgeError(f"{where}: bad trigger row {row}: pos must be VERB or NOUN and "
                             f"event_type one of {', '.join(EVENT_TYPES)} or {NOT_EVENT} (not an event)")
    head, extra = (words[0], tuple(words[1:])) if pos == "VERB" else (words[-1], tuple(words[:-1]))
    preps = tuple(p.strip() for p in (row.get("recipient") or "").split(",") if p.strip())
    embed = (row.get("embed") or "").strip()
    if embed not in EMBED_VALUES:
        raise KnowledgeError(f"{where}: embed must be one of absorb, target, plan, intent, purpose; "
                             f"got {embed!r}")
    return Rule(head, pos, extra, event_type, (row.get("mode") or "").strip() or None,
                (row.get("cameo") or "").strip() or None, preps or DEFAULT_RECIPIENT_PREPS[pos], embed)


def _phrases(values: Any) -> tuple[str, ...]:
    return tuple(str(v).lower() for v in values or ())


def word_set(grammar: dict, key: str) -> frozenset[str]:
    """A grammar.yaml word list, lower case."""
    return frozenset(_phrases(grammar.get(key)))


def label_set(grammar: dict, key: str) -> frozenset[str]:
    """A grammar.yaml list of event types or sectors, as written ("ASSAULT", "MIL")."""
    return frozenset(str(t) for t in grammar.get(key) or ())


def cue_words(phrases: Any) -> frozenset[str]:
    """"be set to" -> "set": the content word of each cue phrase."""
    out = set()
    for phrase in _phrases(phrases):
        words = [w for w in phrase.split() if w not in ("be", "to")]
        out.add(" ".join(words) if words else phrase)
    return frozenset(out)


def check_modes(rules: list[Rule], table: list[dict[str, str]], where: str) -> None:
    """Every trigger's mode is a PLOVER mode of its event type."""
    allowed = {(r["event_type"].strip(), r["mode"].strip()) for r in table}
    for rule in rules:
        if rule.mode and (rule.event_type, rule.mode) not in allowed:
            modes = sorted(m for t, m in allowed if t == rule.event_type)
            raise KnowledgeError(f"{where}: {rule.pattern!r}: {rule.mode!r} is not a PLOVER mode of "
                                 f"{rule.event_type}; its modes: {', '.join(modes) or 'none'}")


class Lexicon:
    """Read-only trigger rules indexed by (head lemma, POS), the CAMEO table and the cues."""

    def __init__(self, rules: list[Rule], cameo: dict[str, Cameo], status: dict, grammar: dict):
        index: dict[tuple[str, str], list[Rule]] = {}
        for rule in rules:
            index.setdefault((rule.head, rule.pos), []).append(rule)
        self.rules = MappingProxyType(
            {k: tuple(sorted(v, key=lambda r: (-len(r.extra), "*" in r.extra)))  # longest, and
             for k, v in index.items()})                                     # a word before *
        self.cameo: Mapping[str, Cameo] = MappingProxyType(cameo)
        self.planned = cue_words(status.get("planned"))
        self.hypothetical = cue_words(status.get("hypothetical"))
        self.negated = cue_words(status.get("negated"))
        self.denial = cue_words(status.get("denial"))
        self.reporting = cue_words(status.get("reporting"))
        light = status.get("light_verbs") or {}
        self.light_actor = cue_words(light.get("actor"))
        self.light_recipient = cue_words(light.get("recipient"))
        self.light_occur = frozenset(p.split()[0] for p in _phrases(light.get("occur")))
        self.artifacts = word_set(grammar, "artifact_nouns")
        self.realize = cue_words(grammar.get("realize_verbs"))
        self.partitive = word_set(grammar, "partitive_nouns")
        self.object_control = cue_words(grammar.get("object_control"))
        self.naming = word_set(grammar, "naming_verbs")
        self.motion = word_set(grammar, "motion_verbs")
        self.approx = word_set(grammar, "approx_words")
        self.vague = MappingProxyType({k.lower(): v for k, v in (grammar.get("vague_numbers") or {}).items()})
        self.reciprocal = word_set(grammar, "reciprocal_nouns")
        self.conditional = word_set(grammar, "conditional_marks")
        self.intents = MappingProxyType(intents_from(grammar, "intent_codes"))
        self.refusals = MappingProxyType(intents_from(grammar, "refusal_codes"))
        self.obligations = MappingProxyType(intents_from(grammar, "obligation_codes"))
        self.withheld_types = label_set(grammar, "withheld_types")
        self.blame_words = word_set(grammar, "blame_words")
        self.blame_code = intent_from(grammar.get("blame_code") or "ACCUSE/allege 112",
                                      "grammar.yaml: blame_code")
        self.protective = word_set(grammar, "protective_forces")
        self.protective_code = intent_from(grammar.get("protective_code") or "AID 074",
                                           "grammar.yaml: protective_code")
        self.willingness = word_set(grammar, "willingness_words")
        self.death_verbs = word_set(grammar, "death_verbs")
        self.possessed_types = label_set(grammar, "possessed_types")
        self.comment_verbs = word_set(grammar, "comment_verbs")
        self.question_verbs = word_set(grammar, "question_verbs")
        self.patient_nouns = word_set(grammar, "patient_nouns")
        self.natural_forces = word_set(grammar, "natural_forces")
        self.causative_verbs = word_set(grammar, "causative_verbs")
        self.public_types = label_set(grammar, "public_types")
        self.private_sectors = label_set(grammar, "private_sectors")
        self.armed_verbs = word_set(grammar, "armed_verbs")
        self.armed_nouns = word_set(grammar, "armed_nouns")
        self.casualty_states = MappingProxyType(
            {str(k): str(v) for k, v in (grammar.get("casualty_states") or {}).items()})
        self.aiming_verbs = word_set(grammar, "aiming_verbs")
        self.armed_sectors = label_set(grammar, "armed_sectors")
        self.armed_name_words = word_set(grammar, "armed_name_words")
        self.warning_verbs = word_set(grammar, "warning_verbs")
        self.opinion_nouns = word_set(grammar, "opinion_nouns")
        self.opinion_types = label_set(grammar, "opinion_types")
        self.occasion_nouns = word_set(grammar, "occasion_nouns")
        self.quantity_roles = MappingProxyType(dict(grammar.get("quantity_roles") or {}))
        self.quantity_role_lemmas = MappingProxyType(dict(grammar.get("quantity_role_lemmas") or {}))

    @classmethod
    def load(cls) -> Lexicon:
        data = resources.files("tidings") / "data"
        triggers = data / "patterns" / "triggers.tsv"
        rules = [rule_from_row(r, str(triggers))
                 for r in _tsv_rows(triggers.read_text("utf-8"), str(triggers))]
        table = data / "ontology" / "cameo.tsv"
        cameo = {}
        for row in _tsv_rows(table.read_text("utf-8"), str(table)):
            code = row["cameo"].strip()
            cameo[code] = Cameo(code, row["name"], float(row["goldstein"]),
                                row["event_type"].strip() or None, row["mode"].strip() or None)
        modes = data / "ontology" / "plover_modes.tsv"
        check_modes(rules, _tsv_rows(modes.read_text("utf-8"), str(modes)), str(triggers))
        status = yaml.safe_load((data / "patterns" / "status.yaml").read_text("utf-8")) or {}
        grammar = yaml.safe_load((data / "patterns" / "grammar.yaml").read_text("utf-8")) or {}
        return cls(rules, cameo, status, grammar)

    def candidates(self, lemma: str, pos: str) -> tuple[Rule, ...]:
        return self.rules.get((lemma, pos), ())

    def intent(self, event_type: str, mode: str | None) -> Intent | None:
        """How a promise of an act of this type and mode is coded, if it has its own code."""
        return self.intents.get(f"{event_type}/{mode}") or self.intents.get(event_type)

    def refusal(self, event_type: str, mode: str | None) -> Intent | None:
        """How a refusal of an act of this type and mode is coded ("will not meet": 125)."""
        return self.refusals.get(f"{event_type}/{mode}") or self.refusals.get(event_type)

    def goldstein(self, code: str | None) -> float | None:
        """The weight of a CAMEO code, falling back to its parent codes."""
        while code:
            if code in self.cameo:
                return self.cameo[code].goldstein
            code = code[:-1]
        return None
