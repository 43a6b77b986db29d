"""Training the second pass of the two-pass tagger (:mod:`framing._tagger_second`) on EWT train.

The second pass learns from first-pass tags made the way they will be made
at prediction time, on text the first pass has not seen: EWT train is cut
into :data:`N_FOLDS` folds (sentence ``j`` in fold ``j % N_FOLDS``), a
first pass with the shipped features and iterations is trained on the other
folds and tags each fold (jackknifing). The second perceptron is then trained on
every train sentence with those tags (``train_second_pass``).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from .._tagger_features import perceptron_class
from .._tagger_second import second_names
from ..tagger import Tagger

__all__ = ["N_FOLDS", "jackknife_tags", "train_second_pass"]

N_FOLDS = 4
"""The folds of the jackknifed first-pass tags (4: 0.9446 on EWT dev, as measured in ``docs/tagger.md``)."""


def jackknife_tags(
    data: Sequence[list[tuple[str, str]]], lexicon: Mapping[str, Any], *, n_iter: int, random_state: int = 0,
    n_folds: int = N_FOLDS,
) -> list[list[str]]:
    """The first-pass tags of each training sentence by a ``framing-3`` model trained without its fold."""
    out: list[list[str]] = [[] for _ in data]
    state = random.getstate()
    try:
        for k in range(n_folds):
            perceptron = perceptron_class("framing-3")(load=False)
            tagger = Tagger(perceptron, lexicon)
            random.seed(random_state)
            perceptron.train([s for j, s in enumerate(data) if j % n_folds != k], nr_iter=n_iter)
            for j in range(k, len(data), n_folds):
                out[j] = tagger.tag_forms([w for w, _ in data[j]])
    finally:
        random.setstate(state)
    return out


def train_second_pass(
    data: Sequence[list[tuple[str, str]]], first: Tagger, *, n_iter: int, random_state: int = 0,
    n_folds: int = N_FOLDS,
) -> dict[str, dict[str, float]]:
    """The averaged weights of the second pass, trained on ``data`` with jackknifed first-pass tags.

    ``first`` is the first pass trained on all of ``data`` (its tag
    dictionary, classes and word lexicon are the second pass's).
    """
    from nltk.tag.perceptron import AveragedPerceptron

    lexicon_json = first.to_json().get("lexicon") or {}
    tags = jackknife_tags(data, lexicon_json, n_iter=n_iter, random_state=random_state, n_folds=n_folds)
    lexicon, unknown = first._lexicon, first._unknown
    tagdict = first.tagdict
    model = AveragedPerceptron()
    model.classes = set(first.classes)
    sentences = list(zip(data, tags))
    state = random.getstate()
    random.seed(random_state)
    try:
        for _ in range(n_iter):
            for sentence, first_tags in sentences:
                words = [w for w, _ in sentence]
                context = first._context(words)
                for i, (word, gold) in enumerate(sentence):
                    if tagdict.get(word):
                        continue
                    feats = dict.fromkeys(second_names(i, word, context, first_tags, lexicon, unknown), 1)
                    guess, _ = model.predict(feats)
                    model.update(gold, guess, feats)
            random.shuffle(sentences)
    finally:
        random.setstate(state)
    model.average_weights()
    weights: dict[str, dict[str, float]] = model.weights
    return weights
