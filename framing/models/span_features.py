"""Features of each word token for the persuasion-span tagger.

:func:`_token_features` gives the hashed-feature strings of every token of
an article (the word, its shape and affixes, its neighbours, the shipped
lexicon categories around it, punctuation, capitalisation, repetition within
the article, quotation marks, sentence-level cues); :func:`_context_matrix`
the dense features of the second, stacked pass (each token's neighbours'
and sentence's first-pass probabilities). Both serve
:class:`~framing.models.persuasion.PersuasionSpanTagger`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..attribution import quote_spans
from ..lexicon import Matcher, load_lexicon
from ..text import split_sentences, tokenize

_DEFAULT_LEXICONS = ("loaded_language", "persuasion", "epistemic", "moral_foundations")
"""The shipped lexicons whose categories are token features by default."""

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
