"""Persuasion-technique spans: a token tagger and the SemEval span metric.

:class:`PersuasionSpanTagger` marks the stretches of an article that use a
propaganda technique (loaded language, name calling, appeal to fear,
flag-waving, doubt, exaggeration, repetition, ...; the techniques of
SemEval-2020 task 11). A linear model over hashed features of each word
token (the word, its shape and affixes, its neighbours, the shipped lexicon
categories around it, punctuation, capitalisation, repetition within the
article, quotation marks, sentence-level cues) gives every token a
probability of lying inside a technique span; an optional second, stacked
pass rescores each token from the probabilities of its neighbours and its
sentence. Tokens whose probability reaches ``threshold`` are joined into
spans (gaps of at most ``max_gap`` tokens inside one sentence are bridged).

:func:`si_score` is the span-identification metric of the shared task, as
computed by its official scorer (Da San Martino et al. 2019, 2020): per
article, spans that share a character are merged; precision sums, over
every predicted span ``s`` and gold span ``t``, ``|s ∩ t| / |s|`` and divides
by the number of predicted spans; recall sums ``|s ∩ t| / |t|`` and divides
by the number of gold spans; F1 is their harmonic mean. Characters are the
unit, so a prediction that covers part of a gold span gets partial credit.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.ensemble import HistGradientBoostingClassifier
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
    """Sort character spans and merge those that share at least one character.

    This is how the official SemEval-2020 task 11 scorer merges the gold
    spans of an article: spans that only touch (one ends where the next
    starts) share no character and stay apart. Empty spans are dropped.

    Examples
    --------
    >>> merge_spans([(10, 20), (0, 5), (15, 30), (5, 7)])
    [(0, 5), (5, 7), (10, 30)]
    """
    merged: list[list[int]] = []
    for s, e in sorted((int(a), int(b)) for a, b, *_ in spans):
        if e <= s:
            continue
        if merged and s < merged[-1][1]:
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
    elif isinstance(spans, Mapping):
        out = {str(k): [(int(s), int(e)) for s, e, *_ in v] for k, v in spans.items()}
    else:
        raise TypeError(
            f"The '{name}' spans must be a DataFrame (id, start, end) or a mapping from article id to "
            f"(start, end) pairs. Got {type(spans).__name__} instead."
        )
    for art, pairs in out.items():
        for s, e in pairs:
            if s < 0 or e <= s:
                raise ValueError(
                    f"The '{name}' spans must have 0 <= start < end (the official scorer rejects "
                    f"anything else). Got ({s}, {e}) in article {art!r}."
                )
    return out


def si_score(predicted: Any, gold: Any) -> dict[str, float]:
    """Span-identification precision, recall and F1 of SemEval-2020 task 11.

    The measure of the official scorer (``task-SI_scorer.py``, Da San Martino
    et al. 2019, 2020). Spans are sets of character positions. Within each
    article, gold spans that share a character are merged; predicted spans
    that share a character are merged too (the scorer's ``-m`` option; without
    it the scorer refuses such a submission). Spans that merely touch (one
    ends where the next starts) share no character and stay apart. With
    :math:`C(s, t, h) = |s \\cap t| / h`, predicted spans :math:`S` and gold
    spans :math:`T`, pairs taken within one article,

    .. math::

       P = \\frac{1}{|S|} \\sum_{s, t} C(s, t, |s|), \\quad
       R = \\frac{1}{|T|} \\sum_{s, t} C(s, t, |t|),

    and :math:`F_1` their harmonic mean (0 when either is 0; 1 when there
    are neither predicted nor gold spans, as in the scorer).

    Parameters
    ----------
    predicted, gold : DataFrame or mapping
        Spans as a DataFrame with columns ``id``, ``start``, ``end`` (end
        exclusive), or a mapping from article id to ``(start, end)`` pairs
        (extra items after the pair, such as a score, are ignored). Articles
        absent from ``predicted`` have no predicted spans; articles absent
        from ``gold`` have no gold spans.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1``; ``n_predicted`` and ``n_gold``
        (span counts after merging); ``overlap_precision`` (share of predicted
        spans that overlap some gold span) and ``overlap_recall`` (share of
        gold spans that some predicted span overlaps), looser numbers that
        are not part of the official measure.

    Raises
    ------
    ValueError
        A span with ``start < 0`` or ``end <= start``, or a DataFrame without
        the ``id``, ``start``, ``end`` columns.

    References
    ----------
    G. Da San Martino, S. Yu, A. Barrón-Cedeño, R. Petrov and P. Nakov (2019).
    "Fine-Grained Analysis of Propaganda in News Articles". EMNLP.
    G. Da San Martino, A. Barrón-Cedeño, H. Wachsmuth, R. Petrov and
    P. Nakov (2020). "SemEval-2020 Task 11: Detection of Propaganda
    Techniques in News Articles". SemEval.

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
    pred_hit = gold_hit = 0
    for art, p_spans in pred.items():
        g_spans = ref.get(art, [])
        hit = [False] * len(g_spans)
        j0 = 0
        for ps, pe in p_spans:  # both lists are sorted and free of overlaps
            while j0 < len(g_spans) and g_spans[j0][1] <= ps:
                j0 += 1
            j = j0
            overlaps = False
            while j < len(g_spans) and g_spans[j][0] < pe:
                gs, ge = g_spans[j]
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    p_sum += inter / (pe - ps)
                    r_sum += inter / (ge - gs)
                    overlaps = hit[j] = True
                j += 1
            pred_hit += overlaps
        gold_hit += sum(hit)
    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in ref.values())
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    if n_pred == 0 and n_gold == 0:
        f1 = 1.0
    elif precision > 0 and recall > 0:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        f1 = 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "n_predicted": float(n_pred), "n_gold": float(n_gold),
            "overlap_precision": pred_hit / n_pred if n_pred else 0.0,
            "overlap_recall": gold_hit / n_gold if n_gold else 0.0}


_WORD_SHAPE = [(re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d")]


def _shape(token: str) -> str:
    shape = token
    for pattern, repl in _WORD_SHAPE:
        shape = pattern.sub(repl, shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)[:6]


@lru_cache(maxsize=4)
def _matcher(names: tuple[str, ...]) -> Matcher:
    return Matcher([load_lexicon(n) for n in names])


_ALL_GROUPS = frozenset({"base", "sbow", "bio", "punct", "caps", "repeat", "quote", "sent", "pos"})
_FEATURE_SETS = {"basic": frozenset({"base", "sbow"}), "rich": _ALL_GROUPS}


def _token_features(
    text: str, lexicons: tuple[str, ...], window: int, groups: frozenset[str] = _ALL_GROUPS
) -> tuple[list[list[str]], Any, list[int]]:
    """Feature strings per token of ``text``, the tokens and each token's sentence index."""
    tokens = tokenize(text)
    n = len(tokens)
    if not n:
        return [], tokens, []
    starts, ends, norms = tokens.starts, tokens.ends, tokens.norms
    words = [text[s:e] for s, e in zip(starts, ends)]
    # sentences
    sent_bounds = [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]
    sent_starts = [s for s, _ in sent_bounds]
    tok_sent = [max(bisect_right(sent_starts, st) - 1, 0) for st in starts]
    n_sent = len(sent_bounds)
    sent_first = [-1] * n_sent
    sent_len = [0] * n_sent
    for i, k in enumerate(tok_sent):
        if sent_first[k] < 0:
            sent_first[k] = i
        sent_len[k] += 1
    # lexicon matches: categories per token, with begin/inside marks
    lex_at: list[list[str]] = [[] for _ in range(n)]
    bio_at: list[list[str]] = [[] for _ in range(n)]
    sent_feats: list[set[str]] = [set() for _ in sent_bounds]
    sent_hits = [0] * n_sent
    for m in _matcher(lexicons).find(text, tokens):
        label = f"{m.lexicon}:{m.category}{':neg' if m.negated else ''}"
        i = bisect_right(starts, m.start) - 1
        first = True
        while 0 <= i < n and starts[i] < m.end:
            lex_at[i].append(label)
            bio_at[i].append(("B" if first else "I") + label)
            first = False
            i += 1
        k = max(bisect_right(sent_starts, m.start) - 1, 0)
        sent_feats[k].add("S" + label)
        sent_hits[k] += 1
    # quotes: inside, and short ("scare") quotes
    quoted = np.zeros(n, dtype=np.int8)  # 0 outside, 1 inside a quote, 2 inside a short quote
    sent_quote = [False] * n_sent
    for qs, qe in quote_spans(text)[0]:
        a = bisect_right(starts, qs)
        b = bisect_right(starts, qe)
        if a < b:
            quoted[a:b] = 2 if b - a <= 4 else 1
            sent_quote[tok_sent[a]] = True
    # repetition: how often the word (and the bigram it starts) occurs in the article
    counts = Counter(norms)
    bigrams = [f"{norms[i]}_{norms[i + 1]}" for i in range(n - 1)] + [""]
    bi_counts = Counter(bigrams)
    first_sent_words = {norms[i] for i in range(n) if tok_sent[i] == 0}
    # capitalisation runs
    caps = [w.isupper() and len(w) > 1 for w in words]
    title = [w[:1].isupper() for w in words]
    sent_words: list[list[str]] = [[] for _ in sent_bounds]
    if "sbow" in groups:
        for i in range(n):
            if len(norms[i]) > 3:
                sent_words[tok_sent[i]].append("sw=" + norms[i])
        sent_words = [sorted(set(ws)) for ws in sent_words]
    feats: list[list[str]] = []
    for i in range(n):
        w, lw = words[i], norms[i]
        k = tok_sent[i]
        s0, s1 = sent_bounds[k]
        f = ["b", f"w={lw}", f"sh={_shape(w)}", f"p3={lw[:3]}", f"s3={lw[-3:]}",
             f"q={int(quoted[i] > 0)}", f"slen={min(sent_len[k] // 10, 6)}"]
        stext = text[s0:s1]
        if "base" in groups and any(c in stext for c in "!?"):
            f.append("sent_punct=" + "".join(sorted({c for c in stext if c in "!?"})))
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
        if "bio" in groups:
            f += bio_at[i]
            near = {lab for j in range(max(0, i - 3), min(n, i + 4)) for lab in lex_at[j]
                    if tok_sent[j] == k}
            f += [f"Lnear={lab}" for lab in near]
        if "punct" in groups:
            before = text[ends[i - 1] if i else max(0, starts[i] - 3):starts[i]].strip()
            after = text[ends[i]:starts[i + 1] if i + 1 < n else min(len(text), ends[i] + 3)].strip()
            f.append(f"pb={before[-2:]}")
            f.append(f"pa={after[:2]}")
        if "caps" in groups:
            if caps[i]:
                f.append("caps")
                if (i and caps[i - 1]) or (i + 1 < n and caps[i + 1]):
                    f.append("caps_run")
            if title[i] and i != sent_first[k]:
                f.append("title_mid")
        if "repeat" in groups:
            c = counts[lw]
            f.append(f"rep={min(c, 5) if c < 5 else (5 if c < 10 else 10)}")
            if c > 1 and len(lw) > 3:
                f.append(f"rep_w={lw}")
            if bi_counts[bigrams[i]] > 1 or (i and bi_counts[bigrams[i - 1]] > 1):
                f.append("rep_bigram")
            if lw in first_sent_words and k > 0 and len(lw) > 3:
                f.append("in_title")
        if "quote" in groups and quoted[i]:
            f.append(f"qt={int(quoted[i])}")
            f.append(f"qw={lw}")
        if "sent" in groups:
            f.append(f"s_hits={min(sent_hits[k], 4)}")
            if sent_quote[k]:
                f.append("s_quote")
            if k == 0:
                f.append("s_title")
            f.append(f"s_end={stext.rstrip()[-1:]}")
        f += sent_words[k]
        if "pos" in groups:
            j = i - sent_first[k]
            f.append(f"pos={min(j, 5)}")
            f.append(f"rpos={min(sent_len[k] - 1 - j, 5)}")
        feats.append(f)
    return feats, tokens, tok_sent


_CONTEXT_OFFSETS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)


def _context_matrix(proba: np.ndarray, tok_sent: Sequence[int]) -> np.ndarray:
    """Dense second-pass features of each token from the first-pass probabilities.

    The token's own log-odds, the probabilities of its neighbours in the same
    sentence (-1 across a sentence boundary), the mean, maximum and share
    above 0.3 of its sentence, its position and the sentence length, the
    maximum and mean over windows of 2, 5 and 10 tokens, the document mean,
    and the distance to the nearest confident (> 0.5) token on each side.
    """
    p = np.asarray(proba, dtype=float)
    n = p.size
    if n == 0:
        return np.zeros((0, 1 + len(_CONTEXT_OFFSETS) + 15))
    sid = np.asarray(tok_sent, dtype=int)
    clipped = np.clip(p, 1e-4, 1 - 1e-4)
    cols = [np.log(clipped / (1 - clipped))]
    idx = np.arange(n)
    for d in _CONTEXT_OFFSETS:
        j = idx + d
        ok = (j >= 0) & (j < n)
        q = np.full(n, -1.0)
        same = ok.copy()
        same[ok] = sid[j[ok]] == sid[ok]
        q[same] = p[j[same]]
        cols.append(q)
    n_sent = int(sid.max()) + 1
    count = np.bincount(sid, minlength=n_sent).astype(float)
    mean = np.bincount(sid, p, minlength=n_sent) / np.maximum(count, 1)
    top = np.zeros(n_sent)
    np.maximum.at(top, sid, p)
    share = np.bincount(sid, (p > 0.3).astype(float), minlength=n_sent) / np.maximum(count, 1)
    first = np.full(n_sent, n)
    np.minimum.at(first, sid, idx)
    pos = idx - first[sid]
    cols += [mean[sid], top[sid], share[sid], np.minimum(count[sid], 80),
             np.minimum(pos, 40), np.minimum(count[sid] - 1 - pos, 40)]
    for w in (2, 5, 10):
        win = np.lib.stride_tricks.sliding_window_view(np.pad(p, w), 2 * w + 1)
        cols += [win.max(axis=1), win.mean(axis=1)]
    cols.append(np.full(n, p.mean()))
    conf = np.flatnonzero(p > 0.5)
    if conf.size:
        k = np.searchsorted(conf, idx, side="right")  # first confident index > i
        right = np.where(k < conf.size, conf[np.minimum(k, conf.size - 1)] - idx, 50)
        kl = np.searchsorted(conf, idx, side="left") - 1  # last confident index < i
        left = np.where(kl >= 0, idx - conf[np.maximum(kl, 0)], 50)
    else:
        left = right = np.full(n, 50)
    cols += [np.minimum(left, 50), np.minimum(right, 50)]
    return np.column_stack(cols)


def _runs(
    tokens: Any, tok_sent: Sequence[int], proba: np.ndarray, threshold: float, max_gap: int,
    min_tokens: int,
) -> list[tuple[int, int, float]]:
    """Join tokens at or above ``threshold`` into spans within sentences.

    Two tagged runs of one sentence separated by at most ``max_gap``
    untagged tokens become one span; spans of fewer than ``min_tokens``
    tokens are dropped. Returns ``(start, end, mean token probability)``.
    """
    spans: list[tuple[int, int]] = []
    first = last = -1
    for i in np.flatnonzero(np.asarray(proba) >= threshold).tolist():
        if last >= 0 and (i - last - 1 > max_gap or tok_sent[i] != tok_sent[last]):
            spans.append((first, last))
            first = -1
        if first < 0:
            first = i
        last = i
    if first >= 0:
        spans.append((first, last))
    return [
        (tokens.starts[a], tokens.ends[b], float(np.mean(proba[a:b + 1])))
        for a, b in spans
        if b - a + 1 >= min_tokens
    ]


class PersuasionSpanTagger(BaseEstimator):
    """Tag the character spans of a text that use a persuasion technique.

    A linear token classifier (inside/outside a technique span, logistic
    loss, stochastic gradient descent) over hashed features of each word
    token and its context (see ``features``) gives every token a
    probability; tokens whose probability reaches ``threshold`` are joined
    into spans within sentences. With ``smoothing=True`` a second,
    gradient-boosted classifier rescores each token from the first-pass
    probabilities of the token, its neighbours and its sentence; it is
    trained on out-of-fold first-pass probabilities (``cv`` folds over the
    training texts).

    The defaults were chosen by 5-fold cross-validation over the 371 PTC
    training articles (folds of whole articles; the dev articles were not
    used), taking the simplest setting whose cross-validated span F1 lies
    within one standard error of the best. Bridging gaps inside a sentence
    (``max_gap=100`` rather than 6) gained between 0.008 and 0.022 F1 in
    every fold; the words of the sentence as features of each of its tokens
    gained 0.011 on average (4 folds of 5); the other ``"rich"`` features
    and the second pass each changed the cross-validated F1 by less than
    0.003, within the fold-to-fold spread. The
    resulting span-identification F1 on the PTC dev articles is recorded in
    ``docs/models.md``.

    Parameters
    ----------
    threshold : float, default=0.25
        Probability above which a token is inside a span.
    window : int, default=2
        Context words on each side.
    max_gap : int, default=100
        Join two tagged runs of the same sentence separated by at most this
        many untagged tokens (the default bridges, in effect, any gap
        inside a sentence; spans never cross a sentence boundary).
    min_tokens : int, default=1
        Drop spans shorter than this many tokens.
    features : {"basic", "rich"}, default="basic"
        ``"basic"``: word, shape, affixes, neighbouring words and bigrams,
        lexicon categories of the token, its neighbours and its sentence,
        the words (longer than 3 letters) of its sentence, quotation marks,
        ``!``/``?`` in the sentence, sentence length.
        ``"rich"`` adds begin/inside marks of lexicon matches and lexicon
        categories within 3 tokens, punctuation before and after the token,
        capitalisation runs, repetition of the word and its bigrams in the
        article, words of the first sentence (title) repeated later, short
        ("scare") quotes, sentence-level cues and the token's position in
        its sentence.
    smoothing : bool, default=False
        Run the second, stacked pass.
    cv : int, default=5
        Folds (over texts) for the out-of-fold first-pass probabilities the
        second pass is trained on.
    lexicons : tuple of str, default=("loaded_language", "persuasion", "epistemic", "moral_foundations")
        Shipped lexicons whose categories become features.
    n_features : int, default=2**20
        Hashing space.
    alpha : float, default=3e-5
        L2 regularisation of the SGD classifier.
    max_iter : int, default=15
        Passes over the training tokens.
    random_state : int, default=0

    Attributes
    ----------
    classifier_ : SGDClassifier
        The first-pass token model.
    smoother_ : HistGradientBoostingClassifier or None
        The second-pass model (``None`` when ``smoothing=False``).
    n_tokens_ : int
        Training tokens seen.

    Examples
    --------
    >>> texts = ["This disgraceful, corrupt regime lies. The meeting is on Monday."] * 20
    >>> spans = [[(5, 38)]] * 20
    >>> tagger = PersuasionSpanTagger(n_features=2**12).fit(texts, spans)
    >>> [texts[0][s:e] for s, e, _ in tagger.predict(texts[:1])[0]]
    ['disgraceful, corrupt regime lies']
    """

    def __init__(
        self,
        *,
        threshold: float = 0.25,
        window: int = 2,
        max_gap: int = 100,
        min_tokens: int = 1,
        features: str = "basic",
        smoothing: bool = False,
        cv: int = 5,
        lexicons: tuple[str, ...] = _DEFAULT_LEXICONS,
        n_features: int = 2**20,
        alpha: float = 3e-5,
        max_iter: int = 15,
        random_state: int = 0,
    ) -> None:
        self.threshold = threshold
        self.window = window
        self.max_gap = max_gap
        self.min_tokens = min_tokens
        self.features = features
        self.smoothing = smoothing
        self.cv = cv
        self.lexicons = lexicons
        self.n_features = n_features
        self.alpha = alpha
        self.max_iter = max_iter
        self.random_state = random_state

    def _hasher(self) -> FeatureHasher:
        return FeatureHasher(n_features=self.n_features, input_type="string", alternate_sign=False)

    def _featurize(self, docs: list[str]) -> tuple[Any, list[Any], list[list[int]]]:
        lex = tuple(self.lexicons)
        rows: list[list[str]] = []
        toks = []
        sents = []
        for doc in docs:
            f, t, s = _token_features(doc, lex, self.window, _FEATURE_SETS[self.features])
            rows.extend(f)
            toks.append(t)
            sents.append(s)
        if not rows:  # FeatureHasher cannot take an empty batch
            return sp.csr_matrix((0, self.n_features)), toks, sents
        return self._hasher().transform(rows), toks, sents

    def _first_pass(self) -> SGDClassifier:
        return SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=self.max_iter, tol=None,
                             random_state=self.random_state)

    def _second_pass(self) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31,
                                              random_state=self.random_state)

    def _check_params(self) -> None:
        if self.features not in _FEATURE_SETS:
            raise ValueError(
                f"The 'features' parameter of PersuasionSpanTagger must be one of "
                f"{sorted(_FEATURE_SETS)}. Got {self.features!r} instead."
            )
        if not 0.0 < float(self.threshold) < 1.0:
            raise ValueError(
                f"The 'threshold' parameter of PersuasionSpanTagger must be in (0, 1). "
                f"Got {self.threshold!r} instead."
            )
        for name, low in (("window", 0), ("max_gap", 0), ("min_tokens", 0), ("cv", 2)):
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < low:
                raise ValueError(
                    f"The '{name}' parameter of PersuasionSpanTagger must be an int >= {low}. "
                    f"Got {value!r} instead."
                )

    def fit(self, X: Any, y: Any) -> PersuasionSpanTagger:
        """Learn the token models.

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
        self._check_params()
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        y = list(y)
        if len(y) != len(docs):
            raise ValueError(
                f"PersuasionSpanTagger.fit needs one list of spans per document: got {len(y)} for "
                f"{len(docs)} documents."
            )
        H, toks, sents = self._featurize(docs)
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
        self.classifier_ = self._first_pass().fit(H, target)
        self.smoother_: HistGradientBoostingClassifier | None = None
        if self.smoothing:
            lengths = np.array([len(t) for t in toks])
            bounds = np.concatenate([[0], np.cumsum(lengths)])
            doc_of_row = np.repeat(np.arange(len(docs)), lengths)
            n_splits = min(int(self.cv), len(docs))
            if n_splits < 2:
                raise ValueError(
                    "PersuasionSpanTagger with smoothing=True needs at least 2 documents to make "
                    f"out-of-fold predictions. Got {len(docs)}."
                )
            oof = np.empty(target.size)
            for part in np.array_split(np.arange(len(docs)), n_splits):
                held = np.isin(doc_of_row, part)
                if target[~held].min() == target[~held].max():
                    oof[held] = target[~held].mean()
                    continue
                oof[held] = self._first_pass().fit(H[~held], target[~held]).predict_proba(H[held])[:, 1]
            context = np.vstack([
                _context_matrix(oof[bounds[k]:bounds[k + 1]], sents[k]) for k in range(len(docs))
            ])
            self.smoother_ = self._second_pass().fit(context, target)
        self.n_tokens_ = int(target.size)
        self.n_features_in_ = 1
        logger.info("PersuasionSpanTagger: fitted on %d documents, %d tokens (%d inside spans)",
                    len(docs), target.size, int(target.sum()))
        return self

    def _scores(self, docs: list[str]) -> list[tuple[Any, list[int], np.ndarray]]:
        check_is_fitted(self, "classifier_")
        H, toks, sents = self._featurize(docs)
        proba = self.classifier_.predict_proba(H)[:, 1] if H.shape[0] else np.zeros(0)
        out = []
        pos = 0
        for t, s in zip(toks, sents):
            p = proba[pos:pos + len(t)]
            if self.smoother_ is not None and len(t):
                p = self.smoother_.predict_proba(_context_matrix(p, s))[:, 1]
            out.append((t, s, p))
            pos += len(t)
        return out

    def token_scores(self, X: Any) -> list[tuple[Any, np.ndarray]]:
        """The tokens of each document and their probability of being inside a span."""
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        return [(t, p) for t, _, p in self._scores(docs)]

    def predict(self, X: Any) -> list[list[tuple[int, int, float]]]:
        """Spans ``(start, end, mean token probability)`` per document."""
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        return [
            _runs(t, s, p, self.threshold, self.max_gap, self.min_tokens)
            for t, s, p in self._scores(docs)
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
