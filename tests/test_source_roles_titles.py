"""Tests for the compound titles of ``source_roles`` 1.3.0 and for linking a titled surname.

Every sentence is written the way US, UK and Canadian news write it; each kind of title added in
1.3.0 has one, read through the same path as the pipeline (names, titles and appositives in
:mod:`framing.attribution.entities`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from speaker_paths import speakers_on_both_paths

from framing.attribution import find_quotes
from framing.attribution.doc import link_quotes
from framing.attribution.speakers import SpeakerResolver
from framing.lexicon import load_lexicon
from framing.pipeline import Analyzer
from framing.text import split_sentences, tokenize


def quote_categories(text: str) -> list[str]:
    """The category of each quote's speaker, in text order (quotes with no speaker left out)."""
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    return [q.speaker.category for q in quotes if q.speaker is not None]


def categories(text: str) -> dict[str, str]:
    """Entity name -> category of a text."""
    return {e.text: e.category for e in SpeakerResolver(text, tokenize(text)).entities().to_list()}


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        # fire services are public bodies
        ("Kern County Fire Chief David Witt said the blaze was contained.", "David Witt", "government"),
        ("Ottawa fire chief Paul Hutt said crews arrived within minutes.", "Paul Hutt", "government"),
        # spy agencies and their heads count as government
        ("Former CIA director Michael Hayden said the program was legal.", "Michael Hayden", "government"),
        ("NSA director Paul Nakasone told senators the threat was growing.", "Paul Nakasone", "government"),
        ("Christopher Steele, a former British spy, compiled the dossier.", "Christopher Steele", "government"),
        ("Former MI6 chief Alex Younger said Russia was a threat.", "Alex Younger", "government"),
        # campaign and party chairs are politics, not business
        ("Paul Manafort, his campaign chairman, denied the report.", "Paul Manafort", "government"),
        ("RNC Chairwoman Ronna McDaniel said the party was united.", "Ronna McDaniel", "government"),
        ("Federal Reserve Chairman Jerome Powell said rates would stay low.", "Jerome Powell", "government"),
        ("Rob Smith, the county executive, announced the closures.", "Rob Smith", "government"),
        ("Surgeon General Jerome Adams urged people to wear masks.", "Jerome Adams", "government"),
        ("Mary Bassett, the city's health commissioner, said cases were rising.", "Mary Bassett", "government"),
        # armed forces: a platoon's medic
        ("Joshua Cornelison, the medic in his platoon, said he saw it.", "Joshua Cornelison", "military"),
        # unions
        ("Teamsters union boss Sean O'Brien said members would strike.", "Sean O'Brien", "advocacy"),
        ("Veteran labor leader Dolores Huerta said the march mattered.", "Dolores Huerta", "advocacy"),
        # business
        ("Google cofounder Larry Page declined to comment.", "Larry Page", "business"),
        ("Keny Pham, a small-business owner, said sales had halved.", "Keny Pham", "business"),
        # expert
        ("Laurence Tribe, a professor emeritus at Harvard, disagreed.", "Laurence Tribe", "expert"),
        ("Jane Lee, a policy analyst in Toronto, said the plan was costly.", "Jane Lee", "expert"),
        # the first lady speaks from the White House (weak: her own words can say otherwise)
        ("First lady Michelle Obama said the vote mattered.", "Michelle Obama", "government"),
        # trades as citizen
        ("Colorado baker Jack Phillips said he would appeal.", "Jack Phillips", "citizen"),
        ("Radiology technologist Jeff Dettbarn said he knew something was wrong.", "Jeff Dettbarn", "citizen"),
        ("Newspaper publisher Frank Blethen said the cuts would hurt.", "Frank Blethen", "media"),
    ],
)
def test_compound_titles_give_the_category(text: str, name: str, category: str) -> None:
    assert categories(text).get(name) == category, categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("World leaders said the summit had failed.", "government"),
        ("A Republican political operative said the ad would run in Ohio.", "government"),
        ("The Iowa delegation said it would back the bill.", "government"),
        ("A family friend said the boy had been bullied.", "citizen"),
        ("The couple said they had lost everything in the fire.", "citizen"),
        ("One girl said she was scared to go back to school.", "citizen"),
        ("Twitter users said the post was offensive.", "citizen"),
        ("Listeners said the host had gone too far.", "citizen"),
        ("A retired coal miner said the plant had kept the town alive.", "citizen"),
    ],
)
def test_plain_nouns_as_speakers_give_the_category(text: str, category: str) -> None:
    assert quote_categories(text) == [category]


def test_the_version_note_says_what_was_added() -> None:
    lex = load_lexicon("source_roles")
    assert lex.version == "1.18.0"
    terms = {e.term for e in lex}
    assert {"Record", "GLAAD", "Teach for America"} <= terms and "record" not in terms  # 1.16.0
    assert {"CMS", "Ways and Means", "Atlantic Council", "leaners"} <= terms  # 1.15.0
    assert {"Coca-Cola", "chipmaker", "LLC", "Christian Science Monitor"} <= terms  # 1.17.0
    assert {"NTSB", "Media Matters", "crash investigators", "running for president", "Airways"} <= terms  # 1.18.0
    assert {"fire chief", "CIA director", "campaign chairman", "union boss", "cofounder"} <= terms
    assert {"National Weather Service", "case agent", "Canadians", "respondents"} <= terms
    owners = {e.term for e in lex if e.extra.get("owner") == "org"}
    assert {"vice president", "chairman", "CEO", "executive director"} <= owners and "senator" not in owners
    assert {"secretary of homeland security", "local chapter", "insurance company"} <= terms
    assert {"chapter", "local chapter"} <= owners
    assert "House" in terms  # 1.13.0, case-sensitive: "house" stays a building
    assert "house" not in terms


def test_a_titled_surname_links_to_the_public_figure_of_that_office() -> None:
    text = (
        "Donald Trump held a rally on Friday. Lara Trump, his daughter-in-law, spoke first. "
        "President Trump said the economy was booming."
    )
    ents = SpeakerResolver(text, tokenize(text)).entities().to_list()
    by_name = {e.text: [text[s:t] for s, t in e.mentions] for e in ents}
    assert "Trump" in by_name["Donald Trump"]
    assert by_name["Lara Trump"] == ["Lara Trump"]
    assert {e.text: e.category for e in ents}["Donald Trump"] == "government"


def test_a_titled_surname_links_to_the_full_name_with_that_role() -> None:
    text = (
        "Sen. Ann Kelly spoke on Monday. Her brother Tom Kelly, a banker, listened. "
        "Sen. Kelly said the bill would pass."
    )
    ents = SpeakerResolver(text, tokenize(text)).entities().to_list()
    by_name = {e.text: [text[s:t] for s, t in e.mentions] for e in ents}
    assert len(by_name["Ann Kelly"]) == 2 and by_name["Tom Kelly"] == ["Tom Kelly"]


def test_an_untitled_surname_still_links_to_the_closest_full_name() -> None:
    text = "Bill Clinton spoke first. Hillary Clinton followed. Clinton said the race was close."
    ents = SpeakerResolver(text, tokenize(text)).entities().to_list()
    by_name = {e.text: [text[s:t] for s, t in e.mentions] for e in ents}
    assert by_name["Hillary Clinton"] == ["Hillary Clinton", "Clinton"]


_HOME = Path(os.environ.get("FRAMING_DATA_HOME", "~/.cache/framing")).expanduser()


@pytest.mark.skipif(not (_HOME / "allsides").is_dir(), reason="AllSides corpus not available")
def test_other_share_on_200_allsides_articles_has_a_ceiling() -> None:
    from framing.evaluation.attribution import evaluate_categories

    shares = evaluate_categories(_HOME, n_articles=200).set_index("category")["share"]
    # 200 articles at 20e11d3 (source_roles 1.4.0, speakers are sources): other 0.235, not documents
    # 0.201, no speaker 0.066 (0.273 and 0.241 with 1.3.0); 0.216 on 1,000, see docs/attribution.md.
    # With source_roles 1.5.0 and the entity rules of that version: 0.234, 0.200, 0.065 (0.216 on 1,000)
    # With source_roles 1.12.0 and the proxy owners (2026-12-03): 0.198, 0.164 (0.214, 0.181 at b49b27f)
    assert shares["other (of quotes with a speaker)"] <= 0.21
    assert shares["other: not documents (of quotes with a speaker)"] <= 0.18
    # With the recall rules (long quotations no attribution took are quotes with no speaker):
    # other 0.239, not documents 0.202, no speaker 0.105, of which with a cue 0.068.
    # The share of `other` may not fall by dropping speakers: attributed quotes with no speaker stay few
    assert shares["none: with a cue"] <= 0.07
    assert shares["none"] <= 0.11


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Internet service providers said the rule would raise prices.", "business"),
        ("GlobeNewswire reported that the company had filed for bankruptcy.", "media"),
        ("Conservative groups said the ruling was a victory.", "advocacy"),
        ("Back in 2010, Forbes described the Clippers in fairly underwhelming terms.", "media"),
        # a statement: the verb of a yes/no question reports nothing ("Has someone ... concluded ...?")
        ("Someone at 1600 Pennsylvania Avenue concluded they do not want Clinton to win.", "government"),
        ("The confirmed cases were reported by 38 states and one territory, officials said.", "anonymous"),
        # supporters are whoever the article says they are: no category of their own
        ("Supporters will say Mr. Obama faced a recession when he came into office.", "other"),
    ],
)
def test_source_roles_1_5_0_terms(text: str, category: str) -> None:
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    assert [q.speaker.category for q in quotes if q.speaker is not None][:1] == [category], quotes


def test_a_county_clerk_is_government() -> None:
    text = ("Kim Davis -- the Rowan County, Kentucky Clerk who defied the order -- spoke. "
            "Davis said she would appeal.")
    assert categories(text)["Kim Davis"] == "government"


@pytest.mark.parametrize(
    ("text", "category"),
    [  # source_roles 1.6.0 and proxies 1.1.0
        ("\u201cMarkets will fall,\u201d said Quincy Krosby, chief market strategist at Prudential Financial.",
         "business"),
        ("\u201cWe will win,\u201d said Joe Smith, a Republican strategist.", "government"),
        ("Bolivia's opposition said the vote was rigged.", "government"),
        ("President-elect Donald Trump met donors on Friday. His camp said the meeting went well.", "government"),
        ("Stocks fell on Friday, according to CNBC.", "media"),
        ("The report came out on Monday. NCTC said the threat was low.", "government"),
        ("\u201cWe are ready,\u201d said a spokeswoman for the U.N. refugee agency.", "government"),
        ("The Sunrise Movement said the plan was weak.", "advocacy"),
    ],
)
def test_strategists_the_opposition_and_a_camp(text: str, category: str) -> None:
    assert quote_categories(text) == [category]



@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Columbus Dispatch reported that the mayor would resign.", "media"),
        ("The San Francisco Chronicle reported that rents rose again.", "media"),
        ("The Pittsburgh Post-Gazette reported that the plant would close.", "media"),
        ("The Star Tribune said the vote was close.", "media"),
        ("Faisal Al Yafai, an editor-at-large of Gulf News, said the talks had failed.", "media"),
        ("Bill Smith, a Herald reporter, said the fire spread quickly.", "media"),
        ("The Federal Reserve Bank of New York said growth slowed.", "government"),
        ("The bank said profits rose.", "business"),  # a bank that is no Federal Reserve Bank
        ("The Islamic State said it had taken the city.", "military"),
        ("Boko Haram said it had kidnapped the girls.", "military"),
    ],
)
def test_newspapers_by_their_head_word_and_the_reserve_banks(text: str, category: str) -> None:
    assert quote_categories(text) == [category]


def test_newspaper_head_words_are_case_sensitive() -> None:
    # the lower-case word is no newspaper: "the dispatch" of troops, a "chronicle" of events
    lex = load_lexicon("source_roles")
    for term in ("Dispatch", "Tribune", "Chronicle", "Herald", "Free Press"):
        (entry,) = [e for e in lex if e.term == term]
        assert entry.case_sensitive and entry.category == "media" and entry.weight < 1
    text = "The dispatch from the front said the troops had crossed the river."
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    assert all(q.speaker is None or q.speaker.category != "media" for q in quotes), quotes


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [
        ("Shaughnessy Naughton, founder of 314 Action, an advocacy group, said the plan failed.",
         "Shaughnessy Naughton, founder of 314 Action, an advocacy group", "advocacy"),
        ("There is a reason, says Shaughnessy Naughton, founder of 314 Action, an advocacy group that helps "
         "candidates.", "Shaughnessy Naughton", "advocacy"),
        ("John Smith, director of the Catt Center, a research institute, said turnout fell.",
         "John Smith, director of the Catt Center, a research institute", "expert"),
        ("Jane Doe, president of Acme, a software company, said sales rose.",
         "Jane Doe, president of Acme, a software company", "business"),
        # near miss: no second appositive, the title keeps its own category
        ("Jane Doe, founder of Acme, said sales rose.", "Jane Doe, founder of Acme", "business"),
    ],
)
def test_a_second_appositive_says_what_the_title_s_organisation_is(text: str, speaker: str, category: str) -> None:
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    assert [(q.speaker.text, q.speaker.category) for q in quotes if q.speaker is not None] == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "category"),
    [  # source_roles 1.9.0 (the seed-20261209 hand check: outlets filed as other)
        ("The Post reported that the plan had failed.", "media"),  # "the Post" opening a sentence
        ("The Journal reported that the settlement was final.", "media"),
        ("The Kansas City Star reported that the gunman opened fire from inside the store.", "media"),
        ("The Palm Beach Post reported that the emails were real.", "media"),
        ("The Orlando Sentinel reported that the crowd was smaller.", "media"),
        ("The Seattle Times reported that the execution was delayed.", "media"),
        ("The Daily Caller reports that the money went to charity.", "media"),
        ("Interfax also reports that the families will be flown to Cairo.", "media"),
        ("The immigrants would be barred for three years, ABC reports.", "media"),
        ("Another accuser told Al.com she was groped.", "citizen"),
        # near miss: the Post Office is no newspaper
        ("The Post Office said the mail would be late.", "government"),
    ],
)
def test_newspaper_head_words_of_1_9_0(text: str, category: str) -> None:
    assert quote_categories(text) == [category]


def test_the_head_words_of_1_9_0_are_case_sensitive_and_weak() -> None:
    lex = load_lexicon("source_roles")
    for term in ("Post", "Star", "Times", "Journal", "Sentinel", "Observer", "Mirror", "News"):
        (entry,) = [e for e in lex if e.term == term]
        assert entry.case_sensitive and entry.category == "media" and entry.weight < 1


_ANALYZER = Analyzer()


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # source_roles 1.10.0 and names written with a capitalised preposition
        ('"There is no guarantee," said Thomas A. Saenz, president and general counsel of the Mexican '
         "American Legal Defense Fund (MALDEF).", "Thomas A. Saenz", "advocacy"),  # not the Defense of the army
        ('"We need to support health care workers," the Coalition Against Surprise Medical Billing said '
         "in a statement.", "the Coalition Against Surprise Medical Billing", "advocacy"),
        ('"Drunk driving kills," said Mothers Against Drunk Driving.', "Mothers Against Drunk Driving", "advocacy"),
        ('Last year, a Berkeley instructor called rural Americans "bad people."', "a Berkeley instructor", "expert"),
        ("One such group was Heritage Action for America, whose spokesman, Dan Holler, expressed displeasure.",
         "Heritage Action for America, whose spokesman, Dan Holler", "advocacy"),
        ('"It will distort the sound," said David Chipman, the senior policy adviser with Giffords, a '
         "gun-control lobbying group.", "David Chipman", "advocacy"),  # an adviser takes the owner's category
        ('"It will fail," said John Smith, a senior adviser at Goldman Sachs.', "John Smith", "business"),
        # near misses: an adviser with no organisation stays government; a general stays military
        ('"It will fail," said John Smith, an adviser to the president.', "John Smith", "government"),
        ('"We are ready," said Gen. Mark Milley.', "Gen. Mark Milley", "military"),
        ('"Coalition forces advanced," the general said.', "the general", "military"),
    ],
)
def test_bodies_and_owner_titles_of_1_10_0(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # "then-" before a title: the title held at the time
        ("Earlier, then-Sen. Blanche Lincoln said the rule was needed.", "Blanche Lincoln", "government"),
        ("Then-Sen. Blanche Lincoln said the rule was needed.", "Blanche Lincoln", "government"),
        ("In 2009, then-FBI Director Robert Mueller said the bureau was ready.",
         "then-FBI Director Robert Mueller", "law_enforcement"),
        ("In 2009, then-House Speaker Nancy Pelosi said the bill was ready.",
         "then-House Speaker Nancy Pelosi", "government"),
        ("In 2016, then-Secretary of State Hillary Clinton said the deal was good.",
         "then-Secretary of State Hillary Clinton", "government"),
        # near miss: a hyphenated word that is no "then-" prefix gives no title
        ("Earlier, anti-Sen. Blanche Lincoln said the rule was needed.", "Blanche Lincoln", "other"),
    ],
)
def test_a_then_title_is_a_title(text: str, speaker: str, category: str) -> None:
    quotes = _ANALYZER(text).quotes
    assert [(q.speaker.text, q.speaker.category) for q in quotes if q.speaker is not None] == [(speaker, category)]
    (entity,) = [e for e in _ANALYZER(text).entities if e.category == category]
    assert not entity.text.lower().startswith("then-")  # the prefix is no part of the name


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # source_roles 1.11.0: relatives, trades, publicists, USA TODAY in capitals
        ('"It was a miracle," said his cousin Viva Hardigg.', "his cousin Viva Hardigg", "citizen"),
        ('"He was kind," said her nephew, John Smith.', "her nephew", "citizen"),
        ('"I can not work," said Ron Kirk, an electrician in Boston.', "Ron Kirk", "citizen"),
        ('"It was fine," said music publicist Rob Goldstone.', "music publicist Rob Goldstone", "business"),
        ("\"We are hopeful,\" USA TODAY's Susan Page reported.", "USA TODAY's Susan Page", "media"),
        # near miss: "usa today" in lower case is no outlet
        ('"We are hopeful," said John Smith of usa today.', "John Smith of usa today", "other"),
    ],
)
def test_relatives_trades_and_publicists_of_1_11_0(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # source_roles 1.12.0: the entertainment trade, co-owners, portfolio managers, co-presidents
        ('"I was scared," said Lena Marsh, an actress who starred in two of his films.', "Lena Marsh", "citizen"),
        ('"It was a mistake," rapper Big Tom told the crowd.', "rapper Big Tom", "citizen"),
        ('"Sales are down," said Nina Cho, co-owner of the Blue Door Bakery.', "Nina Cho", "business"),
        ('"Rates will rise," said Omar Pike, senior portfolio manager at Harbor Funds.', "Omar Pike", "business"),
        ('"We will stay," said Rosa Vela, a DACA recipient in Texas.', "Rosa Vela", "citizen"),
        ('"We will march again," said co-President Tara Lyle.', "co-President Tara Lyle", "advocacy"),
        ('"Voters want action," said Gil Amos, a policymaker in the Carter years.', "Gil Amos", "government"),
        ('"It is satire," said Rick Dunn, an editorial cartoonist.', "Rick Dunn", "media"),
        # near miss: an office outranks the weak trade ("a former actress" who is now a senator)
        ('"We need the funds," said state Sen. Lia Moss, a former actress.', "state Sen. Lia Moss", "government"),
    ],
)
def test_trades_and_owner_titles_of_1_12_0(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


def test_the_1_12_0_owner_titles_take_the_category_of_their_organisation() -> None:
    owners = {e.term for e in load_lexicon("source_roles") if e.extra.get("owner") == "org"}
    assert {"co-owner", "co-president", "co-chair", "co-chairman"} <= owners
    # a co-chair of a named advocacy group is advocacy, not the title's default (government)
    text = '"We will sue," said Dee Hart, co-chair of the American Civil Liberties Union.'
    assert speakers_on_both_paths(text) == [("Dee Hart", "advocacy")]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # source_roles 1.13.0: "House" in capitals alone is the chamber
        ("The House said the tax plan would pass by Friday.", "The House", "government"),
        ("The U.S. House said the tax plan would pass by Friday.", "The U.S. House", "government"),
        ("Freedom House said the election was unfair.", "Freedom House", "advocacy"),  # a longer name wins
        # near misses: the word in lower case, or opening a sentence before another speaker
        ("The house was empty for weeks, neighbors said.", "neighbors", "citizen"),
        ("House prices rose in the spring, economists said.", "economists", "expert"),
    ],
)
def test_the_house_of_1_13_0(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # source_roles 1.14.0: bodies headed by "Foundation" (advocacy, weak), think tanks named so, ...
        ('"Legalization hurts kids," the Safe Streets Foundation wrote on its blog.', "the Safe Streets Foundation",
         "advocacy"),
        ('"The plan costs more than it says," the Tax Foundation said.', "the Tax Foundation", "expert"),
        ('"The storm will turn north by Friday," the hurricane center said.', "the hurricane center", "government"),
        ('"Cases doubled this week," the county health department said.', "the county health department", "government"),
        ('"The costs will rise," the Congressional Research Service said.', "the Congressional Research Service",
         "government"),
        ('"Strikes are not ruled out," a senior U.S. Defense spokesman said.', "a senior U.S. Defense spokesman",
         "military"),
        ('"The satellite is in orbit," a state television news reader said.', "a state television news reader", "media"),
        # a research fellow at a foundation keeps the fellow's own role (the weak head noun does not outrank it)
        ('"Talks will fail," said Ann Varga, a research fellow at the Alder Foundation.', "Ann Varga", "expert"),
        ('"We will sue," the Clean Rivers Alliance said.', "the Clean Rivers Alliance", "advocacy"),
        ('"We will sue," the Open Water Initiative said.', "the Open Water Initiative", "advocacy"),
        ('"We will sue," the Fair Trials Society said.', "the Fair Trials Society", "advocacy"),
        ('"We will sue," the Prairie Voices Forum said.', "the Prairie Voices Forum", "advocacy"),
        ('"We will vote no," the Rural Caucus said.', "the Rural Caucus", "government"),
        ('"Prices rose," said Mike Tarn, editorial director of Grocer Weekly.', "Mike Tarn", "media"),
        ('"It is a hoax," presidential spokesman Yuri Palov said.', "presidential spokesman Yuri Palov", "government"),
        ('"We are worried," state leaders said on Monday.', "state leaders", "government"),
        ('"We are worried," U.S. intelligence leaders said.', "U.S. intelligence leaders", "government"),
        ('"The valley is clear," the Green Beret leader said.', "the Green Beret leader", "military"),
        ('POLITICO reported that the bill will stall.', "POLITICO", "media"),
        ('The Intercept reported that the memo was real.', "The Intercept", "media"),
        ('ProPublica found that the agency lost the files.', "ProPublica", "media"),
        ('"We honour them," US Vice-President Ada Lorne said.', "US Vice-President Ada Lorne", "government"),
        # a role of the person outranks the weak head noun of the body
        ('"Talks will fail," said Ann Varga, a senior economist at the Harbor Alliance.', "Ann Varga", "expert"),
        # near misses: the head nouns in lower case are common words ("an alliance", "the forum")
        ('"The alliance will hold," the minister said.', "the minister", "government"),
        ('"The vote will be close," Ann Bell said at the roll call.', "Ann Bell", "other"),  # "roll call" is a vote
        # near miss: "foundation" in lower case is a base, not a body
        ('"The foundation of the house cracked," the inspector said.', "the inspector", "other"),
    ],
)
def test_bodies_and_voices_of_1_14_0(text: str, speaker: str, category: str) -> None:
    assert speakers_on_both_paths(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # 1.17.0: makers by their product, companies by name and by legal suffix, the Monitor
        ("The chipmaker said its new plant would open in Arizona.", "business"),
        ("Truck maker Navistar said it would cut 300 jobs.", "business"),
        ("Coca-Cola did not respond to questions about the shutoffs.", "business"),
        ("Lockheed Martin said the jet had passed its last test.", "business"),
        ("Acme Widgets LLC said the recall would cost millions.", "business"),
        ("The Christian Science Monitor reported that the talks had stalled.", "media"),
        ("The Legal Aid Society said the jail had denied visits to its clients.", "advocacy"),
    ],
)
def test_companies_makers_and_outlets_of_1_17(text: str, category: str) -> None:
    assert quote_categories(text) == [category]
