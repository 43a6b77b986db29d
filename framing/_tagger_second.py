"""The second pass of framing's two-pass part-of-speech model (:mod:`framing.tagger`).

The first pass is the greedy left-to-right perceptron; it cannot see the tags
of the words after a word. The second pass re-tags each word with a second
perceptron whose features are the first pass's (``framing-3``, with the
*first pass's* tags of the two words before in place of its own) plus the
first pass's tags of the word and the next two (:func:`second_names`; the
"stacking" of Nivre & McDonald 2008, here on a tagger as in Toutanova et
al.'s 2003 bidirectional tagger). The second pass reads no tag of its own,
so a word is re-tagged alone: :func:`framing.tagger.tag_window` runs it on
the wanted words only. It was trained on first-pass tags of EWT train by
4-fold jackknifing (``framing.evaluation._tagger_stacking``).
``framing/_tagger_core.pyx`` builds the same feature strings: a change here
must be made there too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._tagger_features import END, START, _names

__all__ = ["LOOKAHEAD", "SECOND_PASS", "first_prevs", "second_names"]

SECOND_PASS = "right-2"
"""The second pass's feature set: ``framing-3``'s plus the first-pass tags of the word and the next two."""

LOOKAHEAD = 2
"""How many first-pass tags after a word the second pass reads: the first pass runs that much further."""


def first_prevs(i: int, first: Sequence[str]) -> tuple[str, str]:
    """The ``prev`` and ``prev2`` of word ``i``: the first pass's tags before it (NLTK's START pair at the edge).

    Examples
    --------
    >>> first_prevs(0, ["PRON", "VERB"]), first_prevs(1, ["PRON", "VERB"]), first_prevs(2, ["PRON", "VERB", "DET"])
    (('-START-', '-START2-'), ('PRON', '-START-'), ('VERB', 'PRON'))
    """
    prev = first[i - 1] if i >= 1 else START[0]
    prev2 = first[i - 2] if i >= 2 else START[0] if i == 1 else START[1]
    return prev, prev2


def second_names(
    i: int, word: str, context: Sequence[str], first: Sequence[str],
    lexicon: Mapping[str, tuple[str, ...]], unknown: tuple[str, ...],
) -> list[str]:
    """The second pass's feature names of word ``i``: ``framing-3``'s, then nine of the first-pass tags around it.

    ``context`` is the normalised forms between NLTK's START and END pairs;
    ``first`` the first pass's tags, at least up to word ``i + 2`` when the
    sentence has it (past its end the END pair is read).

    Examples
    --------
    >>> ctx = ["-START-", "-START2-", "she", "claims", "it", "-END-", "-END2-"]
    >>> second_names(1, "claims", ctx, ["PRON", "NOUN", "PRON"], {}, ())[-9:]  # doctest: +NORMALIZE_WHITESPACE
    ['s t+1 PRON', 's t+2 -END-', 's t+1 t+2 PRON -END-', 's t-1 t+1 PRON PRON', 's w t+1 claims PRON',
     's suf t+1 ims PRON', 's t0 NOUN', 's t0 t+1 NOUN PRON', 's t-1 t0 t+1 PRON NOUN PRON']
    """
    prev, prev2 = first_prevs(i, first)
    names = _names(i, word, context, prev, prev2, lexicon, unknown)
    n = len(context) - len(START) - len(END)
    t1 = first[i + 1] if i + 1 < n else END[i + 1 - n]
    t2 = first[i + 2] if i + 2 < n else END[i + 2 - n]
    before = first[i - 1] if i >= 1 else START[1]
    names += [
        "s t+1 " + t1,
        "s t+2 " + t2,
        "s t+1 t+2 " + t1 + " " + t2,
        "s t-1 t+1 " + before + " " + t1,
        "s w t+1 " + context[i + len(START)] + " " + t1,
        "s suf t+1 " + word[-3:] + " " + t1,
        "s t0 " + first[i],
        "s t0 t+1 " + first[i] + " " + t1,
        "s t-1 t0 t+1 " + before + " " + first[i] + " " + t1,
    ]
    return names
