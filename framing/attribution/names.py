"""Name runs: the capitalised word sequences that may be names.

The first step of :mod:`framing.attribution.entities`: runs of capitalised
words joined by spaces, hyphens, initials and connectors ("Department of
Homeland Security"), without a leading function word ("The", "But"), a
sentence-opening adverb or verb ("Sometimes Trump", "Backing Donald Trump"), a label in
capitals ("WATCH Hillary Clinton") or a trailing day or party label.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import and_
from typing import Any

from .. import text as _text
from .._compiled import optional_extension
from ..tagger import load_tagger
from ..text import Tokens
from .calendar import MONTHS as _MONTHS
from .calendar import TIMES as _TIMES
from .evidence import _PARTY_LABEL
from .gazetteers import name_key
from .phrases import (
    _CONNECTORS,
    _STOP,
    DETERMINERS,
    PRONOUNS,
    _gap_ok,
    _verb_forms,
    org_and,
    word_set,
)

_NOT_NAMES = _STOP | DETERMINERS | PRONOUNS | _TIMES | _MONTHS | word_set(
    "said says told according i'm it's we're there's"
)
_MAX_NAME = 8  # words in a name run; longer runs are headlines or capitals


def _is_cap(text: str, s: int, e: int) -> bool:
    ch = text[s]
    return ch.isupper() or (ch.islower() and "-" in text[s:e] and not text[s:e].islower())  # "al-Maliki"


def _capitalised(text: str, toks: Tokens) -> tuple[list[bool], list[int]]:
    """Per token whether it is capitalised (:func:`_is_cap` for a hyphenated one), and their indices.

    The reference of ``framing._names_core.capitalised``.
    """
    starts, ends = toks.starts, toks.ends
    caps = [text[s].isupper() for s in starts]
    for k in [k for k, w in enumerate(toks.norms) if "-" in w]:
        caps[k] = caps[k] or _is_cap(text, starts[k], ends[k])
    return caps, [k for k, c in enumerate(caps) if c]


_core: Any = optional_extension("_names_core")


def _all_caps(text: str, s: int, e: int) -> bool:
    return e - s > 1 and text[s:e].isupper()


_SENTENCE_MARKS = frozenset(".!?\n:\u201c\"")  # a gap holding one of them opens a sentence


def _sentence_initial(text: str, toks: Tokens, t: int) -> bool:
    if t == 0:
        return True
    return not _SENTENCE_MARKS.isdisjoint(text[toks.ends[t - 1] : toks.starts[t]])


# Tags of a sentence opener that is not part of the name after it.
_OPENER_TAGS = frozenset({"ADV", "ADP", "SCONJ", "CCONJ", "INTJ", "AUX", "PART", "VERB"})


def _opening_adverb(text: str, toks: Tokens, i: int) -> bool:
    """Whether the capitalised sentence opener ``i`` is a known adverb, particle or verb, not a name.

    The word is tagged in lower case with two words of context either side
    ("Sometimes Trump said": ADV); words the tagger never saw are names, and
    so is a verb reading that the word as written tags as a proper noun.
    """
    word = text[toks.starts[i] : toks.ends[i]].lower()
    tagger = load_tagger()
    if not tagger.knows(word):
        return False
    hi = min(len(toks), i + 3)
    forms = [word, *(text[toks.starts[k] : toks.ends[k]] for k in range(i + 1, hi))]
    tag = tagger.tag_forms(forms, stop=1)[0]
    if tag == "VERB":  # "Asked", "Speaking"; not "Washington (CNN) President ...", a name as written
        forms[0] = text[toks.starts[i] : toks.ends[i]]
        return tagger.tag_forms(forms, stop=1)[0] != "PROPN"
    return tag in _OPENER_TAGS


def tagged_verb(text: str, toks: Tokens, t: int) -> bool:
    """Whether token ``t`` is tagged VERB among the few words around it.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "Investigating alleged abuses took years. Peter King said it."
    >>> toks = tokenize(text)
    >>> tagged_verb(text, toks, 0), tagged_verb(text, toks, toks.norms.index("king"))
    (True, False)
    """
    lo, hi = max(0, t - 3), min(len(toks.norms), t + 3)
    forms = [text[toks.starts[k] : toks.ends[k]] for k in range(lo, hi)]
    return bool(load_tagger().tag_forms(forms)[t - lo] == "VERB")


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _runs(text: str, toks: Tokens) -> list[tuple[int, int]]:
    """Token ranges of capitalised name runs (before titles are split off)."""
    starts, ends, norms = toks.starts, toks.ends, toks.norms
    n = len(norms)
    runs: list[tuple[int, int]] = []
    # one pass for the capitalised tokens (compiled: framing._names_core); the loop visits only them
    if _core is not None and _text.COMPILED and type(text) is str and type(starts) is list:
        caps, capitalised = _core.capitalised(text, starts, ends, norms, _is_cap)
    else:
        caps, capitalised = _capitalised(text, toks)
    t = 0
    pairs: Counter[tuple[str, str]] | None = None
    verbs = _verb_forms()
    for t0 in capitalised:
        if t0 < t:
            continue
        i = j = t0
        j += 1
        cue = False
        while j < n and j - i <= _MAX_NAME:
            if caps[j] and j + 1 < n and caps[j + 1] and norms[j] in verbs and not norms[j].endswith("ing"):
                cue = True  # a headline in title case: "Trump Denies Allegations" is "Trump" and a cue
                break
            if (caps[j] and _gap_ok(text, toks, j - 1)) or (norms[j] == "and" and org_and(text, toks, j, i)) or ((
                norms[j] in _CONNECTORS or (norms[j] == "the" and norms[j - 1] == "of")
            ) and j + 1 < n and _gap_ok(text, toks, j - 1) and (
                caps[j + 1] or (norms[j + 1] == "the" and j + 2 < n and caps[j + 2])
            )):
                j += 1
            else:
                break
        t = j + cue
        while i < j and (
            norms[i] in _NOT_NAMES
            or norms[i].startswith("then-")  # "then-FBI Director James Comey": a title of the time
            or (i + 1 < j and _all_caps(text, starts[i], ends[i]) and not _all_caps(text, starts[i + 1], ends[i + 1]))
        ):
            i += 1  # "The", "But", a label in capitals ("WATCH Hillary Clinton")
        if j - i > 1 and (i == 0 or not _SENTENCE_MARKS.isdisjoint(text[ends[i - 1] : starts[i]])) and (
                _opening_adverb(text, toks, i)):  # (_sentence_initial inline: once per run)
            if pairs is None:  # capitalised word pairs, counted once: "Planned Parenthood" written twice
                both = list(map(and_, caps, caps[1:]))  # tokens k and k + 1 capitalised
                pairs = Counter(zip(map(_bare, compress(norms, both)), map(_bare, compress(norms[1:], both))))
            if pairs[(_bare(norms[i]), _bare(norms[i + 1]))] < 2:
                i += 1  # "Sometimes Trump", "Perhaps Biden": the sentence's adverb, not a name
            # else "Planned Parenthood vowed": the article writes the pair again, "Planned" is no verb
        while j > i and (
            norms[j - 1] in _NOT_NAMES or norms[j - 1] in _CONNECTORS
            or (j - i > 1 and _PARTY_LABEL.match(text, starts[j - 1], ends[j - 1] + 1) is not None)
        ):
            j -= 1  # "said Trump Tuesday", "Adam Schiff (D-Calif.)"
        if i >= j or j - i > _MAX_NAME:
            continue
        before = text[max(0, starts[i] - 40) : starts[i]].rstrip(" \t\"\u201c")
        if not before or before[-1] == "\n":  # only spaces and quote marks since a line break
            for k in range(i + 1, min(j, i + _DATELINE + 1)):
                if text[ends[k - 1] : starts[k]].strip() == ")":
                    i = k  # a dateline opening a line: "Washington (CNN) President Donald Trump"
                    break
        if j - i == 1 and _PARTY_LABEL.match(text, starts[i], ends[i] + 1) is not None:
            continue  # "Sen. Bernie Sanders, I-Vt.,": a party label, not a name
        if j - i > 3 and all(_all_caps(text, starts[k], ends[k]) for k in range(i, j)):
            continue  # a headline in capitals
        runs.append((i, j))
    return runs


_DATELINE = 3  # tokens of a dateline at the start of a line ("WASHINGTON (AP)") before a name

_MAX_OCCURRENCES = 8  # occurrences of a name looked at for its fullest mention


def _first_occurrences(norms: list[str]) -> dict[str, list[int]]:
    """The first :data:`_MAX_OCCURRENCES` token indices of each name key.

    A token counts for its norm and, when they differ, for its name key
    ("al-maliki" for "maliki"). One pass over the tokens, however many names
    are looked up later.
    """
    if _core is not None and _text.COMPILED and type(norms) is list:
        compiled: dict[str, list[int]] = _core.first_occurrences(norms, _MAX_OCCURRENCES, name_key)
        return compiled
    first: dict[str, list[int]] = {}
    for t, w in enumerate(norms):
        found = first.get(w)
        if found is None:
            first[w] = [t]
        elif len(found) < _MAX_OCCURRENCES:
            found.append(t)
        if "-" in w or "'" in w:
            k = name_key(w)
            if k != w:
                found = first.get(k)
                if found is None:
                    first[k] = [t]
                elif len(found) < _MAX_OCCURRENCES:
                    found.append(t)
    return first
