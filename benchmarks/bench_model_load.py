"""Model files: size, save time and load time of a sentence-bias model trained on all of BABE.

Trains the shipped ``sentence-bias`` pipeline on BABE SG2 (Spinde et al.
2021; 3,673 sentences, ``--cv 0``), saves it with
:func:`framing.models.save_model` and loads it back with
:func:`framing.models.load_model` (each load in a fresh child process, so
nothing is cached; best of ``--rounds``), then predicts one sentence. With
``--baseline`` it does the same for framing 0.1's pipeline (scikit-learn's
``TfidfVectorizer`` and ``LogisticRegression``, whose vocabulary is one
stored object per term) and prints the ratio of the two load times.

Usage::

    python benchmarks/bench_model_load.py --rounds 3
    python benchmarks/bench_model_load.py --rounds 3 --baseline     # slow: the old file takes minutes to save

The data folder is ``$FRAMING_DATA_HOME`` or ``../shared/data``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_LOAD = """
import sys, time
t0 = time.perf_counter(); c0 = time.process_time()
from framing.models import load_model
model = load_model(sys.argv[1])
t1 = time.perf_counter(); c1 = time.process_time()
model.predict(["The reckless senator rammed through a disgraceful bill."])
print(t1 - t0, c1 - c0, time.perf_counter() - t1)
"""


def _old_pipeline():  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    from framing.models import make_pipeline

    framing_block = make_pipeline("sentence-bias").named_steps["features"].transformer_list[2][1]
    return Pipeline([
        ("features", FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                      min_df=2, max_features=100_000)),
            ("framing", framing_block),
        ])),
        ("classifier", LogisticRegression(C=3.0, max_iter=3000)),
    ])


def _measure(name: str, estimator: object, data: dict, folder: Path, rounds: int) -> dict[str, float]:
    from framing.models import save_model, train

    c0 = time.process_time()
    model = train("sentence-bias", data["texts"], data["labels"], cv=0, estimator=estimator)
    fit = time.process_time() - c0
    path = folder / f"{name}.skops"
    c0 = time.process_time()
    save_model(model, path)
    save = time.process_time() - c0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    loads = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", _LOAD, str(path)], capture_output=True, text=True,
                             env=env, check=True)
        loads.append([float(v) for v in out.stdout.split()])
    best = min(loads, key=lambda r: r[1])
    return {"MB": path.stat().st_size / 1e6, "fit CPU s": fit, "save CPU s": save,
            "load wall s": best[0], "load CPU s": best[1], "first predict wall s": best[2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", action="store_true", help="also framing 0.1's pipeline")
    args = parser.parse_args()
    from framing.models import load_task_data

    home = Path(os.environ.get("FRAMING_DATA_HOME", ROOT.parent / "shared" / "data"))
    data = load_task_data("sentence-bias", home / "babe")
    with tempfile.TemporaryDirectory() as tmp:
        results = {"framing (compact)": _measure("compact", None, data, Path(tmp), args.rounds)}
        if args.baseline:
            results["framing 0.1 pipeline"] = _measure("old", _old_pipeline(), data, Path(tmp), args.rounds)
    cols = list(next(iter(results.values())))
    print("| model file | " + " | ".join(cols) + " |")
    print("| --- |" + " ---: |" * len(cols))
    for name, r in results.items():
        print(f"| {name} | " + " | ".join(f"{r[c]:.2f}" for c in cols) + " |")
    if args.baseline:
        new, old = results["framing (compact)"], results["framing 0.1 pipeline"]
        print(f"load CPU ratio (0.1 / compact): {old['load CPU s'] / new['load CPU s']:.1f}; "
              f"size ratio: {old['MB'] / new['MB']:.1f}")


if __name__ == "__main__":
    main()
