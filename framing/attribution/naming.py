"""Naming verbs and boilerplate: the literal-led scans of quote attribution.

A naming verb followed by a quotation is a cue of the scare quote it
introduces ("labelled the government a “stooge”"); a sentence of
newsletter or site boilerplate attributes nothing ("By signing up, you agree
..."). Both are found by a case-insensitive pattern tried only where its
first word occurs (:func:`match_starts`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .cues import CueHit
from .doc import _Doc
from .phrases import DETERMINERS

__all__ = ["match_starts"]


# Verbs that name something with the speaker's own word, written as a scare quote
# ("labelled the government a “stooge”", "dubbed the bill “Obamacare”"). They are not
# reporting verbs (the lexicon does not count them) and cue a quote only where a
# quotation opens within a few words after them.
_NAMING_FORMS = {
    form: (lemma, kind)
    for lemma, forms in (
        ("label", "label:base labels:3sg labelled:past labeled:past labelling:gerund labeling:gerund"),
        ("brand", "brand:base brands:3sg branded:past branding:gerund"),
        ("dub", "dub:base dubs:3sg dubbed:past dubbing:gerund"),
        ("term", "termed:past"),
    )
    for form, kind in (pair.split(":") for pair in forms.split())
}
_NAMING = re.compile(r"\b(?:label|brand|dub|term)", re.IGNORECASE)  # where to look up _NAMING_FORMS
_NAMING_WORDS = ("label", "brand", "dub", "term")  # what every match of _NAMING begins with
_MAX_NAMING_GAP = 6  # tokens between a naming verb and the quotation it introduces
# the non-ASCII letters ``re.I`` folds to ASCII ones (as in framing.tone.clauses)
_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def match_starts(pattern: re.Pattern[str], words: Sequence[str], text: str) -> list[int]:
    """``[m.start() for m in pattern.finditer(text)]`` for a ``re.I`` pattern whose matches begin with ``words``.

    Where the lower-cased text has one character per character and the text
    no letter that ``re.I`` folds to an ASCII one, a match can begin only
    where the lower-cased text holds one of ``words``: the pattern is tried
    at those positions alone (``match`` there reads the character before for
    ``\\b``), in ``finditer``'s order, instead of at every character.

    Examples
    --------
    >>> match_starts(_NAMING, _NAMING_WORDS, "Critics LABELED it; the label, relabel, Termed.")
    [8, 24, 40]
    """
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _FOLDS):
        return [m.start() for m in pattern.finditer(text)]
    candidates = set()
    for w in words:
        p = low.find(w)
        while p >= 0:
            candidates.add(p)
            p = low.find(w, p + 1)
    out: list[int] = []
    pos = 0
    for p in sorted(candidates):
        if p >= pos and (m := pattern.match(text, p)) is not None:
            out.append(p)
            pos = max(m.end(), p + 1)
    return out


def _naming_cues(doc: _Doc) -> list[CueHit]:
    """Naming verbs followed, in the same sentence, by a quotation (a scare quote they attribute)."""
    toks, q_starts = doc.tokens, doc.q_starts
    if not q_starts:
        return []
    out = []
    for start in match_starts(_NAMING, _NAMING_WORDS, doc.text):
        i = doc.tok_at(start)
        found = _NAMING_FORMS.get(toks.norms[i]) if i < len(toks) else None
        if found is None or (i and toks.norms[i - 1] in DETERMINERS):
            continue
        k = bisect_left(q_starts, toks.ends[i])
        if k == len(q_starts) or q_starts[k] >= doc.sentence_of(toks.starts[i]).end:
            continue
        if doc.tok_at(q_starts[k]) - i - 1 <= _MAX_NAMING_GAP:
            out.append(CueHit(i, i + 1, found[0], "neutral", found[1]))
    return out


# Newsletter and site boilerplate: a sentence holding one of these attributes nothing
# ("By signing up you agree to receive email newsletters", "agreeing to our Terms of Use",
# "The opinions expressed by columnists are their own").
_BOILERPLATE = re.compile(
    r"\b(?:by\s+(?:signing\s+up|subscribing|clicking|registering|continuing|submitting)"
    r"|our\s+terms\s+of\s+(?:use|service)|privacy\s+policy|unsubscribe|opt[- ]out|cookie\s+policy"
    r"|agree\s+to\s+receive|(?:opinions|views)\s+expressed\s+(?:by|in|here|on|are))\b",
    re.IGNORECASE,
)
_BOILERPLATE_WORDS = ("by", "our", "privacy", "unsubscribe", "opt", "cookie", "agree", "opinions", "views")


def _boilerplate_sentences(doc: _Doc) -> set[int]:
    """Start offsets of the sentences that are newsletter or site boilerplate (one scan of the text)."""
    return {doc.sentence_of(p).start for p in match_starts(_BOILERPLATE, _BOILERPLATE_WORDS, doc.text)}
