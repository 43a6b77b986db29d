"""What a model knows about its own inputs: the training profile and out-of-distribution warnings.

:func:`training_profile` records, at training time, how long the training
texts were (words, 5th/50th/95th percentile) and how often each label
occurred. :func:`input_warnings` compares one input with that profile and
with the model's word vocabulary: an empty text, a text far shorter than
the training texts, or one with almost no known words (another language,
not news text) gets a warning, and for the worst cases the label is
withheld (``label`` is ``None`` and the scores are the training label
shares) instead of a confident guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..text import count_words

__all__ = ["MIN_VOCABULARY", "MIN_WORDS", "input_warnings", "training_profile", "word_vocabulary"]

MIN_WORDS = {"sentence": 2, "article": 5, "spans": 1}
"""Below this many words the label is withheld (per unit)."""

MIN_KNOWN_SHARE = 0.5
"""Below this share of known words (on a real vocabulary) the label is withheld."""

MIN_VOCABULARY = 2000
"""A vocabulary smaller than this (a toy model) is not used to judge inputs."""


def training_profile(docs: Sequence[str], labels: Sequence[Any], *, multilabel: bool = False) -> dict[str, Any]:
    """Length percentiles (in words) of the training texts and, for one-label tasks, the label counts.

    Examples
    --------
    >>> training_profile(["One two three.", "Four five."], ["a", "b"])
    {'words': {'p05': 2.05, 'median': 2.5, 'p95': 2.95}, 'label_counts': {'a': 1, 'b': 1}}
    """
    words = np.asarray([count_words(d) for d in docs], dtype=float) if len(docs) else np.zeros(1)
    out: dict[str, Any] = {"words": {k: round(float(np.percentile(words, q)), 6)
                                     for k, q in (("p05", 5), ("median", 50), ("p95", 95))}}
    if not multilabel:
        out["label_counts"] = dict(sorted(Counter(str(v) for v in labels).items()))
    return out


def _word_splitter(vectorizer: TfidfVectorizer) -> Any:
    tokenize, preprocess = vectorizer.build_tokenizer(), vectorizer.build_preprocessor()
    return lambda text: tokenize(preprocess(text))


def word_vocabulary(estimator: Any) -> tuple[Any, set[str]] | None:
    """The word tokenizer and the single-word vocabulary of a model's word TF-IDF, if it has one."""
    todo = [estimator]
    while todo:
        est = todo.pop(0)
        if isinstance(est, TfidfVectorizer) and est.analyzer == "word" and hasattr(est, "vocabulary_"):
            words = {t for t in est.vocabulary_ if " " not in t}
            return _word_splitter(est), words
        todo.extend(step for _, step in getattr(est, "steps", []))
        todo.extend(t for _, t in getattr(est, "transformer_list", []))
        if hasattr(est, "vectorizer_"):
            todo.append(est.vectorizer_)
    return None


def input_warnings(text: str, *, task: str, unit: str, profile: dict[str, Any] | None,
                   vocabulary: tuple[Any, set[str]] | None) -> tuple[list[str], bool]:
    """Warnings about one input, and whether its label should be withheld.

    Examples
    --------
    >>> input_warnings("", task="article-leaning", unit="article", profile=None, vocabulary=None)
    (['empty text: no words to classify; the label is withheld'], True)
    >>> profile = {"words": {"p05": 150.0, "median": 600.0, "p95": 2000.0}}
    >>> input_warnings("test sentence", task="article-leaning", unit="article", profile=profile,
    ...                vocabulary=None)[0]
    ['2 words: the article-leaning model was trained on articles of 150 to 2000 words (5th to 95th percentile); the label is withheld']
    """
    n = count_words(text)
    if n == 0:
        return ["empty text: no words to classify; the label is withheld"], True
    warnings: list[str] = []
    withhold = False
    words = (profile or {}).get("words")
    if n < MIN_WORDS.get(unit, 1) or (words and n < 0.5 * float(words["p05"])):
        span = (f"{unit}s of {words['p05']:g} to {words['p95']:g} words (5th to 95th percentile)" if words
                else f"{unit}s")
        withhold = n < MIN_WORDS.get(unit, 1)
        warnings.append(f"{n} word{'s' * (n != 1)}: the {task} model was trained on {span}; "
                        + ("the label is withheld" if withhold else "its scores are less reliable here"))
    if vocabulary is not None and len(vocabulary[1]) >= MIN_VOCABULARY:
        tokens = vocabulary[0](text)
        if tokens:
            known = sum(t in vocabulary[1] for t in tokens)
            if known / len(tokens) < MIN_KNOWN_SHARE:
                withhold = True
                warnings.append(f"only {known} of {len(tokens)} words are in the model's vocabulary "
                                "(another language, or not news text?); the label is withheld")
    return warnings, withhold
