"""Roles said around a name that the entity stage reads (issue 15, "roles or bodies not read").

Each sentence is invented, written the way news articles introduce a person: a capitalised title
after a possessive, a proxy whose owner has a title abbreviation, a relation to others ("a mentor
to ..."), a former role beside the role now, "both" after two people quoted, and a weekday or a
month that no pronoun takes up. Each rule has a near miss. Every sentence is read on both paths
(quotes linked on their own, and through the analyzer with the lexicon stage's matches).
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths

from framing.attribution.speakers import SpeakerResolver
from framing.lexicon import load_lexicon
from framing.text import tokenize


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # a possessive before a capitalised title opens an appositive, not a list
        ("Jo Lane, Ohio's Secretary of State, a Democrat, expects more ballots. \"We will count them all,\""
         " Lane told reporters.", "Lane", "government"),
        ('"We are ready," said Ira Pike, Vermont\u2019s Lieutenant Governor.', "Ira Pike", "government"),
    ],
)
def test_a_title_after_a_possessive_is_the_persons_role(text: str, speaker: str, category: str) -> None:
    assert (speaker, category) in speakers_on_both_paths(text)


def test_a_possessive_before_a_name_is_an_item_of_a_list() -> None:
    text = "Heidi Marks, Iowa's Joe Dunne and Sen. Jon Tait spoke. Marks said the plan would pass."
    ents = {e.text: e.category for e in SpeakerResolver(text, tokenize(text)).entities().to_list()}
    assert ents["Heidi Marks"] == "other" and ents["Jon Tait"] == "government", ents


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # the owner of a proxy written with a title abbreviation ("Mr.", "Sen."): the period ends nothing
        ("President Ann Cole spoke first. Michael Dorn, Mrs. Cole's personal attorney, said the talks were over.",
         "Michael Dorn, Mrs. Cole's personal attorney", "government"),
        ("Sen. Ada Price wrote the bill. Tom Berg, a spokesman for Sen. Price, said it would pass.",
         "Tom Berg, a spokesman for Sen. Price", "government"),
        # near miss: the owner has no role the article says
        ("Michael Dorn, Mr. Kell's attorney, said the talks were over.", "Michael Dorn, Mr. Kell's attorney", "other"),
    ],
)
def test_a_proxy_of_an_owner_with_a_title_abbreviation(text: str, speaker: str, category: str) -> None:
    assert (speaker, category) in speakers_on_both_paths(text)


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # the roles after "a mentor to", "a godfather to" are the others'
        ("Lena Ortiz, a mentor to many state senators, said the bill would fail.",
         "Lena Ortiz, a mentor to many state senators", "other"),
        ("Jim Dane, the head of the Fairfield Policy Institute, spoke first. Mr. Dane, a sort of political"
         " godfather to the junior Republican representatives, said they matter.",
         "Mr. Dane, a sort of political godfather to the junior Republican representatives", "expert"),
        # near miss: an adviser to senators is an owner title, and takes their category
        ("Lena Ortiz, an adviser to many state senators, said the bill would fail.",
         "Lena Ortiz, an adviser to many state senators", "government"),
    ],
)
def test_a_relation_to_others_is_not_the_persons_role(text: str, speaker: str, category: str) -> None:
    assert (speaker, category) in speakers_on_both_paths(text)


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # the role now outranks the former one said elsewhere in the article
        ('"The site is gone," said Rob Kell, a former inspector for the International Atomic Energy Agency.'
         " Later Kell, the former agency inspector who is now a senior fellow at the Bergen Peace Research"
         " Institute, said the site was a reactor.", "Rob Kell", "expert"),
        # ... a former role with its body, a role now read past the appositive's usual reach
        ("Kell, the former IAEA inspector who is now a distinguished associate fellow at the Bergen"
         " International Peace Research Institute, said the site was a reactor.",
         "Kell, the former IAEA inspector who is now a distinguished associate fellow at the Bergen"
         " International Peace Research Institute", "expert"),
        # near miss: a former role that is the only one still says who the person is
        ("Rob Kell, a former inspector for the International Atomic Energy Agency, said the site was a reactor.",
         "Rob Kell, a former inspector for the International Atomic Energy Agency", "government"),
    ],
)
def test_the_role_now_outranks_a_former_one(text: str, speaker: str, category: str) -> None:
    assert (speaker, category) in speakers_on_both_paths(text)


def test_both_after_two_people_quoted() -> None:
    text = ("Jo Hale, the White House official appointed to fix the site, said it is better. Ann Ruiz, a Health"
            " and Human Services spokeswoman, said the site run by Healthcare Connect is vastly improved from"
            " five weeks ago. Still, both acknowledged more work needs to be done.")
    assert ("both", "government") in speakers_on_both_paths(text)
    # near miss: the two people quoted last have two categories
    text = ("Jo Hale, the White House official appointed to fix the site, said it is better. Ann Ruiz, a"
            " professor of computer science, said the site run by Healthcare Connect is vastly improved."
            " Still, both acknowledged more work needs to be done.")
    assert ("both", "other") in speakers_on_both_paths(text)


def test_a_weekday_or_a_month_is_no_antecedent() -> None:
    # "he" is the senator, not "Thursday" (a capitalised name the article writes, no person)
    text = ("Assuming Sen. Lamar Ellis prevails in Thursday\u2019s primary in Ohio \u2014 he\u2019s widely expected"
            " to defeat challenger Joe Carr \u2014 this will be the first cycle.")
    assert speakers_on_both_paths(text) == [("he\u2019s", "government")]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # source_roles 1.15.0
        ("Julie Bane, a Centers for Medicare and Medicaid Services spokeswoman, said the site improved.",
         "Julie Bane, a Centers for Medicare and Medicaid Services spokeswoman", "government"),
        ('"It works," House Ways and Means Chairman Ray Dole said. "It gives Congress power," Dole said.',
         "Dole", "government"),
        ("Just 18% of Democrats and Democratic leaners say the same.", "Democratic leaners", "citizen"),
        ("An immigration spokesman said the threshold is low.", "An immigration spokesman", "government"),
        # the role now at a think tank, not the magazine ("the Atlantic") nor the former post
        ("Mark Sim, a former desk director at the Pentagon, said the expulsions matter. \"It works,\" said Sim,"
         " now a senior non-resident fellow at the Atlantic Council.", "Sim", "expert"),
        ('"It ended," Dan Sloan, the chairman of the nation\u2019s oldest conservative grassroots organization,'
         " told reporters.", "Dan Sloan, the chairman of the nation\u2019s oldest conservative grassroots organization",
         "advocacy"),
        # near miss: the magazine is media
        ('"It works," the Atlantic reported.', "the Atlantic", "media"),
        # near miss: a chairman of a body with no role named stays business (the owner title's default)
        ('"It works," Acme Widgets Chairman Ray Dole said.', "Acme Widgets Chairman Ray Dole", "business"),
    ],
)
def test_bodies_and_respondents_of_1_15_0(text: str, speaker: str, category: str) -> None:
    assert (speaker, category) in speakers_on_both_paths(text)


def test_the_version_note_of_1_15_0() -> None:
    lex = load_lexicon("source_roles")
    terms = {e.term for e in lex}
    assert {"Ways and Means", "Democratic leaners", "immigration spokesman", "CMS", "the Atlantic Council"} <= terms
