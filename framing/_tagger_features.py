"""The feature sets of framing's part-of-speech perceptron (:mod:`framing.tagger`).

``"nltk"`` is NLTK's :class:`~nltk.tag.perceptron.PerceptronTagger` as it
is; ``"framing-2"`` (the shipped model's) adds the features that NLTK's set
lacks on framing's tokens. ``framing/_tagger_core.pyx`` builds the same
feature strings in compiled code: a change here must be made there too
(``tests/test_tagger_compiled.py`` compares the two).
"""

from __future__ import annotations

import re
from functools import cache

from ._validation import parameter_error

__all__ = ["END", "FEATURE_SETS", "START", "normalize", "perceptron_class", "word_shape"]

FEATURE_SETS = ("nltk", "framing-2")
"""The feature sets a model may be trained with: NLTK's own, or framing's richer set
(:func:`perceptron_class`). A model's JSON names its set (``"features"``)."""
_REPEATS = re.compile(r"(.)\1+")

START = ("-START-", "-START2-")
"""The context before a sentence: NLTK's ``PerceptronTagger.START`` (both feature sets)."""
END = ("-END-", "-END2-")
"""The context after a sentence: NLTK's ``PerceptronTagger.END``."""


def normalize(word: str, features: str = "framing-2") -> str:
    """The form a word has in the perceptron's context, as the feature set's ``normalize`` gives it.

    ``"nltk"``: NLTK's ``PerceptronTagger.normalize`` (a hyphenated word is
    ``!HYPHEN``); ``"framing-2"``: the same without that rule. Neither needs
    an import of nltk, so a loaded model tags without it
    (``tests/test_tagger_compiled.py`` compares them with the classes').

    Examples
    --------
    >>> normalize("Full-fledged", "nltk"), normalize("Full-fledged"), normalize("2016"), normalize("3rd")
    ('!HYPHEN', 'full-fledged', '!YEAR', '!DIGITS')
    """
    if features == "nltk" and "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


def word_shape(word: str) -> str:
    """The shape of a word: ``X`` upper, ``x`` lower, ``d`` digit, other characters as they are,
    runs collapsed (the first 12 characters).

    Examples
    --------
    >>> word_shape("McCain"), word_shape("U.S"), word_shape("2016"), word_shape("full-fledged")
    ('XxXx', 'X.X', 'd', 'x-x')
    """
    out = []
    for ch in word[:12]:
        out.append("X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch)
    return _REPEATS.sub(r"\1", "".join(out))


@cache
def perceptron_class(features: str = "framing-2") -> type:
    """NLTK's :class:`~nltk.tag.perceptron.PerceptronTagger` with the feature set ``features``.

    ``"nltk"`` is NLTK's class as it is. ``"framing-2"`` keeps NLTK's
    features and adds what costs it accuracy on framing's tokens: a
    hyphenated word keeps its own form (NLTK maps every one to
    ``!HYPHEN``) and its last part; suffixes of 1, 2 and 4 characters, the
    first three letters, the word as written (case kept) and its shape
    (case, digits); the previous tag with the suffix and with the shape; the
    word pairs with each neighbour; the suffix two words on.

    Examples
    --------
    >>> cls = perceptron_class("framing-2")
    >>> feats = cls(load=False)._get_features(0, "Full-fledged", ["-START-", "-START2-",
    ...        "full-fledged", "-END-", "-END2-"], "-START-", "-START2-")
    >>> [f for f in feats if f.startswith(("i word ", "i hyph", "i shape "))]
    ['i shape Xx-x', 'i word full-fledged', 'i hyph-last fledged', 'i hyph-last suffix ged']
    """
    from nltk.tag.perceptron import PerceptronTagger

    if features == "nltk":
        return PerceptronTagger
    if features != "framing-2":
        raise parameter_error("features", "perceptron_class", f"one of {FEATURE_SETS}", repr(features))

    class FramingPerceptron(PerceptronTagger):
        """NLTK's averaged perceptron with framing's feature set ``framing-2``."""

        def normalize(self, word: str) -> str:
            return normalize(word, "framing-2")

        def _get_features(
            self, i: int, word: str, context: list[str], prev: str, prev2: str
        ) -> dict[str, int]:
            i += len(self.START)
            w, before, after = context[i], context[i - 1], context[i + 1]
            suffix, shape = word[-3:], word_shape(word)
            names = [
                "bias",
                "i suffix " + suffix,
                "i suffix1 " + word[-1:],
                "i suffix2 " + word[-2:],
                "i suffix4 " + word[-4:],
                "i pref1 " + word[:1],
                "i pref3 " + w[:3],
                "i shape " + shape,
                "i form " + word,
                "i-1 tag+i shape " + prev + " " + shape,
                "i shape+i+1 word " + shape + " " + after,
                "i-1 tag " + prev,
                "i-2 tag " + prev2,
                "i tag+i-2 tag " + prev + " " + prev2,
                "i word " + w,
                "i-1 tag+i word " + prev + " " + w,
                "i-1 tag+i suffix " + prev + " " + suffix,
                "i-1 word " + before,
                "i-1 word+i word " + before + " " + w,
                "i-1 suffix " + before[-3:],
                "i-2 word " + context[i - 2],
                "i+1 word " + after,
                "i word+i+1 word " + w + " " + after,
                "i+1 suffix " + after[-3:],
                "i+2 word " + context[i + 2],
                "i+2 suffix " + context[i + 2][-3:],
            ]
            if "-" in w[1:]:
                last = w.rsplit("-", 1)[1]
                names.append("i hyph-last " + last)
                names.append("i hyph-last suffix " + last[-3:])
            return dict.fromkeys(names, 1)

    return FramingPerceptron
