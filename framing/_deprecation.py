"""The warning a moved module gives when imported by its old path (kept for one release)."""

from __future__ import annotations

import warnings

__all__ = ["moved"]


def moved(old: str, new: str) -> None:
    """Warn that ``framing.<old>`` now lives at ``new``.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     moved("classify", "framing.models")
    >>> str(caught[0].message)
    'framing.classify moved to framing.models; import from there (the old path goes in a future release).'
    """
    warnings.warn(
        f"framing.{old} moved to {new}; import from there (the old path goes in a future release).",
        FutureWarning,
        stacklevel=3,
    )
