"""The shortcuts of the attribution hot paths give what the plain scans gave.

Each shortcut (issue 19, speed) is checked against the plain scan it replaced,
written out here as the reference, on real sentences: the role hits of a span
(``SpeakerResolver._role_hits``: a span with no hit, or none across its edges,
returns at once), the fixed phrases a cue can be part of (``actions._idiom``,
looked up by the cue's word), the capitalised word pairs of a text
(``names._runs``, counted from compressed columns) and the role hits that cross
into a name (``find_entities``: looked for only when words come before it).
The full output on real articles is ``benchmarks/check_identity.py``'s check.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

import pytest

from framing.attribution import actions
from framing.attribution.names import _bare, _capitalised, _runs
from framing.attribution.speakers import SpeakerResolver
from framing.lexicon import Matcher, load_lexicon
from framing.text import tokenize

TEXTS = [
    "Defense Secretary Lloyd Austin spoke on Monday. Austin said the troops would stay in Iraq.",
    "CIA director Michael Hayden said the program worked, and a White House spokesman agreed.",
    "Rep. Bill Huizenga, a former Rubio supporter, told reporters that House Speaker Nancy Pelosi erred.",
    "All told, Knott said he spent $1,500. Truth be told, we lost. Needless to say, it failed.",
    "That said, Smith left. Well, you see, she has charisma. We told them you know what we know.",
    "Planned Parenthood vowed to fight. Planned Parenthood vowed again. Sometimes Trump said no.",
]


def _resolver(text: str) -> SpeakerResolver:
    toks = tokenize(text)
    return SpeakerResolver(text, toks, Matcher([load_lexicon("source_roles")]).find(text, toks))


def _role_hits_reference(res: SpeakerResolver, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The scan before the shortcut: the slice, every hit's end checked, else the span matched alone."""
    assert res._roles is not None
    lo = bisect_left(res._role_starts, start)
    hi = bisect_left(res._role_starts, end, lo)
    inside = list(res._roles[lo:hi])
    if not (lo and res._role_ends[lo - 1] > start) and all(m.end <= end for m in inside):
        return [(m.start, m.end, m.category, m.text) for m in inside]
    res._roles, saved = None, res._roles  # the span matched on its own
    try:
        return [(m.start, m.end, m.category, m.text) for m in res._role_hits(start, end)]
    finally:
        res._roles = saved


@pytest.mark.parametrize("text", TEXTS[:3])
def test_role_hits_of_every_token_span(text: str) -> None:
    res = _resolver(text)
    toks = res.tokens
    found = empty = crossing = 0
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + 6) + 1):
            start, end = toks.starts[i], toks.ends[j - 1]
            got = [(m.start, m.end, m.category, m.text) for m in res._role_hits(start, end)]
            assert got == _role_hits_reference(res, start, end), text[start:end]
            found += bool(got)
            empty += not got
            crossing += any(m.start < start < m.end or m.start < end < m.end for m in res._roles or ())
    assert found and empty and crossing  # spans with hits, without, and cutting a hit ("Secretary" alone)


def test_a_span_cutting_a_hit_is_matched_on_its_own() -> None:
    text = TEXTS[0]
    res = _resolver(text)
    assert [m.text for m in res._roles or ()][:1] == ["Defense Secretary"]
    hits = res._role_hits(text.index("Secretary"), text.index(" Lloyd"))
    assert [(text[m.start : m.end], m.category) for m in hits] == [("Secretary", "government")]
    assert res._role_hits(text.index("Lloyd"), text.index(" spoke")) == []


def _idiom_reference(text: str, toks, i: int) -> bool:  # type: ignore[no-untyped-def]
    """``actions._idiom`` scanning every fixed phrase, as before the index by cue word."""
    norms = toks.norms
    for words, at in actions._IDIOMS:
        first, last = i - at, i - at + len(words)
        if first < 0 or last > len(norms) or tuple(norms[first:last]) != words:
            continue
        if actions._clause_edge(text, toks, first - 1, after=False) and (
            words[-1] in ("say", "that") or actions._clause_edge(text, toks, last, after=True)
        ):
            return True
    return False


def test_fixed_phrases_by_cue_word() -> None:
    idioms = []
    for text in TEXTS:
        toks = tokenize(text)
        for i in range(len(toks)):
            got = actions._idiom(text, toks, i)
            assert got == _idiom_reference(text, toks, i), (text, toks.norms[i])
            if got:
                idioms.append(toks.norms[i])
    # "All told", "Truth be told", "Needless to say", "That said", "you see"; not "We told them", "you know what"
    assert idioms == ["told", "told", "say", "said", "see"]
    assert sorted(actions._IDIOMS_BY_CUE) == sorted({words[at] for words, at in actions._IDIOMS})


def test_capitalised_pairs_and_runs() -> None:
    text = TEXTS[5]
    toks = tokenize(text)
    caps, _ = _capitalised(text, toks)
    norms = toks.norms
    reference = Counter((_bare(norms[k]), _bare(norms[k + 1])) for k in range(len(norms) - 1)
                        if caps[k] and caps[k + 1])
    assert reference[("planned", "parenthood")] == 2
    runs = [text[toks.starts[i] : toks.ends[j - 1]] for i, j in _runs(text, toks)]
    # the pair written twice keeps "Planned"; the adverb opening a sentence is cut
    assert runs == ["Planned Parenthood", "Planned Parenthood", "Trump"]
    once = "Planned Parenthood vowed to fight. Sometimes Trump said no."
    t1 = tokenize(once)
    assert [once[t1.starts[i] : t1.ends[j - 1]] for i, j in _runs(once, t1)] == ["Parenthood", "Trump"]


def test_a_role_begun_before_the_name_still_crosses_into_it() -> None:
    # "CIA director" starts in the capitalised word before the lower-case title: looked for (p < k)
    ents = _resolver(TEXTS[1]).entities().to_list()
    assert [(e.text, e.category) for e in ents][:1] == [("Michael Hayden", "government")]
    # a title inside the run ("Defense Secretary Lloyd Austin"), none before it
    ents = _resolver(TEXTS[0]).entities().to_list()
    assert [(e.text, e.category) for e in ents][:1] == [("Lloyd Austin", "military")]
