"""The closed word lists of data/actors/word_lists.tsv (format: docs/knowledge.md)."""
from __future__ import annotations

import pytest

from tidings.errors import KnowledgeError
from tidings.kb import KnowledgeBase, read_word_lists


def test_rows_fill_their_lists(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# note\nlist\tword\nrelational\tRivals\nparticle\tal\n", "utf-8")
    words = read_word_lists(path)
    assert words["relational"] == {"rivals"} and words["particle"] == {"al"}


def test_an_unknown_list_names_the_file_and_line(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("list\tword\nrelational\trival\nrelation\tfoe\n", "utf-8")
    with pytest.raises(KnowledgeError, match=r"words.tsv:3: .*relational, particle"):
        read_word_lists(path)


def test_the_shipped_lists_are_loaded():
    kb = KnowledgeBase.load()
    assert kb.in_list("relational", "Neighbours") and kb.in_list("particle", "Al")
    assert not kb.in_list("relational", "minister")
