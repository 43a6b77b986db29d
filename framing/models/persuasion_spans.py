"""The persuasion-spans task: which stretches of an article use a persuasion technique (PTC).

Its estimator (:func:`make_estimator`, a
:class:`~framing.models.persuasion.PersuasionSpanTagger`) and its corpus
loader (:func:`load_corpus`); the task's entry is in :mod:`framing.models.tasks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import _data_home_for
from .persuasion import PersuasionSpanTagger

__all__ = ["load_corpus", "make_estimator"]


def make_estimator(random_state: int = 0) -> PersuasionSpanTagger:
    """The span tagger with its default settings.

    Examples
    --------
    >>> make_estimator(random_state=3).random_state
    3
    """
    return PersuasionSpanTagger(random_state=random_state)


def load_corpus(path: Path) -> dict[str, Any] | None:
    """The PTC training articles and their technique spans from a ``ptc/`` folder, else None."""
    if not (path / "train-articles").is_dir():
        return None
    from .. import datasets

    articles, spans = datasets.load_ptc(_data_home_for(path, "ptc"), split="train")
    by_id = {k: list(zip(g["start"].tolist(), g["end"].tolist())) for k, g in spans.groupby("id")}
    return {"texts": articles["text"].tolist(), "labels": [by_id.get(i, []) for i in articles.index],
            "groups": None, "source": f"PTC train ({path})"}
