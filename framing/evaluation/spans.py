"""The span measure of SemEval-2020 task 11 (span identification), as a typed record.

For predicted spans :math:`S` and gold spans :math:`T` (character offsets,
overlapping spans of one article merged; Da San Martino et al. 2019,
section 4),

.. math::

   P = \\frac{1}{|S|} \\sum_{s \\in S, t \\in T} \\frac{|s \\cap t|}{|s|}, \\quad
   R = \\frac{1}{|T|} \\sum_{s \\in S, t \\in T} \\frac{|s \\cap t|}{|t|},

with pairs taken within the same article, and :math:`F_1` their harmonic mean.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["SpanScore", "span_prf"]


@dataclass(frozen=True, slots=True)
class SpanScore:
    """Span precision, recall and F1 with the sizes they were computed from.

    ``overlap_precision`` is the share of predicted spans that overlap some
    gold span and ``overlap_recall`` the share of gold spans that some
    predicted span overlaps: looser numbers that suit cues for techniques
    whose gold spans are whole clauses.
    """

    precision: float
    recall: float
    f1: float
    n_predicted: int
    n_gold: int
    overlap_precision: float = 0.0
    overlap_recall: float = 0.0


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def span_prf(
    predicted: Mapping[str, Sequence[tuple[int, int]]],
    gold: Mapping[str, Sequence[tuple[int, int]]],
) -> SpanScore:
    """The SemEval-2020 task 11 span-identification measure over documents.

    A typed view of :func:`framing.models.si_score`, the one
    implementation of the measure (it follows the official scorer: spans
    that share a character are merged, touching spans stay apart, F1 is 1
    when there are neither predicted nor gold spans).

    Parameters
    ----------
    predicted, gold : mapping of document id to (start, end) character spans
        Spans of a document that share a character are merged first.

    Returns
    -------
    SpanScore

    References
    ----------
    Da San Martino, G., Yu, S., Barrón-Cedeño, A., Petrov, R. & Nakov, P.
    (2019). Fine-grained analysis of propaganda in news articles. EMNLP 2019.

    Examples
    --------
    >>> s = span_prf({"a": [(0, 4), (10, 12)]}, {"a": [(0, 8)]})
    >>> round(s.precision, 3), round(s.recall, 3), s.n_predicted, s.n_gold
    (0.5, 0.5, 2, 1)
    """
    from ..models import si_score

    r = si_score(predicted, gold)
    return SpanScore(
        r["precision"],
        r["recall"],
        r["f1"],
        int(r["n_predicted"]),
        int(r["n_gold"]),
        overlap_precision=r["overlap_precision"],
        overlap_recall=r["overlap_recall"],
    )
