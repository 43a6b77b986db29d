"""``framing train``: train a classifier and save it (skops, with metadata)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._common import EXIT_OK, UsageError, check_output, progress_for, show_progress_log
from ._options import LazyChoices


def _task_names() -> list[str]:
    from ..models.tasks import TASKS

    return list(TASKS)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing train`` and its options."""
    t = sub.add_parser("train", help="train a classifier and save it (skops, with metadata)")
    # the task registry imports scikit-learn: read only when `train` runs or shows its help
    t.add_argument("--task", required=True, choices=LazyChoices(_task_names), metavar="TASK",
                   help="one of: %(choices)s")
    t.add_argument("--data", required=True, metavar="PATH",
                   help="a corpus folder (babe/, allsides/, ptc/, frames-semeval2023/) or a CSV/JSONL file "
                        "with text and label")
    t.add_argument("--model", required=True, metavar="OUT", help="where to save the model (.skops)")
    t.add_argument("--cv", type=int, default=5, metavar="K",
                   help="cross-validation folds (0: none); needs K texts of every label, "
                        "or K outlets when the data has outlets")
    t.add_argument("--seed", type=int, default=0, help="random seed")
    t.add_argument("--embeddings", action="store_true",
                   help="sentence-bias: add all-MiniLM-L6-v2 sentence embeddings (needs framing[embeddings])")
    t.add_argument("--quiet", action="store_true",
                   help="no progress on stderr (by default: a bar on a terminal, a line every few seconds in a log)")
    t.set_defaults(func=_cmd_train)


def check_cv(cv: int, labels: Sequence[Any], groups: Sequence[Any] | None) -> None:
    """Raise :class:`UsageError` when ``--cv`` cannot be run on these labels (and outlet groups).

    Every fold needs both classes to train on and to score: stratified folds
    need ``cv`` texts of every label, grouped folds (by outlet) ``cv``
    distinct groups.

    Examples
    --------
    >>> check_cv(2, ["a", "b", "a", "b"], None)
    >>> check_cv(5, ["a", "b", "a"], None)
    Traceback (most recent call last):
    ...
    framing.cli._common.UsageError: --cv 5 needs at least 5 rows; the data has 3. Use a smaller --cv, or --cv 0 for none.
    """
    if cv < 0 or cv == 1:
        raise UsageError(f"--cv must be 0 (no cross-validation) or at least 2. Got {cv}.")
    counts = Counter(str(v) for v in labels)
    if len(counts) < 2:
        raise UsageError(f"training needs at least two labels; the data has {sorted(counts)}.")
    if cv == 0:
        return
    hint = "Use a smaller --cv, or --cv 0 for none."
    if cv > len(labels):
        raise UsageError(f"--cv {cv} needs at least {cv} rows; the data has {len(labels)}. {hint}")
    if groups is not None:
        n_groups = len(set(groups))
        if n_groups < cv:
            raise UsageError(f"--cv {cv} splits by outlet and needs at least {cv} outlets; "
                             f"the data has {n_groups}. {hint}")
        return
    label, least = min(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if least < cv:
        raise UsageError(f"--cv {cv} needs at least {cv} rows of every label, so that each fold has "
                         f"every class; label {label!r} has {least}. {hint}")


def _cmd_train(args: argparse.Namespace) -> int:
    from ..models import get_task, load_task_data, save_model, train

    if not Path(args.data).exists():
        raise UsageError(f"--data: no such file or directory: {args.data!r}.")
    check_output(args.model, inputs=[args.data])
    try:
        data = load_task_data(args.task, args.data)
    except (ValueError, FileNotFoundError) as exc:
        raise UsageError(str(exc)) from None
    if not get_task(args.task).predicts_spans:
        check_cv(args.cv, data["labels"], data["groups"])
    estimator = None
    if args.embeddings:
        from ..models import make_pipeline

        if args.task != "sentence-bias":
            raise UsageError(f"--embeddings applies to --task sentence-bias only. Got {args.task!r}.")
        estimator = make_pipeline(args.task, random_state=args.seed, embeddings=True)
    progress = progress_for(args.quiet)
    if progress:
        print(f"framing: training {args.task} on {len(data['texts']):,} texts from {args.data}"
              + (f" ({args.cv}-fold cross-validation first)" if args.cv else ""), file=sys.stderr)
    try:
        with show_progress_log(progress):
            model = train(args.task, data["texts"], data["labels"], groups=data["groups"], cv=args.cv,
                          random_state=args.seed, source=data["source"], estimator=estimator)
    except ImportError as exc:  # the embeddings extra is missing
        raise UsageError(str(exc)) from None
    except ValueError as exc:  # the data cannot train this model (too few words, ...)
        raise UsageError(f"cannot train {args.task} on {args.data!r}: {exc}") from None
    save_model(model, args.model)
    cv = model.metadata.get("cv")
    summary = f"framing: trained {args.task} on {len(data['texts'])} texts -> {args.model}"
    if cv:
        summary += f"; {cv['scheme']}: macro-F1 {cv['f1_macro_mean']:.3f} (sd {cv['f1_macro_std']:.3f})"
        if "f1_micro_mean" in cv:
            summary += f", micro-F1 {cv['f1_micro_mean']:.3f}"
    print(summary, file=sys.stderr)
    return EXIT_OK
