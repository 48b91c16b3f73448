"""Terminal tables for ``tidings eval``: per-label figures, the confusion table, the sets."""
from __future__ import annotations

from rich.table import Table

from .devsets import DEVSETS, Evaluation, data_root
from .scoring import NONE


def outcome_scale(ev: Evaluation) -> bool:
    """Gold and predicted labels name different things (event_location: gold "located",
    predicted "right place"): per-label figures mean nothing, the confusion is the table."""
    golds = {g for g, _ in ev.confusion}
    return bool(golds) and not golds & {p for _, p in ev.confusion}


def tables(ev: Evaluation) -> list[Table]:
    return [confusion_table(ev)] if outcome_scale(ev) else [class_table(ev), confusion_table(ev)]


def class_table(ev: Evaluation) -> Table:
    table = Table(title=f"{ev.name}: {ev.cases} cases", header_style="bold")
    for col in ("label", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="right")
    for label, m in ev.per_class.items():
        table.add_row(label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["support"]))
    return table


def confusion_table(ev: Evaluation, top: int = 12) -> Table:
    """Rows gold, columns predicted; the ``top`` most frequent labels (the rest summed as ...)."""
    weight: dict[str, int] = {}
    for (g, p), n in ev.confusion.items():
        weight[g] = weight.get(g, 0) + n
        weight[p] = weight.get(p, 0) + n
    labels = sorted(weight, key=lambda k: (k == NONE, -weight[k], k))[:top]
    predicted = {p for _, p in ev.confusion}
    columns = [p for p in labels if p in predicted] if outcome_scale(ev) else labels
    table = Table(title="confusion (rows gold, columns predicted)", header_style="bold")
    table.add_column("gold \\ pred")
    for label in columns:
        table.add_column(label[:12], justify="right")
    for gold in labels:
        cells = [ev.confusion.get((gold, p), 0) for p in columns]
        if any(cells):
            table.add_row(gold, *(str(n) if n else "." for n in cells))
    return table


def figures_line(ev: Evaluation) -> str:
    return "   ".join(f"{k} [bold]{v:.3f}[/bold]" for k, v in ev.figures.items())


def sets_table(root=None) -> Table:
    base = data_root(root)
    table = Table(title=f"development sets under {base}", header_style="bold")
    for col in ("name", "file", "present", "what"):
        table.add_column(col, overflow="fold")
    for spec in DEVSETS:
        table.add_row(spec.name, spec.path, "yes" if (base / spec.path).is_file() else "no",
                      spec.about)
    return table
