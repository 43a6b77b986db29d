"""Measure the shipped models on the public corpora, against published results.

:func:`evaluate_models` (``framing evaluate models``) builds the
reproduction table of ``docs/models.md``: sentence bias on BABE
(:func:`evaluate_sentence_bias`), article leaning on
AllSides (:func:`evaluate_article_leaning`), persuasion spans on PTC
(:func:`evaluate_persuasion`), policy frames on SemEval-2023 task 3
(:func:`evaluate_frames`) and moral foundations on MOKA, next to the
lexicons (:func:`evaluate_moral`).

Article leaning needs the framing features (lexicon rates and attribution
features) of every article. They do not learn from the data, so they are
computed once per corpus by :func:`article_framing_features` and can be kept
in a cache folder (:func:`framing_cache_key` names the file) so that a
rerun skips the slow part.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ...models import TASKS, get_task
from .article_features import article_framing_features, framing_cache_key
from .article_leaning import evaluate_article_leaning
from .frames import evaluate_frames
from .moral import evaluate_moral
from .outlet_blind import OutletBlindTfidf, outlet_family, outlet_stop_words, strip_outlet_tokens
from .persuasion import evaluate_persuasion
from .sentence_bias import evaluate_sentence_bias

logger = logging.getLogger(__name__)

__all__ = [
    "OutletBlindTfidf",
    "article_framing_features",
    "evaluate_article_leaning",
    "evaluate_frames",
    "evaluate_models",
    "evaluate_moral",
    "evaluate_persuasion",
    "evaluate_sentence_bias",
    "framing_cache_key",
    "outlet_family",
    "outlet_stop_words",
    "strip_outlet_tokens",
]


def evaluate_models(
    data_home: Any = None, *, tasks: Sequence[str] = TASKS, random_state: int = 0,
    n_articles: int | None = None, cache_dir: str | Path | None = None, n_jobs: int = 1,
    groupings: Sequence[str] = ("outlet",), embeddings: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The reproduction table: every task against its published result.

    Parameters
    ----------
    data_home : path, optional
        Folder holding ``babe/``, ``allsides/`` and ``ptc/``.
    tasks : sequence of str, default=all
    random_state : int, default=0
    n_articles : int or None, default=None
        AllSides sample size; ``None``: the whole corpus (see
        :func:`evaluate_article_leaning`).
    cache_dir : str or Path, optional
        Cache folder for the AllSides framing features.
    n_jobs : int, default=1
        Worker processes for article leaning.
    groupings : sequence of {"outlet", "family"}, default=("outlet",)
        Grouped cross-validation schemes for article leaning.
    embeddings : bool, default=False
        Sentence bias: also measure sentence embeddings (see
        :func:`evaluate_sentence_bias`; needs ``framing[embeddings]``).

    Returns
    -------
    table : DataFrame
        Columns ``task``, ``split``, ``metric``, ``ours``, ``std``,
        ``published``, ``note``.
    framing_weights : DataFrame or None
        For article leaning: the framing features that carry the signal.
    """
    rows: list[dict[str, Any]] = []
    weights = None
    for task in tasks:
        get_task(task)
        if task == "sentence-bias":
            rows += evaluate_sentence_bias(data_home, random_state=random_state, embeddings=embeddings)
        elif task == "article-leaning":
            more, weights = evaluate_article_leaning(data_home, random_state=random_state,
                                                     n_articles=n_articles, cache_dir=cache_dir,
                                                     n_jobs=n_jobs, groupings=groupings)
            rows += more
        elif task == "frames":
            rows += evaluate_frames(data_home, random_state=random_state)
        elif task == "moral-foundations":
            rows += evaluate_moral(data_home, random_state=random_state)
        else:
            rows += evaluate_persuasion(data_home, random_state=random_state)
        logger.info("evaluated %s", task)
    columns = ["task", "split", "metric", "ours", "std", "published", "note"]
    table = pd.DataFrame(rows, columns=columns)
    table["std"] = table["std"].astype(object).where(table["std"].notna(), None)
    return table, weights
