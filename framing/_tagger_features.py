"""The feature sets of framing's part-of-speech perceptron (:mod:`framing.tagger`).

``"nltk"`` is NLTK's :class:`~nltk.tag.perceptron.PerceptronTagger` as it
is; ``"framing-2"`` adds the features that NLTK's set lacks on framing's
tokens; ``"framing-3"`` (the shipped model's) adds the distributional word
classes of the word and its neighbours, from a word lexicon that ships
inside the model (:func:`lexicon_entries`). ``framing/_tagger_core.pyx`` builds the same
feature strings in compiled code: a change here must be made there too
(``tests/test_tagger_compiled.py`` compares the two).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ._validation import parameter_error

__all__ = ["END", "FEATURE_SETS", "START", "lexicon_entries", "normalize", "perceptron_class", "word_shape"]

FEATURE_SETS = ("nltk", "framing-2", "framing-3")
"""The feature sets a model may be trained with: NLTK's own, or framing's richer sets
(:func:`perceptron_class`). A model's JSON names its set (``"features"``)."""
_REPEATS = re.compile(r"(.)\1+")

START = ("-START-", "-START2-")
"""The context before a sentence: NLTK's ``PerceptronTagger.START`` (both feature sets)."""
END = ("-END-", "-END2-")
"""The context after a sentence: NLTK's ``PerceptronTagger.END``."""


def normalize(word: str, features: str = "framing-3") -> str:
    """The form a word has in the perceptron's context, as the feature set's ``normalize`` gives it.

    ``"nltk"``: NLTK's ``PerceptronTagger.normalize`` (a hyphenated word is
    ``!HYPHEN``); ``"framing-2"`` and ``"framing-3"``: the same without that rule. Neither needs
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


def lexicon_entries(model: Mapping[str, Any]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The ``framing-3`` word lexicon of a model JSON: ``{normalised form: (class per size, ...)}`` and
    the entry of a form it lacks (``"?"`` per size).

    ``model["lexicon"]["word_classes"]`` is ``{"sizes": [...], "classes": {form: [class per size]}}``
    (:func:`framing.evaluation.wordclasses.build_word_classes`).

    Examples
    --------
    >>> lex, unknown = lexicon_entries({"lexicon": {"word_classes": {"sizes": [2, 4],
    ...     "classes": {"claims": [1, 3], "says": [0, 2]}}}})
    >>> lex["claims"], lex["says"], unknown
    (('1', '3'), ('0', '2'), ('?', '?'))
    """
    word_classes = (model.get("lexicon") or {}).get("word_classes", {})
    classes: Mapping[str, Sequence[int]] = word_classes.get("classes", {})
    unknown = ("?",) * len(word_classes.get("sizes", ()))
    return {form: tuple(str(c) for c in ids) for form, ids in classes.items()}, unknown


def _names(
    i: int, word: str, context: Sequence[str], prev: str, prev2: str,
    lexicon: Mapping[str, tuple[str, ...]] | None, unknown: tuple[str, ...],
) -> list[str]:
    """The feature names of ``framing-2`` (``lexicon`` None) or ``framing-3``, in the compiled kernel's order."""
    i += len(START)
    w, before, after, after2 = context[i], context[i - 1], context[i + 1], context[i + 2]
    suffix, shape = word[-3:], word_shape(word)
    names = [  # the form's own features first: the compiled kernel caches their scores per form
        "bias",
        "i suffix " + suffix,
        "i suffix1 " + word[-1:],
        "i suffix2 " + word[-2:],
        "i suffix4 " + word[-4:],
        "i pref1 " + word[:1],
        "i pref3 " + w[:3],
        "i shape " + shape,
        "i form " + word,
    ]
    if lexicon is not None:
        here = lexicon.get(w, unknown)
        names.extend(f"i c{k} " + c for k, c in enumerate(here))
    names += [
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
        "i+2 word " + after2,
        "i+2 suffix " + after2[-3:],
    ]
    if lexicon is not None:
        left, right, right2 = (lexicon.get(x, unknown) for x in (before, after, after2))
        for k in range(len(here)):
            names.append(f"i-1 c{k} " + left[k])
            names.append(f"i+1 c{k} " + right[k])
        if here:
            m = min(1, len(here) - 1)  # the class the combinations read: the second size (the first if one)
            names += [
                "i-1 tag+i cm " + prev + " " + here[m],
                "i cm+i+1 cm " + here[m] + " " + right[m],
                "i-1 cm+i cm " + left[m] + " " + here[m],
                "i+2 cm " + right2[m],
            ]
    if "-" in w[1:]:
        last = w.rsplit("-", 1)[1]
        names.append("i hyph-last " + last)
        names.append("i hyph-last suffix " + last[-3:])
    return names


@cache
def perceptron_class(features: str = "framing-3") -> type:
    """NLTK's :class:`~nltk.tag.perceptron.PerceptronTagger` with the feature set ``features``.

    ``"nltk"`` is NLTK's class as it is. ``"framing-2"`` keeps NLTK's
    features and adds what costs it accuracy on framing's tokens: a
    hyphenated word keeps its own form (NLTK maps every one to
    ``!HYPHEN``) and its last part; suffixes of 1, 2 and 4 characters, the
    first three letters, the word as written (case kept) and its shape
    (case, digits); the previous tag with the suffix and with the shape; the
    word pairs with each neighbour; the suffix two words on. ``"framing-3"``
    (the shipped model's) adds the distributional word classes
    (:mod:`framing.evaluation.wordclasses`) read from the instance's
    ``lexicon`` (:func:`lexicon_entries`): the class of the word and of
    each neighbour at every size, and, at the second size, the word's class
    with the previous tag, with the previous and with the next word's class,
    and the class two words on.

    Examples
    --------
    >>> cls = perceptron_class("framing-2")
    >>> feats = cls(load=False)._get_features(0, "Full-fledged", ["-START-", "-START2-",
    ...        "full-fledged", "-END-", "-END2-"], "-START-", "-START2-")
    >>> [f for f in feats if f.startswith(("i word ", "i hyph", "i shape "))]
    ['i shape Xx-x', 'i word full-fledged', 'i hyph-last fledged', 'i hyph-last suffix ged']
    >>> p = perceptron_class("framing-3")(load=False)
    >>> p.lexicon, p.unknown = {"she": ("5", "40"), "claims": ("3", "17")}, ("?", "?")
    >>> args = (1, "claims", ["-START-", "-START2-", "she", "claims", "-END-", "-END2-"], "PRON", "-START-")
    >>> [f for f in p._get_features(*args) if f not in cls(load=False)._get_features(*args)]
    ['i c0 3', 'i c1 17', 'i-1 c0 5', 'i+1 c0 ?', 'i-1 c1 40', 'i+1 c1 ?', 'i-1 tag+i cm PRON 17', \
'i cm+i+1 cm 17 ?', 'i-1 cm+i cm 40 17', 'i+2 cm ?']
    """
    from nltk.tag.perceptron import PerceptronTagger

    if features == "nltk":
        return PerceptronTagger
    if features not in FEATURE_SETS:
        raise parameter_error("features", "perceptron_class", f"one of {FEATURE_SETS}", repr(features))
    rich = features == "framing-3"

    class FramingPerceptron(PerceptronTagger):
        """NLTK's averaged perceptron with one of framing's feature sets."""

        feature_set = features

        def __init__(self, load: bool = True) -> None:
            super().__init__(load=load)
            self.lexicon: dict[str, tuple[str, ...]] = {}
            self.unknown: tuple[str, ...] = ("?",)

        def normalize(self, word: str) -> str:
            return normalize(word, features)

        def _get_features(
            self, i: int, word: str, context: list[str], prev: str, prev2: str
        ) -> dict[str, int]:
            names = _names(i, word, context, prev, prev2, self.lexicon if rich else None, self.unknown)
            return dict.fromkeys(names, 1)

    FramingPerceptron.__name__ = FramingPerceptron.__qualname__ = (
        "FramingPerceptron" if features == "framing-2" else "FramingPerceptron3")
    return FramingPerceptron
