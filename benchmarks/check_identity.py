"""Check that the analysis output is unchanged: full JSONL rows of real articles before and after a change.

Analyzes N AllSides articles (a reproducible sample, :func:`framing.datasets.load_allsides`)
and the PolNeAR train articles (:func:`framing.datasets.load_polnear`), and
writes each article's full JSONL row (``Analysis.to_dict(sentences=True)``:
features, matches, quotes with their tone, entities, sentence tone,
language, warnings) without ``provenance``, which carries versions, not
results. ``--write`` saves the rows as a reference; ``--compare`` analyzes
again and reports every row that differs (exit 1 if any), with the first
differing key.

Usage::

    python benchmarks/check_identity.py --write /tmp/before.jsonl.gz        # at the baseline commit
    python benchmarks/check_identity.py --compare /tmp/before.jsonl.gz      # after the change
    python benchmarks/check_identity.py --compare /tmp/before.jsonl.gz --tolerance 1e-9  # floats may move

``--tolerance`` is for a change allowed to sum floats in another order: a
float may differ by at most that much, a label, an int or a string never.

Reads the corpora from ``$FRAMING_DATA_HOME`` (or ``--data-home``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from collections.abc import Iterator
from typing import Any


def articles(data_home: str | None, n_allsides: int, n_polnear: int) -> Iterator[Any]:
    """The AllSides sample then the PolNeAR articles, as :class:`framing.readers.Article`."""
    from framing.datasets import load_allsides, load_polnear
    from framing.readers import Article

    sides = load_allsides(data_home, n_articles=n_allsides, random_state=0,
                          columns=["text", "outlet", "title"])
    for idx, row in sides.iterrows():
        yield Article(id=f"allsides/{idx}", text=row["text"] or "", outlet=row["outlet"],
                      title=row["title"] or "")
    polnear, _ = load_polnear(data_home, split="train", n_articles=n_polnear, random_state=0)
    for idx, row in polnear.iterrows():
        yield Article(id=f"polnear/{idx}", text=row["text"] or "")


def _clean(value: Any) -> Any:
    """JSON-comparable form: NaN as the string "NaN" (NaN != NaN), tuples as lists."""
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def rows(data_home: str | None, n_allsides: int, n_polnear: int) -> Iterator[dict[str, Any]]:
    from framing import analyze

    for article in articles(data_home, n_allsides, n_polnear):
        row = analyze(article).to_dict(sentences=True)
        row.pop("provenance", None)
        yield _clean(row)


def first_difference(a: Any, b: Any, path: str = "", tolerance: float = 0.0,
                     seen: list[float] | None = None) -> str | None:
    """Where two JSON values first differ, as a key path, or None.

    Two floats (not ints, not bools) differ when ``|a - b| > tolerance``;
    every nonzero difference within it is appended to ``seen``. Everything
    else (labels, ints, strings, lengths, keys) must be equal.
    """
    if type(a) is not type(b):
        return f"{path}: {a!r:.80} != {b!r:.80}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: present in one row only"
            d = first_difference(a[k], b[k], f"{path}.{k}", tolerance, seen)
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]", tolerance, seen)
            if d:
                return d
        return None
    if isinstance(a, float) and a != b:
        if abs(a - b) <= tolerance:
            if seen is not None:
                seen.append(abs(a - b))
            return None
        return f"{path}: {a!r:.80} != {b!r:.80} (|diff| {abs(a - b):.3g})"
    return None if a == b else f"{path}: {a!r:.80} != {b!r:.80}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="FILE", help="save the rows as the reference")
    group.add_argument("--compare", metavar="FILE", help="compare the rows with a reference")
    parser.add_argument("--allsides", type=int, default=300, help="AllSides articles (sample)")
    parser.add_argument("--polnear", type=int, default=200, help="PolNeAR train articles (sample)")
    parser.add_argument("--data-home", default=None)
    parser.add_argument("--tolerance", type=float, default=0.0,
                        help="with --compare: floats may differ by this much (labels, ints and strings never)")
    args = parser.parse_args(argv)
    t = time.perf_counter()
    if args.write:
        n = 0
        with gzip.open(args.write, "wt", encoding="utf-8") as fh:
            for row in rows(args.data_home, args.allsides, args.polnear):
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        print(f"wrote {n} rows to {args.write} in {time.perf_counter() - t:.0f} s")
        return 0
    with gzip.open(args.compare, "rt", encoding="utf-8") as fh:
        reference = [json.loads(line) for line in fh]
    n = differ = within = 0
    seen: list[float] = []
    for ref, row in zip(reference, rows(args.data_home, args.allsides, args.polnear), strict=True):
        row = json.loads(json.dumps(row, ensure_ascii=False))  # the same float round trip
        n += 1
        before = len(seen)
        d = first_difference(ref, row, tolerance=args.tolerance, seen=seen)
        within += len(seen) > before
        if d:
            differ += 1
            if differ <= 10:
                print(f"{row['id']}: {d}")
    print(f"{n} rows compared with {args.compare}: {differ} differ "
          f"({time.perf_counter() - t:.0f} s)")
    if args.tolerance:
        print(f"tolerance {args.tolerance:g}: {len(seen)} floats in {within} rows differ within it "
              f"(largest |diff| {max(seen, default=0.0):.3g})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
