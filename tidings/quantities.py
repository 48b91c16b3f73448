"""Numbers that belong to an event: "nearly 2,000 Palestinian prisoners" -> 2000, approx."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .lexicon import Lexicon
from .model import Quantity

SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
         "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12}
RANGE = re.compile(r"^([\d.,]+)\s*(?:-|–|to)\s*([\d.,]+)$")


def parse_number(text: str) -> float | None:
    """"2,000" -> 2000; "1.5 million" -> 1500000; "two" -> 2."""
    words = text.lower().replace(",", "").split()
    if not words:
        return None
    value = 1.0
    for word in words:
        if word in SCALES:
            value *= SCALES[word]
        elif word in WORDS:
            value = float(WORDS[word])
        else:
            try:
                value = float(word)
            except ValueError:
                return None
    return value


def number_tokens(noun: Token) -> list[Token]:
    """The numeral modifiers of a noun, with their compounds ("1.5 million")."""
    nums = [c for c in noun.children if c.dep_ == "nummod" or (c.like_num and c.dep_ == "amod")]
    return nums[:1]


def approx_words(num: Token, lex: Lexicon) -> bool:
    words = [c.lower_ for c in num.subtree if c.i < num.i and not c.like_num]
    return any(w in lex.approx for w in words) or " ".join(words) in lex.approx


def quantity_for(noun: Token, role: str | None, lex: Lexicon) -> Quantity | None:
    """A quantity counted by the noun phrase headed by ``noun``, if it has a number."""
    vague = lex.vague.get(noun.lower_)
    if vague is not None:
        obj = next((g for p in noun.children if p.lower_ == "of" for g in p.children), None)
        if obj is not None:
            text = noun.doc[noun.left_edge.i:obj.i + 1].text
            return Quantity(float(vague), text, approx=True, what=obj.lower_, role=role)
    for num in number_tokens(noun) or ([noun] if noun.pos_ == "NUM" else []):  # "killed 20"
        span = noun.doc[num.left_edge.i:num.right_edge.i + 1]
        digits = " ".join(t.text for t in span if t.like_num or t.lower_ in SCALES)
        rng = RANGE.match(digits)
        value = parse_number(rng.group(1) if rng else digits)
        if value is None:
            continue
        text = noun.doc[num.left_edge.i:noun.i + 1].text
        top = parse_number(rng.group(2)) if rng else None
        return Quantity(value, text, approx=approx_words(num, lex),
                        what=noun.lower_ if num.i != noun.i else None, role=role, max=top)
    return None


def role_for(lemma: str, event_type: str, mode: str | None, lex: Lexicon) -> str | None:
    return lex.quantity_role_lemmas.get(lemma) or lex.quantity_roles.get(f"{event_type}/{mode}") \
        or lex.quantity_roles.get(event_type)
