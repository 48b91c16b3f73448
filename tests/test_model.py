import json

from tidings.model import Article, Event, Mention, Place, Quantity, Trigger

RECORD_FIELDS = ["event_id", "article_id", "sentence", "event_type", "mode", "context", "cameo",
                 "quad_class", "goldstein", "status", "actor", "recipient", "date", "date_text",
                 "location", "quantities", "trigger", "text", "confidence", "coder"]


def sample_event() -> Event:
    actor = Mention("Netanyahu", 300, 309, "person", "Benjamin Netanyahu", "ISR", "GOV",
                    "benjamin-netanyahu")
    recipient = Mention("US President Donald Trump", 325, 350, "person", "Donald Trump", "USA",
                        "GOV", "donald-trump")
    return Event(article_id="seed-000", sentence=2, event_type="CONSULT", mode="visit",
                 trigger=Trigger("meet", 315, 319), text="Netanyahu will meet ...", cameo="042",
                 goldstein=1.9, status="planned", actor=[actor], recipient=[recipient],
                 date="2025-02-04", date_text="Tuesday",
                 location=Place("the White House", "Washington, D.C.", "USA", 38.895, -77.037, "city"),
                 quantities=[Quantity(2000, "nearly 2,000 Palestinian prisoners", True, "prisoners",
                                      "released")],
                 confidence=0.86)


def test_event_record_has_exactly_the_contract_fields():
    record = sample_event().to_dict()
    assert list(record) == RECORD_FIELDS
    assert record["quad_class"] == "verbal_cooperation"
    assert record["actor"][0]["code"] == "ISRGOV"
    assert record["quantities"][0] == {"value": 2000, "approx": True,
                                       "text": "nearly 2,000 Palestinian prisoners",
                                       "what": "prisoners", "role": "released"}
    assert record["location"]["precision"] == "city"


def test_round_trip_through_json():
    record = sample_event().to_dict()
    again = Event.from_dict(json.loads(json.dumps(record))).to_dict()
    assert again == record


def test_event_id_is_stable_and_depends_on_content():
    a, b = sample_event(), sample_event()
    assert a.event_id == b.event_id and a.event_id.startswith("e-")
    b.trigger = Trigger("meet", 316, 320)
    assert a.event_id != b.event_id


def test_article_id_defaults_to_content_hash():
    assert Article("same text").id == Article("same text").id
    assert Article("same text").id != Article("other text").id
    assert Article("x", id="given").id == "given"


def test_quantity_range_keeps_max():
    q = Quantity(10, "10 to 15 people", approx=False, what="people", max=15).to_dict()
    assert q["value"] == 10 and q["max"] == 15


def test_mention_without_country_has_no_code():
    assert Mention("someone", 0, 7).to_dict()["code"] is None
