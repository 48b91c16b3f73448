"""The tables of `tidings eval`: per-label figures only where gold and predicted labels match."""
from __future__ import annotations

from rich.console import Console

from tidings.devsets import Evaluation
from tidings.evaltables import outcome_scale, tables


def evaluation(confusion):
    return Evaluation("x", "x.tsv", "0", 3, {"accuracy": 0.5}, {}, confusion)


def rendered(table) -> str:
    console = Console(width=120, record=True)
    console.print(table)
    return console.export_text()


def test_labels_of_one_scale_get_per_label_figures_and_a_square_confusion():
    ev = evaluation({("ASSAULT", "ASSAULT"): 2, ("ASSAULT", "NONE"): 1})
    assert not outcome_scale(ev) and len(tables(ev)) == 2


def test_outcomes_against_gold_classes_get_only_the_confusion_with_outcome_columns():
    ev = evaluation({("located", "right place"): 2, ("unlocated", "no place"): 1})
    [table] = tables(ev)
    header = rendered(table).splitlines()[2]
    assert outcome_scale(ev) and "right place" in header and "located" not in header
