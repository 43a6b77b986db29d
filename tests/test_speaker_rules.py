"""Speakers that are not sources, addressees, passives, openers and titles of organisations."""

from __future__ import annotations

import pytest

from framing.attribution import find_quotes
from framing.text import split_sentences, tokenize


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    quotes = find_quotes(text, split_sentences(text), tokenize(text))
    return [(q.speaker.text, q.speaker.category) if q.speaker else (None, None) for q in quotes]


@pytest.mark.parametrize("text", [
    "The traffic suggested that the bridge was closed again.",
    "Recent years showed that crime in the county fell.",
    "Uncertainty has said that the markets will fall. Uncertainty reigned, and the uncertainty grew.",
])
def test_a_phrase_that_is_no_source_gives_no_speaker(text: str) -> None:
    assert all(sp is None for sp, _ in speakers(text))


@pytest.mark.parametrize("text, speaker", [
    ("Critics said the new toll would hurt commuters.", "Critics"),
    ("Those surveyed said they would vote in May.", "Those surveyed"),
    ("The narrator says that the town never recovered.", "The narrator"),
    ("Smith said the plan would fail.", "Smith"),
])
def test_people_words_agent_nouns_and_names_stay_speakers(text: str, speaker: str) -> None:
    assert speakers(text)[0][0] == speaker


def test_the_addressee_of_told_is_not_the_speaker() -> None:
    text = '"The budget is a disaster," Sen. Jane Roe, R-Ohio, told Fox News.'
    assert speakers(text) == [("Sen. Jane Roe, R-Ohio", "government")]


def test_the_agent_of_a_passive_act_is_not_a_speaker() -> None:
    text = "The nominee was opposed by the NRA because of his record on guns."
    assert all(sp != "the NRA" for sp, _ in speakers(text))


def test_a_sentence_opening_adverb_is_not_part_of_a_name() -> None:
    text = "President Donald Trump visited Ohio on Monday. Sometimes Trump said the polls were fake."
    assert speakers(text) == [("Trump", "government")]


@pytest.mark.parametrize("text, category", [
    ('"We will fight this," NRA executive vice president Wayne LaPierre said.', "advocacy"),
    ("Jane Doe, vice president of the National Rifle Association, said the bill was unfair.", "advocacy"),
    ("Google vice president Ann Lee said the tool would ship in June.", "business"),
    ("Vice President Mike Pence said the plan would work.", "government"),
    ("The National Weather Service said the storm was weakening.", "government"),
    ("About 59 percent of Canadians said they opposed the plan.", "citizen"),
    ("FBI case agent Tom Vale wrote that the file was closed.", "law_enforcement"),
])
def test_a_title_of_an_organisation_takes_its_category(text: str, category: str) -> None:
    assert speakers(text)[0][1] == category
