"""The pipeline: Article -> spaCy Doc -> actor mentions -> events, with every part loaded once."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import spacy

from . import parse_repair
from .actors import ActorFinder, Context
from .agreement_cues import AgreementCues
from .agreement_finder import AgreementFinder
from .agreements import Agreement
from .coder import RuleCoder
from .errors import InputError, ModelNotFound, TidingsError
from .kb import KnowledgeBase
from .lexicon import Lexicon
from .model import Article, Event, Mention
from .place_attach import PlaceAttacher, make_attacher
from .places import Gazetteer
from .registry import Registry
from .settings import Settings, load_settings

CODERS = Registry("coder")
AGREEMENT_FINDERS = Registry("agreements")


@CODERS.register("tidings.rules.v1")
def make_rule_coder(lexicon: Lexicon, finder: ActorFinder, gazetteer: Gazetteer,
                    attacher: PlaceAttacher | None = None) -> RuleCoder:
    return RuleCoder(lexicon, finder, gazetteer, attacher)


@AGREEMENT_FINDERS.register("tidings.agreements.v1")
def make_agreement_finder(lexicon: Lexicon, finder: ActorFinder, kb: KnowledgeBase) -> AgreementFinder:
    return AgreementFinder(AgreementCues.load(), finder, kb, lexicon)


@dataclass(slots=True)
class Result:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)


def load_nlp(name: str):
    try:
        return parse_repair.add_to(spacy.load(name))
    except OSError as exc:
        raise ModelNotFound(f"cannot load the spaCy pipeline {name!r} ({str(exc).splitlines()[0]})") \
            from None


class Pipeline:
    """Holds the NLP model and the knowledge; ``run`` turns articles into results."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = load_nlp(self.settings.model)
        self.kb = KnowledgeBase.load(self.settings.actors)
        self.lexicon = Lexicon.load()
        self.gazetteer = Gazetteer(self.kb, self.settings.min_city_population)
        self.finder = ActorFinder(self.nlp, self.kb)
        self.attacher = make_attacher(self.settings.place_attacher, self.gazetteer)
        self.coder = CODERS.get(self.settings.coder)(self.lexicon, self.finder, self.gazetteer,
                                                     self.attacher)
        self.agreements = AGREEMENT_FINDERS.get(self.settings.agreements)(
            self.lexicon, self.finder, self.kb) if self.settings.agreements else None

    def process_doc(self, doc, article: Article) -> Result:
        ctx = Context(date=article.date)
        mentions = self.finder.find(doc, ctx)
        events = self.coder.code(doc, article, mentions, Context(date=article.date,
                                                                 mentions=list(ctx.mentions),
                                                                 surnames=dict(ctx.surnames)))
        agreements = self.agreements.find(
            doc, article, mentions, events,
            Context(date=article.date, mentions=list(ctx.mentions), surnames=dict(ctx.surnames))
        ) if self.agreements else []
        return Result(article, events, mentions, agreements)

    def run(self, items: Iterable[Article | InputError]) -> Iterator[Result | TidingsError]:
        """Results in input order; bad inputs pass through as errors so a batch goes on."""
        batch: list[Article | InputError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article | InputError]) -> Iterator[Result | TidingsError]:
        articles = [a for a in batch if isinstance(a, Article)]
        docs = iter(self.nlp.pipe(a.text for a in articles))
        for item in batch:
            yield item if isinstance(item, TidingsError) else self.process_doc(next(docs), item)

    def extract(self, text: str, date: str | None = None, article_id: str = "") -> list[Event]:
        article = Article(text=text, id=article_id, date=date)
        return self.process_doc(self.nlp(text), article).events
