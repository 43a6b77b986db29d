"""Quote finding (:func:`framing.attribution.find_quotes`): CPU time and identity against a commit.

One command, one process: the baseline's ``framing/attribution.py`` and
``framing/speakers.py`` (``git show <commit>:...``, read-only) are loaded as a
temporary package next to the working tree's, both run on the same texts with
the same sentences and tokens (:func:`framing.text.split_sentences`,
:func:`framing.text.tokenize` of the working tree), and the script prints

* the identity check: the number of texts whose ``[q.to_dict() for q in
  quotes]`` differs between the baseline and the working tree, for
  ``find_quotes(text, sentences, tokens)`` and for the working tree's
  ``find_quotes(..., matches=...)`` given the article's lexicon hits (the
  matches :class:`framing.Analyzer` already has), over the first ``--n``
  AllSides articles (Baly et al. 2020; ``content_original``) and every
  PolNeAR text (train and dev);
* a CPU-time table (``time.process_time``, best of ``--rounds``) over the
  AllSides articles: *one pass* starts with the speaker-category caches
  cleared (what a single pass over a corpus costs), *again* is a second pass
  over the same articles with the caches warm.

Usage::

    python benchmarks/bench_quotes.py                     # baseline HEAD, 1,000 articles
    python benchmarks/bench_quotes.py 668ec43 --n 2000 --rounds 3

The data folder is ``$FRAMING_DATA_HOME`` or ``../shared/data``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.pipeline import Analyzer  # noqa: E402
from framing.text import Sentence, Tokens, split_sentences, tokenize  # noqa: E402

MODULES = ("speakers", "attribution")


def data_home() -> Path:
    env = os.environ.get("FRAMING_DATA_HOME")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def load_baseline(commit: str, workdir: Path) -> ModuleType:
    """The baseline's attribution module, imported from a temporary package.

    Relative imports of the copied modules stay inside the package; other
    relative imports (``.lexicon``, ``.text``) point at the working tree's
    ``framing``, so both versions share tokenizer and lexicons.
    """
    name = "framing_baseline_" + re.sub(r"\W", "_", commit)
    pkg = workdir / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for mod in MODULES:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:framing/{mod}.py"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

        def absolute(m: re.Match[str]) -> str:
            return m.group(0) if m.group(1) in MODULES else f"from framing.{m.group(1)} import"

        (pkg / f"{mod}.py").write_text(re.sub(r"from \.(\w+) import", absolute, source))
    sys.path.insert(0, str(workdir))
    return importlib.import_module(f"{name}.attribution")


def read_texts(n: int) -> tuple[list[str], list[str]]:
    """The first ``n`` AllSides texts and every PolNeAR text."""
    home = data_home()
    allsides: list[str] = []
    with gzip.open(home / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, n):
            text = json.loads(line).get("content_original")
            if isinstance(text, str):
                allsides.append(text)
    polnear = []
    for path in sorted((home / "polnear").glob("*/text/*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            polnear.append(fh.read())
    return allsides, polnear


Prepared = tuple[str, list[Sentence], Tokens, list[Any]]


def prepare(texts: Sequence[str], analyzer: Analyzer) -> list[Prepared]:
    out = []
    for text in texts:
        tokens = tokenize(text)
        out.append((text, split_sentences(text), tokens, analyzer.matcher.find(text, tokens)))
    return out


def clear_caches(*modules: ModuleType) -> None:
    for mod in modules:
        for value in vars(mod).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def differing(old: ModuleType, new: ModuleType, docs: list[Prepared], with_matches: bool) -> int:
    count = 0
    for text, sents, toks, matches in docs:
        a = [q.to_dict() for q in old.find_quotes(text, sents, toks)]
        if with_matches:
            b = [q.to_dict() for q in new.find_quotes(text, sents, toks, matches=matches)]
        else:
            b = [q.to_dict() for q in new.find_quotes(text, sents, toks)]
        count += a != b
    return count


def cpu(fn: Callable[[], None]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", nargs="?", default="HEAD", help="baseline commit (HEAD)")
    parser.add_argument("--n", type=int, default=1000, help="AllSides articles (1000)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds, best kept (3)")
    args = parser.parse_args(argv)

    from framing import attribution as new
    from framing import speakers as new_speakers

    analyzer = Analyzer()
    allsides, polnear = read_texts(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        old = load_baseline(args.baseline, Path(tmp))
        old_speakers = sys.modules[old.__name__.rsplit(".", 1)[0] + ".speakers"]
        docs = prepare(allsides, analyzer)
        pdocs = prepare(polnear, analyzer)
        print(f"baseline {args.baseline}: identity of [q.to_dict() for q in find_quotes(...)]")
        for label, group in (
            (f"AllSides (first {len(docs)})", docs),
            (f"PolNeAR ({len(pdocs)})", pdocs),
        ):
            n_quotes = sum(len(old.find_quotes(t, s, k)) for t, s, k, _ in group)
            plain = differing(old, new, group, with_matches=False)
            given = differing(old, new, group, with_matches=True)
            print(
                f"  {label}: {n_quotes} quotes; texts differing: {plain} "
                f"(matches=None), {given} (matches given)"
            )

        def run(fn: Callable[..., Any], given: bool) -> Callable[[], None]:
            def go() -> None:
                for text, sents, toks, matches in docs:
                    if given:
                        fn(text, sents, toks, matches=matches)
                    else:
                        fn(text, sents, toks)

            return go

        variants = [
            (f"baseline {args.baseline}", run(old.find_quotes, False), (old, old_speakers)),
            ("working tree, matches=None", run(new.find_quotes, False), (new, new_speakers)),
            ("working tree, matches given", run(new.find_quotes, True), (new, new_speakers)),
        ]
        best: dict[str, list[float]] = {label: [1e9, 1e9] for label, _, _ in variants}
        # the prepared texts, tokens and matches stay alive for the whole run:
        # keep them out of the garbage collector's way, as they are in a real
        # run (one article at a time)
        gc.collect()
        gc.freeze()
        for _ in range(args.rounds):  # interleaved rounds, best kept
            for label, go, mods in variants:
                clear_caches(*mods)
                one = cpu(go)
                again = cpu(go)
                best[label] = [min(best[label][0], one), min(best[label][1], again)]
    mb = sum(len(t) for t in allsides) / 1e6
    n = len(docs)
    base_one, base_again = best[variants[0][0]]
    print(
        f"\nCPU seconds (time.process_time), best of {args.rounds}, "
        f"{n} AllSides articles ({mb:.1f} MB), Python {sys.version.split()[0]}\n"
    )
    print("| find_quotes | one pass s | ms/article | speed-up | again s | speed-up |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, _, _ in variants:
        one, again = best[label]
        print(
            f"| {label} | {one:.3f} | {1000 * one / n:.2f} | {base_one / one:.2f}x "
            f"| {again:.3f} | {base_again / again:.2f}x |"
        )


if __name__ == "__main__":
    main()
