"""Persuasion spans on PTC (SemEval-2020 task 11): span-identification F1 on the dev articles."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from sklearn.base import clone

from ...models import PersuasionSpanTagger
from ...models.calibration import expected_calibration_error, reliability_table
from ._common import _row

__all__ = ["evaluate_persuasion"]


def evaluate_persuasion(
    data_home: Any = None, *, n_train: int | None = None, n_dev: int | None = None,
    random_state: int = 0, estimator: PersuasionSpanTagger | None = None,
) -> list[dict[str, Any]]:
    """Span-identification F1 on the PTC dev articles of a tagger trained on the training articles.

    The tagger's defaults (threshold, decoding, features) were chosen by
    cross-validation over the training articles, never on dev.
    """


    from ...datasets import load_ptc
    from ...models import si_score

    articles, spans = load_ptc(data_home, split="train", n_articles=n_train, random_state=random_state)
    dev, dev_spans = load_ptc(data_home, split="dev", n_articles=n_dev, random_state=random_state)
    by_id = {k: list(zip(g["start"].tolist(), g["end"].tolist())) for k, g in spans.groupby("id")}
    tagger = clone(estimator) if estimator is not None else PersuasionSpanTagger(random_state=random_state)
    t0 = time.process_time()
    tagger.fit(articles["text"], [by_id.get(i, []) for i in articles.index])
    fit_cpu = time.process_time() - t0
    pred = tagger.predict_spans(dev["text"])
    score = si_score(pred, dev_spans)
    token_p, token_y = _token_outcomes(tagger, dev["text"], dev_spans)
    calib = _row("persuasion-spans", "PTC dev (tokens)", "expected calibration error",
                 expected_calibration_error(token_p, token_y), None, "",
                 f"{len(token_y)} dev tokens: probability that a token lies in a technique span, 10 equal-width "
                 "bins; reliability: " + "; ".join(
                     f"{b['lower']:.1f}-{b['upper']:.1f}: n={b['n']}, p={b['mean_probability']:.3f}, "
                     f"in span={b['observed']:.3f}" for b in reliability_table(token_p, token_y)))
    return [calib, _row("persuasion-spans", "PTC dev (span identification)", "SI F1", score["f1"], None,
                 "about 0.52 (best system, test set)",
                 f"train {len(articles)} articles, dev {len(dev)}; precision {score['precision']:.3f}, "
                 f"recall {score['recall']:.3f}; linear token tagger ({tagger.features} features"
                 f"{', stacked second pass' if tagger.smoothing else ''}, threshold {tagger.threshold}, "
                 f"max_gap {tagger.max_gap}), fit {fit_cpu:.0f} s CPU; "
                 "published figure is on the test set, whose labels are not released here")][::-1]


def _token_outcomes(tagger: PersuasionSpanTagger, texts: Any, spans: Any) -> tuple[np.ndarray, np.ndarray]:
    """Each token's predicted probability and whether it lies inside a gold span (token midpoint)."""
    by_id = {k: list(zip(g["start"].tolist(), g["end"].tolist())) for k, g in spans.groupby("id")}
    probs, gold = [], []
    for art, (tokens, p) in zip(texts.index, tagger.token_scores(texts)):
        mid = (np.asarray(tokens.starts) + np.asarray(tokens.ends)) / 2.0
        inside = np.zeros(len(mid), dtype=bool)
        for a, b in by_id.get(art, []):
            inside |= (mid >= a) & (mid < b)
        probs.append(np.asarray(p, dtype=float))
        gold.append(inside.astype(float))
    return (np.concatenate(probs) if probs else np.zeros(0)), (np.concatenate(gold) if gold else np.zeros(0))
