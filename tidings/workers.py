"""Local worker processes for ingest: spawned once, each loads its processor's model at start-up
(while the main process is already reading inputs), and batches come back in input order.

Workers return prepared store rows (``tidings.rows.Prepared``), not spaCy objects: the MinHash
signature, event records and every table row are built in the worker, so the process that writes
the store does little more than bulk inserts.
"""
from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .dedup import MinHasher
from .errors import TidingsError
from .model import Article
from .rows import Prepared, prepare

Batch = list[tuple[str, Article]]
Prepped = list[tuple[str, Prepared | TidingsError]]
READY_TIMEOUT = 600.0


@dataclass(frozen=True, slots=True)
class Preparing:
    """Codes a batch with ``processor`` and turns each result into store rows; picklable."""

    processor: Callable
    hasher: MinHasher

    def __call__(self, batch: Batch) -> Prepped:
        out: Prepped = []
        for origin, outcome, sentences in self.processor(batch):
            if isinstance(outcome, TidingsError):
                out.append((origin, outcome))
            else:
                out.append((origin, prepare(outcome, sentences, origin, self.hasher)))
        return out


def warm(processor: Callable) -> None:
    """Load what ``processor`` needs now (its ``warm`` method, when it has one). A failure is
    left for the first task to raise, where the main process sees it (a failing initializer
    would only make the pool start new workers for ever)."""
    loader = getattr(processor, "warm", None)
    if loader is not None:
        try:
            loader()
        except Exception:  # noqa: BLE001  (raised again, with its message, by the first task)
            pass


def wait_at(barrier) -> None:
    barrier.wait(READY_TIMEOUT)


class WorkerPool:
    """``workers`` spawned processes that have each called ``warm(processor)`` once."""

    def __init__(self, processor: Callable, workers: int, depth: int = 2) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.workers, self.depth = workers, depth
        self.pool = self.context.Pool(workers, initializer=warm, initargs=(processor,))

    def ready(self) -> float:
        """Block until every worker has loaded its model; return the seconds waited."""
        start = time.perf_counter()
        with self.context.Manager() as manager:
            barrier = manager.Barrier(self.workers)
            self.pool.map(wait_at, [barrier] * self.workers, chunksize=1)
        return time.perf_counter() - start

    def run(self, task: Callable, batches: Iterable) -> Iterator:
        """``task(batch)`` for every batch, in order; ``depth`` batches per worker in flight."""
        flight: deque = deque()
        for batch in batches:
            flight.append(self.pool.apply_async(task, (batch,)))
            if len(flight) >= self.depth * self.workers:
                yield flight.popleft().get()
        while flight:
            yield flight.popleft().get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
