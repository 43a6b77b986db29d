"""The tone family: scores each sentence and each quote of a document, then aggregates them.

It reads the document through :class:`ToneDocument` (its text, sentences and
quotes) and writes ``doc.tone``; the pipeline's
:class:`~framing.pipeline.document.Document` is one, so the family is a
single entry of :data:`framing.pipeline.families.COMPONENTS` and this
package never imports the pipeline.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from ..attribution import Entity, Quote
from ..lexicon import Lexicon, Match
from ..text import Sentence, Tokens
from .entities import EntityTone, SentenceWords, entity_tones
from .features import DocumentTone, tone_feature_names, tone_features
from .vader import rules, score_and_explain

__all__ = ["ToneDocument", "ToneFamily"]


class ToneDocument(Protocol):
    """What the tone family reads from a document, and the ``tone`` layer it writes."""

    tone: DocumentTone | None

    @property
    def text(self) -> str: ...

    @property
    def sentences(self) -> Sequence[Sentence]: ...

    @property
    def quotes(self) -> Sequence[Quote]: ...

    @property
    def tokens(self) -> Tokens: ...

    @property
    def matches(self) -> Sequence[Match]: ...

    @property
    def entities(self) -> Sequence[Entity]: ...


class ToneFamily:
    """Sentence and quote tone with VADER (:mod:`framing.tone.vader`).

    Runs after attribution: each sentence and each quote's content span gets
    VADER's compound score (``doc.tone``), each entity the tone toward it
    (:func:`~framing.tone.entities.entity_tones`, from the VADER words of
    the same pass over the sentences), and :func:`tone_features` aggregates
    them per article, per voice (author or quoted), per quoted source
    category and per category of the entities spoken of.

    Parameters
    ----------
    lexicons : sequence of Lexicon, default=()
        The analyzer's lexicons. Entity tone reads the document's
        ``loaded_language`` and ``reporting_verbs`` hits; without one of
        them among the analyzer's lexicons, it matches the shipped ones
        itself (only in documents that have entities).

    Examples
    --------
    >>> from dataclasses import dataclass, field
    >>> from framing.text import split_sentences
    >>> @dataclass
    ... class Doc:
    ...     text: str
    ...     sentences: list = field(default_factory=list)
    ...     quotes: list = field(default_factory=list)
    ...     entities: list = field(default_factory=list)
    ...     matches: list = field(default_factory=list)
    ...     tokens: object = None
    ...     tone: DocumentTone | None = None
    >>> doc = Doc("A brave rescue. A terrible crash.")
    >>> doc.sentences = split_sentences(doc.text)
    >>> family = ToneFamily()
    >>> family.annotate(doc)
    >>> doc.tone.sentences
    (0.7717, -0.7003)
    >>> family.aggregate(doc)["tone__positive_share"]
    0.5
    """

    name = "tone"

    def __init__(self, lexicons: Sequence[Lexicon] = ()) -> None:
        self.lexicons = tuple(lexicons)
        names = {lex.name for lex in self.lexicons}
        self._own_hits = not {"loaded_language", "reporting_verbs"} <= names

    def feature_names(self) -> list[str]:
        return tone_feature_names()

    def annotate(self, doc: ToneDocument) -> None:
        compound_of = rules().compound
        seen: dict[str, float] = {}  # quotes repeat sentences and each other

        def score(span: str) -> float:
            value = seen.get(span)
            if value is None:
                value = seen[span] = compound_of(span)
            return value

        text, sentences, entities = doc.text, doc.sentences, doc.entities
        mentioned = _mentioned(sentences, entities)
        scores: list[float] = []
        words: list[SentenceWords | None] = []
        for k, s in enumerate(sentences):
            span = text[s.start:s.end]
            if k in mentioned:  # one walk gives the score and the words entity tone reads
                compound, found = score_and_explain(span, s.start)
                seen.setdefault(span, compound)
                scores.append(compound)
                words.append(SentenceWords(compound, tuple(found)))
            else:
                scores.append(score(span))
                words.append(None)
        toward: tuple[EntityTone, ...] = ()
        if entities:
            hits = None
            if self._own_hits:
                from .target_features import _matcher

                hits = _matcher().find(text, doc.tokens)
            toward = entity_tones(doc, entities, words, hits=hits)
        doc.tone = DocumentTone(tuple(scores), tuple(score(q.text) for q in doc.quotes), toward)

    def aggregate(self, doc: ToneDocument) -> dict[str, float]:
        tone = doc.tone if doc.tone is not None else DocumentTone()
        return tone_features(doc.sentences, doc.quotes, tone, doc.entities)


def _mentioned(sentences: Sequence[Sentence], entities: Sequence[Entity]) -> set[int]:
    """The indices of the sentences that hold a mention of an entity."""
    starts = [s.start for s in sentences]
    return {bisect_right(starts, m[0]) - 1 for e in entities for m in e.mentions}
