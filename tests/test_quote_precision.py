"""Quote precision: cue words in a sense that reports nothing are no quotes.

Sentences from the AllSides development sample and the hand-checked samples of
docs/attribution.md ("precision rules"), each with a near miss that stays a quote.
"""

from __future__ import annotations

import pytest

from framing import analyze
from framing.attribution import Quote, find_quotes
from framing.text import split_sentences, tokenize


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(text, split_sentences(text), tokenize(text))


@pytest.mark.parametrize(
    "text",
    [
        # a raising passive: the man is what is said about, not who says it
        "A 20-year-old Ohio man said to have harbored Nazi sympathies has been charged with her murder.",
        # a modal hypothesis of the author
        "Americans who identify as transgender would find that identity eradicated under the new rule.",
        "They campaigned in the hope that the electorate will find both so repulsive that turnout falls.",
        "Only if there is a market can regulators know what the price should be.",
        "Nationalism is complicated. It can suggest a love of country or a hatred of others.",
        # a reciprocal "know"
        "The two men had known each other for years.",
        # actions
        "Barack Obama assumed the presidency in 2009.",
        "Mr. Bush claimed nearly $20,000 in expenses last year.",
        "Wisconsin Republican Gov. Scott Walker is trying to defy the odds in 2018, seeking a third term "
        "at a time when the political winds may be shifting.",
        # a noun: the posts appear, nobody posts
        "In no way do Sonmez\u2019s social media posts appear to have interfered with that coverage.",
        # a policy's name
        "Obama pushed through changes like a repeal of the military\u2019s \u2018Don\u2019t Ask, "
        "Don\u2019t Tell\u2019 policy.\n\nStory Continued Below",
        # a skill, an act prevented, an adjective in a list, the author's condition
        "When the crisis does come, the government knows how to react.",
        "The ACA creates regulations that stop insurers from not denying coverage for pre-existing conditions.",
        "Opposition to his nomination has focused on his history of violent, threatening behavior toward women.",
        "If a campaign announced it would skip the debate, it was in trouble.",
        "At Greenhill, fees from advising clients declined to $281 million in 2014.",
        # passives: the subject is the one accused or touted, and site boilerplate
        "China has long engaged in espionage and been accused of stealing sensitive documents from "
        "American manufacturers.",
        "The pipeline had been touted by local leaders as a source of jobs.",
        "The opinions expressed by columnists are their own and do not necessarily represent the views of the site.",
        # a reduced relative: the memos are written, nobody writes in this sentence
        "The department has given Congress copies of several of James Comey's infamous memos written "
        "while he was director of the FBI.",
    ],
)
def test_other_senses_are_no_quotes(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Officials said the man had harbored Nazi sympathies.", "say"),
        ("Researchers found that the identity was eradicated under the new rule.", "find"),
        ("Regulators know what the price should be, the report said.", "say"),
        ("The two men had known that the deal would fail, Smith said.", "say"),
        ("Smith assumed that the deal would fail.", "assume"),
        ("Mr. Bush claimed that the expenses were legitimate.", "claim"),
        ("Walker is seeking to win a third term, aides said.", "say"),
        ("James Comey has written that the memos were accurate.", "write"),
        ("The government knows that the crisis will come.", "know"),
        ("The insurers, denying the claims, said the rules were unfair.", "say"),
        ("He denied the report, saying this year will meet expectations.", "say"),
        ("China has accused the manufacturers of stealing its documents.", "accuse"),
        ("The pipeline had been touted by local leaders, the report said.", "say"),
        ("Apple declined to comment on the report.", "decline"),
        ("What Sonmez posts are her own views, the paper said.", "say"),
        ("He embraces what he believes are their shared assets.", "believe"),
        ("Don\u2019t Tell Anyone, the official said, was the order.", "say"),
    ],
)
def test_near_misses_stay_quotes(text: str, cue: str) -> None:
    assert cue in [q.cue.lemma for q in quotes_of(text) if q.cue is not None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a capitalised plural opening the sentence, then a prepositional phrase: the whole
        # phrase is the speaker ("republicans" in lower case tags as a verb, so it looked
        # like "Sometimes Trump said", whose adverb is dropped)
        ("Republicans in the Senate said the bill would fail.", "Republicans in the Senate"),
        ("Democrats in the House said the bill would fail.", "Democrats in the House"),
        ("Sometimes Trump said the bill would fail.", "Trump"),
    ],
)
def test_a_sentence_opener_leaves_the_speaker_only_before_a_name(text: str, speaker: str) -> None:
    quotes = analyze(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.text == speaker



def _said(text: str) -> list[tuple[str, str]]:
    """(speaker, cue lemma) of each quote of ``text``."""
    return [(q.speaker.text if q.speaker else "", q.cue.lemma if q.cue else "") for q in quotes_of(text)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # fixed phrases of the author: the quote is the one of the verb after them
        ("All told, including attorney's fees, taxes and cost, Knott said he spent about $1,500 "
         "on the case.", [("Knott", "say")]),
        ("Truth be told, the mayor said she never wanted the job.", [("the mayor", "say")]),
        ("That said, the senator said the deal was dead.", [("the senator", "say")]),
        ("Needless to say, the plan failed.", []),
        ("Having said that, Smith argued that corporate taxes should be low.", [("Smith", "argue")]),
        # near misses: the same words reporting speech
        ("They all told me the plan had failed.", [("They", "tell")]),
        ("All told reporters that the plan had failed.", [("All", "tell")]),
        ("Well, you see, she has charisma.", []),
        ("You know, the plan failed.", []),
        ("That, he said, was the plan.", [("he", "say"), ("he", "say")]),
        ("You know that the plan failed.", [("You", "know")]),
    ],
)
def test_a_fixed_phrase_holding_a_cue_is_no_quote(text: str, said: list[tuple[str, str]]) -> None:
    assert _said(text) == said


@pytest.mark.parametrize(
    "text",
    [
        # a movement, a gesture, a perception, an action's object, a passive participle
        "A knife-wielding man stormed a church in Nice on Thursday.",
        "The protesters stormed into the building and smashed windows.",
        "Barack Obama points to supporters during a rally in Denver, Colorado.",
        "Hillary Clinton pointed to the crowd as she walked on stage.",
        "Turnout drops in midterm years when voters don't see the stakes.",
        "The top 1 percent would see an average tax cut of $275,000.",
        "Soleimani's Quds Force funds and supports proxy groups across the region.",
        "Only certain tech companies declared essential by the state may stay open.",
        "The spending cuts agreed to by Congress should be restored.",
    ],
)
def test_actions_without_speech_are_no_quotes(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("\u2018Get out!\u2019 he stormed.", [("he", "storm")]),
        ("She pointed to the rising costs of care.", [("She", "point to")]),
        ("Many see the strikes as a mistake.", [("Many", "see")]),
        ("American investors certainly see more rate increases on the horizon.", [("American investors", "see")]),
        ("Sanders pointed to the millions of dollars in donations from Wall Street.", [("Sanders", "point to")]),
        ("The governor sees that the state is ready.", [("The governor", "see")]),
        ("The group supports the bill.", [("The group", "support")]),
        ("Mining companies declared bankruptcy in 2015.", [("Mining companies", "declare")]),
        ("To replace the drug, he has proposed death by nitrogen hypoxia.", [("he", "propose")]),
        ("The governor declared that the state was ready.", [("The governor", "declare")]),
        ("A knife-wielding man stormed a church in Nice on Thursday, police said.", [("police", "say")]),
    ],
)
def test_the_same_cues_reporting_words_stay_quotes(text: str, said: list[tuple[str, str]]) -> None:
    assert _said(text) == said


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Voters don\u2019t believe the plan will work.", "Voters"),
        ("Many voters didn't think that the race was close.", "Many voters"),
        ("The Republican nominee and his aides haven't said much about the debate.", "his aides"),
    ],
)
def test_a_negated_auxiliary_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    [q] = quotes_of(text)
    assert q.speaker is not None and q.speaker.text == speaker
