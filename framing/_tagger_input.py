"""The sequence the tagger sees: a sentence's words with the punctuation between them.

:func:`tagger_input` is what training and prediction both feed the perceptron
(:mod:`framing.tagger`), so the features of the two match: word forms as the
treebank writes them (straight apostrophes and hyphens) and the punctuation
between words as extra context tokens.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from operator import is_
from typing import Any

from ._validation import parameter_error
from .text import Sentence, Tokens, split_sentences

__all__ = ["tagger_input"]

# Word forms as the treebank writes them: straight apostrophes and hyphens.
_WORD_NORM = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})
# Punctuation between words, mapped to the treebank's usual ASCII spelling.
_GAP_NORM = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2018": "'", "\u2019": "'",
    "\u201a": "'", "\u2014": "--", "\u2013": "-", "\u2026": "...", "\u00a0": " ",
})
_RUN = re.compile(r"(\S)\1*")  # a run of one repeated non-space character is one token
_MAX_GAP_SIDE = 2  # the perceptron's features see two tokens either side

def _gap(text: str) -> list[str]:
    """The context tokens of the text between two words (runs of one punctuation character).

    Only the two runs next to each word matter to the features, so a long run
    of punctuation keeps its first two and last two.

    Examples
    --------
    >>> _gap(", \u201c")
    [',', '"']
    >>> _gap(" ")
    []
    """
    if not text or text.isspace():
        return []
    runs = [m.group() for m in _RUN.finditer(text if text.isascii() else text.translate(_GAP_NORM))]
    if len(runs) > 2 * _MAX_GAP_SIDE:
        runs = runs[:_MAX_GAP_SIDE] + runs[-_MAX_GAP_SIDE:]
    return runs


def _segment(
    tokens: Tokens, text: str, lo: int, hi: int, left: int, right: int
) -> tuple[list[str], list[int]]:
    """Forms of tokens ``lo:hi`` with the punctuation in ``text[left:right]`` between them."""
    forms: list[str] = []
    positions: list[int] = []
    starts, ends = tokens.starts, tokens.ends
    prev = left
    # the normalisation tables map only non-ASCII characters: an ASCII segment's words are as written
    ascii_words = text[left:right].isascii()
    for k in range(lo, hi):
        start = starts[k]
        if start > prev:
            gap = text[prev:start]
            if gap != " ":  # one space, the common gap, is no context token
                forms.extend(_gap(gap))
        positions.append(len(forms))
        word = text[start:ends[k]]
        forms.append(word if ascii_words else word.translate(_WORD_NORM))
        prev = ends[k]
    if right > prev:
        forms.extend(_gap(text[prev:right]))
    return forms, positions


def tagger_input(tokens: Tokens, text: str) -> tuple[list[str], list[int]]:
    """The sequence the perceptron sees for ``text`` as one segment, and where the words are.

    Words keep their case (straight apostrophes); the punctuation between
    them becomes context tokens. ``forms[positions[i]]`` is token ``i``.
    Training builds its sentences with this function, so the features of
    training and prediction match.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "\u201cNo,\u201d he said."
    >>> tagger_input(tokenize(text), text)
    (['"', 'No', ',', '"', 'he', 'said', '.'], [1, 4, 5])
    """
    _check_inputs(tokens, text, "tagger_input")
    return _segment(tokens, text, 0, len(tokens), 0, len(text))


def _check_inputs(tokens: Any, text: Any, owner: str) -> None:
    if not isinstance(tokens, Tokens):
        raise parameter_error("tokens", owner, "a framing.text.Tokens", type(tokens).__name__)
    if not isinstance(text, str):
        raise parameter_error("text", owner, "a str", type(text).__name__)
    if len(tokens) and tokens.ends[-1] > len(text):
        raise parameter_error(
            "text", owner, f"the text the tokens come from (at least {tokens.ends[-1]} characters)",
            f"a str of {len(text)} characters",
        )


def _sentence_bounds(
    tokens: Tokens, text: str, sentences: Sequence[Sentence] | None
) -> list[tuple[int, int, int, int]]:
    """``(first token, end token, first char, end char)`` of each sentence that has tokens.

    The lexicon stage and the cue filter both tag windows of the same
    document: the bounds of the last ``(tokens, text, sentences)`` of this
    thread are kept (the callers only read them).
    """
    if sentences is None:
        return _bounds(tokens, text, split_sentences(text))
    last = getattr(_LAST, "value", None)
    if last is not None and last[0] is tokens and last[1] is text and len(last[2]) == len(sentences) and all(
            map(is_, last[2], sentences)):
        bounds: list[tuple[int, int, int, int]] = last[3]
        return bounds
    out = _bounds(tokens, text, sentences)
    _LAST.value = (tokens, text, tuple(sentences), out)
    return out


_LAST = threading.local()


def _bounds(tokens: Tokens, text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int, int, int]]:
    starts = tokens.starts
    out = []
    lo = 0
    for k, s in enumerate(sentences):
        hi = bisect_left(starts, sentences[k + 1].start) if k + 1 < len(sentences) else len(starts)
        if hi > lo:
            out.append((lo, hi, min(s.start, starts[lo]), max(s.end, tokens.ends[hi - 1])))
        lo = hi
    if not out and len(tokens):  # no sentence span (cannot happen for split_sentences' output)
        out.append((0, len(tokens), 0, len(text)))
    return out
