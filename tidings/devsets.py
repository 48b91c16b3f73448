"""The development sets tidings is scored on, and the runner behind ``tidings eval NAME``.

Each ``DevSet`` names its file under the data root (../shared/data/dev by default, or
$TIDINGS_DEV_DATA), the reader for its format, the scorer, and the figures it reports.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import goldsets, petrarch, scoring
from .errors import TidingsError
from .model import Article
from .pipeline import Pipeline
from .settings import Settings, load_settings

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"


class DevSetError(TidingsError):
    """A development set is unknown or its file is missing."""

    code = "T600"
    fix = ("Development data lives outside the repo (../shared/data/dev); point "
           "$TIDINGS_DEV_DATA or --data at it. `tidings eval --list` shows the sets.")


@dataclass(frozen=True, slots=True)
class DevSet:
    name: str
    path: str
    reader: Callable[[Path], list[goldsets.Case]]
    scorer: Callable[[goldsets.Case, list, scoring.Tally], None]
    figures: Callable[[scoring.Tally], dict[str, float]]
    about: str
    actors: str | None = None  # a PETRARCH actor dictionary to add, relative to the data root


DEVSETS = (
    DevSet("petrarch2", "petrarch2/PETR.UnitTest.records.xml", goldsets.read_petrarch,
           scoring.score_cameo, scoring.cameo_figures,
           "PETRARCH2 unit-test records: CAMEO codes, root and full code (fictional actors)",
           actors="petrarch2/PETR.Validate.actors.txt"),
    DevSet("gsr", "universalpetrarch/PETR2_GSR_validation.xml", goldsets.read_petrarch,
           scoring.score_cameo, scoring.cameo_figures,
           "UniversalPetrarch GSR: real news sentences, CAMEO codes, root and full code"),
    DevSet("plv", "plv/PLV_train.tsv", goldsets.read_plv_cases, scoring.score_plover_root,
           scoring.label_figures, "PLV_train: PLOVER root per sentence (YIELD = CONCEDE or RETREAT)"),
    DevSet("cameo_class", "conflibert/cameo_class/train.tsv", goldsets.read_cameo_class,
           scoring.score_quad, scoring.label_figures,
           "ConfliBERT cameo_class: PentaClass of the CAMEO code (0 statements and appeals or no event)"),
    DevSet("cameo_ner", "conflibert/cameo_ner/train.txt", goldsets.read_cameo_ner,
           scoring.score_actor_spans, scoring.span_figures,
           "ConfliBERT cameo_ner: source, target and reciprocal actor spans"),
    DevSet("wikievents", "wikievents/dev.jsonl", goldsets.read_wikievents, scoring.score_triggers,
           scoring.span_figures, "WikiEvents dev: KAIROS triggers mapped to PLOVER types"),
    DevSet("event_location", "event_location/labeled.dev.jsonl", goldsets.read_event_location,
           scoring.score_location, scoring.location_figures,
           "event_location dev: the place of the event on the annotated verb"),
)


def devset(name: str) -> DevSet:
    for found in DEVSETS:
        if found.name == name:
            return found
    raise DevSetError(f"no development set {name!r}; known: {', '.join(d.name for d in DEVSETS)}")


def data_root(root: str | Path | None = None) -> Path:
    return Path(root or os.environ.get("TIDINGS_DEV_DATA") or DEFAULT_ROOT)


def data_file(spec: DevSet, root: str | Path | None = None) -> Path:
    path = data_root(root) / spec.path
    if not path.is_file():
        raise DevSetError(f"{path}: the {spec.name} data file is missing")
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(slots=True)
class Evaluation:
    """The outcome of scoring one development set."""

    name: str
    path: str
    sha256: str
    cases: int
    figures: dict[str, float]
    per_class: dict[str, dict[str, float]]
    confusion: dict[tuple[str, str], int]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "sha256": self.sha256, "cases": self.cases,
                "figures": self.figures, "per_class": self.per_class,
                "confusion": [{"gold": g, "predicted": p, "n": n}
                              for (g, p), n in sorted(self.confusion.items())]}


@contextmanager
def pipeline_for(spec: DevSet, root: Path, settings: Settings | None,
                 shared: Pipeline | None) -> Iterator[Pipeline]:
    """The pipeline to score with: the shared one, or one with the set's own actors added."""
    if spec.actors is None:
        yield shared or Pipeline(settings)
        return
    settings = settings or load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "actors.yaml"
        doc = petrarch.import_file(root / spec.actors)
        extra.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        yield Pipeline(settings.with_overrides({"actors": [*settings.actors, str(extra)]}))


def evaluate(name: str, root: str | Path | None = None, limit: int | None = None,
             pipeline: Pipeline | None = None, settings: Settings | None = None,
             progress: Callable[[int, int], None] | None = None) -> Evaluation:
    """Score ``extract`` on one development set; ``limit`` keeps the first N cases."""
    spec = devset(name)
    path = data_file(spec, root)
    cases = spec.reader(path)[:limit] if limit else spec.reader(path)
    tally = scoring.Tally()
    with pipeline_for(spec, data_root(root), settings, pipeline) as pipe:
        articles = (Article(text=c.text, id=c.id, date=c.date) for c in cases)
        for done, (case, result) in enumerate(zip(cases, pipe.run(articles)), start=1):
            spec.scorer(case, result.events, tally)
            if progress:
                progress(done, len(cases))
    return Evaluation(spec.name, spec.path, sha256(path), len(cases), spec.figures(tally),
                      tally.per_class(), dict(tally.confusion))
