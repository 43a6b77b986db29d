"""Validate the ``moral_foundations`` and ``epistemic`` lexicons against human labels.

Two corpora with human labels of the constructs these lexicons claim to
measure are used, read through :mod:`framing.datasets`:

* **MOKA MoralEvents** (Zhang et al. 2024): news text units whose moral
  events annotators labelled with foundation poles. A unit (or an article) is
  positive for a foundation when one of its events carries one of the
  foundation's poles. Each lexicon scores a unit per foundation by the summed
  weights of its hits of that foundation (negated hits included: a denied harm
  still evokes care/harm); we report the per-foundation ROC AUC of that score
  and the precision, recall and F1 of a presence rule (:data:`PRESENCE`). Two
  published dictionaries are scored by the same code as anchors: the Moral
  Foundations Dictionary 2.0 (Frimer et al. 2019) and the extended MFD (Hopp
  et al. 2021), both from ``lexicon-references/moral-foundations``.
* **CoNLL-2010 Wikipedia** (Farkas et al. 2010): sentences labelled certain
  or uncertain (weasel). A sentence is predicted uncertain when it has at
  least one hit of the ``epistemic`` categories :data:`UNCERTAINTY_CATEGORIES`;
  the hit count is the score for the ROC AUC.

Held-out parts
--------------
Both corpora are development material for the lexicons, so each is cut in two
fixed parts, and lexicon edits are chosen on ``dev`` only. MOKA: the upstream
``train`` split is ``dev`` and the upstream ``valid`` split is ``test`` (a
story's three articles share a split). CoNLL-2010 (only its training
sentences are available): a sentence is ``test`` when the MD5 of its text
falls in the first :data:`CONLL_TEST_SHARE` of the hash range, so duplicates
share a part and the cut depends on nothing but the text.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ..datasets import MOKA_FOUNDATIONS, get_data_home, load_conll2010, load_moka
from ..lexicon import Lexicon, Matcher, load_lexicon
from ..lexicon.importers import read_dic, read_emfd_csv
from ..text import tokenize
from .spans import _f1

__all__ = [
    "CONLL_TEST_SHARE",
    "PRESENCE",
    "UNCERTAINTY_CATEGORIES",
    "conll2010_part",
    "evaluate_conll2010",
    "evaluate_instrument",
    "evaluate_moka",
    "foundation_of",
    "moral_anchors",
    "moral_scores",
]

Part = Literal["dev", "test"]
Level = Literal["sentence", "article"]

CONLL_TEST_SHARE = 0.3
"""Share of the CoNLL-2010 sentences held out as ``test`` (by the MD5 of the text)."""

UNCERTAINTY_CATEGORIES: tuple[str, ...] = ("hedge", "weasel", "vague_quantifier")
"""``epistemic`` categories whose hits make a sentence uncertain.

The CoNLL-2010 Wikipedia annotators took bare vague quantifiers (*some*,
*many*) as weasel cues; ``hedge+weasel`` without them is reported too.
"""

PRESENCE: dict[str, float] = {"emfd": 1.0}
"""Presence rule of the sentence-level F1: positive when the score exceeds this (default 0).

The eMFD gives every one of its 3,270 words a probability for every foundation,
so one hit says little; its threshold, a summed probability above 1.0, is the
best of 0, 0.5, 1, 2, 3 for its own macro-F1 on the MOKA ``dev`` part.
"""

_MOKA_PART: dict[str, Literal["train", "valid"]] = {"dev": "train", "test": "valid"}
_REF = Path("lexicon-references") / "moral-foundations"


def conll2010_part(text: str) -> Part:
    """The fixed part (``"dev"`` or ``"test"``) of a CoNLL-2010 sentence.

    Examples
    --------
    >>> conll2010_part("Some critics argue that the film is overrated.")
    'dev'
    """
    h = int(hashlib.md5(text.strip().encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h < CONLL_TEST_SHARE * 16**8 else "dev"


def _check_part(part: str, func: str) -> None:
    if part not in ("dev", "test", "all"):
        raise ValueError(
            f"The 'part' parameter of {func} must be 'dev', 'test' or 'all'. Got {part!r} instead."
        )


def _reference(data_home: str | os.PathLike[str] | None, name: str) -> Path:
    root = get_data_home(data_home)
    path = root / _REF / name
    if not path.is_file():
        raise FileNotFoundError(
            f"Expected {_REF / name} under the data folder {root}; {path} does not exist. "
            "Point framing at the folder that holds it in one of three ways: pass data_home=DIR "
            "(on the command line: --data-home DIR), set the FRAMING_DATA_HOME environment "
            "variable, or put it in the default folder (~/.cache/framing; "
            "see framing.datasets.get_data_home)."
        )
    return path


def moral_anchors(data_home: str | os.PathLike[str] | None = None) -> list[Lexicon]:
    """The published moral-foundation dictionaries, as ``mfd2`` and ``emfd``.

    Read through :func:`framing.lexicon.importers.read_dic` and
    :func:`~framing.lexicon.importers.read_emfd_csv` (every word, threshold 0)
    from ``lexicon-references/moral-foundations/`` under ``data_home``.

    References
    ----------
    Frimer, J. A., Boghrati, R., Haidt, J., Graham, J. & Dehghani, M. (2019).
    Moral Foundations Dictionary 2.0. https://osf.io/ezn37/. Hopp, F. R.,
    Fisher, J. T., Cornell, D., Huskey, R. & Weber, R. (2021). The extended
    Moral Foundations Dictionary (eMFD). Behavior Research Methods 53, 232-246.
    """
    mfd = read_dic(_reference(data_home, "mfd2.0.dic"), name="mfd2", version="2.0",
                   citation="Frimer et al. (2019), Moral Foundations Dictionary 2.0.")
    emfd = read_emfd_csv(_reference(data_home, "emfd_scoring.csv"), name="emfd", version="1.0",
                         citation="Hopp et al. (2021), Behavior Research Methods 53.")
    return [mfd, emfd]


def foundation_of(category: str) -> str | None:
    """The foundation a moral-lexicon category belongs to, or None.

    Works for the ``moral_foundations`` categories (``care_vice``), MFD 2.0
    (``care.vice``) and eMFD (``care``).

    Examples
    --------
    >>> foundation_of("care_vice"), foundation_of("authority.virtue"), foundation_of("liberty")
    ('care', 'authority', None)
    """
    head = category.replace(".", "_").split("_")[0]
    return head if head in MOKA_FOUNDATIONS else None


def moral_scores(texts: Sequence[str], lexicon: Lexicon, *, per_token: bool = False) -> pd.DataFrame:
    """Per-foundation scores: the summed weights of a lexicon's hits in each text.

    Parameters
    ----------
    texts : sequence of str
    lexicon : Lexicon
        Categories are mapped to foundations by :func:`foundation_of`.
    per_token : bool, default False
        Divide by the number of tokens (a density, for whole articles).

    Returns
    -------
    pandas.DataFrame
        One row per text, one column per foundation (:data:`MOKA_FOUNDATIONS`).

    Examples
    --------
    >>> moral_scores(["They betrayed their allies and tortured prisoners."],
    ...              load_lexicon("moral_foundations"))[["care", "loyalty"]].gt(0).values.tolist()
    [[True, True]]
    """
    matcher = Matcher([lexicon])
    column = {f: i for i, f in enumerate(MOKA_FOUNDATIONS)}
    out = np.zeros((len(texts), len(MOKA_FOUNDATIONS)))
    for row, text in enumerate(texts):
        tokens = tokenize(text)
        for m in matcher.find(text, tokens):
            f = foundation_of(m.category)
            if f is not None:
                out[row, column[f]] += m.weight
        if per_token and len(tokens):
            out[row] /= len(tokens)
    return pd.DataFrame(out, columns=list(MOKA_FOUNDATIONS))


def _binary_scores(y: np.ndarray, score: np.ndarray, threshold: float) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    pred = score > threshold
    tp = int((pred & y).sum())
    p = tp / int(pred.sum()) if pred.any() else 0.0
    r = tp / int(y.sum()) if y.any() else 0.0
    auc = float(roc_auc_score(y, score)) if 0 < y.sum() < len(y) else math.nan
    return {"roc_auc": auc, "precision": p, "recall": r, "f1": _f1(p, r),
            "n_positive": int(y.sum()), "n": len(y)}


def evaluate_moka(
    data_home: str | os.PathLike[str] | None = None,
    *,
    level: Level = "sentence",
    part: Part | Literal["all"] = "test",
    lexicon: Lexicon | str = "moral_foundations",
    anchors: bool = True,
) -> pd.DataFrame:
    """Per-foundation ROC AUC and F1 of moral lexicons on MOKA moral events.

    Parameters
    ----------
    data_home : str or path-like, optional
        Folder holding ``moka/`` and (with ``anchors``)
        ``lexicon-references/moral-foundations/``; see
        :func:`framing.datasets.get_data_home`.
    level : {"sentence", "article"}, default "sentence"
        Text units, or whole articles scored by hit weight per token.
    part : {"dev", "test", "all"}, default "test"
        ``dev`` is the upstream train split, ``test`` the valid split.
    lexicon : Lexicon or str, default "moral_foundations"
        The lexicon scored as ``ours``.
    anchors : bool, default True
        Also score MFD 2.0 and eMFD (:func:`moral_anchors`).

    Returns
    -------
    pandas.DataFrame
        One row per (lexicon, target): ``lexicon`` (``ours``, ``mfd2``,
        ``emfd``), ``lexicons`` (name and version), ``target`` (a foundation,
        ``mean`` over the five, or ``mean_4`` without sanctity, which has
        three positive units in ``test``), ``roc_auc, precision, recall, f1,
        n_positive, n``.

    References
    ----------
    Zhang, X., Wu, W., Beauchamp, N. & Wang, L. (2024). MOKA: Moral Knowledge
    Augmentation for Moral Event Extraction. NAACL 2024.

    Examples
    --------
    >>> table = evaluate_moka(part="test")  # doctest: +SKIP
    >>> table[table.target == "mean"][["lexicon", "roc_auc", "f1"]]  # doctest: +SKIP
    """
    _check_part(part, "evaluate_moka")
    if level not in ("sentence", "article"):
        raise ValueError(
            f"The 'level' parameter of evaluate_moka must be 'sentence' or 'article'. Got {level!r} instead."
        )
    df = load_moka(data_home, level=level, split="all" if part == "all" else _MOKA_PART[part])
    runs = [("ours", load_lexicon(lexicon) if isinstance(lexicon, str) else lexicon)]
    if anchors:
        runs += [(lex.name, lex) for lex in moral_anchors(data_home)]
    texts = list(df["text"])
    rows: list[dict[str, object]] = []
    for label, lex in runs:
        scores = moral_scores(texts, lex, per_token=level == "article")
        # articles: any hit (every article has many eMFD words, so eMFD predicts all)
        threshold = PRESENCE.get(label, 0.0) if level == "sentence" else 0.0
        per = []
        for f in MOKA_FOUNDATIONS:
            y = np.array([f in fs for fs in df["foundations"]], dtype=bool)
            per.append({"target": f, **_binary_scores(y, scores[f].to_numpy(), threshold)})
        for name, keep in (("mean", MOKA_FOUNDATIONS), ("mean_4", MOKA_FOUNDATIONS[:4])):
            sub = [r for r in per if r["target"] in keep]
            per.append({"target": name, "n": len(df), "n_positive": math.nan,
                        **{k: float(np.nanmean([float(r[k]) for r in sub]))  # type: ignore[arg-type]
                           for k in ("roc_auc", "precision", "recall", "f1")}})
        rows += [{"lexicon": label, "lexicons": f"{lex.name} {lex.version}", **r} for r in per]
    out = pd.DataFrame(rows)
    out.insert(0, "part", part)
    out.insert(0, "level", level)
    return out


def evaluate_conll2010(
    data_home: str | os.PathLike[str] | None = None,
    *,
    part: Part | Literal["all"] = "test",
    lexicon: Lexicon | str = "epistemic",
    categories: Sequence[str] = UNCERTAINTY_CATEGORIES,
) -> pd.DataFrame:
    """Uncertain-sentence P/R/F1 and ROC AUC of hedge and weasel hits on CoNLL-2010 Wikipedia.

    Parameters
    ----------
    data_home : str or path-like, optional
        Folder holding ``conll2010-wiki/train.csv``.
    part : {"dev", "test", "all"}, default "test"
        See :func:`conll2010_part`.
    lexicon : Lexicon or str, default "epistemic"
    categories : sequence of str, default ("hedge", "weasel")
        The categories whose hits count; those the lexicon lacks are skipped.
        With three or more, the first two together get a row, and each
        category gets a row of its own.

    Returns
    -------
    pandas.DataFrame
        One row per target (``+``-joined categories first, then each
        category): ``lexicons, target, roc_auc, precision, recall, f1,
        n_positive, n``.

    References
    ----------
    Farkas, R., Vincze, V., Móra, G., Csirik, J. & Szarvas, G. (2010). The
    CoNLL-2010 shared task: learning to detect hedges and their scope in
    natural language text. CoNLL 2010.

    Examples
    --------
    >>> evaluate_conll2010(part="test")[["target", "precision", "recall", "f1"]]  # doctest: +SKIP
    """
    _check_part(part, "evaluate_conll2010")
    df = load_conll2010(data_home)
    if part != "all":
        df = df[[conll2010_part(t) == part for t in df["text"]]]
    lex = load_lexicon(lexicon) if isinstance(lexicon, str) else lexicon
    cats = [c for c in categories if c in lex.categories]
    if not cats:
        raise ValueError(
            f"The 'categories' parameter of evaluate_conll2010 must name categories of {lex.name} "
            f"({', '.join(lex.labels)}). Got {list(categories)!r} instead."
        )
    matcher = Matcher([lex])
    counts = np.zeros((len(df), len(cats)))
    for row, text in enumerate(df["text"]):
        for m in matcher.find(text):
            if m.category in cats:
                counts[row, cats.index(m.category)] += 1
    y = df["uncertain"].to_numpy(dtype=bool)
    targets = [("+".join(cats), counts.sum(axis=1))]
    if len(cats) > 2:  # the first two (hedge+weasel: the phrases, without the bare quantifiers)
        targets.append(("+".join(cats[:2]), counts[:, :2].sum(axis=1)))
    if len(cats) > 1:
        targets += [(c, counts[:, i]) for i, c in enumerate(cats)]
    out = pd.DataFrame(
        [{"lexicons": f"{lex.name} {lex.version}", "target": name, **_binary_scores(y, score, 0.0)}
         for name, score in targets]
    )
    out.insert(0, "part", part)
    return out


def evaluate_instrument(
    dataset: Literal["moka", "conll2010"], data_home: str | os.PathLike[str] | None = None
) -> pd.DataFrame:
    """The table ``framing evaluate lexicon --dataset moka|conll2010`` prints: both parts.

    MOKA: sentence and article level, ``dev`` and ``test``, ours and the two
    anchors. CoNLL-2010: ``dev`` and ``test``. A ``date`` column records the day.
    """
    if dataset == "moka":
        tables = [evaluate_moka(data_home, level=lvl, part=p)
                  for lvl in ("sentence", "article") for p in ("dev", "test")]
    elif dataset == "conll2010":
        tables = [evaluate_conll2010(data_home, part=p) for p in ("dev", "test")]
    else:
        raise ValueError(
            f"The 'dataset' parameter of evaluate_instrument must be 'moka' or 'conll2010'. "
            f"Got {dataset!r} instead."
        )
    out = pd.concat(tables, ignore_index=True)
    out.insert(0, "dataset", dataset)
    out["date"] = _dt.date.today().isoformat()
    return out
