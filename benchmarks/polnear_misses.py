"""Which PolNeAR attributions the quote finder misses, grouped by their gold cue.

For every gold attribution with a content span, the content is *found* when
some predicted quote overlaps it by the evaluation's rule (half of the
shorter span, :mod:`framing.evaluation.attribution`). A miss is *partial*
when some quote overlaps it by less, and *absent* otherwise; the tables count
the misses by the lower-cased words of the gold cue, and say whether the
shipped ``reporting_verbs`` lexicon knows the cue's words.

``--sample N`` prints N random misses whose cue words the lexicon knows,
with the quotes found near them; ``--speakers N`` prints N random found
quotes that have the gold cue but another speaker than the gold source (the
samples classified by cause in ``docs/attribution.md``).

Develop on ``train``, check on ``dev`` (never on the test month)::

    FRAMING_DATA_HOME=DIR python benchmarks/polnear_misses.py --split train --limit 300
    FRAMING_DATA_HOME=DIR python benchmarks/polnear_misses.py --split train --limit 300 --top 0 --sample 40 --speakers 45
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from framing.attribution import find_quotes
from framing.evaluation.attribution import _overlaps, read_polnear
from framing.lexicon import load_lexicon
from framing.text import split_sentences, tokenize


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--split", default="train", choices=["train", "dev"])
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--examples", type=int, default=0, help="print this many missed sentences per top cue")
    p.add_argument("--sample", type=int, default=0,
                   help="print this many random misses whose cue words the lexicon knows, with the quotes found nearby")
    p.add_argument("--speakers", type=int, default=0,
                   help="print this many random found quotes whose speaker does not match the gold source")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    terms = {e.term.lower() for e in load_lexicon("reporting_verbs")}
    found = Counter()
    missed: Counter[str] = Counter()
    partial: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    known_misses: list[str] = []
    wrong_speakers: list[str] = []
    n_gold = n_found = 0
    for k, doc in enumerate(read_polnear(None, args.split)):
        if args.limit is not None and k >= args.limit:
            break
        text = doc.text
        quotes = find_quotes(text, split_sentences(text), tokenize(text))
        spans = [((q.start, q.end),) for q in quotes]
        for a in doc.attributions:
            if not a.content:
                continue
            n_gold += 1
            cue = " ".join(text[s:e] for s, e in a.cue).lower().strip() if a.cue else "(no cue)"
            lo, hi = a.content[0][0], a.content[-1][1]
            c0 = min([lo] + [s for s, _ in a.cue])
            hits = [q for q in quotes if _overlaps(((q.start, q.end),), a.content)]
            if hits:
                n_found += 1
                found[cue] += 1
                # the same attribution (cue overlapping the gold cue), with another speaker
                same = [q for q in hits if q.cue is not None and a.cue and any(
                    q.cue.start < e and s < q.cue.end for s, e in a.cue)]
                sp = [q.speaker for q in same if q.speaker is not None]
                if a.source and args.speakers and same and not any(
                    _overlaps(((s.start, s.end),), a.source) for s in sp
                ):
                    gold_src = " ".join(text[s:e] for s, e in a.source)
                    wrong_speakers.append(
                        f"gold {gold_src!r} got {[s.text for s in sp]!r} cue {cue!r}\n      "
                        + text[max(0, min(c0, a.source[0][0]) - 60):hi + 10].replace("\n", " ")
                    )
                continue
            touched = any(s[0][0] < hi and lo < s[0][1] for s in spans)
            (partial if touched else missed)[cue] += 1
            if args.examples and len(examples.setdefault(cue, [])) < args.examples:
                examples[cue].append(text[max(0, c0 - 80):hi + 20].replace("\n", " "))
            if args.sample and cue != "(no cue)" and all(w in terms for w in cue.split()):
                near = [q.text[:60] for q in quotes if q.end > c0 - 200 and q.start < hi + 200]
                src = " ".join(text[s:e] for s, e in a.source) if a.source else "-"
                known_misses.append(
                    f"cue {cue!r} source {src!r} content {text[lo:hi][:100]!r}\n      "
                    + text[max(0, c0 - 100):hi + 10].replace("\n", " ") + f"\n      near: {near}"
                )
    print(f"{args.split}: gold contents {n_gold}, found {n_found} ({n_found / max(n_gold, 1):.3f})")
    print(f"missed {sum(missed.values())} with no overlapping quote, {sum(partial.values())} partially")
    total = missed + partial
    print("\ncue | missed | partial | found | cue words in lexicon")
    for cue, _ in total.most_common(args.top):
        known = all(w in terms for w in cue.split()) or cue in terms
        print(f"{cue} | {missed[cue]} | {partial[cue]} | {found[cue]} | {known}")
        for ex in examples.get(cue, []):
            print("    ", ex)
    rng = random.Random(args.seed)
    for title, rows, k in (("misses with known cue words", known_misses, args.sample),
                           ("found quotes with the gold cue and a wrong speaker", wrong_speakers, args.speakers)):
        if k:
            print(f"\n{title}: {len(rows)}; a random {min(k, len(rows))}")
            for row in rng.sample(rows, min(k, len(rows))):
                print("  -", row)


if __name__ == "__main__":
    main()
