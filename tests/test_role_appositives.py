"""Tests for the appositive after a name in :mod:`framing.attribution.evidence`: ages, suffixes, abbreviations.

Each sentence is invented, written the way news articles describe a person after the name; each
rule has a near miss. Every sentence is read on both paths (quotes linked on their own, and
through the analyzer with the lexicon stage's matches).
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an age set off after the name and a description with no role: a private person
        ('"We were relieved," said Pete Lorne, 53, a boat enthusiast from Ohio.', "citizen"),
        ('"I voted early," said Mia Lund, 34, who lives in Akron.', "citizen"),
        # ... but a role in the description wins, and a proxy speaks for its owner
        ('"We were relieved," said Tom Hale, 61, a Republican senator.', "government"),
        ('"We were relieved," said Jo Park, 45, a spokeswoman for Gov. Tom Hill.', "government"),
    ],
)
def test_an_age_after_the_name(text: str, category: str) -> None:
    assert speakers_on_both_paths(text)[0][1] == category


def test_a_number_that_is_no_age_says_nothing() -> None:
    # near miss: a year is no age
    assert speakers_on_both_paths('"We were relieved," said Ann Bell, 2020, the year of the flood.')[0][1] == "other"


def test_the_period_of_a_name_suffix_opens_the_appositive() -> None:
    text = '"Pay will rise," said Steven Hale Jr., a managing director at a pay consulting firm.'
    assert speakers_on_both_paths(text) == [("Steven Hale Jr", "business")]


def test_the_period_of_an_abbreviation_inside_the_appositive() -> None:
    text = '"Rates will fall," said Mona Gable, chief U.S. economist at Barclays in New York.'
    assert speakers_on_both_paths(text) == [("Mona Gable", "expert")]
    text = '"Talks stall in public," said Tom Kores, a longtime D.C. lobbyist.'
    assert speakers_on_both_paths(text) == [("Tom Kores", "advocacy")]
    # near misses: a relative clause's words after "U.S." are not the person's role; nor a new sentence
    text = '"I know it well," said Ann Tull, who wrote about the state of the U.S. military.'
    assert [c for _, c in speakers_on_both_paths(text)] == ["other"]
    text = '"I know it well," said Ann Tull, who moved to the U.S. Army officers met her.'
    assert [c for _, c in speakers_on_both_paths(text)] == ["other"]


def test_a_setting_after_the_name_is_no_role() -> None:
    # "speaking to ... host": the host is the other person, not the speaker's role
    text = 'Iran will act. However, Reza Abadi, speaking to Morning Edition host Steve Inskeep, says Iran is ready.'
    assert [c for _, c in speakers_on_both_paths(text)] == ["other"]
    assert speakers_on_both_paths('"No deal," said Ana Ruiz, speaking to CNN host Jake Tapper.') == [("Ana Ruiz", "other")]
    # near miss: a role before the setting still counts
    text = '"No deal," said Ana Ruiz, a Democratic senator, speaking to CNN host Jake Tapper.'
    assert speakers_on_both_paths(text) == [("Ana Ruiz", "government")]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "authorities" are the police or prosecutors the text names around them
        ('Police searched the farm on Monday. "The suspect fled north," authorities said.', "law_enforcement"),
        ('(KTV) Authorities have charged two men. "They had rifles," the sheriff\u2019s office said, and'
         ' federal authorities said "more charges may come."', "law_enforcement"),
        # near misses: no law-enforcement body named around them; authorities of a place or a nation
        ('The storm hit on Tuesday. "Roads are closed," authorities said.', "government"),
        ('Police searched the farm on Monday. "The suspect fled north," Danish authorities said.', "government"),
    ],
)
def test_authorities_named_as_police(text: str, category: str) -> None:
    assert [c for s, c in speakers_on_both_paths(text) if "uthorities" in s] == [category]
