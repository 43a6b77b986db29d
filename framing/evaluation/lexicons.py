"""Measure lexicons against expert span annotations (BABE and the SemEval-2020 PTC corpus).

Two public corpora with word- or span-level annotation of loaded language are
used, read through :mod:`framing.datasets` from the data folder
(``data_home``, see :func:`framing.datasets.get_data_home`), which is never
shipped:

* **BABE** (Spinde et al. 2021), ``babe/final_labels_SG2.csv``: sentences
  labelled Biased / Non-biased by experts, who also marked the words that
  make a sentence biased (``biased_words``). We report token-level
  precision, recall and F1 of lexicon hits against those words, and the ROC
  AUC of loaded-language density (hit tokens per token) for separating
  Biased from Non-biased sentences.
* **PTC** (Da San Martino et al. 2019, 2020), ``ptc/train-articles`` and
  ``ptc/train-labels-task2-technique-classification``: propaganda technique
  spans in news articles. We report the character-level span measure of
  SemEval-2020 task 11 (subtask SI) for lexicon hits against the gold
  ``Loaded_Language`` and ``Name_Calling,Labeling`` spans, and per technique
  for the techniques the ``persuasion`` lexicon targets.

The baseline is the bias lexicon of Recasens, Danescu-Niculescu-Mizil &
Jurafsky (2013), ``lexicon-references/bias-lexicon/bias-lexicon.txt``, read
with :func:`framing.lexicon.importers.read_wordlist` and scored by the same code.

The span measure (Da San Martino et al. 2019, section 4): for predicted
spans :math:`S` and gold spans :math:`T` (character offsets, overlapping
spans of one article merged),

.. math::

   P = \\frac{1}{|S|} \\sum_{s \\in S, t \\in T} \\frac{|s \\cap t|}{|s|}, \\quad
   R = \\frac{1}{|T|} \\sum_{s \\in S, t \\in T} \\frac{|s \\cap t|}{|t|},

with pairs taken within the same article, and :math:`F_1` their harmonic
mean.
"""

from __future__ import annotations

import datetime as _dt
import logging
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from ..datasets import get_data_home, load_babe, load_ptc
from ..lexicon import Lexicon, Matcher, load_lexicon
from ..lexicon.importers import read_wordlist
from ..pipeline.progress import track
from ..text import tokenize
from .spans import SpanScore, _f1, span_prf

__all__ = [
    "PERSUASION_TECHNIQUES",
    "PTC_LOADED_TECHNIQUES",
    "SpanScore",
    "baseline_lexicon",
    "evaluate_babe",
    "evaluate_lexicon",
    "evaluate_ptc",
    "main",
    "span_prf",
]

logger = logging.getLogger(__name__)

Dataset = Literal["babe", "ptc", "moka", "conll2010"]

PTC_LOADED_TECHNIQUES: tuple[str, ...] = ("Loaded_Language", "Name_Calling,Labeling")
"""Gold PTC techniques that the loaded-language evaluation scores against."""

PERSUASION_TECHNIQUES: Mapping[str, tuple[str, ...]] = {
    "flag_waving": ("Flag-Waving",),
    "appeal_to_fear": ("Appeal_to_fear-prejudice",),
    "doubt": ("Doubt",),
    "causal_oversimplification": ("Causal_Oversimplification",),
    "slogan": ("Slogans", "Thought-terminating_Cliches"),
    "whataboutism": ("Whataboutism,Straw_Men,Red_Herring",),
}
"""``persuasion`` category -> the PTC technique labels it is scored against."""

BASELINE_FILE = Path("lexicon-references") / "bias-lexicon" / "bias-lexicon.txt"

LexiconLike = Lexicon | str


def _resolve(lexicons: LexiconLike | Sequence[LexiconLike]) -> list[Lexicon]:
    items: Sequence[LexiconLike] = [lexicons] if isinstance(lexicons, (Lexicon, str)) else lexicons
    out = [load_lexicon(x) if isinstance(x, str) else x for x in items]
    if not out:
        raise ValueError("The 'lexicons' parameter must name at least one lexicon. Got none.")
    return out


def _data_file(data_home: str | os.PathLike[str] | None, rel: Path) -> Path:
    root = get_data_home(data_home)
    path = root / rel
    if not path.exists():
        raise FileNotFoundError(
            f"Expected {rel} under the data folder {root}; {path} does not exist. "
            "Point framing at the folder that holds it in one of three ways: pass data_home=DIR "
            "(on the command line: --data-home DIR), set the FRAMING_DATA_HOME environment "
            "variable, or put it in the default folder (~/.cache/framing; "
            "see framing.datasets.get_data_home)."
        )
    return path


def baseline_lexicon(data_home: str | os.PathLike[str] | None = None) -> Lexicon:
    """The Recasens et al. (2013) bias lexicon as a one-category lexicon named ``recasens2013``.

    References
    ----------
    Recasens, M., Danescu-Niculescu-Mizil, C. & Jurafsky, D. (2013).
    Linguistic models for analyzing and detecting biased language. ACL 2013.
    """
    return read_wordlist(
        _data_file(data_home, BASELINE_FILE),
        category="biased",
        name="recasens2013",
        version="1.0 (2013-05-03)",
        citation="Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013), ACL.",
    )


def _load_babe(data_home: str | os.PathLike[str] | None) -> pd.DataFrame:
    df = load_babe(data_home)
    return df[df["label"].isin(["biased", "non-biased"])].reset_index(drop=True)


def _babe_gold(words: Sequence[str]) -> set[str]:
    return {n for w in words for n in tokenize(str(w)).norms}


def evaluate_babe(
    data_home: str | os.PathLike[str] | None, lexicon: LexiconLike | Sequence[LexiconLike] = "loaded_language"
) -> dict[str, float]:
    """Token-level P/R/F1 against BABE's ``biased_words`` and ROC AUC of hit density.

    A token is gold when its normalized form is one of the words the experts
    listed for its sentence; it is predicted when a lexicon hit covers it
    (negated hits included: a negated slur is still loaded). All 3,673
    sentences with a Biased or Non-biased label count, so hits in
    Non-biased sentences are false positives. The ROC AUC scores hit tokens
    per token against the Biased label.

    Parameters
    ----------
    data_home : str or path-like or None
        Folder holding ``babe/final_labels_SG2.csv`` (read by
        :func:`framing.datasets.load_babe`); ``None``: see
        :func:`framing.datasets.get_data_home`.
    lexicon : Lexicon, name, or a sequence of them
        Default: the shipped ``loaded_language``.

    Returns
    -------
    dict
        ``precision, recall, f1, roc_auc, n_predicted, n_gold, n_sentences``.

    References
    ----------
    Spinde, T., Plank, M., Krieger, J.-D., Ruas, T., Gipp, B. & Aizawa, A.
    (2021). Neural media bias detection using distant supervision with BABE.
    Findings of EMNLP 2021.
    """
    return _score_babe(_load_babe(data_home), lexicon)


def _score_babe(df: pd.DataFrame, lexicon: LexiconLike | Sequence[LexiconLike]) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    matcher = Matcher(_resolve(lexicon))
    tp = n_pred = n_gold = 0
    density: list[float] = []
    for text, words in track(zip(df["text"], df["biased_words"]), total=len(df), desc="BABE", unit="sentence"):
        text = str(text)
        tokens = tokenize(text)
        gold_norms = _babe_gold(words)
        hit_tokens: set[int] = set()
        starts = tokens.starts
        for m in matcher.find(text, tokens):
            hit_tokens.update(i for i in range(len(starts)) if m.start <= starts[i] < m.end)
        gold_tokens = {i for i, n in enumerate(tokens.norms) if n in gold_norms}
        tp += len(hit_tokens & gold_tokens)
        n_pred += len(hit_tokens)
        n_gold += len(gold_tokens)
        density.append(len(hit_tokens) / len(tokens) if len(tokens) else 0.0)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    y = (df["label"] == "biased").to_numpy()
    return {
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "roc_auc": float(roc_auc_score(y, density)),
        "n_predicted": float(n_pred),
        "n_gold": float(n_gold),
        "n_sentences": float(len(df)),
    }


def _load_ptc(
    data_home: str | os.PathLike[str] | None,
) -> tuple[dict[str, str], dict[str, list[tuple[str, int, int]]]]:
    frame, spans = load_ptc(data_home, split="train")
    articles = dict(zip(frame.index, frame["text"]))
    labels: dict[str, list[tuple[str, int, int]]] = {}
    for doc, technique, start, end in zip(
        spans["id"], spans["technique"], spans["start"].tolist(), spans["end"].tolist()
    ):
        labels.setdefault(doc, []).append((technique, start, end))
    return articles, labels


def evaluate_ptc(
    data_home: str | os.PathLike[str] | None,
    lexicons: LexiconLike | Sequence[LexiconLike] = ("loaded_language", "persuasion"),
    *,
    per_technique: bool = True,
) -> list[dict[str, object]]:
    """Character-level span P/R/F1 on the PTC training articles.

    Parameters
    ----------
    data_home : str or path-like or None
        Folder holding ``ptc/train-articles`` and
        ``ptc/train-labels-task2-technique-classification`` (read by
        :func:`framing.datasets.load_ptc`); ``None``: see
        :func:`framing.datasets.get_data_home`.
    lexicons : Lexicon, name, or a sequence of them
        All hits of all lexicons are predicted spans for the
        ``Loaded_Language`` + ``Name_Calling,Labeling`` target.
    per_technique : bool, default True
        Also score the hits of each ``persuasion`` category (if a lexicon named
        ``persuasion`` is given) against its techniques in
        :data:`PERSUASION_TECHNIQUES`.

    Returns
    -------
    list of dict
        One record per target: ``target, precision, recall, f1,
        overlap_precision, overlap_recall, n_predicted, n_gold`` (see
        :class:`SpanScore`).

    References
    ----------
    Da San Martino, G., Barrón-Cedeño, A., Wachsmuth, H., Petrov, R. & Nakov,
    P. (2020). SemEval-2020 task 11: detection of propaganda techniques in
    news articles. Proceedings of SemEval 2020.
    """
    articles, labels = _load_ptc(data_home)
    return _score_ptc(articles, labels, lexicons, per_technique=per_technique)


def _score_ptc(
    articles: dict[str, str],
    labels: dict[str, list[tuple[str, int, int]]],
    lexicons: LexiconLike | Sequence[LexiconLike],
    *,
    per_technique: bool,
) -> list[dict[str, object]]:
    lexs = _resolve(lexicons)
    matcher = Matcher(lexs)
    hits = {doc: matcher.find(text) for doc, text in articles.items()}

    def gold_for(techniques: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
        return {
            doc: [(s, e) for t, s, e in labels.get(doc, []) if t in techniques and e > s]
            for doc in articles
        }

    records: list[dict[str, object]] = []
    overall = span_prf(
        {doc: [(m.start, m.end) for m in ms] for doc, ms in hits.items()},
        gold_for(PTC_LOADED_TECHNIQUES),
    )
    records.append({"target": "+".join(PTC_LOADED_TECHNIQUES), **_score_dict(overall)})
    if per_technique and any(lex.name == "persuasion" for lex in lexs):
        for category, techniques in PERSUASION_TECHNIQUES.items():
            pred = {
                doc: [
                    (m.start, m.end)
                    for m in ms
                    if m.lexicon == "persuasion" and m.category == category
                ]
                for doc, ms in hits.items()
            }
            score = span_prf(pred, gold_for(techniques))
            records.append(
                {"target": f"persuasion.{category} vs {'+'.join(techniques)}", **_score_dict(score)}
            )
    return records


def _score_dict(s: SpanScore) -> dict[str, object]:
    return {
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
        "overlap_precision": s.overlap_precision,
        "overlap_recall": s.overlap_recall,
        "n_predicted": s.n_predicted,
        "n_gold": s.n_gold,
    }


def evaluate_lexicon(
    dataset: Dataset,
    data_home: str | os.PathLike[str] | None = None,
    *,
    lexicons: Sequence[LexiconLike] | None = None,
    baseline: bool = True,
) -> pd.DataFrame:
    """Evaluate the shipped lexicons (and the Recasens et al. baseline) on one dataset.

    This is what ``framing evaluate lexicon --dataset babe|ptc`` prints;
    ``moka`` and ``conll2010`` return the tables of
    :func:`framing.evaluation.instruments.evaluate_instrument`.

    Parameters
    ----------
    dataset : {"babe", "ptc", "moka", "conll2010"}
    data_home : str or Path, optional
        The research data folder; default: see
        :func:`framing.datasets.get_data_home`.
    lexicons : sequence of Lexicon or name, optional
        The lexicons scored as ``ours``. Default: ``loaded_language`` for BABE;
        ``loaded_language`` and ``persuasion`` for PTC.
    baseline : bool, default True
        Add the rows of the Recasens et al. (2013) bias lexicon.

    Returns
    -------
    pandas.DataFrame
        One row per (lexicon, target): columns ``dataset, lexicon, lexicons,
        target, unit, precision, recall, f1, roc_auc, overlap_precision,
        overlap_recall, n_predicted, n_gold, date``. ``lexicon`` is ``ours``
        or ``baseline``; ``lexicons`` names the lexicons and their versions;
        ``roc_auc`` is NaN for PTC and the overlap columns are NaN for BABE.

    Examples
    --------
    Needs the research data (see :func:`framing.datasets.get_data_home`):

    >>> table = evaluate_lexicon("babe")  # doctest: +SKIP
    >>> table[["lexicon", "precision", "recall", "f1", "roc_auc"]].round(3)  # doctest: +SKIP
        lexicon  precision  recall     f1  roc_auc
    0      ours      0.583   0.322  0.415    0.714
    1  baseline      0.038   0.119  0.057    0.519
    """
    if dataset in ("moka", "conll2010"):  # moral_foundations and epistemic: see .instruments
        from .instruments import evaluate_instrument

        return evaluate_instrument(dataset, data_home)
    if dataset not in ("babe", "ptc"):
        raise ValueError(
            f"The 'dataset' parameter of evaluate_lexicon must be 'babe', 'ptc', 'moka' or "
            f"'conll2010'. Got {dataset!r} instead."
        )
    data_home = get_data_home(data_home)
    # the corpus is read once, and first: a missing corpus is the first error
    babe = _load_babe(data_home) if dataset == "babe" else None
    ptc = _load_ptc(data_home) if dataset == "ptc" else None
    if lexicons is None:
        lexicons = ["loaded_language"] if dataset == "babe" else ["loaded_language", "persuasion"]
    runs: list[tuple[str, list[Lexicon]]] = [("ours", _resolve(lexicons))]
    if baseline:
        runs.append(("baseline", [baseline_lexicon(data_home)]))
    today = _dt.date.today().isoformat()
    rows: list[dict[str, object]] = []
    for label, lexs in runs:
        names = ", ".join(f"{lex.name} {lex.version}" for lex in lexs)
        if babe is not None:
            res = _score_babe(babe, lexs)
            rows.append(
                {
                    "target": "biased_words",
                    "unit": "token",
                    "precision": res["precision"],
                    "recall": res["recall"],
                    "f1": res["f1"],
                    "roc_auc": res["roc_auc"],
                    "overlap_precision": math.nan,
                    "overlap_recall": math.nan,
                    "n_predicted": int(res["n_predicted"]),
                    "n_gold": int(res["n_gold"]),
                    "lexicon": label,
                    "lexicons": names,
                }
            )
        elif ptc is not None:
            for rec in _score_ptc(*ptc, lexs, per_technique=True):
                rows.append(
                    {
                        **rec,
                        "unit": "char",
                        "roc_auc": math.nan,
                        "lexicon": label,
                        "lexicons": names,
                    }
                )
    out = pd.DataFrame(rows)
    out.insert(0, "dataset", dataset)
    out["date"] = today
    cols = [
        "dataset",
        "lexicon",
        "lexicons",
        "target",
        "unit",
        "precision",
        "recall",
        "f1",
        "roc_auc",
        "overlap_precision",
        "overlap_recall",
        "n_predicted",
        "n_gold",
        "date",
    ]
    return out[cols]


def main(argv: Sequence[str] | None = None) -> int:
    """Print (and optionally save as CSV) the evaluation table of one dataset.

    ``python -m framing.evaluation.lexicons --dataset babe [--data-home DIR] [--output FILE.csv]``
    """
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m framing.evaluation.lexicons",
        description="Evaluate the shipped lexicons against BABE or the PTC corpus.",
    )
    parser.add_argument("--dataset", choices=["babe", "ptc", "moka", "conll2010"], required=True)
    parser.add_argument("--data-home", default=None)
    parser.add_argument("--output", default=None, help="also write the table to this CSV file")
    args = parser.parse_args(argv)
    table = evaluate_lexicon(args.dataset, args.data_home)
    with pd.option_context(
        "display.width", 200, "display.max_columns", 30, "display.max_colwidth", 70
    ):
        print(table.drop(columns=["date"]).round(3).to_string(index=False))
    if args.output:
        table.to_csv(args.output, index=False)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
