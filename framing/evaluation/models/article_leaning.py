"""Article leaning on AllSides (Baly et al. 2020): published splits and outlet-grouped folds."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from ...models.article_leaning import article_text
from ...models.compact import CalibratedLinearClassifier
from ._common import _row, calibration_row
from .article_features import article_framing_features, framing_cache_key
from .outlet_blind import _names_pattern, outlet_family, outlet_stop_words, strip_outlet_tokens

logger = logging.getLogger(__name__)

__all__ = ["DEFAULT_LEANING_VARIANTS", "LEANING_VARIANTS", "evaluate_article_leaning"]


LEANING_VARIANTS: dict[str, dict[str, Any]] = {
    "TF-IDF only": {"text": "plain", "framing": False},
    "framing features only": {"text": None, "framing": True},
    "TF-IDF + framing features": {"text": "plain", "framing": True, "calibrated": True},
    "TF-IDF of terms of 5+ outlets + framing features, outlet-balanced": {
        "text": "plain", "min_outlets": 5, "framing": True, "balanced": True},
    "TF-IDF outlet-blind + framing features, outlet-balanced": {
        "text": "stripped", "min_outlets": 5, "framing": True, "balanced": True},
}
"""The article-leaning models that :func:`evaluate_article_leaning` can compare.

``text``: ``"plain"`` word 1-2-gram TF-IDF (sublinear, ``min_df=3``, the
300,000 most frequent terms; the shipped pipeline's text part),
``"stripped"`` the same after removing every outlet name of the corpus
metadata from the texts (:func:`outlet_stop_words`: one fixed list that
uses no labels), or ``None``; ``min_outlets``: keep only the terms used by
at least this many *training* outlets (as :class:`OutletBlindTfidf` does);
``framing``: the standardised framing features; ``balanced``: class
weights balanced and each training article weighted by one over the
square root of its outlet's article count (so that a few large outlets do
not dominate). Logistic regression: ``C=10`` with text, ``C=1`` on the
framing features alone."""

DEFAULT_LEANING_VARIANTS: tuple[str, ...] = tuple(v for v in LEANING_VARIANTS if "outlet-blind" not in v)
"""The variants compared by default (removing outlet names from 37,554 texts takes minutes more)."""


def _ngram_counts(docs: Sequence[str], cache_dir: str | Path | None, kind: str) -> Any:
    """Word 1-2-gram counts of every document (the vocabulary itself is not kept), cached when asked.

    Counting is done document by document and learns nothing, so it is done
    once; :func:`_fold_tfidf` then chooses terms and weights from the
    training rows only.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer

    path = None
    if cache_dir is not None:
        path = Path(cache_dir) / f"ngram-counts-{kind}-{framing_cache_key(docs, ())}.npz"
        if path.is_file():
            logger.info("n-gram counts read from %s", path)
            return sparse.load_npz(path).tocsr()
    cpu = time.process_time()
    counts = CountVectorizer(ngram_range=(1, 2), dtype=np.float32).fit_transform(docs).tocsr()
    logger.info("%s n-gram counts of %d documents: %d terms, %.0f s CPU", kind, len(docs), counts.shape[1],
                time.process_time() - cpu)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp.npz")
        sparse.save_npz(tmp, counts)
        tmp.replace(path)
    return counts


def _fold_tfidf(
    counts: Any, train: np.ndarray, test: np.ndarray, *, min_df: int = 3,
    max_features: int | None = 300_000, outlets: np.ndarray | None = None, min_outlets: int = 1,
) -> tuple[Any, Any]:
    """TF-IDF of training and test rows with terms and IDF from the training rows only.

    The same numbers as ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True,
    min_df=min_df, max_features=max_features)`` fitted on the training
    documents (up to ties in the ``max_features`` cut), plus, when
    ``outlets`` is given, only terms used by ``min_outlets`` or more
    training outlets.
    """
    from scipy import sparse

    tr = counts[train]
    presence = tr.copy()
    presence.data[:] = 1.0
    df = np.asarray(presence.sum(axis=0)).ravel()
    mask = df >= min_df
    if outlets is not None and min_outlets > 1:
        codes, uniques = pd.factorize(pd.Series(outlets[train]))
        member = sparse.csr_matrix((np.ones(len(codes), dtype=np.float32), (codes, np.arange(len(codes)))),
                                   shape=(len(uniques), len(codes)))
        spread = ((member @ presence) > 0).astype(np.float32)
        mask &= np.asarray(spread.sum(axis=0)).ravel() >= min_outlets
    cols = np.flatnonzero(mask)
    if max_features is not None and len(cols) > max_features:
        tf = np.asarray(tr.sum(axis=0)).ravel()[cols]
        cols = np.sort(cols[np.argsort(-tf, kind="stable")[:max_features]])
    idf = np.log((1 + len(train)) / (1 + df[cols])) + 1

    def weigh(m: Any) -> Any:
        m = m[:, cols].tocsr()
        m.data = (1.0 + np.log(m.data)).astype(np.float32)
        return normalize((m @ sparse.diags(idf.astype(np.float32))).tocsr())

    return weigh(tr), weigh(counts[test])


def _leaning_fit_predict(
    texts: dict[str, Any], outlets: np.ndarray, framing: np.ndarray, y: np.ndarray,
    train: np.ndarray, test: np.ndarray, variants: Sequence[str], random_state: int,
    solver: str = "sgd",
) -> tuple[dict[str, float], dict[str, np.ndarray], np.ndarray | None, dict[str, np.ndarray]]:
    """Fit each variant on ``train`` and score macro-F1 on ``test`` (every step fitted on train only).

    Returns the scores, the predictions, the framing-only weights and, for
    the calibrated variant, its test probabilities (columns: sorted labels).
    """
    from scipy import sparse
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import StandardScaler

    text_train: dict[tuple[str, int], Any] = {}
    text_test: dict[tuple[str, int], Any] = {}
    for name in variants:
        spec = LEANING_VARIANTS[name]
        key = (spec["text"], int(spec.get("min_outlets", 1)))
        if spec["text"] is None or key in text_train:
            continue
        text_train[key], text_test[key] = _fold_tfidf(texts[key[0]], train, test, outlets=outlets,
                                                      min_outlets=key[1])
    scaler = StandardScaler().fit(framing[train])
    f_train = scaler.transform(framing[train])
    f_test = scaler.transform(framing[test])
    _, inverse = np.unique(outlets[train], return_inverse=True)
    outlet_weight = 1.0 / np.sqrt(np.bincount(inverse)[inverse])
    outlet_weight *= len(outlet_weight) / outlet_weight.sum()
    scores: dict[str, float] = {}
    predictions: dict[str, np.ndarray] = {}
    probabilities: dict[str, np.ndarray] = {}
    framing_coef = None
    for name in variants:
        spec = LEANING_VARIANTS[name]
        parts_tr: list[Any] = []
        parts_te: list[Any] = []
        if spec["text"] is not None:
            key = (spec["text"], int(spec.get("min_outlets", 1)))
            parts_tr.append(text_train[key])
            parts_te.append(text_test[key])
        if spec["framing"]:
            parts_tr.append(sparse.csr_matrix(f_train) if parts_tr else f_train)
            parts_te.append(sparse.csr_matrix(f_test) if parts_te else f_test)
        Xtr = sparse.hstack(parts_tr, format="csr") if len(parts_tr) > 1 else parts_tr[0]
        Xte = sparse.hstack(parts_te, format="csr") if len(parts_te) > 1 else parts_te[0]
        balanced = bool(spec.get("balanced"))
        weights = "balanced" if balanced else None
        clf: Any
        if spec.get("calibrated"):
            clf = CalibratedLinearClassifier(C=10.0, solver=solver if solver == "sgd" else "lbfgs",
                                             max_iter=20 if solver == "sgd" else 3000,
                                             random_state=random_state, class_weight=weights)
        elif spec["text"] is None:
            clf = LogisticRegression(C=1.0, max_iter=3000, random_state=random_state, class_weight=weights)
        elif solver == "lbfgs":
            clf = LogisticRegression(C=10.0, max_iter=3000, random_state=random_state, class_weight=weights)
        else:  # the same loss and penalty (C=10), one-vs-rest, by stochastic gradient descent
            clf = SGDClassifier(loss="log_loss", alpha=1.0 / (10.0 * len(train)), max_iter=20, tol=None,
                                random_state=random_state, class_weight=weights)
        cpu = time.process_time()
        if spec.get("calibrated"):
            clf.fit(Xtr, y[train], sample_weight=outlet_weight if balanced else None, groups=outlets[train])
            probabilities[name] = clf.predict_proba(Xte)
        else:
            clf.fit(Xtr, y[train], sample_weight=outlet_weight if balanced else None)
        predictions[name] = clf.predict(Xte)
        scores[name] = float(f1_score(y[test], predictions[name], average="macro"))
        if spec["text"] is None and spec["framing"] and not balanced:
            framing_coef = clf.coef_.copy()
        logger.info("%s: %d train, %d test, macro-F1 %.3f (%.0f s CPU)", name, len(train), len(test),
                    scores[name], time.process_time() - cpu)
    return scores, predictions, framing_coef, probabilities


_PUBLISHED = {"random": "80.19 (BERT, Baly et al. 2020)", "media": "35.53 (BERT, Baly et al. 2020)"}


def _load_leaning(data_home: Any, n_articles: int | None, random_state: int) -> pd.DataFrame:
    from ...datasets import load_allsides

    cols = ["outlet", "title", "text", "label", "split_random", "split_media"]
    if n_articles is not None and n_articles <= 2600:  # a small slice (for tests): a plain sample
        return load_allsides(data_home, n_articles=n_articles, random_state=random_state, columns=cols)
    df = load_allsides(data_home, columns=cols)
    if n_articles is not None and n_articles < len(df):
        is_test = ((df["split_random"] == "test") | (df["split_media"] == "test")).to_numpy()
        rest = np.flatnonzero(~is_test)
        rng = np.random.default_rng(random_state)
        keep = rng.choice(rest, size=max(n_articles - int(is_test.sum()), 0), replace=False)
        df = df.iloc[np.sort(np.concatenate([np.flatnonzero(is_test), keep]))]
    return df


def evaluate_article_leaning(
    data_home: Any = None, *, n_articles: int | None = None, n_splits: int = 5,
    random_state: int = 0, cache_dir: str | Path | None = None, n_jobs: int = 1,
    variants: Sequence[str] = DEFAULT_LEANING_VARIANTS, groupings: Sequence[str] = ("outlet",),
    solver: str = "sgd",
) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """Article leaning on AllSides: published random and media splits, and outlet-grouped folds.

    The framing features (lexicon rates, attribution) do not learn from the
    data, so they are computed once for all articles
    (:func:`article_framing_features`, cached in ``cache_dir``); the text
    features, the scaler and the classifier are fitted on each training
    part only.

    Parameters
    ----------
    data_home : path, optional
        Folder holding ``allsides/``.
    n_articles : int or None, default=None
        ``None``: the whole corpus (37,554 articles; the framing features take
        about 13 minutes of CPU time on first use, then come from the cache).
        Up to 2,600: a reproducible random sample (quick checks; the
        published-split rows then test only the sampled test articles). Above
        2,600: all 1,300 published test articles plus a random sample of the
        others.
    n_splits : int, default=5
        Folds of the grouped cross-validation.
    random_state : int, default=0
    cache_dir : str or Path, optional
        Where to keep the framing features (see :func:`article_framing_features`).
    n_jobs : int, default=1
        Worker processes for the framing features and for the fits (one
        split or fold per worker).
    variants : sequence of str, default=:data:`DEFAULT_LEANING_VARIANTS`
        Names from :data:`LEANING_VARIANTS`.
    groupings : sequence of {"outlet", "family"}, default=("outlet",)
        Group the folds by the corpus's outlet name (``source``), and/or by
        :func:`outlet_family` (joins "Fox News" and "Fox Online News").
    solver : {"sgd", "lbfgs"}, default="sgd"
        How the models with text features are fitted: the logistic loss with
        the pipeline's penalty (``C=10``) by stochastic gradient descent
        (one-vs-rest, 20 epochs; over ten times faster on the whole corpus),
        or by L-BFGS (multinomial, exactly the shipped pipeline's
        classifier). The framing-only model always uses L-BFGS.

    Returns
    -------
    rows : list of dict
        Table rows (task, split, metric, ours, std, published, note), one per
        split and variant.
    framing_weights : DataFrame
        The largest weights of the standardised framing features in a
        framing-only model fitted on all articles: ``class``, ``rank``,
        ``feature``, ``weight`` and ``same_sign_folds`` (in how many of the
        outlet-grouped fold models the weight has the same sign).
    """
    from joblib import Parallel, delayed
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    unknown = [v for v in variants if v not in LEANING_VARIANTS]
    if unknown or not variants:
        raise ValueError(f"The 'variants' parameter must hold names from {list(LEANING_VARIANTS)}. "
                         f"Got {list(variants)!r} instead.")
    if solver not in ("sgd", "lbfgs"):
        raise ValueError(f"The 'solver' parameter must be 'sgd' or 'lbfgs'. Got {solver!r} instead.")
    bad = [g for g in groupings if g not in ("outlet", "family")]
    if bad:
        raise ValueError(f"The 'groupings' parameter must hold 'outlet' and/or 'family'. Got {bad!r} instead.")
    df = _load_leaning(data_home, n_articles, random_state)
    docs = [article_text(t, x) for t, x in zip(df["title"], df["text"])]
    outlets = df["outlet"].fillna("<none>").astype(str).to_numpy(dtype=object)
    y = df["label"].astype(str).to_numpy(dtype=object)
    cpu = time.process_time()
    framing_df = article_framing_features(docs, cache_dir=cache_dir, n_jobs=n_jobs)
    framing = framing_df.to_numpy()
    logger.info("framing features ready (%.0f s CPU in this process)", time.process_time() - cpu)

    kinds = {LEANING_VARIANTS[v]["text"] for v in variants}
    texts: dict[str, Any] = {}
    if "plain" in kinds:
        texts["plain"] = _ngram_counts(docs, cache_dir, "plain")
    if "stripped" in kinds:
        # Outlet names are removed with one fixed list (all outlet names of the
        # corpus metadata, no labels): it only deletes information.
        pattern = _names_pattern(outlet_stop_words(sorted(set(outlets))))
        texts["stripped"] = _ngram_counts([strip_outlet_tokens(d, pattern) for d in docs], cache_dir,
                                       "outlet-names-removed")

    jobs: list[tuple[str, np.ndarray, np.ndarray]] = []
    families = np.asarray([outlet_family(o) for o in outlets], dtype=object)
    for grouping in groupings:
        groups = outlets if grouping == "outlet" else families
        for k, (train, test) in enumerate(GroupKFold(n_splits=n_splits).split(docs, y, groups)):
            jobs.append((f"{grouping}:{k}", train, test))
    for split in ("random", "media"):
        part = df[f"split_{split}"]
        train = np.flatnonzero(part.isin(["train", "valid"]).to_numpy())
        test = np.flatnonzero((part == "test").to_numpy())
        if len(train) and len(test):
            jobs.append((split, train, test))
    results = Parallel(n_jobs=n_jobs, return_as="generator")(
        delayed(_leaning_fit_predict)(texts, outlets, framing, y, train, test, list(variants), random_state,
                                      solver)
        for _, train, test in jobs
    )
    by_job = {}
    for (name, train, test), res in zip(jobs, results):
        by_job[name] = res
        logger.info("article leaning, %s (%d train, %d test): %s", name, len(train), len(test),
                    ", ".join(f"{v} {f1:.3f}" for v, f1 in res[0].items()))
    rows: list[dict[str, Any]] = []
    for name, train, test in jobs:
        if ":" in name:
            continue
        shared = len(set(outlets[train]) & set(outlets[test]))
        shared_fam = len(set(families[train]) & set(families[test]))
        for variant in variants:
            rows.append(_row(
                "article-leaning", f"AllSides published {name} split (test)", "macro-F1",
                by_job[name][0][variant], None, _PUBLISHED[name],
                f"train+valid {len(train)}, test {len(test)}; {shared} outlet names "
                f"({shared_fam} outlet families) shared by train and test; {variant}"))
    fold_coefs: list[np.ndarray] = []
    for grouping in groupings:
        names = [n for n, _, _ in jobs if n.startswith(grouping + ":")]
        groups = outlets if grouping == "outlet" else families
        for variant in variants:
            scores = np.asarray([by_job[n][0][variant] for n in names])
            label = "outlet" if grouping == "outlet" else "outlet family"
            rows.append(_row(
                "article-leaning", f"AllSides GroupKFold({n_splits}) by {label}", "macro-F1",
                float(scores.mean()), float(scores.std()), "none (honest split)",
                f"{len(df)} articles, {len(set(groups))} {label} names; folds "
                + ", ".join(f"{s:.3f}" for s in scores) + f"; {variant}"))
            if LEANING_VARIANTS[variant].get("calibrated"):
                held = [(by_job[n][3][variant], test) for n, _, test in jobs if n in names]
                proba = np.concatenate([p for p, _ in held])
                gold = np.concatenate([y[t] for _, t in held])
                rows.append(calibration_row("article-leaning", f"AllSides GroupKFold({n_splits}) by {label}",
                                            proba, gold, sorted(set(y.tolist()))))
        if grouping == "outlet":
            fold_coefs = [by_job[n][2] for n in names if by_job[n][2] is not None]

    scaler = StandardScaler().fit(framing)
    only = LogisticRegression(C=1.0, max_iter=3000, random_state=random_state)
    only.fit(scaler.transform(framing), y)
    weights = _framing_weights(only, list(framing_df.columns), fold_coefs, n=8)
    return rows, weights


def _framing_weights(clf: Any, columns: list[str], fold_coefs: list[np.ndarray], n: int) -> pd.DataFrame:
    """Top weights per class with the number of fold models agreeing on their sign."""
    coef = np.asarray(clf.coef_)
    out = []
    for k, cls in enumerate(clf.classes_):
        order = np.argsort(-coef[k])[:n]
        for rank, j in enumerate(order, 1):
            agree = sum(int(np.sign(fc[k, j]) == np.sign(coef[k, j])) for fc in fold_coefs)
            out.append({"class": str(cls), "rank": rank, "feature": columns[j], "weight": float(coef[k, j]),
                        "same_sign_folds": f"{agree}/{len(fold_coefs)}" if fold_coefs else ""})
    return pd.DataFrame(out, columns=["class", "rank", "feature", "weight", "same_sign_folds"])
