"""A fitted estimator of one task together with its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..features import check_documents
from .explain import explain_text
from .tasks import TASK_REGISTRY

__all__ = ["TrainedModel"]


def _predicts_spans(task: str) -> bool:
    spec = TASK_REGISTRY.get(task)
    return spec is not None and spec.predicts_spans


def _multilabel(task: str) -> bool:
    spec = TASK_REGISTRY.get(task)
    return spec is not None and spec.multilabel


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
        """One prediction per text: ``{"label", "scores"}``, or ``{"spans"}`` for spans.

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
        """
        docs = check_documents(texts, estimator=f"the {self.task} model")
        if _predicts_spans(self.task):
            return [
                {"spans": [{"start": s, "end": e, "text": doc[s:e], "score": sc} for s, e, sc in spans]}
                for doc, spans in zip(docs, self.estimator.predict(docs))
            ]
        if not docs:
            return []
        proba = self.estimator.predict_proba(docs)
        if _multilabel(self.task):
            frames = [str(c) for c in self.estimator.classes_]
            present = self.estimator.predict(docs)
            key = TASK_REGISTRY[self.task].labels.column  # "frames" -> "frames", "frame_labels"
            out = []
            for p, on in zip(proba, present):
                scores = {c: float(v) for c, v in zip(frames, p)}
                out.append({"label": frames[int(np.argmax(p))], "scores": scores, key: dict(scores),
                            f"{key.removesuffix('s')}_labels": [c for c, flag in zip(frames, on) if flag]})
            return out
        classes = [str(c) for c in self.estimator.classes_]
        return [
            {"label": classes[int(np.argmax(p))],
             "scores": {c: float(v) for c, v in zip(classes, p)}}
            for p in proba
        ]

    def explain(self, text: str, n: int = 5) -> dict[str, Any]:
        """Per-prediction evidence (see :func:`~framing.models.explain.explain_text`); for spans, the spans.

        For ``frames``, the prediction with no evidence list (the per-frame
        models are not a single linear decision).
        """
        if _multilabel(self.task):
            return {**self.predict([text])[0], "evidence": []}
        if _predicts_spans(self.task):
            return self.predict([text])[0]
        return explain_text(self.estimator, text, n=n)
