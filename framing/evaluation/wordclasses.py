"""Distributional word classes for the tagger's ``framing-3`` features, from permissively licensed text.

A word's class is the k-means cluster of its left and right neighbours
(Schütze 1995; Lamar, Maron, Johnson & Bienenstock 2010, "SVD and clustering
for unsupervised POS tagging"): each word of the vocabulary gets two vectors
of neighbour counts over the most frequent words (the word before it, the
word after it), weighted by positive pointwise mutual information; the two
are put side by side and reduced by a truncated SVD, the rows are
L2-normalised and clustered by k-means at several sizes (coarse to fine
classes, as Brown-cluster prefixes are used). Everything is seeded and runs
on one thread, so the same text gives the same classes.

The text is only what may be shipped in a derived work:

* UD English EWT **train** (CC BY-SA 4.0; never dev or test),
* NewsMTSC train sentences (Hamborg & Donnay 2021; MIT, see
  ``framing/data/newsmtsc_LICENSE.txt``),
* CoNLL-2010 Wikipedia sentences (Farkas et al. 2010; Wikipedia text,
  CC BY-SA), its PTB brackets and quotes mapped back (``-LRB-`` -> ``(``).

Each is read from the data home as published; words are the tagger's forms
(:func:`framing.tagger.tagger_input`), normalised as the perceptron sees them
(:func:`framing._tagger_features.normalize`). Build and print a summary::

    nice python -m framing.evaluation.wordclasses --data-home DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from .._tagger_features import normalize
from ..datasets import get_data_home
from ..tagger import tagger_input
from ..text import tokenize

__all__ = ["CLASS_SIZES", "CORPORA", "MIN_COUNT", "build_word_classes", "class_sentences", "ptb_to_text"]

CORPORA = ("ewt-train", "newsmtsc-train", "conll2010-wiki")
"""The texts the classes are built from (all permissively licensed; see the module docstring)."""
CLASS_SIZES = (256, 1024)
"""The k-means sizes: one class per size per word."""
MIN_COUNT = 5
"""Words seen fewer times in the texts get no class."""
_CONTEXT_WORDS = 1000  # neighbour vectors count the most frequent words (and the sentence edges)
_DIMENSIONS = 100
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
        "``": '"', "''": '"'}
_EDGE = "<s>"


def ptb_to_text(text: str) -> str:
    """``text`` with the PTB bracket and quote tokens mapped back and its white space collapsed.

    Examples
    --------
    >>> ptb_to_text("two QJ -LRB- 2-10-2 -RRB- steam locomotives , `` Stories ''  ")
    'two QJ ( 2-10-2 ) steam locomotives , " Stories "'
    """
    return " ".join(_PTB.get(w, w) for w in text.split())


def _texts(corpus: str, data_home: str | os.PathLike[str] | None) -> Iterator[str]:
    root = get_data_home(data_home)
    if corpus == "ewt-train":  # each sentence's "# text = " line, as framing.evaluation.tagger reads it
        with open(root / "ud-english-ewt" / "en_ewt-train.conllu", encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    yield line.rstrip("\n")[9:]
    elif corpus == "newsmtsc-train":
        seen: set[str] = set()
        with open(root / "newsmtsc" / "train.jsonl", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["sentence"]
                if text not in seen:  # one row per target mention: a sentence repeats
                    seen.add(text)
                    yield text
    elif corpus == "conll2010-wiki":
        with open(root / "conll2010-wiki" / "train.csv", encoding="utf-8", newline="") as f:
            seen = set()
            for row in csv.DictReader(f):
                text = ptb_to_text(row["text"])
                if text and text not in seen:
                    seen.add(text)
                    yield text
    else:
        raise ValueError(f"The 'corpus' parameter must be one of {CORPORA}. Got {corpus!r} instead.")


def class_sentences(
    data_home: str | os.PathLike[str] | None = None, corpora: Sequence[str] = CORPORA
) -> Iterator[list[str]]:
    """The normalised tagger forms of every sentence of ``corpora``, in order."""
    for corpus in corpora:
        for text in _texts(corpus, data_home):
            forms, _ = tagger_input(tokenize(text), text)
            if forms:
                yield [normalize(f) for f in forms]


def build_word_classes(
    data_home: str | os.PathLike[str] | None = None,
    *,
    corpora: Sequence[str] = CORPORA,
    sizes: Sequence[int] = CLASS_SIZES,
    min_count: int = MIN_COUNT,
    random_state: int = 0,
) -> dict[str, Any]:
    """Word classes as JSON-ready data: ``{"sizes": [...], "classes": {word: [class per size]}, ...}``.

    Also records the corpora, the vocabulary size and the method, for the
    model's sidecar. The words are normalised forms (lower case, ``!YEAR``,
    ``!DIGITS``). Needs numpy and scikit-learn.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from threadpoolctl import threadpool_limits

    sentences = list(class_sentences(data_home, corpora))
    counts = Counter(w for s in sentences for w in s)
    vocab = sorted(w for w, c in counts.items() if c >= min_count)
    row = {w: k for k, w in enumerate(vocab)}
    top = [w for w, _ in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:_CONTEXT_WORDS]]
    col = {w: k for k, w in enumerate([_EDGE, *top])}
    left: Counter[tuple[int, int]] = Counter()
    right: Counter[tuple[int, int]] = Counter()
    for s in sentences:
        padded = [_EDGE, *s, _EDGE]
        for k in range(1, len(padded) - 1):
            r = row.get(padded[k])
            if r is None:
                continue
            a, b = col.get(padded[k - 1]), col.get(padded[k + 1])
            if a is not None:
                left[r, a] += 1
            if b is not None:
                right[r, b] += 1

    def matrix(pairs: Counter[tuple[int, int]]) -> Any:
        """Positive PMI of (word, neighbour) counts."""
        keys = sorted(pairs)
        rows, cols = np.array([k[0] for k in keys]), np.array([k[1] for k in keys])
        data = np.array([pairs[k] for k in keys], dtype=np.float64)
        by_row = np.bincount(rows, weights=data, minlength=len(vocab))
        by_col = np.bincount(cols, weights=data, minlength=len(col))
        pmi = np.maximum(np.log(data * data.sum() / (by_row[rows] * by_col[cols])), 0.0)
        return csr_matrix((pmi, (rows, cols)), shape=(len(vocab), len(col)))

    x = hstack([matrix(left), matrix(right)]).tocsr()
    with threadpool_limits(1):
        z = TruncatedSVD(_DIMENSIONS, algorithm="arpack", random_state=random_state).fit_transform(x)
        z /= np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)
        labels = [KMeans(k, n_init=1, max_iter=100, random_state=random_state).fit_predict(z) for k in sizes]
    return {
        "sizes": list(sizes),
        "classes": {w: [int(lab[k]) for lab in labels] for k, w in enumerate(vocab)},
        "corpora": list(corpora),
        "sentences": len(sentences),
        "tokens": sum(len(s) for s in sentences),
        "vocabulary": len(vocab),
        "min_count": min_count,
        "method": (f"k-means (seed {random_state}) of the L2-normalised rank-{_DIMENSIONS} SVD of each word's "
                   f"positive-PMI-weighted left and right neighbour counts over the {_CONTEXT_WORDS} most "
                   "frequent words (Lamar et al. 2010)"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m framing.evaluation.wordclasses``: build the classes and print their summary."""
    p = argparse.ArgumentParser(prog="python -m framing.evaluation.wordclasses")
    p.add_argument("--data-home", default=None, metavar="DIR")
    p.add_argument("--out", default=None, metavar="FILE", help="write the classes as JSON")
    args = p.parse_args(argv)
    classes = build_word_classes(args.data_home)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(classes, f, sort_keys=True)
    summary = {k: v for k, v in classes.items() if k != "classes"}
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
