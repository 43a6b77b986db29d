"""Options several commands share, declared once: the input options and ``--quiet``.

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

__all__ = ["add_input_options", "add_quiet_option"]


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
