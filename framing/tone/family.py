"""The tone family: scores each sentence and each quote of a document, then aggregates them.

It reads the document through :class:`ToneDocument` (its text, sentences and
quotes) and writes ``doc.tone``; the pipeline's
:class:`~framing.pipeline.document.Document` is one, so the family is a
single entry of :data:`framing.pipeline.families.COMPONENTS` and this
package never imports the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..attribution import Quote
from ..lexicon import Lexicon
from ..text import Sentence
from .features import DocumentTone, tone_feature_names, tone_features
from .vader import vader_analyzer

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


class ToneFamily:
    """Sentence and quote tone with VADER (:mod:`framing.tone.vader`).

    Runs after attribution: each sentence and each quote's content span gets
    VADER's compound score (``doc.tone``), and :func:`tone_features`
    aggregates them per article, per voice (author or quoted) and per quoted
    source category.

    Parameters
    ----------
    lexicons : sequence of Lexicon, default=()
        The analyzer's lexicons; tone does not read them (VADER has its own).

    Examples
    --------
    >>> from dataclasses import dataclass, field
    >>> from framing.text import split_sentences
    >>> @dataclass
    ... class Doc:
    ...     text: str
    ...     sentences: list = field(default_factory=list)
    ...     quotes: list = field(default_factory=list)
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

    def feature_names(self) -> list[str]:
        return tone_feature_names()

    def annotate(self, doc: ToneDocument) -> None:
        polarity = vader_analyzer().polarity_scores
        seen: dict[str, float] = {}  # quotes repeat sentences and each other

        def score(span: str) -> float:
            value = seen.get(span)
            if value is None:
                value = seen[span] = float(polarity(span)["compound"])
            return value

        text = doc.text
        doc.tone = DocumentTone(
            tuple(score(text[s.start:s.end]) for s in doc.sentences),
            tuple(score(q.text) for q in doc.quotes),
        )

    def aggregate(self, doc: ToneDocument) -> dict[str, float]:
        tone = doc.tone if doc.tone is not None else DocumentTone()
        return tone_features(doc.sentences, doc.quotes, tone)
