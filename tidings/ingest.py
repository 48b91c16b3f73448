"""Ingestion: read sources, code articles on local worker processes, write results to the store.

Articles already in the store (same id, same text) are skipped before any NLP work, so a run that
was killed and is started again only does what is left. Results are written in input order, one
transaction per batch of whole articles, with the same outcome as adding them one by one, so the
finished store does not depend on where a run was interrupted. With ``workers`` > 1 the articles
are coded and turned into store rows in worker processes (``tidings.workers``); with 1 everything
runs in this process, with no pool.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import InputError, TidingsError
from .model import Article, Sentence
from .pipeline import Pipeline, Result
from .settings import Settings
from .sources import Origin
from .store import Store
from .rows import Prepared
from .workers import Batch, Preparing, Prepped, WorkerPool

Outcome = tuple[str, Result | InputError, list[Sentence]]


@lru_cache(maxsize=1)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of this process, loaded once (each worker process has its own)."""
    return Pipeline(settings)


@dataclass(frozen=True, slots=True)
class PipelineProcessor:
    """Codes a batch of articles with the NLP pipeline; picklable, so it runs in worker processes."""

    settings: Settings

    def warm(self) -> None:
        """Load the pipeline now (worker processes do this when they start)."""
        worker_pipeline(self.settings)

    def __call__(self, batch: Batch) -> list[Outcome]:
        pipeline = worker_pipeline(self.settings)
        try:
            docs = list(pipeline.nlp.pipe(a.text for _, a in batch))
        except Exception:  # one bad text spoils a spaCy batch: fall back to one at a time
            return [self._one(pipeline, origin, article) for origin, article in batch]
        return [self._doc(pipeline, origin, article, doc)
                for (origin, article), doc in zip(batch, docs)]

    def _one(self, pipeline: Pipeline, origin: str, article: Article) -> Outcome:
        try:
            return self._doc(pipeline, origin, article, pipeline.nlp(article.text))
        except Exception as exc:
            return origin, processing_error(origin, exc), []

    @staticmethod
    def _doc(pipeline: Pipeline, origin: str, article: Article, doc) -> Outcome:
        try:
            result = pipeline.process_doc(doc, article)
        except Exception as exc:
            return origin, processing_error(origin, exc), []
        sentences = [Sentence(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]
        return origin, result, sentences


def processing_error(origin: str, exc: Exception) -> InputError:
    return InputError(origin, f"could not be coded ({type(exc).__name__}: {exc})",
                      fix="Report this article to the tidings developers with the message.")


@dataclass(slots=True)
class IngestReport:
    """Counts of one ingest run; ``failures`` holds (origin, message) for each failed input."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    events: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[IngestReport], None]


def ingest(store: Store, items: Iterable[Origin], processor: Callable[[Batch], list[Outcome]],
           workers: int = 1, chunk: int = 8, on_progress: Progress | None = None,
           pool: WorkerPool | None = None) -> IngestReport:
    """Store everything ``items`` holds; return what happened. ``workers`` > 1 uses processes
    (``pool``, when given, is a started pool of them for ``processor``)."""
    report = IngestReport()
    notify = on_progress or (lambda _report: None)
    batches = pending_batches(store, items, report, chunk, notify)
    task = Preparing(processor, store.options.hasher)
    for prepped in run_batches(task, batches, workers, pool):
        write(store, report, prepped, notify)
    return report


def pending_batches(store: Store, items: Iterable[Origin], report: IngestReport, chunk: int,
                    notify: Progress) -> Iterator[Batch]:
    """Batches of articles not yet stored; unreadable inputs are recorded as failures on the way."""
    batch: Batch = []
    for origin, item in items:
        report.read += 1
        if isinstance(item, TidingsError):
            fail(store, report, origin, item)
            notify(report)
        elif store.has(item):
            report.skipped += 1
            notify(report)
        else:
            batch.append((origin, item))
            if len(batch) >= chunk:
                yield batch
                batch = []
    if batch:
        yield batch


def run_batches(task: Preparing, batches: Iterator[Batch], workers: int,
                pool: WorkerPool | None = None) -> Iterator[Prepped]:
    """Prepared batches in input order: in this process, or on worker processes."""
    if pool is not None:
        yield from pool.run(task, batches)
    elif workers <= 1:
        yield from map(task, batches)
    else:
        with WorkerPool(task.processor, workers) as own:
            yield from own.run(task, batches)


def write(store: Store, report: IngestReport, prepped: Prepped, notify: Progress) -> None:
    """Write one batch in one transaction, then count it (so counts are of committed work)."""
    errors = [(origin, item) for origin, item in prepped if isinstance(item, TidingsError)]
    added = iter(store.write([item for _, item in prepped if isinstance(item, Prepared)], errors))
    for origin, item in prepped:
        if isinstance(item, TidingsError):
            report.failures.append((origin, str(item).splitlines()[0]))
        else:
            count(report, next(added))
        notify(report)


def count(report: IngestReport, added) -> None:
    if added.added:
        report.added += 1
        report.events += added.events
        report.duplicates += added.duplicate_of is not None
    else:
        report.skipped += 1


def fail(store: Store, report: IngestReport, origin: str, error: TidingsError) -> None:
    store.record_failure(error, origin)
    report.failures.append((origin, str(error).splitlines()[0]))
