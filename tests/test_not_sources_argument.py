"""The author's argument, rhetorical questions and acts told with a reporting verb: no quotes.

framing.attribution.argument: an evidence verb whose subject is an event or an abstract thing
("as the recall demonstrates"), a sentence-opening "Who" ("Who knows what 2018 holds"), police
responding to a call, parties defending races or seats, "write off", "warning signs", "push back"
with a bare object, and "asked themselves". Each sentence is read on both paths (the quote finder
alone and the analyzer), which must agree; the close real quotes stay.
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths

from framing.attribution import find_quotes
from framing.attribution.argument import argument_rule
from framing.attribution.doc import link_quotes
from framing.pipeline import Analyzer
from framing.text import split_sentences, tokenize

_ANALYZER = Analyzer()


def _cues(text: str) -> list[str]:
    """The cue of each quote (lower case), the same on the quote finder's path and the analyzer's."""
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    found = [q.cue.text.lower() for q in quotes if q.cue is not None]
    analysed = [q.cue.text.lower() for q in _ANALYZER(text).quotes if q.cue is not None]
    assert analysed == found
    return found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("And, as the Hale recall demonstrates, it's the voters who decide a mayor's fate.", "demonstrates"),
        ("So far, what is known about Moscow's information activity does not suggest that is so.", "suggest"),
        ("The episode underscored the chaos inside the campaign.", "underscored"),
        # was a quote of "Today's incident" in tests/test_quotes.py (now "Today's report" there)
        ("Today's incident proves that Sharon has lost his patience.", "proves"),
        ("But this activity shows that the party has learned the same tactics.", "shows"),
        ("A staff shakeup is under way, but experience suggests that the new chief will fare no better.", "suggests"),
        ("Who knows what 2019 holds for the party, but the results are grim.", "knows"),
        ("They voted in droves. Who knows if they will come back in the fall.", "knows"),
        ("Who thought the debate would end in a shouting match?", "thought"),
        ("Who can guarantee the peace will hold this time?", "guarantee"),
        ("Officers were responding to a report of a woman with a knife near the station.", "responding"),
        ("Firefighters responded to a call about smoke in the basement.", "responded"),
        ("Police respond to a fire set by protesters downtown.", "respond"),
        ("In the Senate, Republicans were defending 22 races in states the president won.", "defending"),
        ("The party must defend 10 seats in November.", "defend"),
        ("The champion is defending her title at the open next week.", "defending"),
        ("The bill caps how much a bank can write off as a business expense.", "write"),
        ("Many attackers broadcast warning signals of their plans online.", "warning"),
        ("His speech did not commit the country to pushing back the militants entirely.", "pushing back"),
        ("The groups sued to push back the election by a month.", "push back"),
        ("They never asked themselves what it was that the mayor wanted from them.", "asked"),
        ("The voters should ask themselves whether the plan can work.", "ask"),
    ],
)
def test_argument_or_act_is_no_quote(text: str, cue: str) -> None:
    assert cue not in _cues(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The study suggests that the drug lowers blood pressure.", "The study"),
        ("The data show that crime fell by a third last year.", "The data"),
        ("The report demonstrates that the agency failed to act.", "The report"),
        ("The poll suggests that voters are tired of the war.", "The poll"),
        ("The company agreed that the plan was flawed.", "The company"),
        ("Officials responded to the report, saying it was false.", "Officials"),
        ('"Who said that?" asked Smith, looking at the crowd.', "Smith"),
        ("He warned that the economy would slow.", "He"),
        ("The lawyers pushed back on the claim, saying it was false.", "The lawyers"),
        ("The senator pushed back the notion that he had lied.", "The senator"),
        ("He defended his record on trade, saying it had created jobs.", "He"),
        ("The mayor asked the council whether the plan could work.", "The mayor"),
    ],
)
def test_close_real_quotes_stay(text: str, speaker: str) -> None:
    assert speaker in [s for s, _ in speakers_on_both_paths(text)]


def test_close_cues_stay_cues() -> None:
    """The same verbs in their reporting senses keep their quote."""
    assert "pushed back" in _cues("The lawyers pushed back on the claim, saying it was false.")
    assert "asked" in _cues("The mayor asked the council whether the plan could work.")
    assert "knows" in _cues("Nobody in the room said it, but Smith knows that the plan failed.")
    # a quotation before "asking himself": the person's own words
    assert "asking" in _cues('"For what will you die?" he remembers asking himself.')


@pytest.mark.parametrize(
    ("text", "at", "lemma", "form", "rule"),
    [
        ("Video of the incident shows him with his hands up.", 4, "show", "3sg", None),  # the head is "Video"
        ("Revelations about his tax history show the need for reform.", 5, "show", "base", None),  # plural verb
        ("The recall demonstrates that voters decide.", 2, "demonstrate", "3sg", "event_evidence"),
        ("WHO said the virus had spread.", 1, "say", "past", None),  # the health body, not "Who"
        ("The man who said it left.", 3, "say", "past", None),  # a relative "who"
        ("Firms can write down the value of the asset.", 3, "write", "base", None),
        ("A warning that prices would rise.", 1, "warn", "gerund", None),
    ],
)
def test_rule_bounds(text: str, at: int, lemma: str, form: str, rule: str | None) -> None:
    assert argument_rule(text, tokenize(text), at, at + 1, lemma, form) == rule
