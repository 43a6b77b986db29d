"""The lexicon stage of this checkout against a baseline commit: CPU time and identical output.

Runs the default analyzer's lexicon stage (``LexiconStage.annotate``: every
shipped lexicon's ``Matcher.find``, the cue filter and the tagger calls they
make) on the same AllSides articles with the code of a baseline commit
(extracted with ``git archive`` into a temporary directory) and with this
checkout, each in its own process, the two processes alternating ``--repeat``
times (the machine is shared: each version keeps its best run). Each run
splits the articles first, as the analyzer does, and times the stage alone
(CPU time, ``time.process_time``), best of ``--rounds`` rounds per article;
the tagger's share is timed inside it. Before the table, the stage's output
(every match field and every cue) is compared article by article: the script
exits with status 1 if any differs.

Usage (from the repository root)::

    python benchmarks/bench_hotpath.py --baseline 1180a33 --n 300 --rounds 2 --repeat 2

The articles are the first N of AllSides, as ``bench_throughput.py`` reads them, or with
``--sample`` the reproducible sample of ``check_identity.py``
(:func:`framing.datasets.load_allsides`); the data is read from ``$FRAMING_DATA_HOME``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def child(root: str, n: int, rounds: int, out: str, sample: bool) -> None:
    """Time the lexicon stage with the ``framing`` package under ``root``; write times and outputs."""
    sys.path.insert(0, root)
    import framing.tagger as tagger_module
    from framing.datasets import load_allsides
    from framing.pipeline.analyzer import _get_analyzer
    from framing.pipeline.document import Document
    from framing.readers import Article

    assert Path(tagger_module.__file__).resolve().is_relative_to(Path(root).resolve())
    if sample:  # the reproducible sample of benchmarks/check_identity.py
        sides = load_allsides(None, n_articles=n, random_state=0, columns=["text"])
        articles = [Article(id=str(i), text=t or "") for i, t in sides["text"].items()]
    else:  # the first n, as benchmarks/bench_throughput.py reads them
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from corpus import data_home, load_records

        articles = [Article(id=r["id"], text=r["text"]) for r in load_records(data_home(None), n)]
    stage = _get_analyzer(None).lexicon_stage
    tagging = [0.0]
    real_window = tagger_module.Tagger.tag_window

    def timed_window(self: Any, *args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return real_window(self, *args, **kwargs)
        finally:
            tagging[0] += time.process_time() - t0

    tagger_module.Tagger.tag_window = timed_window  # type: ignore[method-assign]
    if articles:  # load the lexicons and the tagger, as the analyzer's first article does
        stage.annotate(Document.from_article(articles[0]))
    best = [float("inf")] * len(articles)
    best_tag = [0.0] * len(articles)
    outputs: list[Any] = []
    for r in range(rounds):
        for k, article in enumerate(articles):
            doc = Document.from_article(article)  # the text stage, as the analyzer runs it first
            tagging[0] = 0.0
            t0 = time.process_time()
            stage.annotate(doc)
            spent = time.process_time() - t0
            if spent < best[k]:
                best[k], best_tag[k] = spent, tagging[0]
            if r == 0:
                outputs.append([[m.to_dict() for m in doc.matches],
                                [[c.i, c.j, c.lemma, c.stance, c.form, c.act] for c in doc.cues or []]])
    mb = sum(len(a.text) for a in articles) / 1e6
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump({"stage": sum(best), "tagger": sum(best_tag), "mb": mb, "outputs": outputs}, fh)


def run_child(root: Path, args: argparse.Namespace, out: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, __file__, "--child", str(root), "--n", str(args.n),
                    "--rounds", str(args.rounds), "--out", str(out), *(["--sample"] if args.sample else [])],
                   check=True, env=env)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        result: dict[str, Any] = json.load(fh)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="1180a33", help="commit with the old code (default: 1180a33)")
    parser.add_argument("--n", type=int, default=300, help="AllSides articles (default: 300)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per run, best per article (default: 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each version, alternating (default: 2)")
    parser.add_argument("--sample", action="store_true",
                        help="a random sample of AllSides (check_identity.py's) instead of the first N articles "
                             "(bench_throughput.py's)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.n, args.rounds, args.out, args.sample)
        return 0
    with tempfile.TemporaryDirectory(prefix="framing-baseline-") as tmp:
        base = Path(tmp) / "tree"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        results: dict[str, dict[str, Any]] = {}
        for r in range(args.repeat):
            for label, root in (("before", base), ("after", ROOT)) if r % 2 == 0 else (
                    ("after", ROOT), ("before", base)):
                got = run_child(root, args, Path(tmp) / f"{label}-{r}.json.gz")
                if label not in results or got["stage"] < results[label]["stage"]:
                    results[label] = got
    before, after = results["before"], results["after"]
    differ = sum(a != b for a, b in zip(before["outputs"], after["outputs"], strict=True))
    mb = after["mb"]
    which = "sampled" if args.sample else "first"
    print(f"{args.n} {which} AllSides articles, {mb:.2f} MB; baseline {args.baseline}; CPU time, best of "
          f"{args.rounds} rounds per article, best of {args.repeat} alternating runs per version; "
          f"load average {os.getloadavg()[0]:.1f}; outputs identical: "
          f"{'yes' if not differ else f'NO ({differ} articles differ)'}")
    print()
    print("| lexicon stage | before CPU s | after CPU s | after / before |")
    print("| --- | ---: | ---: | ---: |")
    for key, label in (("stage", "all of it"), ("tagger", "of which: the tagger")):
        print(f"| {label} | {before[key]:.2f} | {after[key]:.2f} | {after[key] / max(before[key], 1e-9):.2f} |")
    rest_b, rest_a = before["stage"] - before["tagger"], after["stage"] - after["tagger"]
    print(f"| the rest (matching, the cue rules) | {rest_b:.2f} | {rest_a:.2f} | {rest_a / max(rest_b, 1e-9):.2f} |")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
