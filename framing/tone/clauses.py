"""Clause breaks of a sentence: where the clause around a mention ends, found fast.

The tone features of a mention read the clause that holds it, between the
breaks of :data:`~framing.tone.target_features._CLAUSE` (punctuation, dashes
and the words "but", "because", "while", "whereas", "though").
:func:`clause_breaks` finds them in one sentence, by its punctuation alone when
it can hold none of the words; :class:`ClauseBreaks` does it for every
sentence of one text, in the text's offsets.
"""

from __future__ import annotations

import re

from .target_features import _CLAUSE

__all__ = ["ClauseBreaks", "clause_breaks"]

_PUNCT_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_CHAR_BREAK = re.compile(r"[,;:()\u2014\u2013]")
_BREAK_WORDS = ("but", "because", "while", "whereas", "though")
_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")  # the non-ASCII letters ``re.I`` folds to ASCII ones


def clause_breaks(stext: str) -> list[tuple[int, int]]:
    """The spans of ``_CLAUSE`` in ``stext``, found by its punctuation alone when it can hold none of the words.

    ``_CLAUSE`` alternates punctuation with whole words (``re.I``) that no
    punctuation match can overlap, so without those words its matches are the
    punctuation's; a word can match only where the lowercased text holds it,
    unless the text has one of the letters case folding maps to ASCII.

    Examples
    --------
    >>> s = "Smith - who won, he said - spoke while \u017fmiling; BUT left."
    >>> clause_breaks(s) == [m.span() for m in _CLAUSE.finditer(s)]
    True
    >>> clause_breaks("Smith spoke (briefly)")
    [(12, 13), (20, 21)]
    """
    low = stext.lower()
    if any(w in low for w in _BREAK_WORDS) or any(c in stext for c in _FOLDS):
        pattern = _CLAUSE
    else:
        pattern = _PUNCT_BREAK if "-" in stext else _CHAR_BREAK
    return [m.span() for m in pattern.finditer(stext)]


_BREAK_WORD = re.compile("|".join(_BREAK_WORDS))


class ClauseBreaks:
    """:func:`clause_breaks` of any sentence ``text[lo:hi]`` of one text, in the text's offsets.

    The lower case and the folding letters are looked for once per text; a
    sentence without a break word is scanned in place (``finditer(text, lo,
    hi)``: the punctuation patterns look at no character outside the span, so
    they match as in the slice), one with a break word is sliced and scanned
    with ``_CLAUSE`` like :func:`clause_breaks` does.

    Examples
    --------
    >>> text = "Smith spoke (briefly). But Jones - who won - left, while aides ſmiled."
    >>> breaks = ClauseBreaks(text)
    >>> breaks.between(0, 22) == [(12, 13), (20, 21)]
    True
    >>> breaks.between(23, len(text)) == [(a + 23, b + 23) for a, b in clause_breaks(text[23:])]
    True
    """

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None  # one character per character: same offsets
        self.folds = any(c in text for c in _FOLDS)

    def between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The breaks of the sentence ``text[lo:hi]``, in the text's offsets."""
        text, low = self.text, self.low
        if self.folds or low is None or _BREAK_WORD.search(low, lo, hi):
            return [(a + lo, b + lo) for a, b in clause_breaks(text[lo:hi])]
        pattern = _PUNCT_BREAK if text.find("-", lo, hi) >= 0 else _CHAR_BREAK
        return [m.span() for m in pattern.finditer(text, lo, hi)]
