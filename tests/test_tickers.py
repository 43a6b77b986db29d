"""Link tickers (framing.attribution.tickers): the inline headlines after a name report nothing.

Invented sentences in the layout of an outlet that glues a person's full name
to a run of headlines closed by "MORE": the headline cues give no quote, a
speaker phrase running through the ticker is read from the name before it,
and text with a glued word or a "MORE" alone is left as it was.
"""

from __future__ import annotations

import pytest

from framing.attribution import find_quotes
from framing.attribution.tickers import in_ticker, link_tickers
from framing.pipeline import Analyzer
from framing.text import split_sentences, tokenize

_ANALYZER = Analyzer()

_TICKER = (
    "Sen. Jane Doe Jane Quincy DoeDoe unveils tax plan Senate panel warns of budget gap "
    "Governor slams rail deal MORE (D-Ohio), who sits on the budget panel, said the vote would be close."
)


def _said(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, cue lemma) of each quote of ``text``, the same from the quote finder and the analyzer."""
    found = [
        (q.speaker.text if q.speaker else None, q.cue.lemma if q.cue else None)
        for q in find_quotes(text, split_sentences(text), tokenize(text))
    ]
    assert [(q.speaker.text if q.speaker else None, q.cue.lemma if q.cue else None)
            for q in _ANALYZER(text).quotes] == found
    return found


def test_the_ticker_runs_from_the_name_to_more() -> None:
    (start, end), = link_tickers(_TICKER)
    assert _TICKER[:start] == "Sen. Jane Doe"
    assert _TICKER[start:end].endswith("rail deal MORE")
    assert in_ticker([(start, end)], _TICKER.index("unveils")) == 0
    assert in_ticker([(start, end)], _TICKER.index("said")) == -1


def test_headline_cues_give_no_quote_and_the_speaker_is_the_name_before() -> None:
    said = _said(_TICKER)
    assert ("Sen. Jane Doe", "say") in said
    assert not {"unveil", "warn", "slam"} & {lemma for _, lemma in said}
    assert all(speaker is None or "MORE" not in speaker for speaker, _ in said)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the full name glued to a digit, or set off by a space from a headline opened by the surname
        ("Rep. Tom Vale Thomas Vale2020 hopefuls court veterans MORE (R-Utah) said the bill was dead.", " Thomas Vale2020"),
        ("Whip Ann Roe Ann Marie Roe Roe calls the vote a stunt Senate hunts for a deal MORE (D-Md.) said no.",
         " Ann Marie Roe Roe calls"),
        # a nickname in brackets between the first name and the surname
        ("Sen. Jim Ward James (Jim) Alan WardWard backs farm bill MORE (R-Iowa) voted no.", " James (Jim) Alan WardWard"),
    ],
)
def test_the_ticker_starts_after_the_mention(text: str, start: str) -> None:
    (s, e), = link_tickers(text)
    assert text[s:e].startswith(start)
    assert text[s:e].endswith("MORE")


@pytest.mark.parametrize(
    "text",
    [
        # a glued word alone, no "MORE" after it
        "Gov. Ann Roe Ann Lee RoeRoe unveils tax plan, the paper said on Monday.",
        # "MORE" alone, no glued name before it
        "MORE than 40 people, the mayor said, were hurt in the crash.",
        # a glued word ("ObamaCare") whose first part is not the name just before it
        "Senators said they would repeal ObamaCare soon. MORE on that vote tomorrow.",
    ],
)
def test_no_ticker_without_a_glued_name_and_more(text: str) -> None:
    assert link_tickers(text) == []


def test_a_quote_after_a_glued_word_alone_stays() -> None:
    text = "Democrats want to save ObamaCare, the senator said. MORE on that vote tomorrow."
    assert ("the senator", "say") in _said(text)


def test_a_content_running_through_a_ticker_leaves_it_out() -> None:
    text = ("The senator said that Gov. Ann Roe Ann Lee RoeRoe signs farm bill House passes budget MORE "
            "(R-Iowa) would veto the plan.")
    parts = [q.text for q in find_quotes(text, split_sentences(text), tokenize(text))]
    assert parts == ["that Gov. Ann Roe", "would veto the plan"]
    assert [q.text for q in _ANALYZER(text).quotes] == parts


def test_a_content_with_no_ticker_is_left_as_it_was() -> None:
    text = "The senator said that Gov. Ann Roe would veto the plan. MORE on the vote soon."
    assert [q.text for q in find_quotes(text, split_sentences(text), tokenize(text))] == [
        "that Gov. Ann Roe would veto the plan"
    ]
