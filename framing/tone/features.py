"""Tone features: one row of sentence and quote tone aggregates per article."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..attribution import SOURCE_CATEGORIES, Entity, Quote
from ..text import Sentence
from .entities import EntityTone
from .vader import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

__all__ = ["DocumentTone", "quoted_sentences", "tone_feature_names", "tone_features"]


@dataclass(frozen=True, slots=True)
class DocumentTone:
    """The tone annotations of one document.

    Attributes
    ----------
    sentences : tuple of float
        VADER's compound score of each sentence, parallel to the document's
        sentences.
    quotes : tuple of float
        The compound score of each quote's content span (``quote.text``),
        parallel to the document's quotes.
    entities : tuple of EntityTone
        The tone toward each entity, parallel to the document's entities
        (:func:`~framing.tone.entities.entity_tones`).
    """

    sentences: tuple[float, ...] = ()
    quotes: tuple[float, ...] = ()
    entities: tuple[EntityTone, ...] = ()


def tone_feature_names() -> list[str]:
    """The ``tone__*`` feature names, in table order (always the same set).

    Examples
    --------
    >>> names = tone_feature_names()
    >>> names[:6]
    ['tone__mean', 'tone__negative_share', 'tone__positive_share', 'tone__author_mean', 'tone__quoted_mean', 'tone__quotes_mean']
    >>> names[6:8]
    ['tone__quotes_government_mean', 'tone__quotes_military_mean']
    """
    return [
        "tone__mean", "tone__negative_share", "tone__positive_share",
        "tone__author_mean", "tone__quoted_mean", "tone__quotes_mean",
        *(f"tone__quotes_{cat}_mean" for cat in SOURCE_CATEGORIES),
        "tone__toward_mean",
        *(f"tone__toward_{cat}_mean" for cat in SOURCE_CATEGORIES),
    ]


def quoted_sentences(sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> list[bool]:
    """Which sentences are quoted: those that overlap the content span of a quote.

    A quote is what :func:`~framing.attribution.find_quotes` returns: direct,
    indirect or mixed speech with a speaker. So a sentence that reports
    speech ("Smith said the plan failed.", '"It failed," Smith said.') is
    quoted, with its attribution words; a sentence whose quote marks hold no
    attributed speech (scare quotes, titles) is the author's. Every other
    sentence is the author's.

    Examples
    --------
    >>> from framing.attribution import find_quotes
    >>> from framing.text import split_sentences, tokenize
    >>> text = 'The vote was close. "It was a disgrace," Smith said.'
    >>> sents = split_sentences(text)
    >>> quoted_sentences(sents, find_quotes(text, sents, tokenize(text)))
    [False, True]
    """
    merged: list[list[int]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if q.end <= q.start:
            continue
        if merged and q.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], q.end)
        else:
            merged.append([q.start, q.end])
    ends = [e for _, e in merged]
    out: list[bool] = []
    for s in sentences:
        k = bisect_left(ends, s.start + 1)  # the first span ending after the sentence starts
        out.append(k < len(merged) and merged[k][0] < s.end)
    return out


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def tone_features(
    sentences: Sequence[Sentence], quotes: Sequence[Quote], tone: DocumentTone,
    entities: Sequence[Entity] = (),
) -> dict[str, float]:
    """Per-article tone features, named ``tone__<feature>``.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences.
    quotes : sequence of Quote
        The article's quotes (:func:`~framing.attribution.find_quotes`).
    tone : DocumentTone
        The compound score of each sentence and of each quote, and the tone
        toward each entity.
    entities : sequence of Entity, default=()
        The article's entities, parallel to ``tone.entities``.

    Returns
    -------
    dict of str to float
        Always the keys of :func:`tone_feature_names`. A mean over nothing
        is 0.0, VADER's score of a text without sentiment words, so the table
        stays finite (for models and for strict JSON); the attribution
        features (``attribution__quotes_count``,
        ``attribution__source_<category>_share_of_quotes``) tell an empty group from a
        neutral one.

        * ``mean``: mean sentence compound;
        * ``negative_share``, ``positive_share``: share of sentences with a
          compound ``<= -0.05`` and ``>= 0.05`` (VADER's thresholds);
        * ``author_mean``, ``quoted_mean``: mean compound of the author's
          sentences and of the quoted ones (:func:`quoted_sentences`);
        * ``quotes_mean``: mean compound of the quotes' content spans;
        * ``quotes_<category>_mean``: the same over the quotes whose speaker
          has that source category (a category outside
          :data:`~framing.attribution.SOURCE_CATEGORIES` counts as ``other``;
          quotes without a speaker are only in ``quotes_mean``);
        * ``toward_mean``: mean tone toward the entities (people,
          organisations, groups) the article speaks of, each entity once
          (:class:`~framing.tone.entities.EntityTone`, in ``[-1, 1]``);
        * ``toward_<category>_mean``: the same over the entities of that
          source category ("House Speaker Nancy Pelosi" is ``government``;
          an entity with no role evidence is ``other``).

    Examples
    --------
    >>> from framing.attribution import find_quotes
    >>> from framing.text import split_sentences, tokenize
    >>> from framing.tone import sentence_tone
    >>> text = "The vote was close. The senator said the result was a disgrace."
    >>> sents = split_sentences(text)
    >>> quotes = find_quotes(text, sents, tokenize(text))
    >>> tone = DocumentTone(tuple(sentence_tone(text[s.start:s.end]) for s in sents),
    ...                     tuple(sentence_tone(q.text) for q in quotes))
    >>> f = tone_features(sents, quotes, tone)
    >>> f["tone__author_mean"], f["tone__quoted_mean"], f["tone__quotes_government_mean"]
    (0.0, -0.4939, -0.4939)
    >>> f["tone__negative_share"]
    0.5
    """
    feats = dict.fromkeys(tone_feature_names(), 0.0)
    scores = tone.sentences
    if scores:
        n = float(len(scores))
        feats["tone__mean"] = sum(scores) / n
        feats["tone__negative_share"] = sum(c <= NEGATIVE_THRESHOLD for c in scores) / n
        feats["tone__positive_share"] = sum(c >= POSITIVE_THRESHOLD for c in scores) / n
        quoted = quoted_sentences(sentences, quotes)
        feats["tone__author_mean"] = _mean([c for c, q in zip(scores, quoted) if not q])
        feats["tone__quoted_mean"] = _mean([c for c, q in zip(scores, quoted) if q])
    feats["tone__quotes_mean"] = _mean(tone.quotes)
    by_category: dict[str, list[float]] = {}
    for q, c in zip(quotes, tone.quotes):
        if q.speaker is not None:
            cat = q.speaker.category if q.speaker.category in SOURCE_CATEGORIES else "other"
            by_category.setdefault(cat, []).append(c)
    for cat, values in by_category.items():
        feats[f"tone__quotes_{cat}_mean"] = _mean(values)
    toward: dict[str, list[float]] = {}
    for e, t in zip(entities, tone.entities):
        if t.tone is not None:
            cat = e.category if e.category in SOURCE_CATEGORIES else "other"
            toward.setdefault(cat, []).append(t.tone)
    feats["tone__toward_mean"] = _mean([v for values in toward.values() for v in values])
    for cat, values in toward.items():
        feats[f"tone__toward_{cat}_mean"] = _mean(values)
    return feats
