"""Sentence embeddings as a scikit-learn transformer: now in :mod:`framing.features.embeddings`.

This module re-exports its names so that ``framing.embeddings`` (and model
files saved by framing 0.1, which name ``framing.embeddings.SentenceEmbedder``)
keep working.
"""

from __future__ import annotations

from ._deprecation import moved
from .features.embeddings import (
    DEFAULT_MODEL,  # noqa: F401
    EXTRA_HINT,
    SentenceEmbedder,
    _import_sentence_transformers,  # noqa: F401
    _load_model,  # noqa: F401  (tests clear its cache through this module)
    _resolve_model_path,  # noqa: F401
    default_model_path,
)

__all__ = ["EXTRA_HINT", "SentenceEmbedder", "default_model_path"]

moved('embeddings', 'framing.features.embeddings')
