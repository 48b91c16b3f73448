"""Readers and scorers of the evaluation harness, on small hand-built inputs."""
from __future__ import annotations

from tidings.goldsets import (Case, Marked, bio_marks, detokenize, kairos_map, plover_for,
                              read_petrarch, repair_span)
from tidings.model import Event, Mention, Trigger
from tidings.scoring import Tally, align, quad_label, score_cameo, score_location

GSR = '''<Sentences>
# free text the XML parser would choke on
<Sentence date="20080804" id="A1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>The US leader &amp; his host met.</Text>
<Sentence date="20080805" id="A2"><EventCoding noevents = "True"></EventCoding>
<!-- <Sentence id="hidden"><Text>x</Text> -->
<Text>Nothing happened.</Text></Sentence>
</Sentences>'''


def event(etype="CONSULT", cameo="042", status="occurred", start=0, conf=0.5):
    return Event("a", 0, etype, Trigger("met", start, start + 3), "", cameo=cameo, status=status,
                 confidence=conf, actor=[Mention("US", 0, 2)])


def test_tolerant_petrarch_reader(tmp_path):
    path = tmp_path / "gsr.xml"
    path.write_text(GSR, encoding="utf-8")
    cases = read_petrarch(path)
    assert [(c.id, c.date, c.labels) for c in cases] == [("A1", "2008-08-04", ("042",)),
                                                          ("A2", "2008-08-05", ())]
    assert cases[0].text == "The US leader & his host met."


def test_cameo_scoring_counts_roots_and_full_codes():
    tally = Tally()
    score_cameo(Case("x", "", None, ("042", "190")), [event(cameo="040"), event(cameo="190")], tally)
    assert tally.confusion[("04", "04")] == 1 and tally.confusion[("19", "19")] == 1
    assert tally.counts["code_tp"] == 1
    score_cameo(Case("y", "", None, ()), [event(status="negated")], tally)
    assert tally.counts["no_event_right"] == 1


def test_a_verb_merged_into_an_event_finds_that_event():
    text = "A bomb killed 8 and wounded 20 in Gaza."
    case = Case("x", text, None, (), (Marked("VERB", 17, 24), Marked("LOCATION", 34, 38)))
    told = Event("a", 0, "ASSAULT", Trigger("killed", 7, 13), text)
    tally = Tally()
    score_location(case, [told], tally)
    told.merged_triggers.append(Trigger("wounded", 17, 24))
    score_location(case, [told], tally)
    assert tally.confusion[("located", "no event")] == 1
    assert tally.confusion[("located", "no place")] == 1


def test_align_pairs_equal_labels_first():
    assert align(["A", "B"], ["B", "C", "D"]) == [("B", "B"), ("A", "C"), ("NONE", "D")]


def test_quad_label_no_event_is_statement():
    assert quad_label([]) == "0"
    assert quad_label([event("ASSAULT", "190", conf=0.9), event(conf=0.4)]) == "4"


def test_detokenize_and_bio():
    text, spans = detokenize(["a", "Swiss", "court", "rejected", "Croatia", "'s", "bid", "."])
    assert text == "a Swiss court rejected Croatia's bid."
    marks = bio_marks(["B-S", "I-S", "I-S", "O", "B-T", "I-T", "I-T", "O"], spans)
    assert [(m.label, text[m.start:m.end]) for m in marks] == [("source", "a Swiss court"),
                                                             ("target", "Croatia's bid")]


def test_kairos_mapping_most_specific_prefix_wins():
    mapping = kairos_map()
    assert plover_for("Conflict.Attack.DetonateExplode", mapping) == "ASSAULT"
    assert plover_for("Contact.Contact.Meet", mapping) == "CONSULT"
    assert plover_for("Contact.Contact.Broadcast", mapping) is None
    assert plover_for("ArtifactExistence.DamageDestroyDisableDismantle.Dismantle", mapping) is None


def test_event_location_token_index_spans_are_repaired():
    import spacy
    tok = spacy.blank("en").tokenizer
    text = "He was shot dead by American forces during a raid on a building in Mosul."
    assert text[slice(*_span(repair_span(text, Marked("LOCATION", 14, 14), tok)))] == "Mosul"
    at = text.index("Mosul")
    assert repair_span(text, Marked("LOCATION", at, at + 5), tok) == Marked("LOCATION", at, at + 5)


def _span(mark):
    return mark.start, mark.end


def test_announced_cooperation_reads_as_intent_in_the_codebooks_view():
    from tidings.scoring import as_codebooks_code
    planned = as_codebooks_code(event("CONSULT", "040", status="planned"))
    assert (planned.event_type, planned.cameo) == ("AGREE", "030")
    assert as_codebooks_code(event("ASSAULT", "190", status="planned")).event_type == "ASSAULT"
    assert as_codebooks_code(event("CONSULT", "040")).event_type == "CONSULT"
    assert quad_label([event("CONSULT", "040", status="planned")]) == "1"
