"""moral_foundations 1.2.0: each group of new entries hits in a real news sentence, and a near miss does not."""

from __future__ import annotations

import pytest

from framing.lexicon import Matcher, load_lexicon
from framing.text import tokenize


def _hits(text: str) -> list[tuple[str, str]]:
    matcher = Matcher([load_lexicon("moral_foundations")])
    return [(m.text.lower(), m.category) for m in matcher.find(text, tokenize(text))]


@pytest.mark.parametrize(
    ("sentence", "term", "category"),
    [
        ("The company was fined $2 million for dumping waste.", "fined", "authority_virtue"),
        ("Police arrested three men after the protest.", "arrested", "authority_virtue"),
        ("The bill would prohibit sales of the rifles.", "prohibit", "authority_virtue"),
        ("Prosecutors vowed to punish those responsible.", "punish", "authority_virtue"),
        ("The governor refused to sign the order.", "refused", "authority_vice"),
        ("House Democrats voted to impeach the president.", "impeach", "fairness_vice"),
        ("The alleged scheme defrauded investors.", "alleged", "fairness_vice"),
        ("The watchdog found no wrongdoing.", "watchdog", "fairness_virtue"),
        ("The jury's conviction of the officer was upheld.", "conviction", "fairness_virtue"),
        ("The bill helps poor families pay for child care.", "poor", "care_virtue"),
        ("He was an innocent bystander.", "innocent", "care_virtue"),
        ("Survivors of the shooting met the senator.", "survivors", "care_vice"),
        ("The regime executed two dissidents.", "executed", "care_vice"),
        ("Critics slammed the decision as reckless.", "slammed", "care_vice"),
        ("Republicans blamed the White House for the delay.", "blamed", "care_vice"),
        ("The measure was backed by most of the caucus.", "backed", "loyalty_virtue"),
    ],
)
def test_new_entries_hit_in_a_real_sentence(sentence: str, term: str, category: str) -> None:
    assert (term, category) in _hits(sentence)


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The fine print of the contract was long.", "fine"),  # only 'fined' is listed
        ("Prosecutors will decide next week.", "prosecute"),  # the people, not the act
        ("She loves the beach.", "loves"),  # only 'love' and 'loved'
    ],
)
def test_near_misses(sentence: str, term: str) -> None:
    assert term not in [t for t, _ in _hits(sentence)]


def test_version() -> None:
    assert load_lexicon("moral_foundations").version == "1.2.0"
