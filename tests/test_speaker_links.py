"""Speaker rules of 2026-12-03 (the seed-20261208 hand check): links, bodies, roles and non-sources.

Each rule has a sentence of the kind news articles write and a near miss that keeps the
old reading. See docs/attribution.md, "Speakers, bodies and non-sources (2026-12-03)".
"""

from __future__ import annotations

import pytest

from framing.attribution import find_quotes
from framing.attribution.doc import link_quotes
from framing.attribution.links import acronym_category, reflexive_core, titled_antecedent
from framing.attribution.speakers import SpeakerResolver
from framing.text import split_sentences, tokenize


def speakers(text: str) -> list[tuple[str, str]]:
    """(speaker text, category) of each quote with a speaker, after entity linking."""
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    return [(q.speaker.text, q.speaker.category) for q in quotes if q.speaker is not None]


def cues(text: str) -> list[str]:
    """The cue of each quote of the text."""
    toks = tokenize(text)
    return [q.cue.text for q in find_quotes(text, split_sentences(text), toks) if q.cue is not None]


# -- not speakers, not sources ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "And Trump's tax bill will tell us a lot about what Trumpism is.",
        "So far, the fact that the President needs a campaign agenda tells us they won't any time soon.",
    ],
)
def test_a_thing_that_tells_us_is_the_authors_argument(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She tells us that the agency had no plan.",
        "A spokesman told us the agency had no plan.",  # a past "told us" reports
        "Smith tells us the agency had no plan.",
    ],
)
def test_a_person_who_tells_us_is_a_source(text: str) -> None:
    assert len(cues(text)) == 1


def test_a_gerund_after_toward_is_a_course_not_a_report() -> None:
    text = "A similar story has played out in the recent push toward supporting Black-owned restaurants."
    assert cues(text) == []
    # near miss: a gerund after a comma is the subject's
    assert cues("Trump stayed on message, supporting the plan to reopen schools.") == ["supporting"]


def test_an_ing_form_between_a_and_its_noun_is_an_adjective() -> None:
    text = ("The very factors that made Biden seem like a plodding war horse were why a majority of "
            "Democrats have so far decided that he'd be a reassuring choice as commander-in-chief.")
    assert "reassuring" not in cues(text)
    assert cues("The president was reassuring voters that the economy would recover.") == ["reassuring"]


@pytest.mark.parametrize(
    "text",
    [
        "Consider World War II: President Franklin Roosevelt, facing a grave threat, decided to act.",
        "ACA Insurers In The Supreme Court: Why Consumers Should Pay Attention\n\nMore than 12 million people ...",
    ],
)
def test_an_example_or_a_question_heading_before_a_colon_is_no_speaker(text: str) -> None:
    assert ":" not in cues(text)


def test_a_name_before_a_colon_still_speaks() -> None:
    assert speakers("Kasich: We are going all the way to the convention.") == [("Kasich", "government")]


# -- roles inside organisation names and heads of bodies ------------------------------------


def test_a_body_named_for_a_cause_decides_over_an_owner_title() -> None:
    text = "Democracy for America chairman Charles Chamberlain told reporters the vote was a disgrace."
    assert speakers(text) == [("Democracy for America chairman Charles Chamberlain", "advocacy")]
    # near miss: a company before the same kind of title stays business
    text = "Google vice president Jane Roe said the results were good."
    assert speakers(text) == [("Google vice president Jane Roe", "business")]


def test_a_chapter_is_its_organisations() -> None:
    text = "The head of the NAACP's local chapter at the time said the police had lied."
    assert speakers(text)[0][1] == "advocacy"


def test_the_secretary_of_homeland_security_is_a_cabinet_secretary() -> None:
    assert speakers("Secretary of Homeland Security Jeh Johnson announced that the border was secure.")[0][1] == (
        "government")
    assert speakers("Homeland Security Secretary Kirstjen Nielsen said the wall works.")[0][1] == "government"


def test_the_president_of_an_insurers_association_is_business() -> None:
    text = ("Karen Ignagni, president of America's Health Insurance Plans, said the law would raise "
            "premiums.")
    assert speakers(text)[0][1] == "business"


def test_a_party_label_decides_over_a_weak_title_before_the_name() -> None:
    text = ("Sen. Marco Rubio (R-Fla.) and House Budget Chairman Paul Ryan (R-Wis.) are doing nothing to "
            "disguise their ambitions. Ryan said the budget would balance.")
    assert speakers(text) == [("Ryan", "government")]


def test_a_dateline_is_no_part_of_the_name_after_it() -> None:
    text = "Washington (CNN) President Donald Trump said on Monday that the virus was not a crisis."
    assert speakers(text) == [("Washington (CNN) President Donald Trump", "government")]
    # near miss: an organisation right before an owner title is still its owner
    assert speakers("NRA President Wayne LaPierre said guns save lives.")[0][1] == "advocacy"


def test_an_acronym_takes_the_category_of_the_name_it_was_defined_with() -> None:
    text = ("The National Highway Traffic Safety Administration (NHTSA) opened an inquiry. NHTSA said "
            "the cars were unsafe.")
    res = SpeakerResolver(text, tokenize(text))
    last = max(t for t, norm in enumerate(res.tokens.norms) if norm == "nhtsa")
    assert acronym_category(res, last) == "government"
    assert speakers(text) == [("NHTSA", "government")]
    # near miss: an acronym the text never defined has no category of its own
    assert speakers("NHTSA said the cars were unsafe.") == [("NHTSA", "other")]


# -- links ----------------------------------------------------------------------------------


def test_a_name_with_an_emphatic_reflexive_is_the_named_person() -> None:
    assert reflexive_core(["romney", "himself"], 0, 2) == 1
    text = ("Republican presidential nominee Mitt Romney lost in 2012. Romney himself has been a tough "
            "self-critic, telling reporters he has only himself to blame.")
    assert speakers(text) == [("Romney", "government")]


def test_the_speaker_is_the_house_speaker_named_before() -> None:
    text = ("House Speaker Paul Ryan talked repeatedly about ideas on Monday. The speaker said he wants to "
            "offer solutions.")
    res = SpeakerResolver(text, tokenize(text))
    assert res.entities().name(titled_antecedent(res, res.tokens.norms.index("the"), res.tokens.norms.index(
        "the") + 2)) == "Paul Ryan"
    assert speakers(text) == [("The speaker", "government")]
    # near miss: a speaker at a conference is no one the text names
    assert speakers("The conference had ten speakers. The speaker said he was happy.") == [("The speaker", "other")]


def test_both_after_two_named_politicians() -> None:
    text = ("Sen. Marco Rubio (R-Fla.) and House Budget Chairman Paul Ryan (R-Wis.) are running. Rubio and "
            "Ryan are competing. Both will unveil new policy plans at a dinner.")
    assert speakers(text) == [("Both", "government")]


def test_both_is_the_pair_joined_by_and_before_a_name_named_after_it() -> None:
    text = ("Sen. Marco Rubio (R-Fla.) and House Budget Chairman Paul Ryan (R-Wis.) are running. Rubio and "
            "Ryan, both arguably better positioned, are competing. POLITICO has learned both will unveil new "
            "policy plans at an awards dinner.")
    assert speakers(text) == [("both", "government")]


def test_a_first_word_alone_is_the_organisation_it_names() -> None:
    text = ("The tenacious activists of the Sunrise Movement pushed for a climate debate. After the debate, "
            "Sunrise called on Biden to cancel the fundraiser.")
    assert speakers(text) == [("Sunrise", "advocacy")]
    # near miss: a body named for a person does not take the person's name
    text = "The Trump Organization built towers. Trump said the towers were great."
    assert speakers(text) == [("Trump", "government")]


def test_a_setting_after_a_comma_is_no_appositive() -> None:
    text = ("Beto O'Rourke told Juliana Rossi, an organizer at Sunrise, during the CNN town hall that he "
            "agreed. After the debate, Sunrise called on Biden to cancel the fundraiser.")
    assert speakers(text)[-1] == ("Sunrise", "other")  # not media for "the CNN town hall"


@pytest.mark.parametrize(
    "text",
    [
        "He is the sort of person who would defend the indefensible.",
        "Anyone who says the economy is fine is not paying attention.",
    ],
)
def test_a_who_after_a_type_of_person_quotes_no_one(text: str) -> None:
    assert cues(text) == []


def test_a_who_after_a_person_is_the_person() -> None:
    assert cues("Voters heard from Smith, who said the plan would fail.") == ["said"]


def test_a_gerund_after_of_people_is_a_modifier() -> None:
    assert cues("Employers must check the immigration status of people seeking new jobs.") == []
    assert cues("Hundreds of people protested, saying the plan was unfair.") == ["saying"]


def test_a_spokesman_named_after_his_owners_spokesman_speaks_for_the_owner() -> None:
    text = ("Former Director of National Intelligence James Clapper was named. A Clapper spokesman, in a "
            "recent statement, appeared to distance the former intel boss from any leaks. \u201cLeaks need "
            "to be investigated,\u201d spokesman Shawn Turner said.")
    assert speakers(text) == [("spokesman Shawn Turner", "government")]
    # near miss: a spokesman with no owner in the text stays other
    assert speakers("Spokesman Shawn Turner said the leaks were bad.") == [("Spokesman Shawn Turner", "other")]


def test_a_person_described_only_by_age_is_a_citizen() -> None:
    text = ("Marlowe, a precocious 12-year-old with a fountain of curly hair, chose the memes. \u201cI love "
            "it,\u201d Marlowe said.")
    assert speakers(text) == [("Marlowe", "citizen")]
    # near miss: a role said with the age decides
    assert speakers("John Doe, a 54-year-old senator from Ohio, said no.")[0][1] == "government"


def test_a_surname_opening_a_sentence_is_the_name_written_before_in_a_possessive() -> None:
    text = ("Washington (CNN) President Donald Trump's aides were worried on Monday. Trump said the virus "
            "was not a crisis.")
    assert speakers(text) == [("Trump", "government")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Al Gore said the planet was warming.", "Al Gore"),
        ("De Blasio said the city was safe.", "De Blasio"),
        ("Le Pen said the vote was rigged.", "Le Pen"),
        ("Mayor Bill de Blasio said the city was safe.", "Mayor Bill de Blasio"),
        # near miss: a capitalised "Of" or "For" opening a sentence is no name word
        ("For Smith, the plan failed, aides said.", "aides"),
    ],
)
def test_a_capitalised_name_particle_opens_the_name(text: str, speaker: str) -> None:
    assert [s for s, _ in speakers(text)] == [speaker]


# -- owners written as possessives (2026-12-03, the seed-20261209 hand check) ---------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Iran's leaders said the nuclear deal was dead.", "government"),
        ("Israel's leader said the talks would go on.", "government"),
        ("Afghanistan\u2019s leaders have already rejected releasing 5,000 prisoners.", "government"),
        ("Iranian officials met on Monday. Iran's spokesman said the deal was dead.", "government"),
        ("China's foreign ministry said the visit was a provocation.", "government"),
        ("Apple's executives said the phone would ship in May.", "business"),
        ("The company's leaders said the plant would close.", "business"),
        ("The prosecutor's spokesman said the pilot had been treated for depression.", "law_enforcement"),
        ("The San Francisco district attorney\u2019s office said the charge was dropped.", "law_enforcement"),
        ("The attorney general\u2019s office said the tunnels were used by smugglers.", "law_enforcement"),
        ("But the president's personal lawyer, Rudy Giuliani, welcomed the news, saying it was over.",
         "government"),
    ],
)
def test_a_proxy_after_a_possessive_speaks_for_the_owner(text: str, category: str) -> None:
    # the owner is read without its "'s" (no lexicon term ends in one): a place stands for its
    # government, a role or an organisation of source_roles gives its category
    assert [c for _, c in speakers(text)] == [category]


def test_a_possessive_pronoun_takes_the_owner_from_its_antecedent() -> None:
    text = "Iran has rejected the talks. Its leaders said the deal was dead."
    assert speakers(text) == [("Iran", "government"), ("Its leaders", "government")]
    # "It" after a place is the place too (a place is never "he" or "she")
    assert speakers("Iran rejected the talks on Monday. It said the deal was dead.")[-1] == ("It", "government")


def test_leaders_without_an_owner_stay_other() -> None:
    # near misses: no owner; a demonym is a modifier, not the owner ("Hispanic leaders")
    assert speakers("The leaders said the deal was dead.") == [("The leaders", "other")]
    text = ("The Hispanic Chamber of Commerce met. About two dozen Hispanic leaders said they would "
            "not back Trump.")
    assert speakers(text) == [("two dozen Hispanic leaders", "other")]


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [  # a country or its nationality before a leader or spokesman: the country's government
        ("The Iranian leader said the talks had failed.", "The Iranian leader", "government"),
        ("The US leader said the talks had failed.", "The US leader", "government"),
        ("The North Korean leader said the missile test had worked.", "The North Korean leader", "government"),
        ("A Chinese spokesman said the visit was a provocation.", "A Chinese spokesman", "government"),
        ("Russian leaders said the sanctions would fail.", "Russian leaders", "government"),
        # near misses: a people that is no country, a proxy a nationality does not own
        ("An Islamist leader said the talks had failed.", "An Islamist leader", "other"),
        ("An Iranian lawyer said the trial was unfair.", "An Iranian lawyer", "other"),
    ],
)
def test_a_nationality_before_a_leader_is_the_countrys_government(text: str, speaker: str, category: str) -> None:
    assert speakers(text) == [(speaker, category)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The NRA's president said the law was wrong.", "advocacy"),
        ("The union's president said the strike would go on.", "advocacy"),
        ("Apple's founder said the phone was a revolution.", "business"),
        ("Iran's president said the deal was dead.", "government"),
        ("The committee\u2019s chairman said Wednesday that hearings would go on.", "government"),
    ],
)
def test_an_owner_title_after_a_possessive_takes_the_owners_category(text: str, category: str) -> None:
    # "president", "founder", "chairman" are titles any organisation has (owner=org in source_roles)
    assert [c for _, c in speakers(text)] == [category]


def test_an_owner_title_keeps_its_own_category_without_an_owner() -> None:
    # near misses: an owner that is no organisation of the lexicon, and no possessive at all
    assert [c for _, c in speakers("Smith's president said the law was wrong.")] == ["government"]
    assert [c for _, c in speakers("Administration allies including FDD\u2019s chief executive, "
                                   "Mark Dubowitz, said the deal was bad.")] == ["business"]


# -- a person's name is no organisation (2026-12-03, the seed-20261209 hand check) ----------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the accuser (source_roles 1.9.0: citizen), not the company
        ("His accuser, Christine Blasey Ford, said she was afraid.", "citizen"),
        ("Kavanaugh\u2019s accuser, Christine Blasey Ford, said she was afraid.", "citizen"),
        ("Ms. Ford said she was afraid.", "other"),
        ("Mr. Baker said the cloud was safe.", "other"),
        ("Freddy Ford, a spokesman for Bush, said the story was made up.", "other"),
        ("Freddy Ford, a spokesman for Bush, told The Texas Tribune that Bush would not run. "
         "\u201cThis is completely made up,\u201d Ford said in an email.", "other"),
    ],
)
def test_a_company_word_in_a_persons_name_is_no_role(text: str, category: str) -> None:
    # "Ford" (business) and "baker" (citizen) of source_roles are surnames here: the honorific,
    # the given name with a description set off beside it or the surname alone say it is a person
    assert [c for _, c in speakers(text)][-1] == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Rep. Rob Bishop said the land was safe.", "government"),  # a title, not the clergy
        ("Former New York Mayor Michael Bloomberg said the city was safe.", "government"),
    ],
)
def test_a_title_before_a_name_decides_over_a_role_word_in_it(text: str, category: str) -> None:
    assert [c for _, c in speakers(text)] == [category]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ford Motor said the car was safe.", "business"),
        ("Ford Motor, the automaker, said the car was safe.", "business"),
        ("Ford said the car was safe.", "business"),
        ("The Ford spokesman said the car was safe.", "business"),
        ("The California Democrat said the land was safe.", "government"),
        ("Belén Sisa, Sanders\u2019 Latino Press Secretary, told BuzzFeed News that it was over.",
         "government"),
        ("The Colorado Springs Gazette reported that the numbers were few.", "media"),
    ],
)
def test_a_role_word_in_a_name_without_a_given_name_still_counts(text: str, category: str) -> None:
    # near misses: a company named by its word, a place or a title before the word, a possessive
    assert [c for _, c in speakers(text)] == [category]


# -- writers for an outlet (2026-12-03, the seed-20261209 hand check) ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mitch Albom wrote in the Detroit Free Press that the team was done.",
        "\u201cShe can\u2019t divorce him,\u201d Michelle Goldberg wrote recently in Slate.",
        "Jane Doe wrote in a column for The Atlantic that the team was done.",
        "David Roberts wrote on Vox that the plan could break down.",
    ],
)
def test_a_writer_who_writes_in_an_outlet_is_media(text: str) -> None:
    assert [c for _, c in speakers(text)] == ["media"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Jane Doe wrote on Twitter that the team was done.", "other"),  # a platform, no outlet
        ("Jane Doe wrote in a letter to Congress that the team was done.", "other"),
        ("Jane Doe said on CNN that the team was done.", "other"),  # a guest, not a writer
        ("Sen. Jane Doe wrote in The Atlantic that the bill was dead.", "government"),  # her own role
    ],
)
def test_a_writer_without_an_outlet_keeps_her_category(text: str, category: str) -> None:
    assert [c for _, c in speakers(text)] == [category]


@pytest.mark.parametrize("dash", [",", " \u2013", " \u2014", " --"])
def test_who_after_an_appositive_set_off_by_a_dash_is_the_name(dash: str) -> None:
    # "Sen. Mara Quill – a Yale-educated economist who has warned": "who" is the senator, not "an economist"
    text = (f"On Tuesday, Ohio Sen. Mara Quill{dash} a Yale-educated economist who has warned that the plan "
            "would fail, voted no.")
    assert ("who", "government") in speakers(text)


def test_who_after_an_unnamed_phrase_keeps_the_phrase() -> None:
    # near miss: no name before the dash, "who" is the phrase before it
    text = "On Tuesday, the panel \u2013 an economist who has warned that the plan would fail \u2013 voted no."
    assert ("who", "expert") in speakers(text)
