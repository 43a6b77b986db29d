"""The extent of a speaker phrase: the whole of a body's name that the phrase reader cut.

A step of :meth:`~framing.attribution.speakers.SpeakerResolver.resolve`. The
phrase reader stops at a lower-case word, so "The Council on Foreign Relations
said" gives the phrase "Foreign Relations" and "Save the Children said" gives
"the Children". A ``source_roles`` term that starts before the phrase, ends
inside it and is written as a name (capitalised words, with "of", "on", "for",
"the" or "and" between them) is the body the sentence names: the phrase starts
where the term starts.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .phrases import word_set

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

__all__ = ["name_start"]

_REACH = 60  # characters a cut name may reach back before the phrase
_JOINERS = word_set("of on for the and to")


def name_start(res: SpeakerResolver, i: int, j: int) -> int:
    """The first token of the speaker phrase ``[i, j)`` with a name it cuts taken in whole.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "The Council on Foreign Relations said it."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> res.tokens.norms[name_start(res, 3, 5)]
    'council'
    >>> name_start(res, 0, 5)  # no term crosses the phrase's start
    0
    """
    toks, text = res.tokens, res.text
    start, end = toks.starts[i], toks.ends[j - 1]
    if not i:
        return i
    best = i
    for hit in res._role_hits(max(0, start - _REACH), end):
        if not hit.start < start < hit.end <= end or not text[hit.start].isupper():
            continue
        t = bisect_left(toks.starts, hit.start)
        if t < best and toks.starts[t] == hit.start and all(
            text[toks.starts[u]].isupper() or toks.norms[u] in _JOINERS for u in range(t, i)
        ):
            best = t
    return best
