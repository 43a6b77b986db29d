"""Source attribution: quotes, speakers, reporting verbs (cues) and their stance.

Rule based and offline (no parser, no model download). One module per stage:

1. **Quote marks** (:mod:`~framing.attribution.marks`). One linear pass over
   the quote marks of the text pairs openers and closers; an unclosed quote is
   left out, a stray closer is ignored, nothing ever raises
   (:func:`quote_spans`).
2. **Cues** (:mod:`~framing.attribution.cues`). Reporting verbs from the
   shipped ``reporting_verbs`` lexicon (the stance is its category, the lemma
   its ``lemma`` column), "according to", and colons after a name
   ("TRUMP: ..."). A hit is kept where the tagger reads it as a verb ("a
   report" is not); a verb that reports nothing ("the alleged plot", "sales
   declined": :mod:`~framing.attribution.senses`) stays a verb but is no cue.
   Naming verbs before a scare quote ("labelled it a “stooge”") and
   boilerplate sentences are found by :mod:`~framing.attribution.naming`.
3. **Speaker** (:mod:`~framing.attribution.phrases`,
   :mod:`~framing.attribution.speakers`). The subject left of the cue ("Smith
   said", with auxiliaries, adverbs and appositives), else the phrase right of
   it ("said Smith", "according to officials"); short mentions and pronouns
   are linked to the fullest mention, which gives the source category.
4. **Content** (:mod:`~framing.attribution.content`). A quote next to the cue
   ("..." Smith said / Smith said: "..."); a clause after the cue (optionally
   after "that", an addressee: "told reporters that", or a time: "announced on
   Thursday that"); a clause before "..., Smith said." The content is
   ``direct`` when it is only quoted text, ``mixed`` when it contains a quote
   and reported words, ``indirect`` when it has no quote marks.
5. **Quotes without a cue** (:mod:`~framing.attribution.quotes`, with the
   walk of :func:`find_quotes`). A quoted sentence with no cue of its own
   continues the most recent attributed speaker in the same or the previous
   paragraph (its ``cue`` is ``None``). Other quoted words with no speaker
   (scare quotes, titles) are not quotes.
6. **Features** (:mod:`~framing.attribution.features`): the per-article
   aggregates of :func:`attribution_features`.

The records (:class:`Quote`, :class:`Speaker`, :class:`Cue`) are in
:mod:`~framing.attribution.records`; the per-text state the stages share
(tokens, sentences, quote spans and their lookups) in
:mod:`~framing.attribution.doc`.

Offsets are ``str`` indices into the text: ``text[q.start:q.end] == q.text``,
and the same holds for speaker and cue spans. Quality on the PolNeAR corpus is
measured by :func:`framing.evaluation.attribution.evaluate_attribution`.
"""

from __future__ import annotations

from ..types import QuoteKind as QuoteKind
from .content import MAX_CLAUSE_CHARS as MAX_CLAUSE_CHARS
from .features import attribution_features
from .marks import quote_spans
from .quotes import find_quotes
from .records import SOURCE_CATEGORIES, STANCES, Cue, Entity, Quote, Speaker

__all__ = [
    "SOURCE_CATEGORIES",
    "STANCES",
    "Cue",
    "Entity",
    "Quote",
    "Speaker",
    "attribution_features",
    "find_quotes",
    "quote_spans",
]
