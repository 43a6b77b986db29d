"""Link tickers: the inline "related" headlines some outlets print after a name.

The Hill writes, after the first mention of a politician, the person's full
name glued to a run of headlines of its other stories, closed by a capital
"MORE": "Sen. Jane Doe Jane Q. DoeDoe unveils tax plan Senate passes bill
MORE (D-Ohio) said on Tuesday ...". Such headlines report nothing the article
says ("Doe unveils", "FERC nominees criticized"), and their words are no one's
name. :func:`link_tickers` finds these spans; the quote finder gives no quote
to a cue inside one, reads a speaker phrase running into one from the
words before it and takes a ticker out of a content (:func:`without_tickers`).

A ticker is taken from the end of the name's mention to the closing "MORE"
when, within :data:`_REACH` characters before that "MORE", the mention's last
word comes again after one to four capitalised words (the full name: "Jane
Doe Jane Q. Doe", "Jeff Roe Jeffrey (Jeff) Lane Roe"), glued to the headline
after it ("DoeDoe", "McCaskillGOP", "McCain2020") or not ("Hoyer Hoyer calls");
a "MORE" alone or a glued word alone ("ObamaCare") is no ticker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from operator import itemgetter

from ..text import Tokens
from .phrases import subject_before

__all__ = ["in_ticker", "link_tickers", "ticker_subject", "without_tickers"]

_MORE = re.compile(r"(?<![A-Za-z])MORE(?![A-Za-z])")
# a name's last word, one to four capitalised words (or a nickname in brackets), and the word again
_REPEATED = re.compile(
    r"\b([A-Z][\w'\u2019-]*[a-z])((?: (?:[A-Z][\w.'\u2019-]*|\([A-Z][\w.'\u2019-]*\))){1,4}) \1(?=[A-Z0-9]| [A-Z])"
)
_REACH = 700  # characters a ticker's headlines run before "MORE"


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
        name = _REPEATED.search(text, lo, more.start())
        while name is not None:  # "Mazie Doe Mazie Q. Doe": the last word repeated, not the first name
            later = _REPEATED.search(text, name.start() + 1, more.start())
            if later is None or later.start() >= name.end(1) + len(name.group(2)):
                break
            name = later
        if name is not None:
            spans.append((name.end(1), more.end()))
        prev = more.end()
    return spans


def in_ticker(spans: list[tuple[int, int]], pos: int) -> int:
    """The index of the ticker of ``spans`` (sorted) holding offset ``pos``, else -1."""
    k = bisect_right(spans, pos, key=itemgetter(0)) - 1
    return k if k >= 0 and spans[k][0] <= pos < spans[k][1] else -1


def _overlapping(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The tickers of ``spans`` (sorted, disjoint) that overlap ``[start, end)``, found by bisection."""
    k = bisect_right(spans, start, key=itemgetter(1))
    found = []
    while k < len(spans) and spans[k][0] < end:
        found.append(spans[k])
        k += 1
    return found


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
    for start, _ in _overlapping(spans, first, last):
        lo = bisect_left(tokens.starts, sentence_start(start))
        return subject_before(text, tokens, bisect_left(tokens.starts, start), lo)
    return subject


# the party and state label The Hill prints after a ticker: "(D-Ohio)", "(R-S.C.)", "(Md.)"
_LABEL = re.compile(r"\s*\([A-Z][\w.-]{0,12}\)")
_EDGE = " \t\n,;:\u2014\u2013-"


def without_tickers(
    text: str, spans: list[tuple[int, int]], contents: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The content spans ``contents`` with the tickers of ``spans`` (and the label after one) cut out.

    A content holding a ticker becomes the parts before and after it (one quote record each, as a quote
    interrupted by its attribution); a part with no letter is dropped.

    Examples
    --------
    >>> text = "He said Sen. Ann Roe Ann Q. RoeRoe backs farm bill MORE (D-Ohio) will vote no."
    >>> (s, e), = link_tickers(text)
    >>> [text[a:b] for a, b in without_tickers(text, [(s, e)], [(8, len(text) - 1)])]
    ['Sen. Ann Roe', 'will vote no']
    """
    out: list[tuple[int, int]] = []
    for s, e in contents:
        inside = _overlapping(spans, s, e)
        if not inside:
            out.append((s, e))
            continue
        parts = [(s, e)]
        for ts, te in inside:
            label = _LABEL.match(text, te)
            te = label.end() if label else te
            parts = [p for a, b in parts for p in ((a, min(b, ts)), (max(a, te), b)) if p[1] > p[0]]
        for a, b in parts:
            while a < b and text[a] in _EDGE:
                a += 1
            while b > a and text[b - 1] in _EDGE:
                b -= 1
            if any(ch.isalpha() for ch in text[a:b]):
                out.append((a, b))
    return out
