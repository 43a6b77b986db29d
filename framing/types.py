"""Type aliases shared across framing's stages (one place, as textacy keeps them).

Examples
--------
>>> from framing.types import Span
>>> span: Span = (0, 4)
"""

from __future__ import annotations

from typing import Literal

__all__ = ["QuoteKind", "Span", "Stance", "TaskName"]

Span = tuple[int, int]
"""``(start, end)`` character offsets into ``Article.text``: ``text[start:end]``."""

QuoteKind = Literal["direct", "indirect", "mixed"]
"""How a quote is reported: in quotation marks, paraphrased, or both."""

Stance = Literal["neutral", "endorsing", "distancing", "contesting", "emotive"]
"""The stance a reporting verb conveys toward what is reported."""

TaskName = Literal["sentence-bias", "article-leaning", "persuasion-spans", "frames"]
"""The classifier tasks of :mod:`framing.models`."""
