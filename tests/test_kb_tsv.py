"""The TSV knowledge files of data/actors (agents, titles, word lists) and their shared row reader:
every bad row is a T300 error naming file:line (format: docs/knowledge.md)."""
from __future__ import annotations

import pytest

from tidings.errors import KnowledgeError
from tidings.kb import read_agents, read_titles, read_word_lists
from tidings.tsv import tsv_rows


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_rows_carry_their_line_numbers_past_comments_and_blanks(tmp_path):
    path = write(tmp_path, "t.tsv", "# note\na\tb\n\nx\t y \n# more\nz\tw\n")
    assert tsv_rows(path, ("a", "b")) == [(4, {"a": "x", "b": "y"}), (6, {"a": "z", "b": "w"})]


def test_optional_trailing_cells_may_be_missing(tmp_path):
    path = write(tmp_path, "t.tsv", "a\tb\tc\nx\ty\n")
    assert tsv_rows(path, ("a", "b", "c"), required=2) == [(2, {"a": "x", "b": "y", "c": ""})]


def test_a_wrong_header_names_its_line(tmp_path):
    path = write(tmp_path, "t.tsv", "# note\nalias\tname\npm\tprime minister\n")
    with pytest.raises(KnowledgeError, match=r"t.tsv:2: expected the header row `alias<TAB>title`"):
        tsv_rows(path, ("alias", "title"))


def test_an_unreadable_file_is_a_knowledge_error(tmp_path):
    with pytest.raises(KnowledgeError, match=r"missing.tsv: cannot read"):
        tsv_rows(tmp_path / "missing.tsv", ("a",))


def test_good_agents_titles_and_word_lists(tmp_path):
    agents = read_agents(write(tmp_path, "agents.tsv", "term\tsector\tkind\nTroops\tMIL\t\n"
                                                       "president\tGOV\tperson\n"))
    assert [(a.term, a.sector, a.kind) for a in agents] == [("troops", "MIL", "group"),
                                                            ("president", "GOV", "person")]
    titles = read_titles(write(tmp_path, "titles.tsv", "alias\ttitle\nPM\tPrime Minister\n"))
    assert titles == {"pm": "prime minister"}
    words = read_word_lists(write(tmp_path, "words.tsv", "list\tword\nparticle\tAl\n"))
    assert words == {"relational": frozenset(), "particle": frozenset({"al"})}


def test_an_agent_without_a_sector_names_its_line(tmp_path):
    path = write(tmp_path, "agents.tsv", "term\tsector\tkind\ntroops\tMIL\tgroup\n# x\nrebels\t\tgroup\n")
    with pytest.raises(KnowledgeError, match=r"agents.tsv:4: expected `term<TAB>sector<TAB>kind` "
                                             r"with `term`, `sector` filled") as err:
        read_agents(path)
    assert err.value.code == "T300" and "fix:" in str(err.value)


def test_a_title_row_with_too_many_cells_names_its_line(tmp_path):
    path = write(tmp_path, "titles.tsv", "alias\ttitle\npm\tprime minister\tuk\n")
    with pytest.raises(KnowledgeError, match=r"titles.tsv:2: expected `alias<TAB>title`"):
        read_titles(path)


def test_a_title_row_without_a_title_names_its_line(tmp_path):
    path = write(tmp_path, "titles.tsv", "alias\ttitle\n\npm\n")
    with pytest.raises(KnowledgeError, match=r"titles.tsv:3: .*`alias`, `title` filled"):
        read_titles(path)


def test_a_word_row_without_a_word_names_its_line(tmp_path):
    path = write(tmp_path, "words.tsv", "list\tword\nrelational\trival\nparticle\t\n")
    with pytest.raises(KnowledgeError, match=r"words.tsv:3: expected `list<TAB>word`"):
        read_word_lists(path)
