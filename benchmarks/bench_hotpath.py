"""Per-article hot path: this checkout against a baseline commit, same process.

Times ``split_sentences``, ``tokenize`` and ``Matcher.find`` (every shipped
lexicon, the article's tokens given) of the working tree against the versions
of ``framing/text.py`` and ``framing/lexicon.py`` at a baseline commit, read
with ``git show`` and imported as temporary modules. Both run in this process
on the same AllSides articles (``content_original``); the machine is shared, so
the time is CPU time (``time.process_time``), each article is timed with the
old and new versions one after the other (which goes first alternates), and
each article keeps its best of ``--rounds`` rounds (a load spike from another
process then costs one round of one article, not the whole measurement).
Before timing, the outputs are compared article by article (sentence spans,
token offsets and forms, every match field): the script exits with status 1 if
any differs. ``--analyzer`` adds the whole per-article analysis with the old
hot path swapped in (quotes, features and the rest are the current code).

Usage (from the repository root)::

    python benchmarks/bench_hotpath.py --baseline 668ec43 --n 1000 --rounds 3 --analyzer

The data is read from ``$FRAMING_DATA_HOME/allsides/articles.jsonl.gz`` (or
``../shared/data``).
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import os
import subprocess
import sys
import time
import types
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import lexicon as new_lexicon  # noqa: E402
from framing import text as new_text  # noqa: E402
from framing.pipeline import Analyzer  # noqa: E402

# the module (``framing.analyze`` the attribute is the analyze() function)
analyze_module = importlib.import_module("framing.analyze")


def data_file() -> Path:
    home = os.environ.get("FRAMING_DATA_HOME")
    base = Path(home) if home else ROOT.parent / "shared" / "data"
    return base / "allsides" / "articles.jsonl.gz"


def load_articles(n: int) -> list[str]:
    path = data_file()
    if not path.is_file():
        sys.exit(f"No AllSides data at {path}; set FRAMING_DATA_HOME.")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["content_original"] or "" for line in islice(fh, n)]


def old_module(commit: str, path: str, name: str, **replace: str) -> types.ModuleType:
    """The module at ``path`` as of ``commit``, imported under ``name``."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:{path}"],
        capture_output=True, text=True, check=True,
    ).stdout
    for old, new in replace.items():
        source = source.replace(old, new)
    module = types.ModuleType(name)
    module.__file__ = f"<{commit}:{path}>"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def check_identical(articles: Sequence[str], old_text: Any, old_matcher: Any, matcher: Any) -> int:
    """Number of articles whose sentences, tokens or matches differ."""
    differ = 0
    for k, text in enumerate(articles):
        old_s = [(s.start, s.end) for s in old_text.split_sentences(text)]
        new_s = [(s.start, s.end) for s in new_text.split_sentences(text)]
        ot, nt = old_text.tokenize(text), new_text.tokenize(text)
        same_tokens = (ot.starts, ot.ends, ot.norms) == (nt.starts, nt.ends, nt.norms)
        old_m = [m.to_dict() for m in old_matcher.find(text, ot)]
        new_m = [m.to_dict() for m in matcher.find(text, nt)]
        if old_s != new_s or not same_tokens or old_m != new_m:
            differ += 1
            print(f"article {k}: sentences {old_s == new_s}, tokens {same_tokens}, "
                  f"matches {old_m == new_m}", file=sys.stderr)
    return differ


def best_times(
    pairs: Sequence[tuple[Callable[[int], object], Callable[[int], object]]],
    n: int,
    rounds: int,
) -> list[tuple[float, float]]:
    """Per function pair, (old, new) CPU seconds: per article the best round, summed."""
    best = [[[float("inf")] * n for _ in range(2)] for _ in pairs]
    clock = time.process_time
    for r in range(rounds):
        for p, versions in enumerate(pairs):
            for i in range(n):
                # which version runs first alternates, so neither gains from going second
                for v in (0, 1) if (r + i) % 2 == 0 else (1, 0):
                    t0 = clock()
                    versions[v](i)
                    best[p][v][i] = min(best[p][v][i], clock() - t0)
    return [(sum(old), sum(new)) for old, new in best]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="668ec43",
                        help="commit with the old versions (default: 668ec43)")
    parser.add_argument("--n", type=int, default=600, help="number of articles (default: 600)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; best kept (default: 3)")
    parser.add_argument("--analyzer", action="store_true",
                        help="also time the whole per-article analysis, old hot path against new")
    args = parser.parse_args(argv)

    old_text = old_module(args.baseline, "framing/text.py", "_baseline_text")
    old_lexicon = old_module(args.baseline, "framing/lexicon.py", "_baseline_lexicon",
                             **{"from .text import": "from _baseline_text import"})
    articles = load_articles(args.n)
    mb = sum(map(len, articles)) / 1e6
    lexicons = Analyzer().matcher.lexicons
    old_matcher, matcher = old_lexicon.Matcher(lexicons), new_lexicon.Matcher(lexicons)

    differ = check_identical(articles, old_text, old_matcher, matcher)  # also fills the caches
    old_tokens = [old_text.tokenize(t) for t in articles]
    new_tokens = [new_text.tokenize(t) for t in articles]
    rows: list[tuple[str, Callable[..., object], Callable[..., object], Any]] = [
        ("`split_sentences`", old_text.split_sentences, new_text.split_sentences, None),
        ("`tokenize`", old_text.tokenize, new_text.tokenize, None),
        ("`Matcher.find` (7 shipped lexicons, tokens given)", old_matcher.find, matcher.find,
         (old_tokens, new_tokens)),
    ]
    if args.analyzer:
        # The whole per-article analysis (quotes, features, the Analysis
        # object) with the hot path swapped: the rest is the same code.
        new_analyzer, old_analyzer = Analyzer(), Analyzer()
        old_analyzer.matcher = old_matcher
        new_analyzer.matcher = matcher

        names = vars(analyze_module)  # the functions _analyze calls

        def old_analysis(text: str) -> object:
            saved = names["split_sentences"], names["tokenize"]
            names["split_sentences"], names["tokenize"] = old_text.split_sentences, old_text.tokenize
            try:
                return old_analyzer(text)
            finally:
                names["split_sentences"], names["tokenize"] = saved

        rows.append(("`Analyzer` per article (the hot path above swapped, the rest unchanged)",
                     old_analysis, new_analyzer, None))

    def bind(fn: Callable[..., object], toks: list[Any] | None) -> Callable[[int], object]:
        if toks is None:
            return lambda i: fn(articles[i])
        return lambda i: fn(articles[i], toks[i])

    pairs = [(bind(old, t and t[0]), bind(new, t and t[1])) for _, old, new, t in rows]
    times = best_times(pairs, len(articles), args.rounds)

    print(f"{len(articles)} AllSides articles, {mb:.2f} MB; baseline {args.baseline}; "
          f"CPU time, best of {args.rounds} rounds per article; "
          f"outputs identical: {'yes' if not differ else f'NO ({differ} articles differ)'}")
    print()
    print("| function | before MB/s | after MB/s | speed-up |")
    print("| --- | ---: | ---: | ---: |")
    for (label, *_), (old_s, new_s) in zip(rows, times):
        print(f"| {label} | {mb / old_s:.2f} | {mb / new_s:.2f} | {old_s / new_s:.2f}x |")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
