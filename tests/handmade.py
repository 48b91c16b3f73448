"""A small, hand-built knowledge base and lexicon, so unit tests of the coder do not depend on
the size or content of the shipped data files."""
from __future__ import annotations

from importlib import resources

import yaml

from tidings.kb import Agent, Entry, KnowledgeBase, Role
from tidings.lexicon import Cameo, Lexicon, rule_from_row

TRIGGERS = [
    # pattern, pos, type, mode, cameo, recipient, embed
    ("meet", "VERB", "CONSULT", "", "040", "with", ""),
    ("visit", "VERB", "CONSULT", "visit", "042", "", ""),
    ("travel", "VERB", "CONSULT", "visit", "042", "to", ""),
    ("talk", "NOUN", "CONSULT", "", "040", "with", ""),
    ("negotiation", "NOUN", "CONSULT", "", "046", "with", ""),
    ("release", "VERB", "RETREAT", "release", "0841", "", ""),
    ("release", "NOUN", "RETREAT", "release", "0841", "of", ""),
    ("reject", "VERB", "REJECT", "", "120", "", "target"),
    ("criticize", "VERB", "ACCUSE", "disapprove", "111", "", "target"),
    ("urge", "VERB", "REQUEST", "", "020", "", "absorb"),
    ("threaten", "VERB", "THREATEN", "", "130", "", "absorb"),
    ("sanction", "NOUN", "SANCTION", "", "163", "against,on", ""),
    ("arrest warrant", "NOUN", "ACCUSE", "investigate", "1121", "for,against", ""),
    ("proposal", "NOUN", "REQUEST", "change", "0234", "to", ""),
    ("attack", "VERB", "ASSAULT", "", "190", "", ""),
    ("kill", "VERB", "ASSAULT", "", "190", "", ""),
    ("wound", "VERB", "ASSAULT", "", "190", "", ""),
    ("shoot", "VERB", "ASSAULT", "firearms", "193", "", ""),
    ("clash", "NOUN", "ASSAULT", "", "190", "with", ""),
    ("ceasefire", "NOUN", "RETREAT", "ceasefire", "0871", "with", ""),
    ("agree", "VERB", "AGREE", "", "030", "with", "plan"),
    ("deny", "VERB", "REJECT", "", "120", "", ""),
    ("pledge", "VERB", "AGREE", "", "030", "", "intent"),
    ("withdraw", "VERB", "RETREAT", "withdraw", "0874", "from", ""),
    ("support", "NOUN", "SUPPORT", "", "051", "for", ""),
    ("call", "VERB", "CONSULT", "phone", "041", "", "purpose"),
    ("call on", "VERB", "REQUEST", "", "020", "on", "absorb"),
    ("congratulate", "VERB", "SUPPORT", "", "051", "", ""),
    ("strike", "NOUN", "PROTEST", "strike", "143", "against", ""),
    ("end strike", "VERB", "CONCEDE", "", "080", "", "absorb"),
    ("boycott", "VERB", "PROTEST", "boycott", "143", "", ""),
    ("provide", "VERB", "AID", "", "070", "to", ""),
    ("fight", "VERB", "ASSAULT", "", "190", "", ""),
    ("arrive in", "VERB", "CONSULT", "visit", "042", "in", ""),
    ("torture", "NOUN", "ASSAULT", "torture", "1822", "", ""),
    ("riot", "NOUN", "PROTEST", "riot", "145", "", ""),
    ("demonstrate", "VERB", "PROTEST", "demo", "141", "against", ""),
    ("accuse", "VERB", "ACCUSE", "allege", "112", "", ""),
    ("storm", "VERB", "ASSAULT", "", "190", "", ""),
    ("deploy", "VERB", "MOBILIZE", "troops", "154", "to", ""),
    ("reach agreement", "VERB", "SUPPORT", "", "057", "with", ""),
    ("lift sanction", "VERB", "CONCEDE", "", "085", "", "absorb"),
    ("refuse", "VERB", "REJECT", "", "120", "", "absorb"),
]
STATUS = {
    "planned": ["will", "shall", "be set to", "plan to", "be scheduled to", "be expected to",
                "intend to", "aim to"],
    "hypothetical": ["could", "might", "may", "would", "should"],
    "negated": ["not", "n't", "never", "fail to"],
    "denial": ["deny"],
    "reporting": ["say", "tell", "confirm"],
    "light_verbs": {"actor": ["hold", "issue", "impose", "reach", "sign", "launch", "declare"],
                    "recipient": ["face", "receive"], "occur": ["erupt", "take place"]},
}


def lexicon() -> Lexicon:
    cols = ("pattern", "pos", "event_type", "mode", "cameo", "recipient", "embed")
    rules = [rule_from_row(dict(zip(cols, row)), "handmade") for row in TRIGGERS]
    cameo = {row[4]: Cameo(row[4], row[0], -1.0, row[2], row[3] or None) for row in TRIGGERS}
    grammar = yaml.safe_load((resources.files("tidings") / "data/patterns/grammar.yaml").read_text())
    return Lexicon(rules, cameo, STATUS, grammar)


def knowledge() -> KnowledgeBase:
    entries = [
        Entry("ISR", "country", "Israel", "ISR", aliases=("State of Israel",),
              demonyms=("Israeli", "Israelis"), capital="Jerusalem"),
        Entry("USA", "country", "United States", "USA", aliases=("US", "U.S.", "America"),
              demonyms=("American", "Americans"), capital="Washington, D.C.",
              metonyms={"Washington": "GOV", "White House": "GOV"}),
        Entry("EGY", "country", "Egypt", "EGY", demonyms=("Egyptian", "Egyptians")),
        Entry("JOR", "country", "Jordan", "JOR", demonyms=("Jordanian", "Jordanians")),
        Entry("PSE", "country", "Palestine", "PSE", demonyms=("Palestinian", "Palestinians")),
        Entry("hamas", "group", "Hamas", "PSE", "REB"),
        Entry("icc", "igo", "International Criminal Court", "IGO", "JUD", aliases=("ICC",)),
        Entry("benjamin-netanyahu", "person", "Benjamin Netanyahu", "ISR", "GOV",
              aliases=("Netanyahu",),
              roles=(Role("prime minister", "ISR", "GOV", "2009-03-31", "2021-06-13"),
                     Role("prime minister", "ISR", "GOV", "2022-12-29", None))),
        Entry("donald-trump", "person", "Donald Trump", "USA", "GOV", aliases=("Trump",),
              roles=(Role("president", "USA", "GOV", "2017-01-20", "2021-01-20"),
                     Role("president", "USA", "GOV", "2025-01-20", None))),
        Entry("joe-biden", "person", "Joe Biden", "USA", "GOV", aliases=("Biden",),
              roles=(Role("president", "USA", "GOV", "2021-01-20", "2025-01-20"),)),
        Entry("yoav-gallant", "person", "Yoav Gallant", "ISR", "GOV",
              roles=(Role("defence minister", "ISR", "GOV", "2022-12-29", "2024-11-05"),)),
    ]
    agents = [Agent("troops", "MIL", "group"), Agent("prisoners", "CVL", "group"),
              Agent("prisoner", "CVL", "person"), Agent("captives", "CVL", "group"),
              Agent("politicians", "GOV", "group"), Agent("prosecutors", "JUD", "group"),
              Agent("coalition members", "GOV", "group"), Agent("protesters", "CVL", "group"),
              Agent("police", "COP", "organization"), Agent("people", "CVL", "group"),
              Agent("minister", "GOV", "person"), Agent("prime minister", "GOV", "person"),
              Agent("peacekeepers", "MIL", "group"), Agent("workers", "LAB", "group")]
    return KnowledgeBase(entries, agents)
