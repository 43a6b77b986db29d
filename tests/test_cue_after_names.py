"""A reporting verb after a name that ends in "-ing" or after a number and a comma is a cue."""

from __future__ import annotations

import pytest

from framing import analyze


def speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, cue) of each quote with a speaker."""
    return [(q.speaker.text, q.cue.text) for q in analyze(text).quotes if q.speaker is not None and q.cue]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a capitalised word in "-ing" is a name, not a gerund before a modifier ("investigating alleged")
        ("Peter King said he would run again.", "Peter King"),
        ("Sen. Angus King said they had agreed.", "Sen. Angus King"),
        ("Corissa Enneking said she could not afford the pills.", "Corissa Enneking"),
        ("Beijing said it would retaliate.", "Beijing"),
        ("Manning said she regretted nothing.", "Manning"),
        # a determiner-like word before a comma does not modify the verb after it
        ("Tom Hill, a father of three, said the school was closed.", "Tom Hill, a father of three"),
        ("\u201cIt is a liability,\u201d said the strategist, \u201cand everyone knows it.\u201d", "the strategist"),
    ],
)
def test_the_verb_after_a_name_is_a_cue(text: str, speaker: str) -> None:
    assert sorted({s for s, _ in speakers(text)}) == [speaker]  # an interrupted quote: one speaker


@pytest.mark.parametrize(
    "text",
    [
        # modifiers stay modifiers: no quote
        "Investigating alleged abuses took years.",
        "She has been investigating alleged misconduct.",
        "The three alleged plots failed.",
        "Police foiled the alleged plot on Monday.",
    ],
)
def test_a_participle_that_modifies_a_noun_is_no_cue(text: str) -> None:
    assert list(analyze(text).quotes) == []
