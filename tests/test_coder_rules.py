"""The rule coder's general rules on hand-built cases: promises, sides, groups, coreference,
status inheritance, naming verbs, modifier nouns and repeated mentions of one event."""
from __future__ import annotations

import pytest
import spacy

from .test_coder import code, codes, coder, one  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def types(events):
    return sorted(e.event_type for e in events)


def test_a_pledge_to_release_is_one_promise(code):
    events = code("Hamas pledged to release the prisoners.")
    e = one(events, "AGREE")
    assert e.cameo == "0353" and e.status == "occurred" and codes(e.actor) == ["PSEREB"]
    assert "RETREAT" not in types(events)


def test_willing_to_withdraw_is_a_promise(code):
    e = one(code("Israel is willing to withdraw its troops from Gaza."), "AGREE")
    assert e.cameo == "0356" and codes(e.actor) == ["ISR"]


def test_speaker_announcing_its_own_act_promises_it(code):
    assert one(code("Hamas said it will release the captives."), "AGREE").cameo == "0353"


def test_third_party_report_of_a_future_act_stays_the_act(code):
    e = one(code("Egypt said Israel will release the prisoners."), "RETREAT")
    assert e.status == "planned" and codes(e.actor) == ["ISR"]


def test_pledged_support_is_the_support(code):
    events = code("Egypt pledged support for Jordan.")
    assert types(events) == ["SUPPORT"] and codes(events[0].actor) == ["EGY"]


def test_between_gives_actor_and_recipient(code):
    e = one(code("A ceasefire between Israel and Hamas took effect on Sunday."), "RETREAT")
    assert codes(e.actor) == ["ISR"] and codes(e.recipient) == ["PSEREB"]


def test_counted_people_take_the_country_of_the_place(code):
    e = one(code("Thousands of people demonstrated in Cairo on Tuesday."), "PROTEST")
    assert codes(e.actor) == ["EGYCVL"] and e.location.name == "Cairo"
    assert e.quantities[0].approx


def test_examples_stand_for_a_vague_group(code):
    e = one(code("Hard-line figures, such as Netanyahu, rejected the plan."), "REJECT")
    assert [m.id for m in e.actor] == ["benjamin-netanyahu"]


def test_those_countries_are_the_countries_named_together(code):
    events = code("Trump urged Egypt and Jordan to take in Palestinians. "
                  "The proposal was rejected by those countries.")
    assert codes(one(events, "REJECT").actor) == ["EGY", "JOR"]


def test_generic_agent_of_a_definite_body_takes_its_code(code):
    events = code("The ICC issued a warrant for Netanyahu. "
                  "US politicians threatened sanctions against the court's prosecutors.")
    threat = one(events, "THREATEN")
    assert [(m.country, m.sector) for m in threat.recipient] == [("IGO", "JUD")]


def test_conjunct_with_its_own_auxiliary_keeps_its_status(code):
    e = one(code("The US has not joined the ICC and has criticized the warrant."), "ACCUSE")
    assert e.status == "occurred"


def test_shared_auxiliary_carries_the_negation(code):
    e = one(code("Egypt did not meet or call Israel."), "CONSULT")
    assert e.status == "negated"


def test_naming_verb_with_a_predicate_is_not_an_event(code):
    assert not code("Netanyahu called it a victory for Israel.")
    assert one(code("Netanyahu called Trump on Monday."), "CONSULT").mode == "phone"


def test_modifier_noun_is_not_an_event(code):
    assert "PROTEST" not in types(code("Israeli riot police detained two protesters."))


def test_participle_of_plan_makes_the_event_noun_planned(code):
    e = one(code("The talks with Hamas, set to begin in Cairo on Monday, will be hard."), "CONSULT")
    assert e.status == "planned" and e.date == "2025-02-03" and e.location.name == "Cairo"


def test_a_gerund_clause_keeps_its_own_date(code):
    e = one(code("Hamas accused Israel of attacking its positions on Sunday."), "ACCUSE")
    assert e.date == "2025-02-02" and codes(e.recipient) == ["ISR"]


def test_an_event_told_twice_is_one_event(code):
    events = code("Netanyahu visited Egypt on Monday. Netanyahu's visit to Egypt was short.")
    assert types(events) == ["CONSULT"]


def test_a_place_deep_inside_another_phrase_is_not_the_event_place(code):
    e = one(code("Netanyahu urged Trump to act during his talks in Cairo."), "REQUEST")
    assert e.location is None


def test_violence_without_a_named_doer_is_an_event_with_its_place(code):
    e = one(code("Gunmen in a car killed three soldiers in the town of Mosul on Monday."), "ASSAULT")
    assert e.location.name == "Mosul" and e.quantities[0].value == 3


def test_an_unknown_place_name_is_kept_without_coordinates(code):
    e = one(code("Israeli troops attacked the village of Qaryut on Monday."), "ASSAULT")
    assert e.location.text.endswith("Qaryut") and e.location.lat is None


def test_a_refusal_is_a_rejection_of_the_act(code):
    e = one(code("Hamas said it will not release the captives."), "REJECT")
    assert e.cameo == "1243" and e.status == "occurred" and codes(e.actor) == ["PSEREB"]


def test_a_past_negation_stays_a_negated_act(code):
    e = one(code("Israel did not release the prisoners."), "RETREAT")
    assert e.status == "negated"


def test_failing_to_agree_is_a_rejection(code):
    events = code("Egypt and Jordan failed to reach agreement on the plan.")
    assert types(events) == ["REJECT"] and codes(events[0].actor) == ["EGY", "JOR"]


def test_lifting_sanctions_is_one_concession(code):
    events = code("The US lifted sanctions on Iran.")
    assert types(events) == ["CONCEDE"] and codes(events[0].actor) == ["USA"]


def test_peacekeepers_sent_are_aid_and_troops_massed_are_not(code):
    aid = one(code("Egypt deployed 230 troops to Jordan on a peacekeeping mission."), "AID")
    assert aid.cameo == "074"
    assert one(code("Egypt deployed 230 troops to the border with Israel."), "MOBILIZE")


def test_a_participle_clause_takes_the_place_of_its_main_clause(code):
    e = one(code("Israeli troops stormed a school in Gaza, killing three people."), "ASSAULT")
    assert e.location is not None and e.location.text.endswith("Gaza")


# --- reported obligations, purposes, refusals and threats through the clause -----------------

def test_a_reported_must_is_the_speakers_demand(code):
    e = one(code("Egypt said Israel must withdraw its troops from Gaza."), "REQUEST")
    assert e.cameo == "100" and e.status == "occurred"
    assert codes(e.actor) == ["EGY"] and codes(e.recipient) == ["ISR"]


def test_a_reported_should_is_an_appeal_and_any_verb_can_carry_it(code):
    e = one(code("Egypt said Israel should do more."), "REQUEST")
    assert e.cameo == "020" and codes(e.recipient) == ["ISR"]


def test_the_speakers_own_obligation_is_no_demand(code):
    events = code("Israel said it must withdraw its troops from Gaza.")
    assert "REQUEST" not in types(events)


def test_a_phone_call_to_do_something_is_that_act_addressed_to_the_one_called(code):
    events = code("Netanyahu called Trump on Monday to congratulate him.")
    e = one(events, "SUPPORT")
    assert [m.id for m in e.recipient] == ["donald-trump"] and "CONSULT" not in types(events)


def test_a_time_phrase_is_no_part_of_a_phrasal_verb(code):
    events = code("Netanyahu called Trump on Monday.")
    assert types(events) == ["CONSULT"]


def test_a_refusal_through_a_light_verb(code):
    e = one(code("Hamas said it will not hold talks with Israel."), "REJECT")
    assert e.cameo == "125" and codes(e.recipient) == ["ISR"]


def test_an_unresolved_pronoun_in_a_reported_clause_is_the_speaker(code):
    e = one(code("The workers said they will not end the strike."), "REJECT")
    assert e.mode == "yield" and [m.sector for m in e.actor] == ["LAB"]


def test_a_boycott_announced_by_its_actor_is_a_threat(code):
    e = one(code("Hamas said it will boycott the talks."), "THREATEN")
    assert e.cameo == "1312" and codes(e.actor) == ["PSEREB"]


def test_event_nouns_in_a_promised_object_are_what_is_promised(code):
    events = code("Egypt is willing to provide support to Jordan.")
    e = one(events, "AGREE")
    assert types(events) == ["AGREE"] and codes(e.recipient) == ["JOR"]


def test_a_participle_describing_the_actor_is_background(code):
    described = one(code("The Israeli troops fighting Hamas declared a ceasefire."), "ASSAULT")
    told = one(code("The Israeli troops fought Hamas."), "ASSAULT")
    assert described.confidence < told.confidence - 0.1


def test_peacekeepers_arriving_are_a_deployment_of_aid(code):
    e = one(code("Egyptian peacekeepers arrived in Jordan on Monday."), "AID")
    assert e.cameo == "074"


def test_who_died_after_torture_suffered_it(code):
    e = one(code("A Palestinian prisoner died after torture in an Israeli jail."), "ASSAULT")
    assert [m.sector for m in e.recipient] == ["CVL"]


def test_a_passive_subject_fills_a_patterns_object(code):
    e = one(code("The sanctions on Egypt were lifted by the US."), "CONCEDE")
    assert e.cameo == "085" and codes(e.actor) == ["USA"]


def test_a_date_owning_an_event_noun_is_not_its_actor(code):
    e = one(code("Netanyahu will hold Monday's talks with Trump."), "CONSULT")
    assert [m.id for m in e.actor] == ["benjamin-netanyahu"]


def test_an_outer_event_sees_what_its_inner_event_absorbed(code):
    e = one(code("The US refused to lift sanctions on Egypt."), "REJECT")
    assert codes(e.recipient) == ["EGY"]


def test_saying_another_was_responsible_accuses_them(code):
    e = one(code("Egypt said Hamas was responsible for the attack."), "ACCUSE")
    assert e.cameo == "112" and codes(e.actor) == ["EGY"] and codes(e.recipient) == ["PSEREB"]
    assert "ACCUSE" not in types(code("Egypt said Hamas was not responsible."))


def test_coordinated_verbs_of_one_attack_share_one_trigger(code):
    e = one(code("Israeli soldiers shot and killed two Palestinians in Hebron."), "ASSAULT")
    assert e.trigger.text == "shot and killed" and e.location.name == "Hebron"


def test_coordinated_verbs_naming_two_means_are_two_attacks(pipeline):
    events = [e for e in pipeline.extract("Militants kidnapped two aid workers and raped a woman.")
              if e.event_type == "ASSAULT"]
    assert sorted(e.mode for e in events) == ["abduct", "sexual"]


def test_the_governing_verb_tells_an_event_also_named_by_a_noun(code):
    e = one(code("At least 20 were killed during clashes with Hamas in Gaza on Sunday."), "ASSAULT")
    assert e.trigger.text == "killed" and codes(e.recipient) == ["PSEREB"]


def test_one_attack_told_by_two_verbs_keeps_both_counts(code):
    e = one(code("A suicide bomber killed 15 people and wounded 30 others in Gaza."), "ASSAULT")
    assert sorted((q.role, q.value) for q in e.quantities) == [("killed", 15), ("wounded", 30)]
    assert [t.text for t in e.merged_triggers] == ["wounded"]


def test_one_attack_keeps_the_mode_its_other_mention_names(pipeline):
    from tidings.model import Article
    text = "A roadside bomb exploded in Kabul, killing three soldiers."
    e = one(next(pipeline.run([Article(text=text, id="t")])).events, "ASSAULT")
    assert (e.mode, e.cameo[:3]) == ("explosives", "183")


def test_a_mention_merged_into_a_governing_verb_is_remembered(code):
    e = one(code("At least 20 were killed during clashes with Hamas in Gaza on Sunday."), "ASSAULT")
    assert [t.text for t in e.merged_triggers] == ["clashes"]


def test_an_event_noun_that_took_place_spans_its_verb(code):
    e = one(code("Clashes with Hamas erupted in Gaza on Sunday."), "ASSAULT")
    assert e.trigger.text == "Clashes with Hamas erupted"


def test_a_round_of_talks_is_launched_by_the_subject(code):
    e = one(code("Egypt launched a new round of talks with Hamas."), "CONSULT")
    assert codes(e.actor) == ["EGY"] and codes(e.recipient) == ["PSEREB"]
    assert e.trigger.text == "launched a new round of talks"



def test_a_pattern_may_name_the_adjective_a_verb_predicates(nlp):
    from tidings.coder import dependents
    doc = nlp("The rebels set 28 homes ablaze.")
    assert "ablaze" in dependents(doc[2], "VERB")


def test_a_concession_withheld_in_the_past_is_a_refusal(code):
    e = one(code("The US did not lift sanctions on Egypt."), "REJECT")
    assert e.mode == "yield" and codes(e.actor) == ["USA"]
    assert "REJECT" not in types(code("Israel did not attack Gaza."))


class EverywhereAttacher:
    """An attacher that places every event in Atlantis: shows which events consult it."""

    def attach(self, trigger, participants, hint, rules_place):
        from tidings.model import Place
        return Place("Atlantis", "Atlantis", None, precision="site")


def test_only_material_events_consult_the_learned_attacher(nlp, coder):
    from tidings.actors import Context
    from tidings.coder import RuleCoder
    from tidings.model import Article
    placed = RuleCoder(coder.lex, coder.finder, coder.places, EverywhereAttacher())
    text = "Egypt accused Israel of crimes. Israel attacked Hamas."
    doc, ctx = nlp(text), Context(date="2025-02-02")
    events = placed.code(doc, Article(text, id="t"), placed.finder.find(doc, ctx), ctx)
    where = {e.event_type: e.location and e.location.name for e in events}
    assert where == {"ACCUSE": None, "ASSAULT": "Atlantis"}


def test_a_dependent_clause_keeps_its_place_to_itself(code):
    """The warrant was not issued in Gaza: the place belongs to the crimes of "accusing him"."""
    e = one(code("The ICC issued an arrest warrant for Netanyahu in November, "
                 "accusing him of war crimes in Gaza."), "ACCUSE")
    assert e.trigger.text == "issued an arrest warrant" and e.location is None


def test_a_name_holding_a_conjunction_is_one_actor(pipeline):
    from tidings.model import Article
    text = "The Islamic State of Iraq and al-Sham attacked the town."
    result = next(pipeline.run([Article(text=text, id="t")]))
    e = one(result.events, "ASSAULT")
    assert [m.name for m in e.actor] == ["Islamic State"] and \
        codes(e.actor) == ["ISMREB"]


def test_of_two_places_of_one_event_the_finer_is_kept():
    from tidings.model import Place
    from tidings.repeats import finer
    region, site = Place("Aleppo Governorate", "Aleppo", "SYR", precision="admin1"), \
        Place("Al-Rai", "Al-Rai", "SYR", precision="site")
    doc = spacy.blank("en")("Fighting near Al-Rai and in Aleppo Governorate.")
    assert finer(region, site, doc) is site and finer(site, region, doc) is site
    assert finer(region, None, doc) is region and finer(region, region, doc) is region


def test_of_two_places_the_one_the_text_puts_inside_the_other_is_kept(nlp):
    from tidings.model import Place
    from tidings.repeats import finer
    doc = nlp("A blast destroyed a truck in the mountainous Vedeno region of southern Chechnya.")
    inner = Place("Vedeno region", "Vedeno", None, precision="region")
    outer = Place("Chechnya", "Chechnya", "RUS", precision="admin1")
    assert finer(outer, inner, doc) is inner and finer(inner, outer, doc) is inner


@pytest.mark.parametrize("text", [
    "Trump's special envoy, Steve Witkoff, met Netanyahu on Monday.",
    "Trump's special envoy Steve Witkoff met Netanyahu on Monday.",
])
def test_a_phrase_is_the_person_it_names_not_its_possessor(pipeline, text):
    from tidings.model import Article
    e = one(next(pipeline.run([Article(text=text, id="t")])).events, "CONSULT")
    assert [m.name for m in e.actor] == ["Steve Witkoff"]


def test_an_event_noun_naming_a_day_refers_back_only_to_that_days_event(pipeline):
    from tidings.model import Article
    def attackers(text):
        events = next(pipeline.run([Article(text=text, id="t", date="2025-02-02")])).events
        return [(e.date, codes(e.actor)) for e in events if e.event_type == "ASSAULT"]
    later = "Tuesday's attack drew condemnation from Egypt."
    assert attackers("Israeli troops attacked Gaza on Tuesday. " + later)[-1] == \
        ("2025-01-28", ["ISRMIL"])
    assert attackers("Israeli troops attacked Gaza on Monday. " + later)[-1] == ("2025-01-28", [])


def test_a_noun_naming_the_occasion_of_the_act_tells_its_place(code):
    e = one(code("A police general was killed during clashes in Beirut."), "ASSAULT")
    assert e.trigger.text == "killed" and e.location.name == "Beirut"
    assert [t.text for t in e.merged_triggers] == ["clashes"]


def test_coordinated_verbs_of_one_attack_share_the_place_of_the_last(code):
    e = one(code("Two soldiers were killed and dozens more wounded in Hebron."), "ASSAULT")
    assert e.trigger.text == "killed" and e.location.name == "Hebron"
    assert [t.text for t in e.merged_triggers] == ["wounded"]


def events_of(pipeline, text):
    from tidings.model import Article
    return next(pipeline.run([Article(text=text, id="t", date="2025-02-02")])).events


def test_an_armed_noun_is_an_attack_only_in_armed_hands(pipeline):
    e = one(events_of(pipeline, "The Tiger Forces continued their advance south of Aleppo."),
            "ASSAULT")
    assert e.trigger.text == "continued their advance" and e.actor[0].text == "Tiger Forces"
    assert events_of(pipeline, "Advances in medicine continued their advance.") == []


def test_conjoined_event_nouns_share_their_light_verb(pipeline):
    events = events_of(pipeline, "Egypt expressed its rejection and condemnation of the plan.")
    assert {e.event_type: [m.text for m in e.actor] for e in events} == \
        {"REJECT": ["Egypt"], "ACCUSE": ["Egypt"]}


def test_a_far_verb_saying_the_event_happened_is_one_more_word_telling_it(pipeline):
    e = one(events_of(pipeline, "The attack, which no group has yet claimed, took place in "
                                "Kabul on Sunday."), "ASSAULT")
    assert e.trigger.text == "attack" and [t.text for t in e.merged_triggers] == ["took"]


def test_a_passive_conjunct_is_suffered_by_the_shared_subject(code):
    events = code("Israeli troops attacked the camp and were attacked by Hamas.")
    sides = sorted((codes(e.actor), codes(e.recipient)) for e in events)
    assert sides == [(["ISRMIL"], []), (["PSEREB"], ["ISRMIL"])]


def test_a_passive_conjunct_with_its_own_subject_is_not_done_by_the_first(code):
    e = one(code("Seven people died and 20 were wounded in clashes in Hebron."), "ASSAULT")
    assert e.actor == [] and sorted((q.role, q.value) for q in e.quantities) == \
        [("killed", 7), ("wounded", 20)]


def test_dying_in_an_attack_tells_the_attack(code):
    e = one(code("Three policemen died in clashes in Hebron."), "ASSAULT")
    assert e.trigger.text == "clashes" and [t.text for t in e.merged_triggers] == ["died"]
    assert [(q.role, q.value) for q in e.quantities] == [("killed", 3)]
    assert code("The former president died of cancer in Paris.") == []


def test_a_bare_number_is_counted(code):
    e = one(code("Hamas killed 20 in Hebron."), "ASSAULT")
    assert [(q.role, q.value, q.what) for q in e.quantities] == [("killed", 20, None)]


def test_an_attack_that_left_people_dead_counts_them(code):
    e = one(code("Clashes in Hebron left 36 people dead."), "ASSAULT")
    assert e.trigger.text == "Clashes" and [t.text for t in e.merged_triggers] == ["left"]
    assert [(q.role, q.value) for q in e.quantities] == [("killed", 36)]


def test_victims_of_clashes_with_a_group_were_attacked_by_it(code):
    e = one(code("Two Israeli soldiers were killed in clashes with Hamas in Gaza."), "ASSAULT")
    assert codes(e.actor) == ["PSEREB"] and codes(e.recipient) == ["ISR"]
    assert [t.text for t in e.merged_triggers] == ["clashes"] and e.location.name == "Gaza"


@pytest.mark.parametrize("text,event_type,recipient", [
    ("Most of the attacks targeted police.", "ASSAULT", "police"),      # a quantity of attacks
    ("The raid had targeted fishermen from the Turkana community.", "COERCE", "fishermen"),
    ("The arrests targeted opposition leaders.", "COERCE", "opposition leaders"),
])
def test_an_aiming_verb_names_the_target_of_the_forceful_event_doing_it(pipeline, text,
                                                                       event_type, recipient):
    events = pipeline.extract(text)
    assert len(events) == 1 and events[0].event_type == event_type
    assert [m.text for m in events[0].recipient] == [recipient]
    assert "targeted" in [t.text for t in events[0].merged_triggers]


def test_a_when_clause_telling_the_same_attack_gives_its_place(pipeline):
    events = pipeline.extract("A US soldier was killed Friday when his convoy was hit by a "
                              "roadside bomb near Samarra.")
    assert len(events) == 1 and events[0].trigger.text == "killed"
    assert events[0].location is not None and events[0].location.text == "Samarra"


def test_a_month_name_is_no_protest_march(pipeline):
    events = pipeline.extract("In March, Islamist gunmen killed 21 tourists.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert [e.event_type for e in pipeline.extract("On March 5 thousands marched in Paris.")] == \
        ["PROTEST"]
