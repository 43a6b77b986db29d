"""Sentence-boundary accuracy on the SemEval-2020 PTC training articles.

The PTC training articles are stored one sentence per line. Each article's
non-empty lines are joined with a single space and the joins are the gold
boundaries (micro-averaged precision, recall and F1 over all articles).

Two caveats of this measure, both measured by :func:`evaluate_sentences`:
about one line in eleven ends with no terminal punctuation (headlines, list
items, tweets, captions), which no punctuation-based splitter can find once
the lines are joined; and some lines hold several sentences, so a correct
split inside a line counts as a false positive. The ``punctuated`` row
therefore also scores only the gold boundaries after terminal punctuation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..datasets import load_ptc
from ..text import split_sentences

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["evaluate_sentences", "ptc_sentence_boundaries"]

Splitter = Callable[[str], list[int]]
_TERMINAL_END = tuple(".!?\u2026\"'\u201d\u2019)]")


def ptc_sentence_boundaries(
    data_home: str | os.PathLike[str] | None = None,
) -> list[tuple[str, set[int], set[int]]]:
    """``(joined text, gold boundaries, gold boundaries after terminal punctuation)`` per article.

    The articles are read by :func:`framing.datasets.load_ptc`; ``data_home``
    is resolved by :func:`framing.datasets.get_data_home`.
    """
    articles, _ = load_ptc(data_home, split="train")
    out = []
    for text in articles["text"]:
        lines = [ln.strip() for ln in text.splitlines()]
        lines = [ln for ln in lines if ln]
        gold: set[int] = set()
        punctuated: set[int] = set()
        pos = 0
        for ln in lines[:-1]:
            pos += len(ln) + 1
            gold.add(pos)
            if ln.endswith(_TERMINAL_END):
                punctuated.add(pos)
        out.append((" ".join(lines), gold, punctuated))
    return out


def _framing_starts(text: str) -> list[int]:
    return [s.start for s in split_sentences(text)][1:]


def _punkt_starts(text: str) -> list[int]:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return [s for s, _ in PunktSentenceTokenizer().span_tokenize(text)][1:]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_sentences(
    data_home: str | os.PathLike[str] | None = None, *, punkt: bool = True
) -> pd.DataFrame:
    """Score sentence splitting on the PTC training articles.

    Parameters
    ----------
    data_home : str or path-like, optional
        Folder holding ``ptc/`` (see :func:`framing.datasets.get_data_home`).
    punkt : bool, default True
        Also score NLTK's Punkt (untrained parameters) when NLTK is installed.

    Returns
    -------
    DataFrame
        One row per splitter and measure: ``splitter``, ``gold``
        (``all lines`` or ``punctuated``), ``precision``, ``recall``, ``f1``,
        ``boundaries``.
    """
    import pandas as pd

    articles = ptc_sentence_boundaries(data_home)
    splitters: dict[str, Splitter] = {"framing": _framing_starts}
    if punkt:
        try:
            import nltk.tokenize.punkt  # noqa: F401

            splitters["nltk punkt"] = _punkt_starts
        except ImportError:
            pass
    rows = []
    for name, splitter in splitters.items():
        tp = fp = fn = 0
        ptp = pfn = pfp = 0
        for text, gold, punctuated in articles:
            pred = set(splitter(text))
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
            ptp += len(punctuated & pred)
            pfn += len(punctuated - pred)
            pfp += len(pred - gold)
        for label, counts in (("all lines", (tp, fp, fn)), ("punctuated", (ptp, pfp, pfn))):
            p, r, f = _prf(*counts)
            rows.append({"splitter": name, "gold": label, "precision": p, "recall": r, "f1": f,
                         "boundaries": counts[0] + counts[2]})
    return pd.DataFrame(rows)
