"""The SemEval-2020 task 11 propaganda techniques corpus (PTC)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ._base import (
    _check_choice,
    _check_n_articles,
    _choose,
    _dataset_dir,
    _read_text,
)

# ---------------------------------------------------------------------------
# PTC
# ---------------------------------------------------------------------------

_PTC_ARTICLE = re.compile(r"^article(\d+)\.txt$")


def _read_ptc_labels(path: Path, with_technique: bool) -> list[tuple[str, str | None, int, int]]:
    rows: list[tuple[str, str | None, int, int]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise ValueError(
                    f"{path}, line {lineno}: expected 4 tab-separated fields "
                    f"(id, technique, start, end). Got {line!r} instead."
                )
            art, tech, start, end = parts
            try:
                s, e = int(start), int(end)
            except ValueError:
                raise ValueError(
                    f"{path}, line {lineno}: start and end must be integers. Got {line!r} instead."
                ) from None
            rows.append((art, tech if with_technique and tech != "?" else None, s, e))
    return rows


def load_ptc(
    data_home: str | os.PathLike[str] | None = None,
    *,
    split: Literal["train", "dev"] = "train",
    n_articles: int | None = None,
    random_state: Any = 0,
    download: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the propaganda techniques corpus (PTC) of SemEval-2020 task 11.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``ptc/``; see :func:`get_data_home`.
    split : {"train", "dev"}, default="train"
        ``"train"``: 371 articles with technique spans; ``"dev"``: 75 articles
        with gold span boundaries whose technique is not released (``None``).
    n_articles : int, default=None
        A reproducible random sample of this many articles (all when ``None``).
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    download : bool, default=False
        Accepted for symmetry; the corpus is distributed after registration.

    Returns
    -------
    articles : pandas.DataFrame
        Indexed by ``id`` (e.g. "111111111"), sorted, with column ``text``:
        the file exactly as stored (UTF-8, a leading byte-order mark kept,
        because the offsets count it).
    spans : pandas.DataFrame
        One row per labelled span, sorted by ``id`` and ``start``: ``id``,
        ``technique`` (e.g. "Loaded_Language"; ``None`` for dev), ``start``,
        ``end`` (character offsets, end exclusive) and ``text``
        (``articles.text[id][start:end]``).

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.

    References
    ----------
    G. Da San Martino, A. Barrón-Cedeño, H. Wachsmuth, R. Petrov and P. Nakov
    (2020). "SemEval-2020 Task 11: Detection of Propaganda Techniques in News
    Articles". SemEval. G. Da San Martino, S. Yu, A. Barrón-Cedeño, R. Petrov
    and P. Nakov (2019). "Fine-Grained Analysis of Propaganda in News
    Articles". EMNLP.

    Examples
    --------
    >>> from framing.datasets import load_ptc
    >>> articles, spans = load_ptc()  # doctest: +SKIP
    >>> spans["technique"].value_counts().head(3)  # doctest: +SKIP
    """
    _check_choice("split", split, ("train", "dev"), "load_ptc")
    _check_n_articles(n_articles)
    if split == "train":
        required = ("train-articles", "train-labels-task2-technique-classification")
    else:
        required = ("dev-articles", "dev-task-TC-template.out")
    folder = _dataset_dir("ptc", data_home, download=download, required=required)
    article_dir = folder / required[0]
    paths = {}
    for path in article_dir.iterdir():
        m = _PTC_ARTICLE.match(path.name)
        if m:
            paths[m.group(1)] = path
    ids = sorted(paths)
    positions = _choose(len(ids), n_articles, random_state)
    if positions is not None:
        ids = [ids[i] for i in positions]
    texts = [_read_text(paths[i]) for i in ids]
    index = pd.Index(ids, name="id", dtype="str")
    articles = pd.DataFrame({"text": pd.Series(texts, dtype="str", index=index)}, index=index)

    rows: list[tuple[str, str | None, int, int]] = []
    if split == "train":
        label_dir = folder / required[1]
        for art in ids:
            label_path = label_dir / f"article{art}.task2-TC.labels"
            if label_path.exists():
                rows.extend(_read_ptc_labels(label_path, with_technique=True))
    else:
        keep = set(ids)
        rows = [
            r for r in _read_ptc_labels(folder / required[1], with_technique=False) if r[0] in keep
        ]

    text_of = dict(zip(ids, texts))
    span_text = []
    for art, _tech, start, end in rows:
        if art not in text_of:
            raise ValueError(
                f"{folder}: a span refers to article {art}, which is not in {article_dir}."
            )
        text = text_of[art]
        if not 0 <= start <= end <= len(text):
            raise ValueError(
                f"{folder}: the span {start}-{end} of article {art} lies outside its {len(text)} characters."
            )
        span_text.append(text[start:end])
    spans = pd.DataFrame(
        {
            "id": pd.Series([r[0] for r in rows], dtype="str"),
            "technique": pd.Series([r[1] for r in rows], dtype="str"),
            "start": pd.Series([r[2] for r in rows], dtype="int64"),
            "end": pd.Series([r[3] for r in rows], dtype="int64"),
            "text": pd.Series(span_text, dtype="str"),
        }
    )
    spans = spans.sort_values(["id", "start", "end"], kind="stable").reset_index(drop=True)
    return articles, spans
