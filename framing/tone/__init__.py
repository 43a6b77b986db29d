"""Tone: VADER's sentence scores, aggregated per article, per voice and per quoted source.

1. **Scores** (:mod:`~framing.tone.vader`). VADER's compound score in
   ``[-1, 1]`` of each sentence and of each quote's content span, with
   NLTK's rules and the lexicon shipped in the package (Hutto & Gilbert
   2014); :func:`explain_sentence` returns the lexicon words behind a score,
   with their spans, valence and contribution.
2. **Features** (:mod:`~framing.tone.features`): the per-article aggregates
   of :func:`tone_features` (mean, share negative and positive, author vs
   quoted sentences, quotes per source category).
3. **Tone toward targets** (:mod:`~framing.tone.targets`):
   :func:`tone_toward` scores any ``(start, end)`` spans of a text (caller
   targets, entities) with the shipped target-dependent model, trained on
   NewsMTSC (:mod:`~framing.tone.target_features`,
   :mod:`~framing.tone.target_training`).
4. **Tone toward entities** (:mod:`~framing.tone.entities`): the mean
   over each entity's mentions, scored from the document's annotations by
   a model trained on the same NewsMTSC split (:func:`entity_tones`).
5. **Family** (:mod:`~framing.tone.family`): :class:`ToneFamily`, the
   pipeline stage (an entry of ``framing.pipeline.families.COMPONENTS``).

NLTK is imported on the first score, not with this package.

Examples
--------
>>> from framing.tone import explain_sentence, sentence_tone, tone_label
>>> text = "Critics slammed the reckless plan."
>>> tone_label(sentence_tone(text))
'negative'
>>> [(w.word, w.valence) for w in explain_sentence(text)]
[('Critics', -1.2), ('reckless', -1.7)]
"""

from __future__ import annotations

from .entities import EntityTone, SentenceWords, entity_model, entity_tones, mention_features
from .family import ToneDocument, ToneFamily
from .features import DocumentTone, quoted_sentences, tone_feature_names, tone_features
from .targets import (
    LABELS,
    TargetModel,
    TargetTone,
    check_spans,
    score_targets,
    target_model,
    tone_toward,
)
from .vader import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    ToneWord,
    explain_sentence,
    sentence_tone,
    tone_label,
    vader_analyzer,
    vader_lexicon_info,
)

__all__ = [
    "LABELS",
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "DocumentTone",
    "EntityTone",
    "SentenceWords",
    "TargetModel",
    "TargetTone",
    "ToneDocument",
    "ToneFamily",
    "ToneWord",
    "check_spans",
    "entity_model",
    "entity_tones",
    "explain_sentence",
    "mention_features",
    "quoted_sentences",
    "score_targets",
    "sentence_tone",
    "target_model",
    "tone_feature_names",
    "tone_features",
    "tone_label",
    "tone_toward",
    "vader_analyzer",
    "vader_lexicon_info",
]
