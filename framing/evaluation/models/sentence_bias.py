"""Sentence bias on BABE (Spinde et al. 2021): stratified k-fold macro-F1."""

from __future__ import annotations

import logging
import time
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from ...models import make_pipeline
from ...models.crossval import cross_val_proba
from ._common import _row, calibration_row

logger = logging.getLogger(__name__)


__all__ = ["evaluate_sentence_bias"]


def evaluate_sentence_bias(
    data_home: Any = None, *, n_splits: int = 10, n_sentences: int | None = None,
    random_state: int = 0, estimator: Any = None, embeddings: bool = False,
) -> list[dict[str, Any]]:
    """Stratified k-fold macro-F1 on BABE SG2 ("no agreement" dropped).

    Parameters
    ----------
    data_home : path, optional
        Folder holding ``babe/``.
    n_splits : int, default=10
    n_sentences : int, optional
        Evaluate on a random sample (for quick checks).
    random_state : int, default=0
        Seed of the folds (and of the sample).
    estimator : estimator, optional
        Default: ``make_pipeline("sentence-bias")``.
    embeddings : bool, default=False
        Add two rows on the same folds: all-MiniLM-L6-v2 sentence embeddings
        (:class:`~framing.features.embeddings.SentenceEmbedder`, needs
        ``pip install "framing[embeddings]"``) with logistic regression, and
        the embeddings next to the default features; ``C`` is tuned on an
        inner split of each training part (see ``docs/embeddings.md``).

    Returns
    -------
    list of dict
        Table rows (task, split, metric, ours, std, published, note).
    """
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    from ...datasets import load_babe

    df = load_babe(data_home, n_articles=n_sentences, random_state=random_state)
    df = df[df["label"] != "no agreement"]
    est = estimator if estimator is not None else make_pipeline("sentence-bias", random_state=random_state)
    cv = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    y = df["label"].astype(str).to_numpy(dtype=object)
    splits = list(cv.split(np.zeros(len(y)), y))
    proba, classes, _ = cross_val_proba(est, df["text"].tolist(), y, splits)
    pred = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    scores = np.asarray([f1_score(y[b], pred[b], average="macro") for _, b in splits])
    note = (f"{len(df)} sentences, StratifiedKFold({n_splits}, random_state={random_state}); "
            "word+char TF-IDF + lexicon counts, logistic regression calibrated on inner folds; published "
            "models are fine-tuned transformers")
    split = f"BABE SG2, {n_splits}-fold CV"
    rows = [_row("sentence-bias", split, "macro-F1", float(scores.mean()),
                 float(scores.std()), "0.804 (BERT-DS), 0.814 (DA-RoBERTa)", note)]
    rows.append(calibration_row("sentence-bias", split, proba, y, classes))
    if embeddings:
        rows += _sentence_bias_embedding_rows(df, cv, random_state=random_state)
    return rows


def _sentence_bias_embedding_rows(df: pd.DataFrame, cv: Any, *, random_state: int) -> list[dict[str, Any]]:
    """Embeddings alone and next to the default features, on the folds of ``cv``.

    The encoder is frozen, so every sentence is embedded once (the same
    numbers a per-fold :class:`~framing.features.embeddings.SentenceEmbedder` gives);
    TF-IDF, lexicon scaling and the classifier are fitted per training part,
    ``C`` chosen on a stratified 80/20 split of that part only.
    """

    from sklearn.compose import ColumnTransformer
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GridSearchCV, StratifiedShuffleSplit

    from ...features.embeddings import SentenceEmbedder

    docs = df["text"].tolist()
    y = df["label"].astype(str).to_numpy()
    start = time.process_time()
    embedder = SentenceEmbedder().fit(docs)
    vectors = embedder.transform(docs)
    embed_cpu = time.process_time() - start
    cols = [str(c) for c in embedder.get_feature_names_out()]
    X = pd.concat([pd.DataFrame({"doc": docs}), pd.DataFrame(vectors, columns=cols)], axis=1)
    inner = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=random_state)
    default = make_pipeline("sentence-bias", random_state=random_state).named_steps["features"]
    text_blocks: list[tuple[str, Any, Any]] = [(name, clone(t), "doc") for name, t in default.transformer_list]
    configs = {
        "all-MiniLM-L6-v2 sentence embeddings, logistic regression":
            ([("embeddings", "passthrough", cols)], [0.3, 1.0, 3.0, 10.0]),
        "word+char TF-IDF + lexicon counts + all-MiniLM-L6-v2 embeddings (each block unit-scaled), "
        "logistic regression":
            ([*text_blocks, ("embeddings", "passthrough", cols)], [1.0, 3.0, 10.0]),
    }
    rows = []
    for label, (blocks, grid) in configs.items():
        model = Pipeline([("features", ColumnTransformer(blocks)),
                          ("classifier", LogisticRegression(max_iter=3000, random_state=random_state))])
        scores, cpu, chosen = [], [], []
        for train_idx, test_idx in cv.split(X, y):
            start = time.process_time()
            search = GridSearchCV(model, {"classifier__C": grid}, cv=inner, scoring="f1_macro")
            search.fit(X.iloc[train_idx], y[train_idx])
            cpu.append(time.process_time() - start)
            chosen.append(search.best_params_["classifier__C"])
            scores.append(f1_score(y[test_idx], search.predict(X.iloc[test_idx]), average="macro"))
            logger.info("%s: fold %d macro-F1 %.3f (C=%s, %.1f s CPU)", label, len(scores),
                        scores[-1], chosen[-1], cpu[-1])
        n_train = len(y) * (cv.get_n_splits() - 1) / cv.get_n_splits()
        note = (f"{len(df)} sentences, same folds; {label}; C from {grid} on an inner 80/20 split of each "
                f"training part (chosen: {', '.join(f'{c:g}' for c in chosen)}); training CPU per fold: "
                f"{np.mean(cpu):.1f} s fitting (with the C search) + {embed_cpu * n_train / len(y):.0f} s "
                f"embedding {n_train:.0f} sentences ({embed_cpu:.0f} s CPU for all {len(y)})")
        rows.append(_row("sentence-bias", f"BABE SG2, {cv.get_n_splits()}-fold CV", "macro-F1",
                         float(np.mean(scores)), float(np.std(scores)),
                         "0.804 (BERT-DS), 0.814 (DA-RoBERTa)", note))
    return rows
