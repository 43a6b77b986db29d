__version__ = "0.1.0"

FEATURE_SCHEMA = 2
"""Version of the output schema (features, matches, quotes); bumped when a field or a count changes meaning.

2: reporting-verb hits are only the forms used as verbs (the quotes' cues), and the analyzer's own
cue and speaker lexicons feed quote attribution.
"""
