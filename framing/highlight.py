"""Moved to :mod:`framing.pipeline.display`; this module re-exports its names for one release."""

from __future__ import annotations

from ._deprecation import moved
from .pipeline.display import DEFAULT_LEXICONS, PALETTE, Span, article_html, render_spans

__all__ = ["DEFAULT_LEXICONS", "PALETTE", "Span", "article_html", "render_spans"]

moved('highlight', 'framing.pipeline.display')
