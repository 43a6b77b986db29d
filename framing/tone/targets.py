"""Tone toward a target: how a text speaks of a person, a group or any span, not its overall tone.

:func:`tone_toward` scores any ``(start, end)`` spans of a text: a
caller's targets, the entities of a document, the speakers of quotes. Each
span is scored in its sentence (the sentences it overlaps, from
:func:`framing.text.split_sentences`) by the shipped target-dependent model
(:func:`target_model`), a multinomial logistic regression over the features
of :mod:`~framing.tone.target_features`, trained on the NewsMTSC training
split (Hamborg & Donnay 2021, MIT licence) and calibrated by temperature
scaling (Guo et al. 2017) on cross-validated predictions. The tone is
``P(positive) - P(negative)``, in ``[-1, 1]``; the label is the most probable
class. ``docs/tone.md`` has the measured macro-F1 next to VADER's.

A bad span (not two integers, outside the text, reversed, empty, on
whitespace only, overlapping a span given before it) gets an ``error`` and
no tone; every other span is still scored.

Examples
--------
>>> text = "Critics slammed Smith. Jones praised the brave rescuers."
>>> [(t.text, t.label) for t in tone_toward(text, [(16, 21), (23, 28)])]
[('Smith', 'negative'), ('Jones', 'positive')]
>>> tone_toward(text, [(5, 2)])[0].error
'reversed span: start 5 is after end 2'
"""

from __future__ import annotations

import gzip
import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from ..text import split_sentences
from .target_features import DENSE_NAMES, target_features

__all__ = [
    "LABELS", "TargetModel", "TargetTone", "check_spans", "score_targets", "target_model", "tone_toward",
]

LABELS: tuple[Literal["negative"], Literal["neutral"], Literal["positive"]] = (
    "negative", "neutral", "positive")
"""The classes of the model, in its column order."""

MODEL_FILE = "tone-targets-newsmtsc.json.gz"
"""The shipped model in ``framing/data/`` (plain JSON, gzipped; provenance inside)."""

Label = Literal["negative", "neutral", "positive"]


@dataclass(frozen=True, slots=True)
class TargetTone:
    """The tone of a text toward one span of it.

    Attributes
    ----------
    start, end : int
        The span as given.
    text : str or None
        ``text[start:end]``; None when the span is not two integers in range.
    tone : float or None
        ``P(positive) - P(negative)``, in ``[-1, 1]``; None with an error.
    label : {"negative", "neutral", "positive"} or None
        The most probable class; None with an error.
    probabilities : tuple of float
        ``P(negative), P(neutral), P(positive)``; empty with an error.
    error : str or None
        Why the span was not scored.
    """

    start: Any
    end: Any
    text: str | None
    tone: float | None
    label: Label | None
    probabilities: tuple[float, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the JSONL ``targets`` contract); ``error`` only when set."""
        row: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                               "tone": self.tone, "label": self.label}
        if self.error is not None:
            row["error"] = self.error
        return row


class TargetModel:
    """The target-dependent tone model: its arrays, read from plain JSON (no code is loaded).

    Parameters
    ----------
    obj : dict
        The model as :func:`framing.tone.target_training.fit_target_model`
        writes it: ``dense_names``, ``dense_mean``, ``dense_scale``,
        ``dense_weight``, ``vocabulary``, ``idf``, ``coef``, ``intercept``,
        ``temperature`` and ``provenance``.

    Examples
    --------
    >>> model = target_model()
    >>> model.provenance["licence"]
    'MIT'
    >>> p = model.predict_proba("Critics slammed Smith.", 16, 21)
    >>> round(sum(p), 6), LABELS[p.index(max(p))]
    (1.0, 'negative')
    """

    def __init__(self, obj: dict[str, Any], *, names: Sequence[str] = DENSE_NAMES) -> None:
        given = list(obj["dense_names"])
        if given != list(names):
            missing = sorted(set(names) ^ set(given))[:5]
            raise ValueError(
                "The target tone model was trained on other features than this version computes "
                f"(differing: {missing}). Retrain it with framing.tone.target_training.fit_target_model."
            )
        self.names: tuple[str, ...] = tuple(names)
        self.mean: list[float] = [float(x) for x in obj["dense_mean"]]
        self.scale: list[float] = [float(x) or 1.0 for x in obj["dense_scale"]]
        self.dense_weight = float(obj["dense_weight"])
        self.vocabulary: dict[str, int] = {str(k): int(v) for k, v in obj["vocabulary"].items()}
        self.idf: list[float] = [float(x) for x in obj["idf"]]
        self.coef: list[list[float]] = [[float(x) for x in row] for row in obj["coef"]]
        self.intercept: list[float] = [float(x) for x in obj["intercept"]]
        self.temperature = float(obj["temperature"])
        self.provenance: dict[str, Any] = dict(obj.get("provenance", {}))
        self._n_dense = len(given)
        # The standardised dense block is (value - mean) / scale * weight: its part at value 0 is
        # a constant added once, so only the features that are present cost anything per target.
        w = self.dense_weight
        self._base = [b - sum(row[j] * self.mean[j] / self.scale[j] * w for j in range(self._n_dense))
                      for b, row in zip(self.intercept, self.coef)]
        self._dense_coef = {name: tuple(row[j] / self.scale[j] * w for row in self.coef)
                            for j, name in enumerate(self.names)}
        self._terms: dict[str, tuple[float, tuple[float, ...]]] = {
            term: (self.idf[i], tuple(row[self._n_dense + i] for row in self.coef))
            for term, i in self.vocabulary.items()}

    def predict_proba(self, text: str, start: int, end: int) -> list[float]:
        """``P(negative), P(neutral), P(positive)`` of the target ``text[start:end]``."""
        dense, terms = target_features(text, start, end)
        return self.proba_from_features(dense, terms)

    def proba_from_features(self, dense: dict[str, float], terms: Sequence[str]) -> list[float]:
        """The probabilities of a target from its dense features (absent = 0) and its terms."""
        if len(self._base) != 3:  # pragma: no cover - every shipped model has the three LABELS
            raise ValueError(f"expected a model of 3 classes. Got {len(self._base)}.")
        z0, z1, z2 = self._base
        coef_of = self._dense_coef.get
        for name, value in dense.items():
            if value:
                coef = coef_of(name)
                if coef is not None:
                    a, b, c = coef
                    z0 += a * value
                    z1 += b * value
                    z2 += c * value
        entry_of = self._terms.get
        weighted = []
        squares = 0.0
        for term, n in Counter(terms).items():  # in the order of first occurrence
            entry = entry_of(term)
            if entry is not None:
                idf, coefs = entry
                w = idf if n == 1 else (1.0 + math.log(n)) * idf  # sublinear tf
                squares += w * w
                weighted.append((w, coefs))
        if weighted:
            inv = 1.0 / (math.sqrt(squares) or 1.0)  # l2-normalised
            for w, (a, b, c) in weighted:
                x = w * inv
                z0 += a * x
                z1 += b * x
                z2 += c * x
        t = self.temperature
        scaled = (z0 / t, z1 / t, z2 / t)
        top = max(scaled)
        exps = [math.exp(z - top) for z in scaled]
        total = exps[0] + exps[1] + exps[2]
        return [e / total for e in exps]


@lru_cache(maxsize=1)
def target_model() -> TargetModel:
    """The shipped target-dependent tone model (read on first use, then cached).

    Examples
    --------
    >>> target_model().provenance["trained_on"]
    'NewsMTSC train (Hamborg & Donnay 2021)'
    """
    raw = (resources.files("framing") / "data" / MODEL_FILE).read_bytes()
    return TargetModel(json.loads(gzip.decompress(raw).decode("utf-8")))


def check_spans(text: str, spans: Iterable[Any]) -> list[str | None]:
    """Why each span cannot be scored (None for a good one), in the order given.

    A span is a pair of integers ``(start, end)`` (a mapping with ``start``
    and ``end`` works too) with ``0 <= start < end <= len(text)``, not only
    whitespace, and not overlapping a good span given before it.

    Examples
    --------
    >>> check_spans("Smith met Jones.", [(0, 5), (3, 8), (10, 15), (20, 25), (9, 10)])
    [None, 'overlaps the target (0, 5) given before it', None, 'outside the text: end 25 is past its length 16', 'whitespace-only span']
    """
    out: list[str | None] = []
    taken: list[tuple[int, int]] = []
    for span in spans:
        start, end = _span_pair(span)
        why = _span_error(text, start, end)
        if why is None:
            clash = next(((s, e) for s, e in taken if s < end and start < e), None)
            if clash is not None:
                why = f"overlaps the target {clash} given before it"
            else:
                taken.append((start, end))
        out.append(why)
    return out


def _span_pair(span: Any) -> tuple[Any, Any]:
    if isinstance(span, dict):
        return span.get("start"), span.get("end")
    if isinstance(span, (tuple, list)) and len(span) == 2:
        return span[0], span[1]
    return span, None


def _span_error(text: str, start: Any, end: Any) -> str | None:
    def is_int(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    if not (is_int(start) and is_int(end)):
        return ("expected a span of two integers (start, end). "
                f"Got start={start!r} ({type(start).__name__}), end={end!r} ({type(end).__name__})")
    if start < 0:
        return f"outside the text: start {start} is negative"
    if end > len(text):
        return f"outside the text: end {end} is past its length {len(text)}"
    if start > end:
        return f"reversed span: start {start} is after end {end}"
    if start == end:
        return f"empty span: start and end are both {start}"
    if not text[start:end].strip():
        return "whitespace-only span"
    return None


def tone_toward(text: str, spans: Iterable[Any], *, errors: Sequence[str | None] | None = None
                ) -> list[TargetTone]:
    """The tone of ``text`` toward each span, scored in the sentences around it.

    Parameters
    ----------
    text : str
        A sentence or a whole article; the spans index into it.
    spans : iterable of (int, int)
        Character offsets ``(start, end)``, ``end`` exclusive (a mapping
        with ``start`` and ``end``, as in the JSONL ``targets``, works too).
        Entities, quote speakers, any caller-given mention.
    errors : sequence of str or None, optional
        Errors known before scoring, parallel to ``spans`` (the analyzer
        passes the row's error for every target of an error row); a span
        with one is not scored.

    Returns
    -------
    list of TargetTone
        One per span, in the order given; a bad span has ``error`` set.

    Raises
    ------
    TypeError
        When ``text`` is not a str.

    Examples
    --------
    >>> text = "Smith accused Jones of lying to voters."
    >>> smith, jones = tone_toward(text, [(0, 5), {"start": 14, "end": 19}])
    >>> (smith.label, jones.label), smith.tone > jones.tone
    (('negative', 'negative'), True)
    >>> -1.0 <= jones.tone <= 1.0
    True
    """
    if not isinstance(text, str):
        raise TypeError(
            f"The 'text' parameter of tone_toward must be a str. Got {type(text).__name__} instead."
        )
    items = list(spans)
    if errors is not None and len(errors) != len(items):
        raise ValueError(
            f"The 'errors' parameter of tone_toward must have one entry per span ({len(items)}). "
            f"Got {len(errors)} instead."
        )
    whys = check_spans(text, items)
    if errors is not None:
        whys = [given or why for given, why in zip(errors, whys)]
    sentences = split_sentences(text) if any(w is None for w in whys) else []
    sentence_starts = [s.start for s in sentences]
    out: list[TargetTone] = []
    for span, why in zip(items, whys):
        start, end = _span_pair(span)
        if why is not None:
            ok = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
            out.append(TargetTone(start, end, text[start:end] if ok else None, None, None, (), why))
            continue
        lo, hi = _context(sentences, sentence_starts, start, end, len(text))
        probs = target_model().predict_proba(text[lo:hi], start - lo, end - lo)
        label = LABELS[max(range(3), key=probs.__getitem__)]
        out.append(TargetTone(start, end, text[start:end], probs[2] - probs[0], label, tuple(probs)))
    return out


def _context(sentences: Sequence[Any], starts: list[int], start: int, end: int, n: int
             ) -> tuple[int, int]:
    """The bounds of the sentences that ``[start, end)`` overlaps (the whole text if none)."""
    if not sentences:
        return 0, n
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_right(starts, end - 1) - 1, first)
    return min(sentences[first].start, start), max(sentences[last].end, end)


def score_targets(text: str, targets: Any, row_error: str | None = None) -> tuple[TargetTone, ...]:
    """The ``targets`` of a record, scored: what the analyzer puts in the row's ``targets``.

    Like :func:`tone_toward`, but never raises on bad input: ``targets``
    that is not a list gives one entry with the error; on an error row
    (``row_error`` set) every target gets an error and none is scored.

    Examples
    --------
    >>> [t.error for t in score_targets("Smith spoke.", "0-5")]
    ["expected 'targets' to be a list of {'start': int, 'end': int} objects. Got str."]
    >>> score_targets("", [{"start": 0, "end": 5}], "empty text: nothing to analyze")[0].error
    'not scored: the row has an error (empty text: nothing to analyze)'
    """
    if isinstance(targets, (str, bytes, dict)) or not isinstance(targets, Sequence):
        why = ("expected 'targets' to be a list of {'start': int, 'end': int} objects. "
               f"Got {type(targets).__name__}.")
        return (TargetTone(None, None, None, None, None, (), why),)
    if not isinstance(text, str):
        text = ""
    errors = None
    if row_error is not None:
        errors = [f"not scored: the row has an error ({row_error})"] * len(targets)
    return tuple(tone_toward(text, targets, errors=errors))
