__version__ = "0.1.0"

FEATURE_SCHEMA = 4
"""Version of the output schema (features, matches, quotes); bumped when a field or a count changes meaning.

2: reporting-verb hits are only the forms used as verbs (the quotes' cues), and the analyzer's own
cue and speaker lexicons feed quote attribution.
3: quotes never overlap and carry ``act`` (speech or belief); ``attribution__quotes_count`` counts speech
only (``attribution__beliefs_count`` the beliefs); the stance and source shares are per quote and named
``..._share_of_quotes``; non-English articles have NaN features; rows carry ``entities``, ``language``,
``warnings``, ``date``, ``url`` and ``author``.
4: ``act`` may be ``negated`` ("did not respond", "declined to name"): such quotes leave
``attribution__quotes_count`` and every share for ``attribution__negated_count``; reporting-verb hits
count every verb use of a reporting verb ("sales declined", "the proposed law"), cues only the
reporting ones.
"""
