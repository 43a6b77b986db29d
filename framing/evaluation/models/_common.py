"""Shared parts of the model evaluations: the row of the reproduction table."""

from __future__ import annotations

from typing import Any


def _row(task: str, split: str, metric: str, ours: float, std: float | None, published: str,
         note: str) -> dict[str, Any]:
    return {"task": task, "split": split, "metric": metric, "ours": ours,
            "std": std, "published": published, "note": note}


def calibration_row(task: str, split: str, proba: Any, y: Any, classes: Any) -> dict[str, Any]:
    """The expected calibration error of held-out probabilities, its reliability bins in the note."""
    from ...models.calibration import top_label_calibration

    calib = top_label_calibration(proba, y, classes)
    bins = "; ".join(f"{b['lower']:.1f}-{b['upper']:.1f}: n={b['n']}, p={b['mean_probability']:.3f}, "
                     f"right={b['observed']:.3f}" for b in calib["reliability"])
    return _row(task, split, "expected calibration error", calib["ece"], None, "",
                f"top-label, 10 equal-width bins over held-out probabilities; reliability: {bins}")
