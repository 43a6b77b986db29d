"""The analyzer: run the stages on one article and keep what they found.

:class:`Analyzer` builds the stages once (compiled lexicons, then the
families with logic of :data:`~framing.pipeline.families.COMPONENTS`) and
passes each article's :class:`~framing.pipeline.document.Document` through
them; :func:`analyze` is the one-call form. An :class:`Analysis` is the
result: the article, its sentences, lexicon matches, quotes and the feature
row, each feature an aggregate of spans in the text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .._version import FEATURE_SCHEMA, __version__
from ..attribution import Entity, Quote
from ..lexicon import Lexicon, Match, available_lexicons, load_lexicon
from ..readers import Article, identify_language, language_warning
from ..text import Sentence
from ..tone import EntityTone, TargetTone, score_targets
from .document import Document
from .families import COMPONENTS, Family, LexiconStage

__all__ = ["Analysis", "Analyzer", "ArticleLike", "LexiconSpec", "analyze"]

logger = logging.getLogger("framing.analyze")

LexiconSpec = str | Lexicon
ArticleLike = str | Article

@dataclass(frozen=True, slots=True)
class Analysis:
    """The analysis of one article.

    ``features`` maps ``<family>__<feature>`` names to numbers: for each
    lexicon category a rate per 1,000 tokens (``loaded_language__pejorative``)
    and a raw count (``loaded_language__pejorative_count``) of hits that are
    not negated; per lexicon ``__total``, ``__total_count`` and
    ``__negated_count``; the attribution and tone features; ``n_tokens``
    and ``n_sentences``. An article with ``error`` set has no features.
    ``sentence_tone`` and ``quote_tone`` are VADER's compound score of each
    sentence and each quote (:mod:`framing.tone`), empty when the tone
    family did not run; ``entity_tone`` the tone toward each of ``entities``
    (:mod:`framing.tone.entities`). ``targets`` is the tone toward each given target
    (:func:`framing.tone.tone_toward`), None when no targets were given. ``language`` is the article's ISO 639 code
    (:func:`~framing.readers.identify_language` unless the article gives
    one); for a language other than English every feature but ``n_tokens``
    and ``n_sentences`` is NaN (missing, not measured) and ``warnings``
    says so.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    matches: tuple[Match, ...]
    quotes: tuple[Quote, ...]
    features: dict[str, float]
    n_tokens: int
    error: str | None
    provenance: dict[str, Any]
    sentence_tone: tuple[float, ...] = ()
    quote_tone: tuple[float, ...] = ()
    targets: tuple[TargetTone, ...] | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    entity_tone: tuple[EntityTone, ...] = ()

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    def to_dict(self, *, text: bool = True, sentences: bool = False) -> dict[str, Any]:
        """The JSONL row for this article (see DESIGN.md, "Contracts")."""
        art = self.article
        row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title, "date": art.date,
                               "url": art.url, "author": art.meta.get("author")}
        if text:
            row["text"] = art.text
        row.update(
            n_tokens=self.n_tokens,
            n_sentences=self.n_sentences,
            features=dict(self.features),
            matches=[m.to_dict() for m in self.matches],
            quotes=[{**q.to_dict(), "tone": _nth(self.quote_tone, i)}
                    for i, q in enumerate(self.quotes)],
            entities=[{**e.to_dict(), **(self.entity_tone[i].to_dict() if i < len(self.entity_tone)
                                         else {"tone": None, "label": None})}
                      for i, e in enumerate(self.entities)],
            error=self.error,
            language=self.language,
            warnings=list(self.warnings),
            provenance=self.provenance,
        )
        if sentences:
            row["sentences"] = [{"start": s.start, "end": s.end, "tone": _nth(self.sentence_tone, i)}
                                for i, s in enumerate(self.sentences)]
        if self.targets is not None:
            row["targets"] = [t.to_dict() for t in self.targets]
        return row

    def _repr_html_(self) -> str:  # pragma: no cover - exercised by the plotting tests
        try:
            from .display import article_html
        except ImportError:
            return f"<pre>{self!r}</pre>"
        return article_html(self)


class Analyzer:
    """A reusable analysis pipeline with compiled lexicons.

    Parameters
    ----------
    lexicons : sequence of str or Lexicon, optional
        Shipped lexicon names or :class:`~framing.lexicon.Lexicon` objects
        (for example from :mod:`framing.lexicon.importers`). Default: every shipped
        lexicon.

    Examples
    --------
    >>> analyzer = Analyzer(["reporting_verbs"])
    >>> result = analyzer("Officials claimed the plan was dead.")
    >>> [(m.text, m.category) for m in result.matches]
    [('claimed', 'distancing')]
    >>> result.features["reporting_verbs__distancing_count"]
    1.0
    """

    def __init__(self, lexicons: Sequence[LexiconSpec] | None = None) -> None:
        specs = list(available_lexicons() if lexicons is None else lexicons)
        if isinstance(lexicons, (str, Lexicon)):
            raise TypeError(
                "The 'lexicons' parameter must be a list of names or Lexicon objects. "
                f"Got a single {type(lexicons).__name__} instead; wrap it in a list."
            )
        self.lexicons = tuple(s if isinstance(s, Lexicon) else load_lexicon(s) for s in specs)
        self.lexicon_stage = LexiconStage(self.lexicons)
        self.matcher = self.lexicon_stage.matcher
        self.families: tuple[Family, ...] = tuple(make(self.lexicons) for make in COMPONENTS.values())
        self.provenance = {
            "framing_version": __version__,
            "feature_schema": FEATURE_SCHEMA,
            "lexicons": {lex.name: lex.version for lex in self.lexicons},
        }
        self.feature_names: list[str] = ["n_tokens", "n_sentences", *self.lexicon_stage.feature_names()]
        for family in self.families:
            self.feature_names += family.feature_names()

    def __call__(self, article: ArticleLike, *, targets: Sequence[Any] | None = None) -> Analysis:
        result = self._run(article)
        if targets is None and "targets" in result.article.meta:
            targets = result.article.meta["targets"]  # a JSONL/JSON record's "targets" field
        if targets is None:
            return result
        return replace(result, targets=score_targets(result.article.text, targets, result.error))

    def _run(self, article: ArticleLike) -> Analysis:
        if isinstance(article, str):
            article = Article.from_text(article)
        elif not isinstance(article, Article):
            raise TypeError(
                f"analyze expects a str or an Article. Got {type(article).__name__} instead."
            )
        if article.error is not None:
            return self._error(article, article.error)
        try:
            return self._analyze(article)
        except Exception as exc:  # a bad article must not stop a corpus run
            logger.exception("analysis of %s failed", article.id)
            return self._error(article, f"analysis failed: {type(exc).__name__}: {exc}")

    def _error(self, article: Article, message: str) -> Analysis:
        return Analysis(article, (), (), (), {}, 0, message, self.provenance,
                        language=article.language)

    def annotate(self, article: Article) -> Document:
        """The article's document after every stage (the annotations, before aggregation)."""
        doc = Document.from_article(article)
        self.lexicon_stage.annotate(doc)
        for family in self.families:
            family.annotate(doc)
        return doc

    def _analyze(self, article: Article) -> Analysis:
        doc = self.annotate(article)
        features: dict[str, float] = dict.fromkeys(self.feature_names, 0.0)
        features["n_tokens"] = float(doc.n_tokens)
        features["n_sentences"] = float(len(doc.sentences))
        features.update(self.lexicon_stage.aggregate(doc))
        for family in self.families:
            features.update(family.aggregate(doc))
        tone = doc.tone
        language = article.language or identify_language(article.text)
        warning = language_warning(language)
        if warning is not None:  # English-only instruments: missing, not zeros that look measured
            logger.warning("%s: %s.", article.id, warning)
            features.update((k, float("nan")) for k in self.feature_names
                            if k not in ("n_tokens", "n_sentences"))
        return Analysis(
            article, tuple(doc.sentences), tuple(doc.matches), tuple(doc.quotes), features,
            doc.n_tokens, None, self.provenance,
            tone.sentences if tone else (), tone.quotes if tone else (),
            entities=tuple(doc.entities), entity_tone=tone.entities if tone else (),
            language=language, warnings=() if warning is None else (warning,),
        )


def _nth(values: tuple[float, ...], i: int) -> float | None:
    return values[i] if i < len(values) else None


@lru_cache(maxsize=8)
def _analyzer_for(names: tuple[str, ...] | None) -> Analyzer:
    return Analyzer(None if names is None else list(names))


def _get_analyzer(lexicons: Sequence[LexiconSpec] | None) -> Analyzer:
    if lexicons is None:
        return _analyzer_for(None)
    if isinstance(lexicons, (str, Lexicon)):
        lexicons = [lexicons]
    if all(isinstance(s, str) for s in lexicons):
        return _analyzer_for(tuple(str(s) for s in lexicons))
    return Analyzer(lexicons)


def analyze(
    article: ArticleLike,
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    targets: Sequence[Any] | None = None,
) -> Analysis:
    """Analyze one text or article.

    A string is analyzed exactly as given (offsets index into it).

    Parameters
    ----------
    article : str or Article
    lexicons : sequence of str or Lexicon, optional
        Default: every shipped lexicon.
    targets : sequence of (int, int), optional
        Spans ``(start, end)`` of the text (or ``{"start", "end"}`` mappings)
        to score the tone toward (:func:`framing.tone.tone_toward`); a bad
        span gets an error of its own. Default: the article's ``targets``
        field (``meta["targets"]``) if it has one.

    Examples
    --------
    >>> text = "Critics slammed the reckless plan."
    >>> result = analyze(text)
    >>> all(text[m.start:m.end] == m.text for m in result.matches)
    True
    >>> result.features["n_tokens"]
    5.0
    >>> [(t.text, t.label) for t in analyze(text, targets=[(20, 33)]).targets]
    [('reckless plan', 'negative')]
    """
    return _get_analyzer(lexicons)(article, targets=targets)


