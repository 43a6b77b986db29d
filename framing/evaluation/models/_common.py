"""Shared parts of the model evaluations: the row of the reproduction table."""

from __future__ import annotations

from typing import Any


def _row(task: str, split: str, metric: str, ours: float, std: float | None, published: str,
         note: str) -> dict[str, Any]:
    return {"task": task, "split": split, "metric": metric, "ours": ours,
            "std": std, "published": published, "note": note}
