"""Tests for the appositive after a name in :mod:`framing.attribution.evidence`: ages, suffixes, abbreviations.

Each sentence is invented, written the way news articles describe a person after the name; each
rule has a near miss. Every sentence is read on both paths (quotes linked on their own, and
through the analyzer with the lexicon stage's matches).
"""

from __future__ import annotations

import pytest

from framing.attribution import find_quotes
from framing.attribution.doc import link_quotes
from framing.pipeline import Analyzer
from framing.text import split_sentences, tokenize

_ANALYZER = Analyzer()


def _speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, category) of each quote, the same without and with the analyzer's lexicon matches."""
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    found = [(q.speaker.text, q.speaker.category) for q in quotes if q.speaker is not None]
    assert [(q.speaker.text, q.speaker.category) for q in _ANALYZER(text).quotes if q.speaker is not None] == found
    return found


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
    assert _speakers(text)[0][1] == category


def test_a_number_that_is_no_age_says_nothing() -> None:
    # near miss: a year is no age
    assert _speakers('"We were relieved," said Ann Bell, 2020, the year of the flood.')[0][1] == "other"


def test_the_period_of_a_name_suffix_opens_the_appositive() -> None:
    text = '"Pay will rise," said Steven Hale Jr., a managing director at a pay consulting firm.'
    assert _speakers(text) == [("Steven Hale Jr", "business")]


def test_the_period_of_an_abbreviation_inside_the_appositive() -> None:
    text = '"Rates will fall," said Mona Gable, chief U.S. economist at Barclays in New York.'
    assert _speakers(text) == [("Mona Gable", "expert")]
    text = '"Talks stall in public," said Tom Kores, a longtime D.C. lobbyist.'
    assert _speakers(text) == [("Tom Kores", "advocacy")]
    # near misses: a relative clause's words after "U.S." are not the person's role; nor a new sentence
    text = '"I know it well," said Ann Tull, who wrote about the state of the U.S. military.'
    assert [c for _, c in _speakers(text)] == ["other"]
    text = '"I know it well," said Ann Tull, who moved to the U.S. Army officers met her.'
    assert [c for _, c in _speakers(text)] == ["other"]


def test_a_setting_after_the_name_is_no_role() -> None:
    # "speaking to ... host": the host is the other person, not the speaker's role
    text = 'Iran will act. However, Reza Abadi, speaking to Morning Edition host Steve Inskeep, says Iran is ready.'
    assert [c for _, c in _speakers(text)] == ["other"]
    assert _speakers('"No deal," said Ana Ruiz, speaking to CNN host Jake Tapper.') == [("Ana Ruiz", "other")]
    # near miss: a role before the setting still counts
    text = '"No deal," said Ana Ruiz, a Democratic senator, speaking to CNN host Jake Tapper.'
    assert _speakers(text) == [("Ana Ruiz", "government")]


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
    assert [c for s, c in _speakers(text) if "uthorities" in s] == [category]
