"""``framing predict``: apply a saved model to articles.

Inputs are read as ``framing analyze`` reads them (HTML pages give their
extracted text; ``--html`` and ``--sep`` for records). Each row carries the
article's ``language``; the models are trained on English text, so for an
article in another language the row gets the language warning and the label
is withheld (``label`` null, the scores the training label shares; no frame
labels, no spans), as the model itself does for inputs far from its
training texts (:mod:`framing.models.guard`).
"""

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
from ._options import add_input_options


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
    add_input_options(r, quiet=False)
    r.set_defaults(func=_cmd_predict)


def withhold_for_language(prediction: dict[str, Any], warning: str, model: Any) -> dict[str, Any]:
    """The prediction with its label withheld because the text is not in English.

    As the model withholds a label itself (:mod:`framing.models.guard`):
    ``label`` is None and, for a one-label task, ``scores`` are the training
    label shares; a multi-label task keeps its scores but lists no labels; a
    span task returns no spans. The warning goes first in ``warnings``.

    Examples
    --------
    >>> row = withhold_for_language({"label": "biased", "scores": {"biased": 0.9, "non-biased": 0.1},
    ...                              "warnings": []}, "language 'de' is not English", None)
    >>> row["label"], row["scores"], row["warnings"][0]
    (None, {'biased': 0.5, 'non-biased': 0.5}, "language 'de' is not English: the model was trained on English text; the label is withheld")
    """
    from ..models.trained import _prior

    out = dict(prediction)
    note = warning.split(":")[0] + ": the model was trained on English text; "
    if "spans" in out:
        out["spans"] = []
        note += "no spans are given"
    else:
        note += "the label is withheld"
        out["label"] = None
        labels_key = next((k for k in out if k.endswith("_labels")), None)
        if labels_key is not None:  # frames, foundations: the probabilities stay, no frame is claimed
            out[labels_key] = []
        elif isinstance(out.get("scores"), dict):
            classes = list(out["scores"])
            profile = getattr(model, "metadata", {}).get("training_data") if model is not None else None
            out["scores"] = {c: float(v) for c, v in zip(classes, _prior(profile, classes))}
    out["warnings"] = [note, *out.get("warnings", [])]
    return out


def _cmd_predict(args: argparse.Namespace) -> int:
    from ..exceptions import UntrustedModelError
    from ..models import get_task, load_model
    from ..readers import identify_language, language_warning, read_articles
    from ..readers.records import check_sep

    check_paths(args.paths)
    check_output(args.out, inputs=[*args.paths, args.model])
    try:
        check_sep(args.sep)
    except ValueError as exc:
        raise UsageError(f"--sep: {exc}") from None
    try:
        model = load_model(args.model)
    except (FileNotFoundError, UntrustedModelError) as exc:
        raise UsageError(str(exc)) from None
    n_errors = 0
    foreign: dict[str, int] = {}
    provenance = {k: model.metadata.get(k) for k in ("framing_version", "lexicons", "task", "date")}
    spec = get_task(model.task)
    with atomic_output(args.out) as out:
        for art in read_articles(*args.paths, html=args.html, sep=args.sep):
            row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title}
            if not args.no_text:
                row["text"] = art.text
            text = art.text
            if spec.unit == "article" and art.title:
                text = f"{art.title}\n\n{art.text}"
            row["error"] = art.error
            row["language"] = None if art.error is not None else art.language or identify_language(art.text)
            row["prediction"] = None
            row["warnings"] = []
            if art.error is None:
                warning = language_warning(row["language"])
                try:
                    prediction = model.predict([text])[0]
                    if warning is not None:
                        prediction = withhold_for_language(prediction, warning, model)
                        foreign[row["language"]] = foreign.get(row["language"], 0) + 1
                    row["prediction"] = prediction
                    row["warnings"] = prediction.get("warnings", [])
                    if spec.multilabel:  # frames, foundations: also at the row's top level
                        key = spec.labels.column
                        row[key] = prediction[key]
                        row[f"{key.removesuffix('s')}_labels"] = prediction[f"{key.removesuffix('s')}_labels"]
                    if args.explain and not spec.predicts_spans and prediction.get("label") is not None:
                        prediction["evidence"] = model.explain(text, n=args.explain)["evidence"]
                except Exception as exc:  # one bad article must not stop the run
                    row["error"] = f"prediction failed: {type(exc).__name__}: {exc}"
            n_errors += row["error"] is not None
            row["model"] = provenance
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if foreign:
        by = ", ".join(f"{k}: {v}" for k, v in sorted(foreign.items(), key=lambda kv: (-kv[1], kv[0])))
        print(f"framing: warning: {sum(foreign.values())} article(s) not in English ({by}): the model was "
              "trained on English text, so their label is withheld; see the 'warnings' field.", file=sys.stderr)
    if n_errors:
        print(f"framing: {n_errors} article(s) could not be predicted; see the 'error' field.",
              file=sys.stderr)
        return EXIT_ROW_ERRORS
    return EXIT_OK
