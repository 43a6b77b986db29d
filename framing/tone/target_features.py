"""What the target-dependent tone model sees of a target: its context, split and weighted by distance.

A target is a span of a sentence (a person, a group, any mention). Its
features (:func:`target_features`) are of two kinds:

* **dense** numbers: VADER's compound (Hutto & Gilbert 2014) of the whole
  sentence, of the target's clause, of the context left and right of it and of
  a window of :data:`WINDOW` tokens either side; the VADER word contributions
  (after VADER's rules) summed with weights ``exp(-d / tau)`` for the token
  distance ``d`` to the target, left and right apart, positive and negative
  apart; the loaded-language and reporting-verb hits of the shipped lexicons
  near the target, by category and distance; a negator before the target or
  in its clause; the part-of-speech tags (:mod:`framing.tagger`) of the
  target's last token and of the tokens next to it, and a rough role (the
  subject before a verb, the object after a verb or a preposition, a
  possessive); the target's place in the sentence and in quote marks.
* **terms**: the sentence's words with the target masked as ``TGT``, as
  unigrams and as the bigrams around it (``TGT said``, ``slammed TGT``),
  and the words of the window marked by their side (``L:slammed``,
  ``R:praised``). The model weighs them by TF-IDF.

The design follows the feature-based target-dependent classifiers that came
before the neural ones (Jiang et al. 2011; Vo & Zhang 2015: context split
into left, right and target, pooled separately) and the NewsMTSC paper's
observation that news tone toward a person is mostly carried by the words
around the mention (Hamborg & Donnay 2021).

Examples
--------
>>> text = "Critics slammed Smith, who praised the brave rescuers."
>>> dense, terms = target_features(text, 16, 21)
>>> dense["left_compound"] < 0 < dense["right_compound"]
True
>>> "slammed TGT" in terms, "L:slammed" in terms
(True, True)
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from ..tagger import UPOS_TAGS, tag
from ..text import NEGATORS, tokenize
from .vader import explain_sentence, sentence_tone

if TYPE_CHECKING:
    from ..lexicon import Match, Matcher

__all__ = ["DENSE_NAMES", "TAUS", "WINDOW", "add_hit", "context_names", "target_features"]

WINDOW = 6
"""Tokens either side of the target in its window."""

TAUS = (2.0, 6.0)
"""Distance scales (in tokens) of the weights ``exp(-d / tau)``."""

_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although|though|because)\b", re.I)
_QUOTES = re.compile(r"[\"\u201c\u201d]")
_LOADED = ("doubt_casting", "emotive_fear", "euphemism", "exaggeration", "ideological_label",
           "loaded_verb", "pejorative", "violence_metaphor")
_CUES = ("contesting", "distancing", "emotive", "endorsing", "neutral")
_VERBS = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def add_hit(f: dict[str, float], match: Match, side: str, d: int, in_clause: bool, weight: float) -> None:
    """Add a lexicon hit ``d`` tokens ``side`` of the mention to the features ``f`` (both tone models).

    A ``loaded_language`` hit counts near the mention (within
    :data:`WINDOW` tokens) and in its clause, and adds ``weight`` (its decay
    by distance) and whether it is negated; a reporting-verb cue marks its
    side within 3 tokens and the clause.

    Examples
    --------
    >>> from framing.lexicon import Match
    >>> f = {}
    >>> add_hit(f, Match(0, 4, "slam", "loaded_language", "pejorative", 1.0, False), "left", 1, True, 1.0)
    >>> f["loaded_pejorative_near"], f["loaded_near_weighted"]
    (1.0, 1.0)
    """
    near = d <= WINDOW
    if match.lexicon == "loaded_language":
        key = f"loaded_{match.category}"
        f[key + "_near"] = f.get(key + "_near", 0.0) + near
        f[key + "_clause"] = f.get(key + "_clause", 0.0) + in_clause
        f["loaded_near_weighted"] = f.get("loaded_near_weighted", 0.0) + weight
        f["loaded_negated_near"] = f.get("loaded_negated_near", 0.0) + (near and match.negated)
    else:
        key = f"cue_{match.category}"
        if d <= 3:
            f[f"{key}_{side}"] = 1.0
        if in_clause:
            f[key + "_clause"] = 1.0


def context_names() -> list[str]:
    """The dense features of a mention's context both tone models share, in column order.

    Tone around the mention (compounds, decayed word sums), loaded words and
    reporting-verb cues near it, negators; the target model adds tags and
    roles after them, the entity model (:mod:`~framing.tone.mention_matrix`)
    what it can read without tags.

    Examples
    --------
    >>> context_names()[:2], context_names()[-1]
    (['sentence_compound', 'clause_compound'], 'negator_clause')
    """
    names = ["sentence_compound", "clause_compound", "left_compound", "right_compound",
             "window_compound", "target_compound"]
    for side in ("left", "right", "clause"):
        for tau in TAUS:
            names += [f"{side}_pos_tau{tau:g}", f"{side}_neg_tau{tau:g}"]
    for cat in _LOADED:
        names += [f"loaded_{cat}_near", f"loaded_{cat}_clause"]
    names += ["loaded_near_weighted", "loaded_negated_near"]
    for cat in _CUES:
        names += [f"cue_{cat}_right", f"cue_{cat}_left", f"cue_{cat}_clause"]
    names += ["negator_before", "negator_clause"]
    return names


def _dense_names() -> tuple[str, ...]:
    names = context_names()
    for where in ("target", "prev", "next"):
        names += [f"{where}_pos_{t}" for t in UPOS_TAGS]
    names += ["role_subject", "role_object", "role_possessive", "first_token", "relative_position",
              "target_tokens", "in_quotes", "sentence_question", "sentence_tokens_log"]
    return tuple(names)


DENSE_NAMES = _dense_names()
"""The names of the dense features, in the model's column order."""


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    from ..lexicon import Matcher, load_lexicon

    return Matcher([load_lexicon("loaded_language"), load_lexicon("reporting_verbs")])


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: from the boundary before it to the boundary after it."""
    lo, hi = 0, len(text)
    for m in _CLAUSE.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _distance(token_starts: list[int], first: int, last: int, offset: int) -> tuple[str, int]:
    """Side (``left``, ``in``, ``right``) and token distance of ``offset`` from tokens ``first..last``."""
    i = bisect_right(token_starts, offset) - 1
    if i < first:
        return "left", first - i
    if i > last:
        return "right", i - last
    return "in", 0


def target_features(text: str, start: int, end: int) -> tuple[dict[str, float], list[str]]:
    """The dense features and the terms of the target ``text[start:end]`` in its sentence ``text``.

    Parameters
    ----------
    text : str
        The sentence (or the few sentences) around the target; offsets are
        into it.
    start, end : int
        The target's span, ``0 <= start < end <= len(text)``, not checked
        here (:func:`framing.tone.tone_toward` checks them).

    Returns
    -------
    dense : dict of str to float
        One value per name of :data:`DENSE_NAMES` (absent means 0).
    terms : list of str
        The TF-IDF terms, with repeats.

    Examples
    --------
    >>> dense, _ = target_features("Smith said the plan failed.", 0, 5)
    >>> dense["cue_neutral_right"], dense["role_subject"], dense["target_pos_PROPN"]
    (1.0, 1.0, 1.0)
    """
    tokens = tokenize(text)
    starts, norms = tokens.starts, tokens.norms
    n = len(norms)
    first = bisect_left(tokens.ends, start + 1)  # the first token that ends inside the target
    last = max(first, bisect_left(starts, end) - 1)  # the last token that starts inside it
    first, last = min(first, max(n - 1, 0)), min(last, max(n - 1, 0))
    f: dict[str, float] = {}
    lo, hi = _clause_bounds(text, start, end)
    left, right = text[:start], text[end:]
    w_lo = starts[max(first - WINDOW, 0)] if n else 0
    w_hi = tokens.ends[min(last + WINDOW, n - 1)] if n else len(text)
    f["sentence_compound"] = sentence_tone(text)
    f["clause_compound"] = sentence_tone(text[lo:start] + " " + text[end:hi])
    f["left_compound"] = sentence_tone(left)
    f["right_compound"] = sentence_tone(right)
    f["window_compound"] = sentence_tone(text[w_lo:start] + " " + text[end:w_hi])
    f["target_compound"] = sentence_tone(text[start:end])
    for word in explain_sentence(text):
        side, d = _distance(starts, first, last, word.start)
        if side == "in" or not word.contribution:
            continue
        sign = "pos" if word.contribution > 0 else "neg"
        magnitude = abs(word.contribution)
        in_clause = lo <= word.start < hi
        for tau in TAUS:
            weight = magnitude * math.exp(-(d - 1) / tau)
            f[f"{side}_{sign}_tau{tau:g}"] = f.get(f"{side}_{sign}_tau{tau:g}", 0.0) + weight
            if in_clause:
                f[f"clause_{sign}_tau{tau:g}"] = f.get(f"clause_{sign}_tau{tau:g}", 0.0) + weight
    tags = tag(tokens, text) if n else []
    for match in _matcher().find(text, tokens, tags):
        side, d = _distance(starts, first, last, match.start)
        if side == "in":
            continue
        add_hit(f, match, side, d, lo <= match.start < hi, math.exp(-(d - 1) / TAUS[1]))
    before = norms[max(first - 3, 0):first]
    f["negator_before"] = float(any(w in NEGATORS or w.endswith("n't") for w in before))
    clause_words = [w for s, w in zip(starts, norms) if lo <= s < hi]
    f["negator_clause"] = float(any(w in NEGATORS or w.endswith("n't") for w in clause_words))
    if n:
        prev_tag = tags[first - 1] if first > 0 else ""
        next_tag = tags[last + 1] if last + 1 < n else ""
        f[f"target_pos_{tags[last]}"] = 1.0
        if prev_tag:
            f[f"prev_pos_{prev_tag}"] = 1.0
        if next_tag:
            f[f"next_pos_{next_tag}"] = 1.0
        after = tags[last + 1:last + 4]
        f["role_subject"] = float(any(t in _VERBS for t in after[:2])
                                  and not any(t in _NOMINAL for t in after[:1]))
        f["role_object"] = float(prev_tag in _VERBS or prev_tag == "ADP")
        f["role_possessive"] = float(norms[last].endswith("'s") or text[end:end + 2] in ("'s", "\u2019s"))
        f["first_token"] = float(first == 0)
        f["relative_position"] = first / n
        f["target_tokens"] = float(last - first + 1)
        f["sentence_tokens_log"] = math.log1p(n)
    f["in_quotes"] = float(len(_QUOTES.findall(left)) % 2 == 1)
    f["sentence_question"] = float("?" in text)
    terms = _terms(norms, first, last)
    return f, terms


def _terms(norms: list[str], first: int, last: int) -> list[str]:
    """The sentence's words with the target masked, the bigrams around it, and the side-marked window."""
    if not norms:
        return []
    masked = [*norms[:first], "TGT", *norms[last + 1:]]
    terms = list(masked)
    t = first
    if t > 0:
        terms.append(f"{masked[t - 1]} TGT")
    if t + 1 < len(masked):
        terms.append(f"TGT {masked[t + 1]}")
    terms += [f"L:{w}" for w in norms[max(first - WINDOW, 0):first]]
    terms += [f"R:{w}" for w in norms[last + 1:last + 1 + WINDOW]]
    return terms
