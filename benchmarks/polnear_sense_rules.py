"""What each rule of :mod:`framing.attribution.senses` does on PolNeAR, one rule at a time.

For every document the quotes are found with no sense rule and with each
rule alone; a rule *loses* a gold content that some quote overlapped without
rules and none overlaps with it (the evaluation's overlap rule), and
*removes* a predicted quote that overlaps no gold content. Develop on
``train``, never on the test month::

    FRAMING_DATA_HOME=DIR python benchmarks/polnear_sense_rules.py --split train --limit 400
"""

from __future__ import annotations

import argparse
from collections import Counter

import framing.attribution.quotes as quotes_module
from framing.attribution import find_quotes
from framing.attribution.senses import sense_rule
from framing.evaluation.attribution import _overlaps, read_polnear
from framing.text import split_sentences, tokenize

RULES = (
    "raising", "reciprocal", "modal", "assume", "claim_amount", "decline_amount", "know_how",
    "from_gerund", "adjective_list", "plural_noun", "imperative_title", "conditional", "seek_object",
    "reduced_relative",
)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--split", default="train", choices=["train", "dev"])
    p.add_argument("--limit", type=int, default=None)
    args = p.parse_args()
    lost: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    try:
        for k, doc in enumerate(read_polnear(None, args.split)):
            if args.limit is not None and k >= args.limit:
                break
            text = doc.text
            sentences, tokens = split_sentences(text), tokenize(text)
            golds = [a.content for a in doc.attributions if a.content]
            quotes_module.other_sense = lambda *a: False
            base = find_quotes(text, sentences, tokens)
            found = [any(_overlaps(((q.start, q.end),), g) for q in base) for g in golds]
            spans = {(q.start, q.end) for q in base}
            for rule in RULES:
                quotes_module.other_sense = lambda *a, rule=rule: sense_rule(*a) == rule
                after = find_quotes(text, sentences, tokens)
                for g, was in zip(golds, found):
                    if was and not any(_overlaps(((q.start, q.end),), g) for q in after):
                        lost[rule] += 1
                for s, e in spans - {(q.start, q.end) for q in after}:
                    if not any(_overlaps(((s, e),), g) for g in golds):
                        removed[rule] += 1
    finally:
        from framing.attribution.senses import other_sense

        quotes_module.other_sense = other_sense
    print("rule | gold contents lost | quotes overlapping no gold removed")
    for rule in RULES:
        print(f"{rule} | {lost[rule]} | {removed[rule]}")


if __name__ == "__main__":
    main()
