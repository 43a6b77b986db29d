"""CoNLL-2010 shared task, Wikipedia domain: sentences labelled certain or uncertain (weasel).

The Wikipedia half of the CoNLL-2010 hedge-detection task (Farkas et al.
2010) marks *weasel* sentences: claims whose source or support is left vague
("some experts believe", "it is often said"). :func:`load_conll2010` reads the
sentence-level export of the training sentences by Jean et al. (2016), a CSV
with the columns ``text,label``; it has no cue spans.
"""

from __future__ import annotations

import csv
import os
from typing import Literal

import pandas as pd

from ._base import _check_choice, _dataset_dir

__all__ = ["load_conll2010"]

_LABELS = {"0": "certain", "1": "uncertain"}


def load_conll2010(
    data_home: str | os.PathLike[str] | None = None,
    *,
    split: Literal["train"] = "train",
    drop_empty: bool = True,
) -> pd.DataFrame:
    """Load the CoNLL-2010 Wikipedia sentences labelled certain or uncertain.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``conll2010-wiki/train.csv``; see :func:`get_data_home`.
    split : {"train"}, default="train"
        Only the training sentences are available in this export.
    drop_empty : bool, default=True
        Leave out the rows whose text is empty (20 in the file, all
        ``certain``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id`` (``"conll2010-wiki-train-00000"``: the row number in
        the file, so ids are stable whatever ``drop_empty`` is), with ``text``
        (as stored, without the newline each value ends with; PTB tokens such
        as ``-LRB-`` are kept), ``label`` (``"certain"`` or ``"uncertain"``)
        and ``uncertain`` (bool). The file is sorted by label: shuffle before
        splitting it.

    Raises
    ------
    DatasetNotFoundError
        The file is not in ``data_home``.
    ValueError
        The header is not ``text,label`` or a label is not 0 or 1 (file and
        row in the message).

    Notes
    -----
    No licence is stated for the export; the text is Wikipedia (CC BY-SA).
    There are 32 duplicate rows and no text with both labels. Not news text:
    use it to check hedge and weasel cues, not for news calibration.

    References
    ----------
    R. Farkas, V. Vincze, G. Móra, J. Csirik and G. Szarvas (2010). "The
    CoNLL-2010 Shared Task: Learning to Detect Hedges and their Scope in
    Natural Language Text". CoNLL 2010. P.-A. Jean, S. Harispe, S. Ranwez,
    P. Bellot and J. Montmain (2016). "Uncertainty detection in natural
    language: a probabilistic model". WIMS 2016.

    Examples
    --------
    >>> from framing.datasets import DatasetNotFoundError, load_conll2010
    >>> try:
    ...     load_conll2010("/nonexistent/corpora")
    ... except DatasetNotFoundError as err:
    ...     print(str(err).split(": expected")[0])
    The CoNLL-2010 Wikipedia uncertainty sentences (Farkas et al. 2010) corpus was not found
    >>> df = load_conll2010()  # doctest: +SKIP
    >>> df["label"].value_counts()  # doctest: +SKIP
    """
    _check_choice("split", split, ("train",), "load_conll2010")
    if not isinstance(drop_empty, bool):
        raise ValueError(
            f"The 'drop_empty' parameter of load_conll2010 must be a bool. Got {drop_empty!r} instead."
        )
    path = _dataset_dir("conll2010", data_home) / f"{split}.csv"
    ids: list[str] = []
    texts: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != ["text", "label"]:
            raise ValueError(f"{path}: expected the header 'text,label'. Got {header!r} instead.")
        for row_no, row in enumerate(reader, start=2):
            if len(row) != 2 or row[1] not in _LABELS:
                raise ValueError(
                    f"{path}, row {row_no}: expected a text and a label 0 or 1. Got {row!r} instead."
                )
            text = row[0].rstrip("\r\n")
            if drop_empty and not text.strip():
                continue
            ids.append(f"conll2010-wiki-{split}-{row_no - 2:05d}")
            texts.append(text)
            labels.append(_LABELS[row[1]])
    index = pd.Index(ids, name="id", dtype="str")
    return pd.DataFrame(
        {
            "text": pd.Series(texts, index=index, dtype="str"),
            "label": pd.Categorical(labels, categories=["certain", "uncertain"]),
            "uncertain": pd.Series([lab == "uncertain" for lab in labels], index=index, dtype=bool),
        },
        index=index,
    )
