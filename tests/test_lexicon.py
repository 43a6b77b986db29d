"""The compiled matcher against a brute-force reading of the term rules.

:class:`framing.lexicon.Matcher` indexes entries by first word, by first two
words and by third word, and selects candidate tokens at C level; the
reference here checks every entry at every token, exactly as the module
docstring states the rules. Random texts over a vocabulary built to hit every
path (one-word, case-sensitive, ``*`` stems in each position, two- and
three-word terms, overlaps, hyphens, punctuation, negators) must give the
same matches, field by field and in the same order.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from framing.lexicon import Entry, Lexicon, Match, Matcher
from framing.lexicon import matcher as matcher_module
from framing.text import Tokens, negated_at, tokenize

_JOINERS = " \t\n\r-\u2010\u2011"


def _matches_at(entry: Entry, text: str, toks: Tokens, i: int) -> int:
    """End token (exclusive) of ``entry`` matched at token ``i``, or 0."""
    k = len(entry.words)
    if i + k > len(toks):
        return 0
    for off, (word, wild) in enumerate(zip(entry.words, entry.wildcards)):
        norm = toks.norms[i + off]
        if not (norm.startswith(word) if wild else norm == word):
            return 0
        if off and text[toks.ends[i + off - 1] : toks.starts[i + off]].strip(_JOINERS):
            return 0
    if entry.case_sensitive:
        written = entry.term.split()
        for off in range(k):
            surface = text[toks.starts[i + off] : toks.ends[i + off]]
            if len(written) == k:
                core = written[off].rstrip("*")
                ok = surface.startswith(core) if entry.wildcards[off] else surface == core
            else:
                ok = surface.lower() != surface
            if not ok:
                return 0
    return i + k


def reference_find(lexicons: list[Lexicon], text: str) -> list[Match]:
    toks = tokenize(text)
    rows = []
    for lex in lexicons:
        spans: dict[tuple[int, int], list[tuple[tuple[int, int], Entry]]] = {}
        for i in range(len(toks)):
            for index, entry in enumerate(lex):
                j = _matches_at(entry, text, toks, i)
                if j:
                    # lookup order: exact first words, then stems, shortest first
                    rank = (len(entry.words[0]) if entry.wildcards[0] else 0, index)
                    spans.setdefault((i, j), []).append((rank, entry))
        used: set[int] = set()
        for i, j in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest, then leftmost
            if used.intersection(range(i, j)):
                continue
            used.update(range(i, j))
            start, end = toks.starts[i], toks.ends[j - 1]
            negated = negated_at(toks, i, text)
            categories: set[str] = set()
            for _, entry in sorted(spans[i, j], key=lambda h: h[0]):
                if entry.category not in categories:
                    categories.add(entry.category)
                    rows.append((start, end, text[start:end], lex.name, entry.category,
                                 entry.weight, negated))
    return [Match(*row) for row in sorted(rows)]


def _lexicons() -> list[Lexicon]:
    a = Lexicon("a")
    for term, category, weight in [
        ("radical", "label", 1.0),
        ("radical", "emotive", 2.0),
        ("radical", "label", 3.0),  # same span and category: the first entry wins
        ("radical left", "label", 1.0),
        ("radical left agenda", "label", 1.5),
        ("left", "direction", 1.0),
        ("left agenda", "label", 1.0),
        ("slam*", "emotive", 1.0),
        ("slammed", "emotive", 4.0),  # exact first word before the stem
        ("sl*", "short_stem", 1.0),
        ("Reds", "team", 1.0),  # case-sensitive one word
        ("reds", "colour", 1.0),
        ("reds", "team", 5.0),  # shares the span and category with "Reds"
        ("White House", "place", 1.0),  # case-sensitive two words
        ("white", "colour", 1.0),
        ("the radical", "label", 1.0),
        ("the left*", "label", 1.0),  # '*' second word
        ("far-left", "label", 1.0),
        ("war on terror*", "frame", 1.0),  # '*' third word
        ("war on drugs", "frame", 1.0),
        ("war on", "frame", 0.5),
        ("U.S.", "place", 1.0),
    ]:
        a.add(term, category, weight)
    b = Lexicon("b")
    for term, category in [
        ("left", "politics"),
        ("left agenda", "politics"),
        ("house", "place"),
        ("terror*", "fear"),
        ("Reds", "team"),
        ("not", "negator_word"),
    ]:
        b.add(term, category)
    return [a, b]


_WORDS = [
    "the", "The", "radical", "Radical", "left", "Left", "agenda", "slammed", "slams", "slam",
    "sl", "Reds", "reds", "REDS", "White", "white", "House", "house", "war", "War", "on",
    "terror", "terrorism", "drugs", "far-left", "far", "U.S.", "not", "never", "didn\u2019t",
    "no", "it", "was", "and",
]
_GAPS = [" ", " ", " ", " - ", "-", ", ", ". ", "; ", "\n", " \u2014 ", "  "]


def _random_text(rng: random.Random, n_words: int) -> str:
    parts = []
    for _ in range(n_words):
        parts.append(rng.choice(_WORDS))
        parts.append(rng.choice(_GAPS))
    return "".join(parts).strip()


def test_matcher_equals_brute_force_reference_on_random_texts() -> None:
    lexicons = _lexicons()
    matcher = Matcher(lexicons)
    rng = random.Random(8)
    n_matches = n_negated = 0
    for _ in range(1000):
        text = _random_text(rng, rng.randint(1, 30))
        found = matcher.find(text)
        assert found == reference_find(lexicons, text), text
        n_matches += len(found)
        n_negated += sum(m.negated for m in found)
    # the texts exercise the rules, not just empty output
    assert n_matches > 2_000
    assert n_negated > 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Reds" (case-sensitive) and "reds" share the span: one match per
        # category, the weight from the first entry in lookup order
        ("The Reds won.", [("Reds", "a", "colour", 1.0), ("Reds", "a", "team", 1.0),
                           ("Reds", "b", "team", 1.0)]),
        ("the reds won", [("reds", "a", "colour", 1.0), ("reds", "a", "team", 5.0)]),
        # the longer span takes "White" from the one-word "white" in lexicon a only
        ("The White House said", [("White House", "a", "place", 1.0),
                                  ("House", "b", "place", 1.0)]),
        ("war on terrorism", [("war on terrorism", "a", "frame", 1.0),
                              ("terrorism", "b", "fear", 1.0)]),
        ("war on drugs", [("war on drugs", "a", "frame", 1.0)]),
        ("war on, drugs", [("war on", "a", "frame", 0.5)]),
        ("slammed", [("slammed", "a", "emotive", 4.0), ("slammed", "a", "short_stem", 1.0)]),
    ],
)
def test_matcher_cases(text: str, expected: list[tuple[str, str, str, float]]) -> None:
    found = Matcher(_lexicons()).find(text)
    assert [(m.text, m.lexicon, m.category, m.weight) for m in found] == expected


def test_negation_is_flagged_only_after_a_negator_in_the_same_clause() -> None:
    text = "It was not radical. Radical, never the left agenda; no. The left didn\u2019t slam it."
    found = Matcher(_lexicons()).find(text)
    assert found == reference_find(_lexicons(), text)
    flags = {(m.text, m.lexicon, m.start): m.negated for m in found}
    assert flags["radical", "a", text.index("radical")]
    assert not flags["Radical", "a", text.index("Radical")]
    assert flags["the left", "a", text.index("the left")]  # leftmost wins over "left agenda"
    assert flags["left agenda", "b", text.index("left agenda")]
    assert not flags["The left", "a", text.index("The left")]  # "no." ends the clause
    assert flags["slam", "a", text.index("slam")]


def test_form_cache_bound_keeps_results(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicons = _lexicons()
    rng = random.Random(3)
    texts = [_random_text(rng, 25) for _ in range(40)]
    expected = [reference_find(lexicons, t) for t in texts]
    monkeypatch.setattr(matcher_module, "_MAX_CACHE", 12)  # cleared again and again
    matcher = Matcher(lexicons)
    for _ in range(2):
        assert [matcher.find(t) for t in texts] == expected
    assert len(matcher._seen) <= 40


def test_matches_are_frozen_dataclass_records() -> None:
    text = "Critics slammed the radical left agenda."
    found = Matcher(_lexicons()).find(text)
    m = found[0]
    assert type(m) is Match and dataclasses.is_dataclass(m)
    fields = dataclasses.astuple(m)
    assert m == Match(*fields) and hash(m) == hash(Match(*fields))
    assert repr(m) == repr(Match(*fields))
    assert m.to_dict() == dict(zip([f.name for f in dataclasses.fields(Match)], fields))
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 0  # type: ignore[misc]
    assert dataclasses.replace(m, negated=True).negated
    for m in found:
        assert text[m.start : m.end] == m.text


def test_find_without_hits_and_on_empty_text() -> None:
    matcher = Matcher(_lexicons())
    assert matcher.find("") == []
    assert matcher.find("Nothing to see here.") == []
    assert matcher.find("...") == []
