"""The compiled VADER walk (``framing._vader_core``) gives the Python reference's compounds and words.

Both paths of :meth:`framing.tone.vader_rules.Rules.compound` and of
:func:`framing.tone.vader.score_and_explain` run on invented sentences for
every rule (always), on random token soups, and on real text: every
sentence of 1,000 AllSides articles and the whole articles, and the BABE
sentences (skipped cleanly without the research data). The compounds must
be the same floats (``==`` and the same ``repr``, so -0.0 is not 0.0) and
the words the same :class:`~framing.tone.vader.ToneWord` objects. The test
skips when the package was installed without its extension.
"""

from __future__ import annotations

import random

import pytest

from conftest import allsides_texts
from framing.text import split_sentences, use_compiled
from framing.tone import sentence_tone
from framing.tone import vader_rules as rules_module
from framing.tone.vader import _explain_reference, rules, score_and_explain

core = rules_module._core
needs_core = pytest.mark.skipif(core is None, reason="framing._vader_core was not built (no C compiler)")


def assert_same(text: str, offset: int = 0) -> float:
    """Both walks give the same compound and words for ``text``; the compound."""
    r = rules()
    got, ref = r.walker.compound(text), r.compound_reference(text)
    assert (got, repr(got)) == (ref, repr(ref)), text[:200]
    got_words, ref_words = r.walker.explain(text, offset), _explain_reference(text, offset)
    assert got_words == ref_words, text[:200]
    assert got_words[0] == got
    return float(ref)


RULES = [
    "",
    "   \n\t ",
    "a",
    "The reform is good.",
    "The reform is not good.",
    "The reform isn't good, and it won't be good.",
    "The reform is very good, extremely good, slightly good, barely good.",
    "The reform is GOOD, officials say.",
    "THE REFORM IS GOOD.",
    "The reform is VERY good but VERY bad.",
    "The reform is good, but the rollout was terrible, but fine.",
    "The reform is kind of good; kind of the best; sort of bad; kind-of great.",
    "The reform is good!!!! Really good!!!!!!",
    "Is this really the best the administration can do?? Or this???? Or??",
    "Residents were never so happy; never this good; so good; this good.",
    "It was not the least bit good, at least not very good, very least good.",
    "least good, the least good",
    "They were the bomb, yeah right, a kiss of death, the shit, bad ass, hand to mouth.",
    "It did not cut the mustard, and it was just enough to be good.",
    "Good good good: the good plan, good. Good! GOOD good good.",
    "\u201cGreat,\u201d she said. 'Terrible!' \"Awful,\" :) :( <3 lol",
    "good\u00a0bad\u2028nice\u3000cruel\x1cfine\x85ok",
    "The Nation's \u201cworst\u201d day, in the U.S. and the E.U., was a disaster.",
    "no no no not never nor none nope nothing nowhere good",
    "He hasn't been good; he wasn't bad; didn\u2019t fail; DIDN'T FAIL.",
    "win " * 500 + "but " + "loss " * 500,
    "disaster, " * 3000,
    "\U0001f600 \U0001f622 good \ud800 bad \u0130yi",
]
"""Invented texts for each of VADER's rules, its idioms, white space and marks."""


@needs_core
@pytest.mark.parametrize("text", RULES)
def test_rules(text: str) -> None:
    assert_same(text, offset=5)


@needs_core
def test_random_token_soups() -> None:
    rng = random.Random(19)
    lexicon = rules().lexicon
    words = [*rng.sample(sorted(lexicon), 300), "not", "never", "so", "this", "but", "BUT", "least", "at",
             "very", "kind", "of", "sort", "the", "bomb", "kiss", "death", "yeah", "right", "GOOD", "Bad",
             "extremely", "slightly", "isn't", "a", "I", "!", "!!", "?", "??", ",", '"', ":)", "U.S.",
             "hand", "to", "mouth", "cut", "mustard", "just", "enough", "shit", "ass", "bad"]
    for _ in range(5000):
        n = rng.randint(0, 30)
        text = "".join(rng.choice(words) + rng.choice([" ", " ", " ", ", ", "! ", "? ", "\n", "\t"])
                       for _ in range(n))
        assert_same(text, offset=rng.randint(0, 1000))


@needs_core
def test_the_sum_is_builtins_sum() -> None:
    """The kernel adds the valences as ``sum`` does on this Python (compensated from 3.12 on)."""
    rng = random.Random(3)
    for _ in range(20_000):
        values = [rng.choice([rng.uniform(-4, 4), rng.uniform(-1e-3, 1e-3), rng.choice([0.0, -0.0]),
                              rng.uniform(-1e16, 1e16)])
                  for _ in range(rng.randint(0, 12))]
        got, ref = core.float_sum(values), float(sum(values))
        assert (got, repr(got)) == (ref, repr(ref)), values


@needs_core
def test_an_idiom_falls_back_to_the_reference() -> None:
    """Where an idiom sets a valence (an int) the walker hands the text to the Python reference."""
    text = "The new plan was the bomb, officials said."
    assert assert_same(text) == rules().compound_reference(text) > 0.5


@needs_core
def test_the_switch_chooses_the_walk() -> None:
    text = "The plan is not a disaster, but it is very weak."
    previous = use_compiled(True)
    try:
        compiled = (sentence_tone(text), score_and_explain(text, 3))
        use_compiled(False)
        reference = (sentence_tone(text), score_and_explain(text, 3))
    finally:
        use_compiled(previous)
    assert compiled == reference == (-0.4841, _explain_reference(text, 3))


@needs_core
def test_allsides_sentences_and_articles() -> None:
    texts = allsides_texts(1000)
    n = scored = 0
    for text in texts:
        for s in split_sentences(text):
            scored += assert_same(text[s.start:s.end], s.start) != 0
            n += 1
        assert_same(text)
    assert n > 30_000 and scored > 0.5 * n


@needs_core
def test_babe_sentences() -> None:
    from framing.datasets import DatasetNotFoundError, load_babe

    try:
        sentences = list(load_babe()["text"])
    except DatasetNotFoundError as exc:
        pytest.skip(str(exc))
    assert sum(assert_same(s) != 0 for s in sentences) > 0.5 * len(sentences) > 1000


@needs_core
def test_the_word_ids_are_bounded_with_the_token_cache() -> None:
    # the walker gives each distinct word an id; the table is cleared with the token cache, so a
    # long stream of new words (an archive's vocabulary) does not grow it without bound
    walker = rules().walker
    assert walker.max_tokens == core.MAX_TOKENS == rules_module._MAX_TOKENS == 50_000
    walker.compound(" ".join(f"w{i}" for i in range(walker.max_tokens + 1)))
    assert walker.cached_words <= walker.cached_tokens
    walker.compound("A brave rescue.")  # past the bound: both tables start again
    assert walker.cached_tokens == walker.cached_words == 2  # "brave", "rescue." (VADER skips "A")
    assert walker.compound("A brave rescue.") == rules().compound_reference("A brave rescue.")


@needs_core
def test_a_small_token_cache_gives_the_same_scores() -> None:
    # a cache cleared again and again (every few texts) changes no compound and no word
    walker = rules().walker
    texts = [*RULES, *allsides_texts(40)]
    sentences = [t[s.start : s.end] for t in texts[len(RULES):] for s in split_sentences(t)][:600]
    previous = walker.max_tokens
    walker.max_tokens = 8
    try:
        for text in [*texts, *sentences]:
            assert_same(text)
            assert walker.cached_tokens <= 8 + len(text.split())  # cleared before a text, not inside one
    finally:
        walker.max_tokens = previous
