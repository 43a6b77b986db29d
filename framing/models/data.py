"""Training data of a task from a labelled CSV/JSONL file, and data homes for corpus folders.

The corpus folders of the public research data are read by each task's own
loader (``load_corpus`` of its :class:`~framing.models.tasks.TaskSpec`);
a plain file with a ``text`` column and a label column is read here, the
same way for every task.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["read_labelled_file"]


def _data_home_for(folder: Path, name: str) -> Path:
    """A data_home in which ``name/`` is ``folder`` (a symlink when the folder is named otherwise)."""
    if folder.name == name:
        return folder.parent
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="framing-data-"))
    (home / name).symlink_to(folder.resolve(), target_is_directory=True)
    return home


def read_labelled_file(path: str | Path, *, target: str = "label", spans: bool = False) -> dict[str, Any]:
    """Texts and labels from a ``.csv`` or ``.jsonl`` file.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.jsonl`` or ``.jsonl.gz`` file with a ``text`` column
        and the ``target`` column; an ``outlet`` column, when present, groups
        the cross-validation folds.
    target : str, default="label"
        The label column.
    spans : bool, default=False
        The labels are character spans, ``[[start, end], ...]`` per row
        (a JSON string in a CSV); else class labels, read as words.

    Returns
    -------
    dict
        ``texts`` (list of str), ``labels``, ``groups`` (list or None), ``source``.

    Raises
    ------
    FileNotFoundError
        No such file.
    ValueError
        Not a ``.csv``/``.jsonl`` file, or a column is missing.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "train.csv"
    >>> _ = path.write_text("text,label\\nA reckless plan.,biased\\n", encoding="utf-8")
    >>> read_labelled_file(path)["labels"]
    ['biased']
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No such file or directory: {str(path)!r}.")
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        df = pd.read_json(path, lines=True, dtype=False)
    elif name.endswith(".csv"):
        df = pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False)
    else:
        raise ValueError(f"--data {str(path)!r}: expected a folder, a .csv or a .jsonl file.")
    missing = [c for c in ("text", target) if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: expected columns 'text' and {target!r}. Got {list(df.columns)} instead.")
    labels = df[target].tolist()
    if spans:
        labels = [[(int(s), int(e)) for s, e, *_ in (json.loads(v) if isinstance(v, str) else v)]
                  for v in labels]
    else:
        labels = [str(v) for v in labels]
    groups = df["outlet"].astype(str).tolist() if "outlet" in df.columns else None
    return {"texts": df["text"].astype(str).tolist(), "labels": labels, "groups": groups,
            "source": str(path)}
