"""Classifier tasks: the registry, training, explanations, safe persistence, and persuasion spans.

=====================  ==========================================  =========================
task                   what                                        labels
=====================  ==========================================  =========================
``sentence-bias``      is a news sentence worded in a biased way   "biased", "non-biased"
``article-leaning``    political leaning of a news article         "left", "center", "right"
``persuasion-spans``   which stretches use a persuasion technique  character spans
``frames``             which policy frames an article uses         frames of ``policy_frames``
=====================  ==========================================  =========================

Each task is one :class:`~framing.models.tasks.TaskSpec` in
:data:`~framing.models.tasks.TASK_REGISTRY` (:mod:`framing.models.tasks`),
whose estimator and corpus loader live in the task's module
(:mod:`~framing.models.sentence_bias`, :mod:`~framing.models.article_leaning`,
:mod:`~framing.models.persuasion_spans`). :func:`make_pipeline` builds the
scikit-learn estimator of a task (text features next to the framing
features of :mod:`framing.features`); :func:`train`
(:mod:`~framing.models.training`) fits it, measures it by cross-validation
and returns a :class:`TrainedModel` (:mod:`~framing.models.trained`) that
:func:`save_model` writes with :mod:`skops` (never pickle) together with its
metadata, and :func:`load_model` reads back after checking every type in the
file against an explicit trusted list (:mod:`~framing.models.persist`).
:mod:`~framing.models.compact` holds the vectorizer whose vocabulary is two
arrays in a model file and the logistic regression calibrated on held-out
folds; :mod:`~framing.models.calibration` measures calibration (expected
calibration error, reliability bins); :mod:`~framing.models.guard` records
what the training texts looked like and warns about inputs far from them;
:mod:`~framing.models.crossval` computes data-independent features once
across cross-validation folds. :func:`top_features` and :meth:`TrainedModel.explain`
(:mod:`~framing.models.explain`) show what a linear model learned and which
words pushed one decision. :class:`PersuasionSpanTagger`
(:mod:`~framing.models.persuasion`, its token features in
:mod:`~framing.models.span_features`) tags technique spans, and
:func:`si_score` (:mod:`~framing.models.spans`) is the SemEval-2020 task 11
span metric.

:func:`framing.evaluation.models.evaluate_models` (``framing evaluate
models``) measures every task on the public corpora against the published
results; the table with today's numbers is in ``docs/models.md``.
"""

from __future__ import annotations

from ..exceptions import UntrustedModelError
from .explain import explain_text, top_features
from .persist import TRUSTED_TYPES, load_model, model_file_types, save_model, trusted
from .persuasion import PersuasionSpanTagger
from .spans import merge_spans, si_score
from .tasks import TASK_REGISTRY, TASKS, TaskSpec, get_task, load_task_data, make_pipeline
from .trained import TrainedModel
from .training import fingerprint, train

__all__ = [
    "TASKS",
    "TASK_REGISTRY",
    "TRUSTED_TYPES",
    "PersuasionSpanTagger",
    "TaskSpec",
    "TrainedModel",
    "UntrustedModelError",
    "explain_text",
    "fingerprint",
    "get_task",
    "load_model",
    "load_task_data",
    "make_pipeline",
    "merge_spans",
    "model_file_types",
    "save_model",
    "si_score",
    "top_features",
    "train",
    "trusted",
]
