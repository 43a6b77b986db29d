"""The part-of-speech tagger against the UD English Web Treebank: training and accuracy.

The treebank (Silveira et al., LREC 2014; CC BY-SA 4.0) is read from
``<data home>/ud-english-ewt/en_ewt-{train,dev,test}.conllu`` as published.
Each sentence's ``# text`` is re-tokenized by :func:`framing.text.tokenize`
and every framing token gets the gold UPOS of the treebank word it overlaps
that heads the others it overlaps (``didn't`` = did + n't -> AUX,
``full-fledged`` = full - fledged -> ADJ, ``Obama's`` -> PROPN); ties go to
the first. Three ways of training are measured (:func:`evaluate_tagger`):

``treebank``
    the treebank's words as given, punctuation included;
``treebank-words``
    the same without the tokens framing never produces (no letter or digit);
``framing``
    framing's tokens with the punctuation between them as context
    (:func:`framing.tagger.tagger_input`): the shipped model.

Train the shipped model (a minute or two)::

    nice python -m framing.evaluation.tagger train --data-home DIR --out framing/data/pos-ewt.json.gz

and print every table of ``docs/tagger.md``::

    nice python -m framing.evaluation.tagger report --data-home DIR
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._tagger_features import lexicon_entries
from ..datasets import get_data_home
from ..exceptions import DatasetNotFoundError
from ..tagger import GAP_TAG, MODEL_NAME, Tagger, load_tagger, perceptron_class, tagger_input
from ..text import tokenize
from ._tagger_sidecar import LEXICON_PROVENANCE, SIDECAR

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "TreebankSentence",
    "evaluate_tagger",
    "framing_gold",
    "read_treebank",
    "reporting_verb_table",
    "tagging_speed",
    "train_tagger",
]

Scheme = Literal["treebank", "treebank-words", "framing"]
SCHEMES: tuple[Scheme, ...] = ("treebank", "treebank-words", "framing")
N_ITER = 8  # training iterations of the shipped model
_WORD = re.compile(r"[^\W_]")  # a form framing's tokenizer can produce has a letter or digit


@dataclass(frozen=True)
class TreebankSentence:
    """One treebank sentence: its text and, per syntactic word, form, UPOS, head and span."""

    text: str
    forms: tuple[str, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]
    """0-based index of each word's head in the sentence, -1 for the root."""
    spans: tuple[tuple[int, int], ...]
    """``(start, end)`` of each word in ``text`` (a contraction's parts share or split its span)."""


def _treebank_path(data_home: str | os.PathLike[str] | None, split: str) -> Path:
    root = get_data_home(data_home)
    path = root / "ud-english-ewt" / f"en_ewt-{split}.conllu"
    if not path.is_file():
        raise DatasetNotFoundError(
            f"The UD English EWT {split} split was not found: expected the file {path} (CoNLL-U, as "
            "published at https://github.com/UniversalDependencies/UD_English-EWT). Point framing at "
            "the folder that holds 'ud-english-ewt/' in one of three ways: pass data_home=DIR (on the "
            "command line: --data-home DIR), set the FRAMING_DATA_HOME environment variable, or put "
            "the corpus in the default folder (~/.cache/framing)."
        )
    return path


def _sentence(text: str | None, rows: list[list[str]], where: str) -> TreebankSentence:
    if text is None:
        raise ValueError(f"{where}: a sentence without a '# text = ' line.")
    forms, upos, heads, spans = [], [], [], []
    pos = 0
    mwt_last, cursor, mwt_end = 0, 0, 0
    for row in rows:
        if len(row) != 10:
            raise ValueError(f"{where}: expected 10 tab-separated fields. Got {len(row)}: {row!r}.")
        ident, form = row[0], row[1]
        if "." in ident:  # an empty node of the enhanced graph
            continue
        if "-" in ident:  # a multiword token: its words share its surface span
            mwt_last = int(ident.split("-")[1])
            start = text.find(form, pos)
            start = pos if start < 0 else start
            cursor, mwt_end = start, start + len(form)
            pos = mwt_end
            continue
        if int(ident) <= mwt_last:
            if text[cursor:mwt_end].lower().startswith(form.lower()):
                span = (cursor, cursor + len(form))
                cursor += len(form)
            else:
                span = (cursor, mwt_end)
        else:
            start = text.find(form, pos)
            if start < 0:
                raise ValueError(f"{where}: the word {form!r} is not in the sentence text {text!r}.")
            span = (start, start + len(form))
            pos = span[1]
        forms.append(form)
        upos.append(row[3])
        heads.append(int(row[6]) - 1)
        spans.append(span)
    return TreebankSentence(text, tuple(forms), tuple(upos), tuple(heads), tuple(spans))


def read_treebank(
    split: Literal["train", "dev", "test"] = "test", data_home: str | os.PathLike[str] | None = None
) -> list[TreebankSentence]:
    """The sentences of one EWT split (``data_home`` as :func:`framing.datasets.get_data_home`)."""
    path = _treebank_path(data_home, split)
    out: list[TreebankSentence] = []
    text: str | None = None
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                if rows:
                    out.append(_sentence(text, rows, f"{path}, line {n}"))
                text, rows = None, []
            elif line.startswith("# text = "):
                text = line[9:]
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        out.append(_sentence(text, rows, f"{path}, end"))
    return out


def framing_gold(sentence: TreebankSentence) -> tuple[list[str], list[int], list[str]]:
    """Framing's view of a treebank sentence: tagger forms, word positions and gold tags.

    ``forms`` is :func:`framing.tagger.tagger_input` of the sentence text;
    ``gold[i]`` is the UPOS of token ``i``: the tag of the overlapped treebank
    word whose head lies outside the overlapped words (the first on a tie).
    """
    tokens = tokenize(sentence.text)
    forms, positions = tagger_input(tokens, sentence.text)
    spans, heads = sentence.spans, sentence.heads
    gold = []
    j0 = 0
    for a, b in zip(tokens.starts, tokens.ends):
        while j0 < len(spans) and spans[j0][1] <= a:
            j0 += 1
        group = [j for j in range(j0, len(spans)) if spans[j][0] < b and a < spans[j][1]]
        if not group:  # cannot happen when the text holds every word
            raise ValueError(f"framing token {sentence.text[a:b]!r} overlaps no treebank word.")
        inside = set(group)
        head = next((j for j in group if heads[j] not in inside), group[0])
        gold.append(sentence.upos[head])
    return forms, positions, gold


def _training_sentences(sentences: Sequence[TreebankSentence], scheme: Scheme) -> list[list[tuple[str, str]]]:
    out = []
    for s in sentences:
        if scheme == "treebank":
            pairs = list(zip(s.forms, s.upos))
        elif scheme == "treebank-words":
            pairs = [(f, u) for f, u in zip(s.forms, s.upos) if _WORD.search(f)]
        else:
            forms, positions, gold = framing_gold(s)
            tags = [GAP_TAG] * len(forms)
            for p, g in zip(positions, gold):
                tags[p] = g
            pairs = list(zip(forms, tags))
        if pairs:
            out.append(pairs)
    return out


def train_tagger(
    data_home: str | os.PathLike[str] | None = None,
    *,
    scheme: Scheme = "framing",
    features: str = "framing-3",
    n_iter: int = N_ITER,
    min_weight: float = 0.0,
    decimals: int | None = None,
    random_state: int = 0,
) -> Tagger:
    """Train NLTK's averaged perceptron on EWT train (its sentence order shuffled by ``random_state``).

    ``features`` is the feature set (:func:`framing.tagger.perceptron_class`:
    ``"framing-3"``, shipped, ``"framing-2"`` or NLTK's own ``"nltk"``). For
    ``"framing-3"`` the word classes are built first, from the permissive
    texts in the data home
    (:func:`framing.evaluation.wordclasses.build_word_classes`), and ship
    inside the model.

    ``min_weight`` prunes the averaged feature weights whose magnitude is
    below it and ``decimals`` rounds the rest (features left without weights
    are dropped): the shipped model uses 0.5 and 1, which keep the accuracy
    and shrink the file from 0.9 MB to 0.5 MB.
    """
    data = _training_sentences(read_treebank("train", data_home), scheme)
    perceptron = perceptron_class(features)(load=False)
    lexicon = None
    if features == "framing-3":
        from .wordclasses import build_word_classes

        lexicon = {"word_classes": build_word_classes(data_home)}
        perceptron.lexicon, perceptron.unknown = lexicon_entries({"lexicon": lexicon})
    state = random.getstate()
    random.seed(random_state)
    try:
        perceptron.train(data, nr_iter=n_iter)
    finally:
        random.setstate(state)
    if min_weight > 0 or decimals is not None:
        weights = {}
        for feat, by_class in perceptron.model.weights.items():
            kept = {c: w if decimals is None else round(w, decimals)
                    for c, w in by_class.items() if abs(w) >= min_weight}
            kept = {c: w for c, w in kept.items() if w}
            if kept:
                weights[feat] = kept
        perceptron.model.weights = weights
    return Tagger(perceptron, lexicon)


def _accuracy(tagger: Tagger, sentences: Sequence[TreebankSentence], view: str) -> tuple[int, int]:
    right = total = 0
    for s in sentences:
        if view == "framing":
            forms, positions, gold = framing_gold(s)
            tags = tagger.tag_forms(forms)
            pred = [tags[p] for p in positions]
        else:
            keep = [j for j, f in enumerate(s.forms) if view == "treebank" or _WORD.search(f)]
            pred = tagger.tag_forms([s.forms[j] for j in keep])
            gold = [s.upos[j] for j in keep]
        right += sum(p == g for p, g in zip(pred, gold))
        total += len(gold)
    return right, total


def evaluate_tagger(
    data_home: str | os.PathLike[str] | None = None,
    *,
    schemes: Sequence[Scheme] | None = None,
    split: Literal["dev", "test"] = "test",
) -> pd.DataFrame:
    """UPOS accuracy on EWT ``split``, on the treebank's tokens and on framing's.

    With ``schemes=None`` the shipped model is scored; otherwise each named
    training scheme is trained afresh (a minute each) and scored. Columns:
    ``model``, ``input`` (``treebank``: every word as given; ``treebank-words``:
    the words with a letter or digit; ``framing``: framing's tokens, the
    number that matters), ``tokens`` and ``accuracy``.
    """
    import pandas as pd

    sentences = read_treebank(split, data_home)
    models: list[tuple[str, Tagger]]
    if schemes is None:
        models = [(f"shipped ({MODEL_NAME})", load_tagger())]
    else:
        models = [(s, train_tagger(data_home, scheme=s)) for s in schemes]
    rows = []
    for name, tagger in models:
        for view in ("treebank", "treebank-words", "framing"):
            right, total = _accuracy(tagger, sentences, view)
            rows.append({"model": name, "input": view, "tokens": total, "accuracy": right / total})
    return pd.DataFrame(rows)


def reporting_verb_table(
    data_home: str | os.PathLike[str] | None = None, *, tagger: Tagger | None = None
) -> pd.DataFrame:
    """On EWT test, framing tokens whose form is a one-word ``reporting_verbs`` term.

    One row: how many there are (``tokens``), how many are gold VERB, tagged
    VERB, and both; ``lexicon_only_precision`` is the share that is gold VERB
    (the precision of the lexicon alone); ``precision`` and ``recall`` score
    "in the lexicon and tagged VERB" against "in the lexicon and gold VERB".
    """
    import pandas as pd

    from ..lexicon import load_lexicon

    terms = {e.term.lower() for e in load_lexicon("reporting_verbs").entries if len(e.words) == 1}
    tagger = tagger or load_tagger()
    n = gold_verb = pred_verb = both = 0
    for s in read_treebank("test", data_home):
        forms, positions, gold = framing_gold(s)
        tags = tagger.tag_forms(forms)
        for p, g in zip(positions, gold):
            if forms[p].lower() not in terms:
                continue
            n += 1
            gold_verb += g == "VERB"
            pred_verb += tags[p] == "VERB"
            both += g == "VERB" and tags[p] == "VERB"
    return pd.DataFrame([{
        "tokens": n, "gold_verb": gold_verb, "tagged_verb": pred_verb, "both": both,
        "lexicon_only_precision": gold_verb / n if n else 0.0,
        "precision": both / pred_verb if pred_verb else 0.0,
        "recall": both / gold_verb if gold_verb else 0.0,
    }])


def _articles(data_home: str | os.PathLike[str] | None, n_articles: int) -> Iterator[str]:
    from ..datasets import load_allsides

    yield from load_allsides(data_home, n_articles=n_articles, random_state=0)["text"]


def tagging_speed(
    data_home: str | os.PathLike[str] | None = None, *, n_articles: int = 200, width: int = 4
) -> pd.DataFrame:
    """Tokens per second tagging whole AllSides articles vs windows around reporting-verb terms.

    The windows are those of every token whose form is a one-word
    ``reporting_verbs`` term; ``agreement`` is the share of those tokens
    given the same tag as whole-article tagging.
    """
    import pandas as pd

    from ..lexicon import load_lexicon
    from ..text import split_sentences

    terms = {e.term.lower() for e in load_lexicon("reporting_verbs").entries if len(e.words) == 1}
    tagger = load_tagger()
    docs = []
    for text in _articles(data_home, n_articles):
        toks = tokenize(text)
        docs.append((text, toks, split_sentences(text), [i for i, w in enumerate(toks.norms) if w in terms]))
    n_tokens = sum(len(t) for _, t, _, _ in docs)
    n_hits = sum(len(h) for *_, h in docs)
    t0 = time.perf_counter()
    full = [tagger.tag(t, text, sentences=s) for text, t, s, _ in docs]
    t_full = time.perf_counter() - t0
    t0 = time.perf_counter()
    win = [tagger.tag_window(t, text, h, width=width, sentences=s) for text, t, s, h in docs]
    t_win = time.perf_counter() - t0
    same = sum(f[i] == w for f, (*_, h), ws in zip(full, docs, win) for i, w in zip(h, ws))
    return pd.DataFrame([
        {"mode": "every token", "articles": len(docs), "tokens": n_tokens, "tagged for": n_tokens,
         "seconds": t_full, "tokens_per_second": n_tokens / t_full, "agreement": 1.0},
        {"mode": f"windows of {width} around reporting-verb terms", "articles": len(docs),
         "tokens": n_tokens, "tagged for": n_hits, "seconds": t_win,
         "tokens_per_second": n_tokens / t_win, "agreement": same / n_hits if n_hits else 1.0},
    ])


def _write_model(tagger: Tagger, out: Path, command: str, data_home: str | None,
                 pruning: dict[str, Any]) -> None:
    import nltk

    payload = json.dumps(tagger.to_json(), sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as f:  # mtime 0: the same model gives the same bytes
        f.write(payload)
    test = read_treebank("test", data_home)
    accuracy = {}
    for view in ("treebank", "framing"):
        right, total = _accuracy(tagger, test, view)
        accuracy[f"ewt_test_{view}_tokens"] = {"tokens": total, "accuracy": round(right / total, 4)}
    sidecar = dict(SIDECAR)
    sidecar.update({
        "name": MODEL_NAME,
        "file": out.name,
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "bytes": out.stat().st_size,
        "features": len(tagger.perceptron.model.weights),
        "weights": sum(len(v) for v in tagger.perceptron.model.weights.values()),
        "training": {"command": command, "date": _dt.date.today().isoformat(), "nltk": nltk.__version__,
                     "scheme": "framing", "features": tagger.features, "n_iter": N_ITER,
                     "random_state": 0, **pruning},
        "accuracy": accuracy,
    })
    lexicon = tagger.to_json().get("lexicon")
    if lexicon is not None:
        classes = lexicon["word_classes"]
        sidecar["lexicon"] = {
            **LEXICON_PROVENANCE,
            **{f"word_classes_{k}": v for k, v in classes.items() if k not in ("classes", "corpora")},
        }
    side = out.with_name(out.name.removesuffix(".gz").removesuffix(".json") + ".json")
    old = json.loads(side.read_text(encoding="utf-8")) if side.is_file() else {}
    side.write_text(json.dumps({**old, **sidecar}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")




def _markdown(frame: pd.DataFrame) -> str:
    """A table as GitHub Markdown, floats to four decimals (for ``docs/tagger.md``)."""
    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + " --- |" * len(frame.columns)]
    for row in frame.itertuples(index=False, name=None):
        lines.append("| " + " | ".join(f"{v:.4f}" if isinstance(v, float) else str(v) for v in row) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m framing.evaluation.tagger {train,report}``."""
    p = argparse.ArgumentParser(prog="python -m framing.evaluation.tagger")
    p.add_argument("what", choices=["train", "report"])
    p.add_argument("--data-home", default=None, metavar="DIR")
    p.add_argument("--out", default=f"framing/data/{MODEL_NAME}.json.gz", metavar="FILE")
    p.add_argument("--min-weight", type=float, default=0.5, metavar="W",
                   help="train: drop averaged weights below W in magnitude")
    p.add_argument("--decimals", type=int, default=1, metavar="N", help="train: round weights to N decimals")
    args = p.parse_args(argv)
    if args.what == "train":
        tagger = train_tagger(args.data_home, min_weight=args.min_weight, decimals=args.decimals)
        command = (f"nice python -m framing.evaluation.tagger train --data-home DIR --out {args.out} "
                   f"--min-weight {args.min_weight} --decimals {args.decimals}")
        _write_model(tagger, Path(args.out), command, args.data_home,
                     {"min_weight": args.min_weight, "decimals": args.decimals})
        return 0
    for title, table in (
        ("Training schemes", evaluate_tagger(args.data_home, schemes=SCHEMES)),
        ("Shipped model", evaluate_tagger(args.data_home)),
        ("Reporting verbs", reporting_verb_table(args.data_home)),
        ("Speed", tagging_speed(args.data_home)),
    ):
        sys.stdout.write(f"\n## {title}\n\n{_markdown(table)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
