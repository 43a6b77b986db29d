"""Which heads the matcher tags: only where the tag can matter, with the hits of tagging them all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from framing.attribution.cues import CueFilter
from framing.lexicon import Lexicon, Matcher, load_lexicon
from framing.lexicon import matcher as matcher_module
from framing.lexicon.heads import Gates
from framing.pipeline.families import LexiconStage
from framing.text import split_sentences, tokenize


@pytest.fixture
def tagged(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """The indices of each call the matcher makes to the tagger."""
    calls: list[list[int]] = []
    real = matcher_module.tag_window

    def recording(tokens: Any, text: str, indices: Any, **kwargs: Any) -> list[str]:
        calls.append(list(indices))
        return real(tokens, text, calls[-1], **kwargs)

    monkeypatch.setattr(matcher_module, "tag_window", recording)
    return calls


def _verbs() -> Lexicon:
    lex = Lexicon("verbs")
    lex.add("said", "speech", pos="VERB")
    lex.add("claims", "distancing", pos="VERB")
    return lex


def test_a_head_the_tag_dictionary_fixes_is_not_tagged(tagged: list[list[int]]) -> None:
    text = "He said it was over. Officials said nothing."
    hits = Matcher([_verbs()]).find(text)
    assert [(m.text, m.start) for m in hits] == [("said", 3), ("said", 31)]
    assert tagged == []  # "said" is VERB in the tagger's tag dictionary, whatever its context


def test_a_head_whose_window_merges_with_a_later_one_is_still_tagged(tagged: list[list[int]]) -> None:
    # "said" (token 1) is 3 tokens before "claims" (token 4): their windows merge, and
    # leaving "said" out would give "claims" a different left context
    text = "She said the company claims it paid."
    hits = Matcher([_verbs()]).find(text)
    assert [m.text for m in hits] == ["said", "claims"]
    assert tagged == [[1, 4]]
    far = "She said so. " + "It was a long and quiet day in the town. " * 2 + "The company claims it paid."
    assert [m.text for m in Matcher([_verbs()]).find(far)] == ["said", "claims"]
    assert tagged[1:] == [[tokenize(far).norms.index("claims")]]


def test_exclude_leaves_the_hits_out_untagged(tagged: list[list[int]]) -> None:
    verbs = load_lexicon("reporting_verbs")
    text = "The report states that the states agree."
    tokens = tokenize(text)
    matcher = Matcher([verbs])
    exclude = CueFilter([verbs]).excludes(text, tokens)
    with_tags = matcher.find(text, tokens)
    tagged.clear()
    without = matcher.find(text, tokens, exclude=exclude)
    assert 5 not in [i for call in tagged for i in call]  # "the states": dropped by the filter anyway
    assert [m.start for m in without] == [m.start for m in with_tags if m.start != tokens.starts[5]]
    cue_filter = CueFilter([verbs])
    assert cue_filter.filter(text, tokens, without) == cue_filter.filter(text, tokens, with_tags)


def test_exclude_is_false_for_other_lexicons_and_for_reporting_uses() -> None:
    verbs = load_lexicon("reporting_verbs")
    text = "Critics of the plan said the states claims were false."
    tokens = tokenize(text)
    drops = CueFilter([verbs]).excludes(text, tokens)
    said = tokens.norms.index("said")
    assert not drops("reporting_verbs", said, said + 1)
    assert not drops("loaded_language", said, said + 1)
    assert drops("reporting_verbs", 1, 2)  # "of": no reporting verb there at all


def test_given_sentences_give_the_same_hits() -> None:
    text = "The report states that the states refused. She claims the claims are false."
    tokens = tokenize(text)
    matcher = Matcher([load_lexicon("reporting_verbs"), _verbs()])
    assert matcher.find(text, tokens, sentences=split_sentences(text)) == matcher.find(text, tokens)


def test_same_hits_as_tagging_every_head_on_real_articles(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lexicon stage's matches and cues with the heads left out and with every head tagged."""
    from framing.datasets import load_allsides
    from framing.lexicon import available_lexicons

    stage = LexiconStage([load_lexicon(name) for name in available_lexicons()])
    texts = [t or "" for t in load_allsides(data_home, n_articles=120, random_state=1, columns=["text"])["text"]]
    fast = [stage.find(t, tokenize(t), split_sentences(t)) for t in texts]
    monkeypatch.setattr(matcher_module, "heads_to_tag", lambda text, tokens, at, *rest: list(at))
    reference = [stage.find(t, tokenize(t), split_sentences(t)) for t in texts]
    assert sum(len(m) for m, _ in fast) > 1000
    assert fast == reference


def test_indexed_gates_answer_as_the_entries_do() -> None:
    """Every gated entry of the shipped lexicons, at every position of sentences built from its gates."""
    from framing.lexicon import available_lexicons

    entries = [e for name in available_lexicons() for e in load_lexicon(name) if e.unless]
    assert len(entries) > 30
    gates = Gates(entries)
    checked = fired = 0
    for e in entries:
        for before, after in e.unless:
            words = [w.rstrip("*") + ("s" if w.endswith("*") else "") or "any" for w in before]
            words += list(e.words) + [w.rstrip("*") + ("ing" if w.endswith("*") else "") or "any" for w in after]
            for norms in (words, ["so", *words, "then"], words[::-1]):
                for i in range(len(norms)):
                    for j in range(i + 1, min(len(norms), i + len(e.words)) + 1):
                        expected = e.gated(norms, i, j)
                        assert gates.gated(e, norms, i, j) == expected, (e.term, norms, i, j)
                        checked += 1
                        fired += expected
    assert fired > 100 and checked > fired


def test_a_gate_drops_a_hit_in_a_real_sentence() -> None:
    lex = Lexicon("demo")
    lex.add("misinformation", "pejorative", unless="spread of _|_ research*")
    text = "They study the spread of misinformation. His misinformation research grew. It was misinformation."
    assert [m.start for m in Matcher([lex]).find(text)] == [text.rindex("misinformation")]
