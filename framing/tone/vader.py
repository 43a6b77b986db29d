"""Sentence tone with VADER: the shipped lexicon, NLTK's rules, and the words behind each score.

VADER (Hutto & Gilbert 2014) scores a text by summing the valence of the
lexicon words it contains (-4 to +4, the mean of ten human ratings), after
rules for negation ("not good"), boosters and dampeners ("very", "slightly"),
ALL-CAPS emphasis, "but" (the words after it count 1.5 times, the words before
it half), a few idioms, and "!"/"?" emphasis. The sum is normalised into the
``compound`` score in ``[-1, 1]``: ``x / sqrt(x**2 + 15)``. VADER's thresholds
call a compound ``<= -0.05`` negative, ``>= 0.05`` positive, and anything in
between neutral (:func:`tone_label`).

The rules are NLTK's (:class:`nltk.sentiment.vader.SentimentIntensityAnalyzer`),
their constants shipped as data (``framing/data/vader_rules.json``,
:func:`vader_constants`); the lexicon is the one of vaderSentiment 3.3.2,
shipped in the package (``framing/data/vader_lexicon.txt``, MIT licence,
provenance in ``vader_lexicon.json``). Both are read through
:mod:`importlib.resources` on the first score, never at import time and
never from ``nltk_data`` (NLTK's own default needs ``nltk.download``), and
scoring does not import nltk at all (its package imports scikit-learn, SciPy
and pandas: about 180 MB); :func:`vader_analyzer`, NLTK's own class with the
shipped lexicon, is the reference the tests compare with.
Two changes make it faster and keep every score equal to NLTK's
(``tests/test_tone.py`` compares them on the BABE sentences): the words are
split token by token (:func:`vader_words`, the list NLTK builds through a
dict of every word and mark pair), and a text with no lexicon word scores
0.0 without the rule walk; the compound is computed without NLTK's three
other scores (:func:`~framing.tone.vader_rules.compound_of`).

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal

from .. import text as _text
from . import vader_rules as _vader_rules
from .vader_rules import _KNOWN, Rules, _strip_marks, compound_of

if TYPE_CHECKING:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "ToneWord",
    "compound_of",
    "explain_sentence",
    "rules",
    "score_and_explain",
    "sentence_tone",
    "tone_label",
    "vader_analyzer",
    "vader_constants",
    "vader_lexicon",
    "vader_lexicon_info",
    "vader_words",
]

NEGATIVE_THRESHOLD = -0.05
"""A compound score at or below this is negative (VADER's README)."""

POSITIVE_THRESHOLD = 0.05
"""A compound score at or above this is positive (VADER's README)."""

_LEXICON_FILE = "vader_lexicon.txt"
_SIDECAR_FILE = "vader_lexicon.json"
_RULES_FILE = "vader_rules.json"


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
def vader_lexicon() -> dict[str, float]:
    """The shipped VADER lexicon: each token's valence, parsed as NLTK's ``make_lex_dict`` does.

    Read on first use through :mod:`importlib.resources` (no ``nltk_data``,
    no import of nltk). A token listed twice keeps its last valence, as in NLTK.

    Examples
    --------
    >>> vader_lexicon()["disaster"], len(vader_lexicon())
    (-3.1, 7506)
    """
    text = (resources.files("framing") / "data" / _LEXICON_FILE).read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in text.split("\n"):
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


@lru_cache(maxsize=1)
def vader_constants() -> SimpleNamespace:
    """The constants of VADER's rules, NLTK's ``VaderConstants`` as shipped data (``vader_rules.json``).

    ``BOOSTER_DICT``, ``SPECIAL_CASE_IDIOMS``, ``NEGATE``, ``PUNC_LIST``,
    ``B_INCR``, ``B_DECR``, ``C_INCR`` and ``N_SCALAR``, as NLTK defines them
    (``tests/test_tone.py`` checks that they are NLTK's), so that scoring
    needs no import of nltk.

    Examples
    --------
    >>> c = vader_constants()
    >>> c.N_SCALAR, c.BOOSTER_DICT["very"], "never" in c.NEGATE
    (-0.74, 0.293, True)
    """
    data = json.loads((resources.files("framing") / "data" / _RULES_FILE).read_text(encoding="utf-8"))
    names = ("BOOSTER_DICT", "SPECIAL_CASE_IDIOMS", "NEGATE", "PUNC_LIST", "B_INCR", "B_DECR", "C_INCR",
             "N_SCALAR")
    return SimpleNamespace(**{name: data[name] for name in names})


@lru_cache(maxsize=1)
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyzer with the shipped lexicon (built once, on first use; imports nltk).

    The reference and NLTK's other scores: framing's own scores
    (:func:`sentence_tone`, :func:`score_and_explain`) come from :func:`rules`,
    which needs no nltk.

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
            self.lexicon = vader_lexicon()
            self.constants = VaderConstants()
            self._rules = rules()

        def walk(self, text: str) -> tuple[list[str], list[float]]:
            """VADER's words of ``text`` and each one's valence after the rules (NLTK's loop)."""
            return self._rules.walk(text)

        def compound(self, text: str) -> float:
            """``polarity_scores(text)["compound"]``, faster (no other score is computed)."""
            return self._rules.compound(text)

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
    return rules().compound(text)


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
    return score_and_explain(text)[1]


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
    r = rules()
    if r.walker is not None and _text.COMPILED and type(text) is str:
        found: tuple[float, list[ToneWord]] = r.walker.explain(text, offset)
        return found
    return _explain_reference(text, offset)


def _explain_reference(text: str, offset: int = 0) -> tuple[float, list[ToneWord]]:
    """:func:`score_and_explain` by the Python loop (the reference of the compiled walk)."""
    r = rules()
    entries = r.entries(text)
    if not any(map(_KNOWN, entries)):
        return 0.0, []
    sentiments = r.valences(entries, [e[0] for e in entries])
    compound = compound_of(sentiments, text)
    lexicon = r.lexicon
    starts: list[int] | None = None
    out: list[ToneWord] = []
    for j in compress(range(len(entries)), map(_KNOWN, entries)):
        word, lower, _, token = entries[j]
        if len(text) <= _SHORT and text.count(token) == 1:  # a scan per word only on a short text
            at = text.find(token)
        else:
            if starts is None:
                starts = _token_starts(text, [e[3] for e in entries])
            at = starts[j]
        at += max(token.find(word), 0)
        out.append(ToneWord(at + offset, at + offset + len(word), text[at:at + len(word)], lexicon[lower],
                            float(sentiments[j])))
    return compound, out


_SHORT = 2_000
"""Up to this length a sentence finds a word occurring once by scanning for it; longer ones walk it once."""


def _token_starts(text: str, tokens: list[str]) -> list[int]:
    """The offsets of ``tokens``, the whitespace tokens of ``text`` in order (maybe some left out).

    Each is the first occurrence after the previous one: only whitespace and
    left-out tokens lie between, and no token starts inside them.
    """
    starts: list[int] = []
    at = 0
    for token in tokens:
        at = text.find(token, at)
        starts.append(at)
        at += len(token)
    return starts


@lru_cache(maxsize=1)
def rules() -> Rules:
    """VADER's rules over the shipped lexicon (built once, on first use, without nltk).

    Its walk runs compiled when the package has its extension
    (``framing._vader_core``) and :data:`framing.text.COMPILED` is true.

    Examples
    --------
    >>> rules().compound("The plan is a disaster.") == sentence_tone("The plan is a disaster.")
    True
    >>> [e[0] for e in rules().entries('A "terrible," day')]
    ['"terrible,"', 'day']
    """
    found = Rules(vader_lexicon(), vader_constants())
    if _vader_rules._core is not None:
        found.walker = _vader_rules._core.Walker(
            found, _strip_marks, ToneWord, found.compound_reference, _explain_reference)
    return found
