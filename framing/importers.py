"""Importers for published lexicon formats; they live in :mod:`framing.lexicon.importers` now.

This module re-exports them under their old path.
"""

from ._deprecation import moved
from .lexicon.importers import OnError, read_dic, read_emfd_csv, read_mpqa_tff, read_wordlist

__all__ = ["OnError", "read_dic", "read_emfd_csv", "read_mpqa_tff", "read_wordlist"]

moved('importers', 'framing.lexicon.importers')
