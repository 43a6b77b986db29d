"""Persuasion-technique spans: a token tagger and the SemEval span metric.

:class:`PersuasionSpanTagger` marks the stretches of an article that use a
propaganda technique (loaded language, name calling, appeal to fear,
flag-waving, doubt, exaggeration, ...; the techniques of SemEval-2020 task
11) with a linear model over hashed features of each word token: the word,
its shape and affixes, its neighbours, the shipped lexicon categories that
cover it or its sentence, and whether it sits inside quotation marks. Tokens
whose probability reaches ``threshold`` are joined into spans (gaps of at
most ``max_gap`` tokens inside one sentence are bridged).

:func:`si_score` is the span-identification metric of the shared task
(Da San Martino et al. 2019, 2020): per article, overlapping spans are
merged; precision sums, over every predicted span ``s`` and gold span ``t``,
``|s ∩ t| / |s|`` and divides by the number of predicted spans; recall sums
``|s ∩ t| / |t|`` and divides by the number of gold spans; F1 is their
harmonic mean. Characters are the unit, so a prediction that covers part
of a gold span gets partial credit.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.utils.validation import check_is_fitted

from .attribution import quote_spans
from .features import check_documents
from .lexicon import Matcher, load_lexicon
from .text import split_sentences, tokenize

__all__ = ["PersuasionSpanTagger", "merge_spans", "si_score"]

logger = logging.getLogger(__name__)

Span = tuple[int, int]
_DEFAULT_LEXICONS = ("loaded_language", "persuasion", "epistemic", "moral_foundations")


def merge_spans(spans: Iterable[Sequence[int]]) -> list[Span]:
    """Sort character spans and merge those that overlap or touch.

    Examples
    --------
    >>> merge_spans([(10, 20), (0, 5), (15, 30), (5, 7)])
    [(0, 7), (10, 30)]
    """
    merged: list[list[int]] = []
    for s, e in sorted((int(a), int(b)) for a, b, *_ in spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _spans_by_id(spans: Any, name: str) -> dict[str, list[Span]]:
    if isinstance(spans, pd.DataFrame):
        missing = {"id", "start", "end"} - set(spans.columns)
        if missing:
            raise ValueError(
                f"The '{name}' spans must have columns id, start, end. Got {list(spans.columns)} instead."
            )
        out: dict[str, list[Span]] = {}
        for art, s, e in zip(spans["id"].astype(str), spans["start"], spans["end"]):
            out.setdefault(art, []).append((int(s), int(e)))
        return out
    if isinstance(spans, Mapping):
        return {str(k): [(int(s), int(e)) for s, e, *_ in v] for k, v in spans.items()}
    raise TypeError(
        f"The '{name}' spans must be a DataFrame (id, start, end) or a mapping from article id to "
        f"(start, end) pairs. Got {type(spans).__name__} instead."
    )


def si_score(predicted: Any, gold: Any) -> dict[str, float]:
    """Span-identification precision, recall and F1 of SemEval-2020 task 11.

    Parameters
    ----------
    predicted, gold : DataFrame or mapping
        Spans as a DataFrame with columns ``id``, ``start``, ``end`` (end
        exclusive), or a mapping from article id to ``(start, end)`` pairs.
        Articles absent from ``predicted`` have no predicted spans.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1``, ``n_predicted`` and ``n_gold``
        (after merging overlapping spans).

    References
    ----------
    G. Da San Martino, S. Yu, A. Barrón-Cedeño, R. Petrov and P. Nakov (2019).
    "Fine-Grained Analysis of Propaganda in News Articles". EMNLP.

    Examples
    --------
    >>> gold = {"a": [(0, 10)]}
    >>> si_score({"a": [(0, 5)]}, gold)["precision"], si_score({"a": [(0, 5)]}, gold)["recall"]
    (1.0, 0.5)
    >>> round(si_score({"a": [(5, 15)]}, gold)["f1"], 2)
    0.5
    >>> si_score({}, gold)["f1"]
    0.0
    """
    pred = {k: merge_spans(v) for k, v in _spans_by_id(predicted, "predicted").items()}
    ref = {k: merge_spans(v) for k, v in _spans_by_id(gold, "gold").items()}
    p_sum = r_sum = 0.0
    for art, p_spans in pred.items():
        for ps, pe in p_spans:
            for gs, ge in ref.get(art, ()):
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    p_sum += inter / (pe - ps)
                    r_sum += inter / (ge - gs)
    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in ref.values())
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "n_predicted": float(n_pred), "n_gold": float(n_gold)}


_WORD_SHAPE = [(re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d")]


def _shape(token: str) -> str:
    shape = token
    for pattern, repl in _WORD_SHAPE:
        shape = pattern.sub(repl, shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)[:6]


@lru_cache(maxsize=4)
def _matcher(names: tuple[str, ...]) -> Matcher:
    return Matcher([load_lexicon(n) for n in names])


def _token_features(text: str, lexicons: tuple[str, ...], window: int) -> tuple[list[list[str]], Any]:
    """Feature strings per token of ``text``, and the tokens."""
    tokens = tokenize(text)
    n = len(tokens)
    if not n:
        return [], tokens
    words = [text[s:e] for s, e in zip(tokens.starts, tokens.ends)]
    norms = tokens.norms
    # lexicon categories per token
    lex_at: list[list[str]] = [[] for _ in range(n)]
    sent_bounds = [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]
    sent_starts = [s for s, _ in sent_bounds]
    tok_sent = [max(bisect_right(sent_starts, st) - 1, 0) for st in tokens.starts]
    sent_feats: list[set[str]] = [set() for _ in sent_bounds]
    for m in _matcher(lexicons).find(text, tokens):
        label = f"{m.lexicon}:{m.category}{':neg' if m.negated else ''}"
        i = bisect_right(tokens.starts, m.start) - 1
        while 0 <= i < n and tokens.starts[i] < m.end:
            lex_at[i].append(label)
            i += 1
        k = max(bisect_right(sent_starts, m.start) - 1, 0)
        sent_feats[k].add("S" + label)
    quoted = np.zeros(n, dtype=bool)
    for qs, qe in quote_spans(text)[0]:
        a = bisect_right(tokens.starts, qs)
        b = bisect_right(tokens.starts, qe)
        quoted[a:b] = True
    sent_len = [0] * len(sent_bounds)
    for k in tok_sent:
        sent_len[k] += 1
    feats: list[list[str]] = []
    for i in range(n):
        w, lw = words[i], norms[i]
        k = tok_sent[i]
        s0, s1 = sent_bounds[k]
        f = [
            "b", f"w={lw}", f"sh={_shape(w)}", f"p3={lw[:3]}", f"s3={lw[-3:]}",
            f"q={int(quoted[i])}", f"slen={min(sent_len[k] // 10, 6)}",
        ]
        if s1 - s0 > 0 and any(c in text[s0:s1] for c in "!?"):
            f.append("sent_punct=" + "".join(sorted({c for c in text[s0:s1] if c in "!?"})))
        f += [f"L={lab}" for lab in lex_at[i]]
        f += sorted(sent_feats[k])
        for d in range(1, window + 1):
            if i - d >= 0 and tok_sent[i - d] == k:
                f.append(f"w-{d}={norms[i - d]}")
                f += [f"L-{d}={lab}" for lab in lex_at[i - d]]
            else:
                f.append(f"w-{d}=<s>")
            if i + d < n and tok_sent[i + d] == k:
                f.append(f"w+{d}={norms[i + d]}")
                f += [f"L+{d}={lab}" for lab in lex_at[i + d]]
            else:
                f.append(f"w+{d}=</s>")
        if i and tok_sent[i - 1] == k:
            f.append(f"bi-={norms[i - 1]}_{lw}")
        if i + 1 < n and tok_sent[i + 1] == k:
            f.append(f"bi+={lw}_{norms[i + 1]}")
        feats.append(f)
    return feats, tokens


def _runs(
    text: str, tokens: Any, proba: np.ndarray, threshold: float, max_gap: int, min_tokens: int
) -> list[tuple[int, int, float]]:
    """Join tokens at or above ``threshold`` into spans within sentences."""
    sents = [s.start for s in split_sentences(text)] or [0]
    spans: list[tuple[int, int, float]] = []
    first = last = -1
    for i in range(len(tokens)):
        if proba[i] < threshold:
            continue
        same = last >= 0 and (
            bisect_right(sents, tokens.starts[i]) == bisect_right(sents, tokens.starts[last])
        )
        if last >= 0 and (i - last - 1 > max_gap or not same):
            spans.append((first, last, 0.0))
            first = -1
        if first < 0:
            first = i
        last = i
    if first >= 0:
        spans.append((first, last, 0.0))
    return [
        (tokens.starts[a], tokens.ends[b], float(np.mean(proba[a:b + 1])))
        for a, b, _ in spans
        if b - a + 1 >= min_tokens
    ]


class PersuasionSpanTagger(BaseEstimator):
    """Tag the character spans of a text that use a persuasion technique.

    A linear token classifier (inside/outside a technique span) trained with
    stochastic gradient descent on hashed features of each token and its
    context, then spans from runs of tagged tokens. Trained on the PTC
    training articles it reaches the span-identification F1 recorded in
    ``docs/models.md`` on the PTC dev articles.

    Parameters
    ----------
    threshold : float, default=0.3
        Probability above which a token is inside a span.
    window : int, default=2
        Context words on each side.
    max_gap : int, default=6
        Join two tagged runs of the same sentence separated by at most this
        many untagged tokens.
    min_tokens : int, default=2
        Drop spans shorter than this many tokens.
    lexicons : tuple of str, default=("loaded_language", "persuasion", "epistemic", "moral_foundations")
        Shipped lexicons whose categories become features.
    n_features : int, default=2**20
        Hashing space.
    alpha : float, default=1e-5
        L2 regularisation of the SGD classifier.
    max_iter : int, default=15
        Passes over the training tokens.
    random_state : int, default=0

    Attributes
    ----------
    classifier_ : SGDClassifier
        The token model.
    n_tokens_ : int
        Training tokens seen.

    Examples
    --------
    >>> texts = ["This disgraceful, corrupt regime lies. The meeting is on Monday."] * 20
    >>> spans = [[(5, 38)]] * 20
    >>> tagger = PersuasionSpanTagger(threshold=0.5, n_features=2**12).fit(texts, spans)
    >>> [texts[0][s:e] for s, e, _ in tagger.predict(texts[:1])[0]]
    ['disgraceful, corrupt regime lies']
    """

    def __init__(
        self,
        *,
        threshold: float = 0.3,
        window: int = 2,
        max_gap: int = 6,
        min_tokens: int = 2,
        lexicons: tuple[str, ...] = _DEFAULT_LEXICONS,
        n_features: int = 2**20,
        alpha: float = 1e-5,
        max_iter: int = 15,
        random_state: int = 0,
    ) -> None:
        self.threshold = threshold
        self.window = window
        self.max_gap = max_gap
        self.min_tokens = min_tokens
        self.lexicons = lexicons
        self.n_features = n_features
        self.alpha = alpha
        self.max_iter = max_iter
        self.random_state = random_state

    def _hasher(self) -> FeatureHasher:
        return FeatureHasher(n_features=self.n_features, input_type="string", alternate_sign=False)

    def _featurize(self, docs: list[str]) -> tuple[Any, list[Any]]:
        lex = tuple(self.lexicons)
        rows: list[list[str]] = []
        toks = []
        for doc in docs:
            f, t = _token_features(doc, lex, self.window)
            rows.extend(f)
            toks.append(t)
        if not rows:  # FeatureHasher cannot take an empty batch
            import scipy.sparse as sp

            return sp.csr_matrix((0, self.n_features)), toks
        return self._hasher().transform(rows), toks

    def fit(self, X: Any, y: Any) -> PersuasionSpanTagger:
        """Learn the token model.

        Parameters
        ----------
        X : iterable of str
            The articles.
        y : sequence of sequences of (start, end)
            The gold spans of each article (character offsets, end exclusive).

        Returns
        -------
        self
        """
        if not 0.0 < float(self.threshold) < 1.0:
            raise ValueError(
                f"The 'threshold' parameter of PersuasionSpanTagger must be in (0, 1). "
                f"Got {self.threshold!r} instead."
            )
        for name in ("window", "max_gap", "min_tokens"):
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or value < 0:
                raise ValueError(
                    f"The '{name}' parameter of PersuasionSpanTagger must be an int >= 0. "
                    f"Got {value!r} instead."
                )
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        y = list(y)
        if len(y) != len(docs):
            raise ValueError(
                f"PersuasionSpanTagger.fit needs one list of spans per document: got {len(y)} for "
                f"{len(docs)} documents."
            )
        H, toks = self._featurize(docs)
        labels = []
        for t, spans in zip(toks, y):
            merged = merge_spans(spans)
            starts = [s for s, _ in merged]
            for s, e in zip(t.starts, t.ends):
                k = bisect_right(starts, s) - 1
                inside = (k >= 0 and s < merged[k][1]) or (k + 1 < len(merged) and merged[k + 1][0] < e)
                labels.append(int(inside))
        target = np.asarray(labels, dtype=int)
        if target.size == 0 or target.min() == target.max():
            raise ValueError(
                "PersuasionSpanTagger.fit needs tokens both inside and outside spans. "
                f"Got {int(target.sum())} inside of {target.size} tokens."
            )
        clf = SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=self.max_iter, tol=None,
                            random_state=self.random_state)
        clf.fit(H, target)
        self.classifier_ = clf
        self.n_tokens_ = int(target.size)
        self.n_features_in_ = 1
        return self

    def token_scores(self, X: Any) -> list[tuple[Any, np.ndarray]]:
        """The tokens of each document and their probability of being inside a span."""
        check_is_fitted(self, "classifier_")
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        H, toks = self._featurize(docs)
        proba = self.classifier_.predict_proba(H)[:, 1] if H.shape[0] else np.zeros(0)
        out = []
        pos = 0
        for t in toks:
            out.append((t, proba[pos:pos + len(t)]))
            pos += len(t)
        return out

    def predict(self, X: Any) -> list[list[tuple[int, int, float]]]:
        """Spans ``(start, end, mean token probability)`` per document."""
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        return [
            _runs(doc, t, p, self.threshold, self.max_gap, self.min_tokens)
            for doc, (t, p) in zip(docs, self.token_scores(docs))
        ]

    def predict_spans(self, X: Any) -> pd.DataFrame:
        """Predicted spans as a long table: ``id``, ``start``, ``end``, ``text``, ``score``.

        ``id`` is the index of a Series input, else the position.
        """
        ids = [str(i) for i in X.index] if isinstance(X, pd.Series) else None
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        ids = ids or [str(i) for i in range(len(docs))]
        rows = [
            {"id": art, "start": s, "end": e, "text": doc[s:e], "score": sc}
            for art, doc, spans in zip(ids, docs, self.predict(docs))
            for s, e, sc in spans
        ]
        return pd.DataFrame(rows, columns=["id", "start", "end", "text", "score"])
