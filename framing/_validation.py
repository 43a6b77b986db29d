"""One wording for parameter errors, as scikit-learn words them.

"The 'x' parameter of Y must be ... Got ... instead." Every public function
and estimator says it the same way, through these helpers.

Examples
--------
>>> check_choice("jsonl", ("jsonl", "csv"), name="format", owner="write_rows")
'jsonl'
>>> check_choice("xml", ("jsonl", "csv"), name="format", owner="write_rows")
Traceback (most recent call last):
...
ValueError: The 'format' parameter of write_rows must be one of ['jsonl', 'csv']. Got 'xml' instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

__all__ = ["check_choice", "check_int", "parameter_error"]

T = TypeVar("T")


def parameter_error(name: str, owner: str | None, expected: str, got: Any) -> ValueError:
    """The error for a parameter outside its domain (not raised: returned, to ``raise``)."""
    where = f" of {owner}" if owner else ""
    return ValueError(f"The {name!r} parameter{where} must be {expected}. Got {got!r} instead.")


def check_choice(value: T, choices: Iterable[T], *, name: str, owner: str | None = None) -> T:
    """``value`` if it is one of ``choices``, else a ValueError in the shared wording."""
    options = list(choices)
    if value not in options:
        raise parameter_error(name, owner, f"one of {options}", value)
    return value


def check_int(
    value: Any, *, name: str, owner: str | None = None, low: int | None = None, high: int | None = None
) -> int:
    """``value`` if it is an int (not a bool) within ``[low, high]``, else a ValueError.

    Examples
    --------
    >>> check_int(3, name="cv", low=2)
    3
    >>> check_int(1, name="cv", owner="train", low=2)
    Traceback (most recent call last):
    ...
    ValueError: The 'cv' parameter of train must be an int >= 2. Got 1 instead.
    """
    bounds = []
    if low is not None:
        bounds.append(f">= {low}")
    if high is not None:
        bounds.append(f"<= {high}")
    expected = "an int" + (" " + " and ".join(bounds) if bounds else "")
    if not isinstance(value, int) or isinstance(value, bool):
        raise parameter_error(name, owner, expected, value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise parameter_error(name, owner, expected, value)
    return value
