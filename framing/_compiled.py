"""The optional compiled extensions: each one imported, or None without it.

Every kernel (``framing._text_core``, ``_tagger_core``, ``_vader_core``,
``_names_core``, ``_mention_core``) is an optional Cython extension built at
install time when a C compiler is present; the module that uses it keeps the
pure-Python reference and falls back to it when the extension is missing.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["optional_extension"]


def optional_extension(name: str) -> Any:
    """The compiled module ``framing.<name>``, or None when it was not built.

    Examples
    --------
    >>> optional_extension("_no_such_kernel") is None
    True
    """
    try:
        return import_module(f"framing.{name}")
    except ImportError:
        return None
