"""Options several commands share, declared once: the input options, ``--quiet`` and lazy choices.

Examples
--------
>>> import argparse
>>> p = argparse.ArgumentParser()
>>> add_input_options(p)
>>> vars(p.parse_args(["--sep", ";", "--quiet"]))
{'html': False, 'sep': ';', 'quiet': True}
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence

__all__ = ["LazyChoices", "add_input_options", "add_quiet_option"]


class LazyChoices:
    """The ``choices`` of an option, read from a registry only when an argument is checked or help shown.

    Building the parser registers every command's options; a registry whose
    module imports scikit-learn (the task registry: about 1.5 s) would
    otherwise be imported by every command, ``--help`` included. Give the
    option a ``metavar`` (argparse formats a ``choices`` option's usage from
    its choices) and ``%(choices)s`` in its help.

    Examples
    --------
    >>> import argparse
    >>> calls = []
    >>> choices = LazyChoices(lambda: calls.append(1) or ["a", "b"])
    >>> p = argparse.ArgumentParser()
    >>> _ = p.add_argument("--x", choices=choices, metavar="X")
    >>> calls
    []
    >>> p.parse_args(["--x", "b"]).x, calls
    ('b', [1])
    """

    def __init__(self, read: Callable[[], Sequence[str]]) -> None:
        self._read = read
        self._names: tuple[str, ...] | None = None

    def _get(self) -> tuple[str, ...]:
        if self._names is None:
            self._names = tuple(self._read())
        return self._names

    def __contains__(self, value: object) -> bool:
        return value in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def add_quiet_option(p: argparse.ArgumentParser) -> None:
    """``--quiet``: no progress on stderr (``analyze``, ``compare``, ``report``, ``evaluate``)."""
    p.add_argument("--quiet", action="store_true",
                   help="no progress on stderr (by default: a bar on a terminal, a line every few seconds in a log)")


def add_input_options(p: argparse.ArgumentParser, *, quiet: bool = True) -> None:
    """How the inputs are read: ``--html``, ``--sep`` and (with ``quiet``) ``--quiet``.

    ``analyze``, ``compare``, ``report`` and ``predict`` (which has no
    progress, so no ``--quiet``) read their inputs alike.
    """
    p.add_argument("--html", action="store_true",
                   help="the text of JSONL/CSV/JSON records is an HTML page: extract its main text "
                        "(.html/.htm files are always read as pages)")
    p.add_argument("--sep", metavar="CHAR",
                   help="the CSV delimiter (default: sniffed from the header line: , ; tab |)")
    if quiet:
        add_quiet_option(p)
