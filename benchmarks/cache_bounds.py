"""What the word-form caches of the streaming path buy: hit rates by bound, and the cost of a miss.

The caches of the analyzer's hot path (the compiled VADER walk's tokens,
the tagger's forms, the matcher's forms, the mention table's forms) are
cleared when they reach their bound, so memory stays flat on a long stream.
This script shows what a bound costs:

* the hit rate of a cache of K forms cleared when full, on the tokens of
  the first N AllSides articles in order (the word norms, as the matcher,
  the tagger and the mention table see them; the whitespace tokens of two
  characters or more, as VADER sees them), for several K;
* the CPU cost of one miss: the compiled VADER walk over every sentence of
  the first ``--cost-articles`` articles with its cache never cleared, then
  cleared before every sentence; the same for the matcher (per text) and the
  tagger (per sentence).

Usage::

    python benchmarks/cache_bounds.py --n 10000 --cost-articles 300

Reads ``$FRAMING_DATA_HOME/allsides/articles.jsonl.gz``.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

BOUNDS = (10_000, 20_000, 30_000, 50_000, 100_000, 200_000)


def texts(n: int) -> list[str]:
    """The first ``n`` AllSides texts."""
    home = Path(os.environ.get("FRAMING_DATA_HOME", Path(__file__).resolve().parents[2] / "shared" / "data"))
    with gzip.open(home / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["content_original"] or "" for line in itertools.islice(fh, n)]


def hit_rate(streams: Iterable[Sequence[str]], bound: int) -> float:
    """The share of lookups that hit a cache of ``bound`` forms cleared when full."""
    seen: set[str] = set()
    misses = total = 0
    for forms in streams:
        total += len(forms)
        for form in forms:
            if form not in seen:
                misses += 1
                if len(seen) >= bound:
                    seen.clear()
                seen.add(form)
    return 1 - misses / max(total, 1)


def best_cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        out.append(time.process_time() - t)
    return min(out)


def miss_costs(sample: list[str]) -> list[str]:
    """The CPU cost of a miss of the VADER, matcher and tagger caches, in microseconds."""
    from framing import tagger as tagger_module
    from framing.lexicon import matcher as matcher_module
    from framing.pipeline.analyzer import _get_analyzer
    from framing.tagger import load_tagger
    from framing.text import split_sentences, tokenize
    from framing.tone.vader import rules

    lines = []
    sentences = [t[s.start : s.end] for t in sample for s in split_sentences(t)]
    walker = rules().walker
    if walker is not None:
        previous = walker.max_tokens
        walker.max_tokens = 10**9
        walker.compound(" ".join(sentences))
        warm = best_cpu(lambda: [walker.compound(s) for s in sentences])
        walker.max_tokens = 1
        cold = best_cpu(lambda: [walker.compound(s) for s in sentences])
        walker.max_tokens = previous
        misses = sum(len({w for w in s.split() if len(w) >= 2}) for s in sentences)
        lines.append(f"VADER walk: {len(sentences):,} sentences, {warm:.3f} s with every token cached, "
                     f"{cold:.3f} s cleared before each sentence ({misses:,} misses): "
                     f"{1e6 * (cold - warm) / misses:.2f} us per miss")
    tokens = [tokenize(t) for t in sample]
    matcher = _get_analyzer(None).matcher
    bound = matcher_module._MAX_CACHE
    try:
        matcher_module._MAX_CACHE = 10**9
        warm = best_cpu(lambda: [matcher.find(t, k) for t, k in zip(sample, tokens, strict=True)])
        matcher_module._MAX_CACHE = 1
        cold = best_cpu(lambda: [matcher.find(t, k) for t, k in zip(sample, tokens, strict=True)])
    finally:
        matcher_module._MAX_CACHE = bound
    misses = sum(len(set(k.norms)) for k in tokens)
    lines.append(f"matcher: {len(sample):,} texts, {warm:.3f} s cached, {cold:.3f} s cleared before each "
                 f"text ({misses:,} misses): {1e6 * (cold - warm) / misses:.2f} us per miss")
    tagger = load_tagger()
    forms = [tagger_module._segment(k, t, lo, hi, left, right)[0]
             for t, k in zip(sample, tokens, strict=True)
             for lo, hi, left, right in tagger_module._sentence_bounds(k, t, None)]
    tagger._tag_compiled(forms[0], None)
    model = tagger._model
    if model is not None:
        kept = (tagger_module._MAX_CACHE, model.max_forms)
        try:
            tagger_module._MAX_CACHE, model.max_forms = 10**9, 10**9
            warm = best_cpu(lambda: [tagger._tag_compiled(f, None) for f in forms], 2)
            tagger_module._MAX_CACHE, model.max_forms = 1, 1
            cold = best_cpu(lambda: [tagger._tag_compiled(f, None) for f in forms], 2)
        finally:
            tagger_module._MAX_CACHE, model.max_forms = kept
        misses = sum(len(set(f)) for f in forms)
        lines.append(f"tagger: {len(forms):,} sentences, {warm:.3f} s cached, {cold:.3f} s with both form "
                     f"caches cleared before each sentence ({misses:,} misses): "
                     f"{1e6 * (cold - warm) / misses:.2f} us per miss")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles for the hit rates")
    parser.add_argument("--cost-articles", type=int, default=300, help="articles for the cost of a miss")
    args = parser.parse_args(argv)
    from framing.text import tokenize

    corpus = texts(args.n)
    norms = [tokenize(t).norms for t in corpus]
    words = [[w for w in t.split() if len(w) >= 2] for t in corpus]
    print(f"hit rates of a cache cleared when full, on the first {len(corpus):,} AllSides articles in order:")
    print("| tokens | distinct | " + " | ".join(f"{b:,}" for b in BOUNDS) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in BOUNDS) + " |")
    for label, streams in (("word norms (matcher, tagger, mention table)", norms),
                           ("whitespace tokens (VADER)", words)):
        distinct = len(set(itertools.chain.from_iterable(streams)))
        print(f"| {label} | {distinct:,} | "
              + " | ".join(f"{hit_rate(streams, b):.1%}" for b in BOUNDS) + " |")
    print()
    for line in miss_costs(corpus[: args.cost_articles]):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
