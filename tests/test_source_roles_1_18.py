"""`source_roles` 1.18.0 and names the phrase reader cut: bodies, groups and companies by name."""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # federal bodies by name
        ("The NTSB said the pilot had ignored two warnings.", "The NTSB", "government"),
        ("The Nuclear Regulatory Commission said the plant was safe.", "The Nuclear Regulatory Commission",
         "government"),
        ("The Consumer Financial Protection Bureau said lenders had misled borrowers.",
         "The Consumer Financial Protection Bureau", "government"),
        ("The Bureau of Prisons said the inmate had been moved.", "The Bureau of Prisons", "law_enforcement"),
        # investigators of a crash are not the police
        ("Crash investigators said the sensor had failed twice.", "Crash investigators", "government"),
        ("Investigators said the suspect fled on foot.", "Investigators", "law_enforcement"),
        # a candidate is a candidate, whatever the trade before
        ("Andrew Yang, the entrepreneur running for president, said the plan would pay for itself.",
         "Andrew Yang, the entrepreneur running for president", "government"),
        # advocacy groups by name
        ("The Human Rights Campaign said the bill was cruel.", "The Human Rights Campaign", "advocacy"),
        ("Media Matters said the network had misled its viewers.", "Media Matters", "advocacy"),
        ("Public Citizen said the rule favoured lenders.", "Public Citizen", "advocacy"),
        ("The National Organization for Women said the ruling was a setback.",
         "The National Organization for Women", "advocacy"),
        # think tanks, clinics, outlets, companies
        ("The Hoover Institution said the study was flawed.", "The Hoover Institution", "expert"),
        ("The Mayo Clinic said the trial would enrol 200 patients.", "The Mayo Clinic", "expert"),
        ("The Daily Wire reported that the vote had been delayed.", "The Daily Wire", "media"),
        ("BlackRock said it would sell the shares.", "BlackRock", "business"),
        ("Wells Fargo said it had fired the managers.", "Wells Fargo", "business"),
        ("Delta Air Lines said flights would resume on Monday.", "Delta Air Lines", "business"),
    ],
)
def test_bodies_and_groups_of_1_18(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # a name with a lower-case word inside it is read whole when the lexicon holds it
        ("The Council on Foreign Relations said the talks had failed.", "Council on Foreign Relations", "expert"),
        ("Save the Children said the camps were full.", "Save the Children", "advocacy"),
        ("The Council on American-Islamic Relations said the ban was unlawful.",
         "Council on American-Islamic Relations", "advocacy"),
    ],
)
def test_a_name_cut_by_the_phrase_reader_is_read_whole(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # no lexicon name crosses the phrase: the phrase stays as read
        ("Trump on Tuesday said the deal was dead.", "Trump"),
        ("The children of the town said the school was closed.", "The children of the town"),
        ("White House officials said the meeting was off.", "White House officials"),
    ],
)
def test_a_phrase_no_name_crosses_stays(text: str, speaker: str) -> None:
    assert [s for s, _ in speakers_on_both_paths(text)] == [speaker]
