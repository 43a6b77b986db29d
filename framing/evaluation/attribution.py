"""Measure :func:`framing.attribution.find_quotes` against PolNeAR.

PolNeAR (Newell, Margolin & Ruths, "An attribution relations corpus for
political news", LREC 2018) annotates attribution relations in US political
news (2015-16, seven outlets) as brat standoff: ``Source``, ``Cue`` and
``Content`` spans joined by an ``Attribution`` event. Its notion of
attribution is broad: beliefs, intentions and evaluations ("Democrats
*believe* ...", "Trump *slammed* Bush") count as well as speech, so a
speech-centred system is also scored on the ``speech`` subset, the gold
attributions whose cue contains a reporting verb, "according to" or a colon.

Scoring, per role (Source, Cue, Content):

* **exact**: a predicted span equals a gold span of the same role, after
  trimming whitespace and ``, ; : .`` at both ends (discontinuous spans
  compare fragment by fragment);
* **overlap**: a predicted span overlaps a gold span of the same role by at
  least half of the shorter of the two (in characters).

Precision is the share of predicted spans that match some gold span (any gold
attribution, whatever the subset); recall the share of gold spans (of the
subset) matched by some predicted span. **Speaker accuracy**: among predicted
attributions whose content overlaps a gold content (overlap rule) whose gold
attribution has a source, the share whose predicted speaker overlaps that
gold source.

Predicted quotes sharing one cue form one predicted attribution (an
interrupted quote, "A," she said, "B.", is one discontinuous content in
PolNeAR, whose second part is the event's ``Content2``), and so does a quote without a cue that continues the speaker of
the attribution before it ('"A," she said. "B."'), as PolNeAR annotates it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from ..attribution import find_quotes
from ..datasets import load_polnear
from ..lexicon import load_lexicon
from ..pipeline.progress import track
from ..text import split_sentences, tokenize

__all__ = ["evaluate_attribution", "evaluate_categories", "read_polnear"]

Span = tuple[tuple[int, int], ...]
_ROLES = ("Source", "Cue", "Content")
_EDGE = " \t\n\r,;:."


@dataclass
class GoldAttribution:
    """One gold attribution relation: fragment spans per role (empty when absent)."""

    source: Span = ()
    cue: Span = ()
    content: Span = ()


@dataclass
class GoldDocument:
    """A PolNeAR article with one annotator's attributions."""

    name: str
    annotator: str
    text: str
    spans: dict[str, set[Span]] = field(default_factory=dict)
    attributions: list[GoldAttribution] = field(default_factory=list)


def read_polnear(
    data_home: str | os.PathLike[str] | None = None,
    split: Literal["train", "dev", "test"] = "dev",
    *,
    annotators: Literal["first", "all"] = "first",
) -> Iterator[GoldDocument]:
    """Yield the annotated PolNeAR articles of ``split`` with their gold attributions.

    The corpus is read by :func:`framing.datasets.load_polnear` (with
    ``fragments=True``); this only groups its rows into one
    :class:`GoldDocument` per article and annotator, in the order of the
    article ids. Articles without an annotation file are left out.

    Parameters
    ----------
    data_home : str or path-like, optional
        The folder holding ``polnear/``; see
        :func:`framing.datasets.get_data_home`.
    split : {"train", "dev", "test"}
        Which part of the corpus.
    annotators : {"first", "all"}
        Articles annotated by several people have one ``.ann`` file each;
        ``"first"`` keeps the first annotator (by id), ``"all"`` yields one
        document per annotator.
    """
    articles, fragments = load_polnear(data_home, split=split, annotator=annotators, fragments=True)
    fragments = fragments[fragments["label"].isin(_ROLES)]
    # per (article, annotator): span id -> (label, fragments); (relation, role) -> fragments
    spans: dict[tuple[str, str], dict[str, tuple[str, set[tuple[int, int]]]]] = {}
    relations: dict[tuple[str, str], dict[str, dict[str, list[tuple[int, int]]]]] = {}
    for art, who, tid, label, start, end, event, role in zip(
        fragments["id"], fragments["annotator"], fragments["span"], fragments["label"],
        fragments["start"].tolist(), fragments["end"].tolist(), fragments["attribution"],
        fragments["role"],
    ):
        key = (art, who)
        spans.setdefault(key, {}).setdefault(tid, (label, set()))[1].add((start, end))
        if not pd.isna(event):
            # PolNeAR's Content2 continues Content: one discontinuous span
            roles = relations.setdefault(key, {}).setdefault(event, {})
            roles.setdefault(role, []).append((start, end))
    for name, text, kept in zip(articles.index, articles["text"], articles["annotators"]):
        if pd.isna(kept):
            continue
        for annotator in kept.split("|"):
            key = (name, annotator)
            doc = GoldDocument(name, annotator, text, {r: set() for r in _ROLES})
            for label, frags in spans.get(key, {}).values():
                doc.spans[label].add(tuple(sorted(frags)))
            for roles in relations.get(key, {}).values():
                doc.attributions.append(
                    GoldAttribution(
                        *(tuple(sorted(roles.get(r, ()))) for r in ("source", "cue", "content"))
                    )
                )
            yield doc


# ---------------------------------------------------------------------------
# scoring


def _trimmed(text: str, span: Span) -> Span:
    out = []
    for s, e in span:
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _length(span: Span) -> int:
    return sum(e - s for s, e in span)


def _intersection(a: Span, b: Span) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def _overlaps(a: Span, b: Span) -> bool:
    if not a or not b:
        return False
    shorter = min(_length(a), _length(b))
    return shorter > 0 and 2 * _intersection(a, b) >= shorter


@dataclass
class _Counts:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0


def _score(
    text: str,
    pred: set[Span],
    gold_all: set[Span],
    gold_eval: set[Span],
    counts: dict[str, _Counts],
) -> None:
    exact_all = {_trimmed(text, g) for g in gold_all}
    pred_trim = {_trimmed(text, p) for p in pred}
    for mode in ("exact", "overlap"):
        c = counts[mode]
        c.n_pred += len(pred)
        c.n_gold += len(gold_eval)
        if mode == "exact":
            c.tp_pred += sum(1 for p in pred if _trimmed(text, p) in exact_all)
            c.tp_gold += sum(1 for g in gold_eval if _trimmed(text, g) in pred_trim)
        else:
            c.tp_pred += sum(1 for p in pred if any(_overlaps(p, g) for g in gold_all))
            c.tp_gold += sum(1 for g in gold_eval if any(_overlaps(p, g) for p in pred))


def _is_speech_cue(text: str, span: Span) -> bool:
    words = set(tokenize(" ".join(text[s:e] for s, e in span)).norms)
    if not words or ":" in "".join(text[s:e] for s, e in span):
        return True
    return bool(words & _speech_words()) or {"according", "to"} <= words


_SPEECH: set[str] = set()


def _speech_words() -> set[str]:
    if not _SPEECH:
        for entry in load_lexicon("reporting_verbs"):
            if len(entry.words) == 1 and entry.extra.get("act", "speech") == "speech":
                _SPEECH.add(entry.words[0])  # belief verbs (the lexicon's act column) are not speech
    return _SPEECH


def evaluate_attribution(
    data_home: str | os.PathLike[str] | None = None,
    split: Literal["train", "dev", "test"] = "dev",
    *,
    gold: Literal["all", "speech"] = "all",
    annotators: Literal["first", "all"] = "first",
    limit: int | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of quote detection on PolNeAR.

    Parameters
    ----------
    data_home : str or path-like, optional
        The folder holding ``polnear/``; see
        :func:`framing.datasets.get_data_home`.
    split : {"dev", "train", "test"}
        Develop on ``train``, report on ``dev``.
    gold : {"all", "speech"}
        Recall over all gold attributions, or only those whose cue holds a
        reporting verb, "according to" or a colon. Precision always counts
        a prediction as right when it matches any gold span.
    annotators : {"first", "all"}
        For articles with several annotators: score against the first only,
        or against each (the article then counts once per annotator).
    limit : int, optional
        Score only the first ``limit`` articles (for quick checks).

    Returns
    -------
    DataFrame
        One row per ``role`` (Source, Cue, Content) and ``match`` (exact,
        overlap) with ``precision``, ``recall``, ``f1``, ``n_pred``,
        ``n_gold``, and a last row ``role="Speaker"``, ``match="accuracy"``
        whose ``accuracy`` column holds the speaker accuracy (``n_gold`` is
        the number of correctly found quotes it is computed on).

    Examples
    --------
    Without the data (see :func:`framing.datasets.get_data_home`) the
    example below only shows the columns it would print.

    >>> from framing.datasets import get_data_home
    >>> home = get_data_home()
    >>> if (home / "polnear" / "dev" / "attributions").is_dir():
    ...     columns = evaluate_attribution(home, "dev", limit=2).columns.tolist()
    ... else:
    ...     columns = ["role", "match", "precision", "recall", "f1", "n_pred", "n_gold", "accuracy"]
    >>> columns
    ['role', 'match', 'precision', 'recall', 'f1', 'n_pred', 'n_gold', 'accuracy']
    """
    if gold not in ("all", "speech"):
        raise ValueError(f"The 'gold' parameter must be 'all' or 'speech'. Got {gold!r} instead.")
    counts = {r: {"exact": _Counts(), "overlap": _Counts()} for r in _ROLES}
    speaker_ok = speaker_n = 0
    docs = track(read_polnear(data_home, split, annotators=annotators), desc=f"PolNeAR {split}", unit="document",
                 total=limit)
    for n_docs, doc in enumerate(docs):
        if limit is not None and n_docs >= limit:
            break
        text = doc.text
        quotes = find_quotes(text, split_sentences(text), tokenize(text))
        # predicted attributions: quotes grouped by cue
        groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
        sources: dict[tuple[int, int], Span] = {}
        pred: dict[str, set[Span]] = {r: set() for r in _ROLES}
        last_cue: dict[tuple[int, int], tuple[int, int]] = {}  # speaker span -> its last cue
        for q in quotes:
            if q.cue is None:
                # a quoted sentence continuing a speaker: part of that attribution
                sp = None if q.speaker is None else (q.speaker.start, q.speaker.end)
                if sp in last_cue:
                    groups[last_cue[sp]].append((q.start, q.end))
                else:
                    pred["Content"].add(((q.start, q.end),))
                continue
            pred["Content"].add(((q.start, q.end),))
            key = (q.cue.start, q.cue.end)
            groups.setdefault(key, []).append((q.start, q.end))
            if q.speaker is not None:
                sources[key] = ((q.speaker.start, q.speaker.end),)
                last_cue[(q.speaker.start, q.speaker.end)] = key
        for key, parts in groups.items():
            content = tuple(sorted(set(parts)))
            pred["Cue"].add((key,))
            if len(content) > 1:
                pred["Content"] -= {(p,) for p in content}
                pred["Content"].add(content)
            if key in sources:
                pred["Source"].add(sources[key])
        evaluated = doc.attributions
        if gold == "speech":
            evaluated = [a for a in evaluated if a.cue and _is_speech_cue(text, a.cue)]
        for role, attr in (("Source", "source"), ("Cue", "cue"), ("Content", "content")):
            gold_eval = {getattr(a, attr) for a in evaluated if getattr(a, attr)}
            _score(text, pred[role], doc.spans[role], gold_eval, counts[role])
        # speaker accuracy on correctly found quotes
        for key, parts in groups.items():
            content = tuple(sorted(set(parts)))
            match = [a for a in evaluated if a.content and _overlaps(content, a.content)]
            match = [a for a in match if a.source]
            if not match:
                continue
            speaker_n += 1
            src = sources.get(key)
            if src is not None and any(_overlaps(src, a.source) for a in match):
                speaker_ok += 1
    rows = []
    for role in _ROLES:
        for mode in ("exact", "overlap"):
            c = counts[role][mode]
            p = c.tp_pred / c.n_pred if c.n_pred else 0.0
            r = c.tp_gold / c.n_gold if c.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append(
                {
                    "role": role,
                    "match": mode,
                    "precision": p,
                    "recall": r,
                    "f1": f,
                    "n_pred": c.n_pred,
                    "n_gold": c.n_gold,
                    "accuracy": float("nan"),
                }
            )
    rows.append(
        {
            "role": "Speaker",
            "match": "accuracy",
            "precision": float("nan"),
            "recall": float("nan"),
            "f1": float("nan"),
            "n_pred": speaker_n,
            "n_gold": speaker_n,
            "accuracy": speaker_ok / speaker_n if speaker_n else 0.0,
        }
    )
    return pd.DataFrame(rows)


def evaluate_categories(
    data_home: str | os.PathLike[str] | None = None, *, n_articles: int = 1000, random_state: int = 0
) -> pd.DataFrame:
    """Source-category shares of the quotes in a sample of AllSides articles.

    There is no gold category on AllSides; the share of quotes whose
    speaker's category is ``other`` (nothing in the article says who the
    source is) measures how often entity linking finds the role. The
    hand-checked sample in ``docs/attribution.md`` measures whether the
    categories given are right.

    Parameters
    ----------
    data_home : str or path-like, optional
        The folder holding ``allsides/``; see :func:`framing.datasets.get_data_home`.
    n_articles : int, default=1000
        Size of the reproducible random sample (:func:`framing.datasets.load_allsides`).
    random_state : int, default=0
        Seed of the sample.

    Returns
    -------
    DataFrame
        One row per ``category`` (``none`` for quotes without a speaker)
        with ``quotes`` and ``share`` (of all quotes), most frequent first;
        ``"none: with a cue"``, the part of ``none`` that has a reporting cue
        (the rest are quotations no attribution took, and quotes continued
        without a cue take their speaker from the one before); then three rows with shares of the quotes with a speaker:
        ``"other (of quotes with a speaker)"``, and its two parts,
        ``"other: documents and data ..."`` (a speaker that is a text or
        data, "the report", by the ``documents`` gazetteer of
        :mod:`framing.attribution.gazetteers`; the source categories have no
        document category) and ``"other: not documents ..."``.
    """
    from ..attribution.gazetteers import document_head
    from ..datasets import load_allsides
    from ..pipeline import Analyzer

    articles = load_allsides(data_home, n_articles=n_articles, random_state=random_state,
                             columns=["text"])
    analyzer = Analyzer()
    counts: dict[str, int] = {}
    documents = cued = 0
    for text in articles["text"]:
        for q in analyzer(text).quotes:
            key = "none" if q.speaker is None else q.speaker.category
            counts[key] = counts.get(key, 0) + 1
            cued += q.speaker is None and q.cue is not None
            if key == "other" and q.speaker is not None and document_head(q.speaker.text):
                documents += 1
    total = sum(counts.values())
    rows = [{"category": c, "quotes": k, "share": k / total if total else 0.0}
            for c, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows.append({"category": "none: with a cue", "quotes": cued, "share": cued / total if total else 0.0})
    spoken = total - counts.get("none", 0)
    other = counts.get("other", 0)
    for name, k in (("other (of quotes with a speaker)", other),
                    ("other: documents and data (of quotes with a speaker)", documents),
                    ("other: not documents (of quotes with a speaker)", other - documents)):
        rows.append({"category": name, "quotes": k, "share": k / spoken if spoken else 0.0})
    return pd.DataFrame(rows)
