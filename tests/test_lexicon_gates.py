"""Context gates (the ``unless`` column): an entry does not match where its context fits a pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.exceptions import LexiconFormatError
from framing.lexicon import Entry, Lexicon, read_lexicon


def _texts(lex: Lexicon, text: str) -> list[str]:
    return [m.text for m in lex.matcher().find(text)]


def test_gate_before_and_after_drop_the_topic_use() -> None:
    lex = Lexicon("demo")
    lex.add("misinformation", "pejorative", unless="spread of _|combat* _|_ research*")
    assert _texts(lex, "Experts warned of a global spread of misinformation.") == []
    assert _texts(lex, "The platform is combating misinformation online.") == []
    assert _texts(lex, "Misinformation researchers met in Oslo.") == []
    assert _texts(lex, "He kept pushing his misinformation about the vote.") == ["misinformation"]


def test_gate_on_a_multi_word_entry_and_a_pos_entry() -> None:
    lex = Lexicon("demo")
    lex.add("war on", "violence_metaphor", unless="_ drugs|_ terror")
    lex.add("claims", "doubt", pos="VERB", unless="_ responsibility")
    assert _texts(lex, "The war on drugs began in 1971.") == []
    assert _texts(lex, "They waged a war on coal.") == ["war on"]
    assert _texts(lex, "The group claims responsibility for the attack.") == []
    assert _texts(lex, "He claims the vote was rigged.") == ["claims"]


def test_gate_read_from_a_user_tsv(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "term\tcategory\tweight\tunless\n"
        "partisan\tlabel\t1\t_ divide|_ lines\n"
        "hack\tpejorative\t1\n",
        encoding="utf-8",
    )
    lex = read_lexicon(path)
    assert lex.entries[0].unless == (((), ("divide",)), ((), ("lines",)))
    assert _texts(lex, "The vote split along partisan lines.") == []
    assert _texts(lex, "He is a partisan hack.") == ["partisan", "hack"]


@pytest.mark.parametrize("bad", ["spread of", "_", "_ of _", "a||_ b"])
def test_bad_gate_names_the_pattern(bad: str) -> None:
    with pytest.raises(LexiconFormatError, match="unless"):
        Entry.parse("misinformation", "pejorative", unless=bad, where="x.tsv: line 3")
