"""Quality floors: the figures each development set must reach, pinned with the data's hash.

The floors file (tests/quality_floors.toml) has one table per set::

    [plv]
    sha256 = "..."        # of the data file the floors were measured on
    limit = 0             # cases scored (0 = all); a fixed subset keeps the gate quick
    [plv.floors]
    accuracy = 0.57

A floor only goes up. ``lowered_floors`` compares a floors file against every earlier version
(from git history): for the same set, data hash and limit, a floor below the highest one ever
committed is an error unless the set's ``[NAME.lowered]`` table names that figure with the new
floor and the reason (``code_f1 = "0.18: why"``); it allows that floor, not a lower one.
A new data hash or limit is a new measurement and starts afresh.
"""
from __future__ import annotations

import math
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import SettingsError


@dataclass(frozen=True, slots=True)
class Pin:
    name: str
    sha256: str
    limit: int
    floors: dict[str, float]
    lowered: dict[str, str]

    @property
    def key(self) -> tuple[str, str, int]:
        return self.name, self.sha256, self.limit


def parse_floors(text: str, where: str) -> dict[str, Pin]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{where}: not valid TOML ({exc})") from None
    pins = {}
    for name, table in data.items():
        try:
            pins[name] = Pin(name, str(table["sha256"]), int(table.get("limit", 0)),
                             {k: float(v) for k, v in table["floors"].items()},
                             dict(table.get("lowered", {})))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SettingsError(f"{where}: [{name}] needs sha256, limit and a [floors] table ({exc})",
                                fix="See docs/evaluation.md, 'The quality gate'.") from None
    return pins


def read_floors(path: Path) -> dict[str, Pin]:
    return parse_floors(path.read_text(encoding="utf-8"), str(path))


def history(path: Path) -> list[str] | None:
    """Every committed version of ``path`` (newest first), or None outside a git checkout."""
    repo = path.resolve().parent
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=repo, check=True,
                             capture_output=True, text=True).stdout.strip()
        rel = str(path.resolve().relative_to(Path(top).resolve()))
        commits = subprocess.run(["git", "log", "--format=%H", "--", rel], cwd=top, check=True,
                                 capture_output=True, text=True).stdout.split()
        return [subprocess.run(["git", "show", f"{c}:{rel}"], cwd=top, check=True,
                               capture_output=True, text=True).stdout for c in commits]
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None


def highest(versions: list[dict[str, Pin]]) -> dict[tuple[str, str, int], dict[str, float]]:
    best: dict[tuple[str, str, int], dict[str, float]] = {}
    for pins in versions:
        for pin in pins.values():
            seen = best.setdefault(pin.key, {})
            for figure, floor in pin.floors.items():
                seen[figure] = max(seen.get(figure, -math.inf), floor)
    return best


def lowered_floors(current: dict[str, Pin], earlier: list[dict[str, Pin]]) -> list[str]:
    """Floors in ``current`` below an earlier floor of the same measurement, without a reason."""
    problems = []
    for key, seen in highest(earlier).items():
        pin = current.get(key[0])
        if pin is None or pin.key != key:
            continue
        for figure, floor in seen.items():
            now = pin.floors.get(figure, -math.inf)
            if now < floor and now < allowed_floor(pin.lowered.get(figure)):
                problems.append(f"[{pin.name}] {figure}: floor {now} is below the committed {floor}")
    return problems


def allowed_floor(reason: str | None) -> float:
    """A [NAME.lowered] entry reads "0.18: why"; it allows that floor and no lower one."""
    head = (reason or "").partition(":")[0].strip()
    try:
        return float(head)
    except ValueError:
        return math.inf


def shortfalls(pin: Pin, figures: dict[str, float]) -> list[str]:
    """Figures below their floors (a floor for a figure the set does not report is one too)."""
    return [f"[{pin.name}] {k}: {figures.get(k, float('nan')):.4f} < floor {v}"
            for k, v in pin.floors.items() if not figures.get(k, -math.inf) >= v - 1e-9]


def raised(pin: Pin, figures: dict[str, float]) -> Pin:
    """The pin with each floor raised to the figure truncated to two decimals (never lowered)."""
    floors = {k: max(v, math.floor(figures.get(k, v) * 100) / 100) for k, v in pin.floors.items()}
    return Pin(pin.name, pin.sha256, pin.limit, floors, pin.lowered)


def render(pins: dict[str, Pin], header: str) -> str:
    lines = [header.rstrip(), ""]
    for pin in pins.values():
        lines += [f"[{pin.name}]", f'sha256 = "{pin.sha256}"', f"limit = {pin.limit}",
                  f"[{pin.name}.floors]"]
        lines += [f"{k} = {round(v, 4)}" for k, v in pin.floors.items()]  # 0.029 stays 0.029
        if pin.lowered:
            lines.append(f"[{pin.name}.lowered]")
            lines += [f'{k} = "{v}"' for k, v in pin.lowered.items()]
        lines.append("")
    return "\n".join(lines)
