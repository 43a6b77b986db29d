"""Quotes: no shared words, speech and belief, what is not a quote (issue "words in their grammar")."""

from __future__ import annotations

import gzip
import json
from itertools import pairwise
from pathlib import Path

import pytest

from framing.attribution import Quote, find_quotes
from framing.attribution.features import attribution_features
from framing.text import split_sentences, tokenize


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(text, split_sentences(text), tokenize(text))


def described(text: str) -> list[tuple[str | None, str, str | None, str]]:
    return [
        (q.speaker.text if q.speaker else None, q.text, q.cue.lemma if q.cue else None, q.act)
        for q in quotes_of(text)
    ]


# --------------------------------------------------------------- the examples of the issue


def test_readme_sentence_gives_one_quote_the_closing_attribution() -> None:
    # Regression: a second quote "the reckless plan, officials said" from "slammed".
    assert described("Critics slammed the reckless plan, officials said.") == [
        ("officials", "Critics slammed the reckless plan", "say", "speech")
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The plan will fail, says John Smith, a professor at Yale.", "John Smith", "The plan will fail"),
        ("Turnout will be low, said Dianne Bystrom, director of the Catt Center at Iowa State University.",
         "Dianne Bystrom", "Turnout will be low"),
        ("The law is clear, said Rebecca Roiphe, a professor at New York Law School and an expert on ethics.",
         "Rebecca Roiphe", "The law is clear"),
        ("The plan, said John Smith, who teaches at Yale, will fail.", "John Smith", "The plan"),
    ],
)
def test_the_apposition_of_an_inverted_speaker_is_no_content(text: str, speaker: str, content: str) -> None:
    assert described(text) == [(speaker, content, "say", "speech")]


def test_a_clause_goes_on_past_an_inverted_attribution_in_its_middle() -> None:
    assert [q.text for q in quotes_of("The economy, said Smith, is weak.")] == ["The economy", "is weak"]
    assert [q.text for q in quotes_of("The economy, Smith said, is weak.")] == ["The economy", "is weak"]


def test_an_inner_cue_is_a_cue_inside_the_content() -> None:
    assert described("Smith said the plan, which critics slammed as reckless, would fail.") == [
        ("Smith", "the plan, which critics slammed as reckless, would fail", "say", "speech")
    ]


def test_an_action_without_a_speech_cue_is_not_a_quote() -> None:
    # Regression: "the federal government has added hundreds of miles of walls" was a quote.
    assert quotes_of("Since 2017, the federal government has added hundreds of miles of walls.") == []
    assert described("He added the plan would fail.") == [("He", "the plan would fail", "add", "speech")]


@pytest.mark.parametrize(
    "text",
    [
        "Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO.",
        "By signing up you are agreeing to our Terms of Use and Privacy Policy Thank you!",
        "You agree to receive occasional updates and special offers for The New York Times's products.",
    ],
)
def test_newsletter_boilerplate_is_not_a_quote(text: str) -> None:
    assert quotes_of(text) == []


def test_content_ends_at_the_closing_mark_not_mid_clause() -> None:
    # Regression: a content cut to "could rapidly" without "change".
    text = (
        "\u201cWe could rapidly bring security into those families\u2019 lives,\u201d Booker said. "
        "Experts warned that the climate could rapidly change within a decade."
    )
    assert [q.text for q in quotes_of(text)] == [
        "\u201cWe could rapidly bring security into those families\u2019 lives,\u201d",
        "that the climate could rapidly change within a decade",
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content", "lemma"),
    [
        ("The opposition labelled the government a \u201cstooge\u201d of Beijing.", "The opposition",
         "the government a \u201cstooge\u201d of Beijing", "label"),
        ("Critics dubbed the law \u201cObamacare.\u201d", "Critics", "the law \u201cObamacare.\u201d", "dub"),
        ('He called the plan a "disaster."', "He", 'the plan a "disaster."', "call"),
    ],
)
def test_a_scare_quote_with_a_naming_verb_is_attributed(text: str, speaker: str, content: str, lemma: str) -> None:
    assert described(text) == [(speaker, content, lemma, "speech")]


def test_a_naming_verb_without_a_quotation_cues_nothing() -> None:
    assert quotes_of("The branded goods sold well. Critics labelled it a failure.") == []


def test_a_coordinated_clause_with_its_own_cue_ends_the_content() -> None:
    text = 'The senator called the deal a "historic betrayal" of workers, and aides said it would fail.'
    assert [(q.speaker.text if q.speaker else None, q.text) for q in quotes_of(text)] == [
        ("The senator", 'the deal a "historic betrayal" of workers'),
        ("aides", "it would fail"),
    ]


# --------------------------------------------------------------- speech and belief


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Officials believe the plan will fail.", "Officials", "the plan will fail"),
        ("Many voters think that the economy is weak.", "Many voters", "that the economy is weak"),
        ("Democrats hope the bill will pass.", "Democrats", "the bill will pass"),
        # verbs of wish, fear, knowledge and support (PolNeAR's non-speech attributions)
        ("Democrats want the refugees to come.", "Democrats", "the refugees to come"),
        ("Rubio wants to emerge as the candidate.", "Rubio", "to emerge as the candidate"),
        ("She fears the bill will fail.", "She", "the bill will fail"),
        ("Aides know the deal is dead.", "Aides", "the deal is dead"),
        ("Most Republican voters support a temporary ban.", "Most Republican voters", "a temporary ban"),
    ],
)
def test_beliefs_are_their_own_act(text: str, speaker: str, content: str) -> None:
    ((got_speaker, got_content, _, act),) = described(text)
    assert (got_speaker, got_content, act) == (speaker, content, "belief")


def test_which_cues_are_beliefs_comes_from_the_lexicon_act_column() -> None:
    from framing.attribution.cues import BELIEF_LEMMAS
    from framing.lexicon import load_lexicon

    beliefs = {e.extra["lemma"] for e in load_lexicon("reporting_verbs") if e.extra["act"] == "belief"}
    assert beliefs == BELIEF_LEMMAS
    assert {"want", "know", "fear", "think"} <= BELIEF_LEMMAS and "say" not in BELIEF_LEMMAS


def test_a_noun_homograph_of_a_belief_verb_is_no_cue() -> None:
    # "fears", "support" and "wishes" as nouns: the lexicon's pos column asks the tagger
    assert quotes_of("His fears grew. The support for the bill was strong. Best wishes to all.") == []


def test_a_belief_verb_with_a_preposition_is_no_attribution() -> None:
    assert quotes_of("He thinks about the plan every day. She believes in miracles.") == []


def test_features_count_speech_and_beliefs_apart() -> None:
    text = 'Officials claimed the plan "failed." Police said it worked. Critics believe it will fail.'
    toks = tokenize(text)
    quotes = quotes_of(text)
    assert [q.act for q in quotes] == ["speech", "speech", "belief"]
    f = attribution_features(quotes, [], len(toks), toks)
    assert (f["attribution__quotes_count"], f["attribution__beliefs_count"]) == (2.0, 1.0)
    # stance and source shares on the same unit: one speech quote, one vote
    assert f["attribution__stance_distancing_share_of_quotes"] == 0.5
    assert f["attribution__stance_neutral_share_of_quotes"] == 0.5
    assert f["attribution__source_law_enforcement_share_of_quotes"] == 0.5
    assert f["attribution__source_anonymous_share_of_quotes"] == 0.5


def test_act_is_in_the_json_and_the_quotes_table() -> None:
    from framing.pipeline.schema import QUOTE_COLUMNS, quote_row

    (q,) = quotes_of("Officials believe the plan will fail.")
    assert q.to_dict()["act"] == "belief"
    assert "act" in QUOTE_COLUMNS and quote_row("a", q)["act"] == "belief"


# --------------------------------------------------------------- the invariant on real texts


# --------------------------------------------------------------- recall (PolNeAR train misses)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("\u201cThe campaign goes on,\u201d Kasich told a crowd in Berea, Ohio.", "Kasich",
         "\u201cThe campaign goes on,\u201d"),
        ("\u201cThere has to be some form of punishment,\u201d Trump said at a town hall in March.",
         "Trump", "\u201cThere has to be some form of punishment,\u201d"),
        ("Former Rep. Chris Shays (R-Conn.) was pro John Kasich while the Ohio governor was in the "
         "running, he said on MSNBC.", "he",
         "Former Rep. Chris Shays (R-Conn.) was pro John Kasich while the Ohio governor was in the running"),
    ],
)
def test_a_setting_after_the_cue_leaves_the_content_before_the_speaker(
    text: str, speaker: str, content: str
) -> None:
    # Regression: the content was the setting ("in Berea", "on MSNBC") and the quote
    # before the speaker went to the previous speaker.
    assert [(q.speaker.text if q.speaker else None, q.text) for q in quotes_of(text)] == [(speaker, content)]


def test_a_setting_after_the_cue_is_content_when_nothing_comes_before() -> None:
    # PolNeAR marks "on fellow Republicans to ..." as what was called for
    found = described("Graham called on fellow Republicans to unendorse Trump.")
    assert found == [("Graham", "on fellow Republicans to unendorse Trump", "call", "speech")]


@pytest.mark.parametrize(
    ("text", "speaker", "lemma"),
    [
        ("The Obama administration argues that the 12-nation Pacific Rim trade accord will open "
         "doors to economic growth.", "The Obama administration", "argue"),
        ("Today's report proves that Sharon has lost his patience.", "Today's report", "prove"),
    ],
)
def test_a_3sg_verb_before_that_is_a_cue_whatever_the_tagger_reads(text: str, speaker: str, lemma: str) -> None:
    # The tagger reads "argues" after "administration" as a plural noun.
    [q] = quotes_of(text)
    assert q.speaker is not None and q.speaker.text == speaker and q.cue is not None and q.cue.lemma == lemma
    assert q.text.startswith("that ")


def test_a_plural_noun_before_that_is_still_tagged() -> None:
    # "reports" is as often a noun: amid reports that ... reports nothing
    assert quotes_of("Shares fell amid reports that the deal had collapsed.") == []


def test_that_after_a_setting_of_a_3sg_cue() -> None:
    found = described("Ilya Shapiro argues at The Federalist that some of the blame belongs to Roberts.")
    assert found == [("Ilya Shapiro", "that some of the blame belongs to Roberts", "argue", "speech")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Once he was president, Mr. Obama moved quickly, announcing that George J. Mitchell would "
         "be special envoy.", "Mr. Obama"),
        ("At a rally in Iowa, Mr. Trump was just as blunt, claiming that President Obama wanted to "
         "take in 250,000 Syrian refugees.", "Mr. Trump"),
        ("Throughout the 2000s, Democrats in Congress, fearing the electoral consequences, repeated "
         "that guns were fine.", "Democrats"),
    ],
)
def test_a_participle_takes_the_subject_after_an_opening_adverbial(text: str, speaker: str) -> None:
    # Regression: the speaker was the adverbial ("Once", "At a rally", "Throughout")
    q = next(q for q in quotes_of(text) if q.cue is not None and q.cue.text.endswith("ing"))
    assert q.speaker is not None and q.speaker.text == speaker


def test_according_to_a_bare_noun_has_no_source() -> None:
    # Regression of the hand check: speaker "plan" in "according to plan"
    assert quotes_of("Even if all goes according to plan, the legacy of sanctions cannot be erased.") == []
    assert described("The plan failed, according to officials.") == [
        ("officials", "The plan failed", "according to", "speech")
    ]


def test_a_headline_colon_name_stops_at_a_preposition() -> None:
    # Regression of the hand check: speaker "Obama On Russian Hacking"
    [q] = quotes_of("Obama On Russian Hacking: 'We Need To Take Action. And We Will'")
    assert q.speaker is not None and q.speaker.text == "Obama"


def test_a_bulletin_label_is_no_speaker() -> None:
    assert quotes_of("Bulletin: The fall of deep blue Detroit is near.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Translation: They will vote in favor of cloture, but not for the final bill.",
        "Bottom Line: The deal is dead.",
        "The Bottom Line: The deal is dead.",
        "Why It Matters: Turnout in the suburbs decides the race.",
        "The Upshot: Neither party has the votes.",
        "Background: The law was passed in 2010.",
        "Editor's Note: This story has been updated.",
        "The Latest: Trump urges supporters to monitor polling places.",
    ],
)
def test_the_authors_gloss_before_a_colon_is_no_speaker(text: str) -> None:
    # Regression of the hand check: speaker "Translation" with the cue ":"
    assert [q for q in quotes_of(text) if q.cue is not None and q.cue.text == ":"] == []


def test_a_name_before_a_colon_stays_a_speaker() -> None:
    [q] = quotes_of("Sanders: We will win the nomination.")
    assert q.speaker is not None and q.speaker.text == "Sanders"
    [q] = quotes_of("Translation Bureau Chief Ann Lee: We are ready.")
    assert q.speaker is not None and q.speaker.text == "Translation Bureau Chief Ann Lee"


def _no_overlap(quotes: list[Quote]) -> list[tuple[str, str]]:
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    return [(a.text, b.text) for a, b in pairwise(ordered) if b.start < a.end]


def test_no_two_quotes_share_words_on_polnear_dev(data_home: Path) -> None:
    texts = sorted((data_home / "polnear" / "dev" / "text").glob("*.txt"))
    if not texts:
        pytest.skip("PolNeAR dev texts not found")
    n = 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        quotes = quotes_of(text)
        n += len(quotes)
        assert _no_overlap(quotes) == [], path.name
    assert n > 1000


def test_no_two_quotes_share_words_on_allsides(data_home: Path) -> None:
    path = data_home / "allsides" / "articles.jsonl.gz"
    if not path.is_file():
        pytest.skip("AllSides articles not found")
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k == 300:
                break
            text = json.loads(line).get("content_original") or ""
            quotes = quotes_of(text)
            n += len(quotes)
            assert _no_overlap(quotes) == [], k
    assert n > 3000  # 5,424 quotes on these 300 articles (498 overlapping pairs before)


@pytest.mark.parametrize(("text", "cue"), [
    ("A spokesman for Melbourne IT declined to name the reseller.", "declined"),
    ("Smith did not respond to a message seeking comment.", "respond"),
    ("The administration has never explained why it moved the money.", "explained"),
    ("The CDC report doesn't weigh in on masks.", "weigh in"),
    ("Trump didn't say whether he would sign the bill.", "say"),
])
def test_a_negated_or_refused_act_is_counted_apart(text: str, cue: str) -> None:
    toks = tokenize(text)
    quotes = quotes_of(text)
    assert [(q.cue.text if q.cue else None, q.act) for q in quotes] == [(cue, "negated")]
    f = attribution_features(quotes, [], len(toks), toks)
    assert (f["attribution__quotes_count"], f["attribution__negated_count"]) == (0.0, 1.0)
    assert f["attribution__source_other_share_of_quotes"] == 0.0


def test_a_negation_after_the_cue_or_in_another_clause_leaves_speech() -> None:
    text = "He said he would not resign. Not long after, Smith said it failed."
    assert [q.act for q in quotes_of(text)] == ["speech", "speech"]
    # a negated belief is a belief: "does not believe X" holds a view
    text = "The Trump administration does not believe action on climate change is necessary."
    assert [q.act for q in quotes_of(text)] == ["belief"]


@pytest.mark.parametrize(
    "text",
    [
        "No Republican asked the director about the memo when he testified.",
        "No other senator said the plan would fail.",
        "No Democratic lawmaker has endorsed the plan.",
        "There had been no prior intelligence suggesting an attack was near.",
    ],
)
def test_a_subject_opened_by_no_quotes_no_one(text: str) -> None:
    assert [q for q in quotes_of(text) if q.cue is not None and q.cue.text in ("asked", "said", "endorsed",
                                                                               "suggesting")] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [  # near misses: "no" inside a quote before the cue, a name with "No", "no longer" between subject and verb
        ("\u201cThat leaves us no other options,\u201d said Speaker Ann Lee.", "Speaker Ann Lee"),
        ("The group No Labels met on Monday. No Labels founders think the moment is ripe.", "No Labels founders"),
        ("The senator no longer says the plan will fail.", "The senator"),
    ],
)
def test_no_inside_a_quote_or_a_name_still_quotes(text: str, speaker: str) -> None:
    assert [q.speaker.text if q.speaker else None for q in quotes_of(text)] == [speaker]


def test_no_before_a_preposition_opens_no_subject() -> None:
    # "no way of knowing": the gerund after "of" has no subject opened by "no"; the rule leaves it
    quotes = quotes_of("Voters will have no way of knowing how much he pays in taxes.")
    assert [q.cue.text if q.cue else None for q in quotes] == ["knowing"]


@pytest.mark.parametrize(
    "text",
    [
        "The vote is close. I fear that the bill will not pass.",
        "We asked our readers to send photos of the flood, and many did.",
        "But I don't think that anyone expected this outcome, as we now know.",
    ],
)
def test_the_authors_i_and_we_are_no_sources(text: str) -> None:
    assert quotes_of(text) == []


def test_the_authors_words_hold_their_clause() -> None:
    # the author's "I suspect" is no quote, and the reported verb inside its clause is none either
    assert quotes_of("Likewise, I suspect the senator himself would have concluded that he had to resign.") == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [  # near misses: the speaker's own "I" inside quote marks, and a transcript's labelled speakers
        ("\u201cI think the plan will fail,\u201d Smith said.", ["Smith"]),
        ("AMY LEE: What happened next?\nJOHN DOE: I think this is an opening we have to seize.\n"
         "AMY LEE: Thank you.\nJOHN DOE: I believe the talks will resume.", ["JOHN DOE", "AMY LEE", "JOHN DOE"]),
        ("Where did you find this? CLINTON: Her name is Ana. TRUMP: I think she is wrong.", ["CLINTON", "TRUMP"]),
    ],
)
def test_an_i_in_quotes_or_in_a_transcript_still_speaks(text: str, speakers: list[str]) -> None:
    assert [q.speaker.text if q.speaker else None for q in quotes_of(text)] == speakers
