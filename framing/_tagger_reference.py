"""The pure-Python scoring loops of :class:`framing.tagger.Tagger`: the reference of the compiled kernel.

``framing/_tagger_core.pyx`` must give the same tags (``tests/test_tagger_compiled.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from ._tagger_second import second_names

__all__ = ["first_reference", "second_reference"]


def first_reference(p: Any, context: Sequence[str], forms: Sequence[str], stop: int, inline: bool) -> list[str]:
    """The greedy left-to-right tags of ``forms[:stop]`` by NLTK's perceptron ``p`` (``inline``: NLTK's features).

    ``context`` is the normalised forms between the START and END pairs.
    """
    weights, tagdict, classes = p.model.weights, p.tagdict, sorted(p.classes)
    prev, prev2 = p.START
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
                feats = p._get_features(i, word, list(context), prev, prev2).items()
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


def second_reference(
    weights: Mapping[str, Mapping[str, float]], tagdict: Mapping[str, str], classes: Collection[str],
    context: Sequence[str], forms: Sequence[str], first: Sequence[str], at: Sequence[int],
    lexicon: Mapping[str, tuple[str, ...]], unknown: tuple[str, ...],
) -> list[str]:
    """The second pass's tags of the positions ``at`` (:func:`framing._tagger_second.second_names`).

    ``first`` is the first pass's tags, up to two words past the last position when the sentence has them.
    """
    labels = sorted(classes)
    out: list[str] = []
    for i in at:
        tag = tagdict.get(forms[i])
        if not tag:
            scores = dict.fromkeys(labels, 0.0)
            for feat in dict.fromkeys(second_names(i, forms[i], context, first, lexicon, unknown)):
                for label, weight in weights.get(feat, {}).items():
                    if label in scores:
                        scores[label] += weight
            best = max(scores.values())
            tag = max([label for label, score in scores.items() if score == best])
        out.append(tag)
    return out
