"""List the PLV_train sentences tidings codes wrong, with every event it found, grouped.

    PYTHONPATH=. .venv/bin/python scripts/plv_errors.py [-o errors.txt] [--limit N]

For each wrong sentence: gold and predicted root, whether the gold type is among the
sentence's events at all (ORACLE), the marked source and target, and every event (type,
mode, status, trigger, actors, recipients). Then the errors grouped by gold type, by
(gold, predicted) pair and by the trigger of the event chosen. Scoring is the eval's own
(`tidings eval plv`): the event that best fits the marked source and target.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tidings import Pipeline, devsets, scoring
from tidings.evaluate import fit
from tidings.model import Article, Event


def describe(event: Event) -> str:
    actors = [m.text for m in event.actor]
    recipients = [m.text for m in event.recipient]
    return (f"{event.event_type}/{event.mode or ''}/{event.status}:{event.trigger.text!r} "
            f"A={actors} R={recipients}")


def marked(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0]:span[1]] if span else ""


def listing(case, gold, coded: list[Event], predicted: str) -> str:
    types = {scoring.PLV_MERGE.get(e.event_type, e.event_type) for e in coded}
    oracle = " ORACLE" if gold.label in types else ""
    events = " | ".join(describe(e) for e in coded)
    return (f"## {case.id} gold={gold.label} pred={predicted}{oracle}\n"
            f"  S={marked(gold.text, gold.source)!r} T={marked(gold.text, gold.target)!r}\n"
            f"  {gold.text}\n  [{events}]\n")


def summary(title: str, counts: Counter, top: int = 30) -> str:
    rows = "\n".join(f"  {n:4d}  {key}" for key, n in counts.most_common(top))
    return f"# {title}\n{rows}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, help="write the listing here (default: stdout)")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    args = parser.parse_args()
    spec = devsets.devset("plv")
    cases = spec.reader(devsets.data_file(spec))[:args.limit or None]
    by_gold, by_pair, by_trigger, lines, right = Counter(), Counter(), Counter(), [], 0
    for case, result in zip(cases, Pipeline().run(Article(text=c.text, id=c.id) for c in cases)):
        gold = scoring.gold_of(case)
        coded = [scoring.as_codebooks_code(e) for e in result.events]
        predicted = scoring.predict(coded, gold, scoring.PLV_MERGE)
        if predicted == gold.label:
            right += 1
            continue
        best = max(coded, key=lambda e: fit(e, gold)) if coded else None
        by_gold[gold.label] += 1
        by_pair[f"{gold.label} -> {predicted}"] += 1
        by_trigger[best.trigger.text.lower() if best else "(no event)"] += 1
        lines.append(listing(case, gold, coded, predicted))
    head = f"accuracy {right / len(cases):.4f} ({right}/{len(cases)})\n"
    text = head + "".join(summary(t, c) for t, c in (("errors by gold type", by_gold),
                                                     ("errors by gold -> predicted", by_pair),
                                                     ("errors by chosen trigger", by_trigger)))
    text += "".join(lines)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(head, end="")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
