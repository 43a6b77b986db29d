"""Precision of the ``loaded_language`` lexicon on AllSides, judged by hand, by outlet leaning.

Draws a reproducible sample of hits: ``--articles`` AllSides articles (Baly
et al. 2020, read through :func:`framing.datasets.load_allsides`, sample seed
``--seed``), every ``loaded_language`` hit in them (negated hits included, as
the lexicon reports them), then ``--per-leaning`` hits drawn uniformly from the
hits of each leaning: each hit gets a random key, the BLAKE2b hash of the seed,
the article id, the hit's offset and its text, and the hits with the smallest
keys are drawn. An edit to the lexicon therefore changes the sample only where
it adds or removes hits: the other drawn hits, and their judgements, stay.
Each hit is printed with a short context, so it can be judged by reading it.

Judgements live in a TSV next to this script (``--judgements``), one row per
hit: ``id``, ``start``, ``hit``, ``judgement`` (``loaded`` or ``not``). A hit
is *loaded* when the word, read in its sentence, evaluates, dramatises,
labels or softens rather than describes (the category definitions of
``lexicons/loaded_language.json``), whoever says it; a quoted slur counts.
With judgements for every drawn hit, the script prints the precision table;
hits without a judgement are listed as ``?`` and left out of it.

Usage::

    python benchmarks/lexicon_precision.py                       # sample + table (markdown)
    python benchmarks/lexicon_precision.py --articles 3000 --seed 16 --per-leaning 100
    python benchmarks/lexicon_precision.py --seed 17 --sample      # the held-out sample, row by row
    python benchmarks/lexicon_precision.py --lexicon old/loaded_language.tsv   # another version

The data folder is ``$FRAMING_DATA_HOME`` or ``../shared/data``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
from pathlib import Path

from framing.datasets import load_allsides
from framing.lexicon import Matcher, load_lexicon, read_lexicon
from framing.text import tokenize

HERE = Path(__file__).resolve().parent
LEANINGS = ("left", "center", "right")


def draw(
    data_home: str, n_articles: int, seed: int, per_leaning: int, lexicon: str | None = None,
    width: int = 60,
) -> list[dict[str, str]]:
    """The drawn hits, ``per_leaning`` of each leaning, in leaning then article order.

    ``lexicon`` is a path to another version of the lexicon (default: the shipped one);
    ``width`` the characters of context kept either side of a hit.
    """
    df = load_allsides(data_home, n_articles=n_articles, random_state=seed,
                       columns=["text", "label", "outlet"])
    matcher = Matcher([read_lexicon(lexicon) if lexicon else load_lexicon("loaded_language")])
    pools: dict[str, list[dict[str, str]]] = {lean: [] for lean in LEANINGS}
    for art_id, text, label, outlet in zip(df.index, df.text, df.label, df.outlet):
        text = text or ""
        for m in matcher.find(text, tokenize(text)):
            left = text[max(0, m.start - width) : m.start].split("\n")[-1]
            right = text[m.end : m.end + width].split("\n")[0]
            context = f"{left}[{m.text}]{right}".replace("|", "/").replace("\t", " ")
            pools[label].append({
                "id": str(art_id), "start": str(m.start), "hit": m.text, "category": m.category,
                "outlet": str(outlet), "leaning": label, "context": " ".join(context.split()),
            })
    drawn: list[dict[str, str]] = []
    for lean in LEANINGS:
        pool = sorted(pools[lean], key=lambda r: _key(seed, r))[:per_leaning]
        drawn.extend(sorted(pool, key=lambda r: (r["id"], int(r["start"]))))
    return drawn


def _key(seed: int, row: dict[str, str]) -> str:
    """The random sort key of a hit: a hash of the seed, the article id, the offset and the text."""
    raw = f"{seed}|{row['id']}|{row['start']}|{row['hit']}|{row['category']}".encode()
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def read_judgements(path: Path) -> dict[tuple[str, str, str], str]:
    """``(id, start, hit) -> judgement`` from the judgements TSV (empty when absent)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["id"], r["start"], r["hit"]): r["judgement"]
                for r in csv.DictReader(fh, delimiter="\t")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--per-leaning", type=int, default=100)
    ap.add_argument("--judgements", type=Path, default=HERE / "lexicon_precision_judgements.tsv")
    ap.add_argument("--sample", action="store_true", help="print the sample rows too")
    ap.add_argument("--lexicon", default=None, help="a .tsv to measure instead of the shipped lexicon")
    ap.add_argument("--context", type=int, default=60, help="characters of context either side")
    ap.add_argument("--data-home", default=os.environ.get("FRAMING_DATA_HOME", str(HERE.parent.parent / "shared" / "data")))
    args = ap.parse_args(argv)
    drawn = draw(args.data_home, args.articles, args.seed, args.per_leaning, args.lexicon, args.context)
    judged = read_judgements(args.judgements)
    if args.sample:
        print("| # | leaning | outlet | category | hit in context | judgement |")
        print("| ---: | --- | --- | --- | --- | --- |")
        for k, row in enumerate(drawn, 1):
            j = judged.get((row["id"], row["start"], row["hit"]), "?")
            print(f"| {k} | {row['leaning']} | {row['outlet']} | {row['category']} | {row['context']} | {j} |")
        print()
    print("| leaning | hits judged | loaded | precision |")
    print("| --- | ---: | ---: | ---: |")
    for lean in (*LEANINGS, "all"):
        rows = [r for r in drawn if lean in ("all", r["leaning"])]
        js = [judged.get((r["id"], r["start"], r["hit"])) for r in rows]
        n = sum(j in ("loaded", "not") for j in js)
        ok = sum(j == "loaded" for j in js)
        print(f"| {lean} | {n} | {ok} | {ok / n:.2f} |" if n else f"| {lean} | 0 | 0 | |")
    missing = [r for r in drawn if (r["id"], r["start"], r["hit"]) not in judged]
    if missing:
        print(f"\n{len(missing)} drawn hits have no judgement yet in {args.judgements}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
