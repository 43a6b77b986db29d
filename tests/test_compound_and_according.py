"""Compound nouns that open with a cue form, "according to" names that go on after "and", numbers after a name.

- "a liberal think tank", "talk radio", "report cards": the first word of a compound noun is
  no reporting verb (framing.attribution.cues);
- "According to the Centers for Disease Control and Prevention, ...": the source is the whole
  name, and the quoted content starts after it (framing.attribution.layout);
- "..., 42,000 people died": a number after a name's comma opens a clause, not an appositive
  that gives the name a role (framing.attribution.evidence).

Each sentence is read on both paths (the quote finder alone and the analyzer with its
lexicon stage), which must agree.
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths

from framing.pipeline import Analyzer

_ANALYZER = Analyzer()


@pytest.mark.parametrize(
    "text",
    [
        "The study was paid for by a liberal think tank in Washington.",
        "Funding came from top conservative think tanks and wealthy donors.",
        "Hosts on talk radio and cable news spent the week on the story.",
        "Parents got the report cards on Friday.",
    ],
)
def test_compound_noun_is_no_cue(text: str) -> None:
    assert _ANALYZER(text).quotes == ()
    assert speakers_on_both_paths(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the same words as verbs stay cues
        ("Analysts think the tanks will reach the border by May.", "Analysts"),
        ("Senators talk about the bill every day, the aide said.", "the aide"),
        ("The agencies report the figures to Congress every year, officials said.", "officials"),
    ],
)
def test_verbs_beside_the_compounds_stay_cues(text: str, speaker: str) -> None:
    assert speaker in [s for s, _ in speakers_on_both_paths(text)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("According to the Centers for Disease Control and Prevention, 42,000 people died from "
         "overdoses in 2016.", "the Centers for Disease Control and Prevention",
         "42,000 people died from overdoses in 2016"),
        ("According to the Department of Health and Human Services, the rate fell by half.",
         "the Department of Health and Human Services", "the rate fell by half"),
        ("Prices rose again, according to the Department of Housing and Urban Development.",
         "the Department of Housing and Urban Development", "Prices rose again"),
    ],
)
def test_according_to_name_goes_on_after_and(text: str, speaker: str, content: str) -> None:
    (quote,) = _ANALYZER(text).quotes
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert text[quote.start : quote.end] == content
    assert quote.speaker.category == "government"


def test_according_to_plain_source_is_unchanged() -> None:
    text = "According to officials, the rate fell by half."
    (quote,) = _ANALYZER(text).quotes
    assert quote.speaker is not None and quote.speaker.text == "officials"
    assert text[quote.start : quote.end] == "the rate fell by half"


def test_number_after_a_name_is_no_appositive() -> None:
    text = "According to the Centers for Disease Control, 42,000 people died from overdoses in 2016."
    assert speakers_on_both_paths(text) == [("the Centers for Disease Control", "government")]


def test_age_before_an_appositive_still_gives_the_role() -> None:
    text = "Maria Lopez, 58, a retired teacher from Ohio, said the plan would fail."
    ((_, category),) = speakers_on_both_paths(text)
    assert category == "citizen"
