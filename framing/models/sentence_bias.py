"""The sentence-bias task: is a news sentence worded in a biased way (BABE).

Its estimator (:func:`make_estimator`) and its corpus loader
(:func:`load_corpus`); the task's entry is in :mod:`framing.models.tasks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MaxAbsScaler

from ..features import LexiconFeaturizer
from .compact import CalibratedLinearClassifier, CompactTfidfVectorizer
from .data import _data_home_for

__all__ = ["SENTENCE_LEXICONS", "load_corpus", "make_estimator"]

SENTENCE_LEXICONS = ("loaded_language", "epistemic", "reporting_verbs", "persuasion", "moral_foundations")
"""Lexicons whose counts feed the sentence-bias model."""


def make_estimator(random_state: int = 0, *, embeddings: bool = False) -> Pipeline:
    """Word 1-2-gram and character 2-5-gram TF-IDF plus lexicon counts, logistic regression.

    Parameters
    ----------
    random_state : int, default=0
    embeddings : bool, default=False
        Add a fourth block, the sentence embeddings of
        :class:`~framing.features.embeddings.SentenceEmbedder` (needs the
        ``embeddings`` extra).

    Returns
    -------
    Pipeline
        Steps ``features`` (a FeatureUnion) and ``classifier``.

    Examples
    --------
    >>> [name for name, _ in make_estimator().named_steps["features"].transformer_list]
    ['words', 'chars', 'framing']
    """
    features = FeatureUnion([
        ("words", CompactTfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
        ("chars", CompactTfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                         min_df=2, max_features=100_000)),
        ("framing", Pipeline([
            ("lexicons", LexiconFeaturizer(list(SENTENCE_LEXICONS), measure="count")),
            ("scale", MaxAbsScaler()),
        ])),
    ])
    if embeddings:
        from ..features.embeddings import SentenceEmbedder

        features.transformer_list.append(("embeddings", SentenceEmbedder()))
    clf = CalibratedLinearClassifier(C=3.0, max_iter=3000, random_state=random_state)
    return Pipeline([("features", features), ("classifier", clf)])


def load_corpus(path: Path) -> dict[str, Any] | None:
    """BABE's SG2 sentences (without "no agreement") from a ``babe/`` folder, else None."""
    if not (path / "final_labels_SG2.csv").exists():
        return None
    from .. import datasets

    df = datasets.load_babe(_data_home_for(path, "babe"))
    df = df[df["label"] != "no agreement"]
    return {"texts": df["text"].tolist(), "labels": df["label"].tolist(), "groups": None,
            "source": f"BABE SG2 ({path})"}
