"""Training the target-dependent tone model (scikit-learn), written out as plain JSON.

:func:`fit_target_model` fits the model that :class:`~framing.tone.targets.TargetModel`
applies: standardised dense features (scaled by ``dense_weight``) next to
the TF-IDF of the terms (sublinear tf, ``min_df`` documents), into a
multinomial :class:`~sklearn.linear_model.LogisticRegression` with balanced
class weights; then a temperature (Guo et al. 2017) fitted on the
out-of-fold logits of a grouped cross-validation (the folds keep a
sentence's targets together), so the probabilities are calibrated. The
result is a dict of lists and numbers: the shipped model is that dict as
gzipped JSON, loadable without running code.

The shipped model was built by ``framing.evaluation.tone.build_shipped_model``
on the NewsMTSC training split; ``C`` was chosen there by the same grouped
cross-validation, on the training split only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .target_features import DENSE_NAMES, target_features

__all__ = ["DEFAULT_C", "POLARITY_LABELS", "cross_validate", "featurize", "fit_from_features", "fit_target_model"]

DEFAULT_C = 3.0
"""The inverse regularisation strength chosen by grouped 5-fold CV on NewsMTSC train."""

POLARITY_LABELS = {-1: 0, 0: 1, 1: 2}
"""NewsMTSC's polarity (-1, 0, 1) to the model's class index (negative, neutral, positive)."""

_Featurized = tuple[list[list[float]], list[list[str]]]


def featurize(records: Sequence[tuple[str, int, int]]) -> _Featurized:
    """The dense rows and term lists of ``(sentence, start, end)`` targets."""
    dense, terms = [], []
    for text, start, end in records:
        d, t = target_features(text, start, end)
        dense.append([d.get(n, 0.0) for n in DENSE_NAMES])
        terms.append(t)
    return dense, terms


def _identity(terms: list[str]) -> list[str]:
    return terms


def _fit_arrays(dense: Any, terms: list[list[str]], y: Any, *, C: float, min_df: int,
                dense_weight: float, random_state: int,
                names: Sequence[str] = DENSE_NAMES) -> dict[str, Any]:
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    X = np.asarray(dense, dtype=float)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    tfidf = TfidfVectorizer(analyzer=_identity, min_df=min_df, sublinear_tf=True).fit(terms)
    A = sparse.hstack([sparse.csr_matrix((X - mean) / scale * dense_weight), tfidf.transform(terms)]).tocsr()
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=random_state).fit(A, y)
    vocab = {str(k): int(v) for k, v in tfidf.vocabulary_.items()}
    return {
        "dense_names": list(names),
        "dense_mean": mean.tolist(),
        "dense_scale": scale.tolist(),
        "dense_weight": dense_weight,
        "vocabulary": vocab,
        "idf": tfidf.idf_.tolist(),
        "coef": clf.coef_.tolist(),
        "intercept": clf.intercept_.tolist(),
        "temperature": 1.0,
    }


def _logits(model: dict[str, Any], dense: Any, terms: list[list[str]]) -> Any:
    import numpy as np
    from scipy import sparse

    X = (np.asarray(dense, dtype=float) - model["dense_mean"]) / model["dense_scale"] * model["dense_weight"]
    vocab, idf = model["vocabulary"], np.asarray(model["idf"])
    rows, cols, vals = [], [], []
    for r, ts in enumerate(terms):
        counts: dict[int, int] = {}
        for t in ts:
            i = vocab.get(t)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        for i, c in counts.items():
            rows.append(r)
            cols.append(i)
            vals.append((1.0 + np.log(c)) * idf[i])
    T = sparse.csr_matrix((vals, (rows, cols)), shape=(len(terms), len(idf)))
    norms = np.sqrt(np.asarray(T.multiply(T).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    T = sparse.diags(1.0 / norms) @ T
    A = sparse.hstack([sparse.csr_matrix(X), T]).tocsr()
    return A @ np.asarray(model["coef"]).T + np.asarray(model["intercept"])


def _folds(groups: Sequence[str], y: Any, n_splits: int) -> list[tuple[Any, Any]]:
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(n_splits=n_splits).split(list(groups), y, list(groups)))


def cross_validate(dense: Any, terms: list[list[str]], y: Any, groups: Sequence[str], *,
                   C: float = DEFAULT_C, min_df: int = 2, dense_weight: float = 0.3,
                   n_splits: int = 5, random_state: int = 0) -> tuple[float, Any]:
    """Grouped CV: the macro-F1 of the out-of-fold predictions, and the out-of-fold logits."""
    import numpy as np
    from sklearn.metrics import f1_score

    y = np.asarray(y)
    oof = np.zeros((len(y), 3))
    for train, test in _folds(groups, y, n_splits):
        model = _fit_arrays([dense[i] for i in train], [terms[i] for i in train], y[train], C=C,
                            min_df=min_df, dense_weight=dense_weight, random_state=random_state)
        oof[test] = _logits(model, [dense[i] for i in test], [terms[i] for i in test])
    return float(f1_score(y, oof.argmax(axis=1), average="macro")), oof


def _temperature(logits: Any, y: Any) -> float:
    """The temperature that minimises the log loss of ``softmax(logits / T)`` (a grid, then refined)."""
    import numpy as np

    def loss(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(y)), y].mean())

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 81))
    best = float(min(grid, key=loss))
    fine = np.linspace(best * 0.96, best * 1.04, 21)
    return float(min(fine, key=loss))


def fit_target_model(records: Sequence[tuple[str, int, int]], polarities: Sequence[int],
                     groups: Sequence[str], *, C: float = DEFAULT_C, min_df: int = 2,
                     dense_weight: float = 0.3, random_state: int = 0,
                     provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """The model (a JSON-ready dict) fitted on ``(sentence, start, end)`` targets.

    Parameters
    ----------
    records : sequence of (str, int, int)
        Each target's sentence and span.
    polarities : sequence of int
        -1, 0 or 1 per target (NewsMTSC's coding).
    groups : sequence of str
        A key per target that keeps related targets in one CV fold (the sentence).
    C, min_df, dense_weight : float, int, float
        The regularisation, the TF-IDF vocabulary floor, the weight of the dense block.
    random_state : int
    provenance : dict, optional
        Stored with the model (data, licence, measured scores).

    Returns
    -------
    dict
        The arrays :class:`~framing.tone.targets.TargetModel` reads, with
        ``temperature`` from the out-of-fold logits and ``cv_macro_f1``.
    """
    dense, terms = featurize(records)
    return fit_from_features(dense, terms, polarities, groups, C=C, min_df=min_df,
                             dense_weight=dense_weight, random_state=random_state, provenance=provenance)


def fit_from_features(dense: list[list[float]], terms: list[list[str]], polarities: Sequence[int],
                      groups: Sequence[str], *, names: Sequence[str] = DENSE_NAMES, C: float = DEFAULT_C,
                      min_df: int = 2, dense_weight: float = 0.3, random_state: int = 0,
                      provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """:func:`fit_target_model` on features computed by the caller (dense rows in ``names`` order)."""
    import numpy as np

    y = np.array([POLARITY_LABELS[int(p)] for p in polarities])
    cv_f1, oof = cross_validate(dense, terms, y, groups, C=C, min_df=min_df,
                                dense_weight=dense_weight, random_state=random_state)
    model = _fit_arrays(dense, terms, y, C=C, min_df=min_df, dense_weight=dense_weight,
                        random_state=random_state, names=names)
    model["temperature"] = _temperature(oof, y)
    model["provenance"] = {**(provenance or {}), "cv_macro_f1": round(cv_f1, 4),
                           "C": C, "min_df": min_df, "dense_weight": dense_weight}
    return model
