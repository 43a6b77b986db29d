"""Link tickers: the inline "related" headlines some outlets print after a name.

The Hill writes, after the first mention of a politician, the person's full
name glued to a run of headlines of its other stories, closed by a capital
"MORE": "Sen. Jane Doe Jane Q. DoeDoe unveils tax plan Senate passes bill
MORE (D-Ohio) said on Tuesday ...". Such headlines report nothing the article
says ("Doe unveils", "FERC nominees criticized"), and their words are no one's
name. :func:`link_tickers` finds these spans; the quote finder gives no quote
to a cue inside one and reads a speaker phrase running into one from the
words before it.

A ticker is taken from the end of the name's mention to the closing "MORE"
when, within :data:`_REACH` characters before that "MORE", a capitalised word
is glued to the next capital ("DoeDoe", "McCaskillGOP") and the same word
stands as a word of its own just before ("Jane Doe Jane Q. DoeDoe"): a glued
word alone ("ObamaCare") or a "MORE" alone is no ticker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from ..text import Tokens
from .phrases import subject_before

__all__ = ["in_ticker", "link_tickers", "ticker_subject"]

_MORE = re.compile(r"(?<![A-Za-z])MORE(?![A-Za-z])")
# a capitalised word glued to the capital that opens the next word: "DoeDoe", "McCaskillGOP"
_GLUED = re.compile(r"\b([A-Z][A-Za-z'\u2019-]*?[a-z]{2,})(?=[A-Z][A-Za-z])")
_REACH = 700  # characters a ticker's headlines run before "MORE"
_NAME_BACK = 80  # characters before the glued word in which the name's mention stands


def link_tickers(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the link tickers in ``text``, in text order.

    Examples
    --------
    >>> text = ("Sen. Jane Doe Jane Q. DoeDoe unveils tax plan Senate passes bill MORE "
    ...         "(D-Ohio) said the vote would be close.")
    >>> [text[s:e] for s, e in link_tickers(text)]
    [' Jane Q. DoeDoe unveils tax plan Senate passes bill MORE']
    >>> link_tickers("Democrats want to save ObamaCare. MORE to come.")
    []
    """
    spans: list[tuple[int, int]] = []
    prev = 0
    for more in _MORE.finditer(text):
        lo = max(prev, more.start() - _REACH)
        for glued in _GLUED.finditer(text, lo, more.start()):
            name = glued.group(1)
            back = max(lo, glued.start() - _NAME_BACK)
            mentions = list(re.finditer(r"\b" + re.escape(name) + r"\b", text[back : glued.start()]))
            if mentions:
                spans.append((back + mentions[0].end(), more.end()))
                break
        prev = more.end()
    return spans


def in_ticker(spans: list[tuple[int, int]], pos: int) -> int:
    """The index of the ticker of ``spans`` (sorted) holding offset ``pos``, else -1."""
    k = bisect_right([s for s, _ in spans], pos) - 1
    return k if k >= 0 and spans[k][0] <= pos < spans[k][1] else -1


def ticker_subject(
    text: str, tokens: Tokens, spans: list[tuple[int, int]], subject: tuple[int, int],
    sentence_start: Callable[[int], int],
) -> tuple[int, int] | None:
    """The speaker tokens ``subject`` with a ticker of ``spans`` in them read from the words before it.

    "Sen. Jane Doe Jane Q. DoeDoe unveils ... MORE (D-Ohio), who is up for
    reelection, said": the phrase the subject reader took runs through the
    ticker; the speaker is the name before it ("Sen. Jane Doe"), found no
    further back than the start of its sentence (``sentence_start`` of an offset), or None.
    """
    first, last = tokens.starts[subject[0]], tokens.ends[subject[1] - 1]
    for start, end in spans:
        if start < last and end > first:
            lo = bisect_left(tokens.starts, sentence_start(start))
            return subject_before(text, tokens, bisect_left(tokens.starts, start), lo)
    return subject
