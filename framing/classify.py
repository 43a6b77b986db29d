"""Ready pipelines for the three framing tasks, training, safe persistence and explanations.

=====================  ==========================================  =========================
task                   what                                        labels
=====================  ==========================================  =========================
``sentence-bias``      is a news sentence worded in a biased way   "biased", "non-biased"
``article-leaning``    political leaning of a news article         "left", "center", "right"
``persuasion-spans``   which stretches use a persuasion technique  character spans
=====================  ==========================================  =========================

:func:`make_pipeline` builds the scikit-learn pipeline of a task (text
features next to the framing features of :mod:`framing.features`);
:func:`train` fits it, measures it by cross-validation and returns a
:class:`TrainedModel` that :func:`save_model` writes with :mod:`skops`
(never pickle) together with its metadata, and :func:`load_model` reads
back after checking every type in the file against an explicit trusted
list. :func:`top_features` and :meth:`TrainedModel.explain` show what a
linear model learned and which words pushed one decision.

:func:`framing.evaluate_models.evaluate_models` (``framing evaluate
models``) measures every task on the public corpora against the published
results; the table with today's numbers is in ``docs/models.md``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MaxAbsScaler, StandardScaler

from ._version import __version__
from .exceptions import UntrustedModelError
from .features import AttributionFeaturizer, LexiconFeaturizer, check_documents
from .lexicon import Matcher, available_lexicons, load_lexicon
from .persuasion import PersuasionSpanTagger
from .text import tokenize

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

logger = logging.getLogger(__name__)

Task = Literal["sentence-bias", "article-leaning", "persuasion-spans"]
TASKS: tuple[str, ...] = ("sentence-bias", "article-leaning", "persuasion-spans")

SENTENCE_LEXICONS = ("loaded_language", "epistemic", "reporting_verbs", "persuasion", "moral_foundations")
"""Lexicons whose counts feed the sentence-bias model."""

ARTICLE_LEXICONS = (
    "loaded_language", "epistemic", "reporting_verbs", "persuasion", "moral_foundations",
    "policy_frames", "source_roles",
)
"""Lexicons whose rates feed the article-leaning model."""


def _check_task(task: str) -> None:
    if task not in TASKS:
        raise ValueError(f"The 'task' parameter must be one of {list(TASKS)}. Got {task!r} instead.")


def make_pipeline(task: str, *, random_state: int = 0, embeddings: bool = False) -> BaseEstimator:
    """The default estimator of a task, unfitted.

    * ``sentence-bias``: word 1-2-gram and character 2-5-gram TF-IDF plus
      lexicon counts (loaded language, epistemic stance, reporting verbs,
      persuasion cues, moral foundations), logistic regression.
    * ``article-leaning``: word 1-2-gram TF-IDF plus lexicon rates and the
      attribution features (standardised), logistic regression.
    * ``persuasion-spans``: :class:`~framing.persuasion.PersuasionSpanTagger`.

    Parameters
    ----------
    task : {"sentence-bias", "article-leaning", "persuasion-spans"}
    random_state : int, default=0
    embeddings : bool, default=False
        ``sentence-bias`` only: add a fourth block, the all-MiniLM-L6-v2
        sentence embeddings of :class:`~framing.embeddings.SentenceEmbedder`
        (unit length, like each TF-IDF row). Needs
        ``pip install "framing[embeddings]"``; 0.781 macro-F1 on BABE against
        0.764 without (``docs/embeddings.md``).

    Returns
    -------
    estimator

    Examples
    --------
    >>> pipe = make_pipeline("sentence-bias")
    >>> [name for name, _ in pipe.named_steps["features"].transformer_list]
    ['words', 'chars', 'framing']
    >>> texts = ["A disgraceful, reckless scheme.", "The vote is on Monday.",
    ...          "A reckless, disgraceful plan.", "The report is on Monday."]
    >>> pipe = pipe.fit(texts, ["biased", "non-biased", "biased", "non-biased"])
    >>> pipe.predict(["A reckless, disgraceful scheme."]).tolist()
    ['biased']
    """
    _check_task(task)
    if embeddings and task != "sentence-bias":
        raise ValueError(
            f"The 'embeddings' parameter of make_pipeline applies to task 'sentence-bias' only. Got task {task!r}."
        )
    if task == "persuasion-spans":
        return PersuasionSpanTagger(random_state=random_state)
    if task == "sentence-bias":
        features = FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                      min_df=2, max_features=100_000)),
            ("framing", Pipeline([
                ("lexicons", LexiconFeaturizer(list(SENTENCE_LEXICONS), measure="count")),
                ("scale", MaxAbsScaler()),
            ])),
        ])
        if embeddings:
            from .embeddings import SentenceEmbedder

            features.transformer_list.append(("embeddings", SentenceEmbedder()))
        clf = LogisticRegression(C=3.0, max_iter=3000, random_state=random_state)
        return Pipeline([("features", features), ("classifier", clf)])
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=3,
                                  max_features=300_000, dtype=np.float32)),
        ("framing", Pipeline([
            ("features", FeatureUnion([
                ("lexicons", LexiconFeaturizer(list(ARTICLE_LEXICONS), measure="rate")),
                ("attribution", AttributionFeaturizer()),
            # The featurizers' names are already unique ("<lexicon>__<category>",
            # "attribution__*"): no second prefix ("framing__attribution__attribution__...").
            ], verbose_feature_names_out=False)),
            ("scale", StandardScaler()),
        ])),
    ])
    clf = LogisticRegression(C=10.0, max_iter=3000, random_state=random_state)
    return Pipeline([("features", features), ("classifier", clf)])


def fingerprint(texts: Iterable[str], labels: Iterable[Any]) -> str:
    """SHA-256 over the training texts and labels, in order (identifies training data).

    Examples
    --------
    >>> fingerprint(["a", "b"], ["x", "y"]) == fingerprint(["a", "b"], ["x", "y"])
    True
    >>> fingerprint(["a", "b"], ["x", "y"]) == fingerprint(["b", "a"], ["y", "x"])
    False
    """
    h = hashlib.sha256()
    for text, label in zip(texts, labels):
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update(json.dumps(label, default=str).encode("utf-8"))
        h.update(b"\x01")
    return "sha256:" + h.hexdigest()


def _provenance() -> dict[str, Any]:
    return {
        "framing_version": __version__,
        "lexicons": {n: load_lexicon(n).version for n in available_lexicons()},
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }


# ---------------------------------------------------------------------------
# explanations


def _final_linear(model: Any) -> tuple[Any, Any]:
    if not isinstance(model, Pipeline):
        raise TypeError(f"Explanations need a Pipeline ending in a linear classifier. Got {type(model).__name__}.")
    clf = model.steps[-1][1]
    if not hasattr(clf, "coef_"):
        raise TypeError(
            "Explanations need a linear classifier (with coef_) as the last step. "
            f"Got {type(clf).__name__} instead."
        )
    return model[:-1], clf


def top_features(model: Any, n: int = 10) -> pd.DataFrame:
    """The features with the largest weights for each class of a fitted linear pipeline.

    Parameters
    ----------
    model : Pipeline
        Fitted, ending in a linear classifier.
    n : int, default=10
        Features per class.

    Returns
    -------
    DataFrame
        Columns ``class``, ``rank``, ``feature``, ``weight``. For a binary
        model the first class's features are those with the most negative
        weights.

    Examples
    --------
    >>> pipe = make_pipeline("sentence-bias").fit(
    ...     ["A disgraceful, reckless scheme.", "The vote is on Monday.",
    ...      "A reckless, disgraceful plan.", "The report is on Monday."],
    ...     ["biased", "non-biased", "biased", "non-biased"])
    >>> top_features(pipe, n=3)["class"].unique().tolist()
    ['biased', 'non-biased']
    """
    head, clf = _final_linear(model)
    names = np.asarray(head.get_feature_names_out(), dtype=object)
    coef = np.asarray(clf.coef_)
    classes = list(clf.classes_)
    rows = []
    for k, cls in enumerate(classes):
        if coef.shape[0] == 1:
            weights = coef[0] if k == 1 else -coef[0]
        else:
            weights = coef[k]
        order = np.argsort(-weights)[:n]
        for rank, j in enumerate(order, 1):
            rows.append({"class": str(cls), "rank": rank, "feature": str(names[j]),
                         "weight": float(weights[j])})
    return pd.DataFrame(rows, columns=["class", "rank", "feature", "weight"])


def _evidence_spans(text: str, feature: str, matcher: Matcher | None) -> list[dict[str, Any]]:
    """Where in ``text`` a feature fired: word n-grams and lexicon categories."""
    if feature.startswith("words__"):
        gram = feature.split("__", 1)[1].split()
        toks = tokenize(text)
        k = len(gram)
        return [
            {"start": toks.starts[i], "end": toks.ends[i + k - 1],
             "text": text[toks.starts[i]:toks.ends[i + k - 1]]}
            for i in range(len(toks) - k + 1)
            if toks.norms[i:i + k] == gram
        ]
    name = feature.rsplit("__", 2)
    if matcher is not None and len(name) >= 2:
        lexicon, category = name[-2], name[-1].removesuffix("_count")
        return [
            {"start": m.start, "end": m.end, "text": m.text}
            for m in matcher.find(text)
            if m.lexicon == lexicon and category in (m.category, "total") and not m.negated
        ]
    return []


def explain_text(model: Any, text: str, n: int = 5) -> dict[str, Any]:
    """Which features pushed the decision of a fitted linear pipeline on one text.

    Parameters
    ----------
    model : Pipeline
        Fitted, ending in a linear classifier.
    text : str
    n : int, default=5
        Features to report.

    Returns
    -------
    dict
        ``label`` (the predicted class) and ``evidence``: up to ``n``
        features with the largest contribution (value times weight, towards
        the predicted class), each with the spans of ``text`` where it fired
        (word n-grams and lexicon categories; character n-grams and
        attribution features have none).

    Examples
    --------
    >>> pipe = make_pipeline("sentence-bias").fit(
    ...     ["A disgraceful, reckless scheme.", "The vote is on Monday.",
    ...      "A reckless, disgraceful plan.", "The report is on Monday."],
    ...     ["biased", "non-biased", "biased", "non-biased"])
    >>> out = explain_text(pipe, "A disgraceful vote.")
    >>> out["label"], out["evidence"][0]["feature"], out["evidence"][0]["spans"]
    ('biased', 'words__disgraceful', [{'start': 2, 'end': 13, 'text': 'disgraceful'}])
    """
    head, clf = _final_linear(model)
    x = head.transform([text])
    x = x.toarray()[0] if hasattr(x, "toarray") else np.asarray(x)[0]
    coef = np.asarray(clf.coef_)
    label = model.predict([text])[0]
    k = list(clf.classes_).index(label)
    weights = (coef[0] if k == 1 else -coef[0]) if coef.shape[0] == 1 else coef[k] - coef.mean(axis=0)
    contrib = x * weights
    names = np.asarray(head.get_feature_names_out(), dtype=object)
    order = [j for j in np.argsort(-contrib) if contrib[j] > 0][:n]
    lexicons = [lx for lx in available_lexicons()]
    matcher = Matcher([load_lexicon(lx) for lx in lexicons])
    evidence = []
    for j in order:
        feature = str(names[j])
        short = feature.split("__", 1)[1] if feature.startswith("framing__") else feature
        evidence.append({
            "feature": feature,
            "contribution": float(contrib[j]),
            "spans": _evidence_spans(text, short, matcher),
        })
    return {"label": str(label), "evidence": evidence}


# ---------------------------------------------------------------------------
# trained models and persistence


@dataclass
class TrainedModel:
    """A fitted estimator for one task with its metadata.

    Attributes
    ----------
    task : str
    estimator : estimator
        A fitted pipeline (``sentence-bias``, ``article-leaning``) or
        :class:`~framing.persuasion.PersuasionSpanTagger`.
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

        Examples
        --------
        >>> model = TrainedModel("sentence-bias", make_pipeline("sentence-bias").fit(
        ...     ["A disgraceful, reckless scheme.", "The vote is on Monday.",
        ...      "A reckless, disgraceful plan.", "The report is on Monday."],
        ...     ["biased", "non-biased", "biased", "non-biased"]))
        >>> model.predict(["A disgraceful, reckless scheme."])[0]["label"]
        'biased'
        """
        docs = check_documents(texts, estimator=f"the {self.task} model")
        if self.task == "persuasion-spans":
            return [
                {"spans": [{"start": s, "end": e, "text": doc[s:e], "score": sc} for s, e, sc in spans]}
                for doc, spans in zip(docs, self.estimator.predict(docs))
            ]
        if not docs:
            return []
        proba = self.estimator.predict_proba(docs)
        classes = [str(c) for c in self.estimator.classes_]
        return [
            {"label": classes[int(np.argmax(p))],
             "scores": {c: float(v) for c, v in zip(classes, p)}}
            for p in proba
        ]

    def explain(self, text: str, n: int = 5) -> dict[str, Any]:
        """Per-prediction evidence (see :func:`explain_text`); for spans, the spans."""
        if self.task == "persuasion-spans":
            return self.predict([text])[0]
        return explain_text(self.estimator, text, n=n)


TRUSTED_TYPES: frozenset[str] = frozenset({
    # containers and scalars skops writes for any object
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.int",
    "builtins.float", "builtins.bool", "builtins.NoneType",
    # arrays and the dtypes estimators store as parameters (``dtype=np.float32``)
    "numpy.ndarray", "numpy.float32", "numpy.float64", "numpy.int32", "numpy.int64", "numpy.bool_",
    # the estimators of the three tasks (make_pipeline and PersuasionSpanTagger)
    "sklearn.pipeline.Pipeline",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.preprocessing._data.MaxAbsScaler",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.linear_model._stochastic_gradient.SGDClassifier",
    "sklearn._loss._loss.CyHalfBinomialLoss",
    "framing.features.lexicon.LexiconFeaturizer",
    "framing.features.attribution.AttributionFeaturizer",
    "framing.features.terms.TermListFeaturizer",
    "framing.persuasion.PersuasionSpanTagger",
    "framing.features.embeddings.SentenceEmbedder",
    # the same classes as files saved by framing 0.1 name them
    "framing.features.LexiconFeaturizer",
    "framing.features.AttributionFeaturizer",
    "framing.features.TermListFeaturizer",
    "framing.embeddings.SentenceEmbedder",
})
"""The exact types a framing model file may hold: classes only, no functions, no module prefixes.

They are the types that :func:`make_pipeline` and :func:`train` produce for
every task (``tests/test_classify.py`` trains each task and checks that its
file holds nothing else). A stored function (``numpy.full_like``, an
``sklearn.utils`` helper, ``FunctionTransformer``'s ``func``) or a class
outside this set is refused before any object is built.
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
            "the exact classes its tasks produce (framing.classify.TRUSTED_TYPES), no functions. "
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
        if task not in TASKS or not isinstance(metadata, dict):
            raise ValueError(f"task {task!r}")
    except (KeyError, TypeError, ValueError) as exc:
        raise UntrustedModelError(f"{path} is a damaged framing model ({type(exc).__name__}: {exc}).") from None
    if metadata.get("framing_version") != __version__:
        logger.warning("model %s was trained with framing %s; this is framing %s",
                       path, metadata.get("framing_version"), __version__)
    return TrainedModel(task, payload["estimator"], metadata)


# ---------------------------------------------------------------------------
# training


def _drop_stop_words(estimator: Any) -> None:
    """Remove ``stop_words_`` from fitted vectorizers: introspection only, and most of a model file."""
    from sklearn.base import BaseEstimator as _Base

    todo = [estimator]
    while todo:
        est = todo.pop()
        if hasattr(est, "stop_words_"):
            delattr(est, "stop_words_")
        if isinstance(est, _Base):
            todo.extend(v for v in est.get_params(deep=False).values() if isinstance(v, _Base))
            todo.extend(step for _, step in getattr(est, "steps", []) if isinstance(step, _Base))
            todo.extend(t for _, t in getattr(est, "transformer_list", []) if isinstance(t, _Base))


def train(
    task: str,
    texts: Sequence[str] | pd.Series,
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    cv: int = 5,
    random_state: int = 0,
    source: str | None = None,
    estimator: Any = None,
) -> TrainedModel:
    """Fit a task's pipeline on all the data, after measuring it by cross-validation.

    Parameters
    ----------
    task : {"sentence-bias", "article-leaning", "persuasion-spans"}
    texts : sequence of str
    labels : sequence
        Class labels as words; for ``persuasion-spans``, one list of
        ``(start, end)`` spans per text.
    groups : sequence, optional
        Outlet (or other group) of each text: folds are then grouped
        (:class:`~sklearn.model_selection.GroupKFold`), else stratified.
    cv : int, default=5
        Folds; 0 skips cross-validation (no ``cv`` metadata).
        Not used for ``persuasion-spans``.
    random_state : int, default=0
    source : str, optional
        Where the data came from (recorded in the metadata).
    estimator : estimator, optional
        Use this instead of :func:`make_pipeline`.

    Returns
    -------
    TrainedModel
    """
    from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_validate

    _check_task(task)
    docs = check_documents(texts, estimator=f"train({task!r})")
    labels = list(labels)
    if len(labels) != len(docs):
        raise ValueError(f"train needs one label per text. Got {len(labels)} labels for {len(docs)} texts.")
    est = clone(estimator) if estimator is not None else make_pipeline(task, random_state=random_state)
    meta: dict[str, Any] = _provenance()
    meta["task"] = task
    meta["estimator"] = type(est).__name__
    meta["training_data"] = {
        "fingerprint": fingerprint(docs, labels), "n_rows": len(docs), "source": source,
    }
    if task != "persuasion-spans":
        meta["labels"] = sorted({str(v) for v in labels})
        if cv and cv > 1:
            y = np.asarray([str(v) for v in labels], dtype=object)
            if groups is not None:
                splitter: Any = GroupKFold(n_splits=cv)
                kind = f"GroupKFold({cv}) over outlet"
            else:
                splitter = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
                kind = f"StratifiedKFold({cv}, shuffle, random_state={random_state})"
            res = cross_validate(est, pd.Series(docs), y, groups=groups, cv=splitter,
                                 scoring=["f1_macro", "accuracy"])
            meta["cv"] = {
                "scheme": kind,
                "f1_macro_mean": float(res["test_f1_macro"].mean()),
                "f1_macro_std": float(res["test_f1_macro"].std()),
                "accuracy_mean": float(res["test_accuracy"].mean()),
            }
        est.fit(pd.Series(docs), np.asarray([str(v) for v in labels], dtype=object))
        _drop_stop_words(est)
    else:
        est.fit(docs, labels)
    logger.info("trained %s on %d texts", task, len(docs))
    return TrainedModel(task, est, meta)


# ---------------------------------------------------------------------------
# data for training and evaluation


def _data_home_for(folder: Path, name: str) -> Path:
    """A data_home in which ``name/`` is ``folder`` (a symlink when the folder is named otherwise)."""
    if folder.name == name:
        return folder.parent
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="framing-data-"))
    (home / name).symlink_to(folder.resolve(), target_is_directory=True)
    return home


def _article_text(title: Any, text: Any) -> str:
    title = title if isinstance(title, str) else ""
    text = text if isinstance(text, str) else ""
    return f"{title}\n\n{text}" if title else text


def load_task_data(task: str, path: str | Path) -> dict[str, Any]:
    """Training data of a task from a corpus folder or a CSV/JSONL file.

    Parameters
    ----------
    task : {"sentence-bias", "article-leaning", "persuasion-spans"}
    path : str or Path
        A corpus folder laid out as the shared research data (``.../babe``,
        ``.../allsides``, ``.../ptc``), or a ``.csv``/``.jsonl`` file with a
        ``text`` column and a ``label`` column (for spans: a ``spans`` column
        holding ``[[start, end], ...]``); an ``outlet`` column, when present,
        groups the cross-validation folds.

    Returns
    -------
    dict
        ``texts`` (list of str), ``labels``, ``groups`` (list or None), ``source``.
    """
    from . import datasets

    _check_task(task)
    path = Path(path)
    if path.is_dir():
        if task == "sentence-bias" and (path / "final_labels_SG2.csv").exists():
            df = datasets.load_babe(_data_home_for(path, "babe"))
            df = df[df["label"] != "no agreement"]
            return {"texts": df["text"].tolist(), "labels": df["label"].tolist(), "groups": None,
                    "source": f"BABE SG2 ({path})"}
        if task == "article-leaning" and (path / "articles.jsonl.gz").exists():
            df = datasets.load_allsides(_data_home_for(path, "allsides"),
                                        columns=["outlet", "title", "text", "label", "split_random", "split_media"])
            texts = [_article_text(t, x) for t, x in zip(df["title"], df["text"])]
            return {"texts": texts, "labels": df["label"].tolist(),
                    "groups": df["outlet"].fillna("").tolist(), "source": f"AllSides ({path})"}
        if task == "persuasion-spans" and (path / "train-articles").is_dir():
            articles, spans = datasets.load_ptc(_data_home_for(path, "ptc"), split="train")
            by_id = {k: list(zip(g["start"].tolist(), g["end"].tolist())) for k, g in spans.groupby("id")}
            return {"texts": articles["text"].tolist(), "labels": [by_id.get(i, []) for i in articles.index],
                    "groups": None, "source": f"PTC train ({path})"}
        raise ValueError(
            f"--data {str(path)!r} is not a corpus folder for {task}: expected "
            + {"sentence-bias": "babe/ with final_labels_SG2.csv",
               "article-leaning": "allsides/ with articles.jsonl.gz",
               "persuasion-spans": "ptc/ with train-articles/"}[task]
            + ", or a CSV/JSONL file with text and label columns."
        )
    if not path.is_file():
        raise FileNotFoundError(f"No such file or directory: {str(path)!r}.")
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        df = pd.read_json(path, lines=True, dtype=False)
    elif name.endswith(".csv"):
        df = pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False)
    else:
        raise ValueError(f"--data {str(path)!r}: expected a folder, a .csv or a .jsonl file.")
    target = "spans" if task == "persuasion-spans" else "label"
    missing = [c for c in ("text", target) if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: expected columns 'text' and {target!r}. Got {list(df.columns)} instead.")
    labels = df[target].tolist()
    if task == "persuasion-spans":
        labels = [[(int(s), int(e)) for s, e, *_ in (json.loads(v) if isinstance(v, str) else v)]
                  for v in labels]
    else:
        labels = [str(v) for v in labels]
    groups = df["outlet"].astype(str).tolist() if "outlet" in df.columns else None
    return {"texts": df["text"].astype(str).tolist(), "labels": labels, "groups": groups,
            "source": str(path)}
