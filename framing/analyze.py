"""Run the stages on articles: sentences, tokens, lexicon hits, quotes, features.

:func:`analyze` handles one text or :class:`~framing.article.Article`;
:func:`analyze_corpus` many, in input order, optionally in parallel, and
returns pandas tables: one row per article (features), one row per lexicon
match and one row per quote (the audit trail the features aggregate).
:func:`iter_analyses` streams the same results one article at a time with
memory that stays flat in the number of articles.
"""

from __future__ import annotations

import itertools
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, TextIO

from ._version import __version__
from .article import Article, articles_from_frame
from .attribution import Quote, attribution_features, find_quotes
from .lexicon import Lexicon, Match, Matcher, available_lexicons, load_lexicon
from .text import Sentence, split_sentences, tokenize

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Analysis",
    "Analyzer",
    "CorpusAnalysis",
    "analyze",
    "analyze_corpus",
    "iter_analyses",
    "iter_mapped",
]

logger = logging.getLogger(__name__)

LexiconSpec = str | Lexicon
ArticleLike = str | Article

PER = 1000.0
"""Rates are per this many word tokens."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """The analysis of one article.

    ``features`` maps ``<family>__<feature>`` names to numbers: for each
    lexicon category a rate per 1,000 tokens (``loaded_language__pejorative``)
    and a raw count (``loaded_language__pejorative_count``) of hits that are
    not negated; per lexicon ``__total``, ``__total_count`` and
    ``__negated_count``; the attribution features; ``n_tokens`` and
    ``n_sentences``. An article with ``error`` set has no features.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    matches: tuple[Match, ...]
    quotes: tuple[Quote, ...]
    features: dict[str, float]
    n_tokens: int
    error: str | None
    provenance: dict[str, Any]

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    def to_dict(self, *, text: bool = True, sentences: bool = False) -> dict[str, Any]:
        """The JSONL row for this article (see DESIGN.md, "Contracts")."""
        art = self.article
        row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title}
        if text:
            row["text"] = art.text
        row.update(
            n_tokens=self.n_tokens,
            n_sentences=self.n_sentences,
            features=dict(self.features),
            matches=[m.to_dict() for m in self.matches],
            quotes=[q.to_dict() for q in self.quotes],
            error=self.error,
            provenance=self.provenance,
        )
        if sentences:
            row["sentences"] = [{"start": s.start, "end": s.end} for s in self.sentences]
        return row

    def _repr_html_(self) -> str:  # pragma: no cover - exercised by the plotting tests
        try:
            from .highlight import article_html
        except ImportError:
            return f"<pre>{self!r}</pre>"
        return article_html(self)


class Analyzer:
    """A reusable analysis pipeline with compiled lexicons.

    Parameters
    ----------
    lexicons : sequence of str or Lexicon, optional
        Shipped lexicon names or :class:`~framing.lexicon.Lexicon` objects
        (for example from :mod:`framing.importers`). Default: every shipped
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
        self.matcher = Matcher(self.lexicons)
        # with the shipped source_roles lexicon among ours, find_quotes reads the
        # speakers' categories from the article's matches (same result, faster)
        roles = load_lexicon("source_roles")
        self._matches_for_quotes = any(lex is roles for lex in self.lexicons)
        self.provenance = {
            "framing_version": __version__,
            "lexicons": {lex.name: lex.version for lex in self.lexicons},
        }
        self.feature_names = self._feature_names()

    def _feature_names(self) -> list[str]:
        names: list[str] = ["n_tokens", "n_sentences"]
        for lex in self.lexicons:
            for cat in lex.labels:
                names += [f"{lex.name}__{cat}", f"{lex.name}__{cat}_count"]
            names += [f"{lex.name}__total", f"{lex.name}__total_count", f"{lex.name}__negated_count"]
        names += sorted(attribution_features([], [], 0))
        return names

    def __call__(self, article: ArticleLike) -> Analysis:
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
        return Analysis(article, (), (), (), {}, 0, message, self.provenance)

    def _analyze(self, article: Article) -> Analysis:
        text = article.text
        sentences = split_sentences(text)
        tokens = tokenize(text)
        matches = self.matcher.find(text, tokens)
        quotes = find_quotes(
            text, sentences, tokens, matches if self._matches_for_quotes else None
        )
        n = len(tokens)
        features: dict[str, float] = dict.fromkeys(self.feature_names, 0.0)
        features["n_tokens"] = float(n)
        features["n_sentences"] = float(len(sentences))
        for m in matches:
            if m.negated:
                features[f"{m.lexicon}__negated_count"] += 1.0
            else:
                features[f"{m.lexicon}__{m.category}_count"] += 1.0
                features[f"{m.lexicon}__total_count"] += 1.0
        scale = PER / n if n else 0.0
        for lex in self.lexicons:
            for cat in (*lex.labels, "total"):
                features[f"{lex.name}__{cat}"] = features[f"{lex.name}__{cat}_count"] * scale
        features.update(attribution_features(quotes, matches, n, tokens))
        return Analysis(
            article, tuple(sentences), tuple(matches), tuple(quotes), features, n, None,
            self.provenance,
        )


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


def analyze(article: ArticleLike, *, lexicons: Sequence[LexiconSpec] | None = None) -> Analysis:
    """Analyze one text or article.

    A string is analyzed exactly as given (offsets index into it).

    Parameters
    ----------
    article : str or Article
    lexicons : sequence of str or Lexicon, optional
        Default: every shipped lexicon.

    Examples
    --------
    >>> text = "Critics slammed the reckless plan."
    >>> result = analyze(text)
    >>> all(text[m.start:m.end] == m.text for m in result.matches)
    True
    >>> result.features["n_tokens"]
    5.0
    """
    return _get_analyzer(lexicons)(article)


def _coerce_articles(articles: Any) -> Iterable[ArticleLike]:
    import pandas as pd

    if isinstance(articles, pd.DataFrame):
        return articles_from_frame(articles)
    if isinstance(articles, pd.Series):
        frame = articles.rename("text").to_frame()
        return articles_from_frame(frame, outlet=None, title=None, date=None, url=None)
    if isinstance(articles, (str, bytes, Article)):
        raise TypeError(
            "analyze_corpus expects an iterable of texts or Articles (or a DataFrame). "
            f"Got a single {type(articles).__name__}; use analyze() or wrap it in a list."
        )
    return (_as_article(a) for a in articles)


def _as_article(item: Any) -> ArticleLike:
    if isinstance(item, (str, Article)):
        return item
    return Article(id=f"<{type(item).__name__}>", text="",
                   error=f"expected a str or an Article. Got {type(item).__name__}.")


class _Progress:
    """A one-line progress report on a stream (stderr by default)."""

    def __init__(self, stream: TextIO | None = None, every: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.every = every
        self.start = self.last = time.perf_counter()
        self.n = self.chars = 0

    def add(self, n_chars: int) -> None:
        self.n += 1
        self.chars += n_chars
        now = time.perf_counter()
        if now - self.last >= self.every:
            self.last = now
            self._write(now, end="\r")

    def _write(self, now: float, end: str) -> None:
        secs = max(now - self.start, 1e-9)
        self.stream.write(
            f"analyzed {self.n:,} articles, {self.chars / 1e6:.1f} MB "
            f"({self.n / secs:,.0f} articles/s, {self.chars / 1e6 / secs:.2f} MB/s){end}"
        )
        self.stream.flush()

    def close(self) -> None:
        self._write(time.perf_counter(), end="\n")


def iter_analyses(
    articles: Any,
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    n_jobs: int = 1,
    progress: bool | TextIO = False,
    batch_size: int = 64,
) -> Iterator[Analysis]:
    """Analyze articles one at a time, in input order, with flat memory.

    Parameters
    ----------
    articles : iterable of str or Article, or a DataFrame or Series
    lexicons : sequence of str or Lexicon, optional
    n_jobs : int, default 1
        Worker processes (joblib; ``-1`` for all cores).
    progress : bool or file-like, default False
        Report progress on stderr (or on the given stream).
    batch_size : int, default 64
        Articles sent to a worker at a time.

    Examples
    --------
    >>> [a.n_tokens for a in iter_analyses(["One two.", "Three."])]
    [2, 1]
    """
    yield from iter_mapped(articles, _itself, lexicons=lexicons, n_jobs=n_jobs, progress=progress,
                           batch_size=batch_size)


def _itself(analysis: Analysis) -> Analysis:
    return analysis


def iter_mapped(
    articles: Any,
    func: Callable[[Analysis], Any],
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    n_jobs: int = 1,
    progress: bool | TextIO = False,
    batch_size: int = 64,
) -> Iterator[Any]:
    """``func(analysis)`` for each article, in input order, with flat memory.

    Like :func:`iter_analyses`, but with ``n_jobs > 1`` ``func`` runs in the
    worker processes, so only its result travels back: a JSON line or a
    table row is much cheaper to send than an :class:`Analysis` with its
    matches. ``func`` must be picklable (a module-level function or a
    :func:`functools.partial` of one).

    Examples
    --------
    >>> def count(analysis):
    ...     return analysis.n_tokens
    >>> list(iter_mapped(["One two.", "Three."], count))
    [2, 1]
    """
    _check_n_jobs(n_jobs)
    stream = _coerce_articles(articles)
    if n_jobs == 1:
        analyzer = _get_analyzer(lexicons)
        results: Iterator[tuple[Any, int]] = (
            (func(res), len(res.article.text)) for res in map(analyzer, stream)
        )
    else:
        specs = None if lexicons is None else list(_get_analyzer(lexicons).lexicons)
        results = _parallel_results(stream, specs, n_jobs, batch_size,
                                    work=partial(_mapped_batch, func))
    reporter = None
    if progress:
        reporter = _Progress(None if isinstance(progress, bool) else progress)
    try:
        for value, n_chars in results:
            if reporter is not None:
                reporter.add(n_chars)
            yield value
    finally:
        if reporter is not None:
            reporter.close()


def _mapped_batch(
    func: Callable[[Analysis], Any], lexicons: Sequence[LexiconSpec] | None, batch: list[ArticleLike]
) -> list[tuple[Any, int]]:
    analyzer = _get_analyzer(lexicons)
    return [(func(res), len(res.article.text)) for res in map(analyzer, batch)]


def _parallel_results(
    stream: Iterable[ArticleLike],
    specs: Sequence[LexiconSpec] | None,
    n_jobs: int,
    batch_size: int,
    work: Callable[[Sequence[LexiconSpec] | None, list[ArticleLike]], list[Any]],
) -> Iterator[Any]:
    """Analyze batches on worker processes, in input order, with bounded read-ahead.

    At most two batches per worker are in flight: a new batch is read and
    submitted only when the oldest result is handed on, so a slow consumer
    (a writer, a network) holds memory flat instead of piling up results.
    """
    from collections import deque

    from joblib import cpu_count
    from joblib.externals.loky import get_reusable_executor

    workers = cpu_count() if n_jobs == -1 else n_jobs
    executor = get_reusable_executor(max_workers=workers)
    batches = _batched(stream, batch_size)
    pending = deque(executor.submit(work, specs, b)
                    for b in itertools.islice(batches, 2 * workers))
    try:
        while pending:
            done = pending.popleft().result()
            following = next(batches, None)
            if following is not None:
                pending.append(executor.submit(work, specs, following))
            yield from done
    finally:
        for future in pending:
            future.cancel()


def _check_n_jobs(n_jobs: Any) -> None:
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(
            f"The 'n_jobs' parameter must be a positive int or -1. Got {n_jobs!r} instead."
        )


def _batched(items: Iterable[ArticleLike], size: int) -> Iterator[list[ArticleLike]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


_TableRows = tuple[dict[str, Any], list[tuple[Any, ...]], list[dict[str, Any]]]


def _table_rows(res: Analysis) -> _TableRows:
    """An analysis as its feature row, match rows and quote rows."""
    art = res.article
    row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title,
                           "error": res.error}
    row.update(res.features)
    matches = [(art.id, m.start, m.end, m.text, m.lexicon, m.category, m.weight, m.negated)
               for m in res.matches]
    quotes = [quote_row(art.id, q) for q in res.quotes]
    return row, matches, quotes


@dataclass(frozen=True)
class CorpusAnalysis:
    """The analysis of a corpus as tidy tables keyed by article id.

    Attributes
    ----------
    features : DataFrame
        One row per article, indexed by ``id``: ``outlet``, ``title``,
        ``error`` and the feature columns (NaN for articles with an error).
    matches : DataFrame
        One row per lexicon hit: ``id``, ``start``, ``end``, ``text``,
        ``lexicon``, ``category``, ``weight``, ``negated``.
    quotes : DataFrame
        One row per quote: ``id``, ``start``, ``end``, ``text``, ``kind``,
        speaker and cue fields flattened (``speaker_text``, ``cue_stance``, ...).
    provenance : dict
        framing and lexicon versions.
    """

    features: pd.DataFrame
    matches: pd.DataFrame
    quotes: pd.DataFrame
    provenance: dict[str, Any]

    @property
    def errors(self) -> pd.Series:
        """Error messages of the articles that could not be analyzed."""
        return self.features["error"].dropna()


_MATCH_COLUMNS = ["id", "start", "end", "text", "lexicon", "category", "weight", "negated"]
_QUOTE_COLUMNS = [
    "id", "start", "end", "text", "kind",
    "speaker_text", "speaker_start", "speaker_end", "speaker_category",
    "cue_text", "cue_start", "cue_end", "cue_lemma", "cue_stance",
]


def quote_row(article_id: str, q: Quote) -> dict[str, Any]:
    """A quote flattened to one table row."""
    sp, cue = q.speaker, q.cue
    return {
        "id": article_id, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "speaker_text": sp.text if sp else None,
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_category": sp.category if sp else None,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "cue_lemma": cue.lemma if cue else None,
        "cue_stance": cue.stance if cue else None,
    }


def analyze_corpus(
    articles: Any,
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    n_jobs: int = 1,
    progress: bool = False,
) -> CorpusAnalysis:
    """Analyze many articles and return the feature, match and quote tables.

    Parameters
    ----------
    articles : iterable of str or Article, or a DataFrame or Series
        A DataFrame needs a ``text`` column (optional ``outlet``, ``title``,
        ``date``, ``url``; ids from the index). A Series of texts keeps its
        index as ids.
    lexicons : sequence of str or Lexicon, optional
    n_jobs : int, default 1
    progress : bool, default False

    Returns
    -------
    CorpusAnalysis
        N articles in, N feature rows out, in input order.

    Examples
    --------
    >>> import pandas as pd
    >>> texts = pd.Series(["Critics slammed the plan.", "The plan passed."], index=["a", "b"])
    >>> result = analyze_corpus(texts, lexicons=["reporting_verbs"])
    >>> result.features.loc["a", "reporting_verbs__emotive_count"]
    np.float64(1.0)
    >>> result.matches[["id", "text", "category"]].values.tolist()
    [['a', 'slammed', 'emotive']]
    """
    import pandas as pd

    analyzer = _get_analyzer(lexicons)
    rows: list[dict[str, Any]] = []
    match_rows: list[tuple[Any, ...]] = []
    quote_rows: list[dict[str, Any]] = []
    # with n_jobs > 1 the workers send back plain rows, not Analysis objects: far less to unpickle
    parts = iter_mapped(articles, _table_rows, lexicons=lexicons, n_jobs=n_jobs, progress=progress)
    for row, matches_of, quotes_of in parts:
        rows.append(row)
        match_rows.extend(matches_of)
        quote_rows.extend(quotes_of)
    columns = ["id", "outlet", "title", "error", *analyzer.feature_names]
    features = pd.DataFrame(rows, columns=columns).set_index("id")
    feature_cols = analyzer.feature_names
    features[feature_cols] = features[feature_cols].astype("float64")
    matches = pd.DataFrame(match_rows, columns=_MATCH_COLUMNS)
    quotes = pd.DataFrame(quote_rows, columns=_QUOTE_COLUMNS)
    return CorpusAnalysis(features, matches, quotes, analyzer.provenance)
