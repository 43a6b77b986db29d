"""``framing predict``: apply a saved model to articles."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import (
    EXIT_OK,
    EXIT_ROW_ERRORS,
    OUT_HELP,
    UsageError,
    atomic_output,
    check_output,
    check_paths,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing predict`` and its options."""
    r = sub.add_parser("predict", help="apply a saved model to articles (files, directories, '-')")
    r.add_argument("paths", nargs="+", metavar="PATH")
    r.add_argument("--model", required=True, metavar="FILE")
    r.add_argument("--format", choices=["jsonl"], default="jsonl")
    r.add_argument("--explain", type=int, default=0, metavar="N",
                   help="add the N features that pushed each decision, with their spans")
    r.add_argument("--no-text", action="store_true", help="omit the article text from rows")
    r.add_argument("--out", metavar="FILE", help=f"write here instead of stdout: {OUT_HELP}")
    r.set_defaults(func=_cmd_predict)


def _cmd_predict(args: argparse.Namespace) -> int:
    from ..exceptions import UntrustedModelError
    from ..models import get_task, load_model
    from ..readers import read_articles

    check_paths(args.paths)
    check_output(args.out, inputs=[*args.paths, args.model])
    try:
        model = load_model(args.model)
    except (FileNotFoundError, UntrustedModelError) as exc:
        raise UsageError(str(exc)) from None
    n_errors = 0
    provenance = {k: model.metadata.get(k) for k in ("framing_version", "lexicons", "task", "date")}
    with atomic_output(args.out) as out:
        for art in read_articles(*args.paths):
            row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title}
            if not args.no_text:
                row["text"] = art.text
            text = art.text
            if get_task(model.task).unit == "article" and art.title:
                text = f"{art.title}\n\n{art.text}"
            row["error"] = art.error
            row["prediction"] = None
            row["warnings"] = []
            if art.error is None:
                try:
                    row["prediction"] = model.predict([text])[0]
                    row["warnings"] = row["prediction"].get("warnings", [])
                    spec = get_task(model.task)
                    if spec.multilabel:  # frames, foundations: also at the row's top level
                        key = spec.labels.column
                        row[key] = row["prediction"][key]
                        row[f"{key.removesuffix('s')}_labels"] = row["prediction"][f"{key.removesuffix('s')}_labels"]
                    if args.explain and not (spec.multilabel or spec.predicts_spans):
                        row["prediction"]["evidence"] = model.explain(text, n=args.explain)["evidence"]
                except Exception as exc:  # one bad article must not stop the run
                    row["error"] = f"prediction failed: {type(exc).__name__}: {exc}"
            n_errors += row["error"] is not None
            row["model"] = provenance
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if n_errors:
        print(f"framing: {n_errors} article(s) could not be predicted; see the 'error' field.",
              file=sys.stderr)
        return EXIT_ROW_ERRORS
    return EXIT_OK
