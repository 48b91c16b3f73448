"""Train the learned place attacher (tidings/place_attach.py) on event_location dev.

    PYTHONPATH=. .venv/bin/python scripts/train_place_attacher.py [--data DIR] [--out FILE]

Protocol (docs/places.md, "The learned place attacher"): the first HELD_OUT cases of
labeled.dev.jsonl (as tidings.goldsets.read_event_location reads them) are the held-out set the
quality gate scores, so training uses only the cases after them whose sentence text does not occur
among them. Each training case is run through the pipeline with the rule places
(place_attacher = "rules"); for the event on the annotated verb every candidate place of its
sentence becomes one row, labelled 1 when it overlaps an annotated LOCATION span. An L2-regularised
logistic regression (numpy, full-batch Adam, fixed seed) is fitted; the no-place threshold is the
one that maximises out-of-fold case accuracy over FOLDS folds of the training cases. The weights,
the threshold and the provenance (data repo@commit, MIT notice, rows, protocol, date, figures) are
written to tidings/data/places/attacher.json, and the held-out set is then scored with them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import Progress

from tidings.devsets import data_root, evaluate
from tidings.goldsets import Case, read_event_location
from tidings.model import Article
from tidings.pipeline import Pipeline
from tidings.place_attach import PlaceAttacher
from tidings.scoring import overlaps
from tidings.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tidings" / "data" / "places" / "attacher.json"
HELD_OUT = 3000
FOLDS = 5
SEED = 20240611
L2 = 8.0  # on the summed log loss
STEPS = 400
RATE = 0.05
MIN_COUNT = 3
SOURCE = "ahalterman/event_location@444a2dfa (labeled_text.jsonl.zip, as labeled.dev.jsonl)"
LICENCE = "MIT"
COPYRIGHT = "Copyright (c) 2019 Andy Halterman"

Group = tuple[list[list[str]], list[int], bool]  # candidate features, labels, gold located


def split(cases: list[Case]) -> tuple[list[Case], int]:
    """The training cases: after the held-out ones, their sentence not among the held-out ones."""
    held = {c.text.strip() for c in cases[:HELD_OUT]}
    train = [c for c in cases[HELD_OUT:] if c.text.strip() not in held]
    return train, len(cases[HELD_OUT:]) - len(train)


def groups_for(cases: list[Case], console: Console) -> list[Group]:
    """One group per case whose annotated verb has an event: its candidates' features, labels."""
    pipeline = Pipeline(load_settings(place_attacher="rules"))
    attacher = PlaceAttacher(pipeline.gazetteer)
    out: list[Group] = []
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("reading training cases", total=len(cases))
        docs = pipeline.nlp.pipe(c.text for c in cases)
        for case, doc in zip(cases, docs):
            group = case_group(pipeline, attacher, case, doc)
            if group is not None:
                out.append(group)
            bar.advance(task)
    return out


def case_group(pipeline: Pipeline, attacher: PlaceAttacher, case: Case, doc) -> Group | None:
    verb = next(m for m in case.marks if m.label == "VERB")
    golds = [m for m in case.marks if m.label == "LOCATION"]
    events = pipeline.process_doc(doc, Article(text=case.text, id=case.id)).events
    event = next((e for e in events if overlaps(verb, e.trigger.start, e.trigger.end)), None)
    if event is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    on_verb = [t for t in span if overlaps(verb, t.idx, t.idx + len(t))]
    trigger = on_verb[-1] if on_verb else span[-1]  # "shot and killed": the mention on the verb
    people = event.actor + event.recipient
    hint = next((m.country for m in people if m.country), None)
    rows = attacher.described(trigger, people, hint, event.location)
    labels = [int(any(overlaps(g, doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1]))
                      for g in golds)) for s, _, _ in rows]
    return [f for _, _, f in rows], labels, bool(golds)


# --- logistic regression ------------------------------------------------------------------------

def vocabulary(groups: list[Group]) -> list[str]:
    counts = Counter(f for feats, _, _ in groups for row in feats for f in row)
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def matrix(groups: list[Group], index: dict[str, int]):
    """Sparse binary rows: (row ids, column ids), labels, and each row's group."""
    rows, cols, labels, owner = [], [], [], []
    n = 0
    for g, (feats, ys, _) in enumerate(groups):
        for row, y in zip(feats, ys):
            ids = [index[f] for f in row if f in index]
            rows += [n] * len(ids)
            cols += ids
            labels.append(y)
            owner.append(g)
            n += 1
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), \
        np.array(labels, dtype=np.float64), np.array(owner, dtype=np.int64)


def fit(rows, cols, y, width: int, steps: int = STEPS) -> tuple[np.ndarray, float]:
    """L2 logistic regression by full-batch Adam; returns weights and bias."""
    rng = np.random.default_rng(SEED)
    w, b = rng.normal(0.0, 0.01, width), 0.0
    m, v, mb, vb = np.zeros(width), np.zeros(width), 0.0, 0.0
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(b + np.bincount(rows, w[cols], minlength=len(y)))))
        err = p - y
        grad = np.bincount(cols, err[rows], minlength=width) + L2 * w
        gb = err.sum()
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad ** 2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb ** 2
        fix1, fix2 = 1 - 0.9 ** step, 1 - 0.999 ** step
        w -= RATE * (m / fix1) / (np.sqrt(v / fix2) + 1e-8)
        b -= RATE * (mb / fix1) / (np.sqrt(vb / fix2) + 1e-8)
    return w, b


def best_per_group(p: np.ndarray, y: np.ndarray, owner: np.ndarray, count: int):
    """Each group's highest probability and whether that candidate is right."""
    top = np.full(count, -1.0)
    right = np.zeros(count, dtype=bool)
    for prob, label, g in zip(p, y, owner):
        if prob > top[g]:
            top[g], right[g] = prob, bool(label)
    return top, right


def accuracy(top: np.ndarray, right: np.ndarray, located: np.ndarray, threshold: float) -> float:
    placed = top >= threshold
    return float(np.mean(np.where(located, placed & right, ~placed)))


def tune(top, right, located) -> tuple[float, float]:
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [accuracy(top, right, located, t) for t in grid]
    best = int(np.argmax(scores))
    return float(grid[best]), scores[best]


def cross_validate(groups: list[Group], console: Console):
    """Out-of-fold best probabilities for every group (folds by case, fixed seed)."""
    order = np.random.default_rng(SEED).permutation(len(groups))
    fold_of = np.empty(len(groups), dtype=np.int64)
    fold_of[order] = np.arange(len(groups)) % FOLDS
    top, right = np.full(len(groups), -1.0), np.zeros(len(groups), dtype=bool)
    for fold in range(FOLDS):
        train = [g for i, g in enumerate(groups) if fold_of[i] != fold]
        test_ids = [i for i in range(len(groups)) if fold_of[i] == fold]
        index = {f: i for i, f in enumerate(vocabulary(train))}
        w, b = fit(*matrix(train, index)[:3], len(index))
        rows, cols, y, owner = matrix([groups[i] for i in test_ids], index)
        p = 1.0 / (1.0 + np.exp(-(b + np.bincount(rows, w[cols], minlength=len(y)))))
        t, r = best_per_group(p, y, owner, len(test_ids))
        top[test_ids], right[test_ids] = t, r
        console.print(f"fold {fold + 1}/{FOLDS}: {len(train)} training cases, {len(index)} features")
    return top, right


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="development data root (default ../shared/data/dev)")
    parser.add_argument("--out", default=str(OUT), help="weights file to write")
    parser.add_argument("--no-eval", action="store_true", help="skip scoring the held-out set")
    args = parser.parse_args()
    console = Console(stderr=True)
    path = data_root(args.data) / "event_location" / "labeled.dev.jsonl"
    train, dropped = split(read_event_location(path))
    console.print(f"{len(train)} training cases ({dropped} dropped: sentence in the held-out set)")
    groups = groups_for(train, console)
    located = np.array([g[2] for g in groups])
    top, right = cross_validate(groups, console)
    threshold, cv = tune(top, right, located)
    console.print(f"cross-validated accuracy {cv:.3f} at threshold {threshold:.2f} "
                  f"({len(groups)} cases with an event on the verb)")
    index = {f: i for i, f in enumerate(vocabulary(groups))}
    rows, cols, y, _ = matrix(groups, index)
    w, b = fit(rows, cols, y, len(index))
    meta = metadata(len(train), dropped, groups, len(y), threshold, cv)
    licence = path.parent / "LICENSE"
    if licence.is_file():  # the MIT notice travels with what is derived from the data
        meta["licence_text"] = licence.read_text(encoding="utf-8")
    write(Path(args.out), w, b, threshold, index, meta)
    if not args.no_eval and Path(args.out) == OUT:
        figures = evaluate("event_location", root=args.data, limit=HELD_OUT).figures
        meta["held_out"] = {k: round(v, 4) for k, v in figures.items()}
        write(Path(args.out), w, b, threshold, index, meta)
        console.print(f"held-out (first {HELD_OUT}): " +
                      "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    console.print(f"wrote {args.out}")
    return 0


def metadata(cases: int, dropped: int, groups: list[Group], rows: int, threshold: float,
             cv: float) -> dict:
    return {
        "model": "tidings.place_attacher/1: logistic regression over (trigger, candidate) features",
        "data": SOURCE, "licence": LICENCE, "copyright": COPYRIGHT,
        "notice": "The MIT licence of the data requires this copyright notice to accompany "
                  "substantial portions of it; these weights are derived from its annotations.",
        "protocol": f"train on cases after the first {HELD_OUT} whose sentence is not among them; "
                    f"{FOLDS}-fold cross-validation by case picks the threshold; seed {SEED}; "
                    f"L2 {L2}, {STEPS} Adam steps at {RATE}; features seen >= {MIN_COUNT} times",
        "training_cases": cases, "dropped_overlapping": dropped, "cases_with_event": len(groups),
        "rows": rows, "threshold": threshold, "cv_accuracy": round(cv, 4),
        "trained": dt.date.today().isoformat(),
    }


def write(path: Path, w: np.ndarray, b: float, threshold: float, index: dict[str, int],
          meta: dict) -> None:
    weights = {f: round(float(w[i]), 4) for f, i in index.items() if abs(w[i]) >= 1e-3}
    doc = {"meta": meta, "bias": round(float(b), 4), "threshold": threshold, "weights": weights}
    path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
