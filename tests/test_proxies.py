"""Tests for :mod:`framing.attribution.proxies`: a person takes the category of whom they speak for.

Each sentence is invented, written the way news articles introduce a spokesperson, a lawyer or
a director; each rule has a near miss that keeps the person's category ``other``. Every sentence
is read on both paths (quotes linked on their own, and through the analyzer with the lexicon
stage's matches).
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths

from framing.attribution.speakers import SpeakerResolver
from framing.lexicon import load_lexicon
from framing.text import tokenize


def _category(text: str, name: str) -> str:
    (entity,) = [e for e in SpeakerResolver(text, tokenize(text)).entities().to_list() if e.text == name]
    return entity.category


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        # the owner after the proxy: a named person, a body named for a cause, a body word
        ('Sen. Ada Price wrote the bill. "It will pass," said Tom Berg, a spokesman for Price.',
         "Tom Berg", "government"),
        ('"The tax is unfair," said Dana Kirk, a spokeswoman for Ohioans for Clean Water.',
         "Dana Kirk", "advocacy"),
        ('"The bills are paid," said Ed Lowe, spokesman for Springfield\'s parks department.',
         "Ed Lowe", "government"),
        # ... its second appositive says what the owner is
        ('"We will win," said Sam Ortiz, head of Forward Together Now, an advocacy group.',
         "Sam Ortiz", "advocacy"),
        # the owner before the proxy, in the appositive or before the name
        ('Gov. Jane Wu spoke first. "It is a start," said Mark Ellis, Wu\'s communication director.',
         "Mark Ellis", "government"),
        ('President Donald Trump left early. "He is tired," Trump spokesman Leo Marsh said.',
         "Trump spokesman Leo Marsh", "government"),
    ],
)
def test_a_proxy_takes_the_category_of_its_owner(text: str, speaker: str, category: str) -> None:
    assert (speaker, category) in speakers_on_both_paths(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a former proxy speaks for nobody now
        ('Sen. Ada Price wrote the bill. "It will fail," said Jo Park, a former spokeswoman for Price.',
         "Jo Park"),
        # a lawyer with no client named stays other (source_roles leaves bare lawyers out)
        ('"He is innocent," said Ana Ruiz, an immigration lawyer.', "Ana Ruiz"),
        # an owner with no category of its own gives nothing
        ('"Sales are steady," said Mike Dunn, marketing director of Corner Grocer.', "Mike Dunn"),
    ],
)
def test_a_proxy_without_a_known_owner_stays_other(text: str, speaker: str) -> None:
    assert (speaker, "other") in speakers_on_both_paths(text)


def test_a_possessive_proxy_set_off_before_the_name() -> None:
    # "Reyes's attorney, Nora Quinn,": a possessive proxy opening the sentence
    text = "Mayor Tom Reyes lost the vote. Reyes's attorney, Nora Quinn, said the city would appeal."
    assert _category(text, "Nora Quinn") == "government"
    # near miss: the possessive inside the sentence is an object's ("met Reyes's attorney, Nora Quinn")
    text = "Mayor Tom Reyes lost the vote. Police met Reyes's attorney, Nora Quinn, on Friday."
    assert _category(text, "Nora Quinn") == "other"


def test_the_proxy_and_the_name_must_be_one_phrase() -> None:
    # "camp" ends a sentence; the name after it opens the next one: no proxy of the name
    text = "President Donald Trump spoke. Officials praised Trump's camp. Paul Kessler denied the report."
    assert _category(text, "Paul Kessler") == "other"
    text = "President Donald Trump spoke. Trump spokesman Paul Kessler denied the report."
    assert _category(text, "Paul Kessler") == "government"


def test_a_role_of_the_person_outranks_the_owner() -> None:
    # Kim's own role (an economist) is the person's, whoever the person speaks for
    text = 'Sen. Ada Price wrote the bill. "It will pass," said Lee Kim, an economist and adviser to Price.'
    assert ("Lee Kim", "expert") in speakers_on_both_paths(text)


def test_directors_are_proxies() -> None:
    rows = {e.term for e in load_lexicon("source_roles")}
    assert "director" not in rows  # a director has the category of the body directed, not one of its own
    text = 'Gov. Jane Wu spoke first. "Revenue is up," said Lars Kemp, director of Wu\'s budget office.'
    assert ("Lars Kemp", "government") in speakers_on_both_paths(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a bare "the spokesman" speaks for the owner of the last proxy of that post named before
        ('A White House spokesman spoke on Monday. "We are done," the spokesman said.', "government"),
        ("Reporters wrote to the newspaper\u2019s spokesperson. \u201cWe stand by it,\u201d the spokesperson wrote.",
         "media"),
        ('A Pentagon spokeswoman spoke first. "No troops will move," the spokesperson said.', "military"),
        ('A spokesman for the Sierra Club spoke first. "We will sue," the spokesman said.', "advocacy"),
        ('A Fresno spokesperson spoke first. "The water is safe," the spokesperson said.', "government"),
        ('The lawyer for Gov. Tom Hill filed a brief. "We will win," the lawyer said.', "government"),
        # a chain of bare ones takes up the first that has an owner
        ('A Boeing spokesman spoke. "We are done," the spokesman said. "No more," the spokesman added.', "business"),
    ],
)
def test_a_bare_proxy_takes_up_the_proxy_named_before(text: str, category: str) -> None:
    assert {c for _, c in speakers_on_both_paths(text)} == {category}


def test_a_bare_proxy_without_an_earlier_owner_stays_other() -> None:
    # near misses: no proxy of the post before; an earlier proxy of another post ("lawyer" is not "spokesman")
    assert speakers_on_both_paths('Tom Berg wrote the report. "We are done," the spokesman said.')[-1] == ("the spokesman", "other")
    assert speakers_on_both_paths('A Boeing lawyer spoke. "We are done," the spokesman said.') == [("the spokesman", "other")]


def test_a_possessive_surname_is_the_person_of_that_name() -> None:
    # "Durbin's office" is no mention of its own: the one person of that surname owns it
    text = 'Sen. Ada Price pushed the bill. "It is sound," Price\u2019s office said.'
    assert speakers_on_both_paths(text) == [("Price\u2019s office", "government")]
    # near miss: two persons of the surname, no owner
    text = 'Sen. Ada Price and Tom Price met. "It is sound," Price\u2019s office said.'
    assert speakers_on_both_paths(text) == [("Price\u2019s office", "other")]


def test_allies_stand_with_their_owner() -> None:
    # proxies 1.4.0: "ally", "allies" take the category of the person or body they are allies of
    text = 'Sen. Ada Price won the primary. "She will win again," Price\u2019s allies said.'
    assert speakers_on_both_paths(text) == [("Price\u2019s allies", "government")]
    text = 'Sen. Ada Price won. "She will win," said longtime Price ally Tom Berg.'
    assert speakers_on_both_paths(text) == [("longtime Price ally Tom Berg", "government")]
    # near miss: allies of no one named stay other
    assert speakers_on_both_paths('"We will fight on," the Allies said.') == [("the Allies", "other")]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a public figure named only before the proxy, at the start of a sentence (no entity of its own)
        ("Trump spokesman Hogan Gidley said the president was pleased.", "government"),
        ("Trump's spokesman Hogan Gidley said the president was pleased.", "government"),
        # a surname that is no public figure gives nothing
        ("Smith spokesman Jo Park said the vote would happen on Friday.", "other"),
    ],
)
def test_a_public_figure_before_the_proxy_owns_it(text: str, category: str) -> None:
    ((_, found),) = speakers_on_both_paths(text)
    assert found == category
