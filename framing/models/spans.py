"""The span-identification metric of SemEval-2020 task 11.

:func:`si_score` is the span-identification metric of the shared task, as
computed by its official scorer (Da San Martino et al. 2019, 2020): per
article, spans that share a character are merged; precision sums, over
every predicted span ``s`` and gold span ``t``, ``|s ∩ t| / |s|`` and divides
by the number of predicted spans; recall sums ``|s ∩ t| / |t|`` and divides
by the number of gold spans; F1 is their harmonic mean. Characters are the
unit, so a prediction that covers part of a gold span gets partial credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from ..types import Span

__all__ = ["merge_spans", "si_score"]


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
