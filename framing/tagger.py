"""Universal part-of-speech tags for framing's word tokens, offline.

The tagger tells the verb "claims" from the noun "claims". It is NLTK's
greedy averaged perceptron (:class:`nltk.tag.perceptron.PerceptronTagger`;
Collins 2002, as implemented by Honnibal 2013) trained on the Universal
Dependencies English Web Treebank (Silveira et al., LREC 2014) and shipped as
package data (``framing/data/pos-ewt.json.gz``, CC BY-SA 4.0, with its
provenance in ``framing/data/pos-ewt.json``; see :func:`tagger_info`). The
weights are read from JSON on first use, never at import time, never from
``nltk_data`` and never over the network.

The model was trained on the treebank re-tokenized the way it is used: the
word tokens of :func:`framing.text.tokenize` (``didn't`` and ``U.S`` are one
token each), with the punctuation between them as extra context tokens whose
tags are dropped. Each sentence of the text (:func:`framing.text.split_sentences`)
is tagged on its own. ``docs/tagger.md`` has the measured accuracy.

The scoring loop runs compiled (``framing._tagger_core``, Cython) when the
package was built with its extensions and :data:`framing.text.COMPILED` is
true (``FRAMING_PURE_PYTHON=1`` or :func:`framing.text.use_compiled` turn it
off); the pure-Python loop is the reference, with identical tags
(``tests/test_tagger_compiled.py``).

Examples
--------
>>> from framing.text import tokenize
>>> text = "She claims the claims are false."
>>> tag(tokenize(text), text)
['PRON', 'VERB', 'DET', 'NOUN', 'AUX', 'ADJ']
"""

from __future__ import annotations

import gzip
import json
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from . import text as _text
from ._compiled import optional_extension
from ._tagger_features import (
    END,
    FEATURE_SETS,
    START,
    lexicon_entries,
    normalize,
    perceptron_class,
    word_shape,
)
from ._tagger_input import _check_inputs, _segment, _sentence_bounds, tagger_input
from ._validation import check_int, parameter_error
from .text import Sentence, Tokens

__all__ = [
    "FEATURE_SETS",
    "MODEL_NAME",
    "UPOS_TAGS",
    "Tagger",
    "load_tagger",
    "perceptron_class",
    "tag",
    "tag_window",
    "tagger_info",
    "tagger_input",
    "word_shape",
]

MODEL_NAME = "pos-ewt"
"""The shipped model: ``framing/data/<MODEL_NAME>.json.gz`` and its sidecar ``.json``."""

UPOS_TAGS = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
)
"""The 17 Universal POS tags (https://universaldependencies.org/u/pos/)."""

GAP_TAG = "PUNCT"
"""The training tag of the punctuation tokens between words (context only)."""

_KERNEL_FEATURES = {"nltk": 0, "framing-2": 2, "framing-3": 3}  # framing._tagger_core.tag_forms' codes
_MAX_CACHE = 30_000  # the normalised-form cache is cleared past this many forms (about 4 MB)


class Tagger:
    """A part-of-speech tagger over framing tokens: an NLTK averaged perceptron.

    Parameters
    ----------
    perceptron : nltk.tag.perceptron.PerceptronTagger
        A trained model (its ``model.weights``, ``tagdict`` and ``classes``).
    lexicon : mapping, default=None
        A ``framing-3`` model's word lexicon as JSON (``{"word_classes": {"sizes": ..., "classes": ...}}``,
        see :func:`framing._tagger_features.lexicon_entries`); its entries are set on the perceptron.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> tagger = load_tagger()
    >>> text = "Critics claim he lied."
    >>> tagger.tag(tokenize(text), text)
    ['NOUN', 'VERB', 'PRON', 'VERB']
    """

    def __init__(self, perceptron: Any, lexicon: Mapping[str, Any] | None = None) -> None:
        self._perceptron = perceptron
        self._weights: dict[str, dict[str, float]] = {}
        self._tagdict: dict[str, str] = {}
        self._classes: set[str] = set()
        self._features: str = getattr(type(perceptron), "feature_set", "nltk")
        self._set_lexicon(lexicon)
        if self._features == "framing-3":
            perceptron.lexicon, perceptron.unknown = self._lexicon, self._unknown
        self._init_caches()

    def _set_lexicon(self, lexicon: Mapping[str, Any] | None) -> None:
        self._lexicon_json: dict[str, Any] | None = None if lexicon is None else dict(lexicon)
        self._lexicon, self._unknown = lexicon_entries({"lexicon": lexicon})

    def _init_caches(self) -> None:
        self._norms: dict[str, str] = {}  # form -> its normalised form (the features' context)
        self._model: Any = None  # the compiled kernel's view of the weights, built on first use
        self._model_of: tuple[int, int] = (0, 0)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Tagger:
        """A tagger from ``{"weights": ..., "tagdict": ..., "classes": [...]}`` (see :meth:`to_json`).

        The model is kept as read; NLTK's perceptron object (:attr:`perceptron`)
        is built from it only when something asks for it, so that tagging with
        the compiled kernel does not import nltk.
        """
        missing = sorted({"weights", "tagdict", "classes"} - set(obj))
        if missing:
            raise parameter_error("obj", "Tagger.from_json", "a mapping with weights, tagdict and classes",
                                  f"a mapping without {missing}")
        features = obj.get("features", "nltk")
        if features not in FEATURE_SETS:
            raise parameter_error("obj", "Tagger.from_json", f"a 'features' entry in {FEATURE_SETS}",
                                  repr(features))
        tagger = cls.__new__(cls)
        tagger._perceptron = None
        tagger._weights = dict(obj["weights"])
        tagger._tagdict = dict(obj["tagdict"])
        tagger._classes = set(obj["classes"])
        tagger._features = features
        if features == "framing-3" and not isinstance(obj.get("lexicon"), Mapping):
            raise parameter_error("obj", "Tagger.from_json", "a 'lexicon' mapping for the framing-3 features",
                                  f"{type(obj.get('lexicon')).__name__}")
        tagger._set_lexicon(obj.get("lexicon") if features == "framing-3" else None)
        tagger._init_caches()
        return tagger

    @property
    def perceptron(self) -> Any:
        """NLTK's perceptron (:func:`perceptron_class` of :attr:`features`) holding this model.

        Built on first access for a tagger read by :meth:`from_json` (this
        imports nltk), around the same weights and tag dictionary (not copies).
        """
        if self._perceptron is None:
            p = perceptron_class(self._features)(load=False)
            p.model.weights = self._weights
            p.tagdict = self._tagdict
            p.classes = p.model.classes = self._classes
            if self._features == "framing-3":
                p.lexicon, p.unknown = self._lexicon, self._unknown
            self._perceptron = p
        return self._perceptron

    def _parts(self) -> tuple[dict[str, dict[str, float]], dict[str, str], set[str]]:
        """The weights, the tag dictionary and the classes (the perceptron's, once it exists)."""
        p = self._perceptron
        if p is None:
            return self._weights, self._tagdict, self._classes
        return p.model.weights, p.tagdict, p.classes

    @property
    def tagdict(self) -> dict[str, str]:
        """The model's tag dictionary: the forms that always take one tag (no scoring)."""
        return self._parts()[1]

    @property
    def classes(self) -> set[str]:
        """The tags the model chooses from."""
        return self._parts()[2]

    def to_json(self) -> dict[str, Any]:
        """The model as JSON-ready data: feature weights, the tag dictionary, the classes and the feature set."""
        weights, tagdict, classes = self._parts()
        out = {"weights": weights, "tagdict": tagdict, "classes": sorted(classes), "features": self.features}
        if self._lexicon_json is not None:
            out["lexicon"] = self._lexicon_json
        return out

    @property
    def features(self) -> str:
        """The model's feature set, one of :data:`FEATURE_SETS`."""
        return self._features

    def tag_forms(self, forms: Sequence[str], *, stop: int | None = None) -> list[str]:
        """Tags of one sequence of forms (a sentence as :func:`tagger_input` builds it).

        With ``stop``, only ``forms[:stop]`` are tagged, the forms after them
        still serving as context: the same tags as ``tag_forms(forms)[:stop]``
        (a tag depends on the tags before it and on the two forms after it),
        for less work.

        Examples
        --------
        >>> tagger = load_tagger()
        >>> forms = ["She", "claims", "the", "claims", "are", "false", "."]
        >>> tagger.tag_forms(forms, stop=2) == tagger.tag_forms(forms)[:2]
        True
        """
        if not forms:
            return []
        if _core is not None and _text.COMPILED and self.classes:
            return self._tag_compiled(forms, stop)
        return self._tag_reference(forms, stop)

    def knows(self, word: str) -> bool:
        """Whether ``word`` (as written) was a word of the training data.

        Examples
        --------
        >>> tagger = load_tagger()
        >>> tagger.knows("traffic"), tagger.knows("zyxwv")
        (True, False)
        """
        weights, tagdict, _ = self._parts()
        return word in tagdict or f"i word {word}" in weights

    def _context(self, forms: Sequence[str]) -> list[str]:
        """The perceptron's context: its START pair, the normalised forms, its END pair."""
        norms = self._norms
        if len(norms) > _MAX_CACHE:
            norms.clear()
        return [*START, *[norms.get(w) or self._normalize(w) for w in forms], *END]

    def _tag_compiled(self, forms: Sequence[str], stop: int | None) -> list[str]:
        """:meth:`tag_forms` by the compiled kernel (``framing._tagger_core``)."""
        weights, tagdict, classes = self._parts()
        model = self._model
        if model is None or self._model_of != (id(weights), id(tagdict)):
            model = self._model = _core.Model(weights, tagdict, classes, self._lexicon, self._unknown)
            self._model_of = (id(weights), id(tagdict))
        forms = list(forms)
        end = len(forms) if stop is None else slice(None, stop).indices(len(forms))[1]
        start, start2 = START
        tags: list[str] = _core.tag_forms(model, forms, self._context(forms), end,
                                          _KERNEL_FEATURES[self.features], start, start2)
        return tags

    def _tag_reference(self, forms: Sequence[str], stop: int | None) -> list[str]:
        """:meth:`tag_forms` in pure Python: the reference the compiled kernel must match."""
        if stop is None:
            return [t for _, t in self.perceptron.tag(list(forms))]
        p = self.perceptron
        weights, tagdict, classes = p.model.weights, p.tagdict, sorted(p.classes)
        context = self._context(forms)
        prev, prev2 = p.START
        inline = self.features == "nltk"
        out: list[str] = []
        for i, word in enumerate(forms[:stop]):
            tag = tagdict.get(word)
            if not tag:
                # NLTK's AveragedPerceptron.predict without its per-call overhead; for NLTK's own
                # feature set the features are built inline, in _get_features' order (the scores
                # are the same floats; every feature string is distinct, so each counts once)
                scores = dict.fromkeys(classes, 0.0)
                if inline:
                    k = i + 2
                    before, here, after = context[k - 1], context[k], context[k + 1]
                    feats: Any = ((f, 1) for f in (
                        "bias",
                        "i suffix " + word[-3:],
                        "i pref1 " + (word[0] if word else ""),
                        "i-1 tag " + prev,
                        "i-2 tag " + prev2,
                        "i tag+i-2 tag " + prev + " " + prev2,
                        "i word " + here,
                        "i-1 tag+i word " + prev + " " + here,
                        "i-1 word " + before,
                        "i-1 suffix " + before[-3:],
                        "i-2 word " + context[k - 2],
                        "i+1 word " + after,
                        "i+1 suffix " + after[-3:],
                        "i+2 word " + context[k + 2],
                    ))
                else:  # framing's richer sets: the perceptron's own feature function
                    feats = p._get_features(i, word, context, prev, prev2).items()
                for feat, value in feats:
                    w = weights.get(feat)
                    if w is not None and value:
                        for label, weight in w.items():
                            scores[label] += value * weight
                # NLTK's max(classes, key=(score, label)): the greatest label of the best score
                best = max(scores.values())
                tag = max([label for label, score in scores.items() if score == best])
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def _normalize(self, word: str) -> str:
        """The perceptron's ``normalize`` of ``word`` (:func:`normalize` until it exists), kept in a cache."""
        p = self._perceptron
        norm: str = normalize(word, self._features) if p is None else p.normalize(word)
        self._norms[word] = norm
        return norm

    def tag(self, tokens: Tokens, text: str, *, sentences: Sequence[Sentence] | None = None) -> list[str]:
        """The UPOS tag of every token, sentence by sentence. See :func:`tag`."""
        _check_inputs(tokens, text, "tag")
        out: list[str] = []
        for lo, hi, left, right in _sentence_bounds(tokens, text, sentences):
            forms, positions = _segment(tokens, text, lo, hi, left, right)
            tags = self.tag_forms(forms)
            out.extend(tags[p] for p in positions)
        return out

    def tag_window(
        self,
        tokens: Tokens,
        text: str,
        indices: Iterable[int],
        *,
        width: int = 4,
        sentences: Sequence[Sentence] | None = None,
    ) -> list[str]:
        """The UPOS tags of the tokens at ``indices`` only. See :func:`tag_window`."""
        _check_inputs(tokens, text, "tag_window")
        width = check_int(width, name="width", owner="tag_window", low=0)
        wanted = list(indices)
        n = len(tokens)
        for i in wanted:
            if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < n:
                raise parameter_error("indices", "tag_window", f"token indices in [0, {n})", i)
        if not wanted:
            return []
        bounds = _sentence_bounds(tokens, text, sentences)
        firsts = [b[0] for b in bounds]
        # windows [lo, hi) clipped to their sentence, merged when they touch
        windows: list[list[int]] = []
        for i in sorted(set(wanted)):
            s_lo, s_hi, s_left, s_right = bounds[bisect_left(firsts, i + 1) - 1]
            lo, hi = max(s_lo, i - width), min(s_hi, i + width + 1)
            if windows and windows[-1][0] == s_lo and lo <= windows[-1][2]:
                windows[-1][2] = max(windows[-1][2], hi)
            else:
                windows.append([s_lo, lo, hi, s_hi, s_left, s_right])
        found: dict[int, str] = {}
        starts, ends = tokens.starts, tokens.ends
        wanted_set = set(wanted)
        for s_lo, lo, hi, s_hi, s_left, s_right in windows:
            left = s_left if lo == s_lo else ends[lo - 1]
            right = s_right if hi == s_hi else starts[hi]
            forms, positions = _segment(tokens, text, lo, hi, left, right)
            # A tag depends on the tags before it and on the forms after it
            # only: the window is tagged up to its last wanted token.
            last = max(k for k in range(lo, hi) if k in wanted_set)
            tags = self.tag_forms(forms, stop=positions[last - lo] + 1)
            found.update((k, tags[positions[k - lo]]) for k in range(lo, last + 1))
        return [found[i] for i in wanted]


_core: Any = optional_extension("_tagger_core")


def _data_file(suffix: str) -> Any:
    return resources.files("framing").joinpath("data").joinpath(f"{MODEL_NAME}{suffix}")


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    """The shipped tagger (read once from package data, then cached).

    Examples
    --------
    >>> sorted(load_tagger().classes) == sorted(UPOS_TAGS)
    True
    """
    with _data_file(".json.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return Tagger.from_json(json.load(f))


def tagger_info() -> dict[str, Any]:
    """The shipped model's sidecar: licence, attribution, provenance and measured accuracy.

    Examples
    --------
    >>> info = tagger_info()
    >>> info["licence"], info["tagset"]
    ('CC-BY-SA-4.0', 'UPOS')
    """
    result: dict[str, Any] = json.loads(_data_file(".json").read_text(encoding="utf-8"))
    return result


def tag(tokens: Tokens, text: str, *, sentences: Sequence[Sentence] | None = None) -> list[str]:
    """The Universal POS tag of each word token of ``text``.

    Parameters
    ----------
    tokens : Tokens
        The word tokens of ``text`` (:func:`framing.text.tokenize`).
    text : str
        The text the tokens come from: the tagger reads each word's case and
        the punctuation around it.
    sentences : sequence of Sentence, default=None
        The sentences of ``text`` (:func:`framing.text.split_sentences`, which
        is run when ``None``); each is tagged on its own.

    Returns
    -------
    list of str
        One of :data:`UPOS_TAGS` per token.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "The report states that the states refused. Officials didn\u2019t comment."
    >>> list(zip(tokenize(text).norms, tag(tokenize(text), text)))  # doctest: +NORMALIZE_WHITESPACE
    [('the', 'DET'), ('report', 'NOUN'), ('states', 'VERB'), ('that', 'SCONJ'), ('the', 'DET'),
     ('states', 'NOUN'), ('refused', 'VERB'), ('officials', 'NOUN'), ("didn't", 'AUX'),
     ('comment', 'VERB')]
    """
    return load_tagger().tag(tokens, text, sentences=sentences)


def tag_window(
    tokens: Tokens,
    text: str,
    indices: Iterable[int],
    *,
    width: int = 4,
    sentences: Sequence[Sentence] | None = None,
) -> list[str]:
    """The UPOS tags of the tokens at ``indices``, tagging only around them.

    Each index is tagged inside a window of ``width`` tokens either side,
    clipped to its sentence (overlapping windows are tagged once), so a few
    candidate words of a long article cost a few windows, not the article.
    Tags agree with :func:`tag` on almost every token (``docs/tagger.md``).

    Parameters
    ----------
    tokens : Tokens
        The word tokens of ``text``.
    text : str
        The text the tokens come from.
    indices : iterable of int
        Token indices in ``[0, len(tokens))``; repeats are allowed.
    width : int, default=4
        Tokens of context on each side.
    sentences : sequence of Sentence, default=None
        The sentences of ``text`` (computed when ``None``).

    Returns
    -------
    list of str
        The tag of each index, in the order given.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "Officials denied the claims. The company claims it did nothing wrong."
    >>> toks = tokenize(text)
    >>> hits = [i for i, w in enumerate(toks.norms) if w == "claims"]
    >>> tag_window(toks, text, hits)
    ['NOUN', 'VERB']
    >>> tag_window(toks, text, [99])
    Traceback (most recent call last):
    ...
    ValueError: The 'indices' parameter of tag_window must be token indices in [0, 11). Got 99 instead.
    """
    return load_tagger().tag_window(tokens, text, indices, width=width, sentences=sentences)
