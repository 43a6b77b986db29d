"""Tests for framing.attribution.speakers: the per-article indexes of SpeakerResolver.

The resolver reads speaker categories from the article's ``source_roles``
hits when it is given them, and finds a name's earlier mentions through a
per-article index; both must give exactly what matching each phrase on its own
and scanning every token give.
"""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution.speakers import SpeakerResolver, _name_key
from framing.lexicon import Matcher, load_lexicon
from framing.pipeline import Analyzer
from framing.text import Tokens, tokenize

TEXTS = [
    "Defense Secretary Jim Mattis said on Tuesday that the Pentagon would review the plan. "
    "Secretary Mattis, a retired Marine general, told reporters it was sound.",
    "Police chief Tom Ray spoke. The police chief of Denver, Colorado, said crime fell. "
    "Two senior administration officials and a White House press secretary declined to comment.",
    "Iraqi Prime Minister Nouri al-Maliki spoke. Maliki's aides said al-Maliki would stay. "
    "An army spokesman said a US Army officer and a Reuters reporter were there.",
    "Rep. Bill Huizenga, a former Rubio supporter, said the party's chairman was wrong.",
]


def _role_hits(text: str, tokens: Tokens) -> list:
    return Matcher([load_lexicon("source_roles")]).find(text, tokens)


def test_categories_from_article_hits_equal_phrase_matching() -> None:
    # every token span of up to six words: the categories read from the
    # article's hits (all lexicons, as Analyzer finds them) equal matching
    # the phrase on its own, including spans that cut a multi-word role
    analyzer = Analyzer()
    checked = 0
    for text in TEXTS:
        toks = tokenize(text)
        alone = SpeakerResolver(text, toks)
        given_hits = SpeakerResolver(text, toks, analyzer.matcher.find(text, toks))
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + 6) + 1):
                s, e = toks.starts[i], toks.ends[j - 1]
                assert given_hits.category_of(s, e) == alone.category_of(s, e), text[s:e]
                checked += 1
    assert checked > 400


def test_a_hit_crossing_the_span_edge_is_not_trusted() -> None:
    # "Police chief" is one hit in the article; the span "Police" alone is
    # matched on its own (law enforcement), not left without a role
    text = "Police chief Tom Ray spoke."
    toks = tokenize(text)
    hits = _role_hits(text, toks)
    assert [(m.text, m.category) for m in hits] == [("Police chief", "law_enforcement")]
    resolver = SpeakerResolver(text, toks, hits)
    assert resolver.category_of(0, len("Police")) == "law_enforcement"
    assert resolver.category_of(0, len("Police chief Tom Ray")) == "law_enforcement"
    assert resolver.category_of(len("Police chief "), len("Police chief Tom Ray")) == "other"


def test_hits_of_other_lexicons_are_ignored() -> None:
    text = "Army chief General Tom Ray left."
    toks = tokenize(text)
    everything = Analyzer().matcher.find(text, toks)
    assert {m.lexicon for m in everything} - {"source_roles"}  # other lexicons hit too
    resolver = SpeakerResolver(text, toks, everything)
    assert resolver.category_of(0, len("Army chief General Tom Ray")) == "military"


def _reference_occurrences(norms: list[str], key: str, before: int, limit: int = 8) -> list[int]:
    """The resolver's original definition: per-form positions, merged, first ``limit``."""
    positions: dict[str, list[int]] = {}
    for i, w in enumerate(norms):
        positions.setdefault(w, []).append(i)
    variants: dict[str, list[str]] = {}
    for w in {w for w in norms if "-" in w or "'" in w}:
        k = _name_key(w)
        if k != w:
            variants.setdefault(k, []).append(w)
    out: list[int] = []
    for form in (key, *variants.get(key, ())):
        found = positions.get(form, [])
        out.extend(found[: min(bisect_right(found, before), limit)])
    out.sort()
    return out[:limit]


def _check_occurrences(text: str) -> int:
    toks = tokenize(text)
    resolver = SpeakerResolver(text, toks)
    for head, norm in enumerate(toks.norms):
        key = _name_key(norm)
        expected = _reference_occurrences(toks.norms, key, head)
        assert resolver._occurrences(key, head) == expected, (norm, head)
    return len(toks)


def test_name_occurrences_equal_a_full_scan() -> None:
    texts = [
        *TEXTS,
        # possessives, particles, curly apostrophes, lower-case uses of a name
        "Al-Maliki met Maliki\u2019s rivals; al-Maliki's allies and maliki fans cheered Maliki.",
        # more than eight mentions: only the first eight count
        " ".join(["Trump spoke."] * 12) + " Trump's aides and trump cards.",
        # short keys (searched token by token) and an "'s" inside a name
        "Xi met Li. Xi's aide, Li's aide and O'Sullivan met O'Sullivan's staff. Xi left.",
        "Mr. Hassan al-Assad's brother and Assad said Assad-led forces won.",
    ]
    assert sum(_check_occurrences(t) for t in texts) > 100


WORDS = [
    "Smith",
    "smith",
    "Smith's",
    "al-Smith",
    "Al-Smith's",
    "Smithson",
    "Blacksmith",
    "O'Neill",
    "O\u2019Neill's",
    "Li",
    "Li's",
    "said",
    "the",
    "a",
    "President",
    "Sen.",
    "Ray",
    "Ray's",
    "o'sullivan",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.sampled_from([" ", ", ", ". "])
)
def test_name_occurrences_property(words: list[str], sep: str) -> None:
    _check_occurrences(sep.join(words))


def test_full_mention_uses_the_fullest_earlier_mention() -> None:
    text = (
        "Iraqi Prime Minister Nouri al-Maliki spoke. Army chief General Tom Ray left. "
        "Maliki said no. Ray's aides and Maliki agreed."
    )
    toks = tokenize(text)
    resolver = SpeakerResolver(text, toks)
    last = len(toks.norms) - 1 - toks.norms[::-1].index("maliki")
    s, e = resolver.full_mention(last)
    assert text[s:e] == "Iraqi Prime Minister Nouri al-Maliki"
    ray = len(toks.norms) - 1 - toks.norms[::-1].index("ray's")
    s, e = resolver.full_mention(ray)
    assert text[s:e] == "Army chief General Tom Ray"
