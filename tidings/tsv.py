"""Rows of a TSV knowledge file (format: docs/knowledge.md): a header row, tab-separated cells,
`#` comment lines and blank lines skipped, every row numbered by its line in the file."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from .errors import KnowledgeError

Row = tuple[int, dict[str, str]]  # (line number in the file, cells by column name)


def content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of the lines that are neither blank nor `#` comments."""
    return [(n, line) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def _content_lines(path: Path | Any) -> list[tuple[int, str]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read the file ({exc})",
                             "Check that the file exists and is UTF-8 text.") from None
    return content_lines(text)


def _layout(columns: Sequence[str]) -> str:
    return "<TAB>".join(columns)


def _check_header(path: Path | Any, line: int, cells: list[str], columns: Sequence[str]) -> None:
    if cells != list(columns):
        raise KnowledgeError(f"{path}:{line}: expected the header row `{_layout(columns)}`, "
                             f"got `{_layout(cells)}`",
                             f"Make the first line that is not a comment `{_layout(columns)}` "
                             "(tab-separated); see docs/knowledge.md.")


def _cells(path: Path | Any, line: int, text: str, columns: Sequence[str],
           required: int) -> dict[str, str]:
    cells = [c.strip() for c in text.split("\t")]
    cells += [""] * (len(columns) - len(cells))
    if len(cells) > len(columns) or not all(cells[:required]):
        need = ", ".join(f"`{c}`" for c in columns[:required])
        raise KnowledgeError(f"{path}:{line}: expected `{_layout(columns)}` with {need} filled, "
                             f"got {text!r:.60}",
                             f"Give this row {len(columns)} tab-separated cells (at most), the first "
                             f"{required} not empty, or start it with `#` to comment it out.")
    return dict(zip(columns, cells))


def tsv_rows(path: Path | Any, columns: Sequence[str], required: int | None = None) -> list[Row]:
    """The data rows of ``path`` as (line, {column: stripped cell}); the header must be ``columns``.

    The first ``required`` columns (default: all) must be filled; later ones may be empty or
    missing ("")."""
    lines = _content_lines(path)
    if not lines:
        return []
    _check_header(path, lines[0][0], [c.strip() for c in lines[0][1].split("\t")], columns)
    need = len(columns) if required is None else required
    return [(n, _cells(path, n, text, columns, need)) for n, text in lines[1:]]
