"""MOKA MoralEvents (Zhang et al. 2024): moral events in news, with their foundations.

Each article of the corpus is a list of text units (a sentence or a short
paragraph). Annotators marked *moral events* in them and gave each event one
to three foundation poles (``Care``, ``Harm``, ``Fairness``, ``Cheating``, ...).
:func:`load_moka` returns the units (``level="sentence"``) or the whole
articles (``level="article"``), with the poles and, derived from them, the
five foundations of Moral Foundations Theory (:data:`MOKA_POLES`).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ._base import _check_choice, _dataset_dir

__all__ = ["MOKA_DUPLICATE_STORIES", "MOKA_FOUNDATIONS", "MOKA_POLES", "load_moka", "moka_story"]

MOKA_POLES: dict[str, tuple[str, str]] = {
    "care": ("Care", "Harm"),
    "fairness": ("Fairness", "Cheating"),
    "loyalty": ("Loyalty", "Betrayal"),
    "authority": ("Authority", "Subversion"),
    "sanctity": ("Sanctity", "Degradation"),
}
"""Foundation -> its (virtue, vice) poles as MOKA spells them."""

MOKA_FOUNDATIONS: tuple[str, ...] = tuple(MOKA_POLES)
"""The five foundations, in the order of Moral Foundations Theory."""

MOKA_DUPLICATE_STORIES: dict[str, str] = {"1226": "1050", "1228": "1053", "1203": "1056", "1280": "1065"}
"""Triplets that cover the same three URLs as an earlier triplet -> that triplet (annotated twice upstream)."""

_FOUNDATION_OF = {pole: f for f, poles in MOKA_POLES.items() for pole in poles}
_POLE_FIELDS = ("morality", "morality2", "morality3")
_ARTICLE = re.compile(r"^TRIPLET_(\w+?)_DOCUMENT_(\d+)\.json$")


def _read_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        try:
            return json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: expected a JSON object. Got invalid JSON: {exc}.") from None


def _poles(event: dict[str, Any], where: str) -> list[str]:
    out = []
    for key in _POLE_FIELDS:
        value = event.get(key) or ""
        if not value:
            continue
        if value not in _FOUNDATION_OF:
            raise ValueError(
                f"{where}: '{key}' must be one of {sorted(_FOUNDATION_OF)} or empty. Got {value!r} instead."
            )
        out.append(value)
    return out


def _foundations(poles: Any) -> list[str]:
    present = {_FOUNDATION_OF[p] for p in poles}
    return [f for f in MOKA_FOUNDATIONS if f in present]


def moka_story(triplet_id: str) -> str:
    """The story a triplet belongs to: its own id, or the earlier triplet of a duplicated pair.

    Cross-validation folds grouped by story keep both annotations of the same
    three articles together (:data:`MOKA_DUPLICATE_STORIES`).

    Examples
    --------
    >>> moka_story("1226"), moka_story("000")
    ('1050', '000')
    """
    return MOKA_DUPLICATE_STORIES.get(str(triplet_id), str(triplet_id))


def load_moka(
    data_home: str | os.PathLike[str] | None = None,
    *,
    level: Literal["sentence", "article"] = "sentence",
    split: Literal["train", "valid", "all"] = "all",
) -> pd.DataFrame:
    """Load the MOKA MoralEvents articles, as text units or as whole articles.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``moka/`` (``meta/TRIPLET_<t>.json`` and
        ``articles/TRIPLET_<t>_DOCUMENT_<d>.json``); see :func:`get_data_home`.
    level : {"sentence", "article"}, default="sentence"
        ``"sentence"``: one row per text unit; ``"article"``: one row per
        article.
    split : {"train", "valid", "all"}, default="all"
        The upstream split of the story (a story's three articles share it).

    Returns
    -------
    pandas.DataFrame
        ``level="sentence"``: indexed by ``id`` (``"<docname>-<unit id>"``),
        with ``docname``, ``triplet_id``, ``story`` (:func:`moka_story`: the
        grouping key for cross-validation), ``split``, ``unit`` (the unit's
        upstream id, not its position), ``text``, ``poles`` (the sorted
        distinct poles of the unit's events; empty when no event was
        annotated), ``foundations`` (the foundations of those poles, in
        :data:`MOKA_FOUNDATIONS` order) and ``n_events``.
        ``level="article"``: indexed by ``docname``, with ``triplet_id``,
        ``story``, ``split``, ``source``, ``url``, ``title``, ``topic``, ``bias_label``
        (0 Left ... 4 Right, the outlet's rating), ``ideology``
        (``article_ideology_2``, after revision), ``text`` (the units joined
        by newlines), ``n_units``, ``n_events``, ``pole_counts`` (pole ->
        number of events carrying it) and ``foundations``.

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.
    ValueError
        A file is not valid JSON, or an event names an unknown pole (file in
        the message).

    Notes
    -----
    An empty ``poles`` list means no moral event was annotated in the unit,
    not that the unit is free of moral language. Sanctity/Degradation are
    very rare (about 50 events). Four pairs of stories cover the same URLs
    (1050/1226, 1053/1228, 1056/1203, 1065/1280); each pair shares a split.
    Licence: CC BY-NC-SA 4.0 for the annotations; the texts are publishers'
    copyright. Never redistributed with framing.

    References
    ----------
    X. Zhang, W. Wu, N. Beauchamp and L. Wang (2024). "MOKA: Moral Knowledge
    Augmentation for Moral Event Extraction". NAACL 2024.

    Examples
    --------
    >>> from framing.datasets import DatasetNotFoundError, load_moka
    >>> try:
    ...     load_moka("/nonexistent/corpora")
    ... except DatasetNotFoundError as err:
    ...     print(str(err).split(": expected")[0])
    The MOKA MoralEvents (Zhang et al. 2024) corpus was not found
    >>> units = load_moka(split="train")  # doctest: +SKIP
    >>> units["foundations"].explode().value_counts()  # doctest: +SKIP
    """
    _check_choice("level", level, ("sentence", "article"), "load_moka")
    _check_choice("split", split, ("train", "valid", "all"), "load_moka")
    folder = _dataset_dir("moka", data_home)
    metas: dict[str, dict[str, Any]] = {}
    for path in sorted((folder / "meta").glob("TRIPLET_*.json")):
        meta = _read_json(path)
        metas[str(meta["triplet_id"])] = meta
    sentences: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    for path in sorted((folder / "articles").iterdir()):
        m = _ARTICLE.match(path.name)
        if m is None or m.group(1) not in metas:
            continue
        meta = metas[m.group(1)]
        if split != "all" and meta["split"] != split:
            continue
        doc = _read_json(path)
        info = meta[f"Meta info for article {int(m.group(2))}"]
        unit_poles: dict[int, set[str]] = {}
        unit_events: Counter[int] = Counter()
        pole_counts: Counter[str] = Counter()
        for k, event in enumerate(doc.get("annotations", [])):
            poles = _poles(event, f"{path}, annotations[{k}]")
            unit_poles.setdefault(int(event["para"]), set()).update(poles)
            unit_events[int(event["para"])] += 1
            pole_counts.update(poles)
        docname = path.stem
        units = doc.get("news", [])
        for unit in units:
            uid = int(unit["id"])
            poles = sorted(unit_poles.get(uid, ()))
            sentences.append(
                {
                    "id": f"{docname}-{uid}",
                    "docname": docname,
                    "triplet_id": meta["triplet_id"],
                    "story": moka_story(meta["triplet_id"]),
                    "split": meta["split"],
                    "unit": uid,
                    "text": str(unit["text"]),
                    "poles": poles,
                    "foundations": _foundations(poles),
                    "n_events": unit_events.get(uid, 0),
                }
            )
        articles.append(
            {
                "docname": docname,
                "triplet_id": meta["triplet_id"],
                "story": moka_story(meta["triplet_id"]),
                "split": meta["split"],
                "source": info.get("source"),
                "url": info.get("url"),
                "title": info.get("title") or doc.get("title"),
                "topic": meta.get("story_topic"),
                "bias_label": info.get("bias_label"),
                "ideology": doc.get("article_ideology_2"),
                "text": "\n".join(str(u["text"]) for u in units),
                "n_units": len(units),
                "n_events": sum(unit_events.values()),
                "pole_counts": dict(sorted(pole_counts.items())),
                "foundations": _foundations(pole_counts),
            }
        )
    if level == "sentence":
        out = pd.DataFrame(sentences, columns=list(sentences[0]) if sentences else ["id"])
        out = out.set_index(pd.Index(out.pop("id"), name="id", dtype="str"))
    else:
        out = pd.DataFrame(articles, columns=list(articles[0]) if articles else ["docname"])
        out = out.set_index(pd.Index(out.pop("docname"), name="docname", dtype="str"))
        out["bias_label"] = pd.array(out.get("bias_label", []), dtype="Int64")
    for col in ("text", "split", "triplet_id", "story", "docname"):
        if col in out:
            out[col] = out[col].astype("str")
    return out
