"""The constructed example articles; they live in :mod:`framing.readers.examples` now.

This module re-exports them under their old path.
"""

from ._deprecation import moved
from .readers.examples import example_articles

__all__ = ["example_articles"]

moved('examples', 'framing.readers')
