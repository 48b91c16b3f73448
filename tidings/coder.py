"""The rule coder: PLOVER events from spaCy's dependency parse. All its knowledge (triggers,
CAMEO table, cues) comes from the lexicon data files; this module only reads grammar."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from . import dates
from .actors import ActorFinder, Context
from .deaths import tell_deaths
from .formulas import mere_formula
from .lexicon import NOT_EVENT, Lexicon, Rule
from .modality import status_of, tense_of, to_infinitive
from .model import QUAD_CLASSES, Article, Event, Mention, Place, Quantity, Trigger
from .place_attach import PLACE_PREPS, PlaceAttacher
from .places import Gazetteer
from .quantities import quantity_for, role_for
from .repeats import dedupe, merge_repeats
from .syntax import (CLAUSE_DEPS, PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, SUBJECTS, child, children,
                     clause_of, governing_verb, is_passive, occasion_verb, prep_objects, subject_of,
                     xcomp_chain)

CODER_NAME = "tidings.rules/1"
NEAR = 6  # tokens: a carrying verb this close to its event noun joins the trigger
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SPAN_PREPS = {"since", "until", "till"}  # a date that bounds a span is no event's date
TIME_PREPS = {"during", "before", "after", "since", "until", "ahead"}  # "during his talks in X"
PROMISE_AUX = {"will", "would", "'ll", "shall"}  # "said it will release them"
REFUSAL_AUX = {"will", "would", "wo", "shall", "can", "ca", "could"}  # "won't", "can't"
UNRESOLVED_PRECISION = {"GPE": "city", "LOC": "region", "FAC": "site"}
ARGUMENT_POS = {"NOUN", "PROPN", "PRON", "NUM"}
AMOUNTS = {"MONEY", "PERCENT", "QUANTITY"}  # "trade hit $1.1 billion": a figure, not a target
NOUN_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj"}  # an adjective here heads a noun phrase
FIRST_PERSON = {"i", "we", "you"}  # "we must act", said X: not a demand of another


@dataclass(slots=True)
class Candidate:
    """A trigger found in a sentence, and what the coder learns about it step by step."""

    token: Token
    rule: Rule
    actor_tokens: list[Token] = field(default_factory=list)
    recipient_tokens: list[Token] = field(default_factory=list)
    actor: list[Mention] = field(default_factory=list)
    recipient: list[Mention] = field(default_factory=list)
    status: str = "occurred"
    emit: bool = True
    between: bool = False  # "talks between X and Y": the first side acts, the others receive
    demand: bool = False  # "X says Y must stop": X's demand of Y (grammar.yaml obligation_codes)
    by_event: Candidate | None = None  # the event noun whose doer acts ("the raid targeted")
    also: list[Token] = field(default_factory=list)  # verbs folded into this event noun


class RuleCoder:
    """Codes events sentence by sentence. Read-only after construction; one per pipeline."""

    name = CODER_NAME

    def __init__(self, lexicon: Lexicon, finder: ActorFinder, gazetteer: Gazetteer,
                 attacher: PlaceAttacher | None = None) -> None:
        self.lex, self.finder, self.places = lexicon, finder, gazetteer
        self.attacher = attacher  # None: the place rules alone (setting place_attacher)

    # --- entry point -------------------------------------------------------------------------

    def code(self, doc: Doc, article: Article, mentions: list[Mention], ctx: Context) -> list[Event]:
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(sent, index, article, mentions, ctx, events))
        return merge_repeats(events)

    def code_sentence(self, sent: Span, index: int, article: Article, mentions: list[Mention],
                      ctx: Context, earlier: list[Event]) -> list[Event]:
        cands = [c for c in (self.match(t) for t in sent) if c is not None]
        by_token = {c.token.i: c for c in cands}
        cands += self.obligations(sent, by_token)
        for cand in cands:
            self.arguments(cand, by_token)
            cand.status = status_of(cand.token, self.lex)
            if cand.demand:
                self.as_demand(cand)
            cand.actor = self.resolve_all(cand.actor_tokens, mentions, ctx)
            cand.recipient = self.resolve_all(cand.recipient_tokens, mentions, ctx)
            if cand.between:
                cand.actor, cand.recipient = split_sides(cand.actor, cand.recipient)
            cand.actor = cand.actor or self.speaker_of(cand, mentions, ctx)
            if not cand.actor or not cand.recipient:
                cand.actor, cand.recipient = self.inherit(cand, earlier, ctx, article)
        self.fold_aims(cands)
        for cand in cands:
            if self.promised(cand, mentions, ctx):
                self.as_promise(cand, cand)
                self.fold_objects(cand, cands)
            elif self.refused(cand):
                self.as_refusal(cand)
            elif self.protective(cand):
                cand.rule = recoded(cand.rule, self.lex.protective_code)
        for cand in sorted(cands, key=lambda c: -depth(c.token)):
            self.embed(cand, by_token)  # innermost first: "refused to remove sanctions on X"
        out = []
        for cand in cands:
            if cand.emit and self.licensed(cand):
                out.extend(self.events_for(cand, sent, index, article, mentions, ctx))
                remember_topics(cand, ctx)
        tell_deaths(out, sent, self.lex, lambda tokens: self.resolve_all(tokens, mentions, ctx))
        return dedupe(out, sent.doc)

    # --- triggers ----------------------------------------------------------------------------

    def match(self, token: Token) -> Candidate | None:
        pos = word_class(token)
        if pos is None or (pos == "NOUN" and token.dep_ == "compound"):
            return None  # "riot police" are police: a modifier noun is not the event
        lemma = token.lemma_.lower()
        if pos == "VERB" and lemma in self.lex.naming and child(token, "oprd") is not None:
            return None  # "calling it a reflection of ...": naming, not an act
        deps = dependents(token, pos)
        for rule in self.lex.candidates(lemma, pos):
            if all(word in deps for word in rule.extra):
                return Candidate(token, rule) if rule.event_type != NOT_EVENT else None
        return None

    def obligations(self, sent: Span, by_token: dict[int, Candidate]) -> list[Candidate]:
        """"Russia says Israel must end attacks": a reported obligation of someone other than
        the speaker is the speaker's demand (or appeal, for "should") of them; "said the rebels
        were responsible" is the speaker's accusation. A trigger verb is recoded; any other
        verb becomes an event of its own. Returns the new candidates."""
        new = []
        for verb in sent:
            coded = self.obligation_code(verb)
            if coded is None:
                continue
            cand = by_token.get(verb.i)
            if cand is None:
                rule = Rule(verb.lemma_.lower(), "VERB", (), coded.event_type, coded.mode,
                            coded.cameo, (), "absorb")
                cand = by_token[verb.i] = Candidate(verb, rule)
                new.append(cand)
            else:
                cand.rule = recoded(cand.rule, coded)
            cand.demand = True
        return new

    def obligation_code(self, verb: Token):
        """The demand (or blame) a reported clause about another makes, if it makes one."""
        if verb.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX") or \
                verb.head.lemma_.lower() not in self.lex.reporting:
            return None
        subject, speaker = subject_of(verb), subject_of(verb.head)
        if subject is None or speaker is None or subject.lower_ in FIRST_PERSON or \
                subject.pos_ == "PRON" or subject.lemma_.lower() == speaker.lemma_.lower():
            return None
        modal = next((a for a in children(verb, "aux") if a.lower_ in self.lex.obligations), None)
        if modal is not None:
            return self.lex.obligations[modal.lower_]
        blamed = any(c.lemma_.lower() in self.lex.blame_words for c in children(verb, "acomp"))
        if blamed and verb.lemma_.lower() == "be" and child(verb, "neg") is None:
            return self.lex.blame_code  # "the government said the rebels were responsible"
        return None

    def as_demand(self, cand: Candidate) -> None:
        """The speaker demands; the one who must act receives the demand."""
        verb = cand.token
        cand.actor_tokens = [self.antecedent(t) for t in children(verb.head, *SUBJECTS)]
        cand.recipient_tokens = children(verb, *SUBJECTS)
        cand.status = "occurred"

    def licensed(self, cand: Candidate) -> bool:
        """Artifact nouns ("the agreement") are events only when a verb acts on them."""
        token = cand.token
        if cand.rule.mode == "visit" and cand.rule.pos == "VERB" and is_passive(token):
            return False  # "the soldiers were flown to Moscow": carried, not visiting
        if not self.an_act(cand) or not self.public(cand):
            return False
        if cand.rule.pos != "NOUN" or token.lemma_.lower() not in self.lex.artifacts:
            return True
        holder = partitive_holder(token, self.lex)
        verb = holder.head
        if holder.dep_ in ("nsubj", "nsubjpass") and self.realizes(verb):
            return True
        return holder.dep_ == "dobj" and verb.lemma_.lower() in self.lex.light_actor

    def an_act(self, cand: Candidate) -> bool:
        """Formulas that look like events and are not: a state held ("China has significant
        investments"), a comment declined ("refused to comment"), a question asked ("who is
        dead, she asked"), a figure reached ("trade hit $1.1 billion")."""
        token, rule = cand.token, cand.rule
        if mere_formula(token, rule, self.lex):
            return False  # "rejected the idea that ...", "in recognition of ..." (formulas.py)
        holder = partitive_holder(token, self.lex)
        if rule.pos == "NOUN" and holder.dep_ == "dobj" and holder.head.lemma_.lower() == "have":
            return rule.event_type not in self.lex.possessed_types
        if rule.pos != "VERB":
            return True
        if any(c.lemma_.lower() in self.lex.comment_verbs for c in children(token, "xcomp")):
            return rule.event_type != "REJECT"
        if token.lemma_.lower() in self.lex.planned and \
                any(to_infinitive(c) for c in children(token, "xcomp")):
            return False  # "Britain is seeking to finalize a deal": a cue of the act to come
        if token.lemma_.lower() in self.lex.question_verbs and not children(token, "dobj", "dative"):
            return not any(is_question(c) for c in children(token, "ccomp"))
        if token.lemma_.lower() in self.lex.warning_verbs and self.a_forecast(cand):
            return False
        if rule.event_type == "ASSAULT" and token.lemma_.lower() in self.lex.causative_verbs and \
                not is_passive(token) and not children(token, "dobj"):
            return False  # "half are burning"
        if rule.event_type == "ASSAULT":
            return not any(c.ent_type_ in AMOUNTS for c in children(token, "dobj"))
        return True

    def a_forecast(self, cand: Candidate) -> bool:
        """"officials warn it is too big to put out": a warning about a state of affairs, to no
        one, without the warner's own act to come ("warned it will retaliate")."""
        token = cand.token
        if children(token, "dobj", "dative") or cand.recipient_tokens:
            return False
        for clause in children(token, "ccomp"):
            doer = subject_of(clause)
            future = any(a.lower_ in PROMISE_AUX for a in children(clause, "aux"))
            own = doer is not None and (doer.pos_ == "PRON" or
                                        any(doer.lemma_ == a.lemma_ for a in cand.actor_tokens))
            return not (future and own)
        return False

    def public(self, cand: Candidate) -> bool:
        """Natural forces do not attack; business and private life are not political cooperation;
        some verbs attack only in armed hands ("troops entered the town")."""
        if QUAD_CLASSES[cand.rule.event_type] == "material_conflict" and \
                any(t.lemma_.lower() in self.lex.natural_forces for t in cand.actor_tokens):
            return False  # "bushfires continue to burn"
        if cand.token.lemma_.lower() in \
                (self.lex.armed_verbs if cand.rule.pos == "VERB" else self.lex.armed_nouns):
            return self.armed(cand)
        if cand.rule.event_type not in self.lex.public_types:
            return True
        sides = cand.actor + cand.recipient
        return not sides or not all(m.sector in self.lex.private_sectors for m in sides)

    def armed(self, cand: Candidate) -> bool:
        """An armed actor, or a forceful event as subject ("the raid targeted herders")."""
        if cand.by_event is not None and forceful(cand.by_event):
            return True
        return any(m.sector in self.lex.armed_sectors for m in cand.actor) or \
            any(self.armed_phrase(t) for t in cand.actor_tokens)

    def armed_phrase(self, head: Token) -> bool:
        """"rebels", or a name tidings does not know in full that names an armed force ("Jaysh
        Al-Fateh", "Army of Conquest": grammar.yaml armed_name_words)."""
        agent = self.finder.agent_at(head)
        if agent is not None and agent.sector in self.lex.armed_sectors:
            return True
        words = [head, *children(head, "compound", "appos")]
        return any(w.pos_ == "PROPN" and w.lower_ in self.lex.armed_name_words for w in words)

    def fold_aims(self, cands: list[Candidate]) -> None:
        """"The explosion targeted a bakery": an armed verb whose doer is an attack names that
        attack's target; the attack noun stays the event, the verb is one more word telling it."""
        for cand in cands:
            noun = cand.by_event
            if noun is None or not forceful(noun) or \
                    cand.token.lemma_.lower() not in self.lex.armed_verbs:
                continue
            noun.recipient = noun.recipient or cand.recipient
            noun.also.append(cand.token)
            cand.emit = False

    def realizes(self, verb: Token) -> bool:
        forms = {verb.lemma_.lower()}
        for c in verb.children:
            forms.add(f"{verb.lemma_.lower()} {c.lemma_.lower()}")
            for g in children(c, "pobj"):
                forms.add(f"{verb.lemma_.lower()} {c.lower_} {g.lemma_.lower()}")
        return bool(forms & self.lex.realize)

    # --- participants ------------------------------------------------------------------------

    def arguments(self, cand: Candidate, by_token: dict[int, Candidate]) -> None:
        if cand.rule.pos == "VERB":
            self.verb_arguments(cand)
            self.doers_of_events(cand, by_token)
        else:
            self.noun_arguments(cand)

    def doers_of_events(self, cand: Candidate, by_token: dict[int, Candidate]) -> None:
        """"The raid targeted herders", "an offensive that targeted the districts", "most of
        the attacks targeted police": a noun of force or violence (or a part of one) as the doer
        stands for whoever does that event."""
        doers = [partitive_whole(t, self.lex) or t for t in cand.actor_tokens]
        noun = next((by_token[t.i] for t in doers if t.i in by_token and
                     by_token[t.i].rule.pos == "NOUN" and forceful(by_token[t.i])), None)
        if noun is None:
            return
        if not noun.actor_tokens and not noun.recipient_tokens:
            self.noun_arguments(noun)
        cand.actor_tokens = list(noun.actor_tokens) or cand.actor_tokens  # "an ISIS attack killed"
        cand.by_event = noun

    def verb_arguments(self, cand: Candidate) -> None:
        verb, rule = cand.token, cand.rule
        passive = is_passive(verb)
        agent = [o for p, o in prep_objects(verb, {"by"})] if passive else []
        subject = subject_of(verb)
        actor = agent or ([subject] if subject is not None and not passive else [])
        recipients = children(verb, *PASSIVE_SUBJECTS) if passive else []
        controller = self.controller(verb) if not (recipients if passive else actor) else None
        if controller is not None and passive:  # "stormed the camp and were ambushed":
            recipients = [controller]            # the shared subject suffered the act
        elif controller is not None:
            actor = [controller]
        cand.actor_tokens = [self.antecedent(t) for t in actor]
        recipients += children(verb, "dobj", "dative")
        recipients += [o for _, o in prep_objects(verb, set(rule.recipient_preps))]
        recipients += [s for c in for_clauses(verb) for s in children(c, *SUBJECTS)]
        cand.recipient_tokens = [t for t in recipients if t.pos_ in ARGUMENT_POS]

    def antecedent(self, token: Token) -> Token:
        """"the troops who attacked": the relative pronoun stands for the noun it modifies."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return token.head.head
        return token

    def controller(self, verb: Token) -> Token | None:
        """The understood subject of a subjectless verb: xcomp, conjunct or participle."""
        head = verb.head
        if head.i == verb.i:
            return None
        if verb.dep_ == "xcomp" and head.dep_ == "acomp":  # "Israel is willing to withdraw"
            return subject_of(head.head) or self.controller(head.head)
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ in ("VB", "VBG")):
            obj = child(head, "dobj")
            if (verb.dep_ == "xcomp" or to_clause(verb)) and obj is not None and \
                    head.lemma_.lower() in self.lex.object_control:
                return obj
            return subject_of(head) or self.controller(head)
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            return subject_of(head) or self.controller(head)
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return head
        return None

    def noun_arguments(self, cand: Candidate) -> None:
        noun, rule = cand.token, cand.rule
        actor = [c for c in children(noun, "poss") if c.ent_type_ not in ("DATE", "TIME")]
        recipient = [o for _, o in prep_objects(noun, set(rule.recipient_preps))]
        if actor and noun.lemma_.lower() in self.lex.patient_nouns and not any(prep_objects(noun, {"of"})):
            actor, recipient = [], actor + recipient  # "al-Rufay'i's killing": he was killed
        agents = [c for c in children(noun, "compound") if self.finder.agent_at(c) is not None]
        actor += agents or [c for c in children(noun, "compound", "amod")  # "police raid"
                            if c.ent_type_ in ("GPE", "NORP", "ORG") and not actor]
        actor += [o for _, o in prep_objects(noun, {"by", "from"})]
        sides = [o for _, o in prep_objects(noun, {"between"})]
        if sides and not actor:  # "a ceasefire between X and Y", "talks between X and Y"
            actor, cand.between = sides, True
        for participle in children(noun, "acl"):
            recipient += [o for _, o in prep_objects(participle, set(rule.recipient_preps))]
            if participle.lemma_.lower() in self.lex.aiming_verbs:  # "sanctions targeting Iran"
                recipient += children(participle, "dobj")
        holder = partitive_holder(noun, self.lex)  # "launched a wave of air strikes"
        if holder.dep_ == "conj" and holder.head.pos_ == "NOUN":  # "expressed rejection and
            holder = partitive_holder(holder.head, self.lex)     # condemnation of X"
        verb = holder.head
        light = verb.lemma_.lower()
        if holder.dep_ == "dobj" and light in self.lex.light_actor:
            subject = subject_of(verb) or self.controller(verb)
            if subject is not None and all(a.pos_ == "PRON" for a in actor):
                actor = [subject]  # "the army continued its advance": the army's
            recipient += [o for _, o in prep_objects(verb, set(rule.recipient_preps))]
        elif holder.dep_ == "dobj" and light in self.lex.light_recipient:
            subject = subject_of(verb) or self.controller(verb)
            recipient += [subject] if subject is not None else []
        for participle in children(noun, "amod", "acl"):  # "X facing pressure from Y"
            if participle.pos_ == "VERB" and participle.lemma_.lower() in self.lex.light_recipient:
                recipient += children(participle, *SUBJECTS)
        if not actor and noun.dep_ == "attr":  # "the US remains the largest donor"
            actor += children(noun.head, *SUBJECTS)
        if not recipient:
            recipient += self.died_of(noun)
        cand.actor_tokens = [self.antecedent(t) for t in actor]
        cand.recipient_tokens = [t for t in recipient if t.pos_ in ARGUMENT_POS]

    def died_of(self, noun: Token) -> list[Token]:
        """"X died after torture", "died as a result of the beating": who died suffered it."""
        current = noun
        for _ in range(5):
            if current.dep_ not in ("pobj", "prep") and current.pos_ != "ADJ":
                break
            current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in self.lex.death_verbs:
            return children(current, *SUBJECTS)
        return []

    def resolve_all(self, tokens: list[Token], mentions: list[Mention], ctx: Context) -> list[Mention]:
        out: list[Mention] = []
        for token in tokens:
            for mention in self.finder.resolve(token, mentions, ctx):
                if all((m.start, m.name) != (mention.start, mention.name) for m in out):
                    out.append(mention)
        return out

    # --- events inside events ----------------------------------------------------------------

    def embed(self, outer: Candidate, by_token: dict[int, Candidate]) -> None:
        """Apply the outer trigger's `embed` rule to events in its object or complement."""
        if outer.rule.embed == "purpose":
            self.purpose_of(outer, by_token)
            return
        for inner in self.inner_events(outer, by_token):
            if outer.rule.embed == "absorb":
                inner.emit = False
                outer.recipient = outer.recipient or inner.recipient
                outer.recipient = [m for m in outer.recipient if m.start != inner.token.idx]
            elif outer.rule.embed == "target" and inner.actor:
                outer.recipient = [m for m in outer.recipient
                                   if not inner.token.idx <= m.start < inner.token.idx + 60] or inner.actor
                if all(m.id != a.id for a in inner.actor for m in outer.recipient):
                    outer.recipient = inner.actor
            elif outer.rule.embed == "intent" and inner.emit:
                self.promise_of(outer, inner)
            elif outer.rule.embed in ("plan", "intent") and inner.status == "occurred":
                inner.status = "planned"

    def purpose_of(self, outer: Candidate, by_token: dict[int, Candidate]) -> None:
        """"called X to congratulate him": the call is how the act was done; the act is the
        event, addressed to the one called."""
        for clause in children(outer.token, "xcomp", "advcl"):
            inner = by_token.get(clause.i)
            if inner is None or not inner.emit or all(a.lower_ != "to" for a in children(clause, "aux")):
                continue
            outer.emit = False
            inner.actor = inner.actor or outer.actor
            inner.recipient = outer.recipient or inner.recipient
            return

    def promise_of(self, outer: Candidate, inner: Candidate) -> None:
        """"agreed to release X": one promise (AGREE 0353); "pledged support": the support."""
        intent = self.lex.intent(inner.rule.event_type, inner.rule.mode)
        if intent is not None or inner.rule.event_type in ("AGREE", "SUPPORT"):
            inner.emit = False
            self.as_promise(outer, inner)

    def as_promise(self, outer: Candidate, inner: Candidate) -> None:
        """Code ``outer`` as the promise of ``inner``'s act (the two may be one candidate)."""
        intent = self.lex.intent(inner.rule.event_type, inner.rule.mode)
        coded = intent or inner.rule
        outer.rule = recoded(outer.rule, coded)
        if outer is not inner:
            outer.recipient = outer.recipient or inner.recipient
            outer.recipient_tokens = outer.recipient_tokens or inner.recipient_tokens
            outer.actor = outer.actor or inner.actor
        outer.status = "occurred" if outer.status == "planned" else outer.status

    def clause_verb(self, cand: Candidate) -> Token | None:
        """The verb whose auxiliaries and subject speak for the event: the trigger itself, or
        the light verb of a noun trigger ("will not begin talks", "will hold a protest")."""
        token = cand.token
        if cand.rule.pos == "VERB":
            return token
        holder = partitive_holder(token, self.lex)  # "will not launch a wave of attacks"
        if holder.dep_ == "dobj" and holder.head.lemma_.lower() in self.lex.light_actor:
            return holder.head
        return None

    def speaker_of(self, cand: Candidate, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """"The committee said it will not end the strike": a pronoun subject of a reported
        clause that names no one earlier stands for the speaker."""
        verb = self.clause_verb(cand)
        doer = subject_of(verb) if verb is not None else None
        if doer is None or doer.pos_ != "PRON" or verb.dep_ != "ccomp" or \
                verb.head.lemma_.lower() not in self.lex.reporting:
            return []
        return self.resolve_all(children(verb.head, *SUBJECTS), mentions, ctx)

    def fold_objects(self, promise: Candidate, cands: list[Candidate]) -> None:
        """"is willing to provide ammunition and assistance to Turkey": event nouns in the
        promised act's object are what is promised, not events of their own."""
        for other in cands:
            if other is not promise and other.rule.pos == "NOUN" and \
                    in_object(other.token, promise.token):
                other.emit = False
                promise.recipient = promise.recipient or other.recipient

    def refused(self, cand: Candidate) -> bool:
        """"X will not end the strike", "would not meet him", "failed to reach agreement": a
        refusal (or failure) of a cooperative act, which is itself an event."""
        verb = self.clause_verb(cand)
        if cand.status != "negated" or verb is None:
            return False
        modal = any(a.lower_ in REFUSAL_AUX for a in children(verb, "aux"))
        failed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.negated
        withheld = cand.rule.event_type in self.lex.withheld_types  # "did not give permission"
        return (modal or failed or withheld) and \
            self.lex.refusal(cand.rule.event_type, cand.rule.mode) is not None

    def as_refusal(self, cand: Candidate) -> None:
        coded = self.lex.refusal(cand.rule.event_type, cand.rule.mode)
        cand.rule = recoded(cand.rule, coded)
        cand.status = "occurred"

    def protective(self, cand: Candidate) -> bool:
        """Troops sent as peacekeepers or observers, or peacekeepers arriving: the deployment
        is aid (CAMEO 074)."""
        if cand.rule.mode == "visit":  # "peacekeeping troops arrived in Monrovia"
            return any(t.lemma_.lower() in self.lex.protective
                       for a in cand.actor_tokens for t in a.subtree)
        return cand.rule.event_type == "MOBILIZE" and \
            any(t.lemma_.lower() in self.lex.protective for t in cand.token.sent)

    def promised(self, cand: Candidate, mentions: list[Mention], ctx: Context) -> bool:
        """"X is willing to withdraw", "X said it will release Y": the act is only promised."""
        verb = self.clause_verb(cand)
        if verb is None or cand.status == "negated" or \
                self.lex.intent(cand.rule.event_type, cand.rule.mode) is None:
            return False
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in self.lex.willingness:
            return True
        future = any(a.lower_ in PROMISE_AUX for a in children(verb, "aux"))
        if not (future and verb.dep_ == "ccomp" and head.lemma_.lower() in self.lex.reporting):
            return False
        speaker = self.resolve_all(children(head, *SUBJECTS), mentions, ctx)
        doer = subject_of(verb)
        return doer is not None and (doer.pos_ == "PRON" or
                                     {m.name for m in speaker} & {m.name for m in cand.actor})

    def inner_events(self, outer: Candidate, by_token: dict[int, Candidate]) -> list[Candidate]:
        slots = children(outer.token, "dobj", "xcomp", "ccomp", "nsubjpass", "acl")
        slots += [c for c in for_clauses(outer.token) if c not in slots]
        for prep in children(outer.token, "prep"):
            slots += children(prep, "pobj", "pcomp")
        found = []
        for slot in slots:
            target = slot if slot.i in by_token else None
            if target is None and slot.dep_ == "xcomp" and slot.lemma_.lower() in self.lex.light_actor:
                target = next((o for o in children(slot, "dobj") if o.i in by_token), None)
            if target is None and slot.pos_ == "NOUN":
                target = next((g for p in children(slot, "prep") if p.lower_ == "of"
                               for g in children(p, "pobj") if g.i in by_token), None)
            if target is not None and target.i != outer.token.i:
                found.append(by_token[target.i])
        return found

    # --- assembling events -------------------------------------------------------------------

    def events_for(self, cand: Candidate, sent: Span, index: int, article: Article,
                   mentions: list[Mention], ctx: Context) -> list[Event]:
        event = self.assemble(cand, sent, index, article)
        if event is None:
            return []
        event.merged_triggers += [Trigger(t.text, t.idx, t.idx + len(t.text)) for t in cand.also]
        event.merged_triggers += self.far_carrier(cand.token)
        out = [event]
        partner = self.reciprocal(cand, mentions, ctx)
        if partner is not None:
            word, recipient, quantities = partner
            twin = Event.from_dict(event.to_dict())
            twin.recipient, twin.quantities = recipient, quantities
            twin.actor = other_side(event.recipient)
            twin.trigger = Trigger(word.text, word.idx, word.idx + len(word.text))
            event.actor = event.actor or other_side(recipient)
            out.append(twin)
        return out

    def assemble(self, cand: Candidate, sent: Span, index: int, article: Article) -> Event | None:
        rule, token = cand.rule, cand.token
        actor, recipient = cand.actor, cand.recipient
        if not actor and not recipient and not self.unattributed(cand):
            return None
        date, date_text = self.event_date(cand, article)
        event = Event(
            article_id=article.id, sentence=index, event_type=rule.event_type, mode=rule.mode,
            trigger=self.trigger_of(token), text=sent.text.strip(),
            cameo=rule.cameo, goldstein=self.lex.goldstein(rule.cameo), status=cand.status,
            actor=actor, recipient=recipient, date=date, date_text=date_text,
            location=self.locate(cand, recipient), quantities=self.event_quantities(cand),
            coder=CODER_NAME)
        if event.location is not None and event.location.precision != "region":
            local_country(event.actor + event.recipient, event.location.country)
        event.confidence = confidence(event, rule, prominence(token))
        return event

    def trigger_of(self, token: Token) -> Trigger:
        """The words that express the event: the trigger, with its light verb when one carries
        it ("launched an assault", "held talks")."""
        start, end = token.idx, token.idx + len(token.text)
        verb = self.carrier(token)
        if verb is not None and abs(verb.i - token.i) <= NEAR:
            start, end = min(start, verb.idx), max(end, verb.idx + len(verb.text))
        return Trigger(token.doc.text[start:end], start, end)

    def carrier(self, token: Token) -> Token | None:
        """The verb that carries an event noun: a light verb before it ("launched an assault",
        "held talks") or a verb saying it happened after it ("clashes erupted", "talks were
        held", "the attack, claimed by no group, took place on Sunday")."""
        holder = partitive_holder(token, self.lex)
        verb, lemma = holder.head, holder.head.lemma_.lower()
        if holder.dep_ == "dobj" and lemma in self.lex.light_actor and verb.i < token.i:
            return verb
        return verb if self.occurs(holder, lemma) and verb.i > token.i else None

    def far_carrier(self, token: Token) -> list[Trigger]:
        """A carrying verb too far from its noun to join the trigger: one more word telling it."""
        verb = self.carrier(token)
        if verb is None or abs(verb.i - token.i) <= NEAR:
            return []
        return [Trigger(verb.text, verb.idx, verb.idx + len(verb.text))]

    def occurs(self, token: Token, lemma: str) -> bool:
        """An event noun that is the subject of a verb saying it happened, or the passive
        subject of a light verb."""
        if token.pos_ not in ("NOUN", "PROPN") or token.head.pos_ not in ("VERB", "AUX"):
            return False
        return (token.dep_ == "nsubj" and lemma in self.lex.light_occur) or \
            (token.dep_ == "nsubjpass" and lemma in self.lex.light_actor)

    def unattributed(self, cand: Candidate) -> bool:
        """Violence, protest and coercion are events even when the doer is not named ("a bomb
        exploded in Baghdad"); other acts need a participant to mean anything."""
        if QUAD_CLASSES[cand.rule.event_type] != "material_conflict" or cand.token.dep_ == "amod":
            return False  # "displaced Palestinians": a participle describing people
        holder = partitive_holder(cand.token, self.lex)  # "a second wave of attacks"
        return cand.rule.pos == "VERB" or holder.dep_ in ("nsubj", "nsubjpass", "dobj") or \
            occasion_verb(holder) is not None  # "killed by a car bomb in Beirut"

    def inherit(self, cand: Candidate, earlier: list[Event], ctx: Context,
                article: Article) -> tuple[list[Mention], list[Mention]]:
        """A definite event noun ("the negotiations") without participants refers back: to the
        last event of its type on the day it names ("Tuesday's attack"), or to the event that
        last spoke of it ("discuss the ceasefire")."""
        actor, recipient = cand.actor, cand.recipient
        if cand.rule.pos != "NOUN":
            return actor, recipient
        same_word = cand.token.lemma_.lower()
        definite = any(c.dep_ in ("det", "poss") for c in cand.token.children)
        named = any(c.ent_type_ == "DATE" for c in children(cand.token, "poss", "compound", "nmod"))
        date = self.event_date(cand, article)[0] if named else None  # "Tuesday's attack"
        for event in reversed(earlier):
            if event.event_type != cand.rule.event_type or not event.actor or \
                    (named and event.date and event.date != date):
                continue
            if not actor and not recipient and definite:
                return list(event.actor), list(event.recipient)
            if not actor and recipient and trigger_head(event).startswith(same_word[:5]):
                return list(event.actor), recipient
        if not actor and not recipient and definite and not named and same_word in ctx.topics:
            return tuple(list(side) for side in ctx.topics[same_word])
        return actor, recipient

    def reciprocal(self, cand: Candidate, mentions: list[Mention],
                   ctx: Context) -> tuple[Token, list[Mention], list[Quantity]] | None:
        """"release of X in exchange for Y": Y is the other side of the same act."""
        for _, obj in prep_objects(cand.token, {"in"}):
            if obj.lemma_.lower() in self.lex.reciprocal:
                for _, other in prep_objects(obj, {"for"}):
                    found = self.finder.resolve(other, mentions, ctx)
                    if found:
                        role = role_for(cand.token.lemma_.lower(), cand.rule.event_type,
                                        cand.rule.mode, self.lex)
                        qty = quantity_for(other, role, self.lex)
                        return obj, found, [qty] if qty else []
        return None

    # --- date, place, numbers ----------------------------------------------------------------

    def clause_heads(self, token: Token) -> set[int]:
        verb = token if token.pos_ == "VERB" else governing_verb(token)
        heads = {token.i}
        if verb is not None:
            heads |= {v.i for v in xcomp_chain(verb)}
        if token.pos_ != "VERB":  # "the talks, set to begin in Washington on Monday"
            heads |= {v.i for acl in children(token, "acl") for v in xcomp_chain(acl)}
        return heads

    def event_date(self, cand: Candidate, article: Article) -> tuple[str | None, str | None]:
        token = cand.token
        heads = self.clause_heads(token)
        tense = tense_of(cand.status)
        for ent in token.sent.ents:
            if ent.label_ in ("DATE", "TIME") and clause_of(ent.root, heads):
                if dates.offset(ent.text + " after") and ent.root.head.lower_ in ("after", "before"):
                    continue
                if ent.root.head.lower_ in SPAN_PREPS:
                    continue  # "has sanctioned 200 officials since 2011": when a span began
                resolved = dates.resolve(ent.text, article.date, tense)
                if resolved:
                    return resolved, ent.text
        anchored = self.anchored_date(token, article)
        if anchored:
            return anchored
        if cand.status in ("occurred", "ongoing", "negated") and article.date:
            return article.date, None
        return None, None

    def anchored_date(self, token: Token, article: Article) -> tuple[str, str] | None:
        """"X comes two weeks after Y happened": Y's date is the anchor's less two weeks."""
        verb = token if token.pos_ == "VERB" else governing_verb(token)
        if verb is None or article.date is None:
            return None
        mark = child(verb, "mark")
        if mark is None or mark.lower_ not in ("after", "before"):
            return None
        span = token.doc[mark.left_edge.i:mark.i + 1].text
        shift = dates.offset(span)
        if shift is None:
            return None
        amount, unit = shift
        return dates.shift(dates.Date.fromisoformat(article.date), -amount, unit), span

    def locate(self, cand: Candidate, recipient: list[Mention]) -> Place | None:
        """The rules' place, reconsidered by the learned attacher when there is one. The
        attacher learned from material events; a statement, demand or accusation names places
        it is about ("war crimes in Gaza"), so only the rules place verbal events."""
        hint = next((m.country for m in cand.actor + recipient if m.country), None)
        place = self.event_place(cand, recipient, hint)
        if self.attacher is None or QUAD_CLASSES[cand.rule.event_type].startswith("verbal"):
            return place
        return self.attacher.attach(cand.token, cand.actor + recipient, hint, place)

    def event_place(self, cand: Candidate, recipient: list[Mention], hint: str | None) -> Place | None:
        """The place rules: the object's place, a place phrase on the clause, or where one visits."""
        place = self.object_place(cand, hint) or self.clause_place(cand, cand.token, hint)
        if place is None and cand.rule.mode == "visit":
            place = next((self.places.lookup(m.text) for m in recipient
                          if m.kind in ("country", "location")), None)
        return place

    def clause_place(self, cand: Candidate, token: Token, hint: str | None) -> Place | None:
        """A place phrase on the event's clause; failing that, on the clause it depends on
        ("shelling hit a bus in Donetsk, killing 8": the killing was in Donetsk too)."""
        heads = self.clause_heads(token)
        actor_span = {t.i for a in cand.actor_tokens for t in a.subtree}  # "figures in Israel"
        for other in token.sent:
            if other.dep_ == "pobj" and other.head.lower_ in PLACE_PREPS and \
                    attached(other.head, heads) and other.i not in actor_span:
                place = self.place_at(other, hint)
                if place is not None:
                    return place
        if token.dep_ in CLAUSE_DEPS | {"xcomp"} and token.head.i != token.i:
            return self.clause_place(cand, token.head, hint)
        return None

    def object_place(self, cand: Candidate, hint: str | None = None) -> Place | None:
        """"shelled the town of X", "stormed the hospital": the place attacked is where."""
        if cand.rule.pos != "VERB" or QUAD_CLASSES[cand.rule.event_type] != "material_conflict":
            return None
        for obj in children(cand.token, "dobj", "nsubjpass"):  # "X was captured"
            if obj.ent_type_ in PLACE_LABELS or self.named_feature(obj) is not None:
                return self.place_at(obj, hint)
        return None

    def named_feature(self, token: Token) -> Token | None:
        """"the town of Taybat", "the Vedeno region": the name of the place the noun is."""
        if token.lemma_.lower() not in self.places.words["feature"]:
            return None
        for prep in children(token, "prep"):
            if prep.lower_ == "of":
                return child(prep, "pobj")
        return next((c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)

    def place_at(self, token: Token, hint: str | None = None) -> Place | None:
        """The place a locative phrase names: the phrase, else a place name inside it; a name
        the gazetteer lacks is kept as written, without coordinates."""
        named = self.named_feature(token)
        if named is not None and named.ent_type_ in PLACE_LABELS | {""}:
            token = named  # the most specific place: "the neighbourhood of Al-Bayaa" in Baghdad
        names = [e for e in token.sent.ents if e.label_ in PLACE_LABELS and
                 token.left_edge.i <= e.start and e.end <= token.right_edge.i + 1]
        for text in (place_text(token), *(e.text for e in names)):
            place = self.places.lookup(text, country=hint)
            if place is not None:
                return place
        if names:
            name = names[0]
            text = name.text[4:] if name.text.lower().startswith("the ") else name.text
            return Place(name.text, text, None, None, None, UNRESOLVED_PRECISION[name.label_])
        return None

    def event_quantities(self, cand: Candidate) -> list[Quantity]:
        role = role_for(cand.token.lemma_.lower(), cand.rule.event_type, cand.rule.mode, self.lex)
        found = []
        for token in cand.recipient_tokens + cand.actor_tokens:
            qty = quantity_for(token, role, self.lex)
            if qty is not None and all(q.text != qty.text for q in found):
                found.append(qty)
        return found


def attached(prep: Token, heads: set[int]) -> bool:
    """A place phrase belongs to the event when it modifies the event's verb or noun, or one of
    the verb's own arguments ("attacked a school in Gaza"), not a noun deeper down ("the issue of
    settlements in the West Bank", "during his talks in Washington")."""
    head = prep.head
    if head.i in heads:
        return True
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ not in TIME_PREPS:
        return head.head.head.i in heads  # "killed in an attack on Buwa village"
    return head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.head.i in heads


def local_country(mentions: list[Mention], country: str | None) -> None:
    """Unnamed people of no stated country ("thousands of people", "police") at a place in one
    country are taken to be from there, as event datasets code them."""
    for m in mentions:
        if m.id is None and m.country is None and country:
            m.country = country


def recoded(rule: Rule, coded) -> Rule:
    """The rule coding another type, mode and CAMEO code (a promise, refusal or aid of its act)."""
    return replace(rule, event_type=coded.event_type, mode=coded.mode, cameo=coded.cameo)


def split_sides(sides: list[Mention], others: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """"between X and Y": X acts, Y (and any other recipient) receives, each once."""
    if not sides:
        return sides, others
    recipient: list[Mention] = []
    for m in sides[1:] + others:
        if m.name != sides[0].name and all(r.name != m.name for r in recipient):
            recipient.append(m)
    return sides[:1], recipient


def remember_topics(cand: Candidate, ctx: Context) -> None:
    """The nouns an event speaks of ("discuss the ceasefire") recall its participants later."""
    if not (cand.actor and cand.recipient):
        return
    for token in cand.token.subtree:
        if token.pos_ == "NOUN" and token.i != cand.token.i:
            ctx.topics[token.lemma_.lower()] = (list(cand.actor), list(cand.recipient))


def dependents(token: Token, pos: str) -> set[str]:
    """Lemmas of the dependents a multi-word pattern may name: "go on strike" reaches the
    preposition's object, or an adjective it predicates ("set ablaze"); "*" stands for any
    direct object ("return *"); a passive subject is the object ("the demands were met" is
    "met the demands")."""
    deps = ("prt", "prep", "dobj", "nsubjpass", "acomp", "advmod") if pos == "VERB" \
        else ("compound", "amod", "nmod")
    near = [c for c in token.children if (c.dep_ in deps and not dated(c)) or
            (pos == "VERB" and c.pos_ == "ADJ" and c.dep_ in ("ccomp", "xcomp", "oprd"))]
    if pos == "VERB":
        near += [p for c in near if c.dep_ in ("advmod", "prt") for p in children(c, "prep")]
        near += [g for c in near if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        near += [m for c in for_clauses(token) for m in children(c, "mark")]
    found = {c.lemma_.lower() for c in near} | {c.lower_ for c in near}
    if pos == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") for c in near):
        found.add("*")
    return found


def word_class(token: Token) -> str | None:
    """VERB or NOUN for trigger matching. An adjective in an argument slot heads a noun phrase:
    the tagger reads "offensive" in "launched a counter-offensive" as the adjective. A proper
    noun inside a date is none ("In March", "on March 5": the month, not a protest march)."""
    if token.pos_ == "PROPN" and token.ent_type_ in ("DATE", "TIME"):
        return None
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in NOUN_SLOTS):
        return "NOUN"
    return None


def to_clause(verb: Token) -> bool:
    """"lobbied the EU to abandon the tariffs", parsed as an adverbial to-infinitive."""
    return verb.dep_ == "advcl" and to_infinitive(verb)


def for_clauses(verb: Token) -> list[Token]:
    """"called for the Taliban to lift the ban": a "for X to do" clause is the verb's object,
    as "for" with a noun would be ("called for talks"); X is who is to act."""
    return [c for c in verb.children if c.dep_ in ("advcl", "ccomp") and
            any(m.lower_ == "for" for m in children(c, "mark")) and to_infinitive(c)]


def is_question(clause: Token) -> bool:
    """A reported or quoted question: "whether the talks would resume", "who is dead?"."""
    first = clause.left_edge
    mark = child(clause, "mark")
    return first.tag_ in ("WDT", "WP", "WP$", "WRB") or \
        (mark is not None and mark.lower_ in ("whether", "if")) or \
        any(t.text == "?" for t in clause.doc[clause.i:clause.sent.end])


def in_object(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in the verb's object or prepositional phrases, in no clause of
    its own: "provide ammunition alongside assistance to Turkey"."""
    current = token
    while current.head.i != current.i and current.head.i != verb.i:
        if current.dep_ in CLAUSE_DEPS or current.dep_ == "xcomp":
            return False
        current = current.head
    return current.head.i == verb.i and current.dep_ in ("dobj", "dative", "prep")


def depth(token: Token) -> int:
    """How many heads lie above a token in its sentence's parse."""
    count = 0
    while token.head.i != token.i:
        token, count = token.head, count + 1
    return count


def dated(prep: Token) -> bool:
    """"called him on Friday": a preposition of time is no part of a phrasal pattern ("call on")."""
    return prep.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in children(prep, "pobj"))


def partitive_holder(token: Token, lex: Lexicon) -> Token:
    """"the first phase of the ceasefire": the phase holds the ceasefire's place in the clause."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lemma_.lower() in lex.partitive:
        return token.head.head
    return token


def partitive_whole(token: Token, lex: Lexicon) -> Token | None:
    """"most of the attacks", "one of the raids", "a series of attacks": the whole of which a
    quantity word or a part noun speaks."""
    if token.pos_ not in ("ADJ", "NUM", "PRON", "DET") and token.lemma_.lower() not in lex.partitive:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return child(of, "pobj") if of is not None else None


def forceful(cand: Candidate) -> bool:
    """An act of material conflict: an attack, a raid, an arrest."""
    return QUAD_CLASSES[cand.rule.event_type] == "material_conflict"


def other_side(received: list[Mention]) -> list[Mention]:
    """In an exchange, the side that got the first release gives the second: its country."""
    return [Mention(m.text, m.start, m.end, "country", m.country, m.country)
            for m in received[:1] if m.country]


def place_text(token: Token) -> str:
    """The locative noun phrase, without clauses, dates or long modifiers."""
    tokens = [t for t in token.subtree if t.ent_type_ not in ("DATE", "TIME") and
              (t.dep_ not in ("relcl", "acl", "prep") or t.i <= token.i + 3)]
    if not tokens or len(tokens) > 8:
        return token.text
    return token.doc[tokens[0].i:tokens[-1].i + 1].text


def prominence(token: Token) -> float:
    """The main clause carries a sentence's news; a purpose clause three levels down less so,
    and a participle describing a participant ("the coalition fighting the rebels") least."""
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return -0.1
    depth, current = 0, token
    while current.head.i != current.i:
        depth += current.dep_ in CLAUSE_DEPS or current.dep_ in ("xcomp", "pcomp")
        current = current.head
    return 0.05 if depth == 0 else 0.0 if depth == 1 else -0.05


def confidence(event: Event, rule: Rule, bonus: float = 0.0) -> float:
    score = 0.45 + bonus
    score += 0.15 if any(m.country for m in event.actor) else 0.0
    score += 0.15 if any(m.country for m in event.recipient) else 0.0
    score += 0.1 if rule.extra else 0.0
    score += 0.05 if rule.pos == "VERB" else 0.0
    score -= 0.1 if event.status == "hypothetical" else 0.0
    return max(0.05, min(0.95, score))


def trigger_head(event: Event) -> str:
    """The trigger's last word, lower case: "warrant" of "issued an arrest warrant"."""
    return event.trigger.text.lower().split()[-1]
