"""A credit line, "CNN's Ian Lee reported from Cairo;", says where the article's reporter was: no quote.

Nor is a heading in capitals with a question word after its colon ("CORONAVIRUS: WHAT YOU NEED TO KNOW",
framing.attribution.layout).

framing.attribution.actions ("credit"): a past "reported" followed by "from" and a capitalised place
that ends the clause, on a line that opens with the names. "Reported from Cairo that ..." keeps its
content, and a quotation before the cue its speaker.
Each sentence is read on both paths (the quote finder alone and the analyzer), which must agree.
"""

from __future__ import annotations

import pytest
from speaker_paths import speakers_on_both_paths


@pytest.mark.parametrize(
    "text",
    [
        "The talks collapsed on Sunday.\n\nCNN's Ian Lee reported from Cairo; CNN's Greg Botelho and "
        "Josh Levs reported from Atlanta.",
        "The vote is set for Friday.\n\nMaria Lopez reported from Caracas, Venezuela.",
        "Officials gave no date.\n\nJohn Smith reported from Washington and London.",
    ],
)
def test_credit_line_is_no_quote(text: str) -> None:
    assert speakers_on_both_paths(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Reuters reported from Cairo that the talks had failed.", "Reuters"),
        ("The Times reported from Baghdad, Iraq, that the troops had left the city.", "The Times"),
        ("The paper reported that the mayor would resign, aides said.", "aides"),
        # a quotation before the cue: the reporter is its speaker
        ('"This is the beginning of a long battle," CNN\'s Arwa Damon reported from Cairo.', "CNN's Arwa Damon"),
    ],
)
def test_reporting_from_a_place_with_content_stays(text: str, speaker: str) -> None:
    assert speaker in [s for s, _ in speakers_on_both_paths(text)]


def test_capitals_heading_with_a_question_word_is_no_quote() -> None:
    text = "The state closed its schools.\n\nCORONAVIRUS: WHAT YOU NEED TO KNOW\n\nThe governor said more tests would come."
    assert speakers_on_both_paths(text) == [("The governor", "government")]


def test_capitals_speaker_label_stays_a_quote() -> None:
    text = "The hearing went on.\n\nTRUMP: We will win this fight.\n\nThe governor said more tests would come."
    assert [s for s, _ in speakers_on_both_paths(text)] == ["TRUMP", "The governor"]
