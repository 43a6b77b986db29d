"""Sentence tone with VADER: the shipped lexicon, NLTK's rules, and the words behind each score.

VADER (Hutto & Gilbert 2014) scores a text by summing the valence of the
lexicon words it contains (-4 to +4, the mean of ten human ratings), after
rules for negation ("not good"), boosters and dampeners ("very", "slightly"),
ALL-CAPS emphasis, "but" (the words after it count 1.5 times, the words before
it half), a few idioms, and "!"/"?" emphasis. The sum is normalised into the
``compound`` score in ``[-1, 1]``: ``x / sqrt(x**2 + 15)``. VADER's thresholds
call a compound ``<= -0.05`` negative, ``>= 0.05`` positive, and anything in
between neutral (:func:`tone_label`).

The rules are NLTK's (:class:`nltk.sentiment.vader.SentimentIntensityAnalyzer`);
the lexicon is the one of vaderSentiment 3.3.2, shipped in the package
(``framing/data/vader_lexicon.txt``, MIT licence, provenance in
``vader_lexicon.json``). It is read through :mod:`importlib.resources` on the
first score, never at import time and never from ``nltk_data``: NLTK's own
default needs ``nltk.download``, and NLTK 3.10 refuses ``file:`` URLs outside
its data folders, so the analyzer is built from the lexicon text directly.
Two changes make it faster and keep every score equal to NLTK's
(``tests/test_tone.py`` compares them on the BABE sentences): the words are
split token by token (:func:`vader_words`, the list NLTK builds through a
dict of every word and mark pair), and a text with no lexicon word scores
0.0 without the rule walk.

Reference: Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text. ICWSM-14.

Examples
--------
>>> sentence_tone("The plan is a disaster.")
-0.6249
>>> tone_label(sentence_tone("The plan is not a disaster."))
'positive'
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "ToneWord",
    "explain_sentence",
    "score_and_explain",
    "sentence_tone",
    "tone_label",
    "vader_analyzer",
    "vader_lexicon_info",
    "vader_words",
]

NEGATIVE_THRESHOLD = -0.05
"""A compound score at or below this is negative (VADER's README)."""

POSITIVE_THRESHOLD = 0.05
"""A compound score at or above this is positive (VADER's README)."""

_LEXICON_FILE = "vader_lexicon.txt"
_SIDECAR_FILE = "vader_lexicon.json"
_WORD = re.compile(r"\S+")
_PUNCTUATION = string.punctuation
"""What NLTK's ``REGEX_REMOVE_PUNCTUATION`` removes: ASCII punctuation."""
_HAS_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")


def _check_text(text: Any, owner: str) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"The 'text' parameter of {owner} must be a str. Got {type(text).__name__} instead."
        )
    return text


@lru_cache(maxsize=1)
def vader_lexicon_info() -> dict[str, Any]:
    """The provenance of the shipped VADER lexicon (its JSON sidecar).

    Examples
    --------
    >>> info = vader_lexicon_info()
    >>> info["name"], info["version"], info["licence"]
    ('vader_lexicon', '3.3.2', 'MIT')
    """
    path = resources.files("framing") / "data" / _SIDECAR_FILE
    info: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return info


@lru_cache(maxsize=1)
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyzer with the shipped lexicon (built once, on first use).

    Returns
    -------
    nltk.sentiment.vader.SentimentIntensityAnalyzer
        ``polarity_scores(text)`` gives ``neg``, ``neu``, ``pos`` and
        ``compound``; ``lexicon`` maps each token to its valence.

    Examples
    --------
    >>> vader_analyzer().lexicon["disaster"]
    -3.1
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    text = (resources.files("framing") / "data" / _LEXICON_FILE).read_text(encoding="utf-8")

    class _ShippedLexiconAnalyzer(SentimentIntensityAnalyzer):
        # NLTK's __init__ only loads the file (through nltk.data) and parses it.
        def __init__(self, lexicon_text: str) -> None:
            self.lexicon_file = lexicon_text
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()
            self._rules = _Rules(self.lexicon, self.constants)

        def walk(self, text: str) -> tuple[list[str], list[float]]:
            """VADER's words of ``text`` and each one's valence after the rules (NLTK's loop)."""
            return self._rules.walk(text)

        def polarity_scores(self, text: str) -> dict[str, float]:
            words, sentiments = self.walk(text)
            if words and not any(sentiments):  # what score_valence gives when no word has a valence
                return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
            return self.score_valence(sentiments, text)

    return _ShippedLexiconAnalyzer(text)


def vader_words(text: str, punc_list: Sequence[str]) -> list[str]:
    """VADER's words of ``text``: whitespace tokens of 2+ characters, one run of marks stripped.

    The same list as NLTK's ``SentiText.words_and_emoticons``: a token that is
    a word (no ASCII punctuation, 2+ characters) plus a leading or a trailing
    run of marks from ``punc_list`` ("disaster," "!!wow") loses the run; any
    other token stays as it is (emoticons, "U.S.", '"terrible,"').

    Examples
    --------
    >>> vader_words('It was "terrible," a :) day, wow!!', [",", '"', "!!"])
    ['It', 'was', '"terrible,"', ':)', 'day', 'wow']
    """
    marks = set(punc_list)
    return [_strip_marks(token, marks) for token in text.split() if len(token) > 1]


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


_MAX_TOKENS = 200_000  # the token cache is cleared when it grows past this many forms


class _Rules:
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
        # token -> (VADER word, its lower case, whether the lower case is a lexicon word)
        self._tokens: dict[str, tuple[str, str, bool]] = {}

    def _token(self, token: str) -> tuple[str, str, bool]:
        if len(self._tokens) >= _MAX_TOKENS:
            self._tokens.clear()
        word = _strip_marks(token, self.marks)
        lower = word.lower()
        entry = self._tokens[token] = (word, lower, lower in self.lexicon)
        return entry

    def _negated(self, lower: str) -> bool:
        """NLTK's ``VaderConstants.negated([word])`` of one word, from its lower case."""
        return lower in self.negate or "n't" in lower

    def walk(self, text: str) -> tuple[list[str], list[float]]:
        cache = self._tokens
        entries = [cache.get(t) or self._token(t) for t in text.split() if len(t) > 1]
        words = [e[0] for e in entries]
        if not any(e[2] for e in entries):
            return words, [0.0] * len(words)  # what the loop gives: no word has a valence
        lowers = [e[1] for e in entries]
        known = [e[2] for e in entries]
        lexicon, boosters = self.lexicon, self.boosters
        n = len(words)
        allcaps = sum(1 for w in words if w.isupper())
        is_cap_diff = 0 < n - allcaps < n
        first_index: dict[str, int] = {}
        for k, w in enumerate(words):
            first_index.setdefault(w, k)
        last = n - 1
        c_incr, n_scalar = self.c_incr, self.n_scalar
        sentiments: list[float] = []
        for item, lower, in_lexicon in entries:
            if not in_lexicon:
                sentiments.append(0)
                continue
            i = first_index[item]  # NLTK reads the context of the word's first occurrence
            if (i < last and lower == "kind" and lowers[i + 1] == "of") or lower in boosters:
                sentiments.append(0)
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
            sentiments.append(valence)
        if "but" in lowers:  # _but_check
            bi = lowers.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        return words, sentiments

    def _never(self, valence: float, words: list[str], lowers: list[str], start_i: int, i: int) -> float:
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


def sentence_tone(text: str) -> float:
    """VADER's compound score of ``text``, in ``[-1, 1]`` (0.0 for a text with no lexicon word).

    Parameters
    ----------
    text : str
        A sentence, or any span (a quote's content).

    Examples
    --------
    >>> sentence_tone("Officials praised the brave rescuers.")
    0.765
    >>> sentence_tone("The meeting is on Tuesday.")
    0.0
    """
    _check_text(text, "sentence_tone")
    return float(vader_analyzer().polarity_scores(text)["compound"])


def tone_label(compound: float) -> Literal["negative", "neutral", "positive"]:
    """VADER's label of a compound score: ``<= -0.05`` negative, ``>= 0.05`` positive.

    Examples
    --------
    >>> tone_label(-0.05), tone_label(0.0), tone_label(0.3)
    ('negative', 'neutral', 'positive')
    """
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    return "neutral"


@dataclass(frozen=True, slots=True)
class ToneWord:
    """A VADER lexicon word of a text: its span, its valence, and what it added to the score.

    Attributes
    ----------
    start, end : int
        ``text[start:end] == word``.
    word : str
        The word as it stands in the text (punctuation stripped as VADER does).
    valence : float
        Its valence in the lexicon (-4 to +4).
    contribution : float
        What it adds to the sum the compound normalises, after VADER's rules
        (negation, boosters, caps, "but"); 0.0 when a rule drops the word
        ("kind" in "kind of"). The compound is ``x / sqrt(x**2 + 15)`` of the
        sum of the contributions, plus the "!"/"?" emphasis with its sign.
    """

    start: int
    end: int
    word: str
    valence: float
    contribution: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"start": self.start, "end": self.end, "word": self.word,
                "valence": self.valence, "contribution": self.contribution}


def explain_sentence(text: str) -> list[ToneWord]:
    """The VADER lexicon words of ``text`` with their valence and their part of the score.

    The walk that gives :func:`sentence_tone`, keeping each word's
    valence: the contributions, put back through VADER's normalisation, give
    exactly :func:`sentence_tone` (``tests/test_tone.py`` checks it on every
    BABE sentence).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of ToneWord
        In text order.

    Examples
    --------
    >>> text = "The plan is not a disaster, but it is very weak."
    >>> [(w.word, w.valence, round(w.contribution, 3)) for w in explain_sentence(text)]
    [('disaster', -3.1, 1.147), ('weak', -1.9, -3.29)]
    >>> w = explain_sentence(text)[0]
    >>> text[w.start:w.end]
    'disaster'
    """
    _check_text(text, "explain_sentence")
    sia = vader_analyzer()
    words, sentiments = sia.walk(text)
    out: list[ToneWord] = []
    for (start, end), item, value in zip(_word_spans(text, words), words, sentiments):
        valence = sia.lexicon.get(item.lower())
        if valence is not None:
            out.append(ToneWord(start, end, text[start:end], valence, float(value)))
    return out


def score_and_explain(text: str, offset: int = 0) -> tuple[float, list[ToneWord]]:
    """VADER's compound of ``text`` and its lexicon words, from one walk.

    :func:`sentence_tone` and :func:`explain_sentence` in one pass: the tone
    family scores each sentence this way and keeps the words of the sentences
    that mention an entity for the tone toward it. The words' offsets are
    shifted by ``offset`` (the position of ``text`` in the article).

    Examples
    --------
    >>> compound, words = score_and_explain("A brave rescue.", offset=10)
    >>> compound == sentence_tone("A brave rescue."), [(w.word, w.start) for w in words]
    (True, [('brave', 12), ('rescue', 18)])
    """
    sia = vader_analyzer()
    words, sentiments = sia.walk(text)
    compound = float(sia.score_valence(sentiments, text)["compound"])
    if not any(sentiments) and not any(w.lower() in sia.lexicon for w in words):
        return compound, []
    out: list[ToneWord] = []
    for (start, end), item, value in zip(_word_spans(text, words), words, sentiments):
        valence = sia.lexicon.get(item.lower())
        if valence is not None:
            out.append(ToneWord(start + offset, end + offset, text[start:end], valence, float(value)))
    return compound, out


def _word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """The offsets of VADER's words: its whitespace tokens of 2+ characters, maybe stripped of one mark."""
    spans: list[tuple[int, int]] = []
    tokens = [m for m in _WORD.finditer(text) if m.end() - m.start() > 1]
    for m, word in zip(tokens, words):
        offset = m.group().find(word)
        start = m.start() + max(offset, 0)
        spans.append((start, start + len(word)))
    return spans
