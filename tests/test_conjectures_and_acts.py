"""The author's forecasts and guesses, and acts told with a reporting verb: no quotes.

framing.attribution.senses: an aim after "may", "might" or "could" ("Tehran may also seek to"),
a belief after "probably" or "presumably" ("staff probably think"), "would call" after a
quantified subject ("some people would call"), "responded by" a gerund (an act), and "confirmed
by" a chamber (a vote). The close real quotes stay. Each sentence is read on both paths (the
quote finder alone and the analyzer), which must agree.
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths


@pytest.mark.parametrize(
    "text",
    [
        "Tehran may also seek to send a broader message to Washington.",
        "The governor might want to rethink the timing of the vote.",
        "Some people would call the plan dramatic, or even drastic.",
        "The engineers at the company probably think that they are clever.",
        "Voters presumably believe the tax will never reach them.",
        "Senator Cruz responded by suspending his presidential campaign.",
        "The city responded by closing two schools and a library.",
        "Rockefeller was confirmed by both the House and Senate in 1974.",
        "The nominee was confirmed by the Senate on a vote of 52 to 48.",
    ],
)
def test_conjecture_or_act_is_no_quote(text: str) -> None:
    assert speakers_on_both_paths(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The claim was confirmed by police on Tuesday.", "police"),
        ("Cruz responded that the plan was a disaster.", "Cruz"),
        ("Stone also responded by tweeting that the story was a lie.", "Stone"),
        ("The governors responded by saying they would keep fighting.", "The governors"),
        ("The mayor said she will seek a third term next year.", "The mayor"),
        ("Most economists think the tax will slow growth.", "Most economists"),
        ("Senate leaders confirmed that the vote would be held on Friday.", "Senate leaders"),
    ],
)
def test_close_real_quotes_stay(text: str, speaker: str) -> None:
    assert speaker in [s for s, _ in speakers_on_both_paths(text)]
