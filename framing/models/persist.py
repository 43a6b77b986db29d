"""Safe persistence of trained models: skops files, read only after every type is checked.

:func:`save_model` writes a :class:`~framing.models.trained.TrainedModel`
with :mod:`skops` (never pickle) together with its metadata;
:func:`load_model` reads it back after checking every type named in the
file against :data:`TRUSTED_TYPES`, the exact classes the tasks of
:mod:`framing.models.tasks` produce.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from .._version import __version__
from ..exceptions import UntrustedModelError
from .tasks import TASK_REGISTRY
from .trained import TrainedModel

__all__ = ["TRUSTED_TYPES", "load_model", "model_file_types", "save_model", "trusted"]

logger = logging.getLogger(__name__)

COMMON_TYPES: frozenset[str] = frozenset({
    # containers and scalars skops writes for any object
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.int",
    "builtins.float", "builtins.bool", "builtins.NoneType",
    # arrays and the dtypes estimators store as parameters (``dtype=np.float32``)
    "numpy.ndarray", "numpy.float32", "numpy.float64", "numpy.int32", "numpy.int64", "numpy.bool_",
})
"""The types any model file holds, whatever its task."""

TRUSTED_TYPES: frozenset[str] = COMMON_TYPES.union(*(spec.trusted_types for spec in TASK_REGISTRY.values()))
"""The exact types a framing model file may hold: classes only, no functions, no module prefixes.

:data:`COMMON_TYPES` and the ``trusted_types`` of every task in
:data:`~framing.models.tasks.TASK_REGISTRY`: the types that
:func:`~framing.models.make_pipeline` and :func:`~framing.models.train`
produce for every task (``tests/test_model_trust.py`` trains each task and
checks that its file holds nothing else). framing's own classes are listed
at their module (``framing.features.lexicon.LexiconFeaturizer``) and, for
files saved by framing 0.1, at the path they had then
(``framing.features.LexiconFeaturizer``, ``framing.persuasion.PersuasionSpanTagger``,
``framing.embeddings.SentenceEmbedder``, which still import). A stored
function (``numpy.full_like``, an ``sklearn.utils`` helper,
``FunctionTransformer``'s ``func``) or a class outside this set is refused
before any object is built.

Examples
--------
>>> "framing.features.lexicon.LexiconFeaturizer" in TRUSTED_TYPES
True
>>> "framing.features.LexiconFeaturizer" in TRUSTED_TYPES  # files saved by framing 0.1
True
"""

_MAX_SCHEMA_BYTES = 64 * 1024 * 1024


def trusted(type_name: str) -> bool:
    """Whether a type found in a model file may be loaded: exact membership in :data:`TRUSTED_TYPES`.

    Examples
    --------
    >>> trusted("sklearn.linear_model._logistic.LogisticRegression"), trusted("os.system")
    (True, False)
    >>> trusted("numpy.full_like"), trusted("sklearn.preprocessing._function_transformer.FunctionTransformer")
    (False, False)
    """
    return type_name in TRUSTED_TYPES


def model_file_types(path: str | Path) -> list[str]:
    """Every type named in a skops file, read from its schema without building any object.

    Unlike :func:`skops.io.get_untrusted_types`, which leaves out what skops
    trusts by default (every scikit-learn estimator, NumPy ufuncs), this lists
    all of them: each node of the schema names its type as ``__module__`` and
    ``__class__``, functions and stored types included.

    Raises
    ------
    UntrustedModelError
        The file is not a zip archive holding a readable ``schema.json``.

    Examples
    --------
    >>> import tempfile, skops.io as sio
    >>> from sklearn.preprocessing import FunctionTransformer
    >>> import numpy as np
    >>> path = Path(tempfile.mkdtemp()) / "f.skops"
    >>> sio.dump(FunctionTransformer(np.full_like), path)
    >>> [t for t in model_file_types(path) if not trusted(t)]
    ['numpy.full_like', 'sklearn.preprocessing._function_transformer.FunctionTransformer']
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("schema.json")
            if info.file_size > _MAX_SCHEMA_BYTES:
                raise ValueError(f"schema.json is {info.file_size} bytes, over the {_MAX_SCHEMA_BYTES} limit")
            schema = json.loads(archive.read(info).decode("utf-8"))
    except (OSError, KeyError, ValueError, RecursionError, zipfile.BadZipFile, EOFError) as exc:
        raise UntrustedModelError(
            f"{path} is not a skops model file ({type(exc).__name__}: {exc})."
        ) from None
    names: set[str] = set()
    todo: list[Any] = [schema]
    while todo:  # iterative: a deeply nested schema cannot exhaust the stack
        node = todo.pop()
        if isinstance(node, dict):
            module, cls = node.get("__module__"), node.get("__class__")
            if isinstance(module, str) and isinstance(cls, str):
                names.add(f"{module}.{cls}")
            elif module is not None or cls is not None:  # malformed: named so that it is refused
                names.add(f"{module!r}.{cls!r}")
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return sorted(names)


def save_model(model: TrainedModel, path: str | Path) -> Path:
    """Write a trained model with skops (no pickle), metadata included.

    Parameters
    ----------
    model : TrainedModel
    path : str or Path
        Conventionally ending in ``.skops``. Written atomically.

    Returns
    -------
    Path
    """
    import skops.io as sio

    path = Path(path)
    payload = {
        "format": "framing-model/1",
        "task": model.task,
        "metadata": json.dumps(model.metadata, default=str),
        "estimator": model.estimator,
    }
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        sio.dump(payload, tmp)
        tmp.replace(path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def load_model(path: str | Path) -> TrainedModel:
    """Read a model written by :func:`save_model`, refusing every type not on :data:`TRUSTED_TYPES`.

    The file's schema is read first and every type it names (classes,
    stored functions, stored types) is checked against the exact list; only
    when all of them are on it does skops build the objects. Shared model
    files are data: nothing in them runs.

    Raises
    ------
    FileNotFoundError
        No such file.
    UntrustedModelError
        The file names a type that is not on the list (it could run code
        when loaded or used), is not a skops file, cannot be built, or is
        not a framing model.
    """
    import skops.io as sio

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No model file at {str(path)!r}.")
    types = model_file_types(path)
    refused = [t for t in types if not trusted(t)]
    if refused:
        raise UntrustedModelError(
            f"{path} holds types that framing does not trust: {refused}. A framing model holds only "
            "the exact classes its tasks produce (framing.models.TRUSTED_TYPES), no functions. "
            "Nothing was loaded. Inspect the file with skops.io.get_untrusted_types and load it "
            "yourself only if you trust its source."
        )
    try:
        payload = sio.load(path, trusted=types)
    except Exception as exc:  # skops raises many kinds on a damaged file
        raise UntrustedModelError(
            f"{path} could not be read as a framing model ({type(exc).__name__}: {exc})."
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != "framing-model/1":
        raise UntrustedModelError(f"{path} is a skops file but not a framing model (no 'framing-model/1' format tag).")
    try:
        metadata = json.loads(payload["metadata"])
        task = payload["task"]
        if task not in TASK_REGISTRY or not isinstance(metadata, dict):
            raise ValueError(f"task {task!r}")
    except (KeyError, TypeError, ValueError) as exc:
        raise UntrustedModelError(f"{path} is a damaged framing model ({type(exc).__name__}: {exc}).") from None
    if metadata.get("framing_version") != __version__:
        logger.warning("model %s was trained with framing %s; this is framing %s",
                       path, metadata.get("framing_version"), __version__)
    return TrainedModel(task, payload["estimator"], metadata)
