"""SemEval-2023 task 3, subtask 2 (English): the policy frames of whole news articles.

The organisers' training labels give each article one to seven of the
fourteen policy frames of Boydstun et al.'s codebook (all but "Other").
:func:`load_frames` reads them with the frames renamed to the category names
of framing's ``policy_frames`` lexicon (:data:`SEMEVAL_FRAMES` is the
mapping), so that a model trained on them speaks the lexicon's vocabulary.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from ._base import _dataset_dir, _read_text

__all__ = ["SEMEVAL_FRAMES", "frame_name", "load_frames"]

SEMEVAL_FRAMES: dict[str, str] = {
    "Economic": "economic",
    "Capacity_and_resources": "capacity_resources",
    "Morality": "morality",
    "Fairness_and_equality": "fairness_equality",
    "Legality_Constitutionality_and_jurisprudence": "legality",
    "Policy_prescription_and_evaluation": "policy_prescription",
    "Crime_and_punishment": "crime_punishment",
    "Security_and_defense": "security_defense",
    "Health_and_safety": "health_safety",
    "Quality_of_life": "quality_of_life",
    "Cultural_identity": "cultural_identity",
    "Public_opinion": "public_opinion",
    "Political": "political",
    "External_regulation_and_reputation": "external_regulation",
}
"""SemEval-2023 frame label -> ``policy_frames`` category (one to one; the codebook's "Other" is not used)."""

_ARTICLE = re.compile(r"^article(\d+)\.txt$")


def frame_name(label: str, *, where: str = "frame") -> str:
    """The ``policy_frames`` category of a SemEval-2023 frame label.

    Parameters
    ----------
    label : str
        A label as the SemEval files spell it (``"Crime_and_punishment"``).
    where : str, default="frame"
        Where the label was read, for the error message.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        Not one of the fourteen SemEval-2023 frames.

    Examples
    --------
    >>> frame_name("Legality_Constitutionality_and_jurisprudence")
    'legality'
    >>> frame_name("Sports")
    Traceback (most recent call last):
    ...
    ValueError: frame: expected one of the 14 SemEval-2023 frames (Economic, ...). Got 'Sports' instead.
    """
    try:
        return SEMEVAL_FRAMES[label]
    except KeyError:
        raise ValueError(
            f"{where}: expected one of the 14 SemEval-2023 frames (Economic, ...). Got {label!r} instead."
        ) from None


def _read_labels(path: Path) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip():
                raise ValueError(
                    f"{path}, line {lineno}: expected 'ID<TAB>frame,frame,...'. Got {line!r} instead."
                )
            where = f"{path}, line {lineno}"
            frames = [frame_name(f.strip(), where=where) for f in parts[1].split(",") if f.strip()]
            labels[parts[0].strip()] = sorted(set(frames))
    return labels


def load_frames(data_home: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the English article frames of SemEval-2023 task 3, subtask 2.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``frames-semeval2023/`` (``labels.tsv`` and
        ``articles/article<ID>.txt``); see :func:`get_data_home`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id`` (the article id, sorted), with ``text`` (the file
        exactly as stored: title, blank line, paragraphs) and ``frames``
        (a sorted list of ``policy_frames`` category names; see
        :data:`SEMEVAL_FRAMES`). Only articles with both a text and labels
        are returned.

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.
    ValueError
        A label line is malformed or names an unknown frame (file and line
        in the message).

    Notes
    -----
    These are the organisers' training labels; no English dev or test gold
    was published, so measure by cross-validation. The texts are
    publishers' copyright and no licence is stated for the labels: research
    use, never redistributed with framing.

    References
    ----------
    J. Piskorski, N. Stefanovitch, G. Da San Martino and P. Nakov (2023).
    "SemEval-2023 Task 3: Detecting the Category, the Framing, and the
    Persuasion Techniques in Online News in a Multi-lingual Setup".
    SemEval 2023. A. E. Boydstun, D. Card, J. H. Gross, P. Resnik and
    N. A. Smith (2014). "Tracking the development of media frames within
    and across policy issues" (the Policy Frames Codebook).

    Examples
    --------
    >>> from framing.datasets import load_frames
    >>> df = load_frames()  # doctest: +SKIP
    >>> df["frames"].explode().value_counts().head(2)  # doctest: +SKIP
    """
    folder = _dataset_dir("frames", data_home)
    labels = _read_labels(folder / "labels.tsv")
    paths = {}
    for path in (folder / "articles").iterdir():
        m = _ARTICLE.match(path.name)
        if m and m.group(1) in labels:
            paths[m.group(1)] = path
    ids = sorted(paths)
    index = pd.Index(ids, name="id", dtype="str")
    return pd.DataFrame(
        {
            "text": pd.Series([_read_text(paths[i]) for i in ids], dtype="str", index=index),
            "frames": pd.Series([labels[i] for i in ids], dtype=object, index=index),
        },
        index=index,
    )
