"""BABE and MBIC (Spinde et al. 2021): sentences labelled for bias."""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._base import (
    _check_choice,
    _check_n_articles,
    _dataset_dir,
    _sample_frame,
)

# ---------------------------------------------------------------------------
# BABE
# ---------------------------------------------------------------------------

_BABE_LABELS = {"Biased": "biased", "Non-biased": "non-biased", "No agreement": "no agreement"}


def _parse_word_list(value: Any, where: str) -> list[str]:
    """A Python-list string such as "['word', 'other']" as a list, safely."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return []
    try:
        parsed = ast.literal_eval(str(value))
    except (ValueError, SyntaxError):
        raise ValueError(
            f"{where}: 'biased_words' must be a Python list of strings. Got {value!r} instead."
        ) from None
    if not isinstance(parsed, (list, tuple)) or not all(isinstance(w, str) for w in parsed):
        raise ValueError(
            f"{where}: 'biased_words' must be a Python list of strings. Got {value!r} instead."
        )
    return list(parsed)


def _read_csv_sniffed(path: Path) -> pd.DataFrame:
    """Read a BABE/MBIC CSV: ``;`` or ``,`` separated, UTF-8 with or without BOM."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = fh.readline()
    sep = ";" if header.count(";") > header.count(",") else ","
    return pd.read_csv(path, sep=sep, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def load_babe(
    data_home: str | os.PathLike[str] | None = None,
    *,
    version: Literal["SG2", "SG1", "MBIC"] = "SG2",
    n_articles: int | None = None,
    random_state: Any = 0,
    download: bool = False,
) -> pd.DataFrame:
    """Load BABE, the expert-labelled sentence-level media-bias corpus.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``babe/``; see :func:`get_data_home`.
    version : {"SG2", "SG1", "MBIC"}, default="SG2"
        ``"SG2"``: 3,674 sentences labelled by experts (the BABE release);
        ``"SG1"``: 1,700 sentences of the first group; ``"MBIC"``: the crowd
        labels of MBIC (Spinde et al. 2021), with the article texts.
    n_articles : int, default=None
        A reproducible random sample of this many sentences (all when ``None``).
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    download : bool, default=False
        When ``final_labels_SG2.csv`` or ``final_labels_SG1.csv`` is missing,
        fetch it from the BABE repository (pinned commit) with a SHA-256
        check; fails at once without network. MBIC is not downloadable.

    Returns
    -------
    pandas.DataFrame
        One row per labelled sentence, indexed by a stable ``id``
        (``"babe-sg2-0000"``: version and row number in the file), with columns
        ``text``, ``outlet``, ``topic``, ``type`` (the outlet's leaning:
        "left", "center", "right", missing for 1,000 SG2 rows), ``label``
        ("biased", "non-biased", "no agreement"), ``opinion`` (the
        ``label_opinion`` field as published), ``biased_words`` (a list of
        the words annotators marked as biased) and ``url``. MBIC adds
        ``article``, ``group_id`` and ``num_sent``.

    Raises
    ------
    DatasetNotFoundError
        The file is not in ``data_home``.

    References
    ----------
    T. Spinde, M. Plank, J.-D. Krieger, T. Ruas, B. Gipp and A. Aizawa (2021).
    "Neural Media Bias Detection Using Distant Supervision With BABE - Bias
    Annotations By Experts". Findings of EMNLP.

    T. Spinde, L. Rudnitckaia, K. Sinha, F. Hamborg, B. Gipp and K. Donnay
    (2021). "MBIC - A Media Bias Annotation Dataset Including Annotator
    Characteristics". iConference.

    Examples
    --------
    Without the data the loader says where it looked, at once:

    >>> from framing.datasets import DatasetNotFoundError, load_babe
    >>> try:
    ...     load_babe("/nonexistent/corpora")
    ... except DatasetNotFoundError as err:
    ...     print(str(err).split(": expected")[0])
    The BABE (Spinde et al. 2021) corpus was not found

    With it:

    >>> sentences = load_babe()  # doctest: +SKIP
    >>> sentences["label"].value_counts()  # doctest: +SKIP
    """
    _check_choice("version", version, ("SG2", "SG1", "MBIC"), "load_babe")
    _check_n_articles(n_articles)
    filename = f"final_labels_{version}.csv"
    folder = _dataset_dir("babe", data_home, download=download, required=(filename,))
    path = folder / filename
    raw = _read_csv_sniffed(path)
    expected = {
        "text",
        "news_link",
        "outlet",
        "topic",
        "type",
        "label_bias",
        "label_opinion",
        "biased_words",
    }
    absent = expected - set(raw.columns)
    if absent:
        raise ValueError(
            f"{path}: expected the columns {sorted(expected)}; missing {sorted(absent)}."
        )

    labels = []
    for i, value in enumerate(raw["label_bias"]):
        if value not in _BABE_LABELS:
            raise ValueError(
                f"{path}, row {i + 2}: 'label_bias' must be one of {list(_BABE_LABELS)}. Got {value!r} instead."
            )
        labels.append(_BABE_LABELS[value])
    words = [_parse_word_list(v, f"{path}, row {i + 2}") for i, v in enumerate(raw["biased_words"])]

    def nullable(col: str) -> pd.Series:
        return raw[col].replace("", None).astype("str")

    out = pd.DataFrame(
        {
            "text": raw["text"].astype("str"),
            "outlet": nullable("outlet"),
            "topic": nullable("topic"),
            "type": nullable("type"),
            "label": pd.Categorical(labels, categories=["non-biased", "biased", "no agreement"]),
            "opinion": nullable("label_opinion"),
            "biased_words": pd.Series(words, dtype=object),
            "url": nullable("news_link"),
        }
    )
    if version == "MBIC":
        out["article"] = raw["article"].astype("str")
        out["group_id"] = pd.to_numeric(raw["group_id"], errors="coerce").astype("Int64")
        out["num_sent"] = pd.to_numeric(raw["num_sent"], errors="coerce").astype("Int64")
    out.index = pd.Index(
        [f"babe-{version.lower()}-{i:04d}" for i in range(len(out))], name="id", dtype="str"
    )
    return _sample_frame(out, n_articles, random_state)
