"""A fitted estimator of one task together with its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..features import check_documents
from ..text import split_sentences
from .explain import explain_text
from .guard import input_warnings, word_vocabulary
from .tasks import TASK_REGISTRY

__all__ = ["TrainedModel"]


def _predicts_spans(task: str) -> bool:
    spec = TASK_REGISTRY.get(task)
    return spec is not None and spec.predicts_spans


def _multilabel(task: str) -> bool:
    spec = TASK_REGISTRY.get(task)
    return spec is not None and spec.multilabel


def _prior(profile: Any, classes: list[str]) -> np.ndarray:
    """The training label shares (uniform when the model does not record them)."""
    counts = (profile or {}).get("label_counts") if isinstance(profile, dict) else None
    if isinstance(counts, dict) and all(c in counts for c in classes):
        values = np.asarray([float(counts[c]) for c in classes])
        if values.sum() > 0:
            out: np.ndarray = values / values.sum()
            return out
    return np.full(len(classes), 1.0 / len(classes))


def _row(classes: list[str], p: np.ndarray, prior: np.ndarray, warnings: list[str], withhold: bool,
         unit: str) -> dict[str, Any]:
    if withhold:
        return {"label": None, "scores": {c: float(v) for c, v in zip(classes, prior)}, "unit": unit,
                "warnings": warnings}
    return {"label": classes[int(np.argmax(p))], "scores": {c: float(v) for c, v in zip(classes, p)},
            "unit": unit, "warnings": warnings}


@dataclass
class TrainedModel:
    """A fitted estimator for one task with its metadata.

    Attributes
    ----------
    task : str
    estimator : estimator
        A fitted pipeline (``sentence-bias``, ``article-leaning``) or
        :class:`~framing.models.persuasion.PersuasionSpanTagger`.
    metadata : dict
        ``framing_version``, ``lexicons`` (name -> version), ``date``,
        ``task``, ``training_data`` (``fingerprint``, ``n_rows``, ``source``),
        ``cv`` (cross-validated metrics, when measured), ``labels``.
    """

    task: str
    estimator: Any
    metadata: dict[str, Any] = field(default_factory=dict)

    def predict(self, texts: Any) -> list[dict[str, Any]]:
        """One prediction per text: ``{"label", "scores", "unit", "warnings"}``, or ``{"spans", ...}`` for spans.

        ``scores`` are calibrated probabilities (held-out Platt or
        temperature scaling, see ``docs/models.md``). ``unit`` is what the
        model was trained on (``sentence``, ``article``, ``spans``). A
        sentence model given a text of several sentences scores each
        sentence: ``sentences`` lists them (``start``, ``end``, ``label``,
        ``scores``, offsets into the text), and ``scores`` is their mean (the
        expected share of sentences of each label), ``label`` its largest.
        ``warnings`` says when an input is far from the training texts
        (empty, much shorter, almost no known words); for the worst of those
        ``label`` is ``None`` and ``scores`` are the training label shares
        (:mod:`framing.models.guard`).

        For the multi-label ``frames`` task, ``scores`` and ``frames`` both map
        each frame to its calibrated probability of being present (the
        probabilities need not sum to 1), ``label`` is the most probable frame
        and ``frame_labels`` lists the frames at or above their thresholds
        (``moral-foundations``: ``foundations`` and ``foundation_labels``).

        Examples
        --------
        >>> from framing.models import make_pipeline
        >>> model = TrainedModel("sentence-bias", make_pipeline("sentence-bias").fit(
        ...     ["A disgraceful, reckless scheme.", "The vote is on Monday.",
        ...      "A reckless, disgraceful plan.", "The report is on Monday."],
        ...     ["biased", "non-biased", "biased", "non-biased"]))
        >>> model.predict(["A disgraceful, reckless scheme."])[0]["label"]
        'biased'
        >>> row = model.predict(["A disgraceful, reckless scheme. The vote is on Monday."])[0]
        >>> [s["label"] for s in row["sentences"]], row["unit"]
        (['biased', 'non-biased'], 'sentence')
        >>> model.predict([""])[0]["label"], model.predict([""])[0]["warnings"]
        (None, ['empty text: no words to classify; the label is withheld'])
        """
        docs = check_documents(texts, estimator=f"the {self.task} model")
        spec = TASK_REGISTRY.get(self.task)
        unit = spec.unit if spec is not None else "article"
        profile = self.metadata.get("training_data") if isinstance(self.metadata, dict) else None
        vocabulary = word_vocabulary(self.estimator)
        checks = [input_warnings(d, task=self.task, unit=unit, profile=profile, vocabulary=vocabulary)
                  for d in docs]
        if _predicts_spans(self.task):
            return [
                {"spans": [{"start": s, "end": e, "text": doc[s:e], "score": sc} for s, e, sc in spans],
                 "unit": unit, "warnings": warn}
                for doc, spans, (warn, _) in zip(docs, self.estimator.predict(docs), checks)
            ]
        if not docs:
            return []
        if _multilabel(self.task):
            return self._predict_frames(docs, checks, unit)
        classes = [str(c) for c in self.estimator.classes_]
        prior = _prior(profile, classes)
        if unit != "sentence":
            proba = self.estimator.predict_proba(docs)
            return [_row(classes, p, prior, warn, withhold, unit) for p, (warn, withhold) in zip(proba, checks)]
        # a sentence model scores each sentence of a longer text
        pieces = [[(s.start, s.end) for s in split_sentences(d)] for d in docs]
        flat = [d[a:b] for d, spans in zip(docs, pieces) for a, b in spans if len(spans) > 1]
        flat_proba = iter(self.estimator.predict_proba(flat) if flat else [])
        whole = [d for d, spans in zip(docs, pieces) if len(spans) <= 1]
        whole_proba = iter(self.estimator.predict_proba(whole) if whole else [])
        out = []
        for spans, (warn, withhold) in zip(pieces, checks):
            if len(spans) <= 1:
                out.append(_row(classes, next(whole_proba), prior, warn, withhold, unit))
                continue
            per = np.asarray([next(flat_proba) for _ in spans])
            row = _row(classes, per.mean(axis=0), prior,
                       [f"a sentence model applied to {len(spans)} sentences: scores are the mean of the "
                        "per-sentence scores", *warn], withhold, unit)
            row["sentences"] = [{"start": a, "end": b, "label": classes[int(np.argmax(p))],
                                 "scores": {c: float(v) for c, v in zip(classes, p)}}
                                for (a, b), p in zip(spans, per)]
            out.append(row)
        return out

    def _predict_frames(self, docs: list[str], checks: list[tuple[list[str], bool]], unit: str
                        ) -> list[dict[str, Any]]:
        proba = self.estimator.predict_proba(docs)
        frames = [str(c) for c in self.estimator.classes_]
        present = self.estimator.predict(docs)
        key = TASK_REGISTRY[self.task].labels.column  # "frames" -> "frames", "frame_labels"
        out = []
        for p, on, (warn, withhold) in zip(proba, present, checks):
            scores = {c: float(v) for c, v in zip(frames, p)}
            labels = [] if withhold else [c for c, flag in zip(frames, on) if flag]
            out.append({"label": None if withhold else frames[int(np.argmax(p))], "scores": scores,
                        key: dict(scores), f"{key.removesuffix('s')}_labels": labels,
                        "unit": unit, "warnings": warn})
        return out

    def explain(self, text: str, n: int = 5) -> dict[str, Any]:
        """Per-prediction evidence (see :func:`~framing.models.explain.explain_text`); for spans, the spans.

        For ``frames``, the prediction and, per predicted frame, the words
        that pushed it, its cue spans and the sentences that hold them
        (:meth:`~framing.models.frames.FrameClassifier.explain_frames`); a
        multi-label model without such a method gives an empty evidence list.
        """
        if _multilabel(self.task):
            explain_frames = getattr(self.estimator, "explain_frames", None)
            evidence = explain_frames(text, n=n) if callable(explain_frames) else []
            return {**self.predict([text])[0], "evidence": evidence}
        if _predicts_spans(self.task):
            return self.predict([text])[0]
        return explain_text(self.estimator, text, n=n)
