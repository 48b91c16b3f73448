"""Score `extract --mentions` kinds against re3d's entity annotations (Person, Organisation,
Location, Nationality): precision, recall and F1 per type.

    .venv/bin/python scripts/score_mentions.py [--data ../shared/data/dev/re3d] [--match text|offsets|overlap] [--confusion]

tidings kinds count as re3d types this way: person -> Person; organization and group ->
Organisation; location and country -> Location; nationality -> Nationality. A mention matches a
gold span of its type when they overlap and have the same text without a leading "the" and a
trailing "'s" (--match offsets: identical offsets; --match overlap: any overlap). Where re3d gives one span two types (countries are
tagged Location and Organisation), the type tidings chose counts, else the most confident one.
By default only named spans are scored (some word other than an article or pronoun is
capitalised; re3d also tags "he", "we", "the city"): --all scores every span.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from tidings import Pipeline
from tidings.actor_eval import (confusion, missed, named_only, pick_alternatives,
                                predicted_spans, read_re3d, score_spans)

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/dev/re3d"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--match", choices=("text", "offsets", "overlap"), default="text",
                        help="text: overlapping, same text without the/'s (default); offsets: "
                             "identical offsets; overlap: any overlap of the same type")
    parser.add_argument("--all", action="store_true",
                        help="score every gold span, pronouns and common nouns too (default: named spans)")
    parser.add_argument("--misses", type=int, default=0, help="list this many missed gold spans")
    parser.add_argument("--confusion", action="store_true", help="show gold type vs tidings type")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"{args.data} not found: re3d lives in ../shared/data/dev/re3d", file=sys.stderr)
        return 2
    articles, confidence = read_re3d(args.data)
    pipeline = Pipeline()
    predicted = []
    for result in track(pipeline.run(articles), total=len(articles), description="extract",
                        transient=True):
        predicted.extend(predicted_spans(result.article.id, result.mentions))
    texts = {a.id: a.text for a in articles}
    golds = pick_alternatives(list(confidence), predicted, confidence)
    if not args.all:
        golds, predicted = named_only(golds, texts), named_only(predicted, texts)
    scope = "all" if args.all else "named"
    table = Table(title=f"re3d: {len(articles)} documents, {len(golds)} gold spans "
                        f"({scope}, match: {args.match})")
    for col in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="right")
    for kind, m in score_spans(golds, predicted, texts, args.match).items():
        table.add_row(kind, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["gold"]), str(m["predicted"]))
    console = Console()
    console.print(table)
    for g in missed(golds, predicted, texts)[:args.misses]:
        console.print(f"  missed {g.type:13} {texts[g.doc][g.start:g.end]!r}")
    if args.confusion:
        for (gold, got), n in confusion(golds, predicted).most_common(20):
            console.print(f"  gold {gold:13} tidings {got:13} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
