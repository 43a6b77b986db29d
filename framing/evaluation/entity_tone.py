"""The entity-mention tone model: built on NewsMTSC train, scored on both dev sets.

The model of :mod:`framing.tone.entities` scores an entity's mention from
what the pipeline already holds (the document's tokens and lexicon hits, the
tone family's VADER words). Its features are computed here exactly as the
pipeline computes them: each NewsMTSC sentence becomes a document through the
analyzer's text and lexicon stages, its sentence is scored by
:func:`~framing.tone.vader.score_and_explain`, and
:func:`~framing.tone.entities.mention_features` reads them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..pipeline import Analyzer, Document
from ..readers import Article
from ..tone.entities import ENTITY_DENSE_NAMES, entity_model, mention_features
from ..tone.target_training import cross_validate, fit_from_features
from ..tone.vader import score_and_explain
from .tone import newsmtsc_provenance, read_newsmtsc, write_model

__all__ = ["build_entity_model", "entity_predictions", "featurize_mentions"]

_CLASSES = ("negative", "neutral", "positive")


def featurize_mentions(records: Sequence[dict[str, Any]]) -> tuple[list[list[float]], list[list[str]]]:
    """The dense rows (:data:`ENTITY_DENSE_NAMES` order) and terms of NewsMTSC targets."""
    stage = Analyzer().lexicon_stage
    dense: list[list[float]] = []
    terms: list[list[str]] = []
    docs: dict[str, tuple[Document, list[int]]] = {}
    for r in records:
        text, start, end = r["sentence"], int(r["from"]), int(r["to"])
        if text not in docs:
            doc = Document.from_article(Article.from_text(text))
            stage.annotate(doc)
            docs[text] = (doc, [s.start for s in doc.sentences])
        doc, starts = docs[text]
        k = max(bisect_right(starts, start) - 1, 0)
        s = doc.sentences[k]
        compound, words = score_and_explain(text[s.start:s.end], s.start)
        d, t = mention_features(doc, k, words, compound, doc.matches, start, min(end, s.end))
        dense.append([d.get(n, 0.0) for n in ENTITY_DENSE_NAMES])
        terms.append(t)
    return dense, terms


def entity_predictions(records: Sequence[dict[str, Any]]) -> list[str]:
    """The shipped entity model's label of each NewsMTSC target."""
    model = entity_model()
    dense, terms = featurize_mentions(records)
    out = []
    for row, t in zip(dense, terms):
        p = model.proba_from_features(dict(zip(ENTITY_DENSE_NAMES, row)), t)
        out.append(_CLASSES[max(range(3), key=p.__getitem__)])
    return out


def build_entity_model(data_home: str | Path, out: str | Path, *,
                       candidates: tuple[float, ...] = (1.0, 3.0, 10.0)) -> dict[str, Any]:
    """Fit the entity-mention model on NewsMTSC train (``C`` by grouped CV there) and write it to ``out``."""
    records = read_newsmtsc(data_home, "train")
    polarities = [int(r["polarity"]) for r in records]
    groups = [r["sentence"] for r in records]
    dense, terms = featurize_mentions(records)
    y = [{-1: 0, 0: 1, 1: 2}[p] for p in polarities]
    cv = {str(c): round(cross_validate(dense, terms, y, groups, C=c)[0], 4) for c in candidates}
    C = float(max(candidates, key=lambda c: cv[str(c)]))
    provenance = newsmtsc_provenance("tone-entities-newsmtsc", len(records), cv,
                                     features="framing.tone.entities.mention_features (no part-of-speech tags)")
    model = fit_from_features(dense, terms, polarities, groups, names=ENTITY_DENSE_NAMES, C=C,
                              provenance=provenance)
    write_model(model, out)
    return model
