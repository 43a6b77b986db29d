"""Cues whose subject reports nothing: perceptions, names, passives, provisions, blows, the author's own words.

Also colon cues whose "name" is a heading, a section label or a credit (framing.attribution.layout).

Each rule of framing.attribution.actions (and the conjecture rules of senses) is
checked both ways on invented sentences: the false quote is gone, a close real
quote stays. Every sentence is read on both paths (the quote finder alone and
the analyzer, with its lexicon stage), which must agree.
"""

from __future__ import annotations

import pytest

from framing.attribution import find_quotes
from framing.pipeline import Analyzer
from framing.text import split_sentences, tokenize

_ANALYZER = Analyzer()


def _said_on_both_paths(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, cue lemma) of each quote of ``text``, the same from the quote finder and the analyzer."""
    found = [
        (q.speaker.text if q.speaker else None, q.cue.lemma if q.cue else None)
        for q in find_quotes(text, split_sentences(text), tokenize(text))
    ]
    analysed = [(q.speaker.text if q.speaker else None, q.cue.lemma if q.cue else None) for q in _ANALYZER(text).quotes]
    assert analysed == found
    return found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # "see" in any form with a bare object: a perception or an experience
        ("Every shopper has seen the bare shelves at the corner store.", "see"),
        ("The county saw a sharp rise in rents last year.", "see"),
        ("Without seeing the full report, the figures are hard to judge.", "see"),
        ("The claims are impossible to judge without seeing the report it was based on.", "see"),
        # a belief verb sharing the object of an action, up to a purpose ("in order to")
        ("The militia funds and supports armed groups in order to spread its influence.", "support"),
        # "called" naming a thing after an indefinite noun phrase
        ("She hosted a weekly podcast called \u201cKitchen Table Talks\u201d for three years.", "call"),
        ("He founded a small charity called Bright Steps in 2004.", "call"),
        # "accused of" with no object: the accused, not the accuser; the act alleged
        ("Two clerks accused of taking bribes resigned on Monday.", "accuse"),
        ("She's accused of threatening a neighbor.", "accuse"),
        ("He is suspected of threatening a witness.", "threaten"),
        # "guarantee" with a bare object: a provision
        ("The new treaty would guarantee every farmer a minimum price.", "guarantee"),
        ("The law guarantees paid leave for new parents.", "guarantee"),
        # "knock" with a direction: a blow
        ("The volunteers knocked on doors across the district.", "knock"),
        ("A falling branch knocked him down.", "knock"),
        # the author's or the outlet's own words, and a byline
        ("As we reported earlier, the council will vote on Tuesday.", "report"),
        ("As I have noted before, the rule is vague.", "note"),
        ("This story was reported by Ana Ruiz and edited by Tom Bell.", "report"),
        # a person wished for, and the author's conjectures with a modal and a generic subject
        ("The nominee may pick someone with a fighter's reputation who could defend him on television.", "defend"),
        ("You would think the council had learned its lesson by now.", "think"),
        ("One might argue that the tax is fair.", "argue"),
        ("It is a plan many economists may agree with.", "agree"),
        # the reader addressed with a modal
        ("You might have guessed that the plan would fail.", "guess"),
        ("You can't really argue with the figures.", "argue"),
        # a condition inside the sentence: a hypothesis, nobody's words
        ("The plant will stay open if the board rejects the offer.", "reject"),
        ("Voters can stay home if they want to.", "want"),
        # everybody or nobody as the subject: the author's generalisation
        ("Everyone knows the council will raise taxes.", "know"),
        ("No one thinks that the mayor will resign.", "think"),
        ("Nobody is suggesting that the council resign.", "suggest"),
        # a yes/no question asks, reports nothing; "known as" gives a name
        ("Does the mayor want to close the plant?", "want"),
        ("But does the governor believe the polls?", "believe"),
        ("The farmer suffers from a lung disease known as silicosis, which has no cure.", "know"),
        ("In 2015, a hacker known as \"Nightjar\" broke into the city's servers.", "know"),
        # a heading before a colon: its topic comes back after it, a section label, a photo credit
        ("Measles: Measles cases rose again this winter across the state.", ":"),
        ("Facts First: The mayor did not cut the school budget last year.", ":"),
        ("Jane Roe Photographer: John Doe/Reuters", ":"),
        ("JUST WATCHED Analysis: The budget fight explained", ":"),
        # "back" with "out", "down", "away" or "off": a withdrawal, no endorsement
        ("When the ministry backed out of the treaty, the talks ended.", "back"),
        ("The senator backed down after the vote.", "back"),
        ("The agency has backed away from the estimate.", "back"),
        # "called in" troops or police: a deployment
        ("Facing angry crowds, the governor called in the National Guard.", "call"),
        ("The mayor called in riot police after the second night of looting.", "call"),
        # "echoed that of": the author's comparison of two views
        ("The senator's anger echoed that of the governor after the vote.", "echo"),
        ("Her complaints echo those of many small landlords.", "echo"),
        # "wrote for" an outlet or a person with no words: a job, a habit
        ("The critic, who wrote for The Daily Ledger and lived in Ohio, died on Monday.", "write"),
        ("For years the poet wrote for herself and showed no one.", "write"),
        # "according to" a possessive's measure: the author's yardstick
        ("The tax is a theft, according to the governor's standards of fairness.", "according to"),
        ("By noon the plan had failed, according to his own logic.", "according to"),
        # "anyone who ..." opening a clause: the author's generalisation
        ("Anyone who has watched the council – and its endless feuds – knows that the vote will fail.", "know"),
        ("But everyone who has ridden the bus believes the fare is too high.", "believe"),
        # "threaten" with a bare object that is a thing: a danger
        ("The new pipeline would threaten the water supply of three towns.", "threaten"),
        ("Its release still threatens the inquiry into the mayor.", "threaten"),
    ],
)
def test_the_cue_gives_no_quote(text: str, cue: str) -> None:
    assert cue not in [lemma for _, lemma in _said_on_both_paths(text)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a belief of seeing: "as" or a that-clause (also past a title's dot or an appositive)
        ("Many farmers saw the tariffs as a betrayal.", ("Many farmers", "see")),
        ("The mayor saw that the budget was short.", ("The mayor", "see")),
        ("Voters have long seen the senator, a former judge from Ohio, as a moderate.", ("Voters", "see")),
        ("Mr. Lee sees Mr. Park as a rival.", ("Mr. Lee", "see")),
        ("The group supports the bill in order to win votes.", ("The group", "support")),
        ("After seeing the report, the mayor said the plant would close.", ("the mayor", "say")),
        # "called" with a person or a name as its subject, or an object and its complement
        ("Governor Hale, a former prosecutor, called the ruling \u201ca disgrace.\u201d",
         ("Governor Hale, a former prosecutor", "call")),
        ("A spokesman called Senator Ames a liar.", ("A spokesman", "call")),
        ("A spokeswoman called Senator Ames \u201creckless\u201d on Friday.", ("A spokeswoman", "call")),
        ("The senator called Mr. Ames \u201creckless.\u201d", ("The senator", "call")),
        # the accuser before "accused"
        ("The clerk, whom the mayor accused of lying, resigned.", ("the mayor", "accuse")),
        ("The mayor accused the clerk of lying.", ("The mayor", "accuse")),
        # a promise, a criticism, someone else's earlier words, a report by an agent
        ("The minister guaranteed that prices would not rise.", ("The minister", "guarantee")),
        ("\u201cI guarantee you we will finish the bridge,\u201d the mayor said.", ("the mayor", "say")),
        ("The governor knocked her rival on his spending record.", ("The governor", "knock")),
        ("As the mayor noted, the council will vote on Tuesday.", ("the mayor", "note")),
        ("\u201cAs we reported to the police, the door was open,\u201d the owner said.", ("the owner", "say")),
        ("The fraud was reported by a local newspaper in May.", ("a local newspaper", "report")),
        # someone who did speak, and a person (no generic subject) with a modal
        ("He spoke to someone who said the plan would fail.", ("who", "say")),
        ("You said the tax was fair.", ("You", "say")),
        ("\u201cYou will see that the plan works,\u201d the mayor said.", ("the mayor", "say")),
        ("Smith said he would argue that the tax is fair.", ("Smith", "say")),
        # "as if" is no condition; a condition inside a reported clause leaves its report
        ("He talks as if he believes the polls are wrong.", ("he", "believe")),
        ("The mayor said the plant will close if the union rejects the offer.", ("The mayor", "say")),
        ("She will resign if she loses. Smith thinks the plan is fair.", ("Smith", "think")),
        # a name before a colon, also after a video label
        ("Sanders: We will win this state.", ("Sanders", ":")),
        ("JUST WATCHED Obama: We fumbled the rollout of this law", ("Obama", ":")),
        ("BREWSTER: I have three children and two jobs.", ("BREWSTER", ":")),
        # "not everyone" reports a disagreement
        ("Not everyone agrees with the mayor's plan.", ("everyone", "agree")),
        # the attribution of a question, a statement, a question's asker
        ("\u201cShouldn't we be ashamed?\u201d said the senator.", ("the senator", "say")),
        ("Is the plant safe? According to the inspector, it is.", ("the inspector", "according to")),
        ("The mayor wants to close the plant.", ("The mayor", "want")),
        ("So did the mayor inflate the figures, the reporter asked.", ("the reporter", "ask")),
        ("The senator is known for saying that the tax is unfair.", ("The senator", "say")),
        ("The ministry backed the treaty in May.", ("The ministry", "back")),
        # "called in" a statement, or a call for something; an echo of someone's words
        ("The mayor called in a statement for calm in the city.", ("The mayor", "call")),
        ("The union called for a strike on Monday.", ("The union", "call for")),
        ("The senator echoed the governor's call for new taxes.", ("The senator", "echo")),
        # "wrote for" an outlet with words: quoted before it, or a that-clause after it
        ("“The bridge is unsafe,” the engineer wrote for the Daily Ledger.", ("the engineer", "write")),
        ("The candidate wrote for the Daily Ledger that the city needs a new school.", ("The candidate", "write")),
        # "according to" a person's rules or a body's report; "anyone who" as an object
        ("The vote was valid, according to the state's election board.", ("the state's election board", "according to")),
        ("The mayor told anyone who would listen that the plant was safe.", ("The mayor", "tell")),
        # a threat spoken: an act threatened, a person threatened, "with", "to"
        ("The union threatened a strike over the pay cuts.", ("The union", "threaten")),
        ("The governor threatened Mayor Lee with a lawsuit.", ("The governor", "threaten")),
        ("The senator threatened to block the bill.", ("The senator", "threaten")),
    ],
)
def test_a_close_quote_stays(text: str, said: tuple[str, str]) -> None:
    assert said in _said_on_both_paths(text)
