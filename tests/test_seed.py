"""The seed article (published 2025-02-02): the events a reader codes from it come out."""
from __future__ import annotations

import pytest

from .conftest import SEED, need_shared

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events(pipeline):
    text = need_shared(SEED).read_text(encoding="utf-8")
    return [e.to_dict() for e in pipeline.extract(text, date="2025-02-02", article_id="seed")]


def countries(side):
    return {m["country"] for m in side}


def find(events, event_type, trigger=None, actor=None, recipient=None, status=None):
    """Events of a type whose trigger, actor and recipient countries match what is given."""
    out = []
    for e in events:
        if e["event_type"] != event_type:
            continue
        if trigger and not any(w.startswith(trigger) for w in e["trigger"]["text"].lower().split()):
            continue
        if actor and not actor <= countries(e["actor"]):
            continue
        if recipient and not recipient <= countries(e["recipient"]):
            continue
        if status and e["status"] != status:
            continue
        out.append(e)
    assert out, f"no {event_type} {trigger} {actor}->{recipient} {status} in " + \
        "; ".join(f"{e['event_type']}:{e['trigger']['text']}" for e in events)
    return out[0]


def test_visit_to_the_us(events):
    e = find(events, "CONSULT", "travel", {"ISR"}, {"USA"})
    assert e["mode"] == "visit" and e["status"] in ("ongoing", "planned")


def test_phase_two_talks_with_hamas(events):
    e = find(events, "CONSULT", "negotiation", {"ISR"}, {"PSE"}, status="planned")
    assert e["date"] == "2025-02-03"
    assert e["location"]["country"] == "USA" and e["location"]["name"].startswith("Washington")


def test_meeting_with_trump(events):
    e = find(events, "CONSULT", "meet", {"ISR"}, {"USA"}, status="planned")
    assert e["date"] == "2025-02-04"
    assert e["location"]["country"] == "USA"
    assert e["recipient"][0]["id"] == "donald-trump"


def test_phase_one_of_the_ceasefire_in_effect(events):
    e = find(events, "RETREAT", status="occurred")
    e = next(x for x in events if x["mode"] == "ceasefire")
    assert e["status"] == "occurred" and e["date"] == "2025-01-19"


def test_release_of_captives_and_prisoners(events):
    releases = [e for e in events if e["event_type"] == "RETREAT" and e["mode"] == "release"
                and e["status"] == "occurred"]
    numbers = {(q["value"], q["approx"]) for e in releases for q in e["quantities"]}
    assert {(33, False), (2000, True)} <= numbers
    assert {"ISR", "PSE"} <= {c for e in releases for c in countries(e["recipient"])}


def test_icc_arrest_warrant_in_november(events):
    e = find(events, "ACCUSE", "warrant", {"IGO"}, {"ISR"})
    assert e["date"] == "2024-11"
    assert e["actor"][0]["sector"] == "JUD"


def test_us_criticism_of_the_icc(events):
    e = find(events, "ACCUSE", "critici", {"USA"}, {"IGO"})
    assert e["status"] == "occurred"


def test_threat_of_sanctions_against_the_court(events):
    e = find(events, "THREATEN", "threaten", {"USA"}, {"IGO"})
    assert not [x for x in events if x["event_type"] == "SANCTION" and x["status"] == "occurred"]
    assert e["recipient"][0]["sector"] == "JUD"


def test_coalition_pressure_on_netanyahu(events):
    e = find(events, "REQUEST", "pressure", {"ISR"}, {"ISR"})
    assert e["recipient"][0]["id"] == "benjamin-netanyahu"


def test_relocation_proposal_and_its_rejection(events):
    find(events, "REQUEST", "proposal", {"USA"})
    e = find(events, "REJECT", "reject", {"EGY", "JOR"}, {"USA"})
    assert e["status"] == "occurred"


def test_smotrich_urges_netanyahu(events):
    e = find(events, "REQUEST", "urge", {"ISR"}, {"ISR"})
    assert e["actor"][0]["id"] == "bezalel-smotrich"
    assert e["recipient"][0]["id"] == "benjamin-netanyahu"


def test_little_else(events):
    assert len(events) <= 24, [f"{e['event_type']}:{e['trigger']['text']}" for e in events]
