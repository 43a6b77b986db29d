"""``framing evaluate``: measured quality on the public research corpora."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._common import (
    EXIT_OK,
    UsageError,
    atomic_output,
    markdown_table,
    progress_for,
    show_progress_log,
)
from ._options import add_quiet_option


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing evaluate`` and its options."""
    e = sub.add_parser("evaluate", help="measure quality on the public research corpora")
    e.add_argument("what", choices=["sentences", "lexicon", "attribution", "models", "tagger", "cues", "tone"])
    e.add_argument("--task", action="append", metavar="TASK",
                   help="models: sentence-bias, article-leaning, persuasion-spans, frames, moral-foundations "
                        "(repeatable; default: all)")
    e.add_argument("--dataset", choices=["babe", "ptc", "polnear", "moka", "conll2010", "allsides"],
                   default=None)
    e.add_argument("--n", type=int, default=1000, metavar="N",
                   help="attribution --dataset allsides: source-category shares on N articles")
    e.add_argument("--split", default="dev", help="dataset split (attribution: train or dev)")
    e.add_argument("--gold", choices=["all", "speech"], default="all",
                   help="attribution: score every gold attribution, or only those cued by speech")
    e.add_argument("--data-home", metavar="DIR",
                   help="the folder of the corpora (default: $FRAMING_DATA_HOME, else ~/.cache/framing)")
    e.add_argument("--out", metavar="FILE", help="also save the table here")
    e.add_argument("--cache-dir", metavar="DIR",
                   help="models: keep the AllSides framing features and n-gram counts here (reruns are quick)")
    e.add_argument("--jobs", type=int, default=1, metavar="N", help="models: worker processes for article leaning")
    e.add_argument("--n-articles", type=int, default=None, metavar="N",
                   help="models: evaluate article leaning on a sample of N AllSides articles (default: all)")
    e.add_argument("--grouping", action="append", choices=["outlet", "family"], metavar="KEY",
                   help="models: group article-leaning folds by outlet name and/or outlet family "
                        "(repeatable; default: outlet)")
    e.add_argument("--embeddings", action="store_true",
                   help="models, sentence-bias: also measure sentence embeddings (needs framing[embeddings])")
    add_quiet_option(e)
    e.set_defaults(func=_cmd_evaluate)


_THREE_WAYS = (
    "Point framing at the corpora in one of three ways: pass --data-home DIR, set the "
    "FRAMING_DATA_HOME environment variable, or put them in the default folder "
    "($XDG_CACHE_HOME/framing, ~/.cache/framing)."
)


def _data_home(value: str | None) -> Path:
    """The data folder by the one policy of :func:`framing.datasets.get_data_home`."""
    from ..datasets import get_data_home

    data_home = get_data_home(value or None)
    if not data_home.is_dir():
        raise UsageError(f"data location {str(data_home)!r} is not a directory. {_THREE_WAYS}")
    return data_home


def _cmd_evaluate(args: argparse.Namespace) -> int:
    data_home = _data_home(args.data_home)
    progress = progress_for(args.quiet, output_on_stdout=True)
    started = time.perf_counter()
    if progress:
        print(f"framing: evaluating {args.what} on the corpora in {data_home}", file=sys.stderr)
    with show_progress_log(progress):
        code = _run_evaluate(args, data_home)
    if progress:
        print(f"framing: evaluated {args.what} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return code


def _run_evaluate(args: argparse.Namespace, data_home: Path) -> int:
    if args.what == "models":
        return _cmd_evaluate_models(args, data_home)
    runners: dict[str, Callable[[], Any]] = {}
    if args.what == "sentences":
        from ..evaluation.text import evaluate_sentences

        runners["sentences"] = lambda: evaluate_sentences(data_home)
    elif args.what == "lexicon":
        from ..evaluation.lexicons import evaluate_lexicon

        runners["lexicon"] = lambda: evaluate_lexicon(args.dataset or "babe", data_home)
    elif args.what == "attribution":
        from ..evaluation.attribution import evaluate_attribution, evaluate_categories

        runners["attribution"] = (
            (lambda: evaluate_categories(data_home, n_articles=args.n)) if args.dataset == "allsides"
            else (lambda: evaluate_attribution(data_home, split=args.split, gold=args.gold)))
    elif args.what == "tagger":
        from ..evaluation.tagger import evaluate_tagger

        runners["tagger"] = lambda: evaluate_tagger(data_home)
    elif args.what == "cues":
        from ..evaluation.cues import evaluate_cues

        runners["cues"] = lambda: evaluate_cues(data_home, split=args.split)
    elif args.what == "tone":
        from ..evaluation.tone import evaluate_tone

        runners["tone"] = lambda: evaluate_tone(data_home)
    try:
        table = runners[args.what]()
    except FileNotFoundError as exc:  # a corpus is missing: the message says where to put it
        raise UsageError(str(exc)) from None
    text = markdown_table(table)
    sys.stdout.write(text + "\n")
    if args.out:
        with atomic_output(args.out) as out:
            if args.out.endswith(".csv"):
                table.to_csv(out, index=False, lineterminator="\n")
            else:
                out.write(text + "\n")
    return EXIT_OK


def _cmd_evaluate_models(args: argparse.Namespace, data_home: Path) -> int:
    from ..evaluation.models import evaluate_models
    from ..models import TASKS

    tasks = args.task or list(TASKS)
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        raise UsageError(f"--task must be one of {list(TASKS)}. Got {unknown}.")
    if args.embeddings and tasks != ["sentence-bias"]:
        raise UsageError(f"--embeddings applies to --task sentence-bias only. Got tasks {tasks}.")
    try:
        table, weights = evaluate_models(data_home, tasks=tasks, n_articles=args.n_articles,
                                         cache_dir=args.cache_dir, n_jobs=args.jobs,
                                         groupings=args.grouping or ("outlet",),
                                         embeddings=args.embeddings)
    except (ImportError, FileNotFoundError) as exc:  # the embeddings extra or a corpus is missing
        raise UsageError(str(exc)) from None
    text = markdown_table(table)
    sys.stdout.write(text + "\n")
    if weights is not None:
        sys.stdout.write("\nFraming features that carry the leaning signal (framing-only model):\n\n")
        sys.stdout.write(markdown_table(weights) + "\n")
    if args.out:
        stem = args.out.removesuffix(".md").removesuffix(".csv")
        with atomic_output(stem + ".md") as out:
            out.write(text + "\n")
            if weights is not None:
                out.write("\n" + markdown_table(weights) + "\n")
        with atomic_output(stem + ".csv") as out:
            table.to_csv(out, index=False, lineterminator="\n")
    return EXIT_OK
