"""What a fitted linear pipeline learned, and which words pushed one decision.

:func:`top_features` lists the features with the largest weights per
class; :func:`explain_text` the features that contributed most to one
prediction, each with the spans of the text where it fired.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from ..lexicon import Matcher, available_lexicons, load_lexicon
from ..text import tokenize

__all__ = ["explain_text", "top_features"]


def _final_linear(model: Any) -> tuple[Any, Any]:
    # a TrainedModel (what load_model returns) explains through its estimator
    model = getattr(model, "estimator", model) if not isinstance(model, Pipeline) else model
    if not isinstance(model, Pipeline):
        raise TypeError(f"Explanations need a Pipeline ending in a linear classifier. Got {type(model).__name__}.")
    clf = model.steps[-1][1]
    if not hasattr(clf, "coef_"):
        raise TypeError(
            "Explanations need a linear classifier (with coef_) as the last step. "
            f"Got {type(clf).__name__} instead."
        )
    return model[:-1], clf


def top_features(model: Any, n: int = 10) -> pd.DataFrame:
    """The features with the largest weights for each class of a fitted linear pipeline.

    Parameters
    ----------
    model : Pipeline or TrainedModel
        Fitted, ending in a linear classifier; a :class:`TrainedModel` (what
        :func:`~framing.models.load_model` returns) is read through its
        ``estimator``.
    n : int, default=10
        Features per class.

    Returns
    -------
    DataFrame
        Columns ``class``, ``rank``, ``feature``, ``weight``. For a binary
        model the first class's features are those with the most negative
        weights.

    Examples
    --------
    >>> from framing.models import make_pipeline
    >>> pipe = make_pipeline("sentence-bias").fit(
    ...     ["A disgraceful, reckless scheme.", "The vote is on Monday.",
    ...      "A reckless, disgraceful plan.", "The report is on Monday."],
    ...     ["biased", "non-biased", "biased", "non-biased"])
    >>> top_features(pipe, n=3)["class"].unique().tolist()
    ['biased', 'non-biased']
    """
    head, clf = _final_linear(model)
    names = np.asarray(head.get_feature_names_out(), dtype=object)
    coef = np.asarray(clf.coef_)
    classes = list(clf.classes_)
    rows = []
    for k, cls in enumerate(classes):
        if coef.shape[0] == 1:
            weights = coef[0] if k == 1 else -coef[0]
        else:
            weights = coef[k]
        order = np.argsort(-weights)[:n]
        for rank, j in enumerate(order, 1):
            rows.append({"class": str(cls), "rank": rank, "feature": str(names[j]),
                         "weight": float(weights[j])})
    return pd.DataFrame(rows, columns=["class", "rank", "feature", "weight"])


def _evidence_spans(text: str, feature: str, matcher: Matcher | None) -> list[dict[str, Any]]:
    """Where in ``text`` a feature fired: word n-grams and lexicon categories."""
    if feature.startswith("words__"):
        gram = feature.split("__", 1)[1].split()
        toks = tokenize(text)
        k = len(gram)
        return [
            {"start": toks.starts[i], "end": toks.ends[i + k - 1],
             "text": text[toks.starts[i]:toks.ends[i + k - 1]]}
            for i in range(len(toks) - k + 1)
            if toks.norms[i:i + k] == gram
        ]
    name = feature.rsplit("__", 2)
    if matcher is not None and len(name) >= 2:
        lexicon, category = name[-2], name[-1].removesuffix("_count")
        return [
            {"start": m.start, "end": m.end, "text": m.text}
            for m in matcher.find(text)
            if m.lexicon == lexicon and category in (m.category, "total") and not m.negated
        ]
    return []


def explain_text(model: Any, text: str, n: int = 5) -> dict[str, Any]:
    """Which features pushed the decision of a fitted linear pipeline on one text.

    Parameters
    ----------
    model : Pipeline
        Fitted, ending in a linear classifier.
    text : str
    n : int, default=5
        Features to report.

    Returns
    -------
    dict
        ``label`` (the predicted class) and ``evidence``: up to ``n``
        features with the largest contribution (value times weight, towards
        the predicted class), each with the spans of ``text`` where it fired
        (word n-grams and lexicon categories; character n-grams and
        attribution features have none).

    Examples
    --------
    >>> from framing.models import make_pipeline
    >>> pipe = make_pipeline("sentence-bias").fit(
    ...     ["A disgraceful, reckless scheme.", "The vote is on Monday.",
    ...      "A reckless, disgraceful plan.", "The report is on Monday."],
    ...     ["biased", "non-biased", "biased", "non-biased"])
    >>> out = explain_text(pipe, "A disgraceful vote.")
    >>> out["label"], out["evidence"][0]["feature"], out["evidence"][0]["spans"]
    ('biased', 'words__disgraceful', [{'start': 2, 'end': 13, 'text': 'disgraceful'}])
    """
    head, clf = _final_linear(model)
    x = head.transform([text])
    x = x.toarray()[0] if hasattr(x, "toarray") else np.asarray(x)[0]
    coef = np.asarray(clf.coef_)
    label = model.predict([text])[0]
    k = list(clf.classes_).index(label)
    weights = (coef[0] if k == 1 else -coef[0]) if coef.shape[0] == 1 else coef[k] - coef.mean(axis=0)
    contrib = x * weights
    names = np.asarray(head.get_feature_names_out(), dtype=object)
    order = [j for j in np.argsort(-contrib) if contrib[j] > 0][:n]
    lexicons = [lx for lx in available_lexicons()]
    matcher = Matcher([load_lexicon(lx) for lx in lexicons])
    evidence = []
    for j in order:
        feature = str(names[j])
        short = feature.split("__", 1)[1] if feature.startswith("framing__") else feature
        evidence.append({
            "feature": feature,
            "contribution": float(contrib[j]),
            "spans": _evidence_spans(text, short, matcher),
        })
    return {"label": str(label), "evidence": evidence}
