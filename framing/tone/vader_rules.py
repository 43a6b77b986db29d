"""VADER's rules as NLTK applies them, with the bookkeeping done once per distinct token.

:class:`Rules` walks a text the way NLTK's
``SentimentIntensityAnalyzer.polarity_scores`` does up to the sum, and
:func:`compound_of` turns the valences into NLTK's compound without the other
three scores; :mod:`framing.tone.vader` builds them from the shipped lexicon.
The walk runs compiled (``framing._vader_core``, Cython) when the package was
built with its extensions and :data:`framing.text.COMPILED` is true
(``FRAMING_PURE_PYTHON=1`` or :func:`framing.text.use_compiled` turn it off);
the Python loop here is the reference, with identical compounds
(``tests/test_vader_compiled.py``).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence
from itertools import compress
from operator import itemgetter
from typing import Any

from .. import text as _text
from .._compiled import optional_extension

__all__ = ["Entry", "Rules", "compound_of"]

_PUNCTUATION = string.punctuation
"""What NLTK's ``REGEX_REMOVE_PUNCTUATION`` removes: ASCII punctuation."""
_HAS_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")


def _strip_marks(token: str, marks: set[str] | frozenset[str]) -> str:
    """One whitespace token (2+ characters) as VADER keeps it (:func:`vader_words`)."""
    last, first = token[-1], token[0]
    if last in _PUNCTUATION:
        core = token.rstrip(_PUNCTUATION)
        if len(core) > 1 and token[len(core):] in marks and not _HAS_PUNCTUATION.search(core):
            return core
    elif first in _PUNCTUATION:
        core = token.lstrip(_PUNCTUATION)
        if len(core) > 1 and token[: len(token) - len(core)] in marks and not _HAS_PUNCTUATION.search(core):
            return core
    return token


def compound_of(sentiments: Sequence[float], text: str) -> float:
    """NLTK's ``score_valence(sentiments, text)["compound"]``: the same arithmetic, none of the other scores.

    The sum of the valences, moved away from 0 by the emphasis of up to
    four "!" (0.292 each) and of two or more "?" (0.18 each, 0.96 from
    four), normalised as ``x / sqrt(x**2 + 15)`` and rounded to 4 digits.

    Examples
    --------
    >>> from framing.tone.vader import vader_analyzer
    >>> sia = vader_analyzer()
    >>> compound_of([1.9, 0, -0.5], "Good, not bad!!") == sia.score_valence([1.9, 0, -0.5], "Good, not bad!!")["compound"]
    True
    """
    if not sentiments:
        return 0.0
    sum_s = float(sum(sentiments))
    if sum_s:
        ep_count = min(text.count("!"), 4)
        qm_count = text.count("?")
        qm_amplifier: float = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        emphasis = ep_count * 0.292 + qm_amplifier
        if sum_s > 0:
            sum_s += emphasis
        else:
            sum_s -= emphasis
    return round(sum_s / math.sqrt((sum_s * sum_s) + 15), 4)


Entry = tuple[str, str, bool, str]
"""A VADER word: the word, its lower case, whether that is a lexicon word, the whitespace token it is from."""
_KNOWN = itemgetter(2)
_MAX_TOKENS = 50_000  # the token cache is cleared when it grows past this many forms (as the compiled walk's)


class Rules:
    """NLTK's VADER rules (``SentimentIntensityAnalyzer.polarity_scores`` up to the sum), faster.

    The same arithmetic in the same order as NLTK 3.9's ``sentiment_valence``,
    ``_never_check``, ``_idioms_check``, ``_least_check`` and ``_but_check``,
    so every valence is the same float; what changes is the bookkeeping: each
    whitespace token's VADER word, its lower case and whether it is a
    lexicon word are computed once per distinct token (a cache), and
    the per-word lookups read lists instead of calling methods.
    ``tests/test_tone.py`` and ``tests/test_identity_speed.py`` compare the
    scores with NLTK's on real sentences.
    """

    def __init__(self, lexicon: dict[str, float], constants: Any) -> None:
        self.lexicon = lexicon
        self.boosters: dict[str, float] = dict(constants.BOOSTER_DICT)
        self.idioms: dict[str, float] = dict(constants.SPECIAL_CASE_IDIOMS)
        self.negate = frozenset(constants.NEGATE)
        self.c_incr: float = constants.C_INCR
        self.b_decr: float = constants.B_DECR
        self.n_scalar: float = constants.N_SCALAR
        self.marks = frozenset(constants.PUNC_LIST)
        # token -> (VADER word, its lower case, whether the lower case is a lexicon word, the token);
        # () for a token of one character, which VADER leaves out
        self._tokens: dict[str, Entry | tuple[()]] = {}
        self.walker: Any = None
        """The compiled walk (``framing._vader_core.Walker``) once :mod:`framing.tone.vader` attaches it."""

    def _token(self, token: str) -> Entry | tuple[()]:
        if len(self._tokens) >= _MAX_TOKENS:
            self._tokens.clear()
        if len(token) < 2:
            self._tokens[token] = ()
            return ()
        word = _strip_marks(token, self.marks)
        lower = word.lower()
        entry = self._tokens[token] = (word, lower, lower in self.lexicon, token)
        return entry

    def _negated(self, lower: str) -> bool:
        """NLTK's ``VaderConstants.negated([word])`` of one word, from its lower case."""
        return lower in self.negate or "n't" in lower

    def entries(self, text: str) -> list[Entry]:
        """Each VADER word of ``text``: the word, its lower case, whether that is a lexicon word, its token."""
        got = list(map(self._tokens.get, text.split()))
        if None in got:
            token = self._token
            for k, t in enumerate(text.split()):
                if got[k] is None:
                    got[k] = token(t)
        return [e for e in got if e]  # () is falsy: the tokens VADER leaves out

    def walk(self, text: str) -> tuple[list[str], list[float]]:
        entries = self.entries(text)
        words = [e[0] for e in entries]
        if not any(map(_KNOWN, entries)):
            return words, [0.0] * len(words)  # what the loop gives: no word has a valence
        return words, self.valences(entries, words)

    def compound(self, text: str) -> float:
        """NLTK's ``polarity_scores(text)["compound"]``, without the other three scores.

        Compiled when the walker is attached and :data:`framing.text.COMPILED`
        is true; :meth:`compound_reference` otherwise (the same float).
        """
        if self.walker is not None and _text.COMPILED and type(text) is str:
            value: float = self.walker.compound(text)
            return value
        return self.compound_reference(text)

    def compound_reference(self, text: str) -> float:
        """:meth:`compound` by the Python loop (the reference of the compiled walk)."""
        entries = self.entries(text)
        if not any(map(_KNOWN, entries)):
            return 0.0
        return compound_of(self.valences(entries, [e[0] for e in entries]), text)

    def valences(self, entries: list[Entry], words: list[str]) -> list[float]:
        """Each word's valence after the rules (NLTK's loop), from :meth:`entries` and their words."""
        _, lowers, known, _ = zip(*entries)
        lexicon, boosters = self.lexicon, self.boosters
        n = len(words)
        allcaps = sum(map(str.isupper, words))
        is_cap_diff = 0 < n - allcaps < n
        last = n - 1
        c_incr, n_scalar = self.c_incr, self.n_scalar
        sentiments: list[float] = [0] * n  # 0 for the words that are not in the lexicon
        for k in compress(range(n), known):
            item, lower = words[k], lowers[k]
            i = words.index(item)  # NLTK reads the context of the word's first occurrence
            if (i < last and lower == "kind" and lowers[i + 1] == "of") or lower in boosters:
                continue
            valence = lexicon[lower]
            if is_cap_diff and item.isupper():
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            for start_i in range(0, 3):
                j = i - (start_i + 1)
                if i > start_i and not known[j]:
                    s = 0.0  # VaderConstants.scalar_inc_dec
                    lj = lowers[j]
                    if lj in boosters:
                        s = boosters[lj]
                        if valence < 0:
                            s *= -1
                        if words[j].isupper() and is_cap_diff:
                            if valence > 0:
                                s += c_incr
                            else:
                                s -= c_incr
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = self._never(valence, words, lowers, start_i, i)
                    if start_i == 2:
                        valence = self._idioms(valence, words, i)
            # _least_check
            if i > 1 and not known[i - 1] and lowers[i - 1] == "least":
                if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                    valence = valence * n_scalar
            elif i > 0 and not known[i - 1] and lowers[i - 1] == "least":
                valence = valence * n_scalar
            sentiments[k] = valence
        if "but" in lowers:  # _but_check
            bi = lowers.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        return sentiments

    def _never(self, valence: float, words: list[str], lowers: Sequence[str], start_i: int, i: int) -> float:
        """NLTK's ``_never_check``."""
        if start_i == 0:
            if self._negated(lowers[i - 1]):
                valence = valence * self.n_scalar
        elif start_i == 1:
            if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                valence = valence * 1.5
            elif self._negated(lowers[i - 2]):
                valence = valence * self.n_scalar
        else:
            if ((words[i - 3] == "never" and (words[i - 2] == "so" or words[i - 2] == "this"))
                    or (words[i - 1] == "so" or words[i - 1] == "this")):
                valence = valence * 1.25
            elif self._negated(lowers[i - 3]):
                valence = valence * self.n_scalar
        return valence

    def _idioms(self, valence: float, words: list[str], i: int) -> float:
        """NLTK's ``_idioms_check`` (only reached with ``i > 2``)."""
        idioms = self.idioms
        onezero = f"{words[i - 1]} {words[i]}"
        twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
        twoone = f"{words[i - 2]} {words[i - 1]}"
        threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
        threetwo = f"{words[i - 3]} {words[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in idioms:
                valence = idioms[seq]
                break
        if len(words) - 1 > i:
            zeroone = f"{words[i]} {words[i + 1]}"
            if zeroone in idioms:
                valence = idioms[zeroone]
        if len(words) - 1 > i + 1:
            zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
            if zeroonetwo in idioms:
                valence = idioms[zeroonetwo]
        if threetwo in self.boosters or twoone in self.boosters:
            valence = valence + self.b_decr
        return valence


_core: Any = optional_extension("_vader_core")
