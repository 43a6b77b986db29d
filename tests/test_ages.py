"""A person named with an age set off by commas: the name stays in the speaker, the age says citizen."""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # an age alone after the name: a private person
        ("Maria Lopez, 62, said the water had been brown for weeks.", "Maria Lopez, 62", "citizen"),
        ("\u201cIt was awful,\u201d said Maria Lopez, 62.", "Maria Lopez", "citizen"),
        # an age and a description: the speaker starts at the name, not at the age
        ("Jacob Walker, 44, a political independent from Ohio, said he would vote for Trump.",
         "Jacob Walker, 44, a political independent from Ohio", "citizen"),
        ("Angela Laws, 58, the owner of a cleaning service, said she had lost half her clients.",
         "Angela Laws, 58, the owner of a cleaning service", "citizen"),
        # a role said of the person outranks the age
        ("Sen. Tom Udall, 72, said the vote would happen in May.", "Sen. Tom Udall, 72", "government"),
        ("Tim Leatherby, 57, a former Marine, said he would vote.", "Tim Leatherby, 57, a former Marine", "military"),
        # a public figure the article gives no role is not made a private person by an age
        ("Joe Biden, 77, said the race was close.", "Joe Biden, 77", "government"),
        ("Nancy Pelosi, 79, said the vote would happen.", "Nancy Pelosi, 79", "government"),
    ],
)
def test_an_age_after_a_name(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a number that is no age is no appositive of the speaker
        ("In 2016, a year of change, voters said no.", "voters"),
        ("According to the CDC, 42,000 people died.", "the CDC"),
    ],
)
def test_numbers_that_are_no_ages(text: str, speaker: str) -> None:
    assert [s for s, _ in speakers_on_both_paths(text)] == [speaker]
