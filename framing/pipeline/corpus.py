"""Many articles: streamed in input order, in parallel, into tables.

:func:`iter_analyses` yields one :class:`~framing.pipeline.analyzer.Analysis`
at a time with memory that stays flat in the number of articles;
:func:`iter_mapped` runs a function on each analysis where it is computed
(in the worker, with ``n_jobs > 1``); :func:`analyze_corpus` collects the
feature, match and quote tables.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from ..readers import Article, articles_from_frame, unique_ids
from ..readers.html import html_article
from .analyzer import Analysis, ArticleLike, LexiconSpec, _get_analyzer
from .progress import ProgressLike, progress_bar
from .schema import CorpusAnalysis, article_parts, corpus_tables

__all__ = ["analyze_corpus", "iter_analyses", "iter_mapped"]


def _coerce_articles(articles: Any, html: bool = False) -> Iterable[ArticleLike]:
    """The input as articles, with the readers' contract: text column inferred, ids made unique."""
    # a pandas object exists only once pandas is imported: the command line and
    # lists of texts do not import it (about 0.2 s)
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(articles, pd.DataFrame):
        return unique_ids(articles_from_frame(articles, html=html))
    if pd is not None and isinstance(articles, pd.Series):
        frame = articles.rename("text").to_frame()
        return unique_ids(articles_from_frame(frame, text="text", outlet=None, title=None,
                                              date=None, url=None, html=html))
    if isinstance(articles, (str, bytes, Article)):
        raise TypeError(
            "analyze_corpus expects an iterable of texts or Articles (or a DataFrame). "
            f"Got a single {type(articles).__name__}; use analyze() or wrap it in a list."
        )
    return unique_ids(_as_article(a, html) for a in articles)


def _as_article(item: Any, html: bool = False) -> ArticleLike:
    if isinstance(item, str) and html:
        return html_article(item, Article.from_text(item).id, {}, meta={})
    if isinstance(item, str):
        return Article.from_text(item)
    if isinstance(item, Article):
        return item
    return Article(id=f"<{type(item).__name__}>", text="",
                   error=f"expected a str or an Article. Got {type(item).__name__}.")


def iter_analyses(
    articles: Any,
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    n_jobs: int = 1,
    progress: ProgressLike = False,
    batch_size: int = 64,
    total: int | None = None,
    html: bool = False,
) -> Iterator[Analysis]:
    """Analyze articles one at a time, in input order, with flat memory.

    Parameters
    ----------
    articles : iterable of str or Article, or a DataFrame or Series
    lexicons : sequence of str or Lexicon, optional
    n_jobs : int, default 1
        Worker processes (joblib; ``-1`` for all cores).
    progress : bool, text stream or tqdm-like callable, default False
        ``True``: a tqdm bar on standard error when it is a terminal, else a
        plain line every few seconds; a stream: plain lines on it; a
        callable such as ``tqdm.notebook.tqdm``: it makes the bar (see
        :mod:`framing.pipeline.progress`). The bar counts articles and shows
        the total and the time left when the total is known.
    batch_size : int, default 64
        Articles sent to a worker at a time (at most: when the number of
        articles is known, the last batches are smaller, so that the
        workers finish together). Each new worker loads the default
        analyzer's lexicons and models once, as it starts, and stays up
        for five minutes without work, so a following call finds it warm.
    total : int, optional
        The number of articles, for the progress bar, when ``articles`` has
        no ``len()`` (a generator).
    html : bool, default False
        The texts (a DataFrame's text column, or the strings) are HTML
        pages: their main text is extracted (:mod:`framing.readers.html`)
        and analyzed; offsets point into the extracted ``article.text``.

    Examples
    --------
    >>> [a.n_tokens for a in iter_analyses(["One two.", "Three."])]
    [2, 1]
    """
    yield from iter_mapped(articles, _itself, lexicons=lexicons, n_jobs=n_jobs, progress=progress,
                           batch_size=batch_size, total=total, html=html)


def _itself(analysis: Analysis) -> Analysis:
    return analysis


def iter_mapped(
    articles: Any,
    func: Callable[[Analysis], Any],
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    n_jobs: int = 1,
    progress: ProgressLike = False,
    batch_size: int = 64,
    total: int | None = None,
    html: bool = False,
) -> Iterator[Any]:
    """``func(analysis)`` for each article, in input order, with flat memory.

    Like :func:`iter_analyses`, but with ``n_jobs > 1`` ``func`` runs in the
    worker processes, so only its result travels back: a JSON line or a
    table row is much cheaper to send than an :class:`Analysis` with its
    matches. ``func`` must be picklable (a module-level function or a
    :func:`functools.partial` of one). ``progress``, ``batch_size`` and
    ``total`` as for :func:`iter_analyses`.

    Examples
    --------
    >>> def count(analysis):
    ...     return analysis.n_tokens
    >>> list(iter_mapped(["One two.", "Three."], count))
    [2, 1]
    """
    _check_n_jobs(n_jobs)
    if total is None:
        total = _length(articles)
    stream = _coerce_articles(articles, html)
    if n_jobs == 1:
        analyzer = _get_analyzer(lexicons)
        results: Iterator[tuple[Any, int]] = (
            (func(res), len(res.article.text)) for res in map(analyzer, stream)
        )
    else:
        _start_workers(n_jobs)  # they load their models while this process loads its own
        specs = _worker_specs(lexicons)
        results = _parallel_results(stream, specs, n_jobs, batch_size,
                                    work=partial(_mapped_batch, func), total=total)
    bar = progress_bar(progress, total=total, desc="analyze", unit="article")
    n_chars = 0
    try:
        for value, size in results:
            n_chars += size
            bar.update(1)
            bar.set_postfix_str(f"{n_chars / 1e6:.1f} MB", refresh=False)
            yield value
    finally:
        bar.close()


def _worker_specs(lexicons: Sequence[LexiconSpec] | None) -> Sequence[LexiconSpec] | None:
    """What the workers build their analyzer from, sent with every batch.

    Shipped lexicons given by name go as their names (a worker builds the
    analyzer of a tuple of names once, :func:`_get_analyzer` caches it);
    :class:`~framing.lexicon.Lexicon` objects go as themselves (unpickled
    and compiled again per batch). An unknown name fails here, in this process.
    """
    analyzer = _get_analyzer(lexicons)
    if lexicons is None:
        return None
    names = [lexicons] if isinstance(lexicons, str) else list(lexicons)
    if all(isinstance(s, str) for s in names):
        return tuple(names)
    return list(analyzer.lexicons)


def _length(articles: Any) -> int | None:
    if isinstance(articles, (str, bytes)):
        return None
    try:
        return len(articles)
    except TypeError:
        return None


def _mapped_batch(
    func: Callable[[Analysis], Any], lexicons: Sequence[LexiconSpec] | None, batch: list[ArticleLike]
) -> list[tuple[Any, int]]:
    analyzer = _get_analyzer(lexicons)
    return [(func(res), len(res.article.text)) for res in map(analyzer, batch)]


#: seconds an idle worker stays up (joblib's default): a call within them finds the workers warm
_IDLE_TIMEOUT = 300
#: the text each new worker analyzes once at start, so that it loads the default analyzer's lexicons
#: and models (the tagger, VADER, the entity tone model) before its first batch; plainly English, so
#: the language model stays unloaded until a text needs it
_WARM_TEXT = ('"We will not stop now," said Senator Jane Smith, who slammed the reckless plan. '
              "Critics claimed it would hurt families.")


def _warm_worker() -> None:
    """The initializer of each new worker: load the default analyzer and the models it uses.

    An analyzer of other lexicons shares the models and the shipped
    lexicons it names (each loaded once per process). A failure here is
    left to the first batch, which reports it as a normal error.
    """
    with contextlib.suppress(Exception):  # the batch that needs the analyzer raises it properly
        _get_analyzer(None)(_WARM_TEXT)


def _executor(n_jobs: int) -> tuple[Any, int]:
    """The reusable worker pool (loky, as joblib's) and its number of workers."""
    from joblib import cpu_count
    from joblib.externals.loky import get_reusable_executor

    workers = cpu_count() if n_jobs == -1 else n_jobs
    # the same arguments on every call, so that loky keeps the pool (and its warm workers)
    executor = get_reusable_executor(max_workers=workers, timeout=_IDLE_TIMEOUT, initializer=_warm_worker)
    return executor, workers


def _start_workers(n_jobs: int) -> None:
    """Start the pool's missing workers now (each runs :func:`_warm_worker` as it starts)."""
    executor, _ = _executor(n_jobs)
    executor.submit(_itself, None)  # loky starts every missing worker on a submission


def _batch_sizes(batch_size: int, workers: int, total: int | None) -> Iterator[int]:
    """Batch sizes: ``batch_size``, and smaller ones at the end when ``total`` is known.

    Each batch is at most a quarter of what is left per worker (and at
    least 8 articles), so that the last batches are small and the workers
    finish at about the same time instead of one waiting for the other's
    last full batch.
    """
    if total is None:
        yield from itertools.repeat(batch_size)
        return
    left = total
    while True:
        size = min(batch_size, max(8, -(-left // (4 * workers))))
        yield size
        left = max(left - size, 0)


def _parallel_results(
    stream: Iterable[ArticleLike],
    specs: Sequence[LexiconSpec] | None,
    n_jobs: int,
    batch_size: int,
    work: Callable[[Sequence[LexiconSpec] | None, list[ArticleLike]], list[Any]],
    total: int | None = None,
) -> Iterator[Any]:
    """Analyze batches on worker processes, in input order, with bounded read-ahead.

    At most two batches per worker are in flight: a new batch is read and
    submitted only when the oldest result is handed on, so a slow consumer
    (a writer, a network) holds memory flat instead of piling up results.
    With ``total`` known the last batches are smaller (:func:`_batch_sizes`).
    """
    from collections import deque

    executor, workers = _executor(n_jobs)
    batches = _batched(stream, _batch_sizes(batch_size, workers, total))
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


def _batched(items: Iterable[ArticleLike], sizes: Iterable[int]) -> Iterator[list[ArticleLike]]:
    it = iter(items)
    for size in sizes:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch



def analyze_corpus(
    articles: Any,
    *,
    lexicons: Sequence[LexiconSpec] | None = None,
    n_jobs: int = 1,
    progress: ProgressLike = False,
    html: bool = False,
) -> CorpusAnalysis:
    """Analyze many articles and return the feature, match and quote tables.

    Parameters
    ----------
    articles : iterable of str or Article, or a DataFrame or Series
        A DataFrame's text column is the first of ``text``, ``content``,
        ``body``, ``content_original``, ``article``, ``story`` (optional
        ``outlet`` or ``source``, ``publisher``, ``media``, ``site``;
        ``title``, ``date``, ``url``, ``language``; ids from the index, or
        the ``id`` column under a default index), as for the records the
        CLI reads (:func:`~framing.readers.articles_from_frame`). A Series
        of texts keeps its index as ids. Repeated ids are kept, renamed
        ``id#2``, ``id#3``, ... with one warning.
    lexicons : sequence of str or Lexicon, optional
    n_jobs : int, default 1
    progress : bool, text stream or tqdm-like callable, default False
        As for :func:`iter_analyses`; the total is the number of articles
        when they are a list, a DataFrame or a Series. For example
        ``progress=True`` (standard error), ``progress=tqdm.notebook.tqdm``
        in Jupyter, or ``progress=functools.partial(tqdm.tqdm, file=log)``.
    html : bool, default False
        The texts are HTML pages (see :func:`iter_analyses`).

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

    Progress: ``progress=True`` reports on standard error; a stream gets
    plain lines (a log), a tqdm-like callable makes the bar:

    >>> import io
    >>> log = io.StringIO()
    >>> _ = analyze_corpus(texts, lexicons=["reporting_verbs"], progress=log)
    >>> log.getvalue().startswith("analyze: 2/2 articles (100%)")
    True
    >>> from tqdm import tqdm
    >>> _ = analyze_corpus(texts, progress=lambda **kw: tqdm(**kw, file=log, mininterval=0))
    """
    if n_jobs != 1 and not isinstance(articles, (str, bytes, Article)):  # (those fail in iter_mapped)
        _check_n_jobs(n_jobs)
        _start_workers(n_jobs)  # they load their models while this process loads its lexicons
    analyzer = _get_analyzer(lexicons)
    # with n_jobs > 1 the workers send back plain tuples, not Analysis objects: far less to unpickle
    parts = iter_mapped(articles, article_parts, lexicons=lexicons, n_jobs=n_jobs, progress=progress,
                        html=html)
    features, matches, quotes, entities = corpus_tables(parts, analyzer.feature_names)
    return CorpusAnalysis(features, matches, quotes, analyzer.provenance, entities)
