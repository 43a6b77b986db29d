"""``framing train``: train a classifier and save it (skops, with metadata)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import EXIT_OK, UsageError


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing train`` and its options."""
    from ..models.tasks import TASKS

    t = sub.add_parser("train", help="train a classifier and save it (skops, with metadata)")
    t.add_argument("--task", required=True, choices=list(TASKS))
    t.add_argument("--data", required=True, metavar="PATH",
                   help="a corpus folder (babe/, allsides/, ptc/, frames-semeval2023/) or a CSV/JSONL file "
                        "with text and label")
    t.add_argument("--model", required=True, metavar="OUT", help="where to save the model (.skops)")
    t.add_argument("--cv", type=int, default=5, metavar="K", help="cross-validation folds (0: none)")
    t.add_argument("--seed", type=int, default=0, help="random seed")
    t.add_argument("--embeddings", action="store_true",
                   help="sentence-bias: add all-MiniLM-L6-v2 sentence embeddings (needs framing[embeddings])")
    t.set_defaults(func=_cmd_train)


def _cmd_train(args: argparse.Namespace) -> int:
    from ..models import load_task_data, save_model, train

    if not Path(args.data).exists():
        raise UsageError(f"--data: no such file or directory: {args.data!r}.")
    try:
        data = load_task_data(args.task, args.data)
    except (ValueError, FileNotFoundError) as exc:
        raise UsageError(str(exc)) from None
    estimator = None
    if args.embeddings:
        from ..models import make_pipeline

        if args.task != "sentence-bias":
            raise UsageError(f"--embeddings applies to --task sentence-bias only. Got {args.task!r}.")
        estimator = make_pipeline(args.task, random_state=args.seed, embeddings=True)
    try:
        model = train(args.task, data["texts"], data["labels"], groups=data["groups"], cv=args.cv,
                      random_state=args.seed, source=data["source"], estimator=estimator)
    except ImportError as exc:  # the embeddings extra is missing
        raise UsageError(str(exc)) from None
    save_model(model, args.model)
    cv = model.metadata.get("cv")
    summary = f"framing: trained {args.task} on {len(data['texts'])} texts -> {args.model}"
    if cv:
        summary += f"; {cv['scheme']}: macro-F1 {cv['f1_macro_mean']:.3f} (sd {cv['f1_macro_std']:.3f})"
        if "f1_micro_mean" in cv:
            summary += f", micro-F1 {cv['f1_micro_mean']:.3f}"
    print(summary, file=sys.stderr)
    return EXIT_OK
