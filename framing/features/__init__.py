"""scikit-learn transformers from text to framing features.

Each transformer takes a 1-D iterable of documents (best: a
:class:`pandas.Series` indexed by article id) and returns one row per
document, so it drops into a :class:`~sklearn.pipeline.Pipeline` or a
:class:`~sklearn.compose.ColumnTransformer` next to
:class:`~sklearn.feature_extraction.text.TfidfVectorizer`:

* :class:`LexiconFeaturizer`: per lexicon category, hits per 1,000 tokens
  and/or raw counts (``<lexicon>__<category>``), as :func:`framing.analyze`
  computes them;
* :class:`AttributionFeaturizer`: the ``attribution__*`` features (quotes,
  speakers, reporting-verb stance, share of voice);
* :class:`TermListFeaturizer`: a term list learned from the training fold
  (for example the words BABE annotators marked as biased), counted in new
  text; the word list never sees test labels when fitted inside
  cross-validation.

All follow the scikit-learn estimator contract: ``__init__`` only stores
parameters, validation happens in ``fit``, fitted attributes end in ``_``,
``get_feature_names_out`` and ``set_output(transform="pandas")`` work (the
output keeps the index of a Series input).

The modules: :mod:`~framing.features._base` (the input contract,
:func:`check_documents`), :mod:`~framing.features.lexicon`,
:mod:`~framing.features.attribution`, :mod:`~framing.features.terms`, and
:mod:`~framing.features.embeddings` (:class:`SentenceEmbedder`, behind the
``embeddings`` extra; not imported here). Model files saved by framing 0.1
name the classes as ``framing.features.<Class>``: the names below keep
that path importable.
"""

from __future__ import annotations

from ._base import check_documents
from .attribution import AttributionFeaturizer
from .lexicon import LexiconFeaturizer
from .terms import TermListFeaturizer

__all__ = [
    "AttributionFeaturizer",
    "LexiconFeaturizer",
    "TermListFeaturizer",
    "check_documents",
]
