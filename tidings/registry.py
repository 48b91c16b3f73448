"""Named, versioned registries for swappable parts (coders, knowledge bases)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import RegistryError


class Registry:
    """A name -> factory table. Names carry a version (``tidings.rules.v1``); old versions stay."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, Callable[..., Any]] = {}

    def register(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorator(factory: Callable[..., Any]) -> Callable[..., Any]:
            if name in self._items:
                raise RegistryError(f"{self.kind} {name!r} is registered twice")
            self._items[name] = factory
            return factory
        return decorator

    def get(self, name: str) -> Callable[..., Any]:
        try:
            return self._items[name]
        except KeyError:
            raise RegistryError(
                f"no {self.kind} named {name!r}. Available: {', '.join(sorted(self._items))}",
                fix=f"Set `{self.kind}` in your settings to one of the names listed.") from None

    def names(self) -> list[str]:
        return sorted(self._items)
