"""The quality gate: every pinned development set reaches its floors (tests/quality_floors.toml)
on the exact data it was pinned on, and no floor is lowered without a written reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.devsets import DEVSETS, data_root, devset, evaluate, sha256
from tidings.floors import (Pin, history, lowered_floors, parse_floors, raised, read_floors,
                            shortfalls)

from .conftest import need_shared

FLOORS = Path(__file__).parent / "quality_floors.toml"
PINS = read_floors(FLOORS)


def test_every_pinned_set_exists_and_every_set_is_pinned():
    assert set(PINS) == {d.name for d in DEVSETS}


def test_no_floor_was_lowered_silently():
    versions = history(FLOORS)
    if versions is None:
        pytest.skip("not a git checkout: the floors history is unavailable")
    earlier = [parse_floors(text, f"{FLOORS} (git history)") for text in versions]
    assert lowered_floors(PINS, earlier) == []


def pin(floors: dict[str, float], lowered=None, sha="abc", limit=0) -> dict[str, Pin]:
    return {"set": Pin("set", sha, limit, floors, lowered or {})}


def test_a_lowered_floor_is_caught_unless_a_reason_is_given():
    earlier = [pin({"f1": 0.60}), pin({"f1": 0.55})]
    assert lowered_floors(pin({"f1": 0.60}), earlier) == []
    assert lowered_floors(pin({"f1": 0.58}), earlier)
    assert lowered_floors(pin({"f1": 0.58}, {"f1": "0.58: scorer counts partial spans"}), earlier) == []
    assert lowered_floors(pin({"f1": 0.50}, {"f1": "0.58: scorer counts partial spans"}), earlier)
    assert lowered_floors(pin({"f1": 0.58}, {"f1": "no floor given"}), earlier)
    assert lowered_floors(pin({"f1": 0.10}, sha="new data"), earlier) == []
    assert lowered_floors(pin({"f1": 0.10}, limit=500), earlier) == []


def test_shortfalls_and_raising():
    p = pin({"f1": 0.60})["set"]
    assert shortfalls(p, {"f1": 0.61}) == []
    assert shortfalls(p, {"f1": 0.59})
    assert shortfalls(p, {}), "a floor on a figure the set no longer reports fails"
    assert raised(p, {"f1": 0.678}).floors == {"f1": 0.67}
    assert raised(p, {"f1": 0.30}).floors == {"f1": 0.60}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PINS))
def test_quality_floor(name, pipeline):
    spec, floor = devset(name), PINS[name]
    path = need_shared(data_root() / spec.path)
    assert sha256(path) == floor.sha256, (
        f"{path} changed since its floors were pinned: re-pin with "
        f"`python scripts/pin_floors.py --init {name} ...` (docs/evaluation.md)")
    result = evaluate(name, limit=floor.limit or None, pipeline=pipeline)
    assert shortfalls(floor, result.figures) == []
