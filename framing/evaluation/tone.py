"""Target-dependent tone on NewsMTSC dev: the shipped model next to VADER's sentence score.

Each NewsMTSC target (Hamborg & Donnay 2021) is a mention in a news sentence
labelled negative, neutral or positive *toward that mention*. Two readings
are scored on both dev sets (``dev-rw``: the real-world distribution,
``dev-mt``: sentences with two or more targets):

``VADER (sentence)``
    VADER's compound of the whole sentence, labelled by VADER's thresholds
    (:func:`framing.tone.tone_label`): the baseline of the issue and of the
    NewsMTSC paper, blind to the target;
``framing target model``
    :func:`framing.tone.tone_toward` (the shipped model).

The table gives macro-F1 over the three classes and the F1 of each class.
Run with ``framing evaluate tone --data-home DIR``; ``docs/tone.md`` has the
numbers. :func:`build_shipped_model` rebuilds the shipped model from the
training split (the dev sets are never used for fitting or for choosing
settings).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..exceptions import DatasetNotFoundError
from ..tone import sentence_tone, tone_label, tone_toward
from ..tone.target_training import fit_target_model

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEV_SETS", "build_shipped_model", "evaluate_tone", "read_newsmtsc"]

DEV_SETS = ("dev-rw", "dev-mt")
"""The NewsMTSC dev files scored (``<data_home>/newsmtsc/<name>.jsonl``)."""

_LABELS = ("negative", "neutral", "positive")
_POLARITY = {-1: "negative", 0: "neutral", 1: "positive"}


def read_newsmtsc(data_home: str | Path, split: str) -> list[dict[str, Any]]:
    """The records of ``<data_home>/newsmtsc/<split>.jsonl`` (``sentence``, ``from``, ``to``, ``polarity``).

    Raises
    ------
    DatasetNotFoundError
        When the file is not there.
    """
    path = Path(data_home) / "newsmtsc" / f"{split}.jsonl"
    if not path.is_file():
        raise DatasetNotFoundError(
            f"NewsMTSC split {split!r} not found: expected the file {path} "
            "(the HF-style JSONL of github.com/fhamborg/NewsMTSC, see the data README)."
        )
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    per = f1_score(gold, pred, labels=list(_LABELS), average=None, zero_division=0)
    row = {"macro_f1": float(per.mean())}
    row.update({f"f1_{label}": float(v) for label, v in zip(_LABELS, per)})
    return row


def evaluate_tone(data_home: str | Path) -> pd.DataFrame:
    """The table: one row per dev set and method (n, macro-F1, F1 per class).

    Examples
    --------
    >>> import os
    >>> from pathlib import Path
    >>> home = os.environ.get("FRAMING_DATA_HOME", "")
    >>> if (Path(home) / "newsmtsc" / "dev-rw.jsonl").is_file():  # doctest: +SKIP
    ...     evaluate_tone(home)[["dataset", "method", "macro_f1"]]
    """
    import pandas as pd

    rows = []
    for split in DEV_SETS:
        records = read_newsmtsc(data_home, split)
        gold = [_POLARITY[int(r["polarity"])] for r in records]
        vader = [tone_label(sentence_tone(r["sentence"])) for r in records]
        model = [tone_toward(r["sentence"], [(r["from"], r["to"])])[0].label or "neutral" for r in records]
        for method, pred in (("VADER (sentence)", vader), ("framing target model", model)):
            rows.append({"dataset": f"NewsMTSC {split}", "method": method, "n": len(records),
                         **_scores(gold, pred)})
    return pd.DataFrame(rows)


def build_shipped_model(data_home: str | Path, out: str | Path, *, C: float | None = None,
                        candidates: tuple[float, ...] = (1.0, 3.0, 10.0)) -> dict[str, Any]:
    """Fit the target model on NewsMTSC train and write it as gzipped JSON to ``out``.

    ``C`` is chosen among ``candidates`` by grouped 5-fold CV on the training
    split (groups: the sentence) unless given. Returns the model dict.
    """
    from ..tone.target_training import cross_validate, featurize

    records = read_newsmtsc(data_home, "train")
    spans = [(r["sentence"], int(r["from"]), int(r["to"])) for r in records]
    polarities = [int(r["polarity"]) for r in records]
    groups = [r["sentence"] for r in records]
    cv: dict[str, float] = {}
    if C is None:
        dense, terms = featurize(spans)
        y = [{-1: 0, 0: 1, 1: 2}[p] for p in polarities]
        for c in candidates:
            cv[str(c)] = round(cross_validate(dense, terms, y, groups, C=c)[0], 4)
        C = float(max(candidates, key=lambda c: cv[str(c)]))
    model = fit_target_model(spans, polarities, groups, C=C,
                             provenance=newsmtsc_provenance("tone-targets-newsmtsc", len(records), cv))
    write_model(model, out)
    return model


def newsmtsc_provenance(name: str, n_train: int, cv: dict[str, float], **extra: str) -> dict[str, Any]:
    """The provenance a model trained on NewsMTSC train ships with: source, licence, citation, CV scores.

    Examples
    --------
    >>> newsmtsc_provenance("m", 10, {"1.0": 0.6})["licence"]
    'MIT'
    """
    return {
        "name": name,
        "trained_on": "NewsMTSC train (Hamborg & Donnay 2021)",
        **extra,
        "source": "github.com/fhamborg/NewsMTSC @ b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7, "
                  "NewsSentiment/experiments/default/datasets/newsmtsc-rw-hf/train.jsonl",
        "n_train": n_train,
        "licence": "MIT",
        "licence_file": "newsmtsc_LICENSE.txt",
        "cite": "Hamborg, F. & Donnay, K. (2021). NewsMTSC: (Multi-)Target-dependent Sentiment "
                "Classification in News Articles. EACL 2021.",
        "cv_macro_f1_by_C": cv,
    }


def write_model(model: dict[str, Any], out: str | Path) -> None:
    """Write a tone model as the package ships it: sorted compact JSON, gzipped with no timestamp (reproducible)."""
    data = json.dumps(model, separators=(",", ":"), sort_keys=True).encode("utf-8")
    Path(out).write_bytes(gzip.compress(data, mtime=0))
