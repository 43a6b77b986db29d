"""Feature families: the stages that annotate a document and the one aggregation of their counts.

A family is either data or a small component:

* every lexicon is a family made of data (a TSV and its JSON sidecar,
  found by :func:`framing.lexicon.available_lexicons`); all lexicons of an
  analyzer are matched by one :class:`LexiconStage`, and :func:`lexicon_features`
  turns their hits into counts and rates, for the analyzer and the
  scikit-learn featurizers alike;
* a family with logic implements :class:`Family` (a name, its feature names,
  ``annotate(document)``, ``aggregate(document)``) and is one entry in
  :data:`COMPONENTS`. Source attribution is the first; tone
  (:class:`~framing.tone.ToneFamily`) lives in its own package.

Adding a word-list family touches two files (the TSV and the sidecar); a
family with logic touches three (its module, its entry in
:data:`COMPONENTS`, its test).

Examples
--------
>>> from framing.lexicon import load_lexicon
>>> from framing.readers import Article
>>> stage = LexiconStage([load_lexicon("reporting_verbs")])
>>> doc = Document.from_article(Article.from_text("Critics slammed the plan."))
>>> stage.annotate(doc)
>>> stage.aggregate(doc)["reporting_verbs__emotive_count"]
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Protocol

from ..attribution import attribution_features, find_quotes
from ..attribution.cues import CueFilter, CueHit
from ..attribution.doc import link_quotes
from ..lexicon import Lexicon, Match, Matcher
from ..text import Sentence, Tokens
from ..tone import ToneFamily
from .document import Document

__all__ = [
    "COMPONENTS",
    "PER",
    "AttributionFamily",
    "Family",
    "LexiconStage",
    "lexicon_feature_names",
    "lexicon_features",
]

PER = 1000.0
"""Rates are per this many word tokens."""

_LEXICON, _CATEGORY, _NEGATED = attrgetter("lexicon"), attrgetter("category"), attrgetter("negated")


class Family(Protocol):
    """A stage with logic: annotates the document, then aggregates what it wrote."""

    name: str

    def feature_names(self) -> list[str]:
        """The ``<family>__<feature>`` names :meth:`aggregate` returns, in order."""
        ...

    def annotate(self, doc: Document) -> None:
        """Add this stage's annotations to ``doc`` (reading earlier stages' ones)."""
        ...

    def aggregate(self, doc: Document) -> dict[str, float]:
        """This family's features of one annotated document."""
        ...


def lexicon_feature_names(
    lexicons: Iterable[Lexicon], *, measure: str = "both", totals: bool = True, negated: bool = True
) -> list[str]:
    """Feature names of lexicon families: ``<lexicon>__<category>`` rates and ``..._count`` counts.

    With ``measure="both"`` (the analyzer's table) each category has its rate
    and its count, then ``__total``, ``__total_count`` and, with
    ``negated``, ``__negated_count``.

    Examples
    --------
    >>> from framing.lexicon import Lexicon, Entry
    >>> lex = Lexicon("demo", [Entry.parse("slammed", "emotive")])
    >>> lexicon_feature_names([lex])
    ['demo__emotive', 'demo__emotive_count', 'demo__total', 'demo__total_count', 'demo__negated_count']
    >>> lexicon_feature_names([lex], measure="count", negated=False)
    ['demo__emotive_count', 'demo__total_count']
    """
    rate = measure in ("rate", "both")
    count = measure in ("count", "both")
    names: list[str] = []
    for lex in lexicons:
        for cat in [*lex.labels, "total"] if totals else list(lex.labels):
            if rate:
                names.append(f"{lex.name}__{cat}")
            if count:
                names.append(f"{lex.name}__{cat}_count")
        if negated and measure == "both":
            names.append(f"{lex.name}__negated_count")
    return names


def lexicon_features(
    matches: Iterable[Match],
    lexicons: Iterable[Lexicon],
    n_tokens: int,
    *,
    names: Sequence[str] | None = None,
) -> dict[str, float]:
    """Counts and rates per 1,000 tokens of the hits that are not negated, per category and in total.

    The one aggregation of lexicon hits: :class:`~framing.pipeline.Analyzer`
    and :class:`~framing.features.LexiconFeaturizer` both use it, so a
    feature has the same value wherever it is computed. An empty document
    gives zeros.

    ``names`` are the feature names of ``lexicons``
    (:func:`lexicon_feature_names`), when the caller has built them once.

    Examples
    --------
    >>> from framing.lexicon import Lexicon, Entry
    >>> lex = Lexicon("demo", [Entry.parse("slammed", "emotive")])
    >>> hits = lex.matcher().find("Critics slammed it and slammed it again.")
    >>> feats = lexicon_features(hits, [lex], n_tokens=7)
    >>> feats["demo__emotive_count"], round(feats["demo__emotive"], 1)
    (2.0, 285.7)
    """
    lexicons = list(lexicons)
    features = dict.fromkeys(lexicon_feature_names(lexicons) if names is None else names, 0.0)
    # counted per (lexicon, category, negated) at C level: Python runs once per distinct key
    hits = matches if isinstance(matches, (list, tuple)) else list(matches)
    counts = Counter(zip(map(_LEXICON, hits), map(_CATEGORY, hits), map(_NEGATED, hits)))
    for (lexicon, category, negated), count in counts.items():
        if negated:
            features[f"{lexicon}__negated_count"] += float(count)
        else:
            features[f"{lexicon}__{category}_count"] += float(count)
            features[f"{lexicon}__total_count"] += float(count)
    scale = PER / n_tokens if n_tokens else 0.0
    for rate, count_name in _rate_keys(tuple((lex.name, lex.labels) for lex in lexicons)):
        features[rate] = features[count_name] * scale
    return features


@lru_cache(maxsize=64)
def _rate_keys(labels: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, str], ...]:
    """``(rate, count)`` feature names of each lexicon's categories and total, in order."""
    return tuple((f"{name}__{cat}", f"{name}__{cat}_count")
                 for name, cats in labels for cat in (*cats, "total"))


class LexiconStage:
    """Match every lexicon of the analyzer once; the hits are the document's ``matches``.

    The hits of cue lexicons (``role="cues"``, the shipped
    ``reporting_verbs``) are kept only where the form is used as a verb
    (:class:`~framing.attribution.cues.CueFilter`): "a report" and "ground
    attack jets" are not verbs. The kept verbs that report are the
    document's ``cues``, which quote attribution reads ("sales declined" is a
    verb, counted by the features and the matches table, and no cue).

    Parameters
    ----------
    lexicons : sequence of Lexicon
    """

    name = "lexicons"

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        self.matcher = Matcher(self.lexicons)
        self._names = tuple(lexicon_feature_names(self.lexicons))  # built once, used per article
        cue_lexicons = [lex for lex in self.lexicons if lex.role == "cues"]
        self.cue_filter = CueFilter(cue_lexicons) if cue_lexicons else None

    def feature_names(self) -> list[str]:
        return list(self._names)

    def find(
        self, text: str, tokens: Tokens, sentences: list[Sentence] | None = None
    ) -> tuple[list[Match], list[CueHit] | None]:
        """The hits of every lexicon (cue-lexicon hits filtered to verbs), and the cues."""
        if self.cue_filter is None:
            return self.matcher.find(text, tokens, sentences=sentences), None
        exclude = self.cue_filter.excludes(text, tokens)  # hits the filter drops whatever their tag
        hits = self.matcher.find(text, tokens, sentences=sentences, exclude=exclude)
        return self.cue_filter.filter(text, tokens, hits, sentences=sentences)

    def annotate(self, doc: Document) -> None:
        doc.matches, doc.cues = self.find(doc.text, doc.tokens, doc.sentences)

    def aggregate(self, doc: Document) -> dict[str, float]:
        return lexicon_features(doc.matches, self.lexicons, doc.n_tokens, names=self._names)


class AttributionFamily:
    """Quotes, speakers, cues and source categories (:mod:`framing.attribution`).

    Reads the lexicon stage's annotations: the cues are the document's
    ``cues`` (the analyzer's cue lexicons, filtered to verbs), and the
    speakers' source categories come from the hits of the analyzer's speaker
    lexicons (``role="speakers"``, the shipped ``source_roles``). An analyzer
    without a cue or speaker lexicon still finds quotes, with the shipped
    ``reporting_verbs`` and ``source_roles``; their hits are then not part of
    the matches, since that lexicon was not asked for.
    """

    name = "attribution"

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.speaker_lexicons = [lex for lex in lexicons if lex.role == "speakers"] or None

    def feature_names(self) -> list[str]:
        return sorted(attribution_features([], [], 0))

    def annotate(self, doc: Document) -> None:
        roles = doc.matches if self.speaker_lexicons else None
        quotes = find_quotes(doc.text, doc.sentences, doc.tokens, roles,
                             cues=doc.cues, speaker_lexicons=self.speaker_lexicons)
        doc.entities, doc.quotes = link_quotes(doc.text, doc.tokens, quotes, roles,
                                               lexicons=self.speaker_lexicons)

    def aggregate(self, doc: Document) -> dict[str, float]:
        return attribution_features(doc.quotes, doc.matches, doc.n_tokens, doc.tokens)


COMPONENTS: dict[str, Callable[[Sequence[Lexicon]], Family]] = {
    "attribution": AttributionFamily,
    "tone": ToneFamily,
}
"""The families with logic, in the order they run (after the lexicon stage)."""
