"""The article-leaning task: the political leaning of a news article (AllSides).

Its estimator (:func:`make_estimator`) and its corpus loader
(:func:`load_corpus`); the task's entry is in :mod:`framing.models.tasks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from ..features import AttributionFeaturizer, LexiconFeaturizer
from .compact import CalibratedLinearClassifier, CompactTfidfVectorizer
from .data import _data_home_for

__all__ = ["ARTICLE_LEXICONS", "article_text", "load_corpus", "make_estimator"]

ARTICLE_LEXICONS = (
    "loaded_language", "epistemic", "reporting_verbs", "persuasion", "moral_foundations",
    "policy_frames", "source_roles",
)
"""Lexicons whose rates feed the article-leaning model."""


def make_estimator(random_state: int = 0) -> Pipeline:
    """Word 1-2-gram TF-IDF plus lexicon rates and attribution features (standardised), logistic regression.

    Examples
    --------
    >>> [name for name, _ in make_estimator().named_steps["features"].transformer_list]
    ['words', 'framing']
    """
    features = FeatureUnion([
        ("words", CompactTfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=3,
                                         max_features=300_000, dtype=np.float32)),
        ("framing", Pipeline([
            ("features", FeatureUnion([
                ("lexicons", LexiconFeaturizer(list(ARTICLE_LEXICONS), measure="rate")),
                ("attribution", AttributionFeaturizer()),
            # The featurizers' names are already unique ("<lexicon>__<category>",
            # "attribution__*"): no second prefix ("framing__attribution__attribution__...").
            ], verbose_feature_names_out=False)),
            ("scale", StandardScaler()),
        ])),
    ])
    clf = CalibratedLinearClassifier(C=10.0, solver="sgd", max_iter=20, random_state=random_state)
    return Pipeline([("features", features), ("classifier", clf)])


def article_text(title: Any, text: Any) -> str:
    """The text an article-leaning model reads: the title, a blank line, the body.

    Examples
    --------
    >>> print(article_text("Senate passes bill", "The vote was 52 to 48."))
    Senate passes bill
    <BLANKLINE>
    The vote was 52 to 48.
    >>> article_text(None, "Body only.")
    'Body only.'
    """
    title = title if isinstance(title, str) else ""
    text = text if isinstance(text, str) else ""
    return f"{title}\n\n{text}" if title else text


def load_corpus(path: Path) -> dict[str, Any] | None:
    """AllSides articles (title and text, grouped by outlet) from an ``allsides/`` folder, else None."""
    if not (path / "articles.jsonl.gz").exists():
        return None
    from .. import datasets

    df = datasets.load_allsides(_data_home_for(path, "allsides"),
                                columns=["outlet", "title", "text", "label", "split_random", "split_media"])
    texts = [article_text(t, x) for t, x in zip(df["title"], df["text"])]
    return {"texts": texts, "labels": df["label"].tolist(),
            "groups": df["outlet"].fillna("").tolist(), "source": f"AllSides ({path})"}


_article_text = article_text  # the name before it was public
