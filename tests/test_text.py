"""Sentences, tokens and negation scope."""

from __future__ import annotations

import itertools
import random

import pytest

from framing import text as text_module
from framing.text import negated_at, sentence_index, split_sentences, tokenize


def sents(text: str) -> list[str]:
    spans = split_sentences(text)
    for s in spans:
        assert text[s.start : s.end].strip() == text[s.start : s.end]
    return [text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. We stayed in.", ["It rained.", "We stayed in."]),
        ("Gen. Dempsey spoke. He left.", ["Gen. Dempsey spoke.", "He left."]),
        ("Sen. Warren and Dr. Smith met Rep. Lee.", ["Sen. Warren and Dr. Smith met Rep. Lee."]),
        ("The U.S. Army left. The U.S. will not return.",
         ["The U.S. Army left.", "The U.S. will not return."]),
        ("Troops arrived in the U.S. The next day they left.",
         ["Troops arrived in the U.S.", "The next day they left."]),
        ("It happened on Jan. 5. Nobody noticed.", ["It happened on Jan. 5.", "Nobody noticed."]),
        ("J. R. R. Tolkien wrote it. Fans agree.", ["J. R. R. Tolkien wrote it.", "Fans agree."]),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("He said, \u201cWe are not there yet.\u201d Then he left.",
         ["He said, \u201cWe are not there yet.\u201d", "Then he left."]),
        ('She said, "It is over." They cheered.', ['She said, "It is over."', "They cheered."]),
        ("\u201cIs it over?\u201d she asked. Nobody knew.",
         ["\u201cIs it over?\u201d she asked.", "Nobody knew."]),
        ("The elite\u2014one pursued for decades\u2014rules. Workers disagree.",
         ["The elite\u2014one pursued for decades\u2014rules.", "Workers disagree."]),
        ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
        ("A title without a period\n\nThe first paragraph.", ["A title without a period", "The first paragraph."]),
        ("e.g. this one. And i.e. that one.", ["e.g. this one.", "And i.e. that one."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_split_sentences_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        split_sentences(None)  # type: ignore[arg-type]


def test_sentence_offsets_cover_text_in_order() -> None:
    text = "One. Two!  Three?\n\nFour \u201cfive.\u201d Six"
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["One.", "Two!", "Three?", "Four \u201cfive.\u201d", "Six"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert sentence_index(spans, text.index("Three")) == 2


def test_tokenize_offsets_and_normalization() -> None:
    text = "The U.S.-backed rebels didn\u2019t win 3.5% of AT&T\u2019s far-left vote."
    toks = tokenize(text)
    assert toks.norms == ["the", "u.s", "backed", "rebels", "didn't", "win", "3.5", "of",
                          "at&t's", "far-left", "vote"]
    for s, e, n in zip(toks.starts, toks.ends, toks.norms):
        assert text[s:e].lower().replace("\u2019", "'") == n


def test_tokenize_handles_case_changing_characters() -> None:
    text = "\u0130stanbul said no"  # 'İ' lowercases to two characters
    toks = tokenize(text)
    assert len(toks) == 3
    assert text[toks.starts[1] : toks.ends[1]] == "said"


def test_negation_scope_is_short_and_stops_at_punctuation() -> None:
    text = "It was never a real crisis. Not today, a disaster loomed. He didn\u2019t lie."
    toks = tokenize(text)
    assert negated_at(toks, toks.norms.index("crisis"), text)
    assert not negated_at(toks, toks.norms.index("disaster"), text)
    assert negated_at(toks, toks.norms.index("lie"), text)
    far = "No one in the whole wide world cried."
    ftoks = tokenize(far)
    assert not negated_at(ftoks, ftoks.norms.index("cried"), far)


def _word_before_by_search(text: str, end: int) -> str | None:
    """The original lookup: the regex tried at each of the 40 positions."""
    m = text_module._WORD_BEFORE.search(text, max(0, end - 40), end)
    return None if m is None else m.group(1)


@pytest.mark.parametrize(
    "text",
    [
        "Gen.", "He met Gen.", "x.", ".", "in the U.S.", "U.S.", "3.5.", "It was 3rd.",
        "word\n.", "word \n.", "a_b.", "_b.", "rock\u2019n\u2019roll.", "far-left.", "-.",
        "a" * 60 + ".", "the " + "a" * 39 + ".", "the " + "a" * 40 + ".", "the " + "a" * 41 + ".",
        "Smith, J.", "Plan B.", "5B.", "B5.", "\u00c9mile.", "\u0130stanbul.",
    ],
)
def test_word_before_a_boundary_equals_the_full_search(text: str) -> None:
    for end in range(len(text) + 1):
        m = text_module._word_before(text, end)
        assert (None if m is None else m.group(1)) == _word_before_by_search(text, end), end


def test_word_before_a_boundary_on_random_text() -> None:
    rng = random.Random(5)
    alphabet = "aZ\u00e9_1.'\u2019- \n,\u201d"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for end in range(len(text) + 1):
            m = text_module._word_before(text, end)
            assert (None if m is None else m.group(1)) == _word_before_by_search(text, end)


def test_abbreviation_before_a_line_end_keeps_the_sentence() -> None:
    # "$" in the lookup also matches before a final newline: "Gen\n." reads "Gen"
    assert sents("He met Gen\n. Dempsey today.") == ["He met Gen\n. Dempsey today."]


def test_sentence_boundary_f1_on_ptc(data_home) -> None:
    """Pinned floors; the table is in docs/text.md (framing evaluate sentences)."""
    from framing.evaluation.text import evaluate_sentences

    table = evaluate_sentences(data_home, punkt=False).set_index("gold")
    assert table.loc["all lines", "f1"] >= 0.915
    assert table.loc["punctuated", "f1"] >= 0.955
    assert table.loc["punctuated", "precision"] >= 0.95
