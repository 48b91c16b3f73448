"""Print a fixed-seed sample of the events tidings codes on real news, for judging by hand.

    PYTHONPATH=. .venv/bin/python scripts/sample_events.py [--n 200] [--seed 4]
    PYTHONPATH=. .venv/bin/python scripts/sample_events.py --judgments scripts/voa_judgments.tsv

The articles are the VOA dev set (/work/shared/data/dev/voa/voa_dev.jsonl, or --data).
An event is keyed `article_id:trigger_start:event_type`; the sample is the N events whose
keys hash lowest under the seed, so it does not depend on the order of events and an event
keeps its place in the sample when other events come and go.

With --judgments FILE (TSV: key, verdict, trigger, coding judged; `#` comments; verdict y = right event,
p = right type and status but a wrong actor or recipient, n = not an event of that type or a
wrong status), the sample is the judged keys instead: the script lists the judged events
still coded and prints the precision then and among those still coded now (an event removed
since judging no longer counts), how many of each verdict were removed, and flags the
events now coded with another type, mode, code or status than the one judged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from tidings import Pipeline
from tidings.model import Article, Event

DEFAULT_DATA = Path("/work/shared/data/dev/voa/voa_dev.jsonl")


def key_of(event: Event) -> str:
    return f"{event.article_id}:{event.trigger.start}:{event.event_type}"


def rank(seed: int, key: str) -> str:
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


def coded_events(path: Path) -> list[Event]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    articles = (Article(text=r["text"], id=r["id"], date=r.get("date")) for r in rows)
    events: list[Event] = []
    for result in Pipeline().run(articles):
        events.extend(getattr(result, "events", []))
    return events


def names(mentions) -> str:
    return "; ".join(f"{m.text}={m.code or '?'}" for m in mentions) or "-"


def sentence_of(event: Event, width: int = 160) -> str:
    text = " ".join(event.text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def row(event: Event) -> str:
    return (f"{key_of(event)}\t{coding(event)}\ttrigger={event.trigger.text!r}\tA={names(event.actor)}\t"
            f"R={names(event.recipient)}\n    {sentence_of(event)}")


def coding(event: Event) -> str:
    return f"{event.event_type}/{event.mode or ''} {event.cameo or ''} {event.status}"


def read_judgments(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Verdicts by key, and the coding (type/mode cameo status) each was judged on."""
    verdicts: dict[str, str] = {}
    judged: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            verdicts[cells[0]] = cells[1].strip().lower()
            judged[cells[0]] = cells[3].strip() if len(cells) > 3 else ""
    return verdicts, judged


def precision(verdicts: list[str]) -> str:
    typed = sum(v in ("y", "p") for v in verdicts)
    strict = sum(v == "y" for v in verdicts)
    n = max(len(verdicts), 1)
    return (f"type right {typed}/{len(verdicts)} = {typed / n:.3f}, "
            f"all right {strict}/{len(verdicts)} = {strict / n:.3f}")


def report(events: list[Event], verdicts: dict[str, str], judged: dict[str, str]) -> None:
    now = {key_of(e): e for e in events}
    kept = [k for k in verdicts if k in now]
    gone = [k for k in verdicts if k not in now]
    changed = [k for k in kept if judged.get(k) and judged[k] != coding(now[k])]
    for k in kept:
        note = f" (judged as {judged[k]}: judge again)" if k in changed else ""
        print(f"[{verdicts[k]}]{note} {row(now[k])}")
    for k in gone:
        if verdicts[k] in ("y", "p"):
            print(f"[{verdicts[k]}] no longer coded (or told by another word): {k}")
    print(f"\njudged {len(verdicts)}, precision then: {precision(list(verdicts.values()))}")
    print(f"still coded {len(kept)}, precision now: {precision([verdicts[k] for k in kept])}")
    print(f"removed {len(gone)}: " + ", ".join(
        f"{v} {sum(verdicts[k] == v for k in gone)}" for v in ("y", "p", "n"))
        + f"; events coded now {len(events)}; still coded but coded otherwise: {len(changed)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--judgments", type=Path, help="TSV of judged keys: score them now")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 2
    events = coded_events(args.data)
    if args.judgments:
        report(events, *read_judgments(args.judgments))
        return 0
    sample = sorted(events, key=lambda e: rank(args.seed, key_of(e)))[:args.n]
    for event in sorted(sample, key=lambda e: (e.article_id, e.trigger.start)):
        print(row(event))
    print(f"\n{len(sample)} of {len(events)} events (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
