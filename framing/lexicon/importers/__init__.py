"""Importers for lexicons that users own, in the formats they are published in.

Each reader returns a :class:`framing.lexicon.Lexicon`, so an imported lexicon
works everywhere a shipped one does: in :class:`framing.lexicon.Matcher`, in
the featurizers and in ``framing analyze``. Malformed input raises
:class:`framing.lexicon.LexiconFormatError` naming the file and the line.

Supported formats
-----------------
* LIWC-style ``.dic`` dictionaries (:func:`read_dic`), e.g. the Moral
  Foundations Dictionary (Graham, Haidt & Nosek 2009) and MFD 2.0 (Frimer et
  al. 2019): a category block between two ``%`` lines, then one entry a line.
* MPQA subjectivity clues ``.tff`` (:func:`read_mpqa_tff`; Wilson, Wiebe &
  Hoffmann 2005).
* eMFD-style CSV of per-word foundation probabilities
  (:func:`read_emfd_csv`; Hopp et al. 2021).
* A plain list, one term a line (:func:`read_wordlist`), e.g. the bias
  lexicon of Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013).

None of these files ship with ``framing``; several are GPL-licensed or carry
use restrictions, so users read their own copies.

One module per format: :mod:`~framing.lexicon.importers.liwc`,
:mod:`~framing.lexicon.importers.mpqa`, :mod:`~framing.lexicon.importers.emfd`
and :mod:`~framing.lexicon.importers.wordlist`.
"""

from ._common import OnError
from .emfd import read_emfd_csv
from .liwc import read_dic
from .mpqa import read_mpqa_tff
from .wordlist import read_wordlist

__all__ = ["OnError", "read_dic", "read_emfd_csv", "read_mpqa_tff", "read_wordlist"]
