"""Ready pipelines for the framing tasks, training, safe persistence and explanations: now :mod:`framing.models`.

The task registry is :mod:`framing.models.tasks`, training
:mod:`framing.models.training`, persistence :mod:`framing.models.persist`,
explanations :mod:`framing.models.explain`. This module re-exports their
names so that ``framing.classify`` keeps working.
"""

from __future__ import annotations

from ._deprecation import moved
from .models import UntrustedModelError
from .models.article_leaning import ARTICLE_LEXICONS, _article_text  # noqa: F401
from .models.explain import explain_text, top_features  # noqa: F401
from .models.persist import (  # noqa: F401
    TRUSTED_TYPES,
    load_model,
    model_file_types,
    save_model,
    trusted,
)
from .models.sentence_bias import SENTENCE_LEXICONS  # noqa: F401
from .models.tasks import TASKS, _check_task, load_task_data, make_pipeline  # noqa: F401
from .models.trained import TrainedModel
from .models.training import fingerprint, train

__all__ = [
    "TASKS",
    "TRUSTED_TYPES",
    "TrainedModel",
    "UntrustedModelError",
    "fingerprint",
    "load_model",
    "make_pipeline",
    "model_file_types",
    "save_model",
    "top_features",
    "train",
]

moved('classify', 'framing.models')
