"""Tests for ``source_roles`` 1.15.0 and the role readings of the same change.

Newspapers named by the head word "Record", GLAAD and Teach for America in the lexicon; a
title's portfolio ("director of campaigns") is no employer; a role before "of" after a plural
people noun ("fans of") or before a reporting verb ("The senator praised") is not the name's;
a bare "spokeswoman Ann Bell" speaks for the nearest named one around her.
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths

from framing.attribution.speakers import SpeakerResolver
from framing.text import tokenize


def categories(text: str) -> dict[str, str]:
    """Entity name -> category of a text."""
    return {e.text: e.category for e in SpeakerResolver(text, tokenize(text)).entities().to_list()}


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # newspapers by their head word "Record", as the Tribune and the Gazette
        ("The Ocala Record reported that the school board would meet on Monday.", "The Ocala Record", "media"),
        ("According to the Record, the board never voted on the plan.", "the Record", "media"),
        ('"We want answers," GLAAD said in a statement.', "GLAAD", "advocacy"),
        ('"Every child can learn," Teach for America said.', "Teach for America", "advocacy"),
        # a lower-case plural after a bare "of" is the title's portfolio, not whom the person works for
        ('"We want answers," said Ann Bell, GLAAD\'s director of campaigns and rapid response.', "Ann Bell",
         "advocacy"),
        ('"We want answers," said Ann Bell, director of campaigns at Greenpeace.', "Ann Bell", "advocacy"),
        # near miss: "the campaign" after "of" is the body she works for
        ('"We will win the state," said Ann Bell, director of the campaign.', "Ann Bell", "government"),
    ],
)
def test_bodies_and_portfolios_of_1_15_0(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


def test_the_head_word_record_is_case_sensitive() -> None:
    assert speakers_on_both_paths('"The record speaks for itself," the coach said.') == []
    assert categories("The record shows Ann Bell voted no. Bell said the vote was fair.") == {"Ann Bell": "other"}


def test_fans_of_a_name_are_not_the_name() -> None:
    assert categories("The coach and other fans of Tom Reyes cheered. Reyes said the game was fair.") == {
        "Tom Reyes": "other"}
    # near misses: a body before "of" names the places ("the governments of"), a singular title goes on
    assert categories("The governments of Chihuahua and Sonora said the roads were closed.") == {
        "Chihuahua": "government", "Sonora": "government"}
    assert categories("Secretary of state John Kerry said the talks would go on.") == {"John Kerry": "government"}


def test_a_role_before_a_reporting_verb_is_the_subject_s() -> None:
    assert categories("The senator praised Dana Whitfield's reporting. Whitfield said the memo was real.") == {
        "Dana Whitfield": "other"}
    assert categories("The senator praised Dana Whitfield, a columnist at the Ledger. Whitfield said it was real.")[
        "Dana Whitfield"] == "media"


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        ('House Speaker Paul Ryan met donors on Friday. "The speaker is an optimist," spokeswoman Ann Bell said.',
         "Ann Bell", "government"),
        ("Gov. Nikki Haley will not build an exchange, spokesman Rob Godfrey said.", "Rob Godfrey", "government"),
        ("The Justice Department lost the case. Spokesman Ben Hale said the department would appeal.",
         "Spokesman Ben Hale", "law_enforcement"),
        # near misses: no one named around her; an owner of its own before the proxy
        ('"The ban is unfair," spokeswoman Ann Bell said.', "Ann Bell", "other"),
        ("Gov. Nikki Haley spoke. A family spokesman, Jim Hale, said she was tired.", "Jim Hale", "other"),
    ],
)
def test_a_bare_spokesperson_speaks_for_the_nearest_named_one(text: str, name: str, category: str) -> None:
    assert categories(text)[name] == category
