"""Actor mentions: find them in a parsed article and resolve them, in context, against the
knowledge base (names, aliases, demonyms, metonyms, dated roles, generic agents, coreference)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .kb import CASE_SENSITIVE_BELOW, Entry, KnowledgeBase, Name
from .model import Mention
from .syntax import child

ENTRY_KINDS = {"country": "country", "person": "person", "group": "group"}
NER_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location",
             "FAC": "location", "NORP": "nationality"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
FORMER_WORDS = {"former", "ex", "then"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "from", "into", "to"}
COUNT_NOUNS = {"dozen", "hundred", "thousand", "million", "score", "number", "group", "handful",
               "batch", "busload", "crowd", "team", "delegation"}
DEFINITE_WORDS = {"the", "this", "that", "those", "these", "both"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr."}
NAME_PART_MIN = 3  # name parts shorter than this are not matched alone
BOUND_STEPS = 6  # how far up from a possessive its clause's verb is looked for
CLAUSE_EDGES = {"relcl", "ccomp", "advcl", "parataxis"}  # a subject beyond is another clause's
NP_EDGE_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "prep"}


@dataclass(slots=True)
class Context:
    """What an article has said so far: the memory behind coreference."""

    date: str | None
    mentions: list[Mention] = field(default_factory=list)
    surnames: dict[str, Mention] = field(default_factory=dict)
    topics: dict[str, tuple[list[Mention], list[Mention]]] = field(default_factory=dict)

    def before(self, offset: int, kinds: set[str]) -> Mention | None:
        """The last mention of one of ``kinds`` before ``offset``: a person even of unknown
        country ("Arnel Joseph was arrested ... He was released"), other kinds with a country."""
        return next((m for m in reversed(self.mentions) if m.end <= offset and m.kind in kinds
                     and (m.country or m.kind == "person")), None)

    def group_before(self, offset: int, kind: str) -> list[Mention]:
        """The last run of two or more adjacent mentions of one kind ("Egypt and Jordan")."""
        run: list[Mention] = []
        for m in reversed([m for m in self.mentions if m.end <= offset]):
            if m.kind != kind:
                if len(run) >= 2:
                    break
                run = []
                continue
            if run and run[-1].start - m.end > 6:
                if len(run) >= 2:
                    break
                run = []
            run.append(m)
        return list(reversed(run)) if len(run) >= 2 else []


class ActorFinder:
    """Knows every surface form of the knowledge base; finds and resolves mentions in a Doc."""

    def __init__(self, nlp, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key in kb.names:
            matcher = self.exact if len(key) < CASE_SENSITIVE_BELOW else self.lower
            matcher.add(key, pattern_docs(nlp, key))

    # --- finding -----------------------------------------------------------------------------

    def find(self, doc: Doc, ctx: Context) -> list[Mention]:
        """All actor mentions of the article, in order, resolved; fills ``ctx`` for coreference."""
        spans = [Span(doc, s, e, label=m) for m, s, e in (*self.lower(doc), *self.exact(doc))]
        known = [s for s in filter_spans(spans) if not self.tail_of_longer_name(s)]
        taken = {i for span in known for i in range(span.start, span.end)}
        found = [(span.start, self.from_names(span, ctx)) for span in known]
        for ent in doc.ents:
            if ent.label_ in NER_KINDS and not taken.intersection(range(ent.start, ent.end)):
                found.append((ent.start, self.from_ner(ent, ctx)))
        found = [f for f in found if f[1] is not None]
        found = found + self.more_people(doc, found)
        found = sorted(found + self.agent_phrases(doc, found, ctx), key=lambda f: f[0])
        for _, mention in found:
            ctx.mentions.append(mention)
            if mention.kind == "person" and mention.id and " " in mention.name:
                ctx.surnames[mention.name.split()[-1]] = mention
        return [m for _, m in found]

    def tail_of_longer_name(self, span: Span) -> bool:
        """A known name joined by a name particle and a hyphen to a name word before it is the
        tail of a longer name: "Jaysh Al-Fateh" is not Fatah, "Dahiyat Al-Assad" (a place) not
        Bashar al-Assad. A title or honorific ("President al-Assad"), a known name ("Syrian
        al-Qaeda") or a word of the entry's own names before the particle does not make it one."""
        if span.start < 3:
            return False
        word, particle, hyphen = span.doc[span.start - 3:span.start]
        joined = hyphen.text == "-" and not hyphen.whitespace_ and not particle.whitespace_
        return joined and self.kb.in_list("particle", particle.text) and self.name_word(word) \
            and not self.kb.lookup(word.text) and not self.own_name_word(word, span)

    def own_name_word(self, word: Token, span: Span) -> bool:
        """The word is in a name of the entry the span names ("Abdel Fattah el-Sisi" is Sisi,
        "Harakat al-Nujaba" is Harakat Hezbollah al-Nujaba)."""
        for name in self.kb.lookup(span.text):
            entry = self.kb.entries[name.entry]
            if any(word.lower_ in form.lower().split() for form in (entry.name, *entry.aliases)):
                return True
        return False

    def name_word(self, token: Token) -> bool:
        """A capitalised proper noun that is not a title, an honorific or a generic agent."""
        lower = token.lower_
        return token.is_title and token.pos_ == "PROPN" and lower not in HONORIFICS \
            and self.kb.agent(lower) is None and lower not in self.kb.roles

    def more_people(self, doc: Doc, found: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
        """People the NER missed or mis-typed: names after an honorific ("Mr Colville"), and a
        part of a person's name said elsewhere in the article ("Jamal Alzoubi" ... "Alzoubi").
        NER mentions (not knowledge-base ones) that are such names are retyped as people."""
        titled = honorific_names(doc)
        parts = name_parts(m for _, m in found if m.kind == "person")
        parts.update((span[-1].text, None) for span in titled if span[-1].text not in parts)
        for i, (start, m) in enumerate(found):
            if m.id is not None:
                continue
            span = next((t for t in titled if t.start_char <= m.start < t.end_char), None)
            last = m.text.split()[-1] if m.text.split() else ""
            if span is not None:
                found[i] = (span.start, _person_like(parts.get(span[-1].text), span.text,
                                                     span.start_char, span.end_char))
            elif m.kind != "person" and (m.text in parts or last in parts and last != m.text):
                found[i] = (start, _person_like(parts.get(last), m.text, m.start, m.end))
        covered = {c for _, m in found for c in range(m.start, m.end)}
        extra = []
        for span in titled:
            if span.start_char not in covered and span.end_char - 1 not in covered:
                extra.append((span.start, _person_like(parts.get(span[-1].text), span.text,
                                                       span.start_char, span.end_char)))
                covered.update(range(span.start_char, span.end_char))
        for token in doc:
            if token.idx not in covered and token.is_title and token.pos_ == "PROPN" \
                    and token.text in parts:
                extra.append((token.i, _person_like(parts[token.text], token.text, token.idx,
                                                    token.idx + len(token.text))))
        return extra

    def agent_phrases(self, doc: Doc, found: list[tuple[int, Mention]],
                      ctx: Context) -> list[tuple[int, Mention]]:
        """Noun phrases headed by a generic agent, with a country or group inside ("Iraqi
        security forces" -> IRQ MIL, "IS fighters") or written as a title ("the Foreign
        Secretary"). They nest around the inner mention, which stays."""
        out = []
        for chunk in doc.noun_chunks:
            agent = self.agent_at(chunk.root)
            if agent is None:
                continue
            words = chunk[1:] if chunk[0].dep_ == "det" or chunk[0].tag_ == "PRP$" else chunk
            if not len(words) or words.root.i != words[-1].i:
                continue
            inner = [m for _, m in found if words.start_char <= m.start and m.end <= words.end_char]
            if any(m.kind == "person" for m in inner) or any(m.start == words.start_char and
                                                               m.end == words.end_char for m in inner):
                continue
            owner = next((m for m in inner if m.country), None)
            if owner is None and not all(t.is_title for t in words):
                continue
            kind = "person" if agent.kind == "person" else "group"
            out.append((words.start, Mention(words.text, words.start_char, words.end_char, kind,
                                             words.text, owner.country if owner else None,
                                             agent.sector)))
        return out

    def from_names(self, span: Span, ctx: Context) -> Mention | None:
        names = self.kb.lookup(span.text)
        if not names:
            return None
        name = self.choose(names, span)
        entry = self.kb.entries[name.entry]
        return self.mention(entry, span, ctx, name)

    def choose(self, names: tuple[Name, ...], span: Span) -> Name:
        """Several entries share the form: prefer people for capitalised forms, else the first."""
        if len(names) > 1 and span[0].is_title:
            people = [n for n in names if self.kb.entries[n.entry].kind == "person"]
            if people and span.root.ent_type_ == "PERSON":
                return people[0]
        return names[0]

    def mention(self, entry: Entry, span: Span, ctx: Context, name: Name | None = None) -> Mention:
        kind = ENTRY_KINDS.get(entry.kind, "organization")
        sector = entry.sector
        former = False
        if name is not None and name.how == "demonym":
            root = span.root  # "Syrians fled": people, a group; "Syrian refugees": a nationality
            plural_noun = root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound")
            kind = "group" if plural_noun else "nationality"
        elif name is not None and name.how == "metonym":
            sector = name.sector
            prev = span.doc[span.start - 1] if span.start else None
            kind = "location" if prev is not None and prev.lower_ in LOCATIVE_PREPS else "country"
        if entry.kind == "country" and kind == "country":
            prev = span.doc[span.start - 1] if span.start else None
            if prev is not None and prev.lower_ in LOCATIVE_PREPS - {"from", "to"}:
                kind = "location"
        country = entry.country
        if entry.roles:
            role = entry.role_on(ctx.date)
            former = role is None and self.said_former(span)
            role = role or entry.last_role_before(ctx.date)
            if role is not None:
                country, sector = role.country or country, role.sector or sector
        return Mention(span.text, span.start_char, span.end_char, kind=kind, name=entry.name,
                       country=country, sector=sector, id=entry.id, former=former)

    @staticmethod
    def said_former(span: Span) -> bool:
        left = span.doc[max(0, span.start - 4):span.start]
        return any(t.lower_ in FORMER_WORDS for t in left)

    def from_ner(self, ent: Span, ctx: Context) -> Mention | None:
        kind = NER_KINDS[ent.label_]
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        if kind == "person":
            known = ctx.surnames.get(ent[-1].text)
            if known is not None:
                return Mention(ent.text, ent.start_char, ent.end_char, "person", known.name,
                               known.country, known.sector, known.id)
        return Mention(ent.text, ent.start_char, ent.end_char, kind=kind, name=text)

    # --- resolving event arguments -------------------------------------------------------------

    def resolve(self, token: Token, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """The actor(s) a noun phrase headed by ``token`` stands for; conjuncts give a list."""
        out: list[Mention] = []
        for head in [token, *conjuncts(token, mentions)]:
            for mention in self.resolve_one(head, mentions, ctx):
                if all(m.start != mention.start or m.name != mention.name for m in out):
                    out.append(mention)
        return out

    def resolve_one(self, head: Token, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """What one noun phrase head stands for: usually one actor, several for "those countries"."""
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            return self.bound(head, mentions, ctx) or self.pronoun(head, ctx)
        members = counted(head)
        if members is not None:
            return self.resolve_one(members, mentions, ctx)
        examples = such_as(head)
        if examples:  # "hard-right figures, such as Finance Minister Bezalel Smotrich"
            return [m for t in examples for m in self.resolve_one(t, mentions, ctx)]
        named = appositive_name(head, mentions)
        if named is not None:  # "Trump's special envoy, Steve Witkoff"
            return [named]
        if head.pos_ == "NOUN" and self.kb.in_list("relational", head.lower_):
            other = self.other_side(head, mentions, ctx)
            if other is not None:
                return other
        agent = self.agent_at(head)
        start, end = agent_bounds(head) if agent is not None else np_bounds(head)
        inside = [m for m in mentions if m.start >= start and m.end <= end] or \
            [m for m in mentions if m.start <= head.idx < m.end]  # a name wider than its phrase
        chosen = self.pick(inside, head)
        if chosen is not None and (agent is None or chosen.kind not in ("country", "nationality")):
            return [self.as_argument(with_country(chosen, inside))]
        if agent is not None:
            return [self.agent_mention(head, agent, chosen, mentions, ctx)]
        if chosen is not None:
            return [self.as_argument(chosen)]
        return self.definite(head, ctx) or self.unknown_name(head)

    def other_side(self, head: Token, mentions: list[Mention], ctx: Context) -> list[Mention] | None:
        """A relational noun ("Chinese rivals", "Iran's enemies", "critics of the government")
        names the other side of the relation: an actor modifying it is not the phrase's actor,
        which stays unknown, unless an appositive names it ("its neighbor Kyrgyzstan").
        None when no actor modifies it: the phrase is resolved as any other."""
        named_by = [t for t in head.children if t.dep_ == "appos" and t.pos_ == "PROPN"]
        if named_by:
            return [m for t in named_by for m in self.resolve_one(t, mentions, ctx)] or None
        start, end = np_bounds(head)
        if not any(start <= m.start and m.end <= end for m in mentions):
            return None
        text = head.doc.text[start:end]
        return [Mention(text, start, end, kind="group", name=text)]

    def agent_mention(self, head: Token, agent, chosen: Mention | None, mentions: list[Mention],
                      ctx: Context) -> Mention:
        """A generic agent ("prosecutors"), its country from a modifier, an owner or coreference."""
        start, end = agent_bounds(head)
        text = head.doc.text[start:end]
        country = chosen.country if chosen else self.owner_country(head, mentions, ctx)
        if chosen is None and country is None:
            earlier = self.definite(head, ctx) or self.same_sector(head, agent, ctx)
            if earlier and earlier[0].kind not in ("person",):
                return Mention(text, start, end, earlier[0].kind, earlier[0].name,
                               earlier[0].country, earlier[0].sector or agent.sector, earlier[0].id)
        return Mention(text, start, end, kind=agent.kind, name=text, country=country,
                       sector=agent.sector)

    @staticmethod
    def unknown_name(head: Token) -> list[Mention]:
        """A proper name tidings does not know is still a participant, of unknown country."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("PERSON", "ORG", "NORP"):
            return []
        start, end = np_bounds(head)
        kind = NER_KINDS.get(head.ent_type_, "organization")
        text = head.doc.text[start:end]
        return [Mention(text, start, end, kind=kind, name=text)]

    @staticmethod
    def same_sector(head: Token, agent, ctx: Context) -> list[Mention]:
        """"the rebels" after "the M23 rebel group": the last named group of that sector."""
        if not any(c.lower_ in DEFINITE_WORDS for c in head.lefts) or agent.sector in ("CVL", None):
            return []
        found = next((m for m in reversed(ctx.mentions) if m.end <= head.idx and m.id and
                      m.sector == agent.sector and m.kind == "group"), None)
        return [found] if found else []

    @staticmethod
    def pick(inside: list[Mention], head: Token) -> Mention | None:
        """The phrase's own name ("Trump's envoy, Steve Witkoff": Witkoff, not the possessor),
        else by kind: a person before an organization before a country."""
        order = ("person", "organization", "group", "country", "location", "nationality")
        own = [head, *(t for t in head.children if t.dep_ == "appos")]
        def rank(m: Mention) -> tuple[bool, int]:
            named = any(m.start <= t.idx < m.end for t in own)
            return not named, order.index(m.kind) if m.kind in order else 9
        ranked = sorted(inside, key=rank)
        return ranked[0] if ranked else None

    @staticmethod
    def as_argument(mention: Mention) -> Mention:
        """A mention used as an event participant; "the country's prosecutors" keep the country."""
        if mention.kind in ("location", "nationality"):
            mention = Mention(mention.text, mention.start, mention.end, "country", mention.name,
                              mention.country, mention.sector, mention.id, mention.former)
        return mention

    def agent_at(self, head: Token):
        """The generic agent the head noun names, trying two-word terms first ("prime minister")."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        for left in head.lefts:
            if left.dep_ in ("compound", "amod"):
                agent = self.kb.agent(f"{left.lower_} {head.lower_}") or \
                        self.kb.agent(f"{left.lemma_.lower()} {head.lemma_.lower()}")
                if agent:
                    return agent
        return self.kb.agent(head.lower_) or self.kb.agent(head.lemma_.lower())

    def owner_country(self, head: Token, mentions: list[Mention], ctx: Context) -> str | None:
        """Country of a possessor or an "of/in/from" complement ("his coalition members")."""
        for dep in head.children:
            if dep.dep_ == "poss":
                return self.country_of(dep, mentions, ctx)
            if dep.dep_ == "prep" and dep.lower_ in ("of", "in", "from"):
                obj = child(dep, "pobj")
                if obj is not None:
                    return self.country_of(obj, mentions, ctx)
        return None

    def country_of(self, token: Token, mentions: list[Mention], ctx: Context) -> str | None:
        owner = self.resolve_one(token, mentions, ctx)
        return owner[0].country if owner else None

    def pronoun(self, head: Token, ctx: Context) -> list[Mention]:
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            kinds = {"person"}
        elif lower in PLURAL_PRONOUNS:
            kinds = {"group", "organization", "country"}
        elif lower in THING_PRONOUNS:
            kinds = {"organization", "country", "group"}
        else:
            return []
        found = ctx.before(head.idx, kinds)
        return [self.copy_at(found, head)] if found else []

    def bound(self, head: Token, mentions: list[Mention], ctx: Context) -> list[Mention]:
        """A possessive pronoun outside its clause's subject is that subject when they agree:
        "the diplomats said ... after their talks", and before it too, in a fronted adjunct:
        "In a statement issued at their meeting, Tokyo and Washington shared concerns"."""
        if head.dep_ != "poss":
            return []
        subject = clause_subject(head)
        if subject is None:
            return []
        found = [m for m in self.resolve(subject, mentions, ctx) if m.country]
        if not found or not pronoun_agrees(head, subject, found):  # an unknown subject: the antecedent
            return []
        return [self.copy_at(m, head) for m in found]

    def definite(self, head: Token, ctx: Context) -> list[Mention]:
        """"the court" -> the last mention whose name has that head noun; "the group" -> last
        group; "those countries" -> the last run of countries named together."""
        if not any(c.lower_ in DEFINITE_WORDS for c in head.lefts):
            return []
        lemma = head.lemma_.lower()
        if lemma == "country" and head.tag_ == "NNS":
            found = ctx.group_before(head.idx, "country")
            if found:
                return [self.copy_at(m, head) for m in found]
        for m in reversed([m for m in ctx.mentions if m.end <= head.idx and m.country]):
            words = (m.name or m.text).lower().split()
            if lemma in words or (lemma == "group" and m.kind == "group") or \
                    (lemma == "country" and m.kind == "country"):
                return [self.copy_at(m, head)]
        return []

    @staticmethod
    def copy_at(m: Mention, head: Token) -> Mention:
        start, end = np_bounds(head)
        return Mention(head.doc.text[start:end], start, end, m.kind, m.name, m.country,
                       m.sector, m.id, m.former)


def clause_subject(pronoun: Token) -> Token | None:
    """The subject of the nearest clause around a possessive, if the possessive is not in it."""
    node = pronoun.head
    for _ in range(BOUND_STEPS):
        subject = child(node, "nsubj", "nsubjpass") if node.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            inside = subject.left_edge.i <= pronoun.i <= subject.right_edge.i
            return None if inside else subject
        if node.dep_ in CLAUSE_EDGES or node.head is node:
            return None
        node = node.head
    return None


def pronoun_agrees(pronoun: Token, subject: Token, found: list[Mention]) -> bool:
    """Number and person: "their" a plural or coordinated subject, "his"/"her" a person,
    "its" one thing that is not a person."""
    lower = pronoun.lower_
    people = all(m.kind == "person" for m in found)
    if lower in PLURAL_PRONOUNS:
        return subject.tag_ in ("NNS", "NNPS") or len(found) > 1
    if lower in PERSON_PRONOUNS:
        return people
    return lower in THING_PRONOUNS and subject.tag_ in ("NN", "NNP") and not people


def with_country(chosen: Mention, inside: list[Mention]) -> Mention:
    """A person the knowledge base does not know takes the country their phrase names:
    "Chinese Commerce Minister Wang Wentao" is Chinese."""
    if chosen.kind != "person" or chosen.country or chosen.id:
        return chosen
    owner = next((m for m in inside if m is not chosen and m.country and m.end <= chosen.start), None)
    return chosen if owner is None else replace(chosen, country=owner.country)


def pattern_docs(nlp, key: str) -> list[Doc]:
    """The tokenizations of a name the matcher must know: keys are stored lower case, and the
    tokenizer splits "u.s." where it keeps "U.S." whole, so the capitalised forms are added."""
    docs: dict[tuple[str, ...], Doc] = {}
    for form in (key, key.upper(), key.title()):
        doc = nlp.make_doc(form)
        docs.setdefault(tuple(t.lower_ for t in doc), doc)
    return list(docs.values())


def honorific_names(doc: Doc) -> list[Span]:
    """ "Mr Colville", "Dr Ayman al-Zawahiri": an honorific and the capitalised names after it."""
    spans = []
    for token in doc:
        if token.lower_ in HONORIFICS and token.i + 1 < len(doc) and doc[token.i + 1].is_title:
            end = token.i + 1
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
            if end > token.i + 1:
                spans.append(doc[token.i:end])
    return spans


def name_parts(people) -> dict[str, Mention | None]:
    """Words of multi-word person names, each pointing to the first mention that had it."""
    parts: dict[str, Mention | None] = {}
    for m in people:
        words = m.text.split()
        for word in words if len(words) > 1 else ():
            if word[:1].isupper() and len(word) >= NAME_PART_MIN and word.lower() not in HONORIFICS:
                parts.setdefault(word, m)
    return parts


def _person_like(known: Mention | None, text: str, start: int, end: int) -> Mention:
    if known is None:
        return Mention(text, start, end, "person", text)
    return Mention(text, start, end, "person", known.name, known.country, known.sector, known.id,
                   known.former)


def conjuncts(token: Token, mentions: Sequence[Mention] = ()) -> list[Token]:
    """The nouns coordinated with ``token``, save those inside one name with it ("the Islamic
    State of Iraq and al-Sham")."""
    return [t for t in token.conjuncts if t.i > token.i and t.pos_ in ("NOUN", "PROPN", "PRON")
            and not any(m.start <= token.idx and t.idx < m.end for m in mentions)]


def appositive_name(head: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The person or organization an appositive names for a common noun phrase."""
    if head.pos_ != "NOUN":
        return None
    for appos in (t for t in head.children if t.dep_ == "appos" and t.pos_ == "PROPN"):
        for m in mentions:
            if m.start <= appos.idx < m.end and m.kind in ("person", "organization", "group"):
                return m
    return None


def counted(head: Token) -> Token | None:
    """"thousands of people", "a group of protesters": the people counted stand for the phrase."""
    if not (head.like_num or head.ent_type_ == "CARDINAL" or head.lemma_.lower() in COUNT_NOUNS):
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return child(prep, "pobj") if prep is not None else None


def such_as(head: Token) -> list[Token]:
    """The examples that stand for a vague noun: "figures such as X and Y" -> [X, Y]."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.lefts):
            obj = child(prep, "pobj")
            if obj is not None:
                return [obj, *conjuncts(obj)]
    return []


def agent_bounds(head: Token) -> tuple[int, int]:
    """An agent named as a modifier of an event noun ("the Israeli army offensive", "Iraqi
    police raids") takes the nationality that modifies the same noun before it."""
    start, end = np_bounds(head)
    if head.dep_ == "compound":
        owners = [s.idx for s in head.head.lefts if s.i < head.i and s.ent_type_ in ("NORP", "GPE")]
        start = min([start, *owners])
    return start, end


def np_bounds(head: Token) -> tuple[int, int]:
    """Character span of a noun phrase: the head and its modifiers, without clauses or conjuncts."""
    left = head
    for dep in head.lefts:
        if dep.dep_ not in NP_EDGE_DEPS:
            left = dep.left_edge if dep.left_edge.i < left.i else left
            break
    right = head
    for dep in head.rights:
        if dep.dep_ in NP_EDGE_DEPS and not (dep.dep_ == "prep" and dep.lower_ == "of"
                                             and child(dep, "pobj") is not None):
            break  # "the government of X" is one phrase; "militias of attacking ..." is not
        right = dep.right_edge
    if left.dep_ == "det" and left.lower_ in ("the", "a", "an"):
        left = left.doc[left.i + 1] if left.i + 1 <= head.i else left
    return left.idx, right.idx + len(right.text)
