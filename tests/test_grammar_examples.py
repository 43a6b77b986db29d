"""Golden tests: the errors that words read without their grammar used to make, one place for all of them.

Each sentence is an error the reporting-verb, epistemic, speaker and quote instruments made before part
of speech, entities and the quote rules existed (nouns counted as reporting verbs, named politicians filed
as ``other``, one clause counted as two quotes). Closer tests of each rule live with the rule's module;
this file keeps the list whole.
"""

from __future__ import annotations

import pytest

import framing
from framing.pipeline import Analyzer

ANALYZER = Analyzer()


def _reporting_verbs(text: str) -> list[str]:
    return [m.text for m in framing.analyze(text, lexicons=["reporting_verbs"]).matches]


@pytest.mark.parametrize(
    "text",
    [
        "The United States sent aid to the region.",
        "Islamic State fighters held the town.",
        "The State Department and several states joined the lawsuit.",
        "Lawmakers read the documents and the posts.",
        "The report was released on Friday.",
        "The claims were false.",
        "The attack killed twelve people.",
        "Russian ground attack jets struck the town.",
        "Details to follow.",
        "The deal was signed, according to the Post.",
        "The senator will pose the question to the board.",
    ],
)
def test_nouns_are_not_reporting_verbs(text: str) -> None:
    assert _reporting_verbs(text) == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The report states that the plan failed.", "states"),
        ("She claims the vote was rigged.", "claims"),
        ("He posts videos online every day.", "posts"),
        ("She questioned the witness.", "questioned"),
    ],
)
def test_the_same_words_as_verbs_still_count(text: str, verb: str) -> None:
    assert _reporting_verbs(text) == [verb]


@pytest.mark.parametrize("text", ["Special forces entered the building.", "Government forces shelled the town."])
def test_forces_is_not_an_implicative_verb(text: str) -> None:
    assert list(framing.analyze(text, lexicons=["epistemic"]).matches) == []


def _speakers(text: str) -> list[tuple[str, str, str | None]]:
    doc = ANALYZER(text)
    rows = []
    for q in doc.quotes:
        assert q.speaker is not None, q.text
        entity = doc.entities[q.speaker.entity].text if q.speaker.entity is not None else None
        rows.append((q.speaker.text, q.speaker.category, entity))
    return rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Donald Trump spoke on Monday. Trump tweeted that the report was fake. "
         "Trump has denied the claims.",
         [("Trump", "government", "Donald Trump"), ("Trump", "government", "Donald Trump")]),
        ("House Speaker Nancy Pelosi met reporters. Pelosi said the bill would pass.",
         [("Pelosi", "government", "Nancy Pelosi")]),
        ("Sen. Bernie Sanders spoke in Iowa. Sanders said taxes would rise.",
         [("Sanders", "government", "Bernie Sanders")]),
        ("President Barack Obama spoke. Obama said the deal was good.",
         [("Obama", "government", "Barack Obama")]),
        ("Dr. Anthony Fauci, the government's top infectious disease expert, spoke. "
         "Fauci said cases would rise. He said masks work.",
         [("Fauci", "expert", "Anthony Fauci"), ("He", "expert", "Anthony Fauci")]),
    ],
)
def test_named_politicians_and_experts_are_not_other(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _speakers(text) == expected


def test_one_person_has_one_category_in_an_article() -> None:
    text = "Trump tweeted that the report was fake. Trump has denied that he knew."
    assert {category for _, category, _ in _speakers(text)} == {"government"}


def test_the_readme_sentence_is_one_quote() -> None:
    (q,) = ANALYZER("Critics slammed the reckless plan, officials said.").quotes
    assert q.text == "Critics slammed the reckless plan"
    assert q.speaker is not None and q.speaker.text == "officials"


@pytest.mark.parametrize(
    "text",
    [
        "By signing up, you agree to our Terms of Use and Privacy Policy.",
        "Since 2017, the federal government has added hundreds of miles of walls.",
    ],
)
def test_boilerplate_and_actions_are_not_quotes(text: str) -> None:
    assert list(ANALYZER(text).quotes) == []


def test_content_is_not_cut_short() -> None:
    (q,) = ANALYZER("Experts warned that the climate could rapidly change within a decade.").quotes
    assert q.text == "that the climate could rapidly change within a decade"


def test_speakers_are_never_function_words() -> None:
    text = ("Supporters include Maria Lopez, who said the plan works. "
            "Critics have long said that the vote was rigged.")
    doc = ANALYZER(text)
    assert [q.speaker.text if q.speaker else None for q in doc.quotes] == ["who", "Critics"]
    (who,) = [q.speaker for q in doc.quotes if q.speaker and q.speaker.text == "who"]
    assert who.entity is not None and doc.entities[who.entity].text == "Maria Lopez"
