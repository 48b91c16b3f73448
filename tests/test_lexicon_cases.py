"""The shipped trigger lexicon and cues on short general sentences: verb + object typing,
light verbs, refusals, demands and the status cues (hand-built actors, shipped lexicon)."""
from __future__ import annotations

import pytest

from tidings.actors import ActorFinder, Context
from tidings.coder import RuleCoder
from tidings.lexicon import Lexicon
from tidings.model import Article
from tidings.places import Gazetteer

from .handmade import knowledge

pytestmark = pytest.mark.slow

CASES = [
    # sentence, PLOVER type of the event expected, its CAMEO code (or None: any)
    ("The US rolled back tariffs on Egypt.", "CONCEDE", "081"),
    ("Israel dropped the investigation into Hamas.", "CONCEDE", "080"),
    ("Egypt gave Israel permission to use its airspace.", "CONCEDE", "080"),
    ("Hamas said it will never stop its war on Israel.", "REJECT", None),
    ("Egypt says Israel must end attacks on Gaza.", "REQUEST", "100"),
    ("Israel dismissed a ceasefire proposal by Egypt.", "REJECT", "120"),
    ("The court quashed the order of the Israeli government.", "REJECT", "120"),
    ("The US government reneged on its deal with Egypt.", "REJECT", "120"),
    ("Netanyahu launched a scathing attack on Egypt.", "ACCUSE", "111"),
    ("Trump called out Egypt for its silence.", "ACCUSE", "111"),
    ("Egypt disputed the findings of the Israeli report.", "ACCUSE", "111"),
    ("Egypt gave $2 million to Jordan.", "AID", "071"),
    ("Egypt is sending a platoon of peacekeepers to Jordan.", "AID", "074"),
    ("Hamas held the captives as human shields.", "ASSAULT", "184"),
    ("Israeli troops captured the oil fields near Gaza.", "ASSAULT", "192"),
    ("Israel carried out strikes against Hamas in Gaza.", "ASSAULT", "190"),
    ("Israel approved a request from Egypt.", "CONCEDE", "083"),
    ("Israel removed sanctions on Egypt.", "CONCEDE", "085"),
    ("Egypt awarded a medal to Netanyahu.", "SUPPORT", "051"),
    ("Egypt will respect the sovereignty of Jordan.", "SUPPORT", "051"),
    ("Hamas seized control of the border crossing.", "ASSAULT", "192"),
    ("Israeli prosecutors are seeking jail sentences for two Hamas members.", "ACCUSE", "112"),
]


@pytest.fixture(scope="module")
def code(nlp):
    kb = knowledge()
    coder = RuleCoder(Lexicon.load(), ActorFinder(nlp, kb), Gazetteer(kb))

    def run(text: str):
        doc = nlp(text)
        ctx = Context(date="2025-02-02")
        mentions = coder.finder.find(doc, ctx)
        return coder.code(doc, Article(text, id="t", date="2025-02-02"), mentions, ctx)
    return run


@pytest.mark.parametrize(("text", "event_type", "cameo"), CASES)
def test_shipped_lexicon_codes_the_sentence(code, text, event_type, cameo):
    events = code(text)
    found = [e for e in events if e.event_type == event_type]
    assert found, [(e.event_type, e.cameo, e.trigger.text) for e in events]
    assert cameo is None or cameo in {e.cameo for e in found}


def test_a_decision_is_not_a_plan():
    """"Japan has decided to lift sanctions" is coded as the lifting (docs in status.yaml)."""
    assert "decide" not in Lexicon.load().planned
