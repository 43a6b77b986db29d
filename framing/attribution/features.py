"""Attribution features: one row of quote, stance and source-category aggregates per article."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter

from ..lexicon import Match
from ..text import Tokens, count_words
from .records import SOURCE_CATEGORIES, STANCES, Quote

__all__ = ["attribution_features"]


_LOADED_LEXICON = "loaded_language"
_PER = 1000.0


def attribution_features(
    quotes: list[Quote], matches: list[Match], n_tokens: int, tokens: Tokens | None = None
) -> dict[str, float]:
    """Per-article attribution features, named ``attribution__<feature>``.

    Parameters
    ----------
    quotes : list of Quote
        The article's quotes (:func:`~framing.attribution.find_quotes`).
    matches : list of Match
        All lexicon hits of the article; hits of the ``loaded_language``
        lexicon (not negated) are split into those inside attributed speech
        and those in the author's own voice.
    n_tokens : int
        Number of tokens of the article.
    tokens : Tokens, optional
        The article's tokens; when given, words inside quotes are counted
        from them (faster than re-tokenizing the quote texts).

    Returns
    -------
    dict of str to float
        Always the same keys (zeros for an article without quotes). A quote
        is a speech attribution (:attr:`Quote.act` ``"speech"``); belief
        attributions ("officials believe ...") and negated acts ("did not
        respond", "declined to name") are counted apart and are in no share:

        * ``quotes_count`` (speech quotes), ``beliefs_count`` (belief
          attributions), ``negated_count`` (negated acts), ``sources_count`` (distinct speaker names of the
          quotes), ``quoted_words_share`` (share of the article's words
          inside quotes);
        * ``direct_share``, ``indirect_share``, ``mixed_share``: share of quotes
          of each kind;
        * ``stance_<stance>_share_of_quotes``: share of the quotes with a
          cue whose cue has that stance;
        * ``source_<category>_share_of_quotes``: share of the quotes with a
          speaker whose speaker has that category (the same unit as the
          stance shares: one quote, one vote);
        * ``source_entropy``: Shannon entropy (bits) of the quoted words over
          distinct sources, 0 for one source;
        * ``loaded_in_quotes_rate`` and ``loaded_outside_quotes_rate``: loaded
          language hits per 1,000 words inside quotes and in the rest of the
          text.

    Examples
    --------
    >>> from framing.attribution import find_quotes
    >>> from framing.text import split_sentences, tokenize
    >>> text = ('Officials claimed the plan "failed." Police said it worked. '
    ...         'Critics believe it will fail.')
    >>> toks = tokenize(text)
    >>> f = attribution_features(find_quotes(text, split_sentences(text), toks), [], len(toks))
    >>> f["attribution__quotes_count"], f["attribution__beliefs_count"], f["attribution__sources_count"]
    (2.0, 1.0, 2.0)
    >>> f["attribution__stance_distancing_share_of_quotes"], f["attribution__mixed_share"]
    (0.5, 0.5)
    >>> f["attribution__source_law_enforcement_share_of_quotes"]
    0.5
    """
    beliefs = [q for q in quotes if q.act == "belief"]
    negated = [q for q in quotes if q.act == "negated"]
    if beliefs or negated:
        quotes = [q for q in quotes if q.act == "speech"]
    feats: dict[str, float] = {
        "attribution__quotes_count": float(len(quotes)),
        "attribution__beliefs_count": float(len(beliefs)),
        "attribution__negated_count": float(len(negated)),
        "attribution__sources_count": 0.0,
        "attribution__quoted_words_share": 0.0,
        "attribution__direct_share": 0.0,
        "attribution__indirect_share": 0.0,
        "attribution__mixed_share": 0.0,
        "attribution__source_entropy": 0.0,
        "attribution__loaded_in_quotes_rate": 0.0,
        "attribution__loaded_outside_quotes_rate": 0.0,
    }
    for stance in STANCES:
        feats[f"attribution__stance_{stance}_share_of_quotes"] = 0.0
    for cat in SOURCE_CATEGORIES:
        feats[f"attribution__source_{cat}_share_of_quotes"] = 0.0
    # quoted words, counted once where quotes overlap
    spans = sorted((q.start, q.end) for q in quotes)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    loaded = [m for m in matches if m.lexicon == _LOADED_LEXICON and not m.negated]
    starts = [s for s, _ in merged]
    inside = 0
    for m in loaded:
        k = bisect_right(starts, m.start) - 1
        if k >= 0 and m.end <= merged[k][1]:
            inside += 1
    if quotes:
        n = float(len(quotes))
        kinds = Counter(q.kind for q in quotes)
        for kind in ("direct", "indirect", "mixed"):
            feats[f"attribution__{kind}_share"] = kinds[kind] / n
        stances = Counter(q.cue.stance for q in quotes if q.cue is not None)
        cued = sum(stances.values())
        if cued:
            for stance in STANCES:
                feats[f"attribution__stance_{stance}_share_of_quotes"] = stances[stance] / cued
        by_cat: Counter[str] = Counter()
        words_by_source: Counter[str] = Counter()
        for q in quotes:
            if q.speaker is None:
                continue
            w = _words_between(tokens, q.start, q.end) if tokens else count_words(q.text)
            by_cat[q.speaker.category if q.speaker.category in SOURCE_CATEGORIES else "other"] += 1
            words_by_source[(q.speaker.name or q.speaker.text).lower()] += w
        feats["attribution__sources_count"] = float(len(words_by_source))
        voiced = sum(by_cat.values())
        if voiced:
            for cat in SOURCE_CATEGORIES:
                feats[f"attribution__source_{cat}_share_of_quotes"] = by_cat[cat] / voiced
        total_w = sum(words_by_source.values())
        if total_w:
            entropy = -sum(
                (w / total_w) * math.log2(w / total_w) for w in words_by_source.values() if w
            )
            feats["attribution__source_entropy"] = max(0.0, entropy)  # no -0.0
    if tokens is not None:
        quoted_words = sum(_words_between(tokens, s, e) for s, e in merged)
    else:
        quoted_words = _count_words_in(quotes, merged)
    if n_tokens:
        feats["attribution__quoted_words_share"] = min(1.0, quoted_words / n_tokens)
    if quoted_words:
        feats["attribution__loaded_in_quotes_rate"] = inside * _PER / quoted_words
    outside_words = max(0, n_tokens - quoted_words)
    if outside_words:
        feats["attribution__loaded_outside_quotes_rate"] = (
            (len(loaded) - inside) * _PER / outside_words
        )
    return feats


def _words_between(tokens: Tokens, start: int, end: int) -> int:
    """Number of tokens that start inside ``[start, end)``."""
    return bisect_left(tokens.starts, end) - bisect_left(tokens.starts, start)


def _count_words_in(quotes: list[Quote], merged: list[list[int]]) -> int:
    """Number of words inside the union of the quote spans (one sweep, no re-counting)."""
    if not quotes:
        return 0
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    total = 0
    k = 0
    for s, e in merged:
        pos = s
        # the quotes inside this merged span are the next ones in start order
        while k < len(ordered) and ordered[k].start < e:
            x = ordered[k]
            k += 1
            if x.end <= pos:
                continue
            cut = max(pos, x.start) - x.start
            total += count_words(x.text[cut:])
            pos = x.end
    return total
