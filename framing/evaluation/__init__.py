"""Measured quality of framing against public gold data.

Evaluation is a client of the library, not a part of its runtime: these
modules use the public API of :mod:`framing` and read every corpus through
:mod:`framing.datasets` (one data-home policy, :func:`framing.datasets.get_data_home`).
Only the command line (``framing evaluate``) imports them.

=====================================  =====================================================
module                                 measures
=====================================  =====================================================
:mod:`framing.evaluation.text`         sentence boundaries on the PTC training articles
:mod:`framing.evaluation.lexicons`     lexicon hits against BABE's biased words and PTC spans
:mod:`framing.evaluation.spans`        the SemEval-2020 task 11 span measure they share
:mod:`framing.evaluation.attribution`  quote, cue and speaker spans against PolNeAR
:mod:`framing.evaluation.tagger`       part-of-speech tags against UD English EWT test
:mod:`framing.evaluation.models`       the trainable models against published results
=====================================  =====================================================
"""
