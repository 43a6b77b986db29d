"""Progress reports for long runs: a tqdm bar on a terminal, plain lines in a log.

Every long loop of the library (a corpus analysis, feature extraction,
cross-validation folds) reports through :func:`progress_bar`, which turns the
``progress=`` argument of the public functions into a bar:

- ``False`` or ``None``: nothing;
- ``True``: standard error. On a terminal a :mod:`tqdm` bar (count, total,
  rate and time left when the total is known); anywhere else (a log file,
  ``nohup``, a pipe) one plain line every :data:`LOG_SECONDS` seconds or
  every :data:`LOG_EVERY` items, whichever comes first, and a closing line;
- a callable that makes a tqdm-like bar (``tqdm.tqdm``,
  ``tqdm.notebook.tqdm``, ``functools.partial(tqdm.tqdm, file=log)``): called
  as ``progress(total=..., desc=..., unit=...)``; the object it returns gets
  ``update(n)`` and ``close()`` (and ``set_postfix_str`` when it has one);
- a text stream (``io.StringIO``, an open log file): plain lines on it.

:func:`progress_scope` sets the progress of the loops that have no
``progress=`` argument of their own (the featurizers inside a model's
``fit``, the folds of :func:`framing.models.train`); the command line uses
it for ``framing train`` and ``framing evaluate``.

Examples
--------
>>> import io
>>> log = io.StringIO()
>>> bar = progress_bar(log, total=2, desc="analyze", unit="article")
>>> bar.update(); bar.update(); bar.close()
>>> log.getvalue().splitlines()[-1].startswith("analyze: 2/2 articles (100%)")
True
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TextIO, TypeAlias, TypeVar

__all__ = [
    "LOG_EVERY", "LOG_SECONDS", "LogLines", "ProgressLike", "progress_bar", "progress_scope", "scoped_progress",
    "track",
]

LOG_SECONDS = 5.0
"""Off a terminal: seconds between two plain progress lines (at most)."""

LOG_EVERY = 1000
"""Off a terminal: items between two plain progress lines (at most)."""

T = TypeVar("T")


class Bar(Protocol):
    """What the library calls on a progress bar (a subset of :class:`tqdm.tqdm`)."""

    def update(self, n: int = 1) -> Any: ...

    def close(self) -> Any: ...


ProgressLike: TypeAlias = "bool | TextIO | Callable[..., Bar] | None"
"""The ``progress=`` argument: ``True``/``False``, a text stream, or a tqdm-like callable."""

_SCOPE: contextvars.ContextVar[ProgressLike] = contextvars.ContextVar("framing_progress", default=False)


@contextlib.contextmanager
def progress_scope(progress: ProgressLike) -> Iterator[None]:
    """Report progress as ``progress`` says in the loops that take no ``progress=`` argument.

    Examples
    --------
    >>> import io
    >>> log = io.StringIO()
    >>> with progress_scope(log):
    ...     bar = progress_bar(scoped_progress(), total=3, desc="folds", unit="fold")
    ...     for fold in range(3):
    ...         bar.update()
    ...     bar.close()
    >>> log.getvalue().splitlines()[-1].startswith("folds: 3/3 folds (100%)")
    True
    """
    token = _SCOPE.set(progress)
    try:
        yield
    finally:
        _SCOPE.reset(token)


def scoped_progress() -> ProgressLike:
    """The progress set by the innermost :func:`progress_scope` (``False`` outside any).

    Examples
    --------
    >>> with progress_scope(True):
    ...     scoped_progress()
    True
    >>> scoped_progress()
    False
    """
    return _SCOPE.get()


def _plural(unit: str, n: float | None) -> str:
    return unit if n == 1 else unit + "s"


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class LogLines:
    """Plain progress lines on a stream (for a log file): one every few seconds or N items.

    Each line says the count, the total and the share done, the elapsed
    time, the rate and, when the total is known, the time left. The closing
    line is written by :meth:`close`.

    Parameters
    ----------
    stream : file-like
    total : int, optional
    desc : str
    unit : str
        Singular; "s" is added for other counts.
    seconds, every : float, int
        A line at most ``seconds`` apart and at most ``every`` items apart.
    brief : bool, default False
        No closing line for a loop that ended within a second without a
        line (the many short loops inside a model's training).

    Examples
    --------
    >>> import io
    >>> log = io.StringIO()
    >>> bar = LogLines(log, total=4, desc="analyze", unit="article", seconds=1e9, every=2)
    >>> for _ in range(4):
    ...     bar.update()
    >>> bar.close()
    >>> [line.split(",")[0] for line in log.getvalue().splitlines()]
    ['analyze: 2/4 articles (50%)', 'analyze: 4/4 articles (100%)', 'analyze: 4/4 articles (100%)']
    """

    def __init__(self, stream: TextIO, *, total: int | None = None, desc: str = "",
                 unit: str = "item", seconds: float = LOG_SECONDS, every: int = LOG_EVERY,
                 brief: bool = False) -> None:
        self.stream = stream
        self.total = total
        self.desc = desc
        self.unit = unit
        self.seconds = seconds
        self.every = every
        self.n = 0
        self.postfix = ""
        self.start = self._last_time = time.perf_counter()
        self._last_n = 0
        self._closed = False
        self._brief = brief
        self._written = False

    def set_postfix_str(self, text: str, refresh: bool = False) -> None:
        """Text shown after the counts (the MB read, say)."""
        self.postfix = text

    def update(self, n: int = 1) -> None:
        """Count ``n`` more items; write a line when one is due."""
        self.n += n
        now = time.perf_counter()
        if now - self._last_time >= self.seconds or self.n - self._last_n >= self.every:
            self._write(now)

    def line(self, now: float | None = None) -> str:
        """The progress line as it stands."""
        now = time.perf_counter() if now is None else now
        elapsed = max(now - self.start, 1e-9)
        rate = self.n / elapsed
        head = f"{self.desc}: " if self.desc else ""
        if self.total:
            done = f"{self.n:,}/{self.total:,} {_plural(self.unit, self.total)} ({100 * self.n / self.total:.0f}%)"
        else:
            done = f"{self.n:,} {_plural(self.unit, self.n)}"
        parts = [head + done, f"{_duration(elapsed)} elapsed", f"{rate:,.1f} {self.unit}s/s"]
        if self.total and rate > 0 and self.n < self.total:
            parts.append(f"about {_duration((self.total - self.n) / rate)} left")
        if self.postfix:
            parts.append(self.postfix)
        return ", ".join(parts)

    def _write(self, now: float) -> None:
        self._last_time, self._last_n = now, self.n
        self._written = True
        self.stream.write(self.line(now) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Write the closing line (once)."""
        if self._closed:
            return
        self._closed = True
        now = time.perf_counter()
        if not self._brief or self._written or now - self.start >= 1.0:
            self._write(now)


class _Quiet:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def set_postfix_str(self, text: str, refresh: bool = False) -> None:
        pass


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def progress_bar(progress: ProgressLike, *, total: int | None = None, desc: str = "",
                 unit: str = "item", brief: bool = False) -> Any:
    """A progress bar for ``progress`` (see the module docstring); a silent one for ``False``.

    Parameters
    ----------
    progress : bool, None, text stream or callable
    total : int, optional
        Known total: the bar shows the share done and the time left.
    desc : str
        What is counted ("analyze", "lexicon features").
    unit : str
        One item ("article", "fold").
    brief : bool, default False
        Plain lines only: no closing line for a loop that took under a
        second (see :class:`LogLines`); on a terminal the bar is then
        cleared when it ends.

    Returns
    -------
    object
        With ``update(n=1)``, ``close()`` and ``set_postfix_str(text)``.

    Examples
    --------
    >>> bar = progress_bar(False)
    >>> bar.update(); bar.close()
    """
    if progress is None or progress is False:
        return _Quiet()
    if progress is True:
        stream: Any = sys.stderr
    elif callable(progress) and not hasattr(progress, "write"):
        bar = progress(total=total, desc=desc, unit=unit)
        if not hasattr(bar, "set_postfix_str"):
            return _Forward(bar)
        return bar
    elif hasattr(progress, "write"):
        stream = progress
    else:
        raise TypeError("The 'progress' parameter must be a bool, a text stream or a callable that "
                        f"makes a tqdm-like bar. Got {type(progress).__name__} instead.")
    if _isatty(stream):
        from tqdm import tqdm

        return tqdm(total=total, desc=desc, unit=unit, file=stream, mininterval=0.5, leave=not brief,
                    dynamic_ncols=True)
    return LogLines(stream, total=total, desc=desc, unit=unit, brief=brief)


class _Forward:
    """A caller's bar without ``set_postfix_str``."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def update(self, n: int = 1) -> Any:
        return self._bar.update(n)

    def close(self) -> Any:
        return self._bar.close()

    def set_postfix_str(self, text: str, refresh: bool = False) -> None:
        pass


def _length(items: Any) -> int | None:
    try:
        return len(items)
    except TypeError:
        return None


def track(items: Iterable[T], *, total: int | None = None, desc: str = "", unit: str = "item",
          progress: ProgressLike | None = None) -> Iterator[T]:
    """Iterate over ``items`` with a progress bar (default: the :func:`progress_scope`'s).

    For loops inside other work (feature extraction inside a fold): the bar
    is ``brief`` (:func:`progress_bar`).

    Examples
    --------
    >>> list(track([1, 2]))  # no scope: silent
    [1, 2]
    """
    chosen = _SCOPE.get() if progress is None else progress
    if chosen is None or chosen is False:
        yield from items
        return
    bar = progress_bar(chosen, total=_length(items) if total is None else total, desc=desc, unit=unit,
                       brief=True)
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()
