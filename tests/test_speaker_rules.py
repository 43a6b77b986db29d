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


# -- speakers of the 1.5.0 entity layer -------------------------------------------------------


def categorised(text: str) -> list[tuple[str | None, str | None]]:
    from framing.attribution.doc import link_quotes

    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    return [(q.speaker.text, q.speaker.category) if q.speaker else (None, None) for q in quotes]


def test_the_group_takes_up_no_government_body() -> None:
    text = ("The Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) issued the rule last year, and "
            "the National Rifle Association went to court. The group said the rule was illegal.")
    assert categorised(text)[-1] == ("The group", "advocacy")


def test_she_is_never_a_plural_noun() -> None:
    text = ("But people who wish to emigrate from nations we have broken have a unique claim. "
            "\u201cWe need a clear, achievable goal,\u201d she told Reason\u2019s John Stossel.")
    assert ("she", "anonymous") not in categorised(text)


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        ("Just 9% of Democrats say this about Trump and his administration.", "Democrats", "citizen"),
        ("A solid majority of Republicans and conservatives said the party should move right.",
         "conservatives", "citizen"),
        ("A majority of senators said they would vote against the bill.", "A majority of senators", "government"),
    ],
)
def test_a_share_of_a_party_is_poll_respondents(text: str, speaker: str, category: str) -> None:
    assert categorised(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In the Gallup survey, 64 percent said the economy was getting worse.", "64 percent"),
        ("A new Quinnipiac poll asked voters about the wall. Sixty-four percent said they opposed it.",
         "Sixty-four percent"),
        ("The Kaiser poll found broad support. Two-thirds said they backed the plan.", "Two-thirds"),
        ("In a Pew survey, 40% of those surveyed said they trust the media.", "those surveyed"),
    ],
)
def test_a_bare_share_after_a_poll_is_its_respondents(text: str, speaker: str) -> None:
    assert (speaker, "citizen") in categorised(text)


@pytest.mark.parametrize("text", [
    "The Senate voted on Tuesday. Sixty-four percent said yes.",  # no poll named
    "The poll was taken in May.\n\nHalf said they would vote.",  # the poll is in another paragraph
])
def test_a_bare_share_without_a_poll_keeps_no_category(text: str) -> None:
    assert [category for _, category in categorised(text)] == ["other"]


def test_a_share_is_an_entity_apart_from_the_party() -> None:
    text = "Democrats said the bill failed. Just 9% of Democrats say this about Trump."
    assert categorised(text) == [("Democrats", "government"), ("Democrats", "citizen")]


def test_an_executive_order_is_no_business_source() -> None:
    # "executive" describes the order (source_roles 1.5.0: "executive order" is government)
    text = ("Trump signed it on Wednesday. Later, Trump\u2019s executive order instructed the government "
            "to find a lot more space, including on military bases.")
    assert categorised(text) == [("Trump\u2019s executive order", "government")]


def test_who_after_an_appositive_ending_in_a_place_is_the_person() -> None:
    text = ("\u201cWe think there will be more chances,\u201d said Danie McHugh, partner at Summit Trail "
            "Advisors in New York, who added that she had received calls from clients.")
    assert categorised(text) == [("Danie McHugh", "business"), ("who", "business")]


def test_a_firm_named_associates_is_business_not_the_police_it_trained() -> None:
    text = ("Meanwhile, one of the nation\u2019s leading interrogation-consulting firms, Wicklander-Zulawski & "
            "Associates, which has trained hundreds of thousands of local police and federal agents in "
            "interview techniques, says it is accelerating its transition to other methods.")
    assert [c for _, c in categorised(text)] == ["business"]


def test_both_takes_the_category_its_two_persons_share() -> None:
    text = ("Frank Baitman, an HHS deputy assistant secretary, and Bryan Sivak, the HHS chief technology "
            "officer, run the data office. Both said the plan was sound.")
    assert categorised(text)[-1] == ("Both", "government")


def test_both_of_two_categories_is_other() -> None:
    text = "Sen. Ted Cruz met the economist Paul Krugman on Monday. Both said the talks went well."
    assert categorised(text)[-1] == ("Both", "other")


@pytest.mark.parametrize(("text", "category"), [
    ("Hillary Clinton spoke in Ohio. The Clinton camp said the poll was wrong.", "government"),
    ("Fox News was asked about it. A Fox News spokeswoman said the network stood by its reporting.", "media"),
    ("The Smith camp said the poll was wrong.", "other"),  # nothing says who Smith is
])
def test_a_proxy_after_a_name_speaks_for_it(text: str, category: str) -> None:
    assert [c for _, c in categorised(text)][-1] == category


def test_a_day_after_the_cue_is_no_speaker() -> None:
    text = ("Senate Minority Leader Mitch McConnell of Kentucky, said Sunday. "
            "\u201cThat's going to dominate the Congress.\u201d")
    assert "Sunday" not in [speaker for speaker, _ in categorised(text)]
    # a name that begins with the word is a name
    text = "\u201cWe will win,\u201d said Sunday Adelaja, a pastor in Kyiv."
    assert categorised(text) == [("Sunday Adelaja", "religious")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("A Quinnipiac University poll released in late August found that 74 percent of likely voters want it.",
     "A Quinnipiac University poll released in late August"),
    ("A study published in Nature found that the drug works.", "A study published in Nature"),
    ("Dozens of people arrested in the protests said they were beaten.", "Dozens of people arrested in the protests"),
])
def test_a_subject_with_a_reduced_relative_is_whole(text: str, speaker: str) -> None:
    assert [s for s, _ in categorised(text)] == [speaker]


def test_the_aps_live_blog_heading_is_no_speaker() -> None:
    text = "The Latest: Trump urges supporters to monitor polling places."
    assert "The Latest" not in [s for s, _ in categorised(text)]
